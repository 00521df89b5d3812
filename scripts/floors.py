#!/usr/bin/env python3
"""Prints the [[floor]] entries of tests/eval/floors.toml for held-out sets
just read, from the outcome files examples/blind_outcomes.rs writes (one
tab-separated line per case: SET, positive|negative, INDEX, CATEGORY,
HIT 0/1, ACCOUNT 0/1, RULES). No case text is read.

    python3 scripts/floors.py --arrival ARR.tsv --shipped SHIP.tsv \\
        [--deep-arrival ARRD.tsv --deep-shipped SHIPD.tsv] \\
        --commit ARRIVAL_COMMIT --change "the change's name" \\
        --date "2026-12-06 (thirty-ninth session)" \\
        heldout181.toml heldout182.toml ... >> tests/eval/floors.toml

ARR.tsv is the pack the sets arrived on (ARRIVAL_COMMIT, before the
change), SHIP.tsv the pack with the change; the --deep-* files the same
with `--deep`. Each set gets a default-pack floor, and a deep one when the
deep files are given: positives and negatives as counted, recall per
category found/total rounded down to two decimals, max_flagged the hard
negatives flagged, all from SHIP.tsv; the comments record both readings.
With --not-shipped (the change was not shipped) the floors come from
ARR.tsv, and SHIP.tsv, if given, is only quoted as the candidate's figures.
Standard library only.
"""
import argparse
import math
import pathlib
import re
import sys
from fractions import Fraction

ROOT = pathlib.Path(__file__).resolve().parent.parent


def fail(msg):
    sys.exit(f"floors.py: {msg}")


def read_outcomes(path, sets):
    """{set: {"positive": {cat: [cases, hits]}, "negative": [cases, hits]}}
    for the sets asked for; other sets in the file are skipped."""
    out = {s: {"positive": {}, "negative": [0, 0]} for s in sets}
    seen = set()
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            cols = line.split("\t")
            if len(cols) != 7:
                fail(f"{path}:{n}: expected 7 tab-separated columns, got {len(cols)}")
            name, label, index, cat, hit, _account, _rules = cols
            if name not in out:
                continue
            if label not in ("positive", "negative") or hit not in ("0", "1"):
                fail(f"{path}:{n}: bad line")
            if (name, label, index) in seen:
                fail(f"{path}:{n}: {name} {label} {index} twice")
            seen.add((name, label, index))
            if label == "positive":
                score = out[name]["positive"].setdefault(cat, [0, 0])
            else:
                score = out[name]["negative"]
            score[0] += 1
            score[1] += int(hit)
    for s, o in out.items():
        if not o["positive"] and o["negative"][0] == 0:
            fail(f"{path}: no case of {s}")
    return out


def counts(o):
    positives = sum(c for c, _ in o["positive"].values())
    found = sum(h for _, h in o["positive"].values())
    negatives, flagged = o["negative"]
    return positives, negatives, found, flagged


def floor2(cases, hits):
    """hits/cases rounded down to two decimals, as TOML text; exact, so
    17/20 gives 0.85 and never 0.84."""
    k = math.floor(Fraction(hits, cases) * 100)
    if k == 100:
        return "1.0"
    if k % 10 == 0:
        return f"0.{k // 10}"
    return f"0.{k:02d}"


def key(cat):
    return f'"{cat}"' if not re.fullmatch(r"[A-Za-z0-9_]+", cat) else cat


def number(name):
    m = re.fullmatch(r"heldout(\d*)\.toml", name)
    if not m:
        fail(f"{name}: not a held-out set's file name (heldoutN.toml)")
    return int(m[1] or 1)


def pooled(sets):
    """", pooled with heldout177-180" for several sets, "" for one."""
    if len(sets) == 1:
        return ""
    nums = sorted(number(s) for s in sets)
    if nums == list(range(nums[0], nums[-1] + 1)):
        return f", pooled with heldout{nums[0]}-{nums[-1]}"
    return ", pooled with " + ", ".join(f"heldout{n}" for n in nums)


def entry(name, pack, arrival, shipped, args):
    a = arrival[name]
    s = shipped[name] if shipped else None
    floors_from = a if args.not_shipped else s
    ap, an, afound, aflagged = counts(a)
    if s is not None:
        sp, sn, sfound, sflagged = counts(s)
        if (sp, sn) != (ap, an) or sorted(s["positive"]) != sorted(a["positive"]):
            fail(f"{name} ({pack}): the arrival and shipped files disagree on its cases")
    positives, negatives, _, flagged = counts(floors_from)
    lines = [
        "",
        "[[floor]]",
        f'set = "{name}"',
        f'pack = "{pack}"',
        'kind = "blind"',
        f"positives = {positives}",
        f"negatives = {negatives}",
        f"max_flagged = {flagged}",
        f"# read once, {args.date}{pooled(args.sets)}: {afound} found, "
        f"{aflagged} flagged on arrival ({args.commit})",
    ]
    if not args.not_shipped:
        lines.append(f"# {args.change} (shipped by this reading): {sfound} found, {sflagged} flagged")
    elif s is not None:
        lines.append(
            f"# {args.change} (not shipped; the floors are the figures on arrival): "
            f"the candidate {sfound} found, {sflagged} flagged"
        )
    else:
        lines.append(f"# {args.change} (not shipped; the floors are the figures on arrival)")
    lines.append("[floor.recall]")
    for cat in sorted(floors_from["positive"]):
        cases, hits = floors_from["positive"][cat]
        lines.append(f"{key(cat)} = {floor2(cases, hits)}")
    return "\n".join(lines)


def main():
    p = argparse.ArgumentParser(
        description="Prints tests/eval/floors.toml entries for held-out sets just read."
    )
    p.add_argument("--arrival", required=True, help="outcomes on the pack the sets arrived on")
    p.add_argument("--shipped", help="outcomes with the change (required unless --not-shipped)")
    p.add_argument("--deep-arrival", help="as --arrival, with --deep")
    p.add_argument("--deep-shipped", help="as --shipped, with --deep")
    p.add_argument("--commit", required=True, help="the commit the sets arrived on")
    p.add_argument("--change", required=True, help="the change's name, as in docs/EVALUATION.md")
    p.add_argument("--date", required=True, help='e.g. "2026-12-06 (thirty-ninth session)"')
    p.add_argument(
        "--not-shipped",
        action="store_true",
        help="the change was not shipped: floors from the arrival files",
    )
    p.add_argument("sets", nargs="+", help="heldoutN.toml ...")
    args = p.parse_args()

    if not args.not_shipped and not args.shipped:
        fail("--shipped is required unless --not-shipped")
    if args.deep_shipped and not args.deep_arrival:
        fail("--deep-shipped needs --deep-arrival")
    if args.deep_arrival and not args.not_shipped and not args.deep_shipped:
        fail("--deep-arrival needs --deep-shipped unless --not-shipped")
    if len(set(args.sets)) != len(args.sets):
        fail("a set named twice")
    for s in args.sets:
        number(s)
        if not (ROOT / "tests/eval" / s).is_file():
            print(f"floors.py: warning: tests/eval/{s} does not exist (yet)", file=sys.stderr)

    floors_toml = ROOT / "tests/eval/floors.toml"
    if floors_toml.is_file():
        have = set(re.findall(r'^set = "([^"]+)"\npack = "(\w+)"', floors_toml.read_text(), re.M))
        for s in args.sets:
            for pack in ("default", "deep"):
                if (s, pack) in have:
                    print(f"floors.py: warning: {s} ({pack}) already has a floor", file=sys.stderr)

    out = []
    arrival = read_outcomes(args.arrival, args.sets)
    shipped = read_outcomes(args.shipped, args.sets) if args.shipped else None
    out += [entry(s, "default", arrival, shipped, args) for s in args.sets]
    if args.deep_arrival:
        arrival = read_outcomes(args.deep_arrival, args.sets)
        shipped = read_outcomes(args.deep_shipped, args.sets) if args.deep_shipped else None
        out += [entry(s, "deep", arrival, shipped, args) for s in args.sets]
    print("\n".join(out))


if __name__ == "__main__":
    main()

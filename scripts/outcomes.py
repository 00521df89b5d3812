#!/usr/bin/env python3
"""Summaries of `examples/blind_outcomes.rs` files (docs/EVALUATION.md).

    scripts/outcomes.py summary OUT.tsv [CANDIDATE.tsv]
        per-category found, and hard negatives flagged; with a candidate,
        both side by side with the difference
    scripts/outcomes.py changed OUT.tsv CANDIDATE.tsv
        the cases whose verdict differs, by set and index only (no text)
    scripts/outcomes.py misses OUT.tsv CATEGORY [--from N] [--to M]
        the texts of the positives of CATEGORY missed, in sets N..M; only for
        sets already read (tests/eval/), never the reserved ones
    scripts/outcomes.py flagged OUT.tsv [--from N] [--to M]
        the texts of the hard negatives flagged, with the rules that fired
    scripts/outcomes.py blocks OUT.tsv CANDIDATE.tsv [--size K] [--from N] [--to M]
        the candidate's gain cut into blocks of K sets (default 4, the size
        of a reading), counted back from the last set so the newest block
        is whole: per block the change in found, in flagged and in found
        minus flagged, then their mean and spread, how many blocks gained
        nothing, and the newest quarter's mean, which is what a reading on
        fresh sets is most like (docs/EVALUATION.md, "Short texts at a
        stricter bar")
    scripts/outcomes.py readme OUT.tsv
        the README's "What to expect from a scan" table: per category the
        breaches found, the range of per-set recall and the share of that
        category's look-alikes flagged

Summary and changed print aggregates and case positions only, so they may
be run on a set being read once; misses and flagged print texts, so they
are for development sets.
"""
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def number(name):
    n = name.removeprefix("heldout").removesuffix(".toml")
    return 1 if n == "" else int(n)


def load(path):
    rows = {}
    for line in open(path, encoding="utf-8"):
        s, kind, idx, cat, hit, account, rules = line.rstrip("\n").split("\t")
        rows[(s, kind, int(idx))] = (cat, hit == "1", rules)
    return rows


def totals(rows):
    cats = defaultdict(lambda: [0, 0])
    flagged = negatives = 0
    for (s, kind, _), (cat, hit, _) in rows.items():
        if kind == "positive":
            cats[cat][0] += hit
            cats[cat][1] += 1
        else:
            negatives += 1
            flagged += hit
    return cats, flagged, negatives


def summary(a, b=None):
    ca, fa, na = totals(a)
    cb, fb, nb = totals(b) if b is not None else (None, None, None)
    found = sum(v[0] for v in ca.values())
    cases = sum(v[1] for v in ca.values())
    for cat in sorted(ca):
        f, n = ca[cat]
        line = f"{cat:15} {f:6} / {n:<6} {f / n:.3f}"
        if cb is not None:
            g = cb[cat][0]
            line += f"   -> {g:6} ({g - f:+d})"
        print(line)
    line = f"{'all':15} {found:6} / {cases:<6} {found / cases:.3f}"
    if cb is not None:
        g = sum(v[0] for v in cb.values())
        line += f"   -> {g:6} ({g - found:+d})"
    print(line)
    line = f"{'flagged':15} {fa:6} / {na:<6} {fa / na:.3f}"
    if cb is not None:
        line += f"   -> {fb:6} ({fb - fa:+d})"
    print(line)
    if cb is not None:
        g = sum(v[0] for v in cb.values())
        print(f"found - flagged: {found - fa} -> {g - fb} ({(g - fb) - (found - fa):+d})")


def changed(a, b):
    for key in sorted(set(a) | set(b), key=lambda k: (number(k[0]), k[1], k[2])):
        x, y = a.get(key), b.get(key)
        if x is None or y is None or x[1] != y[1]:
            was = "-" if x is None else int(x[1])
            now = "-" if y is None else int(y[1])
            cat = (x or y)[0]
            print(f"{key[0]}\t{key[1]}\t{key[2]}\t{cat}\t{was} -> {now}\t{(y or x)[2]}")


def blocks(a, b, size, lo, hi):
    per = defaultdict(lambda: [0, 0])
    for key in set(a) & set(b):
        n = number(key[0])
        if not lo <= n <= hi:
            continue
        d = int(b[key][1]) - int(a[key][1])
        per[n][0 if key[1] == "positive" else 1] += d
    sets = sorted(per)
    if len(sets) < size:
        sys.exit("blocks: fewer sets than one block")
    rows = []
    for end in range(len(sets), size - 1, -size):
        chunk = sets[end - size : end]
        found = sum(per[n][0] for n in chunk)
        flagged = sum(per[n][1] for n in chunk)
        rows.append((chunk[0], chunk[-1], found, flagged, found - flagged))
    rows.reverse()
    print("sets\tfound\tflagged\tfound - flagged")
    for first, last, found, flagged, net in rows:
        print(f"{first}-{last}\t{found:+d}\t{flagged:+d}\t{net:+d}")
    nets = [r[4] for r in rows]
    mean = sum(nets) / len(nets)
    sd = (sum((x - mean) ** 2 for x in nets) / len(nets)) ** 0.5
    recent = nets[-max(1, len(nets) // 4) :]
    print(
        f"{len(nets)} blocks of {size}: found - flagged {mean:+.2f} a block "
        f"(standard deviation {sd:.2f}), no gain in {sum(x < 1 for x in nets)}; "
        f"the newest {len(recent)}: {sum(recent) / len(recent):+.2f}"
    )


NAMES = {
    "confidential": "confidential material",
    "political": "political opinion",
    "commercial": "commercial endorsement",
    "personal-data": "personal data",
    "location": "location",
    "conduct": "abuse, hate, threats (conduct)",
    "patient-data": "patient data",
    "credit": "credit and permission",
    "safeguarding": "safeguarding",
    "links": "links",
}


def readme(rows):
    per_set = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    near = defaultdict(lambda: [0, 0])
    sets = defaultdict(lambda: [0, 0])
    for (s, kind, _), (cat, hit, _) in rows.items():
        if kind == "positive":
            per_set[cat][s][0] += hit
            per_set[cat][s][1] += 1
            sets[s][0] += hit
            sets[s][1] += 1
        else:
            near[cat][0] += hit
            near[cat][1] += 1
    cats, flagged, negatives = totals(rows)
    lines = []
    for cat in NAMES:
        f, n = cats[cat]
        rates = [h / t for h, t in per_set[cat].values() if t >= 5]
        lo, hi = min(rates), max(rates)
        fl = near[cat][0] / near[cat][1] if near[cat][1] else 0.0
        lines.append((f / n, f"| {NAMES[cat]} | {f / n:.0%} ({f:,} of {n:,}) | "
                      f"{lo:.0%}–{hi:.0%} | {fl:.1%} |"))
    for _, line in sorted(lines, key=lambda x: -x[0]):
        print(line.replace("%–", "–"))
    found = sum(v[0] for v in cats.values())
    total = sum(v[1] for v in cats.values())
    rates = [h / t for h, t in sets.values()]
    print(f"| **all** | **{found / total:.0%} ({found:,} of {total:,})** | "
          f"{min(rates):.0%}–{max(rates):.0%} | **{flagged / negatives:.1%} "
          f"({flagged:,} of {negatives:,})** |".replace("%–", "–"))


def texts(name):
    path = ROOT / "tests" / "eval" / name
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {"positive": data.get("positive", []), "negative": data.get("negative", [])}


def shown(case):
    """A case's text; an account case (`records = [...]`, no `text`) shows
    its records' texts joined, and a case with neither its fields."""
    if "text" in case:
        return case["text"]
    if "records" in case:
        return " | ".join(str(r.get("text", r)) for r in case["records"])
    return {k: v for k, v in case.items() if k not in ("category", "near")}


def listing(rows, want, lo, hi):
    cache = {}
    for key in sorted(rows, key=lambda k: (number(k[0]), k[1], k[2])):
        s, kind, idx = key
        if not lo <= number(s) <= hi:
            continue
        cat, hit, rules = rows[key]
        if not want(kind, cat, hit):
            continue
        if s not in cache:
            cache[s] = texts(s)
        case = cache[s][kind][idx]
        extra = f" [{case['kind']}]" if "kind" in case else ""
        print(f"{s}:{kind}:{idx} {cat}{extra} {rules}\n    {shown(case)!r}")


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    lo, hi, size = 0, 10**9, 4
    if "--size" in args:
        i = args.index("--size")
        size = int(args[i + 1])
        del args[i : i + 2]
    for flag in ("--from", "--to"):
        if flag in args:
            i = args.index(flag)
            v = int(args[i + 1])
            del args[i : i + 2]
            if flag == "--from":
                lo = v
            else:
                hi = v
    cmd, rest = args[0], args[1:]
    if cmd == "summary" and len(rest) in (1, 2):
        summary(load(rest[0]), load(rest[1]) if len(rest) == 2 else None)
    elif cmd == "changed" and len(rest) == 2:
        changed(load(rest[0]), load(rest[1]))
    elif cmd == "misses" and len(rest) == 2:
        cat = rest[1]
        listing(load(rest[0]), lambda k, c, h: k == "positive" and c == cat and not h, lo, hi)
    elif cmd == "blocks" and len(rest) == 2:
        blocks(load(rest[0]), load(rest[1]), size, lo, hi)
    elif cmd == "readme" and len(rest) == 1:
        readme(load(rest[0]))
    elif cmd == "flagged" and len(rest) == 1:
        listing(load(rest[0]), lambda k, c, h: k == "negative" and h, lo, hi)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Joins the two parts of blind held-out sets into
tests/eval/reserved/heldoutN.toml (tests/eval/reserved/WRITING.md).

    python3 scripts/blind-assemble.py --parts DIR --date 2026-12-06 \\
        --session thirty-ninth 185 186 187 188

DIR holds hN-A.toml and hN-B.toml for each set N, written by the blind
authors. Each part must parse and hold 100 positives and 100 negatives,
20 of each per category of its half. The set gets the standard header,
then part A and part B as written, each under a rule line. The header
counts the set's cases that equal an earlier text (after lower-casing and
collapsing spaces) and those that share more than 60% of their words
with one (Jaccard similarity of the word sets above 0.6), against every
set under tests/eval/ and tests/eval/reserved/ and every training text
under rules/models/training/. Only counts are printed; no text is shown.
Standard library only.
"""
import argparse
import re
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = {
    "A": ["patient-data", "personal-data", "confidential", "conduct", "safeguarding"],
    "B": ["links", "political", "commercial", "location", "credit"],
}
WORD = re.compile(r"[a-z0-9']+")


def fail(msg):
    sys.exit(f"blind-assemble: {msg}")


def check_part(path, part):
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        fail(f"{path}: {e}")
    pos, neg = doc.get("positive", []), doc.get("negative", [])
    for cat in PARTS[part]:
        p = sum(1 for c in pos if c.get("category") == cat)
        n = sum(1 for c in neg if c.get("near") == cat)
        if p != 20 or n != 20:
            fail(f"{path}: {cat}: {p} positives and {n} negatives (want 20 and 20)")
    if len(pos) != 100 or len(neg) != 100:
        fail(f"{path}: {len(pos)} positives and {len(neg)} negatives (want 100 and 100)")
    return pos, neg


def earlier_texts(exclude):
    texts = []
    for d in [ROOT / "tests/eval", ROOT / "tests/eval/reserved"]:
        for p in sorted(d.glob("*.toml")):
            if p.name in exclude:
                continue
            doc = tomllib.loads(p.read_text(encoding="utf-8"))
            for k in ("positive", "negative"):
                for c in doc.get(k, []):
                    if "text" in c:
                        texts.append(c["text"])
    for p in sorted((ROOT / "rules/models/training").glob("*.tsv")):
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            cols = line.split("\t")
            texts.append(cols[-1])
    return texts


def norm(t):
    return " ".join(t.lower().split())


class Overlap:
    def __init__(self, texts):
        self.exact = {norm(t) for t in texts}
        self.sets = [frozenset(WORD.findall(t.lower())) for t in texts]
        self.index = defaultdict(list)
        for i, ws in enumerate(self.sets):
            for w in ws:
                self.index[w].append(i)

    def near(self, text):
        ws = frozenset(WORD.findall(text.lower()))
        if not ws:
            return False
        shared = defaultdict(int)
        for w in ws:
            for i in self.index.get(w, ()):
                shared[i] += 1
        return any(
            s / (len(ws) + len(self.sets[i]) - s) > 0.6 for i, s in shared.items()
        )


HEADER = """# Held-out set {n} for the default pack (issue 10).
#
# Written on {date} ({session} session) by two helpers of the
# issue-10 session (part A: patient-data, personal-data, confidential,
# conduct, safeguarding; part B: links, political, commercial, location,
# credit), as authors independent of the rules and of the training texts:
# from the four policies (keys SUN, CUM, HEFT, WAL), the clause list and the
# identifier notes only, with the loader (tests/eval/sets.rs) for the format
# (their brief: tests/eval/reserved/WRITING.md).
# rules/ (training texts included), src/, docs/ and the other eval sets were
# NOT to be read, and no case was run through the tool while it was written.
# {first} to {last} were written at the same time by {authors}
# authors who did not see each other's files, and kept unread in
# tests/eval/reserved/ (its README).
# Against the earlier sets and the training texts: {equal} case(s) equal
# an earlier text and {near} share more than 60% of their words with one
# ({near_pos} of them positives), kept as written.
# The authors' organisations and debatable labels are in each part's header.
#
# NEVER edit a case to make a miss pass or to quieten a flagged negative.
# Only a case that is itself wrong (mislabelled, or holding an identifier
# that is not synthetic) may be changed, with a comment beside it saying
# what was wrong, who changed it and when.
"""


def rule(part):
    return f"\n# {'═' * 29} part {part} {'═' * 29}\n\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--parts", required=True, type=Path)
    ap.add_argument("--date", required=True)
    ap.add_argument("--session", required=True, help='e.g. "thirty-ninth"')
    ap.add_argument("sets", nargs="+", type=int)
    a = ap.parse_args()
    names = [f"heldout{n}.toml" for n in a.sets]
    out_dir = ROOT / "tests/eval/reserved"
    for name in names:
        if (out_dir / name).exists() or (ROOT / "tests/eval" / name).exists():
            fail(f"{name} exists already")
    parts = {}
    for n in a.sets:
        for p in "AB":
            path = a.parts / f"h{n}-{p}.toml"
            parts[(n, p)] = (path.read_text(encoding="utf-8"), check_part(path, p))
    overlap = Overlap(earlier_texts(set(names)))
    for n in a.sets:
        equal = near = near_pos = 0
        for p in "AB":
            pos, neg = parts[(n, p)][1]
            for kind, cases in (("positive", pos), ("negative", neg)):
                for c in cases:
                    t = c.get("text", "")
                    if norm(t) in overlap.exact:
                        equal += 1
                    elif overlap.near(t):
                        near += 1
                        near_pos += kind == "positive"
        text = HEADER.format(
            n=n,
            date=a.date,
            session=a.session,
            first=names[0],
            last=names[-1],
            authors=2 * len(names),
            equal=equal,
            near=near,
            near_pos=near_pos,
        )
        for p in "AB":
            text += rule(p) + parts[(n, p)][0].rstrip("\n") + "\n"
        (out_dir / f"heldout{n}.toml").write_text(text, encoding="utf-8")
        # the joined file must still parse, with both halves in it
        doc = tomllib.loads(text)
        assert len(doc["positive"]) == 200 and len(doc["negative"]) == 200
        print(f"heldout{n}.toml: 200 breaches, 200 hard negatives; "
              f"{equal} equal and {near} near an earlier text ({near_pos} positives)")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Findings per rule on the real export samples (docs/EVALUATION.md, "Short
links and bios"): the check a change must pass besides the blind sets,
whose breaches and look-alikes are all NHS-shaped. Real accounts post
ordinary links, names and places the sets never hold.

    scripts/real-samples.py BINARY [--rules FOLDER] [--samples DIR]
        scans every sample folder under DIR (default ../shared/formats,
        one level of platform folders, then one folder per sample) and
        prints the number of findings per rule id
    scripts/real-samples.py BINARY --rules FOLDER --against BINARY2 [--rules2 FOLDER2]
        the same for two packs, side by side, only the rules that differ

Standard library only. The samples are not part of the repository; where
DIR does not exist the script says so and exits 2.
"""
import argparse
import csv
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def counts(binary, rules, samples):
    total = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for d in sorted(p for p in samples.glob("*/*") if p.is_dir()):
            out = Path(tmp) / f"{d.parent.name}-{d.name}.csv"
            cmd = [binary, "scan", str(d), "-o", str(out), "--quiet"]
            if rules:
                cmd += ["--rules", rules]
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if not out.exists():
                continue
            with open(out, newline="", encoding="utf-8-sig") as f:
                for row in csv.DictReader(f):
                    total[row.get("rule_id", "?")] += 1
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--rules")
    ap.add_argument("--against")
    ap.add_argument("--rules2")
    ap.add_argument("--samples", default=str(ROOT.parent / "shared" / "formats"))
    a = ap.parse_args()
    samples = Path(a.samples)
    if not samples.is_dir():
        print(f"real-samples: no samples at {samples}", file=sys.stderr)
        sys.exit(2)
    one = counts(a.binary, a.rules, samples)
    if not a.against:
        for rule, n in sorted(one.items(), key=lambda x: (-x[1], x[0])):
            print(f"{n:6d}  {rule}")
        print(f"{sum(one.values()):6d}  (all)")
        return
    two = counts(a.against, a.rules2, samples)
    for rule in sorted(set(one) | set(two)):
        if one[rule] != two[rule]:
            print(f"{one[rule]:6d} -> {two[rule]:6d}  {rule}")
    print(f"{sum(one.values()):6d} -> {sum(two.values()):6d}  (all)")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Build rules/lexicons/forenames.toml: the `signal.forename` rule, a
case-sensitive pattern over UK given names, used by the patient-data and
personal-data compositions of rules/compose.toml (issue 10: "a name from a
gazetteer of UK forenames ... shipped as data with its source").

    python3 scripts/build-forenames-list.py MIRROR_DIR OLID_TRAIN_TSV [--out FILE]

MIRROR_DIR holds git copies of github.com/mine-cetinkaya-rundel/ukbabynames
and github.com/carltonnorthern/nicknames as MIRROR_DIR/<owner>+<name>/repo
(what the project's `fetch` tool writes) or MIRROR_DIR/<name> (an ordinary
clone). Inputs are read with `git show COMMIT:PATH` at the pinned commits
and their SHA-256 printed into the output, so every run gives the same
bytes. Standard library only.

Sources (rules/lexicons/forenames.md):
1. data-raw/nibabynames/nibabynames.csv: every name registered in Northern
   Ireland 1997-2020 at least three times in a year (NISRA).
2. data-raw/ewbabynames/rankings.csv: the top 100 names in England and Wales
   each decade 1904-1994 (ONS), the names of older patients.
Both are Open Government Licence v3.0 data; the package is CC0.
3. names.csv of carltonnorthern/nicknames (Apache-2.0): `has_nickname`
   pairs. The short forms of names already in the list above join it
   ("Bert" of Albert and Herbert, "Reg" of Reginald, "Dot" of Dorothy):
   patients are often old and are called by them. A short form of a name
   not in the UK list is not taken.

Filter: a name that is also an ordinary English word would fire on every
sentence that starts with it ("Will", "May", "Hope", "Grant"). A name is
dropped when, in the OLID training tweets (OLID_TRAIN_TSV; the training
split only, never the test split), its lower-case form occurs at least
three times and more often than the capitalised name, or when it is
shorter than three letters. Short forms (source 3) are more often
words ("Cliff", "Tick", "Squat"), so they pass a stricter test over more
text: dropped when their lower-case form occurs at all, and at least as
often as the capitalised one, in the OLID training tweets, the SMS Spam
Collection and the TweetEval hate training split (found beside the OLID
file as eval-data/train/sms-spam/ and eval-data/train/tweeteval/hate/), or
the project's own training texts (rules/models/training/*.tsv).
"""
import hashlib, pathlib, re, subprocess, sys, collections

COMMIT = "199970dc97c49deabd0d8fba7e90704ffaadbd12"
NICKNAMES_COMMIT = "21d75051c39cb022d145388d60c87dc30505228b"
INPUTS = {
    "data-raw/nibabynames/nibabynames.csv": None,
    "data-raw/ewbabynames/rankings.csv": None,
}

# Words next to a name that make it staff, a public figure or a place.
UNLESS = [
    "dr", "doctor", "nurse", "sister", "matron", "prof", "professor", "consultant",
    "midwife", "surgeon", "paramedic", "porter", "sir", "dame", "lord", "lady", "king",
    "queen", "prince", "princess", "saint", "st", "councillor", "cllr", "mp", "royal",
    "infirmary", "hospital", "hospice", "ward", "house", "centre", "center", "street",
    "road", "avenue", "lane", "building", "wing", "unit", "suite", "school", "college",
    "university", "primary", "academy", "court", "hall", "park", "fc", "united",
    "city", "county", "station", "bridge", "square", "place", "way", "drive", "close",
]

def repo(mirror, owner="mine-cetinkaya-rundel", name="ukbabynames"):
    for p in [mirror / f"{owner}+{name}" / "repo", mirror / name]:
        if p.exists():
            return p
    sys.exit(f"no {name} copy under {mirror}")

def show(r, path, commit=COMMIT):
    return subprocess.run(["git", "-C", str(r), "show", f"{commit}:{path}"],
                          check=True, capture_output=True).stdout

def main():
    args = sys.argv[1:]
    out = pathlib.Path("rules/lexicons/forenames.toml")
    if "--out" in args:
        i = args.index("--out"); out = pathlib.Path(args[i + 1]); del args[i:i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    r = repo(pathlib.Path(args[0]))
    names = set()
    sums = {}
    for path in INPUTS:
        data = show(r, path)
        sums[path] = hashlib.sha256(data).hexdigest()
        rows = data.decode("utf-8").splitlines()[1:]
        for row in rows:
            cells = row.split(",")
            name = cells[2] if path.endswith("nibabynames.csv") else cells[0]
            if path.endswith("nibabynames.csv") and cells[3] == "NA":
                continue  # a section header row
            if re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", name):
                names.add(name)
    # Short forms of the names above.
    nick = show(repo(pathlib.Path(args[0]), "carltonnorthern", "nicknames"), "names.csv",
                NICKNAMES_COMMIT)
    sums["carltonnorthern/nicknames names.csv"] = hashlib.sha256(nick).hexdigest()
    lower = {n.lower() for n in names}
    short = set()
    for row in nick.decode("utf-8").splitlines()[1:]:
        cells = row.split(",")
        if len(cells) == 3 and cells[1] == "has_nickname" and cells[0] in lower:
            n = cells[2].strip().capitalize()
            if re.fullmatch(r"[A-Z][a-z]+", n) and n not in names:
                short.add(n)
    names |= short
    olid = pathlib.Path(args[1]).read_bytes()
    sums["OLID training split"] = hashlib.sha256(olid).hexdigest()
    words = collections.Counter(re.findall(r"(?<![A-Za-z])[A-Za-z][a-z]*(?![A-Za-z])", olid.decode("utf-8")))
    # an ordinary word: written in lower case at least three times, and
    # more often in lower case than capitalised
    def ordinary(n):
        return words[n.lower()] >= 3 and words[n.lower()] > words[n]
    # the wider text for short forms
    train = pathlib.Path(args[1]).parent.parent
    extra = [train / "sms-spam" / "SMSSpamCollection",
             train / "tweeteval" / "hate" / "train_text.txt"]
    extra += sorted(pathlib.Path("rules/models/training").glob("*.tsv"))
    wide = collections.Counter(words)
    digest = hashlib.sha256()
    for f in extra:
        b = f.read_bytes()
        digest.update(b)
        wide.update(re.findall(r"(?<![A-Za-z])[A-Za-z][a-z]*(?![A-Za-z])", b.decode("utf-8", "replace")))
    sums["short-form filter text (SMS, TweetEval hate train, rules/models/training)"] = digest.hexdigest()
    def word_like(n):
        return wide[n.lower()] >= 1 and wide[n.lower()] >= wide[n]
    wordlike = {n for n in short if word_like(n)}
    names -= wordlike
    kept = sorted(n for n in names if len(n) >= 3 and not ordinary(n))
    added = sorted(n for n in short if n in kept)
    dropped = sorted(n for n in names if n not in kept)
    alternation = "|".join(kept)
    unless = ", ".join(f'"{w}"' for w in UNLESS)
    text = f"""# GENERATED by scripts/build-forenames-list.py; do not edit by hand.
# UK given names (NISRA Northern Ireland 1997-2020, ONS England and Wales
# top 100 1904-1994; Open Government Licence v3.0, via the CC0 R package
# ukbabynames at commit {COMMIT}) and their short forms
# (carltonnorthern/nicknames at commit {NICKNAMES_COMMIT}, Apache-2.0),
# minus names that are ordinary words.
# Provenance and the filter: rules/lexicons/forenames.md.
# Inputs (sha256):
""" + "".join(f"#   {p}: {h}\n" for p, h in sums.items()) + f"""# {len(kept)} names kept ({len(added)} of them short forms), {len(dropped)} dropped as ordinary words or too short,
# and {len(wordlike)} short forms left out as words.

[[rules]]
id = "signal.forename"
title = "Signal: a UK given name, capitalised"
category = "patient-data"
severity = "low"
policy = ["CUM 3.3"]
clauses = ["A1"]
signal = true
# A staff title or public honorific just before it ("Dr Pauline", "Queen
# Elizabeth") or a place or service word beside it ("Royal Victoria
# Infirmary", "Grace Ward", "Florence House") means it is not a patient,
# and the name stays staff wherever else the field uses it ("Dr Hannah
# Lowe … Hannah's work": `sticky`).
pattern = {{ regex = '\\b(?:{alternation})\\b', case_sensitive = true, validator = "forename", reject_token = {{ starts_with = ["@", "#"] }}, unless = {{ words = [{unless}], window = 10, sticky = true }} }}
examples.match = ["your mum Pauline is on ward 7", "Harry (bed 12)"]
examples.no_match = ["Dr Pauline Example explains how Pauline trained", "we will grant it", "the Royal Victoria Infirmary"]
"""
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}: {len(kept)} names ({len(dropped)} dropped)")
    print("dropped:", " ".join(dropped[:200]))
    print("short forms added:", " ".join(added))

main()

#!/usr/bin/env python3
"""Build rules/lexicons/negative-evaluation.toml: the `negative-evaluation`
word list, words that judge someone or something badly ("lazy", "liar",
"disgusting", "a disaster"), used by compositions in rules/compose.toml
where a judgement means a breach only beside a subject: a protected group
in a generalising frame (conduct), a politician or government (political).

    python3 scripts/build-negative-lexicon.py VADER_WHEEL [--out FILE]

VADER_WHEEL is vaderSentiment-3.3.2-py2.py3-none-any.whl from PyPI
(`pip download vaderSentiment==3.3.2 --no-deps -d DIR`); its SHA-256 is
checked, so every run gives the same bytes. Standard library only.

Source (rules/lexicons/negative-evaluation.md): the VADER sentiment lexicon
(Hutto and Gilbert 2014; MIT licence), 7,517 tokens each rated by ten
people from -4 (extremely negative) to +4.

Kept: single lower-case words rated -1.5 or below on average.
Dropped, because on an NHS account they describe illness and misfortune,
not a judgement of anyone:
1. one-word terms of the conditions list (rules/lexicons/conditions.toml);
2. the list HEALTH below (injury, grief, fear and hardship words);
3. internet abbreviations (VADER rates "wtf", "fml"… as words) and words
   shorter than three letters.
Words that ordinary NHS messages also use ("unacceptable", "awful",
"wrong") are kept: the list is never used alone, only where a composition
has already found a group in a generalising frame, or a politician.
"""
import hashlib, pathlib, re, sys, zipfile

WHEEL_SHA256 = "3bf1d243b98b1afad575b9f22bc2cb1e212b94ff89ca74f8a23a588d024ea311"
LEXICON = "vaderSentiment/vader_lexicon.txt"
THRESHOLD = -1.5

# Misfortune and health words: what happens to patients, not what anyone
# thinks of a group. Grouped by kind so a reviewer can see the reasoning.
HEALTH = """
ache aches aching ached agony agonizing agonising pain pains painful painfully
hurt hurts hurting injure injured injures injuring injury injuries wound wounded
wounds bleed bleeding bled sick sickness sicker ill illness illnesses disease
diseases diseased cancer cancers tumor tumour infection infected died die dies
dying dead death deaths deadly fatal fatality fatalities killed kill kills
accident accidents accidental emergency emergencies crisis critical risk risks
risky danger dangers dangerous endanger endangered harm harmed harmful hazard
fear fears feared fearful afraid scared frightened terrified terror worry
worried worries worrying anxious anxiety nervous panic panicked stress stressed
stressful depressed depression depressing sad sadness sadly grief grieving
grieve mourn mourning loss losses lost lonely loneliness alone cry crying cried
tears tearful suffer suffered suffering suffers victim victims trauma
traumatic traumatised traumatized tragedy tragic tragically distress
distressed distressing struggle struggled struggling struggles weak weakness
tired exhausted exhaustion fatigue sore bruise bruised broken burn burned
burns burnt collapse collapsed shock shocked homeless poverty poor vulnerable
disabled disability blind deaf lame paralysed paralyzed abuse abused abuser
abusers abusive neglect neglected unwell fever vomit vomiting nausea nauseous
choke choking drown drowned drowning suicide suicidal overdose miscarriage
stillborn orphan orphaned widow widowed funeral cemetery coffin
""".split()

# VADER rates these internet abbreviations; they are not words a
# composition should join to a group or a politician.
ABBREVIATIONS = """
atab bfd bfe bsod btd cwot doa dx fcol ffs fkm fu fubar kia mofo nfc nfw nitl
nme pita po qq snafu sob wtf wth fml gtfo stfu smh
""".split()


def words_of(path):
    text = pathlib.Path(path).read_text(encoding="utf-8").lower()
    return set(re.findall(r"[a-z]+", text))


def main():
    args = sys.argv[1:]
    out = pathlib.Path("rules/lexicons/negative-evaluation.toml")
    if "--out" in args:
        i = args.index("--out")
        out = pathlib.Path(args[i + 1])
        del args[i : i + 2]
    if len(args) != 1:
        sys.exit(__doc__)
    wheel = pathlib.Path(args[0])
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        sys.exit(f"{wheel}: sha256 {digest}, expected {WHEEL_SHA256}")
    with zipfile.ZipFile(wheel) as z:
        lexicon = z.read(LEXICON).decode("utf-8")

    # whole one-word terms only: "lazy eye" is a condition, "lazy" is not
    conditions = set(
        re.findall(r'"([a-z]+)"', pathlib.Path("rules/lexicons/conditions.toml").read_text())
    )
    health = set(HEALTH)
    abbreviations = set(ABBREVIATIONS)

    kept, dropped = [], {"conditions": 0, "health": 0, "abbreviation": 0}
    candidates = 0
    for line in lexicon.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not re.fullmatch(r"[a-z]+", parts[0]):
            continue
        word, mean = parts[0], float(parts[1])
        if mean > THRESHOLD:
            continue
        candidates += 1
        if word in abbreviations or len(word) < 3:
            dropped["abbreviation"] += 1
        elif word in health:
            dropped["health"] += 1
        elif word in conditions:
            dropped["conditions"] += 1
        else:
            kept.append(word)
    kept.sort()

    lines = [
        "# GENERATED by scripts/build-negative-lexicon.py; do not edit by hand.",
        "# Words rated -1.5 or below in the VADER sentiment lexicon (Hutto and",
        "# Gilbert 2014, MIT licence; vaderSentiment 3.3.2 wheel, sha256",
        f"# {WHEEL_SHA256}), minus the",
        "# conditions list and a list of health and misfortune words. Provenance and the",
        "# filter: rules/lexicons/negative-evaluation.md.",
        f"# {candidates} candidates; {len(kept)} kept; dropped: "
        + ", ".join(f"{k} {v}" for k, v in dropped.items())
        + ".",
        "",
        "[lists]",
        "negative-evaluation = [",
    ]
    row = "   "
    for w in kept:
        item = f' "{w}",'
        if len(row) + len(item) > 88:
            lines.append(row)
            row = "   "
        row += item
    if row.strip():
        lines.append(row)
    lines.append("]")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{out}: {len(kept)} words ({candidates} candidates; dropped {dropped})")


if __name__ == "__main__":
    main()

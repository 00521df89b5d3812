"""The encoder beside the pack on every held-out set: per category,
breaches the pack finds and breaches the pack or the encoder's head for
the case's category finds; hard negatives flagged by the pack, and by the
pack or any head. PRINTS AGGREGATES ONLY: never print a held-out case.

    cargo run --release --example blind_outcomes -- target/encoder-study/outcomes.tsv
    python blind.py"""
import collections, os, tomllib
import common as c

rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(c.WORK, "outcomes.tsv"))]
sets, keys, texts = {}, [], set()
for name, kind, i, cat, hit, account, *_rules in rows:
    if name not in sets:
        sets[name] = tomllib.load(open(f"{c.REPO}/tests/eval/{name}", "rb"))
    text = sets[name][kind][int(i)].get("text") if account == "0" else None
    keys.append((kind, cat, hit == "1", text))
    if text is not None:
        texts.add(text)
model = c.load_encoder("policy-encoder.pt", len(c.CATS))
texts = sorted(texts)
P = dict(zip(texts, c.scorer(model)(texts)))
for T in (0.95, 0.90, 0.80):
    pos = collections.defaultdict(lambda: [0, 0, 0]); neg = collections.defaultdict(lambda: [0, 0, 0])
    for kind, cat, hit, text in keys:
        p = P.get(text)
        if kind == "positive":
            by_model = p is not None and cat in c.CATS and p[c.CATS.index(cat)] >= T
            d = pos[cat]
        else:
            by_model = p is not None and max(p) >= T
            d = neg[cat]
        d[0] += 1; d[1] += hit; d[2] += hit or by_model
    print(f"## threshold {T}\n| category | breaches | pack | pack or encoder | negatives | pack flagged | pack or encoder flagged |")
    total = [0] * 6
    for cat in sorted(set(pos) | set(neg)):
        row = pos[cat] + neg[cat]
        print("| " + cat + " | " + " | ".join(map(str, row)) + " |")
        total = [a + b for a, b in zip(total, row)]
    print("| all | " + " | ".join(map(str, total)) + " |")

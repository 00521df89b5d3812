"""One output for offensive language: the encoder fine-tuned on nine
tenths of the OLID training split, the project's conduct texts (breaches
1, hard negatives 0), its ordinary texts and 3,000 of its other
categories' lines (0), for 1.5 epochs; the threshold is the best F1 on the
OLID training split's kept-back tenth. Reports how many of the project's
NHS hard negatives (cases.toml and the tuning sets) it flags. Writes
target/encoder-study/offensive-encoder.pt and offensive-threshold.txt.
The external tests are read by olid_external.py, once.

    python olid.py      # ~15 min on 2 quiet cores"""
import csv, os, random, tomllib
import numpy as np, torch
import common as c

torch.set_num_threads(int(os.environ.get("THREADS", "2"))); torch.manual_seed(7); random.seed(7)
DATA = os.path.join(c.REPO, "eval-data")
olid = [(r["tweet"], 1 if r["subtask_a"] == "OFF" else 0)
        for r in csv.DictReader(open(f"{DATA}/train/olid/olid-training-v1.0.tsv"), delimiter="\t",
                                quoting=csv.QUOTE_NONE)]
random.shuffle(olid)
kept, olid_train = olid[: len(olid) // 10], olid[len(olid) // 10:]
rows = c.training()
conduct = [(t, l) for t, cat, l, _ in rows if cat == "conduct"]
ordinary = [(t, 0) for t, cat, l, _ in rows if cat is None]
other = [(t, 0) for t, cat, l, _ in rows if cat not in (None, "conduct")]
random.shuffle(other)
train = olid_train + conduct + ordinary + other[:3000]
random.shuffle(train)
model = c.encoder(1)
c.fit(model, [t for t, _ in train], torch.tensor([[float(l)] for _, l in train]),
      float(os.environ.get("EPOCHS", "1.5")))
os.makedirs(c.WORK, exist_ok=True)
torch.save(model.state_dict(), os.path.join(c.WORK, "offensive-encoder.pt"))
score = lambda texts: c.scorer(model)(texts)[:, 0]


def f1(p, y, t):
    pred = p >= t
    tp = (pred & (y == 1)).sum(); fp = (pred & (y == 0)).sum(); fn = (~pred & (y == 1)).sum()
    P, R = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return 2 * P * R / max(1e-9, P + R)


p, y = score([t for t, _ in kept]), np.array([l for _, l in kept])
best, T = max((f1(p, y, t), round(float(t), 2)) for t in np.arange(0.10, 0.96, 0.05))
print(f"threshold on the OLID kept-back tenth: {T:.2f} (F1 {best:.3f})")
open(os.path.join(c.WORK, "offensive-threshold.txt"), "w").write(f"{T}\n")
negatives = []
for name in ["cases.toml", "tuning.toml", "tuning2.toml", "tuning3.toml", "tuning4.toml"]:
    d = tomllib.load(open(f"{c.REPO}/tests/eval/{name}", "rb"))
    negatives += [(name, n["text"]) for n in d.get("negative", []) if "text" in n]
s = score([t for _, t in negatives])
for t in sorted({T, 0.5, 0.7, 0.9}):
    by = {}
    for (name, _), v in zip(negatives, s):
        by.setdefault(name, [0, 0]); by[name][0] += 1; by[name][1] += v >= t
    print(f"NHS hard negatives flagged at {t:.2f}: " + ", ".join(f"{n} {f}/{k}" for n, (k, f) in by.items()))

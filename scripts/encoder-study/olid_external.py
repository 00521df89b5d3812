"""The offensive-language encoder (olid.py) on the external tests, read
once: OLID 2019 sub-task A test split (F1 of OFF) and Davidson et al.
2017 (recall of hate, share of "neither" flagged), at the threshold
olid.py chose and at 0.90. Texts as eval_public reads them (HTML
entities decoded). Never train or tune on these.

    python olid_external.py"""
import csv, html, os
import numpy as np
import common as c

DATA = os.path.join(c.REPO, "eval-data")
model = c.load_encoder("offensive-encoder.pt", 1)
score = lambda texts: c.scorer(model)(texts)[:, 0]
T = float(open(os.path.join(c.WORK, "offensive-threshold.txt")).read())
labels = dict(l.strip().split(",") for l in open(f"{DATA}/olid/labels-levela.csv") if l.strip())
test = [(html.unescape(r["tweet"]), labels[r["id"]] == "OFF")
        for r in csv.DictReader(open(f"{DATA}/olid/testset-levela.tsv"), delimiter="\t", quoting=csv.QUOTE_NONE)]
po, yo = score([t for t, _ in test]), np.array([y for _, y in test])
dav = [(html.unescape(r["tweet"]), int(r["class"])) for r in csv.DictReader(open(f"{DATA}/davidson/labeled_data.csv"))]
pd, yd = score([t for t, _ in dav]), np.array([y for _, y in dav])
for t in sorted({T, 0.9}):
    pred = po >= t
    tp = (pred & yo).sum(); fp = (pred & ~yo).sum(); fn = (~pred & yo).sum()
    P, R = tp / max(1, tp + fp), tp / max(1, tp + fn)
    print(f"threshold {t:.2f}: OLID test P {P:.3f} R {R:.3f} F1 {2 * P * R / max(1e-9, P + R):.3f} "
          f"({len(test)} tweets); Davidson hate recall {(pd[yd == 0] >= t).mean():.3f}, "
          f"offensive recall {(pd[yd == 1] >= t).mean():.3f}, neither flagged {100 * (pd[yd == 2] >= t).mean():.1f}%")

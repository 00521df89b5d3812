"""Pack misses on the tuning sets found by the encoder (and by a tf-idf
logistic regression on the same data, a stand-in for the shipped linear
model) for k new false alarms, one threshold for every head.

    python tuning_curve.py"""
import os, random
import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
import common as c

missed, flagged = c.pack_misses()
cases = [x for v in c.tuning_sets().values() for x in v]
texts = [t for _, _, t in cases]


def curve(name, P):
    pos = np.array([p[c.CATS.index(cat)] for (k, cat, t), p in zip(cases, P)
                    if k == "pos" and cat in c.CATS and t in missed])
    neg = np.sort([max(p) for (k, _, t), p in zip(cases, P) if k == "neg" and t not in flagged])[::-1]
    print(name, " | ".join(f"{k} new false alarms: +{int((pos > neg[k - 1]).sum())}" for k in (3, 5, 10, 20, 40)))


random.seed(7)
train, _ = c.kept_back_split(c.training())
words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)
X = hstack([words.fit_transform([t for t, *_ in train]), chars.fit_transform([t for t, *_ in train])]).tocsr()
Y = c.labels(train)
heads = [LogisticRegression(C=10, max_iter=2000).fit(X, Y[:, j]) for j in range(len(c.CATS))]
Xs = hstack([words.transform(texts), chars.transform(texts)]).tocsr()
curve("tf-idf:", np.stack([h.predict_proba(Xs)[:, 1] for h in heads], 1))

for layers, name in [(None, "policy-encoder.pt"), (3, "policy-encoder-3-layers.pt")]:
    if os.path.exists(os.path.join(c.WORK, name)):
        model = c.load_encoder(name, len(c.CATS), layers)
        curve(f"encoder, {layers or 6} layers:", c.scorer(model)(texts))

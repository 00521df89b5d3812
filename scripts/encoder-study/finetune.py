"""Fine-tune the encoder with one output per category on every training
round (a tenth kept back at random, seed 7), choose each head's
threshold on the kept-back tenth, and report on the tuning sets.
Writes target/encoder-study/policy-encoder.pt.

    EPOCHS=3 python finetune.py      # 36 minutes on 2 cores"""
import os, random, time
import numpy as np, torch
from transformers import AutoTokenizer
import common as c

EPOCHS = float(os.environ.get("EPOCHS", "3"))
torch.set_num_threads(2); torch.manual_seed(7); random.seed(7)
rows = c.training()
idx = list(range(len(rows))); random.shuffle(idx)
keep = set(idx[: len(rows) // 10])
train = [r for i, r in enumerate(rows) if i not in keep]
kept = [r for i, r in enumerate(rows) if i in keep]
tok = AutoTokenizer.from_pretrained(c.model_dir())
model = c.encoder(len(c.CATS))
texts, Y = [t for t, *_ in train], torch.tensor(c.labels(train))
BS = 32; steps = int(EPOCHS * len(texts) / BS)
opt = torch.optim.AdamW(model.parameters(), lr=5e-5, weight_decay=0.01)
sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, s / 100) * max(0.0, 1 - s / steps))
loss_fn = torch.nn.BCEWithLogitsLoss()
order, t0 = [], time.time()
model.train()
for s in range(steps):
    if not order:
        order = list(range(len(texts))); random.shuffle(order)
    b = [order.pop() for _ in range(min(BS, len(order)))]
    enc = tok([texts[i] for i in b], padding=True, truncation=True, max_length=c.MAXLEN, return_tensors="pt")
    loss = loss_fn(model(enc["input_ids"], enc["attention_mask"]), Y[b])
    opt.zero_grad(); loss.backward(); opt.step(); sched.step()
    if s % 50 == 0:
        print(f"step {s}/{steps} loss {loss.item():.4f} {time.time() - t0:.0f}s", flush=True)
os.makedirs(c.WORK, exist_ok=True)
torch.save(model.state_dict(), os.path.join(c.WORK, "policy-encoder.pt"))

score = c.scorer(model)
P, Yk = score([t for t, *_ in kept]), c.labels(kept)
th = {}
for j, cat in enumerate(c.CATS):  # at most 0.5% of the kept-back negatives
    neg = np.sort(P[Yk[:, j] == 0, j])[::-1]
    th[cat] = max(0.5, float(neg[int(0.005 * len(neg))]) + 1e-6)
print("thresholds", {k: round(v, 3) for k, v in th.items()})
missed, flagged = c.pack_misses()
found = pos = fl = neg = add = nmiss = addfp = 0
for name, cases in c.tuning_sets().items():
    S = score([t for _, _, t in cases])
    for (kind, cat, text), p in zip(cases, S):
        hit = {k for j, k in enumerate(c.CATS) if p[j] >= th[k]}
        if kind == "pos" and cat in c.CATS:
            pos += 1; found += cat in hit
            if text in missed:
                nmiss += 1; add += cat in hit
        elif kind == "neg":
            neg += 1; fl += bool(hit); addfp += bool(hit) and text not in flagged
print(f"alone: {found}/{pos} breaches, {fl}/{neg} hard negatives flagged")
print(f"beside the pack: {add}/{nmiss} of its misses found, {addfp} hard negatives newly flagged")

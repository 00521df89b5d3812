"""Writes the fine-tuned encoder (target/encoder-study/policy-encoder.pt,
from finetune.py) as rules/models/policy-encoder.bin, the file the scan
reads (src/rules/encoder/mod.rs documents the layout), and
tests/data/encoder-parity.jsonl: word-piece ids and the ten scores this
reference (PyTorch with the same 8-bit weights) gives for texts of
tests/eval/cases.toml and a few tokeniser traps, which the Rust encoder
must reproduce.

    python export.py"""
import json, os, struct, tomllib
import numpy as np, torch
import common as c

torch.set_num_threads(2)
model = c.load_encoder("policy-encoder.pt", len(c.CATS))
model.eval()
sd = {k: v.detach().float().numpy() for k, v in model.state_dict().items()}
cfg = model.enc.config
H, L, NH, I, V = cfg.hidden_size, cfg.num_hidden_layers, cfg.num_attention_heads, cfg.intermediate_size, cfg.vocab_size


def q8(w):
    """Per-row symmetric 8-bit: (scales, int8 rows, the dequantised rows)."""
    s = np.maximum(np.abs(w).max(axis=1), 1e-12) / 127.0
    q = np.clip(np.round(w / s[:, None]), -127, 127).astype(np.int8)
    return s.astype(np.float32), q, (q.astype(np.float32) * s[:, None].astype(np.float32))


out = bytearray(b"SAENC001")
out += struct.pack("<7I", V, H, L, NH, I, c.MAXLEN, len(c.CATS))
for name in c.CATS:
    out += struct.pack("<B", len(name)) + name.encode()
vocab = open(os.path.join(c.model_dir(), "vocab.txt"), encoding="utf-8").read().encode()
out += struct.pack("<I", len(vocab)) + vocab
deq = {}


def mat(key, w):
    global out
    s, q, d = q8(w)
    out += s.tobytes() + q.tobytes()
    deq[key] = d


def vec(key, v):
    global out
    out += v.astype(np.float32).tobytes()
    deq[key] = v.astype(np.float32)


e = "enc.embeddings."
mat(e + "word_embeddings.weight", sd[e + "word_embeddings.weight"])
# position and (the only) token type, summed: the scan reads one segment
vec("pos+type", sd[e + "position_embeddings.weight"][: c.MAXLEN] + sd[e + "token_type_embeddings.weight"][0])
vec(e + "LayerNorm.weight", sd[e + "LayerNorm.weight"]); vec(e + "LayerNorm.bias", sd[e + "LayerNorm.bias"])
for i in range(L):
    p = f"enc.encoder.layer.{i}."
    a = p + "attention.self."
    mat(p + "qkv", np.concatenate([sd[a + "query.weight"], sd[a + "key.weight"], sd[a + "value.weight"]]))
    vec(p + "qkv.bias", np.concatenate([sd[a + "query.bias"], sd[a + "key.bias"], sd[a + "value.bias"]]))
    for key in ["attention.output.dense", "attention.output.LayerNorm", "intermediate.dense",
                "output.dense", "output.LayerNorm"]:
        if key.endswith("dense"):
            mat(p + key + ".weight", sd[p + key + ".weight"])
        else:
            vec(p + key + ".weight", sd[p + key + ".weight"])
        vec(p + key + ".bias", sd[p + key + ".bias"])
vec("head.weight", sd["head.weight"].reshape(-1)); vec("head.bias", sd["head.bias"])
path = os.path.join(c.REPO, "rules", "models", "policy-encoder.bin")
open(path, "wb").write(bytes(out))
print(f"wrote {path}: {len(out):,} bytes")

# The reference: the same model with the 8-bit weights put back.
new = {k: v.clone() for k, v in model.state_dict().items()}
new[e + "word_embeddings.weight"] = torch.tensor(deq[e + "word_embeddings.weight"])
for i in range(L):
    p = f"enc.encoder.layer.{i}."
    a = p + "attention.self."
    for j, k in enumerate(["query", "key", "value"]):
        new[a + k + ".weight"] = torch.tensor(deq[p + "qkv"][j * H:(j + 1) * H])
    for key in ["attention.output.dense", "intermediate.dense", "output.dense"]:
        new[p + key + ".weight"] = torch.tensor(deq[p + key + ".weight"])
fp32 = c.scorer(model)
model8 = c.load_encoder("policy-encoder.pt", len(c.CATS)); model8.load_state_dict(new); model8.eval()
q8s = c.scorer(model8)

cases = tomllib.load(open(f"{c.REPO}/tests/eval/cases.toml", "rb"))
texts = [x["text"] for k in ("positive", "negative") for x in cases[k] if "text" in x][::4]
texts += ["Café naïve façade — ÉCOLE", "tab\there\nnewline  and\u00a0nbsp", "emoji 😀👍 and 中文字 mixed",
          "a" * 120 + " unbelievably-long-hyphenated_words!!!", "£50 off w/ code NHS50 → https://bit.ly/x?y=z",
          "@handle #Hashtag don't won't ISN'T", "Ysbyty Gwynedd: mae'r uned ar gau heddiw", "", "\u0000\u200b zero width",
          " ".join(["word"] * 90)]
from transformers import AutoTokenizer
tok = AutoTokenizer.from_pretrained(c.model_dir())
a, b = fp32(texts), q8s(texts)
print(f"8-bit against 32-bit on {len(texts)} texts: largest score change {np.abs(a - b).max():.4f}")
with open(os.path.join(c.REPO, "tests", "data", "encoder-parity.jsonl"), "w", encoding="utf-8") as f:
    for t, s in zip(texts, b):
        ids = tok(t, truncation=True, max_length=c.MAXLEN)["input_ids"]
        f.write(json.dumps({"text": t, "ids": ids, "scores": [round(float(x), 6) for x in s]},
                           ensure_ascii=False) + "\n")
print("wrote tests/data/encoder-parity.jsonl")

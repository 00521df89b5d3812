"""Encoder inference time per text on one thread: 6 or 3 layers, 32- or
8-bit weights, texts cut at 64 or 32 word-pieces.

    python speed.py"""
import copy, random, time
import torch
from transformers import AutoModel, AutoTokenizer
import common as c

torch.set_num_threads(1)
tok = AutoTokenizer.from_pretrained(c.model_dir())
enc = AutoModel.from_pretrained(c.model_dir()).eval()
random.seed(1)
texts = [t for t, *_ in random.sample(c.training(), 512)]


def ms(model, L):
    t0 = time.time()
    with torch.no_grad():
        for i in range(0, len(texts), 32):
            b = tok(texts[i:i + 32], padding=True, truncation=True, max_length=L, return_tensors="pt")
            model(input_ids=b["input_ids"], attention_mask=b["attention_mask"])
    return (time.time() - t0) / len(texts) * 1000


def int8(m):
    return torch.ao.quantization.quantize_dynamic(copy.deepcopy(m), {torch.nn.Linear}, dtype=torch.qint8)


three = copy.deepcopy(enc); three.encoder.layer = three.encoder.layer[:3]
for name, m, L in [("6 layers, 64", enc, 64), ("6 layers, 32", enc, 32), ("6 layers 8-bit, 64", int8(enc), 64),
                   ("3 layers, 64", three, 64), ("3 layers 8-bit, 64", int8(three), 64)]:
    print(f"{name}: {ms(m, L):.2f} ms per text")

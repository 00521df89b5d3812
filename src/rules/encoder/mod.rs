//! The contextual encoder (docs/ENCODER.md): a small pre-trained
//! transformer (all-MiniLM-L6-v2, six layers) fine-tuned on the
//! project's training texts with one output per category. It reads a
//! sentence as a whole, so it finds breaches no list spells out ("the
//! lady in bed 4 with the awful chest"), at a cost of milliseconds per
//! text where the lists take microseconds: the scan runs it only when
//! asked (`scan --deep`).
//!
//! Inference is here, in Rust, with no network: the word-piece tokeniser,
//! the forward pass (its arithmetic in crates/encoder-kernels) and mean
//! pooling. The weights are 8-bit, one scale per row, read in place from
//! the embedded file.

mod wordpiece;

use crate::error::{Error, Result};
use encoder_kernels as kernels;
use std::sync::{Arc, Mutex, OnceLock};
use wordpiece::WordPiece;

/// Weights file: magic `SAENC001`; little-endian u32 vocabulary size,
/// hidden width, layers, attention heads, intermediate width, longest
/// input (word pieces) and output count; per output a u8 name length and
/// the name; u32 byte length and the vocabulary (one piece per line).
/// Then the tensors, each an 8-bit matrix (f32 scale per row, then the
/// rows of i8) or a vector of f32: word embeddings (matrix); position
/// plus token-type embeddings (longest × hidden f32); embedding layer
/// norm (weight, bias); per layer: query, key and value stacked
/// (matrix, bias), attention output (matrix, bias), its layer norm,
/// intermediate (matrix, bias), output (matrix, bias), its layer norm;
/// then the outputs' weights (outputs × hidden f32) and biases.
const MAGIC: &[u8; 8] = b"SAENC001";

/// The model's shape, from the file header.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Shape {
    vocab: usize,
    hidden: usize,
    layers: usize,
    heads: usize,
    inner: usize,
    max_len: usize,
    outputs: usize,
}

impl Shape {
    /// Bytes of the tensors after the vocabulary.
    fn tensor_bytes(&self) -> usize {
        let (h, i) = (self.hidden, self.inner);
        let mat = |rows: usize, cols: usize| rows * 4 + rows * cols;
        let layer = mat(3 * h, h)
            + 3 * h * 4
            + mat(h, h)
            + h * 4
            + 2 * h * 4
            + mat(i, h)
            + i * 4
            + mat(h, i)
            + h * 4
            + 2 * h * 4;
        mat(self.vocab, h)
            + self.max_len * h * 4
            + 2 * h * 4
            + self.layers * layer
            + self.outputs * h * 4
            + self.outputs * 4
    }
}

/// An encoder as compiled into a pack: the header checked, the weights
/// read on first use (a scan without `--deep` never pays for them).
pub struct Encoder {
    pub name: String,
    outputs: Vec<String>,
    bytes: &'static [u8],
    shape: Shape,
    /// Where the vocabulary's text starts and ends; the tensors follow it.
    vocab_at: (usize, usize),
    /// Shared by every pack compiled from the same bytes in this process
    /// (a pack is recompiled per organisation profile): the weights are
    /// read once.
    loaded: Arc<OnceLock<Loaded>>,
    /// Texts scored, for the run's manifest.
    read: std::sync::atomic::AtomicU64,
}

/// Loaded weights, by the address and length of their bytes.
type Registry = Vec<(usize, usize, Arc<OnceLock<Loaded>>)>;

/// The one loaded copy of the weights in `b`.
fn shared(b: &'static [u8]) -> Arc<OnceLock<Loaded>> {
    static LOADED: Mutex<Registry> = Mutex::new(Vec::new());
    let key = (b.as_ptr() as usize, b.len());
    let mut all = LOADED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, _, l)) = all.iter().find(|(p, n, _)| (*p, *n) == key) {
        return l.clone();
    }
    let l = Arc::new(OnceLock::new());
    all.push((key.0, key.1, l.clone()));
    l
}

/// 8-bit word embeddings, one scale per row.
struct Embeddings {
    scales: Vec<f32>,
    rows: &'static [u8],
}

/// A linear layer: 8-bit weights `out × in`, row-major, read in place
/// from the embedded file, one scale per row.
/// The kernel, chosen for this CPU, is the matrix's (crates/encoder-kernels).
struct Linear {
    w: kernels::Matrix<'static>,
    b: Vec<f32>,
    input: usize,
}

struct Norm {
    g: Vec<f32>,
    b: Vec<f32>,
}

struct Layer {
    qkv: Linear,
    attn_out: Linear,
    norm1: Norm,
    inner: Linear,
    out: Linear,
    norm2: Norm,
}

struct Loaded {
    pieces: WordPiece,
    words: Embeddings,
    positions: Vec<f32>,
    norm: Norm,
    layers: Vec<Layer>,
    head: Head,
}

/// The outputs: 32-bit weights (`outputs × hidden`) and biases.
struct Head {
    w: Vec<f32>,
    b: Vec<f32>,
}

/// Per-thread buffers, and the scores of the last text, which every rule
/// reading one output of the same encoder shares.
#[derive(Default)]
pub struct Scratch {
    ids: Vec<u32>,
    x: Vec<f32>,
    qkv: Vec<f32>,
    ctx: Vec<f32>,
    tmp: Vec<f32>,
    inner: Vec<f32>,
    att: Vec<f32>,
    last: Option<(usize, String)>,
    scores: Vec<f32>,
}

impl Encoder {
    pub fn from_bytes(name: &str, b: &'static [u8]) -> Result<Encoder> {
        let bad = |why: &str| Error::Model(format!("encoder {name:?}: {why}"));
        if b.len() < 36 || &b[..8] != MAGIC {
            return Err(bad("not a social-audit encoder file"));
        }
        let u32_at = |i: usize| -> Result<usize> {
            b.get(i..i + 4)
                .map(|x| u32::from_le_bytes([x[0], x[1], x[2], x[3]]) as usize)
                .ok_or_else(|| bad("file ends early"))
        };
        let f: Vec<usize> = (0..7).map(|i| u32_at(8 + 4 * i)).collect::<Result<_>>()?;
        let shape = Shape {
            vocab: f[0],
            hidden: f[1],
            layers: f[2],
            heads: f[3],
            inner: f[4],
            max_len: f[5],
            outputs: f[6],
        };
        let sane = |x: usize, hi: usize| (1..=hi).contains(&x);
        if !sane(shape.vocab, 1 << 20)
            || !sane(shape.hidden, 4096)
            || !sane(shape.layers, 48)
            || !sane(shape.heads, 64)
            || !shape.hidden.is_multiple_of(shape.heads)
            || !sane(shape.inner, 16384)
            || !(3..=4096).contains(&shape.max_len)
            || !sane(shape.outputs, 64)
        {
            return Err(bad("implausible shape"));
        }
        let mut at = 36;
        let mut outputs = Vec::new();
        for _ in 0..shape.outputs {
            let len = usize::from(*b.get(at).ok_or_else(|| bad("file ends early"))?);
            let n = b
                .get(at + 1..at + 1 + len)
                .and_then(|x| std::str::from_utf8(x).ok())
                .ok_or_else(|| bad("an output name is not UTF-8 or the file ends early"))?;
            outputs.push(n.to_string());
            at += 1 + len;
        }
        let vlen = u32_at(at)?;
        let vocab_at = (at + 4, at + 4 + vlen);
        let vocab = b
            .get(vocab_at.0..vocab_at.1)
            .and_then(|x| std::str::from_utf8(x).ok())
            .ok_or_else(|| bad("the vocabulary is not UTF-8 or the file ends early"))?;
        // one pass: the line count, and the three markers present
        const SPECIAL: [&str; 3] = ["[CLS]", "[SEP]", "[UNK]"];
        let (mut lines, mut seen) = (0, [false; 3]);
        for l in vocab.lines() {
            lines += 1;
            if let Some(i) = SPECIAL.iter().position(|s| *s == l) {
                seen[i] = true;
            }
        }
        if lines != shape.vocab {
            return Err(bad("vocabulary size and header disagree"));
        }
        if let Some(i) = seen.iter().position(|s| !s) {
            return Err(bad(&format!("the vocabulary has no {}", SPECIAL[i])));
        }
        if b.len() != vocab_at.1 + shape.tensor_bytes() {
            return Err(bad("shape and file size disagree"));
        }
        Ok(Encoder {
            name: name.to_string(),
            outputs,
            bytes: b,
            shape,
            vocab_at,
            loaded: shared(b),
            read: Default::default(),
        })
    }

    /// The index of the output called `name`.
    pub fn head(&self, name: Option<&str>) -> Option<usize> {
        self.outputs.iter().position(|o| Some(o.as_str()) == name)
    }

    pub fn head_names(&self) -> Vec<&str> {
        self.outputs.iter().map(String::as_str).collect()
    }

    /// Every output's probability (0–1) for `text`. The last text's
    /// scores are kept, keyed by the weights they came from, so the ten
    /// rules reading one text run the model once.
    pub fn scores<'s>(&self, text: &str, s: &'s mut Scratch) -> &'s [f32] {
        let key = Arc::as_ptr(&self.loaded) as usize;
        if s.last.as_ref().is_some_and(|(k, t)| *k == key && t == text) {
            return &s.scores;
        }
        let m = self.loaded.get_or_init(|| self.load());
        m.forward(&self.shape, text, s);
        self.read.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        s.last = Some((key, text.to_string()));
        &s.scores
    }

    /// The mean of the last layer for `text` (hidden-wide): what every
    /// output reads. For refitting the output layer on more labelled text
    /// (examples/train_encoder_head.rs); a scan never needs it.
    pub fn pooled<'s>(&self, text: &str, s: &'s mut Scratch) -> &'s [f32] {
        let m = self.loaded.get_or_init(|| self.load());
        m.forward(&self.shape, text, s);
        // the buffers now hold this text's scores, but `last` may name
        // another text: forget it rather than leave a wrong key
        s.last = None;
        &s.tmp
    }

    /// Where the output layer starts in the file: the outputs' 32-bit
    /// weights (`outputs × hidden`), then their biases, end the file.
    pub fn output_layer_at(&self) -> usize {
        self.bytes.len() - self.shape.outputs * (self.shape.hidden + 1) * 4
    }

    /// The output layer as the file holds it: weights (`outputs × hidden`,
    /// row by row) and biases.
    pub fn output_layer(&self) -> (Vec<f32>, Vec<f32>) {
        let mut f = le_f32s(&self.bytes[self.output_layer_at()..]);
        let b = f.split_off(self.shape.outputs * self.shape.hidden);
        (f, b)
    }

    /// Texts scored so far (a text that several outputs read counts once).
    pub fn texts_read(&self) -> u64 {
        self.read.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The weights, in place. The header, the vocabulary and the
    /// size were checked when the pack was compiled, so every read is in
    /// bounds.
    fn load(&self) -> Loaded {
        let sh = self.shape;
        let (h, i) = (sh.hidden, sh.inner);
        let mut r = Reader {
            b: self.bytes,
            at: self.vocab_at.1,
        };
        let scales = r.f32s(sh.vocab);
        let words = Embeddings {
            scales,
            rows: r.bytes(sh.vocab * h),
        };
        let positions = r.f32s(sh.max_len * h);
        let norm = r.norm(h);
        let layers = (0..sh.layers)
            .map(|_| Layer {
                qkv: r.linear(3 * h, h),
                attn_out: r.linear(h, h),
                norm1: r.norm(h),
                inner: r.linear(i, h),
                out: r.linear(h, i),
                norm2: r.norm(h),
            })
            .collect();
        let head = Head {
            w: r.f32s(sh.outputs * h),
            b: r.f32s(sh.outputs),
        };
        let vocab = std::str::from_utf8(&self.bytes[self.vocab_at.0..self.vocab_at.1])
            .expect("checked when the pack was compiled");
        Loaded {
            pieces: WordPiece::new(vocab).expect("checked when the pack was compiled"),
            words,
            positions,
            norm,
            layers,
            head,
        }
    }
}

/// Little-endian 32-bit floats, as the file stores every f32 (and as an
/// output layer exported on its own is stored: tests/data/README.md).
pub fn le_f32s(b: &[u8]) -> Vec<f32> {
    b.chunks_exact(4)
        .map(|x| f32::from_le_bytes([x[0], x[1], x[2], x[3]]))
        .collect()
}

/// Reads the tensors in file order.
struct Reader {
    b: &'static [u8],
    at: usize,
}

impl Reader {
    fn bytes(&mut self, n: usize) -> &'static [u8] {
        let v = &self.b[self.at..self.at + n];
        self.at += n;
        v
    }

    fn f32s(&mut self, n: usize) -> Vec<f32> {
        le_f32s(self.bytes(4 * n))
    }

    fn norm(&mut self, h: usize) -> Norm {
        Norm {
            g: self.f32s(h),
            b: self.f32s(h),
        }
    }

    /// An 8-bit matrix and its bias.
    fn linear(&mut self, out: usize, input: usize) -> Linear {
        let scales = self.f32s(out);
        Linear {
            w: kernels::Matrix::new(self.bytes(out * input), scales, out, input),
            b: self.f32s(out),
            input,
        }
    }
}

impl Loaded {
    /// The outputs' probabilities for `text`, into `s.scores`.
    fn forward(&self, sh: &Shape, text: &str, s: &mut Scratch) {
        let h = sh.hidden;
        self.pieces.encode(text, sh.max_len, &mut s.ids);
        let n = s.ids.len();
        // embeddings: word (8-bit row, scaled) + position and segment
        s.x.clear();
        for (t, &id) in s.ids.iter().enumerate() {
            let id = id as usize;
            let row = &self.words.rows[id * h..id * h + h];
            let scale = self.words.scales[id];
            let pos = &self.positions[t * h..t * h + h];
            s.x.extend(
                row.iter()
                    .zip(pos)
                    .map(|(&w, &p)| f32::from(w as i8) * scale + p),
            );
        }
        self.norm.apply(&mut s.x, h);
        for layer in &self.layers {
            layer.qkv.apply(&s.x, n, &mut s.qkv);
            kernels::self_attention(&s.qkv, n, h, sh.heads, &mut s.ctx, &mut s.att);
            layer.attn_out.apply(&s.ctx, n, &mut s.tmp);
            kernels::add(&mut s.x, &s.tmp);
            layer.norm1.apply(&mut s.x, h);
            layer.inner.apply(&s.x, n, &mut s.inner);
            for v in &mut s.inner {
                *v = kernels::gelu(*v);
            }
            layer.out.apply(&s.inner, n, &mut s.tmp);
            kernels::add(&mut s.x, &s.tmp);
            layer.norm2.apply(&mut s.x, h);
        }
        // mean of the tokens, then one logistic output per category
        kernels::mean_rows(&s.x, h, &mut s.tmp);
        s.scores.clear();
        for (w, &b) in self.head.w.chunks_exact(h).zip(&self.head.b) {
            s.scores
                .push(1.0 / (1.0 + (-(kernels::dot(w, &s.tmp) + b)).exp()));
        }
    }
}

impl Linear {
    /// `out = x · Wᵀ + b` for `n` rows of `x`.
    fn apply(&self, x: &[f32], n: usize, out: &mut Vec<f32>) {
        out.clear();
        for _ in 0..n {
            out.extend_from_slice(&self.b);
        }
        debug_assert_eq!(x.len(), n * self.input);
        self.w.add_xqt(x, n, out);
    }
}

impl Norm {
    /// Layer normalisation of each `h`-wide row, in place.
    fn apply(&self, x: &mut [f32], h: usize) {
        kernels::layer_norm(x, h, &self.g, &self.b);
    }
}

#[cfg(test)]
mod tests;

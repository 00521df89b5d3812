//! The learned layer: small linear text classifiers (logistic regression
//! over hashed word, word-pair and character n-gram features) for what
//! word lists cannot enumerate. Trained offline by
//! `cargo run --release --example train_model` from public labelled
//! corpora and the project's own NHS-domain texts; the weights ship under
//! rules/models/ with a model card (docs/RULES.md, "Learned models";
//! docs/EVALUATION.md). At run time a model is a few hundred kilobytes of
//! `i8` weights: no network, no model hub.
//!
//! The featuriser here is the one training uses, so the two cannot drift.
//! How a pack's rules read these models (and the encoder) and turn scores
//! into findings is `rules.rs`.

mod features;
mod rules;
pub mod train;

use crate::error::{Error, Result};
use features::hash;
pub use features::{FeatureOptions, Features};
pub use rules::{Models, Score, Scratch};

/// Weights files. One head: magic `SAMODEL1`, then little-endian u32
/// bucket count (a power of two), f32 scale, f32 bias, then `buckets`
/// signed bytes. Several heads (one classifier per category over shared
/// features): magic `SAMODEL2`, u32 bucket count, u32 head count, u32
/// feature flags (`FeatureOptions::to_flags`), then per head a u8 name length, the name, f32 scale, f32 bias; then for each
/// bucket one signed byte per head. A bucket's weights for every head sit
/// together, so scoring the second head of a text reads memory the first
/// already brought into cache.
const MAGIC: &[u8; 8] = b"SAMODEL1";
const MAGIC_HEADS: &[u8; 8] = b"SAMODEL2";

/// One classifier of a model.
struct Head {
    name: String,
    scale: f32,
    bias: f32,
}

/// A compiled model.
pub struct Model {
    pub name: String,
    mask: u32,
    features: FeatureOptions,
    /// Unique for the process's life: the key of scores cached in a
    /// `Features` (an address could be reused by a later model).
    id: u64,
    heads: Vec<Head>,
    /// `buckets × heads`, bucket-major.
    weights: Vec<i8>,
}

static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// The contextual encoder's weights (src/rules/encoder/mod.rs).
pub(crate) static EMBEDDED_ENCODER: &[u8] =
    include_bytes!("../../../rules/models/policy-encoder.bin");

/// SHA-256 of [`EMBEDDED_ENCODER`], computed by build.rs.
const ENCODER_SHA256: &str = env!("SOCIAL_AUDIT_SHA256_POLICY_ENCODER");

/// Models embedded in the binary, by name, with the SHA-256 of their bytes
/// (computed by build.rs).
const EMBEDDED: &[(&str, &[u8], &str)] = &[
    (
        "abuse",
        include_bytes!("../../../rules/models/abuse.bin"),
        env!("SOCIAL_AUDIT_SHA256_ABUSE"),
    ),
    (
        "policy",
        include_bytes!("../../../rules/models/policy.bin"),
        env!("SOCIAL_AUDIT_SHA256_POLICY"),
    ),
    (
        "links",
        include_bytes!("../../../rules/models/links.bin"),
        env!("SOCIAL_AUDIT_SHA256_LINKS"),
    ),
];

impl Model {
    /// An embedded model by name.
    pub fn embedded(name: &str) -> Result<Model> {
        let (_, bytes, _) = EMBEDDED.iter().find(|(n, ..)| *n == name).ok_or_else(|| {
            let names: Vec<&str> = EMBEDDED.iter().map(|(n, ..)| *n).collect();
            Error::Model(format!(
                "no model named {name:?} (embedded: {})",
                names.join(", ")
            ))
        })?;
        Model::from_bytes(name, bytes)
    }

    pub fn from_bytes(name: &str, b: &[u8]) -> Result<Model> {
        let bad = |why: &str| Error::Model(format!("model {name:?}: {why}"));
        let u32_at = |i: usize| -> Result<u32> {
            b.get(i..i + 4)
                .map(|x| u32::from_le_bytes([x[0], x[1], x[2], x[3]]))
                .ok_or_else(|| bad("file ends early"))
        };
        if b.len() < 20 || (&b[..8] != MAGIC && &b[..8] != MAGIC_HEADS) {
            return Err(bad("not a social-audit model file"));
        }
        let buckets = u32_at(8)?;
        if !buckets.is_power_of_two() {
            return Err(bad("bucket count is not a power of two"));
        }
        let mut heads = Vec::new();
        let mut features = FeatureOptions::default();
        let mut at;
        if &b[..8] == MAGIC {
            heads.push(Head {
                name: name.to_string(),
                scale: f32::from_bits(u32_at(12)?),
                bias: f32::from_bits(u32_at(16)?),
            });
            at = 20;
        } else {
            let n = u32_at(12)?;
            if n == 0 || n > 64 {
                return Err(bad("head count must be 1 to 64"));
            }
            features = FeatureOptions::from_flags(u32_at(16)?)
                .ok_or_else(|| bad("unknown feature flags"))?;
            at = 20;
            for _ in 0..n {
                let len = usize::from(*b.get(at).ok_or_else(|| bad("file ends early"))?);
                let head = b
                    .get(at + 1..at + 1 + len)
                    .and_then(|x| std::str::from_utf8(x).ok())
                    .ok_or_else(|| bad("a head name is not UTF-8 or the file ends early"))?;
                at += 1 + len;
                heads.push(Head {
                    name: head.to_string(),
                    scale: f32::from_bits(u32_at(at)?),
                    bias: f32::from_bits(u32_at(at + 4)?),
                });
                at += 8;
            }
        }
        if b.len() != at + buckets as usize * heads.len() {
            return Err(bad("bucket count and file size disagree"));
        }
        if heads
            .iter()
            .any(|h| !h.scale.is_finite() || !h.bias.is_finite())
        {
            return Err(bad("scale or bias is not a number"));
        }
        Ok(Model {
            name: name.to_string(),
            mask: buckets - 1,
            features,
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            heads,
            weights: b[at..].iter().map(|&x| x as i8).collect(),
        })
    }

    /// The index of the head called `name`; a one-head model answers to
    /// `None` too.
    pub fn head(&self, name: Option<&str>) -> Option<usize> {
        match name {
            None if self.heads.len() == 1 => Some(0),
            None => None,
            Some(n) => self.heads.iter().position(|h| h.name == n),
        }
    }

    /// The heads' names, in file order.
    pub fn head_names(&self) -> Vec<&str> {
        self.heads.iter().map(|h| h.name.as_str()).collect()
    }

    /// Serialises trained `f32` weights of one head (quantised to `i8`).
    pub fn to_bytes(weights: &[f32], bias: f32) -> Vec<u8> {
        let (scale, q) = quantise(weights);
        let mut out = Vec::with_capacity(20 + weights.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(weights.len() as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_bits().to_le_bytes());
        out.extend_from_slice(&bias.to_bits().to_le_bytes());
        out.extend(q.iter().map(|&x| x as u8));
        out
    }

    /// Serialises several heads trained over the same buckets and features:
    /// `(name, weights, bias)` each.
    pub fn heads_to_bytes(heads: &[(&str, &[f32], f32)], features: FeatureOptions) -> Vec<u8> {
        let buckets = heads.first().map_or(0, |h| h.1.len());
        assert!(
            heads
                .iter()
                .all(|h| h.1.len() == buckets && h.0.len() < 256)
        );
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC_HEADS);
        out.extend_from_slice(&(buckets as u32).to_le_bytes());
        out.extend_from_slice(&(heads.len() as u32).to_le_bytes());
        out.extend_from_slice(&features.to_flags().to_le_bytes());
        let mut qs = Vec::new();
        for (name, w, bias) in heads {
            let (scale, q) = quantise(w);
            out.push(name.len() as u8);
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(&scale.to_bits().to_le_bytes());
            out.extend_from_slice(&bias.to_bits().to_le_bytes());
            qs.push(q);
        }
        for i in 0..buckets {
            out.extend(qs.iter().map(|q| q[i] as u8));
        }
        out
    }

    /// Probability (0–1) that `text` belongs to the first head's class.
    pub fn score(&self, text: &str, scratch: &mut Features) -> f32 {
        self.score_head(0, text, scratch)
    }

    /// Probability (0–1) that `text` belongs to head `head`'s class.
    pub fn score_head(&self, head: usize, text: &str, scratch: &mut Features) -> f32 {
        self.score_all(text, scratch);
        scratch.head_probs[head]
    }

    /// Every head's probability for `text`, into `scratch.head_probs`, in
    /// one pass over the features: a bucket's heads sit side by side, so
    /// eight heads cost little more than one. Kept until the next text or
    /// model, so the rules of one model's heads share it.
    fn score_all(&self, text: &str, scratch: &mut Features) {
        scratch.extract_with(text, self.mask, self.features);
        if scratch.probs_of == Some(self.id) {
            return;
        }
        let k = self.heads.len();
        let (words, chars) = scratch.ids.split_at(scratch.words_end);
        block_sums(&self.weights, k, words, &mut scratch.head_sums);
        block_sums(&self.weights, k, chars, &mut scratch.char_sums);
        let (nw, nc) = (block_scale(words.len()), block_scale(chars.len()));
        scratch.head_probs.clear();
        for ((h, &sw), &sc) in self
            .heads
            .iter()
            .zip(&scratch.head_sums)
            .zip(&scratch.char_sums)
        {
            scratch.head_probs.push(sigmoid(
                h.bias + h.scale * (sw as f32 * nw + sc as f32 * nc),
            ));
        }
        scratch.probs_of = Some(self.id);
    }
}

/// The policy model's head count. Its rows, and the abuse model's of one
/// head, are summed with the width known to the compiler, which makes the
/// loop a few vector adds per feature (the weight sums were a fifth of the
/// models' cost, benches/README.md).
const POLICY_HEADS: usize = 8;

/// One over the root of a feature block's size (0 for an empty block): a
/// text's word block and letter block are each scaled by their own size
/// when a model keeps them apart (FeatureOptions::split_norm), else the
/// one block by the whole. The scorer and the trainer share it.
pub(super) fn block_scale(n: usize) -> f32 {
    if n == 0 { 0.0 } else { 1.0 / (n as f32).sqrt() }
}

/// The column sums of the `k`-wide rows `ids` names, into `out`.
fn block_sums(weights: &[i8], k: usize, ids: &[u32], out: &mut Vec<i32>) {
    out.clear();
    match k {
        1 => out.extend(sum_rows::<1>(weights, ids)),
        POLICY_HEADS => out.extend(sum_rows::<POLICY_HEADS>(weights, ids)),
        _ => {
            out.resize(k, 0);
            for &i in ids {
                let row = &weights[i as usize * k..i as usize * k + k];
                for (sum, &w) in out.iter_mut().zip(row) {
                    *sum += i32::from(w);
                }
            }
        }
    }
}

/// The column sums of the `K`-wide rows `ids` names.
fn sum_rows<const K: usize>(weights: &[i8], ids: &[u32]) -> [i32; K] {
    let mut acc = [0i32; K];
    for &i in ids {
        let at = i as usize * K;
        let row: &[i8; K] = weights[at..at + K].try_into().expect("a row is K wide");
        for (sum, &w) in acc.iter_mut().zip(row) {
            *sum += i32::from(w);
        }
    }
    acc
}

/// Weights to `i8` with one scale: the largest weight maps to 127.
fn quantise(weights: &[f32]) -> (f32, Vec<i8>) {
    let max = weights.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-9);
    let scale = max / 127.0;
    let q = weights
        .iter()
        .map(|w| (w / scale).round().clamp(-127.0, 127.0) as i8)
        .collect();
    (scale, q)
}

impl Model {
    /// The words of the text last scored with `scratch` whose own
    /// (unigram) weights push the score up most, for the finding's detail.
    /// `abuse`, or `policy/patient-data` for a head of a model of several.
    fn label(&self, head: usize) -> String {
        if self.heads.len() == 1 {
            self.name.clone()
        } else {
            format!("{}/{}", self.name, self.heads[head].name)
        }
    }

    fn strongest_words(&self, head: usize, scratch: &Features, n: usize) -> Vec<String> {
        let k = self.heads.len();
        let mut scored: Vec<(i8, &str)> = scratch
            .kept_tokens()
            .map(|w| {
                (
                    self.weights[(hash(&[b"w", w.as_bytes()]) & self.mask) as usize * k + head],
                    w,
                )
            })
            .filter(|(w, _)| *w > 0)
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        scored.dedup_by(|a, b| a.1 == b.1);
        scored
            .into_iter()
            .take(n)
            .map(|(_, w)| w.to_string())
            .collect()
    }
}

pub fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_is_what_the_featuriser_reads_as_one() {
        for text in [
            "claim it at https://prize.example.org/win",
            "see WWW.example.com today",
            "short link bit.ly/3xYz inside",
            "written to defuse it: casino-bonus.example[.]net",
        ] {
            assert!(features::has_link(text), "{text}");
        }
        for text in [
            "email me at jo@example.com",
            "no link here, just spins and a bonus",
            "ward 12.5 and 3.1 litres",
            "",
        ] {
            assert!(!features::has_link(text), "{text}");
        }
    }

    #[test]
    fn features_are_stable_and_normalise_handles_links_digits_and_repeats() {
        let mut a = Features::default();
        let mut b = Features::default();
        a.extract("@Bob sooooo STUPID!!! http://x.example 123", 0xffff);
        b.extract("@alice soo stupid url 000", 0xffff);
        assert_eq!(a.ids, b.ids);
        let skip = FeatureOptions {
            skip_numbers: true,
            char_ngrams: true,
            url_parts: false,
            split_norm: false,
        };
        a.extract_with("ward 12 has 1,234 beds", 0xffff, skip);
        b.extract_with("ward has beds", 0xffff, skip);
        assert_eq!(a.ids, b.ids);
        a.extract("", 0xffff);
        assert!(a.ids.is_empty());
    }

    #[test]
    fn with_link_parts_a_link_gives_its_words_and_a_bare_host_is_a_link() {
        let parts = FeatureOptions {
            skip_numbers: true,
            char_ngrams: true,
            url_parts: true,
            split_norm: false,
        };
        let plain = FeatureOptions {
            url_parts: false,
            ..parts
        };
        // `text` read with `opts` has the features of `like` read with `like_opts`
        let alike = |text: &str, opts, like: &str, like_opts| {
            let (mut a, mut b) = (Features::default(), Features::default());
            a.extract_with(text, 0xffff, opts);
            b.extract_with(like, 0xffff, like_opts);
            assert_eq!(a.ids, b.ids, "{text}");
        };
        // host and path words, without the scheme, www, endings, ids and
        // the reserved `example` domain
        alike(
            "claim https://www.Casino-Bonus.example.net/free/spins?id=3xY9 now",
            parts,
            "claim url casino bonus free spins now",
            parts,
        );
        // a bare host with a known ending, and one written to defuse it
        alike(
            "see bit.ly/cheap-pills",
            parts,
            "see url bit cheap pills",
            parts,
        );
        alike(
            "go to pills-nocard.example[.]org",
            parts,
            "go to url pills nocard",
            parts,
        );
        // not links: an abbreviation, a name with a dot, an e-mail address
        for text in ["e.g. St.John ward", "mail jo@example.com today"] {
            alike(text, parts, text, plain);
        }
        // without the option a link is the one token `url`, as before
        alike(
            "claim https://casino-bonus.example.net/free now",
            plain,
            "claim url now",
            plain,
        );
        assert_eq!(FeatureOptions::from_flags(parts.to_flags()), Some(parts));
    }

    #[test]
    fn kept_apart_the_word_features_come_first_and_the_features_are_the_same() {
        let split = FeatureOptions {
            split_norm: true,
            ..FeatureOptions::default()
        };
        let text = "Mrs Ellis on Ward 7 is back home https://example.org/x @someone";
        let (mut joint, mut apart, mut words) = (
            Features::default(),
            Features::default(),
            Features::default(),
        );
        joint.extract_with(text, 0xffff, FeatureOptions::default());
        apart.extract_with(text, 0xffff, split);
        words.extract_with(
            text,
            0xffff,
            FeatureOptions {
                char_ngrams: false,
                ..FeatureOptions::default()
            },
        );
        // one block when not kept apart
        assert_eq!(joint.words_end, joint.ids.len());
        // apart: the word and word-pair features, then the letters
        assert_eq!(apart.ids[..apart.words_end], words.ids[..]);
        let (mut a, mut b) = (joint.ids.clone(), apart.ids.clone());
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b);
        assert!(apart.words_end < apart.ids.len());
        assert_eq!(FeatureOptions::from_flags(split.to_flags()), Some(split));
        assert_eq!(FeatureOptions::from_flags(16), None);
    }

    #[test]
    fn the_precomputed_tag_states_hash_as_the_plain_function_does() {
        use features::{hash, tagged_hashes_for_test as t};
        for w in [&b"<ab"[..], b"ward", b"", b"\xc3\xa9t\xc3\xa9"] {
            let (wh, bh, h3, h4) = t(w, b"next");
            assert_eq!(wh, hash(&[b"w", w]));
            assert_eq!(bh, hash(&[b"b", w, b" ", b"next"]));
            assert_eq!(h3, hash(&[b"3", w]));
            assert_eq!(h4, hash(&[b"4", w]));
        }
    }

    #[test]
    fn model_bytes_round_trip_and_bad_files_are_refused() {
        let mut w = vec![0f32; 1 << 4];
        w[3] = 2.0;
        w[5] = -1.0;
        let bytes = Model::to_bytes(&w, -0.5);
        let m = Model::from_bytes("t", &bytes).unwrap();
        assert_eq!(m.weights[3], 127);
        assert_eq!(m.weights[5], -64);
        assert!((m.heads[0].bias + 0.5).abs() < 1e-6);
        assert!(Model::from_bytes("t", &bytes[..bytes.len() - 1]).is_err());
        assert!(Model::from_bytes("t", b"nonsense").is_err());
        let mut f = Features::default();
        let p = m.score("anything at all", &mut f);
        assert!((0.0..=1.0).contains(&p));
    }

    #[test]
    fn a_model_of_several_heads_round_trips_and_keeps_each_head_apart() {
        let mut a = vec![0f32; 1 << 4];
        let mut b = vec![0f32; 1 << 4];
        a[2] = 1.0;
        b[2] = -4.0;
        b[7] = 2.0;
        let bytes = Model::heads_to_bytes(
            &[("yes", &a, 0.25), ("other", &b, -1.0)],
            FeatureOptions {
                skip_numbers: true,
                char_ngrams: true,
                url_parts: false,
                split_norm: false,
            },
        );
        let m = Model::from_bytes("two", &bytes).unwrap();
        assert_eq!(m.head_names(), ["yes", "other"]);
        assert_eq!(m.head(Some("other")), Some(1));
        assert_eq!(
            m.head(None),
            None,
            "a model of several heads needs a head name"
        );
        assert_eq!(m.head(Some("nope")), None);
        // bucket 2 holds both heads' weights side by side
        assert_eq!(&m.weights[4..6], &[127, -127]);
        assert_eq!(m.weights[7 * 2 + 1], 64);
        assert!((m.heads[1].bias + 1.0).abs() < 1e-6);
        assert!(Model::from_bytes("two", &bytes[..bytes.len() - 1]).is_err());
        assert!(Model::from_bytes("two", &bytes[..19]).is_err());
        // a feature flag this version does not know is refused, not ignored
        let mut odd = bytes.clone();
        odd[16] |= 16;
        let e = Model::from_bytes("two", &odd).err().unwrap().to_string();
        assert!(e.contains("unknown feature flags"), "{e}");
        let mut f = Features::default();
        assert!((m.score_head(0, "", &mut f) - sigmoid(0.25)).abs() < 1e-6);
        // numbers alone are no features for a model that skips them
        assert!((m.score_head(0, "12 1,234", &mut f) - sigmoid(0.25)).abs() < 1e-6);
    }

    #[test]
    fn fixed_width_row_sums_equal_the_general_loop() {
        fn general(weights: &[i8], ids: &[u32], k: usize) -> Vec<i32> {
            let mut sums = vec![0; k];
            for &i in ids {
                for (h, sum) in sums.iter_mut().enumerate() {
                    *sum += i32::from(weights[i as usize * k + h]);
                }
            }
            sums
        }
        // a fixed sequence of weights and ids, extremes included
        let weights: Vec<i8> = (0..64 * 8)
            .map(|x: i32| ((x * 37) % 256 - 128) as i8)
            .collect();
        let ids: Vec<u32> = (0..300).map(|x: u32| (x * 13) % 64).collect();
        assert_eq!(
            sum_rows::<8>(&weights, &ids).to_vec(),
            general(&weights, &ids, 8)
        );
        assert_eq!(
            sum_rows::<1>(&weights, &ids).to_vec(),
            general(&weights, &ids, 1)
        );
        assert_eq!(sum_rows::<8>(&weights, &[]), [0; 8]);
    }

    #[test]
    fn the_embedded_models_load() {
        let m = Model::embedded("abuse").unwrap();
        assert_eq!(m.weights.len(), (m.mask + 1) as usize);
        assert_eq!(m.head(None), Some(0));
        let p = Model::embedded("policy").unwrap();
        assert_eq!(p.weights.len(), (p.mask + 1) as usize * p.heads.len());
        assert!(Model::embedded("nope").is_err());
    }
}

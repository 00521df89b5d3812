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

mod features;
pub mod train;

pub use features::Features;
use crate::error::{Error, Result};
use features::hash;

/// Weights file: magic, then little-endian u32 bucket count (a power of
/// two), f32 scale, f32 bias, then `buckets` signed bytes.
const MAGIC: &[u8; 8] = b"SAMODEL1";

/// A compiled model.
pub struct Model {
    pub name: String,
    mask: u32,
    scale: f32,
    bias: f32,
    weights: Vec<i8>,
}

/// Models embedded in the binary, by name.
const EMBEDDED: &[(&str, &[u8])] = &[("abuse", include_bytes!("../../../rules/models/abuse.bin"))];

impl Model {
    /// An embedded model by name.
    pub fn embedded(name: &str) -> Result<Model> {
        let (_, bytes) = EMBEDDED.iter().find(|(n, _)| *n == name).ok_or_else(|| {
            let names: Vec<&str> = EMBEDDED.iter().map(|(n, _)| *n).collect();
            Error::Model(format!(
                "no model named {name:?} (embedded: {})",
                names.join(", ")
            ))
        })?;
        Model::from_bytes(name, bytes)
    }

    pub fn from_bytes(name: &str, b: &[u8]) -> Result<Model> {
        let bad = |why: &str| Error::Model(format!("model {name:?}: {why}"));
        if b.len() < 20 || &b[..8] != MAGIC {
            return Err(bad("not a social-audit model file"));
        }
        let u32_at = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        let buckets = u32_at(8);
        let scale = f32::from_bits(u32_at(12));
        let bias = f32::from_bits(u32_at(16));
        if !buckets.is_power_of_two() || b.len() != 20 + buckets as usize {
            return Err(bad("bucket count and file size disagree"));
        }
        if !scale.is_finite() || !bias.is_finite() {
            return Err(bad("scale or bias is not a number"));
        }
        Ok(Model {
            name: name.to_string(),
            mask: buckets - 1,
            scale,
            bias,
            weights: b[20..].iter().map(|&x| x as i8).collect(),
        })
    }

    /// Serialises trained `f32` weights (quantised to `i8`).
    pub fn to_bytes(weights: &[f32], bias: f32) -> Vec<u8> {
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-9);
        let scale = max / 127.0;
        let mut out = Vec::with_capacity(20 + weights.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(weights.len() as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_bits().to_le_bytes());
        out.extend_from_slice(&bias.to_bits().to_le_bytes());
        out.extend(
            weights
                .iter()
                .map(|w| (w / scale).round().clamp(-127.0, 127.0) as i8 as u8),
        );
        out
    }

    /// Probability (0–1) that `text` belongs to the model's positive class.
    pub fn score(&self, text: &str, scratch: &mut Features) -> f32 {
        scratch.extract(text, self.mask);
        if scratch.ids.is_empty() {
            return sigmoid(self.bias);
        }
        let sum: i32 = scratch
            .ids
            .iter()
            .map(|&i| i32::from(self.weights[i as usize]))
            .sum();
        let z = self.bias + self.scale * sum as f32 / (scratch.ids.len() as f32).sqrt();
        sigmoid(z)
    }
}

/// Model rules of a pack: each scores every text field it reads.
#[derive(Default)]
pub struct Models {
    rules: Vec<(usize, Model, f32, f32)>,
}

/// One model's score of one field of the record being checked.
#[derive(Clone, Copy, Debug)]
pub struct Score {
    pub rule: usize,
    pub field: crate::vocab::Field,
    pub p: f32,
}

impl Models {
    pub fn compile(def: &super::pack::PackDef) -> Result<Models> {
        let mut rules = Vec::new();
        for (ri, r) in def.rules.iter().enumerate() {
            let super::pack::Detector::Model(m) = &r.detector else {
                continue;
            };
            let model = Model::embedded(&m.name)
                .map_err(|e| Error::Model(format!("{}: {e}", r.whence())))?;
            let ok = |x: f32| (0.0..=1.0).contains(&x);
            let high = m.high.unwrap_or(1.0);
            if !ok(m.threshold) || !ok(high) || high < m.threshold {
                return Err(Error::Model(format!(
                    "{}: model threshold and high must be in 0..1, high ≥ threshold",
                    r.whence()
                )));
            }
            rules.push((ri, model, m.threshold, high));
        }
        Ok(Models { rules })
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    #[allow(clippy::too_many_arguments)]
    pub fn check(
        &self,
        infos: &[super::RuleInfo],
        scope: &[super::pack::Scope],
        record: &crate::record::Record,
        field: &crate::record::FieldText,
        scratch: &mut Features,
        hits: &mut Vec<super::Hit>,
        scores: &mut Vec<Score>,
    ) {
        for (r, model, threshold, high) in &self.rules {
            // Scoring is the costly part: a record the rule's scope rules
            // out (an unaddressed post for an `addressed` rule) is not scored.
            let sc = &scope[*r];
            if !sc.kind_ok(record.kind) || !sc.text_field_ok(field.name) || !sc.addressed_ok(record)
            {
                continue;
            }
            let p = model.score(&field.value, scratch);
            scores.push(Score {
                rule: *r,
                field: field.name,
                p,
            });
            if p < *threshold {
                continue;
            }
            let words = model.strongest_words(scratch, 3);
            let confidence = if p >= *high {
                super::Confidence::High
            } else {
                infos[*r].confidence
            };
            hits.push(super::Hit {
                rule: *r,
                field: field.name,
                start: 0,
                end: field.value.len(),
                matched: field.value.clone(),
                detail: format!(
                    "model {} score {p:.2} (threshold {threshold:.2}); strongest words: {}",
                    model.name,
                    words
                        .iter()
                        .map(|w| format!("\"{w}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                severity: infos[*r].severity,
                confidence,
            });
        }
    }
}

impl Models {
    /// Lexicon, composition and model evidence combined into one finding
    /// and one confidence, rather than three detectors OR-ed: where a
    /// field already has a hit of the model rule's category, the model's
    /// own hit is dropped and its score moves that hit's confidence a step
    /// up (at or above `high`) or down (below half the threshold).
    pub fn combine(
        &self,
        infos: &[super::RuleInfo],
        scope: &[super::pack::Scope],
        hits: &mut Vec<super::Hit>,
        first: usize,
        scores: &[Score],
        drop_own: bool,
    ) {
        for s in scores {
            let Some((_, model, threshold, high)) = self.rules.iter().find(|(r, ..)| *r == s.rule)
            else {
                continue;
            };
            let category = infos[s.rule].category;
            let mut others = false;
            for h in hits[first..].iter_mut() {
                if h.rule == s.rule
                    || h.field != s.field
                    || infos[h.rule].category != category
                    || scope[h.rule].signal
                {
                    continue;
                }
                others = true;
                if s.p >= *high {
                    h.confidence = h.confidence.raised();
                    h.detail
                        .push_str(&format!("; model {} agrees ({:.2})", model.name, s.p));
                } else if s.p < threshold / 2.0 {
                    h.confidence = h.confidence.lowered();
                    h.detail
                        .push_str(&format!("; model {} disagrees ({:.2})", model.name, s.p));
                }
            }
            if others && drop_own {
                super::retain_from(hits, first, |h| !(h.rule == s.rule && h.field == s.field));
            }
        }
    }
}

impl Model {
    /// The words of the text last scored with `scratch` whose own
    /// (unigram) weights push the score up most, for the finding's detail.
    fn strongest_words(&self, scratch: &Features, n: usize) -> Vec<String> {
        let mut scored: Vec<(i8, &str)> = scratch
            .tokens
            .iter()
            .map(|&(s, e)| {
                let w = &scratch.text[s..e];
                (
                    self.weights[(hash(&[b"w", w.as_bytes()]) & self.mask) as usize],
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
    fn features_are_stable_and_normalise_handles_links_digits_and_repeats() {
        let mut a = Features::default();
        let mut b = Features::default();
        a.extract("@Bob sooooo STUPID!!! http://x.example 123", 0xffff);
        b.extract("@alice soo stupid url 000", 0xffff);
        assert_eq!(a.ids, b.ids);
        a.extract("", 0xffff);
        assert!(a.ids.is_empty());
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
        assert!((m.bias + 0.5).abs() < 1e-6);
        assert!(Model::from_bytes("t", &bytes[..bytes.len() - 1]).is_err());
        assert!(Model::from_bytes("t", b"nonsense").is_err());
        let mut f = Features::default();
        let p = m.score("anything at all", &mut f);
        assert!((0.0..=1.0).contains(&p));
    }

    #[test]
    fn the_embedded_abuse_model_loads() {
        let m = Model::embedded("abuse").unwrap();
        assert_eq!(m.weights.len(), (m.mask + 1) as usize);
        assert!(Model::embedded("nope").is_err());
    }
}

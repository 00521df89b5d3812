//! Training for the learned layer: logistic regression by AdaGrad with L2,
//! over the same hashed features the scan scores with. Used by the
//! training commands (`examples/train_model.rs`, `examples/train_policy.rs`;
//! docs/EVALUATION.md), never at scan time. Deterministic: the same
//! examples in the same order give the same weights, byte for byte.

use super::{Features, sigmoid};

/// One labelled text.
#[derive(Clone, Debug)]
pub struct Example {
    pub text: String,
    /// 1.0 for the positive class, 0.0 for the negative.
    pub label: f32,
    /// How much the example counts in the loss.
    pub weight: f32,
}

/// Hyper-parameters.
#[derive(Clone, Copy, Debug)]
pub struct Params {
    /// A power of two.
    pub buckets: u32,
    pub epochs: usize,
    pub rate: f32,
    pub l2: f32,
    /// Seeds the shuffle of each epoch.
    pub seed: u64,
    /// The features to train on ([`Features::extract_with`]).
    pub features: super::FeatureOptions,
}

/// A small deterministic generator for the shuffle.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Weights (one per bucket) and bias; `progress` hears each epoch's mean
/// loss.
pub fn fit(data: &[Example], p: Params, mut progress: impl FnMut(usize, f64)) -> (Vec<f32>, f32) {
    assert!(
        p.buckets.is_power_of_two(),
        "bucket count must be a power of two"
    );
    let mask = p.buckets - 1;
    let mut w = vec![0f32; p.buckets as usize];
    let mut g2 = vec![1e-8f32; p.buckets as usize];
    let (mut bias, mut gb) = (0f32, 1e-8f32);
    let mut feats = Features::default();
    let encoded: Vec<Vec<u32>> = data
        .iter()
        .map(|e| {
            feats.extract_with(&e.text, mask, p.features);
            feats.ids.clone()
        })
        .collect();
    let mut order: Vec<usize> = (0..data.len()).collect();
    // xorshift never leaves zero
    let mut rng = XorShift(if p.seed == 0 {
        0x9e37_79b9_7f4a_7c15
    } else {
        p.seed
    });
    for epoch in 0..p.epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut loss = 0f64;
        for &k in &order {
            let ids = &encoded[k];
            let x = if ids.is_empty() {
                0.0
            } else {
                1.0 / (ids.len() as f32).sqrt()
            };
            let z = bias + ids.iter().map(|&f| w[f as usize]).sum::<f32>() * x;
            let prob = sigmoid(z);
            let (y, c) = (data[k].label, data[k].weight);
            loss -=
                f64::from(c * (y * prob.max(1e-7).ln() + (1.0 - y) * (1.0 - prob).max(1e-7).ln()));
            let g = c * (prob - y);
            for &f in ids {
                let f = f as usize;
                let gf = g * x + p.l2 * w[f];
                g2[f] += gf * gf;
                w[f] -= p.rate * gf / g2[f].sqrt();
            }
            gb += g * g;
            bias -= p.rate * g / gb.sqrt();
        }
        progress(epoch + 1, loss / data.len().max(1) as f64);
    }
    (w, bias)
}

/// True and false positives and false negatives at one threshold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fneg: usize,
}

impl Counts {
    /// `(score, label)` pairs counted at threshold `t`.
    pub fn at(scores: &[(f32, f32)], t: f32) -> Counts {
        let mut c = Counts::default();
        for &(s, y) in scores {
            match (s >= t, y > 0.5) {
                (true, true) => c.tp += 1,
                (true, false) => c.fp += 1,
                (false, true) => c.fneg += 1,
                _ => {}
            }
        }
        c
    }

    /// Precision, recall, F1.
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fneg).max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

#[cfg(test)]
mod tests {
    use super::super::Model;
    use super::*;

    fn ex(text: &str, label: f32) -> Example {
        Example {
            text: text.to_string(),
            label,
            weight: 1.0,
        }
    }

    #[test]
    fn a_trained_model_separates_its_classes_and_training_is_deterministic() {
        let data = vec![
            ex("use code SAVE20 at checkout", 1.0),
            ex("code BOGOF for half price trainers", 1.0),
            ex("discount code at checkout today", 1.0),
            ex("flu clinic open on saturday", 0.0),
            ex("the ward moves to level three", 0.0),
            ex("thank you to our volunteers", 0.0),
        ];
        let p = Params {
            buckets: 1 << 12,
            epochs: 20,
            rate: 0.5,
            l2: 1e-5,
            seed: 7,
            features: Default::default(),
        };
        let (w, b) = fit(&data, p, |_, _| {});
        let (w2, b2) = fit(&data, p, |_, _| {});
        assert_eq!(Model::to_bytes(&w, b), Model::to_bytes(&w2, b2));
        let m = Model::from_bytes("t", &Model::to_bytes(&w, b)).unwrap();
        let mut f = Features::default();
        let yes = m.score("promo code at the checkout", &mut f);
        let no = m.score("flu clinic on level three", &mut f);
        assert!(yes > 0.5 && no < 0.5, "{yes} {no}");
        let scores = [(yes, 1.0), (no, 0.0)];
        assert_eq!(
            Counts::at(&scores, 0.5),
            Counts {
                tp: 1,
                fp: 0,
                fneg: 0
            }
        );
    }
}

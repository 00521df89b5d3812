//! Training for the learned layer: logistic regression with L2, by AdaGrad
//! ([`fit`]) or by full-batch L-BFGS ([`fit_lbfgs`]), over the same hashed
//! features the scan scores with. Used by the
//! training commands (`examples/train_model.rs`, `examples/train_policy.rs`;
//! docs/EVALUATION.md), never at scan time. Deterministic: the same
//! examples in the same order give the same weights, byte for byte.

use super::{Features, block_scale, sigmoid};

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
    // each text's feature ids and where its word block ends
    let encoded: Vec<(Vec<u32>, usize)> = data
        .iter()
        .map(|e| {
            feats.extract_with(&e.text, mask, p.features);
            (feats.ids.clone(), feats.words_end)
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
            let (ids, words_end) = (&encoded[k].0, encoded[k].1);
            let (xw, xc) = (block_scale(words_end), block_scale(ids.len() - words_end));
            let z = bias
                + ids[..words_end].iter().map(|&f| w[f as usize]).sum::<f32>() * xw
                + ids[words_end..].iter().map(|&f| w[f as usize]).sum::<f32>() * xc;
            let prob = sigmoid(z);
            let (y, c) = (data[k].label, data[k].weight);
            loss -=
                f64::from(c * (y * prob.max(1e-7).ln() + (1.0 - y) * (1.0 - prob).max(1e-7).ln()));
            let g = c * (prob - y);
            for (n, &f) in ids.iter().enumerate() {
                let f = f as usize;
                let x = if n < words_end { xw } else { xc };
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

/// Each text's feature ids, where its word block ends, and the two blocks'
/// scales (as `block_scale`, in `f64` for the full-batch solver).
struct Encoded {
    ids: Vec<u32>,
    words_end: usize,
    xw: f64,
    xc: f64,
}

fn encode(data: &[Example], mask: u32, opts: super::FeatureOptions) -> Vec<Encoded> {
    let mut feats = Features::default();
    let norm = |n: usize| if n == 0 { 0.0 } else { 1.0 / (n as f64).sqrt() };
    data.iter()
        .map(|e| {
            feats.extract_with(&e.text, mask, opts);
            let (ids, words_end) = (feats.ids.clone(), feats.words_end);
            let (xw, xc) = (norm(words_end), norm(ids.len() - words_end));
            Encoded {
                ids,
                words_end,
                xw,
                xc,
            }
        })
        .collect()
}

/// The weighted mean log loss plus `l2 / 2 · |w|²` (the bias is not
/// penalised), and its gradient into `grad` (the bias's last).
fn objective(
    enc: &[Encoded],
    data: &[Example],
    scale: f64,
    l2: f64,
    w: &[f64],
    grad: &mut [f64],
) -> f64 {
    let n = w.len() - 1;
    grad.iter_mut().for_each(|g| *g = 0.0);
    let mut loss = 0.0;
    for (e, ex) in enc.iter().zip(data) {
        let (words, chars) = e.ids.split_at(e.words_end);
        let z = w[n]
            + words.iter().map(|&f| w[f as usize]).sum::<f64>() * e.xw
            + chars.iter().map(|&f| w[f as usize]).sum::<f64>() * e.xc;
        let (y, c) = (f64::from(ex.label), f64::from(ex.weight) * scale);
        // log(1 + e^z) - y·z, computed without overflow
        let softplus = if z > 0.0 {
            z + (-z).exp().ln_1p()
        } else {
            z.exp().ln_1p()
        };
        loss += c * (softplus - y * z);
        let prob = 1.0 / (1.0 + (-z).exp());
        let g = c * (prob - y);
        for &f in words {
            grad[f as usize] += g * e.xw;
        }
        for &f in chars {
            grad[f as usize] += g * e.xc;
        }
        grad[n] += g;
    }
    let m = data.len().max(1) as f64;
    loss /= m;
    for (g, &wi) in grad[..n].iter_mut().zip(&w[..n]) {
        *g = *g / m + l2 * wi;
    }
    grad[n] /= m;
    loss + 0.5 * l2 * w[..n].iter().map(|x| x * x).sum::<f64>()
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Weights and bias minimising the weighted mean log loss plus
/// `p.l2 / 2 · |w|²`, by full-batch L-BFGS (ten pairs of history, a
/// backtracking line search) for at most `p.epochs` iterations; `progress`
/// hears each iteration's objective. Unlike [`fit`] it converges, which
/// is what the policy heads lacked (docs/EVALUATION.md, "Words and letters
/// weighed apart"). Sample weights are rescaled to a mean of one.
/// Deterministic: sequential sums in `f64`, no shuffle.
pub fn fit_lbfgs(
    data: &[Example],
    p: Params,
    mut progress: impl FnMut(usize, f64),
) -> (Vec<f32>, f32) {
    assert!(
        p.buckets.is_power_of_two(),
        "bucket count must be a power of two"
    );
    const HISTORY: usize = 10;
    let enc = encode(data, p.buckets - 1, p.features);
    let total: f64 = data.iter().map(|e| f64::from(e.weight)).sum();
    let scale = if total > 0.0 {
        data.len() as f64 / total
    } else {
        1.0
    };
    let l2 = f64::from(p.l2);
    let dim = p.buckets as usize + 1;
    let mut w = vec![0f64; dim];
    let mut g = vec![0f64; dim];
    let mut f = objective(&enc, data, scale, l2, &w, &mut g);
    // the last HISTORY steps: (s, y, s·y, 1 / s·y), the products once per pair
    let mut hist: std::collections::VecDeque<(Vec<f64>, Vec<f64>, f64, f64)> =
        std::collections::VecDeque::with_capacity(HISTORY);
    let mut alpha = Vec::with_capacity(HISTORY);
    let mut dir = vec![0f64; dim];
    let (mut w_new, mut g_new) = (vec![0f64; dim], vec![0f64; dim]);
    for iter in 0..p.epochs {
        // two-loop recursion: dir = -H·g
        dir.copy_from_slice(&g);
        alpha.clear();
        alpha.resize(hist.len(), 0f64);
        for (i, (s, y, _, rho)) in hist.iter().enumerate().rev() {
            alpha[i] = rho * dot(s, &dir);
            for (d, y) in dir.iter_mut().zip(y) {
                *d -= alpha[i] * y;
            }
        }
        let gamma = match hist.back() {
            Some((_, y, sy, _)) => sy / dot(y, y),
            None => 1.0 / dot(&g, &g).sqrt().max(1e-12),
        };
        dir.iter_mut().for_each(|d| *d *= gamma);
        for (i, (s, y, _, rho)) in hist.iter().enumerate() {
            let beta = rho * dot(y, &dir);
            for (d, s) in dir.iter_mut().zip(s) {
                *d += s * (alpha[i] - beta);
            }
        }
        dir.iter_mut().for_each(|d| *d = -*d);
        let slope = dot(&g, &dir);
        if slope >= 0.0 {
            // not a descent direction: start the history again
            hist.clear();
            continue;
        }
        // backtracking line search (Armijo)
        let mut step = 1.0;
        let mut f_new;
        loop {
            for ((wn, &wi), &d) in w_new.iter_mut().zip(&w).zip(&dir) {
                *wn = wi + step * d;
            }
            f_new = objective(&enc, data, scale, l2, &w_new, &mut g_new);
            if f_new <= f + 1e-4 * step * slope || step < 1e-10 {
                break;
            }
            step *= 0.5;
        }
        let s: Vec<f64> = w_new.iter().zip(&w).map(|(a, b)| a - b).collect();
        let y: Vec<f64> = g_new.iter().zip(&g).map(|(a, b)| a - b).collect();
        let improved = f - f_new;
        std::mem::swap(&mut w, &mut w_new);
        std::mem::swap(&mut g, &mut g_new);
        f = f_new;
        progress(iter + 1, f);
        let sy = dot(&s, &y);
        if sy > 1e-12 {
            if hist.len() == HISTORY {
                hist.pop_front();
            }
            hist.push_back((s, y, sy, 1.0 / sy));
        }
        let gmax = g.iter().fold(0f64, |m, x| m.max(x.abs()));
        if gmax < 1e-6 || improved.abs() < 1e-10 * f.abs().max(1.0) {
            break;
        }
    }
    let bias = w[dim - 1] as f32;
    (w[..dim - 1].iter().map(|&x| x as f32).collect(), bias)
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

    /// Discount codes (1) and ordinary trust news (0).
    fn promo_or_not() -> Vec<Example> {
        vec![
            ex("use code SAVE20 at checkout", 1.0),
            ex("code BOGOF for half price trainers", 1.0),
            ex("discount code at checkout today", 1.0),
            ex("flu clinic open on saturday", 0.0),
            ex("the ward moves to level three", 0.0),
            ex("thank you to our volunteers", 0.0),
        ]
    }

    #[test]
    fn a_trained_model_separates_its_classes_and_training_is_deterministic() {
        let data = promo_or_not();
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

    #[test]
    fn lbfgs_converges_deterministically_and_the_scan_scores_as_it_trained() {
        let data = promo_or_not();
        let p = Params {
            buckets: 1 << 12,
            epochs: 200,
            rate: 0.0,
            l2: 1e-3,
            seed: 0,
            features: super::super::FeatureOptions {
                split_norm: true,
                ..Default::default()
            },
        };
        let mut losses = Vec::new();
        let (w, b) = fit_lbfgs(&data, p, |_, loss| losses.push(loss));
        let (w2, b2) = fit_lbfgs(&data, p, |_, _| {});
        assert_eq!((&w, b), (&w2, b2));
        // the objective only falls
        assert!(losses.windows(2).all(|l| l[1] <= l[0]), "{losses:?}");
        let bytes = Model::heads_to_bytes(&[("promo", &w, b)], p.features);
        let m = Model::from_bytes("t", &bytes).unwrap();
        let mut f = Features::default();
        // the quantised model scores what the float weights say, with the
        // word and letter blocks scaled apart as in training
        for e in &data {
            f.extract_with(&e.text, (1 << 12) - 1, p.features);
            let (words, chars) = f.ids.split_at(f.words_end);
            let sum = |ids: &[u32]| ids.iter().map(|&i| w[i as usize]).sum::<f32>();
            let z = b
                + sum(words) / (words.len() as f32).sqrt()
                + sum(chars) / (chars.len() as f32).sqrt();
            let expected = sigmoid(z);
            let got = m.score(&e.text, &mut f);
            assert!(
                (got - expected).abs() < 0.02,
                "{}: {got} {expected}",
                e.text
            );
            assert_eq!(got > 0.5, e.label > 0.5, "{}", e.text);
        }
    }
}

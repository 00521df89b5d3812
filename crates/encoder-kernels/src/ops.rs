//! Vector operations of the forward pass.

/// Eight partial sums, so the compiler can keep them in one vector (a
/// single running sum must be added in order, one product at a time).
#[inline]
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in ca.zip(cb) {
        for l in 0..8 {
            acc[l] += x[l] * y[l];
        }
    }
    acc.iter().sum::<f32>() + tail
}

/// The sum of `v`, in eight partial sums as in [`dot`].
#[inline]
pub(crate) fn sum(v: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let c = v.chunks_exact(8);
    let tail: f32 = c.remainder().iter().sum();
    for x in c {
        for l in 0..8 {
            acc[l] += x[l];
        }
    }
    acc.iter().sum::<f32>() + tail
}

/// `a += b`, element by element.
#[inline]
pub fn add(a: &mut [f32], b: &[f32]) {
    for (x, y) in a.iter_mut().zip(b) {
        *x += y;
    }
}

/// The mean of the `h`-wide rows of `x`, into `out`.
pub fn mean_rows(x: &[f32], h: usize, out: &mut Vec<f32>) {
    out.clear();
    out.resize(h, 0.0);
    let mut n = 0usize;
    for row in x.chunks_exact(h) {
        add(out, row);
        n += 1;
    }
    for v in out.iter_mut() {
        *v /= n as f32;
    }
}

/// Layer normalisation of each `h`-wide row of `x` in place, with gain
/// `g` and bias `b`.
pub fn layer_norm(x: &mut [f32], h: usize, g: &[f32], b: &[f32]) {
    for row in x.chunks_exact_mut(h) {
        let mean = sum(row) / h as f32;
        for v in row.iter_mut() {
            *v -= mean;
        }
        let var = dot(row, row) / h as f32;
        let inv = 1.0 / (var + 1e-12).sqrt();
        for ((v, g), b) in row.iter_mut().zip(g).zip(b) {
            *v = *v * inv * g + b;
        }
    }
}

/// The exact (error-function) GELU the model was trained with, in f32
/// as PyTorch computes it.
#[inline]
pub fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + erf(x * std::f32::consts::FRAC_1_SQRT_2))
}

/// The error function, from the complementary one's Chebyshev fit
/// (fractional error below 1.2e-7, Numerical Recipes §6.2; f32 adds
/// rounding of the same size). The coefficients are kept as published,
/// though f32 holds fewer digits.
#[allow(clippy::excessive_precision)]
#[inline]
pub(crate) fn erf(x: f32) -> f32 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let c = t
        * (-z * z - 1.265_512_23
            + t * (1.000_023_68
                + t * (0.374_091_96
                    + t * (0.096_784_18
                        + t * (-0.186_288_06
                            + t * (0.278_868_07
                                + t * (-1.135_203_98
                                    + t * (1.488_515_87
                                        + t * (-0.822_152_23 + t * 0.170_872_77)))))))))
            .exp();
    if x >= 0.0 { 1.0 - c } else { c - 1.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn erf_matches_known_values() {
        // the known values in f64, so the f32 result is judged to its own precision
        for (x, want) in [
            (0.0f32, 0.0f64),
            (0.5, 0.520_499_877_8),
            (1.0, 0.842_700_792_9),
            (-2.0, -0.995_322_265),
        ] {
            assert!(
                (f64::from(erf(x)) - want).abs() < 2e-7,
                "erf({x}) = {}",
                erf(x)
            );
        }
    }

    #[test]
    fn layer_norm_centres_and_scales_each_row() {
        let mut x = vec![1.0, 2.0, 3.0, 4.0, 10.0, 10.0, 10.0, 14.0];
        layer_norm(&mut x, 4, &[1.0; 4], &[0.5; 4]);
        for row in x.chunks_exact(4) {
            let mean = row.iter().sum::<f32>() / 4.0;
            let var = row.iter().map(|v| (v - 0.5) * (v - 0.5)).sum::<f32>() / 4.0;
            assert!((mean - 0.5).abs() < 1e-5, "{row:?}");
            assert!((var - 1.0).abs() < 1e-3, "{row:?}");
        }
    }

    #[test]
    fn mean_rows_averages_columns() {
        let mut out = Vec::new();
        mean_rows(&[1.0, 2.0, 3.0, 6.0, 5.0, 10.0], 2, &mut out);
        assert_eq!(out, vec![3.0, 6.0]);
    }
}

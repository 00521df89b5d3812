//! Multi-head self-attention over one text's word pieces.

use crate::ops::dot;

/// Self-attention for `n` word pieces of width `h` in `heads` heads.
/// `qkv` holds each piece's query, key and value side by side (`3h`
/// wide); each head's context, the softmax-weighted sum of values, goes
/// into `ctx` (`n × h`). `att` is scratch, at least `n` long.
pub fn self_attention(
    qkv: &[f32],
    n: usize,
    h: usize,
    heads: usize,
    ctx: &mut Vec<f32>,
    att: &mut Vec<f32>,
) {
    let d = h / heads;
    let scale = 1.0 / (d as f32).sqrt();
    ctx.clear();
    ctx.resize(n * h, 0.0);
    att.resize(n, 0.0);
    let q3 = 3 * h;
    for hd in 0..heads {
        let (qo, ko, vo) = (hd * d, h + hd * d, 2 * h + hd * d);
        for i in 0..n {
            let q = &qkv[i * q3 + qo..i * q3 + qo + d];
            let mut max = f32::NEG_INFINITY;
            for j in 0..n {
                let k = &qkv[j * q3 + ko..j * q3 + ko + d];
                let v = dot(q, k) * scale;
                att[j] = v;
                max = max.max(v);
            }
            let mut sum = 0.0;
            for a in &mut att[..n] {
                *a = (*a - max).exp();
                sum += *a;
            }
            let out = &mut ctx[i * h + qo..i * h + qo + d];
            for j in 0..n {
                let p = att[j] / sum;
                let v = &qkv[j * q3 + vo..j * q3 + vo + d];
                for (o, &x) in out.iter_mut().zip(v) {
                    *o += p * x;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::self_attention;

    #[test]
    fn equal_keys_average_the_values_and_a_sharp_key_picks_its_value() {
        // two pieces, width 2, one head: q, k, v side by side
        let equal = [1.0, 0.0, 1.0, 0.0, 2.0, 4.0, 1.0, 0.0, 1.0, 0.0, 6.0, 8.0];
        let (mut ctx, mut att) = (Vec::new(), Vec::new());
        self_attention(&equal, 2, 2, 1, &mut ctx, &mut att);
        assert_eq!(ctx, vec![4.0, 6.0, 4.0, 6.0]);
        // the second key far closer to both queries: its value wins
        let sharp = [
            10.0, 0.0, 0.0, 0.0, 2.0, 4.0, 10.0, 0.0, 10.0, 0.0, 6.0, 8.0,
        ];
        self_attention(&sharp, 2, 2, 1, &mut ctx, &mut att);
        for row in ctx.chunks_exact(2) {
            assert!(
                (row[0] - 6.0).abs() < 1e-3 && (row[1] - 8.0).abs() < 1e-3,
                "{row:?}"
            );
        }
    }
}

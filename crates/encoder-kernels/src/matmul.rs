//! `out += x · (s ⊙ Q)ᵀ` for a few rows of `x` (a text's word pieces)
//! against 8-bit weights `Q` stored one output per row with a scale `s`
//! per row, read in place from the embedded file. General matrix
//! libraries repack 32-bit weights on every call, which for 20–60 rows
//! costs more than the products, and 32-bit weights are four times the
//! memory to stream for each text (benches/README.md, "Contextual
//! encoder"). Blocks of four rows by three outputs keep twelve 8-wide
//! sums in registers; on x86-64 with AVX2 and FMA that block is written
//! with those instructions and chosen at run time.
//!
//! On x86-64 with AVX-512, [`Matrix`] keeps a second copy of the weights,
//! laid out for the usual matrix-kernel shape instead: a panel of 48
//! outputs with its `k` weights for one input side by side, so that one
//! input value, broadcast, meets 48 weights in three 16-wide registers,
//! eight rows at a time, and no sum has to be folded across a register at
//! the end. Same products, added in another order.

/// An `m × k` matrix of 8-bit weights (one output per row, `q` read as
/// signed bytes) with a scale per output, and the kernel this CPU runs
/// it with: [`Panels`] where it has AVX-512, [`add_xqt`] on the rows as
/// they are otherwise.
pub struct Matrix<'a> {
    q: &'a [u8],
    s: Vec<f32>,
    m: usize,
    k: usize,
    panels: Option<Panels>,
}

impl<'a> Matrix<'a> {
    pub fn new(q: &'a [u8], s: Vec<f32>, m: usize, k: usize) -> Matrix<'a> {
        assert!(q.len() >= m * k && s.len() >= m);
        #[cfg(target_arch = "x86_64")]
        let panels = std::is_x86_feature_detected!("avx512f").then(|| Panels::new(q, &s, m, k));
        #[cfg(not(target_arch = "x86_64"))]
        let panels = None;
        Matrix { q, s, m, k, panels }
    }

    /// `out[i·m + o] += s[o] · Σⱼ x[i·k + j] · q[o·k + j]` for `n` rows.
    pub fn add_xqt(&self, x: &[f32], n: usize, out: &mut [f32]) {
        match &self.panels {
            Some(p) => p.add_xqt(x, n, out),
            None => add_xqt(x, n, self.q, &self.s, self.m, self.k, out),
        }
    }
}

/// `out[i·m + o] += s[o] · Σⱼ x[i·k + j] · q[o·k + j]` for `n` rows,
/// `q` read as signed bytes.
pub fn add_xqt(x: &[f32], n: usize, q: &[u8], s: &[f32], m: usize, k: usize, out: &mut [f32]) {
    assert!(x.len() >= n * k && q.len() >= m * k && s.len() >= m && out.len() >= n * m);
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma") {
        // SAFETY: the CPU has the features the function is compiled for.
        unsafe { add_xqt_avx2(x, n, q, s, m, k, out) };
        return;
    }
    add_xqt_any(x, n, q, s, 0, m, k, out);
}

/// Outputs `from..m`, one dot product at a time (any CPU, and the
/// outputs left over from the AVX2 blocks of three).
#[allow(clippy::too_many_arguments)]
fn add_xqt_any(
    x: &[f32],
    n: usize,
    q: &[u8],
    s: &[f32],
    from: usize,
    m: usize,
    k: usize,
    out: &mut [f32],
) {
    for o in from..m {
        let row = &q[o * k..(o + 1) * k];
        for i in 0..n {
            let xr = &x[i * k..(i + 1) * k];
            // eight partial sums, so the compiler can keep them in a vector
            let mut acc = [0f32; 8];
            let mut j = 0;
            while j + 8 <= k {
                for l in 0..8 {
                    acc[l] += xr[j + l] * f32::from(row[j + l] as i8);
                }
                j += 8;
            }
            let mut sum: f32 = acc.iter().sum();
            for r in j..k {
                sum += xr[r] * f32::from(row[r] as i8);
            }
            out[i * m + o] += s[o] * sum;
        }
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn add_xqt_avx2(
    x: &[f32],
    n: usize,
    q: &[u8],
    s: &[f32],
    m: usize,
    k: usize,
    out: &mut [f32],
) {
    if !k.is_multiple_of(8) {
        add_xqt_any(x, n, q, s, 0, m, k, out);
        return;
    }
    let whole = m / 3 * 3;
    let mut o = 0;
    while o < whole {
        let mut i = 0;
        while i < n {
            let ni = (n - i).min(4);
            // SAFETY: rows i..i+ni of x and o..o+3 of q are in bounds
            // (add_xqt's assert), and k is a multiple of 8.
            unsafe {
                match ni {
                    4 => avx2_block::<4>(x, i, q, s, o, m, k, out),
                    3 => avx2_block::<3>(x, i, q, s, o, m, k, out),
                    2 => avx2_block::<2>(x, i, q, s, o, m, k, out),
                    _ => avx2_block::<1>(x, i, q, s, o, m, k, out),
                }
            }
            i += ni;
        }
        o += 3;
    }
    add_xqt_any(x, n, q, s, whole, m, k, out);
}

/// Rows `i..i+NI` against outputs `o..o+3`: three weight loads (eight
/// bytes each, widened to floats) shared by every row.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
#[allow(clippy::too_many_arguments)]
unsafe fn avx2_block<const NI: usize>(
    x: &[f32],
    i: usize,
    q: &[u8],
    s: &[f32],
    o: usize,
    m: usize,
    k: usize,
    out: &mut [f32],
) {
    use std::arch::x86_64::*;
    let mut acc = [[_mm256_setzero_ps(); 3]; NI];
    let qp = [0, 1, 2].map(|b| q[(o + b) * k..(o + b + 1) * k].as_ptr());
    let xp: [*const f32; NI] = std::array::from_fn(|a| x[(i + a) * k..(i + a + 1) * k].as_ptr());
    let widen = |p: *const u8| {
        // SAFETY: the caller reads 8 bytes inside a k-long row.
        unsafe { _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_loadl_epi64(p.cast()))) }
    };
    let mut kk = 0;
    while kk < k {
        // SAFETY: kk + 8 ≤ k, inside each k-long row.
        unsafe {
            let w0 = widen(qp[0].add(kk));
            let w1 = widen(qp[1].add(kk));
            let w2 = widen(qp[2].add(kk));
            for a in 0..NI {
                let xv = _mm256_loadu_ps(xp[a].add(kk));
                acc[a][0] = _mm256_fmadd_ps(xv, w0, acc[a][0]);
                acc[a][1] = _mm256_fmadd_ps(xv, w1, acc[a][1]);
                acc[a][2] = _mm256_fmadd_ps(xv, w2, acc[a][2]);
            }
        }
        kk += 8;
    }
    for a in 0..NI {
        for b in 0..3 {
            let v = acc[a][b];
            let h = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
            let h = _mm_add_ps(h, _mm_movehl_ps(h, h));
            let h = _mm_add_ss(h, _mm_shuffle_ps(h, h, 1));
            out[(i + a) * m + o + b] += s[o + b] * _mm_cvtss_f32(h);
        }
    }
}

/// Outputs per panel: three 16-wide registers.
const PANEL: usize = 48;

/// The weights of [`add_xqt`] laid out for the AVX-512 kernel: for each
/// panel of 48 outputs, input by input, the 48 weights side by side
/// (outputs past `m` are zero, with a zero scale). Built only where the
/// CPU has AVX-512F ([`Matrix::new`]).
struct Panels {
    w: Vec<i8>,
    s: Vec<f32>,
    m: usize,
    k: usize,
}

impl Panels {
    fn new(q: &[u8], s: &[f32], m: usize, k: usize) -> Panels {
        assert!(q.len() >= m * k && s.len() >= m);
        let panels = m.div_ceil(PANEL);
        let mut w = vec![0i8; panels * k * PANEL];
        for o in 0..m {
            let (p, c) = (o / PANEL, o % PANEL);
            let base = p * k * PANEL + c;
            for (j, &v) in q[o * k..(o + 1) * k].iter().enumerate() {
                w[base + j * PANEL] = v as i8;
            }
        }
        let mut sp = s[..m].to_vec();
        sp.resize(panels * PANEL, 0.0);
        Panels { w, s: sp, m, k }
    }

    /// `out[i·m + o] += s[o] · Σⱼ x[i·k + j] · q[o·k + j]` for `n` rows,
    /// as [`add_xqt`] does.
    fn add_xqt(&self, x: &[f32], n: usize, out: &mut [f32]) {
        let (m, k) = (self.m, self.k);
        assert!(x.len() >= n * k && out.len() >= n * m);
        #[cfg(target_arch = "x86_64")]
        {
            // SAFETY: `Panels` exists only where the CPU has AVX-512F
            // (`Matrix::new`), and the bounds were checked above.
            unsafe { self.add_xqt_avx512(x, n, out) }
        }
        #[cfg(not(target_arch = "x86_64"))]
        unreachable!("Panels are built only on x86-64");
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f")]
    unsafe fn add_xqt_avx512(&self, x: &[f32], n: usize, out: &mut [f32]) {
        for p in 0..self.m.div_ceil(PANEL) {
            let mut i = 0;
            while i < n {
                let ni = (n - i).min(8);
                // SAFETY: rows i..i+ni are inside x and out (add_xqt's
                // assert), panel p inside w and s (build).
                unsafe {
                    match ni {
                        8 => self.block::<8>(x, i, p, out),
                        7 => self.block::<7>(x, i, p, out),
                        6 => self.block::<6>(x, i, p, out),
                        5 => self.block::<5>(x, i, p, out),
                        4 => self.block::<4>(x, i, p, out),
                        3 => self.block::<3>(x, i, p, out),
                        2 => self.block::<2>(x, i, p, out),
                        _ => self.block::<1>(x, i, p, out),
                    }
                }
                i += ni;
            }
        }
    }

    /// Rows `i..i+NI` against panel `p`: per input, three weight loads
    /// (16 bytes each, widened to floats) shared by every row, and one
    /// broadcast per row; 24 sums in registers for eight rows.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f")]
    unsafe fn block<const NI: usize>(&self, x: &[f32], i: usize, p: usize, out: &mut [f32]) {
        use std::arch::x86_64::*;
        let (m, k) = (self.m, self.k);
        let mut acc = [[_mm512_setzero_ps(); 3]; NI];
        let wp = self.w[p * k * PANEL..(p + 1) * k * PANEL].as_ptr();
        let xp: [*const f32; NI] =
            std::array::from_fn(|a| x[(i + a) * k..(i + a + 1) * k].as_ptr());
        for j in 0..k {
            // SAFETY: j < k, inside each k-long row and the panel's k·48 bytes.
            unsafe {
                let wj = wp.add(j * PANEL);
                let w = [0, 16, 32].map(|c| {
                    _mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(_mm_loadu_si128(wj.add(c).cast())))
                });
                for (row, x) in acc.iter_mut().zip(xp) {
                    let xv = _mm512_set1_ps(*x.add(j));
                    for (sum, w) in row.iter_mut().zip(w) {
                        *sum = _mm512_fmadd_ps(xv, w, *sum);
                    }
                }
            }
        }
        for b in 0..3 {
            let o = p * PANEL + b * 16;
            if o >= m {
                break;
            }
            let left = (m - o).min(16);
            // lanes past m are neither read nor written
            let mask: __mmask16 = if left == 16 {
                0xffff
            } else {
                (1u16 << left) - 1
            };
            // SAFETY: o + 16 ≤ the padded scales; out is written only
            // in the mask's lanes, all below m.
            unsafe {
                let sv = _mm512_loadu_ps(self.s.as_ptr().add(o));
                for (a, row) in acc.iter().enumerate() {
                    let dst = out.as_mut_ptr().add((i + a) * m + o);
                    let cur = _mm512_maskz_loadu_ps(mask, dst);
                    let sum = _mm512_fmadd_ps(row[b], sv, cur);
                    _mm512_mask_storeu_ps(dst, mask, sum);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn blocks_and_remainders_give_the_plain_product() {
        // sizes that leave remainders in rows, outputs and the 8-wide sums
        let shapes = [
            (1, 1, 1),
            (17, 50, 40),
            (8, 96, 384),
            (22, 1152, 384),
            (5, 3, 19),
            (9, 7, 64),
            (4, 2, 8),
            (13, 10, 384),
            (22, 12, 64),
            (3, 3, 8),
        ];
        for (n, m, k) in shapes {
            let x: Vec<f32> = (0..n * k)
                .map(|v| ((v * 7919) % 23) as f32 / 11.0 - 1.0)
                .collect();
            let q: Vec<u8> = (0..m * k).map(|v| ((v * 104_729) % 255) as u8).collect();
            let s: Vec<f32> = (0..m).map(|o| 0.01 + o as f32 * 0.003).collect();
            let mut out = vec![0.5f32; n * m];
            super::add_xqt(&x, n, &q, &s, m, k, &mut out);
            // the AVX-512 layout, where this CPU has it, gives the same
            let matrix = super::Matrix::new(&q, s.clone(), m, k);
            match &matrix.panels {
                Some(_) => {
                    let mut wide = vec![0.5f32; n * m];
                    matrix.add_xqt(&x, n, &mut wide);
                    for (a, b) in out.iter().zip(&wide) {
                        assert!(
                            (a - b).abs() < 1e-3 * (1.0 + a.abs()),
                            "{n}x{m}x{k}: {a} vs {b}"
                        );
                    }
                }
                None => eprintln!("no AVX-512 on this CPU: the panel kernel is not checked"),
            }
            for i in 0..n {
                for o in 0..m {
                    let dot: f32 = (0..k)
                        .map(|j| x[i * k + j] * f32::from(q[o * k + j] as i8))
                        .sum();
                    let want = 0.5 + s[o] * dot;
                    let got = out[i * m + o];
                    assert!(
                        (got - want).abs() < 1e-3 * (1.0 + want.abs()),
                        "{n}x{m}x{k} [{i},{o}]: {got} vs {want}"
                    );
                }
            }
        }
    }
}

//! The encoder against the reference it was exported from
//! (scripts/encoder-study/export.py): the same word-piece ids and the same
//! ten scores, on texts of tests/eval/cases.toml and tokeniser traps.

use super::*;

const PARITY: &str = include_str!("../../../tests/data/encoder-parity.jsonl");
/// The output layer PyTorch exported with those scores. The shipped
/// output layer may since have been refitted on more text
/// (examples/train_encoder_head.rs); the transformer below it is the
/// exported one, and its pooled vectors through this layer must still
/// give the reference scores.
const PARITY_HEAD: &[u8] = include_bytes!("../../../tests/data/encoder-parity-head.bin");

fn encoder() -> Encoder {
    Encoder::from_bytes("policy-encoder", super::super::model::EMBEDDED_ENCODER)
        .expect("the embedded encoder loads")
}

fn cases() -> Vec<(String, Vec<u32>, Vec<f32>)> {
    PARITY
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            let ids = v["ids"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_u64().unwrap() as u32);
            let scores = v["scores"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_f64().unwrap() as f32);
            (
                v["text"].as_str().unwrap().to_string(),
                ids.collect(),
                scores.collect(),
            )
        })
        .collect()
}

#[test]
fn the_tokeniser_gives_the_reference_word_pieces() {
    let e = encoder();
    let m = e.loaded.get_or_init(|| e.load());
    let cases = cases();
    assert!(
        cases.len() >= 50,
        "the parity file holds {} texts",
        cases.len()
    );
    let mut ids = Vec::new();
    for (text, want, _) in &cases {
        m.pieces.encode(text, e.shape.max_len, &mut ids);
        assert_eq!(&ids, want, "word pieces of {text:?}");
    }
}

fn parity_head() -> (Vec<f32>, Vec<f32>) {
    let f = le_f32s(PARITY_HEAD);
    let e = encoder();
    let n = e.shape.outputs * e.shape.hidden;
    assert_eq!(f.len(), n + e.shape.outputs, "the parity head's size");
    (f[..n].to_vec(), f[n..].to_vec())
}

#[test]
fn the_forward_pass_gives_the_reference_scores() {
    let e = encoder();
    let (w, b) = parity_head();
    let mut s = Scratch::default();
    let mut worst = 0f32;
    for (text, _, want) in cases() {
        let pooled = e.pooled(&text, &mut s).to_vec();
        let got: Vec<f32> = w
            .chunks_exact(pooled.len())
            .zip(&b)
            .map(|(w, b)| 1.0 / (1.0 + (-(kernels::dot(w, &pooled) + b)).exp()))
            .collect();
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(&want) {
            worst = worst.max((g - w).abs());
        }
    }
    // float sums in another order: far below any threshold's reach
    assert!(
        worst < 2e-3,
        "largest difference from the reference {worst}"
    );
}

#[test]
fn the_scores_are_the_shipped_output_layer_over_the_pooled_vector() {
    let e = encoder();
    let (w, b) = e.output_layer();
    let mut s = Scratch::default();
    for (text, _, _) in cases().into_iter().take(10) {
        let pooled = e.pooled(&text, &mut s).to_vec();
        let scores = e.scores(&text, &mut s).to_vec();
        for (k, (w, b)) in w.chunks_exact(pooled.len()).zip(&b).enumerate() {
            let want = 1.0 / (1.0 + (-(kernels::dot(w, &pooled) + b)).exp());
            assert!((scores[k] - want).abs() < 1e-6, "output {k} of {text:?}");
        }
    }
}

#[test]
fn a_text_is_scored_once_for_every_output_that_reads_it() {
    let e = encoder();
    let mut s = Scratch::default();
    let first = e
        .scores("Mrs Jones on ward 4 is doing well after her stroke", &mut s)
        .to_vec();
    assert_eq!(e.texts_read(), 1);
    let again = e
        .scores("Mrs Jones on ward 4 is doing well after her stroke", &mut s)
        .to_vec();
    assert_eq!(first, again);
    let other = e
        .scores("Flu jabs are available at every pharmacy this week", &mut s)
        .to_vec();
    assert_ne!(first, other);
    assert_eq!(e.texts_read(), 2);
}

#[test]
fn a_damaged_file_is_refused_with_a_reason() {
    let b: &'static [u8] = super::super::model::EMBEDDED_ENCODER;
    let cut: &'static [u8] = &b[..b.len() - 1];
    let err = Encoder::from_bytes("x", cut)
        .err()
        .expect("a short file is refused");
    assert!(err.to_string().contains("size"), "{err}");
    assert!(Encoder::from_bytes("x", b"SAMODEL1....").is_err());
    assert!(Encoder::from_bytes("x", &[]).is_err());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
    /// Any text, however odd its characters: `[CLS]`, at most 62 pieces,
    /// `[SEP]`, every id in the vocabulary, and no panic.
    #[test]
    fn any_text_gives_a_bounded_sequence_of_known_pieces(text in "\\PC{0,300}") {
        let e = encoder();
        let m = e.loaded.get_or_init(|| e.load());
        let mut ids = Vec::new();
        m.pieces.encode(&text, e.shape.max_len, &mut ids);
        proptest::prop_assert!(ids.len() >= 2 && ids.len() <= e.shape.max_len);
        proptest::prop_assert_eq!(ids[0], m.pieces.cls);
        proptest::prop_assert_eq!(*ids.last().unwrap(), m.pieces.sep);
        proptest::prop_assert!(ids.iter().all(|&i| (i as usize) < e.shape.vocab));
    }
}

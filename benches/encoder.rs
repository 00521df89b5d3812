//! The contextual encoder's cost (docs/ENCODER.md): the default pack's
//! check of single-text records with `--deep` off and on, one thread,
//! over the development texts of tests/eval (cases.toml and the tuning
//! sets; never a held-out set). CI never builds it.
//!
//!     cargo bench --bench encoder
//!     BENCH_ROUNDS=5 cargo bench --bench encoder

use social_audit::org::Org;
use social_audit::record::{Field, Platform, Record, RecordKind};
use social_audit::rules::Pack;
use std::time::Instant;

fn texts() -> Vec<String> {
    let mut out = Vec::new();
    for name in ["cases", "tuning", "tuning2", "tuning3", "tuning4"] {
        let path = format!("{}/tests/eval/{name}.toml", env!("CARGO_MANIFEST_DIR"));
        let src = std::fs::read_to_string(&path).expect("an eval set");
        let t: toml::Table = toml::from_str(&src).expect("TOML");
        for kind in ["positive", "negative"] {
            for case in t.get(kind).and_then(|v| v.as_array()).into_iter().flatten() {
                if let Some(s) = case.get("text").and_then(|v| v.as_str()) {
                    out.push(s.to_string());
                }
            }
        }
    }
    out
}

fn main() {
    let rounds: usize = std::env::var("BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    let texts = texts();
    let records: Vec<Record> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut r = Record::new(Platform::Twitter, RecordKind::Post, format!("b{i}"));
            r.push_field(Field::Text, t.clone());
            r
        })
        .collect();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    println!(
        "{} texts, {:.1} words each on average, {rounds} rounds, one thread",
        texts.len(),
        words as f64 / texts.len() as f64
    );
    for deep in [false, true] {
        let mut pack = Pack::default_pack(&Org::default()).expect("the default pack");
        pack.set_deep(deep);
        let mut hits = Vec::new();
        // the first pass loads the weights; it is not timed
        for r in &records {
            hits.clear();
            pack.check(r, &mut hits);
        }
        let before = pack.encoder_texts();
        let t = Instant::now();
        let mut found = 0;
        for _ in 0..rounds {
            for r in &records {
                hits.clear();
                pack.check(r, &mut hits);
                found += hits.len();
            }
        }
        let secs = t.elapsed().as_secs_f64();
        let n = (rounds * records.len()) as f64;
        let scored = pack.encoder_texts() - before;
        println!(
            "deep {:5}: {:8.1} µs per record; encoder read {scored} texts ({found} hits)",
            deep,
            secs / n * 1e6
        );
    }
}

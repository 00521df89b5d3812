//! Cheap, deterministic fuzzing inside `cargo test`: the bundled archive's
//! files and zip bytes are mutated many ways (flipped bytes, cuts, inserted
//! JSON punctuation, duplicated spans) and scanned. Whatever the damage,
//! the scan returns, never panics, and accounts for every entry.

use social_audit::org::Org;
use social_audit::rules::Pack;
use social_audit::scan::{self, Options};
use std::path::{Path, PathBuf};

const FOLDER: &str = "fixtures/twitter-2024-11-16-northdale";
const ZIP: &str = "fixtures/twitter-2024-11-16-northdale.zip";

/// Rounds per test; `ROBUSTNESS_ROUNDS=100000 cargo test --release --test
/// robustness` runs a long session locally.
fn rounds() -> usize {
    std::env::var("ROBUSTNESS_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(600)
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(rng: &mut Rng, data: &mut Vec<u8>) {
    const NASTY: &[u8] = b"[]{},:\"\\ \n\xff\xc3\x00=";
    let len = data.len().max(1);
    match rng.below(6) {
        0 => {
            let i = rng.below(len).min(data.len().saturating_sub(1));
            if let Some(b) = data.get_mut(i) {
                *b ^= 1 << rng.below(8);
            }
        }
        1 => data.truncate(rng.below(len)),
        2 => {
            let i = rng.below(len).min(data.len());
            data.insert(i, NASTY[rng.below(NASTY.len())]);
        }
        3 => {
            let i = rng.below(len).min(data.len());
            let j = (i + rng.below(64)).min(data.len());
            data.drain(i..j);
        }
        4 => {
            let i = rng.below(len).min(data.len());
            let j = (i + rng.below(256)).min(data.len());
            let span = data[i..j].to_vec();
            data.splice(i..i, span);
        }
        _ => {
            // Deep nesting.
            let i = rng.below(len).min(data.len());
            let depth = rng.below(5000);
            data.splice(i..i, std::iter::repeat_n(b'[', depth));
        }
    }
}

fn files_under(root: &Path, rel: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(root.join(rel)).unwrap() {
        let e = e.unwrap();
        let r = rel.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            files_under(root, &r, out);
        } else {
            out.push(r);
        }
    }
}

fn scan_ok(path: &Path, pack: &Pack) -> scan::Outcome {
    let outcome = scan::scan(&[path.to_path_buf()], pack, &Options::default());
    for row in &outcome.coverage {
        if row.status == social_audit::report::Status::Failed {
            assert!(
                !row.detail.is_empty(),
                "failed row without a reason: {row:?}"
            );
        }
    }
    outcome
}

#[test]
fn mutated_files_never_panic_and_every_entry_is_accounted_for() {
    let pack = Pack::default_pack(&Org::default()).unwrap();
    let mut files = Vec::new();
    files_under(Path::new(FOLDER), Path::new(""), &mut files);
    files.sort();
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let d = tempfile::tempdir().unwrap();
    for round in 0..rounds() {
        let root = d.path().join(format!("r{round}"));
        let victim = rng.below(files.len());
        for (k, rel) in files.iter().enumerate() {
            let mut data = std::fs::read(Path::new(FOLDER).join(rel)).unwrap();
            if k == victim {
                for _ in 0..1 + rng.below(4) {
                    mutate(&mut rng, &mut data);
                }
            }
            let p = root.join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, data).unwrap();
        }
        let outcome = scan_ok(&root, &pack);
        assert_eq!(
            outcome.coverage.len(),
            files.len(),
            "round {round}: {:?}",
            outcome.coverage
        );
        std::fs::remove_dir_all(&root).unwrap();
    }
}

#[test]
fn mutated_zip_bytes_never_panic() {
    let pack = Pack::default_pack(&Org::default()).unwrap();
    let original = std::fs::read(ZIP).unwrap();
    let mut rng = Rng(0x5eed_9876_0002);
    let d = tempfile::tempdir().unwrap();
    for round in 0..rounds() {
        let mut data = original.clone();
        for _ in 0..1 + rng.below(3) {
            mutate(&mut rng, &mut data);
        }
        let p = d.path().join(format!("r{round}.zip"));
        std::fs::write(&p, &data).unwrap();
        let outcome = scan_ok(&p, &pack);
        assert!(
            !outcome.coverage.is_empty(),
            "round {round}: no coverage at all"
        );
    }
}

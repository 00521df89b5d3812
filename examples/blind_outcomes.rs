//! Writes, for every case of the project's held-out sets
//! (`tests/eval/heldout*.toml`), whether the default pack finds it (a
//! breach) or flags it (a hard negative), one tab-separated line per case:
//! `SET  positive|negative  INDEX  CATEGORY  PACK(0/1)  ACCOUNT(0/1)  RULES`
//! (RULES: the ids of the rules that fired, comma-separated, or `-`).
//! No case text is written: the line points at the case by its set and its
//! index among the set's positives or negatives, so a study outside the
//! tool (scripts/encoder-study/) can join its own scores to the pack's and
//! print per-category aggregates without anyone reading a held-out case.
//! Not part of CI.
//!
//! ```sh
//! cargo run --release --example blind_outcomes -- OUT.tsv
//! ```

#[path = "../tests/eval/sets.rs"]
mod sets;

use sets::{Judge, Label, load};
use social_audit::org::Org;
use social_audit::rules::Pack;
use std::io::Write;

fn main() {
    let out = std::env::args()
        .nth(1)
        .expect("usage: blind_outcomes OUT.tsv");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&out).expect("create OUT.tsv"));
    let mut names: Vec<String> = std::fs::read_dir("tests/eval")
        .expect("run from the repository root")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with("heldout") && n.ends_with(".toml"))
        .collect();
    names.sort();
    let build = |org: &Org| Pack::default_pack(org).expect("default pack");
    let mut judge = Judge::new(&build);
    for name in &names {
        let src = std::fs::read_to_string(format!("tests/eval/{name}")).expect("read set");
        let (mut positives, mut negatives) = (0, 0);
        for case in load(name, &src) {
            let (hit, ids) = judge.verdict(&case);
            let rules = if ids.is_empty() {
                "-".to_string()
            } else {
                ids.join(",")
            };
            let (hit, account) = (hit as u8, case.account as u8);
            match &case.label {
                Label::Category(cat) => {
                    writeln!(
                        out,
                        "{name}\tpositive\t{positives}\t{cat}\t{hit}\t{account}\t{rules}"
                    )
                    .expect("write");
                    positives += 1;
                }
                Label::Negative(near) => {
                    let near = near.as_deref().unwrap_or("-");
                    writeln!(
                        out,
                        "{name}\tnegative\t{negatives}\t{near}\t{hit}\t{account}\t{rules}"
                    )
                    .expect("write");
                    negatives += 1;
                }
                Label::Rule(_) => {}
            }
        }
    }
    out.flush().expect("write");
}

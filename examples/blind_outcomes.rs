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
//! # with the encoder's rules on, a pack folder instead of the embedded
//! # rules, and only heldout26.toml to heldout72.toml:
//! cargo run --release --example blind_outcomes -- OUT.tsv --deep --rules DIR --sets 26-72
//! ```
//!
//! `--rules DIR` loads the `.toml` files of a copy of `rules/` (the models
//! stay the ones built in): how the encoder's `agree` step is re-derived
//! for a retrained word model (docs/ENCODER.md, "Re-deriving the
//! agreement"). `--sets A-B` reads the sets numbered A to B
//! (`heldout.toml` is number 1).

#[path = "../tests/eval/sets.rs"]
mod sets;

use sets::{Judge, Label, load};
use social_audit::org::Org;
use social_audit::rules::Pack;
use std::io::Write;

const USAGE: &str = "usage: blind_outcomes OUT.tsv [--deep] [--rules DIR] [--sets A-B]";

/// A set's number: `heldout.toml` is 1, `heldout7.toml` 7.
fn number(name: &str) -> Option<u32> {
    let n = name.strip_prefix("heldout")?.strip_suffix(".toml")?;
    if n.is_empty() {
        Some(1)
    } else {
        n.parse().ok()
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let out = args.next().expect(USAGE);
    let (mut deep, mut rules, mut range) = (false, None, (0, u32::MAX));
    while let Some(a) = args.next() {
        match a.as_str() {
            "--deep" => deep = true,
            "--rules" => rules = Some(std::path::PathBuf::from(args.next().expect(USAGE))),
            "--sets" => {
                let v = args.next().expect(USAGE);
                let (a, b) = v.split_once('-').expect(USAGE);
                range = (a.parse().expect(USAGE), b.parse().expect(USAGE));
            }
            _ => panic!("{USAGE}"),
        }
    }
    let mut out = std::io::BufWriter::new(std::fs::File::create(&out).expect("create OUT.tsv"));
    let mut names: Vec<String> = std::fs::read_dir("tests/eval")
        .expect("run from the repository root")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| number(n).is_some_and(|k| (range.0..=range.1).contains(&k)))
        .collect();
    names.sort();
    let build = move |org: &Org| {
        let mut pack = match &rules {
            Some(dir) => Pack::from_path(dir, org).expect("pack folder"),
            None => Pack::default_pack(org).expect("default pack"),
        };
        pack.set_deep(deep);
        pack
    };
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

//! Trains the `policy` model of the learned layer (rules/models/policy.bin,
//! card in rules/models/policy.md): one logistic-regression head per
//! policy category over the shared hashed features, for what the lists and
//! compositions cannot spell out. Deterministic:
//!
//! ```sh
//! scripts/fetch-eval-data.sh MIRROR_DIR      # OLID train, SMS Spam Collection
//! cargo run --release --example train_policy -- eval-data rules/models/policy.bin
//! ```
//!
//! Training data, all written for this project (rules/models/training/README.md):
//! - `rules/models/training/CATEGORY.tsv`: breaches of that category (1)
//!   and hard negatives near it (0), written from the policies alone;
//! - `rules/models/nhs-negatives.txt`, `nhs-negatives-2.txt` and
//!   `training/ordinary*.tsv`: ordinary NHS texts, negatives for every head;
//! - fetched, not committed: the OLID *training* split's not-offensive
//!   tweets and the SMS Spam Collection's "ham" messages, as ordinary
//!   English (weighted down; see `general_negatives`).
//!
//! One line in five of every file is kept back. The threshold table is
//! printed over the kept-back lines and over the tuning sets
//! (`tests/eval/tuning*.toml`), which are read for validation only. The
//! blind sets already read (`tests/eval/heldout*.toml`, the range
//! `training_io::TRAINED_SETS`) are training text, kept back one in five
//! like the files; the sets not yet read (`tests/eval/reserved/`) and
//! the public external tests are never read here.
//! `TRAIN_HOLDOUT_ROUND=k` leaves the k-th round of training files out
//! and measures the heads on it: text by authors the model never saw
//! (docs/EVALUATION.md, "The policy model trained longer").

use sha2::{Digest, Sha256};
use social_audit::rules::model::train::{Counts, Example, Params, fit};
use social_audit::rules::model::{FeatureOptions, Features, Model};
use std::path::Path;
use std::process::ExitCode;

#[path = "common/training_io.rs"]
mod training_io;
use training_io::{
    files_of, fit_lbfgs_logged, holdout_round, labelled, lbfgs, lines, param, read, read_sets,
    round_of,
};

const BUCKETS: u32 = 1 << 18;

/// The heads trained: the eight of `policy.bin`, then `conduct` with
/// `TRAIN_CONDUCT=1` and `links` with `TRAIN_LINKS=1`.
fn trained_heads() -> &'static [(&'static str, u8)] {
    static HEADS_TRAINED: std::sync::OnceLock<Vec<(&'static str, u8)>> = std::sync::OnceLock::new();
    HEADS_TRAINED.get_or_init(|| {
        let mut v = HEADS[..8].to_vec();
        if param("TRAIN_CONDUCT", 0.0) > 0.5 {
            v.push(("conduct", 7));
        }
        if links() {
            v.push(HEADS[8]);
        }
        v
    })
}

/// `TRAIN_MAX_FLAGGED=patient-data:10,credit:7,...`: a head may flag at
/// most that many of the validation negatives (kept-back and tuning sets)
/// besides the budget, e.g. no more than the head it replaces
/// (docs/EVALUATION.md, "Words and letters weighed apart, at the old
/// heads' false alarms").
fn max_flagged(head: &str) -> Option<usize> {
    let caps = std::env::var("TRAIN_MAX_FLAGGED").ok()?;
    caps.split(',').find_map(|c| {
        let (h, n) = c.split_once(':')?;
        (h.trim() == head).then(|| n.trim().parse().ok())?
    })
}

fn links() -> bool {
    param("TRAIN_LINKS", 0.0) > 0.5
}

/// The thresholds tried, lowest first: every 0.05 from 0.30 to 0.95, then
/// 0.96 to 0.99, unless `TRAIN_GRID=0.01` asks for every hundredth.
fn grid() -> Vec<f32> {
    let fine = param("TRAIN_GRID", 0.05) < 0.03;
    (30..=99)
        .filter(|x| fine || x % 5 == 0 || *x > 95)
        .map(|x| x as f32 / 100.0)
        .collect()
}

fn buckets() -> u32 {
    1u32 << (param("TRAIN_BUCKET_BITS", BUCKETS.trailing_zeros() as f32) as u32)
}

/// The heads, in file order, and the group each belongs to: a positive of
/// another group is a negative for this head (a leaked board paper is not
/// political opinion), while categories of one group overlap too much for
/// that (a patient's address is patient data, personal data and location).
///
/// Conduct has no head here: the `abuse` model (rules/models/abuse.md),
/// trained on tens of thousands of labelled tweets, covers it, and a head
/// trained on the project's 450 conduct texts flagged more ordinary text
/// than it found abuse (2026-12-01, rules/models/policy.md).
/// `TRAIN_CONDUCT=1` adds one (group of its own, before `links`) to
/// measure it again; it is not shipped (docs/EVALUATION.md, "Tried on
/// development data only, not built", nineteenth session).
///
/// `links` is read only with `TRAIN_LINKS=1` (with the link-word
/// features). It ships as a model of its own, trained with
/// `TRAIN_ONLY=links` (rules/models/links.md), not as a ninth head of
/// `policy.bin`.
const HEADS: [(&str, u8); 9] = [
    ("patient-data", 0),
    ("personal-data", 0),
    ("location", 0),
    ("confidential", 1),
    ("safeguarding", 2),
    ("commercial", 3),
    ("political", 4),
    ("credit", 5),
    ("links", 6),
];

/// A labelled line of a training file, and whether it is kept back.
struct Line {
    head: Option<usize>,
    positive: bool,
    text: String,
    kept_back: bool,
    /// Of the round `TRAIN_HOLDOUT_ROUND` names: neither trained on nor
    /// read by the threshold rule, only measured, as text by authors the
    /// model never saw.
    held: bool,
}

/// `TRAIN_WORDS=4-12`: the threshold table, the threshold rule and the
/// left-out round read only texts of 4 to 11 words (whitespace-separated),
/// to measure the heads on short texts (docs/EVALUATION.md, "Tried on
/// development data only, not built", nineteenth session). Training is
/// unchanged: the same weights, whatever the band.
fn in_band(text: &str) -> bool {
    static BAND: std::sync::OnceLock<Option<(usize, usize)>> = std::sync::OnceLock::new();
    let band = BAND.get_or_init(|| {
        let (lo, hi) = training_io::range(&std::env::var("TRAIN_WORDS").ok()?)?;
        Some((lo as usize, hi as usize))
    });
    band.is_none_or(|(lo, hi)| (lo..hi).contains(&text.split_whitespace().count()))
}

/// Every labelled line; `head` is `None` for the files of ordinary text
/// (`ordinary*.tsv`), which are negatives for every head.
fn training_lines() -> Result<Vec<Line>, String> {
    let mut out = Vec::new();
    let stems = trained_heads()
        .iter()
        .enumerate()
        .map(|(h, (name, _))| (Some(h), *name))
        .chain(std::iter::once((None, "ordinary")));
    for (h, stem) in stems {
        let mut i = 0;
        for path in files_of(stem)? {
            let held = holdout_round() == Some(round_of(&path));
            for (positive, text) in labelled(&path, h.is_some())? {
                out.push(Line {
                    head: h,
                    positive,
                    text,
                    kept_back: !held && i % 5 == 0,
                    held,
                });
                i += usize::from(!held);
            }
        }
    }
    out.extend(read_set_lines()?);
    Ok(out)
}

/// The blind sets already read, with `TRAIN_SETS` (`training_io::read_sets`):
/// each breach of a trained head's category a positive for it (breaches of
/// a category with no head in this run, conduct and, unless
/// `TRAIN_LINKS=1`, links, are left out), each hard
/// negative a negative for every head; one in five kept back, as in the
/// training files.
fn read_set_lines() -> Result<Vec<Line>, String> {
    let mut out = Vec::new();
    for case in read_sets()? {
        let head = match (
            case.positive,
            trained_heads()
                .iter()
                .position(|(h, _)| *h == case.category),
        ) {
            (false, _) => None,
            (true, Some(h)) => Some(h),
            (true, None) => continue,
        };
        let kept_back = out.len() % 5 == 0;
        out.push(Line {
            head,
            positive: case.positive,
            text: case.text,
            kept_back,
            held: false,
        });
    }
    Ok(out)
}

fn nhs_negatives() -> Result<Vec<(String, bool)>, String> {
    let mut all = Vec::new();
    for p in [
        "rules/models/nhs-negatives.txt",
        "rules/models/nhs-negatives-2.txt",
    ] {
        all.extend(lines(Path::new(p))?);
    }
    Ok(all
        .into_iter()
        .enumerate()
        .map(|(i, t)| (t, i % 5 == 0))
        .collect())
}

/// Ordinary public English that is no breach of any head's kind, from the
/// fetched training corpora (docs/EVALUATION.md): OLID *training* tweets
/// labelled not offensive, and the SMS Spam Collection's "ham" messages.
/// Each text is `(text, kept_back, heads it is a negative for)`: OLID's
/// tweets are full of US political opinion, so they say nothing to the
/// political head; personal texts ("at home now, come round") say nothing
/// to the location and personal-data heads.
fn general_negatives(dir: &Path) -> Result<Vec<(String, bool, Vec<usize>)>, String> {
    let head = |n: &str| {
        trained_heads()
            .iter()
            .position(|(h, _)| *h == n)
            .unwrap_or(usize::MAX)
    };
    let all: Vec<usize> = (0..trained_heads().len()).collect();
    let not_political: Vec<usize> = all
        .iter()
        .copied()
        .filter(|&h| h != head("political"))
        .collect();
    let not_personal: Vec<usize> = all
        .iter()
        .copied()
        .filter(|&h| h != head("location") && h != head("personal-data"))
        .collect();
    let mut out = Vec::new();
    let olid = read(&dir.join("train/olid/olid-training-v1.0.tsv"))?;
    for (i, line) in olid.lines().skip(1).enumerate() {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() >= 3 && cols[2] == "NOT" {
            out.push((cols[1].to_string(), i % 5 == 0, not_political.clone()));
        }
    }
    let sms = read(&dir.join("train/sms-spam/SMSSpamCollection"))?;
    for (i, line) in sms.lines().enumerate() {
        if let Some(text) = line.strip_prefix("ham\t") {
            out.push((text.to_string(), i % 5 == 0, not_personal.clone()));
        }
    }
    Ok(out)
}

/// The tuning sets' positives as `(category, text)`, and their negatives.
type TuningSets = (Vec<(String, String)>, Vec<String>);

fn tuning_sets() -> Result<TuningSets, String> {
    let (mut pos, mut neg) = (Vec::new(), Vec::new());
    for name in ["tuning", "tuning2", "tuning3"] {
        for c in training_io::set_cases(&format!("tests/eval/{name}.toml"), true)? {
            if c.positive {
                pos.push((c.category, c.text));
            } else {
                neg.push(c.text);
            }
        }
    }
    Ok((pos, neg))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("usage: train_policy EVAL_DATA_DIR OUT.bin   (see rules/models/policy.md)");
        return ExitCode::from(2);
    };
    let dir = Path::new(dir);
    let run = || -> Result<(), String> {
        println!("# inputs (sha256)");
        let lines = training_lines()?;
        let nhs = nhs_negatives()?;
        let (tune_pos, tune_neg) = tuning_sets()?;
        let general = general_negatives(dir)?;
        let p = Params {
            buckets: buckets(),
            epochs: param("TRAIN_EPOCHS", if lbfgs() { 500.0 } else { 100.0 }) as usize,
            rate: param("TRAIN_RATE", 0.2),
            l2: param("TRAIN_L2", if lbfgs() { 3e-7 } else { 1e-5 }),
            seed: 0x9011_c7a1_5eed_0001,
            features: FeatureOptions {
                skip_numbers: true,
                char_ngrams: param("TRAIN_CHAR_NGRAMS", 1.0) > 0.5,
                url_parts: links(),
                split_norm: param("TRAIN_SPLIT_NORM", 0.0) > 0.5,
            },
        };
        let other_weight = param("TRAIN_OTHER_WEIGHT", 0.5);
        let pos_share = param("TRAIN_POS_SHARE", 0.2);
        let budget = param("TRAIN_FP_BUDGET", 0.004);
        let general_budget = param("TRAIN_GENERAL_BUDGET", 0.002);
        let general_weight = param("TRAIN_GENERAL_WEIGHT", 0.3);
        // `TRAIN_ONLY=links`: fit and write that head alone (the others'
        // texts still serve as its negatives), for a model of its own
        let only = std::env::var("TRAIN_ONLY").ok();
        println!(
            "# epochs {}, rate {}, l2 {}, other-group positives weighted {other_weight}, positives {pos_share} of the weight, false-positive budget {budget}",
            p.epochs, p.rate, p.l2
        );
        let mut heads = Vec::new();
        let mut report = Vec::new();
        for (h, (name, group)) in trained_heads().iter().enumerate() {
            if only.as_deref().is_some_and(|o| o != *name) {
                continue;
            }
            let mut data = Vec::new();
            let mut negs = 0f32;
            for l in lines.iter().filter(|l| !l.kept_back && !l.held) {
                let other = l.head.is_some_and(|x| trained_heads()[x].1 != *group);
                let (label, weight) = match (l.positive, l.head == Some(h)) {
                    (true, true) => (1.0, 0.0),
                    (true, false) if other => (0.0, other_weight),
                    (true, false) => continue,
                    (false, _) => (0.0, 1.0),
                };
                if label == 0.0 {
                    negs += weight;
                }
                data.push(Example {
                    text: l.text.clone(),
                    label,
                    weight,
                });
            }
            for (t, kept) in &nhs {
                if !kept {
                    negs += 1.0;
                    data.push(Example {
                        text: t.clone(),
                        label: 0.0,
                        weight: 1.0,
                    });
                }
            }
            for (t, kept, heads) in &general {
                if !kept && heads.contains(&h) {
                    negs += general_weight;
                    data.push(Example {
                        text: t.clone(),
                        label: 0.0,
                        weight: general_weight,
                    });
                }
            }
            let n_pos = data.iter().filter(|e| e.label > 0.5).count().max(1) as f32;
            let w_pos = negs * pos_share / (1.0 - pos_share) / n_pos;
            for e in data.iter_mut().filter(|e| e.label > 0.5) {
                e.weight = w_pos;
            }
            println!(
                "\n## head {name}: {} texts, {n_pos} positives (weight {w_pos:.2})",
                data.len()
            );
            let (w, bias) = if lbfgs() {
                fit_lbfgs_logged(&data, p)
            } else {
                fit(&data, p, |epoch, loss| {
                    if epoch == p.epochs {
                        println!("  last epoch mean loss {loss:.4}");
                    }
                })
            };
            // Scored on the quantised single head, as the scan will.
            let one = Model::from_bytes(
                name,
                &Model::heads_to_bytes(&[(name, &w, bias)], p.features),
            )?;
            heads.push((*name, w, bias));
            let mut f = Features::default();
            // the scores of the training lines `keep` picks
            let score_lines = |keep: &dyn Fn(&Line) -> bool, f: &mut Features| -> Vec<f32> {
                lines
                    .iter()
                    .filter(|l| keep(l) && in_band(&l.text))
                    .map(|l| one.score(&l.text, f))
                    .collect()
            };
            let kept_pos = score_lines(&|l| l.kept_back && l.positive && l.head == Some(h), &mut f);
            let tune: Vec<f32> = tune_pos
                .iter()
                .filter(|(c, t)| c == name && in_band(t))
                .map(|(_, t)| one.score(t, &mut f))
                .collect();
            let kept_neg: Vec<f32> = lines
                .iter()
                .filter(|l| l.kept_back && !l.positive)
                .map(|l| l.text.as_str())
                .chain(nhs.iter().filter(|(_, k)| *k).map(|(t, _)| t.as_str()))
                .filter(|t| in_band(t))
                .map(|t| one.score(t, &mut f))
                .collect();
            let tneg: Vec<f32> = tune_neg
                .iter()
                .filter(|t| in_band(t))
                .map(|t| one.score(t, &mut f))
                .collect();
            let gneg: Vec<f32> = general
                .iter()
                .filter(|(t, kept, heads)| *kept && heads.contains(&h) && in_band(t))
                .map(|(t, ..)| one.score(t, &mut f))
                .collect();
            println!(
                "| threshold | kept-back recall ({}) | tuning recall ({}) | kept-back negatives flagged ({}) | tuning negatives flagged ({}) | general English flagged ({}) |",
                kept_pos.len(),
                tune.len(),
                kept_neg.len(),
                tneg.len(),
                gneg.len()
            );
            println!("|---:|---:|---:|---:|---:|---:|");
            let pairs = |ps: &[f32], ns: &[f32]| -> Vec<(f32, f32)> {
                ps.iter()
                    .map(|&s| (s, 1.0))
                    .chain(ns.iter().map(|&s| (s, 0.0)))
                    .collect()
            };
            let mut chosen = None;
            let cap = max_flagged(name);
            for t in grid() {
                let kb = Counts::at(&pairs(&kept_pos, &kept_neg), t);
                let tu = Counts::at(&pairs(&tune, &tneg), t);
                let all_neg = (kept_neg.len() + tneg.len()).max(1) as f32;
                let rate = (kb.fp + tu.fp) as f32 / all_neg;
                let g = gneg.iter().filter(|&&x| x >= t).count();
                let grate = g as f32 / gneg.len().max(1) as f32;
                println!(
                    "| {t:.2} | {:.2} | {:.2} | {} | {} | {g} |",
                    kb.prf().1,
                    tu.prf().1,
                    kb.fp,
                    tu.fp
                );
                let capped = cap.is_none_or(|c| kb.fp + tu.fp <= c);
                if chosen.is_none() && rate <= budget && grate <= general_budget && capped {
                    chosen = Some((t, kb.prf().1, tu.prf().1, kb.fp + tu.fp));
                }
            }
            let (t, kr, tr, fp) = chosen.unwrap_or((0.99, 0.0, 0.0, 0));
            if let Some(k) = holdout_round() {
                let held_pos = score_lines(&|l| l.held && l.positive && l.head == Some(h), &mut f);
                let held_neg = score_lines(&|l| l.held && !l.positive, &mut f);
                for g in grid() {
                    println!(
                        "held-out grid {k} {name} {g:.2} {} {}",
                        held_pos.iter().filter(|&&x| x >= g).count(),
                        held_neg.iter().filter(|&&x| x >= g).count()
                    );
                }
                let found = held_pos.iter().filter(|&&x| x >= t).count();
                let flagged = held_neg.iter().filter(|&&x| x >= t).count();
                println!(
                    "held-out round {k}, {name}: {found} of {} breaches found, {flagged} of {} negatives flagged",
                    held_pos.len(),
                    held_neg.len()
                );
            }
            println!(
                "threshold for {name}: {t:.2} (the lowest with at most {:.2}% of the validation negatives and {:.2}% of general English flagged): kept-back recall {kr:.2}, tuning recall {tr:.2}, {fp} negatives flagged",
                budget * 100.0,
                general_budget * 100.0
            );
            report.push(format!("{name}: threshold {t:.2}, kept-back recall {kr:.2}, tuning recall {tr:.2}, {fp} flagged"));
        }
        let named: Vec<(&str, &[f32], f32)> = heads
            .iter()
            .map(|(n, w, b)| (*n, w.as_slice(), *b))
            .collect();
        let bytes = Model::heads_to_bytes(&named, p.features);
        std::fs::write(out, &bytes).map_err(|e| format!("{out}: {e}"))?;
        println!("\n# summary");
        for r in report {
            println!("  {r}");
        }
        println!(
            "wrote {out}: {} bytes, sha256 {}",
            bytes.len(),
            social_audit::finding::hex(&Sha256::digest(&bytes))
        );
        Ok(())
    };
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_policy: {e}");
            ExitCode::FAILURE
        }
    }
}

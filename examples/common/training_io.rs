//! What the training commands (`train_model.rs`, `train_policy.rs`,
//! `train_encoder_head.rs`) need to read their inputs and settings: each
//! input's SHA-256 printed as it is read, so a training log names exactly
//! the data behind the weights.

use sha2::{Digest, Sha256};
use std::path::Path;

/// `A-B` (as `TRAIN_SETS`, `TRAIN_WORDS` and `blind_outcomes --sets`
/// write a range), both ends included or not as the caller reads them.
#[allow(dead_code)]
pub fn range(v: &str) -> Option<(u32, u32)> {
    let (a, b) = v.split_once('-')?;
    Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
}

/// A hyper-parameter from the environment (`TRAIN_*`), for experiments on
/// the validation data, or its default.
pub fn param(name: &str, default: f32) -> f32 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Full-batch L-BFGS (`TRAIN_SOLVER=lbfgs`, `train::fit_lbfgs`) instead of
/// AdaGrad; measured and not shipped for either model (docs/EVALUATION.md,
/// "Words and letters weighed apart").
#[allow(dead_code)] // each training command uses a part of this file
pub fn lbfgs() -> bool {
    std::env::var("TRAIN_SOLVER").is_ok_and(|s| s == "lbfgs")
}

/// `train::fit_lbfgs`, printing how many iterations it took and where it
/// ended.
#[allow(dead_code)]
pub fn fit_lbfgs_logged(
    data: &[social_audit::rules::model::train::Example],
    p: social_audit::rules::model::train::Params,
) -> (Vec<f32>, f32) {
    let mut last = (0, 0.0);
    let fitted =
        social_audit::rules::model::train::fit_lbfgs(data, p, |iter, loss| last = (iter, loss));
    println!("  L-BFGS: {} iterations, objective {:.5}", last.0, last.1);
    fitted
}

/// A UTF-8 input file, its SHA-256 printed first.
pub fn read(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    println!(
        "  {}  {}",
        social_audit::finding::hex(&Sha256::digest(&bytes)),
        path.display()
    );
    String::from_utf8(bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// The lines of a text file that are neither blank nor `#` comments.
#[allow(dead_code)] // not every training command reads a plain list
pub fn lines(path: &Path) -> Result<Vec<String>, String> {
    Ok(read(path)?
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect())
}

/// The training files of one category under `rules/models/training`,
/// `STEM.tsv` then `STEM-2.tsv` and so on, in name order so the data and
/// the weights do not depend on the directory listing.
#[allow(dead_code)] // each training command uses a part of this file
pub fn files_of(stem: &str) -> Result<Vec<std::path::PathBuf>, String> {
    let mut out = tsv_files(POLICY_ROUNDS)?;
    out.retain(|p| {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        name == format!("{stem}.tsv")
            || (name.starts_with(&format!("{stem}-")) && name.ends_with(".tsv"))
    });
    Ok(out)
}

/// The `(label, text)` lines of one training file (`LABEL<TAB>KIND<TAB>TEXT`,
/// rules/models/training/README.md); label 1 only where `positives` allows
/// it (the ordinary-text files hold negatives alone).
#[allow(dead_code)]
pub fn labelled(path: &Path, positives: bool) -> Result<Vec<(bool, String)>, String> {
    let shown = path.display().to_string();
    let mut out = Vec::new();
    for (n, l) in read(path)?.lines().enumerate() {
        if l.starts_with('#') || l.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = l.splitn(3, '\t').collect();
        let positive = match cols.first() {
            Some(&"1") if positives => true,
            Some(&"0") => false,
            _ => {
                return Err(format!(
                    "{shown}:{}: label must be 0 (or 1 in a category's file)",
                    n + 1
                ));
            }
        };
        let Some(text) = cols.get(2) else {
            return Err(format!("{shown}:{}: want LABEL, KIND, TEXT", n + 1));
        };
        out.push((positive, text.to_string()));
    }
    Ok(out)
}

/// Every training file under `rules/models/training` of the rounds a
/// trainer reads, in name order: `default` (the rounds its committed
/// weights were trained on, so the documented command rebuilds them byte
/// for byte), or with `TRAIN_ROUND=k` every round up to k.
#[allow(dead_code)]
pub fn tsv_files(default: &[u32]) -> Result<Vec<std::path::PathBuf>, String> {
    let dir = Path::new("rules/models/training");
    let last = std::env::var("TRAIN_ROUND")
        .ok()
        .and_then(|k| k.trim().parse::<u32>().ok());
    let (held, skipped) = (holdout_round(), skipped_rounds());
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .filter(|p| {
            let r = round_of(p);
            let read = last.map_or(default.contains(&r), |last| r <= last);
            // a later round left out is read to be measured on, without
            // reading the rounds between
            (read || held == Some(r)) && !skipped.contains(&r)
        })
        .collect();
    out.sort();
    Ok(out)
}

/// `TRAIN_HOLDOUT_ROUND=k`: the k-th round of training files is left out
/// of training and only measured, as text by authors the model never saw
/// (examples/train_policy.rs; docs/EVALUATION.md, "The policy model
/// trained longer").
pub fn holdout_round() -> Option<u32> {
    let k = param("TRAIN_HOLDOUT_ROUND", 0.0) as u32;
    (k > 0).then_some(k)
}

/// `TRAIN_SKIP_ROUNDS=5,6`: rounds up to `TRAIN_ROUND` that are not read,
/// so that a later round can be tried without the ones between
/// (docs/EVALUATION.md, "The seventh round of training texts").
fn skipped_rounds() -> Vec<u32> {
    std::env::var("TRAIN_SKIP_ROUNDS")
        .unwrap_or_default()
        .split(',')
        .filter_map(|r| r.trim().parse().ok())
        .collect()
}

/// The rounds of training files the committed policy model was trained on
/// (rules/models/training/README.md); later rounds are read only when
/// `TRAIN_ROUND` asks for them.
#[allow(dead_code)]
const POLICY_ROUNDS: &[u32] = &[1, 2, 3, 4, 10, 11];

/// A file's round: the first number in its name (`patient-data-5.tsv`,
/// `ordinary-4-credit.tsv`), 1 when it has none.
pub fn round_of(path: &Path) -> u32 {
    let name = path.file_stem().and_then(|n| n.to_str()).unwrap_or("");
    name.split('-')
        .find_map(|part| part.parse().ok())
        .unwrap_or(1)
}

/// `(kept back, the rest)`: every fifth item, from the first, is kept back
/// for validation. One rule for every trainer's split.
#[allow(dead_code)]
pub fn fifths<T>(items: impl IntoIterator<Item = T>) -> (Vec<T>, Vec<T>) {
    let (mut kept, mut rest) = (Vec::new(), Vec::new());
    for (i, x) in items.into_iter().enumerate() {
        if i % 5 == 0 {
            kept.push(x);
        } else {
            rest.push(x);
        }
    }
    (kept, rest)
}

/// A case of a blind set read as training text: a breach of `category`,
/// or a hard negative built near it.
#[allow(dead_code)]
pub struct SetCase {
    pub positive: bool,
    pub category: String,
    pub text: String,
}

/// The cases of one evaluation set (`tests/eval/*.toml`, format in
/// tests/eval/sets.rs): breaches with their `category`, hard negatives
/// with the category they are `near`. A case without a `text` (an
/// account's `records`, a geotag alone) is left out, or kept with an empty
/// text where `textless` asks, as the policy trainer's tuning-set table
/// has always counted them.
#[allow(dead_code)]
pub fn set_cases(path: &str, textless: bool) -> Result<Vec<SetCase>, String> {
    let v: toml::Table = read(Path::new(path))?
        .parse()
        .map_err(|e| format!("{path}: {e}"))?;
    let mut out = Vec::new();
    for (key, label, positive) in [("positive", "category", true), ("negative", "near", false)] {
        for c in v.get(key).and_then(|x| x.as_array()).into_iter().flatten() {
            let text = match c.get("text").and_then(|x| x.as_str()) {
                Some(t) => t,
                None if textless => "",
                None => continue,
            };
            let category = c.get(label).and_then(|x| x.as_str()).unwrap_or("");
            out.push(SetCase {
                positive,
                category: category.to_string(),
                text: text.to_string(),
            });
        }
    }
    Ok(out)
}

/// The blind sets the committed weights of all three models read
/// (`heldout.toml` is 1): sets already read once, never a reserved one.
pub const TRAINED_SETS: (u32, u32) = (1, 280);

/// The single-text cases of the blind sets `tests/eval/heldoutN.toml`
/// numbered A to B, as training text (docs/EVALUATION.md, "The blind sets
/// already read, as training text"): [`TRAINED_SETS`] unless
/// `TRAIN_SETS=A-B` names another range, or `TRAIN_SETS=none` asks for
/// none (the models before the forty-third session). An account's
/// records (`records = [...]`) are skipped: they are not one text. A set
/// still in `tests/eval/reserved/` is not under `tests/eval/`, so a range
/// reaching it fails to read rather than training on it.
#[allow(dead_code)]
pub fn read_sets() -> Result<Vec<SetCase>, String> {
    let (lo, hi) = match std::env::var("TRAIN_SETS") {
        Err(_) => TRAINED_SETS,
        Ok(v) if v == "none" => return Ok(Vec::new()),
        Ok(v) => range(&v).ok_or_else(|| format!("TRAIN_SETS={v}: expected A-B or none"))?,
    };
    let mut out = Vec::new();
    for n in lo..=hi {
        let path = if n == 1 {
            "tests/eval/heldout.toml".to_string()
        } else {
            format!("tests/eval/heldout{n}.toml")
        };
        out.extend(set_cases(&path, false)?);
    }
    println!(
        "# blind sets {lo}-{hi} read as training text: {} cases",
        out.len()
    );
    Ok(out)
}

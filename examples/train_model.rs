//! Trains the `abuse` model of the learned layer (rules/models/abuse.bin):
//! logistic regression (AdaGrad, L2) over the hashed features of
//! `social_audit::rules::model::Features`, the same featuriser the scan
//! uses. Deterministic: the same data give the same weights, byte for byte.
//!
//! ```sh
//! scripts/fetch-eval-data.sh MIRROR_DIR      # the public corpora, not committed
//! cargo run --release --example train_model -- eval-data rules/models/abuse.bin
//! ```
//!
//! Training data (docs/EVALUATION.md and rules/models/abuse.md):
//! - OLID training split (OffensEval 2019, sub-task A: OFF = 1, NOT = 0),
//!   nine tenths; the tenth with `index % 10 == 0` is the validation set
//!   that picks the threshold. The OLID TEST split is never read here.
//! - TweetEval `hate` train (HatEval 2019 English): hateful = 1.
//! - rules/models/nhs-negatives.txt and nhs-positives.txt, written by the
//!   project for NHS-domain calibration, and the policy model's training
//!   files (rules/models/training/*.tsv): conduct breaches are positives,
//!   every hard negative and ordinary text is a negative. One line in five
//!   of the negatives and of the conduct breaches is kept back to measure
//!   the false-positive rate on NHS comms and the recall on NHS abuse.
//! - The blind sets already read (`training_io::TRAINED_SETS`): their
//!   conduct breaches are positives, every hard negative a negative.
//! - The SMS Spam Collection's "ham" messages, ordinary short English, as
//!   negatives; one in five kept back, and the threshold may flag at most
//!   1% of those as it may of the NHS negatives.
//!
//! Davidson et al. 2017 and the OLID test split are external tests: never
//! read here.

use sha2::{Digest, Sha256};
use social_audit::rules::model::train::{Counts, Example, Params, fit};
use social_audit::rules::model::{Features, Model};
use std::path::Path;
use std::process::ExitCode;

#[path = "common/training_io.rs"]
mod training_io;
use training_io::{
    fifths, fit_lbfgs_logged, labelled, lbfgs, lines, param, read, read_sets, tsv_files,
};

const BUCKETS: u32 = 1 << 18;
/// The rounds of `rules/models/training` the committed weights were
/// trained on (rules/models/abuse.md): rounds 5 and 6 hold no conduct
/// texts and trained a policy model that was not kept.
const ABUSE_ROUNDS: &[u32] = &[1, 2, 3, 4, 7, 8, 9];
// `TRAIN_BUCKET_BITS` overrides the table size for experiments.
fn buckets() -> u32 {
    1u32 << (param("TRAIN_BUCKET_BITS", BUCKETS.trailing_zeros() as f32) as u32)
}
// Hyper-parameters: the committed model's are in rules/models/abuse.md;
// `TRAIN_EPOCHS`, `TRAIN_RATE`, `TRAIN_L2` and `TRAIN_NHS_WEIGHT` override
// them for experiments (on the validation split, never a test set).

/// (train, validation) from the OLID training file.
fn olid(dir: &Path) -> Result<(Vec<Example>, Vec<Example>), String> {
    let text = read(&dir.join("train/olid/olid-training-v1.0.tsv"))?;
    let (mut train, mut val) = (Vec::new(), Vec::new());
    for (i, line) in text.lines().skip(1).enumerate() {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            continue;
        }
        let ex = Example {
            text: cols[1].to_string(),
            label: if cols[2] == "OFF" { 1.0 } else { 0.0 },
            weight: 1.0,
        };
        if i % 10 == 0 {
            val.push(ex);
        } else {
            train.push(ex);
        }
    }
    Ok((train, val))
}

fn tweeteval_hate(dir: &Path, split: &str) -> Result<Vec<Example>, String> {
    let base = dir.join("train/tweeteval/hate");
    // Tweets may start with '#': every line counts here.
    let all = |p: &Path| -> Result<Vec<String>, String> {
        Ok(read(p)?.lines().map(str::to_string).collect())
    };
    let texts = all(&base.join(format!("{split}_text.txt")))?;
    let labels = all(&base.join(format!("{split}_labels.txt")))?;
    if texts.len() != labels.len() {
        return Err(format!("tweeteval hate {split}: texts and labels differ"));
    }
    Ok(texts
        .into_iter()
        .zip(labels)
        .map(|(text, l)| Example {
            text,
            label: if l.trim() == "1" { 1.0 } else { 0.0 },
            weight: 1.0,
        })
        .collect())
}

fn train(data: &[Example]) -> (Vec<f32>, f32) {
    let lbfgs = lbfgs();
    let p = Params {
        buckets: buckets(),
        epochs: param("TRAIN_EPOCHS", if lbfgs { 500.0 } else { 6.0 }) as usize,
        rate: param("TRAIN_RATE", 0.2),
        l2: param("TRAIN_L2", 1e-4),
        seed: 0x5eed_1234_abcd_0042,
        features: social_audit::rules::model::FeatureOptions {
            split_norm: param("TRAIN_SPLIT_NORM", 0.0) > 0.5,
            ..Default::default()
        },
    };
    println!("  epochs {}, rate {}, l2 {}", p.epochs, p.rate, p.l2);
    if lbfgs {
        return fit_lbfgs_logged(data, p);
    }
    fit(data, p, |epoch, loss| {
        println!("  epoch {epoch}: mean loss {loss:.4}")
    })
}

fn counts(scores: &[(f32, f32)], t: f32) -> Counts {
    Counts::at(scores, t)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("usage: train_model EVAL_DATA_DIR OUT.bin   (see docs/EVALUATION.md)");
        return ExitCode::from(2);
    };
    let dir = Path::new(dir);
    println!("# inputs (sha256)");
    let run = || -> Result<(), String> {
        let (mut data, olid_val) = olid(dir)?;
        data.extend(tweeteval_hate(dir, "train")?);
        let hate_val = tweeteval_hate(dir, "val")?;
        let nhs_weight = param("TRAIN_NHS_WEIGHT", 5.0);
        // Both files of NHS-domain negatives, in order: every fifth line
        // is kept back to choose the threshold.
        let mut nhs_neg = lines(Path::new("rules/models/nhs-negatives.txt"))?;
        nhs_neg.extend(lines(Path::new("rules/models/nhs-negatives-2.txt"))?);
        let mut nhs_pos = lines(Path::new("rules/models/nhs-positives.txt"))?;
        // The policy model's training files (rules/models/training/README.md)
        // are NHS text too: conduct breaches are abuse, and every hard
        // negative and ordinary text, of any category, is not.
        let mut conduct_pos = Vec::new();
        for path in tsv_files(ABUSE_ROUNDS)? {
            let conduct = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("conduct"));
            for (positive, text) in labelled(&path, true)? {
                match (positive, conduct) {
                    (false, _) => nhs_neg.push(text),
                    (true, true) => conduct_pos.push(text),
                    (true, false) => {}
                }
            }
        }
        // The blind sets already read (`TRAIN_SETS`): their conduct
        // breaches are abuse, and every hard negative is not.
        for case in read_sets()? {
            match (case.positive, case.category == "conduct") {
                (false, _) => nhs_neg.push(case.text),
                (true, true) => conduct_pos.push(case.text),
                (true, false) => {}
            }
        }
        let (conduct_check, conduct_train) = fifths(conduct_pos);
        nhs_pos.extend(conduct_train);
        let (nhs_check, nhs_train) = fifths(nhs_neg);
        let example = |text: String, label: f32, weight: f32| Example {
            text,
            label,
            weight,
        };
        data.extend(nhs_train.into_iter().map(|t| example(t, 0.0, nhs_weight)));
        data.extend(nhs_pos.into_iter().map(|t| example(t, 1.0, nhs_weight)));
        // Ordinary short English (the SMS Spam Collection's "ham"
        // messages): texts of a few words with nothing to tell the model
        // were scored as abuse from their letters alone (2026-12-01).
        let sms = read(&dir.join("train/sms-spam/SMSSpamCollection"))?;
        // weight 10 since round 9 (2026-12-04): at 5 the model trained
        // with it flagged 1.4% of the kept-back ham at 0.50
        let ham_weight = param("TRAIN_HAM_WEIGHT", 10.0);
        let (ham_check, ham_train) = fifths(
            sms.lines()
                .filter_map(|l| l.strip_prefix("ham\t"))
                .map(str::to_string),
        );
        if ham_weight > 0.0 {
            data.extend(ham_train.into_iter().map(|t| example(t, 0.0, ham_weight)));
        }
        println!("# training on {} texts", data.len());
        let (w, bias) = train(&data);
        let bytes = Model::to_bytes(&w, bias);
        // Thresholds are chosen on the quantised model, as the scan runs it.
        let model = Model::from_bytes("abuse", &bytes)?;
        let mut f = Features::default();
        let score = |exs: &[Example], f: &mut Features| -> Vec<(f32, f32)> {
            exs.iter()
                .map(|e| (model.score(&e.text, f), e.label))
                .collect()
        };
        // `TRAIN_PROBE=FILE`: the score of each line of FILE, to see what a
        // change of data does to chosen texts before building it in.
        if let Ok(probe) = std::env::var("TRAIN_PROBE") {
            for t in lines(Path::new(&probe))? {
                println!("probe {:.3}\t{t}", model.score(&t, &mut f));
            }
        }
        let olid_scores = score(&olid_val, &mut f);
        let hate_scores = score(&hate_val, &mut f);
        let nhs_scores: Vec<f32> = nhs_check.iter().map(|t| model.score(t, &mut f)).collect();
        let ham_scores: Vec<f32> = ham_check.iter().map(|t| model.score(t, &mut f)).collect();
        let conduct_scores: Vec<f32> = conduct_check
            .iter()
            .map(|t| model.score(t, &mut f))
            .collect();
        println!(
            "\n# validation (OLID train tenth: {}, TweetEval hate val: {}, NHS negatives kept back: {}, NHS conduct breaches kept back: {})",
            olid_val.len(),
            hate_val.len(),
            nhs_scores.len(),
            conduct_scores.len()
        );
        println!(
            "| threshold | OLID P | OLID R | OLID F1 | hate R | NHS conduct R | NHS negatives flagged | SMS ham flagged |"
        );
        println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
        let mut best = (0.0f64, 0.5f32);
        // from 0.10: a model trained with L-BFGS (TRAIN_SOLVER=lbfgs) scores lower
        for t in (10..=95).step_by(5).map(|x| x as f32 / 100.0) {
            let (p, r, f1) = counts(&olid_scores, t).prf();
            let (_, hr, _) = counts(&hate_scores, t).prf();
            let nhs_fp = nhs_scores.iter().filter(|&&s| s >= t).count();
            let rate = nhs_fp as f64 / nhs_scores.len().max(1) as f64;
            let cr = conduct_scores.iter().filter(|&&s| s >= t).count() as f64
                / conduct_scores.len().max(1) as f64;
            let ham_fp = ham_scores.iter().filter(|&&s| s >= t).count();
            let ham_rate = ham_fp as f64 / ham_scores.len().max(1) as f64;
            println!(
                "| {t:.2} | {p:.3} | {r:.3} | {f1:.3} | {hr:.3} | {cr:.3} | {nhs_fp} ({:.1}%) | {ham_fp} ({:.1}%) |",
                rate * 100.0,
                ham_rate * 100.0
            );
            // The model's own share of the ≤2% hard-negative budget: 1%,
            // on NHS text and on ordinary short English alike.
            if rate <= 0.01 && ham_rate <= 0.01 && f1 > best.0 {
                best = (f1, t);
            }
        }
        // `TRAIN_SHOW=0.3` lists the kept-back NHS negatives and SMS ham
        // scoring at least that: what a lower threshold would flag.
        let show = param("TRAIN_SHOW", 2.0);
        for (what, texts, scores) in [
            ("NHS negative", &nhs_check, &nhs_scores),
            ("SMS ham", &ham_check, &ham_scores),
        ] {
            for (t, s) in texts.iter().zip(scores.iter()).filter(|(_, s)| **s >= show) {
                println!("{what} {s:.2}: {t}");
            }
        }
        println!(
            "\nbest threshold with at most 1% of NHS negatives and 1% of SMS ham flagged: {:.2} (OLID validation F1 {:.3})",
            best.1, best.0
        );
        std::fs::write(out, &bytes).map_err(|e| format!("{out}: {e}"))?;
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
            eprintln!("train_model: {e}");
            ExitCode::FAILURE
        }
    }
}

//! Evaluation of the default pack on the labelled sets under tests/eval/
//! (docs/EVALUATION.md):
//!
//! - `cases.toml`, written beside the rule lists: per-category recall on
//!   positive cases (each names the rule that must fire) and the number of
//!   hard negatives on which any rule fires. Its numbers are in the README's
//!   "Evaluation" section.
//! - `tuning.toml` and `heldout.toml`, written for issue 10 from the policies
//!   before the rules were changed: positives name a category, found when any
//!   rule of that category fires. Only regression floors are asserted.
//!
//! Run with `--nocapture` to see the tables.

#[path = "eval/sets.rs"]
mod sets;

use sets::{Report, load, score, score_with, table};
use social_audit::org::Org;
use social_audit::rules::Pack;
use std::collections::BTreeMap;

#[test]
fn evaluation_recall_and_hard_negatives() {
    let cases = load("cases.toml", include_str!("eval/cases.toml"));
    // The contextual encoder's cases are scored with `--deep`, apart, so
    // the default pack's figures stay its own.
    let (encoder, cases): (Vec<_>, Vec<_>) = cases
        .into_iter()
        .partition(|c| matches!(&c.label, sets::Label::Rule(r) if r.ends_with(".encoder")));
    let rep = score(&cases);
    eprintln!("{}", table("cases.toml", &rep));
    for (rule, ids, case) in &rep.missed {
        eprintln!("MISSED {rule} (fired {ids:?}): {case}");
    }
    for (ids, case) in &rep.flagged {
        eprintln!("FLAGGED {ids:?}: {case}");
    }
    let deep = score_with(&encoder, &deep_pack);
    eprintln!(
        "{}",
        table("cases.toml, the encoder's cases, --deep", &deep)
    );
    for (rule, ids, case) in &deep.missed {
        eprintln!("MISSED {rule} (fired {ids:?}): {case}");
    }
    // With `--deep`, hard negatives the encoder flags (both short texts:
    // "Vote for our Nurse of the Year!" read as political, "Photos by
    // @NHSEngland" as credit; docs/ENCODER.md, "Limits").
    let deep_negatives = score_with(&cases, &deep_pack);
    for (ids, case) in &deep_negatives.flagged {
        eprintln!("FLAGGED with --deep {ids:?}: {case}");
    }
    assert!(
        deep_negatives.flagged.len() <= 2,
        "--deep flags {} of cases.toml's hard negatives (was 2)",
        deep_negatives.flagged.len()
    );
    // an encoder rule's case counts once the rule itself found it
    let deep_found: Vec<String> = deep
        .rules_with_positive
        .iter()
        .filter(|r| {
            let cases = deep.rules_with_positive.iter().filter(|x| x == r).count();
            cases > deep.missed.iter().filter(|(m, _, _)| m == *r).count()
        })
        .cloned()
        .collect();
    // every rule of the default pack has at least one positive case
    // (signal rules only feed compositions and are never findings)
    let default =
        social_audit::rules::Pack::default_pack(&social_audit::org::Org::default()).unwrap();
    let without: Vec<&str> = default
        .rules()
        .iter()
        .filter(|r| !r.kind.ends_with("signal"))
        .map(|r| r.id.as_str())
        .filter(|id| !rep.rules_with_positive.iter().any(|r| r == id))
        .filter(|id| !deep_found.iter().any(|r| r == id))
        .collect();
    assert!(
        without.is_empty(),
        "rules without a positive case: {without:?}"
    );
    // Measured recall per category (README "Evaluation"); a change that
    // lowers any of them, or flags a hard negative, fails here. The misses
    // are design choices: lower-case names, lower-case "labour", and
    // mixed-case protective markings are not matched.
    let floor: BTreeMap<&str, f64> = [
        ("account", 1.0),
        ("commercial", 1.0),
        ("conduct", 1.0),
        ("confidential", 0.91),
        ("credit", 1.0),
        ("language", 1.0),
        ("links", 1.0),
        ("location", 1.0),
        ("patient-data", 0.95),
        ("personal-data", 1.0),
        ("political", 0.85),
        ("safeguarding", 1.0),
    ]
    .into_iter()
    .collect();
    for (cat, s) in &rep.positives {
        let want = floor.get(cat.as_str()).copied().unwrap_or(1.0);
        assert!(
            s.rate() >= want,
            "{cat}: recall {:.2} < {want}: {:#?}",
            s.rate(),
            rep.missed
        );
    }
    assert_eq!(
        rep.positives.len(),
        floor.len(),
        "categories: {:?}",
        rep.positives.keys()
    );
    let neg = Report::total(&rep.negatives);
    assert!(neg.cases >= 95, "{} hard negatives", neg.cases);
    assert_eq!(neg.hits, 0, "hard negatives flagged: {:#?}", rep.flagged);
}

/// Regression floors for one of the issue-10 sets: per category the recall
/// measured on the pack as it was when the set was written (2026-11-30,
/// before any issue-10 detection change), rounded down to two decimals, and
/// the number of hard negatives flagged then (a ceiling).
///
/// These floors are RAISED as detection improves (set them to the new
/// measured figures, rounded down, in the commit that improves them). They
/// are never lowered to hide a regression, and the sets are never edited to
/// make a miss pass (docs/EVALUATION.md).
struct Floors {
    positives: usize,
    negatives: usize,
    recall: &'static [(&'static str, f64)],
    max_flagged: usize,
}

fn check(name: &str, rep: &Report, f: &Floors) {
    let p = Report::total(&rep.positives);
    let n = Report::total(&rep.negatives);
    // The sets are frozen: a changed count means a case was added or removed.
    assert_eq!(p.cases, f.positives, "{name}: positive cases");
    assert_eq!(n.cases, f.negatives, "{name}: hard negatives");
    let floors: BTreeMap<&str, f64> = f.recall.iter().copied().collect();
    assert_eq!(
        rep.positives.keys().map(String::as_str).collect::<Vec<_>>(),
        floors.keys().copied().collect::<Vec<_>>(),
        "{name}: categories"
    );
    let mut worse = Vec::new();
    for (cat, s) in &rep.positives {
        let want = floors[cat.as_str()];
        // (the epsilon only absorbs floating-point rounding of the rate)
        if s.rate() + 1e-9 < want {
            worse.push(format!("{cat}: recall {:.3} < floor {want}", s.rate()));
        }
    }
    if n.hits > f.max_flagged {
        worse.push(format!(
            "hard negatives flagged: {} > ceiling {}",
            n.hits, f.max_flagged
        ));
    }
    assert!(worse.is_empty(), "{name}: detection got worse: {worse:#?}");
}

/// Scores a blind held-out set, prints only its per-category table (never
/// a text) and checks it against its floors.
fn blind(name: &str, text: &str, f: &Floors) {
    let rep = score(&load(name, text));
    eprintln!("{}", table(name, &rep));
    check(name, &rep, f);
}

/// [`blind`] with the contextual encoder's rules on (`--deep`).
fn blind_deep(name: &str, text: &str, f: &Floors) {
    let rep = score_with(&load(name, text), &deep_pack);
    let name = format!("{name} with --deep");
    eprintln!("{}", table(&name, &rep));
    check(&name, &rep, f);
}

/// Scores a tuning set, prints its table and every text it missed or
/// flagged (rule authors may read a tuning set) and checks it against its
/// floors.
fn tuning(name: &str, text: &str, f: &Floors) {
    let rep = score(&load(name, text));
    eprintln!("{}", table(name, &rep));
    let tag = name.trim_end_matches(".toml").to_uppercase();
    for (cat, ids, case) in &rep.missed {
        eprintln!("{tag} MISSED {cat} (fired {ids:?}): {case}");
    }
    for (ids, case) in &rep.flagged {
        eprintln!("{tag} FLAGGED {ids:?}: {case}");
    }
    check(name, &rep, f);
}

#[test]
fn issue10_tuning_and_heldout_regression_floors() {
    let tuning = score(&load("tuning.toml", include_str!("eval/tuning.toml")));
    let heldout = score(&load("heldout.toml", include_str!("eval/heldout.toml")));
    eprintln!("{}", table("tuning.toml", &tuning));
    // The tuning set may be read by rule authors: say what was missed.
    for (cat, ids, case) in &tuning.missed {
        eprintln!("TUNING MISSED {cat} (fired {ids:?}): {case}");
    }
    for (ids, case) in &tuning.flagged {
        eprintln!("TUNING FLAGGED {ids:?}: {case}");
    }
    // The held-out set must not be tuned against: numbers only, no texts.
    eprintln!("{}", table("heldout.toml", &heldout));
    check(
        "tuning.toml",
        &tuning,
        &Floors {
            positives: 102,
            negatives: 133,
            // raised 2026-11-30 after the first issue-10 detection pass
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 99 found, 2 flagged;
            // patient-data 0.88 -> 0.83
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 100 found, 2 flagged;
            // patient-data 0.83 -> 0.88
            recall: &[
                ("account", 1.0),
                ("commercial", 1.0),
                ("conduct", 0.86),
                ("confidential", 1.0),
                // 1.0 since the credit grammar, 2026-11-30
                ("credit", 1.0),
                ("language", 1.0),
                ("links", 1.0),
                ("location", 1.0),
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // raised 2026-12-01 from 0.77 by the retraining on the third-round data (rules/models/training/README.md)
                // raised 2026-12-02 from 0.83 by the forenames' short forms (rules/lexicons/forenames.md)
                ("patient-data", 0.88),
                ("personal-data", 1.0),
                ("political", 1.0),
                ("safeguarding", 1.0),
            ],
            // 0 since the precision pass (role mailboxes, public figures,
            // organisation credits, `unless` phrasing), 2026-11-30
            // raised 2026-12-01 from 0 by the retrained models (docs/EVALUATION.md)
            // raised 2026-12-05 from 1 by the compositions and the tenth round
            // (docs/EVALUATION.md, "The compositions and the tenth round together")
            // raised 2026-12-05 from 2 by the eleventh round and contact details
            // (docs/EVALUATION.md, "The eleventh round and contact details read together")
            max_flagged: 3,
        },
    );
    check(
        "heldout.toml",
        &heldout,
        &Floors {
            positives: 211,
            negatives: 266,
            // raised 2026-11-30 after the first issue-10 detection pass
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 184 found, 7 flagged;
            // patient-data 0.81 -> 0.86, safeguarding 0.74 -> 0.77
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 181 found, 8 flagged;
            // personal-data 0.88 -> 0.82
            recall: &[
                ("account", 1.0),
                // raised 2026-12-01 by the stereotype, political-judgement and endorsement compositions
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // raised 2026-12-01 from 0.76 by the fourth-round retraining of the policy model
                ("commercial", 0.82),
                // raised 2026-12-01 from 0.72 by the retraining on the third-round data (rules/models/training/README.md)
                ("conduct", 0.75),
                // raised 2026-12-01 from 0.77 by the retraining on the third-round data (rules/models/training/README.md)
                // lowered 2026-12-01 from 0.87 by the fourth-round retraining of the policy model, a trade recorded in docs/EVALUATION.md ("A fourth round of training texts")
                ("confidential", 0.83),
                // 1.0 since the credit grammar, 2026-11-30
                ("credit", 1.0),
                ("language", 1.0),
                ("links", 1.0),
                ("location", 1.0),
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // raised 2026-12-01 from 0.7 by the retraining on the third-round data (rules/models/training/README.md)
                // lowered 2026-12-01 from 0.81 by the fourth-round retraining of the policy model, a trade recorded in docs/EVALUATION.md ("A fourth round of training texts")
                // raised 2026-12-01 from 0.78 by patient.nhs-number-with-person
                // raised 2026-12-02 from 0.81 by the forenames' short forms (rules/lexicons/forenames.md)
                // lowered 2026-12-04 from 0.83 by the photo and name rules (docs/EVALUATION.md, "A patient in the picture")
                ("patient-data", 0.86),
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                ("personal-data", 0.82),
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                ("political", 0.94),
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                ("safeguarding", 0.77),
            ],
            // 5 since the precision pass, 2026-11-30
            // raised 2026-12-01 from 5: the policy model's false alarms, the
            // price of its recall (rules/models/policy.md, "Measured")
            // lowered 2026-12-01 from 9 by the retrained models (docs/EVALUATION.md)
            // lowered 2026-12-01 from 8 by the fourth-round retraining (docs/EVALUATION.md)
            // raised 2026-12-05 from 7 by the eleventh round and contact details
            // (docs/EVALUATION.md, "The eleventh round and contact details read together")
            // 2026-12-05, promotions, warnings and service addresses (shipped): 8 -> 7 flagged
            max_flagged: 7,
        },
    );
}

/// The second held-out set (`heldout2.toml`, 2026-11-30), written by a
/// writer who had not read rules/, src/rules/, packs/, tests/eval/ or the
/// evaluation docs, and had not run the tool, after the first issue-10
/// pass and before any later detection change. Like `heldout.toml`, only
/// its per-category numbers are printed, never its texts; its floors are
/// the figures measured on the pack as it was when the set arrived.
#[test]
fn issue10_second_heldout_regression_floors() {
    blind(
        "heldout2.toml",
        include_str!("eval/heldout2.toml"),
        &Floors {
            positives: 301,
            negatives: 304,
            // measured 2026-11-30 on the pack as it was when the set arrived
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 246 found, 17 flagged;
            // credit 0.53 -> 0.66, patient-data 0.73 -> 0.82, personal-data 0.72 ->
            // 0.8, safeguarding 0.68 -> 0.65
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 247 found, 18 flagged;
            // safeguarding 0.65 -> 0.68
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 245 found, 14 flagged;
            // personal-data 0.8 -> 0.72
            recall: &[
                // raised 2026-12-01 by the stereotype, political-judgement and endorsement compositions
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // raised 2026-12-01 from 0.83 by the fourth-round retraining of the policy model
                ("commercial", 0.86),
                ("conduct", 0.82),
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // raised 2026-12-01 from 0.8 by the retraining on the third-round data (rules/models/training/README.md)
                ("confidential", 0.82),
                // raised 2026-12-01 by credit.reused-without-permission (copyright, D7)
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // raised 2026-12-01 from 0.4 by the retraining on the third-round data (rules/models/training/README.md)
                ("credit", 0.66),
                // raised 2026-12-01 by the links model (rules/models/links.md)
                ("links", 0.85),
                // 0.0 when the set arrived; 0.46 (7 of 15) since location
                // in words (rules/location.toml), 2026-11-30
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // raised 2026-12-01 from 0.66 by the retraining on the third-round data (rules/models/training/README.md)
                ("location", 0.8),
                // 0.54 when the set arrived; 0.52 after the precision pass
                // (patient.name-clinical takes the patient-name validator:
                // no name after a staff title or a public honorific), which
                // also took hard negatives flagged from 24 to 16 here, 10 to
                // 5 on heldout.toml and 5 to 0 on tuning.toml. Lowered in
                // the open, with docs/EVALUATION.md, not to hide it.
                // Raised to 0.58 by the forename gazetteer (signal.forename).
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // raised 2026-12-01 from 0.65 by the retraining on the third-round data (rules/models/training/README.md)
                // raised 2026-12-02 from 0.69: the learned rules read media captions
                ("patient-data", 0.82),
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // raised 2026-12-01 from 0.64 by the fourth-round retraining of the policy model
                ("personal-data", 0.72),
                // raised 2026-12-01 by the stereotype, political-judgement and endorsement compositions
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                ("political", 0.93),
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // raised 2026-12-01 from 0.51 by the retraining on the third-round data (rules/models/training/README.md)
                // raised 2026-12-01 from 0.54 by the fourth-round retraining of the policy model
                ("safeguarding", 0.68),
            ],
            // 13 since published service lines and public addresses are
            // not personal data (2026-11-30)
            // raised 2026-12-01 from 13: the policy model's false alarms, the
            // price of its recall (rules/models/policy.md, "Measured")
            // raised 2026-12-01 from 18 by the retrained models (docs/EVALUATION.md)
            // 2026-12-05, lowered to the count measured after context words as nouns shipped: 14 flagged
            // 2026-12-05, credits in Welsh, in profiles and by (c) (shipped): 14 -> 12 flagged
            // 2026-12-05, names beside consent, simulations, figures, places (shipped): 12 -> 10 flagged
            max_flagged: 10,
        },
    );
}

/// The second tuning set (`tuning2.toml`, 2026-11-30): written by a helper
/// who read only the policies and the clause list, before this session's
/// detection changes. Rule authors may read it and its misses (printed);
/// its floors start at the figures measured when it arrived.
#[test]
fn issue10_second_tuning_regression_floors() {
    tuning(
        "tuning2.toml",
        include_str!("eval/tuning2.toml"),
        &Floors {
            positives: 330,
            negatives: 330,
            // measured 2026-11-30 when the set arrived (recall 0.45, 12 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 302 found, 4 flagged;
            // location 0.93 -> 1.0, patient-data 0.78 -> 0.87, personal-data 0.69 ->
            // 0.72, safeguarding 0.81 -> 0.9
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 304 found, 4 flagged;
            // patient-data 0.87 -> 0.9, safeguarding 0.9 -> 0.93
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 303 found, 4 flagged;
            // personal-data 0.72 -> 0.69
            recall: &[
                // raised 2026-12-01 by the stereotype, political-judgement and endorsement compositions
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                ("commercial", 0.96),
                // raised 2026-12-01 by the stereotype, political-judgement and endorsement compositions
                // raised 2026-12-01 by the third-round training data (rules/models/training/README.md)
                ("conduct", 0.72),
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // raised 2026-12-01 by the third-round training data (rules/models/training/README.md)
                // lowered 2026-12-01 from 0.96 by the fourth-round retraining of the policy model, a trade recorded in docs/EVALUATION.md ("A fourth round of training texts")
                ("confidential", 0.93),
                // 1.0 since the credit grammar, 2026-11-30
                ("credit", 1.0),
                ("links", 0.9),
                // 0.3 when the set arrived; 0.93 (31 of 33) since location
                // in words (rules/location.toml), 2026-11-30
                ("location", 1.0),
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // raised 2026-12-01 by the third-round training data (rules/models/training/README.md)
                ("patient-data", 0.9),
                // raised 2026-12-01 by IBAN, vehicle registration, licence and passport shapes
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                ("personal-data", 0.69),
                // raised 2026-12-01 by the stereotype, political-judgement and endorsement compositions
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // lowered 2026-12-01 after retraining on the third-round data
                // (rules/models/training/README.md): one case; the head's threshold rose to 0.85
                // raised 2026-12-01 from 0.9 by the fourth-round retraining of the policy model
                ("political", 0.93),
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // lowered 2026-12-01 after retraining on the third-round data
                // (rules/models/training/README.md): two cases of drink slang
                // raised 2026-12-01 from 0.78 by the fourth-round retraining of the policy model
                ("safeguarding", 0.93),
            ],
            // 2 since the photo-context, published-contact and credit
            // changes of 2026-11-30
            // raised 2026-12-01 from 2: the policy model's false alarms, the
            // price of its recall (rules/models/policy.md, "Measured")
            // lowered 2026-12-01 from 4 by the retrained models
            // raised 2026-12-01 from 2 by the fourth-round retraining (docs/EVALUATION.md)
            // lowered 2026-12-02 from 4: stated consent stands patient rules down
            // (docs/EVALUATION.md, "A ninth held-out set")
            // raised 2026-12-03 from 2: the policy model trained for 100 epochs
            // (docs/EVALUATION.md, "The policy model trained longer")
            max_flagged: 5,
        },
    );
}

/// The third tuning set (`tuning3.toml`, 2026-12-01): written by a helper
/// who read only the policies, the clause list, the detection notes, the
/// loader and tuning2's header, before the detection changes of the
/// session that added it. Rule authors may read it and its misses.
#[test]
fn issue10_third_tuning_regression_floors() {
    tuning(
        "tuning3.toml",
        include_str!("eval/tuning3.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-01 when the set arrived (recall 0.41, 6 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 164 found, 4 flagged;
            // location 0.7 -> 0.75
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 167 found, 4 flagged;
            // commercial 0.9 -> 0.95, patient-data 0.65 -> 0.85, safeguarding 0.55 ->
            // 0.7
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 168 found, 4 flagged;
            // personal-data 0.7 -> 0.85
            recall: &[
                // raised 2026-12-01 by the stereotype, political-judgement and endorsement compositions
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // raised 2026-12-01 from 0.85 by the fourth-round retraining of the policy model
                ("commercial", 0.95),
                // raised 2026-12-01 by the stereotype, political-judgement and endorsement compositions
                // raised 2026-12-01 by the third-round training data (rules/models/training/README.md)
                ("conduct", 0.7),
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // raised 2026-12-01 by the third-round training data (rules/models/training/README.md)
                // lowered 2026-12-01 from 0.7 by the fourth-round retraining of the policy model, a trade recorded in docs/EVALUATION.md ("A fourth round of training texts")
                ("confidential", 0.65),
                // raised 2026-12-01 by credit.reused-without-permission (copyright, D7)
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // raised 2026-12-01 by the third-round training data (rules/models/training/README.md)
                // lowered 2026-12-01 from 0.95 by the fourth-round retraining of the policy model, a trade recorded in docs/EVALUATION.md ("A fourth round of training texts")
                ("credit", 0.9),
                // raised 2026-12-01 by the links model (rules/models/links.md)
                ("links", 0.75),
                // raised 2026-12-01 by residence cues beside a house-level place
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // raised 2026-12-01 by the third-round training data (rules/models/training/README.md)
                // lowered 2026-12-01 from 0.75 by the fourth-round retraining of the policy model, a trade recorded in docs/EVALUATION.md ("A fourth round of training texts")
                ("location", 0.75),
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // raised 2026-12-01 by the third-round training data (rules/models/training/README.md)
                ("patient-data", 0.85),
                // raised 2026-12-01 by IBAN, vehicle registration, licence and passport shapes
                // raised 2026-12-01 from 0.6 by the fourth-round retraining of the policy model
                ("personal-data", 0.85),
                // raised 2026-12-01 by the stereotype, political-judgement and endorsement compositions
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // lowered 2026-12-01 after retraining on the third-round data
                // (rules/models/training/README.md): two cases; the head's threshold rose to 0.85
                // raised 2026-12-01 from 0.7 by the fourth-round retraining of the policy model
                ("political", 0.85),
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // raised 2026-12-01 by the third-round training data (rules/models/training/README.md)
                // raised 2026-12-01 from 0.5 by the fourth-round retraining of the policy model
                ("safeguarding", 0.7),
            ],
            // raised 2026-12-01 from 6: location.model on relatives' accommodation ("home from home")
            // 7 until 2026-12-02, when 03 numbers stopped counting as personal
            // (docs/EVALUATION.md, "A ninth held-out set")
            // 6 since then; 5 since NHS mail domains are work addresses
            // raised 2026-12-03 from 5: the policy model trained for 100 epochs
            // (docs/EVALUATION.md, "The policy model trained longer")
            max_flagged: 6,
        },
    );
}

/// The fourth tuning set (`tuning4.toml`, 2026-12-02): written by a helper
/// who read only the policies, the clause list, the identifier notes and
/// the loader, for the five weakest categories of the blind sets. Rule
/// authors may read it and its misses.
#[test]
fn issue10_fourth_tuning_regression_floors() {
    tuning(
        "tuning4.toml",
        include_str!("eval/tuning4.toml"),
        &Floors {
            positives: 150,
            negatives: 100,
            // measured 2026-12-02 when the set arrived (fd1cc213: recall
            // 0.43, 10 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 101 found, 3 flagged;
            // credit 0.56 -> 0.93, patient-data 0.6 -> 0.76, personal-data 0.66 ->
            // 0.56; flagged 10 -> 3
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 105 found, 2 flagged;
            // patient-data 0.76 -> 0.8, personal-data 0.56 -> 0.66; flagged 3 -> 2
            recall: &[
                ("conduct", 0.4),
                // raised 2026-12-02 from 0.36 by photo credits in media captions
                ("credit", 0.93),
                // raised 2026-12-02 from 0.13 by adult, gambling and harmful-goods host words
                ("links", 0.46),
                ("patient-data", 0.8),
                // raised 2026-12-02 from 0.63 by a flat number beside a street
                ("personal-data", 0.66),
            ],
            max_flagged: 2,
        },
    );
}

/// The fifth tuning set (`tuning5.toml`, 2026-12-04): patient-data
/// breaches and hard negatives near them (names beside clinical words,
/// photos on wards), by two helpers who read only the policies, the
/// clause list and the case format. Rule authors may read it.
#[test]
fn issue10_fifth_tuning_regression_floors() {
    tuning(
        "tuning5.toml",
        include_str!("eval/tuning5.toml"),
        &Floors {
            positives: 100,
            negatives: 100,
            // measured 2026-12-04 when the set arrived (07805791: recall
            // 0.67, 39 flagged); raised the same day by the photo and name
            // rules built on it (docs/EVALUATION.md, "A patient in the picture")
            recall: &[("patient-data", 0.72)],
            max_flagged: 7,
        },
    );
}

/// The sixth tuning set (`tuning6.toml`, 2026-12-04): conduct breaches
/// written without a swear word or a slur (veiled threats, sexualised
/// remarks, sneering replies, patients mocked, stereotypes, pile-ons) and
/// hard negatives near them, by two helpers who read only the policies,
/// the clause list and the case format. Rule authors may read it.
#[test]
fn issue10_sixth_tuning_regression_floors() {
    tuning(
        "tuning6.toml",
        include_str!("eval/tuning6.toml"),
        &Floors {
            positives: 100,
            negatives: 100,
            // measured 2026-12-04 when the set arrived (85ff52bd: recall
            // 0.16, 9 flagged); raised the same day to 0.21 by the abuse
            // model on posts nobody is addressed in, and to 0.52 by the
            // abuse model retrained on NHS conduct, which flags one hard
            // negative more here (9 -> 10; stated before its blind reading,
            // docs/EVALUATION.md)
            recall: &[("conduct", 0.52)],
            max_flagged: 10,
        },
    );
}

/// The third held-out set (`heldout3.toml`, 2026-12-01), written with
/// tuning3 by the same helper under the same rules, and blind: only its
/// per-category numbers are printed, never its texts.
#[test]
fn issue10_third_heldout_regression_floors() {
    blind(
        "heldout3.toml",
        include_str!("eval/heldout3.toml"),
        &Floors {
            positives: 300,
            negatives: 300,
            // measured 2026-12-01 on the pack as it was when the set arrived
            // (recall 0.47, 13 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 227 found, 13 flagged;
            // credit 0.3 -> 0.43, patient-data 0.63 -> 0.73
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 234 found, 16 flagged;
            // credit 0.43 -> 0.53, location 0.8 -> 0.86, patient-data 0.73 -> 0.8
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 237 found, 17 flagged;
            // commercial 0.8 -> 0.9, credit 0.53 -> 0.5, personal-data 0.76 -> 0.86,
            // political 0.83 -> 0.9
            recall: &[
                // raised 2026-12-01 by the stereotype, political-judgement and endorsement compositions
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // raised 2026-12-01 from 0.73 by the retraining on the third-round data (rules/models/training/README.md)
                // raised 2026-12-01 from 0.76 by the fourth-round retraining of the policy model
                ("commercial", 0.9),
                // raised 2026-12-01 by the stereotype, political-judgement and endorsement compositions
                // raised 2026-12-01 from 0.63 by the retraining on the third-round data (rules/models/training/README.md)
                ("conduct", 0.9),
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // raised 2026-12-01 from 0.63 by the retraining on the third-round data (rules/models/training/README.md)
                ("confidential", 0.7),
                // raised 2026-12-01 by credit.reused-without-permission (copyright, D7)
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // raised 2026-12-01 from 0.2 by the retraining on the third-round data (rules/models/training/README.md)
                // lowered 2026-12-01 from 0.33 by the fourth-round retraining of the policy model, a trade recorded in docs/EVALUATION.md ("A fourth round of training texts")
                ("credit", 0.5),
                // raised 2026-12-01 by the links model (rules/models/links.md)
                ("links", 0.83),
                // raised 2026-12-01 by residence cues beside a house-level place
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // raised 2026-12-01 from 0.53 by the retraining on the third-round data (rules/models/training/README.md)
                // raised 2026-12-01 from 0.63 by the fourth-round retraining of the policy model
                ("location", 0.86),
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // raised 2026-12-01 from 0.63 by the retraining on the third-round data (rules/models/training/README.md)
                // lowered 2026-12-01 from 0.73 by the fourth-round retraining of the policy model, a trade recorded in docs/EVALUATION.md ("A fourth round of training texts")
                ("patient-data", 0.8),
                // raised 2026-12-01 by IBAN, vehicle registration, licence and passport shapes
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // raised 2026-12-01 from 0.73 by the fourth-round retraining of the policy model
                ("personal-data", 0.86),
                // raised 2026-12-01 by the stereotype, political-judgement and endorsement compositions
                // raised 2026-12-01 from 0.8 by the fourth-round retraining of the policy model
                ("political", 0.9),
                // raised 2026-12-01 by the policy model (rules/models/policy.md)
                // raised 2026-12-01 from 0.43 by the retraining on the third-round data (rules/models/training/README.md)
                // raised 2026-12-01 from 0.5 by the fourth-round retraining of the policy model
                ("safeguarding", 0.53),
            ],
            // raised 2026-12-01 from 13: the policy model's false alarms, the
            // price of its recall (rules/models/policy.md, "Measured")
            // lowered 2026-12-01 from 17 by the fourth-round retraining (docs/EVALUATION.md)
            // raised 2026-12-01 from 16 by the links model, a trade stated and
            // recorded in docs/EVALUATION.md ("The links model on the seventh set")
            // lowered 2026-12-02 from 17: building and institution words are
            // not half of a person's name (docs/EVALUATION.md)
            // 16 until 2026-12-02 (a later session), when NHS mail domains became
            // work addresses (docs/EVALUATION.md, "A ninth held-out set")
            // lowered 2026-12-03 from 15: reported speech (docs/EVALUATION.md)
            // lowered 2026-12-03 from 14: stated consent shared with photo
            // posts (docs/EVALUATION.md)
            // raised 2026-12-03 from 13: the policy model trained for 100 epochs
            // (docs/EVALUATION.md, "The policy model trained longer")
            // raised 2026-12-05 from 14 by the policy heads beside their signals
            // (docs/EVALUATION.md, "The policy heads beside their category's signals")
            // raised 2026-12-05 from 16 by the eleventh round and contact details
            // (docs/EVALUATION.md, "The eleventh round and contact details read together")
            // 2026-12-05, context words as nouns (shipped): 17 -> 16 flagged
            // 2026-12-05, credits in Welsh, in profiles and by (c) (shipped): 16 -> 15 flagged
            // 2026-12-05, promotions, warnings and service addresses (shipped): 15 -> 14 flagged
            // 2026-12-05, the learned heads stand down on warnings, safe handling and consent (shipped): 14 -> 13 flagged
            max_flagged: 13,
        },
    );
}

/// The fourth held-out set (`heldout4.toml`, 2026-12-01), written by two
/// helpers who read neither the rules nor the training texts, committed
/// before the fourth round of training texts was used, and blind: only its
/// per-category numbers are printed, never its texts.
#[test]
fn issue10_fourth_heldout_regression_floors() {
    blind(
        "heldout4.toml",
        include_str!("eval/heldout4.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-01 on the pack as it was when the set arrived,
            // before the fourth round of training texts (recall 0.61, 4 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 149 found, 6 flagged;
            // credit 0.65 -> 0.8, political 0.85 -> 0.9
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 152 found, 7 flagged;
            // commercial 0.75 -> 0.9, credit 0.8 -> 0.85, location 0.85 -> 0.9
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 152 found, 5 flagged;
            // commercial 0.9 -> 0.8, confidential 0.65 -> 0.8, political 0.9 -> 0.85
            recall: &[
                // raised 2026-12-01 from 0.6 by the fourth-round retraining of the policy model
                ("commercial", 0.8),
                ("conduct", 0.75),
                ("confidential", 0.8),
                ("credit", 0.85),
                // raised 2026-12-01 by the links model (rules/models/links.md)
                ("links", 0.65),
                // raised 2026-12-01 from 0.7 by the fourth-round retraining of the policy model
                ("location", 0.9),
                // lowered 2026-12-01 from 0.55 by the fourth-round retraining of the policy model, a trade recorded in docs/EVALUATION.md ("A fourth round of training texts")
                ("patient-data", 0.5),
                // raised 2026-12-01 from 0.45 by the fourth-round retraining of the policy model
                ("personal-data", 0.6),
                // raised 2026-12-01 from 0.8 by the fourth-round retraining of the policy model
                ("political", 0.85),
                // raised 2026-12-01 from 0.5 by the fourth-round retraining of the policy model
                ("safeguarding", 0.75),
            ],
            // raised 2026-12-03 from 4: the policy model trained for 100 epochs
            // (docs/EVALUATION.md, "The policy model trained longer")
            // raised 2026-12-05 from 6 by the policy heads beside their signals
            // (docs/EVALUATION.md, "The policy heads beside their category's signals")
            // 2026-12-05, context words as nouns (shipped): 5 -> 4 flagged
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 4 -> 3 flagged
            max_flagged: 3,
        },
    );
}

/// The fifth held-out set (`heldout5.toml`, 2026-12-01), written by two
/// helpers who read neither the rules nor the training texts, committed
/// before the fifth round of training texts and the link features were
/// used, and blind: only its per-category numbers are printed, never its
/// texts.
#[test]
fn issue10_fifth_heldout_regression_floors() {
    blind(
        "heldout5.toml",
        include_str!("eval/heldout5.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-01 on the pack as it was when the set arrived,
            // before the fifth round of training texts (recall 0.66, 5 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 144 found, 5 flagged;
            // credit 0.65 -> 0.8, location 0.85 -> 0.8, safeguarding 0.7 -> 0.8
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 147 found, 5 flagged;
            // location 0.8 -> 0.85, political 0.7 -> 0.8, safeguarding 0.8 -> 0.85
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 154 found, 7 flagged;
            // commercial 0.75 -> 0.85, confidential 0.7 -> 0.8, patient-data 0.55 ->
            // 0.6, personal-data 0.6 -> 0.7, safeguarding 0.85 -> 0.9; flagged 5 -> 7
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.85),
                ("confidential", 0.8),
                ("credit", 0.8),
                // raised 2026-12-01 by the links model (rules/models/links.md)
                ("links", 0.55),
                ("location", 0.85),
                // raised 2026-12-01 from 0.5 by patient.nhs-number-with-person
                ("patient-data", 0.6),
                ("personal-data", 0.7),
                ("political", 0.8),
                ("safeguarding", 0.9),
            ],
            // 2026-12-05, names beside consent, simulations, figures, places (shipped): 7 -> 6 flagged
            max_flagged: 6,
        },
    );
}

/// The sixth held-out set (`heldout6.toml`, 2026-12-01), written by two
/// helpers who read neither the rules nor the training texts, committed
/// before the trainer's finer threshold grid, the fifth round of training
/// texts and the links head were used, and blind: only its per-category
/// numbers are printed, never its texts.
#[test]
fn issue10_sixth_heldout_regression_floors() {
    blind(
        "heldout6.toml",
        include_str!("eval/heldout6.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-01 on the pack as it was when the set arrived
            // (recall 0.69, 7 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 154 found, 8 flagged;
            // credit 0.55 -> 0.75, personal-data 0.55 -> 0.5
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 155 found, 8 flagged;
            // patient-data 0.6 -> 0.65
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 158 found, 8 flagged;
            // commercial 0.8 -> 0.85, confidential 0.75 -> 0.85, location 0.95 -> 0.9,
            // personal-data 0.5 -> 0.55
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.75),
                ("confidential", 0.85),
                ("credit", 0.75),
                // raised 2026-12-01 by the links model (rules/models/links.md)
                ("links", 0.8),
                ("location", 0.9),
                ("patient-data", 0.65),
                ("personal-data", 0.55),
                ("political", 0.85),
                ("safeguarding", 0.85),
            ],
            // lowered 2026-12-03 from 7: reported speech (docs/EVALUATION.md)
            // raised 2026-12-03 from 6: the policy model trained for 100 epochs
            // (docs/EVALUATION.md, "The policy model trained longer")
            // raised 2026-12-05 from 7 by the compositions and the tenth round
            // (docs/EVALUATION.md, "The compositions and the tenth round together")
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 8 -> 7 flagged
            max_flagged: 7,
        },
    );
}

/// The seventh held-out set (`heldout7.toml`, 2026-12-01, night), written
/// by two helpers who read neither the rules nor the training texts,
/// committed with the rule for the links model on it stated first
/// (docs/EVALUATION.md), and blind: only its per-category numbers are
/// printed, never its texts.
#[test]
fn issue10_seventh_heldout_regression_floors() {
    blind(
        "heldout7.toml",
        include_str!("eval/heldout7.toml"),
        &Floors {
            positives: 200,
            negatives: 198,
            // measured 2026-12-01 on the pack as it was when the set arrived
            // (recall 0.68, 5 of 198 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 150 found, 5 flagged;
            // credit 0.65 -> 0.8, safeguarding 0.7 -> 0.65
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 151 found, 5 flagged;
            // political 0.75 -> 0.95
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 156 found, 4 flagged;
            // commercial 0.8 -> 0.95, confidential 0.85 -> 0.9, personal-data 0.5 ->
            // 0.65, political 0.95 -> 0.9, safeguarding 0.65 -> 0.7
            recall: &[
                ("commercial", 0.95),
                ("conduct", 0.75),
                ("confidential", 0.9),
                ("credit", 0.8),
                // raised 2026-12-01 by the links model (rules/models/links.md)
                ("links", 0.6),
                ("location", 0.65),
                ("patient-data", 0.8),
                ("personal-data", 0.65),
                ("political", 0.9),
                ("safeguarding", 0.7),
            ],
            // lowered 2026-12-03 from 5: reported speech (docs/EVALUATION.md)
            // raised 2026-12-05 from 4 by the compositions and the tenth round
            // (docs/EVALUATION.md, "The compositions and the tenth round together")
            // 2026-12-05, lowered to the count measured after context words as nouns shipped: 4 flagged
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 4 -> 2 flagged
            max_flagged: 2,
        },
    );
}

/// The eighth held-out set, written on 2026-12-02 before the change it
/// measures (docs/EVALUATION.md, "The rule for the eighth set"), and blind:
/// only its per-category numbers are printed, never its texts.
#[test]
fn issue10_eighth_heldout_regression_floors() {
    blind(
        "heldout8.toml",
        include_str!("eval/heldout8.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-02 on the pack as it was when the set arrived
            // (recall 0.70, 5 of 200 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 152 found, 8 flagged;
            // credit 0.7 -> 0.9, patient-data 0.55 -> 0.65, personal-data 0.55 -> 0.5,
            // safeguarding 0.6 -> 0.9
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 154 found, 8 flagged;
            // commercial 0.7 -> 0.75, safeguarding 0.9 -> 0.95
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 157 found, 7 flagged;
            // commercial 0.75 -> 0.85, location 0.8 -> 0.75, patient-data 0.65 -> 0.6,
            // personal-data 0.5 -> 0.65, political 0.9 -> 0.95, safeguarding 0.95 ->
            // 0.9
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.75),
                ("confidential", 0.8),
                ("credit", 0.9),
                ("links", 0.65),
                ("location", 0.75),
                // lowered 2026-12-04 from 0.6 by the photo and name rules (docs/EVALUATION.md, "A patient in the picture")
                ("patient-data", 0.6),
                ("personal-data", 0.65),
                ("political", 0.95),
                ("safeguarding", 0.9),
            ],
            // raised 2026-12-03 from 5: the policy model trained for 100 epochs
            // (docs/EVALUATION.md, "The policy model trained longer")
            // raised 2026-12-05 from 7 by the compositions and the tenth round
            // (docs/EVALUATION.md, "The compositions and the tenth round together")
            // 2026-12-05, lowered to the count measured after context words as nouns shipped: 7 flagged
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 7 -> 6 flagged
            // 2026-12-05, names beside consent, simulations, figures, places (shipped): 6 -> 5 flagged
            max_flagged: 5,
        },
    );
}

/// The ninth held-out set, written on 2026-12-02 (a later session) before
/// any change measured on it (docs/EVALUATION.md, "A ninth held-out set"),
/// and blind: only its per-category numbers are printed, never its texts.
#[test]
fn issue10_ninth_heldout_regression_floors() {
    blind(
        "heldout9.toml",
        include_str!("eval/heldout9.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-02 on the pack as it was when the set arrived
            // (af10aebc: recall 0.70, 15 of 200 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 149 found, 12 flagged;
            // credit 0.3 -> 0.45, location 0.8 -> 0.85
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 154 found, 12 flagged;
            // commercial 0.7 -> 0.75, credit 0.45 -> 0.5, patient-data 0.55 -> 0.65,
            // safeguarding 0.65 -> 0.7
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 157 found, 9 flagged;
            // commercial 0.75 -> 0.85, political 0.8 -> 0.9
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.8),
                ("confidential", 0.9),
                ("credit", 0.5),
                ("links", 0.7),
                ("location", 0.85),
                ("patient-data", 0.65),
                ("personal-data", 0.95),
                ("political", 0.9),
                ("safeguarding", 0.7),
            ],
            // 15 on arrival; 14 since 03 numbers stopped counting as personal
            // 12 since NHS mail domains are work addresses
            // 11 since stated consent stands patient rules down
            // raised 2026-12-03 from 11: the policy model trained for 100 epochs
            // (docs/EVALUATION.md, "The policy model trained longer")
            // 2026-12-05, context words as nouns (shipped): 9 -> 8 flagged
            // 2026-12-05, credits in Welsh, in profiles and by (c) (shipped): 8 -> 7 flagged
            max_flagged: 7,
        },
    );
}

/// The tenth blind set (docs/EVALUATION.md, "A tenth held-out set").
#[test]
fn issue10_tenth_heldout_regression_floors() {
    blind(
        "heldout10.toml",
        include_str!("eval/heldout10.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-02 on the pack as it was when the set arrived
            // (591504ad: recall 0.72, 4 of 200 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 165 found, 4 flagged;
            // location 0.75 -> 0.85, patient-data 0.65 -> 0.75, safeguarding 0.8 -> 0.9
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 167 found, 5 flagged;
            // credit 0.85 -> 0.95, patient-data 0.75 -> 0.8
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 171 found, 3 flagged;
            // commercial 0.8 -> 0.9, confidential 0.7 -> 0.85, political 0.7 -> 0.75
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.85),
                ("confidential", 0.85),
                ("credit", 0.95),
                ("links", 0.9),
                ("location", 0.85),
                ("patient-data", 0.8),
                ("personal-data", 0.8),
                ("political", 0.75),
                ("safeguarding", 0.9),
            ],
            // lowered 2026-12-03 from 4: warnings and advice against
            // (docs/EVALUATION.md)
            // raised 2026-12-03 from 3: the policy model trained for 100 epochs
            // (docs/EVALUATION.md, "The policy model trained longer")
            // raised 2026-12-05 from 4 by the policy heads beside their signals
            // (docs/EVALUATION.md, "The policy heads beside their category's signals")
            // 2026-12-05, lowered to the count measured after context words as nouns shipped: 3 flagged
            max_flagged: 3,
        },
    );
}

/// The eleventh blind set (docs/EVALUATION.md, "An eleventh held-out set").
#[test]
fn issue10_eleventh_heldout_regression_floors() {
    blind(
        "heldout11.toml",
        include_str!("eval/heldout11.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-02 on the pack as it was when the set arrived
            // (19b792f2: recall 0.71, 8 of 200 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 160 found, 7 flagged;
            // credit 0.4 -> 0.6
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 161 found, 5 flagged;
            // commercial 0.7 -> 0.85, personal-data 0.8 -> 0.75
            recall: &[
                ("commercial", 0.85),
                ("conduct", 1.0),
                ("confidential", 0.95),
                ("credit", 0.6),
                ("links", 0.55),
                ("location", 0.9),
                ("patient-data", 0.75),
                ("personal-data", 0.75),
                ("political", 0.75),
                ("safeguarding", 0.8),
            ],
            // lowered 2026-12-03 from 8: stated consent shared with photo
            // posts (docs/EVALUATION.md)
            // 2026-12-05, context words as nouns (shipped): 5 -> 4 flagged
            // 2026-12-05, promotions, warnings and service addresses (shipped): 4 -> 3 flagged
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 3 -> 2 flagged
            max_flagged: 2,
        },
    );
}

/// The twelfth blind set (docs/EVALUATION.md, "A twelfth held-out set").
#[test]
fn issue10_twelfth_heldout_regression_floors() {
    blind(
        "heldout12.toml",
        include_str!("eval/heldout12.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-02 on the pack as it was when the set arrived
            // (572abbbb: recall 0.65, 7 of 200 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 149 found, 6 flagged;
            // credit 0.7 -> 0.8, location 0.75 -> 0.8, patient-data 0.65 -> 0.75,
            // safeguarding 0.95 -> 0.9
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 155 found, 7 flagged;
            // commercial 0.7 -> 0.75, credit 0.8 -> 0.9, location 0.8 -> 0.85,
            // political 0.8 -> 0.85, safeguarding 0.9 -> 0.95
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 162 found, 7 flagged;
            // commercial 0.75 -> 0.9, confidential 0.85 -> 1.0, location 0.85 -> 0.8,
            // patient-data 0.75 -> 0.8, personal-data 0.7 -> 0.8, political 0.85 ->
            // 0.95
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.6),
                ("confidential", 1.0),
                ("credit", 0.9),
                ("links", 0.4),
                ("location", 0.8),
                ("patient-data", 0.8),
                ("personal-data", 0.8),
                ("political", 0.95),
                ("safeguarding", 0.95),
            ],
            // lowered 2026-12-03 from 7: reported speech (docs/EVALUATION.md)
            // raised 2026-12-03 from 5: the policy model trained for 100 epochs
            // (docs/EVALUATION.md, "The policy model trained longer")
            // raised 2026-12-05 from 6 by the policy heads beside their signals
            // (docs/EVALUATION.md, "The policy heads beside their category's signals")
            // 2026-12-05, promotions, warnings and service addresses (shipped): 7 -> 6 flagged
            max_flagged: 6,
        },
    );
}

/// The thirteenth blind set (docs/EVALUATION.md, "A thirteenth held-out set").
#[test]
fn issue10_thirteenth_heldout_regression_floors() {
    blind(
        "heldout13.toml",
        include_str!("eval/heldout13.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-03 on the pack as it was when the set arrived
            // (6211e337: recall 0.66, 14 of 200 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 148 found, 15 flagged;
            // credit 0.5 -> 0.6, location 0.85 -> 0.9, patient-data 0.55 -> 0.6
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 149 found, 15 flagged;
            // political 0.65 -> 0.75
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 153 found, 16 flagged;
            // commercial 0.75 -> 0.85, confidential 0.8 -> 0.9, political 0.75 -> 0.8
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.9),
                ("confidential", 0.9),
                ("credit", 0.6),
                ("links", 0.6),
                ("location", 0.9),
                ("patient-data", 0.6),
                ("personal-data", 0.8),
                ("political", 0.8),
                ("safeguarding", 0.65),
            ],
            // raised 2026-12-03 from 14: the policy model trained for 100 epochs
            // (docs/EVALUATION.md, "The policy model trained longer")
            // 2026-12-05, context words as nouns (shipped): 16 -> 15 flagged
            max_flagged: 15,
        },
    );
}

/// The fourteenth blind set (docs/EVALUATION.md, "A fourteenth held-out set").
#[test]
fn issue10_fourteenth_heldout_regression_floors() {
    blind(
        "heldout14.toml",
        include_str!("eval/heldout14.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-03 on the pack as it was when the set arrived
            // (884947de: recall 0.53, 7 of 200 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 126 found, 6 flagged;
            // commercial 0.65 -> 0.75, credit 0.3 -> 0.4, location 0.5 -> 0.55,
            // patient-data 0.6 -> 0.7
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 127 found, 6 flagged;
            // patient-data 0.7 -> 0.75
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 130 found, 6 flagged;
            // commercial 0.75 -> 0.8, personal-data 0.45 -> 0.6, political 0.6 -> 0.65
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.85),
                ("confidential", 0.55),
                ("credit", 0.4),
                ("links", 0.8),
                ("location", 0.55),
                ("patient-data", 0.75),
                ("personal-data", 0.6),
                ("political", 0.65),
                ("safeguarding", 0.45),
            ],
            // raised 2026-12-03 from 7: the policy model trained for 100 epochs
            // (docs/EVALUATION.md, "The policy model trained longer")
            // 2026-12-05, lowered to the count measured after context words as nouns shipped: 6 flagged
            // 2026-12-05, promotions, warnings and service addresses (shipped): 6 -> 5 flagged
            // 2026-12-05, the learned heads stand down on warnings, safe handling and consent (shipped): 5 -> 4 flagged
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_fifteenth_heldout_regression_floors() {
    blind(
        "heldout15.toml",
        include_str!("eval/heldout15.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-03 on the pack as it was when the set arrived
            // (2c8c6bdf: recall 0.71, 12 of 200 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 161 found, 6 flagged;
            // location 0.95 -> 1.0, patient-data 0.8 -> 0.9, safeguarding 0.5 -> 0.65
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 162 found, 6 flagged;
            // credit 0.65 -> 0.7
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 165 found, 6 flagged;
            // confidential 0.8 -> 0.95, credit 0.7 -> 0.8
            recall: &[
                ("commercial", 0.65),
                ("conduct", 0.7),
                ("confidential", 0.95),
                ("credit", 0.8),
                ("links", 0.85),
                ("location", 1.0),
                ("patient-data", 0.9),
                ("personal-data", 0.7),
                ("political", 0.85),
                ("safeguarding", 0.65),
            ],
            // 2026-12-05, context words as nouns (shipped): 6 -> 4 flagged
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_sixteenth_heldout_regression_floors() {
    blind(
        "heldout16.toml",
        include_str!("eval/heldout16.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-03 on the pack as it was when the set arrived
            // (164e26c3: recall 0.65, 8 of 200 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 145 found, 7 flagged;
            // commercial 0.8 -> 0.9, credit 0.45 -> 0.55, location 0.7 -> 0.8,
            // personal-data 0.6 -> 0.65, safeguarding 0.5 -> 0.65
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 146 found, 7 flagged;
            // patient-data 0.65 -> 0.7
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 149 found, 5 flagged;
            // confidential 0.75 -> 0.9, credit 0.55 -> 0.6, personal-data 0.65 -> 0.7
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.7),
                ("confidential", 0.9),
                ("credit", 0.6),
                ("links", 0.8),
                ("location", 0.8),
                ("patient-data", 0.7),
                ("personal-data", 0.7),
                ("political", 0.7),
                ("safeguarding", 0.65),
            ],
            // raised 2026-12-03 from 8: the policy model trained for 100 epochs
            // (docs/EVALUATION.md, "The policy model trained longer")
            // 2026-12-05, context words as nouns (shipped): 5 -> 4 flagged
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 4 -> 3 flagged
            max_flagged: 3,
        },
    );
}

#[test]
fn issue10_seventeenth_heldout_regression_floors() {
    blind(
        "heldout17.toml",
        include_str!("eval/heldout17.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-03 on the pack as it was when the set arrived
            // (bdad0f6c: recall 0.69, 12 of 200 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 145 found, 7 flagged;
            // credit 0.7 -> 0.6, patient-data 0.65 -> 0.75
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 150 found, 7 flagged;
            // credit 0.6 -> 0.75, political 0.7 -> 0.85
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 153 found, 7 flagged;
            // confidential 0.8 -> 0.95, credit 0.75 -> 0.7, personal-data 0.55 -> 0.6,
            // safeguarding 0.55 -> 0.65
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.8),
                ("confidential", 0.95),
                ("credit", 0.7),
                ("links", 0.75),
                ("location", 0.75),
                ("patient-data", 0.75),
                ("personal-data", 0.6),
                ("political", 0.85),
                ("safeguarding", 0.65),
            ],
            // lowered 2026-12-03 from 12: the policy model trained for 100 epochs
            // (docs/EVALUATION.md, "The policy model trained longer")
            // 2026-12-05, lowered to the count measured after context words as nouns shipped: 7 flagged
            // 2026-12-05, the learned heads stand down on warnings, safe handling and consent (shipped): 7 -> 6 flagged
            max_flagged: 6,
        },
    );
}

#[test]
fn issue10_eighteenth_heldout_regression_floors() {
    blind(
        "heldout18.toml",
        include_str!("eval/heldout18.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-03 on the pack as it was when the set arrived
            // (1b40fe1e: recall 0.72, 6 of 200 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 150 found, 5 flagged;
            // credit 0.45 -> 0.5, patient-data 0.7 -> 0.85, safeguarding 0.8 -> 0.7;
            // flagged 6 -> 5
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 153 found, 6 flagged;
            // credit 0.5 -> 0.55, political 0.8 -> 0.85, safeguarding 0.7 -> 0.75;
            // flagged 5 -> 6
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 157 found, 6 flagged;
            // confidential 0.8 -> 0.85, credit 0.55 -> 0.5, patient-data 0.85 -> 0.9,
            // personal-data 0.7 -> 0.75, political 0.85 -> 0.9, safeguarding 0.75 ->
            // 0.8
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.8),
                ("confidential", 0.85),
                ("credit", 0.5),
                ("links", 0.9),
                ("location", 0.65),
                // lowered 2026-12-04 from 0.75 by the photo and name rules (docs/EVALUATION.md, "A patient in the picture")
                ("patient-data", 0.9),
                ("personal-data", 0.75),
                ("political", 0.9),
                ("safeguarding", 0.8),
            ],
            // 2026-12-05, context words as nouns (shipped): 6 -> 5 flagged
            max_flagged: 5,
        },
    );
}

#[test]
fn issue10_nineteenth_heldout_regression_floors() {
    blind(
        "heldout19.toml",
        include_str!("eval/heldout19.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-03 on the pack as it was when the set arrived
            // (4def6e92: recall 0.72, 7 of 200 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 147 found, 5 flagged;
            // commercial 0.85 -> 0.8, location 0.7 -> 0.6, safeguarding 0.7 -> 0.8
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 148 found, 5 flagged;
            // safeguarding 0.8 -> 0.85
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 154 found, 5 flagged;
            // commercial 0.8 -> 0.9, confidential 0.8 -> 0.9, personal-data 0.55 ->
            // 0.6, political 0.75 -> 0.8
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.7),
                ("confidential", 0.9),
                ("credit", 0.8),
                ("links", 0.85),
                ("location", 0.6),
                ("patient-data", 0.7),
                ("personal-data", 0.6),
                ("political", 0.8),
                ("safeguarding", 0.85),
            ],
            // 2026-12-05, lowered to the count measured after context words as nouns shipped: 5 flagged
            // 2026-12-05, promotions, warnings and service addresses (shipped): 5 -> 4 flagged
            // 2026-12-05, the thirty-fifth session's changes (shipped): 4 -> 3 flagged
            max_flagged: 3,
        },
    );
}

#[test]
fn issue10_twentieth_heldout_regression_floors() {
    blind(
        "heldout20.toml",
        include_str!("eval/heldout20.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-03 on the pack as it was when the set arrived
            // (e61d03d6: recall 0.75, 6 of 200 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 157 found, 4 flagged;
            // commercial 0.8 -> 0.75, confidential 0.7 -> 0.75, credit 0.75 -> 0.8,
            // location 0.85 -> 0.9, political 0.75 -> 0.85, safeguarding 0.8 -> 0.85;
            // flagged 6 -> 4
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 158 found, 4 flagged;
            // patient-data 0.85 -> 0.9
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 160 found, 4 flagged;
            // commercial 0.75 -> 0.85, confidential 0.75 -> 0.8, patient-data 0.9 ->
            // 0.85, personal-data 0.65 -> 0.7, safeguarding 0.85 -> 0.8
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.75),
                ("confidential", 0.8),
                ("credit", 0.8),
                ("links", 0.7),
                ("location", 0.9),
                // lowered 2026-12-04 from 0.9 by the photo and name rules (docs/EVALUATION.md, "A patient in the picture")
                ("patient-data", 0.85),
                ("personal-data", 0.7),
                ("political", 0.85),
                ("safeguarding", 0.8),
            ],
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 4 -> 3 flagged
            max_flagged: 3,
        },
    );
}

#[test]
fn issue10_twentyfirst_heldout_regression_floors() {
    blind(
        "heldout21.toml",
        include_str!("eval/heldout21.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-03 on the pack as it was when the set arrived
            // (309a5dc2: recall 0.76, 8 of 200 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 159 found, 5 flagged;
            // credit 0.65 -> 0.75, location 0.85 -> 0.9, patient-data 0.7 -> 0.75,
            // safeguarding 0.6 -> 0.55
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 162 found, 5 flagged;
            // patient-data 0.75 -> 0.85, safeguarding 0.55 -> 0.6
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 166 found, 5 flagged;
            // commercial 0.8 -> 0.95, confidential 0.95 -> 1.0, patient-data 0.85 ->
            // 0.8, personal-data 0.9 -> 0.95
            recall: &[
                ("commercial", 0.95),
                ("conduct", 0.65),
                ("confidential", 1.0),
                ("credit", 0.75),
                ("links", 0.8),
                ("location", 0.9),
                ("patient-data", 0.8),
                ("personal-data", 0.95),
                ("political", 0.9),
                ("safeguarding", 0.6),
            ],
            // 2026-12-05, lowered to the count measured after context words as nouns shipped: 5 flagged
            // 2026-12-05, promotions, warnings and service addresses (shipped): 5 -> 3 flagged
            // 2026-12-05, the thirty-fifth session's changes (shipped): 3 -> 1 flagged
            max_flagged: 1,
        },
    );
}

#[test]
fn issue10_twentysecond_heldout_regression_floors() {
    blind(
        "heldout22.toml",
        include_str!("eval/heldout22.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-03 on the pack as it was when the set arrived
            // (cd992dce: recall 0.77, 4 of 200 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 161 found, 4 flagged;
            // credit 0.7 -> 0.75, location 0.9 -> 0.95, patient-data 0.75 -> 0.7,
            // safeguarding 0.55 -> 0.65
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 162 found, 4 flagged;
            // patient-data 0.7 -> 0.75
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 164 found, 4 flagged;
            // confidential 0.8 -> 0.9
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.55),
                ("confidential", 0.9),
                ("credit", 0.75),
                ("links", 0.95),
                ("location", 0.95),
                ("patient-data", 0.75),
                ("personal-data", 0.95),
                ("political", 0.95),
                ("safeguarding", 0.65),
            ],
            // raised 2026-12-04 from 4: the abuse model on posts nobody is
            // addressed in flags one more (docs/EVALUATION.md, read after it shipped)
            // 2026-12-05, lowered to the count measured after context words as nouns shipped: 4 flagged
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_twentythird_heldout_regression_floors() {
    blind(
        "heldout23.toml",
        include_str!("eval/heldout23.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-03 on the pack as it was when the set arrived
            // (f150089e: recall 0.69, 9 of 200 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 147 found, 8 flagged;
            // confidential 0.7 -> 0.75, credit 0.4 -> 0.45, location 0.8 -> 0.75,
            // patient-data 0.55 -> 0.6; flagged 9 -> 8
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 149 found, 8 flagged;
            // commercial 0.75 -> 0.8, location 0.75 -> 0.8
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 148 found, 6 flagged;
            // confidential 0.75 -> 0.7; flagged 8 -> 6
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.8),
                ("confidential", 0.7),
                ("credit", 0.45),
                ("links", 0.8),
                ("location", 0.8),
                ("patient-data", 0.6),
                ("personal-data", 0.9),
                ("political", 0.8),
                ("safeguarding", 0.75),
            ],
            // 2026-12-05, context words as nouns (shipped): 6 -> 5 flagged
            // 2026-12-05, promotions, warnings and service addresses (shipped): 5 -> 3 flagged
            max_flagged: 3,
        },
    );
}

#[test]
fn issue10_twentyfourth_heldout_regression_floors() {
    blind(
        "heldout24.toml",
        include_str!("eval/heldout24.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-03 on the pack as it was when the set arrived
            // (baf5d5db: recall 0.78, 10 of 200 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 159 found, 8 flagged;
            // personal-data 0.95 -> 0.9, safeguarding 0.75 -> 0.7; flagged 10 -> 8
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 160 found, 8 flagged;
            // credit 0.6 -> 0.65
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 159 found, 7 flagged;
            // personal-data 0.9 -> 0.85; flagged 8 -> 7
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.85),
                ("confidential", 0.85),
                ("credit", 0.65),
                ("links", 0.85),
                ("location", 0.75),
                ("patient-data", 0.7),
                ("personal-data", 0.85),
                ("political", 0.9),
                ("safeguarding", 0.7),
            ],
            // 2026-12-05, context words as nouns (shipped): 7 -> 6 flagged
            // 2026-12-05, promotions, warnings and service addresses (shipped): 6 -> 4 flagged
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_twentyfifth_heldout_regression_floors() {
    blind(
        "heldout25.toml",
        include_str!("eval/heldout25.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-03 on the pack as it was when the set arrived
            // (0f602351: recall 0.69, 7 of 200 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 143 found, 7 flagged;
            // commercial 0.65 -> 0.6, credit 0.7 -> 0.8, location 0.7 -> 0.6,
            // patient-data 0.55 -> 0.6, political 0.9 -> 0.95
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 145 found, 7 flagged;
            // commercial 0.6 -> 0.65, location 0.6 -> 0.65
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 149 found, 6 flagged;
            // commercial 0.65 -> 0.7, confidential 0.75 -> 0.8, location 0.65 -> 0.7,
            // personal-data 0.65 -> 0.7; flagged 7 -> 6
            recall: &[
                ("commercial", 0.7),
                ("conduct", 0.75),
                ("confidential", 0.8),
                ("credit", 0.8),
                ("links", 0.8),
                ("location", 0.7),
                ("patient-data", 0.6),
                ("personal-data", 0.7),
                ("political", 0.95),
                ("safeguarding", 0.65),
            ],
            // 2026-12-05, context words as nouns (shipped): 6 -> 5 flagged
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 5 -> 4 flagged
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_twentysixth_heldout_regression_floors() {
    blind(
        "heldout26.toml",
        include_str!("eval/heldout26.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-03 on the pack as it was when the set arrived
            // (47b40d81: recall 0.81, 4 of 200 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 165 found, 2 flagged;
            // credit 0.7 -> 0.75, location 0.75 -> 0.7, patient-data 0.75 -> 0.9,
            // safeguarding 0.85 -> 0.75; flagged 4 -> 2
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 168 found, 2 flagged;
            // credit 0.75 -> 0.8, location 0.7 -> 0.75, safeguarding 0.75 -> 0.8
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 171 found, 2 flagged;
            // commercial 0.75 -> 0.9, confidential 0.95 -> 1.0, credit 0.8 -> 0.75,
            // personal-data 0.8 -> 0.75, political 0.85 -> 0.9
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.9),
                ("confidential", 1.0),
                ("credit", 0.75),
                ("links", 0.9),
                ("location", 0.75),
                ("patient-data", 0.9),
                ("personal-data", 0.75),
                ("political", 0.9),
                ("safeguarding", 0.8),
            ],
            max_flagged: 2,
        },
    );
}

/// The default pack with the contextual encoder's rules on (`--deep`).
fn deep_pack(org: &Org) -> Pack {
    let mut p = Pack::default_pack(org).expect("the default pack");
    p.set_deep(true);
    p
}

/// The contextual encoder built into the tool, read once on the one set
/// no change had read (docs/EVALUATION.md, "The contextual encoder in the
/// tool"): the default pack against the same pack with `--deep`.
#[test]
fn issue10_deep_on_the_twentysixth_heldout_set() {
    blind_deep(
        "heldout26.toml",
        include_str!("eval/heldout26.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-03: 161 → 172 of 200 found, 4 → 4 of 200
            // flagged (without --deep: issue10_twentysixth_heldout_regression_floors);
            // with the round-8 encoder, 2026-12-04: 174 found, 4 flagged
            // with the encoder–linear combination, 2026-12-04: 179 found, 4 flagged
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 179 found, 3 flagged;
            // personal-data 0.95 -> 0.9, safeguarding 0.9 -> 0.85
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 182 found, 3 flagged;
            // commercial 0.85 -> 0.9, confidential 0.95 -> 1.0, political 0.95 -> 1.0
            recall: &[
                ("commercial", 0.9),
                // raised 2026-12-04 from 0.75 by the encoder–linear combination (docs/EVALUATION.md, "The encoder and the linear models combined")
                ("conduct", 0.95),
                ("confidential", 1.0),
                // raised 2026-12-04 from 0.75 by the round-8 encoder (docs/EVALUATION.md, "Round 8 and OLID's targeted insults")
                ("credit", 0.95),
                ("links", 0.95),
                ("location", 0.75),
                // lowered 2026-12-04 from 0.95 by the round-8 encoder (docs/EVALUATION.md, "Round 8 and OLID's targeted insults")
                ("patient-data", 0.85),
                // raised 2026-12-04 from 0.85 by the encoder–linear combination (docs/EVALUATION.md, "The encoder and the linear models combined")
                ("personal-data", 0.9),
                ("political", 1.0),
                // raised 2026-12-04 from 0.85 by the encoder–linear combination (docs/EVALUATION.md, "The encoder and the linear models combined")
                ("safeguarding", 0.85),
            ],
            // 2026-12-05, lowered to the count measured with --deep after context words as nouns shipped: 3 flagged
            max_flagged: 3,
        },
    );
}

#[test]
fn issue10_twentyseventh_heldout_regression_floors() {
    blind(
        "heldout27.toml",
        include_str!("eval/heldout27.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-04 on the pack as it was when the set arrived
            // (00e25311: recall 0.64, 10 of 200 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 134 found, 7 flagged;
            // credit 0.5 -> 0.55, patient-data 0.6 -> 0.65, safeguarding 0.4 -> 0.35;
            // flagged 10 -> 7
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 139 found, 8 flagged;
            // credit 0.55 -> 0.65, patient-data 0.65 -> 0.7, political 0.8 -> 0.85,
            // safeguarding 0.35 -> 0.4; flagged 7 -> 8
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 143 found, 6 flagged;
            // commercial 0.75 -> 0.8, confidential 0.85 -> 0.9, location 0.7 -> 0.65,
            // personal-data 0.75 -> 0.85, political 0.85 -> 0.9; flagged 8 -> 6
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.6),
                ("confidential", 0.9),
                ("credit", 0.65),
                ("links", 0.7),
                ("location", 0.65),
                ("patient-data", 0.7),
                ("personal-data", 0.85),
                ("political", 0.9),
                ("safeguarding", 0.4),
            ],
            // 2026-12-05, context words as nouns (shipped): 6 -> 5 flagged
            // 2026-12-05, promotions, warnings and service addresses (shipped): 5 -> 3 flagged
            max_flagged: 3,
        },
    );
}

#[test]
fn issue10_twentyeighth_heldout_regression_floors() {
    blind(
        "heldout28.toml",
        include_str!("eval/heldout28.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-04 on the pack as it was when the set arrived
            // (00e25311: recall 0.64, 10 of 200 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 135 found, 9 flagged;
            // commercial 0.75 -> 0.7, confidential 0.75 -> 0.7, credit 0.55 -> 0.65,
            // patient-data 0.4 -> 0.5, safeguarding 0.4 -> 0.45; flagged 10 -> 9
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 137 found, 9 flagged;
            // commercial 0.7 -> 0.75, patient-data 0.5 -> 0.55
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 138 found, 6 flagged;
            // commercial 0.75 -> 0.85, confidential 0.7 -> 0.8, location 0.65 -> 0.6,
            // patient-data 0.55 -> 0.5, political 0.95 -> 0.9; flagged 9 -> 6
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.55),
                ("confidential", 0.8),
                ("credit", 0.65),
                ("links", 0.7),
                ("location", 0.6),
                // lowered 2026-12-04 from 0.45 by the photo and name rules (docs/EVALUATION.md, "A patient in the picture")
                ("patient-data", 0.5),
                ("personal-data", 0.9),
                ("political", 0.9),
                ("safeguarding", 0.45),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 6 -> 5 flagged
            // 2026-12-05, names beside consent, simulations, figures, places (shipped): 5 -> 3 flagged
            max_flagged: 3,
        },
    );
}

/// `--deep` read a second time, on the two sets written together
/// (docs/EVALUATION.md, "Two more held-out sets: the encoder again, and
/// per-output thresholds"): pooled, 254 → 294 of 400 breaches found and
/// 20 → 22 of 400 hard negatives flagged (without --deep: the two tests
/// above).
#[test]
fn issue10_deep_on_the_twentyseventh_and_twentyeighth_heldout_sets() {
    let sets: [(&str, &str, Floors); 2] = [
        (
            "heldout27.toml",
            include_str!("eval/heldout27.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-04: 127 → 148 found, 10 → 10 flagged;
                // with the round-8 encoder: 151 found, 10 flagged
                // with the encoder–linear combination, 2026-12-04: 155 found, 9 flagged
                // 2026-12-05, moved to the figures of the policy heads beside their signals
                // (shipped by their pooled reading, docs/EVALUATION.md): 157 found, 7 flagged;
                // patient-data 0.7 -> 0.75
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 156 found, 4 flagged;
                // location 0.9 -> 0.85
                recall: &[
                    // raised 2026-12-04 from 0.8 by the round-8 encoder (docs/EVALUATION.md, "Round 8 and OLID's targeted insults")
                    ("commercial", 0.85),
                    // raised 2026-12-04 from 0.45 by the round-8 encoder (docs/EVALUATION.md, "Round 8 and OLID's targeted insults")
                    ("conduct", 0.75),
                    ("confidential", 0.85),
                    // raised 2026-12-04 from 0.75 by the round-8 encoder (docs/EVALUATION.md, "Round 8 and OLID's targeted insults")
                    ("credit", 0.85),
                    ("links", 0.85),
                    // lowered 2026-12-04 from 0.85 by the round-8 encoder (docs/EVALUATION.md, "Round 8 and OLID's targeted insults")
                    // raised 2026-12-04 from 0.75 by the encoder–linear combination (docs/EVALUATION.md, "The encoder and the linear models combined")
                    ("location", 0.85),
                    // lowered 2026-12-04 from 0.85 by the round-8 encoder (docs/EVALUATION.md, "Round 8 and OLID's targeted insults")
                    // lowered 2026-12-04 from 0.75 by the photo and name rules (docs/EVALUATION.md, "A patient in the picture")
                    ("patient-data", 0.75),
                    ("personal-data", 0.75),
                    // raised 2026-12-04 from 0.8 by the encoder–linear combination (docs/EVALUATION.md, "The encoder and the linear models combined")
                    ("political", 0.85),
                    ("safeguarding", 0.45),
                ],
                // lowered 2026-12-04 from 10 by the encoder–linear combination (docs/EVALUATION.md, "The encoder and the linear models combined")
                // 2026-12-05, context words as nouns (shipped): 4 -> 3 flagged with --deep
                // 2026-12-05, promotions, warnings and service addresses (shipped): 3 -> 1 flagged with --deep
                max_flagged: 1,
            },
        ),
        (
            "heldout28.toml",
            include_str!("eval/heldout28.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-04: 127 → 146 found, 10 → 12 flagged;
                // with the round-8 encoder: 152 found, 13 flagged
                // with the encoder–linear combination, 2026-12-04: 155 found, 13 flagged
                // 2026-12-05, moved to the figures of the compositions and the tenth round
                // (shipped by their pooled reading, docs/EVALUATION.md): 154 found, 13 flagged;
                // commercial 0.85 -> 0.8, confidential 0.85 -> 0.8, location 0.75 ->
                // 0.7
                // 2026-12-05, moved to the figures of the policy heads beside their signals
                // (shipped by their pooled reading, docs/EVALUATION.md): 156 found, 13 flagged;
                // commercial 0.8 -> 0.85, patient-data 0.65 -> 0.7
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 157 found, 10 flagged;
                // commercial 0.85 -> 0.9, confidential 0.8 -> 0.9, patient-data 0.7 ->
                // 0.65, political 1.0 -> 0.95
                recall: &[
                    // raised 2026-12-04 from 0.8 by the encoder–linear combination (docs/EVALUATION.md, "The encoder and the linear models combined")
                    ("commercial", 0.9),
                    // raised 2026-12-04 from 0.35 by the round-8 encoder (docs/EVALUATION.md, "Round 8 and OLID's targeted insults")
                    ("conduct", 0.55),
                    ("confidential", 0.9),
                    // raised 2026-12-04 from 0.8 by the encoder–linear combination (docs/EVALUATION.md, "The encoder and the linear models combined")
                    ("credit", 0.85),
                    // raised 2026-12-04 from 0.9 by the round-8 encoder (docs/EVALUATION.md, "Round 8 and OLID's targeted insults")
                    ("links", 0.95),
                    // raised 2026-12-04 from 0.7 by the round-8 encoder (docs/EVALUATION.md, "Round 8 and OLID's targeted insults")
                    // lowered 2026-12-04 from 0.8 by the encoder–linear combination (docs/EVALUATION.md, "The encoder and the linear models combined")
                    ("location", 0.7),
                    // raised 2026-12-04 from 0.65 by the encoder–linear combination (docs/EVALUATION.md, "The encoder and the linear models combined")
                    // lowered 2026-12-04 from 0.7 by the photo and name rules (docs/EVALUATION.md, "A patient in the picture")
                    ("patient-data", 0.65),
                    ("personal-data", 0.9),
                    // raised 2026-12-04 from 0.95 by the round-8 encoder (docs/EVALUATION.md, "Round 8 and OLID's targeted insults")
                    ("political", 0.95),
                    // raised 2026-12-04 from 0.4 by the round-8 encoder (docs/EVALUATION.md, "Round 8 and OLID's targeted insults")
                    // raised 2026-12-04 from 0.45 by the encoder–linear combination (docs/EVALUATION.md, "The encoder and the linear models combined")
                    ("safeguarding", 0.5),
                ],
                // raised 2026-12-04 from 12 by the round-8 encoder (docs/EVALUATION.md, "Round 8 and OLID's targeted insults")
                // 2026-12-05, lowered to the count measured with --deep after context words as nouns shipped: 10 flagged
                // 2026-12-05, promotions, warnings and service addresses (shipped): 10 -> 9 flagged with --deep
                // 2026-12-05, names beside consent, simulations, figures, places (shipped): 9 -> 7 flagged with --deep
                max_flagged: 7,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_twentyninth_heldout_regression_floors() {
    blind(
        "heldout29.toml",
        include_str!("eval/heldout29.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-04 on the pack as it was when the set arrived
            // (190f052a: recall 0.67, 14 of 200 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 143 found, 13 flagged;
            // commercial 0.8 -> 0.85, credit 0.45 -> 0.55, location 0.5 -> 0.45,
            // patient-data 0.75 -> 0.8, safeguarding 0.4 -> 0.45
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 146 found, 13 flagged;
            // credit 0.55 -> 0.6, location 0.45 -> 0.5, patient-data 0.8 -> 0.85
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 144 found, 10 flagged;
            // commercial 0.85 -> 0.9, credit 0.6 -> 0.55, location 0.5 -> 0.55,
            // patient-data 0.85 -> 0.8, personal-data 0.95 -> 0.9, safeguarding 0.45 ->
            // 0.4; flagged 14 -> 10
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.85),
                ("confidential", 0.85),
                ("credit", 0.55),
                ("links", 0.6),
                ("location", 0.55),
                // lowered 2026-12-04 from 0.8 by the photo and name rules (docs/EVALUATION.md, "A patient in the picture")
                ("patient-data", 0.8),
                ("personal-data", 0.9),
                ("political", 0.8),
                ("safeguarding", 0.4),
            ],
            // 2026-12-05, context words as nouns (shipped): 10 -> 9 flagged
            // 2026-12-05, promotions, warnings and service addresses (shipped): 9 -> 8 flagged
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 8 -> 7 flagged
            max_flagged: 7,
        },
    );
}

#[test]
fn issue10_thirtieth_heldout_regression_floors() {
    blind(
        "heldout30.toml",
        include_str!("eval/heldout30.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-04 on the pack as it was when the set arrived
            // (190f052a: recall 0.62, 12 of 200 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 135 found, 9 flagged;
            // commercial 0.6 -> 0.65, credit 0.35 -> 0.4, location 0.7 -> 0.65,
            // patient-data 0.6 -> 0.7, political 0.75 -> 0.7; flagged 12 -> 9
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 139 found, 9 flagged;
            // commercial 0.65 -> 0.7, credit 0.4 -> 0.5, political 0.7 -> 0.75
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 141 found, 9 flagged;
            // personal-data 0.85 -> 0.9, safeguarding 0.5 -> 0.55
            recall: &[
                ("commercial", 0.7),
                ("conduct", 0.7),
                ("confidential", 0.8),
                ("credit", 0.5),
                ("links", 0.8),
                ("location", 0.65),
                ("patient-data", 0.7),
                ("personal-data", 0.9),
                ("political", 0.75),
                ("safeguarding", 0.55),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 9 -> 8 flagged
            // 2026-12-05, the learned heads stand down on warnings, safe handling and consent (shipped): 8 -> 7 flagged
            // 2026-12-05, names beside consent, simulations, figures, places (shipped): 7 -> 6 flagged
            max_flagged: 6,
        },
    );
}

/// `--deep` on the two sets written with round 8 (docs/EVALUATION.md,
/// "Round 8 and OLID's targeted insults"): on arrival, pooled, 259 → 297
/// of 400 breaches found and 26 → 32 of 400 hard negatives flagged
/// (without --deep: the two tests above); with the round-8 encoder that
/// shipped on this reading, 303 found and 28 flagged.
#[test]
fn issue10_deep_on_the_twentyninth_and_thirtieth_heldout_sets() {
    let sets: [(&str, &str, Floors); 2] = [
        (
            "heldout29.toml",
            include_str!("eval/heldout29.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-04: 134 → 152 found, 14 → 16 flagged;
                // with the round-8 encoder (question 2): 155 found, 14 flagged
                // with the encoder–linear combination, 2026-12-04: 155 found, 16 flagged
                // 2026-12-05, moved to the figures of the compositions and the tenth round
                // (shipped by their pooled reading, docs/EVALUATION.md): 160 found, 13 flagged;
                // credit 0.65 -> 0.7
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 159 found, 10 flagged;
                // personal-data 1.0 -> 0.95
                recall: &[
                    ("commercial", 0.9),
                    // raised 2026-12-04 from 0.65 by the round-8 encoder (docs/EVALUATION.md, "Round 8 and OLID's targeted insults")
                    ("conduct", 0.9),
                    ("confidential", 0.85),
                    // raised 2026-12-04 from 0.65 by the round-8 encoder (docs/EVALUATION.md, "Round 8 and OLID's targeted insults")
                    // lowered 2026-12-04 from 0.7 by the encoder–linear combination (docs/EVALUATION.md, "The encoder and the linear models combined")
                    ("credit", 0.7),
                    // raised 2026-12-04 from 0.75 by the encoder–linear combination (docs/EVALUATION.md, "The encoder and the linear models combined")
                    ("links", 0.8),
                    // raised 2026-12-04 from 0.55 by the encoder–linear combination (docs/EVALUATION.md, "The encoder and the linear models combined")
                    ("location", 0.6),
                    ("patient-data", 0.85),
                    // raised 2026-12-04 from 0.95 by the round-8 encoder (docs/EVALUATION.md, "Round 8 and OLID's targeted insults")
                    ("personal-data", 0.95),
                    // lowered 2026-12-04 from 0.9 by the encoder–linear combination (docs/EVALUATION.md, "The encoder and the linear models combined")
                    ("political", 0.8),
                    // raised 2026-12-04 from 0.55 by the encoder–linear combination (docs/EVALUATION.md, "The encoder and the linear models combined")
                    ("safeguarding", 0.6),
                ],
                // lowered 2026-12-04 from 16 by the round-8 encoder (docs/EVALUATION.md, "Round 8 and OLID's targeted insults")
                // raised 2026-12-04 from 14 by the encoder–linear combination (docs/EVALUATION.md, "The encoder and the linear models combined")
                // 2026-12-05, context words as nouns (shipped): 10 -> 9 flagged with --deep
                // 2026-12-05, promotions, warnings and service addresses (shipped): 9 -> 8 flagged with --deep
                // 2026-12-05, this session's four changes (shipped): 8 -> 7 flagged with --deep
                max_flagged: 7,
            },
        ),
        (
            "heldout30.toml",
            include_str!("eval/heldout30.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-04: 125 → 145 found, 12 → 16 flagged;
                // with the round-8 encoder (question 2): 148 found, 14 flagged
                // with the encoder–linear combination, 2026-12-04: 155 found, 15 flagged
                // 2026-12-05, moved to the figures of the compositions and the tenth round
                // (shipped by their pooled reading, docs/EVALUATION.md): 160 found, 12 flagged;
                // credit 0.7 -> 0.75, location 0.75 -> 0.7, patient-data 0.8 -> 0.9,
                // political 0.85 -> 0.8, safeguarding 0.65 -> 0.7
                // 2026-12-05, moved to the figures of the policy heads beside their signals
                // (shipped by their pooled reading, docs/EVALUATION.md): 161 found, 12 flagged;
                // commercial 0.8 -> 0.85
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 163 found, 12 flagged;
                // personal-data 0.95 -> 1.0, political 0.8 -> 0.85
                recall: &[
                    // raised 2026-12-04 from 0.7 by the round-8 encoder (docs/EVALUATION.md, "Round 8 and OLID's targeted insults")
                    // raised 2026-12-04 from 0.75 by the encoder–linear combination (docs/EVALUATION.md, "The encoder and the linear models combined")
                    ("commercial", 0.85),
                    // raised 2026-12-04 from 0.45 by the round-8 encoder (docs/EVALUATION.md, "Round 8 and OLID's targeted insults")
                    // raised 2026-12-04 from 0.5 by the encoder–linear combination (docs/EVALUATION.md, "The encoder and the linear models combined")
                    ("conduct", 0.75),
                    // lowered 2026-12-04 from 0.85 by the round-8 encoder (docs/EVALUATION.md, "Round 8 and OLID's targeted insults")
                    // raised 2026-12-04 from 0.8 by the encoder–linear combination (docs/EVALUATION.md, "The encoder and the linear models combined")
                    ("confidential", 0.85),
                    // raised 2026-12-04 from 0.65 by the encoder–linear combination (docs/EVALUATION.md, "The encoder and the linear models combined")
                    ("credit", 0.75),
                    ("links", 0.8),
                    ("location", 0.7),
                    // lowered 2026-12-04 from 0.85 by the round-8 encoder (docs/EVALUATION.md, "Round 8 and OLID's targeted insults")
                    ("patient-data", 0.9),
                    // raised 2026-12-04 from 0.9 by the encoder–linear combination (docs/EVALUATION.md, "The encoder and the linear models combined")
                    ("personal-data", 1.0),
                    // raised 2026-12-04 from 0.75 by the round-8 encoder (docs/EVALUATION.md, "Round 8 and OLID's targeted insults")
                    // raised 2026-12-04 from 0.8 by the encoder–linear combination (docs/EVALUATION.md, "The encoder and the linear models combined")
                    ("political", 0.85),
                    // raised 2026-12-04 from 0.55 by the round-8 encoder (docs/EVALUATION.md, "Round 8 and OLID's targeted insults")
                    ("safeguarding", 0.7),
                ],
                // lowered 2026-12-04 from 16 by the round-8 encoder (docs/EVALUATION.md, "Round 8 and OLID's targeted insults")
                // raised 2026-12-04 from 14 by the encoder–linear combination (docs/EVALUATION.md, "The encoder and the linear models combined")
                // 2026-12-05, lowered to the count measured with --deep after context words as nouns shipped: 12 flagged
                // 2026-12-05, promotions, warnings and service addresses (shipped): 12 -> 11 flagged with --deep
                // 2026-12-05, names beside consent, simulations, figures, places (shipped): 11 -> 10 flagged with --deep
                max_flagged: 10,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_thirty_first_heldout_regression_floors() {
    blind(
        "heldout31.toml",
        include_str!("eval/heldout31.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-04 on the pack as it was when the set arrived
            // (090ef041: recall 0.66, 7 of 200 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 137 found, 6 flagged;
            // commercial 0.75 -> 0.7, confidential 0.9 -> 0.85, credit 0.65 -> 0.7,
            // location 0.5 -> 0.45, patient-data 0.8 -> 0.85, political 0.75 -> 0.7
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 139 found, 7 flagged;
            // location 0.45 -> 0.5, patient-data 0.85 -> 0.9
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 145 found, 8 flagged;
            // commercial 0.7 -> 0.8, confidential 0.85 -> 0.9, political 0.7 -> 0.85;
            // flagged 7 -> 8
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.7),
                ("confidential", 0.9),
                ("credit", 0.7),
                ("links", 0.6),
                ("location", 0.5),
                // lowered 2026-12-04 from 0.85 by the photo and name rules (docs/EVALUATION.md, "A patient in the picture")
                ("patient-data", 0.9),
                ("personal-data", 0.95),
                ("political", 0.85),
                ("safeguarding", 0.35),
            ],
            // 2026-12-05, context words as nouns (shipped): 8 -> 7 flagged
            max_flagged: 7,
        },
    );
}

#[test]
fn issue10_thirty_second_heldout_regression_floors() {
    blind(
        "heldout32.toml",
        include_str!("eval/heldout32.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-04 on the pack as it was when the set arrived
            // (090ef041: recall 0.65, 8 of 200 flagged)
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 139 found, 7 flagged;
            // commercial 0.75 -> 0.8, credit 0.45 -> 0.65, location 0.7 -> 0.6,
            // patient-data 0.6 -> 0.7
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 142 found, 7 flagged;
            // credit 0.65 -> 0.7, location 0.6 -> 0.65, political 0.8 -> 0.85
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 144 found, 7 flagged;
            // commercial 0.8 -> 0.85, credit 0.7 -> 0.75
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.55),
                ("confidential", 0.85),
                ("credit", 0.75),
                ("links", 0.7),
                ("location", 0.65),
                ("patient-data", 0.7),
                ("personal-data", 0.85),
                ("political", 0.85),
                ("safeguarding", 0.45),
            ],
            // 2026-12-05, context words as nouns (shipped): 7 -> 6 flagged
            // 2026-12-05, names beside consent, simulations, figures, places (shipped): 6 -> 4 flagged
            max_flagged: 4,
        },
    );
}

/// `--deep` on the two sets written for the combination of the encoder and
/// the linear models (docs/EVALUATION.md, "The encoder and the linear
/// models combined"): on arrival, pooled, 261 → 300 of 400 breaches found
/// and 15 → 17 of 400 hard negatives flagged (without --deep: the two tests
/// above); with the combination that shipped on this reading, 307 found and
/// 18 flagged.
#[test]
fn issue10_deep_on_the_thirty_first_and_thirty_second_heldout_sets() {
    let sets: [(&str, &str, Floors); 2] = [
        (
            "heldout31.toml",
            include_str!("eval/heldout31.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-04: 132 → 149 found, 7 → 7 flagged;
                // with the encoder–linear combination (question 2): 156 found, 7 flagged
                // 2026-12-05, moved to the figures of the compositions and the tenth round
                // (shipped by their pooled reading, docs/EVALUATION.md): 157 found, 7 flagged;
                // commercial 0.9 -> 0.85, location 0.55 -> 0.5
                // 2026-12-05, moved to the figures of the policy heads beside their signals
                // (shipped by their pooled reading, docs/EVALUATION.md): 158 found, 7 flagged;
                // location 0.5 -> 0.55
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 160 found, 8 flagged;
                // commercial 0.85 -> 0.9, political 0.85 -> 0.9; flagged 7 -> 8
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.75),
                    ("confidential", 0.9),
                    ("credit", 0.85),
                    ("links", 0.7),
                    ("location", 0.55),
                    ("patient-data", 0.95),
                    ("personal-data", 0.95),
                    ("political", 0.9),
                    ("safeguarding", 0.55),
                ],
                // 2026-12-05, context words as nouns (shipped): 8 -> 7 flagged with --deep
                max_flagged: 7,
            },
        ),
        (
            "heldout32.toml",
            include_str!("eval/heldout32.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-04: 129 → 151 found, 8 → 10 flagged;
                // with the encoder–linear combination (question 2): 151 found, 11 flagged
                // 2026-12-05, moved to the figures of the compositions and the tenth round
                // (shipped by their pooled reading, docs/EVALUATION.md): 162 found, 10 flagged;
                // location 0.75 -> 0.8, patient-data 0.75 -> 0.85, safeguarding 0.5 ->
                // 0.55
                // 2026-12-05, moved to the figures of the policy heads beside their signals
                // (shipped by their pooled reading, docs/EVALUATION.md): 163 found, 10 flagged;
                // political 0.8 -> 0.85
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 163 found, 10 flagged;
                // confidential 0.95 -> 0.9, patient-data 0.85 -> 0.9
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.7),
                    ("confidential", 0.9),
                    ("credit", 0.9),
                    ("links", 0.75),
                    ("location", 0.8),
                    ("patient-data", 0.9),
                    ("personal-data", 0.85),
                    ("political", 0.85),
                    ("safeguarding", 0.55),
                ],
                // 2026-12-05, context words as nouns (shipped): 10 -> 9 flagged with --deep
                // 2026-12-05, names beside consent, simulations, figures, places (shipped): 9 -> 7 flagged with --deep
                max_flagged: 7,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_thirty_third_heldout_regression_floors() {
    blind(
        "heldout33.toml",
        include_str!("eval/heldout33.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-04 on the pack as it was when the set arrived
            // (7cfbdedd: recall 0.665, 13 of 200 flagged); with the photo
            // and name rules (docs/EVALUATION.md, "A patient in the
            // picture"): 134 found, 10 flagged
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 145 found, 8 flagged;
            // credit 0.6 -> 0.7, location 0.65 -> 0.75, patient-data 0.65 -> 0.75,
            // political 0.85 -> 0.8, safeguarding 0.5 -> 0.55; flagged 10 -> 8
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 148 found, 9 flagged;
            // patient-data 0.75 -> 0.85, safeguarding 0.55 -> 0.6; flagged 8 -> 9
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 151 found, 8 flagged;
            // commercial 0.8 -> 0.85, political 0.8 -> 0.9; flagged 9 -> 8
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.65),
                ("confidential", 0.7),
                ("credit", 0.7),
                ("links", 0.85),
                ("location", 0.75),
                // raised 2026-12-04 from 0.6 by the photo and name rules
                ("patient-data", 0.85),
                ("personal-data", 0.7),
                ("political", 0.9),
                ("safeguarding", 0.6),
            ],
            max_flagged: 8,
        },
    );
}

#[test]
fn issue10_thirty_fourth_heldout_regression_floors() {
    blind(
        "heldout34.toml",
        include_str!("eval/heldout34.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // measured 2026-12-04 on the pack as it was when the set arrived
            // (7cfbdedd: recall 0.68, 10 of 200 flagged); with the photo
            // and name rules: 137 found, 9 flagged
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 150 found, 9 flagged;
            // commercial 0.75 -> 0.7, credit 0.5 -> 0.7, location 0.7 -> 0.75,
            // patient-data 0.7 -> 0.75
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 155 found, 9 flagged;
            // commercial 0.7 -> 0.85, confidential 0.85 -> 0.9, location 0.75 -> 0.7,
            // political 0.8 -> 0.9
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.75),
                ("confidential", 0.9),
                ("credit", 0.7),
                ("links", 0.9),
                ("location", 0.7),
                // raised 2026-12-04 from 0.65 by the photo and name rules
                ("patient-data", 0.75),
                ("personal-data", 0.8),
                ("political", 0.9),
                ("safeguarding", 0.5),
            ],
            // 2026-12-05, context words as nouns (shipped): 9 -> 8 flagged
            max_flagged: 8,
        },
    );
}

#[test]
fn issue10_deep_on_the_thirty_third_and_thirty_fourth_heldout_sets() {
    let sets: [(&str, &str, Floors); 2] = [
        (
            "heldout33.toml",
            include_str!("eval/heldout33.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-04: 162 found, 13 flagged as shipped
                // (7cfbdedd); with the photo and name rules 162, 10
                // 2026-12-05, moved to the figures of the compositions and the tenth round
                // (shipped by their pooled reading, docs/EVALUATION.md): 168 found, 9 flagged;
                // credit 0.75 -> 0.8, patient-data 0.85 -> 0.9; flagged 10 -> 9
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 170 found, 8 flagged;
                // confidential 0.85 -> 0.9, personal-data 0.75 -> 0.8; flagged 9 -> 8
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.75),
                    ("confidential", 0.9),
                    ("credit", 0.8),
                    ("links", 0.85),
                    ("location", 0.95),
                    ("patient-data", 0.9),
                    ("personal-data", 0.8),
                    ("political", 0.95),
                    ("safeguarding", 0.65),
                ],
                max_flagged: 8,
            },
        ),
        (
            "heldout34.toml",
            include_str!("eval/heldout34.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-04: 158 found, 11 flagged as shipped
                // (7cfbdedd); with the photo and name rules 159, 10
                // 2026-12-05, moved to the figures of the compositions and the tenth round
                // (shipped by their pooled reading, docs/EVALUATION.md): 170 found, 9 flagged;
                // commercial 0.9 -> 0.95, credit 0.8 -> 0.85, location 0.8 -> 0.85,
                // patient-data 0.7 -> 0.8, safeguarding 0.65 -> 0.7; flagged 10 -> 9
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 169 found, 9 flagged;
                // location 0.85 -> 0.8
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.75),
                    ("confidential", 0.95),
                    ("credit", 0.85),
                    ("links", 0.95),
                    ("location", 0.8),
                    // raised 2026-12-04 from 0.65 by the photo and name rules
                    ("patient-data", 0.8),
                    ("personal-data", 0.8),
                    ("political", 0.9),
                    ("safeguarding", 0.7),
                ],
                // 2026-12-05, context words as nouns (shipped): 9 -> 8 flagged with --deep
                max_flagged: 8,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_thirty_fifth_heldout_regression_floors() {
    blind(
        "heldout35.toml",
        include_str!("eval/heldout35.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-04, on the pack as shipped (85ff52bd): 135 found, 1 flagged; the candidate
            // of docs/EVALUATION.md, "Menace and advances", was not shipped
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 140 found, 1 flagged;
            // commercial 0.9 -> 0.8, credit 0.45 -> 0.5, location 0.55 -> 0.6,
            // patient-data 0.6 -> 0.65
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 144 found, 1 flagged;
            // commercial 0.8 -> 0.85, credit 0.5 -> 0.55, patient-data 0.65 -> 0.7,
            // safeguarding 0.5 -> 0.55
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 148 found, 2 flagged;
            // commercial 0.85 -> 0.95, confidential 0.9 -> 0.95, personal-data 0.8 ->
            // 0.85; flagged 1 -> 2
            recall: &[
                ("commercial", 0.95),
                ("conduct", 0.7),
                ("confidential", 0.95),
                ("credit", 0.55),
                ("links", 0.75),
                ("location", 0.6),
                ("patient-data", 0.7),
                ("personal-data", 0.85),
                ("political", 0.8),
                ("safeguarding", 0.55),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 2 -> 1 flagged
            max_flagged: 1,
        },
    );
}

#[test]
fn issue10_thirty_sixth_heldout_regression_floors() {
    blind(
        "heldout36.toml",
        include_str!("eval/heldout36.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-04, on the pack as shipped (85ff52bd): 137 found, 10 flagged; the candidate
            // of docs/EVALUATION.md, "Menace and advances", was not shipped
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 135 found, 9 flagged;
            // commercial 0.85 -> 0.65, location 0.65 -> 0.6, political 0.7 -> 0.75,
            // safeguarding 0.55 -> 0.5; flagged 10 -> 9
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 137 found, 9 flagged;
            // commercial 0.65 -> 0.7, patient-data 0.65 -> 0.7
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 145 found, 8 flagged;
            // commercial 0.7 -> 0.9, confidential 0.75 -> 0.8, credit 0.55 -> 0.6,
            // political 0.75 -> 0.85; flagged 9 -> 8
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.55),
                ("confidential", 0.8),
                ("credit", 0.6),
                ("links", 0.85),
                ("location", 0.6),
                ("patient-data", 0.7),
                ("personal-data", 0.9),
                ("political", 0.85),
                ("safeguarding", 0.5),
            ],
            // 2026-12-05, context words as nouns (shipped): 8 -> 7 flagged
            // 2026-12-05, the thirty-fifth session's changes (shipped): 7 -> 6 flagged
            max_flagged: 6,
        },
    );
}

#[test]
fn issue10_thirty_seventh_heldout_regression_floors() {
    blind(
        "heldout37.toml",
        include_str!("eval/heldout37.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-04, on the pack as shipped (85ff52bd): 145 found, 8 flagged; the candidate
            // of docs/EVALUATION.md, "Menace and advances", was not shipped
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 148 found, 8 flagged;
            // commercial 0.75 -> 0.65, credit 0.8 -> 0.75, location 0.65 -> 0.6,
            // political 0.8 -> 0.75, safeguarding 0.45 -> 0.4
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 150 found, 8 flagged;
            // credit 0.75 -> 0.8, safeguarding 0.4 -> 0.45
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 155 found, 7 flagged;
            // commercial 0.65 -> 0.8, personal-data 0.9 -> 0.85, political 0.75 -> 0.9;
            // flagged 8 -> 7
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.75),
                ("confidential", 1.0),
                ("credit", 0.8),
                ("links", 0.8),
                ("location", 0.6),
                ("patient-data", 0.8),
                ("personal-data", 0.85),
                ("political", 0.9),
                ("safeguarding", 0.45),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 7 -> 5 flagged
            // 2026-12-05, the learned heads stand down on warnings, safe handling and consent (shipped): 5 -> 4 flagged
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_thirty_eighth_heldout_regression_floors() {
    blind(
        "heldout38.toml",
        include_str!("eval/heldout38.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-04, on the pack as shipped (85ff52bd): 140 found, 4 flagged; the candidate
            // of docs/EVALUATION.md, "Menace and advances", was not shipped
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 150 found, 5 flagged;
            // confidential 0.75 -> 0.8, credit 0.7 -> 0.8, patient-data 0.8 -> 0.7,
            // safeguarding 0.55 -> 0.6; flagged 4 -> 5
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 151 found, 5 flagged;
            // safeguarding 0.6 -> 0.65
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 154 found, 4 flagged;
            // commercial 0.8 -> 0.9, confidential 0.8 -> 0.75, location 0.65 -> 0.6,
            // patient-data 0.7 -> 0.75, personal-data 0.85 -> 0.9, political 0.7 ->
            // 0.8, safeguarding 0.65 -> 0.6; flagged 5 -> 4
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.85),
                ("confidential", 0.75),
                ("credit", 0.8),
                ("links", 0.75),
                ("location", 0.6),
                ("patient-data", 0.75),
                ("personal-data", 0.9),
                ("political", 0.8),
                ("safeguarding", 0.6),
            ],
            // 2026-12-05, context words as nouns (shipped): 4 -> 3 flagged
            max_flagged: 3,
        },
    );
}

#[test]
fn issue10_deep_on_the_thirty_fifth_and_thirty_sixth_heldout_sets() {
    let sets: [(&str, &str, Floors); 2] = [
        (
            "heldout35.toml",
            include_str!("eval/heldout35.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-04: 158 found, 3 flagged as shipped (85ff52bd)
                // 2026-12-05, moved to the figures of the compositions and the tenth round
                // (shipped by their pooled reading, docs/EVALUATION.md): 161 found, 2 flagged;
                // flagged 3 -> 2
                // 2026-12-05, moved to the figures of the policy heads beside their signals
                // (shipped by their pooled reading, docs/EVALUATION.md): 162 found, 2 flagged;
                // patient-data 0.75 -> 0.8
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.85),
                    ("confidential", 0.95),
                    ("credit", 0.8),
                    ("links", 0.8),
                    ("location", 0.7),
                    ("patient-data", 0.8),
                    ("personal-data", 0.85),
                    ("political", 0.75),
                    ("safeguarding", 0.65),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 2 -> 1 flagged with --deep
                max_flagged: 1,
            },
        ),
        (
            "heldout36.toml",
            include_str!("eval/heldout36.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-04: 155 found, 11 flagged as shipped (85ff52bd)
                // 2026-12-05, moved to the figures of the compositions and the tenth round
                // (shipped by their pooled reading, docs/EVALUATION.md): 162 found, 10 flagged;
                // confidential 0.85 -> 0.9; flagged 11 -> 10
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 164 found, 9 flagged;
                // political 0.8 -> 0.9; flagged 10 -> 9
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.85),
                    ("confidential", 0.9),
                    ("credit", 0.8),
                    ("links", 0.9),
                    ("location", 0.8),
                    ("patient-data", 0.75),
                    ("personal-data", 0.85),
                    ("political", 0.9),
                    ("safeguarding", 0.6),
                ],
                // 2026-12-05, context words as nouns (shipped): 9 -> 8 flagged with --deep
                // 2026-12-05, the thirty-fifth session's changes (shipped): 8 -> 7 flagged with --deep
                max_flagged: 7,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_deep_on_the_thirty_seventh_and_thirty_eighth_heldout_sets() {
    let sets: [(&str, &str, Floors); 2] = [
        (
            "heldout37.toml",
            include_str!("eval/heldout37.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-04: 166 found, 8 flagged as shipped (85ff52bd)
                // 2026-12-05, moved to the figures of the compositions and the tenth round
                // (shipped by their pooled reading, docs/EVALUATION.md): 174 found, 8 flagged;
                // location 0.6 -> 0.7, patient-data 0.9 -> 0.85, safeguarding 0.7 ->
                // 0.75
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 176 found, 7 flagged;
                // patient-data 0.85 -> 0.9, political 0.85 -> 0.9; flagged 8 -> 7
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.8),
                    ("confidential", 1.0),
                    ("credit", 0.95),
                    ("links", 1.0),
                    ("location", 0.7),
                    ("patient-data", 0.9),
                    ("personal-data", 0.9),
                    ("political", 0.9),
                    ("safeguarding", 0.75),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 7 -> 5 flagged with --deep
                max_flagged: 5,
            },
        ),
        (
            "heldout38.toml",
            include_str!("eval/heldout38.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-04: 162 found, 4 flagged as shipped (85ff52bd)
                // 2026-12-05, moved to the figures of the compositions and the tenth round
                // (shipped by their pooled reading, docs/EVALUATION.md): 164 found, 3 flagged;
                // patient-data 0.85 -> 0.8, safeguarding 0.55 -> 0.6; flagged 4 -> 3
                // 2026-12-05, moved to the figures of the policy heads beside their signals
                // (shipped by their pooled reading, docs/EVALUATION.md): 165 found, 3 flagged;
                // safeguarding 0.6 -> 0.65
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 167 found, 3 flagged;
                // confidential 0.9 -> 0.95, personal-data 0.85 -> 0.9, political 0.85
                // -> 0.9, safeguarding 0.65 -> 0.6
                recall: &[
                    ("commercial", 1.0),
                    ("conduct", 0.8),
                    ("confidential", 0.95),
                    ("credit", 0.8),
                    ("links", 0.9),
                    ("location", 0.7),
                    ("patient-data", 0.8),
                    ("personal-data", 0.9),
                    ("political", 0.9),
                    ("safeguarding", 0.6),
                ],
                // 2026-12-05, context words as nouns (shipped): 3 -> 2 flagged with --deep
                max_flagged: 2,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_thirty_ninth_heldout_regression_floors() {
    blind(
        "heldout39.toml",
        include_str!("eval/heldout39.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-04: 140 found, 3 flagged as shipped
            // (846ea23a); with the abuse model on posts nobody is addressed
            // in (docs/EVALUATION.md), 142 and 3
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 147 found, 3 flagged;
            // commercial 0.95 -> 0.9, credit 0.6 -> 0.65, patient-data 0.7 -> 0.8
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 149 found, 3 flagged;
            // safeguarding 0.45 -> 0.55
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 150 found, 3 flagged;
            // commercial 0.9 -> 0.95, credit 0.65 -> 0.6, personal-data 0.85 -> 0.8,
            // political 0.75 -> 0.9, safeguarding 0.55 -> 0.5
            recall: &[
                ("commercial", 0.95),
                ("conduct", 0.5),
                ("confidential", 0.95),
                ("credit", 0.6),
                ("links", 0.85),
                ("location", 0.65),
                ("patient-data", 0.8),
                ("personal-data", 0.8),
                ("political", 0.9),
                ("safeguarding", 0.5),
            ],
            max_flagged: 3,
        },
    );
}

#[test]
fn issue10_fortieth_heldout_regression_floors() {
    blind(
        "heldout40.toml",
        include_str!("eval/heldout40.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-04: 145 found, 7 flagged as shipped
            // (846ea23a); with the abuse model on posts nobody is addressed
            // in (docs/EVALUATION.md), 146 and 7
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 158 found, 10 flagged;
            // commercial 0.75 -> 0.8, credit 0.7 -> 0.75, patient-data 0.7 -> 0.9,
            // political 0.8 -> 0.85, safeguarding 0.6 -> 0.65; flagged 7 -> 10
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 158 found, 8 flagged;
            // commercial 0.8 -> 0.85, patient-data 0.9 -> 0.85, personal-data 0.85 ->
            // 0.8, political 0.85 -> 0.9; flagged 10 -> 8
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.7),
                ("confidential", 0.85),
                ("credit", 0.75),
                ("links", 0.8),
                ("location", 0.75),
                ("patient-data", 0.85),
                ("personal-data", 0.8),
                ("political", 0.9),
                ("safeguarding", 0.65),
            ],
            // 2026-12-05 (thirty-seventh session): flagged +1, known before
            // the reading of heldout157-160 (docs/EVALUATION.md, "A person's care
            // read out from the record"): patient.record-read-out reads a
            // letter's date from the record as the record read out
            max_flagged: 9,
        },
    );
}

#[test]
fn issue10_deep_on_the_thirty_ninth_and_fortieth_heldout_sets() {
    let sets: [(&str, &str, Floors); 2] = [
        (
            "heldout39.toml",
            include_str!("eval/heldout39.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-04: 158 found, 3 flagged as shipped
                // (846ea23a); with the abuse model on posts, 162 and 3
                // 2026-12-05, moved to the figures of the compositions and the tenth round
                // (shipped by their pooled reading, docs/EVALUATION.md): 165 found, 3 flagged;
                // patient-data 0.85 -> 0.9
                // 2026-12-05, moved to the figures of the policy heads beside their signals
                // (shipped by their pooled reading, docs/EVALUATION.md): 166 found, 3 flagged;
                // safeguarding 0.55 -> 0.6
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 166 found, 3 flagged;
                // political 0.85 -> 0.9, safeguarding 0.6 -> 0.55
                recall: &[
                    ("commercial", 1.0),
                    ("conduct", 0.55),
                    ("confidential", 0.95),
                    ("credit", 0.85),
                    ("links", 0.9),
                    ("location", 0.8),
                    ("patient-data", 0.9),
                    ("personal-data", 0.9),
                    ("political", 0.9),
                    ("safeguarding", 0.55),
                ],
                max_flagged: 3,
            },
        ),
        (
            "heldout40.toml",
            include_str!("eval/heldout40.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-04: 169 found, 9 flagged as shipped
                // (846ea23a); with the abuse model on posts, 170 and 9
                // 2026-12-05, moved to the figures of the compositions and the tenth round
                // (shipped by their pooled reading, docs/EVALUATION.md): 173 found, 10 flagged;
                // location 0.9 -> 0.85, patient-data 0.9 -> 1.0, political 0.9 -> 0.85;
                // flagged 9 -> 10
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 172 found, 9 flagged;
                // commercial 1.0 -> 0.95, patient-data 1.0 -> 0.95, political 0.85 ->
                // 0.9; flagged 10 -> 9
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.75),
                    ("confidential", 0.85),
                    ("credit", 0.85),
                    ("links", 0.9),
                    ("location", 0.85),
                    ("patient-data", 0.95),
                    ("personal-data", 0.85),
                    ("political", 0.9),
                    ("safeguarding", 0.75),
                ],
                // 2026-12-05 (thirty-seventh session): flagged +1, known before
                // the reading of heldout157-160 (docs/EVALUATION.md, "A person's care
                // read out from the record"): patient.record-read-out reads a
                // letter's date from the record as the record read out
                max_flagged: 10,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_forty_first_heldout_regression_floors() {
    blind(
        "heldout41.toml",
        include_str!("eval/heldout41.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-04: 141 found, 6 flagged as shipped
            // (cf6aa8c6); with the abuse model retrained on NHS conduct
            // (docs/EVALUATION.md), 147 and 6
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 151 found, 4 flagged;
            // credit 0.55 -> 0.7, location 0.75 -> 0.85, safeguarding 0.5 -> 0.45;
            // flagged 6 -> 4
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 158 found, 4 flagged;
            // credit 0.7 -> 0.75, patient-data 0.6 -> 0.8, safeguarding 0.45 -> 0.55
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 160 found, 4 flagged;
            // commercial 0.85 -> 0.95, confidential 0.8 -> 0.85, patient-data 0.8 ->
            // 0.75
            recall: &[
                ("commercial", 0.95),
                ("conduct", 0.75),
                ("confidential", 0.85),
                ("credit", 0.75),
                ("links", 0.75),
                ("location", 0.85),
                ("patient-data", 0.75),
                ("personal-data", 0.9),
                ("political", 0.9),
                ("safeguarding", 0.55),
            ],
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_forty_second_heldout_regression_floors() {
    blind(
        "heldout42.toml",
        include_str!("eval/heldout42.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-04: 147 found, 6 flagged as shipped
            // (cf6aa8c6); with the abuse model retrained on NHS conduct
            // (docs/EVALUATION.md), 150 and 6
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 152 found, 6 flagged;
            // location 0.7 -> 0.65, patient-data 0.55 -> 0.65, personal-data 0.95 ->
            // 0.9, safeguarding 0.6 -> 0.7
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 158 found, 6 flagged;
            // credit 0.55 -> 0.7, location 0.65 -> 0.7, patient-data 0.65 -> 0.7,
            // political 0.7 -> 0.75
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 153 found, 4 flagged;
            // commercial 1.0 -> 0.9, credit 0.7 -> 0.65, personal-data 0.9 -> 0.85,
            // political 0.75 -> 0.7; flagged 6 -> 4
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.7),
                ("confidential", 0.9),
                ("credit", 0.65),
                ("links", 0.85),
                ("location", 0.7),
                ("patient-data", 0.7),
                ("personal-data", 0.85),
                ("political", 0.7),
                ("safeguarding", 0.7),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 4 -> 3 flagged
            max_flagged: 3,
        },
    );
}

#[test]
fn issue10_deep_on_the_forty_first_and_forty_second_heldout_sets() {
    let sets: [(&str, &str, Floors); 2] = [
        (
            "heldout41.toml",
            include_str!("eval/heldout41.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-04: 166 found, 5 flagged as shipped
                // (cf6aa8c6); with the retrained abuse model, 168 and 5
                // 2026-12-05, moved to the figures of the compositions and the tenth round
                // (shipped by their pooled reading, docs/EVALUATION.md): 168 found, 4 flagged;
                // commercial 0.95 -> 1.0, credit 0.75 -> 0.8, personal-data 0.95 ->
                // 0.9, safeguarding 0.7 -> 0.65; flagged 5 -> 4
                // 2026-12-05, moved to the figures of the policy heads beside their signals
                // (shipped by their pooled reading, docs/EVALUATION.md): 170 found, 4 flagged;
                // patient-data 0.75 -> 0.85
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 171 found, 4 flagged;
                // credit 0.8 -> 0.85, patient-data 0.85 -> 0.8, personal-data 0.9 ->
                // 0.95
                recall: &[
                    ("commercial", 1.0),
                    ("conduct", 0.75),
                    ("confidential", 0.9),
                    ("credit", 0.85),
                    ("links", 0.8),
                    ("location", 0.95),
                    ("patient-data", 0.8),
                    ("personal-data", 0.95),
                    ("political", 0.9),
                    ("safeguarding", 0.65),
                ],
                max_flagged: 4,
            },
        ),
        (
            "heldout42.toml",
            include_str!("eval/heldout42.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-04: 168 found, 9 flagged as shipped
                // (cf6aa8c6); with the retrained abuse model, 169 and 9
                // 2026-12-05, moved to the figures of the compositions and the tenth round
                // (shipped by their pooled reading, docs/EVALUATION.md): 172 found, 10 flagged;
                // credit 0.8 -> 0.9, political 0.75 -> 0.8; flagged 9 -> 10
                // 2026-12-05, moved to the figures of the policy heads beside their signals
                // (shipped by their pooled reading, docs/EVALUATION.md): 173 found, 10 flagged;
                // credit 0.9 -> 0.95
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 170 found, 8 flagged;
                // commercial 1.0 -> 0.95, credit 0.95 -> 0.9, personal-data 0.95 ->
                // 0.9; flagged 10 -> 8
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.85),
                    ("confidential", 0.9),
                    ("credit", 0.9),
                    ("links", 1.0),
                    ("location", 0.75),
                    ("patient-data", 0.75),
                    ("personal-data", 0.9),
                    ("political", 0.8),
                    ("safeguarding", 0.7),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 8 -> 7 flagged with --deep
                max_flagged: 7,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_forty_third_heldout_regression_floors() {
    blind(
        "heldout43.toml",
        include_str!("eval/heldout43.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-04: 138 found, 6 flagged as shipped
            // (38cd5f47); the candidate "patients by their bed, work taken
            // from someone, …" (docs/EVALUATION.md, not shipped) 140 and 6
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 144 found, 7 flagged;
            // confidential 0.75 -> 0.8, credit 0.5 -> 0.6, patient-data 0.65 -> 0.7,
            // safeguarding 0.5 -> 0.6; flagged 6 -> 7
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 146 found, 7 flagged;
            // credit 0.6 -> 0.65, location 0.6 -> 0.65
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 153 found, 7 flagged;
            // commercial 0.75 -> 0.9, credit 0.65 -> 0.6, location 0.65 -> 0.75,
            // personal-data 0.8 -> 0.9, political 0.8 -> 0.85
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.75),
                ("confidential", 0.8),
                ("credit", 0.6),
                ("links", 0.8),
                ("location", 0.75),
                ("patient-data", 0.7),
                ("personal-data", 0.9),
                ("political", 0.85),
                ("safeguarding", 0.6),
            ],
            // 2026-12-05, context words as nouns (shipped): 7 -> 5 flagged
            // 2026-12-05, promotions, warnings and service addresses (shipped): 5 -> 4 flagged
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_forty_fourth_heldout_regression_floors() {
    blind(
        "heldout44.toml",
        include_str!("eval/heldout44.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-04: 148 found, 11 flagged as shipped
            // (38cd5f47); the candidate "patients by their bed, work taken
            // from someone, …" (docs/EVALUATION.md, not shipped) 148 and 11
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 154 found, 10 flagged;
            // credit 0.75 -> 0.8, location 0.6 -> 0.65, patient-data 0.7 -> 0.75,
            // safeguarding 0.5 -> 0.65; flagged 11 -> 10
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 155 found, 10 flagged;
            // patient-data 0.75 -> 0.8
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 160 found, 7 flagged;
            // commercial 0.75 -> 0.8, confidential 0.65 -> 0.8, location 0.65 -> 0.7;
            // flagged 10 -> 7
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.9),
                ("confidential", 0.8),
                ("credit", 0.8),
                ("links", 0.8),
                ("location", 0.7),
                ("patient-data", 0.8),
                ("personal-data", 0.95),
                ("political", 0.8),
                ("safeguarding", 0.65),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 7 -> 5 flagged
            max_flagged: 5,
        },
    );
}

#[test]
fn issue10_deep_on_the_forty_third_and_forty_fourth_heldout_sets() {
    let sets: [(&str, &str, Floors); 2] = [
        (
            "heldout43.toml",
            include_str!("eval/heldout43.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-04: 163 found, 6 flagged as shipped
                // (38cd5f47); the candidate (not shipped) 164 and 6
                // 2026-12-05, moved to the figures of the compositions and the tenth round
                // (shipped by their pooled reading, docs/EVALUATION.md): 166 found, 6 flagged;
                // credit 0.65 -> 0.7, location 0.75 -> 0.8, safeguarding 0.6 -> 0.65
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 168 found, 6 flagged;
                // commercial 0.95 -> 1.0, location 0.8 -> 0.85
                recall: &[
                    ("commercial", 1.0),
                    ("conduct", 0.85),
                    ("confidential", 0.9),
                    ("credit", 0.7),
                    ("links", 0.85),
                    ("location", 0.85),
                    ("patient-data", 0.8),
                    ("personal-data", 0.9),
                    ("political", 0.9),
                    ("safeguarding", 0.65),
                ],
                // 2026-12-05, context words as nouns (shipped): 6 -> 4 flagged with --deep
                // 2026-12-05, promotions, warnings and service addresses (shipped): 4 -> 3 flagged with --deep
                max_flagged: 3,
            },
        ),
        (
            "heldout44.toml",
            include_str!("eval/heldout44.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-04: 165 found, 13 flagged as shipped
                // (38cd5f47); the candidate (not shipped) 165 and 13
                // 2026-12-05, moved to the figures of the compositions and the tenth round
                // (shipped by their pooled reading, docs/EVALUATION.md): 166 found, 13 flagged;
                // political 0.95 -> 0.9, safeguarding 0.55 -> 0.65
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 167 found, 8 flagged;
                // political 0.9 -> 0.95; flagged 13 -> 8
                recall: &[
                    ("commercial", 0.8),
                    ("conduct", 0.85),
                    ("confidential", 0.8),
                    ("credit", 0.9),
                    ("links", 0.85),
                    ("location", 0.65),
                    ("patient-data", 0.95),
                    ("personal-data", 0.95),
                    ("political", 0.95),
                    ("safeguarding", 0.65),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 8 -> 6 flagged with --deep
                max_flagged: 6,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_forty_fifth_heldout_regression_floors() {
    blind(
        "heldout45.toml",
        include_str!("eval/heldout45.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05: 145 found, 4 flagged as shipped
            // (7d3cd18f); the candidate of the second reading
            // (docs/EVALUATION.md, not shipped) 145 and 4
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 149 found, 3 flagged;
            // commercial 0.75 -> 0.7, credit 0.55 -> 0.7, location 0.65 -> 0.6,
            // patient-data 0.7 -> 0.85; flagged 4 -> 3
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 150 found, 3 flagged;
            // patient-data 0.85 -> 0.9
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 151 found, 3 flagged;
            // commercial 0.7 -> 0.8, confidential 0.95 -> 0.9
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.75),
                ("confidential", 0.9),
                ("credit", 0.7),
                ("links", 0.7),
                ("location", 0.6),
                ("patient-data", 0.9),
                ("personal-data", 0.75),
                ("political", 0.95),
                ("safeguarding", 0.5),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 3 -> 2 flagged
            max_flagged: 2,
        },
    );
}

#[test]
fn issue10_forty_sixth_heldout_regression_floors() {
    blind(
        "heldout46.toml",
        include_str!("eval/heldout46.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05: 143 found, 10 flagged as shipped
            // (7d3cd18f); the candidate of the second reading
            // (docs/EVALUATION.md, not shipped) 144 and 10
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 143 found, 10 flagged;
            // credit 0.55 -> 0.7, location 0.75 -> 0.6
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 145 found, 10 flagged;
            // credit 0.7 -> 0.75, location 0.6 -> 0.65
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 149 found, 7 flagged;
            // commercial 0.5 -> 0.75, credit 0.75 -> 0.65, personal-data 0.65 -> 0.7;
            // flagged 10 -> 7
            recall: &[
                ("commercial", 0.75),
                ("conduct", 0.9),
                ("confidential", 0.9),
                ("credit", 0.65),
                ("links", 0.85),
                ("location", 0.65),
                ("patient-data", 0.7),
                ("personal-data", 0.7),
                ("political", 0.8),
                ("safeguarding", 0.55),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 7 -> 5 flagged
            // 2026-12-05, names beside consent, simulations, figures, places (shipped): 5 -> 3 flagged
            max_flagged: 3,
        },
    );
}

#[test]
fn issue10_deep_on_the_forty_fifth_and_forty_sixth_heldout_sets() {
    let sets: [(&str, &str, Floors); 2] = [
        (
            "heldout45.toml",
            include_str!("eval/heldout45.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 166 found, 10 flagged as shipped
                // (7d3cd18f); the candidate (not shipped) 166 and 10
                // 2026-12-05, moved to the figures of the compositions and the tenth round
                // (shipped by their pooled reading, docs/EVALUATION.md): 167 found, 7 flagged;
                // location 0.85 -> 0.8, patient-data 0.9 -> 0.95, safeguarding 0.5 ->
                // 0.55; flagged 10 -> 7
                // 2026-12-05, moved to the figures of the policy heads beside their signals
                // (shipped by their pooled reading, docs/EVALUATION.md): 168 found, 7 flagged;
                // patient-data 0.95 -> 1.0
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 168 found, 6 flagged;
                // confidential 0.95 -> 0.9, personal-data 0.8 -> 0.85; flagged 7 -> 6
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.85),
                    ("confidential", 0.9),
                    ("credit", 0.85),
                    ("links", 0.8),
                    ("location", 0.8),
                    ("patient-data", 1.0),
                    ("personal-data", 0.85),
                    ("political", 0.9),
                    ("safeguarding", 0.55),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 6 -> 5 flagged with --deep
                max_flagged: 5,
            },
        ),
        (
            "heldout46.toml",
            include_str!("eval/heldout46.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 168 found, 12 flagged as shipped
                // (7d3cd18f); the candidate (not shipped) 169 and 12
                // 2026-12-05, moved to the figures of the compositions and the tenth round
                // (shipped by their pooled reading, docs/EVALUATION.md): 172 found, 13 flagged;
                // credit 0.8 -> 0.9, patient-data 0.85 -> 0.9, safeguarding 0.65 ->
                // 0.7; flagged 12 -> 13
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 172 found, 10 flagged;
                // commercial 0.85 -> 0.9, credit 0.9 -> 0.85, personal-data 0.7 ->
                // 0.75, safeguarding 0.7 -> 0.65; flagged 13 -> 10
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.95),
                    ("confidential", 0.95),
                    ("credit", 0.85),
                    ("links", 0.95),
                    ("location", 0.85),
                    ("patient-data", 0.9),
                    ("personal-data", 0.75),
                    ("political", 0.85),
                    ("safeguarding", 0.65),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 10 -> 8 flagged with --deep
                // 2026-12-05, names beside consent, simulations, figures, places (shipped): 8 -> 6 flagged with --deep
                max_flagged: 6,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_forty_seventh_heldout_regression_floors() {
    blind(
        "heldout47.toml",
        include_str!("eval/heldout47.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05: 150 found, 18 flagged as shipped
            // (2eced06b); the policy model with round 10
            // (docs/EVALUATION.md, not shipped) 144 and 18
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 147 found, 18 flagged;
            // commercial 1.0 -> 0.85, confidential 0.85 -> 0.8, credit 0.6 -> 0.7,
            // location 0.65 -> 0.5, patient-data 0.65 -> 0.75
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 153 found, 18 flagged;
            // commercial 0.85 -> 0.95, credit 0.7 -> 0.75, location 0.5 -> 0.6,
            // patient-data 0.75 -> 0.8
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 155 found, 17 flagged;
            // commercial 0.95 -> 1.0, confidential 0.8 -> 0.85; flagged 18 -> 17
            recall: &[
                ("commercial", 1.0),
                ("conduct", 0.6),
                ("confidential", 0.85),
                ("credit", 0.75),
                ("links", 0.8),
                ("location", 0.6),
                ("patient-data", 0.8),
                ("personal-data", 0.85),
                ("political", 1.0),
                ("safeguarding", 0.5),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 17 -> 14 flagged
            max_flagged: 14,
        },
    );
}

#[test]
fn issue10_forty_eighth_heldout_regression_floors() {
    blind(
        "heldout48.toml",
        include_str!("eval/heldout48.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05: 140 found, 7 flagged as shipped
            // (2eced06b); the policy model with round 10
            // (docs/EVALUATION.md, not shipped) 139 and 7
            // 2026-12-05, moved to the figures of the compositions and the tenth round
            // (shipped by their pooled reading, docs/EVALUATION.md): 142 found, 7 flagged;
            // credit 0.6 -> 0.75, location 0.7 -> 0.65, patient-data 0.65 -> 0.7,
            // political 0.65 -> 0.6
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 146 found, 8 flagged;
            // credit 0.75 -> 0.8, patient-data 0.7 -> 0.75, safeguarding 0.35 -> 0.45;
            // flagged 7 -> 8
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 149 found, 3 flagged;
            // commercial 0.8 -> 0.85, personal-data 0.75 -> 0.8, political 0.6 -> 0.65;
            // flagged 8 -> 3
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.7),
                ("confidential", 0.9),
                ("credit", 0.8),
                ("links", 0.9),
                ("location", 0.65),
                ("patient-data", 0.75),
                ("personal-data", 0.8),
                ("political", 0.65),
                ("safeguarding", 0.45),
            ],
            // 2026-12-05, the thirty-fifth session's changes (shipped): 3 -> 2 flagged
            max_flagged: 2,
        },
    );
}

#[test]
fn issue10_deep_on_the_forty_seventh_and_forty_eighth_heldout_sets() {
    let sets: [(&str, &str, Floors); 2] = [
        (
            "heldout47.toml",
            include_str!("eval/heldout47.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 170 found, 20 flagged as shipped
                // (2eced06b); the candidate (not shipped) 171 and 20
                // 2026-12-05, moved to the figures of the compositions and the tenth round
                // (shipped by their pooled reading, docs/EVALUATION.md): 173 found, 20 flagged;
                // credit 0.9 -> 0.95, location 0.7 -> 0.75, patient-data 0.75 -> 0.85,
                // personal-data 0.9 -> 0.85
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 175 found, 17 flagged;
                // confidential 0.9 -> 0.95, personal-data 0.85 -> 0.9; flagged 20 -> 17
                recall: &[
                    ("commercial", 1.0),
                    ("conduct", 0.8),
                    ("confidential", 0.95),
                    ("credit", 0.95),
                    ("links", 1.0),
                    ("location", 0.75),
                    ("patient-data", 0.85),
                    ("personal-data", 0.9),
                    ("political", 0.9),
                    ("safeguarding", 0.65),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 17 -> 14 flagged with --deep
                max_flagged: 14,
            },
        ),
        (
            "heldout48.toml",
            include_str!("eval/heldout48.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 164 found, 10 flagged as shipped
                // (2eced06b); the candidate (not shipped) 162 and 10
                // 2026-12-05, moved to the figures of the compositions and the tenth round
                // (shipped by their pooled reading, docs/EVALUATION.md): 163 found, 10 flagged;
                // location 0.8 -> 0.7, patient-data 0.8 -> 0.85
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 165 found, 6 flagged;
                // location 0.7 -> 0.75, personal-data 0.8 -> 0.85; flagged 10 -> 6
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.85),
                    ("confidential", 1.0),
                    ("credit", 0.9),
                    ("links", 0.95),
                    ("location", 0.75),
                    ("patient-data", 0.85),
                    ("personal-data", 0.85),
                    ("political", 0.75),
                    ("safeguarding", 0.5),
                ],
                // 2026-12-05, the thirty-fifth session's changes (shipped): 6 -> 5 flagged with --deep
                max_flagged: 5,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_forty_ninth_heldout_regression_floors() {
    blind(
        "heldout49.toml",
        include_str!("eval/heldout49.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirtieth session), pooled with three
            // other sets: 147 found, 7 flagged on arrival (4dbb3be2); the
            // compositions and the tenth round (docs/EVALUATION.md,
            // shipped) 145 and 7
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 147 found, 7 flagged;
            // credit 0.6 -> 0.65, patient-data 0.5 -> 0.55
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 152 found, 2 flagged;
            // commercial 0.85 -> 0.95, confidential 0.95 -> 0.9, credit 0.65 -> 0.7,
            // political 0.7 -> 0.85; flagged 7 -> 2
            recall: &[
                ("commercial", 0.95),
                ("conduct", 0.9),
                ("confidential", 0.9),
                ("credit", 0.7),
                ("links", 0.8),
                ("location", 0.55),
                ("patient-data", 0.55),
                ("personal-data", 0.85),
                ("political", 0.85),
                ("safeguarding", 0.55),
            ],
            // raised 2026-12-05 from 2 by check-ins and pins (shipped; docs/EVALUATION.md)
            max_flagged: 3,
        },
    );
}

#[test]
fn issue10_fiftieth_heldout_regression_floors() {
    blind(
        "heldout50.toml",
        include_str!("eval/heldout50.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirtieth session), pooled with three
            // other sets: 152 found, 4 flagged on arrival (4dbb3be2); the
            // compositions and the tenth round (docs/EVALUATION.md,
            // shipped) 158 and 5
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 159 found, 5 flagged;
            // safeguarding 0.65 -> 0.7
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 159 found, 5 flagged;
            // commercial 0.85 -> 0.9, confidential 0.95 -> 0.9
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.9),
                ("confidential", 0.9),
                ("credit", 0.5),
                ("links", 0.85),
                ("location", 0.55),
                ("patient-data", 0.8),
                ("personal-data", 0.85),
                ("political", 1.0),
                ("safeguarding", 0.7),
            ],
            max_flagged: 5,
        },
    );
}

#[test]
fn issue10_fifty_first_heldout_regression_floors() {
    blind(
        "heldout51.toml",
        include_str!("eval/heldout51.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirtieth session), pooled with three
            // other sets: 145 found, 8 flagged on arrival (4dbb3be2); the
            // compositions and the tenth round (docs/EVALUATION.md,
            // shipped) 149 and 8
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 151 found, 8 flagged;
            // credit 0.7 -> 0.75, patient-data 0.8 -> 0.85
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 151 found, 7 flagged;
            // patient-data 0.85 -> 0.9, political 0.95 -> 0.9; flagged 8 -> 7
            recall: &[
                ("commercial", 0.75),
                ("conduct", 0.75),
                ("confidential", 0.9),
                ("credit", 0.75),
                ("links", 0.6),
                ("location", 0.6),
                ("patient-data", 0.9),
                ("personal-data", 0.9),
                ("political", 0.9),
                ("safeguarding", 0.5),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 7 -> 5 flagged
            max_flagged: 5,
        },
    );
}

#[test]
fn issue10_fifty_second_heldout_regression_floors() {
    blind(
        "heldout52.toml",
        include_str!("eval/heldout52.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirtieth session), pooled with three
            // other sets: 140 found, 9 flagged on arrival (4dbb3be2); the
            // compositions and the tenth round (docs/EVALUATION.md,
            // shipped) 142 and 8
            // 2026-12-05, moved to the figures of the policy heads beside their signals
            // (shipped by their pooled reading, docs/EVALUATION.md): 145 found, 8 flagged;
            // credit 0.75 -> 0.8, location 0.65 -> 0.7, patient-data 0.45 -> 0.5
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 147 found, 5 flagged;
            // commercial 0.75 -> 0.7, confidential 0.75 -> 0.8, credit 0.8 -> 0.75,
            // location 0.7 -> 0.65, patient-data 0.5 -> 0.6, personal-data 0.85 -> 0.9,
            // safeguarding 0.5 -> 0.55; flagged 8 -> 5
            recall: &[
                ("commercial", 0.7),
                ("conduct", 0.8),
                ("confidential", 0.8),
                ("credit", 0.75),
                ("links", 0.7),
                ("location", 0.65),
                ("patient-data", 0.6),
                ("personal-data", 0.9),
                ("political", 0.9),
                // 2026-12-05, names beside consent, simulations, figures, places
                // (shipped): safeguarding 0.55 -> 0.5, a child named only through "Mrs Finch's Year 2", which the validator no longer reads as a name
                ("safeguarding", 0.5),
            ],
            max_flagged: 5,
        },
    );
}

#[test]
fn issue10_deep_on_the_forty_ninth_to_fifty_second_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout49.toml",
            include_str!("eval/heldout49.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 165 found, 7 flagged on arrival;
                // as shipped (the compositions and the tenth round) 164 and 6
                // 2026-12-05, moved to the figures of the policy heads beside their signals
                // (shipped by their pooled reading, docs/EVALUATION.md): 165 found, 6 flagged;
                // patient-data 0.65 -> 0.7
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 168 found, 2 flagged;
                // commercial 0.9 -> 1.0, personal-data 0.9 -> 0.95; flagged 6 -> 2
                recall: &[
                    ("commercial", 1.0),
                    ("conduct", 0.95),
                    ("confidential", 0.95),
                    ("credit", 1.0),
                    ("links", 0.85),
                    ("location", 0.5),
                    ("patient-data", 0.7),
                    ("personal-data", 0.95),
                    ("political", 0.8),
                    ("safeguarding", 0.7),
                ],
                // raised 2026-12-05 from 2 by check-ins and pins (shipped; docs/EVALUATION.md)
                max_flagged: 3,
            },
        ),
        (
            "heldout50.toml",
            include_str!("eval/heldout50.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 171 found, 6 flagged on arrival;
                // as shipped (the compositions and the tenth round) 174 and 7
                // 2026-12-05, moved to the figures of the policy heads beside their signals
                // (shipped by their pooled reading, docs/EVALUATION.md): 175 found, 7 flagged;
                // safeguarding 0.75 -> 0.8
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 174 found, 7 flagged;
                // confidential 1.0 -> 0.95
                recall: &[
                    ("commercial", 1.0),
                    ("conduct", 0.9),
                    ("confidential", 0.95),
                    ("credit", 0.75),
                    ("links", 0.9),
                    ("location", 0.65),
                    ("patient-data", 0.85),
                    ("personal-data", 0.9),
                    ("political", 1.0),
                    ("safeguarding", 0.8),
                ],
                max_flagged: 7,
            },
        ),
        (
            "heldout51.toml",
            include_str!("eval/heldout51.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 164 found, 17 flagged on arrival;
                // as shipped (the compositions and the tenth round) 168 and 17
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 169 found, 14 flagged;
                // personal-data 0.85 -> 0.9; flagged 17 -> 14
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.8),
                    ("confidential", 0.95),
                    ("credit", 0.85),
                    ("links", 0.75),
                    ("location", 0.75),
                    ("patient-data", 0.85),
                    ("personal-data", 0.9),
                    ("political", 1.0),
                    ("safeguarding", 0.65),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 14 -> 12 flagged with --deep
                max_flagged: 12,
            },
        ),
        (
            "heldout52.toml",
            include_str!("eval/heldout52.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 161 found, 13 flagged on arrival;
                // as shipped (the compositions and the tenth round) 164 and 12
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 164 found, 9 flagged;
                // commercial 0.9 -> 0.85, safeguarding 0.6 -> 0.65; flagged 12 -> 9
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.85),
                    ("confidential", 0.8),
                    ("credit", 0.9),
                    ("links", 0.9),
                    ("location", 0.85),
                    ("patient-data", 0.65),
                    ("personal-data", 0.9),
                    ("political", 0.85),
                    // 2026-12-05, names beside consent, simulations, figures, places
                    // (shipped): safeguarding 0.65 -> 0.6, a child named only through "Mrs Finch's Year 2", which the validator no longer reads as a name
                    ("safeguarding", 0.6),
                ],
                max_flagged: 9,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_fifty_third_heldout_regression_floors() {
    blind(
        "heldout53.toml",
        include_str!("eval/heldout53.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirtieth session), pooled with three
            // other sets: 146 found, 6 flagged on arrival (febff694); the policy
            // heads beside their signals (docs/EVALUATION.md,
            // shipped) 151 and 6
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 151 found, 8 flagged;
            // patient-data 0.7 -> 0.65, personal-data 0.8 -> 0.85; flagged 6 -> 8
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.6),
                ("confidential", 0.95),
                ("credit", 0.75),
                ("links", 0.75),
                ("location", 0.65),
                ("patient-data", 0.65),
                ("personal-data", 0.85),
                ("political", 0.85),
                ("safeguarding", 0.7),
            ],
            // 2026-12-05, context words as nouns (shipped): 8 -> 7 flagged
            // 2026-12-05, promotions, warnings and service addresses (shipped): 7 -> 4 flagged
            // 2026-12-05, names beside consent, simulations, figures, places (shipped): 4 -> 3 flagged
            max_flagged: 3,
        },
    );
}

#[test]
fn issue10_fifty_fourth_heldout_regression_floors() {
    blind(
        "heldout54.toml",
        include_str!("eval/heldout54.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirtieth session), pooled with three
            // other sets: 136 found, 11 flagged on arrival (febff694); the policy
            // heads beside their signals (docs/EVALUATION.md,
            // shipped) 141 and 11
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 143 found, 9 flagged;
            // credit 0.6 -> 0.65, safeguarding 0.55 -> 0.6; flagged 11 -> 9
            recall: &[
                ("commercial", 0.65),
                ("conduct", 0.6),
                ("confidential", 0.85),
                ("credit", 0.65),
                ("links", 0.85),
                ("location", 0.75),
                ("patient-data", 0.65),
                ("personal-data", 0.9),
                ("political", 0.65),
                ("safeguarding", 0.6),
            ],
            // 2026-12-05, context words as nouns (shipped): 9 -> 8 flagged
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 8 -> 7 flagged
            // 2026-12-05, names beside consent, simulations, figures, places (shipped): 7 -> 6 flagged
            max_flagged: 6,
        },
    );
}

#[test]
fn issue10_fifty_fifth_heldout_regression_floors() {
    blind(
        "heldout55.toml",
        include_str!("eval/heldout55.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirtieth session), pooled with three
            // other sets: 149 found, 9 flagged on arrival (febff694); the policy
            // heads beside their signals (docs/EVALUATION.md,
            // shipped) 151 and 10
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 153 found, 6 flagged;
            // commercial 0.8 -> 0.75, location 0.7 -> 0.75, personal-data 0.8 -> 0.85,
            // political 0.65 -> 0.7; flagged 10 -> 6
            recall: &[
                ("commercial", 0.75),
                ("conduct", 0.7),
                ("confidential", 0.9),
                ("credit", 0.85),
                ("links", 0.8),
                ("location", 0.75),
                ("patient-data", 0.85),
                ("personal-data", 0.85),
                ("political", 0.7),
                ("safeguarding", 0.5),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 6 -> 4 flagged
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_fifty_sixth_heldout_regression_floors() {
    blind(
        "heldout56.toml",
        include_str!("eval/heldout56.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirtieth session), pooled with three
            // other sets: 147 found, 2 flagged on arrival (febff694); the policy
            // heads beside their signals (docs/EVALUATION.md,
            // shipped) 154 and 2
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 154 found, 1 flagged;
            // commercial 0.9 -> 0.85, credit 0.8 -> 0.7, location 0.7 -> 0.65,
            // patient-data 0.85 -> 0.9, political 0.8 -> 0.95; flagged 2 -> 1
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.75),
                ("confidential", 0.85),
                ("credit", 0.7),
                ("links", 0.85),
                ("location", 0.65),
                ("patient-data", 0.9),
                ("personal-data", 0.85),
                ("political", 0.95),
                ("safeguarding", 0.35),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 1 -> 0 flagged
            max_flagged: 0,
        },
    );
}

#[test]
fn issue10_deep_on_the_fifty_third_to_fifty_sixth_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout53.toml",
            include_str!("eval/heldout53.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 166 found, 8 flagged on arrival;
                // as shipped (the heads beside their signals) 167 and 8
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 165 found, 9 flagged;
                // patient-data 0.85 -> 0.75; flagged 8 -> 9
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.7),
                    ("confidential", 0.95),
                    ("credit", 0.95),
                    ("links", 0.9),
                    ("location", 0.6),
                    ("patient-data", 0.75),
                    ("personal-data", 0.9),
                    ("political", 0.85),
                    ("safeguarding", 0.7),
                ],
                // 2026-12-05, context words as nouns (shipped): 9 -> 8 flagged with --deep
                // 2026-12-05, promotions, warnings and service addresses (shipped): 8 -> 5 flagged with --deep
                // 2026-12-05, names beside consent, simulations, figures, places (shipped): 5 -> 4 flagged with --deep
                max_flagged: 4,
            },
        ),
        (
            "heldout54.toml",
            include_str!("eval/heldout54.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 161 found, 14 flagged on arrival;
                // as shipped (the heads beside their signals) 162 and 14
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 162 found, 12 flagged;
                // political 0.8 -> 0.75, safeguarding 0.6 -> 0.65; flagged 14 -> 12
                recall: &[
                    ("commercial", 0.8),
                    ("conduct", 0.65),
                    ("confidential", 0.95),
                    ("credit", 0.95),
                    ("links", 0.95),
                    ("location", 0.75),
                    ("patient-data", 0.75),
                    ("personal-data", 0.9),
                    ("political", 0.75),
                    ("safeguarding", 0.65),
                ],
                // 2026-12-05, context words as nouns (shipped): 12 -> 11 flagged with --deep
                // 2026-12-05, this session's four changes (shipped): 11 -> 10 flagged with --deep
                // 2026-12-05, names beside consent, simulations, figures, places (shipped): 10 -> 9 flagged with --deep
                max_flagged: 9,
            },
        ),
        (
            "heldout55.toml",
            include_str!("eval/heldout55.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 168 found, 11 flagged on arrival;
                // as shipped (the heads beside their signals) 170 and 12
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 173 found, 9 flagged;
                // commercial 0.85 -> 0.9, personal-data 0.85 -> 0.9, political 0.75 ->
                // 0.8; flagged 12 -> 9
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.8),
                    ("confidential", 0.95),
                    ("credit", 1.0),
                    ("links", 0.95),
                    ("location", 0.85),
                    ("patient-data", 0.9),
                    ("personal-data", 0.9),
                    ("political", 0.8),
                    ("safeguarding", 0.6),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 9 -> 7 flagged with --deep
                max_flagged: 7,
            },
        ),
        (
            "heldout56.toml",
            include_str!("eval/heldout56.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 161 found, 5 flagged on arrival;
                // as shipped (the heads beside their signals) 164 and 5
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 166 found, 3 flagged;
                // patient-data 0.9 -> 0.95, political 0.95 -> 1.0; flagged 5 -> 3
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.75),
                    ("confidential", 0.85),
                    ("credit", 0.9),
                    ("links", 0.9),
                    ("location", 0.7),
                    ("patient-data", 0.95),
                    ("personal-data", 0.9),
                    ("political", 1.0),
                    ("safeguarding", 0.45),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 3 -> 2 flagged with --deep
                max_flagged: 2,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_fifty_seventh_heldout_regression_floors() {
    blind(
        "heldout57.toml",
        include_str!("eval/heldout57.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-first session), pooled with three
            // other sets: 156 found, 5 flagged on arrival (a0ae6b99)
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 158 found, 4 flagged;
            // commercial 0.8 -> 0.85, confidential 0.75 -> 0.8; flagged 5 -> 4
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.75),
                ("confidential", 0.8),
                ("credit", 0.75),
                ("links", 0.95),
                ("location", 0.45),
                ("patient-data", 0.95),
                ("personal-data", 0.85),
                ("political", 0.95),
                ("safeguarding", 0.6),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 4 -> 3 flagged
            max_flagged: 3,
        },
    );
}

#[test]
fn issue10_fifty_eighth_heldout_regression_floors() {
    blind(
        "heldout58.toml",
        include_str!("eval/heldout58.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-first session), pooled with three
            // other sets: 135 found, 9 flagged on arrival (a0ae6b99)
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 136 found, 9 flagged;
            // location 0.55 -> 0.5, personal-data 0.85 -> 0.9, political 0.65 -> 0.75,
            // safeguarding 0.4 -> 0.35
            recall: &[
                ("commercial", 0.75),
                ("conduct", 0.6),
                ("confidential", 0.9),
                ("credit", 0.5),
                ("links", 0.85),
                ("location", 0.5),
                ("patient-data", 0.7),
                ("personal-data", 0.9),
                ("political", 0.75),
                ("safeguarding", 0.35),
            ],
            // 2026-12-05, context words as nouns (shipped): 9 -> 7 flagged
            max_flagged: 7,
        },
    );
}

#[test]
fn issue10_fifty_ninth_heldout_regression_floors() {
    blind(
        "heldout59.toml",
        include_str!("eval/heldout59.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-first session), pooled with three
            // other sets: 149 found, 6 flagged on arrival (a0ae6b99)
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 151 found, 5 flagged;
            // commercial 0.8 -> 0.85, credit 0.65 -> 0.7, personal-data 0.85 -> 0.8,
            // political 0.7 -> 0.8, safeguarding 0.6 -> 0.55; flagged 6 -> 5
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.85),
                ("confidential", 0.85),
                ("credit", 0.7),
                ("links", 0.75),
                ("location", 0.7),
                ("patient-data", 0.7),
                ("personal-data", 0.8),
                ("political", 0.8),
                ("safeguarding", 0.55),
            ],
            // 2026-12-05, context words as nouns (shipped): 5 -> 4 flagged
            // 2026-12-05, promotions, warnings and service addresses (shipped): 4 -> 3 flagged
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 3 -> 2 flagged
            max_flagged: 2,
        },
    );
}

#[test]
fn issue10_sixtieth_heldout_regression_floors() {
    blind(
        "heldout60.toml",
        include_str!("eval/heldout60.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-first session), pooled with three
            // other sets: 153 found, 11 flagged on arrival (a0ae6b99)
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 156 found, 9 flagged;
            // commercial 0.75 -> 0.85, confidential 0.8 -> 0.85, credit 0.85 -> 0.8,
            // location 0.7 -> 0.75, patient-data 0.75 -> 0.7, personal-data 0.8 ->
            // 0.85, political 0.8 -> 0.85, safeguarding 0.65 -> 0.6; flagged 11 -> 9
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.6),
                ("confidential", 0.85),
                ("credit", 0.8),
                ("links", 0.95),
                ("location", 0.75),
                ("patient-data", 0.7),
                ("personal-data", 0.85),
                ("political", 0.85),
                ("safeguarding", 0.6),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 9 -> 8 flagged
            // 2026-12-05, names beside consent, simulations, figures, places (shipped): 8 -> 7 flagged
            max_flagged: 7,
        },
    );
}

#[test]
fn issue10_deep_on_the_fifty_seventh_to_sixtieth_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout57.toml",
            include_str!("eval/heldout57.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 166 found, 4 flagged on arrival
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 169 found, 5 flagged;
                // commercial 0.85 -> 0.95, personal-data 0.85 -> 0.9; flagged 4 -> 5
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.85),
                    ("confidential", 0.9),
                    ("credit", 0.85),
                    ("links", 0.95),
                    ("location", 0.55),
                    ("patient-data", 0.95),
                    ("personal-data", 0.9),
                    ("political", 0.95),
                    ("safeguarding", 0.6),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 5 -> 4 flagged with --deep
                max_flagged: 4,
            },
        ),
        (
            "heldout58.toml",
            include_str!("eval/heldout58.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 159 found, 13 flagged on arrival
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 162 found, 11 flagged;
                // location 0.55 -> 0.5, personal-data 0.9 -> 1.0, political 0.75 ->
                // 0.85; flagged 13 -> 11
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.85),
                    ("confidential", 0.9),
                    ("credit", 0.85),
                    ("links", 0.85),
                    ("location", 0.5),
                    ("patient-data", 0.9),
                    ("personal-data", 1.0),
                    ("political", 0.85),
                    ("safeguarding", 0.5),
                ],
                // 2026-12-05, context words as nouns (shipped): 11 -> 9 flagged with --deep
                max_flagged: 9,
            },
        ),
        (
            "heldout59.toml",
            include_str!("eval/heldout59.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 166 found, 7 flagged on arrival
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 169 found, 6 flagged;
                // confidential 0.9 -> 0.95, personal-data 0.95 -> 1.0, political 0.7 ->
                // 0.8, safeguarding 0.65 -> 0.6; flagged 7 -> 6
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.9),
                    ("confidential", 0.95),
                    ("credit", 0.9),
                    ("links", 0.9),
                    ("location", 0.75),
                    ("patient-data", 0.75),
                    ("personal-data", 1.0),
                    ("political", 0.8),
                    ("safeguarding", 0.6),
                ],
                // 2026-12-05, context words as nouns (shipped): 6 -> 5 flagged with --deep
                // 2026-12-05, promotions, warnings and service addresses (shipped): 5 -> 4 flagged with --deep
                // 2026-12-05, this session's four changes (shipped): 4 -> 3 flagged with --deep
                max_flagged: 3,
            },
        ),
        (
            "heldout60.toml",
            include_str!("eval/heldout60.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 169 found, 12 flagged on arrival
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 172 found, 10 flagged;
                // personal-data 0.8 -> 0.9, political 0.85 -> 0.9; flagged 12 -> 10
                recall: &[
                    ("commercial", 1.0),
                    ("conduct", 0.65),
                    ("confidential", 0.85),
                    ("credit", 0.95),
                    ("links", 0.95),
                    ("location", 0.85),
                    ("patient-data", 0.8),
                    ("personal-data", 0.9),
                    ("political", 0.9),
                    ("safeguarding", 0.75),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 10 -> 9 flagged with --deep
                // 2026-12-05, names beside consent, simulations, figures, places (shipped): 9 -> 8 flagged with --deep
                max_flagged: 8,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_sixty_first_heldout_regression_floors() {
    blind(
        "heldout61.toml",
        include_str!("eval/heldout61.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-first session), pooled with
            // the other seven of heldout57-64: 142 found, 10 flagged on arrival (99579f35)
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 147 found, 8 flagged;
            // commercial 0.75 -> 0.9, patient-data 0.6 -> 0.55, political 0.8 -> 0.95;
            // flagged 10 -> 8
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.65),
                ("confidential", 0.95),
                ("credit", 0.6),
                ("links", 0.9),
                ("location", 0.6),
                ("patient-data", 0.55),
                ("personal-data", 0.9),
                ("political", 0.95),
                ("safeguarding", 0.35),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 8 -> 6 flagged
            // 2026-12-05, names beside consent, simulations, figures, places (shipped): 6 -> 5 flagged
            max_flagged: 5,
        },
    );
}

#[test]
fn issue10_sixty_second_heldout_regression_floors() {
    blind(
        "heldout62.toml",
        include_str!("eval/heldout62.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-first session), pooled with
            // the other seven of heldout57-64: 153 found, 3 flagged on arrival (99579f35)
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 152 found, 2 flagged;
            // personal-data 0.95 -> 0.9; flagged 3 -> 2
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.6),
                ("confidential", 0.95),
                ("credit", 0.55),
                ("links", 0.75),
                ("location", 0.7),
                ("patient-data", 0.85),
                ("personal-data", 0.9),
                ("political", 0.9),
                ("safeguarding", 0.55),
            ],
            max_flagged: 2,
        },
    );
}

#[test]
fn issue10_sixty_third_heldout_regression_floors() {
    blind(
        "heldout63.toml",
        include_str!("eval/heldout63.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-first session), pooled with
            // the other seven of heldout57-64: 156 found, 13 flagged on arrival (99579f35)
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 156 found, 10 flagged;
            // credit 0.8 -> 0.75, political 0.7 -> 0.75; flagged 13 -> 10
            recall: &[
                ("commercial", 0.95),
                ("conduct", 0.8),
                ("confidential", 0.9),
                ("credit", 0.75),
                ("links", 0.8),
                ("location", 0.6),
                ("patient-data", 0.75),
                ("personal-data", 1.0),
                ("political", 0.75),
                ("safeguarding", 0.5),
            ],
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 10 -> 8 flagged
            max_flagged: 8,
        },
    );
}

#[test]
fn issue10_sixty_fourth_heldout_regression_floors() {
    blind(
        "heldout64.toml",
        include_str!("eval/heldout64.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-first session), pooled with
            // the other seven of heldout57-64: 156 found, 7 flagged on arrival (99579f35)
            // 2026-12-05, the eleventh round and contact details (shipped by
            // their second, pooled reading, docs/EVALUATION.md): 156 found, 6 flagged;
            // commercial 0.8 -> 0.75, political 0.85 -> 0.9; flagged 7 -> 6
            recall: &[
                ("commercial", 0.75),
                ("conduct", 0.7),
                ("confidential", 0.95),
                ("credit", 0.65),
                ("links", 0.8),
                ("location", 0.65),
                ("patient-data", 0.8),
                ("personal-data", 0.85),
                ("political", 0.9),
                ("safeguarding", 0.75),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 6 -> 5 flagged
            max_flagged: 5,
        },
    );
}

#[test]
fn issue10_deep_on_the_sixty_first_to_sixty_fourth_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout61.toml",
            include_str!("eval/heldout61.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 156 found, 12 flagged on arrival
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 159 found, 9 flagged;
                // location 0.7 -> 0.75, political 0.85 -> 0.9, safeguarding 0.55 ->
                // 0.6; flagged 12 -> 9
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.6),
                    ("confidential", 0.95),
                    ("credit", 0.7),
                    ("links", 0.9),
                    ("location", 0.75),
                    ("patient-data", 0.75),
                    ("personal-data", 0.9),
                    ("political", 0.9),
                    ("safeguarding", 0.6),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 9 -> 7 flagged with --deep
                // 2026-12-05, names beside consent, simulations, figures, places (shipped): 7 -> 6 flagged with --deep
                max_flagged: 6,
            },
        ),
        (
            "heldout62.toml",
            include_str!("eval/heldout62.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 171 found, 2 flagged on arrival
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 170 found, 2 flagged;
                // personal-data 0.95 -> 0.9
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.75),
                    ("confidential", 0.95),
                    ("credit", 0.9),
                    ("links", 0.85),
                    ("location", 0.75),
                    ("patient-data", 0.95),
                    ("personal-data", 0.9),
                    ("political", 0.95),
                    ("safeguarding", 0.6),
                ],
                max_flagged: 2,
            },
        ),
        (
            "heldout63.toml",
            include_str!("eval/heldout63.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 171 found, 16 flagged on arrival
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 171 found, 12 flagged;
                // flagged 16 -> 12
                recall: &[
                    ("commercial", 1.0),
                    ("conduct", 0.9),
                    ("confidential", 0.95),
                    ("credit", 0.9),
                    ("links", 0.9),
                    ("location", 0.75),
                    ("patient-data", 0.85),
                    ("personal-data", 1.0),
                    ("political", 0.8),
                    ("safeguarding", 0.5),
                ],
                // 2026-12-05, this session's four changes (shipped): 12 -> 10 flagged with --deep
                max_flagged: 10,
            },
        ),
        (
            "heldout64.toml",
            include_str!("eval/heldout64.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 169 found, 8 flagged on arrival
                // 2026-12-05, the eleventh round and contact details (shipped by
                // their second, pooled reading, docs/EVALUATION.md): 169 found, 6 flagged;
                // commercial 0.8 -> 0.75, political 0.85 -> 0.9; flagged 8 -> 6
                recall: &[
                    ("commercial", 0.75),
                    ("conduct", 0.75),
                    ("confidential", 0.95),
                    ("credit", 0.85),
                    ("links", 0.9),
                    ("location", 0.75),
                    ("patient-data", 0.9),
                    ("personal-data", 0.95),
                    ("political", 0.9),
                    ("safeguarding", 0.75),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 6 -> 5 flagged with --deep
                max_flagged: 5,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_sixty_fifth_heldout_regression_floors() {
    blind(
        "heldout65.toml",
        include_str!("eval/heldout65.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-first session), pooled with three
            // other sets: 162 found, 8 flagged on arrival (428369eb)
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.7),
                ("confidential", 0.9),
                ("credit", 0.75),
                ("links", 0.85),
                ("location", 0.9),
                ("patient-data", 0.75),
                ("personal-data", 0.85),
                ("political", 1.0),
                ("safeguarding", 0.5),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 8 -> 6 flagged
            // 2026-12-05, names beside consent, simulations, figures, places (shipped): 6 -> 5 flagged
            max_flagged: 5,
        },
    );
}

#[test]
fn issue10_sixty_sixth_heldout_regression_floors() {
    blind(
        "heldout66.toml",
        include_str!("eval/heldout66.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-first session), pooled with three
            // other sets: 156 found, 4 flagged on arrival (428369eb)
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.6),
                ("confidential", 0.95),
                ("credit", 0.75),
                ("links", 0.85),
                ("location", 0.8),
                ("patient-data", 0.6),
                ("personal-data", 0.9),
                ("political", 0.85),
                ("safeguarding", 0.7),
            ],
            // 2026-12-05, context words as nouns (shipped): 4 -> 3 flagged
            // 2026-12-05, promotions, warnings and service addresses (shipped): 3 -> 2 flagged
            max_flagged: 2,
        },
    );
}

#[test]
fn issue10_sixty_seventh_heldout_regression_floors() {
    blind(
        "heldout67.toml",
        include_str!("eval/heldout67.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-first session), pooled with three
            // other sets: 155 found, 6 flagged on arrival (428369eb)
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.75),
                ("confidential", 0.85),
                ("credit", 0.85),
                ("links", 0.75),
                ("location", 0.75),
                ("patient-data", 0.65),
                ("personal-data", 0.85),
                ("political", 0.8),
                ("safeguarding", 0.6),
            ],
            // 2026-12-05, context words as nouns (shipped): 6 -> 5 flagged
            // 2026-12-05, promotions, warnings and service addresses (shipped): 5 -> 4 flagged
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 4 -> 3 flagged
            max_flagged: 3,
        },
    );
}

#[test]
fn issue10_sixty_eighth_heldout_regression_floors() {
    blind(
        "heldout68.toml",
        include_str!("eval/heldout68.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-first session), pooled with three
            // other sets: 157 found, 4 flagged on arrival (428369eb)
            recall: &[
                ("commercial", 0.95),
                ("conduct", 0.6),
                ("confidential", 0.85),
                ("credit", 0.95),
                ("links", 0.8),
                ("location", 0.65),
                ("patient-data", 0.8),
                ("personal-data", 0.85),
                ("political", 0.9),
                ("safeguarding", 0.5),
            ],
            // 2026-12-05, names beside consent, simulations, figures, places (shipped): 4 -> 3 flagged
            max_flagged: 3,
        },
    );
}

#[test]
fn issue10_deep_on_the_sixty_fifth_to_sixty_eighth_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout65.toml",
            include_str!("eval/heldout65.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 177 found, 8 flagged on arrival
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.9),
                    ("confidential", 0.9),
                    ("credit", 0.8),
                    ("links", 0.9),
                    ("location", 0.95),
                    ("patient-data", 0.85),
                    ("personal-data", 0.9),
                    ("political", 0.95),
                    ("safeguarding", 0.75),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 8 -> 6 flagged with --deep
                // 2026-12-05, names beside consent, simulations, figures, places (shipped): 6 -> 5 flagged with --deep
                max_flagged: 5,
            },
        ),
        (
            "heldout66.toml",
            include_str!("eval/heldout66.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 177 found, 9 flagged on arrival
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.75),
                    ("confidential", 0.95),
                    ("credit", 0.95),
                    ("links", 0.95),
                    ("location", 0.85),
                    ("patient-data", 0.8),
                    ("personal-data", 0.9),
                    ("political", 0.9),
                    ("safeguarding", 0.85),
                ],
                // 2026-12-05, context words as nouns (shipped): 9 -> 8 flagged with --deep
                // 2026-12-05, promotions, warnings and service addresses (shipped): 8 -> 7 flagged with --deep
                max_flagged: 7,
            },
        ),
        (
            "heldout67.toml",
            include_str!("eval/heldout67.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 167 found, 9 flagged on arrival
                recall: &[
                    ("commercial", 1.0),
                    ("conduct", 0.85),
                    ("confidential", 0.9),
                    ("credit", 0.9),
                    ("links", 0.8),
                    ("location", 0.8),
                    ("patient-data", 0.8),
                    ("personal-data", 0.9),
                    ("political", 0.75),
                    ("safeguarding", 0.65),
                ],
                // 2026-12-05, context words as nouns (shipped): 9 -> 8 flagged with --deep
                // 2026-12-05, promotions, warnings and service addresses (shipped): 8 -> 7 flagged with --deep
                // 2026-12-05, this session's four changes (shipped): 7 -> 6 flagged with --deep
                max_flagged: 6,
            },
        ),
        (
            "heldout68.toml",
            include_str!("eval/heldout68.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 164 found, 6 flagged on arrival
                recall: &[
                    ("commercial", 1.0),
                    ("conduct", 0.6),
                    ("confidential", 0.8),
                    ("credit", 0.95),
                    ("links", 0.9),
                    ("location", 0.65),
                    ("patient-data", 0.8),
                    ("personal-data", 0.85),
                    ("political", 0.95),
                    ("safeguarding", 0.7),
                ],
                // 2026-12-05, names beside consent, simulations, figures, places (shipped): 6 -> 5 flagged with --deep
                max_flagged: 5,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_sixty_ninth_heldout_regression_floors() {
    blind(
        "heldout69.toml",
        include_str!("eval/heldout69.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-first session), pooled with
            // heldout65-72: 152 found, 6 flagged on arrival (02ae7c2a)
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.65),
                ("confidential", 0.9),
                ("credit", 0.7),
                ("links", 0.75),
                ("location", 0.65),
                ("patient-data", 0.85),
                ("personal-data", 0.9),
                ("political", 0.7),
                ("safeguarding", 0.6),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 6 -> 4 flagged
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_seventieth_heldout_regression_floors() {
    blind(
        "heldout70.toml",
        include_str!("eval/heldout70.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-first session), pooled with
            // heldout65-72: 142 found, 6 flagged on arrival (02ae7c2a)
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.65),
                ("confidential", 0.65),
                ("credit", 0.7),
                ("links", 0.75),
                ("location", 0.6),
                ("patient-data", 0.8),
                ("personal-data", 0.8),
                ("political", 0.9),
                ("safeguarding", 0.35),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 6 -> 3 flagged
            max_flagged: 3,
        },
    );
}

#[test]
fn issue10_seventy_first_heldout_regression_floors() {
    blind(
        "heldout71.toml",
        include_str!("eval/heldout71.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-first session), pooled with
            // heldout65-72: 145 found, 7 flagged on arrival (02ae7c2a)
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.65),
                ("confidential", 0.9),
                ("credit", 0.65),
                ("links", 0.85),
                ("location", 0.5),
                ("patient-data", 0.65),
                ("personal-data", 0.8),
                ("political", 0.9),
                ("safeguarding", 0.45),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 7 -> 4 flagged
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 4 -> 3 flagged
            // 2026-12-05, names beside consent, simulations, figures, places (shipped): 3 -> 2 flagged
            max_flagged: 2,
        },
    );
}

#[test]
fn issue10_seventy_second_heldout_regression_floors() {
    blind(
        "heldout72.toml",
        include_str!("eval/heldout72.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-first session), pooled with
            // heldout65-72: 143 found, 2 flagged on arrival (02ae7c2a)
            recall: &[
                ("commercial", 0.65),
                ("conduct", 0.55),
                ("confidential", 0.85),
                ("credit", 0.75),
                ("links", 0.75),
                ("location", 0.7),
                ("patient-data", 0.75),
                ("personal-data", 0.8),
                ("political", 0.85),
                ("safeguarding", 0.5),
            ],
            // 2026-12-05, context words as nouns (shipped): 2 -> 1 flagged
            max_flagged: 1,
        },
    );
}

#[test]
fn issue10_deep_on_the_sixty_ninth_to_seventy_second_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout69.toml",
            include_str!("eval/heldout69.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 169 found, 10 flagged on arrival
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.75),
                    ("confidential", 0.9),
                    ("credit", 0.8),
                    ("links", 0.95),
                    ("location", 0.8),
                    ("patient-data", 0.95),
                    ("personal-data", 0.95),
                    ("political", 0.8),
                    ("safeguarding", 0.65),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 10 -> 8 flagged with --deep
                max_flagged: 8,
            },
        ),
        (
            "heldout70.toml",
            include_str!("eval/heldout70.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 168 found, 8 flagged on arrival
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.7),
                    ("confidential", 0.85),
                    ("credit", 0.9),
                    ("links", 0.95),
                    ("location", 0.85),
                    ("patient-data", 0.95),
                    ("personal-data", 0.85),
                    ("political", 0.95),
                    ("safeguarding", 0.45),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 8 -> 6 flagged with --deep
                // 2026-12-05, this session's four changes (shipped): 6 -> 5 flagged with --deep
                max_flagged: 5,
            },
        ),
        (
            "heldout71.toml",
            include_str!("eval/heldout71.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 161 found, 9 flagged on arrival
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.85),
                    ("confidential", 0.95),
                    ("credit", 0.85),
                    ("links", 1.0),
                    ("location", 0.55),
                    ("patient-data", 0.7),
                    ("personal-data", 0.8),
                    ("political", 0.85),
                    ("safeguarding", 0.6),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 9 -> 6 flagged with --deep
                // 2026-12-05, this session's four changes (shipped): 6 -> 5 flagged with --deep
                max_flagged: 5,
            },
        ),
        (
            "heldout72.toml",
            include_str!("eval/heldout72.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 159 found, 4 flagged on arrival
                recall: &[
                    ("commercial", 0.75),
                    ("conduct", 0.55),
                    ("confidential", 0.9),
                    ("credit", 0.75),
                    ("links", 0.8),
                    ("location", 0.85),
                    ("patient-data", 0.9),
                    ("personal-data", 0.9),
                    ("political", 0.9),
                    ("safeguarding", 0.65),
                ],
                // 2026-12-05, context words as nouns (shipped): 4 -> 3 flagged with --deep
                max_flagged: 3,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_seventy_third_heldout_regression_floors() {
    blind(
        "heldout73.toml",
        include_str!("eval/heldout73.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-second session), pooled with
            // heldout73-80: 147 found, 8 flagged on arrival (5f1f9238)
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.6),
                ("confidential", 0.95),
                ("credit", 0.6),
                ("links", 0.8),
                ("location", 0.65),
                ("patient-data", 0.7),
                ("personal-data", 0.8),
                ("political", 0.85),
                ("safeguarding", 0.55),
            ],
            // 2026-12-05, context words as nouns (shipped): 8 -> 6 flagged
            // 2026-12-05, promotions, warnings and service addresses (shipped): 6 -> 4 flagged
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_seventy_fourth_heldout_regression_floors() {
    blind(
        "heldout74.toml",
        include_str!("eval/heldout74.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-second session), pooled with
            // heldout73-80: 159 found, 8 flagged on arrival (5f1f9238)
            recall: &[
                ("commercial", 0.95),
                ("conduct", 0.55),
                ("confidential", 0.9),
                ("credit", 0.7),
                ("links", 0.8),
                ("location", 0.75),
                ("patient-data", 1.0),
                ("personal-data", 0.85),
                ("political", 0.9),
                ("safeguarding", 0.55),
            ],
            // 2026-12-05, context words as nouns (shipped): 8 -> 7 flagged
            // 2026-12-05, the learned heads stand down on warnings, safe handling and consent (shipped): 7 -> 6 flagged
            max_flagged: 6,
        },
    );
}

#[test]
fn issue10_seventy_fifth_heldout_regression_floors() {
    blind(
        "heldout75.toml",
        include_str!("eval/heldout75.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-second session), pooled with
            // heldout73-80: 146 found, 5 flagged on arrival (5f1f9238)
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.55),
                ("confidential", 0.75),
                ("credit", 0.55),
                ("links", 0.85),
                ("location", 0.7),
                ("patient-data", 0.75),
                ("personal-data", 0.85),
                ("political", 0.95),
                ("safeguarding", 0.55),
            ],
            // raised 2026-12-05 from 5 by check-ins and pins (shipped; docs/EVALUATION.md)
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 6 -> 5 flagged
            // 2026-12-05, names beside consent, simulations, figures, places (shipped): 5 -> 4 flagged
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_seventy_sixth_heldout_regression_floors() {
    blind(
        "heldout76.toml",
        include_str!("eval/heldout76.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-second session), pooled with
            // heldout73-80: 150 found, 10 flagged on arrival (5f1f9238)
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.65),
                ("confidential", 0.85),
                ("credit", 0.7),
                ("links", 0.7),
                ("location", 0.75),
                ("patient-data", 0.65),
                ("personal-data", 1.0),
                ("political", 0.75),
                ("safeguarding", 0.65),
            ],
            // 2026-12-05, context words as nouns (shipped): 10 -> 9 flagged
            // 2026-12-05, the thirty-fifth session's changes (shipped): 9 -> 8 flagged
            max_flagged: 8,
        },
    );
}

#[test]
fn issue10_seventy_seventh_heldout_regression_floors() {
    blind(
        "heldout77.toml",
        include_str!("eval/heldout77.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-second session), pooled with
            // heldout73-80: 152 found, 5 flagged on arrival (5f1f9238)
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.7),
                ("confidential", 0.75),
                ("credit", 0.65),
                ("links", 0.8),
                ("location", 0.8),
                ("patient-data", 0.7),
                ("personal-data", 0.7),
                ("political", 0.85),
                ("safeguarding", 0.85),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 5 -> 4 flagged
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_seventy_eighth_heldout_regression_floors() {
    blind(
        "heldout78.toml",
        include_str!("eval/heldout78.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-second session), pooled with
            // heldout73-80: 152 found, 8 flagged on arrival (5f1f9238)
            recall: &[
                ("commercial", 0.95),
                ("conduct", 0.9),
                ("confidential", 0.6),
                ("credit", 0.8),
                ("links", 0.8),
                ("location", 0.7),
                ("patient-data", 0.85),
                ("personal-data", 0.6),
                ("political", 0.75),
                ("safeguarding", 0.65),
            ],
            // 2026-12-05, the learned heads stand down on warnings, safe handling and consent (shipped): 8 -> 7 flagged
            max_flagged: 7,
        },
    );
}

#[test]
fn issue10_seventy_ninth_heldout_regression_floors() {
    blind(
        "heldout79.toml",
        include_str!("eval/heldout79.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-second session), pooled with
            // heldout73-80: 151 found, 3 flagged on arrival (5f1f9238)
            recall: &[
                ("commercial", 0.75),
                ("conduct", 0.7),
                ("confidential", 0.75),
                ("credit", 0.8),
                ("links", 0.85),
                ("location", 0.8),
                ("patient-data", 0.65),
                ("personal-data", 0.75),
                ("political", 0.8),
                ("safeguarding", 0.7),
            ],
            max_flagged: 3,
        },
    );
}

#[test]
fn issue10_eightieth_heldout_regression_floors() {
    blind(
        "heldout80.toml",
        include_str!("eval/heldout80.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-second session), pooled with
            // heldout73-80: 144 found, 6 flagged on arrival (5f1f9238)
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.65),
                ("confidential", 0.7),
                ("credit", 0.8),
                ("links", 0.6),
                ("location", 0.75),
                ("patient-data", 0.75),
                ("personal-data", 0.7),
                ("political", 0.8),
                ("safeguarding", 0.65),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 6 -> 5 flagged
            // 2026-12-05, the learned heads stand down on warnings, safe handling and consent (shipped): 5 -> 4 flagged
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_deep_on_the_seventy_third_to_seventy_sixth_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout73.toml",
            include_str!("eval/heldout73.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 169 found, 10 flagged on arrival
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.75),
                    ("confidential", 1.0),
                    ("credit", 0.85),
                    ("links", 0.85),
                    ("location", 0.7),
                    ("patient-data", 0.8),
                    ("personal-data", 0.95),
                    ("political", 0.95),
                    ("safeguarding", 0.7),
                ],
                // 2026-12-05, context words as nouns (shipped): 10 -> 8 flagged with --deep
                // 2026-12-05, promotions, warnings and service addresses (shipped): 8 -> 6 flagged with --deep
                max_flagged: 6,
            },
        ),
        (
            "heldout74.toml",
            include_str!("eval/heldout74.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 167 found, 10 flagged on arrival
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.65),
                    ("confidential", 0.95),
                    ("credit", 0.85),
                    ("links", 0.85),
                    ("location", 0.75),
                    ("patient-data", 0.95),
                    ("personal-data", 0.9),
                    ("political", 0.9),
                    ("safeguarding", 0.6),
                ],
                // 2026-12-05, context words as nouns (shipped): 10 -> 9 flagged with --deep
                max_flagged: 9,
            },
        ),
        (
            "heldout75.toml",
            include_str!("eval/heldout75.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 164 found, 7 flagged on arrival
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.8),
                    ("confidential", 0.85),
                    ("credit", 0.6),
                    ("links", 0.95),
                    ("location", 0.7),
                    ("patient-data", 0.8),
                    ("personal-data", 0.9),
                    ("political", 1.0),
                    ("safeguarding", 0.65),
                ],
                // raised 2026-12-05 from 7 by check-ins and pins (shipped; docs/EVALUATION.md)
                // 2026-12-05, this session's four changes (shipped): 8 -> 7 flagged with --deep
                max_flagged: 7,
            },
        ),
        (
            "heldout76.toml",
            include_str!("eval/heldout76.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 171 found, 11 flagged on arrival
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.8),
                    ("confidential", 0.95),
                    ("credit", 0.95),
                    ("links", 0.95),
                    ("location", 0.75),
                    ("patient-data", 0.7),
                    ("personal-data", 1.0),
                    ("political", 0.9),
                    ("safeguarding", 0.7),
                ],
                // 2026-12-05, context words as nouns (shipped): 11 -> 10 flagged with --deep
                // 2026-12-05, the thirty-fifth session's changes (shipped): 10 -> 9 flagged with --deep
                max_flagged: 9,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_deep_on_the_seventy_seventh_to_eightieth_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout77.toml",
            include_str!("eval/heldout77.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 168 found, 6 flagged on arrival
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.75),
                    ("confidential", 0.85),
                    ("credit", 0.8),
                    ("links", 0.85),
                    ("location", 0.9),
                    ("patient-data", 0.75),
                    ("personal-data", 0.7),
                    ("political", 1.0),
                    ("safeguarding", 0.95),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 6 -> 5 flagged with --deep
                max_flagged: 5,
            },
        ),
        (
            "heldout78.toml",
            include_str!("eval/heldout78.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 170 found, 10 flagged on arrival
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.95),
                    ("confidential", 0.8),
                    ("credit", 0.9),
                    ("links", 0.8),
                    ("location", 0.75),
                    ("patient-data", 0.9),
                    ("personal-data", 0.7),
                    ("political", 0.9),
                    ("safeguarding", 0.85),
                ],
                max_flagged: 10,
            },
        ),
        (
            "heldout79.toml",
            include_str!("eval/heldout79.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 166 found, 2 flagged on arrival
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.75),
                    ("confidential", 0.9),
                    ("credit", 0.9),
                    ("links", 0.9),
                    ("location", 0.8),
                    ("patient-data", 0.7),
                    ("personal-data", 0.8),
                    ("political", 0.85),
                    ("safeguarding", 0.85),
                ],
                max_flagged: 2,
            },
        ),
        (
            "heldout80.toml",
            include_str!("eval/heldout80.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 165 found, 10 flagged on arrival
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.65),
                    ("confidential", 0.9),
                    ("credit", 0.9),
                    ("links", 0.75),
                    ("location", 0.85),
                    ("patient-data", 0.95),
                    ("personal-data", 0.75),
                    ("political", 0.9),
                    ("safeguarding", 0.75),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 10 -> 9 flagged with --deep
                max_flagged: 9,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_eighty_first_heldout_regression_floors() {
    blind(
        "heldout81.toml",
        include_str!("eval/heldout81.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-second session), pooled with
            // heldout81-84: 141 found, 11 flagged on arrival (807ea2d7)
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.75),
                ("confidential", 0.75),
                ("credit", 0.75),
                ("links", 0.7),
                ("location", 0.55),
                ("patient-data", 0.65),
                ("personal-data", 0.7),
                ("political", 0.75),
                ("safeguarding", 0.65),
            ],
            // 2026-12-05, the thirty-fifth session's changes (shipped): 11 -> 10 flagged
            max_flagged: 10,
        },
    );
}

#[test]
fn issue10_eighty_second_heldout_regression_floors() {
    blind(
        "heldout82.toml",
        include_str!("eval/heldout82.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-second session), pooled with
            // heldout81-84: 161 found, 8 flagged on arrival (807ea2d7)
            // context words as nouns (shipped by this reading): 161 found, 7 flagged
            recall: &[
                ("commercial", 0.95),
                ("conduct", 0.75),
                ("confidential", 0.75),
                ("credit", 0.8),
                ("links", 0.75),
                ("location", 0.75),
                ("patient-data", 0.8),
                ("personal-data", 0.7),
                ("political", 0.95),
                ("safeguarding", 0.85),
            ],
            // raised 2026-12-05 from 7 by check-ins and pins (shipped; docs/EVALUATION.md)
            // 2026-12-05, promotions, warnings and service addresses (shipped): 8 -> 7 flagged
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 7 -> 6 flagged
            max_flagged: 6,
        },
    );
}

#[test]
fn issue10_eighty_third_heldout_regression_floors() {
    blind(
        "heldout83.toml",
        include_str!("eval/heldout83.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-second session), pooled with
            // heldout81-84: 154 found, 9 flagged on arrival (807ea2d7)
            // context words as nouns (shipped by this reading): 154 found, 8 flagged
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.9),
                ("confidential", 0.65),
                ("credit", 0.6),
                ("links", 0.7),
                ("location", 0.8),
                ("patient-data", 0.75),
                ("personal-data", 0.8),
                ("political", 0.85),
                ("safeguarding", 0.85),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 8 -> 6 flagged
            // 2026-12-05, the learned heads stand down on warnings, safe handling and consent (shipped): 6 -> 5 flagged
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 5 -> 4 flagged
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_eighty_fourth_heldout_regression_floors() {
    blind(
        "heldout84.toml",
        include_str!("eval/heldout84.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-second session), pooled with
            // heldout81-84: 160 found, 8 flagged on arrival (807ea2d7)
            recall: &[
                ("commercial", 1.0),
                ("conduct", 0.85),
                ("confidential", 0.65),
                ("credit", 0.7),
                ("links", 1.0),
                ("location", 0.85),
                ("patient-data", 0.7),
                ("personal-data", 0.55),
                ("political", 0.85),
                ("safeguarding", 0.85),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 8 -> 6 flagged
            // 2026-12-05, names beside consent, simulations, figures, places (shipped): 6 -> 5 flagged
            max_flagged: 5,
        },
    );
}

#[test]
fn issue10_deep_on_the_eighty_first_to_eighty_fourth_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout81.toml",
            include_str!("eval/heldout81.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 163 found, 17 flagged on arrival
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.75),
                    ("confidential", 0.9),
                    // lowered 2026-12-05 from 0.9: credits in Welsh, in profiles and by (c)
                    // (shipped) leave a credit "used with permission" alone, which this set
                    // labels a breach (docs/EVALUATION.md)
                    ("credit", 0.85),
                    ("links", 0.85),
                    ("location", 0.8),
                    ("patient-data", 0.8),
                    ("personal-data", 0.8),
                    ("political", 0.7),
                    ("safeguarding", 0.75),
                ],
                // 2026-12-05, the thirty-fifth session's changes (shipped): 17 -> 16 flagged with --deep
                max_flagged: 16,
            },
        ),
        (
            "heldout82.toml",
            include_str!("eval/heldout82.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 177 found, 10 flagged on arrival
                // context words as nouns: 177 found, 9 flagged
                recall: &[
                    ("commercial", 1.0),
                    ("conduct", 0.9),
                    ("confidential", 0.9),
                    ("credit", 0.95),
                    ("links", 0.85),
                    ("location", 0.8),
                    ("patient-data", 0.9),
                    ("personal-data", 0.7),
                    ("political", 1.0),
                    ("safeguarding", 0.85),
                ],
                // raised 2026-12-05 from 9 by check-ins and pins (shipped; docs/EVALUATION.md)
                // 2026-12-05, promotions, warnings and service addresses (shipped): 10 -> 9 flagged with --deep
                // 2026-12-05, this session's four changes (shipped): 9 -> 8 flagged with --deep
                max_flagged: 8,
            },
        ),
        (
            "heldout83.toml",
            include_str!("eval/heldout83.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 174 found, 13 flagged on arrival
                // context words as nouns: 174 found, 12 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 1.0),
                    ("confidential", 0.85),
                    ("credit", 0.9),
                    ("links", 0.7),
                    ("location", 0.8),
                    ("patient-data", 0.9),
                    ("personal-data", 0.75),
                    ("political", 1.0),
                    ("safeguarding", 0.95),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 12 -> 10 flagged with --deep
                // 2026-12-05, promotions and addresses, Welsh streets, the learned heads' warnings, safe handling and consent (shipped): 10 -> 9 flagged with --deep
                // 2026-12-05, this session's four changes (shipped): 9 -> 8 flagged with --deep
                max_flagged: 8,
            },
        ),
        (
            "heldout84.toml",
            include_str!("eval/heldout84.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05: 174 found, 9 flagged on arrival
                recall: &[
                    ("commercial", 1.0),
                    ("conduct", 0.85),
                    ("confidential", 0.85),
                    ("credit", 0.95),
                    ("links", 1.0),
                    ("location", 0.9),
                    ("patient-data", 0.8),
                    ("personal-data", 0.65),
                    ("political", 0.8),
                    ("safeguarding", 0.9),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 9 -> 7 flagged with --deep
                max_flagged: 7,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_eighty_fifth_heldout_regression_floors() {
    blind(
        "heldout85.toml",
        include_str!("eval/heldout85.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-third session), pooled with
            // heldout85-88: 145 found, 7 flagged on arrival (aa8d5e09)
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.8),
                ("confidential", 0.75),
                ("credit", 0.75),
                ("links", 0.8),
                ("location", 0.7),
                ("patient-data", 0.5),
                ("personal-data", 0.65),
                ("political", 0.8),
                ("safeguarding", 0.65),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 7 -> 5 flagged
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 5 -> 4 flagged
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_eighty_sixth_heldout_regression_floors() {
    blind(
        "heldout86.toml",
        include_str!("eval/heldout86.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-third session), pooled with
            // heldout85-88: 154 found, 9 flagged on arrival (aa8d5e09)
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.7),
                ("confidential", 0.8),
                ("credit", 0.5),
                ("links", 0.7),
                ("location", 0.8),
                ("patient-data", 0.75),
                ("personal-data", 0.85),
                ("political", 1.0),
                ("safeguarding", 0.75),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 9 -> 6 flagged
            max_flagged: 6,
        },
    );
}

#[test]
fn issue10_eighty_seventh_heldout_regression_floors() {
    blind(
        "heldout87.toml",
        include_str!("eval/heldout87.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-third session), pooled with
            // heldout85-88: 159 found, 8 flagged on arrival (aa8d5e09)
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.65),
                ("confidential", 1.0),
                ("credit", 0.8),
                ("links", 0.65),
                ("location", 0.95),
                ("patient-data", 0.75),
                ("personal-data", 0.65),
                ("political", 0.85),
                ("safeguarding", 0.75),
            ],
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 8 -> 7 flagged
            max_flagged: 7,
        },
    );
}

#[test]
fn issue10_eighty_eighth_heldout_regression_floors() {
    blind(
        "heldout88.toml",
        include_str!("eval/heldout88.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-third session), pooled with
            // heldout85-88: 154 found, 12 flagged on arrival (aa8d5e09)
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.8),
                ("confidential", 0.7),
                ("credit", 0.75),
                ("links", 0.85),
                ("location", 0.75),
                ("patient-data", 0.7),
                ("personal-data", 0.75),
                ("political", 0.85),
                ("safeguarding", 0.65),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 12 -> 11 flagged
            // 2026-12-05, the learned heads stand down on warnings, safe handling and consent (shipped): 11 -> 10 flagged
            max_flagged: 10,
        },
    );
}

#[test]
fn issue10_deep_on_the_eighty_fifth_to_eighty_eighth_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout85.toml",
            include_str!("eval/heldout85.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-third session), pooled with
                // heldout85-88: 163 found, 9 flagged on arrival (aa8d5e09)
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.85),
                    ("confidential", 0.85),
                    ("credit", 0.95),
                    ("links", 0.85),
                    ("location", 0.8),
                    ("patient-data", 0.55),
                    ("personal-data", 0.7),
                    ("political", 0.9),
                    ("safeguarding", 0.75),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 9 -> 7 flagged with --deep
                // 2026-12-05, this session's four changes (shipped): 7 -> 6 flagged with --deep
                max_flagged: 6,
            },
        ),
        (
            "heldout86.toml",
            include_str!("eval/heldout86.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-third session), pooled with
                // heldout85-88: 179 found, 12 flagged on arrival (aa8d5e09)
                recall: &[
                    ("commercial", 1.0),
                    ("conduct", 0.8),
                    ("confidential", 0.95),
                    ("credit", 0.9),
                    ("links", 0.8),
                    ("location", 0.9),
                    ("patient-data", 0.85),
                    ("personal-data", 0.85),
                    ("political", 0.95),
                    ("safeguarding", 0.95),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 12 -> 9 flagged with --deep
                max_flagged: 9,
            },
        ),
        (
            "heldout87.toml",
            include_str!("eval/heldout87.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-third session), pooled with
                // heldout85-88: 175 found, 10 flagged on arrival (aa8d5e09)
                recall: &[
                    ("commercial", 1.0),
                    ("conduct", 0.65),
                    ("confidential", 1.0),
                    ("credit", 0.95),
                    ("links", 0.8),
                    ("location", 0.95),
                    ("patient-data", 0.9),
                    ("personal-data", 0.8),
                    ("political", 0.85),
                    ("safeguarding", 0.85),
                ],
                // 2026-12-05, this session's four changes (shipped): 10 -> 9 flagged with --deep
                max_flagged: 9,
            },
        ),
        (
            "heldout88.toml",
            include_str!("eval/heldout88.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-third session), pooled with
                // heldout85-88: 167 found, 12 flagged on arrival (aa8d5e09)
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.75),
                    ("confidential", 0.8),
                    ("credit", 0.9),
                    ("links", 0.9),
                    ("location", 0.7),
                    ("patient-data", 0.8),
                    ("personal-data", 0.9),
                    ("political", 0.9),
                    ("safeguarding", 0.8),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 12 -> 11 flagged with --deep
                max_flagged: 11,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_eighty_ninth_heldout_regression_floors() {
    blind(
        "heldout89.toml",
        include_str!("eval/heldout89.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-third session), pooled with
            // heldout89-92: 151 found, 12 flagged on arrival (3af28ede)
            // relationships with patients, self-harm encouraged (shipped by
            // this reading): 151 found, 13 flagged
            recall: &[
                ("commercial", 0.7),
                ("conduct", 0.9),
                ("confidential", 0.7),
                ("credit", 0.65),
                ("links", 0.7),
                ("location", 0.7),
                ("patient-data", 0.85),
                ("personal-data", 0.65),
                ("political", 0.9),
                ("safeguarding", 0.8),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 13 -> 12 flagged
            // 2026-12-05, the learned heads stand down on warnings, safe handling and consent (shipped): 12 -> 11 flagged
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 11 -> 9 flagged
            max_flagged: 9,
        },
    );
}

#[test]
fn issue10_ninetieth_heldout_regression_floors() {
    blind(
        "heldout90.toml",
        include_str!("eval/heldout90.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-third session), pooled with
            // heldout89-92: 147 found, 4 flagged on arrival (3af28ede)
            // relationships with patients, self-harm encouraged (shipped by
            // this reading): 148 found, 4 flagged
            recall: &[
                ("commercial", 0.7),
                ("conduct", 0.75),
                ("confidential", 0.7),
                ("credit", 0.65),
                ("links", 0.75),
                ("location", 0.65),
                ("patient-data", 0.75),
                ("personal-data", 0.7),
                ("political", 0.9),
                ("safeguarding", 0.85),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 4 -> 3 flagged
            max_flagged: 3,
        },
    );
}

#[test]
fn issue10_ninety_first_heldout_regression_floors() {
    blind(
        "heldout91.toml",
        include_str!("eval/heldout91.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-third session), pooled with
            // heldout89-92: 141 found, 10 flagged on arrival (3af28ede)
            // relationships with patients, self-harm encouraged (shipped by
            // this reading): 143 found, 11 flagged
            recall: &[
                ("commercial", 0.7),
                ("conduct", 0.75),
                ("confidential", 0.75),
                ("credit", 0.65),
                ("links", 0.5),
                ("location", 0.8),
                ("patient-data", 0.55),
                ("personal-data", 0.75),
                ("political", 0.85),
                ("safeguarding", 0.85),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 11 -> 9 flagged
            // 2026-12-05, the learned heads stand down on warnings, safe handling and consent (shipped): 9 -> 7 flagged
            max_flagged: 7,
        },
    );
}

#[test]
fn issue10_ninety_second_heldout_regression_floors() {
    blind(
        "heldout92.toml",
        include_str!("eval/heldout92.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-third session), pooled with
            // heldout89-92: 144 found, 9 flagged on arrival (3af28ede)
            // relationships with patients, self-harm encouraged (shipped by
            // this reading): 145 found, 9 flagged
            recall: &[
                ("commercial", 0.6),
                ("conduct", 0.75),
                ("confidential", 0.8),
                ("credit", 0.75),
                ("links", 0.5),
                ("location", 0.7),
                ("patient-data", 0.85),
                ("personal-data", 0.6),
                ("political", 0.8),
                ("safeguarding", 0.9),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 9 -> 7 flagged
            // 2026-12-05, the learned heads stand down on warnings, safe handling and consent (shipped): 7 -> 6 flagged
            max_flagged: 6,
        },
    );
}

#[test]
fn issue10_deep_on_the_eighty_ninth_to_ninety_second_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout89.toml",
            include_str!("eval/heldout89.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-third session), pooled with
                // heldout89-92: 172 found, 13 flagged on arrival (3af28ede)
                // relationships with patients, self-harm encouraged (shipped by
                // this reading): 172 found, 14 flagged
                recall: &[
                    ("commercial", 0.8),
                    ("conduct", 0.9),
                    ("confidential", 0.8),
                    ("credit", 0.8),
                    ("links", 0.85),
                    ("location", 0.75),
                    ("patient-data", 0.9),
                    ("personal-data", 0.85),
                    ("political", 1.0),
                    ("safeguarding", 0.95),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 14 -> 13 flagged with --deep
                // 2026-12-05, promotions and addresses, Welsh streets, the learned heads' warnings, safe handling and consent (shipped): 13 -> 12 flagged with --deep
                // 2026-12-05, this session's four changes (shipped): 12 -> 10 flagged with --deep
                max_flagged: 10,
            },
        ),
        (
            "heldout90.toml",
            include_str!("eval/heldout90.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-third session), pooled with
                // heldout89-92: 167 found, 8 flagged on arrival (3af28ede)
                // relationships with patients, self-harm encouraged (shipped by
                // this reading): 168 found, 8 flagged
                recall: &[
                    ("commercial", 0.8),
                    ("conduct", 0.8),
                    ("confidential", 0.85),
                    ("credit", 0.85),
                    ("links", 0.9),
                    ("location", 0.9),
                    ("patient-data", 0.8),
                    ("personal-data", 0.7),
                    ("political", 0.9),
                    ("safeguarding", 0.9),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 8 -> 7 flagged with --deep
                max_flagged: 7,
            },
        ),
        (
            "heldout91.toml",
            include_str!("eval/heldout91.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-third session), pooled with
                // heldout89-92: 164 found, 12 flagged on arrival (3af28ede)
                // relationships with patients, self-harm encouraged (shipped by
                // this reading): 165 found, 13 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.8),
                    ("confidential", 0.8),
                    ("credit", 0.8),
                    ("links", 0.7),
                    ("location", 0.8),
                    ("patient-data", 0.85),
                    ("personal-data", 0.85),
                    ("political", 0.85),
                    ("safeguarding", 0.95),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 13 -> 11 flagged with --deep
                // 2026-12-05, promotions and addresses, Welsh streets, the learned heads' warnings, safe handling and consent (shipped): 11 -> 10 flagged with --deep
                max_flagged: 10,
            },
        ),
        (
            "heldout92.toml",
            include_str!("eval/heldout92.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-third session), pooled with
                // heldout89-92: 160 found, 10 flagged on arrival (3af28ede)
                // relationships with patients, self-harm encouraged (shipped by
                // this reading): 160 found, 10 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.7),
                    ("confidential", 0.95),
                    ("credit", 0.9),
                    ("links", 0.7),
                    ("location", 0.65),
                    ("patient-data", 0.85),
                    ("personal-data", 0.6),
                    ("political", 0.85),
                    ("safeguarding", 0.95),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 10 -> 8 flagged with --deep
                max_flagged: 8,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_ninety_third_heldout_regression_floors() {
    blind(
        "heldout93.toml",
        include_str!("eval/heldout93.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-third session), pooled with
            // heldout93-96: 147 found, 6 flagged on arrival (926a1e04)
            // credits in Welsh, in profiles and by (c) (shipped by this
            // reading): 149 found, 6 flagged
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.85),
                ("confidential", 0.85),
                ("credit", 0.7),
                ("links", 0.6),
                ("location", 0.7),
                ("patient-data", 0.8),
                ("personal-data", 0.65),
                ("political", 0.75),
                ("safeguarding", 0.75),
            ],
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 6 -> 5 flagged
            max_flagged: 5,
        },
    );
}

#[test]
fn issue10_ninety_fourth_heldout_regression_floors() {
    blind(
        "heldout94.toml",
        include_str!("eval/heldout94.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-third session), pooled with
            // heldout93-96: 147 found, 14 flagged on arrival (926a1e04)
            // credits in Welsh, in profiles and by (c) (shipped by this
            // reading): 148 found, 14 flagged
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.65),
                ("confidential", 0.9),
                ("credit", 0.75),
                ("links", 0.8),
                ("location", 0.8),
                ("patient-data", 0.75),
                ("personal-data", 0.55),
                ("political", 0.75),
                ("safeguarding", 0.65),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 14 -> 9 flagged
            // 2026-12-05, the learned heads stand down on warnings, safe handling and consent (shipped): 9 -> 8 flagged
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 8 -> 7 flagged
            max_flagged: 7,
        },
    );
}

#[test]
fn issue10_ninety_fifth_heldout_regression_floors() {
    blind(
        "heldout95.toml",
        include_str!("eval/heldout95.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-third session), pooled with
            // heldout93-96: 156 found, 12 flagged on arrival (926a1e04)
            // credits in Welsh, in profiles and by (c) (shipped by this
            // reading): 158 found, 12 flagged
            recall: &[
                ("commercial", 0.75),
                ("conduct", 0.8),
                ("confidential", 0.75),
                ("credit", 0.9),
                ("links", 0.85),
                ("location", 0.8),
                ("patient-data", 0.8),
                ("personal-data", 0.75),
                ("political", 0.75),
                ("safeguarding", 0.75),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 12 -> 11 flagged
            // 2026-12-05, the learned heads stand down on warnings, safe handling and consent (shipped): 11 -> 10 flagged
            max_flagged: 10,
        },
    );
}

#[test]
fn issue10_ninety_sixth_heldout_regression_floors() {
    blind(
        "heldout96.toml",
        include_str!("eval/heldout96.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-third session), pooled with
            // heldout93-96: 156 found, 6 flagged on arrival (926a1e04)
            // credits in Welsh, in profiles and by (c) (shipped by this
            // reading): 158 found, 6 flagged
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.85),
                ("confidential", 0.75),
                ("credit", 0.75),
                ("links", 0.8),
                ("location", 0.75),
                ("patient-data", 0.8),
                ("personal-data", 0.75),
                ("political", 0.8),
                ("safeguarding", 0.75),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 6 -> 5 flagged
            // 2026-12-05, the learned heads stand down on warnings, safe handling and consent (shipped): 5 -> 4 flagged
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_deep_on_the_ninety_third_to_ninety_sixth_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout93.toml",
            include_str!("eval/heldout93.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-third session), pooled with
                // heldout93-96: 167 found, 14 flagged on arrival (926a1e04)
                // credits in Welsh, in profiles and by (c) (shipped by this
                // reading): 169 found, 14 flagged
                recall: &[
                    ("commercial", 0.8),
                    ("conduct", 0.85),
                    ("confidential", 0.9),
                    ("credit", 1.0),
                    ("links", 0.8),
                    ("location", 0.7),
                    ("patient-data", 0.85),
                    ("personal-data", 0.75),
                    ("political", 0.9),
                    ("safeguarding", 0.9),
                ],
                // 2026-12-05, this session's four changes (shipped): 14 -> 13 flagged with --deep
                max_flagged: 13,
            },
        ),
        (
            "heldout94.toml",
            include_str!("eval/heldout94.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-third session), pooled with
                // heldout93-96: 171 found, 15 flagged on arrival (926a1e04)
                // credits in Welsh, in profiles and by (c) (shipped by this
                // reading): 172 found, 15 flagged
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.8),
                    ("confidential", 0.95),
                    ("credit", 0.9),
                    ("links", 0.85),
                    ("location", 0.9),
                    ("patient-data", 0.9),
                    ("personal-data", 0.6),
                    ("political", 0.9),
                    ("safeguarding", 0.85),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 15 -> 10 flagged with --deep
                // 2026-12-05, this session's four changes (shipped): 10 -> 9 flagged with --deep
                max_flagged: 9,
            },
        ),
        (
            "heldout95.toml",
            include_str!("eval/heldout95.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-third session), pooled with
                // heldout93-96: 166 found, 10 flagged on arrival (926a1e04)
                // credits in Welsh, in profiles and by (c) (shipped by this
                // reading): 168 found, 10 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.75),
                    ("confidential", 0.8),
                    ("credit", 1.0),
                    ("links", 0.85),
                    ("location", 0.85),
                    ("patient-data", 0.85),
                    ("personal-data", 0.75),
                    ("political", 0.85),
                    ("safeguarding", 0.85),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 10 -> 9 flagged with --deep
                max_flagged: 9,
            },
        ),
        (
            "heldout96.toml",
            include_str!("eval/heldout96.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-third session), pooled with
                // heldout93-96: 178 found, 9 flagged on arrival (926a1e04)
                // credits in Welsh, in profiles and by (c) (shipped by this
                // reading): 179 found, 9 flagged
                recall: &[
                    ("commercial", 1.0),
                    ("conduct", 0.9),
                    ("confidential", 0.9),
                    ("credit", 1.0),
                    ("links", 0.85),
                    ("location", 0.85),
                    ("patient-data", 0.9),
                    ("personal-data", 0.7),
                    ("political", 0.95),
                    ("safeguarding", 0.9),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 9 -> 8 flagged with --deep
                max_flagged: 8,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_ninety_seventh_heldout_regression_floors() {
    blind(
        "heldout97.toml",
        include_str!("eval/heldout97.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-third session), pooled with
            // heldout97-100: 150 found, 5 flagged on arrival (d4e0a16d)
            // check-ins and pins (shipped by this reading): 151 found,
            // 5 flagged
            recall: &[
                ("commercial", 0.75),
                ("conduct", 0.6),
                ("confidential", 0.65),
                ("credit", 0.9),
                ("links", 0.6),
                ("location", 0.9),
                ("patient-data", 0.7),
                ("personal-data", 0.75),
                ("political", 0.95),
                ("safeguarding", 0.75),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 5 -> 4 flagged
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_ninety_eighth_heldout_regression_floors() {
    blind(
        "heldout98.toml",
        include_str!("eval/heldout98.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-third session), pooled with
            // heldout97-100: 156 found, 6 flagged on arrival (d4e0a16d)
            // check-ins and pins (shipped by this reading): 156 found,
            // 6 flagged
            recall: &[
                ("commercial", 0.75),
                ("conduct", 0.85),
                ("confidential", 0.85),
                ("credit", 0.8),
                ("links", 0.8),
                ("location", 0.8),
                ("patient-data", 0.65),
                ("personal-data", 0.6),
                ("political", 0.95),
                ("safeguarding", 0.75),
            ],
            // 2026-12-05, the learned heads stand down on warnings, safe handling and consent (shipped): 6 -> 5 flagged
            max_flagged: 5,
        },
    );
}

#[test]
fn issue10_ninety_ninth_heldout_regression_floors() {
    blind(
        "heldout99.toml",
        include_str!("eval/heldout99.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-third session), pooled with
            // heldout97-100: 145 found, 8 flagged on arrival (d4e0a16d)
            // check-ins and pins (shipped by this reading): 145 found,
            // 8 flagged
            recall: &[
                ("commercial", 0.7),
                ("conduct", 0.85),
                ("confidential", 0.8),
                ("credit", 0.65),
                ("links", 0.65),
                ("location", 0.75),
                ("patient-data", 0.65),
                ("personal-data", 0.6),
                ("political", 0.9),
                ("safeguarding", 0.7),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 8 -> 7 flagged
            // 2026-12-05, the learned heads stand down on warnings, safe handling and consent (shipped): 7 -> 4 flagged
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 4 -> 3 flagged
            max_flagged: 3,
        },
    );
}

#[test]
fn issue10_hundredth_heldout_regression_floors() {
    blind(
        "heldout100.toml",
        include_str!("eval/heldout100.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-third session), pooled with
            // heldout97-100: 157 found, 10 flagged on arrival (d4e0a16d)
            // check-ins and pins (shipped by this reading): 158 found,
            // 10 flagged
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.8),
                ("confidential", 0.8),
                ("credit", 0.8),
                ("links", 0.9),
                ("location", 0.85),
                ("patient-data", 0.7),
                ("personal-data", 0.8),
                ("political", 0.65),
                ("safeguarding", 0.7),
            ],
            // 2026-12-05, promotions, warnings and service addresses (shipped): 10 -> 9 flagged
            // 2026-12-05, the thirty-fifth session's changes (shipped): 9 -> 8 flagged
            max_flagged: 8,
        },
    );
}

#[test]
fn issue10_deep_on_the_ninety_seventh_to_hundredth_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout97.toml",
            include_str!("eval/heldout97.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-third session), pooled with
                // heldout97-100: 169 found, 9 flagged on arrival (d4e0a16d)
                // check-ins and pins (shipped by this reading): 169 found,
                // 9 flagged
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.7),
                    ("confidential", 0.8),
                    ("credit", 0.95),
                    ("links", 0.8),
                    ("location", 0.9),
                    ("patient-data", 0.85),
                    ("personal-data", 0.7),
                    ("political", 1.0),
                    ("safeguarding", 0.85),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 9 -> 8 flagged with --deep
                max_flagged: 8,
            },
        ),
        (
            "heldout98.toml",
            include_str!("eval/heldout98.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-third session), pooled with
                // heldout97-100: 172 found, 7 flagged on arrival (d4e0a16d)
                // check-ins and pins (shipped by this reading): 172 found,
                // 7 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.9),
                    ("confidential", 0.85),
                    ("credit", 0.95),
                    ("links", 0.85),
                    ("location", 0.95),
                    ("patient-data", 0.75),
                    ("personal-data", 0.7),
                    ("political", 1.0),
                    ("safeguarding", 0.8),
                ],
                // 2026-12-05, promotions and addresses, Welsh streets, the learned heads' warnings, safe handling and consent (shipped): 7 -> 6 flagged with --deep
                max_flagged: 6,
            },
        ),
        (
            "heldout99.toml",
            include_str!("eval/heldout99.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-third session), pooled with
                // heldout97-100: 167 found, 9 flagged on arrival (d4e0a16d)
                // check-ins and pins (shipped by this reading): 168 found,
                // 9 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.95),
                    ("confidential", 0.9),
                    ("credit", 1.0),
                    ("links", 0.7),
                    ("location", 0.75),
                    ("patient-data", 0.75),
                    ("personal-data", 0.65),
                    ("political", 0.95),
                    ("safeguarding", 0.9),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 9 -> 8 flagged with --deep
                // 2026-12-05, promotions and addresses, Welsh streets, the learned heads' warnings, safe handling and consent (shipped): 8 -> 7 flagged with --deep
                // 2026-12-05, this session's four changes (shipped): 7 -> 6 flagged with --deep
                max_flagged: 6,
            },
        ),
        (
            "heldout100.toml",
            include_str!("eval/heldout100.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-third session), pooled with
                // heldout97-100: 168 found, 9 flagged on arrival (d4e0a16d)
                // check-ins and pins (shipped by this reading): 169 found,
                // 9 flagged
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.85),
                    ("confidential", 0.95),
                    ("credit", 0.9),
                    ("links", 0.9),
                    ("location", 0.85),
                    ("patient-data", 0.75),
                    ("personal-data", 0.7),
                    ("political", 0.8),
                    ("safeguarding", 0.85),
                ],
                // 2026-12-05, promotions, warnings and service addresses (shipped): 9 -> 8 flagged with --deep
                // 2026-12-05, this session's four changes (shipped): 8 -> 7 flagged with --deep
                // 2026-12-05, the thirty-fifth session's changes (shipped): 7 -> 6 flagged with --deep
                max_flagged: 6,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_hundred_and_first_heldout_regression_floors() {
    blind(
        "heldout101.toml",
        include_str!("eval/heldout101.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fourth session), pooled with
            // heldout101-104: 148 found, 4 flagged on arrival (b02c9790)
            // promotions, warnings and service addresses (shipped by this
            // reading): 148 found, 4 flagged
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.8),
                ("confidential", 0.65),
                ("credit", 0.7),
                ("links", 0.85),
                ("location", 0.75),
                ("patient-data", 0.7),
                ("personal-data", 0.65),
                ("political", 0.9),
                ("safeguarding", 0.6),
            ],
            // 2026-12-05, the thirty-fifth session's changes (shipped): 4 -> 3 flagged
            max_flagged: 3,
        },
    );
}

#[test]
fn issue10_hundred_and_second_heldout_regression_floors() {
    blind(
        "heldout102.toml",
        include_str!("eval/heldout102.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fourth session), pooled with
            // heldout101-104: 162 found, 11 flagged on arrival (b02c9790)
            // promotions, warnings and service addresses (shipped by this
            // reading): 162 found, 10 flagged
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.75),
                ("confidential", 0.8),
                ("credit", 0.95),
                ("links", 0.8),
                ("location", 0.85),
                ("patient-data", 0.65),
                ("personal-data", 0.75),
                ("political", 0.85),
                ("safeguarding", 0.8),
            ],
            // 2026-12-05, the learned heads stand down on warnings, safe handling and consent (shipped): 10 -> 9 flagged
            max_flagged: 9,
        },
    );
}

#[test]
fn issue10_hundred_and_third_heldout_regression_floors() {
    blind(
        "heldout103.toml",
        include_str!("eval/heldout103.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fourth session), pooled with
            // heldout101-104: 160 found, 6 flagged on arrival (b02c9790)
            // promotions, warnings and service addresses (shipped by this
            // reading): 160 found, 6 flagged
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.75),
                ("confidential", 0.75),
                ("credit", 0.9),
                ("links", 0.65),
                ("location", 0.9),
                ("patient-data", 0.75),
                ("personal-data", 0.7),
                ("political", 0.85),
                ("safeguarding", 0.9),
            ],
            // 2026-12-05, the learned heads stand down on warnings, safe handling and consent (shipped): 6 -> 5 flagged
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 5 -> 4 flagged
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_hundred_and_fourth_heldout_regression_floors() {
    blind(
        "heldout104.toml",
        include_str!("eval/heldout104.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fourth session), pooled with
            // heldout101-104: 158 found, 11 flagged on arrival (b02c9790)
            // promotions, warnings and service addresses (shipped by this
            // reading): 158 found, 11 flagged
            recall: &[
                ("commercial", 0.95),
                ("conduct", 0.6),
                ("confidential", 0.9),
                ("credit", 0.6),
                ("links", 0.95),
                ("location", 0.95),
                ("patient-data", 0.7),
                ("personal-data", 0.6),
                ("political", 0.8),
                ("safeguarding", 0.85),
            ],
            // 2026-12-05, the thirty-fifth session's changes (shipped): 11 -> 9 flagged
            max_flagged: 9,
        },
    );
}

#[test]
fn issue10_deep_on_the_hundred_and_first_to_hundred_and_fourth_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout101.toml",
            include_str!("eval/heldout101.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fourth session), pooled with
                // heldout101-104: 171 found, 8 flagged on arrival (b02c9790)
                // promotions, warnings and service addresses (shipped by this
                // reading): 171 found, 8 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.9),
                    ("confidential", 0.9),
                    ("credit", 0.95),
                    ("links", 0.9),
                    ("location", 0.8),
                    ("patient-data", 0.8),
                    ("personal-data", 0.75),
                    ("political", 1.0),
                    ("safeguarding", 0.7),
                ],
                // 2026-12-05, the thirty-fifth session's changes (shipped): 8 -> 7 flagged with --deep
                max_flagged: 7,
            },
        ),
        (
            "heldout102.toml",
            include_str!("eval/heldout102.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fourth session), pooled with
                // heldout101-104: 174 found, 12 flagged on arrival (b02c9790)
                // promotions, warnings and service addresses (shipped by this
                // reading): 174 found, 11 flagged
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.85),
                    ("confidential", 0.9),
                    ("credit", 0.95),
                    ("links", 0.85),
                    ("location", 0.95),
                    ("patient-data", 0.8),
                    ("personal-data", 0.75),
                    ("political", 0.9),
                    ("safeguarding", 0.85),
                ],
                // 2026-12-05, promotions and addresses, Welsh streets, the learned heads' warnings, safe handling and consent (shipped): 11 -> 10 flagged with --deep
                max_flagged: 10,
            },
        ),
        (
            "heldout103.toml",
            include_str!("eval/heldout103.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fourth session), pooled with
                // heldout101-104: 180 found, 4 flagged on arrival (b02c9790)
                // promotions, warnings and service addresses (shipped by this
                // reading): 180 found, 4 flagged
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.9),
                    ("confidential", 0.95),
                    ("credit", 0.95),
                    ("links", 0.8),
                    ("location", 0.9),
                    ("patient-data", 0.9),
                    ("personal-data", 0.8),
                    ("political", 0.95),
                    ("safeguarding", 0.95),
                ],
                // 2026-12-05, this session's four changes (shipped): 4 -> 3 flagged with --deep
                max_flagged: 3,
            },
        ),
        (
            "heldout104.toml",
            include_str!("eval/heldout104.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fourth session), pooled with
                // heldout101-104: 175 found, 13 flagged on arrival (b02c9790)
                // promotions, warnings and service addresses (shipped by this
                // reading): 175 found, 13 flagged
                recall: &[
                    ("commercial", 1.0),
                    ("conduct", 0.75),
                    ("confidential", 0.9),
                    ("credit", 0.9),
                    ("links", 0.95),
                    ("location", 0.95),
                    ("patient-data", 0.85),
                    ("personal-data", 0.65),
                    ("political", 0.9),
                    ("safeguarding", 0.9),
                ],
                // 2026-12-05, the thirty-fifth session's changes (shipped): 13 -> 11 flagged with --deep
                max_flagged: 11,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_hundred_and_fifth_heldout_regression_floors() {
    blind(
        "heldout105.toml",
        include_str!("eval/heldout105.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fourth session), pooled with
            // heldout105-108: 153 found, 12 flagged on arrival (f5207f55)
            // Welsh streets and whereabouts (shipped by this reading):
            // 153 found, 12 flagged
            recall: &[
                ("commercial", 0.65),
                ("conduct", 0.8),
                ("confidential", 0.7),
                ("credit", 0.75),
                ("links", 0.8),
                ("location", 0.9),
                ("patient-data", 0.75),
                ("personal-data", 0.8),
                ("political", 0.75),
                ("safeguarding", 0.75),
            ],
            // 2026-12-05, the learned heads stand down on warnings, safe handling and consent (shipped): 12 -> 11 flagged
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 11 -> 10 flagged
            max_flagged: 10,
        },
    );
}

#[test]
fn issue10_hundred_and_sixth_heldout_regression_floors() {
    blind(
        "heldout106.toml",
        include_str!("eval/heldout106.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fourth session), pooled with
            // heldout105-108: 151 found, 7 flagged on arrival (f5207f55)
            // Welsh streets and whereabouts (shipped by this reading):
            // 151 found, 7 flagged
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.8),
                ("confidential", 0.75),
                ("credit", 0.85),
                ("links", 0.75),
                ("location", 0.85),
                ("patient-data", 0.55),
                ("personal-data", 0.75),
                ("political", 0.8),
                ("safeguarding", 0.6),
            ],
            max_flagged: 7,
        },
    );
}

#[test]
fn issue10_hundred_and_seventh_heldout_regression_floors() {
    blind(
        "heldout107.toml",
        include_str!("eval/heldout107.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fourth session), pooled with
            // heldout105-108: 153 found, 10 flagged on arrival (f5207f55)
            // Welsh streets and whereabouts (shipped by this reading):
            // 153 found, 10 flagged
            recall: &[
                ("commercial", 0.75),
                ("conduct", 0.7),
                ("confidential", 0.85),
                ("credit", 0.95),
                ("links", 0.7),
                ("location", 0.8),
                ("patient-data", 0.55),
                ("personal-data", 0.75),
                ("political", 0.9),
                ("safeguarding", 0.7),
            ],
            // 2026-12-05, the learned heads stand down on warnings, safe handling and consent (shipped): 10 -> 9 flagged
            max_flagged: 9,
        },
    );
}

#[test]
fn issue10_hundred_and_eighth_heldout_regression_floors() {
    blind(
        "heldout108.toml",
        include_str!("eval/heldout108.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fourth session), pooled with
            // heldout105-108: 150 found, 6 flagged on arrival (f5207f55)
            // Welsh streets and whereabouts (shipped by this reading):
            // 151 found, 6 flagged
            recall: &[
                ("commercial", 0.75),
                ("conduct", 0.55),
                ("confidential", 0.7),
                ("credit", 0.8),
                ("links", 0.85),
                ("location", 0.9),
                ("patient-data", 0.65),
                ("personal-data", 0.7),
                ("political", 0.75),
                ("safeguarding", 0.9),
            ],
            // 2026-12-05, the learned heads stand down on warnings, safe handling and consent (shipped): 6 -> 5 flagged
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 5 -> 4 flagged
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_deep_on_the_hundred_and_fifth_to_hundred_and_eighth_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout105.toml",
            include_str!("eval/heldout105.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fourth session), pooled with
                // heldout105-108: 175 found, 12 flagged on arrival (f5207f55)
                // Welsh streets and whereabouts (shipped by this reading):
                // 175 found, 12 flagged
                recall: &[
                    ("commercial", 0.75),
                    ("conduct", 0.8),
                    ("confidential", 0.95),
                    ("credit", 0.95),
                    ("links", 0.95),
                    ("location", 0.95),
                    ("patient-data", 0.8),
                    ("personal-data", 0.85),
                    ("political", 0.85),
                    ("safeguarding", 0.9),
                ],
                // 2026-12-05, this session's four changes (shipped): 12 -> 11 flagged with --deep
                max_flagged: 11,
            },
        ),
        (
            "heldout106.toml",
            include_str!("eval/heldout106.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fourth session), pooled with
                // heldout105-108: 174 found, 6 flagged on arrival (f5207f55)
                // Welsh streets and whereabouts (shipped by this reading):
                // 174 found, 6 flagged
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.9),
                    ("confidential", 0.95),
                    ("credit", 0.95),
                    ("links", 0.9),
                    ("location", 0.85),
                    ("patient-data", 0.75),
                    ("personal-data", 0.8),
                    ("political", 0.85),
                    ("safeguarding", 0.8),
                ],
                max_flagged: 6,
            },
        ),
        (
            "heldout107.toml",
            include_str!("eval/heldout107.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fourth session), pooled with
                // heldout105-108: 177 found, 10 flagged on arrival (f5207f55)
                // Welsh streets and whereabouts (shipped by this reading):
                // 177 found, 10 flagged
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.85),
                    ("confidential", 0.9),
                    ("credit", 1.0),
                    ("links", 0.95),
                    ("location", 0.9),
                    ("patient-data", 0.8),
                    ("personal-data", 0.75),
                    ("political", 0.85),
                    ("safeguarding", 0.9),
                ],
                max_flagged: 10,
            },
        ),
        (
            "heldout108.toml",
            include_str!("eval/heldout108.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fourth session), pooled with
                // heldout105-108: 175 found, 5 flagged on arrival (f5207f55)
                // Welsh streets and whereabouts (shipped by this reading):
                // 175 found, 5 flagged
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.8),
                    ("confidential", 0.8),
                    ("credit", 1.0),
                    ("links", 0.95),
                    ("location", 0.9),
                    ("patient-data", 0.75),
                    ("personal-data", 0.7),
                    ("political", 0.95),
                    ("safeguarding", 1.0),
                ],
                // 2026-12-05, promotions and addresses, Welsh streets, the learned heads' warnings, safe handling and consent (shipped): 5 -> 4 flagged with --deep
                // 2026-12-05, this session's four changes (shipped): 4 -> 3 flagged with --deep
                max_flagged: 3,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_hundred_and_ninth_heldout_regression_floors() {
    blind(
        "heldout109.toml",
        include_str!("eval/heldout109.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fourth session), pooled with
            // heldout109-112: 151 found, 6 flagged on arrival (13bc276a)
            // the learned heads stand down on warnings, safe handling and
            // consent (shipped by this reading): 151 found, 5 flagged
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.8),
                ("confidential", 0.75),
                ("credit", 0.85),
                ("links", 0.75),
                ("location", 0.85),
                ("patient-data", 0.6),
                ("personal-data", 0.7),
                ("political", 0.8),
                ("safeguarding", 0.65),
            ],
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 5 -> 4 flagged
            // 2026-12-05, names beside consent, simulations, figures, places (shipped): 4 -> 3 flagged
            max_flagged: 3,
        },
    );
}

#[test]
fn issue10_hundred_and_tenth_heldout_regression_floors() {
    blind(
        "heldout110.toml",
        include_str!("eval/heldout110.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fourth session), pooled with
            // heldout109-112: 155 found, 10 flagged on arrival (13bc276a)
            // the learned heads stand down on warnings, safe handling and
            // consent (shipped by this reading): 155 found, 10 flagged
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.85),
                ("confidential", 0.85),
                ("credit", 0.8),
                ("links", 0.65),
                ("location", 0.6),
                ("patient-data", 0.75),
                ("personal-data", 0.8),
                ("political", 0.85),
                ("safeguarding", 0.75),
            ],
            max_flagged: 10,
        },
    );
}

#[test]
fn issue10_hundred_and_eleventh_heldout_regression_floors() {
    blind(
        "heldout111.toml",
        include_str!("eval/heldout111.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fourth session), pooled with
            // heldout109-112: 153 found, 11 flagged on arrival (13bc276a)
            // the learned heads stand down on warnings, safe handling and
            // consent (shipped by this reading): 153 found, 11 flagged
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.8),
                ("confidential", 0.9),
                ("credit", 0.7),
                ("links", 0.85),
                ("location", 0.7),
                ("patient-data", 0.75),
                ("personal-data", 0.6),
                ("political", 0.8),
                ("safeguarding", 0.75),
            ],
            max_flagged: 11,
        },
    );
}

#[test]
fn issue10_hundred_and_twelfth_heldout_regression_floors() {
    blind(
        "heldout112.toml",
        include_str!("eval/heldout112.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fourth session), pooled with
            // heldout109-112: 157 found, 12 flagged on arrival (13bc276a)
            // the learned heads stand down on warnings, safe handling and
            // consent (shipped by this reading): 157 found, 11 flagged
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.75),
                ("confidential", 0.8),
                ("credit", 0.85),
                ("links", 0.7),
                ("location", 0.85),
                ("patient-data", 0.75),
                ("personal-data", 0.7),
                ("political", 0.85),
                ("safeguarding", 0.8),
            ],
            // 2026-12-05, guidance about a process, and consultations that are not (shipped): 11 -> 10 flagged
            max_flagged: 10,
        },
    );
}

#[test]
fn issue10_deep_on_the_hundred_and_ninth_to_hundred_and_twelfth_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout109.toml",
            include_str!("eval/heldout109.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fourth session), pooled with
                // heldout109-112: 170 found, 6 flagged on arrival (13bc276a)
                // the learned heads stand down on warnings, safe handling and
                // consent (shipped by this reading): 170 found, 6 flagged
                recall: &[
                    ("commercial", 1.0),
                    ("conduct", 0.8),
                    ("confidential", 0.85),
                    ("credit", 0.95),
                    ("links", 0.9),
                    ("location", 0.9),
                    ("patient-data", 0.85),
                    ("personal-data", 0.7),
                    ("political", 0.85),
                    ("safeguarding", 0.7),
                ],
                // 2026-12-05, this session's four changes (shipped): 6 -> 5 flagged with --deep
                // 2026-12-05, names beside consent, simulations, figures, places (shipped): 5 -> 4 flagged with --deep
                max_flagged: 4,
            },
        ),
        (
            "heldout110.toml",
            include_str!("eval/heldout110.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fourth session), pooled with
                // heldout109-112: 176 found, 9 flagged on arrival (13bc276a)
                // the learned heads stand down on warnings, safe handling and
                // consent (shipped by this reading): 176 found, 9 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.95),
                    ("confidential", 0.95),
                    ("credit", 1.0),
                    ("links", 0.85),
                    ("location", 0.65),
                    ("patient-data", 0.95),
                    ("personal-data", 0.8),
                    ("political", 0.9),
                    ("safeguarding", 0.9),
                ],
                max_flagged: 9,
            },
        ),
        (
            "heldout111.toml",
            include_str!("eval/heldout111.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fourth session), pooled with
                // heldout109-112: 171 found, 12 flagged on arrival (13bc276a)
                // the learned heads stand down on warnings, safe handling and
                // consent (shipped by this reading): 171 found, 12 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.85),
                    ("confidential", 0.95),
                    ("credit", 0.95),
                    ("links", 0.9),
                    ("location", 0.8),
                    ("patient-data", 0.8),
                    ("personal-data", 0.6),
                    ("political", 0.95),
                    ("safeguarding", 0.9),
                ],
                max_flagged: 12,
            },
        ),
        (
            "heldout112.toml",
            include_str!("eval/heldout112.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fourth session), pooled with
                // heldout109-112: 174 found, 14 flagged on arrival (13bc276a)
                // the learned heads stand down on warnings, safe handling and
                // consent (shipped by this reading): 174 found, 13 flagged
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.9),
                    ("confidential", 0.95),
                    ("credit", 0.95),
                    ("links", 0.75),
                    ("location", 0.9),
                    ("patient-data", 0.85),
                    ("personal-data", 0.75),
                    ("political", 0.85),
                    ("safeguarding", 0.85),
                ],
                // 2026-12-05, this session's four changes (shipped): 13 -> 12 flagged with --deep
                max_flagged: 12,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_hundred_and_thirteenth_heldout_regression_floors() {
    blind(
        "heldout113.toml",
        include_str!("eval/heldout113.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fourth session), pooled with
            // heldout113-116: 152 found, 6 flagged on arrival (485503e8)
            // guidance about a process, and consultations that are not
            // (shipped by this reading): 152 found, 4 flagged
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.75),
                ("confidential", 0.9),
                ("credit", 0.75),
                ("links", 0.75),
                ("location", 0.75),
                ("patient-data", 0.55),
                ("personal-data", 0.65),
                ("political", 0.8),
                ("safeguarding", 0.8),
            ],
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_hundred_and_fourteenth_heldout_regression_floors() {
    blind(
        "heldout114.toml",
        include_str!("eval/heldout114.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fourth session), pooled with
            // heldout113-116: 150 found, 11 flagged on arrival (485503e8)
            // guidance about a process, and consultations that are not
            // (shipped by this reading): 150 found, 11 flagged
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.75),
                ("confidential", 0.7),
                ("credit", 0.75),
                ("links", 0.6),
                ("location", 0.9),
                ("patient-data", 0.85),
                ("personal-data", 0.6),
                ("political", 0.9),
                ("safeguarding", 0.65),
            ],
            max_flagged: 11,
        },
    );
}

#[test]
fn issue10_hundred_and_fifteenth_heldout_regression_floors() {
    blind(
        "heldout115.toml",
        include_str!("eval/heldout115.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fourth session), pooled with
            // heldout113-116: 149 found, 8 flagged on arrival (485503e8)
            // guidance about a process, and consultations that are not
            // (shipped by this reading): 149 found, 8 flagged
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.7),
                ("confidential", 0.7),
                ("credit", 0.8),
                ("links", 0.85),
                ("location", 0.9),
                ("patient-data", 0.75),
                ("personal-data", 0.6),
                ("political", 0.7),
                ("safeguarding", 0.6),
            ],
            // 2026-12-05, the thirty-fifth session's changes (shipped): 8 -> 7 flagged
            max_flagged: 7,
        },
    );
}

#[test]
fn issue10_hundred_and_sixteenth_heldout_regression_floors() {
    blind(
        "heldout116.toml",
        include_str!("eval/heldout116.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fourth session), pooled with
            // heldout113-116: 151 found, 5 flagged on arrival (485503e8)
            // guidance about a process, and consultations that are not
            // (shipped by this reading): 151 found, 5 flagged
            recall: &[
                ("commercial", 0.7),
                ("conduct", 0.8),
                ("confidential", 0.7),
                ("credit", 0.85),
                ("links", 0.85),
                ("location", 0.75),
                ("patient-data", 0.65),
                ("personal-data", 0.65),
                ("political", 0.8),
                ("safeguarding", 0.8),
            ],
            max_flagged: 5,
        },
    );
}

#[test]
fn issue10_deep_on_the_hundred_and_thirteenth_to_hundred_and_sixteenth_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout113.toml",
            include_str!("eval/heldout113.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fourth session), pooled with
                // heldout113-116: 165 found, 10 flagged on arrival (485503e8)
                // guidance about a process, and consultations that are not
                // (shipped by this reading): 165 found, 8 flagged
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.8),
                    ("confidential", 0.95),
                    ("credit", 0.9),
                    ("links", 0.9),
                    ("location", 0.8),
                    ("patient-data", 0.65),
                    ("personal-data", 0.7),
                    ("political", 0.8),
                    ("safeguarding", 0.85),
                ],
                max_flagged: 8,
            },
        ),
        (
            "heldout114.toml",
            include_str!("eval/heldout114.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fourth session), pooled with
                // heldout113-116: 172 found, 10 flagged on arrival (485503e8)
                // guidance about a process, and consultations that are not
                // (shipped by this reading): 172 found, 10 flagged
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.75),
                    ("confidential", 0.85),
                    ("credit", 0.95),
                    ("links", 0.85),
                    ("location", 0.95),
                    ("patient-data", 0.8),
                    ("personal-data", 0.7),
                    ("political", 0.9),
                    ("safeguarding", 0.9),
                ],
                max_flagged: 10,
            },
        ),
        (
            "heldout115.toml",
            include_str!("eval/heldout115.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fourth session), pooled with
                // heldout113-116: 166 found, 7 flagged on arrival (485503e8)
                // guidance about a process, and consultations that are not
                // (shipped by this reading): 166 found, 7 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.85),
                    ("confidential", 0.7),
                    ("credit", 1.0),
                    ("links", 0.95),
                    ("location", 0.9),
                    ("patient-data", 0.8),
                    ("personal-data", 0.6),
                    ("political", 0.8),
                    ("safeguarding", 0.85),
                ],
                // 2026-12-05, the thirty-fifth session's changes (shipped): 7 -> 6 flagged with --deep
                max_flagged: 6,
            },
        ),
        (
            "heldout116.toml",
            include_str!("eval/heldout116.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fourth session), pooled with
                // heldout113-116: 170 found, 13 flagged on arrival (485503e8)
                // guidance about a process, and consultations that are not
                // (shipped by this reading): 170 found, 13 flagged
                recall: &[
                    ("commercial", 0.75),
                    ("conduct", 0.85),
                    ("confidential", 0.9),
                    ("credit", 1.0),
                    ("links", 0.95),
                    ("location", 0.8),
                    ("patient-data", 0.85),
                    ("personal-data", 0.7),
                    ("political", 0.8),
                    ("safeguarding", 0.9),
                ],
                max_flagged: 13,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_hundred_and_seventeenth_heldout_regression_floors() {
    blind(
        "heldout117.toml",
        include_str!("eval/heldout117.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fifth session), pooled with
            // heldout117-120: 144 found, 7 flagged on arrival (c4f38285)
            // drinking to a state, in both languages (shipped by this
            // reading): 144 found, 7 flagged
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.8),
                ("confidential", 0.65),
                ("credit", 0.65),
                ("links", 0.75),
                ("location", 0.9),
                ("patient-data", 0.5),
                ("personal-data", 0.65),
                ("political", 0.8),
                ("safeguarding", 0.7),
            ],
            max_flagged: 7,
        },
    );
}

#[test]
fn issue10_hundred_and_eighteenth_heldout_regression_floors() {
    blind(
        "heldout118.toml",
        include_str!("eval/heldout118.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fifth session), pooled with
            // heldout117-120: 155 found, 9 flagged on arrival (c4f38285)
            // drinking to a state, in both languages (shipped by this
            // reading): 155 found, 9 flagged
            recall: &[
                ("commercial", 0.75),
                ("conduct", 0.8),
                ("confidential", 0.85),
                ("credit", 0.75),
                ("links", 0.85),
                ("location", 0.9),
                ("patient-data", 0.9),
                ("personal-data", 0.6),
                ("political", 0.6),
                ("safeguarding", 0.75),
            ],
            max_flagged: 9,
        },
    );
}

#[test]
fn issue10_hundred_and_nineteenth_heldout_regression_floors() {
    blind(
        "heldout119.toml",
        include_str!("eval/heldout119.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fifth session), pooled with
            // heldout117-120: 155 found, 8 flagged on arrival (c4f38285)
            // drinking to a state, in both languages (shipped by this
            // reading): 156 found, 8 flagged
            recall: &[
                ("commercial", 0.75),
                ("conduct", 0.75),
                ("confidential", 0.75),
                ("credit", 0.85),
                ("links", 0.7),
                ("location", 0.85),
                // 2026-12-05, names beside consent, simulations, figures, places
                // (shipped): patient-data 0.95 -> 0.9, a patient found only because "… Community Hospital" was read as a person's name
                ("patient-data", 0.9),
                ("personal-data", 0.7),
                ("political", 0.6),
                ("safeguarding", 0.85),
            ],
            max_flagged: 8,
        },
    );
}

#[test]
fn issue10_hundred_and_twentieth_heldout_regression_floors() {
    blind(
        "heldout120.toml",
        include_str!("eval/heldout120.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fifth session), pooled with
            // heldout117-120: 149 found, 9 flagged on arrival (c4f38285)
            // drinking to a state, in both languages (shipped by this
            // reading): 149 found, 9 flagged
            recall: &[
                ("commercial", 0.75),
                ("conduct", 0.6),
                ("confidential", 0.8),
                ("credit", 0.85),
                ("links", 0.6),
                ("location", 0.75),
                ("patient-data", 0.75),
                ("personal-data", 0.75),
                ("political", 0.8),
                ("safeguarding", 0.8),
            ],
            // 2026-12-05 (thirty-seventh session): flagged +1, known before
            // the reading of heldout149-152 (docs/EVALUATION.md, "A well-known
            // person in care"): "famous" beside a named ward in a retirement post
            max_flagged: 10,
        },
    );
}

#[test]
fn issue10_deep_on_the_hundred_and_seventeenth_to_hundred_and_twentieth_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout117.toml",
            include_str!("eval/heldout117.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fifth session), pooled with
                // heldout117-120: 166 found, 8 flagged on arrival (c4f38285)
                // drinking to a state, in both languages (shipped by this
                // reading): 166 found, 8 flagged
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.85),
                    ("confidential", 0.75),
                    ("credit", 0.95),
                    ("links", 0.8),
                    ("location", 0.95),
                    ("patient-data", 0.65),
                    ("personal-data", 0.65),
                    ("political", 0.9),
                    ("safeguarding", 0.9),
                ],
                max_flagged: 8,
            },
        ),
        (
            "heldout118.toml",
            include_str!("eval/heldout118.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fifth session), pooled with
                // heldout117-120: 174 found, 10 flagged on arrival (c4f38285)
                // drinking to a state, in both languages (shipped by this
                // reading): 174 found, 10 flagged
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.8),
                    ("confidential", 0.9),
                    ("credit", 0.9),
                    ("links", 0.9),
                    ("location", 0.95),
                    ("patient-data", 0.95),
                    ("personal-data", 0.65),
                    ("political", 0.8),
                    ("safeguarding", 0.95),
                ],
                max_flagged: 10,
            },
        ),
        (
            "heldout119.toml",
            include_str!("eval/heldout119.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fifth session), pooled with
                // heldout117-120: 171 found, 7 flagged on arrival (c4f38285)
                // drinking to a state, in both languages (shipped by this
                // reading): 171 found, 7 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.95),
                    ("confidential", 0.9),
                    ("credit", 1.0),
                    ("links", 0.8),
                    ("location", 0.85),
                    ("patient-data", 0.95),
                    ("personal-data", 0.7),
                    ("political", 0.6),
                    ("safeguarding", 0.95),
                ],
                max_flagged: 7,
            },
        ),
        (
            "heldout120.toml",
            include_str!("eval/heldout120.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fifth session), pooled with
                // heldout117-120: 166 found, 12 flagged on arrival (c4f38285)
                // drinking to a state, in both languages (shipped by this
                // reading): 166 found, 12 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.75),
                    ("confidential", 0.9),
                    ("credit", 1.0),
                    ("links", 0.8),
                    ("location", 0.75),
                    ("patient-data", 0.85),
                    ("personal-data", 0.75),
                    ("political", 0.8),
                    ("safeguarding", 0.85),
                ],
                // 2026-12-05 (thirty-seventh session): flagged +1, known before
                // the reading of heldout149-152 (docs/EVALUATION.md, "A well-known
                // person in care"): "famous" beside a named ward in a retirement post
                max_flagged: 13,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_hundred_and_twentyfirst_heldout_regression_floors() {
    blind(
        "heldout121.toml",
        include_str!("eval/heldout121.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fifth session), pooled with
            // heldout121-124: 159 found, 6 flagged on arrival (36e3da60)
            // a leak denied, warned of or published (shipped by this
            // reading): 159 found, 6 flagged
            recall: &[
                ("commercial", 1.0),
                ("conduct", 0.85),
                ("confidential", 0.75),
                ("credit", 0.65),
                ("links", 0.85),
                ("location", 0.85),
                ("patient-data", 0.8),
                ("personal-data", 0.65),
                ("political", 0.95),
                ("safeguarding", 0.6),
            ],
            max_flagged: 6,
        },
    );
}

#[test]
fn issue10_hundred_and_twentysecond_heldout_regression_floors() {
    blind(
        "heldout122.toml",
        include_str!("eval/heldout122.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fifth session), pooled with
            // heldout121-124: 144 found, 5 flagged on arrival (36e3da60)
            // a leak denied, warned of or published (shipped by this
            // reading): 144 found, 5 flagged
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.65),
                ("confidential", 0.65),
                ("credit", 0.75),
                ("links", 0.75),
                ("location", 0.8),
                ("patient-data", 0.8),
                ("personal-data", 0.65),
                ("political", 0.65),
                ("safeguarding", 0.65),
            ],
            max_flagged: 5,
        },
    );
}

#[test]
fn issue10_hundred_and_twentythird_heldout_regression_floors() {
    blind(
        "heldout123.toml",
        include_str!("eval/heldout123.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fifth session), pooled with
            // heldout121-124: 155 found, 8 flagged on arrival (36e3da60)
            // a leak denied, warned of or published (shipped by this
            // reading): 155 found, 8 flagged
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.75),
                ("confidential", 0.8),
                ("credit", 0.8),
                ("links", 0.7),
                ("location", 0.9),
                ("patient-data", 0.65),
                ("personal-data", 0.75),
                ("political", 0.75),
                ("safeguarding", 0.8),
            ],
            max_flagged: 8,
        },
    );
}

#[test]
fn issue10_hundred_and_twentyfourth_heldout_regression_floors() {
    blind(
        "heldout124.toml",
        include_str!("eval/heldout124.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fifth session), pooled with
            // heldout121-124: 145 found, 7 flagged on arrival (36e3da60)
            // a leak denied, warned of or published (shipped by this
            // reading): 145 found, 7 flagged
            recall: &[
                ("commercial", 0.7),
                ("conduct", 0.85),
                ("confidential", 0.75),
                ("credit", 0.8),
                ("links", 0.6),
                ("location", 0.8),
                ("patient-data", 0.55),
                ("personal-data", 0.6),
                ("political", 0.75),
                ("safeguarding", 0.85),
            ],
            max_flagged: 7,
        },
    );
}

#[test]
fn issue10_deep_on_the_hundred_and_twentyfirst_to_hundred_and_twentyfourth_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout121.toml",
            include_str!("eval/heldout121.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fifth session), pooled with
                // heldout121-124: 176 found, 6 flagged on arrival (36e3da60)
                // a leak denied, warned of or published (shipped by this
                // reading): 176 found, 6 flagged
                recall: &[
                    ("commercial", 1.0),
                    ("conduct", 0.9),
                    ("confidential", 0.8),
                    ("credit", 0.95),
                    ("links", 0.95),
                    ("location", 0.9),
                    ("patient-data", 0.85),
                    ("personal-data", 0.55),
                    ("political", 1.0),
                    ("safeguarding", 0.9),
                ],
                max_flagged: 6,
            },
        ),
        (
            "heldout122.toml",
            include_str!("eval/heldout122.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fifth session), pooled with
                // heldout121-124: 163 found, 8 flagged on arrival (36e3da60)
                // a leak denied, warned of or published (shipped by this
                // reading): 163 found, 8 flagged
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.65),
                    ("confidential", 0.7),
                    ("credit", 0.95),
                    ("links", 0.85),
                    ("location", 0.9),
                    ("patient-data", 0.9),
                    ("personal-data", 0.75),
                    ("political", 0.75),
                    ("safeguarding", 0.8),
                ],
                max_flagged: 8,
            },
        ),
        (
            "heldout123.toml",
            include_str!("eval/heldout123.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fifth session), pooled with
                // heldout121-124: 166 found, 6 flagged on arrival (36e3da60)
                // a leak denied, warned of or published (shipped by this
                // reading): 166 found, 6 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.9),
                    ("confidential", 0.85),
                    ("credit", 0.95),
                    ("links", 0.75),
                    ("location", 0.85),
                    ("patient-data", 0.65),
                    ("personal-data", 0.8),
                    ("political", 0.8),
                    ("safeguarding", 0.9),
                ],
                max_flagged: 6,
            },
        ),
        (
            "heldout124.toml",
            include_str!("eval/heldout124.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fifth session), pooled with
                // heldout121-124: 167 found, 9 flagged on arrival (36e3da60)
                // a leak denied, warned of or published (shipped by this
                // reading): 167 found, 9 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.8),
                    ("confidential", 0.85),
                    ("credit", 1.0),
                    ("links", 0.8),
                    ("location", 0.8),
                    ("patient-data", 0.75),
                    ("personal-data", 0.7),
                    ("political", 0.95),
                    ("safeguarding", 0.85),
                ],
                max_flagged: 9,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_hundred_and_twentyfifth_heldout_regression_floors() {
    blind(
        "heldout125.toml",
        include_str!("eval/heldout125.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fifth session), pooled with
            // heldout125-128: 149 found, 7 flagged on arrival (2f5e6a3c)
            // secrecy in Welsh (shipped by this
            // reading): 149 found, 7 flagged
            recall: &[
                ("commercial", 0.95),
                ("conduct", 0.85),
                ("confidential", 0.9),
                ("credit", 0.7),
                ("links", 0.55),
                ("location", 0.85),
                ("patient-data", 0.55),
                ("personal-data", 0.7),
                ("political", 0.55),
                ("safeguarding", 0.85),
            ],
            max_flagged: 7,
        },
    );
}

#[test]
fn issue10_hundred_and_twentysixth_heldout_regression_floors() {
    blind(
        "heldout126.toml",
        include_str!("eval/heldout126.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fifth session), pooled with
            // heldout125-128: 159 found, 7 flagged on arrival (2f5e6a3c)
            // secrecy in Welsh (shipped by this
            // reading): 159 found, 7 flagged
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.65),
                ("confidential", 0.7),
                ("credit", 0.8),
                ("links", 0.9),
                ("location", 0.95),
                ("patient-data", 0.75),
                ("personal-data", 0.75),
                ("political", 0.85),
                ("safeguarding", 0.75),
            ],
            max_flagged: 7,
        },
    );
}

#[test]
fn issue10_hundred_and_twentyseventh_heldout_regression_floors() {
    blind(
        "heldout127.toml",
        include_str!("eval/heldout127.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fifth session), pooled with
            // heldout125-128: 154 found, 10 flagged on arrival (2f5e6a3c)
            // secrecy in Welsh (shipped by this
            // reading): 154 found, 10 flagged
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.65),
                ("confidential", 0.9),
                ("credit", 0.7),
                ("links", 0.65),
                ("location", 0.85),
                ("patient-data", 0.8),
                ("personal-data", 0.7),
                ("political", 0.75),
                ("safeguarding", 0.85),
            ],
            max_flagged: 10,
        },
    );
}

#[test]
fn issue10_hundred_and_twentyeighth_heldout_regression_floors() {
    blind(
        "heldout128.toml",
        include_str!("eval/heldout128.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fifth session), pooled with
            // heldout125-128: 162 found, 5 flagged on arrival (2f5e6a3c)
            // secrecy in Welsh (shipped by this
            // reading): 163 found, 5 flagged
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.9),
                ("confidential", 0.95),
                ("credit", 0.95),
                ("links", 0.7),
                ("location", 0.75),
                ("patient-data", 0.85),
                ("personal-data", 0.7),
                ("political", 0.75),
                ("safeguarding", 0.7),
            ],
            max_flagged: 5,
        },
    );
}

#[test]
fn issue10_deep_on_the_hundred_and_twentyfifth_to_hundred_and_twentyeighth_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout125.toml",
            include_str!("eval/heldout125.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fifth session), pooled with
                // heldout125-128: 174 found, 10 flagged on arrival (2f5e6a3c)
                // secrecy in Welsh (shipped by this
                // reading): 174 found, 10 flagged
                recall: &[
                    ("commercial", 1.0),
                    ("conduct", 0.95),
                    ("confidential", 0.95),
                    ("credit", 0.95),
                    ("links", 0.8),
                    ("location", 0.9),
                    ("patient-data", 0.8),
                    ("personal-data", 0.75),
                    ("political", 0.65),
                    ("safeguarding", 0.95),
                ],
                max_flagged: 10,
            },
        ),
        (
            "heldout126.toml",
            include_str!("eval/heldout126.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fifth session), pooled with
                // heldout125-128: 172 found, 9 flagged on arrival (2f5e6a3c)
                // secrecy in Welsh (shipped by this
                // reading): 172 found, 9 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.75),
                    ("confidential", 0.8),
                    ("credit", 1.0),
                    ("links", 0.9),
                    ("location", 0.95),
                    ("patient-data", 0.85),
                    ("personal-data", 0.8),
                    ("political", 0.8),
                    ("safeguarding", 0.9),
                ],
                max_flagged: 9,
            },
        ),
        (
            "heldout127.toml",
            include_str!("eval/heldout127.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fifth session), pooled with
                // heldout125-128: 179 found, 13 flagged on arrival (2f5e6a3c)
                // secrecy in Welsh (shipped by this
                // reading): 179 found, 13 flagged
                recall: &[
                    ("commercial", 1.0),
                    ("conduct", 0.75),
                    ("confidential", 0.95),
                    ("credit", 0.95),
                    ("links", 0.95),
                    ("location", 0.9),
                    ("patient-data", 0.85),
                    ("personal-data", 0.8),
                    ("political", 0.85),
                    ("safeguarding", 0.95),
                ],
                max_flagged: 13,
            },
        ),
        (
            "heldout128.toml",
            include_str!("eval/heldout128.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fifth session), pooled with
                // heldout125-128: 171 found, 7 flagged on arrival (2f5e6a3c)
                // secrecy in Welsh (shipped by this
                // reading): 172 found, 7 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.85),
                    ("confidential", 0.9),
                    ("credit", 1.0),
                    ("links", 0.9),
                    ("location", 0.75),
                    ("patient-data", 0.95),
                    ("personal-data", 0.75),
                    ("political", 0.85),
                    ("safeguarding", 0.75),
                ],
                max_flagged: 7,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_hundred_and_twentyninth_heldout_regression_floors() {
    blind(
        "heldout129.toml",
        include_str!("eval/heldout129.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fifth session), pooled with
            // heldout129-132: 146 found, 5 flagged on arrival (460cc481)
            // promotions and party politics in Welsh (shipped by this
            // reading): 146 found, 5 flagged
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.7),
                ("confidential", 0.65),
                ("credit", 0.9),
                ("links", 0.6),
                ("location", 0.8),
                // 2026-12-05, names beside consent, simulations, figures, places
                // (shipped): patient-data 0.75 -> 0.7, a discharge found only because "… Minor Injuries Unit" was read as a person's name
                ("patient-data", 0.7),
                ("personal-data", 0.55),
                ("political", 0.85),
                ("safeguarding", 0.7),
            ],
            // 2026-12-05, names beside consent, simulations, figures, places (shipped): 5 -> 4 flagged
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_hundred_and_thirtieth_heldout_regression_floors() {
    blind(
        "heldout130.toml",
        include_str!("eval/heldout130.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fifth session), pooled with
            // heldout129-132: 152 found, 7 flagged on arrival (460cc481)
            // promotions and party politics in Welsh (shipped by this
            // reading): 153 found, 7 flagged
            recall: &[
                ("commercial", 0.75),
                ("conduct", 0.7),
                ("confidential", 0.8),
                ("credit", 0.65),
                ("links", 0.65),
                ("location", 0.85),
                ("patient-data", 0.8),
                ("personal-data", 0.7),
                ("political", 0.9),
                ("safeguarding", 0.8),
            ],
            max_flagged: 7,
        },
    );
}

#[test]
fn issue10_hundred_and_thirtyfirst_heldout_regression_floors() {
    blind(
        "heldout131.toml",
        include_str!("eval/heldout131.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fifth session), pooled with
            // heldout129-132: 162 found, 9 flagged on arrival (460cc481)
            // promotions and party politics in Welsh (shipped by this
            // reading): 162 found, 9 flagged
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.8),
                ("confidential", 0.85),
                ("credit", 0.9),
                ("links", 0.85),
                ("location", 0.85),
                ("patient-data", 0.7),
                ("personal-data", 0.8),
                ("political", 0.75),
                ("safeguarding", 0.75),
            ],
            max_flagged: 9,
        },
    );
}

#[test]
fn issue10_hundred_and_thirtysecond_heldout_regression_floors() {
    blind(
        "heldout132.toml",
        include_str!("eval/heldout132.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-fifth session), pooled with
            // heldout129-132: 156 found, 9 flagged on arrival (460cc481)
            // promotions and party politics in Welsh (shipped by this
            // reading): 156 found, 9 flagged
            recall: &[
                ("commercial", 0.75),
                ("conduct", 0.85),
                ("confidential", 0.8),
                ("credit", 0.85),
                ("links", 0.8),
                ("location", 0.7),
                ("patient-data", 0.8),
                ("personal-data", 0.6),
                ("political", 0.85),
                ("safeguarding", 0.8),
            ],
            max_flagged: 9,
        },
    );
}

#[test]
fn issue10_deep_on_the_hundred_and_twentyninth_to_hundred_and_thirtysecond_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout129.toml",
            include_str!("eval/heldout129.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fifth session), pooled with
                // heldout129-132: 165 found, 8 flagged on arrival (460cc481)
                // promotions and party politics in Welsh (shipped by this
                // reading): 165 found, 8 flagged
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.65),
                    ("confidential", 0.85),
                    ("credit", 0.95),
                    ("links", 0.75),
                    ("location", 0.9),
                    // 2026-12-05, names beside consent, simulations, figures, places
                    // (shipped): patient-data 0.85 -> 0.8, a discharge found only because "… Minor Injuries Unit" was read as a person's name
                    ("patient-data", 0.8),
                    ("personal-data", 0.6),
                    ("political", 0.95),
                    ("safeguarding", 0.8),
                ],
                // 2026-12-05, names beside consent, simulations, figures, places (shipped): 8 -> 7 flagged with --deep
                max_flagged: 7,
            },
        ),
        (
            "heldout130.toml",
            include_str!("eval/heldout130.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fifth session), pooled with
                // heldout129-132: 172 found, 9 flagged on arrival (460cc481)
                // promotions and party politics in Welsh (shipped by this
                // reading): 174 found, 9 flagged
                recall: &[
                    ("commercial", 0.8),
                    ("conduct", 0.7),
                    ("confidential", 0.9),
                    ("credit", 1.0),
                    ("links", 0.7),
                    ("location", 0.9),
                    ("patient-data", 1.0),
                    ("personal-data", 0.85),
                    ("political", 0.9),
                    ("safeguarding", 0.85),
                ],
                max_flagged: 9,
            },
        ),
        (
            "heldout131.toml",
            include_str!("eval/heldout131.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fifth session), pooled with
                // heldout129-132: 175 found, 15 flagged on arrival (460cc481)
                // promotions and party politics in Welsh (shipped by this
                // reading): 176 found, 15 flagged
                recall: &[
                    ("commercial", 0.8),
                    ("conduct", 0.8),
                    ("confidential", 0.95),
                    ("credit", 1.0),
                    ("links", 0.95),
                    ("location", 0.9),
                    ("patient-data", 0.85),
                    ("personal-data", 0.85),
                    ("political", 0.8),
                    ("safeguarding", 0.85),
                ],
                max_flagged: 15,
            },
        ),
        (
            "heldout132.toml",
            include_str!("eval/heldout132.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-fifth session), pooled with
                // heldout129-132: 174 found, 9 flagged on arrival (460cc481)
                // promotions and party politics in Welsh (shipped by this
                // reading): 175 found, 9 flagged
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.9),
                    ("confidential", 0.95),
                    ("credit", 0.95),
                    ("links", 0.85),
                    ("location", 0.8),
                    ("patient-data", 0.95),
                    ("personal-data", 0.55),
                    ("political", 0.85),
                    ("safeguarding", 1.0),
                ],
                max_flagged: 9,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_hundred_and_thirtythird_heldout_regression_floors() {
    blind(
        "heldout133.toml",
        include_str!("eval/heldout133.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-sixth session), pooled with
            // heldout133-136: 149 found, 4 flagged on arrival (ebfea988)
            // names beside consent, simulations, figures, places (shipped by this
            // reading): 149 found, 4 flagged
            recall: &[
                ("commercial", 0.75),
                ("conduct", 0.85),
                ("confidential", 0.85),
                ("credit", 0.85),
                ("links", 0.65),
                ("location", 0.7),
                ("patient-data", 0.7),
                ("personal-data", 0.65),
                ("political", 0.7),
                ("safeguarding", 0.75),
            ],
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_hundred_and_thirtyfourth_heldout_regression_floors() {
    blind(
        "heldout134.toml",
        include_str!("eval/heldout134.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-sixth session), pooled with
            // heldout133-136: 144 found, 10 flagged on arrival (ebfea988)
            // names beside consent, simulations, figures, places (shipped by this
            // reading): 144 found, 10 flagged
            recall: &[
                ("commercial", 0.75),
                ("conduct", 0.65),
                ("confidential", 0.6),
                ("credit", 0.85),
                ("links", 0.7),
                ("location", 0.6),
                ("patient-data", 0.75),
                ("personal-data", 0.7),
                ("political", 0.9),
                ("safeguarding", 0.7),
            ],
            max_flagged: 10,
        },
    );
}

#[test]
fn issue10_hundred_and_thirtyfifth_heldout_regression_floors() {
    blind(
        "heldout135.toml",
        include_str!("eval/heldout135.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-sixth session), pooled with
            // heldout133-136: 172 found, 9 flagged on arrival (ebfea988)
            // names beside consent, simulations, figures, places (shipped by this
            // reading): 172 found, 9 flagged
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.85),
                ("confidential", 0.95),
                ("credit", 0.95),
                ("links", 0.95),
                ("location", 0.75),
                ("patient-data", 0.75),
                ("personal-data", 0.8),
                ("political", 0.9),
                ("safeguarding", 0.85),
            ],
            max_flagged: 9,
        },
    );
}

#[test]
fn issue10_hundred_and_thirtysixth_heldout_regression_floors() {
    blind(
        "heldout136.toml",
        include_str!("eval/heldout136.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-sixth session), pooled with
            // heldout133-136: 162 found, 6 flagged on arrival (ebfea988)
            // names beside consent, simulations, figures, places (shipped by this
            // reading): 162 found, 6 flagged
            recall: &[
                ("commercial", 0.95),
                ("conduct", 0.8),
                ("confidential", 0.85),
                ("credit", 0.75),
                ("links", 0.6),
                ("location", 0.8),
                ("patient-data", 0.95),
                ("personal-data", 0.7),
                ("political", 0.8),
                ("safeguarding", 0.9),
            ],
            max_flagged: 6,
        },
    );
}

#[test]
fn issue10_deep_on_the_hundred_and_thirtythird_to_hundred_and_thirtysixth_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout133.toml",
            include_str!("eval/heldout133.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-sixth session), pooled with
                // heldout133-136: 170 found, 6 flagged on arrival (ebfea988)
                // names beside consent, simulations, figures, places (shipped by this
                // reading): 170 found, 6 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.9),
                    ("confidential", 0.95),
                    ("credit", 0.95),
                    ("links", 0.65),
                    ("location", 0.9),
                    ("patient-data", 0.9),
                    ("personal-data", 0.65),
                    ("political", 0.85),
                    ("safeguarding", 0.9),
                ],
                max_flagged: 6,
            },
        ),
        (
            "heldout134.toml",
            include_str!("eval/heldout134.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-sixth session), pooled with
                // heldout133-136: 166 found, 14 flagged on arrival (ebfea988)
                // names beside consent, simulations, figures, places (shipped by this
                // reading): 166 found, 14 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.8),
                    ("confidential", 0.75),
                    ("credit", 1.0),
                    ("links", 0.8),
                    ("location", 0.7),
                    ("patient-data", 0.85),
                    ("personal-data", 0.8),
                    ("political", 0.9),
                    ("safeguarding", 0.85),
                ],
                max_flagged: 14,
            },
        ),
        (
            "heldout135.toml",
            include_str!("eval/heldout135.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-sixth session), pooled with
                // heldout133-136: 182 found, 10 flagged on arrival (ebfea988)
                // names beside consent, simulations, figures, places (shipped by this
                // reading): 182 found, 10 flagged
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.85),
                    ("confidential", 0.95),
                    ("credit", 1.0),
                    ("links", 0.95),
                    ("location", 0.9),
                    ("patient-data", 0.85),
                    ("personal-data", 0.9),
                    ("political", 0.95),
                    ("safeguarding", 0.85),
                ],
                max_flagged: 10,
            },
        ),
        (
            "heldout136.toml",
            include_str!("eval/heldout136.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-sixth session), pooled with
                // heldout133-136: 179 found, 8 flagged on arrival (ebfea988)
                // names beside consent, simulations, figures, places (shipped by this
                // reading): 179 found, 8 flagged
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.9),
                    ("confidential", 0.9),
                    ("credit", 0.95),
                    ("links", 0.75),
                    ("location", 0.85),
                    ("patient-data", 1.0),
                    ("personal-data", 0.8),
                    ("political", 0.9),
                    ("safeguarding", 0.95),
                ],
                max_flagged: 8,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_hundred_and_thirtyseventh_heldout_regression_floors() {
    blind(
        "heldout137.toml",
        include_str!("eval/heldout137.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-sixth session), pooled with
            // heldout137-140: 153 found, 6 flagged on arrival (0457413c)
            // care ties by their grammar, private channels (shipped by this
            // reading): 153 found, 6 flagged
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.8),
                ("confidential", 0.95),
                ("credit", 0.8),
                ("links", 0.75),
                ("location", 0.65),
                ("patient-data", 0.7),
                ("personal-data", 0.65),
                ("political", 0.7),
                ("safeguarding", 0.75),
            ],
            max_flagged: 6,
        },
    );
}

#[test]
fn issue10_hundred_and_thirtyeighth_heldout_regression_floors() {
    blind(
        "heldout138.toml",
        include_str!("eval/heldout138.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-sixth session), pooled with
            // heldout137-140: 163 found, 5 flagged on arrival (0457413c)
            // care ties by their grammar, private channels (shipped by this
            // reading): 163 found, 5 flagged
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.8),
                ("confidential", 0.85),
                ("credit", 0.85),
                ("links", 0.9),
                ("location", 0.8),
                ("patient-data", 0.85),
                ("personal-data", 0.75),
                ("political", 0.8),
                ("safeguarding", 0.75),
            ],
            max_flagged: 5,
        },
    );
}

#[test]
fn issue10_hundred_and_thirtyninth_heldout_regression_floors() {
    blind(
        "heldout139.toml",
        include_str!("eval/heldout139.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-sixth session), pooled with
            // heldout137-140: 151 found, 7 flagged on arrival (0457413c)
            // care ties by their grammar, private channels (shipped by this
            // reading): 151 found, 7 flagged
            recall: &[
                ("commercial", 0.7),
                ("conduct", 0.65),
                ("confidential", 0.95),
                ("credit", 0.6),
                ("links", 0.65),
                ("location", 0.8),
                ("patient-data", 0.9),
                ("personal-data", 0.75),
                ("political", 0.75),
                ("safeguarding", 0.8),
            ],
            max_flagged: 7,
        },
    );
}

#[test]
fn issue10_hundred_and_fortieth_heldout_regression_floors() {
    blind(
        "heldout140.toml",
        include_str!("eval/heldout140.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-sixth session), pooled with
            // heldout137-140: 150 found, 9 flagged on arrival (0457413c)
            // care ties by their grammar, private channels (shipped by this
            // reading): 151 found, 9 flagged
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.8),
                ("confidential", 0.85),
                ("credit", 0.8),
                ("links", 0.55),
                ("location", 0.8),
                ("patient-data", 0.6),
                ("personal-data", 0.75),
                ("political", 0.8),
                ("safeguarding", 0.75),
            ],
            max_flagged: 9,
        },
    );
}

#[test]
fn issue10_deep_on_the_hundred_and_thirtyseventh_to_hundred_and_fortieth_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout137.toml",
            include_str!("eval/heldout137.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-sixth session), pooled with
                // heldout137-140: 179 found, 6 flagged on arrival (0457413c)
                // care ties by their grammar, private channels (shipped by this
                // reading): 179 found, 6 flagged
                recall: &[
                    ("commercial", 1.0),
                    ("conduct", 0.85),
                    ("confidential", 0.95),
                    ("credit", 1.0),
                    ("links", 0.9),
                    ("location", 0.8),
                    ("patient-data", 0.8),
                    ("personal-data", 0.75),
                    ("political", 0.95),
                    ("safeguarding", 0.95),
                ],
                max_flagged: 6,
            },
        ),
        (
            "heldout138.toml",
            include_str!("eval/heldout138.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-sixth session), pooled with
                // heldout137-140: 179 found, 8 flagged on arrival (0457413c)
                // care ties by their grammar, private channels (shipped by this
                // reading): 179 found, 8 flagged
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.8),
                    ("confidential", 0.95),
                    ("credit", 1.0),
                    ("links", 0.9),
                    ("location", 0.8),
                    ("patient-data", 0.95),
                    ("personal-data", 0.75),
                    ("political", 0.9),
                    ("safeguarding", 0.95),
                ],
                max_flagged: 8,
            },
        ),
        (
            "heldout139.toml",
            include_str!("eval/heldout139.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-sixth session), pooled with
                // heldout137-140: 177 found, 4 flagged on arrival (0457413c)
                // care ties by their grammar, private channels (shipped by this
                // reading): 177 found, 4 flagged
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.75),
                    ("confidential", 1.0),
                    ("credit", 0.95),
                    ("links", 0.85),
                    ("location", 0.85),
                    ("patient-data", 1.0),
                    ("personal-data", 0.75),
                    ("political", 0.85),
                    ("safeguarding", 0.95),
                ],
                max_flagged: 4,
            },
        ),
        (
            "heldout140.toml",
            include_str!("eval/heldout140.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-sixth session), pooled with
                // heldout137-140: 175 found, 12 flagged on arrival (0457413c)
                // care ties by their grammar, private channels (shipped by this
                // reading): 176 found, 12 flagged
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.9),
                    ("confidential", 0.95),
                    ("credit", 0.95),
                    ("links", 0.85),
                    ("location", 0.85),
                    ("patient-data", 0.7),
                    ("personal-data", 0.8),
                    ("political", 1.0),
                    ("safeguarding", 0.85),
                ],
                max_flagged: 12,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_hundred_and_fortyfirst_heldout_regression_floors() {
    blind(
        "heldout141.toml",
        include_str!("eval/heldout141.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-sixth session), pooled with
            // heldout141-144: 161 found, 8 flagged on arrival (c65eb88c)
            // violence wished on or invited (shipped by this
            // reading): 161 found, 8 flagged
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.7),
                ("confidential", 0.85),
                ("credit", 0.65),
                ("links", 0.7),
                ("location", 0.85),
                ("patient-data", 0.95),
                ("personal-data", 0.8),
                ("political", 0.85),
                ("safeguarding", 0.85),
            ],
            max_flagged: 8,
        },
    );
}

#[test]
fn issue10_hundred_and_fortysecond_heldout_regression_floors() {
    blind(
        "heldout142.toml",
        include_str!("eval/heldout142.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-sixth session), pooled with
            // heldout141-144: 149 found, 7 flagged on arrival (c65eb88c)
            // violence wished on or invited (shipped by this
            // reading): 150 found, 7 flagged
            recall: &[
                ("commercial", 0.65),
                ("conduct", 0.7),
                ("confidential", 0.75),
                ("credit", 0.9),
                ("links", 0.6),
                ("location", 0.95),
                ("patient-data", 0.65),
                ("personal-data", 0.6),
                ("political", 0.9),
                ("safeguarding", 0.75),
            ],
            max_flagged: 7,
        },
    );
}

#[test]
fn issue10_hundred_and_fortythird_heldout_regression_floors() {
    blind(
        "heldout143.toml",
        include_str!("eval/heldout143.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-sixth session), pooled with
            // heldout141-144: 164 found, 11 flagged on arrival (c65eb88c)
            // violence wished on or invited (shipped by this
            // reading): 165 found, 11 flagged
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.8),
                ("confidential", 0.85),
                ("credit", 0.9),
                ("links", 0.7),
                ("location", 0.85),
                ("patient-data", 0.8),
                ("personal-data", 0.65),
                ("political", 0.95),
                ("safeguarding", 0.8),
            ],
            max_flagged: 11,
        },
    );
}

#[test]
fn issue10_hundred_and_fortyfourth_heldout_regression_floors() {
    blind(
        "heldout144.toml",
        include_str!("eval/heldout144.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-sixth session), pooled with
            // heldout141-144: 167 found, 4 flagged on arrival (c65eb88c)
            // violence wished on or invited (shipped by this
            // reading): 167 found, 4 flagged
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.7),
                ("confidential", 0.95),
                ("credit", 0.85),
                ("links", 0.9),
                ("location", 0.9),
                ("patient-data", 0.85),
                ("personal-data", 0.7),
                ("political", 0.8),
                ("safeguarding", 0.8),
            ],
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_deep_on_the_hundred_and_fortyfirst_to_hundred_and_fortyfourth_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout141.toml",
            include_str!("eval/heldout141.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-sixth session), pooled with
                // heldout141-144: 180 found, 8 flagged on arrival (c65eb88c)
                // violence wished on or invited (shipped by this
                // reading): 180 found, 8 flagged
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.8),
                    ("confidential", 0.9),
                    ("credit", 0.95),
                    ("links", 0.9),
                    ("location", 0.85),
                    ("patient-data", 0.95),
                    ("personal-data", 0.85),
                    ("political", 0.95),
                    ("safeguarding", 0.95),
                ],
                max_flagged: 8,
            },
        ),
        (
            "heldout142.toml",
            include_str!("eval/heldout142.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-sixth session), pooled with
                // heldout141-144: 170 found, 9 flagged on arrival (c65eb88c)
                // violence wished on or invited (shipped by this
                // reading): 171 found, 9 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.8),
                    ("confidential", 0.9),
                    ("credit", 0.95),
                    ("links", 0.9),
                    ("location", 0.95),
                    ("patient-data", 0.8),
                    ("personal-data", 0.65),
                    ("political", 0.9),
                    ("safeguarding", 0.8),
                ],
                max_flagged: 9,
            },
        ),
        (
            "heldout143.toml",
            include_str!("eval/heldout143.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-sixth session), pooled with
                // heldout141-144: 180 found, 13 flagged on arrival (c65eb88c)
                // violence wished on or invited (shipped by this
                // reading): 180 found, 13 flagged
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.9),
                    ("confidential", 1.0),
                    ("credit", 0.95),
                    ("links", 0.85),
                    ("location", 0.85),
                    ("patient-data", 0.95),
                    ("personal-data", 0.7),
                    ("political", 0.95),
                    ("safeguarding", 0.9),
                ],
                max_flagged: 13,
            },
        ),
        (
            "heldout144.toml",
            include_str!("eval/heldout144.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-sixth session), pooled with
                // heldout141-144: 175 found, 6 flagged on arrival (c65eb88c)
                // violence wished on or invited (shipped by this
                // reading): 175 found, 6 flagged
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.8),
                    ("confidential", 0.9),
                    ("credit", 0.95),
                    ("links", 0.95),
                    ("location", 0.95),
                    ("patient-data", 0.85),
                    ("personal-data", 0.7),
                    ("political", 0.9),
                    ("safeguarding", 0.85),
                ],
                max_flagged: 6,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_hundred_and_fortyfifth_heldout_regression_floors() {
    blind(
        "heldout145.toml",
        include_str!("eval/heldout145.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-sixth session), pooled with
            // heldout145-148: 159 found, 5 flagged on arrival (456cded9)
            // medicines taken from the workplace's stock (shipped by this
            // reading): 159 found, 5 flagged
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.8),
                ("confidential", 0.85),
                ("credit", 0.8),
                ("links", 0.5),
                ("location", 0.9),
                ("patient-data", 0.9),
                ("personal-data", 0.7),
                ("political", 0.8),
                ("safeguarding", 0.85),
            ],
            max_flagged: 5,
        },
    );
}

#[test]
fn issue10_hundred_and_fortysixth_heldout_regression_floors() {
    blind(
        "heldout146.toml",
        include_str!("eval/heldout146.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-sixth session), pooled with
            // heldout145-148: 144 found, 12 flagged on arrival (456cded9)
            // medicines taken from the workplace's stock (shipped by this
            // reading): 144 found, 12 flagged
            recall: &[
                ("commercial", 0.55),
                ("conduct", 0.75),
                ("confidential", 0.75),
                ("credit", 0.8),
                ("links", 0.55),
                ("location", 0.6),
                ("patient-data", 0.7),
                ("personal-data", 0.75),
                ("political", 0.9),
                ("safeguarding", 0.85),
            ],
            max_flagged: 12,
        },
    );
}

#[test]
fn issue10_hundred_and_fortyseventh_heldout_regression_floors() {
    blind(
        "heldout147.toml",
        include_str!("eval/heldout147.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-sixth session), pooled with
            // heldout145-148: 160 found, 6 flagged on arrival (456cded9)
            // medicines taken from the workplace's stock (shipped by this
            // reading): 160 found, 6 flagged
            recall: &[
                ("commercial", 0.75),
                ("conduct", 0.9),
                ("confidential", 0.75),
                ("credit", 0.8),
                ("links", 0.95),
                ("location", 0.75),
                ("patient-data", 0.8),
                ("personal-data", 0.75),
                ("political", 0.75),
                ("safeguarding", 0.8),
            ],
            max_flagged: 6,
        },
    );
}

#[test]
fn issue10_hundred_and_fortyeighth_heldout_regression_floors() {
    blind(
        "heldout148.toml",
        include_str!("eval/heldout148.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-sixth session), pooled with
            // heldout145-148: 158 found, 10 flagged on arrival (456cded9)
            // medicines taken from the workplace's stock (shipped by this
            // reading): 158 found, 10 flagged
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.65),
                ("confidential", 0.85),
                ("credit", 0.85),
                ("links", 0.65),
                ("location", 0.95),
                ("patient-data", 0.8),
                ("personal-data", 0.8),
                ("political", 0.9),
                ("safeguarding", 0.6),
            ],
            max_flagged: 10,
        },
    );
}

#[test]
fn issue10_deep_on_the_hundred_and_fortyfifth_to_hundred_and_fortyeighth_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout145.toml",
            include_str!("eval/heldout145.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-sixth session), pooled with
                // heldout145-148: 176 found, 7 flagged on arrival (456cded9)
                // medicines taken from the workplace's stock (shipped by this
                // reading): 176 found, 7 flagged
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.8),
                    ("confidential", 0.95),
                    ("credit", 1.0),
                    ("links", 0.75),
                    ("location", 0.9),
                    ("patient-data", 0.9),
                    ("personal-data", 0.75),
                    ("political", 0.9),
                    ("safeguarding", 0.95),
                ],
                max_flagged: 7,
            },
        ),
        (
            "heldout146.toml",
            include_str!("eval/heldout146.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-sixth session), pooled with
                // heldout145-148: 174 found, 16 flagged on arrival (456cded9)
                // medicines taken from the workplace's stock (shipped by this
                // reading): 174 found, 16 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.9),
                    ("confidential", 0.95),
                    ("credit", 1.0),
                    ("links", 0.7),
                    ("location", 0.75),
                    ("patient-data", 0.85),
                    ("personal-data", 0.75),
                    ("political", 0.95),
                    ("safeguarding", 1.0),
                ],
                max_flagged: 16,
            },
        ),
        (
            "heldout147.toml",
            include_str!("eval/heldout147.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-sixth session), pooled with
                // heldout145-148: 176 found, 8 flagged on arrival (456cded9)
                // medicines taken from the workplace's stock (shipped by this
                // reading): 176 found, 8 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.9),
                    ("confidential", 0.9),
                    ("credit", 1.0),
                    ("links", 0.95),
                    ("location", 0.85),
                    ("patient-data", 0.95),
                    ("personal-data", 0.75),
                    ("political", 0.8),
                    ("safeguarding", 0.85),
                ],
                max_flagged: 8,
            },
        ),
        (
            "heldout148.toml",
            include_str!("eval/heldout148.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-sixth session), pooled with
                // heldout145-148: 175 found, 15 flagged on arrival (456cded9)
                // medicines taken from the workplace's stock (shipped by this
                // reading): 175 found, 15 flagged
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.75),
                    ("confidential", 0.85),
                    ("credit", 1.0),
                    ("links", 0.85),
                    ("location", 0.95),
                    ("patient-data", 0.95),
                    ("personal-data", 0.75),
                    ("political", 0.95),
                    ("safeguarding", 0.8),
                ],
                max_flagged: 15,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_hundred_and_fortyninth_heldout_regression_floors() {
    blind(
        "heldout149.toml",
        include_str!("eval/heldout149.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-seventh session), pooled with
            // heldout149-152: 141 found, 8 flagged on arrival (ebc5d53a)
            // A well-known person in care, as the posts say it (shipped by this
            // reading): 141 found, 8 flagged
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.85),
                ("confidential", 0.8),
                ("credit", 0.65),
                ("links", 0.4),
                ("location", 0.75),
                ("patient-data", 0.7),
                ("personal-data", 0.7),
                ("political", 0.75),
                ("safeguarding", 0.65),
            ],
            max_flagged: 8,
        },
    );
}

#[test]
fn issue10_hundred_and_fiftieth_heldout_regression_floors() {
    blind(
        "heldout150.toml",
        include_str!("eval/heldout150.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-seventh session), pooled with
            // heldout149-152: 153 found, 3 flagged on arrival (ebc5d53a)
            // A well-known person in care, as the posts say it (shipped by this
            // reading): 153 found, 3 flagged
            recall: &[
                ("commercial", 0.7),
                ("conduct", 0.7),
                ("confidential", 0.75),
                ("credit", 0.85),
                ("links", 0.7),
                ("location", 0.75),
                ("patient-data", 0.7),
                ("personal-data", 0.7),
                ("political", 0.9),
                ("safeguarding", 0.9),
            ],
            max_flagged: 3,
        },
    );
}

#[test]
fn issue10_hundred_and_fiftyfirst_heldout_regression_floors() {
    blind(
        "heldout151.toml",
        include_str!("eval/heldout151.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-seventh session), pooled with
            // heldout149-152: 161 found, 5 flagged on arrival (ebc5d53a)
            // A well-known person in care, as the posts say it (shipped by this
            // reading): 162 found, 5 flagged
            recall: &[
                ("commercial", 0.75),
                ("conduct", 0.95),
                ("confidential", 0.8),
                ("credit", 0.95),
                ("links", 0.6),
                ("location", 0.9),
                ("patient-data", 0.7),
                ("personal-data", 0.7),
                ("political", 0.9),
                ("safeguarding", 0.8),
            ],
            max_flagged: 5,
        },
    );
}

#[test]
fn issue10_hundred_and_fiftysecond_heldout_regression_floors() {
    blind(
        "heldout152.toml",
        include_str!("eval/heldout152.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-seventh session), pooled with
            // heldout149-152: 158 found, 5 flagged on arrival (ebc5d53a)
            // A well-known person in care, as the posts say it (shipped by this
            // reading): 160 found, 5 flagged
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.9),
                ("confidential", 0.85),
                ("credit", 0.65),
                ("links", 0.95),
                ("location", 0.9),
                ("patient-data", 0.6),
                ("personal-data", 0.65),
                ("political", 0.95),
                ("safeguarding", 0.65),
            ],
            max_flagged: 5,
        },
    );
}

#[test]
fn issue10_deep_on_the_hundred_and_fortyninth_to_hundred_and_fiftysecond_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout149.toml",
            include_str!("eval/heldout149.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-seventh session), pooled with
                // heldout149-152: 169 found, 8 flagged on arrival (ebc5d53a)
                // A well-known person in care, as the posts say it (shipped by this
                // reading): 169 found, 8 flagged
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.9),
                    ("confidential", 0.9),
                    ("credit", 0.95),
                    ("links", 0.7),
                    ("location", 0.85),
                    ("patient-data", 0.8),
                    ("personal-data", 0.7),
                    ("political", 0.85),
                    ("safeguarding", 0.9),
                ],
                max_flagged: 8,
            },
        ),
        (
            "heldout150.toml",
            include_str!("eval/heldout150.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-seventh session), pooled with
                // heldout149-152: 173 found, 7 flagged on arrival (ebc5d53a)
                // A well-known person in care, as the posts say it (shipped by this
                // reading): 173 found, 7 flagged
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.8),
                    ("confidential", 0.9),
                    ("credit", 1.0),
                    ("links", 0.75),
                    ("location", 0.85),
                    ("patient-data", 0.8),
                    ("personal-data", 0.7),
                    ("political", 0.95),
                    ("safeguarding", 0.95),
                ],
                max_flagged: 7,
            },
        ),
        (
            "heldout151.toml",
            include_str!("eval/heldout151.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-seventh session), pooled with
                // heldout149-152: 167 found, 6 flagged on arrival (ebc5d53a)
                // A well-known person in care, as the posts say it (shipped by this
                // reading): 168 found, 6 flagged
                recall: &[
                    ("commercial", 0.75),
                    ("conduct", 0.95),
                    ("confidential", 0.85),
                    ("credit", 0.95),
                    ("links", 0.75),
                    ("location", 0.9),
                    ("patient-data", 0.7),
                    ("personal-data", 0.7),
                    ("political", 0.9),
                    ("safeguarding", 0.9),
                ],
                max_flagged: 6,
            },
        ),
        (
            "heldout152.toml",
            include_str!("eval/heldout152.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-seventh session), pooled with
                // heldout149-152: 178 found, 8 flagged on arrival (ebc5d53a)
                // A well-known person in care, as the posts say it (shipped by this
                // reading): 180 found, 8 flagged
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.95),
                    ("confidential", 0.9),
                    ("credit", 0.95),
                    ("links", 0.95),
                    ("location", 0.95),
                    ("patient-data", 0.8),
                    ("personal-data", 0.6),
                    ("political", 1.0),
                    ("safeguarding", 0.9),
                ],
                max_flagged: 8,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_hundred_and_fiftythird_heldout_regression_floors() {
    blind(
        "heldout153.toml",
        include_str!("eval/heldout153.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-seventh session), pooled with
            // heldout153-156: 162 found, 6 flagged on arrival (a9d4b4bd)
            // A patient singled out by a rare condition (shipped by this
            // reading): 163 found, 6 flagged
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.8),
                ("confidential", 0.95),
                ("credit", 0.8),
                ("links", 0.8),
                ("location", 0.9),
                ("patient-data", 0.65),
                ("personal-data", 0.7),
                ("political", 0.9),
                ("safeguarding", 0.75),
            ],
            max_flagged: 6,
        },
    );
}

#[test]
fn issue10_hundred_and_fiftyfourth_heldout_regression_floors() {
    blind(
        "heldout154.toml",
        include_str!("eval/heldout154.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-seventh session), pooled with
            // heldout153-156: 149 found, 4 flagged on arrival (a9d4b4bd)
            // A patient singled out by a rare condition (shipped by this
            // reading): 149 found, 4 flagged
            recall: &[
                ("commercial", 0.6),
                ("conduct", 0.6),
                ("confidential", 0.8),
                ("credit", 0.9),
                ("links", 0.95),
                ("location", 0.9),
                ("patient-data", 0.65),
                ("personal-data", 0.65),
                ("political", 0.65),
                ("safeguarding", 0.75),
            ],
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_hundred_and_fiftyfifth_heldout_regression_floors() {
    blind(
        "heldout155.toml",
        include_str!("eval/heldout155.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-seventh session), pooled with
            // heldout153-156: 153 found, 6 flagged on arrival (a9d4b4bd)
            // A patient singled out by a rare condition (shipped by this
            // reading): 153 found, 6 flagged
            recall: &[
                ("commercial", 0.65),
                ("conduct", 0.85),
                ("confidential", 0.85),
                ("credit", 0.9),
                ("links", 0.75),
                ("location", 0.8),
                ("patient-data", 0.8),
                ("personal-data", 0.6),
                ("political", 0.75),
                ("safeguarding", 0.7),
            ],
            max_flagged: 6,
        },
    );
}

#[test]
fn issue10_hundred_and_fiftysixth_heldout_regression_floors() {
    blind(
        "heldout156.toml",
        include_str!("eval/heldout156.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-seventh session), pooled with
            // heldout153-156: 155 found, 3 flagged on arrival (a9d4b4bd)
            // A patient singled out by a rare condition (shipped by this
            // reading): 155 found, 3 flagged
            recall: &[
                ("commercial", 0.75),
                ("conduct", 0.8),
                ("confidential", 0.85),
                ("credit", 0.8),
                ("links", 0.75),
                ("location", 0.9),
                ("patient-data", 0.7),
                ("personal-data", 0.65),
                ("political", 0.75),
                ("safeguarding", 0.8),
            ],
            max_flagged: 3,
        },
    );
}

#[test]
fn issue10_deep_on_the_hundred_and_fiftythird_to_hundred_and_fiftysixth_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout153.toml",
            include_str!("eval/heldout153.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-seventh session), pooled with
                // heldout153-156: 180 found, 8 flagged on arrival (a9d4b4bd)
                // A patient singled out by a rare condition (shipped by this
                // reading): 180 found, 8 flagged
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.85),
                    ("confidential", 1.0),
                    ("credit", 1.0),
                    ("links", 0.85),
                    ("location", 0.9),
                    ("patient-data", 0.9),
                    ("personal-data", 0.7),
                    ("political", 0.9),
                    ("safeguarding", 0.95),
                ],
                max_flagged: 8,
            },
        ),
        (
            "heldout154.toml",
            include_str!("eval/heldout154.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-seventh session), pooled with
                // heldout153-156: 169 found, 9 flagged on arrival (a9d4b4bd)
                // A patient singled out by a rare condition (shipped by this
                // reading): 169 found, 9 flagged
                recall: &[
                    ("commercial", 0.7),
                    ("conduct", 0.7),
                    ("confidential", 0.95),
                    ("credit", 1.0),
                    ("links", 0.95),
                    ("location", 1.0),
                    ("patient-data", 0.75),
                    ("personal-data", 0.75),
                    ("political", 0.8),
                    ("safeguarding", 0.85),
                ],
                max_flagged: 9,
            },
        ),
        (
            "heldout155.toml",
            include_str!("eval/heldout155.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-seventh session), pooled with
                // heldout153-156: 173 found, 10 flagged on arrival (a9d4b4bd)
                // A patient singled out by a rare condition (shipped by this
                // reading): 173 found, 10 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.9),
                    ("confidential", 0.9),
                    ("credit", 1.0),
                    ("links", 0.95),
                    ("location", 0.85),
                    ("patient-data", 0.9),
                    ("personal-data", 0.65),
                    ("political", 0.8),
                    ("safeguarding", 0.85),
                ],
                max_flagged: 10,
            },
        ),
        (
            "heldout156.toml",
            include_str!("eval/heldout156.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-seventh session), pooled with
                // heldout153-156: 173 found, 4 flagged on arrival (a9d4b4bd)
                // A patient singled out by a rare condition (shipped by this
                // reading): 173 found, 4 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.8),
                    ("confidential", 1.0),
                    ("credit", 0.95),
                    ("links", 0.9),
                    ("location", 0.95),
                    ("patient-data", 0.8),
                    ("personal-data", 0.65),
                    ("political", 0.8),
                    ("safeguarding", 0.95),
                ],
                max_flagged: 4,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_hundred_and_fiftyseventh_heldout_regression_floors() {
    blind(
        "heldout157.toml",
        include_str!("eval/heldout157.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-seventh session), pooled with
            // heldout157-160: 154 found, 16 flagged on arrival (b9e12e98)
            // A person's care read out from the record (shipped by this
            // reading): 155 found, 16 flagged
            recall: &[
                ("commercial", 0.7),
                ("conduct", 0.8),
                ("confidential", 0.9),
                ("credit", 0.75),
                ("links", 0.7),
                ("location", 0.75),
                ("patient-data", 0.75),
                ("personal-data", 0.75),
                ("political", 0.8),
                ("safeguarding", 0.8),
            ],
            max_flagged: 16,
        },
    );
}

#[test]
fn issue10_hundred_and_fiftyeighth_heldout_regression_floors() {
    blind(
        "heldout158.toml",
        include_str!("eval/heldout158.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-seventh session), pooled with
            // heldout157-160: 153 found, 7 flagged on arrival (b9e12e98)
            // A person's care read out from the record (shipped by this
            // reading): 153 found, 7 flagged
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.8),
                ("confidential", 0.65),
                ("credit", 0.8),
                ("links", 0.65),
                ("location", 0.75),
                ("patient-data", 0.8),
                ("personal-data", 0.65),
                ("political", 0.85),
                ("safeguarding", 0.9),
            ],
            max_flagged: 7,
        },
    );
}

#[test]
fn issue10_hundred_and_fiftyninth_heldout_regression_floors() {
    blind(
        "heldout159.toml",
        include_str!("eval/heldout159.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-seventh session), pooled with
            // heldout157-160: 143 found, 6 flagged on arrival (b9e12e98)
            // A person's care read out from the record (shipped by this
            // reading): 144 found, 6 flagged
            recall: &[
                ("commercial", 0.75),
                ("conduct", 0.9),
                ("confidential", 0.7),
                ("credit", 0.75),
                ("links", 0.5),
                ("location", 0.85),
                ("patient-data", 0.7),
                ("personal-data", 0.6),
                ("political", 0.75),
                ("safeguarding", 0.65),
            ],
            max_flagged: 6,
        },
    );
}

#[test]
fn issue10_hundred_and_sixtieth_heldout_regression_floors() {
    blind(
        "heldout160.toml",
        include_str!("eval/heldout160.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-seventh session), pooled with
            // heldout157-160: 150 found, 14 flagged on arrival (b9e12e98)
            // A person's care read out from the record (shipped by this
            // reading): 150 found, 14 flagged
            recall: &[
                ("commercial", 0.7),
                ("conduct", 0.75),
                ("confidential", 0.75),
                ("credit", 0.8),
                ("links", 0.65),
                ("location", 0.95),
                ("patient-data", 0.65),
                ("personal-data", 0.7),
                ("political", 0.65),
                ("safeguarding", 0.9),
            ],
            max_flagged: 14,
        },
    );
}

#[test]
fn issue10_deep_on_the_hundred_and_fiftyseventh_to_hundred_and_sixtieth_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout157.toml",
            include_str!("eval/heldout157.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-seventh session), pooled with
                // heldout157-160: 174 found, 20 flagged on arrival (b9e12e98)
                // A person's care read out from the record (shipped by this
                // reading): 174 found, 20 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.8),
                    ("confidential", 1.0),
                    ("credit", 0.95),
                    ("links", 0.8),
                    ("location", 0.75),
                    ("patient-data", 0.95),
                    ("personal-data", 0.8),
                    ("political", 0.9),
                    ("safeguarding", 0.9),
                ],
                max_flagged: 20,
            },
        ),
        (
            "heldout158.toml",
            include_str!("eval/heldout158.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-seventh session), pooled with
                // heldout157-160: 172 found, 12 flagged on arrival (b9e12e98)
                // A person's care read out from the record (shipped by this
                // reading): 172 found, 12 flagged
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.85),
                    ("confidential", 0.8),
                    ("credit", 0.95),
                    ("links", 0.75),
                    ("location", 0.95),
                    ("patient-data", 0.85),
                    ("personal-data", 0.7),
                    ("political", 0.85),
                    ("safeguarding", 0.95),
                ],
                max_flagged: 12,
            },
        ),
        (
            "heldout159.toml",
            include_str!("eval/heldout159.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-seventh session), pooled with
                // heldout157-160: 171 found, 8 flagged on arrival (b9e12e98)
                // A person's care read out from the record (shipped by this
                // reading): 172 found, 8 flagged
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.95),
                    ("confidential", 1.0),
                    ("credit", 1.0),
                    ("links", 0.75),
                    ("location", 0.85),
                    ("patient-data", 0.7),
                    ("personal-data", 0.75),
                    ("political", 0.85),
                    ("safeguarding", 0.8),
                ],
                max_flagged: 8,
            },
        ),
        (
            "heldout160.toml",
            include_str!("eval/heldout160.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-seventh session), pooled with
                // heldout157-160: 175 found, 12 flagged on arrival (b9e12e98)
                // A person's care read out from the record (shipped by this
                // reading): 175 found, 12 flagged
                recall: &[
                    ("commercial", 0.8),
                    ("conduct", 0.85),
                    ("confidential", 0.9),
                    ("credit", 1.0),
                    ("links", 0.85),
                    ("location", 0.95),
                    ("patient-data", 0.8),
                    ("personal-data", 0.85),
                    ("political", 0.8),
                    ("safeguarding", 0.95),
                ],
                max_flagged: 12,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_hundred_and_sixtyfirst_heldout_regression_floors() {
    blind(
        "heldout161.toml",
        include_str!("eval/heldout161.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-seventh session), pooled with
            // heldout161-164: 167 found, 8 flagged on arrival (6ff4422b)
            // Insults in Welsh (shipped by this
            // reading): 168 found, 8 flagged
            recall: &[
                ("commercial", 0.65),
                ("conduct", 0.9),
                ("confidential", 0.9),
                ("credit", 0.9),
                ("links", 0.85),
                ("location", 0.85),
                ("patient-data", 0.9),
                ("personal-data", 0.7),
                ("political", 0.8),
                ("safeguarding", 0.9),
            ],
            max_flagged: 8,
        },
    );
}

#[test]
fn issue10_hundred_and_sixtysecond_heldout_regression_floors() {
    blind(
        "heldout162.toml",
        include_str!("eval/heldout162.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-seventh session), pooled with
            // heldout161-164: 146 found, 10 flagged on arrival (6ff4422b)
            // Insults in Welsh (shipped by this
            // reading): 147 found, 10 flagged
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.6),
                ("confidential", 0.7),
                ("credit", 0.85),
                ("links", 0.5),
                ("location", 0.8),
                ("patient-data", 0.7),
                ("personal-data", 0.65),
                ("political", 0.9),
                ("safeguarding", 0.7),
            ],
            max_flagged: 10,
        },
    );
}

#[test]
fn issue10_hundred_and_sixtythird_heldout_regression_floors() {
    blind(
        "heldout163.toml",
        include_str!("eval/heldout163.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-seventh session), pooled with
            // heldout161-164: 160 found, 4 flagged on arrival (6ff4422b)
            // Insults in Welsh (shipped by this
            // reading): 160 found, 4 flagged
            recall: &[
                ("commercial", 0.7),
                ("conduct", 0.75),
                ("confidential", 0.75),
                ("credit", 1.0),
                ("links", 0.8),
                ("location", 0.9),
                ("patient-data", 0.8),
                ("personal-data", 0.65),
                ("political", 0.9),
                ("safeguarding", 0.75),
            ],
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_hundred_and_sixtyfourth_heldout_regression_floors() {
    blind(
        "heldout164.toml",
        include_str!("eval/heldout164.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-seventh session), pooled with
            // heldout161-164: 158 found, 4 flagged on arrival (6ff4422b)
            // Insults in Welsh (shipped by this
            // reading): 158 found, 4 flagged
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.55),
                ("confidential", 0.8),
                ("credit", 0.7),
                ("links", 0.6),
                ("location", 0.9),
                ("patient-data", 0.9),
                ("personal-data", 0.85),
                ("political", 0.95),
                ("safeguarding", 0.8),
            ],
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_deep_on_the_hundred_and_sixtyfirst_to_hundred_and_sixtyfourth_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout161.toml",
            include_str!("eval/heldout161.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-seventh session), pooled with
                // heldout161-164: 182 found, 12 flagged on arrival (6ff4422b)
                // Insults in Welsh (shipped by this
                // reading): 183 found, 12 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.95),
                    ("confidential", 1.0),
                    ("credit", 0.95),
                    ("links", 0.9),
                    ("location", 0.9),
                    ("patient-data", 0.95),
                    ("personal-data", 0.75),
                    ("political", 0.85),
                    ("safeguarding", 1.0),
                ],
                max_flagged: 12,
            },
        ),
        (
            "heldout162.toml",
            include_str!("eval/heldout162.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-seventh session), pooled with
                // heldout161-164: 165 found, 14 flagged on arrival (6ff4422b)
                // Insults in Welsh (shipped by this
                // reading): 166 found, 14 flagged
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.7),
                    ("confidential", 0.85),
                    ("credit", 1.0),
                    ("links", 0.7),
                    ("location", 0.8),
                    ("patient-data", 0.9),
                    ("personal-data", 0.65),
                    ("political", 0.85),
                    ("safeguarding", 0.85),
                ],
                max_flagged: 14,
            },
        ),
        (
            "heldout163.toml",
            include_str!("eval/heldout163.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-seventh session), pooled with
                // heldout161-164: 174 found, 8 flagged on arrival (6ff4422b)
                // Insults in Welsh (shipped by this
                // reading): 174 found, 8 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.85),
                    ("confidential", 0.9),
                    ("credit", 1.0),
                    ("links", 0.85),
                    ("location", 0.95),
                    ("patient-data", 0.8),
                    ("personal-data", 0.7),
                    ("political", 0.9),
                    ("safeguarding", 0.9),
                ],
                max_flagged: 8,
            },
        ),
        (
            "heldout164.toml",
            include_str!("eval/heldout164.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-seventh session), pooled with
                // heldout161-164: 172 found, 5 flagged on arrival (6ff4422b)
                // Insults in Welsh (shipped by this
                // reading): 172 found, 5 flagged
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.7),
                    ("confidential", 0.85),
                    ("credit", 0.95),
                    ("links", 0.8),
                    ("location", 0.85),
                    ("patient-data", 0.9),
                    ("personal-data", 0.85),
                    ("political", 0.95),
                    ("safeguarding", 0.85),
                ],
                max_flagged: 5,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_hundred_and_sixtyfifth_heldout_regression_floors() {
    blind(
        "heldout165.toml",
        include_str!("eval/heldout165.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-seventh session), pooled with
            // heldout165-168: 156 found, 2 flagged on arrival (b51c91a9)
            // Contempt by list and by weight (shipped by this
            // reading): 156 found, 2 flagged
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.75),
                ("confidential", 0.8),
                ("credit", 0.75),
                ("links", 0.9),
                ("location", 0.8),
                ("patient-data", 0.65),
                ("personal-data", 0.75),
                ("political", 0.8),
                ("safeguarding", 0.8),
            ],
            max_flagged: 2,
        },
    );
}

#[test]
fn issue10_hundred_and_sixtysixth_heldout_regression_floors() {
    blind(
        "heldout166.toml",
        include_str!("eval/heldout166.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-seventh session), pooled with
            // heldout165-168: 150 found, 5 flagged on arrival (b51c91a9)
            // Contempt by list and by weight (shipped by this
            // reading): 151 found, 5 flagged
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.95),
                ("confidential", 0.85),
                ("credit", 0.7),
                ("links", 0.45),
                ("location", 0.85),
                ("patient-data", 0.6),
                ("personal-data", 0.75),
                ("political", 0.75),
                ("safeguarding", 0.8),
            ],
            max_flagged: 5,
        },
    );
}

#[test]
fn issue10_hundred_and_sixtyseventh_heldout_regression_floors() {
    blind(
        "heldout167.toml",
        include_str!("eval/heldout167.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-seventh session), pooled with
            // heldout165-168: 145 found, 4 flagged on arrival (b51c91a9)
            // Contempt by list and by weight (shipped by this
            // reading): 145 found, 4 flagged
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.6),
                ("confidential", 0.85),
                ("credit", 0.75),
                ("links", 0.7),
                ("location", 0.7),
                ("patient-data", 0.65),
                ("personal-data", 0.75),
                ("political", 0.75),
                ("safeguarding", 0.7),
            ],
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_hundred_and_sixtyeighth_heldout_regression_floors() {
    blind(
        "heldout168.toml",
        include_str!("eval/heldout168.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-seventh session), pooled with
            // heldout165-168: 163 found, 8 flagged on arrival (b51c91a9)
            // Contempt by list and by weight (shipped by this
            // reading): 164 found, 8 flagged
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.75),
                ("confidential", 0.95),
                ("credit", 0.75),
                ("links", 0.75),
                ("location", 0.8),
                ("patient-data", 0.75),
                ("personal-data", 0.7),
                ("political", 0.95),
                ("safeguarding", 0.85),
            ],
            max_flagged: 8,
        },
    );
}

#[test]
fn issue10_deep_on_the_hundred_and_sixtyfifth_to_hundred_and_sixtyeighth_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout165.toml",
            include_str!("eval/heldout165.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-seventh session), pooled with
                // heldout165-168: 174 found, 2 flagged on arrival (b51c91a9)
                // Contempt by list and by weight (shipped by this
                // reading): 174 found, 2 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.8),
                    ("confidential", 0.8),
                    ("credit", 0.9),
                    ("links", 0.95),
                    ("location", 0.8),
                    ("patient-data", 0.85),
                    ("personal-data", 0.8),
                    ("political", 1.0),
                    ("safeguarding", 0.95),
                ],
                max_flagged: 2,
            },
        ),
        (
            "heldout166.toml",
            include_str!("eval/heldout166.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-seventh session), pooled with
                // heldout165-168: 166 found, 6 flagged on arrival (b51c91a9)
                // Contempt by list and by weight (shipped by this
                // reading): 167 found, 6 flagged
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.9),
                    ("confidential", 0.95),
                    ("credit", 0.95),
                    ("links", 0.55),
                    ("location", 0.85),
                    ("patient-data", 0.7),
                    ("personal-data", 0.75),
                    ("political", 0.85),
                    ("safeguarding", 0.9),
                ],
                max_flagged: 6,
            },
        ),
        (
            "heldout167.toml",
            include_str!("eval/heldout167.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-seventh session), pooled with
                // heldout165-168: 166 found, 4 flagged on arrival (b51c91a9)
                // Contempt by list and by weight (shipped by this
                // reading): 166 found, 4 flagged
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.75),
                    ("confidential", 0.9),
                    ("credit", 1.0),
                    ("links", 0.8),
                    ("location", 0.75),
                    ("patient-data", 0.7),
                    ("personal-data", 0.8),
                    ("political", 0.85),
                    ("safeguarding", 0.85),
                ],
                max_flagged: 4,
            },
        ),
        (
            "heldout168.toml",
            include_str!("eval/heldout168.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-seventh session), pooled with
                // heldout165-168: 179 found, 12 flagged on arrival (b51c91a9)
                // Contempt by list and by weight (shipped by this
                // reading): 180 found, 12 flagged
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.85),
                    ("confidential", 1.0),
                    ("credit", 0.95),
                    ("links", 0.95),
                    ("location", 0.8),
                    ("patient-data", 0.75),
                    ("personal-data", 0.8),
                    ("political", 0.9),
                    ("safeguarding", 1.0),
                ],
                max_flagged: 12,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_hundred_and_sixtyninth_heldout_regression_floors() {
    blind(
        "heldout169.toml",
        include_str!("eval/heldout169.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-seventh session), pooled with
            // heldout169-172: 159 found, 3 flagged on arrival (e4e411ea)
            // Self-harm and starving encouraged without despair (shipped by this
            // reading): 159 found, 3 flagged
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.85),
                ("confidential", 0.85),
                ("credit", 0.75),
                ("links", 0.75),
                ("location", 0.7),
                ("patient-data", 0.65),
                ("personal-data", 0.8),
                ("political", 0.75),
                ("safeguarding", 0.95),
            ],
            max_flagged: 3,
        },
    );
}

#[test]
fn issue10_hundred_and_seventieth_heldout_regression_floors() {
    blind(
        "heldout170.toml",
        include_str!("eval/heldout170.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-seventh session), pooled with
            // heldout169-172: 151 found, 7 flagged on arrival (e4e411ea)
            // Self-harm and starving encouraged without despair (shipped by this
            // reading): 151 found, 7 flagged
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.65),
                ("confidential", 0.8),
                ("credit", 0.85),
                ("links", 0.6),
                ("location", 0.85),
                ("patient-data", 0.7),
                ("personal-data", 0.6),
                ("political", 0.85),
                ("safeguarding", 0.85),
            ],
            max_flagged: 7,
        },
    );
}

#[test]
fn issue10_hundred_and_seventyfirst_heldout_regression_floors() {
    blind(
        "heldout171.toml",
        include_str!("eval/heldout171.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-seventh session), pooled with
            // heldout169-172: 160 found, 9 flagged on arrival (e4e411ea)
            // Self-harm and starving encouraged without despair (shipped by this
            // reading): 160 found, 9 flagged
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.7),
                ("confidential", 0.9),
                ("credit", 0.8),
                ("links", 0.8),
                ("location", 0.85),
                ("patient-data", 0.7),
                ("personal-data", 0.65),
                ("political", 0.95),
                ("safeguarding", 0.85),
            ],
            max_flagged: 9,
        },
    );
}

#[test]
fn issue10_hundred_and_seventysecond_heldout_regression_floors() {
    blind(
        "heldout172.toml",
        include_str!("eval/heldout172.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-05 (thirty-seventh session), pooled with
            // heldout169-172: 160 found, 4 flagged on arrival (e4e411ea)
            // Self-harm and starving encouraged without despair (shipped by this
            // reading): 160 found, 4 flagged
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.85),
                ("confidential", 0.8),
                ("credit", 0.85),
                ("links", 0.75),
                ("location", 0.85),
                ("patient-data", 0.65),
                ("personal-data", 0.7),
                ("political", 0.75),
                ("safeguarding", 0.9),
            ],
            max_flagged: 4,
        },
    );
}

#[test]
fn issue10_deep_on_the_hundred_and_sixtyninth_to_hundred_and_seventysecond_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout169.toml",
            include_str!("eval/heldout169.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-seventh session), pooled with
                // heldout169-172: 181 found, 3 flagged on arrival (e4e411ea)
                // Self-harm and starving encouraged without despair (shipped by this
                // reading): 181 found, 3 flagged
                recall: &[
                    ("commercial", 1.0),
                    ("conduct", 0.85),
                    ("confidential", 1.0),
                    ("credit", 1.0),
                    ("links", 0.9),
                    ("location", 0.8),
                    ("patient-data", 0.85),
                    ("personal-data", 0.8),
                    ("political", 0.85),
                    ("safeguarding", 1.0),
                ],
                max_flagged: 3,
            },
        ),
        (
            "heldout170.toml",
            include_str!("eval/heldout170.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-seventh session), pooled with
                // heldout169-172: 166 found, 9 flagged on arrival (e4e411ea)
                // Self-harm and starving encouraged without despair (shipped by this
                // reading): 166 found, 9 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.65),
                    ("confidential", 0.9),
                    ("credit", 1.0),
                    ("links", 0.75),
                    ("location", 0.85),
                    ("patient-data", 0.75),
                    ("personal-data", 0.65),
                    ("political", 0.95),
                    ("safeguarding", 0.95),
                ],
                max_flagged: 9,
            },
        ),
        (
            "heldout171.toml",
            include_str!("eval/heldout171.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-seventh session), pooled with
                // heldout169-172: 173 found, 10 flagged on arrival (e4e411ea)
                // Self-harm and starving encouraged without despair (shipped by this
                // reading): 173 found, 10 flagged
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.75),
                    ("confidential", 0.95),
                    ("credit", 0.95),
                    ("links", 0.8),
                    ("location", 0.95),
                    ("patient-data", 0.8),
                    ("personal-data", 0.7),
                    ("political", 0.95),
                    ("safeguarding", 0.9),
                ],
                max_flagged: 10,
            },
        ),
        (
            "heldout172.toml",
            include_str!("eval/heldout172.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-05 (thirty-seventh session), pooled with
                // heldout169-172: 176 found, 9 flagged on arrival (e4e411ea)
                // Self-harm and starving encouraged without despair (shipped by this
                // reading): 176 found, 9 flagged
                recall: &[
                    ("commercial", 1.0),
                    ("conduct", 1.0),
                    ("confidential", 0.9),
                    ("credit", 1.0),
                    ("links", 0.75),
                    ("location", 0.9),
                    ("patient-data", 0.8),
                    ("personal-data", 0.7),
                    ("political", 0.8),
                    ("safeguarding", 0.95),
                ],
                max_flagged: 9,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_hundred_and_seventythird_heldout_regression_floors() {
    blind(
        "heldout173.toml",
        include_str!("eval/heldout173.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-06 (thirty-eighth session), pooled with
            // heldout173-176: 152 found, 7 flagged on arrival (584e37e8)
            // A colleague's private life, sleep and birthday (shipped by this
            // reading): 155 found, 7 flagged
            recall: &[
                ("commercial", 0.75),
                ("conduct", 0.65),
                ("confidential", 0.8),
                ("credit", 0.7),
                ("links", 0.9),
                ("location", 0.75),
                ("patient-data", 0.8),
                ("personal-data", 0.55),
                ("political", 0.9),
                ("safeguarding", 0.8),
            ],
            max_flagged: 7,
        },
    );
}

#[test]
fn issue10_hundred_and_seventyfourth_heldout_regression_floors() {
    blind(
        "heldout174.toml",
        include_str!("eval/heldout174.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-06 (thirty-eighth session), pooled with
            // heldout173-176: 156 found, 2 flagged on arrival (584e37e8)
            // A colleague's private life, sleep and birthday (shipped by this
            // reading): 159 found, 2 flagged
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.75),
                ("confidential", 0.85),
                ("credit", 0.75),
                ("links", 0.65),
                ("location", 0.8),
                ("patient-data", 0.75),
                ("personal-data", 0.75),
                ("political", 0.95),
                ("safeguarding", 0.75),
            ],
            max_flagged: 2,
        },
    );
}

#[test]
fn issue10_hundred_and_seventyfifth_heldout_regression_floors() {
    blind(
        "heldout175.toml",
        include_str!("eval/heldout175.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-06 (thirty-eighth session), pooled with
            // heldout173-176: 164 found, 2 flagged on arrival (584e37e8)
            // A colleague's private life, sleep and birthday (shipped by this
            // reading): 164 found, 2 flagged
            recall: &[
                ("commercial", 0.85),
                ("conduct", 0.9),
                ("confidential", 0.8),
                ("credit", 0.8),
                ("links", 0.85),
                ("location", 0.8),
                ("patient-data", 0.8),
                ("personal-data", 0.85),
                ("political", 0.65),
                ("safeguarding", 0.9),
            ],
            max_flagged: 2,
        },
    );
}

#[test]
fn issue10_hundred_and_seventysixth_heldout_regression_floors() {
    blind(
        "heldout176.toml",
        include_str!("eval/heldout176.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-06 (thirty-eighth session), pooled with
            // heldout173-176: 157 found, 6 flagged on arrival (584e37e8)
            // A colleague's private life, sleep and birthday (shipped by this
            // reading): 160 found, 6 flagged
            recall: &[
                ("commercial", 0.75),
                ("conduct", 0.8),
                ("confidential", 0.8),
                ("credit", 0.8),
                ("links", 0.8),
                ("location", 0.8),
                ("patient-data", 0.85),
                ("personal-data", 0.7),
                ("political", 0.8),
                ("safeguarding", 0.75),
            ],
            max_flagged: 6,
        },
    );
}

#[test]
fn issue10_deep_on_the_hundred_and_seventythird_to_hundred_and_seventysixth_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout173.toml",
            include_str!("eval/heldout173.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-06 (thirty-eighth session), pooled with
                // heldout173-176: 179 found, 11 flagged on arrival (584e37e8)
                // A colleague's private life, sleep and birthday (shipped by this
                // reading): 180 found, 11 flagged
                recall: &[
                    ("commercial", 0.85),
                    ("conduct", 0.85),
                    ("confidential", 1.0),
                    ("credit", 0.95),
                    ("links", 0.95),
                    ("location", 0.9),
                    ("patient-data", 0.9),
                    ("personal-data", 0.65),
                    ("political", 0.95),
                    ("safeguarding", 0.95),
                ],
                max_flagged: 11,
            },
        ),
        (
            "heldout174.toml",
            include_str!("eval/heldout174.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-06 (thirty-eighth session), pooled with
                // heldout173-176: 172 found, 5 flagged on arrival (584e37e8)
                // A colleague's private life, sleep and birthday (shipped by this
                // reading): 174 found, 5 flagged
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.8),
                    ("confidential", 0.85),
                    ("credit", 0.9),
                    ("links", 0.75),
                    ("location", 0.85),
                    ("patient-data", 0.85),
                    ("personal-data", 0.75),
                    ("political", 1.0),
                    ("safeguarding", 0.95),
                ],
                max_flagged: 5,
            },
        ),
        (
            "heldout175.toml",
            include_str!("eval/heldout175.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-06 (thirty-eighth session), pooled with
                // heldout173-176: 180 found, 5 flagged on arrival (584e37e8)
                // A colleague's private life, sleep and birthday (shipped by this
                // reading): 181 found, 5 flagged
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.95),
                    ("confidential", 0.9),
                    ("credit", 1.0),
                    ("links", 0.95),
                    ("location", 0.8),
                    ("patient-data", 0.85),
                    ("personal-data", 0.8),
                    ("political", 0.8),
                    ("safeguarding", 1.0),
                ],
                max_flagged: 5,
            },
        ),
        (
            "heldout176.toml",
            include_str!("eval/heldout176.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-06 (thirty-eighth session), pooled with
                // heldout173-176: 173 found, 11 flagged on arrival (584e37e8)
                // A colleague's private life, sleep and birthday (shipped by this
                // reading): 177 found, 11 flagged
                recall: &[
                    ("commercial", 0.8),
                    ("conduct", 0.95),
                    ("confidential", 0.9),
                    ("credit", 0.95),
                    ("links", 0.8),
                    ("location", 0.9),
                    ("patient-data", 0.9),
                    ("personal-data", 0.7),
                    ("political", 0.85),
                    ("safeguarding", 0.9),
                ],
                max_flagged: 11,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

#[test]
fn issue10_hundred_and_seventyseventh_heldout_regression_floors() {
    blind(
        "heldout177.toml",
        include_str!("eval/heldout177.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-06 (thirty-eighth session), pooled with
            // heldout177-180: 166 found, 12 flagged on arrival (64e24aa3)
            // Private approaches: romance said outright, and details asked for (shipped by this
            // reading): 167 found, 12 flagged
            recall: &[
                ("commercial", 0.75),
                ("conduct", 0.85),
                ("confidential", 0.75),
                ("credit", 0.85),
                ("links", 0.65),
                ("location", 0.9),
                ("patient-data", 0.85),
                ("personal-data", 0.9),
                ("political", 0.95),
                ("safeguarding", 0.85),
            ],
            max_flagged: 12,
        },
    );
}

#[test]
fn issue10_hundred_and_seventyeighth_heldout_regression_floors() {
    blind(
        "heldout178.toml",
        include_str!("eval/heldout178.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-06 (thirty-eighth session), pooled with
            // heldout177-180: 160 found, 2 flagged on arrival (64e24aa3)
            // Private approaches: romance said outright, and details asked for (shipped by this
            // reading): 160 found, 2 flagged
            recall: &[
                ("commercial", 0.9),
                ("conduct", 0.8),
                ("confidential", 0.8),
                ("credit", 0.7),
                ("links", 0.85),
                ("location", 0.85),
                ("patient-data", 0.75),
                ("personal-data", 0.75),
                ("political", 0.85),
                ("safeguarding", 0.75),
            ],
            max_flagged: 2,
        },
    );
}

#[test]
fn issue10_hundred_and_seventyninth_heldout_regression_floors() {
    blind(
        "heldout179.toml",
        include_str!("eval/heldout179.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-06 (thirty-eighth session), pooled with
            // heldout177-180: 163 found, 7 flagged on arrival (64e24aa3)
            // Private approaches: romance said outright, and details asked for (shipped by this
            // reading): 163 found, 7 flagged
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.85),
                ("confidential", 0.9),
                ("credit", 0.75),
                ("links", 0.85),
                ("location", 0.9),
                ("patient-data", 0.65),
                ("personal-data", 0.85),
                ("political", 0.8),
                ("safeguarding", 0.8),
            ],
            max_flagged: 7,
        },
    );
}

#[test]
fn issue10_hundred_and_eightieth_heldout_regression_floors() {
    blind(
        "heldout180.toml",
        include_str!("eval/heldout180.toml"),
        &Floors {
            positives: 200,
            negatives: 200,
            // read once, 2026-12-06 (thirty-eighth session), pooled with
            // heldout177-180: 162 found, 6 flagged on arrival (64e24aa3)
            // Private approaches: romance said outright, and details asked for (shipped by this
            // reading): 162 found, 6 flagged
            recall: &[
                ("commercial", 0.8),
                ("conduct", 0.8),
                ("confidential", 0.8),
                ("credit", 0.75),
                ("links", 0.8),
                ("location", 0.85),
                ("patient-data", 0.8),
                ("personal-data", 0.85),
                ("political", 1.0),
                ("safeguarding", 0.65),
            ],
            max_flagged: 6,
        },
    );
}

#[test]
fn issue10_deep_on_the_hundred_and_seventyseventh_to_hundred_and_eightieth_heldout_sets() {
    let sets: [(&str, &str, Floors); 4] = [
        (
            "heldout177.toml",
            include_str!("eval/heldout177.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-06 (thirty-eighth session), pooled with
                // heldout177-180: 181 found, 18 flagged on arrival (64e24aa3)
                // Private approaches: romance said outright, and details asked for (shipped by this
                // reading): 182 found, 18 flagged
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.85),
                    ("confidential", 0.85),
                    ("credit", 1.0),
                    ("links", 0.8),
                    ("location", 0.95),
                    ("patient-data", 0.95),
                    ("personal-data", 0.9),
                    ("political", 1.0),
                    ("safeguarding", 0.85),
                ],
                max_flagged: 18,
            },
        ),
        (
            "heldout178.toml",
            include_str!("eval/heldout178.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-06 (thirty-eighth session), pooled with
                // heldout177-180: 179 found, 4 flagged on arrival (64e24aa3)
                // Private approaches: romance said outright, and details asked for (shipped by this
                // reading): 179 found, 4 flagged
                recall: &[
                    ("commercial", 0.95),
                    ("conduct", 0.85),
                    ("confidential", 0.9),
                    ("credit", 0.95),
                    ("links", 0.95),
                    ("location", 0.95),
                    ("patient-data", 0.85),
                    ("personal-data", 0.75),
                    ("political", 0.9),
                    ("safeguarding", 0.9),
                ],
                max_flagged: 4,
            },
        ),
        (
            "heldout179.toml",
            include_str!("eval/heldout179.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-06 (thirty-eighth session), pooled with
                // heldout177-180: 182 found, 10 flagged on arrival (64e24aa3)
                // Private approaches: romance said outright, and details asked for (shipped by this
                // reading): 182 found, 10 flagged
                recall: &[
                    ("commercial", 0.9),
                    ("conduct", 0.9),
                    ("confidential", 1.0),
                    ("credit", 0.95),
                    ("links", 0.9),
                    ("location", 0.9),
                    ("patient-data", 0.85),
                    ("personal-data", 0.9),
                    ("political", 0.9),
                    ("safeguarding", 0.9),
                ],
                max_flagged: 10,
            },
        ),
        (
            "heldout180.toml",
            include_str!("eval/heldout180.toml"),
            Floors {
                positives: 200,
                negatives: 200,
                // read once, 2026-12-06 (thirty-eighth session), pooled with
                // heldout177-180: 177 found, 8 flagged on arrival (64e24aa3)
                // Private approaches: romance said outright, and details asked for (shipped by this
                // reading): 177 found, 8 flagged
                recall: &[
                    ("commercial", 0.8),
                    ("conduct", 0.8),
                    ("confidential", 0.85),
                    ("credit", 1.0),
                    ("links", 0.85),
                    ("location", 0.85),
                    ("patient-data", 0.95),
                    ("personal-data", 0.85),
                    ("political", 1.0),
                    ("safeguarding", 0.9),
                ],
                max_flagged: 8,
            },
        ),
    ];
    for (name, src, floors) in &sets {
        blind_deep(name, src, floors);
    }
}

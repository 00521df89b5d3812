//! Evaluation of the default pack on the labelled sets under tests/eval/
//! (docs/EVALUATION.md):
//!
//! - `cases.toml`, written beside the rule lists: per-category recall on
//!   positive cases (each names the rule that must fire) and the number of
//!   hard negatives on which any rule fires. Its numbers are in the README's
//!   "Evaluation" section.
//! - `tuning.toml` and `heldout.toml`, written for issue 10 from the policies
//!   before the rules were changed, and the later `tuning*.toml` and
//!   `heldout*.toml`: positives name a category, found when any rule of that
//!   category fires. Only regression floors are asserted, those of
//!   `floors.toml` (one entry per set and pack; a newly read set gets its
//!   entries from scripts/floors.py).
//!
//! Run with `--nocapture` to see the tables.

#[path = "eval/sets.rs"]
mod sets;

use serde::Deserialize;
use sets::{Judge, Report, load, score, score_judged, score_with, table};
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
    // With `--deep`, hard negatives the encoder flags: two short texts
    // ("Ferry times from Twatt, Orkney" read as political since its output
    // layer was refitted, "Photos by @NHSEngland" as credit;
    // rules/models/policy-encoder.md), and a charity casino night with
    // play money and a link, read as a gambling link (added with the
    // links.*-described rules, which stand down on it; the encoder has no
    // stand-down words).
    let deep_negatives = score_with(&cases, &deep_pack);
    for (ids, case) in &deep_negatives.flagged {
        eprintln!("FLAGGED with --deep {ids:?}: {case}");
    }
    assert!(
        deep_negatives.flagged.len() <= 3,
        "--deep flags {} of cases.toml's hard negatives (was 3)",
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
        // 0.97 since 2026-12-07: the policy heads' veto drops "little
        // Oscar Example (year 4, Brookside Primary)", a named child in a
        // fundraising thank-you the safeguarding head scores below 0.02
        // (docs/EVALUATION.md, "The policy heads' veto")
        ("safeguarding", 0.97),
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

/// The default pack.
fn default_pack(org: &Org) -> Pack {
    Pack::default_pack(org).expect("the default pack")
}

/// The default pack with the contextual encoder's rules on (`--deep`).
fn deep_pack(org: &Org) -> Pack {
    let mut p = Pack::default_pack(org).expect("the default pack");
    p.set_deep(true);
    p
}

/// tests/eval/floors.toml: the regression floors of every issue-10 set,
/// one entry per set and pack, read at run time.
const FLOORS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/eval/floors.toml");

/// Where the sets are.
const SETS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/eval");

/// `--deep` has been read on every held-out set from `heldout26.toml` on
/// (docs/EVALUATION.md, "The contextual encoder in the tool").
const DEEP_FROM: u32 = 26;

/// The pack a floor is measured with.
#[derive(Deserialize, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[serde(rename_all = "lowercase")]
enum PackName {
    /// the default pack
    Default,
    /// the default pack with `--deep` ([`deep_pack`])
    Deep,
}

/// Whether a set's texts may be printed.
#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "lowercase")]
enum Kind {
    /// held-out: only the per-category table is printed, never a text
    Blind,
    /// rule authors may read it: the table and every text missed or flagged
    Tuning,
}

/// Regression floors for one of the issue-10 sets with one pack (a
/// `[[floor]]` of tests/eval/floors.toml): per category the recall measured
/// when the set was read, rounded down to two decimals, and the number of
/// hard negatives flagged then (a ceiling).
///
/// These floors are RAISED as detection improves (set them to the new
/// measured figures, rounded down, in the commit that improves them). They
/// are never lowered to hide a regression, and the sets are never edited to
/// make a miss pass (docs/EVALUATION.md).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Floors {
    /// the set's file name, directly under tests/eval/
    set: String,
    pack: PackName,
    kind: Kind,
    positives: usize,
    negatives: usize,
    max_flagged: usize,
    recall: BTreeMap<String, f64>,
}

impl Floors {
    /// How failure messages name the floor: its set and its pack.
    fn label(&self) -> String {
        let pack = match self.pack {
            PackName::Default => "default",
            PackName::Deep => "deep",
        };
        format!("{} ({pack} pack)", self.set)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FloorsFile {
    floor: Vec<Floors>,
}

/// Every floor of tests/eval/floors.toml, in the file's order.
fn floors() -> Vec<Floors> {
    let src = std::fs::read_to_string(FLOORS).unwrap_or_else(|e| panic!("{FLOORS}: {e}"));
    let file: FloorsFile = toml::from_str(&src).unwrap_or_else(|e| panic!("{FLOORS}: {e}"));
    file.floor
}

fn check(name: &str, rep: &Report, f: &Floors) {
    let p = Report::total(&rep.positives);
    let n = Report::total(&rep.negatives);
    // The sets are frozen: a changed count means a case was added or removed.
    assert_eq!(p.cases, f.positives, "{name}: positive cases");
    assert_eq!(n.cases, f.negatives, "{name}: hard negatives");
    let floors = &f.recall;
    assert_eq!(
        rep.positives.keys().map(String::as_str).collect::<Vec<_>>(),
        floors.keys().map(String::as_str).collect::<Vec<_>>(),
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

/// The compiled packs a test reads its floors with, one judge per pack
/// name, each compiling a pack once per organisation profile and keeping
/// it for every set the test reads (compiling once a set cost about half
/// a second each in a debug build, times 340 floors).
struct Judges<'a> {
    default: Judge<'a>,
    deep: Judge<'a>,
}

impl<'a> Judges<'a> {
    fn new(default: &'a dyn Fn(&Org) -> Pack, deep: &'a dyn Fn(&Org) -> Pack) -> Self {
        Judges {
            default: Judge::new(default),
            deep: Judge::new(deep),
        }
    }

    fn of(&mut self, pack: PackName) -> &mut Judge<'a> {
        match pack {
            PackName::Default => &mut self.default,
            PackName::Deep => &mut self.deep,
        }
    }
}

/// Reads a floor's set with the floor's pack and checks it: a blind set
/// prints only its per-category table (never a text); a tuning set also
/// prints every text missed or flagged (rule authors may read it).
fn read(f: &Floors, judges: &mut Judges) {
    let path = format!("{SETS}/{}", f.set);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    if f.pack == PackName::Deep && f.kind == Kind::Tuning {
        panic!("{}: no tuning floor with --deep", f.label());
    }
    let started = std::time::Instant::now();
    let rep = score_judged(&load(&f.set, &text), judges.of(f.pack));
    eprintln!(
        "{}(read in {:.1} s)\n",
        table(&f.label(), &rep),
        started.elapsed().as_secs_f64()
    );
    if f.kind == Kind::Tuning {
        let tag = f.set.trim_end_matches(".toml").to_uppercase();
        for (cat, ids, case) in &rep.missed {
            eprintln!("{tag} MISSED {cat} (fired {ids:?}): {case}");
        }
        for (ids, case) in &rep.flagged {
            eprintln!("{tag} FLAGGED {ids:?}: {case}");
        }
    }
    check(&f.label(), &rep, f);
}

/// Which floors a plain `cargo test` reads: every default-pack floor, and
/// every [`DEEP_SAMPLE`]th `--deep` floor in tests/eval/floors.toml's order
/// (counting from 0). The contextual encoder costs about 15 ms a text
/// even optimised, so reading all 160-odd `--deep` floors takes some 1,000
/// CPU seconds, most of CI's time; the sample still catches a change that
/// moves the encoder's rules everywhere. The other `--deep` floors are read
/// by the ignored `deep_floors_rest_*` tests, which the reading of a blind
/// set runs in a release build (docs/EVALUATION.md):
/// `cargo test --release --locked --test eval -- --include-ignored`.
const DEEP_SAMPLE: usize = 10;

/// Whether a floor is read by `cargo test` (true) or only by the ignored
/// tests (false), by its position among its pack's floors.
fn sampled(pack: PackName, nth: usize) -> bool {
    pack == PackName::Default || nth.is_multiple_of(DEEP_SAMPLE)
}

/// The floors are split between [`SHARDS`] tests so that `cargo test` reads
/// them in parallel: of the floors `sampled` says a plain run reads (`ci`
/// true) or leaves to the ignored tests (false), the `n`th of a pack
/// (counting from 0, default and deep apart, so that each shard gets its
/// share of the slower `--deep` floors) belongs to shard `n % SHARDS`.
/// Every floor of a shard is read even when an earlier one fails; the
/// shard then fails naming each failed set and pack (the panics above it
/// give the figures).
const SHARDS: usize = 8;

/// Each floor's test, in the file's order: whether a plain run reads it
/// (`sampled`) and its shard.
fn assignment(all: &[Floors]) -> Vec<(bool, usize)> {
    let mut nth = BTreeMap::new();
    let mut in_group = BTreeMap::new();
    all.iter()
        .map(|f| {
            let n = nth.entry(f.pack).or_insert(0);
            let ci = sampled(f.pack, *n);
            *n += 1;
            let m = in_group.entry((f.pack, ci)).or_insert(0);
            let shard = *m % SHARDS;
            *m += 1;
            (ci, shard)
        })
        .collect()
}

fn shard(i: usize, ci: bool) {
    let all = floors();
    let mine: Vec<&Floors> = all
        .iter()
        .zip(assignment(&all))
        .filter(|(_, a)| *a == (ci, i))
        .map(|(f, _)| f)
        .collect();
    assert!(!mine.is_empty(), "shard {i} (ci {ci}) has no floor");
    let mut judges = Judges::new(&default_pack, &deep_pack);
    let mut failed = Vec::new();
    for f in &mine {
        let read = std::panic::AssertUnwindSafe(|| read(f, &mut judges));
        if let Err(e) = std::panic::catch_unwind(read) {
            let why = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            // (check's messages start with the label already)
            let label = f.label();
            if why.starts_with(&label) {
                failed.push(why);
            } else {
                failed.push(format!("{label}: {why}"));
            }
        }
    }
    assert!(
        failed.is_empty(),
        "{} of shard {i}'s {} floors failed:\n{}",
        failed.len(),
        mine.len(),
        failed.join("\n")
    );
}

/// One test per shard: `floors_shard_N` reads what a plain `cargo test`
/// reads, `deep_floors_rest_N` (ignored) the `--deep` floors it leaves.
macro_rules! shards {
    ($($n:literal: $ci:ident, $rest:ident;)*) => {$(
        #[test]
        fn $ci() {
            shard($n, true);
        }

        #[test]
        #[ignore = "slow (the --deep floors CI leaves): run before shipping a change, \
                    cargo test --release --locked --test eval -- --include-ignored"]
        fn $rest() {
            shard($n, false);
        }
    )*};
}

shards! {
    0: floors_shard_0, deep_floors_rest_0;
    1: floors_shard_1, deep_floors_rest_1;
    2: floors_shard_2, deep_floors_rest_2;
    3: floors_shard_3, deep_floors_rest_3;
    4: floors_shard_4, deep_floors_rest_4;
    5: floors_shard_5, deep_floors_rest_5;
    6: floors_shard_6, deep_floors_rest_6;
    7: floors_shard_7, deep_floors_rest_7;
}

/// The `--deep` sample is spread over every shard, and what it leaves
/// is every `--deep` floor but the sampled ones.
#[test]
fn every_floor_is_read_by_one_shard() {
    let all = floors();
    let plan = assignment(&all);
    let deep = all.iter().filter(|f| f.pack == PackName::Deep).count();
    let rest = plan.iter().filter(|(ci, _)| !ci).count();
    assert_eq!(rest, deep - deep.div_ceil(DEEP_SAMPLE));
    // every test reads a --deep floor: the sample, and what it leaves
    let deep_plan: Vec<(bool, usize)> = all
        .iter()
        .zip(&plan)
        .filter(|(f, _)| f.pack == PackName::Deep)
        .map(|(_, a)| *a)
        .collect();
    for ci in [true, false] {
        for i in 0..SHARDS {
            assert!(
                deep_plan.contains(&(ci, i)),
                "shard {i} (ci {ci}) reads no --deep floor"
            );
        }
    }
}

/// A set's number if `name` is a held-out or tuning set's file name:
/// `("heldout", 7)` for `heldout7.toml`; `heldout.toml` is number 1.
fn set_number(name: &str) -> Option<(&'static str, u32)> {
    let stem = name.strip_suffix(".toml")?;
    let (prefix, rest) = if let Some(r) = stem.strip_prefix("heldout") {
        ("heldout", r)
    } else {
        ("tuning", stem.strip_prefix("tuning")?)
    };
    if rest.is_empty() {
        Some((prefix, 1))
    } else if rest.bytes().all(|b| b.is_ascii_digit()) {
        Some((prefix, rest.parse().ok()?))
    } else {
        None
    }
}

/// A set added without floors, a floor whose set is gone, or a set and
/// pack with two floors fails here rather than passing unmeasured: every
/// `heldout*.toml` and `tuning*.toml` directly under tests/eval/ has a
/// default-pack floor, every held-out set from [`DEEP_FROM`] on a `--deep`
/// one, tuning sets (and only they) are of kind "tuning", and each set and
/// pack appears once.
#[test]
fn floors_cover_every_set_once() {
    let all = floors();
    let mut problems = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for f in &all {
        if !seen.insert((f.set.as_str(), f.pack)) {
            problems.push(format!("{}: two floors", f.label()));
        }
        match set_number(&f.set) {
            None => problems.push(format!("{}: not a set's file name", f.label())),
            Some((prefix, _)) => {
                let tuning = prefix == "tuning";
                if tuning != (f.kind == Kind::Tuning) {
                    let want = if tuning { "tuning" } else { "blind" };
                    problems.push(format!(
                        "{}: a {prefix} set must be of kind {want}",
                        f.label()
                    ));
                }
            }
        }
        if !std::path::Path::new(SETS).join(&f.set).is_file() {
            problems.push(format!("{}: no such set under tests/eval/", f.label()));
        }
    }
    let mut sets = 0;
    for entry in std::fs::read_dir(SETS).expect("tests/eval/") {
        let entry = entry.expect("tests/eval/");
        let name = entry.file_name().into_string().expect("a UTF-8 file name");
        let Some((prefix, number)) = set_number(&name) else {
            continue;
        };
        if !entry.file_type().expect("tests/eval/").is_file() {
            continue;
        }
        sets += 1;
        if !seen.contains(&(name.as_str(), PackName::Default)) {
            problems.push(format!("{name}: no default-pack floor"));
        }
        if prefix == "heldout"
            && number >= DEEP_FROM
            && !seen.contains(&(name.as_str(), PackName::Deep))
        {
            problems.push(format!("{name}: no --deep floor"));
        }
    }
    assert!(sets > 0, "no sets under {SETS}");
    assert!(
        problems.is_empty(),
        "tests/eval/floors.toml against the sets under tests/eval/:\n{}",
        problems.join("\n")
    );
}

//! Evaluation of the default pack on public labelled sets, and on the
//! project's own tuning and held-out sets. Not part of CI: the public data
//! is fetched, not committed (docs/EVALUATION.md).
//!
//! ```sh
//! scripts/fetch-eval-data.sh MIRROR_DIR
//! cargo run --release --example eval_public -- eval-data/
//! ```
//!
//! Every tweet becomes one X post record (`text`, with its `@handles` as
//! mentions, as the X reader takes them from the tweet's entities; HTML
//! entities decoded, as the reader does) and is run through
//! `Pack::check` of the default pack with the default organisation
//! profile. A tweet counts as FLAGGED when any rule of category `conduct` or
//! `safeguarding` fires on it (abuse, obscenity, slurs, threats, self-harm
//! encouragement: what OLID calls offensive and Davidson calls hate or
//! offensive). A `conduct`-only row is printed beside it.
//!
//! - OLID (OffensEval 2019) sub-task A test split: precision, recall and F1
//!   of the OFF class.
//! - Davidson et al. 2017: recall on the hate class (0), on the offensive
//!   class (1), the share of "neither" (2) flagged, and P/R/F1 with hate and
//!   offensive together as the positive class.
//!
//! `--no-mentions` runs the tweets without mentions (as bare posts).
//! `--deep` runs the contextual encoder's rules too (`scan --deep`).
//! `--rules PATH` evaluates a pack from disk (a file or a folder such as
//! `rules/`) instead of the embedded one, so a changed list can be
//! measured without rebuilding. `--project-only` skips the public sets.
//! `--dev` reads the development sets instead (the kept-back tenth of the
//! OLID training split and the TweetEval hate test split) and the tuning
//! sets, never the external tests or a held-out set: what a change may be
//! tuned on (docs/EVALUATION.md). `--show` prints the missed and flagged texts of `cases.toml` and
//! `tuning.toml` (never of `heldout.toml`, which rule authors do not read).

#[path = "../tests/eval/sets.rs"]
mod sets;

use social_audit::org::Org;
use social_audit::platform::twitter::{mentions, unescape};
use social_audit::record::{Platform, Record, RecordKind};
use social_audit::rules::{Hit, Pack};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

/// Which rule categories make a tweet "flagged", per row of the output.
const DEFINITIONS: &[(&str, &[&str])] = &[
    ("conduct+safeguarding", &["conduct", "safeguarding"]),
    ("conduct only", &["conduct"]),
];

/// One public set's evaluation.
type PublicSet = fn(&mut Runner, &Path) -> Result<(), String>;

struct Runner {
    pack: Pack,
    mentions: bool,
    hits: Vec<Hit>,
}

impl Runner {
    /// Categories of the rules that fire on `text`, and their ids. The text
    /// is read as the X reader reads a tweet: a post, or a repost when it
    /// starts "RT @" / "RT:" (src/platform/twitter/tweet.rs), so rules
    /// scoped to what the account itself wrote see what they would see in
    /// a real archive.
    fn run(&mut self, id: &str, text: &str) -> (Vec<String>, Vec<String>) {
        let text = unescape(text);
        let kind = if text.starts_with("RT @") || text.starts_with("RT:") {
            RecordKind::Repost
        } else {
            RecordKind::Post
        };
        let mut r = Record::new(Platform::Twitter, kind, id);
        r.account = "eval".into();
        if self.mentions {
            r.mentions = mentions(&text);
        }
        r.push_field(social_audit::record::Field::Text, text.into_owned());
        self.hits.clear();
        self.pack.check(&r, &mut self.hits);
        let rules = self.pack.rules();
        let mut cats: Vec<String> = self
            .hits
            .iter()
            .map(|h| rules[h.rule].category.as_str().to_string())
            .collect();
        let mut ids: Vec<String> = self.hits.iter().map(|h| rules[h.rule].id.clone()).collect();
        cats.sort();
        cats.dedup();
        ids.sort();
        ids.dedup();
        (cats, ids)
    }
}

fn flagged(cats: &[String], def: &[&str]) -> bool {
    cats.iter().any(|c| def.contains(&c.as_str()))
}

#[derive(Default)]
struct Confusion {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
}

impl Confusion {
    fn add(&mut self, truth: bool, predicted: bool) {
        match (truth, predicted) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }
    fn prf(&self) -> (f64, f64, f64) {
        let p = ratio(self.tp, self.tp + self.fp);
        let r = ratio(self.tp, self.tp + self.fn_);
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

/// One row of precision, recall and F1 per definition of "flagged".
fn prf_table(conf: &[Confusion]) {
    println!("| flagged when | precision | recall | F1 | TP | FP | FN |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for (c, (name, _)) in conf.iter().zip(DEFINITIONS) {
        let (p, r, f) = c.prf();
        println!(
            "| {name} | {p:.3} | {r:.3} | {f:.3} | {} | {} | {} |",
            c.tp, c.fp, c.fn_
        );
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Rule ids by how often they fired, most first (top `n`).
fn top(counts: &BTreeMap<String, usize>, n: usize) -> String {
    let mut v: Vec<(&String, &usize)> = counts.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    v.iter()
        .take(n)
        .map(|(k, c)| format!("{k} {c}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn olid(run: &mut Runner, dir: &Path) -> Result<(), String> {
    let read = |f: &str| {
        std::fs::read_to_string(dir.join(f)).map_err(|e| format!("{}: {e}", dir.join(f).display()))
    };
    let tweets = read("olid/testset-levela.tsv")?;
    let labels = read("olid/labels-levela.csv")?;
    let gold: BTreeMap<&str, bool> = labels
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (id, lab) = l.split_once(',').expect("id,label");
            (id, lab.trim() == "OFF")
        })
        .collect();
    let start = Instant::now();
    let mut conf: Vec<Confusion> = DEFINITIONS.iter().map(|_| Confusion::default()).collect();
    let (mut fp_rules, mut tp_rules) = (BTreeMap::new(), BTreeMap::new());
    let mut n = 0;
    for line in tweets.lines().skip(1).filter(|l| !l.is_empty()) {
        let (id, text) = line.split_once('\t').ok_or("olid: id<TAB>tweet")?;
        let truth = *gold
            .get(id)
            .ok_or_else(|| format!("olid: no label for {id}"))?;
        let (cats, ids) = run.run(id, text);
        for (c, (_, def)) in conf.iter_mut().zip(DEFINITIONS) {
            c.add(truth, flagged(&cats, def));
        }
        if flagged(&cats, DEFINITIONS[0].1) {
            let into = if truth { &mut tp_rules } else { &mut fp_rules };
            for id in ids {
                *into.entry(id).or_insert(0) += 1;
            }
        }
        n += 1;
    }
    if n != gold.len() {
        return Err(format!("olid: {n} tweets, {} labels", gold.len()));
    }
    let off = conf[0].tp + conf[0].fn_;
    println!(
        "\n## OLID 2019 sub-task A, test split ({n} tweets, {off} OFF) — {:.1} s\n",
        start.elapsed().as_secs_f64()
    );
    prf_table(&conf);
    println!("\nrules on true positives: {}", top(&tp_rules, 8));
    println!("rules on false positives: {}", top(&fp_rules, 8));
    Ok(())
}

fn davidson(run: &mut Runner, dir: &Path) -> Result<(), String> {
    let path = dir.join("davidson/labeled_data.csv");
    let mut rdr = csv::Reader::from_path(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let headers = rdr.headers().map_err(|e| e.to_string())?.clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or(format!("davidson: no column {name}"))
    };
    let (class_col, tweet_col) = (col("class")?, col("tweet")?);
    let start = Instant::now();
    // per class 0 hate, 1 offensive, 2 neither: [tweets, flagged] per definition
    let mut per: Vec<[[usize; 2]; 3]> = DEFINITIONS.iter().map(|_| [[0; 2]; 3]).collect();
    let mut fp_rules = BTreeMap::new();
    let mut n = 0;
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| format!("davidson row {}: {e}", i + 2))?;
        let class: usize = rec[class_col]
            .parse()
            .map_err(|_| format!("davidson row {}: class", i + 2))?;
        if class > 2 {
            return Err(format!("davidson row {}: class {class}", i + 2));
        }
        let (cats, ids) = run.run(&i.to_string(), &rec[tweet_col]);
        for (p, (_, def)) in per.iter_mut().zip(DEFINITIONS) {
            p[class][0] += 1;
            if flagged(&cats, def) {
                p[class][1] += 1;
            }
        }
        if class == 2 && flagged(&cats, DEFINITIONS[0].1) {
            for id in ids {
                *fp_rules.entry(id).or_insert(0) += 1;
            }
        }
        n += 1;
    }
    let c = per[0];
    println!(
        "\n## Davidson et al. 2017 ({n} tweets: {} hate, {} offensive, {} neither) — {:.1} s\n",
        c[0][0],
        c[1][0],
        c[2][0],
        start.elapsed().as_secs_f64()
    );
    println!(
        "| flagged when | hate recall | offensive recall | neither flagged | P (hate+off) | R (hate+off) | F1 (hate+off) |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for (p, (name, _)) in per.iter().zip(DEFINITIONS) {
        let conf = Confusion {
            tp: p[0][1] + p[1][1],
            fn_: p[0][0] + p[1][0] - p[0][1] - p[1][1],
            fp: p[2][1],
            tn: p[2][0] - p[2][1],
        };
        let (pr, r, f) = conf.prf();
        println!(
            "| {name} | {:.3} ({}/{}) | {:.3} ({}/{}) | {:.1}% ({}/{}) | {pr:.3} | {r:.3} | {f:.3} |",
            ratio(p[0][1], p[0][0]),
            p[0][1],
            p[0][0],
            ratio(p[1][1], p[1][0]),
            p[1][1],
            p[1][0],
            100.0 * ratio(p[2][1], p[2][0]),
            p[2][1],
            p[2][0],
        );
    }
    println!(
        "\nrules on flagged \"neither\" tweets: {}",
        top(&fp_rules, 8)
    );
    Ok(())
}

/// The development sets (`--dev`): what a change to the lists or the
/// models may be tuned on, unlike the external tests above. The tenth of the
/// OLID *training* split that the abuse model's trainer keeps back
/// (`index % 10 == 0`, examples/train_model.rs), and the TweetEval `hate`
/// test split (HatEval 2019), which no trainer reads.
fn dev(run: &mut Runner, dir: &Path) -> Result<(), String> {
    // `--show` lists the kept-back tenth's misses and false alarms (stderr).
    let show = std::env::args().any(|a| a == "--show");
    let path = dir.join("train/olid/olid-training-v1.0.tsv");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut conf: Vec<Confusion> = DEFINITIONS.iter().map(|_| Confusion::default()).collect();
    let (mut fp_rules, mut tp_rules) = (BTreeMap::new(), BTreeMap::new());
    let mut n = 0;
    for (i, line) in text.lines().skip(1).enumerate() {
        let cols: Vec<&str> = line.split('\t').collect();
        if i % 10 != 0 || cols.len() < 3 {
            continue;
        }
        let (cats, ids) = run.run(cols[0], cols[1]);
        for (c, (_, def)) in conf.iter_mut().zip(DEFINITIONS) {
            c.add(cols[2] == "OFF", flagged(&cats, def));
        }
        if show && (cols[2] == "OFF") != flagged(&cats, DEFINITIONS[0].1) {
            let what = if cols[2] == "OFF" {
                "missed"
            } else {
                "flagged"
            };
            eprintln!("olid-dev {what}: {}", cols[1]);
        }
        if flagged(&cats, DEFINITIONS[0].1) {
            let into = if cols[2] == "OFF" {
                &mut tp_rules
            } else {
                &mut fp_rules
            };
            for id in ids {
                *into.entry(id).or_insert(0) += 1;
            }
        }
        n += 1;
    }
    println!("\n## dev: OLID training split, kept-back tenth ({n} tweets)\n");
    if run.pack.deep() {
        // scripts/encoder-study/README.md: its conduct output trains on
        // the whole OLID training split since 2026-12-04
        println!("(with --deep these tweets are not unseen: the encoder trained on them)\n");
    }
    prf_table(&conf);
    println!("\nrules on true positives: {}", top(&tp_rules, 12));
    println!("rules on false positives: {}", top(&fp_rules, 12));
    let base = dir.join("train/tweeteval/hate");
    let read = |f: &str| {
        std::fs::read_to_string(base.join(f))
            .map_err(|e| format!("{}: {e}", base.join(f).display()))
    };
    let (texts, labels) = (read("test_text.txt")?, read("test_labels.txt")?);
    let mut per = [[0usize; 2]; 2];
    for (i, (t, l)) in texts.lines().zip(labels.lines()).enumerate() {
        let (cats, _) = run.run(&format!("h{i}"), t);
        let class = usize::from(l.trim() == "1");
        per[class][0] += 1;
        if flagged(&cats, DEFINITIONS[0].1) {
            per[class][1] += 1;
        }
    }
    println!(
        "\n## dev: TweetEval hate test (HatEval 2019)\n\nhateful recall {:.3} ({}/{}); not hateful flagged {:.1}% ({}/{}; many are offensive)",
        ratio(per[1][1], per[1][0]),
        per[1][1],
        per[1][0],
        100.0 * ratio(per[0][1], per[0][0]),
        per[0][1],
        per[0][0]
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mentions = !args.iter().any(|a| a == "--no-mentions");
    let project_only = args.iter().any(|a| a == "--project-only");
    let show = args.iter().any(|a| a == "--show");
    // `--dev`: the development sets and the tuning sets only; neither the
    // external tests nor any held-out set is read.
    let dev_only = args.iter().any(|a| a == "--dev");
    // `--deep`: the contextual encoder's rules too (docs/ENCODER.md)
    let deep = args.iter().any(|a| a == "--deep");
    let rules = args
        .iter()
        .position(|a| a == "--rules")
        .and_then(|i| args.get(i + 1))
        .map(std::path::PathBuf::from);
    let positional: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| !a.starts_with("--") && (*i == 0 || args[i - 1] != "--rules"))
        .map(|(_, a)| a)
        .collect();
    let dir = match positional.first() {
        Some(d) => Path::new(d.as_str()),
        None if project_only => Path::new("eval-data"),
        None => {
            eprintln!(
                "usage: eval_public [--no-mentions] [--deep] [--rules PATH] [--project-only | --dev] EVAL_DATA_DIR   (see docs/EVALUATION.md)"
            );
            return ExitCode::from(2);
        }
    };
    let loaded = match &rules {
        Some(p) => Pack::from_path(p, &Org::default()),
        None => Pack::default_pack(&Org::default()),
    };
    let pack = match loaded {
        Ok(mut p) => {
            p.set_deep(deep);
            p
        }
        Err(e) => {
            eprintln!("default pack: {e}");
            return ExitCode::from(2);
        }
    };
    let mut run = Runner {
        pack,
        mentions,
        hits: Vec::new(),
    };
    println!(
        "# social-audit {} default pack on public sets{}",
        env!("CARGO_PKG_VERSION"),
        if mentions { "" } else { " (--no-mentions)" }
    );
    let mut status = ExitCode::SUCCESS;
    let public: &[(&str, PublicSet)] = if project_only {
        &[]
    } else if dev_only {
        &[("dev", dev)]
    } else {
        &[("OLID", olid), ("Davidson", davidson)]
    };
    for &(name, f) in public {
        if let Err(e) = f(&mut run, dir) {
            eprintln!("{name}: {e}");
            status = ExitCode::FAILURE;
        }
    }
    println!("\n# Project sets (tests/eval/)\n");
    let sets: &[(&str, &str)] = if dev_only {
        &[
            ("cases.toml", include_str!("../tests/eval/cases.toml")),
            ("tuning.toml", include_str!("../tests/eval/tuning.toml")),
            ("tuning2.toml", include_str!("../tests/eval/tuning2.toml")),
            ("tuning3.toml", include_str!("../tests/eval/tuning3.toml")),
            ("tuning4.toml", include_str!("../tests/eval/tuning4.toml")),
            ("tuning5.toml", include_str!("../tests/eval/tuning5.toml")),
            ("tuning6.toml", include_str!("../tests/eval/tuning6.toml")),
        ]
    } else {
        &[
            ("cases.toml", include_str!("../tests/eval/cases.toml")),
            ("tuning.toml", include_str!("../tests/eval/tuning.toml")),
            ("heldout.toml", include_str!("../tests/eval/heldout.toml")),
        ]
    };
    for &(name, src) in sets {
        let cases = sets::load(name, src);
        // the same pack as the public sets: `--rules` and `--deep` too
        let report = sets::score_with(&cases, &|org| {
            let mut p = match &rules {
                Some(p) => Pack::from_path(p, org).unwrap(),
                None => Pack::default_pack(org).unwrap(),
            };
            p.set_deep(deep);
            p
        });
        println!("{}", sets::table(name, &report));
        // Texts only for the sets rule authors may read, never held-out.
        if show && name != "heldout.toml" {
            for (want, fired, text) in &report.missed {
                println!("MISSED {want}: {text}   (fired: {fired:?})");
            }
            for (fired, text) in &report.flagged {
                println!("FLAGGED {fired:?}: {text}");
            }
        }
    }
    status
}

//! Loading and scoring the labelled evaluation sets under tests/eval/:
//! `cases.toml` (positives name a `rule`), and `tuning.toml` / `heldout.toml`
//! (positives name a `category`; see docs/EVALUATION.md). Shared by
//! tests/eval.rs and examples/eval_public.rs, which include this file with
//! `#[path]`, so not every item is used by both.
#![allow(dead_code)]

use social_audit::org::Org;
use social_audit::record::{Field, Location, Platform, Record, RecordKind};
use social_audit::rules::Pack;
use std::collections::{BTreeMap, HashMap};

/// What a case expects.
pub enum Label {
    /// this rule must fire (cases.toml)
    Rule(String),
    /// some rule of this category must fire (tuning.toml, heldout.toml)
    Category(String),
    /// no rule may fire; `near` is the category the trap is built for
    Negative(Option<String>),
}

pub struct Case {
    pub label: Label,
    /// the case as written, for messages
    pub shown: String,
    pub org: Org,
    /// single record, or an account's records
    pub records: Vec<Record>,
    pub account: bool,
}

/// Keys of a case that describe it rather than being record fields.
const META: &[&str] = &[
    "rule", "category", "near", "kind", "org", "welsh", "official", "records", "lat", "lon",
    "source",
];

fn to_record(t: &toml::Table, id: String) -> Record {
    let kind = t
        .get("kind")
        .and_then(|k| k.as_str())
        .map(|k| RecordKind::parse(k).unwrap_or_else(|| panic!("kind {k}")))
        .unwrap_or(RecordKind::Post);
    let mut r = Record::new(Platform::Twitter, kind, id);
    r.account = "eval".into();
    let num = |k: &str| {
        t.get(k)
            .and_then(|v| v.as_float().or(v.as_integer().map(|i| i as f64)))
    };
    if let (Some(lat), Some(lon)) = (num("lat"), num("lon")) {
        let field = match t.get("source").and_then(|s| s.as_str()) {
            Some("exif") => Field::Exif,
            _ => Field::Geo,
        };
        r.locations.push(Location {
            field,
            lat: Some(lat),
            lon: Some(lon),
            label: String::new(),
        });
    }
    for (k, v) in t {
        match k.as_str() {
            k if META.contains(&k) => {}
            "created_at" => r.created_at = Some(v.as_str().unwrap().parse().unwrap()),
            "mentions" => r.mentions.extend(
                v.as_array()
                    .unwrap()
                    .iter()
                    .map(|m| m.as_str().unwrap().to_string()),
            ),
            "media" => r.media.extend(
                v.as_array()
                    .unwrap()
                    .iter()
                    .map(|m| m.as_str().unwrap().to_string()),
            ),
            name => {
                let name: Field = name.parse().unwrap_or_else(|e| panic!("{e}"));
                match v {
                    toml::Value::Array(a) => {
                        for x in a {
                            r.push_field(name, x.as_str().unwrap());
                        }
                    }
                    _ => r.push_field(name, v.as_str().unwrap()),
                }
            }
        }
    }
    r
}

/// Parses a set. `what` names it in panics.
pub fn load(what: &str, src: &str) -> Vec<Case> {
    let doc: toml::Table = toml::from_str(src).unwrap_or_else(|e| panic!("{what}: {e}"));
    let mut out = Vec::new();
    for (label, positive) in [("positive", true), ("negative", false)] {
        let list = doc.get(label).and_then(|v| v.as_array()).expect(label);
        for (i, v) in list.iter().enumerate() {
            let t = v.as_table().unwrap();
            let get = |k: &str| t.get(k).and_then(|r| r.as_str()).map(str::to_string);
            let label_of = match (positive, get("rule"), get("category")) {
                (true, Some(rule), None) => Label::Rule(rule),
                (true, None, Some(cat)) => Label::Category(cat),
                (false, None, None) => Label::Negative(get("near")),
                _ => panic!(
                    "{what} {label} #{}: needs exactly one of rule/category",
                    i + 1
                ),
            };
            let mut org: Org = match t.get("org") {
                Some(o) => o.clone().try_into().expect("org"),
                None => Org::default(),
            };
            let account = t.contains_key("records");
            let records = if account {
                let flag = |k: &str, d: bool| t.get(k).and_then(|b| b.as_bool()).unwrap_or(d);
                org.account.push(
                    Org::parse(&format!(
                        "[[account]]\nplatform = \"twitter\"\nhandle = \"eval\"\nwelsh = {}\nofficial = {}",
                        flag("welsh", false),
                        flag("official", true)
                    ))
                    .unwrap()
                    .account
                    .remove(0),
                );
                t["records"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .enumerate()
                    .map(|(j, r)| to_record(r.as_table().unwrap(), format!("{label}{i}.{j}")))
                    .collect()
            } else {
                vec![to_record(t, format!("{label}{i}"))]
            };
            out.push(Case {
                label: label_of,
                shown: v.to_string().replace('\n', " "),
                org,
                records,
                account,
            });
        }
    }
    out
}

/// Rule ids that fire on a case: per-record hits and account-level hits.
pub fn fired(pack: &Pack, case: &Case) -> Vec<String> {
    let mut ids = Vec::new();
    let mut hits = Vec::new();
    let mut st = pack.account_state(Platform::Twitter, "eval", &case.org);
    for r in &case.records {
        pack.check(r, &mut hits);
        if case.account {
            pack.observe(&mut st, r);
        }
    }
    ids.extend(hits.iter().map(|h| pack.rules()[h.rule].id.clone()));
    if case.account {
        ids.extend(
            pack.finish_account(st)
                .iter()
                .map(|h| pack.rules()[h.hit.rule].id.clone()),
        );
    }
    ids.sort();
    ids.dedup();
    ids
}

#[derive(Default, Clone, Copy)]
pub struct Score {
    pub cases: usize,
    /// positives found, or negatives flagged
    pub hits: usize,
}

impl Score {
    pub fn rate(&self) -> f64 {
        if self.cases == 0 {
            0.0
        } else {
            self.hits as f64 / self.cases as f64
        }
    }
}

/// A scored set: positives per expected category (for `Rule` labels the
/// rule's category), negatives per `near` category ("-" when not given).
#[derive(Default)]
pub struct Report {
    pub positives: BTreeMap<String, Score>,
    pub negatives: BTreeMap<String, Score>,
    /// missed positives: (expected, rule ids that did fire, case)
    pub missed: Vec<(String, Vec<String>, String)>,
    /// flagged negatives: (rule ids, case)
    pub flagged: Vec<(Vec<String>, String)>,
    /// rules that have a `Rule` positive
    pub rules_with_positive: Vec<String>,
}

impl Report {
    pub fn total(map: &BTreeMap<String, Score>) -> Score {
        map.values().fold(Score::default(), |a, s| Score {
            cases: a.cases + s.cases,
            hits: a.hits + s.hits,
        })
    }
}

/// Runs the default pack (built with each case's organisation profile) over
/// a set.
pub fn score(cases: &[Case]) -> Report {
    score_with(cases, &|org| Pack::default_pack(org).unwrap())
}

/// Runs cases through the pack each case's organisation profile compiles
/// to (one pack per profile) and judges each against its label.
pub struct Judge<'a> {
    build: &'a dyn Fn(&Org) -> Pack,
    packs: HashMap<String, Pack>,
    /// rule id → category name, from the default profile's pack
    category: HashMap<String, String>,
}

impl<'a> Judge<'a> {
    pub fn new(build: &'a dyn Fn(&Org) -> Pack) -> Self {
        let default = build(&Org::default());
        let category = default
            .rules()
            .iter()
            .map(|r| (r.id.clone(), r.category.as_str().to_string()))
            .collect();
        let mut packs = HashMap::new();
        packs.insert(format!("{:?}", Org::default()), default);
        Judge {
            build,
            packs,
            category,
        }
    }

    /// The category a rule reports under.
    pub fn category_of(&self, rule: &str) -> Option<&str> {
        self.category.get(rule).map(String::as_str)
    }

    /// Whether the case's label is met (its rule or a rule of its category
    /// fired; for a hard negative, whether anything fired), and the rule
    /// ids that fired.
    pub fn verdict(&mut self, case: &Case) -> (bool, Vec<String>) {
        let build = self.build;
        let pack = self
            .packs
            .entry(format!("{:?}", case.org))
            .or_insert_with(|| build(&case.org));
        let ids = fired(pack, case);
        let hit = match &case.label {
            Label::Rule(rule) => ids.contains(rule),
            Label::Category(cat) => ids.iter().any(|id| &self.category[id] == cat),
            Label::Negative(_) => !ids.is_empty(),
        };
        (hit, ids)
    }
}

/// Like [`score`], with the pack `build` compiles for a profile (a pack
/// from disk, for measuring a changed list without rebuilding).
pub fn score_with(cases: &[Case], build: &dyn Fn(&Org) -> Pack) -> Report {
    score_judged(cases, &mut Judge::new(build))
}

/// Like [`score_with`], with a judge that may already hold compiled packs
/// (tests/eval.rs keeps one per pack for all the sets a test reads, so a
/// pack is compiled once, not once a set).
pub fn score_judged(cases: &[Case], judge: &mut Judge) -> Report {
    let known: std::collections::BTreeSet<String> = judge.category.values().cloned().collect();
    let mut rep = Report::default();
    for case in cases {
        let (hit, ids) = judge.verdict(case);
        match &case.label {
            Label::Rule(rule) => {
                let cat = judge
                    .category_of(rule)
                    .unwrap_or_else(|| panic!("unknown rule {rule}"))
                    .to_string();
                rep.rules_with_positive.push(rule.clone());
                let s = rep.positives.entry(cat).or_default();
                s.cases += 1;
                if hit {
                    s.hits += 1;
                } else {
                    rep.missed.push((rule.clone(), ids, case.shown.clone()));
                }
            }
            Label::Category(cat) => {
                assert!(
                    known.contains(cat),
                    "unknown category {cat}: {}",
                    case.shown
                );
                let s = rep.positives.entry(cat.clone()).or_default();
                s.cases += 1;
                if hit {
                    s.hits += 1;
                } else {
                    rep.missed.push((cat.clone(), ids, case.shown.clone()));
                }
            }
            Label::Negative(near) => {
                let near = near.clone().unwrap_or_else(|| "-".into());
                assert!(
                    near == "-" || known.contains(&near),
                    "unknown category {near}: {}",
                    case.shown
                );
                let s = rep.negatives.entry(near).or_default();
                s.cases += 1;
                if hit {
                    s.hits += 1;
                    rep.flagged.push((ids, case.shown.clone()));
                }
            }
        }
    }
    rep
}

/// The per-category table (markdown), then the hard-negative flag rate.
pub fn table(name: &str, rep: &Report) -> String {
    let mut s =
        format!("## {name}\n\n| category | positives | found | recall |\n|---|---:|---:|---:|\n");
    for (cat, sc) in &rep.positives {
        s += &format!(
            "| {cat} | {} | {} | {:.2} |\n",
            sc.cases,
            sc.hits,
            sc.rate()
        );
    }
    let p = Report::total(&rep.positives);
    s += &format!(
        "| **all** | **{}** | **{}** | **{:.2}** |\n\n",
        p.cases,
        p.hits,
        p.rate()
    );
    let n = Report::total(&rep.negatives);
    if rep.negatives.len() > 1 {
        s += "| hard negatives near | cases | flagged | rate |\n|---|---:|---:|---:|\n";
        for (cat, sc) in &rep.negatives {
            s += &format!(
                "| {cat} | {} | {} | {:.1}% |\n",
                sc.cases,
                sc.hits,
                100.0 * sc.rate()
            );
        }
        s += &format!(
            "| **all** | **{}** | **{}** | **{:.1}%** |\n",
            n.cases,
            n.hits,
            100.0 * n.rate()
        );
    } else {
        s += &format!(
            "Hard negatives: {}, flagged: {} ({:.1}%).\n",
            n.cases,
            n.hits,
            100.0 * n.rate()
        );
    }
    s
}

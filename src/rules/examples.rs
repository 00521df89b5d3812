//! Rule examples (`examples.match` / `examples.no_match`) built into records
//! at load time and run through the whole pack, like gitleaks' tps/fps.

use super::pack::{Detector, PackDef};
use super::{AccountState, Pack};
use crate::error::{Error, Result};
use crate::org::Org;
use crate::record::{Location, Platform, Record, RecordKind};
use crate::vocab::Field;

/// Rule examples are X-shaped; no rule looks at the platform.
const EXAMPLE_PLATFORM: Platform = Platform::Twitter;

#[derive(Clone, Debug, PartialEq)]
pub struct ExampleFailure {
    pub rule_id: String,
    pub example: String,
    pub expected_match: bool,
}

pub struct Example {
    rule: usize,
    shown: String,
    expected: bool,
    record: Record,
    /// Account-rule examples: (welsh, official) and the account's records.
    account: Option<(bool, bool, Vec<Record>)>,
    /// An example-level organisation profile (`org = { … }`) for rules
    /// whose behaviour depends on it (approved clients, working hours, …).
    org: Option<Org>,
}

pub fn build(def: &PackDef) -> Result<Vec<Example>> {
    let mut out = Vec::new();
    for (ri, rule) in def.rules.iter().enumerate() {
        let default_kind = rule
            .scope
            .kinds
            .as_ref()
            .and_then(|k| k.first().copied())
            .unwrap_or(RecordKind::Post);
        let lists = [
            (&rule.examples.matches, true),
            (&rule.examples.no_match, false),
        ];
        for (list, expected) in lists {
            for (i, v) in list.iter().enumerate() {
                let id = format!("{}#{}", rule.info.id, i + 1);
                let at = |e: Error| Error::Pack(format!("{}: example {v}: {e}", rule.whence()));
                let (v, org) = split_org(v).map_err(at)?;
                let v = &v;
                let account = if matches!(rule.detector, Detector::Account(_)) {
                    Some(account_example(v, &id).map_err(at)?)
                } else {
                    None
                };
                let record = if account.is_some() {
                    Record::new(EXAMPLE_PLATFORM, default_kind, id)
                } else {
                    to_record(v, default_kind, id).map_err(at)?
                };
                let shown = match v {
                    toml::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                out.push(Example {
                    rule: ri,
                    shown,
                    expected,
                    record,
                    account,
                    org,
                });
            }
        }
    }
    Ok(out)
}

/// Takes an `org = { … }` key off an inline-table example.
fn split_org(v: &toml::Value) -> Result<(toml::Value, Option<Org>)> {
    let Some(t) = v.as_table() else {
        return Ok((v.clone(), None));
    };
    let Some(o) = t.get("org") else {
        return Ok((v.clone(), None));
    };
    let org: Org = o
        .clone()
        .try_into()
        .map_err(|e| Error::Pack(format!("org: {}", e.to_string().trim())))?;
    let mut t = t.clone();
    t.remove("org");
    Ok((toml::Value::Table(t), Some(org)))
}

#[cfg(test)]
impl Example {
    /// Index of the rule this example belongs to.
    pub fn rule(&self) -> usize {
        self.rule
    }

    /// Whether the rule must match it.
    pub fn expected(&self) -> bool {
        self.expected
    }
}

/// `{ welsh = true, official = false, records = [ {created_at = "…", text = "…"}, … ] }`
fn account_example(v: &toml::Value, id: &str) -> Result<(bool, bool, Vec<Record>)> {
    let t = v.as_table().ok_or(Error::Pack(
        "an account-rule example is a table with `records`".into(),
    ))?;
    let flag = |k: &str, d: bool| -> Result<bool> {
        match t.get(k) {
            None => Ok(d),
            Some(toml::Value::Boolean(b)) => Ok(*b),
            Some(_) => Err(Error::Pack(format!("`{k}` must be true or false"))),
        }
    };
    for k in t.keys() {
        if !matches!(k.as_str(), "welsh" | "official" | "records") {
            return Err(Error::Pack(format!(
                "unknown key `{k}` (welsh, official, records)"
            )));
        }
    }
    let recs = t
        .get("records")
        .and_then(|r| r.as_array())
        .ok_or(Error::Pack("needs `records = [...]`".into()))?;
    let mut out = Vec::new();
    for (i, r) in recs.iter().enumerate() {
        let mut rec = to_record(r, RecordKind::Post, format!("{id}.{}", i + 1))?;
        rec.account = "example".into();
        out.push(rec);
    }
    Ok((flag("welsh", false)?, flag("official", true)?, out))
}

fn to_record(v: &toml::Value, kind: RecordKind, id: String) -> Result<Record> {
    let mut rec = Record::new(EXAMPLE_PLATFORM, kind, id);
    match v {
        toml::Value::String(s) => rec.push_field(Field::Text, s.clone()),
        toml::Value::Table(t) => {
            let num = |k: &str| -> Result<Option<f64>> {
                match t.get(k) {
                    None => Ok(None),
                    Some(toml::Value::Float(f)) => Ok(Some(*f)),
                    Some(toml::Value::Integer(i)) => Ok(Some(*i as f64)),
                    Some(_) => Err(Error::Pack(format!("`{k}` must be a number"))),
                }
            };
            let (lat, lon) = (num("lat")?, num("lon")?);
            let mut loc: Option<Location> = None;
            for (k, val) in t {
                match k.as_str() {
                    "lat" | "lon" => {}
                    "created_at" => {
                        let s = val
                            .as_str()
                            .ok_or(Error::Pack("`created_at` must be a string".into()))?;
                        rec.created_at = Some(
                            s.parse()
                                .map_err(|e| Error::Pack(format!("bad created_at {s:?}: {e}")))?,
                        );
                    }
                    "mentions" => {
                        let a = val
                            .as_array()
                            .ok_or(Error::Pack("`mentions` must be an array".into()))?;
                        for m in a {
                            let m = m
                                .as_str()
                                .ok_or(Error::Pack("`mentions` holds strings".into()))?;
                            rec.mentions.push(m.trim_start_matches('@').to_string());
                        }
                    }
                    "media" => {
                        let a = val
                            .as_array()
                            .ok_or(Error::Pack("`media` must be an array".into()))?;
                        for m in a {
                            let m = m
                                .as_str()
                                .ok_or(Error::Pack("`media` holds strings".into()))?;
                            rec.media.push(m.to_string());
                        }
                    }
                    "kind" | "source" | "label" => {
                        let s = val
                            .as_str()
                            .ok_or(Error::Pack(format!("`{k}` must be a string")))?;
                        match k.as_str() {
                            "kind" => {
                                rec.kind = RecordKind::parse(s)
                                    .ok_or(Error::Pack(format!("unknown record kind {s:?}")))?
                            }
                            "source" => {
                                let field = match s.parse::<Field>() {
                                    Ok(f) if f.is_location_source() => f,
                                    _ => {
                                        return Err(Error::Pack(format!(
                                            "unknown source {s:?} (geo or exif)"
                                        )));
                                    }
                                };
                                loc.get_or_insert_with(|| empty_loc(lat, lon)).field = field;
                            }
                            _ => loc.get_or_insert_with(|| empty_loc(lat, lon)).label = s.into(),
                        }
                    }
                    name => match val {
                        toml::Value::String(s) => rec.push_field(name.parse()?, s.as_str()),
                        // several values of one field (login_ip = ["…", "…"])
                        toml::Value::Array(a) => {
                            for x in a {
                                let s = x.as_str().ok_or(Error::Pack(format!(
                                    "field `{name}` must hold strings"
                                )))?;
                                rec.push_field(name.parse()?, s);
                            }
                        }
                        _ => return Err(Error::Pack(format!("field `{name}` must be a string"))),
                    },
                }
            }
            if lat.is_some() || lon.is_some() {
                loc.get_or_insert_with(|| empty_loc(lat, lon));
            }
            rec.locations.extend(loc);
        }
        _ => {
            return Err(Error::Pack(
                "an example is a string (post text) or an inline table (record)".into(),
            ));
        }
    }
    Ok(rec)
}

fn empty_loc(lat: Option<f64>, lon: Option<f64>) -> Location {
    Location {
        field: Field::Geo,
        lat,
        lon,
        label: String::new(),
    }
}

pub fn run(pack: &Pack, examples: &[Example]) -> (usize, Vec<ExampleFailure>) {
    let mut failures = Vec::new();
    let mut hits = Vec::new();
    let deep_rules = pack.deep_rules();
    for ex in examples {
        hits.clear();
        // an example with its own organisation profile runs on the same
        // pack compiled for that profile
        let own;
        let pack = match &ex.org {
            None => pack,
            Some(org) => match pack.recompile(org) {
                Ok(p) => {
                    own = p;
                    &own
                }
                Err(e) => {
                    failures.push(ExampleFailure {
                        rule_id: pack.rules()[ex.rule].id.clone(),
                        example: format!("{} (org profile: {e})", ex.shown),
                        expected_match: ex.expected,
                    });
                    continue;
                }
            },
        };
        let matched = match &ex.account {
            Some((welsh, official, records)) => {
                let mut st = AccountState::new(EXAMPLE_PLATFORM, "example", *welsh, *official);
                for r in records {
                    pack.observe(&mut st, r);
                }
                pack.finish_account(st)
                    .iter()
                    .any(|h| h.hit.rule == ex.rule)
            }
            None => {
                // the encoder runs for its own rules' examples only: it
                // costs milliseconds a text, and cannot change whether
                // another rule's own hit is there
                let deep = deep_rules.contains(&ex.rule);
                pack.check_keeping_signals(&ex.record, &mut hits, deep);
                hits.iter().any(|h| h.rule == ex.rule)
            }
        };
        if matched != ex.expected {
            failures.push(ExampleFailure {
                rule_id: pack.rules()[ex.rule].id.clone(),
                example: ex.shown.clone(),
                expected_match: ex.expected,
            });
        }
    }
    (examples.len(), failures)
}

//! Rule examples (`examples.match` / `examples.no_match`) built into records
//! at load time and run through the whole pack, like gitleaks' tps/fps.

use super::Pack;
use super::pack::PackDef;
use crate::record::{Location, Record, RecordKind};

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
}

const KNOWN_FIELDS: &[&str] = &[
    "text",
    "alt_text",
    "bio",
    "location",
    "website",
    "link",
    "email",
    "phone",
    "connected_app",
    "login_ip",
    "client",
    "media_name",
    "name",
    "display_name",
    "title",
    "description",
];

/// Field names are `&'static str`; names outside the known set are leaked
/// once per pack load, which is bounded by the pack's size.
fn field_name(name: &str) -> &'static str {
    KNOWN_FIELDS
        .iter()
        .find(|k| **k == name)
        .copied()
        .unwrap_or_else(|| Box::leak(name.to_string().into_boxed_str()))
}

pub fn build(def: &PackDef) -> Result<Vec<Example>, String> {
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
                let record = to_record(v, default_kind, id)
                    .map_err(|e| format!("{}: example {v}: {e}", rule.whence()))?;
                let shown = match v {
                    toml::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                out.push(Example {
                    rule: ri,
                    shown,
                    expected,
                    record,
                });
            }
        }
    }
    Ok(out)
}

fn to_record(v: &toml::Value, kind: RecordKind, id: String) -> Result<Record, String> {
    let mut rec = Record::new("example", kind, id);
    match v {
        toml::Value::String(s) => rec.push_field("text", s.clone()),
        toml::Value::Table(t) => {
            let num = |k: &str| -> Result<Option<f64>, String> {
                match t.get(k) {
                    None => Ok(None),
                    Some(toml::Value::Float(f)) => Ok(Some(*f)),
                    Some(toml::Value::Integer(i)) => Ok(Some(*i as f64)),
                    Some(_) => Err(format!("`{k}` must be a number")),
                }
            };
            let (lat, lon) = (num("lat")?, num("lon")?);
            let mut loc: Option<Location> = None;
            for (k, val) in t {
                match k.as_str() {
                    "lat" | "lon" => {}
                    "kind" | "source" | "label" => {
                        let s = val.as_str().ok_or(format!("`{k}` must be a string"))?;
                        match k.as_str() {
                            "kind" => {
                                rec.kind = RecordKind::parse(s)
                                    .ok_or(format!("unknown record kind {s:?}"))?
                            }
                            "source" => {
                                let field = match s {
                                    "geo" => "geo",
                                    "exif" => "exif",
                                    _ => return Err(format!("unknown source {s:?} (geo or exif)")),
                                };
                                loc.get_or_insert_with(|| empty_loc(lat, lon)).field = field;
                            }
                            _ => loc.get_or_insert_with(|| empty_loc(lat, lon)).label = s.into(),
                        }
                    }
                    name => {
                        let s = val
                            .as_str()
                            .ok_or(format!("field `{name}` must be a string"))?;
                        rec.push_field(field_name(name), s);
                    }
                }
            }
            if lat.is_some() || lon.is_some() {
                loc.get_or_insert_with(|| empty_loc(lat, lon));
            }
            rec.locations.extend(loc);
        }
        _ => return Err("an example is a string (post text) or an inline table (record)".into()),
    }
    Ok(rec)
}

fn empty_loc(lat: Option<f64>, lon: Option<f64>) -> Location {
    Location {
        field: "geo",
        lat,
        lon,
        label: String::new(),
    }
}

pub fn run(pack: &Pack, examples: &[Example]) -> (usize, Vec<ExampleFailure>) {
    let mut failures = Vec::new();
    let mut hits = Vec::new();
    for ex in examples {
        hits.clear();
        pack.check(&ex.record, &mut hits);
        let matched = hits.iter().any(|h| h.rule == ex.rule);
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

//! Pack TOML: the serde structs, merging files, and validation that names
//! the file and rule on every error.

use super::RuleInfo;
use crate::record::RecordKind;
use crate::severity::Severity;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

pub const CATEGORIES: &[&str] = &[
    "patient-data",
    "personal-data",
    "confidential",
    "conduct",
    "safeguarding",
    "links",
    "political",
    "commercial",
    "location",
    "credit",
    "language",
    "account",
];

/// Fields that hold identifiers or machine values, not prose: text rules
/// skip them unless a rule names them in `fields`.
const NON_TEXT_FIELDS: &[&str] = &[
    "email",
    "phone",
    "connected_app",
    "login_ip",
    "upload_ip",
    "client",
    "website",
    "link",
    "media_name",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPackHeader {
    id: String,
    version: String,
    #[serde(default)]
    description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: String,
    title: String,
    category: String,
    severity: String,
    policy: Vec<String>,
    clauses: Vec<String>,
    fields: Option<Vec<String>>,
    kinds: Option<Vec<String>>,
    lexicon: Option<LexiconDef>,
    pattern: Option<PatternDef>,
    metadata: Option<MetadataDef>,
    #[serde(default)]
    examples: ExamplesDef,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconDef {
    #[serde(default)]
    pub terms: Vec<String>,
    #[serde(default)]
    pub lists: Vec<String>,
    #[serde(default)]
    pub allow: Vec<String>,
    #[serde(default)]
    pub allow_lists: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternDef {
    pub regex: String,
    #[serde(default)]
    pub case_sensitive: bool,
    pub validator: Option<String>,
    pub context: Option<ContextDef>,
    pub reject_token: Option<RejectTokenDef>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextDef {
    pub words: Vec<String>,
    #[serde(default = "default_window")]
    pub window: usize,
    #[serde(default)]
    pub required: bool,
}

fn default_window() -> usize {
    60
}

/// Drop a match when the whitespace-delimited token around it looks like a
/// URL, handle or hashtag (generic, not an NHS-number special case).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RejectTokenDef {
    #[serde(default)]
    pub contains: Vec<String>,
    #[serde(default)]
    pub starts_with: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetadataDef {
    pub predicate: String,
    #[serde(default)]
    pub sources: Vec<String>,
    pub field: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExamplesDef {
    #[serde(rename = "match", default)]
    pub matches: Vec<toml::Value>,
    #[serde(default)]
    pub no_match: Vec<toml::Value>,
}

#[derive(Clone, Debug)]
pub enum Detector {
    Lexicon(LexiconDef),
    Pattern(PatternDef),
    Metadata(MetadataDef),
}

/// Which records and fields a rule reads.
#[derive(Clone, Debug, Default)]
pub struct Scope {
    pub fields: Option<Vec<String>>,
    pub kinds: Option<Vec<RecordKind>>,
}

impl Scope {
    pub fn kind_ok(&self, kind: RecordKind) -> bool {
        self.kinds.as_ref().is_none_or(|ks| ks.contains(&kind))
    }

    /// For text detectors: the named fields, else every prose field.
    pub fn text_field_ok(&self, name: &str) -> bool {
        match &self.fields {
            Some(fs) => fs.iter().any(|f| f == name),
            None => !NON_TEXT_FIELDS.contains(&name),
        }
    }
}

pub struct RuleDef {
    pub file: String,
    pub info: RuleInfo,
    pub scope: Scope,
    pub detector: Detector,
    pub examples: ExamplesDef,
}

impl RuleDef {
    /// "rule X (file)" for error messages.
    pub fn whence(&self) -> String {
        format!("{}: rule {}", self.file, self.info.id)
    }
}

pub struct PackDef {
    pub id: String,
    pub version: String,
    pub description: String,
    pub rules: Vec<RuleDef>,
    pub lists: BTreeMap<String, Vec<String>>,
}

impl PackDef {
    pub fn list(&self, rule: &RuleDef, name: &str) -> Result<&[String], String> {
        self.lists
            .get(name)
            .map(|v| v.as_slice())
            .ok_or_else(|| format!("{}: unknown list {name:?}", rule.whence()))
    }
}

pub fn parse(sources: &[(String, String)]) -> Result<PackDef, String> {
    let mut header: Option<(String, RawPackHeader)> = None;
    let mut lists = BTreeMap::new();
    let mut rules = Vec::new();
    let mut seen = HashSet::new();
    for (file, text) in sources {
        let table: toml::Table =
            toml::from_str(text).map_err(|e| format!("{file}: {}", e.to_string().trim()))?;
        for (key, value) in table {
            match key.as_str() {
                "pack" => {
                    let h: RawPackHeader = value
                        .try_into()
                        .map_err(|e| format!("{file}: [pack]: {}", msg(e)))?;
                    if let Some((other, _)) = &header {
                        return Err(format!("{file}: second [pack] table (first in {other})"));
                    }
                    header = Some((file.clone(), h));
                }
                "lists" => {
                    let l: BTreeMap<String, Vec<String>> = value
                        .try_into()
                        .map_err(|e| format!("{file}: [lists]: {}", msg(e)))?;
                    for (name, terms) in l {
                        if lists.insert(name.clone(), terms).is_some() {
                            return Err(format!("{file}: list {name:?} defined twice"));
                        }
                    }
                }
                "rules" => {
                    let arr = match value {
                        toml::Value::Array(a) => a,
                        _ => return Err(format!("{file}: `rules` must be [[rules]] tables")),
                    };
                    for (i, v) in arr.into_iter().enumerate() {
                        let id = v
                            .get("id")
                            .and_then(|x| x.as_str())
                            .map(str::to_string)
                            .unwrap_or_else(|| format!("#{} (no id)", i + 1));
                        let raw: RawRule = v
                            .try_into()
                            .map_err(|e| format!("{file}: rule {id}: {}", msg(e)))?;
                        let rule = validate(file, raw)?;
                        if !seen.insert(rule.info.id.clone()) {
                            return Err(format!("{file}: rule {id}: duplicate rule id"));
                        }
                        rules.push(rule);
                    }
                }
                other => return Err(format!("{file}: unknown top-level key {other:?}")),
            }
        }
    }
    let (_, h) = header.ok_or("pack has no [pack] table (id, version)")?;
    Ok(PackDef {
        id: h.id,
        version: h.version,
        description: h.description,
        rules,
        lists,
    })
}

fn msg(e: impl std::fmt::Display) -> String {
    e.to_string().trim().replace('\n', " ")
}

fn validate(file: &str, raw: RawRule) -> Result<RuleDef, String> {
    let at = format!("{file}: rule {}", raw.id);
    if raw.id.trim().is_empty() {
        return Err(format!("{at}: empty id"));
    }
    if !CATEGORIES.contains(&raw.category.as_str()) {
        return Err(format!(
            "{at}: unknown category {:?} (expected one of {})",
            raw.category,
            CATEGORIES.join(", ")
        ));
    }
    let severity: Severity = raw.severity.parse().map_err(|e| format!("{at}: {e}"))?;
    if raw.policy.is_empty() {
        return Err(format!("{at}: `policy` must name at least one clause key"));
    }
    for c in &raw.clauses {
        let b = c.as_bytes();
        if !(b.len() == 2 && (b'A'..=b'E').contains(&b[0]) && b[1].is_ascii_digit()) {
            return Err(format!("{at}: clause {c:?} is not an id like A1..E4"));
        }
    }
    let kinds = match raw.kinds {
        None => None,
        Some(ks) => Some(
            ks.iter()
                .map(|k| {
                    RecordKind::parse(k).ok_or_else(|| format!("{at}: unknown record kind {k:?}"))
                })
                .collect::<Result<Vec<_>, _>>()?,
        ),
    };
    let (detector, kind) = match (raw.lexicon, raw.pattern, raw.metadata) {
        (Some(l), None, None) => (Detector::Lexicon(l), "lexicon"),
        (None, Some(p), None) => (Detector::Pattern(p), "pattern"),
        (None, None, Some(m)) => (Detector::Metadata(m), "metadata"),
        _ => {
            return Err(format!(
                "{at}: needs exactly one detector table: lexicon, pattern or metadata"
            ));
        }
    };
    Ok(RuleDef {
        file: file.to_string(),
        info: RuleInfo {
            id: raw.id,
            title: raw.title,
            category: raw.category,
            severity,
            policy_ref: raw.policy.join("; "),
            clauses: raw.clauses,
            kind: kind.to_string(),
        },
        scope: Scope {
            fields: raw.fields,
            kinds,
        },
        detector,
        examples: raw.examples,
    })
}

//! TEMPORARY stub of the rules API; replaced by the real engine on merge.
use crate::org::Org;
use crate::record::Record;
use crate::severity::Severity;
use std::path::Path;

pub struct Pack {
    rules: Vec<RuleInfo>,
}
pub struct RuleInfo {
    pub id: String,
    pub title: String,
    pub category: String,
    pub severity: Severity,
    pub policy_ref: String,
    pub clauses: Vec<String>,
    pub kind: String,
}
pub struct Hit {
    pub rule: usize,
    pub field: &'static str,
    pub start: usize,
    pub end: usize,
    pub matched: String,
    pub detail: String,
    pub severity: Severity,
}
pub struct ExampleFailure {
    pub rule_id: String,
    pub example: String,
    pub expected_match: bool,
}
impl Pack {
    pub fn default_pack(_org: &Org) -> Result<Pack, String> {
        Ok(Pack {
            rules: vec![RuleInfo {
                id: "personal.email".into(),
                title: "E-mail".into(),
                category: "personal-data".into(),
                severity: Severity::High,
                policy_ref: "SUN 3.4".into(),
                clauses: vec!["A2".into()],
                kind: "pattern".into(),
            }],
        })
    }
    pub fn from_path(_path: &Path, org: &Org) -> Result<Pack, String> {
        Self::default_pack(org)
    }
    pub fn id(&self) -> &str {
        "stub"
    }
    pub fn version(&self) -> &str {
        "0"
    }
    pub fn content_hash(&self) -> &str {
        "0"
    }
    pub fn rules(&self) -> &[RuleInfo] {
        &self.rules
    }
    pub fn check(&self, record: &Record, hits: &mut Vec<Hit>) {
        for f in &record.fields {
            if let Some(at) = f.value.find('@') {
                hits.push(Hit {
                    rule: 0,
                    field: f.name,
                    start: at,
                    end: at + 1,
                    matched: "@".into(),
                    detail: "stub".into(),
                    severity: Severity::High,
                });
            }
        }
    }
    pub fn test_examples(&self) -> (usize, Vec<ExampleFailure>) {
        (0, vec![])
    }
}

//! What a rule reports: a `Hit` (rule, field, span, match, why,
//! severity, confidence), the rule's `RuleInfo`, and `Confidence`.

use crate::vocab::Severity;

pub use crate::vocab::Confidence;

/// What a rule is, for reports and `rules list`.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleInfo {
    pub id: String,
    pub title: String,
    pub category: crate::vocab::Category,
    pub severity: Severity,
    /// Clause keys joined with "; ", e.g. "CUM 3.3; SUN 3.4".
    pub policy_ref: String,
    pub clauses: Vec<String>,
    /// lexicon | pattern | metadata | account
    pub kind: String,
    /// The rule's default confidence (`confidence = "…"`, default medium).
    pub confidence: Confidence,
    /// Equality Act 2010 protected characteristics the rule concerns.
    pub characteristics: Vec<String>,
}

/// One rule match in one record.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Index into [`Pack::rules`].
    pub rule: usize,
    /// The record field, or `Geo`/`Exif` for locations.
    pub field: crate::vocab::Field,
    /// Byte offsets into the field's value; 0,0 for metadata hits.
    pub start: usize,
    pub end: usize,
    pub matched: String,
    /// Why it matched (validator result, context word and distance, …).
    pub detail: String,
    pub severity: Severity,
    pub confidence: Confidence,
}

impl Hit {
    /// A hit about a whole record or account rather than a span of text
    /// (metadata and account rules), at the rule's own severity and
    /// confidence.
    pub fn whole(
        rule: usize,
        info: &RuleInfo,
        field: crate::vocab::Field,
        matched: String,
        detail: String,
    ) -> Hit {
        Hit {
            rule,
            field,
            start: 0,
            end: 0,
            matched,
            detail,
            severity: info.severity,
            confidence: info.confidence,
        }
    }
}

/// Keeps, of `hits[first..]` (one record's), those `keep` accepts, in order.
pub(super) fn retain_from(hits: &mut Vec<Hit>, first: usize, mut keep: impl FnMut(&Hit) -> bool) {
    let mut i = 0;
    hits.retain(|h| {
        i += 1;
        i <= first || keep(h)
    });
}

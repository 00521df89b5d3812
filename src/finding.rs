//! The `Finding` value — one row of the findings file — and its stable
//! fingerprint.

use crate::record::{Platform, RecordKind};
use crate::rules::Confidence;
use crate::vocab::Severity;
use crate::vocab::{Category, Field};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// Column order is the output contract (docs/OUTPUTS.md, "Findings file");
/// do not reorder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub finding_id: String,
    pub severity: Severity,
    pub rule_id: String,
    pub category: Category,
    pub policy_ref: String,
    pub platform: Platform,
    pub account: String,
    pub archive: String,
    pub entry: String,
    pub record_kind: RecordKind,
    pub record_id: String,
    pub created_at: String,
    pub url: String,
    pub field: Field,
    #[serde(rename = "match")]
    pub matched: String,
    pub context: String,
    pub detail: String,
    /// How sure the rule is (`low`, `medium`, `high`), kept apart from
    /// severity (how bad if true). Appended after the contract columns.
    pub confidence: Confidence,
    /// A person's review carried over from `--reviewed` (`escalated`,
    /// `to-check`), empty when unreviewed; appended after the contract.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub review: String,
    /// The reason given with `review`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub review_note: String,
    /// Byte offset of the match in its field; orders findings, not written.
    #[serde(skip)]
    pub offset: usize,
}

/// Column names, in the order `Finding::cells` gives the values. The first
/// 17 are the output contract (docs/OUTPUTS.md); `confidence`,
/// `severity_rank`, `review` and `review_note` are appended after them.
pub const HEADER: [&str; 21] = [
    "finding_id",
    "severity",
    "rule_id",
    "category",
    "policy_ref",
    "platform",
    "account",
    "archive",
    "entry",
    "record_kind",
    "record_id",
    "created_at",
    "url",
    "field",
    "match",
    "context",
    "detail",
    "confidence",
    "severity_rank",
    "review",
    "review_note",
];

impl Finding {
    /// The row's values in `HEADER` order, for every tabular sink.
    pub fn cells(&self) -> [&str; 21] {
        [
            &self.finding_id,
            self.severity.as_str(),
            &self.rule_id,
            self.category.as_str(),
            &self.policy_ref,
            self.platform.as_str(),
            &self.account,
            &self.archive,
            &self.entry,
            self.record_kind.as_str(),
            &self.record_id,
            &self.created_at,
            &self.url,
            self.field.as_str(),
            &self.matched,
            &self.context,
            &self.detail,
            self.confidence.as_str(),
            self.severity.rank_str(),
            &self.review,
            &self.review_note,
        ]
    }

    /// `1` for critical to `4` for low, so a spreadsheet sorts the most
    /// serious first with an ordinary A→Z sort (severity names sort
    /// alphabetically otherwise).
    pub fn severity_rank(&self) -> u8 {
        self.severity.rank()
    }

    /// The output order: archive, created_at, record_id, field, rule_id,
    /// match offset, then the remaining columns so the order is total.
    pub fn sort_key(&self) -> impl Ord + '_ {
        (
            (
                &self.archive,
                &self.created_at,
                &self.record_id,
                // by name, as the contract's sort order was written
                self.field.as_str(),
            ),
            (&self.rule_id, self.offset, &self.entry, &self.finding_id),
            (&self.matched, &self.account),
        )
    }
}

/// A fingerprint that is the same for the same record, field, rule and
/// match in every run, thread count and re-export of the archive: it hashes
/// no file paths or byte offsets, and it is a hash, so the raw personal
/// data it was derived from is not readable in it. `occurrence` separates
/// identical matches within one field.
pub fn fingerprint(
    platform: &str,
    account: &str,
    record_id: &str,
    field: &str,
    rule_id: &str,
    matched: &str,
    occurrence: usize,
) -> String {
    let normalised: String = matched
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let mut h = Sha256::new();
    for part in [
        platform,
        &account.to_lowercase(),
        record_id,
        field,
        rule_id,
        &normalised,
        &occurrence.to_string(),
    ] {
        h.update(part.as_bytes());
        h.update([0x1f]);
    }
    hex(&h.finalize()[..10])
}

pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_ignores_formatting_of_the_match_but_not_its_value() {
        let a = fingerprint("twitter", "Acct", "1", "text", "r", "401 159 0835", 0);
        let b = fingerprint("twitter", "acct", "1", "text", "r", "4011590835", 0);
        let c = fingerprint("twitter", "acct", "1", "text", "r", "4011590836", 0);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.len(), 20);
        assert!(!a.contains("401"));
    }

    #[test]
    fn fingerprint_separates_fields_rules_and_occurrences() {
        let base = fingerprint("twitter", "a", "1", "text", "r", "x", 0);
        assert_ne!(base, fingerprint("twitter", "a", "1", "bio", "r", "x", 0));
        assert_ne!(base, fingerprint("twitter", "a", "1", "text", "q", "x", 0));
        assert_ne!(base, fingerprint("twitter", "a", "1", "text", "r", "x", 1));
        assert_ne!(base, fingerprint("twitter", "a", "2", "text", "r", "x", 0));
    }
}

//! One record in, its findings out: runs the compiled pack and turns each
//! hit into an evidence-grade `Finding` (context, permalink, redaction).

use crate::finding::{Finding, fingerprint};
use crate::record::Record;
use crate::report::safe;
use crate::rules::{Hit, Pack};
use crate::severity::Severity;
use jiff::Timestamp;

/// How many characters of context to keep either side of a match.
const CONTEXT_CHARS: usize = 60;

/// Categories whose matches are personal data, masked under `--redact`.
/// Words from a lexicon (an obscenity, a party name) are not.
const PERSONAL: [&str; 4] = ["patient-data", "personal-data", "location", "account"];

pub struct Evaluator<'a> {
    pub pack: &'a Pack,
    pub archive: &'a str,
    pub since: Option<Timestamp>,
    pub until: Option<Timestamp>,
    pub min_severity: Severity,
    pub redact: bool,
}

#[derive(Default)]
pub struct Tally {
    pub below_min_severity: u64,
}

impl Evaluator<'_> {
    /// False for records outside `--since/--until`. Records with no time
    /// (profile, account facts) are always in range: they describe the
    /// account as it is now.
    pub fn in_range(&self, rec: &Record) -> bool {
        match rec.created_at {
            None => true,
            Some(t) => self.since.is_none_or(|s| t >= s) && self.until.is_none_or(|u| t <= u),
        }
    }

    pub fn evaluate(&self, rec: &Record, out: &mut Vec<Finding>, tally: &mut Tally) {
        let mut hits: Vec<Hit> = Vec::new();
        self.pack.check(rec, &mut hits);
        if hits.is_empty() {
            return;
        }
        let rules = self.pack.rules();
        let personal = |h: &Hit| PERSONAL.contains(&rules[h.rule].category.as_str());
        let created_at = rec
            .created_at
            .map(|t| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
            .unwrap_or_default();
        let mut seen: Vec<(usize, &'static str, String)> = Vec::new();
        for hit in &hits {
            if hit.severity < self.min_severity {
                tally.below_min_severity += 1;
                continue;
            }
            let rule = &rules[hit.rule];
            let key = (hit.rule, hit.field, hit.matched.to_lowercase());
            let occurrence = seen.iter().filter(|k| **k == key).count();
            seen.push(key);
            let field_text = rec
                .fields
                .iter()
                .filter(|f| f.name == hit.field)
                .map(|f| f.value.as_str())
                .find(|v| {
                    hit.end <= v.len()
                        && v.is_char_boundary(hit.start)
                        && v.is_char_boundary(hit.end)
                });
            let masks: Vec<(usize, usize)> = if self.redact {
                hits.iter()
                    .filter(|h| h.field == hit.field && personal(h) && h.end > h.start)
                    .map(|h| (h.start, h.end))
                    .collect()
            } else {
                Vec::new()
            };
            let context = match field_text {
                Some(text) if hit.end > hit.start => {
                    safe::context(text, hit.start, hit.end, CONTEXT_CHARS, &masks)
                }
                _ => self.metadata_context(rec, hit),
            };
            let hide = self.redact && personal(hit);
            let (matched, detail) = if hide {
                let masked = safe::mask(&hit.matched);
                let detail = if hit.matched.is_empty() {
                    hit.detail.clone()
                } else {
                    hit.detail.replace(&hit.matched, &masked)
                };
                (masked, detail)
            } else {
                (hit.matched.clone(), hit.detail.clone())
            };
            let context = if hide && hit.end <= hit.start && !hit.matched.is_empty() {
                context.replace(&hit.matched, &safe::mask(&hit.matched))
            } else {
                context
            };
            out.push(Finding {
                finding_id: fingerprint(
                    rec.platform,
                    &rec.account,
                    &rec.id,
                    hit.field,
                    &rule.id,
                    &hit.matched,
                    occurrence,
                ),
                severity: hit.severity.as_str().to_string(),
                rule_id: rule.id.clone(),
                category: rule.category.clone(),
                policy_ref: rule.policy_ref.clone(),
                platform: rec.platform.to_string(),
                account: rec.account.clone(),
                archive: self.archive.to_string(),
                entry: rec.entry.clone(),
                record_kind: rec.kind.as_str().to_string(),
                record_id: rec.id.clone(),
                created_at: created_at.clone(),
                url: rec.url.clone(),
                field: hit.field.to_string(),
                matched,
                context,
                detail,
                offset: hit.start,
            });
        }
    }

    /// Context for a hit with no text span (a geotag, an account fact): the
    /// location label or the record's first text.
    fn metadata_context(&self, rec: &Record, hit: &Hit) -> String {
        if let Some(loc) = rec.locations.iter().find(|l| l.field == hit.field) {
            return safe::context(&loc.label, 0, 0, CONTEXT_CHARS * 2, &[]);
        }
        let text = rec
            .field(hit.field)
            .or_else(|| rec.field("text"))
            .unwrap_or("");
        safe::context(text, 0, 0, CONTEXT_CHARS * 2, &[])
    }
}

//! One record in, its findings out: runs the compiled pack and turns each
//! hit into an evidence-grade `Finding` (context, permalink, redaction).

use super::excerpt;
use crate::finding::{Finding, fingerprint};
use crate::record::{Record, RecordKind};
use crate::rules::{Hit, Pack};
use crate::vocab::Field;
use crate::vocab::Severity;
use jiff::Timestamp;

/// How many characters of context to keep either side of a match.
const CONTEXT_CHARS: usize = 60;

pub struct Evaluator<'a> {
    pub pack: &'a Pack,
    pub archive: &'a str,
    pub since: Option<Timestamp>,
    pub until: Option<Timestamp>,
    pub min_severity: Severity,
    pub redact: bool,
    /// Per rule (index into `Pack::rules`): false when `--disable` or
    /// `--enable` left it out. Empty: every rule is on.
    pub enabled: &'a [bool],
}

/// One scanned record as the SQLite case file's `records` table holds it,
/// handed to a [`super::RecordSink`] as the scan reads (only when one is
/// given: `--format sqlite`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordRow {
    pub archive: String,
    /// Where the record stands in the run, the same for any thread count:
    /// which entry was being read when it was made (empty for the
    /// archive's end), which pass made it, and its place among them.
    pub order: RowOrder,
    pub entry: String,
    pub id: String,
    pub platform: crate::vocab::Platform,
    pub kind: RecordKind,
    /// `YYYY-MM-DDTHH:MM:SSZ`, empty when unknown, as in the findings.
    pub created_at: String,
    pub url: String,
    /// The record's `text` field, else its first field; masked under `--redact`.
    pub text: String,
    /// Every other field, one per line as `name: value`; a line break in a
    /// value continues on a line indented by two spaces. Masked as `text`.
    pub fields: String,
}

/// See [`RecordRow::order`].
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct RowOrder {
    /// The archive entry being read (not the record's own `entry`, which a
    /// reader may set to another file); empty for records made when the
    /// archive was finished; the image under `--ocr`.
    pub source: String,
    pub pass: Pass,
    /// The record's place among those `pass` made from `source`.
    pub seq: u64,
}

/// Which part of the scan made a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Pass {
    /// Reading an entry.
    Read = 0,
    /// The reader's `finish`, after every entry of the archive.
    Finish = 1,
    /// The media pass (text `--ocr` read from an image).
    Media = 2,
}

#[derive(Default)]
pub struct Tally {
    pub below_min_severity: u64,
}

impl Evaluator<'_> {
    /// False for records outside `--since/--until`. Profile and account
    /// records are always in range, whatever date they carry (an account
    /// record's is the account's creation): they describe the account as
    /// it is now. So are records with no time.
    pub fn in_range(&self, rec: &Record) -> bool {
        if matches!(rec.kind, RecordKind::Profile | RecordKind::Account) {
            return true;
        }
        match rec.created_at {
            None => true,
            Some(t) => self.since.is_none_or(|s| t >= s) && self.until.is_none_or(|u| t <= u),
        }
    }

    fn enabled(&self, rule: usize) -> bool {
        self.enabled.get(rule).copied().unwrap_or(true)
    }

    pub fn evaluate(&self, rec: &Record, out: &mut Vec<Finding>, tally: &mut Tally) {
        let mut hits: Vec<Hit> = Vec::new();
        self.pack.check(rec, &mut hits);
        self.findings(rec, &hits, out, tally);
    }

    /// As [`Evaluator::evaluate`], and also the record as a `records` row
    /// of the SQLite case file. Under `--redact` every field has every
    /// personal-data match on it masked, as a finding's context has, so
    /// the row never holds what a finding hides. Every hit counts, also of
    /// rules `--disable` left out, as for context (docs/OUTPUTS.md).
    pub fn evaluate_keep(
        &self,
        rec: &Record,
        order: RowOrder,
        out: &mut Vec<Finding>,
        tally: &mut Tally,
        rows: &mut Vec<RecordRow>,
    ) {
        let mut hits: Vec<Hit> = Vec::new();
        self.pack.check(rec, &mut hits);
        self.findings(rec, &hits, out, tally);
        let main = rec
            .fields
            .iter()
            .position(|f| f.name == Field::Text)
            .or((!rec.fields.is_empty()).then_some(0));
        let value = |f: &crate::record::FieldText| self.masked(f, &hits);
        let text = main.map(|i| value(&rec.fields[i])).unwrap_or_default();
        let mut fields = String::new();
        for (i, f) in rec.fields.iter().enumerate() {
            if Some(i) == main {
                continue;
            }
            if !fields.is_empty() {
                fields.push('\n');
            }
            fields.push_str(f.name.as_str());
            fields.push_str(": ");
            // Indented continuation lines keep `name:` lines unambiguous.
            fields.push_str(&value(f).replace('\n', "\n  "));
        }
        rows.push(RecordRow {
            archive: self.archive.to_string(),
            order,
            entry: rec.entry.clone(),
            id: rec.id.clone(),
            platform: rec.platform,
            kind: rec.kind,
            created_at: rec
                .created_at
                .map(|t| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
                .unwrap_or_default(),
            url: rec.url.clone(),
            text,
            fields,
        });
    }

    /// One field's value, with every personal-data match masked under
    /// `--redact`: the spans of hits on a field of that name, then the
    /// matched text wherever it is restated (a hit without a span, such as
    /// an account's e-mail checked as a whole, or one on another field).
    fn masked(&self, f: &crate::record::FieldText, hits: &[Hit]) -> String {
        if !self.redact {
            return f.value.clone();
        }
        let rules = self.pack.rules();
        let personal = |h: &&Hit| rules[h.rule].category.is_personal();
        let spans: Vec<(usize, usize)> = hits
            .iter()
            .filter(personal)
            .filter(|h| h.field == f.name && h.end > h.start)
            .map(|h| (h.start, h.end))
            .collect();
        let mut text = excerpt::mask_spans(&f.value, &spans);
        for h in hits.iter().filter(personal) {
            if !h.matched.trim().is_empty() && text.contains(&h.matched) {
                text = text.replace(&h.matched, &excerpt::mask(&h.matched));
            }
        }
        text
    }

    /// Turns hits on one record (from `check`, or from the account-level
    /// rules at the end of an archive) into findings.
    pub fn findings(&self, rec: &Record, hits: &[Hit], out: &mut Vec<Finding>, tally: &mut Tally) {
        if hits.is_empty() {
            return;
        }
        let rules = self.pack.rules();
        let personal = |h: &Hit| rules[h.rule].category.is_personal();
        let created_at = rec
            .created_at
            .map(|t| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
            .unwrap_or_default();
        let mut seen: Vec<(usize, crate::vocab::Field, String)> = Vec::new();
        for hit in hits {
            if !self.enabled(hit.rule) {
                continue;
            }
            if hit.severity < self.min_severity {
                tally.below_min_severity += 1;
                continue;
            }
            let rule = &rules[hit.rule];
            let key = (hit.rule, hit.field, hit.matched.to_lowercase());
            let occurrence = seen.iter().filter(|k| **k == key).count();
            seen.push(key);
            // A record can hold several fields of one name (links, apps):
            // the one whose span is the match is the one that matched.
            let values = || {
                rec.fields
                    .iter()
                    .filter(|f| f.name == hit.field)
                    .map(|f| f.value.as_str())
            };
            let field_text = values()
                .find(|v| v.get(hit.start..hit.end) == Some(hit.matched.as_str()))
                .or_else(|| values().find(|v| v.get(hit.start..hit.end).is_some()));
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
                    excerpt::context(text, hit.start, hit.end, CONTEXT_CHARS, &masks)
                }
                _ => self.metadata_context(rec, hit),
            };
            let hide = self.redact && personal(hit);
            let (matched, detail) = if hide {
                let masked = excerpt::mask(&hit.matched);
                let detail = redact_detail(&hit.detail, &hit.matched);
                (masked, detail)
            } else {
                (hit.matched.clone(), hit.detail.clone())
            };
            let context = if hide && hit.end <= hit.start && !hit.matched.is_empty() {
                context.replace(&hit.matched, &excerpt::mask(&hit.matched))
            } else {
                context
            };
            out.push(Finding {
                finding_id: fingerprint(
                    rec.platform.as_str(),
                    &rec.account,
                    &rec.id,
                    hit.field.as_str(),
                    &rule.id,
                    &hit.matched,
                    occurrence,
                ),
                severity: hit.severity,
                rule_id: rule.id.clone(),
                category: rule.category,
                policy_ref: rule.policy_ref.clone(),
                platform: rec.platform,
                account: rec.account.clone(),
                archive: self.archive.to_string(),
                entry: rec.entry.clone(),
                record_kind: rec.kind,
                record_id: rec.id.clone(),
                created_at: created_at.clone(),
                url: rec.url.clone(),
                field: hit.field,
                matched,
                context,
                detail,
                confidence: hit.confidence,
                review: String::new(),
                review_note: String::new(),
                offset: hit.start,
            });
        }
    }

    /// Context for a hit with no text span (a geotag, an account fact): the
    /// location label or the record's first text.
    fn metadata_context(&self, rec: &Record, hit: &Hit) -> String {
        if let Some(loc) = rec.locations.iter().find(|l| l.field == hit.field) {
            return excerpt::context(&loc.label, 0, 0, CONTEXT_CHARS * 2, &[]);
        }
        let text = rec
            .field(hit.field)
            .or_else(|| rec.field(Field::Text))
            .unwrap_or("");
        excerpt::context(text, 0, 0, CONTEXT_CHARS * 2, &[])
    }
}

/// The detail column can restate the match in another form (a name
/// without its title, a phone number's digits, a coordinate): mask the
/// match itself, every word of it (two or more letters or digits) wherever
/// it appears, and every word that carries four or more digits or an `@`.
fn redact_detail(detail: &str, matched: &str) -> String {
    // Very short matches would mask letters inside ordinary words.
    let detail = if matched.chars().count() < 4 {
        detail.to_string()
    } else {
        detail.replace(matched, &excerpt::mask(matched))
    };
    let secret: Vec<String> = matched
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
        .collect();
    let mut out = String::with_capacity(detail.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if secret.contains(&word.to_lowercase()) {
            out.push_str(&excerpt::mask(word));
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in detail.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out.split(' ')
        .map(|word| {
            let digits = word.chars().filter(char::is_ascii_digit).count();
            if digits >= 4 || word.contains('@') {
                excerpt::mask(word)
            } else {
                word.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::redact_detail;

    #[test]
    fn redacted_detail_keeps_the_reason_and_hides_the_number() {
        let d = redact_detail(
            "UK geographic number 01134960381; not an organisation number",
            "0113 496 0381",
        );
        assert_eq!(
            d,
            "UK geographic number •••••••••••; not an organisation number"
        );
        let d = redact_detail("EXIF GPS 54.574,-1.231 (media: x.jpg)", "54.574,-1.231");
        assert!(!d.contains("54.574"), "{d}");
        let reason = "mod-11 check digit valid; context \"nhs no\" 1 chars before";
        assert_eq!(redact_detail(reason, "401 159 0835"), reason);
        assert_eq!(redact_detail(reason, "x"), reason);
        // The detail names the person without the title the match had.
        let d = redact_detail(
            "capitalised name \"Mary Example\"; context \"admitted\" 27 chars after",
            "Patient Mary Example",
        );
        assert_eq!(
            d,
            "capitalised name \"•••• •••••••\"; context \"admitted\" 27 chars after"
        );
    }
}

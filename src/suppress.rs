//! Leaving out findings already dealt with: a baseline (a previous findings
//! file: everything it lists is old news) and an ignore file (fingerprints
//! an investigator reviewed, each with a reason). Both match on
//! `finding_id`, which depends on the record, field, rule and normalised
//! match, never on file paths or byte offsets, so they survive a re-export
//! of the same account.
//!
//! Ignore file format, one fingerprint per line, `#` starts a comment:
//!
//! ```text
//! # finding_id          reason; reviewer; date
//! 3f9a0c1d2e4b5a6978ab  # not a breach: published switchboard; J. Smith; 2026-11-20
//! ```
//!
//! A reviewed findings file (`--reviewed`, docs/OUTPUTS.md, "Review loop")
//! is a CSV or XLSX findings file whose `review` column a person filled in:
//! `false-positive` and `accepted` leave the finding out (recorded in the
//! manifest), `escalated` and `to-check` are carried into the new output.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

#[derive(Debug, Default, Clone)]
pub struct Suppressions {
    baseline: HashSet<String>,
    ignored: HashSet<String>,
    /// `--reviewed`: by lower-case `finding_id`; a later file wins.
    reviewed: HashMap<String, Review>,
}

/// Which list left a finding out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    Baseline,
    Ignored,
    /// Marked `false-positive` or `accepted` in a `--reviewed` file.
    Reviewed,
}

/// The review values a person may write in the `review` column. Anything
/// else is an error naming the file and row, so a typo such as
/// `false positive` never silently keeps (or drops) a finding.
pub const REVIEW_VALUES: [&str; 4] = ["false-positive", "accepted", "escalated", "to-check"];

/// One reviewed finding as read from a `--reviewed` file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub finding_id: String,
    /// One of `REVIEW_VALUES`.
    pub review: String,
    /// The `review_note` column: the reason.
    #[serde(default)]
    pub note: String,
    /// The optional `reviewer` column.
    #[serde(default)]
    pub reviewer: String,
    /// The optional `reviewed_on` column (as written; not parsed).
    #[serde(default)]
    pub reviewed_on: String,
    /// The `--reviewed` file it came from, as given.
    pub file: String,
}

impl Review {
    /// Whether this review leaves the finding out of the next run.
    pub fn closes(&self) -> bool {
        matches!(self.review.as_str(), "false-positive" | "accepted")
    }
}

impl Suppressions {
    pub fn is_empty(&self) -> bool {
        self.baseline.is_empty() && self.ignored.is_empty() && self.reviewed.is_empty()
    }

    pub fn check(&self, finding_id: &str) -> Option<Why> {
        if self.ignored.contains(finding_id) {
            Some(Why::Ignored)
        } else if self.review(finding_id).is_some_and(Review::closes) {
            Some(Why::Reviewed)
        } else if self.baseline.contains(finding_id) {
            Some(Why::Baseline)
        } else {
            None
        }
    }

    /// The review a `--reviewed` file gave this finding, if any.
    pub fn review(&self, finding_id: &str) -> Option<&Review> {
        if self.reviewed.is_empty() {
            return None;
        }
        self.reviewed.get(&finding_id.to_ascii_lowercase())
    }

    /// A findings file (CSV or the XLSX `--format xlsx` writes) with a
    /// `review` column. Rows with an empty `review` are unreviewed and
    /// ignored; an unknown value is an error naming the file and row.
    /// Returns the number of reviewed rows read.
    pub fn add_reviewed(&mut self, path: &Path) -> Result<usize> {
        let what = |e: String| Error::Suppress(format!("reviewed file {}: {e}", path.display()));
        let bytes = std::fs::read(path).map_err(|e| {
            Error::Suppress(format!("cannot read reviewed file {}: {e}", path.display()))
        })?;
        let rows = findings_file_rows(&bytes)
            .unwrap_or_else(|| Err(Error::Suppress("not a findings file (CSV or XLSX)".into())))
            .map_err(|e| what(e.to_string()))?;
        if !rows.has_review {
            return Err(what(
                "no review column: add `review` (and `review_note`) to the findings file".into(),
            ));
        }
        let mut n = 0;
        for row in rows.rows {
            let get = |k: &str| {
                row.cells
                    .get(k)
                    .map(|v| v.trim().to_string())
                    .unwrap_or_default()
            };
            let review = get("review").to_ascii_lowercase();
            if review.is_empty() {
                continue;
            }
            if !REVIEW_VALUES.contains(&review.as_str()) {
                return Err(what(format!(
                    "{}: review {review:?} is not one of {}",
                    row.at,
                    REVIEW_VALUES.join(", ")
                )));
            }
            let id = get("finding_id").to_ascii_lowercase();
            if id.is_empty() {
                continue;
            }
            self.reviewed.insert(
                id.clone(),
                Review {
                    finding_id: id,
                    review,
                    note: get("review_note"),
                    reviewer: get("reviewer"),
                    reviewed_on: get("reviewed_on"),
                    file: path.display().to_string(),
                },
            );
            n += 1;
        }
        Ok(n)
    }

    /// A previous findings file, CSV (with a `finding_id` column), JSON
    /// Lines (objects with a `finding_id` key) or the XLSX workbook
    /// `--format xlsx` writes, told apart by content.
    pub fn add_baseline(&mut self, path: &Path) -> Result<usize> {
        let bytes = std::fs::read(path).map_err(|e| {
            Error::Suppress(format!("cannot read baseline {}: {e}", path.display()))
        })?;
        let ids = findings_file_ids(&bytes)
            .unwrap_or_else(|| {
                Err(Error::Suppress(
                    "not a findings file (CSV, JSON Lines or XLSX)".into(),
                ))
            })
            .map_err(|e| Error::Suppress(format!("baseline {}: {e}", path.display())))?;
        let n = ids.len();
        self.baseline.extend(ids);
        Ok(n)
    }

    /// Fingerprints one per line with `#` comments, or a findings file
    /// (CSV, JSON Lines, XLSX) whose every finding is to be left out.
    pub fn add_ignore_file(&mut self, path: &Path) -> Result<usize> {
        let bytes = std::fs::read(path).map_err(|e| {
            Error::Suppress(format!("cannot read ignore file {}: {e}", path.display()))
        })?;
        if let Some(ids) = findings_file_ids(&bytes) {
            let ids =
                ids.map_err(|e| Error::Suppress(format!("ignore file {}: {e}", path.display())))?;
            let n = ids.len();
            self.ignored
                .extend(ids.into_iter().map(|i| i.to_ascii_lowercase()));
            return Ok(n);
        }
        let text = String::from_utf8(bytes).map_err(|_| {
            Error::Suppress(format!(
                "ignore file {}: not UTF-8 text, nor a findings file",
                path.display()
            ))
        })?;
        let mut n = 0;
        for (i, line) in text.lines().enumerate() {
            let id = line.split('#').next().unwrap_or("").trim();
            if id.is_empty() {
                continue;
            }
            if !is_fingerprint(id) {
                return Err(Error::Suppress(format!(
                    "ignore file {} line {}: {id:?} is not a finding_id (hex)",
                    path.display(),
                    i + 1
                )));
            }
            self.ignored.insert(id.to_ascii_lowercase());
            n += 1;
        }
        Ok(n)
    }
}

fn is_fingerprint(s: &str) -> bool {
    s.len() >= 8 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// One data row of a findings file: its cells by column name and where it
/// is (`row 3`, `sheet "Findings" row 3`, `line 3`) for error messages.
struct Row {
    at: String,
    cells: BTreeMap<String, String>,
}

struct Rows {
    rows: Vec<Row>,
    /// Whether a `review` column was present.
    has_review: bool,
}

/// The `finding_id`s of a findings file; `None` when the bytes are not
/// shaped like one (no XLSX zip, no JSON object, no `finding_id` header).
fn findings_file_ids(bytes: &[u8]) -> Option<Result<Vec<String>>> {
    findings_file_rows(bytes).map(|rows| {
        rows.map(|rows| {
            rows.rows
                .into_iter()
                .filter_map(|mut r| r.cells.remove("finding_id"))
                .filter(|id| !id.is_empty())
                .collect()
        })
    })
}

/// The rows of a findings file (CSV, JSON Lines or XLSX), shared by the
/// baseline, the ignore file and `--reviewed`; `None` when the bytes are
/// not shaped like one.
fn findings_file_rows(bytes: &[u8]) -> Option<Result<Rows>> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Some(xlsx_rows(bytes));
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let first = text.trim_start_matches('\u{feff}').trim_start();
    let header = first.lines().next().unwrap_or("");
    if first.starts_with('{') || header.split(',').any(|h| h.trim() == "finding_id") {
        return Some(parse_findings_rows(text));
    }
    None
}

/// Rows from every sheet of a workbook whose first row has a `finding_id`
/// column (the findings sheets; Coverage, Summary and Run are passed over).
fn xlsx_rows(bytes: &[u8]) -> Result<Rows> {
    use calamine::{Reader, Xlsx, open_workbook_from_rs};
    let mut wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| Error::Suppress(format!("not a readable XLSX workbook: {e}")))?;
    let mut rows = Vec::new();
    let mut found = false;
    let mut has_review = false;
    for name in wb.sheet_names() {
        let range = wb
            .worksheet_range(&name)
            .map_err(|e| Error::Suppress(format!("sheet {name:?}: {e}")))?;
        let mut it = range.rows();
        let Some(header) = it.next() else { continue };
        let header: Vec<String> = header.iter().map(|c| c.to_string()).collect();
        if !header.iter().any(|h| h == "finding_id") {
            continue;
        }
        found = true;
        has_review |= header.iter().any(|h| h == "review");
        for (i, row) in it.enumerate() {
            let cells = header
                .iter()
                .zip(row)
                .filter(|(h, _)| !h.is_empty())
                .map(|(h, c)| (h.clone(), c.to_string()))
                .collect();
            rows.push(Row {
                // +2: the header is row 1, as the spreadsheet numbers it.
                at: format!("sheet {name:?} row {}", i + 2),
                cells,
            });
        }
    }
    if !found {
        return Err(Error::Suppress(
            "no sheet has a finding_id column: is this a findings workbook?".into(),
        ));
    }
    Ok(Rows { rows, has_review })
}

fn parse_findings_rows(text: &str) -> Result<Rows> {
    let first = text.trim_start_matches('\u{feff}').trim_start();
    if first.starts_with('{') {
        let mut rows = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let v: serde_json::Value = serde_json::from_str(line)
                .map_err(|e| Error::Suppress(format!("line {}: not JSON: {e}", i + 1)))?;
            let Some(obj) = v
                .as_object()
                .filter(|o| o.get("finding_id").is_some_and(|x| x.is_string()))
            else {
                return Err(Error::Suppress(format!("line {}: no finding_id", i + 1)));
            };
            let cells = obj
                .iter()
                .filter_map(|(k, v)| v.as_str().map(|s| (k.clone(), s.to_string())))
                .collect();
            rows.push(Row {
                at: format!("line {}", i + 1),
                cells,
            });
        }
        return Ok(Rows {
            rows,
            // JSON Lines carries no review column to edit.
            has_review: false,
        });
    }
    let mut r = csv::Reader::from_reader(first.as_bytes());
    let header: Vec<String> = r
        .headers()
        .map_err(|e| Error::Suppress(e.to_string()))?
        .iter()
        .map(str::to_string)
        .collect();
    if !header.iter().any(|h| h == "finding_id") {
        return Err(Error::Suppress(
            "no finding_id column: is this a findings file?".into(),
        ));
    }
    let has_review = header.iter().any(|h| h == "review");
    let mut rows = Vec::new();
    for (i, rec) in r.records().enumerate() {
        let rec = rec.map_err(|e| Error::Suppress(e.to_string()))?;
        let cells = header
            .iter()
            .zip(rec.iter())
            .map(|(h, c)| (h.clone(), crate::report::safe::undefang(c).to_string()))
            .collect();
        rows.push(Row {
            // +2: the header is row 1, as a spreadsheet numbers it.
            at: format!("row {}", i + 2),
            cells,
        });
    }
    Ok(Rows { rows, has_review })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baseline_reads_csv_and_jsonl() {
        let d = tempfile::tempdir().unwrap();
        let csv = d.path().join("f.csv");
        std::fs::write(&csv, "finding_id,severity\nabcdef0123456789abcd,high\n").unwrap();
        let jsonl = d.path().join("f.jsonl");
        std::fs::write(&jsonl, "{\"finding_id\":\"0000000000000000beef\"}\n").unwrap();
        let mut s = Suppressions::default();
        assert_eq!(s.add_baseline(&csv).unwrap(), 1);
        assert_eq!(s.add_baseline(&jsonl).unwrap(), 1);
        assert_eq!(s.check("abcdef0123456789abcd"), Some(Why::Baseline));
        assert_eq!(s.check("0000000000000000beef"), Some(Why::Baseline));
        assert_eq!(s.check("ffff"), None);
    }

    #[test]
    fn ignore_file_has_comments_and_rejects_garbage() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("ignore");
        std::fs::write(
            &p,
            "# reviewed\nABCDEF0123456789ABCD  # switchboard; J. Smith; 2026-11-20\n\n",
        )
        .unwrap();
        let mut s = Suppressions::default();
        assert_eq!(s.add_ignore_file(&p).unwrap(), 1);
        assert_eq!(s.check("abcdef0123456789abcd"), Some(Why::Ignored));
        std::fs::write(&p, "not-a-fingerprint\n").unwrap();
        let err = s.add_ignore_file(&p).unwrap_err().to_string();
        assert!(err.contains("line 1"), "{err}");
    }

    #[test]
    fn baseline_and_ignore_read_the_xlsx_the_scan_writes_and_a_bom_csv() {
        let d = tempfile::tempdir().unwrap();
        let f = crate::finding::Finding {
            finding_id: "abcdef0123456789abcd".into(),
            severity: crate::vocab::Severity::High,
            rule_id: "r".into(),
            category: crate::vocab::Category::Conduct,
            policy_ref: String::new(),
            platform: crate::record::Platform::Twitter,
            account: "a".into(),
            archive: "x.zip".into(),
            entry: "e".into(),
            record_kind: crate::record::RecordKind::Post,
            record_id: "1".into(),
            created_at: String::new(),
            url: String::new(),
            field: crate::vocab::Field::Text,
            matched: "m".into(),
            context: "c".into(),
            detail: "d".into(),
            confidence: crate::rules::Confidence::High,
            review: String::new(),
            review_note: String::new(),
            offset: 0,
        };
        let xlsx = d.path().join("last.xlsx");
        let mut bytes = Vec::new();
        crate::report::xlsx::write_findings_xlsx(&mut bytes, &vec![f.clone()].into()).unwrap();
        std::fs::write(&xlsx, &bytes).unwrap();
        let csv = d.path().join("last.csv");
        let mut bytes = Vec::new();
        crate::report::write_findings_csv(&mut bytes, &vec![f].into()).unwrap();
        assert!(bytes.starts_with("\u{feff}".as_bytes()));
        std::fs::write(&csv, &bytes).unwrap();
        for p in [&xlsx, &csv] {
            let mut s = Suppressions::default();
            assert_eq!(s.add_baseline(p).unwrap(), 1, "{}", p.display());
            assert_eq!(s.check("abcdef0123456789abcd"), Some(Why::Baseline));
            let mut s = Suppressions::default();
            assert_eq!(s.add_ignore_file(p).unwrap(), 1, "{}", p.display());
            assert_eq!(s.check("abcdef0123456789abcd"), Some(Why::Ignored));
        }
    }

    #[test]
    fn a_broken_workbook_is_one_clear_error_naming_the_file() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("last.xlsx");
        std::fs::write(&p, b"PK\x03\x04 not really a workbook").unwrap();
        for e in [
            Suppressions::default()
                .add_baseline(&p)
                .unwrap_err()
                .to_string(),
            Suppressions::default()
                .add_ignore_file(&p)
                .unwrap_err()
                .to_string(),
        ] {
            assert!(
                e.contains("last.xlsx") && e.contains("not a readable XLSX"),
                "{e}"
            );
        }
    }

    #[test]
    fn a_file_without_finding_ids_is_an_error() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("x.csv");
        std::fs::write(&p, "a,b\n1,2\n").unwrap();
        assert!(Suppressions::default().add_baseline(&p).is_err());
    }
}

//! Sinks: findings (CSV or JSON Lines), coverage CSV, manifest JSON. They
//! receive rows in their final order and only format them.

pub mod manifest;
pub mod merge;
mod output;
pub mod safe;
pub mod summary;
pub mod xlsx;

pub use output::{Output, remove_partials_on_interrupt};

use crate::finding::Finding;
use serde::Serialize;
use std::io::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Parsed,
    Skipped,
    Unknown,
    Failed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Parsed => "parsed",
            Status::Skipped => "skipped",
            Status::Unknown => "unknown",
            Status::Failed => "failed",
        }
    }
}

/// One row of the coverage report: what happened to one archive entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CoverageRow {
    pub archive: String,
    pub entry: String,
    pub status: Status,
    pub records: u64,
    pub findings: u64,
    pub bytes: u64,
    pub detail: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Csv,
    Jsonl,
    /// A spreadsheet (`scan` only; not to standard output).
    Xlsx,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
            Format::Xlsx => "xlsx",
        }
    }

    /// The file extension this format is written with.
    pub fn extension(self) -> &'static str {
        self.name()
    }

    /// The format a file name's extension names, if it names one.
    pub fn from_extension(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(Format::Csv),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
}

/// The UTF-8 byte order mark every CSV starts with: without it Excel on
/// Windows reads the file as the local code page and shows `…` as `â€¦`.
/// Programs that read our CSVs back strip it (see `strip_bom`).
pub const BOM: &str = "\u{feff}";

/// `text` without a leading byte order mark.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix(BOM).unwrap_or(text)
}

/// A CSV reader over `bytes` that looks past a leading byte order mark.
pub fn csv_reader(bytes: &[u8]) -> csv::Reader<&[u8]> {
    csv::Reader::from_reader(bytes.strip_prefix(BOM.as_bytes()).unwrap_or(bytes))
}

/// Findings as CSV with every free-text cell defanged for spreadsheets.
pub fn write_findings_csv(mut out: impl Write, findings: &[Finding]) -> csv::Result<()> {
    out.write_all(BOM.as_bytes())?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record(HEADER)?;
    for f in findings {
        let cells = f.cells();
        w.write_record(cells.iter().map(|c| safe::defang(c).into_owned()))?;
    }
    w.flush()?;
    Ok(())
}

pub use crate::finding::HEADER;

/// Findings as JSON Lines, one object per finding with the CSV's keys.
/// Values are not defanged: JSON consumers are programs, not spreadsheets.
pub fn write_findings_jsonl(mut out: impl Write, findings: &[Finding]) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct Line<'a> {
        #[serde(flatten)]
        finding: &'a Finding,
        severity_rank: u8,
    }
    for f in findings {
        let line = Line {
            finding: f,
            severity_rank: f.severity_rank(),
        };
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

pub fn write_coverage_csv(mut out: impl Write, rows: &[CoverageRow]) -> csv::Result<()> {
    out.write_all(BOM.as_bytes())?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "archive", "entry", "status", "records", "findings", "bytes", "detail",
    ])?;
    for r in rows {
        w.write_record([
            safe::defang(&r.archive).as_ref(),
            safe::defang(&r.entry).as_ref(),
            r.status.as_str(),
            &r.records.to_string(),
            &r.findings.to_string(),
            &r.bytes.to_string(),
            safe::defang(&r.detail).as_ref(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

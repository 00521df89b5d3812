//! Sinks: each output of a run is one [`Sink`] in its own file, as
//! ripgrep's printers or gitleaks' reporters are: findings as CSV
//! (findings_csv.rs), JSON Lines (findings_jsonl.rs) or a workbook (xlsx.rs), the coverage
//! CSV (coverage.rs), the SQLite case file (sqlite.rs), the HTML summary (summary.rs) and the manifest
//! (manifest.rs). They receive the scan's results in their final order and
//! only format them; text for the vocabulary's enums appears only here.
//! Staging and sealing the files they write is output.rs's job.

pub mod coverage;
pub mod findings_csv;
pub mod findings_jsonl;
pub mod handover;
pub mod manifest;
pub mod merge;
mod output;
pub mod safe;
pub mod sqlite;
pub mod summary;
pub mod xlsx;

pub use crate::scan::{Coverage, CoverageRow, CoverageView, Status};
pub use crate::scratch::remove_partials_on_interrupt;
pub use coverage::write_coverage_csv;
pub use findings_csv::write_findings_csv;
pub use findings_jsonl::write_findings_jsonl;
pub use output::{Output, is_device};

use crate::error::Result;
use crate::scan::Outcome;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What a scan knows about itself: everything any sink writes.
pub struct Run<'a> {
    pub inputs: &'a [PathBuf],
    /// Size and SHA-256 of each input, in `inputs` order (the manifest's;
    /// empty when no manifest is written).
    pub hashes: &'a [Result<(u64, String)>],
    pub pack: &'a crate::rules::Pack,
    pub outcome: &'a Outcome,
    /// 1-based `--shard I/N`.
    pub shard: Option<(usize, usize)>,
    pub started: jiff::Timestamp,
    /// `--timezone` and `--date-order`, for the manifest.
    pub reading: &'a crate::platform::ReadOptions,
}

/// An output already written and sealed, for the manifest.
#[derive(Clone, Debug)]
pub struct Written<'a> {
    pub role: &'static str,
    pub path: &'a Path,
    pub sha256: String,
}

/// One output of a run. `before` lists the outputs written ahead of this
/// one (the manifest, written last, records them all).
pub trait Sink {
    /// The output's role in the manifest: `findings`, `summary`,
    /// `coverage`, `manifest`.
    fn role(&self) -> &'static str;
    fn write(&self, run: &Run<'_>, before: &[Written<'_>], out: &mut dyn Write) -> Result<()>;
    /// Where the scan should hand every record as it reads, for a sink
    /// that stores records (the SQLite case file); most store none.
    fn records(&self) -> Option<&dyn crate::scan::RecordSink> {
        None
    }
}

/// The sink that writes findings in `format` to `path`. The case file
/// creates its scratch file for records here, before the scan.
pub fn findings_sink(format: Format, path: &Path) -> Result<Box<dyn Sink + '_>> {
    Ok(match format {
        Format::Csv => Box::new(findings_csv::FindingsCsv),
        Format::Jsonl => Box::new(findings_jsonl::FindingsJsonl),
        Format::Xlsx => Box::new(xlsx::FindingsXlsx),
        Format::Sqlite => Box::new(sqlite::CaseFile::create(path)?),
    })
}

/// An I/O or encoding failure inside a sink, as the library's error.
pub(crate) fn failed(e: impl std::fmt::Display) -> crate::error::Error {
    crate::error::Error::Report(e.to_string())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Csv,
    Jsonl,
    /// A spreadsheet (`scan` only; not to standard output).
    Xlsx,
    /// A SQLite case file that accumulates runs (`scan` only; not to
    /// standard output).
    Sqlite,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
            Format::Xlsx => "xlsx",
            Format::Sqlite => "sqlite",
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
            "sqlite" | "sqlite3" => Some(Format::Sqlite),
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

pub use crate::finding::HEADER;

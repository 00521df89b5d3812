//! What happened to each archive entry: the coverage report's rows. The
//! scan makes them; the coverage sink (src/report/) only writes them.

use serde::Serialize;

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

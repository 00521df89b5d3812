//! What happened to each archive entry: the coverage report's rows. The
//! scan makes them; the coverage sink (src/report/) only writes them.

use serde::Serialize;

pub use crate::vocab::Status;

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

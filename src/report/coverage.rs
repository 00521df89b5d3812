//! The coverage report: one CSV row per archive entry, saying what was
//! read, skipped, not recognised or failed (docs/OUTPUTS.md, "Coverage file").

use super::{BOM, CoverageView, Run, Sink, Written, failed, safe};
use crate::error::Result;
use std::io::Write;

pub struct CoverageCsv;

impl Sink for CoverageCsv {
    fn role(&self) -> &'static str {
        "coverage"
    }
    fn write(&self, run: &Run<'_>, _: &[Written<'_>], out: &mut dyn Write) -> Result<()> {
        write_coverage_csv(out, &run.outcome.coverage).map_err(failed)
    }
}

/// The coverage columns, in order (the CSV's header and the workbook's
/// Coverage sheet).
pub const HEADER: [&str; 7] = [
    "archive", "entry", "status", "records", "findings", "bytes", "detail",
];

/// Writes `rows` as they come: a scan's coverage is read as a stream
/// (`Coverage::iter`), never held as owned rows.
pub fn write_coverage_csv<'a>(
    mut out: impl Write,
    rows: impl IntoIterator<Item = CoverageView<'a>>,
) -> csv::Result<()> {
    out.write_all(BOM.as_bytes())?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record(HEADER)?;
    for r in rows {
        w.write_record([
            safe::defang(r.archive).as_ref(),
            safe::defang(&r.entry.as_str()).as_ref(),
            r.status.as_str(),
            &r.records.to_string(),
            &r.findings.to_string(),
            &r.bytes.to_string(),
            safe::defang(r.detail).as_ref(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

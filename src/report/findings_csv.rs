//! The findings file as CSV: a byte order mark for Excel, the contract
//! header (docs/OUTPUTS.md, "Findings file") and every free-text cell
//! defanged so a spreadsheet never runs it as a formula.

use super::{BOM, HEADER, Run, Sink, Written, failed, safe};
use crate::error::Result;
use crate::scan::Findings;
use std::io::Write;

pub struct FindingsCsv;

impl Sink for FindingsCsv {
    fn role(&self) -> &'static str {
        "findings"
    }
    fn write(&self, run: &Run<'_>, _: &[Written<'_>], out: &mut dyn Write) -> Result<()> {
        write_findings_csv(out, &run.outcome.findings).map_err(failed)
    }
}

/// Findings as CSV with every free-text cell defanged for spreadsheets.
pub fn write_findings_csv(mut out: impl Write, findings: &Findings) -> csv::Result<()> {
    out.write_all(BOM.as_bytes())?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record(HEADER)?;
    for f in findings.iter() {
        let f = f?;
        let cells = f.cells();
        w.write_record(cells.iter().map(|c| safe::defang(c).into_owned()))?;
    }
    w.flush()?;
    Ok(())
}

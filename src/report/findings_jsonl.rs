//! The findings file as JSON Lines: one object per finding with the CSV's
//! keys. Values are not defanged: JSON consumers are programs, not
//! spreadsheets.

use super::{Run, Sink, Written, failed};
use crate::error::Result;
use crate::finding::Finding;
use crate::scan::Findings;
use serde::Serialize;
use std::io::Write;

pub struct FindingsJsonl;

impl Sink for FindingsJsonl {
    fn role(&self) -> &'static str {
        "findings"
    }
    fn write(&self, run: &Run<'_>, _: &[Written<'_>], out: &mut dyn Write) -> Result<()> {
        write_findings_jsonl(out, &run.outcome.findings).map_err(failed)
    }
}

/// Findings as JSON Lines, one object per finding with the CSV's keys.
/// Values are not defanged: JSON consumers are programs, not spreadsheets.
pub fn write_findings_jsonl(mut out: impl Write, findings: &Findings) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct Line<'a> {
        #[serde(flatten)]
        finding: &'a Finding,
        severity_rank: u8,
    }
    for f in findings.iter() {
        let f = f?;
        let line = Line {
            finding: &f,
            severity_rank: f.severity_rank(),
        };
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

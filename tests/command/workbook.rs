//! The `--format xlsx` workbook (docs/OUTPUTS.md, "Workbook"): Findings,
//! Coverage, Summary and Run sheets, read back with calamine.

use crate::common::*;
use calamine::{Reader, Xlsx, open_workbook};
use std::path::Path;

#[test]
fn the_workbook_has_findings_coverage_summary_and_run_sheets() {
    let d = tempfile::tempdir().unwrap();
    let zip = d.path().join("twitter-2024-03-10-a.zip");
    write_zip(&zip, &standard_files());
    let book = d.path().join("findings.xlsx");
    let cov = d.path().join("coverage.csv");
    let csv = d.path().join("findings.csv");
    for (out, extra) in [(&book, "xlsx"), (&csv, "csv")] {
        let o = bin()
            .args([
                "scan",
                zip.to_str().unwrap(),
                "--no-progress",
                "--format",
                extra,
            ])
            .arg("-o")
            .arg(out)
            .arg("--coverage")
            .arg(&cov)
            .output()
            .unwrap();
        assert!(matches!(o.status.code(), Some(0 | 1)));
    }
    let csv_rows = |p: &Path| {
        let bytes = std::fs::read(p).unwrap();
        social_audit::report::csv_reader(&bytes).records().count()
    };
    let mut wb: Xlsx<_> = open_workbook(&book).unwrap();
    assert_eq!(wb.sheet_names(), ["Findings", "Coverage", "Summary", "Run"]);
    let rows = |wb: &mut Xlsx<_>, name: &str| -> Vec<Vec<String>> {
        wb.worksheet_range(name)
            .unwrap()
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    };
    let findings = rows(&mut wb, "Findings");
    assert_eq!(findings.len(), csv_rows(&csv) + 1);
    let coverage = rows(&mut wb, "Coverage");
    assert_eq!(coverage.len(), csv_rows(&cov) + 1);
    assert_eq!(
        coverage[0],
        [
            "archive", "entry", "status", "records", "findings", "bytes", "detail"
        ]
    );
    // Summary: three titled tables; the last has one row per account.
    let summary = rows(&mut wb, "Summary");
    let titles: Vec<&str> = summary
        .iter()
        .filter(|r| r[0].starts_with("Findings per"))
        .map(|r| r[0].as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Findings per category",
            "Findings per account",
            "Findings per account per quarter"
        ]
    );
    let last = summary
        .iter()
        .position(|r| r[0] == "Findings per account per quarter")
        .unwrap();
    assert_eq!(summary.len() - last - 2, 1, "one account: {summary:?}");
    assert_eq!(summary[last + 2][0], "NorthdaleNHS");
    let total: f64 = summary[last + 2].last().unwrap().parse().unwrap();
    assert_eq!(total as usize, findings.len() - 1);
    // Run: key/value rows from the manifest, without run times.
    let run = rows(&mut wb, "Run");
    assert_eq!(run[0], ["key", "value"]);
    let get = |k: &str| run.iter().find(|r| r[0] == k).map(|r| r[1].clone());
    assert_eq!(get("tool").as_deref(), Some("social-audit"));
    assert_eq!(
        get("totals.findings").unwrap(),
        (findings.len() - 1).to_string()
    );
    assert!(get("inputs.0.path").unwrap().ends_with(".zip"));
    assert!(get("started_at").is_none());
    // No sheet holds a formula: text from an archive is shown, not run.
    let bytes = std::fs::read(&book).unwrap();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    for i in 1..=4 {
        let mut s = String::new();
        std::io::Read::read_to_string(
            &mut z.by_name(&format!("xl/worksheets/sheet{i}.xml")).unwrap(),
            &mut s,
        )
        .unwrap();
        assert!(!s.contains("<f>"), "sheet{i} has a formula");
    }
}

//! The review loop (docs/OUTPUTS.md, "Review loop"): scan, a person fills
//! in the `review` column in a spreadsheet, and the next scan with
//! `--reviewed` leaves out what they closed, lists it in the manifest and
//! keeps the open reviews.

use crate::common::*;
use calamine::{Reader, Xlsx, open_workbook};
use std::path::Path;

/// The findings CSV at `from` with `edits` (row index → review, note)
/// applied and `reviewer`/`reviewed_on` columns added, as a person would
/// in a spreadsheet.
fn review_csv(from: &Path, to: &Path, edits: &[(usize, &str, &str)]) {
    let bytes = std::fs::read(from).unwrap();
    let mut r = social_audit::report::csv_reader(&bytes);
    let mut header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let col = |h: &[String], n: &str| h.iter().position(|x| x == n).unwrap();
    let (rc, nc) = (col(&header, "review"), col(&header, "review_note"));
    header.push("reviewer".into());
    header.push("reviewed_on".into());
    let mut w = csv::Writer::from_path(to).unwrap();
    w.write_record(&header).unwrap();
    for (i, rec) in r.records().enumerate() {
        let mut cells: Vec<String> = rec.unwrap().iter().map(String::from).collect();
        cells.push(String::new());
        cells.push(String::new());
        if let Some((_, review, note)) = edits.iter().find(|e| e.0 == i) {
            cells[rc] = review.to_string();
            cells[nc] = note.to_string();
            let n = cells.len();
            cells[n - 2] = "J. Smith".into();
            cells[n - 1] = "2026-11-30".into();
        }
        w.write_record(&cells).unwrap();
    }
    w.flush().unwrap();
}

fn manifest(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn csv_review_round_trip_leaves_out_closed_and_keeps_open_reviews() {
    let d = tempfile::tempdir().unwrap();
    let zip = d.path().join("twitter-2024-03-10-a.zip");
    write_zip(&zip, &standard_files());
    let r1 = scan(d.path(), &[&zip], &[]);
    assert!(r1.findings.len() >= 3, "{:?}", r1.findings);
    assert_eq!(
        &r1.header[17..],
        ["confidence", "severity_rank", "review", "review_note"]
    );
    assert!(r1.values("review").iter().all(String::is_empty));
    let ids = r1.values("finding_id");

    let reviewed = d.path().join("reviewed.csv");
    review_csv(
        &r1.findings_path,
        &reviewed,
        &[
            (0, "false-positive", "published switchboard"),
            (1, "Accepted", "=risk accepted by DPO"),
            (2, "escalated", "sent to IG team"),
        ],
    );
    let m = d.path().join("manifest.json");
    let r2 = scan(
        d.path(),
        &[&zip],
        &[
            "--reviewed",
            reviewed.to_str().unwrap(),
            "--manifest",
            m.to_str().unwrap(),
        ],
    );
    assert!(matches!(r2.code, 0 | 1), "{}", r2.stderr);
    assert_eq!(r2.values("finding_id"), ids[2..].to_vec());
    assert_eq!(r2.values("review")[0], "escalated");
    assert_eq!(r2.values("review_note")[0], "sent to IG team");
    assert!(r2.values("review")[1..].iter().all(String::is_empty));

    let m = manifest(&m);
    assert_eq!(m["totals"]["findings_reviewed"], 2);
    let listed = m["reviewed"].as_array().unwrap();
    let mut want = vec![ids[0].clone(), ids[1].clone()];
    want.sort();
    let got: Vec<&str> = listed
        .iter()
        .map(|r| r["finding_id"].as_str().unwrap())
        .collect();
    assert_eq!(got, want);
    for r in listed {
        let (review, note) = if r["finding_id"] == ids[0].as_str() {
            ("false-positive", "published switchboard")
        } else {
            ("accepted", "=risk accepted by DPO")
        };
        assert_eq!(r["review"], review);
        assert_eq!(r["note"], note);
        assert_eq!(r["reviewer"], "J. Smith");
        assert_eq!(r["reviewed_on"], "2026-11-30");
        assert!(r["file"].as_str().unwrap().ends_with("reviewed.csv"));
    }
}

#[test]
fn an_unknown_review_value_is_exit_2_naming_the_file_and_row() {
    let d = tempfile::tempdir().unwrap();
    let zip = d.path().join("twitter-2024-03-10-a.zip");
    write_zip(&zip, &standard_files());
    let r1 = scan(d.path(), &[&zip], &[]);
    let reviewed = d.path().join("reviewed.csv");
    review_csv(&r1.findings_path, &reviewed, &[(1, "false positive", "")]);
    let o = bin()
        .args(["scan", zip.to_str().unwrap(), "--no-progress", "-o"])
        .arg(d.path().join("again.csv"))
        .arg("--reviewed")
        .arg(&reviewed)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("reviewed.csv") && err.contains("row 3") && err.contains("false positive"),
        "{err}"
    );
    assert!(!d.path().join("again.csv").exists());
}

#[test]
fn xlsx_review_round_trip_edited_in_a_spreadsheet() {
    let d = tempfile::tempdir().unwrap();
    let zip = d.path().join("twitter-2024-03-10-a.zip");
    write_zip(&zip, &standard_files());
    let book = d.path().join("findings.xlsx");
    let o = bin()
        .args(["scan", zip.to_str().unwrap(), "--no-progress", "-o"])
        .arg(&book)
        .output()
        .unwrap();
    assert!(matches!(o.status.code(), Some(0 | 1)));

    // Open the workbook, fill in the review column of the first finding,
    // save a copy, as a person with a spreadsheet would.
    let mut wb: Xlsx<_> = open_workbook(&book).unwrap();
    let range = wb.worksheet_range("Findings").unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert!(rows.len() >= 3);
    let rc = rows[0].iter().position(|h| h == "review").unwrap();
    let nc = rows[0].iter().position(|h| h == "review_note").unwrap();
    let mut out = rust_xlsxwriter::Workbook::new();
    let ws = out.add_worksheet();
    ws.set_name("Findings").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let v = match (r, c) {
                (1, c) if c == rc => "accepted",
                (1, c) if c == nc => "known, on the website",
                (2, c) if c == rc => "to-check",
                _ => v,
            };
            ws.write_string(r as u32, c as u16, v).unwrap();
        }
    }
    let edited = d.path().join("edited.xlsx");
    out.save(&edited).unwrap();

    let m = d.path().join("manifest.json");
    let r2 = scan(
        d.path(),
        &[&zip],
        &[
            "--reviewed",
            edited.to_str().unwrap(),
            "--manifest",
            m.to_str().unwrap(),
        ],
    );
    let idc = rows[0].iter().position(|h| h == "finding_id").unwrap();
    let left: Vec<String> = rows[2..].iter().map(|r| r[idc].clone()).collect();
    assert_eq!(r2.values("finding_id"), left);
    assert_eq!(r2.values("review")[0], "to-check");
    let m = manifest(&m);
    assert_eq!(m["reviewed"][0]["finding_id"], rows[1][idc].as_str());
    assert_eq!(m["reviewed"][0]["note"], "known, on the website");
    assert_eq!(m["reviewed"][0]["reviewer"], "");
}

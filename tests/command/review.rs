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

/// The summary sheet of a workbook as rows of text.
fn sheet(book: &Path, name: &str) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = open_workbook(book).unwrap();
    let range = wb.worksheet_range(name).unwrap();
    range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

#[test]
fn reviewed_files_come_from_the_settings_file_and_the_command_line_and_each_summary_counts_them() {
    let d = tempfile::tempdir().unwrap();
    let zip = d.path().join("twitter-2024-03-10-a.zip");
    write_zip(&zip, &standard_files());
    let r1 = scan(d.path(), &[&zip], &[]);
    assert!(r1.findings.len() >= 4, "{:?}", r1.findings);
    let ids = r1.values("finding_id");

    // Last quarter's decisions sit beside the settings file, in its own
    // folder, named relative to it; this quarter's come on the command line.
    let case = d.path().join("case");
    std::fs::create_dir(&case).unwrap();
    review_csv(
        &r1.findings_path,
        &case.join("q3-reviewed.csv"),
        &[
            (0, "false-positive", "published switchboard"),
            (1, "escalated", "sent to IG team"),
        ],
    );
    let extra = d.path().join("q4-reviewed.csv");
    review_csv(
        &r1.findings_path,
        &extra,
        &[
            (2, "accepted", "risk accepted"),
            (3, "to-check", "ask comms"),
        ],
    );
    let settings = case.join("social-audit.toml");
    std::fs::write(&settings, "reviewed = [\"q3-reviewed.csv\"]\n").unwrap();

    let summary = d.path().join("summary.html");
    let m = d.path().join("manifest.json");
    let r2 = scan(
        d.path(),
        &[&zip],
        &[
            "--config",
            settings.to_str().unwrap(),
            "--reviewed",
            extra.to_str().unwrap(),
            "--summary",
            summary.to_str().unwrap(),
            "--manifest",
            m.to_str().unwrap(),
        ],
    );
    assert!(matches!(r2.code, 0 | 1), "{}", r2.stderr);
    let mut kept = vec![ids[1].clone(), ids[3].clone()];
    kept.extend_from_slice(&ids[4..]);
    assert_eq!(r2.values("finding_id"), kept);
    assert_eq!(r2.values("review")[..2], ["escalated", "to-check"]);

    // The manifest lists the two closed findings, each with its file.
    let man = manifest(&m);
    assert_eq!(man["totals"]["findings_reviewed"], 2);
    let file_of = |id: &str| {
        man["reviewed"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["finding_id"] == id)
            .map(|r| r["file"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert!(file_of(&ids[0]).ends_with("case/q3-reviewed.csv"));
    assert!(file_of(&ids[2]).ends_with("q4-reviewed.csv"));

    // Where a person looks: the closing lines on stderr, the summary page.
    assert!(
        r2.stderr.contains(
            "Reviewed: 2 finding(s) left out (1 false-positive, 1 accepted); \
             2 kept with their review (1 escalated, 1 to-check)."
        ),
        "{}",
        r2.stderr
    );
    let page = std::fs::read_to_string(&summary).unwrap();
    for (id, n) in [
        ("reviews-left-out", 2),
        ("reviews-false-positive", 1),
        ("reviews-accepted", 1),
        ("reviews-kept", 2),
        ("reviews-escalated", 1),
        ("reviews-to-check", 1),
    ] {
        assert!(page.contains(&format!("id=\"{id}\">{n}<")), "{id} {n}");
    }

    // The workbook's Summary sheet has the same counts.
    let book = d.path().join("findings.xlsx");
    let o = bin()
        .args(["scan", "--no-progress", "--config"])
        .arg(&settings)
        .arg(&zip)
        .arg("-o")
        .arg(&book)
        .arg("--reviewed")
        .arg(&extra)
        .output()
        .unwrap();
    assert!(matches!(o.status.code(), Some(0 | 1)));
    let rows = sheet(&book, "Summary");
    let at = rows
        .iter()
        .position(|r| r[0] == "Findings by review")
        .unwrap();
    assert_eq!(rows[at + 1][..3], ["review", "in this run", "findings"]);
    let table: Vec<[String; 3]> = rows[at + 2..at + 6]
        .iter()
        .map(|r| [r[0].clone(), r[1].clone(), r[2].clone()])
        .collect();
    assert_eq!(
        table,
        [
            ["false-positive", "left out", "1"],
            ["accepted", "left out", "1"],
            ["escalated", "kept", "1"],
            ["to-check", "kept", "1"],
        ]
        .map(|r| r.map(String::from))
    );

    // The settings file's reviewed file is read, so never written over.
    let o = bin()
        .args(["scan", "--no-progress", "--config"])
        .arg(&settings)
        .arg(&zip)
        .arg("-o")
        .arg(case.join("q3-reviewed.csv"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("reviewed file"));
}

#[test]
fn a_run_without_reviews_prints_and_shows_no_review_counts() {
    let d = tempfile::tempdir().unwrap();
    let zip = d.path().join("twitter-2024-03-10-a.zip");
    write_zip(&zip, &standard_files());
    let summary = d.path().join("summary.html");
    let r = scan(d.path(), &[&zip], &["--summary", summary.to_str().unwrap()]);
    assert!(!r.stderr.contains("Reviewed:"), "{}", r.stderr);
    assert!(
        !std::fs::read_to_string(&summary)
            .unwrap()
            .contains("id=\"reviews\"")
    );
}

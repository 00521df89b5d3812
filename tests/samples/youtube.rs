//! Every YouTube sample in ../shared/formats/youtube (when present) is
//! scanned by the binary: no `failed` row, every file (and every member of
//! a zip) has exactly one coverage row and none is `unknown`, and the
//! samples that hold published content give records. Those samples are
//! the three comment and live-chat CSVs extracted from a Takeout parser's
//! tests (a loose headerless live-chat file among them); the Takeout trees
//! and the Takeout zip are layout-only (0-byte files), and the remaining
//! loose files are watch history and subscriptions, which are skipped.

use crate::common::*;
use std::path::Path;

/// Files under `dir`, a zip counting as its file members.
fn expected_rows(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| {
            let p = e.path();
            if p.is_dir() {
                expected_rows(&p)
            } else if p.extension().is_some_and(|x| x == "zip") {
                let z = zip::ZipArchive::new(std::fs::File::open(&p).unwrap()).unwrap();
                z.file_names()
                    .filter(|n| n.as_ref().is_ok_and(|n| !n.ends_with('/')))
                    .count()
            } else {
                1
            }
        })
        .sum()
}

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn every_youtube_sample_scans_with_every_file_accounted_for() {
    let dirs = sample_dirs("youtube");
    assert!(
        dirs.len() >= 2,
        "expected the sample folders, found {dirs:?}"
    );
    let d = tempfile::tempdir().unwrap();
    for dir in dirs {
        let r = scan_sample(d.path(), &dir);
        assert_eq!(
            r.coverage.len(),
            expected_rows(&dir),
            "{}: one coverage row per file",
            dir.display()
        );
        for (entry, status, detail) in r.cov() {
            assert_ne!(status, "unknown", "{}: {entry}: {detail}", dir.display());
        }
    }
}

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn the_comment_and_live_chat_samples_give_their_records() {
    let root = Path::new("../shared/formats/youtube/google_takeout_parser");
    assert!(root.is_dir(), "sample folder {} is missing", root.display());
    let d = tempfile::tempdir().unwrap();
    let r = scan_sample(d.path(), root);
    for (entry, records) in [
        ("youtube_comment_buffer_old.csv", "2"),
        ("youtube_comment_buffer_new.csv", "2"),
        ("youtube_live_chat_buffer.csv", "1"),
    ] {
        let row = r
            .coverage
            .iter()
            .find(|c| &c[1] == entry)
            .unwrap_or_else(|| panic!("no row for {entry}"));
        assert_eq!(&row[2], "parsed", "{entry}");
        assert_eq!(&row[3], records, "{entry}");
    }
    // The German layout-only tree: known by its names, every file skipped
    // as empty rather than unknown.
    let german: Vec<_> = r
        .cov()
        .into_iter()
        .filter(|(e, _, _)| e.starts_with("YouTube und YouTube Music/"))
        .collect();
    assert_eq!(german.len(), 12, "{german:?}");
    assert!(
        german
            .iter()
            .all(|(_, s, d)| s == "skipped" && d.contains("empty"))
    );
}

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn a_breach_written_into_a_real_comments_file_is_found_beside_its_real_comments() {
    // The real file's comments are harmless; one more row in its own
    // format (a JSON list of text segments, ISO times) carries a breach.
    let real = Path::new(
        "../shared/formats/youtube/google_takeout_parser/extracted-from-tests_test_csv.py/youtube_comment_buffer_new.csv",
    );
    let mut text = std::fs::read_to_string(real)
        .unwrap_or_else(|e| panic!("sample {} is missing: {e}", real.display()));
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(
        "UCYnl1cugi7Lw1h8j6JNqNEg,2024-02-03T10:15:00+00:00,0,UgxPlantedComment0001,,rWVAzS6duAs,\"{\"\"text\"\":\"\"Bed 12 is Mrs Joan Pemberton, NHS number 943 476 5919, admitted with sepsis\"\"}\"\n",
    );
    let d = tempfile::tempdir().unwrap();
    let input = d.path().join("comments.csv");
    std::fs::write(&input, text).unwrap();
    let r = scan_sample(d.path(), &input);
    assert_eq!(&r.coverage[0][2], "parsed", "{:?}", r.cov());
    assert_eq!(
        &r.coverage[0][3], "3",
        "the two real comments and the planted one"
    );
    let (rule, url, at, kind) = (
        r.column("rule_id"),
        r.column("url"),
        r.column("created_at"),
        r.column("record_kind"),
    );
    let planted: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f[url].contains("UgxPlantedComment0001"))
        .collect();
    assert!(
        planted.iter().any(|f| f[rule].starts_with("patient.")),
        "{:?}",
        r.findings
    );
    for f in &planted {
        assert_eq!(&f[at], "2024-02-03T10:15:00Z");
        assert_eq!(&f[kind], "comment");
        assert!(
            f[url].starts_with("https://www.youtube.com/watch?v=rWVAzS6duAs"),
            "{}",
            &f[url]
        );
    }
    // and nothing from the real comments
    assert_eq!(planted.len(), r.findings.len(), "{:?}", r.findings);
}

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn the_layout_only_takeout_zip_and_watch_history_hold_no_published_content() {
    let root = Path::new("../shared/formats/youtube/d3i-ddp-inspector");
    assert!(root.is_dir(), "sample folder {} is missing", root.display());
    let d = tempfile::tempdir().unwrap();
    let r = scan_sample(d.path(), root);
    assert!(r.findings.is_empty());
    for (entry, status, detail) in r.cov() {
        assert_eq!(status, "skipped", "{entry}: {detail}");
    }
    let details: Vec<String> = r.cov().into_iter().map(|c| c.2).collect();
    assert!(
        details
            .iter()
            .any(|d| d.contains("watch and search history")),
        "{details:?}"
    );
    assert!(
        details.iter().any(|d| d.contains("subscriptions")),
        "{details:?}"
    );
    assert!(
        r.stderr
            .contains("recognised as a youtube archive, but no records were read"),
        "{}",
        r.stderr
    );
}

//! The bad-input matrix: each hostile or broken input gets one clear error
//! naming the file, a coverage row, and the right exit status; never a panic.

use crate::common::*;

#[test]
fn truncated_zip_is_a_clear_error_and_exit_2() {
    let d = tempfile::tempdir().unwrap();
    let good = d.path().join("good.zip");
    write_zip(&good, &standard_files());
    let bytes = std::fs::read(&good).unwrap();
    let cut = d.path().join("cut.zip");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let r = scan(d.path(), &[&cut], &[]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("cut.zip") && r.stderr.contains("not a readable zip"),
        "{}",
        r.stderr
    );
    assert_eq!(r.cov()[0].1, "failed");
}

#[test]
fn empty_file_is_exit_2_with_a_coverage_row() {
    let d = tempfile::tempdir().unwrap();
    let empty = d.path().join("empty.zip");
    std::fs::write(&empty, b"").unwrap();
    let r = scan(d.path(), &[&empty], &[]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("empty.zip"));
    assert_eq!(r.coverage.len(), 1);
}

#[test]
fn truncated_json_fails_that_entry_only_and_exits_3() {
    let d = tempfile::tempdir().unwrap();
    let mut files = standard_files();
    let t = files.iter_mut().find(|f| f.0 == "data/tweets.js").unwrap();
    let half = t.1.len() / 2;
    t.1.truncate(half);
    let zip = d.path().join("x.zip");
    write_zip(&zip, &files);
    let r = scan(d.path(), &[&zip], &[]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert_eq!(r.cov_status("data/tweets.js").as_deref(), Some("failed"));
    assert_eq!(r.cov_status("data/account.js").as_deref(), Some("parsed"));
    assert!(r.stderr.contains("data/tweets.js"), "{}", r.stderr);
    // The account was still scanned.
    assert!(r.values("record_kind").contains(&"account".to_string()));
}

#[test]
fn invalid_utf8_fails_the_entry_with_a_reason() {
    let d = tempfile::tempdir().unwrap();
    let mut files = standard_files();
    let t = files.iter_mut().find(|f| f.0 == "data/tweets.js").unwrap();
    t.1.extend_from_slice(b"\xff\xfe\xfa");
    let zip = d.path().join("x.zip");
    write_zip(&zip, &files);
    let r = scan(d.path(), &[&zip], &[]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    let (_, status, detail) = r
        .cov()
        .into_iter()
        .find(|c| c.0 == "data/tweets.js")
        .unwrap();
    assert_eq!(status, "failed");
    assert!(!detail.is_empty());
}

#[test]
fn traversal_names_are_refused_and_the_rest_scanned() {
    let d = tempfile::tempdir().unwrap();
    let mut files = standard_files();
    files.push((
        "../../etc/evil.js".into(),
        b"window.YTD.tweets.part9 = []".to_vec(),
    ));
    let zip = d.path().join("x.zip");
    write_zip(&zip, &files);
    let r = scan(d.path(), &[&zip], &[]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    let (_, status, detail) = r
        .cov()
        .into_iter()
        .find(|c| c.0 == "../../etc/evil.js")
        .unwrap();
    assert_eq!(status, "failed");
    assert!(detail.contains("unsafe entry name"));
    assert!(
        r.values("record_id")
            .contains(&"1765000000000000002".to_string())
    );
}

#[test]
fn a_zip_bomb_entry_is_refused_without_inflating_it() {
    let d = tempfile::tempdir().unwrap();
    let mut files = standard_files();
    files.push(("data/like.js".into(), vec![b'0'; 50 << 20]));
    let zip = d.path().join("bomb.zip");
    write_zip(&zip, &files);
    let r = scan(d.path(), &[&zip], &[]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    let (_, status, detail) = r.cov().into_iter().find(|c| c.0 == "data/like.js").unwrap();
    assert_eq!(status, "failed");
    assert!(detail.contains("zip bomb"), "{detail}");
}

#[test]
fn a_missing_input_is_one_line_saying_it_does_not_exist_and_nothing_is_written() {
    let d = tempfile::tempdir().unwrap();
    let o = bin()
        .current_dir(d.path())
        .args(["scan", "nope.zip", "--coverage", "c.csv", "--no-progress"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.trim(), "social-audit: nope.zip does not exist", "{err}");
    assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 0);
}

#[test]
fn a_folder_with_nothing_recognised_is_exit_2() {
    let d = tempfile::tempdir().unwrap();
    let input = d.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("notes.txt"), b"hello").unwrap();
    let r = scan(d.path(), &[&input], &[]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(r.cov()[0].1, "unknown");
}

#[test]
fn a_broken_manifest_is_reported_and_the_files_are_still_read() {
    let d = tempfile::tempdir().unwrap();
    let mut files = standard_files();
    let m = files
        .iter_mut()
        .find(|f| f.0 == "data/manifest.js")
        .unwrap();
    m.1.truncate(m.1.len() / 2);
    let zip = d.path().join("x.zip");
    write_zip(&zip, &files);
    let r = scan(d.path(), &[&zip], &[]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    let (_, status, detail) = r
        .cov()
        .into_iter()
        .find(|c| c.0 == "data/manifest.js")
        .unwrap();
    assert_eq!(status, "failed");
    assert!(detail.contains("found by name instead"), "{detail}");
    assert_eq!(r.cov_status("data/tweets.js").as_deref(), Some("parsed"));
    assert!(
        r.values("record_id")
            .contains(&"1765000000000000002".to_string())
    );
}

//! Account-level rules run across all of an archive's records, whatever
//! the thread count: posting gaps (E2) and Welsh Language Standards
//! counterparts (D5) through the real scan.

use crate::common::*;

fn archive(dir: &std::path::Path, posts: &[(&str, &str, &str)]) -> std::path::PathBuf {
    let body: Vec<String> = posts
        .iter()
        .map(|(id, text, at)| tweet_at(id, text, at))
        .collect();
    let zip = dir.join("x.zip");
    write_zip(
        &zip,
        &[
            (
                "data/manifest.js".into(),
                manifest_js(posts.len()).into_bytes(),
            ),
            (
                "data/tweets.js".into(),
                format!("window.YTD.tweets.part0 = [\n{}\n]", body.join(",\n")).into_bytes(),
            ),
        ],
    );
    zip
}

#[test]
fn a_long_gap_in_posting_is_reported_once_at_the_post_after_it() {
    let d = tempfile::tempdir().unwrap();
    let zip = archive(
        d.path(),
        &[
            (
                "1700000000000000001",
                "Flu clinic open today.",
                "Mon Jan 01 09:00:00 +0000 2024",
            ),
            (
                "1700000000000000002",
                "Visiting hours change.",
                "Tue Jan 02 09:00:00 +0000 2024",
            ),
            (
                "1700000000000000003",
                "We are back!",
                "Fri Mar 01 09:00:00 +0000 2024",
            ),
        ],
    );
    for threads in ["1", "2"] {
        let r = scan(d.path(), &[&zip], &["-j", threads]);
        let gaps: Vec<_> = r
            .findings
            .iter()
            .filter(|f| &f[r.column("rule_id")] == "account.posting-gap")
            .collect();
        assert_eq!(gaps.len(), 1, "{:?}", r.findings);
        assert_eq!(
            &gaps[0][r.column("created_at")],
            "2024-03-01T09:00:00Z",
            "{:?}",
            gaps[0]
        );
        assert!(!gaps[0][r.column("confidence")].is_empty());
    }
    // --since after the gap: nothing to report.
    let r = scan(d.path(), &[&zip], &["--since", "2024-02-01"]);
    assert!(
        !r.values("rule_id")
            .contains(&"account.posting-gap".to_string())
    );
}

#[test]
fn welsh_accounts_need_a_counterpart_in_the_other_language() {
    let d = tempfile::tempdir().unwrap();
    let zip = archive(
        d.path(),
        &[
            (
                "1700000000000000001",
                "Our flu vaccination clinic is open this Saturday at the community hospital.",
                "Mon Jan 01 09:00:00 +0000 2024",
            ),
            (
                "1700000000000000002",
                "Mae ein clinig brechu ffliw ar agor ddydd Sadwrn yn yr ysbyty cymunedol.",
                "Mon Jan 01 09:05:00 +0000 2024",
            ),
            (
                "1700000000000000003",
                "Visiting hours on the children's ward are changing from next Monday.",
                "Mon Jan 08 09:00:00 +0000 2024",
            ),
        ],
    );
    let org = d.path().join("org.toml");
    std::fs::write(
        &org,
        "[[account]]\nplatform = \"twitter\"\nhandle = \"NorthdaleNHS\"\nwelsh = true\n",
    )
    .unwrap();
    let r = scan(d.path(), &[&zip], &["--org", org.to_str().unwrap()]);
    let flagged: Vec<_> = r
        .findings
        .iter()
        .filter(|f| &f[r.column("rule_id")] == "language.welsh-counterpart")
        .map(|f| f[r.column("record_id")].to_string())
        .collect();
    assert_eq!(flagged, ["1700000000000000003"], "{:?}", r.findings);
    // Without the profile the account is not a Welsh body: no finding.
    let r = scan(d.path(), &[&zip], &[]);
    assert!(
        !r.values("rule_id")
            .contains(&"language.welsh-counterpart".to_string())
    );
}

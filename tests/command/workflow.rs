//! The investigator workflow: baselines and ignore files survive a
//! re-export of the same account.

use crate::common::*;

#[test]
fn baseline_then_rescan_of_a_reexport_reports_only_what_is_new() {
    let d = tempfile::tempdir().unwrap();
    let first = d.path().join("twitter-2024-03-10-a.zip");
    write_zip(&first, &standard_files());
    let r1 = scan(d.path(), &[&first], &[]);
    assert!(r1.findings.len() >= 3, "{:?}", r1.findings);
    let baseline = d.path().join("baseline.csv");
    std::fs::copy(&r1.findings_path, &baseline).unwrap();

    // The same account exported again months later: another file name,
    // entries in another order, re-pretty-printed.
    let mut files = standard_files();
    files.reverse();
    for f in files.iter_mut() {
        f.1 = String::from_utf8(f.1.clone())
            .unwrap()
            .replace(" : ", ": ")
            .into_bytes();
    }
    let second = d.path().join("twitter-2024-06-01-b.zip");
    write_zip(&second, &files);
    let r2 = scan(
        d.path(),
        &[&second],
        &["--baseline", baseline.to_str().unwrap()],
    );
    assert_eq!(r2.findings.len(), 0, "{:?}", r2.findings);
    assert_eq!(r2.code, 0, "nothing new: exit 0\n{}", r2.stderr);
    assert!(r2.stderr.contains(&format!(
        "{} finding(s) already in the baseline",
        r1.findings.len()
    )));

    // One more post with one breach: exactly its findings are new.
    let tweets = [
        (
            "1765000000000000001",
            "Our flu clinic is open 9am to 5pm this Saturday.",
        ),
        (
            "1765000000000000002",
            "Patient John Example, NHS no 401 159 0835, was admitted to Ward 7 last night &amp; is doing well.",
        ),
        (
            "1765000000000000003",
            "=HYPERLINK(\"http://evil.example\",\"click\") write to jane.doe.private@gmail.com for the rota",
        ),
        (
            "1765000000000000004",
            "Purchase order 401 159 0836 has been paid. Thanks to our estates team!",
        ),
        (
            "1765000000000000099",
            "Ring the duty manager at home on 07700 900123 tonight.",
        ),
    ];
    let mut files = standard_files();
    files[0].1 = manifest_js(tweets.len()).into_bytes();
    files[2].1 = tweets_js(&tweets).into_bytes();
    let third = d.path().join("twitter-2024-09-01-c.zip");
    write_zip(&third, &files);
    let r3 = scan(
        d.path(),
        &[&third],
        &["--baseline", baseline.to_str().unwrap()],
    );
    // Every finding left is on the one new post (the phone-number rule,
    // and any model that also reads the post), none on the posts the
    // baseline already holds.
    let mut ids = r3.values("record_id");
    ids.dedup();
    assert_eq!(ids, ["1765000000000000099"], "{:?}", r3.findings);
    assert!(
        r3.values("rule_id")
            .contains(&"personal.uk-phone".to_string()),
        "{:?}",
        r3.findings
    );
}

#[test]
fn an_ignore_file_leaves_out_reviewed_findings_and_counts_them() {
    let d = tempfile::tempdir().unwrap();
    let zip = d.path().join("x.zip");
    write_zip(&zip, &standard_files());
    let r = scan(d.path(), &[&zip], &[]);
    let ids = r.values("finding_id");
    let rules = r.values("rule_id");
    let k = rules.iter().position(|r| r == "personal.email").unwrap();
    let ignore = d.path().join("reviewed.ignore");
    std::fs::write(
        &ignore,
        format!(
            "# reviewed findings\n{}  # rota address, consented; A. Reviewer; 2026-11-23\n",
            ids[k]
        ),
    )
    .unwrap();
    let again = scan(d.path(), &[&zip], &["--ignore", ignore.to_str().unwrap()]);
    assert_eq!(again.findings.len(), ids.len() - 1);
    assert!(!again.values("finding_id").contains(&ids[k]));
    assert!(
        again.stderr.contains("1 in the ignore file"),
        "{}",
        again.stderr
    );
}

#[test]
fn verify_detects_altered_outputs_and_missing_inputs() {
    let d = tempfile::tempdir().unwrap();
    let zip = d.path().join("x.zip");
    write_zip(&zip, &standard_files());
    let (out, cov, man) = (
        d.path().join("f.csv"),
        d.path().join("c.csv"),
        d.path().join("m.json"),
    );
    let o = bin()
        .args(["scan", zip.to_str().unwrap(), "-o", out.to_str().unwrap()])
        .args([
            "--coverage",
            cov.to_str().unwrap(),
            "--manifest",
            man.to_str().unwrap(),
            "--no-progress",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let verify = || {
        bin()
            .args(["verify", man.to_str().unwrap()])
            .output()
            .unwrap()
    };
    let v = verify();
    assert_eq!(
        v.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&v.stdout)
    );
    // Verification works from another working directory too.
    let v = bin()
        .current_dir(std::env::temp_dir())
        .args(["verify", man.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(v.status.code(), Some(0));

    let mut text = std::fs::read_to_string(&out).unwrap();
    text.push_str("tampered\n");
    std::fs::write(&out, text).unwrap();
    let v = verify();
    let stdout = String::from_utf8_lossy(&v.stdout);
    assert_eq!(v.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("CHANGED  findings"), "{stdout}");
    assert!(stdout.contains("OK       coverage"), "{stdout}");

    std::fs::remove_file(&zip).unwrap();
    let stdout = String::from_utf8_lossy(&verify().stdout).into_owned();
    assert!(stdout.contains("MISSING  input"), "{stdout}");
}

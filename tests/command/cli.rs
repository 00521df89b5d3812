//! The output contract (docs/OUTPUTS.md), exercised through the binary on
//! archives the tests write.

use crate::common::*;

fn standard_zip(dir: &std::path::Path) -> std::path::PathBuf {
    let zip = dir.join("twitter-2024-03-10-example.zip");
    write_zip(&zip, &standard_files());
    zip
}

#[test]
fn findings_have_the_contract_columns_in_order() {
    let d = tempfile::tempdir().unwrap();
    let zip = standard_zip(d.path());
    let r = scan(d.path(), &[&zip], &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        r.header[..17],
        [
            "finding_id",
            "severity",
            "rule_id",
            "category",
            "policy_ref",
            "platform",
            "account",
            "archive",
            "entry",
            "record_kind",
            "record_id",
            "created_at",
            "url",
            "field",
            "match",
            "context",
            "detail"
        ]
    );
}

#[test]
fn the_patient_nhs_number_is_found_and_the_order_number_is_not() {
    let d = tempfile::tempdir().unwrap();
    let zip = standard_zip(d.path());
    let r = scan(d.path(), &[&zip], &[]);
    let (rid, rule, url, at, ctx) = (
        r.column("record_id"),
        r.column("rule_id"),
        r.column("url"),
        r.column("created_at"),
        r.column("context"),
    );
    let nhs: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f[rule].contains("nhs-number"))
        .collect();
    assert_eq!(nhs.len(), 1, "{:?}", r.findings);
    let f = nhs[0];
    assert_eq!(&f[rid], "1765000000000000002");
    assert_eq!(
        &f[url],
        "https://x.com/NorthdaleNHS/status/1765000000000000002"
    );
    assert_eq!(&f[at], "2024-03-06T10:15:00Z");
    // HTML entities are unescaped before matching and in the context.
    assert!(f[ctx].contains("& is doing well"), "{}", &f[ctx]);
}

#[test]
fn formula_cells_are_defanged_and_round_trip() {
    let d = tempfile::tempdir().unwrap();
    let zip = standard_zip(d.path());
    let r = scan(d.path(), &[&zip], &[]);
    let ctx = r.column("context");
    let row = r
        .findings
        .iter()
        .find(|f| f[r.column("record_id")] == *"1765000000000000003")
        .expect("e-mail finding");
    assert!(row[ctx].starts_with("'=HYPERLINK"), "{}", &row[ctx]);
    for f in &r.findings {
        for cell in f.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?}"
            );
        }
    }
}

#[test]
fn redaction_hides_identifiers_everywhere() {
    let d = tempfile::tempdir().unwrap();
    let zip = standard_zip(d.path());
    let r = scan(d.path(), &[&zip], &["--redact"]);
    assert_eq!(r.code, 1);
    let text = std::fs::read_to_string(&r.findings_path).unwrap();
    for secret in [
        "401 159 0835",
        "4011590835",
        "jane.doe.private",
        "comms.example",
    ] {
        assert!(
            !text.contains(secret),
            "{secret} left in redacted output:\n{text}"
        );
    }
    // Still one row per finding: redaction hides, it does not drop.
    let plain = scan(d.path(), &[&zip], &[]);
    assert_eq!(plain.findings.len(), r.findings.len());
    assert_eq!(plain.values("finding_id"), r.values("finding_id"));
}

#[test]
fn output_is_identical_for_one_and_two_threads() {
    let d = tempfile::tempdir().unwrap();
    let zip = standard_zip(d.path());
    let folder = d.path().join("extracted");
    write_folder(&folder, &standard_files());
    let a = scan(d.path(), &[&zip, &folder], &["-j", "1"]);
    let a_bytes = std::fs::read(&a.findings_path).unwrap();
    let b = scan(d.path(), &[&zip, &folder], &["-j", "2"]);
    let b_bytes = std::fs::read(&b.findings_path).unwrap();
    assert!(!a.findings.is_empty());
    assert_eq!(a_bytes, b_bytes);
}

#[test]
fn zip_and_extracted_folder_give_the_same_findings() {
    let d = tempfile::tempdir().unwrap();
    let zip = standard_zip(d.path());
    let folder = d.path().join("extracted");
    write_folder(&folder, &standard_files());
    let key = |r: &Run| {
        let mut v: Vec<_> = r
            .findings
            .iter()
            .map(|f| {
                (
                    f[0].to_string(),
                    f[2].to_string(),
                    f[13].to_string(),
                    f[14].to_string(),
                )
            })
            .collect();
        v.sort();
        v
    };
    let z = scan(d.path(), &[&zip], &[]);
    let f = scan(d.path(), &[&folder], &[]);
    assert_eq!(key(&z), key(&f));
}

#[test]
fn min_severity_and_since_filter_findings() {
    let d = tempfile::tempdir().unwrap();
    let zip = standard_zip(d.path());
    let all = scan(d.path(), &[&zip], &[]);
    let crit = scan(d.path(), &[&zip], &["--min-severity", "critical"]);
    assert!(crit.findings.len() < all.findings.len());
    assert!(crit.values("severity").iter().all(|s| s == "critical"));
    assert!(!crit.findings.is_empty());
    let none = scan(d.path(), &[&zip], &["--since", "2030-01-01"]);
    // Account records have no date, so they are still scanned.
    assert!(none.values("record_kind").iter().all(|k| k == "account"));
}

#[test]
fn coverage_accounts_for_every_entry() {
    let d = tempfile::tempdir().unwrap();
    let mut files = standard_files();
    files.push((
        "data/like.js".into(),
        b"window.YTD.like.part0 = [ ]".to_vec(),
    ));
    files.push((
        "data/mystery-new-file.js".into(),
        b"window.YTD.mystery.part0 = [ ]".to_vec(),
    ));
    let zip = d.path().join("x.zip");
    write_zip(&zip, &files);
    let r = scan(d.path(), &[&zip], &[]);
    let cov = r.cov();
    assert_eq!(cov.len(), files.len(), "{cov:?}");
    assert_eq!(r.cov_status("data/like.js").as_deref(), Some("skipped"));
    assert_eq!(
        r.cov_status("data/mystery-new-file.js").as_deref(),
        Some("unknown")
    );
    assert_eq!(r.cov_status("data/tweets.js").as_deref(), Some("parsed"));
    let tweets = r
        .coverage
        .iter()
        .find(|c| &c[1] == "data/tweets.js")
        .unwrap();
    assert_eq!(&tweets[3], "4", "records");
}

#[test]
fn jsonl_format_writes_one_object_per_finding() {
    let d = tempfile::tempdir().unwrap();
    let zip = standard_zip(d.path());
    let out = d.path().join("f.jsonl");
    let o = bin()
        .args([
            "scan",
            zip.to_str().unwrap(),
            "--format",
            "jsonl",
            "-o",
            out.to_str().unwrap(),
            "--no-progress",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let text = std::fs::read_to_string(&out).unwrap();
    let rows: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!rows.is_empty());
    assert!(
        rows.iter()
            .all(|r| r["finding_id"].is_string() && r["match"].is_string())
    );
}

#[test]
fn manifest_records_input_and_output_hashes() {
    let d = tempfile::tempdir().unwrap();
    let zip = standard_zip(d.path());
    let out = d.path().join("f.csv");
    let man = d.path().join("m.json");
    bin()
        .args([
            "scan",
            zip.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--manifest",
            man.to_str().unwrap(),
            "--no-progress",
        ])
        .output()
        .unwrap();
    let m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&man).unwrap()).unwrap();
    let (_, sha) = social_audit::report::manifest::hash_file(&zip).unwrap();
    assert_eq!(m["inputs"][0]["sha256"], sha);
    let (_, out_sha) = social_audit::report::manifest::hash_file(&out).unwrap();
    assert_eq!(m["outputs"][0]["sha256"], out_sha);
    assert_eq!(m["inputs"][0]["archives"][0]["account"], "NorthdaleNHS");
    assert_eq!(m["inputs"][0]["archives"][0]["records"]["post"], 4);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for p in [&out, &man] {
            assert_eq!(
                std::fs::metadata(p).unwrap().permissions().mode() & 0o077,
                0
            );
        }
    }
}

#[test]
fn rules_test_and_list_run_on_the_embedded_pack() {
    let o = bin().args(["rules", "test"]).output().unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(out.contains(" 0 failed"), "{out}");
    let o = bin().args(["rules", "list"]).output().unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("patient.nhs-number"), "{out}");
}

#[test]
fn a_bad_org_profile_key_is_named() {
    let d = tempfile::tempdir().unwrap();
    let zip = standard_zip(d.path());
    let org = d.path().join("org.toml");
    std::fs::write(&org, "domian = [\"x.nhs.uk\"]\n").unwrap();
    let o = bin()
        .args([
            "scan",
            zip.to_str().unwrap(),
            "--org",
            org.to_str().unwrap(),
            "-o",
            "-",
            "--no-progress",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("domian"));
}

#[test]
fn an_org_profile_allows_its_own_domains() {
    let d = tempfile::tempdir().unwrap();
    let mut files = standard_files();
    files[1].1 = account_js("comms@northdale.nhs.uk").into_bytes();
    let zip = d.path().join("x.zip");
    write_zip(&zip, &files);
    let org = d.path().join("org.toml");
    std::fs::write(&org, "domains = [\"northdale.nhs.uk\"]\n").unwrap();
    let r = scan(d.path(), &[&zip], &["--org", org.to_str().unwrap()]);
    assert!(
        !r.values("rule_id")
            .iter()
            .any(|x| x.starts_with("account.non-corporate")),
        "{:?}",
        r.values("rule_id")
    );
    std::fs::write(&org, "domains = [\"other-trust.nhs.uk\"]\n").unwrap();
    let r = scan(d.path(), &[&zip], &["--org", org.to_str().unwrap()]);
    assert!(
        r.values("rule_id")
            .iter()
            .any(|x| x.starts_with("account.non-corporate"))
    );
}

#[test]
fn fail_on_sets_the_threshold_for_exit_1() {
    let d = tempfile::tempdir().unwrap();
    let mut files = standard_files();
    // Only the account e-mail finding (medium) is left.
    files[2].1 = tweets_js(&[("1765000000000000001", "Flu clinic open on Saturday.")]).into_bytes();
    files[0].1 = manifest_js(1).into_bytes();
    let zip = d.path().join("x.zip");
    write_zip(&zip, &files);
    let r = scan(d.path(), &[&zip], &[]);
    assert_eq!(r.code, 1);
    assert!(
        r.values("severity")
            .iter()
            .all(|s| s != "high" && s != "critical")
    );
    let r = scan(d.path(), &[&zip], &["--fail-on", "high"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.findings.is_empty(), "findings are still written");
}

#[test]
fn inspect_names_the_platform_account_and_entries_without_scanning() {
    let d = tempfile::tempdir().unwrap();
    let zip = standard_zip(d.path());
    let o = bin()
        .args(["inspect", zip.to_str().unwrap()])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(
        out.contains("twitter") && out.contains("NorthdaleNHS"),
        "{out}"
    );
    assert!(out.contains("data/tweets.js"), "{out}");
    assert!(!d.path().join("findings.csv").exists());
}

#[test]
fn a_folder_of_many_archives_scans_each_as_its_own_unit() {
    let d = tempfile::tempdir().unwrap();
    let many = d.path().join("all-accounts");
    std::fs::create_dir(&many).unwrap();
    write_zip(&many.join("a.zip"), &standard_files());
    write_folder(&many.join("b-extracted"), &standard_files());
    std::fs::write(many.join("notes.txt"), b"handover notes").unwrap();
    let r = scan(d.path(), &[&many], &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let archives: std::collections::BTreeSet<_> = r.values("archive").into_iter().collect();
    assert_eq!(
        archives.into_iter().collect::<Vec<_>>(),
        ["all-accounts/a.zip", "all-accounts/b-extracted"]
    );
    let loose = r.cov().into_iter().find(|c| c.0 == "notes.txt").unwrap();
    assert_eq!(loose.1, "unknown");
}

#[test]
fn deflate64_archives_are_read() {
    let d = tempfile::tempdir().unwrap();
    let r = scan(
        d.path(),
        &[std::path::Path::new("tests/data/deflate64.zip")],
        &[],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.cov_status("data/tweets.js").as_deref(), Some("parsed"));
    let nhs: Vec<_> = r
        .findings
        .iter()
        .filter(|f| &f[r.column("rule_id")] == "patient.nhs-number")
        .map(|f| f[r.column("record_id")].to_string())
        .collect();
    assert_eq!(nhs, ["1857000000000000002"]);
}

#[test]
fn xlsx_format_writes_a_spreadsheet_and_refuses_stdout() {
    let d = tempfile::tempdir().unwrap();
    let zip = standard_zip(d.path());
    let xlsx = |name: &str, threads: &str| {
        let out = d.path().join(name);
        let o = bin()
            .args([
                "scan",
                zip.to_str().unwrap(),
                "--no-progress",
                "--format",
                "xlsx",
            ])
            .args(["-j", threads, "-o", out.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(
            o.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        std::fs::read(out).unwrap()
    };
    let a = xlsx("a.xlsx", "1");
    let b = xlsx("b.xlsx", "2");
    assert_eq!(a, b, "same scan, same bytes, whatever the thread count");
    assert_eq!(&a[..2], b"PK", "an xlsx is a zip");

    let o = bin()
        .args([
            "scan",
            zip.to_str().unwrap(),
            "--no-progress",
            "--format",
            "xlsx",
            "-o",
            "-",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(String::from_utf8_lossy(&o.stderr).contains("standard output"));
}

#[test]
fn rules_list_prints_one_row_per_rule_with_every_column() {
    let o = bin().args(["rules", "list"]).output().unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0].split('\t').collect::<Vec<_>>()[..4],
        ["id", "category", "severity", "confidence"]
    );
    let pack = social_audit::rules::Pack::default_pack(&social_audit::org::Org::default()).unwrap();
    assert_eq!(lines.len(), pack.rules().len() + 1, "{out}");
    assert!(lines.iter().all(|l| l.split('\t').count() == 8), "{out}");
}

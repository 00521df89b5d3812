//! Evidence safety and first-run defaults (issue 8): outputs never replace
//! inputs, nothing is written unless every output can be, `--redact` hides
//! every planted personal datum in every byte of every output, `verify`
//! checks the copy beside the manifest, and the defaults say what they do.
//!
//! Longer than 600 lines on purpose: one test (or a few) per numbered item
//! of issue 8, in its order, so the file reads as that checklist.

use crate::common::*;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Output;

const FIXTURE: &str = "fixtures/twitter-2024-11-16-northdale.zip";

fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin().current_dir(dir).args(args).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn fixture() -> PathBuf {
    std::fs::canonicalize(FIXTURE).unwrap()
}

// ---------- 1, 2: outputs never overwrite inputs; checked before the scan

#[test]
fn an_output_over_an_input_is_refused_and_the_evidence_is_untouched() {
    let d = tempfile::tempdir().unwrap();
    let ev = d.path().join("ev.zip");
    std::fs::copy(fixture(), &ev).unwrap();
    let before = std::fs::read(&ev).unwrap();
    let o = run_in(
        d.path(),
        &["scan", "ev.zip", "-o", "ev.zip", "--no-progress"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("it is an input"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&ev).unwrap(), before, "evidence unchanged");
    // Another spelling of the same file, and the coverage too.
    let o = run_in(
        d.path(),
        &["scan", "ev.zip", "--coverage", "./sub/../ev.zip"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    // An output inside an input folder.
    let folder = d.path().join("export");
    write_folder(&folder, &standard_files());
    let o = run_in(d.path(), &["scan", "export", "-o", "export/f.csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("inside the input folder"),
        "{}",
        stderr(&o)
    );
    assert!(!folder.join("f.csv").exists());
    // Two outputs on one file.
    let o = run_in(
        d.path(),
        &["scan", "ev.zip", "-o", "x.csv", "--coverage", "x.csv"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("both be written"), "{}", stderr(&o));
    // The baseline this run reads.
    std::fs::write(d.path().join("last.csv"), "finding_id\n").unwrap();
    let o = run_in(
        d.path(),
        &["scan", "ev.zip", "--baseline", "last.csv", "-o", "last.csv"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        std::fs::read(d.path().join("last.csv")).unwrap(),
        b"finding_id\n"
    );
    let names: Vec<_> = std::fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(
        !names.iter().any(|n| n == "x.csv" || n.contains("partial")),
        "{names:?}"
    );
}

#[test]
fn a_bad_output_path_stops_the_run_before_it_scans_or_writes_anything() {
    let d = tempfile::tempdir().unwrap();
    let fx = fixture();
    let fx = fx.to_str().unwrap();
    for args in [
        vec!["scan", fx, "-o", "typo/f.csv"],
        vec!["scan", fx, "-o", "f.csv", "--coverage", "typo/c.csv"],
        vec!["scan", fx, "-o", "f.csv", "--manifest", "typo/m.json"],
        vec!["scan", fx, "-o", "f.csv", "--summary", "typo/s.html"],
    ] {
        let o = run_in(d.path(), &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(
            err.contains("typo") && err.contains("does not exist"),
            "{err}"
        );
        assert!(!err.contains("Scanned"), "no scan ran: {err}");
        assert_eq!(
            std::fs::read_dir(d.path()).unwrap().count(),
            0,
            "nothing written for {args:?}"
        );
    }
}

// ---------- 3: --redact hides every planted personal datum everywhere

/// Personal data the pack detects, planted in posts and the account file.
const PLANTED_POSTS: &[(&str, &str)] = &[
    (
        "1765000000000000101",
        "Patient Ottoline Quarmby, NHS no 401 159 0835, was admitted to Ward 7 last night",
    ),
    (
        "1765000000000000102",
        "Patient's CHI 0101501234 is on the referral letter",
    ),
    (
        "1765000000000000103",
        "H&amp;C number 320 000 0007 for the patient on ward 2",
    ),
    (
        "1765000000000000104",
        "Her national insurance number is AB 12 34 56 C",
    ),
    (
        "1765000000000000105",
        "Hi, my dad is in bed 12. His DOB 03/04/1941, can someone call me?",
    ),
    (
        "1765000000000000106",
        "Hospital number RX1234567 for the gentleman in bay 4",
    ),
    (
        "1765000000000000107",
        "Mrs Quenby lives at 12 Acacia Avenue, SR4 7XQ, with her cat",
    ),
    (
        "1765000000000000108",
        "Text Sarah on 07700 900123 if you want a lift to the event",
    ),
    (
        "1765000000000000109",
        "Any questions, email jane.doe.private@gmail.com you idiot",
    ),
];

/// Each planted value, in the spellings an output could carry it in.
const PLANTED: &[&[&str]] = &[
    &["Ottoline", "Quarmby"],
    &["401 159 0835", "4011590835"],
    &["0101501234"],
    &["320 000 0007", "3200000007"],
    &["AB 12 34 56 C", "AB123456C"],
    &["03/04/1941"],
    &["RX1234567"],
    &["Acacia"],
    &["SR4 7XQ", "SR47XQ"],
    &["07700 900123", "07700900123"],
    &["jane.doe.private"],
    &["ottoline.comms"],
    // from the bundled fixture: a geotag, EXIF GPS, a DM, a rota e-mail
    &["54.572", "1.235"],
    &["54.574", "1.231"],
    &["999 000 0026", "9990000026"],
    &["ward7.rota"],
    &["0113 496 0381", "01134960381"],
];

fn planted_archive(dir: &Path) -> PathBuf {
    let root = dir.join("twitter-2024-12-01-planted");
    let mut files = standard_files();
    files.retain(|(n, _)| n != "data/tweets.js" && n != "data/account.js");
    files.push((
        "data/tweets.js".into(),
        tweets_js(PLANTED_POSTS).into_bytes(),
    ));
    files.push((
        "data/account.js".into(),
        account_js("ottoline.comms@gmail.com").into_bytes(),
    ));
    write_folder(&root, &files);
    root
}

/// Every output's bytes as text; an XLSX workbook's zip members inflated.
fn output_texts(paths: &[PathBuf]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for p in paths {
        let bytes = std::fs::read(p).unwrap();
        if bytes.starts_with(b"PK\x03\x04") {
            let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            for i in 0..z.len() {
                let mut f = z.by_index(i).unwrap();
                let mut s = String::new();
                let name = f.name().map(|n| n.to_string()).unwrap_or_default();
                f.read_to_string(&mut s).unwrap();
                out.push((format!("{}:{name}", p.display()), s));
            }
        } else {
            out.push((
                p.display().to_string(),
                String::from_utf8_lossy(&bytes).into_owned(),
            ));
        }
    }
    out
}

fn scan_all_outputs(dir: &Path, input: &Path, format: &str, extra: &[&str]) -> Vec<PathBuf> {
    let outs = [
        dir.join(format!("f.{format}")),
        dir.join("c.csv"),
        dir.join("m.json"),
        dir.join("s.html"),
    ];
    let o = bin()
        .arg("scan")
        .arg(input)
        .arg(fixture())
        .args(["-o", outs[0].to_str().unwrap()])
        .args(["--coverage", outs[1].to_str().unwrap()])
        .args(["--manifest", outs[2].to_str().unwrap()])
        .args(["--summary", outs[3].to_str().unwrap()])
        .arg("--no-progress")
        .args(extra)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    outs.to_vec()
}

#[test]
fn redact_leaves_no_planted_value_in_any_byte_of_any_output() {
    let d = tempfile::tempdir().unwrap();
    let input = planted_archive(d.path());
    // Control: without --redact every planted value is found, so the
    // assertion below can fail.
    let plain = d.path().join("plain");
    std::fs::create_dir(&plain).unwrap();
    let texts = output_texts(&scan_all_outputs(&plain, &input, "csv", &[]));
    let findings = &texts[0].1;
    for spellings in PLANTED {
        assert!(
            spellings.iter().any(|s| findings.contains(s)),
            "control: {spellings:?} not found without --redact"
        );
    }
    for format in ["csv", "jsonl", "xlsx", "sqlite"] {
        let out = d.path().join(format);
        std::fs::create_dir(&out).unwrap();
        for (name, text) in output_texts(&scan_all_outputs(&out, &input, format, &["--redact"])) {
            for spellings in PLANTED {
                for s in *spellings {
                    assert!(!text.contains(s), "{s:?} left in {name}");
                }
            }
        }
    }
}

// ---------- 4: verify checks the files beside the manifest

#[test]
fn verify_checks_the_copy_beside_the_manifest_and_original_checks_the_recorded_paths() {
    let d = tempfile::tempdir().unwrap();
    let scan_dir = d.path().join("scan");
    std::fs::create_dir(&scan_dir).unwrap();
    let zip = scan_dir.join("x.zip");
    write_zip(&zip, &standard_files());
    let o = run_in(
        &scan_dir,
        &[
            "scan",
            "x.zip",
            "-o",
            "f.csv",
            "--coverage",
            "c.csv",
            "--manifest",
            "m.json",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    // The case folder: a copy of the outputs, the manifest, and the input.
    let case = d.path().join("case");
    std::fs::create_dir(&case).unwrap();
    for f in ["f.csv", "c.csv", "m.json", "x.zip"] {
        std::fs::copy(scan_dir.join(f), case.join(f)).unwrap();
    }
    let verify = |args: &[&str]| {
        let o = bin().args(args).output().unwrap();
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
        )
    };
    let man = case.join("m.json");
    let (code, out) = verify(&["verify", man.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{out}");
    // Tamper with the copy: verify must see it, and say which file it hashed.
    let mut text = std::fs::read_to_string(case.join("f.csv")).unwrap();
    text.push_str("tampered\n");
    std::fs::write(case.join("f.csv"), text).unwrap();
    let (code, out) = verify(&["verify", man.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{out}");
    let changed = out.lines().find(|l| l.starts_with("CHANGED")).unwrap();
    assert!(
        changed.contains(case.join("f.csv").to_str().unwrap()),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("OK") && l.contains("case")),
        "{out}"
    );
    // --original hashes the files where the scan wrote them: untouched.
    let (code, out) = verify(&["verify", "--original", man.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains(scan_dir.join("f.csv").to_str().unwrap()),
        "{out}"
    );
}

// ---------- 5: --since/--until never drop account findings

#[test]
fn date_filters_keep_account_and_profile_findings() {
    let d = tempfile::tempdir().unwrap();
    let all = scan(d.path(), &[&fixture()], &[]);
    let account_rules = |r: &Run| -> Vec<String> {
        let kinds = r.values("record_kind");
        r.values("rule_id")
            .into_iter()
            .zip(kinds)
            .filter(|(_, k)| k == "account" || k == "profile")
            .map(|(r, _)| r)
            .collect()
    };
    let before = account_rules(&all);
    assert!(
        before.contains(&"account.non-corporate-email".to_string()),
        "{before:?}"
    );
    // The account was created in 2011; the posts are from November 2024.
    let since = scan(d.path(), &[&fixture()], &["--since", "2024-11-01"]);
    assert_eq!(account_rules(&since), before);
    let until = scan(d.path(), &[&fixture()], &["--until", "2012-01-01"]);
    assert_eq!(account_rules(&until), before);
    assert!(
        until
            .values("record_kind")
            .iter()
            .all(|k| k == "account" || k == "profile")
    );
}

#[test]
fn the_summary_chart_has_no_bar_for_the_account_creation_quarter() {
    let d = tempfile::tempdir().unwrap();
    let s = d.path().join("s.html");
    let o = bin()
        .arg("scan")
        .arg(fixture())
        .args(["-o", d.path().join("f.csv").to_str().unwrap()])
        .args(["--summary", s.to_str().unwrap(), "--no-progress"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let page = std::fs::read_to_string(&s).unwrap();
    assert!(
        !page.contains("2011-Q2"),
        "account creation quarter charted"
    );
    assert!(page.contains("2024-Q4"));
}

// ---------- 6: which packs run is said on every run

#[test]
fn every_run_names_its_packs_and_warns_when_the_nhs_pack_is_not_among_them() {
    let d = tempfile::tempdir().unwrap();
    let o = run_in(d.path(), &["scan", fixture().to_str().unwrap()]);
    let err = stderr(&o);
    assert!(err.contains("Rule packs: nhs-default"), "{err}");
    assert!(err.contains("(embedded):"), "{err}");
    assert!(!err.contains("warning: the embedded NHS pack"), "{err}");

    let local = |extend: &str| {
        format!(
            "[pack]\nid = \"local\"\nversion = \"1\"\n{extend}\n\n[[rules]]\nid = \"local.codename\"\n\
             title = \"Project codename\"\ncategory = \"confidential\"\nseverity = \"high\"\n\
             policy = [\"CUM 3.3\"]\nclauses = [\"B1\"]\nlexicon = {{ terms = [\"bluebird\"] }}\n\
             examples.match = [\"project bluebird starts\", \"bluebird is go\"]\n\
             examples.no_match = [\"a blue bird\", \"birds\"]\n"
        )
    };
    std::fs::write(d.path().join("alone.toml"), local("")).unwrap();
    let o = run_in(
        d.path(),
        &["scan", fixture().to_str().unwrap(), "--rules", "alone.toml"],
    );
    let err = stderr(&o);
    assert!(err.contains("local 1 (from alone.toml): 1 rules"), "{err}");
    assert!(
        err.contains("warning: the embedded NHS pack is not in use"),
        "{err}"
    );

    std::fs::write(
        d.path().join("layered.toml"),
        local("extend = \"default\"\ndisable = [\"links.shortener\"]"),
    )
    .unwrap();
    let o = run_in(
        d.path(),
        &[
            "scan",
            fixture().to_str().unwrap(),
            "--rules",
            "layered.toml",
        ],
    );
    let err = stderr(&o);
    let default_rules = social_audit::rules::Pack::default_pack(&Default::default())
        .unwrap()
        .rules()
        .len();
    assert!(
        err.contains(&format!("(embedded): {} rules", default_rules - 1)),
        "{err}"
    );
    assert!(
        err.contains("local 1 (from layered.toml): 1 rules, 1 default rules disabled"),
        "{err}"
    );
    assert!(!err.contains("warning: the embedded"), "{err}");
}

// ---------- 7, 8: format from the extension; Excel-friendly CSV

#[test]
fn the_format_follows_the_file_name_and_a_contradiction_is_refused() {
    let d = tempfile::tempdir().unwrap();
    let fx = fixture();
    let fx = fx.to_str().unwrap();
    let o = run_in(d.path(), &["scan", fx, "-o", "out.xlsx"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        std::fs::read(d.path().join("out.xlsx"))
            .unwrap()
            .starts_with(b"PK\x03\x04")
    );
    let o = run_in(d.path(), &["scan", fx, "--format", "xlsx"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(d.path().join("findings.xlsx").exists());
    assert!(!d.path().join("findings.csv").exists());
    let o = run_in(d.path(), &["scan", fx, "-o", "f.jsonl"]);
    assert_eq!(o.status.code(), Some(1));
    let first = std::fs::read_to_string(d.path().join("f.jsonl")).unwrap();
    assert!(first.starts_with("{\"finding_id\""), "{first}");
    let o = run_in(d.path(), &["scan", fx, "--format", "xlsx", "-o", "a.csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("contradicts"), "{}", stderr(&o));
    assert!(!d.path().join("a.csv").exists());
}

#[test]
fn csv_outputs_carry_a_bom_and_a_severity_rank_and_still_merge_and_baseline() {
    let d = tempfile::tempdir().unwrap();
    let r = scan(d.path(), &[&fixture()], &[]);
    let bytes = std::fs::read(&r.findings_path).unwrap();
    assert!(bytes.starts_with("\u{feff}finding_id,".as_bytes()));
    let cov = std::fs::read(d.path().join("coverage.csv")).unwrap();
    assert!(cov.starts_with("\u{feff}archive,".as_bytes()));
    assert_eq!(
        &r.header[17..],
        ["confidence", "severity_rank", "review", "review_note"]
    );
    for (sev, rank) in r.values("severity").iter().zip(r.values("severity_rank")) {
        let want = match sev.as_str() {
            "critical" => "1",
            "high" => "2",
            "medium" => "3",
            _ => "4",
        };
        assert_eq!(rank, want);
    }
    // A BOM'd findings file is still a baseline and still merges.
    let last = d.path().join("last-quarter.csv");
    std::fs::copy(&r.findings_path, &last).unwrap();
    let again = scan(
        d.path(),
        &[&fixture()],
        &["--baseline", last.to_str().unwrap()],
    );
    assert_eq!(again.findings.len(), 0);
    let merged = d.path().join("merged.csv");
    let copy = last;
    let o = bin()
        .args([
            "merge",
            copy.to_str().unwrap(),
            "-o",
            merged.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        std::fs::read(&merged).unwrap() == bytes,
        "merge keeps the file as written"
    );
}

#[test]
fn the_summary_names_rules_and_shows_ids_and_context_masked_under_redact() {
    let d = tempfile::tempdir().unwrap();
    let s = d.path().join("s.html");
    let f = d.path().join("f.csv");
    let run = |extra: &[&str]| {
        let o = bin()
            .arg("scan")
            .arg(fixture())
            .args(["-o", f.to_str().unwrap(), "--summary", s.to_str().unwrap()])
            .arg("--no-progress")
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1));
        std::fs::read_to_string(&s).unwrap()
    };
    let page = run(&[]);
    let bytes = std::fs::read(&f).unwrap();
    let mut r = social_audit::report::csv_reader(&bytes);
    let first = r.records().next().unwrap().unwrap();
    assert!(page.contains(&first[0]), "finding id shown");
    assert!(
        page.contains("NHS number near patient context"),
        "rule title shown"
    );
    assert!(page.contains("Mary Example"), "context shown");
    let page = run(&["--redact"]);
    assert!(!page.contains("Mary Example"));
    assert!(!page.contains("999 000 0018"));
    assert!(page.contains("NHS number near patient context"));
}

// ---------- 9: --baseline and --ignore read last quarter's XLSX

#[test]
fn last_quarters_workbook_is_a_baseline_and_an_ignore_list() {
    let d = tempfile::tempdir().unwrap();
    let book = d.path().join("q3.xlsx");
    let o = bin()
        .arg("scan")
        .arg(fixture())
        .args(["-o", book.to_str().unwrap(), "--no-progress"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let b = scan(
        d.path(),
        &[&fixture()],
        &["--baseline", book.to_str().unwrap()],
    );
    assert_eq!(b.code, 0, "{}", b.stderr);
    assert!(b.findings.is_empty());
    let i = scan(
        d.path(),
        &[&fixture()],
        &["--ignore", book.to_str().unwrap()],
    );
    assert_eq!(i.code, 0, "{}", i.stderr);
    assert!(i.stderr.contains("in the ignore file"), "{}", i.stderr);
}

// ---------- 10: messages that name the real problem

#[test]
fn a_bad_org_regex_is_blamed_on_the_profile_and_its_key() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(
        d.path().join("org.toml"),
        "hospital_number_patterns = ['RX[0-9']\n",
    )
    .unwrap();
    let o = run_in(
        d.path(),
        &["scan", fixture().to_str().unwrap(), "--org", "org.toml"],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("org.toml") && err.contains("hospital_number_patterns[0]"),
        "{err}"
    );
    assert!(
        !err.contains("identifiers.toml") && !err.contains("(?i"),
        "{err}"
    );
}

#[test]
fn zero_threads_is_refused_and_an_empty_recognised_archive_is_a_warning() {
    let d = tempfile::tempdir().unwrap();
    let o = run_in(d.path(), &["scan", fixture().to_str().unwrap(), "-j", "0"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--threads"), "{}", stderr(&o));
    let root = d.path().join("twitter-empty");
    write_folder(
        &root,
        &[
            ("data/manifest.js".into(), manifest_js(0).into_bytes()),
            (
                "data/tweets.js".into(),
                b"window.YTD.tweets.part0 = []".to_vec(),
            ),
        ],
    );
    let r = scan(d.path(), &[&root], &[]);
    assert!(
        r.stderr.contains(
            "warning: twitter-empty: recognised as a twitter archive, but no records were read"
        ),
        "{}",
        r.stderr
    );
}

// ---------- 12: what users of gitleaks and ripgrep reach for

#[test]
fn quiet_prints_nothing_but_errors() {
    let d = tempfile::tempdir().unwrap();
    let o = run_in(d.path(), &["scan", fixture().to_str().unwrap(), "-q"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "");
}

#[test]
fn disable_and_enable_choose_rules_and_a_typo_is_an_error() {
    let d = tempfile::tempdir().unwrap();
    let fx = fixture();
    let all = scan(d.path(), &[&fx], &[]).values("rule_id");
    assert!(all.iter().any(|r| r.starts_with("patient.")));
    let only = scan(d.path(), &[&fx], &["--enable", "patient.*"]);
    let ids = only.values("rule_id");
    assert!(
        !ids.is_empty() && ids.iter().all(|r| r.starts_with("patient.")),
        "{ids:?}"
    );
    assert!(
        only.stderr.contains("rules left out by --enable/--disable"),
        "{}",
        only.stderr
    );
    let less = scan(d.path(), &[&fx], &["--disable", "personal.uk-phone"]);
    let ids = less.values("rule_id");
    assert_eq!(
        ids.len(),
        all.iter().filter(|r| *r != "personal.uk-phone").count()
    );
    assert!(!ids.iter().any(|r| r == "personal.uk-phone"));
    let o = run_in(
        d.path(),
        &[
            "scan",
            fx.to_str().unwrap(),
            "--disable",
            "personal.uk-phon",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no rule has that id"), "{}", stderr(&o));
}

#[test]
fn platform_and_account_filters_leave_archives_out_in_coverage() {
    let d = tempfile::tempdir().unwrap();
    let chat = d.path().join("WhatsApp Chat with Ward 7.txt");
    std::fs::write(
        &chat,
        "18/03/2022, 14:56 - Sam: NHS no 401 159 0835 patient\n",
    )
    .unwrap();
    let fx = fixture();
    let r = scan(d.path(), &[&fx, &chat], &["--platform", "whatsapp"]);
    assert!(r.values("platform").iter().all(|p| p == "whatsapp"));
    assert!(!r.findings.is_empty());
    assert!(
        r.cov()
            .iter()
            .any(|(_, s, detail)| s == "skipped" && detail.contains("--platform")),
        "{:?}",
        r.cov()
    );
    let r = scan(d.path(), &[&fx, &chat], &["--account", "@northdalenhs"]);
    assert!(r.values("account").iter().all(|a| a == "NorthdaleNHS"));
    assert!(!r.findings.is_empty());
}

#[test]
fn a_settings_file_in_the_working_directory_makes_the_quarterly_scan_one_short_command() {
    let d = tempfile::tempdir().unwrap();
    std::fs::copy(fixture(), d.path().join("x.zip")).unwrap();
    std::fs::create_dir(d.path().join("out")).unwrap();
    std::fs::write(
        d.path().join("social-audit.toml"),
        "output = \"out/findings.xlsx\"\ncoverage = \"out/coverage.csv\"\n\
         manifest = \"out/manifest.json\"\nfail_on = \"critical\"\ndisable = [\"links.*\"]\n\n\
         [org]\nname = \"Northdale\"\ndomains = [\"northdale.nhs.uk\"]\n",
    )
    .unwrap();
    let o = run_in(d.path(), &["scan", "x.zip", "--no-progress"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("Settings: social-audit.toml"),
        "{}",
        stderr(&o)
    );
    for f in ["findings.xlsx", "coverage.csv", "manifest.json"] {
        assert!(d.path().join("out").join(f).exists(), "{f}");
    }
    // An unknown key is an error naming it; --no-config ignores the file.
    std::fs::write(d.path().join("social-audit.toml"), "outptu = \"x.csv\"\n").unwrap();
    let o = run_in(d.path(), &["scan", "x.zip"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("outptu"), "{}", stderr(&o));
    let o = run_in(d.path(), &["scan", "x.zip", "--no-config", "-q"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
}

#[test]
fn version_names_the_pack_and_completions_and_man_page_are_printed() {
    let o = bin().arg("--version").output().unwrap();
    let v = String::from_utf8_lossy(&o.stdout);
    assert!(v.contains("rule pack nhs-default"), "{v}");
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let o = bin().args(["completions", shell]).output().unwrap();
        assert_eq!(o.status.code(), Some(0));
        assert!(String::from_utf8_lossy(&o.stdout).contains("social-audit"));
    }
    let o = bin().arg("man").output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let page = String::from_utf8_lossy(&o.stdout);
    assert!(page.contains(".TH social-audit"), "{page}");
}

#[test]
fn the_settings_files_org_profile_is_protected_and_zero_threads_refused_there_too() {
    let d = tempfile::tempdir().unwrap();
    std::fs::copy(fixture(), d.path().join("x.zip")).unwrap();
    std::fs::write(d.path().join("org.toml"), "name = \"Northdale\"\n").unwrap();
    std::fs::write(d.path().join("social-audit.toml"), "org = \"org.toml\"\n").unwrap();
    let o = run_in(d.path(), &["scan", "x.zip", "-o", "org.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("organisation profile"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read_to_string(d.path().join("org.toml")).unwrap(),
        "name = \"Northdale\"\n"
    );
    std::fs::write(d.path().join("social-audit.toml"), "threads = 0\n").unwrap();
    let o = run_in(d.path(), &["scan", "x.zip"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("threads = 0"), "{}", stderr(&o));
}

//! LinkedIn data exports: every sample in ../shared/formats/linkedin (when
//! present, loose CSVs named unlike LinkedIn's files) scans with no
//! `failed` row, every file accounted for and records read; a known
//! comment of the sample reaches the findings with its kind, time and
//! link; and breaches planted in an export written here are found where
//! they were planted.

use crate::common::*;
use std::path::Path;

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn every_linkedin_sample_scans_without_failures() {
    let dirs = sample_dirs("linkedin");
    assert!(!dirs.is_empty(), "no sample folders");
    let d = tempfile::tempdir().unwrap();
    for dir in dirs {
        let r = scan_sample(d.path(), &dir);
        assert_eq!(
            r.coverage.len(),
            count_files(&dir),
            "{}: every file has one coverage row",
            dir.display()
        );
        assert!(records(&r) > 0, "{}: no records", dir.display());
        for (entry, status, detail) in r.cov() {
            assert!(
                status == "parsed" || status == "skipped",
                "{}: {entry} is {status}: {detail}",
                dir.display()
            );
        }
    }
}

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn the_sample_files_are_told_apart_by_header_and_a_known_comment_is_found() {
    let dir = Path::new("../shared/formats/linkedin/hermione-linkedin-analyzer");
    assert!(dir.is_dir(), "sample folder {} is missing", dir.display());
    let d = tempfile::tempdir().unwrap();
    let pack = d.path().join("term.toml");
    std::fs::write(
        &pack,
        "[pack]\nid = \"probe\"\nversion = \"1\"\n\n[[rules]]\nid = \"probe.term\"\n\
         title = \"Known sample text\"\ncategory = \"confidential\"\nseverity = \"low\"\n\
         policy = [\"CUM 3.3\"]\nclauses = [\"B1\"]\nlexicon = { terms = [\"great post\"] }\n\
         examples.match = [\"a great post\"]\nexamples.no_match = [\"nothing\"]\n",
    )
    .unwrap();
    let r = scan(d.path(), &[dir], &["--rules", pack.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let rows: Vec<(String, String, String)> = r
        .coverage
        .iter()
        .map(|c| (c[1].to_string(), c[2].to_string(), c[3].to_string()))
        .collect();
    let row = |e: &str, s: &str, n: &str| (e.to_string(), s.to_string(), n.to_string());
    assert_eq!(
        rows,
        [
            row("comments-parity.csv", "parsed", "5"),
            row("connections-parity.csv", "skipped", "0"),
            row("messages-parity.csv", "parsed", "3"),
            row("shares-parity.csv", "parsed", "6"),
        ]
    );
    let shares = r
        .cov()
        .into_iter()
        .find(|c| c.0 == "shares-parity.csv")
        .unwrap();
    assert!(
        shares.2.contains("1 date could not be read"),
        "{}",
        shares.2
    );
    assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
    let f = &r.findings[0];
    assert_eq!(&f[r.column("platform")], "linkedin");
    assert_eq!(&f[r.column("record_kind")], "comment");
    assert_eq!(&f[r.column("created_at")], "2026-01-05T10:00:00Z");
    assert_eq!(
        &f[r.column("url")],
        "https://www.linkedin.com/feed/update/urn:li:activity:1"
    );
    assert!(
        f[r.column("context")].starts_with("She wrote \"great post\" yesterday."),
        "backslash-escaped quotes read: {}",
        &f[r.column("context")]
    );
}

/// An export as LinkedIn zips it, with a top folder: a post naming a
/// patient with a (synthetic, 999-range) NHS number, ward and diagnosis
/// over two lines in LinkedIn's quoting, a comment and a message doing
/// the same, and a personal e-mail address on the account.
fn planted_zip(dir: &Path) -> std::path::PathBuf {
    let top = "Basic_LinkedInDataExport_10-07-2024";
    let shares = "\u{FEFF}Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n\
        2024-10-02 09:15:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7247000000000000001,\"Good news from Ward 7!\"\"\n\
        \"\"Patient Jane Example, NHS number 999 876 5439, went home today after treatment for pneumonia.\",,,PUBLIC\n\
        2024-10-03 12:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7247000000000000002,Flu jabs available this week,,,PUBLIC\n";
    let comments = "Date,Link,Message\n\
        2024-10-04 08:00:00,https://www.linkedin.com/feed/update/urn:li:activity:7247000000000000900,\"Yes, she was admitted under \\\"Dr Smith\\\", NHS no 999 555 1233\"\n";
    let messages = "\"CONVERSATION ID\",\"CONVERSATION TITLE\",\"FROM\",\"SENDER PROFILE URL\",\"TO\",\"RECIPIENT PROFILE URLS\",\"DATE\",\"SUBJECT\",\"CONTENT\",\"FOLDER\",\"ATTACHMENTS\",\"IS MESSAGE DRAFT\"\n\
        2-MzE4ZWQ1==,,Alex Comms,https://www.linkedin.com/in/alex,Sam Doe,https://www.linkedin.com/in/sam,2024-10-05 16:45:00 UTC,,\"The patient in bed 4 (NHS number 999 876 5439) was admitted overnight\",INBOX,,No\n";
    let zip = dir.join(format!("{top}.zip"));
    write_zip(
        &zip,
        &[
            (format!("{top}/Shares.csv"), shares.as_bytes().to_vec()),
            (format!("{top}/Comments.csv"), comments.as_bytes().to_vec()),
            (format!("{top}/messages.csv"), messages.as_bytes().to_vec()),
            (
                format!("{top}/Profile.csv"),
                b"First Name,Last Name,Headline,Summary,Geo Location,Websites\nAlex,Comms,Communications at Northdale NHS Trust,,\"Newcastle, England\",\n".to_vec(),
            ),
            (
                format!("{top}/Email Addresses.csv"),
                b"Email Address,Confirmed,Primary,Updated On\nalex.comms.private@gmail.com,Yes,Yes,10/01/24, 9:00 AM\n".to_vec(),
            ),
            (
                format!("{top}/Connections.csv"),
                b"Notes:\n\"Some e-mail addresses may be missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nSam,Doe,https://www.linkedin.com/in/sam,,Northdale,Nurse,01 Oct 2024\n".to_vec(),
            ),
        ],
    );
    zip
}

#[test]
fn a_patient_named_in_a_post_a_comment_and_a_message_is_found_where_planted() {
    let d = tempfile::tempdir().unwrap();
    let inputs = d.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    let zip = planted_zip(&inputs);
    let r = scan(d.path(), &[&zip], &["-j", "1"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let one = std::fs::read(&r.findings_path).unwrap();
    let nhs: Vec<[&str; 6]> = r
        .findings
        .iter()
        .filter(|f| &f[r.column("rule_id")] == "patient.nhs-number")
        .map(|f| {
            [
                &f[r.column("category")],
                &f[r.column("record_kind")],
                &f[r.column("record_id")],
                &f[r.column("created_at")],
                &f[r.column("url")],
                &f[r.column("account")],
            ]
        })
        .collect();
    assert_eq!(
        nhs,
        [
            [
                "patient-data",
                "post",
                "urn:li:share:7247000000000000001",
                "2024-10-02T09:15:00Z",
                "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7247000000000000001",
                "Alex Comms"
            ],
            [
                "patient-data",
                "comment",
                "2",
                "2024-10-04T08:00:00Z",
                "https://www.linkedin.com/feed/update/urn:li:activity:7247000000000000900",
                "Alex Comms"
            ],
            [
                "patient-data",
                "dm",
                "2",
                "2024-10-05T16:45:00Z",
                "https://www.linkedin.com/messaging/thread/2-MzE4ZWQ1==/",
                "Alex Comms"
            ],
        ],
        "{:?}",
        r.findings
    );
    let post = r
        .findings
        .iter()
        .find(|f| &f[r.column("rule_id")] == "patient.nhs-number")
        .unwrap();
    assert!(
        !post[r.column("context")].contains('"'),
        "LinkedIn's quoted line breaks are gone: {}",
        &post[r.column("context")]
    );
    let email: Vec<_> = r
        .findings
        .iter()
        .filter(|f| &f[r.column("rule_id")] == "account.non-corporate-email")
        .collect();
    assert_eq!(email.len(), 1, "{:?}", r.findings);
    assert_eq!(&email[0][r.column("record_kind")], "account");
    assert_eq!(&email[0][r.column("match")], "alex.comms.private@gmail.com");
    assert_eq!(
        r.cov_status("Basic_LinkedInDataExport_10-07-2024/Connections.csv")
            .as_deref(),
        Some("skipped")
    );
    let two = scan(d.path(), &[&zip], &["-j", "2"]);
    assert_eq!(std::fs::read(&two.findings_path).unwrap(), one);
}

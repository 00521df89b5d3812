//! Mastodon account archives: every sample in ../shared/formats/mastodon
//! (when present) scans with no `failed` row, every file accounted for and
//! records read; a known status of the sample reaches the findings with
//! its kind, time and permalink; and a breach planted in an archive
//! written here is found where it was planted. The sample's provenance
//! notes say its media files were not copied, so the outbox's warning
//! about missing media is expected.

use crate::common::*;
use std::path::Path;

/// A one-rule pack that finds `term`: a way to see a known text of a
/// sample arrive in the findings with its record's facts.
fn term_pack(dir: &Path, term: &str) -> std::path::PathBuf {
    let p = dir.join("term.toml");
    std::fs::write(
        &p,
        format!(
            "[pack]\nid = \"probe\"\nversion = \"1\"\n\n[[rules]]\nid = \"probe.term\"\n\
             title = \"Known sample text\"\ncategory = \"confidential\"\nseverity = \"low\"\n\
             policy = [\"CUM 3.3\"]\nclauses = [\"B1\"]\nlexicon = {{ terms = [\"{term}\"] }}\n\
             examples.match = [\"x {term} y\"]\nexamples.no_match = [\"nothing\"]\n"
        ),
    )
    .unwrap();
    p
}

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn every_mastodon_sample_scans_without_failures() {
    let dirs = sample_dirs("mastodon");
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
            assert_eq!(status, "parsed", "{}: {entry}: {detail}", dir.display());
        }
    }
}

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn the_sample_reply_reaches_the_findings_with_its_permalink() {
    let dir = Path::new("../shared/formats/mastodon/eramdam-mastodon-archive-viewer");
    assert!(dir.is_dir(), "sample folder {} is missing", dir.display());
    let d = tempfile::tempdir().unwrap();
    let pack = term_pack(d.path(), "reply to a post");
    let r = scan(d.path(), &[dir], &["--rules", pack.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let outbox = r.cov().into_iter().find(|c| c.0 == "outbox.json").unwrap();
    assert_eq!(outbox.1, "parsed");
    assert!(
        outbox
            .2
            .contains("7 attached media files are not in the archive"),
        "{}",
        outbox.2
    );
    assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
    let f = &r.findings[0];
    assert_eq!(&f[r.column("platform")], "mastodon");
    assert_eq!(&f[r.column("account")], "zapdos@social.erambert.me");
    assert_eq!(&f[r.column("record_kind")], "reply");
    assert_eq!(&f[r.column("record_id")], "113060491120219974");
    assert_eq!(&f[r.column("created_at")], "2024-09-01T04:49:45Z");
    assert_eq!(
        &f[r.column("url")],
        "https://social.erambert.me/@zapdos/113060491120219974"
    );
    assert_eq!(&f[r.column("context")], "This is a reply to a post!");
}

/// An archive as Mastodon writes it: a public post naming a patient with a
/// (synthetic, 999-range) NHS number, ward and diagnosis; the same in a
/// direct message; and an image description naming a patient.
fn planted_zip(dir: &Path) -> std::path::PathBuf {
    let actor = "https://mastodon.example/users/northdale";
    let create = |id: &str, when: &str, to: &str, html: &str, alt: Option<&str>| {
        let attachment = match alt {
            Some(a) => format!(
                r#"[{{"type":"Document","mediaType":"image/jpeg","url":"/media_attachments/files/113/100/000/000/000/001/original/a1.jpg","name":{}}}]"#,
                serde_json::to_string(a).unwrap()
            ),
            None => "[]".into(),
        };
        format!(
            r#"{{"id":"{actor}/statuses/{id}/activity","type":"Create","actor":"{actor}","published":"{when}","to":["{to}"],"cc":[],
"object":{{"id":"{actor}/statuses/{id}","type":"Note","summary":null,"inReplyTo":null,"published":"{when}",
"url":"https://mastodon.example/@northdale/{id}","attributedTo":"{actor}","to":["{to}"],"cc":[],"sensitive":false,
"content":{},"attachment":{attachment},"tag":[]}}}}"#,
            serde_json::to_string(html).unwrap()
        )
    };
    let public = "https://www.w3.org/ns/activitystreams#Public";
    let outbox = format!(
        r#"{{"@context":"https://www.w3.org/ns/activitystreams","id":"outbox.json","type":"OrderedCollection","totalItems":3,"orderedItems":[{},{},{}]}}"#,
        create(
            "113100000000000001",
            "2024-10-02T09:15:00Z",
            public,
            "<p>Good news: patient Jane Example (NHS number 999 876 5439) was discharged from Ward 7 after treatment for pneumonia.</p>",
            None
        ),
        create(
            "113100000000000002",
            "2024-10-03T11:00:00Z",
            "https://other.example/users/jo",
            "<p><span class=\"h-card\"><a href=\"https://other.example/@jo\" class=\"u-url mention\">@<span>jo</span></a></span> bed 4 is NHS no 999 555 1233, admitted overnight</p>",
            None
        ),
        create(
            "113100000000000003",
            "2024-10-04T08:30:00Z",
            public,
            "<p>Our team on the ward today</p>",
            Some("Nurse with patient Jane Example, NHS number 999 876 5439, on Ward 7")
        ),
    );
    let actor_json = format!(
        r#"{{"id":"{actor}","type":"Person","preferredUsername":"northdale","name":"Northdale NHS","outbox":"outbox.json","followers":"{actor}/followers","url":"https://mastodon.example/@northdale","summary":"<p>Official account</p>"}}"#
    );
    let zip = dir.join("archive-20241005090000-00112233445566778899aabbccddeeff.zip");
    write_zip(
        &zip,
        &[
            ("outbox.json".into(), outbox.into_bytes()),
            ("actor.json".into(), actor_json.into_bytes()),
            ("likes.json".into(), b"{\"orderedItems\":[]}".to_vec()),
        ],
    );
    zip
}

#[test]
fn a_patient_named_in_a_post_a_direct_message_and_alt_text_is_found_where_planted() {
    let d = tempfile::tempdir().unwrap();
    let inputs = d.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    let zip = planted_zip(&inputs);
    let r = scan(d.path(), &[&zip], &["-j", "1"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let one = std::fs::read(&r.findings_path).unwrap();
    let nhs: Vec<_> = r
        .findings
        .iter()
        .filter(|f| &f[r.column("rule_id")] == "patient.nhs-number")
        .collect();
    let facts: Vec<[&str; 6]> = nhs
        .iter()
        .map(|f| {
            [
                &f[r.column("category")],
                &f[r.column("record_kind")],
                &f[r.column("created_at")],
                &f[r.column("url")],
                &f[r.column("field")],
                &f[r.column("platform")],
            ]
        })
        .collect();
    assert_eq!(
        facts,
        [
            [
                "patient-data",
                "post",
                "2024-10-02T09:15:00Z",
                "https://mastodon.example/@northdale/113100000000000001",
                "text",
                "mastodon"
            ],
            [
                "patient-data",
                "dm",
                "2024-10-03T11:00:00Z",
                "https://mastodon.example/@northdale/113100000000000002",
                "text",
                "mastodon"
            ],
            [
                "patient-data",
                "post",
                "2024-10-04T08:30:00Z",
                "https://mastodon.example/@northdale/113100000000000003",
                "alt_text",
                "mastodon"
            ],
        ],
        "{:?}",
        r.findings
    );
    assert!(
        nhs.iter()
            .all(|f| &f[r.column("account")] == "northdale@mastodon.example")
    );
    assert_eq!(r.cov_status("likes.json").as_deref(), Some("skipped"));
    // The same bytes with two worker threads.
    let two = scan(d.path(), &[&zip], &["-j", "2"]);
    assert_eq!(std::fs::read(&two.findings_path).unwrap(), one);
}

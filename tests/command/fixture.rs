//! The bundled sample archive (fixtures/make_fixture.py writes it): every
//! planted breach is found, in the right record and field, and the planted
//! false-positive traps are not.

use crate::common::*;
use std::path::Path;

const ZIP: &str = "fixtures/twitter-2024-11-16-northdale.zip";
const FOLDER: &str = "fixtures/twitter-2024-11-16-northdale";

fn has(r: &Run, rule: &str, record_id: &str, field: &str) -> bool {
    let (ru, id, fi) = (
        r.column("rule_id"),
        r.column("record_id"),
        r.column("field"),
    );
    r.findings
        .iter()
        .any(|f| &f[ru] == rule && &f[id] == record_id && &f[fi] == field)
}

#[test]
fn every_planted_breach_is_found() {
    let d = tempfile::tempdir().unwrap();
    let r = scan(d.path(), &[Path::new(ZIP)], &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    for (rule, id, field) in [
        ("patient.nhs-number", "1857000000000000002", "text"),
        // in a DM from a member of the public
        ("patient.nhs-number", "1856500000000000002", "text"),
        // past the 280-character cut: only in note-tweet.js
        ("personal.uk-phone", "1857000000000000008", "text"),
        // a post deleted before the export
        ("personal.email", "1856000000000000001", "text"),
        // "ring Dave at home on 0113 …": a landline made someone's own
        ("personal.uk-landline", "1856000000000000001", "text"),
        ("conduct.obscene", "1857000000000000004", "text"),
        (
            "confidential.protective-marking",
            "1857000000000000005",
            "text",
        ),
        ("location.geotag", "1857000000000000006", "geo"),
        ("location.exif-gps", "1857000000000000007", "exif"),
        ("account.non-corporate-email", "account", "email"),
        ("account.connected-app", "account", "connected_app"),
        (
            "account.handle-changed",
            "screen-name-change:2019-03-04T10:15:00.000Z",
            "handle_change",
        ),
        (
            "account.email-changed",
            "email-address-change:2023-02-13T15:40:00.000Z",
            "email_change",
        ),
    ] {
        assert!(
            has(&r, rule, id, field),
            "{rule} on {id}/{field} missing:\n{:?}",
            r.findings
        );
    }
}

#[test]
fn the_false_positive_traps_are_not_reported() {
    let d = tempfile::tempdir().unwrap();
    let r = scan(d.path(), &[Path::new(ZIP)], &[]);
    let ids = r.values("record_id");
    // Scunthorpe and an order number; sexual health and labour ward (only the
    // geotag may fire); breast screening in Cockermouth and Penistone; a
    // retweet that mentions 119; a post that mentions 111.
    for clean in [
        "1857000000000000003",
        "1857000000000000010",
        "1857000000000000009",
        "1857000000000000001",
    ] {
        assert!(
            !ids.contains(&clean.to_string()),
            "{clean} flagged: {:?}",
            r.findings
        );
    }
    let rules_on_6: Vec<_> = r
        .findings
        .iter()
        .filter(|f| &f[r.column("record_id")] == "1857000000000000006")
        .map(|f| f[r.column("rule_id")].to_string())
        .collect();
    assert_eq!(rules_on_6, ["location.geotag"]);
}

#[test]
fn the_long_post_finding_points_at_the_post_not_the_note() {
    let d = tempfile::tempdir().unwrap();
    let r = scan(d.path(), &[Path::new(ZIP)], &[]);
    let f = r
        .findings
        .iter()
        .find(|f| &f[r.column("record_id")] == "1857000000000000008")
        .unwrap();
    assert_eq!(
        &f[r.column("url")],
        "https://x.com/NorthdaleNHS/status/1857000000000000008"
    );
    assert_eq!(&f[r.column("match")], "07700 900461");
}

#[test]
fn the_zip_and_the_extracted_folder_agree() {
    let d = tempfile::tempdir().unwrap();
    let z = scan(d.path(), &[Path::new(ZIP)], &[]);
    let f = scan(d.path(), &[Path::new(FOLDER)], &[]);
    assert_eq!(z.values("finding_id"), f.values("finding_id"));
    assert_eq!(z.values("context"), f.values("context"));
    assert!(
        z.cov().iter().all(|c| c.1 == "parsed" || c.1 == "skipped"),
        "{:?}",
        z.cov()
    );
}

#[test]
fn redaction_leaves_no_identifier_in_any_column() {
    let d = tempfile::tempdir().unwrap();
    let r = scan(d.path(), &[Path::new(ZIP)], &["--redact"]);
    let text = std::fs::read_to_string(&r.findings_path).unwrap();
    for secret in [
        "999 000 0018",
        "9990000018",
        "999 000 0026",
        "0113 496 0381",
        "01134960381",
        "07700 900461",
        "07700900461",
        "ward7.rota",
        "northdale.comms",
        // the account's change history (email-address-change.js)
        "socialmedia@",
        "54.57",
        "-1.23",
    ] {
        assert!(!text.contains(secret), "{secret} left in:\n{text}");
    }
    // The reasons survive redaction.
    assert!(text.contains("check digit valid"), "{text}");
}

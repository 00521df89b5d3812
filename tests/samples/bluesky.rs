//! Bluesky repository exports: every real CAR in ../shared/formats/bluesky
//! (when present) scans with no `failed` coverage row and gives records;
//! the bnewbold repository gives exactly the posts, reposts and profile its
//! derived record list (made by walking the tree with another tool) holds;
//! the real repositories' own text gives findings (swearing in a reply,
//! posting gaps); and breaches planted in a CAR the test writes come out
//! as findings with a bsky.app permalink, the record kind and the post's
//! time.

use crate::common::*;
use serde_json::json;
use social_audit::archive::{Archive, Limits};
use social_audit::platform::Reader;
use social_audit::platform::bluesky::Bluesky;
use social_audit::record::{Field, Record, RecordKind};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[path = "../../src/platform/bluesky/testing.rs"]
mod car;

const SAMPLES: &str = "../shared/formats/bluesky";
const BNEWBOLD: &str =
    "bluesky-indigo/atproto/repo/testdata/bnewbold.robocracy.org.20250310005405.car";
const BNEWBOLD_RECORDS: &str =
    "bluesky-indigo/derived/bnewbold.robocracy.org.20250310005405.records.jsonl";

fn cars_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut children: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("sample folder {} is missing: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    children.sort();
    for p in children {
        if p.is_dir() {
            cars_under(&p, out);
        } else if p.extension().is_some_and(|e| e == "car") {
            out.push(p);
        }
    }
}

/// Every record the Bluesky reader gives for one file, read in-process.
fn records_of(path: &Path) -> Vec<Record> {
    let archive = Archive::open(path, &Limits::default()).unwrap();
    let unit = Bluesky
        .open(&archive)
        .unwrap_or_else(|| panic!("{} not recognised", path.display()));
    let mut recs = Vec::new();
    for e in archive.entries() {
        let out = unit.read(&archive, &e, &mut |r| recs.push(r));
        assert_eq!(out.error, None, "{}", path.display());
    }
    recs
}

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn every_bluesky_sample_scans_without_failures_and_gives_records() {
    let mut cars = Vec::new();
    cars_under(Path::new(SAMPLES), &mut cars);
    assert!(cars.len() >= 6, "expected the sample CARs, found {cars:?}");
    let d = tempfile::tempdir().unwrap();
    for path in cars {
        let r = scan_sample(d.path(), &path);
        let rows = r.cov();
        assert_eq!(
            rows.len(),
            1,
            "{}: one row per CAR: {rows:?}",
            path.display()
        );
        let (_, status, detail) = &rows[0];
        assert_eq!(status, "parsed", "{}: {detail}", path.display());
        let records: u64 = r.coverage[0][3].parse().unwrap();
        if path.ends_with("greenground.repo.car") {
            // This test repository holds two follows and nothing else; the
            // row must say so rather than look like a clean, empty read.
            assert_eq!(records, 0);
            assert!(
                detail.contains("2 follows (app.bsky.graph.follow)")
                    && detail.contains("no posts, reposts or profile in this repository"),
                "{detail}"
            );
        } else {
            assert!(records > 0, "{}: no records: {detail}", path.display());
        }
        if path.ends_with("repo_slice.car") {
            // A slice of a repository: what it lacks is a warning.
            assert!(detail.contains("(a partial repository)"), "{detail}");
        }
    }
}

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn the_real_repositories_own_text_gives_findings_with_permalinks() {
    let d = tempfile::tempdir().unwrap();
    // paul_staging: a 2023 test account whose replies swear
    let r = scan_sample(
        d.path(),
        &Path::new(SAMPLES).join("bluesky-indigo/testing/testdata/paul_staging.repo.car"),
    );
    let (rule, kind, url, at, matched) = (
        r.column("rule_id"),
        r.column("record_kind"),
        r.column("url"),
        r.column("created_at"),
        r.column("match"),
    );
    let obscene: Vec<_> = r
        .findings
        .iter()
        .filter(|f| &f[rule] == "conduct.obscene")
        .collect();
    assert!(!obscene.is_empty(), "{:?}", r.findings);
    for f in &obscene {
        assert_eq!(&f[kind], "reply");
        assert!(
            f[url].starts_with("https://bsky.app/profile/did:plc:") && f[url].contains("/post/"),
            "{}",
            &f[url]
        );
        assert!(f[at].starts_with("2023-03-12T"), "{}", &f[at]);
        assert!(!f[matched].is_empty());
    }
    // bnewbold: months without a post are account findings on the post
    // after each gap
    let d2 = tempfile::tempdir().unwrap();
    let r = scan_sample(d2.path(), &Path::new(SAMPLES).join(BNEWBOLD));
    let rule = r.column("rule_id");
    let gaps = r
        .findings
        .iter()
        .filter(|f| &f[rule] == "account.posting-gap")
        .count();
    assert!(gaps >= 1, "{:?}", r.findings);
}

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn the_bnewbold_repository_gives_exactly_the_records_of_its_derived_list() {
    let root = Path::new(SAMPLES);
    let jsonl = std::fs::read_to_string(root.join(BNEWBOLD_RECORDS))
        .unwrap_or_else(|e| panic!("sample folder {SAMPLES} is missing: {e}"));
    // key → (kind, text) for the collections the reader turns into records.
    let mut expected = BTreeMap::new();
    let mut did = String::new();
    for line in jsonl.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        if let Some(d) = v["commit"]["did"].as_str() {
            did = d.to_string();
            continue;
        }
        let key = v["key"].as_str().unwrap().to_string();
        let rec = &v["record"];
        let kind = match key.split('/').next().unwrap() {
            "app.bsky.feed.post" if rec.get("reply").is_some() => RecordKind::Reply,
            "app.bsky.feed.post" => RecordKind::Post,
            "app.bsky.feed.repost" => RecordKind::Repost,
            "app.bsky.actor.profile" => RecordKind::Profile,
            _ => continue,
        };
        let text = rec["text"]
            .as_str()
            .or(rec["description"].as_str())
            .unwrap_or("")
            .to_string();
        expected.insert(key, (kind, text));
    }
    assert_eq!(expected.len(), 25, "23 posts, 1 repost, 1 profile");

    let recs = records_of(&root.join(BNEWBOLD));
    let got: BTreeMap<String, (RecordKind, String)> = recs
        .iter()
        .map(|r| {
            let text = r.field(Field::Text).or(r.field(Field::Bio)).unwrap_or("");
            (r.id.clone(), (r.kind, text.to_string()))
        })
        .collect();
    assert_eq!(got.len(), recs.len(), "one record per key");
    assert_eq!(got, expected);
    assert!(recs.iter().all(|r| r.account == did), "{did}");
    let posts = recs
        .iter()
        .filter(|r| matches!(r.kind, RecordKind::Post | RecordKind::Reply));
    for p in posts {
        let rkey = p.id.rsplit('/').next().unwrap();
        assert_eq!(p.url, format!("https://bsky.app/profile/{did}/post/{rkey}"));
        assert!(p.created_at.is_some(), "{}", p.id);
    }
}

/// 999 456 789 with its mod-11 check digit: a synthetic NHS number.
const NHS_NUMBER: &str = "999 456 7896";

#[test]
fn breaches_planted_in_a_repository_are_found_with_permalink_kind_and_time() {
    let did = car::DID;
    let other = "did:plc:otherperson00000000000001";
    let records = vec![
        (
            "app.bsky.feed.post/3lbreach0001a",
            car::post(
                &format!(
                    "Patient Jane Example, NHS no {NHS_NUMBER}, was admitted to Ward 7 last night"
                ),
                "2025-01-14T21:05:09.120Z",
            ),
        ),
        (
            "app.bsky.feed.post/3lbreach0002a",
            json!({
                "$type": "app.bsky.feed.post",
                "text": "Thank you for your kind words",
                "createdAt": "2025-01-15T08:00:00Z",
                "reply": {
                    "root": {"uri": format!("at://{other}/app.bsky.feed.post/3lroot"), "cid": "bafyreihadwovsgcllxyfq7n5qjt6mbsodskyt7wwnt3dtngpg5gwgbqylu"},
                    "parent": {"uri": format!("at://{other}/app.bsky.feed.post/3lroot"), "cid": "bafyreihadwovsgcllxyfq7n5qjt6mbsodskyt7wwnt3dtngpg5gwgbqylu"}
                },
                "embed": {"$type": "app.bsky.embed.images", "images": [{
                    "alt": format!("Discharge letter for NHS number {NHS_NUMBER}"),
                    "image": {"$type": "blob", "ref": {"$link": car::raw_cid(b"letter").to_string()}, "mimeType": "image/jpeg", "size": 6}
                }]}
            }),
        ),
        (
            "app.bsky.feed.post/3lclean0001a",
            car::post(
                "Flu clinics are open this Saturday, 9am to 1pm.",
                "2025-01-16T09:00:00Z",
            ),
        ),
    ];
    let d = tempfile::tempdir().unwrap();
    let input = d.path().join("repo.car");
    std::fs::write(&input, car::repo(did, &records)).unwrap();
    let r = scan(d.path(), &[&input], &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.cov_status("repo.car").as_deref(), Some("parsed"));

    let rule = r.column("rule_id");
    let nhs: Vec<_> = r
        .findings
        .iter()
        .filter(|f| &f[rule] == "patient.nhs-number")
        .collect();
    assert_eq!(nhs.len(), 2, "{:?}", r.findings);
    let col = |name: &str| r.column(name);
    let text = nhs
        .iter()
        .find(|f| &f[col("field")] == "text")
        .expect("the post's text");
    assert_eq!(&text[col("platform")], "bluesky");
    assert_eq!(&text[col("account")], did);
    assert_eq!(&text[col("record_kind")], "post");
    assert_eq!(&text[col("record_id")], "app.bsky.feed.post/3lbreach0001a");
    assert_eq!(&text[col("created_at")], "2025-01-14T21:05:09Z");
    assert_eq!(
        &text[col("url")],
        format!("https://bsky.app/profile/{did}/post/3lbreach0001a")
    );
    assert_eq!(&text[col("match")], NHS_NUMBER);

    let alt = nhs
        .iter()
        .find(|f| &f[col("field")] == "alt_text")
        .expect("the image's alt text");
    assert_eq!(&alt[col("record_kind")], "reply");
    assert_eq!(&alt[col("created_at")], "2025-01-15T08:00:00Z");
    assert_eq!(
        &alt[col("url")],
        format!("https://bsky.app/profile/{did}/post/3lbreach0002a")
    );
    let ids = r.values("record_id");
    assert!(
        !ids.iter().any(|i| i == "app.bsky.feed.post/3lclean0001a"),
        "{ids:?}"
    );
}

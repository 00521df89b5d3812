//! `--format sqlite`: the case file holds what the CSVs of the same run
//! hold, every text field of a record (alt text, profile fields) where its
//! full-text index finds it, runs accumulate and the "new since the
//! previous run" view lists what a later export added, a case file of the
//! first schema takes a new run, and thread counts do not change a table
//! (docs/OUTPUTS.md, "Case file").

use crate::common::*;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

const ZIP: &str = "fixtures/twitter-2024-11-16-northdale.zip";

fn scan_to(db: &Path, inputs: &[&Path], extra: &[&str]) -> (i32, String) {
    let mut cmd = bin();
    cmd.arg("scan").arg("--no-config").arg("--no-progress");
    for i in inputs {
        cmd.arg(i);
    }
    cmd.arg("-o").arg(db).args(extra);
    let o = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    (o.status.code().unwrap_or(-1), stderr)
}

fn count(db: &Connection, sql: &str) -> i64 {
    db.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Every row of `table` (without `run_id`), in insertion order, as text.
fn rows(db: &Connection, table: &str) -> Vec<Vec<String>> {
    let mut st = db
        .prepare(&format!("SELECT * FROM {table} ORDER BY rowid"))
        .unwrap();
    let n = st.column_count();
    let names: Vec<String> = st.column_names().iter().map(|s| s.to_string()).collect();
    st.query_map([], |r| {
        Ok((0..n)
            .filter(|i| names[*i] != "run_id")
            .map(|i| match r.get_ref(i).unwrap() {
                rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                rusqlite::types::ValueRef::Integer(x) => x.to_string(),
                v => format!("{v:?}"),
            })
            .collect())
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

#[test]
fn the_case_file_holds_what_the_csvs_of_the_same_run_hold() {
    let d = tempfile::tempdir().unwrap();
    let csv = scan(d.path(), &[Path::new(ZIP)], &[]);
    let db_path = d.path().join("case.sqlite");
    let (code, err) = scan_to(&db_path, &[Path::new(ZIP)], &[]);
    assert_eq!(code, 1, "{err}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&db_path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "case file is owner-only");
    }
    let db = Connection::open(&db_path).unwrap();
    assert_eq!(
        count(&db, "SELECT count(*) FROM findings") as usize,
        csv.findings.len()
    );
    assert_eq!(
        count(&db, "SELECT count(*) FROM coverage") as usize,
        csv.coverage.len()
    );
    // Same rows in the same order as the CSV, every contract column by name.
    let table = rows(&db, "findings");
    for (i, name) in csv.header.iter().enumerate() {
        let want: Vec<String> = csv.findings.iter().map(|r| r[i].to_string()).collect();
        let at = csv.header.iter().position(|h| h == name).unwrap();
        let got: Vec<String> = table.iter().map(|r| r[at].clone()).collect();
        // The CSV defangs formula-like cells; the database holds values.
        let want: Vec<String> = want
            .iter()
            .map(|w| w.strip_prefix('\'').unwrap_or(w).to_string())
            .collect();
        assert_eq!(got, want, "column {name}");
    }
    // Records: as many as coverage says were read, each searchable.
    let read: i64 = count(&db, "SELECT sum(records) FROM coverage");
    assert_eq!(count(&db, "SELECT count(*) FROM records"), read);
    let hit: String = db
        .query_row(
            "SELECT r.record_id FROM records_fts JOIN records r ON r.rowid = records_fts.rowid \
             WHERE records_fts MATCH '\"labour ward open day\"'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(hit, "1857000000000000006");
    // The run and its manifest; the views answer.
    assert_eq!(count(&db, "SELECT count(*) FROM runs"), 1);
    let json: String = db
        .query_row("SELECT manifest_json FROM runs", [], |r| r.get(0))
        .unwrap();
    let m: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(m["totals"]["findings"], csv.findings.len() as u64);
    assert_eq!(
        count(&db, "SELECT sum(findings) FROM findings_by_category") as usize,
        csv.findings.len()
    );
    let unread = csv.cov().iter().filter(|c| c.1 != "parsed").count();
    assert_eq!(
        count(&db, "SELECT count(*) FROM unread_content") as usize,
        unread
    );
    assert!(count(&db, "SELECT count(*) FROM findings_per_account_quarter") > 0);
    // One run: everything is new.
    assert_eq!(
        count(&db, "SELECT count(*) FROM new_since_previous_run") as usize,
        csv.findings.len()
    );
}

fn archive_with(dir: &Path, extra: Option<(&str, &str)>) -> PathBuf {
    let root = dir.join("twitter-2024-12-01-accumulate");
    let _ = std::fs::remove_dir_all(&root);
    let mut tweets = vec![
        ("1765000000000000001", "Our flu clinic is open 9am to 5pm."),
        (
            "1765000000000000002",
            "Patient John Example, NHS no 401 159 0835, was admitted to Ward 7.",
        ),
    ];
    tweets.extend(extra);
    let files = vec![
        (
            "data/manifest.js".to_string(),
            manifest_js(tweets.len()).into_bytes(),
        ),
        (
            "data/account.js".to_string(),
            account_js("comms@northdale.nhs.uk").into_bytes(),
        ),
        (
            "data/tweets.js".to_string(),
            tweets_js(&tweets).into_bytes(),
        ),
    ];
    write_folder(&root, &files);
    root
}

#[test]
fn a_second_scan_adds_a_run_and_the_new_finding_is_listed() {
    let d = tempfile::tempdir().unwrap();
    let db_path = d.path().join("case.sqlite");
    let input = archive_with(d.path(), None);
    let (code, err) = scan_to(&db_path, &[&input], &[]);
    assert_eq!(code, 1, "{err}");
    let first = {
        let db = Connection::open(&db_path).unwrap();
        count(&db, "SELECT count(*) FROM findings")
    };
    assert!(first > 0);
    let input = archive_with(
        d.path(),
        Some((
            "1765000000000000003",
            "Text Sarah on 07700 900123 if you want a lift to the event",
        )),
    );
    let (code, err) = scan_to(&db_path, &[&input], &[]);
    assert_eq!(code, 1, "{err}");
    let db = Connection::open(&db_path).unwrap();
    assert_eq!(count(&db, "SELECT count(*) FROM runs"), 2);
    assert_eq!(
        count(&db, "SELECT count(*) FROM findings WHERE run_id = 1"),
        first
    );
    assert_eq!(
        count(&db, "SELECT count(*) FROM findings WHERE run_id = 2"),
        first + 1
    );
    assert_eq!(
        count(&db, "SELECT count(*) FROM records WHERE run_id = 2"),
        count(&db, "SELECT count(*) FROM records WHERE run_id = 1") + 1
    );
    let new: Vec<(String, String)> = db
        .prepare("SELECT record_id, rule_id FROM new_since_previous_run")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        new,
        vec![(
            "1765000000000000003".to_string(),
            "personal.uk-phone".to_string()
        )]
    );
    // The full-text index holds both runs' records, each once.
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM records_fts WHERE records_fts MATCH 'flu'"
        ),
        2
    );
}

/// An X archive whose posts are split over three files of 700, so records
/// reach the case file in many batches from several threads.
fn many_posts(dir: &Path) -> PathBuf {
    let root = dir.join("twitter-2024-12-01-many");
    let mut files = vec![
        (
            "data/manifest.js".to_string(),
            manifest_js(2100).into_bytes(),
        ),
        (
            "data/account.js".to_string(),
            account_js("comms@northdale.nhs.uk").into_bytes(),
        ),
    ];
    for part in 0..3 {
        let tweets: Vec<(String, String)> = (0..700)
            .map(|i| {
                let id = format!("17650000000{part}{i:07}");
                let text = if i % 97 == 0 {
                    format!("Call Sarah on 07700 900{i:03} about the rota")
                } else {
                    format!("Clinic update {part}-{i}: open as usual")
                };
                (id, text)
            })
            .collect();
        let pairs: Vec<(&str, &str)> = tweets
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let js = tweets_js(&pairs).replace(
            "window.YTD.tweets.part0",
            &format!("window.YTD.tweets.part{part}"),
        );
        let name = if part == 0 {
            "data/tweets.js".to_string()
        } else {
            format!("data/tweets-part{part}.js")
        };
        files.push((name, js.into_bytes()));
    }
    write_folder(&root, &files);
    root
}

#[test]
fn thread_counts_give_the_same_tables() {
    let d = tempfile::tempdir().unwrap();
    let many = many_posts(d.path());
    let inputs = [Path::new(ZIP), many.as_path()];
    let tables = |threads: &str| {
        let db = d.path().join(format!("j{threads}.sqlite"));
        let (code, err) = scan_to(&db, &inputs, &["-j", threads]);
        assert_eq!(code, 1, "{err}");
        let db = Connection::open(&db).unwrap();
        ["findings", "coverage", "records"].map(|t| rows(&db, t))
    };
    let one = tables("1");
    assert!(one[2].len() > 2100, "{} records", one[2].len());
    for threads in ["2", "4"] {
        let other = tables(threads);
        for (i, table) in ["findings", "coverage", "records"].iter().enumerate() {
            assert!(!one[i].is_empty(), "{table} is empty");
            assert_eq!(
                one[i], other[i],
                "{table} differs between -j1 and -j{threads}"
            );
        }
    }
    // Records are in the order each file holds them.
    let db = Connection::open(d.path().join("j4.sqlite")).unwrap();
    let ids: Vec<String> = db
        .prepare(
            "SELECT record_id FROM records WHERE entry = 'data/tweets-part2.js' ORDER BY rowid",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(ids.len(), 700);
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "not in file order");
}

#[test]
fn a_file_that_is_not_a_case_file_is_refused_and_kept() {
    let d = tempfile::tempdir().unwrap();
    let db_path = d.path().join("case.sqlite");
    std::fs::write(&db_path, "finding_id,severity\n").unwrap();
    let (code, err) = scan_to(&db_path, &[Path::new(ZIP)], &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not a SQLite database"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&db_path).unwrap(),
        "finding_id,severity\n"
    );
    let left: Vec<_> = std::fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 1, "scratch files left: {left:?}");
    // Nor can the case file go to standard output.
    let o = bin()
        .args(["scan", "--no-config", ZIP, "--format", "sqlite", "-o", "-"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

/// A Mastodon archive: one post whose photo has alt text, and a profile
/// with a bio and a profile field.
fn mastodon_archive(dir: &Path) -> PathBuf {
    let root = dir.join("mastodon-archive");
    let actor = "https://social.example/users/northdale";
    let outbox = serde_json::json!({
        "id": "outbox.json",
        "type": "OrderedCollection",
        "orderedItems": [{
            "id": format!("{actor}/statuses/113060494542175979/activity"),
            "type": "Create",
            "actor": actor,
            "published": "2024-09-01T04:50:37Z",
            "to": ["https://www.w3.org/ns/activitystreams#Public"],
            "cc": [],
            "object": {
                "id": format!("{actor}/statuses/113060494542175979"),
                "type": "Note",
                "published": "2024-09-01T04:50:37Z",
                "url": "https://social.example/@northdale/113060494542175979",
                "attributedTo": actor,
                "to": ["https://www.w3.org/ns/activitystreams#Public"],
                "cc": [],
                "content": "<p>Our team today</p>",
                "attachment": [{
                    "type": "Document",
                    "mediaType": "image/jpeg",
                    "url": "/media_attachments/files/1/original/a.jpg",
                    "name": "Whiteboard behind the nurses lists the bay rota"
                }],
                "tag": []
            }
        }]
    });
    let profile = serde_json::json!({
        "id": actor,
        "type": "Person",
        "outbox": "outbox.json",
        "preferredUsername": "northdale",
        "name": "Northdale NHS Trust",
        "summary": "<p>Official account of Northdale NHS Trust.</p>",
        "attachment": [
            {"type": "PropertyValue", "name": "Switchboard", "value": "0191 496 0000"}
        ]
    });
    write_folder(
        &root,
        &[
            ("outbox.json".into(), outbox.to_string().into_bytes()),
            ("actor.json".into(), profile.to_string().into_bytes()),
        ],
    );
    root
}

#[test]
fn every_text_field_of_a_record_is_kept_and_searchable() {
    let d = tempfile::tempdir().unwrap();
    let input = mastodon_archive(d.path());
    let db_path = d.path().join("case.sqlite");
    let (code, err) = scan_to(&db_path, &[&input], &[]);
    assert!(matches!(code, 0 | 1), "{err}");
    let db = Connection::open(&db_path).unwrap();
    // The alt text is not the post's text, and full-text search finds it.
    let (kind, text, fields): (String, String, String) = db
        .query_row(
            "SELECT r.record_kind, r.text, r.fields FROM records_fts \
             JOIN records r ON r.rowid = records_fts.rowid \
             WHERE records_fts MATCH '\"bay rota\"'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((kind.as_str(), text.as_str()), ("post", "Our team today"));
    assert!(
        fields
            .lines()
            .any(|l| l == "alt_text: Whiteboard behind the nurses lists the bay rota"),
        "{fields}"
    );
    // The profile's fields, each on a line of its own.
    let fields: String = db
        .query_row(
            "SELECT fields FROM records WHERE record_kind = 'profile'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(fields.contains("0191 496 0000"), "{fields}");
    assert!(
        fields
            .lines()
            .all(|l| l.contains(": ") || l.starts_with("  ")),
        "{fields}"
    );
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM records_fts WHERE records_fts MATCH 'fields:switchboard OR fields:\"0191\"'"
        ),
        1
    );
}

#[test]
fn a_case_file_of_the_first_schema_takes_a_new_run_and_searches_its_old_records() {
    let d = tempfile::tempdir().unwrap();
    let db_path = d.path().join("case.sqlite");
    // What the first schema wrote: records without `fields`, the
    // full-text index over `text` only.
    {
        let db = Connection::open(&db_path).unwrap();
        db.execute_batch(
            "CREATE TABLE records (run_id INTEGER NOT NULL, archive TEXT NOT NULL, \
             entry TEXT NOT NULL, record_id TEXT NOT NULL, platform TEXT NOT NULL, \
             record_kind TEXT NOT NULL, created_at TEXT NOT NULL, url TEXT NOT NULL, \
             text TEXT NOT NULL);
             CREATE VIRTUAL TABLE records_fts USING fts5(text, content='records', content_rowid='rowid');
             INSERT INTO records VALUES (1, 'old.zip', 'data/tweets.js', '1', 'twitter', 'post', '', '', 'an old quarterly post');
             INSERT INTO records_fts(rowid, text) SELECT rowid, text FROM records;
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let (code, err) = scan_to(&db_path, &[Path::new(ZIP)], &[]);
    assert_eq!(code, 1, "{err}");
    let db = Connection::open(&db_path).unwrap();
    assert_eq!(count(&db, "PRAGMA user_version"), 2);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM records_fts WHERE records_fts MATCH '\"old quarterly\"'"
        ),
        1
    );
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM records_fts WHERE records_fts MATCH '\"labour ward open day\"'"
        ),
        1
    );
}

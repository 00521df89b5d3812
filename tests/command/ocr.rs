//! `--ocr`: the text in images goes through the rules like post text.
//! A ward whiteboard with a patient's bed, name and NHS number, drawn by
//! the test (tests/common/render.rs), is found inside an X archive, a
//! Facebook export, a WhatsApp zip, a Mastodon archive's attachment and a
//! Bluesky export's blob, reported on the image's own archive entry under
//! the post or message that attached it.
//!
//! Tests that run Tesseract are `ignored` with the reason where it (or
//! the DejaVu font the images are drawn in) is missing; under CI they run
//! and fail instead (build.rs, `has_tesseract`; .ci/run installs both).

use crate::common::render::{Background, FADED, INK, Picture, WARD_BOARD, font, ward_board};
use crate::common::*;
use serde_json::json;
use std::path::Path;

use crate::bluesky_car as car;

/// Under CI these tests run whether or not Tesseract is installed; say
/// plainly when it is not, rather than fail on a missing output file.
fn needs_tesseract() {
    let found = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .any(|d| d.join("tesseract").is_file() || d.join("tesseract.exe").is_file());
    assert!(
        found,
        "no tesseract on PATH: install Debian's tesseract-ocr (.ci/run does)"
    );
}

/// (rule_id, entry, record_kind, record_id, url, field, match) of every
/// finding on recognised text.
fn ocr_findings(r: &Run) -> Vec<[String; 7]> {
    let c = |n| r.column(n);
    r.findings
        .iter()
        .filter(|f| &f[c("field")] == "ocr_text")
        .map(|f| {
            [
                "rule_id",
                "entry",
                "record_kind",
                "record_id",
                "url",
                "field",
                "match",
            ]
            .map(|n| f[c(n)].to_string())
        })
        .collect()
}

fn has(rows: &[[String; 7]], rule: &str, matched: &str) -> bool {
    rows.iter().any(|r| r[0] == rule && r[6] == matched)
}

fn cov_detail(r: &Run, entry: &str) -> String {
    r.cov()
        .into_iter()
        .find(|c| c.0 == entry)
        .unwrap_or_else(|| panic!("no coverage row for {entry}"))
        .2
}

const X_IMAGE: &str = "data/tweets_media/1765000000000000011-Wb12Xy.jpg";
const X_BLANK: &str = "data/tweets_media/1765000000000000012-Bl34Nk.jpg";
const X_FAKE: &str = "data/tweets_media/1765000000000000012-list.jpg";

fn x_archive(dir: &Path) -> std::path::PathBuf {
    let zip = dir.join("twitter-2024-03-10-ward.zip");
    let board = {
        let f = font();
        let mut p = Picture::new(900, 600, Background::Whiteboard, 7);
        p.text(&f, WARD_BOARD, (80.0, 150.0), 56.0, 0.0, INK);
        p.jpeg(85)
    };
    write_zip(
        &zip,
        &[
            ("data/manifest.js".into(), manifest_js(2).into_bytes()),
            (
                "data/tweets.js".into(),
                tweets_js(&[
                    ("1765000000000000011", "Busy morning on the ward"),
                    ("1765000000000000012", "Our new noticeboard"),
                ])
                .into_bytes(),
            ),
            (X_IMAGE.into(), board),
            (
                X_BLANK.into(),
                Picture::new(900, 600, Background::Photo, 3).jpeg(85),
            ),
            // Text named like an image: never handed to Tesseract, which
            // would read it as a list of files to open.
            (X_FAKE.into(), b"/etc/hostname\n".to_vec()),
        ],
    );
    zip
}

#[test]
#[cfg_attr(
    not(has_tesseract),
    ignore = "needs tesseract-ocr and fonts-dejavu-core (apt-get install tesseract-ocr fonts-dejavu-core; .ci/run does)"
)]
fn a_whiteboard_photo_in_an_x_archive_gives_patient_findings_on_the_image_with_the_post_link() {
    needs_tesseract();
    let d = tempfile::tempdir().unwrap();
    let zip = x_archive(d.path());
    let manifest = d.path().join("run.json");
    let r = scan(
        d.path(),
        &[&zip],
        &["--ocr", "--manifest", manifest.to_str().unwrap()],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let rows = ocr_findings(&r);
    assert!(has(&rows, "patient.nhs-number", "999 000 0018"), "{rows:?}");
    assert!(
        has(&rows, "patient.name-clinical", "John Smithson"),
        "{rows:?}"
    );
    for row in &rows {
        assert_eq!(
            row[1..6],
            [
                X_IMAGE.to_string(),
                "media".into(),
                "1765000000000000011".into(),
                "https://x.com/NorthdaleNHS/status/1765000000000000011".into(),
                "ocr_text".into()
            ]
        );
    }
    let detail = cov_detail(&r, X_IMAGE);
    assert!(detail.starts_with("ocr: text found ("), "{detail}");
    assert_eq!(cov_detail(&r, X_BLANK), "ocr: no text");
    assert_eq!(
        cov_detail(&r, X_FAKE),
        "ocr: skipped (named as an image, but not a JPEG, PNG, GIF, TIFF, BMP or WebP file)"
    );
    assert!(r.stderr.contains("OCR (tesseract "), "{}", r.stderr);
    let m: serde_json::Value = serde_json::from_slice(&std::fs::read(&manifest).unwrap()).unwrap();
    let ocr = &m["ocr"];
    assert_eq!(ocr["engine"], "tesseract");
    assert!(
        ocr["version"]
            .as_str()
            .unwrap()
            .starts_with(char::is_numeric),
        "{ocr}"
    );
    assert_eq!(
        (
            &ocr["images"],
            &ocr["text_found"],
            &ocr["no_text"],
            &ocr["skipped"],
            &ocr["failed"]
        ),
        (&3.into(), &1.into(), &1.into(), &1.into(), &0.into())
    );

    // `ocr = true` in the settings file is --ocr.
    let cfg = d.path().join("settings.toml");
    std::fs::write(&cfg, "ocr = true\n").unwrap();
    let r = scan(d.path(), &[&zip], &["--config", cfg.to_str().unwrap()]);
    assert!(cov_detail(&r, X_IMAGE).starts_with("ocr: text found ("));

    // Images attached only to posts outside the date range are not read.
    let r = scan(d.path(), &[&zip], &["--ocr", "--since", "2025-01-01"]);
    assert!(ocr_findings(&r).is_empty());
    assert_eq!(
        cov_detail(&r, X_IMAGE),
        "ocr: skipped (listed only by records outside --since/--until)"
    );

    // Without --ocr nothing is read from the images and the manifest says
    // nothing about OCR.
    let r = scan(
        d.path(),
        &[&zip],
        &["--manifest", manifest.to_str().unwrap()],
    );
    assert!(ocr_findings(&r).is_empty());
    assert_eq!(cov_detail(&r, X_IMAGE), "");
    let m: serde_json::Value = serde_json::from_slice(&std::fs::read(&manifest).unwrap()).unwrap();
    assert!(m.get("ocr").is_none(), "{m}");
}

#[test]
#[cfg_attr(
    not(has_tesseract),
    ignore = "needs tesseract-ocr and fonts-dejavu-core (apt-get install tesseract-ocr fonts-dejavu-core; .ci/run does)"
)]
fn a_tilted_whiteboard_on_a_photo_in_a_facebook_post_is_read() {
    needs_tesseract();
    let d = tempfile::tempdir().unwrap();
    let fb = d.path().join("facebook-northdale-2024-03-08-abc");
    let uri = "posts/media/Wardphotos_abc/12345_n.png";
    write_folder(
        &fb,
        &[
            (
                "posts/your_posts_1.json".into(),
                format!(
                    r#"[{{"timestamp": 1709720100, "data": [{{"post": "Thank you to the team on Ward 7"}}],
                      "attachments": [{{"data": [{{"media": {{"uri": "{uri}", "creation_timestamp": 1709720000}}}}]}}]}}]"#
                )
                .into_bytes(),
            ),
            (uri.into(), ward_board(2.0, Background::Photo, INK)),
        ],
    );
    let r = scan(d.path(), &[&fb], &["--ocr"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let rows = ocr_findings(&r);
    assert!(has(&rows, "patient.nhs-number", "999 000 0018"), "{rows:?}");
    assert!(
        has(&rows, "patient.name-clinical", "John Smithson"),
        "{rows:?}"
    );
    // Reported under the post that attached the photo.
    assert!(
        rows.iter().all(|r| r[1] == uri && r[3] == "1709720100"),
        "{rows:?}"
    );
}

#[test]
#[cfg_attr(
    not(has_tesseract),
    ignore = "needs tesseract-ocr and fonts-dejavu-core (apt-get install tesseract-ocr fonts-dejavu-core; .ci/run does)"
)]
fn a_sideways_and_a_faded_photo_in_a_whatsapp_zip_are_read() {
    needs_tesseract();
    let d = tempfile::tempdir().unwrap();
    let zip = d.path().join("WhatsApp Chat - Ward 7.zip");
    let sideways = "00000002-PHOTO-2024-03-06-10-16-02.jpg";
    let faded = "00000003-PHOTO-2024-03-06-10-17-30.png";
    let turned = {
        let f = font();
        let mut p = Picture::new(900, 600, Background::Photo, 11);
        p.text(&f, WARD_BOARD, (80.0, 150.0), 56.0, 0.0, INK);
        p.turn90().jpeg(85)
    };
    write_zip(
        &zip,
        &[
            (
                "_chat.txt".into(),
                format!(
                    "[06/03/2024, 10:15:00] Ward Sister: handover board below\n\
                     [06/03/2024, 10:16:02] Dave: \u{200e}<attached: {sideways}>\n\
                     [06/03/2024, 10:17:30] Dave: \u{200e}<attached: {faded}>\n"
                )
                .into_bytes(),
            ),
            (sideways.into(), turned),
            (faded.into(), ward_board(0.0, Background::Whiteboard, FADED)),
        ],
    );
    let r = scan(d.path(), &[&zip], &["--ocr"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let rows = ocr_findings(&r);
    for (entry, line) in [(sideways, "2"), (faded, "3")] {
        let on: Vec<_> = rows.iter().filter(|r| r[1] == entry).cloned().collect();
        assert!(
            has(&on, "patient.nhs-number", "999 000 0018"),
            "{entry}: {rows:?}"
        );
        assert!(
            has(&on, "patient.name-clinical", "John Smithson"),
            "{entry}: {rows:?}"
        );
        // The message line that attached the photo.
        assert!(on.iter().all(|r| r[3] == line), "{entry}: {on:?}");
    }
}

#[test]
#[cfg_attr(
    not(has_tesseract),
    ignore = "needs tesseract-ocr and fonts-dejavu-core (apt-get install tesseract-ocr fonts-dejavu-core; .ci/run does)"
)]
fn a_whiteboard_in_a_mastodon_attachment_and_a_bluesky_blob_is_read() {
    needs_tesseract();
    let d = tempfile::tempdir().unwrap();
    let board = ward_board(0.0, Background::Whiteboard, INK);

    // Mastodon: the image is an attachment of a public post.
    let masto = d.path().join("mastodon-archive");
    let actor = "https://mastodon.example/users/northdale";
    let file = "media_attachments/files/113/100/000/000/000/009/original/b9.png";
    let outbox = json!({
        "@context": "https://www.w3.org/ns/activitystreams", "id": "outbox.json",
        "type": "OrderedCollection", "totalItems": 1,
        "orderedItems": [{
            "id": format!("{actor}/statuses/113100000000000009/activity"), "type": "Create",
            "actor": actor, "published": "2024-10-02T09:15:00Z",
            "to": ["https://www.w3.org/ns/activitystreams#Public"], "cc": [],
            "object": {
                "id": format!("{actor}/statuses/113100000000000009"), "type": "Note",
                "summary": null, "inReplyTo": null, "published": "2024-10-02T09:15:00Z",
                "url": "https://mastodon.example/@northdale/113100000000000009",
                "attributedTo": actor, "to": ["https://www.w3.org/ns/activitystreams#Public"],
                "cc": [], "sensitive": false, "content": "<p>Our ward today</p>",
                "attachment": [{"type": "Document", "mediaType": "image/png",
                                "url": format!("/{file}"), "name": null}],
                "tag": []
            }
        }]
    });
    let actor_json = json!({"id": actor, "type": "Person", "preferredUsername": "northdale",
        "name": "Northdale NHS", "outbox": "outbox.json", "url": "https://mastodon.example/@northdale"});
    write_folder(
        &masto,
        &[
            ("outbox.json".into(), outbox.to_string().into_bytes()),
            ("actor.json".into(), actor_json.to_string().into_bytes()),
            (file.into(), board.clone()),
        ],
    );

    // Bluesky: the image is a blob of a post, fetched beside repo.car.
    let sky = d.path().join("bluesky-export");
    let cid = car::raw_cid(&board);
    let post = json!({
        "$type": "app.bsky.feed.post", "text": "Our ward today", "createdAt": "2024-10-05T09:00:00Z",
        "embed": {"$type": "app.bsky.embed.images", "images": [{"alt": "", "image": {
            "$type": "blob", "ref": {"$link": cid.to_string()}, "mimeType": "image/png", "size": board.len()}}]}
    });
    let blob = format!("blobs/{cid}");
    write_folder(
        &sky,
        &[
            (
                "repo.car".into(),
                car::repo(car::DID, &[("app.bsky.feed.post/3kccccccccc2a", post)]),
            ),
            (blob.clone(), board),
        ],
    );

    let r = scan(d.path(), &[&masto, &sky], &["--ocr"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let rows = ocr_findings(&r);
    for (entry, platform_url) in [
        (
            file,
            "https://mastodon.example/@northdale/113100000000000009",
        ),
        (
            blob.as_str(),
            "https://bsky.app/profile/did:plc:northdaletrust0000000001/post/3kccccccccc2a",
        ),
    ] {
        let here: Vec<_> = rows.iter().filter(|r| r[1] == entry).cloned().collect();
        assert!(
            has(&here, "patient.nhs-number", "999 000 0018"),
            "{entry}: {rows:?}"
        );
        assert!(
            here.iter().all(|r| r[4] == platform_url),
            "{entry}: reported under the post that attached it: {here:?}"
        );
        let detail = cov_detail(&r, entry);
        assert!(detail.starts_with("ocr: text found ("), "{entry}: {detail}");
    }
}

#[test]
#[cfg_attr(
    not(has_tesseract),
    ignore = "needs tesseract-ocr and fonts-dejavu-core (apt-get install tesseract-ocr fonts-dejavu-core; .ci/run does)"
)]
fn ocr_findings_and_coverage_are_the_same_with_one_or_two_threads() {
    needs_tesseract();
    let d = tempfile::tempdir().unwrap();
    let zip = x_archive(d.path());
    let read = |threads: &str| {
        let r = scan(d.path(), &[&zip], &["--ocr", "-j", threads]);
        let findings = std::fs::read(&r.findings_path).unwrap();
        let coverage = std::fs::read(d.path().join("coverage.csv")).unwrap();
        (findings, coverage)
    };
    let one = read("1");
    assert_eq!(one, read("2"));
    assert!(String::from_utf8_lossy(&one.0).contains("ocr_text"));
}

#[test]
#[cfg_attr(
    not(has_tesseract),
    ignore = "needs tesseract-ocr and fonts-dejavu-core (apt-get install tesseract-ocr fonts-dejavu-core; .ci/run does)"
)]
fn an_image_tesseract_cannot_decode_fails_its_row_and_the_run_exits_3() {
    needs_tesseract();
    let d = tempfile::tempdir().unwrap();
    let whole = Picture::new(900, 600, Background::Whiteboard, 1).jpeg(85);
    // Every header (the size is readable), no image data.
    let sos = whole.windows(2).position(|w| w == [0xFF, 0xDA]).unwrap();
    let broken = "data/tweets_media/1765000000000000013-Br0k3n.jpg";
    let zip = d.path().join("twitter-2024-03-10-broken.zip");
    write_zip(
        &zip,
        &[
            ("data/manifest.js".into(), manifest_js(0).into_bytes()),
            (broken.into(), whole[..sos].to_vec()),
        ],
    );
    let r = scan(d.path(), &[&zip], &["--ocr"]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert_eq!(r.cov_status(broken).as_deref(), Some("failed"));
    // The reader's own warning first, then what OCR made of it.
    let detail = cov_detail(&r, broken);
    assert!(
        detail.ends_with(
            "EXIF unreadable: Broken JPEG file; \
             ocr: failed (tesseract exit status: 1: Error in pixReadMem: jpeg: no pix returned)"
        ),
        "{detail}"
    );
    assert!(
        r.stderr.lines().any(|l| l
            .starts_with(&format!("error: twitter-2024-03-10-broken.zip: {broken}: "))
            && l.contains("ocr: failed (")),
        "{}",
        r.stderr
    );
}

/// Needs no Tesseract: it is about not having one.
#[test]
fn without_tesseract_on_path_ocr_says_what_to_install_and_exits_2_before_scanning() {
    let d = tempfile::tempdir().unwrap();
    let zip = d.path().join("twitter-2024-03-10-standard.zip");
    write_zip(&zip, &standard_files());
    let empty = d.path().join("empty-path");
    std::fs::create_dir(&empty).unwrap();
    let out = d.path().join("findings.csv");
    let o = bin()
        .env("PATH", &empty)
        .args([
            "scan",
            zip.to_str().unwrap(),
            "--ocr",
            "--no-progress",
            "-o",
        ])
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("Tesseract"), "{stderr}");
    assert!(stderr.contains("apt-get install tesseract-ocr"), "{stderr}");
    assert!(!out.exists(), "nothing is written before the check");
    assert!(!stderr.contains("Scanned"), "{stderr}");
}

#[test]
#[cfg_attr(
    not(has_tesseract),
    ignore = "needs tesseract-ocr and fonts-dejavu-core (apt-get install tesseract-ocr fonts-dejavu-core; .ci/run does)"
)]
fn the_case_file_keeps_the_text_read_from_an_image_where_full_text_search_finds_it() {
    needs_tesseract();
    let d = tempfile::tempdir().unwrap();
    let zip = x_archive(d.path());
    let db_path = d.path().join("case.sqlite");
    let o = bin()
        .args(["scan", "--no-config", "--no-progress", "--ocr"])
        .arg(&zip)
        .arg("-o")
        .arg(&db_path)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let db = rusqlite::Connection::open(&db_path).unwrap();
    let (kind, id, text): (String, String, String) = db
        .query_row(
            "SELECT r.record_kind, r.record_id, r.text FROM records_fts \
             JOIN records r ON r.rowid = records_fts.rowid \
             WHERE records_fts MATCH '\"John Smithson\"'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (kind.as_str(), id.as_str()),
        ("media", "1765000000000000011")
    );
    assert!(text.contains("999 000 0018"), "{text}");
    // One row for the text read, on the image's own entry (beside the
    // row the X reader made for the media file).
    let n: i64 = db
        .query_row(
            "SELECT count(*) FROM records WHERE entry = ?1 AND text LIKE '%Smithson%'",
            [X_IMAGE],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 1);
}

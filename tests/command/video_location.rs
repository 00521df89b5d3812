//! A clip filmed at a patient's home carries the place in its metadata:
//! MP4 and QuickTime files in any archive are read for it (the media pass,
//! docs/ARCHITECTURE.md), and the location rule reports it on the video's
//! own archive entry, under the post or message that attached it. Clips
//! are built byte by byte (tests/common/video.rs).

use crate::common::video::{Place, android_mp4, clip, iphone_mov};
use crate::common::*;

/// Somewhere in a residential street, not one of the organisation's sites.
const HOME: &str = "+54.9069-001.3838+012.000/";

/// The findings of one rule as (entry, record_kind, record_id, url, field, detail).
fn rule_rows(r: &Run, rule: &str) -> Vec<[String; 6]> {
    let c = |n| r.column(n);
    r.findings
        .iter()
        .filter(|f| &f[c("rule_id")] == rule)
        .map(|f| {
            [
                "entry",
                "record_kind",
                "record_id",
                "url",
                "field",
                "detail",
            ]
            .map(|n| f[c(n)].to_string())
        })
        .collect()
}

fn cov_detail(r: &Run, entry: &str) -> String {
    r.cov()
        .into_iter()
        .find(|c| c.0 == entry)
        .unwrap_or_else(|| panic!("no coverage row for {entry}"))
        .2
}

#[test]
fn x_videos_with_moov_first_or_last_give_a_location_finding_with_the_post_permalink() {
    let d = tempfile::tempdir().unwrap();
    let zip = d.path().join("twitter-2024-03-10-clips.zip");
    let android = "data/tweets_media/1765000000000000005-Ab12Cd.mp4";
    let iphone = "data/tweets_media/1765000000000000006-Ef34Gh.mov";
    write_zip(
        &zip,
        &[
            ("data/manifest.js".into(), manifest_js(2).into_bytes()),
            (
                "data/tweets.js".into(),
                tweets_js(&[
                    ("1765000000000000005", "A quick visit today"),
                    ("1765000000000000006", "Out and about with the team"),
                ])
                .into_bytes(),
            ),
            (android.into(), android_mp4(HOME)),
            // Deflated in the zip and moov after the media data: the
            // walker has to read through it, which it does.
            (iphone.into(), iphone_mov("+51.5072-000.1276+015.000/")),
        ],
    );
    let r = scan(d.path(), &[&zip], &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let rows = rule_rows(&r, "location.exif-gps");
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(
        rows[0][..5],
        [
            android.to_string(),
            "media".into(),
            "1765000000000000005".into(),
            "https://x.com/NorthdaleNHS/status/1765000000000000005".into(),
            "exif".into()
        ]
    );
    assert!(
        rows[0][5].starts_with("GPS in video metadata 54.907,-1.384"),
        "{}",
        rows[0][5]
    );
    assert_eq!(rows[1][0], iphone);
    assert_eq!(
        rows[1][3],
        "https://x.com/NorthdaleNHS/status/1765000000000000006"
    );
    assert!(rows[1][5].contains("51.507,-0.128"), "{}", rows[1][5]);
    assert_eq!(
        cov_detail(&r, android),
        "video location found (moov/udta/©xyz)"
    );
    assert_eq!(
        cov_detail(&r, iphone),
        "video location found (moov/meta com.apple.quicktime.location.ISO6709)"
    );
}

#[test]
fn a_whatsapp_clip_is_reported_on_the_message_that_attached_it() {
    let d = tempfile::tempdir().unwrap();
    let zip = d.path().join("WhatsApp Chat - Ward 7.zip");
    let name = "00000002-VIDEO-2024-03-06-10-16-02.mov";
    write_zip_with(
        &zip,
        &[
            (
                "_chat.txt".into(),
                format!(
                    "[06/03/2024, 10:15:00] Ward Sister: morning all\n\
                     [06/03/2024, 10:16:02] Dave: \u{200e}<attached: {name}>\n"
                )
                .into_bytes(),
            ),
            // Stored, as phones zip media: moov is reached by seeking.
            (
                name.into(),
                clip(b"qt  ", Place::AppleKeys(HOME), 2 << 20, true),
            ),
        ],
        zip::CompressionMethod::Stored,
    );
    let r = scan(d.path(), &[&zip], &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let rows = rule_rows(&r, "location.exif-gps");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0][..3], [name.to_string(), "media".into(), "2".into()]);
}

#[test]
fn a_facebook_post_video_is_reported_under_the_post() {
    let d = tempfile::tempdir().unwrap();
    let fb = d.path().join("facebook-northdale-2024-03-08-abc");
    let uri = "posts/media/Videos_abc/10000000_n.mp4";
    write_folder(
        &fb,
        &[
            (
                "posts/your_posts_1.json".into(),
                format!(
                    r#"[{{"timestamp": 1709720100, "data": [{{"post": "Home visit round"}}],
                      "attachments": [{{"data": [{{"media": {{"uri": "{uri}", "creation_timestamp": 1709720000}}}}]}}]}}]"#
                )
                .into_bytes(),
            ),
            (uri.into(), android_mp4(HOME)),
        ],
    );
    let r = scan(d.path(), &[&fb], &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let rows = rule_rows(&r, "location.exif-gps");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(
        rows[0][..3],
        [uri.to_string(), "media".into(), "1709720100".into()]
    );
}

#[test]
fn truncated_garbage_and_unread_videos_are_coverage_warnings_not_failures() {
    let d = tempfile::tempdir().unwrap();
    let zip = d.path().join("twitter-2024-03-10-broken.zip");
    let whole = clip(b"isom", Place::UserData(HOME), 10_000, true);
    let cut = "data/tweets_media/1765000000000000007-cut.mp4";
    let junk = "data/tweets_media/1765000000000000008-junk.mp4";
    let webm = "data/tweets_media/1765000000000000009-clip.webm";
    let none = "data/tweets_media/1765000000000000010-none.mp4";
    write_zip(
        &zip,
        &[
            ("data/manifest.js".into(), manifest_js(0).into_bytes()),
            (cut.into(), whole[..whole.len() - 100].to_vec()),
            (junk.into(), b"<html>not a video</html>".to_vec()),
            (
                webm.into(),
                b"\x1A\x45\xDF\xA3\x9F\x42\x86\x81\x01".to_vec(),
            ),
            (none.into(), clip(b"isom", Place::Nowhere, 1000, false)),
        ],
    );
    let r = scan(d.path(), &[&zip], &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(rule_rows(&r, "location.exif-gps").is_empty());
    assert_eq!(r.cov_status(cut).as_deref(), Some("parsed"));
    assert_eq!(
        cov_detail(&r, cut),
        "video metadata unreadable: the file ends inside a box (truncated)"
    );
    assert_eq!(
        cov_detail(&r, junk),
        "video metadata unreadable: not an MP4 or QuickTime file"
    );
    assert!(cov_detail(&r, webm).starts_with("video location: not read (Matroska/WebM"));
    // Read, and no place in it: nothing to say.
    assert_eq!(cov_detail(&r, none), "");
}

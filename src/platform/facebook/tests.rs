//! Facebook reader tests (JSON and HTML generations, mojibake, the E2EE
//! Messenger download, media EXIF) and the sweep over the real samples.
//!
//! Longer than 600 lines on purpose: each test writes its export tree
//! inline beside its assertions, so input and expected records read
//! together; split by generation if it grows further.

use crate::platform::Disposition;
use crate::platform::meta::json;
use crate::platform::meta::mojibake::{fix, repair};
use crate::platform::meta::records::{parse_coords, timestamp};
use crate::platform::meta::testing::{sample_dirs, scan, write_tree};
use crate::record::RecordKind;
use crate::vocab::Field;
use serde_json::json;

// ---------- mojibake ----------

#[test]
fn mojibake_is_repaired_and_clean_text_untouched() {
    assert_eq!(repair("Ã©"), Some("é".into()));
    assert_eq!(repair("caf\u{c3}\u{a9}"), Some("café".into()));
    assert_eq!(repair("ð\u{9f}\u{98}\u{80}"), Some("😀".into()));
    assert_eq!(repair("don\u{e2}\u{80}\u{99}t"), Some("don’t".into()));
    // Clean text: ASCII, real Latin-1 letters that are not UTF-8 bytes,
    // anything above U+00FF.
    assert_eq!(repair("plain ASCII"), None);
    assert_eq!(repair("café"), None);
    assert_eq!(repair("Zürich Straße"), None);
    assert_eq!(repair("😀 don’t"), None);
    assert_eq!(repair("Łódź"), None);
    // Idempotent.
    assert_eq!(fix(&fix("Ã©")), "é");
    assert_eq!(fix("café"), "café");
}

#[test]
fn mojibake_repair_reaches_keys_and_nested_values() {
    let mut v: serde_json::Value =
        serde_json::from_str(r#"{"Ustawienia j\u00c4\u0099zyka": ["s\u00c3\u00b8dt", {"x": "\u00f0\u009f\u0091\u008d"}]}"#)
            .unwrap();
    crate::platform::meta::mojibake::repair_value(&mut v);
    assert_eq!(v, json!({"Ustawienia języka": ["sødt", {"x": "👍"}]}));
}

// ---------- timestamps ----------

#[test]
fn timestamps_in_seconds_and_milliseconds() {
    let s = timestamp(&json!(1354805114), false).unwrap();
    assert_eq!(s.as_second(), 1354805114);
    let ms = timestamp(&json!(1644488054912_i64), false).unwrap();
    assert_eq!(ms.as_millisecond(), 1644488054912);
    // `timestamp_ms` forces milliseconds even for small values.
    assert_eq!(
        timestamp(&json!(1_000_000), true).unwrap().as_millisecond(),
        1_000_000
    );
    assert_eq!(
        timestamp(&json!("1354805114"), false).unwrap().as_second(),
        1354805114
    );
    // Meta's "unknown" taken time and zero are no time.
    assert_eq!(timestamp(&json!(-62169958800_i64), false), None);
    assert_eq!(timestamp(&json!(0), false), None);
    assert_eq!(timestamp(&json!("soon"), false), None);
}

#[test]
fn check_in_coordinates_string() {
    assert_eq!(
        parse_coords("(38.5758 , -121.4804)"),
        Some((38.5758, -121.4804))
    );
    assert_eq!(parse_coords("nowhere"), None);
    assert_eq!(parse_coords("(91, 0)"), None);
}

#[test]
fn sniff_sees_keys_of_objects_and_first_elements() {
    let s =
        json::sniff(br#"[ {"timestamp": 1, "data": [{"post": "a \" } ["}], "attachments"#).unwrap();
    assert!(s.array && s.top("timestamp") && s.top("data") && !s.top("post"));
    assert!(s.has("post"));
    let s = json::sniff(b"\xEF\xBB\xBF{\"comments_v2\": [").unwrap();
    assert!(!s.array && s.top("comments_v2"));
    assert_eq!(json::sniff(b"<html>"), None);
}

#[test]
fn parse_errors_name_the_byte() {
    let e = json::parse(b"[{\"a\": 1}, {\"b\": ")
        .unwrap_err()
        .to_string();
    assert!(e.contains("ends early at byte"), "{e}");
    let e = json::parse(b"{\"a\": 1 x}").unwrap_err().to_string();
    assert!(e.contains("invalid JSON at byte 8"), "{e}");
    let e = json::parse(b"{\"a\": \"\xFF\"}").unwrap_err().to_string();
    assert!(e.contains("not UTF-8") && e.contains("offset 7"), "{e}");
}

// ---------- layouts ----------

const POSTS_2020: &str = r#"[
  {"timestamp": 1354805114,
   "attachments": [{"data": [
      {"media": {"uri": "posts/media/Mobiloverforsler_uqsXWfBGvQ/28055_n.jpg", "creation_timestamp": 1354805114,
        "media_metadata": {"photo_metadata": {"exif_data": [{"upload_ip": "192.0.2.7", "latitude": 53.8, "longitude": -1.55}]}},
        "title": "Mobiloverf\u00c3\u00b8rsler", "description": "Sne sne!"}},
      {"place": {"name": "St James's Hospital", "coordinate": {"latitude": 53.806, "longitude": -1.52}, "address": "Beckett St, Leeds"}},
      {"external_context": {"url": "https://example.org/flu"}}
   ]}],
   "data": [{"post": "Flu clinic today \u00f0\u009f\u0098\u0080 caf\u00c3\u00a9 open"}],
   "title": "Northdale NHS updated their status."},
  {"timestamp": 1331324505, "data": [{"update_timestamp": 1331324505}]}
]"#;

const COMMENTS_2020: &str = r#"{"comments_v2": [
  {"timestamp": 1239798000, "data": [{"comment": {"timestamp": 1239798000, "comment": "Thanks Ward 7 \u00e2\u0080\u0094 great care", "author": "Northdale NHS"}}],
   "title": "Northdale NHS commented on a post."}]}"#;

const PROFILE_2020: &str = r#"{"profile_v2": {"name": {"full_name": "Northdale NHS"},
  "emails": {"emails": ["comms.example@gmail.com"]}, "phone_numbers": [{"phone_number": "+44 113 000 0000"}],
  "current_city": {"name": "Leeds"}, "websites": [{"address": "https://northdale.example.nhs.uk"}],
  "registration_timestamp": 1238000000, "profile_uri": "https://www.facebook.com/northdale"}}"#;

const THREAD: &str = r#"{"participants": [{"name": "Northdale NHS"}, {"name": "J\u00c3\u00b8rgen"}],
  "messages": [
    {"sender_name": "J\u00c3\u00b8rgen", "timestamp_ms": 1636480850235, "content": "Tak \u00f0\u009f\u0091\u008d", "type": "Generic"},
    {"sender_name": "Northdale NHS", "timestamp_ms": 1636480800000, "share": {"link": "https://example.org/a"},
     "photos": [{"uri": "messages/inbox/jorgen_abc123/photos/1.jpg", "creation_timestamp": 1}]}
  ], "title": "J\u00c3\u00b8rgen", "thread_path": "inbox/jorgen_abc123"}"#;

#[test]
fn layout_2020_posts_comments_profile_messages() {
    let d = tempfile::tempdir().unwrap();
    let root = "facebook-northdale-2024-01-01-abc";
    write_tree(
        d.path(),
        &[
            (
                &format!("{root}/posts/your_posts_1.json"),
                POSTS_2020.as_bytes(),
            ),
            (
                &format!("{root}/comments_and_reactions/comments.json"),
                COMMENTS_2020.as_bytes(),
            ),
            (
                &format!("{root}/comments_and_reactions/posts_and_comments.json"),
                b"{\"reactions_v2\": []}",
            ),
            (
                &format!("{root}/profile_information/profile_information.json"),
                PROFILE_2020.as_bytes(),
            ),
            (
                &format!("{root}/messages/inbox/jorgen_abc123/message_1.json"),
                THREAD.as_bytes(),
            ),
            (
                &format!("{root}/messages/inbox/jorgen_abc123/message_2.json"),
                THREAD.as_bytes(),
            ),
            (
                &format!("{root}/messages/inbox/jorgen_abc123/photos/1.jpg"),
                b"\xFF\xD8\xFF\xD9",
            ),
            (
                &format!("{root}/posts/media/Mobiloverforsler_uqsXWfBGvQ/28055_n.jpg"),
                b"\xFF\xD8\xFF\xD9",
            ),
            (
                &format!("{root}/friends_and_followers/friends.json"),
                b"{\"friends_v2\": []}",
            ),
            (&format!("{root}/ads_information/advertisers.json"), b"{}"),
        ],
    );
    let s = scan(d.path()).unwrap();
    assert_eq!(s.platform, crate::record::Platform::Facebook);
    assert_eq!(s.account, "Northdale NHS");
    assert!(s.layout.contains("2020–2022"), "{}", s.layout);
    assert!(s.failures().is_empty(), "{:?}", s.failures());

    let posts = s.of("your_posts_1.json");
    let post = posts
        .iter()
        .find(|r| r.kind == RecordKind::Post && r.id == "1354805114")
        .unwrap();
    assert_eq!(
        post.field(Field::Text),
        Some("Flu clinic today 😀 café open")
    );
    assert_eq!(
        post.field(Field::Title),
        Some("Northdale NHS updated their status.")
    );
    assert_eq!(post.field(Field::Link), Some("https://example.org/flu"));
    assert_eq!(
        post.field(Field::Location),
        Some("St James's Hospital, Beckett St, Leeds")
    );
    assert_eq!(post.created_at.unwrap().as_second(), 1354805114);
    let geo = &post.locations[0];
    assert_eq!(
        (geo.field, geo.lat, geo.lon),
        (Field::Geo, Some(53.806), Some(-1.52))
    );
    assert_eq!(
        post.media,
        [format!(
            "{root}/posts/media/Mobiloverforsler_uqsXWfBGvQ/28055_n.jpg"
        )]
    );
    let media = posts.iter().find(|r| r.kind == RecordKind::Media).unwrap();
    assert_eq!(media.field(Field::Title), Some("Mobiloverførsler"));
    assert_eq!(media.field(Field::UploadIp), Some("192.0.2.7"));
    assert_eq!(media.field(Field::MediaName), Some("28055_n.jpg"));
    assert_eq!(media.locations[0].field, Field::Exif);
    assert_eq!(media.locations[0].lat, Some(53.8));
    // The post with no text is still a record (a share or update).
    assert!(posts.iter().any(|r| r.id == "1331324505"));

    let c = s.of("comments.json");
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].kind, RecordKind::Comment);
    assert_eq!(c[0].id, "1239798000");
    assert_eq!(c[0].field(Field::Text), Some("Thanks Ward 7 — great care"));

    let p = s.of("profile_information.json");
    let profile = p.iter().find(|r| r.kind == RecordKind::Profile).unwrap();
    assert_eq!(profile.id, "Northdale NHS");
    assert_eq!(profile.field(Field::Location), Some("Leeds"));
    assert_eq!(
        profile.field(Field::Website),
        Some("https://northdale.example.nhs.uk")
    );
    assert_eq!(profile.url, "https://www.facebook.com/northdale");
    let account = p.iter().find(|r| r.kind == RecordKind::Account).unwrap();
    assert_eq!(account.field(Field::Email), Some("comms.example@gmail.com"));
    assert_eq!(account.field(Field::Phone), Some("+44 113 000 0000"));

    // Several message_N files of one thread are all read.
    assert_eq!(s.of("message_1.json").len(), 2);
    assert_eq!(s.of("message_2.json").len(), 2);
    let dm = s.of("message_1.json");
    assert_eq!(dm[0].kind, RecordKind::Dm);
    assert_eq!(dm[0].id, "1636480850235");
    assert_eq!(dm[0].field(Field::Text), Some("Tak 👍"));
    assert_eq!(dm[0].created_at.unwrap().as_millisecond(), 1636480850235);
    assert_eq!(dm[1].field(Field::Link), Some("https://example.org/a"));
    assert_eq!(
        dm[1].media,
        [format!("{root}/messages/inbox/jorgen_abc123/photos/1.jpg")]
    );

    assert!(matches!(
        s.disposition("friends.json"),
        Disposition::Skipped(_)
    ));
    assert!(matches!(
        s.disposition("advertisers.json"),
        Disposition::Skipped(_)
    ));
    assert_eq!(
        s.disposition("posts/media/Mobiloverforsler_uqsXWfBGvQ/28055_n.jpg"),
        &Disposition::Parse
    );
}

#[test]
fn layout_2018_status_updates_and_flat_album_metadata() {
    let d = tempfile::tempdir().unwrap();
    write_tree(
        d.path(),
        &[
            (
                "posts/your_posts.json",
                br#"{"status_updates": [{"timestamp": 1520000000, "data": [{"post": "Old-style post"}], "tags": ["Jane"]}]}"#,
            ),
            (
                "photos_and_videos/album/0.json",
                br#"{"name": "Open day", "description": "Our new ward", "last_modified_timestamp": 1523468293,
                  "photos": [{"uri": "photos_and_videos/OpenDay_1/1.jpg", "creation_timestamp": 1437454657,
                    "media_metadata": {"photo_metadata": {"latitude": 29.925, "longitude": -90.088, "upload_ip": "198.51.100.1", "taken_timestamp": -62169958800}},
                    "comments": [{"timestamp": 1437454700, "comment": "Lovely!", "author": "Jane"}]}]}"#,
            ),
        ],
    );
    let s = scan(d.path()).unwrap();
    assert_eq!(s.platform, crate::record::Platform::Facebook);
    assert!(s.layout.contains("2018–2020"), "{}", s.layout);
    let p = s.of("your_posts.json");
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].field(Field::Text), Some("Old-style post"));
    assert_eq!(p[0].mentions, ["Jane"]);
    let album = s.of("album/0.json");
    let a = album
        .iter()
        .find(|r| {
            r.field(Field::Title) == Some("Open day")
                && r.field(Field::Text) == Some("Our new ward")
        })
        .unwrap();
    assert_eq!(a.kind, RecordKind::Media);
    let photo = album.iter().find(|r| !r.locations.is_empty()).unwrap();
    assert_eq!(photo.locations[0].lat, Some(29.925));
    assert_eq!(photo.field(Field::UploadIp), Some("198.51.100.1"));
    assert_eq!(photo.created_at.unwrap().as_second(), 1437454657);
    let comment = album
        .iter()
        .find(|r| r.kind == RecordKind::Comment)
        .unwrap();
    assert_eq!(comment.field(Field::Text), Some("Lovely!"));
}

#[test]
fn layout_2024_and_page_exports_with_check_ins() {
    for top in [
        "your_facebook_activity",
        "this_profile's_activity_across_facebook",
        "your_activity_across_facebook",
    ] {
        let d = tempfile::tempdir().unwrap();
        let posts_name = if top.starts_with("this_profile") {
            "profile_posts_1.json"
        } else {
            "your_posts__check_ins__photos_and_videos_1.json"
        };
        write_tree(
            d.path(),
            &[
                (&format!("{top}/posts/{posts_name}"), POSTS_2020.as_bytes()),
                (
                    &format!("{top}/posts/check-ins.json"),
                    br#"{"timestamp": 1700000000, "fbid": "1", "media": [], "label_values": [
                        {"label": "Message", "value": "At the clinic"},
                        {"label": "Place tags", "dict": [{"label": "Coordinates", "value": "(38.5758 , -121.4804)"}, {"label": "Name", "value": "Clinic"}]}]}"#,
                ),
                (&format!("{top}/posts/your_uncategorized_photos.json"), br#"{"other_photos_v2": [{"uri": "x/1.jpg", "creation_timestamp": 1600000000, "description": "A photo"}]}"#),
                (&format!("{top}/posts/your_videos.json"), br#"{"videos_v2": [{"uri": "x/2.mp4", "creation_timestamp": 1600000001, "media_metadata": {"video_metadata": {"exif_data": [{"upload_ip": "203.0.113.9"}]}}}]}"#),
                (&format!("{top}/groups/group_posts_and_comments.json"), br#"{"group_posts_v2": [{"timestamp": 1600000002, "data": [{"post": "Group post"}]}]}"#),
                (&format!("{top}/comments_and_reactions/likes_and_reactions_1.json"), br#"[{"timestamp": 1, "label_values": []}]"#),
                ("personal_information/profile_information/profile_information.json", PROFILE_2020.as_bytes()),
                ("preferences/language_and_locale.json", b"{\"language_and_locale_v2\": []}"),
            ],
        );
        let s = scan(d.path()).unwrap();
        assert_eq!(s.platform, crate::record::Platform::Facebook, "{top}");
        assert!(s.failures().is_empty(), "{:?}", s.failures());
        assert!(
            s.of(posts_name)
                .iter()
                .any(|r| r.field(Field::Text) == Some("Flu clinic today 😀 café open")),
            "{top}"
        );
        let ci = s.of("check-ins.json");
        assert_eq!(ci.len(), 1);
        assert_eq!(ci[0].field(Field::Text), Some("At the clinic"));
        assert_eq!(ci[0].locations[0].lat, Some(38.5758));
        assert_eq!(ci[0].locations[0].field, Field::Geo);
        assert_eq!(
            s.of("your_uncategorized_photos.json")[0].field(Field::Text),
            Some("A photo")
        );
        assert_eq!(
            s.of("your_videos.json")[0].field(Field::UploadIp),
            Some("203.0.113.9")
        );
        assert_eq!(
            s.of("group_posts_and_comments.json")[0].field(Field::Text),
            Some("Group post")
        );
        assert!(matches!(
            s.disposition("likes_and_reactions_1.json"),
            Disposition::Skipped(_)
        ));
        assert!(matches!(
            s.disposition("language_and_locale.json"),
            Disposition::Skipped(_)
        ));
        if top.starts_with("this_profile") {
            assert!(s.layout.contains("Page"), "{}", s.layout);
        }
    }
}

#[test]
fn e2ee_messenger_download() {
    let d = tempfile::tempdir().unwrap();
    write_tree(
        d.path(),
        &[
            (
                "messages/Jane Doe_1.json",
                "{\"participants\": [\"Me\", \"Jane Doe\"], \"threadName\": \"Jane Doe\", \"messages\": [
                    {\"senderName\": \"Jane Doe\", \"timestamp\": 1717000000000, \"text\": \"Zoë’s shift 😀\", \"isUnsent\": false, \"type\": \"text\",
                     \"media\": [{\"uri\": \"./media/0b5e.jpg\"}], \"reactions\": []}]}"
                    .as_bytes(),
            ),
            ("media/0b5e.jpg", b"\xFF\xD8\xFF\xD9"),
        ],
    );
    let s = scan(d.path()).unwrap();
    assert_eq!(s.platform, crate::record::Platform::Facebook);
    assert!(s.layout.contains("end-to-end"), "{}", s.layout);
    let m = s.of("Jane Doe_1.json");
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].kind, RecordKind::Dm);
    assert_eq!(m[0].id, "1717000000000");
    assert_eq!(m[0].created_at.unwrap().as_millisecond(), 1717000000000);
    assert_eq!(m[0].field(Field::Text), Some("Zoë’s shift 😀"));
    assert_eq!(m[0].media, ["media/0b5e.jpg"]);
}

#[test]
fn broken_files_fail_with_one_sentence_and_never_panic() {
    let d = tempfile::tempdir().unwrap();
    write_tree(
        d.path(),
        &[
            ("your_facebook_activity/posts/your_posts_1.json", b"[{\"timestamp\": 1, \"data\": [{\"post\": \"cut"),
            ("your_facebook_activity/messages/inbox/a_1/message_1.json", b"\xFF\xFE{\0\"\0"),
            ("your_facebook_activity/messages/inbox/a_1/message_2.json", b"{\"participants\": 5, \"messages\": [1, \"x\", {\"timestamp_ms\": \"soon\"}]}"),
            ("your_facebook_activity/posts/your_posts_2.json", b"[1, null, {\"timestamp\": {}, \"data\": 7, \"attachments\": [{\"data\": [{\"media\": 3, \"place\": {\"coordinate\": \"x\"}}]}]}]"),
        ],
    );
    let s = scan(d.path()).unwrap();
    let e = &s.outcome("your_posts_1.json").error;
    assert!(
        e.as_deref().unwrap().contains("ends early at byte"),
        "{e:?}"
    );
    let e = &s.outcome("message_1.json").error;
    assert!(e.as_deref().unwrap().contains("not UTF-8"), "{e:?}");
    assert_eq!(s.outcome("message_2.json").error, None);
    assert_eq!(s.outcome("your_posts_2.json").error, None);
}

#[test]
fn media_uris_resolve_across_the_2023_prefix_mismatch() {
    let d = tempfile::tempdir().unwrap();
    write_tree(
        d.path(),
        &[
            (
                "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json",
                br#"[{"timestamp": 1690000000, "attachments": [{"data": [{"media": {"uri": "your_activity_across_facebook/posts/media/Bucket_1/9.jpg"}}]}]}]"#,
            ),
            ("your_facebook_activity/posts/media/Bucket_1/9.jpg", b"\xFF\xD8\xFF\xD9"),
        ],
    );
    let s = scan(d.path()).unwrap();
    let p = s.of("photos_and_videos_1.json");
    assert_eq!(
        p[0].media,
        ["your_facebook_activity/posts/media/Bucket_1/9.jpg"]
    );
}

// ---------- the real samples ----------

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn every_facebook_sample_reads_without_failures() {
    for dir in sample_dirs("facebook") {
        let s = scan(&dir).unwrap_or_else(|| panic!("{}: not recognised", dir.display()));
        assert!(
            s.platform == crate::record::Platform::Facebook,
            "{}: read as {}",
            dir.display(),
            s.platform
        );
        assert!(
            s.failures().is_empty(),
            "{}: {:?}",
            dir.display(),
            s.failures()
        );
        let n = count_files(&dir);
        assert_eq!(
            s.entries.len(),
            n,
            "{}: every file has a disposition",
            dir.display()
        );
    }
}

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn waultar_sample_mojibake_matches_clean_text() {
    let dir = sample_dirs("facebook")
        .into_iter()
        .find(|d| d.ends_with("norsekode-waultar-app"))
        .expect("sample norsekode-waultar-app is missing");
    let s = scan(&dir).unwrap();
    let posts = s.of("test/parser/data/your_posts_1.json");
    assert!(
        posts.iter().any(|r| r.field(Field::Title)
            == Some("Malou Elmelund Landsgaard har tilføjet et nyt billede."))
    );
    let dms = s.of("message_1.json");
    assert!(
        dms.iter().any(|r| r.field(Field::Text) == Some("Tjek 👏")),
        "{:?}",
        dms.iter().map(|r| r.field(Field::Text)).collect::<Vec<_>>()
    );
    assert!(
        dms.iter()
            .any(|r| r.field(Field::Text).is_some_and(|t| t.contains("tænkt")))
    );
    let comments = s.of("facebook_comments.json");
    assert!(comments.iter().any(|r| r.kind == RecordKind::Comment));
    assert!(
        s.of("profile_information.json")
            .iter()
            .any(|r| r.kind == RecordKind::Account)
    );
}

pub(crate) fn count_files(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| {
            let p = e.path();
            if p.is_dir() { count_files(&p) } else { 1 }
        })
        .sum()
}

// ---------- HTML ----------

#[test]
fn english_html_dates() {
    use crate::platform::meta::html::parse_date;
    let t = |s: &str| parse_date(s).map(|t| t.to_string());
    assert_eq!(
        t("Friday, October 4, 2013 at 10:05pm PDT").as_deref(),
        Some("2013-10-05T05:05:00Z")
    );
    assert_eq!(
        t("Thursday, 11 August 2016 at 19:25 UTC+01").as_deref(),
        Some("2016-08-11T18:25:00Z")
    );
    assert_eq!(
        t("May 25, 2018, 9:53 PM").as_deref(),
        Some("2018-05-25T21:53:00Z")
    );
    assert_eq!(
        t("Aug 17, 2025 11:23 am").as_deref(),
        Some("2025-08-17T11:23:00Z")
    );
    assert_eq!(
        t("Sep 8, 2016, 12:36 AM").as_deref(),
        Some("2016-09-08T00:36:00Z")
    );
    assert_eq!(
        t("3. december 2015 kl. 10:29 UTC+01").as_deref(),
        Some("2015-12-03T09:29:00Z")
    );
    assert_eq!(t("31. heinäkuuta 2016 kello 21:05 UTC+03"), None);
    assert_eq!(t("February 30, 2020 10:00"), None);
    assert_eq!(t("99:99 May 1 2020"), None);
    assert_eq!(t(""), None);
}

#[test]
fn html_pages_of_three_generations() {
    let d = tempfile::tempdir().unwrap();
    let legacy = r#"<html><head><meta charset="UTF-8"><title>Northdale - Messages</title></head><body>
      <div class="nav"><ul><li><a href="../html/wall.htm">Wall</a></li></ul></div>
      <div class="contents"><h1>Northdale NHS</h1><div>
        <div class="thread">Northdale NHS, Jane Patient
          <div class="message"><div class="message_header"><span class="user">Jane Patient</span><span class="meta">Friday, October 4, 2013 at 10:05pm PDT</span></div></div>
          <p>My NHS number is 401 159 0835</p>
          <div class="message"><div class="message_header"><span class="user">Northdale NHS</span><span class="meta">sometime last week</span></div></div>
          <p>Thanks, noted</p>
        </div></div></div></body></html>"#;
    let bluebar = r#"<html><body><div role="main">
      <div class="pam _3-95 _2pi0 _2lej uiBoxWhite noborder">
        <div class="_3-96 _2pio _2lek _2lel">Northdale NHS updated their status.</div>
        <div class="_3-96 _2let"><div><div class="_2pin"><div>Flu jabs at St James's today</div></div></div></div>
        <div class="_3-94 _2lem"><a href="https://www.facebook.com/x">May 25, 2018, 9:53 PM</a></div>
      </div></div></body></html>"#;
    let modern = r#"<html><body><div class="_a706" role="main">
      <div class="_3-95 _a6-g"><div class="_2ph_ _a6-h _a6-i">Northdale NHS commented on a post.</div>
        <div class="_2ph_ _a6-p"><div>Get well soon, Ward 7 ❤️</div></div>
        <div class="_3-94 _a6-o"><div class="_a72d">Aug 17, 2025 11:23 am</div></div></div>
      <div class="_3-95 _a6-g"><div class="_2ph_ _a6-h _a6-i">Northdale NHS</div>
        <div class="_2ph_ _a6-p"><div>No date here</div></div></div>
    </div></body></html>"#;
    write_tree(
        d.path(),
        &[
            ("html/messages.htm", legacy.as_bytes()),
            ("posts/your_posts_1.html", bluebar.as_bytes()),
            (
                "your_facebook_activity/comments_and_reactions/comments.html",
                modern.as_bytes(),
            ),
            (
                "your_facebook_activity/comments_and_reactions/likes_and_reactions_1.html",
                modern.as_bytes(),
            ),
            ("index.html", b"<html>index</html>"),
        ],
    );
    let s = scan(d.path()).unwrap();
    assert_eq!(s.platform, crate::record::Platform::Facebook);
    assert!(s.failures().is_empty(), "{:?}", s.failures());
    let m = s.of("messages.htm");
    assert_eq!(m.len(), 2);
    assert_eq!(m[0].kind, RecordKind::Dm);
    assert_eq!(
        m[0].field(Field::Text),
        Some("My NHS number is 401 159 0835")
    );
    assert_eq!(m[0].created_at.unwrap().to_string(), "2013-10-05T05:05:00Z");
    assert_eq!(m[0].id, "1380949500");
    assert_eq!(m[1].created_at, None);
    let w = &s.outcome("messages.htm").warnings;
    assert!(
        w.iter()
            .any(|w| w.contains("could not be parsed") && w.contains("sometime last week")),
        "{w:?}"
    );

    let p = s.of("your_posts_1.html");
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].kind, RecordKind::Post);
    assert_eq!(
        p[0].field(Field::Text),
        Some("Flu jabs at St James's today")
    );
    assert_eq!(
        p[0].field(Field::Title),
        Some("Northdale NHS updated their status.")
    );
    assert_eq!(p[0].created_at.unwrap().to_string(), "2018-05-25T21:53:00Z");

    let c = s.of("comments.html");
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].kind, RecordKind::Comment);
    assert_eq!(c[0].field(Field::Text), Some("Get well soon, Ward 7 ❤️"));
    assert_eq!(c[0].created_at.unwrap().to_string(), "2025-08-17T11:23:00Z");
    assert!(matches!(
        s.disposition("likes_and_reactions_1.html"),
        Disposition::Skipped(_)
    ));
    assert!(matches!(
        s.disposition("index.html"),
        Disposition::Skipped(_)
    ));
}

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn legacy_photo_page_exif_rows() {
    let dir = sample_dirs("facebook")
        .into_iter()
        .find(|d| d.ends_with("addshore-facebook-data-image-exif"))
        .expect("sample addshore-facebook-data-image-exif is missing");
    let s = scan(&dir.join("at-fced9a6/facebook-example")).unwrap();
    let r = s.of("photos/1234.html");
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].field(Field::UploadIp), Some("0.0.0.0"));
    assert_eq!(r[0].created_at.unwrap().to_string(), "2016-08-11T18:25:00Z");
}

#[test]
fn a_json_file_that_holds_nothing_is_not_a_missing_records_warning() {
    let d = tempfile::tempdir().unwrap();
    write_tree(
        d.path(),
        &[
            (
                "comments_and_reactions/comments.json",
                br#"{"comments_v2": []}"#,
            ),
            (
                "posts/your_posts_1.json",
                br#"[{"timestamp": 1700000000, "data": [{"post": "Flu clinic"}]}]"#,
            ),
        ],
    );
    let s = scan(d.path()).unwrap();
    assert!(s.outcome("comments.json").no_records_expected);
    assert!(!s.outcome("your_posts_1.json").no_records_expected);
}

/// Records of one JSON document walked whole (`Ctx::root`, the reader
/// before streaming) and streamed (`json::stream_array` + `Ctx::element`).
fn whole_and_streamed(doc: &[u8]) -> (String, String) {
    use crate::platform::EntryOutcome;
    use crate::platform::meta::{Flavor, records::Ctx};
    let resolve = |u: &str| Some(format!("archive/{u}"));
    let walk = |f: &mut dyn FnMut(&mut Ctx)| {
        let mut recs = Vec::new();
        let mut out = EntryOutcome::default();
        let mut emit = |r| recs.push(r);
        let mut ctx = Ctx {
            flavor: Flavor::Facebook,
            account: "Northdale NHS",
            entry: "posts/your_posts_1.json",
            resolve: &resolve,
            emit: &mut emit,
            out: &mut out,
        };
        f(&mut ctx);
        format!("{recs:#?}\n{out:?}")
    };
    let whole = walk(&mut |ctx| {
        let mut v = json::parse(doc).unwrap();
        crate::platform::meta::mojibake::repair_value(&mut v);
        ctx.root(&v);
    });
    let streamed = walk(&mut |ctx| {
        let got = json::stream_array(&mut &doc[..], json::MAX_ELEMENT, &mut |mut v| {
            crate::platform::meta::mojibake::repair_value(&mut v);
            ctx.element(&v);
        });
        assert!(matches!(got, json::Streamed::Done(_)), "{got:?}");
    });
    (whole, streamed)
}

#[test]
fn streamed_posts_give_the_same_records_as_whole_files() {
    let docs: &[&[u8]] = &[
        // 2024 posts: text, attachments with media and a place, mojibake.
        br#"[
          {"timestamp": 1700000000, "data": [{"post": "Caf\u00c3\u00a9 open \u00f0\u009f\u0098\u0080", "update_timestamp": 1}],
           "attachments": [{"data": [{"media": {"uri": "posts/media/a.jpg", "creation_timestamp": 1700000000, "description": "x"}},
                                      {"place": {"name": "Ward 7", "coordinate": {"latitude": 53.1, "longitude": -2.2}}},
                                      {"external_context": {"url": "https://nhs.uk"}}]}],
           "title": "Northdale updated their status.", "tags": [{"name": "Jo"}]},
          {"timestamp": 1700000600, "data": [{"comment": {"comment": "thanks", "timestamp": 1, "group": "G"}}]},
          1, null, "stray", [],
          {"timestamp": 1, "label_values": [{"label": "Message", "value": "checked in"}]},
          {"uri": "photos/b.jpg", "creation_timestamp": 5}
        ]"#,
        // Instagram posts_1.json.
        br#"[{"media": [{"uri": "media/posts/1.jpg", "creation_timestamp": 1600000000, "title": "Clinic \u00c3\u00a9"}], "title": "Two photos"}]"#,
        b"\xEF\xBB\xBF [ ]",
        b"[{}]",
    ];
    for doc in docs {
        let (whole, streamed) = whole_and_streamed(doc);
        assert_eq!(whole, streamed, "{}", String::from_utf8_lossy(doc));
    }
}

#[test]
fn a_truncated_posts_array_keeps_the_posts_before_the_cut() {
    let d = tempfile::tempdir().unwrap();
    write_tree(
        d.path(),
        &[(
            "your_facebook_activity/posts/your_posts_1.json",
            b"[{\"timestamp\": 1700000000, \"data\": [{\"post\": \"one\"}]},\n {\"timestamp\": 1700000600, \"data\": [{\"post\": \"two\"}]},\n {\"timestamp\": 1700001200, \"data\": [{\"post\": \"thr",
        )],
    );
    let s = scan(d.path()).unwrap();
    let texts: Vec<_> = s
        .of("your_posts_1.json")
        .iter()
        .map(|r| r.field(Field::Text).unwrap().to_string())
        .collect();
    assert_eq!(texts, ["one", "two"]);
    let e = s.outcome("your_posts_1.json").error.clone().unwrap();
    assert!(
        e.starts_with("your_facebook_activity/posts/your_posts_1.json: "),
        "{e}"
    );
    assert!(
        e.contains("ends early at byte 159 (truncated file?), after 2 elements"),
        "{e}"
    );
}

#[test]
fn an_element_over_the_cap_stops_the_stream_cleanly() {
    let big = format!(
        "[{{\"a\": \"short\"}}, {{\"a\": \"{}\"}}, {{\"a\": \"b\"}}]",
        "x".repeat(500)
    );
    let mut seen = Vec::new();
    let got = json::stream_array(&mut big.as_bytes(), 100, &mut |v| seen.push(v));
    assert_eq!(seen, [json!({"a": "short"})]);
    let json::Streamed::Failed(1, why) = got else {
        panic!("{got:?}")
    };
    assert!(
        why.contains("longer than 100 bytes (element 2); 1 elements read before it"),
        "{why}"
    );
    // Not an array: nothing is read as elements, the caller loads it whole.
    let got = json::stream_array(&mut &b" {\"comments_v2\": []}"[..], 100, &mut |v| {
        seen.push(v)
    });
    assert_eq!(got, json::Streamed::NotArray);
    assert_eq!(
        json::stream_array(&mut &b"  "[..], 100, &mut |_| ()),
        json::Streamed::NotArray
    );
}

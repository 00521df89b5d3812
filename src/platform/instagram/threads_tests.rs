//! Threads posts inside an Instagram export, and a Threads folder alone.
//! No real Threads sample is in the project's sample set; these files
//! follow the shape documented in docs/FORMATS.md, "Threads" (keys
//! `text_post_app_…`, text in the media `title`, mojibake-encoded).

use crate::archive::{Archive, Limits};
use crate::platform::Disposition;
use crate::platform::Reader;
use crate::platform::exif::jpeg_with_gps;
use crate::platform::instagram::Instagram;
use crate::platform::meta::testing::{scan, write_tree};
use crate::record::{Platform, RecordKind};
use crate::vocab::Field;

/// A reply (text only) and a post with a photo, its caption at the item
/// level; "—" and "é" written byte by byte as Meta does.
const THREADS: &str = r#"{"text_post_app_text_posts": [
  {"media": [{"uri": "", "creation_timestamp": 1754466859,
     "title": "agreed \u00e2\u0080\u0094 let's sync tomorrow with @pine.marten.",
     "media_metadata": {"camera_metadata": {"has_camera_metadata": false}},
     "cross_post_source": {"source_app": "FB"},
     "text_app_post": {"reply_control": "everyone", "geo_gated_country_list": "", "is_reply": true}}]},
  {"title": "Caf\u00c3\u00a9 open: Patient Jane Example, NHS no 999 000 0018, is on Ward 7",
   "creation_timestamp": 1754500000,
   "media": [{"uri": "media/posts/202508/threads_photo.jpg", "creation_timestamp": 1754500000, "title": "",
     "text_app_post": {"reply_control": "everyone", "is_reply": false}}]}
]}"#;

const THREADS_PROFILE: &str = r#"{"text_post_app_text_post_app_profile": [{"title": "", "media_map_data": {},
  "string_map_data": {"Username": {"href": "", "value": "northdale_threads", "timestamp": 0},
    "Bio": {"value": "Northdale NHS on Threads"}}}]}"#;

const IG_PROFILE: &str =
    r#"{"profile_user": [{"string_map_data": {"Username": {"value": "northdale_nhs"}}}]}"#;

fn instagram_with_threads(root: &std::path::Path) {
    let a = "your_instagram_activity";
    let jpeg = jpeg_with_gps();
    write_tree(
        root,
        &[
            (&format!("{a}/threads/threads_and_replies.json"), THREADS.as_bytes()),
            (&format!("{a}/threads/personal_information.json"), THREADS_PROFILE.as_bytes()),
            (
                &format!("{a}/threads/liked_threads.json"),
                br#"{"text_post_app_media_likes": [{"title": "river.otter", "string_list_data": [{"href": "https://www.threads.com/@river.otter/post/DAbCdEfGhIj", "value": "x", "timestamp": 1760912834}]}]}"#,
            ),
            (
                &format!("{a}/threads/followers.json"),
                br#"{"text_post_app_text_post_app_followers": [{"title": "Pine", "string_list_data": [{"value": "pine.marten"}]}]}"#,
            ),
            (
                &format!("{a}/threads/threads_viewed.json"),
                br#"{"text_post_app_text_post_app_posts_seen": [{"string_map_data": {"Author": {"value": "x"}}}]}"#,
            ),
            (
                &format!("{a}/media/posts_1.json"),
                br#"[{"media": [{"uri": "media/posts/202401/ig.jpg", "creation_timestamp": 1704100000, "title": "Instagram caption"}]}]"#,
            ),
            ("personal_information/personal_information/personal_information.json", IG_PROFILE.as_bytes()),
            ("media/posts/202508/threads_photo.jpg", &jpeg),
            ("media/posts/202401/ig.jpg", &jpeg),
        ],
    );
}

#[test]
fn threads_posts_in_an_instagram_export_are_threads_records() {
    let d = tempfile::tempdir().unwrap();
    instagram_with_threads(d.path());
    let s = scan(d.path()).unwrap();
    assert!(s.failures().is_empty(), "{:?}", s.failures());
    assert_eq!(s.platform, Platform::Instagram);
    assert_eq!(
        s.account, "northdale_nhs",
        "the Instagram profile names the export"
    );
    assert!(s.layout.ends_with("with Threads posts"), "{}", s.layout);

    let t = s.of("threads_and_replies.json");
    let reply = t.iter().find(|r| r.id == "1754466859").unwrap();
    assert_eq!(reply.platform, Platform::Threads);
    assert_eq!(reply.kind, RecordKind::Reply);
    assert_eq!(
        reply.field(Field::Text),
        Some("agreed — let's sync tomorrow with @pine.marten.")
    );
    assert_eq!(reply.mentions, ["pine.marten"]);
    assert_eq!(
        reply.created_at.unwrap().to_string(),
        "2025-08-06T07:54:19Z"
    );
    assert_eq!(reply.url, "", "the export gives no post id or link");

    let post = t
        .iter()
        .find(|r| r.id == "1754500000" && r.kind == RecordKind::Post)
        .unwrap();
    assert_eq!(post.platform, Platform::Threads);
    assert!(post.field(Field::Text).unwrap().starts_with("Café open"));
    assert_eq!(post.media, ["media/posts/202508/threads_photo.jpg"]);
    let photo = t.iter().find(|r| r.kind == RecordKind::Media).unwrap();
    assert_eq!(photo.platform, Platform::Threads);
    assert_eq!(photo.field(Field::Title), None, "no empty caption copied");

    let profile = s
        .of("threads/personal_information.json")
        .into_iter()
        .find(|r| r.kind == RecordKind::Profile)
        .unwrap();
    assert_eq!(profile.platform, Platform::Threads);
    assert_eq!(profile.field(Field::Bio), Some("Northdale NHS on Threads"));

    // Instagram's own records stay Instagram's.
    assert!(
        s.of("media/posts_1.json")
            .iter()
            .all(|r| r.platform == Platform::Instagram)
    );

    for (file, needle) in [
        ("liked_threads.json", "liked"),
        ("threads/followers.json", "followers"),
        ("threads_viewed.json", "saw"),
    ] {
        match s.disposition(file) {
            Disposition::Skipped(why) => assert!(why.contains(needle), "{file}: {why}"),
            d => panic!("{file}: {d:?}"),
        }
    }

    let archive = Archive::open(d.path(), &Limits::default()).unwrap();
    let unit = Instagram.open(&archive).unwrap();
    assert_eq!(unit.platforms(), [Platform::Instagram, Platform::Threads]);
}

#[test]
fn a_threads_folder_on_its_own_is_a_threads_export() {
    let d = tempfile::tempdir().unwrap();
    write_tree(
        d.path(),
        &[
            ("threads/threads_and_replies.json", THREADS.as_bytes()),
            (
                "threads/personal_information.json",
                THREADS_PROFILE.as_bytes(),
            ),
        ],
    );
    let s = scan(d.path()).unwrap();
    assert!(s.failures().is_empty(), "{:?}", s.failures());
    assert_eq!(s.platform, Platform::Threads);
    assert_eq!(s.account, "northdale_threads");
    assert!(s.layout.starts_with("Threads JSON export"), "{}", s.layout);
    assert!(s.records.iter().all(|r| r.platform == Platform::Threads));
    assert_eq!(s.kind(RecordKind::Reply).len(), 1);
    assert_eq!(s.kind(RecordKind::Post).len(), 1);
}

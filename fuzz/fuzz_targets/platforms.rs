//! Mastodon, Bluesky, LinkedIn, YouTube and Threads inputs: arbitrary
//! bytes as one file of an otherwise valid export (chosen by the first
//! byte), through the real scan; the file must get exactly one coverage row.
#![no_main]
use libfuzzer_sys::fuzz_target;
use social_audit::org::Org;
use social_audit::rules::Pack;
use social_audit::scan::{Options, scan};
use std::path::Path;
use std::sync::OnceLock;

/// The repository's own CAR writer (as tests/inputs/bluesky.rs uses it).
#[path = "../../src/platform/bluesky/testing.rs"]
mod car;

/// Which export a fuzzed file belongs to: the other files of that export
/// are written minimal and valid beside it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Export {
    Mastodon,
    Bluesky,
    LinkedIn,
    YouTube,
    /// Threads inside an Instagram export.
    Instagram,
    /// A file on its own (a loose Takeout CSV, a `threads/` folder).
    Alone,
}

const MASTODON: &str = "mastodon-archive";
const BLUESKY: &str = "bluesky-export";
const LINKEDIN: &str = "Basic_LinkedInDataExport_12-01-2026";
const YOUTUBE: &str = "Takeout/YouTube and YouTube Music";
const INSTAGRAM: &str = "instagram-northdale-2025-12-01";

/// A raw-codec CID (how a blob file is named), of the companion blob.
const BLOB: &str = "bafkreicumrjtzfshwz7lgigebtgfswktpqerakxhkoepnj3hlnbt45c4tu";
const MEDIA: &str = "media_attachments/files/113/100/000/000/000/009/original/b9.jpg";

/// (export, path inside the export's folder). The first byte of the input
/// picks one; the seeds in corpus/platforms start with its index.
const KINDS: &[(Export, &str)] = &[
    // 0..=3 Mastodon
    (Export::Mastodon, "outbox.json"),
    (Export::Mastodon, "actor.json"),
    (Export::Mastodon, MEDIA),
    (Export::Mastodon, "avatar.jpg"),
    // 4..=5 Bluesky
    (Export::Bluesky, "repo.car"),
    (
        Export::Bluesky,
        "blobs/bafkreicumrjtzfshwz7lgigebtgfswktpqerakxhkoepnj3hlnbt45c4tu",
    ),
    // 6..=15 LinkedIn
    (Export::LinkedIn, "Shares.csv"),
    (Export::LinkedIn, "Comments.csv"),
    (Export::LinkedIn, "messages.csv"),
    (Export::LinkedIn, "Profile.csv"),
    (Export::LinkedIn, "Profile Summary.csv"),
    (Export::LinkedIn, "Rich_Media.csv"),
    (Export::LinkedIn, "Email Addresses.csv"),
    (Export::LinkedIn, "PhoneNumbers.csv"),
    (Export::LinkedIn, "Connections.csv"),
    (
        Export::LinkedIn,
        "Articles/Articles/winter-pressures-abc1f.html",
    ),
    // 16..=26 YouTube
    (Export::YouTube, "comments/comments.csv"),
    (Export::YouTube, "live chats/live chats.csv"),
    (Export::YouTube, "video metadata/videos.csv"),
    (Export::YouTube, "video metadata/video recordings.csv"),
    (Export::YouTube, "video metadata/video texts.csv"),
    (Export::YouTube, "channels/channel.csv"),
    (Export::YouTube, "channels/channel feature data.csv"),
    (Export::YouTube, "playlists/playlists.csv"),
    (Export::YouTube, "my-comments/my-comments.html"),
    (
        Export::YouTube,
        "my-live-chat-messages/my-live-chat-messages.html",
    ),
    (Export::YouTube, "videos/thumbnail.jpg"),
    // 27..=28 Threads in an Instagram export
    (
        Export::Instagram,
        "your_instagram_activity/threads/threads_and_replies.json",
    ),
    (
        Export::Instagram,
        "your_instagram_activity/threads/personal_information.json",
    ),
    // 29..=30 on their own
    (Export::Alone, "comments.csv"),
    (Export::Alone, "threads/threads_and_replies.json"),
];

const ACTOR: &str = "https://social.example/users/northdale";

fn outbox() -> String {
    format!(
        r#"{{"@context":"https://www.w3.org/ns/activitystreams","id":"outbox.json","type":"OrderedCollection","totalItems":1,"orderedItems":[{{"id":"{ACTOR}/statuses/113100000000000009/activity","type":"Create","actor":"{ACTOR}","published":"2024-10-02T09:15:00Z","to":["https://www.w3.org/ns/activitystreams#Public"],"cc":[],"object":{{"id":"{ACTOR}/statuses/113100000000000009","type":"Note","summary":null,"inReplyTo":null,"published":"2024-10-02T09:15:00Z","url":"https://social.example/@northdale/113100000000000009","attributedTo":"{ACTOR}","to":["https://www.w3.org/ns/activitystreams#Public"],"cc":[],"sensitive":false,"content":"<p>Flu clinic today</p>","attachment":[{{"type":"Document","mediaType":"image/jpeg","url":"/{MEDIA}","name":null}}],"tag":[]}}}}]}}"#
    )
}

fn actor() -> String {
    format!(
        r#"{{"id":"{ACTOR}","type":"Person","preferredUsername":"northdale","name":"Northdale NHS","outbox":"outbox.json","url":"https://social.example/@northdale"}}"#
    )
}

/// A one-post repository whose post embeds the blob beside it.
fn repo() -> &'static [u8] {
    static REPO: OnceLock<Vec<u8>> = OnceLock::new();
    REPO.get_or_init(|| {
        let post = serde_json::json!({
            "$type": "app.bsky.feed.post", "text": "Flu clinic today",
            "createdAt": "2024-10-05T09:00:00Z",
            "embed": {"$type": "app.bsky.embed.images", "images": [{"alt": "", "image": {
                "$type": "blob", "ref": {"$link": BLOB}, "mimeType": "image/jpeg", "size": 12}}]}
        });
        car::repo(car::DID, &[("app.bsky.feed.post/3kccccccccc2a", post)])
    })
}

/// The other files of `export`, minimal and valid.
fn companions(export: Export) -> Vec<(String, Vec<u8>)> {
    let at = |root: &str, rel: &str, body: &[u8]| (format!("{root}/{rel}"), body.to_vec());
    match export {
        Export::Mastodon => vec![
            at(MASTODON, "outbox.json", outbox().as_bytes()),
            at(MASTODON, "actor.json", actor().as_bytes()),
            at(MASTODON, MEDIA, b"not an image"),
        ],
        Export::Bluesky => vec![
            at(BLUESKY, "repo.car", repo()),
            at(BLUESKY, &format!("blobs/{BLOB}"), b"not an image"),
        ],
        Export::LinkedIn => vec![at(
            LINKEDIN,
            "Profile.csv",
            b"First Name,Last Name,Headline,Summary\nAlex,Comms,Head of Communications,\n",
        )],
        Export::YouTube => vec![
            at(
                YOUTUBE,
                "channels/channel.csv",
                b"Channel ID,Channel Title (Original),Channel Visibility\nUCnorthdaleNHSxxxxxxxxxx,Northdale NHS Trust,Public\n",
            ),
            at(
                YOUTUBE,
                "video metadata/videos.csv",
                b"Video ID,Video Description (Original),Channel ID,Video Title (Original),Privacy,Video Create Timestamp\ndQw4w9WgXcQ,How to book your flu jab,UCnorthdaleNHSxxxxxxxxxx,Flu jab 2024,Public,2024-09-01T09:00:00+00:00\n",
            ),
        ],
        Export::Instagram => vec![
            at(
                INSTAGRAM,
                "personal_information/personal_information/personal_information.json",
                br#"{"profile_user": [{"string_map_data": {"Username": {"value": "northdale_nhs"}}}]}"#,
            ),
            at(
                INSTAGRAM,
                "your_instagram_activity/threads/threads_and_replies.json",
                br#"{"text_post_app_text_posts": [{"media": [{"uri": "", "creation_timestamp": 1754466859, "title": "Flu clinic today", "text_app_post": {"is_reply": false}}]}]}"#,
            ),
        ],
        Export::Alone => Vec::new(),
    }
}

fn root(export: Export) -> &'static str {
    match export {
        Export::Mastodon => MASTODON,
        Export::Bluesky => BLUESKY,
        Export::LinkedIn => LINKEDIN,
        Export::YouTube => YOUTUBE,
        Export::Instagram => INSTAGRAM,
        Export::Alone => "",
    }
}

fn pack() -> &'static Pack {
    static PACK: OnceLock<Pack> = OnceLock::new();
    PACK.get_or_init(|| Pack::default_pack(&Org::default()).unwrap())
}

fn write(path: &Path, body: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, body).unwrap();
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, body)) = data.split_first() else {
        return;
    };
    let dir = tempfile::tempdir_in("/dev/shm")
        .or_else(|_| tempfile::tempdir())
        .unwrap();
    let (export, rel) = KINDS[pick as usize % KINDS.len()];
    let fuzzed = match root(export) {
        "" => rel.to_string(),
        r => format!("{r}/{rel}"),
    };
    for (name, bytes) in companions(export) {
        if name != fuzzed {
            write(&dir.path().join(&name), &bytes);
        }
    }
    write(&dir.path().join(&fuzzed), body);

    let outcome = scan(&[dir.path().to_path_buf()], pack(), &Options::default());
    assert!(!outcome.coverage.is_empty());
    // A row names a file by its archive (the input, plus the folder an
    // export was found in) and the entry inside it; a loose file read on
    // its own is the archive itself.
    let top = dir
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let want = format!("{top}/{fuzzed}");
    let rows = outcome
        .coverage
        .iter()
        .filter(|r| {
            let entry = r.entry.as_str();
            let whole = if entry.is_empty() {
                r.archive.to_string()
            } else {
                format!("{}/{entry}", r.archive)
            };
            whole == want || (r.archive == want && (entry.is_empty() || want.ends_with(&*entry)))
        })
        .count();
    assert_eq!(
        rows,
        1,
        "{fuzzed}: {} coverage rows, expected one: {:?}",
        rows,
        outcome.coverage.rows()
    );
});

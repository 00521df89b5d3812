//! YouTube reader tests on Takeouts written here (English and German
//! trees, loose files, damaged files), and the dispositions of every entry.

use super::*;
use crate::platform::exif::jpeg_with_gps;
use crate::platform::meta::testing::{Scanned, scan, write_tree};
use crate::record::RecordKind;
use crate::vocab::Field;

const YT: &str = "Takeout/YouTube and YouTube Music";

/// Pre-June-2024 order, `takeoutSegments` text, a reply and a link.
const COMMENTS_OLD: &str = "Comment ID,Channel ID,Comment Create Timestamp,Price,Parent Comment ID,Video ID,Comment Text\n\
UgxAAAAAAAAAAAAAAAAAAAAA,UCnorthdaleNHSxxxxxxxxxx,2023-09-19T17:42:53.434647+00:00,0,,WtOskFeLmr4,\"{\"\"takeoutSegments\"\":[{\"\"text\"\":\"\"Thanks @sam_example! Details \"\"},{\"\"text\"\":\"\"here\"\",\"\"link\"\":{\"\"linkUrl\"\":\"\"https://northdale.example.nhs.uk/flu\"\"}}]}\"\n\
UgwCCCCCCCCCCCCCCCCCCCCC.9iwJkUYNcXa,UCnorthdaleNHSxxxxxxxxxx,2023-08-30T01:54:46.801024+00:00,0,UgwCCCCCCCCCCCCCCCCCCCCC,jH39c5-y6kg,\"{\"\"takeoutSegments\"\":[{\"\"text\"\":\"\"Patient Jane Example, NHS no 999 000 0018, is on Ward 7\"\"}]}\"\n\n\n";

/// Post-June-2024 order, bare segments with a raw line break.
const COMMENTS_NEW: &str = "Channel ID,Comment Create Timestamp,Price,Comment ID,Parent Comment ID,Video ID,Comment Text\n\
UCnorthdaleNHSxxxxxxxxxx,2024-07-14T07:39:35.956042+00:00,0,UgytHqobEtqoKm_-pYB4AaABAg,,rWVAzS6duAs,\"{\"\"text\"\":\"\"first line\"\"},{\"\"text\"\":\"\"\n\"\"},{\"\"text\"\":\"\"second line\"\"}\"\n";

const LIVE: &str = "Live Chat ID,Channel ID,Live Chat Create Timestamp,Price,Video ID,Live Chat Text\n\
UgwsSD8yrDW7_h6F5vZ4AaABDqgB5OC1kgI,UCnorthdaleNHSxxxxxxxxxx,2018-09-02T05:16:35.510381+00:00,0,0vGCh85obuI,\"{\"\"takeoutSegments\"\":[{\"\"text\"\":\"\"Welcome to our live Q&A\"\"}]}\"\n";

const VIDEOS: &str = "Video ID,Approx Duration (ms),Video Audio Language,Video Category,Video Description (Original),Channel ID,Tag 1,Tag 2,Video Title (Original),Privacy,Video State,Video Create Timestamp,Video Publish Timestamp\n\
dQw4w9WgXcQ,60000,en,Education,\"How to book your flu jab.\nCall 0113 496 0000.\",UCnorthdaleNHSxxxxxxxxxx,flu,vaccine,Flu jab 2024,Public,Processed,2024-09-01T09:00:00+00:00,2024-09-02 10:00:00 UTC\n\
aaaaaaaaaa1,1000,en,Education,,UCnorthdaleNHSxxxxxxxxxx,,,Ward tour,Unlisted,Processed,2024-09-03T09:00:00+00:00,\n";

const RECORDINGS: &str = "Video ID,Video Recording Address,Video Recording Altitude,Video Recording Latitude,Video Recording Longitude,Place ID derived from Google's Places API\n\
dQw4w9WgXcQ,,0,54.906,-1.383,\n\
aaaaaaaaaa1,,0,0,0,\n\
bbbbbbbbbb2,Ward 7 car park,0,54.9,-1.38,\n";

const CHANNEL: &str = "Channel ID,Channel Title (Original),Channel Visibility\n\
UCnorthdaleNHSxxxxxxxxxx,Northdale NHS Trust,Public\n";

fn english_takeout(root: &Path) {
    let jpeg = jpeg_with_gps();
    write_tree(
        root,
        &[
            (&format!("{YT}/comments/comments.csv"), COMMENTS_OLD.as_bytes()),
            (&format!("{YT}/comments/comments(1).csv"), COMMENTS_NEW.as_bytes()),
            (&format!("{YT}/live chats/live chats.csv"), LIVE.as_bytes()),
            (&format!("{YT}/video metadata/videos.csv"), VIDEOS.as_bytes()),
            (&format!("{YT}/video metadata/video recordings.csv"), RECORDINGS.as_bytes()),
            (&format!("{YT}/channels/channel.csv"), CHANNEL.as_bytes()),
            (
                &format!("{YT}/channels/channel feature data.csv"),
                b"Channel ID,Channel Auto Moderation in Live Chat,Video Default Location Latitude,Video Default Location Longitude\nUCnorthdaleNHSxxxxxxxxxx,true,51.5,-0.12\n",
            ),
            (
                &format!("{YT}/channels/channel URL configs.csv"),
                b"Channel ID,Channel Vanity URL 1 Name\nUCnorthdaleNHSxxxxxxxxxx,@NorthdaleNHS\n",
            ),
            (
                &format!("{YT}/playlists/playlists.csv"),
                b"Playlist ID,Add new videos to top,Playlist Title (Original),Playlist Description (Original),Playlist Create Timestamp\nPLxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx1,False,Winter health,Our winter advice,2023-11-01T10:00:00+00:00\n",
            ),
            (
                &format!("{YT}/playlists/Winter health-videos.csv"),
                b"Video ID,Playlist Video Creation Timestamp\ndQw4w9WgXcQ,2023-11-01T10:00:00+00:00\n",
            ),
            (
                &format!("{YT}/my-comments/my-comments.html"),
                br#"<html><body><ul><li>Sent at 2020-04-27 23:18:23 UTC while watching <a href="http://www.youtube.com/watch?v=mM1aaaaaaaa">a video</a>.<br/>Old comment text</li></ul></body></html>"#,
            ),
            (
                &format!("{YT}/history/watch-history.json"),
                br#"[{"header":"YouTube","title":"Watched x","time":"2022-09-21T11:52:59.995Z"}]"#,
            ),
            (
                &format!("{YT}/subscriptions/subscriptions.csv"),
                b"Channel Id,Channel Url,Channel Title\nUCx,http://www.youtube.com/channel/UCx,Someone\n",
            ),
            (&format!("{YT}/videos/Flu jab 2024.mp4"), b"not really a video"),
            (&format!("{YT}/videos/thumbnail.jpg"), &jpeg),
            ("Takeout/Google Photos/Photos from 2024/IMG_0001.jpg", &jpeg),
            ("Takeout/My Activity/YouTube/MyActivity.json", b"[]"),
            ("Takeout/archive_browser.html", b"<html></html>"),
        ],
    );
}

fn scanned(root: &Path) -> Scanned {
    let s = scan(root).expect("recognised");
    assert_eq!(s.platform, Platform::Youtube);
    assert!(s.failures().is_empty(), "{:?}", s.failures());
    s
}

fn by_id<'a>(s: &'a Scanned, id: &str) -> &'a Record {
    s.records
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no record {id}"))
}

fn when(r: &Record) -> String {
    r.created_at.map(|t| t.to_string()).unwrap_or_default()
}

#[test]
fn comments_of_both_generations_become_comments_and_replies_with_permalinks() {
    let d = tempfile::tempdir().unwrap();
    english_takeout(d.path());
    let s = scanned(d.path());

    let top = by_id(&s, "UgxAAAAAAAAAAAAAAAAAAAAA");
    assert_eq!(top.kind, RecordKind::Comment);
    assert_eq!(top.platform, Platform::Youtube);
    assert_eq!(
        top.url,
        "https://www.youtube.com/watch?v=WtOskFeLmr4&lc=UgxAAAAAAAAAAAAAAAAAAAAA"
    );
    assert_eq!(
        top.field(Field::Text),
        Some("Thanks @sam_example! Details here")
    );
    assert_eq!(
        top.field(Field::Link),
        Some("https://northdale.example.nhs.uk/flu")
    );
    assert_eq!(top.mentions, ["sam_example"]);
    assert_eq!(when(top), "2023-09-19T17:42:53.434647Z");
    assert_eq!(top.account, "Northdale NHS Trust");

    let reply = by_id(&s, "UgwCCCCCCCCCCCCCCCCCCCCC.9iwJkUYNcXa");
    assert_eq!(reply.kind, RecordKind::Reply);
    assert!(
        reply
            .url
            .ends_with("watch?v=jH39c5-y6kg&lc=UgwCCCCCCCCCCCCCCCCCCCCC.9iwJkUYNcXa")
    );

    let new = by_id(&s, "UgytHqobEtqoKm_-pYB4AaABAg");
    assert_eq!(new.field(Field::Text), Some("first line\nsecond line"));
    assert_eq!(when(new), "2024-07-14T07:39:35.956042Z");
    assert_eq!(s.outcome("comments/comments.csv").records, 2);
    assert!(s.outcome("comments/comments.csv").warnings.is_empty());

    let chat = by_id(&s, "UgwsSD8yrDW7_h6F5vZ4AaABDqgB5OC1kgI");
    assert_eq!(chat.kind, RecordKind::Comment);
    assert_eq!(chat.url, "https://www.youtube.com/watch?v=0vGCh85obuI");
    assert_eq!(chat.field(Field::Text), Some("Welcome to our live Q&A"));
}

#[test]
fn videos_carry_title_description_tags_and_the_joined_recording_location() {
    let d = tempfile::tempdir().unwrap();
    english_takeout(d.path());
    let s = scanned(d.path());

    let v = by_id(&s, "dQw4w9WgXcQ");
    assert_eq!(v.kind, RecordKind::Post);
    assert_eq!(v.url, "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    assert_eq!(v.field(Field::Title), Some("Flu jab 2024"));
    assert_eq!(
        v.field(Field::Text),
        Some("How to book your flu jab.\nCall 0113 496 0000.")
    );
    assert_eq!(v.field(Field::Tags), Some("flu vaccine"));
    assert_eq!(when(v), "2024-09-02T10:00:00Z", "the publish time");
    assert_eq!(v.locations.len(), 1);
    assert_eq!(v.locations[0].field, Field::Geo);
    assert_eq!(
        (v.locations[0].lat, v.locations[0].lon),
        (Some(54.906), Some(-1.383))
    );

    // No publish time: the create time; 0,0 is "no location".
    let tour = by_id(&s, "aaaaaaaaaa1");
    assert_eq!(when(tour), "2024-09-03T09:00:00Z");
    assert!(tour.locations.is_empty());

    // A recording for a video the videos file does not list.
    let orphan = by_id(&s, "bbbbbbbbbb2");
    assert_eq!(orphan.field(Field::Location), Some("Ward 7 car park"));
    assert_eq!(orphan.locations[0].lat, Some(54.9));

    assert_eq!(s.outcome("video metadata/videos.csv").records, 3);
    match s.disposition("video metadata/video recordings.csv") {
        Disposition::Skipped(why) => assert!(why.contains("read with videos.csv"), "{why}"),
        d => panic!("{d:?}"),
    }
}

#[test]
fn channel_playlists_html_comments_and_uploads_become_records() {
    let d = tempfile::tempdir().unwrap();
    english_takeout(d.path());
    let s = scanned(d.path());
    assert_eq!(s.account, "Northdale NHS Trust");

    let profile = s.kind(RecordKind::Profile);
    assert_eq!(profile.len(), 1);
    assert_eq!(profile[0].field(Field::Title), Some("Northdale NHS Trust"));
    assert_eq!(
        profile[0].url,
        "https://www.youtube.com/channel/UCnorthdaleNHSxxxxxxxxxx"
    );

    let account = s.kind(RecordKind::Account);
    assert_eq!(account.len(), 1);
    assert_eq!(account[0].locations[0].lat, Some(51.5));

    let pl = by_id(&s, "PLxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx1");
    assert_eq!(pl.field(Field::Title), Some("Winter health"));
    assert_eq!(pl.field(Field::Text), Some("Our winter advice"));
    assert_eq!(
        pl.url,
        "https://www.youtube.com/playlist?list=PLxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx1"
    );

    let old = s.of("my-comments.html");
    assert_eq!(old.len(), 1);
    assert_eq!(old[0].field(Field::Text), Some("Old comment text"));
    assert_eq!(when(old[0]), "2020-04-27T23:18:23Z");
    assert_eq!(old[0].id, "2020-04-27T23:18:23Z");
    assert_eq!(old[0].url, "https://www.youtube.com/watch?v=mM1aaaaaaaa");

    let thumb = s.of("videos/thumbnail.jpg");
    assert_eq!(thumb[0].kind, RecordKind::Media);
    assert_eq!(thumb[0].locations[0].field, Field::Exif);
    assert_eq!(s.of("Flu jab 2024.mp4")[0].kind, RecordKind::Media);
}

#[test]
fn what_the_account_watched_and_other_products_are_skipped_with_reasons() {
    let d = tempfile::tempdir().unwrap();
    english_takeout(d.path());
    let s = scanned(d.path());
    let skipped = |suffix: &str, needle: &str| match s.disposition(suffix) {
        Disposition::Skipped(why) => assert!(why.contains(needle), "{suffix}: {why}"),
        other => panic!("{suffix}: {other:?}"),
    };
    skipped("history/watch-history.json", "watch and search history");
    skipped("subscriptions/subscriptions.csv", "subscriptions");
    skipped("Winter health-videos.csv", "playlist's list of video ids");
    skipped("channel URL configs.csv", "custom URL");
    skipped(
        "Google Photos/Photos from 2024/IMG_0001.jpg",
        "another Google product (Google Photos)",
    );
    skipped("My Activity/YouTube/MyActivity.json", "My Activity");
    skipped("Takeout/archive_browser.html", "index page");
    // Every entry has a disposition other than unknown.
    for (name, d, _) in &s.entries {
        assert_ne!(*d, Disposition::Unknown, "{name}");
    }
    assert!(
        s.layout.starts_with(
            "Google Takeout, YouTube folder \"YouTube and YouTube Music\" (English names)"
        ),
        "{}",
        s.layout
    );
    assert!(
        s.layout
            .contains("1 file of other Google products not read"),
        "{}",
        s.layout
    );
}

#[test]
fn a_german_takeout_is_known_by_its_names_and_its_columns_by_their_content() {
    let d = tempfile::tempdir().unwrap();
    let yt = "Takeout/YouTube und YouTube Music";
    // Header names in a language the tables do not hold: the columns are
    // recognised by their content.
    let kommentare = "Kommentar-ID,Kanal-ID,Zeitstempel der Kommentarerstellung,Preis,ID des übergeordneten Kommentars,Video-ID,Kommentar\n\
UgxAAAAAAAAAAAAAAAAAAAAA,UCnorthdaleNHSxxxxxxxxxx,2023-09-19T17:42:53+00:00,0,,WtOskFeLmr4,\"{\"\"text\"\":\"\"Patient Jane Example, NHS no 999 000 0018\"\"}\"\n\
UgwCCCCCCCCCCCCCCCCCCCCC.9iw,UCnorthdaleNHSxxxxxxxxxx,2023-08-30T01:54:46+00:00,0,UgwCCCCCCCCCCCCCCCCCCCCC,jH39c5-y6kg,\"{\"\"text\"\":\"\"Danke\"\"}\"\n";
    write_tree(
        d.path(),
        &[
            (
                &format!("{yt}/Kommentare/Kommentare.csv"),
                kommentare.as_bytes(),
            ),
            (
                &format!("{yt}/Verlauf/Wiedergabeverlauf.html"),
                b"<html></html>",
            ),
            (
                &format!("{yt}/Abos/Abos.csv"),
                b"Kanal-ID,Kanal-URL,Kanaltitel\nUCx,u,t\n",
            ),
            (&format!("{yt}/Kanäle/Kanal-URL-Konfigurationen.csv"), b""),
            (&format!("{yt}/Video-Metadaten/Videos.csv"), b""),
            (
                "Takeout/Meine Aktivitäten/YouTube/MeineAktivitäten.html",
                b"<html></html>",
            ),
            ("Takeout/Archiv_Übersicht.html", b"<html></html>"),
        ],
    );
    let s = scanned(d.path());
    let c = by_id(&s, "UgxAAAAAAAAAAAAAAAAAAAAA");
    assert_eq!(c.kind, RecordKind::Comment);
    assert_eq!(
        c.field(Field::Text),
        Some("Patient Jane Example, NHS no 999 000 0018")
    );
    assert_eq!(
        c.url,
        "https://www.youtube.com/watch?v=WtOskFeLmr4&lc=UgxAAAAAAAAAAAAAAAAAAAAA"
    );
    assert_eq!(when(c), "2023-09-19T17:42:53Z");
    assert_eq!(
        by_id(&s, "UgwCCCCCCCCCCCCCCCCCCCCC.9iw").kind,
        RecordKind::Reply
    );
    let out = s.outcome("Kommentare/Kommentare.csv");
    assert!(
        out.warnings
            .iter()
            .any(|w| w.contains("recognised by their content")),
        "{:?}",
        out.warnings
    );
    assert_eq!(
        s.disposition("Videos.csv"),
        &Disposition::Skipped(names::EMPTY.into())
    );
    for (name, d, _) in &s.entries {
        assert!(
            matches!(d, Disposition::Parse | Disposition::Skipped(_)),
            "{name}: {d:?}"
        );
    }
    assert!(s.layout.contains("(German names)"), "{}", s.layout);
    assert_eq!(
        s.account, "UCnorthdaleNHSxxxxxxxxxx",
        "no channel file: the channel id"
    );
}

#[test]
fn a_loose_headerless_live_chat_extract_is_recognised_by_its_shape() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("youtube_live_chat_buffer.csv");
    std::fs::write(
        &p,
        "UgwsSD8yrDW7_h6F5vZ4AaABDqgB5OC1kgI,UCA6DtnbZ2KJckyTYfXOwQNA,2018-09-02T05:16:35.510381+00:00,0,0vGCh85obuI,\"{\"\"takeoutSegments\"\":[{\"\"text\"\":\"\"\"\"think\"\" jeez\"\"}]}\"\n\n    ",
    )
    .unwrap();
    assert!(YouTube.claims_file(&p));
    let s = scanned(&p);
    assert_eq!(s.records.len(), 1);
    let r = &s.records[0];
    assert_eq!(r.id, "UgwsSD8yrDW7_h6F5vZ4AaABDqgB5OC1kgI");
    assert_eq!(r.url, "https://www.youtube.com/watch?v=0vGCh85obuI");
    assert_eq!(when(r), "2018-09-02T05:16:35.510381Z");
    assert!(s.layout.contains("outside its folder"), "{}", s.layout);
}

#[test]
fn unrelated_csv_and_json_files_are_not_claimed() {
    let d = tempfile::tempdir().unwrap();
    let csv = d.path().join("Comments.csv");
    std::fs::write(&csv, "Date,Link,Message\n2024-01-01,https://x,hello\n").unwrap();
    assert!(!YouTube.claims_file(&csv));
    let json = d.path().join("posts.json");
    std::fs::write(&json, r#"[{"title":"x","time":"2024"}]"#).unwrap();
    assert!(!YouTube.claims_file(&json));
    assert!(scan(&csv).is_none());
}

#[test]
fn damaged_files_warn_or_fail_naming_the_problem_and_keep_what_was_read() {
    let d = tempfile::tempdir().unwrap();
    let yt = d.path().join("Takeout/YouTube and YouTube Music/comments");
    std::fs::create_dir_all(&yt).unwrap();
    // A bad date, invalid UTF-8, then a header-only live-chat file.
    let mut bytes = b"Comment ID,Channel ID,Comment Create Timestamp,Price,Parent Comment ID,Video ID,Comment Text\n\
UgxAAAAAAAAAAAAAAAAAAAAA,UCx,yesterday,0,,WtOskFeLmr4,\"{\"\"text\"\":\"\"caf"
        .to_vec();
    bytes.extend([0xE9]);
    bytes.extend(b"\"\"}\"\n");
    std::fs::write(yt.join("comments.csv"), &bytes).unwrap();
    let lc = d
        .path()
        .join("Takeout/YouTube and YouTube Music/live chats");
    std::fs::create_dir_all(&lc).unwrap();
    std::fs::write(
        lc.join("live chats.csv"),
        "Live Chat ID,Channel ID,Live Chat Create Timestamp,Price,Video ID,Live Chat Text\n",
    )
    .unwrap();
    let s = scan(d.path()).expect("recognised");
    let out = s.outcome("comments/comments.csv");
    assert_eq!(out.records, 1);
    assert_eq!(out.error, None);
    let w = out.warnings.join("; ");
    assert!(
        w.contains("1 timestamp not understood (first \"yesterday\""),
        "{w}"
    );
    assert!(w.contains("invalid UTF-8 in 1 row"), "{w}");
    assert_eq!(s.records[0].created_at, None);
    let empty = s.outcome("live chats/live chats.csv");
    assert_eq!(empty.records, 0);
    assert!(
        empty.warnings[0].contains("no rows"),
        "{:?}",
        empty.warnings
    );
}

#[test]
fn an_unclosed_quote_fails_the_file_after_the_rows_before_it() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("Takeout/YouTube and YouTube Music/comments");
    std::fs::create_dir_all(&dir).unwrap();
    let mut csv = COMMENTS_OLD.trim_end().to_string();
    csv.push_str("\nUgzZ,UCx,2023-01-01T00:00:00+00:00,0,,v,\"{\"\"text\"\":\"\"");
    csv.push_str(&"x".repeat((table::MAX_RECORD + 100_000) as usize));
    std::fs::write(dir.join("comments.csv"), csv).unwrap();
    let s = scan(d.path()).expect("recognised");
    let out = s.outcome("comments/comments.csv");
    assert_eq!(out.records, 2, "rows before the broken one are kept");
    let e = out.error.as_deref().unwrap_or("");
    assert!(
        e.contains("longer than") && e.contains("after 2 records"),
        "{e}"
    );
}

#[test]
fn an_html_list_numbers_undated_items_and_names_its_first_invalid_byte() {
    let d = tempfile::tempdir().unwrap();
    let mut page = br#"<html><body><ul><li>Sent at 2020-04-27 23:18:23 UTC while watching <a href="http://www.youtube.com/watch?v=mM1aaaaaaaa">a video</a>.<br/>caf"#.to_vec();
    let bad = page.len();
    page.extend(b"\xE9</li>\n<li>Sent at some point<br/>undated</li><li>no sentence 2019-01-02 03:04:05 UTC</li></ul>");
    write_tree(
        d.path(),
        &[(&format!("{YT}/my-comments/my-comments.html"), &page)],
    );
    let s = scanned(d.path());
    let ids: Vec<&str> = s.records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        ["2020-04-27T23:18:23Z", "item 2", "2019-01-02T03:04:05Z"]
    );
    assert_eq!(s.records[0].field(Field::Text), Some("caf\u{FFFD}"));
    let out = s.outcome("my-comments.html");
    assert_eq!(
        out.warnings,
        [
            format!(
                "{YT}/my-comments/my-comments.html: not valid UTF-8 at byte {bad}; \
                 invalid bytes were replaced"
            ),
            "1 timestamp not understood (first \"Sent at some point\" in row 2); \
             created_at left empty"
                .to_string()
        ]
    );
}

/// A page larger than the old 64 MiB whole-page cap (about 70 MiB,
/// written here) is read in full, item by item, and an item over the
/// per-item cap inside it is skipped with a warning naming where it is.
#[test]
fn an_html_list_larger_than_the_old_page_cap_is_read_in_full() {
    use crate::archive::Limits;
    use std::io::Write;
    let d = tempfile::tempdir().unwrap();
    let path = d.path().join(format!("{YT}/my-comments/my-comments.html"));
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    f.write_all(b"<html><head><title>My comments</title></head><body><ul>\n")
        .unwrap();
    let words = "a comment about the ward and the car park; ".repeat(24);
    let items = 70_000u64;
    let mut long_at = 0;
    for i in 0..items {
        if i == items / 2 {
            f.flush().unwrap();
            long_at = std::fs::metadata(&path).unwrap().len();
            f.write_all(b"<li>Sent at 2020-01-01 00:00:00 UTC<br/>")
                .unwrap();
            f.write_all(&vec![b'x'; cut::MAX_ITEM]).unwrap();
            f.write_all(b"</li>\n").unwrap();
        }
        writeln!(
            f,
            "<li>Sent at 2020-04-27 23:18:23 UTC while watching <a href=\"http://www.youtube.com/watch?v=v{i}\">a video</a>.<br/>{i} {words}</li>"
        )
        .unwrap();
    }
    f.write_all(b"</ul></body></html>\n").unwrap();
    drop(f);
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(size > 64 << 20, "{size} bytes");

    let archive = Archive::open(d.path(), &Limits::default()).unwrap();
    let unit = YouTube.open(&archive).expect("recognised");
    let entry = archive
        .entries()
        .into_iter()
        .find(|e| e.name.as_str().ends_with("my-comments.html"))
        .unwrap();
    let (mut n, mut last) = (0u64, String::new());
    let out = unit.read(&archive, &entry, &mut |r| {
        n += 1;
        last = r.url;
    });
    assert_eq!(out.error, None);
    assert_eq!(n, items);
    assert_eq!(out.records, items);
    assert_eq!(
        last,
        format!("https://www.youtube.com/watch?v=v{}", items - 1)
    );
    assert_eq!(
        out.warnings,
        [format!(
            "1 list item longer than the {} bytes read of one item skipped \
             (first at byte {long_at}, {} bytes)",
            cut::MAX_ITEM,
            cut::MAX_ITEM + 45
        )]
    );
}

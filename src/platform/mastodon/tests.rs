use super::*;
use crate::platform::meta::testing::{Scanned, scan, write_tree};
use serde_json::json;
use std::io::Write;

const ACTOR: &str = "https://social.example/users/northdale";
const PUBLIC_IRI: &str = "https://www.w3.org/ns/activitystreams#Public";

fn followers() -> String {
    format!("{ACTOR}/followers")
}

/// A `Create` activity as Mastodon's BackupService writes it.
fn create(
    id: u64,
    published: &str,
    to: &[&str],
    cc: &[&str],
    object: serde_json::Value,
) -> serde_json::Value {
    let mut note = json!({
        "id": format!("{ACTOR}/statuses/{id}"),
        "type": "Note",
        "summary": null,
        "inReplyTo": null,
        "published": published,
        "url": format!("https://social.example/@northdale/{id}"),
        "attributedTo": ACTOR,
        "to": to,
        "cc": cc,
        "sensitive": false,
        "content": "",
        "attachment": [],
        "tag": [],
    });
    for (k, v) in object.as_object().unwrap() {
        note[k] = v.clone();
    }
    json!({
        "id": format!("{ACTOR}/statuses/{id}/activity"),
        "type": "Create",
        "actor": ACTOR,
        "published": published,
        "to": to,
        "cc": cc,
        "object": note,
    })
}

fn outbox(items: Vec<serde_json::Value>) -> Vec<u8> {
    let v = json!({
        "@context": ["https://www.w3.org/ns/activitystreams", {"toot": "http://joinmastodon.org/ns#"}],
        "id": "outbox.json",
        "type": "OrderedCollection",
        "totalItems": items.len(),
        "orderedItems": items,
    });
    serde_json::to_vec_pretty(&v).unwrap()
}

fn actor() -> Vec<u8> {
    serde_json::to_vec_pretty(&json!({
        "@context": ["https://www.w3.org/ns/activitystreams"],
        "id": ACTOR,
        "type": "Person",
        "followers": followers(),
        "outbox": "outbox.json",
        "preferredUsername": "northdale",
        "name": "Northdale NHS Trust",
        "summary": "<p>Official account of Northdale NHS Trust.<br>Not monitored 24/7.</p>",
        "url": "https://social.example/@northdale",
        "published": "2022-11-05T00:00:00Z",
        "attachment": [
            {"type": "PropertyValue", "name": "Website", "value": "<a href=\"https://www.northdale.nhs.uk\" rel=\"me nofollow noopener\" target=\"_blank\"><span class=\"invisible\">https://www.</span><span class=\"\">northdale.nhs.uk</span></a>"},
            {"type": "PropertyValue", "name": "Switchboard", "value": "0191 496 0000"}
        ],
        "icon": {"type": "Image", "mediaType": "image/jpeg", "url": "avatar.jpg"},
        "likes": "likes.json",
        "bookmarks": "bookmarks.json"
    }))
    .unwrap()
}

const MEDIA: &str = "media_attachments/files/113/060/493/549/872/113/original/68528d6cfb0dd055.jpg";

/// Every kind of activity the outbox holds, in the shapes of the real
/// sample (docs/FORMATS.md, "Mastodon").
fn full_outbox() -> Vec<u8> {
    let public: &[&str] = &[PUBLIC_IRI];
    let f = followers();
    let fol: &[&str] = &[f.as_str()];
    outbox(vec![
        create(
            113060490461528306,
            "2024-09-01T04:49:35Z",
            public,
            fol,
            json!({
                "content": "<p>Flu clinic open &amp; walk-ins welcome <a href=\"https://social.example/tags/flu\" class=\"mention hashtag\" rel=\"tag\">#<span>flu</span></a></p><p>Details: <a href=\"https://www.northdale.nhs.uk/flu\" rel=\"nofollow noopener\"><span class=\"invisible\">https://www.</span><span class=\"\">northdale.nhs.uk/flu</span></a></p>",
                "tag": [{"type": "Hashtag", "href": "https://social.example/tags/flu", "name": "#flu"}],
            }),
        ),
        create(
            113060491120219974,
            "2024-09-01T04:49:45Z",
            public,
            fol,
            json!({
                "inReplyTo": "https://other.example/users/jo/statuses/1130604",
                "content": "<p><span class=\"h-card\"><a href=\"https://other.example/@jo\" class=\"u-url mention\">@<span>jo</span></a></span> thanks, passed on</p>",
                "tag": [{"type": "Mention", "href": "https://other.example/users/jo", "name": "@jo@other.example"}],
            }),
        ),
        create(
            113060494542175979,
            "2024-09-01T04:50:37Z",
            public,
            fol,
            json!({
                "summary": "Ward photo",
                "sensitive": true,
                "content": "<p>Our team today</p>",
                "attachment": [
                    {"type": "Document", "mediaType": "image/jpeg", "url": format!("/{MEDIA}"), "name": "Nurses beside the bed of a patient on Ward 7", "blurhash": "x"},
                    {"type": "Document", "mediaType": "video/mp4", "url": "/media_attachments/files/113/060/503/090/015/809/original/433c94e71bdf96ea.mp4", "name": null},
                ],
            }),
        ),
        create(
            113060511316566397,
            "2024-09-01T04:55:02Z",
            &["https://other.example/users/jo"],
            &[],
            json!({
                "content": "<p><span class=\"h-card\"><a href=\"https://other.example/@jo\" class=\"u-url mention\">@<span>jo</span></a></span> private word about the rota</p>",
                "tag": [{"type": "Mention", "href": "https://other.example/users/jo", "name": "@jo@other.example"}],
            }),
        ),
        create(
            113060510820469412,
            "2024-09-01T04:54:53Z",
            fol,
            &[],
            json!({"content": "<p>Followers-only post</p>"}),
        ),
        create(
            113060509035955618,
            "2024-09-01T04:54:45Z",
            fol,
            public,
            json!({
                "inReplyTo": format!("{ACTOR}/statuses/113060490461528306"),
                "content": "<p>Unlisted reply in our own thread</p>",
            }),
        ),
        json!({
            "id": format!("{ACTOR}/statuses/113060600000000000/activity"),
            "type": "Announce",
            "actor": ACTOR,
            "published": "2024-09-02T08:00:00Z",
            "to": [PUBLIC_IRI],
            "cc": [f],
            "object": "https://other.example/users/jo/statuses/1130605",
        }),
        json!({"id": "x", "type": "Like", "object": "https://other.example/y"}),
    ])
}

fn full_archive(root: &Path) {
    let outbox = full_outbox();
    let actor = actor();
    let jpeg = crate::platform::exif::jpeg_with_gps();
    write_tree(
        root,
        &[
            ("outbox.json", &outbox),
            ("actor.json", &actor),
            ("likes.json", b"{\"orderedItems\": []}"),
            ("bookmarks.json", b"{\"orderedItems\": []}"),
            ("avatar.jpg", b"\xFF\xD8\xFF\xD9"),
            (MEDIA, &jpeg),
            ("notes.txt", b"hello"),
        ],
    );
}

fn read(root: &Path) -> Scanned {
    let s = scan(root).expect("recognised");
    assert_eq!(s.platform, Platform::Mastodon);
    s
}

fn time(r: &Record) -> String {
    r.created_at.map(|t| t.to_string()).unwrap_or_default()
}

#[test]
fn an_archive_is_recognised_by_its_outbox_and_every_entry_is_accounted_for() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path().join("archive-20240901045500-0123456789abcdef");
    full_archive(&root);
    let s = read(&root);
    assert_eq!(s.account, "northdale@social.example");
    assert_eq!(
        s.layout,
        "Mastodon account archive: outbox.json and actor.json, 2 media files"
    );
    assert_eq!(s.disposition("outbox.json"), &Disposition::Parse);
    assert_eq!(s.disposition("actor.json"), &Disposition::Parse);
    assert_eq!(s.disposition("avatar.jpg"), &Disposition::Parse);
    assert_eq!(s.disposition(MEDIA), &Disposition::Parse);
    assert!(
        matches!(s.disposition("likes.json"), Disposition::Skipped(r) if r.contains("favourited"))
    );
    assert!(matches!(
        s.disposition("bookmarks.json"),
        Disposition::Skipped(_)
    ));
    assert_eq!(s.disposition("notes.txt"), &Disposition::Unknown);
    assert!(s.failures().is_empty(), "{:?}", s.failures());
    assert!(Mastodon.claims_folder(&root));
    assert!(!Mastodon.claims_folder(d.path()));
}

#[test]
fn posts_replies_direct_messages_and_boosts_get_their_kinds() {
    let d = tempfile::tempdir().unwrap();
    full_archive(d.path());
    let s = read(d.path());
    let posts = s.of("outbox.json");
    let kinds: Vec<(&str, RecordKind)> = posts.iter().map(|r| (r.id.as_str(), r.kind)).collect();
    assert_eq!(
        kinds,
        [
            ("113060490461528306", RecordKind::Post),
            ("113060491120219974", RecordKind::Reply),
            ("113060494542175979", RecordKind::Post),
            ("113060511316566397", RecordKind::Dm),
            ("113060510820469412", RecordKind::Post),
            ("113060509035955618", RecordKind::Reply),
            ("113060600000000000", RecordKind::Repost),
        ],
        "followers-only and unlisted statuses are published; one addressed only to a person is direct"
    );
    let out = s.outcome("outbox.json");
    assert_eq!(out.records, 7);
    assert_eq!(out.error, None);
    assert!(
        out.warnings
            .iter()
            .any(|w| w.contains("1 activity of type \"Like\" not read")),
        "{:?}",
        out.warnings
    );
}

#[test]
fn html_content_becomes_text_with_links_tags_and_a_permalink() {
    let d = tempfile::tempdir().unwrap();
    full_archive(d.path());
    let s = read(d.path());
    let r = s.of("outbox.json")[0];
    assert_eq!(
        r.field(Field::Text),
        Some(
            "Flu clinic open & walk-ins welcome #flu\n\nDetails: https://www.northdale.nhs.uk/flu"
        )
    );
    assert_eq!(
        r.field(Field::Link),
        Some("https://www.northdale.nhs.uk/flu")
    );
    assert_eq!(r.field(Field::Tags), Some("#flu"));
    assert_eq!(
        r.url,
        "https://social.example/@northdale/113060490461528306"
    );
    assert_eq!(time(r), "2024-09-01T04:49:35Z");
    assert_eq!(r.account, "northdale@social.example");
    assert!(r.mentions.is_empty());
}

#[test]
fn replies_and_direct_messages_name_who_they_address() {
    let d = tempfile::tempdir().unwrap();
    full_archive(d.path());
    let s = read(d.path());
    let recs = s.of("outbox.json");
    let reply = recs[1];
    assert_eq!(reply.field(Field::Text), Some("@jo thanks, passed on"));
    assert_eq!(reply.mentions, ["jo@other.example"]);
    let dm = recs[3];
    assert_eq!(dm.kind, RecordKind::Dm);
    assert_eq!(dm.mentions, ["jo@other.example"]);
    let own_thread = recs[5];
    assert!(
        own_thread.mentions.is_empty(),
        "a reply in the account's own thread addresses nobody: {:?}",
        own_thread.mentions
    );
}

#[test]
fn content_warnings_alt_text_and_attached_files_are_on_the_post() {
    let d = tempfile::tempdir().unwrap();
    full_archive(d.path());
    let s = read(d.path());
    let r = s.of("outbox.json")[2];
    assert_eq!(r.field(Field::ContentWarning), Some("Ward photo"));
    assert_eq!(
        r.field(Field::AltText),
        Some("Nurses beside the bed of a patient on Ward 7")
    );
    assert_eq!(r.media, [MEDIA], "the present file, by its archive path");
    let out = s.outcome("outbox.json");
    assert!(
        out.warnings.iter().any(
            |w| w.contains("1 attached media file is not in the archive")
                && w.contains("433c94e71bdf96ea.mp4")
        ),
        "{:?}",
        out.warnings
    );
}

#[test]
fn a_boost_keeps_the_boosted_address_as_link_and_permalink() {
    let d = tempfile::tempdir().unwrap();
    full_archive(d.path());
    let s = read(d.path());
    let r = s.kind(RecordKind::Repost)[0];
    assert_eq!(r.url, "https://other.example/users/jo/statuses/1130605");
    assert_eq!(r.field(Field::Link), Some(r.url.as_str()));
    assert_eq!(r.field(Field::Text), None);
    assert_eq!(time(r), "2024-09-02T08:00:00Z");
}

#[test]
fn the_actor_is_a_profile_with_bio_fields_and_website() {
    let d = tempfile::tempdir().unwrap();
    full_archive(d.path());
    let s = read(d.path());
    let p = s.kind(RecordKind::Profile);
    assert_eq!(p.len(), 1);
    let p = p[0];
    assert_eq!(p.id, "northdale");
    assert_eq!(p.url, "https://social.example/@northdale");
    assert_eq!(time(p), "2022-11-05T00:00:00Z");
    assert_eq!(p.field(Field::Title), Some("Northdale NHS Trust"));
    assert_eq!(p.field(Field::Username), Some("northdale"));
    let bios: Vec<&str> = p
        .fields
        .iter()
        .filter(|f| f.name == Field::Bio)
        .map(|f| f.value.as_str())
        .collect();
    assert_eq!(
        bios,
        [
            "Official account of Northdale NHS Trust.\nNot monitored 24/7.",
            "Website: https://www.northdale.nhs.uk",
            "Switchboard: 0191 496 0000"
        ]
    );
    assert_eq!(
        p.field(Field::Website),
        Some("https://www.northdale.nhs.uk")
    );
}

#[test]
fn media_files_get_exif_gps_and_the_time_their_id_carries() {
    let d = tempfile::tempdir().unwrap();
    full_archive(d.path());
    let s = read(d.path());
    let m = s.of(MEDIA)[0];
    assert_eq!(m.kind, RecordKind::Media);
    assert_eq!(m.id, "113060493549872113");
    assert_eq!(time(m), "2024-09-01T04:50:22.379Z");
    assert_eq!(m.field(Field::MediaName), Some("68528d6cfb0dd055.jpg"));
    assert_eq!(m.locations.len(), 1);
    assert_eq!(m.locations[0].field, Field::Exif);
    assert!((m.locations[0].lat.unwrap() - 51.5).abs() < 1e-9);
    let avatar = s.of("avatar.jpg")[0];
    assert_eq!(avatar.id, "avatar");
    assert_eq!(avatar.url, "https://social.example/@northdale");
}

#[test]
fn a_zip_with_a_top_folder_reads_the_same() {
    let d = tempfile::tempdir().unwrap();
    let zip = d.path().join("archive-20240901045500-0123456789abcdef.zip");
    let mut w = zip::ZipWriter::new(std::fs::File::create(&zip).unwrap());
    let opts = zip::write::SimpleFileOptions::default();
    for (name, data) in [
        ("top/outbox.json", full_outbox()),
        ("top/actor.json", actor()),
    ] {
        w.start_file(name, opts).unwrap();
        w.write_all(&data).unwrap();
    }
    w.finish().unwrap();
    let s = read(&zip);
    assert_eq!(s.account, "northdale@social.example");
    assert_eq!(s.of("top/outbox.json").len(), 7);
    assert_eq!(s.kind(RecordKind::Profile).len(), 1);
}

#[test]
fn a_truncated_outbox_fails_naming_the_file_and_keeps_what_was_read() {
    let d = tempfile::tempdir().unwrap();
    full_archive(d.path());
    let whole = full_outbox();
    // Cut inside the fourth activity.
    let cut = memchr::memmem::find(&whole, b"113060511316566397").unwrap();
    std::fs::write(d.path().join("outbox.json"), &whole[..cut]).unwrap();
    let s = read(d.path());
    let out = s.outcome("outbox.json");
    let e = out.error.as_deref().unwrap();
    assert!(
        e.starts_with("outbox.json ends early at line") && e.contains("truncated file?"),
        "{e}"
    );
    assert_eq!(out.records, 3, "the three whole activities before the cut");
    assert_eq!(s.of("outbox.json").len(), 3);
    assert_eq!(
        s.kind(RecordKind::Profile).len(),
        1,
        "actor.json still read"
    );
    assert_eq!(s.failures().len(), 1, "{:?}", s.failures());
}

#[test]
fn broken_json_and_the_wrong_shape_are_clear_errors() {
    let d = tempfile::tempdir().unwrap();
    write_tree(
        d.path(),
        &[
            (
                "outbox.json",
                b"{\"type\": \"OrderedCollection\", \"orderedItems\": [{\"type\": \"Create\",, }]}",
            ),
            ("actor.json", &actor()),
        ],
    );
    let s = read(d.path());
    let e = s.outcome("outbox.json").error.clone().unwrap();
    assert!(
        e.starts_with("outbox.json: invalid JSON at line 1, column"),
        "{e}"
    );

    write_tree(
        d.path(),
        &[(
            "outbox.json",
            b"{\"type\": \"OrderedCollection\", \"orderedItems\": \"none\"}",
        )],
    );
    let s = read(d.path());
    let e = s.outcome("outbox.json").error.clone().unwrap();
    assert!(e.contains("not an ActivityStreams collection"), "{e}");

    write_tree(
        d.path(),
        &[("actor.json", b"\"preferredUsername\" \"outbox\"")],
    );
    let s = read(d.path());
    let e = s.outcome("actor.json").error.clone().unwrap();
    assert!(e.starts_with("actor.json: "), "{e}");
}

#[test]
fn an_outbox_with_no_statuses_is_a_warning_not_a_silent_parse() {
    let d = tempfile::tempdir().unwrap();
    write_tree(d.path(), &[("outbox.json", &outbox(vec![]))]);
    let s = read(d.path());
    let out = s.outcome("outbox.json");
    assert_eq!(out.records, 0);
    assert_eq!(out.error, None);
    assert_eq!(out.warnings, ["the outbox lists no statuses: 0 records"]);
}

#[test]
fn without_actor_json_the_account_comes_from_the_outbox() {
    let d = tempfile::tempdir().unwrap();
    write_tree(d.path(), &[("outbox.json", &full_outbox())]);
    let s = read(d.path());
    assert_eq!(s.account, "northdale@social.example");
    assert_eq!(
        s.layout,
        "Mastodon account archive: outbox.json without actor.json, 0 media files"
    );
    assert_eq!(
        s.kind(RecordKind::Dm).len(),
        1,
        "followers collection guessed from the actor"
    );
}

#[test]
fn handles_and_id_times() {
    assert_eq!(
        handle_from_url("https://social.example/users/jo/statuses/1").as_deref(),
        Some("jo@social.example")
    );
    assert_eq!(
        handle_from_url("https://social.example/@jo/113").as_deref(),
        Some("jo@social.example")
    );
    assert_eq!(
        handle_from_url("https://pleroma.example/objects/9f3a"),
        None
    );
    assert_eq!(handle_from_url("not a url"), None);
    assert_eq!(
        time_from_id("113060490461528306")
            .map(|t| t.to_string())
            .as_deref(),
        Some("2024-09-01T04:49:35.255Z")
    );
    assert_eq!(time_from_id("1234"), None, "pre-2017 sequential ids");
    assert_eq!(time_from_id("x"), None);
}

/// The real sample (docs/FORMATS.md, "Mastodon"): a test account's nine
/// activities, one of them a direct message, media not copied.
#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn the_real_sample_reads_as_posts_replies_and_one_direct_message() {
    let dirs = crate::platform::meta::testing::sample_dirs("mastodon");
    let root = dirs[0].join("archive-data");
    let s = read(&root);
    assert_eq!(s.account, "zapdos@social.erambert.me");
    let recs = s.of("outbox.json");
    assert_eq!(recs.len(), 9);
    let count = |k| recs.iter().filter(|r| r.kind == k).count();
    assert_eq!(count(RecordKind::Post), 2);
    assert_eq!(count(RecordKind::Reply), 6);
    assert_eq!(count(RecordKind::Dm), 1);
    let dm = recs.iter().find(|r| r.kind == RecordKind::Dm).unwrap();
    assert_eq!(dm.field(Field::Text), Some("@zapdos private post"));
    let cw = recs
        .iter()
        .find(|r| r.field(Field::ContentWarning).is_some())
        .unwrap();
    assert_eq!(
        cw.field(Field::ContentWarning),
        Some("sensitive content inside!!")
    );
    assert_eq!(
        cw.url,
        "https://social.erambert.me/@zapdos/113060509035955618"
    );
    let p = s.kind(RecordKind::Profile)[0];
    assert_eq!(p.field(Field::Bio), Some("This is a test account"));
}

#[test]
fn one_huge_activity_is_refused_rather_than_held_in_memory() {
    let d = tempfile::tempdir().unwrap();
    let mut bytes = br#"{"type":"OrderedCollection","orderedItems":[{"type":"Create","object":{"type":"Note","content":"ok"}},{"type":"Create","object":{"type":"Note","content":""#.to_vec();
    bytes.resize(
        bytes.len() + (outbox::MAX_ACTIVITY as usize) + (2 << 20),
        b'x',
    );
    bytes.extend(br#""}}]}"#);
    write_tree(d.path(), &[("outbox.json", &bytes)]);
    let s = read(d.path());
    let out = s.outcome("outbox.json");
    let e = out.error.as_deref().unwrap();
    assert!(
        e.starts_with("outbox.json: read stopped after 1 activities")
            && e.contains("longer than 67108864 bytes"),
        "{e}"
    );
    assert_eq!(out.records, 1);
}

#[test]
fn a_poll_keeps_its_options_in_the_text() {
    let d = tempfile::tempdir().unwrap();
    let f = followers();
    let poll = create(
        113060700000000000,
        "2024-09-03T10:00:00Z",
        &[PUBLIC_IRI],
        &[f.as_str()],
        json!({
            "type": "Question",
            "content": "<p>Which clinic time suits you?</p>",
            "oneOf": [
                {"type": "Note", "name": "Mornings", "replies": {"type": "Collection", "totalItems": 3}},
                {"type": "Note", "name": "Evenings", "replies": {"type": "Collection", "totalItems": 5}}
            ]
        }),
    );
    write_tree(d.path(), &[("outbox.json", &outbox(vec![poll]))]);
    let s = read(d.path());
    let r = s.of("outbox.json")[0];
    assert_eq!(r.kind, RecordKind::Post);
    assert_eq!(
        r.field(Field::Text),
        Some("Which clinic time suits you?\nMornings\nEvenings")
    );
}

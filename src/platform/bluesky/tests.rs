use super::testing::*;
use super::*;
use crate::archive::Limits;
use ipld_core::cid::Cid;
use serde_json::json;
use std::io::Write;

/// Every record and the outcome of each parsed entry of `path`, which the
/// Bluesky reader must recognise.
fn read_all(path: &Path) -> (Box<dyn Unit>, Vec<Record>, BTreeMap<String, EntryOutcome>) {
    let archive = Archive::open(path, &Limits::default()).unwrap();
    let unit = Bluesky
        .open(&archive)
        .expect("recognised as a Bluesky export");
    let mut recs = Vec::new();
    let mut outs = BTreeMap::new();
    for e in archive.entries() {
        if unit.disposition(&e) == Disposition::Parse {
            let out = unit.read(&archive, &e, &mut |r| recs.push(r));
            outs.insert(e.name.to_string(), out);
        }
    }
    (unit, recs, outs)
}

/// One CAR written as `repo.car` in a temp folder and read alone.
fn read_car(bytes: &[u8]) -> (Vec<Record>, EntryOutcome) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("repo.car");
    std::fs::write(&p, bytes).unwrap();
    let (_, recs, mut outs) = read_all(&p);
    (recs, outs.remove("repo.car").expect("repo.car parsed"))
}

fn by_id<'a>(recs: &'a [Record], id: &str) -> &'a Record {
    recs.iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no record {id}"))
}

fn values(r: &Record, f: Field) -> Vec<&str> {
    r.fields
        .iter()
        .filter(|x| x.name == f)
        .map(|x| x.value.as_str())
        .collect()
}

fn detail(out: &EntryOutcome) -> String {
    out.warnings.join("; ")
}

const OTHER: &str = "did:plc:otherperson00000000000001";

fn everyday_repo() -> Vec<(&'static str, serde_json::Value)> {
    vec![
        (
            "app.bsky.feed.post/3kaaaaaaaaa2a",
            post("Flu clinics open on Saturday", "2024-10-05T09:00:00.000Z"),
        ),
        (
            "app.bsky.feed.post/3kaaaaaaaab2a",
            json!({
                "$type": "app.bsky.feed.post",
                "text": "Thanks, we'll pass this on",
                "createdAt": "2024-10-05T10:30:00.123456Z",
                "reply": {
                    "root": {"uri": format!("at://{OTHER}/app.bsky.feed.post/3kzzzzzzzzz2a"), "cid": "bafyreihadwovsgcllxyfq7n5qjt6mbsodskyt7wwnt3dtngpg5gwgbqylu"},
                    "parent": {"uri": format!("at://{OTHER}/app.bsky.feed.post/3kzzzzzzzzz2b"), "cid": "bafyreihadwovsgcllxyfq7n5qjt6mbsodskyt7wwnt3dtngpg5gwgbqylu"}
                }
            }),
        ),
        (
            "app.bsky.feed.repost/3kaaaaaaaac2a",
            json!({
                "$type": "app.bsky.feed.repost",
                "subject": {"uri": format!("at://{OTHER}/app.bsky.feed.post/3kyyyyyyyyy2a"), "cid": "bafyreihadwovsgcllxyfq7n5qjt6mbsodskyt7wwnt3dtngpg5gwgbqylu"},
                "createdAt": "2024-10-06T08:00:00+01:00"
            }),
        ),
        (
            "app.bsky.actor.profile/self",
            json!({
                "$type": "app.bsky.actor.profile",
                "displayName": "Northdale NHS Trust",
                "description": "Official account. Not monitored 24/7.",
            }),
        ),
        (
            "app.bsky.feed.like/3kaaaaaaaad2a",
            json!({"$type": "app.bsky.feed.like", "subject": {"uri": "at://x/app.bsky.feed.post/1", "cid": "bafyreihadwovsgcllxyfq7n5qjt6mbsodskyt7wwnt3dtngpg5gwgbqylu"}, "createdAt": "2024-10-06T08:00:00Z"}),
        ),
        (
            "app.bsky.graph.follow/3kaaaaaaaae2a",
            json!({"$type": "app.bsky.graph.follow", "subject": OTHER, "createdAt": "2024-10-06T08:00:00Z"}),
        ),
        (
            "app.bsky.graph.follow/3kaaaaaaaaf2a",
            json!({"$type": "app.bsky.graph.follow", "subject": OTHER, "createdAt": "2024-10-06T08:01:00Z"}),
        ),
        (
            "blue.linkat.board/self",
            json!({"$type": "blue.linkat.board", "cards": []}),
        ),
    ]
}

#[test]
fn a_repository_gives_posts_replies_reposts_and_the_profile_with_permalinks_and_utc_times() {
    let (recs, out) = read_car(&repo(DID, &everyday_repo()));
    assert_eq!(out.error, None, "{out:?}");
    assert_eq!(out.records, 4);
    assert_eq!(recs.len(), 4);
    assert!(recs.iter().all(|r| r.platform == Platform::Bluesky));
    assert!(
        recs.iter()
            .all(|r| r.account == DID && r.entry == "repo.car")
    );

    let p = by_id(&recs, "app.bsky.feed.post/3kaaaaaaaaa2a");
    assert_eq!(p.kind, RecordKind::Post);
    assert_eq!(p.field(Field::Text), Some("Flu clinics open on Saturday"));
    assert_eq!(
        p.url,
        format!("https://bsky.app/profile/{DID}/post/3kaaaaaaaaa2a")
    );
    assert_eq!(p.created_at.unwrap().to_string(), "2024-10-05T09:00:00Z");

    let reply = by_id(&recs, "app.bsky.feed.post/3kaaaaaaaab2a");
    assert_eq!(reply.kind, RecordKind::Reply);
    assert_eq!(reply.mentions, vec![OTHER.to_string()]);
    assert_eq!(
        reply.created_at.unwrap().to_string(),
        "2024-10-05T10:30:00.123456Z"
    );

    let repost = by_id(&recs, "app.bsky.feed.repost/3kaaaaaaaac2a");
    assert_eq!(repost.kind, RecordKind::Repost);
    assert_eq!(
        repost.field(Field::Link),
        Some(format!("at://{OTHER}/app.bsky.feed.post/3kyyyyyyyyy2a").as_str())
    );
    assert_eq!(
        repost.url,
        format!("https://bsky.app/profile/{OTHER}/post/3kyyyyyyyyy2a"),
        "a repost links to the post it shares"
    );
    assert_eq!(
        repost.created_at.unwrap().to_string(),
        "2024-10-06T07:00:00Z",
        "an offset is converted to UTC"
    );

    let profile = by_id(&recs, "app.bsky.actor.profile/self");
    assert_eq!(profile.kind, RecordKind::Profile);
    assert_eq!(profile.field(Field::Title), Some("Northdale NHS Trust"));
    assert_eq!(
        profile.field(Field::Bio),
        Some("Official account. Not monitored 24/7.")
    );
    assert_eq!(profile.url, format!("https://bsky.app/profile/{DID}"));

    // Likes, follows and unknown types are counted in the entry's detail.
    let d = detail(&out);
    assert!(
        d.contains("not read (known, not needed by any rule): 1 likes (app.bsky.feed.like), 2 follows (app.bsky.graph.follow)"),
        "{d}"
    );
    assert!(
        d.contains("not read (record types this reader does not know): 1 blue.linkat.board"),
        "{d}"
    );
}

#[test]
fn embeds_facets_and_labels_become_alt_text_links_mentions_tags_and_content_warnings() {
    let img = raw_cid(b"jpeg one");
    let vid = raw_cid(b"video one");
    let text = "Meet @ward7.example.org at the clinic #FluJab northdale.example/flu";
    let start = text.find("northdale").unwrap();
    let tag = text.find("#FluJab").unwrap();
    let records = vec![
        (
            "app.bsky.feed.post/3kbbbbbbbba2a",
            json!({
                "$type": "app.bsky.feed.post",
                "text": text,
                "createdAt": "2024-10-05T09:00:00Z",
                "tags": ["winter", "FluJab"],
                "facets": [
                    {"index": {"byteStart": 5, "byteEnd": 23},
                     "features": [{"$type": "app.bsky.richtext.facet#mention", "did": OTHER}]},
                    {"index": {"byteStart": tag, "byteEnd": tag + 7},
                     "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "FluJab"}]},
                    {"index": {"byteStart": start, "byteEnd": text.len()},
                     "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://northdale.example/flu"}]}
                ],
                "embed": {
                    "$type": "app.bsky.embed.images",
                    "images": [
                        {"alt": "Patient in bed 4 on Ward 7", "image": {"$type": "blob", "ref": {"$link": img.to_string()}, "mimeType": "image/jpeg", "size": 8}},
                        {"alt": "", "image": {"cid": "bafkreievrsvjpdddx35bfpcnlggfeau3pychkxrdruo4f35u66n3q6wavi", "mimeType": "image/png"}}
                    ]
                },
                "labels": {"$type": "com.atproto.label.defs#selfLabels", "values": [{"val": "graphic-media"}]}
            }),
        ),
        (
            "app.bsky.feed.post/3kbbbbbbbbb2a",
            json!({
                "$type": "app.bsky.feed.post",
                "text": "Read this",
                "createdAt": "2024-10-05T09:00:00Z",
                "embed": {"$type": "app.bsky.embed.external", "external": {"uri": "https://news.example/story", "title": "A story", "description": ""}}
            }),
        ),
        (
            "app.bsky.feed.post/3kbbbbbbbbc2a",
            json!({
                "$type": "app.bsky.feed.post",
                "text": "Quoting with a clip",
                "createdAt": "2024-10-05T09:00:00Z",
                "embed": {
                    "$type": "app.bsky.embed.recordWithMedia",
                    "record": {"$type": "app.bsky.embed.record", "record": {"uri": format!("at://{OTHER}/app.bsky.feed.post/3kq"), "cid": "bafyreihadwovsgcllxyfq7n5qjt6mbsodskyt7wwnt3dtngpg5gwgbqylu"}},
                    "media": {"$type": "app.bsky.embed.video", "alt": "Ward round filmed", "video": {"$type": "blob", "ref": {"$link": vid.to_string()}, "mimeType": "video/mp4", "size": 9}}
                }
            }),
        ),
        (
            "app.bsky.feed.post/3kbbbbbbbbd2a",
            json!({
                "$type": "app.bsky.feed.post",
                "text": "Plain quote",
                "createdAt": "2024-10-05T09:00:00Z",
                "embed": {"$type": "app.bsky.embed.record", "record": {"uri": format!("at://{OTHER}/app.bsky.feed.post/3kr"), "cid": "bafyreihadwovsgcllxyfq7n5qjt6mbsodskyt7wwnt3dtngpg5gwgbqylu"}}
            }),
        ),
        (
            "app.bsky.feed.post/3kbbbbbbbbe2a",
            json!({
                "$type": "app.bsky.feed.post",
                "text": "A poll",
                "createdAt": "2024-10-05T09:00:00Z",
                "embed": {"$type": "app.example.embed.poll", "options": ["a", "b"]}
            }),
        ),
    ];
    let (recs, out) = read_car(&repo(DID, &records));
    assert_eq!(out.error, None);
    assert_eq!(recs.len(), 5);

    let p = by_id(&recs, "app.bsky.feed.post/3kbbbbbbbba2a");
    assert_eq!(
        p.mentions,
        vec!["ward7.example.org".to_string()],
        "the handle as written"
    );
    assert_eq!(
        values(p, Field::Link),
        vec!["https://northdale.example/flu"]
    );
    assert_eq!(p.field(Field::Tags), Some("FluJab winter"));
    assert_eq!(
        values(p, Field::AltText),
        vec!["Patient in bed 4 on Ward 7"]
    );
    assert_eq!(
        values(p, Field::MediaName),
        vec![
            format!("{img}.jpeg").as_str(),
            "bafkreievrsvjpdddx35bfpcnlggfeau3pychkxrdruo4f35u66n3q6wavi.png"
        ]
    );
    assert!(p.media.is_empty(), "no blob files beside the CAR");
    assert_eq!(p.field(Field::ContentWarning), Some("graphic-media"));

    let ext = by_id(&recs, "app.bsky.feed.post/3kbbbbbbbbb2a");
    assert_eq!(values(ext, Field::Link), vec!["https://news.example/story"]);

    let rwm = by_id(&recs, "app.bsky.feed.post/3kbbbbbbbbc2a");
    assert_eq!(
        values(rwm, Field::Link),
        vec![format!("at://{OTHER}/app.bsky.feed.post/3kq").as_str()]
    );
    assert_eq!(values(rwm, Field::AltText), vec!["Ward round filmed"]);
    assert_eq!(
        values(rwm, Field::MediaName),
        vec![format!("{vid}.mp4").as_str()]
    );

    let quote = by_id(&recs, "app.bsky.feed.post/3kbbbbbbbbd2a");
    assert_eq!(
        values(quote, Field::Link),
        vec![format!("at://{OTHER}/app.bsky.feed.post/3kr").as_str()]
    );

    let poll = by_id(&recs, "app.bsky.feed.post/3kbbbbbbbbe2a");
    assert_eq!(poll.field(Field::Text), Some("A poll"));
    assert!(
        detail(&out).contains(
            "embeds of a type this reader does not know (the post's text was read): 1 app.example.embed.poll"
        ),
        "{}",
        detail(&out)
    );
}

#[test]
fn posts_of_2023_give_their_links_and_mentions_from_entities() {
    let text = "okay @nurse.example.org see https://northdale.example/rota";
    let records = vec![(
        "app.bsky.feed.post/3jjbw6rmels2o",
        json!({
            "$type": "app.bsky.feed.post",
            "text": text,
            "createdAt": "2023-03-14T19:28:01.150Z",
            "entities": [
                {"type": "mention", "index": {"start": 5, "end": 23}, "value": OTHER},
                {"type": "link", "index": {"start": 28, "end": text.len()}, "value": "https://northdale.example/rota"},
                {"type": "mention", "index": {"start": 500, "end": 600}, "value": "did:plc:outofrange0000000000001"}
            ]
        }),
    )];
    let (recs, out) = read_car(&repo(DID, &records));
    assert_eq!(out.error, None);
    let p = &recs[0];
    assert_eq!(
        p.mentions,
        vec![
            "nurse.example.org".to_string(),
            "did:plc:outofrange0000000000001".to_string()
        ],
        "the handle as written, else the DID"
    );
    assert_eq!(
        values(p, Field::Link),
        vec!["https://northdale.example/rota"]
    );
}

/// A small JPEG: SOI, an empty APP0, EOI.
const JPEG: &[u8] = b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xFF\xD9";

#[test]
fn blobs_beside_the_car_are_media_records_and_are_listed_on_their_post() {
    let img = raw_cid(JPEG);
    let records = vec![(
        "app.bsky.feed.post/3kccccccccc2a",
        json!({
            "$type": "app.bsky.feed.post",
            "text": "Our new ward",
            "createdAt": "2024-10-05T09:00:00Z",
            "embed": {"$type": "app.bsky.embed.images", "images": [
                {"alt": "", "image": {"$type": "blob", "ref": {"$link": img.to_string()}, "mimeType": "image/jpeg", "size": JPEG.len()}}
            ]}
        }),
    )];
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("northdale-export");
    std::fs::create_dir_all(root.join("blobs")).unwrap();
    std::fs::write(root.join("repo.car"), repo(DID, &records)).unwrap();
    std::fs::write(root.join("blobs").join(img.to_string()), JPEG).unwrap();
    std::fs::write(root.join("notes.txt"), "not part of the export").unwrap();
    assert!(Bluesky.claims_folder(&root));

    let (unit, recs, outs) = read_all(&root);
    assert_eq!(unit.account(), DID);
    assert!(
        unit.layout().contains("1 blob file beside it"),
        "{}",
        unit.layout()
    );
    let blob_entry = format!("blobs/{img}");
    let post = by_id(&recs, "app.bsky.feed.post/3kccccccccc2a");
    assert_eq!(post.media, vec![blob_entry.clone()]);
    let media = by_id(&recs, &img.to_string());
    assert_eq!(media.kind, RecordKind::Media);
    assert_eq!(media.media, vec![blob_entry.clone()]);
    assert_eq!(outs[&blob_entry].records, 1);
    assert_eq!(outs[&blob_entry].error, None);

    let archive = Archive::open(&root, &Limits::default()).unwrap();
    let notes = archive.entry("notes.txt").unwrap();
    assert_eq!(unit.disposition(&notes), Disposition::Unknown);
}

#[test]
fn a_car_is_recognised_by_content_alone_zipped_or_in_a_folder_whatever_its_name() {
    let car = repo(DID, &everyday_repo());
    let dir = tempfile::tempdir().unwrap();

    let loose = dir.path().join("did-plc-export.getRepo");
    std::fs::write(&loose, &car).unwrap();
    assert!(Bluesky.claims_file(&loose));
    let (unit, recs, _) = read_all(&loose);
    assert_eq!(unit.account(), DID);
    assert_eq!(recs.len(), 4);

    let zip = dir.path().join("bluesky.zip");
    let mut w = zip::ZipWriter::new(std::fs::File::create(&zip).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    w.start_file("export/repo.car", opts).unwrap();
    w.write_all(&car).unwrap();
    w.start_file("export/chat.jsonl", opts).unwrap();
    w.write_all(b"{}\n").unwrap();
    w.finish().unwrap();
    let (unit, recs, outs) = read_all(&zip);
    assert_eq!(recs.len(), 4);
    assert_eq!(outs["export/repo.car"].records, 4);
    assert!(
        unit.layout()
            .starts_with("Bluesky repository export: 1 CAR v1 file, commit version 3")
    );
    let archive = Archive::open(&zip, &Limits::default()).unwrap();
    let chat = archive.entry("export/chat.jsonl").unwrap();
    assert_eq!(unit.disposition(&chat), Disposition::Unknown);

    // Not repository exports: a JSON file named .car, a CAR v2 header, an
    // empty file, another kind of CAR.
    for (name, bytes) in [
        ("fake.car", b"{\"version\":1,\"roots\":[]}".to_vec()),
        ("v2.car", {
            let mut b = car.clone();
            // The header's `version: 1` is its last byte.
            let at = 1 + car[0] as usize - 1;
            b[at] = 2;
            b
        }),
        ("empty.car", Vec::new()),
        ("ipfs.car", {
            // A CAR whose root is a file's bytes, not a repository commit.
            let mut other = Car::default();
            let root = other.block(&ipld(&json!({"Data": "hello", "Links": []})));
            other.bytes(root)
        }),
    ] {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        assert!(!Bluesky.claims_file(&p), "{name}");
        let archive = Archive::open(&p, &Limits::default()).unwrap();
        assert!(Bluesky.open(&archive).is_none(), "{name}");
    }
}

#[test]
fn a_cut_car_fails_naming_the_file_and_keeps_the_records_read_before_the_cut() {
    let mut car = Car::default();
    let mut entries = Vec::new();
    for i in 0..6 {
        let c = car.block(&ipld(&post(
            &format!("post number {i}"),
            "2024-10-05T09:00:00Z",
        )));
        entries.push((format!("app.bsky.feed.post/3kddddddddd{i}a"), c, None));
    }
    let node = car.node(None, &entries);
    let commit = car.commit(DID, node);
    // Write the node before the records so the cut falls among records.
    car.blocks.rotate_right(2);
    let bytes = car.bytes(commit);
    let cut = &bytes[..bytes.len() - 20];
    let (recs, out) = read_car(cut);
    let err = out.error.expect("a cut file is a failure");
    assert!(err.starts_with("repo.car: truncated at byte "), "{err}");
    assert!(
        err.contains(
            "read stopped after 5 records (1 more the record tree names were not reached)"
        ),
        "{err}"
    );
    assert_eq!(recs.len(), 5, "the records before the cut are kept");
}

#[test]
fn a_block_the_tree_names_but_the_file_lacks_is_a_warning_not_a_failure() {
    let mut car = Car::default();
    let a = car.block(&ipld(&post("kept", "2024-10-05T09:00:00Z")));
    let b = car.block(&ipld(&post("lost", "2024-10-05T09:00:00Z")));
    let c = car.block(&ipld(&post("under a lost node", "2024-10-05T09:00:00Z")));
    let lost_node = car.node(None, &[("app.bsky.feed.post/3kz".to_string(), c, None)]);
    let root = car.node(
        None,
        &[
            ("app.bsky.feed.post/3ka".to_string(), a, None),
            ("app.bsky.feed.post/3kb".to_string(), b, Some(lost_node)),
        ],
    );
    let commit = car.commit(DID, root);
    car.blocks.retain(|(cid, _)| *cid != b && *cid != lost_node);
    let (recs, out) = read_car(&car.bytes(commit));
    assert_eq!(out.error, None);
    assert_eq!(recs.len(), 1);
    let d = detail(&out);
    assert!(
        d.contains("1 part of the record tree is not in the file (a partial repository)"),
        "{d}"
    );
    assert!(
        d.contains("1 record the record tree names is not in the file (a partial repository): 1 app.bsky.feed.post"),
        "{d}"
    );
}

#[test]
fn a_block_that_does_not_match_its_cid_is_reported_and_still_read() {
    let mut car = Car::default();
    let a = car.block(&ipld(&post("Ward 7 is open", "2024-10-05T09:00:00Z")));
    let root = car.node(None, &[("app.bsky.feed.post/3ka".to_string(), a, None)]);
    let commit = car.commit(DID, root);
    for (cid, data) in &mut car.blocks {
        if *cid == a {
            let at = data.windows(6).position(|w| w == b"Ward 7").unwrap();
            data[at + 5] = b'8';
        }
    }
    let (recs, out) = read_car(&car.bytes(commit));
    assert_eq!(out.error, None);
    assert_eq!(recs[0].field(Field::Text), Some("Ward 8 is open"));
    assert!(
        detail(&out).contains("1 block does not match its CID (first at byte"),
        "{}",
        detail(&out)
    );
}

#[test]
fn blocks_the_tree_does_not_reach_are_not_records() {
    // A 2023 repository keeps old commits and the records they dropped.
    let mut car = Car::default();
    let old = car.block(&ipld(&post("deleted long ago", "2023-01-01T00:00:00Z")));
    let old_root = car.node(None, &[("app.bsky.feed.post/3kold".to_string(), old, None)]);
    car.commit(DID, old_root);
    let now = car.block(&ipld(&post("current", "2024-10-05T09:00:00Z")));
    let root = car.node(None, &[("app.bsky.feed.post/3know".to_string(), now, None)]);
    let commit = car.commit(DID, root);
    let (recs, out) = read_car(&car.bytes(commit));
    assert_eq!(out.error, None);
    let ids: Vec<&str> = recs.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, vec!["app.bsky.feed.post/3know"]);
}

#[test]
fn bad_and_zoneless_times_are_warnings() {
    let records = vec![
        ("app.bsky.feed.post/3ka", post("one", "yesterday at noon")),
        ("app.bsky.feed.post/3kb", post("two", "2024-10-05T09:00:00")),
        (
            "app.bsky.feed.post/3kc",
            post("three", "2024-10-05T09:00:00Z"),
        ),
    ];
    let (recs, out) = read_car(&repo(DID, &records));
    assert_eq!(by_id(&recs, "app.bsky.feed.post/3ka").created_at, None);
    assert_eq!(
        by_id(&recs, "app.bsky.feed.post/3kb")
            .created_at
            .unwrap()
            .to_string(),
        "2024-10-05T09:00:00Z"
    );
    let d = detail(&out);
    assert!(
        d.contains("1 createdAt value not a time (first app.bsky.feed.post/3ka: \"yesterday at noon\"); left empty"),
        "{d}"
    );
    assert!(
        d.contains("1 createdAt value without a time zone (first app.bsky.feed.post/3kb: \"2024-10-05T09:00:00\"); read as UTC"),
        "{d}"
    );
}

#[test]
fn a_repository_of_only_likes_warns_that_it_gave_no_records() {
    let records = vec![(
        "app.bsky.feed.like/3ka",
        json!({"$type": "app.bsky.feed.like", "subject": {"uri": "at://x/y/z", "cid": "bafyreihadwovsgcllxyfq7n5qjt6mbsodskyt7wwnt3dtngpg5gwgbqylu"}, "createdAt": "2024-10-06T08:00:00Z"}),
    )];
    let (recs, out) = read_car(&repo(DID, &records));
    assert!(recs.is_empty());
    assert_eq!(out.error, None);
    assert!(
        detail(&out).contains("no posts, reposts or profile in this repository (1 record in all)"),
        "{}",
        detail(&out)
    );
}

#[test]
fn a_record_whose_type_is_not_its_collections_is_reported_not_read() {
    let records = vec![(
        "app.bsky.feed.post/3ka",
        json!({"$type": "app.bsky.feed.like", "text": "not a post"}),
    )];
    let (recs, out) = read_car(&repo(DID, &records));
    assert!(recs.is_empty());
    assert!(
        detail(&out)
            .contains("not read (a $type its collection does not allow): 1 app.bsky.feed.like in app.bsky.feed.post"),
        "{}",
        detail(&out)
    );
}

#[test]
fn a_subtree_reached_twice_is_walked_once() {
    let mut car = Car::default();
    let a = car.block(&ipld(&post("a", "2024-10-05T09:00:00Z")));
    let b = car.block(&ipld(&post("b", "2024-10-05T09:00:00Z")));
    let c = car.block(&ipld(&post("c", "2024-10-05T09:00:00Z")));
    let shared = car.node(None, &[("app.bsky.feed.post/3kb".to_string(), b, None)]);
    let root = car.node(
        Some(shared),
        &[
            ("app.bsky.feed.post/3ka".to_string(), a, Some(shared)),
            ("app.bsky.feed.post/3kc".to_string(), c, Some(shared)),
        ],
    );
    let commit = car.commit(DID, root);
    let (recs, out) = read_car(&car.bytes(commit));
    assert_eq!(recs.len(), 3);
    assert!(
        detail(&out).contains("reaches 2 nodes more than once"),
        "{}",
        detail(&out)
    );
}

#[test]
fn deeply_nested_records_neither_overflow_the_stack_nor_stop_the_read() {
    // 100 levels decode; past the decoder's depth limit a record is
    // reported as not valid DAG-CBOR and the others are still read.
    fn nested(depth: usize) -> serde_json::Value {
        let mut v = json!("bottom");
        for _ in 0..depth {
            v = json!([v]);
        }
        v
    }
    let mut deep = post("deep but fine", "2024-10-05T09:00:00Z");
    deep["extra"] = nested(100);
    let mut deeper = post("too deep", "2024-10-05T09:00:00Z");
    deeper["extra"] = nested(400);
    let records = vec![
        ("app.bsky.feed.post/3ka", deep),
        ("app.bsky.feed.post/3kb", deeper),
        (
            "app.bsky.feed.post/3kc",
            post("plain", "2024-10-05T09:00:00Z"),
        ),
    ];
    let (recs, out) = read_car(&repo(DID, &records));
    assert_eq!(out.error, None);
    let ids: Vec<&str> = recs.iter().map(|r| r.id.as_str()).collect();
    assert!(
        ids.contains(&"app.bsky.feed.post/3ka"),
        "{ids:?} {}",
        detail(&out)
    );
    assert!(ids.contains(&"app.bsky.feed.post/3kc"), "{ids:?}");
    assert!(!ids.contains(&"app.bsky.feed.post/3kb"), "{ids:?}");
    assert!(
        detail(&out).contains("1 record not valid DAG-CBOR (first app.bsky.feed.post/3kb:"),
        "{}",
        detail(&out)
    );
}

#[test]
fn an_oversized_or_unreadable_frame_is_passed_over_with_a_warning() {
    let records = vec![(
        "app.bsky.feed.post/3ka",
        post("still read", "2024-10-05T09:00:00Z"),
    )];
    let mut bytes = repo(DID, &records);
    // Append a frame of MAX_BLOCK + 1 zero bytes (its CID is unreadable
    // too, but the length is checked first) and one with a bad CID.
    let mut tail = Vec::new();
    let mut n = car::MAX_BLOCK + 1;
    while n >= 0x80 {
        tail.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    tail.push(n as u8);
    tail.resize(tail.len() + car::MAX_BLOCK as usize + 1, 0);
    tail.extend_from_slice(&[3, 0xff, 0xff, 0xff]);
    bytes.extend_from_slice(&tail);
    let (recs, out) = read_car(&bytes);
    assert_eq!(out.error, None, "{out:?}");
    assert_eq!(recs.len(), 1);
    let d = detail(&out);
    assert!(
        d.contains("1 block longer than the 4194304 bytes read at once not read"),
        "{d}"
    );
    assert!(
        d.contains("1 block with an unreadable CID (first at byte"),
        "{d}"
    );
}

#[test]
fn a_missing_commit_fails_clearly() {
    let mut car = Car::default();
    let a = car.block(&ipld(&post("a", "2024-10-05T09:00:00Z")));
    let root = car.node(None, &[("app.bsky.feed.post/3ka".to_string(), a, None)]);
    let commit = car.commit(DID, root);
    car.blocks.retain(|(c, _)| *c != commit);
    let (recs, out) = read_car(&car.bytes(commit));
    assert!(recs.is_empty());
    assert_eq!(
        out.error.as_deref(),
        Some(
            "repo.car: its root block (the repository commit) is not in the file, so no record can be found"
        )
    );
}

#[test]
fn blob_names_are_cids_only() {
    let img = raw_cid(JPEG);
    assert_eq!(lexicon::blob_cid(&img.to_string()), Some(img.to_string()));
    assert_eq!(
        lexicon::blob_cid(&format!("{img}.jpg")),
        Some(img.to_string())
    );
    assert_eq!(
        lexicon::blob_cid("bafkrei-not-a-cid-at-all-but-long-enough-to-try"),
        None
    );
    assert_eq!(lexicon::blob_cid("photo.jpg"), None);
    let _: Cid = img;
}

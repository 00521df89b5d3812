use crate::platform::Disposition;
use crate::platform::exif::jpeg_with_gps;
use crate::platform::facebook::tests::count_files;
use crate::platform::meta::testing::{sample_dirs, scan, write_tree};
use crate::record::RecordKind;
use crate::vocab::Field;

const POSTS: &str = r#"[
  {"media": [{"uri": "media/posts/201912/80041955_n_17856715594629257.mp4", "creation_timestamp": 1575388926,
     "media_metadata": {"video_metadata": {"exif_data": [{"latitude": 55.71835, "longitude": 11.72495}]}},
     "title": "Vaccine clinic open \u00f0\u009f\u0098\u0082 #nhs"}]},
  {"media": [
     {"uri": "media/posts/202406/a_1.heic", "creation_timestamp": 1718000000, "title": ""},
     {"uri": "media/posts/202406/b_2", "creation_timestamp": 1718000001, "title": ""}],
   "title": "Two photos (f\u00e2\u0080\u00a6 finally)", "creation_timestamp": 1718000002}
]"#;

const PROFILE: &str = r#"{"profile_user": [{"title": "User Information", "media_map_data": {},
  "string_map_data": {"Username": {"href": "", "value": "northdale_nhs", "timestamp": 0},
    "Name": {"value": "Northdale NHS"}, "Email": {"value": "comms.example@gmail.com"},
    "Phone Number": {"value": "+44 113 000 0000"}, "Bio": {"value": "Caring for Northdale \u00e2\u009d\u00a4"},
    "Website": {"value": "https://northdale.example.nhs.uk"}}}]}"#;

/// A WebP file whose EXIF chunk holds the same TIFF block as `jpeg_with_gps`.
fn webp_with_gps() -> Vec<u8> {
    let j = jpeg_with_gps();
    let tiff = &j[12..j.len() - 2];
    let mut body = b"WEBP".to_vec();
    body.extend(b"VP8X");
    body.extend(10u32.to_le_bytes());
    body.extend([0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    body.extend(b"EXIF");
    body.extend((tiff.len() as u32).to_le_bytes());
    body.extend(tiff);
    if tiff.len() % 2 == 1 {
        body.push(0);
    }
    let mut w = b"RIFF".to_vec();
    w.extend((body.len() as u32).to_le_bytes());
    w.extend(body);
    w
}

#[test]
fn layout_2024_posts_stories_reels_comments_profile_messages_and_media_gps() {
    let d = tempfile::tempdir().unwrap();
    let jpeg = jpeg_with_gps();
    let webp = webp_with_gps();
    let a = "your_instagram_activity";
    write_tree(
        d.path(),
        &[
            (&format!("{a}/media/posts_1.json"), POSTS.as_bytes()),
            (
                &format!("{a}/media/stories.json"),
                br#"{"ig_stories": [{"uri": "media/stories/202209/FQIoAk_179", "creation_timestamp": 1663000000, "title": "Story caption",
                    "media_metadata": {"photo_metadata": {"exif_data": [{"latitude": 51.5, "longitude": -0.12}]}}}]}"#,
            ),
            (
                &format!("{a}/media/reels.json"),
                br#"{"ig_reels_media": [{"media": [{"uri": "media/reels/202209/r_1.mp4", "creation_timestamp": 1663000001, "title": "Reel caption"}]}]}"#,
            ),
            (
                &format!("{a}/comments/post_comments_1.json"),
                br#"[{"string_map_data": {"Comment": {"value": "Nice example!"}, "Media Owner": {"value": "example_creator"}, "Time": {"timestamp": 1735819500}}},
                    {"string_map_data": {"Opmerking": {"value": "Mooi!"}, "Tijd": {"timestamp": 1735819501}}}]"#,
            ),
            (
                &format!("{a}/comments/reels_comments.json"),
                br#"{"comments_reels_comments": [{"string_map_data": {"Comment": {"value": "Reel comment"}, "Time": {"timestamp": 1735819502}}}]}"#,
            ),
            (&format!("{a}/likes/liked_posts.json"), br#"[{"title": "x", "string_list_data": [{"href": "https://www.instagram.com/p/X/", "timestamp": 1}]}]"#),
            (
                &format!("{a}/messages/inbox/friend_1/message_1.json"),
                br#"{"participants": [{"name": "Friend"}, {"name": "Northdale NHS"}], "messages": [{"sender_name": "Friend", "timestamp_ms": 1736100000000, "content": "Hello"}], "title": "Friend"}"#,
            ),
            ("personal_information/personal_information/personal_information.json", PROFILE.as_bytes()),
            ("connections/followers_and_following/followers_1.json", b"[]"),
            ("media/posts/202406/a_1.heic", &jpeg),
            ("media/posts/202406/b_2", &jpeg),
            ("media/posts/202406/c_3.webp", &webp),
            ("media/stories/202209/FQIoAk_179", b"\0\0\0\x18ftypmp42"),
            ("media/posts/201912/80041955_n_17856715594629257.mp4", b"\0\0\0\x18ftypmp42"),
        ],
    );
    let s = scan(d.path()).unwrap();
    assert_eq!(s.platform, crate::record::Platform::Instagram);
    assert_eq!(s.account, "northdale_nhs");
    assert!(s.layout.contains("2024+"), "{}", s.layout);
    assert!(s.failures().is_empty(), "{:?}", s.failures());

    let posts = s.of("posts_1.json");
    let single = posts
        .iter()
        .find(|r| r.kind == RecordKind::Post && r.id == "1575388926")
        .unwrap();
    assert_eq!(
        single.field(Field::Text),
        Some("Vaccine clinic open 😂 #nhs")
    );
    assert_eq!(single.created_at.unwrap().as_second(), 1575388926);
    let gps = posts
        .iter()
        .find(|r| r.kind == RecordKind::Media && !r.locations.is_empty())
        .unwrap();
    assert_eq!(gps.locations[0].field, Field::Exif);
    assert_eq!(gps.locations[0].lat, Some(55.71835));
    let multi = posts
        .iter()
        .find(|r| r.kind == RecordKind::Post && r.id == "1718000002")
        .unwrap();
    assert_eq!(multi.field(Field::Text), Some("Two photos (f… finally)"));
    assert_eq!(
        multi.media,
        ["media/posts/202406/a_1.heic", "media/posts/202406/b_2"]
    );

    let story = s.of("stories.json");
    assert_eq!(story.len(), 1);
    assert_eq!(story[0].kind, RecordKind::Post);
    assert_eq!(story[0].field(Field::Text), Some("Story caption"));
    assert_eq!(story[0].locations[0].lat, Some(51.5));
    assert_eq!(story[0].media, ["media/stories/202209/FQIoAk_179"]);
    let reel = s.of("reels.json");
    assert!(
        reel.iter()
            .any(|r| r.kind == RecordKind::Post && r.field(Field::Text) == Some("Reel caption"))
    );

    let c = s.of("post_comments_1.json");
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].kind, RecordKind::Comment);
    assert_eq!(c[0].id, "1735819500");
    assert_eq!(c[0].field(Field::Text), Some("Nice example!"));
    assert_eq!(c[0].mentions, ["example_creator"]);
    assert_eq!(c[1].field(Field::Text), Some("Mooi!"));
    assert_eq!(
        s.of("reels_comments.json")[0].field(Field::Text),
        Some("Reel comment")
    );
    assert!(matches!(
        s.disposition("liked_posts.json"),
        Disposition::Skipped(_)
    ));
    assert!(matches!(
        s.disposition("followers_1.json"),
        Disposition::Skipped(_)
    ));

    let dm = s.of("message_1.json");
    assert_eq!(dm[0].kind, RecordKind::Dm);
    assert_eq!(dm[0].id, "1736100000000");

    let p = s.of("personal_information.json");
    let profile = p.iter().find(|r| r.kind == RecordKind::Profile).unwrap();
    assert_eq!(profile.field(Field::Bio), Some("Caring for Northdale ❤"));
    assert_eq!(
        profile.field(Field::Website),
        Some("https://northdale.example.nhs.uk")
    );
    let account = p.iter().find(|r| r.kind == RecordKind::Account).unwrap();
    assert_eq!(account.field(Field::Email), Some("comms.example@gmail.com"));
    assert_eq!(account.field(Field::Phone), Some("+44 113 000 0000"));

    // Media files: EXIF GPS from JPEG bytes whatever the extension (.heic
    // name, no extension) and from a WebP EXIF chunk; videos are listed.
    for name in ["a_1.heic", "b_2", "c_3.webp"] {
        let m = s.of(name);
        let m = m
            .iter()
            .find(|r| r.entry.ends_with(name) && r.kind == RecordKind::Media)
            .unwrap();
        assert_eq!(m.locations.len(), 1, "{name}");
        assert_eq!(m.locations[0].field, Field::Exif);
        assert!((m.locations[0].lat.unwrap() - 51.5).abs() < 1e-9, "{name}");
        assert!((m.locations[0].lon.unwrap() + 0.125).abs() < 1e-9, "{name}");
        assert_eq!(m.field(Field::MediaName), Some(name));
    }
    assert_eq!(
        s.disposition("media/stories/202209/FQIoAk_179"),
        &Disposition::Parse
    );
}

#[test]
fn layout_2021_content_folder_and_2022_comments() {
    let d = tempfile::tempdir().unwrap();
    write_tree(
        d.path(),
        &[
            ("content/posts_1.json", POSTS.as_bytes()),
            (
                "comments/post_comments.json",
                br#"{"comments_media_comments": [{"title": "username", "media_list_data": [], "string_list_data": [{"href": "", "value": "The comment", "timestamp": 1550618520}]}]}"#,
            ),
            ("account_information/personal_information.json", PROFILE.as_bytes()),
        ],
    );
    let s = scan(d.path()).unwrap();
    assert_eq!(s.platform, crate::record::Platform::Instagram);
    assert!(s.layout.contains("2021–2023"), "{}", s.layout);
    let c = s.of("post_comments.json");
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].field(Field::Text), Some("The comment"));
    assert_eq!(c[0].id, "1550618520");
    assert!(
        s.of("posts_1.json")
            .iter()
            .any(|r| r.kind == RecordKind::Post)
    );
}

#[test]
fn layout_2018_media_json() {
    let d = tempfile::tempdir().unwrap();
    write_tree(
        d.path(),
        &[
            (
                "instagram-northdale-20181016/media.json",
                br#"{"photos": [{"caption": "Open day", "taken_at": "2018-06-01T10:00:00", "path": "photos/201806/abc.jpg", "location": "Leeds General Infirmary"}], "videos": []}"#,
            ),
            ("instagram-northdale-20181016/photos/201806/abc.jpg", b"\xFF\xD8\xFF\xD9"),
        ],
    );
    let s = scan(d.path()).unwrap();
    assert_eq!(s.platform, crate::record::Platform::Instagram);
    assert_eq!(s.account, "northdale");
    assert!(s.layout.contains("≤2020"), "{}", s.layout);
    let p = s.of("media.json");
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].field(Field::Text), Some("Open day"));
    assert_eq!(p[0].created_at.unwrap().to_string(), "2018-06-01T10:00:00Z");
    assert_eq!(p[0].field(Field::Location), Some("Leeds General Infirmary"));
    assert_eq!(
        p[0].media,
        ["instagram-northdale-20181016/photos/201806/abc.jpg"]
    );
}

/// The 2018 export's comments and messages: flat files at the root in
/// shapes of their own (comments as `[time, text, owner]` lists, threads
/// as `participants` + `conversation`).
#[test]
fn layout_2018_comments_json_and_messages_json() {
    let d = tempfile::tempdir().unwrap();
    let root = "instagram-northdale-20181016";
    let comments = r#"{"media_comments": [
        ["2018-10-14T17:23:45", "Get well soon John, bed 4 on Ward 7 is the best", "janepublic"],
        ["2018-10-15T08:00:00", "Thanks for visiting", "ward7team"]],
      "live_comments": [["2018-09-01T12:00:00", "Great Q&A", "northdalenhs"]]}"#;
    let messages = r#"[{"participants": ["northdale", "janepatient"], "conversation": [
        {"sender": "janepatient", "created_at": "2018-10-14T17:23:45.123456+00:00", "text": "My NHS number is 401 159 0835"},
        {"sender": "northdale", "created_at": "2018-10-14T17:30:00.000000+00:00", "text": "Please do not post that here", "link": "https://www.nhs.uk/contact-us"},
        {"sender": "janepatient", "created_at": "2018-10-14T17:31:00.000000+00:00", "media": "direct/201810/photo.jpg"},
        {"sender": "janepatient", "created_at": "2018-10-14T17:32:00.000000+00:00", "heart": "❤️"}]}]"#;
    let media = r#"{"photos": [{"caption": "Open day", "taken_at": "2018-06-01T10:00:00", "path": "photos/201806/abc.jpg"}]}"#;
    write_tree(
        d.path(),
        &[
            (&format!("{root}/media.json"), media.as_bytes()),
            (&format!("{root}/comments.json"), comments.as_bytes()),
            (&format!("{root}/messages.json"), messages.as_bytes()),
            (
                &format!("{root}/direct/201810/photo.jpg"),
                b"\xFF\xD8\xFF\xD9",
            ),
        ],
    );
    let s = scan(d.path()).unwrap();
    assert_eq!(s.platform, crate::record::Platform::Instagram);
    assert!(s.failures().is_empty(), "{:?}", s.failures());

    let c = s.of("comments.json");
    assert_eq!(c.len(), 3);
    assert!(c.iter().all(|r| r.kind == RecordKind::Comment));
    assert_eq!(
        c[0].field(Field::Text),
        Some("Get well soon John, bed 4 on Ward 7 is the best")
    );
    assert_eq!(c[0].field(Field::Title), Some("on a post by janepublic"));
    assert_eq!(c[0].mentions, ["janepublic"]);
    assert_eq!(c[0].id, "2018-10-14T17:23:45");
    assert_eq!(c[0].created_at.unwrap().to_string(), "2018-10-14T17:23:45Z");
    assert_eq!(
        c[2].field(Field::Title),
        Some("on a live video by northdalenhs")
    );

    // The heart-only message carries no text: nothing to scan.
    let m = s.of("messages.json");
    assert_eq!(m.len(), 3, "{m:#?}");
    assert!(m.iter().all(|r| r.kind == RecordKind::Dm));
    assert_eq!(
        m[0].field(Field::Text),
        Some("My NHS number is 401 159 0835")
    );
    assert_eq!(m[0].mentions, ["northdale"]);
    assert_eq!(
        m[0].created_at.unwrap().to_string(),
        "2018-10-14T17:23:45.123456Z"
    );
    assert_eq!(
        m[1].field(Field::Link),
        Some("https://www.nhs.uk/contact-us")
    );
    assert_eq!(m[2].media, [format!("{root}/direct/201810/photo.jpg")]);
    assert_eq!(m[0].field(Field::Title), Some("northdale, janepatient"));
}

/// A large ≤2020 export came as several zips: the posts file in the first,
/// the photos in later ones. Read as one archive, a post finds its photo
/// in another part.
#[test]
fn a_split_export_links_media_in_later_parts_to_their_posts() {
    use crate::archive::{Archive, Limits};
    let d = tempfile::tempdir().unwrap();
    let zip = |name: &str, files: &[(&str, &[u8])]| {
        use std::io::Write;
        let p = d.path().join(name);
        let mut w = zip::ZipWriter::new(std::fs::File::create(&p).unwrap());
        for (n, data) in files {
            w.start_file(*n, zip::write::SimpleFileOptions::default())
                .unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap();
        p
    };
    let media = br#"{"photos": [{"caption": "Open day on Ward 7", "taken_at": "2018-06-01T10:00:00", "path": "photos/201806/abc.jpg"}]}"#;
    let photo = jpeg_with_gps();
    let parts = [
        zip("northdale_20181016_part_1.zip", &[("media.json", media)]),
        zip(
            "northdale_20181016_part_2.zip",
            &[("photos/201806/abc.jpg", photo.as_slice())],
        ),
    ];
    let archive = Archive::open_parts(&parts, &Limits::default()).unwrap();
    let unit = crate::platform::all()
        .into_iter()
        .find_map(|p| p.open(&archive))
        .unwrap();
    assert_eq!(unit.platform(), crate::record::Platform::Instagram);
    let mut records = Vec::new();
    for e in archive.entries() {
        assert_eq!(unit.disposition(&e), Disposition::Parse, "{}", e.name);
        let out = unit.read(&archive, &e, &mut |r| records.push(r));
        assert_eq!(out.error, None, "{}", e.name);
    }
    let in_part_2 = "northdale_20181016_part_2.zip/photos/201806/abc.jpg";
    let post = records.iter().find(|r| r.kind == RecordKind::Post).unwrap();
    assert_eq!(post.media, [in_part_2]);
    let file = records.iter().find(|r| r.entry == in_part_2).unwrap();
    assert_eq!(file.locations.len(), 1, "EXIF GPS read from the later part");
}

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn every_instagram_sample_reads_without_failures() {
    for dir in sample_dirs("instagram") {
        // Zips inside a sample folder are archives of their own.
        let mut zips = Vec::new();
        find_zips(&dir, &mut zips);
        for z in &zips {
            let s = scan(z).unwrap_or_else(|| panic!("{}: not recognised", z.display()));
            assert_eq!(
                s.platform,
                crate::record::Platform::Instagram,
                "{}",
                z.display()
            );
            assert!(
                s.failures().is_empty(),
                "{}: {:?}",
                z.display(),
                s.failures()
            );
            assert!(
                s.entries.iter().all(|e| e.1 != Disposition::Unknown),
                "{}",
                z.display()
            );
        }
        let s = scan(&dir).unwrap_or_else(|| panic!("{}: not recognised", dir.display()));
        assert_eq!(
            s.platform,
            crate::record::Platform::Instagram,
            "{}",
            dir.display()
        );
        assert!(
            s.failures().is_empty(),
            "{}: {:?}",
            dir.display(),
            s.failures()
        );
        assert_eq!(s.entries.len(), count_files(&dir), "{}", dir.display());
    }
}

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn waultar_instagram_sample_gps_and_captions() {
    let dir = sample_dirs("instagram")
        .into_iter()
        .find(|d| d.ends_with("norsekode-waultar-app"))
        .expect("sample norsekode-waultar-app is missing");
    let s = scan(&dir).unwrap();
    let media = s.of("instagram_post.json");
    assert!(media.iter().any(|r| {
        r.locations
            .iter()
            .any(|l| l.field == Field::Exif && l.lat == Some(55.71835))
    }));
    assert!(
        media
            .iter()
            .any(|r| r.field(Field::Text).is_some_and(|t| t.contains('😂')))
    );
    assert_eq!(s.account, "REDACTED USERNAME");
}

fn find_zips(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
        let p = e.path();
        if p.is_dir() {
            find_zips(&p, out);
        } else if p.extension().is_some_and(|x| x == "zip") {
            out.push(p);
        }
    }
}

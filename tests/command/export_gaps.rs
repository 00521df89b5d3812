//! Real exports that used to be read wrongly without a loud word (issue
//! 11): every gap is now said in coverage and counted on stderr.

use crate::common::*;

/// A Facebook HTML export whose posts page holds entries in a markup no
/// reader knows: the file is not silently `parsed`.
#[test]
fn a_content_file_that_gives_no_records_is_a_warning_in_coverage_and_on_stderr() {
    let d = tempfile::tempdir().unwrap();
    let export = d.path().join("facebook-northdale-2017");
    write_folder(
        &export,
        &[
            (
                "html/messages.htm".into(),
                br#"<html><body><div class="contents"><h1>Northdale NHS</h1></div></body></html>"#
                    .to_vec(),
            ),
            (
                "posts/your_posts_1.html".into(),
                br#"<html><body><div class="post"><p>Flu clinic on Saturday</p></div></body></html>"#
                    .to_vec(),
            ),
        ],
    );
    let r = scan(d.path(), &[&export], &[]);
    let (_, status, detail) = r
        .cov()
        .into_iter()
        .find(|c| c.0 == "posts/your_posts_1.html")
        .unwrap();
    assert_eq!(status, "parsed");
    assert!(detail.contains("no records were read"), "{detail}");
    assert!(
        r.stderr.contains(
            "warning: facebook-northdale-2017: posts/your_posts_1.html: no records were read"
        ),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("2 content files gave no records"),
        "{}",
        r.stderr
    );
}

/// A folder holding several exports and, beside them, Facebook JSON files
/// saved on their own: each file is read as it would be alone.
#[test]
fn loose_facebook_json_beside_other_exports_is_read_not_unknown() {
    let d = tempfile::tempdir().unwrap();
    let parent = d.path().join("exports");
    std::fs::create_dir(&parent).unwrap();
    write_zip(&parent.join("twitter-2024-03-10.zip"), &standard_files());
    let thread = r#"{"participants": [{"name": "Jane Patient"}, {"name": "Northdale NHS"}],
      "messages": [{"sender_name": "Jane Patient", "timestamp_ms": 1700000000000,
                    "content": "My NHS number is 401 159 0835"}],
      "title": "Jane Patient", "thread_path": "inbox/janepatient_123"}"#;
    let posts = r#"[{"timestamp": 1700000000, "data": [{"post": "Flu clinic on Ward 7 today"}],
      "title": "Northdale NHS updated their status."}]"#;
    std::fs::write(parent.join("message_1.json"), thread).unwrap();
    std::fs::write(parent.join("your_posts_1.json"), posts).unwrap();
    std::fs::write(parent.join("notes.txt"), "shopping list").unwrap();
    let r = scan(d.path(), &[&parent], &[]);
    let row = |archive: &str, entry: &str| {
        r.coverage
            .iter()
            .find(|c| &c[0] == archive && &c[1] == entry)
            .map(|c| (c[2].to_string(), c[3].to_string()))
    };
    assert_eq!(
        row("exports/message_1.json", "message_1.json"),
        Some(("parsed".into(), "1".into())),
        "{:?}",
        r.coverage
    );
    assert_eq!(
        row("exports/your_posts_1.json", "your_posts_1.json"),
        Some(("parsed".into(), "1".into()))
    );
    assert_eq!(row("exports", "notes.txt").unwrap().0, "unknown");
    let (rules, archives) = (r.values("rule_id"), r.values("archive"));
    assert!(
        rules
            .iter()
            .zip(&archives)
            .any(|(id, a)| id == "patient.nhs-number" && a == "exports/message_1.json"),
        "{rules:?} {archives:?}"
    );
}

/// XChat's `message-event.js` is end-to-end encrypted: it is named as
/// not read (a `failed` row, exit 3) and counted, never `unknown`.
#[test]
fn encrypted_xchat_messages_are_a_failed_row_and_counted() {
    let d = tempfile::tempdir().unwrap();
    let mut files = standard_files();
    files.push((
        "data/message-event.js".into(),
        br#"window.YTD.message_event.part0 = [ { "messageEvent" : { "encryptedContent" : "AAECAwQ=" } } ]"#
            .to_vec(),
    ));
    let zip = d.path().join("twitter-2025-11-01.zip");
    write_zip(&zip, &files);
    let r = scan(d.path(), &[&zip], &[]);
    let (_, status, detail) = r
        .cov()
        .into_iter()
        .find(|c| c.0 == "data/message-event.js")
        .unwrap();
    assert_eq!(status, "failed");
    assert!(detail.contains("encrypted, cannot be read"), "{detail}");
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("1 failed (1 of them encrypted, cannot be read)"),
        "{}",
        r.stderr
    );
}

/// Dates no month table knows are counted on stderr, not only in coverage.
#[test]
fn records_whose_date_could_not_be_read_are_counted_on_stderr() {
    let d = tempfile::tempdir().unwrap();
    let export = d.path().join("facebook-northdale-2019");
    let entry = |date: &str| {
        format!(
            r#"<div class="pam _3-95 _2pi0 _2lej uiBoxWhite noborder">
            <div class="_3-96 _2let"><div><div class="_2pin"><div>Campaña de vacunación</div></div></div></div>
            <div class="_3-94 _2lem">{date}</div></div>"#
        )
    };
    let page = format!(
        r#"<html><body><div role="main">{}{}{}</div></body></html>"#,
        entry("abr. 2, 2018, 10:00 a. m."),
        entry("hace un rato"),
        entry("ayer"),
    );
    write_folder(
        &export,
        &[("posts/your_posts_1.html".into(), page.into_bytes())],
    );
    let r = scan(d.path(), &[&export], &[]);
    assert!(
        r.stderr
            .contains("2 records have a date that could not be read"),
        "{}",
        r.stderr
    );
}

/// WhatsApp writes the phone's clock with no zone: `--timezone` names it
/// (default Europe/London), `--date-order` settles a file whose dates do
/// not, and the manifest records both.
#[test]
fn timezone_and_date_order_options_read_whatsapp_times_and_are_recorded() {
    let d = tempfile::tempdir().unwrap();
    let chat = d.path().join("_chat.txt");
    // Every day is 12 or less and the year has two digits: no date tells.
    std::fs::write(
        &chat,
        "[6/7/24, 10:15:00] Ward Sister: rota is up\n[6/7/24, 10:16:00] Dave: thanks\n",
    )
    .unwrap();
    let manifest = d.path().join("run.json");
    let created = |r: &Run| {
        let rows = r.cov();
        let row = rows.iter().find(|c| c.0 == "_chat.txt").unwrap().clone();
        (row, r.stderr.clone())
    };

    let r = scan(d.path(), &[&chat], &[]);
    let ((_, _, detail), stderr) = created(&r);
    assert!(detail.contains("--date-order dmy|mdy decides"), "{detail}");
    assert!(
        stderr.contains("2 records have a date that could not be read"),
        "{stderr}"
    );

    let m = manifest.to_str().unwrap();
    for (extra, want_tz, want_order) in [
        (vec!["--date-order", "dmy"], "Europe/London", "dmy"),
        (
            vec!["--date-order", "mdy", "--timezone", "America/New_York"],
            "America/New_York",
            "mdy",
        ),
    ] {
        let mut args = extra.clone();
        args.extend(["--manifest", m]);
        let r = scan(d.path(), &[&chat], &args);
        assert!(
            r.stderr
                .contains("0 records have a date that could not be read"),
            "{}",
            r.stderr
        );
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&manifest).unwrap()).unwrap();
        assert_eq!(json["timezone"], want_tz);
        assert_eq!(json["date_order"], want_order);
    }

    // The record's time: 10:15 on 6 July in London (BST) is 09:15 UTC;
    // on 7 June in New York (EDT) 14:15 UTC. Seen in a finding's
    // created_at: the chat needs something to find.
    std::fs::write(
        &chat,
        "[6/7/24, 10:15:00] Dave: Patient John Example, NHS no 401 159 0835\n",
    )
    .unwrap();
    for (args, want) in [
        (vec!["--date-order", "dmy"], "2024-07-06T09:15:00Z"),
        (
            vec!["--date-order", "mdy", "--timezone", "America/New_York"],
            "2024-06-07T14:15:00Z",
        ),
        (
            vec!["--date-order", "dmy", "--timezone", "UTC"],
            "2024-07-06T10:15:00Z",
        ),
    ] {
        let r = scan(d.path(), &[&chat], &args);
        assert!(
            r.values("created_at").iter().all(|t| t == want),
            "{args:?}: {:?}",
            r.values("created_at")
        );
    }
}

#[test]
fn an_unknown_time_zone_is_refused_before_anything_is_read() {
    let d = tempfile::tempdir().unwrap();
    let chat = d.path().join("_chat.txt");
    std::fs::write(&chat, "[6/7/24, 10:15:00] Dave: hi\n").unwrap();
    let o = bin()
        .args(["scan", chat.to_str().unwrap(), "--timezone", "Europe/Londn"])
        .arg("-o")
        .arg(d.path().join("f.csv"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("Europe/Londn") && err.contains("IANA"),
        "{err}"
    );
    assert!(!d.path().join("f.csv").exists());
}

/// The zips of an export split in parts, found together in a folder, are
/// one archive: coverage names the part that holds each later file.
#[test]
fn the_parts_of_a_split_export_are_scanned_as_one_archive() {
    let d = tempfile::tempdir().unwrap();
    let parent = d.path().join("exports");
    std::fs::create_dir(&parent).unwrap();
    let media = r#"{"photos": [{"caption": "Open day", "taken_at": "2018-06-01T10:00:00", "path": "photos/201806/abc.jpg"}]}"#;
    write_zip(
        &parent.join("northdale_20181016_part_1.zip"),
        &[("media.json".into(), media.as_bytes().to_vec())],
    );
    write_zip(
        &parent.join("northdale_20181016_part_2.zip"),
        &[("photos/201806/abc.jpg".into(), b"\xFF\xD8\xFF\xD9".to_vec())],
    );
    let r = scan(d.path(), &[&parent], &[]);
    let rows: Vec<(String, String, String)> = r
        .coverage
        .iter()
        .map(|c| (c[0].to_string(), c[1].to_string(), c[2].to_string()))
        .collect();
    let archive = "exports/northdale_20181016_part_1.zip".to_string();
    assert_eq!(
        rows,
        [
            (archive.clone(), "media.json".into(), "parsed".into()),
            (
                archive,
                "northdale_20181016_part_2.zip/photos/201806/abc.jpg".into(),
                "parsed".into()
            ),
        ]
    );
    assert!(r.stderr.contains("Scanned 1 archive(s)"), "{}", r.stderr);
}

#[test]
fn the_settings_file_can_name_the_time_zone_and_date_order() {
    let d = tempfile::tempdir().unwrap();
    let chat = d.path().join("_chat.txt");
    std::fs::write(
        &chat,
        "[6/7/24, 10:15:00] Dave: Patient John Example, NHS no 401 159 0835\n",
    )
    .unwrap();
    let settings = d.path().join("quarterly.toml");
    let manifest = d.path().join("run.json");
    std::fs::write(
        &settings,
        "timezone = \"Asia/Karachi\"\ndate_order = \"mdy\"\nmanifest = \"run.json\"\n",
    )
    .unwrap();
    let r = scan(
        d.path(),
        &[&chat],
        &["--config", settings.to_str().unwrap()],
    );
    // 10:15 on 7 June in Karachi (UTC+5).
    assert!(
        r.values("created_at")
            .iter()
            .all(|t| t == "2024-06-07T05:15:00Z"),
        "{:?}\n{}",
        r.values("created_at"),
        r.stderr
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&manifest).unwrap()).unwrap();
    assert_eq!(json["timezone"], "Asia/Karachi");
    assert_eq!(json["date_order"], "mdy");

    std::fs::write(&settings, "timezone = \"Mars/Olympus\"\n").unwrap();
    let o = bin()
        .args(["scan", chat.to_str().unwrap(), "--config"])
        .arg(&settings)
        .arg("-o")
        .arg(d.path().join("f2.csv"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("timezone in settings"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// An X zip of thousands of tiny media files, a folder X does not know
/// and a video a post attaches: one coverage row per entry, in name order,
/// the video's note on its own row and its place reported under the post,
/// and the same bytes at `-j1` and `-j2`. While an archive is read its
/// coverage is kept as one small slot per entry and the media files'
/// owners by entry index (docs/ARCHITECTURE.md, "Bounded memory"); this
/// is what must come out of that unchanged.
#[test]
fn an_archive_of_many_entries_has_one_coverage_row_each_whatever_the_thread_count() {
    let d = tempfile::tempdir().unwrap();
    let zip = d.path().join("twitter-2024-03-10-many.zip");
    let video = "data/tweets_media/1765000000000000002-Vid9.mp4";
    let mut files = standard_files();
    for i in 0..2_000u64 {
        files.push((
            format!(
                "data/tweets_media/{}-Ab{i:04}.jpg",
                1_300_000_000_000_000_000 + i
            ),
            b"\xFF\xD8\xFF\xD9".to_vec(),
        ));
    }
    for i in 0..1_000 {
        files.push((format!("data/unrecognised/{i:04}.bin"), vec![0; 8]));
    }
    files.push((
        video.into(),
        crate::common::video::android_mp4("+54.9069-001.3838+012.000/"),
    ));
    write_zip(&zip, &files);

    let runs: Vec<(Run, Vec<u8>, Vec<u8>)> = ["1", "2"]
        .iter()
        .map(|j| {
            let out = d.path().join(format!("j{j}"));
            std::fs::create_dir(&out).unwrap();
            let r = scan(&out, &[&zip], &["-j", j]);
            let findings = std::fs::read(out.join("findings.csv")).unwrap();
            let coverage = std::fs::read(out.join("coverage.csv")).unwrap();
            (r, findings, coverage)
        })
        .collect();
    assert_eq!(runs[0].1, runs[1].1, "findings differ between -j1 and -j2");
    assert_eq!(runs[0].2, runs[1].2, "coverage differs between -j1 and -j2");

    let r = &runs[0].0;
    let rows = r.cov();
    let mut names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    names.sort_unstable();
    let entries: Vec<&str> = rows.iter().map(|c| c.0.as_str()).collect();
    assert_eq!(entries, names, "one row per entry, in name order");
    let status = |prefix: &str, want: &str| {
        rows.iter()
            .filter(|c| c.0.starts_with(prefix))
            .all(|c| c.1 == want)
    };
    assert!(status("data/tweets_media/", "parsed"));
    assert!(status("data/unrecognised/", "unknown"));
    assert!(
        rows.iter()
            .filter(|c| c.0.starts_with("data/unrecognised/"))
            .all(|c| c.2.contains("reader knows")),
        "{:?}",
        rows.iter().find(|c| c.0.starts_with("data/unrecognised/"))
    );
    assert_eq!(
        r.cov().into_iter().find(|c| c.0 == video).unwrap().2,
        "video location found (moov/udta/©xyz)"
    );
    let (entry, url) = (r.column("entry"), r.column("url"));
    let place = r
        .findings
        .iter()
        .find(|f| f[r.column("rule_id")] == *"location.exif-gps")
        .expect("the video's place is a finding");
    assert_eq!(&place[entry], video);
    assert_eq!(
        &place[url],
        "https://x.com/NorthdaleNHS/status/1765000000000000002"
    );
}

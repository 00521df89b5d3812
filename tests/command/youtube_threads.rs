//! Planted breaches in a YouTube Takeout and in Threads posts inside an
//! Instagram export reach the findings with their platform, kind, time
//! and permalink; `--platform threads` reads only the Threads records of
//! an Instagram export; the manifest splits such an archive's counts by
//! platform; output does not depend on the thread count.

use crate::common::*;
use std::path::Path;

const YT: &str = "Takeout/YouTube and YouTube Music";

fn takeout(dir: &Path) -> std::path::PathBuf {
    let zip = dir.join("takeout-20250101T000000Z-001.zip");
    let comments = "Channel ID,Comment Create Timestamp,Price,Comment ID,Parent Comment ID,Video ID,Comment Text\n\
UCnorthdaleNHSxxxxxxxxxx,2024-07-14T07:39:35.956042+00:00,0,UgzNHSnumberAAAAAAAAAAAA,,WtOskFeLmr4,\"{\"\"text\"\":\"\"Patient John Example, NHS no 999 000 0018, \"\"},{\"\"text\"\":\"\"\n\"\"},{\"\"text\"\":\"\"is back on the ward\"\"}\"\n";
    let videos = "Video ID,Video Description (Original),Channel ID,Video Title (Original),Privacy,Video Create Timestamp,Video Publish Timestamp\n\
dQw4w9WgXcQ,\"Thank you to Mary Example on Ward 7, who was diagnosed with sepsis last week, for sharing her story.\",UCnorthdaleNHSxxxxxxxxxx,Patient stories,Public,2024-09-01T09:00:00+00:00,2024-09-02 10:00:00 UTC\n";
    write_zip(
        &zip,
        &[
            (format!("{YT}/comments/comments.csv"), comments.as_bytes().to_vec()),
            (format!("{YT}/video metadata/videos.csv"), videos.as_bytes().to_vec()),
            (
                format!("{YT}/channels/channel.csv"),
                b"Channel ID,Channel Title (Original),Channel Visibility\nUCnorthdaleNHSxxxxxxxxxx,Northdale NHS Trust,Public\n".to_vec(),
            ),
            (
                format!("{YT}/history/watch-history.json"),
                br#"[{"header":"YouTube","title":"Watched x","time":"2022-09-21T11:52:59.995Z"}]"#.to_vec(),
            ),
            (
                "Takeout/Google Photos/Photos from 2024/IMG_0001.jpg".into(),
                b"\xFF\xD8\xFF\xD9".to_vec(),
            ),
        ],
    );
    zip
}

fn instagram_with_threads(dir: &Path) -> std::path::PathBuf {
    let root = dir.join("instagram-northdale_nhs-2025-08-24-AbCdEfGh");
    write_folder(
        &root,
        &[
            (
                "your_instagram_activity/threads/threads_and_replies.json".into(),
                br#"{"text_post_app_text_posts": [{"title": "Caf\u00c3\u00a9 news: Patient Jane Example, NHS no 999 000 0026, is on Ward 7", "creation_timestamp": 1754500000,
                    "media": [{"uri": "", "creation_timestamp": 1754500000, "title": "", "text_app_post": {"is_reply": false}}]}]}"#
                    .to_vec(),
            ),
            (
                "personal_information/personal_information/personal_information.json".into(),
                br#"{"profile_user": [{"string_map_data": {"Username": {"value": "northdale_nhs"}}}]}"#
                    .to_vec(),
            ),
            (
                "your_instagram_activity/media/posts_1.json".into(),
                br#"[{"media": [{"uri": "media/posts/202401/1.jpg", "creation_timestamp": 1704100000, "title": "Patient Sam Example, NHS no 999 000 0034, discharged today"}]}]"#
                    .to_vec(),
            ),
        ],
    );
    root
}

fn finding<'r>(r: &'r Run, rule: &str, record_id: &str) -> &'r csv::StringRecord {
    let (rc, ic) = (r.column("rule_id"), r.column("record_id"));
    r.findings
        .iter()
        .find(|f| &f[rc] == rule && &f[ic] == record_id)
        .unwrap_or_else(|| panic!("no {rule} on {record_id}: {:?}", r.findings))
}

#[test]
fn a_youtube_comment_and_video_description_breach_are_found_with_their_permalinks() {
    let d = tempfile::tempdir().unwrap();
    let zip = takeout(d.path());
    let r = scan(d.path(), &[&zip], &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);

    let f = finding(&r, "patient.nhs-number", "UgzNHSnumberAAAAAAAAAAAA");
    assert_eq!(&f[r.column("platform")], "youtube");
    assert_eq!(&f[r.column("account")], "Northdale NHS Trust");
    assert_eq!(&f[r.column("record_kind")], "comment");
    assert_eq!(&f[r.column("created_at")], "2024-07-14T07:39:35Z");
    assert_eq!(
        &f[r.column("url")],
        "https://www.youtube.com/watch?v=WtOskFeLmr4&lc=UgzNHSnumberAAAAAAAAAAAA"
    );
    assert_eq!(&f[r.column("entry")], format!("{YT}/comments/comments.csv"));

    let kc = r.column("record_id");
    let video: Vec<&csv::StringRecord> = r
        .findings
        .iter()
        .filter(|f| &f[kc] == "dQw4w9WgXcQ" && &f[r.column("category")] == "patient-data")
        .collect();
    assert!(
        !video.is_empty(),
        "no patient-data finding on the video: {:?}",
        r.findings
    );
    let v = video[0];
    assert_eq!(&v[r.column("platform")], "youtube");
    assert_eq!(&v[r.column("record_kind")], "post");
    assert_eq!(&v[r.column("field")], "text");
    assert_eq!(&v[r.column("created_at")], "2024-09-02T10:00:00Z");
    assert_eq!(
        &v[r.column("url")],
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    );

    // Every entry has a row: what was watched and Google Photos are
    // skipped with reasons, nothing is unknown or failed.
    for (entry, status, detail) in r.cov() {
        assert!(
            status == "parsed" || status == "skipped",
            "{entry}: {status} {detail}"
        );
    }
    assert_eq!(r.cov().len(), 5);
}

#[test]
fn a_threads_post_breach_is_a_threads_finding_and_platform_filters_records() {
    let d = tempfile::tempdir().unwrap();
    let root = instagram_with_threads(d.path());
    let manifest = d.path().join("manifest.json");
    let r = scan(
        d.path(),
        &[&root],
        &["--manifest", manifest.to_str().unwrap()],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let t = finding(&r, "patient.nhs-number", "1754500000");
    assert_eq!(&t[r.column("platform")], "threads");
    assert_eq!(&t[r.column("record_kind")], "post");
    assert_eq!(&t[r.column("created_at")], "2025-08-06T17:06:40Z");
    assert_eq!(&t[r.column("account")], "northdale_nhs");
    assert!(
        t[r.column("context")].contains("Café news"),
        "mojibake repaired"
    );
    let i = finding(&r, "patient.nhs-number", "1704100000");
    assert_eq!(&i[r.column("platform")], "instagram");

    // The manifest splits this archive's counts by platform.
    let m: serde_json::Value = serde_json::from_slice(&std::fs::read(&manifest).unwrap()).unwrap();
    let a = &m["inputs"][0]["archives"][0];
    assert_eq!(a["platform"], "instagram");
    assert_eq!(a["records_by_platform"]["threads"]["post"], 1);
    assert_eq!(a["records_by_platform"]["instagram"]["post"], 1);

    // --platform threads keeps the archive and only its Threads records.
    let only = scan(d.path(), &[&root], &["--platform", "threads"]);
    assert_eq!(only.code, 1, "{}", only.stderr);
    let platforms = only.values("platform");
    assert!(
        !platforms.is_empty() && platforms.iter().all(|p| p == "threads"),
        "{platforms:?}"
    );
    // --platform instagram leaves the Threads records out.
    let ig = scan(d.path(), &[&root], &["--platform", "instagram"]);
    assert!(ig.values("platform").iter().all(|p| p == "instagram"));
    assert!(!ig.findings.is_empty());
    // --platform youtube leaves the whole archive out, with a row saying so.
    let none = scan(d.path(), &[&root], &["--platform", "youtube"]);
    assert!(none.findings.is_empty());
    assert!(
        none.cov()
            .iter()
            .any(|(_, s, detail)| s == "skipped" && detail.contains("--platform"))
    );
}

#[test]
fn youtube_and_threads_outputs_do_not_depend_on_the_thread_count() {
    let d = tempfile::tempdir().unwrap();
    let zip = takeout(d.path());
    let root = instagram_with_threads(d.path());
    let one = scan(d.path(), &[&zip, &root], &["-j", "1"]);
    let a = std::fs::read(&one.findings_path).unwrap();
    let cov_a = one.coverage.clone();
    let two = scan(d.path(), &[&zip, &root], &["-j", "2"]);
    let b = std::fs::read(&two.findings_path).unwrap();
    assert_eq!(a, b);
    assert_eq!(cov_a, two.coverage);
    assert!(!one.findings.is_empty());
}

//! X reader tests: every generation and file kind, written as small
//! archives inline, and the sweep over the real samples.
//!
//! Longer than 600 lines on purpose: each test builds its own archive in a
//! few lines beside what it asserts, so the expected records read next to
//! the input that makes them; split by file kind if it grows further.

use super::*;
use crate::archive::Limits;
use crate::error::Result;
use crate::vocab::Field;
use std::io::Write;
use std::path::PathBuf;

// ---------- js splitter ----------

/// A reader that hands out 1–3 bytes per call, to exercise every buffer edge.
struct Trickle<'a> {
    data: &'a [u8],
    n: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.n = self.n % 3 + 1;
        let k = self.n.min(buf.len()).min(self.data.len());
        buf[..k].copy_from_slice(&self.data[..k]);
        self.data = &self.data[k..];
        Ok(k)
    }
}

fn split(data: &[u8]) -> Result<Vec<String>> {
    let mut el = js::Elements::with_buffer(Trickle { data, n: 0 }, 2);
    let mut out = Vec::new();
    while let Some((s, _)) = el.next_element()? {
        out.push(s.to_string());
    }
    Ok(out)
}

#[test]
fn splitter_compact_and_expanded() {
    let compact = br#"window.YTD.tweet.part0 = [ {
  "a" : [ "0", "3" ],
  "b" : "x"
}, {
  "c" : { }
} ]"#;
    assert_eq!(
        split(compact).unwrap(),
        [
            "{\n  \"a\" : [ \"0\", \"3\" ],\n  \"b\" : \"x\"\n}",
            "{\n  \"c\" : { }\n}"
        ]
    );
    let expanded = b"window.YTD.tweets.part0 = [\n  {\n    \"a\" : [\n      \"0\"\n    ]\n  },\n  1,\n  \"s\"\n]";
    let got = split(expanded).unwrap();
    assert_eq!(got.len(), 3);
    assert_eq!(got[1], "1");
    assert_eq!(got[2], "\"s\"");
    for v in &got {
        serde_json::from_str::<serde_json::Value>(v).unwrap();
    }
}

#[test]
fn splitter_empty_arrays_prefixes_and_bom() {
    assert!(split(b"window.YTD.x.part0 = []").unwrap().is_empty());
    assert!(split(b"window.YTD.x.part0 = [ ]").unwrap().is_empty());
    assert!(split(b"\xEF\xBB\xBFvar x = [ ];\n").unwrap().is_empty());
    assert_eq!(
        split(b"Grailbird.data.tweets_2014_12 = \n [ {\"a\":1} ]").unwrap(),
        ["{\"a\":1}"]
    );
    assert_eq!(split(b"[1,2]").unwrap(), ["1", "2"]);
}

#[test]
fn splitter_strings_with_brackets_quotes_and_escapes() {
    let data = br#"x = [ {"t" : "a ] b } c [ { \" , \\"}, {"u" : "\\\""} ]"#;
    let got = split(data).unwrap();
    assert_eq!(got.len(), 2);
    let v: serde_json::Value = serde_json::from_str(&got[0]).unwrap();
    assert_eq!(v["t"], "a ] b } c [ { \" , \\");
    let v: serde_json::Value = serde_json::from_str(&got[1]).unwrap();
    assert_eq!(v["u"], "\\\"");
}

#[test]
fn splitter_errors_name_the_byte() {
    let e = split(b"x = [ {\"a\" : 1}, {\"b\" : ")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("JSON ends early at byte"), "{e}");
    let e = split(b"x = [ {\"a\" : 1} ").unwrap_err().to_string();
    assert!(e.contains("ends early"), "{e}");
    let e = split(b"x = [ 1 ] garbage").unwrap_err().to_string();
    assert_eq!(e, "unexpected data after the array at byte 10");
    let e = split(b"x = [ {\"a\" : \"\xff\"} ]")
        .unwrap_err()
        .to_string();
    assert_eq!(e, "invalid UTF-8 at byte 14");
    let e = split(b"x = [ 1,\n]").unwrap_err().to_string();
    assert!(e.contains("trailing or doubled comma"), "{e}");
    // Elements before the failure are still delivered.
    let mut el = js::Elements::new(&b"x = [ 1, 2, {"[..]);
    assert_eq!(el.next_element().unwrap().unwrap().0, "1");
    assert_eq!(el.next_element().unwrap().unwrap().0, "2");
    assert!(el.next_element().is_err());
    assert!(el.next_element().unwrap().is_none());
}

#[test]
fn splitter_memory_follows_the_largest_element() {
    // ~20 MB array of ~200-byte elements, generated lazily.
    struct Gen {
        i: usize,
        n: usize,
        pending: Vec<u8>,
    }
    impl Read for Gen {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.pending.is_empty() {
                if self.i > self.n {
                    return Ok(0);
                }
                self.pending = if self.i == 0 {
                    b"window.YTD.tweets.part0 = [".to_vec()
                } else if self.i == self.n {
                    b"{\"last\":true}]".to_vec()
                } else {
                    format!(
                        "{{\"tweet\":{{\"id\":\"{}\",\"full_text\":\"{}\"}}}},\n",
                        self.i,
                        "x".repeat(150)
                    )
                    .into_bytes()
                };
                self.i += 1;
            }
            let k = buf.len().min(self.pending.len());
            buf[..k].copy_from_slice(&self.pending[..k]);
            self.pending.drain(..k);
            Ok(k)
        }
    }
    let n = 100_000;
    let mut el = js::Elements::new(Gen {
        i: 0,
        n,
        pending: Vec::new(),
    });
    let mut count = 0;
    while el.next_element().unwrap().is_some() {
        count += 1;
    }
    assert_eq!(count, n);
    assert!(el.element_capacity() < 1024, "{}", el.element_capacity());
}

#[test]
fn strip_prefix_small_files() {
    assert_eq!(
        js::strip_prefix(b"var u =  { \"a\" : 1 };\n").unwrap(),
        "{ \"a\" : 1 }"
    );
    assert_eq!(js::strip_prefix(b"{\"a\":1}").unwrap(), "{\"a\":1}");
    assert!(
        js::strip_prefix(b"x = [\"\xff\"]")
            .unwrap_err()
            .to_string()
            .contains("byte 6")
    );
}

// ---------- helpers ----------

/// The X samples; callers are `ignored` where they are absent (build.rs).
fn samples() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/formats/twitter");
    assert!(p.is_dir(), "sample folder {} is missing", p.display());
    Some(p)
}

struct Scan {
    unit: Box<dyn Unit>,
    records: Vec<Record>,
    entries: Vec<(String, Disposition, EntryOutcome)>,
    finish: Vec<String>,
}

impl Scan {
    fn of(&self, entry_suffix: &str) -> Vec<&Record> {
        self.records
            .iter()
            .filter(|r| r.entry.ends_with(entry_suffix))
            .collect()
    }
    fn outcome(&self, entry_suffix: &str) -> &EntryOutcome {
        &self
            .entries
            .iter()
            .find(|e| e.0.ends_with(entry_suffix))
            .unwrap_or_else(|| panic!("no entry {entry_suffix}"))
            .2
    }
    fn kind(&self, k: RecordKind) -> usize {
        self.records.iter().filter(|r| r.kind == k).count()
    }
}

fn scan(path: &Path) -> Scan {
    let archive = Archive::open(path, &Limits::default()).unwrap();
    let unit = Twitter
        .open(&archive)
        .unwrap_or_else(|| panic!("{} not recognised", path.display()));
    let mut records = Vec::new();
    let mut entries = Vec::new();
    for e in archive.entries() {
        let d = unit.disposition(&e);
        let out = if d == Disposition::Parse {
            unit.read(&archive, &e, &mut |r| records.push(r))
        } else {
            EntryOutcome::default()
        };
        entries.push((e.name.to_string(), d, out));
    }
    let finish = unit.finish(&mut |r| records.push(r));
    Scan {
        unit,
        records,
        entries,
        finish,
    }
}

fn write_tree(dir: &Path, files: &[(&str, &[u8])]) {
    for (name, data) in files {
        let p = dir.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, data).unwrap();
    }
}

fn write_zip(path: &Path, files: &[(&str, &[u8])]) {
    let mut w = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let opts = zip::write::SimpleFileOptions::default();
    for (name, data) in files {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap();
}

// ---------- real samples ----------

/// Every sample folder (each is one archive).
fn sample_archives(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(root).unwrap() {
        let p = e.unwrap().path();
        if !p.is_dir() {
            continue;
        }
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if name == "synthetic" || name == "larsbrinkhoff-manifest-history" {
            for s in std::fs::read_dir(&p).unwrap() {
                out.push(s.unwrap().path());
            }
        } else if name == "dogsheep-twitter-to-sqlite" {
            out.push(p.join("tests/zip_contents"));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn every_sample_is_claimed_and_every_file_accounted_for() {
    let Some(root) = samples() else { return };
    for dir in sample_archives(&root) {
        assert!(Twitter.claims_folder(&dir), "{} not claimed", dir.display());
        let s = scan(&dir);
        for (name, d, out) in &s.entries {
            assert_ne!(*d, Disposition::Unknown, "{}: {name}", dir.display());
            assert_eq!(out.error, None, "{}: {name}", dir.display());
        }
        assert!(!s.unit.layout().is_empty());
    }
}

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn alrocar_2024_tweets_and_long_posts() {
    let Some(root) = samples() else { return };
    let s = scan(&root.join("alrocar-2024-11"));
    assert_eq!(s.unit.account(), "alrocar");
    assert_eq!(
        s.unit.layout(),
        "X archive, data/ layout with manifest (generated 2024-11-16)"
    );
    assert_eq!(s.of("data/tweets.js").len(), 1223);
    assert_eq!(s.outcome("data/tweets.js").records, 1223);
    assert!(s.outcome("data/tweets.js").warnings.is_empty());
    // The owner committed a subset: absent files are a warning, not an error.
    assert!(
        s.finish.iter().any(|w| w.contains("absent")),
        "{:?}",
        s.finish
    );

    let archive = Archive::open(&root.join("alrocar-2024-11"), &Limits::default()).unwrap();
    let n = archive.entry("data/note-tweet.js").unwrap();
    let (notes, _, err) = tweet::Notes::load(&archive, &n);
    assert_eq!(err, None);
    assert_eq!(notes.len(), 41);
    let joined_posts: Vec<_> = s
        .of("data/tweets.js")
        .into_iter()
        .filter(|r| {
            let t = r.field(Field::Text).unwrap();
            notes_texts(&root).iter().any(|n| n == t)
        })
        .collect();
    let unjoined = s.of("data/note-tweet.js").len();
    eprintln!(
        "alrocar: {} notes joined, {unjoined} emitted alone",
        joined_posts.len()
    );
    assert!(joined_posts.len() >= 35, "{}", joined_posts.len());
    assert_eq!(joined_posts.len() + unjoined, 41);

    let r = &s.of("data/tweets.js")[0];
    assert!(r.url.starts_with("https://x.com/alrocar/status/"));
    assert!(r.created_at.is_some());
    assert!(r.field(Field::Client).is_some());
    assert!(
        s.records
            .iter()
            .all(|r| !r.field(Field::Text).unwrap_or("").contains("&amp;"))
    );
    let p = s.of("data/profile.js");
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].kind, RecordKind::Profile);
}

fn notes_texts(root: &Path) -> Vec<String> {
    let archive = Archive::open(&root.join("alrocar-2024-11"), &Limits::default()).unwrap();
    let unit = TwitterUnit::new(&archive, String::new(), Generation::Data);
    let mut out = Vec::new();
    unit.notes.emit_unjoined(&unit, &mut |r| {
        out.push(r.field(Field::Text).unwrap().to_string())
    });
    out
}

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn andreruffert_2022_reposts() {
    let Some(root) = samples() else { return };
    let s = scan(&root.join("andreruffert-2022-11"));
    assert_eq!(s.of("data/tweets.js").len(), 1986);
    assert_eq!(s.kind(RecordKind::Repost), 643);
    assert!(s.kind(RecordKind::Reply) > 0);
    assert!(s.outcome("data/tweets.js").warnings.is_empty());
    // `"email" : null` is no email.
    let a = s.of("data/account.js");
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].field(Field::Email), None);
}

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn congressedits_grailbird() {
    let Some(root) = samples() else { return };
    let s = scan(&root.join("edsu-congressedits-grailbird-2018"));
    assert_eq!(s.unit.account(), "congressedits");
    assert_eq!(s.unit.layout(), "Grailbird tweet archive (2018)");
    let tweets = s.records.iter().filter(|r| r.kind.is_published()).count();
    assert_eq!(tweets, 2313);
    let csv = s.entries.iter().find(|e| e.0 == "tweets.csv").unwrap();
    assert_eq!(
        csv.1,
        Disposition::Skipped("same tweets as data/js/tweets".into())
    );
    for (name, _, out) in &s.entries {
        assert!(out.warnings.is_empty(), "{name}: {:?}", out.warnings);
    }
    assert!(s.finish.is_empty(), "{:?}", s.finish);
    let text = s.records[0].field(Field::Text).unwrap();
    assert!(!text.contains("\\/"));
    // Reposts carry the whole original from `retweeted_status`.
    let reposts: Vec<_> = s
        .records
        .iter()
        .filter(|r| r.kind == RecordKind::Repost)
        .collect();
    assert!(!reposts.is_empty());
    assert!(
        reposts
            .iter()
            .all(|r| !r.field(Field::Text).unwrap().ends_with('…'))
    );
    assert_eq!(s.of("user_details.js")[0].kind, RecordKind::Profile);

    // tweets.csv alone (the JS files absent) yields the same tweets.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root.join("edsu-congressedits-grailbird-2018/tweets.csv"),
        dir.path().join("tweets.csv"),
    )
    .unwrap();
    let s = scan(dir.path());
    assert_eq!(s.of("tweets.csv").len(), 2313);
    assert_eq!(s.outcome("tweets.csv").error, None);
}

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn congresseditors_partial_copy_warns() {
    let Some(root) = samples() else { return };
    let s = scan(&root.join("edsu-congresseditors-grailbird-2015"));
    assert!(
        s.finish.iter().any(|w| w.contains("2014_07")),
        "{:?}",
        s.finish
    );
    assert!(s.kind(RecordKind::Post) > 1000);
}

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn older_generations() {
    let Some(root) = samples() else { return };
    let s = scan(&root.join("gdpr-2018-08-root-layout"));
    assert!(s.records.is_empty());
    assert!(s.unit.layout().contains("README"));

    let s = scan(&root.join("synthetic/gdpr-2018-root-epoch"));
    assert_eq!(s.unit.layout(), "X archive, 2018–2019 root layout");
    assert_eq!(s.unit.account(), "ExampleHealthOrg");
    let dm = s.of("direct-message.js");
    assert_eq!(dm.len(), 1);
    assert_eq!(
        dm[0].created_at.unwrap().as_millisecond(),
        1_534_138_567_670
    );
    assert_eq!(
        s.of("ip-audit.js")[0].field(Field::LoginIp),
        Some("192.0.2.10")
    );
    assert_eq!(
        s.of("account.js")[0].field(Field::Email),
        Some("synthetic@example.invalid")
    );

    let s = scan(&root.join("synthetic/gdpr-2019-root-bare"));
    assert_eq!(s.of("tweet.js").len(), 2);
    assert_eq!(s.kind(RecordKind::Repost), 1);

    let s = scan(&root.join("lumeninferius-2020-04"));
    assert_eq!(s.of("data/tweet.js").len(), 22);
    let app = s.of("connected-application.js")[0];
    assert_eq!(
        app.field(Field::ConnectedApp),
        Some("Twitter for iPhone (Twitter; permissions read,write; approved 2020-02-13)")
    );
    assert!(
        s.of("profile.js")[0]
            .field(Field::Bio)
            .unwrap()
            .contains("@gmail.com")
    );

    // The two change histories: one account record per change, dated.
    let names = s.of("screen-name-change.js");
    assert_eq!(names.len(), 1);
    assert_eq!(names[0].kind, RecordKind::Account);
    assert_eq!(
        names[0].field(Field::HandleChange),
        Some("@LInferius → @LumenInferius")
    );
    assert_eq!(
        names[0].created_at.unwrap().to_string(),
        "2019-07-23T16:37:50Z"
    );
    assert_eq!(s.outcome("screen-name-change.js").records, 1);

    let s = scan(&root.join("lumeninferius-2020-04-masked"));
    assert_eq!(s.of("ip-audit.js")[0].fields.len(), 49);
    let mail = s.of("email-address-change.js");
    assert_eq!(mail.len(), 1);
    assert_eq!(
        mail[0].field(Field::EmailChange),
        Some("redacted-old@example.invalid → redacted-new@example.invalid")
    );
    assert_eq!(
        mail[0].created_at.unwrap().to_string(),
        "2019-07-23T16:37:33Z"
    );

    let s = scan(&root.join("e31415926-2020-10"));
    assert_eq!(s.of("data/tweet.js").len(), 1163);
    assert!(s.outcome("data/tweet.js").warnings.is_empty());

    let s = scan(&root.join("roberskine-2022-11"));
    assert_eq!(s.kind(RecordKind::DeletedPost), 11);

    let s = scan(&root.join("timlinux-2023-09"));
    assert!(!s.of("community-tweet.js").is_empty());
    assert!(s.outcome("community-tweet.js").warnings.is_empty());

    let s = scan(&root.join("dogsheep-twitter-to-sqlite/tests/zip_contents"));
    assert!(s.of("account.js")[0].field(Field::Phone).is_some());
}

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn synthetic_dms_and_multipart() {
    let Some(root) = samples() else { return };
    let s = scan(&root.join("synthetic/dm-2023-format"));
    assert_eq!(s.of("direct-messages.js").len(), 6);
    assert_eq!(s.of("direct-messages-group.js").len(), 1);
    assert!(
        s.records
            .iter()
            .all(|r| !r.field(Field::Text).unwrap().contains("&amp;"))
    );
    assert!(s.records.iter().any(|r| r.field(Field::Link).is_some()));
    assert!(
        s.records
            .iter()
            .all(|r| !r.field(Field::Text).unwrap().contains("t.co/"))
    );
    let h = s
        .entries
        .iter()
        .find(|e| e.0.ends_with("direct-message-headers.js"))
        .unwrap();
    assert!(matches!(&h.1, Disposition::Skipped(w) if w.starts_with("DM headers")));

    let s = scan(&root.join("synthetic/multipart-2023"));
    assert_eq!(s.of("tweets.js").len(), 1);
    assert_eq!(s.of("tweets-part1.js").len(), 1);
    assert!(s.outcome("tweets-part1.js").warnings.is_empty());
}

// ---------- fixtures ----------

fn tweet_json(id: &str, created: &str, text: &str, extra: &str) -> String {
    format!(
        r#"{{ "id_str" : "{id}", "id" : "{id}", "created_at" : "{created}", "full_text" : "{text}", "source" : "<a href=\"x\">Web</a>"{extra} }}"#
    )
}

#[test]
fn long_post_tail_is_scanned_and_wrapping_and_geo_work() {
    let long_tail = "the patient in bed 4 is John Smith";
    let note_text = format!(
        "Start of a long post {} and more. {long_tail}",
        "x".repeat(300)
    );
    let truncated = format!("Start of a long post {}… https://t.co/abc", "x".repeat(200));
    let notes = format!(
        r#"window.YTD.note_tweet.part0 = [ {{ "noteTweet" : {{ "noteTweetId" : "1700000000000000000", "createdAt" : "2023-10-13T14:58:50.000Z", "core" : {{ "text" : "{note_text}", "urls" : [ ] }} }} }}, {{ "noteTweet" : {{ "noteTweetId" : "1700000000000000001", "createdAt" : "2023-10-14T14:58:50.000Z", "core" : {{ "text" : "orphan note" }} }} }} ]"#
    );
    let wrapped = format!(
        "window.YTD.tweets.part0 = [ {{ \"tweet\" : {} }}, {{ \"tweet\" : {} }} ]",
        tweet_json(
            "1712845355925082112",
            "Fri Oct 13 14:58:50 +0000 2023",
            &truncated,
            ""
        ),
        tweet_json(
            "1712845355925082113",
            "Fri Oct 13 15:00:00 +0000 2023",
            "Hello &amp; welcome https://t.co/q",
            r#", "entities" : { "urls" : [ { "url" : "https://t.co/q", "expanded_url" : "https://www.nhs.uk/" } ], "user_mentions" : [ { "screen_name" : "NHSEngland" } ] }, "coordinates" : { "type" : "Point", "coordinates" : [ "-1.5", "52.25" ] }, "place" : { "full_name" : "Leeds, England", "bounding_box" : { "coordinates" : [ [ [ -1.0, 53.0 ], [ -2.0, 53.0 ], [ -2.0, 54.0 ], [ -1.0, 54.0 ] ] ] } }"#
        ),
    );
    let bare = format!(
        "window.YTD.tweets.part1 = [ {} ]",
        tweet_json(
            "1712845355925082114",
            "Fri Oct 13 16:00:00 +0000 2023",
            "reply",
            r#", "in_reply_to_status_id_str" : "1", "in_reply_to_screen_name" : "someone""#
        )
    );
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("twitter.zip");
    write_zip(
        &zip,
        &[
            ("twitter-2023-10-20-abc/data/tweets.js", wrapped.as_bytes()),
            (
                "twitter-2023-10-20-abc/data/tweets-part1.js",
                bare.as_bytes(),
            ),
            (
                "twitter-2023-10-20-abc/data/note-tweet.js",
                notes.as_bytes(),
            ),
            ("twitter-2023-10-20-abc/Your archive.html", b"<html>"),
            ("twitter-2023-10-20-abc/data/like.js", b"[]"),
            ("twitter-2023-10-20-abc/data/mystery.js", b"[]"),
        ],
    );
    let s = scan(&zip);
    assert_eq!(s.unit.layout(), "X archive, data/ layout without manifest");
    let d = |n: &str| {
        s.entries
            .iter()
            .find(|e| e.0.ends_with(n))
            .unwrap()
            .1
            .clone()
    };
    assert_eq!(d("mystery.js"), Disposition::Unknown);
    assert!(matches!(d("like.js"), Disposition::Skipped(_)));
    assert!(matches!(d("Your archive.html"), Disposition::Skipped(_)));

    let posts = s.of("tweets.js");
    assert_eq!(posts.len(), 2);
    assert!(posts[0].field(Field::Text).unwrap().ends_with(long_tail));
    assert_eq!(posts[0].url, "https://x.com/i/status/1712845355925082112");
    let p = posts[1];
    assert_eq!(
        p.field(Field::Text),
        Some("Hello & welcome https://www.nhs.uk/")
    );
    assert_eq!(p.field(Field::Link), Some("https://www.nhs.uk/"));
    assert_eq!(p.field(Field::Client), Some("Web"));
    assert_eq!(p.mentions, ["NHSEngland"]);
    assert_eq!(p.locations.len(), 2);
    assert_eq!(
        (p.locations[0].lat, p.locations[0].lon),
        (Some(52.25), Some(-1.5))
    );
    assert_eq!(p.locations[1].label, "Leeds, England");
    assert_eq!(p.locations[1].lat, Some(53.5));
    assert_eq!(p.locations[1].lon, Some(-1.5));

    let reply = s.of("tweets-part1.js");
    assert_eq!(reply.len(), 1);
    assert_eq!(reply[0].kind, RecordKind::Reply);
    assert_eq!(reply[0].mentions, ["someone"]);

    // The orphan note comes out of finish() as its own post.
    let orphans = s.of("note-tweet.js");
    assert_eq!(orphans.len(), 1);
    assert_eq!(orphans[0].field(Field::Text), Some("orphan note"));
}

#[test]
fn broken_files_report_errors_and_keep_earlier_records() {
    let t1 = tweet_json("1", "Fri Oct 13 14:58:50 +0000 2023", "one", "");
    let mut bad_utf8 =
        format!("window.YTD.tweets.part0 = [ {t1}, {{ \"full_text\" : \"").into_bytes();
    let at = bad_utf8.len();
    bad_utf8.extend_from_slice(b"\xff\" } ]");
    let truncated = format!("window.YTD.tweet.part0 = [ {t1}, {{ \"id\" : \"2\"");
    let dir = tempfile::tempdir().unwrap();
    write_tree(
        dir.path(),
        &[
            ("data/tweets.js", &bad_utf8),
            ("data/tweets-part1.js", truncated.as_bytes()),
            (
                "data/account.js",
                b"window.YTD.account.part0 = [ { \"account\" : { \"username\" : \"Trust\" } } ]",
            ),
        ],
    );
    let s = scan(dir.path());
    assert_eq!(s.unit.account(), "Trust");
    let o = s.outcome("tweets.js");
    assert_eq!(o.records, 1);
    assert_eq!(
        o.error.as_deref(),
        Some(format!("invalid UTF-8 at byte {at}").as_str())
    );
    let o = s.outcome("tweets-part1.js");
    assert_eq!(o.records, 1);
    assert!(
        o.error
            .as_deref()
            .unwrap()
            .starts_with("JSON ends early at byte")
    );
}

#[test]
fn grailbird_csv_multiline_fixture() {
    let csv = "\"tweet_id\",\"in_reply_to_status_id\",\"in_reply_to_user_id\",\"timestamp\",\"source\",\"text\",\"retweeted_status_id\",\"retweeted_status_user_id\",\"retweeted_status_timestamp\",\"expanded_urls\"\n\
\"100\",\"\",\"\",\"2018-09-27 22:02:22 +0000\",\"<a href=\"\"http://x\"\">Bot</a>\",\"line one\nline two &amp; \"\"quoted\"\" https://t.co/a\",\"\",\"\",\"\",\"https://nhs.uk/a\"\n\
\"101\",\"100\",\"5\",\"2018-09-28 10:00:00 +0000\",\"web\",\"@bob reply\",\"\",\"\",\"\",\"\"\n";
    let dir = tempfile::tempdir().unwrap();
    write_tree(
        dir.path(),
        &[
            ("tweets.csv", csv.as_bytes()),
            ("README.txt", b"How to use your Twitter archive"),
        ],
    );
    let s = scan(dir.path());
    let r = s.of("tweets.csv");
    assert_eq!(r.len(), 2);
    assert_eq!(
        r[0].field(Field::Text),
        Some("line one\nline two & \"quoted\" https://nhs.uk/a")
    );
    assert_eq!(r[0].field(Field::Client), Some("Bot"));
    assert_eq!(r[0].created_at.unwrap().as_second(), 1538085742);
    assert_eq!(r[1].kind, RecordKind::Reply);
    assert_eq!(r[1].mentions, ["bob"]);
    assert_eq!(r[1].url, "https://x.com/i/status/101");
}

use crate::platform::exif::jpeg_with_gps;

#[test]
fn media_exif_gps_and_snowflake_time() {
    let (lat, lon) = crate::platform::exif::gps(&jpeg_with_gps())
        .unwrap()
        .unwrap();
    assert!((lat - 51.5).abs() < 1e-9, "{lat}");
    assert!((lon + 0.125).abs() < 1e-9, "{lon}");
    assert_eq!(
        crate::platform::exif::gps(b"\xFF\xD8\xFF\xD9").unwrap(),
        None
    );

    let dir = tempfile::tempdir().unwrap();
    let jpeg = jpeg_with_gps();
    write_tree(
        dir.path(),
        &[
            ("data/manifest.js", b"window.__THAR_CONFIG = { \"userInfo\" : { \"userName\" : \"NHSTrust\" }, \"dataTypes\" : { \"tweets\" : { \"files\" : [ { \"fileName\" : \"data/tweets.js\", \"count\" : \"2\" } ] } } }"),
            ("data/tweets.js", b"window.YTD.tweets.part0 = [ ]"),
            ("data/tweets_media/1690395372546301952-AbC.jpg", &jpeg),
            ("data/tweets_media/1690395372546301952-v.mp4", b"\0\0\0\x18ftypmp42"),
            ("data/direct_messages_media/1690395372546301953-x.jpg", b"\xFF\xD8 corrupt"),
            ("data/profile_media/38512725-tgUr6li7.jpg", b"not an image"),
        ],
    );
    let s = scan(dir.path());
    let m = s.of("-AbC.jpg");
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].kind, RecordKind::Media);
    assert_eq!(m[0].id, "1690395372546301952");
    assert_eq!(
        m[0].url,
        "https://x.com/NHSTrust/status/1690395372546301952"
    );
    assert_eq!(m[0].created_at.unwrap().as_second(), 1691856637);
    assert_eq!(
        m[0].field(Field::MediaName),
        Some("1690395372546301952-AbC.jpg")
    );
    assert_eq!(m[0].locations[0].field, Field::Exif);
    assert_eq!(s.of("-v.mp4")[0].locations.len(), 0);
    assert_eq!(s.outcome("-x.jpg").error, None);
    assert_eq!(s.outcome("-x.jpg").warnings.len(), 1);
    assert_eq!(s.of("38512725-tgUr6li7.jpg").len(), 1);
    // Manifest count 2, file holds 0: a warning on the entry.
    assert_eq!(s.outcome("data/tweets.js").warnings.len(), 1);
    assert!(s.finish.is_empty());
}

#[test]
fn roots_and_readme_only_folders() {
    let dir = tempfile::tempdir().unwrap();
    write_tree(
        dir.path(),
        &[(
            "README.txt",
            b"This archive was generated at the request of @x",
        )],
    );
    assert!(Twitter.claims_folder(dir.path()));
    let s = scan(dir.path());
    assert!(s.unit.layout().contains("README"));

    let other = tempfile::tempdir().unwrap();
    write_tree(
        other.path(),
        &[("README.txt", b"my notes"), ("a.js", b"[]")],
    );
    assert!(!Twitter.claims_folder(other.path()));
    let a = Archive::open(other.path(), &Limits::default()).unwrap();
    assert!(Twitter.open(&a).is_none());
}

#[test]
fn hostile_inputs_do_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let junk: &[&[u8]] = &[
        b"",
        b"=",
        b"x = ",
        b"x = {",
        b"x = [[[[[[",
        b"x = [ \"\\",
        b"x = [ } ]",
        b"x = [ {\"tweet\" : 5} ]",
        b"x = [ {\"tweet\" : {\"id\" : [1], \"created_at\" : 7}} ]",
        b"x = [ {\"dmConversation\" : {\"messages\" : 3}} ]",
        b"\xff\xfe\x00",
    ];
    for (i, j) in junk.iter().enumerate() {
        write_tree(
            dir.path(),
            &[
                ("data/tweets.js", j),
                ("data/direct-messages.js", j),
                ("data/account.js", j),
                ("data/note-tweet.js", j),
            ],
        );
        let s = scan(dir.path());
        let _ = (i, s.records.len());
    }
}

// ---------- text the account wrote outside posts and DMs ----------

#[test]
fn periscope_comments_and_grok_prompts_are_read_and_xchat_is_named_unreadable() {
    let d = tempfile::tempdir().unwrap();
    let periscope = r#"window.YTD.periscope_comments_made_by_user.part0 = [
  { "periscopeCommentsMadeByUser" : { "broadcastId" : "1yoKMwqLmoexQ", "byAccountId" : "900000001",
      "createdAt" : "2019-05-01T10:00:00.000Z", "text" : "Ring Ward 7 on 07700 900123 @janedoe" } },
  { "periscopeCommentsMadeByUser" : { "broadcastId" : "1yoKMwqLmoexQ", "byAccountId" : "900000001",
      "createdAt" : "2019-05-01T10:01:00.000Z", "text" : "Thanks all" } }
]"#;
    let grok = r#"window.YTD.grok_chat_item.part0 = [
  { "grokChatItem" : { "grokMode" : { "value" : "1", "name" : "Normal", "originalName" : "NORMAL" },
      "accountId" : "900000001", "chatId" : "1981347871267098791", "createdAt" : "2025-10-23T13:11:59.692Z",
      "sender" : { "value" : "1", "name" : "User", "originalName" : "USER" },
      "message" : "Draft a post about patient John Example in bed 4" } },
  { "grokChatItem" : { "accountId" : "900000001", "chatId" : "1981347871267098791",
      "createdAt" : "2025-10-23T13:12:05.000Z",
      "sender" : { "value" : "2", "name" : "Agent", "originalName" : "AGENT" },
      "message" : "Here is a draft…" } }
]"#;
    let xchat = br#"window.YTD.message_event.part0 = [ { "messageEvent" : { "conversationId" : "x", "encryptedContent" : "AAECAwQ=" } } ]"#;
    write_tree(
        d.path(),
        &[
            (
                "data/account.js",
                br#"window.YTD.account.part0 = [ { "account" : { "username" : "NorthdaleNHS" } } ]"#,
            ),
            ("data/periscope-comments-made-by-user.js", periscope.as_bytes()),
            ("data/grok-chat-item.js", grok.as_bytes()),
            ("data/message-event.js", xchat),
        ],
    );
    let s = scan(d.path());
    let c = s.of("periscope-comments-made-by-user.js");
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].kind, RecordKind::Comment);
    assert_eq!(c[0].id, "1yoKMwqLmoexQ-1556704800000");
    assert_eq!(
        c[0].field(Field::Text),
        Some("Ring Ward 7 on 07700 900123 @janedoe")
    );
    assert_eq!(c[0].mentions, ["janedoe"]);
    assert_eq!(c[0].created_at.unwrap().to_string(), "2019-05-01T10:00:00Z");

    // Only what the user typed; Grok's answers are not the account's words.
    let g = s.of("grok-chat-item.js");
    assert_eq!(g.len(), 1);
    assert_eq!(g[0].kind, RecordKind::Dm);
    assert_eq!(
        g[0].field(Field::Text),
        Some("Draft a post about patient John Example in bed 4")
    );
    assert_eq!(
        g[0].created_at.unwrap().to_string(),
        "2025-10-23T13:11:59.692Z"
    );

    match &s
        .entries
        .iter()
        .find(|e| e.0.ends_with("message-event.js"))
        .unwrap()
        .1
    {
        Disposition::Unreadable(why) => {
            assert!(why.contains("encrypted, cannot be read"), "{why}")
        }
        d => panic!("message-event.js: {d:?}"),
    }
}

// ---------- account change histories ----------

#[test]
fn each_handle_and_email_change_is_its_own_dated_record() {
    let d = tempfile::tempdir().unwrap();
    let names = r#"window.YTD.screen_name_change.part0 = [ {
  "screenNameChange" : {
    "accountId" : "900000001",
    "screenNameChange" : {
      "changedAt" : "2021-03-01T09:00:00.000Z",
      "changedFrom" : "NorthdaleTrust",
      "changedTo" : "NorthdaleNHS"
    }
  }
}, {
  "screenNameChange" : {
    "accountId" : "900000001",
    "screenNameChange" : { "changedAt" : "1530000000", "changedTo" : "NorthdaleTrust" }
  }
} ]"#;
    let mail = r#"window.YTD.email_address_change.part0 = [ {
  "emailAddressChange" : {
    "accountId" : "900000001",
    "emailChange" : {
      "changedAt" : "2024-02-10T08:15:00.000Z",
      "changedFrom" : "comms@northdale.nhs.uk",
      "changedTo" : "northdale.comms@gmail.com"
    }
  }
}, {
  "emailAddressChange" : { "accountId" : "900000001", "emailChange" : { "changedFrom" : "x@example.org" } }
} ]"#;
    write_tree(
        d.path(),
        &[
            (
                "data/account.js",
                br#"window.YTD.account.part0 = [ { "account" : { "username" : "NorthdaleNHS" } } ]"#,
            ),
            ("data/screen-name-change.js", names.as_bytes()),
            ("data/email-address-change.js", mail.as_bytes()),
        ],
    );
    let s = scan(d.path());
    for (name, disposition, out) in &s.entries {
        assert_eq!(*disposition, Disposition::Parse, "{name}");
        assert_eq!(out.error, None, "{name}");
    }

    let h = s.of("screen-name-change.js");
    let got: Vec<(&str, &str, String)> = h
        .iter()
        .map(|r| {
            (
                r.id.as_str(),
                r.field(Field::HandleChange).unwrap(),
                r.created_at.unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "screen-name-change:2021-03-01T09:00:00.000Z",
                "@NorthdaleTrust → @NorthdaleNHS",
                "2021-03-01T09:00:00Z".to_string()
            ),
            // 2018 archives: epoch seconds, and no changedFrom
            (
                "screen-name-change:1530000000",
                "(not recorded) → @NorthdaleTrust",
                "2018-06-26T08:00:00Z".to_string()
            ),
        ]
    );
    assert!(h.iter().all(|r| r.kind == RecordKind::Account
        && r.account == "NorthdaleNHS"
        && r.url == "https://x.com/NorthdaleNHS"
        && r.fields.len() == 1));
    assert_eq!(s.outcome("screen-name-change.js").records, 2);

    // The address changed to is in the change, not an `email` field: the
    // account's current address is account.js's.
    let m = s.of("email-address-change.js");
    assert_eq!(m.len(), 1);
    assert_eq!(
        m[0].field(Field::EmailChange),
        Some("comms@northdale.nhs.uk → northdale.comms@gmail.com")
    );
    assert_eq!(m[0].field(Field::Email), None);
    let out = s.outcome("email-address-change.js");
    assert_eq!(out.records, 1);
    assert!(
        out.warnings.iter().any(|w| w.contains("no changedTo")),
        "{:?}",
        out.warnings
    );
}

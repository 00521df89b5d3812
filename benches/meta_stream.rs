//! Peak memory and time of two large inputs (no criterion: one real scan
//! per configuration is the measurement, and CI never builds it):
//!
//!     cargo bench --bench meta_stream                      # both
//!     BENCH_POSTS_MB=1024 cargo bench --bench meta_stream  # posts file size
//!     BENCH_ENTRIES=200000 cargo bench --bench meta_stream # media entries
//!     BENCH_MESSAGES_MB=1024 cargo bench --bench meta_stream # thread size
//!     BENCH_HTML_MB=1024 cargo bench --bench meta_stream     # HTML page size
//!     BENCH_LEGACY_MB=1024 cargo bench --bench meta_stream   # ≤2018 messages.htm size
//!     BENCH_WALL_MB=1024 cargo bench --bench meta_stream     # ≤2018 wall.htm size
//!     BENCH_META_ENTRIES=200000 cargo bench --bench meta_stream # photo entries
//!     BENCH_ONLY=posts|instagram-posts|entries|messages|html|legacy|wall|meta-entries cargo bench --bench meta_stream
//!     BENCH_ONLY=facebook-entries|instagram-entries cargo bench --bench meta_stream
//!     BENCH_ONLY=bluesky BENCH_BSKY_RECORDS=100000 cargo bench --bench meta_stream
//!     BENCH_THREADS=2 cargo bench --bench meta_stream      # -j2 only
//!
//! 1. A Facebook export folder whose `your_posts_1.json` is one top-level
//!    array of about BENCH_POSTS_MB MB (default 1024) of posts in Meta's
//!    byte format (pretty-printed, mojibake escapes, attachments with
//!    media, a place on 1% of posts), read by the streaming reader
//!    (`platform/meta/json.rs`, `stream_array`).
//!    The same for Instagram (`BENCH_ONLY=instagram-posts`): a
//!    `posts_1.json` of about BENCH_IG_POSTS_MB MB, each post a `media`
//!    list of one photo whose `title` is the caption.
//! 2. An X zip of BENCH_ENTRIES entries (default 1,000,000, the entry
//!    limit): a few posts, the account and manifest files, and tiny files
//!    under `data/tweets_media/` for the rest: the per-entry state of the
//!    scan (entry list, dispositions, coverage rows).
//! 3. A Facebook export folder whose Messenger thread `message_1.json` is
//!    one object of about BENCH_MESSAGES_MB MB (default 1024): `messages`
//!    first and `participants`, `title` and `thread_path` after it, as a
//!    thread may come, read by the two-pass reader of object-wrapped files
//!    (`platform/meta/json/object.rs`).
//! 4. A Facebook export folder whose `your_posts_1.html` is one 2022+
//!    HTML page of about BENCH_HTML_MB MB (default 1024), one `_a6-g`
//!    block per post, cut into items as it streams
//!    (`platform/meta/html/cut.rs`).
//! 5. A ≤2018 Facebook export folder whose `html/messages.htm` holds every
//!    Messenger thread in one page of about BENCH_LEGACY_MB MB (default
//!    1024): threads of 1,000 `div.message` + `<p>` pairs, cut per
//!    `div.thread` as it streams (`platform/meta/html/cut.rs`).
//! 6. A ≤2018 Facebook export folder whose `html/wall.htm` is one page of
//!    about BENCH_WALL_MB MB (default 1024): wall items of a `div.meta`
//!    date, a line saying what happened and a `div.comment`, each inside
//!    a `<p>` as Facebook wrote them, cut per item as it streams
//!    (`platform/meta/html/cut.rs`).
//! 7. A Facebook zip and an Instagram zip of BENCH_META_ENTRIES entries
//!    (default 1,000,000, the entry limit): a profile, a posts file of 100
//!    posts each showing a photo, and tiny photos named as each product
//!    names them (`your_facebook_activity/posts/media/<album>/…_n.jpg`,
//!    `media/posts/<yyyymm>/…_n_….jpg`): the per-entry state of the Meta
//!    reader (`platform/meta/survey.rs`) on top of the scan's.
//! 8. A Bluesky `repo.car` of BENCH_BSKY_RECORDS records (default
//!    1,000,000) and a profile: 40% posts (50–300 characters, a quarter
//!    of them replies, one in eight with images and alt text), 45% likes,
//!    10% reposts, 5% follows, under TID keys in a record tree built as
//!    atproto builds it (`platform/bluesky/`: the tree nodes held between
//!    its two passes). Scanned with a coverage report, whose row is
//!    printed.
//!
//! Each is scanned with the release binary under GNU time (wall seconds,
//! peak RSS). Inputs are written once to `target/bench/` and reused.
//! Results go in benches/README.md.

#[allow(dead_code)]
#[path = "../examples/gen_archive.rs"]
mod gen_archive;

#[path = "../src/platform/bluesky/testing.rs"]
mod bsky;

use ipld_core::ipld::Ipld;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// One single-file case: a page of `BENCH_*_MB` megabytes (1024 unless
/// set), written by `write` under `target/bench/<folder>-<mb>mb<version>/`.
struct Page {
    name: &'static str,
    env: &'static str,
    folder: &'static str,
    /// Bumped when the generator's output changes, so an old file is not reused.
    version: &'static str,
    file: &'static str,
    what: &'static str,
    unit: &'static str,
    write: fn(&Path, u64) -> u64,
}

impl Page {
    fn run(&self, dir: &Path) {
        let mb = env(self.env, 1024);
        let root = dir.join(format!("{}-{mb}mb{}", self.folder, self.version));
        let path = root.join(self.file);
        if !path.exists() {
            let t = Instant::now();
            let n = (self.write)(&root, mb << 20);
            eprintln!(
                "generated {} ({n} {}) in {:.1} s",
                path.display(),
                self.unit,
                t.elapsed().as_secs_f64()
            );
        }
        let size = std::fs::metadata(&path).unwrap().len();
        println!("{}: {:.1} MB", self.what, size as f64 / 1e6);
        scan(&root, dir);
    }
}

fn main() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir).unwrap();
    let only = std::env::var("BENCH_ONLY").unwrap_or_default();
    // One generated file per case, made once and kept under target/bench.
    let pages: [Page; 6] = [
        Page {
            name: "posts",
            env: "BENCH_POSTS_MB",
            folder: "facebook-posts",
            version: "-v2",
            file: POSTS,
            what: "Facebook posts file",
            unit: "posts",
            write: write_posts,
        },
        Page {
            name: "instagram-posts",
            env: "BENCH_IG_POSTS_MB",
            folder: "instagram-posts",
            version: "",
            file: IG_POSTS,
            what: "Instagram posts file",
            unit: "posts",
            write: write_instagram_posts,
        },
        Page {
            name: "messages",
            env: "BENCH_MESSAGES_MB",
            folder: "facebook-messages",
            version: "",
            file: MESSAGES,
            what: "Messenger thread file",
            unit: "messages",
            write: write_messages,
        },
        Page {
            name: "html",
            env: "BENCH_HTML_MB",
            folder: "facebook-html",
            version: "",
            file: HTML_POSTS,
            what: "Facebook HTML posts page",
            unit: "posts",
            write: write_html,
        },
        Page {
            name: "legacy",
            env: "BENCH_LEGACY_MB",
            folder: "facebook-legacy",
            version: "",
            file: LEGACY_MESSAGES,
            what: "Facebook ≤2018 messages page",
            unit: "messages",
            write: write_legacy,
        },
        Page {
            name: "wall",
            env: "BENCH_WALL_MB",
            folder: "facebook-wall",
            version: "",
            file: LEGACY_WALL,
            what: "Facebook ≤2018 wall page",
            unit: "items",
            write: write_wall,
        },
    ];
    for page in &pages {
        if only.is_empty() || only == page.name {
            page.run(&dir);
        }
    }
    if only.is_empty() || only == "entries" {
        let n = env("BENCH_ENTRIES", 1_000_000);
        // Exactly `n` entries: the three data files are entries too (a zip
        // of 1,000,003 had three turned away at the limit until 2026-12-02).
        let zip = dir.join(format!("x-entries-{n}.zip"));
        if !zip.exists() {
            let t = Instant::now();
            gen_archive::write_archive_with_media(
                zip.to_str().unwrap(),
                100,
                n.saturating_sub(3),
                42,
            );
            eprintln!(
                "generated {} in {:.1} s",
                zip.display(),
                t.elapsed().as_secs_f64()
            );
        }
        println!("X archive of {n} entries, all but three media files");
        scan(&zip, &dir);
    }
    for (case, product) in [
        ("facebook-entries", Product::Facebook),
        ("instagram-entries", Product::Instagram),
    ] {
        if only.is_empty() || only == "meta-entries" || only == case {
            let n = env("BENCH_META_ENTRIES", 1_000_000);
            let zip = dir.join(format!("{case}-{n}.zip"));
            if !zip.exists() {
                let t = Instant::now();
                // The profile and the posts file are entries too.
                write_meta_zip(&zip, product, n.saturating_sub(2));
                eprintln!(
                    "generated {} in {:.1} s",
                    zip.display(),
                    t.elapsed().as_secs_f64()
                );
            }
            let size = std::fs::metadata(&zip).unwrap().len();
            println!(
                "{case}: {product:?} zip of {n} entries, all but two photos ({:.1} MB)",
                size as f64 / 1e6
            );
            scan(&zip, &dir);
        }
    }
    if only.is_empty() || only == "bluesky" {
        let n = env("BENCH_BSKY_RECORDS", 1_000_000);
        let car = dir.join(format!("bluesky-{n}.car"));
        if !car.exists() {
            let t = Instant::now();
            let c = write_bluesky(&car, n);
            eprintln!(
                "generated {} in {:.1} s: {} posts ({} replies, {} with images), {} likes, \
                 {} reposts, {} follows, a profile; {} tree nodes",
                car.display(),
                t.elapsed().as_secs_f64(),
                c.posts,
                c.replies,
                c.images,
                c.likes,
                c.reposts,
                c.follows,
                c.nodes
            );
        }
        let size = std::fs::metadata(&car).unwrap().len();
        println!(
            "Bluesky repository of {n} records and a profile ({:.1} MB)",
            size as f64 / 1e6
        );
        scan_with(&car, &dir, true);
    }
}

#[derive(Clone, Copy, Debug)]
enum Product {
    Facebook,
    Instagram,
}

/// Posts in the posts file of a generated Meta zip, each showing one photo.
const META_POSTS: u64 = 100;

/// Writes a Facebook or Instagram zip: the profile and posts file the
/// product writes (deflated), then `photos` tiny JPEG stand-ins (stored,
/// a start and end marker) named as the product names them, a thousand
/// to a folder; every `photos / 100`th is shown by a post.
fn write_meta_zip(out: &Path, product: Product, photos: u64) {
    let file = std::fs::File::create(out).unwrap();
    let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(file));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    // Long digit runs as Meta writes them, varied but deterministic.
    let photo = |i: u64| {
        let a = i.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 11;
        let b = i.wrapping_mul(0xC2B2_AE3D_27D4_EB4F) >> 8;
        match product {
            Product::Facebook => format!(
                "your_facebook_activity/posts/media/YourPosts{:05}_{:010X}/{}_{:016}_{:019}_n.jpg",
                i / 1000,
                (i / 1000).wrapping_mul(0x9E37_79B9) & 0xFF_FFFF_FFFF,
                400_000_000 + i,
                a % 10_000_000_000_000_000,
                b % 10_000_000_000_000_000_000,
            ),
            Product::Instagram => format!(
                "media/posts/{}{:02}/{}_{:016}_n_{:017}.jpg",
                2015 + (i / 1000) / 12 % 10,
                (i / 1000) % 12 + 1,
                300_000_000 + i,
                a % 10_000_000_000_000_000,
                17_800_000_000_000_000 + i,
            ),
        }
    };
    let step = (photos / META_POSTS).max(1);
    let mut posts = String::from("[\n");
    for p in 0..META_POSTS.min(photos) {
        let ts = 1_600_000_000 + p * 86_400;
        let uri = photo(p * step);
        // As in the other inputs: a reference number on one post.
        let extra = if p == 0 {
            " Patient ref 943 476 5919"
        } else {
            ""
        };
        let post = match product {
            Product::Facebook => format!(
                r#"{sep}  {{
    "timestamp": {ts},
    "attachments": [
      {{
        "data": [
          {{
            "media": {{
              "uri": "{uri}",
              "creation_timestamp": {ts},
              "title": ""
            }}
          }}
        ]
      }}
    ],
    "data": [
      {{
        "post": "Our wards are open for visiting {p}. Please check the latest guidance before you come.{extra}",
        "update_timestamp": {ts}
      }}
    ],
    "title": "Northdale NHS Trust added a new photo."
  }}"#,
                sep = if p == 0 { "" } else { ",\n" },
            ),
            Product::Instagram => format!(
                r#"{sep}  {{
    "media": [
      {{
        "uri": "{uri}",
        "creation_timestamp": {ts},
        "title": "Our wards are open for visiting {p}. Please check the latest guidance before you come.{extra}"
      }}
    ]
  }}"#,
                sep = if p == 0 { "" } else { ",\n" },
            ),
        };
        posts.push_str(&post);
    }
    posts.push_str("\n]\n");
    let (profile_name, profile, posts_name) = match product {
        Product::Facebook => (
            "personal_information/profile_information/profile_information.json",
            r#"{"profile_v2": {"name": {"full_name": "Northdale NHS Trust"}, "emails": {"emails": ["comms@northdale.nhs.uk"]}}}"#,
            "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json",
        ),
        Product::Instagram => (
            IG_PROFILE,
            IG_PROFILE_JSON,
            "your_instagram_activity/media/posts_1.json",
        ),
    };
    for (name, body) in [(profile_name, profile), (posts_name, posts.as_str())] {
        zip.start_file(name, opts).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    }
    let stored = opts.compression_method(zip::CompressionMethod::Stored);
    for i in 0..photos {
        zip.start_file(photo(i).as_str(), stored).unwrap();
        zip.write_all(b"\xFF\xD8\xFF\xD9").unwrap();
    }
    zip.finish().unwrap();
}

fn scan(input: &Path, dir: &Path) {
    scan_with(input, dir, false);
}

/// With `coverage`, the scan also writes a coverage report and its rows
/// (status, records) are printed: one input gives one row.
fn scan_with(input: &Path, dir: &Path, coverage: bool) {
    let bin = env!("CARGO_BIN_EXE_social-audit");
    let out = dir.join("meta-stream-findings.csv");
    let cov = dir.join("meta-stream-coverage.csv");
    let threads = std::env::var("BENCH_THREADS").unwrap_or_else(|_| "1,2".into());
    for threads in threads.split(',') {
        let mut args = vec![
            "scan",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--no-progress",
            "-j",
            threads,
        ];
        if coverage {
            args.extend(["--coverage", cov.to_str().unwrap()]);
        }
        let (wall, rss) = timed(bin, &args);
        println!(
            "  scan -j{threads}: {wall:.1} s wall, peak RSS {:.1} MB",
            rss as f64 / 1024.0
        );
        if coverage {
            let rows = csv::Reader::from_path(&cov).unwrap();
            for row in rows.into_records() {
                let row = row.unwrap();
                let get = |i: usize| row.get(i).unwrap_or("");
                println!(
                    "    coverage: {} {}, {} records, {} findings: {}",
                    get(1),
                    get(2),
                    get(3),
                    get(4),
                    get(6)
                );
            }
        }
    }
}

/// (wall seconds, peak RSS kB) of one run, via GNU time.
fn timed(cmd: &str, args: &[&str]) -> (f64, u64) {
    let rss_file = std::env::temp_dir().join(format!("bench-rss-{}", std::process::id()));
    let t = Instant::now();
    let status = Command::new("/usr/bin/time")
        .args(["-f", "%M", "-o"])
        .arg(&rss_file)
        .arg(cmd)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run /usr/bin/time (GNU time)");
    let wall = t.elapsed().as_secs_f64();
    let _ = status;
    let rss = std::fs::read_to_string(&rss_file)
        .ok()
        .and_then(|s| s.lines().last().and_then(|l| l.trim().parse().ok()))
        .unwrap_or(0);
    (wall, rss)
}

/// Writes the profile every generated Facebook export holds.
fn write_profile(root: &Path) {
    let profile = root.join("personal_information/profile_information/profile_information.json");
    std::fs::create_dir_all(profile.parent().unwrap()).unwrap();
    std::fs::write(
        &profile,
        br#"{"profile_v2": {"name": {"full_name": "Northdale NHS Trust"}, "emails": {"emails": ["comms@northdale.nhs.uk"]}}}"#,
    )
    .unwrap();
}

const MESSAGES: &str = "your_facebook_activity/messages/inbox/jobloggs_10000/message_1.json";

/// Writes a Facebook export folder with a profile and one Messenger
/// thread of about `bytes` bytes, its members after `messages`; returns
/// the number of messages.
fn write_messages(root: &Path, bytes: u64) -> u64 {
    write_profile(root);
    let thread = root.join(MESSAGES);
    std::fs::create_dir_all(thread.parent().unwrap()).unwrap();
    let mut w = std::io::BufWriter::new(std::fs::File::create(&thread).unwrap());
    let mut written = 0u64;
    let mut n = 0u64;
    w.write_all(b"{\n  \"messages\": [\n").unwrap();
    while written < bytes {
        let ts = 1_700_000_000_000 + n * 60_000;
        let who = if n.is_multiple_of(2) {
            "Jo Bloggs"
        } else {
            "Northdale NHS Trust"
        };
        // As in the posts file: a reference number on every 100th message
        // and Meta's mojibake for "é" on all.
        let extra = if n.is_multiple_of(100) {
            " Patient ref 943 476 5919"
        } else {
            ""
        };
        let photo = if n % 100 == 1 {
            r#",
      "photos": [
        {
          "uri": "your_facebook_activity/messages/inbox/jobloggs_10000/photos/1.jpg",
          "creation_timestamp": 1700000000
        }
      ]"#
        } else {
            ""
        };
        let msg = format!(
            r#"{sep}    {{
      "sender_name": "{who}",
      "timestamp_ms": {ts},
      "content": "Caf\u00c3\u00a9 visiting hours changed again, message {n}. See the ward page.{extra}"{photo},
      "is_geoblocked_for_viewer": false
    }}"#,
            sep = if n == 0 { "" } else { ",\n" },
        );
        w.write_all(msg.as_bytes()).unwrap();
        written += msg.len() as u64;
        n += 1;
    }
    w.write_all(
        br#"
  ],
  "participants": [
    {
      "name": "Jo Bloggs"
    },
    {
      "name": "Northdale NHS Trust"
    }
  ],
  "title": "Jo Bloggs",
  "is_still_participant": true,
  "thread_path": "inbox/jobloggs_10000",
  "magic_words": []
}
"#,
    )
    .unwrap();
    w.flush().unwrap();
    n
}

const HTML_POSTS: &str = "your_facebook_activity/posts/your_posts_1.html";

/// Writes a Facebook export folder with a profile and one 2022+ HTML
/// posts page of about `bytes` bytes; returns the number of posts.
fn write_html(root: &Path, bytes: u64) -> u64 {
    write_profile(root);
    let page = root.join(HTML_POSTS);
    std::fs::create_dir_all(page.parent().unwrap()).unwrap();
    let mut w = std::io::BufWriter::new(std::fs::File::create(&page).unwrap());
    w.write_all(
        br#"<!DOCTYPE html><html><head><meta charset="utf-8" /><title>Your posts</title><style type="text/css">._a6-g{padding:12px}</style></head><body class="_5vb_ _2yq _a7o5"><div class="clearfix _ikh"><div class="_4bl9"><div class="_li"><div class="_a705"><div class="_a706" role="main">
"#,
    )
    .unwrap();
    let mut written = 0u64;
    let mut n = 0u64;
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    while written < bytes {
        // As in the posts file: a reference number on every 100th post;
        // a photo on every 100th too.
        let extra = if n.is_multiple_of(100) {
            " Patient ref 943 476 5919"
        } else {
            ""
        };
        let photo = if n % 100 == 1 {
            format!(
                r#"<div><a href="your_facebook_activity/posts/media/Post_{n}/{n}.jpg"><img src="your_facebook_activity/posts/media/Post_{n}/{n}.jpg" class="_a6_o _3-96" /></a></div>"#
            )
        } else {
            String::new()
        };
        let month = months.get((n % 12) as usize).copied().unwrap_or("Jan");
        let item = format!(
            r#"<div class="_3-95 _a6-g"><div class="_2ph_ _a6-h _a6-i">Northdale NHS Trust updated their status.</div><div class="_2ph_ _a6-p"><div><div class="_2pin"><div>Our wards are open for visiting {n}. Please check the latest guidance before you come.{extra}</div></div>{photo}</div></div><div class="_3-94 _a6-o"><a href="https://www.facebook.com/northdale/posts/{n}"><div class="_a72d">{month} {day}, 2023 {h}:{mi:02} pm</div></a></div></div>
"#,
            day = n % 28 + 1,
            h = n % 12 + 1,
            mi = n % 60,
        );
        w.write_all(item.as_bytes()).unwrap();
        written += item.len() as u64;
        n += 1;
    }
    w.write_all(b"</div></div></div></div></div></body></html>\n")
        .unwrap();
    w.flush().unwrap();
    n
}

const LEGACY_MESSAGES: &str = "html/messages.htm";

/// Writes a ≤2018 Facebook export folder (`index.htm` and one
/// `html/messages.htm` of about `bytes` bytes, every thread in it, as the
/// samples under ../shared/formats/facebook have it); returns the number
/// of messages.
fn write_legacy(root: &Path, bytes: u64) -> u64 {
    let page = root.join(LEGACY_MESSAGES);
    std::fs::create_dir_all(page.parent().unwrap()).unwrap();
    std::fs::write(
        root.join("index.htm"),
        br#"<html><head><title>Northdale NHS Trust</title></head><body><div class="nav"><ul><li><a href="html/messages.htm">Messages</a></li></ul></div><div class="contents"><h1>Northdale NHS Trust</h1></div></body></html>"#,
    )
    .unwrap();
    let mut w = std::io::BufWriter::new(std::fs::File::create(&page).unwrap());
    w.write_all(
        br#"<html>
<head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" /><title>Northdale NHS Trust - Messages</title><link rel="stylesheet" href="../html/style.css" type="text/css" /></head>
<body><div class="nav"><ul><li><a href="../index.htm">Profile</a></li><li class="selected">Messages</li></ul></div>
<div class="contents"><h1>Northdale NHS Trust</h1><div>
"#,
    )
    .unwrap();
    let months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut written = 0u64;
    let mut n = 0u64;
    while written < bytes {
        if n.is_multiple_of(1000) {
            let head = format!(
                "{}<div class=\"thread\">Northdale NHS Trust, Patient {}\n",
                if n == 0 { "" } else { "</div>\n" },
                n / 1000
            );
            w.write_all(head.as_bytes()).unwrap();
            written += head.len() as u64;
        }
        let who = if n.is_multiple_of(2) {
            format!("Patient {}", n / 1000)
        } else {
            "Northdale NHS Trust".to_string()
        };
        // As in the other files: a reference number on every 100th message.
        let extra = if n.is_multiple_of(100) {
            " Patient ref 943 476 5919"
        } else {
            ""
        };
        let month = months.get((n % 12) as usize).copied().unwrap_or("May");
        let msg = format!(
            r#"<div class="message"><div class="message_header"><span class="user">{who}</span><span class="meta">Thursday, {day} {month} 2016 at {h}:{mi:02} UTC+01</span></div></div>
<p>Caf&eacute; visiting hours changed again, message {n}. See the ward page.{extra}</p>
"#,
            day = n % 28 + 1,
            h = n % 24,
            mi = n % 60,
        );
        w.write_all(msg.as_bytes()).unwrap();
        written += msg.len() as u64;
        n += 1;
    }
    w.write_all(b"</div>\n</div></div></body></html>\n")
        .unwrap();
    w.flush().unwrap();
    n
}

const LEGACY_WALL: &str = "html/wall.htm";

/// Writes a ≤2018 Facebook export folder whose `html/wall.htm` is about
/// `bytes` bytes of wall items; returns the number of items.
fn write_wall(root: &Path, bytes: u64) -> u64 {
    let page = root.join(LEGACY_WALL);
    std::fs::create_dir_all(page.parent().unwrap()).unwrap();
    std::fs::write(
        root.join("index.htm"),
        br#"<html><head><title>Northdale NHS Trust</title></head><body><div class="nav"><ul><li><a href="html/wall.htm">Wall</a></li></ul></div><div class="contents"><h1>Northdale NHS Trust</h1></div></body></html>"#,
    )
    .unwrap();
    let mut w = std::io::BufWriter::new(std::fs::File::create(&page).unwrap());
    w.write_all(
        br#"<html>
<head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" /><title>Northdale NHS Trust - Wall</title><link rel="stylesheet" href="../html/style.css" type="text/css" /></head>
<body><div class="nav"><img src="../photos/profile.jpg" /><ul><li><a href="../index.htm">Profile</a></li><li class="selected">Wall</li></ul></div>
<div class="contents"><h1>Northdale NHS Trust</h1><div>
"#,
    )
    .unwrap();
    let months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut written = 0u64;
    let mut n = 0u64;
    while written < bytes {
        // As in the other files: a reference number on every 100th item,
        // and a shared link on every 10th.
        let extra = if n.is_multiple_of(100) {
            " Patient ref 943 476 5919"
        } else {
            ""
        };
        let month = months.get((n % 12) as usize).copied().unwrap_or("May");
        let item = if n.is_multiple_of(10) {
            format!(
                r#"<p><div class="meta">Thursday, {day} {month} 2016 at {h}:{mi:02} UTC+01</div>Northdale NHS Trust shared a link.<a href="https://www.nhs.uk/conditions/flu/">https://www.nhs.uk/conditions/flu/</a><div class="comment">Flu clinic, item {n}.{extra}</div></p>
"#,
                day = n % 28 + 1,
                h = n % 24,
                mi = n % 60,
            )
        } else {
            format!(
                r#"<p><div class="meta">Thursday, {day} {month} 2016 at {h}:{mi:02} UTC+01</div>Northdale NHS Trust updated their status.<div class="comment">Caf&eacute; visiting hours changed again, item {n}. See the ward page.{extra}</div></p>
"#,
                day = n % 28 + 1,
                h = n % 24,
                mi = n % 60,
            )
        };
        w.write_all(item.as_bytes()).unwrap();
        written += item.len() as u64;
        n += 1;
    }
    w.write_all(b"</div></div><div class=\"footer\">Downloaded by Northdale NHS Trust on Friday, 1 December 2017 at 10:00 UTC</div></body></html>\n")
        .unwrap();
    w.flush().unwrap();
    n
}

const POSTS: &str = "your_facebook_activity/posts/your_posts_1.json";

/// Writes a Facebook export folder with a profile and one posts file of
/// about `bytes` bytes; returns the number of posts.
fn write_posts(root: &Path, bytes: u64) -> u64 {
    write_profile(root);
    write_array(&root.join(POSTS), bytes, |n| {
        let ts = 1_500_000_000 + n * 600;
        // Every 100th post carries a reference number (the NHS's
        // published example number; the scan reported no finding for it);
        // the `\u00c3\u00a9` pair is Meta's mojibake for "é".
        let extra = if n.is_multiple_of(100) {
            " Patient ref 943 476 5919"
        } else {
            ""
        };
        // Every 100th post is geotagged too: a place is a finding
        // (`location.geotag`), and findings are held until sorted, so a
        // place on every post would measure the findings, not the reader.
        let place = if n % 100 == 1 {
            r#",
          {
            "place": {
              "name": "Northdale General Hospital",
              "coordinate": { "latitude": 53.4808, "longitude": -2.2426 },
              "address": "Hospital Road, Northdale",
              "url": "https://www.facebook.com/northdalegeneral"
            }
          }"#
        } else {
            ""
        };
        format!(
            r#"  {{
    "timestamp": {ts},
    "attachments": [
      {{
        "data": [
          {{
            "media": {{
              "uri": "your_facebook_activity/posts/media/Post_{n}/{n}.jpg",
              "creation_timestamp": {ts},
              "title": "",
              "description": "Caf\u00c3\u00a9 opening at the Northdale site, post {n}"
            }}
          }}{place}
        ]
      }}
    ],
    "data": [
      {{
        "post": "Our wards are open for visiting {n}. Please check the latest guidance before you come.{extra}",
        "update_timestamp": {ts}
      }}
    ],
    "title": "Northdale NHS Trust updated their status."
  }}"#
        )
    })
}

/// Writes `path` as a JSON array of at least `bytes` bytes, one element
/// `element(n)` after another, as Meta pretty-prints them; returns how
/// many elements.
fn write_array(path: &Path, bytes: u64, mut element: impl FnMut(u64) -> String) -> u64 {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut w = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let (mut written, mut n) = (0u64, 0u64);
    w.write_all(b"[\n").unwrap();
    while written < bytes {
        let sep: &[u8] = if n == 0 { b"" } else { b",\n" };
        let e = element(n);
        w.write_all(sep).unwrap();
        w.write_all(e.as_bytes()).unwrap();
        written += (sep.len() + e.len()) as u64;
        n += 1;
    }
    w.write_all(b"\n]\n").unwrap();
    w.flush().unwrap();
    n
}

const IG_POSTS: &str = "your_instagram_activity/media/posts_1.json";

/// The profile every generated Instagram export holds.
const IG_PROFILE: &str = "personal_information/personal_information/personal_information.json";
const IG_PROFILE_JSON: &str = r#"{"profile_user": [{"title": "User Information", "media_map_data": {}, "string_map_data": {"Username": {"href": "", "value": "northdale_nhs", "timestamp": 0}, "Name": {"value": "Northdale NHS"}}}]}"#;

/// Writes an Instagram export folder with a profile and one posts file of
/// about `bytes` bytes; returns how many posts. Every 100th caption carries
/// a reference number and every 100th post a place, as in `write_posts`.
fn write_instagram_posts(root: &Path, bytes: u64) -> u64 {
    let profile = root.join(IG_PROFILE);
    std::fs::create_dir_all(profile.parent().unwrap()).unwrap();
    std::fs::write(&profile, IG_PROFILE_JSON).unwrap();
    write_array(&root.join(IG_POSTS), bytes, |n| {
        let ts = 1_500_000_000 + n * 600;
        let extra = if n.is_multiple_of(100) {
            " Patient ref 943 476 5919"
        } else {
            ""
        };
        let place = if n % 100 == 1 {
            r#",
        "media_metadata": {
          "photo_metadata": {
            "exif_data": [{ "latitude": 53.4808, "longitude": -2.2426 }]
          }
        }"#
        } else {
            ""
        };
        format!(
            r#"  {{
    "media": [
      {{
        "uri": "media/posts/201707/{n}_n.jpg",
        "creation_timestamp": {ts},
        "title": "Caf\u00c3\u00a9 opening at the Northdale site {n}. Our wards are open for visiting; please check the latest guidance before you come.{extra}"{place}
      }}
    ]
  }}"#
        )
    })
}

/// What a generated Bluesky repository holds, by collection.
#[derive(Default)]
struct BskyCounts {
    posts: u64,
    replies: u64,
    images: u64,
    likes: u64,
    reposts: u64,
    follows: u64,
    nodes: u64,
}

/// splitmix64: the generated repository is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// atproto's base32-sortable alphabet (TIDs, and here made-up DIDs).
const S32: &[u8; 32] = b"234567abcdefghijklmnopqrstuvwxyz";

/// A TID record key: 53 bits of microseconds and a 10-bit clock id in 13
/// base32-sortable characters, so keys sort by time as a PDS writes them.
fn tid(micros: u64, clock: u64) -> String {
    let mut v = (micros << 10) | (clock & 0x3ff);
    let mut out = [0u8; 13];
    for c in out.iter_mut().rev() {
        *c = S32[(v & 31) as usize];
        v >>= 5;
    }
    String::from_utf8(out.to_vec()).unwrap()
}

/// Another account: one of a few thousand made-up `did:plc:`s.
fn other_did(rng: &mut Rng) -> String {
    let mut v = rng.below(5_000).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let mut s = String::from("did:plc:");
    for _ in 0..24 {
        s.push(S32[(v & 31) as usize] as char);
        v = v.rotate_right(5) ^ 0x5851_F42D_4C95_7F2D;
    }
    s
}

/// A CID of some other account's record: any DAG-CBOR CID will do.
fn some_cid(rng: &mut Rng) -> ipld_core::cid::Cid {
    bsky::cid_of(&rng.next().to_le_bytes())
}

fn strong_ref(rng: &mut Rng, collection: &str, micros: u64) -> Ipld {
    let uri = format!(
        "at://{}/{collection}/{}",
        other_did(rng),
        tid(micros.saturating_sub(rng.below(86_400_000_000)), rng.next())
    );
    map([
        ("uri", Ipld::String(uri)),
        ("cid", Ipld::Link(some_cid(rng))),
    ])
}

fn map<const N: usize>(pairs: [(&str, Ipld); N]) -> Ipld {
    Ipld::Map(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

/// Ordinary words of a trust's feed; nothing a rule looks for.
const WORDS: &[&str] = &[
    "our",
    "wards",
    "are",
    "open",
    "for",
    "visiting",
    "today",
    "thank",
    "you",
    "to",
    "the",
    "team",
    "at",
    "Northdale",
    "General",
    "clinic",
    "flu",
    "vaccine",
    "appointments",
    "available",
    "this",
    "week",
    "please",
    "check",
    "latest",
    "guidance",
    "before",
    "coming",
    "in",
    "staff",
    "volunteers",
    "celebrate",
    "nurses",
    "day",
    "with",
    "a",
    "new",
    "garden",
    "outpatients",
    "car",
    "park",
    "closed",
    "on",
    "Saturday",
    "blood",
    "donors",
    "needed",
    "welcome",
];

/// Text of 50 to 300 characters, as Bluesky allows up to 300.
fn text(rng: &mut Rng, n: u64) -> String {
    let want = 50 + rng.below(251) as usize;
    let mut s = String::with_capacity(want + 40);
    while s.len() < want {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(WORDS[rng.below(WORDS.len() as u64) as usize]);
    }
    s.truncate(want);
    // As in the other inputs: a reference number on every 100th post.
    if n.is_multiple_of(100) {
        s.truncate(want.min(270));
        s.push_str(" Patient ref 943 476 5919");
    }
    s
}

/// One record of the mix (40% posts, 45% likes, 10% reposts, 5%
/// follows): its collection and value.
fn bsky_record(rng: &mut Rng, micros: u64, counts: &mut BskyCounts) -> (&'static str, Ipld) {
    let created = Ipld::String(format!(
        "{:.3}",
        jiff::Timestamp::from_microsecond(micros as i64).unwrap()
    ));
    let roll = rng.below(100);
    if roll < 40 {
        let mut m = BTreeMap::from([
            ("$type".to_string(), Ipld::String(POST.into())),
            ("text".to_string(), Ipld::String(text(rng, counts.posts))),
            (
                "langs".to_string(),
                Ipld::List(vec![Ipld::String("en".into())]),
            ),
            ("createdAt".to_string(), created),
        ]);
        counts.posts += 1;
        // A quarter of posts answer someone; one in eight shows images.
        if rng.below(4) == 0 {
            counts.replies += 1;
            let root = strong_ref(rng, POST, micros);
            let parent = strong_ref(rng, POST, micros);
            m.insert("reply".into(), map([("root", root), ("parent", parent)]));
        }
        if rng.below(8) == 0 {
            counts.images += 1;
            let images = (0..1 + rng.below(2))
                .map(|_| {
                    let alt = text(rng, 1);
                    let blob = bsky::raw_cid(&rng.next().to_le_bytes());
                    map([
                        ("alt", Ipld::String(alt)),
                        (
                            "image",
                            map([
                                ("$type", Ipld::String("blob".into())),
                                ("ref", Ipld::Link(blob)),
                                ("mimeType", Ipld::String("image/jpeg".into())),
                                ("size", Ipld::Integer(200_000 + rng.below(600_000) as i128)),
                            ]),
                        ),
                        (
                            "aspectRatio",
                            map([
                                ("width", Ipld::Integer(2000)),
                                ("height", Ipld::Integer(1500)),
                            ]),
                        ),
                    ])
                })
                .collect();
            m.insert(
                "embed".into(),
                map([
                    ("$type", Ipld::String("app.bsky.embed.images".into())),
                    ("images", Ipld::List(images)),
                ]),
            );
        }
        (POST, Ipld::Map(m))
    } else if roll < 95 {
        let (coll, n) = if roll < 85 {
            ("app.bsky.feed.like", &mut counts.likes)
        } else {
            (REPOST, &mut counts.reposts)
        };
        *n += 1;
        let subject = strong_ref(rng, POST, micros);
        (
            coll,
            map([
                ("$type", Ipld::String(coll.into())),
                ("subject", subject),
                ("createdAt", created),
            ]),
        )
    } else {
        counts.follows += 1;
        let coll = "app.bsky.graph.follow";
        (
            coll,
            map([
                ("$type", Ipld::String(coll.into())),
                ("subject", Ipld::String(other_did(rng))),
                ("createdAt", created),
            ]),
        )
    }
}

const POST: &str = "app.bsky.feed.post";
const REPOST: &str = "app.bsky.feed.repost";

/// A record tree key and where it sits: atproto's layer is the leading
/// zero bits of SHA-256(key) over two (a fanout of about 4).
struct Leaf {
    key: String,
    digest: [u8; 32],
    layer: u32,
}

fn layer(key: &str) -> u32 {
    let h = Sha256::digest(key.as_bytes());
    let mut zeros = 0;
    for b in h {
        zeros += b.leading_zeros();
        if b != 0 {
            break;
        }
    }
    zeros / 2
}

/// The tree node at `layer` over `leaves` (all at `layer` or below), its
/// subtrees first: keys of this layer are its entries, and each run of
/// lower keys between them a subtree one layer down. A run with no key of
/// that layer still gets a node (no entries, only `l`), as atproto's does.
fn build_node(car: &mut bsky::Car, leaves: &[Leaf], layer: u32) -> ipld_core::cid::Cid {
    let mut left = None;
    let mut entries: Vec<(String, ipld_core::cid::Cid, Option<ipld_core::cid::Cid>)> = Vec::new();
    let mut gap = 0;
    let sub = |car: &mut bsky::Car, run: &[Leaf]| {
        (layer > 0 && !run.is_empty()).then(|| build_node(car, run, layer - 1))
    };
    for (i, l) in leaves.iter().enumerate() {
        if l.layer == layer {
            let t = sub(car, &leaves[gap..i]);
            match entries.last_mut() {
                Some(e) => e.2 = t,
                None => left = t,
            }
            entries.push((l.key.clone(), bsky::dag_cid(&l.digest), None));
            gap = i + 1;
        }
    }
    let t = sub(car, &leaves[gap..]);
    match entries.last_mut() {
        Some(e) => e.2 = t,
        None => left = t,
    }
    car.node(left, &entries)
}

/// Writes a repository CAR of `n` records and a profile, as `getRepo`
/// frames one: header, commit, tree nodes from the root down, then the
/// records. Records are written to a side file as they are made (only
/// their keys and hashes are kept, about 100 bytes each), the tree is
/// built bottom-up from the sorted keys, and the side file is copied in
/// after the nodes; nothing holds the whole file.
fn write_bluesky(out: &Path, n: u64) -> BskyCounts {
    let side = out.with_extension("records");
    let mut w = std::io::BufWriter::new(std::fs::File::create(&side).unwrap());
    let mut rng = Rng(11);
    let mut counts = BskyCounts::default();
    let mut leaves = Vec::with_capacity(n as usize + 1);
    let mut put = |w: &mut std::io::BufWriter<std::fs::File>, key: String, v: &Ipld| {
        let data = serde_ipld_dagcbor::to_vec(v).unwrap();
        let cid = bsky::cid_of(&data);
        bsky::write_frame(w, &cid, &data).unwrap();
        let digest = cid.hash().digest().try_into().unwrap();
        leaves.push(Leaf {
            layer: layer(&key),
            key,
            digest,
        });
    };
    // From May 2023, a record every minute or so on average.
    let mut micros = 1_682_899_200_000_000u64;
    for _ in 0..n {
        micros += 1 + rng.below(120_000_000);
        let (coll, v) = bsky_record(&mut rng, micros, &mut counts);
        put(&mut w, format!("{coll}/{}", tid(micros, rng.next())), &v);
    }
    let avatar = bsky::raw_cid(b"avatar");
    let profile = map([
        ("$type", Ipld::String("app.bsky.actor.profile".into())),
        ("displayName", Ipld::String("Northdale NHS Trust".into())),
        (
            "description",
            Ipld::String("News and updates from Northdale NHS Trust.".into()),
        ),
        (
            "avatar",
            map([
                ("$type", Ipld::String("blob".into())),
                ("ref", Ipld::Link(avatar)),
                ("mimeType", Ipld::String("image/jpeg".into())),
                ("size", Ipld::Integer(48_213)),
            ]),
        ),
        ("createdAt", Ipld::String("2023-05-01T09:00:00.000Z".into())),
    ]);
    put(&mut w, "app.bsky.actor.profile/self".into(), &profile);
    w.flush().unwrap();
    drop(w);

    leaves.sort_unstable_by(|a, b| a.key.cmp(&b.key));
    let top = leaves.iter().map(|l| l.layer).max().unwrap_or(0);
    let mut car = bsky::Car::default();
    let root = build_node(&mut car, &leaves, top);
    drop(leaves);
    counts.nodes = car.blocks.len() as u64;
    let commit = car.commit(bsky::DID, root);

    let mut w = std::io::BufWriter::new(std::fs::File::create(out).unwrap());
    bsky::write_header(&mut w, commit).unwrap();
    // The commit was added last, and each node after its subtrees: in
    // reverse, the commit, the root node, and on down.
    for (cid, data) in car.blocks.iter().rev() {
        bsky::write_frame(&mut w, cid, data).unwrap();
    }
    drop(car);
    std::io::copy(&mut std::fs::File::open(&side).unwrap(), &mut w).unwrap();
    w.flush().unwrap();
    std::fs::remove_file(&side).unwrap();
    counts
}

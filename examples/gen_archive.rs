//! Writes a realistic, large X archive for benchmarks:
//!
//!     cargo run --release --example gen_archive -- --tweets 1000000 --out target/bench/x-1m.zip
//!
//! Layout and byte format follow real 2023–2024 exports (data/ layout,
//! manifest.js, `window.YTD.tweets.partN = ` prefix, Jackson-style pretty
//! printing, numbers as strings, tweet files split near 100 MiB as X does).
//! About 1% of posts carry something a rule should find. Deterministic:
//! the same arguments give the same bytes.
//!
//! The generated text is far more repetitive than real posts. `--prose`
//! draws each post instead from the texts of the evaluation sets already
//! read (tests/eval/heldout*.toml and tuning*.toml: varied prose written
//! by many hands, about half of it breaches): a pattern engine that only
//! copes with repetition shows there (benches/README.md, "Pattern gates
//! of twelve").

use std::io::Write;
use zip::write::SimpleFileOptions;

const PART_BYTES: usize = 100 << 20;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*: fast, good enough to vary text.
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const OPENERS: &[&str] = &[
    "Our flu clinic at the outpatients hall is open",
    "Thank you to the amazing team on the children's ward",
    "Reminder: please only attend A&E in an emergency",
    "We are recruiting nurses, midwives and healthcare assistants",
    "Visiting hours are changing from Monday",
    "Congratulations to our estates team",
    "Find out more about our maternity services",
    "Our volunteers make a huge difference every day",
    "Have you had your COVID-19 booster yet?",
    "Car parking at the main site is free for blue badge holders",
];
const MIDDLES: &[&str] = &[
    "this Saturday from 9am to 5pm.",
    "and we could not be prouder of them.",
    "so that our staff can care for those who need it most.",
    "with flexible shifts and great training.",
    "- please check our website before you travel.",
    "who worked through the night to fix the boiler.",
    "at our open evening next week.",
    "and we would love you to join them.",
];
const TAILS: &[&str] = &[
    "#NHS #TeamNorthdale",
    "Call 111 if you need advice.",
    "More info: https://t.co/AbCdEf1234",
    "",
    "@NHSEngland @NHSProviders",
    "#ThankYouNHS",
];
const BREACHES: &[&str] = &[
    "Patient Jane Example, NHS no 999 000 0018, was admitted to Ward 7 last night.",
    "Get well soon to our patient in bed 4, DOB 12/03/1961, postcode DL9 4ZZ.",
    "Rota questions to jane.doe.private@gmail.com or text 07700 900123.",
    "OFFICIAL-SENSITIVE board paper attached, not for circulation.",
    "What a sh1t day in ED, f*ck this.",
];
const CLIENTS: &[&str] = &[
    "Twitter Web App",
    "Hootsuite Inc.",
    "Twitter for iPhone",
    "TweetDeck",
];
const DAYS: &[&str] = &["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn main() {
    let mut tweets: u64 = 1000;
    let mut out = String::from("target/bench/x-archive.zip");
    let mut seed: u64 = 42;
    let mut prose = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--tweets" => {
                tweets = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("--tweets N")
            }
            "--out" => out = args.next().expect("--out PATH"),
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).expect("--seed N"),
            "--prose" => prose = true,
            other => {
                panic!("unknown argument {other}; use --tweets N --out PATH [--seed N] [--prose]")
            }
        }
    }
    let parts = if prose {
        write_archive_of(&out, tweets, 0, seed, &prose_texts())
    } else {
        write_archive(&out, tweets, seed)
    };
    eprintln!("wrote {out}: {tweets} tweets in {parts} part file(s)");
}

/// Writes the archive and returns how many tweet part files it holds.
pub fn write_archive(out: &str, tweets: u64, seed: u64) -> usize {
    write_archive_with_media(out, tweets, 0, seed)
}

/// `write_archive` plus `media` tiny files under `data/tweets_media/`
/// (benches/meta_stream.rs: the scan's memory per archive entry).
pub fn write_archive_with_media(out: &str, tweets: u64, media: u64, seed: u64) -> usize {
    write_archive_of(out, tweets, media, seed, &[])
}

/// The texts of the evaluation sets already read, in file and case order:
/// every `text` string of tests/eval/heldout*.toml and tuning*.toml (the
/// sets still reserved, under tests/eval/reserved/, are not read).
pub fn prose_texts() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/eval/")
        .map(|e| e.expect("tests/eval/").path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            (name.starts_with("heldout") || name.starts_with("tuning")) && name.ends_with(".toml")
        })
        .collect();
    files.sort();
    fn walk(v: &toml::Value, out: &mut Vec<String>) {
        match v {
            toml::Value::Table(t) => {
                for (k, v) in t {
                    match v {
                        toml::Value::String(s) if k == "text" => out.push(s.clone()),
                        _ => walk(v, out),
                    }
                }
            }
            toml::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut texts = Vec::new();
    for f in &files {
        let src = std::fs::read_to_string(f).expect("an evaluation set");
        let value: toml::Value = toml::from_str(&src).expect("an evaluation set's TOML");
        walk(&value, &mut texts);
    }
    assert!(!texts.is_empty(), "no texts under {}", dir.display());
    texts
}

/// `write_archive_with_media`, each post's text drawn from `prose` when it
/// is not empty (else generated).
pub fn write_archive_of(out: &str, tweets: u64, media: u64, seed: u64, prose: &[String]) -> usize {
    if let Some(dir) = std::path::Path::new(out).parent() {
        std::fs::create_dir_all(dir).expect("create output folder");
    }
    let file = std::fs::File::create(out).expect("create archive");
    let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(file));
    let opts = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let mut rng = Rng(seed.max(1));

    // Tweets, split into parts near 100 MiB like X does.
    let mut parts: Vec<(String, u64)> = Vec::new();
    let mut buf = String::with_capacity(PART_BYTES + (1 << 20));
    let mut in_part = 0u64;
    let flush =
        |zip: &mut zip::ZipWriter<_>, buf: &mut String, parts: &mut Vec<(String, u64)>, n: u64| {
            let i = parts.len();
            let name = if i == 0 {
                "data/tweets.js".to_string()
            } else {
                format!("data/tweets-part{i}.js")
            };
            buf.push_str("\n]");
            zip.start_file(name.as_str(), opts).expect("zip");
            zip.write_all(buf.as_bytes()).expect("zip");
            parts.push((name, n));
            buf.clear();
        };
    for i in 0..tweets {
        if buf.is_empty() {
            buf.push_str(&format!("window.YTD.tweets.part{} = [\n", parts.len()));
        } else {
            buf.push_str(",\n");
        }
        push_tweet(&mut buf, &mut rng, i, prose);
        in_part += 1;
        if buf.len() >= PART_BYTES {
            flush(&mut zip, &mut buf, &mut parts, in_part);
            in_part = 0;
        }
    }
    if !buf.is_empty() || parts.is_empty() {
        if buf.is_empty() {
            buf.push_str("window.YTD.tweets.part0 = [");
        }
        flush(&mut zip, &mut buf, &mut parts, in_part);
    }

    let account = "window.YTD.account.part0 = [\n  {\n    \"account\" : {\n      \"email\" : \"comms@northdale.nhs.uk\",\n      \"createdVia\" : \"web\",\n      \"username\" : \"NorthdaleNHS\",\n      \"accountId\" : \"900000001\",\n      \"createdAt\" : \"2011-05-01T09:00:00.000Z\",\n      \"accountDisplayName\" : \"Northdale NHS Trust\"\n    }\n  }\n]";
    zip.start_file("data/account.js", opts).expect("zip");
    zip.write_all(account.as_bytes()).expect("zip");
    let files: Vec<String> = parts
        .iter()
        .enumerate()
        .map(|(i, (name, n))| {
            format!("{{ \"fileName\" : \"{name}\", \"globalName\" : \"YTD.tweets.part{i}\", \"count\" : \"{n}\" }}")
        })
        .collect();
    let manifest = format!(
        "window.__THAR_CONFIG = {{ \"userInfo\" : {{ \"accountId\" : \"900000001\", \"userName\" : \"NorthdaleNHS\", \"displayName\" : \"Northdale NHS Trust\" }}, \"archiveInfo\" : {{ \"sizeBytes\" : \"0\", \"generationDate\" : \"2024-11-16T11:33:22.222Z\", \"isPartialArchive\" : false, \"maxPartSizeBytes\" : \"53687091200\" }}, \"readmeInfo\" : {{ \"fileName\" : \"data/README.txt\", \"directory\" : \"data/\", \"name\" : \"README.txt\" }}, \"dataTypes\" : {{ \"account\" : {{ \"files\" : [ {{ \"fileName\" : \"data/account.js\", \"globalName\" : \"YTD.account.part0\", \"count\" : \"1\" }} ] }}, \"tweets\" : {{ \"mediaDirectory\" : \"data/tweets_media\", \"files\" : [ {} ] }} }} }}",
        files.join(", ")
    );
    zip.start_file("data/manifest.js", opts).expect("zip");
    zip.write_all(manifest.as_bytes()).expect("zip");
    // Tiny stand-ins (a JPEG start and end marker) named as X names media:
    // `<tweet id>-<media key>.jpg`. Stored, as X stores its media.
    let stored = opts.compression_method(zip::CompressionMethod::Stored);
    for i in 0..media {
        let name = format!(
            "data/tweets_media/{}-{:015X}.jpg",
            1_300_000_000_000_000_000u64 + i,
            rng.next()
        );
        zip.start_file(name.as_str(), stored).expect("zip");
        zip.write_all(b"\xFF\xD8\xFF\xD9").expect("zip");
    }
    zip.finish().expect("zip");
    parts.len()
}

fn push_tweet(buf: &mut String, rng: &mut Rng, i: u64, prose: &[String]) {
    use std::fmt::Write as _;
    let id = 1_200_000_000_000_000_000u64 + i * 7919;
    let text = if !prose.is_empty() {
        prose[rng.below(prose.len() as u64) as usize].replace('&', "&amp;")
    } else if rng.below(100) == 0 {
        rng.pick(BREACHES).to_string()
    } else {
        format!(
            "{} {} {}",
            rng.pick(OPENERS),
            rng.pick(MIDDLES),
            rng.pick(TAILS)
        )
        .trim_end()
        .replace('&', "&amp;")
    };
    let len = text.chars().count();
    let reply = rng.below(5) == 0;
    let day = DAYS[rng.below(7) as usize];
    let month = MONTHS[rng.below(12) as usize];
    let (d, h, m, s, y) = (
        1 + rng.below(28),
        rng.below(24),
        rng.below(60),
        rng.below(60),
        2012 + rng.below(13),
    );
    let client = rng.pick(CLIENTS);
    let _ = write!(
        buf,
        r#"  {{
    "tweet" : {{
      "edit_info" : {{
        "initial" : {{
          "editTweetIds" : [
            "{id}"
          ],
          "editableUntil" : "{y}-01-01T00:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }}
      }},
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">{client}</a>",
      "entities" : {{
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      }},
      "display_text_range" : [
        "0",
        "{len}"
      ],
      "favorite_count" : "{fav}",
      "id_str" : "{id}",
"#,
        fav = rng.below(50),
    );
    if reply {
        let _ = write!(
            buf,
            "      \"in_reply_to_status_id_str\" : \"{}\",\n      \"in_reply_to_screen_name\" : \"someone\",\n",
            id - 1
        );
    }
    let _ = write!(
        buf,
        r#"      "truncated" : false,
      "retweet_count" : "{rt}",
      "id" : "{id}",
      "created_at" : "{day} {month} {d:02} {h:02}:{m:02}:{s:02} +0000 {y}",
      "favorited" : false,
      "full_text" : {text},
      "lang" : "en"
    }}
  }}"#,
        rt = rng.below(20),
        text = serde_json::to_string(&text).expect("a string"),
    );
}

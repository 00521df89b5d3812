//! Archives written by the tests themselves, shaped like real 2023–2024 X
//! exports (see docs/FORMATS.md, "X / Twitter").
#![allow(dead_code)]

pub mod render;
pub mod video;

use assert_cmd::Command;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The sample folders under ../shared/formats/<platform>, sorted. Tests
/// that call this are `ignored` (build.rs) where that folder is absent, so
/// reaching here without it (under CI) is a failure, never a silent pass.
pub fn sample_dirs(platform: &str) -> Vec<PathBuf> {
    let root = Path::new("../shared/formats").join(platform);
    let rd = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("sample folder {} is missing: {e}", root.display()));
    let mut dirs: Vec<_> = rd
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// Files under `dir`, in every subfolder: what a folder scan must give one
/// coverage row each.
pub fn count_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| {
            let p = e.path();
            if p.is_dir() { count_files(&p) } else { 1 }
        })
        .sum()
}

/// Records read, summed over the coverage rows.
pub fn records(r: &Run) -> u64 {
    r.coverage
        .iter()
        .map(|c| c[3].parse::<u64>().unwrap())
        .sum()
}

pub fn tweet(id: &str, text: &str) -> String {
    tweet_at(id, text, "Wed Mar 06 10:15:00 +0000 2024")
}

/// A post with its own `created_at` ("Wed Mar 06 10:15:00 +0000 2024").
pub fn tweet_at(id: &str, text: &str, created_at: &str) -> String {
    format!(
        r#"  {{
    "tweet" : {{
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {{ "hashtags" : [ ], "symbols" : [ ], "user_mentions" : [ ], "urls" : [ ] }},
      "display_text_range" : [ "0", "{len}" ],
      "favorite_count" : "0",
      "id_str" : "{id}",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "{id}",
      "created_at" : "{created_at}",
      "favorited" : false,
      "full_text" : {text},
      "lang" : "en"
    }}
  }}"#,
        len = text.chars().count(),
        text = serde_json::to_string(text).unwrap()
    )
}

pub fn tweets_js(tweets: &[(&str, &str)]) -> String {
    let body: Vec<String> = tweets.iter().map(|(id, t)| tweet(id, t)).collect();
    format!("window.YTD.tweets.part0 = [\n{}\n]", body.join(",\n"))
}

pub fn account_js(email: &str) -> String {
    format!(
        r#"window.YTD.account.part0 = [ {{ "account" : {{ "email" : "{email}", "createdVia" : "web", "username" : "NorthdaleNHS", "accountId" : "900000001", "createdAt" : "2011-05-01T09:00:00.000Z", "accountDisplayName" : "Northdale NHS" }} }} ]"#
    )
}

pub fn manifest_js(tweet_count: usize) -> String {
    format!(
        r#"window.__THAR_CONFIG = {{ "userInfo" : {{ "accountId" : "900000001", "userName" : "NorthdaleNHS", "displayName" : "Northdale NHS" }}, "archiveInfo" : {{ "sizeBytes" : "1", "generationDate" : "2024-03-10T12:00:00.000Z", "isPartialArchive" : false, "maxPartSizeBytes" : "53687091200" }}, "readmeInfo" : {{ "fileName" : "data/README.txt", "directory" : "data/", "name" : "README.txt" }}, "dataTypes" : {{ "account" : {{ "files" : [ {{ "fileName" : "data/account.js", "globalName" : "YTD.account.part0", "count" : "1" }} ] }}, "tweets" : {{ "mediaDirectory" : "data/tweets_media", "files" : [ {{ "fileName" : "data/tweets.js", "globalName" : "YTD.tweets.part0", "count" : "{tweet_count}" }} ] }} }} }}"#
    )
}

/// The standard small archive: one clean post, one post with a patient's
/// NHS number, one with a personal e-mail, and a gmail account e-mail.
pub fn standard_files() -> Vec<(String, Vec<u8>)> {
    let tweets = [
        (
            "1765000000000000001",
            "Our flu clinic is open 9am to 5pm this Saturday.",
        ),
        (
            "1765000000000000002",
            "Patient John Example, NHS no 401 159 0835, was admitted to Ward 7 last night &amp; is doing well.",
        ),
        (
            "1765000000000000003",
            "=HYPERLINK(\"http://evil.example\",\"click\") write to jane.doe.private@gmail.com for the rota",
        ),
        (
            "1765000000000000004",
            "Purchase order 401 159 0836 has been paid. Thanks to our estates team!",
        ),
    ];
    vec![
        (
            "data/manifest.js".into(),
            manifest_js(tweets.len()).into_bytes(),
        ),
        (
            "data/account.js".into(),
            account_js("comms.example@gmail.com").into_bytes(),
        ),
        ("data/tweets.js".into(), tweets_js(&tweets).into_bytes()),
    ]
}

pub fn write_zip(path: &Path, files: &[(String, Vec<u8>)]) {
    write_zip_with(path, files, zip::CompressionMethod::Deflated);
}

/// A zip whose entries are all written with `method` (phones' exports
/// store media uncompressed: it is compressed already).
pub fn write_zip_with(path: &Path, files: &[(String, Vec<u8>)], method: zip::CompressionMethod) {
    let mut w = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(method)
        .last_modified_time(zip::DateTime::default());
    for (name, data) in files {
        w.start_file(name.as_str(), opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap();
}

pub fn write_folder(root: &Path, files: &[(String, Vec<u8>)]) {
    for (name, data) in files {
        let p = root.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, data).unwrap();
    }
}

/// Scans one real sample folder and checks what every sample sweep needs:
/// exit 0 or 1 (nothing failed, something was recognised) and no `failed`
/// coverage row.
pub fn scan_sample(tmp: &Path, dir: &Path) -> Run {
    let r = scan(tmp, &[dir], &[]);
    assert!(
        matches!(r.code, 0 | 1),
        "{}: exit {}\n{}",
        dir.display(),
        r.code,
        r.stderr
    );
    for (entry, status, detail) in r.cov() {
        assert_ne!(status, "failed", "{}: {entry}: {detail}", dir.display());
    }
    r
}

pub fn bin() -> Command {
    Command::cargo_bin("social-audit").unwrap()
}

pub struct Run {
    pub code: i32,
    pub stderr: String,
    pub findings: Vec<csv::StringRecord>,
    pub header: Vec<String>,
    pub coverage: Vec<csv::StringRecord>,
    pub findings_path: PathBuf,
}

/// Runs `scan` on `inputs` with extra args; reads back findings and coverage.
pub fn scan(dir: &Path, inputs: &[&Path], extra: &[&str]) -> Run {
    let out = dir.join("findings.csv");
    let cov = dir.join("coverage.csv");
    let _ = std::fs::remove_file(&out);
    let mut cmd = bin();
    cmd.arg("scan");
    for i in inputs {
        cmd.arg(i);
    }
    cmd.args([
        "-o",
        out.to_str().unwrap(),
        "--coverage",
        cov.to_str().unwrap(),
        "--no-progress",
    ]);
    cmd.args(extra);
    let o = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    let bytes = std::fs::read(&out).unwrap();
    let mut r = social_audit::report::csv_reader(&bytes);
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let findings = r.records().map(|x| x.unwrap()).collect();
    let cov_bytes = std::fs::read(&cov).unwrap();
    let coverage = social_audit::report::csv_reader(&cov_bytes)
        .records()
        .map(|x| x.unwrap())
        .collect();
    Run {
        code: o.status.code().unwrap_or(-1),
        stderr,
        findings,
        header,
        coverage,
        findings_path: out,
    }
}

impl Run {
    pub fn column(&self, name: &str) -> usize {
        self.header.iter().position(|h| h == name).unwrap()
    }
    pub fn values(&self, name: &str) -> Vec<String> {
        let c = self.column(name);
        self.findings.iter().map(|r| r[c].to_string()).collect()
    }
    /// Coverage rows as (entry, status, detail).
    pub fn cov(&self) -> Vec<(String, String, String)> {
        self.coverage
            .iter()
            .map(|r| (r[1].to_string(), r[2].to_string(), r[6].to_string()))
            .collect()
    }
    pub fn cov_status(&self, entry: &str) -> Option<String> {
        self.cov().into_iter().find(|c| c.0 == entry).map(|c| c.1)
    }
}

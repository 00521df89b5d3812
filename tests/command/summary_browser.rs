//! `--summary FILE.html` through the binary, and the page in a real
//! headless browser (Debian's chromium): it loads with no console errors
//! and shows the same totals as the findings file of the same run.
//!
//! Without a chromium binary the browser test is reported `ignored` with
//! the reason (build.rs); under CI (`CI` set) it runs and fails instead.

use crate::common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

const FIXTURE: &str = "fixtures/twitter-2024-11-16-northdale.zip";

struct Run {
    summary: PathBuf,
    findings: Vec<csv::StringRecord>,
    header: Vec<String>,
    coverage: Vec<csv::StringRecord>,
    manifest: serde_json::Value,
}

fn run(dir: &Path, threads: &str) -> Run {
    let summary = dir.join("summary.html");
    let findings = dir.join("findings.csv");
    let coverage = dir.join("coverage.csv");
    let manifest = dir.join("manifest.json");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    let o = bin()
        .args([
            "scan",
            fixture.to_str().unwrap(),
            "--no-progress",
            "-j",
            threads,
        ])
        .args(["-o", findings.to_str().unwrap()])
        .args(["--coverage", coverage.to_str().unwrap()])
        .args(["--manifest", manifest.to_str().unwrap()])
        .args(["--summary", summary.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let bytes = std::fs::read(&findings).unwrap();
    let mut r = social_audit::report::csv_reader(&bytes);
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r.records().map(Result::unwrap).collect();
    let cov_bytes = std::fs::read(&coverage).unwrap();
    let cov = social_audit::report::csv_reader(&cov_bytes)
        .records()
        .map(Result::unwrap)
        .collect();
    let manifest = serde_json::from_slice(&std::fs::read(&manifest).unwrap()).unwrap();
    Run {
        summary,
        findings: rows,
        header,
        coverage: cov,
        manifest,
    }
}

impl Run {
    fn count(&self, column: &str, value: &str) -> usize {
        let c = self.header.iter().position(|h| h == column).unwrap();
        self.findings.iter().filter(|r| &r[c] == value).count()
    }
}

#[test]
fn summary_is_owner_only_in_the_manifest_and_thread_independent() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let ra = run(a.path(), "1");
    let rb = run(b.path(), "2");
    let pa = std::fs::read(&ra.summary).unwrap();
    assert_eq!(pa, std::fs::read(&rb.summary).unwrap());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&ra.summary).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "summary is owner-only: {mode:o}");
    }
    let outputs = ra.manifest["outputs"].as_array().unwrap();
    assert!(
        outputs.iter().any(
            |o| o["role"] == "summary" && o["path"].as_str().unwrap().ends_with("summary.html")
        ),
        "{outputs:?}"
    );
    let page = String::from_utf8(pa).unwrap();
    assert!(!page.contains("<script"));
    assert!(page.contains("x.com"), "permalinks are linked");
}

fn chromium() -> Option<PathBuf> {
    for name in ["chromium", "chromium-browser"] {
        for dir in std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()) {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// The text of the element with this id in the dumped DOM.
fn by_id<'a>(dom: &'a str, id: &str) -> &'a str {
    let key = format!("id=\"{id}\">");
    let start = dom
        .find(&key)
        .unwrap_or_else(|| panic!("no #{id} in the page"))
        + key.len();
    let end = start + dom[start..].find('<').unwrap();
    dom[start..end].trim()
}

#[test]
#[cfg_attr(
    not(has_chromium),
    ignore = "needs Debian's chromium on PATH (apt-get install chromium; .ci/run does)"
)]
fn summary_loads_in_a_headless_browser_with_the_findings_totals() {
    let chromium = chromium().expect("no chromium binary on PATH: install Debian's chromium");
    let d = tempfile::tempdir().unwrap();
    let r = run(d.path(), "2");
    let profile = tempfile::tempdir().unwrap();
    let o = Command::new(&chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", r.summary.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&o.stdout);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "chromium failed: {stderr}");
    // Chromium logs every console message (errors included, at INFO) as
    // `...:CONSOLE:...`. The page has no scripts, so any such line, a CSP
    // refusal or an uncaught error, is a fault.
    for line in stderr.lines() {
        assert!(
            !line.contains(":CONSOLE") && !line.contains("Uncaught"),
            "console message: {line}"
        );
    }
    assert!(dom.contains("Social media audit summary"), "{dom}");

    assert!(!r.findings.is_empty());
    assert_eq!(by_id(&dom, "total-findings"), r.findings.len().to_string());
    for sev in ["critical", "high", "medium", "low"] {
        assert_eq!(
            by_id(&dom, &format!("severity-{sev}")),
            r.count("severity", sev).to_string(),
            "{sev}"
        );
    }
    let cats: std::collections::BTreeSet<String> = r
        .findings
        .iter()
        .map(|f| f[r.header.iter().position(|h| h == "category").unwrap()].to_string())
        .collect();
    for c in cats {
        let key = format!("data-category=\"{c}\">{}<", r.count("category", &c));
        assert!(dom.contains(&key), "{key}");
    }
    let status = |s: &str| {
        r.coverage
            .iter()
            .filter(|row| &row[2] == s)
            .count()
            .to_string()
    };
    assert_eq!(
        by_id(&dom, "coverage-entries"),
        r.coverage.len().to_string()
    );
    assert_eq!(by_id(&dom, "coverage-parsed"), status("parsed"));
    assert_eq!(by_id(&dom, "coverage-failed"), status("failed"));
    assert_eq!(by_id(&dom, "coverage-unknown"), status("unknown"));
    assert!(dom.contains("<svg"), "the chart is in the page");
    let url = r.header.iter().position(|h| h == "url").unwrap();
    let first = r.findings.iter().find(|f| !f[url].is_empty()).unwrap();
    assert!(
        dom.contains(&format!("href=\"{}\"", &first[url])),
        "permalink {} is a link",
        &first[url]
    );
}

//! End-to-end scan benchmark over a generated X archive (no criterion: one
//! real scan per configuration is the measurement, and CI never builds it).
//!
//!     cargo bench --bench scan                      # 1,000,000 tweets
//!     BENCH_TWEETS=100000 cargo bench --bench scan  # quicker
//!     BENCH_PROSE=1 cargo bench --bench scan        # the evaluation sets' texts
//!
//! Prints, for one machine and one run: the inflate floor
//! (`unzip -p ARCHIVE > /dev/null`), `unzip -p ARCHIVE | rg -c -f PATTERNS`
//! with patterns equivalent to the default pack's identifiers (when rg is
//! installed), and the scan with 1 and 2 threads, each with wall time and
//! peak RSS from GNU time. Results go in benches/README.md.

#[allow(dead_code)]
#[path = "../examples/gen_archive.rs"]
mod gen_archive;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const PATTERNS: &str = r"\b[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{4}\b
[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}
\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b
(\+44\s?7\d{3}|07\d{3})\s?\d{3}\s?\d{3}
OFFICIAL[- ]SENSITIVE
(?i)\b(f[u*]+ck|sh[i1*]t)\b
";

fn main() {
    let tweets: u64 = std::env::var("BENCH_TWEETS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir).unwrap();
    // Varied prose instead of the generator's repetitive text
    // (examples/gen_archive.rs, `--prose`).
    let prose = std::env::var_os("BENCH_PROSE").is_some_and(|v| v != "0");
    let archive = if prose {
        dir.join(format!("x-prose-{tweets}.zip"))
    } else {
        dir.join(format!("x-{tweets}.zip"))
    };
    if !archive.exists() {
        let t = Instant::now();
        let texts = if prose {
            gen_archive::prose_texts()
        } else {
            Vec::new()
        };
        let parts = gen_archive::write_archive_of(archive.to_str().unwrap(), tweets, 0, 42, &texts);
        eprintln!(
            "generated {} ({parts} parts) in {:.1} s",
            archive.display(),
            t.elapsed().as_secs_f64()
        );
    }
    let bin = env!("CARGO_BIN_EXE_social-audit");
    let zip_bytes = std::fs::metadata(&archive).unwrap().len();
    let inflated = inflated_size(&archive);
    println!(
        "archive: {} tweets{}, {:.1} MB zipped, {:.1} MB inflated",
        tweets,
        if prose { " of prose" } else { "" },
        zip_bytes as f64 / 1e6,
        inflated as f64 / 1e6
    );
    println!(
        "{:<44} {:>9} {:>12} {:>10}",
        "measurement", "wall s", "MB/s infl.", "peak RSS"
    );
    let a = archive.display().to_string();
    let floor = timed("sh", &["-c", &format!("unzip -p '{a}' > /dev/null")]);
    report("inflate floor: unzip -p > /dev/null", floor, inflated);
    let pat = dir.join("patterns.txt");
    std::fs::write(&pat, PATTERNS).unwrap();
    if Command::new("rg")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok()
    {
        let rg = timed(
            "sh",
            &[
                "-c",
                &format!("unzip -p '{a}' | rg -c -f '{}' > /dev/null", pat.display()),
            ],
        );
        report("unzip -p | rg -c -f PATTERNS", rg, inflated);
    } else {
        println!("(rg not installed: skipping the ripgrep comparison)");
    }
    let out = dir.join("findings.csv");
    let mut j1 = 0.0;
    for threads in ["1", "2"] {
        let m = timed(
            bin,
            &[
                "scan",
                &a,
                "-o",
                out.to_str().unwrap(),
                "--no-progress",
                "-j",
                threads,
            ],
        );
        if threads == "1" {
            j1 = m.0;
        } else {
            println!("speed-up 1 → 2 threads: {:.2}×", j1 / m.0);
        }
        report(&format!("social-audit scan -j{threads}"), m, inflated);
    }
    println!(
        "scan -j2 / inflate floor: {:.2}×",
        timed(
            bin,
            &[
                "scan",
                &a,
                "-o",
                out.to_str().unwrap(),
                "--no-progress",
                "-j",
                "2"
            ]
        )
        .0 / floor.0
    );
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

fn report(what: &str, (wall, rss_kb): (f64, u64), inflated: u64) {
    println!(
        "{:<44} {:>9.2} {:>12.0} {:>7.1} MB",
        what,
        wall,
        inflated as f64 / 1e6 / wall,
        rss_kb as f64 / 1024.0
    );
}

fn inflated_size(archive: &Path) -> u64 {
    let f = std::fs::File::open(archive).unwrap();
    let mut z = zip::ZipArchive::new(f).unwrap();
    (0..z.len())
        .map(|i| z.by_index_raw(i).unwrap().size())
        .sum()
}

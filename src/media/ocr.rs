//! Text in images, read by Tesseract (`--ocr`).
//!
//! Tesseract runs as a child process, one per image, rather than linked
//! through a crate: nothing to compile against, a crash or a runaway page
//! costs one image and not the scan, and a hard time limit is a kill. The
//! image goes in on standard input and the text comes back on standard
//! output, so nothing is written to disk. Each process is held to one
//! thread (`OMP_THREAD_LIMIT=1`); the scan runs as many at once as it has
//! worker threads (`-j`).

use crate::error::{Error, Result};
use crate::media::ImageFormat;
use std::ffi::OsString;
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use wait_timeout::ChildExt;

/// Per-image bounds (docs/ARCHITECTURE.md, "Limits").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Larger image files are not read.
    pub max_bytes: u64,
    /// Images with more pixels are not read (decoded, they would take
    /// 4 bytes a pixel in Tesseract).
    pub max_pixels: u64,
    /// Tesseract is stopped after this long on one image.
    pub timeout: Duration,
    /// Text kept per image; the rest is counted and dropped.
    pub max_text: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 20 << 20,
            max_pixels: 40_000_000,
            timeout: Duration::from_secs(60),
            max_text: 256 << 10,
        }
    }
}

/// A Tesseract that has been found and checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ocr {
    program: OsString,
    /// As `tesseract --version` gives it, e.g. `5.3.0`.
    pub version: String,
    pub limits: Limits,
}

/// What OCR made of one image: the coverage note and the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Text(String),
    NoText,
    /// Not given to Tesseract, and why.
    Skipped(String),
    /// Tesseract could not read it, and why.
    Failed(String),
}

impl Outcome {
    /// The coverage note (docs/OUTPUTS.md, "Coverage file").
    pub fn note(&self) -> String {
        match self {
            Outcome::Text(t) => format!("ocr: text found ({} chars)", t.chars().count()),
            Outcome::NoText => "ocr: no text".into(),
            Outcome::Skipped(why) => format!("ocr: skipped ({why})"),
            Outcome::Failed(why) => format!("ocr: failed ({why})"),
        }
    }
}

const INSTALL: &str = "install it (Debian/Ubuntu: `apt-get install tesseract-ocr`; \
macOS: `brew install tesseract`; Windows: the UB Mannheim installer, with its folder added to PATH) \
or run without --ocr";

impl Ocr {
    /// Finds `tesseract` on `PATH` and checks that it is 4.0 or later and
    /// has the English language data. The error says what to install.
    pub fn detect() -> Result<Ocr> {
        Ocr::with_program("tesseract")
    }

    /// As [`Ocr::detect`], for a named program (tests give a stand-in).
    pub fn with_program(program: impl Into<OsString>) -> Result<Ocr> {
        let program = program.into();
        let shown = program.to_string_lossy().into_owned();
        let run = |arg: &str| {
            Command::new(&program)
                .arg(arg)
                .stdin(Stdio::null())
                .output()
                .map_err(|e| match e.kind() {
                    std::io::ErrorKind::NotFound => Error::Ocr(format!(
                        "--ocr needs Tesseract OCR, and `{shown}` was not found on PATH: {INSTALL}"
                    )),
                    _ => Error::Ocr(format!("--ocr: cannot run `{shown} {arg}`: {e}")),
                })
        };
        let out = run("--version")?;
        // Tesseract 3 printed its version on standard error.
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let version = text
            .lines()
            .find_map(|l| l.trim().strip_prefix("tesseract "))
            .map(|v| v.trim().trim_start_matches('v').to_string())
            .ok_or_else(|| {
                Error::Ocr(format!(
                    "--ocr: `{shown} --version` did not print a Tesseract version: {INSTALL}"
                ))
            })?;
        let major: u32 = version
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .and_then(|m| m.parse().ok())
            .unwrap_or(0);
        if major < 4 {
            return Err(Error::Ocr(format!(
                "--ocr needs Tesseract 4.0 or later; `{shown}` is {version}: {INSTALL}"
            )));
        }
        let langs = run("--list-langs")?;
        let listed = format!(
            "{}{}",
            String::from_utf8_lossy(&langs.stdout),
            String::from_utf8_lossy(&langs.stderr)
        );
        if !listed.lines().any(|l| l.trim() == "eng") {
            return Err(Error::Ocr(format!(
                "--ocr: Tesseract {version} has no English language data (eng): install it \
                 (Debian/Ubuntu: `apt-get install tesseract-ocr-eng`; macOS: `brew install tesseract`) \
                 or run without --ocr"
            )));
        }
        Ok(Ocr {
            program,
            version,
            limits: Limits::default(),
        })
    }

    /// Reads the text in one image. `format` is what [`crate::media::sniff`]
    /// found: only bytes that are certainly an image may reach Tesseract,
    /// which reads anything else as a list of files to open.
    pub fn read(&self, format: ImageFormat, bytes: Vec<u8>) -> Outcome {
        let limits = &self.limits;
        if bytes.len() as u64 > limits.max_bytes {
            return Outcome::Skipped(format!(
                "{} bytes, over the {} MiB limit",
                bytes.len(),
                limits.max_bytes >> 20
            ));
        }
        let Ok(size) = imagesize::blob_size(&bytes) else {
            return Outcome::Skipped(format!(
                "{} image whose size cannot be read",
                format.as_str()
            ));
        };
        let pixels = size.width as u64 * size.height as u64;
        if pixels > limits.max_pixels {
            return Outcome::Skipped(format!(
                "{}×{} pixels, over the {} megapixel limit",
                size.width,
                size.height,
                limits.max_pixels / 1_000_000
            ));
        }
        if pixels == 0 {
            return Outcome::NoText;
        }
        match self.run(bytes) {
            Ok(text) => {
                let text = tidy(&text, limits.max_text);
                if text.is_empty() {
                    Outcome::NoText
                } else {
                    Outcome::Text(text)
                }
            }
            Err(why) => Outcome::Failed(why),
        }
    }

    /// One Tesseract process: the image on standard input, the text on
    /// standard output, killed at the time limit. `--psm 1` is automatic
    /// page segmentation with orientation detection, so a photo turned a
    /// quarter is read the right way up.
    fn run(&self, image: Vec<u8>) -> std::result::Result<String, String> {
        let started = Instant::now();
        let mut child = Command::new(&self.program)
            .args(["stdin", "stdout", "-l", "eng", "--psm", "1"])
            .env("OMP_THREAD_LIMIT", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start tesseract: {e}"))?;
        let (stdin, stdout, stderr) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take());
        let cap = self.limits.max_text as u64 * 4;
        // Detached threads, not scoped ones: after a kill, anything the
        // process left behind may hold the pipes open, and the scan must
        // not wait for it.
        let writer = std::thread::spawn(move || {
            if let Some(mut w) = stdin {
                // A broken pipe means Tesseract stopped early; its exit
                // status says why.
                let _ = w.write_all(&image);
            }
        });
        let out = std::thread::spawn(move || drain(stdout, cap));
        let err = std::thread::spawn(move || drain(stderr, 16 << 10));
        let status = match child.wait_timeout(self.limits.timeout) {
            Ok(Some(status)) => status,
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "no result after {} s; stopped",
                    started.elapsed().as_secs()
                ));
            }
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("waiting for tesseract: {e}"));
            }
        };
        let _ = writer.join();
        let text = out.join().unwrap_or_default();
        let errors = err.join().unwrap_or_default();
        if status.success() {
            Ok(String::from_utf8_lossy(&text).into_owned())
        } else {
            let said = String::from_utf8_lossy(&errors);
            let said = said
                .lines()
                .map(str::trim)
                .rfind(|l| {
                    !l.is_empty()
                        && !l.starts_with("Estimating resolution")
                        && *l != "Error during processing."
                })
                .unwrap_or("no message");
            Err(format!("tesseract {status}: {}", one_line(said, 200)))
        }
    }
}

/// Reads a child's output to the end, keeping at most `cap` bytes, so the
/// child never blocks on a full pipe.
fn drain(pipe: Option<impl Read>, cap: u64) -> Vec<u8> {
    let mut kept = Vec::new();
    if let Some(mut p) = pipe {
        let _ = (&mut p).take(cap).read_to_end(&mut kept);
        let _ = std::io::copy(&mut p, &mut std::io::sink());
    }
    kept
}

/// Tesseract's page text as rules read it: lines trimmed, empty lines and
/// the page-break character dropped, at most `max` bytes (on a character
/// boundary).
fn tidy(text: &str, max: usize) -> String {
    let mut out = String::new();
    for line in text
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\x0c'))
    {
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
        if out.len() >= max {
            let mut end = max;
            while !out.is_char_boundary(end) {
                end -= 1;
            }
            out.truncate(end);
            break;
        }
    }
    out
}

fn one_line(s: &str, max: usize) -> String {
    let s: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}

#[cfg(test)]
mod tests;

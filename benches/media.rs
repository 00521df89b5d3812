//! The media pass: `--ocr` throughput and what Tesseract reads, and what
//! finding a video's place costs (no criterion; CI only compiles this).
//!
//!     cargo bench --bench media                  # 60 photos
//!     BENCH_IMAGES=20 cargo bench --bench media  # quicker
//!
//! Prints, for one machine and one run:
//! 1. `scan --ocr` of a generated X archive of photos (two in three a ward
//!    whiteboard, the rest plain photos; 1200×900 JPEG) with 1 and 2
//!    threads, and the same scan without `--ocr`: wall time, images per
//!    second, peak RSS (GNU time);
//! 2. Tesseract's time per image by picture size, one at a time;
//! 3. which drawings of the whiteboard Tesseract reads (the NHS number and
//!    the name both right), by background, ink and angle;
//! 4. bytes read and time to find the place in a 100 MB clip whose `moov`
//!    comes after the media data: as a file in a folder, as a stored zip
//!    entry, and as a deflated one.
//!
//! Needs tesseract-ocr and fonts-dejavu-core. Results go in
//! benches/README.md.

#[path = "../tests/common/render.rs"]
mod render;
#[path = "../tests/common/video.rs"]
mod video;

use rayon::prelude::*;
use render::{Background, FADED, INK, Picture, WARD_BOARD, font};
use social_audit::archive::{Archive, Limits};
use social_audit::media::ImageFormat;
use social_audit::media::ocr::{Ocr, Outcome};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

fn main() {
    let images: usize = std::env::var("BENCH_IMAGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(60);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench/media");
    std::fs::create_dir_all(&dir).unwrap();
    let ocr = Ocr::detect().expect("tesseract on PATH");
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "tesseract {}; load average before: {}",
        ocr.version,
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );

    end_to_end(&dir, images);
    per_size(&ocr);
    what_is_read(&ocr);
    video_bytes(&dir);
}

fn board(width: u32, height: u32, seed: u64, bg: Background, ink: [u8; 3], deg: f32) -> Picture {
    let f = font();
    let mut p = Picture::new(width, height, bg, seed);
    let size = width as f32 / 16.0;
    p.text(
        &f,
        WARD_BOARD,
        (width as f32 / 11.0, height as f32 / 4.0),
        size,
        deg,
        ink,
    );
    p
}

fn end_to_end(dir: &Path, n: usize) {
    let zip = dir.join(format!("x-photos-{n}.zip"));
    let t = Instant::now();
    let pictures: Vec<(String, Vec<u8>)> = (0..n)
        .into_par_iter()
        .map(|i| {
            let id = 1_765_000_000_000_000_000u64 + i as u64;
            let p = if i % 3 == 2 {
                Picture::new(1200, 900, Background::Photo, i as u64)
            } else {
                let bg = if i % 2 == 0 {
                    Background::Whiteboard
                } else {
                    Background::Photo
                };
                board(1200, 900, i as u64, bg, INK, (i % 5) as f32 - 2.0)
            };
            (format!("data/tweets_media/{id}-p{i}.jpg"), p.jpeg(85))
        })
        .collect();
    let mut w = zip::ZipWriter::new(std::fs::File::create(&zip).unwrap());
    let opts = zip::write::SimpleFileOptions::default();
    w.start_file("data/manifest.js", opts).unwrap();
    w.write_all(
        br#"window.__THAR_CONFIG = { "userInfo" : { "accountId" : "1", "userName" : "NorthdaleNHS" }, "dataTypes" : { } }"#,
    )
    .unwrap();
    for (name, bytes) in &pictures {
        w.start_file(name.as_str(), opts).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap();
    let mb = pictures.iter().map(|(_, b)| b.len()).sum::<usize>() as f64 / 1e6;
    println!(
        "\n1. scan of {n} photos (1200×900 JPEG, {mb:.1} MB), drawn in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    println!(
        "{:<24} {:>7} {:>7} {:>9} {:>12} {:>9}",
        "run", "wall s", "CPU s", "images/s", "images/CPU s", "peak RSS"
    );
    let bin = env!("CARGO_BIN_EXE_social-audit");
    let out = dir.join("findings.csv");
    let z = zip.to_str().unwrap();
    let o = out.to_str().unwrap();
    for (what, args) in [
        (
            "scan -j2 (no --ocr)",
            vec!["scan", z, "-o", o, "--no-progress", "-j", "2"],
        ),
        (
            "scan --ocr -j1",
            vec!["scan", z, "-o", o, "--no-progress", "--ocr", "-j", "1"],
        ),
        (
            "scan --ocr -j2",
            vec!["scan", z, "-o", o, "--no-progress", "--ocr", "-j", "2"],
        ),
    ] {
        let (wall, cpu, rss) = timed(bin, &args);
        println!(
            "{what:<24} {wall:>7.2} {cpu:>7.2} {:>9.2} {:>12.2} {:>6.1} MB",
            n as f64 / wall,
            n as f64 / cpu,
            rss as f64 / 1024.0
        );
    }
}

fn per_size(ocr: &Ocr) {
    println!("\n2. Tesseract per image, one at a time (whiteboard, JPEG q85)");
    println!(
        "{:<14} {:>9} {:>10} {:>10}",
        "size", "bytes", "mean s", "max s"
    );
    for (w, h) in [(900, 600), (1200, 900), (2048, 1536), (4032, 3024)] {
        let jpeg = board(w, h, 5, Background::Whiteboard, INK, 0.0).jpeg(85);
        let runs = 3;
        let mut times = Vec::new();
        for _ in 0..runs {
            let t = Instant::now();
            let out = ocr.read(ImageFormat::Jpeg, jpeg.clone());
            times.push(t.elapsed().as_secs_f64());
            assert!(matches!(out, Outcome::Text(_)), "{w}×{h}: {out:?}");
        }
        let mean = times.iter().sum::<f64>() / runs as f64;
        let max = times.iter().cloned().fold(0.0, f64::max);
        println!(
            "{:<14} {:>9} {mean:>10.2} {max:>10.2}",
            format!("{w}×{h}"),
            jpeg.len()
        );
    }
}

fn what_is_read(ocr: &Ocr) {
    println!(
        "\n3. read (NHS number and name both right) by background, ink and angle; 900×600 JPEG"
    );
    let angles: [(&str, f32, u8); 8] = [
        ("0°", 0.0, 0),
        ("+2°", 2.0, 0),
        ("-3°", -3.0, 0),
        ("+5°", 5.0, 0),
        ("-8°", -8.0, 0),
        ("90°", 0.0, 1),
        ("180°", 0.0, 2),
        ("270°", 0.0, 3),
    ];
    let inks: [(&str, [u8; 3]); 4] = [
        ("dark", INK),
        ("mid", [110, 110, 130]),
        ("faded", FADED),
        ("pale", [190, 190, 200]),
    ];
    print!("{:<22}", "background, ink");
    for (a, ..) in angles {
        print!(" {a:>5}");
    }
    println!();
    for (bname, bg) in [
        ("whiteboard", Background::Whiteboard),
        ("photo", Background::Photo),
    ] {
        for (iname, ink) in inks {
            let row: Vec<bool> = angles
                .par_iter()
                .map(|(_, deg, turns)| {
                    let mut p = board(900, 600, 7, bg, ink, *deg);
                    for _ in 0..*turns {
                        p = p.turn90();
                    }
                    match ocr.read(ImageFormat::Jpeg, p.jpeg(85)) {
                        Outcome::Text(t) => {
                            t.contains("999 000 0018") && t.contains("John Smithson")
                        }
                        _ => false,
                    }
                })
                .collect();
            print!("{:<22}", format!("{bname}, {iname}"));
            for ok in row {
                print!(" {:>5}", if ok { "yes" } else { "no" });
            }
            println!();
        }
    }
}

fn video_bytes(dir: &Path) {
    println!("\n4. finding the place in a 100 MB clip, moov after the media data");
    let clip = video::clip(
        b"qt  ",
        video::Place::AppleKeys("+51.5072-000.1276+015.000/"),
        100 << 20,
        true,
    );
    let folder = dir.join("clips");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("clip.mov"), &clip).unwrap();
    for (name, method) in [
        ("stored.zip", zip::CompressionMethod::Stored),
        ("deflated.zip", zip::CompressionMethod::Deflated),
    ] {
        let mut w = zip::ZipWriter::new(std::fs::File::create(dir.join(name)).unwrap());
        w.start_file(
            "clip.mov",
            zip::write::SimpleFileOptions::default().compression_method(method),
        )
        .unwrap();
        w.write_all(&clip).unwrap();
        w.finish().unwrap();
    }
    println!(
        "{:<34} {:>12} {:>12} {:>9}",
        "source", "bytes read", "seeked over", "ms"
    );
    for (what, path) in [
        ("file in a folder", folder.clone()),
        ("stored zip entry", dir.join("stored.zip")),
        ("deflated zip entry", dir.join("deflated.zip")),
    ] {
        let a = Archive::open(&path, &Limits::default()).unwrap();
        let e = a
            .entries()
            .iter()
            .find(|e| e.name.ends_with("clip.mov"))
            .unwrap();
        let t = Instant::now();
        let (found, walk) = social_audit::media::video::locate_entry(&a, &e);
        let ms = t.elapsed().as_secs_f64() * 1e3;
        assert!(found.unwrap().is_some());
        println!(
            "{what:<34} {:>12} {:>12} {ms:>9.1}",
            walk.bytes_read, walk.bytes_seeked
        );
    }
}

/// (wall seconds, CPU seconds, peak RSS kB) of one run, via GNU time.
/// CPU time counts the Tesseract processes too (they are waited for), so
/// images per CPU second holds on a busy machine where wall time does not.
fn timed(cmd: &str, args: &[&str]) -> (f64, f64, u64) {
    let rss_file = std::env::temp_dir().join(format!("bench-media-rss-{}", std::process::id()));
    let t = Instant::now();
    let status = Command::new("/usr/bin/time")
        .args(["-f", "%U %S %M", "-o"])
        .arg(&rss_file)
        .arg(cmd)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run /usr/bin/time (GNU time)");
    let wall = t.elapsed().as_secs_f64();
    assert!(matches!(status.code(), Some(0 | 1)), "{args:?}: {status}");
    let line = std::fs::read_to_string(&rss_file).unwrap_or_default();
    let v: Vec<f64> = line
        .lines()
        .last()
        .unwrap_or("")
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    match v[..] {
        [user, sys, rss] => (wall, user + sys, rss as u64),
        _ => (wall, 0.0, 0),
    }
}

//! Hostile archives: each gives a clear coverage row and the right exit
//! status, with memory bounded (the run summary prints peak memory).

use crate::common::*;
use std::io::Write;
use std::path::Path;

fn peak_mb(stderr: &str) -> f64 {
    stderr
        .lines()
        .find_map(|l| l.strip_prefix("Peak memory: "))
        .and_then(|l| l.trim_end_matches(" MB.").parse().ok())
        .unwrap_or(0.0)
}

fn row(r: &Run, entry: &str) -> (String, String) {
    let (_, s, d) = r
        .cov()
        .into_iter()
        .find(|c| c.0 == entry)
        .unwrap_or_else(|| {
            panic!("no coverage row for {entry}: {:?}", r.cov());
        });
    (s, d)
}

/// Rewrites `from` to `to` (same length) everywhere in the file's bytes:
/// names in local and central headers, or size fields.
fn patch(path: &Path, from: &[u8], to: &[u8]) {
    assert_eq!(from.len(), to.len());
    let mut bytes = std::fs::read(path).unwrap();
    let mut i = 0;
    let mut n = 0;
    while i + from.len() <= bytes.len() {
        if &bytes[i..i + from.len()] == from {
            bytes[i..i + from.len()].copy_from_slice(to);
            n += 1;
        }
        i += 1;
    }
    assert!(n >= 2, "patched {n} places");
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_ten_gigabyte_declared_size_is_refused_without_inflating() {
    let d = tempfile::tempdir().unwrap();
    let zip = d.path().join("big.zip");
    let mut w = zip::ZipWriter::new(std::fs::File::create(&zip).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    for (name, data) in standard_files() {
        w.start_file(name.as_str(), opts).unwrap();
        w.write_all(&data).unwrap();
    }
    w.start_file("data/like.js", opts).unwrap();
    w.write_all(b"window.YTD.like.part0 = [ 1234567 ]").unwrap();
    w.finish().unwrap();
    // The zip64 size fields of like.js hold 35 (its real size); claim 10 GB.
    let real = 35u64.to_le_bytes();
    let huge = (10u64 << 30).to_le_bytes();
    patch(&zip, &real, &huge);
    let r = scan(d.path(), &[&zip], &[]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    let (status, detail) = row(&r, "data/like.js");
    assert_eq!(status, "failed");
    assert!(
        detail.contains("limit") || detail.contains("zip bomb"),
        "{detail}"
    );
    assert!(peak_mb(&r.stderr) < 200.0);
}

#[test]
fn symlink_entries_are_refused() {
    let d = tempfile::tempdir().unwrap();
    let zip = d.path().join("link.zip");
    let mut w = zip::ZipWriter::new(std::fs::File::create(&zip).unwrap());
    let opts = zip::write::SimpleFileOptions::default();
    for (name, data) in standard_files() {
        w.start_file(name.as_str(), opts).unwrap();
        w.write_all(&data).unwrap();
    }
    w.add_symlink("data/profile.js", "/etc/passwd", opts)
        .unwrap();
    w.finish().unwrap();
    let r = scan(d.path(), &[&zip], &[]);
    assert_eq!(r.code, 3);
    let (status, detail) = row(&r, "data/profile.js");
    assert_eq!(status, "failed");
    assert!(detail.contains("symbolic link"), "{detail}");
}

#[test]
fn duplicate_names_are_reported() {
    let d = tempfile::tempdir().unwrap();
    let zip = d.path().join("dup.zip");
    let mut files = standard_files();
    files.push((
        "data/tweetz.js".into(),
        tweets_js(&[("1", "second copy")]).into_bytes(),
    ));
    write_zip(&zip, &files);
    patch(&zip, b"data/tweetz.js", b"data/tweets.js");
    let r = scan(d.path(), &[&zip], &[]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    let (status, detail) = row(&r, "");
    assert_eq!(status, "failed");
    assert!(detail.contains("more than once"), "{detail}");
    assert_eq!(row(&r, "data/tweets.js").0, "parsed");
}

#[test]
fn invalid_utf8_names_get_a_row_and_do_not_stop_the_scan() {
    let d = tempfile::tempdir().unwrap();
    let zip = d.path().join("names.zip");
    let mut files = standard_files();
    files.push(("data/\u{e9}\u{e9}.js".into(), b"[]".to_vec()));
    write_zip(&zip, &files);
    // é is C3 A9 in UTF-8; FF FE is never valid UTF-8.
    patch(
        &zip,
        "data/\u{e9}\u{e9}.js".as_bytes(),
        b"data/\xff\xfe\xff\xfe.js",
    );
    let r = scan(d.path(), &[&zip], &[]);
    assert!(matches!(r.code, 1 | 3), "{}", r.stderr);
    assert_eq!(r.coverage.len(), files.len(), "{:?}", r.cov());
    assert_eq!(row(&r, "data/tweets.js").0, "parsed");
}

#[test]
fn deeply_nested_json_fails_cleanly() {
    let d = tempfile::tempdir().unwrap();
    let zip = d.path().join("deep.zip");
    let mut files = standard_files();
    let deep = format!(
        "window.YTD.tweets.part0 = [ {}{} ]",
        "[".repeat(200_000),
        "]".repeat(200_000)
    );
    files[2].1 = deep.into_bytes();
    write_zip(&zip, &files);
    let r = scan(d.path(), &[&zip], &[]);
    assert!(matches!(r.code, 1 | 3), "{}", r.stderr);
    let (status, detail) = row(&r, "data/tweets.js");
    assert!(
        status == "failed" || detail.contains("skipped"),
        "{status}: {detail}"
    );
}

#[test]
fn a_single_500_mb_string_is_refused_with_bounded_memory() {
    let d = tempfile::tempdir().unwrap();
    let folder = d.path().join("huge");
    write_folder(&folder, &standard_files());
    let mut f = std::fs::File::create(folder.join("data/tweets.js")).unwrap();
    f.write_all(
        b"window.YTD.tweets.part0 = [ { \"tweet\" : { \"id_str\" : \"1\", \"full_text\" : \"",
    )
    .unwrap();
    let chunk = vec![b'a'; 1 << 20];
    for _ in 0..500 {
        f.write_all(&chunk).unwrap();
    }
    f.write_all(b"\" } } ]").unwrap();
    drop(f);
    let r = scan(d.path(), &[&folder], &[]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    let (status, detail) = row(&r, "data/tweets.js");
    assert_eq!(status, "failed");
    assert!(detail.contains("larger than"), "{detail}");
    let peak = peak_mb(&r.stderr);
    assert!(peak > 0.0 && peak < 200.0, "peak {peak} MB");
}

#[test]
fn crlf_and_bom_variants_read_like_the_original() {
    let d = tempfile::tempdir().unwrap();
    let plain = d.path().join("plain.zip");
    write_zip(&plain, &standard_files());
    let mut files = standard_files();
    for f in files.iter_mut() {
        let text = String::from_utf8(f.1.clone())
            .unwrap()
            .replace('\n', "\r\n");
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(text.as_bytes());
        f.1 = bytes;
    }
    let variant = d.path().join("crlf-bom.zip");
    write_zip(&variant, &files);
    let a = scan(d.path(), &[&plain], &[]);
    let b = scan(d.path(), &[&variant], &[]);
    assert_eq!(b.code, 1, "{}", b.stderr);
    assert_eq!(a.values("finding_id"), b.values("finding_id"));
    assert!(b.cov().iter().all(|c| c.1 == "parsed"), "{:?}", b.cov());
}

#[cfg(unix)]
#[test]
fn interrupting_a_scan_leaves_no_output_file() {
    let d = tempfile::tempdir().unwrap();
    let folder = d.path().join("big");
    write_folder(&folder, &standard_files());
    // Enough posts that a debug build takes a while.
    let tweets: Vec<(String, String)> = (0..200_000)
        .map(|i| {
            (
                format!("{}", 1765000000000000000u64 + i),
                format!("Post {i} about the flu clinic."),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = tweets
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    std::fs::write(folder.join("data/tweets.js"), tweets_js(&refs)).unwrap();
    let out = d.path().join("findings.csv");
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("social-audit"))
        .args([
            "scan",
            folder.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--no-progress",
        ])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let _ = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    let o = child.wait_with_output().unwrap();
    if o.status.code() == Some(130) {
        assert!(!out.exists(), "no output under the requested name");
    } else {
        // The scan finished before the signal: then the file is complete.
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text.starts_with("finding_id,"));
    }
    let leftovers: Vec<_> = std::fs::read_dir(d.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".partial-"))
        .collect();
    assert!(leftovers.is_empty(), "partial files left: {leftovers:?}");
}

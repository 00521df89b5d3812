use super::*;
use std::io::Write;
use zip::write::SimpleFileOptions;

fn write_zip(path: &Path, files: &[(&str, &[u8])]) {
    let mut w = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in files {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap();
}

fn read_all(a: &Archive, name: &str) -> Vec<u8> {
    let e = a.entry(name).unwrap();
    a.read(&e, 1 << 20).unwrap()
}

#[test]
fn zip_entries_are_listed_sorted_and_readable() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.zip");
    write_zip(&p, &[("data/b.js", b"bbb"), ("data/a.js", b"aaa")]);
    let a = Archive::open(&p, &Limits::default()).unwrap();
    let names: Vec<_> = a.entries().iter().map(|e| e.name).collect();
    assert_eq!(names, ["data/a.js", "data/b.js"]);
    assert_eq!(read_all(&a, "data/b.js"), b"bbb");
    assert!(a.refused().is_empty());
}

#[test]
fn traversal_and_absolute_names_are_refused_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("t.zip");
    write_zip(
        &p,
        &[
            ("ok.js", b"1"),
            ("../../etc/evil.js", b"2"),
            ("/abs.js", b"3"),
        ],
    );
    let a = Archive::open(&p, &Limits::default()).unwrap();
    assert_eq!(a.entries().len(), 1);
    let refused: Vec<_> = a.refused().iter().map(|r| r.name.as_str()).collect();
    assert_eq!(refused, ["../../etc/evil.js", "/abs.js"]);
    assert!(a.refused()[0].reason.contains("unsafe entry name"));
}

#[test]
fn a_zip_bomb_is_refused_by_ratio() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("b.zip");
    let zeros = vec![b'0'; 20 << 20];
    write_zip(&p, &[("data/like.js", &zeros), ("data/ok.js", b"[]")]);
    let a = Archive::open(&p, &Limits::default()).unwrap();
    assert_eq!(a.entries().len(), 1);
    assert!(
        a.refused()[0].reason.contains("zip bomb"),
        "{:?}",
        a.refused()
    );
}

#[test]
fn inflating_past_the_budget_fails_even_when_headers_lie() {
    let data = vec![0u8; 1000];
    let mut r = Bounded::new(&data[..], 100);
    let mut out = Vec::new();
    let err = r.read_to_end(&mut out).unwrap_err();
    assert!(err.to_string().contains("zip bomb"));
}

#[test]
fn truncated_and_empty_zips_are_one_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("good.zip");
    write_zip(&p, &[("data/a.js", &vec![b'x'; 5000])]);
    let bytes = std::fs::read(&p).unwrap();
    let cut = dir.path().join("cut.zip");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let err = Archive::open(&cut, &Limits::default())
        .err()
        .unwrap()
        .to_string();
    assert!(
        err.contains("cut.zip") && err.contains("not a readable zip"),
        "{err}"
    );
    let empty = dir.path().join("empty.zip");
    std::fs::write(&empty, b"").unwrap();
    assert!(Archive::open(&empty, &Limits::default()).is_err());
}

#[test]
fn folders_are_listed_relative_and_symlinks_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("data/sub")).unwrap();
    std::fs::write(dir.path().join("data/tweets.js"), b"x").unwrap();
    std::fs::write(dir.path().join("data/sub/m.jpg"), b"yy").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("/etc/passwd", dir.path().join("data/link.js")).unwrap();
    let a = Archive::open(dir.path(), &Limits::default()).unwrap();
    let names: Vec<_> = a.entries().iter().map(|e| e.name).collect();
    assert_eq!(names, ["data/sub/m.jpg", "data/tweets.js"]);
    assert_eq!(read_all(&a, "data/sub/m.jpg"), b"yy");
    #[cfg(unix)]
    assert_eq!(a.refused()[0].name, "data/link.js");
}

#[test]
fn safe_names() {
    use super::zipped::is_safe_name;
    assert!(is_safe_name("data/tweets.js"));
    assert!(is_safe_name("./data/x"));
    for bad in [
        "../x",
        "a/../../x",
        "/etc/x",
        "C:/x",
        "a\\..\\x",
        "",
        "a\0b",
    ] {
        assert!(!is_safe_name(bad), "{bad:?}");
    }
}

#[test]
fn entries_past_the_count_limit_are_refused_in_zips_and_folders() {
    let limits = Limits {
        max_entries: 2,
        ..Limits::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("many.zip");
    write_zip(&p, &[("a", b"1"), ("b", b"2"), ("c", b"3")]);
    let a = Archive::open(&p, &limits).unwrap();
    assert_eq!(a.entries().len(), 2);
    assert!(a.refused()[0].reason.contains("more than 2 entries"));
    let folder = dir.path().join("f");
    std::fs::create_dir(&folder).unwrap();
    for n in ["a", "b", "c"] {
        std::fs::write(folder.join(n), n).unwrap();
    }
    let a = Archive::open(&folder, &limits).unwrap();
    assert_eq!((a.entries().len(), a.refused().len()), (2, 1));
}

/// A stored zip with its method or flags patched in both the local and the
/// central header, to build entries this crate cannot write itself.
fn patched_zip(path: &Path, method: Option<u16>, encrypted: bool) {
    let mut w = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    w.start_file("data/tweets.js", opts).unwrap();
    w.write_all(b"window.YTD.tweets.part0 = [ ]").unwrap();
    w.start_file("data/ok.js", opts).unwrap();
    w.write_all(b"[ ]").unwrap();
    w.finish().unwrap();
    let mut bytes = std::fs::read(path).unwrap();
    // Only the first entry (data/tweets.js) is patched.
    let local = bytes.windows(4).position(|w| w == b"PK\x03\x04").unwrap();
    let central = bytes.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
    for (at, flags, meth) in [(local, 6, 8), (central, 8, 10)] {
        if let Some(m) = method {
            bytes[at + meth..at + meth + 2].copy_from_slice(&m.to_le_bytes());
        }
        if encrypted {
            bytes[at + flags] |= 1;
        }
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn unsupported_methods_and_encrypted_entries_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bzip2.zip");
    patched_zip(&p, Some(12), false);
    let a = Archive::open(&p, &Limits::default()).unwrap();
    assert_eq!(a.entries().len(), 1, "the other entry is still readable");
    assert_eq!(a.refused()[0].name, "data/tweets.js");
    assert!(
        a.refused()[0]
            .reason
            .contains("unsupported compression method"),
        "{:?}",
        a.refused()
    );
    let p = dir.path().join("enc.zip");
    patched_zip(&p, None, true);
    let a = Archive::open(&p, &Limits::default()).unwrap();
    assert!(
        a.refused()[0].reason.contains("encrypted"),
        "{:?}",
        a.refused()
    );
    assert_eq!(read_all(&a, "data/ok.js"), b"[ ]");
}

#[test]
fn a_plain_file_opens_as_an_archive_of_one_entry() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("_chat.txt");
    std::fs::write(&p, b"[1/2/24, 10:00:00] A: hi\n").unwrap();
    let a = Archive::open(&p, &Limits::default()).unwrap();
    assert!(!a.is_zip());
    let names: Vec<_> = a.entries().iter().map(|e| e.name).collect();
    assert_eq!(names, ["_chat.txt"]);
    assert_eq!(read_all(&a, "_chat.txt"), b"[1/2/24, 10:00:00] A: hi\n");
}

#[test]
fn a_damaged_file_named_zip_or_starting_pk_is_still_read_as_a_zip() {
    let dir = tempfile::tempdir().unwrap();
    let named = dir.path().join("x.zip");
    std::fs::write(&named, b"not a zip at all").unwrap();
    let e = Archive::open(&named, &Limits::default())
        .err()
        .unwrap()
        .to_string();
    assert!(e.contains("not a readable zip"), "{e}");
    let magic = dir.path().join("export.bin");
    std::fs::write(&magic, b"PK\x03\x04garbage").unwrap();
    let e = Archive::open(&magic, &Limits::default())
        .err()
        .unwrap()
        .to_string();
    assert!(e.contains("not a readable zip"), "{e}");
}

#[test]
fn count_reads_reports_every_decompressed_byte_as_it_is_read() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU64, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.zip");
    let big = vec![b'x'; 200_000];
    write_zip(&p, &[("data/big.js", &big), ("data/small.js", b"abc")]);
    let mut a = Archive::open(&p, &Limits::default()).unwrap();
    let seen = Arc::new(AtomicU64::new(0));
    let calls = Arc::new(AtomicU64::new(0));
    let (s, c) = (seen.clone(), calls.clone());
    a.count_reads(Arc::new(move |n| {
        s.fetch_add(n, Ordering::Relaxed);
        c.fetch_add(1, Ordering::Relaxed);
    }));
    assert_eq!(read_all(&a, "data/big.js").len(), 200_000);
    // decompressed bytes, counted in several reads, not once per entry
    assert_eq!(seen.load(Ordering::Relaxed), 200_000);
    assert!(calls.load(Ordering::Relaxed) > 2);
    assert_eq!(read_all(&a, "data/small.js"), b"abc");
    assert_eq!(seen.load(Ordering::Relaxed), 200_003);
}

#[test]
fn sizes_of_4_gib_or_more_are_kept_whole() {
    let mut l = EntryList::with_capacity(4, 0);
    assert!(l.push("", "a", 1 << 33, 5, 0, 0));
    assert!(l.push("", "b", 7, u64::from(u32::MAX), 1, 0));
    assert!(l.push("p/", "c", 7, 6, 1, 1));
    assert!(l.push("", "d", u64::from(u32::MAX) - 1, 0, 2, 0));
    let got: Vec<_> = l
        .iter()
        .map(|e| (e.name.to_string(), e.size, e.compressed))
        .collect();
    assert_eq!(
        got,
        [
            ("a".to_string(), 1 << 33, 5),
            ("b".to_string(), 7, u64::from(u32::MAX)),
            ("p/c".to_string(), 7, 6),
            ("d".to_string(), u64::from(u32::MAX) - 1, 0)
        ]
    );
}

#[test]
fn base_names_too_long_for_their_length_field_end_at_their_separator() {
    let mut l = EntryList::with_capacity(3, 0);
    let short = "w".repeat(usize::from(u16::MAX) - 1);
    let long = "x".repeat(usize::from(u16::MAX));
    let longer = "y".repeat(usize::from(u16::MAX) + 3);
    let names = [
        format!("f/{short}"),
        format!("f/{long}"),
        longer,
        "z".into(),
    ];
    for (i, n) in names.iter().enumerate() {
        assert!(l.push("", n, 1, 1, i as u32, 0));
    }
    let got: Vec<String> = l.iter().map(|e| e.name.to_string()).collect();
    assert_eq!(got, names);
    assert_eq!(l.position_of("z"), Some(3));
}

#[test]
fn a_default_list_takes_names_in_folders() {
    let mut l = EntryList::default();
    assert!(l.push("", "a/b", 1, 1, 0, 0));
    assert!(l.push("", "c", 1, 1, 1, 0));
    let got: Vec<String> = l.iter().map(|e| e.name.to_string()).collect();
    assert_eq!(got, ["a/b", "c"]);
}

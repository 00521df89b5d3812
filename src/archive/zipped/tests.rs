//! The zip reader on archives the zip crate writes and on ones built or
//! damaged by hand: each damage is one clear error, never a panic.

use crate::archive::{Archive, Limits};
use std::io::{SeekFrom, Write};
use std::path::{Path, PathBuf};
use zip::write::SimpleFileOptions;

/// One entry of a hand-built zip.
struct Spec<'a> {
    name: &'a [u8],
    data: &'a [u8],
    deflate: bool,
    /// Sizes and CRC after the data (flag bit 3), zeros in the local header.
    descriptor: bool,
}

fn entry<'a>(name: &'a str, data: &'a [u8]) -> Spec<'a> {
    Spec {
        name: name.as_bytes(),
        data,
        deflate: false,
        descriptor: false,
    }
}

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// A zip as a minimal writer lays it out: local headers (each with an
/// extra field the central directory does not have), the central
/// directory, the end record with `comment`.
fn build(entries: &[Spec], comment: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let body = if e.deflate {
            deflate(e.data)
        } else {
            e.data.to_vec()
        };
        let crc = crc32fast::hash(e.data);
        let method: u16 = if e.deflate { 8 } else { 0 };
        let flags: u16 = if e.descriptor { 8 } else { 0 };
        let (csize, usize_) = (body.len() as u32, e.data.len() as u32);
        let offset = out.len() as u32;
        let local_extra = [0xfe, 0xca, 4, 0, 1, 2, 3, 4];
        out.extend(b"PK\x03\x04");
        out.extend(20u16.to_le_bytes());
        out.extend(flags.to_le_bytes());
        out.extend(method.to_le_bytes());
        out.extend([0u8; 4]);
        let (c, cs, us) = if e.descriptor {
            (0, 0, 0)
        } else {
            (crc, csize, usize_)
        };
        out.extend(c.to_le_bytes());
        out.extend(cs.to_le_bytes());
        out.extend(us.to_le_bytes());
        out.extend((e.name.len() as u16).to_le_bytes());
        out.extend((local_extra.len() as u16).to_le_bytes());
        out.extend(e.name);
        out.extend(local_extra);
        out.extend(&body);
        if e.descriptor {
            out.extend(b"PK\x07\x08");
            out.extend(crc.to_le_bytes());
            out.extend(csize.to_le_bytes());
            out.extend(usize_.to_le_bytes());
        }
        central.extend(b"PK\x01\x02");
        central.extend(0x031eu16.to_le_bytes()); // Unix, 3.0
        central.extend(20u16.to_le_bytes());
        central.extend(flags.to_le_bytes());
        central.extend(method.to_le_bytes());
        central.extend([0u8; 4]);
        central.extend(crc.to_le_bytes());
        central.extend(csize.to_le_bytes());
        central.extend(usize_.to_le_bytes());
        central.extend((e.name.len() as u16).to_le_bytes());
        central.extend([0u8; 8]); // extra, comment, disk, internal attributes
        central.extend((0o100644u32 << 16).to_le_bytes());
        central.extend(offset.to_le_bytes());
        central.extend(e.name);
    }
    let cd_offset = out.len() as u32;
    out.extend(&central);
    out.extend(b"PK\x05\x06");
    out.extend([0u8; 4]);
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(cd_offset.to_le_bytes());
    out.extend((comment.len() as u16).to_le_bytes());
    out.extend(comment);
    out
}

/// The same zip with a zip64 end record and locator, the 32-bit end
/// record holding only sentinels (needs an archive without a comment).
fn with_zip64_end(bytes: &[u8]) -> Vec<u8> {
    let eocd = bytes.len() - 22;
    assert_eq!(&bytes[eocd..eocd + 4], b"PK\x05\x06");
    let n = u64::from(u16::from_le_bytes([bytes[eocd + 10], bytes[eocd + 11]]));
    let size = u64::from(u32::from_le_bytes(
        bytes[eocd + 12..eocd + 16].try_into().unwrap(),
    ));
    let offset = u64::from(u32::from_le_bytes(
        bytes[eocd + 16..eocd + 20].try_into().unwrap(),
    ));
    let mut out = bytes[..eocd].to_vec();
    let record_at = out.len() as u64;
    out.extend(b"PK\x06\x06");
    out.extend(44u64.to_le_bytes());
    out.extend(45u16.to_le_bytes());
    out.extend(45u16.to_le_bytes());
    out.extend([0u8; 8]);
    out.extend(n.to_le_bytes());
    out.extend(n.to_le_bytes());
    out.extend(size.to_le_bytes());
    out.extend(offset.to_le_bytes());
    out.extend(b"PK\x06\x07");
    out.extend(0u32.to_le_bytes());
    out.extend(record_at.to_le_bytes());
    out.extend(1u32.to_le_bytes());
    out.extend(b"PK\x05\x06");
    out.extend([0u8; 4]);
    out.extend([0xff; 4]);
    out.extend([0xff; 8]);
    out.extend([0u8; 2]);
    out
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn read(a: &Archive, name: &str) -> Vec<u8> {
    let e = a.entry(name).unwrap_or_else(|| panic!("no {name}"));
    a.read(&e, 1 << 20).unwrap()
}

fn open_err(p: &Path) -> String {
    let e = Archive::open(p, &Limits::default())
        .err()
        .expect("should not open")
        .to_string();
    let file = p.file_name().unwrap().to_string_lossy();
    assert!(
        e.contains(&*file) && e.contains("not a readable zip"),
        "{e}"
    );
    e
}

/// Where the end record starts (no comment).
fn eocd(bytes: &[u8]) -> usize {
    bytes.len() - 22
}

/// Where the first central directory record starts.
fn first_record(bytes: &[u8]) -> usize {
    bytes.windows(4).position(|w| w == b"PK\x01\x02").unwrap()
}

fn patch_u32(bytes: &mut [u8], at: usize, v: u32) {
    bytes[at..at + 4].copy_from_slice(&v.to_le_bytes());
}

#[test]
fn zip64_entries_from_the_zip_crate_writer_are_read() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("z64.zip");
    let mut w = zip::ZipWriter::new(std::fs::File::create(&p).unwrap());
    let big = vec![b'y'; 100_000];
    for (name, method) in [
        ("a.js", zip::CompressionMethod::Stored),
        ("b.js", zip::CompressionMethod::Deflated),
    ] {
        let opts = SimpleFileOptions::default()
            .compression_method(method)
            .large_file(true);
        w.start_file(name, opts).unwrap();
        w.write_all(&big).unwrap();
    }
    w.finish().unwrap();
    // Sizes really are in the zip64 extra field: the 32-bit ones are sentinels.
    let bytes = std::fs::read(&p).unwrap();
    let cd = first_record(&bytes);
    assert_eq!(bytes[cd + 20..cd + 28], [0xff; 8]);
    let a = Archive::open(&p, &Limits::default()).unwrap();
    assert_eq!(read(&a, "a.js"), big);
    assert_eq!(read(&a, "b.js"), big);
    assert_eq!(a.entry("b.js").unwrap().size, 100_000);
    // And with a zip64 end record in front of the 32-bit one.
    let bytes = with_zip64_end(&std::fs::read(&p).unwrap());
    let p = write(d.path(), "z64end.zip", &bytes);
    let a = Archive::open(&p, &Limits::default()).unwrap();
    assert_eq!(read(&a, "b.js"), big);
}

#[test]
fn a_hand_built_zip64_end_record_is_followed() {
    let d = tempfile::tempdir().unwrap();
    let bytes = with_zip64_end(&build(
        &[entry("x/1.js", b"one"), entry("x/2.js", b"two")],
        b"",
    ));
    let p = write(d.path(), "h64.zip", &bytes);
    let a = Archive::open(&p, &Limits::default()).unwrap();
    assert_eq!(read(&a, "x/2.js"), b"two");
}

#[test]
fn an_archive_comment_and_a_stray_end_signature_in_it_are_passed_over() {
    let d = tempfile::tempdir().unwrap();
    let comment = b"exported PK\x05\x06 by someone; a comment of some length";
    let p = write(
        d.path(),
        "c.zip",
        &build(&[entry("data/a.js", b"[1]")], comment),
    );
    let a = Archive::open(&p, &Limits::default()).unwrap();
    assert_eq!(read(&a, "data/a.js"), b"[1]");
    // The zip crate's writer too.
    let p = d.path().join("cw.zip");
    let mut w = zip::ZipWriter::new(std::fs::File::create(&p).unwrap());
    w.set_comment("x".repeat(60_000)).unwrap();
    w.start_file("a.js", SimpleFileOptions::default()).unwrap();
    w.write_all(b"abc").unwrap();
    w.finish().unwrap();
    let a = Archive::open(&p, &Limits::default()).unwrap();
    assert_eq!(read(&a, "a.js"), b"abc");
}

#[test]
fn names_not_in_utf8_are_read_as_code_page_437() {
    let d = tempfile::tempdir().unwrap();
    // 0x82 0x94 are é ö in CP437 and not UTF-8.
    let mut e = entry("", b"x");
    e.name = b"data/caf\x82\x94.js";
    let p = write(d.path(), "cp.zip", &build(&[e, entry("ok.js", b"y")], b""));
    let a = Archive::open(&p, &Limits::default()).unwrap();
    assert_eq!(read(&a, "data/caf\u{e9}\u{f6}.js"), b"x");
    assert_eq!(
        super::cp437::decode(b"\x80\xe1\xfe\xff"),
        "\u{c7}\u{df}\u{25a0}\u{a0}"
    );
}

#[test]
fn entries_written_with_data_descriptors_are_read() {
    let d = tempfile::tempdir().unwrap();
    let text = b"window.YTD.tweets.part0 = [ ]".repeat(50);
    let mut stored = entry("s.js", &text);
    stored.descriptor = true;
    let mut deflated = entry("d.js", &text);
    deflated.descriptor = true;
    deflated.deflate = true;
    let p = write(d.path(), "dd.zip", &build(&[stored, deflated], b""));
    let a = Archive::open(&p, &Limits::default()).unwrap();
    assert!(a.refused().is_empty(), "{:?}", a.refused());
    assert_eq!(read(&a, "s.js"), text);
    assert_eq!(read(&a, "d.js"), text);
}

#[test]
fn a_flipped_byte_fails_the_crc_check_with_the_entry_named() {
    let d = tempfile::tempdir().unwrap();
    let mut bytes = build(&[entry("data/tweets.js", b"the original text")], b"");
    let at = bytes.windows(8).position(|w| w == b"original").unwrap();
    bytes[at] ^= 0x20;
    let p = write(d.path(), "crc.zip", &bytes);
    let a = Archive::open(&p, &Limits::default()).unwrap();
    let e = a.entry("data/tweets.js").unwrap();
    let err = a.read(&e, 1 << 20).unwrap_err().to_string();
    assert!(
        err.contains("data/tweets.js") && err.contains("CRC-32 mismatch"),
        "{err}"
    );
    // Deflated: damage the stream's last byte so it still ends.
    let text = b"abcdefghij".repeat(100);
    let mut e = entry("d.js", &text);
    e.deflate = true;
    let good = build(&[e], b"");
    let data_end = first_record(&good);
    let mut bad = good.clone();
    bad[data_end - 2] ^= 0x01;
    let p = write(d.path(), "crcd.zip", &bad);
    let a = Archive::open(&p, &Limits::default()).unwrap();
    let e = a.entry("d.js").unwrap();
    let err = a.read(&e, 1 << 20).unwrap_err().to_string();
    assert!(err.contains("d.js"), "{err}");
}

#[test]
fn a_declared_size_that_differs_from_the_data_is_an_error() {
    let d = tempfile::tempdir().unwrap();
    let mut bytes = build(&[entry("a.js", b"0123456789")], b"");
    // The central record's uncompressed size (offset 24) claims 11.
    let cd = first_record(&bytes);
    patch_u32(&mut bytes, cd + 24, 11);
    let p = write(d.path(), "size.zip", &bytes);
    let a = Archive::open(&p, &Limits::default()).unwrap();
    let e = a.entry("a.js").unwrap();
    let err = a.read(&e, 1 << 20).unwrap_err().to_string();
    assert!(err.contains("a.js") && err.contains("declared 11"), "{err}");
}

#[test]
fn a_truncated_central_directory_is_one_error() {
    let d = tempfile::tempdir().unwrap();
    let good = build(&[entry("a.js", b"1"), entry("b.js", b"2")], b"");
    // The end record claims a third entry the directory does not hold.
    let mut bytes = good.clone();
    let e = eocd(&bytes);
    bytes[e + 8] = 3;
    bytes[e + 10] = 3;
    let err = open_err(&write(d.path(), "more.zip", &bytes));
    assert!(err.contains("truncated"), "{err}");
    // The directory cut short: its declared size reaches past the end record.
    let mut bytes = good.clone();
    let size = u32::from_le_bytes(bytes[e + 12..e + 16].try_into().unwrap());
    patch_u32(&mut bytes, e + 12, size + 10);
    let err = open_err(&write(d.path(), "cut.zip", &bytes));
    assert!(err.contains("outside the file"), "{err}");
    // A record whose name runs past the directory's end.
    let mut bytes = good;
    let cd = bytes.windows(4).rposition(|w| w == b"PK\x01\x02").unwrap();
    bytes[cd + 28] = 200;
    let err = open_err(&write(d.path(), "name.zip", &bytes));
    assert!(err.contains("entry 2 of 2"), "{err}");
}

#[test]
fn an_end_record_pointing_past_the_file_is_one_error() {
    let d = tempfile::tempdir().unwrap();
    let mut bytes = build(&[entry("a.js", b"1")], b"");
    let e = eocd(&bytes);
    patch_u32(&mut bytes, e + 16, 1 << 30);
    let err = open_err(&write(d.path(), "past.zip", &bytes));
    assert!(err.contains("lies outside the file"), "{err}");
    // Offset and size that overflow when added.
    patch_u32(&mut bytes, e + 16, u32::MAX);
    patch_u32(&mut bytes, e + 12, u32::MAX);
    open_err(&write(d.path(), "wrap.zip", &bytes));
}

#[test]
fn multi_disk_archives_are_refused() {
    let d = tempfile::tempdir().unwrap();
    let mut bytes = build(&[entry("a.js", b"1")], b"");
    let e = eocd(&bytes);
    bytes[e + 4] = 1;
    bytes[e + 6] = 1;
    let err = open_err(&write(d.path(), "disk.zip", &bytes));
    assert!(err.contains("multi-disk"), "{err}");
}

#[test]
fn a_local_header_offset_past_the_end_refuses_that_entry_by_name() {
    let d = tempfile::tempdir().unwrap();
    let mut bytes = build(&[entry("a.js", b"1"), entry("b.js", b"2")], b"");
    let cd = first_record(&bytes);
    patch_u32(&mut bytes, cd + 42, 1 << 30);
    let p = write(d.path(), "lh.zip", &bytes);
    let a = Archive::open(&p, &Limits::default()).unwrap();
    assert_eq!(a.refused().len(), 1);
    assert_eq!(a.refused()[0].name, "a.js");
    assert!(
        a.refused()[0].reason.contains("past the end of the file"),
        "{:?}",
        a.refused()
    );
    assert_eq!(read(&a, "b.js"), b"2");
    // One pointing at something that is not a local header.
    let mut bytes = build(&[entry("a.js", b"1"), entry("b.js", b"2")], b"");
    patch_u32(&mut bytes, cd + 42, 3);
    let p = write(d.path(), "sig.zip", &bytes);
    let a = Archive::open(&p, &Limits::default()).unwrap();
    assert!(
        a.refused()[0].reason.contains("no local header signature"),
        "{:?}",
        a.refused()
    );
}

#[test]
fn data_running_past_the_end_of_the_file_is_an_error_naming_the_entry() {
    let d = tempfile::tempdir().unwrap();
    let mut bytes = build(&[entry("a.js", b"12345")], b"");
    let cd = first_record(&bytes);
    patch_u32(&mut bytes, cd + 20, 1 << 20);
    let p = write(d.path(), "long.zip", &bytes);
    let a = Archive::open(&p, &Limits::default()).unwrap();
    let e = a.entry("a.js").unwrap();
    let err = a.read(&e, 1 << 20).unwrap_err().to_string();
    assert!(
        err.contains("a.js") && err.contains("past the end"),
        "{err}"
    );
}

#[test]
fn a_zip_with_no_entries_opens_empty() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("empty.zip");
    zip::ZipWriter::new(std::fs::File::create(&p).unwrap())
        .finish()
        .unwrap();
    let a = Archive::open(&p, &Limits::default()).unwrap();
    assert!(a.entries().is_empty() && a.refused().is_empty());
    let p = write(d.path(), "built.zip", &build(&[], b"comment"));
    let a = Archive::open(&p, &Limits::default()).unwrap();
    assert!(a.entries().is_empty());
}

#[test]
fn of_a_name_listed_twice_the_last_copy_is_read() {
    let d = tempfile::tempdir().unwrap();
    let bytes = build(
        &[
            entry("a.js", b"first"),
            entry("b.js", b"other"),
            entry("a.js", b"second"),
        ],
        b"",
    );
    let p = write(d.path(), "dup.zip", &bytes);
    let a = Archive::open(&p, &Limits::default()).unwrap();
    assert_eq!(a.entries().len(), 2);
    assert_eq!(read(&a, "a.js"), b"second");
    assert!(a.refused()[0].reason.contains("more than once"));
    // Folders listed twice count too.
    let p = write(
        d.path(),
        "dirs.zip",
        &build(
            &[entry("d/", b""), entry("d/", b""), entry("d/x", b"1")],
            b"",
        ),
    );
    let a = Archive::open(&p, &Limits::default()).unwrap();
    assert_eq!(a.entries().len(), 1);
    assert!(a.refused()[0].reason.contains("more than once"));
}

#[test]
fn a_stored_entry_seeks_within_its_own_data() {
    let d = tempfile::tempdir().unwrap();
    let p = write(
        d.path(),
        "seek.zip",
        &build(
            &[entry("a.bin", b"0123456789"), entry("b.bin", b"after")],
            b"",
        ),
    );
    let a = Archive::open(&p, &Limits::default()).unwrap();
    let e = a.entry("a.bin").unwrap();
    let got = a
        .with_entry_seekable(&e, |r| {
            r.seek(SeekFrom::End(-3)).unwrap();
            let mut s = Vec::new();
            r.read_to_end(&mut s).unwrap();
            r.seek(SeekFrom::Start(2)).unwrap();
            let mut two = [0u8; 2];
            r.read_exact(&mut two).unwrap();
            (s, two, r.seek(SeekFrom::Current(-10)).is_err())
        })
        .unwrap()
        .unwrap();
    assert_eq!(got, (b"789".to_vec(), *b"23", true));
}

/// Every single-byte change of a small zip opens or fails cleanly, and
/// every entry it then lists reads or fails cleanly.
#[test]
fn no_single_byte_damage_panics() {
    let d = tempfile::tempdir().unwrap();
    let mut deflated = entry("d.js", b"deflated deflated deflated text");
    deflated.deflate = true;
    let good = with_zip64_end(&build(&[entry("a.js", b"stored"), deflated], b""));
    let p = d.path().join("f.zip");
    for at in 0..good.len() {
        for flip in [0x01u8, 0x80, 0xff] {
            let mut bytes = good.clone();
            bytes[at] ^= flip;
            std::fs::write(&p, &bytes).unwrap();
            if let Ok(a) = Archive::open(&p, &Limits::default()) {
                for e in a.entries() {
                    let _ = a.read(&e, 1 << 20);
                    let _ = a.with_entry_seekable(&e, |r| {
                        let mut v = Vec::new();
                        r.read_to_end(&mut v).map(|_| v)
                    });
                }
            }
        }
    }
}

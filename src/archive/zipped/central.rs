//! The zip's own structure, read by this project rather than the zip
//! crate, so that a million entries cost a small record each
//! (benches/README.md, "memory per archive entry"): the end record (and
//! its zip64 form) says where the central directory is, and the directory
//! is then streamed one record at a time through a buffer, never held
//! whole. Every failure is a clause that completes "… is not a readable
//! zip archive: ".

use super::super::shared_file::SharedFile;
use std::io::{self, BufReader, Read, Seek, SeekFrom, Take};

const EOCD_SIG: &[u8; 4] = b"PK\x05\x06";
const ZIP64_LOCATOR_SIG: &[u8; 4] = b"PK\x06\x07";
const ZIP64_EOCD_SIG: &[u8; 4] = b"PK\x06\x06";
const CENTRAL_SIG: &[u8; 4] = b"PK\x01\x02";
pub(super) const LOCAL_SIG: &[u8; 4] = b"PK\x03\x04";

const EOCD_LEN: u64 = 22;
const ZIP64_LOCATOR_LEN: u64 = 20;
const ZIP64_EOCD_LEN: u64 = 56;
pub(super) const CENTRAL_LEN: usize = 46;
pub(super) const LOCAL_LEN: u64 = 30;
/// A 32-bit field holding this means "see the zip64 extra field".
const SENTINEL: u32 = u32::MAX;

/// Where the central directory is.
pub(super) struct Directory {
    /// Records it declares (the stream ends sooner if they do not fit).
    pub(super) entries: u64,
    /// File position of the first record.
    pub(super) start: u64,
    pub(super) size: u64,
    /// Added to every local header offset: bytes before the zip's own
    /// start (a self-extractor stub), found from where the directory
    /// really is.
    pub(super) shift: u64,
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    b.get(at..at + 2)
        .map_or(0, |s| u16::from_le_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4)
        .map_or(0, |s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    b.get(at..at + 8).map_or(0, |s| {
        let mut a = [0u8; 8];
        a.copy_from_slice(s);
        u64::from_le_bytes(a)
    })
}

/// Finds the end record in the last 64 KiB + 22 bytes (the most a
/// comment allows) and from it the central directory. Candidates are
/// tried from the end, as a signature may also occur inside a comment;
/// if none works, the last one's reason is given.
pub(super) fn find_directory(file: &SharedFile) -> Result<Directory, String> {
    let len = file.len();
    let tail_len = len.min(EOCD_LEN + u64::from(u16::MAX));
    let tail_start = len - tail_len;
    let mut tail = vec![0u8; tail_len as usize];
    file.read_exact_at(&mut tail, tail_start)
        .map_err(|e| format!("its last {tail_len} bytes cannot be read ({e})"))?;
    let mut first_err = None;
    let last = tail.len().saturating_sub(EOCD_LEN as usize);
    for at in (0..=last).rev() {
        if tail.len() < EOCD_LEN as usize || &tail[at..at + 4] != EOCD_SIG {
            continue;
        }
        match directory_from(file, &tail[at..], tail_start + at as u64) {
            Ok(dir) => return Ok(dir),
            Err(e) => {
                first_err.get_or_insert(e);
            }
        }
    }
    Err(first_err.unwrap_or_else(|| {
        "it has no end-of-central-directory record (not a zip, or cut short)".to_string()
    }))
}

fn directory_from(file: &SharedFile, eocd: &[u8], eocd_at: u64) -> Result<Directory, String> {
    let len = file.len();
    let mut disk = u32::from(u16_at(eocd, 4));
    let mut cd_disk = u32::from(u16_at(eocd, 6));
    let mut entries = u64::from(u16_at(eocd, 10));
    let mut size = u64::from(u32_at(eocd, 12));
    let mut offset = u64::from(u32_at(eocd, 16));
    // The directory ends where the record after it begins.
    let mut end = eocd_at;
    if let Some(locator_at) = eocd_at.checked_sub(ZIP64_LOCATOR_LEN) {
        let mut loc = [0u8; ZIP64_LOCATOR_LEN as usize];
        file.read_exact_at(&mut loc, locator_at)
            .map_err(|e| format!("its zip64 locator cannot be read ({e})"))?;
        if &loc[..4] == ZIP64_LOCATOR_SIG {
            if u32_at(&loc, 4) != 0 || u32_at(&loc, 16) > 1 {
                return Err(multi_disk());
            }
            let (record, record_at) = zip64_record(file, u64_at(&loc, 8), locator_at)?;
            disk = u32_at(&record, 16);
            cd_disk = u32_at(&record, 20);
            entries = u64_at(&record, 32);
            size = u64_at(&record, 40);
            offset = u64_at(&record, 48);
            end = record_at;
        }
    }
    if disk != 0 || cd_disk != 0 {
        return Err(multi_disk());
    }
    let outside = || {
        format!(
            "its central directory ({size} bytes at offset {offset}) lies outside the file ({len} bytes)"
        )
    };
    let declared_end = offset.checked_add(size).ok_or_else(outside)?;
    if declared_end > end {
        return Err(outside());
    }
    let shift = end - declared_end;
    if entries == 0 {
        return Ok(Directory {
            entries,
            start: offset + shift,
            size,
            shift,
        });
    }
    // Data before the zip moves the directory by as much as it moves
    // every local header; a directory that sits where it says is read
    // unshifted.
    for shift in [shift, 0] {
        let mut sig = [0u8; 4];
        if file.read_exact_at(&mut sig, offset + shift).is_ok() && &sig == CENTRAL_SIG {
            return Ok(Directory {
                entries,
                start: offset + shift,
                size,
                shift,
            });
        }
    }
    Err(format!(
        "no central directory header where its end record says one is (offset {offset})"
    ))
}

fn multi_disk() -> String {
    "it is one part of a multi-disk (spanned) zip, which this tool does not read".to_string()
}

/// The zip64 end record, where the locator says or (data before the zip)
/// just before the locator.
fn zip64_record(
    file: &SharedFile,
    declared: u64,
    locator_at: u64,
) -> Result<([u8; ZIP64_EOCD_LEN as usize], u64), String> {
    let mut record = [0u8; ZIP64_EOCD_LEN as usize];
    let before_locator = locator_at.checked_sub(ZIP64_EOCD_LEN);
    for at in [Some(declared), before_locator].into_iter().flatten() {
        if at
            .checked_add(ZIP64_EOCD_LEN)
            .is_some_and(|e| e <= locator_at)
            && file.read_exact_at(&mut record, at).is_ok()
            && &record[..4] == ZIP64_EOCD_SIG
        {
            return Ok((record, at));
        }
    }
    Err(format!(
        "its zip64 end-of-central-directory record (offset {declared}) is missing or damaged"
    ))
}

/// One central directory record, as much of it as the archive layer uses.
/// `name` borrows the reader's buffer until the next record.
pub(super) struct Record<'a> {
    pub(super) version_made_by: u16,
    pub(super) flags: u16,
    pub(super) method: u16,
    pub(super) crc: u32,
    pub(super) compressed: u64,
    pub(super) size: u64,
    pub(super) external: u32,
    /// Local header offset, shifted by the data before the zip.
    pub(super) header: u64,
    /// Raw name bytes; the Unicode Path extra field's name when it is
    /// present and matches, as the zip crate did.
    pub(super) name: &'a [u8],
}

/// Streams the central directory's records through a buffer, never
/// reading past its declared size.
pub(super) struct Records {
    reader: BufReader<Take<SharedFile>>,
    shift: u64,
    name: Vec<u8>,
    extra: Vec<u8>,
}

impl Records {
    pub(super) fn new(file: &SharedFile, dir: &Directory) -> io::Result<Records> {
        let mut f = file.clone();
        f.seek(SeekFrom::Start(dir.start))?;
        Ok(Records {
            reader: BufReader::with_capacity(64 << 10, f.take(dir.size)),
            shift: dir.shift,
            name: Vec::new(),
            extra: Vec::new(),
        })
    }

    /// The next record; `Err` says why it cannot be read.
    pub(super) fn next(&mut self) -> Result<Record<'_>, String> {
        let mut fixed = [0u8; CENTRAL_LEN];
        self.reader.read_exact(&mut fixed).map_err(short)?;
        if &fixed[..4] != CENTRAL_SIG {
            return Err("a record has no central directory header signature".into());
        }
        let name_len = usize::from(u16_at(&fixed, 28));
        let extra_len = usize::from(u16_at(&fixed, 30));
        let comment_len = u16_at(&fixed, 32);
        self.name.resize(name_len, 0);
        self.reader.read_exact(&mut self.name).map_err(short)?;
        self.extra.resize(extra_len, 0);
        self.reader.read_exact(&mut self.extra).map_err(short)?;
        let skipped = io::copy(
            &mut (&mut self.reader).take(u64::from(comment_len)),
            &mut io::sink(),
        )
        .map_err(short)?;
        if skipped != u64::from(comment_len) {
            return Err(short(io::ErrorKind::UnexpectedEof.into()));
        }
        let size32 = u32_at(&fixed, 24);
        let compressed32 = u32_at(&fixed, 20);
        let header32 = u32_at(&fixed, 42);
        let mut size = u64::from(size32);
        let mut compressed = u64::from(compressed32);
        let mut header = u64::from(header32);
        let mut unicode_name = None;
        let mut pos = 0usize;
        while let Some(head) = self.extra.get(pos..pos + 4) {
            let id = u16_at(head, 0);
            let n = usize::from(u16_at(head, 2));
            let Some(body) = self.extra.get(pos + 4..pos + 4 + n) else {
                // A damaged optional field ends the list; a zip64 field a
                // sentinel needed would have come first in any writer.
                break;
            };
            match id {
                0x0001 => {
                    // Only the fields whose 32-bit slot holds the sentinel
                    // are present, in this order (APPNOTE 4.5.3).
                    let mut at = 0;
                    let mut take = |wanted: bool, into: &mut u64| -> Result<(), String> {
                        if wanted {
                            if at + 8 > body.len() {
                                return Err("a record's zip64 extra field is truncated".into());
                            }
                            *into = u64_at(body, at);
                            at += 8;
                        }
                        Ok(())
                    };
                    take(size32 == SENTINEL, &mut size)?;
                    take(compressed32 == SENTINEL, &mut compressed)?;
                    take(header32 == SENTINEL, &mut header)?;
                }
                // Info-ZIP Unicode Path (version byte, CRC-32 of the
                // header's name, UTF-8 name): used when the CRC matches and
                // the name is UTF-8, as the zip crate did.
                0x7075
                    if body.len() >= 5
                        && u32_at(body, 1) == crc32fast::hash(&self.name)
                        && std::str::from_utf8(&body[5..]).is_ok() =>
                {
                    unicode_name = Some(pos + 9..pos + 4 + n);
                }
                _ => {}
            }
            pos += 4 + n;
        }
        let header = header
            .checked_add(self.shift)
            .ok_or("a record's local header offset overflows")?;
        let name = match unicode_name {
            Some(r) => self.extra.get(r).unwrap_or(&self.name[..]),
            None => &self.name[..],
        };
        Ok(Record {
            version_made_by: u16_at(&fixed, 4),
            flags: u16_at(&fixed, 8),
            method: u16_at(&fixed, 10),
            crc: u32_at(&fixed, 16),
            compressed,
            size,
            external: u32_at(&fixed, 38),
            header,
            name,
        })
    }
}

fn short(e: io::Error) -> String {
    if e.kind() == io::ErrorKind::UnexpectedEof {
        "the central directory ends in the middle of a record (truncated)".into()
    } else {
        format!("the central directory cannot be read ({e})")
    }
}

//! Zip backing: the central directory is streamed once (zipped/central.rs)
//! and each entry is checked against the limits before anything is
//! inflated. Per readable entry only a 16-byte location is kept here; its
//! name and sizes are in the archive's entry list.

mod central;
mod cp437;
#[cfg(test)]
mod tests;

use super::shared_file::SharedFile;
use super::{Bounded, Entry, EntryList, Limits, Listing, Refused};
use crate::error::{Error, Result};
use central::{CENTRAL_LEN, LOCAL_LEN, LOCAL_SIG};
use std::borrow::Cow;
use std::io::{self, BufReader, Read};
use std::path::{Component, Path};

const STORED: u16 = 0;
const DEFLATED: u16 = 8;
const DEFLATE64: u16 = 9;
/// General-purpose flag bit 0.
const ENCRYPTED: u16 = 1;
/// Unix file type bits of a symbolic link (S_IFLNK).
const S_IFLNK: u32 = 0o120000;
/// "Version made by" host numbers (APPNOTE 4.4.2).
const HOST_DOS: u16 = 0;

/// Where one readable entry's data is and how to decode it: 16 bytes, as
/// a million of these may be held (docs/ARCHITECTURE.md, "Bounded memory").
/// Its compressed size is the entry list's (`Entry::compressed`), not
/// repeated here.
#[derive(Clone, Copy)]
struct Location {
    /// Where the entry's data starts, after its local header (read once,
    /// when the archive is opened).
    data: u64,
    crc: u32,
    method: u16,
    flags: u16,
}

const _: () = assert!(std::mem::size_of::<Location>() == 16);

pub(crate) struct Zip {
    file: SharedFile,
    /// Indexed by `Entry::index`.
    locations: Vec<Location>,
}

fn not_readable(path: &Path, why: &str) -> Error {
    Error::Archive(format!(
        "{} is not a readable zip archive: {why}",
        path.display()
    ))
}

impl Zip {
    pub(crate) fn open(path: &Path, limits: &Limits) -> Result<(Zip, EntryList, Vec<Refused>)> {
        let file = std::fs::File::open(path)
            .map_err(|e| Error::Archive(format!("{}: {e}", path.display())))?;
        let file = SharedFile::new(file)
            .map_err(|e| Error::Archive(format!("{}: {e}", path.display())))?;
        let dir = central::find_directory(&file).map_err(|why| not_readable(path, &why))?;
        let mut records = central::Records::new(&file, &dir).map_err(|e| {
            not_readable(path, &format!("its central directory cannot be read ({e})"))
        })?;
        // The directory says how many entries there are and how many bytes
        // their records take (46 bytes each, then the name): room for
        // both is made once, bounded by what the directory can hold.
        let count = dir
            .entries
            .min(dir.size / CENTRAL_LEN as u64)
            .min(u64::try_from(limits.max_entries).unwrap_or(u64::MAX));
        let name_bytes = dir
            .size
            .saturating_sub(count.saturating_mul(CENTRAL_LEN as u64));
        let count = usize::try_from(count).unwrap_or(0);
        let mut listing =
            Listing::with_capacity(limits, count, usize::try_from(name_bytes).unwrap_or(0));
        let mut locations = Vec::with_capacity(count);
        // Only for finding duplicates, then dropped.
        let mut dirs = Vec::new();
        for k in 0..dir.entries {
            let r = records.next().map_err(|why| {
                not_readable(
                    path,
                    &format!(
                        "entry {} of {} in its central directory: {why}",
                        k + 1,
                        dir.entries
                    ),
                )
            })?;
            let name = decode_name(r.name);
            if matches!(r.name.last(), Some(b'/' | b'\\')) {
                dirs.push(name.into_owned());
                continue;
            }
            let data = data_start(&file, r.header);
            let reason = if let Err(why) = &data {
                Some(format!("unreadable zip entry header: {why}"))
            } else if !is_safe_name(&name) {
                Some("unsafe entry name (absolute path or `..`); not read".to_string())
            } else if is_symlink(r.version_made_by, r.external) {
                Some("symbolic link entry; not followed".to_string())
            } else if r.flags & ENCRYPTED != 0 {
                Some("encrypted entry; cannot be read without the password".to_string())
            } else if !matches!(r.method, STORED | DEFLATED | DEFLATE64) {
                // `Unsupported(n)`: as the zip crate named it, so reports keep their text.
                Some(format!(
                    "unsupported compression method Unsupported({}) (Stored, Deflate and Deflate64 are supported)",
                    r.method
                ))
            } else {
                None
            };
            let admitted = listing.add(&name, r.size, r.compressed, locations.len(), reason);
            if let (true, Ok(data)) = (admitted, data) {
                locations.push(Location {
                    data,
                    crc: r.crc,
                    method: r.method,
                    flags: r.flags,
                });
            }
        }
        drop(records);
        locations.shrink_to_fit();
        if has_duplicates(&mut listing, dirs) {
            listing.refuse(
                String::new(),
                0,
                "the zip lists some entry names more than once; only one copy of each was read"
                    .into(),
            );
        }
        let (entries, refused) = listing.finish();
        Ok((Zip { file, locations }, entries, refused))
    }

    fn location(&self, entry: &Entry<'_>) -> Result<Location> {
        match self.locations.get(entry.index as usize) {
            Some(loc) if loc.flags & ENCRYPTED == 0 => Ok(*loc),
            // Open admits no encrypted entry; this guards the index.
            _ => Err(Error::Archive(format!(
                "cannot open zip entry {}: not a readable entry of this zip",
                entry.name
            ))),
        }
    }

    /// Where the entry's data starts, checked to lie within the file; the
    /// error names the entry.
    fn data_start(&self, entry: &Entry<'_>, loc: &Location) -> Result<u64> {
        if loc
            .data
            .checked_add(entry.compressed)
            .is_none_or(|end| end > self.file.len())
        {
            return Err(Error::Archive(format!(
                "cannot open zip entry {}: its {} bytes of data run past the end of the file",
                entry.name, entry.compressed
            )));
        }
        Ok(loc.data)
    }

    /// Streams the entry's decompressed bytes, checked at their end against
    /// the declared size and CRC-32, so a damaged entry fails rather than
    /// passing as evidence.
    pub(crate) fn with_entry<T>(
        &self,
        entry: &Entry<'_>,
        budget: u64,
        f: impl FnOnce(&mut dyn Read) -> T,
    ) -> Result<T> {
        let loc = self.location(entry)?;
        let start = self.data_start(entry, &loc)?;
        let raw = BufReader::new(self.file.window(start, entry.compressed));
        let decoded: Box<dyn Read> = match loc.method {
            DEFLATED => Box::new(flate2::bufread::DeflateDecoder::new(raw)),
            DEFLATE64 => Box::new(deflate64::Deflate64Decoder::with_buffer(raw)),
            _ => Box::new(raw),
        };
        let checked = Checked {
            inner: decoded,
            hasher: crc32fast::Hasher::new(),
            read: 0,
            size: entry.size,
            crc: loc.crc,
        };
        let mut bounded = Bounded::new(checked, budget);
        Ok(f(&mut bounded))
    }

    /// A stored (uncompressed) entry with seeking; `Ok(None)` for any
    /// other method. A stored entry's data is its compressed size, so no
    /// inflate budget applies. Seeking rules out a CRC check.
    pub(crate) fn with_stored_entry<T>(
        &self,
        entry: &Entry<'_>,
        f: impl FnOnce(&mut dyn super::ReadSeek) -> T,
    ) -> Result<Option<T>> {
        let loc = self.location(entry)?;
        if loc.method != STORED {
            return Ok(None);
        }
        let mut window = self
            .file
            .window(self.data_start(entry, &loc)?, entry.compressed);
        Ok(Some(f(&mut window)))
    }
}

/// Where the entry's data starts: after its local header, whose own name
/// and extra field lengths may differ from the central directory's.
fn data_start(file: &SharedFile, header: u64) -> std::result::Result<u64, String> {
    let mut h = [0u8; LOCAL_LEN as usize];
    file.read_exact_at(&mut h, header).map_err(|e| {
        if e.kind() == io::ErrorKind::UnexpectedEof {
            format!(
                "its local header (offset {header}) lies past the end of the file ({} bytes)",
                file.len()
            )
        } else {
            format!("its local header (offset {header}) cannot be read ({e})")
        }
    })?;
    if &h[..4] != LOCAL_SIG {
        return Err(format!(
            "no local header signature at offset {header} (damaged zip)"
        ));
    }
    let names = u64::from(u16::from_le_bytes([h[26], h[27]]))
        + u64::from(u16::from_le_bytes([h[28], h[29]]));
    header
        .checked_add(LOCAL_LEN + names)
        .ok_or_else(|| format!("its local header offset {header} overflows"))
}

/// UTF-8 whenever the bytes are UTF-8 (flagged by bit 11 or not), else
/// code page 437: what the zip crate's reading gave. CP437 maps every
/// byte, so no name is ever lossy.
fn decode_name(raw: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(raw) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => Cow::Owned(cp437::decode(raw)),
    }
}

/// Unix file type bits in the external attributes' high half: read for any
/// host but DOS (whose attributes have no such half), as the zip crate did.
fn is_symlink(version_made_by: u16, external: u32) -> bool {
    let mode = external >> 16;
    external != 0 && version_made_by >> 8 != HOST_DOS && mode & S_IFLNK == S_IFLNK
}

/// Whether any name occurs twice among the entries, the refused and the
/// folders. Sorts the entries so that, of equal names, the copy listed
/// last comes first and is the one `Listing::finish` keeps (the zip crate
/// kept the last copy's data).
fn has_duplicates(listing: &mut Listing, mut dirs: Vec<String>) -> bool {
    listing.entries.sort(|a, b| b.index.cmp(&a.index));
    listing.refused.sort_by(|a, b| a.name.cmp(&b.name));
    dirs.sort_unstable();
    let entries = &listing.entries;
    let refused = &listing.refused;
    let twice = entries
        .iter()
        .zip(entries.iter().skip(1))
        .any(|(a, b)| a.name == b.name)
        || refused.windows(2).any(|w| w[0].name == w[1].name)
        || dirs.windows(2).any(|w| w[0] == w[1]);
    if twice {
        return true;
    }
    // Both sorted: one merge finds a name in both.
    let (mut i, mut j) = (0, 0);
    while let (Some(e), Some(r)) = (entries.get(i), refused.get(j)) {
        match e.name.cmp_str(&r.name) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Counts and hashes what comes out; at the end of the stream, fails if
/// the size or CRC-32 differs from the central directory's.
struct Checked<R> {
    inner: R,
    hasher: crc32fast::Hasher,
    read: u64,
    size: u64,
    crc: u32,
}

impl<R: Read> Read for Checked<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 && !buf.is_empty() {
            if self.read != self.size {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!(
                        "the entry ended after {} of its declared {} bytes (damaged zip entry)",
                        self.read, self.size
                    ),
                ));
            }
            let crc = self.hasher.clone().finalize();
            if crc != self.crc {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!(
                        "CRC-32 mismatch (read {crc:08x}, the zip records {:08x}): the entry is damaged or altered",
                        self.crc
                    ),
                ));
            }
            return Ok(0);
        }
        self.read = self.read.saturating_add(n as u64);
        if self.read > self.size {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "the entry holds more than its declared {} bytes (damaged zip entry)",
                    self.size
                ),
            ));
        }
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}

/// Relative, no `..`, no drive or root, no NUL, no backslash tricks.
pub(crate) fn is_safe_name(name: &str) -> bool {
    if name.is_empty() || name.contains('\0') || name.contains('\\') || name.starts_with('/') {
        return false;
    }
    if name.len() >= 2 && name.as_bytes()[1] == b':' {
        return false;
    }
    Path::new(name)
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

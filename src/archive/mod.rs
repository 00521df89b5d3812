//! Opening a zip or an extracted folder uniformly, without extracting
//! anything to disk. Every hostile-input limit lives here, once: entry
//! count, declared and actual inflated size, compression ratio, unsafe
//! names, encryption, unsupported methods, symlinks. An entry that breaks a
//! limit is *refused*: it is listed with the reason, so coverage can report
//! it, and never handed to a reader.

mod dir;
mod limits;
mod shared_file;
mod zipped;

pub use limits::Limits;

use crate::error::{Error, Result};
use std::io::{Read, Seek};
use std::path::{Path, PathBuf};

/// `Read + Seek` as one trait object.
pub trait ReadSeek: Read + Seek {}
impl<T: Read + Seek> ReadSeek for T {}

/// One readable file inside an archive. `name` is the path relative to the
/// archive root with `/` separators.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryInfo {
    pub name: String,
    /// Declared (zip) or actual (folder) uncompressed size in bytes.
    pub size: u64,
    /// Compressed size in the zip; equal to `size` for folders.
    pub compressed: u64,
    /// Where the zip backing keeps its location (zipped.rs); `u32`, like
    /// `part`, since a million of these may be held
    /// (docs/ARCHITECTURE.md, "Bounded memory").
    index: u32,
    /// Which zip of a split export holds it (0 otherwise).
    part: u32,
}

/// An entry the archive layer would not hand to a reader, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    pub name: String,
    pub bytes: u64,
    pub reason: String,
}

enum Backing {
    Zip(zipped::Zip),
    Dir(PathBuf),
    /// A single file that is not a zip (e.g. a WhatsApp `_chat.txt` given
    /// on its own): an archive of one entry, named by the file name.
    File(PathBuf),
    /// An export split over several zips (`…_part_1.zip`, `…_part_2.zip`),
    /// read as one archive so a post in one part finds its photo in
    /// another. Entries of the first part keep their names; those of the
    /// others are named `<part's file name>/<entry>`.
    Parts(Vec<zipped::Zip>),
}

pub struct Archive {
    path: PathBuf,
    backing: Backing,
    entries: Vec<EntryInfo>,
    refused: Vec<Refused>,
    limits: Limits,
    /// Told how many bytes each read of an entry returned (the scan's
    /// progress by bytes read); `None` when nobody is watching.
    on_read: Option<OnRead>,
}

/// A callback told the number of bytes each read of an entry returned.
pub type OnRead = std::sync::Arc<dyn Fn(u64) + Send + Sync>;

/// Passes reads through, telling `on_read` how many bytes each returned.
struct Counted<'a> {
    inner: &'a mut dyn Read,
    on_read: &'a OnRead,
}

impl Read for Counted<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        (self.on_read)(n as u64);
        Ok(n)
    }
}

impl Archive {
    /// Opens a zip file or a folder; any other file (not named `.zip` and
    /// not starting with a zip signature) is opened as an archive of one
    /// entry. The error is one sentence naming the file.
    pub fn open(path: &Path, limits: &Limits) -> Result<Archive> {
        let meta = std::fs::metadata(path)
            .map_err(|e| Error::Archive(format!("{}: {e}", path.display())))?;
        let (backing, entries, refused) = if meta.is_dir() {
            let (entries, refused) = dir::list(path, limits)?;
            (Backing::Dir(path.to_path_buf()), entries, refused)
        } else if !looks_like_zip(path) {
            let (entries, refused) = dir::list_file(path, meta.len(), limits);
            (Backing::File(path.to_path_buf()), entries, refused)
        } else {
            let (zip, entries, refused) = zipped::Zip::open(path, limits)?;
            (Backing::Zip(zip), entries, refused)
        };
        Ok(Archive {
            path: path.to_path_buf(),
            backing,
            entries,
            refused,
            limits: limits.clone(),
            on_read: None,
        })
    }

    /// Opens the zips of one split export, in part order, as one archive.
    /// A later part that cannot be opened is one refused entry; the first
    /// part's failure is the archive's.
    pub fn open_parts(paths: &[PathBuf], limits: &Limits) -> Result<Archive> {
        let (Some(first), true) = (paths.first(), paths.len() > 1) else {
            return Archive::open(paths.first().map_or(Path::new(""), |p| p), limits);
        };
        let mut zips = Vec::new();
        let mut entries = Vec::new();
        let mut refused = Vec::new();
        for (k, p) in paths.iter().enumerate() {
            let prefix = if k == 0 {
                String::new()
            } else {
                format!("{}/", p.file_name().unwrap_or_default().to_string_lossy())
            };
            let (zip, es, rs) = match zipped::Zip::open(p, limits) {
                Ok(z) => z,
                Err(e) if k > 0 => {
                    refused.push(Refused {
                        name: prefix.trim_end_matches('/').to_string(),
                        bytes: 0,
                        reason: e.to_string(),
                    });
                    continue;
                }
                Err(e) => return Err(e),
            };
            let part = zips.len() as u32;
            zips.push(zip);
            entries.extend(es.into_iter().map(|e| EntryInfo {
                name: format!("{prefix}{}", e.name),
                part,
                ..e
            }));
            refused.extend(rs.into_iter().map(|r| Refused {
                name: format!("{prefix}{}", r.name),
                ..r
            }));
        }
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        entries.dedup_by(|b, a| a.name == b.name);
        refused.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(Archive {
            path: first.clone(),
            backing: Backing::Parts(zips),
            entries,
            refused,
            limits: limits.clone(),
            on_read: None,
        })
    }

    /// From now on, tell `on_read` the bytes every entry read returns
    /// (decompressed bytes, as the entry sizes are).
    pub fn count_reads(&mut self, on_read: OnRead) {
        self.on_read = Some(on_read);
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn is_zip(&self) -> bool {
        matches!(self.backing, Backing::Zip(_) | Backing::Parts(_))
    }

    /// Closes the archive and gives up its entry list.
    pub fn into_entries(self) -> Vec<EntryInfo> {
        self.entries
    }

    /// Readable entries, sorted by name.
    pub fn entries(&self) -> &[EntryInfo] {
        &self.entries
    }

    pub fn entry(&self, name: &str) -> Option<&EntryInfo> {
        self.index_of(name).map(|i| &self.entries[i])
    }

    /// Where the entry named `name` is in [`Archive::entries`]: an index
    /// is what to keep per entry where there may be a million of them.
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.entries
            .binary_search_by(|e| e.name.as_str().cmp(name))
            .ok()
    }

    /// Entries refused at open time, sorted by name.
    pub fn refused(&self) -> &[Refused] {
        &self.refused
    }

    /// Streams one entry through `f`. The reader errors (an `io::Error`
    /// whose message says why) if the entry inflates past the limits, so a
    /// lying size header cannot exhaust memory.
    pub fn with_entry<T>(
        &self,
        entry: &EntryInfo,
        f: impl FnOnce(&mut dyn Read) -> T,
    ) -> Result<T> {
        let budget = self.limits.budget(entry.compressed);
        let f = |r: &mut dyn Read| match &self.on_read {
            Some(on_read) => f(&mut Counted { inner: r, on_read }),
            None => f(r),
        };
        match &self.backing {
            Backing::Zip(zip) => zip.with_entry(entry, budget, f),
            Backing::Dir(root) => dir::with_entry(root, &entry.name, budget, f),
            Backing::File(path) => dir::with_file(path, budget, f),
            Backing::Parts(zips) => match zips.get(entry.part as usize) {
                Some(zip) => zip.with_entry(entry, budget, f),
                None => Err(Error::Archive(format!("{}: no such part", entry.name))),
            },
        }
    }

    /// Streams one entry through `f` with seeking, where that needs no
    /// inflating: a file in a folder, or a zip entry stored without
    /// compression. `Ok(None)` for a compressed zip entry, which only
    /// [`Archive::with_entry`] can read. For readers that need a few parts
    /// of a large entry (a video's metadata after its media data).
    pub fn with_entry_seekable<T>(
        &self,
        entry: &EntryInfo,
        f: impl FnOnce(&mut dyn ReadSeek) -> T,
    ) -> Result<Option<T>> {
        match &self.backing {
            Backing::Zip(zip) => zip.with_stored_entry(entry, f),
            Backing::Dir(root) => dir::with_seekable(&root.join(&entry.name), f).map(Some),
            Backing::File(path) => dir::with_seekable(path, f).map(Some),
            Backing::Parts(zips) => match zips.get(entry.part as usize) {
                Some(zip) => zip.with_stored_entry(entry, f),
                None => Err(Error::Archive(format!("{}: no such part", entry.name))),
            },
        }
    }

    /// Reads a whole entry into memory, refusing more than `max` bytes.
    pub fn read(&self, entry: &EntryInfo, max: u64) -> Result<Vec<u8>> {
        if entry.size > max {
            return Err(Error::Archive(format!(
                "{} is {} bytes, more than the {} this reader loads whole",
                entry.name, entry.size, max
            )));
        }
        self.with_entry(entry, |r| {
            let mut buf = Vec::with_capacity(entry.size.min(max) as usize);
            r.take(max + 1).read_to_end(&mut buf).map(|_| buf)
        })?
        .map_err(|e| Error::Archive(format!("{}: {e}", entry.name)))
        .and_then(|buf| {
            if buf.len() as u64 > max {
                Err(Error::Archive(format!(
                    "{} is larger than {} bytes",
                    entry.name, max
                )))
            } else {
                Ok(buf)
            }
        })
    }
}

/// A file is read as a zip when its name ends in `.zip` (so a damaged zip
/// is still reported as one) or it starts with a zip signature.
fn looks_like_zip(path: &Path) -> bool {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
    {
        return true;
    }
    let mut head = [0u8; 4];
    match std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut head)) {
        Ok(()) => head == *b"PK\x03\x04" || head == *b"PK\x05\x06",
        // Unreadable or shorter than a signature: let the zip reader say why.
        Err(e) => e.kind() != std::io::ErrorKind::UnexpectedEof,
    }
}

/// The one place an entry is admitted or refused, for zips and folders
/// alike: a reason already found by the backing (unsafe name, encryption…)
/// wins, then the entry count, then the size and ratio limits.
pub(crate) struct Listing<'a> {
    pub(crate) limits: &'a Limits,
    pub(crate) entries: Vec<EntryInfo>,
    pub(crate) refused: Vec<Refused>,
}

impl<'a> Listing<'a> {
    pub(crate) fn new(limits: &'a Limits) -> Self {
        Listing {
            limits,
            entries: Vec::new(),
            refused: Vec::new(),
        }
    }

    pub(crate) fn refuse(&mut self, name: String, bytes: u64, reason: String) {
        self.refused.push(Refused {
            name,
            bytes,
            reason,
        });
    }

    pub(crate) fn add(
        &mut self,
        name: String,
        size: u64,
        compressed: u64,
        index: usize,
        reason: Option<String>,
    ) {
        let reason = reason.or_else(|| {
            if self.entries.len() >= self.limits.max_entries {
                Some(format!(
                    "more than {} entries in one archive; the rest are not read",
                    self.limits.max_entries
                ))
            } else {
                self.limits.refuse(size, compressed)
            }
        });
        match (reason, u32::try_from(index)) {
            (Some(reason), _) => self.refuse(name, size, reason),
            (None, Err(_)) => self.refuse(
                name,
                size,
                format!(
                    "entry number {index} is past the {} this tool lists",
                    u32::MAX
                ),
            ),
            (None, Ok(index)) => self.entries.push(EntryInfo {
                name,
                size,
                compressed,
                index,
                part: 0,
            }),
        }
    }

    /// Sorted by name, duplicates (a zip may list a name twice) dropped.
    pub(crate) fn finish(mut self) -> (Vec<EntryInfo>, Vec<Refused>) {
        self.entries.sort_by(|a, b| a.name.cmp(&b.name));
        self.entries.dedup_by(|b, a| a.name == b.name);
        self.refused.sort_by(|a, b| a.name.cmp(&b.name));
        (self.entries, self.refused)
    }
}

/// A reader that fails once more than `budget` bytes have come out of it.
pub(crate) struct Bounded<R> {
    inner: R,
    read: u64,
    budget: u64,
}

impl<R: Read> Bounded<R> {
    pub(crate) fn new(inner: R, budget: u64) -> Self {
        Bounded {
            inner,
            read: 0,
            budget,
        }
    }
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > self.budget {
            return Err(std::io::Error::other(format!(
                "inflated past {} bytes (size or compression-ratio limit; possible zip bomb)",
                self.budget
            )));
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests;

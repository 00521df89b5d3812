//! Opening a zip or an extracted folder uniformly, without extracting
//! anything to disk. Every hostile-input limit lives here, once: entry
//! count, declared and actual inflated size, compression ratio, unsafe
//! names, encryption, unsupported methods, symlinks. An entry that breaks a
//! limit is *refused*: it is listed with the reason, so coverage can report
//! it, and never handed to a reader.

mod dir;
mod limits;
mod name;
mod shared_file;
mod zipped;

pub use limits::Limits;
pub use name::Name;

use crate::error::{Error, Result};
use std::collections::HashMap;
use std::io::{Read, Seek};
use std::path::{Path, PathBuf};

/// `Read + Seek` as one trait object.
pub trait ReadSeek: Read + Seek {}
impl<T: Read + Seek> ReadSeek for T {}

/// One readable file inside an archive, as [`Archive::entries`] lists it:
/// a copy of its sizes and a borrow of its name. `name` is the path
/// relative to the archive root with `/` separators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry<'a> {
    pub name: Name<'a>,
    /// Declared (zip) or actual (folder) uncompressed size in bytes.
    pub size: u64,
    /// Compressed size in the zip; equal to `size` for folders.
    pub compressed: u64,
    /// Its place in the archive's entry list.
    position: u32,
    /// Where the zip backing keeps its location (zipped.rs).
    index: u32,
    /// Which zip of a split export holds it (0 otherwise).
    part: u32,
}

impl Entry<'_> {
    /// Its place in [`Archive::entries`]: what to keep per entry where
    /// there may be a million of them.
    pub fn position(&self) -> usize {
        self.position as usize
    }
}

/// An archive's readable entries, sorted by name. A million of them may
/// be held (docs/ARCHITECTURE.md, "Bounded memory"), so no entry is an
/// allocation of its own: each folder is held once for the entries
/// listed one after another in it, the base names end to end in one
/// string, and each entry is 24 bytes that say where its name is. The
/// sizes are 32-bit; the few of 4 GiB or more are kept aside.
#[derive(Debug)]
pub struct EntryList {
    listed: Vec<Listed>,
    /// Every base name, each followed by `/` (which no base name holds):
    /// where one ends when its length does not fit in `Listed`.
    bases: String,
    /// The folders (each empty or ending in `/`), end to end.
    folders: String,
    /// Folder `k` is `folders[folder_at[k]..folder_at[k + 1]]`.
    folder_at: Vec<u32>,
    /// Sizes and compressed sizes of entries whose `Listed` says
    /// [`WIDE`], by part and index (one entry each).
    wide: HashMap<(u32, u32), (u64, u64)>,
}

#[derive(Clone, Copy, Debug)]
struct Listed {
    /// [`WIDE`] when either size does not fit below it.
    size: u32,
    compressed: u32,
    /// Where the base name is in [`EntryList::bases`].
    base_at: u32,
    /// Its folder in [`EntryList::folder_at`].
    folder: u32,
    /// Unique within its part: a zip's entries by their location, a
    /// folder's as listed.
    index: u32,
    part: u16,
    /// The base name's length, or [`LONG`].
    base_len: u16,
}

const _: () = assert!(std::mem::size_of::<Listed>() == 24);

/// The `base_len` of a base name of `u16::MAX` bytes or more, which ends
/// at its `/` in [`EntryList::bases`] instead. A zip's names are shorter
/// (a 16-bit length) and so is a file name on disk.
const LONG: u16 = u16::MAX;

/// The 32-bit size that says the sizes are in [`EntryList::wide`].
const WIDE: u32 = u32::MAX;

impl Listed {
    /// The size and compressed size.
    fn sizes(&self, wide: &HashMap<(u32, u32), (u64, u64)>) -> (u64, u64) {
        if self.size != WIDE {
            return (u64::from(self.size), u64::from(self.compressed));
        }
        wide.get(&(u32::from(self.part), self.index))
            .copied()
            .unwrap_or((u64::from(WIDE), u64::from(WIDE)))
    }
}

impl Default for EntryList {
    fn default() -> EntryList {
        EntryList::with_capacity(0, 0)
    }
}

impl EntryList {
    /// Room for `entries` entries and `name_bytes` bytes of names, so a
    /// listing whose size is known up front is never copied to grow.
    fn with_capacity(entries: usize, name_bytes: usize) -> EntryList {
        EntryList {
            listed: Vec::with_capacity(entries),
            bases: String::with_capacity(name_bytes),
            folders: String::new(),
            // Folder 0 is the archive root.
            folder_at: vec![0, 0],
            wide: HashMap::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.listed.len()
    }

    pub fn is_empty(&self) -> bool {
        self.listed.is_empty()
    }

    /// The entry at `position`.
    pub fn get(&self, position: usize) -> Option<Entry<'_>> {
        let l = self.listed.get(position)?;
        let (size, compressed) = l.sizes(&self.wide);
        Some(Entry {
            name: self.name(l),
            size,
            compressed,
            position: u32::try_from(position).ok()?,
            index: l.index,
            part: u32::from(l.part),
        })
    }

    pub fn iter(&self) -> Iter<'_> {
        Iter {
            list: self,
            next: 0,
            end: self.len(),
        }
    }

    /// Where the entry named `name` is (the list is sorted by name).
    pub fn position_of(&self, name: &str) -> Option<usize> {
        self.listed
            .binary_search_by(|l| self.name(l).cmp_str(name))
            .ok()
    }

    fn name(&self, l: &Listed) -> Name<'_> {
        Name::new(self.folder(l.folder), self.base(l))
    }

    fn folder(&self, folder: u32) -> &str {
        let at = |k: u32| {
            usize::try_from(k)
                .ok()
                .and_then(|k| self.folder_at.get(k))
                .map_or(0, |&a| a as usize)
        };
        self.folders
            .get(at(folder)..at(folder.saturating_add(1)))
            .unwrap_or("")
    }

    fn base(&self, l: &Listed) -> &str {
        let at = l.base_at as usize;
        if l.base_len != LONG {
            return self
                .bases
                .get(at..at.saturating_add(usize::from(l.base_len)))
                .unwrap_or("");
        }
        let rest = self.bases.get(at..).unwrap_or("");
        rest.split('/').next().unwrap_or("")
    }

    /// Appends `prefix` and `name` as one entry's name; `false` (nothing
    /// added) when the list is full: past `u32::MAX` entries, or bytes of
    /// base names or folders.
    fn push(
        &mut self,
        prefix: &str,
        name: &str,
        size: u64,
        compressed: u64,
        index: u32,
        part: u16,
    ) -> bool {
        let name = Name::whole(name);
        let (folder, base) = (name.folder(), name.base());
        self.push_parts(prefix, folder, base, size, compressed, index, part)
    }

    /// [`EntryList::push`] of a name already cut into its `folder` (empty
    /// or ending in `/`) and `base` (no `/`).
    #[allow(clippy::too_many_arguments)]
    fn push_parts(
        &mut self,
        prefix: &str,
        folder: &str,
        base: &str,
        size: u64,
        compressed: u64,
        index: u32,
        part: u16,
    ) -> bool {
        let Some(folder) = self.folder_id(prefix, folder) else {
            return false;
        };
        let fits = base
            .len()
            .checked_add(1)
            .and_then(|n| n.checked_add(self.bases.len()))
            .is_some_and(|end| u32::try_from(end).is_ok());
        let Ok(base_at) = u32::try_from(self.bases.len()) else {
            return false;
        };
        if !fits || self.listed.len() >= u32::MAX as usize {
            return false;
        }
        let narrow = (u32::try_from(size), u32::try_from(compressed));
        let (size, compressed) = match narrow {
            (Ok(s), Ok(c)) if s != WIDE => (s, c),
            _ => {
                self.wide
                    .insert((u32::from(part), index), (size, compressed));
                (WIDE, WIDE)
            }
        };
        // `u16::MAX` itself is `LONG`, so it is scanned for too.
        let base_len = u16::try_from(base.len()).unwrap_or(LONG);
        self.bases.push_str(base);
        self.bases.push('/');
        self.listed.push(Listed {
            size,
            compressed,
            base_at,
            folder,
            index,
            part,
            base_len,
        });
        true
    }

    /// The folder `prefix` + `folder`: the last one listed if it is the
    /// same (entries come folder by folder), else a new one; `None` when
    /// the folders would pass `u32::MAX` bytes or ids.
    fn folder_id(&mut self, prefix: &str, folder: &str) -> Option<u32> {
        if prefix.is_empty() && folder.is_empty() {
            return Some(0);
        }
        let last = u32::try_from(self.folder_at.len().checked_sub(2)?).ok()?;
        if name::cmp_joined([prefix, folder], [self.folder(last), ""]).is_eq() {
            return Some(last);
        }
        let end = self
            .folders
            .len()
            .checked_add(prefix.len())?
            .checked_add(folder.len())?;
        let end = u32::try_from(end).ok()?;
        let id = u32::try_from(self.folder_at.len().checked_sub(1)?).ok()?;
        self.folders.push_str(prefix);
        self.folders.push_str(folder);
        self.folder_at.push(end);
        Some(id)
    }

    /// Sorted by name, `ties` ordering equal names.
    fn sort(&mut self, ties: impl Fn(&Listed, &Listed) -> std::cmp::Ordering) {
        let mut listed = std::mem::take(&mut self.listed);
        listed.sort_unstable_by(|a, b| self.cmp_names(a, b).then(ties(a, b)));
        self.listed = listed;
    }

    /// Of each run of equal names (once sorted), only the first is kept.
    fn dedup(&mut self) {
        let mut listed = std::mem::take(&mut self.listed);
        listed.dedup_by(|b, a| self.cmp_names(a, b).is_eq());
        self.listed = listed;
    }

    fn cmp_names(&self, a: &Listed, b: &Listed) -> std::cmp::Ordering {
        if a.folder == b.folder {
            return self.base(a).cmp(self.base(b));
        }
        self.name(a).cmp(&self.name(b))
    }

    fn shrink_to_fit(&mut self) {
        self.listed.shrink_to_fit();
        self.bases.shrink_to_fit();
        self.folders.shrink_to_fit();
        self.folder_at.shrink_to_fit();
    }
}

impl<'a> IntoIterator for &'a EntryList {
    type Item = Entry<'a>;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// The entries of an [`EntryList`] in name order.
pub struct Iter<'a> {
    list: &'a EntryList,
    next: usize,
    end: usize,
}

impl<'a> Iterator for Iter<'a> {
    type Item = Entry<'a>;

    fn next(&mut self) -> Option<Entry<'a>> {
        if self.next >= self.end {
            return None;
        }
        let e = self.list.get(self.next);
        self.next += 1;
        e
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.end.saturating_sub(self.next);
        (n, Some(n))
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.next >= self.end {
            return None;
        }
        self.end -= 1;
        self.list.get(self.end)
    }
}

impl ExactSizeIterator for Iter<'_> {}

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
    entries: EntryList,
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
        let mut lists = Vec::new();
        let mut refused = Vec::new();
        for (k, p) in paths.iter().enumerate() {
            let prefix = if k == 0 {
                String::new()
            } else {
                format!("{}/", p.file_name().unwrap_or_default().to_string_lossy())
            };
            let (zip, list, rs) = match zipped::Zip::open(p, limits) {
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
            zips.push(zip);
            refused.extend(rs.into_iter().map(|r| Refused {
                name: format!("{prefix}{}", r.name),
                ..r
            }));
            lists.push((prefix, list));
        }
        // One list for all parts, its size known: each part's base names
        // and their separators; the folders are few.
        let count = lists.iter().map(|(_, l)| l.len()).sum();
        let bytes = lists
            .iter()
            .map(|(_, l)| l.bases.len())
            .fold(0usize, usize::saturating_add);
        let mut entries = EntryList::with_capacity(count, bytes);
        for (part, (prefix, list)) in lists.iter().enumerate() {
            let part = u16::try_from(part);
            for l in &list.listed {
                let name = list.name(l);
                let (size, compressed) = l.sizes(&list.wide);
                let (folder, base) = (name.folder(), name.base());
                let reason = match part {
                    Ok(part) => {
                        if entries.push_parts(prefix, folder, base, size, compressed, l.index, part)
                        {
                            continue;
                        }
                        LIST_FULL
                    }
                    Err(_) => PARTS_FULL,
                };
                refused.push(Refused {
                    name: format!("{prefix}{name}"),
                    bytes: size,
                    reason: reason.to_string(),
                });
            }
        }
        drop(lists);
        // Of a name in two parts, the earlier part's copy is kept.
        entries.sort(|a, b| a.part.cmp(&b.part));
        entries.dedup();
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
    pub fn into_entries(self) -> EntryList {
        self.entries
    }

    /// Readable entries, sorted by name.
    pub fn entries(&self) -> &EntryList {
        &self.entries
    }

    pub fn entry(&self, name: &str) -> Option<Entry<'_>> {
        self.index_of(name).and_then(|i| self.entries.get(i))
    }

    /// Where the entry named `name` is in [`Archive::entries`]: an index
    /// is what to keep per entry where there may be a million of them.
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.entries.position_of(name)
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
        entry: &Entry<'_>,
        f: impl FnOnce(&mut dyn Read) -> T,
    ) -> Result<T> {
        let budget = self.limits.budget(entry.compressed);
        let f = |r: &mut dyn Read| match &self.on_read {
            Some(on_read) => f(&mut Counted { inner: r, on_read }),
            None => f(r),
        };
        match &self.backing {
            Backing::Zip(zip) => zip.with_entry(entry, budget, f),
            Backing::Dir(root) => dir::with_entry(root, &entry.name.as_str(), budget, f),
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
        entry: &Entry<'_>,
        f: impl FnOnce(&mut dyn ReadSeek) -> T,
    ) -> Result<Option<T>> {
        match &self.backing {
            Backing::Zip(zip) => zip.with_stored_entry(entry, f),
            Backing::Dir(root) => {
                dir::with_seekable(&root.join(&*entry.name.as_str()), f).map(Some)
            }
            Backing::File(path) => dir::with_seekable(path, f).map(Some),
            Backing::Parts(zips) => match zips.get(entry.part as usize) {
                Some(zip) => zip.with_stored_entry(entry, f),
                None => Err(Error::Archive(format!("{}: no such part", entry.name))),
            },
        }
    }

    /// Reads a whole entry into memory, refusing more than `max` bytes.
    pub fn read(&self, entry: &Entry<'_>, max: u64) -> Result<Vec<u8>> {
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

/// Why an entry past the entry list's room is refused: more than
/// `u32::MAX` entries, or bytes of names, in one archive.
const LIST_FULL: &str = "the archive's entry names fill the 4 GiB this tool lists; not read";

/// Why an entry of a split export's 65,537th zip or later is refused.
const PARTS_FULL: &str =
    "the export is split into more zips than the 65,536 this tool lists; not read";

/// The one place an entry is admitted or refused, for zips and folders
/// alike: a reason already found by the backing (unsafe name, encryption…)
/// wins, then the entry count, then the size and ratio limits.
pub(crate) struct Listing<'a> {
    pub(crate) limits: &'a Limits,
    pub(crate) entries: EntryList,
    pub(crate) refused: Vec<Refused>,
}

impl<'a> Listing<'a> {
    pub(crate) fn new(limits: &'a Limits) -> Self {
        Self::with_capacity(limits, 0, 0)
    }

    /// For a listing whose size is known up front (a zip's central
    /// directory): room for `entries` and `name_bytes` of their names.
    pub(crate) fn with_capacity(limits: &'a Limits, entries: usize, name_bytes: usize) -> Self {
        Listing {
            limits,
            entries: EntryList::with_capacity(entries, name_bytes),
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

    /// Admits or refuses one entry; `true` when admitted.
    pub(crate) fn add(
        &mut self,
        name: &str,
        size: u64,
        compressed: u64,
        index: usize,
        reason: Option<String>,
    ) -> bool {
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
        let reason = match (reason, u32::try_from(index)) {
            (Some(reason), _) => reason,
            (None, Err(_)) => format!(
                "entry number {index} is past the {} this tool lists",
                u32::MAX
            ),
            (None, Ok(index)) => {
                if self.entries.push("", name, size, compressed, index, 0) {
                    return true;
                }
                LIST_FULL.to_string()
            }
        };
        self.refuse(name.to_string(), size, reason);
        false
    }

    /// Sorted by name, duplicates (a zip may list a name twice) dropped:
    /// of equal names, the one listed last (the highest index) is kept.
    pub(crate) fn finish(mut self) -> (EntryList, Vec<Refused>) {
        self.entries.sort(|a, b| b.index.cmp(&a.index));
        self.entries.dedup();
        self.entries.shrink_to_fit();
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

//! Zip backing: the central directory is read once; each entry is checked
//! against the limits before anything is inflated.

use super::shared_file::SharedFile;
use super::{Bounded, EntryInfo, Limits, Listing, Refused};
use crate::error::{Error, Result};
use std::io::Read;
use std::path::{Component, Path};
use zip::{CompressionMethod, ZipArchive};

pub(crate) struct Zip {
    archive: ZipArchive<SharedFile>,
}

impl Zip {
    pub(crate) fn open(
        path: &Path,
        limits: &Limits,
    ) -> Result<(Zip, Vec<EntryInfo>, Vec<Refused>)> {
        let file = std::fs::File::open(path)
            .map_err(|e| Error::Archive(format!("{}: {e}", path.display())))?;
        let shared = SharedFile::new(file)
            .map_err(|e| Error::Archive(format!("{}: {e}", path.display())))?;
        let mut archive = ZipArchive::new(shared).map_err(|e| {
            Error::Archive(format!(
                "{} is not a readable zip archive: {e}",
                path.display()
            ))
        })?;
        let mut listing = Listing::new(limits);
        if archive.has_duplicate_names() {
            listing.refuse(
                String::new(),
                0,
                "the zip lists some entry names more than once; only one copy of each was read"
                    .into(),
            );
        }
        for index in 0..archive.len() {
            let file = match archive.by_index_raw(index) {
                Ok(f) => f,
                Err(e) => {
                    listing.refuse(
                        format!("#{index}"),
                        0,
                        format!("unreadable zip entry header: {e}"),
                    );
                    continue;
                }
            };
            let name = match std::str::from_utf8(file.name_raw()) {
                Ok(n) => n.to_string(),
                Err(_) => match file.name() {
                    // zip falls back to CP437 for names not flagged UTF-8.
                    Ok(n) => n.into_owned(),
                    Err(_) => String::from_utf8_lossy(file.name_raw()).into_owned(),
                },
            };
            if file.is_dir() {
                continue;
            }
            let reason = if !is_safe_name(&name) {
                Some("unsafe entry name (absolute path or `..`); not read".to_string())
            } else if file.is_symlink() {
                Some("symbolic link entry; not followed".to_string())
            } else if file.encrypted() {
                Some("encrypted entry; cannot be read without the password".to_string())
            } else if !supported(file.compression()) {
                Some(format!(
                    "unsupported compression method {:?} (Stored, Deflate and Deflate64 are supported)",
                    file.compression()
                ))
            } else {
                None
            };
            listing.add(name, file.size(), file.compressed_size(), index, reason);
        }
        let (entries, refused) = listing.finish();
        Ok((Zip { archive }, entries, refused))
    }

    pub(crate) fn with_entry<T>(
        &self,
        index: usize,
        budget: u64,
        f: impl FnOnce(&mut dyn Read) -> T,
    ) -> Result<T> {
        // A clone shares the parsed central directory and the open file.
        let mut archive = self.archive.clone();
        let file = archive
            .by_index(index)
            .map_err(|e| Error::Archive(format!("cannot open zip entry: {e}")))?;
        let mut bounded = Bounded::new(file, budget);
        Ok(f(&mut bounded))
    }
}

impl Zip {
    /// A stored (uncompressed) entry with seeking; `Ok(None)` for any
    /// other method. A stored entry's data is its compressed size, so no
    /// inflate budget applies.
    pub(crate) fn with_stored_entry<T>(
        &self,
        index: usize,
        f: impl FnOnce(&mut dyn super::ReadSeek) -> T,
    ) -> Result<Option<T>> {
        let mut archive = self.archive.clone();
        let stored = archive
            .by_index_raw(index)
            .map_err(|e| Error::Archive(format!("cannot open zip entry: {e}")))?
            .compression()
            == CompressionMethod::Stored;
        if !stored {
            return Ok(None);
        }
        let mut file = archive
            .by_index_seek(index)
            .map_err(|e| Error::Archive(format!("cannot open zip entry: {e}")))?;
        Ok(Some(f(&mut file)))
    }
}

fn supported(method: CompressionMethod) -> bool {
    matches!(
        method,
        CompressionMethod::Stored | CompressionMethod::Deflated | CompressionMethod::Deflate64
    )
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

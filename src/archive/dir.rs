//! Folder backing: an extracted archive read in place. Symlinks are listed
//! as refused, never followed, so a folder cannot point the scan elsewhere.

use super::{Bounded, EntryList, Limits, Listing, Refused};
use crate::error::{Error, Result};
use std::io::Read;
use std::path::Path;

pub(crate) fn list(root: &Path, limits: &Limits) -> Result<(EntryList, Vec<Refused>)> {
    let mut listing = Listing::new(limits);
    let mut stack = vec![String::new()];
    while let Some(rel) = stack.pop() {
        let dir = if rel.is_empty() {
            root.to_path_buf()
        } else {
            root.join(&rel)
        };
        let read = match std::fs::read_dir(&dir) {
            Ok(r) => r,
            Err(e) if rel.is_empty() => {
                return Err(Error::Archive(format!("{}: {e}", root.display())));
            }
            Err(e) => {
                listing.refuse(rel.clone(), 0, format!("folder cannot be listed: {e}"));
                continue;
            }
        };
        for item in read {
            let item = match item {
                Ok(i) => i,
                Err(e) => {
                    listing.refuse(rel.clone(), 0, format!("folder entry cannot be read: {e}"));
                    continue;
                }
            };
            let file_name = item.file_name();
            let Some(file_name) = file_name.to_str() else {
                listing.refuse(
                    join(&rel, &file_name.to_string_lossy()),
                    0,
                    "file name is not valid UTF-8; not read".into(),
                );
                continue;
            };
            let name = join(&rel, file_name);
            let Ok(kind) = item.file_type() else { continue };
            if kind.is_symlink() {
                listing.refuse(name, 0, "symbolic link; not followed".into());
            } else if kind.is_dir() {
                stack.push(name);
            } else if kind.is_file() {
                let size = item.metadata().map(|m| m.len()).unwrap_or(0);
                // A folder has no compression: size and "compressed" agree.
                // Its index is its place as listed, unique as the entry
                // list's wide sizes need (src/archive/mod.rs, `Listed`).
                let index = listing.entries.len();
                listing.add(&name, size, size, index, None);
            } else {
                listing.refuse(name, 0, "not a regular file; not read".into());
            }
        }
    }
    Ok(listing.finish())
}

/// The listing of a single-file archive: one entry named by the file name.
pub(crate) fn list_file(path: &Path, size: u64, limits: &Limits) -> (EntryList, Vec<Refused>) {
    let mut listing = Listing::new(limits);
    match path.file_name().and_then(|n| n.to_str()) {
        Some(name) => {
            listing.add(name, size, size, 0, None);
        }
        None => listing.refuse(
            path.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            size,
            "file name is not valid UTF-8; not read".into(),
        ),
    }
    listing.finish()
}

pub(crate) fn with_file<T>(
    path: &Path,
    budget: u64,
    f: impl FnOnce(&mut dyn Read) -> T,
) -> Result<T> {
    let file =
        std::fs::File::open(path).map_err(|e| Error::Archive(format!("cannot open: {e}")))?;
    let mut bounded = Bounded::new(
        std::io::BufReader::with_capacity(1 << 16, file),
        budget.max(1),
    );
    Ok(f(&mut bounded))
}

/// A file with seeking; reads stop at its end, so no budget is needed.
pub(crate) fn with_seekable<T>(
    path: &Path,
    f: impl FnOnce(&mut dyn super::ReadSeek) -> T,
) -> Result<T> {
    let file =
        std::fs::File::open(path).map_err(|e| Error::Archive(format!("cannot open: {e}")))?;
    let mut buffered = std::io::BufReader::with_capacity(1 << 16, file);
    Ok(f(&mut buffered))
}

fn join(rel: &str, name: &str) -> String {
    if rel.is_empty() {
        name.to_string()
    } else {
        format!("{rel}/{name}")
    }
}

pub(crate) fn with_entry<T>(
    root: &Path,
    name: &str,
    budget: u64,
    f: impl FnOnce(&mut dyn Read) -> T,
) -> Result<T> {
    let file = std::fs::File::open(root.join(name))
        .map_err(|e| Error::Archive(format!("cannot open: {e}")))?;
    // Folders have no compression ratio; the budget is the size limit.
    let mut bounded = Bounded::new(
        std::io::BufReader::with_capacity(1 << 16, file),
        budget.max(1),
    );
    Ok(f(&mut bounded))
}

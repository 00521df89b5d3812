//! Folder backing: an extracted archive read in place. Symlinks are listed
//! as refused, never followed, so a folder cannot point the scan elsewhere.

use super::{Bounded, EntryInfo, Limits, Refused};
use std::io::Read;
use std::path::Path;

pub(crate) fn list(root: &Path, limits: &Limits) -> Result<(Vec<EntryInfo>, Vec<Refused>), String> {
    let mut entries = Vec::new();
    let mut refused = Vec::new();
    let mut stack = vec![String::new()];
    while let Some(rel) = stack.pop() {
        let dir = if rel.is_empty() {
            root.to_path_buf()
        } else {
            root.join(&rel)
        };
        let read = match std::fs::read_dir(&dir) {
            Ok(r) => r,
            Err(e) if rel.is_empty() => return Err(format!("{}: {e}", root.display())),
            Err(e) => {
                refused.push(Refused {
                    name: rel.clone(),
                    bytes: 0,
                    reason: format!("folder cannot be listed: {e}"),
                });
                continue;
            }
        };
        for item in read {
            let item = match item {
                Ok(i) => i,
                Err(e) => {
                    refused.push(Refused {
                        name: rel.clone(),
                        bytes: 0,
                        reason: format!("folder entry cannot be read: {e}"),
                    });
                    continue;
                }
            };
            let file_name = item.file_name();
            let Some(file_name) = file_name.to_str() else {
                refused.push(Refused {
                    name: join(&rel, &file_name.to_string_lossy()),
                    bytes: 0,
                    reason: "file name is not valid UTF-8; not read".into(),
                });
                continue;
            };
            let name = join(&rel, file_name);
            let Ok(kind) = item.file_type() else { continue };
            if kind.is_symlink() {
                refused.push(Refused {
                    name,
                    bytes: 0,
                    reason: "symbolic link; not followed".into(),
                });
            } else if kind.is_dir() {
                stack.push(name);
            } else if kind.is_file() {
                let size = item.metadata().map(|m| m.len()).unwrap_or(0);
                let reason = if entries.len() >= limits.max_entries {
                    Some(format!(
                        "more than {} files in one archive folder; the rest are not read",
                        limits.max_entries
                    ))
                } else if size > limits.max_entry_bytes {
                    Some(format!(
                        "{size} bytes exceeds the {} byte limit per entry",
                        limits.max_entry_bytes
                    ))
                } else {
                    None
                };
                match reason {
                    Some(reason) => refused.push(Refused {
                        name,
                        bytes: size,
                        reason,
                    }),
                    None => entries.push(EntryInfo {
                        name,
                        size,
                        compressed: size,
                        index: 0,
                    }),
                }
            } else {
                refused.push(Refused {
                    name,
                    bytes: 0,
                    reason: "not a regular file; not read".into(),
                });
            }
        }
    }
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    refused.sort_by(|a, b| a.name.cmp(&b.name));
    Ok((entries, refused))
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
) -> Result<T, String> {
    let file = std::fs::File::open(root.join(name)).map_err(|e| format!("cannot open: {e}"))?;
    // Folders have no compression ratio; the budget is the size limit.
    let mut bounded = Bounded::new(
        std::io::BufReader::with_capacity(1 << 16, file),
        budget.max(1),
    );
    Ok(f(&mut bounded))
}

//! Turning the paths on the command line into archives to open: a zip, an
//! extracted archive folder, a single-file export (a WhatsApp chat `.txt`),
//! or a folder holding many of these.

use super::{CoverageRow, Status};
use crate::platform::Reader;
use std::path::{Path, PathBuf};

/// An archive to open: a zip file or the root folder of an extracted one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub path: PathBuf,
    /// The `archive` column: the input's name, plus the path inside it for
    /// archives found in a folder of many.
    pub display: String,
    /// Which command-line input it came from.
    pub input: usize,
    /// The zips of an export split in parts (`path` is the first), read
    /// as one archive; empty otherwise.
    pub parts: Vec<PathBuf>,
}

/// Walks the inputs. Loose files that are neither a zip nor part of a
/// recognised archive become `unknown` coverage rows; unreadable inputs
/// become `failed` rows.
pub fn discover(
    inputs: &[PathBuf],
    platforms: &[Box<dyn Reader>],
) -> (Vec<Candidate>, Vec<CoverageRow>) {
    let mut found = Vec::new();
    let mut rows = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        let display = display_name(input);
        match std::fs::metadata(input) {
            Err(e) => rows.push(CoverageRow {
                archive: display,
                entry: String::new(),
                status: Status::Failed,
                records: 0,
                findings: 0,
                bytes: 0,
                detail: format!("cannot read input: {e}"),
            }),
            Ok(m) if m.is_dir() => {
                let before = found.len();
                let mut loose = Vec::new();
                let mut parts = Vec::new();
                let mut w = Walk {
                    input: i,
                    platforms,
                    found: &mut found,
                    loose: &mut loose,
                    parts: &mut parts,
                };
                w.walk(input, &display, 0);
                if found.len() > before {
                    // Loose export documents beside other archives (a
                    // Messenger thread saved next to the zips) are read
                    // on their own rather than listed as unknown.
                    found.extend(parts);
                }
                if found.len() == before {
                    // Nothing recognised cheaply: open the folder itself so
                    // readers can look deeper and coverage lists every file.
                    found.push(Candidate {
                        path: input.clone(),
                        display,
                        input: i,
                        parts: Vec::new(),
                    });
                } else {
                    rows.extend(loose);
                }
            }
            Ok(m) => {
                let _ = m;
                found.push(Candidate {
                    path: input.clone(),
                    display,
                    input: i,
                    parts: Vec::new(),
                })
            }
        }
    }
    (found, rows)
}

const MAX_DEPTH: usize = 8;

/// One input folder being walked: what it found so far.
struct Walk<'a> {
    input: usize,
    platforms: &'a [Box<dyn Reader>],
    found: &'a mut Vec<Candidate>,
    loose: &'a mut Vec<CoverageRow>,
    /// Loose files a reader claims as one document of an export.
    parts: &'a mut Vec<Candidate>,
}

impl Walk<'_> {
    fn walk(&mut self, dir: &Path, display: &str, depth: usize) {
        let input = self.input;
        if self.platforms.iter().any(|p| p.claims_folder(dir)) {
            self.found.push(Candidate {
                path: dir.to_path_buf(),
                display: display.to_string(),
                input,
                parts: Vec::new(),
            });
            return;
        }
        let unknown = |detail: String, bytes: u64| CoverageRow {
            archive: display.to_string(),
            entry: String::new(),
            status: Status::Unknown,
            records: 0,
            findings: 0,
            bytes,
            detail,
        };
        let mut children: Vec<_> = match std::fs::read_dir(dir) {
            Ok(r) => r.filter_map(Result::ok).collect(),
            Err(e) => {
                self.loose.push(CoverageRow {
                    status: Status::Failed,
                    ..unknown(format!("cannot list folder: {e}"), 0)
                });
                return;
            }
        };
        children.sort_by_key(|c| c.file_name());
        let mut zips: Vec<(String, PathBuf)> = Vec::new();
        for child in children {
            let name = child.file_name().to_string_lossy().into_owned();
            let path = child.path();
            let child_display = format!("{display}/{name}");
            let Ok(kind) = child.file_type() else {
                continue;
            };
            if kind.is_dir() && depth < MAX_DEPTH {
                self.walk(&path, &child_display, depth + 1);
            } else if kind.is_file() && name.to_ascii_lowercase().ends_with(".zip") {
                zips.push((name, path));
            } else if kind.is_file() && self.platforms.iter().any(|p| p.claims_file(&path)) {
                self.found.push(Candidate {
                    path,
                    display: child_display,
                    input,
                    parts: Vec::new(),
                });
            } else if kind.is_file() && self.platforms.iter().any(|p| p.claims_part(&path)) {
                self.parts.push(Candidate {
                    path,
                    display: child_display,
                    input,
                    parts: Vec::new(),
                });
            } else {
                let bytes = child.metadata().map(|m| m.len()).unwrap_or(0);
                let what = if kind.is_symlink() {
                    "symbolic link; not followed"
                } else {
                    "not part of a recognised archive"
                };
                self.loose.push(CoverageRow {
                    entry: name,
                    archive: display.to_string(),
                    ..unknown(what.to_string(), bytes)
                });
            }
        }
        for group in group_parts(zips) {
            let (first, _) = &group[0];
            self.found.push(Candidate {
                path: group[0].1.clone(),
                display: format!("{display}/{first}"),
                input,
                parts: if group.len() > 1 {
                    group.iter().map(|(_, p)| p.clone()).collect()
                } else {
                    Vec::new()
                },
            });
        }
    }
}

/// `name_part_2.zip`, `name-part2.zip`, `name_part-2.zip` (any case): the
/// name without its part number, and the number.
fn split_part(file: &str) -> Option<(&str, u32)> {
    let stem = file.get(..file.len().checked_sub(4)?)?;
    if !file[stem.len()..].eq_ignore_ascii_case(".zip") {
        return None;
    }
    let digits = stem.len() - stem.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let n: u32 = stem.get(stem.len() - digits..)?.parse().ok()?;
    let before = stem[..stem.len() - digits].trim_end_matches(['_', '-']);
    let lower = before.to_ascii_lowercase();
    let base = lower.strip_suffix("part")?;
    let base = before.get(..base.len())?.trim_end_matches(['_', '-']);
    (!base.is_empty() && digits <= 3).then_some((base, n))
}

/// The zips of one folder, those of a split export (the same name with
/// part numbers, two or more of them) together and in part order; every
/// other zip alone. In file-name order, so the result is deterministic.
fn group_parts(zips: Vec<(String, PathBuf)>) -> Vec<Vec<(String, PathBuf)>> {
    let mut by_stem: std::collections::BTreeMap<String, Vec<(u32, String, PathBuf)>> =
        Default::default();
    let mut alone = Vec::new();
    for (name, path) in zips {
        match split_part(&name) {
            Some((stem, n)) => by_stem
                .entry(stem.to_string())
                .or_default()
                .push((n, name, path)),
            None => alone.push(vec![(name, path)]),
        }
    }
    for (_, mut parts) in by_stem {
        parts.sort();
        if parts.len() == 1 {
            alone.extend(parts.into_iter().map(|(_, n, p)| vec![(n, p)]));
        } else {
            alone.push(parts.into_iter().map(|(_, n, p)| (n, p)).collect());
        }
    }
    alone.sort_by(|a, b| a[0].0.cmp(&b[0].0));
    alone
}

pub fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_numbers_are_read_from_zip_names() {
        assert_eq!(
            split_part("northdale_20181016_part_2.zip"),
            Some(("northdale_20181016", 2))
        );
        assert_eq!(split_part("x-Part3.ZIP"), Some(("x", 3)));
        assert_eq!(split_part("twitter-2024-03-10.zip"), None);
        assert_eq!(split_part("part_1.zip"), None);
        assert_eq!(split_part("a.zip"), None);
        let z = |n: &str| (n.to_string(), PathBuf::from(n));
        let groups = group_parts(vec![
            z("b_part_2.zip"),
            z("a.zip"),
            z("b_part_1.zip"),
            z("c_part_1.zip"),
        ]);
        let names: Vec<Vec<&str>> = groups
            .iter()
            .map(|g| g.iter().map(|(n, _)| n.as_str()).collect())
            .collect();
        assert_eq!(
            names,
            [
                vec!["a.zip"],
                vec!["b_part_1.zip", "b_part_2.zip"],
                vec!["c_part_1.zip"]
            ]
        );
    }
}

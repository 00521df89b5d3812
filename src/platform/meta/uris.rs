//! Media `uri`s resolved to the archive's entries by base name. The
//! entries are held as their positions in the archive's list, sorted by
//! lower-case base name, not as copies of their names: an export may hold
//! a million photos (docs/ARCHITECTURE.md, "Bounded memory").

use crate::archive::{EntryList, Name};
use std::cmp::Ordering;

/// Entry positions sorted by lower-case base name, then by position.
#[derive(Debug, Default)]
pub(super) struct ByBase(Vec<u32>);

/// The file name after the last `/`.
fn base(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}

/// The base name of the entry at `position` ("" if there is none).
fn base_at(list: &EntryList, position: u32) -> &str {
    usize::try_from(position)
        .ok()
        .and_then(|p| list.get(p))
        .map_or("", |e| e.name.base())
}

/// `a.to_lowercase()` against `b.to_lowercase()`, without allocating
/// when both are ASCII (nearly every name).
fn cmp_lower(a: &str, b: &str) -> Ordering {
    if a.is_ascii() && b.is_ascii() {
        return a
            .bytes()
            .map(|c| c.to_ascii_lowercase())
            .cmp(b.bytes().map(|c| c.to_ascii_lowercase()));
    }
    a.to_lowercase().cmp(&b.to_lowercase())
}

/// `name.to_lowercase()` against `key`, already lower case.
fn cmp_to_key(name: &str, key: &str) -> Ordering {
    if name.is_ascii() {
        return name
            .bytes()
            .map(|c| c.to_ascii_lowercase())
            .cmp(key.bytes());
    }
    name.to_lowercase().as_str().cmp(key)
}

impl ByBase {
    pub(super) fn new(list: &EntryList) -> ByBase {
        // The list holds fewer than `u32::MAX` entries (archive/mod.rs).
        let mut at: Vec<u32> = (0..list.len())
            .filter_map(|p| u32::try_from(p).ok())
            .collect();
        at.sort_unstable_by(|&a, &b| cmp_lower(base_at(list, a), base_at(list, b)).then(a.cmp(&b)));
        ByBase(at)
    }

    /// The entry a media `uri` names: the one whose path is the uri or
    /// ends with it (the shortest if several), else the one sharing the
    /// longest path suffix with it.
    pub(super) fn resolve(&self, list: &EntryList, uri: &str) -> Option<String> {
        let uri = uri.trim_start_matches("./").trim_start_matches('/');
        let key = base(uri).to_lowercase();
        let from = self
            .0
            .partition_point(|&p| cmp_to_key(base_at(list, p), &key) == Ordering::Less);
        let to = self
            .0
            .partition_point(|&p| cmp_to_key(base_at(list, p), &key) != Ordering::Greater);
        // In list order, as the names were pushed before.
        let candidates: Vec<Name<'_>> = self
            .0
            .get(from..to)?
            .iter()
            .filter_map(|&p| usize::try_from(p).ok().and_then(|p| list.get(p)))
            .map(|e| e.name)
            .collect();
        if candidates.is_empty() {
            return None;
        }
        let suffix = format!("/{uri}");
        let best = candidates
            .iter()
            .filter(|c| **c == uri || c.ends_with(&suffix))
            .min_by_key(|c| c.len());
        if let Some(b) = best {
            return Some(b.to_string());
        }
        // 2023 exports: the uri's top folder does not match the real one
        // (docs/FORMATS.md, "Facebook", "Quirks handled"); take the longest
        // shared path suffix.
        let score = |c: &Name<'_>| {
            c.as_str()
                .rsplit('/')
                .zip(uri.rsplit('/'))
                .take_while(|(a, b)| a.eq_ignore_ascii_case(b))
                .count()
        };
        let max = candidates.iter().map(score).max()?;
        let top: Vec<Name<'_>> = candidates
            .iter()
            .copied()
            .filter(|c| score(c) == max)
            .collect();
        if top.len() == 1 && max >= 2 || candidates.len() == 1 {
            top.first().map(|c| c.to_string())
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::{Archive, Limits};

    #[test]
    fn comparisons_agree_with_lower_casing_whole_strings() {
        let names = [
            "A.jpg",
            "a.jpg",
            "b.JPG",
            "É.jpg",
            "é.jpg",
            "ΟΔΟΣ.jpg",
            "οδος.jpg",
            "İ.png",
            "i.png",
            "Z_1.jpg",
            "_a.jpg",
            "",
        ];
        for a in names {
            for b in names {
                let want = a.to_lowercase().cmp(&b.to_lowercase());
                assert_eq!(cmp_lower(a, b), want, "{a} {b}");
                assert_eq!(cmp_to_key(a, &b.to_lowercase()), want, "{a} {b}");
            }
        }
    }

    #[test]
    fn resolves_by_base_name_in_any_case_the_shortest_full_match_first() {
        let d = tempfile::tempdir().unwrap();
        for name in [
            "posts/media/Album_1/Photo.JPG",
            "x/posts/media/Album_1/photo.jpg",
            "posts/media/Album_2/photo.jpg",
            "other/unique.png",
        ] {
            let p = d.path().join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, b"x").unwrap();
        }
        let archive = Archive::open(d.path(), &Limits::default()).unwrap();
        let list = archive.entries();
        let by = ByBase::new(list);
        let resolve = |u: &str| by.resolve(list, u);
        assert_eq!(
            resolve("posts/media/Album_1/photo.jpg").as_deref(),
            Some("x/posts/media/Album_1/photo.jpg")
        );
        assert_eq!(
            resolve("./posts/media/Album_2/photo.jpg").as_deref(),
            Some("posts/media/Album_2/photo.jpg")
        );
        // 2023 exports: another top folder, the longest shared suffix.
        assert_eq!(
            resolve("your_posts/media/Album_2/PHOTO.jpg").as_deref(),
            Some("posts/media/Album_2/photo.jpg")
        );
        assert_eq!(
            resolve("elsewhere/UNIQUE.PNG").as_deref(),
            Some("other/unique.png")
        );
        assert_eq!(resolve("media/missing.jpg"), None);
    }
}

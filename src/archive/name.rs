//! An entry's name as the entry list keeps it: its folder, shared by the
//! entries listed with it, and its base name. A million names may be held
//! and most repeat a long folder (docs/ARCHITECTURE.md, "Bounded
//! memory"), so a name is two borrowed parts, joined only when a caller
//! needs one string ([`Name::as_str`]).

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

/// A name relative to the archive root with `/` separators: `folder`
/// (empty, or ending in `/`) then `base` (no `/`).
#[derive(Clone, Copy)]
pub struct Name<'a> {
    folder: &'a str,
    base: &'a str,
}

impl<'a> Name<'a> {
    /// `folder` is empty or ends in `/`; `base` holds no `/`.
    pub(super) fn new(folder: &'a str, base: &'a str) -> Name<'a> {
        Name { folder, base }
    }

    /// `name` cut after its last `/`.
    pub fn whole(name: &'a str) -> Name<'a> {
        let cut = name.rfind('/').map_or(0, |i| i + 1);
        let (folder, base) = name.split_at_checked(cut).unwrap_or(("", name));
        Name { folder, base }
    }

    /// The whole name; borrowed for an entry at the archive root.
    pub fn as_str(&self) -> Cow<'a, str> {
        if self.folder.is_empty() {
            Cow::Borrowed(self.base)
        } else {
            Cow::Owned([self.folder, self.base].concat())
        }
    }

    /// The file name after the last `/` (the whole name at the root).
    pub fn base(&self) -> &'a str {
        self.base
    }

    /// Everything up to and including the last `/` ("" at the root).
    pub fn folder(&self) -> &'a str {
        self.folder
    }

    /// Length in bytes of the whole name.
    pub fn len(&self) -> usize {
        self.folder.len().saturating_add(self.base.len())
    }

    pub fn is_empty(&self) -> bool {
        self.folder.is_empty() && self.base.is_empty()
    }

    pub fn starts_with(&self, prefix: &str) -> bool {
        let (f, p) = (self.folder.as_bytes(), prefix.as_bytes());
        match p.split_at_checked(f.len()) {
            Some((head, rest)) => head == f && self.base.as_bytes().starts_with(rest),
            None => f.starts_with(p),
        }
    }

    pub fn ends_with(&self, suffix: &str) -> bool {
        let (b, s) = (self.base.as_bytes(), suffix.as_bytes());
        match s.split_at_checked(s.len().saturating_sub(b.len())) {
            Some((head, tail)) if s.len() > b.len() => {
                tail == b && self.folder.as_bytes().ends_with(head)
            }
            _ => b.ends_with(s),
        }
    }

    pub fn contains(&self, needle: &str) -> bool {
        if self.folder.contains(needle) || self.base.contains(needle) {
            return true;
        }
        // Otherwise only a match across the join: within the folder's
        // last and the base's first `needle.len() - 1` bytes.
        let n = needle.len().saturating_sub(1);
        if n == 0 || self.folder.is_empty() {
            return false;
        }
        let f = self.folder.as_bytes();
        let b = self.base.as_bytes();
        let window = [
            f.get(f.len().saturating_sub(n)..).unwrap_or(f),
            b.get(..n.min(b.len())).unwrap_or(b),
        ]
        .concat();
        memchr::memmem::find(&window, needle.as_bytes()).is_some()
    }

    /// The whole name against `other`, byte by byte (as `str` orders).
    pub fn cmp_str(&self, other: &str) -> Ordering {
        cmp_joined([self.folder, self.base], [other, ""])
    }
}

/// `a[0] + a[1]` against `b[0] + b[1]` in byte order, without joining.
pub(super) fn cmp_joined(a: [&str; 2], b: [&str; 2]) -> Ordering {
    let (mut x, mut x_rest) = (a[0].as_bytes(), a[1].as_bytes());
    let (mut y, mut y_rest) = (b[0].as_bytes(), b[1].as_bytes());
    loop {
        if x.is_empty() {
            x = std::mem::take(&mut x_rest);
        }
        if y.is_empty() {
            y = std::mem::take(&mut y_rest);
        }
        if x.is_empty() || y.is_empty() {
            return x.len().cmp(&y.len());
        }
        let n = x.len().min(y.len());
        let (x_head, x_tail) = x.split_at(n);
        let (y_head, y_tail) = y.split_at(n);
        match x_head.cmp(y_head) {
            Ordering::Equal => (x, y) = (x_tail, y_tail),
            unequal => return unequal,
        }
    }
}

impl fmt::Display for Name<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.folder)?;
        f.write_str(self.base)
    }
}

impl fmt::Debug for Name<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.as_str(), f)
    }
}

impl serde::Serialize for Name<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.as_str())
    }
}

impl PartialEq for Name<'_> {
    fn eq(&self, other: &Name<'_>) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Name<'_> {}

impl PartialOrd for Name<'_> {
    fn partial_cmp(&self, other: &Name<'_>) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Name<'_> {
    fn cmp(&self, other: &Name<'_>) -> Ordering {
        cmp_joined([self.folder, self.base], [other.folder, other.base])
    }
}

impl PartialEq<str> for Name<'_> {
    fn eq(&self, other: &str) -> bool {
        self.cmp_str(other) == Ordering::Equal
    }
}

impl PartialEq<&str> for Name<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.cmp_str(other) == Ordering::Equal
    }
}

impl PartialEq<String> for Name<'_> {
    fn eq(&self, other: &String) -> bool {
        self.cmp_str(other) == Ordering::Equal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every split of each name agrees with the joined string.
    #[test]
    fn operations_agree_with_the_joined_string() {
        let names = [
            "a/b/c.jpg",
            "a/b.jpg",
            "a/b/",
            "x.json",
            "",
            "é/ü.png",
            "a//b",
        ];
        let probes = [
            "",
            "a",
            "a/",
            "a/b",
            "a/b/",
            "a/b/c",
            "c.jpg",
            "/c.jpg",
            "b/c.jpg",
            "b.jpg",
            "x",
            "é",
            "é/",
            "/ü",
            "ü.png",
            "a/b/c.jpgx",
            "xa/b/c.jpg",
            "b/",
            "/b",
            "//",
        ];
        for whole in names {
            let cut = whole.rfind('/').map_or(0, |i| i + 1);
            let name = Name::new(&whole[..cut], &whole[cut..]);
            assert_eq!(name.as_str(), whole);
            assert_eq!(name.to_string(), whole);
            assert_eq!(name.len(), whole.len());
            for p in probes {
                assert_eq!(name.starts_with(p), whole.starts_with(p), "{whole} {p}");
                assert_eq!(name.ends_with(p), whole.ends_with(p), "{whole} {p}");
                assert_eq!(name.contains(p), whole.contains(p), "{whole} {p}");
                assert_eq!(name.cmp_str(p), whole.cmp(p), "{whole} {p}");
                assert_eq!(name == p, whole == p, "{whole} {p}");
            }
            for other in names {
                let cut = other.rfind('/').map_or(0, |i| i + 1);
                let o = Name::new(&other[..cut], &other[cut..]);
                assert_eq!(name.cmp(&o), whole.cmp(other), "{whole} {other}");
                // Any split at all, as two folders of a split export may be.
                for k in 0..=other.len() {
                    if let (Some(h), Some(t)) = (other.get(..k), other.get(k..)) {
                        assert_eq!(cmp_joined([h, t], [whole, ""]), other.cmp(whole));
                    }
                }
            }
        }
    }
}

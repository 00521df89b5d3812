//! X/Twitter archives of every generation: the legacy Grailbird tweet
//! archive (≤2019), the 2018–2019 "Your Twitter data" root layout and the
//! 2020+ `data/` layout with `manifest.js`. Format notes: docs/FORMATS.md,
//! "X / Twitter".
//!
//! This module recognises the archive, finds its root (re-zipped copies
//! add a top folder), maps each file to a handler or a stated reason to skip
//! it, and cross-checks element counts against the manifest.

mod account;
mod authored;
mod de;
mod dm;
mod files;
mod grailbird;
pub mod js;
pub(crate) mod media;
mod text;
mod time;
mod tweet;

#[cfg(test)]
mod tests;

use super::*;
use crate::archive::EntryList;
use crate::record::RecordKind;
use files::*;
use std::collections::HashMap;

use crate::error::{Error, Result};
/// Text clean-up as the reader does it, for tools that build records from
/// tweet text themselves (examples/eval_public.rs).
pub use text::{mentions, unescape};

pub struct Twitter;

const PLATFORM: Platform = Platform::Twitter;

/// Largest small file (manifest, account, note-tweet, user details) read whole.
const SMALL_FILE: u64 = 64 << 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Generation {
    Grailbird,
    Root,
    Data,
    /// Only X's README.txt survived (a partial copy): recognised, no data.
    ReadmeOnly,
}

/// Files that mark an archive root, best first. The root is the part of
/// the entry name before the marker.
const MARKERS: &[(&str, Generation)] = &[
    ("data/manifest.js", Generation::Data),
    ("manifest.js", Generation::Root),
    ("data/js/tweet_index.js", Generation::Grailbird),
    ("tweets.csv", Generation::Grailbird),
    ("data/js/user_details.js", Generation::Grailbird),
    ("data/tweets.js", Generation::Data),
    ("data/tweet.js", Generation::Data),
    ("data/account.js", Generation::Data),
    ("data/profile.js", Generation::Data),
    ("data/direct-messages.js", Generation::Data),
    ("account.js", Generation::Root),
    ("tweet.js", Generation::Root),
    ("tweets.js", Generation::Root),
    ("profile.js", Generation::Root),
    ("direct-message.js", Generation::Root),
    ("direct-messages.js", Generation::Root),
    ("direct-messages-group.js", Generation::Root),
];

/// Opening lines of the README.txt X puts in GDPR archives.
const README_SIGNS: &[&str] = &[
    "This archive consists of machine-readable JSON files",
    "This archive was generated at the request of",
    "How to use your Twitter archive",
];

fn readme_is_twitters(head: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&head[..head.len().min(8192)]);
    README_SIGNS.iter().any(|s| head.contains(s))
}

impl Reader for Twitter {
    fn platform(&self) -> Platform {
        PLATFORM
    }

    fn claims_folder(&self, dir: &Path) -> bool {
        if MARKERS.iter().any(|(m, _)| dir.join(m).is_file()) || dir.join("data/js/tweets").is_dir()
        {
            return true;
        }
        ["README.txt", "data/README.txt"].iter().any(|r| {
            let mut head = Vec::new();
            std::fs::File::open(dir.join(r))
                .and_then(|f| f.take(8192).read_to_end(&mut head))
                .is_ok()
                && readme_is_twitters(&head)
        })
    }

    fn open(&self, archive: &Archive) -> Option<Box<dyn Unit>> {
        let (root, generation) = find_root(archive)?;
        Some(Box::new(TwitterUnit::new(archive, root, generation)))
    }
}

fn find_root(archive: &Archive) -> Option<(String, Generation)> {
    let mut best: Option<(usize, String, Generation)> = None;
    for e in archive.entries() {
        for (rank, (marker, generation)) in MARKERS.iter().enumerate() {
            if !e.name.ends_with(marker) {
                continue;
            }
            let whole = e.name.as_str();
            let Some(root) = whole.strip_suffix(marker) else {
                continue;
            };
            if !(root.is_empty() || root.ends_with('/')) {
                continue;
            }
            let better = match &best {
                None => true,
                Some((r, b, _)) => rank < *r || (rank == *r && root.len() < b.len()),
            };
            if better {
                best = Some((rank, root.to_string(), *generation));
            }
        }
    }
    if let Some((_, root, generation)) = best {
        // A root-layout marker inside `data/` means the 2020 layout without a manifest.
        if generation == Generation::Root
            && let Some(top) = root.strip_suffix("data/")
            && (top.is_empty() || top.ends_with('/'))
        {
            return Some((top.to_string(), Generation::Data));
        }
        return Some((root, generation));
    }
    // Grailbird monthly files without their index, or a README-only copy.
    for e in archive.entries() {
        if !e.name.contains("data/js/tweets/") {
            continue;
        }
        let whole = e.name.as_str();
        if let Some(i) = whole.find("data/js/tweets/") {
            let root = &whole[..i];
            if root.is_empty() || root.ends_with('/') {
                return Some((root.to_string(), Generation::Grailbird));
            }
        }
    }
    let readme = archive
        .entries()
        .iter()
        .filter(|e| e.name == "README.txt" || e.name.ends_with("/README.txt"))
        .min_by_key(|e| e.name.len())?;
    let head = archive
        .with_entry(&readme, |r| {
            let mut b = Vec::new();
            r.take(8192).read_to_end(&mut b).map(|_| b)
        })
        .ok()?
        .ok()?;
    if !readme_is_twitters(&head) {
        return None;
    }
    let mut root = readme
        .name
        .as_str()
        .strip_suffix("README.txt")
        .unwrap_or("")
        .to_string();
    if let Some(top) = root.strip_suffix("data/") {
        root = top.to_string();
    }
    Some((root, Generation::ReadmeOnly))
}

use std::io::Read;

pub(crate) struct TwitterUnit {
    root: String,
    generation: Generation,
    handle: String,
    layout: String,
    /// Expected element count per entry name (manifest or Grailbird index).
    counts: HashMap<String, u64>,
    counts_from: &'static str,
    /// Files the manifest/index lists that the archive lacks.
    missing: Vec<String>,
    /// Problems found while reading small files at open, by entry name.
    open_errors: HashMap<String, String>,
    open_warnings: Vec<String>,
    notes: tweet::Notes,
    /// The media entries (indexes into the archive's entries) sorted by
    /// the id their file name starts with, then by name: an index, not a
    /// copy of the name, since an archive may hold a million media files
    /// (docs/ARCHITECTURE.md, "Bounded memory").
    media: Vec<u32>,
    /// Grailbird monthly JS files exist, so `tweets.csv` would double-count.
    grailbird_js: bool,
}

impl TwitterUnit {
    fn new(archive: &Archive, root: String, generation: Generation) -> TwitterUnit {
        let mut unit = TwitterUnit {
            root,
            generation,
            handle: String::new(),
            layout: String::new(),
            counts: HashMap::new(),
            counts_from: "manifest",
            missing: Vec::new(),
            open_errors: HashMap::new(),
            open_warnings: Vec::new(),
            notes: tweet::Notes::default(),
            media: Vec::new(),
            grailbird_js: false,
        };
        match generation {
            Generation::Grailbird => unit.open_grailbird(archive),
            _ => unit.open_gdpr(archive),
        }
        for (i, e) in archive.entries().iter().enumerate() {
            let whole = e.name.as_str();
            if let Some(rel) = whole.strip_prefix(&unit.root)
                && in_media_folder(rel)
                && media::id_prefix(rel).is_some()
                && let Ok(i) = u32::try_from(i)
            {
                unit.media.push(i);
            }
        }
        let entries = archive.entries();
        let mut media = std::mem::take(&mut unit.media);
        media.sort_by(|&a, &b| (unit.media_id(entries, a), a).cmp(&(unit.media_id(entries, b), b)));
        unit.media = media;
        unit
    }

    /// The id a media entry's file name starts with: its base name, as
    /// only entries in a media folder below the root are asked about.
    fn media_id<'a>(&self, entries: &'a EntryList, index: u32) -> &'a str {
        entries
            .get(index as usize)
            .filter(|e| e.name.starts_with(&self.root))
            .and_then(|e| media::id_prefix(e.name.base()))
            .unwrap_or("")
    }

    /// The media files of the post or message `id`, in name order.
    fn media_of(&self, archive: &Archive, id: &str) -> Vec<String> {
        let entries = archive.entries();
        let first = self
            .media
            .partition_point(|&i| self.media_id(entries, i) < id);
        self.media[first..]
            .iter()
            .take_while(|&&i| self.media_id(entries, i) == id)
            .filter_map(|&i| entries.get(i as usize))
            .map(|e| e.name.to_string())
            .collect()
    }

    fn small_json<T: serde::de::DeserializeOwned>(
        archive: &Archive,
        entry: &Entry<'_>,
    ) -> Result<T> {
        let bytes = archive.read(entry, SMALL_FILE)?;
        let json = js::strip_prefix(&bytes)?;
        serde_json::from_str(json).map_err(|e| Error::Malformed(json_error(&e, json, bytes.len())))
    }

    fn open_gdpr(&mut self, archive: &Archive) {
        let data = if self.generation == Generation::Data {
            "data/"
        } else {
            ""
        };
        let manifest_name = format!("{}{data}manifest.js", self.root);
        let mut generated = None;
        if let Some(m) = archive.entry(&manifest_name) {
            match Self::small_json::<account::Manifest>(archive, &m) {
                Ok(manifest) => {
                    self.handle = manifest.user_info.user_name.clone();
                    generated = manifest
                        .archive_info
                        .generation_date
                        .get(..10)
                        .map(String::from);
                    for dt in manifest.data_types.values() {
                        for f in &dt.files {
                            let name = format!("{}{}", self.root, f.file_name);
                            if archive.entry(&name).is_none() {
                                self.missing.push(f.file_name.clone());
                            } else if let Ok(n) = f.count.as_str().parse() {
                                self.counts.insert(name, n);
                            }
                        }
                    }
                }
                Err(e) => {
                    // Globbing still finds the files; the manifest itself failed.
                    self.open_errors
                        .insert(manifest_name.clone(), e.to_string());
                }
            }
        }
        if self.handle.is_empty()
            && let Some(a) = archive.entry(&format!("{}{data}account.js", self.root))
        {
            self.handle = account::username(archive, &a).unwrap_or_default();
        }
        let notes = format!("{}{data}note-tweet.js", self.root);
        if let Some(n) = archive.entry(&notes) {
            let (notes, warnings, error) = tweet::Notes::load(archive, &n);
            self.notes = notes;
            self.open_warnings.extend(warnings);
            if let Some(e) = error {
                self.open_errors.insert(n.name.to_string(), e);
            }
        }
        self.layout = match (self.generation, generated) {
            (Generation::Data, Some(d)) => {
                format!("X archive, data/ layout with manifest (generated {d})")
            }
            (Generation::Data, None) => "X archive, data/ layout without manifest".into(),
            (Generation::ReadmeOnly, _) => {
                "X archive, README.txt only (no data files in this copy)".into()
            }
            (_, Some(d)) => format!("X archive, root layout with manifest (generated {d})"),
            _ => "X archive, 2018–2019 root layout".into(),
        };
    }

    fn open_grailbird(&mut self, archive: &Archive) {
        let r = &self.root;
        self.grailbird_js = archive
            .entries()
            .iter()
            .any(|e| e.name.starts_with(&format!("{r}data/js/tweets/")) && e.name.ends_with(".js"));
        if let Some(u) = archive.entry(&format!("{r}data/js/user_details.js")) {
            match Self::small_json::<grailbird::UserDetails>(archive, &u) {
                Ok(u) => self.handle = u.screen_name,
                Err(e) => self.open_warnings.push(format!("{}: {e}", u.name)),
            }
        }
        self.counts_from = "tweet_index.js";
        if let Some(i) = archive.entry(&format!("{r}data/js/tweet_index.js")) {
            match Self::small_json::<Vec<grailbird::IndexEntry>>(archive, &i) {
                Ok(index) => {
                    for ie in index {
                        let name = format!("{r}{}", ie.file_name);
                        if archive.entry(&name).is_none() {
                            self.missing.push(ie.file_name);
                        } else if let Ok(n) = ie.tweet_count.as_str().parse() {
                            self.counts.insert(name, n);
                        }
                    }
                }
                Err(e) => self.open_warnings.push(format!("{}: {e}", i.name)),
            }
        }
        let mut year = None;
        if let Some(p) = archive.entry(&format!("{r}data/js/payload_details.js"))
            && let Ok(p) = Self::small_json::<grailbird::Payload>(archive, &p)
        {
            year = p.created_at.get(..4).map(String::from);
        }
        self.layout = match year {
            Some(y) => format!("Grailbird tweet archive ({y})"),
            None => "Grailbird tweet archive".into(),
        };
    }

    fn handler(&self, entry: &Entry<'_>) -> Result<Handler, Disposition> {
        let whole = entry.name.as_str();
        let Some(rel) = whole.strip_prefix(&self.root) else {
            return Err(Disposition::Unknown);
        };
        let skip = |s: &str| Err(Disposition::Skipped(s.to_string()));
        if rel == "LICENSE" || rel == "README.md" {
            return skip("added by whoever published this copy; not part of X's export");
        }
        if self.generation == Generation::Grailbird {
            return match rel {
                "tweets.csv" if self.grailbird_js => skip("same tweets as data/js/tweets"),
                "tweets.csv" => Ok(Handler::GrailbirdCsv),
                "data/js/user_details.js" => Ok(Handler::UserDetails),
                "data/js/payload_details.js" => skip("archive summary: tweet count and date"),
                "data/js/tweet_index.js" => {
                    skip("index of the monthly tweet files (counts checked)")
                }
                "README.txt" | "index.html" => skip("Grailbird HTML viewer"),
                _ if rel.starts_with("data/js/tweets/") && rel.ends_with(".js") => {
                    Ok(Handler::GrailbirdMonth)
                }
                _ if ["css/", "js/", "lib/", "img/", "data/img/"]
                    .iter()
                    .any(|p| rel.starts_with(p)) =>
                {
                    skip("Grailbird HTML viewer")
                }
                _ => Err(Disposition::Unknown),
            };
        }
        if rel == "Your archive.html" || rel == "index.html" || rel.starts_with("assets/") {
            return skip("HTML viewer");
        }
        let rel = rel.strip_prefix("data/").unwrap_or(rel);
        if in_media_folder(rel) {
            if rel.ends_with(".zip") {
                return skip("media folder zipped inside the archive (2019); not opened");
            }
            return Ok(Handler::Media);
        }
        match rel {
            "manifest.js" => return Ok(Handler::Manifest),
            "README.txt" => return skip("X's description of the archive files"),
            _ => {}
        }
        if rel.contains('/') {
            return Err(Disposition::Unknown);
        }
        let Some(base) = base_name(rel) else {
            return Err(Disposition::Unknown);
        };
        if let Some(why) = unreadable_reason(base) {
            return Err(Disposition::Unreadable(why.to_string()));
        }
        data_handler(base).map_err(|reason| {
            if reason.is_empty() {
                Disposition::Unknown
            } else {
                Disposition::Skipped(reason.to_string())
            }
        })
    }

    fn permalink(&self, id: &str) -> String {
        if self.handle.is_empty() {
            format!("https://x.com/i/status/{id}")
        } else {
            format!("https://x.com/{}/status/{id}", self.handle)
        }
    }

    fn record(&self, kind: RecordKind, id: impl Into<String>, entry: &str) -> Record {
        let mut r = Record::new(PLATFORM, kind, id);
        r.account = self.handle.clone();
        r.entry = entry.to_string();
        r
    }

    /// Reads every element of a JSON-array data file through `each`, which
    /// returns how many records it emitted. Syntax errors stop the file;
    /// an element of the wrong shape is skipped with a warning.
    fn each_element(
        &self,
        archive: &Archive,
        entry: &Entry<'_>,
        out: &mut EntryOutcome,
        mut each: impl FnMut(&str, &mut Vec<String>) -> Result<u64, serde_json::Error>,
    ) {
        let res = archive.with_entry(entry, |r| {
            let mut elements = js::Elements::new(r);
            let mut warnings = Vec::new();
            loop {
                let result = match elements.next_element() {
                    Ok(Some((json, at))) => Ok(Some((each(json, &mut warnings), at))),
                    Ok(None) => Ok(None),
                    Err(e) => Err(e),
                };
                for w in warnings.drain(..) {
                    out.warn(w);
                }
                match result {
                    Ok(Some((result, at))) => match result {
                        Ok(n) => out.records += n,
                        Err(e) if e.classify() == serde_json::error::Category::Data => {
                            out.warn(format!("element at byte {at} skipped: {e}"))
                        }
                        Err(e) => {
                            out.error =
                                Some(format!("invalid JSON in the element at byte {at}: {e}"));
                            return elements.count;
                        }
                    },
                    Ok(None) => return elements.count,
                    Err(e) => {
                        out.error = Some(e.to_string());
                        return elements.count;
                    }
                }
            }
        });
        match res {
            Ok(count) => {
                // `[]`: X writes every data file, empty ones included.
                out.no_records_expected |= count == 0;
                self.check_count(entry, count, out)
            }
            Err(e) => out.error = Some(e.to_string()),
        }
    }

    fn check_count(&self, entry: &Entry<'_>, count: u64, out: &mut EntryOutcome) {
        if out.error.is_none()
            && let Some(&want) = self.counts.get(&*entry.name.as_str())
            && want != count
        {
            out.warn(format!(
                "{} has {count} elements, the {} says {want}",
                entry.name, self.counts_from
            ));
        }
    }
}

/// A serde error as a sentence with the byte offset; "ends early" for EOF.
fn json_error(e: &serde_json::Error, json: &str, file_len: usize) -> String {
    // serde_json reports line/column; turn them into a byte offset in the file.
    let prefix = file_len.saturating_sub(json.len());
    let offset = json
        .split_inclusive('\n')
        .take(e.line().saturating_sub(1))
        .map(str::len)
        .sum::<usize>()
        + e.column().saturating_sub(1)
        + prefix;
    if e.is_eof() {
        format!("JSON ends early at byte {offset}: {e}")
    } else {
        format!("invalid JSON at byte {offset}: {e}")
    }
}

impl Unit for TwitterUnit {
    fn platform(&self) -> Platform {
        PLATFORM
    }

    fn account(&self) -> &str {
        &self.handle
    }

    fn layout(&self) -> String {
        self.layout.clone()
    }

    fn disposition(&self, entry: &Entry<'_>) -> Disposition {
        match self.handler(entry) {
            Ok(_) => Disposition::Parse,
            Err(d) => d,
        }
    }

    fn read(
        &self,
        archive: &Archive,
        entry: &Entry<'_>,
        emit: &mut dyn FnMut(Record),
    ) -> EntryOutcome {
        let mut out = EntryOutcome::default();
        let name = entry.name.as_str();
        let handler = match self.handler(entry) {
            Ok(h) => h,
            Err(_) => {
                out.error = Some(format!("{} is not a file this reader parses", entry.name));
                return out;
            }
        };
        match handler {
            Handler::Tweets(kind) => self.each_element(archive, entry, &mut out, |json, w| {
                tweet::read_element(self, archive, json, &name, kind, w, emit)
            }),
            Handler::GrailbirdMonth => self.each_element(archive, entry, &mut out, |json, w| {
                tweet::read_element(self, archive, json, &name, RecordKind::Post, w, emit)
            }),
            // Long posts were read at open and are emitted joined to their
            // post or from `finish`; this only reports what open found.
            Handler::Manifest => {
                out.no_records_expected = true;
                if let Some(e) = self.open_errors.get(&*name) {
                    out.error = Some(format!("{e}; the files were found by name instead"));
                }
            }
            Handler::Notes => {
                out.no_records_expected = true;
                if let Some(e) = self.open_errors.get(&*name) {
                    out.error = Some(e.clone());
                }
                self.check_count(entry, self.notes.len() as u64, &mut out);
            }
            Handler::DeletedNotes => self.each_element(archive, entry, &mut out, |json, _| {
                tweet::read_deleted_note(self, json, &name, emit)
            }),
            Handler::Dms => self.each_element(archive, entry, &mut out, |json, w| {
                dm::read_element(self, archive, json, &name, w, emit)
            }),
            Handler::Account(file) => account::read(self, archive, entry, file, &mut out, emit),
            Handler::Media => media::read(self, archive, entry, &mut out, emit),
            Handler::GrailbirdCsv => grailbird::read_csv(self, archive, entry, &mut out, emit),
            Handler::UserDetails => {
                grailbird::read_user_details(self, archive, entry, &mut out, emit)
            }
            Handler::PeriscopeComments => self.each_element(archive, entry, &mut out, |json, w| {
                authored::read_periscope_comment(self, json, &name, w, emit)
            }),
            Handler::Grok => {
                let mut replies = 0;
                self.each_element(archive, entry, &mut out, |json, w| {
                    Ok(
                        match authored::read_grok_item(self, json, &name, w, emit)? {
                            authored::Grok::Prompt => 1,
                            authored::Grok::Reply => {
                                replies += 1;
                                0
                            }
                        },
                    )
                });
                // A chat of Grok answers only holds nothing the account wrote.
                out.no_records_expected |= replies > 0;
            }
        }
        out
    }

    fn finish(&self, emit: &mut dyn FnMut(Record)) -> Vec<String> {
        self.notes.emit_unjoined(self, emit);
        let mut warnings = self.open_warnings.clone();
        if !self.missing.is_empty() {
            let n = self.missing.len();
            let mut missing: Vec<&str> = self.missing.iter().map(String::as_str).collect();
            missing.sort_unstable();
            let shown = &missing[..n.min(10)];
            warnings.push(format!(
                "the {} lists {n} file{} absent from this archive (a partial copy?): {}{}",
                self.counts_from,
                if n == 1 { "" } else { "s" },
                shown.join(", "),
                if n > 10 { ", …" } else { "" }
            ));
        }
        warnings
    }
}

//! Platform readers. Each recognises its own archives (from the entry list
//! and a peek at contents) and streams `Record`s; every format quirk lives
//! in its module. The scan loop only sees these traits and never matches
//! on platform names.

pub mod bluesky;
mod entry_kinds;
pub mod exif;
pub mod facebook;
pub mod html_scan;
pub mod html_text;
pub mod instagram;
pub mod linkedin;
pub mod mastodon;
pub mod meta;
pub mod stream;
pub mod twitter;
pub mod whatsapp;
pub mod youtube;

pub use entry_kinds::{EntryKinds, disposition_in};

use crate::archive::{Archive, Entry, Name};
use crate::record::Record;
use crate::vocab::{DateOrder, Platform};
use jiff::tz::TimeZone;
use std::path::Path;

/// What an export leaves unsaid that the user may state: the time zone of
/// times written without one, and the order of all-numeric dates. Set by
/// `--timezone` and `--date-order`, recorded in the manifest.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// The zone of the clock a WhatsApp export's times were written in
    /// (the exporting phone's). Default `Europe/London`.
    pub timezone: TimeZone,
    /// `None`: each file's order is decided from its own dates.
    pub date_order: Option<DateOrder>,
}

/// The zone read when `--timezone` is not given.
pub const DEFAULT_TIMEZONE: &str = "Europe/London";

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            // The time-zone database is compiled in (jiff's
            // `tzdb-bundle-always`), so this zone is always there.
            timezone: jiff::tz::db()
                .get(DEFAULT_TIMEZONE)
                .unwrap_or(TimeZone::UTC),
            date_order: None,
        }
    }
}

impl ReadOptions {
    /// The zone's IANA name, as given and as the manifest records it.
    pub fn timezone_name(&self) -> &str {
        self.timezone.iana_name().unwrap_or("UTC")
    }
}

/// What a reader makes of one archive entry.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Disposition {
    /// Holds records: `read` it.
    Parse,
    /// Known to the reader and not needed by any rule (likes, followers,
    /// ads, the HTML viewer…); the text says what it is.
    Skipped(String),
    /// Not a file this reader knows.
    Unknown,
    /// Known to the reader and holding content that cannot be read by
    /// design (an end-to-end-encrypted message store); the text says why.
    /// Reported as `failed`, so the gap is visible, and counted apart.
    Unreadable(String),
}

/// The result of reading one entry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntryOutcome {
    pub records: u64,
    /// Set when the entry could not be read to the end; records emitted
    /// before the failure are still scanned.
    pub error: Option<String>,
    /// Things an investigator should know that are not failures (a count
    /// that disagrees with the manifest, a date that could not be parsed…).
    pub warnings: Vec<String>,
    /// Warnings past `MAX_WARNINGS`, counted but not kept.
    pub more_warnings: u64,
    /// Records whose date is written in the entry but could not be read
    /// (an unknown month name, a day/month order the file does not tell):
    /// they have no `created_at`. The run's summary line counts them.
    pub undated: u64,
    /// Set when no record is the right result: the entry holds no items
    /// (an empty list), or its content is emitted with other entries'
    /// records (X's `manifest.js`, `note-tweet.js`). Without it, a parsed
    /// entry that gave no record is reported as a warning.
    pub no_records_expected: bool,
}

/// Warnings kept per entry: a file with a problem in every record must not
/// grow memory with its size.
pub const MAX_WARNINGS: usize = 20;

impl EntryOutcome {
    pub fn warn(&mut self, warning: impl Into<String>) {
        if self.warnings.len() < MAX_WARNINGS {
            self.warnings.push(warning.into());
        } else {
            self.more_warnings += 1;
        }
    }
}

/// Added by macOS when a folder is zipped (`__MACOSX/`, `._name`,
/// `.DS_Store`): never part of any platform's export.
pub fn is_mac_junk(name: Name<'_>) -> bool {
    let base = name.base();
    // A `/` ends the folder: no base name holds it.
    name.starts_with("__MACOSX/")
        || name.folder().contains("/__MACOSX/")
        || base.starts_with("._")
        || base == ".DS_Store"
}

/// A platform's reader: recognises its archives and opens them as units.
pub trait Reader: Sync {
    fn platform(&self) -> Platform;

    /// Cheap check, used when walking a folder of many archives: is `dir`
    /// itself the root of one of this platform's extracted archives?
    fn claims_folder(&self, dir: &Path) -> bool;

    /// Cheap check, used when walking a folder of many archives: is this
    /// loose file (not a zip) a whole export on its own, e.g. a WhatsApp
    /// chat `.txt`? It is then opened as an archive of one entry.
    fn claims_file(&self, _file: &Path) -> bool {
        false
    }

    /// Cheap check, used when walking a folder of many archives: is this
    /// loose file one document of an export (a Facebook `message_1.json`
    /// saved on its own)? Unlike `claims_file`, it is read on its own only
    /// when the folder holds other archives too; a folder of nothing but
    /// such files is opened whole, as one export.
    fn claims_part(&self, _file: &Path) -> bool {
        false
    }

    /// Takes the user's reading options (`--timezone`, `--date-order`);
    /// only readers of formats that leave these unsaid keep them.
    fn configure(&mut self, _opts: &ReadOptions) {}

    /// Returns a unit of work if the archive is this platform's. May read
    /// small entries (a manifest, the account file) to learn the account.
    fn open(&self, archive: &Archive) -> Option<Box<dyn Unit>>;
}

/// One recognised archive, ready to be read entry by entry, possibly from
/// several threads at once.
pub trait Unit: Send + Sync {
    fn platform(&self) -> Platform;

    /// Every platform its records may carry (an Instagram export also
    /// holds Threads posts); `--platform` keeps the archive when one of
    /// them is asked for, and then only that platform's records.
    fn platforms(&self) -> Vec<Platform> {
        vec![self.platform()]
    }

    /// Handle or page name, as the archive gives it.
    fn account(&self) -> &str;

    /// A sentence for `inspect` and the manifest, e.g. "X archive, 2023 data/ layout".
    fn layout(&self) -> String;

    fn disposition(&self, entry: &Entry<'_>) -> Disposition;

    /// Streams the records of one `Parse` entry into `emit`.
    fn read(
        &self,
        archive: &Archive,
        entry: &Entry<'_>,
        emit: &mut dyn FnMut(Record),
    ) -> EntryOutcome;

    /// Called once after every entry has been read: records that needed the
    /// whole archive (e.g. long-post texts that matched no post), and
    /// archive-level warnings (e.g. files the manifest lists that are absent).
    fn finish(&self, emit: &mut dyn FnMut(Record)) -> Vec<String>;
}

/// Every platform this build knows, in recognition order.
pub fn all() -> Vec<Box<dyn Reader>> {
    vec![
        Box::new(twitter::Twitter),
        // Before Meta's readers: these claim only on their own files'
        // content, while an HTML page that links to facebook.com (a
        // LinkedIn article) is evidence enough for Facebook's.
        Box::new(mastodon::Mastodon),
        Box::new(linkedin::LinkedIn),
        Box::new(instagram::Instagram),
        Box::new(facebook::Facebook),
        Box::new(whatsapp::WhatsApp::default()),
        Box::new(youtube::YouTube),
        Box::new(bluesky::Bluesky),
    ]
}

/// Every platform, reading with the user's options.
pub fn all_with(opts: &ReadOptions) -> Vec<Box<dyn Reader>> {
    let mut readers = all();
    for r in &mut readers {
        r.configure(opts);
    }
    readers
}

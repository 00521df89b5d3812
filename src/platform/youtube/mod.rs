//! YouTube, as Google Takeout delivers it: a `takeout-*.zip` or an
//! extracted `Takeout/` folder whose "YouTube and YouTube Music" folder
//! (named in the account's language) holds CSV files, older HTML lists
//! and the uploaded videos; a Takeout may hold other Google products too.
//! Loose Takeout CSV files (a comments file on its own, a live-chat
//! extract without a header) are read as well. Format notes:
//! docs/FORMATS.md, "YouTube".
//!
//! What the account published becomes records: comments and replies,
//! live-chat messages, videos (title, description, tags, recording
//! location), playlists, the channel's profile and its default upload
//! location. What it watched, searched for or subscribed to is skipped
//! with the reason.

mod cut;
mod html;
mod names;
mod records;
mod segments;
mod table;
pub mod time;

#[cfg(test)]
mod tests;

use super::*;
use names::{What, norm};
use std::collections::{BTreeMap, HashMap};
use std::io::Read;

pub struct YouTube;

const PLATFORM: Platform = Platform::Youtube;

/// What a file of YouTube's holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Comments,
    LiveChats,
    Videos,
    VideoTexts,
    VideoRecordings,
    Channel,
    ChannelFeatures,
    Playlists,
    CommentsHtml,
    LiveChatsHtml,
    /// An uploaded video or an image: a Media record, EXIF GPS for images.
    Media,
}

impl Kind {
    fn noun(self) -> &'static str {
        match self {
            Kind::Comments => "comments",
            Kind::LiveChats => "live-chat messages",
            Kind::Videos => "video metadata",
            Kind::VideoTexts => "video texts",
            Kind::VideoRecordings => "video recording locations",
            Kind::Channel => "channel profile",
            Kind::ChannelFeatures => "channel settings",
            Kind::Playlists => "playlists",
            Kind::CommentsHtml => "comments (HTML)",
            Kind::LiveChatsHtml => "live-chat messages (HTML)",
            Kind::Media => "uploaded files",
        }
    }
}

/// Images whose EXIF is read.
pub const IMAGE_EXTENSIONS: &[&str] = &[
    "jpg", "jpeg", "png", "webp", "heic", "heif", "tif", "tiff", "gif",
];

/// Bytes read from a CSV or JSON file's start to recognise it.
const SNIFF: u64 = 8 << 10;
/// Files sniffed per archive; the rest are decided by name.
const MAX_SNIFFED: usize = 10_000;
/// Recording-location and video-text files up to this size are read
/// together with the videos file beside them (their rows join the video
/// records); larger ones are read on their own.
const JOIN_MAX: u64 = 32 << 20;
/// The channel file is read at open for the account name.
const CHANNEL_MAX: u64 = 1 << 20;

/// Folders a YouTube folder of a Takeout holds, in the languages seen.
const KNOWN_FOLDERS: &[&str] = &[
    "comments",
    "kommentare",
    "reacties",
    "comentarios",
    "live chats",
    "livechats",
    "video metadata",
    "video-metadaten",
    "channels",
    "kanäle",
    "kanalen",
    "canales",
    "history",
    "verlauf",
    "geschiedenis",
    "historial",
    "subscriptions",
    "abos",
    "abonnementen",
    "suscripciones",
    "playlists",
    "my-comments",
    "my-live-chat-messages",
    "meine kommentare",
    "videos",
];

fn base(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}

fn lower_ext(name: &str) -> String {
    base(name)
        .rsplit_once('.')
        .map(|(_, e)| e.to_lowercase())
        .unwrap_or_default()
}

/// `.csv`, also with a suffix after it (`subscriptions.csv_2022_09_22`,
/// how one published sample names its files).
fn is_csv_name(name: &str) -> bool {
    base(name).to_lowercase().contains(".csv")
}

fn is_json_name(name: &str) -> bool {
    base(name).to_lowercase().contains(".json")
}

fn head(read: impl Read) -> Vec<u8> {
    let mut b = Vec::new();
    let _ = read.take(SNIFF).read_to_end(&mut b);
    b
}

/// A Google activity JSON (watch or search history): an array of
/// `{"header": "YouTube", "title", "titleUrl", "time", "activityControls"}`.
fn is_activity_json(head: &[u8]) -> bool {
    let h = String::from_utf8_lossy(head);
    let t = h.trim_start_matches('\u{feff}').trim_start();
    t.starts_with('[')
        && h.contains("\"header\"")
        && h.contains("\"time\"")
        && (h.contains("\"activityControls\"") || h.contains("\"titleUrl\""))
        && h.contains("YouTube")
}

/// What a loose file's first bytes say.
fn sniff_loose(name: &str, head: &[u8]) -> Option<What> {
    if is_csv_name(name) {
        table::sniff(head)
    } else if is_json_name(name) && is_activity_json(head) {
        Some(What::Skip(names::WATCHED))
    } else {
        None
    }
}

impl Reader for YouTube {
    fn platform(&self) -> Platform {
        PLATFORM
    }

    /// A folder holding a YouTube product folder with folders a Takeout
    /// writes there (`Takeout/`, or the extracted root beside it).
    fn claims_folder(&self, dir: &Path) -> bool {
        let Ok(read) = std::fs::read_dir(dir) else {
            return false;
        };
        read.filter_map(Result::ok).any(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            e.file_type().is_ok_and(|t| t.is_dir())
                && names::is_youtube_folder(&name)
                && std::fs::read_dir(e.path()).is_ok_and(|sub| {
                    sub.filter_map(Result::ok).any(|s| {
                        KNOWN_FOLDERS.contains(&norm(&s.file_name().to_string_lossy()).as_str())
                    })
                })
        })
    }

    /// A loose Takeout CSV or activity JSON, recognised by its content.
    fn claims_file(&self, file: &Path) -> bool {
        let Some(name) = file.file_name().and_then(|n| n.to_str()) else {
            return false;
        };
        if !is_csv_name(name) && !is_json_name(name) {
            return false;
        }
        std::fs::File::open(file)
            .map(|f| sniff_loose(name, &head(f)).is_some())
            .unwrap_or(false)
    }

    fn open(&self, archive: &Archive) -> Option<Box<dyn Unit>> {
        let survey = survey(archive);
        if survey.evidence == 0 {
            return None;
        }
        Some(Box::new(YouTubeUnit::new(archive, survey)))
    }
}

/// What looking at every entry once found.
struct Survey {
    kinds: super::EntryKinds<Kind>,
    /// Entries whose name or content is YouTube's.
    evidence: usize,
    /// The YouTube folder's name as the archive spells it.
    folder: Option<String>,
    /// Entries of other Google products.
    others: usize,
}

fn survey(archive: &Archive) -> Survey {
    let root_is_youtube = !archive.is_zip()
        && archive.path().is_dir()
        && archive
            .path()
            .file_name()
            .is_some_and(|n| names::is_youtube_folder(&n.to_string_lossy()));
    // Where the YouTube folder is: the path before it is the Takeout
    // root, beside which other products sit.
    let mut prefix: Option<Vec<String>> = None;
    let mut folder = None;
    for e in archive.entries() {
        let name = e.name.as_str();
        let comps: Vec<&str> = name.split('/').collect();
        if let Some(i) = youtube_index(&comps)
            && !comps[..i].iter().any(|c| names::is_my_activity(c))
        {
            prefix.get_or_insert_with(|| comps[..i].iter().map(|c| c.to_string()).collect());
            folder.get_or_insert_with(|| comps[i].to_string());
        }
    }
    let mut s = Survey {
        kinds: super::EntryKinds::new(archive.entries().len()),
        evidence: 0,
        folder,
        others: 0,
    };
    let mut sniffed = 0;
    for e in archive.entries() {
        let name = e.name.as_str();
        let comps: Vec<&str> = name.split('/').collect();
        let file = comps[comps.len() - 1];
        let mut what = What::Unknown;
        let mut known = false;
        let activity = comps[..comps.len() - 1]
            .iter()
            .any(|c| names::is_my_activity(c));
        let yt = youtube_index(&comps).filter(|_| !activity);
        if activity {
            what = What::Skip(names::MY_ACTIVITY);
        } else if yt.is_some() || root_is_youtube {
            let from = yt.map(|i| i + 1).unwrap_or(0);
            what = names::by_name(&comps[from..comps.len() - 1], file);
            known = what != What::Unknown;
        }
        // A header says more than a name: it is checked for every CSV
        // (and a loose JSON is checked for activity history).
        let csv = is_csv_name(file);
        if e.size > 0
            && sniffed < MAX_SNIFFED
            && (csv || (is_json_name(file) && what == What::Unknown))
        {
            sniffed += 1;
            let h = archive.with_entry(&e, |r| head(r)).unwrap_or_default();
            if let Some(w) = sniff_loose(file, &h) {
                // A name that reads a file keeps it when the header only
                // says "skip", and vice versa the header wins.
                what = match (&what, &w) {
                    (What::Read(_), What::Skip(_)) if csv => what,
                    _ => w,
                };
                known = true;
            }
        }
        if known {
            s.evidence += 1;
        }
        let disposition = if e.size == 0 {
            Err(Disposition::Skipped(names::EMPTY.into()))
        } else {
            match what {
                What::Read(k) => Ok(k),
                What::Skip(why) => Err(Disposition::Skipped(why.into())),
                What::Unknown => other_product(&comps, prefix.as_deref(), yt.is_some()),
            }
        };
        if e.size > 0
            && matches!(&disposition, Err(Disposition::Skipped(w)) if w.starts_with("data of another"))
        {
            s.others += 1;
        }
        s.kinds.insert(&e, disposition);
    }
    s
}

/// The index of the YouTube product folder in a path, if any (the file
/// itself does not count).
fn youtube_index(comps: &[&str]) -> Option<usize> {
    comps[..comps.len().saturating_sub(1)]
        .iter()
        .position(|c| names::is_youtube_folder(c))
}

/// An entry outside YouTube's folder: Takeout's index page, another
/// product's data, or unknown.
fn other_product(
    comps: &[&str],
    prefix: Option<&[String]>,
    in_youtube: bool,
) -> Result<Kind, Disposition> {
    let Some(prefix) = prefix else {
        return Err(Disposition::Unknown);
    };
    if in_youtube
        || comps.len() <= prefix.len()
        || !comps.iter().zip(prefix).all(|(a, b)| *a == b.as_str())
    {
        return Err(Disposition::Unknown);
    }
    let rest = &comps[prefix.len()..];
    if rest.len() == 1 {
        return Err(if names::is_takeout_index(rest[0]) {
            Disposition::Skipped(names::INDEX.into())
        } else {
            Disposition::Unknown
        });
    }
    Err(Disposition::Skipped(format!(
        "data of another Google product ({}) in the same Takeout; not read by this tool",
        rest[0]
    )))
}

/// The files a videos file reads beside it.
#[derive(Clone, Debug, Default)]
struct Join {
    texts: Vec<String>,
    recordings: Vec<String>,
    /// The only videos file in its folder: rows of the joined files for
    /// videos it does not list become records of their own here.
    orphans: bool,
}

pub(crate) struct YouTubeUnit {
    account: String,
    layout: String,
    kinds: super::EntryKinds<Kind>,
    joins: HashMap<String, Join>,
}

fn folder_of(name: Name<'_>) -> &str {
    name.folder().strip_suffix('/').unwrap_or("")
}

impl YouTubeUnit {
    fn new(archive: &Archive, survey: Survey) -> YouTubeUnit {
        let mut kinds = survey.kinds;
        let joins = plan_joins(archive, &mut kinds);
        let mut unit = YouTubeUnit {
            account: String::new(),
            layout: String::new(),
            kinds,
            joins,
        };
        unit.account = unit.find_account(archive);
        unit.layout = unit.describe(archive, survey.folder.as_deref(), survey.others);
        unit
    }

    fn kind(&self, entry: &Entry<'_>) -> Option<Kind> {
        self.kinds.get(entry).and_then(|k| k.as_ref().ok().copied())
    }

    /// The channel's title from the channel file, else the channel id
    /// the first comment, message or video row names.
    fn find_account(&self, archive: &Archive) -> String {
        let mut entries: Vec<Entry<'_>> = archive
            .entries()
            .iter()
            .filter(|e| self.kind(e).is_some())
            .collect();
        entries.sort_by_key(|e| {
            (
                match self.kind(e) {
                    Some(Kind::Channel) => 0,
                    _ => 1,
                },
                e.name.to_string(),
            )
        });
        for e in entries {
            let Some(kind) = self.kind(&e) else {
                continue;
            };
            let (col, max) = match kind {
                Kind::Channel => (table::Col::Title, CHANNEL_MAX),
                Kind::Comments | Kind::LiveChats | Kind::Videos => (table::Col::Channel, SNIFF),
                _ => continue,
            };
            let h = match archive.with_entry(&e, |r| {
                let mut b = Vec::new();
                r.take(max).read_to_end(&mut b).map(|_| b)
            }) {
                Ok(Ok(b)) => b,
                _ => continue,
            };
            if let Some(v) = records::first_value(kind, &h, col) {
                return v;
            }
        }
        String::new()
    }

    fn describe(&self, archive: &Archive, folder: Option<&str>, others: usize) -> String {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for k in self.kinds.values().filter_map(|k| k.as_ref().ok()) {
            *counts.entry(k.noun()).or_insert(0) += 1;
        }
        let read = if counts.is_empty() {
            "no files with published content".to_string()
        } else {
            counts
                .iter()
                .map(|(n, c)| format!("{n} ({c})"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let what = match folder {
            Some(f) => format!(
                "Google Takeout, YouTube folder \"{f}\" ({})",
                language_of(f)
            ),
            None if archive.entries().len() == 1 => {
                "YouTube Takeout file outside its folder".into()
            }
            None => "YouTube Takeout files outside their folder".into(),
        };
        let mut s = format!("{what}: {read}");
        if others > 0 {
            s.push_str(&format!(
                "; {others} file{} of other Google products not read",
                if others == 1 { "" } else { "s" }
            ));
        }
        s
    }
}

/// The Takeout language, from the product folder's connective word.
fn language_of(folder: &str) -> &'static str {
    let f = norm(folder);
    let word = f
        .strip_prefix("youtube ")
        .and_then(|r| r.split_whitespace().next());
    match word {
        None => "pre-2017 name",
        Some("and") => "English names",
        Some("und") => "German names",
        Some("en") => "Dutch names",
        Some("y") => "Spanish names",
        Some("et") => "French names",
        Some("e") => "Italian or Portuguese names",
        Some("i") => "Catalan names",
        Some("și") | Some("si") => "Romanian names",
        Some("ir") => "Lithuanian names",
        Some(_) => "names in another language",
    }
}

/// Video-text and recording files beside a videos file are read with it.
fn plan_joins(archive: &Archive, kinds: &mut super::EntryKinds<Kind>) -> HashMap<String, Join> {
    let mut by_folder: BTreeMap<&str, Vec<(Entry<'_>, Kind)>> = BTreeMap::new();
    for e in archive.entries() {
        if let Some(Ok(k)) = kinds.get(&e) {
            by_folder
                .entry(folder_of(e.name))
                .or_default()
                .push((e, *k));
        }
    }
    let mut joins = HashMap::new();
    for files in by_folder.values() {
        let videos: Vec<Entry<'_>> = files
            .iter()
            .filter(|(_, k)| *k == Kind::Videos)
            .map(|(e, _)| *e)
            .collect();
        let Some(first) = videos.first() else {
            continue;
        };
        let mut join = Join {
            orphans: videos.len() == 1,
            ..Join::default()
        };
        for (e, k) in files {
            if e.size > JOIN_MAX {
                continue;
            }
            match k {
                Kind::VideoTexts => join.texts.push(e.name.to_string()),
                Kind::VideoRecordings => join.recordings.push(e.name.to_string()),
                _ => continue,
            }
            kinds.insert(
                e,
                Err(Disposition::Skipped(format!(
                    "read with {}: its rows are joined to the video records by video id{}",
                    first.name.base(),
                    if videos.len() > 1 {
                        " (and with the other videos files beside it)"
                    } else {
                        ""
                    }
                ))),
            );
        }
        for v in videos {
            joins.insert(v.name.to_string(), join.clone());
        }
    }
    joins
}

impl Unit for YouTubeUnit {
    fn platform(&self) -> Platform {
        PLATFORM
    }

    fn account(&self) -> &str {
        &self.account
    }

    fn layout(&self) -> String {
        self.layout.clone()
    }

    fn disposition(&self, entry: &Entry<'_>) -> Disposition {
        super::disposition_in(&self.kinds, entry)
    }

    fn read(
        &self,
        archive: &Archive,
        entry: &Entry<'_>,
        emit: &mut dyn FnMut(Record),
    ) -> EntryOutcome {
        let mut out = EntryOutcome::default();
        let entry_name = entry.name.as_str();
        match self.kind(entry) {
            Some(kind) => {
                let mut ctx = records::Ctx {
                    account: &self.account,
                    entry: &entry_name,
                    out: &mut out,
                    emit,
                };
                match kind {
                    Kind::CommentsHtml | Kind::LiveChatsHtml => ctx.html(archive, entry, kind),
                    Kind::Media => ctx.media(archive, entry),
                    Kind::Videos => {
                        let join = self.joins.get(&*entry_name).cloned().unwrap_or_default();
                        ctx.videos(archive, entry, &join)
                    }
                    _ => ctx.csv(archive, entry, kind),
                }
            }
            None => out.error = Some(format!("{} is not a file this reader parses", entry.name)),
        }
        out
    }

    /// Nothing needs the whole archive: joins happen inside the videos
    /// file's read, and a channel file that cannot be read at open fails
    /// on its own row.
    fn finish(&self, _emit: &mut dyn FnMut(Record)) -> Vec<String> {
        Vec::new()
    }
}

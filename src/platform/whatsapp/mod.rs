//! WhatsApp "Export chat": `_chat.txt` (iOS, usually in a zip with the
//! attached media) or `WhatsApp Chat with X.txt` (Android), in a zip, an
//! extracted folder, or alone. Format notes: docs/FORMATS.md,
//! "WhatsApp".
//!
//! Each message is a `dm` record whose id is the line number of its first
//! line, so an investigator can find it in the file. Times are the phone's
//! local clock, stored as UTC (see `chat`). Attached files are `media`
//! records (EXIF GPS for images) whose id is the line of the message that
//! names them.

pub(crate) mod chat;
mod messages;
mod utf16;

#[cfg(test)]
mod dates_tests;
#[cfg(test)]
mod tests;

use super::*;
use crate::record::RecordKind;
use crate::vocab::{DateOrder, Field};
use chat::Order;
use messages::Emitter;
use std::collections::HashMap;
use std::io::Read;

/// The WhatsApp reader, with the user's reading options: the zone of the
/// exporting phone's clock and, when given, the day/month order.
#[derive(Default)]
pub struct WhatsApp {
    opts: ReadOptions,
}

const PLATFORM: Platform = Platform::Whatsapp;

/// Bytes read from the start of a `.txt` to tell whether it is a chat.
const SNIFF: u64 = 8192;

/// `.txt` entries sniffed per archive; a folder of thousands of text files
/// is not a chat export.
const MAX_SNIFFED: usize = 10_000;

/// Extensions of the images whose EXIF is read (`.mp4` shares HEIC's
/// `ftyp` signature, so the signature alone is not enough).
const IMAGE: &[&str] = &[
    "jpg", "jpeg", "png", "webp", "heic", "heif", "avif", "tif", "tiff",
];

fn base(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}

fn is_txt(name: &str) -> bool {
    name.len() > 4
        && name
            .get(name.len() - 4..)
            .is_some_and(|e| e.eq_ignore_ascii_case(".txt"))
}

/// `_chat.txt`, `WhatsApp Chat with X.txt`, `WhatsApp Chat - X.txt` and the
/// translated Android names (`Chat WhatsApp s uživatelem X.txt`, `Чат
/// WhatsApp с контактом X.txt`): every one names WhatsApp.
/// [`is_txt`] of an entry's whole name: its last four bytes are its base
/// name's, since a shorter base name has a `/` before it.
fn is_txt_entry(name: Name<'_>) -> bool {
    let b = name.base();
    name.len() > 4
        && b.get(b.len().saturating_sub(4)..)
            .is_some_and(|e| e.eq_ignore_ascii_case(".txt"))
}

fn is_chat_name(name: &str) -> bool {
    let b = base(name);
    is_txt(b) && !b.starts_with("._") && (b == "_chat.txt" || b.contains("WhatsApp"))
}

/// The chat name from a file name, when the name carries it.
fn chat_name_from_file(name: &str) -> Option<String> {
    let b = base(name);
    let stem = if is_txt(b) { &b[..b.len() - 4] } else { b };
    let stem = stem.replace('\u{00A0}', " ");
    for prefix in [
        "WhatsApp Chat with ",
        "WhatsApp Chat - ",
        "WhatsApp Chat – ",
    ] {
        if let Some(rest) = stem.strip_prefix(prefix) {
            return Some(rest.trim().to_string());
        }
    }
    if stem == "_chat" || stem.is_empty() {
        None
    } else {
        Some(stem.trim().to_string())
    }
}

/// The zip's or folder's name (`WhatsApp Chat - X.zip` gives `X`); for a
/// lone chat file, its folder's name.
fn archive_name(archive: &Archive) -> String {
    let path = archive.path();
    let single = !archive.is_zip() && path.is_file();
    let named = if single { path.parent() } else { Some(path) };
    let name = named
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = if archive.is_zip() && name.to_ascii_lowercase().ends_with(".zip") {
        name[..name.len() - 4].to_string()
    } else {
        name
    };
    let name = name.replace('\u{00A0}', " ");
    for prefix in [
        "WhatsApp Chat - ",
        "WhatsApp Chat with ",
        "WhatsApp Chat – ",
    ] {
        if let Some(rest) = name.strip_prefix(prefix) {
            return rest.trim().to_string();
        }
    }
    name
}

fn sniff_file(path: &Path) -> bool {
    let mut head = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(SNIFF).read_to_end(&mut head))
        .is_ok()
        && chat::sniff(&head)
}

impl Reader for WhatsApp {
    fn platform(&self) -> Platform {
        PLATFORM
    }

    fn configure(&mut self, opts: &ReadOptions) {
        self.opts = opts.clone();
    }

    /// A folder holding `_chat.txt`, or exactly one `…WhatsApp….txt`,
    /// directly: one extracted export, with its media beside it. A folder
    /// of several chat files is a folder of many exports: each file (and
    /// each zip) is then offered on its own.
    fn claims_folder(&self, dir: &Path) -> bool {
        let Ok(read) = std::fs::read_dir(dir) else {
            return false;
        };
        let mut named = 0;
        for e in read.filter_map(Result::ok) {
            if !e.file_type().is_ok_and(|t| t.is_file()) {
                continue;
            }
            match e.file_name().to_str() {
                Some("_chat.txt") => return true,
                Some(n) if is_chat_name(n) => named += 1,
                _ => {}
            }
        }
        named == 1
    }

    /// A loose `.txt` whose first lines are message headers.
    fn claims_file(&self, file: &Path) -> bool {
        file.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(is_txt)
            && sniff_file(file)
    }

    fn open(&self, archive: &Archive) -> Option<Box<dyn Unit>> {
        let mut chats = HashMap::new();
        let mut sniffed = 0;
        for e in archive.entries() {
            if !is_txt_entry(e.name) || super::is_mac_junk(e.name) {
                continue;
            }
            let chat = is_chat_name(e.name.base()) || {
                sniffed += 1;
                sniffed <= MAX_SNIFFED
                    && archive
                        .with_entry(&e, |r| {
                            let mut head = Vec::new();
                            r.take(SNIFF).read_to_end(&mut head).map(|_| head)
                        })
                        .ok()
                        .and_then(Result::ok)
                        .is_some_and(|h| chat::sniff(&h))
            };
            if chat {
                chats.insert(e.name.to_string(), String::new());
            }
        }
        if chats.is_empty() {
            return None;
        }
        Some(Box::new(WhatsAppUnit::new(archive, chats, &self.opts)))
    }
}

pub(crate) struct WhatsAppUnit {
    account: String,
    layout: String,
    /// Chat entries and the chat name each gives its records.
    chats: HashMap<String, String>,
    /// Attached-file entries by base name.
    files: HashMap<String, String>,
    /// Base name of an attached file → (chat entry, line of the message
    /// naming it).
    mentions: HashMap<String, (String, u64)>,
    open_warnings: Vec<String>,
    opts: ReadOptions,
}

impl WhatsAppUnit {
    fn new(
        archive: &Archive,
        mut chats: HashMap<String, String>,
        opts: &ReadOptions,
    ) -> WhatsAppUnit {
        let fallback = archive_name(archive);
        for (entry, name) in chats.iter_mut() {
            *name = chat_name_from_file(entry).unwrap_or_else(|| fallback.clone());
        }
        let account = if chats.len() == 1 {
            chats.values().next().cloned().unwrap_or_default()
        } else {
            fallback
        };
        let mut files = HashMap::new();
        for e in archive.entries() {
            if !super::is_mac_junk(e.name)
                && !is_txt_entry(e.name)
                && !chats.contains_key(&*e.name.as_str())
            {
                files.insert(e.name.base().to_string(), e.name.to_string());
            }
        }
        let mut unit = WhatsAppUnit {
            account,
            layout: String::new(),
            chats,
            files,
            mentions: HashMap::new(),
            open_warnings: Vec::new(),
            opts: opts.clone(),
        };
        unit.find_mentions(archive);
        let n = unit.chats.len();
        let m = unit.files.len();
        unit.layout = format!(
            "WhatsApp chat export: {n} chat file{}{}; times are the phone's local clock \
             (the export has no time zone), read as {} time{}",
            if n == 1 { "" } else { "s" },
            if m > 0 {
                format!(", {m} attached file{}", if m == 1 { "" } else { "s" })
            } else {
                String::new()
            },
            opts.timezone_name(),
            match opts.date_order {
                Some(o) => format!(", dates read as {o} (--date-order)"),
                None => String::new(),
            }
        );
        unit
    }

    /// Which message names each attached file: one pass over the chats,
    /// only when the export has attached files.
    fn find_mentions(&mut self, archive: &Archive) {
        if self.files.is_empty() {
            return;
        }
        let names: Vec<&String> = self.files.keys().collect();
        let Ok(ac) = aho_corasick::AhoCorasick::new(&names) else {
            return;
        };
        let mut chats: Vec<&String> = self.chats.keys().collect();
        chats.sort();
        for chat in chats {
            let Some(e) = archive.entry(chat) else {
                continue;
            };
            let mut start = 0;
            let res = archive.with_entry(&e, |r| {
                chat::for_each_line(r, |n, line| {
                    if chat::is_header(line) {
                        start = n;
                    }
                    for m in ac.find_iter(line) {
                        let name = names[m.pattern().as_usize()];
                        self.mentions
                            .entry(name.clone())
                            .or_insert_with(|| (chat.clone(), start.max(1)));
                    }
                })
                .1
            });
            if let Ok(Some(err)) | Err(err) = res
                .map(|o| o.map(|e| e.to_string()))
                .map_err(|e| e.to_string())
            {
                self.open_warnings.push(format!(
                    "{chat}: read stopped while looking for attachment names: {err}"
                ));
            }
        }
    }

    fn record(&self, kind: RecordKind, id: String, account: &str, entry: &str) -> Record {
        let mut r = Record::new(PLATFORM, kind, id);
        r.account = account.to_string();
        r.entry = entry.to_string();
        r
    }

    fn read_chat(
        &self,
        archive: &Archive,
        entry: &Entry<'_>,
        out: &mut EntryOutcome,
        emit: &mut dyn FnMut(Record),
    ) {
        let entry_name = entry.name.as_str();
        let account = self.chats.get(&*entry_name).cloned().unwrap_or_default();
        // Pass 1: day/month order over the whole file.
        let mut votes = chat::Votes::default();
        let first = archive.with_entry(entry, |r| {
            chat::for_each_line(r, |n, line| {
                if let Some(h) = chat::header(line) {
                    votes.add(&h.stamp, n);
                }
            })
            .1
        });
        if let Err(e) = first {
            out.error = Some(e.to_string());
            return;
        }
        let (order, basis) = match self.opts.date_order {
            Some(DateOrder::Dmy) => (Order::DayFirst, chat::Basis::Given),
            Some(DateOrder::Mdy) => (Order::MonthFirst, chat::Basis::Given),
            None => votes.decide(),
        };
        match (order, basis) {
            (Order::Conflict, _) => out.warn(format!(
                "dates fit only day-first at line {} but only month-first at line {}; \
                 times left empty where the order cannot be told (--date-order decides)",
                votes.first_day_first, votes.first_month_first
            )),
            (_, chat::Basis::Form) => out.warn(
                "day/month order: day first, from the dates' form (a 24-hour clock with \
                 four-digit years, or dots, which no month-first locale writes); \
                 no day in this file is above 12",
            ),
            (o, chat::Basis::MessageOrder) => out.warn(format!(
                "day/month order: {}, because messages then run forward in time \
                 ({} steps back read that way, {} the other); no day in this file is above 12 \
                 (--date-order overrides)",
                if o == Order::DayFirst {
                    "day first"
                } else {
                    "month first"
                },
                votes.back_if_day_first.min(votes.back_if_month_first),
                votes.back_if_day_first.max(votes.back_if_month_first),
            )),
            (o, chat::Basis::Given) => {
                let against = if o == Order::DayFirst {
                    (votes.month_first, votes.first_month_first)
                } else {
                    (votes.day_first, votes.first_day_first)
                };
                if against.0 > 0 {
                    out.warn(format!(
                        "--date-order {}: {} dates fit only the other order (first at line {}); \
                         they have no time",
                        self.opts.date_order.map_or("", |d| d.as_str()),
                        against.0,
                        against.1
                    ));
                }
            }
            _ => {}
        }
        // Pass 2: messages.
        let mut state = Emitter {
            unit: self,
            account: &account,
            entry: &entry_name,
            order,
            zone: &self.opts.timezone,
            out,
            emit,
            pending: None,
            ambiguous: 0,
            first_ambiguous: 0,
            headers: 0,
        };
        let res = archive.with_entry(entry, |r| {
            let (lines, err) = chat::for_each_line(r, |n, line| state.line(n, line));
            (
                lines.lossy_lines,
                lines.first_lossy,
                lines.long_lines,
                lines.first_long,
                err,
            )
        });
        state.flush();
        let headers = state.headers;
        let (ambiguous, first_ambiguous) = (state.ambiguous, state.first_ambiguous);
        match res {
            Err(e) => out.error = Some(e.to_string()),
            Ok((lossy, first_lossy, long, first_long, err)) => {
                if let Some(e) = err {
                    out.error = Some(format!("read stopped after {} records: {e}", out.records));
                }
                if lossy > 0 {
                    out.warn(format!(
                        "invalid UTF-8 on {lossy} line{} (first at line {first_lossy}): \
                         decoded with U+FFFD replacement characters",
                        if lossy == 1 { "" } else { "s" }
                    ));
                }
                if long > 0 {
                    out.warn(format!(
                        "{long} line{} longer than {} bytes (first at line {first_long}): \
                         the rest was not scanned",
                        if long == 1 { "" } else { "s" },
                        chat::MAX_MESSAGE
                    ));
                }
            }
        }
        if ambiguous > 0 {
            out.warn(format!(
                "day/month order cannot be told from this file (no date has a day above 12, \
                 and messages run forward in time either way): {ambiguous} message time{} left \
                 empty (first at line {first_ambiguous}); --date-order dmy|mdy decides",
                if ambiguous == 1 { "" } else { "s" }
            ));
        }
        if headers == 0 && out.records > 0 {
            out.warn("no WhatsApp message header found; the text was read as one message");
        }
    }

    fn read_file(
        &self,
        archive: &Archive,
        entry: &Entry<'_>,
        out: &mut EntryOutcome,
        emit: &mut dyn FnMut(Record),
    ) {
        let name = entry.name.base();
        let (id, account) = match self.mentions.get(name) {
            Some((chat, line)) => (
                line.to_string(),
                self.chats.get(chat).cloned().unwrap_or_default(),
            ),
            None => (String::new(), self.account.clone()),
        };
        let mut r = self.record(RecordKind::Media, id, &account, &entry.name.as_str());
        r.push_field(Field::MediaName, name);
        r.media.push(entry.name.to_string());
        r.created_at = media_time(name, &self.opts.timezone);
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        if ext.as_deref().is_some_and(|e| IMAGE.contains(&e)) {
            r.locations
                .extend(crate::platform::exif::location(archive, entry, out));
        }
        emit(r);
        out.records += 1;
    }
}

/// iOS media names carry the send time: `00000001-PHOTO-2019-06-20-16-00-15.jpg`.
fn media_time(name: &str, zone: &jiff::tz::TimeZone) -> Option<jiff::Timestamp> {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"-(\d{4})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})\.")
            .expect("valid regex")
    });
    let c = RE.captures(name)?;
    let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let stamp = chat::Stamp {
        year: n(1).and_then(|y| i32::try_from(y).ok()),
        year_first: true,
        sep: b'-',
        long_year: true,
        a: n(2)?,
        b: n(3)?,
        hour: n(4)?,
        minute: n(5)?,
        second: n(6)?,
        pm: None,
    };
    chat::time(&stamp, Order::Unknown, zone).ok()
}

impl Unit for WhatsAppUnit {
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
        let name = entry.name;
        if self.chats.contains_key(&*name.as_str()) {
            Disposition::Parse
        } else if super::is_mac_junk(name) {
            Disposition::Skipped(
                "macOS metadata added when the export was zipped; not part of WhatsApp's export"
                    .into(),
            )
        } else if is_txt_entry(name) {
            Disposition::Unknown
        } else if name.base().to_ascii_lowercase().ends_with(".zip") {
            Disposition::Skipped(
                "a zip attached to the chat; not opened (scan it as an input of its own)".into(),
            )
        } else {
            Disposition::Parse
        }
    }

    fn read(
        &self,
        archive: &Archive,
        entry: &Entry<'_>,
        emit: &mut dyn FnMut(Record),
    ) -> EntryOutcome {
        let mut out = EntryOutcome::default();
        match self.disposition(entry) {
            Disposition::Parse if self.chats.contains_key(&*entry.name.as_str()) => {
                self.read_chat(archive, entry, &mut out, emit)
            }
            Disposition::Parse => self.read_file(archive, entry, &mut out, emit),
            _ => out.error = Some(format!("{} is not a file this reader parses", entry.name)),
        }
        out
    }

    fn finish(&self, _emit: &mut dyn FnMut(Record)) -> Vec<String> {
        self.open_warnings.clone()
    }
}

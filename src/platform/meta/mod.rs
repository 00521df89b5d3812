//! What Facebook and Instagram exports share: the mojibake repair, the JSON
//! shapes (Instagram DMs are Messenger threads; both use the same media
//! objects and EXIF block), the HTML page generations, and the way files
//! are recognised — by content (a sniff of the first bytes) and by name
//! patterns that survive Meta's layout moves, never by one fixed path.
//! Format notes: docs/FORMATS.md, "Facebook" and "Instagram".
//!
//! `facebook` and `instagram` are thin `Platform`s over `MetaUnit`.

pub mod html;
pub mod json;
pub mod mojibake;
pub mod months;
pub mod records;
mod survey;
#[cfg(test)]
pub mod testing;
mod uris;
mod wrapped;

use super::*;
use crate::record::RecordKind;
use crate::vocab::Field;
use std::io::Read;
use survey::*;
pub use survey::{Kind, Survey, survey};

/// Which Meta product an archive is from; the `platform` column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavor {
    Facebook,
    Instagram,
}

impl Flavor {
    pub fn platform(self) -> Platform {
        match self {
            Flavor::Facebook => Platform::Facebook,
            Flavor::Instagram => Platform::Instagram,
        }
    }
}

/// The largest JSON file loaded whole; larger ones are reported as failed
/// with this limit named. Top-level arrays (posts files) are streamed
/// element by element (`json::stream_array`), and top-level objects whose
/// long lists are threads' `messages`/`conversation`, Instagram's legacy
/// comments, Threads posts or a wrapper's lists (`{"comments_v2": [...]}`)
/// are outlined and those lists streamed (`wrapped.rs`), neither with a
/// whole-file cap (`json::MAX_ELEMENT` per element). Still loaded whole,
/// under this cap: an object whose long list its records need whole (an
/// album's `photos`, one post's or profile's lists), an object with a
/// top-level key that needs the mojibake repair, and a file that is
/// neither an array nor an object (so its error is the whole-file
/// parser's). A broken object file within the cap is also re-read whole,
/// so its error sentence is the one it always was.
pub const MAX_DOCUMENT: u64 = 256 << 20;

/// Opens the archive as `flavor` when the evidence says it is that product's.
pub fn open(archive: &Archive, flavor: Flavor) -> Option<Box<dyn Unit>> {
    let survey = survey(archive);
    let ev = survey.evidence;
    let mine = match flavor {
        Flavor::Instagram => ev.instagram > 0 && ev.instagram > ev.facebook,
        Flavor::Facebook => {
            (ev.facebook > 0 || ev.either > 0 || survey.e2ee) && ev.facebook >= ev.instagram
        }
    };
    if !mine {
        return None;
    }
    Some(Box::new(MetaUnit::new(archive, flavor, survey)))
}

/// A loose JSON file that is one document of a Facebook or Instagram
/// export (a Messenger or DM thread, a posts or comments file), told by
/// its name or by the sniff `survey` uses.
pub fn claims_part(file: &Path) -> bool {
    let Some(name) = file.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let lower = name.to_lowercase();
    if ext(&lower).as_deref() != Some("json") {
        return false;
    }
    if is_message_file(&lower) {
        return true;
    }
    let mut head = Vec::new();
    std::fs::File::open(file)
        .and_then(|f| f.take(SNIFF_BYTES).read_to_end(&mut head))
        .is_ok()
        && json::sniff(&head).is_some_and(|sn| classify_sniff(&sn, &lower).is_ok())
}

pub struct MetaUnit {
    flavor: Flavor,
    /// The flavor's platform, or Threads for an export holding only
    /// Threads files.
    platform: Platform,
    /// The archive holds Threads posts or the Threads profile.
    threads: bool,
    account: String,
    layout: String,
    kinds: super::EntryKinds<Kind>,
    /// Entries by lower-case base name, for resolving media `uri`s.
    by_base: uris::ByBase,
    open_warnings: Vec<String>,
}

impl MetaUnit {
    fn new(archive: &Archive, flavor: Flavor, survey: Survey) -> MetaUnit {
        let by_base = uris::ByBase::new(archive.entries());
        let threads_only = survey.threads > 0 && survey.threads == survey.content;
        let platform = if flavor == Flavor::Instagram && threads_only {
            Platform::Threads
        } else {
            flavor.platform()
        };
        let mut unit = MetaUnit {
            flavor,
            platform,
            threads: survey.threads > 0,
            account: String::new(),
            layout: layout(
                archive,
                flavor,
                survey.e2ee,
                survey.threads > 0,
                threads_only,
            ),
            kinds: survey.kinds,
            by_base,
            open_warnings: Vec::new(),
        };
        if let Some(p) = survey.profile.as_deref().and_then(|p| archive.entry(p)) {
            match archive.read(&p, MAX_DOCUMENT).and_then(|b| json::parse(&b)) {
                Ok(mut v) => {
                    mojibake::repair_value(&mut v);
                    unit.account = account_name(&v).unwrap_or_default();
                }
                Err(e) => unit.open_warnings.push(format!("{}: {e}", p.name)),
            }
        }
        if unit.account.is_empty() {
            unit.account = account_from_root(archive, flavor).unwrap_or_default();
        }
        unit
    }

    fn resolve(&self, archive: &Archive, uri: &str) -> Option<String> {
        self.by_base.resolve(archive.entries(), uri)
    }

    fn read_json(
        &self,
        archive: &Archive,
        entry: &Entry<'_>,
        out: &mut EntryOutcome,
        emit: &mut dyn FnMut(Record),
    ) {
        let resolve = |u: &str| self.resolve(archive, u);
        let entry_name = entry.name.as_str();
        let mut holds = false;
        let streamed = {
            let mut ctx = records::Ctx {
                flavor: self.flavor,
                account: &self.account,
                entry: &entry_name,
                resolve: &resolve,
                emit: &mut *emit,
                out: &mut *out,
            };
            archive.with_entry(entry, |r| {
                json::stream_array(r, json::MAX_ELEMENT, &mut |mut v| {
                    mojibake::repair_value(&mut v);
                    holds = holds || json::holds_text(&v);
                    ctx.element(&v);
                })
            })
        };
        match streamed {
            Err(e) => {
                out.error = Some(e.to_string());
                return;
            }
            Ok(json::Streamed::Done(_)) => {
                // `[]`: nothing written, so no record is right.
                out.no_records_expected |= !holds;
                return;
            }
            Ok(json::Streamed::Failed(_, why)) => {
                out.error = Some(format!("{}: {why}", entry.name));
                return;
            }
            Ok(json::Streamed::NotArray) => {}
        }
        self.read_object(archive, entry, out, emit);
    }

    /// Loads a JSON file whole (at most `MAX_DOCUMENT` bytes) and walks it.
    fn read_whole(
        &self,
        archive: &Archive,
        entry: &Entry<'_>,
        out: &mut EntryOutcome,
        emit: &mut dyn FnMut(Record),
    ) {
        let bytes = match archive.read(entry, MAX_DOCUMENT) {
            Ok(b) => b,
            Err(e) => {
                out.error = Some(e.to_string());
                return;
            }
        };
        let mut v = match json::parse(&bytes) {
            Ok(v) => v,
            Err(e) => {
                out.error = Some(e.to_string());
                return;
            }
        };
        drop(bytes);
        mojibake::repair_value(&mut v);
        let resolve = |u: &str| self.resolve(archive, u);
        let entry_name = entry.name.as_str();
        let mut ctx = records::Ctx {
            flavor: self.flavor,
            account: &self.account,
            entry: &entry_name,
            resolve: &resolve,
            emit,
            out,
        };
        ctx.root(&v);
        // `{"comments_v2": []}`: nothing written, so no record is right.
        out.no_records_expected |= !json::holds_text(&v);
    }

    /// An HTML page, cut into its item blocks as it streams by and each
    /// block parsed on its own (`html::cut`), or parsed whole
    /// (`read_html_whole`) when `cut` says the items alone do not give it.
    fn read_html(
        &self,
        archive: &Archive,
        entry: &Entry<'_>,
        page: html::Page,
        out: &mut EntryOutcome,
        emit: &mut dyn FnMut(Record),
    ) {
        let resolve = |u: &str| self.resolve(archive, u);
        let entry_name = entry.name.as_str();
        let mut ctx = html::Ctx {
            flavor: self.flavor,
            account: &self.account,
            entry: &entry_name,
            resolve: &resolve,
            emit: &mut *emit,
            out: &mut *out,
            bad_dates: 0,
            first_bad: None,
        };
        let mut read = |f: &mut dyn FnMut(&mut dyn Read)| archive.with_entry(entry, f);
        let walked = html::cut::read_page(
            &mut read,
            page,
            html::cut::MAX_ITEM,
            html::cut::MAX_LEGACY,
            html::cut::GROUP,
            &mut ctx,
        );
        if walked == wrapped::Walked::Whole {
            self.read_html_whole(archive, entry, page, out, emit);
        }
    }

    /// An HTML page parsed whole, at most `html::MAX_HTML` bytes.
    fn read_html_whole(
        &self,
        archive: &Archive,
        entry: &Entry<'_>,
        page: html::Page,
        out: &mut EntryOutcome,
        emit: &mut dyn FnMut(Record),
    ) {
        let bytes = match archive.read(entry, html::MAX_HTML) {
            Ok(b) => b,
            Err(e) => {
                out.error = Some(e.to_string());
                return;
            }
        };
        // Meta declares UTF-8; a stray invalid byte becomes U+FFFD and is named.
        let text = String::from_utf8_lossy(&bytes);
        if let std::borrow::Cow::Owned(_) = text
            && let Err(e) = std::str::from_utf8(&bytes)
        {
            out.warn(format!(
                "{}: not valid UTF-8 at byte {}; invalid bytes were replaced",
                entry.name,
                e.valid_up_to()
            ));
        }
        let resolve = |u: &str| self.resolve(archive, u);
        let entry_name = entry.name.as_str();
        let mut ctx = html::Ctx {
            flavor: self.flavor,
            account: &self.account,
            entry: &entry_name,
            resolve: &resolve,
            emit,
            out,
            bad_dates: 0,
            first_bad: None,
        };
        ctx.page(&text, page);
    }

    fn read_media(
        &self,
        archive: &Archive,
        entry: &Entry<'_>,
        out: &mut EntryOutcome,
        emit: &mut dyn FnMut(Record),
    ) {
        let name = entry.name.base();
        let mut r = Record::new(self.platform, RecordKind::Media, name);
        r.account = self.account.clone();
        r.entry = entry.name.to_string();
        r.push_field(Field::MediaName, name);
        r.media.push(entry.name.to_string());
        let video = ext(name).is_some_and(|e| VIDEO_EXT.contains(&e.as_str()));
        if !video {
            r.locations
                .extend(crate::platform::exif::location(archive, entry, out));
        }
        emit(r);
        out.records += 1;
    }
}

/// The account name from a profile document: Facebook `profile_v2.name`,
/// Instagram `profile_user[].string_map_data.Username`.
fn account_name(v: &serde_json::Value) -> Option<String> {
    let p = v.get("profile_v2").or_else(|| v.get("profile"));
    if let Some(p) = p {
        let n = p.get("name");
        let name = n
            .and_then(|n| n.get("full_name"))
            .or(n)
            .and_then(|n| n.as_str());
        return name.map(String::from);
    }
    let p = v
        .get("profile_user")
        .or_else(|| v.get(records::threads::PROFILE_KEY))?;
    let u = match p {
        serde_json::Value::Array(a) => a.first()?,
        other => other,
    }
    .get("string_map_data")?;
    ["Username", "Name"]
        .iter()
        .find_map(|k| u.get(*k)?.get("value")?.as_str())
        .map(String::from)
}

/// `facebook-<user>-<date>-<id>/` or `instagram-<user>-<date>-<id>/`.
fn account_from_root(archive: &Archive, flavor: Flavor) -> Option<String> {
    let prefix = format!("{}-", flavor.platform());
    archive.entries().iter().find_map(|e| {
        e.name.as_str().split('/').find_map(|c| {
            let rest = c
                .to_lowercase()
                .strip_prefix(&prefix)
                .map(|_| &c[prefix.len()..])?;
            let parts: Vec<&str> = rest.split('-').collect();
            (parts.len() >= 2)
                .then(|| parts[0].to_string())
                .filter(|u| !u.is_empty())
        })
    })
}

/// A sentence naming the generation, from the folders present.
fn layout(
    archive: &Archive,
    flavor: Flavor,
    e2ee: bool,
    threads: bool,
    threads_only: bool,
) -> String {
    let has = |needle: &str| archive.entries().iter().any(|e| e.name.contains(needle));
    let json = archive.entries().iter().any(|e| e.name.ends_with(".json"));
    let html = archive
        .entries()
        .iter()
        .any(|e| e.name.ends_with(".html") || e.name.ends_with(".htm"));
    let format = match (json, html) {
        (true, true) => "JSON and HTML",
        (false, true) => "HTML",
        _ => "JSON",
    };
    match flavor {
        Flavor::Facebook => {
            let era = if has("this_profile's_activity_across_facebook/") {
                "Page/profile export (this_profile's_activity_across_facebook/)"
            } else if has("your_facebook_activity/") {
                "2024+ layout (your_facebook_activity/)"
            } else if has("your_activity_across_facebook/") {
                "2022–2023 layout (your_activity_across_facebook/)"
            } else if has("comments_and_reactions/") || has("posts/your_posts_") {
                "2020–2022 layout"
            } else if has("photos_and_videos/")
                || has("posts/your_posts.json")
                || has("posts/album/")
            {
                "2018–2020 layout"
            } else if has("html/messages.htm") || has("html/timeline.htm") || has("index.htm") {
                "pre-2018 archive"
            } else if e2ee {
                "end-to-end-encrypted Messenger download"
            } else {
                "loose files (layout not identified)"
            };
            format!("Facebook {format} export, {era}")
        }
        Flavor::Instagram => {
            let era = if has("your_instagram_activity/") {
                "2024+ layout (your_instagram_activity/)"
            } else if has("content/") || has("media/posts/") {
                "2021–2023 layout (content/)"
            } else if has("media.json") {
                "≤2020 layout (media.json)"
            } else {
                "loose files (layout not identified)"
            };
            if threads_only {
                return format!(
                    "Threads {format} export (the threads/ files Meta ships inside an Instagram export)"
                );
            }
            let with = if threads { ", with Threads posts" } else { "" };
            format!("Instagram {format} export, {era}{with}")
        }
    }
}

impl Unit for MetaUnit {
    fn platform(&self) -> Platform {
        self.platform
    }

    fn platforms(&self) -> Vec<Platform> {
        if self.threads && self.platform != Platform::Threads {
            vec![self.platform, Platform::Threads]
        } else {
            vec![self.platform]
        }
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
        match self.kinds.get(entry) {
            Some(Ok(Kind::Json)) => self.read_json(archive, entry, &mut out, emit),
            Some(Ok(Kind::MediaFile)) => self.read_media(archive, entry, &mut out, emit),
            Some(Ok(Kind::Html(page))) => self.read_html(archive, entry, *page, &mut out, emit),
            _ => out.error = Some(format!("{} is not a file this reader parses", entry.name)),
        }
        out
    }

    fn finish(&self, _emit: &mut dyn FnMut(Record)) -> Vec<String> {
        self.open_warnings.clone()
    }
}

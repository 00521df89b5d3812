//! Mastodon's "Request your archive" export (a zip, or the folder it
//! extracts to): `outbox.json` (every status as an ActivityPub activity),
//! `actor.json` (the profile), `likes.json`, `bookmarks.json`, the avatar
//! and header images, and the media of every status under
//! `media_attachments/`. Format notes: docs/FORMATS.md, "Mastodon".
//!
//! The archive is recognised by content: an `outbox.json` that is an
//! ActivityStreams collection, or an `actor.json` that is an ActivityPub
//! actor, wherever it sits. Its folder is the archive root.

mod outbox;

#[cfg(test)]
mod tests;

use super::*;
use crate::record::RecordKind;
use crate::vocab::Field;
use jiff::Timestamp;
use serde_json::Value;
use std::io::Read;

pub struct Mastodon;

const PLATFORM: Platform = Platform::Mastodon;

/// Bytes read from the start of a JSON file to tell what it is. The
/// outbox's `@context` alone is about 2.5 KiB before `orderedItems`.
const SNIFF: u64 = 16 << 10;

/// `actor.json` is read whole; a real one is a few KiB.
pub const MAX_ACTOR: u64 = 16 << 20;

/// Candidate `outbox.json`/`actor.json` entries sniffed per archive.
const MAX_SNIFFED: usize = 100;

/// The addressee that makes a status public (three spellings are valid
/// JSON-LD for the same IRI).
const PUBLIC: &[&str] = &[
    "https://www.w3.org/ns/activitystreams#Public",
    "as:Public",
    "Public",
];

fn base(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}

fn contains(head: &[u8], needle: &str) -> bool {
    memchr::memmem::find(head, needle.as_bytes()).is_some()
}

/// An ActivityStreams collection: Mastodon's outbox.
fn sniff_outbox(head: &[u8]) -> bool {
    contains(head, "\"orderedItems\"") || contains(head, "\"OrderedCollection\"")
}

/// An ActivityPub actor: has a handle and an outbox.
fn sniff_actor(head: &[u8]) -> bool {
    contains(head, "\"preferredUsername\"") && contains(head, "\"outbox\"")
}

fn head_of_file(path: &Path) -> Vec<u8> {
    let mut head = Vec::new();
    if let Ok(f) = std::fs::File::open(path) {
        let _ = f.take(SNIFF).read_to_end(&mut head);
    }
    head
}

fn head_of_entry(archive: &Archive, entry: &Entry<'_>) -> Vec<u8> {
    archive
        .with_entry(entry, |r| {
            let mut h = Vec::new();
            r.take(SNIFF).read_to_end(&mut h).map(|_| h)
        })
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default()
}

/// `name@host` from an actor or status URL in Mastodon's two shapes,
/// `https://host/users/name[/statuses/id]` and `https://host/@name[/id]`.
pub(crate) fn handle_from_url(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let (host, path) = rest.split_once('/')?;
    let mut parts = path.split('/');
    let name = match parts.next()? {
        "users" => parts.next()?,
        p => p.strip_prefix('@')?,
    };
    let name = name.split(['?', '#']).next().unwrap_or(name);
    (!host.is_empty() && !name.is_empty()).then(|| format!("{name}@{host}"))
}

/// Mastodon ids carry their creation time: milliseconds since 1970 in all
/// but the low 16 bits. Ids from before that scheme (2017) are small
/// sequence numbers and give no time.
pub(crate) fn time_from_id(id: &str) -> Option<Timestamp> {
    let n: u64 = id.parse().ok()?;
    let ms = i64::try_from(n >> 16).ok()?;
    // 2016-01-01 to 2100-01-01: anything else is not a time-based id.
    (1_451_606_400_000..4_102_444_800_000)
        .contains(&ms)
        .then(|| Timestamp::from_millisecond(ms).ok())
        .flatten()
}

/// What an entry under the archive root is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Outbox,
    Actor,
    /// An attached media file, or the avatar or header image.
    Media,
}

impl Reader for Mastodon {
    fn platform(&self) -> Platform {
        PLATFORM
    }

    fn claims_folder(&self, dir: &Path) -> bool {
        let outbox = dir.join("outbox.json");
        let actor = dir.join("actor.json");
        (outbox.is_file() && sniff_outbox(&head_of_file(&outbox)))
            || (actor.is_file() && sniff_actor(&head_of_file(&actor)))
    }

    fn open(&self, archive: &Archive) -> Option<Box<dyn Unit>> {
        // The root is the folder of the shallowest outbox, else actor.
        let mut outbox_root: Option<String> = None;
        let mut actor_root: Option<String> = None;
        let mut sniffed = 0;
        for e in archive.entries() {
            let b = e.name.base();
            if (b != "outbox.json" && b != "actor.json") || super::is_mac_junk(e.name) {
                continue;
            }
            sniffed += 1;
            if sniffed > MAX_SNIFFED {
                break;
            }
            let root = e.name.folder().to_string();
            let head = head_of_entry(archive, &e);
            let slot = if b == "outbox.json" && sniff_outbox(&head) {
                &mut outbox_root
            } else if b == "actor.json" && sniff_actor(&head) {
                &mut actor_root
            } else {
                continue;
            };
            if slot.as_ref().is_none_or(|r| root.len() < r.len()) {
                *slot = Some(root);
            }
        }
        let root = outbox_root.or(actor_root)?;
        Some(Box::new(MastodonUnit::new(archive, root)))
    }
}

pub(crate) struct MastodonUnit {
    /// The folder holding `outbox.json`/`actor.json`, with a trailing `/`
    /// (empty at the archive's top).
    root: String,
    /// `name@host`, from `actor.json` or the outbox's `actor`.
    account: String,
    /// The actor's IRI and its profile page.
    actor_id: String,
    actor_url: String,
    /// The actor's followers collection: a status addressed to it is
    /// followers-only, not direct.
    followers: String,
    layout: String,
    open_warnings: Vec<String>,
}

/// The facts `actor.json` gives about the account.
#[derive(Default)]
struct Actor {
    id: String,
    url: String,
    username: String,
    followers: String,
}

fn actor_facts(v: &Value) -> Actor {
    let s = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    Actor {
        id: s("id"),
        url: outbox::link(v.get("url")).unwrap_or_default(),
        username: s("preferredUsername"),
        followers: s("followers"),
    }
}

impl MastodonUnit {
    fn new(archive: &Archive, root: String) -> MastodonUnit {
        let mut unit = MastodonUnit {
            root,
            account: String::new(),
            actor_id: String::new(),
            actor_url: String::new(),
            followers: String::new(),
            layout: String::new(),
            open_warnings: Vec::new(),
        };
        let actor_entry = archive.entry(&format!("{}actor.json", unit.root));
        if let Some(e) = actor_entry {
            // A broken actor.json fails its own coverage row when read;
            // here it only means the account comes from the outbox.
            if let Ok(v) = archive
                .read(&e, MAX_ACTOR)
                .and_then(|b| crate::platform::meta::json::parse(&b))
            {
                let a = actor_facts(&v);
                let host_handle = handle_from_url(&a.id).or_else(|| handle_from_url(&a.url));
                unit.account = match (a.username.is_empty(), host_handle) {
                    (false, Some(h)) => match h.split_once('@') {
                        Some((_, host)) => format!("{}@{host}", a.username),
                        None => a.username.clone(),
                    },
                    (false, None) => a.username.clone(),
                    (true, Some(h)) => h,
                    (true, None) => String::new(),
                };
                unit.actor_id = a.id;
                unit.actor_url = a.url;
                unit.followers = a.followers;
            }
        }
        let outbox_entry = archive.entry(&format!("{}outbox.json", unit.root));
        if unit.account.is_empty()
            && let Some(e) = outbox_entry
        {
            let head = head_of_entry(archive, &e);
            if let Some(actor) = outbox::actor_in_head(&head) {
                unit.account = handle_from_url(&actor).unwrap_or_default();
                unit.actor_id = actor;
            }
        }
        if unit.followers.is_empty() && !unit.actor_id.is_empty() {
            unit.followers = format!("{}/followers", unit.actor_id);
        }
        let media = archive
            .entries()
            .iter()
            .filter(|e| unit.kind(e.name) == Ok(Kind::Media))
            .count();
        let files = match (outbox_entry.is_some(), actor_entry.is_some()) {
            (true, true) => "outbox.json and actor.json",
            (true, false) => "outbox.json without actor.json",
            (false, _) => "actor.json only (no outbox.json, so no posts in this copy)",
        };
        unit.layout = format!(
            "Mastodon account archive: {files}, {media} media file{}",
            if media == 1 { "" } else { "s" }
        );
        if outbox_entry.is_none() {
            unit.open_warnings
                .push("no outbox.json in this archive: its posts were not read".into());
        }
        unit
    }

    fn kind(&self, name: Name<'_>) -> std::result::Result<Kind, Disposition> {
        let skip = |why: &str| Err(Disposition::Skipped(why.to_string()));
        if super::is_mac_junk(name) {
            return skip(
                "macOS metadata added when the export was zipped; not part of Mastodon's export",
            );
        }
        let name = name.as_str();
        let Some(rel) = name.strip_prefix(&self.root) else {
            return Err(Disposition::Unknown);
        };
        if rel.starts_with("media_attachments/") {
            return Ok(Kind::Media);
        }
        if rel.contains('/') {
            return Err(Disposition::Unknown);
        }
        let stem = rel.split('.').next().unwrap_or(rel);
        match rel {
            "outbox.json" => Ok(Kind::Outbox),
            "actor.json" => Ok(Kind::Actor),
            "likes.json" => {
                skip("posts the account favourited: addresses of other people's posts, no text")
            }
            "bookmarks.json" => {
                skip("posts the account bookmarked: addresses of other people's posts, no text")
            }
            "following_accounts.csv" | "followers.csv" => skip("accounts followed: handles only"),
            "blocked_accounts.csv" | "muted_accounts.csv" | "blocked_domains.csv" => {
                skip("blocks and mutes: handles and domains only")
            }
            "lists.csv" | "bookmarks.csv" => {
                skip("lists and bookmarks: handles and addresses only")
            }
            _ if (stem == "avatar" || stem == "header") && rel.contains('.') => Ok(Kind::Media),
            _ => Err(Disposition::Unknown),
        }
    }

    fn record(&self, kind: RecordKind, id: impl Into<String>, entry: &str) -> Record {
        let mut r = Record::new(PLATFORM, kind, id);
        r.account = self.account.clone();
        r.entry = entry.to_string();
        r
    }

    fn read_actor(
        &self,
        archive: &Archive,
        entry: &Entry<'_>,
        out: &mut EntryOutcome,
        emit: &mut dyn FnMut(Record),
    ) {
        let v = match archive
            .read(entry, MAX_ACTOR)
            .and_then(|b| crate::platform::meta::json::parse(&b))
        {
            Ok(v) => v,
            Err(e) => {
                out.error = Some(format!("{}: {e}", entry.name));
                return;
            }
        };
        if !v.is_object() {
            out.error = Some(format!(
                "{}: not an ActivityPub actor (the top level is not an object)",
                entry.name
            ));
            return;
        }
        let a = actor_facts(&v);
        let id = if a.username.is_empty() {
            self.account.clone()
        } else {
            a.username.clone()
        };
        let mut r = self.record(RecordKind::Profile, id, &entry.name.as_str());
        r.url = if a.url.is_empty() {
            a.id.clone()
        } else {
            a.url
        };
        if let Some(p) = v.get("published").and_then(Value::as_str) {
            r.created_at = p.parse().ok();
            if r.created_at.is_none() {
                out.warn(format!(
                    "account creation time {p:?} is not an RFC 3339 time; created_at left empty"
                ));
            }
        }
        r.push_field(
            Field::Title,
            v.get("name").and_then(Value::as_str).unwrap_or(""),
        );
        r.push_field(Field::Username, a.username);
        let bio = crate::platform::html_text::to_text(
            v.get("summary").and_then(Value::as_str).unwrap_or(""),
        );
        r.push_field(Field::Bio, bio.text);
        let mut websites = bio.links;
        // Profile fields: name/value pairs whose value is HTML (often a link).
        for f in outbox::items(v.get("attachment")) {
            if f.get("type").and_then(Value::as_str) != Some("PropertyValue") {
                continue;
            }
            let name = f.get("name").and_then(Value::as_str).unwrap_or("").trim();
            let value = crate::platform::html_text::to_text(
                f.get("value").and_then(Value::as_str).unwrap_or(""),
            );
            if !value.text.is_empty() {
                r.push_field(Field::Bio, format!("{name}: {}", value.text));
            }
            websites.extend(value.links);
        }
        websites.dedup();
        for w in websites {
            r.push_field(Field::Website, w);
        }
        emit(r);
        out.records += 1;
    }

    fn read_media(
        &self,
        archive: &Archive,
        entry: &Entry<'_>,
        out: &mut EntryOutcome,
        emit: &mut dyn FnMut(Record),
    ) {
        let whole = entry.name.as_str();
        let rel = whole.strip_prefix(&self.root).unwrap_or(&whole);
        let name = base(rel);
        // media_attachments/files/113/060/493/549/872/113/original/x.png:
        // the digit groups spell the attachment's id.
        let id: String = rel
            .strip_prefix("media_attachments/files/")
            .map(|p| {
                p.split('/')
                    .take_while(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
                    .collect()
            })
            .unwrap_or_default();
        let profile_image = !rel.contains('/');
        let id = if profile_image {
            name.split('.').next().unwrap_or(name).to_string()
        } else if id.is_empty() {
            name.to_string()
        } else {
            id
        };
        let mut r = self.record(RecordKind::Media, id.clone(), &whole);
        r.push_field(Field::MediaName, name);
        r.media.push(whole.to_string());
        if profile_image {
            r.url = self.actor_url.clone();
        } else {
            r.created_at = time_from_id(&id);
        }
        if entry.size == 0 {
            out.warn(format!(
                "{} is empty (0 bytes): the server stored no copy of this file",
                entry.name
            ));
        } else if !crate::vocab::is_video(name) {
            r.locations
                .extend(crate::platform::exif::location(archive, entry, out));
        }
        emit(r);
        out.records += 1;
    }
}

impl Unit for MastodonUnit {
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
        match self.kind(entry.name) {
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
        match self.kind(entry.name) {
            Ok(Kind::Outbox) => outbox::read(self, archive, entry, &mut out, emit),
            Ok(Kind::Actor) => self.read_actor(archive, entry, &mut out, emit),
            Ok(Kind::Media) => self.read_media(archive, entry, &mut out, emit),
            Err(_) => out.error = Some(format!("{} is not a file this reader parses", entry.name)),
        }
        out
    }

    fn finish(&self, _emit: &mut dyn FnMut(Record)) -> Vec<String> {
        self.open_warnings.clone()
    }
}

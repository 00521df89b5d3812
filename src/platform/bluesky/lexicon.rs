//! Repository records to `Record`s: what each collection is, and the
//! three that hold what the account published or says about itself
//! (`app.bsky.feed.post`, `app.bsky.feed.repost`, `app.bsky.actor.profile`).
//! Records are decoded to a generic DAG-CBOR value and read field by field,
//! so one field of an unexpected shape loses that field, not the post.
//! docs/FORMATS.md, "Bluesky".

use crate::record::{Record, RecordKind};
use crate::vocab::{Field, Platform};
use ipld_core::cid::Cid;
use ipld_core::ipld::Ipld;
use jiff::Timestamp;
use std::collections::{BTreeMap, HashMap};

pub const POST: &str = "app.bsky.feed.post";
pub const REPOST: &str = "app.bsky.feed.repost";
pub const PROFILE: &str = "app.bsky.actor.profile";

/// What the reader does with a collection's records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Collection {
    Post,
    Repost,
    Profile,
    /// Known and not needed by any rule; the text says what they are.
    Skipped(&'static str),
    Unknown,
}

impl Collection {
    /// Records of this collection are decoded and emitted (the others
    /// are only counted).
    pub fn is_read(&self) -> bool {
        matches!(
            self,
            Collection::Post | Collection::Repost | Collection::Profile
        )
    }
}

pub fn collection(name: &str) -> Collection {
    match name {
        POST => Collection::Post,
        REPOST => Collection::Repost,
        PROFILE => Collection::Profile,
        "app.bsky.feed.like" => Collection::Skipped("likes"),
        "app.bsky.graph.follow" => Collection::Skipped("follows"),
        "app.bsky.graph.block" => Collection::Skipped("blocks"),
        "app.bsky.graph.list" => Collection::Skipped("lists"),
        "app.bsky.graph.listitem" => Collection::Skipped("list members"),
        "app.bsky.graph.listblock" => Collection::Skipped("blocked lists"),
        "app.bsky.graph.starterpack" => Collection::Skipped("starter packs"),
        "app.bsky.graph.verification" => Collection::Skipped("verifications"),
        "app.bsky.feed.threadgate" => Collection::Skipped("reply settings"),
        "app.bsky.feed.postgate" => Collection::Skipped("quote settings"),
        "app.bsky.feed.generator" => Collection::Skipped("custom feeds"),
        "app.bsky.labeler.service" => Collection::Skipped("labeler settings"),
        "app.bsky.actor.status" => Collection::Skipped("live status"),
        "app.bsky.notification.declaration" => Collection::Skipped("notification settings"),
        "chat.bsky.actor.declaration" => Collection::Skipped("chat settings"),
        // 2023 repositories: the account-type declaration of the time.
        "app.bsky.system.declaration" => Collection::Skipped("account type declarations"),
        _ => Collection::Unknown,
    }
}

/// What a record is about, for messages about it.
pub struct At<'a> {
    /// The repository key, `collection/rkey`.
    pub key: &'a str,
    pub rkey: &'a str,
}

/// What every record of one repository shares.
pub struct Ctx<'a> {
    pub did: &'a str,
    pub entry: &'a str,
    /// Blob files beside the CAR: CID → archive entry.
    pub blobs: &'a HashMap<String, String>,
}

/// Things worth telling the investigator, counted over one CAR.
#[derive(Default)]
pub struct Notes {
    /// `createdAt` values that are not times: count and the first.
    pub bad_times: u64,
    pub first_bad_time: Option<(String, String)>,
    /// `createdAt` values without a time zone, read as UTC.
    pub zoneless_times: u64,
    pub first_zoneless: Option<(String, String)>,
    /// Embeds of a type this reader does not know, by type.
    pub unknown_embeds: BTreeMap<String, u64>,
}

impl Ctx<'_> {
    fn record(&self, kind: RecordKind, key: &str) -> Record {
        let mut r = Record::new(Platform::Bluesky, kind, key);
        r.account = self.did.to_string();
        r.entry = self.entry.to_string();
        r
    }

    fn time(&self, at: &At, v: Option<&Ipld>, notes: &mut Notes) -> Option<Timestamp> {
        let s = text(v)?;
        if let Ok(t) = s.parse::<Timestamp>() {
            return Some(t);
        }
        // Some clients write no zone; atproto requires one, and UTC is
        // what such clients send in practice.
        if let Ok(dt) = s.parse::<jiff::civil::DateTime>()
            && let Ok(t) = dt.to_zoned(jiff::tz::TimeZone::UTC)
        {
            notes.zoneless_times += 1;
            notes
                .first_zoneless
                .get_or_insert_with(|| (at.key.to_string(), s.to_string()));
            return Some(t.timestamp());
        }
        notes.bad_times += 1;
        notes
            .first_bad_time
            .get_or_insert_with(|| (at.key.to_string(), s.to_string()));
        None
    }

    /// A blob's CID as a media name (`<cid>.jpeg`, so video rules see a
    /// video), and its file when the export has the blobs beside the CAR.
    fn blob(&self, v: Option<&Ipld>, r: &mut Record) {
        let Some(v) = v else { return };
        // Current blobs: {$type: blob, ref: CID, mimeType}; early 2023
        // ones: {cid: "…", mimeType}.
        let cid = match get(v, "ref") {
            Some(Ipld::Link(c)) => c.to_string(),
            _ => match text(get(v, "cid")) {
                Some(c) => c.to_string(),
                None => return,
            },
        };
        let ext = text(get(v, "mimeType"))
            .and_then(|m| m.split_once('/'))
            .map(|(_, sub)| sub.split(['+', ';']).next().unwrap_or(sub))
            .filter(|e| !e.is_empty() && e.chars().all(|c| c.is_ascii_alphanumeric()));
        let name = match ext {
            Some(e) => format!("{cid}.{e}"),
            None => cid.clone(),
        };
        if !r
            .fields
            .iter()
            .any(|f| f.name == Field::MediaName && f.value == name)
        {
            r.push_field(Field::MediaName, name);
        }
        if let Some(file) = self.blobs.get(&cid)
            && !r.media.contains(file)
        {
            r.media.push(file.clone());
        }
    }

    pub fn post(&self, at: &At, v: &Ipld, notes: &mut Notes) -> Record {
        let reply = get(v, "reply");
        let kind = if reply.is_some() {
            RecordKind::Reply
        } else {
            RecordKind::Post
        };
        let mut r = self.record(kind, at.key);
        r.url = post_url(self.did, at.rkey);
        r.created_at = self.time(at, get(v, "createdAt"), notes);
        let body = text(get(v, "text")).unwrap_or("");
        r.push_field(Field::Text, body);
        let mut tags = Vec::new();
        facets(body, get(v, "facets"), &mut r, &mut tags);
        entities(body, get(v, "entities"), &mut r);
        for t in list(get(v, "tags")) {
            if let Some(t) = text(Some(t)) {
                tags.push(t.to_string());
            }
        }
        push_tags(&mut r, tags);
        if let Some(did) = reply
            .and_then(|x| get(x, "parent"))
            .and_then(|p| text(get(p, "uri")))
            .and_then(uri_did)
            && !r.mentions.iter().any(|m| m == did)
        {
            r.mentions.push(did.to_string());
        }
        self.embed(get(v, "embed"), &mut r, notes);
        labels(get(v, "labels"), &mut r);
        r
    }

    pub fn repost(&self, at: &At, v: &Ipld, notes: &mut Notes) -> Record {
        let mut r = self.record(RecordKind::Repost, at.key);
        r.created_at = self.time(at, get(v, "createdAt"), notes);
        if let Some(uri) = get(v, "subject").and_then(|s| text(get(s, "uri"))) {
            r.push_field(Field::Link, uri);
            // A repost has no page of its own: the post it shares does.
            r.url = web_url(uri).unwrap_or_default();
        }
        r
    }

    pub fn profile(&self, at: &At, v: &Ipld, notes: &mut Notes) -> Record {
        let mut r = self.record(RecordKind::Profile, at.key);
        r.url = format!("https://bsky.app/profile/{}", self.did);
        r.created_at = self.time(at, get(v, "createdAt"), notes);
        r.push_field(Field::Title, text(get(v, "displayName")).unwrap_or(""));
        r.push_field(Field::Bio, text(get(v, "description")).unwrap_or(""));
        if let Some(uri) = get(v, "pinnedPost").and_then(|p| text(get(p, "uri"))) {
            r.push_field(Field::Link, uri);
        }
        self.blob(get(v, "avatar"), &mut r);
        self.blob(get(v, "banner"), &mut r);
        labels(get(v, "labels"), &mut r);
        r
    }

    fn embed(&self, e: Option<&Ipld>, r: &mut Record, notes: &mut Notes) {
        let Some(e) = e else { return };
        match text(get(e, "$type")).unwrap_or("") {
            "app.bsky.embed.images" => {
                for img in list(get(e, "images")) {
                    r.push_field(Field::AltText, text(get(img, "alt")).unwrap_or(""));
                    self.blob(get(img, "image"), r);
                }
            }
            "app.bsky.embed.video" => {
                r.push_field(Field::AltText, text(get(e, "alt")).unwrap_or(""));
                self.blob(get(e, "video"), r);
            }
            "app.bsky.embed.external" => {
                if let Some(uri) = get(e, "external").and_then(|x| text(get(x, "uri"))) {
                    push_link(r, uri);
                }
            }
            "app.bsky.embed.record" => quote(get(e, "record"), r),
            "app.bsky.embed.recordWithMedia" => {
                quote(get(e, "record").and_then(|x| get(x, "record")), r);
                // The media part is itself an images, video or external embed.
                if let Some(m) = get(e, "media")
                    && text(get(m, "$type")) != Some("app.bsky.embed.recordWithMedia")
                {
                    self.embed(Some(m), r, notes);
                }
            }
            other => {
                let name = if other.is_empty() {
                    "(no $type)"
                } else {
                    other
                };
                *notes.unknown_embeds.entry(name.to_string()).or_insert(0) += 1;
            }
        }
    }
}

/// The at:// URI of a quoted record, kept as a link.
fn quote(strong_ref: Option<&Ipld>, r: &mut Record) {
    if let Some(uri) = strong_ref.and_then(|x| text(get(x, "uri"))) {
        push_link(r, uri);
    }
}

fn push_link(r: &mut Record, uri: &str) {
    if !r
        .fields
        .iter()
        .any(|f| f.name == Field::Link && f.value == uri)
    {
        r.push_field(Field::Link, uri);
    }
}

/// Links, mentions and tags marked in the text. A mention names a DID; the
/// handle as written in the text (`@name.example`) is kept when the byte
/// range points at one, as that is what a reader of the post saw.
fn facets(body: &str, v: Option<&Ipld>, r: &mut Record, tags: &mut Vec<String>) {
    for f in list(v) {
        let span = get(f, "index").and_then(|i| {
            let n = |k| match get(i, k) {
                Some(Ipld::Integer(n)) => usize::try_from(*n).ok(),
                _ => None,
            };
            body.get(n("byteStart")?..n("byteEnd")?)
        });
        for feature in list(get(f, "features")) {
            match text(get(feature, "$type")).unwrap_or("") {
                "app.bsky.richtext.facet#link" => {
                    if let Some(uri) = text(get(feature, "uri")) {
                        push_link(r, uri);
                    }
                }
                "app.bsky.richtext.facet#mention" => {
                    push_mention(r, span, text(get(feature, "did")).unwrap_or(""));
                }
                "app.bsky.richtext.facet#tag" => {
                    if let Some(t) = text(get(feature, "tag")) {
                        tags.push(t.to_string());
                    }
                }
                _ => {}
            }
        }
    }
}

/// 2023 posts mark links and mentions as `entities` (`{type: "link" |
/// "mention", index: {start, end}, value}`) instead of facets.
fn entities(body: &str, v: Option<&Ipld>, r: &mut Record) {
    for e in list(v) {
        let Some(value) = text(get(e, "value")) else {
            continue;
        };
        match text(get(e, "type")) {
            Some("link") => push_link(r, value),
            Some("mention") => {
                let span = get(e, "index").and_then(|i| {
                    let n = |k| match get(i, k) {
                        Some(Ipld::Integer(n)) => usize::try_from(*n).ok(),
                        _ => None,
                    };
                    body.get(n("start")?..n("end")?)
                });
                push_mention(r, span, value);
            }
            _ => {}
        }
    }
}

/// A mention: the `@handle` the text shows at `span`, else the DID.
fn push_mention(r: &mut Record, span: Option<&str>, did: &str) {
    let handle = span
        .and_then(|s| s.strip_prefix('@'))
        .filter(|h| !h.is_empty() && !h.contains(char::is_whitespace));
    let who = handle.unwrap_or(did);
    if !who.is_empty() && !r.mentions.iter().any(|m| m == who) {
        r.mentions.push(who.to_string());
    }
}

fn push_tags(r: &mut Record, tags: Vec<String>) {
    let mut seen: Vec<String> = Vec::new();
    for t in tags {
        let t = t.trim().trim_start_matches('#').to_string();
        if !t.is_empty() && !seen.contains(&t) {
            seen.push(t);
        }
    }
    r.push_field(Field::Tags, seen.join(" "));
}

/// Self-labels the poster chose ("graphic-media", "nudity"…): the
/// content warning shown before the post.
fn labels(v: Option<&Ipld>, r: &mut Record) {
    let vals: Vec<&str> = list(v.and_then(|l| get(l, "values")))
        .iter()
        .filter_map(|x| text(get(x, "val")))
        .collect();
    r.push_field(Field::ContentWarning, vals.join(", "));
}

/// `https://bsky.app/profile/<did>/post/<rkey>`.
pub fn post_url(did: &str, rkey: &str) -> String {
    format!("https://bsky.app/profile/{did}/post/{rkey}")
}

/// The web page of an `at://<did>/app.bsky.feed.post/<rkey>` URI.
pub fn web_url(uri: &str) -> Option<String> {
    let rest = uri.strip_prefix("at://")?;
    let mut parts = rest.split('/');
    let (did, coll, rkey) = (parts.next()?, parts.next()?, parts.next()?);
    (coll == POST && parts.next().is_none() && !did.is_empty() && !rkey.is_empty())
        .then(|| post_url(did, rkey))
}

/// The repository (author) of an at:// URI.
fn uri_did(uri: &str) -> Option<&str> {
    let rest = uri.strip_prefix("at://")?;
    let did = rest.split('/').next()?;
    (!did.is_empty()).then_some(did)
}

pub fn get<'a>(v: &'a Ipld, k: &str) -> Option<&'a Ipld> {
    match v {
        Ipld::Map(m) => m.get(k),
        _ => None,
    }
}

pub fn text(v: Option<&Ipld>) -> Option<&str> {
    match v {
        Some(Ipld::String(s)) => Some(s),
        _ => None,
    }
}

fn list(v: Option<&Ipld>) -> &[Ipld] {
    match v {
        Some(Ipld::List(l)) => l,
        _ => &[],
    }
}

/// The `$type` a record declares.
pub fn record_type(v: &Ipld) -> Option<&str> {
    text(get(v, "$type"))
}

/// A CID string as the file name a blob has beside the CAR, if it is one.
pub fn blob_cid(base: &str) -> Option<String> {
    let stem = base.split_once('.').map_or(base, |(s, _)| s);
    // A CIDv1 in base32 (`b…`) or a CIDv0 (`Qm…`); anything else is not a blob name.
    if !(stem.starts_with('b') || stem.starts_with("Qm")) || stem.len() < 46 {
        return None;
    }
    Cid::try_from(stem).ok().map(|c| c.to_string())
}

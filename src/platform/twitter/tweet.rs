//! Tweet objects (GDPR `tweets.js` & co., bare or `{"tweet":…}` wrapped, and
//! Grailbird monthly files), and long posts from `note-tweet.js`.

use super::de::{Id, num};
use super::{TwitterUnit, js, text, time};
use crate::archive::{Archive, Entry};
use crate::error::Error;
use crate::record::{Location, Record, RecordKind};
use crate::vocab::Field;
use jiff::Timestamp;
use serde::Deserialize;
use serde_json::Value;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

#[derive(Deserialize, Default)]
#[serde(default)]
struct Wrapped<'a> {
    #[serde(borrow)]
    tweet: Option<Tweet<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Tweet<'a> {
    id_str: Id,
    id: Id,
    #[serde(borrow)]
    full_text: Option<Cow<'a, str>>,
    /// Grailbird (and the API) call it `text`.
    #[serde(borrow)]
    text: Option<Cow<'a, str>>,
    #[serde(borrow)]
    created_at: Option<Cow<'a, str>>,
    #[serde(borrow)]
    source: Option<Cow<'a, str>>,
    in_reply_to_status_id: Id,
    in_reply_to_status_id_str: Id,
    #[serde(borrow)]
    in_reply_to_screen_name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    entities: Entities<'a>,
    #[serde(borrow)]
    extended_entities: Entities<'a>,
    #[serde(borrow)]
    retweeted_status: Option<Box<Tweet<'a>>>,
    #[serde(borrow)]
    user: Option<Mention<'a>>,
    coordinates: Option<Value>,
    geo: Option<Value>,
    place: Option<Value>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Entities<'a> {
    #[serde(borrow)]
    user_mentions: Vec<Mention<'a>>,
    #[serde(borrow)]
    urls: Vec<Url<'a>>,
    #[serde(borrow)]
    media: Vec<Url<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Mention<'a> {
    #[serde(borrow)]
    screen_name: Cow<'a, str>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Url<'a> {
    #[serde(borrow)]
    url: Cow<'a, str>,
    #[serde(borrow)]
    expanded_url: Option<Cow<'a, str>>,
}

/// Parses one element of a tweet file and emits its record.
pub(super) fn read_element(
    unit: &TwitterUnit,
    archive: &Archive,
    json: &str,
    entry: &str,
    kind: RecordKind,
    warnings: &mut Vec<String>,
    emit: &mut dyn FnMut(Record),
) -> Result<u64, serde_json::Error> {
    let wrapped: Wrapped = serde_json::from_str(json)?;
    let tweet = match wrapped.tweet {
        Some(t) => t,
        None => serde_json::from_str(json)?,
    };
    let id = if tweet.id_str.is_empty() {
        tweet.id.0.clone()
    } else {
        tweet.id_str.0.clone()
    };
    if id.is_empty() {
        warnings.push(format!("{entry}: a post without an id was skipped"));
        return Ok(0);
    }
    emit(tweet_record(
        unit, archive, &tweet, id, entry, kind, warnings,
    ));
    Ok(1)
}

fn tweet_record(
    unit: &TwitterUnit,
    archive: &Archive,
    t: &Tweet,
    id: String,
    entry: &str,
    kind: RecordKind,
    warnings: &mut Vec<String>,
) -> Record {
    let raw = t.full_text.as_deref().or(t.text.as_deref()).unwrap_or("");
    let unescaped = text::unescape(raw);
    let reply = !t.in_reply_to_status_id.is_empty() || !t.in_reply_to_status_id_str.is_empty();
    let kind = if kind == RecordKind::DeletedPost {
        kind
    } else if unescaped.starts_with("RT @") || unescaped.starts_with("RT:") {
        RecordKind::Repost
    } else if reply {
        RecordKind::Reply
    } else {
        RecordKind::Post
    };
    let mut r = unit.record(kind, id, entry);
    r.url = unit.permalink(&r.id);
    if let Some(c) = t.created_at.as_deref() {
        r.created_at = time::parse(c);
        if r.created_at.is_none() {
            warnings.push(format!("{entry}: post {}: unrecognised date {c:?}", r.id));
        }
    }
    let (mut body, mut links) = expanded(t, &unescaped);
    // Grailbird keeps the whole original of a repost, whose own text is
    // cut at 140 characters: scan the original.
    if kind == RecordKind::Repost
        && let Some(rt) = t.retweeted_status.as_deref()
        && let Some(rt_text) = rt.full_text.as_deref().or(rt.text.as_deref())
    {
        let (rt_body, rt_links) = expanded(rt, &text::unescape(rt_text));
        body = match rt.user.as_ref().map(|u| &*u.screen_name) {
            Some(sn) if !sn.is_empty() => format!("RT @{sn}: {rt_body}"),
            _ => format!("RT: {rt_body}"),
        };
        for l in rt_links {
            if !links.contains(&l) {
                links.push(l);
            }
        }
    }
    if let Some(note) = unit.notes.join(r.created_at, &unescaped) {
        body = note.text.clone();
        for l in &note.links {
            if !links.contains(l) {
                links.push(l.clone());
            }
        }
        for m in &note.mentions {
            if !r.mentions.contains(m) {
                r.mentions.push(m.clone());
            }
        }
    }
    if t.entities.urls.is_empty() {
        let media = |u: &str| {
            t.entities
                .media
                .iter()
                .chain(&t.extended_entities.media)
                .any(|m| m.expanded_url.as_deref() == Some(u))
        };
        for u in text::bare_urls(&body) {
            if !links.contains(&u) && !media(&u) {
                links.push(u);
            }
        }
    }
    r.push_field(Field::Text, body);
    for l in links {
        r.push_field(Field::Link, l);
    }
    if let Some(s) = t.source.as_deref() {
        r.push_field(Field::Client, text::client_name(s));
    }
    for m in &t.entities.user_mentions {
        if !m.screen_name.is_empty() && !r.mentions.iter().any(|x| x == &*m.screen_name) {
            r.mentions.push(m.screen_name.to_string());
        }
    }
    if let Some(s) = t.in_reply_to_screen_name.as_deref()
        && !s.is_empty()
        && !r.mentions.iter().any(|x| x == s)
    {
        r.mentions.push(s.to_string());
    }
    r.locations = geo(t);
    r.media = unit.media_of(archive, &r.id);
    r
}

/// The text with short links expanded, and the expanded non-media links.
fn expanded(t: &Tweet, unescaped: &str) -> (String, Vec<String>) {
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    let mut links: Vec<String> = Vec::new();
    for u in &t.entities.urls {
        if let Some(e) = u.expanded_url.as_deref().filter(|e| !e.is_empty()) {
            pairs.push((&u.url, e));
            links.push(e.to_string());
        }
    }
    for u in t.entities.media.iter().chain(&t.extended_entities.media) {
        if let Some(e) = u.expanded_url.as_deref().filter(|e| !e.is_empty()) {
            pairs.push((&u.url, e));
        }
    }
    (text::expand_links(unescaped, &pairs), links)
}

/// Locations from `coordinates` ([lon, lat]), else `geo` ([lat, lon]),
/// plus `place` (name and bounding-box centre).
fn geo(t: &Tweet) -> Vec<Location> {
    let mut out = Vec::new();
    let pair = |v: &Option<Value>| -> Option<(f64, f64)> {
        let c = v.as_ref()?.get("coordinates")?.as_array()?;
        Some((num(c.first()?)?, num(c.get(1)?)?))
    };
    let point = pair(&t.coordinates)
        .map(|(lon, lat)| (lat, lon))
        .or_else(|| pair(&t.geo));
    if let Some((lat, lon)) = point {
        out.push(Location {
            field: Field::Geo,
            lat: Some(lat),
            lon: Some(lon),
            label: String::new(),
        });
    }
    if let Some(p) = t.place.as_ref().filter(|p| p.is_object()) {
        let name = p
            .get("full_name")
            .or_else(|| p.get("name"))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let centre = p
            .get("bounding_box")
            .and_then(|b| b.get("coordinates"))
            .and_then(|c| c.get(0))
            .and_then(Value::as_array)
            .and_then(|ring| {
                let pts: Vec<(f64, f64)> = ring
                    .iter()
                    .filter_map(|pt| Some((num(pt.get(0)?)?, num(pt.get(1)?)?)))
                    .collect();
                if pts.is_empty() {
                    return None;
                }
                let n = pts.len() as f64;
                let lon = pts.iter().map(|p| p.0).sum::<f64>() / n;
                let lat = pts.iter().map(|p| p.1).sum::<f64>() / n;
                Some((lat, lon))
            });
        if !name.is_empty() || centre.is_some() {
            out.push(Location {
                field: Field::Geo,
                lat: centre.map(|c| c.0),
                lon: centre.map(|c| c.1),
                label: name,
            });
        }
    }
    out
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct NoteElement<'a> {
    #[serde(borrow)]
    note_tweet: Option<NoteTweet<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct NoteTweet<'a> {
    note_tweet_id: Id,
    #[serde(borrow)]
    created_at: Option<Cow<'a, str>>,
    #[serde(borrow)]
    core: NoteCore<'a>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct NoteCore<'a> {
    #[serde(borrow)]
    text: Cow<'a, str>,
    #[serde(borrow)]
    urls: Vec<NoteUrl<'a>>,
    #[serde(borrow)]
    mentions: Vec<NoteMention<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct NoteUrl<'a> {
    #[serde(borrow)]
    short_url: Cow<'a, str>,
    #[serde(borrow)]
    expanded_url: Cow<'a, str>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct NoteMention<'a> {
    #[serde(borrow)]
    screen_name: Cow<'a, str>,
}

/// One long post from `note-tweet.js`.
pub struct Note {
    pub id: String,
    pub created_at: Option<Timestamp>,
    /// What the truncated post's `join_key` is a prefix of.
    key: String,
    /// Unescaped, links expanded: what rules scan.
    pub text: String,
    pub links: Vec<String>,
    pub mentions: Vec<String>,
}

fn note_from(n: NoteTweet) -> Note {
    let plain = text::unescape(&n.core.text).into_owned();
    let pairs: Vec<(&str, &str)> = n
        .core
        .urls
        .iter()
        .map(|u| (&*u.short_url, &*u.expanded_url))
        .collect();
    Note {
        id: n.note_tweet_id.0,
        created_at: n.created_at.as_deref().and_then(time::parse),
        text: text::expand_links(&plain, &pairs),
        key: text::join_key(&plain, false),
        links: n
            .core
            .urls
            .iter()
            .filter(|u| !u.expanded_url.is_empty())
            .map(|u| u.expanded_url.to_string())
            .collect(),
        mentions: n
            .core
            .mentions
            .iter()
            .filter(|m| !m.screen_name.is_empty())
            .map(|m| m.screen_name.to_string())
            .collect(),
    }
}

/// Long posts, joined to their truncated post by creation second and text
/// prefix (X gives no id link: docs/FORMATS.md, "X / Twitter", "Data files").
/// Entries are read from several threads, hence the atomic "joined" flags.
#[derive(Default)]
pub struct Notes {
    entry: String,
    notes: Vec<Note>,
    joined: Vec<AtomicBool>,
    by_second: HashMap<i64, Vec<usize>>,
}

impl Notes {
    /// Reads `note-tweet.js` (it is small): the notes, warnings, and the
    /// error that stopped reading, if any (notes before it are kept).
    pub fn load(archive: &Archive, entry: &Entry<'_>) -> (Notes, Vec<String>, Option<String>) {
        let mut notes = Notes {
            entry: entry.name.to_string(),
            ..Notes::default()
        };
        let mut warnings = Vec::new();
        let res = archive.with_entry(entry, |r| {
            let mut el = js::Elements::new(r);
            loop {
                match el.next_element() {
                    Ok(Some((json, at))) => match serde_json::from_str::<NoteElement>(json) {
                        Ok(NoteElement {
                            note_tweet: Some(n),
                        }) => notes.push(note_from(n)),
                        Ok(_) => warnings.push(format!(
                            "{}: element at byte {at} is not a noteTweet",
                            entry.name
                        )),
                        Err(e) => {
                            return Err(Error::Malformed(format!(
                                "invalid JSON in the element at byte {at}: {e}"
                            )));
                        }
                    },
                    Ok(None) => return Ok(()),
                    Err(e) => return Err(e),
                }
            }
        });
        let error = res.and_then(|r| r).err().map(|e| e.to_string());
        (notes, warnings, error)
    }

    fn push(&mut self, n: Note) {
        if let Some(t) = n.created_at {
            self.by_second
                .entry(t.as_second())
                .or_default()
                .push(self.notes.len());
        }
        self.notes.push(n);
        self.joined.push(AtomicBool::new(false));
    }

    pub fn len(&self) -> usize {
        self.notes.len()
    }

    /// The long post a truncated post belongs to, if any; marks it joined.
    pub fn join(&self, created: Option<Timestamp>, text: &str) -> Option<&Note> {
        let idx = self.by_second.get(&created?.as_second())?;
        let key = text::join_key(text, true);
        if key.is_empty() {
            return None;
        }
        // Either way round: some posts hold the whole note plus a link.
        let &i = idx.iter().find(|&&i| {
            let n = &self.notes[i].key;
            !n.is_empty() && (n.starts_with(&key) || key.starts_with(n.as_str()))
        })?;
        self.joined[i].store(true, Ordering::Relaxed);
        Some(&self.notes[i])
    }

    /// Long posts no post claimed become posts of their own, so their text
    /// is still scanned.
    pub fn emit_unjoined(&self, unit: &TwitterUnit, emit: &mut dyn FnMut(Record)) {
        for (n, j) in self.notes.iter().zip(&self.joined) {
            if !j.load(Ordering::Relaxed) {
                emit(note_record(unit, n, &self.entry, RecordKind::Post));
            }
        }
    }
}

fn note_record(unit: &TwitterUnit, n: &Note, entry: &str, kind: RecordKind) -> Record {
    let mut r = unit.record(kind, n.id.clone(), entry);
    r.url = unit.permalink(&n.id);
    r.created_at = n.created_at;
    r.push_field(Field::Text, n.text.clone());
    for l in &n.links {
        r.push_field(Field::Link, l.clone());
    }
    r.mentions = n.mentions.clone();
    r
}

/// `deleted-note-tweet.js`: long posts the account deleted; no join needed.
pub(super) fn read_deleted_note(
    unit: &TwitterUnit,
    json: &str,
    entry: &str,
    emit: &mut dyn FnMut(Record),
) -> Result<u64, serde_json::Error> {
    let el: NoteElement = serde_json::from_str(json)?;
    let Some(n) = el.note_tweet else {
        return Ok(0);
    };
    emit(note_record(
        unit,
        &note_from(n),
        entry,
        RecordKind::DeletedPost,
    ));
    Ok(1)
}

//! `outbox.json`: an ActivityStreams `OrderedCollection` whose
//! `orderedItems` are the account's activities, `Create` (a status of its
//! own, the `Note` embedded) and `Announce` (a boost; the object is only
//! the boosted status's address). The collection is streamed: serde reads
//! the top-level object key by key and hands each activity over as it is
//! parsed, so memory follows the largest activity, not the file.
//!
//! Visibility is not stated, only implied by the addressees (docs/FORMATS.md,
//! "Mastodon"): public and unlisted statuses name the Public collection,
//! followers-only ones the followers collection; a status addressed to
//! neither is a direct message.

use super::{MastodonUnit, PUBLIC, handle_from_url};
use crate::archive::{Archive, Entry};
use crate::platform::EntryOutcome;
use crate::platform::html_text;
use crate::record::{Record, RecordKind};
use crate::vocab::Field;
use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::rc::Rc;

/// The largest activity read: a real one (a status with its attachments
/// and tags) is a few KiB. Without a bound, one huge string would be held
/// whole however the file is streamed.
pub const MAX_ACTIVITY: u64 = 64 << 20;

/// Counts the bytes read and refuses more than `MAX_ACTIVITY` past the
/// start of the current activity (read-ahead buffering makes the bound
/// approximate by a few KiB).
struct Bounded<R> {
    inner: R,
    pos: Rc<Cell<u64>>,
    start: Rc<Cell<u64>>,
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.pos.get().saturating_sub(self.start.get()) > MAX_ACTIVITY + (1 << 20) {
            return Err(std::io::Error::other(format!(
                "an activity longer than {MAX_ACTIVITY} bytes"
            )));
        }
        let n = self.inner.read(buf)?;
        self.pos.set(self.pos.get() + n as u64);
        Ok(n)
    }
}

/// The values of a key that may hold one item or a list of them.
pub(super) fn items(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(Value::Null) | None => Vec::new(),
        Some(x) => vec![x],
    }
}

/// The first web address in a `url` value: a string, a `Link` object
/// (`href`), or a list of either.
pub(crate) fn link(v: Option<&Value>) -> Option<String> {
    items(v).into_iter().find_map(|x| {
        let s = match x {
            Value::String(s) => s.as_str(),
            Value::Object(o) => o.get("href").and_then(Value::as_str)?,
            _ => return None,
        };
        (s.starts_with("https://") || s.starts_with("http://")).then(|| s.to_string())
    })
}

fn str_of<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    v.get(key).and_then(Value::as_str).filter(|s| !s.is_empty())
}

/// Addressees (`to`, `cc`) as strings.
fn addressees(v: &Value) -> Vec<&str> {
    ["to", "cc"]
        .iter()
        .flat_map(|k| items(v.get(*k)))
        .filter_map(Value::as_str)
        .collect()
}

/// The status id: the last segment of `…/statuses/<id>[/activity]`, else
/// the last path segment of the IRI.
fn status_id(iri: &str) -> String {
    let iri = iri.strip_suffix("/activity").unwrap_or(iri);
    iri.rsplit('/')
        .find(|s| !s.is_empty())
        .unwrap_or(iri)
        .to_string()
}

/// The outbox's `actor` from its first bytes, when `actor.json` is absent.
pub(super) fn actor_in_head(head: &[u8]) -> Option<String> {
    static RE: std::sync::LazyLock<regex::bytes::Regex> = std::sync::LazyLock::new(|| {
        regex::bytes::Regex::new(r#""actor"\s*:\s*"(https?://[^"\\]+)""#).expect("valid regex")
    });
    let c = RE.captures(head)?;
    String::from_utf8(c.get(1)?.as_bytes().to_vec()).ok()
}

/// What one pass over the outbox counts for its warnings.
struct Reading<'a> {
    unit: &'a MastodonUnit,
    archive: &'a Archive,
    entry: &'a str,
    emit: &'a mut dyn FnMut(Record),
    out: &'a mut EntryOutcome,
    /// `orderedItems` was present (as a list).
    listed: bool,
    activities: u64,
    /// Activities of types that hold no status of the account's own.
    other: BTreeMap<String, u64>,
    bad_dates: u64,
    first_bad_date: Option<(u64, String)>,
    missing_media: u64,
    first_missing: Option<String>,
    /// Bytes read so far, and where the current activity began.
    pos: Rc<Cell<u64>>,
    start: Rc<Cell<u64>>,
}

pub(super) fn read(
    unit: &MastodonUnit,
    archive: &Archive,
    entry: &Entry<'_>,
    out: &mut EntryOutcome,
    emit: &mut dyn FnMut(Record),
) {
    let name = entry.name.as_str();
    let mut reading = Reading {
        unit,
        archive,
        entry: &name,
        emit,
        out,
        listed: false,
        activities: 0,
        other: BTreeMap::new(),
        bad_dates: 0,
        first_bad_date: None,
        missing_media: 0,
        first_missing: None,
        pos: Rc::new(Cell::new(0)),
        start: Rc::new(Cell::new(0)),
    };
    let (pos, start) = (reading.pos.clone(), reading.start.clone());
    let res = archive.with_entry(entry, |r| {
        let bounded = Bounded {
            inner: r,
            pos,
            start,
        };
        let mut r = BufReader::with_capacity(64 << 10, bounded);
        if r.fill_buf().is_ok_and(|b| b.starts_with(b"\xEF\xBB\xBF")) {
            r.consume(3);
        }
        let mut de = serde_json::Deserializer::from_reader(r);
        Top(&mut reading)
            .deserialize(&mut de)
            .and_then(|()| de.end())
    });
    match res {
        Err(e) => reading.out.error = Some(e.to_string()),
        Ok(Err(e)) => {
            let n = reading.activities;
            let at = format!("line {}, column {}", e.line(), e.column());
            // serde's message ends with its own "at line … column …".
            let msg = e.to_string();
            let msg = msg
                .rsplit_once(" at line ")
                .map_or(msg.as_str(), |(m, _)| m);
            reading.out.error = Some(if e.is_eof() {
                format!("{name} ends early at {at} (truncated file?), after {n} activities")
            } else if e.is_syntax() {
                format!("{name}: invalid JSON at {at}: {msg}; {n} activities read before it")
            } else if e.is_data() {
                format!("{name}: not an ActivityStreams collection ({msg} at {at})")
            } else {
                format!("{name}: read stopped after {n} activities: {msg}")
            });
        }
        Ok(Ok(())) => {}
    }
    reading.finish();
}

impl Reading<'_> {
    fn finish(&mut self) {
        let out = &mut *self.out;
        for (ty, n) in &self.other {
            out.warn(format!(
                "{n} activit{} of type {ty:?} not read (only Create and Announce hold the account's statuses)",
                if *n == 1 { "y" } else { "ies" }
            ));
        }
        if let Some((line, value)) = &self.first_bad_date {
            out.warn(format!(
                "{} status time{} not RFC 3339 (first in activity {line}: {value:?}); created_at left empty",
                self.bad_dates,
                if self.bad_dates == 1 { " is" } else { "s are" }
            ));
        }
        if let Some(first) = &self.first_missing {
            out.warn(format!(
                "{} attached media file{} not in the archive (first: {first}); \
                 Mastodon leaves out files missing from its storage without saying so",
                self.missing_media,
                if self.missing_media == 1 {
                    " is"
                } else {
                    "s are"
                }
            ));
        }
        if out.error.is_none() && out.records == 0 {
            out.warn(if self.listed {
                "the outbox lists no statuses: 0 records"
            } else {
                "no orderedItems list in this outbox: 0 records"
            });
        }
    }

    fn activity(&mut self, v: Value) {
        self.activities += 1;
        let ty = str_of(&v, "type").unwrap_or("").to_string();
        match ty.as_str() {
            "Create" => match v.get("object") {
                Some(o) if o.is_object() => self.status(&v, o),
                _ => self.other("Create without an embedded object"),
            },
            "Announce" => self.boost(&v),
            "" => self.other("(no type)"),
            t => self.other(t),
        }
    }

    fn other(&mut self, what: &str) {
        *self.other.entry(what.to_string()).or_insert(0) += 1;
    }

    fn time(&mut self, value: Option<&str>) -> Option<jiff::Timestamp> {
        let value = value?;
        let t = value.parse().ok();
        if t.is_none() {
            self.bad_dates += 1;
            if self.first_bad_date.is_none() {
                self.first_bad_date = Some((self.activities, value.to_string()));
            }
        }
        t
    }

    fn emit(&mut self, r: Record) {
        (self.emit)(r);
        self.out.records += 1;
    }

    /// A status of the account's own: post, reply or direct message.
    fn status(&mut self, activity: &Value, o: &Value) {
        let unit = self.unit;
        let iri = str_of(o, "id")
            .or_else(|| str_of(activity, "id"))
            .unwrap_or("");
        let to = {
            let mut a = addressees(o);
            if a.is_empty() {
                a = addressees(activity);
            }
            a
        };
        let public = to.iter().any(|a| PUBLIC.contains(a));
        let followers = to
            .iter()
            .any(|a| *a == unit.followers || a.ends_with("/followers"));
        let reply_to = str_of(o, "inReplyTo");
        let kind = if !public && !followers {
            RecordKind::Dm
        } else if reply_to.is_some() {
            RecordKind::Reply
        } else {
            RecordKind::Post
        };
        let mut r = unit.record(kind, status_id(iri), self.entry);
        r.url = link(o.get("url")).unwrap_or_else(|| iri.to_string());
        r.created_at = self.time(str_of(o, "published").or_else(|| str_of(activity, "published")));
        // `content` is the status in its own language; `contentMap` repeats
        // it per language and is the only copy in some servers' exports.
        let content = str_of(o, "content").or_else(|| {
            o.get("contentMap")
                .and_then(Value::as_object)
                .and_then(|m| m.values().find_map(Value::as_str))
        });
        let body = html_text::to_text(content.unwrap_or(""));
        let mut text = body.text;
        // A poll's options are text the account wrote too.
        for option in items(o.get("oneOf"))
            .into_iter()
            .chain(items(o.get("anyOf")))
        {
            if let Some(name) = str_of(option, "name") {
                text.push('\n');
                text.push_str(name);
            }
        }
        r.push_field(Field::Text, text.trim());
        r.push_field(
            Field::ContentWarning,
            html_text::to_text(str_of(o, "summary").unwrap_or("")).text,
        );
        for l in body.links {
            r.push_field(Field::Link, l);
        }
        self.attachments(o, &mut r);
        let mut tags = Vec::new();
        for t in items(o.get("tag")) {
            let name = str_of(t, "name").unwrap_or("");
            match str_of(t, "type") {
                Some("Mention") => {
                    let bare = name.trim_start_matches('@');
                    let handle = if bare.contains('@') {
                        Some(bare.to_string())
                    } else {
                        str_of(t, "href")
                            .and_then(handle_from_url)
                            .or_else(|| (!bare.is_empty()).then(|| bare.to_string()))
                    };
                    if let Some(h) = handle
                        && !r.mentions.contains(&h)
                    {
                        r.mentions.push(h);
                    }
                }
                Some("Hashtag") if !name.is_empty() => tags.push(name.to_string()),
                _ => {}
            }
        }
        r.push_field(Field::Tags, tags.join(" "));
        // The author replied to, unless it is the account itself (a thread).
        if let Some(h) = reply_to.and_then(handle_from_url)
            && h != unit.account
            && !r.mentions.contains(&h)
        {
            r.mentions.push(h);
        }
        self.emit(r);
    }

    /// Alt text, and the archive entry of each attached file.
    fn attachments(&mut self, o: &Value, r: &mut Record) {
        for a in items(o.get("attachment")) {
            if !a.is_object() {
                continue;
            }
            r.push_field(Field::AltText, str_of(a, "name").unwrap_or(""));
            let url = match a.get("url") {
                Some(Value::String(s)) => s.as_str(),
                other => match items(other).first().and_then(|x| str_of(x, "href")) {
                    Some(s) => s,
                    None => continue,
                },
            };
            // The export rewrites attachment URLs to the file's path in the
            // zip, sometimes with a leading `/`; other servers leave a full
            // URL whose path still names it.
            let Some(at) = url.find("media_attachments/") else {
                continue;
            };
            let rel = &url[at..];
            let name = rel.rsplit('/').next().unwrap_or(rel);
            r.push_field(Field::MediaName, name);
            let entry = format!("{}{rel}", self.unit.root);
            if self.archive.entry(&entry).is_some() {
                r.media.push(entry);
            } else {
                self.missing_media += 1;
                if self.first_missing.is_none() {
                    self.first_missing = Some(entry);
                }
            }
        }
    }

    /// A boost: only the boosted status's address is in the export.
    fn boost(&mut self, activity: &Value) {
        let iri = str_of(activity, "id").unwrap_or("");
        let object = match activity.get("object") {
            Some(Value::String(s)) => Some(s.clone()),
            Some(o) => link(o.get("url")).or_else(|| str_of(o, "id").map(String::from)),
            None => None,
        };
        let mut r = self
            .unit
            .record(RecordKind::Repost, status_id(iri), self.entry);
        r.created_at = self.time(str_of(activity, "published"));
        if let Some(o) = object {
            r.url = o.clone();
            r.push_field(Field::Link, o);
        }
        self.emit(r);
    }
}

/// The top-level collection, read key by key.
struct Top<'r, 'a>(&'r mut Reading<'a>);

impl<'de> DeserializeSeed<'de> for Top<'_, '_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Top<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an ActivityStreams collection object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == "orderedItems" || key == "items" {
                map.next_value_seed(Items(&mut *self.0))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }

    /// A bare list of activities (a hand-trimmed outbox).
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        Items(self.0).visit_seq(seq)
    }
}

/// `orderedItems`, one activity at a time.
struct Items<'r, 'a>(&'r mut Reading<'a>);

impl<'de> DeserializeSeed<'de> for Items<'_, '_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Items<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of activities")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.0.listed = true;
        loop {
            self.0.start.set(self.0.pos.get());
            let Some(v) = seq.next_element::<Value>()? else {
                break;
            };
            self.0.activity(v);
        }
        Ok(())
    }
}

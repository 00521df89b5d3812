//! Parsed (and mojibake-repaired) Meta JSON → `Record`s. One walker serves
//! every Facebook and Instagram generation: it recognises each object by
//! its keys (docs/FORMATS.md, "Facebook" and "Instagram", the tables of
//! what becomes a record), tolerates unknown keys and missing keys
//! anywhere, and never indexes blindly.
//!
//! `record_id` choices (docs/OUTPUTS.md, "Findings file", `record_id`):
//! posts, comments, albums and media items use the item's Unix-seconds
//! `timestamp` (`creation_timestamp` for media and Instagram posts, stories
//! and reels, the `string_list_data`/`Time` timestamp for Instagram
//! comments); Messenger and Instagram DMs use `timestamp_ms` (the E2EE
//! download's `timestamp`); profile and account records use the account
//! name.

mod instagram;
mod media;
mod messages;
mod profile;
mod streamed;
pub mod threads;

pub use streamed::{Plan, Step};

use super::Flavor;
use crate::platform::EntryOutcome;
use crate::record::{Location, Record, RecordKind};
use crate::vocab::Field;
use jiff::Timestamp;
use serde_json::{Map, Value};

/// Numbers above this are milliseconds (1e11 s is the year 5138).
const MS_THRESHOLD: i64 = 100_000_000_000;

/// A Unix time in seconds or milliseconds (told apart by size; `ms`
/// forces milliseconds). Zero, negative (Meta writes `-62169958800` for
/// unknown taken times) and unrepresentable values give `None`.
pub fn timestamp(v: &Value, ms: bool) -> Option<Timestamp> {
    let n = match v {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64))?,
        Value::String(s) => s.trim().parse().ok()?,
        _ => return None,
    };
    if n <= 0 {
        return None;
    }
    if ms || n > MS_THRESHOLD {
        Timestamp::from_millisecond(n).ok()
    } else {
        Timestamp::from_second(n).ok()
    }
}

/// The raw number of a timestamp, as the record id.
fn raw_id(v: Option<&Value>) -> String {
    match v {
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(s)) => s.clone(),
        _ => String::new(),
    }
}

fn s<'v>(o: &'v Map<String, Value>, k: &str) -> Option<&'v str> {
    o.get(k)
        .and_then(Value::as_str)
        .filter(|x| !x.trim().is_empty())
}

fn arr<'v>(o: &'v Map<String, Value>, k: &str) -> &'v [Value] {
    o.get(k)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

fn obj<'v>(o: &'v Map<String, Value>, k: &str) -> Option<&'v Map<String, Value>> {
    o.get(k).and_then(Value::as_object)
}

fn num(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
    .filter(|f: &f64| f.is_finite())
}

fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://")
}

/// Everything a reader needs to turn one file's values into records.
pub struct Ctx<'a> {
    pub flavor: Flavor,
    pub account: &'a str,
    pub entry: &'a str,
    /// Maps a media `uri` to the archive entry holding the file.
    pub resolve: &'a dyn Fn(&str) -> Option<String>,
    pub emit: &'a mut dyn FnMut(Record),
    pub out: &'a mut EntryOutcome,
}

impl Ctx<'_> {
    fn record(&self, kind: RecordKind, id: impl Into<String>) -> Record {
        let mut r = Record::new(self.flavor.platform(), kind, id);
        r.account = self.account.to_string();
        r.entry = self.entry.to_string();
        r
    }

    fn send(&mut self, r: Record) {
        (self.emit)(r);
        self.out.records += 1;
    }

    /// Walks a whole file.
    pub fn root(&mut self, v: &Value) {
        match v {
            Value::Array(items) => self.list("", items),
            Value::Object(o) => self.object("", o),
            _ => self.out.warn(format!(
                "{}: top-level value is not an object or array",
                self.entry
            )),
        }
    }

    /// One element of a top-level array, as `root` walks it: the streamed
    /// reader hands elements over one at a time (`json::stream_array`).
    pub fn element(&mut self, v: &Value) {
        if let Some(o) = v.as_object() {
            self.object("", o);
        }
    }

    /// An object met at the top or inside a wrapper list.
    fn object(&mut self, key: &str, o: &Map<String, Value>) {
        match shape(o) {
            Shape::Thread => self.thread(o),
            Shape::IgLegacyThread => self.ig_legacy_thread(o),
            Shape::IgLegacyComments => self.ig_legacy_comments(o),
            Shape::ThreadsPosts => self.threads_posts(arr(o, threads::POSTS_KEY)),
            Shape::ThreadsProfile => {
                if let Some(p) = o.get(threads::PROFILE_KEY) {
                    self.threads_profile(p);
                }
            }
            Shape::FbProfile => {
                if let Some(p) = obj(o, "profile_v2").or_else(|| obj(o, "profile")) {
                    self.fb_profile(p);
                }
            }
            Shape::IgProfiles => {
                for p in arr(o, "profile_user") {
                    if let Some(p) = p.as_object() {
                        self.ig_profile(p, self.flavor.platform());
                    }
                }
            }
            Shape::Album => self.album(o),
            Shape::LabelValues => self.label_values(o),
            Shape::IgLegacy => self.ig_legacy(o),
            Shape::IgPost => self.ig_post(key, o),
            Shape::Post => self.post(o),
            Shape::IgStringData => self.ig_string_data(key, o),
            Shape::MediaItem => self.media_item(key, o, None),
            Shape::Wrapper => {
                let mut any = false;
                for (k, v) in o {
                    any |= self.wrapped(k, v);
                }
                if !any && !key.is_empty() {
                    self.out.warn(format!(
                        "{}: an object under \"{key}\" has no content this reader knows",
                        self.entry
                    ));
                }
            }
        }
    }

    /// One member of a wrapper (`{"status_updates": [...]}`,
    /// `{"comments_v2": [...]}`…): whether it had content to walk.
    fn wrapped(&mut self, k: &str, v: &Value) -> bool {
        match v {
            Value::Array(items) if items.iter().any(Value::is_object) => {
                self.list(k, items);
                true
            }
            Value::Object(inner) if !inner.is_empty() => {
                self.object(k, inner);
                true
            }
            _ => false,
        }
    }

    fn list(&mut self, key: &str, items: &[Value]) {
        for item in items {
            if let Some(o) = item.as_object() {
                self.object(key, o);
            }
        }
    }

    /// A Facebook post, comment, group post or check-in object.
    fn post(&mut self, o: &Map<String, Value>) {
        let ts = o.get("timestamp");
        let mut comment: Option<&Map<String, Value>> = None;
        let mut texts = Vec::new();
        for d in arr(o, "data") {
            let Some(d) = d.as_object() else { continue };
            if let Some(p) = s(d, "post") {
                texts.push(p.to_string());
            }
            if let Some(c) = obj(d, "comment") {
                comment = Some(c);
            }
        }
        let kind = if comment.is_some() {
            RecordKind::Comment
        } else {
            RecordKind::Post
        };
        let mut r = self.record(kind, raw_id(ts));
        r.created_at = ts.and_then(|t| timestamp(t, false));
        if let Some(c) = comment {
            if let Some(t) = s(c, "comment") {
                r.push_field(Field::Text, t);
            }
            if r.created_at.is_none() {
                r.created_at = c.get("timestamp").and_then(|t| timestamp(t, false));
            }
            if let Some(g) = s(c, "group") {
                r.push_field(Field::Title, format!("in group {g}"));
            }
        }
        for t in texts {
            r.push_field(Field::Text, t);
        }
        if let Some(t) = s(o, "title") {
            r.push_field(Field::Title, t);
        }
        if let Some(t) = s(o, "text") {
            r.push_field(Field::Text, t);
        }
        let mut media = Vec::new();
        for a in arr(o, "attachments") {
            let Some(a) = a.as_object() else { continue };
            for d in arr(a, "data") {
                let Some(d) = d.as_object() else { continue };
                self.attachment(&mut r, d, &mut media);
            }
        }
        if o.contains_key("label_values") {
            self.label_fields(&mut r, arr(o, "label_values"));
        }
        for t in arr(o, "tags") {
            let name = t
                .as_str()
                .or_else(|| t.as_object().and_then(|t| s(t, "name")));
            if let Some(n) = name {
                r.mentions.push(n.to_string());
            }
        }
        let parent_text = r.field(Field::Text).map(String::from);
        for m in &media {
            if let Some(e) = m.media.first() {
                r.media.push(e.clone());
            }
        }
        self.send(r);
        for mut m in media {
            if m.field(Field::Text).is_none()
                && let Some(t) = &parent_text
            {
                m.push_field(Field::Text, t.clone());
            }
            self.send(m);
        }
    }

    fn attachment(&mut self, r: &mut Record, d: &Map<String, Value>, media: &mut Vec<Record>) {
        if let Some(m) = obj(d, "media") {
            media.push(self.media_record(m, None));
        }
        if let Some(p) = obj(d, "place") {
            self.place(r, p);
        }
        if let Some(x) = obj(d, "external_context") {
            if let Some(u) = s(x, "url") {
                r.push_field(Field::Link, u);
            }
            if let Some(n) = s(x, "name") {
                r.push_field(Field::Title, n);
            }
            if let Some(n) = s(x, "source") {
                r.push_field(Field::Title, n);
            }
        }
        if let Some(e) = obj(d, "event") {
            if let Some(n) = s(e, "name") {
                r.push_field(Field::Title, n);
            }
            if let Some(n) = s(e, "description") {
                r.push_field(Field::Text, n);
            }
            if let Some(p) = obj(e, "place") {
                self.place(r, p);
            }
        }
        if let Some(p) = obj(d, "poll") {
            if let Some(q) = s(p, "question") {
                r.push_field(Field::Text, q);
            }
            for opt in arr(p, "options") {
                if let Some(t) = opt.as_object().and_then(|o| s(o, "option")) {
                    r.push_field(Field::Text, t);
                }
            }
        }
        if let Some(f) = obj(d, "for_sale_item") {
            for k in ["title", "description"] {
                if let Some(t) = s(f, k) {
                    r.push_field(
                        if k == "title" {
                            Field::Title
                        } else {
                            Field::Text
                        },
                        t,
                    );
                }
            }
            if let Some(p) = obj(f, "location") {
                self.place(r, p);
            }
        }
        if let Some(t) = s(d, "text") {
            r.push_field(Field::Text, t);
        }
        if let Some(t) = s(d, "name") {
            r.push_field(Field::Title, t);
        }
    }

    /// `{"name", "coordinate": {"latitude", "longitude"}, "address", "url"}`.
    fn place(&mut self, r: &mut Record, p: &Map<String, Value>) {
        let name = s(p, "name").unwrap_or("");
        let address = s(p, "address").unwrap_or("");
        let label = [name, address]
            .iter()
            .filter(|x| !x.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        if !label.is_empty() {
            r.push_field(Field::Location, label.clone());
        }
        let c = obj(p, "coordinate");
        let lat = c.and_then(|c| num(c.get("latitude")));
        let lon = c.and_then(|c| num(c.get("longitude")));
        if lat.is_some() || lon.is_some() || !label.is_empty() {
            r.locations.push(Location {
                field: Field::Geo,
                lat,
                lon,
                label,
            });
        }
        if let Some(u) = s(p, "url") {
            r.push_field(Field::Link, u);
        }
    }

    /// 2023+ `label_values` (check-ins, places): `Message` is text, `Place
    /// tags` holds `Coordinates` "(lat , lon)", `Name`, `Address`.
    fn label_fields(&mut self, r: &mut Record, lvs: &[Value]) {
        let mut name = String::new();
        let mut address = String::new();
        let mut coords = None;
        let mut visit = |lv: &Map<String, Value>, r: &mut Record| {
            let label = s(lv, "label").unwrap_or("");
            let value = s(lv, "value");
            match (label, value) {
                ("Message" | "Text" | "Caption" | "Description", Some(v)) => {
                    r.push_field(Field::Text, v)
                }
                ("Coordinates", Some(v)) => coords = parse_coords(v),
                ("Name" | "Place", Some(v)) => name = v.to_string(),
                ("Address", Some(v)) => address = v.to_string(),
                ("URL" | "Link", Some(v)) if is_url(v) => r.push_field(Field::Link, v),
                _ => {}
            }
        };
        for lv in lvs {
            let Some(lv) = lv.as_object() else { continue };
            visit(lv, r);
            for sub in arr(lv, "dict").iter().chain(arr(lv, "vec")) {
                if let Some(sub) = sub.as_object() {
                    visit(sub, r);
                    for sub2 in arr(sub, "dict") {
                        if let Some(sub2) = sub2.as_object() {
                            visit(sub2, r);
                        }
                    }
                }
            }
        }
        let label = [name.as_str(), address.as_str()]
            .iter()
            .filter(|x| !x.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        if !label.is_empty() {
            r.push_field(Field::Location, label.clone());
        }
        if coords.is_some() || !label.is_empty() {
            r.locations.push(Location {
                field: Field::Geo,
                lat: coords.map(|c| c.0),
                lon: coords.map(|c| c.1),
                label,
            });
        }
    }

    /// A `label_values` object at file level (check-ins, Instagram profile
    /// details): a post when it carries a timestamp, otherwise an account fact.
    fn label_values(&mut self, o: &Map<String, Value>) {
        if o.contains_key("timestamp") {
            return self.post(o);
        }
        let mut r = self.record(RecordKind::Account, self.account.to_string());
        self.label_fields(&mut r, arr(o, "label_values"));
        if !r.fields.is_empty() || !r.locations.is_empty() {
            self.send(r);
        }
    }
}

/// What a JSON object is, told by its keys; `Ctx::object` walks each
/// kind its own way, and `Plan` says which kinds can have their long
/// lists streamed when the object is a file's top level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Thread,
    IgLegacyThread,
    IgLegacyComments,
    ThreadsPosts,
    ThreadsProfile,
    FbProfile,
    IgProfiles,
    Album,
    LabelValues,
    IgLegacy,
    IgPost,
    Post,
    IgStringData,
    MediaItem,
    /// Lists and objects under names (`{"comments_v2": [...]}`), each
    /// walked in key order.
    Wrapper,
}

/// The keys of list elements that `shape` looks at (`is_thread`): what
/// `json::object::outline` records of a long list's elements.
pub const PROBE_KEYS: &[&str] = &["sender_name", "senderName", "timestamp_ms"];

/// The first rule that matches, in the order `Ctx::object` has always
/// tried them.
pub fn shape(o: &Map<String, Value>) -> Shape {
    if is_thread(o) {
        Shape::Thread
    } else if o.contains_key("conversation") && o.contains_key("participants") {
        Shape::IgLegacyThread
    } else if o.contains_key("media_comments") || o.contains_key("live_comments") {
        Shape::IgLegacyComments
    } else if o.get(threads::POSTS_KEY).is_some_and(Value::is_array) {
        Shape::ThreadsPosts
    } else if o.contains_key(threads::PROFILE_KEY) {
        Shape::ThreadsProfile
    } else if obj(o, "profile_v2").or_else(|| obj(o, "profile")).is_some() {
        Shape::FbProfile
    } else if o.contains_key("profile_user") {
        Shape::IgProfiles
    } else if o.contains_key("photos") && (o.contains_key("name") || o.contains_key("cover_photo"))
    {
        Shape::Album
    } else if o.contains_key("label_values") {
        Shape::LabelValues
    } else if o.contains_key("path") && (o.contains_key("caption") || o.contains_key("taken_at")) {
        Shape::IgLegacy
    } else if o.contains_key("media") && !o.contains_key("timestamp") {
        Shape::IgPost
    } else if o.contains_key("timestamp")
        && (o.contains_key("data") || o.contains_key("attachments") || o.contains_key("title"))
    {
        Shape::Post
    } else if o.contains_key("string_list_data") || o.contains_key("string_map_data") {
        Shape::IgStringData
    } else if o.contains_key("uri") {
        Shape::MediaItem
    } else {
        Shape::Wrapper
    }
}

/// `participants` + `messages`, or a `messages` list of message objects.
fn is_thread(o: &Map<String, Value>) -> bool {
    let Some(msgs) = o.get("messages").and_then(Value::as_array) else {
        return false;
    };
    o.contains_key("participants")
        || o.contains_key("threadName")
        || msgs.iter().filter_map(Value::as_object).any(|m| {
            m.contains_key("sender_name")
                || m.contains_key("senderName")
                || m.contains_key("timestamp_ms")
        })
}

const COMMENT_KEYS: &[&str] = &[
    "comment",
    "opmerking",
    "kommentar",
    "commentaire",
    "comentario",
    "commento",
];
const OWNER_KEYS: &[&str] = &["media owner", "media-eigenaar"];

/// Instagram `string_map_data` profile keys (English; localized keys are
/// not mapped and are reported by nothing, as they carry no rule field).
fn ig_profile_field(k: &str) -> Option<Field> {
    Some(match k.to_lowercase().as_str() {
        "email" | "e-mail" | "email address" => Field::Email,
        "phone number" | "phone" => Field::Phone,
        "bio" | "biography" => Field::Bio,
        "website" => Field::Website,
        "name" | "username" => Field::Title,
        "city" | "location" => Field::Location,
        _ => return None,
    })
}

/// `"(38.5758 , -121.4804)"` → (38.5758, -121.4804).
pub fn parse_coords(v: &str) -> Option<(f64, f64)> {
    let v = v.trim().trim_start_matches('(').trim_end_matches(')');
    let (a, b) = v.split_once(',')?;
    let lat: f64 = a.trim().parse().ok()?;
    let lon: f64 = b.trim().parse().ok()?;
    (lat.abs() <= 90.0 && lon.abs() <= 180.0).then_some((lat, lon))
}

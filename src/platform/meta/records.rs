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

use super::Flavor;
use crate::platform::EntryOutcome;
use crate::record::{Location, Record, RecordKind};
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
        let mut r = Record::new(self.flavor.name(), kind, id);
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

    /// An object met at the top or inside a wrapper list.
    fn object(&mut self, key: &str, o: &Map<String, Value>) {
        if is_thread(o) {
            return self.thread(o);
        }
        if let Some(p) = obj(o, "profile_v2").or_else(|| obj(o, "profile")) {
            return self.fb_profile(p);
        }
        if o.contains_key("profile_user") {
            for p in arr(o, "profile_user") {
                if let Some(p) = p.as_object() {
                    self.ig_profile(p);
                }
            }
            return;
        }
        if o.contains_key("photos") && (o.contains_key("name") || o.contains_key("cover_photo")) {
            return self.album(o);
        }
        if o.contains_key("label_values") {
            return self.label_values(o);
        }
        if o.contains_key("path") && (o.contains_key("caption") || o.contains_key("taken_at")) {
            return self.ig_legacy(o);
        }
        if o.contains_key("media") && !o.contains_key("timestamp") {
            return self.ig_post(key, o);
        }
        if o.contains_key("timestamp")
            && (o.contains_key("data") || o.contains_key("attachments") || o.contains_key("title"))
        {
            return self.post(o);
        }
        if o.contains_key("string_list_data") || o.contains_key("string_map_data") {
            return self.ig_string_data(key, o);
        }
        if o.contains_key("uri") {
            return self.media_item(key, o, None);
        }
        // A wrapper: `{"status_updates": [...]}`, `{"comments_v2": [...]}`…
        let mut any = false;
        for (k, v) in o {
            match v {
                Value::Array(items) if items.iter().any(Value::is_object) => {
                    any = true;
                    self.list(k, items);
                }
                Value::Object(inner) if !inner.is_empty() => {
                    any = true;
                    self.object(k, inner);
                }
                _ => {}
            }
        }
        if !any && !key.is_empty() {
            self.out.warn(format!(
                "{}: an object under \"{key}\" has no content this reader knows",
                self.entry
            ));
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
                r.push_field("text", t);
            }
            if r.created_at.is_none() {
                r.created_at = c.get("timestamp").and_then(|t| timestamp(t, false));
            }
            if let Some(g) = s(c, "group") {
                r.push_field("title", format!("in group {g}"));
            }
        }
        for t in texts {
            r.push_field("text", t);
        }
        if let Some(t) = s(o, "title") {
            r.push_field("title", t);
        }
        if let Some(t) = s(o, "text") {
            r.push_field("text", t);
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
        let parent_text = r.field("text").map(String::from);
        for m in &media {
            if let Some(e) = m.media.first() {
                r.media.push(e.clone());
            }
        }
        self.send(r);
        for mut m in media {
            if m.field("text").is_none()
                && let Some(t) = &parent_text
            {
                m.push_field("text", t.clone());
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
                r.push_field("link", u);
            }
            if let Some(n) = s(x, "name") {
                r.push_field("title", n);
            }
            if let Some(n) = s(x, "source") {
                r.push_field("title", n);
            }
        }
        if let Some(e) = obj(d, "event") {
            if let Some(n) = s(e, "name") {
                r.push_field("title", n);
            }
            if let Some(n) = s(e, "description") {
                r.push_field("text", n);
            }
            if let Some(p) = obj(e, "place") {
                self.place(r, p);
            }
        }
        if let Some(p) = obj(d, "poll") {
            if let Some(q) = s(p, "question") {
                r.push_field("text", q);
            }
            for opt in arr(p, "options") {
                if let Some(t) = opt.as_object().and_then(|o| s(o, "option")) {
                    r.push_field("text", t);
                }
            }
        }
        if let Some(f) = obj(d, "for_sale_item") {
            for k in ["title", "description"] {
                if let Some(t) = s(f, k) {
                    r.push_field(if k == "title" { "title" } else { "text" }, t);
                }
            }
            if let Some(p) = obj(f, "location") {
                self.place(r, p);
            }
        }
        if let Some(t) = s(d, "text") {
            r.push_field("text", t);
        }
        if let Some(t) = s(d, "name") {
            r.push_field("title", t);
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
            r.push_field("location", label.clone());
        }
        let c = obj(p, "coordinate");
        let lat = c.and_then(|c| num(c.get("latitude")));
        let lon = c.and_then(|c| num(c.get("longitude")));
        if lat.is_some() || lon.is_some() || !label.is_empty() {
            r.locations.push(Location {
                field: "geo",
                lat,
                lon,
                label,
            });
        }
        if let Some(u) = s(p, "url") {
            r.push_field("link", u);
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
                    r.push_field("text", v)
                }
                ("Coordinates", Some(v)) => coords = parse_coords(v),
                ("Name" | "Place", Some(v)) => name = v.to_string(),
                ("Address", Some(v)) => address = v.to_string(),
                ("URL" | "Link", Some(v)) if is_url(v) => r.push_field("link", v),
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
            r.push_field("location", label.clone());
        }
        if coords.is_some() || !label.is_empty() {
            r.locations.push(Location {
                field: "geo",
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

    /// One media object: `uri`, `creation_timestamp`, `title`,
    /// `description`, `media_metadata` (EXIF block), `comments`.
    fn media_record(&mut self, m: &Map<String, Value>, album: Option<&str>) -> Record {
        let ts = m.get("creation_timestamp").or_else(|| m.get("timestamp"));
        let mut r = self.record(RecordKind::Media, raw_id(ts));
        r.created_at = ts.and_then(|t| timestamp(t, false));
        let uri = s(m, "uri").unwrap_or("");
        if !uri.is_empty() {
            let base = uri.split(['?', '#']).next().unwrap_or(uri);
            let name = base.rsplit('/').next().unwrap_or(base);
            r.push_field("media_name", name);
            // Remote (fbcdn) uris of 2020 exports are neither a permalink
            // nor a file in the archive: the base name is all that is kept.
            if !is_url(uri)
                && let Some(e) = (self.resolve)(uri)
            {
                r.media.push(e);
            }
        }
        if let Some(a) = album {
            r.push_field("title", a);
        }
        if let Some(t) = s(m, "title") {
            r.push_field("title", t);
        }
        if let Some(t) = s(m, "description") {
            r.push_field("text", t);
        }
        self.metadata(&mut r, m, uri);
        for c in arr(m, "comments") {
            if let Some(c) = c.as_object() {
                self.media_comment(c);
            }
        }
        r
    }

    /// `media_metadata.{photo,video}_metadata`, either `{exif_data: [..]}`
    /// (2020+) or the keys directly (2018–2020).
    fn metadata(&mut self, r: &mut Record, m: &Map<String, Value>, uri: &str) {
        let Some(md) = obj(m, "media_metadata") else {
            return;
        };
        for k in ["photo_metadata", "video_metadata", "camera_metadata"] {
            let Some(pm) = obj(md, k) else { continue };
            let blocks: Vec<&Map<String, Value>> = if pm.contains_key("exif_data") {
                arr(pm, "exif_data")
                    .iter()
                    .filter_map(Value::as_object)
                    .collect()
            } else {
                vec![pm]
            };
            for b in blocks {
                let lat = num(b.get("latitude"));
                let lon = num(b.get("longitude"));
                if let (Some(lat), Some(lon)) = (lat, lon)
                    && lat.abs() <= 90.0
                    && lon.abs() <= 180.0
                    && !(lat == 0.0 && lon == 0.0)
                {
                    r.locations.push(Location {
                        field: "exif",
                        lat: Some(lat),
                        lon: Some(lon),
                        label: uri.to_string(),
                    });
                }
                if let Some(ip) = s(b, "upload_ip") {
                    r.push_field("upload_ip", ip);
                }
                if r.created_at.is_none() {
                    r.created_at = b.get("taken_timestamp").and_then(|t| timestamp(t, false));
                }
            }
        }
    }

    fn media_comment(&mut self, c: &Map<String, Value>) {
        let ts = c.get("timestamp");
        let mut r = self.record(RecordKind::Comment, raw_id(ts));
        r.created_at = ts.and_then(|t| timestamp(t, false));
        if let Some(t) = s(c, "comment") {
            r.push_field("text", t);
        }
        if let Some(a) = s(c, "author") {
            r.push_field("title", format!("comment by {a}"));
        }
        if r.field("text").is_some() {
            self.send(r);
        }
    }

    /// A bare media object in a list (`other_photos_v2`, `videos_v2`,
    /// Instagram `ig_stories`, `ig_profile_picture`…).
    fn media_item(&mut self, key: &str, m: &Map<String, Value>, album: Option<&str>) {
        let mut r = self.media_record(m, album);
        if self.flavor == Flavor::Instagram && key.contains("stor") {
            // A story is published content; its caption is the text.
            r.kind = RecordKind::Post;
            if let Some(t) = s(m, "title") {
                r.fields.retain(|f| f.name != "title");
                r.push_field("text", t);
            }
        }
        self.send(r);
    }

    /// One album per file: `name`, `description`, `photos[]`, `cover_photo`.
    fn album(&mut self, o: &Map<String, Value>) {
        let name = s(o, "name");
        let photos = arr(o, "photos");
        let ts = o.get("last_modified_timestamp");
        let mut r = self.record(RecordKind::Media, raw_id(ts));
        r.created_at = ts.and_then(|t| timestamp(t, false));
        if let Some(n) = name {
            r.push_field("title", n);
        }
        if let Some(d) = s(o, "description") {
            r.push_field("text", d);
        }
        let mut uris = Vec::new();
        let mut records = Vec::new();
        for p in photos {
            if let Some(p) = p.as_object() {
                uris.extend(s(p, "uri"));
                records.push(self.media_record(p, name));
            }
        }
        if let Some(c) = obj(o, "cover_photo")
            && !s(c, "uri").is_some_and(|u| uris.contains(&u))
        {
            records.push(self.media_record(c, name));
        }
        r.media = records.iter().flat_map(|m| m.media.clone()).collect();
        if !r.fields.is_empty() {
            self.send(r);
        }
        for m in records {
            self.send(m);
        }
    }

    fn fb_profile(&mut self, p: &Map<String, Value>) {
        let mut r = self.record(RecordKind::Profile, self.account.to_string());
        if let Some(n) = obj(p, "name") {
            if let Some(f) = s(n, "full_name") {
                r.push_field("title", f);
            }
        } else if let Some(n) = s(p, "name") {
            r.push_field("title", n);
        }
        if let Some(u) = s(p, "profile_uri") {
            r.url = u.to_string();
        }
        if let Some(u) = s(p, "username") {
            r.push_field("title", u);
        }
        for k in ["about_me", "intro_bio", "bio", "about"] {
            if let Some(t) = s(p, k) {
                r.push_field("bio", t);
            }
        }
        for k in ["current_city", "hometown"] {
            if let Some(c) = obj(p, k).and_then(|c| s(c, "name")) {
                r.push_field("location", c);
            }
        }
        let mut a = self.record(RecordKind::Account, self.account.to_string());
        if let Some(e) = obj(p, "emails") {
            for k in [
                "emails",
                "previous_emails",
                "pending_emails",
                "ad_account_emails",
            ] {
                for m in arr(e, k) {
                    if let Some(m) = m.as_str() {
                        a.push_field("email", m);
                    }
                }
            }
        }
        for ph in arr(p, "phone_numbers") {
            let n = ph
                .as_str()
                .or_else(|| ph.as_object().and_then(|o| s(o, "phone_number")));
            if let Some(n) = n {
                a.push_field("phone", n);
            }
        }
        for w in arr(p, "websites") {
            let u = w
                .as_str()
                .or_else(|| w.as_object().and_then(|o| s(o, "address")));
            if let Some(u) = u {
                r.push_field("website", u);
            }
        }
        if let Some(ts) = p.get("registration_timestamp") {
            a.created_at = timestamp(ts, false);
        }
        self.send(r);
        if !a.fields.is_empty() {
            self.send(a);
        }
    }

    fn ig_profile(&mut self, p: &Map<String, Value>) {
        let mut r = self.record(RecordKind::Profile, self.account.to_string());
        let mut a = self.record(RecordKind::Account, self.account.to_string());
        if let Some(m) = obj(p, "string_map_data") {
            for (k, v) in m {
                let Some(v) = v.as_object().and_then(|v| s(v, "value")) else {
                    continue;
                };
                match ig_profile_field(k) {
                    Some(f @ ("email" | "phone")) => a.push_field(f, v),
                    Some(f) => r.push_field(f, v),
                    None => {}
                }
            }
        }
        self.send(r);
        if !a.fields.is_empty() {
            self.send(a);
        }
    }

    /// Instagram `{media: [...], title?, creation_timestamp?}`: a post (or
    /// reel) whose caption is the top `title`, or the single media's title.
    fn ig_post(&mut self, key: &str, o: &Map<String, Value>) {
        let media: Vec<&Map<String, Value>> = arr(o, "media")
            .iter()
            .filter_map(Value::as_object)
            .collect();
        let ts = o
            .get("creation_timestamp")
            .or_else(|| media.first().and_then(|m| m.get("creation_timestamp")));
        let mut r = self.record(RecordKind::Post, raw_id(ts));
        r.created_at = ts.and_then(|t| timestamp(t, false));
        let caption = s(o, "title").or_else(|| {
            (media.len() == 1)
                .then(|| media.first().and_then(|m| s(m, "title")))
                .flatten()
        });
        if let Some(c) = caption {
            r.push_field("text", c);
        }
        let _ = key;
        let mut records = Vec::new();
        for m in media {
            let mut mr = self.media_record(m, None);
            if Some(mr.field("title")) == Some(caption) {
                mr.fields.retain(|f| f.name != "title");
            }
            r.media.extend(mr.media.clone());
            records.push(mr);
        }
        self.send(r);
        for m in records {
            self.send(m);
        }
    }

    /// ≤2020 Instagram `media.json` items: `{caption, taken_at, path,
    /// location?}` with an ISO-8601 `taken_at` (no zone; read as UTC). The
    /// record id is the `taken_at` text.
    fn ig_legacy(&mut self, o: &Map<String, Value>) {
        let when = s(o, "taken_at").unwrap_or("");
        let mut r = self.record(RecordKind::Post, when);
        r.created_at = when.parse::<Timestamp>().ok().or_else(|| {
            when.get(..19)?
                .parse::<jiff::civil::DateTime>()
                .ok()?
                .to_zoned(jiff::tz::TimeZone::UTC)
                .ok()
                .map(|z| z.timestamp())
        });
        if let Some(c) = s(o, "caption") {
            r.push_field("text", c);
        }
        if let Some(l) = s(o, "location") {
            r.push_field("location", l);
            r.locations.push(Location {
                field: "geo",
                lat: None,
                lon: None,
                label: l.to_string(),
            });
        }
        if let Some(p) = s(o, "path") {
            let name = p.rsplit('/').next().unwrap_or(p);
            r.push_field("media_name", name);
            if let Some(e) = (self.resolve)(p) {
                r.media.push(e);
            }
        }
        self.send(r);
    }

    /// Instagram `string_list_data` / `string_map_data` items: comments
    /// (2022 `comments_media_comments`, 2023+ `post_comments_N.json`).
    fn ig_string_data(&mut self, key: &str, o: &Map<String, Value>) {
        if let Some(m) = obj(o, "string_map_data") {
            let mut text = None;
            let mut ts = None;
            let mut owner = None;
            let mut href = None;
            for (k, v) in m {
                let Some(v) = v.as_object() else { continue };
                let lk = k.to_lowercase();
                if COMMENT_KEYS.contains(&lk.as_str()) {
                    text = s(v, "value");
                } else if OWNER_KEYS.contains(&lk.as_str()) {
                    owner = s(v, "value");
                }
                if let Some(t) = v.get("timestamp").and_then(|t| timestamp(t, false)) {
                    ts = Some((t, v.get("timestamp")));
                }
                href = href.or(s(v, "href").filter(|h| is_url(h)));
            }
            let Some(text) = text else {
                self.out.warn(format!(
                    "{}: an item under \"{key}\" has no comment text this reader knows (keys: {})",
                    self.entry,
                    m.keys().cloned().collect::<Vec<_>>().join(", ")
                ));
                return;
            };
            let mut r = self.record(RecordKind::Comment, raw_id(ts.and_then(|t| t.1)));
            r.created_at = ts.map(|t| t.0);
            r.push_field("text", text);
            if let Some(o) = owner {
                r.push_field("title", format!("on a post by {o}"));
                r.mentions.push(o.to_string());
            }
            if let Some(h) = href {
                r.url = h.to_string();
            }
            return self.send(r);
        }
        let owner = s(o, "title");
        for item in arr(o, "string_list_data") {
            let Some(item) = item.as_object() else {
                continue;
            };
            let Some(text) = s(item, "value") else {
                continue;
            };
            let ts = item.get("timestamp");
            let mut r = self.record(RecordKind::Comment, raw_id(ts));
            r.created_at = ts.and_then(|t| timestamp(t, false));
            r.push_field("text", text);
            if let Some(o) = owner {
                r.push_field("title", format!("on a post by {o}"));
                r.mentions.push(o.to_string());
            }
            if let Some(h) = s(item, "href").filter(|h| is_url(h)) {
                r.url = h.to_string();
            }
            self.send(r);
        }
    }

    /// A Messenger / Instagram DM thread (`message_N.json`) or a thread of
    /// the separate end-to-end-encrypted Messenger download (camelCase keys,
    /// `timestamp` in milliseconds, participants as plain strings).
    fn thread(&mut self, o: &Map<String, Value>) {
        let title = s(o, "title").or_else(|| s(o, "threadName"));
        let mut participants: Vec<String> = Vec::new();
        for p in arr(o, "participants") {
            let n = p
                .as_str()
                .or_else(|| p.as_object().and_then(|p| s(p, "name")));
            if let Some(n) = n {
                participants.push(n.to_string());
            }
        }
        for m in arr(o, "messages") {
            let Some(m) = m.as_object() else { continue };
            let ts = m.get("timestamp_ms").or_else(|| m.get("timestamp"));
            let mut r = self.record(RecordKind::Dm, raw_id(ts));
            r.created_at = ts.and_then(|t| timestamp(t, true));
            for k in ["content", "text"] {
                if let Some(t) = s(m, k) {
                    r.push_field("text", t);
                }
            }
            if let Some(sh) = obj(m, "share") {
                if let Some(l) = s(sh, "link") {
                    r.push_field("link", l);
                }
                if let Some(t) = s(sh, "share_text") {
                    r.push_field("text", t);
                }
            }
            if let Some(t) = title {
                r.push_field("title", t);
            }
            for p in &participants {
                let sender = s(m, "sender_name").or_else(|| s(m, "senderName"));
                if Some(p.as_str()) != sender {
                    r.mentions.push(p.clone());
                }
            }
            for k in ["photos", "videos", "gifs", "audio_files", "files", "media"] {
                for x in arr(m, k) {
                    if let Some(u) = x.as_object().and_then(|x| s(x, "uri")) {
                        self.message_media(&mut r, u);
                    }
                }
            }
            if let Some(u) = obj(m, "sticker").and_then(|x| s(x, "uri")) {
                self.message_media(&mut r, u);
            }
            self.send(r);
        }
    }

    fn message_media(&mut self, r: &mut Record, uri: &str) {
        let name = uri.rsplit('/').next().unwrap_or(uri);
        r.push_field("media_name", name);
        if let Some(e) = (self.resolve)(uri) {
            r.media.push(e);
        }
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
fn ig_profile_field(k: &str) -> Option<&'static str> {
    Some(match k.to_lowercase().as_str() {
        "email" | "e-mail" | "email address" => "email",
        "phone number" | "phone" => "phone",
        "bio" | "biography" => "bio",
        "website" => "website",
        "name" | "username" => "title",
        "city" | "location" => "location",
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

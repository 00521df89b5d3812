//! Instagram's own shapes: posts and reels with a media list, the
//! legacy flat files, and `string_list_data` / `string_map_data` entries
//! (comments, likes, profile fields).

use super::messages::Head;
use super::*;
use crate::vocab::Field;

impl Ctx<'_> {
    /// Instagram `{media: [...], title?, creation_timestamp?}`: a post (or
    /// reel) whose caption is the top `title`, or the single media's title.
    pub(super) fn ig_post(&mut self, key: &str, o: &Map<String, Value>) {
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
            r.push_field(Field::Text, c);
        }
        let _ = key;
        let mut records = Vec::new();
        for m in media {
            let mut mr = self.media_record(m, None);
            if Some(mr.field(Field::Title)) == Some(caption) {
                mr.fields.retain(|f| f.name != Field::Title);
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
    pub(super) fn ig_legacy(&mut self, o: &Map<String, Value>) {
        let when = s(o, "taken_at").unwrap_or("");
        let mut r = self.record(RecordKind::Post, when);
        r.created_at = legacy_time(when);
        if let Some(c) = s(o, "caption") {
            r.push_field(Field::Text, c);
        }
        if let Some(l) = s(o, "location") {
            r.push_field(Field::Location, l);
            r.locations.push(Location {
                field: Field::Geo,
                lat: None,
                lon: None,
                label: l.to_string(),
            });
        }
        if let Some(p) = s(o, "path") {
            let name = p.rsplit('/').next().unwrap_or(p);
            r.push_field(Field::MediaName, name);
            if let Some(e) = (self.resolve)(p) {
                r.media.push(e);
            }
        }
        self.send(r);
    }

    /// ≤2020 `comments.json`: `{"media_comments": [[time, text, owner]…],
    /// "live_comments": […]}`, each comment a list of three strings: when,
    /// what the account wrote, and whose post or live video it was on.
    pub(super) fn ig_legacy_comments(&mut self, o: &Map<String, Value>) {
        for (key, what) in [
            ("media_comments", "a post"),
            ("live_comments", "a live video"),
        ] {
            for item in arr(o, key) {
                self.ig_legacy_comment(what, item);
            }
        }
    }

    /// One element of `media_comments` (`what` = "a post") or
    /// `live_comments` ("a live video").
    pub(super) fn ig_legacy_comment(&mut self, what: &str, item: &Value) {
        let parts: Vec<&str> = match item.as_array() {
            Some(a) => a.iter().map(|v| v.as_str().unwrap_or("")).collect(),
            None => return,
        };
        let (when, text, owner) = match parts.as_slice() {
            [w, t, o, ..] => (*w, *t, *o),
            [w, t] => (*w, *t, ""),
            _ => return,
        };
        if text.trim().is_empty() {
            return;
        }
        let mut r = self.record(RecordKind::Comment, when);
        r.created_at = legacy_time(when);
        if r.created_at.is_none() && !when.is_empty() {
            self.out.undated += 1;
        }
        r.push_field(Field::Text, text);
        if owner.is_empty() {
            r.push_field(Field::Title, format!("on {what}"));
        } else {
            r.push_field(Field::Title, format!("on {what} by {owner}"));
            r.mentions.push(owner.to_string());
        }
        self.send(r);
    }

    /// ≤2020 `messages.json`: a list of `{"participants": [names],
    /// "conversation": [{sender, created_at, text, link, media_url,
    /// media_share_url, media_share_caption, story_share, …}]}`.
    pub(super) fn ig_legacy_thread(&mut self, o: &Map<String, Value>) {
        let head = Head::ig_legacy(o);
        for m in arr(o, "conversation") {
            self.ig_legacy_message(&head, m);
        }
    }

    /// One element of a ≤2020 `conversation`.
    pub(super) fn ig_legacy_message(&mut self, head: &Head, m: &Value) {
        let Some(m) = m.as_object() else { return };
        let when = s(m, "created_at").unwrap_or("");
        let mut r = self.record(RecordKind::Dm, when);
        r.created_at = legacy_time(when);
        for k in ["text", "media_share_caption", "story_share"] {
            if let Some(t) = s(m, k) {
                r.push_field(Field::Text, t);
            }
        }
        for k in ["link", "media_share_url"] {
            if let Some(l) = s(m, k).filter(|l| is_url(l)) {
                r.push_field(Field::Link, l);
            }
        }
        for k in ["media", "media_url"] {
            if let Some(u) = s(m, k) {
                if is_url(u) {
                    let name = u.split(['?', '#']).next().unwrap_or(u);
                    r.push_field(Field::MediaName, name.rsplit('/').next().unwrap_or(name));
                } else {
                    self.message_media(&mut r, u);
                }
            }
        }
        r.push_field(Field::Title, head.title.as_deref().unwrap_or(""));
        let sender = s(m, "sender");
        for p in &head.participants {
            if Some(p.as_str()) != sender {
                r.mentions.push(p.clone());
            }
        }
        if r.fields.iter().any(|f| f.name != Field::Title) {
            self.send(r);
        }
    }

    /// Instagram `string_list_data` / `string_map_data` items: comments
    /// (2022 `comments_media_comments`, 2023+ `post_comments_N.json`).
    pub(super) fn ig_string_data(&mut self, key: &str, o: &Map<String, Value>) {
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
            r.push_field(Field::Text, text);
            if let Some(o) = owner {
                r.push_field(Field::Title, format!("on a post by {o}"));
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
            r.push_field(Field::Text, text);
            if let Some(o) = owner {
                r.push_field(Field::Title, format!("on a post by {o}"));
                r.mentions.push(o.to_string());
            }
            if let Some(h) = s(item, "href").filter(|h| is_url(h)) {
                r.url = h.to_string();
            }
            self.send(r);
        }
    }
}

/// A ≤2020 Instagram time: RFC 3339 with an offset (`messages.json`), or
/// an ISO date and time with no zone (`media.json`, `comments.json`),
/// read as UTC.
fn legacy_time(when: &str) -> Option<Timestamp> {
    when.parse::<Timestamp>().ok().or_else(|| {
        when.get(..19)?
            .parse::<jiff::civil::DateTime>()
            .ok()?
            .to_zoned(jiff::tz::TimeZone::UTC)
            .ok()
            .map(|z| z.timestamp())
    })
}

//! Messenger and Instagram DM threads, including the separate
//! end-to-end-encrypted Messenger download.

use super::*;
use crate::vocab::Field;

impl Ctx<'_> {
    /// A Messenger / Instagram DM thread (`message_N.json`) or a thread of
    /// the separate end-to-end-encrypted Messenger download (camelCase keys,
    /// `timestamp` in milliseconds, participants as plain strings).
    pub(super) fn thread(&mut self, o: &Map<String, Value>) {
        let head = Head::thread(o);
        for m in arr(o, "messages") {
            self.thread_message(&head, m);
        }
    }

    /// One element of a thread's `messages`.
    pub(super) fn thread_message(&mut self, head: &Head, m: &Value) {
        let Some(m) = m.as_object() else { return };
        let ts = m.get("timestamp_ms").or_else(|| m.get("timestamp"));
        let mut r = self.record(RecordKind::Dm, raw_id(ts));
        r.created_at = ts.and_then(|t| timestamp(t, true));
        for k in ["content", "text"] {
            if let Some(t) = s(m, k) {
                r.push_field(Field::Text, t);
            }
        }
        if let Some(sh) = obj(m, "share") {
            if let Some(l) = s(sh, "link") {
                r.push_field(Field::Link, l);
            }
            if let Some(t) = s(sh, "share_text") {
                r.push_field(Field::Text, t);
            }
        }
        if let Some(t) = &head.title {
            r.push_field(Field::Title, t.as_str());
        }
        for p in &head.participants {
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

    pub(super) fn message_media(&mut self, r: &mut Record, uri: &str) {
        let name = uri.rsplit('/').next().unwrap_or(uri);
        r.push_field(Field::MediaName, name);
        if let Some(e) = (self.resolve)(uri) {
            r.media.push(e);
        }
    }
}

/// What every message of a thread carries from the thread: its title and
/// who took part.
pub struct Head {
    pub(super) title: Option<String>,
    pub(super) participants: Vec<String>,
}

impl Head {
    /// A Messenger / Instagram DM thread's (`title` or `threadName`;
    /// participants as `{"name"}` objects or plain strings).
    pub(super) fn thread(o: &Map<String, Value>) -> Head {
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
        Head {
            title: title.map(String::from),
            participants,
        }
    }

    /// A ≤2020 Instagram `conversation`'s: the title is the participants
    /// (plain strings) joined.
    pub(super) fn ig_legacy(o: &Map<String, Value>) -> Head {
        let participants: Vec<String> = arr(o, "participants")
            .iter()
            .filter_map(Value::as_str)
            .map(String::from)
            .collect();
        Head {
            title: Some(participants.join(", ")),
            participants,
        }
    }
}

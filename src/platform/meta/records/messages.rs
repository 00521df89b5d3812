//! Messenger and Instagram DM threads, including the separate
//! end-to-end-encrypted Messenger download.

use super::*;
use crate::vocab::Field;

impl Ctx<'_> {
    /// A Messenger / Instagram DM thread (`message_N.json`) or a thread of
    /// the separate end-to-end-encrypted Messenger download (camelCase keys,
    /// `timestamp` in milliseconds, participants as plain strings).
    pub(super) fn thread(&mut self, o: &Map<String, Value>) {
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
            if let Some(t) = title {
                r.push_field(Field::Title, t);
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

    pub(super) fn message_media(&mut self, r: &mut Record, uri: &str) {
        let name = uri.rsplit('/').next().unwrap_or(uri);
        r.push_field(Field::MediaName, name);
        if let Some(e) = (self.resolve)(uri) {
            r.media.push(e);
        }
    }
}

//! Media items, their EXIF-like metadata and comments, and albums.

use super::*;
use crate::vocab::Field;

impl Ctx<'_> {
    /// One media object: `uri`, `creation_timestamp`, `title`,
    /// `description`, `media_metadata` (EXIF block), `comments`.
    pub(super) fn media_record(&mut self, m: &Map<String, Value>, album: Option<&str>) -> Record {
        let ts = m.get("creation_timestamp").or_else(|| m.get("timestamp"));
        let mut r = self.record(RecordKind::Media, raw_id(ts));
        r.created_at = ts.and_then(|t| timestamp(t, false));
        let uri = s(m, "uri").unwrap_or("");
        if !uri.is_empty() {
            let base = uri.split(['?', '#']).next().unwrap_or(uri);
            let name = base.rsplit('/').next().unwrap_or(base);
            r.push_field(Field::MediaName, name);
            // Remote (fbcdn) uris of 2020 exports are neither a permalink
            // nor a file in the archive: the base name is all that is kept.
            if !is_url(uri)
                && let Some(e) = (self.resolve)(uri)
            {
                r.media.push(e);
            }
        }
        if let Some(a) = album {
            r.push_field(Field::Title, a);
        }
        if let Some(t) = s(m, "title") {
            r.push_field(Field::Title, t);
        }
        if let Some(t) = s(m, "description") {
            r.push_field(Field::Text, t);
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
    pub(super) fn metadata(&mut self, r: &mut Record, m: &Map<String, Value>, uri: &str) {
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
                        field: Field::Exif,
                        lat: Some(lat),
                        lon: Some(lon),
                        label: uri.to_string(),
                    });
                }
                if let Some(ip) = s(b, "upload_ip") {
                    r.push_field(Field::UploadIp, ip);
                }
                if r.created_at.is_none() {
                    r.created_at = b.get("taken_timestamp").and_then(|t| timestamp(t, false));
                }
            }
        }
    }

    pub(super) fn media_comment(&mut self, c: &Map<String, Value>) {
        let ts = c.get("timestamp");
        let mut r = self.record(RecordKind::Comment, raw_id(ts));
        r.created_at = ts.and_then(|t| timestamp(t, false));
        if let Some(t) = s(c, "comment") {
            r.push_field(Field::Text, t);
        }
        if let Some(a) = s(c, "author") {
            r.push_field(Field::Title, format!("comment by {a}"));
        }
        if r.field(Field::Text).is_some() {
            self.send(r);
        }
    }

    /// A bare media object in a list (`other_photos_v2`, `videos_v2`,
    /// Instagram `ig_stories`, `ig_profile_picture`…).
    pub(super) fn media_item(&mut self, key: &str, m: &Map<String, Value>, album: Option<&str>) {
        let mut r = self.media_record(m, album);
        if self.flavor == Flavor::Instagram && key.contains("stor") {
            // A story is published content; its caption is the text.
            r.kind = RecordKind::Post;
            if let Some(t) = s(m, "title") {
                r.fields.retain(|f| f.name != Field::Title);
                r.push_field(Field::Text, t);
            }
        }
        self.send(r);
    }

    /// One album per file: `name`, `description`, `photos[]`, `cover_photo`.
    pub(super) fn album(&mut self, o: &Map<String, Value>) {
        let name = s(o, "name");
        let photos = arr(o, "photos");
        let ts = o.get("last_modified_timestamp");
        let mut r = self.record(RecordKind::Media, raw_id(ts));
        r.created_at = ts.and_then(|t| timestamp(t, false));
        if let Some(n) = name {
            r.push_field(Field::Title, n);
        }
        if let Some(d) = s(o, "description") {
            r.push_field(Field::Text, d);
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
}

//! Media files under `*_media/` folders: a Media record per file, with the
//! EXIF GPS position of images (a geotagged photo can reveal where staff or
//! patients were). File names start with the post or message id
//! (docs/FORMATS.md, "X / Twitter", "Data files").

use super::{TwitterUnit, time};
use crate::archive::{Archive, Entry};
use crate::platform::EntryOutcome;
use crate::record::{Record, RecordKind};
use crate::vocab::Field;

/// The post/message/account id a media file name starts with.
pub fn id_prefix(rel: &str) -> Option<&str> {
    let name = rel.rsplit('/').next()?;
    let id = name.split(['-', '.']).next()?;
    (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())).then_some(id)
}

fn folder(rel: &str) -> &str {
    rel.split('/')
        .rev()
        .skip(1)
        .find(|p| p.ends_with("_media"))
        .unwrap_or("")
}

pub(super) fn read(
    unit: &TwitterUnit,
    archive: &Archive,
    entry: &Entry<'_>,
    out: &mut EntryOutcome,
    emit: &mut dyn FnMut(Record),
) {
    let whole = entry.name.as_str();
    let rel = whole.strip_prefix(&unit.root).unwrap_or(&whole);
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let id = id_prefix(rel).unwrap_or("").to_string();
    let mut r = unit.record(RecordKind::Media, id.clone(), &whole);
    r.push_field(Field::MediaName, name);
    r.media.push(whole.to_string());
    let dir = folder(rel);
    if !id.is_empty() {
        r.url = if dir.starts_with("direct_message") {
            format!("https://x.com/messages/media/{id}")
        } else if dir == "profile_media" {
            format!("https://x.com/{}", unit.handle)
        } else {
            unit.permalink(&id)
        };
        if dir != "profile_media" {
            r.created_at = time::from_snowflake(&id);
        }
    }
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    let video = ext
        .as_deref()
        .is_some_and(|e| crate::vocab::VIDEO_EXTENSIONS.contains(&e));
    if !video {
        r.locations
            .extend(crate::platform::exif::location(archive, entry, out));
    }
    emit(r);
    out.records += 1;
}

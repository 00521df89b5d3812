//! EXIF GPS from image bytes, shared by every reader that meets media files
//! (X media folders, Facebook and Instagram exports). kamadak-exif reads
//! JPEG, PNG, TIFF, WebP and HEIF containers.

use crate::archive::{Archive, Entry};
use crate::error::{Error, Result};
use crate::platform::EntryOutcome;
use crate::record::Location;
use crate::vocab::Field;
use std::io::{Cursor, Read};

/// Largest image read whole for its EXIF; real export photos are a few MB.
pub const MAX_IMAGE: u64 = 64 << 20;

/// The EXIF GPS position of an archive entry, if it is an image that has
/// one. The first bytes decide whether it is an image (extensions lie, or
/// are missing), so videos and other files are never read whole. Problems
/// (too large, unreadable, broken EXIF) are warnings on `out`, not failures.
pub fn location(archive: &Archive, entry: &Entry<'_>, out: &mut EntryOutcome) -> Option<Location> {
    let head = archive
        .with_entry(entry, |r| {
            let mut h = Vec::with_capacity(16);
            r.take(16).read_to_end(&mut h).map(|_| h)
        })
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default();
    if !is_image(&head) {
        return None;
    }
    if entry.size > MAX_IMAGE {
        out.warn(format!(
            "{}: {} bytes, EXIF not read (over {MAX_IMAGE})",
            entry.name, entry.size
        ));
        return None;
    }
    let bytes = match archive.read(entry, MAX_IMAGE) {
        Ok(b) => b,
        Err(e) => {
            out.warn(e);
            return None;
        }
    };
    match gps(&bytes) {
        Ok(Some((lat, lon))) => Some(Location {
            field: Field::Exif,
            lat: Some(lat),
            lon: Some(lon),
            label: entry.name.to_string(),
        }),
        Ok(None) => None,
        Err(e) => {
            out.warn(format!("{}: EXIF unreadable: {e}", entry.name));
            None
        }
    }
}

/// Image containers kamadak-exif reads, by magic number.
pub fn is_image(head: &[u8]) -> bool {
    head.starts_with(b"\xFF\xD8")
        || head.starts_with(b"\x89PNG")
        || head.starts_with(b"II*\0")
        || head.starts_with(b"MM\0*")
        || (head.starts_with(b"RIFF") && head.get(8..12) == Some(b"WEBP"))
        || head.get(4..8) == Some(b"ftyp")
}

/// Signed decimal degrees from the GPS tags; `None` when there are none.
pub fn gps(bytes: &[u8]) -> Result<Option<(f64, f64)>> {
    use exif::{In, Tag, Value};
    let exif = match exif::Reader::new().read_from_container(&mut Cursor::new(bytes)) {
        Ok(e) => e,
        Err(exif::Error::NotFound(_)) | Err(exif::Error::BlankValue(_)) => return Ok(None),
        Err(e) => return Err(Error::Malformed(e.to_string())),
    };
    let coord = |tag: Tag, reference: Tag, negative: u8| -> Option<f64> {
        let f = exif.get_field(tag, In::PRIMARY)?;
        let Value::Rational(v) = &f.value else {
            return None;
        };
        let part = |i: usize| v.get(i).map(|r| r.to_f64()).filter(|x| x.is_finite());
        let deg = part(0)? + part(1).unwrap_or(0.0) / 60.0 + part(2).unwrap_or(0.0) / 3600.0;
        let neg = exif
            .get_field(reference, In::PRIMARY)
            .and_then(|f| match &f.value {
                Value::Ascii(a) => a.first().and_then(|s| s.first()).copied(),
                _ => None,
            })
            .is_some_and(|c| c.eq_ignore_ascii_case(&negative));
        Some(if neg { -deg } else { deg })
    };
    let lat = coord(Tag::GPSLatitude, Tag::GPSLatitudeRef, b'S');
    let lon = coord(Tag::GPSLongitude, Tag::GPSLongitudeRef, b'W');
    Ok(match (lat, lon) {
        (Some(lat), Some(lon)) if lat.abs() <= 90.0 && lon.abs() <= 180.0 => Some((lat, lon)),
        _ => None,
    })
}

#[cfg(test)]
/// A minimal JPEG: SOI, an APP1 Exif segment whose IFD0 points to a GPS IFD
/// (51°30'0" N, 0°7'30" W), EOI.
pub(crate) fn jpeg_with_gps() -> Vec<u8> {
    let mut t: Vec<u8> = b"MM\0\x2A\0\0\0\x08".to_vec();
    let be16 = |v: u16| v.to_be_bytes();
    let be32 = |v: u32| v.to_be_bytes();
    // IFD0 at 8: one entry, GPSInfo (0x8825, LONG) → GPS IFD at 26.
    t.extend(be16(1));
    t.extend(be16(0x8825));
    t.extend(be16(4));
    t.extend(be32(1));
    t.extend(be32(26));
    t.extend(be32(0));
    // GPS IFD at 26: four entries; rational data after it at 26+2+48+4 = 80.
    t.extend(be16(4));
    let ascii = |t: &mut Vec<u8>, tag: u16, c: u8| {
        t.extend(be16(tag));
        t.extend(be16(2));
        t.extend(be32(2));
        t.extend([c, 0, 0, 0]);
    };
    let rational = |t: &mut Vec<u8>, tag: u16, off: u32| {
        t.extend(be16(tag));
        t.extend(be16(5));
        t.extend(be32(3));
        t.extend(be32(off));
    };
    ascii(&mut t, 1, b'N');
    rational(&mut t, 2, 80);
    ascii(&mut t, 3, b'W');
    rational(&mut t, 4, 104);
    t.extend(be32(0));
    assert_eq!(t.len(), 80);
    for (n, d) in [(51, 1), (30, 1), (0, 1), (0, 1), (7, 1), (30, 1)] {
        t.extend(be32(n));
        t.extend(be32(d));
    }
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(&t);
    let mut j = vec![0xFF, 0xD8, 0xFF, 0xE1];
    j.extend(((app1.len() + 2) as u16).to_be_bytes());
    j.extend(app1);
    j.extend([0xFF, 0xD9]);
    j
}

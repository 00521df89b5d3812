//! The recording place phones write into MP4 and QuickTime files: the
//! `©xyz` box in `moov/udta` (iPhone and Android) and the
//! `com.apple.quicktime.location.ISO6709` key of `moov/meta` (iPhone),
//! both an ISO 6709 string such as `+51.5072-000.1276+015.000/`.
//!
//! A small box walker rather than a crate: it reads only box headers and
//! the two small boxes that can hold the place, and steps over everything
//! else (the media data, every track's sample tables). Where the source
//! can seek (a file in a folder, a zip entry stored without compression)
//! stepping over is a seek; in a compressed zip entry the skipped bytes
//! must be inflated and thrown away, since Deflate cannot seek. Memory is
//! bounded by [`MAX_META_BOX`] whatever the file holds
//! (docs/ARCHITECTURE.md, "Limits").

use crate::archive::{Archive, Entry};
use crate::error::{Error, Result};
use std::io::{self, Read, SeekFrom};

/// Largest `udta` or `meta` box read; phones write a few hundred bytes.
pub const MAX_META_BOX: u64 = 1 << 20;

/// Boxes inside `moov` looked at before giving up (a real one has tens).
const MAX_CHILDREN: usize = 100_000;

/// Where a location was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// QuickTime user data `©xyz` (iPhone, Android).
    UserData,
    /// The `com.apple.quicktime.location.ISO6709` metadata key (iPhone).
    AppleKey,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::UserData => "moov/udta/©xyz",
            Source::AppleKey => "moov/meta com.apple.quicktime.location.ISO6709",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Place {
    pub lat: f64,
    pub lon: f64,
    pub source: Source,
}

/// What a walk found, and what it cost.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Walk {
    pub place: Option<Place>,
    /// Bytes read from the source, including bytes inflated and thrown
    /// away to step over boxes a compressed source cannot seek past.
    pub bytes_read: u64,
    /// Bytes stepped over by seeking, never read.
    pub bytes_seeked: u64,
}

/// A byte source that can step forward: by seeking, or by reading.
pub enum Input<'a> {
    Seekable(&'a mut dyn ReadSeek),
    Stream(&'a mut dyn Read),
}

pub use crate::archive::ReadSeek;

struct Header {
    kind: [u8; 4],
    body: Option<u64>,
    len: u64,
}

struct Walker<'a> {
    input: Input<'a>,
    walk: Walk,
}

impl Walker<'_> {
    /// Fills `buf`; `Ok(false)` at a clean end of data before any byte.
    fn fill(&mut self, buf: &mut [u8]) -> io::Result<bool> {
        let r: &mut dyn Read = match &mut self.input {
            Input::Seekable(s) => s,
            Input::Stream(s) => s,
        };
        let mut got = 0;
        while got < buf.len() {
            match r.read(&mut buf[got..]) {
                Ok(0) => break,
                Ok(n) => got += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        self.walk.bytes_read += got as u64;
        if got == 0 {
            return Ok(false);
        }
        if got < buf.len() {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        Ok(true)
    }

    fn skip(&mut self, n: u64) -> io::Result<()> {
        match &mut self.input {
            Input::Seekable(s) => {
                let n = i64::try_from(n).map_err(|_| io::Error::other("box size out of range"))?;
                s.seek(SeekFrom::Current(n))?;
                self.walk.bytes_seeked += n as u64;
                Ok(())
            }
            Input::Stream(s) => {
                let copied = io::copy(&mut s.take(n), &mut io::sink())?;
                self.walk.bytes_read += copied;
                if copied < n {
                    return Err(io::ErrorKind::UnexpectedEof.into());
                }
                Ok(())
            }
        }
    }

    /// The next box header: its type, its body length (`None` for a box
    /// that runs to the end of the file) and the header's own length, or
    /// `None` at the end of data.
    fn header(&mut self) -> io::Result<Option<Header>> {
        let mut h = [0u8; 8];
        if !self.fill(&mut h)? {
            return Ok(None);
        }
        let kind = [h[4], h[5], h[6], h[7]];
        let size = u64::from(u32::from_be_bytes([h[0], h[1], h[2], h[3]]));
        let (body, len) = match size {
            0 => (None, 8),
            1 => {
                let mut large = [0u8; 8];
                if !self.fill(&mut large)? {
                    return Err(io::ErrorKind::UnexpectedEof.into());
                }
                let large = u64::from_be_bytes(large);
                let body = large
                    .checked_sub(16)
                    .ok_or_else(|| bad_size(&kind, large))?;
                (Some(body), 16)
            }
            n => (Some(n.checked_sub(8).ok_or_else(|| bad_size(&kind, n))?), 8),
        };
        Ok(Some(Header { kind, body, len }))
    }

    fn read_body(&mut self, len: u64) -> io::Result<Vec<u8>> {
        let mut body = vec![0u8; len as usize];
        if len > 0 && !self.fill(&mut body)? {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        Ok(body)
    }
}

fn bad_size(kind: &[u8; 4], size: u64) -> io::Error {
    io::Error::other(format!(
        "box {} declares {size} bytes, less than its own header",
        name(kind)
    ))
}

fn name(kind: &[u8; 4]) -> String {
    kind.iter()
        .map(|&b| if b == 0xA9 { '©' } else { b as char })
        .collect()
}

/// Walks an MP4/MOV file for the recording place. `Ok` with no place when
/// the metadata holds none; `Err` (a sentence) when the file is truncated
/// or malformed before the metadata could be read.
pub fn locate(input: Input<'_>) -> (Result<Option<Place>>, Walk) {
    let mut w = Walker {
        input,
        walk: Walk::default(),
    };
    let found = top_level(&mut w);
    let mut walk = w.walk;
    let result = match found {
        Ok(place) => {
            walk.place = place;
            Ok(place)
        }
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Err(Error::Malformed(
            "the file ends inside a box (truncated)".into(),
        )),
        Err(e) => Err(Error::Malformed(e.to_string())),
    };
    (result, walk)
}

/// [`locate`] on an archive entry: seeking past the media data where the
/// archive allows it (a folder's file, a stored zip entry), else reading
/// through it (a compressed zip entry).
pub fn locate_entry(archive: &Archive, entry: &Entry<'_>) -> (Result<Option<Place>>, Walk) {
    match archive.with_entry_seekable(entry, |r| locate(Input::Seekable(r))) {
        Ok(Some(found)) => found,
        Ok(None) => archive
            .with_entry(entry, |r| locate(Input::Stream(r)))
            .unwrap_or_else(|e| (Err(e), Walk::default())),
        Err(e) => (Err(e), Walk::default()),
    }
}

fn top_level(w: &mut Walker<'_>) -> io::Result<Option<Place>> {
    loop {
        let Some(Header { kind, body, .. }) = w.header()? else {
            return Err(io::Error::other(
                "no moov box (the metadata) in the file; it may be truncated",
            ));
        };
        if &kind == b"moov" {
            return moov(w, body);
        }
        match body {
            Some(n) => w.skip(n)?,
            None => {
                return Err(io::Error::other(format!(
                    "box {} runs to the end of the file before any moov box",
                    name(&kind)
                )));
            }
        }
    }
}

/// The children of `moov`: `udta` and `meta` are read (each under
/// [`MAX_META_BOX`]); every other child (tracks, headers) is stepped over.
fn moov(w: &mut Walker<'_>, len: Option<u64>) -> io::Result<Option<Place>> {
    let mut left = len;
    let (mut user, mut apple) = (None, None);
    for _ in 0..MAX_CHILDREN {
        if left == Some(0) {
            break;
        }
        let Some(Header { kind, body, len }) = w.header()? else {
            if left.is_none() {
                break;
            }
            return Err(io::ErrorKind::UnexpectedEof.into());
        };
        let Some(body) = body else {
            return Err(io::Error::other(format!(
                "box moov/{} has no size",
                name(&kind)
            )));
        };
        if let Some(l) = left.as_mut() {
            *l = l.checked_sub(len + body).ok_or_else(|| {
                io::Error::other(format!("box moov/{} overruns moov", name(&kind)))
            })?;
        }
        let wanted = &kind == b"udta" || &kind == b"meta";
        if wanted && body <= MAX_META_BOX {
            let bytes = w.read_body(body)?;
            if &kind == b"udta" {
                user = user.or(udta(&bytes));
            } else {
                apple = apple.or(meta(&bytes));
            }
        } else {
            w.skip(body)?;
        }
    }
    Ok(user.or(apple))
}

/// The children of a box body, as (type, body) pairs; stops at the first
/// child that does not fit.
fn children(mut b: &[u8]) -> Vec<([u8; 4], &[u8])> {
    let mut out = Vec::new();
    while b.len() >= 8 {
        let size = u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize;
        let kind = [b[4], b[5], b[6], b[7]];
        let (start, end) = match size {
            0 => (8, b.len()),
            1 if b.len() >= 16 => {
                let mut large = [0u8; 8];
                large.copy_from_slice(&b[8..16]);
                (16, usize::try_from(u64::from_be_bytes(large)).unwrap_or(0))
            }
            n => (8, n),
        };
        if end < start || end > b.len() {
            break;
        }
        out.push((kind, &b[start..end]));
        b = &b[end..];
    }
    out
}

/// `moov/udta`: `©xyz` is a 16-bit string length, a 16-bit language code,
/// then the ISO 6709 text. Some writers nest a `meta` here too.
fn udta(body: &[u8]) -> Option<Place> {
    let kids = children(body);
    let xyz = kids
        .iter()
        .find(|(k, _)| k == b"\xA9xyz")
        .and_then(|(_, b)| {
            let len = u16::from_be_bytes([*b.first()?, *b.get(1)?]) as usize;
            let text = b.get(4..4 + len).or_else(|| b.get(4..))?;
            iso6709(std::str::from_utf8(text).ok()?)
        });
    xyz.map(|(lat, lon)| Place {
        lat,
        lon,
        source: Source::UserData,
    })
    .or_else(|| {
        kids.iter()
            .filter(|(k, _)| k == b"meta")
            .find_map(|(_, b)| meta(b))
    })
}

/// `moov/meta`: a `keys` box names the keys, an `ilst` box holds one child
/// per key (its type the key's 1-based index) with a `data` box inside.
/// QuickTime writes `meta` as a plain box, ISO files as a full box with
/// four bytes of version and flags first; both are accepted.
fn meta(body: &[u8]) -> Option<Place> {
    let plain = children(body);
    let kids = if plain.iter().any(|(k, _)| k == b"keys" || k == b"ilst") {
        plain
    } else {
        children(body.get(4..)?)
    };
    let keys = kids.iter().find(|(k, _)| k == b"keys")?.1;
    let ilst = kids.iter().find(|(k, _)| k == b"ilst")?.1;
    // keys: version and flags, a count, then (size, namespace, name) each.
    let mut names = Vec::new();
    let mut k = keys.get(8..)?;
    while k.len() >= 8 {
        let size = u32::from_be_bytes([k[0], k[1], k[2], k[3]]) as usize;
        if size < 8 || size > k.len() {
            break;
        }
        names.push(&k[8..size]);
        k = &k[size..];
    }
    let wanted = names
        .iter()
        .position(|n| *n == b"com.apple.quicktime.location.ISO6709")?;
    let index = u32::try_from(wanted + 1).ok()?.to_be_bytes();
    let item = children(ilst).into_iter().find(|(k, _)| *k == index)?.1;
    let data = children(item).into_iter().find(|(k, _)| k == b"data")?.1;
    // data: a 4-byte type, a 4-byte locale, then the value.
    let (lat, lon) = iso6709(std::str::from_utf8(data.get(8..)?).ok()?)?;
    Some(Place {
        lat,
        lon,
        source: Source::AppleKey,
    })
}

/// Latitude and longitude from an ISO 6709 point: `±DD.D±DDD.D`, or with
/// minutes (`±DDMM.M±DDDMM.M`) or seconds (`±DDMMSS.S±DDDMMSS.S`), an
/// optional altitude and `/`. `None` for anything else or out of range.
pub fn iso6709(s: &str) -> Option<(f64, f64)> {
    let s = s.trim().trim_end_matches('\0');
    let b = s.as_bytes();
    let mut parts = Vec::new();
    let mut i = 0;
    while i < b.len() && parts.len() < 3 {
        if !matches!(b[i], b'+' | b'-') {
            break;
        }
        let start = i;
        i += 1;
        while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
            i += 1;
        }
        parts.push(&s[start..i]);
    }
    let rest = &s[i..];
    if parts.len() < 2 || !(rest.is_empty() || rest.starts_with('/') || rest.starts_with("CRS")) {
        return None;
    }
    let lat = angle(parts[0], 2)?;
    let lon = angle(parts[1], 3)?;
    (lat.abs() <= 90.0 && lon.abs() <= 180.0).then_some((lat, lon))
}

/// One signed ISO 6709 angle whose degrees take `deg` digits; the count of
/// digits before the point says whether minutes and seconds follow.
fn angle(part: &str, deg: usize) -> Option<f64> {
    let negative = part.starts_with('-');
    let digits = &part[1..];
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if int.is_empty() || !int.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if !frac.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let value: f64 = if frac.is_empty() {
        int.parse().ok()?
    } else {
        format!("{int}.{frac}").parse().ok()?
    };
    let degrees = match int.len() {
        n if n <= deg => value,
        n if n == deg + 2 => {
            let d = (value / 100.0).trunc();
            let m = value - d * 100.0;
            if m >= 60.0 {
                return None;
            }
            d + m / 60.0
        }
        n if n == deg + 4 => {
            let d = (value / 10_000.0).trunc();
            let m = ((value - d * 10_000.0) / 100.0).trunc();
            let sec = value - d * 10_000.0 - m * 100.0;
            if m >= 60.0 || sec >= 60.0 {
                return None;
            }
            d + m / 60.0 + sec / 3600.0
        }
        _ => return None,
    };
    Some(if negative { -degrees } else { degrees })
}

#[cfg(test)]
pub(crate) mod tests;

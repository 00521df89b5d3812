//! Phone-style MP4 and QuickTime files built byte by byte, shaped as
//! iPhones and Android phones write them (docs/FORMATS.md, "Media files"):
//! `ftyp`, then `moov` (with `mvhd`, a track, and the place in
//! `udta/©xyz` or in the Apple `meta` keys), and the media data in
//! `mdat`, before or after `moov`.
#![allow(dead_code)]

/// One box: a 32-bit size, the type, the body.
pub fn bx(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
    let mut b = ((body.len() + 8) as u32).to_be_bytes().to_vec();
    b.extend_from_slice(kind);
    b.extend_from_slice(body);
    b
}

pub fn ftyp(brand: &[u8; 4]) -> Vec<u8> {
    let mut body = brand.to_vec();
    body.extend([0, 0, 2, 0]);
    body.extend_from_slice(brand);
    body.extend_from_slice(b"mp41");
    bx(b"ftyp", &body)
}

/// `©xyz`: string length, language code, the ISO 6709 text.
pub fn xyz(iso6709: &str) -> Vec<u8> {
    let mut body = (iso6709.len() as u16).to_be_bytes().to_vec();
    body.extend([0x15, 0xC7]);
    body.extend_from_slice(iso6709.as_bytes());
    bx(b"\xA9xyz", &body)
}

/// The Apple form: `meta` with `hdlr` (mdta), `keys` and `ilst`, the
/// location as the second key, after a make.
pub fn apple_meta(iso6709: &str) -> Vec<u8> {
    let mut hdlr = vec![0u8; 8];
    hdlr.extend_from_slice(b"mdta");
    hdlr.extend([0u8; 13]);
    let key = |name: &str| {
        let mut k = ((name.len() + 8) as u32).to_be_bytes().to_vec();
        k.extend_from_slice(b"mdta");
        k.extend_from_slice(name.as_bytes());
        k
    };
    let mut keys = vec![0, 0, 0, 0, 0, 0, 0, 2];
    keys.extend(key("com.apple.quicktime.make"));
    keys.extend(key("com.apple.quicktime.location.ISO6709"));
    let data = |value: &str| {
        let mut d = vec![0, 0, 0, 1, 0, 0, 0, 0];
        d.extend_from_slice(value.as_bytes());
        bx(b"data", &d)
    };
    let mut ilst = bx(&1u32.to_be_bytes(), &data("Apple"));
    ilst.extend(bx(&2u32.to_be_bytes(), &data(iso6709)));
    let mut body = bx(b"hdlr", &hdlr);
    body.extend(bx(b"keys", &keys));
    body.extend(bx(b"ilst", &ilst));
    bx(b"meta", &body)
}

/// Where the clip's place is written.
#[derive(Clone, Copy, Debug)]
pub enum Place<'a> {
    UserData(&'a str),
    AppleKeys(&'a str),
    Nowhere,
}

/// A `moov` with a movie header, one track of `track_bytes` sample-table
/// stand-in, and the place.
pub fn moov(place: Place<'_>, track_bytes: usize) -> Vec<u8> {
    let mut body = bx(b"mvhd", &[0u8; 100]);
    body.extend(bx(b"trak", &bx(b"stbl", &vec![7u8; track_bytes])));
    match place {
        Place::UserData(iso) => body.extend(bx(b"udta", &xyz(iso))),
        Place::AppleKeys(iso) => body.extend(apple_meta(iso)),
        Place::Nowhere => body.extend(bx(b"udta", &bx(b"\xA9too", b"\0\x05\x15\xC7Lavf"))),
    }
    bx(b"moov", &body)
}

/// A whole clip: `ftyp`, then `moov` and `mdat` (`mdat_bytes` of pseudo
/// media data) in either order; phones that record straight to file put
/// `moov` last.
pub fn clip(brand: &[u8; 4], place: Place<'_>, mdat_bytes: usize, moov_last: bool) -> Vec<u8> {
    let mut media = Vec::with_capacity(mdat_bytes);
    let mut x: u32 = 0x1234_5678;
    while media.len() < mdat_bytes {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        media.push(x as u8);
    }
    let mdat = bx(b"mdat", &media);
    let moov = moov(place, 4096);
    let mut out = ftyp(brand);
    if moov_last {
        out.extend(mdat);
        out.extend(moov);
    } else {
        out.extend(moov);
        out.extend(mdat);
    }
    out
}

/// An iPhone clip (QuickTime brand, Apple keys, `moov` last).
pub fn iphone_mov(iso6709: &str) -> Vec<u8> {
    clip(b"qt  ", Place::AppleKeys(iso6709), 64 << 10, true)
}

/// An Android clip (MP4, `©xyz`, `moov` first).
pub fn android_mp4(iso6709: &str) -> Vec<u8> {
    clip(b"isom", Place::UserData(iso6709), 64 << 10, false)
}

//! The box walker on clips built byte by byte (tests/common/video.rs).

use super::*;
use std::io::Cursor;

#[path = "../../../tests/common/video.rs"]
mod build;
use build::{Place as At, clip};

const HOME: &str = "+54.9069-001.3838+012.000/";

fn seekable(bytes: &[u8]) -> (Result<Option<Place>>, Walk) {
    locate(Input::Seekable(&mut Cursor::new(bytes)))
}

fn streamed(bytes: &[u8]) -> (Result<Option<Place>>, Walk) {
    locate(Input::Stream(&mut &bytes[..]))
}

fn near(p: Place, lat: f64, lon: f64) -> bool {
    (p.lat - lat).abs() < 1e-9 && (p.lon - lon).abs() < 1e-9
}

#[test]
fn android_user_data_place_is_read_with_moov_first() {
    let v = clip(b"isom", At::UserData(HOME), 50_000, false);
    let (r, walk) = seekable(&v);
    let p = r.unwrap().expect("a place");
    assert!(near(p, 54.9069, -1.3838), "{p:?}");
    assert_eq!(p.source, Source::UserData);
    // moov comes first, so the media data is never touched.
    assert!(walk.bytes_read < 6_000, "{walk:?}");
}

#[test]
fn moov_after_the_media_data_is_reached_by_seeking_past_it() {
    let v = clip(b"qt  ", At::UserData(HOME), 3_000_000, true);
    let (r, walk) = seekable(&v);
    assert!(near(r.unwrap().unwrap(), 54.9069, -1.3838));
    assert!(walk.bytes_read < 6_000, "{walk:?}");
    assert!(walk.bytes_seeked > 3_000_000, "{walk:?}");
    // A stream cannot seek: the media data is read and thrown away.
    let (r, walk) = streamed(&v);
    assert!(near(r.unwrap().unwrap(), 54.9069, -1.3838));
    assert!(walk.bytes_read > 3_000_000, "{walk:?}");
    assert_eq!(walk.bytes_seeked, 0);
}

#[test]
fn iphone_keys_place_is_read_from_moov_meta() {
    let v = clip(
        b"qt  ",
        At::AppleKeys("+51.5072-000.1276+015.000/"),
        10_000,
        true,
    );
    let p = seekable(&v).0.unwrap().unwrap();
    assert!(near(p, 51.5072, -0.1276), "{p:?}");
    assert_eq!(p.source, Source::AppleKey);
}

#[test]
fn a_clip_without_a_place_gives_none_and_no_error() {
    let v = clip(b"isom", At::Nowhere, 10_000, true);
    assert_eq!(seekable(&v).0.unwrap(), None);
    assert_eq!(streamed(&v).0.unwrap(), None);
}

#[test]
fn a_truncated_clip_is_an_error_that_says_so() {
    let v = clip(b"isom", At::UserData(HOME), 10_000, true);
    for cut in [3, 30, v.len() - 20, v.len() - 200] {
        let e = streamed(&v[..cut]).0.unwrap_err().to_string();
        assert!(
            e.contains("truncated") || e.contains("no moov"),
            "cut at {cut}: {e}"
        );
    }
}

#[test]
fn garbage_and_lying_sizes_are_errors_not_panics() {
    let huge = [0xFF, 0xFF, 0xFF, 0xFF, b'm', b'o', b'o', b'v'];
    assert!(streamed(&huge).0.is_err());
    let tiny = [0, 0, 0, 3, b'f', b't', b'y', b'p'];
    assert!(
        streamed(&tiny)
            .0
            .unwrap_err()
            .to_string()
            .contains("less than")
    );
    // A 64-bit size far past the end, then garbage.
    let mut large = vec![0, 0, 0, 1, b'm', b'd', b'a', b't'];
    large.extend(u64::MAX.to_be_bytes());
    assert!(seekable(&large).0.is_err());
    assert!(streamed(&large).0.is_err());
    // A udta that claims more than the cap is stepped over, not loaded.
    let mut moov_body = build::bx(b"mvhd", &[0; 100]);
    moov_body.extend(((MAX_META_BOX + 9) as u32).to_be_bytes());
    moov_body.extend(b"udta");
    let v = [build::ftyp(b"isom"), build::bx(b"moov", &moov_body)].concat();
    assert!(streamed(&v).0.is_err());
    let mut state = 1u64;
    for len in [0usize, 1, 7, 8, 9, 100, 4096] {
        let noise: Vec<u8> = (0..len)
            .map(|_| {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
                (state >> 33) as u8
            })
            .collect();
        let _ = streamed(&noise);
        let _ = seekable(&noise);
    }
}

#[test]
fn iso6709_points_in_every_precision() {
    let ok = |s: &str, lat: f64, lon: f64| {
        let (a, b) = iso6709(s).unwrap_or_else(|| panic!("{s}"));
        assert!(
            (a - lat).abs() < 1e-6 && (b - lon).abs() < 1e-6,
            "{s}: {a},{b}"
        );
    };
    ok("+51.5072-000.1276+015.000/", 51.5072, -0.1276);
    ok("+51.5072-000.1276/", 51.5072, -0.1276);
    ok("-33.8688+151.2093/", -33.8688, 151.2093);
    ok("+40.7-074.0", 40.7, -74.0);
    ok("+5130.43-00007.66/", 51.0 + 30.43 / 60.0, -(7.66 / 60.0));
    ok(
        "+513026.5-0000746.0/",
        51.0 + 30.0 / 60.0 + 26.5 / 3600.0,
        -(7.0 / 60.0 + 46.0 / 3600.0),
    );
    for bad in [
        "",
        "51.5 -0.12",
        "+91.0+000.0/",
        "+45.0+181.0/",
        "+5190.0+00000.0/",
        "+45.0",
        "+4.5.0+1.0/",
        "+45.0+010.0junk",
    ] {
        assert_eq!(iso6709(bad), None, "{bad}");
    }
}

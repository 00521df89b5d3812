//! Tesseract found, refused, stopped and read. Stand-in programs (shell
//! scripts) show how a missing, old, failing or hanging engine is
//! reported; the real engine reads images the tests draw
//! (tests/common/render.rs), and those tests are `ignored` where
//! Tesseract or the font is missing (build.rs, `has_tesseract`).

use super::*;

/// The script is written by a `sh` child, not by this process: a test
/// binary runs tests on many threads, and a write handle held here would be
/// inherited by any process another thread forks meanwhile, so running the
/// script could fail with "Text file busy" (ETXTBSY, seen in CI).
#[cfg(unix)]
fn stand_in(dir: &std::path::Path, script: &str) -> std::path::PathBuf {
    let p = dir.join("tesseract");
    let written = std::process::Command::new("/bin/sh")
        .args([
            "-c",
            r#"printf '#!/bin/sh\n%s\n' "$2" > "$1" && chmod 755 "$1""#,
        ])
        .arg("sh")
        .arg(&p)
        .arg(script)
        .status()
        .unwrap();
    assert!(written.success(), "could not write {}", p.display());
    p
}

/// A 1×1 PNG: small enough for every limit.
fn dot() -> Vec<u8> {
    let mut v = b"\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x00\x00\x00\x00".to_vec();
    v.extend([0x3a, 0x7e, 0x9b, 0x55]);
    v
}

#[test]
fn a_missing_engine_is_an_error_that_says_what_to_install() {
    let e = Ocr::with_program("/nonexistent/tesseract")
        .unwrap_err()
        .to_string();
    assert!(e.contains("was not found"), "{e}");
    assert!(e.contains("apt-get install tesseract-ocr"), "{e}");
    assert!(e.contains("brew install tesseract"), "{e}");
}

#[cfg(unix)]
#[test]
fn an_old_engine_or_one_without_english_is_refused() {
    let d = tempfile::tempdir().unwrap();
    let p = stand_in(d.path(), "echo 'tesseract 3.05.02' >&2");
    let e = Ocr::with_program(&p).unwrap_err().to_string();
    assert!(e.contains("4.0 or later") && e.contains("3.05.02"), "{e}");
    let p = stand_in(
        d.path(),
        r#"case "$1" in --version) echo 'tesseract 5.3.0';; *) printf 'List of available languages (1):\nosd\n';; esac"#,
    );
    let e = Ocr::with_program(&p).unwrap_err().to_string();
    assert!(e.contains("tesseract-ocr-eng"), "{e}");
}

#[cfg(unix)]
fn engine(d: &std::path::Path, read: &str) -> Ocr {
    let p = stand_in(
        d,
        &format!(
            r#"case "$1" in --version) echo 'tesseract 5.3.0';; --list-langs) printf 'eng\nosd\n';; *) {read};; esac"#
        ),
    );
    Ocr::with_program(&p).unwrap()
}

#[cfg(unix)]
#[test]
fn an_image_that_takes_too_long_is_stopped_and_reported_failed() {
    let d = tempfile::tempdir().unwrap();
    let mut ocr = engine(d.path(), "cat >/dev/null; sleep 30");
    assert_eq!(ocr.version, "5.3.0");
    ocr.limits.timeout = Duration::from_millis(300);
    let started = Instant::now();
    let out = ocr.read(ImageFormat::Png, dot());
    assert!(started.elapsed() < Duration::from_secs(10), "not killed");
    match out {
        Outcome::Failed(why) => assert!(why.contains("stopped"), "{why}"),
        other => panic!("{other:?}"),
    }
}

#[cfg(unix)]
#[test]
fn an_engine_error_is_a_failure_with_its_last_message() {
    let d = tempfile::tempdir().unwrap();
    let ocr = engine(
        d.path(),
        "cat >/dev/null; echo 'Estimating resolution as 70' >&2; echo 'Error in pixReadMem: bad data' >&2; exit 1",
    );
    let out = ocr.read(ImageFormat::Png, dot());
    assert_eq!(
        out.note(),
        "ocr: failed (tesseract exit status: 1: Error in pixReadMem: bad data)"
    );
}

#[cfg(unix)]
#[test]
fn text_is_tidied_and_blank_output_is_no_text() {
    let d = tempfile::tempdir().unwrap();
    let ocr = engine(
        d.path(),
        r"cat >/dev/null; printf '  Ward 7  \n\n Bed 4\n\f'",
    );
    assert_eq!(
        ocr.read(ImageFormat::Png, dot()),
        Outcome::Text("Ward 7\nBed 4".into())
    );
    assert_eq!(
        ocr.read(ImageFormat::Png, dot()).note(),
        "ocr: text found (12 chars)"
    );
    let ocr = engine(d.path(), r"cat >/dev/null; printf ' \n\f'");
    assert_eq!(ocr.read(ImageFormat::Png, dot()), Outcome::NoText);
}

#[cfg(unix)]
#[test]
fn images_over_the_limits_never_reach_the_engine() {
    let d = tempfile::tempdir().unwrap();
    // An engine that would fail the test if it ran.
    let mut ocr = engine(d.path(), "exit 9");
    // 8000×6000 declared in the header: 48 megapixels.
    let mut big = b"\x89PNG\r\n\x1A\n\0\0\0\rIHDR".to_vec();
    big.extend(8000u32.to_be_bytes());
    big.extend(6000u32.to_be_bytes());
    big.extend([8, 2, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(
        ocr.read(ImageFormat::Png, big).note(),
        "ocr: skipped (8000×6000 pixels, over the 40 megapixel limit)"
    );
    ocr.limits.max_bytes = 10;
    let out = ocr.read(ImageFormat::Png, dot()).note();
    assert!(
        out.starts_with("ocr: skipped (") && out.contains("over the 0 MiB"),
        "{out}"
    );
    ocr.limits.max_bytes = 1 << 20;
    assert_eq!(
        ocr.read(ImageFormat::Jpeg, b"\xFF\xD8\xFF\xE0".to_vec())
            .note(),
        "ocr: skipped (JPEG image whose size cannot be read)"
    );
}

#[cfg(has_tesseract)]
#[path = "../../../tests/common/render.rs"]
mod render;

/// The real engine on the ward whiteboard drawn in several ways: each
/// reading must hold the NHS number and the patient's name.
#[test]
#[cfg_attr(
    not(has_tesseract),
    ignore = "needs tesseract-ocr and fonts-dejavu-core (apt-get install tesseract-ocr fonts-dejavu-core; .ci/run does)"
)]
fn tesseract_reads_a_whiteboard_straight_tilted_turned_faded_and_on_a_photo() {
    #[cfg(has_tesseract)]
    {
        use render::{Background, FADED, INK, Picture, WARD_BOARD, font};
        let ocr = Ocr::detect().expect("tesseract on PATH (apt-get install tesseract-ocr)");
        let f = font();
        let board = |deg: f32, bg: Background, ink: [u8; 3]| {
            let mut p = Picture::new(900, 600, bg, 7);
            p.text(&f, WARD_BOARD, (80.0, 150.0), 56.0, deg, ink);
            p
        };
        let cases: Vec<(&str, Vec<u8>, ImageFormat)> = vec![
            (
                "straight, JPEG",
                board(0.0, Background::Whiteboard, INK).jpeg(85),
                ImageFormat::Jpeg,
            ),
            (
                "tilted 2°",
                board(2.0, Background::Whiteboard, INK).png(),
                ImageFormat::Png,
            ),
            (
                "tilted -3°",
                board(-3.0, Background::Whiteboard, INK).png(),
                ImageFormat::Png,
            ),
            (
                "faded ink",
                board(0.0, Background::Whiteboard, FADED).png(),
                ImageFormat::Png,
            ),
            (
                "photo background",
                board(0.0, Background::Photo, INK).jpeg(85),
                ImageFormat::Jpeg,
            ),
            (
                "photo turned 90°",
                board(0.0, Background::Photo, INK).turn90().png(),
                ImageFormat::Png,
            ),
            (
                "turned 270°",
                board(0.0, Background::Whiteboard, INK)
                    .turn90()
                    .turn90()
                    .turn90()
                    .png(),
                ImageFormat::Png,
            ),
        ];
        for (what, bytes, format) in cases {
            match ocr.read(format, bytes) {
                Outcome::Text(t) => {
                    assert!(t.contains("999 000 0018"), "{what}: {t:?}");
                    assert!(t.contains("John Smithson"), "{what}: {t:?}");
                }
                other => panic!("{what}: {other:?}"),
            }
        }
        let blank = Picture::new(900, 600, Background::Photo, 3).jpeg(85);
        assert_eq!(ocr.read(ImageFormat::Jpeg, blank), Outcome::NoText);
    }
}

/// Recognised text is prose: every text rule reads `ocr_text` as it reads
/// a post's text (Field::is_prose; docs/RULES.md, "Scope keys").
#[test]
fn recognised_text_raises_the_same_rules_as_the_same_words_in_a_post() {
    use crate::org::Org;
    use crate::record::{Field, Platform, Record, RecordKind};
    use crate::rules::Pack;
    let pack = Pack::default_pack(&Org::default()).unwrap();
    let rules = |field: Field, text: &str| {
        let mut r = Record::new(Platform::Twitter, RecordKind::Media, "1");
        r.push_field(field, text);
        let mut hits = Vec::new();
        pack.check(&r, &mut hits);
        let mut ids: Vec<String> = hits
            .iter()
            .map(|h| pack.rules()[h.rule].id.clone())
            .collect();
        ids.sort();
        ids
    };
    for text in [
        "Ward 7 - Bed 4\nJohn Smithson\nNHS No 999 000 0018",
        "Rota login: password is Winter2024!",
        "Call Mrs Example on 07700 900461, she lives at 12 Acacia Avenue",
        "Vote Labour on Thursday",
    ] {
        let as_text = rules(Field::Text, text);
        assert!(!as_text.is_empty(), "{text}");
        assert_eq!(rules(Field::OcrText, text), as_text, "{text}");
    }
}

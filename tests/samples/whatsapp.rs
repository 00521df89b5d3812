//! WhatsApp chat exports: every sample folder in ../shared/formats/whatsapp
//! (when present) scans with no `failed` coverage row; a bare `_chat.txt`
//! given as the input scans; a chat `.txt` loose in a folder of many is
//! found. The samples' provenance notes (in ../shared/formats) mark no
//! WhatsApp sample as broken.

use crate::common::*;
use std::path::Path;

const SAMPLES: &str = "../shared/formats/whatsapp";

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn every_whatsapp_sample_scans_without_failures() {
    let dirs = sample_dirs("whatsapp");
    assert!(
        dirs.len() >= 6,
        "expected the sample folders, found {dirs:?}"
    );
    let d = tempfile::tempdir().unwrap();
    for dir in dirs {
        let r = scan_sample(d.path(), &dir);
        assert!(!r.coverage.is_empty(), "{}", dir.display());
        let mut chats = 0;
        for (entry, status, _) in r.cov() {
            if entry.ends_with(".txt") && status == "parsed" {
                chats += 1;
            }
        }
        assert!(chats > 0, "{}: no chat parsed", dir.display());
    }
}

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn sample_message_counts() {
    let root = Path::new(SAMPLES);
    assert!(root.is_dir(), "sample folder {} is missing", root.display());
    let d = tempfile::tempdir().unwrap();
    for (sample, entry, records) in [
        (
            "timelinize/datasources/whatsapp/testdata/fixtures",
            "_chat.txt",
            "19",
        ),
        ("joweich-chat-miner/test/whatsapp", "testlog.txt", "23"),
        (
            "mlomb-chat-analytics/tests/samples/whatsapp",
            "_chat.txt",
            "14",
        ),
    ] {
        let r = scan(d.path(), &[&root.join(sample)], &[]);
        let row = r
            .coverage
            .iter()
            .find(|c| &c[1] == entry)
            .unwrap_or_else(|| panic!("{sample}: no row for {entry}"));
        assert_eq!(&row[3], records, "{sample} {entry}");
    }
}

const CHAT: &str = "[20.06.19, 15:58:47] Loris created group \u{201C}Ward 7\u{201D}\r\n\
[20.06.19, 15:59:07] Loris: Patient John Example, NHS no 401 159 0835, is on Ward 7\r\n\
and doing well\r\n";

#[test]
fn a_bare_chat_txt_given_as_the_input_scans() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("_chat.txt");
    std::fs::write(&p, CHAT).unwrap();
    let r = scan(d.path(), &[&p], &[]);
    assert!(matches!(r.code, 0 | 1), "{}", r.stderr);
    assert_eq!(r.cov_status("_chat.txt").as_deref(), Some("parsed"));
    let ids = r.values("record_id");
    assert!(ids.iter().any(|i| i == "2"), "{ids:?}");
    assert!(r.values("platform").iter().all(|p| p == "whatsapp"));
    assert!(r.values("record_kind").iter().all(|p| p == "dm"));
    // 15:59:07 on the phone's clock, read as London summer time (BST).
    let times = r.values("created_at");
    assert!(
        times.iter().any(|t| t == "2019-06-20T14:59:07Z"),
        "{times:?}"
    );
}

#[test]
fn a_named_android_chat_alone_and_in_a_folder_of_many() {
    let d = tempfile::tempdir().unwrap();
    let many = d.path().join("exports");
    std::fs::create_dir(&many).unwrap();
    let android = "18/03/2022, 14:56 - Dmitry S: Patient John Example, NHS no 401 159 0835\n";
    std::fs::write(many.join("WhatsApp Chat with Ward 7.txt"), android).unwrap();
    std::fs::write(many.join("WhatsApp Chat with Ward 8.txt"), android).unwrap();
    std::fs::write(many.join("notes.txt"), "handover notes").unwrap();
    let r = scan(d.path(), &[&many], &[]);
    assert!(matches!(r.code, 0 | 1), "{}", r.stderr);
    assert_eq!(
        r.cov_status("WhatsApp Chat with Ward 7.txt").as_deref(),
        Some("parsed")
    );
    assert_eq!(
        r.cov_status("WhatsApp Chat with Ward 8.txt").as_deref(),
        Some("parsed")
    );
    assert_eq!(r.cov_status("notes.txt").as_deref(), Some("unknown"));
    let accounts = r.values("account");
    assert!(accounts.iter().any(|a| a == "Ward 7"), "{accounts:?}");
    assert!(accounts.iter().any(|a| a == "Ward 8"), "{accounts:?}");
}

#[test]
fn a_zipped_export_with_a_geotagged_photo_gives_an_exif_location() {
    let d = tempfile::tempdir().unwrap();
    let zip = d.path().join("WhatsApp Chat - Ward 7.zip");
    let chat = "[20.06.19, 16:00:15] Loris: \u{200E}<attached: 00000001-PHOTO-2019-06-20-16-00-15.jpg>\r\n";
    write_zip(
        &zip,
        &[
            ("_chat.txt".into(), chat.as_bytes().to_vec()),
            (
                "00000001-PHOTO-2019-06-20-16-00-15.jpg".into(),
                jpeg_with_gps(),
            ),
        ],
    );
    let r = scan(d.path(), &[&zip], &[]);
    assert!(matches!(r.code, 0 | 1), "{}", r.stderr);
    let fields = r.values("field");
    let kinds = r.values("record_kind");
    let ids = r.values("record_id");
    let i = fields
        .iter()
        .position(|f| f == "exif")
        .unwrap_or_else(|| panic!("no exif finding: {fields:?}"));
    assert_eq!(kinds[i], "media");
    assert_eq!(ids[i], "1", "linked to the message line naming the photo");
    assert_eq!(
        r.cov_status("00000001-PHOTO-2019-06-20-16-00-15.jpg")
            .as_deref(),
        Some("parsed")
    );
}

/// SOI, APP1 Exif with a GPS IFD (51°30'0" N, 0°7'30" W), EOI.
fn jpeg_with_gps() -> Vec<u8> {
    let mut t: Vec<u8> = b"MM\0\x2A\0\0\0\x08".to_vec();
    let be16 = |v: u16| v.to_be_bytes();
    let be32 = |v: u32| v.to_be_bytes();
    t.extend(be16(1));
    t.extend(be16(0x8825));
    t.extend(be16(4));
    t.extend(be32(1));
    t.extend(be32(26));
    t.extend(be32(0));
    t.extend(be16(4));
    for (tag, kind, value) in [(1u16, 2u16, b'N'), (2, 5, 80), (3, 2, b'W'), (4, 5, 104)] {
        t.extend(be16(tag));
        t.extend(be16(kind));
        if kind == 2 {
            t.extend(be32(2));
            t.extend([value, 0, 0, 0]);
        } else {
            t.extend(be32(3));
            t.extend(be32(u32::from(value)));
        }
    }
    t.extend(be32(0));
    for (n, den) in [(51, 1), (30, 1), (0, 1), (0, 1), (7, 1), (30, 1)] {
        t.extend(be32(n));
        t.extend(be32(den));
    }
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(&t);
    let mut j = vec![0xFF, 0xD8, 0xFF, 0xE1];
    j.extend(((app1.len() + 2) as u16).to_be_bytes());
    j.extend(app1);
    j.extend([0xFF, 0xD9]);
    j
}

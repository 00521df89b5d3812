use super::chat::{self, Order};
use super::*;
use crate::archive::Limits;
use std::io::Write;

/// Every record and outcome from one chat file written to a temp folder
/// and opened as a single-file archive.
fn read_chat(name: &str, bytes: &[u8]) -> (Vec<Record>, EntryOutcome) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    let archive = Archive::open(&p, &Limits::default()).unwrap();
    let unit = WhatsApp::default()
        .open(&archive)
        .expect("recognised as a chat");
    let entry = archive.entries().get(0).unwrap();
    assert_eq!(unit.disposition(&entry), Disposition::Parse);
    let mut recs = Vec::new();
    let out = unit.read(&archive, &entry, &mut |r| recs.push(r));
    (recs, out)
}

fn time(r: &Record) -> String {
    r.created_at.map(|t| t.to_string()).unwrap_or_default()
}

#[test]
fn ios_bracketed_lines_with_marks_and_crlf() {
    let chat = "[3/18/22, 14:56:01] Elon Musk: \u{200E}Messages and calls are end-to-end encrypted.\r\n\
                [3/27/22, 21:41:35] Dmitry S: Hello World\r\n\
                \u{200E}[3/27/22, 21:41:55] Dmitry S: \u{200E}image omitted\r\n\
                [3/28/22, 09:00:00] ~\u{00A0}Nev: hi\r\n";
    let (r, out) = read_chat("_chat.txt", chat.as_bytes());
    assert_eq!(out.error, None);
    assert_eq!(r.len(), 4);
    assert_eq!(out.records, 4);
    assert_eq!(r[0].platform, crate::record::Platform::Whatsapp);
    assert_eq!(r[0].kind, RecordKind::Dm);
    assert_eq!(r[0].url, "");
    assert_eq!(r[0].field(Field::Sender), Some("Elon Musk"));
    assert_eq!(
        r[0].field(Field::Text),
        Some("Messages and calls are end-to-end encrypted.")
    );
    assert_eq!(time(&r[0]), "2022-03-18T14:56:01Z");
    assert_eq!(r[2].id, "3");
    assert_eq!(r[2].field(Field::Text), Some("image omitted"));
    assert_eq!(r[3].field(Field::Sender), Some("Nev"));
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
}

#[test]
fn android_dash_lines_and_system_messages_without_sender() {
    let chat = "23/03/2022, 13:31 - Messages and calls are end-to-end encrypted. Tap to learn more.\n\
                18/03/2022, 14:56 - Dmitry S: Hello\n\
                18/03/2022, 15:10 - Dmitry S: <Media omitted>\n\
                11/01/2023, 16:11 - Dmitry S created group \"Group: Chat\"\n\
                20/06/20, 00:08 - +12 345 578: number sender\n\
                20/01/19, 11:23 - John Doe:.\n";
    let (r, out) = read_chat("WhatsApp Chat with Ward 7 Team.txt", chat.as_bytes());
    assert_eq!(out.error, None);
    assert_eq!(r.len(), 6);
    assert_eq!(r[0].account, "Ward 7 Team");
    assert_eq!(r[0].field(Field::Sender), None);
    assert!(
        r[0].field(Field::Text)
            .unwrap()
            .starts_with("Messages and calls")
    );
    assert_eq!(time(&r[0]), "2022-03-23T13:31:00Z");
    assert_eq!(r[2].field(Field::Text), Some("<Media omitted>"));
    assert_eq!(r[2].field(Field::Sender), Some("Dmitry S"));
    assert_eq!(
        r[3].field(Field::Sender),
        None,
        "a quoted colon is not a sender"
    );
    assert_eq!(r[4].field(Field::Sender), Some("+12 345 578"));
    assert_eq!(r[5].field(Field::Sender), Some("John Doe"));
    assert_eq!(r[5].field(Field::Text), Some("."));
    assert_eq!(
        r.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["1", "2", "3", "4", "5", "6"]
    );
}

#[test]
fn day_month_order_is_decided_by_any_line_of_the_file() {
    // The first line alone is ambiguous; line 3 (day 13) decides day-first.
    let dmy =
        "01/02/2024, 10:00 - A: one\n05/02/2024, 10:00 - A: two\n13/02/2024, 10:00 - A: three\n";
    let (r, out) = read_chat("a.txt", dmy.as_bytes());
    assert_eq!(time(&r[0]), "2024-02-01T10:00:00Z");
    assert_eq!(time(&r[1]), "2024-02-05T10:00:00Z");
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    // Here day 20 in the second place decides month-first.
    let mdy = "[01/02/24, 10:00:00] A: one\n[01/20/24, 10:00:00] A: two\n";
    let (r, _) = read_chat("b.txt", mdy.as_bytes());
    assert_eq!(time(&r[0]), "2024-01-02T10:00:00Z");
    assert_eq!(time(&r[1]), "2024-01-20T10:00:00Z");
}

#[test]
fn an_undecidable_order_leaves_the_time_empty_with_a_warning() {
    let chat = "12/9/20, 23:55 - Bob: hello\n1/1/21, 12:00 - Eve: same either way\n";
    let (r, out) = read_chat("a.txt", chat.as_bytes());
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].created_at, None);
    assert_eq!(r[0].field(Field::Text), Some("hello"));
    assert_eq!(time(&r[1]), "2021-01-01T12:00:00Z", "1/1 needs no order");
    assert_eq!(out.error, None);
    assert!(
        out.warnings[0].contains("day/month order") && out.warnings[0].contains("line 1"),
        "{:?}",
        out.warnings
    );
}

#[test]
fn conflicting_orders_are_reported_and_only_clear_dates_kept() {
    let chat = "13/01/24, 10:00 - A: dmy\n01/13/24, 10:00 - A: mdy\n02/03/24, 10:00 - A: unclear\n";
    let (r, out) = read_chat("a.txt", chat.as_bytes());
    assert_eq!(time(&r[0]), "2024-01-13T10:00:00Z");
    assert_eq!(time(&r[1]), "2024-01-13T10:00:00Z");
    assert_eq!(r[2].created_at, None);
    assert!(
        out.warnings
            .iter()
            .any(|w| w.contains("only day-first at line 1"))
    );
}

#[test]
fn twelve_and_twenty_four_hour_clocks_and_locale_variants() {
    let cases: &[(&str, &str)] = &[
        ("3/16/18, 1:55\u{202F}PM - A: x", "2018-03-16T13:55:00Z"),
        ("3/16/2018 1:55 p.\u{00A0}m. - A: x", "2018-03-16T13:55:00Z"),
        ("01/30/2019, 08:49 p. m. - A: x", "2019-01-30T20:49:00Z"),
        ("06/20/2020, 12:08 a. m. - A: x", "2020-06-20T00:08:00Z"),
        ("06/20/2020, 12:08 PM - A: x", "2020-06-20T12:08:00Z"),
        ("[20.06.19, 15:58:47] A: x", "2019-06-20T15:58:47Z"),
        ("18.03.22 14:56 - A: x", "2022-03-18T14:56:00Z"),
        ("18-03-2022 14:56 - A: x", "2022-03-18T14:56:00Z"),
        ("2019/01/20, 11:23 - A: x", "2019-01-20T11:23:00Z"),
        ("[2019-04-16 02:09] A: x", "2019-04-16T02:09:00Z"),
        ("[3/18/22 14.56.01] A: x", "2022-03-18T14:56:01Z"),
        ("13.6.2018 klo 21.25.15 - A: x", "2018-06-13T21:25:15Z"),
        ("[14:56:01, 3/18/22] A: x", "2022-03-18T14:56:01Z"),
        ("[3/18/2565 BE, 14:56:01] A: x", "2022-03-18T14:56:01Z"),
        ("[3/18/R4, 14:56:01] A: x", "2022-03-18T14:56:01Z"),
        (
            "\u{200F}[\u{200F}18\u{200F}/3\u{200F}/2022\u{060C} 14:56:01] A: x",
            "2022-03-18T14:56:01Z",
        ),
        (
            "[١٨\u{200F}/٣\u{200F}/٢٠٢٢، ٢:٥٦:٠٠\u{00A0}م] A: x",
            "2022-03-18T14:56:00Z",
        ),
    ];
    for (line, want) in cases {
        let h = chat::header(line).unwrap_or_else(|| panic!("not a header: {line}"));
        assert_eq!(h.sender.as_deref(), Some("A"), "{line}");
        assert_eq!(h.text, "x", "{line}");
        let t = chat::time(&h.stamp, Order::Unknown, &jiff::tz::TimeZone::UTC)
            .unwrap_or_else(|e| panic!("{line}: {e:?}"));
        assert_eq!(&t.to_string(), want, "{line}");
    }
}

#[test]
fn an_invalid_date_keeps_the_record_and_warns() {
    let chat = "31/02/2024, 10:00 - A: thirty-first of February\n[1/2/24, 25:00:00] B: hour 25\n";
    let (r, out) = read_chat("a.txt", chat.as_bytes());
    assert_eq!(r.len(), 2);
    assert!(r.iter().all(|r| r.created_at.is_none()));
    assert!(
        out.warnings.iter().any(|w| w.contains("line 1")),
        "{:?}",
        out.warnings
    );
    assert!(
        out.warnings.iter().any(|w| w.contains("line 2")),
        "{:?}",
        out.warnings
    );
    assert_eq!(out.error, None);
}

#[test]
fn multi_line_messages_join_with_newlines_even_when_a_line_starts_with_a_date() {
    let chat = "[2020/05/01, 12:00:05] Person 3: Someone else\r\n\
                with a lot to say\r\n\
                12/12/20 is the date we agreed\r\n\
                \r\n\
                [2020-06-01, 12:00:06] Person 1: next\r\n";
    let (r, _) = read_chat("_chat.txt", chat.as_bytes());
    assert_eq!(r.len(), 2);
    assert_eq!(
        r[0].field(Field::Text),
        Some("Someone else\nwith a lot to say\n12/12/20 is the date we agreed")
    );
    assert_eq!(r[1].id, "5");
}

#[test]
fn attachments_are_named_and_map_pins_are_locations() {
    let chat = "\u{200E}[2020-06-01, 12:00:06] Person 1: \u{200E}<attached: some-image.jpg>\n\
                [2020-10-01, 12:00:10] Person 1: A PDF.pdf \u{2022} \u{200E}1 page \u{200E}<attached: some-doc.pdf>\n\
                18/03/2022, 15:10 - Dmitry S: IMG-20220323-WA0002.jpg (file attached)\n\
                caption on the next line\n\
                [2020-01-01, 12:00:13] Person 3: \u{200E}Location: https://maps.google.com/?q=51.513767,-0.098266\n";
    let (r, _) = read_chat("_chat.txt", chat.as_bytes());
    assert_eq!(r[0].field(Field::MediaName), Some("some-image.jpg"));
    assert_eq!(r[1].field(Field::MediaName), Some("some-doc.pdf"));
    assert_eq!(
        r[2].field(Field::MediaName),
        Some("IMG-20220323-WA0002.jpg")
    );
    assert_eq!(r[3].locations.len(), 1);
    assert_eq!(r[3].locations[0].field, Field::Geo);
    assert_eq!(r[3].locations[0].lat, Some(51.513767));
}

#[test]
fn invisible_marks_do_not_hide_headers_or_stay_in_text() {
    let chat = "\u{FEFF}\u{200E}[3/27/22, 21:41:55] \u{202A}+44\u{00A0}7700\u{00A0}900461\u{202C}: \u{200E}You deleted this message.\n";
    let (r, _) = read_chat("_chat.txt", chat.as_bytes());
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].field(Field::Sender), Some("+44 7700 900461"));
    assert_eq!(r[0].field(Field::Text), Some("You deleted this message."));
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let mut chat = b"[1/2/24, 10:00:00] A: caf".to_vec();
    chat.extend([0xE9, b'\n']);
    chat.extend(b"[13/2/24, 10:00:00] A: ok\n");
    let (r, out) = read_chat("_chat.txt", &chat);
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].field(Field::Text), Some("caf\u{FFFD}"));
    assert!(
        out.warnings
            .iter()
            .any(|w| w.contains("invalid UTF-8") && w.contains("line 1")),
        "{:?}",
        out.warnings
    );
}

#[test]
fn a_truncated_file_still_gives_its_last_message_and_text_before_a_header_is_kept() {
    let chat = "continued from an earlier export\n[1/2/24, 10:00:00] A: cut mid-sent";
    let (r, out) = read_chat("_chat.txt", chat.as_bytes());
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].id, "1");
    assert_eq!(r[0].field(Field::Sender), None);
    assert_eq!(r[1].id, "2");
    assert_eq!(r[1].field(Field::Text), Some("cut mid-sent"));
    assert!(
        out.warnings
            .iter()
            .any(|w| w.contains("before the first message header"))
    );
}

#[test]
fn a_huge_message_is_capped_not_held_whole() {
    let mut chat = b"[1/2/24, 10:00:00] A: start\n".to_vec();
    let line = vec![b'x'; 300_000];
    for _ in 0..5 {
        chat.extend(&line);
        chat.push(b'\n');
    }
    chat.extend(vec![b'y'; chat::MAX_MESSAGE + 10]);
    chat.extend(b"\n[1/2/24, 10:00:01] A: after\n");
    let (r, out) = read_chat("_chat.txt", &chat);
    assert_eq!(r.len(), 2);
    assert!(r[0].field(Field::Text).unwrap().len() <= chat::MAX_MESSAGE);
    assert_eq!(r[1].field(Field::Text), Some("after"));
    assert_eq!(r[1].id, "8");
    assert!(
        out.warnings.iter().any(|w| w.contains("longer than")),
        "{:?}",
        out.warnings
    );
}

#[test]
fn garbage_never_panics() {
    let inputs: Vec<Vec<u8>> = vec![
        b"[".to_vec(),
        b"[]".to_vec(),
        b"[99/99/99, 99:99] A:".to_vec(),
        b"1/1/1, 1:1 - ".to_vec(),
        "[\u{0669}\u{0669}\u{0669}\u{0669}\u{0669}/1/1, 1:00] x"
            .as_bytes()
            .to_vec(),
        b"[1/2/Z9, 10:00] A: era".to_vec(),
        b"[1/2/99999, 10:00] A: big year".to_vec(),
        vec![0xFF; 100],
        b"\r\n\r\n\n".to_vec(),
    ];
    for bytes in inputs {
        let s = String::from_utf8_lossy(&bytes);
        for line in s.lines() {
            if let Some(h) = chat::header(line) {
                let _ = chat::time(&h.stamp, Order::DayFirst, &jiff::tz::TimeZone::UTC);
                let _ = chat::time(&h.stamp, Order::Unknown, &jiff::tz::TimeZone::UTC);
            }
        }
        assert!(!chat::sniff(b"") && !chat::sniff(b"hello world"));
    }
}

use crate::platform::exif::jpeg_with_gps;

#[test]
fn a_zipped_export_links_attached_images_with_exif_gps_to_their_message() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("WhatsApp Chat - Ward 7.zip");
    let mut w = zip::ZipWriter::new(std::fs::File::create(&p).unwrap());
    let opts = zip::write::SimpleFileOptions::default();
    let files: Vec<(&str, Vec<u8>)> = vec![
        (
            "_chat.txt",
            b"[20.06.19, 15:58:47] Loris: hi\r\n\xE2\x80\x8E[20.06.19, 16:00:15] Loris: \xE2\x80\x8E<attached: 00000001-PHOTO-2019-06-20-16-00-15.jpg>\r\n"
                .to_vec(),
        ),
        ("00000001-PHOTO-2019-06-20-16-00-15.jpg", jpeg_with_gps()),
        ("00000002-VIDEO-2019-06-20-16-01-42.mp4", b"\0\0\0\x18ftypmp42".to_vec()),
        ("__MACOSX/._chat.txt", b"junk".to_vec()),
    ];
    for (name, data) in &files {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap();
    let archive = Archive::open(&p, &Limits::default()).unwrap();
    let unit = WhatsApp::default().open(&archive).unwrap();
    assert_eq!(unit.account(), "Ward 7");
    let mut recs = Vec::new();
    for e in archive.entries() {
        match unit.disposition(&e) {
            Disposition::Parse => {
                let out = unit.read(&archive, &e, &mut |r| recs.push(r));
                assert_eq!(out.error, None);
                assert!(out.warnings.is_empty(), "{}: {:?}", e.name, out.warnings);
            }
            Disposition::Skipped(_) => assert!(e.name.starts_with("__MACOSX/")),
            d => panic!("{}: {d:?}", e.name),
        }
    }
    let photo = recs
        .iter()
        .find(|r| r.kind == RecordKind::Media && r.entry.ends_with(".jpg"))
        .unwrap();
    assert_eq!(photo.id, "2", "linked to the message line that names it");
    assert_eq!(photo.locations.len(), 1);
    assert_eq!(photo.locations[0].field, Field::Exif);
    assert!((photo.locations[0].lat.unwrap() - 51.5).abs() < 1e-9);
    assert!((photo.locations[0].lon.unwrap() + 0.125).abs() < 1e-9);
    // 16:00:15 on the phone's clock, read as London summer time (BST).
    assert_eq!(time(photo), "2019-06-20T15:00:15Z");
    let video = recs.iter().find(|r| r.entry.ends_with(".mp4")).unwrap();
    assert!(video.locations.is_empty());
    let msg = recs
        .iter()
        .find(|r| r.kind == RecordKind::Dm && r.id == "2")
        .unwrap();
    assert_eq!(
        msg.media,
        ["00000001-PHOTO-2019-06-20-16-00-15.jpg".to_string()]
    );
    assert_eq!(msg.account, "Ward 7");
}

#[test]
fn file_and_folder_names_give_the_chat_name() {
    assert_eq!(
        chat_name_from_file("x/WhatsApp Chat with Ward\u{00A0}7.txt").as_deref(),
        Some("Ward 7")
    );
    assert_eq!(
        chat_name_from_file("WhatsApp Chat - Elon Musk (EN).txt").as_deref(),
        Some("Elon Musk (EN)")
    );
    assert_eq!(chat_name_from_file("_chat.txt"), None);
    assert!(is_chat_name(
        "Чат WhatsApp с контактом Dmitry S RU Android.txt"
    ));
    assert!(!is_chat_name("__MACOSX/._chat.txt"));
}

/// Every line of the sample chats that starts like a header (a `[` or a
/// digit after marks) and that the sample's parser treats as one is a
/// header here, and its date reads once the file's order is known.
#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn every_sample_header_line_parses() {
    let root = Path::new("../shared/formats/whatsapp");
    assert!(root.is_dir(), "sample folder {} is missing", root.display());
    let mut stack = vec![root.to_path_buf()];
    let mut checked = 0;
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().filter_map(Result::ok) {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            if !p.to_string_lossy().ends_with(".txt") {
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap();
            let mut votes = chat::Votes::default();
            let mut headers = Vec::new();
            for (i, line) in text.lines().enumerate() {
                let line = line.trim_end_matches('\r');
                let start = line.trim_start_matches(chat::is_mark);
                // Continuation lines in the samples that start with a digit.
                let looks = start.starts_with('[')
                    || (start.starts_with(|c: char| c.is_ascii_digit())
                        && start.contains(" - ")
                        && start.find(" - ").unwrap() < 40);
                match chat::header(line) {
                    Some(h) => {
                        votes.add(&h.stamp, i as u64 + 1);
                        headers.push((i + 1, h));
                    }
                    None => assert!(!looks, "{}:{}: {line}", p.display(), i + 1),
                }
            }
            let order = votes.order();
            for (n, h) in headers {
                match chat::time(&h.stamp, order, &jiff::tz::TimeZone::UTC) {
                    Ok(_) | Err(chat::NoTime::Ambiguous) => checked += 1,
                    Err(e) => panic!("{}:{n}: {e:?} {:?}", p.display(), h.stamp_text),
                }
            }
        }
    }
    assert!(checked > 3000, "{checked}");
}

#[test]
fn mutated_chats_never_panic() {
    let base = "\u{200E}[3/27/22, 21:41:55] Dmitry S: \u{200E}<attached: a.jpg>\r\n\
                [١٨\u{200F}/٣\u{200F}/٢٠٢٢، ٢:٥٦:٠٠\u{00A0}م] A: x\r\n\
                18/03/2022, 15:10 - Dmitry S: <Media omitted>\nmore\n"
        .as_bytes()
        .to_vec();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let dir = tempfile::tempdir().unwrap();
    for round in 0..200 {
        let mut b = base.clone();
        for _ in 0..(next() % 8 + 1) {
            let i = (next() as usize) % b.len();
            match next() % 3 {
                0 => b[i] = next() as u8,
                1 => b.truncate(i.max(1)),
                _ => b.insert(i, next() as u8),
            }
        }
        let p = dir.path().join(format!("r{round}.txt"));
        std::fs::write(&p, &b).unwrap();
        let archive = Archive::open(&p, &Limits::default()).unwrap();
        if let Some(unit) = WhatsApp::default().open(&archive) {
            for e in archive.entries() {
                let _ = unit.read(&archive, &e, &mut |_| {});
            }
        }
    }
}

#[test]
fn names_ending_in_multibyte_characters_are_safe() {
    assert!(!is_txt("notes.té"));
    assert!(!is_txt("é"));
    assert!(!is_chat_name("WhatsApp é"));
    assert_eq!(chat_name_from_file("Chat é").as_deref(), Some("Chat é"));
}

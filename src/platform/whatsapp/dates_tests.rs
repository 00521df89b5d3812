//! When a WhatsApp chat's dates say nothing of their day/month order, and
//! the zone of its clock: the file's form, its message order, the user's
//! `--date-order` and `--timezone`; and chats saved as UTF-16.

use super::*;
use crate::archive::Limits;
use crate::vocab::DateOrder;

fn read_with(opts: &ReadOptions, name: &str, bytes: &[u8]) -> (Vec<Record>, EntryOutcome) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    let archive = Archive::open(&p, &Limits::default()).unwrap();
    let mut reader = WhatsApp::default();
    reader.configure(opts);
    let unit = reader.open(&archive).expect("recognised as a chat");
    let entry = archive.entries().get(0).unwrap();
    let mut recs = Vec::new();
    let out = unit.read(&archive, &entry, &mut |r| recs.push(r));
    (recs, out)
}

fn utc() -> ReadOptions {
    ReadOptions {
        timezone: jiff::tz::TimeZone::UTC,
        date_order: None,
    }
}

fn times(r: &[Record]) -> Vec<String> {
    r.iter()
        .map(|r| r.created_at.map(|t| t.to_string()).unwrap_or_default())
        .collect()
}

#[test]
fn a_24_hour_clock_with_four_digit_years_is_day_first_even_when_no_day_is_above_12() {
    // No US export writes a four-digit year with a 24-hour clock.
    let chat = "01/02/2021, 14:05 - Ward 7: Rota for February\n\
                03/02/2021, 09:10 - Ward 7: Swap with Sam?\n\
                03/02/2021, 21:40 - Sam: OK\n";
    let (r, out) = read_with(&utc(), "WhatsApp Chat with Ward 7.txt", chat.as_bytes());
    assert_eq!(
        times(&r),
        [
            "2021-02-01T14:05:00Z",
            "2021-02-03T09:10:00Z",
            "2021-02-03T21:40:00Z"
        ]
    );
    assert_eq!(out.undated, 0);
    assert!(
        out.warnings
            .iter()
            .any(|w| w.contains("from the dates' form")),
        "{:?}",
        out.warnings
    );
}

#[test]
fn message_order_decides_when_the_dates_cannot() {
    // Two-digit years and a 12-hour clock: either order is a real date,
    // but only one reading makes the chat run forward in time.
    let day_first = "[1/3/21, 9:00:00 AM] A: one\n\
                     [5/3/21, 9:00:00 AM] A: two\n\
                     [9/3/21, 9:00:00 AM] A: three\n\
                     [2/4/21, 9:00:00 AM] A: four\n";
    let (r, out) = read_with(&utc(), "_chat.txt", day_first.as_bytes());
    assert_eq!(times(&r)[3], "2021-04-02T09:00:00Z");
    assert!(
        out.warnings
            .iter()
            .any(|w| w.contains("day first, because messages")),
        "{:?}",
        out.warnings
    );

    let month_first = "[3/1/21, 9:00:00 AM] A: one\n\
                       [3/5/21, 9:00:00 AM] A: two\n\
                       [3/9/21, 9:00:00 AM] A: three\n\
                       [4/2/21, 9:00:00 AM] A: four\n";
    let (r, _) = read_with(&utc(), "_chat.txt", month_first.as_bytes());
    assert_eq!(times(&r)[3], "2021-04-02T09:00:00Z");
}

#[test]
fn an_undecidable_file_is_undated_and_counted_until_date_order_is_given() {
    // One day only: every reading runs forward.
    let chat = "[3/4/21, 9:00:00 AM] A: one\n[3/4/21, 9:05:00 AM] B: two\n";
    let (r, out) = read_with(&utc(), "_chat.txt", chat.as_bytes());
    assert!(r.iter().all(|r| r.created_at.is_none()));
    assert_eq!(out.undated, 2);
    assert!(
        out.warnings.iter().any(|w| w.contains("--date-order")),
        "{:?}",
        out.warnings
    );

    for (order, want) in [
        (DateOrder::Dmy, "2021-04-03T09:00:00Z"),
        (DateOrder::Mdy, "2021-03-04T09:00:00Z"),
    ] {
        let opts = ReadOptions {
            date_order: Some(order),
            ..utc()
        };
        let (r, out) = read_with(&opts, "_chat.txt", chat.as_bytes());
        assert_eq!(times(&r)[0], want, "{order}");
        assert_eq!(out.undated, 0);
    }
}

#[test]
fn date_order_that_the_file_contradicts_is_said() {
    let chat = "[18/3/22, 14:56:01] A: the 18th of March\n";
    let opts = ReadOptions {
        date_order: Some(DateOrder::Mdy),
        ..utc()
    };
    let (r, out) = read_with(&opts, "_chat.txt", chat.as_bytes());
    assert_eq!(r[0].created_at, None);
    assert_eq!(out.undated, 1);
    assert!(
        out.warnings
            .iter()
            .any(|w| w.contains("--date-order mdy: 1 dates fit only the other order")),
        "{:?}",
        out.warnings
    );
}

#[test]
fn times_are_the_phones_clock_in_the_given_zone_stored_in_utc() {
    let chat = "20/06/2019, 16:00 - A: summer\n20/12/2019, 16:00 - A: winter\n";
    let london = ReadOptions::default();
    assert_eq!(london.timezone_name(), "Europe/London");
    let (r, _) = read_with(&london, "_chat.txt", chat.as_bytes());
    assert_eq!(times(&r), ["2019-06-20T15:00:00Z", "2019-12-20T16:00:00Z"]);

    let new_york = ReadOptions {
        timezone: jiff::tz::db().get("America/New_York").unwrap(),
        date_order: None,
    };
    let (r, _) = read_with(&new_york, "_chat.txt", chat.as_bytes());
    assert_eq!(times(&r), ["2019-06-20T20:00:00Z", "2019-12-20T21:00:00Z"]);
}

#[test]
fn a_utf16_chat_is_recognised_and_read() {
    let chat =
        "12/03/2021, 14:05 - Dr Ana Ñúñez: Bed 4 is free 😀\r\n13/03/2021, 09:00 - Sam: ok\r\n";
    for (le, bom) in [(true, true), (false, true), (true, false)] {
        let mut bytes = Vec::new();
        let units = bom
            .then_some(0xFEFF_u16)
            .into_iter()
            .chain(chat.encode_utf16());
        for u in units {
            bytes.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        // Not named like a chat: recognised by its content.
        let (r, out) = read_with(&utc(), "export.txt", &bytes);
        assert_eq!(r.len(), 2, "le {le} bom {bom}");
        assert_eq!(r[0].field(Field::Sender), Some("Dr Ana Ñúñez"));
        assert_eq!(r[0].field(Field::Text), Some("Bed 4 is free 😀"));
        assert_eq!(times(&r)[1], "2021-03-13T09:00:00Z");
        assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    }
}

//! Every timestamp form a Takeout writes for YouTube, to UTC:
//!
//! * CSV cells: RFC 3339 with an offset and up to six fraction digits
//!   (`2023-09-19T17:42:53.434647+00:00`), or a UTC clock time
//!   (`2025-12-21 03:25:42 UTC`);
//! * the older HTML lists: `Sent at 2020-04-27 23:18:23 UTC`, older still
//!   `2016-06-15T08:50:49Z`;
//! * the activity pages, written in the account's language:
//!   `15 Mar 2022, 12:34:56 GMT`, `Mar 15, 2022, 1:34:56 PM GMT-05:00`,
//!   `15.03.2022, 12:34:56 MEZ`, `15. März 2022, 12:34:56 MESZ`.
//!
//! A text that is none of these gives `None`; the reader counts it in a
//! coverage warning (docs/FORMATS.md, "YouTube").

use jiff::Timestamp;
use jiff::civil::{Date, Time};
use jiff::tz::{Offset, TimeZone};

/// Parses any of the forms above.
pub fn parse(s: &str) -> Option<Timestamp> {
    let s = s.trim().trim_start_matches('\u{feff}');
    if s.is_empty() {
        return None;
    }
    if let Ok(t) = s.parse::<Timestamp>() {
        return Some(t);
    }
    iso_like(s).or_else(|| words(s))
}

/// `2025-12-21 03:25:42 UTC`, `2025-12-21T03:25:42` (read as UTC),
/// `2020-04-27 23:18:23 GMT+01:00`: an ISO date and clock anywhere in the
/// text, with the zone that follows it.
fn iso_like(s: &str) -> Option<Timestamp> {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[A-Za-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})?",
        )
        .expect("valid regex")
    });
    let c = RE.captures(s)?;
    let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<i32>().ok());
    let date = Date::new(
        i16::try_from(n(1)?).ok()?,
        i8::try_from(n(2)?).ok()?,
        i8::try_from(n(3)?).ok()?,
    )
    .ok()?;
    let nanos = c
        .get(7)
        .map(|m| {
            let digits = &m.as_str()[..m.as_str().len().min(9)];
            let v: i32 = digits.parse().unwrap_or(0);
            v * 10i32.pow(9 - digits.len() as u32)
        })
        .unwrap_or(0);
    let time = Time::new(
        i8::try_from(n(4)?).ok()?,
        i8::try_from(n(5)?).ok()?,
        i8::try_from(n(6).unwrap_or(0)).ok()?,
        nanos,
    )
    .ok()?;
    let offset = match c.get(8) {
        None => 0,
        Some(z) => zone(&z.as_str().to_lowercase())?,
    };
    at(date, time, offset)
}

fn at(date: Date, time: Time, offset_seconds: i32) -> Option<Timestamp> {
    let tz = TimeZone::fixed(Offset::from_seconds(offset_seconds).ok()?);
    date.to_datetime(time)
        .to_zoned(tz)
        .ok()
        .map(|z| z.timestamp())
}

/// Month names and abbreviations in the languages whose Takeouts are
/// known (English, German, Dutch, French, Spanish, Italian, Portuguese),
/// lower case; a token matches when it starts with one of these.
const MONTHS: [&[&str]; 12] = [
    &["jan", "jän", "janv", "ene", "gen"],
    &["feb", "fév", "fev"],
    &["mar", "mär", "mrt", "mars"],
    &["apr", "avr", "abr"],
    &["may", "mai", "mei", "mag"],
    &["jun", "juin", "giu"],
    &["jul", "juil", "lug"],
    &["aug", "aoû", "aou", "ago"],
    &["sep", "set"],
    &["oct", "okt", "ott", "out"],
    &["nov"],
    &["dec", "dez", "déc", "dic"],
];

fn month_of(tok: &str) -> Option<i8> {
    // Two letters are too few to tell a month from a word.
    if tok.chars().count() < 3 || tok.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    MONTHS
        .iter()
        .position(|names| names.iter().any(|m| tok.starts_with(m)))
        .map(|i| i as i8 + 1)
}

/// Time-zone names the activity pages use, as seconds east of UTC.
fn zone(z: &str) -> Option<i32> {
    let h = |x: i32| Some(x * 3600);
    match z {
        "z" | "utc" | "gmt" | "wet" | "ut" => return h(0),
        "bst" | "cet" | "mez" | "wat" => return h(1),
        "cest" | "mesz" | "eet" | "sast" => return h(2),
        "eest" | "msk" => return h(3),
        "est" => return h(-5),
        "edt" => return h(-4),
        "cst" => return h(-6),
        "cdt" => return h(-5),
        "mst" => return h(-7),
        "mdt" => return h(-6),
        "pst" => return h(-8),
        "pdt" => return h(-7),
        _ => {}
    }
    let rest = z
        .strip_prefix("utc")
        .or_else(|| z.strip_prefix("gmt"))
        .unwrap_or(z);
    let (sign, num) = match rest.as_bytes().first()? {
        b'+' => (1, &rest[1..]),
        b'-' => (-1, &rest[1..]),
        _ => return None,
    };
    let (hours, minutes) = match num.split_once(':') {
        Some((a, b)) => (a.parse::<i32>().ok()?, b.parse::<i32>().ok()?),
        None if num.len() == 4 => (num.get(..2)?.parse().ok()?, num.get(2..)?.parse().ok()?),
        None => (num.parse().ok()?, 0),
    };
    (hours <= 14 && minutes < 60).then_some(sign * (hours * 3600 + minutes * 60))
}

/// Dates written in words or with dots, as the activity pages show them.
fn words(s: &str) -> Option<Timestamp> {
    let lower = s.to_lowercase().replace(['\u{a0}', '\u{202f}'], " ");
    let mut day = None;
    let mut month = None;
    let mut year = None;
    let mut clock: Option<(i8, i8, i8)> = None;
    let mut pm = None;
    let mut offset = 0;
    for raw in lower.split([' ', ',']) {
        let tok = raw.trim_matches(|c: char| c == '(' || c == ')');
        if tok.is_empty() {
            continue;
        }
        // 15.03.2022 (day first, as German and Dutch pages write it)
        let dotted: Vec<&str> = tok.trim_end_matches('.').split('.').collect();
        if dotted.len() == 3 && dotted.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
            day = dotted[0].parse().ok();
            month = dotted[1].parse().ok();
            year = dotted[2]
                .parse::<i16>()
                .ok()
                .map(|y| if y < 100 { y + 2000 } else { y });
            continue;
        }
        if let Some((hh, rest)) = tok.split_once(':') {
            let mut parts = rest.split(':');
            let mm = parts.next()?;
            let ss = parts.next().unwrap_or("0");
            let digits = |x: &str| x.get(..2.min(x.len())).and_then(|d| d.parse::<i8>().ok());
            let suffix = ss.trim_start_matches(|c: char| c.is_ascii_digit());
            if hh.bytes().all(|b| b.is_ascii_digit()) {
                clock = Some((hh.parse().ok()?, digits(mm)?, digits(ss).unwrap_or(0)));
                if suffix == "pm" || suffix == "am" {
                    pm = Some(suffix == "pm");
                }
                continue;
            }
        }
        match tok {
            "am" | "a.m." | "vorm." => {
                pm = Some(false);
                continue;
            }
            "pm" | "p.m." | "nachm." => {
                pm = Some(true);
                continue;
            }
            _ => {}
        }
        let num = tok.trim_end_matches('.');
        if !num.is_empty() && num.bytes().all(|b| b.is_ascii_digit()) {
            let n: i32 = num.parse().ok()?;
            if n > 31 {
                year = i16::try_from(n).ok();
            } else if day.is_none() {
                day = i8::try_from(n).ok();
            }
            continue;
        }
        if let Some(m) = month_of(tok.trim_end_matches('.')) {
            if month.is_none() {
                month = Some(m);
            }
            continue;
        }
        if let Some(z) = zone(tok) {
            offset = z;
        }
    }
    let (mut h, mi, se) = clock?;
    match pm {
        Some(true) if h < 12 => h += 12,
        Some(false) if h == 12 => h = 0,
        _ => {}
    }
    let date = Date::new(year?, month?, day?).ok()?;
    at(date, Time::new(h, mi, se, 0).ok()?, offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> String {
        parse(s).map(|t| t.to_string()).unwrap_or_default()
    }

    #[test]
    fn takeout_csv_cells_with_offsets_and_fractions() {
        assert_eq!(
            p("2023-09-19T17:42:53.434647+00:00"),
            "2023-09-19T17:42:53.434647Z"
        );
        assert_eq!(
            p("2016-01-29T18:26:53.255+00:00"),
            "2016-01-29T18:26:53.255Z"
        );
        assert_eq!(
            p("2022-03-15T12:34:56.789+01:00"),
            "2022-03-15T11:34:56.789Z"
        );
        assert_eq!(p("2022-09-21T11:52:59.995Z"), "2022-09-21T11:52:59.995Z");
    }

    #[test]
    fn utc_clock_times_and_the_old_html_sentences() {
        assert_eq!(p("2022-03-15 12:34:56 UTC"), "2022-03-15T12:34:56Z");
        assert_eq!(p("2025-12-21 03:25:42 UTC"), "2025-12-21T03:25:42Z");
        assert_eq!(
            p("Sent at 2020-04-27 23:18:23 UTC while watching"),
            "2020-04-27T23:18:23Z"
        );
        assert_eq!(p("on 2016-06-15T08:50:49Z"), "2016-06-15T08:50:49Z");
        assert_eq!(p("2022-03-15 12:34:56 GMT+01:00"), "2022-03-15T11:34:56Z");
    }

    #[test]
    fn activity_dates_in_words_in_english_and_german() {
        assert_eq!(p("15 Mar 2022, 12:34:56 GMT"), "2022-03-15T12:34:56Z");
        assert_eq!(p("13 Jan 2019, 19:37:22 GMT-05:00"), "2019-01-14T00:37:22Z");
        assert_eq!(p("Mar 15, 2022, 1:34:56 PM GMT"), "2022-03-15T13:34:56Z");
        assert_eq!(p("15.03.2022, 12:34:56 MEZ"), "2022-03-15T11:34:56Z");
        assert_eq!(p("15. März 2022, 12:34:56 MESZ"), "2022-03-15T10:34:56Z");
        assert_eq!(p("2 mei 2021, 09:00:00 CEST"), "2021-05-02T07:00:00Z");
    }

    #[test]
    fn text_that_is_not_a_date_gives_nothing() {
        for s in [
            "",
            "yesterday",
            "15 Mar",
            "12:34:56",
            "2022-13-45 10:00:00",
            "0",
        ] {
            assert_eq!(parse(s), None, "{s:?}");
        }
    }

    #[test]
    fn odd_zones_and_multibyte_text_do_not_panic() {
        for s in [
            "15 Mar 2022, 12:34:56 GMT+a€",
            "2022-03-15 12:34:56 GMT+99:99",
            "€€:€€ 15.03.2022",
            "99:99:99 1 Jan 2020",
        ] {
            let _ = parse(s);
        }
        assert_eq!(parse("2022-03-15 12:34:56 GMT+99:00"), None);
    }
}

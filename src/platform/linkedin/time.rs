//! The date forms LinkedIn's CSVs use, file by file (docs/FORMATS.md,
//! "LinkedIn"). None carries a zone other than UTC/GMT, and the ones with
//! no zone at all (`Shares.csv`, `Comments.csv`) are UTC too, so every
//! time is read as UTC. An impossible date (30 February) is `None`.

use crate::platform::meta::months::english as english_month;
use jiff::Timestamp;
use jiff::civil::{Date, Time};
use regex::Regex;
use std::sync::LazyLock;

fn re(s: &str) -> Regex {
    Regex::new(s).expect("valid regex")
}

/// `2023-01-15 10:22:33`, `2023/01/15 10:22:33 UTC`, `2023-01-15T10:22:33Z`,
/// `2026-02-24 00:09`, or a date alone.
static YMD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:\s*(?:Z|UTC|GMT|\+00:?00))?$",
    )
});

/// `01/15/23, 10:22 AM`, `1/15/2023 10:22:33 PM`, `01/15/23 10:22` (month first).
static MDY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]\.?M\.?)?(?:\s*(?:UTC|GMT))?$",
    )
});

/// `Mon Jan 15 10:22:33 UTC 2023` (Java's `Date.toString`).
static JAVA: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{1,2}):(\d{2}):(\d{2}) (?:UTC|GMT) (\d{4})$")
});

/// `April 12, 2026 at 8:03 AM (GMT)`, `March 1, 2024`, anywhere in the
/// text (`Rich_Media.csv` writes "You uploaded a photo on …").
static LONG: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b([A-Za-z]{3,9})\.? (\d{1,2}), (\d{4})(?: at (\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?",
    )
});

/// `15 Jan 2026`, `15 September 2026` (Connections.csv, Invitations.csv).
static DMY: LazyLock<Regex> = LazyLock::new(|| re(r"^(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})$"));

fn at(y: i32, m: i8, d: i8, h: i8, mi: i8, s: i8) -> Option<Timestamp> {
    let y = i16::try_from(y).ok()?;
    let date = Date::new(y, m, d).ok()?;
    let time = Time::new(h, mi, s, 0).ok()?;
    date.to_datetime(time)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .ok()
        .map(|z| z.timestamp())
}

/// A 12-hour clock's hour in 24-hour form; `None` for hour 0 or above 12.
fn hour12(h: i8, marker: Option<&str>) -> Option<i8> {
    match marker.map(|m| m.to_ascii_uppercase().starts_with('P')) {
        None => Some(h),
        Some(_) if !(1..=12).contains(&h) => None,
        Some(true) => Some(if h == 12 { 12 } else { h + 12 }),
        Some(false) => Some(if h == 12 { 0 } else { h }),
    }
}

/// The time a LinkedIn cell gives, in UTC; `None` when it is no time of a
/// known form or names a day that does not exist.
pub fn parse(s: &str) -> Option<Timestamp> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let n = |c: &regex::Captures, i: usize| c.get(i).and_then(|m| m.as_str().parse::<i32>().ok());
    let small = |v: Option<i32>| v.and_then(|v| i8::try_from(v).ok());
    if let Some(c) = YMD.captures(s) {
        return at(
            n(&c, 1)?,
            small(n(&c, 2))?,
            small(n(&c, 3))?,
            small(n(&c, 4)).unwrap_or(0),
            small(n(&c, 5)).unwrap_or(0),
            small(n(&c, 6)).unwrap_or(0),
        );
    }
    if let Some(c) = MDY.captures(s) {
        let y = n(&c, 3)?;
        let y = if y < 100 { 2000 + y } else { y };
        let h = hour12(small(n(&c, 4))?, c.get(7).map(|m| m.as_str()))?;
        return at(
            y,
            small(n(&c, 1))?,
            small(n(&c, 2))?,
            h,
            small(n(&c, 5))?,
            small(n(&c, 6)).unwrap_or(0),
        );
    }
    if let Some(c) = JAVA.captures(s) {
        return at(
            n(&c, 6)?,
            english_month(&c[1])?,
            small(n(&c, 2))?,
            small(n(&c, 3))?,
            small(n(&c, 4))?,
            small(n(&c, 5))?,
        );
    }
    if let Some(c) = DMY.captures(s) {
        return at(n(&c, 3)?, english_month(&c[2])?, small(n(&c, 1))?, 0, 0, 0);
    }
    if let Ok(t) = s.parse::<Timestamp>() {
        return Some(t);
    }
    if let Some(c) = LONG.captures(s) {
        let h = match c.get(4) {
            Some(_) => hour12(small(n(&c, 4))?, c.get(7).map(|m| m.as_str()))?,
            None => 0,
        };
        return at(
            n(&c, 3)?,
            english_month(&c[1])?,
            small(n(&c, 2))?,
            h,
            small(n(&c, 5)).unwrap_or(0),
            small(n(&c, 6)).unwrap_or(0),
        );
    }
    None
}

#[cfg(test)]
mod tests {
    use super::parse;

    fn p(s: &str) -> String {
        parse(s).map(|t| t.to_string()).unwrap_or_default()
    }

    #[test]
    fn every_form_the_export_uses_reads_as_utc() {
        let want = "2023-01-15T10:22:33Z";
        assert_eq!(p("2023-01-15 10:22:33"), want, "Shares.csv, Comments.csv");
        assert_eq!(p("2023-01-15 10:22:33 UTC"), want, "messages.csv");
        assert_eq!(p("2023/01/15 10:22:33 UTC"), want, "SearchQueries.csv");
        assert_eq!(p("2023-01-15T10:22:33Z"), want);
        assert_eq!(
            p("Sun Jan 15 10:22:33 UTC 2023"),
            want,
            "Company Follows.csv"
        );
        assert_eq!(
            p("01/15/23, 10:22 AM"),
            "2023-01-15T10:22:00Z",
            "Email Addresses.csv"
        );
        assert_eq!(p("1/15/2023 10:22:33 PM"), "2023-01-15T22:22:33Z");
        assert_eq!(p("01/15/23, 12:05 AM"), "2023-01-15T00:05:00Z");
        assert_eq!(p("01/15/23, 12:05 PM"), "2023-01-15T12:05:00Z");
        assert_eq!(
            p("You uploaded a photo on April 12, 2026 at 8:03 AM (GMT)"),
            "2026-04-12T08:03:00Z",
            "Rich_Media.csv"
        );
        assert_eq!(p("March 1, 2024"), "2024-03-01T00:00:00Z");
        assert_eq!(p("30 Jan 2026"), "2026-01-30T00:00:00Z", "Connections.csv");
        assert_eq!(p("15 September 2026"), "2026-09-15T00:00:00Z");
        assert_eq!(
            p("2026-02-24 00:09"),
            "2026-02-24T00:09:00Z",
            "article pages"
        );
    }

    #[test]
    fn impossible_or_unknown_dates_are_none() {
        for s in [
            "2026-02-30 10:00:00",
            "30 Feb 2026",
            "13/45/23, 10:00 AM",
            "01/15/23, 13:05 PM",
            "yesterday",
            "",
            "Marc 1, 2024",
            "2023-01-15 25:00:00",
        ] {
            assert_eq!(parse(s), None, "{s:?}");
        }
    }
}

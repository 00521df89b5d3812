//! Timestamp normalisation: X used five formats over the years
//! (docs/FORMATS.md, "X / Twitter", "Quirks handled").

use jiff::Timestamp;
use jiff::fmt::strtime;

/// Parses any timestamp format seen in X archives; `None` when unrecognised
/// (callers record a warning rather than fail).
pub fn parse(s: &str) -> Option<Timestamp> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        let n: i64 = s.parse().ok()?;
        // Epoch milliseconds have 13 digits today; seconds have 10.
        return if s.len() >= 12 {
            Timestamp::from_millisecond(n).ok()
        } else {
            Timestamp::from_second(n).ok()
        };
    }
    if let Ok(t) = s.parse::<Timestamp>() {
        return Some(t);
    }
    // "Sat Aug 12 16:10:37 +0000 2023" (tweets, Grailbird ≤2013): the
    // format of every post, so parsed by hand rather than by strptime.
    if let Some(t) = parse_tweet_time(s) {
        return Some(t);
    }
    // "2018-09-27 22:02:22 +0000" (Grailbird 2014–2019).
    strtime::parse("%Y-%m-%d %H:%M:%S %z", s)
        .and_then(|t| t.to_timestamp())
        .ok()
}

/// "Www Mmm DD HH:MM:SS +ZZZZ YYYY". The weekday is not checked: a wrong
/// weekday (seen in hand-made and converted archives) should not cost the
/// record its time.
fn parse_tweet_time(s: &str) -> Option<Timestamp> {
    let b = s.as_bytes();
    if b.len() != 30
        || b[3] != b' '
        || b[7] != b' '
        || b[10] != b' '
        || b[19] != b' '
        || b[25] != b' '
    {
        return None;
    }
    const MONTHS: [&[u8; 3]; 12] = [
        b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov",
        b"Dec",
    ];
    let month = MONTHS.iter().position(|m| m[..] == b[4..7])? as i8 + 1;
    let num = |r: std::ops::Range<usize>| -> Option<i32> {
        let part = &b[r];
        if !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        std::str::from_utf8(part).ok()?.parse().ok()
    };
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (day, hour, min, sec) = (num(8..10)?, num(11..13)?, num(14..16)?, num(17..19)?);
    let sign = match b[20] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let offset_secs = sign * (num(21..23)? * 3600 + num(23..25)? * 60);
    let year = num(26..30)?;
    let dt = jiff::civil::DateTime::new(
        i16::try_from(year).ok()?,
        month,
        i8::try_from(day).ok()?,
        i8::try_from(hour).ok()?,
        i8::try_from(min).ok()?,
        i8::try_from(sec).ok()?,
        0,
    )
    .ok()?;
    let offset = jiff::tz::Offset::from_seconds(offset_secs).ok()?;
    offset.to_timestamp(dt).ok()
}

/// Twitter's snowflake epoch: ids since Nov 2010 encode their creation time.
const SNOWFLAKE_EPOCH_MS: i64 = 1_288_834_974_657;

/// Creation time encoded in a snowflake id (tweet, DM message). Older
/// sequential ids (below ~3e16) carry no time.
pub fn from_snowflake(id: &str) -> Option<Timestamp> {
    let n: u64 = id.parse().ok()?;
    if n < 1 << 50 {
        return None;
    }
    Timestamp::from_millisecond((n >> 22) as i64 + SNOWFLAKE_EPOCH_MS).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format() {
        let want = "2023-08-12T16:10:37Z";
        assert_eq!(
            parse("Sat Aug 12 16:10:37 +0000 2023").unwrap().to_string(),
            want
        );
        assert_eq!(parse("2023-08-12T16:10:37.000Z").unwrap().to_string(), want);
        assert_eq!(
            parse("2023-08-12 16:10:37 +0000").unwrap().to_string(),
            want
        );
        assert_eq!(parse("1691856637").unwrap().to_string(), want);
        assert_eq!(parse("1691856637000").unwrap().to_string(), want);
        assert_eq!(parse("2020.01.02"), None);
        // A non-UTC offset, and a weekday that does not fit the date.
        assert_eq!(
            parse("Sat Aug 12 18:10:37 +0200 2023").unwrap().to_string(),
            want
        );
        assert_eq!(
            parse("Mon Aug 12 16:10:37 +0000 2023").unwrap().to_string(),
            want
        );
        for bad in [
            "Sat Aug 32 16:10:37 +0000 2023",
            "Sat Foo 12 16:10:37 +0000 2023",
            "Sat Aug 12 16:10:37 +0000 20x3",
            "Sat Aug 12 16:10:37 *0000 2023",
            "Sat Aug 12 16:10:37 +0000  2023",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
        assert_eq!(parse(""), None);
        // 1690395372546301952 was created 2023-08-12 16:10:37 UTC.
        let t = from_snowflake("1690395372546301952").unwrap();
        assert_eq!(t.as_second(), 1691856637);
        assert_eq!(from_snowflake("12345"), None);
    }
}

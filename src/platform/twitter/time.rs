//! Timestamp normalisation: X used five formats over the years (FORMAT.md §8.6).

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
    // "Sat Aug 12 16:10:37 +0000 2023" (tweets, Grailbird ≤2013).
    if let Ok(t) = strtime::parse("%a %b %d %H:%M:%S %z %Y", s).and_then(|t| t.to_timestamp()) {
        return Some(t);
    }
    // "2018-09-27 22:02:22 +0000" (Grailbird 2014–2019).
    strtime::parse("%Y-%m-%d %H:%M:%S %z", s)
        .and_then(|t| t.to_timestamp())
        .ok()
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
        assert_eq!(parse(""), None);
        // 1690395372546301952 was created 2023-08-12 16:10:37 UTC.
        let t = from_snowflake("1690395372546301952").unwrap();
        assert_eq!(t.as_second(), 1691856637);
        assert_eq!(from_snowflake("12345"), None);
    }
}

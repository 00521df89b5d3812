//! Pre-election periods (`[[elections]]` rows in `rules/elections.toml`):
//! political hits posted inside a window that applies to the organisation's
//! nation are raised one severity step. Windows are data, not code.

use super::pack::PackDef;
use crate::error::{Error, Result};
use jiff::Timestamp;
use jiff::civil::Date;

struct Window {
    label: String,
    jurisdiction: String,
    start: Date,
    end: Date,
}

pub struct Windows {
    windows: Vec<Window>,
}

impl Windows {
    pub fn compile(def: &PackDef) -> Result<Windows> {
        let mut windows = Vec::new();
        for e in &def.elections {
            let (Ok(start), Ok(end)) = (e.start.parse::<Date>(), e.end.parse::<Date>()) else {
                return Err(Error::Pack(format!("election {:?}: bad date", e.election)));
            };
            windows.push(Window {
                label: format!(
                    "{} ({} to {}; source {})",
                    e.election, e.start, e.end, e.source
                ),
                jurisdiction: e.jurisdiction.clone(),
                start,
                end,
            });
        }
        Ok(Windows { windows })
    }

    /// The first window containing `ts` (as a UK date) that applies to
    /// `nation`: UK-wide windows always, a nation's own windows when the
    /// organisation profile names that nation.
    pub fn find(&self, ts: Timestamp, nation: &str) -> Option<&str> {
        let date = uk_datetime(ts).date();
        let nation = nation.trim().to_ascii_lowercase();
        self.windows
            .iter()
            .find(|w| {
                (w.jurisdiction == "uk" || w.jurisdiction == nation)
                    && w.start <= date
                    && date <= w.end
            })
            .map(|w| w.label.as_str())
    }
}

/// UK civil time: GMT, or BST (UTC+1) from 01:00 UTC on the last Sunday of
/// March to 01:00 UTC on the last Sunday of October. No tz database needed.
pub fn uk_datetime(ts: Timestamp) -> jiff::civil::DateTime {
    let utc = jiff::tz::Offset::UTC.to_datetime(ts);
    let year = utc.year();
    let last_sunday = |month: i8| -> Option<jiff::civil::DateTime> {
        let last = Date::new(year, month, 31).ok()?;
        let back = last.weekday().to_sunday_zero_offset();
        let d = last
            .checked_sub(jiff::Span::new().days(i64::from(back)))
            .ok()?;
        Some(d.at(1, 0, 0, 0))
    };
    let bst = match (last_sunday(3), last_sunday(10)) {
        (Some(a), Some(b)) => utc >= a && utc < b,
        _ => false,
    };
    if bst {
        jiff::tz::Offset::constant(1).to_datetime(ts)
    } else {
        utc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bst_boundaries() {
        let t = |s: &str| s.parse::<Timestamp>().unwrap();
        assert_eq!(uk_datetime(t("2024-03-31T00:59:00Z")).hour(), 0);
        assert_eq!(uk_datetime(t("2024-03-31T01:00:00Z")).hour(), 2);
        assert_eq!(uk_datetime(t("2024-10-27T00:59:00Z")).hour(), 1);
        assert_eq!(uk_datetime(t("2024-10-27T01:00:00Z")).hour(), 1);
        assert_eq!(uk_datetime(t("2024-01-15T23:30:00Z")).day(), 15);
        assert_eq!(uk_datetime(t("2024-06-15T23:30:00Z")).day(), 16);
    }
}

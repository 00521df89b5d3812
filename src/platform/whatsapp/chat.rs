//! The chat text itself: message headers in every line format and locale
//! of the samples, day/month order decided over the whole file, multi-line
//! messages, and a bounded line reader (docs/FORMATS.md, "WhatsApp",
//! "Quirks handled").
//!
//! WhatsApp writes the phone's local wall-clock time with no zone. It is
//! read in the zone the user names (`--timezone`, default Europe/London,
//! from the time-zone database compiled into the binary) and stored in UTC;
//! the unit's layout sentence names the zone.

use jiff::Timestamp;
use jiff::civil::DateTime;
use regex::Regex;
use std::io::{BufRead, Read};
use std::sync::LazyLock;

/// Most bytes of one message kept; the rest is counted, not stored.
pub const MAX_MESSAGE: usize = 1 << 20;

/// Characters that only steer text direction or mark a byte order. They sit
/// before headers, inside dates (Arabic), around phone numbers and before
/// attachment markers; none is part of an emoji sequence (U+200D is kept).
pub fn is_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// The line with its direction marks removed, for message bodies.
pub fn clean(s: &str) -> String {
    s.chars().filter(|c| !is_mark(*c)).collect()
}

/// The time part of a header, as written; what the numbers mean is decided
/// with the whole file (day/month order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    /// Resolved year (2-digit years are 20yy; Buddhist and Japanese era
    /// years converted); `None` when the year cannot be read.
    pub year: Option<i32>,
    /// `(month, day)` are `(a, b)` when the year comes first; otherwise the
    /// order of `a` and `b` is what the file must decide.
    pub year_first: bool,
    /// The character between the date's numbers: `/`, `.` or `-`.
    pub sep: u8,
    /// The year has four digits (or is an era year), not two.
    pub long_year: bool,
    pub a: u32,
    pub b: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    /// `Some(true)` for PM, `Some(false)` for AM, `None` on a 24-hour clock.
    pub pm: Option<bool>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// `[date, time] sender: text`
    Ios,
    /// `date, time - sender: text`
    Android,
}

/// A message's first line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub style: Style,
    pub stamp: Stamp,
    /// The date and time as written (marks removed), for warnings.
    pub stamp_text: String,
    /// `None` for system messages ("Alice created group …").
    pub sender: Option<String>,
    /// The text after `sender: `, marks removed.
    pub text: String,
}

const AMPM: &str = r"(?:[AaPp]\.?\s?[Mm]\.?|午前|午後|오전|오후|ص|م|SA|CH)";

static IOS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\[([^\]]{5,60})\]\s?(.*)$").expect("valid regex"));
static ANDROID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d.{4,60}?) [-–] (.*)$").expect("valid regex"));
static DATE_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<p1>\d{{1,4}})\s?(?P<sep>[./-])\s?(?P<p2>\d{{1,2}})\s?[./-]\s?(?P<p3>[A-Z]?\d{{1,4}})\.?(?:\s?BE)?(?:,\s*|\s+)(?:klo\s+)?(?:(?P<ap1>{AMPM})\s?)?(?P<h>\d{{1,2}})[:.](?P<mi>\d{{2}})(?:[:.](?P<s>\d{{2}}))?\.?(?:\s?(?P<ap2>{AMPM}))?$"
    ))
    .expect("valid regex")
});
static TIME_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(?P<ap1>{AMPM})\s?)?(?P<h>\d{{1,2}})[:.](?P<mi>\d{{2}})(?:[:.](?P<s>\d{{2}}))?(?:\s?(?P<ap2>{AMPM}))?,?\s+(?P<p1>\d{{1,4}})(?P<sep>[./-])(?P<p2>\d{{1,2}})[./-](?P<p3>[A-Z]?\d{{1,4}})\.?$"
    ))
    .expect("valid regex")
});

/// Normalises the start of a line for header matching: marks dropped,
/// Arabic-Indic digits and comma made ASCII, no-break and thin spaces made
/// plain. Returns the text and, for each byte of it, the byte offset in the
/// original line (plus one entry for the end).
fn normalise(line: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(line.len());
    let mut map = Vec::with_capacity(line.len() + 1);
    for (i, c) in line.char_indices() {
        if is_mark(c) {
            continue;
        }
        let n = match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            '\u{060C}' => ',',
            '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}' => ' ',
            c => c,
        };
        for _ in 0..n.len_utf8() {
            map.push(i);
        }
        out.push(n);
    }
    map.push(line.len());
    (out, map)
}

/// Parses a line as a message header; `None` means a continuation line.
pub fn header(line: &str) -> Option<Header> {
    // Cheap test first: a header starts (after marks) with `[` or a digit.
    let first = line.chars().find(|c| !is_mark(*c))?;
    if !(first == '[' || first.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&first)) {
        return None;
    }
    let (norm, map) = normalise(line);
    let (style, caps) = if first == '[' {
        (Style::Ios, IOS.captures(&norm)?)
    } else {
        (Style::Android, ANDROID.captures(&norm)?)
    };
    let stamp_text = caps.get(1)?.as_str().trim();
    let stamp = stamp(stamp_text)?;
    let rest = caps.get(2)?;
    let (sender, text_at) = sender(rest.as_str());
    let text_start = map
        .get(rest.start() + text_at)
        .copied()
        .unwrap_or(line.len());
    let text = clean(line.get(text_start..).unwrap_or(""));
    Some(Header {
        style,
        stamp,
        stamp_text: stamp_text.to_string(),
        sender,
        text: text.trim_start_matches(' ').to_string(),
    })
}

/// Splits `sender: text`. System messages have no sender; their text can
/// hold a colon too, so a sender must be short and unquoted.
fn sender(rest: &str) -> (Option<String>, usize) {
    let Some(i) = rest.find(':') else {
        return (None, 0);
    };
    let name = rest[..i].trim();
    let name = name.trim_start_matches('~').trim();
    if name.is_empty()
        || name.chars().count() > 80
        || name.contains(['"', '“', '”', '«', '»'])
        || name.ends_with(" http")
        || name.ends_with(" https")
    {
        return (None, 0);
    }
    (Some(name.to_string()), i + 1)
}

fn stamp(s: &str) -> Option<Stamp> {
    let caps = DATE_FIRST.captures(s).or_else(|| TIME_FIRST.captures(s))?;
    let num = |n: &str| caps.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
    let p1 = caps.name("p1")?.as_str();
    let p3 = caps.name("p3")?.as_str();
    let year_first = p1.len() == 4;
    let (year, a, b) = if year_first {
        if !p3.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        (year(p1), num("p2")?, p3.parse().ok()?)
    } else {
        (year(p3), p1.parse().ok()?, num("p2")?)
    };
    let ap = caps
        .name("ap1")
        .or_else(|| caps.name("ap2"))
        .map(|m| m.as_str());
    let pm = ap.map(|m| m.starts_with(['p', 'P']) || matches!(m, "午後" | "오후" | "م" | "CH"));
    let sep = caps.name("sep").map_or(b'/', |m| m.as_str().as_bytes()[0]);
    // Four digits, or an era year (`R4`): either way not a US date.
    let long_year =
        year_first || p3.len() >= 3 || p3.starts_with(|c: char| c.is_ascii_alphabetic());
    Some(Stamp {
        year,
        year_first,
        sep,
        long_year,
        a,
        b,
        hour: num("h")?,
        minute: num("mi")?,
        second: num("s").unwrap_or(0),
        pm,
    })
}

/// A year as written: `22`, `2022`, Buddhist `2565`, Japanese era `R4`.
fn year(s: &str) -> Option<i32> {
    let (era, digits) = match s.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => (Some(c), &s[1..]),
        _ => (None, s),
    };
    let n: i32 = digits.parse().ok()?;
    match era {
        Some('R') => Some(2018 + n),
        Some('H') => Some(1988 + n),
        Some('S') => Some(1925 + n),
        Some(_) => None,
        None if digits.len() <= 2 => Some(2000 + n),
        None if digits.len() == 4 && n > 2400 => Some(n - 543),
        None if digits.len() == 4 => Some(n),
        None => None,
    }
}

/// Day/month order, decided over every header of a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    DayFirst,
    MonthFirst,
    /// No date in the file tells (no day above 12).
    Unknown,
    /// Some dates only fit day-first and others only month-first.
    Conflict,
}

/// What decided a file's day/month order, for the coverage note.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// A date with a day above 12 (or none to decide: every date reads
    /// the same both ways).
    DayAbove12,
    /// The dates' form: `.` between the numbers, or a four-digit year
    /// with a 24-hour clock; no month-first locale writes either.
    Form,
    /// Messages run forward in time only one way.
    MessageOrder,
    /// `--date-order`.
    Given,
}

/// A header's time as comparable numbers under one reading; `None` when
/// that reading is not a date.
type Key = (i32, u32, u32, u32, u32, u32);

fn key(s: &Stamp, day_first: bool) -> Option<Key> {
    let (month, day) = if s.year_first || !day_first {
        (s.a, s.b)
    } else {
        (s.b, s.a)
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let hour = match s.pm {
        Some(true) if s.hour < 12 => s.hour + 12,
        Some(false) if s.hour == 12 => 0,
        _ => s.hour,
    };
    Some((s.year?, month, day, hour, s.minute, s.second))
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Votes {
    pub day_first: u64,
    pub month_first: u64,
    pub first_day_first: u64,
    pub first_month_first: u64,
    /// Day-first dates by their form (see `Basis::Form`), and all
    /// day/month dates.
    pub day_first_form: u64,
    pub dated: u64,
    /// Steps back in time from one message to the next, read each way.
    pub back_if_day_first: u64,
    pub back_if_month_first: u64,
    prev: Option<Stamp>,
}

impl Votes {
    pub fn add(&mut self, s: &Stamp, line: u64) {
        if s.year_first {
            return;
        }
        self.dated += 1;
        if s.sep == b'.' || (s.long_year && s.pm.is_none()) {
            self.day_first_form += 1;
        }
        if s.a > 12 && s.b <= 12 {
            if self.day_first == 0 {
                self.first_day_first = line;
            }
            self.day_first += 1;
        } else if s.b > 12 && s.a <= 12 {
            if self.month_first == 0 {
                self.first_month_first = line;
            }
            self.month_first += 1;
        }
        if let Some(p) = self.prev {
            let back = |day_first| match (key(&p, day_first), key(s, day_first)) {
                (Some(before), Some(now)) => now < before,
                _ => false,
            };
            self.back_if_day_first += u64::from(back(true));
            self.back_if_month_first += u64::from(back(false));
        }
        self.prev = Some(*s);
    }

    /// The order a day above 12 shows, as far as it goes.
    pub fn order(&self) -> Order {
        match (self.day_first > 0, self.month_first > 0) {
            (true, false) => Order::DayFirst,
            (false, true) => Order::MonthFirst,
            (false, false) => Order::Unknown,
            (true, true) => Order::Conflict,
        }
    }

    /// The file's order and what decided it: a day above 12; else every
    /// date's form; else the way messages run forward in time (a chat is
    /// written in the order it happened).
    pub fn decide(&self) -> (Order, Basis) {
        let order = self.order();
        if order != Order::Unknown {
            return (order, Basis::DayAbove12);
        }
        if self.dated > 0 && self.day_first_form == self.dated {
            return (Order::DayFirst, Basis::Form);
        }
        match self.back_if_day_first.cmp(&self.back_if_month_first) {
            std::cmp::Ordering::Less => (Order::DayFirst, Basis::MessageOrder),
            std::cmp::Ordering::Greater => (Order::MonthFirst, Basis::MessageOrder),
            std::cmp::Ordering::Equal => (Order::Unknown, Basis::DayAbove12),
        }
    }
}

/// Why a header's time could not be given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoTime {
    Ambiguous,
    Invalid,
}

/// The header time: the clock reading in `zone`, as a UTC timestamp. A
/// reading the zone skips or repeats (the hour clocks change) is read as
/// jiff's "compatible" choice: the later offset in a gap, the earlier in
/// a fold.
pub fn time(s: &Stamp, order: Order, zone: &jiff::tz::TimeZone) -> Result<Timestamp, NoTime> {
    let year = s.year.ok_or(NoTime::Invalid)?;
    let (month, day) = if s.year_first {
        (s.a, s.b)
    } else {
        match order {
            Order::DayFirst => (s.b, s.a),
            Order::MonthFirst => (s.a, s.b),
            _ if s.a == s.b => (s.a, s.b),
            _ if s.a > 12 => (s.b, s.a),
            _ if s.b > 12 => (s.a, s.b),
            _ => return Err(NoTime::Ambiguous),
        }
    };
    let hour = match s.pm {
        None => s.hour,
        Some(_) if s.hour > 12 => return Err(NoTime::Invalid),
        Some(true) if s.hour < 12 => s.hour + 12,
        Some(false) if s.hour == 12 => 0,
        Some(_) => s.hour,
    };
    let small = |n: u32| i8::try_from(n).map_err(|_| NoTime::Invalid);
    let year = i16::try_from(year).map_err(|_| NoTime::Invalid)?;
    let dt = DateTime::new(
        year,
        small(month)?,
        small(day)?,
        small(hour)?,
        small(s.minute)?,
        small(s.second)?,
        0,
    )
    .map_err(|_| NoTime::Invalid)?;
    zone.to_ambiguous_timestamp(dt)
        .compatible()
        .map_err(|_| NoTime::Invalid)
}

/// Reads lines of at most `MAX_MESSAGE` bytes each (the rest of a longer
/// line is skipped), decoding invalid UTF-8 lossily and counting it.
pub struct Lines<R> {
    r: std::io::BufReader<R>,
    buf: Vec<u8>,
    /// Number of the line last returned (1-based).
    pub line: u64,
    pub lossy_lines: u64,
    pub first_lossy: u64,
    pub long_lines: u64,
    pub first_long: u64,
}

impl<R: Read> Lines<R> {
    pub fn new(r: R) -> Self {
        Lines {
            r: std::io::BufReader::with_capacity(1 << 16, r),
            buf: Vec::new(),
            line: 0,
            lossy_lines: 0,
            first_lossy: 0,
            long_lines: 0,
            first_long: 0,
        }
    }

    /// The next line without its `\n` / `\r\n`; `None` at the end.
    pub fn next_line(&mut self) -> std::io::Result<Option<String>> {
        self.buf.clear();
        let mut any = false;
        let mut long = false;
        loop {
            let avail = self.r.fill_buf()?;
            if avail.is_empty() {
                if !any {
                    return Ok(None);
                }
                break;
            }
            any = true;
            let (take, used, done) = match memchr::memchr(b'\n', avail) {
                Some(i) => (i, i + 1, true),
                None => (avail.len(), avail.len(), false),
            };
            let room = MAX_MESSAGE.saturating_sub(self.buf.len());
            if take > room {
                long = true;
            }
            self.buf.extend_from_slice(&avail[..take.min(room)]);
            self.r.consume(used);
            if done {
                break;
            }
        }
        self.line += 1;
        if long {
            if self.long_lines == 0 {
                self.first_long = self.line;
            }
            self.long_lines += 1;
        }
        if self.buf.last() == Some(&b'\r') {
            self.buf.pop();
        }
        let mut bytes = &self.buf[..];
        if self.line == 1 {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        Ok(Some(match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => {
                if self.lossy_lines == 0 {
                    self.first_lossy = self.line;
                }
                self.lossy_lines += 1;
                String::from_utf8_lossy(bytes).into_owned()
            }
        }))
    }
}

/// Does the start of a file look like a chat? At least one of its first
/// lines is a message header.
pub fn sniff(head: &[u8]) -> bool {
    let head = super::utf16::head_text(head);
    let head = head.strip_prefix('\u{FEFF}').unwrap_or(&head);
    head.lines()
        .filter(|l| !l.trim().is_empty())
        .take(30)
        .any(|l| header(l.trim_end_matches('\r')).is_some())
}

static ATTACHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<(?:attached|[\p{L} ]{2,24}): ([^<>\r\n]{1,255})>").expect("valid regex")
});
static FILE_ATTACHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([^\s()<>][^()<>\r\n]{0,250}\.[A-Za-z0-9]{1,5}) \([^()\r\n]{3,40}\)$")
        .expect("valid regex")
});
static MAPS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"https?://maps\.google\.[a-z.]+/\?q=(-?\d{1,3}\.\d+),(-?\d{1,3}\.\d+)")
        .expect("valid regex")
});

/// Names of files attached to a message: iOS `<attached: NAME>` (and its
/// translations), Android `NAME (file attached)` on the first line.
pub fn attachments(text: &str) -> Vec<String> {
    let mut names: Vec<String> = ATTACHED
        .captures_iter(text)
        .filter_map(|c| c.get(1))
        .map(|m| m.as_str().trim().to_string())
        .collect();
    if names.is_empty()
        && let Some(first) = text.lines().next()
        && let Some(c) = FILE_ATTACHED.captures(first.trim())
        && let Some(m) = c.get(1)
    {
        names.push(m.as_str().to_string());
    }
    names
}

/// Shared pins: `https://maps.google.com/?q=LAT,LON` (docs/FORMATS.md,
/// "WhatsApp").
pub fn map_pins(text: &str) -> Vec<(f64, f64, String)> {
    MAPS.captures_iter(text)
        .filter_map(|c| {
            let lat: f64 = c.get(1)?.as_str().parse().ok()?;
            let lon: f64 = c.get(2)?.as_str().parse().ok()?;
            let url = c.get(0)?.as_str().to_string();
            (lat.abs() <= 90.0 && lon.abs() <= 180.0).then_some((lat, lon, url))
        })
        .collect()
}

/// Is this line a header? Only the cheap part of `header`, for pre-scans.
pub fn is_header(line: &str) -> bool {
    header(line).is_some()
}

/// Lines read through `f` as `(line number, text)`, with the reader's
/// counters at the end; stops at the first read error.
pub fn for_each_line<'r>(
    r: &'r mut dyn Read,
    mut f: impl FnMut(u64, &str),
) -> (Lines<Box<dyn Read + 'r>>, Option<std::io::Error>) {
    let r = match super::utf16::decoded(r) {
        Ok(r) => r,
        Err(e) => return (Lines::new(Box::new(std::io::empty())), Some(e)),
    };
    let mut lines = Lines::new(r);
    loop {
        match lines.next_line() {
            Ok(Some(l)) => f(lines.line, &l),
            Ok(None) => return (lines, None),
            Err(e) => return (lines, Some(e)),
        }
    }
}

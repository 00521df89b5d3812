//! Meta's HTML exports (docs/FORMATS.md, "Facebook", "Quirks handled",
//! and "Instagram"), the default a user gets.
//! Three generations are read with `scraper` (html5ever underneath):
//!
//! * ≤2018 archives: `div.thread > div.message > div.message_header >
//!   span.user / span.meta` followed by a `<p>` (Messenger), photo pages
//!   of `div.block` with a `div.meta` date and a `table.meta` of EXIF rows,
//!   and the wall, timeline and notes pages: each item a `div.meta` date,
//!   a line saying what happened ("… updated his status.") and the text in
//!   `div.comment` (written inside a `<p>`, which an HTML5 parser closes
//!   before the first `div`, so the parts are read in document order);
//! * ~2018–2021 "bluebar" pages: entries `div.pam._3-95` (`uiBoxWhite`),
//!   title `._3-96._2pio`, body `._2pin`/`._2let`, date footer `._3-94._2lem`;
//! * 2022+ pages: entries `._a6-g`, heading `._a6-h`, content `._a6-p`,
//!   date footer `._a6-o` / `._a72d`.
//!
//! Bluebar and 2022+ pages are cut into their item blocks as they stream
//! by and each block parsed on its own (`cut`), and so are ≤2018
//! Messenger pages, thread by thread, ≤2018 photo pages, block by block,
//! and ≤2018 wall, timeline and notes pages, before each wall item; only
//! pages whose markup `cut` cannot follow are parsed whole (`MAX_HTML`).
//!
//! HTML pages carry no machine timestamp: the date text is parsed with the
//! month names of the languages in `months` (CLDR); a date that cannot be
//! parsed leaves `created_at` empty, is counted and named in a warning.

pub mod cut;

use super::Flavor;
use crate::platform::EntryOutcome;
use crate::record::{Location, Record, RecordKind};
use crate::vocab::Field;
use jiff::Timestamp;
use scraper::{ElementRef, Html, Selector};

/// HTML pages parsed whole into a DOM (which takes several times the
/// file size) are at most this long; larger ones are reported as failed
/// with this limit named. Only pages `cut` cannot read item by item are
/// parsed whole: threads nested or without messages, photo blocks nested
/// or among other elements than `div`s, wall pages that also hold
/// bluebar or 2022+ entries, pages with an `_a6-g` element that is not a
/// `div`, and classes with character references.
pub const MAX_HTML: u64 = 64 << 20;

/// What kind of records a page holds, from its file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    Posts,
    Comments,
    Messages,
    Photos,
    Profile,
}

/// Pages with records, by file name (lower case, no folders).
pub fn page_kind(lower_path: &str) -> Option<Page> {
    let file = lower_path.rsplit('/').next().unwrap_or(lower_path);
    let stem = file.rsplit_once('.').map(|(s, _)| s).unwrap_or(file);
    let in_dir = |d: &str| lower_path.split('/').any(|c| c == d);
    Some(
        if stem.starts_with("message_") || stem == "messages" || in_dir("messages") {
            Page::Messages
        } else if stem.contains("comment") {
            Page::Comments
        } else if stem.starts_with("your_posts")
            || stem.starts_with("profile_posts")
            || stem.starts_with("posts_")
            || matches!(
                stem,
                "timeline"
                    | "wall"
                    | "stories"
                    | "reels"
                    | "group_posts_and_comments"
                    | "check-ins"
                    | "other_people's_posts_to_your_timeline"
                    | "notes"
                    | "private_notes"
                    | "archived_stories"
            )
        {
            Page::Posts
        } else if in_dir("photos")
            || in_dir("album")
            || stem.starts_with("your_photos")
            || stem.starts_with("your_videos")
            || stem == "profile_photos"
        {
            Page::Photos
        } else if matches!(
            stem,
            "profile_information" | "personal_information" | "contact_info"
        ) {
            Page::Profile
        } else {
            return None;
        },
    )
}

fn sel(s: &str) -> Selector {
    // The selectors are constants of this file; a typo is a test failure.
    Selector::parse(s).unwrap_or_else(|_| Selector::parse("*").expect("universal selector"))
}

fn text_of(e: ElementRef<'_>) -> String {
    let mut s = String::new();
    for t in e.text() {
        let t = t.trim();
        if !t.is_empty() {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(t);
        }
    }
    s
}

pub struct Ctx<'a> {
    pub flavor: Flavor,
    pub account: &'a str,
    pub entry: &'a str,
    /// Maps a media path the page links to onto the archive entry holding it.
    pub resolve: &'a dyn Fn(&str) -> Option<String>,
    pub emit: &'a mut dyn FnMut(Record),
    pub out: &'a mut EntryOutcome,
    /// Dates that could not be parsed, counted for one warning.
    pub bad_dates: u64,
    pub first_bad: Option<String>,
}

impl Ctx<'_> {
    fn record(&self, kind: RecordKind, when: &str) -> Record {
        let mut r = Record::new(self.flavor.platform(), kind, String::new());
        r.account = self.account.to_string();
        r.entry = self.entry.to_string();
        r.created_at = parse_date(when);
        r.id = r
            .created_at
            .map(|t| t.as_second().to_string())
            .unwrap_or_default();
        r
    }

    fn date_check(&mut self, r: &Record, when: &str) {
        if r.created_at.is_none() && !when.trim().is_empty() {
            self.bad_dates += 1;
            self.first_bad
                .get_or_insert_with(|| when.trim().to_string());
        }
    }

    fn send(&mut self, r: Record) {
        (self.emit)(r);
        self.out.records += 1;
    }

    pub fn page(&mut self, html: &str, page: Page) {
        let doc = Html::parse_document(html);
        let before = self.out.records;
        self.legacy_messages(&doc);
        self.legacy_photos(&doc);
        if self.out.records == before {
            self.legacy_wall(&doc, page);
        }
        if self.out.records == before {
            self.entries(&doc, page);
        }
        self.finish();
    }

    /// One item block of a page that `cut` cut into items, parsed on its
    /// own: what `page` reads of that block in the whole page.
    pub fn item(&mut self, html: &str, page: Page) {
        let doc = Html::parse_document(html);
        self.entries(&doc, page);
    }

    /// One part of a ≤2018 wall, timeline or notes page that `cut` cut
    /// before a wall item, with what was open around it prepended: what
    /// `page` reads of those items in the whole page.
    pub fn wall(&mut self, html: &str, page: Page) {
        let doc = Html::parse_document(html);
        self.legacy_wall(&doc, page);
    }

    /// One ≤2018 `div.block` of a photo page that `cut` cut into blocks,
    /// parsed on its own: what `page` reads of that block in the whole
    /// page.
    pub fn photos(&mut self, html: &str) {
        let doc = Html::parse_document(html);
        self.legacy_photos(&doc);
    }

    /// One ≤2018 `div.thread` block of a Messenger page that `cut` cut
    /// into threads, parsed on its own: what `page` reads of that thread
    /// in the whole page.
    pub fn thread(&mut self, html: &str) {
        let doc = Html::parse_document(html);
        self.legacy_messages(&doc);
    }

    /// After the last item: the warning on dates that could not be read.
    pub fn finish(&mut self) {
        if self.bad_dates > 0 {
            self.out.undated += self.bad_dates;
            let first = self.first_bad.clone().unwrap_or_default();
            self.out.warn(format!(
                "{}: {} date{} could not be parsed (month names are known in English, Welsh, Polish, Romanian, Punjabi, Urdu, French, German, Spanish, Italian, Portuguese and Dutch), e.g. \"{first}\"; those records have no time",
                self.entry,
                self.bad_dates,
                if self.bad_dates == 1 { "" } else { "s" }
            ));
        }
    }

    /// ≤2018 `messages.htm`: a header div, then the text in the next `<p>`.
    fn legacy_messages(&mut self, doc: &Html) {
        let thread = sel("div.thread");
        let user = sel("span.user");
        let meta = sel("span.meta");
        for t in doc.select(&thread) {
            let title: String = t
                .children()
                .filter_map(|c| c.value().as_text().map(|x| x.trim().to_string()))
                .find(|x| !x.is_empty())
                .unwrap_or_default();
            let mut pending: Option<(String, String)> = None;
            for c in t.children().filter_map(ElementRef::wrap) {
                let name = c.value().name();
                if name == "div" && c.value().classes().any(|x| x == "message") {
                    if let Some((who, when)) = pending.take() {
                        self.message(&title, &who, &when, "");
                    }
                    let who = c.select(&user).next().map(text_of).unwrap_or_default();
                    let when = c.select(&meta).next().map(text_of).unwrap_or_default();
                    pending = Some((who, when));
                } else if name == "p"
                    && let Some((who, when)) = pending.take()
                {
                    self.message(&title, &who, &when, &text_of(c));
                }
            }
            if let Some((who, when)) = pending.take() {
                self.message(&title, &who, &when, "");
            }
        }
    }

    fn message(&mut self, title: &str, who: &str, when: &str, text: &str) {
        let mut r = self.record(RecordKind::Dm, when);
        self.date_check(&r, when);
        r.push_field(Field::Text, text);
        r.push_field(Field::Title, title);
        for p in title.split(", ") {
            if p != who && !p.trim().is_empty() {
                r.mentions.push(p.trim().to_string());
            }
        }
        self.send(r);
    }

    /// ≤2018 photo pages: `div.block` with an image, a date and EXIF rows.
    fn legacy_photos(&mut self, doc: &Html) {
        let block = sel("div.block");
        let img = sel("img");
        let meta = sel("div.meta");
        let row = sel("table.meta tr");
        let th = sel("th");
        let td = sel("td");
        for b in doc.select(&block) {
            let when = b.select(&meta).next().map(text_of).unwrap_or_default();
            let mut r = self.record(RecordKind::Media, &when);
            self.date_check(&r, &when);
            let src = b
                .select(&img)
                .next()
                .and_then(|i| i.value().attr("src"))
                .unwrap_or("");
            let name = src.split(['?', '#']).next().unwrap_or(src);
            r.push_field(Field::MediaName, name.rsplit('/').next().unwrap_or(name));
            let (mut lat, mut lon) = (None, None);
            for tr in b.select(&row) {
                let k = tr.select(&th).next().map(text_of).unwrap_or_default();
                let v = tr.select(&td).next().map(text_of).unwrap_or_default();
                match k.to_lowercase().as_str() {
                    "upload ip address" => r.push_field(Field::UploadIp, v),
                    "latitude" => lat = v.parse::<f64>().ok(),
                    "longitude" => lon = v.parse::<f64>().ok(),
                    "taken" if r.created_at.is_none() => {
                        r.created_at = super::records::timestamp(&serde_json::json!(v), false)
                    }
                    _ => {}
                }
            }
            push_gps(&mut r, lat, lon, name);
            self.send(r);
        }
    }

    /// ≤2018 wall, timeline and notes pages: a `div.meta` date starts an
    /// item; the loose text after it says what happened (the title) and
    /// each `div.comment` holds text written in it.
    fn legacy_wall(&mut self, doc: &Html, page: Page) {
        let contents = sel("div.contents");
        let Some(root) = doc.select(&contents).next() else {
            return;
        };
        let mut items: Vec<WallItem> = Vec::new();
        wall_walk(root, &mut items);
        let kind = match page {
            Page::Comments => RecordKind::Comment,
            Page::Messages => RecordKind::Dm,
            _ => RecordKind::Post,
        };
        for item in items {
            let mut r = self.record(kind, &item.when);
            self.date_check(&r, &item.when);
            r.push_field(Field::Title, item.title.join(" "));
            for t in item.texts {
                r.push_field(Field::Text, t);
            }
            for l in item.links {
                r.push_field(Field::Link, l);
            }
            self.send(r);
        }
    }

    /// Bluebar (`div.pam._3-95`) and 2022+ (`._a6-g`) entries. Only the
    /// outermost entries are records; nested ones are part of their text.
    fn entries(&mut self, doc: &Html, page: Page) {
        let entry = sel("div.pam._3-95, ._a6-g");
        let heading = sel("._3-96._2pio, ._2lel, ._a6-h");
        let body = sel("._2pin, ._2let, ._a6-p");
        let footer = sel("._3-94._2lem, ._a6-o, ._a72d");
        let row = sel("tr");
        let cells = sel("td, th");
        let kind = match page {
            Page::Posts | Page::Photos => RecordKind::Post,
            Page::Comments => RecordKind::Comment,
            Page::Messages => RecordKind::Dm,
            Page::Profile => RecordKind::Profile,
        };
        for e in doc.select(&entry) {
            let nested = e
                .ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| entry.matches(&a));
            if nested {
                continue;
            }
            let when = e
                .select(&footer)
                .map(text_of)
                .find(|t| !t.is_empty())
                .unwrap_or_default();
            let mut r = self.record(kind, &when);
            self.date_check(&r, &when);
            let title = e.select(&heading).next().map(text_of).unwrap_or_default();
            let text = e.select(&body).next().map(text_of).unwrap_or_default();
            let (mut lat, mut lon) = (None, None);
            for tr in e.select(&row) {
                let c: Vec<String> = tr.select(&cells).map(text_of).collect();
                if let [k, v, ..] = c.as_slice() {
                    match k.to_lowercase().as_str() {
                        "latitude" => lat = v.parse().ok(),
                        "longitude" => lon = v.parse().ok(),
                        "email" | "emails" => r.push_field(Field::Email, v.clone()),
                        "phone number" | "phone" => r.push_field(Field::Phone, v.clone()),
                        "bio" => r.push_field(Field::Bio, v.clone()),
                        "website" => r.push_field(Field::Website, v.clone()),
                        _ => {}
                    }
                }
            }
            push_gps(&mut r, lat, lon, self.entry);
            // A photo or sticker sent without words is still a message
            // (the JSON reader keeps it too): the files it shows are named.
            self.media_links(e, &mut r);
            if page == Page::Messages {
                // 2022+ message pages: the heading is the sender.
                r.push_field(Field::Text, text);
            } else {
                r.push_field(Field::Title, title);
                r.push_field(Field::Text, text);
            }
            if r.fields.is_empty() && r.locations.is_empty() {
                continue;
            }
            self.send(r);
        }
    }
}

impl Ctx<'_> {
    /// Files of the export an entry shows or links to (`img`, `video`,
    /// `audio`, `a href` with a relative path): their names as
    /// `media_name`, the archive entries as the record's media.
    fn media_links(&self, e: ElementRef<'_>, r: &mut Record) {
        let linked = sel("img[src], video[src], audio[src], source[src], a[href]");
        for m in e.select(&linked) {
            let v = m.value();
            let Some(path) = v.attr("src").or_else(|| v.attr("href")) else {
                continue;
            };
            let path = path.split(['?', '#']).next().unwrap_or("");
            if path.is_empty() || path.contains("://") || path.starts_with("data:") {
                continue;
            }
            let mut rel = path.trim_start_matches("./");
            while let Some(rest) = rel.strip_prefix("../") {
                rel = rest;
            }
            let name = rel.rsplit('/').next().unwrap_or(rel);
            if name.is_empty() || r.fields.iter().any(|f| f.value == name) {
                continue;
            }
            r.push_field(Field::MediaName, name);
            if let Some(found) = (self.resolve)(rel) {
                r.media.push(found);
            }
        }
    }
}

/// One item of a ≤2018 wall, timeline or notes page.
#[derive(Default)]
struct WallItem {
    when: String,
    title: Vec<String>,
    texts: Vec<String>,
    links: Vec<String>,
}

/// Reads the parts of wall items in document order: `div.meta` opens an
/// item, `div.comment` adds text, loose text adds to the title. Messenger
/// threads, photo blocks, headings and navigation are not wall items.
/// Walked with a stack, not recursion, so a deeply nested page cannot
/// exhaust the thread's stack.
fn wall_walk(root: ElementRef<'_>, items: &mut Vec<WallItem>) {
    let mut stack: Vec<_> = root.children().collect();
    stack.reverse();
    while let Some(node) = stack.pop() {
        if let Some(t) = node.value().as_text() {
            let t = t.trim();
            if let Some(item) = items.last_mut()
                && !t.is_empty()
            {
                item.title.push(t.to_string());
            }
            continue;
        }
        let Some(el) = ElementRef::wrap(node) else {
            continue;
        };
        let v = el.value();
        let class = |c: &str| v.classes().any(|x| x == c);
        match v.name() {
            "h1" | "h2" | "script" | "style" => {}
            "div" if class("meta") => items.push(WallItem {
                when: text_of(el),
                ..WallItem::default()
            }),
            "div" if class("comment") => {
                if let Some(item) = items.last_mut() {
                    item.texts.push(text_of(el));
                }
            }
            "div" if class("thread") || class("block") || class("nav") || class("footer") => {}
            "a" => {
                if let Some(item) = items.last_mut() {
                    let href = v.attr("href").unwrap_or("");
                    if href.starts_with("http://") || href.starts_with("https://") {
                        item.links.push(href.to_string());
                    }
                    let t = text_of(el);
                    if !t.is_empty() {
                        item.title.push(t);
                    }
                }
            }
            _ => {
                let at = stack.len();
                stack.extend(el.children());
                stack[at..].reverse();
            }
        }
    }
}

fn push_gps(r: &mut Record, lat: Option<f64>, lon: Option<f64>, label: &str) {
    if let (Some(lat), Some(lon)) = (lat, lon)
        && lat.abs() <= 90.0
        && lon.abs() <= 180.0
    {
        r.locations.push(Location {
            field: Field::Exif,
            lat: Some(lat),
            lon: Some(lon),
            label: label.to_string(),
        });
    }
}

/// Time-zone abbreviations seen in English exports, and `UTC±hh[:mm]` /
/// `GMT±h` as every language writes them, as UTC offsets in seconds.
fn zone(z: &str) -> Option<i32> {
    const H: i32 = 3600;
    Some(match z {
        "utc" | "gmt" | "z" => 0,
        "bst" | "cet" | "wat" => H,
        "cest" | "eet" | "sast" => 2 * H,
        "eest" | "msk" => 3 * H,
        "ist" => return None,
        "pst" => -8 * H,
        "pdt" | "mst" => -7 * H,
        "mdt" | "cst" => -6 * H,
        "cdt" | "est" => -5 * H,
        "edt" | "ast" => -4 * H,
        _ => {
            let rest = z.strip_prefix("utc").or_else(|| z.strip_prefix("gmt"))?;
            let (sign, num) = match rest.as_bytes().first()? {
                b'+' => (1, &rest[1..]),
                b'-' | 0xE2 => (-1, rest.trim_start_matches(['-', '\u{2212}'])),
                _ => return None,
            };
            let (h, m) = num.split_once(':').unwrap_or((num, "0"));
            let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
            return (h <= 14 && m < 60).then_some(sign * (h * H + m * 60));
        }
    })
}

/// Day-period words after a time: `Some(true)` afternoon. English, Spanish
/// and Portuguese `a. m.`/`p. m.` (read as two words), Welsh `yb`/`yh`,
/// Punjabi and Urdu (CLDR `dayPeriods`).
fn day_period(word: &str, next: Option<&str>) -> Option<bool> {
    let w = word.replace('.', "");
    match w.as_str() {
        "am" | "yb" | "ਪੂਦੁ" => Some(false),
        "pm" | "yh" | "ਬਾਦੁ" => Some(true),
        "a" | "p" if next.is_some_and(|n| n.trim_end_matches('.') == "m") => Some(w == "p"),
        "قبل" if next == Some("دوپہر") => Some(false),
        "بعد" if next == Some("دوپہر") => Some(true),
        _ => None,
    }
}

/// Digits as ASCII: Arabic-Indic, extended Arabic-Indic (Urdu) and
/// Gurmukhi digits; the Arabic comma as a comma.
fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            '\u{0A66}'..='\u{0A6F}' => char::from(b'0' + (c as u32 - 0x0A66) as u8),
            '\u{060C}' => ',',
            c => c,
        })
        .collect()
}

/// Export dates in every language of `months::LOCALES`: "Friday, October
/// 4, 2013 at 10:05pm PDT", "Thursday, 11 August 2016 at 19:25 UTC+01",
/// "May 25, 2018, 9:53 PM", "martes, 12 de abril de 2016 a las 10:05
/// UTC+02", "25 abr. 2018 9:53 p. m.", "Dydd Mawrth, 12 Mehefin 2012 am
/// 14:15 UTC+01", "wtorek, 12 czerwca 2012 o 14:15". A missing zone is
/// read as UTC.
pub fn parse_date(s: &str) -> Option<Timestamp> {
    let text = ascii_digits(s).to_lowercase().replace(',', " ");
    let tokens: Vec<&str> = text.split_whitespace().collect();
    // A weekday can share a month's name (Welsh "Dydd Mawrth" is Tuesday,
    // Spanish and French "mar." too): it comes first, or after "dydd".
    let mut months: Vec<(usize, i8)> = Vec::new();
    let mut day = None;
    let mut year = None;
    let mut time: Option<(i8, i8)> = None;
    let mut pm = None;
    let mut offset = 0;
    for (i, raw) in tokens.iter().enumerate() {
        let tok = raw.trim_end_matches('.');
        if let Some(z) = zone(tok) {
            offset = z;
            continue;
        }
        if let Some(m) = super::months::month(tok) {
            months.push((i, m));
            continue;
        }
        let (clock, suffix) = match tok.find(|c: char| c.is_alphabetic()) {
            Some(i) if tok.contains(':') => (&tok[..i], &tok[i..]),
            _ => (tok, ""),
        };
        if let Some((h, m)) = clock.split_once(':') {
            let h: i8 = h.parse().ok()?;
            let m: i8 = m.get(..2).unwrap_or(m).parse().ok()?;
            time = Some((h, m));
            if !suffix.is_empty() {
                pm = day_period(suffix, None);
            }
            continue;
        }
        if time.is_some()
            && let Some(p) = day_period(tok, tokens.get(i + 1).copied())
        {
            pm = Some(p);
            continue;
        }
        if let Ok(n) = tok.parse::<i16>() {
            if n > 31 {
                year = Some(n);
            } else if day.is_none() {
                day = Some(n as i8);
            }
        }
    }
    let weekday = |i: usize| i == 0 || (i > 0 && tokens[i - 1] == "dydd");
    let month = match months.as_slice() {
        [] => None,
        [(_, m)] => Some(*m),
        more => more
            .iter()
            .find(|(i, _)| !weekday(*i))
            .or(more.first())
            .map(|(_, m)| *m),
    };
    let (mut h, mi) = time.unwrap_or((0, 0));
    match pm {
        Some(true) if h < 12 => h += 12,
        Some(false) if h == 12 => h = 0,
        _ => {}
    }
    let date = jiff::civil::Date::new(year?, month?, day?).ok()?;
    let dt = date.to_datetime(jiff::civil::Time::new(h, mi, 0, 0).ok()?);
    let tz = jiff::tz::TimeZone::fixed(jiff::tz::Offset::from_seconds(offset).ok()?);
    dt.to_zoned(tz).ok().map(|z| z.timestamp())
}

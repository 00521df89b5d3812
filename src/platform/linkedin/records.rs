//! Rows of LinkedIn's CSVs, and article pages, to records: posts from
//! `Shares.csv`, comments, direct messages, the profile, uploaded media,
//! and the account's e-mail addresses and phone numbers.

use super::table::{self, Header, Row};
use super::{Kind, LinkedInUnit, PLATFORM, time};
use crate::archive::{Archive, Entry};
use crate::platform::{EntryOutcome, html_text};
use crate::record::{Record, RecordKind};
use crate::vocab::Field;
use std::borrow::Cow;

/// Article pages are parsed into a DOM; larger ones fail with this named.
pub const MAX_ARTICLE: u64 = 64 << 20;

fn is_url(s: &str) -> bool {
    s.starts_with("https://") || s.starts_with("http://")
}

/// `First Name` and `Last Name` of a profile row.
pub(super) fn full_name(h: &Header, row: &Row<'_>) -> String {
    let first = row.get(h.index("First Name"));
    let last = row.get(h.index("Last Name"));
    format!("{first} {last}").trim().to_string()
}

/// Multi-line post text comes with every inner line break written as
/// `"` + newline + `"`, so a CSV parser returns lines that end and start
/// with a stray quote (docs/FORMATS.md, "LinkedIn"). When every break has
/// them, they are removed; otherwise the text is left as written.
pub(super) fn unwrap_lines(s: &str) -> Cow<'_, str> {
    if !s.contains('\n') {
        return Cow::Borrowed(s);
    }
    let lines: Vec<&str> = s.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    let quirk = lines
        .windows(2)
        .all(|w| w[0].ends_with('"') && w[1].starts_with('"'));
    if !quirk {
        return Cow::Borrowed(s);
    }
    let last = lines.len() - 1;
    let mut out = String::with_capacity(s.len());
    for (i, l) in lines.iter().enumerate() {
        let l = if i > 0 { &l[1..] } else { l };
        let l = if i < last {
            l.strip_suffix('"').unwrap_or(l)
        } else {
            l
        };
        if i > 0 {
            out.push('\n');
        }
        out.push_str(l);
    }
    Cow::Owned(out)
}

/// `urn:li:share:7089…` from a post's address (often percent-encoded).
fn urn(link: &str) -> Option<String> {
    let decoded = link.replace("%3A", ":").replace("%3a", ":");
    let at = decoded.find("urn:li:")?;
    let urn: String = decoded[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, ':' | '_' | '-'))
        .collect();
    (urn.len() > "urn:li:".len()).then_some(urn)
}

/// The web addresses in a `Websites` cell, which LinkedIn writes as
/// `[COMPANY:https://…,PERSONAL:www.…]` or as a plain list.
fn websites(cell: &str) -> Vec<String> {
    cell.split([',', ' ', '[', ']', ';'])
        .map(|t| match t.split_once(':') {
            Some((kind, rest))
                if !kind.is_empty()
                    && kind.bytes().all(|b| b.is_ascii_uppercase() || b == b'_')
                    && !rest.starts_with("//") =>
            {
                rest
            }
            _ => t,
        })
        .map(str::trim)
        .filter(|t| t.contains('.') && !t.contains('@'))
        .map(String::from)
        .collect()
}

/// Counts of what went wrong in rows, for one warning each at the end.
#[derive(Default)]
struct Tally {
    bad_dates: u64,
    first_bad: Option<(u64, String)>,
}

impl Tally {
    fn time(&mut self, line: u64, cell: &str) -> Option<jiff::Timestamp> {
        let t = time::parse(cell);
        if t.is_none() && !cell.is_empty() {
            self.bad_dates += 1;
            if self.first_bad.is_none() {
                self.first_bad = Some((line, cell.to_string()));
            }
        }
        t
    }
}

fn record(unit: &LinkedInUnit, kind: RecordKind, id: String, entry: &str) -> Record {
    let mut r = Record::new(PLATFORM, kind, id);
    r.account = unit.account.clone();
    r.entry = entry.to_string();
    r
}

/// Every row of a CSV of `kind`, one record per row (the profile and the
/// account facts: one record per file).
pub(super) fn table(
    unit: &LinkedInUnit,
    kind: Kind,
    archive: &Archive,
    entry: &Entry<'_>,
    out: &mut EntryOutcome,
    emit: &mut dyn FnMut(Record),
) {
    let mut tally = Tally::default();
    let mut records = 0u64;
    let mut emit = |r: Record| {
        records += 1;
        emit(r);
    };
    let name = entry.name.as_str();
    let name = name.as_ref();
    // The account-level files give one record for the whole file.
    let mut whole: Option<Record> = match kind {
        Kind::Emails | Kind::Phones => Some(record(
            unit,
            RecordKind::Account,
            unit.account.clone(),
            name,
        )),
        _ => None,
    };
    let mut profile_rows = 0u64;
    let summary = table::read(
        archive,
        entry,
        kind == Kind::Comments,
        &mut |_| {},
        &mut |h, row| match kind {
            Kind::Shares => {
                let link = row.get(h.index("ShareLink"));
                let id = urn(link).unwrap_or_else(|| row.line.to_string());
                let mut r = record(unit, RecordKind::Post, id, name);
                if is_url(link) {
                    r.url = link.to_string();
                }
                r.created_at = tally.time(row.line, row.get(h.index("Date")));
                r.push_field(
                    Field::Text,
                    unwrap_lines(row.get(h.index("ShareCommentary"))).trim(),
                );
                for col in ["SharedUrl", "MediaUrl"] {
                    let u = row.get(h.index(col));
                    if is_url(u) {
                        r.push_field(Field::Link, u);
                    }
                }
                emit(r);
            }
            Kind::Comments => {
                let link = row.get(h.index("Link"));
                let mut r = record(unit, RecordKind::Comment, row.line.to_string(), name);
                if is_url(link) {
                    r.url = link.to_string();
                }
                r.created_at = tally.time(row.line, row.get(h.index("Date")));
                r.push_field(
                    Field::Text,
                    unwrap_lines(row.get(h.index("Message"))).trim(),
                );
                emit(r);
            }
            Kind::Messages => {
                let mut r = record(unit, RecordKind::Dm, row.line.to_string(), name);
                let conversation = row.get(h.index("CONVERSATION ID"));
                if !conversation.is_empty()
                    && conversation
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'='))
                {
                    r.url = format!("https://www.linkedin.com/messaging/thread/{conversation}/");
                }
                r.created_at = tally.time(row.line, row.get(h.index("DATE")));
                r.push_field(Field::Sender, row.get(h.index("FROM")));
                r.push_field(Field::Title, row.get(h.index("SUBJECT")));
                // Sponsored and InMail messages are HTML.
                let body = html_text::to_text(row.get(h.index("CONTENT")));
                r.push_field(Field::Text, body.text);
                for l in body.links {
                    r.push_field(Field::Link, l);
                }
                for a in row.get(h.index("ATTACHMENTS")).split_whitespace() {
                    if is_url(a) {
                        r.push_field(Field::Link, a.trim_end_matches(','));
                    }
                }
                emit(r);
            }
            Kind::Profile => {
                profile_rows += 1;
                if profile_rows > 1 {
                    return;
                }
                let mut r = record(unit, RecordKind::Profile, full_name(h, &row), name);
                r.push_field(Field::Title, row.get(h.index("Headline")));
                r.push_field(Field::Bio, unwrap_lines(row.get(h.index("Summary"))).trim());
                r.push_field(Field::Location, row.get(h.index("Geo Location")));
                for w in websites(row.get(h.index("Websites"))) {
                    r.push_field(Field::Website, w);
                }
                emit(r);
            }
            Kind::ProfileSummary => {
                let mut r = record(unit, RecordKind::Profile, unit.account.clone(), name);
                r.push_field(Field::Bio, row.get(Some(0)));
                emit(r);
            }
            Kind::RichMedia => {
                let mut r = record(unit, RecordKind::Media, row.line.to_string(), name);
                let link = row.get(h.index("Media Link"));
                if is_url(link) {
                    r.url = link.to_string();
                }
                r.created_at = tally.time(row.line, row.get(h.index("Date/Time")));
                r.push_field(Field::Text, row.get(h.index("Media Description")));
                emit(r);
            }
            Kind::Emails => {
                if let Some(r) = whole.as_mut() {
                    r.push_field(Field::Email, row.get(h.index("Email Address")));
                }
            }
            Kind::Phones => {
                if let Some(r) = whole.as_mut() {
                    r.push_field(Field::Phone, row.get(h.index("Number")));
                }
            }
            Kind::Article => {}
        },
    );
    if let Some(r) = whole.take().filter(|r| !r.fields.is_empty()) {
        emit(r);
    }
    out.records += records;
    if profile_rows > 1 {
        out.warn(format!(
            "{profile_rows} profile rows; only the first was read"
        ));
    }
    if let Some((line, value)) = tally.first_bad {
        out.warn(format!(
            "{} date{} could not be read (first on line {line}: {value:?}); created_at left empty",
            tally.bad_dates,
            if tally.bad_dates == 1 { "" } else { "s" }
        ));
    }
    if summary.short_rows > 0 {
        out.warn(format!(
            "{} row{} fewer columns than the header (first on line {}); the missing cells read as empty",
            summary.short_rows,
            if summary.short_rows == 1 { " has" } else { "s have" },
            summary.first_short
        ));
    }
    if summary.lossy_rows > 0 {
        out.warn(format!(
            "{} row{} invalid UTF-8 (first on line {}); those bytes were replaced",
            summary.lossy_rows,
            if summary.lossy_rows == 1 {
                " has"
            } else {
                "s have"
            },
            summary.first_lossy
        ));
    }
    out.error = summary.error;
    if out.error.is_none() && out.records == 0 {
        out.warn(if summary.rows == 0 {
            "no rows after the header: 0 records"
        } else {
            "no row held a value this reader reads: 0 records"
        });
    }
}

/// A long-form article page: `<h1><a href="…/pulse/…">Title</a></h1>`,
/// `<p class="created">Created on …</p>`, `<p class="published">…</p>`,
/// then the body.
pub(super) fn article(
    unit: &LinkedInUnit,
    archive: &Archive,
    entry: &Entry<'_>,
    out: &mut EntryOutcome,
    emit: &mut dyn FnMut(Record),
) {
    use scraper::{Html, Selector};
    let bytes = match archive.read(entry, MAX_ARTICLE) {
        Ok(b) => b,
        Err(e) => {
            out.error = Some(e.to_string());
            return;
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    if let Err(e) = std::str::from_utf8(&bytes) {
        out.warn(format!(
            "not valid UTF-8 at byte {}; invalid bytes were replaced",
            e.valid_up_to()
        ));
    }
    let doc = Html::parse_document(&text);
    let sel = |s: &str| Selector::parse(s).ok();
    let first_text = |s: &str| {
        sel(s)
            .and_then(|s| doc.select(&s).next())
            .map(|e| e.text().collect::<String>().trim().to_string())
            .unwrap_or_default()
    };
    let file = entry.name.base();
    let slug = file.rsplit_once('.').map_or(file, |(s, _)| s);
    let mut r = record(
        unit,
        RecordKind::Post,
        slug.to_string(),
        &entry.name.as_str(),
    );
    let title = match first_text("h1") {
        t if t.is_empty() => first_text("title"),
        t => t,
    };
    r.push_field(Field::Title, title);
    if let Some(href) = sel("h1 a[href]")
        .and_then(|s| doc.select(&s).next())
        .and_then(|a| a.value().attr("href"))
        .filter(|h| is_url(h))
    {
        r.url = href.to_string();
    }
    let mut when = String::new();
    for (class, prefix) in [("p.published", "Published on"), ("p.created", "Created on")] {
        let t = first_text(class);
        if let Some(rest) = t.strip_prefix(prefix) {
            when = rest.trim().to_string();
            break;
        }
    }
    r.created_at = time::parse(&when);
    if r.created_at.is_none() && !when.is_empty() {
        out.warn(format!(
            "publication date {when:?} could not be read; created_at left empty"
        ));
    }
    // The body: everything in <body> but the heading and the two dates.
    let mut body = String::new();
    if let Some(b) = sel("body").and_then(|s| doc.select(&s).next()) {
        for child in b.children() {
            match child.value() {
                scraper::Node::Element(e) => {
                    let skip = e.name() == "h1"
                        || e.name() == "img"
                        || (e.name() == "p"
                            && e.classes().any(|c| c == "created" || c == "published"));
                    if !skip && let Some(el) = scraper::ElementRef::wrap(child) {
                        body.push_str(&el.html());
                    }
                }
                scraper::Node::Text(t) => body.push_str(t),
                _ => {}
            }
        }
    }
    let body = html_text::to_text(&body);
    r.push_field(Field::Text, body.text);
    for l in body.links {
        r.push_field(Field::Link, l);
    }
    if r.fields.is_empty() {
        out.warn("the page has no title and no text: 0 records");
        return;
    }
    emit(r);
    out.records += 1;
}

//! Takeout rows and list items → `Record`s.
//!
//! `record_id` is YouTube's own id (comment, live-chat message, video,
//! channel, playlist); HTML list items, which carry no id, use their time.
//! Permalinks: `https://www.youtube.com/watch?v=VIDEO&lc=COMMENT` for a
//! comment, `…/post/POST?lc=COMMENT` for a comment on a community post,
//! `…/watch?v=VIDEO` for a video or a live-chat message, `…/channel/ID`
//! and `…/playlist?list=ID`.

use super::table::{self, Col, Columns};
use super::{Join, Kind, cut, html, segments, time};
use crate::archive::{Archive, Entry};
use crate::platform::EntryOutcome;
use crate::record::{Location, Record, RecordKind};
use crate::vocab::{Field, Platform};
use std::collections::{HashMap, HashSet};

const WATCH: &str = "https://www.youtube.com/watch?v=";

/// Everything needed to turn one entry into records.
pub struct Ctx<'a> {
    pub account: &'a str,
    pub entry: &'a str,
    pub out: &'a mut EntryOutcome,
    pub emit: &'a mut dyn FnMut(Record),
}

/// Problems seen while reading rows, reported once per entry.
#[derive(Default)]
struct Tally {
    bad_dates: u64,
    first_bad: Option<(u64, String)>,
    plain_texts: u64,
    no_location: u64,
}

impl Tally {
    fn date(&mut self, cell: &str, row: u64) -> Option<jiff::Timestamp> {
        if cell.is_empty() {
            return None;
        }
        let t = time::parse(cell);
        if t.is_none() {
            self.bad_dates += 1;
            self.first_bad.get_or_insert((row, cell.to_string()));
        }
        t
    }
}

/// `@handle` mentions in comment text.
fn mentions(text: &str) -> Vec<String> {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?:^|[^\w@])@([\w][\w.\-]{1,60})").expect("valid regex")
    });
    RE.captures_iter(text)
        .map(|c| c[1].trim_end_matches('.').to_string())
        .collect()
}

fn coordinate(cell: &str) -> Option<f64> {
    cell.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|f| f.is_finite())
}

/// A latitude/longitude pair, when both are present, in range, and not
/// the 0,0 Takeout writes for "no location".
fn geo(cols: &Columns, row: &[String], label: String) -> Option<Location> {
    let lat = coordinate(cols.get(row, Col::Latitude))?;
    let lon = coordinate(cols.get(row, Col::Longitude))?;
    (lat.abs() <= 90.0 && lon.abs() <= 180.0 && (lat != 0.0 || lon != 0.0)).then_some(Location {
        field: Field::Geo,
        lat: Some(lat),
        lon: Some(lon),
        label,
    })
}

/// The first value of `col` in a CSV's first bytes (for the account name).
pub fn first_value(kind: Kind, head: &[u8], col: Col) -> Option<String> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(head);
    let mut rows = Vec::new();
    for r in rdr.byte_records().take(3) {
        let Ok(r) = r else { break };
        rows.push(
            r.iter()
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect::<Vec<String>>(),
        );
    }
    let header = rows.first()?;
    let roles: Vec<Option<Col>> = header.iter().map(|h| table::role(kind, h)).collect();
    let cols = if roles.contains(&Some(col)) {
        Columns {
            roles,
            by_content: false,
        }
    } else {
        table::by_content(kind, header.len(), &rows)
    };
    rows.iter()
        .map(|r| cols.get(r, col))
        .find(|v| !v.is_empty() && table::role(kind, v).is_none())
        .map(String::from)
}

/// Text and tags a video-texts row adds to a video.
#[derive(Default, Clone)]
struct Texts {
    titles: Vec<String>,
    descriptions: Vec<String>,
    tags: Vec<String>,
    created: Option<jiff::Timestamp>,
}

fn texts_of(cols: &Columns, row: &[String]) -> Texts {
    let decoded = |v: Vec<&str>| -> Vec<String> {
        v.into_iter()
            .map(|c| segments::decode(c).text)
            .filter(|t| !t.trim().is_empty())
            .collect()
    };
    let mut t = Texts {
        titles: decoded(cols.all(row, Col::TitleSegment)),
        descriptions: decoded(cols.all(row, Col::DescriptionSegment)),
        tags: cols
            .all(row, Col::Tag)
            .into_iter()
            .map(String::from)
            .collect(),
        created: time::parse(cols.get(row, Col::Created)),
    };
    t.titles.extend(decoded(cols.all(row, Col::Title)));
    t.descriptions
        .extend(decoded(cols.all(row, Col::Description)));
    t.titles.extend(decoded(cols.all(row, Col::Text)));
    t
}

impl Ctx<'_> {
    fn record(&self, kind: RecordKind, id: impl Into<String>) -> Record {
        let mut r = Record::new(Platform::Youtube, kind, id);
        r.account = self.account.to_string();
        r.entry = self.entry.to_string();
        r
    }

    fn send(&mut self, r: Record) {
        (self.emit)(r);
        self.out.records += 1;
    }

    fn report(&mut self, stats: &table::RowStats, tally: &Tally, kind: Kind) {
        if stats.by_content && !stats.header {
            self.out
                .warn("no header row: the columns were recognised by their content");
        } else if stats.by_content {
            self.out.warn(
                "column names not recognised (a language this version does not know?): \
                 columns were recognised by their content",
            );
        }
        if stats.lossy_rows > 0 {
            self.out.warn(format!(
                "invalid UTF-8 in {} row{} (first at line {}): decoded with U+FFFD replacement characters",
                stats.lossy_rows,
                if stats.lossy_rows == 1 { "" } else { "s" },
                stats.first_lossy
            ));
        }
        if let Some((row, cell)) = &tally.first_bad {
            self.out.warn(format!(
                "{} timestamp{} not understood (first {cell:?} in row {row}); created_at left empty",
                tally.bad_dates,
                if tally.bad_dates == 1 { "" } else { "s" }
            ));
        }
        if tally.plain_texts > 0 {
            self.out.warn(format!(
                "{} text cell{} not in Takeout's JSON segment form; read as written",
                tally.plain_texts,
                if tally.plain_texts == 1 { "" } else { "s" }
            ));
        }
        if self.out.records == 0 && self.out.error.is_none() {
            self.out.warn(match (stats.rows, kind) {
                (0, _) => "no rows (only a header, or nothing): no records".to_string(),
                (n, Kind::VideoRecordings | Kind::ChannelFeatures) if tally.no_location == n => {
                    format!("none of its {n} rows holds a location: no records")
                }
                (n, _) => format!("{n} rows but no records: the columns were not understood"),
            });
        }
    }

    /// A CSV of any kind but videos (which joins other files).
    pub fn csv(&mut self, archive: &Archive, entry: &Entry<'_>, kind: Kind) {
        let mut tally = Tally::default();
        let mut pending = Vec::new();
        let mut n = 0u64;
        let res = table::for_each_row(archive, entry, kind, |cols, row| {
            n += 1;
            if let Some(r) = self.row(kind, cols, row, &mut tally, n) {
                pending.push(r);
            }
            // Emitted in bounded batches (rows are streamed, records too).
            if pending.len() >= 256 {
                for r in pending.drain(..) {
                    (self.emit)(r);
                    self.out.records += 1;
                }
            }
        });
        for r in pending {
            self.send(r);
        }
        self.finish_rows(res, &tally, kind);
    }

    fn finish_rows(
        &mut self,
        res: crate::error::Result<table::RowStats>,
        tally: &Tally,
        kind: Kind,
    ) {
        match res {
            Ok(stats) => self.report(&stats, tally, kind),
            Err(e) => {
                self.out.error = Some(if self.out.records > 0 {
                    format!("{e} (after {} records)", self.out.records)
                } else {
                    e.to_string()
                })
            }
        }
    }

    /// One row of a comments, live-chat, video-texts, recordings, channel,
    /// channel-settings or playlists file.
    fn row(
        &self,
        kind: Kind,
        cols: &Columns,
        row: &[String],
        tally: &mut Tally,
        n: u64,
    ) -> Option<Record> {
        let id = cols.get(row, Col::Id);
        match kind {
            Kind::Comments | Kind::LiveChats => {
                let parent = cols.get(row, Col::Parent);
                let rk = if kind == Kind::Comments && !parent.is_empty() {
                    RecordKind::Reply
                } else {
                    RecordKind::Comment
                };
                let mut r = self.record(rk, id);
                let video = cols.get(row, Col::Video);
                let post = cols.get(row, Col::Post);
                r.url = match (kind, video, post, id) {
                    (Kind::Comments, v, _, c) if !v.is_empty() && !c.is_empty() => {
                        format!("{WATCH}{v}&lc={c}")
                    }
                    (Kind::Comments, _, p, c) if !p.is_empty() && !c.is_empty() => {
                        format!("https://www.youtube.com/post/{p}?lc={c}")
                    }
                    (_, v, _, _) if !v.is_empty() => format!("{WATCH}{v}"),
                    _ => String::new(),
                };
                r.created_at = tally.date(cols.get(row, Col::Created), n);
                let d = segments::decode(cols.get(row, Col::Text));
                if d.plain {
                    tally.plain_texts += 1;
                }
                r.mentions = mentions(&d.text);
                r.push_field(Field::Text, d.text);
                for l in d.links {
                    r.push_field(Field::Link, l);
                }
                if cols.by_content {
                    // Columns of prose found by content beyond the text.
                    for t in cols.all(row, Col::Title) {
                        r.push_field(Field::Text, t);
                    }
                }
                Some(r)
            }
            Kind::VideoTexts => {
                let t = texts_of(cols, row);
                let mut r = self.record(RecordKind::Post, id);
                if !id.is_empty() {
                    r.url = format!("{WATCH}{id}");
                }
                r.created_at = t.created;
                self.video_texts(&mut r, &t);
                Some(r)
            }
            Kind::VideoRecordings => {
                let label = recording_label(cols, row, id);
                let Some(loc) = geo(cols, row, label) else {
                    tally.no_location += 1;
                    return None;
                };
                let mut r = self.record(RecordKind::Post, id);
                if !id.is_empty() {
                    r.url = format!("{WATCH}{id}");
                }
                r.push_field(Field::Location, loc.label.clone());
                r.locations.push(loc);
                Some(r)
            }
            Kind::Channel => {
                let mut r = self.record(RecordKind::Profile, id);
                if !id.is_empty() {
                    r.url = format!("https://www.youtube.com/channel/{id}");
                }
                r.push_field(Field::Title, cols.get(row, Col::Title));
                r.push_field(Field::Bio, cols.get(row, Col::Description));
                for t in cols.all(row, Col::Text) {
                    r.push_field(Field::Bio, t);
                }
                Some(r)
            }
            Kind::ChannelFeatures => {
                let label = "default location for the channel's uploads".to_string();
                let Some(loc) = geo(cols, row, label) else {
                    tally.no_location += 1;
                    return None;
                };
                let mut r = self.record(RecordKind::Account, id);
                if !id.is_empty() {
                    r.url = format!("https://www.youtube.com/channel/{id}");
                }
                r.locations.push(loc);
                Some(r)
            }
            Kind::Playlists => {
                let mut r = self.record(RecordKind::Post, id);
                if !id.is_empty() && !cols.by_content {
                    r.url = format!("https://www.youtube.com/playlist?list={id}");
                }
                r.created_at = tally.date(cols.get(row, Col::Created), n);
                r.push_field(Field::Title, cols.get(row, Col::Title));
                r.push_field(Field::Text, cols.get(row, Col::Description));
                for t in cols.all(row, Col::Text) {
                    r.push_field(Field::Text, t);
                }
                Some(r)
            }
            Kind::Videos | Kind::CommentsHtml | Kind::LiveChatsHtml | Kind::Media => None,
        }
    }

    /// Titles, descriptions and tags from a video-texts row, each once.
    fn video_texts(&self, r: &mut Record, t: &Texts) {
        for title in &t.titles {
            if r.fields.iter().all(|f| f.value != *title) {
                r.push_field(Field::Title, title.clone());
            }
        }
        for d in &t.descriptions {
            if r.fields.iter().all(|f| f.value != *d) {
                r.push_field(Field::Text, d.clone());
            }
        }
        if !t.tags.is_empty() {
            r.push_field(Field::Tags, t.tags.join(" "));
        }
    }

    /// `videos.csv`, with the recording locations and texts of the files
    /// beside it joined by video id.
    pub fn videos(&mut self, archive: &Archive, entry: &Entry<'_>, join: &Join) {
        let mut locations: HashMap<String, Location> = HashMap::new();
        let mut texts: HashMap<String, Texts> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        for name in &join.recordings {
            let Some(e) = archive.entry(name) else {
                continue;
            };
            let res = table::for_each_row(archive, &e, Kind::VideoRecordings, |cols, row| {
                let id = cols.get(row, Col::Id).to_string();
                if let Some(l) = geo(cols, row, recording_label(cols, row, &id)) {
                    if !locations.contains_key(&id) {
                        order.push(id.clone());
                    }
                    locations.insert(id, l);
                }
            });
            if let Err(e) = res {
                self.out
                    .warn(format!("{name}: {e}; its locations were not all joined"));
            }
        }
        for name in &join.texts {
            let Some(e) = archive.entry(name) else {
                continue;
            };
            let res = table::for_each_row(archive, &e, Kind::VideoTexts, |cols, row| {
                let id = cols.get(row, Col::Id).to_string();
                if !texts.contains_key(&id) && !locations.contains_key(&id) {
                    order.push(id.clone());
                }
                texts.insert(id, texts_of(cols, row));
            });
            if let Err(e) = res {
                self.out
                    .warn(format!("{name}: {e}; its texts were not all joined"));
            }
        }
        let mut tally = Tally::default();
        let mut seen_rows: HashSet<u64> = HashSet::new();
        let mut seen_ids: HashSet<String> = HashSet::new();
        let mut pending = Vec::new();
        let res = table::for_each_row(archive, entry, Kind::Videos, |cols, row| {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            row.hash(&mut h);
            // Takeout lists a video again for each metadata version; an
            // identical row adds nothing.
            if !seen_rows.insert(h.finish()) {
                return;
            }
            let id = cols.get(row, Col::Id);
            let mut r = self.record(RecordKind::Post, id);
            if !id.is_empty() {
                r.url = format!("{WATCH}{id}");
            }
            let n = seen_rows.len() as u64;
            r.created_at = tally
                .date(cols.get(row, Col::Published), n)
                .or_else(|| tally.date(cols.get(row, Col::Created), n));
            r.push_field(Field::Title, cols.get(row, Col::Title));
            r.push_field(Field::Text, cols.get(row, Col::Description));
            for t in cols.all(row, Col::Text) {
                r.push_field(Field::Text, t);
            }
            let tags = cols.all(row, Col::Tag);
            if !tags.is_empty() {
                r.push_field(Field::Tags, tags.join(" "));
            }
            if let Some(t) = texts.get(id) {
                self.video_texts(&mut r, t);
            }
            if let Some(l) = locations.get(id) {
                r.push_field(Field::Location, l.label.clone());
                r.locations.push(l.clone());
            }
            seen_ids.insert(id.to_string());
            pending.push(r);
            if pending.len() >= 256 {
                for r in pending.drain(..) {
                    (self.emit)(r);
                    self.out.records += 1;
                }
            }
        });
        for r in pending {
            self.send(r);
        }
        // Joined rows for videos this file does not list.
        let orphans: Vec<&String> = order.iter().filter(|id| !seen_ids.contains(*id)).collect();
        if join.orphans {
            for id in orphans {
                let mut r = self.record(RecordKind::Post, id.as_str());
                if !id.is_empty() {
                    r.url = format!("{WATCH}{id}");
                }
                if let Some(t) = texts.get(id) {
                    r.created_at = t.created;
                    self.video_texts(&mut r, t);
                }
                if let Some(l) = locations.get(id) {
                    r.push_field(Field::Location, l.label.clone());
                    r.locations.push(l.clone());
                }
                self.send(r);
            }
        } else if !orphans.is_empty() {
            self.out.warn(format!(
                "{} video id{} in the joined files are not in this videos file; \
                 read with the other videos files beside it",
                orphans.len(),
                if orphans.len() == 1 { "" } else { "s" }
            ));
        }
        self.finish_rows(res, &tally, Kind::Videos);
    }

    /// The older HTML lists of comments and live-chat messages, cut into
    /// their items as the page streams by (cut.rs); each item is parsed
    /// alone and its record sent at once, so the page has no size cap.
    pub fn html(&mut self, archive: &Archive, entry: &Entry<'_>, kind: Kind) {
        let mut tally = Tally::default();
        // Items in page order, numbering the undated ones; a skipped item
        // takes its number too.
        let mut n = 0u64;
        let mut read = 0u64;
        let mut too_long = 0u64;
        let mut first_long = None;
        let mut cutter = cut::Cutter::new(cut::MAX_ITEM);
        let res = archive.with_entry(entry, |r| {
            cut::cut_page(r, &mut cutter, &mut |piece| match piece {
                cut::Piece::Item { bytes, .. } => {
                    for it in html::items(&String::from_utf8_lossy(bytes)) {
                        n = n.saturating_add(1);
                        read = read.saturating_add(1);
                        self.html_item(&it, n, &mut tally);
                    }
                }
                cut::Piece::TooLong { at, len } => {
                    n = n.saturating_add(1);
                    too_long = too_long.saturating_add(1);
                    first_long.get_or_insert((at, len));
                }
            })
        });
        let failed = match res {
            Err(e) => Some(e.to_string()),
            Ok(Err(e)) => Some(format!("{}: {e}", self.entry)),
            Ok(Ok(())) => None,
        };
        if let Some(at) = cutter.utf8.first_bad() {
            self.out.warn(format!(
                "{}: not valid UTF-8 at byte {at}; invalid bytes were replaced",
                self.entry
            ));
        }
        if let Some((at, len)) = first_long {
            self.out.warn(format!(
                "{too_long} list item{} longer than the {} bytes read of one item skipped \
                 (first at byte {at}, {len} bytes)",
                if too_long == 1 { "" } else { "s" },
                cut::MAX_ITEM
            ));
        }
        if failed.is_some() {
            self.out.error = failed;
            return;
        }
        if n == 0 {
            self.out.warn(format!(
                "no list items found: no {} read (is this the page Takeout writes?)",
                kind.noun()
            ));
            return;
        }
        if read == 0 {
            return;
        }
        let stats = table::RowStats {
            rows: read,
            ..Default::default()
        };
        self.report(&stats, &tally, kind);
    }

    /// The record of the `n`th list item of a page.
    fn html_item(&mut self, it: &html::Item, n: u64, tally: &mut Tally) {
        // A list item with no sentence may have its time in the text.
        let created = time::parse(&it.header).or_else(|| time::parse(&it.text));
        if created.is_none() {
            tally.bad_dates += 1;
            tally.first_bad.get_or_insert((n, it.header.clone()));
        }
        let id = created
            .map(|t| t.to_string())
            .unwrap_or_else(|| format!("item {n}"));
        let mut r = self.record(RecordKind::Comment, id);
        r.created_at = created;
        let video = it.links.iter().find_map(|l| html::video_id(l));
        if let Some(v) = video {
            r.url = format!("{WATCH}{v}");
        }
        r.mentions = mentions(&it.text);
        r.push_field(Field::Text, it.text.clone());
        self.send(r);
    }

    /// An uploaded video or an image beside the metadata.
    pub fn media(&mut self, archive: &Archive, entry: &Entry<'_>) {
        let name = entry.name.base();
        let mut r = self.record(RecordKind::Media, name);
        r.push_field(Field::MediaName, name);
        r.media.push(entry.name.to_string());
        if super::IMAGE_EXTENSIONS.contains(&super::lower_ext(name).as_str()) {
            r.locations
                .extend(crate::platform::exif::location(archive, entry, self.out));
        }
        self.send(r);
    }
}

fn recording_label(cols: &Columns, row: &[String], id: &str) -> String {
    let address = cols.get(row, Col::Address);
    if address.is_empty() {
        format!("recording location of video {id}")
    } else {
        address.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_are_handles_after_an_at_sign_not_e_mail_addresses() {
        assert_eq!(
            mentions("@NorthdaleNHS thanks, mail a@b.com or @ward.7."),
            ["NorthdaleNHS", "ward.7"]
        );
    }
}

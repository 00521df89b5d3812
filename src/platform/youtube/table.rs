//! Takeout CSV files: what a header says (which file this is, and which
//! column holds what), and the rows, streamed with a bound on each.
//!
//! Headers are matched by name, case-insensitively, in every language
//! whose names are known (docs/FORMATS.md, "YouTube", "Localised names").
//! Column order is never assumed: it changed in June 2024 for comments.
//! A file whose header is in an unknown language, or that has no header
//! (a live-chat extract), has its columns recognised by their content:
//! the JSON text segments, the timestamps, the `UC…` channel and `Ug…`
//! comment ids, the 11-character video ids.

use super::names::{self, What, norm};
use super::{Kind, segments, time};
use crate::error::{Error, Result};
use std::cell::Cell;
use std::io::Read;
use std::rc::Rc;

/// One CSV record may hold at most this many bytes (a video description
/// is at most 5,000 characters); a longer one stops the file with an
/// error naming the limit, so a broken quote cannot swallow memory.
pub const MAX_RECORD: u64 = 16 << 20;

/// Rows looked at to recognise columns by content.
const SAMPLE_ROWS: usize = 50;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Col {
    Id,
    Channel,
    Created,
    Published,
    Parent,
    Video,
    Post,
    Text,
    Title,
    Description,
    Tag,
    TitleSegment,
    DescriptionSegment,
    Latitude,
    Longitude,
    Address,
}

const CHANNEL_ID: &[&str] = &[
    "channel id",
    "kanal-id",
    "kanaal-id",
    "id de canal",
    "id del canal",
    "id-ul canalului",
    "kanalo id",
];
const VIDEO_ID: &[&str] = &[
    "video id",
    "video-id",
    "id de vídeo",
    "id-ul videoclipului",
    "vaizdo įrašo id",
];
const COMMENT_ID: &[&str] = &[
    "comment id",
    "kommentar-id",
    "reactie-id",
    "id de comentario",
    "id-ul comentariului",
    "komentaro id",
];
const COMMENT_TEXT: &[&str] = &[
    "comment text",
    "kommentartext",
    "reactietekst",
    "texto del comentario",
    "textul comentariului",
    "komentuoti tekstą",
];
const COMMENT_CREATED: &[&str] = &[
    "comment create timestamp",
    "aanmaaktijdstempel reactie",
    "marca de tiempo de creación del comentario",
    "marcajul temporal de creare a comentariului",
    "komentaro sukūrimo laiko žymė",
];
const LIVE_ID: &[&str] = &["live chat id"];
const LIVE_TEXT: &[&str] = &["live chat text"];
const LIVE_CREATED: &[&str] = &["live chat create timestamp"];
const VIDEO_TITLE: &[&str] = &[
    "video title (original)",
    "videotitel (origineel)",
    "título del vídeo (original)",
    "titlul videoclipului (original)",
    "vaizdo įrašo pavadinimas (originalas)",
    "video title",
];
const VIDEO_DESCRIPTION: &[&str] = &[
    "video description (original)",
    "videobeschrijving (origineel)",
    "descripción del vídeo (original)",
    "descrierea videoclipului (original)",
    "vaizdo įrašo aprašas (originalas)",
    "video description",
];
const VIDEO_CREATED: &[&str] = &[
    "video create timestamp",
    "tijdstempel aanmaaktijd video",
    "marca de tiempo de creación del vídeo",
    "marcajul temporal de creare a videoclipului",
    "vaizdo įrašo sukūrimo laiko žymė",
    "create timestamp",
];
const VIDEO_PUBLISHED: &[&str] = &[
    "video publish timestamp",
    "tijdstempel publicatietijd video",
    "marca de tiempo de publicación del vídeo",
    "marcajul temporal de publicare a videoclipului",
    "vaizdo įrašo paskelbimo laiko žymė",
];
const CHANNEL_TITLE: &[&str] = &[
    "channel title (original)",
    "(originele) kanaaltitel",
    "título del canal (original)",
    "titlul canalului (original)",
    "kanalo pavadinimas (pradinis)",
];
const PLAYLIST_ID: &[&str] = &[
    "playlist id",
    "playlist-id",
    "id de lista de reproducción",
    "id-ul playlistului",
    "grojaraščio id",
];
const PLAYLIST_TITLE: &[&str] = &[
    "playlist title (original)",
    "playlist-titel (origineel)",
    "título de la lista de reproducción (original)",
    "titlul playlistului (original)",
    "grojaraščio pavadinimas (originalas)",
];
const PLAYLIST_DESCRIPTION: &[&str] = &["playlist description (original)"];
const PLAYLIST_CREATED: &[&str] = &[
    "playlist create timestamp",
    "playlist tijdstempel maken",
    "marca de tiempo de creación de la lista de reproducción",
    "playlistul creează marcaj temporal",
    "grojaraščio sukūrimo laiko žymė",
];
const SUBSCRIPTION_URL: &[&str] = &[
    "channel url",
    "kanaal-url",
    "url del canal",
    "adresa url a canalului",
    "kanalo url",
];
const PLAYLIST_ITEM_TIME: &[&str] = &[
    "playlist video creation timestamp",
    "tijdstempel voor het maken van een playlistvideo",
    "marca de tiempo de creación de la lista de reproducción de vídeos",
    "marcaj temporal de creare a videoclipului din playlist",
    "grojaraščio vaizdo įrašo sukūrimo laiko žymė",
];

fn latitude(h: &str) -> bool {
    ["latitude", "breitengrad", "latitud", "breedtegraad"]
        .iter()
        .any(|w| h.contains(w))
}

fn longitude(h: &str) -> bool {
    ["longitude", "längengrad", "longitud", "lengtegraad"]
        .iter()
        .any(|w| h.contains(w))
}

/// The column a header cell names, for a file of `kind`.
pub fn role(kind: Kind, header: &str) -> Option<Col> {
    let h = norm(header);
    let h = h.as_str();
    let any = |names: &[&str]| names.contains(&h);
    Some(match kind {
        Kind::Comments => match () {
            _ if any(COMMENT_ID) => Col::Id,
            _ if any(CHANNEL_ID) => Col::Channel,
            _ if any(COMMENT_CREATED) => Col::Created,
            _ if h == "parent comment id" => Col::Parent,
            _ if any(VIDEO_ID) => Col::Video,
            _ if h == "post id" => Col::Post,
            _ if any(COMMENT_TEXT) => Col::Text,
            _ => return None,
        },
        Kind::LiveChats => match () {
            _ if any(LIVE_ID) => Col::Id,
            _ if any(CHANNEL_ID) => Col::Channel,
            _ if any(LIVE_CREATED) => Col::Created,
            _ if any(VIDEO_ID) => Col::Video,
            _ if any(LIVE_TEXT) => Col::Text,
            _ => return None,
        },
        Kind::Videos => match () {
            _ if any(VIDEO_ID) => Col::Id,
            _ if any(CHANNEL_ID) => Col::Channel,
            _ if any(VIDEO_TITLE) => Col::Title,
            _ if any(VIDEO_DESCRIPTION) => Col::Description,
            _ if any(VIDEO_CREATED) => Col::Created,
            _ if any(VIDEO_PUBLISHED) => Col::Published,
            _ if is_tag(h) => Col::Tag,
            _ => return None,
        },
        Kind::VideoTexts => match () {
            _ if any(VIDEO_ID) => Col::Id,
            _ if h == "video text create timestamp" => Col::Created,
            _ if h.starts_with("video title text segment") => Col::TitleSegment,
            _ if h.starts_with("video description text segment") => Col::DescriptionSegment,
            _ if any(VIDEO_TITLE) || h == "title" => Col::Title,
            _ if any(VIDEO_DESCRIPTION) || h == "description" => Col::Description,
            _ if is_tag(h) => Col::Tag,
            _ => return None,
        },
        Kind::VideoRecordings => match () {
            _ if any(VIDEO_ID) => Col::Id,
            _ if latitude(h) => Col::Latitude,
            _ if longitude(h) => Col::Longitude,
            _ if h.contains("address") || h.contains("adresse") || h.contains("adres") => {
                Col::Address
            }
            _ => return None,
        },
        Kind::Channel => match () {
            _ if any(CHANNEL_ID) => Col::Id,
            _ if any(CHANNEL_TITLE) => Col::Title,
            _ if h.contains("description") => Col::Description,
            _ => return None,
        },
        Kind::ChannelFeatures => match () {
            _ if any(CHANNEL_ID) => Col::Id,
            _ if latitude(h) => Col::Latitude,
            _ if longitude(h) => Col::Longitude,
            _ => return None,
        },
        Kind::Playlists => match () {
            _ if any(PLAYLIST_ID) => Col::Id,
            _ if any(PLAYLIST_TITLE) => Col::Title,
            _ if any(PLAYLIST_DESCRIPTION) => Col::Description,
            _ if any(PLAYLIST_CREATED) => Col::Created,
            _ => return None,
        },
        Kind::CommentsHtml | Kind::LiveChatsHtml | Kind::Media => return None,
    })
}

/// "Tag 1" … "Tag 17", "Tags".
fn is_tag(h: &str) -> bool {
    h == "tags"
        || h.strip_prefix("tag ")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// What a header row says the file is, when it says anything.
pub fn kind_of_header(cells: &[String]) -> Option<What> {
    let h: Vec<String> = cells.iter().map(|c| norm(c)).collect();
    let has = |names: &[&str]| h.iter().any(|c| names.contains(&c.as_str()));
    let starts = |p: &str| h.iter().any(|c| c.starts_with(p));
    Some(if has(LIVE_TEXT) || has(LIVE_ID) {
        What::Read(Kind::LiveChats)
    } else if has(COMMENT_TEXT) || has(COMMENT_ID) {
        What::Read(Kind::Comments)
    } else if starts("video title text segment")
        || starts("video description text segment")
        || has(&["video text create timestamp"])
    {
        What::Read(Kind::VideoTexts)
    } else if has(VIDEO_ID) && h.iter().any(|c| latitude(c)) && starts("video recording")
        || has(VIDEO_ID) && h.len() <= 7 && h.iter().any(|c| c.contains("recording"))
    {
        What::Read(Kind::VideoRecordings)
    } else if starts("video default") || starts("channel auto moderation") {
        What::Read(Kind::ChannelFeatures)
    } else if has(VIDEO_TITLE) || has(VIDEO_DESCRIPTION) {
        What::Read(Kind::Videos)
    } else if has(CHANNEL_TITLE) {
        What::Read(Kind::Channel)
    } else if has(PLAYLIST_TITLE) {
        What::Read(Kind::Playlists)
    } else if has(PLAYLIST_ITEM_TIME) {
        What::Skip(names::PLAYLIST_ITEMS)
    } else if has(SUBSCRIPTION_URL) && has(CHANNEL_ID) {
        What::Skip(names::SUBSCRIPTIONS)
    } else if starts("channel vanity url") {
        What::Skip(names::URL_CONFIGS)
    } else if has(&["song title", "album title"]) {
        What::Skip(names::MUSIC)
    } else {
        return None;
    })
}

/// A first row that is data, not a header: a comment or live-chat row
/// with no header above it (how Takeout extracts are often cut).
pub fn kind_of_data_row(cells: &[String]) -> Option<Kind> {
    let segs = cells.iter().any(|c| segments::looks_like_segments(c));
    let time = cells.iter().any(|c| time::parse(c).is_some());
    if !(segs && time) {
        return None;
    }
    Some(if cells.len() <= 6 {
        Kind::LiveChats
    } else {
        Kind::Comments
    })
}

/// Which column holds what in one file.
#[derive(Debug, Default)]
pub struct Columns {
    pub roles: Vec<Option<Col>>,
    /// Recognised by content, not by header names.
    pub by_content: bool,
}

impl Columns {
    pub fn get<'r>(&self, row: &'r [String], col: Col) -> &'r str {
        self.roles
            .iter()
            .position(|r| *r == Some(col))
            .and_then(|i| row.get(i))
            .map(|s| s.trim())
            .unwrap_or("")
    }

    /// Every cell of this role, in column order (tags, text segments).
    pub fn all<'r>(&self, row: &'r [String], col: Col) -> Vec<&'r str> {
        self.roles
            .iter()
            .enumerate()
            .filter(|(_, r)| **r == Some(col))
            .filter_map(|(i, _)| row.get(i))
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect()
    }
}

/// What a column's sample cells look like.
#[derive(Clone, Copy, Debug, Default)]
struct Shape {
    cells: usize,
    segments: usize,
    times: usize,
    channel_ids: usize,
    comment_ids: usize,
    video_ids: usize,
    numbers: usize,
    /// Cells with a space or longer than 24 characters: prose.
    prose: usize,
}

fn shape_of(rows: &[Vec<String>], col: usize) -> Shape {
    let mut s = Shape::default();
    for r in rows {
        let Some(c) = r.get(col).map(|c| c.trim()) else {
            continue;
        };
        if c.is_empty() {
            continue;
        }
        s.cells += 1;
        let idchars = c
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if segments::looks_like_segments(c) {
            s.segments += 1;
        } else if time::parse(c).is_some() {
            s.times += 1;
        } else if c.starts_with("UC") && c.len() == 24 && idchars {
            s.channel_ids += 1;
        } else if c.starts_with("Ug") && c.len() >= 20 {
            s.comment_ids += 1;
        } else if c.len() == 11 && idchars {
            s.video_ids += 1;
        } else if c.parse::<f64>().is_ok() {
            s.numbers += 1;
        } else if c.contains(' ') || c.chars().count() > 24 {
            s.prose += 1;
        }
    }
    s
}

/// Columns recognised from their content, for a file of `kind` whose
/// header names are unknown (or absent). For comments and live chats the
/// id, channel, video, time, parent and text columns are told apart by
/// their shapes; for other files the id and time columns are found and
/// every column of prose is read as text, so nothing written is left out.
pub fn by_content(kind: Kind, width: usize, rows: &[Vec<String>]) -> Columns {
    let shapes: Vec<Shape> = (0..width).map(|c| shape_of(rows, c)).collect();
    let mut roles = vec![None; width];
    let first = |pred: &dyn Fn(&Shape) -> bool, role: Col, roles: &mut Vec<Option<Col>>| {
        if let Some(i) =
            (0..width).find(|&i| roles[i].is_none() && shapes[i].cells > 0 && pred(&shapes[i]))
        {
            roles[i] = Some(role);
        }
    };
    match kind {
        Kind::Comments | Kind::LiveChats => {
            first(&|s| s.segments * 2 >= s.cells, Col::Text, &mut roles);
            first(&|s| s.times == s.cells, Col::Created, &mut roles);
            first(&|s| s.channel_ids == s.cells, Col::Channel, &mut roles);
            let rows_n = rows.iter().filter(|r| !r.is_empty()).count();
            first(
                &|s| s.comment_ids == s.cells && s.cells == rows_n,
                Col::Id,
                &mut roles,
            );
            if kind == Kind::Comments {
                first(&|s| s.comment_ids == s.cells, Col::Parent, &mut roles);
            }
            first(&|s| s.video_ids == s.cells, Col::Video, &mut roles);
            if !roles.contains(&Some(Col::Text)) {
                first(&|s| s.prose > 0, Col::Text, &mut roles);
            }
        }
        _ => {
            match kind {
                Kind::Channel | Kind::ChannelFeatures => {
                    first(&|s| s.channel_ids == s.cells, Col::Id, &mut roles)
                }
                _ => first(&|s| s.video_ids == s.cells, Col::Id, &mut roles),
            }
            first(&|s| s.times == s.cells, Col::Created, &mut roles);
            for (i, s) in shapes.iter().enumerate() {
                if roles[i].is_none() && s.prose > 0 && s.segments + s.times < s.cells {
                    roles[i] = Some(Col::Text);
                }
            }
        }
    }
    Columns {
        roles,
        by_content: true,
    }
}

/// A reader that fails when one CSV record grows past `MAX_RECORD`: it
/// counts bytes read since the end of the last record, which the caller
/// moves forward after each record.
struct Bounded<R> {
    inner: R,
    read: Rc<Cell<u64>>,
    mark: Rc<Cell<u64>>,
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.set(self.read.get() + n as u64);
        if self.read.get().saturating_sub(self.mark.get()) > MAX_RECORD + buf.len() as u64 {
            return Err(std::io::Error::other(format!(
                "a CSV record longer than {MAX_RECORD} bytes (an unclosed quote?); the rest of the file was not read"
            )));
        }
        Ok(n)
    }
}

/// What reading a file's rows found besides the rows.
#[derive(Debug, Default)]
pub struct RowStats {
    pub rows: u64,
    pub lossy_rows: u64,
    pub first_lossy: u64,
    /// The first record was a header (else the file has none).
    pub header: bool,
    pub by_content: bool,
}

/// Streams the data rows of one CSV entry of `kind` to `f`, with the
/// columns recognised once from the header or the first rows. Blank rows
/// are skipped; invalid UTF-8 is replaced and counted.
pub fn for_each_row(
    archive: &crate::archive::Archive,
    entry: &crate::archive::Entry<'_>,
    kind: Kind,
    mut f: impl FnMut(&Columns, &[String]),
) -> Result<RowStats> {
    archive
        .with_entry(entry, |r| {
            let read = Rc::new(Cell::new(0));
            let mark = Rc::new(Cell::new(0));
            let bounded = Bounded {
                inner: r,
                read: read.clone(),
                mark: mark.clone(),
            };
            let mut rdr = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(bounded);
            let mut stats = RowStats::default();
            let mut rec = csv::ByteRecord::new();
            let mut next = |stats: &mut RowStats| -> Result<Option<Vec<String>>> {
                loop {
                    let more = rdr.read_byte_record(&mut rec).map_err(|e| {
                        Error::Malformed(match e.position() {
                            Some(p) => format!("CSV error at line {}: {e}", p.line()),
                            None => format!("CSV error: {e}"),
                        })
                    })?;
                    mark.set(rdr.position().byte());
                    if !more {
                        return Ok(None);
                    }
                    let line = rec.position().map(|p| p.line()).unwrap_or(0);
                    let mut lossy = false;
                    let cells: Vec<String> = rec
                        .iter()
                        .map(|c| match std::str::from_utf8(c) {
                            Ok(s) => s.to_string(),
                            Err(_) => {
                                lossy = true;
                                String::from_utf8_lossy(c).into_owned()
                            }
                        })
                        .collect();
                    if lossy {
                        stats.lossy_rows += 1;
                        if stats.first_lossy == 0 {
                            stats.first_lossy = line;
                        }
                    }
                    if cells.iter().all(|c| c.trim().is_empty()) {
                        continue;
                    }
                    return Ok(Some(cells));
                }
            };
            let Some(first) = next(&mut stats)? else {
                return Ok(stats);
            };
            let named: Vec<Option<Col>> = first.iter().map(|h| role(kind, h)).collect();
            let mut buffered = Vec::new();
            let columns = if named.iter().any(Option::is_some) && essential(kind, &named) {
                stats.header = true;
                Columns {
                    roles: named,
                    by_content: false,
                }
            } else {
                stats.header = kind_of_data_row(&first).is_none();
                if !stats.header {
                    buffered.push(first);
                }
                while buffered.len() < SAMPLE_ROWS {
                    match next(&mut stats)? {
                        Some(row) => buffered.push(row),
                        None => break,
                    }
                }
                let width = buffered.iter().map(Vec::len).max().unwrap_or(0);
                by_content(kind, width, &buffered)
            };
            stats.by_content = columns.by_content;
            for row in buffered {
                stats.rows += 1;
                f(&columns, &row);
            }
            while let Some(row) = next(&mut stats)? {
                stats.rows += 1;
                f(&columns, &row);
            }
            Ok(stats)
        })
        .and_then(|r| r)
}

/// A header counts as understood only when it names the column the
/// records need most (the text, or the id of what carries a location).
fn essential(kind: Kind, named: &[Option<Col>]) -> bool {
    let has = |c: Col| named.contains(&Some(c));
    match kind {
        Kind::Comments | Kind::LiveChats => has(Col::Text),
        Kind::Videos => has(Col::Title) || has(Col::Description),
        Kind::VideoTexts => {
            has(Col::TitleSegment) || has(Col::DescriptionSegment) || has(Col::Description)
        }
        Kind::VideoRecordings | Kind::ChannelFeatures => {
            has(Col::Id) && (has(Col::Latitude) || has(Col::Longitude))
        }
        Kind::Channel | Kind::Playlists => has(Col::Title),
        Kind::CommentsHtml | Kind::LiveChatsHtml | Kind::Media => false,
    }
}

/// The first row of a CSV (a header, or data), read from its first bytes.
pub fn first_row(head: &[u8]) -> Option<Vec<String>> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(head);
    let mut rec = csv::ByteRecord::new();
    loop {
        // A cut-off last record is still a row; an error is no row.
        match rdr.read_byte_record(&mut rec) {
            Ok(true) => {}
            _ => return None,
        }
        let cells: Vec<String> = rec
            .iter()
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        if !cells.iter().all(|c| c.trim().is_empty()) {
            return Some(cells);
        }
    }
}

/// What a CSV's first bytes say it is: its header, or failing that the
/// shape of a first data row.
pub fn sniff(head: &[u8]) -> Option<What> {
    let row = first_row(head)?;
    kind_of_header(&row).or_else(|| kind_of_data_row(&row).map(What::Read))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(s: &str) -> Vec<String> {
        first_row(s.as_bytes()).unwrap()
    }

    #[test]
    fn headers_name_the_file_in_every_known_generation_and_language() {
        for (h, k) in [
            (
                "Comment ID,Channel ID,Comment Create Timestamp,Price,Parent Comment ID,Video ID,Comment Text",
                Kind::Comments,
            ),
            (
                "Channel ID,Comment Create Timestamp,Price,Comment ID,Parent Comment ID,Video ID,Comment Text",
                Kind::Comments,
            ),
            (
                "Comment ID,Channel ID,Comment create timestamp,Price,Post ID,Video ID,Comment text",
                Kind::Comments,
            ),
            (
                "Reactie-ID,Kanaal-ID,Aanmaaktijdstempel reactie,Prijs,Video-ID,Reactietekst",
                Kind::Comments,
            ),
            (
                "Live Chat ID,Channel ID,Live Chat Create Timestamp,Price,Video ID,Live Chat Text",
                Kind::LiveChats,
            ),
            (
                "Video ID,Approx Duration (ms),Video Audio Language,Video Category,Video Description (Original),Channel ID,Video Title (Original),Privacy,Video State,Video Create Timestamp,Video Publish Timestamp",
                Kind::Videos,
            ),
            (
                "ID de vídeo,Duración aproximada (ms),Descripción del vídeo (original),Título del vídeo (original)",
                Kind::Videos,
            ),
            (
                "Video ID,Video Recording Address,Video Recording Altitude,Video Recording Latitude,Video Recording Longitude",
                Kind::VideoRecordings,
            ),
            (
                "Video ID,Video Text Create Timestamp,Video Title Text Segments 1,Video Description Text Segments 1",
                Kind::VideoTexts,
            ),
            (
                "Channel ID,Channel Title (Original),Channel Visibility",
                Kind::Channel,
            ),
            (
                "Channel ID,Channel Auto Moderation in Live Chat,Video Default Location Latitude,Video Default Location Longitude",
                Kind::ChannelFeatures,
            ),
            (
                "Playlist ID,Add new videos to top,Playlist Title (Original),Playlist Create Timestamp",
                Kind::Playlists,
            ),
        ] {
            assert_eq!(kind_of_header(&cells(h)), Some(What::Read(k)), "{h}");
        }
        assert_eq!(
            kind_of_header(&cells("Channel Id,Channel Url,Channel Title")),
            Some(What::Skip(names::SUBSCRIPTIONS))
        );
        assert_eq!(
            kind_of_header(&cells("Video ID,Playlist Video Creation Timestamp")),
            Some(What::Skip(names::PLAYLIST_ITEMS))
        );
        assert_eq!(kind_of_header(&cells("Date,Link,Message")), None);
    }

    #[test]
    fn a_headerless_live_chat_row_is_known_by_its_shape() {
        let row = cells(
            "UgwsSD8yrDW7_h6F5vZ4AaABDqgB5OC1kgI,UCA6DtnbZ2KJckyTYfXOwQNA,2018-09-02T05:16:35.510381+00:00,0,0vGCh85obuI,\"{\"\"takeoutSegments\"\":[{\"\"text\"\":\"\"jeez\"\"}]}\"",
        );
        assert_eq!(kind_of_data_row(&row), Some(Kind::LiveChats));
        let cols = by_content(Kind::LiveChats, row.len(), std::slice::from_ref(&row));
        assert_eq!(
            cols.get(&row, Col::Id),
            "UgwsSD8yrDW7_h6F5vZ4AaABDqgB5OC1kgI"
        );
        assert_eq!(cols.get(&row, Col::Channel), "UCA6DtnbZ2KJckyTYfXOwQNA");
        assert_eq!(cols.get(&row, Col::Video), "0vGCh85obuI");
        assert!(cols.get(&row, Col::Text).contains("jeez"));
        assert!(time::parse(cols.get(&row, Col::Created)).is_some());
    }

    #[test]
    fn comment_columns_in_an_unknown_language_are_told_apart_by_content() {
        let rows = vec![
            cells(
                "UgxAAAAAAAAAAAAAAAAAAAAA,UCBBBBBBBBBBBBBBBBBBBBBB,2023-09-19T17:42:53+00:00,0,,WtOskFeLmr4,\"{\"\"text\"\":\"\"hello\"\"}\"",
            ),
            cells(
                "UgwCCCCCCCCCCCCCCCCCCCCC.9iw,UCBBBBBBBBBBBBBBBBBBBBBB,2023-08-30T01:54:46+00:00,0,UgwCCCCCCCCCCCCCCCCCCCCC,jH39c5-y6kg,\"{\"\"text\"\":\"\"reply\"\"}\"",
            ),
        ];
        let cols = by_content(Kind::Comments, 7, &rows);
        assert_eq!(cols.get(&rows[1], Col::Id), "UgwCCCCCCCCCCCCCCCCCCCCC.9iw");
        assert_eq!(cols.get(&rows[1], Col::Parent), "UgwCCCCCCCCCCCCCCCCCCCCC");
        assert_eq!(cols.get(&rows[0], Col::Parent), "");
        assert_eq!(cols.get(&rows[0], Col::Video), "WtOskFeLmr4");
        assert!(cols.by_content);
    }
}

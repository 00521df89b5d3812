//! Reading one LinkedIn CSV row by row: a byte-order mark and a "Notes:"
//! preamble before the header are skipped, quoted fields may span lines,
//! header names are matched without regard to case or quoting, invalid
//! UTF-8 is replaced (and counted), and a file that ends inside a quoted
//! field or in the middle of a row is reported as truncated.

use crate::archive::{Archive, Entry};
use std::cell::Cell;
use std::io::{BufRead, BufReader, Read};
use std::rc::Rc;

/// The longest "Notes:" preamble skipped before a header.
const MAX_PREAMBLE: usize = 64 << 10;

/// The largest row read: a real one (a post, a message) is a few KiB; a
/// quote left open at the top of a file would otherwise make the whole
/// file one cell in memory.
pub const MAX_ROW: u64 = 16 << 20;

/// The header row: column names as written, found case-insensitively.
pub struct Header {
    names: Vec<String>,
}

impl Header {
    pub fn new(names: Vec<String>) -> Header {
        Header { names }
    }

    pub fn has(&self, name: &str) -> bool {
        self.index(name).is_some()
    }

    pub fn index(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n.eq_ignore_ascii_case(name))
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }
}

/// One data row: its first line in the file and its cells.
pub struct Row<'a> {
    pub line: u64,
    pub cells: &'a [String],
}

impl Row<'_> {
    /// The cell of column `i`, trimmed; empty when the column or the cell
    /// is missing.
    pub fn get(&self, i: Option<usize>) -> &str {
        i.and_then(|i| self.cells.get(i))
            .map(|c| c.trim())
            .unwrap_or("")
    }
}

/// What a read saw besides the rows.
#[derive(Debug, Default)]
pub struct Summary {
    pub rows: u64,
    pub short_rows: u64,
    pub first_short: u64,
    pub lossy_rows: u64,
    pub first_lossy: u64,
    /// Set when the file could not be read to its end.
    pub error: Option<String>,
}

/// Counts the quotes that pass (not those escaped with a backslash, in
/// that dialect) and remembers the last byte, so the end of the file can
/// tell whether it was cut inside a quoted field or a row; and refuses to
/// read more than `MAX_ROW` bytes past `row_start` (set before each row,
/// so read-ahead buffering makes the bound approximate by a few KiB).
struct Watch<R> {
    inner: R,
    backslash: bool,
    escaped: bool,
    quotes: u64,
    last: Option<u8>,
    pos: Rc<Cell<u64>>,
    row_start: Rc<Cell<u64>>,
}

impl<R: Read> Read for Watch<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.pos.get().saturating_sub(self.row_start.get()) > MAX_ROW + (1 << 20) {
            return Err(std::io::Error::other(format!(
                "a row longer than {MAX_ROW} bytes (an unclosed quote?)"
            )));
        }
        let n = self.inner.read(buf)?;
        self.pos.set(self.pos.get() + n as u64);
        for &b in &buf[..n] {
            if self.escaped {
                self.escaped = false;
            } else if b == b'\\' && self.backslash {
                self.escaped = true;
            } else if b == b'"' {
                self.quotes += 1;
            }
        }
        if n > 0 {
            self.last = Some(buf[n - 1]);
        }
        Ok(n)
    }
}

/// The header line of a file's first bytes (after a BOM and a "Notes:"
/// preamble), parsed as CSV: what recognition looks at.
pub fn header_of(head: &[u8]) -> Option<Header> {
    let mut r = BufReader::new(head);
    skip_bom(&mut r);
    let mut line = Vec::new();
    let skipped = skip_preamble(&mut r, &mut line).ok()?;
    let rest = if skipped > 0 {
        let mut rest = Vec::new();
        r.read_to_end(&mut rest).ok()?;
        rest
    } else {
        head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head).to_vec()
    };
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(rest.as_slice());
    let mut rec = csv::ByteRecord::new();
    if !csv.read_byte_record(&mut rec).ok()? {
        return None;
    }
    Some(Header::new(
        rec.iter()
            .map(|c| String::from_utf8_lossy(c).trim().to_string())
            .collect(),
    ))
}

fn skip_bom(r: &mut impl BufRead) {
    if r.fill_buf().is_ok_and(|b| b.starts_with(b"\xEF\xBB\xBF")) {
        r.consume(3);
    }
}

/// Skips a "Notes:" block up to its first blank line outside quotes;
/// returns the number of lines skipped (0 when there is none).
fn skip_preamble(r: &mut impl BufRead, line: &mut Vec<u8>) -> std::io::Result<u64> {
    if !r.fill_buf()?.starts_with(b"Notes:") {
        return Ok(0);
    }
    let (mut lines, mut bytes, mut quotes) = (0u64, 0usize, 0u64);
    loop {
        line.clear();
        let n = r.read_until(b'\n', line)?;
        if n == 0 {
            return Ok(lines);
        }
        lines += 1;
        bytes += n;
        quotes += line.iter().filter(|&&b| b == b'"').count() as u64;
        if quotes % 2 == 0 && line.iter().all(u8::is_ascii_whitespace) {
            return Ok(lines);
        }
        if bytes > MAX_PREAMBLE {
            return Err(std::io::Error::other(format!(
                "a \"Notes:\" preamble longer than {MAX_PREAMBLE} bytes with no blank line after it"
            )));
        }
    }
}

/// Streams the data rows of a CSV entry through `row`, after the header,
/// which `header` sees first. `backslash` selects the dialect that escapes
/// quotes as `\"` (LinkedIn's `Comments.csv`).
pub fn read(
    archive: &Archive,
    entry: &Entry<'_>,
    backslash: bool,
    header: &mut dyn FnMut(&Header),
    row: &mut dyn FnMut(&Header, Row<'_>),
) -> Summary {
    let mut s = Summary::default();
    let pos = Rc::new(Cell::new(0));
    let row_start = Rc::new(Cell::new(0));
    let res = archive.with_entry(entry, |r| {
        let watch = Watch {
            inner: r,
            backslash,
            escaped: false,
            quotes: 0,
            last: None,
            pos: pos.clone(),
            row_start: row_start.clone(),
        };
        let mut br = BufReader::with_capacity(64 << 10, watch);
        skip_bom(&mut br);
        let mut scratch = Vec::new();
        let preamble = match skip_preamble(&mut br, &mut scratch) {
            Ok(n) => n,
            Err(e) => {
                s.error = Some(format!("{}: {e}", entry.name));
                return;
            }
        };
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .escape(backslash.then_some(b'\\'))
            .from_reader(br);
        let mut rec = csv::ByteRecord::new();
        let names = match csv.read_byte_record(&mut rec) {
            Ok(true) => rec
                .iter()
                .map(|c| String::from_utf8_lossy(c).trim().to_string())
                .collect(),
            Ok(false) => Vec::new(),
            Err(e) => {
                s.error = Some(format!("{}: {e}", entry.name));
                return;
            }
        };
        let head = Header::new(names);
        header(&head);
        let mut cells: Vec<String> = Vec::new();
        let (mut last_line, mut last_len) = (0u64, head.len());
        loop {
            row_start.set(pos.get());
            match csv.read_byte_record(&mut rec) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    s.error = Some(format!(
                        "{}: read stopped after {} rows: {e}",
                        entry.name, s.rows
                    ));
                    return;
                }
            }
            let line = rec.position().map_or(0, |p| p.line()) + preamble;
            cells.clear();
            let mut lossy = false;
            for c in rec.iter() {
                let text = String::from_utf8_lossy(c);
                lossy |= matches!(text, std::borrow::Cow::Owned(_));
                cells.push(text.into_owned());
            }
            if lossy {
                s.lossy_rows += 1;
                if s.first_lossy == 0 {
                    s.first_lossy = line;
                }
            }
            if cells.len() < head.len() {
                s.short_rows += 1;
                if s.first_short == 0 {
                    s.first_short = line;
                }
            }
            s.rows += 1;
            (last_line, last_len) = (line, cells.len());
            row(&head, Row {
                line,
                cells: &cells,
            });
        }
        let watch = csv.into_inner().into_inner();
        if watch.quotes % 2 == 1 {
            s.error = Some(format!(
                "{} ends inside a quoted field (row on line {last_line}): truncated file?",
                entry.name
            ));
        } else if watch.last.is_some_and(|b| b != b'\n' && b != b'\r')
            && s.rows > 0
            && last_len < head.len()
        {
            s.error = Some(format!(
                "{} ends in the middle of the row on line {last_line} ({last_len} of {} columns): truncated file?",
                entry.name,
                head.len()
            ));
        }
    });
    if let Err(e) = res {
        s.error = Some(e.to_string());
    }
    s
}

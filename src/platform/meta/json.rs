//! Loading one Meta JSON file (whole, under a cap; a top-level array
//! streamed element by element; a top-level object outlined and its long
//! lists streamed, `object`) and sniffing what a file holds from its
//! first bytes, so files are recognised by content rather
//! than by a path that Meta has moved several times.

pub mod object;

use crate::error::{Error, Result};
use serde::de::{DeserializeSeed, SeqAccess, Visitor};
use serde_json::Value;
use std::cell::Cell;
use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::rc::Rc;

/// Parses a whole file. Errors are one sentence naming the byte offset.
pub fn parse(bytes: &[u8]) -> Result<Value> {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let body = &bytes[bom..];
    let text = std::str::from_utf8(body).map_err(|e| {
        Error::Malformed(format!(
            "not UTF-8 text: invalid byte at offset {} (is this a JSON export?)",
            bom + e.valid_up_to()
        ))
    })?;
    if text.trim().is_empty() {
        return Err(Error::Malformed(
            "the file holds no JSON (only whitespace)".into(),
        ));
    }
    serde_json::from_str(text)
        .map_err(|e| {
            let offset = text
                .split_inclusive('\n')
                .take(e.line().saturating_sub(1))
                .map(str::len)
                .sum::<usize>()
                + e.column().saturating_sub(1)
                + bom;
            if e.is_eof() {
                format!("JSON ends early at byte {offset} (truncated file?): {e}")
            } else {
                format!("invalid JSON at byte {offset}: {e}")
            }
        })
        .map_err(Error::Malformed)
}

/// What the first bytes of a JSON file show.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Sniff {
    /// The top-level value is an array.
    pub array: bool,
    /// Object keys with their depth (1 = keys of the top object, or of the
    /// first element of a top array), in order of appearance.
    pub keys: Vec<(u8, String)>,
}

impl Sniff {
    pub fn has(&self, key: &str) -> bool {
        self.keys.iter().any(|(_, k)| k == key)
    }

    /// A key at the first object level.
    pub fn top(&self, key: &str) -> bool {
        self.keys.iter().any(|(d, k)| *d == 1 && k == key)
    }
}

/// Collects the object keys found in `head` (a file prefix; a cut-off
/// end is fine). Not a validator: it only tracks strings and nesting.
pub fn sniff(head: &[u8]) -> Option<Sniff> {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let array = match head[start] {
        b'[' => true,
        b'{' => false,
        _ => return None,
    };
    let mut s = Sniff {
        array,
        keys: Vec::new(),
    };
    // Depth counts objects only; arrays add none, so the first element of
    // a top array has its keys at depth 1 like a top object.
    let mut depth: i32 = 0;
    let mut i = start;
    let mut brackets: Vec<u8> = Vec::new();
    while i < head.len() && s.keys.len() < 400 {
        match head[i] {
            b'{' => {
                brackets.push(b'{');
                depth += 1;
            }
            b'[' => brackets.push(b'['),
            b'}' | b']' if brackets.pop() == Some(b'{') => depth -= 1,
            b'"' => {
                let from = i + 1;
                let mut j = from;
                while j < head.len() && head[j] != b'"' {
                    j += if head[j] == b'\\' { 2 } else { 1 };
                }
                if j >= head.len() {
                    break;
                }
                let mut k = j + 1;
                while k < head.len() && head[k].is_ascii_whitespace() {
                    k += 1;
                }
                if k < head.len()
                    && head[k] == b':'
                    && brackets.last() == Some(&b'{')
                    && (1..=255).contains(&depth)
                {
                    let key = String::from_utf8_lossy(&head[from..j]).into_owned();
                    s.keys.push((depth as u8, key));
                }
                i = j;
            }
            _ => {}
        }
        i += 1;
    }
    Some(s)
}

/// The largest element of a streamed top-level array: a real post, comment
/// or media item is a few KiB. Without a bound, one huge string would be
/// held whole however the file is streamed.
pub const MAX_ELEMENT: u64 = 64 << 20;

/// Counts the bytes serde has taken and refuses more than `limit` past the
/// start of the current element (never, while `start` is `u64::MAX`). It sits between serde (which reads one
/// byte at a time) and the buffer, so the count is exact and error
/// offsets are bytes of the file.
struct Counted<R> {
    inner: R,
    pos: Rc<Cell<u64>>,
    start: Rc<Cell<u64>>,
    limit: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.pos.get().saturating_sub(self.start.get()) > self.limit {
            return Err(std::io::Error::other(format!(
                "an element of the top-level list is longer than {} bytes",
                self.limit
            )));
        }
        let n = self.inner.read(buf)?;
        self.pos.set(self.pos.get() + n as u64);
        Ok(n)
    }
}

/// What `stream_array` found.
#[derive(Debug, PartialEq, Eq)]
pub enum Streamed {
    /// The file is not a top-level array (or starts with more than a
    /// buffer of whitespace); nothing was read as elements.
    NotArray,
    /// The array was read to its end; the count of elements.
    Done(u64),
    /// Reading stopped: the elements before the fault were handed over,
    /// and the sentence says where and why (without the entry's name).
    Failed(u64, String),
}

/// A file opened for serde's streaming reader: the BOM skipped, the
/// first byte checked, and the byte count shared with `Counted`.
struct Opened<'r> {
    de: serde_json::Deserializer<serde_json::de::IoRead<Counted<BufReader<&'r mut dyn Read>>>>,
    pos: Rc<Cell<u64>>,
    start: Rc<Cell<u64>>,
}

/// `None` when the first non-blank byte (within one buffer) is not `open`.
fn open(r: &mut dyn Read, open: u8, limit: u64) -> Option<Opened<'_>> {
    let mut buf = BufReader::with_capacity(64 << 10, r);
    let mut bom = 0;
    if buf.fill_buf().is_ok_and(|b| b.starts_with(b"\xEF\xBB\xBF")) {
        buf.consume(3);
        bom = 3;
    }
    let first = buf
        .fill_buf()
        .ok()
        .and_then(|b| b.iter().find(|c| !c.is_ascii_whitespace()).copied());
    if first != Some(open) {
        return None;
    }
    let pos = Rc::new(Cell::new(bom));
    let start = Rc::new(Cell::new(0));
    let counted = Counted {
        inner: buf,
        pos: pos.clone(),
        start: start.clone(),
        limit,
    };
    Some(Opened {
        de: serde_json::Deserializer::from_reader(counted),
        pos,
        start,
    })
}

/// serde's message without its own "at line … column …" (the byte
/// offset is given instead).
fn bare(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    msg.rsplit_once(" at line ")
        .map_or(msg.as_str(), |(m, _)| m)
        .to_string()
}

/// A streaming failure after `n` elements, as one sentence.
fn failed(e: &serde_json::Error, at: u64, n: u64) -> Streamed {
    let msg = bare(e);
    Streamed::Failed(
        n,
        if e.is_eof() {
            format!("JSON ends early at byte {at} (truncated file?), after {n} elements")
        } else if e.is_io() {
            format!("{msg} (element {}); {n} elements read before it", n + 1)
        } else {
            format!(
                "invalid JSON at byte {}: {msg}; {n} elements read before it",
                at.saturating_sub(1)
            )
        },
    )
}

/// Streams a file whose top-level value is an array, handing each element
/// to `each` as soon as it is parsed, so memory follows the largest
/// element (at most `limit` bytes of JSON), not the file. Meta's big files
/// (`your_posts_1.json`, Instagram `posts_1.json`) are such arrays.
pub fn stream_array(r: &mut dyn Read, limit: u64, each: &mut dyn FnMut(Value)) -> Streamed {
    let Some(Opened { mut de, pos, start }) = open(r, b'[', limit) else {
        return Streamed::NotArray;
    };
    let mut n = 0;
    let res = Elements {
        each,
        pos: &pos,
        start: &start,
        n: &mut n,
    }
    .deserialize(&mut de)
    .and_then(|()| de.end());
    match res {
        Ok(()) => Streamed::Done(n),
        Err(e) => failed(&e, pos.get(), n),
    }
}

/// The top-level array, one element at a time.
struct Elements<'a> {
    each: &'a mut dyn FnMut(Value),
    pos: &'a Cell<u64>,
    start: &'a Cell<u64>,
    n: &'a mut u64,
}

impl<'de> DeserializeSeed<'de> for Elements<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Elements<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        loop {
            self.start.set(self.pos.get());
            let Some(v) = seq.next_element::<Value>()? else {
                return Ok(());
            };
            *self.n += 1;
            (self.each)(v);
        }
    }
}

/// Whether a JSON value holds any text at all (a non-empty string value
/// anywhere; keys are not text); walked with a stack, not recursion.
pub fn holds_text(v: &Value) -> bool {
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Value::String(s) if !s.trim().is_empty() => return true,
            Value::Array(a) => stack.extend(a),
            Value::Object(o) => stack.extend(o.values()),
            _ => {}
        }
    }
    false
}

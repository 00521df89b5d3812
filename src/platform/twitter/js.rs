//! X's data files are `<JS assignment> = <JSON>`. This strips the assignment
//! and splits a top-level JSON array into elements one at a time, so peak
//! memory follows the largest element, not the file (tweet files reach
//! ~100 MiB each, and there can be several).

use crate::error::{Error, Result};
use std::io::{ErrorKind, Read};

/// How far into a file the `name = ` prefix may reach. Real prefixes are
/// under 50 bytes (`window.YTD.direct_messages_group.part0 = `).
const PREFIX_WINDOW: usize = 4096;

/// The bytes that matter inside an array element, outside strings.
const BRACKET_OR_QUOTE: [bool; 256] = {
    let mut t = [false; 256];
    t[b'"' as usize] = true;
    t[b'{' as usize] = true;
    t[b'}' as usize] = true;
    t[b'[' as usize] = true;
    t[b']' as usize] = true;
    t
};

/// One element larger than this is refused: no real element (one tweet, one
/// DM conversation of ≤1000 messages) comes near it.
pub const MAX_ELEMENT: usize = 64 << 20;

/// Strips an optional BOM and the `name = ` prefix (if any) from a whole
/// small file, and a trailing `;`/whitespace. Returns the JSON text.
pub fn strip_prefix(bytes: &[u8]) -> Result<&str> {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let bytes = &bytes[bom..];
    let window = &bytes[..bytes.len().min(PREFIX_WINDOW)];
    let start = match window
        .iter()
        .position(|&b| b == b'=' || b == b'[' || b == b'{')
    {
        Some(i) if window[i] == b'=' => i + 1,
        Some(i) => i,
        None => {
            return Err(Error::Malformed(
                "no `name = ` prefix or JSON value in the first 4 KiB".into(),
            ));
        }
    };
    let mut start = start;
    while bytes.get(start).is_some_and(u8::is_ascii_whitespace) {
        start += 1;
    }
    let mut json = &bytes[start..];
    while let [rest @ .., last] = json {
        if last.is_ascii_whitespace() || *last == b';' {
            json = rest;
        } else {
            break;
        }
    }
    std::str::from_utf8(json).map_err(|e| {
        Error::Malformed(format!(
            "invalid UTF-8 at byte {}",
            bom + start + e.valid_up_to()
        ))
    })
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum State {
    /// Before the prefix and the opening `[`.
    Start,
    /// Inside the array; `first` until an element has been read.
    InArray {
        first: bool,
    },
    /// The closing `]` was consumed; what follows must be blank or `;`.
    Closed,
    Done,
}

/// Streams the elements of the top-level JSON array of a data file.
pub struct Elements<R> {
    r: R,
    buf: Box<[u8]>,
    pos: usize,
    len: usize,
    /// Absolute file offset of `buf[0]`.
    base: u64,
    elem: Vec<u8>,
    state: State,
    /// Elements returned so far.
    pub count: u64,
}

impl<R: Read> Elements<R> {
    pub fn new(r: R) -> Self {
        Self::with_buffer(r, 64 << 10)
    }

    pub fn with_buffer(r: R, size: usize) -> Self {
        Elements {
            r,
            buf: vec![0; size.max(1)].into_boxed_slice(),
            pos: 0,
            len: 0,
            base: 0,
            elem: Vec::new(),
            state: State::Start,
            count: 0,
        }
    }

    /// Capacity of the element buffer: the peak memory beyond the fixed
    /// read buffer.
    #[cfg(test)]
    pub fn element_capacity(&self) -> usize {
        self.elem.capacity()
    }

    /// Offset of the next unread byte.
    fn offset(&self) -> u64 {
        self.base + self.pos as u64
    }

    /// Refills the read buffer; false at end of input.
    fn fill(&mut self) -> Result<bool> {
        self.base += self.len as u64;
        self.pos = 0;
        self.len = 0;
        loop {
            match self.r.read(&mut self.buf) {
                Ok(0) => return Ok(false),
                Ok(n) => {
                    self.len = n;
                    return Ok(true);
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => {
                    return Err(Error::Malformed(format!(
                        "read failed at byte {}: {e}",
                        self.base
                    )));
                }
            }
        }
    }

    fn byte(&mut self) -> Result<Option<u8>> {
        if self.pos == self.len && !self.fill()? {
            return Ok(None);
        }
        let b = self.buf[self.pos];
        self.pos += 1;
        Ok(Some(b))
    }

    fn skip_ws(&mut self) -> Result<Option<u8>> {
        loop {
            match self.byte()? {
                Some(b) if b.is_ascii_whitespace() => continue,
                other => return Ok(other),
            }
        }
    }

    /// Consumes the BOM and prefix up to and including the opening `[`.
    fn open(&mut self) -> Result<()> {
        let mut seen = 0usize;
        let mut bom = 0usize;
        loop {
            let Some(b) = self.byte()? else {
                return Err(Error::Malformed(format!(
                    "JSON ends early at byte {}: no array found",
                    self.offset()
                )));
            };
            // A UTF-8 BOM is three bytes at the very start.
            if seen == bom && bom < 3 && b == b"\xEF\xBB\xBF"[bom] {
                bom += 1;
                seen += 1;
                continue;
            }
            seen += 1;
            match b {
                b'=' => break,
                b'[' => {
                    self.state = State::InArray { first: true };
                    return Ok(());
                }
                b'{' => {
                    return Err(Error::Malformed(format!(
                        "expected a JSON array, found an object at byte {}",
                        self.offset() - 1
                    )));
                }
                _ if seen > PREFIX_WINDOW => {
                    return Err(Error::Malformed(
                        "no `name = ` prefix or JSON array in the first 4 KiB".into(),
                    ));
                }
                _ => {}
            }
        }
        match self.skip_ws()? {
            Some(b'[') => {
                self.state = State::InArray { first: true };
                Ok(())
            }
            Some(_) => Err(Error::Malformed(format!(
                "expected `[` after the `=` at byte {}",
                self.offset() - 1
            ))),
            None => Err(Error::Malformed(format!(
                "JSON ends early at byte {}: nothing after the `=`",
                self.offset()
            ))),
        }
    }

    /// The next element's JSON text and its byte offset in the file, or
    /// `None` after the closing `]`. Errors are sentences naming the offset;
    /// after an error, further calls return `None`.
    pub fn next_element(&mut self) -> Result<Option<(&str, u64)>> {
        let r = self.advance();
        match r {
            Ok(Some(start)) => {
                self.count += 1;
                match std::str::from_utf8(&self.elem) {
                    Ok(s) => Ok(Some((s, start))),
                    Err(e) => {
                        self.state = State::Done;
                        Err(Error::Malformed(format!(
                            "invalid UTF-8 at byte {}",
                            start + e.valid_up_to() as u64
                        )))
                    }
                }
            }
            Ok(None) => Ok(None),
            Err(e) => {
                self.state = State::Done;
                Err(e)
            }
        }
    }

    fn advance(&mut self) -> Result<Option<u64>> {
        if self.state == State::Start {
            self.open()?;
        }
        match self.state {
            State::Done => return Ok(None),
            State::Closed => {
                self.state = State::Done;
                self.check_trailing()?;
                return Ok(None);
            }
            _ => {}
        }
        let State::InArray { first } = self.state else {
            return Ok(None);
        };
        let _first = match self.skip_ws()? {
            None => {
                return Err(Error::Malformed(format!(
                    "JSON ends early at byte {}: the array is not closed",
                    self.offset()
                )));
            }
            Some(b']') if first => {
                self.state = State::Done;
                self.check_trailing()?;
                return Ok(None);
            }
            Some(b) if b == b']' || b == b',' => {
                return Err(Error::Malformed(format!(
                    "invalid JSON at byte {}: `{}` where an array element should be (trailing or doubled comma?)",
                    self.offset() - 1,
                    b as char
                )));
            }
            Some(b) => b,
        };
        let start = self.offset() - 1;
        self.elem.clear();
        // Step back onto the first byte (still in the buffer) and scan whole
        // buffered slices: strings are skipped with memchr and copied in
        // bulk, since byte-at-a-time copying dominated the scan.
        self.pos -= 1;
        let (mut depth, mut in_str, mut esc) = (0u32, false, false);
        loop {
            if self.pos == self.len && !self.fill()? {
                return Err(Error::Malformed(format!(
                    "JSON ends early at byte {}: inside the element that began at byte {start}",
                    self.offset()
                )));
            }
            let chunk = &self.buf[self.pos..self.len];
            let (mut i, mut copied) = (0, 0);
            let mut end = None;
            while i < chunk.len() {
                if in_str {
                    if esc {
                        esc = false;
                        i += 1;
                        continue;
                    }
                    match memchr::memchr2(b'"', b'\\', &chunk[i..]) {
                        None => i = chunk.len(),
                        Some(k) => {
                            i += k;
                            if chunk[i] == b'\\' {
                                esc = true;
                            } else {
                                in_str = false;
                            }
                            i += 1;
                        }
                    }
                    continue;
                }
                if depth > 0 {
                    // inside an element only quotes and brackets matter: the
                    // indentation of pretty-printed exports is skipped in a
                    // tight loop (benches/README.md)
                    while i < chunk.len() && !BRACKET_OR_QUOTE[usize::from(chunk[i])] {
                        i += 1;
                    }
                    if i == chunk.len() {
                        break;
                    }
                }
                match chunk[i] {
                    b'"' => in_str = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' if depth > 0 => depth -= 1,
                    b']' => {
                        end = Some(State::Closed);
                        break;
                    }
                    b',' if depth == 0 => {
                        end = Some(State::InArray { first: false });
                        break;
                    }
                    b'}' => {
                        return Err(Error::Malformed(format!(
                            "invalid JSON at byte {}: unmatched `}}`",
                            self.base + (self.pos + i) as u64
                        )));
                    }
                    // Insignificant whitespace is dropped so scalars end cleanly.
                    b if depth == 0 && b.is_ascii_whitespace() => {
                        self.elem.extend_from_slice(&chunk[copied..i]);
                        copied = i + 1;
                    }
                    _ => {}
                }
                i += 1;
            }
            self.elem.extend_from_slice(&chunk[copied..i]);
            if self.elem.len() > MAX_ELEMENT {
                return Err(Error::Malformed(format!(
                    "the element at byte {start} is larger than {MAX_ELEMENT} bytes"
                )));
            }
            match end {
                Some(state) => {
                    // Consume the delimiter too.
                    self.pos += i + 1;
                    self.state = state;
                    break;
                }
                None => self.pos += i,
            }
        }
        Ok(Some(start))
    }

    fn check_trailing(&mut self) -> Result<()> {
        loop {
            match self.byte()? {
                None => return Ok(()),
                Some(b) if b.is_ascii_whitespace() || b == b';' => continue,
                Some(_) => {
                    return Err(Error::Malformed(format!(
                        "unexpected data after the array at byte {}",
                        self.offset() - 1
                    )));
                }
            }
        }
    }
}

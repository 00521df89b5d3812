//! Chat files saved as UTF-16 (some Windows and older phone exports): told
//! by the byte-order mark, or by a NUL byte beside every ASCII character,
//! and turned into UTF-8 as they are read, so the line reader and every
//! pattern see one encoding. Unpaired surrogates become U+FFFD.

use std::borrow::Cow;
use std::io::{self, Read};

/// How a file's bytes encode its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
}

/// The encoding the first bytes show; UTF-8 unless they say UTF-16.
pub fn detect(head: &[u8]) -> Encoding {
    if head.starts_with(b"\xFF\xFE") {
        return Encoding::Utf16Le;
    }
    if head.starts_with(b"\xFE\xFF") {
        return Encoding::Utf16Be;
    }
    // No mark: a chat starts with digits or `[`, so half its first bytes
    // are NUL in UTF-16, on the odd places (LE) or the even ones (BE).
    let pairs = head.len().min(256) / 2;
    if pairs < 4 {
        return Encoding::Utf8;
    }
    let nul = |off: usize| (0..pairs).filter(|i| head[2 * i + off] == 0).count();
    let (even, odd) = (nul(0), nul(1));
    if odd * 10 >= pairs * 9 && even * 10 <= pairs {
        Encoding::Utf16Le
    } else if even * 10 >= pairs * 9 && odd * 10 <= pairs {
        Encoding::Utf16Be
    } else {
        Encoding::Utf8
    }
}

/// The start of a file as text, whatever its encoding (for sniffing).
pub fn head_text(head: &[u8]) -> Cow<'_, str> {
    match detect(head) {
        Encoding::Utf8 => String::from_utf8_lossy(head),
        e => {
            let units = head
                .chunks_exact(2)
                .map(|c| unit(e, [c[0], c[1]]))
                .skip_while(|u| *u == 0xFEFF);
            Cow::Owned(
                char::decode_utf16(units)
                    .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                    .collect(),
            )
        }
    }
}

fn unit(e: Encoding, b: [u8; 2]) -> u16 {
    if e == Encoding::Utf16Be {
        u16::from_be_bytes(b)
    } else {
        u16::from_le_bytes(b)
    }
}

/// `r` as UTF-8: its first bytes are read to tell the encoding, then put
/// back in front of the rest.
pub fn decoded<'r>(r: &'r mut dyn Read) -> io::Result<Box<dyn Read + 'r>> {
    let mut head = Vec::with_capacity(256);
    (&mut *r).take(256).read_to_end(&mut head)?;
    let e = detect(&head);
    let chained = io::Cursor::new(head).chain(r);
    Ok(match e {
        Encoding::Utf8 => Box::new(chained),
        e => Box::new(Utf16 {
            inner: chained,
            encoding: e,
            out: Vec::new(),
            at: 0,
            odd: None,
            high: None,
            started: false,
            done: false,
        }),
    })
}

/// A UTF-16 byte stream read as UTF-8.
struct Utf16<R> {
    inner: R,
    encoding: Encoding,
    /// UTF-8 decoded and not yet handed out.
    out: Vec<u8>,
    at: usize,
    /// A byte of a unit whose other byte has not arrived.
    odd: Option<u8>,
    /// A high surrogate waiting for its low half.
    high: Option<u16>,
    /// The byte-order mark, if any, has been passed.
    started: bool,
    done: bool,
}

impl<R: Read> Utf16<R> {
    fn push(&mut self, c: char) {
        let mut b = [0u8; 4];
        self.out.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
    }

    fn take_unit(&mut self, u: u16) {
        if !self.started {
            self.started = true;
            if u == 0xFEFF {
                return;
            }
        }
        if let Some(h) = self.high.take() {
            if (0xDC00..0xE000).contains(&u) {
                let c = 0x10000 + ((u32::from(h) - 0xD800) << 10) + (u32::from(u) - 0xDC00);
                self.push(char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER));
                return;
            }
            self.push(char::REPLACEMENT_CHARACTER);
        }
        if (0xD800..0xDC00).contains(&u) {
            self.high = Some(u);
        } else {
            self.push(char::from_u32(u32::from(u)).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
    }

    /// Decodes the next block of input into `out`; false at the end.
    fn fill(&mut self) -> io::Result<bool> {
        self.out.clear();
        self.at = 0;
        if self.done {
            return Ok(false);
        }
        let mut raw = [0u8; 8192];
        let n = self.inner.read(&mut raw)?;
        if n == 0 {
            self.done = true;
            if self.high.take().is_some() || self.odd.take().is_some() {
                self.push(char::REPLACEMENT_CHARACTER);
            }
            return Ok(!self.out.is_empty());
        }
        for &b in &raw[..n] {
            match self.odd.take() {
                None => self.odd = Some(b),
                Some(first) => {
                    let u = unit(self.encoding, [first, b]);
                    self.take_unit(u);
                }
            }
        }
        Ok(true)
    }
}

impl<R: Read> Read for Utf16<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.at >= self.out.len() {
            if !self.fill()? {
                return Ok(0);
            }
        }
        let n = buf.len().min(self.out.len() - self.at);
        buf[..n].copy_from_slice(&self.out[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big: bool, bom: bool) -> Vec<u8> {
        let mut v = Vec::new();
        let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
        for u in units {
            v.extend(if big {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            });
        }
        v
    }

    fn read_all(bytes: &[u8]) -> String {
        let mut r: &[u8] = bytes;
        let mut s = String::new();
        decoded(&mut r).unwrap().read_to_string(&mut s).unwrap();
        s
    }

    #[test]
    fn both_byte_orders_with_and_without_a_mark_read_as_utf8() {
        let text = "12/03/2021, 14:05 - Dr Ana Ñúñez: Ward 7 😀\r\nsecond line\r\n";
        for big in [false, true] {
            for bom in [false, true] {
                assert_eq!(
                    read_all(&utf16(text, big, bom)),
                    text,
                    "big {big} bom {bom}"
                );
                assert_eq!(head_text(&utf16(text, big, bom)), text);
            }
        }
        assert_eq!(read_all(text.as_bytes()), text);
        assert_eq!(detect(text.as_bytes()), Encoding::Utf8);
    }

    #[test]
    fn broken_utf16_is_replaced_not_fatal() {
        // A lone high surrogate, then an odd trailing byte.
        let bytes = [0xFF, 0xFE, 0x31, 0, 0x00, 0xD8, 0x32, 0, 0x33];
        assert_eq!(read_all(&bytes), "1\u{FFFD}2\u{FFFD}");
    }
}

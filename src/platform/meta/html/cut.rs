//! Cutting a Meta HTML page into its item blocks as the bytes stream by,
//! so each block is parsed on its own and memory follows one block, not
//! the page. A light tokenizer: it skips comments, `<script>`, `<style>`,
//! `<title>` and `<textarea>` text, reads each tag's `class`, and counts
//! `<div>` nesting; an item is an outermost `div.pam._3-95` (bluebar) or
//! `div._a6-g` (2022+) block, from its start tag to the `</div>` that
//! closes it. Meta writes these pages by machine, with every `div`
//! closed; the whole-page parse stays the reference (`Ctx::page`).
//!
//! It also notes what would make the whole-page walk differ from walking
//! the items alone: the ≤2018 generation's blocks (`div.thread`,
//! `div.block`, `div.contents`), or an `_a6-g` element that is not a
//! `div`. Such pages are read whole.

use super::{Ctx, Page};
use crate::platform::meta::wrapped::{Reread, Walked};
use std::io::Read;

/// Reads a page that `read` opens (once per pass) into `ctx`, item by
/// item, items over `limit` bytes skipped with a warning; `Walked::Whole`
/// when the page must be parsed whole. Two passes, because what says so
/// may come at the page's end.
pub(in crate::platform::meta) fn read_page(
    read: &mut Reread,
    page: Page,
    limit: usize,
    ctx: &mut Ctx,
) -> Walked {
    let mut seen = None;
    let res = read(&mut |r| {
        let mut cutter = Cutter::new(limit);
        seen = Some(cut_all(r, &mut cutter, &mut |_| {}).map(|()| cutter.seen));
    });
    let seen = match (res, seen) {
        (Ok(()), Some(Ok(seen))) => seen,
        (Err(e), _) => {
            ctx.out.error = Some(e.to_string());
            return Walked::Done;
        }
        (Ok(()), Some(Err(e))) => {
            ctx.out.error = Some(format!("{}: {e}", ctx.entry));
            return Walked::Done;
        }
        (Ok(()), None) => return Walked::Whole,
    };
    if seen.whole {
        return Walked::Whole;
    }
    if let Some(at) = seen.bad_utf8 {
        ctx.out.warn(format!(
            "{}: not valid UTF-8 at byte {at}; invalid bytes were replaced",
            ctx.entry
        ));
    }
    let mut cut = None;
    let res = read(&mut |r| {
        let mut cutter = Cutter::new(limit);
        cut = Some(cut_all(r, &mut cutter, &mut |piece| {
            match piece {
            Piece::Item { bytes, .. } => ctx.item(&String::from_utf8_lossy(bytes), page),
            Piece::TooLong { at, len } => ctx.out.warn(format!(
                "{}: the item at byte {at} is {len} bytes, more than the {limit} read of one item; it was skipped",
                ctx.entry
            )),
        }
        }));
    });
    let failed = match (res, cut) {
        (Err(e), _) => Some(e.to_string()),
        (Ok(()), Some(Err(e))) => Some(format!("{}: {e}", ctx.entry)),
        (Ok(()), _) => None,
    };
    if failed.is_some() {
        ctx.out.error = failed;
        return Walked::Done;
    }
    ctx.finish();
    Walked::Done
}

/// Feeds a page to `cutter` through a 64 KiB buffer, to its end.
fn cut_all(
    r: &mut dyn Read,
    cutter: &mut Cutter,
    out: &mut dyn FnMut(Piece),
) -> std::io::Result<()> {
    let mut buf = vec![0u8; 64 << 10];
    loop {
        let n = match r.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        cutter.feed(buf.get(..n).unwrap_or(&[]), out);
    }
    cutter.finish(out);
    Ok(())
}

/// The longest item parsed: an item's DOM takes several times its bytes,
/// and a real post, comment or message is a few KiB.
pub const MAX_ITEM: usize = 16 << 20;

/// One cut of the page.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// An item block, starting at byte `at` of the page. At the end of
    /// the page an item that was never closed is handed over as far as it
    /// goes, as an HTML parser would close it.
    Item { at: u64, bytes: &'a [u8] },
    /// An item block longer than `MAX_ITEM` (`len` bytes read of it when
    /// it ended or the page did), skipped.
    TooLong { at: u64, len: u64 },
}

/// What a page showed while it was cut.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Seen {
    /// Marks of a page the items alone do not give (see above).
    pub whole: bool,
    pub items: u64,
    /// The first byte that is not UTF-8, as `std::str::from_utf8` counts.
    pub bad_utf8: Option<u64>,
}

/// The tokenizer's state between chunks.
pub struct Cutter {
    /// Bytes not yet consumed: from the earliest byte still needed (the
    /// current item's start, or the tag being read) to the end of input.
    buf: Vec<u8>,
    /// Page offset of `buf[0]`.
    base: u64,
    /// Scan position in `buf`.
    i: usize,
    /// `<div>` nesting depth.
    depth: u64,
    /// The item being read: its depth outside it and its start in the
    /// page; `skipping` once it passed `MAX_ITEM`.
    item: Option<(u64, u64)>,
    skipping: bool,
    /// Inside raw text until this closing tag name.
    raw: Option<&'static [u8]>,
    /// Inside a comment.
    comment: bool,
    pub seen: Seen,
    /// An incomplete UTF-8 sequence at the end of the last chunk.
    utf8_carry: Vec<u8>,
    utf8_at: u64,
    limit: usize,
}

impl Default for Cutter {
    fn default() -> Self {
        Cutter::new(MAX_ITEM)
    }
}

enum Step {
    /// Consumed up to here; go on.
    Next(usize),
    /// Needs more bytes than the buffer holds.
    More,
}

impl Cutter {
    /// A cutter whose longest item is `limit` bytes.
    pub fn new(limit: usize) -> Cutter {
        Cutter {
            buf: Vec::new(),
            base: 0,
            i: 0,
            depth: 0,
            item: None,
            skipping: false,
            raw: None,
            comment: false,
            seen: Seen::default(),
            utf8_carry: Vec::new(),
            utf8_at: 0,
            limit,
        }
    }

    /// Takes the next bytes of the page; each finished piece goes to `out`.
    pub fn feed(&mut self, chunk: &[u8], out: &mut dyn FnMut(Piece)) {
        self.check_utf8(chunk, false);
        self.buf.extend_from_slice(chunk);
        self.run(out, false);
    }

    /// The page ended.
    pub fn finish(&mut self, out: &mut dyn FnMut(Piece)) {
        self.check_utf8(&[], true);
        self.run(out, true);
        if let Some((_, at)) = self.item.take() {
            let len = (self.base + self.buf.len() as u64).saturating_sub(at);
            if self.skipping || len > self.limit as u64 {
                out(Piece::TooLong { at, len });
            } else {
                let from = (at.saturating_sub(self.base)) as usize;
                out(Piece::Item {
                    at,
                    bytes: self.buf.get(from..).unwrap_or(&[]),
                });
            }
            self.seen.items += 1;
        }
        self.buf.clear();
    }

    fn check_utf8(&mut self, chunk: &[u8], end: bool) {
        if self.seen.bad_utf8.is_some() {
            return;
        }
        let mut bytes = std::mem::take(&mut self.utf8_carry);
        bytes.extend_from_slice(chunk);
        match std::str::from_utf8(&bytes) {
            Ok(_) => self.utf8_at += bytes.len() as u64,
            Err(e) if e.error_len().is_none() && !end => {
                // A character cut by the chunk: wait for the rest.
                let ok = e.valid_up_to();
                self.utf8_at += ok as u64;
                self.utf8_carry = bytes[ok..].to_vec();
            }
            Err(e) => self.seen.bad_utf8 = Some(self.utf8_at + e.valid_up_to() as u64),
        }
    }

    fn run(&mut self, out: &mut dyn FnMut(Piece), end: bool) {
        while let Step::Next(j) = self.step(out, end) {
            self.i = j;
        }
        self.compact();
    }

    /// Drops what no later piece needs.
    fn compact(&mut self) {
        if self.buf.len().saturating_sub(self.i) > self.limit {
            // A tag longer than an item may be: no page Meta writes. The
            // page is read whole (under its cap) instead.
            self.seen.whole = true;
            self.i = self.buf.len();
        }
        let keep_from = match self.item {
            Some((_, at)) if !self.skipping => (at.saturating_sub(self.base)) as usize,
            _ => self.i,
        };
        let keep_from = keep_from.min(self.i).min(self.buf.len());
        if keep_from > 0 {
            self.buf.drain(..keep_from);
            self.base += keep_from as u64;
            self.i -= keep_from;
        }
        if let Some((_, at)) = self.item
            && !self.skipping
            && (self.base + self.buf.len() as u64).saturating_sub(at) > self.limit as u64
        {
            // Over the cap: its bytes are let go; the nesting is still
            // followed so the item's end is found.
            self.skipping = true;
            self.compact();
        }
    }

    fn step(&mut self, out: &mut dyn FnMut(Piece), end: bool) -> Step {
        let b = &self.buf;
        let i = self.i;
        if i >= b.len() {
            return Step::More;
        }
        if self.comment {
            return match find(&b[i..], b"-->") {
                Some(k) => {
                    self.comment = false;
                    Step::Next(i + k + 3)
                }
                None if end => Step::Next(b.len()),
                // Keep the last two bytes: the `-->` may straddle chunks.
                None => Step::Next(b.len().saturating_sub(2).max(i)).or_more(i),
            };
        }
        if let Some(name) = self.raw {
            let mut k = i;
            while let Some(p) = find(&b[k..], b"</") {
                let at = k + p;
                let tail = &b[at + 2..];
                if tail.len() < name.len() + 1 && !end {
                    return Step::Next(at).or_more(i);
                }
                if tail.len() >= name.len()
                    && tail[..name.len()].eq_ignore_ascii_case(name)
                    && tail
                        .get(name.len())
                        .is_none_or(|c| c.is_ascii_whitespace() || *c == b'>' || *c == b'/')
                {
                    self.raw = None;
                    return Step::Next(at);
                }
                k = at + 2;
            }
            return if end {
                Step::Next(b.len())
            } else {
                Step::Next(b.len().saturating_sub(1).max(i)).or_more(i)
            };
        }
        let Some(p) = b[i..].iter().position(|c| *c == b'<') else {
            return Step::Next(b.len()).or_more(i);
        };
        let lt = i + p;
        let rest = &b[lt..];
        if rest.len() < 4 && !end {
            return Step::Next(lt).or_more(i);
        }
        if rest.starts_with(b"<!--") {
            self.comment = true;
            return Step::Next(lt + 4);
        }
        let close = rest.get(1) == Some(&b'/');
        let name_from = if close { 2 } else { 1 };
        let name_len = rest[name_from.min(rest.len())..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            // `<` as text, `<!DOCTYPE`, `<?…`: not a tag this counts.
            if rest.get(1).is_some_and(|c| *c == b'!' || *c == b'?') {
                return match rest.iter().position(|c| *c == b'>') {
                    Some(q) => Step::Next(lt + q + 1),
                    None if end => Step::Next(b.len()),
                    None => Step::Next(lt).or_more(i),
                };
            }
            return Step::Next(lt + 1);
        }
        let name = &rest[name_from..name_from + name_len];
        // The tag runs to the first `>` outside quotes.
        let Some((gt, class)) = tag_end(&rest[name_from + name_len..]) else {
            return if end {
                Step::Next(b.len())
            } else {
                Step::Next(lt).or_more(i)
            };
        };
        let next = lt + name_from + name_len + gt + 1;
        let at = self.base + lt as u64;
        let is_div = name.eq_ignore_ascii_case(b"div");
        let has = |c: &str| {
            class
                .as_deref()
                .is_some_and(|cl| cl.split_ascii_whitespace().any(|x| x == c))
        };
        if close {
            if is_div {
                self.depth = self.depth.saturating_sub(1);
                if let Some((d, start)) = self.item
                    && self.depth == d
                {
                    self.item = None;
                    let len = (self.base + next as u64).saturating_sub(start);
                    if self.skipping || len > self.limit as u64 {
                        self.skipping = false;
                        out(Piece::TooLong { at: start, len });
                    } else {
                        let from = (start.saturating_sub(self.base)) as usize;
                        out(Piece::Item {
                            at: start,
                            bytes: self.buf.get(from..next).unwrap_or(&[]),
                        });
                    }
                    self.seen.items += 1;
                }
            }
            return Step::Next(next);
        }
        for (raw, n) in [
            (&b"script"[..], "script"),
            (b"style", "style"),
            (b"title", "title"),
            (b"textarea", "textarea"),
        ] {
            if name.eq_ignore_ascii_case(raw) {
                self.raw = Some(match n {
                    "script" => b"script",
                    "style" => b"style",
                    "title" => b"title",
                    _ => b"textarea",
                });
            }
        }
        if is_div {
            if has("thread") || has("block") || has("contents") {
                self.seen.whole = true;
            }
            if self.item.is_none() && (has("_a6-g") || (has("pam") && has("_3-95"))) {
                self.item = Some((self.depth, at));
            }
            self.depth = self.depth.saturating_add(1);
        } else if has("_a6-g") {
            self.seen.whole = true;
        }
        Step::Next(next)
    }
}

impl Step {
    /// `Next(j)` when it moves past `i`, else `More` (wait for bytes).
    fn or_more(self, i: usize) -> Step {
        match self {
            Step::Next(j) if j > i => Step::Next(j),
            _ => Step::More,
        }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The offset of a tag's closing `>` in `attrs` (what follows its name)
/// and its `class` value, or `None` when the tag is not complete.
fn tag_end(attrs: &[u8]) -> Option<(usize, Option<String>)> {
    let mut k = 0;
    let mut class = None;
    while k < attrs.len() {
        let c = attrs[k];
        if c == b'>' {
            return Some((k, class));
        }
        if c.is_ascii_whitespace() || c == b'/' {
            k += 1;
            continue;
        }
        // An attribute: name, then `=value` perhaps.
        let from = k;
        while k < attrs.len()
            && !attrs[k].is_ascii_whitespace()
            && !matches!(attrs[k], b'=' | b'>' | b'/')
        {
            k += 1;
        }
        let name = &attrs[from..k];
        while k < attrs.len() && attrs[k].is_ascii_whitespace() {
            k += 1;
        }
        if attrs.get(k) != Some(&b'=') {
            continue;
        }
        k += 1;
        while k < attrs.len() && attrs[k].is_ascii_whitespace() {
            k += 1;
        }
        let value = match attrs.get(k) {
            None => return None,
            Some(q @ (b'"' | b'\'')) => {
                let q = *q;
                let end = attrs[k + 1..].iter().position(|c| *c == q)?;
                let v = &attrs[k + 1..k + 1 + end];
                k += end + 2;
                v
            }
            Some(_) => {
                let from = k;
                while k < attrs.len() && !attrs[k].is_ascii_whitespace() && attrs[k] != b'>' {
                    k += 1;
                }
                &attrs[from..k]
            }
        };
        if name.eq_ignore_ascii_case(b"class") && class.is_none() {
            class = Some(String::from_utf8_lossy(value).into_owned());
        }
    }
    None
}

#[cfg(test)]
#[path = "cut_tests.rs"]
mod tests;

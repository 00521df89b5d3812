//! Cutting the older HTML lists (`my-comments.html`,
//! `my-live-chat-messages.html`) into their `<li>` items as the bytes
//! stream by, so each item is parsed on its own and memory follows one
//! item, not the page (issue 11). The Meta cutter (../meta/html/cut.rs)
//! is built around `div` classes and a whole-page fallback; these pages
//! are one plain list, so this is a smaller tokenizer of its own.
//!
//! It skips comments, `<!…>`/`<?…>` declarations and the text of raw-text
//! elements (`<script>`, `<style>`, `<title>`, `<textarea>`, …), reads
//! tags to the first `>` outside a quoted attribute value, and compares
//! tag names without regard to case. An item runs from an `<li>` start
//! tag to what an HTML parser closes it at: its `</li>`, the next `<li>`
//! of the same list, or the end of that list (`</ul>`, `</ol>`); lists
//! nested inside an item stay in it. At the end of the page an item that
//! was never closed is handed over as far as it goes. An item longer
//! than the cap is skipped (its bytes are let go while its end is still
//! looked for), so the page itself has no size cap.

use crate::platform::html_scan::{ends_name, find, tag_end};
use crate::platform::stream::{Utf8Check, read_chunks};
use std::io::Read;

/// The longest item parsed: an item's DOM takes several times its bytes,
/// and a real comment or chat message is a few KiB.
pub const MAX_ITEM: usize = 16 << 20;

/// Elements whose content is text to a parser, up to their end tag.
const RAW: &[&[u8]] = &[
    b"script",
    b"style",
    b"title",
    b"textarea",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
];

/// One cut of the page.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// An item from its `<li` at byte `at` of the page.
    Item { at: u64, bytes: &'a [u8] },
    /// An item longer than the cap (`len` bytes when it ended or the page
    /// did), skipped.
    TooLong { at: u64, len: u64 },
}

/// The tokenizer's state between chunks.
pub struct Cutter {
    /// From the earliest byte still needed (the item's start, or the tag
    /// being read) to the end of input.
    buf: Vec<u8>,
    /// Page offset of `buf[0]`.
    base: u64,
    /// Scan position in `buf`.
    i: usize,
    /// The item being read: its start in the page.
    item: Option<u64>,
    /// Lists (`ul`, `ol`) opened inside the item and not yet closed.
    lists: u64,
    /// The item passed the cap: its bytes are let go.
    skipping: bool,
    /// Inside raw text until this end tag name.
    raw: Option<&'static [u8]>,
    /// Inside a comment.
    comment: bool,
    limit: usize,
    /// Where the first byte that is not UTF-8 lies.
    pub utf8: Utf8Check,
}

/// What one scan step did.
enum Step {
    /// Consumed up to here; go on.
    Next(usize),
    /// Needs more bytes than the buffer holds.
    More,
}

/// What a tag's name is, for the cut.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Name {
    Li,
    /// `ul` or `ol`.
    List,
    Raw(&'static [u8]),
    Other,
}

impl Name {
    fn of(name: &[u8]) -> Name {
        if name.eq_ignore_ascii_case(b"li") {
            Name::Li
        } else if name.eq_ignore_ascii_case(b"ul") || name.eq_ignore_ascii_case(b"ol") {
            Name::List
        } else if let Some(raw) = RAW.iter().find(|r| name.eq_ignore_ascii_case(r)) {
            Name::Raw(raw)
        } else {
            Name::Other
        }
    }
}

impl Cutter {
    /// A cutter whose longest item is `limit` bytes.
    pub fn new(limit: usize) -> Cutter {
        Cutter {
            buf: Vec::new(),
            base: 0,
            i: 0,
            item: None,
            lists: 0,
            skipping: false,
            raw: None,
            comment: false,
            limit,
            utf8: Utf8Check::default(),
        }
    }

    /// Takes the next bytes of the page; each finished piece goes to `out`.
    pub fn feed(&mut self, chunk: &[u8], out: &mut dyn FnMut(Piece)) {
        self.utf8.feed(chunk);
        self.buf.extend_from_slice(chunk);
        self.run(out, false);
    }

    /// The page ended: an open item is handed over as far as it goes.
    pub fn finish(&mut self, out: &mut dyn FnMut(Piece)) {
        self.utf8.finish();
        self.run(out, true);
        if let Some(at) = self.item.take() {
            self.hand_over(at, self.buf.len(), out);
        }
        self.buf.clear();
        self.i = 0;
    }

    /// The page offset of `buf[k]`.
    fn at(&self, k: usize) -> u64 {
        self.base.saturating_add(k as u64)
    }

    /// Hands out the item that starts at byte `at` of the page and ends
    /// before `end` in `buf`, or says it was too long.
    fn hand_over(&mut self, at: u64, end: usize, out: &mut dyn FnMut(Piece)) {
        let len = self.at(end).saturating_sub(at);
        if self.skipping || len > self.limit as u64 {
            out(Piece::TooLong { at, len });
        } else {
            let from = usize::try_from(at.saturating_sub(self.base)).unwrap_or(usize::MAX);
            out(Piece::Item {
                at,
                bytes: self.buf.get(from..end).unwrap_or(&[]),
            });
        }
        self.skipping = false;
        self.lists = 0;
    }

    fn run(&mut self, out: &mut dyn FnMut(Piece), end: bool) {
        while let Step::Next(j) = self.step(out, end) {
            self.i = j;
        }
        if self.buf.len().saturating_sub(self.i) > self.limit {
            // A tag or declaration longer than an item may be: its `<` is
            // read as text, so memory stays bounded.
            self.i = self.i.saturating_add(1);
        }
        self.compact();
    }

    /// Drops what no later piece needs.
    fn compact(&mut self) {
        if let Some(at) = self.item
            && !self.skipping
            && self.at(self.buf.len()).saturating_sub(at) > self.limit as u64
        {
            // Over the cap: its bytes are let go; its end is still looked
            // for, so the items after it are cut where they start.
            self.skipping = true;
        }
        let keep_from = match self.item {
            Some(at) if !self.skipping => {
                usize::try_from(at.saturating_sub(self.base)).unwrap_or(usize::MAX)
            }
            _ => self.i,
        }
        .min(self.i)
        .min(self.buf.len());
        if keep_from > 0 {
            self.buf.drain(..keep_from);
            self.base = self.base.saturating_add(keep_from as u64);
            self.i = self.i.saturating_sub(keep_from);
        }
    }

    fn step(&mut self, out: &mut dyn FnMut(Piece), end: bool) -> Step {
        let i = self.i;
        let Some(rest) = self.buf.get(i..).filter(|r| !r.is_empty()) else {
            return Step::More;
        };
        if self.comment {
            return match find(rest, b"-->") {
                Some(k) => {
                    self.comment = false;
                    Step::Next(i + k + 3)
                }
                None if end => Step::Next(self.buf.len()),
                // The `-->` may straddle chunks: its first two bytes stay.
                None => more(i, self.buf.len().saturating_sub(2)),
            };
        }
        if let Some(name) = self.raw {
            let mut k = 0;
            while let Some(p) = find(rest.get(k..).unwrap_or(&[]), b"</") {
                let lt = k + p;
                let tail = rest.get(lt + 2..).unwrap_or(&[]);
                if tail.len() <= name.len() && !end {
                    return more(i, i + lt);
                }
                if tail
                    .get(..name.len())
                    .is_some_and(|t| t.eq_ignore_ascii_case(name))
                    && tail.get(name.len()).is_none_or(|c| ends_name(*c))
                {
                    self.raw = None;
                    return Step::Next(i + lt);
                }
                k = lt + 2;
            }
            return if end {
                Step::Next(self.buf.len())
            } else {
                // A `<` at the very end may start the end tag.
                more(i, self.buf.len().saturating_sub(1))
            };
        }
        let Some(p) = rest.iter().position(|c| *c == b'<') else {
            return Step::Next(self.buf.len());
        };
        let lt = i + p;
        let rest = rest.get(p..).unwrap_or(&[]);
        if rest.len() < 4 && !end && b"<!--".starts_with(rest) {
            return more(i, lt);
        }
        if rest.starts_with(b"<!--") {
            self.comment = true;
            return Step::Next(lt + 4);
        }
        if rest.len() < 2 && !end {
            return more(i, lt);
        }
        let close = rest.get(1) == Some(&b'/');
        let name_from = if close { 2 } else { 1 };
        if matches!(rest.get(1), Some(b'!' | b'?'))
            || (close && rest.get(2).is_some_and(|c| !c.is_ascii_alphabetic()))
        {
            // A declaration, or what a parser reads as a bogus comment.
            return match rest.iter().position(|c| *c == b'>') {
                Some(q) => Step::Next(lt + q + 1),
                None if end => Step::Next(self.buf.len()),
                None => more(i, lt),
            };
        }
        if !rest.get(name_from).is_some_and(|c| c.is_ascii_alphabetic()) {
            if close && rest.len() < 3 && !end {
                return more(i, lt);
            }
            // `<` as text.
            return Step::Next(lt + 1);
        }
        let after = rest.get(name_from..).unwrap_or(&[]);
        let name_len = after.iter().take_while(|c| !ends_name(**c)).count();
        let Some((gt, _)) = tag_end(after.get(name_len..).unwrap_or(&[])) else {
            return if end {
                // A tag cut by the page's end: a parser drops it.
                Step::Next(self.buf.len())
            } else {
                more(i, lt)
            };
        };
        let next = lt + name_from + name_len + gt + 1;
        let name = Name::of(after.get(..name_len).unwrap_or(&[]));
        if close {
            self.end_tag(name, lt, next, out);
        } else {
            self.start_tag(name, lt, out);
        }
        Step::Next(next)
    }

    /// A start tag at `lt` in `buf`.
    fn start_tag(&mut self, name: Name, lt: usize, out: &mut dyn FnMut(Piece)) {
        match (name, self.item) {
            (Name::Raw(raw), _) => self.raw = Some(raw),
            (Name::Li, None) => self.item = Some(self.at(lt)),
            (Name::Li, Some(at)) if self.lists == 0 => {
                // The next item of the same list closes this one.
                self.hand_over(at, lt, out);
                self.item = Some(self.at(lt));
            }
            (Name::List, Some(_)) => self.lists = self.lists.saturating_add(1),
            _ => {}
        }
    }

    /// An end tag from `lt` to `next` in `buf`.
    fn end_tag(&mut self, name: Name, lt: usize, next: usize, out: &mut dyn FnMut(Piece)) {
        let Some(at) = self.item else { return };
        match name {
            Name::List if self.lists > 0 => self.lists -= 1,
            Name::Li if self.lists == 0 => {
                self.item = None;
                self.hand_over(at, next, out);
            }
            Name::List => {
                // The list's end closes its open item.
                self.item = None;
                self.hand_over(at, lt, out);
            }
            _ => {}
        }
    }
}

/// Feeds a page to `cutter`, to its end.
pub fn cut_page(
    r: &mut dyn Read,
    cutter: &mut Cutter,
    out: &mut dyn FnMut(Piece),
) -> std::io::Result<()> {
    read_chunks(r, &mut |chunk| cutter.feed(chunk, out))?;
    cutter.finish(out);
    Ok(())
}

/// `Next(to)` when `to` moves past `i`, else `More` (wait for bytes).
fn more(i: usize, to: usize) -> Step {
    if to > i { Step::Next(to) } else { Step::More }
}

#[cfg(test)]
#[path = "cut_tests.rs"]
mod tests;

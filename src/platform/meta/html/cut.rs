//! Cutting a Meta HTML page into its item blocks as the bytes stream by,
//! so each block is parsed on its own and memory follows one block, not
//! the page. A light tokenizer: it skips comments, `<script>`, `<style>`,
//! `<title>` and `<textarea>` text, reads each tag's `class`, and counts
//! `<div>` nesting; an item is an outermost `div.pam._3-95` (bluebar) or
//! `div._a6-g` (2022+) block, from its start tag to the `</div>` that
//! closes it. Meta writes these pages by machine, with every `div`
//! closed; the whole-page parse stays the reference (`Ctx::page`).
//!
//! ≤2018 Messenger pages (`messages.htm`, every thread in one page) are
//! cut the same way into their outermost `div.thread` blocks, each read by
//! the whole-page thread code (`Ctx::thread`); a thread is at most
//! `MAX_LEGACY` bytes.
//!
//! ≤2018 wall, timeline and notes pages (a `div.contents` of items that
//! each start at a `div.meta` date, `Ctx::legacy_wall`) have no element
//! around an item: they are cut before each `div.meta` that the wall walk
//! reads as an item start, where the elements open around it are only
//! the `div.contents` and plain `div`s (`Nest` follows what a parser
//! opens). Each part is parsed after a `<div class="contents">` and as
//! many `<div>`s, so it is built as in the whole page; the first part is
//! the page from its start. Where the markup is beyond what `Nest`
//! follows, no cut is made after it and the part runs on, up to
//! `MAX_LEGACY` bytes. Consecutive parts are handed out together, up to
//! about `GROUP` bytes, since a parse per ~200-byte item costs more than
//! the items' text; a group that would pass `MAX_LEGACY` is handed out
//! before its last part, so only a part too long alone is skipped.
//!
//! ≤2018 photo pages are cut into their `div.block`s (`Ctx::photos`),
//! each at most `MAX_LEGACY` bytes, when every block stands among `div`s
//! only and `Nest` follows the markup inside it.
//!
//! It also notes what would make the whole-page walk differ from walking
//! the items alone: a photo block that cannot be cut off, a wall page
//! with bluebar or 2022+ entries too, a thread inside a thread or threads
//! without a `div.message`, photo blocks and threads in one page, an
//! `_a6-g` element that is not a `div`, or a class with a character
//! reference. Such pages are read whole.

use super::{Ctx, Page};
use crate::platform::html_scan::{ends_name, find, tag_end};
use crate::platform::meta::wrapped::{Reread, Walked};
use crate::platform::stream::{Utf8Check, read_chunks};
use std::io::Read;

/// Reads a page that `read` opens (once per pass) into `ctx`, item by
/// item, items over `limit` bytes (≤2018 threads, photo blocks and wall
/// parts over `legacy_limit`) skipped with a warning; `Walked::Whole`
/// when the page must be parsed whole. Two passes, because what says so
/// may come at the page's end.
pub(in crate::platform::meta) fn read_page(
    read: &mut Reread,
    page: Page,
    limit: usize,
    legacy_limit: usize,
    group: usize,
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
    let threads = seen.threads > 0;
    let blocks = seen.blocks > 0;
    if seen.whole
        || (threads && (blocks || seen.nested_thread || !seen.thread_messages))
        || (blocks && seen.odd_block)
        || (!threads && !blocks && seen.contents && seen.items > 0)
    {
        return Walked::Whole;
    }
    // A thread with a `div.message` gives records, so the whole-page walk
    // stops after the threads (`Ctx::page`): the threads are the page.
    // So are photo blocks, each a record. Without threads, photo blocks
    // or entries, a `div.contents` is read by the wall walk alone.
    let mode = if threads {
        Mode::Threads
    } else if blocks {
        Mode::Blocks
    } else if seen.contents {
        Mode::Wall
    } else {
        Mode::Entries
    };
    let (limit, what) = match mode {
        Mode::Threads => (legacy_limit, "thread"),
        Mode::Blocks => (legacy_limit, "photo block"),
        Mode::Wall => (legacy_limit, "wall item"),
        Mode::Entries => (limit, "item"),
    };
    // A wall part cut off the page is parsed in what was open around it.
    let doctype = seen.doctype.unwrap_or_default();
    let mut context = String::new();
    let warned = (ctx.out.warnings.len(), ctx.out.more_warnings);
    let records = ctx.out.records;
    if let Some(at) = seen.bad_utf8 {
        ctx.out.warn(format!(
            "{}: not valid UTF-8 at byte {at}; invalid bytes were replaced",
            ctx.entry
        ));
    }
    let utf8_warned = (ctx.out.warnings.len(), ctx.out.more_warnings);
    let mut cut = None;
    let res = read(&mut |r| {
        let mut cutter = Cutter::with_mode(limit, mode).with_group(group);
        cut = Some(cut_all(r, &mut cutter, &mut |piece| {
            match piece {
            Piece::Item { bytes, .. } if mode == Mode::Threads => ctx.thread(&String::from_utf8_lossy(bytes)),
            Piece::Item { bytes, .. } if mode == Mode::Blocks => ctx.photos(&String::from_utf8_lossy(bytes)),
            Piece::Item { bytes, divs, .. } if mode == Mode::Wall => {
                context.clear();
                if let Some(divs) = divs {
                    context.push_str(&doctype);
                    context.push_str("<div class=\"contents\">");
                    for _ in 0..divs {
                        context.push_str("<div>");
                    }
                }
                context.push_str(&String::from_utf8_lossy(bytes));
                ctx.wall(&context, page);
            }
            Piece::Item { bytes, .. } => ctx.item(&String::from_utf8_lossy(bytes), page),
            Piece::TooLong { at, len } => ctx.out.warn(format!(
                "{}: the {what} at byte {at} is {len} bytes, more than the {limit} read of one {what}; it was skipped",
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
    if threads
        && ctx.out.records == records
        && (ctx.out.warnings.len(), ctx.out.more_warnings) == utf8_warned
    {
        // No thread gave a message (`div.message` inside some other
        // element): nothing was emitted, and the whole-page walk goes on
        // to what else the page holds. Its UTF-8 warning is its own.
        ctx.out.warnings.truncate(warned.0);
        ctx.out.more_warnings = warned.1;
        return Walked::Whole;
    }
    ctx.finish();
    Walked::Done
}

/// Feeds a page to `cutter`, to its end.
fn cut_all(
    r: &mut dyn Read,
    cutter: &mut Cutter,
    out: &mut dyn FnMut(Piece),
) -> std::io::Result<()> {
    read_chunks(r, &mut |chunk| cutter.feed(chunk, out))?;
    cutter.finish(out);
    Ok(())
}

/// The longest item parsed: an item's DOM takes several times its bytes,
/// and a real post, comment or message is a few KiB.
pub const MAX_ITEM: usize = 16 << 20;

/// The longest ≤2018 Messenger thread, photo block or wall part parsed:
/// the old cap on the whole page (`super::MAX_HTML`), so every thread,
/// photo and wall item of a page read before is still read, while the
/// page itself has no cap.
pub const MAX_LEGACY: usize = 64 << 20;

/// About how many bytes of consecutive wall parts are parsed together:
/// large enough that a parse per part no longer dominates, small enough
/// that memory still follows the part, not the page.
pub const GROUP: usize = 256 << 10;

/// What a page is cut into.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Outermost bluebar and 2022+ entries.
    #[default]
    Entries,
    /// Outermost ≤2018 `div.thread` blocks.
    Threads,
    /// ≤2018 wall parts: the page to the first wall item that can be cut
    /// off, then each such item to the next (see the top of this file).
    Wall,
    /// ≤2018 photo blocks (`div.block`), none inside another.
    Blocks,
}

/// One cut of the page.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// An item block, starting at byte `at` of the page. At the end of
    /// the page an item that was never closed is handed over as far as it
    /// goes, as an HTML parser would close it. A wall part cut off the
    /// page has `divs`: the plain `div`s open around it inside the
    /// `div.contents`.
    Item {
        at: u64,
        bytes: &'a [u8],
        divs: Option<u64>,
    },
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
    /// ≤2018 `div.thread` blocks; one inside another; a `div.message`
    /// directly in a thread (by `div` nesting); a `div.contents`.
    pub threads: u64,
    pub nested_thread: bool,
    /// ≤2018 photo blocks (`div.block`); one that cannot be cut off
    /// (`Nest::odd_block`).
    pub blocks: u64,
    pub odd_block: bool,
    pub thread_messages: bool,
    pub contents: bool,
    /// The first byte that is not UTF-8, as `std::str::from_utf8` counts.
    pub bad_utf8: Option<u64>,
    /// The `<!DOCTYPE …>` that opens the page (it sets the parser's
    /// quirks mode), for the wall parts cut off it.
    pub doctype: Option<String>,
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
    /// What the items are.
    mode: Mode,
    /// The wall part being read: the `divs` of its `Piece::Item`.
    item_divs: Option<u64>,
    /// The last wall part joined to the one being read, if any: its
    /// start in the page and its `divs`.
    sub: Option<(u64, u64)>,
    /// The wall parts are joined until they reach this many bytes.
    group: usize,
    /// The elements open, for wall cuts.
    nest: Nest,
    /// Only comments, white space and a BOM came before the scan
    /// position: a `<!DOCTYPE` here is the page's.
    prologue: bool,
    /// The depth outside the `div.thread` being read, if any.
    thread: Option<u64>,
    /// Inside raw text until this closing tag name.
    raw: Option<&'static [u8]>,
    /// Inside a comment.
    comment: bool,
    pub seen: Seen,
    /// Where the first byte that is not UTF-8 lies (`seen.bad_utf8`).
    utf8: Utf8Check,
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
        Cutter::with_mode(limit, Mode::Entries)
    }

    /// A cutter of `mode` pieces whose longest is `limit` bytes.
    pub fn with_mode(limit: usize, mode: Mode) -> Cutter {
        Cutter {
            buf: Vec::new(),
            base: 0,
            i: 0,
            depth: 0,
            // The first wall part is the page from its start; its depth
            // is none a `</div>` reaches.
            item: (mode == Mode::Wall).then_some((u64::MAX, 0)),
            skipping: false,
            mode,
            item_divs: None,
            sub: None,
            group: 0,
            nest: Nest::default(),
            prologue: true,
            thread: None,
            raw: None,
            comment: false,
            seen: Seen::default(),
            utf8: Utf8Check::default(),
            limit,
        }
    }

    /// The same cutter, joining consecutive wall parts until they reach
    /// `group` bytes (0 or 1: each part alone).
    pub fn with_group(mut self, group: usize) -> Cutter {
        self.group = group;
        self
    }

    /// Takes the next bytes of the page; each finished piece goes to `out`.
    pub fn feed(&mut self, chunk: &[u8], out: &mut dyn FnMut(Piece)) {
        self.utf8.feed(chunk);
        self.seen.bad_utf8 = self.utf8.first_bad();
        self.buf.extend_from_slice(chunk);
        self.run(out, false);
    }

    /// The page ended.
    pub fn finish(&mut self, out: &mut dyn FnMut(Piece)) {
        self.utf8.finish();
        self.seen.bad_utf8 = self.utf8.first_bad();
        self.run(out, true);
        self.seen.odd_block = self.nest.odd_block;
        if let Some((_, at)) = self.item.take() {
            self.close_group(at, self.buf.len(), out);
        }
        self.buf.clear();
    }

    /// Hands out the item that starts at byte `at` of the page and ends
    /// before `end` in `buf`, or says it was too long.
    fn hand_over(&mut self, at: u64, end: usize, out: &mut dyn FnMut(Piece)) {
        let len = (self.base.saturating_add(end as u64)).saturating_sub(at);
        if self.skipping || len > self.limit as u64 {
            self.skipping = false;
            out(Piece::TooLong { at, len });
        } else {
            let from = (at.saturating_sub(self.base)) as usize;
            out(Piece::Item {
                at,
                bytes: self.buf.get(from..end).unwrap_or(&[]),
                divs: self.item_divs,
            });
        }
        self.seen.items = self.seen.items.saturating_add(1);
    }

    /// Hands out the wall parts joined from byte `start` of the page to
    /// `end` in `buf`: in one piece, or, when together they pass the cap,
    /// all but the last and then the last, so joining never makes a
    /// piece too long.
    fn close_group(&mut self, start: u64, end: usize, out: &mut dyn FnMut(Piece)) {
        let len = self.base.saturating_add(end as u64).saturating_sub(start);
        match self.sub.take() {
            Some((sub, divs)) if !self.skipping && len > self.limit as u64 => {
                let sub_end = sub.saturating_sub(self.base) as usize;
                self.hand_over(start, sub_end, out);
                self.item_divs = Some(divs);
                self.hand_over(sub, end, out);
            }
            _ => self.hand_over(start, end, out),
        }
    }

    /// A wall part that can be cut off starts at byte `at` of the page
    /// (`lt` in `buf`) with `divs` open around it: joined to the parts
    /// before it while they are short, else they are handed out.
    fn wall_cut(&mut self, at: u64, lt: usize, divs: u64, out: &mut dyn FnMut(Piece)) {
        if let Some((_, start)) = self.item {
            let len = at.saturating_sub(start);
            if !self.skipping && len < self.group as u64 && len <= self.limit as u64 {
                self.sub = Some((at, divs));
                return;
            }
            self.item = None;
            self.close_group(start, lt, out);
        }
        self.item = Some((u64::MAX, at));
        self.item_divs = Some(divs);
        self.sub = None;
    }

    fn run(&mut self, out: &mut dyn FnMut(Piece), end: bool) {
        while let Step::Next(j) = self.step(out, end) {
            self.i = j;
        }
        if let (Some((_, start)), Some((sub, divs)), false) = (self.item, self.sub, self.skipping)
            && self
                .base
                .saturating_add(self.buf.len() as u64)
                .saturating_sub(start)
                > self.limit as u64
        {
            // The joined parts pass the cap inside their last part: the
            // ones before it go out now, before `compact` lets bytes go.
            self.sub = None;
            let sub_end = sub.saturating_sub(self.base) as usize;
            self.hand_over(start, sub_end, out);
            self.item = Some((u64::MAX, sub));
            self.item_divs = Some(divs);
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
            if self.prologue && !is_blank(&b[i..], self.base + i as u64) {
                self.prologue = false;
            }
            return Step::Next(b.len()).or_more(i);
        };
        let lt = i + p;
        if self.prologue && !is_blank(&b[i..lt], self.base + i as u64) {
            self.prologue = false;
        }
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
                    Some(q) => {
                        let decl = &rest[..q + 1];
                        if self.prologue
                            && decl.len() >= 9
                            && decl[..9].eq_ignore_ascii_case(b"<!doctype")
                        {
                            self.seen.doctype = Some(String::from_utf8_lossy(decl).into_owned());
                            self.prologue = false;
                        }
                        // `<?…>` and other `<!…>` are comments to a parser.
                        Step::Next(lt + q + 1)
                    }
                    None if end => Step::Next(b.len()),
                    None => Step::Next(lt).or_more(i),
                };
            }
            self.prologue = false;
            return Step::Next(lt + 1);
        }
        self.prologue = false;
        let name = &rest[name_from..name_from + name_len];
        // The tag runs to the first `>` outside quotes.
        let Some((gt, class)) = tag_end(&rest[name_from + name_len..]) else {
            return if end {
                Step::Next(b.len())
            } else {
                Step::Next(lt).or_more(i)
            };
        };
        // Owned: the cut below moves on while the class is still read.
        let class = class.map(|c| String::from_utf8_lossy(c).into_owned());
        let next = lt + name_from + name_len + gt + 1;
        let at = self.base + lt as u64;
        if rest
            .get(name_from + name_len)
            .is_some_and(|c| !ends_name(*c))
        {
            // `<div-x>`: a parser reads another name than the one here.
            self.nest.lose();
        }
        if class.as_deref().is_some_and(|c| c.contains('&')) {
            // A character reference in a class: a parser reads classes
            // this does not see.
            self.seen.whole = true;
        }
        let is_div = name.eq_ignore_ascii_case(b"div");
        let has = |c: &str| {
            class
                .as_deref()
                .is_some_and(|cl| cl.split_ascii_whitespace().any(|x| x == c))
        };
        if close {
            let mark = self.nest.end(name);
            if (mark == Mark::ContentsEnd && self.mode == Mode::Wall)
                || (mark == Mark::BlockEnd && self.mode == Mode::Blocks)
            {
                // The end of the `div.contents` (the last wall part ends
                // with it; nothing after it is walked) or of a photo block.
                if let Some((_, start)) = self.item.take() {
                    self.close_group(start, next, out);
                }
            }
            if is_div {
                self.depth = self.depth.saturating_sub(1);
                if self.thread == Some(self.depth) {
                    self.thread = None;
                }
                if let Some((d, start)) = self.item
                    && self.depth == d
                {
                    self.item = None;
                    self.hand_over(start, next, out);
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
        match (self.nest.start(name, &has), self.mode) {
            // A wall item that can be cut off: the part before it ends.
            (Mark::WallItem(divs), Mode::Wall) => self.wall_cut(at, lt, divs, out),
            (Mark::Block, Mode::Blocks) => self.item = Some((u64::MAX, at)),
            _ => {}
        }
        if is_div {
            if has("thread") {
                self.seen.threads = self.seen.threads.saturating_add(1);
                match self.thread {
                    Some(_) => self.seen.nested_thread = true,
                    None => self.thread = Some(self.depth),
                }
            } else if has("message")
                && self
                    .thread
                    .is_some_and(|d| d.checked_add(1) == Some(self.depth))
            {
                self.seen.thread_messages = true;
            }
            if has("block") {
                self.seen.blocks = self.seen.blocks.saturating_add(1);
            }
            if has("contents") {
                self.seen.contents = true;
            }
            let starts = match self.mode {
                Mode::Threads => has("thread"),
                Mode::Entries => has("_a6-g") || (has("pam") && has("_3-95")),
                Mode::Wall | Mode::Blocks => false,
            };
            if self.item.is_none() && starts {
                self.item = Some((self.depth, at));
            }
            self.depth = self.depth.saturating_add(1);
        } else if has("_a6-g") {
            self.seen.whole = true;
        }
        Step::Next(next)
    }
}

/// The elements open at the scan position, as an HTML parser (the
/// HTML standard's tree construction, "in body") opens and closes them,
/// for the plain markup of ≤2018 pages: `div`, `p`, `span`, lists,
/// headings, the formatting elements properly nested, void elements,
/// and tables of rows and cells of text. Anything else (forms, raw-text
/// elements this file does not skip, formatting elements closed out of
/// order, which a parser keeps re-opening) makes it `lost`: it stops
/// following, and nothing is cut after that point.
#[derive(Default)]
struct Nest {
    /// Open elements (names as in `TRACKED`, and `table`) and, for a
    /// `div`, whether the wall walk goes into it (`wall_walk` in
    /// ../html.rs).
    open: Vec<(&'static [u8], bool)>,
    /// The index in `open` of the first `div.contents`, while it is open.
    contents: Option<usize>,
    /// The first `div.contents` was closed.
    closed: bool,
    /// The index in `open` of the `table` being read: inside it only
    /// table parts and text are followed.
    table: Option<usize>,
    /// The index in `open` of the `div.block` being read.
    block: Option<usize>,
    /// A `div.block` that cannot be cut off: inside another, with other
    /// elements than `div`s open around it, or with markup `Nest` does
    /// not follow inside it or before it.
    odd_block: bool,
    lost: bool,
}

/// What a tag meant to `Nest`.
#[derive(Debug, PartialEq, Eq)]
enum Mark {
    None,
    /// A `div.meta` the wall walk reads as an item start, with only the
    /// `div.contents` and this many plain `div`s open around it.
    WallItem(u64),
    /// The end of the first `div.contents`.
    ContentsEnd,
    /// A `div.block` with only `div`s open around it; its end.
    Block,
    BlockEnd,
}

/// Elements `Nest` follows (from `a` on, HTML's formatting elements).
const TRACKED: &[&[u8]] = &[
    b"div", b"p", b"span", b"ul", b"ol", b"li", b"h1", b"h2", b"h3", b"h4", b"h5", b"h6", b"a",
    b"b", b"big", b"code", b"em", b"font", b"i", b"nobr", b"s", b"small", b"strike", b"strong",
    b"tt", b"u",
];

/// Start tags that open nothing that stays open in the body: void
/// elements, and those a parser ignores there or that are raw text this
/// file skips to their end tag (`Cutter::raw`).
const NO_NEST: &[&[u8]] = &[
    b"br",
    b"img",
    b"wbr",
    b"meta",
    b"link",
    b"input",
    b"area",
    b"embed",
    b"source",
    b"track",
    b"param",
    b"base",
    b"col",
    b"keygen",
    b"html",
    b"head",
    b"body",
    b"script",
    b"style",
    b"title",
    b"textarea",
];

/// What a table of text holds besides text: a parser opens and closes
/// these inside the table, and `</table>` closes them all.
const TABLE_PARTS: &[&[u8]] = &[
    b"tbody",
    b"thead",
    b"tfoot",
    b"tr",
    b"th",
    b"td",
    b"caption",
    b"colgroup",
    b"col",
    b"br",
    b"img",
];

/// More elements open than real pages nest: stop following.
const MAX_NEST: usize = 4096;

fn tracked(name: &[u8]) -> Option<&'static [u8]> {
    TRACKED
        .iter()
        .find(|t| t.eq_ignore_ascii_case(name))
        .copied()
}

fn is_heading(name: &[u8]) -> bool {
    matches!(name, b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6")
}

impl Nest {
    fn top(&self) -> Option<&'static [u8]> {
        self.open.last().map(|(n, _)| *n)
    }

    /// The index of the innermost open element that `is`.
    fn find(&self, is: impl Fn(&[u8]) -> bool) -> Option<usize> {
        self.open.iter().rposition(|(n, _)| is(n))
    }

    /// Stops following; a `div.block` open cannot be cut off.
    fn lose(&mut self) {
        self.lost = true;
        if self.block.is_some() {
            self.odd_block = true;
        }
    }

    /// Closes an open `p`, as a block's start tag does: only a `p` on
    /// top is followed.
    fn close_p(&mut self) {
        match self.find(|n| n == b"p") {
            None => {}
            Some(j) if j.checked_add(1) == Some(self.open.len()) => {
                self.open.pop();
            }
            Some(_) => self.lose(),
        }
    }

    /// Closes the element at `j` and what is above it, as an end tag
    /// does after closing the elements it implies (`p`, `li`); anything
    /// else above it is not followed.
    fn close_to(&mut self, j: usize) -> Mark {
        let above = self.open.get(j.saturating_add(1)..).unwrap_or(&[]);
        if !above.iter().all(|(n, _)| *n == b"p" || *n == b"li") {
            self.lose();
            return Mark::None;
        }
        self.open.truncate(j);
        let mut mark = Mark::None;
        if self.contents.is_some_and(|c| c >= j) {
            self.contents = None;
            self.closed = true;
            mark = Mark::ContentsEnd;
        }
        if self.block.is_some_and(|b| b >= j) {
            self.block = None;
            mark = Mark::BlockEnd;
        }
        mark
    }

    /// A start tag with the classes `has` says.
    fn start(&mut self, name: &[u8], has: &dyn Fn(&str) -> bool) -> Mark {
        let mark = self.start_tag(name, has);
        if mark != Mark::Block && name.eq_ignore_ascii_case(b"div") && has("block") {
            self.odd_block = true;
        }
        mark
    }

    fn start_tag(&mut self, name: &[u8], has: &dyn Fn(&str) -> bool) -> Mark {
        if self.lost || NO_NEST.iter().any(|t| t.eq_ignore_ascii_case(name)) {
            return Mark::None;
        }
        if self.table.is_some() {
            // Cells of text, as photo pages' EXIF rows.
            if !TABLE_PARTS.iter().any(|t| t.eq_ignore_ascii_case(name)) {
                self.lose();
            }
            return Mark::None;
        }
        if name.eq_ignore_ascii_case(b"hr") {
            self.close_p();
            return Mark::None;
        }
        if name.eq_ignore_ascii_case(b"table") {
            // Whether a `table` closes an open `p` depends on the quirks
            // mode: not followed.
            if self.find(|n| n == b"p").is_some() {
                self.lose();
            } else {
                self.table = Some(self.open.len());
                self.open.push((b"table", false));
            }
            return Mark::None;
        }
        let Some(tag) = tracked(name) else {
            self.lose();
            return Mark::None;
        };
        match tag {
            b"div" | b"p" | b"ul" | b"ol" => self.close_p(),
            b"li" => {
                // An open `li` is closed first, unless a list or heading
                // (where a parser stops looking) lies between.
                if let Some(j) = self.find(|n| matches!(n, b"li" | b"ul" | b"ol") || is_heading(n))
                    && self.open.get(j).map(|(n, _)| *n) == Some(b"li")
                {
                    self.close_to(j);
                }
                self.close_p();
            }
            t if is_heading(t) => {
                self.close_p();
                if self.top().is_some_and(is_heading) {
                    self.lose();
                }
            }
            // A second `a` or `nobr` inside one: the parser closes the
            // first, out of order.
            b"a" | b"nobr" if self.find(|n| n == tag).is_some() => self.lose(),
            _ => {}
        }
        let mut mark = Mark::None;
        let only_divs = self.open.iter().all(|(n, _)| *n == b"div");
        if tag == b"div" && !self.lost {
            if has("block") && only_divs && self.block.is_none() {
                self.block = Some(self.open.len());
                mark = Mark::Block;
            }
            if has("contents") && self.contents.is_none() && !self.closed {
                if only_divs {
                    self.contents = Some(self.open.len());
                } else {
                    self.lose();
                }
            } else if has("meta")
                && mark == Mark::None
                && let Some(c) = self.contents
            {
                let inside = self.open.get(c..).unwrap_or(&[]);
                if inside.iter().all(|(n, walk)| *n == b"div" && *walk) {
                    mark = Mark::WallItem(inside.len().saturating_sub(1) as u64);
                }
            }
        }
        let walk = !["meta", "comment", "thread", "block", "nav", "footer"]
            .iter()
            .any(|c| has(c));
        self.open.push((tag, walk));
        if self.open.len() > MAX_NEST {
            self.lose();
        }
        if self.lost { Mark::None } else { mark }
    }

    /// An end tag.
    fn end(&mut self, name: &[u8]) -> Mark {
        if self.lost {
            return Mark::None;
        }
        if let Some(t) = self.table {
            if name.eq_ignore_ascii_case(b"table") {
                self.open.truncate(t);
                self.table = None;
            } else if !TABLE_PARTS.iter().any(|p| p.eq_ignore_ascii_case(name)) {
                self.lose();
            }
            return Mark::None;
        }
        let Some(tag) = tracked(name) else {
            // Not open (a parser ignores it), or `</br>`, `</body>`, …
            return Mark::None;
        };
        match tag {
            b"div" | b"ul" | b"ol" | b"p" => match self.find(|n| n == tag) {
                Some(j) => self.close_to(j),
                None => Mark::None,
            },
            b"li" => {
                // Closed only if no list lies between.
                match self.find(|n| matches!(n, b"li" | b"ul" | b"ol")) {
                    Some(j) if self.open.get(j).map(|(n, _)| *n) == Some(b"li") => self.close_to(j),
                    _ => Mark::None,
                }
            }
            t if is_heading(t) => match self.find(is_heading) {
                Some(j) => self.close_to(j),
                None => Mark::None,
            },
            _ => {
                match self.find(|n| n == tag) {
                    None => {}
                    Some(j) if j.checked_add(1) == Some(self.open.len()) => {
                        self.open.pop();
                    }
                    // A `span` or formatting element closed over others.
                    Some(_) => self.lose(),
                }
                Mark::None
            }
        }
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

/// Text at byte `at` of the page that an HTML parser skips before a
/// `<!DOCTYPE`: white space, and a BOM at the start.
fn is_blank(text: &[u8], at: u64) -> bool {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    text.iter().zip(at..).all(|(c, k)| {
        c.is_ascii_whitespace() || usize::try_from(k).ok().and_then(|k| BOM.get(k)) == Some(c)
    })
}

#[cfg(test)]
#[path = "cut_tests.rs"]
mod tests;

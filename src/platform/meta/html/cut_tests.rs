//! Pages cut into items against the whole-page parse they replace: same
//! records, order, fields and outcome, however the bytes arrive.

use super::*;
use crate::platform::EntryOutcome;
use crate::platform::meta::Flavor;
use crate::platform::meta::testing::sample_dirs;

/// Hands out at most `n` bytes per read, so items straddle chunks.
struct Chunked<'a> {
    data: &'a [u8],
    n: usize,
}

impl Read for Chunked<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let k = self.n.min(buf.len()).min(self.data.len());
        buf[..k].copy_from_slice(&self.data[..k]);
        self.data = &self.data[k..];
        Ok(k)
    }
}

fn run(f: &mut dyn FnMut(&mut Ctx)) -> String {
    let resolve = |u: &str| Some(format!("archive/{u}"));
    let mut recs = Vec::new();
    let mut out = EntryOutcome::default();
    let mut emit = |r| recs.push(r);
    let mut ctx = Ctx {
        flavor: Flavor::Facebook,
        account: "Northdale NHS",
        entry: "your_facebook_activity/posts/your_posts_1.html",
        resolve: &resolve,
        emit: &mut emit,
        out: &mut out,
        bad_dates: 0,
        first_bad: None,
    };
    f(&mut ctx);
    format!("{recs:#?}\n{out:?}")
}

/// What `read_html_whole` does, without the archive.
fn whole(ctx: &mut Ctx, html: &[u8], page: Page) {
    let text = String::from_utf8_lossy(html);
    if let Err(e) = std::str::from_utf8(html) {
        ctx.out.warn(format!(
            "{}: not valid UTF-8 at byte {}; invalid bytes were replaced",
            ctx.entry,
            e.valid_up_to()
        ));
    }
    ctx.page(&text, page);
}

/// Wall-part groups the cut is tried with: each part alone, a few parts
/// together, the whole test page in one group.
const GROUPS: [usize; 3] = [1, 100, 1 << 20];

/// (whole, cut into items with `chunk`-byte reads and `limit`-byte items,
/// and whether the page was cut rather than read whole); the cut the same
/// with every size in `GROUPS`.
fn whole_and_cut(html: &[u8], page: Page, chunk: usize, limit: usize) -> (String, String, bool) {
    let w = run(&mut |ctx| whole(ctx, html, page));
    let mut first: Option<(String, bool)> = None;
    for group in GROUPS {
        let (c, cut) = cut_grouped(html, page, chunk, limit, group);
        match &first {
            Some(f) => assert_eq!(
                (&f.0, f.1),
                (&c, cut),
                "group {group}, chunk {chunk}: {}",
                String::from_utf8_lossy(html)
            ),
            None => first = Some((c, cut)),
        }
    }
    let (c, cut) = first.unwrap_or_default();
    (w, c, cut)
}

/// The page cut with wall parts joined up to `group` bytes, and whether
/// it was cut.
fn cut_grouped(
    html: &[u8],
    page: Page,
    chunk: usize,
    limit: usize,
    group: usize,
) -> (String, bool) {
    let mut cut = true;
    let c = run(&mut |ctx| {
        let mut read = |f: &mut dyn FnMut(&mut dyn Read)| {
            f(&mut Chunked {
                data: html,
                n: chunk,
            });
            Ok(())
        };
        if read_page(&mut read, page, limit, limit, group, ctx) == Walked::Whole {
            cut = false;
            whole(ctx, html, page);
        }
    });
    (c, cut)
}

fn same(html: &[u8], page: Page) -> bool {
    let mut cut = false;
    for chunk in [1, 7, 64 << 10] {
        let (w, c, was_cut) = whole_and_cut(html, page, chunk, MAX_LEGACY);
        assert_eq!(w, c, "chunk {chunk}: {}", String::from_utf8_lossy(html));
        cut = was_cut;
    }
    cut
}

const BLUEBAR: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8" /><title>Your Posts &lt;div class="_a6-g"&gt;</title>
<style type="text/css">div._a6-g{color:red} /* <div class="pam _3-95"> */</style>
<script>var s = "<div class='_a6-g'>"; if (a < b) {}</script></head><body class="_5vb_ _2yq _4yic">
<div class="clearfix _ikh"><div class="_4bl9"><div class="_li"><div class="_3a_u"><div class="_4t5n" role="main">
<!-- a comment <div class="pam _3-95"> -->
<div class="pam _3-95 _2pi0 _2lej uiBoxWhite noborder"><div class="_3-96 _2pio _2lek _2lel">Northdale NHS updated their status.</div><div class="_3-96 _2let"><div><div class="_2pin"><div>Flu clinic on Ward 7 today &amp; tomorrow. Call 01632 960123</div></div></div></div><div class="_3-94 _2lem"><a href="https://www.facebook.com/x">Jun 12, 2012, 2:15 PM</a></div></div>
<div class="pam _3-95 _2pi0 _2lej uiBoxWhite noborder"><div class="_3-96 _2pio _2lek _2lel">Checked in</div><div class="_3-96 _2let"><table><tr><td>Latitude</td><td>53.48</td></tr><tr><td>Longitude</td><td>-2.24</td></tr></table><img src="posts/media/1.jpg"></div><div class="_3-94 _2lem">not a date</div></div>
<div class="pam _3-95 _2pi0 _2lej uiBoxWhite noborder"><div class="_3-96 _2pio _2lek _2lel">Nested</div><div class="_2pin"><div class="pam _3-95">inner entry text</div></div><div class="_3-94 _2lem">Jun 13, 2012, 2:15 PM</div></div>
<DIV CLASS='_a6-g'>upper-case tag, single quotes<div class="_a6-p">body</div></DIV>
<div class=_a6-g data-x="a > b">unquoted class<div class="_a6-p">caf&eacute; €</div></div>
<div class="_a6-g"></div>
</div></div></div></div></div></body></html>"#;

const MODERN_MESSAGES: &str = r#"<html><body><div class="_a706" role="main">
  <div class="_3-95 _a6-g"><div class="_2ph_ _a6-h _a6-i">Jane Patient</div>
    <div class="_2ph_ _a6-p"><div><div></div><div><div><a href="messages/inbox/j_1/photos/4567.jpg"><img src="messages/inbox/j_1/photos/4567.jpg" class="_a6o_" /></a></div></div></div></div>
    <div class="_3-94 _a6-o"><div class="_a72d">Aug 17, 2025 11:23 am</div></div></div>
  <div class="_3-95 _a6-g"><div class="_2ph_ _a6-h _a6-i">Northdale NHS</div>
    <div class="_2ph_ _a6-p"><div>Thanks!<br>See you</div></div>
    <div class="_3-94 _a6-o"><div class="_a72d">Aug 17, 2025 11:26 am</div></div></div>
</div></body></html>"#;

const PROFILE: &str = r#"<html><body><div class="_a6-g"><div class="_a6-h">Contact</div><div class="_a6-p"><table><tr><td>Email</td><td>a@b.nhs.uk</td></tr><tr><th>Phone number</th><td>+44 1632 960123</td></tr></table></div></div></body></html>"#;

/// A ≤2018 wall page: cut per wall item.
const LEGACY: &str = r#"<html><body><div class="contents"><h1>N</h1><div><p><div class="meta">Tuesday, 12 June 2012 at 14:15 UTC+01</div>N updated their status.<div class="comment">Ward 7</div></p></div></div></body></html>"#;

/// A ≤2018 Messenger page: every thread in one page, cut per thread.
const LEGACY_MESSAGES: &str = r#"<html><head><title>N - Messages <div class="thread"></title>
<script>var t = '<div class="thread">';</script></head><body><div class="nav"><ul><li><a href="../html/wall.htm">Wall</a></li></ul></div>
<div class="contents"><h1>Northdale NHS</h1><!-- <div class="thread"> -->
<div>
<div class="thread">Northdale NHS, Jane Patient &amp; co
<div class="message"><div class="message_header"><span class="user">Jane Patient</span><span class="meta">Tuesday, 12 June 2012 at 14:15 UTC+01</span></div></div>
<p>Results from Ward 7? caf&eacute; €</p>
<div class="message"><div class="message_header"><span class="user">Northdale NHS</span><span class="meta">not a date</span></div></div>
<div class="message"><div class="message_header"><span class="user">Jane Patient</span><span class="meta">Friday, October 4, 2013 at 10:05pm PDT</span></div></div>
<p>Call <a href="https://x.example/">01632 960123</a></p><p>a stray paragraph</p>
</div>
<div class="thread">
<div class="message"><div class="message_header"><span class="user">A</span><span class="meta">June 1, 2014 at 9:00am UTC</span></div></div>
late title, A
<p>no title before</p>
</div>
<div class="thread"></div>
<div class="thread">Jane Patient<div class="message"><div class="message_header"><span class="user">Jane Patient</span><span class="meta">oops</span></div></div></div>
</div>
</div></body></html>"#;

#[test]
fn legacy_messenger_pages_are_cut_per_thread() {
    assert!(same(LEGACY_MESSAGES.as_bytes(), Page::Messages));
    assert!(same(LEGACY_MESSAGES.as_bytes(), Page::Posts));
    // Bad UTF-8 inside a thread and outside; a BOM.
    let mut bad = b"\xEF\xBB\xBF".to_vec();
    bad.extend_from_slice(
        LEGACY_MESSAGES
            .replace("Results", "Res\u{FFFD}ults")
            .as_bytes(),
    );
    bad.extend_from_slice(b"<div class=\"thread\">x\xE2\x82<div class=\"message\"></div></div>");
    assert!(same(&bad, Page::Messages));
    // Read whole: a thread in a thread, threads without messages (what
    // else the page holds is read).
    for page in [
        r#"<div class="thread">a<div class="thread">b<div class="message"></div></div></div>"#,
        r#"<div class="thread">a</div><div class="pam _3-95"><div class="_2pin">post</div></div>"#,
        r#"<div class="contents"><div class="thread">a</div><div class="meta">June 1, 2014</div>hi</div>"#,
    ] {
        assert!(!same(page.as_bytes(), Page::Messages), "{page}");
    }
    // A `div.message` not directly in its thread: cut, found to give
    // nothing, then read whole, with the UTF-8 warning once.
    let hidden: &[u8] = b"<div class=\"thread\">a<span>\xFF<div class=\"message\"></div></span></div><div class=\"_a6-g\"><div class=\"_a6-p\">x</div></div>";
    for chunk in [1, 7, 64 << 10] {
        let (w, c, _) = whole_and_cut(hidden, Page::Messages, chunk, MAX_ITEM);
        assert_eq!(w, c);
        assert_eq!(c.matches("not valid UTF-8").count(), 1, "{c}");
        assert!(c.contains("\"x\""), "{c}");
    }
}

#[test]
fn a_legacy_messenger_page_cut_anywhere_gives_what_the_whole_page_gives() {
    for end in 0..=LEGACY_MESSAGES.len() {
        let Some(cut) = LEGACY_MESSAGES.get(..end) else {
            continue;
        };
        for chunk in [1, 7, 64 << 10] {
            let (w, c, _) = whole_and_cut(cut.as_bytes(), Page::Messages, chunk, MAX_ITEM);
            assert_eq!(w, c, "chunk {chunk}: {cut}");
        }
    }
}

#[test]
fn a_giant_thread_is_skipped_with_one_warning_and_the_rest_kept() {
    let msg = |t: &str| {
        format!(
            r#"<div class="message"><div class="message_header"><span class="user">A</span><span class="meta">June 1, 2014</span></div></div><p>{t}</p>"#
        )
    };
    let page = format!(
        r#"<html><body><div class="thread">A, B{}</div><div class="thread">A, C{}</div><div class="thread">A, D{}</div></body></html>"#,
        msg("first"),
        msg(&"x".repeat(5000)),
        msg("last")
    );
    for chunk in [1, 100, 64 << 10] {
        let (_, c, cut) = whole_and_cut(page.as_bytes(), Page::Messages, chunk, 1000);
        assert!(cut);
        assert!(c.contains("\"first\"") && c.contains("\"last\""), "{c}");
        assert!(!c.contains("xxxx"), "{c}");
        assert_eq!(
            c.matches("your_posts_1.html: the thread at byte 180 is 5163 bytes, more than the 1000 read of one thread; it was skipped").count(),
            1,
            "{c}"
        );
    }
}

#[test]
fn pages_cut_into_items_give_the_same_records_as_whole_pages() {
    assert!(same(BLUEBAR.as_bytes(), Page::Posts));
    assert!(same(MODERN_MESSAGES.as_bytes(), Page::Messages));
    assert!(same(PROFILE.as_bytes(), Page::Profile));
    assert!(same(BLUEBAR.as_bytes(), Page::Comments));
    assert!(same(LEGACY.as_bytes(), Page::Posts));
    // Not UTF-8 in and out of items; a BOM; nothing at all.
    let mut bad = b"\xEF\xBB\xBF<html><body>\xFF".to_vec();
    bad.extend_from_slice(
        MODERN_MESSAGES
            .replace("Thanks!", "Thanks\u{FFFD}")
            .as_bytes(),
    );
    bad.extend_from_slice(b"<div class=\"_a6-g\">x\xE2\x82</div>");
    assert!(same(&bad, Page::Messages));
    assert!(same(b"", Page::Posts));
    assert!(same(b"<html><body>no items</body></html>", Page::Posts));
    // A tag longer than an item may be: read whole.
    let long_tag = format!(
        "<div class=\"_a6-g\">a</div><img alt=\"{}\">",
        "y".repeat(200)
    );
    let (w, c, cut) = whole_and_cut(long_tag.as_bytes(), Page::Posts, 16, 100);
    assert_eq!((w, cut), (c, false));
    // A non-`div` item is read whole.
    assert!(!same(b"<section class=\"_a6-g\">x</section>", Page::Posts));
}

#[test]
fn a_page_cut_mid_item_gives_what_the_whole_page_parse_gives() {
    for page in [BLUEBAR, MODERN_MESSAGES] {
        for end in (0..page.len()).step_by(3) {
            let Some(cut) = page.get(..end) else { continue };
            same(cut.as_bytes(), Page::Posts);
        }
    }
}

#[test]
fn a_giant_item_is_skipped_with_one_warning_and_the_rest_kept() {
    let giant = format!(
        r#"<html><body><div class="_a6-g"><div class="_a6-p">first</div></div><div class="_a6-g"><div class="_a6-p">{}</div><div><div>deep</div></div></div><div class="_a6-g"><div class="_a6-p">last</div></div></body></html>"#,
        "x".repeat(5000)
    );
    for chunk in [1, 100, 64 << 10] {
        let (_, c, cut) = whole_and_cut(giant.as_bytes(), Page::Posts, chunk, 1000);
        assert!(cut);
        assert!(c.contains("\"first\"") && c.contains("\"last\""), "{c}");
        assert!(!c.contains("xxxx"), "{c}");
        assert_eq!(
            c.matches("your_posts_1.html: the item at byte 67 is 5076 bytes, more than the 1000 read of one item; it was skipped").count(),
            1,
            "{c}"
        );
    }
    // Still open at the end of the page: skipped too.
    let open = &giant[..giant.find("deep").unwrap()];
    let (_, c, _) = whole_and_cut(open.as_bytes(), Page::Posts, 64, 1000);
    assert!(
        c.contains("it was skipped") && c.contains("\"first\""),
        "{c}"
    );
}

#[test]
fn no_input_makes_the_cutter_panic() {
    let inputs: &[&[u8]] = &[
        b"<",
        b"</",
        b"<div",
        b"<div class",
        b"<div class=",
        b"<div class=\"",
        b"</div>",
        b"</div></div><div class=_a6-g>",
        b"<!--",
        b"<!-- -",
        b"<script>",
        b"<script></scr",
        b"<!DOCTYPE",
        b"<div class=\"_a6-g\"><textarea></div>",
        b"\xFF\xFE<\0d\0",
        b"<a b='>'><div class='_a6-g'>x",
        b"<<<>>>",
        b"<div\x00class=_a6-g>",
        b"<div class=thread><div class=message>",
        b"<div class=thread></div></div></div><div class=thread><div class=message></div>",
        b"<div class=thread><p>x</p><div class=message></div><script>",
    ];
    for input in inputs {
        for chunk in [1, 2, 64] {
            for limit in [0, 3, MAX_ITEM] {
                let _ = whole_and_cut(input, Page::Posts, chunk, limit);
            }
        }
        same(input, Page::Posts);
    }
}

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn every_sample_page_gives_the_same_records_cut() {
    let mut n = 0;
    let mut legacy = 0;
    for platform in ["facebook", "instagram"] {
        for dir in sample_dirs(platform) {
            let mut stack = vec![dir];
            while let Some(d) = stack.pop() {
                for e in std::fs::read_dir(&d).unwrap() {
                    let p = e.unwrap().path();
                    if p.is_dir() {
                        stack.push(p);
                    } else if p.extension().is_some_and(|x| x == "html" || x == "htm") {
                        let html = std::fs::read(&p).unwrap();
                        for page in [Page::Posts, Page::Messages, Page::Profile, Page::Photos] {
                            let cut = same(&html, page);
                            // ≤2018 Messenger pages are cut per thread,
                            // photo pages per block.
                            let text = String::from_utf8_lossy(&html);
                            if text.contains("class=\"thread\"") != text.contains("class=\"block\"")
                            {
                                assert!(cut, "{}", p.display());
                                legacy += 1;
                            }
                        }
                        n += 1;
                    }
                }
            }
        }
    }
    assert!(n >= 4, "only {n} pages");
    // The Messenger page and the photo page, as four kinds of page each.
    assert!(legacy >= 8, "{legacy} ≤2018 pages");
}

/// A ≤2018 wall page in the shape Facebook wrote it
/// (src/platform/facebook/html_tests.rs): each item a `div.meta` date, a
/// line and a `div.comment`, inside a `<p>` a parser closes early.
const LEGACY_WALL: &str = r#"<html><head><meta charset="UTF-8"><title>N - Wall <div class="meta"></title></head><body>
<div class="nav"><img src="../photos/profile.jpg" /><ul><li><a href="../html/wall.htm">Wall</a></li><li class="selected">Timeline<li><a href="../html/messages.htm">Messages</a></li></ul></div>
<div class="contents"><h1>Northdale NHS</h1><div>
<p><div class="meta">Tuesday, 12 June 2012 at 14:15 UTC+01</div>Northdale NHS updated their status.<div class="comment">Flu clinic on Ward 7 today: caf&eacute; € 401 159 0835</div></p>
<p><div class="meta">Monday, 11 June 2012 at 09:00 UTC+01</div>Jane Public wrote on Northdale NHS's timeline.<div class="comment">Thank you</div></p>
<p><div class="meta">not a date</div>Northdale NHS shared a link.<a href="https://www.nhs.uk/conditions/flu/">https://www.nhs.uk/conditions/flu/</a><br>more text</p>
<!-- <div class="meta">Sunday, 1 June 2012</div> -->
<div class="meta">Sunday, 10 June 2012 at 08:00 UTC+01</div>No paragraph.<div class="comment">plain <b>bold</b> <span>span</span></div>
<script>var m = '<div class="meta">';</script>
</div></div><div class="footer">Downloaded by Northdale NHS on Friday, 1 December 2017 at 10:00 UTC<div class="meta">June 2, 2017</div></div></body></html>"#;

/// Wall pages whose markup goes beyond what Facebook wrote: each is
/// compared whole against cut (items inside other elements, elements
/// open across items, tables, lists, headings, raw text, stray end
/// tags, doctypes, a second `div.contents`).
const ODD_WALLS: &[&str] = &[
    r#"<div class="contents"><div class="meta">June 1, 2014</div>a<div class="meta">June 2, 2014</div>b</div>"#,
    r#"<div class="contents"><p><span><div class="meta">June 1, 2014</div>in a span</span></p><div class="meta">June 2, 2014</div>after</div>"#,
    r#"<div class="contents"><p><a href="https://x.example/">link<div class="meta">June 1, 2014</div>more</a></p><div class="meta">June 2, 2014</div>z</div>"#,
    r#"<div class="contents"><div class="meta">June 1, 2014</div><p><b>bold</p><div class="meta">June 2, 2014</div>still bold<a href="https://y.example/">y</a></div>"#,
    r#"<div class="contents"><div class="meta">June 1, 2014</div><p><a href="https://y.example/">a</p><div class="meta">June 2, 2014</div>reopened link</div>"#,
    r#"<div class="contents"><div class="comment"><div class="meta">June 1, 2014</div>x</div><div class="meta">June 2, 2014</div><div class="footer"><div class="meta">June 3, 2014</div></div><div class="nav"><div class="meta">June 4, 2014</div></div>y</div>"#,
    r#"<div class="contents"><div class="meta">June 1, 2014</div>t<table><tr><td><div class="meta">June 2, 2014</div>in a cell</td></tr>loose</table><div class="meta">June 3, 2014</div>after</div>"#,
    r#"<!DOCTYPE html><div class="contents"><p><div class="meta">June 1, 2014</div>t<p><table><tr><td>cell</table><div class="meta">June 3, 2014</div>after</div>"#,
    r#" <!-- c --><!doctype html><html><body><div class="contents"><div class="meta">June 1, 2014</div>a<div class="meta">June 2, 2014</div><p><table><td>x</table></div>"#,
    r#"text first<!DOCTYPE html><div class="contents"><div class="meta">June 1, 2014</div>a<div class="meta">June 2, 2014</div><p><table><td>x</table></div>"#,
    r#"<div class="contents"><ul><li>a<li><div class="meta">June 1, 2014</div>b</ul><div class="meta">June 2, 2014</div>c<ul><li><b>x<li>y</ul><div class="meta">June 3, 2014</div>d</div>"#,
    r#"<div class="contents"><h2>x<div class="meta">June 1, 2014</div></h2><h3><div class="meta">June 2, 2014</div>h3</h3><div class="meta">June 3, 2014</div>e<h4>a<h5>b</h4><div class="meta">June 4, 2014</div></div>"#,
    r#"<div class="contents"><div class="meta">June 1, 2014</div>a</div><div class="contents"><div class="meta">June 2, 2014</div>second</div>"#,
    r#"<div class="contents"><div class="contents"><div class="meta">June 1, 2014</div>a</div><div class="meta">June 2, 2014</div>b</div>"#,
    r#"<div class="contents"><div class="meta">June 1, 2014</div>a</div></div></div><div class="meta">June 2, 2014</div>after the end"#,
    r#"<div class="contents"><div class="meta">June 1, 2014</div>a</span></b></p></li></h1><div class="meta">June 2, 2014</div>b</div>"#,
    r#"<div class="contents"><div class="meta">June 1, 2014</div>open <span><b><i>"#,
    r#"<div class="contents"><div class="meta comment">June 1, 2014</div>a<DIV CLASS=meta>June 2, 2014</DIV>b<div class='meta'>June 3, 2014</div>c</div>"#,
    r#"<div class="contents"><div class="me&#97;ta">June 1, 2014</div>a<div class="&#110;av"><div class="meta">June 2, 2014</div>b</div></div>"#,
    r#"<div class="contents"><noscript><div class="meta">June 1, 2014</div></noscript><div class="meta">June 2, 2014</div>a<xmp><div class="meta">x</div></xmp><div class="meta">June 3, 2014</div></div>"#,
    r#"<div class="contents"><div class="meta">June 1, 2014</div><iframe><div class="meta">x</div></iframe><div class="meta">June 3, 2014</div></div>"#,
    r#"<div class="contents"><div class="meta">June 1, 2014</div><div-x><div class="meta">June 2, 2014</div></div-x>b<div class="meta">June 3, 2014</div></div>"#,
    r#"<div class="contents"><a href="https://a.example/">a<a href="https://b.example/">b<div class="meta">June 1, 2014</div>c</a></a><div class="meta">June 2, 2014</div></div>"#,
    r#"<div class="contents"><div class="meta">June 1, 2014</div>a<hr><br><img src="x.jpg"><wbr><div class="meta">June 2, 2014</div>b<p>c<hr>d</div>"#,
    r#"<html><body><div class="contents"><div class="meta">June 1, 2014</div>a</body><div class="meta">June 2, 2014</div>after body</html><div class="meta">June 3, 2014</div>after html"#,
    r#"<div class="contents"><body class="x"><head><div class="meta">June 1, 2014</div>a<title><div class="meta">t</div></title><textarea><div class="meta">t</textarea><div class="meta">June 2, 2014</div></div>"#,
    r#"<span><div class="contents"><div class="meta">June 1, 2014</div>a<div class="meta">June 2, 2014</div>b</div></span>"#,
    r#"<table><tr><td><div class="contents"><div class="meta">June 1, 2014</div>a<div class="meta">June 2, 2014</div>b</div></table>"#,
    r#"<div><p><div class="contents"><p><div class="meta">June 1, 2014</div>a</p></p><div class="meta">June 2, 2014</div>b<nobr>n<nobr>m<div class="meta">June 3, 2014</div></div></div>"#,
    r#"<div class="contents"><div class="meta">June 1, 2014</div>a<svg><div class="meta">June 2, 2014</div></svg><div class="meta">June 3, 2014</div></div>"#,
    r#"<div class="contents"><div class="meta">June 1, 2014</div>a<p><span>b<div class="meta">June 2, 2014</div>c</span><div class="meta">June 3, 2014</div><span>x</div><div class="meta">June 4, 2014</div>"#,
    r#"<div class="contents"><div class="meta">June 1, 2014</div><div class="meta">June 2, 2014</div><div class="meta"></div><div class="meta">June 3, 2014</div>"#,
    r#"<div class="contents"><div>before any item<div class="meta">Tuesday, 12 June 2012 at 14:15 UTC+01</div>x &amp; y<!-- c -->z<![CDATA[q]]><?pi?></div></div>"#,
];

#[test]
fn legacy_wall_pages_are_cut_per_item() {
    for page in [Page::Posts, Page::Comments, Page::Messages, Page::Photos] {
        assert!(same(LEGACY_WALL.as_bytes(), page));
    }
    // Cut into the page up to the first item and one part per item, the
    // last ending with the `div.contents`.
    let mut cutter = Cutter::with_mode(MAX_LEGACY, Mode::Wall);
    let mut parts = Vec::new();
    cutter.feed(LEGACY_WALL.as_bytes(), &mut |p| {
        if let Piece::Item { bytes, divs, .. } = p {
            parts.push((String::from_utf8_lossy(bytes).into_owned(), divs));
        }
    });
    cutter.finish(&mut |_| panic!("nothing after the contents"));
    assert_eq!(parts.len(), 5, "{parts:#?}");
    assert_eq!(parts[0].1, None);
    assert!(
        parts[1..]
            .iter()
            .all(|(p, d)| p.starts_with("<div class=\"meta\">") && *d == Some(1))
    );
    assert!(
        parts[4].0.ends_with("</script>\n</div></div>"),
        "{:?}",
        parts[4]
    );
    // Bad UTF-8 in and out of items; a BOM; no items.
    let mut bad = b"\xEF\xBB\xBF".to_vec();
    bad.extend_from_slice(LEGACY_WALL.replace("Thank", "Th\u{FFFD}ank").as_bytes());
    bad.extend_from_slice(b"<div class=\"meta\">x\xE2\x82</div>\xFF");
    assert!(same(&bad, Page::Posts));
    assert!(same(
        b"<div class=\"contents\"><h1>N</h1></div>",
        Page::Posts
    ));
}

#[test]
fn legacy_wall_pages_with_odd_nesting_give_what_the_whole_page_gives() {
    let mut cut = 0;
    for page in ODD_WALLS {
        // Cut, or read whole (a class with a character reference).
        cut += usize::from(same(page.as_bytes(), Page::Posts));
        // With the Facebook page around it too.
        let framed = LEGACY_WALL.replace("<h1>Northdale NHS</h1>", &format!("<h1>N</h1>{page}"));
        same(framed.as_bytes(), Page::Posts);
    }
    assert_eq!(cut, ODD_WALLS.len() - 1);
}

#[test]
fn legacy_wall_pages_made_of_random_parts_give_what_the_whole_page_gives() {
    const PARTS: &[&str] = &[
        "<div class=\"meta\">June 1, 2014</div>",
        "<div class=\"meta\">Tuesday, 12 June 2012 at 14:15 UTC+01</div>",
        "<div class=\"meta\">",
        "<div class=\"comment\">",
        "<div class=\"nav\">",
        "<div class=\"footer\">",
        "<div class=\"contents\">",
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<span>",
        "</span>",
        "<a href=\"https://x.example/\">",
        "<a href=\"../local.htm\">",
        "</a>",
        "<b>",
        "</b>",
        "<i>",
        "</i>",
        "<ul>",
        "<li>",
        "</li>",
        "</ul>",
        "<h1>",
        "</h1>",
        "<h3>",
        "</h3>",
        "<br>",
        "<hr>",
        "<table><tr><td>",
        "</td></tr></table>",
        "<script>x</script>",
        "<!-- c -->",
        "text ",
        "updated his status. ",
        " ",
        "&amp;",
        "</body>",
        "<textarea>",
        "</textarea>",
        "<nobr>",
        "<div class=\"block\">",
        "<img src=\"photos/1.jpg\">",
        "<table class=\"meta\"><tr><th>Latitude</th><td>53.4</td></tr><tr><th>Longitude</th><td>-2.2</td></tr>",
        "</table>",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    for _ in 0..400 {
        let mut page = String::from("<html><body><div class=\"contents\"><div>");
        let len = 5 + next(40);
        for _ in 0..len {
            page.push_str(PARTS[next(PARTS.len())]);
        }
        if next(2) == 0 {
            page.push_str("</div></div></body></html>");
        }
        for chunk in [1, 7, 64 << 10] {
            let (w, c, _) = whole_and_cut(page.as_bytes(), Page::Posts, chunk, MAX_LEGACY);
            assert_eq!(w, c, "chunk {chunk}: {page}");
        }
    }
}

#[test]
fn a_legacy_wall_page_cut_anywhere_gives_what_the_whole_page_gives() {
    for end in 0..=LEGACY_WALL.len() {
        let Some(cut) = LEGACY_WALL.get(..end) else {
            continue;
        };
        for chunk in [1, 7, 64 << 10] {
            let (w, c, _) = whole_and_cut(cut.as_bytes(), Page::Posts, chunk, MAX_LEGACY);
            assert_eq!(w, c, "chunk {chunk}: {cut}");
        }
    }
}

#[test]
fn a_giant_wall_item_is_skipped_with_one_warning_and_the_rest_kept() {
    let item = |t: &str| {
        format!(
            r#"<p><div class="meta">June 1, 2014</div>N updated his status.<div class="comment">{t}</div></p>"#
        )
    };
    let page = format!(
        r#"<html><body><div class="contents"><div>{}{}{}</div></div></body></html>"#,
        item("first"),
        item(&"x".repeat(5000)),
        item("last")
    );
    for chunk in [1, 100, 64 << 10] {
        let (_, c, cut) = whole_and_cut(page.as_bytes(), Page::Posts, chunk, 1000);
        assert!(cut);
        assert!(c.contains("\"first\"") && c.contains("\"last\""), "{c}");
        assert!(!c.contains("xxxx"), "{c}");
        assert_eq!(
            c.matches("your_posts_1.html: the wall item at byte 138 is 5091 bytes, more than the 1000 read of one wall item; it was skipped").count(),
            1,
            "{c}"
        );
    }
    // A deep page that cannot be cut: one part, skipped as a whole.
    let deep = format!(
        r#"<div class="contents"><table>{}</table></div>"#,
        item(&"y".repeat(5000))
    );
    let (_, c, _) = whole_and_cut(deep.as_bytes(), Page::Posts, 64, 1000);
    assert!(c.contains("the wall item at byte 0 is"), "{c}");
}

/// A ≤2018 photo page in the shape of the sample
/// (../shared/formats/facebook/addshore-facebook-data-image-exif/at-fced9a6/facebook-example/photos/1234.html).
const LEGACY_PHOTOS: &str = r#"<html><head><base href="../" /><title>N - Photos <div class="block"></title></head><body>
<div class="nav"><img src="photos/profile.jpg" /><ul><li><a href="index.htm">Profile</a></li><li class="selected">Photos</li></ul></div>
<div class="contents"><h1>N</h1>
<div class="block"><img src="https://scontent.example/v/1.jpg?oh=1&amp;oe=2" /><div><div class="meta">Thursday, 11 August 2016 at 19:25 UTC+01</div><table class="meta"><tr><th>Taken</th><td>1470939905</td></tr><tr><th>Latitude</th><td>53.48</td></tr><tr><th>Longitude</th><td>-2.24</td></tr><tr><th>Upload IP Address</th><td>0.0.0.0</td></tr></table></div></div>
<!-- <div class="block"> -->
<div class="block"><img src="photos/2.jpg" /><div><div class="meta">not a date</div><table class="meta"><tbody><tr><th>Taken</th><td>not a number</td></tr></tbody></table>caf&eacute; €</div></div>
<div class="block"></div>
<div class="block"><div class="meta">Saturday, 23 April 2016 at 13:29 UTC+01</div>
</div></body></html>"#;

/// Photo pages beyond the sample's shape: cut where the blocks stand
/// alone, read whole where not; the same records either way.
const ODD_PHOTOS: &[(&str, bool)] = &[
    (
        r#"<div class="block"><img src="a.jpg"></div><p><div class="block">b</div>"#,
        true,
    ),
    (
        r#"<div class="block"><table><tr><td>x</td></tr>loose<img src="z.jpg"></table><div class="meta">June 1, 2014</div></div><div class="block">2</div>"#,
        true,
    ),
    (
        r#"<div class="block"><div class="block"><img src="inner.jpg"></div><img src="outer.jpg"></div>"#,
        false,
    ),
    (
        r#"<p><span><div class="block"><img src="a.jpg"></div></span></p>"#,
        false,
    ),
    (
        r#"<p><b>x</p><div class="block"><img src="a.jpg"></div>"#,
        false,
    ),
    (
        r#"<div class="block"><b>x</div><div class="block">y</div>"#,
        false,
    ),
    (
        r#"<table><tr><td><div class="block"><img src="a.jpg"></div></td></tr></table>"#,
        false,
    ),
    (
        r#"<div class="block"><table><tr><td><div>in a cell</div></td></tr></table></div>"#,
        false,
    ),
    (
        r#"<div class="block">a</div><div class="thread"><div class="message"></div></div>"#,
        false,
    ),
    (
        r#"<div class="contents"><div class="meta">June 1, 2014</div>wall<div class="block"><img src="a.jpg"></div></div>"#,
        true,
    ),
    (
        r#"<div class="block"><img src="a.jpg"></div></div></div><div class="block"><img src="b.jpg">"#,
        true,
    ),
    (
        r#"<div class="block"><p><table><tr><td>x</table></div>"#,
        false,
    ),
    (
        r#"<!DOCTYPE html><div class="block"><img src="a.jpg"><table class="meta"><tr><th>Taken</th><td>1470939905</td></tr></table></div>"#,
        true,
    ),
    (
        r#"<div class="block contents"><img src="a.jpg"><div class="meta">June 1, 2014</div></div><div class="block">b</div>"#,
        true,
    ),
];

#[test]
fn legacy_photo_pages_are_cut_per_block() {
    for page in [Page::Photos, Page::Posts, Page::Messages] {
        assert!(same(LEGACY_PHOTOS.as_bytes(), page));
    }
    let mut cutter = Cutter::with_mode(MAX_LEGACY, Mode::Blocks);
    let mut blocks = 0;
    cutter.feed(LEGACY_PHOTOS.as_bytes(), &mut |p| {
        if let Piece::Item { bytes, .. } = p {
            assert!(bytes.starts_with(b"<div class=\"block\">"));
            blocks += 1;
        }
    });
    cutter.finish(&mut |_| panic!("every block was closed"));
    assert_eq!(blocks, 4);
    for (page, cut) in ODD_PHOTOS {
        assert_eq!(same(page.as_bytes(), Page::Photos), *cut, "{page}");
    }
    for end in 0..=LEGACY_PHOTOS.len() {
        let Some(cut) = LEGACY_PHOTOS.get(..end) else {
            continue;
        };
        for chunk in [1, 7, 64 << 10] {
            let (w, c, _) = whole_and_cut(cut.as_bytes(), Page::Photos, chunk, MAX_LEGACY);
            assert_eq!(w, c, "chunk {chunk}: {cut}");
        }
    }
}

#[test]
fn a_giant_photo_block_is_skipped_with_one_warning_and_the_rest_kept() {
    let block = |t: &str| {
        format!(
            r#"<div class="block"><img src="photos/{t}.jpg" /><div>{}</div></div>"#,
            "x".repeat(if t == "big" { 5000 } else { 1 })
        )
    };
    let page = format!(
        r#"<html><body><div class="contents">{}{}{}</div></body></html>"#,
        block("first"),
        block("big"),
        block("last")
    );
    for chunk in [1, 100, 64 << 10] {
        let (_, c, cut) = whole_and_cut(page.as_bytes(), Page::Photos, chunk, 1000);
        assert!(cut);
        assert!(
            c.contains("\"first.jpg\"") && c.contains("\"last.jpg\""),
            "{c}"
        );
        assert!(!c.contains("big.jpg"), "{c}");
        assert_eq!(
            c.matches("more than the 1000 read of one photo block; it was skipped")
                .count(),
            1,
            "{c}"
        );
    }
}

#[test]
fn joined_wall_parts_never_pass_the_cap() {
    let item = |t: &str| {
        format!(r#"<div class="meta">June 1, 2014</div>N wrote.<div class="comment">{t}</div>"#)
    };
    let mut page = String::from(r#"<html><body><div class="contents"><div>"#);
    for k in 0..200 {
        page.push_str(&item(&if k == 100 {
            "x".repeat(5000)
        } else {
            format!("item {k}")
        }));
    }
    page.push_str("</div></div></body></html>");
    for chunk in [1, 100, 64 << 10] {
        let mut cutter = Cutter::with_mode(1000, Mode::Wall).with_group(1 << 20);
        let (mut parts, mut long) = (Vec::new(), Vec::new());
        let mut take = |p: Piece| match p {
            Piece::Item { at, bytes, .. } => parts.push((at, bytes.len())),
            Piece::TooLong { at, len } => long.push((at, len)),
        };
        for c in page.as_bytes().chunks(chunk) {
            cutter.feed(c, &mut take);
        }
        cutter.finish(&mut take);
        // Joined up to the cap, the giant item alone and skipped, and
        // every byte of the page in one piece or the other.
        assert!(parts.len() > 2 && parts.len() < 40, "{parts:?}");
        assert!(parts.iter().all(|(_, len)| *len <= 1000), "{parts:?}");
        assert_eq!(long.len(), 1, "{long:?}");
        let mut all: Vec<(u64, u64)> = parts.iter().map(|(a, l)| (*a, *l as u64)).collect();
        all.extend(long.iter().copied());
        all.sort();
        let mut next = 0;
        for (at, len) in all {
            assert_eq!(at, next, "chunk {chunk}");
            next = at + len;
        }
    }
}

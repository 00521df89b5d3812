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

/// (whole, cut into items with `chunk`-byte reads and `limit`-byte items,
/// and whether the page was cut rather than read whole).
fn whole_and_cut(html: &[u8], page: Page, chunk: usize, limit: usize) -> (String, String, bool) {
    let w = run(&mut |ctx| whole(ctx, html, page));
    let mut cut = true;
    let c = run(&mut |ctx| {
        let mut read = |f: &mut dyn FnMut(&mut dyn Read)| {
            f(&mut Chunked {
                data: html,
                n: chunk,
            });
            Ok(())
        };
        if read_page(&mut read, page, limit, ctx) == Walked::Whole {
            cut = false;
            whole(ctx, html, page);
        }
    });
    (w, c, cut)
}

fn same(html: &[u8], page: Page) -> bool {
    let mut cut = false;
    for chunk in [1, 7, 64 << 10] {
        let (w, c, was_cut) = whole_and_cut(html, page, chunk, MAX_ITEM);
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

/// A ≤2018 page: read whole.
const LEGACY: &str = r#"<html><body><div class="contents"><h1>N</h1><div><p><div class="meta">Tuesday, 12 June 2012 at 14:15 UTC+01</div>N updated their status.<div class="comment">Ward 7</div></p></div></div></body></html>"#;

#[test]
fn pages_cut_into_items_give_the_same_records_as_whole_pages() {
    assert!(same(BLUEBAR.as_bytes(), Page::Posts));
    assert!(same(MODERN_MESSAGES.as_bytes(), Page::Messages));
    assert!(same(PROFILE.as_bytes(), Page::Profile));
    assert!(same(BLUEBAR.as_bytes(), Page::Comments));
    assert!(!same(LEGACY.as_bytes(), Page::Posts));
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
                        for page in [Page::Posts, Page::Messages, Page::Profile] {
                            same(&html, page);
                        }
                        n += 1;
                    }
                }
            }
        }
    }
    assert!(n >= 4, "only {n} pages");
}

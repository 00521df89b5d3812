//! The list cutter against pages written here: each page is fed whole,
//! in small chunks and one byte at a time, which must cut the same; the
//! whole-page parse (`html::items` on the page) stays the reference.

use super::*;
use crate::platform::youtube::html;

#[derive(Debug, PartialEq, Eq)]
enum Cut {
    Item(u64, String),
    TooLong(u64, u64),
}

/// The pieces of `page` fed in chunks of `chunk` bytes, with the
/// cutter's largest buffer.
fn cut_by(page: &[u8], chunk: usize, limit: usize) -> (Vec<Cut>, usize) {
    let mut cutter = Cutter::new(limit);
    let mut pieces = Vec::new();
    let mut most = 0;
    let mut out = |p: Piece| match p {
        Piece::Item { at, bytes } => {
            pieces.push(Cut::Item(at, String::from_utf8_lossy(bytes).into()))
        }
        Piece::TooLong { at, len } => pieces.push(Cut::TooLong(at, len)),
    };
    for c in page.chunks(chunk.max(1)) {
        cutter.feed(c, &mut out);
        most = most.max(cutter.buf.len());
    }
    cutter.finish(&mut out);
    (pieces, most)
}

/// The pieces of `page`, checked to be the same whichever way it is fed.
fn cut(page: &str) -> Vec<Cut> {
    let (whole, _) = cut_by(page.as_bytes(), usize::MAX, MAX_ITEM);
    for chunk in [1, 2, 3, 7, 64] {
        let (v, _) = cut_by(page.as_bytes(), chunk, MAX_ITEM);
        assert_eq!(v, whole, "fed {chunk} bytes at a time");
    }
    whole
}

fn texts(page: &str) -> Vec<String> {
    cut(page)
        .into_iter()
        .map(|c| match c {
            Cut::Item(_, s) => s,
            Cut::TooLong(at, len) => format!("too long at {at}: {len}"),
        })
        .collect()
}

#[test]
fn items_are_cut_at_their_li_tags_and_offsets_are_the_pages() {
    let page = "<html><body><ul><li>one<br>a</li>\n<li>two</li></ul></body></html>";
    assert_eq!(
        cut(page),
        [
            Cut::Item(16, "<li>one<br>a</li>".into()),
            Cut::Item(34, "<li>two</li>".into())
        ]
    );
    assert!(cut("").is_empty());
    assert!(cut("<html><body><p>no list</p></body></html>").is_empty());
}

#[test]
fn nested_tags_and_lists_stay_inside_their_item() {
    assert_eq!(
        texts(
            "<ul><li>a <b>b <i>c</i></b><ul><li>x</li><li>y<ol><li>z</li></ol></li></ul>tail</li><li>next</li></ul>"
        ),
        [
            "<li>a <b>b <i>c</i></b><ul><li>x</li><li>y<ol><li>z</li></ol></li></ul>tail</li>",
            "<li>next</li>"
        ]
    );
}

#[test]
fn li_in_attributes_comments_and_raw_text_is_not_a_tag() {
    assert_eq!(
        texts(concat!(
            "<head><title>a <li> b</title><style>li{} /* </li> */</style>",
            "<script>var s = \"</li><li>\";</SCRIPT ></head><ul>",
            "<!-- <li>commented</li> --><? <li> ?><!x <li>>",
            "<li data-x=\"<li>\" title='a > </li>' alt=b>one<textarea></li><li></textarea></li>",
            "<li>two<script>document.write('</li>')</script></li></ul>"
        )),
        [
            "<li data-x=\"<li>\" title='a > </li>' alt=b>one<textarea></li><li></textarea></li>",
            "<li>two<script>document.write('</li>')</script></li>"
        ]
    );
}

#[test]
fn tag_names_are_read_without_regard_to_case_and_only_whole() {
    assert_eq!(
        texts(
            "<UL><LI Class=x>one</Li><lI>two</LI><link rel=x><list>no</list><li-x>no</li-x></UL>"
        ),
        ["<LI Class=x>one</Li>", "<lI>two</LI>"]
    );
}

#[test]
fn an_item_ends_where_a_parser_closes_it() {
    // By the next item of its list, by the list's end, or by the page's.
    assert_eq!(
        texts("<ul><li>one<li>two</ul><p>after</p><ol><li>three"),
        ["<li>one", "<li>two", "<li>three"]
    );
    assert_eq!(
        texts("<ul><li>cut in a tag <a href=\"x"),
        ["<li>cut in a tag <a href=\"x"]
    );
    assert_eq!(texts("<ul><li>text < less</li>"), ["<li>text < less</li>"]);
}

#[test]
fn an_over_long_item_is_skipped_and_the_next_is_still_cut() {
    let long = format!("<li>{}</li>", "x".repeat(200));
    let page = format!("<ul><li>a</li>{long}<li>b<ul><li>in</li></ul></li>{long}");
    for chunk in [1, 5, 64, usize::MAX] {
        let (v, most) = cut_by(page.as_bytes(), chunk, 100);
        assert_eq!(
            v,
            [
                Cut::Item(4, "<li>a</li>".into()),
                Cut::TooLong(14, 209),
                Cut::Item(223, "<li>b<ul><li>in</li></ul></li>".into()),
                Cut::TooLong(253, 209),
            ],
            "fed {chunk} bytes at a time"
        );
        if chunk < 100 {
            assert!(most <= 100 + chunk, "buffer {most} bytes");
        }
    }
    // A tag that never ends is let go too, not held.
    let page = format!("<ul><li>a</li><a title=\"{}", "y".repeat(1000));
    let (v, most) = cut_by(page.as_bytes(), 10, 100);
    assert_eq!(v, [Cut::Item(4, "<li>a</li>".into())]);
    assert!(most <= 120, "buffer {most} bytes");
}

#[test]
fn the_first_invalid_utf8_byte_is_found_across_chunks() {
    let mut page = "<ul><li>caf\u{e9} \u{1F600}</li><li>x ".as_bytes().to_vec();
    let bad = page.len();
    page.extend(b"\xFF</li></ul>");
    for chunk in [1, 2, 3, usize::MAX] {
        let mut cutter = Cutter::new(MAX_ITEM);
        for c in page.chunks(chunk.min(page.len())) {
            cutter.feed(c, &mut |_| {});
        }
        cutter.finish(&mut |_| {});
        assert_eq!(
            cutter.utf8.first_bad(),
            Some(bad as u64),
            "fed {chunk} at a time"
        );
    }
    let mut cutter = Cutter::new(MAX_ITEM);
    cutter.feed("<li>\u{e9}".as_bytes(), &mut |_| {});
    cutter.finish(&mut |_| {});
    assert_eq!(cutter.utf8.first_bad(), None);
}

#[test]
fn items_parsed_one_by_one_are_the_items_of_the_whole_page() {
    let page = concat!(
        "\u{feff}<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>My <li> comments</title>",
        "<style>li { color: red }</style></head><body><ul>",
        "<li>Sent at 2020-04-27 23:18:23 UTC while watching ",
        "<a href=\"http://www.youtube.com/watch?v=mM1\">a video</a>.<br/>one &amp; @ward.7<br>two</li>",
        "<!-- <li>gone</li> --><LI>Sent at 2019-01-02 03:04:05 UTC<BR>upper</LI>",
        "<li data-x=\"<li>x</li>\">no break</li>",
        "<li>outer<ul><li>nested<br>n</li></ul>tail<br>t</li>",
        "<li>implied<li>close</ul><p>between</p><ol><li>in ol</li></ol>",
        "<ul><li>script<script>\"</li>\"</script><br>s</li>",
        "<li>unclosed <b>bold"
    );
    let whole = html::items(page);
    let mut streamed = Vec::new();
    let (pieces, _) = cut_by(page.as_bytes(), 3, MAX_ITEM);
    for p in pieces {
        if let Cut::Item(_, s) = p {
            streamed.extend(html::items(&s));
        }
    }
    assert_eq!(whole.len(), 10);
    assert_eq!(streamed, whole);
}

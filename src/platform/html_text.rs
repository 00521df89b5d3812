//! HTML fragments (a Mastodon post's `content`, a bio, a LinkedIn article
//! body) to the plain text rules read, with the links they hold. Parsed
//! with `scraper` (html5ever), as Meta's HTML pages are, so entities and
//! broken markup are handled the way a browser would.
//!
//! Text is kept whole where the markup splits it for display: Mastodon
//! wraps a mention as `@<span>name</span>` and hides part of a long link
//! in `<span class="invisible">`, and both must read as one word. Block
//! elements and `<br>` become line breaks; other whitespace collapses.

use scraper::{Html, Node};

/// Plain text and the `href`s of ordinary links (not mentions or hashtags).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Text {
    pub text: String,
    pub links: Vec<String>,
}

/// Elements that start and end a line of their own.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
];

/// Elements whose content is never text.
const SKIP: &[&str] = &["script", "style", "template", "head", "title"];

/// The plain text of an HTML fragment. Text without markup or entities is
/// returned trimmed, without parsing.
pub fn to_text(html: &str) -> Text {
    if !html.contains(['<', '&']) {
        return Text {
            text: tidy(html),
            links: Vec::new(),
        };
    }
    let doc = Html::parse_fragment(html);
    let mut raw = String::with_capacity(html.len());
    let mut links = Vec::new();
    // An explicit stack, not recursion: nesting depth is the input's to choose.
    let mut stack = vec![(doc.tree.root(), false)];
    while let Some((node, closing)) = stack.pop() {
        let block = node
            .value()
            .as_element()
            .is_some_and(|e| BLOCKS.contains(&e.name()));
        if closing {
            if block {
                raw.push('\n');
            }
            continue;
        }
        match node.value() {
            // Line breaks in the source are spaces in HTML; only markup breaks lines.
            Node::Text(t) => raw.extend(
                t.chars()
                    .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
            ),
            Node::Element(e) => {
                let name = e.name();
                if SKIP.contains(&name) {
                    continue;
                }
                if name == "br" {
                    raw.push('\n');
                }
                if block {
                    raw.push('\n');
                }
                if name == "a"
                    && let Some(href) = e.attr("href")
                {
                    let tag = e.classes().any(|c| c == "mention" || c == "hashtag");
                    let href = href.trim();
                    if !tag
                        && (href.starts_with("http://") || href.starts_with("https://"))
                        && !links.iter().any(|l| l == href)
                    {
                        links.push(href.to_string());
                    }
                }
            }
            _ => {}
        }
        stack.push((node, true));
        let children: Vec<_> = node.children().collect();
        stack.extend(children.into_iter().rev().map(|c| (c, false)));
    }
    Text {
        text: tidy(&raw),
        links,
    }
}

/// Collapses spaces within lines, trims every line, and keeps at most one
/// blank line between paragraphs.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(&words.join(" "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_line_breaks_become_newlines() {
        let t = to_text("<p>First line<br>second line</p><p>Next   paragraph</p>");
        assert_eq!(t.text, "First line\nsecond line\n\nNext paragraph");
    }

    #[test]
    fn mentions_read_as_one_word_and_are_not_links() {
        let t = to_text(
            r#"<p><span class="h-card" translate="no"><a href="https://social.example/@zapdos" class="u-url mention">@<span>zapdos</span></a></span> private post</p>"#,
        );
        assert_eq!(t.text, "@zapdos private post");
        assert!(t.links.is_empty(), "{:?}", t.links);
    }

    #[test]
    fn a_shortened_link_keeps_its_hidden_parts_and_its_href() {
        let t = to_text(
            r#"<p>See <a href="https://www.example.org/a/long/path" rel="nofollow noopener" target="_blank"><span class="invisible">https://www.</span><span class="ellipsis">example.org/a/lo</span><span class="invisible">ng/path</span></a> &amp; <a href="https://social.example/tags/nhs" class="mention hashtag" rel="tag">#<span>nhs</span></a></p>"#,
        );
        assert_eq!(t.text, "See https://www.example.org/a/long/path & #nhs");
        assert_eq!(t.links, ["https://www.example.org/a/long/path"]);
    }

    #[test]
    fn plain_text_is_returned_trimmed_without_parsing() {
        assert_eq!(to_text("  no markup here \n").text, "no markup here");
        assert_eq!(to_text("").text, "");
    }

    #[test]
    fn scripts_are_dropped_and_deep_nesting_does_not_overflow() {
        let t = to_text("<p>ok<script>alert(1)</script></p>");
        assert_eq!(t.text, "ok");
        let deep = format!("{}x{}", "<span>".repeat(100_000), "</span>".repeat(100_000));
        assert_eq!(to_text(&deep).text, "x");
    }
}

//! The older HTML lists of comments and live-chat messages
//! (`my-comments/my-comments.html`, `my-live-chat-messages/…html`): one
//! `<li>` per item, a sentence with the time and a link to the video
//! ("Sent at 2020-04-27 23:18:23 UTC while watching <a …>a video</a>."),
//! then `<br>`, then the text as written. The page is cut into its items
//! as it streams by (cut.rs); each item is parsed here on its own.

use scraper::{ElementRef, Html, Node, Selector};

/// One list item.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Item {
    /// The sentence before the line break (time, what was watched).
    pub header: String,
    pub text: String,
    pub links: Vec<String>,
}

/// The items of a page, or of one item cut off it: every `<li>`, nested
/// ones too, in page order.
pub fn items(html: &str) -> Vec<Item> {
    let doc = Html::parse_document(html);
    let Ok(li) = Selector::parse("li") else {
        return Vec::new();
    };
    doc.select(&li).map(item).collect()
}

fn item(li: ElementRef<'_>) -> Item {
    let mut it = Item::default();
    let mut after_break = false;
    for child in li.children() {
        match child.value() {
            Node::Element(e) if e.name() == "br" => {
                if after_break {
                    it.text.push('\n');
                }
                after_break = true;
                continue;
            }
            Node::Element(e) => {
                if let Some(h) = e.attr("href") {
                    it.links.push(h.to_string());
                }
                let inner = ElementRef::wrap(child)
                    .map(|el| el.text().collect::<String>())
                    .unwrap_or_default();
                let target = if after_break {
                    &mut it.text
                } else {
                    &mut it.header
                };
                target.push_str(&inner);
                if let (Some(el), Ok(a)) = (ElementRef::wrap(child), Selector::parse("a[href]")) {
                    for l in el.select(&a) {
                        if let Some(h) = l.value().attr("href") {
                            it.links.push(h.to_string());
                        }
                    }
                }
            }
            Node::Text(t) => {
                let target = if after_break {
                    &mut it.text
                } else {
                    &mut it.header
                };
                target.push_str(t);
            }
            _ => {}
        }
    }
    if !after_break {
        // No break: the whole item is text, with the time somewhere in it.
        it.text = it.header.clone();
    }
    it.header = it.header.split_whitespace().collect::<Vec<_>>().join(" ");
    it.text = it.text.trim().to_string();
    it.links.dedup();
    it
}

/// The `v=` id of a watch link.
pub fn video_id(url: &str) -> Option<&str> {
    let q = url.split_once('?')?.1;
    q.split('&')
        .find_map(|kv| kv.strip_prefix("v="))
        .filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_splits_at_the_line_break_into_sentence_and_text() {
        let v = items(
            r#"<html><body><ul><li>Sent at 2020-04-27 23:18:23 UTC while watching <a href="http://www.youtube.com/watch?v=mM1">a video</a>.<br/>content &amp; more<br>second line</li></ul></body></html>"#,
        );
        assert_eq!(v.len(), 1);
        assert_eq!(
            v[0].header,
            "Sent at 2020-04-27 23:18:23 UTC while watching a video."
        );
        assert_eq!(v[0].text, "content & more\nsecond line");
        assert_eq!(v[0].links, ["http://www.youtube.com/watch?v=mM1"]);
        assert_eq!(video_id(&v[0].links[0]), Some("mM1"));
    }

    #[test]
    fn a_page_without_items_gives_none() {
        assert!(items("<html><body><p>nothing</p></body></html>").is_empty());
        assert!(items("").is_empty());
    }
}

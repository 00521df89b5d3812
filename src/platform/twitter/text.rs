//! Text clean-up before rules see it: X stores HTML-escaped text with
//! `t.co` short links in place of the real URLs.

use std::borrow::Cow;

/// Decodes `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and numeric entities.
/// Lenient: anything else, including a bare `&`, is kept as written
/// (real DM text has raw ` & ` next to escaped ones).
pub fn unescape(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|j| j + 1);
        let decoded = match end {
            Some(e) if rest.as_bytes()[e] == b';' => entity(&rest[1..e]).map(|c| (c, e + 1)),
            _ => None,
        };
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => {
            let num = name.strip_prefix('#')?;
            let n = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(n)?
        }
    })
}

/// Replaces each short link with its expansion (first occurrence each, as
/// the entities list one per occurrence; duplicates are rare and harmless).
pub fn expand_links(text: &str, links: &[(&str, &str)]) -> String {
    let mut out = text.to_string();
    for (short, long) in links {
        if !short.is_empty() && !long.is_empty() && out.contains(short) {
            out = out.replace(short, long);
        }
    }
    out
}

/// The client name from a `source` value like `<a href="…">Twitter Web App</a>`.
pub fn client_name(source: &str) -> String {
    let inner = match (source.find('>'), source.rfind("</a>")) {
        (Some(a), Some(b)) if a < b => &source[a + 1..b],
        _ => source,
    };
    unescape(inner.trim()).into_owned()
}

/// Bare URLs in text, for posts older than link entities (≈2011) whose
/// links appear only in the text. `t.co` links are left out: they say
/// nothing about the destination.
pub fn bare_urls(text: &str) -> Vec<String> {
    // Runs on every post: find "http" with memchr instead of searching
    // each word, which dominated profiles.
    let mut out = Vec::new();
    let mut covered = 0;
    for i in memchr::memmem::find_iter(text.as_bytes(), b"http") {
        if i < covered {
            continue;
        }
        let rest = &text[i..];
        if !(rest.starts_with("http://") || rest.starts_with("https://")) {
            continue;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        covered = i + end;
        let u = rest[..end].trim_end_matches(|c: char| ".,;:!?)]}\"'…".contains(c));
        let Some(host) = u.split("://").nth(1) else {
            continue;
        };
        if host.len() > 1 && !host.starts_with("t.co/") {
            out.push(u.to_string());
        }
    }
    out
}

/// Text reduced to what a truncated post and its long-post original share:
/// no `t.co` links (the two copies get different ones), no `…`, no leading
/// `@handles` (replies carry them, notes do not), whitespace collapsed.
pub fn join_key(text: &str, strip_mentions: bool) -> String {
    let mut words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !(w.starts_with("https://t.co/") || w.starts_with("http://t.co/")))
        .collect();
    if strip_mentions {
        let lead = words.iter().take_while(|w| w.starts_with('@')).count();
        words.drain(..lead);
    }
    words.join(" ").replace('…', "").trim().to_string()
}

/// `@handle`s in text, without the `@`, each once, in order: for text
/// that comes without entities (the legacy `tweets.csv`).
pub fn mentions(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, _) in text.match_indices('@') {
        let prev = text[..i].chars().next_back();
        if prev.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let h: String = text[i + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !h.is_empty() && !out.contains(&h) {
            out.push(h);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescape_is_lenient() {
        assert_eq!(
            unescape("a &amp; b &lt;c&gt; &quot;d&#39; &#x41;"),
            "a & b <c> \"d' A"
        );
        assert_eq!(
            unescape("fish & chips &bogus; &amp"),
            "fish & chips &bogus; &amp"
        );
        assert_eq!(unescape("&#99999999;"), "&#99999999;");
    }

    #[test]
    fn bare_urls_skip_short_links() {
        assert_eq!(
            bare_urls("see http://nhs.uk/a. and https://t.co/x (https://b.org)"),
            ["http://nhs.uk/a", "https://b.org"]
        );
    }

    #[test]
    fn client_and_stem() {
        assert_eq!(
            client_name(
                r#"<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>"#
            ),
            "Twitter Web App"
        );
        assert_eq!(client_name("web"), "web");
        assert_eq!(
            join_key(
                "@a @b Long  text\nhere… https://t.co/abc https://t.co/d",
                true
            ),
            "Long text here"
        );
        assert_eq!(
            expand_links(
                "see https://t.co/x",
                &[("https://t.co/x", "https://nhs.uk")]
            ),
            "see https://nhs.uk"
        );
    }
}

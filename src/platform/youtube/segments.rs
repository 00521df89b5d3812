//! The text cell of a Takeout comment or live-chat message is JSON, not
//! text (docs/FORMATS.md, "YouTube"):
//!
//! * until mid-2024 one object, `{"takeoutSegments":[{"text":"…"},
//!   {"text":"…","link":{"linkUrl":"…"}}]}`;
//! * since then the segments themselves, comma-separated with no
//!   enclosing array: `{"text":"a"},{"text":"\n"},{"text":"b"}`, and a
//!   line break inside a segment is written raw, which JSON forbids.
//!
//! The segments' texts are joined; link targets are kept apart so rules
//! see them as links. A cell that is neither is read as plain text.

use serde_json::Value;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub links: Vec<String>,
    /// The cell was not segment JSON and was taken as written.
    pub plain: bool,
}

/// Whether a cell looks like segment JSON (used to find the text column
/// of a file whose header is in an unknown language).
pub fn looks_like_segments(cell: &str) -> bool {
    let c = cell.trim_start();
    c.starts_with("{\"takeoutSegments\"") || c.starts_with("{\"text\"")
}

pub fn decode(cell: &str) -> Decoded {
    let trimmed = cell.trim();
    if !looks_like_segments(trimmed) {
        return Decoded {
            text: cell.to_string(),
            links: Vec::new(),
            plain: !trimmed.is_empty(),
        };
    }
    let json = escape_raw_controls(trimmed);
    let segments = if json.starts_with("{\"takeoutSegments\"") {
        serde_json::from_str::<Value>(&json)
            .ok()
            .and_then(|mut v| v.get_mut("takeoutSegments").map(Value::take))
    } else {
        serde_json::from_str::<Value>(&format!("[{json}]")).ok()
    };
    let Some(Value::Array(segments)) = segments else {
        return Decoded {
            text: cell.to_string(),
            links: Vec::new(),
            plain: true,
        };
    };
    let mut out = Decoded::default();
    for s in &segments {
        if let Some(t) = s.get("text").and_then(Value::as_str) {
            out.text.push_str(t);
        }
        if let Some(u) = s
            .get("link")
            .and_then(|l| l.get("linkUrl"))
            .and_then(Value::as_str)
            .filter(|u| !u.trim().is_empty())
        {
            out.links.push(u.to_string());
        }
    }
    out
}

/// Escapes control characters that appear raw inside JSON strings (the
/// 2024 format writes line breaks as they are); outside strings they are
/// whitespace and stay.
fn escape_raw_controls(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut in_string = false;
    let mut escaped = false;
    for c in s.chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            } else if (c as u32) < 0x20 {
                match c {
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    _ => out.push_str(&format!("\\u{:04x}", c as u32)),
                }
                continue;
            }
        } else if c == '"' {
            in_string = true;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pre_2024_object_with_a_link_segment() {
        let d = decode(
            r#"{"takeoutSegments":[{"text":"see "},{"text":"our page","link":{"linkUrl":"https://example.nhs.uk/flu"}}]}"#,
        );
        assert_eq!(d.text, "see our page");
        assert_eq!(d.links, ["https://example.nhs.uk/flu"]);
        assert!(!d.plain);
    }

    #[test]
    fn the_2024_bare_segments_with_a_raw_line_break() {
        let d = decode(
            "{\"text\":\"> I am about to get buried\"},{\"text\":\"\n\"},{\"text\":\"the most normal video!\"}",
        );
        assert_eq!(d.text, "> I am about to get buried\nthe most normal video!");
        assert!(!d.plain);
    }

    #[test]
    fn escaped_quotes_and_video_links_are_read() {
        let d = decode(
            r#"{"text":"at "},{"text":"22:42","videoLink":{"externalVideoId":"abc","startTimeSeconds":1362}},{"text":" \"quoted\""}"#,
        );
        assert_eq!(d.text, "at 22:42 \"quoted\"");
        assert!(d.links.is_empty());
    }

    #[test]
    fn plain_text_and_broken_json_are_taken_as_written() {
        let d = decode("just words");
        assert_eq!((d.text.as_str(), d.plain), ("just words", true));
        let d = decode(r#"{"text":"cut off"#);
        assert_eq!((d.text.as_str(), d.plain), (r#"{"text":"cut off"#, true));
        let d = decode("");
        assert_eq!((d.text.as_str(), d.plain), ("", false));
    }
}

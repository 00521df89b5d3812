//! Loading one Meta JSON file (whole, under a cap) and sniffing what a file
//! holds from its first bytes, so files are recognised by content rather
//! than by a path that Meta has moved several times.

use crate::error::{Error, Result};
use serde_json::Value;

/// Parses a whole file. Errors are one sentence naming the byte offset.
pub fn parse(bytes: &[u8]) -> Result<Value> {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let body = &bytes[bom..];
    let text = std::str::from_utf8(body).map_err(|e| {
        Error::Malformed(format!(
            "not UTF-8 text: invalid byte at offset {} (is this a JSON export?)",
            bom + e.valid_up_to()
        ))
    })?;
    if text.trim().is_empty() {
        return Err(Error::Malformed(
            "the file holds no JSON (only whitespace)".into(),
        ));
    }
    serde_json::from_str(text)
        .map_err(|e| {
            let offset = text
                .split_inclusive('\n')
                .take(e.line().saturating_sub(1))
                .map(str::len)
                .sum::<usize>()
                + e.column().saturating_sub(1)
                + bom;
            if e.is_eof() {
                format!("JSON ends early at byte {offset} (truncated file?): {e}")
            } else {
                format!("invalid JSON at byte {offset}: {e}")
            }
        })
        .map_err(Error::Malformed)
}

/// What the first bytes of a JSON file show.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Sniff {
    /// The top-level value is an array.
    pub array: bool,
    /// Object keys with their depth (1 = keys of the top object, or of the
    /// first element of a top array), in order of appearance.
    pub keys: Vec<(u8, String)>,
}

impl Sniff {
    pub fn has(&self, key: &str) -> bool {
        self.keys.iter().any(|(_, k)| k == key)
    }

    /// A key at the first object level.
    pub fn top(&self, key: &str) -> bool {
        self.keys.iter().any(|(d, k)| *d == 1 && k == key)
    }
}

/// Collects the object keys found in `head` (a file prefix; a cut-off
/// end is fine). Not a validator: it only tracks strings and nesting.
pub fn sniff(head: &[u8]) -> Option<Sniff> {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let array = match head[start] {
        b'[' => true,
        b'{' => false,
        _ => return None,
    };
    let mut s = Sniff {
        array,
        keys: Vec::new(),
    };
    // Depth counts objects only; arrays add none, so the first element of
    // a top array has its keys at depth 1 like a top object.
    let mut depth: i32 = 0;
    let mut i = start;
    let mut brackets: Vec<u8> = Vec::new();
    while i < head.len() && s.keys.len() < 400 {
        match head[i] {
            b'{' => {
                brackets.push(b'{');
                depth += 1;
            }
            b'[' => brackets.push(b'['),
            b'}' | b']' if brackets.pop() == Some(b'{') => depth -= 1,
            b'"' => {
                let from = i + 1;
                let mut j = from;
                while j < head.len() && head[j] != b'"' {
                    j += if head[j] == b'\\' { 2 } else { 1 };
                }
                if j >= head.len() {
                    break;
                }
                let mut k = j + 1;
                while k < head.len() && head[k].is_ascii_whitespace() {
                    k += 1;
                }
                if k < head.len()
                    && head[k] == b':'
                    && brackets.last() == Some(&b'{')
                    && (1..=255).contains(&depth)
                {
                    let key = String::from_utf8_lossy(&head[from..j]).into_owned();
                    s.keys.push((depth as u8, key));
                }
                i = j;
            }
            _ => {}
        }
        i += 1;
    }
    Some(s)
}

//! Meta's JSON writes every byte of a non-ASCII UTF-8 character as its own
//! `\u00XX` escape, so a JSON parser yields Latin-1/C1 code points: `é`
//! comes out as `Ã©` and 😀 as `ð\u{9f}\u{98}\u{80}`. This re-decodes such
//! strings (docs/FORMATS.md, "Facebook", "Quirks handled", "Mojibake":
//! the strict string-level repair): a string is rewritten only when every
//! character is ≤ U+00FF, at least one is ≥ U+0080, and the bytes they
//! stand for are valid UTF-8. Clean text (any character above U+00FF, or
//! Latin-1 letters that do not form UTF-8) is left untouched, and the
//! repair is idempotent.

use serde_json::{Map, Value};

/// The repaired string, or `None` when `s` is not mojibake.
pub fn repair(s: &str) -> Option<String> {
    let mut high = false;
    let mut bytes = Vec::with_capacity(s.len());
    for c in s.chars() {
        let c = c as u32;
        if c > 0xFF {
            return None;
        }
        high |= c >= 0x80;
        bytes.push(c as u8);
    }
    if !high {
        return None;
    }
    String::from_utf8(bytes).ok()
}

/// `repair` or the string itself.
pub fn fix(s: &str) -> String {
    repair(s).unwrap_or_else(|| s.to_string())
}

/// Repairs every string of a parsed document, object keys included.
pub fn repair_value(v: &mut Value) {
    match v {
        Value::String(s) => {
            if let Some(r) = repair(s) {
                *s = r;
            }
        }
        Value::Array(a) => a.iter_mut().for_each(repair_value),
        Value::Object(m) => {
            if m.keys().any(|k| repair(k).is_some()) {
                let old = std::mem::take(m);
                let mut new = Map::new();
                for (k, mut val) in old {
                    repair_value(&mut val);
                    new.insert(repair(&k).unwrap_or(k), val);
                }
                *m = new;
            } else {
                m.values_mut().for_each(repair_value);
            }
        }
        _ => {}
    }
}

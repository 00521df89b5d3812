//! Byte-level pieces of HTML's tokenizer shared by the readers that cut a
//! page into items as it streams by (meta/html/cut.rs, youtube/cut.rs):
//! where a tag name ends, where a tag ends, and its `class` value.

/// The first place `needle` stands in `hay`.
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// A byte that ends a tag name, as HTML's tokenizer reads it.
pub fn ends_name(c: u8) -> bool {
    c.is_ascii_whitespace() || c == b'/' || c == b'>'
}

/// The offset of a tag's closing `>` in `attrs` (what follows its name):
/// the first outside a quoted attribute value (a value is quoted only when
/// its first byte after `=` and any white space is a quote); and its first
/// `class` value. `None` when the tag has not ended yet.
pub fn tag_end(attrs: &[u8]) -> Option<(usize, Option<&[u8]>)> {
    let mut k = 0;
    let mut class = None;
    while k < attrs.len() {
        let c = attrs[k];
        if c == b'>' {
            return Some((k, class));
        }
        if c.is_ascii_whitespace() || c == b'/' {
            k += 1;
            continue;
        }
        // An attribute: name, then `=value` perhaps.
        let from = k;
        while k < attrs.len()
            && !attrs[k].is_ascii_whitespace()
            && !matches!(attrs[k], b'=' | b'>' | b'/')
        {
            k += 1;
        }
        let name = &attrs[from..k];
        while k < attrs.len() && attrs[k].is_ascii_whitespace() {
            k += 1;
        }
        if attrs.get(k) != Some(&b'=') {
            continue;
        }
        k += 1;
        while k < attrs.len() && attrs[k].is_ascii_whitespace() {
            k += 1;
        }
        let value = match attrs.get(k) {
            None => return None,
            Some(q @ (b'"' | b'\'')) => {
                let q = *q;
                let end = attrs[k + 1..].iter().position(|c| *c == q)?;
                let v = &attrs[k + 1..k + 1 + end];
                k += end + 2;
                v
            }
            Some(_) => {
                let from = k;
                while k < attrs.len() && !attrs[k].is_ascii_whitespace() && attrs[k] != b'>' {
                    k += 1;
                }
                &attrs[from..k]
            }
        };
        if name.eq_ignore_ascii_case(b"class") && class.is_none() {
            class = Some(value);
        }
    }
    None
}

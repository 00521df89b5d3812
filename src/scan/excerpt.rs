//! The evidence a finding shows: one line of context around a match, and
//! the masking `--redact` applies to personal data in it, done while the
//! finding is made so that no sink ever sees the raw value.

/// Masks the letters and digits of personal data, keeping punctuation so
/// the shape (an e-mail, a 3-3-4 number) is still recognisable.
pub fn mask(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_alphanumeric() { '•' } else { c })
        .collect()
}

/// One line of text around `start..end` (byte offsets), at most about
/// `width` characters either side, with line breaks turned into spaces.
/// `masked` spans (byte ranges into `text`) are masked first.
pub fn context(
    text: &str,
    start: usize,
    end: usize,
    width: usize,
    masked: &[(usize, usize)],
) -> String {
    let start = floor_boundary(text, start.min(text.len()));
    let end = floor_boundary(text, end.clamp(start, text.len()));
    let from = text[..start]
        .char_indices()
        .rev()
        .nth(width.saturating_sub(1))
        .map(|(i, _)| i)
        .unwrap_or(0);
    let to = text[end..]
        .char_indices()
        .nth(width)
        .map(|(i, _)| end + i)
        .unwrap_or(text.len());
    let mut out = String::with_capacity(to - from + 8);
    if from > 0 {
        out.push('…');
    }
    let mut i = from;
    for (c_at, c) in text[from..to].char_indices() {
        let at = from + c_at;
        let hidden = masked.iter().any(|&(s, e)| at >= s && at < e);
        i = at + c.len_utf8();
        out.push(match c {
            '\n' | '\r' | '\t' => ' ',
            c if hidden && c.is_alphanumeric() => '•',
            c => c,
        });
    }
    if i < text.len() {
        out.push('…');
    }
    out
}

/// `text` whole, with the letters and digits inside `spans` (byte ranges)
/// masked: a record's text under `--redact`, line breaks kept.
pub fn mask_spans(text: &str, spans: &[(usize, usize)]) -> String {
    if spans.is_empty() {
        return text.to_string();
    }
    text.char_indices()
        .map(|(at, c)| {
            if c.is_alphanumeric() && spans.iter().any(|&(s, e)| at >= s && at < e) {
                '•'
            } else {
                c
            }
        })
        .collect()
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_is_one_line_with_ellipses_and_masks() {
        let t = "line one\nPatient NHS no 401 159 0835 admitted\nbye";
        let s = t.find("401").unwrap();
        let e = s + "401 159 0835".len();
        let c = context(t, s, e, 10, &[(s, e)]);
        assert_eq!(c, "…nt NHS no ••• ••• •••• admitted …");
        assert!(!c.contains('\n'));
        let full = context("short", 0, 5, 10, &[]);
        assert_eq!(full, "short");
    }

    #[test]
    fn context_survives_multibyte_text_and_bad_offsets() {
        let t = "é🙂 fuck é🙂";
        let s = t.find("fuck").unwrap();
        assert_eq!(context(t, s, s + 4, 1, &[]), "… fuck …");
        let _ = context(t, 1, 2, 3, &[]); // inside a char: no panic
        let _ = context(t, 100, 200, 3, &[]);
    }

    #[test]
    fn mask_spans_hides_only_the_spans() {
        let t = "call 0113 496 0381\nnow";
        let s = t.find("0113").unwrap();
        assert_eq!(mask_spans(t, &[(s, s + 13)]), "call •••• ••• ••••\nnow");
        assert_eq!(mask_spans(t, &[]), t);
    }

    #[test]
    fn mask_keeps_shape_only() {
        assert_eq!(mask("jane.doe@nhs.net"), "••••.•••@•••.•••");
        assert_eq!(mask("401 159 0835"), "••• ••• ••••");
    }
}

//! The word-piece tokeniser of uncased BERT models (docs/ENCODER.md,
//! "Tokeniser"): clean, split CJK ideographs, strip accents, lower-case,
//! split on white space and punctuation, then greedy longest-match word
//! pieces. It must give the ids the model was trained on, so
//! tests/data/encoder-parity.jsonl holds the reference tokeniser's ids.

use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// Words longer than this many characters are one unknown piece, as in
/// the reference tokeniser.
const MAX_WORD_CHARS: usize = 100;

pub struct WordPiece {
    ids: HashMap<String, u32>,
    pub cls: u32,
    pub sep: u32,
    unk: u32,
    /// Unicode categories the ASCII fast path cannot answer.
    other: regex::Regex,
    mark: regex::Regex,
    punct: regex::Regex,
}

impl WordPiece {
    /// From `vocab.txt`: one piece per line, the id is the line number.
    pub fn new(vocab: &str) -> Result<WordPiece, String> {
        let ids: HashMap<String, u32> = vocab
            .lines()
            .enumerate()
            .map(|(i, p)| (p.to_string(), i as u32))
            .collect();
        let id = |p: &str| {
            ids.get(p)
                .copied()
                .ok_or_else(|| format!("the vocabulary has no {p}"))
        };
        let re = |p: &str| regex::Regex::new(p).expect("a fixed class compiles");
        Ok(WordPiece {
            cls: id("[CLS]")?,
            sep: id("[SEP]")?,
            unk: id("[UNK]")?,
            ids,
            other: re(r"^\p{C}$"),
            mark: re(r"^\p{Mn}$"),
            punct: re(r"^\p{P}$"),
        })
    }

    /// `[CLS]`, at most `max - 2` pieces of `text`, `[SEP]`: into `out`.
    pub fn encode(&self, text: &str, max: usize, out: &mut Vec<u32>) {
        out.clear();
        out.push(self.cls);
        let clean = self.normalise(text);
        'words: for word in self.words(&clean) {
            if out.len() + 1 >= max {
                break;
            }
            if word.chars().count() > MAX_WORD_CHARS {
                out.push(self.unk);
                continue;
            }
            let start = out.len();
            let mut rest = word;
            let mut first = true;
            let mut piece = String::new();
            while !rest.is_empty() {
                // the longest prefix of `rest` in the vocabulary: its
                // ends are the whole of it, then each later char boundary
                let mut found = None;
                let ends = std::iter::once(rest.len())
                    .chain(rest.char_indices().rev().map(|(i, _)| i))
                    .filter(|&end| end > 0);
                for end in ends {
                    piece.clear();
                    if !first {
                        piece.push_str("##");
                    }
                    piece.push_str(&rest[..end]);
                    if let Some(&id) = self.ids.get(&piece) {
                        found = Some((id, end));
                        break;
                    }
                }
                let Some((id, end)) = found else {
                    out.truncate(start);
                    out.push(self.unk);
                    continue 'words;
                };
                out.push(id);
                rest = &rest[end..];
                first = false;
            }
        }
        out.truncate(max - 1);
        out.push(self.sep);
    }

    /// Control characters dropped, white space made a space, CJK
    /// ideographs set apart, accents stripped, lower case.
    fn normalise(&self, text: &str) -> String {
        let mut s = String::with_capacity(text.len() + 8);
        for c in text.chars() {
            if c == '\0' || c == '\u{fffd}' {
                continue;
            }
            if matches!(c, '\t' | '\n' | '\r') || c.is_whitespace() {
                s.push(' ');
            } else if !c.is_ascii() && self.is(&self.other, c) {
                continue;
            } else if is_cjk(c) {
                s.push(' ');
                s.push(c);
                s.push(' ');
            } else {
                s.push(c);
            }
        }
        if s.is_ascii() {
            return s.to_lowercase();
        }
        s.nfd()
            .filter(|&c| c.is_ascii() || !self.is(&self.mark, c))
            .collect::<String>()
            .to_lowercase()
    }

    /// Words split on white space, each punctuation mark a word of its own.
    fn words<'a>(&self, text: &'a str) -> Vec<&'a str> {
        let mut out = Vec::new();
        for chunk in text.split_whitespace() {
            let mut from = 0;
            for (i, c) in chunk.char_indices() {
                if c.is_ascii_punctuation() || (!c.is_ascii() && self.is(&self.punct, c)) {
                    if from < i {
                        out.push(&chunk[from..i]);
                    }
                    out.push(&chunk[i..i + c.len_utf8()]);
                    from = i + c.len_utf8();
                }
            }
            if from < chunk.len() {
                out.push(&chunk[from..]);
            }
        }
        out
    }

    fn is(&self, class: &regex::Regex, c: char) -> bool {
        let mut buf = [0u8; 4];
        class.is_match(c.encode_utf8(&mut buf))
    }
}

/// The CJK ideograph blocks the reference tokeniser sets apart.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF
        | 0x3400..=0x4DBF
        | 0x20000..=0x2A6DF
        | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F
        | 0x2B820..=0x2CEAF
        | 0xF900..=0xFAFF
        | 0x2F800..=0x2FA1F)
}

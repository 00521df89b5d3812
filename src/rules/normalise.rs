//! Text normalisation for lexicon matching, with a map back to the original
//! byte offsets so hits point at what the author actually wrote.
//!
//! Steps: lowercase and strip common diacritics; undo leetspeak inside words
//! that have at least two real letters (so the A55 road stays "a55"); treat
//! `*` between letters as a masked letter; join runs of three or more single
//! letters split by one or two punctuation/space characters ("f.u.c.k");
//! turn every other non-word character into one space; collapse repeated
//! characters into one unit that remembers its run length, so "fuuuck"
//! matches "fuck" while "as" never matches "ass" (counts are compared).
//! Camel-case words inside hashtags are split ("#FuckCancer").

/// One character of the normalised text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    /// Byte range in the original text this unit covers.
    pub start: usize,
    pub end: usize,
    /// How many repeats of the character were collapsed into this unit.
    pub count: u16,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    Star,
    Sep,
    Drop,
}

/// Reusable buffers: normalising a field allocates nothing once warmed up.
#[derive(Default, Debug)]
pub struct Normalised {
    /// Lowercase letters, digits, `*` and single spaces.
    pub text: String,
    /// For each byte of `text`, the index of its unit.
    pub byte_unit: Vec<u32>,
    pub units: Vec<Unit>,
    chars: Vec<(char, usize, usize, Class)>,
    /// The text the buffers hold the normal form of: the lexicons, the
    /// lazy lexicons and the models' safe phrases each ask for the same
    /// field, and a copy costs less than normalising it again. (Empty at
    /// first, which is also the normal form of the empty text.)
    source: String,
}

impl Normalised {
    /// Whether bytes `s..e` of `text` are whole words: at the start or
    /// after a space, and at the end or before one.
    pub fn whole_words(&self, s: usize, e: usize) -> bool {
        let t = self.text.as_bytes();
        (s == 0 || t[s - 1] == b' ') && (e == t.len() || t[e] == b' ')
    }

    /// The span of the original text that bytes `s..e` of `text` stand for.
    pub fn original_span(&self, s: usize, e: usize) -> (usize, usize) {
        let unit = |b: usize| &self.units[self.byte_unit[b] as usize];
        (unit(s).start, unit(e - 1).end)
    }

    pub fn run(&mut self, s: &str) {
        if self.source == s {
            return;
        }
        self.source.clear();
        self.source.push_str(s);
        self.text.clear();
        self.byte_unit.clear();
        self.units.clear();
        self.chars.clear();
        if s.is_ascii() {
            self.classify_ascii(s);
        } else {
            self.classify(s);
        }
        // "sh!t", "p|ss": `!` and `|` between letters stand for i
        for k in 1..self.chars.len().saturating_sub(1) {
            if matches!(self.chars[k].0, '!' | '|')
                && self.chars[k - 1].3 == Class::Letter
                && self.chars[k + 1].3 == Class::Letter
            {
                self.chars[k].0 = 'i';
                self.chars[k].3 = Class::Letter;
            }
        }
        self.leet_and_masks();
        self.join_spaced_letters();
        self.emit();
    }

    /// [`Normalised::classify`] for ASCII text (nearly every field), byte
    /// by byte: the same characters and classes, without decoding chars
    /// or asking Unicode tables.
    fn classify_ascii(&mut self, s: &str) {
        let (mut hashtag, mut prev_lower) = (false, false);
        for (i, b) in s.bytes().enumerate() {
            if b == b'#' {
                hashtag = true;
            } else if b.is_ascii_whitespace() || b == 0x0b {
                // (char::is_whitespace counts the vertical tab; u8's does not)
                hashtag = false;
            } else if hashtag && prev_lower && b.is_ascii_uppercase() {
                self.chars.push((' ', i, i, Class::Sep));
            }
            prev_lower = b.is_ascii_lowercase();
            let f = b.to_ascii_lowercase();
            let class = if f.is_ascii_alphabetic() {
                Class::Letter
            } else if f.is_ascii_digit() {
                Class::Digit
            } else if matches!(f, b'@' | b'$' | b'*') {
                Class::Star
            } else {
                Class::Sep
            };
            self.chars.push((char::from(f), i, i + 1, class));
        }
    }

    /// Each character of `s`, case-folded, with its byte range and class.
    fn classify(&mut self, s: &str) {
        let (mut hashtag, mut prev_lower) = (false, false);
        for (i, c) in s.char_indices() {
            // "#FuckCancer": camel-case words in a hashtag are separate words
            if c == '#' {
                hashtag = true;
            } else if c.is_whitespace() {
                hashtag = false;
            } else if hashtag && prev_lower && c.is_uppercase() {
                self.chars.push((' ', i, i, Class::Sep));
            }
            prev_lower = c.is_lowercase();
            let f = fold(c);
            let class = if matches!(
                c,
                '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
            ) {
                // zero-width and soft-hyphen characters split words invisibly
                Class::Drop
            } else if f.is_alphabetic() {
                Class::Letter
            } else if f.is_numeric() {
                Class::Digit
            } else if matches!(f, '@' | '$' | '*') {
                // decided per token below
                Class::Star
            } else {
                Class::Sep
            };
            self.chars.push((f, i, i + c.len_utf8(), class));
        }
    }

    fn leet_and_masks(&mut self) {
        let n = self.chars.len();
        let mut i = 0;
        while i < n {
            if self.chars[i].3 == Class::Sep {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < n && self.chars[j].3 != Class::Sep {
                j += 1;
            }
            // token is chars[i..j]; most tokens are plain words, skip them fast
            let (mut letters, mut digits, mut stars) = (0, 0, 0);
            for c in &self.chars[i..j] {
                match c.3 {
                    Class::Letter => letters += 1,
                    Class::Digit => digits += 1,
                    Class::Star => stars += 1,
                    _ => {}
                }
            }
            if digits + stars == 0 {
                i = j;
                continue;
            }
            if letters >= 2 {
                for k in i..j {
                    let (c, _, _, class) = self.chars[k];
                    let mapped = match c {
                        '0' => Some('o'),
                        '1' => Some('i'),
                        '3' => Some('e'),
                        '4' => Some('a'),
                        '5' => Some('s'),
                        '7' => Some('t'),
                        '$' => Some('s'),
                        '@' if k > i => Some('a'),
                        _ => None,
                    };
                    if let Some(m) = mapped {
                        self.chars[k].0 = m;
                        self.chars[k].3 = Class::Letter;
                    } else if class == Class::Star && c != '*' {
                        self.chars[k].3 = Class::Sep;
                    }
                }
            }
            // `*` is a masked letter only with letters on both sides of its run.
            let mut k = if stars == 0 { j } else { i };
            while k < j {
                let (c, _, _, class) = self.chars[k];
                if class != Class::Star {
                    k += 1;
                    continue;
                }
                if c != '*' {
                    self.chars[k].3 = Class::Sep;
                    k += 1;
                    continue;
                }
                let mut e = k;
                while e < j && self.chars[e].0 == '*' {
                    e += 1;
                }
                let before = k > i && self.chars[k - 1].3 == Class::Letter;
                let after = e < j && self.chars[e].3 == Class::Letter;
                let class = if before && after {
                    Class::Star
                } else {
                    Class::Sep
                };
                for c in &mut self.chars[k..e] {
                    c.3 = class;
                }
                k = e;
            }
            i = j;
        }
    }

    fn join_spaced_letters(&mut self) {
        let n = self.chars.len();
        let is_sep = |c: &(char, usize, usize, Class)| c.3 == Class::Sep && c.0 != '\n';
        let single = |chars: &[(char, usize, usize, Class)], k: usize| {
            chars[k].3 == Class::Letter
                && (k == 0 || chars[k - 1].3 == Class::Sep)
                && (k + 1 == n || chars[k + 1].3 == Class::Sep)
        };
        let mut k = 0;
        while k < n {
            if !single(&self.chars, k) {
                k += 1;
                continue;
            }
            // A chain of single letters separated by 1..=2 separators.
            let (first, mut cur, mut len) = (k, k, 1);
            loop {
                let mut s = cur + 1;
                while s < n && s - cur - 1 < 3 && is_sep(&self.chars[s]) {
                    s += 1;
                }
                let gap = s - cur - 1;
                if (1..=2).contains(&gap) && s < n && single(&self.chars, s) {
                    cur = s;
                    len += 1;
                } else {
                    break;
                }
            }
            if len >= 3 {
                // everything between the chain's letters is a separator
                for c in &mut self.chars[first..cur] {
                    if c.3 == Class::Sep {
                        c.3 = Class::Drop;
                    }
                }
            }
            k = cur + 1;
        }
    }

    fn emit(&mut self) {
        let mut last: Option<char> = None;
        for &(c, start, end, class) in &self.chars {
            let out = match class {
                Class::Drop => continue,
                Class::Sep => ' ',
                Class::Star => '*',
                Class::Letter | Class::Digit => c,
            };
            let collapsible = class != Class::Digit;
            if collapsible && last == Some(out) {
                let u = self.units.last_mut().expect("unit exists when last is set");
                u.end = end;
                u.count = u.count.saturating_add(1);
                continue;
            }
            let idx = self.units.len() as u32;
            self.units.push(Unit {
                start,
                end,
                count: 1,
            });
            self.text.push(out);
            if out.is_ascii() {
                self.byte_unit.push(idx);
            } else {
                self.byte_unit
                    .extend(std::iter::repeat_n(idx, out.len_utf8()));
            }
            last = if collapsible { Some(out) } else { None };
        }
    }
}

/// Lowercase and strip the diacritics people use to dodge filters.
fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let c = c.to_lowercase().next().unwrap_or(c);
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ñ' | 'ń' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ŵ' => 'w',
        'ß' => 's',
        _ => c,
    }
}

impl Normalised {
    /// A lexicon term in normalised form: the text to search for and the
    /// run length each of its units requires. A method, so a pack's tens
    /// of thousands of terms reuse one set of buffers (benches/README.md).
    pub fn term(&mut self, term: &str) -> (String, Vec<u16>) {
        self.run(term);
        let lead = self.text.len() - self.text.trim_start().len();
        let t = self.text.trim();
        let mut counts = Vec::new();
        let mut prev = None;
        for b in lead..lead + t.len() {
            let u = self.byte_unit[b] as usize;
            if prev != Some(u) {
                // a space matches any run of separators
                let c = if self.text.as_bytes()[b] == b' ' {
                    1
                } else {
                    self.units[u].count
                };
                counts.push(c);
                prev = Some(u);
            }
        }
        (t.to_string(), counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text normalised again after another gives what a fresh
    /// normaliser gives: the buffers are reused, and the same text twice
    /// in a row is not normalised twice.
    #[test]
    fn the_same_text_again_or_after_another_normalises_the_same() {
        let texts = [
            "Sh!t Cl0wn  doctors",
            "",
            "ärger über 🙂 f*ck",
            "Sh!t Cl0wn  doctors",
        ];
        let mut reused = Normalised::default();
        for t in texts.iter().chain(texts.iter().rev()) {
            reused.run(t);
            reused.run(t);
            let mut fresh = Normalised::default();
            fresh.run(t);
            assert_eq!(reused.text, fresh.text, "{t}");
            assert_eq!(reused.byte_unit, fresh.byte_unit, "{t}");
            let spans = |n: &Normalised| -> Vec<(usize, usize, u16)> {
                n.units.iter().map(|u| (u.start, u.end, u.count)).collect()
            };
            assert_eq!(spans(&reused), spans(&fresh), "{t}");
        }
    }

    fn norm(s: &str) -> String {
        let mut n = Normalised::default();
        n.run(s);
        n.text
    }

    #[test]
    fn folds_case_leet_and_repeats() {
        assert_eq!(norm("SH1T"), "shit");
        assert_eq!(norm("fuuuuck!"), "fuck ");
        assert_eq!(norm("$hite"), "shite");
        assert_eq!(norm("the A55 road"), "the a55 road");
        assert_eq!(norm("Café"), "cafe");
        assert_eq!(norm("sh!t p|ss wow!"), "shit pis wow ");
        assert_eq!(norm("fu\u{200b}ck"), "fuck");
        assert_eq!(norm("#FuckCancer McFly"), " fuck cancer mcfly");
    }

    #[test]
    fn the_ascii_path_classifies_every_byte_as_the_char_path_does() {
        let all: String = (0u8..128).map(char::from).collect();
        let texts = [
            all.clone(),
            format!("#CamelCase\x0bWord #aB {all} f.u.c.k sh!t $h1t @me"),
        ];
        for t in texts {
            let (mut a, mut c) = (Normalised::default(), Normalised::default());
            a.classify_ascii(&t);
            c.classify(&t);
            assert_eq!(a.chars, c.chars, "{t:?}");
        }
    }

    #[test]
    fn masks_and_spaced_letters() {
        assert_eq!(norm("f*ck"), "f*ck");
        assert_eq!(norm("f**k"), "f*k");
        assert_eq!(norm("*emphasis*"), " emphasis ");
        assert_eq!(norm("f.u.c.k off"), "fuck of");
        assert_eq!(norm("f u c k"), "fuck");
        assert_eq!(norm("a b"), "a b");
    }

    #[test]
    fn offsets_map_back_to_original() {
        let s = "Oh f.u.c.k, fuuuck";
        let mut n = Normalised::default();
        n.run(s);
        let i = n.text.find("fuck").unwrap();
        let u0 = n.units[n.byte_unit[i] as usize];
        let u1 = n.units[n.byte_unit[i + 3] as usize];
        assert_eq!(&s[u0.start..u1.end], "f.u.c.k");
        let j = n.text.rfind("fuck").unwrap();
        let a = n.units[n.byte_unit[j] as usize];
        let b = n.units[n.byte_unit[j + 3] as usize];
        assert_eq!(&s[a.start..b.end], "fuuuck");
        assert_eq!(n.units[n.byte_unit[j + 1] as usize].count, 3);
    }

    #[test]
    fn term_counts_keep_doubles() {
        assert_eq!(
            Normalised::default().term("ass"),
            ("as".to_string(), vec![1, 2])
        );
        assert_eq!(
            Normalised::default().term("Pissed  off"),
            ("pised of".to_string(), vec![1, 1, 2, 1, 1, 1, 1, 2])
        );
    }
}

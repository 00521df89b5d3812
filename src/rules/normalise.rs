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
    /// `text` between two spaces: the lexicons' automata search this for
    /// their terms between spaces, so every match is whole words and the
    /// search inside a word stays at the automaton's root
    /// (benches/README.md).
    pub spaced: String,
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

/// What [`Normalised::plain_ascii`] knows of the words it has read, to
/// give up where the full path would rewrite one.
#[derive(Default)]
struct PlainWords {
    /// The word being read: its length, letters and digits.
    len: usize,
    letters: usize,
    digits: usize,
    /// Whether the last word was a single letter, and the separators since
    /// it (and whether one was a line break).
    single_before: bool,
    gap: usize,
    gap_newline: bool,
}

impl PlainWords {
    fn character(&mut self, digit: bool) {
        self.len += 1;
        if digit {
            self.digits += 1;
        } else {
            self.letters += 1;
        }
    }

    /// A separator read (a line break or not): `false` where the word it
    /// ends would be rewritten.
    fn separator(&mut self, newline: bool) -> bool {
        if !self.word_ends() {
            return false;
        }
        self.gap += 1;
        self.gap_newline |= newline;
        true
    }

    /// The end of a word (nothing if none is being read): `false` where
    /// the full path would rewrite it — leetspeak, or a single letter a
    /// separator or two after another (perhaps spaced out).
    fn word_ends(&mut self) -> bool {
        if self.len == 0 {
            return true;
        }
        if self.digits > 0 && self.letters >= 2 {
            return false;
        }
        let single = self.len == 1 && self.letters == 1;
        if single && self.single_before && (1..=2).contains(&self.gap) && !self.gap_newline {
            return false;
        }
        *self = PlainWords {
            single_before: single,
            ..PlainWords::default()
        };
        true
    }
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
        if !(s.is_ascii() && self.plain_ascii(s)) {
            self.full(s);
        }
        self.spaced.clear();
        self.spaced.push(' ');
        self.spaced.push_str(&self.text);
        self.spaced.push(' ');
    }

    /// Empty output buffers, for either path to fill.
    fn clear_output(&mut self) {
        self.text.clear();
        self.byte_unit.clear();
        self.units.clear();
    }

    /// Every step of [`Normalised::run`], in turn, for any text.
    fn full(&mut self, s: &str) {
        self.clear_output();
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

    /// The whole of [`Normalised::run`] in one pass over the bytes, for
    /// ASCII text that none of its rewriting steps would touch but the
    /// simple ones (case, `!` or `|` between letters, an `@` opening a
    /// word, camel case in hashtags): nearly every field. It gives up
    /// (`false`, the buffers half-filled) at the first thing it does not
    /// handle — `$` or `*`, an `@` inside a word, a word of two letters or
    /// more with a digit in it (leetspeak), or two single letters a
    /// separator or two apart (perhaps spaced out) — and `run` takes the
    /// full path. The test below holds the two paths to the same output.
    fn plain_ascii(&mut self, s: &str) -> bool {
        self.clear_output();
        let b = s.as_bytes();
        let letter = |j: usize| b.get(j).is_some_and(u8::is_ascii_alphabetic);
        let (mut hashtag, mut prev_lower) = (false, false);
        let mut last: Option<char> = None;
        let mut words = PlainWords::default();
        for (i, &c) in b.iter().enumerate() {
            if c == b'#' {
                hashtag = true;
            } else if c.is_ascii_whitespace() || c == 0x0b {
                hashtag = false;
            } else if hashtag && prev_lower && c.is_ascii_uppercase() {
                // "#FuckCancer": a separator of no width between the words
                if !words.separator(false) {
                    return false;
                }
                self.unit(' ', i, i, true, &mut last);
            }
            prev_lower = c.is_ascii_lowercase();
            let f = c.to_ascii_lowercase();
            let out = match f {
                b'a'..=b'z' | b'0'..=b'9' => Some(f),
                b'!' | b'|' if i > 0 && letter(i - 1) && letter(i + 1) => Some(b'i'),
                b'$' | b'*' => return false,
                b'@' if i > 0
                    && (b[i - 1].is_ascii_alphanumeric()
                        || matches!(b[i - 1], b'@' | b'$' | b'*')) =>
                {
                    return false;
                }
                _ => None,
            };
            match out {
                Some(o) => {
                    words.character(o.is_ascii_digit());
                    self.unit(char::from(o), i, i + 1, !o.is_ascii_digit(), &mut last);
                }
                None => {
                    if !words.separator(c == b'\n') {
                        return false;
                    }
                    self.unit(' ', i, i + 1, true, &mut last);
                }
            }
        }
        words.word_ends()
    }

    /// One character out: a repeat of the last collapsible character
    /// widens its unit. Both paths write through it, once per character,
    /// so it is inlined into each.
    #[inline(always)]
    fn unit(
        &mut self,
        out: char,
        start: usize,
        end: usize,
        collapsible: bool,
        last: &mut Option<char>,
    ) {
        if collapsible && *last == Some(out) {
            let u = self.units.last_mut().expect("unit exists when last is set");
            u.end = end;
            u.count = u.count.saturating_add(1);
            return;
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
        *last = if collapsible { Some(out) } else { None };
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
        for k in 0..self.chars.len() {
            let (c, start, end, class) = self.chars[k];
            let out = match class {
                Class::Drop => continue,
                Class::Sep => ' ',
                Class::Star => '*',
                Class::Letter | Class::Digit => c,
            };
            self.unit(out, start, end, class != Class::Digit, &mut last);
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

    /// The one-pass path for plain ASCII gives exactly what every step
    /// in turn gives, wherever it does not give up; and it does not give
    /// up on ordinary posts.
    #[test]
    fn the_plain_ascii_path_agrees_with_the_full_one() {
        let pieces = [
            "a", "B", "i", "ward", "Bed", "x", "7", "19", "0", "!", "|", "@", "#", "$", "*", " ",
            "  ", "\n", "\t", "\x0b", ".", "-", "&", "'", "Ab", "aB", "sh", "NHS", "2nd", "u",
        ];
        let mut seed: u64 = 42;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let (mut plain, mut given_up) = (0, 0);
        for _ in 0..20_000 {
            let len = 1 + next(12);
            let t: String = (0..len).map(|_| pieces[next(pieces.len())]).collect();
            let mut fast = Normalised::default();
            if !fast.plain_ascii(&t) {
                given_up += 1;
                continue;
            }
            plain += 1;
            let mut full = Normalised::default();
            full.full(&t);
            assert_eq!(fast.text, full.text, "{t:?}");
            assert_eq!(fast.byte_unit, full.byte_unit, "{t:?}");
            assert_eq!(fast.units, full.units, "{t:?}");
        }
        assert!(
            plain > 2_000 && given_up > 2_000,
            "{plain} plain, {given_up} given up"
        );
        for t in [
            "Have you had your COVID-19 booster yet? - please check our website. Call 111!",
            "@NHSEngland thanks!! Great work on Ward 7 #ProudToBeNHS #nhs",
            "Sh!t day, p|ss off",
        ] {
            assert!(Normalised::default().plain_ascii(t), "{t}");
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

//! The featuriser the scan and the trainer share (docs/RULES.md, "Learned
//! models"), so trained weights and run-time scores cannot drift apart.

/// Which features a model reads. The abuse model reads everything; the
/// policy model skips number tokens and may read words alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FeatureOptions {
    /// A token of digits alone ("12", "1,234", "0113") gives no feature:
    /// the policy model's written breaches carry more numbers than
    /// ordinary posts do, and a model that learns "a number" finds
    /// patients in "we saw 1,234 people in A&E". Numbers that matter have
    /// their own pattern rules.
    pub skip_numbers: bool,
    /// Character 3- and 4-grams of each word, besides words and word
    /// pairs. They carry spelling variants; they are also most of the
    /// features, so most of the cost (benches/README.md).
    pub char_ngrams: bool,
    /// A link also gives the words of its host and path ("casino",
    /// "bonus", "claim" in `casino-bonus.example.net/claim`), and a bare
    /// host with a known ending (`bit.ly/x`, `example[.]com`) is a link
    /// too. Without it every link is the one token `url`, and a head for
    /// bad links has nothing to read (docs/RULES.md, "Learned models").
    pub url_parts: bool,
    /// Word features and character features are two blocks, each scaled
    /// by one over the square root of its own size, instead of one block
    /// scaled together. Character n-grams outnumber words five to one, and
    /// scaled together they drown the words; apart, a head learns from
    /// both (docs/EVALUATION.md, "Words and letters weighed apart").
    pub split_norm: bool,
}

impl Default for FeatureOptions {
    fn default() -> Self {
        FeatureOptions {
            skip_numbers: false,
            char_ngrams: true,
            url_parts: false,
            split_norm: false,
        }
    }
}

impl FeatureOptions {
    /// The flags word of a model file: bit 0 skip numbers, bit 1 words
    /// only, bit 2 link parts, bit 3 word and character blocks scaled apart.
    pub fn to_flags(self) -> u32 {
        u32::from(self.skip_numbers)
            | (u32::from(!self.char_ngrams) << 1)
            | (u32::from(self.url_parts) << 2)
            | (u32::from(self.split_norm) << 3)
    }

    pub fn from_flags(flags: u32) -> Option<FeatureOptions> {
        (flags & !15 == 0).then_some(FeatureOptions {
            skip_numbers: flags & 1 != 0,
            char_ngrams: flags & 2 == 0,
            url_parts: flags & 4 != 0,
            split_norm: flags & 8 != 0,
        })
    }
}

/// Reusable buffers for feature extraction (no allocation per text once
/// warm).
#[derive(Default)]
pub struct Features {
    /// Feature ids; with `split_norm`, the word features come first, up to
    /// `words_end`, then the character features.
    pub ids: Vec<u32>,
    /// Where the word block of `ids` ends (`ids.len()` when the blocks are
    /// not kept apart).
    pub words_end: usize,
    /// The character block while it is built (`split_norm`).
    char_ids: Vec<u32>,
    token: String,
    /// Every token of the text last read (`source`, links read as
    /// `cut_as` says), numbers included, as ranges of `text`.
    tokens: Vec<(usize, usize)>,
    text: String,
    cut_as: Option<bool>,
    /// Per token: whether it is digits only, and its word hash (unmasked).
    number: Vec<bool>,
    word_h: Vec<u32>,
    /// Character n-gram hashes (unmasked) of every token, and each
    /// token's range of them; made on first need for a cut.
    char_h: Vec<u32>,
    char_at: Vec<(u32, u32)>,
    chars_hashed: bool,
    /// How many tokens the last extraction kept, and whether it skipped
    /// numbers.
    kept_words: usize,
    kept_skip: bool,
    /// The text and mask the features were last extracted from: several
    /// models of one bucket count score the same field, and extraction is
    /// the costly part (benches/README.md).
    source: String,
    source_key: Option<(u32, FeatureOptions)>,
    /// The heads' sums and probabilities for the features above, and the
    /// model (by its id) they were scored with; cleared with the features
    /// (`Model::score_all`).
    pub(super) head_sums: Vec<i32>,
    /// The character block's sums, when it is kept apart (else zeros).
    pub(super) char_sums: Vec<i32>,
    pub(super) head_probs: Vec<f32>,
    pub(super) probs_of: Option<u64>,
}

impl Features {
    /// How many word tokens the last extraction found.
    pub fn words(&self) -> usize {
        self.kept_words
    }

    /// Hashed features of `text` into `0..=mask`: lower-cased word
    /// unigrams and adjacent pairs, and character 3- and 4-grams of each
    /// word with boundary marks (they carry spelling variants and
    /// inflections the word features miss). Handles become `@user`, links
    /// `url`, digits `0`, and runs of one letter longer than two are cut
    /// to two ("sooooo" → "soo").
    pub fn extract(&mut self, text: &str, mask: u32) {
        self.extract_with(text, mask, FeatureOptions::default());
    }

    /// As [`Features::extract`], with the features `opts` chooses.
    ///
    /// A text is cut into tokens, and each token's word and character
    /// hashes computed, once for every option set that reads links the
    /// same way: the abuse and policy models score the same posts and
    /// differ only in skipping number tokens (benches/README.md). The ids
    /// come out in the order they always have.
    pub fn extract_with(&mut self, text: &str, mask: u32, opts: FeatureOptions) {
        let same_text = self.source == text;
        if same_text && self.source_key == Some((mask, opts)) {
            return;
        }
        // (the tokens are always of `source`: a new text is cut below)
        if !same_text {
            self.source.clear();
            self.source.push_str(text);
        }
        self.source_key = Some((mask, opts));
        self.probs_of = None;
        self.ids.clear();
        if !same_text || self.cut_as != Some(opts.url_parts) {
            self.cut(text, opts.url_parts);
        }
        if opts.char_ngrams && !self.chars_hashed {
            self.hash_chars();
        }
        self.hash_tokens(mask, opts);
    }

    /// Every token of `text` (numbers marked, not dropped) with its word
    /// hash.
    fn cut(&mut self, text: &str, url_parts: bool) {
        self.cut_as = Some(url_parts);
        self.chars_hashed = false;
        self.text.clear();
        self.tokens.clear();
        self.number.clear();
        self.word_h.clear();
        for raw in text.split_whitespace() {
            self.token.clear();
            let schemed = schemed(raw);
            if raw.starts_with('@') && raw.len() > 1 {
                self.token.push_str("@user");
            } else if url_parts && (schemed || bare_link(raw)) {
                self.push_token("url");
                for word in link_words(raw) {
                    self.push_token(&word);
                }
                continue;
            } else if schemed {
                self.token.push_str("url");
            } else if raw.is_ascii() {
                // the same as below, byte by byte (nearly every token)
                let mut last = 0u8;
                let mut run = 0;
                for b in raw.bytes() {
                    let b = if b.is_ascii_digit() {
                        b'0'
                    } else {
                        b.to_ascii_lowercase()
                    };
                    if !(b.is_ascii_alphanumeric() || b == b'*') {
                        continue;
                    }
                    if b == last {
                        run += 1;
                        if run > 2 {
                            continue;
                        }
                    } else {
                        last = b;
                        run = 1;
                    }
                    self.token.push(char::from(b));
                }
            } else {
                let mut last = '\0';
                let mut run = 0;
                for c in raw.chars().flat_map(char::to_lowercase) {
                    let c = if c.is_ascii_digit() { '0' } else { c };
                    if !(c.is_alphanumeric() || c == '*') {
                        continue;
                    }
                    if c == last {
                        run += 1;
                        if run > 2 {
                            continue;
                        }
                    } else {
                        last = c;
                        run = 1;
                    }
                    self.token.push(c);
                }
            }
            if self.token.is_empty() {
                continue;
            }
            // (taken and put back, so the buffer's allocation is reused)
            let token = std::mem::take(&mut self.token);
            self.push_token(&token);
            self.token = token;
        }
    }

    fn push_token(&mut self, token: &str) {
        let start = self.text.len();
        self.text.push_str(token);
        self.tokens.push((start, self.text.len()));
        self.number.push(token.bytes().all(|b| b == b'0'));
        self.word_h.push(fold(part(AFTER_W, token.as_bytes())));
    }

    /// Character 3- and 4-gram hashes of "<word>" for every token but
    /// handles and links; ASCII words (nearly all) are windowed as bytes,
    /// others as chars.
    fn hash_chars(&mut self) {
        self.char_h.clear();
        self.char_at.clear();
        for &(s, e) in &self.tokens {
            let w = &self.text[s..e];
            let from = self.char_h.len() as u32;
            if w != "@user" && w != "url" {
                char_hashes(w, &mut self.char_h);
            }
            self.char_at.push((from, self.char_h.len() as u32));
        }
        self.chars_hashed = true;
    }

    /// Word, word-pair and character n-gram features of the tokens the
    /// options keep.
    fn hash_tokens(&mut self, mask: u32, opts: FeatureOptions) {
        // With `split_norm` the character ids wait in `chars` and follow
        // the words; without it they interleave as they always have, so
        // older models train and score byte for byte as before.
        let mut chars = std::mem::take(&mut self.char_ids);
        chars.clear();
        let kept = |i: usize| !(opts.skip_numbers && self.number[i]);
        let mut next_kept = (0..self.tokens.len()).filter(|&i| kept(i));
        let mut cur = next_kept.next();
        let mut words = 0;
        while let Some(i) = cur {
            words += 1;
            let following = next_kept.next();
            self.ids.push(self.word_h[i] & mask);
            if let Some(j) = following {
                let (s, e) = self.tokens[i];
                let (s2, e2) = self.tokens[j];
                let h = part(part(AFTER_B, &self.text.as_bytes()[s..e]), b" ");
                self.ids
                    .push(fold(part(h, &self.text.as_bytes()[s2..e2])) & mask);
            }
            if opts.char_ngrams {
                let (a, b) = self.char_at[i];
                let hashes = self.char_h[a as usize..b as usize]
                    .iter()
                    .map(|&h| h & mask);
                if opts.split_norm {
                    chars.extend(hashes);
                } else {
                    self.ids.extend(hashes);
                }
            }
            cur = following;
        }
        self.kept_words = words;
        self.kept_skip = opts.skip_numbers;
        self.words_end = self.ids.len();
        self.ids.extend_from_slice(&chars);
        self.char_ids = chars;
    }

    /// The tokens the last extraction kept, for a finding's detail.
    pub(super) fn kept_tokens(&self) -> impl Iterator<Item = &str> {
        self.tokens
            .iter()
            .zip(&self.number)
            .filter(|&(_, &n)| !(self.kept_skip && n))
            .map(|(&(s, e), _)| &self.text[s..e])
    }
}

/// Character 3- and 4-gram hashes of "<w>", unmasked, 3-grams first.
fn char_hashes(w: &str, out: &mut Vec<u32>) {
    if w.is_ascii() {
        let mut buf = [0u8; 64];
        let b = w.as_bytes();
        if b.len() + 2 <= buf.len() {
            buf[0] = b'<';
            buf[1..=b.len()].copy_from_slice(b);
            buf[b.len() + 1] = b'>';
            let marked = &buf[..b.len() + 2];
            for (n, after) in [(3usize, AFTER_3), (4, AFTER_4)] {
                for win in marked.windows(n) {
                    out.push(fold(part(after, win)));
                }
            }
            return;
        }
    }
    let marked: Vec<char> = std::iter::once('<')
        .chain(w.chars())
        .chain(std::iter::once('>'))
        .collect();
    // at most four chars of at most four bytes each
    let mut buf = [0u8; 16];
    for n in [3usize, 4] {
        for win in marked.windows(n) {
            let mut len = 0;
            for c in win {
                len += c.encode_utf8(&mut buf[len..]).len();
            }
            let tag: &[u8] = if n == 3 { b"3" } else { b"4" };
            out.push(hash(&[tag, &buf[..len]]));
        }
    }
}

/// Endings that make a bare `name.ending/...` token a link; a short list
/// on purpose, so "St.John" or "e.g." stay words.
const LINK_ENDINGS: [&str; 24] = [
    "com", "net", "org", "uk", "ly", "io", "co", "me", "gd", "gl", "info", "biz", "xyz", "top",
    "ru", "cn", "app", "site", "online", "shop", "link", "click", "live", "tk",
];

/// Whether the text holds a link as the featuriser reads one: a token
/// starting `http` or `www.`, or a bare host with a known ending.
pub fn has_link(text: &str) -> bool {
    // A bare host needs a dot with a letter or digit after it ("bit.ly",
    // not a full stop before a space) or a defused "[.]"; most texts have
    // none, and then only a token starting `http` or `www.` can be a link.
    let b = text.as_bytes();
    let hosty = memchr::memchr_iter(b'.', b).any(|i| {
        b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
            || (i > 0 && b[i - 1] == b'[' && b.get(i + 1) == Some(&b']'))
    });
    if !hosty {
        return text.split_whitespace().any(schemed);
    }
    // (a token without a dot has no host: most are settled by that alone)
    text.split_whitespace()
        .any(|raw| schemed(raw) || (raw.contains('.') && bare_link(raw)))
}

/// [`has_link`] without its fast paths: every token judged in full, for
/// the test that they agree.
#[cfg(test)]
fn any_token_is_link(text: &str) -> bool {
    text.split_whitespace()
        .any(|raw| schemed(raw) || bare_link(raw))
}

/// A token starting `http` or `www.`, in any case.
fn schemed(raw: &str) -> bool {
    let head = raw.get(..4).unwrap_or("");
    head.eq_ignore_ascii_case("http") || head.eq_ignore_ascii_case("www.")
}

/// A bare host with a known ending, maybe with a path: `bit.ly/3xY`,
/// `casino-bonus.example.net`, `example[.]com` (written so to defuse it).
fn bare_link(raw: &str) -> bool {
    let raw = raw.trim_end_matches(|c: char| !c.is_ascii_alphanumeric() && c != '/');
    let host = raw.split(['/', '?', '#']).next().unwrap_or("");
    // Every token of every scored text comes here, and nearly none has a
    // dot: settled before anything is allocated.
    if !host.contains('.') || host.contains('@') || !host.is_ascii() {
        return false;
    }
    let defused;
    let host = if host.contains("[.]") {
        defused = host.replace("[.]", ".");
        defused.as_str()
    } else {
        host
    };
    // The host holds a dot, so it has two labels or more.
    let label =
        |l: &str| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    let last = host.rsplit('.').next().unwrap_or("");
    host.split('.').all(label) && LINK_ENDINGS.iter().any(|e| last.eq_ignore_ascii_case(e))
}

/// The words of a link's host and path, lower-cased: letters only, 3 to 20
/// long, without `www`, the endings above, or `example` (the reserved
/// domain every synthetic text here uses, which says nothing about a
/// real link). Digits and mixed runs are dropped: they are ids and
/// shortener codes.
fn link_words(raw: &str) -> Vec<String> {
    let lower = raw.to_ascii_lowercase().replace("[.]", ".");
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .unwrap_or(&lower);
    let mut out = Vec::new();
    for part in rest.split(|c: char| !c.is_ascii_alphanumeric()) {
        let words =
            part.len() >= 3 && part.len() <= 20 && part.bytes().all(|b| b.is_ascii_lowercase());
        if words
            && part != "www"
            && part != "example"
            && part != "http"
            && part != "https"
            && !LINK_ENDINGS.contains(&part)
            && out.len() < 12
        {
            out.push(part.to_string());
        }
    }
    out
}

/// FNV-1a (64-bit) over the parts, folded to 32 bits: the same on every
/// platform, so trained weights mean the same thing everywhere.
pub(super) fn hash(parts: &[&[u8]]) -> u32 {
    fold(parts.iter().fold(FNV_OFFSET, |h, p| part(h, p)))
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// One part of [`hash`]: its bytes, then the separator.
const fn part(mut h: u64, bytes: &[u8]) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    h ^= 0xff;
    h.wrapping_mul(0x0100_0000_01b3)
}

const fn fold(h: u64) -> u32 {
    (h ^ (h >> 32)) as u32
}

/// The state after each feature kind's tag, so a feature hashes only its
/// own bytes: the same values as `hash(&[tag, …])`, a third fewer steps
/// for a character n-gram.
const AFTER_W: u64 = part(FNV_OFFSET, b"w");
const AFTER_B: u64 = part(FNV_OFFSET, b"b");
const AFTER_3: u64 = part(FNV_OFFSET, b"3");
const AFTER_4: u64 = part(FNV_OFFSET, b"4");

/// The four tagged hashes as `extract_with` computes them, for the test
/// that they equal [`hash`].
#[cfg(test)]
pub(super) fn tagged_hashes_for_test(w: &[u8], next: &[u8]) -> (u32, u32, u32, u32) {
    (
        fold(part(AFTER_W, w)),
        fold(part(part(part(AFTER_B, w), b" "), next)),
        fold(part(AFTER_3, w)),
        fold(part(AFTER_4, w)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text cut once and hashed for several option sets gives, for
    /// each, exactly the ids (in order) and word count of a fresh
    /// extraction: what the abuse and policy models share is only the
    /// work, never a feature.
    #[test]
    fn features_reused_across_options_equal_a_fresh_extraction() {
        const PIECES: &[&str] = &[
            "ward",
            "12",
            "1,234",
            " ",
            "  ",
            "@nurse",
            "https://x.example/a",
            "bit.ly/3x",
            "sooooo",
            "Café",
            "niño",
            "0113",
            "***",
            "f*ck",
            "\u{1f600}",
            "x",
            "-",
            "A&E",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "url",
        ];
        let opts: Vec<FeatureOptions> = (0..16).filter_map(FeatureOptions::from_flags).collect();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut shared = Features::default();
        for _ in 0..3_000 {
            let mut text = String::new();
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            for k in 0..(seed >> 59) as usize + 1 {
                text.push_str(PIECES[((seed >> (k * 7 % 50)) as usize) % PIECES.len()]);
                text.push(' ');
            }
            for (n, &o) in opts.iter().enumerate() {
                // the same scratch, options in a changing order, two masks
                let o2 = opts[(n + (seed >> 40) as usize) % opts.len()];
                let mask = if n % 2 == 0 { 0x3ffff } else { 0xffff };
                for o in [o, o2] {
                    shared.extract_with(&text, mask, o);
                    let mut fresh = Features::default();
                    fresh.extract_with(&text, mask, o);
                    assert_eq!(shared.ids, fresh.ids, "{text:?} {o:?}");
                    assert_eq!(shared.words_end, fresh.words_end, "{text:?} {o:?}");
                    assert_eq!(shared.words(), fresh.words(), "{text:?} {o:?}");
                    assert!(shared.kept_tokens().eq(fresh.kept_tokens()));
                }
            }
        }
    }

    #[test]
    fn the_fast_path_of_has_link_agrees_with_judging_every_token() {
        const PIECES: &[&str] = &[
            "a", "bit", ".", "[.]", "[", "]", " ", "/", "http", "WWW.", "com", "ly", "-", "@",
            "uk", "3", "?", "end. ", "e.g.", "x1", "\t", "\u{a0}", "é",
        ];
        // a fixed linear congruential sequence: the same strings every run
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut links = 0;
        for _ in 0..50_000 {
            let mut text = String::new();
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            for k in 0..(seed >> 60) as usize + 1 {
                let i = ((seed >> (k * 5 % 55)) as usize) % PIECES.len();
                text.push_str(PIECES[i]);
            }
            let fast = has_link(&text);
            assert_eq!(fast, any_token_is_link(&text), "{text:?}");
            links += usize::from(fast);
        }
        // both answers were exercised
        assert!((1_000..49_000).contains(&links), "{links}");
    }
}

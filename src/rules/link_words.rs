//! The words a web address is made of, matched against word lists: how a
//! `link-words` rule knows a site by what it calls itself
//! (docs/RULES.md, "Addresses that name their trade").
//!
//! Sites that trade in gore, piracy, extremism or unlicensed medicines name
//! themselves for it and change their domains faster than any list of
//! domains ("bestgore.fun", "gorezone-uk.com", "ukstreamz.live"). An
//! address is split into words, its host apart from its path, and each
//! word is looked up in the rule's lists. A list entry is
//!
//! - `word`: that whole word ("gore" in "gore-clips.example");
//! - `word*` / `*word` / `*word*`: a word that starts with it, ends with
//!   it or holds it (or is it), for the compounds domains are made of
//!   ("gorezone", "bestgore", "ukxanaxshop");
//! - `two words`: consecutive words ("great replacement" in
//!   "the-great-replacement.example");
//! - `!word`: a whole word that never counts, whatever part it contains
//!   ("goretex" against `gore*`).
//!
//! Host lists are read in the host only; path lists in the host and the
//! path, for the words that mean the same wherever they stand ("nsfw",
//! a macro-enabled ".xlsm" file). On a host whose path names the site (a
//! Telegram channel, "t.me/ukmodafinilshop"; a subreddit, "reddit.com/r/x")
//! that name is read as the host. The organisation's own and public-sector
//! hosts are never read (metadata.rs).

/// Hosts whose first path segment (after `r/` on Reddit) is the name of
/// the channel or community the address leads to.
const NAMED_BY_PATH: &[&str] = &["t.me", "telegram.me", "reddit.com", "old.reddit.com"];

use aho_corasick::AhoCorasick;
use std::collections::HashSet;

/// One list entry, parsed: a word or compound part, and where in a word
/// it must sit; or consecutive words.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    Part(String, Part),
    Phrase(Vec<String>),
}

impl Entry {
    fn parse(raw: &str) -> Option<Entry> {
        let raw = raw.trim().to_ascii_lowercase();
        let words: Vec<String> = raw
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '*')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        match words.as_slice() {
            [] => None,
            [w] if w.len() > 2
                && w.starts_with('*')
                && w.ends_with('*')
                && !w[1..w.len() - 1].contains('*') =>
            {
                Some(Entry::Part(w[1..w.len() - 1].to_string(), Part::Anywhere))
            }
            [w] if w.len() > 1 && w.ends_with('*') && !w[..w.len() - 1].contains('*') => {
                Some(Entry::Part(w[..w.len() - 1].to_string(), Part::Start))
            }
            [w] if w.len() > 1 && w.starts_with('*') && !w[1..].contains('*') => {
                Some(Entry::Part(w[1..].to_string(), Part::End))
            }
            [w] if !w.contains('*') => Some(Entry::Part(w.clone(), Part::Whole)),
            ws if ws.iter().all(|w| !w.contains('*')) => Some(Entry::Phrase(ws.to_vec())),
            _ => None,
        }
    }
}

/// Where a compound part must sit in a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Whole,
    Start,
    End,
    Anywhere,
}

/// An address split into words once, lower-cased, host apart from path,
/// for every `link-words` rule to read.
#[derive(Debug)]
pub struct AddressWords {
    text: String,
    host: Vec<(usize, usize)>,
    path: Vec<(usize, usize)>,
}

impl AddressWords {
    /// `address` is a URL or a bare host with an optional path; its scheme
    /// and any credentials are ignored.
    pub fn new(address: &str) -> AddressWords {
        let text = address
            .split_once("://")
            .map_or(address, |(_, r)| r)
            .to_ascii_lowercase();
        let cut = text.find(['/', '?', '#']).unwrap_or(text.len());
        let mut host = (text[..cut].rfind('@').map_or(0, |i| i + 1), cut);
        let mut path = (cut, text.len());
        // a channel's or community's name stands in for the host
        let h = &text[host.0..host.1];
        if NAMED_BY_PATH.contains(&h.strip_prefix("www.").unwrap_or(h)) {
            let p = &text[cut..];
            let skip = p.len() - p.trim_start_matches('/').len();
            let mut from = cut + skip;
            if text[from..].starts_with("r/") {
                from += 2;
            }
            let to = text[from..]
                .find(['/', '?', '#'])
                .map_or(text.len(), |i| from + i);
            host = (from, to);
            path = (to, text.len());
        }
        let words = |(a, b): (usize, usize)| -> Vec<(usize, usize)> {
            let mut out = Vec::new();
            let mut start = None;
            for (i, c) in text[a..b].bytes().enumerate() {
                match (c.is_ascii_alphanumeric(), start) {
                    (true, None) => start = Some(a + i),
                    (false, Some(s)) => {
                        out.push((s, a + i));
                        start = None;
                    }
                    _ => {}
                }
            }
            if let Some(s) = start {
                out.push((s, b));
            }
            out
        };
        let (host, path) = (words(host), words(path));
        AddressWords { text, host, path }
    }

    fn words(&self, spans: &[(usize, usize)]) -> Vec<&str> {
        spans.iter().map(|&(a, b)| &self.text[a..b]).collect()
    }
}

/// The compiled lists of one `link-words` rule: whole words and compound
/// parts in one automaton (a whole word is a part that spans the word),
/// phrases and words that never count beside them. Each entry keeps its index, so the first entry in list
/// order wins when several match one word.
#[derive(Debug, Default)]
pub struct LinkWords {
    /// the entries as written, for the finding's detail, and whether each
    /// is read in the path as well as the host
    raw: Vec<(String, bool)>,
    parts: Option<AhoCorasick>,
    /// per automaton pattern: where it must sit, and its entry
    part_of: Vec<(Part, usize)>,
    phrases: Vec<(Vec<String>, usize)>,
    never: HashSet<String>,
}

/// A word list entry that cannot be read (`*` inside a word, or alone).
#[derive(Debug, PartialEq, Eq)]
pub struct BadEntry(pub String);

impl LinkWords {
    /// `host` and `path` are the entries of the rule's host and path lists.
    pub fn new<'a>(
        host: impl IntoIterator<Item = &'a String>,
        path: impl IntoIterator<Item = &'a String>,
    ) -> Result<LinkWords, BadEntry> {
        let mut lw = LinkWords::default();
        let mut stems = Vec::new();
        for (raw, in_path) in host
            .into_iter()
            .map(|r| (r, false))
            .chain(path.into_iter().map(|r| (r, true)))
        {
            if let Some(never) = raw.trim().strip_prefix('!') {
                lw.never.insert(never.trim().to_ascii_lowercase());
                continue;
            }
            let i = lw.raw.len();
            lw.raw.push((raw.trim().to_ascii_lowercase(), in_path));
            match Entry::parse(raw).ok_or_else(|| BadEntry(raw.clone()))? {
                Entry::Part(w, part) => {
                    stems.push(w);
                    lw.part_of.push((part, i));
                }
                Entry::Phrase(ws) => lw.phrases.push((ws, i)),
            }
        }
        if !stems.is_empty() {
            lw.parts =
                Some(AhoCorasick::new(&stems).expect("word-list parts are short ASCII strings"));
        }
        Ok(lw)
    }

    /// The first entry matching word `i` of `ws`, and how many words it
    /// spans; `in_path`: only entries the path list gave.
    fn at(&self, ws: &[&str], i: usize, in_path: bool) -> Option<(usize, usize)> {
        let w = ws[i];
        let ok = |e: usize| !in_path || self.raw[e].1;
        let mut best: Option<(usize, usize)> = None;
        if let Some(ac) = &self.parts {
            for m in ac.find_overlapping_iter(w) {
                let (part, e) = self.part_of[m.pattern().as_usize()];
                let fits = match part {
                    Part::Whole => m.start() == 0 && m.end() == w.len(),
                    Part::Start => m.start() == 0,
                    Part::End => m.end() == w.len(),
                    Part::Anywhere => true,
                };
                if fits && ok(e) && best.is_none_or(|(b, _)| e < b) {
                    best = Some((e, 1));
                }
            }
        }
        for (p, e) in &self.phrases {
            let fits = ws.len() - i >= p.len() && p.iter().zip(&ws[i..]).all(|(a, b)| a == b);
            if fits && ok(*e) && best.is_none_or(|(b, _)| *e < b) {
                best = Some((*e, p.len()));
            }
        }
        best
    }

    /// The first word of an address an entry matches, with the words
    /// matched and the entry: `("gorezone", "gore*")`. The host is read
    /// with every entry, the path with the path list's only.
    pub fn find<'a>(&'a self, a: &AddressWords) -> Option<(String, &'a str)> {
        for (spans, in_path) in [(&a.host, false), (&a.path, true)] {
            let ws = a.words(spans);
            for i in 0..ws.len() {
                if self.never.contains(ws[i]) {
                    continue;
                }
                if let Some((e, n)) = self.at(&ws, i, in_path) {
                    return Some((ws[i..i + n].join("-"), self.raw[e].0.as_str()));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Finds in one address, as the rules do.
    fn find<'a>(l: &'a LinkWords, address: &str) -> Option<(String, &'a str)> {
        l.find(&AddressWords::new(address))
    }

    fn lw(host: &[&str], path: &[&str]) -> LinkWords {
        let h: Vec<String> = host.iter().map(|s| s.to_string()).collect();
        let p: Vec<String> = path.iter().map(|s| s.to_string()).collect();
        LinkWords::new(&h, &p).unwrap()
    }

    #[test]
    fn a_host_names_its_trade_as_a_word_or_a_compound() {
        let l = lw(&["gore", "gore*", "*gore", "!goretex"], &[]);
        assert_eq!(
            find(&l, "https://gore-clips.example/x"),
            Some(("gore".into(), "gore"))
        );
        assert_eq!(
            find(&l, "gorezone-uk.com/er-fights"),
            Some(("gorezone".into(), "gore*"))
        );
        assert_eq!(find(&l, "bestgore.fun"), Some(("bestgore".into(), "*gore")));
        // an ordinary word that happens to start with the part
        assert_eq!(find(&l, "https://www.goretex.com/uk"), None);
        // a host list does not read the path
        assert_eq!(find(&l, "https://news.example.com/gore-in-films"), None);
    }

    #[test]
    fn phrases_are_consecutive_words_and_path_lists_read_the_path() {
        let l = lw(&["great replacement"], &["nsfw", "xlsm"]);
        assert_eq!(
            find(&l, "remigration-now.org/the-great-replacement"),
            None,
            "a host list does not read the path"
        );
        assert_eq!(
            find(&l, "the-great-replacement.example"),
            Some(("great-replacement".into(), "great replacement"))
        );
        assert_eq!(find(&l, "great-hip-replacement.example"), None);
        assert_eq!(
            find(&l, "https://www.reddit.com/r/NSFW_GIFS/"),
            Some(("nsfw".into(), "nsfw"))
        );
        assert_eq!(
            find(&l, "https://drive-share-files.top/rota_Dec.xlsm"),
            Some(("xlsm".into(), "xlsm"))
        );
    }

    #[test]
    fn a_channel_is_known_by_its_name() {
        let l = lw(&["*modafinil*", "*leaks"], &[]);
        assert_eq!(
            find(&l, "t.me/ukmodafinilshop24"),
            Some(("ukmodafinilshop24".into(), "*modafinil*"))
        );
        assert_eq!(
            find(&l, "https://www.reddit.com/r/trustleaks/comments/1"),
            Some(("trustleaks".into(), "*leaks"))
        );
        // elsewhere the path is the path
        assert_eq!(find(&l, "https://example.com/ukmodafinilshop24"), None);
    }

    #[test]
    fn credentials_in_an_address_are_not_its_host() {
        let l = lw(&["gore"], &[]);
        assert_eq!(find(&l, "https://gore@example.com/"), None);
    }

    #[test]
    fn unreadable_entries_are_refused() {
        let h = vec!["go*re".to_string()];
        assert_eq!(
            LinkWords::new(&h, &[]).unwrap_err(),
            BadEntry("go*re".into())
        );
        let h = vec!["*".to_string()];
        assert!(LinkWords::new(&h, &[]).is_err());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// Any token a post may hold splits without a panic, and every word
        /// it yields is lower-case ASCII letters and digits.
        #[test]
        fn any_address_splits_into_ascii_words(s in "\\PC{0,40}", t in "[a-zA-Z0-9./:@?#_-]{0,40}") {
            for text in [s.as_str(), t.as_str(), &format!("https://t.me/{t}"), &format!("reddit.com/r/{s}")] {
                let a = AddressWords::new(text);
                for (x, y) in a.host.iter().chain(&a.path) {
                    let w = &a.text[*x..*y];
                    proptest::prop_assert!(!w.is_empty());
                    proptest::prop_assert!(w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()), "{:?}", w);
                }
                let l = lw(&["*gore*", "two words"], &["xlsm"]);
                let _ = l.find(&a);
            }
        }
    }
}

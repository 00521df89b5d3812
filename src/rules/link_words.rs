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

/// One list entry, compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    Word(String),
    Prefix(String),
    Suffix(String),
    Contains(String),
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
                Some(Entry::Contains(w[1..w.len() - 1].to_string()))
            }
            [w] if w.len() > 1 && w.ends_with('*') && !w[..w.len() - 1].contains('*') => {
                Some(Entry::Prefix(w[..w.len() - 1].to_string()))
            }
            [w] if w.len() > 1 && w.starts_with('*') && !w[1..].contains('*') => {
                Some(Entry::Suffix(w[1..].to_string()))
            }
            [w] if !w.contains('*') => Some(Entry::Word(w.clone())),
            ws if ws.iter().all(|w| !w.contains('*')) => Some(Entry::Phrase(ws.to_vec())),
            _ => None,
        }
    }

    /// The words (at `i`) this entry matches in `words`, if any.
    fn at(&self, words: &[&str], i: usize) -> Option<usize> {
        let w = words[i];
        match self {
            Entry::Word(e) => (w == e).then_some(1),
            Entry::Prefix(e) => w.starts_with(e.as_str()).then_some(1),
            Entry::Suffix(e) => w.ends_with(e.as_str()).then_some(1),
            Entry::Contains(e) => w.contains(e.as_str()).then_some(1),
            Entry::Phrase(es) => (words.len() - i >= es.len()
                && es.iter().zip(&words[i..]).all(|(e, w)| e == w))
            .then_some(es.len()),
        }
    }
}

/// The compiled lists of one `link-words` rule.
#[derive(Debug, Default)]
pub struct LinkWords {
    host: Vec<(String, Entry)>,
    path: Vec<(String, Entry)>,
    never: Vec<String>,
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
        for (raw, into_path) in host
            .into_iter()
            .map(|r| (r, false))
            .chain(path.into_iter().map(|r| (r, true)))
        {
            if let Some(never) = raw.trim().strip_prefix('!') {
                lw.never.push(never.trim().to_ascii_lowercase());
                continue;
            }
            let e = Entry::parse(raw).ok_or_else(|| BadEntry(raw.clone()))?;
            let list = if into_path {
                &mut lw.path
            } else {
                &mut lw.host
            };
            list.push((raw.trim().to_ascii_lowercase(), e));
        }
        Ok(lw)
    }

    /// The first entry an address's words match, with the words matched:
    /// `("gorezone", "gore*")`. `address` is a URL or a bare host with an
    /// optional path; its scheme is ignored.
    pub fn find(&self, address: &str) -> Option<(String, &str)> {
        let rest = address
            .split_once("://")
            .map_or(address, |(_, r)| r)
            .to_ascii_lowercase();
        let (host, path) = rest
            .find(['/', '?', '#'])
            .map_or((rest.as_str(), ""), |i| rest.split_at(i));
        let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
        // a channel's or community's name stands in for the host
        let bare = host.strip_prefix("www.").unwrap_or(host);
        let (host, path) = if NAMED_BY_PATH.contains(&bare) {
            let p = path.trim_start_matches('/');
            let p = p.strip_prefix("r/").unwrap_or(p);
            p.find(['/', '?', '#']).map_or((p, ""), |i| p.split_at(i))
        } else {
            (host, path)
        };
        let words = |s: &'_ str| -> Vec<String> {
            s.split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect()
        };
        // the host is read with both lists, the path with the path list only
        for (ws, lists) in [
            (words(host), &[&self.host, &self.path][..]),
            (words(path), &[&self.path][..]),
        ] {
            let ws: Vec<&str> = ws.iter().map(String::as_str).collect();
            for i in 0..ws.len() {
                if self.never.iter().any(|n| n == ws[i]) {
                    continue;
                }
                for (raw, e) in lists.iter().flat_map(|l| l.iter()) {
                    if let Some(n) = e.at(&ws, i) {
                        return Some((ws[i..i + n].join("-"), raw.as_str()));
                    }
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lw(host: &[&str], path: &[&str]) -> LinkWords {
        let h: Vec<String> = host.iter().map(|s| s.to_string()).collect();
        let p: Vec<String> = path.iter().map(|s| s.to_string()).collect();
        LinkWords::new(&h, &p).unwrap()
    }

    #[test]
    fn a_host_names_its_trade_as_a_word_or_a_compound() {
        let l = lw(&["gore", "gore*", "*gore", "!goretex"], &[]);
        assert_eq!(
            l.find("https://gore-clips.example/x"),
            Some(("gore".into(), "gore"))
        );
        assert_eq!(
            l.find("gorezone-uk.com/er-fights"),
            Some(("gorezone".into(), "gore*"))
        );
        assert_eq!(l.find("bestgore.fun"), Some(("bestgore".into(), "*gore")));
        // an ordinary word that happens to start with the part
        assert_eq!(l.find("https://www.goretex.com/uk"), None);
        // a host list does not read the path
        assert_eq!(l.find("https://news.example.com/gore-in-films"), None);
    }

    #[test]
    fn phrases_are_consecutive_words_and_path_lists_read_the_path() {
        let l = lw(&["great replacement"], &["nsfw", "xlsm"]);
        assert_eq!(
            l.find("remigration-now.org/the-great-replacement"),
            None,
            "a host list does not read the path"
        );
        assert_eq!(
            l.find("the-great-replacement.example"),
            Some(("great-replacement".into(), "great replacement"))
        );
        assert_eq!(l.find("great-hip-replacement.example"), None);
        assert_eq!(
            l.find("https://www.reddit.com/r/NSFW_GIFS/"),
            Some(("nsfw".into(), "nsfw"))
        );
        assert_eq!(
            l.find("https://drive-share-files.top/rota_Dec.xlsm"),
            Some(("xlsm".into(), "xlsm"))
        );
    }

    #[test]
    fn a_channel_is_known_by_its_name() {
        let l = lw(&["*modafinil*", "*leaks"], &[]);
        assert_eq!(
            l.find("t.me/ukmodafinilshop24"),
            Some(("ukmodafinilshop24".into(), "*modafinil*"))
        );
        assert_eq!(
            l.find("https://www.reddit.com/r/trustleaks/comments/1"),
            Some(("trustleaks".into(), "*leaks"))
        );
        // elsewhere the path is the path
        assert_eq!(l.find("https://example.com/ukmodafinilshop24"), None);
    }

    #[test]
    fn credentials_in_an_address_are_not_its_host() {
        let l = lw(&["gore"], &[]);
        assert_eq!(l.find("https://gore@example.com/"), None);
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
}

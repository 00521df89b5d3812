//! Reported speech: abuse quoted to condemn it or to report it is not the
//! account's own abuse. "I've been called a \"Paki\" by a patient today",
//! "'Go back to your own country' is what one of our nurses was told":
//! the words a conduct rule finds are inside quotation marks, and the text
//! around them says someone else said or wrote them. A rule with
//! `reported = { … }` (a context table: words or named lists, a window,
//! `except` words) stands its hit down in exactly that case; the staff's
//! own words in quotes ("I told him he's a 'waste of space'") are kept by
//! the `except` words. A learned model's rule with `reported` scores the
//! field with such quotations left out (docs/RULES.md, "Scope keys").

use super::Hit;
use super::pack::{ContextDef, PackDef};
use super::pattern::{Context, compile_context, unless_applies};
use crate::error::Result;
use crate::record::Record;

#[derive(Default)]
pub struct Reported {
    /// The distinct `reported` tables of the pack, compiled once: the
    /// default pack's two dozen rules share one (benches/README.md).
    contexts: Vec<Context>,
    /// Per rule, its table in `contexts`.
    frames: Vec<Option<usize>>,
}

impl Reported {
    pub fn compile(def: &PackDef) -> Result<Reported> {
        let mut seen: Vec<&ContextDef> = Vec::new();
        let mut contexts = Vec::new();
        let mut frames = Vec::new();
        for r in &def.rules {
            let Some(c) = &r.reported else {
                frames.push(None);
                continue;
            };
            let at = match seen.iter().position(|s| *s == c) {
                Some(i) => i,
                None => {
                    contexts.push(compile_context(def, r, c, "reported")?);
                    seen.push(c);
                    seen.len() - 1
                }
            };
            frames.push(Some(at));
        }
        Ok(Reported { contexts, frames })
    }

    /// Rule `rule`'s compiled table, if it has one.
    fn frames(&self, rule: usize) -> Option<&Context> {
        self.frames
            .get(rule)
            .copied()
            .flatten()
            .map(|i| &self.contexts[i])
    }

    /// Whether `hit` lies inside quotation marks in its field and a
    /// reporting word of its rule stands within the window of the quote.
    pub fn stands_down(&self, record: &Record, hit: &Hit) -> bool {
        let Some(frames) = self.frames(hit.rule) else {
            return false;
        };
        let Some(fi) = super::compose::field_of(record, hit) else {
            return false;
        };
        let text = record.fields[fi].value.as_str();
        let all = quotes(text);
        innermost(&all, hit.start, hit.end)
            .is_some_and(|q| unless_applies(text, q.0, q.1, frames) || listed(text, &all, q))
    }

    /// For a learned model's rule, which reads the whole field: `text`
    /// with the quotations its frames make reported speech blanked out,
    /// so the model scores the author's own words; `None` when there is
    /// nothing to blank.
    pub fn own_words(&self, rule: usize, text: &str) -> Option<String> {
        let frames = self.frames(rule)?;
        let all = quotes(text);
        let reported: Vec<(usize, usize)> = all
            .iter()
            .copied()
            .filter(|&(o, c)| unless_applies(text, o, c, frames) || listed(text, &all, (o, c)))
            .collect();
        if reported.is_empty() {
            return None;
        }
        Some(blank(text, reported))
    }
}

/// `text` with each byte span replaced by one space; spans may nest or
/// overlap (a quotation inside another, two safe phrases sharing a word).
pub(super) fn blank(text: &str, mut spans: Vec<(usize, usize)>) -> String {
    spans.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (o, c) in spans {
        if c <= at {
            continue; // inside a span already blanked
        }
        out.push_str(&text[at..o.max(at)]);
        out.push(' ');
        at = c;
    }
    out.push_str(&text[at..]);
    out
}

/// Among a field's `quotes`, the span, quotation marks included, of the
/// shortest that holds the start or the end of `start..end`: straight or
/// curly double quotes, curly single quotes, or straight single quotes
/// that open after a space or bracket and close before one (an apostrophe
/// inside a word, "don't", is neither). A composition's hit runs from its
/// first part to its last, so the quoted insult in "a patient called me a
/// \"moron\"" is its end, and the quoted part stands for the whole.
fn innermost(quotes: &[(usize, usize)], start: usize, end: usize) -> Option<(usize, usize)> {
    quotes
        .iter()
        .copied()
        .filter(|&(o, c)| (o < start && start < c) || (o < end && end < c))
        .min_by_key(|&(o, c)| c - o)
}

/// Whether quotation `q`, one of the field's `quotes`, is one of a list
/// of words in quotes: three or more short quotations (four words at
/// most) in a row, with only commas, dashes, slashes, "or", "and", "nor"
/// or "not" between them. "We don't
/// say 'crazy', 'psycho' or 'nutter'", "Say 'a person with
/// schizophrenia', not 'a schizo' or 'a psycho'": words listed to be
/// talked about, not said to anyone. Two are not enough: "bay 3 full of
/// 'nutters' and 'psychos'" is scare quotes (docs/EVALUATION.md, "Words
/// listed in quotes").
fn listed(text: &str, quotes: &[(usize, usize)], q: (usize, usize)) -> bool {
    let short = |(o, c): (usize, usize)| c - o >= 2 && text[o..c].split_whitespace().count() <= 4;
    if !short(q) {
        return false;
    }
    let between = |a: usize, b: usize| {
        a <= b
            && text[a..b]
                .split(|c: char| c.is_whitespace() || ",;/-–—".contains(c))
                .all(|w| matches!(w.to_lowercase().as_str(), "" | "or" | "and" | "nor" | "not"))
    };
    let mut all: Vec<(usize, usize)> = quotes.iter().copied().filter(|&r| short(r)).collect();
    all.sort_unstable();
    // the run of quotations, each next to the one before, that holds `q`
    let Some(at) = all.iter().position(|&r| r == q) else {
        return false;
    };
    let mut first = at;
    while first > 0 && between(all[first - 1].1, all[first].0) {
        first -= 1;
    }
    let mut last = at;
    while last + 1 < all.len() && between(all[last].1, all[last + 1].0) {
        last += 1;
    }
    last - first >= 2
}

/// Every quotation in `text`, as byte spans with their marks.
fn quotes(text: &str) -> Vec<(usize, usize)> {
    if !text.contains(['"', '\'', '“', '‘']) {
        return Vec::new();
    }
    let before = |i: usize| text[..i].chars().next_back();
    let after = |i: usize| text[i..].chars().next();
    // a straight single quote opens after a space or bracket, before a
    // character; it closes after a character, before a space or
    // punctuation
    let opens_at = |i: usize, next: usize| {
        before(i).is_none_or(|c| c.is_whitespace() || "([{".contains(c))
            && after(next).is_some_and(|c| !c.is_whitespace())
    };
    let closes_at = |i: usize, next: usize| {
        before(i).is_some_and(|c| !c.is_whitespace())
            && after(next).is_none_or(|c| !c.is_alphanumeric())
    };
    // (open, close) byte offsets of every quotation; one inside another
    // closes first, so the list is in closing order
    let mut quotes: Vec<(usize, usize)> = Vec::new();
    let mut open_double: Option<usize> = None;
    let mut open_single: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let next = i + c.len_utf8();
        match c {
            '"' => match open_double.take() {
                Some(o) => quotes.push((o, next)),
                None => open_double = Some(i),
            },
            '“' => open_double = Some(i),
            '”' => {
                if let Some(o) = open_double.take() {
                    quotes.push((o, next));
                }
            }
            '‘' => open_single = Some(i),
            '’' | '\'' => {
                let opens = c == '\'' && opens_at(i, next);
                let closes = closes_at(i, next);
                if opens && open_single.is_none() {
                    open_single = Some(i);
                } else if closes && let Some(o) = open_single.take() {
                    quotes.push((o, next));
                }
            }
            _ => {}
        }
    }
    quotes
}

#[cfg(test)]
mod tests {
    use super::{Reported, innermost, quotes};

    /// The quotation of `text` around `start..end`.
    fn quote_around(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
        innermost(&quotes(text), start, end)
    }

    /// A pack of one lexicon rule with a `reported` table.
    fn reported() -> Reported {
        let toml = r#"
[pack]
id = "t"
version = "1"
[[rules]]
id = "conduct.t"
title = "t"
category = "conduct"
severity = "high"
policy = ["SUN 3.2"]
clauses = ["C1"]
reported = { words = ["called me", "shameful"], window = 40, except = ["i called"] }
lexicon = { terms = ["idiot"] }
"#;
        let def = super::super::pack::parse_layers(&[], &[("t.toml".into(), toml.into())])
            .expect("pack parses");
        Reported::compile(&def).expect("tables compile")
    }

    #[test]
    fn a_model_reads_the_author_s_words_without_the_abuse_they_report() {
        let r = reported();
        assert_eq!(
            r.own_words(0, "a man called me a \"useless idiot\" today")
                .as_deref(),
            Some("a man called me a   today")
        );
        // nested quotations go as one; a quotation with no reporting word stays
        assert_eq!(
            r.own_words(
                0,
                "shameful: 'he said \"idiot\" twice', and then, much later in the day, \"ok\""
            )
            .as_deref(),
            Some("shameful:  , and then, much later in the day, \"ok\"")
        );
        assert_eq!(r.own_words(0, "you \"idiot\", honestly"), None);
        assert_eq!(r.own_words(0, "I called him a \"idiot\""), None);
        assert_eq!(r.own_words(0, "no quotation marks, idiot"), None);
    }

    /// Three or more short quotations in a row are a list of words being
    /// talked about: they stand down with no reporting word near them, and
    /// a model reads the field without them. Two are scare quotes, and a
    /// list whose items are joined by other words is no list.
    #[test]
    fn words_listed_in_quotes_are_talked_about_not_said() {
        let r = reported();
        assert_eq!(
            r.own_words(0, "We don't say 'idiot', 'moron' or 'nutter' here")
                .as_deref(),
            Some("We don't say  ,   or   here")
        );
        assert_eq!(
            r.own_words(
                0,
                "Say 'a person with autism', not 'an idiot' – words matter"
            )
            .as_deref(),
            None,
            "two are not a list"
        );
        assert_eq!(
            r.own_words(0, "'Idiot', 'moron', 'nutter' – words hurt")
                .as_deref(),
            Some(" ,  ,   – words hurt")
        );
        assert_eq!(
            r.own_words(0, "bay 3 full of 'idiots' and 'morons' tonight"),
            None
        );
        assert_eq!(
            r.own_words(
                0,
                "'idiot' says one, 'moron' says another, 'nutter' a third"
            ),
            None,
            "joined by other words"
        );
        assert_eq!(
            r.own_words(0, "'what an absolute idiot you are', 'no', 'yes'"),
            None,
            "a quotation of five words or more is no word of a list"
        );
    }

    /// The quotation around the first `word` in `text`, as text.
    fn quoted<'a>(text: &'a str, word: &str) -> Option<&'a str> {
        let s = text.find(word).expect("word in text");
        quote_around(text, s, s + word.len()).map(|(a, b)| &text[a..b])
    }

    #[test]
    fn finds_the_quotation_a_word_stands_in() {
        assert_eq!(
            quoted("I was called a \"useless cow\" today", "useless"),
            Some("\"useless cow\"")
        );
        assert_eq!(
            quoted("someone wrote 'go back home' on her car", "back"),
            Some("'go back home'")
        );
        assert_eq!(
            quoted("“You’re useless” – said to a nurse", "useless"),
            Some("“You’re useless”")
        );
        assert_eq!(quoted("he said ‘idiot’ twice", "idiot"), Some("‘idiot’"));
        assert_eq!(
            quoted("'You're useless, I hope you die.' This is what", "useless"),
            Some("'You're useless, I hope you die.'")
        );
    }

    #[test]
    fn a_span_with_one_end_quoted_is_held_by_that_quotation() {
        // a composition's hit: from "patient" to the quoted insult, or
        // from the quoted insult to "bed 8"
        let t = "a patient called me a \"moron\" today";
        let (s, e) = (t.find("patient").unwrap(), t.find("moron").unwrap() + 5);
        assert_eq!(
            quote_around(t, s, e).map(|(o, c)| &t[o..c]),
            Some("\"moron\"")
        );
        let t = "I got called a \"fat useless cow\" by the lady in bed 8";
        let (s, e) = (t.find("useless").unwrap(), t.find("bed 8").unwrap() + 5);
        assert_eq!(
            quote_around(t, s, e).map(|(o, c)| &t[o..c]),
            Some("\"fat useless cow\"")
        );
        // a span that only runs past a quotation, both ends outside it
        let t = "the \"new\" patient is a moron";
        let (s, e) = (t.find("the").unwrap(), t.find("moron").unwrap() + 5);
        assert_eq!(quote_around(t, s, e), None);
    }

    #[test]
    fn apostrophes_and_words_outside_quotes_are_not_quoted() {
        assert_eq!(quoted("don't be an idiot, it's not hard", "idiot"), None);
        assert_eq!(quoted("the 'new' rota is useless", "useless"), None);
        assert_eq!(quoted("\"fine\" he said, you idiot", "idiot"), None);
        assert_eq!(quoted("an unclosed \"quote of an idiot", "idiot"), None);
        assert_eq!(
            quoted("the nurses' station is full of idiots", "idiots"),
            None
        );
    }
}

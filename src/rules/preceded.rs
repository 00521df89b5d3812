//! `lexicon.preceded_by`: a term that counts only where someone owns it.
//! "Chemo", "epileptic" or "hijab" said of a person ("her chemo", "he's
//! epileptic", "his so-called bad back") is private; the same word as a
//! topic ("chemo nurses", "epilepsy awareness") is not. The owner is one
//! of a few words ending at most `gap` words before the term, in its own
//! clause (docs/RULES.md, "`lexicon`: word lists").

use super::negation::{clause_before, word_key, words};
use super::pack::{PackDef, PrecededDef, RuleDef};
use crate::error::{Error, Result};

pub(super) struct Preceded {
    /// Each phrase as its lower-cased words, straight apostrophes.
    phrases: Vec<Vec<String>>,
    /// Words in the longest phrase: how far back `holds` need read.
    longest: usize,
    gap: usize,
}

/// The phrase word that stands for a capitalised name with a possessive
/// ("Dr Venkatram's dyslexia", "Mel’s chemo").
const NAME_POSSESSIVE: &str = "name's";

/// Contractions that look like a name's possessive at a sentence start.
const NOT_NAMES: &[&str] = &[
    "it", "that", "there", "here", "what", "he", "she", "who", "let", "where", "how", "one",
    "everyone", "someone", "nobody", "today", "tonight",
];

/// Whether `word` (as written) is a capitalised name with a possessive 's.
fn name_possessive(word: &str) -> bool {
    let w = word.replace('\u{2019}', "'");
    w.chars().next().is_some_and(char::is_uppercase)
        && w.strip_suffix("'s").is_some_and(|stem| {
            stem.chars().count() > 1 && !NOT_NAMES.contains(&stem.to_lowercase().as_str())
        })
}

/// Whether phrase word `p` matches a word written `w`, whose key is `key`.
fn word_matches(p: &str, w: &str, key: &str) -> bool {
    if p == NAME_POSSESSIVE {
        name_possessive(w)
    } else {
        p == key
    }
}

/// A phrase as `Preceded` compares it: its words' keys.
fn phrase(text: &str) -> Vec<String> {
    words(text).map(word_key).collect()
}

impl Preceded {
    fn new(phrases: Vec<Vec<String>>, gap: usize) -> Preceded {
        let longest = phrases.iter().map(Vec::len).max().unwrap_or(0);
        Preceded {
            phrases,
            longest,
            gap,
        }
    }

    pub(super) fn compile(def: &PackDef, rule: &RuleDef, p: &PrecededDef) -> Result<Preceded> {
        let mut all: Vec<&String> = p.words.iter().collect();
        for l in &p.lists {
            all.extend(def.list(rule, l)?);
        }
        let phrases: Vec<Vec<String>> = all
            .iter()
            .map(|w| phrase(w))
            .filter(|w| !w.is_empty())
            .collect();
        if phrases.is_empty() {
            return Err(Error::Pack(format!(
                "{}: lexicon.preceded_by has no words",
                rule.whence()
            )));
        }
        Ok(Preceded::new(phrases, p.gap))
    }

    /// Whether one of the phrases ends at most `gap` words before the hit
    /// that starts at `start` in `text`, in the same clause.
    pub(super) fn holds(&self, text: &str, start: usize) -> bool {
        let mut before: Vec<(&str, String)> = words(clause_before(text, start))
            .rev()
            .take(self.longest + self.gap)
            .map(|w| (w, word_key(w)))
            .collect();
        before.reverse();
        (0..=self.gap.min(before.len())).any(|skip| {
            let upto = &before[..before.len() - skip];
            self.phrases.iter().any(|p| {
                p.len() <= upto.len()
                    && p.iter()
                        .zip(&upto[upto.len() - p.len()..])
                        .all(|(p, (w, key))| word_matches(p, w, key))
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn preceded(words: &[&str], gap: usize) -> Preceded {
        Preceded::new(words.iter().map(|w| phrase(w)).collect(), gap)
    }

    fn holds(p: &Preceded, text: &str, term: &str) -> bool {
        p.holds(text, text.find(term).expect("term in text"))
    }

    #[test]
    fn an_owner_just_before_the_term_or_within_the_gap_keeps_it() {
        let p = preceded(&["her", "he's", "round of"], 1);
        assert!(holds(&p, "hope her chemo goes well", "chemo"));
        assert!(holds(&p, "turns out he’s epileptic", "epileptic"));
        assert!(holds(&p, "this round of chemo was rough", "chemo"));
        assert!(holds(&p, "her last chemo", "chemo"));
        assert!(
            !holds(&p, "her very last chemo", "chemo"),
            "two words is past a gap of one"
        );
        assert!(!holds(&p, "our chemo nurses", "chemo"));
        assert!(!holds(&p, "chemo starts today", "chemo"));
    }

    #[test]
    fn the_owner_must_be_in_the_terms_own_clause_and_a_whole_word() {
        let p = preceded(&["her"], 2);
        assert!(!holds(&p, "thank her. Chemo nurses rock", "Chemo"));
        assert!(
            !holds(&p, "the other chemo unit", "chemo"),
            "\"other\" is not \"her\""
        );
    }

    #[test]
    fn a_capitalised_name_with_a_possessive_owns_what_follows() {
        let p = preceded(&[NAME_POSSESSIVE], 0);
        assert!(holds(&p, "Dr Venkatram's dyslexia again", "dyslexia"));
        assert!(holds(&p, "Mel’s chemo", "chemo"));
        assert!(
            !holds(&p, "the children's cancer fund", "cancer"),
            "not a name"
        );
        assert!(
            !holds(&p, "It's cancer month", "cancer"),
            "\"It\" is no name"
        );
    }
}

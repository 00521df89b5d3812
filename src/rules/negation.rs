//! Whether a word is negated where it stands: a composition's part
//! ("not a vile parasite") and an `unless` word marked `negatable`
//! ("without consent", "consent was not given"). One reading of negation
//! for both, so that a fix to it reaches every rule (docs/RULES.md,
//! "Negated unless words").

/// Words that negate what follows them in the same clause.
const NEGATORS: &[&str] = &[
    "not", "no", "never", "without", "nobody", "none", "nothing", "neither", "nor", "cannot",
    "hardly",
    // Welsh: without, no, not ("heb ganiatâd", "dim caniatâd", "ddim wedi
    // rhoi"). "ni" is left out: it is also "we" ("i ni rannu", for us to
    // share).
    "heb", "dim", "ddim", "nid",
];

/// True when one of the three words before `at`, in the same clause, is a
/// negator ("not", "never", a "…n't" word), unless it is a "can't" that
/// says how much ([`says_how_much`]). Posts end clauses with emoji and
/// bars as often as with stops ("no regrets 🥂💊", "not a morning person
/// | party girl"), so those end a clause too.
pub(super) fn negated(text: &str, at: usize) -> bool {
    let mut before: Vec<&str> = words(clause_before(text, at)).rev().take(3).collect();
    before.reverse();
    let next = text.get(at..).and_then(|t| words(t).next()).unwrap_or("");
    denies_within(&before, next)
}

/// Whether one of `words` negates, each read with the word after it (the
/// last with `then`), so that a "can't" that says how much does not.
fn denies_within(words: &[&str], then: &str) -> bool {
    words
        .iter()
        .enumerate()
        .any(|(i, w)| is_negator(w) && !says_how_much(w, words.get(i + 1).copied().unwrap_or(then)))
}

/// Verbs that a "can't" before them turns into a measure of feeling, not
/// a denial: "can't believe I'm dating my patient", "can't wait", "can't
/// stop thinking about you" all say the thing is so.
const HOW_MUCH: &[&str] = &["believe", "wait", "stop", "resist", "beat"];

/// "can't", "cannot" or "couldn't" (curly apostrophe or none) just before
/// one of [`HOW_MUCH`].
fn says_how_much(negator: &str, next: &str) -> bool {
    matches!(
        word_key(negator).as_str(),
        "can't" | "cant" | "cannot" | "couldn't" | "couldnt"
    ) && HOW_MUCH.contains(&next.to_lowercase().as_str())
}

/// A word as the word lists write it: lower case, straight apostrophe.
pub(super) fn word_key(w: &str) -> String {
    w.to_lowercase().replace('\u{2019}', "'")
}

/// The part of `text` before `at` that is in the same clause as `at`
/// ("" when `at` is not a character boundary).
pub(super) fn clause_before(text: &str, at: usize) -> &str {
    let Some(before) = text.get(..at) else {
        return "";
    };
    match before.char_indices().rev().find(|&(_, c)| ends_clause(c)) {
        Some((i, c)) => &before[i + c.len_utf8()..],
        None => before,
    }
}

/// The words of `clause`, apostrophes kept inside them ("aren't", "I’m").
pub(super) fn words(clause: &str) -> impl DoubleEndedIterator<Item = &str> {
    clause
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .filter(|w| !w.is_empty())
}

/// A negator, a "…n't" word (curly apostrophe or none), in any case.
fn is_negator(w: &str) -> bool {
    let w = word_key(w);
    NEGATORS.contains(&w.as_str()) || w.ends_with("n't") || is_nt(&w)
}

/// Words that take a thing back, before it or after it: "refused
/// permission", "consent refused" ("withdrew" only before: "she withdrew
/// consent").
const TAKEN_BACK: &[&str] = &["withdrawn", "refused", "declined", "withheld"];

/// A stop, a bar or a pictograph (emoji, dingbats, arrows and other
/// symbols from U+2190 up that are not letters or digits).
fn ends_clause(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | ';' | ',' | '\n' | ':' | '|' | '•')
        || (c >= '\u{2190}' && !c.is_alphanumeric())
}

/// "dont", "isnt", "wasnt" written without the apostrophe.
fn is_nt(w: &str) -> bool {
    matches!(
        w,
        "dont"
            | "doesnt"
            | "didnt"
            | "isnt"
            | "wasnt"
            | "arent"
            | "werent"
            | "wont"
            | "cant"
            | "couldnt"
            | "wouldnt"
            | "shouldnt"
            | "havent"
            | "hasnt"
            | "hadnt"
            | "aint"
    )
}

/// Whether the word at `start..end` is negated where it stands: by
/// [`negated`], by [`negated_after`], or by the word before it saying it
/// was taken back ("she withdrew consent", "refused permission").
pub(super) fn denied(text: &str, start: usize, end: usize) -> bool {
    negated(text, start)
        || negated_after(text, end)
        || text.get(..start).is_some_and(|before| {
            before
                .split(|c: char| !c.is_alphanumeric())
                .rfind(|w| !w.is_empty())
                .is_some_and(|w| {
                    let w = w.to_lowercase();
                    w == "withdrew" || TAKEN_BACK.contains(&w.as_str())
                })
        })
}

/// True when one of the two words after `end`, in the same clause, is a
/// negator or a "…n't" word, or says the thing was refused or withdrawn:
/// "consent not given", "permission wasn't sought", "consent refused".
pub(super) fn negated_after(text: &str, end: usize) -> bool {
    let Some(after) = text.get(end..) else {
        return false;
    };
    let clause = match after.char_indices().find(|&(_, c)| ends_clause(c)) {
        Some((i, _)) => &after[..i],
        None => after,
    };
    let after: Vec<&str> = words(clause).take(3).collect();
    let (two, then) = after.split_at(after.len().min(2));
    denies_within(two, then.first().copied().unwrap_or(""))
        || two
            .iter()
            .any(|w| TAKEN_BACK.contains(&w.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::{denied, negated, negated_after};

    #[test]
    fn negators_reach_three_words_back_within_the_clause() {
        let t = "he is not a vile parasite";
        assert!(negated(t, t.find("vile").unwrap()));
        let t = "they aren't vermin";
        assert!(negated(t, t.find("vermin").unwrap()));
        let t = "they arent vermin";
        assert!(negated(t, t.find("vermin").unwrap()));
        let t = "not true, they are vermin";
        assert!(
            !negated(t, t.find("vermin").unwrap()),
            "a comma ends the clause"
        );
        let t = "no, no. They are vermin";
        assert!(!negated(t, t.find("vermin").unwrap()));
        let t = "wasted every weekend, no regrets 🥂💊";
        assert!(
            !negated(t, t.find('💊').unwrap()),
            "an emoji ends the clause"
        );
        let t = "not a morning person | party animal";
        assert!(!negated(t, t.find("party").unwrap()), "so does a bar");
        let t = "I’m not vermin";
        assert!(
            negated(t, t.find("vermin").unwrap()),
            "a curly apostrophe is not a pictograph"
        );
        let t = "I never said the patient has pneumonia";
        assert!(
            !negated(t, t.find("pneumonia").unwrap()),
            "more than three words back"
        );
    }

    #[test]
    fn a_cant_that_says_how_much_is_not_a_denial() {
        let t = "Can't believe I'm dating my patient";
        assert!(!negated(t, t.find("I'm dating").unwrap()));
        let t = "I can't stop thinking about you";
        assert!(
            !negated(t, t.find("stop thinking").unwrap()),
            "the verb may begin the hit itself"
        );
        let t = "couldn’t wait to see my patient";
        assert!(!negated(t, t.find("see").unwrap()));
        let t = "I can't see my patient";
        assert!(negated(t, t.find("see").unwrap()), "other verbs still deny");
        let t = "I don't believe he's a thief";
        assert!(
            negated(t, t.find("he's").unwrap()),
            "only can't: don't believe is a denial"
        );
        let t = "my patient, can't wait";
        assert!(!negated_after("my patient can't wait", "my patient".len()));
        assert!(negated_after("consent can't be given", "consent".len()));
        assert!(!negated_after(t, "my patient".len()));
    }

    #[test]
    fn welsh_negators_count_and_welsh_we_does_not() {
        let t = "rhannu heb ganiatâd y teulu";
        assert!(negated(t, t.find("ganiatâd").unwrap()));
        let t = "diolch am roi caniatâd i ni rannu ei stori";
        assert!(!negated(t, t.find("caniatâd").unwrap()));
        assert!(!negated_after(
            t,
            t.find("caniatâd").unwrap() + "caniatâd".len()
        ));
    }

    #[test]
    fn a_negator_just_after_a_word_negates_it_within_its_clause() {
        let t = "consent was not given for this photo";
        assert!(negated_after(t, "consent".len()));
        let t = "consent not given";
        assert!(negated_after(t, "consent".len()));
        let t = "permission wasn't sought";
        assert!(negated_after(t, "permission".len()));
        let t = "consent refused by the family";
        assert!(negated_after(t, "consent".len()));
        let t = "consent, not that it matters";
        assert!(
            !negated_after(t, "consent".len()),
            "a comma ends the clause"
        );
        let t = "consent given, thank you";
        assert!(!negated_after(t, "consent".len()));
        let t = "she withdrew consent last week";
        let s = t.find("consent").unwrap();
        assert!(denied(t, s, s + "consent".len()));
        let t = "with her consent, and no fuss";
        let s = t.find("consent").unwrap();
        assert!(!denied(t, s, s + "consent".len()));
    }
}

//! A lexicon's terms in the other spellings people write them: the second
//! person in text speak, for every term ([`text_speak`]), and a verb's
//! other forms, for a table that asks (`verb_forms = true`,
//! docs/RULES.md, "`lexicon`: word lists"). "batter" also matches
//! "battered" and "battering", and "run over" also matches "ran over" and
//! "running over". Only a phrase's first word is inflected, since that is
//! where English puts the tense ("beat up", "stamp on").
//!
//! The -s form is left out on purpose: for most harm verbs it is also a
//! plural noun a hospital writes every day ("cuts", "burns", "glasses",
//! "hits").
//!
//! The spelling rules are the regular ones (drop a silent e before -ing and
//! -ed, y after a consonant to -ied, a final consonant doubled after one
//! short vowel in a one-syllable word: "stab" → "stabbed") and a short
//! table of the irregular verbs a harm list needs. A form the rules would
//! get wrong for some other verb only adds a string no text holds; it never
//! loses the term itself.

/// The second person as people type it in replies and messages: each
/// whole word on the left may also be written as the one on the right
/// ("add you on snap" → "add u on snap", "your number" → "ur number").
/// Applied to every lexicon term (`text_speak`): "u" and "ur" standing
/// alone are not words an official post writes, so they add no false
/// match.
const TEXT_SPEAK: &[(&str, &str)] = &[
    ("you", "u"),
    ("your", "ur"),
    ("you're", "ur"),
    ("youre", "ur"),
];

/// `term` and its spellings with the second person in text speak: every
/// combination of each replaceable word written either way, the term
/// first. A term with no such word is returned alone. No spelling
/// repeats: each word is kept or replaced by a different one.
pub fn text_speak(term: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for (i, word) in term.split(' ').enumerate() {
        let lower = word.to_ascii_lowercase().replace('’', "'");
        let speak = TEXT_SPEAK
            .iter()
            .find(|(w, _)| *w == lower)
            .map(|(_, s)| *s);
        let mut next = Vec::with_capacity(out.len() * 2);
        for prefix in &out {
            let sep = if i == 0 { "" } else { " " };
            next.push(format!("{prefix}{sep}{word}"));
            if let Some(s) = speak {
                next.push(format!("{prefix}{sep}{s}"));
            }
        }
        out = next;
    }
    out
}

/// Irregular verbs: the base and its past forms (the -ing form is regular
/// for every verb here).
const IRREGULAR: &[(&str, &[&str])] = &[
    ("beat", &["beaten"]),
    ("bite", &["bit", "bitten"]),
    ("blow", &["blew", "blown"]),
    ("break", &["broke", "broken"]),
    ("burn", &["burned", "burnt"]),
    ("cut", &[]),
    ("do", &["did", "done"]),
    ("hang", &["hanged", "hung"]),
    ("hit", &[]),
    ("put", &[]),
    ("run", &["ran"]),
    ("shoot", &["shot"]),
    ("stick", &["stuck"]),
    ("string", &["strung"]),
    ("throw", &["threw", "thrown"]),
];

/// `term` and, when its first word is a verb of letters only, that word's
/// other forms with the rest of the phrase unchanged. The term comes first
/// and no form repeats.
pub fn verb_forms(term: &str) -> Vec<String> {
    let mut out = vec![term.to_string()];
    let (head, rest) = match term.find(' ') {
        Some(i) => (&term[..i], &term[i..]),
        None => (term, ""),
    };
    if head.len() < 2 || !head.bytes().all(|b| b.is_ascii_lowercase()) {
        return out;
    }
    for form in forms(head) {
        let phrase = format!("{form}{rest}");
        if !out.contains(&phrase) {
            out.push(phrase);
        }
    }
    out
}

/// The -ing and past forms of one lower-case verb.
fn forms(v: &str) -> Vec<String> {
    let b = v.as_bytes();
    let last = b[b.len() - 1];
    let before = b[b.len() - 2];
    let vowel = |c: u8| b"aeiou".contains(&c);
    // One syllable ending consonant-vowel-consonant: "stab", "slap", "chin".
    let syllables = b
        .iter()
        .zip(std::iter::once(&b'x').chain(b.iter()))
        .filter(|(c, prev)| vowel(**c) && !vowel(**prev))
        .count();
    let doubles = syllables == 1
        && b.len() >= 3
        && !vowel(last)
        && !b"wxy".contains(&last)
        && vowel(before)
        && !vowel(b[b.len() - 3]);
    let stem = if doubles {
        format!("{v}{}", last as char)
    } else {
        v.to_string()
    };
    let ing = if last == b'e' && before != b'e' && v.len() > 2 {
        format!("{}ing", &v[..v.len() - 1])
    } else {
        format!("{stem}ing")
    };
    let mut out = vec![ing];
    match IRREGULAR.iter().find(|(base, _)| *base == v) {
        Some((_, past)) => out.extend(past.iter().map(|p| p.to_string())),
        None => out.push(if last == b'e' {
            format!("{v}d")
        } else if last == b'y' && !vowel(before) {
            format!("{}ied", &v[..v.len() - 1])
        } else {
            format!("{stem}ed")
        }),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::verb_forms as forms;

    #[test]
    fn the_second_person_is_also_read_in_text_speak() {
        assert_eq!(
            super::text_speak("add you on snap"),
            ["add you on snap", "add u on snap"]
        );
        assert_eq!(
            super::text_speak("you're your own"),
            [
                "you're your own",
                "you're ur own",
                "ur your own",
                "ur ur own"
            ]
        );
        assert_eq!(
            super::text_speak("your mum's nurse"),
            ["your mum's nurse", "ur mum's nurse"]
        );
        // Only whole words: "youth" and "yours" stay as they are.
        assert_eq!(super::text_speak("youth club"), ["youth club"]);
        assert_eq!(super::text_speak("yours truly"), ["yours truly"]);
    }

    #[test]
    fn regular_verbs_take_ed_and_ing_with_english_spelling() {
        assert_eq!(forms("batter"), ["batter", "battering", "battered"]);
        assert_eq!(forms("stab"), ["stab", "stabbing", "stabbed"]);
        assert_eq!(forms("deck"), ["deck", "decking", "decked"]);
        assert_eq!(forms("punch"), ["punch", "punching", "punched"]);
        assert_eq!(forms("knife"), ["knife", "knifing", "knifed"]);
        assert_eq!(forms("bury"), ["bury", "burying", "buried"]);
        assert_eq!(forms("destroy"), ["destroy", "destroying", "destroyed"]);
        assert_eq!(forms("slam"), ["slam", "slamming", "slammed"]);
        assert_eq!(forms("kill"), ["kill", "killing", "killed"]);
    }

    #[test]
    fn irregular_verbs_and_phrases_inflect_their_first_word() {
        assert_eq!(forms("run over"), ["run over", "running over", "ran over"]);
        assert_eq!(forms("beat up"), ["beat up", "beating up", "beaten up"]);
        assert_eq!(forms("hit"), ["hit", "hitting"]);
        assert_eq!(forms("burn"), ["burn", "burning", "burned", "burnt"]);
        assert_eq!(
            forms("break your legs"),
            [
                "break your legs",
                "breaking your legs",
                "broke your legs",
                "broken your legs"
            ]
        );
    }

    #[test]
    fn a_word_that_is_not_plain_letters_is_left_as_it_is() {
        assert_eq!(forms("i'll"), ["i'll"]);
        assert_eq!(forms("a"), ["a"]);
    }
}

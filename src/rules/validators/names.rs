//! Personal names without a model: two capitalised words that are not
//! sentence starters, places, services or calendar words, the forename
//! gazetteer, and the titles that make a name staff or a public figure
//! rather than a patient.

use super::*;

/// Days and months, written capitalised mid-sentence like a name; shared by
/// the name validators here and the place validators (places.rs).
pub(in crate::rules) const CALENDAR: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// True for a word (any case) of `NOT_NAMES` or `CALENDAR`.
pub(super) fn not_a_name(word: &str) -> bool {
    let l = word.to_lowercase();
    NOT_NAMES.contains(&l.as_str()) || CALENDAR.contains(&l.as_str())
}

/// Capitalised words that start sentences or name places and services, not
/// people. A name candidate needs two consecutive words outside this list
/// or `CALENDAR`.
pub(super) const NOT_NAMES: &[&str] = &[
    "a",
    "an",
    "the",
    "our",
    "we",
    "you",
    "your",
    "my",
    "his",
    "her",
    "their",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "i",
    "and",
    "or",
    "but",
    "if",
    "so",
    "as",
    "at",
    "in",
    "on",
    "for",
    "from",
    "to",
    "of",
    "with",
    "by",
    "after",
    "before",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "thanks",
    "thank",
    "please",
    "happy",
    "well",
    "done",
    "congratulations",
    "welcome",
    "good",
    "great",
    "huge",
    "big",
    "new",
    "patient",
    "patients",
    "ward",
    "bed",
    "hospital",
    "general",
    "royal",
    "infirmary",
    "university",
    "trust",
    "nhs",
    "health",
    "care",
    "centre",
    "center",
    "clinic",
    "unit",
    "surgery",
    "medical",
    "practice",
    "team",
    "staff",
    "service",
    "services",
    "department",
    "board",
    "council",
    "community",
    "district",
    "county",
    "city",
    "street",
    "road",
    "lane",
    "avenue",
    // their abbreviations and other street words that are not surnames
    // ("the care home on Park Rd" names no one)
    "rd",
    "ave",
    "crescent",
    "cres",
    "terrace",
    "gardens",
    "drive",
    "house",
    // head nouns of buildings and institutions ("the Pattinson Building
    // was born on …"); not Hall, Park, Court, Bridge or Lodge, which are
    // common surnames
    "building",
    // the same in Welsh: hospital, unit, centre, surgery, hospice, board,
    // health ("Ysbyty Glan …")
    "ysbyty",
    "uned",
    "canolfan",
    "meddygfa",
    "hosbis",
    "bwrdd",
    "iechyd",
    "buildings",
    "block",
    "wing",
    "suite",
    "campus",
    "site",
    "school",
    "college",
    "academy",
    "library",
    "pavilion",
    "annexe",
    "annex",
    "tower",
    "museum",
    "gallery",
    "stadium",
    "arena",
    "institute",
    "emergency",
    "intensive",
    "maternity",
    "children",
    "childrens",
    "accident",
    "a&e",
    "ed",
    "icu",
    "itu",
    "outpatients",
    "christmas",
    "easter",
    "week",
    "day",
    "month",
    "year",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "nurse",
    "sister",
    "matron",
    "prof",
    "professor",
    "admitted",
    "discharged",
    "diagnosed",
    "was",
    "is",
    "has",
    "had",
    "have",
    "been",
    "will",
    "can",
    "cancer",
    "covid",
    "flu",
    "heart",
    "stroke",
    "breast",
    "lung",
    "mental",
    "sexual",
    "north",
    "south",
    "east",
    "west",
    "upper",
    "lower",
    "great",
    "little",
    "saint",
    "st",
    "all",
    "every",
    "some",
    "no",
    "not",
    "more",
    "most",
];

/// Words before a name that make it staff or a public figure, not a patient.
pub(super) const NOT_PATIENTS: &[&str] = &[
    "Dr",
    "Doctor",
    "Nurse",
    "Sister",
    "Matron",
    "Prof",
    "Professor",
    "Consultant",
    "Midwife",
    "Surgeon",
    "Paramedic",
    "Porter",
    "Captain",
    "Capt",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Councillor",
    "Cllr",
    "Minister",
    "President",
    "Saint",
    "St",
    "Rev",
    "Reverend",
    "Father",
    "Coach",
    "Manager",
];

/// A likely personal name: two consecutive capitalised words that are not
/// sentence starters, places or services (no model; see `NOT_NAMES`).
/// A name that may be a patient's: `person-name`, unless the capitalised
/// run holds a staff title (Dr, Nurse, Sister…) or a public figure's
/// honorific (Sir, Dame, Captain, Queen…) anywhere, or is three or more
/// words ending in a place, service or event word: the composition rules
/// need a patient, not any name.
pub(super) fn patient_name(m: &str, org: &Org) -> Option<String> {
    let all: Vec<&str> = m
        .split_whitespace()
        .map(|w| w.trim_end_matches('.'))
        .collect();
    // a staff or public title anywhere in the capitalised run: "Remembering
    // Dame Barbara …" is a public figure, as "Dame Barbara …" is
    if all.iter().any(|w| NOT_PATIENTS.contains(w)) {
        return None;
    }
    // a run that ends in a place, service or event word names that thing,
    // and the capitalised words before it describe it: "Rare Disease Day",
    // "Florence Nightingale Ward", "Genetic Alliance Unit"
    if all.len() >= 3 && all.last().is_some_and(|w| not_a_name(w)) {
        return None;
    }
    // a courtesy title and an initial alone, as a ward says "Mrs B"
    let mut words = m.split_whitespace();
    if let (Some(title), Some(initial), None) = (words.next(), words.next(), words.next())
        && COURTESY_TITLES.contains(&title.trim_end_matches('.'))
        && initial.len() == 1
        && initial.starts_with(|c: char| c.is_ascii_uppercase())
    {
        return Some(format!("title and initial \"{m}\""));
    }
    person_name(m, org)
}

/// Courtesy titles: before a surname ("Mrs Example") or an initial alone
/// ("Mrs B") they name a person, and not staff (Dr, Nurse: `NOT_PATIENTS`).
const COURTESY_TITLES: &[&str] = &["Mr", "Mrs", "Ms", "Miss", "Mx"];

/// A given name from the gazetteer (rules/lexicons/forenames.toml) that is
/// not a word of the organisation's name or a listed place, service or
/// sentence word. Titles and place words beside it are the rule's `unless`.
pub(super) fn forename(m: &str, org: &Org) -> Option<String> {
    if org.has_name_word(m) || not_a_name(m) {
        return None;
    }
    Some(format!("given name \"{m}\""))
}

/// A capitalised name that may be a business: not a sentence word, day,
/// month, place or service word (`NOT_NAMES`, `CALENDAR`) and not a word of
/// the organisation's own name.
pub(super) fn brand_name(m: &str, org: &Org) -> Option<String> {
    let first = m.split_whitespace().next()?;
    if org.has_name_word(first) || not_a_name(first) {
        return None;
    }
    Some(format!("capitalised name \"{m}\""))
}

pub(super) fn person_name(m: &str, org: &Org) -> Option<String> {
    let words: Vec<&str> = m
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-'))
        .collect();
    let name_like = |w: &str| {
        let l = w.to_lowercase();
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .skip(1)
                .all(|c| c.is_lowercase() || c == '\'' || c == '-')
            && w.len() >= 2
            && !not_a_name(&l)
            && !org.has_name_word(&l)
    };
    // a courtesy title and a surname: "Mrs Example" (not Dr/Nurse: staff)
    // an initial and a surname, as handover lists write them: "R. Patel"
    // (the raw word keeps its full stop: "A Smith" is not an initial)
    let raw: Vec<&str> = m.split_whitespace().collect();
    let initial = |i: usize| {
        let b = raw.get(i).map_or(&[][..], |w| w.as_bytes());
        b.len() == 2 && b[0].is_ascii_uppercase() && b[1] == b'.'
    };
    let i = (0..words.len().saturating_sub(1)).find(|&i| {
        (name_like(words[i])
            || COURTESY_TITLES.contains(&words[i].trim_end_matches('.'))
            || initial(i))
            && name_like(words[i + 1])
    })?;
    let pair = [words[i], words[i + 1]];
    Some(format!(
        "capitalised name \"{} {}\" (not a listed place, service or sentence word)",
        pair[0], pair[1]
    ))
}

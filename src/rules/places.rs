//! Validators for places written in words (clause D3): a street named
//! precisely enough to find someone ("14 Larch View", "on Larch Street",
//! "6 Greystones, Townsby"), and whose home a possessive names ("Mrs
//! Example's house", not "the Trust's new home"). The regexes in the pack
//! find the shapes; these checks reject what only looks like one: "5
//! minute walk", "on her way", "on the road", "the main road".

use crate::org::Org;

/// Thoroughfare words that name a street even in lower case ("on station
/// road"): rarely anything else after a name.
const PLAIN: &[&str] = &[
    "road", "rd", "street", "st", "avenue", "ave", "lane", "crescent", "cres", "cottages", "mews",
];

/// Thoroughfare words that are also ordinary words ("on my way", "stay
/// close", "a long walk", "the roof terrace"): a street only when written
/// as a name, capitalised ("Willow Way"), or after a house number.
const AMBIGUOUS: &[&str] = &[
    "close",
    "drive",
    "way",
    "grove",
    "terrace",
    "tce",
    "gardens",
    "gdns",
    "place",
    "court",
    "walk",
    "row",
    "view",
    "rise",
    "hill",
    "square",
    "parade",
    "green",
    "vale",
    "wynd",
    "gate",
    "fold",
    "croft",
    "chase",
    "estate",
    "villas",
    "bank",
    "heights",
    "boulevard",
    "quay",
];

/// Thoroughfare words that also name districts, villages and landmarks
/// ("Example Green", "Castle Hill", "Crown Court" is not among them but
/// "the Quay" is): a street only after a house number.
const NUMBERED_ONLY: &[&str] = &[
    "view",
    "rise",
    "hill",
    "green",
    "vale",
    "wynd",
    "gate",
    "fold",
    "croft",
    "chase",
    "bank",
    "heights",
    "boulevard",
    "quay",
];

/// Words that are never part of a street's name: they end the name
/// ("house on Larch Street", "the end of Example St") or show the
/// phrase is not one ("on her way", "every street").
/// A lower-case word of `STOP` or a day or month.
fn is_stop(l: &str) -> bool {
    STOP.contains(&l) || super::validators::CALENDAR.contains(&l)
}

const STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "our",
    "my",
    "your",
    "his",
    "her",
    "their",
    "its",
    "this",
    "that",
    "these",
    "those",
    "every",
    "each",
    "any",
    "some",
    "no",
    "all",
    "same",
    "other",
    "another",
    "and",
    "or",
    "but",
    "of",
    "on",
    "in",
    "at",
    "to",
    "from",
    "by",
    "for",
    "with",
    "into",
    "onto",
    "off",
    "up",
    "down",
    "over",
    "under",
    "near",
    "via",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "it",
    "we",
    "you",
    "they",
    "he",
    "she",
    "i",
    "me",
    "us",
    "them",
    "there",
    "here",
    "what",
    "which",
    "who",
    "when",
    "where",
    "very",
    "so",
    "too",
    "just",
    "also",
    "not",
    "only",
    "today",
    "tonight",
    "tomorrow",
    "yesterday",
    "morning",
    "afternoon",
    "evening",
    "night",
    "week",
    "weekend",
    "end",
    "corner",
    "top",
    "bottom",
    "middle",
    "side",
    "far",
    "house",
    "home",
    "flat",
    "flats",
    "shop",
    "door",
    "opposite",
    "outside",
    "along",
    "round",
    "around",
    "behind",
    "past",
    "towards",
    "toward",
    "next",
    "beside",
    "across",
    "near",
];

/// Words after a number that make it a quantity, not a house number ("5
/// minute walk", "3 bed terrace", "2 way street").
const UNITS: &[&str] = &[
    "minute",
    "minutes",
    "min",
    "mins",
    "hour",
    "hours",
    "hr",
    "hrs",
    "mile",
    "miles",
    "mi",
    "km",
    "kms",
    "metre",
    "metres",
    "meter",
    "meters",
    "yard",
    "yards",
    "second",
    "seconds",
    "sec",
    "secs",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "yr",
    "yrs",
    "times",
    "people",
    "patients",
    "staff",
    "nurses",
    "beds",
    "bed",
    "bedroom",
    "bedrooms",
    "bedroomed",
    "storey",
    "star",
    "seater",
    "page",
    "pages",
    "percent",
    "per",
    "point",
    "points",
    "step",
    "steps",
    "lane",
    "way",
    "car",
    "cars",
    "more",
    "extra",
    "new",
    "different",
    "x",
];

/// Plurals that follow a count in headlines ("our 40 Nurses, Doctors and
/// Porters", "5 Top Tips, Including"): not a house name before a town.
const COUNTED: &[&str] = &[
    "doctors",
    "volunteers",
    "wards",
    "teams",
    "colleagues",
    "babies",
    "children",
    "families",
    "members",
    "visits",
    "calls",
    "jobs",
    "shifts",
    "places",
    "posts",
    "vacancies",
    "roles",
    "services",
    "sites",
    "hospitals",
    "practices",
    "tips",
    "ways",
    "things",
    "reasons",
    "facts",
    "awards",
    "nominations",
    "years",
    "days",
    "weeks",
    "months",
    "hours",
    "minutes",
    "miles",
];

/// In lower case, adjectives and nouns that make "X road" an ordinary
/// phrase ("the main road", "a busy street", "the hospital road").
const LOWER_STOP: &[&str] = &[
    "main",
    "high",
    "back",
    "front",
    "country",
    "slip",
    "ring",
    "dual",
    "busy",
    "quiet",
    "long",
    "short",
    "wrong",
    "right",
    "local",
    "private",
    "public",
    "next",
    "whole",
    "nearest",
    "icy",
    "muddy",
    "closed",
    "open",
    "new",
    "old",
    "residential",
    "bumpy",
    "narrow",
    "little",
    "big",
    "steep",
    "dark",
    "nearby",
    "usual",
    "hospital",
    "bus",
    "cycle",
    "access",
    "service",
    "link",
    "relief",
    "dirt",
    "farm",
    "coast",
    "coastal",
    "mountain",
    "one-way",
    "cobbled",
    "same",
    "shopping",
    "side",
    "empty",
    "entire",
    "single",
];

/// A street named in a post: a house number with a name and a
/// thoroughfare ("14 Larch View", "31 willow ave"), a named street with no
/// number ("Larch Street", "the Example Estate"; lower case only for
/// words like road and street), or a house number and name before a town
/// ("6 Greystones, Townsby"). Leading words that cannot be part of the
/// name ("house on", "end of") are passed over; the name is what is left.
pub fn street_name(m: &str) -> Option<String> {
    let words: Vec<&str> = m
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', '.']))
        .filter(|w| !w.is_empty())
        .collect();
    let first = *words.first()?;
    let number = first.starts_with(|c: char| c.is_ascii_digit());
    // "0191 496 0000 Station Road": the end of a phone number
    if first.starts_with('0') {
        return None;
    }
    if number && m.contains(',') && !is_type(words.last()?) {
        return house_and_town(m);
    }
    let (&kind, rest) = words.split_last()?;
    let kind_lc = kind.to_lowercase();
    let plain = PLAIN.contains(&kind_lc.as_str());
    if !plain && !AMBIGUOUS.contains(&kind_lc.as_str()) {
        return None;
    }
    let lc = |w: &str| w.to_lowercase();
    if number {
        let name = &rest[1..];
        // "12 The Grove": the article is the name
        let the_only = name.len() == 1 && name[0] == "The" && is_capital(kind);
        if name.is_empty()
            || (!the_only
                && name
                    .iter()
                    .any(|w| is_stop(&lc(w)) || UNITS.contains(&lc(w).as_str())))
        {
            return None;
        }
        return Some(format!("house number and street \"{}\"", words.join(" ")));
    }
    if NUMBERED_ONLY.contains(&kind_lc.as_str()) {
        return None;
    }
    // the name: the words after the last one that cannot be in a name
    let start = rest
        .iter()
        .rposition(|w| is_stop(&lc(w)))
        .map_or(0, |i| i + 1);
    let name = &rest[start..];
    if name.is_empty() || name.iter().any(|w| w.len() < 2) {
        return None;
    }
    let capital_name = name.iter().all(|w| is_capital(w));
    let written_as_name = capital_name && (plain || is_capital(kind));
    if !written_as_name && (!plain || name.iter().any(|w| LOWER_STOP.contains(&lc(w).as_str()))) {
        return None;
    }
    Some(format!("named street \"{} {kind}\"", name.join(" ")))
}

/// "6 Greystones, Townsby": a house number, a capitalised house or street
/// name that is not a plural, a unit or a sentence word, and a town.
fn house_and_town(m: &str) -> Option<String> {
    let (before, town) = m.split_once(',')?;
    let mut it = before.split_whitespace();
    it.next()?; // the number
    let name: Vec<&str> = it.collect();
    let town = town.trim();
    let bad = |w: &str| {
        let l = w.to_lowercase();
        !is_capital(w)
            || is_stop(&l)
            || UNITS.contains(&l.as_str())
            || COUNTED.contains(&l.as_str())
    };
    if name.is_empty() || name.iter().any(|w| bad(w)) || bad(town) {
        return None;
    }
    Some(format!(
        "house number and name \"{}\" with a town",
        before.trim()
    ))
}

fn is_type(w: &str) -> bool {
    let l = w.to_lowercase();
    PLAIN.contains(&l.as_str()) || AMBIGUOUS.contains(&l.as_str())
}

fn is_capital(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

/// Owners whose "home" is an institution's premises, not where a person
/// lives ("the Trust's new home at 2 Quay Street").
const INSTITUTIONS: &[&str] = &[
    "trust",
    "trusts",
    "nhs",
    "hospital",
    "hospitals",
    "service",
    "services",
    "team",
    "teams",
    "clinic",
    "practice",
    "surgery",
    "charity",
    "council",
    "board",
    "department",
    "unit",
    "ward",
    "organisation",
    "organization",
    "company",
    "centre",
    "center",
    "hospice",
    "church",
    "school",
    "university",
    "college",
    "society",
    "club",
    "library",
    "museum",
    "city",
    "town",
    "county",
    "region",
    "country",
    "nation",
    "england",
    "wales",
    "scotland",
    "britain",
    "uk",
    "everyone",
    "world",
    "today",
    "tomorrow",
];

/// A home named by a possessive: "Mrs Example's house", "the Examples' house",
/// "the patient's home", not an institution's ("the Trust's new home") or
/// one of the organisation's own names.
pub fn home_owner(m: &str, org: &Org) -> Option<String> {
    let owner = m.split_whitespace().next()?;
    let base = owner
        .trim_end_matches(['s', 'S'])
        .trim_end_matches(['\'', '\u{2019}'])
        .to_lowercase();
    if INSTITUTIONS.contains(&base.as_str()) || org.has_name_word(&base) {
        return None;
    }
    Some(format!("a home named by its owner (\"{}\")", m.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_streets_not_quantities() {
        assert!(street_name("14 Larch View").is_some());
        assert!(street_name("31 willow ave").is_some());
        assert!(street_name("12 The Grove").is_some());
        assert!(street_name("5 minute walk").is_none());
        assert!(street_name("3 bed terrace").is_none());
        assert!(street_name("2 way street").is_none());
    }

    #[test]
    fn named_streets_need_a_name() {
        assert!(street_name("Larch Street").is_some());
        assert!(street_name("larch street").is_some());
        assert!(street_name("house on Larch Street").is_some());
        assert!(street_name("end of Example St").is_some());
        assert!(street_name("the Example Estate").is_some());
        assert!(street_name("Willow Way").is_some());
        assert!(street_name("her way").is_none());
        assert!(street_name("the road").is_none());
        assert!(street_name("main road").is_none());
        assert!(
            street_name("stay close").is_none(),
            "ambiguous in lower case"
        );
        assert!(street_name("roof terrace").is_none());
        assert!(street_name("Example Green").is_none(), "a village green");
        assert!(street_name("3 Example Green").is_some());
    }

    #[test]
    fn house_name_and_town() {
        assert!(street_name("6 Greystones, Townsby").is_some());
        assert!(street_name("7 Days, Monday").is_none());
        assert!(street_name("40 Nurses, Doctors").is_none());
    }

    #[test]
    fn homes_of_people_not_institutions() {
        let org = Org::default();
        assert!(home_owner("Example's house", &org).is_some());
        assert!(home_owner("Examples' house", &org).is_some());
        assert!(home_owner("Trust's new home", &org).is_none());
    }
}

//! Named validators a pattern rule can call on each regex match. Each returns
//! `Some(detail)` to keep the match (the detail says why) or `None` to drop it.
//! The organisation profile supplies the allow-lists.
//!
//! Longer than 600 lines on purpose: a catalogue of short, independent
//! checks (one per identifier: check digits, date sanity, allow-lists)
//! behind one name table, read one at a time; docs/RULES.md lists them.

use crate::error::{Error, Result};
use crate::org::{Org, domain_match, normalise_uk_digits};

pub type Validator = fn(&str, &Ctx) -> Option<String>;

/// What validators may consult: the organisation profile and its local
/// hospital-number patterns, compiled once.
pub struct Ctx {
    pub org: Org,
    hospital: Option<regex::RegexSet>,
}

impl Ctx {
    pub fn new(org: &Org) -> Result<Ctx> {
        let hospital = if org.hospital_number_patterns.is_empty() {
            None
        } else {
            Some(
                regex::RegexSet::new(&org.hospital_number_patterns).map_err(|e| {
                    Error::Org(format!(
                        "organisation profile: hospital_number_patterns: {}",
                        e.to_string().trim()
                    ))
                })?,
            )
        };
        Ok(Ctx {
            org: org.clone(),
            hospital,
        })
    }
}

pub fn lookup(name: &str) -> Option<Validator> {
    Some(match name {
        "nhs-number" => |m, c| nhs_number(m, &c.org),
        "chi-number" => |m, _| chi_number(m),
        "hc-number" => |m, _| hc_number(m),
        "ni-number" => |m, _| ni_number(m),
        "date-of-birth" => |m, _| date_of_birth(m),
        "hospital-number" => hospital_number,
        "person-name" => |m, c| person_name(m, &c.org),
        "patient-name" => |m, c| patient_name(m, &c.org),
        "forename" => |m, c| forename(m, &c.org),
        "brand-name" => |m, c| brand_name(m, &c.org),
        "iban" => |m, _| iban(m),
        "lookalike-host" => |m, c| lookalike_host(m, &c.org),
        "photo-credit" => |m, c| photo_credit(m, &c.org),
        "uk-postcode" => |m, c| uk_postcode(m, &c.org),
        "uk-phone" => |m, c| uk_phone(m, &c.org),
        "email" => |m, c| email(m, &c.org),
        "email-obfuscated" => |m, c| email_obfuscated(m, &c.org),
        "street-name" => |m, _| super::places::street_name(m),
        "home-owner" => |m, c| super::places::home_owner(m, &c.org),
        _ => return None,
    })
}

pub const NAMES: &str = "nhs-number, chi-number, hc-number, ni-number, date-of-birth, hospital-number, person-name, patient-name, forename, brand-name, iban, lookalike-host, photo-credit, uk-postcode, uk-phone, email, email-obfuscated, street-name, home-owner";

fn digits(m: &str) -> Vec<u8> {
    m.bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect()
}

fn mod11_ok(d: &[u8]) -> bool {
    d.len() == 10 && !d.iter().all(|&x| x == d[0]) && nhs_check_digit(&d[..9]) == Some(d[9])
}

fn days_in_month(month: u32, year: Option<u32>) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            // two-digit years: allow 29 Feb when the year could be a leap year
            Some(y) if y >= 100 => {
                if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 {
                    29
                } else {
                    28
                }
            }
            Some(y) if y % 4 != 0 => 28,
            _ => 29,
        },
        _ => 0,
    }
}

/// Scottish CHI: DDMMYY (a real date) + 4 digits, mod-11 check digit.
fn chi_number(m: &str) -> Option<String> {
    let d = digits(m);
    if !mod11_ok(&d) {
        return None;
    }
    let dd = u32::from(d[0]) * 10 + u32::from(d[1]);
    let mm = u32::from(d[2]) * 10 + u32::from(d[3]);
    let yy = u32::from(d[4]) * 10 + u32::from(d[5]);
    if dd == 0 || mm == 0 || mm > 12 || dd > days_in_month(mm, Some(yy)) {
        return None;
    }
    let sex = if d[8].is_multiple_of(2) {
        "female"
    } else {
        "male"
    };
    Some(format!(
        "Scottish CHI: date part {dd:02}/{mm:02}/{yy:02} valid, mod-11 check digit valid ({sex} sex digit)"
    ))
}

/// Northern Ireland H&C number: 320000000n–399999999n, mod-11.
fn hc_number(m: &str) -> Option<String> {
    let d = digits(m);
    if !mod11_ok(&d) || d[0] != 3 || d[1] < 2 {
        return None;
    }
    Some("Northern Ireland H&C range 320–399, mod-11 check digit valid".into())
}

/// National Insurance number (HMRC NIM39110 prefix rules; no check digit).
fn ni_number(m: &str) -> Option<String> {
    let c: Vec<u8> = m
        .bytes()
        .filter(|b| !b.is_ascii_whitespace())
        .map(|b| b.to_ascii_uppercase())
        .collect();
    if c.len() != 9 {
        return None;
    }
    let (a, b) = (c[0], c[1]);
    if b"DFIQUV".contains(&a) || b"DFIQUVO".contains(&b) {
        return None;
    }
    let prefix = [a, b];
    let bad: &[&[u8; 2]] = &[
        b"BG", b"GB", b"KN", b"NK", b"NT", b"TN", b"ZZ", b"OO", b"CR", b"FY", b"MW", b"NC", b"PP",
        b"PY", b"PZ",
    ];
    if bad.iter().any(|p| **p == prefix) || !b"ABCD".contains(&c[8]) {
        return None;
    }
    if !c[2..8].iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(format!(
        "National Insurance number shape; prefix {} allowed by HMRC rules",
        String::from_utf8_lossy(&prefix)
    ))
}

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A real calendar date with a plausible birth year (1900 to 2030).
fn date_of_birth(m: &str) -> Option<String> {
    let lower = m.to_ascii_lowercase();
    let parts: Vec<&str> = lower
        .split(|c: char| c == '/' || c == '.' || c == '-' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    let (d, mo, y) = match parts.as_slice() {
        // ISO 8601: 1941-04-03
        [y, mo, d] if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => (d, mo, y),
        [d, mo, y] => (d, mo, y),
        _ => return None,
    };
    let day: u32 = d
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()?;
    let month: u32 = match mo.parse::<u32>() {
        Ok(n) => n,
        Err(_) => MONTHS.iter().position(|x| mo.starts_with(x))? as u32 + 1,
    };
    let year: u32 = y.parse().ok()?;
    let full = match y.len() {
        2 => None,
        4 if (1900..=2030).contains(&year) => Some(year),
        _ => return None,
    };
    if day == 0
        || !(1..=12).contains(&month)
        || day > days_in_month(month, Some(full.unwrap_or(year)))
    {
        return None;
    }
    Some(format!("valid date {day:02}/{month:02}/{y}"))
}

/// Local hospital (MRN) numbers: when the organisation profile lists
/// `hospital_number_patterns`, the match must fit one; otherwise the generic
/// shape is kept and the detail says so (context words are still required).
fn hospital_number(m: &str, c: &Ctx) -> Option<String> {
    match &c.hospital {
        Some(set) => {
            let i = set.matches(m).iter().next()?;
            Some(format!(
                "matches local hospital-number pattern {}",
                c.org.hospital_number_patterns[i]
            ))
        }
        None => {
            let d = m.bytes().filter(u8::is_ascii_digit).count();
            (d >= 6).then(|| {
                "generic hospital-number shape (no local patterns in the organisation profile)"
                    .to_string()
            })
        }
    }
}

/// Days and months, written capitalised mid-sentence like a name; shared by
/// the name validators here and the place validators (places.rs).
pub(super) const CALENDAR: &[&str] = &[
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
fn not_a_name(word: &str) -> bool {
    let l = word.to_lowercase();
    NOT_NAMES.contains(&l.as_str()) || CALENDAR.contains(&l.as_str())
}

/// Capitalised words that start sentences or name places and services, not
/// people. A name candidate needs two consecutive words outside this list
/// or `CALENDAR`.
const NOT_NAMES: &[&str] = &[
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
    "house",
    // head nouns of buildings and institutions ("the Pattinson Building
    // was born on …"); not Hall, Park, Court, Bridge or Lodge, which are
    // common surnames
    "building",
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
const NOT_PATIENTS: &[&str] = &[
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
/// A name that may be a patient's: `person-name`, unless introduced by a
/// staff title (Dr, Nurse, Sister…) or a public figure's honorific (Sir,
/// Captain, Queen…): the composition rules need a patient, not any name.
fn patient_name(m: &str, org: &Org) -> Option<String> {
    let first = m.split_whitespace().next()?.trim_end_matches('.');
    if NOT_PATIENTS.contains(&first) {
        return None;
    }
    person_name(m, org)
}

/// A given name from the gazetteer (rules/lexicons/forenames.toml) that is
/// not a word of the organisation's name or a listed place, service or
/// sentence word. Titles and place words beside it are the rule's `unless`.
fn forename(m: &str, org: &Org) -> Option<String> {
    if org.has_name_word(m) || not_a_name(m) {
        return None;
    }
    Some(format!("given name \"{m}\""))
}

/// A capitalised name that may be a business: not a sentence word, day,
/// month, place or service word (`NOT_NAMES`, `CALENDAR`) and not a word of
/// the organisation's own name.
fn brand_name(m: &str, org: &Org) -> Option<String> {
    let first = m.split_whitespace().next()?;
    if org.has_name_word(first) || not_a_name(first) {
        return None;
    }
    Some(format!("capitalised name \"{m}\""))
}

/// An IBAN whose ISO 13616 check digits hold (mod 97 = 1) and whose length
/// is plausible (15 to 34 characters): a real account, not a reference.
fn iban(m: &str) -> Option<String> {
    let compact: Vec<u8> = m
        .bytes()
        .filter(|b| !b.is_ascii_whitespace())
        .map(|b| b.to_ascii_uppercase())
        .collect();
    if !(15..=34).contains(&compact.len()) || !compact.iter().all(u8::is_ascii_alphanumeric) {
        return None;
    }
    // move the country and check digits to the end, letters as 10..35
    let mut rem: u32 = 0;
    for &b in compact[4..].iter().chain(&compact[..4]) {
        let v = if b.is_ascii_digit() {
            u32::from(b - b'0')
        } else {
            u32::from(b - b'A') + 10
        };
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    (rem == 1).then(|| {
        format!(
            "IBAN with valid check digits ({} {})",
            String::from_utf8_lossy(&compact[..2]),
            String::from_utf8_lossy(&compact[2..4])
        )
    })
}

/// NHS and government domains: "nhs" in a host under one is the NHS's
/// own (`lookalike_host`), and a link-category list never reports a host
/// under one (metadata.rs).
pub(super) const PUBLIC_SECTOR_DOMAINS: &[&str] = &[
    "nhs.uk",
    "nhs.net",
    "nhs.scot",
    "nhs.wales",
    "hscni.net",
    "gov.uk",
    "gov.wales",
    "gov.scot",
    "llyw.cymru",
];

/// A host that borrows "nhs" without being under an NHS or government
/// domain or one of the organisation's ("nhsmail-verify.example.com"):
/// the shape of a phishing or impersonation link.
fn lookalike_host(m: &str, org: &Org) -> Option<String> {
    let rest = m.split_once("://").map_or(m, |(_, r)| r);
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()?
        .trim_end_matches('.')
        .to_ascii_lowercase();
    if PUBLIC_SECTOR_DOMAINS.iter().any(|d| domain_match(&host, d)) || org.owns_domain(&host) {
        return None;
    }
    Some(format!(
        "host {host} uses \"nhs\" but is not under an NHS or government domain"
    ))
}

fn person_name(m: &str, org: &Org) -> Option<String> {
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
    const TITLES: &[&str] = &["Mr", "Mrs", "Ms", "Miss", "Mx"];
    // an initial and a surname, as handover lists write them: "R. Patel"
    // (the raw word keeps its full stop: "A Smith" is not an initial)
    let raw: Vec<&str> = m.split_whitespace().collect();
    let initial = |i: usize| {
        let b = raw.get(i).map_or(&[][..], |w| w.as_bytes());
        b.len() == 2 && b[0].is_ascii_uppercase() && b[1] == b'.'
    };
    let i = (0..words.len().saturating_sub(1)).find(|&i| {
        (name_like(words[i]) || TITLES.contains(&words[i].trim_end_matches('.')) || initial(i))
            && name_like(words[i + 1])
    })?;
    let pair = [words[i], words[i + 1]];
    Some(format!(
        "capitalised name \"{} {}\" (not a listed place, service or sentence word)",
        pair[0], pair[1]
    ))
}

/// Who a photo or video credit names, judged from the whole credit the
/// `credit.personal-photo-credit` grammar matched ("Photo: Jane Smith",
/// "Pictures by our talented porter Mike Reid", "Thanks to @x for these
/// shots"): a person, a handle or a production company is reported; the
/// organisation itself, a public body, a library or archive, the press and
/// a caption that only names who is in the picture are not.
fn photo_credit(m: &str, org: &Org) -> Option<String> {
    let words: Vec<&str> = m.split_whitespace().collect();
    let bare = |w: &str| -> String {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let first = bare(words.first()?);
    let thanks = matches!(first.as_str(), "thanks" | "thank" | "thx");
    let mut region: Vec<&str> = if thanks {
        // "Thanks (so much) to X for these shots": X is between the opener
        // and the last "for"
        let f = words.iter().rposition(|w| bare(w) == "for")?;
        let lead = [
            "thanks", "thank", "thx", "you", "u", "so", "very", "much", "again", "to",
        ];
        let from = words[..f]
            .iter()
            .position(|w| !lead.contains(&bare(w).as_str()))?;
        words[from..f].to_vec()
    } else {
        // after the last credit marker: "Photo:", "📷", "©", "-", "by",
        // "courtesy of", "cred"
        let marker = |i: usize| {
            let w = words[i];
            let b = bare(w);
            w.ends_with(':')
                || (w != "&" && !w.chars().any(char::is_alphanumeric))
                || matches!(b.as_str(), "by" | "cred" | "credit" | "credits" | "c/o")
                || (b == "of" && i > 0 && bare(words[i - 1]) == "courtesy")
        };
        let k = (0..words.len()).rev().find(|&i| marker(i))?;
        words[k + 1..].to_vec()
    };
    // A separator credit followed by lower-case words is a caption about
    // who is in the picture ("Photo: Jane Smith receives her award",
    // "📸 Jane Smith and the team"), unless they continue the credit
    // ("… and Tom Hale", "… for the Trust", "… via Instagram", "… of
    // Example Studios").
    let lowercase = |w: &str| {
        w.chars()
            .all(|c| c.is_ascii_lowercase() || c == '\'' || c == '-')
    };
    if !thanks {
        let tail = region
            .iter()
            .rev()
            .take_while(|w| lowercase(w) && **w != "me")
            .count();
        if tail > 0 {
            let first = region[region.len() - tail];
            if !["and", "for", "via", "of"].contains(&first) || (first == "and" && tail > 1) {
                return None;
            }
            region.truncate(region.len() - tail);
        }
    }
    if thanks && let Some(last) = region.last_mut() {
        *last = last.trim_end_matches(',');
    }
    if region.len() == 1 && region[0].eq_ignore_ascii_case("me") {
        return Some("photo credited to the poster (\"by me\") on an official account".into());
    }
    // lower-case words before the name: "our talented porter", "the
    // wonderful"; a preposition or verb among them makes the name a
    // subject or a place ("Photo: the sunrise over Derwent Water")
    let split = region
        .iter()
        .position(|w| !w.starts_with(|c: char| c.is_ascii_lowercase()))?;
    const STOP: &[&str] = &[
        "at",
        "in",
        "on",
        "over",
        "from",
        "with",
        "to",
        "for",
        "into",
        "onto",
        "across",
        "near",
        "during",
        "after",
        "before",
        "around",
        "outside",
        "inside",
        "under",
        "above",
        "behind",
        "beside",
        "between",
        "through",
        "featuring",
        "feat",
        "including",
        "showing",
        "shows",
        "meets",
        "meeting",
        "celebrating",
        "welcoming",
        "welcomes",
        "visiting",
        "visits",
        "receiving",
        "receives",
        "or",
        "is",
        "are",
        "was",
        "were",
        "this",
    ];
    if region[..split]
        .iter()
        .any(|w| STOP.contains(&bare(w).as_str()))
    {
        return None;
    }
    let name = &region[split..];
    if let [handle] = name
        && let Some(h) = handle.strip_prefix('@')
    {
        let h = h.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '_');
        let l = h.to_ascii_lowercase();
        if org.owns_handle(h) || l.contains("nhs") || l.contains("gov") {
            return None;
        }
        return Some(format!(
            "photo credited to handle @{h} on an official account"
        ));
    }
    judge_credited_name(name, org)
}

/// A credited name ("Jane Smith", "Ember Creative Ltd", "NHS Example
/// Trust Communications Team"): a production company or a person is
/// reported; the organisation, public bodies, libraries and archives and
/// the press are not.
fn judge_credited_name(name: &[&str], org: &Org) -> Option<String> {
    // Credited to the organisation, a public body, a library, archive or
    // collection, or the press: not a credit to an individual.
    const BODIES: &[&str] = &[
        "nhs",
        "trust",
        "trusts",
        "hospital",
        "hospitals",
        "infirmary",
        "foundation",
        "council",
        "university",
        "board",
        "health",
        "healthcare",
        "team",
        "teams",
        "department",
        "dept",
        "comms",
        "communications",
        "charity",
        "charities",
        "icb",
        "ics",
        "collection",
        "collections",
        "library",
        "libraries",
        "archive",
        "archives",
        "museum",
        "gallery",
        "agency",
        "organisation",
        "organization",
        "government",
        "ministry",
        "office",
        "institute",
        "college",
        "school",
        "society",
        "association",
        "commission",
        "authority",
        "police",
        "fire",
        "ambulance",
        "parliament",
        "senedd",
        "cqc",
        "news",
        "press",
        "echo",
        "chronicle",
        "gazette",
        "herald",
        "journal",
        "channel",
        "radio",
        "tv",
        "television",
        "broadcasting",
        "bbc",
        "itv",
        // stock and news agencies: licensed material
        "getty",
        "shutterstock",
        "istock",
        "istockphoto",
        "alamy",
        "unsplash",
        "pexels",
        "pixabay",
        "wikimedia",
        "wikipedia",
        "reuters",
        "pa",
        "afp",
    ];
    // A production company or photography business (D4 names it).
    const COMPANY: &[&str] = &[
        "media",
        "films",
        "film",
        "studios",
        "studio",
        "productions",
        "production",
        "pictures",
        "creative",
        "creatives",
        "ltd",
        "limited",
        "llp",
        "co",
        "company",
        "inc",
        "photography",
        "photographic",
        "photographer",
        "photographers",
        "photo",
        "photos",
        "visuals",
        "visual",
        "imaging",
        "images",
        "video",
        "videos",
        "videography",
        "drone",
        "drones",
        "aerial",
        "aerials",
        "motion",
        "digital",
        "weddings",
        "events",
        "design",
        "designs",
        "content",
        "collective",
        "pr",
    ];
    // In-house units that are not companies unless named as one.
    const UNITS: &[&str] = &[
        "service",
        "services",
        "unit",
        "centre",
        "center",
        "practice",
        "surgery",
        "pharmacy",
        "network",
        "partnership",
        "alliance",
    ];
    // Leading words that are a title, not a name ("Dr", "Staff Nurse").
    const TITLES: &[&str] = &[
        "dr",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "prof",
        "professor",
        "nurse",
        "sister",
        "matron",
        "staff",
        "charge",
        "dame",
        "sir",
        "rev",
        "revd",
        "cllr",
        "councillor",
    ];
    // Title-case caption words that begin event and subject names, not
    // people ("Photo: Summer Fete", "Video: Meet Our Matron").
    const CAPTIONS: &[&str] = &[
        "spring",
        "summer",
        "autumn",
        "winter",
        "fete",
        "fayre",
        "fair",
        "awards",
        "award",
        "ball",
        "gala",
        "party",
        "night",
        "open",
        "launch",
        "celebration",
        "festival",
        "conference",
        "ceremony",
        "appeal",
        "highlights",
        "behind",
        "inside",
        "meet",
        "watch",
        "look",
        "introducing",
        "how",
        "why",
        "what",
        "when",
        "where",
        "who",
        "which",
        "top",
        "tips",
        "world",
        "national",
        "international",
        "global",
        "annual",
    ];
    const FUNCTION: &[&str] = &[
        "a", "an", "the", "our", "my", "your", "his", "her", "their", "its", "of", "on", "in",
        "at", "to", "for", "with", "and", "or", "by", "from", "is", "was", "are", "this", "that",
    ];
    let mut shown: Vec<&str> = name
        .iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&'))
        .filter(|w| !w.is_empty())
        .collect();
    while shown.first().is_some_and(|w| {
        ["our", "the", "my", "a", "an", "your", "their"].contains(&w.to_lowercase().as_str())
    }) {
        shown.remove(0);
    }
    let lower: Vec<String> = shown.iter().map(|w| w.to_lowercase()).collect();
    // (organisation-name words of four letters or more: "NHS" is in BODIES)
    if lower
        .iter()
        .any(|w| BODIES.contains(&w.as_str()) || (w.len() >= 4 && org.has_name_word(w)))
    {
        return None;
    }
    let who = shown.join(" ");
    if lower.iter().any(|w| COMPANY.contains(&w.as_str())) {
        return Some(format!(
            "photo credited to a production company (\"{who}\") on an official account"
        ));
    }
    if lower.iter().any(|w| UNITS.contains(&w.as_str())) {
        return None;
    }
    let titled = lower.first().is_some_and(|w| TITLES.contains(&w.as_str()));
    let skip = lower
        .iter()
        .take_while(|w| TITLES.contains(&w.as_str()))
        .count();
    let rest = &shown[skip..];
    let proper = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
    };
    // an initial counts as a first name ("J. Smith"): the raw word keeps
    // its full stop
    let initial = name.len() > skip
        && name[name.len() - rest.len()].len() == 2
        && name[name.len() - rest.len()].ends_with('.');
    let first_ok = rest.first().is_some_and(|w| {
        let l = w.to_lowercase();
        (proper(w) || initial) && !not_a_name(&l) && !CAPTIONS.contains(&l.as_str())
    });
    let others_ok = rest
        .iter()
        .skip(1)
        .all(|w| proper(w) && !FUNCTION.contains(&w.to_lowercase().as_str()));
    let long_enough = rest.len() >= 2 || (titled && rest.len() == 1);
    if first_ok && others_ok && long_enough && rest.len() <= 3 {
        return Some(format!(
            "photo credited to a person (\"{who}\") on an official account"
        ));
    }
    None
}

/// The NHS number mod-11 check digit of the first nine digits, or `None`
/// when the prefix cannot carry a valid number (check value 10).
pub fn nhs_check_digit(first9: &[u8]) -> Option<u8> {
    let sum: u32 = first9
        .iter()
        .zip((2..=10).rev())
        .map(|(d, w)| u32::from(*d) * w)
        .sum();
    match 11 - sum % 11 {
        11 => Some(0),
        10 => None,
        c => Some(c as u8),
    }
}

fn nhs_number(m: &str, _org: &Org) -> Option<String> {
    let d = digits(m);
    if !mod11_ok(&d) {
        return None;
    }
    let range = if d[..3] == [9, 9, 9] {
        "999 test range (synthetic)"
    } else {
        match d[0] {
            4 | 6 | 7 => "England/Wales/IoM range",
            _ => return None,
        }
    };
    Some(format!("mod-11 check digit valid; {range}"))
}

/// BS 7666 position rules, which the regex crate cannot express.
fn uk_postcode(m: &str, org: &Org) -> Option<String> {
    let p: String = m.chars().filter(|c| !c.is_whitespace()).collect();
    // mixed case ("Ab1 2Cd") is prose, not a postcode
    if p != p.to_ascii_uppercase() && p != p.to_ascii_lowercase() {
        return None;
    }
    // lowercase "m6 5th", "a1 2nd": a road and an ordinal, not a postcode
    if p.ends_with(|c: char| c.is_ascii_lowercase())
        && ["st", "nd", "rd", "th"].iter().any(|o| p.ends_with(o))
    {
        return None;
    }
    let p = p.to_ascii_uppercase();
    if org.owns_postcode(&p) {
        return None;
    }
    if p == "GIR0AA" {
        return Some("valid postcode shape (GIR 0AA)".into());
    }
    let b = p.as_bytes();
    if !(5..=7).contains(&b.len()) {
        return None;
    }
    let (out, inw) = b.split_at(b.len() - 3);
    if !(inw[0].is_ascii_digit()
        && inw[1..]
            .iter()
            .all(|c| c.is_ascii_uppercase() && !b"CIKMOV".contains(c)))
    {
        return None;
    }
    let l = |c: u8| c.is_ascii_uppercase();
    let d = |c: u8| c.is_ascii_digit();
    let ok = match *out {
        [a, n] => l(a) && d(n),
        [a, n, m] if d(n) => l(a) && (d(m) || b"ABCDEFGHJKSTUW".contains(&m)),
        [a, b2, n] => l(a) && l(b2) && d(n),
        [a, b2, n, m] => l(a) && l(b2) && d(n) && (d(m) || b"ABEHMNPRVWXY".contains(&m)),
        _ => false,
    };
    if !ok || b"QVX".contains(&out[0]) || (l(out[1]) && b"IJZ".contains(&out[1])) {
        return None;
    }
    Some("valid full postcode shape; not an organisation postcode".into())
}

fn uk_phone(m: &str, org: &Org) -> Option<String> {
    // "+44 (0)191 …": the bracketed trunk zero is not dialled after +44
    let m = m.replace("(0)", "");
    let n = normalise_uk_digits(&m);
    if org.owns_number(&m) {
        return None;
    }
    let b = n.as_bytes();
    if b.first() != Some(&b'0') || b.len() < 10 {
        return None;
    }
    let kind = match b[1] {
        b'7' if b.len() == 11 && b[2] != b'0' => "mobile",
        b'1' | b'2' if b.len() == 11 || (b[1] == b'1' && b.len() == 10) => "geographic",
        // 03, like 08, is allocated to organisations (public bodies,
        // charities, businesses), never to a person (docs/RULES.md)
        _ => return None,
    };
    let drama = n.starts_with("07700900")
        || n.starts_with("01632960")
        || n.starts_with("02079460")
        || n.starts_with("01134960")
        || n.starts_with("01614960");
    let mut detail = format!("UK {kind} number {n}; not an organisation number");
    if drama {
        detail.push_str("; Ofcom drama range (fictional)");
    }
    Some(detail)
}

pub const FREE_MAIL: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "hotmail.com",
    "hotmail.co.uk",
    "outlook.com",
    "live.com",
    "live.co.uk",
    "msn.com",
    "yahoo.com",
    "yahoo.co.uk",
    "icloud.com",
    "me.com",
    "aol.com",
    "btinternet.com",
    "sky.com",
    "virginmedia.com",
    "protonmail.com",
    "proton.me",
    "gmx.com",
    "mail.com",
];

/// Describes why an address is not the organisation's, or `None` if it is.
pub fn email_detail(addr: &str, org: &Org) -> Option<String> {
    let addr = addr.trim();
    let (_, domain) = addr.rsplit_once('@')?;
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    if domain.is_empty() || org.owns_domain(&domain) || org.owns_email(addr) {
        return None;
    }
    Some(if FREE_MAIL.contains(&domain.as_str()) {
        format!("free-mail domain {domain}")
    } else {
        format!("domain {domain} is not an organisation domain")
    })
}

/// An address found in text: `email_detail`, except a role mailbox
/// (`pals@`, `enquiries@`, `ndht.comms@`…) on a domain that is not free
/// mail, which is an organisation's published contact, not a person's.
fn email(m: &str, org: &Org) -> Option<String> {
    let (local, domain) = m.trim().rsplit_once('@')?;
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    let free = FREE_MAIL.contains(&domain.as_str());
    if (!free && is_role_mailbox(local)) || is_nhs_mail_domain(&domain) {
        return None;
    }
    email_detail(m, org)
}

/// Domains only the NHS issues (NHSmail, and the nhs.uk, nhs.scot and
/// Northern Ireland HSC zones): an address on one is a work address, as
/// a role mailbox is, whichever organisation the profile names.
fn is_nhs_mail_domain(domain: &str) -> bool {
    ["nhs.net", "nhs.uk", "nhs.scot", "hscni.net"]
        .iter()
        .any(|nhs| domain_match(domain, nhs))
}

/// An address written to dodge address harvesters ("karen dot hughes at
/// example dot com", "jo[at]example[dot]org"): spelled back as an address
/// and judged as `email` judges one. The domain's labels must not be
/// ordinary words ("boom at the dot com") and the last must be a common
/// top-level domain.
fn email_obfuscated(m: &str, org: &Org) -> Option<String> {
    let lower = m.to_ascii_lowercase();
    let mut spelled = String::with_capacity(lower.len());
    for w in lower
        .replace("[at]", " @ ")
        .replace("(at)", " @ ")
        .replace("[dot]", " . ")
        .replace("(dot)", " . ")
        .split_whitespace()
    {
        spelled.push_str(match w {
            "at" => "@",
            "dot" => ".",
            w => w,
        });
    }
    let (local, domain) = spelled.rsplit_once('@')?;
    const WORDS: &[&str] = &[
        "the", "a", "an", "this", "that", "my", "our", "your", "his", "her",
    ];
    const TLDS: &[&str] = &[
        "com", "org", "net", "uk", "io", "info", "me", "co", "biz", "scot", "wales", "cymru",
    ];
    let labels: Vec<&str> = domain.split('.').collect();
    if local.is_empty()
        || labels.len() < 2
        || labels.iter().any(|l| l.is_empty() || WORDS.contains(l))
        || !TLDS.contains(labels.last()?)
    {
        return None;
    }
    email(&spelled, org).map(|d| format!("address written out as words ({spelled}); {d}"))
}

/// Role names used for shared mailboxes: RFC 2142's (info, sales,
/// support, abuse, postmaster, …) and those UK public bodies publish. A
/// local part is a role mailbox when its last part (split on `.`, `_`,
/// `-`, `+`) is one of them, so a team prefix such as `ndht.` is allowed.
fn is_role_mailbox(local: &str) -> bool {
    const ROLES: &[&str] = &[
        "info",
        "information",
        "enquiries",
        "enquiry",
        "inquiries",
        "contact",
        "contactus",
        "hello",
        "admin",
        "administration",
        "office",
        "reception",
        "pals",
        "complaints",
        "feedback",
        "press",
        "media",
        "comms",
        "communications",
        "news",
        "newsroom",
        "team",
        "hr",
        "recruitment",
        "jobs",
        "careers",
        "volunteers",
        "volunteering",
        "fundraising",
        "charity",
        "support",
        "help",
        "helpdesk",
        "servicedesk",
        "appointments",
        "bookings",
        "booking",
        "referrals",
        "noreply",
        "no-reply",
        "donotreply",
        "webmaster",
        "postmaster",
        "hostmaster",
        "abuse",
        "security",
        "privacy",
        "dpo",
        "foi",
        "governance",
        "finance",
        "accounts",
        "payroll",
        "procurement",
        "estates",
        "facilities",
        "switchboard",
        "events",
        "marketing",
        "social",
        "socialmedia",
        "digital",
        "training",
        "education",
        "research",
        "library",
        "chaplaincy",
        "pharmacy",
        "sales",
        "billing",
        "membership",
        "members",
        "engagement",
        "involvement",
        "experience",
        "patientexperience",
        "admissions",
        "vaccinations",
        "screening",
        "bookingteam",
        "generalenquiries",
        // NHS roles published as shared mailboxes: Freedom to Speak Up
        // guardians, safeguarding, staff wellbeing, occupational health
        "speakup",
        "freedomtospeakup",
        "ftsu",
        "safeguarding",
        "wellbeing",
        "occupationalhealth",
        "occhealth",
    ];
    let last = local
        .rsplit(['.', '_', '-', '+'])
        .next()
        .unwrap_or(local)
        .to_ascii_lowercase();
    ROLES.contains(&last.as_str()) || ROLES.contains(&local.to_ascii_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a valid NHS number from a nine-digit prefix.
    fn with_check(prefix: &str) -> Option<String> {
        let d: Vec<u8> = prefix.bytes().map(|b| b - b'0').collect();
        nhs_check_digit(&d).map(|c| format!("{prefix}{c}"))
    }

    #[test]
    fn nhs_numbers() {
        let org = Org::default();
        assert_eq!(with_check("401159083").as_deref(), Some("4011590835"));
        assert!(nhs_number("401 159 0835", &org).is_some());
        assert!(nhs_number("4011590836", &org).is_none());
        let test_range = with_check("999000001").unwrap();
        assert!(nhs_number(&test_range, &org).unwrap().contains("synthetic"));
        let unallocated = with_check("500000001").unwrap();
        assert!(nhs_number(&unallocated, &org).is_none());
        assert!(nhs_number("4444444444", &org).is_none());
        // a prefix whose check value is 10 never validates
        let bad = (0..1000)
            .map(|i| format!("401159{i:03}"))
            .find(|p| with_check(p).is_none())
            .unwrap();
        for last in 0..10 {
            assert!(nhs_number(&format!("{bad}{last}"), &org).is_none());
        }
    }

    #[test]
    fn postcodes() {
        let org = Org::parse("postcodes = [\"SR4 7TP\"]").unwrap();
        for ok in [
            "SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "EC1A 1BB",
        ] {
            assert!(uk_postcode(ok, &org).is_some(), "{ok}");
        }
        for bad in [
            "QA1 1AA", "SW1A 1AC", "sr4 7tp", "AB1 2Cd", "AI1 1AA", "m6 5th", "G12 4PM",
        ] {
            assert!(uk_postcode(bad, &org).is_none(), "{bad}");
        }
    }

    #[test]
    fn phones() {
        let org = Org::parse("phone_numbers = [\"0191 541 0000\"]\nnational_numbers = [\"111\"]")
            .unwrap();
        assert!(uk_phone("07911 123456", &org).is_some());
        assert!(uk_phone("+44 7911 123456", &org).is_some());
        assert!(uk_phone("020 7946 0958", &org).unwrap().contains("drama"));
        // a helpline's 03 number is an organisation's, as an 0800 one is
        assert!(uk_phone("0300 123 4567", &org).is_none());
        assert!(uk_phone("0345 600 3000", &org).is_none());
        assert!(uk_phone("0191 541 0000", &org).is_none());
        assert!(uk_phone("+44 191 541 0000", &org).is_none());
        assert!(uk_phone("+44 (0)191 541 0000", &org).is_none());
        assert!(uk_phone("+44 (0)7911 123456", &org).is_some());
        assert!(uk_phone("0800 123 4567", &org).is_none());
        assert!(uk_phone("07911 12345", &org).is_none());
    }

    #[test]
    fn initials_and_role_mailboxes() {
        let org = Org::default();
        assert!(person_name("R. Patel", &org).is_some());
        // an article is not an initial: only "R." with its full stop
        assert!(person_name("A Smith", &org).is_none());
        assert!(patient_name("Dr S. Jones", &org).is_none());
        assert!(email("pals@example-trust.org.uk", &org).is_none());
        assert!(email("ndht.comms@example.net", &org).is_none());
        assert!(email("info@gmail.com", &org).is_some());
        assert!(email("jane.example@example-trust.org.uk", &org).is_some());
        let d = email_obfuscated("karen dot example at example dot com", &org).unwrap();
        assert!(d.contains("karen.example@example.com"), "{d}");
        assert!(email_obfuscated("boom at the dot com", &org).is_none());
        assert!(email_obfuscated("pals at example-trust dot nhs dot uk", &org).is_none());
    }

    #[test]
    fn photo_credits_name_people_handles_and_companies_not_bodies() {
        let org = Org::parse(
            "name = \"Northdale Hospitals NHS Foundation Trust\"\nhandles = [\"NorthdaleNHS\"]",
        )
        .unwrap();
        let credit = |m: &str| photo_credit(m, &org);
        assert!(credit("Photo: Jane Smith").unwrap().contains("person"));
        assert!(
            credit("Pictures by our talented porter Sam Example")
                .unwrap()
                .contains("\"Sam Example\"")
        );
        assert!(credit("All photos by the wonderful Kirsty Ward").is_some());
        assert!(credit("photographed by Dr Sam Example").is_some());
        assert!(
            credit("Video: Example & Frame Studios")
                .unwrap()
                .contains("production company")
        );
        assert!(
            credit("Footage courtesy of Example Drone Services")
                .unwrap()
                .contains("production company")
        );
        assert!(
            credit("cred @jay.example")
                .unwrap()
                .contains("@jay.example")
        );
        assert!(credit("Thanks to Sam Example for these amazing shots").is_some());
        assert!(credit("pic by me").unwrap().contains("by me"));
        assert!(credit("Photo: Jane Smith and").is_some());
        // the organisation, public bodies, archives, the press, captions
        assert!(credit("📷 @NorthdaleNHS").is_none());
        assert!(credit("Photo: Northdale Comms").is_none());
        assert!(credit("Video credit: NHS Example Trust Media Services").is_none());
        assert!(credit("Image: Example Museum Collection").is_none());
        assert!(credit("Photo: Northern Echo").is_none());
        assert!(credit("Images courtesy of Getty Images").is_none());
        assert!(credit("Photo: Jane Smith receives").is_none());
        assert!(credit("📸 Jane Smith and the").is_none());
        assert!(credit("Photo: the sunrise over Derwent Water").is_none());
        assert!(credit("Photos: Summer Fete").is_none());
        assert!(credit("Photo: Estates Services").is_none());
    }

    #[test]
    fn emails() {
        let org = Org::parse("domains = [\"example-trust.nhs.uk\"]").unwrap();
        assert!(
            email("jane.doe.private@gmail.com", &org)
                .unwrap()
                .contains("free-mail")
        );
        assert!(email("comms@example-trust.nhs.uk", &org).is_none());
        assert!(email("x@other.org", &org).is_some());
        // NHS mail domains are work addresses whoever the profile names
        assert!(email("sarah.example@othertrust.nhs.uk", &org).is_none());
        assert!(email("a.example@nhs.net", &org).is_none());
        assert!(email("b.example@nhs.scot", &org).is_none());
        // a look-alike is not one
        assert!(email("x@fakenhs.net", &org).is_some());
        assert!(email("x@nhs.net.example.com", &org).is_some());
    }
}

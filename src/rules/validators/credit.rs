//! Who a photo or video credit names: a person, a handle or a production
//! company is reported; the organisation, public bodies, libraries and
//! archives, the press and captions that only say who is pictured are not.

use super::*;

/// Who a photo or video credit names, judged from the whole credit the
/// `credit.personal-photo-credit` grammar matched ("Photo: Jane Smith",
/// "Pictures by our talented porter Mike Reid", "Thanks to @x for these
/// shots"): a person, a handle or a production company is reported; the
/// organisation itself, a public body, a library or archive, the press and
/// a caption that only names who is in the picture are not.
pub(super) fn photo_credit(m: &str, org: &Org) -> Option<String> {
    let words: Vec<&str> = m.split_whitespace().collect();
    let bare = |w: &str| -> String {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let first = bare(words.first()?);
    let welsh_thanks = first == "diolch";
    let thanks = welsh_thanks || matches!(first.as_str(), "thanks" | "thank" | "thx");
    // Made by a production company with no media noun before the verb
    // ("Produced by X Productions", "A X Pictures production"): only a
    // film or photography trade's name is a credit here, since leaflets
    // and reports are "produced by" people and printers too.
    let trade_only = matches!(
        first.as_str(),
        "produced" | "co-produced" | "made" | "edited" | "created" | "cynhyrchwyd" | "golygwyd"
    );
    let billed = matches!(first.as_str(), "a" | "an")
        && words.last().is_some_and(|w| {
            matches!(
                bare(w).as_str(),
                "production" | "productions" | "film" | "films"
            )
        });
    let mut region: Vec<&str> = if billed {
        words[1..words.len() - 1].to_vec()
    } else if thanks {
        // "Thanks (so much) to X for these shots", "Diolch (o galon) i X
        // am y lluniau": X is between the opener and the last "for" / "am"
        let to = if welsh_thanks { "am" } else { "for" };
        let f = words.iter().rposition(|w| bare(w) == to)?;
        let lead: &[&str] = if welsh_thanks {
            &["diolch", "o", "galon", "yn", "fawr", "iawn", "i"]
        } else {
            &[
                "thanks", "thank", "thx", "you", "u", "so", "very", "much", "again", "to",
            ]
        };
        let from = words[..f]
            .iter()
            .position(|w| !lead.contains(&bare(w).as_str()))?;
        words[from..f].to_vec()
    } else {
        // after the last credit marker: "Photo:", "📷", "©", "-", "by"
        // (Welsh "gan"), "courtesy of", "cred", "cred to"
        let credit_word = |b: &str| {
            matches!(
                b,
                "cred"
                    | "credit"
                    | "credits"
                    | "photocredit"
                    | "photocredits"
                    | "photocred"
                    | "piccredit"
                    | "piccredits"
                    | "piccred"
            )
        };
        let marker = |i: usize| {
            let w = words[i];
            let b = bare(w);
            w.ends_with(':')
                || (w != "&" && !w.chars().any(char::is_alphanumeric))
                || matches!(b.as_str(), "by" | "gan" | "c/o")
                || credit_word(&b)
                || w.eq_ignore_ascii_case("(c)")
                || (b == "of" && i > 0 && bare(words[i - 1]) == "courtesy")
                || (b == "to" && i > 0 && credit_word(&bare(words[i - 1])))
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
    if !thanks && !billed {
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
    // subject, a place or what someone belongs to ("Photo: the sunrise
    // over Derwent Water", "Artwork by members of our Larch Ward art
    // group")
    let split = region
        .iter()
        .position(|w| !w.starts_with(|c: char| c.is_ascii_lowercase()))?;
    const STOP: &[&str] = &[
        "of",
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
    if trade_only || billed {
        return film_trade(name)
            .then(|| judge_credited_name(name, org))
            .flatten();
    }
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

/// Whether a credited name carries a film or photography trade's word
/// ("X Productions", "X Pictures Ltd", "Cwmni Ffilm X"), not only a
/// company's ("X Ltd" may be a printer or a consultancy).
fn film_trade(name: &[&str]) -> bool {
    const TRADE: &[&str] = &[
        "media",
        "films",
        "film",
        "studios",
        "studio",
        "productions",
        "production",
        "pictures",
        "creative",
        "photography",
        "visuals",
        "video",
        "videography",
        "motion",
        "animation",
        "aerial",
        "drone",
        // Welsh, with the soft mutation after "gan"
        "cynhyrchiadau",
        "gynhyrchiadau",
        "ffilm",
        "ffilmiau",
        "ffotograffiaeth",
        "creadigol",
    ];
    name.iter().any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        TRADE.contains(&w.as_str())
    })
}

/// A credited name ("Jane Smith", "Ember Creative Ltd", "NHS Example
/// Trust Communications Team"): a production company or a person is
/// reported; the organisation, public bodies, libraries and archives and
/// the press are not.
pub(super) fn judge_credited_name(name: &[&str], org: &Org) -> Option<String> {
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
        // a group of the organisation's ("our Larch Ward art group"), a
        // school's pupils ("Ward" alone is also a surname)
        "group",
        "panel",
        "pupils",
        "primary",
        "academy",
        // the same in Welsh: team, government, council, board, health,
        // hospital, school, university, service
        "tîm",
        "tim",
        "llywodraeth",
        "cyngor",
        "bwrdd",
        "iechyd",
        "ysbyty",
        "ysgol",
        "prifysgol",
        "gwasanaeth",
        // and as they are written after "i" and "gan" (soft mutation), with
        // department, unit and the health boards' initials
        "dîm",
        "dim",
        "lywodraeth",
        "gyngor",
        "fwrdd",
        "wasanaeth",
        "adran",
        "uned",
        "bip",
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
        // Welsh: "Cyf." (Ltd), company, productions, photography, creative
        "cyf",
        "cwmni",
        "cynhyrchiadau",
        "gynhyrchiadau",
        "ffilmiau",
        "ffotograffiaeth",
        "creadigol",
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
    // a surname particle between names: "Dafydd ap Rhys", "Anne de Vries"
    const PARTICLES: &[&str] = &["ap", "ab", "van", "von", "de", "du", "da", "di", "le"];
    let last = rest.len().saturating_sub(1);
    let others_ok = rest.iter().enumerate().skip(1).all(|(i, w)| {
        (proper(w) && !FUNCTION.contains(&w.to_lowercase().as_str()))
            || (i < last && PARTICLES.contains(w))
    });
    let long_enough = rest.len() >= 2 || (titled && rest.len() == 1);
    if first_ok && others_ok && long_enough && rest.len() <= 3 {
        return Some(format!(
            "photo credited to a person (\"{who}\") on an official account"
        ));
    }
    None
}

//! Addresses and hosts: e-mail addresses that are a person's rather than
//! the organisation's or a role mailbox's (plain or written to dodge
//! harvesters), and link hosts that borrow "nhs" without being the NHS's.

use super::*;

/// NHS and government domains: "nhs" in a host under one is the NHS's
/// own (`lookalike_host`), and a link-category list never reports a host
/// under one (metadata.rs).
pub(in crate::rules) const PUBLIC_SECTOR_DOMAINS: &[&str] = &[
    "nhs.uk",
    "nhs.net",
    "nhs.scot",
    "nhs.wales",
    "hscni.net",
    "gov.uk",
    "gov.wales",
    "gov.scot",
    "llyw.cymru",
    // National NHS bodies on domains of their own: NHS Employers and the
    // NHS Confederation, NHS Providers, NHS 24 and NHS inform (Scotland),
    // the NHS Staff Survey's coordination centre, NHS Charities Together
    // and NHS Volunteer Responders. Each is named on its body's own
    // nhs.uk or gov.uk page (docs/RULES.md, "Links").
    "nhsemployers.org",
    "nhsconfed.org",
    "nhsproviders.org",
    "nhs24.scot",
    "nhsinform.scot",
    "nhsstaffsurveys.com",
    "nhscharitiestogether.co.uk",
    "nhsvolunteerresponders.org.uk",
];

/// A host that borrows "nhs" without being under an NHS or government
/// domain or one of the organisation's ("nhsmail-verify.example.com"):
/// the shape of a phishing or impersonation link.
pub(super) fn lookalike_host(m: &str, org: &Org) -> Option<String> {
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

pub(super) const FREE_MAIL: &[&str] = &[
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
pub(in crate::rules) fn email_detail(addr: &str, org: &Org) -> Option<String> {
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

/// An address found in text: `email_detail`, except a work address on
/// an NHS or government domain, and a role mailbox (`pals@`,
/// `enquiries@`, `ndht.comms@`, `cyswllt@`, `flujabs@`…) on a domain
/// that is not free mail, which is an organisation's published contact,
/// not a person's.
pub(super) fn email(m: &str, org: &Org) -> Option<String> {
    judge_address(m, org, true)
}

/// [`email`], with `one_word` saying whether a one-word local part reads
/// as a mailbox: not for an address spelled out to dodge harvesters
/// ("jo [at] example [dot] org"), which people do for their own.
fn judge_address(m: &str, org: &Org, one_word: bool) -> Option<String> {
    let (local, domain) = m.trim().rsplit_once('@')?;
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    let free = FREE_MAIL.contains(&domain.as_str());
    let public = PUBLIC_SECTOR_DOMAINS
        .iter()
        .any(|d| domain_match(&domain, d));
    if (!free && (is_role_mailbox(local) || (one_word && is_one_word(local)))) || public {
        return None;
    }
    email_detail(m, org)
}

/// A local part that is one run of letters ("vaccines", "cymraeg",
/// "stakeholders"): on a domain that is not free mail it names a function,
/// where a person's address carries a separator or digits
/// ("jo.bloggs", "sue_b", "jbloggs77"). One that is a bare name
/// ("karen@…") is read as a mailbox too: on an organisation's own domain
/// it is a work address either way (docs/RULES.md, "E-mail addresses").
fn is_one_word(local: &str) -> bool {
    !local.is_empty() && local.bytes().all(|b| b.is_ascii_alphabetic())
}

/// An address written to dodge address harvesters ("karen dot hughes at
/// example dot com", "jo[at]example[dot]org"): spelled back as an address
/// and judged as `email` judges one. The domain's labels must not be
/// ordinary words ("boom at the dot com") and the last must be a common
/// top-level domain.
pub(super) fn email_obfuscated(m: &str, org: &Org) -> Option<String> {
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
    judge_address(&spelled, org, false)
        .map(|d| format!("address written out as words ({spelled}); {d}"))
}

/// Role names used for shared mailboxes: RFC 2142's (info, sales,
/// support, abuse, postmaster, …) and those UK public bodies publish. A
/// local part is a role mailbox when it, or any of its parts (split on
/// `.`, `_`, `-`, `+`), is one of them: a team prefix or suffix such as
/// `ndht.comms` or `pals.msft` is allowed.
pub(super) fn is_role_mailbox(local: &str) -> bool {
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
    // Any part, not only the last: organisations put the role first as
    // often as last ("pals.msft@", "press.qmf@" as well as "ndht.comms@").
    // A person's address is a name and initials, which are not role words.
    let local = local.to_ascii_lowercase();
    ROLES.contains(&local.as_str())
        || local
            .split(['.', '_', '-', '+'])
            .any(|part| ROLES.contains(&part))
}

//! Identifiers with a structure to check: NHS, CHI and H&C numbers
//! (mod-11 check digits), National Insurance numbers (HMRC prefix rules),
//! dates of birth (a real date), local hospital numbers (the profile's
//! patterns), IBANs (ISO 13616 mod 97), UK postcodes (BS 7666 positions)
//! and phone numbers (Ofcom ranges, the organisation's own aside).

use super::*;

pub(super) fn digits(m: &str) -> Vec<u8> {
    m.bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect()
}

pub(super) fn mod11_ok(d: &[u8]) -> bool {
    d.len() == 10 && !d.iter().all(|&x| x == d[0]) && nhs_check_digit(&d[..9]) == Some(d[9])
}

pub(super) fn days_in_month(month: u32, year: Option<u32>) -> u32 {
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
pub(super) fn chi_number(m: &str) -> Option<String> {
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
pub(super) fn hc_number(m: &str) -> Option<String> {
    let d = digits(m);
    if !mod11_ok(&d) || d[0] != 3 || d[1] < 2 {
        return None;
    }
    Some("Northern Ireland H&C range 320–399, mod-11 check digit valid".into())
}

/// The match's bytes without whitespace, upper-cased: how an NI number or
/// an IBAN is read however it was spaced or cased.
fn compact_upper(m: &str) -> Vec<u8> {
    m.bytes()
        .filter(|b| !b.is_ascii_whitespace())
        .map(|b| b.to_ascii_uppercase())
        .collect()
}

/// National Insurance number (HMRC NIM39110 prefix rules; no check digit).
pub(super) fn ni_number(m: &str) -> Option<String> {
    let c = compact_upper(m);
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

pub(super) const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A real calendar date with a plausible birth year (1900 to 2030).
pub(super) fn date_of_birth(m: &str) -> Option<String> {
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
pub(super) fn hospital_number(m: &str, c: &Ctx) -> Option<String> {
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

/// An IBAN whose ISO 13616 check digits hold (mod 97 = 1) and whose length
/// is plausible (15 to 34 characters): a real account, not a reference.
pub(super) fn iban(m: &str) -> Option<String> {
    let compact = compact_upper(m);
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

/// The NHS number mod-11 check digit of the first nine digits, or `None`
/// when the prefix cannot carry a valid number (check value 10).
pub(super) fn nhs_check_digit(first9: &[u8]) -> Option<u8> {
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

pub(super) fn nhs_number(m: &str, _org: &Org) -> Option<String> {
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
pub(super) fn uk_postcode(m: &str, org: &Org) -> Option<String> {
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

/// A UK mobile number: a person's own line wherever it appears, unless
/// the text presents it as published.
pub(super) fn uk_mobile(m: &str, org: &Org) -> Option<String> {
    phone(m, org).and_then(|(kind, d)| (kind == PhoneKind::Mobile).then_some(d))
}

/// A UK geographic (landline) number: most that a post names are a
/// ward's, a surgery's or a department's, so its rule asks for a word that
/// makes it a person's (docs/RULES.md, "Phone numbers").
pub(super) fn uk_landline(m: &str, org: &Org) -> Option<String> {
    phone(m, org).and_then(|(kind, d)| (kind == PhoneKind::Geographic).then_some(d))
}

pub(super) fn uk_phone(m: &str, org: &Org) -> Option<String> {
    phone(m, org).map(|(_, d)| d)
}

/// The two kinds of number a person can own (03 and 08 numbers are
/// organisations').
#[derive(Clone, Copy, PartialEq, Eq)]
enum PhoneKind {
    Mobile,
    Geographic,
}

/// A UK number that is not the organisation's, its kind and the detail.
fn phone(m: &str, org: &Org) -> Option<(PhoneKind, String)> {
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
        b'7' if b.len() == 11 && b[2] != b'0' => PhoneKind::Mobile,
        b'1' | b'2' if b.len() == 11 || (b[1] == b'1' && b.len() == 10) => PhoneKind::Geographic,
        // 03, like 08, is allocated to organisations (public bodies,
        // charities, businesses), never to a person (docs/RULES.md)
        _ => return None,
    };
    let drama = n.starts_with("07700900")
        || n.starts_with("01632960")
        || n.starts_with("02079460")
        || n.starts_with("01134960")
        || n.starts_with("01614960");
    let word = match kind {
        PhoneKind::Mobile => "mobile",
        PhoneKind::Geographic => "geographic",
    };
    let mut detail = format!("UK {word} number {n}; not an organisation number");
    if drama {
        detail.push_str("; Ofcom drama range (fictional)");
    }
    Some((kind, detail))
}

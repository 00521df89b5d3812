//! Named validators a pattern rule can call on each regex match. Each returns
//! `Some(detail)` to keep the match (the detail says why) or `None` to drop it.
//! The organisation profile supplies the allow-lists.

use crate::org::{Org, normalise_uk_digits};

pub type Validator = fn(&str, &Org) -> Option<String>;

pub fn lookup(name: &str) -> Option<Validator> {
    Some(match name {
        "nhs-number" => nhs_number,
        "uk-postcode" => uk_postcode,
        "uk-phone" => uk_phone,
        "email" => email,
        _ => return None,
    })
}

pub const NAMES: &str = "nhs-number, uk-postcode, uk-phone, email";

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
    let d: Vec<u8> = m
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    if d.len() != 10 || d.iter().all(|&x| x == d[0]) {
        return None;
    }
    if nhs_check_digit(&d[..9]) != Some(d[9]) {
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
        b'3' if b.len() == 11 => "non-geographic 03",
        _ => return None,
    };
    let drama = n.starts_with("07700900")
        || n.starts_with("01632960")
        || n.starts_with("02079460")
        || n.starts_with("01134960")
        || n.starts_with("01614960")
        || n.starts_with("03069990");
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

fn email(m: &str, org: &Org) -> Option<String> {
    email_detail(m, org)
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
        assert!(uk_phone("0300 123 4567", &org).is_some());
        assert!(uk_phone("0191 541 0000", &org).is_none());
        assert!(uk_phone("+44 191 541 0000", &org).is_none());
        assert!(uk_phone("+44 (0)191 541 0000", &org).is_none());
        assert!(uk_phone("+44 (0)7911 123456", &org).is_some());
        assert!(uk_phone("0800 123 4567", &org).is_none());
        assert!(uk_phone("07911 12345", &org).is_none());
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
    }
}

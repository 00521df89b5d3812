//! The organisation profile (`--org org.toml`): the organisation's own
//! domains, numbers, postcodes and handles, which rules treat as allowed.
//! Every key is optional; an unknown key is an error that names it.

use crate::error::{Error, Result};
use serde::Deserialize;
use std::path::Path;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Org {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub short_name: String,
    /// england | wales | scotland | northern-ireland
    #[serde(default)]
    pub nation: String,
    #[serde(default)]
    pub domains: Vec<String>,
    #[serde(default)]
    pub phone_numbers: Vec<String>,
    #[serde(default)]
    pub national_numbers: Vec<String>,
    #[serde(default)]
    pub postcodes: Vec<String>,
    #[serde(default)]
    pub handles: Vec<String>,
    #[serde(default)]
    pub emails: Vec<String>,
    #[serde(default)]
    pub hospital_number_patterns: Vec<String>,
    #[serde(default)]
    pub approved_clients: Vec<String>,
    #[serde(default)]
    pub working_hours: String,
    #[serde(default)]
    pub site: Vec<Site>,
    #[serde(default)]
    pub account: Vec<AccountSettings>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub postcode: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountSettings {
    #[serde(default)]
    pub platform: String,
    #[serde(default)]
    pub handle: String,
    #[serde(default)]
    pub welsh: bool,
    #[serde(default = "yes")]
    pub official: bool,
}

fn yes() -> bool {
    true
}

impl Org {
    pub fn load(path: &Path) -> Result<Org> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Error::Org(format!(
                "cannot read organisation profile {}: {e}",
                path.display()
            ))
        })?;
        Org::parse(&text)
            .map_err(|e| Error::Org(format!("organisation profile {}: {e}", path.display())))
    }

    pub fn parse(text: &str) -> Result<Org> {
        let org: Org =
            toml::from_str(text).map_err(|e| Error::Org(e.to_string().trim().to_string()))?;
        // Checked here, so a mistake is blamed on the profile and its key,
        // not on the rule that will use the pattern.
        for (i, p) in org.hospital_number_patterns.iter().enumerate() {
            if let Err(e) = regex::Regex::new(p) {
                let why = e.to_string();
                let why = why.lines().last().unwrap_or("").trim();
                return Err(Error::Org(format!(
                    "hospital_number_patterns[{i}] = {p:?} is not a valid regex: {why}"
                )));
            }
        }
        Ok(org)
    }

    /// True when `word` is a word of the organisation's name or short name,
    /// in any case: "Northdale" in "Northdale Hospital" is the organisation,
    /// not a person or a home.
    pub fn has_name_word(&self, word: &str) -> bool {
        let word = word.to_lowercase();
        [&self.name, &self.short_name]
            .iter()
            .flat_map(|n| n.split_whitespace())
            .any(|w| w.to_lowercase() == word)
    }

    /// True when `domain` (or a parent domain of it) is one of ours.
    pub fn owns_domain(&self, domain: &str) -> bool {
        let d = domain.trim().trim_end_matches('.').to_ascii_lowercase();
        self.domains
            .iter()
            .any(|own| domain_match(&d, &own.trim().to_ascii_lowercase()))
    }

    /// True when the digits of `number` equal one of our own or a national
    /// service number (formatting and a +44 prefix ignored).
    pub fn owns_number(&self, number: &str) -> bool {
        let n = normalise_uk_digits(number);
        self.phone_numbers
            .iter()
            .chain(self.national_numbers.iter())
            .any(|own| normalise_uk_digits(own) == n)
    }

    pub fn owns_email(&self, email: &str) -> bool {
        let e = email.trim().to_ascii_lowercase();
        self.emails
            .iter()
            .any(|own| own.trim().eq_ignore_ascii_case(&e))
    }

    pub fn owns_postcode(&self, postcode: &str) -> bool {
        let p = compact_upper(postcode);
        self.postcodes
            .iter()
            .chain(self.site.iter().map(|s| &s.postcode))
            .any(|own| !own.is_empty() && compact_upper(own) == p)
    }

    pub fn owns_handle(&self, handle: &str) -> bool {
        let h = handle.trim_start_matches('@');
        self.handles
            .iter()
            .any(|own| own.trim_start_matches('@').eq_ignore_ascii_case(h))
    }

    /// True when the point is within `metres` of one of our sites.
    pub fn near_site(&self, lat: f64, lon: f64, metres: f64) -> bool {
        self.site.iter().any(|s| match (s.latitude, s.longitude) {
            (Some(a), Some(b)) => haversine_m(lat, lon, a, b) <= metres,
            _ => false,
        })
    }

    pub fn account_settings(&self, platform: &str, handle: &str) -> Option<&AccountSettings> {
        self.account.iter().find(|a| {
            a.platform.eq_ignore_ascii_case(platform)
                && a.handle
                    .trim_start_matches('@')
                    .eq_ignore_ascii_case(handle.trim_start_matches('@'))
        })
    }
}

fn compact_upper(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Whether `host` is `domain` or a subdomain of it (both lower-case):
/// "wards.example.nhs.uk" is under "nhs.uk", "fakenhs.uk" is not.
pub fn domain_match(host: &str, domain: &str) -> bool {
    host == domain
        || (host.len() > domain.len()
            && host.ends_with(domain)
            && host.as_bytes()[host.len() - domain.len() - 1] == b'.')
}

/// Digits only, with an international +44 / 0044 prefix turned into a leading 0.
pub fn normalise_uk_digits(s: &str) -> String {
    let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
    let plus = s.trim_start().starts_with('+');
    if let Some(rest) = digits.strip_prefix("0044") {
        format!("0{rest}")
    } else if plus && digits.starts_with("44") {
        format!("0{}", &digits[2..])
    } else {
        digits
    }
}

fn haversine_m(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let r = 6_371_000.0_f64;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * r * a.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_is_named() {
        let err = Org::parse("domian = [\"x.nhs.uk\"]")
            .unwrap_err()
            .to_string();
        assert!(err.contains("domian"), "{err}");
    }

    #[test]
    fn name_words_match_in_any_case() {
        let org =
            Org::parse("name = \"Northdale Hospitals NHS Trust\"\nshort_name = \"NHT\"").unwrap();
        assert!(org.has_name_word("northdale") && org.has_name_word("NHT"));
        assert!(!org.has_name_word("north"));
    }

    #[test]
    fn own_values_match_whatever_the_formatting() {
        let org = Org::parse(
            r#"domains = ["example-trust.nhs.uk"]
               phone_numbers = ["0191 541 0000"]
               postcodes = ["DL9 4QZ"]
               handles = ["@NorthdaleNHS"]
               [[site]]
               latitude = 54.4873
               longitude = -1.5512"#,
        )
        .unwrap();
        assert!(org.owns_domain("mail.Example-Trust.nhs.uk"));
        assert!(!org.owns_domain("example-trust.nhs.uk.evil.com"));
        assert!(org.owns_number("+44 191 541 0000"));
        assert!(!org.owns_number("0191 541 0001"));
        assert!(org.owns_postcode("dl94qz"));
        assert!(org.owns_handle("northdalenhs"));
        assert!(org.near_site(54.4880, -1.5515, 200.0));
        assert!(!org.near_site(54.60, -1.55, 200.0));
    }
}

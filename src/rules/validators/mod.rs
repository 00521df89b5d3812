//! Named validators a pattern rule can call on each regex match. Each returns
//! `Some(detail)` to keep the match (the detail says why) or `None` to drop it.
//! The organisation profile supplies the allow-lists.
//!
//! Short, independent checks (one per identifier: check digits, date
//! sanity, allow-lists) behind one name table (`lookup`), kept by what they
//! judge: `identifiers` (numbers, dates, postcodes, phones), `names`,
//! `credit` (who a photo credit names) and `contact` (e-mail addresses and
//! link hosts); docs/RULES.md lists them.

mod contact;
mod credit;
mod identifiers;
mod names;
#[cfg(test)]
mod tests;

use crate::error::{Error, Result};
use crate::org::{Org, domain_match, normalise_uk_digits};
use contact::*;
use credit::*;
use identifiers::*;
use names::*;

// Read by other modules of `rules` (metadata.rs, places.rs).
pub(super) use contact::{PUBLIC_SECTOR_DOMAINS, email_detail};
pub(super) use names::CALENDAR;

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
        "uk-mobile" => |m, c| uk_mobile(m, &c.org),
        "uk-landline" => |m, c| uk_landline(m, &c.org),
        "email" => |m, c| email(m, &c.org),
        "email-obfuscated" => |m, c| email_obfuscated(m, &c.org),
        "street-name" => |m, _| super::places::street_name(m),
        "home-owner" => |m, c| super::places::home_owner(m, &c.org),
        _ => return None,
    })
}

pub const NAMES: &str = "nhs-number, chi-number, hc-number, ni-number, date-of-birth, hospital-number, person-name, patient-name, forename, brand-name, iban, lookalike-host, photo-credit, uk-postcode, uk-phone, uk-mobile, uk-landline, email, email-obfuscated, street-name, home-owner";

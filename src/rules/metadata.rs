//! Metadata rules: named predicates over a whole record (locations, account
//! e-mail, connected apps) rather than over text.

use super::link_words::{AddressWords, LinkWords};
use super::pack::{Detector, PackDef, Scope};
use super::pattern::Unless;
use super::validators::{PUBLIC_SECTOR_DOMAINS, email_detail};
use super::{Hit, RuleInfo};
use crate::error::{Error, Result};
use crate::org::{Org, domain_match};
use crate::record::Record;
use crate::vocab::Field;

/// Points this close to one of the organisation's sites are its own premises.
const SITE_RADIUS_M: f64 = 200.0;

enum Predicate {
    Location {
        sources: Vec<Field>,
    },
    EmailNotOrg {
        field: Field,
    },
    FieldPresent {
        field: Field,
        /// What the detail calls the value; `None`: "<field> present".
        label: Option<String>,
    },
    /// (category, domains) pairs from `[link_domains]`
    LinkDomain {
        field: Field,
        lists: Vec<(String, Vec<String>)>,
        in_text: bool,
    },
    /// an address's own words against word lists (link_words.rs)
    LinkWords {
        field: Field,
        words: LinkWords,
        in_text: bool,
    },
    FieldCount {
        field: Field,
        min: usize,
    },
    ClientNotApproved {
        field: Field,
    },
    PhoneNotOrg {
        field: Field,
    },
}

/// The host of a URL, lower-cased, without `www.`, port or credentials.
pub fn url_host(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://").map_or(url.trim(), |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host
        .split(':')
        .next()?
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty() && host.contains('.')).then_some(host)
}

/// A web address written in a prose field, with its host.
struct Address<'a> {
    field: Field,
    token: &'a str,
    host: String,
    /// a bare host without scheme, `www.` or path ("example.com"): in
    /// prose it is as often a name as a link, so only a rule that asks
    /// more of the host than its being one (`link-words`) reads it
    bare: bool,
}

/// An address a `link-words` rule reads: not the organisation's own or a
/// public-sector host, split into its words.
struct Read<'a> {
    field: Field,
    token: &'a str,
    host: String,
    words: AddressWords,
}

/// The web addresses in a record's prose fields: whitespace tokens with a
/// scheme, a `www.` prefix, or a dotted host followed by a path
/// ("bit.ly/3abc"), and bare dotted hosts. Found once per record and
/// shared by every rule that reads addresses in text, since splitting
/// every field into words is the costly part.
fn addresses_in(record: &Record) -> Vec<Address<'_>> {
    let mut out = Vec::new();
    for f in record.fields.iter().filter(|f| f.name.is_prose()) {
        // Every address has a dot; most fields of a few words have none.
        if !f.value.contains('.') {
            continue;
        }
        for t in f.value.split_whitespace() {
            let t = t
                .trim_start_matches(['(', '[', '"', '\'', '<'])
                .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '"', '\'', '>']);
            // checked before anything else, as this runs on every word
            if !t.contains('.') || t.contains('@') && !t.contains('/') {
                continue;
            }
            let starts = |p: &str| t.get(..p.len()).is_some_and(|s| s.eq_ignore_ascii_case(p));
            let linkish = starts("http://")
                || starts("https://")
                || starts("www.")
                || t.split_once('/').is_some_and(|(h, _)| h.contains('.'));
            let Some(host) = url_host(t) else { continue };
            let Some(tld) = host.rsplit('.').next() else {
                continue;
            };
            if tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()) {
                out.push(Address {
                    field: f.name,
                    token: t,
                    host,
                    bare: !linkish,
                });
            }
        }
    }
    out
}

pub struct Metadata {
    rules: Vec<(usize, Predicate, Option<Unless>)>,
    org: Org,
}

/// Whether an `unless` table applies to any prose field of `record`: the
/// hit of a metadata rule is the whole record, so its words may be
/// anywhere in the text (the whole field is the span, with no parts a
/// word must stay out of).
fn stood_down(unless: &Unless, record: &Record) -> bool {
    record
        .fields
        .iter()
        .filter(|f| f.name.is_prose())
        .any(|f| unless.applies_to(&f.value, 0, f.value.len(), Some(&[])))
}

impl Metadata {
    pub fn compile(def: &PackDef, org: &Org) -> Result<Metadata> {
        let mut rules = Vec::new();
        for (ri, rule) in def.rules.iter().enumerate() {
            let Detector::Metadata(m) = &rule.detector else {
                continue;
            };
            let at = rule.whence();
            // `field = "…"` names a record field, checked here rather than
            // found empty at scan time.
            let field = |given: Option<&str>, default: Field| -> Result<Field> {
                given.map_or(Ok(default), |g| {
                    g.parse().map_err(|e| Error::Pack(format!("{at}: {e}")))
                })
            };
            let pred = match m.predicate.as_str() {
                "location" => {
                    if m.sources.is_empty() {
                        return Err(Error::Pack(format!(
                            "{at}: location needs sources = [\"geo\"|\"exif\"]"
                        )));
                    }
                    let mut sources = Vec::new();
                    for s in &m.sources {
                        match s.parse::<Field>() {
                            Ok(f) if f.is_location_source() => sources.push(f),
                            _ => {
                                return Err(Error::Pack(format!(
                                    "{at}: unknown location source {s:?} (geo or exif)"
                                )));
                            }
                        }
                    }
                    Predicate::Location { sources }
                }
                "email-not-org" => Predicate::EmailNotOrg {
                    field: field(m.field.as_deref(), Field::Email)?,
                },
                "field-present" => Predicate::FieldPresent {
                    field: m
                        .field
                        .as_deref()
                        .ok_or_else(|| Error::Pack(format!("{at}: field-present needs `field`")))?
                        .parse()
                        .map_err(|e| Error::Pack(format!("{at}: {e}")))?,
                    label: m.label.clone(),
                },
                "link-domain" => {
                    if m.categories.is_empty() {
                        return Err(Error::Pack(format!("{at}: link-domain needs categories")));
                    }
                    let mut lists = Vec::new();
                    for c in &m.categories {
                        let l = def.link_domains.get(c).ok_or_else(|| {
                            Error::Pack(format!("{at}: unknown link_domains category {c:?}"))
                        })?;
                        lists.push((c.clone(), l.clone()));
                    }
                    Predicate::LinkDomain {
                        field: field(m.field.as_deref(), Field::Link)?,
                        lists,
                        in_text: m.in_text,
                    }
                }
                "link-words" => {
                    if m.lists.is_empty() && m.path_lists.is_empty() {
                        return Err(Error::Pack(format!(
                            "{at}: link-words needs lists or path_lists"
                        )));
                    }
                    let entries = |names: &[String]| -> Result<Vec<&String>> {
                        let mut out = Vec::new();
                        for n in names {
                            let l = def
                                .lists
                                .get(n)
                                .ok_or_else(|| Error::Pack(format!("{at}: unknown list {n:?}")))?;
                            out.extend(l);
                        }
                        Ok(out)
                    };
                    let words = LinkWords::new(entries(&m.lists)?, entries(&m.path_lists)?)
                        .map_err(|e| {
                            Error::Pack(format!(
                                "{at}: link-words entry {:?} (a word, word*, *word, !word or words)",
                                e.0
                            ))
                        })?;
                    Predicate::LinkWords {
                        field: field(m.field.as_deref(), Field::Link)?,
                        words,
                        in_text: m.in_text,
                    }
                }
                "field-count" => Predicate::FieldCount {
                    field: m
                        .field
                        .as_deref()
                        .ok_or_else(|| Error::Pack(format!("{at}: field-count needs `field`")))?
                        .parse()
                        .map_err(|e| Error::Pack(format!("{at}: {e}")))?,
                    min: m.min.unwrap_or(2).max(1),
                },
                "phone-not-org" => Predicate::PhoneNotOrg {
                    field: field(m.field.as_deref(), Field::Phone)?,
                },
                "client-not-approved" => Predicate::ClientNotApproved {
                    field: field(m.field.as_deref(), Field::Client)?,
                },
                other => {
                    return Err(Error::Pack(format!(
                        "{at}: unknown predicate {other:?} (expected location, email-not-org, phone-not-org, field-present, link-domain, link-words, field-count or client-not-approved)"
                    )));
                }
            };
            if !matches!(pred, Predicate::Location { .. }) && !m.sources.is_empty() {
                return Err(Error::Pack(format!(
                    "{at}: `sources` only applies to location"
                )));
            }
            let has_lists = !m.lists.is_empty() || !m.path_lists.is_empty();
            if has_lists && !matches!(pred, Predicate::LinkWords { .. }) {
                return Err(Error::Pack(format!(
                    "{at}: `lists` and `path_lists` only apply to link-words"
                )));
            }
            if !matches!(pred, Predicate::FieldPresent { .. }) && m.label.is_some() {
                return Err(Error::Pack(format!(
                    "{at}: `label` only applies to field-present"
                )));
            }
            let unless = m
                .unless
                .as_ref()
                .map(|u| super::pattern::compile_unless(def, rule, u, "metadata.unless"))
                .transpose()?;
            rules.push((ri, pred, unless));
        }
        Ok(Metadata {
            rules,
            org: org.clone(),
        })
    }

    /// The organisation's own domains and public-sector ones, which no
    /// link rule reports.
    fn own_or_public(&self, host: &str) -> bool {
        self.org.owns_domain(host) || PUBLIC_SECTOR_DOMAINS.iter().any(|d| domain_match(host, d))
    }

    pub fn check<'r>(
        &self,
        infos: &[RuleInfo],
        scope: &[Scope],
        record: &'r Record,
        hits: &mut Vec<Hit>,
    ) {
        let mut addresses: Option<Vec<Address>> = None;
        let mut link_reads: Option<Vec<Read>> = None;
        let mut text_reads: Option<Vec<Read>> = None;
        for (r, pred, unless) in &self.rules {
            let r = *r;
            if !scope[r].kind_ok(record.kind) {
                continue;
            }
            let before = hits.len();
            let mut hit = |field: crate::vocab::Field, matched: String, detail: String| {
                hits.push(Hit::whole(r, &infos[r], field, matched, detail))
            };
            match pred {
                Predicate::Location { sources } => {
                    for loc in &record.locations {
                        if !sources.contains(&loc.field) {
                            continue;
                        }
                        // Videos carry the place in their own metadata,
                        // not EXIF (src/media/video.rs).
                        let what = if loc.field == Field::Exif && crate::vocab::is_video(&loc.label)
                        {
                            "GPS in video metadata"
                        } else if loc.field == Field::Exif {
                            "EXIF GPS"
                        } else {
                            "GPS"
                        };
                        let label = if loc.label.is_empty() {
                            String::new()
                        } else if loc.field == Field::Exif {
                            format!(" (media: {})", loc.label)
                        } else {
                            format!(" (place: {})", loc.label)
                        };
                        match (loc.lat, loc.lon) {
                            (Some(lat), Some(lon)) => {
                                if self.org.near_site(lat, lon, SITE_RADIUS_M) {
                                    continue;
                                }
                                let m = format!("{lat:.3},{lon:.3}");
                                hit(loc.field, m.clone(), format!("{what} {m}{label}"));
                            }
                            // a place tag without coordinates is still a location
                            _ if !loc.label.is_empty() => hit(
                                loc.field,
                                loc.label.clone(),
                                format!("place tag \"{}\" (no coordinates)", loc.label),
                            ),
                            _ => {}
                        }
                    }
                }
                Predicate::EmailNotOrg { field } => {
                    for f in record.fields.iter().filter(|f| f.name == *field) {
                        if let Some(why) = email_detail(&f.value, &self.org) {
                            hit(
                                f.name,
                                f.value.trim().to_string(),
                                format!("account e-mail: {why}"),
                            );
                        }
                    }
                }
                Predicate::LinkDomain {
                    field,
                    lists,
                    in_text,
                } => {
                    // The category list a host is on, unless it is the
                    // organisation's or a public-sector domain.
                    let listed = |host: &str| {
                        if self.own_or_public(host) {
                            return None;
                        }
                        lists.iter().find_map(|(c, ds)| {
                            ds.iter().find(|d| domain_match(host, d)).map(|d| (c, d))
                        })
                    };
                    for f in record.fields.iter().filter(|f| f.name == *field) {
                        let Some(host) = url_host(&f.value) else {
                            continue;
                        };
                        if let Some((cat, d)) = listed(&host) {
                            hit(
                                f.name,
                                f.value.clone(),
                                format!("link domain {host} is on the {cat} list ({d})"),
                            );
                        }
                    }
                    if *in_text {
                        let addresses = addresses.get_or_insert_with(|| addresses_in(record));
                        for a in addresses.iter().filter(|a| !a.bare) {
                            if let Some((cat, d)) = listed(&a.host) {
                                hit(
                                    a.field,
                                    a.token.to_string(),
                                    format!(
                                        "address {} written in the text is on the {cat} list ({d})",
                                        a.host
                                    ),
                                );
                            }
                        }
                    }
                }
                Predicate::LinkWords {
                    field,
                    words,
                    in_text,
                } => {
                    // Each address is split into words once per record and
                    // read by every link-words rule.
                    let read = |field: Field, token: &'r str, host: String| -> Option<Read<'r>> {
                        (!self.own_or_public(&host)).then(|| Read {
                            field,
                            token,
                            words: AddressWords::new(token),
                            host,
                        })
                    };
                    let mut report = |reads: &[Read], how: &str| {
                        for a in reads {
                            if let Some((matched, entry)) = words.find(&a.words) {
                                hit(
                                    a.field,
                                    a.token.to_string(),
                                    format!(
                                        "{how} {}: \"{matched}\" (list entry \"{entry}\")",
                                        a.host
                                    ),
                                );
                            }
                        }
                    };
                    let in_field = |f: &'r crate::record::FieldText| {
                        let token = f.value.trim();
                        (f.name == *field)
                            .then(|| read(f.name, token, url_host(token)?))
                            .flatten()
                    };
                    if *field == Field::Link {
                        let links = link_reads.get_or_insert_with(|| {
                            record.fields.iter().filter_map(in_field).collect()
                        });
                        report(links, "link");
                    } else {
                        let own: Vec<Read> = record.fields.iter().filter_map(in_field).collect();
                        report(&own, "link");
                    }
                    if *in_text {
                        let addresses = addresses.get_or_insert_with(|| addresses_in(record));
                        let texts = text_reads.get_or_insert_with(|| {
                            addresses
                                .iter()
                                .filter_map(|a| read(a.field, a.token, a.host.clone()))
                                .collect()
                        });
                        report(texts, "address written in the text,");
                    }
                }
                Predicate::FieldCount { field, min } => {
                    let mut vals: Vec<&str> = record
                        .fields
                        .iter()
                        .filter(|f| f.name == *field)
                        .map(|f| f.value.trim())
                        .collect();
                    vals.sort_unstable();
                    vals.dedup();
                    if vals.len() >= *min {
                        hit(
                            *field,
                            format!("{} distinct", vals.len()),
                            format!(
                                "{} distinct {field} values (threshold {min}): {}",
                                vals.len(),
                                vals.iter().take(5).copied().collect::<Vec<_>>().join(", ")
                            ),
                        );
                    }
                }
                Predicate::PhoneNotOrg { field } => {
                    for f in record.fields.iter().filter(|f| f.name == *field) {
                        if !self.org.owns_number(&f.value) {
                            hit(
                                f.name,
                                f.value.trim().to_string(),
                                "account phone number is not one of the organisation's numbers"
                                    .into(),
                            );
                        }
                    }
                }
                Predicate::ClientNotApproved { field } => {
                    if self.org.approved_clients.is_empty() {
                        continue;
                    }
                    for f in record.fields.iter().filter(|f| f.name == *field) {
                        let v = f.value.trim();
                        if v.is_empty()
                            || self
                                .org
                                .approved_clients
                                .iter()
                                .any(|a| a.trim().eq_ignore_ascii_case(v))
                        {
                            continue;
                        }
                        hit(
                            f.name,
                            v.to_string(),
                            format!(
                                "posted with \"{v}\", not in the organisation's approved_clients"
                            ),
                        );
                    }
                }
                Predicate::FieldPresent { field, label } => {
                    // A dated record's time is part of the fact: a change
                    // record is dated when the change happened.
                    let when = record
                        .created_at
                        .map(|t| format!(" on {}", t.strftime("%Y-%m-%dT%H:%M:%SZ")))
                        .unwrap_or_default();
                    for f in record.fields.iter().filter(|f| f.name == *field) {
                        let detail = match label {
                            Some(l) => format!("{l}: {}{when}", f.value),
                            None => format!("{} present: {}{when}", f.name, f.value),
                        };
                        hit(f.name, f.value.clone(), detail);
                    }
                }
            }
            // Read the text for `unless` only when the rule has hit: most
            // records carry no location, and every record would otherwise
            // pay for a search of its prose.
            if hits.len() > before && unless.as_ref().is_some_and(|u| stood_down(u, record)) {
                hits.truncate(before);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_domains() {
        assert_eq!(
            url_host("https://www.Bit.ly/abc?x=1").as_deref(),
            Some("bit.ly")
        );
        assert_eq!(
            url_host("http://user@a.b.example.com:8080/x").as_deref(),
            Some("a.b.example.com")
        );
        assert_eq!(url_host("nonsense"), None);
        assert!(domain_match("m.bet365.com", "bet365.com"));
        assert!(!domain_match("notbet365.com", "bet365.com"));
    }
}

//! Metadata rules: named predicates over a whole record (locations, account
//! e-mail, connected apps) rather than over text.

use super::pack::{Detector, PackDef, Scope};
use super::validators::email_detail;
use super::{Hit, RuleInfo};
use crate::org::Org;
use crate::record::Record;

/// Points this close to one of the organisation's sites are its own premises.
const SITE_RADIUS_M: f64 = 200.0;

enum Predicate {
    Location { sources: Vec<String> },
    EmailNotOrg { field: String },
    FieldPresent { field: String },
}

pub struct Metadata {
    rules: Vec<(usize, Predicate)>,
    org: Org,
}

impl Metadata {
    pub fn compile(def: &PackDef, org: &Org) -> Result<Metadata, String> {
        let mut rules = Vec::new();
        for (ri, rule) in def.rules.iter().enumerate() {
            let Detector::Metadata(m) = &rule.detector else {
                continue;
            };
            let at = rule.whence();
            let pred = match m.predicate.as_str() {
                "location" => {
                    if m.sources.is_empty() {
                        return Err(format!("{at}: location needs sources = [\"geo\"|\"exif\"]"));
                    }
                    if let Some(s) = m
                        .sources
                        .iter()
                        .find(|s| !matches!(s.as_str(), "geo" | "exif"))
                    {
                        return Err(format!("{at}: unknown location source {s:?} (geo or exif)"));
                    }
                    Predicate::Location {
                        sources: m.sources.clone(),
                    }
                }
                "email-not-org" => Predicate::EmailNotOrg {
                    field: m.field.clone().unwrap_or_else(|| "email".into()),
                },
                "field-present" => Predicate::FieldPresent {
                    field: m
                        .field
                        .clone()
                        .ok_or_else(|| format!("{at}: field-present needs `field`"))?,
                },
                other => {
                    return Err(format!(
                        "{at}: unknown predicate {other:?} (expected location, email-not-org or field-present)"
                    ));
                }
            };
            if !matches!(pred, Predicate::Location { .. }) && !m.sources.is_empty() {
                return Err(format!("{at}: `sources` only applies to location"));
            }
            rules.push((ri, pred));
        }
        Ok(Metadata {
            rules,
            org: org.clone(),
        })
    }

    pub fn check(&self, infos: &[RuleInfo], scope: &[Scope], record: &Record, hits: &mut Vec<Hit>) {
        for (r, pred) in &self.rules {
            let r = *r;
            if !scope[r].kind_ok(record.kind) {
                continue;
            }
            let mut hit = |field: &'static str, matched: String, detail: String| {
                hits.push(Hit {
                    rule: r,
                    field,
                    start: 0,
                    end: 0,
                    matched,
                    detail,
                    severity: infos[r].severity,
                })
            };
            match pred {
                Predicate::Location { sources } => {
                    for loc in &record.locations {
                        if !sources.iter().any(|s| s == loc.field) {
                            continue;
                        }
                        let what = if loc.field == "exif" {
                            "EXIF GPS"
                        } else {
                            "GPS"
                        };
                        let label = if loc.label.is_empty() {
                            String::new()
                        } else if loc.field == "exif" {
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
                    for f in record.fields.iter().filter(|f| f.name == field) {
                        if let Some(why) = email_detail(&f.value, &self.org) {
                            hit(
                                f.name,
                                f.value.trim().to_string(),
                                format!("account e-mail: {why}"),
                            );
                        }
                    }
                }
                Predicate::FieldPresent { field } => {
                    for f in record.fields.iter().filter(|f| f.name == field) {
                        hit(
                            f.name,
                            f.value.clone(),
                            format!("{} present: {}", f.name, f.value),
                        );
                    }
                }
            }
        }
    }
}

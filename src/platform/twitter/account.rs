//! Account-level files: `account.js`, `profile.js`, `connected-application.js`,
//! `ip-audit.js`, `account-creation-ip.js`, `phone-number.js`,
//! `email-address-change.js`, `screen-name-change.js` and `manifest.js`.
//! Each file becomes one Account (or Profile) record whose fields the rules
//! read by name, except the two change histories: there each change is its
//! own Account record, dated when it happened, so a finding (and the
//! handover checklist's line) names one change and its date.

use super::de::Id;
use super::{TwitterUnit, js, text, time};
use crate::archive::{Archive, Entry};
use crate::platform::EntryOutcome;
use crate::record::{Record, RecordKind};
use crate::vocab::Field;
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum File {
    Account,
    Profile,
    ConnectedApp,
    IpAudit,
    CreationIp,
    Phone,
    EmailChange,
    ScreenNameChange,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct Manifest {
    pub user_info: UserInfo,
    pub archive_info: ArchiveInfo,
    pub data_types: HashMap<String, DataType>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct UserInfo {
    pub user_name: String,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct ArchiveInfo {
    pub generation_date: String,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct DataType {
    pub files: Vec<ManifestFile>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct ManifestFile {
    pub file_name: String,
    pub count: Id,
}

/// Every shape these files wrap their element in; one is set per element.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Element {
    account: Option<AccountObj>,
    profile: Option<ProfileObj>,
    connected_application: Option<App>,
    ip_audit: Option<IpAudit>,
    account_creation_ip: Option<CreationIp>,
    device: Option<Device>,
    email_address_change: Option<EmailAddressChange>,
    screen_name_change: Option<ScreenNameChange>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct AccountObj {
    email: Option<String>,
    phone_number: Option<String>,
    username: Option<String>,
    created_via: Option<String>,
    created_at: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct ProfileObj {
    description: Description,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Description {
    bio: Option<String>,
    website: Option<String>,
    location: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct App {
    organization: Org,
    name: Option<String>,
    permissions: Vec<String>,
    approved_at: Option<String>,
    approved_at_msec: Option<Id>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Org {
    name: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct IpAudit {
    login_ip: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct CreationIp {
    user_creation_ip: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Device {
    phone_number: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct EmailAddressChange {
    email_change: Change,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct ScreenNameChange {
    screen_name_change: Change,
}

/// One change in `email-address-change.js` or `screen-name-change.js`
/// (docs/FORMATS.md): `changedAt` is ISO 8601, or epoch seconds in 2018
/// archives, which may also leave out `changedFrom`.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Change {
    changed_at: Option<Id>,
    changed_from: Option<String>,
    changed_to: Option<String>,
}

/// The handle in `account.js`, for archives without a manifest.
pub fn username(archive: &Archive, entry: &Entry<'_>) -> Option<String> {
    let bytes = archive.read(entry, super::SMALL_FILE).ok()?;
    let json = js::strip_prefix(&bytes).ok()?;
    let els: Vec<Element> = serde_json::from_str(json).ok()?;
    els.into_iter()
        .find_map(|e| e.account?.username)
        .filter(|u| !u.is_empty())
}

fn app_line(a: &App) -> String {
    let approved = a
        .approved_at
        .as_deref()
        .and_then(time::parse)
        .or_else(|| {
            a.approved_at_msec
                .as_ref()
                .and_then(|m| time::parse(m.as_str()))
        })
        .map(|t| t.to_string().chars().take(10).collect::<String>());
    let mut details = Vec::new();
    if let Some(o) = a.organization.name.as_deref().filter(|o| !o.is_empty()) {
        details.push(o.to_string());
    }
    if !a.permissions.is_empty() {
        details.push(format!("permissions {}", a.permissions.join(",")));
    }
    if let Some(d) = approved {
        details.push(format!("approved {d}"));
    }
    let name = a.name.as_deref().unwrap_or("(unnamed app)");
    if details.is_empty() {
        name.to_string()
    } else {
        format!("{name} ({})", details.join("; "))
    }
}

pub(super) fn read(
    unit: &TwitterUnit,
    archive: &Archive,
    entry: &Entry<'_>,
    file: File,
    out: &mut EntryOutcome,
    emit: &mut dyn FnMut(Record),
) {
    if matches!(file, File::EmailChange | File::ScreenNameChange) {
        return read_changes(unit, archive, entry, out, emit);
    }
    let kind = if file == File::Profile {
        RecordKind::Profile
    } else {
        RecordKind::Account
    };
    let id = if kind == RecordKind::Profile {
        "profile"
    } else {
        "account"
    };
    // Per-element files (apps, IPs) are gathered into one record.
    let mut rec = unit.record(kind, id, &entry.name.as_str());
    if !unit.handle.is_empty() {
        rec.url = format!("https://x.com/{}", unit.handle);
    }
    let mut ips: Vec<String> = Vec::new();
    unit.each_element(archive, entry, out, |json, _| {
        let e: Element = serde_json::from_str(json)?;
        if let Some(a) = e.account {
            let fields = [
                (Field::Email, a.email),
                (Field::Phone, a.phone_number),
                (Field::Username, a.username),
                (Field::CreatedVia, a.created_via),
            ];
            for (name, v) in fields {
                if let Some(v) = v {
                    rec.push_field(name, v);
                }
            }
            rec.created_at = a.created_at.as_deref().and_then(time::parse);
        }
        if let Some(p) = e.profile {
            let d = p.description;
            for (name, v) in [
                (Field::Bio, d.bio),
                (Field::Location, d.location),
                (Field::Website, d.website),
            ] {
                if let Some(v) = v {
                    rec.push_field(name, text::unescape(&v).into_owned());
                }
            }
        }
        if let Some(a) = e.connected_application {
            rec.push_field(Field::ConnectedApp, app_line(&a));
        }
        let ip = e
            .ip_audit
            .and_then(|i| i.login_ip)
            .or(e.account_creation_ip.and_then(|c| c.user_creation_ip));
        if let Some(ip) = ip
            && !ips.contains(&ip)
        {
            ips.push(ip);
        }
        if let Some(p) = e.device.and_then(|d| d.phone_number) {
            rec.push_field(Field::Phone, p);
        }
        Ok(0)
    });
    for ip in ips {
        rec.push_field(Field::LoginIp, ip);
    }
    if !rec.fields.is_empty() {
        emit(rec);
        out.records += 1;
    }
}

/// One Account record per change, with the change as "old → new" in
/// `handle_change` or `email_change` and `created_at` when it happened.
/// The id is the file's name and the time as the file writes it, which an
/// investigator can search the file for (the element's position when the
/// time is missing).
fn read_changes(
    unit: &TwitterUnit,
    archive: &Archive,
    entry: &Entry<'_>,
    out: &mut EntryOutcome,
    emit: &mut dyn FnMut(Record),
) {
    let file = entry.name.base();
    let stem = file.strip_suffix(".js").unwrap_or(file);
    let mut n = 0u64;
    unit.each_element(archive, entry, out, |json, warnings| {
        n += 1;
        let e: Element = serde_json::from_str(json)?;
        let (field, change, prefix) = match (e.screen_name_change, e.email_address_change) {
            (Some(s), _) => (Field::HandleChange, s.screen_name_change, "@"),
            (None, Some(m)) => (Field::EmailChange, m.email_change, ""),
            (None, None) => {
                warnings.push(format!(
                    "element {n} skipped: neither screenNameChange nor emailAddressChange"
                ));
                return Ok(0);
            }
        };
        let Some(to) = change.changed_to.filter(|t| !t.trim().is_empty()) else {
            warnings.push(format!("element {n} skipped: no changedTo"));
            return Ok(0);
        };
        let raw_at = change.changed_at.as_ref().map(|t| t.as_str().to_string());
        let id = match &raw_at {
            Some(t) if !t.is_empty() => format!("{stem}:{t}"),
            _ => format!("{stem}#{n}"),
        };
        let mut rec = unit.record(RecordKind::Account, id, &entry.name.as_str());
        if !unit.handle.is_empty() {
            rec.url = format!("https://x.com/{}", unit.handle);
        }
        rec.created_at = raw_at.as_deref().and_then(time::parse);
        if rec.created_at.is_none() {
            warnings.push(format!("element {n}: changedAt missing or unreadable"));
        }
        let from = change
            .changed_from
            .filter(|f| !f.trim().is_empty())
            .map_or_else(|| "(not recorded)".to_string(), |f| format!("{prefix}{f}"));
        rec.push_field(field, format!("{from} → {prefix}{to}"));
        emit(rec);
        Ok(1)
    });
}

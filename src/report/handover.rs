//! The handover checklist (docs/OUTPUTS.md, "Handover checklist"): for each
//! account in the run, what a new owner must act on before taking it over.
//! It is a section of the `--summary` page and the whole of the page
//! `social-audit handover` writes; both are built here by [`build`].
//!
//! Like the summary, it only sorts what the scan returns (findings, the
//! archives' last post, coverage rows); it never re-reads an archive. Each
//! line names the findings it comes from by `finding_id`, so the findings
//! file has the detail. Order follows the inputs and the findings file, so
//! the page does not depend on the thread count.

use super::summary::{LinkRow, Meta};
use super::{Coverage, CoverageView, Status};
use crate::error::Result;
use crate::finding::Finding;
use crate::record::RecordKind;
use crate::scan::Outcome;
use crate::vocab::Field;
use pick::{KINDS, Picked};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

const PAGE: &str = include_str!("templates/handover.html");
/// The section both pages include.
const SECTION: &str = include_str!("templates/handover_section.html");

/// Days without a post after which the last-post item asks for action:
/// the default of `account.posting-gap` (rules/account.toml).
const QUIET_DAYS: i64 = 30;

/// Lines an item shows, most serious first; past it the item says how
/// many more the findings file has. It keeps the page readable, and lets
/// [`build`] keep only the findings it can show (`pick`).
const MAX_LINES: usize = 1000;

/// Archive files that hold an account's screen-name and e-mail history.
/// The X reader turns each change in the first two into a finding; one of
/// these the scan could not read is pointed at instead.
const CHANGE_HISTORY: [&str; 3] = [
    "screen-name-change",
    "email-address-change",
    "username-change",
];

/// One finding as a checklist line refers to it.
#[derive(Debug, Serialize, PartialEq, Eq, Clone)]
pub struct FindingRef {
    pub finding_id: String,
    pub rule_id: String,
    pub severity: String,
}

/// One thing to act on: an app, an address, a message, a post.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    /// Why it is listed (the rule's title, or where it was found).
    pub detail: String,
    /// `YYYY-MM-DD`, or empty.
    pub date: String,
    /// Only `http(s)` permalinks.
    pub link: Option<String>,
    pub findings: Vec<FindingRef>,
}

/// One heading of an account's checklist.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Item {
    /// Stable anchor part: `connected-apps`, `email-phone`, `changes`,
    /// `login-ips`, `messages`, `live-posts`, `last-post`.
    pub key: &'static str,
    pub heading: &'static str,
    /// `act` (something to do), `check` (look by hand: the scan could not
    /// tell) or `clear` (nothing found).
    pub status: &'static str,
    /// One sentence under the heading.
    pub note: String,
    pub lines: Vec<Line>,
    /// Lines not shown: past [`MAX_LINES`].
    pub more: u64,
}

/// One account's page.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Checklist {
    pub platform: String,
    pub account: String,
    pub archives: Vec<String>,
    /// Items whose status is `act`.
    pub to_act: usize,
    /// Files of this account's archives that could not be read or were
    /// not recognised: the checklist may miss what they hold.
    pub unread: u64,
    pub items: Vec<Item>,
}

/// The standalone page: the checklists and the findings they refer to.
#[derive(Debug, Serialize)]
pub struct Page {
    pub run_date: String,
    pub tool_version: String,
    pub rule_pack: String,
    pub handover: Vec<Checklist>,
    pub referenced: Vec<LinkRow>,
}

fn refs<'a>(fs: impl IntoIterator<Item = &'a Finding>) -> Vec<FindingRef> {
    fs.into_iter()
        .map(|f| FindingRef {
            finding_id: f.finding_id.clone(),
            rule_id: f.rule_id.clone(),
            severity: f.severity.as_str().to_string(),
        })
        .collect()
}

fn day(created_at: &str) -> String {
    created_at.get(..10).unwrap_or(created_at).to_string()
}

fn http(url: &str) -> Option<String> {
    (url.starts_with("https://") || url.starts_with("http://")).then(|| url.to_string())
}

/// One line per finding (apps, addresses, IPs: each finding is one thing).
/// No date: an account record's date is the account's creation, which
/// says nothing about the app or address.
fn one_each(fs: &[&Finding], meta: &Meta) -> Vec<Line> {
    fs.iter()
        .map(|f| Line {
            text: f.matched.clone(),
            detail: meta.title(&f.rule_id),
            date: String::new(),
            link: None,
            findings: refs([*f]),
        })
        .collect()
}

/// One line per record (a message or post with several findings is one
/// thing to review), most serious first, then in the findings file's order.
fn per_record(fs: &[&Finding], meta: &Meta) -> Vec<Line> {
    let mut order: Vec<(&str, &str, RecordKind)> = Vec::new();
    let mut by: BTreeMap<(&str, &str, RecordKind), Vec<&Finding>> = BTreeMap::new();
    for f in fs {
        let key = (f.archive.as_str(), f.record_id.as_str(), f.record_kind);
        let group = by.entry(key).or_default();
        if group.is_empty() {
            order.push(key);
        }
        group.push(f);
    }
    let mut lines: Vec<(crate::vocab::Severity, Line)> = order
        .into_iter()
        .filter_map(|k| by.remove(&k))
        .filter_map(|group| {
            let first = *group.first()?;
            let worst = group.iter().map(|f| f.severity).max()?;
            let titles: BTreeSet<String> = group.iter().map(|f| meta.title(&f.rule_id)).collect();
            Some((
                worst,
                Line {
                    text: if first.context.is_empty() {
                        first.matched.clone()
                    } else {
                        first.context.clone()
                    },
                    detail: format!(
                        "{} ({}): {}",
                        first.record_kind,
                        first.entry,
                        titles.into_iter().collect::<Vec<_>>().join("; ")
                    ),
                    date: day(&first.created_at),
                    link: http(&first.url),
                    findings: refs(group),
                },
            ))
        })
        .collect();
    // Stable: equal severities keep the findings file's order.
    lines.sort_by_key(|(s, _)| std::cmp::Reverse(*s));
    lines.into_iter().map(|(_, l)| l).collect()
}

fn item(
    key: &'static str,
    heading: &'static str,
    lines: Vec<Line>,
    act: String,
    clear: String,
) -> Item {
    let (status, note) = if lines.is_empty() {
        ("clear", clear)
    } else {
        ("act", act)
    };
    Item {
        key,
        heading,
        status,
        note,
        lines,
        more: 0,
    }
}

/// What a change finding's field changed, as its line names it.
fn changed(field: Field) -> Option<&'static str> {
    match field {
        Field::HandleChange => Some("handle"),
        Field::EmailChange => Some("e-mail"),
        _ => None,
    }
}

/// One line per change finding, oldest first (ties keep the findings
/// file's order), then one per change-history file the scan could not
/// read, so a gap in the history is never shown as clear.
fn changes_item<'c>(
    fs: &[&Finding],
    coverage: impl Iterator<Item = CoverageView<'c>>,
    meta: &Meta,
) -> Item {
    let mut found: Vec<&Finding> = fs.to_vec();
    found.sort_by(|a, b| a.created_at.cmp(&b.created_at));
    let mut lines: Vec<Line> = found
        .iter()
        .map(|f| Line {
            text: format!("{} {}", changed(f.field).unwrap_or_default(), f.matched),
            detail: meta.title(&f.rule_id),
            date: day(&f.created_at),
            link: None,
            findings: refs([*f]),
        })
        .collect();
    let unread: Vec<Line> = coverage
        .filter(|r| {
            let file = r.entry.base();
            r.status != Status::Parsed && CHANGE_HISTORY.iter().any(|c| file.starts_with(c))
        })
        .map(|r| Line {
            text: r.entry.to_string(),
            detail: format!(
                "{}: not read ({}); open it and compare each old name or address with the current one",
                r.archive,
                if r.detail.is_empty() {
                    r.status.as_str()
                } else {
                    r.detail
                }
            ),
            date: String::new(),
            link: None,
            findings: Vec::new(),
        })
        .collect();
    let (status, note) = match (lines.is_empty(), unread.is_empty()) {
        (true, true) => (
            "clear",
            "No screen-name or e-mail change was found (rules account.handle-changed, account.email-changed).",
        ),
        (false, true) => (
            "act",
            "Confirm the team made each change. Whoever holds the new address can reset the password; an old handle is free for anyone to register, so watch for impersonation.",
        ),
        (true, false) => (
            "check",
            "The change history could not be read: open the file and review it by hand.",
        ),
        (false, false) => (
            "act",
            "Confirm the team made each change; part of the history could not be read: open that file and review it by hand.",
        ),
    };
    lines.extend(unread);
    Item {
        key: "changes",
        heading: "Screen-name and e-mail changes",
        status,
        note: note.to_string(),
        lines,
        more: 0,
    }
}

/// Whole days from `last` to the run date; `None` if either is unreadable.
fn days_since(last: jiff::Timestamp, run_date: &str) -> Option<i64> {
    let run: jiff::civil::Date = run_date.parse().ok()?;
    let last = last.to_zoned(jiff::tz::TimeZone::UTC).date();
    let span = last.until(run).ok()?;
    Some(i64::from(span.get_days()))
}

/// The checklists, one per account (platform and handle) in the run, in
/// the order the archives were scanned; accounts that only findings name
/// (Threads posts in an Instagram export) follow.
///
/// The findings are read once, and only those the items can show are kept
/// (`pick`).
pub fn build(outcome: &Outcome, meta: &Meta) -> Result<Vec<Checklist>> {
    let picked = Picked::from(&outcome.findings).map_err(super::failed)?;
    Ok(build_from(outcome, &picked, meta))
}

fn build_from(outcome: &Outcome, picked: &Picked, meta: &Meta) -> Vec<Checklist> {
    let mut keys: Vec<(String, String)> = Vec::new();
    let mut add = |k: (String, String)| {
        if !keys.contains(&k) {
            keys.push(k);
        }
    };
    for a in &outcome.archives {
        add((a.platform.to_string(), a.account.clone()));
    }
    for k in &picked.accounts {
        add(k.clone());
    }
    keys.into_iter()
        .map(|(platform, account)| checklist(outcome, picked, meta, platform, account))
        .collect()
}

fn checklist(
    outcome: &Outcome,
    picked: &Picked,
    meta: &Meta,
    platform: String,
    account: String,
) -> Checklist {
    let archives: Vec<&crate::scan::ArchiveSummary> = outcome
        .archives
        .iter()
        .filter(|a| a.platform.to_string() == platform && a.account == account)
        .collect();
    let names: Vec<String> = archives.iter().map(|a| a.archive.clone()).collect();
    let mine: Vec<&Finding> = picked
        .findings
        .iter()
        .filter(|f| f.platform.to_string() == platform && f.account == account)
        .collect();
    // Each item's findings, as `pick` chose them.
    let on = |key: &str| -> Vec<&Finding> {
        let takes = KINDS.iter().find(|k| k.key == key).map(|k| k.takes);
        mine.iter()
            .copied()
            .filter(|f| takes.is_some_and(|t| t(f)))
            .collect()
    };
    // The rows of these archives, read afresh each time they are needed
    // rather than collected (there may be a million).
    let coverage = || of_archives(&outcome.coverage, &names);

    let apps = on("connected-apps");
    let contact = on("email-phone");
    let ips = on("login-ips");
    let messages = on("messages");
    let live = on("live-posts");
    let gaps = on("last-post");

    let changes = changes_item(&on("changes"), coverage(), meta);

    let last = archives.iter().filter_map(|a| a.last_post).max();
    let mut last_lines = per_record(&gaps, meta);
    let quiet = last.and_then(|ts| days_since(ts, meta.run_date));
    let last_note = match last {
        Some(ts) => {
            let date = ts.strftime("%Y-%m-%d").to_string();
            match quiet {
                Some(d) => format!(
                    "Last post {date}: {d} day{} before this run ({}){}.",
                    if d == 1 { "" } else { "s" },
                    meta.run_date,
                    if d >= QUIET_DAYS {
                        "; agree who posts next, or say on the profile that the account is no longer updated"
                    } else {
                        ""
                    }
                ),
                None => format!("Last post {date}."),
            }
        }
        None => {
            "No dated post was read: the account may never have posted, or the archive holds none."
                .to_string()
        }
    };
    for l in &mut last_lines {
        l.text = format!("Gap in posting: {}", l.text);
    }
    let last_post = Item {
        key: "last-post",
        heading: "Time since the last post",
        status: if last_lines.is_empty() && quiet.is_none_or(|d| d < QUIET_DAYS) {
            "clear"
        } else {
            "act"
        },
        note: last_note,
        lines: last_lines,
        more: 0,
    };

    let mut items = vec![
        item(
            "connected-apps",
            "Connected apps to revoke",
            one_each(&apps, meta),
            "Revoke each app in the platform's settings (Settings → Security → Apps and sessions on X) unless the team still uses it; the permissions and approval date are as the archive lists them.".into(),
            "No connected apps are listed in the archive.".into(),
        ),
        item(
            "email-phone",
            "Account e-mail and phone",
            one_each(&contact, meta),
            "Replace these with an organisation address and number the team controls before the handover; the previous holder can otherwise reset the password.".into(),
            "No personal e-mail address or phone number was found on the account.".into(),
        ),
        changes,
        item(
            "login-ips",
            "Login IP spread",
            one_each(&ips, meta),
            "Logins came from many addresses: end every other session and change the password and two-factor settings at handover.".into(),
            "No finding about the spread of login addresses (rule account.many-login-ips).".into(),
        ),
        item(
            "messages",
            "Direct messages holding personal or patient data",
            per_record(&messages, meta),
            "Review each message with information governance: record what is needed, then delete it from the inbox.".into(),
            "No direct message with personal or patient data was found.".into(),
        ),
        item(
            "live-posts",
            "Posts still live that breach policy",
            per_record(&live, meta),
            "These posts (and profile text) are still published: take down or edit each one before the handover.".into(),
            "No published post, profile text or media breaches the rules.".into(),
        ),
        last_post,
    ];
    let key = (platform.clone(), account.clone());
    for i in &mut items {
        picked.limit(&key, i);
    }
    Checklist {
        to_act: items.iter().filter(|i| i.status == "act").count(),
        unread: coverage()
            .filter(|r| matches!(r.status, Status::Failed | Status::Unknown))
            .count() as u64,
        platform,
        account: if account.is_empty() {
            "(account not named)".to_string()
        } else {
            account
        },
        archives: names,
        items,
    }
}

/// The coverage rows of the archives named `names`.
fn of_archives<'a>(
    coverage: &'a Coverage,
    names: &'a [String],
) -> impl Iterator<Item = CoverageView<'a>> + 'a {
    coverage
        .iter()
        .filter(move |r| names.iter().any(|n| n == r.archive))
}

/// The findings the checklists refer to, in the page's order, each once.
fn referenced(lists: &[Checklist], findings: &[Finding], meta: &Meta) -> Vec<LinkRow> {
    let by_id: BTreeMap<&str, &Finding> = findings
        .iter()
        .map(|f| (f.finding_id.as_str(), f))
        .collect();
    let mut seen = BTreeSet::new();
    let mut rows = Vec::new();
    for r in lists
        .iter()
        .flat_map(|c| &c.items)
        .flat_map(|i| &i.lines)
        .flat_map(|l| &l.findings)
    {
        if seen.insert(r.finding_id.as_str())
            && let Some(f) = by_id.get(r.finding_id.as_str())
        {
            rows.push(super::summary::link_row(f, meta));
        }
    }
    rows
}

/// The section alone, rendered from its own template (auto-escaped: the
/// name ends in `.html`); the pages take it as markup. minijinja is built
/// without `{% include %}` (Cargo.toml), so the pages cannot include it.
pub fn render_section(lists: &[Checklist]) -> Result<String> {
    let mut env = minijinja::Environment::new();
    env.add_template("handover_section.html", SECTION)
        .map_err(super::failed)?;
    let tmpl = env
        .get_template("handover_section.html")
        .map_err(super::failed)?;
    tmpl.render(minijinja::context! { handover => minijinja::value::Serde(lists) })
        .map_err(super::failed)
}

/// The standalone page `social-audit handover` writes.
pub fn render(outcome: &Outcome, meta: &Meta) -> Result<String> {
    let picked = Picked::from(&outcome.findings).map_err(super::failed)?;
    let handover = build_from(outcome, &picked, meta);
    let section = render_section(&handover)?;
    let page = Page {
        run_date: meta.run_date.to_string(),
        tool_version: meta.tool_version.to_string(),
        rule_pack: meta.rule_pack.to_string(),
        referenced: referenced(&handover, &picked.findings, meta),
        handover,
    };
    let mut env = minijinja::Environment::new();
    env.add_template("handover.html", PAGE)
        .map_err(super::failed)?;
    let tmpl = env.get_template("handover.html").map_err(super::failed)?;
    let ctx = minijinja::context! {
        section => minijinja::Value::from_safe_string(section),
        ..minijinja::Value::from(minijinja::value::Serde(&page))
    };
    tmpl.render(ctx).map_err(super::failed)
}

pub fn write_handover(mut out: impl Write, outcome: &Outcome, meta: &Meta) -> Result<()> {
    let page = render(outcome, meta)?;
    out.write_all(page.as_bytes()).map_err(super::failed)?;
    out.flush().map_err(super::failed)
}

mod pick;
#[cfg(test)]
mod tests;

//! Cross-record (account-level) rules: the `account` detector. The scan
//! feeds every record of an account to [`AccountRules::observe`] (from
//! several threads, on separate states), merges the states and calls
//! [`AccountRules::finish`] once per account.
//!
//! Predicates:
//! * `posting-gap` (`days`, default 30): gaps between published posts (E2).
//! * `welsh-counterpart` (`hours`, default 24; `lists` = [Welsh markers,
//!   English markers]): on accounts marked Welsh, an English-only post with
//!   no Welsh or bilingual post within the window either side, and the
//!   reverse (D5).
//! * `working-hours`: on personal accounts (`official = false`), posts made
//!   Monday to Friday inside the profile's `working_hours` ("08:00-18:00",
//!   UK time). Off unless `working_hours` is set (E3).
//! * `no-disclaimer` (`phrases`): a personal account's bio names the
//!   organisation with no "views are my own" style phrase (D6).
//! * `org-email-personal`: a personal account registered with an e-mail on
//!   an organisation domain (E4).

use super::elections::uk_datetime;
use super::lang::{self, Lang, Markers};
use super::pack::{Detector, PackDef};
use super::{Hit, RuleInfo};
use crate::org::Org;
use crate::record::{Record, RecordKind};
use jiff::Timestamp;
use std::collections::BTreeMap;

enum Predicate {
    Gap { days: u32 },
    Welsh { hours: u32 },
    WorkingHours { from: u32, to: u32 },
    NoDisclaimer { phrases: Vec<String> },
    OrgEmail,
}

pub struct AccountRules {
    rules: Vec<(usize, Predicate)>,
    markers: Option<Markers>,
    org: Org,
    /// What needs observing: timestamps always when any rule exists.
    any: bool,
    needs_lang: bool,
    needs_personal: bool,
    needs_days: bool,
    /// working-hours window in minutes of the UK day, when that rule is on
    work: Option<(u32, u32)>,
}

#[derive(Clone, Debug, PartialEq)]
struct Post {
    ts: i64,
    nanos: i32,
    id: String,
    url: String,
    entry: String,
    kind: RecordKind,
    lang: Lang,
    /// Only kept for Welsh accounts (the D5 finding shows the post).
    text: String,
}

#[derive(Clone, Debug, PartialEq)]
struct Snip {
    id: String,
    url: String,
    entry: String,
    kind: RecordKind,
    field: &'static str,
    value: String,
}

impl Post {
    fn key(&self) -> (i64, i32, &str, RecordKind) {
        (self.ts, self.nanos, &self.id, self.kind)
    }
}

/// Per-account state for cross-record rules. Its size does not grow with
/// the number of posts except where a rule needs each post: for posting
/// gaps it keeps the first and last post of each day (a gap of a day or
/// more always runs from one day's last post to a later day's first);
/// posts with their language and text only on accounts marked Welsh;
/// posts inside working hours only on personal accounts when that rule is
/// on; bio and e-mail values only on personal accounts.
#[derive(Clone, Debug)]
pub struct AccountState {
    platform: String,
    platform_static: Option<&'static str>,
    account: String,
    welsh: bool,
    official: bool,
    /// UTC day number -> (first post, last post) of that day
    days: BTreeMap<i64, (Post, Post)>,
    welsh_posts: Vec<Post>,
    work_posts: Vec<Post>,
    snips: Vec<Snip>,
}

/// Keeps the earlier/later of two posts of one day (ties broken by id).
fn widen(slot: &mut (Post, Post), first: &Post, last: &Post) {
    if first.key() < slot.0.key() {
        slot.0 = first.clone();
    }
    if last.key() > slot.1.key() {
        slot.1 = last.clone();
    }
}

impl AccountState {
    pub(super) fn new(platform: &str, account: &str, welsh: bool, official: bool) -> AccountState {
        AccountState {
            platform: platform.to_string(),
            platform_static: None,
            account: account.to_string(),
            welsh,
            official,
            days: BTreeMap::new(),
            welsh_posts: Vec::new(),
            work_posts: Vec::new(),
            snips: Vec::new(),
        }
    }

    pub fn platform(&self) -> &str {
        &self.platform
    }

    pub fn account(&self) -> &str {
        &self.account
    }

    /// How many posts the state holds (bounded by days for most accounts).
    pub fn retained_posts(&self) -> usize {
        self.days.len() * 2 + self.welsh_posts.len() + self.work_posts.len()
    }

    pub fn is_welsh(&self) -> bool {
        self.welsh
    }

    pub fn is_official(&self) -> bool {
        self.official
    }

    pub(super) fn merge(&mut self, from: AccountState) {
        if self.platform_static.is_none() {
            self.platform_static = from.platform_static;
        }
        for (day, (first, last)) in from.days {
            match self.days.get_mut(&day) {
                Some(slot) => widen(slot, &first, &last),
                None => {
                    self.days.insert(day, (first, last));
                }
            }
        }
        self.welsh_posts.extend(from.welsh_posts);
        self.work_posts.extend(from.work_posts);
        self.snips.extend(from.snips);
    }
}

fn parse_hours(s: &str) -> Option<(u32, u32)> {
    let (a, b) = s.trim().split_once('-')?;
    let m = |t: &str| -> Option<u32> {
        let (h, mi) = t.trim().split_once(':')?;
        let (h, mi): (u32, u32) = (h.parse().ok()?, mi.parse().ok()?);
        (h < 24 && mi < 60).then_some(h * 60 + mi)
    };
    let (a, b) = (m(a)?, m(b)?);
    (a < b).then_some((a, b))
}

impl AccountRules {
    pub fn compile(def: &PackDef, org: &Org) -> Result<AccountRules, String> {
        let mut rules = Vec::new();
        let mut markers = None;
        for (ri, rule) in def.rules.iter().enumerate() {
            let Detector::Account(a) = &rule.detector else {
                continue;
            };
            let at = rule.whence();
            let pred = match a.predicate.as_str() {
                "posting-gap" => Predicate::Gap {
                    days: a.days.unwrap_or(30).max(1),
                },
                "welsh-counterpart" => {
                    let [cy, en] = a.lists.as_slice() else {
                        return Err(format!(
                            "{at}: welsh-counterpart needs lists = [welsh-markers, english-markers]"
                        ));
                    };
                    let set = |name: &str| -> Result<std::collections::HashSet<String>, String> {
                        Ok(def
                            .list(rule, name)?
                            .iter()
                            .map(|w| w.trim().to_lowercase())
                            .collect())
                    };
                    markers = Some(Markers {
                        welsh: set(cy)?,
                        english: set(en)?,
                    });
                    Predicate::Welsh {
                        hours: a.hours.unwrap_or(24),
                    }
                }
                "working-hours" => match parse_hours(&org.working_hours) {
                    Some((from, to)) => Predicate::WorkingHours { from, to },
                    None if org.working_hours.trim().is_empty() => continue,
                    None => {
                        return Err(format!(
                            "organisation profile: working_hours {:?} is not HH:MM-HH:MM",
                            org.working_hours
                        ));
                    }
                },
                "no-disclaimer" => {
                    if a.phrases.is_empty() {
                        return Err(format!("{at}: no-disclaimer needs phrases"));
                    }
                    Predicate::NoDisclaimer {
                        phrases: a.phrases.iter().map(|p| p.to_lowercase()).collect(),
                    }
                }
                "org-email-personal" => Predicate::OrgEmail,
                other => {
                    return Err(format!(
                        "{at}: unknown account predicate {other:?} (expected posting-gap, welsh-counterpart, working-hours, no-disclaimer or org-email-personal)"
                    ));
                }
            };
            rules.push((ri, pred));
        }
        let needs_lang = rules
            .iter()
            .any(|(_, p)| matches!(p, Predicate::Welsh { .. }));
        let needs_personal = rules
            .iter()
            .any(|(_, p)| matches!(p, Predicate::NoDisclaimer { .. } | Predicate::OrgEmail));
        let needs_days = rules
            .iter()
            .any(|(_, p)| matches!(p, Predicate::Gap { .. }));
        let work = rules.iter().find_map(|(_, p)| match p {
            Predicate::WorkingHours { from, to } => Some((*from, *to)),
            _ => None,
        });
        Ok(AccountRules {
            needs_days,
            work,
            any: !rules.is_empty(),
            rules,
            markers,
            org: org.clone(),
            needs_lang,
            needs_personal,
        })
    }

    pub fn observe(&self, st: &mut AccountState, record: &Record) {
        if !self.any {
            return;
        }
        if st.platform_static.is_none() {
            st.platform_static = Some(record.platform);
        }
        if record.kind.is_published() && record.kind != RecordKind::DeletedPost {
            let Some(ts) = record.created_at else { return };
            let welsh = st.welsh && self.needs_lang && matches!(record.kind, RecordKind::Post);
            let working = match self.work {
                Some((from, to)) if !st.official => in_hours(ts, from, to),
                _ => false,
            };
            let (sec, nanos) = (ts.as_second(), ts.subsec_nanosecond());
            let day = sec.div_euclid(86_400);
            let extends_day = self.needs_days
                && st.days.get(&day).is_none_or(|(f, l)| {
                    let k = (sec, nanos, record.id.as_str(), record.kind);
                    k < f.key() || k > l.key()
                });
            if !(welsh || working || extends_day) {
                return;
            }
            let (lang, text) = match (welsh, &self.markers, record.field("text")) {
                (true, Some(m), Some(t)) => (lang::classify(t, m), t.to_string()),
                _ => (Lang::Unknown, String::new()),
            };
            let post = Post {
                ts: sec,
                nanos,
                id: record.id.clone(),
                url: record.url.clone(),
                entry: record.entry.clone(),
                kind: record.kind,
                lang,
                text,
            };
            if extends_day {
                let bare = Post {
                    text: String::new(),
                    lang: Lang::Unknown,
                    ..post.clone()
                };
                match st.days.get_mut(&day) {
                    Some(slot) => widen(slot, &bare, &bare),
                    None => {
                        st.days.insert(day, (bare.clone(), bare));
                    }
                }
            }
            if working {
                st.work_posts.push(Post {
                    text: String::new(),
                    ..post.clone()
                });
            }
            if welsh {
                st.welsh_posts.push(post);
            }
        } else if !st.official
            && self.needs_personal
            && matches!(record.kind, RecordKind::Profile | RecordKind::Account)
        {
            for f in &record.fields {
                if matches!(f.name, "bio" | "email") {
                    st.snips.push(Snip {
                        id: record.id.clone(),
                        url: record.url.clone(),
                        entry: record.entry.clone(),
                        kind: record.kind,
                        field: f.name,
                        value: f.value.clone(),
                    });
                }
            }
        }
    }

    pub fn finish(&self, infos: &[RuleInfo], mut st: AccountState) -> Vec<(Record, Hit)> {
        let mut out = Vec::new();
        if !self.any {
            return out;
        }
        for v in [&mut st.welsh_posts, &mut st.work_posts] {
            v.sort_by(|a, b| a.key().cmp(&b.key()));
            v.dedup();
        }
        st.snips
            .sort_by(|a, b| (&a.id, a.field, &a.value).cmp(&(&b.id, b.field, &b.value)));
        st.snips.dedup();
        let platform: &'static str = st.platform_static.unwrap_or("unknown");
        let hit = |r: usize, field: &'static str, matched: String, detail: String| Hit {
            rule: r,
            field,
            start: 0,
            end: 0,
            matched,
            detail,
            severity: infos[r].severity,
            confidence: infos[r].confidence,
        };
        let post_record = |p: &Post, field: &'static str, value: String| {
            let mut rec = Record::new(platform, p.kind, p.id.clone());
            rec.account = st.account.clone();
            rec.entry = p.entry.clone();
            rec.url = p.url.clone();
            rec.created_at = Timestamp::new(p.ts, p.nanos).ok();
            rec.push_field(field, value);
            rec
        };
        let stamp = |p: &Post| {
            Timestamp::new(p.ts, p.nanos)
                .map(|t| t.to_string())
                .unwrap_or_default()
        };
        for (r, pred) in &self.rules {
            let r = *r;
            match pred {
                Predicate::Gap { days } => {
                    let limit = i64::from(*days) * 86_400;
                    let active: Vec<&(Post, Post)> = st.days.values().collect();
                    for pair in active.windows(2) {
                        let w = [&pair[0].1, &pair[1].0];
                        let gap = w[1].ts - w[0].ts;
                        if gap > limit {
                            let d = gap / 86_400;
                            let value = stamp(w[1]);
                            let matched = format!("{d} days");
                            out.push((
                                post_record(w[1], "created_at", value),
                                hit(
                                        r,
                                        "created_at",
                                        matched,
                                        format!(
                                            "no published post for {d} days (since {}); allowed gap {days} days",
                                            stamp(w[0])
                                        ),
                                    ),
                            ));
                        }
                    }
                }
                Predicate::Welsh { hours } => {
                    if !st.welsh {
                        continue;
                    }
                    let window = i64::from(*hours) * 3600;
                    for p in unpaired(&st.welsh_posts, window) {
                        let missing = match p.lang {
                            Lang::English => "Welsh",
                            _ => "English",
                        };
                        let matched: String = p.text.chars().take(80).collect();
                        out.push((
                            post_record(p, "text", p.text.clone()),
                            hit(
                                r,
                                "text",
                                matched,
                                format!(
                                    "{}-only post with no {missing} counterpart of its own within {hours} hours either side (each post needs its own; bilingual posts need none)",
                                    p.lang.as_str()
                                ),
                            ),
                        ));
                    }
                }
                Predicate::WorkingHours { .. } => {
                    if st.official {
                        continue;
                    }
                    // observe kept only the posts inside working hours
                    for p in &st.work_posts {
                        let Ok(t) = Timestamp::new(p.ts, p.nanos) else {
                            continue;
                        };
                        let dt = uk_datetime(t);
                        {
                            let value = stamp(p);
                            let matched = format!("{:02}:{:02}", dt.hour(), dt.minute());
                            out.push((
                                post_record(p, "created_at", value),
                                hit(
                                        r,
                                        "created_at",
                                        matched,
                                        format!(
                                            "personal account posted on {:?} at {:02}:{:02} UK time, inside working hours {}",
                                            dt.weekday(),
                                            dt.hour(),
                                            dt.minute(),
                                            self.org.working_hours.trim()
                                        ),
                                    ),
                            ));
                        }
                    }
                }
                Predicate::NoDisclaimer { phrases } => {
                    if st.official {
                        continue;
                    }
                    let names: Vec<String> = [&self.org.name, &self.org.short_name]
                        .into_iter()
                        .chain(self.org.handles.iter())
                        .map(|n| n.trim().trim_start_matches('@').to_lowercase())
                        .filter(|n| n.len() >= 3)
                        .collect();
                    for s in st.snips.iter().filter(|s| s.field == "bio") {
                        let bio = s.value.to_lowercase();
                        let Some(name) = names.iter().find(|n| bio.contains(n.as_str())) else {
                            continue;
                        };
                        if phrases.iter().any(|p| bio.contains(p.as_str())) {
                            continue;
                        }
                        out.push((
                            snip_record(platform, &st.account, s),
                            hit(
                                r,
                                "bio",
                                name.clone(),
                                format!(
                                    "personal account bio names the organisation (\"{name}\") with no \"views are my own\" style disclaimer"
                                ),
                            ),
                        ));
                    }
                }
                Predicate::OrgEmail => {
                    if st.official {
                        continue;
                    }
                    for s in st.snips.iter().filter(|s| s.field == "email") {
                        let v = s.value.trim();
                        let Some((_, domain)) = v.rsplit_once('@') else {
                            continue;
                        };
                        if self.org.owns_domain(domain) {
                            out.push((
                                snip_record(platform, &st.account, s),
                                hit(
                                        r,
                                        "email",
                                        v.to_string(),
                                        format!(
                                            "personal account registered with work e-mail (organisation domain {})",
                                            domain.to_ascii_lowercase()
                                        ),
                                    ),
                            ));
                        }
                    }
                }
            }
        }
        out
    }
}

/// Monday to Friday, `from` <= UK time (minutes) < `to`.
fn in_hours(ts: Timestamp, from: u32, to: u32) -> bool {
    let dt = uk_datetime(ts);
    let m = dt.hour() as u32 * 60 + dt.minute() as u32;
    dt.weekday().to_monday_one_offset() <= 5 && m >= from && m < to
}

fn snip_record(platform: &'static str, account: &str, s: &Snip) -> Record {
    let mut rec = Record::new(platform, s.kind, s.id.clone());
    rec.account = account.to_string();
    rec.entry = s.entry.clone();
    rec.url = s.url.clone();
    rec.push_field(s.field, s.value.clone());
    rec
}

/// One-language posts left without a counterpart when English and Welsh
/// posts within `window` seconds are paired one to one: pairs that share
/// more numbers, dates, handles, hashtags or links first, then the closest
/// in time (so four English posts and two Welsh ones leave two findings).
fn unpaired(posts: &[Post], window: i64) -> Vec<&Post> {
    let (en, cy): (Vec<&Post>, Vec<&Post>) = posts
        .iter()
        .filter(|p| matches!(p.lang, Lang::English | Lang::Welsh))
        .partition(|p| p.lang == Lang::English);
    let marks = |p: &Post| -> std::collections::BTreeSet<String> {
        p.text
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric() && !"@#/:".contains(c))
                    .to_lowercase()
            })
            .filter(|w| {
                w.starts_with('@')
                    || w.starts_with('#')
                    || w.contains("://")
                    || w.starts_with("www.")
                    || w.chars().any(|c| c.is_ascii_digit())
            })
            .collect()
    };
    let (en_marks, cy_marks): (Vec<_>, Vec<_>) = (
        en.iter().map(|p| marks(p)).collect(),
        cy.iter().map(|p| marks(p)).collect(),
    );
    let mut pairs: Vec<(std::cmp::Reverse<usize>, i64, usize, usize)> = Vec::new();
    // `posts` is in time order (finish sorts it), so `cy` is too.
    for (i, e) in en.iter().enumerate() {
        let from = cy.partition_point(|c| c.ts < e.ts - window);
        for (j, c) in cy.iter().enumerate().skip(from) {
            if c.ts > e.ts + window {
                break;
            }
            let shared = en_marks[i].intersection(&cy_marks[j]).count();
            pairs.push((std::cmp::Reverse(shared), (e.ts - c.ts).abs(), i, j));
        }
    }
    pairs.sort_unstable();
    let (mut en_used, mut cy_used) = (vec![false; en.len()], vec![false; cy.len()]);
    for (_, _, i, j) in pairs {
        if !en_used[i] && !cy_used[j] {
            en_used[i] = true;
            cy_used[j] = true;
        }
    }
    let mut out: Vec<&Post> = en
        .iter()
        .zip(&en_used)
        .chain(cy.iter().zip(&cy_used))
        .filter(|(_, used)| !**used)
        .map(|(p, _)| *p)
        .collect();
    out.sort_by(|a, b| a.key().cmp(&b.key()));
    out
}

//! Cross-record (account-level) rules: the `account` detector. Each rule is
//! a small [`Check`] (checks.rs) that keeps its own [`Memory`] of one
//! account. The scan gives every record of an account to
//! [`AccountRules::observe`] (from several threads, on separate states),
//! merges the states in any order and calls [`AccountRules::finish`] once
//! per account, which yields [`AccountHit`]s: each hit with the record it
//! is about.
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

mod checks;

use super::lang::{Lang, Markers};
use super::pack::{Detector, PackDef};
use super::{Hit, RuleInfo};
use crate::error::{Error, Result};
use crate::org::Org;
use crate::record::{Platform, Record, RecordKind};
use checks::{NoDisclaimer, OrgEmail, PostingGap, WelshCounterpart, WorkingHours};
use jiff::Timestamp;
use std::collections::BTreeMap;

/// Who the account is, as the organisation profile describes it.
#[derive(Clone, Debug)]
pub struct AccountInfo {
    pub platform: Platform,
    pub account: String,
    /// Marked Welsh in the profile: the Welsh counterpart rule applies.
    pub welsh: bool,
    /// An official account (the default); personal-account checks apply
    /// only when this is false.
    pub official: bool,
}

/// The record an account-level hit is about: enough to make a finding
/// without keeping the record itself.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Seen {
    pub kind: RecordKind,
    pub id: String,
    pub url: String,
    pub entry: String,
    pub created_at: Option<Timestamp>,
}

impl Seen {
    fn of(record: &Record) -> Seen {
        Seen {
            kind: record.kind,
            id: record.id.clone(),
            url: record.url.clone(),
            entry: record.entry.clone(),
            created_at: record.created_at,
        }
    }

    /// The one-field record a finding about this hit is made from.
    pub fn record(&self, info: &AccountInfo, field: crate::vocab::Field, value: &str) -> Record {
        let mut rec = Record::new(info.platform, self.kind, self.id.clone());
        rec.account = info.account.clone();
        rec.entry = self.entry.clone();
        rec.url = self.url.clone();
        rec.created_at = self.created_at;
        rec.push_field(field, value.to_string());
        rec
    }
}

/// One account-level hit: the record it is about, the text of the field
/// it concerns (shown as the finding's context) and the hit itself.
#[derive(Clone, Debug)]
pub struct AccountHit {
    pub on: Seen,
    pub value: String,
    pub hit: Hit,
}

/// A published post as a check remembers it.
#[derive(Clone, Debug, PartialEq)]
struct Post {
    ts: i64,
    nanos: i32,
    seen: Seen,
    lang: Lang,
    /// Only kept by the Welsh counterpart check (the D5 finding shows it).
    text: String,
}

impl Post {
    fn key(&self) -> (i64, i32, &str, RecordKind) {
        (self.ts, self.nanos, &self.seen.id, self.seen.kind)
    }

    /// Becomes the bare post (no language, no text) of `record`, reusing
    /// this post's string buffers: what `post(record, ts, Lang::Unknown,
    /// String::new())` makes, without allocating.
    fn assign(&mut self, record: &Record, ts: Timestamp) {
        self.ts = ts.as_second();
        self.nanos = ts.subsec_nanosecond();
        self.lang = Lang::Unknown;
        self.text.clear();
        let seen = &mut self.seen;
        seen.kind = record.kind;
        seen.id.clone_from(&record.id);
        seen.url.clone_from(&record.url);
        seen.entry.clone_from(&record.entry);
        seen.created_at = record.created_at;
    }
}

/// A profile or account field value (bio, e-mail) as a check remembers it.
#[derive(Clone, Debug, PartialEq)]
struct Snip {
    seen: Seen,
    field: crate::vocab::Field,
    value: String,
}

/// What one check keeps about one account between records. Its size does
/// not grow with the number of posts except where a check needs each post:
/// posting gaps keep the first and last post of each day (a gap of a day
/// or more always runs from one day's last post to a later day's first);
/// the Welsh check keeps posts with their language and text, only on
/// accounts marked Welsh; working hours keep the posts inside them, only
/// on personal accounts; bio and e-mail values only on personal accounts.
#[derive(Clone, Debug, Default)]
enum Memory {
    #[default]
    Nothing,
    /// First and last published post of each UTC day.
    Days(BTreeMap<i64, (Post, Post)>),
    Posts(Vec<Post>),
    Snips(Vec<Snip>),
}

impl Memory {
    /// Combines two partial memories of one check (any order, same result
    /// once `tidy` has run).
    fn merge(&mut self, from: Memory) {
        match (self, from) {
            (_, Memory::Nothing) => {}
            (Memory::Days(into), Memory::Days(from)) => {
                for (day, (first, last)) in from {
                    match into.get_mut(&day) {
                        Some(slot) => widen(slot, &first, &last),
                        None => {
                            into.insert(day, (first, last));
                        }
                    }
                }
            }
            (Memory::Posts(into), Memory::Posts(from)) => into.extend(from),
            (Memory::Snips(into), Memory::Snips(from)) => into.extend(from),
            (into @ Memory::Nothing, from) => *into = from,
            // Each check only ever makes one kind of memory.
            (_, _) => {}
        }
    }

    /// Sorts and de-duplicates, so the result is the same whatever order
    /// the records came in.
    fn tidy(&mut self) {
        match self {
            Memory::Posts(v) => {
                v.sort_by(|a, b| a.key().cmp(&b.key()));
                v.dedup();
            }
            Memory::Snips(v) => {
                v.sort_by(|a, b| {
                    (&a.seen.id, a.field, &a.value).cmp(&(&b.seen.id, b.field, &b.value))
                });
                v.dedup();
            }
            Memory::Nothing | Memory::Days(_) => {}
        }
    }

    fn len(&self) -> usize {
        match self {
            Memory::Nothing => 0,
            Memory::Days(d) => d.len() * 2,
            Memory::Posts(v) => v.len(),
            Memory::Snips(v) => v.len(),
        }
    }
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

/// One account-level rule. `observe` sees every in-range record of an
/// account, possibly on several threads with separate memories that are
/// merged later; `finish` turns the merged memory into hits.
trait Check: Send + Sync {
    /// Whether the check looks at this account at all.
    fn applies(&self, info: &AccountInfo) -> bool;
    fn observe(&self, info: &AccountInfo, memory: &mut Memory, record: &Record);
    /// `rule` is the check's index in the pack; `hit` makes a hit for it.
    fn finish(
        &self,
        info: &AccountInfo,
        memory: Memory,
        hit: &dyn Fn(Seen, crate::vocab::Field, String, String, String) -> AccountHit,
    ) -> Vec<AccountHit>;
}

/// Per-account state for cross-record rules: who the account is, and one
/// memory per check.
#[derive(Clone, Debug)]
pub struct AccountState {
    info: AccountInfo,
    memories: Vec<Memory>,
}

impl AccountState {
    pub(super) fn new(
        platform: Platform,
        account: &str,
        welsh: bool,
        official: bool,
    ) -> AccountState {
        AccountState {
            info: AccountInfo {
                platform,
                account: account.to_string(),
                welsh,
                official,
            },
            memories: Vec::new(),
        }
    }

    pub fn info(&self) -> &AccountInfo {
        &self.info
    }

    /// How many posts and values the state holds (bounded by days for
    /// most accounts).
    pub fn retained_posts(&self) -> usize {
        self.memories.iter().map(Memory::len).sum()
    }

    pub fn is_welsh(&self) -> bool {
        self.info.welsh
    }

    pub fn is_official(&self) -> bool {
        self.info.official
    }
}

pub struct AccountRules {
    /// (rule index in the pack, its check), in pack order.
    checks: Vec<(usize, Box<dyn Check>)>,
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
    pub fn compile(def: &PackDef, org: &Org) -> Result<AccountRules> {
        let mut checks: Vec<(usize, Box<dyn Check>)> = Vec::new();
        for (ri, rule) in def.rules.iter().enumerate() {
            let Detector::Account(a) = &rule.detector else {
                continue;
            };
            let at = rule.whence();
            let check: Box<dyn Check> = match a.predicate.as_str() {
                "posting-gap" => Box::new(PostingGap {
                    days: a.days.unwrap_or(30).max(1),
                }),
                "welsh-counterpart" => {
                    let [cy, en] = a.lists.as_slice() else {
                        return Err(Error::Pack(format!(
                            "{at}: welsh-counterpart needs lists = [welsh-markers, english-markers]"
                        )));
                    };
                    let set = |name: &str| -> Result<std::collections::HashSet<String>> {
                        Ok(def
                            .list(rule, name)?
                            .iter()
                            .map(|w| w.trim().to_lowercase())
                            .collect())
                    };
                    Box::new(WelshCounterpart {
                        hours: a.hours.unwrap_or(24),
                        markers: Markers {
                            welsh: set(cy)?,
                            english: set(en)?,
                        },
                    })
                }
                "working-hours" => match parse_hours(&org.working_hours) {
                    Some((from, to)) => Box::new(WorkingHours {
                        from,
                        to,
                        label: org.working_hours.trim().to_string(),
                    }),
                    None if org.working_hours.trim().is_empty() => continue,
                    None => {
                        return Err(Error::Pack(format!(
                            "organisation profile: working_hours {:?} is not HH:MM-HH:MM",
                            org.working_hours
                        )));
                    }
                },
                "no-disclaimer" => {
                    if a.phrases.is_empty() {
                        return Err(Error::Pack(format!("{at}: no-disclaimer needs phrases")));
                    }
                    Box::new(NoDisclaimer {
                        phrases: a.phrases.iter().map(|p| p.to_lowercase()).collect(),
                        names: [&org.name, &org.short_name]
                            .into_iter()
                            .chain(org.handles.iter())
                            .map(|n| n.trim().trim_start_matches('@').to_lowercase())
                            .filter(|n| n.len() >= 3)
                            .collect(),
                    })
                }
                "org-email-personal" => Box::new(OrgEmail { org: org.clone() }),
                other => {
                    return Err(Error::Pack(format!(
                        "{at}: unknown account predicate {other:?} (expected posting-gap, welsh-counterpart, working-hours, no-disclaimer or org-email-personal)"
                    )));
                }
            };
            checks.push((ri, check));
        }
        Ok(AccountRules { checks })
    }

    pub fn observe(&self, st: &mut AccountState, record: &Record) {
        if st.memories.len() < self.checks.len() {
            st.memories.resize_with(self.checks.len(), Memory::default);
        }
        for ((_, check), memory) in self.checks.iter().zip(&mut st.memories) {
            if check.applies(&st.info) {
                check.observe(&st.info, memory, record);
            }
        }
    }

    pub fn merge(&self, into: &mut AccountState, from: AccountState) {
        if into.memories.len() < from.memories.len() {
            into.memories
                .resize_with(from.memories.len(), Memory::default);
        }
        for (m, f) in into.memories.iter_mut().zip(from.memories) {
            m.merge(f);
        }
    }

    /// The account's hits, check by check in pack order.
    pub fn finish(&self, infos: &[RuleInfo], st: AccountState) -> Vec<AccountHit> {
        let mut out = Vec::new();
        let mut memories = st.memories.into_iter();
        for (r, check) in &self.checks {
            let mut memory = memories.next().unwrap_or_default();
            if !check.applies(&st.info) {
                continue;
            }
            memory.tidy();
            let r = *r;
            let hit = |on: Seen,
                       field: crate::vocab::Field,
                       value: String,
                       matched: String,
                       detail: String| {
                AccountHit {
                    on,
                    value,
                    hit: Hit::whole(r, &infos[r], field, matched, detail),
                }
            };
            out.extend(check.finish(&st.info, memory, &hit));
        }
        out
    }
}

/// A published post (not a deleted one) with a time: what the post checks
/// look at.
fn published(record: &Record) -> Option<Timestamp> {
    (record.kind.is_published() && record.kind != RecordKind::DeletedPost)
        .then_some(record.created_at)
        .flatten()
}

fn post(record: &Record, ts: Timestamp, lang: Lang, text: String) -> Post {
    Post {
        ts: ts.as_second(),
        nanos: ts.subsec_nanosecond(),
        seen: Seen::of(record),
        lang,
        text,
    }
}

//! The five account-level checks, one type each (see mod.rs for the
//! predicates and the policy clauses they serve).

use super::super::elections::uk_datetime;
use super::super::lang::{self, Lang, Markers};
use super::{AccountHit, AccountInfo, Check, Memory, Post, Seen, Snip, post, published};
use crate::org::Org;
use crate::record::{Record, RecordKind};
use crate::vocab::Field;
use jiff::Timestamp;

/// Makes an [`AccountHit`]: (record, field, field text, match, detail).
type MakeHit<'a> = &'a dyn Fn(Seen, crate::vocab::Field, String, String, String) -> AccountHit;

fn stamp(p: &Post) -> String {
    Timestamp::new(p.ts, p.nanos)
        .map(|t| t.to_string())
        .unwrap_or_default()
}

/// `posting-gap`: no published post for more than `days` days (E2).
pub(super) struct PostingGap {
    pub days: u32,
}

impl Check for PostingGap {
    fn applies(&self, _: &AccountInfo) -> bool {
        true
    }

    fn observe(&self, _: &AccountInfo, memory: &mut Memory, record: &Record) {
        let Some(ts) = published(record) else { return };
        if matches!(memory, Memory::Nothing) {
            *memory = Memory::Days(Default::default());
        }
        let Memory::Days(days) = memory else { return };
        let (sec, nanos) = (ts.as_second(), ts.subsec_nanosecond());
        let day = sec.div_euclid(86_400);
        let Some((first, last)) = days.get_mut(&day) else {
            let bare = post(record, ts, Lang::Unknown, String::new());
            days.insert(day, (bare.clone(), bare));
            return;
        };
        // Posts mostly arrive in time order, so nearly every one moves its
        // day's last end: overwrite that end's strings in place rather than
        // build a new post and drop the old one.
        let k = (sec, nanos, record.id.as_str(), record.kind);
        if k < first.key() {
            first.assign(record, ts);
        } else if k > last.key() {
            last.assign(record, ts);
        }
    }

    fn finish(&self, _: &AccountInfo, memory: Memory, hit: MakeHit<'_>) -> Vec<AccountHit> {
        let Memory::Days(days) = memory else {
            return Vec::new();
        };
        let limit = i64::from(self.days) * 86_400;
        let active: Vec<&(Post, Post)> = days.values().collect();
        let mut out = Vec::new();
        for pair in active.windows(2) {
            let (before, after) = (&pair[0].1, &pair[1].0);
            let gap = after.ts - before.ts;
            if gap > limit {
                let d = gap / 86_400;
                out.push(hit(
                    after.seen.clone(),
                    Field::CreatedAt,
                    stamp(after),
                    format!("{d} days"),
                    format!(
                        "no published post for {d} days (since {}); allowed gap {} days",
                        stamp(before),
                        self.days
                    ),
                ));
            }
        }
        out
    }
}

/// `welsh-counterpart`: on a Welsh account, a one-language post with no
/// counterpart of its own in the other language within `hours` (D5).
pub(super) struct WelshCounterpart {
    pub hours: u32,
    pub markers: Markers,
}

impl Check for WelshCounterpart {
    fn applies(&self, info: &AccountInfo) -> bool {
        info.welsh
    }

    fn observe(&self, _: &AccountInfo, memory: &mut Memory, record: &Record) {
        let Some(ts) = published(record) else { return };
        if record.kind != RecordKind::Post {
            return;
        }
        let (lang, text) = match record.field(Field::Text) {
            Some(t) => (lang::classify(t, &self.markers), t.to_string()),
            None => (Lang::Unknown, String::new()),
        };
        push_post(memory, post(record, ts, lang, text));
    }

    fn finish(&self, _: &AccountInfo, memory: Memory, hit: MakeHit<'_>) -> Vec<AccountHit> {
        let Memory::Posts(posts) = memory else {
            return Vec::new();
        };
        let window = i64::from(self.hours) * 3600;
        unpaired(&posts, window)
            .into_iter()
            .map(|p| {
                let missing = match p.lang {
                    Lang::English => "Welsh",
                    _ => "English",
                };
                hit(
                    p.seen.clone(),
                    Field::Text,
                    p.text.clone(),
                    p.text.chars().take(80).collect(),
                    format!(
                        "{}-only post with no {missing} counterpart of its own within {} hours either side (each post needs its own; bilingual posts need none)",
                        p.lang.as_str(),
                        self.hours
                    ),
                )
            })
            .collect()
    }
}

/// `working-hours`: a personal account posting Monday to Friday inside
/// the organisation's working hours, UK time (E3).
pub(super) struct WorkingHours {
    /// Minutes of the UK day.
    pub from: u32,
    pub to: u32,
    /// As the profile wrote it, for the detail.
    pub label: String,
}

impl Check for WorkingHours {
    fn applies(&self, info: &AccountInfo) -> bool {
        !info.official
    }

    fn observe(&self, _: &AccountInfo, memory: &mut Memory, record: &Record) {
        let Some(ts) = published(record) else { return };
        if in_hours(ts, self.from, self.to) {
            push_post(memory, post(record, ts, Lang::Unknown, String::new()));
        }
    }

    fn finish(&self, _: &AccountInfo, memory: Memory, hit: MakeHit<'_>) -> Vec<AccountHit> {
        let Memory::Posts(posts) = memory else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for p in &posts {
            let Ok(t) = Timestamp::new(p.ts, p.nanos) else {
                continue;
            };
            let dt = uk_datetime(t);
            out.push(hit(
                p.seen.clone(),
                Field::CreatedAt,
                stamp(p),
                format!("{:02}:{:02}", dt.hour(), dt.minute()),
                format!(
                    "personal account posted on {:?} at {:02}:{:02} UK time, inside working hours {}",
                    dt.weekday(),
                    dt.hour(),
                    dt.minute(),
                    self.label
                ),
            ));
        }
        out
    }
}

/// `no-disclaimer`: a personal account's bio names the organisation with
/// no "views are my own" style phrase (D6).
pub(super) struct NoDisclaimer {
    pub phrases: Vec<String>,
    /// The organisation's names and handles, lower case, 3+ letters.
    pub names: Vec<String>,
}

impl Check for NoDisclaimer {
    fn applies(&self, info: &AccountInfo) -> bool {
        !info.official
    }

    fn observe(&self, _: &AccountInfo, memory: &mut Memory, record: &Record) {
        remember_field(memory, record, Field::Bio);
    }

    fn finish(&self, _: &AccountInfo, memory: Memory, hit: MakeHit<'_>) -> Vec<AccountHit> {
        let Memory::Snips(snips) = memory else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for s in snips {
            let bio = s.value.to_lowercase();
            let Some(name) = self.names.iter().find(|n| bio.contains(n.as_str())) else {
                continue;
            };
            if self.phrases.iter().any(|p| bio.contains(p.as_str())) {
                continue;
            }
            out.push(hit(
                s.seen,
                Field::Bio,
                s.value,
                name.clone(),
                format!(
                    "personal account bio names the organisation (\"{name}\") with no \"views are my own\" style disclaimer"
                ),
            ));
        }
        out
    }
}

/// `org-email-personal`: a personal account registered with an e-mail on
/// one of the organisation's domains (E4).
pub(super) struct OrgEmail {
    pub org: Org,
}

impl Check for OrgEmail {
    fn applies(&self, info: &AccountInfo) -> bool {
        !info.official
    }

    fn observe(&self, _: &AccountInfo, memory: &mut Memory, record: &Record) {
        remember_field(memory, record, Field::Email);
    }

    fn finish(&self, _: &AccountInfo, memory: Memory, hit: MakeHit<'_>) -> Vec<AccountHit> {
        let Memory::Snips(snips) = memory else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for s in snips {
            let v = s.value.trim();
            let Some((_, domain)) = v.rsplit_once('@') else {
                continue;
            };
            if self.org.owns_domain(domain) {
                out.push(hit(
                    s.seen.clone(),
                    Field::Email,
                    s.value.clone(),
                    v.to_string(),
                    format!(
                        "personal account registered with work e-mail (organisation domain {})",
                        domain.to_ascii_lowercase()
                    ),
                ));
            }
        }
        out
    }
}

fn push_post(memory: &mut Memory, p: Post) {
    match memory {
        Memory::Posts(v) => v.push(p),
        _ => *memory = Memory::Posts(vec![p]),
    }
}

/// Keeps every value of `field` in a profile or account record.
fn remember_field(memory: &mut Memory, record: &Record, field: crate::vocab::Field) {
    if !matches!(record.kind, RecordKind::Profile | RecordKind::Account) {
        return;
    }
    for f in record.fields.iter().filter(|f| f.name == field) {
        let s = Snip {
            // A profile's finding carries no date (docs/OUTPUTS.md).
            seen: Seen {
                created_at: None,
                ..Seen::of(record)
            },
            field: f.name,
            value: f.value.clone(),
        };
        match memory {
            Memory::Snips(v) => v.push(s),
            _ => *memory = Memory::Snips(vec![s]),
        }
    }
}

/// Monday to Friday, `from` <= UK time (minutes) < `to`.
fn in_hours(ts: Timestamp, from: u32, to: u32) -> bool {
    let dt = uk_datetime(ts);
    let m = dt.hour() as u32 * 60 + dt.minute() as u32;
    dt.weekday().to_monday_one_offset() <= 5 && m >= from && m < to
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

//! Which findings the checklist needs, chosen in one pass over the
//! findings stream so the page never holds them all: an item shows at most
//! [`MAX_LINES`] lines, most serious first, so only the first `MAX_LINES`
//! lines of each severity can ever be shown. The rest are counted, and the
//! item says how many more the findings file has.

use super::{Item, MAX_LINES};
use crate::finding::Finding;
use crate::record::RecordKind;
use crate::scan::Findings;
use crate::vocab::{Category, Field, Severity};
use std::collections::BTreeMap;

/// The items whose lines come from findings, and which findings each takes.
pub(super) struct Kind {
    pub key: &'static str,
    lines: Lines,
    pub takes: fn(&Finding) -> bool,
}

/// How an item's findings become lines, and so which are kept.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lines {
    /// A line per finding: the first `MAX_LINES` of each severity.
    PerFinding,
    /// A line per record (a post with three findings is one thing to act
    /// on): the records whose worst finding is among the first
    /// `MAX_LINES` of its severity.
    PerRecord,
    /// Every one. Changes are few (one per change of name or address) and
    /// are shown oldest first, not most serious first.
    All,
}

pub(super) const KINDS: [Kind; 7] = [
    Kind {
        key: "connected-apps",
        lines: Lines::PerFinding,
        takes: |f| f.field == Field::ConnectedApp,
    },
    Kind {
        key: "email-phone",
        lines: Lines::PerFinding,
        takes: |f| {
            f.record_kind == RecordKind::Account && matches!(f.field, Field::Email | Field::Phone)
        },
    },
    Kind {
        key: "changes",
        lines: Lines::All,
        takes: |f| super::changed(f.field).is_some(),
    },
    Kind {
        key: "login-ips",
        lines: Lines::PerFinding,
        takes: |f| f.field == Field::LoginIp,
    },
    Kind {
        key: "messages",
        lines: Lines::PerRecord,
        takes: |f| {
            f.record_kind == RecordKind::Dm
                && matches!(f.category, Category::PatientData | Category::PersonalData)
        },
    },
    Kind {
        key: "live-posts",
        lines: Lines::PerRecord,
        takes: |f| {
            !matches!(
                f.record_kind,
                RecordKind::Account | RecordKind::Dm | RecordKind::DeletedPost
            ) && f.category != Category::Account
        },
    },
    Kind {
        key: "last-post",
        lines: Lines::PerRecord,
        takes: |f| f.rule_id == "account.posting-gap",
    },
];

/// The account a finding's checklist is: platform and handle.
pub(super) type Account = (String, String);

/// The findings one record gave an item, while they arrive, each with its
/// place in the findings stream; never empty.
struct Group {
    worst: Severity,
    members: Vec<(u64, Finding)>,
}

impl Group {
    /// Whether `f` is about the group's record.
    fn holds(&self, f: &Finding) -> bool {
        self.members.first().is_some_and(|(_, g)| {
            (&g.archive, &g.record_id, g.record_kind) == (&f.archive, &f.record_id, f.record_kind)
        })
    }
}

/// One account's item while findings pass.
#[derive(Default)]
struct Tally {
    /// Lines kept so far, per severity (`Severity as usize`).
    kept: [usize; 4],
    /// Lines left out.
    more: u64,
    open: Option<Group>,
}

/// The findings the checklists need, in the findings file's order, and
/// per account and item how many lines were left out.
#[derive(Default)]
pub(super) struct Picked {
    pub findings: Vec<Finding>,
    pub accounts: Vec<Account>,
    more: BTreeMap<(Account, &'static str), u64>,
}

impl Picked {
    pub fn from(all: &Findings) -> std::io::Result<Picked> {
        let mut picked = Picked::default();
        let mut tallies: BTreeMap<(Account, usize), Tally> = BTreeMap::new();
        // Kept findings, each once, by its place in the stream: a group is
        // decided only when its record ends, after later findings of other
        // items may have been kept.
        let mut kept: Vec<(u64, Finding)> = Vec::new();
        for (at, f) in all.iter().enumerate() {
            let f = f?.into_owned();
            let account = (f.platform.to_string(), f.account.clone());
            if !picked.accounts.contains(&account) {
                picked.accounts.push(account.clone());
            }
            let mut keep = false;
            for (i, kind) in KINDS.iter().enumerate() {
                if !(kind.takes)(&f) {
                    continue;
                }
                let t = tallies.entry((account.clone(), i)).or_default();
                match kind.lines {
                    Lines::All => keep = true,
                    Lines::PerFinding => keep |= t.take(f.severity),
                    Lines::PerRecord => {
                        if let Some(g) = t.open.take_if(|g| !g.holds(&f)) {
                            t.close(g, &mut kept);
                        }
                        let g = t.open.get_or_insert_with(|| Group {
                            worst: f.severity,
                            members: Vec::new(),
                        });
                        g.worst = g.worst.max(f.severity);
                        g.members.push((at as u64, f.clone()));
                    }
                }
            }
            if keep {
                kept.push((at as u64, f));
            }
        }
        for ((account, i), mut t) in tallies {
            if let Some(g) = t.open.take() {
                t.close(g, &mut kept);
            }
            if t.more > 0 {
                picked.more.insert((account, KINDS[i].key), t.more);
            }
        }
        // Back in the findings file's order; a finding two items kept is
        // the same finding, once.
        kept.sort_by_key(|(at, _)| *at);
        kept.dedup_by_key(|(at, _)| *at);
        picked.findings = kept.into_iter().map(|(_, f)| f).collect();
        Ok(picked)
    }

    /// Cuts an item to [`MAX_LINES`] and notes how many lines it does not
    /// show.
    pub fn limit(&self, account: &Account, item: &mut Item) {
        let over = item.lines.len().saturating_sub(MAX_LINES) as u64;
        item.lines.truncate(MAX_LINES);
        item.more = over
            + self
                .more
                .get(&(account.clone(), item.key))
                .copied()
                .unwrap_or(0);
    }
}

impl Tally {
    /// Whether a line of this severity can still be shown.
    fn take(&mut self, severity: Severity) -> bool {
        match self.kept.get_mut(severity as usize) {
            Some(n) if *n < MAX_LINES => {
                *n += 1;
                true
            }
            _ => {
                self.more += 1;
                false
            }
        }
    }

    /// A record's group is complete: kept whole if a line of its worst
    /// severity can still be shown.
    fn close(&mut self, g: Group, kept: &mut Vec<(u64, Finding)>) {
        if self.take(g.worst) {
            kept.extend(g.members);
        }
    }
}

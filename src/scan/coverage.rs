//! What happened to each archive entry: the coverage report's rows. The
//! scan makes them; the coverage sink (src/report/) only writes them.

use serde::Serialize;
use std::collections::HashMap;

pub use crate::vocab::Status;

/// One row of the coverage report: what happened to one archive entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CoverageRow {
    pub archive: String,
    pub entry: String,
    pub status: Status,
    pub records: u64,
    pub findings: u64,
    pub bytes: u64,
    pub detail: String,
}

/// The coverage of one recognised archive while it is scanned: per entry
/// (by its index among the archive's entries) a status, a record count and
/// a detail, each distinct detail stored once. Rows that repeat the
/// archive's name and copy every entry's path would cost several times
/// the entry list itself while the archive is read (docs/ARCHITECTURE.md,
/// "Bounded memory"); they are made at the end, from the entry names the
/// archive gives up when it is closed.
pub(super) struct Slots {
    slots: Vec<Slot>,
    details: HashMap<String, u32>,
}

#[derive(Clone, Copy)]
struct Slot {
    status: Status,
    detail: u32,
    records: u64,
}

impl Slots {
    /// `entries` slots, each `parsed` with no detail until told otherwise.
    pub(super) fn new(entries: usize) -> Slots {
        let mut details = HashMap::new();
        details.insert(String::new(), 0);
        Slots {
            slots: vec![
                Slot {
                    status: Status::Parsed,
                    detail: 0,
                    records: 0,
                };
                entries
            ],
            details,
        }
    }

    /// What happened to the entry at `index`.
    pub(super) fn set(&mut self, index: usize, status: Status, records: u64, detail: String) {
        let next = self.details.len() as u32;
        let detail = *self.details.entry(detail).or_insert(next);
        if let Some(slot) = self.slots.get_mut(index) {
            *slot = Slot {
                status,
                detail,
                records,
            };
        }
    }

    /// One row per entry, made as the entry list is given up (in no
    /// particular order: the rows are sorted after).
    pub(super) fn rows(
        self,
        archive: &str,
        entries: crate::archive::EntryList,
        out: &mut Vec<CoverageRow>,
    ) {
        let mut details = vec![""; self.details.len()];
        for (text, &i) in &self.details {
            details[i as usize] = text;
        }
        let slots = self.slots;
        entries.consume(|e| {
            let Some(slot) = slots.get(e.position()) else {
                return;
            };
            out.push(CoverageRow {
                archive: archive.to_string(),
                entry: e.name.to_string(),
                status: slot.status,
                records: slot.records,
                findings: 0,
                bytes: e.size,
                detail: details[slot.detail as usize].to_string(),
            });
        });
    }
}

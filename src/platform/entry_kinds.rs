//! What a reader decided about each entry of an archive, held by the
//! entry's position in the archive's list instead of by a copy of its
//! name: an archive may hold a million entries (docs/ARCHITECTURE.md,
//! "Bounded memory"), and the decisions are few (a handful of kinds and
//! reasons), so each entry costs a 4-byte code into a table of them.

use super::Disposition;
use crate::archive::Entry;
use std::collections::HashMap;
use std::hash::Hash;

/// What a reader decided about each entry when it opened the archive:
/// the kind to read it as, or why it is not read. Keyed by
/// [`Entry::position`], so it holds for the archive it was made from.
#[derive(Debug)]
pub struct EntryKinds<K> {
    /// Per entry position: 0 when never decided, else 1 + the decision's
    /// place in `decided`.
    codes: Vec<u32>,
    /// Each distinct decision once.
    decided: Vec<Result<K, Disposition>>,
    /// A decision's place in `decided`, to share it between entries.
    places: HashMap<Result<K, Disposition>, u32>,
}

impl<K: Clone + Eq + Hash> EntryKinds<K> {
    /// Room for an archive of `entries` entries, none decided.
    pub fn new(entries: usize) -> EntryKinds<K> {
        EntryKinds {
            codes: vec![0; entries],
            decided: Vec::new(),
            places: HashMap::new(),
        }
    }

    /// Records (or replaces) the decision about `entry`.
    pub fn insert(&mut self, entry: &Entry<'_>, decision: Result<K, Disposition>) {
        let code = match self.places.get(&decision) {
            Some(&place) => place.checked_add(1),
            None => {
                let Ok(place) = u32::try_from(self.decided.len()) else {
                    return;
                };
                let Some(code) = place.checked_add(1) else {
                    return;
                };
                self.decided.push(decision.clone());
                self.places.insert(decision, place);
                Some(code)
            }
        };
        let Some(code) = code else {
            return;
        };
        let at = entry.position();
        if at >= self.codes.len() {
            // Not from the list this was made for: grow rather than lose it.
            let Some(len) = at.checked_add(1) else {
                return;
            };
            self.codes.resize(len, 0);
        }
        if let Some(c) = self.codes.get_mut(at) {
            *c = code;
        }
    }
}

impl<K> EntryKinds<K> {
    /// The decision about `entry`, `None` when the reader never saw it.
    pub fn get(&self, entry: &Entry<'_>) -> Option<&Result<K, Disposition>> {
        self.at(entry.position())
    }

    /// The decision about the entry at `position` in the archive's list.
    pub fn at(&self, position: usize) -> Option<&Result<K, Disposition>> {
        let code = *self.codes.get(position)?;
        let place = usize::try_from(code.checked_sub(1)?).ok()?;
        self.decided.get(place)
    }

    /// Decided entries: their positions and decisions, in list order.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &Result<K, Disposition>)> + '_ {
        (0..self.codes.len()).filter_map(|p| self.at(p).map(|d| (p, d)))
    }

    /// The decisions of decided entries, one per entry, in list order.
    pub fn values(&self) -> impl Iterator<Item = &Result<K, Disposition>> + '_ {
        self.iter().map(|(_, d)| d)
    }

    /// How many entries were decided.
    pub fn len(&self) -> usize {
        self.codes.iter().filter(|c| **c != 0).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// An entry's disposition from such a table: `Parse` when it has a kind,
/// its recorded reason otherwise, `Unknown` when the reader never saw it.
pub fn disposition_in<K>(kinds: &EntryKinds<K>, entry: &Entry<'_>) -> Disposition {
    match kinds.get(entry) {
        Some(Ok(_)) => Disposition::Parse,
        Some(Err(d)) => d.clone(),
        None => Disposition::Unknown,
    }
}

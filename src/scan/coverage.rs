//! What happened to each archive entry: the coverage report's rows. The
//! scan records them; the report sinks (src/report/) read them as a
//! sorted stream of borrowed rows, [`Coverage::iter`].
//!
//! A million entries may be covered (docs/ARCHITECTURE.md, "Bounded
//! memory"), so no row is kept per entry: a recognised archive keeps its
//! entry list (the names) and an 8-byte slot per entry, and each row is
//! made when a sink asks for it, borrowing the names.

use crate::archive::{Entry, EntryList, Name};
use serde::Serialize;
use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, HashMap};

/// The rows of one entry: loose rows by index, and archives' rows by
/// archive and place.
type Found = (Vec<usize>, Vec<(usize, usize)>);

pub use crate::vocab::Status;

/// One row of the coverage report: what happened to one archive entry.
/// Rows about the inputs themselves (loose files, what no platform reads,
/// refused entries) are kept as these; see [`Coverage`] for the rest.
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

/// One row of the coverage report as [`Coverage::iter`] gives it, its
/// text borrowed from the scan's entry lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CoverageView<'a> {
    pub archive: &'a str,
    pub entry: Name<'a>,
    pub status: Status,
    pub records: u64,
    pub findings: u64,
    pub bytes: u64,
    pub detail: &'a str,
}

impl CoverageView<'_> {
    /// The row's final order: archive, entry, status, then every other
    /// column, so the order is total and no thread's timing can show in
    /// it (rows that compare equal are the same row).
    fn key(&self) -> (&str, Name<'_>, Status, u64, u64, u64, &str) {
        (
            self.archive,
            self.entry,
            self.status,
            self.bytes,
            self.records,
            self.findings,
            self.detail,
        )
    }

    /// An owned copy.
    pub fn to_row(&self) -> CoverageRow {
        CoverageRow {
            archive: self.archive.to_string(),
            entry: self.entry.to_string(),
            status: self.status,
            records: self.records,
            findings: self.findings,
            bytes: self.bytes,
            detail: self.detail.to_string(),
        }
    }
}

impl<'a> From<&'a CoverageRow> for CoverageView<'a> {
    fn from(r: &'a CoverageRow) -> Self {
        CoverageView {
            archive: &r.archive,
            entry: Name::whole(&r.entry),
            status: r.status,
            records: r.records,
            findings: r.findings,
            bytes: r.bytes,
            detail: &r.detail,
        }
    }
}

/// The coverage of one recognised archive while it is scanned: per entry
/// (by its place in the archive's entry list) a status, a record count and
/// a detail, each distinct detail stored once.
#[derive(Debug)]
pub(super) struct Slots {
    slots: Vec<Slot>,
    details: Details,
    /// Record counts of `u32::MAX` or more, by entry (their slot says
    /// `u32::MAX`): never in practice, but a count is not cut short.
    many: HashMap<u32, u64>,
}

/// 8 bytes: a million of them are held until the report is written. The
/// status is the detail's top two bits.
#[derive(Clone, Copy, Debug)]
struct Slot {
    records: u32,
    tagged: u32,
}

const _: () = assert!(std::mem::size_of::<Slot>() == 8);

/// The detail indexes a slot can hold, below its status bits.
const MAX_DETAILS: u32 = 1 << 30;

impl Slot {
    const PARSED: Slot = Slot {
        records: 0,
        tagged: 0,
    };

    fn new(status: Status, detail: u32, records: u32) -> Slot {
        let bits = match status {
            Status::Parsed => 0,
            Status::Skipped => 1,
            Status::Unknown => 2,
            Status::Failed => 3,
        };
        Slot {
            records,
            tagged: bits << 30 | (detail & (MAX_DETAILS - 1)),
        }
    }

    fn status(self) -> Status {
        match self.tagged >> 30 {
            0 => Status::Parsed,
            1 => Status::Skipped,
            2 => Status::Unknown,
            _ => Status::Failed,
        }
    }

    fn detail(self) -> u32 {
        self.tagged & (MAX_DETAILS - 1)
    }
}

/// Distinct detail texts, each stored once and named by its index; the
/// empty text is index 0.
#[derive(Debug)]
struct Details {
    index: HashMap<String, u32>,
    texts: Vec<String>,
}

impl Details {
    fn new() -> Details {
        let mut d = Details {
            index: HashMap::new(),
            texts: Vec::new(),
        };
        d.intern(String::new());
        d
    }

    /// The index of `text`; 0 (the empty text) once [`MAX_DETAILS`]
    /// distinct texts are held, which a million entries cannot reach.
    fn intern(&mut self, text: String) -> u32 {
        if let Some(&i) = self.index.get(&text) {
            return i;
        }
        let Some(i) = u32::try_from(self.texts.len())
            .ok()
            .filter(|&i| i < MAX_DETAILS)
        else {
            return 0;
        };
        self.texts.push(text.clone());
        self.index.insert(text, i);
        i
    }

    fn get(&self, i: u32) -> &str {
        self.texts.get(i as usize).map_or("", String::as_str)
    }

    /// Only the texts are kept once no detail is added any more.
    fn freeze(&mut self) {
        self.index = HashMap::new();
    }

    /// Adds `text` once the index is given up (a media note): the same
    /// text may then be held twice.
    fn push(&mut self, text: String) -> u32 {
        match u32::try_from(self.texts.len()) {
            Ok(i) if i < MAX_DETAILS => {
                self.texts.push(text);
                i
            }
            _ => 0,
        }
    }
}

impl Slots {
    /// `entries` slots, each `parsed` with no detail until told otherwise.
    pub(super) fn new(entries: usize) -> Slots {
        Slots {
            slots: vec![Slot::PARSED; entries],
            details: Details::new(),
            many: HashMap::new(),
        }
    }

    /// What happened to the entry at `index`.
    pub(super) fn set(&mut self, index: usize, status: Status, records: u64, detail: String) {
        let detail = self.details.intern(detail);
        let Some(slot) = self.slots.get_mut(index) else {
            return;
        };
        let records = match u32::try_from(records) {
            Ok(n) if n < u32::MAX => n,
            _ => {
                if let Ok(at) = u32::try_from(index) {
                    self.many.insert(at, records);
                }
                u32::MAX
            }
        };
        *slot = Slot::new(status, detail, records);
    }

    fn records(&self, index: usize, slot: &Slot) -> u64 {
        if slot.records < u32::MAX {
            return u64::from(slot.records);
        }
        u32::try_from(index)
            .ok()
            .and_then(|at| self.many.get(&at))
            .copied()
            .unwrap_or(u64::from(u32::MAX))
    }
}

/// Every coverage row of a scan, in the coverage file's order when read
/// through [`Coverage::iter`].
#[derive(Default)]
pub struct Coverage {
    /// Rows not made from an entry list, sorted (or, when made by
    /// [`From`], in the order given).
    loose: Vec<CoverageRow>,
    /// Recognised archives, sorted by name.
    archives: Vec<Covered>,
}

/// One recognised archive's rows: its entry list and slots.
struct Covered {
    archive: String,
    entries: EntryList,
    slots: Slots,
    /// Findings per entry, by place in the entry list, sorted.
    findings: Vec<(u32, u64)>,
}

impl Covered {
    fn row<'a>(&'a self, e: Entry<'a>) -> CoverageView<'a> {
        let at = e.position();
        let slot = self.slots.slots.get(at).copied().unwrap_or(Slot::PARSED);
        let findings = u32::try_from(at)
            .ok()
            .and_then(|at| {
                self.findings
                    .binary_search_by_key(&at, |&(p, _)| p)
                    .ok()
                    .and_then(|i| self.findings.get(i))
            })
            .map_or(0, |&(_, n)| n);
        CoverageView {
            archive: &self.archive,
            entry: e.name,
            status: slot.status(),
            records: self.slots.records(at, &slot),
            findings,
            bytes: e.size,
            detail: self.slots.details.get(slot.detail()),
        }
    }
}

impl From<Vec<CoverageRow>> for Coverage {
    /// Rows read in the order given.
    fn from(loose: Vec<CoverageRow>) -> Coverage {
        Coverage {
            loose,
            archives: Vec::new(),
        }
    }
}

impl std::fmt::Debug for Coverage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Coverage {
    /// `loose`: the rows not made from an entry list, in any order.
    pub(super) fn new(loose: Vec<CoverageRow>) -> Coverage {
        Coverage {
            loose,
            archives: Vec::new(),
        }
    }

    /// A recognised archive's rows: one per entry of `entries`, as `slots`
    /// say.
    pub(super) fn add(&mut self, archive: String, entries: EntryList, mut slots: Slots) {
        slots.details.freeze();
        self.archives.push(Covered {
            archive,
            entries,
            slots,
            findings: Vec::new(),
        });
    }

    /// Sorts what [`Coverage::iter`] merges: the loose rows by the final
    /// order, the archives by name (an archive's entries are sorted by
    /// name and each name is listed once, so its rows are in the final
    /// order already).
    pub(super) fn sort(&mut self) {
        self.loose.sort_unstable_by(|a, b| {
            CoverageView::from(a)
                .key()
                .cmp(&CoverageView::from(b).key())
        });
        self.archives.sort_by(|a, b| a.archive.cmp(&b.archive));
    }

    /// The rows of entry `entry` of `archive`: loose rows by index, and
    /// archives' rows by archive and place.
    fn find(&self, archive: &str, entry: &str) -> Found {
        let start = self
            .loose
            .partition_point(|r| (r.archive.as_str(), r.entry.as_str()) < (archive, entry));
        let loose = (start..self.loose.len())
            .take_while(|&i| {
                self.loose
                    .get(i)
                    .is_some_and(|r| r.archive == archive && r.entry == entry)
            })
            .collect();
        let first = self
            .archives
            .partition_point(|c| c.archive.as_str() < archive);
        let covered = (first..self.archives.len())
            .map_while(|a| {
                let c = self.archives.get(a).filter(|c| c.archive == archive)?;
                Some((a, c.entries.position_of(entry)))
            })
            .filter_map(|(a, p)| Some((a, p?)))
            .collect();
        (loose, covered)
    }

    /// Adds a media file's note to its entry's row (the one first in the
    /// final order, should there be two), `failed` making it a failure.
    /// Call after [`Coverage::sort`].
    pub(super) fn note(&mut self, archive: &str, entry: &str, note: String, failed: bool) {
        let (loose, covered) = self.find(archive, entry);
        enum At {
            Loose(usize),
            Covered(usize, usize),
        }
        let mut first: Option<(At, CoverageRow)> = None;
        let rows = loose
            .into_iter()
            .filter_map(|i| Some((At::Loose(i), self.loose.get(i)?.clone())))
            .chain(covered.into_iter().filter_map(|(a, p)| {
                let c = self.archives.get(a)?;
                Some((At::Covered(a, p), c.row(c.entries.get(p)?).to_row()))
            }));
        for (at, row) in rows {
            let earlier = first
                .as_ref()
                .is_none_or(|(_, f)| CoverageView::from(&row).key() < CoverageView::from(f).key());
            if earlier {
                first = Some((at, row));
            }
        }
        let Some((at, row)) = first else { return };
        let detail = if row.detail.is_empty() {
            note
        } else {
            format!("{}; {note}", row.detail)
        };
        let status = if failed { Status::Failed } else { row.status };
        match at {
            At::Loose(i) => {
                if let Some(r) = self.loose.get_mut(i) {
                    r.detail = detail;
                    r.status = status;
                }
            }
            At::Covered(a, p) => {
                if let Some(c) = self.archives.get_mut(a) {
                    let d = c.slots.details.push(detail);
                    if let Some(s) = c.slots.slots.get_mut(p) {
                        *s = Slot::new(status, d, s.records);
                    }
                }
            }
        }
    }

    /// Sets every row's findings count from the findings themselves (rows
    /// of one entry share it), reading them once; what is kept is a count
    /// per entry position, not its name. Sorts again, as a note may have
    /// moved a loose row.
    pub(super) fn count_findings(&mut self, findings: &super::Findings) -> std::io::Result<()> {
        let mut loose: HashMap<usize, u64> = HashMap::new();
        let mut covered: HashMap<(usize, usize), u64> = HashMap::new();
        // Findings of one entry mostly come together: look each name up
        // once per run of them.
        let mut last: Option<(String, String, Found)> = None;
        let mut result = Ok(());
        for f in findings.iter() {
            let f = match f {
                Ok(f) => f,
                Err(e) => {
                    result = Err(e);
                    break;
                }
            };
            let same = last
                .as_ref()
                .is_some_and(|(a, e, _)| *a == f.archive && *e == f.entry);
            if !same {
                let found = self.find(&f.archive, &f.entry);
                last = Some((f.archive.clone(), f.entry.clone(), found));
            }
            if let Some((_, _, (l, c))) = &last {
                for &i in l {
                    *loose.entry(i).or_insert(0) += 1;
                }
                for &at in c {
                    *covered.entry(at).or_insert(0) += 1;
                }
            }
        }
        for (i, n) in loose {
            if let Some(r) = self.loose.get_mut(i) {
                r.findings = n;
            }
        }
        for ((a, p), n) in covered {
            if let (Some(c), Ok(p)) = (self.archives.get_mut(a), u32::try_from(p)) {
                c.findings.push((p, n));
            }
        }
        for c in &mut self.archives {
            c.findings.sort_unstable();
            c.findings.dedup_by_key(|&mut (p, _)| p);
            c.findings.shrink_to_fit();
        }
        self.sort();
        result
    }

    /// How many rows.
    pub fn len(&self) -> usize {
        self.archives
            .iter()
            .map(|c| c.entries.len())
            .fold(self.loose.len(), usize::saturating_add)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every row in the coverage file's order, made as it is read.
    pub fn iter(&self) -> Rows<'_> {
        let mut streams: Vec<Stream<'_>> = Vec::with_capacity(self.archives.len() + 1);
        streams.push(Stream::Loose(self.loose.iter()));
        streams.extend(self.archives.iter().map(|c| Stream::Covered {
            covered: c,
            entries: c.entries.iter(),
        }));
        let mut heads = BinaryHeap::with_capacity(streams.len());
        for (from, s) in streams.iter_mut().enumerate() {
            if let Some(row) = s.next() {
                heads.push(Reverse(Head { row, from }));
            }
        }
        Rows { streams, heads }
    }

    /// Every row, owned: for tests and small outcomes only.
    pub fn rows(&self) -> Vec<CoverageRow> {
        self.iter().map(|r| r.to_row()).collect()
    }
}

impl<'a> IntoIterator for &'a Coverage {
    type Item = CoverageView<'a>;
    type IntoIter = Rows<'a>;

    fn into_iter(self) -> Rows<'a> {
        self.iter()
    }
}

/// The rows of a [`Coverage`] in order: each archive's rows and the loose
/// rows are each sorted already, so they are merged, a row at a time.
pub struct Rows<'a> {
    streams: Vec<Stream<'a>>,
    heads: BinaryHeap<Reverse<Head<'a>>>,
}

enum Stream<'a> {
    Loose(std::slice::Iter<'a, CoverageRow>),
    Covered {
        covered: &'a Covered,
        entries: crate::archive::Iter<'a>,
    },
}

impl<'a> Stream<'a> {
    fn next(&mut self) -> Option<CoverageView<'a>> {
        match self {
            Stream::Loose(rows) => rows.next().map(CoverageView::from),
            Stream::Covered { covered, entries } => entries.next().map(|e| covered.row(e)),
        }
    }
}

/// The next row of one stream.
struct Head<'a> {
    row: CoverageView<'a>,
    from: usize,
}

impl Ord for Head<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.row
            .key()
            .cmp(&other.row.key())
            .then(self.from.cmp(&other.from))
    }
}

impl PartialOrd for Head<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Head<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Head<'_> {}

impl<'a> Iterator for Rows<'a> {
    type Item = CoverageView<'a>;

    fn next(&mut self) -> Option<CoverageView<'a>> {
        let Reverse(Head { row, from }) = self.heads.pop()?;
        if let Some(next) = self.streams.get_mut(from).and_then(Stream::next) {
            self.heads.push(Reverse(Head { row: next, from }));
        }
        Some(row)
    }
}

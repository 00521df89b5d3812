//! The findings of a scan, in their final order, without holding them all
//! in memory.
//!
//! Findings arrive from the worker threads in any order and leave sorted by
//! `Finding::sort_key`. A [`Collector`] takes them as they are made (after
//! `--baseline`, `--ignore` and `--reviewed` have had their say) and keeps
//! them in memory up to a budget; past it, it sorts what it holds and
//! writes it as one run to a private scratch file. [`Findings`] then reads
//! the runs and what stayed in memory back as one sorted stream, merging
//! them, as often as the sinks ask. So a scan's memory does not grow with
//! how much it finds (docs/ARCHITECTURE.md, "Bounded memory"); a scan that
//! finds little never touches the disk.

use crate::finding::{Finding, HEADER};
use crate::scratch::Scratch;
use crate::suppress::{Review, Suppressions, Why};
use std::borrow::Cow;
use std::collections::{BTreeMap, BinaryHeap};
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;

/// Where and when findings go to disk.
#[derive(Clone, Debug)]
pub struct Spill {
    /// The folder of the scratch file; the findings file's own folder, so
    /// personal data stays where the user chose to write it.
    pub dir: PathBuf,
    /// Bytes of findings held in memory before they are written out.
    pub budget: usize,
}

/// The budget a scan run from the command line gets: about 16,000 findings
/// of ordinary size.
pub const DEFAULT_BUDGET: usize = 16 << 20;

/// What one run of the scratch file holds: `count` findings from byte
/// `offset`, `bytes` long.
#[derive(Clone, Copy, Debug)]
struct RunAt {
    offset: u64,
    bytes: u64,
    count: u64,
}

/// The findings' counts that outputs need without reading them all.
#[derive(Clone, Debug, Default)]
pub struct Tallies {
    /// Indexed by `Severity as usize` (low first).
    pub by_severity: [u64; 4],
    /// Per archive (its display name).
    pub by_archive: BTreeMap<String, u64>,
    /// Kept with the review `escalated` or `to-check` from `--reviewed`.
    pub escalated: u64,
    pub to_check: u64,
}

impl Tallies {
    fn add(&mut self, f: &Finding) {
        if let Some(n) = self.by_severity.get_mut(f.severity as usize) {
            *n += 1;
        }
        match f.review.as_str() {
            "escalated" => self.escalated += 1,
            "to-check" => self.to_check += 1,
            _ => {}
        }
        match self.by_archive.get_mut(&f.archive) {
            Some(n) => *n += 1,
            None => {
                self.by_archive.insert(f.archive.clone(), 1);
            }
        }
    }
}

/// What the suppressions left out while collecting.
#[derive(Debug, Default)]
pub(super) struct LeftOut {
    pub in_baseline: u64,
    pub ignored: u64,
    /// The reviews that closed a finding, one per finding met (unsorted).
    pub reviewed: Vec<Review>,
}

/// Takes findings as the scan makes them (see the module's comment).
pub(super) struct Collector<'a> {
    suppress: &'a Suppressions,
    spill: Option<&'a Spill>,
    held: Vec<Finding>,
    held_bytes: usize,
    file: Option<(Scratch, BufWriter<File>)>,
    runs: Vec<RunAt>,
    tallies: Tallies,
    left_out: LeftOut,
    /// Why findings stayed in memory past the budget, if writing failed.
    warning: Option<String>,
}

impl<'a> Collector<'a> {
    pub fn new(suppress: &'a Suppressions, spill: Option<&'a Spill>) -> Collector<'a> {
        Collector {
            suppress,
            spill,
            held: Vec::new(),
            held_bytes: 0,
            file: None,
            runs: Vec::new(),
            tallies: Tallies::default(),
            left_out: LeftOut::default(),
            warning: None,
        }
    }

    pub fn extend(&mut self, findings: impl IntoIterator<Item = Finding>) {
        for f in findings {
            self.push(f);
        }
    }

    pub fn push(&mut self, mut f: Finding) {
        match self.suppress.check(&f.finding_id) {
            None => {
                // Seen again with an open review (`escalated`,
                // `to-check`): the person's review and note travel with it.
                if let Some(r) = self.suppress.review(&f.finding_id) {
                    f.review = r.review.clone();
                    f.review_note = r.note.clone();
                }
            }
            Some(Why::Baseline) => {
                self.left_out.in_baseline += 1;
                return;
            }
            Some(Why::Ignored) => {
                self.left_out.ignored += 1;
                return;
            }
            Some(Why::Reviewed) => {
                if let Some(r) = self.suppress.review(&f.finding_id) {
                    self.left_out.reviewed.push(r.clone());
                }
                return;
            }
        }
        self.tallies.add(&f);
        self.held_bytes += held_size(&f);
        self.held.push(f);
        if let Some(spill) = self.spill
            && self.held_bytes > spill.budget
            && self.warning.is_none()
            && let Err(e) = self.write_run(spill)
        {
            // Kept in memory instead: the scan is still right, only
            // larger. The runs already written stay good.
            self.warning = Some(format!(
                "could not write findings to a scratch file in {} ({e}); they are kept in memory",
                spill.dir.display()
            ));
        }
    }

    /// Sorts what is held and writes it as one run.
    fn write_run(&mut self, spill: &Spill) -> io::Result<()> {
        self.held.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        let (_, out) = match &mut self.file {
            Some(f) => f,
            None => {
                let (scratch, file) = Scratch::in_dir(&spill.dir, "findings")?;
                self.file
                    .insert((scratch, BufWriter::with_capacity(1 << 16, file)))
            }
        };
        let mut buf = Vec::with_capacity(4096);
        let mut bytes = 0u64;
        for f in &self.held {
            buf.clear();
            encode(f, &mut buf)?;
            out.write_all(&buf)?;
            bytes += buf.len() as u64;
        }
        out.flush()?;
        let offset = self.runs.last().map_or(0, |r| r.offset + r.bytes);
        self.runs.push(RunAt {
            offset,
            bytes,
            count: self.held.len() as u64,
        });
        self.held.clear();
        self.held_bytes = 0;
        Ok(())
    }

    pub fn finish(mut self) -> (Findings, LeftOut, Option<String>) {
        self.held.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        // (a run is listed only once it is written, so only with a file)
        let findings = Findings {
            held: self.held,
            runs: self.runs,
            file: self.file.map(|(scratch, _)| scratch),
            tallies: self.tallies,
        };
        (findings, self.left_out, self.warning)
    }
}

/// What a finding costs in memory, near enough: the value and its strings.
fn held_size(f: &Finding) -> usize {
    std::mem::size_of::<Finding>()
        + [
            &f.finding_id,
            &f.rule_id,
            &f.policy_ref,
            &f.account,
            &f.archive,
            &f.entry,
            &f.record_id,
            &f.created_at,
            &f.url,
            &f.matched,
            &f.context,
            &f.detail,
            &f.review,
            &f.review_note,
        ]
        .iter()
        .map(|s| s.capacity())
        .sum::<usize>()
}

/// A scan's findings, sorted (see the module's comment).
#[derive(Default)]
pub struct Findings {
    held: Vec<Finding>,
    runs: Vec<RunAt>,
    file: Option<Scratch>,
    tallies: Tallies,
}

impl std::fmt::Debug for Findings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Findings")
            .field("len", &self.len())
            .field("in_memory", &self.held.len())
            .field("runs_on_disk", &self.runs.len())
            .finish()
    }
}

/// Findings given in their final order, all in memory (tests, and outputs
/// made from findings already sorted).
impl From<Vec<Finding>> for Findings {
    fn from(held: Vec<Finding>) -> Findings {
        let mut tallies = Tallies::default();
        for f in &held {
            tallies.add(f);
        }
        Findings {
            held,
            runs: Vec::new(),
            file: None,
            tallies,
        }
    }
}

impl Findings {
    /// How many: every finding is tallied by its severity.
    pub fn len(&self) -> u64 {
        self.tallies.by_severity.iter().sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn tallies(&self) -> &Tallies {
        &self.tallies
    }

    /// How many runs went to disk (0 when everything fitted in memory).
    pub fn runs_on_disk(&self) -> usize {
        self.runs.len()
    }

    /// Every finding in order. Findings read back from disk are owned,
    /// those held in memory borrowed. A scratch file that cannot be read
    /// back gives one error and ends the stream.
    pub fn iter(&self) -> Iter<'_> {
        let mut it = Iter {
            held: self.held.iter().peekable(),
            heap: BinaryHeap::new(),
            readers: Vec::new(),
            error: None,
            done: false,
        };
        if let Some(scratch) = &self.file
            && let Err(e) = it.open(&scratch.path, &self.runs)
        {
            it.error = Some(e);
        }
        it
    }
}

#[cfg(test)]
impl Findings {
    /// For tests of outputs: the findings as a vector to change in place.
    pub(crate) fn edit(&mut self, change: impl FnOnce(&mut Vec<Finding>)) {
        let mut v: Vec<Finding> = self
            .iter()
            .map(|f| f.expect("findings in memory").into_owned())
            .collect();
        change(&mut v);
        *self = v.into();
    }
}

/// The next finding of one run, ordered for a min-heap.
struct Head {
    f: Finding,
    run: usize,
}

impl PartialEq for Head {
    fn eq(&self, other: &Head) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}

impl Eq for Head {}

impl PartialOrd for Head {
    fn partial_cmp(&self, other: &Head) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Head {
    fn cmp(&self, other: &Head) -> std::cmp::Ordering {
        // Reversed: `BinaryHeap` pops the greatest. Equal keys go by run,
        // so the stream is the same every time it is read.
        (other.f.sort_key(), other.run).cmp(&(self.f.sort_key(), self.run))
    }
}

/// One run being read: its reader and how many findings are left in it.
struct RunReader {
    read: BufReader<io::Take<File>>,
    left: u64,
}

pub struct Iter<'a> {
    held: std::iter::Peekable<std::slice::Iter<'a, Finding>>,
    heap: BinaryHeap<Head>,
    readers: Vec<RunReader>,
    error: Option<io::Error>,
    done: bool,
}

impl Iter<'_> {
    fn open(&mut self, path: &std::path::Path, runs: &[RunAt]) -> io::Result<()> {
        for (i, r) in runs.iter().enumerate() {
            let mut file = File::open(path)?;
            file.seek(SeekFrom::Start(r.offset))?;
            let mut reader = RunReader {
                read: BufReader::with_capacity(1 << 16, file.take(r.bytes)),
                left: r.count,
            };
            if let Some(f) = reader.next()? {
                self.heap.push(Head { f, run: i });
            }
            self.readers.push(reader);
        }
        Ok(())
    }
}

impl RunReader {
    fn next(&mut self) -> io::Result<Option<Finding>> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        decode(&mut self.read).map(Some)
    }
}

impl<'a> Iterator for Iter<'a> {
    type Item = io::Result<Cow<'a, Finding>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        if let Some(e) = self.error.take() {
            self.done = true;
            return Some(Err(e));
        }
        let from_disk = match (self.heap.peek(), self.held.peek()) {
            (None, None) => return None,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (Some(h), Some(m)) => h.f.sort_key() < m.sort_key(),
        };
        if !from_disk {
            return self.held.next().map(|f| Ok(Cow::Borrowed(f)));
        }
        let head = self.heap.pop()?;
        match self.readers.get_mut(head.run).map(RunReader::next) {
            Some(Ok(Some(f))) => self.heap.push(Head { f, run: head.run }),
            Some(Ok(None)) | None => {}
            Some(Err(e)) => self.error = Some(e),
        }
        Some(Ok(Cow::Owned(head.f)))
    }
}

// The scratch file's record: every column of `Finding::cells` (`HEADER`'s
// order) as a length-prefixed string, then the match's byte offset. Only
// this build of the tool reads it back, within the same run.

fn put(out: &mut Vec<u8>, s: &str) -> io::Result<()> {
    let n = u32::try_from(s.len()).map_err(|_| io::Error::other("a finding's cell over 4 GiB"))?;
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(s.as_bytes());
    Ok(())
}

fn encode(f: &Finding, out: &mut Vec<u8>) -> io::Result<()> {
    for cell in f.cells() {
        put(out, cell)?;
    }
    out.extend_from_slice(&(f.offset as u64).to_le_bytes());
    Ok(())
}

fn get(r: &mut impl Read) -> io::Result<String> {
    let mut n = [0u8; 4];
    r.read_exact(&mut n)?;
    let n = u32::from_le_bytes(n) as u64;
    let mut s = Vec::new();
    // `take` bounds what a damaged length can ask for by what is there.
    r.take(n).read_to_end(&mut s)?;
    if s.len() as u64 != n {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    String::from_utf8(s).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

fn name<T: std::str::FromStr>(s: &str) -> io::Result<T> {
    s.parse()
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, format!("unknown name {s:?}")))
}

fn decode(r: &mut impl Read) -> io::Result<Finding> {
    let mut cells: [String; HEADER.len()] = Default::default();
    for c in &mut cells {
        *c = get(r)?;
    }
    let [
        finding_id,
        severity,
        rule_id,
        category,
        policy_ref,
        platform,
        account,
        archive,
        entry,
        record_kind,
        record_id,
        created_at,
        url,
        field,
        matched,
        context,
        detail,
        confidence,
        _severity_rank,
        review,
        review_note,
    ] = cells;
    let mut at = [0u8; 8];
    r.read_exact(&mut at)?;
    Ok(Finding {
        finding_id,
        severity: name(&severity)?,
        rule_id,
        category: name(&category)?,
        policy_ref,
        platform: name(&platform)?,
        account,
        archive,
        entry,
        record_kind: name(&record_kind)?,
        record_id,
        created_at,
        url,
        field: name(&field)?,
        matched,
        context,
        detail,
        confidence: name(&confidence)?,
        review,
        review_note,
        offset: usize::try_from(u64::from_le_bytes(at))
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?,
    })
}

#[cfg(test)]
mod tests;

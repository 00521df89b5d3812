//! The parallel pipeline: discover archives, open them, read every entry
//! (in parallel, largest first), evaluate records in bounded batches, and
//! return findings and coverage in their final, thread-count-independent
//! order.

mod coverage;
pub mod discover;
mod evaluate;
pub mod excerpt;
mod findings;
mod media;
mod recognise;

use crate::archive::{Archive, Entry, Limits};
use crate::finding::Finding;
use crate::org::Org;
use crate::platform::{self, Disposition, Reader, Unit};
use crate::record::Platform;
use crate::record::Record;
use crate::rules::Pack;
use crate::rules::{AccountHit, AccountInfo, AccountState};
use crate::suppress::Suppressions;
use crate::vocab::Severity;
use coverage::Slots;
pub use coverage::{Coverage, CoverageRow, CoverageView, Rows, Status};
use evaluate::{Evaluator, Tally};
pub use evaluate::{Pass, RecordRow, RowOrder};
use indicatif::{MultiProgress, ProgressBar, ProgressStyle};
use jiff::Timestamp;
use rayon::prelude::*;
pub use recognise::{Recognised, recognise};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

pub use discover::Candidate;
pub use findings::{DEFAULT_BUDGET, Findings, Iter as FindingsIter, Spill, Tallies};
pub use media::OcrSummary;

#[derive(Clone, Debug)]
pub struct Options {
    pub since: Option<Timestamp>,
    pub until: Option<Timestamp>,
    pub min_severity: Severity,
    pub redact: bool,
    pub progress: bool,
    pub limits: Limits,
    /// Findings to leave out (`--baseline`, `--ignore`).
    pub suppress: Suppressions,
    /// Scan only shard `.0` (0-based) of `.1`.
    pub shard: Option<(usize, usize)>,
    /// The organisation profile, for per-account settings (Welsh, official).
    pub org: Org,
    /// Per rule: false when left out by `--disable`/`--enable`; empty: all on.
    pub enabled: Vec<bool>,
    /// Only archives of these platforms (`--platform`); empty: all.
    pub platforms: Vec<Platform>,
    /// Only archives of these accounts (`--account`, any case); empty: all.
    pub accounts: Vec<String>,
    /// Read the text in images (`--ocr`) with this engine.
    pub ocr: Option<crate::media::ocr::Ocr>,
    /// How to read what exports leave unsaid (`--timezone`, `--date-order`).
    pub reading: platform::ReadOptions,
    /// Where findings past a memory budget are written while the scan
    /// runs; `None` keeps them all in memory.
    pub spill: Option<Spill>,
}

/// Where [`scan_with`] hands every record the rules saw while it reads
/// (the SQLite case file's `records` table), a batch at a time from the
/// worker threads, in any order: each row's [`RowOrder`] says where it
/// stands. `take` may block to hold the readers back (a bounded buffer),
/// so memory does not grow with the archive.
pub trait RecordSink: Sync {
    fn take(&self, rows: Vec<RecordRow>);
}

impl Default for Options {
    fn default() -> Self {
        Options {
            since: None,
            until: None,
            min_severity: Severity::Low,
            redact: false,
            progress: false,
            limits: Limits::default(),
            suppress: Suppressions::default(),
            shard: None,
            org: Org::default(),
            enabled: Vec::new(),
            platforms: Vec::new(),
            accounts: Vec::new(),
            ocr: None,
            reading: platform::ReadOptions::default(),
            spill: None,
        }
    }
}

/// One recognised archive after the scan.
#[derive(Clone, Debug)]
pub struct ArchiveSummary {
    pub input: usize,
    pub archive: String,
    pub platform: Platform,
    pub account: String,
    pub layout: String,
    pub records: BTreeMap<String, u64>,
    /// The same counts split by platform, when the archive's records carry
    /// more than one (an Instagram export with Threads posts); else empty.
    pub records_by_platform: BTreeMap<Platform, BTreeMap<String, u64>>,
    /// The newest published post (post, reply or repost; not a deleted
    /// one) among every record read, whatever `--since`/`--until` keep: the
    /// handover checklist says how long the account has been quiet.
    pub last_post: Option<jiff::Timestamp>,
}

#[derive(Debug, Default)]
pub struct Outcome {
    /// In their final order (`Finding::sort_key`).
    pub findings: Findings,
    pub coverage: Coverage,
    pub archives: Vec<ArchiveSummary>,
    pub below_min_severity: u64,
    /// Left out because the baseline lists them.
    pub in_baseline: u64,
    /// Left out because the ignore file lists them.
    pub ignored: u64,
    /// Left out because a `--reviewed` file closed them (`false-positive`,
    /// `accepted`): one entry per finding_id, sorted, for the manifest.
    pub reviewed: Vec<crate::suppress::Review>,
    /// Warnings worth a line on stderr (archive-level, and content files
    /// that gave no records).
    pub warnings: Vec<String>,
    /// What `--ocr` did; `None` without it.
    pub ocr: Option<OcrSummary>,
    /// Records whose date was written but could not be read.
    pub undated: u64,
    /// Parsed content files that gave no records (a warning in coverage).
    pub no_records: u64,
    /// Entries the reader knows but cannot read by design (encrypted);
    /// their coverage rows are `failed`.
    pub unreadable: u64,
}

/// What `--reviewed` files decided in a run: findings left out as closed
/// (the manifest's `reviewed` list, by its `review`) and findings kept
/// with an open review, for the stderr summary, the HTML summary and the
/// workbook's Summary sheet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ReviewCounts {
    /// Left out: marked `false-positive`.
    pub false_positive: u64,
    /// Left out: marked `accepted`.
    pub accepted: u64,
    /// Kept, with the review `escalated`.
    pub escalated: u64,
    /// Kept, with the review `to-check`.
    pub to_check: u64,
}

impl ReviewCounts {
    /// Findings left out as reviewed.
    pub fn left_out(&self) -> u64 {
        self.false_positive + self.accepted
    }

    /// Findings written that carry a review.
    pub fn kept(&self) -> u64 {
        self.escalated + self.to_check
    }
}

impl Outcome {
    /// How many findings were left out as reviewed and how many kept a
    /// review (see [`ReviewCounts`]).
    pub fn review_counts(&self) -> ReviewCounts {
        let kept = &self.findings.tallies();
        let mut c = ReviewCounts {
            escalated: kept.escalated,
            to_check: kept.to_check,
            ..ReviewCounts::default()
        };
        for r in &self.reviewed {
            match r.review.as_str() {
                "false-positive" => c.false_positive += 1,
                "accepted" => c.accepted += 1,
                _ => {}
            }
        }
        c
    }

    pub fn failed_entries(&self) -> usize {
        self.coverage
            .iter()
            .filter(|r| r.status == Status::Failed)
            .count()
    }
}

struct Opened {
    candidate: Candidate,
    archive: Archive,
    unit: Box<dyn Unit>,
    /// Records read, by platform and kind.
    records: Mutex<Counts>,
    /// See [`ArchiveSummary::last_post`].
    last_post: Mutex<Option<jiff::Timestamp>>,
    /// What the account-level rules have seen of this archive so far, one
    /// state per platform its records carry: an Instagram export's
    /// Threads posts are another account's history.
    account: Mutex<Accounts>,
    /// Media files its records list, for the media pass.
    media: media::Refs,
    /// What happened to each entry, until the coverage rows are made.
    slots: Mutex<Slots>,
    bar: Option<ProgressBar>,
}

type Counts = BTreeMap<(Platform, &'static str), u64>;
type Accounts = BTreeMap<Platform, AccountState>;

impl Opened {
    /// The account state of `platform`, made on first use.
    fn account_state<'s>(
        &self,
        states: &'s mut Accounts,
        platform: Platform,
        pack: &Pack,
        org: &Org,
    ) -> &'s mut AccountState {
        states
            .entry(platform)
            .or_insert_with(|| pack.account_state(platform, self.unit.account(), org))
    }

    fn merge_account_states(&self, pack: &Pack, from: Accounts) {
        let mut slot = self.account.lock().unwrap_or_else(|e| e.into_inner());
        for (platform, state) in from {
            match slot.get_mut(&platform) {
                Some(into) => pack.merge(into, state),
                None => {
                    slot.insert(platform, state);
                }
            }
        }
    }
}

/// Whether `--platform` asks for records of this platform.
fn wanted(opts: &Options, platform: Platform) -> bool {
    opts.platforms.is_empty() || opts.platforms.contains(&platform)
}

/// Records handed to another thread at a time.
const BATCH: usize = 256;

pub fn scan(inputs: &[PathBuf], pack: &Pack, opts: &Options) -> Outcome {
    scan_with(inputs, pack, opts, None)
}

/// As [`scan`], also handing every record the rules see to `records`.
pub fn scan_with(
    inputs: &[PathBuf],
    pack: &Pack,
    opts: &Options,
    records: Option<&dyn RecordSink>,
) -> Outcome {
    let platforms = platform::all_with(&opts.reading);
    let (mut candidates, mut coverage) = discover::discover(inputs, &platforms);
    if let Some((index, count)) = opts.shard {
        candidates.retain(|c| shard_of(&c.display, count) == index);
        // Rows about the inputs themselves (loose files, unreadable
        // inputs) belong to the first shard, so a merge counts them once.
        if index != 0 {
            coverage.clear();
        }
    }

    // Open every candidate; what no platform recognises is listed, not dropped.
    let opened: Vec<Result<Opened, Vec<CoverageRow>>> = candidates
        .into_par_iter()
        .map(|c| open(c, &platforms, &opts.limits))
        .collect();
    let mut units = Vec::new();
    for o in opened {
        match o {
            Ok(u) => match left_out(&u, opts) {
                None => units.push(u),
                Some(why) => coverage.push(row(&u.candidate.display, "", Status::Skipped, 0, why)),
            },
            Err(rows) => coverage.extend(rows),
        }
    }

    let progress = opts.progress.then(MultiProgress::new);
    let mut unreadable = 0;
    // An entry to read is named by its archive's and its own index, not
    // copied: an archive may hold a million entries (docs/ARCHITECTURE.md,
    // "Bounded memory"). Only large entries are listed, to be read largest
    // first; the rest are one bit each, read in list order after them.
    let mut tasks: Vec<(u32, u32)> = Vec::new();
    let mut small: Vec<Bits> = Vec::with_capacity(units.len());
    for (i, u) in units.iter_mut().enumerate() {
        for r in u.archive.refused() {
            coverage.push(row(
                &u.candidate.display,
                &r.name,
                Status::Failed,
                r.bytes,
                r.reason.clone(),
            ));
        }
        let mut parse_bytes = 0;
        let mut slots = Slots::new(u.archive.entries().len());
        let mut bits = Bits::new(u.archive.entries().len());
        let unknown = format!("not a file the {} reader knows", u.unit.platform());
        for (j, e) in u.archive.entries().iter().enumerate() {
            match u.unit.disposition(&e) {
                // Both indexes fit: the archive lists fewer than
                // `u32::MAX` entries, and the inputs are far fewer.
                Disposition::Parse => match (u32::try_from(i), u32::try_from(j)) {
                    (Ok(i), Ok(j)) => {
                        parse_bytes += e.size;
                        if e.size >= LARGE {
                            tasks.push((i, j));
                        } else {
                            bits.set(j as usize);
                        }
                    }
                    _ => continue,
                },
                Disposition::Skipped(why) => slots.set(j, Status::Skipped, 0, why),
                Disposition::Unknown => slots.set(j, Status::Unknown, 0, unknown.clone()),
                Disposition::Unreadable(why) => {
                    unreadable += 1;
                    slots.set(j, Status::Failed, 0, why);
                }
            }
        }
        u.slots = Mutex::new(slots);
        small.push(bits);
        if let Some(mp) = &progress {
            let bar = mp.add(ProgressBar::new(parse_bytes));
            bar.set_style(
                ProgressStyle::with_template(
                    "{prefix:30!} {bar:30} {bytes}/{total_bytes} {binary_bytes_per_sec} {eta}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar.set_prefix(u.candidate.display.clone());
            // The bar moves as bytes are read, not a whole entry at a
            // time; a reader that reads an entry twice cannot push it past
            // the total.
            let moved = bar.clone();
            u.archive.count_reads(std::sync::Arc::new(move |n| {
                // the media pass reads again after the bar is cleared
                if moved.is_finished() {
                    return;
                }
                let room = moved.length().unwrap_or(0).saturating_sub(moved.position());
                moved.inc(n.min(room));
            }));
            u.bar = Some(bar);
        }
    }
    // Largest first, so one big tweets file does not start last.
    let entry = |&(i, j): &(u32, u32)| {
        units
            .get(i as usize)
            .and_then(|u| u.archive.entries().get(j as usize))
    };
    tasks.sort_by(|a, b| {
        let key = |t| entry(t).map(|e| (std::cmp::Reverse(e.size), t.0, e.name));
        key(a).cmp(&key(b))
    });

    // Findings are handed on a batch at a time, and each entry's other
    // results as soon as it is read: the order does not matter, since the
    // collector sorts (scan::findings).
    let gathered = Mutex::new(Gathered {
        findings: findings::Collector::new(&opts.suppress, opts.spill.as_ref()),
        below: 0,
        undated: 0,
        no_records: Vec::new(),
    });
    let inflight = InFlight {
        now: AtomicUsize::new(0),
        max: rayon::current_num_threads() * 2,
    };
    let small_tasks = small.par_iter().enumerate().flat_map(|(i, bits)| {
        let i = u32::try_from(i).ok();
        bits.ones()
            .filter_map(move |j| Some((i?, u32::try_from(j).ok()?)))
    });
    tasks
        .par_iter()
        .copied()
        .chain(small_tasks)
        .for_each(|task| {
            let (Some(u), Some(e)) = (units.get(task.0 as usize), entry(&task)) else {
                return;
            };
            let ev = evaluator(pack, opts, &u.candidate.display);
            let mut r = read_entry(u, &e, &ev, opts, records, &gathered, &inflight);
            let detail = std::mem::take(&mut r.detail);
            u.slots.lock().unwrap_or_else(|e| e.into_inner()).set(
                task.1 as usize,
                r.status,
                r.records_read,
                detail,
            );
            gathered.lock().unwrap_or_else(|e| e.into_inner()).add(r);
        });
    drop(tasks);
    drop(small);
    let Gathered {
        mut findings,
        mut below,
        undated,
        mut no_records,
    } = gathered.into_inner().unwrap_or_else(|e| e.into_inner());

    let mut warnings = Vec::new();
    let mut archives = Vec::new();
    for u in &units {
        let ev = evaluator(pack, opts, &u.candidate.display);
        let mut tally = Tally::default();
        let mut extra = Vec::new();
        let mut counts: Counts = BTreeMap::new();
        let mut latest = None;
        let mut accounts = Accounts::new();
        let mut rows = Vec::new();
        let mut seq = 0;
        let notes = u.unit.finish(&mut |mut rec: Record| {
            *counts.entry((rec.platform, rec.kind.as_str())).or_insert(0) += 1;
            latest = latest.max(last_post_time(&rec));
            // `--platform` leaves records out like the date range does
            let in_range = ev.in_range(&rec) && wanted(opts, rec.platform);
            u.media.note(
                &u.archive,
                u.unit.account(),
                &rec,
                in_range,
                opts.ocr.is_some(),
            );
            if in_range {
                normalise(&mut rec, u);
                let state = u.account_state(&mut accounts, rec.platform, pack, &opts.org);
                pack.observe(state, &rec);
                match records {
                    Some(sink) => {
                        let order = RowOrder {
                            source: String::new(),
                            pass: Pass::Finish,
                            seq,
                        };
                        seq += 1;
                        ev.evaluate_keep(&rec, order, &mut extra, &mut tally, &mut rows);
                        if rows.len() == BATCH {
                            sink.take(std::mem::take(&mut rows));
                        }
                    }
                    None => ev.evaluate(&rec, &mut extra, &mut tally),
                }
            }
        });
        if let (Some(sink), false) = (records, rows.is_empty()) {
            sink.take(rows);
        }
        u.merge_account_states(pack, accounts);
        let states = std::mem::take(&mut *u.account.lock().unwrap_or_else(|e| e.into_inner()));
        for (_, state) in states {
            let info = state.info().clone();
            account_findings(
                &ev,
                &info,
                pack.finish_account(state),
                &mut extra,
                &mut tally,
            );
        }
        let read: u64 = u
            .records
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .values()
            .sum::<u64>()
            + counts.values().sum::<u64>();
        if read == 0 {
            warnings.push(format!(
                "{}: recognised as a {} archive, but no records were read from it (see coverage)",
                u.candidate.display,
                u.unit.platform()
            ));
        }
        findings.extend(extra);
        below += tally.below_min_severity;
        for n in notes {
            warnings.push(format!("{}: {n}", u.candidate.display));
        }
        if let Some(bar) = &u.bar {
            bar.finish_and_clear();
        }
        let mut all = u.records.lock().unwrap_or_else(|e| e.into_inner()).clone();
        for (k, v) in counts {
            *all.entry(k).or_insert(0) += v;
        }
        let mut records: BTreeMap<String, u64> = BTreeMap::new();
        let mut records_by_platform: BTreeMap<Platform, BTreeMap<String, u64>> = BTreeMap::new();
        for ((platform, kind), v) in all {
            *records.entry(kind.to_string()).or_insert(0) += v;
            *records_by_platform
                .entry(platform)
                .or_default()
                .entry(kind.to_string())
                .or_insert(0) += v;
        }
        if records_by_platform.keys().all(|p| *p == u.unit.platform()) {
            records_by_platform.clear();
        }
        let last_post = latest.max(*u.last_post.lock().unwrap_or_else(|e| e.into_inner()));
        archives.push(ArchiveSummary {
            input: u.candidate.input,
            archive: u.candidate.display.clone(),
            platform: u.unit.platform(),
            account: u.unit.account().to_string(),
            layout: u.unit.layout(),
            records,
            records_by_platform,
            last_post,
        });
    }

    // The media pass: videos' places and, under --ocr, images' text. Its
    // notes join the entry's own coverage row, so each entry keeps one row.
    let (media_done, ocr) = media::pass(&units, pack, opts, records, progress.as_ref());
    // Every recognised archive's rows stay its entry list and slots; the
    // sinks read them as one sorted stream (docs/ARCHITECTURE.md, "Bounded
    // memory"). The zips are closed here: only the names are needed now.
    let mut coverage = Coverage::new(coverage);
    for u in units {
        let Opened {
            candidate,
            archive,
            unit,
            slots,
            ..
        } = u;
        drop(unit);
        let slots = slots.into_inner().unwrap_or_else(|e| e.into_inner());
        coverage.add(candidate.display, archive.into_entries(), slots);
    }
    coverage.sort();
    for d in media_done {
        findings.extend(d.findings);
        below += d.below_min_severity;
        if let Some(note) = d.note {
            coverage.note(&d.archive, &d.entry, note, d.failed);
        }
    }

    // A content file that gave nothing is said on stderr too, not only in
    // coverage: a few lines, then a count, so a large archive cannot flood it.
    no_records.sort();
    for (archive, entry) in no_records.iter().take(MAX_ENTRY_WARNINGS) {
        warnings.push(format!(
            "{archive}: {entry}: no records were read from this content file (see coverage)"
        ));
    }
    if no_records.len() > MAX_ENTRY_WARNINGS {
        warnings.push(format!(
            "… and {} more content files gave no records (see coverage)",
            no_records.len() - MAX_ENTRY_WARNINGS
        ));
    }

    let (findings, left_out, spill_warning) = findings.finish();
    warnings.extend(spill_warning);
    // One entry per finding_id, in a fixed order, for the manifest.
    let mut reviewed = left_out.reviewed;
    reviewed.sort_by(|a, b| a.finding_id.cmp(&b.finding_id));
    reviewed.dedup_by(|a, b| a.finding_id == b.finding_id);
    // A note may have made a loose row `failed`, which moves it among its
    // entry's rows: sorted again there.
    if let Err(e) = coverage.count_findings(&findings) {
        warnings.push(format!(
            "the findings written to a scratch file could not be read back to count them per entry: {e}"
        ));
    }
    archives.sort_by(|a, b| a.archive.cmp(&b.archive));
    Outcome {
        findings,
        coverage,
        archives,
        below_min_severity: below,
        in_baseline: left_out.in_baseline,
        ignored: left_out.ignored,
        reviewed,
        warnings,
        ocr,
        undated,
        no_records: no_records.len() as u64,
        unreadable,
    }
}

/// Entries of this size or more are read largest first; the many small
/// ones (a million media files) are not listed, only marked.
const LARGE: u64 = 1 << 20;

/// One bit per entry of an archive: those to read that are not listed.
struct Bits(Vec<u64>);

impl Bits {
    fn new(entries: usize) -> Bits {
        Bits(vec![0; entries.div_ceil(64)])
    }

    fn set(&mut self, at: usize) {
        if let Some(w) = self.0.get_mut(at / 64) {
            *w |= 1 << (at % 64);
        }
    }

    /// The entries marked, as a range to split over threads.
    fn ones(&self) -> impl ParallelIterator<Item = usize> + '_ {
        (0..self.0.len().saturating_mul(64))
            .into_par_iter()
            .filter(|&at| self.0.get(at / 64).is_some_and(|w| w >> (at % 64) & 1 == 1))
    }
}

/// Lines on stderr naming content files that gave no records; the rest
/// are counted in one more line.
const MAX_ENTRY_WARNINGS: usize = 10;

/// What reading one entry gave.
struct EntryResult {
    /// Its coverage row's status, records and detail.
    status: Status,
    records_read: u64,
    detail: String,
    below: u64,
    undated: u64,
    /// The archive and entry, when it is a content file that gave no
    /// records (and was not expected to).
    no_records: Option<(String, String)>,
}

/// What every entry's reading gave, added up as entries finish.
struct Gathered<'a> {
    findings: findings::Collector<'a>,
    below: u64,
    undated: u64,
    no_records: Vec<(String, String)>,
}

impl Gathered<'_> {
    fn add(&mut self, r: EntryResult) {
        if let Some(entry) = r.no_records {
            self.no_records.push(entry);
        }
        self.below += r.below;
        self.undated += r.undated;
    }
}

/// Which of `count` shards an archive belongs to: a hash of its `archive`
/// name, which is the same on every machine given the same inputs.
pub fn shard_of(archive: &str, count: usize) -> usize {
    use sha2::{Digest, Sha256};
    let h = Sha256::digest(archive.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&h[..8]);
    (u64::from_be_bytes(first) % count.max(1) as u64) as usize
}

fn evaluator<'a>(pack: &'a Pack, opts: &'a Options, archive: &'a str) -> Evaluator<'a> {
    Evaluator {
        pack,
        archive,
        since: opts.since,
        until: opts.until,
        min_severity: opts.min_severity,
        redact: opts.redact,
        enabled: &opts.enabled,
    }
}

/// A published, not deleted, post's time (what [`ArchiveSummary::last_post`]
/// keeps the newest of).
fn last_post_time(rec: &Record) -> Option<jiff::Timestamp> {
    (rec.kind.is_published() && rec.kind != crate::record::RecordKind::DeletedPost)
        .then_some(rec.created_at)
        .flatten()
}

fn open(
    c: Candidate,
    platforms: &[Box<dyn Reader>],
    limits: &Limits,
) -> Result<Opened, Vec<CoverageRow>> {
    let Recognised {
        candidate,
        archive,
        unit,
    } = recognise(c, platforms, limits)?;
    Ok(Opened {
        candidate,
        archive,
        unit,
        records: Mutex::new(BTreeMap::new()),
        last_post: Mutex::new(None),
        account: Mutex::new(BTreeMap::new()),
        media: media::Refs::default(),
        slots: Mutex::new(Slots::new(0)),
        bar: None,
    })
}

/// Batches of records being evaluated on other threads, and how many may
/// be at once.
struct InFlight {
    now: AtomicUsize,
    max: usize,
}

/// Reads one entry; records are evaluated in batches on other threads when
/// they are free (bounded, so memory does not grow with the file), else here.
/// Each batch's findings go to the collector as soon as it is evaluated,
/// not when the entry ends: one data file may hold a whole account.
fn read_entry(
    u: &Opened,
    entry: &Entry<'_>,
    ev: &Evaluator<'_>,
    opts: &Options,
    records: Option<&dyn RecordSink>,
    gathered: &Mutex<Gathered<'_>>,
    inflight: &InFlight,
) -> EntryResult {
    let below = AtomicUsize::new(0);
    // `first`: the batch's first record's place in the entry, counted as
    // the reader emits them, so rows are ordered whichever thread runs it.
    let run = |batch: Vec<Record>, first: u64| {
        let mut out = Vec::new();
        let mut rows = Vec::new();
        let mut tally = Tally::default();
        for (i, rec) in batch.iter().enumerate() {
            match records {
                Some(_) => {
                    let order = RowOrder {
                        source: entry.name.to_string(),
                        pass: Pass::Read,
                        seq: first + i as u64,
                    };
                    ev.evaluate_keep(rec, order, &mut out, &mut tally, &mut rows);
                }
                None => ev.evaluate(rec, &mut out, &mut tally),
            }
        }
        below.fetch_add(tally.below_min_severity as usize, Ordering::Relaxed);
        if !out.is_empty() {
            let mut g = gathered.lock().unwrap_or_else(|e| e.into_inner());
            g.findings.extend(out);
        }
        if let (Some(sink), false) = (records, rows.is_empty()) {
            sink.take(rows);
        }
    };
    let mut counts: Counts = BTreeMap::new();
    let mut latest = None;
    let mut accounts = Accounts::new();
    let outcome = rayon::scope(|s| {
        let mut batch = Vec::with_capacity(BATCH);
        let mut first = 0u64;
        let outcome = u.unit.read(&u.archive, entry, &mut |mut rec: Record| {
            *counts.entry((rec.platform, rec.kind.as_str())).or_insert(0) += 1;
            latest = latest.max(last_post_time(&rec));
            if rec.entry.is_empty() {
                rec.entry = entry.name.to_string();
            }
            // Like the date range, `--platform` leaves records out of the
            // rules (and the media pass) but not out of the counts.
            let in_range = ev.in_range(&rec) && wanted(opts, rec.platform);
            u.media.note(
                &u.archive,
                u.unit.account(),
                &rec,
                in_range,
                opts.ocr.is_some(),
            );
            if !in_range {
                return;
            }
            normalise(&mut rec, u);
            let state = u.account_state(&mut accounts, rec.platform, ev.pack, &opts.org);
            ev.pack.observe(state, &rec);
            batch.push(rec);
            if batch.len() == BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                let at = first;
                first += BATCH as u64;
                if inflight.now.fetch_add(1, Ordering::AcqRel) < inflight.max {
                    let run = &run;
                    s.spawn(move |_| {
                        run(full, at);
                        inflight.now.fetch_sub(1, Ordering::AcqRel);
                    });
                } else {
                    inflight.now.fetch_sub(1, Ordering::AcqRel);
                    run(full, at);
                }
            }
        });
        run(std::mem::take(&mut batch), first);
        outcome
    });
    u.merge_account_states(ev.pack, accounts);
    {
        let mut total = u.records.lock().unwrap_or_else(|e| e.into_inner());
        for (k, v) in counts {
            *total.entry(k).or_insert(0) += v;
        }
        let mut last = u.last_post.lock().unwrap_or_else(|e| e.into_inner());
        *last = (*last).max(latest);
    }
    let mut warnings = outcome.warnings;
    // Nothing from a file that has content is a gap an investigator must
    // see: a warning here and on stderr, never a silent `parsed`.
    let no_records = outcome.error.is_none()
        && outcome.records == 0
        && !outcome.no_records_expected
        && entry.size > 0;
    if no_records {
        warnings.insert(0, NO_RECORDS.to_string());
    }
    let mut detail = warnings.join("; ");
    if outcome.more_warnings > 0 {
        detail.push_str(&format!("; and {} more warnings", outcome.more_warnings));
    }
    let status = match &outcome.error {
        Some(err) => {
            detail = if detail.is_empty() {
                err.clone()
            } else {
                format!("{err}; {detail}")
            };
            Status::Failed
        }
        None => Status::Parsed,
    };
    EntryResult {
        status,
        records_read: outcome.records,
        detail,
        below: below.into_inner() as u64,
        undated: outcome.undated,
        no_records: no_records.then(|| (u.candidate.display.clone(), entry.name.to_string())),
    }
}

/// The coverage warning of a content file that gave no records.
const NO_RECORDS: &str = "warning: no records were read from this content file";

/// Findings of the account-level rules (posting gaps, Welsh counterparts,
/// personal-account checks), evaluated like any other hits, one record's
/// hits at a time.
fn account_findings(
    ev: &Evaluator<'_>,
    info: &AccountInfo,
    hits: Vec<AccountHit>,
    out: &mut Vec<Finding>,
    tally: &mut Tally,
) {
    let mut hits = hits.into_iter().peekable();
    while let Some(first) = hits.next() {
        let mut rec = first.on.record(info, first.hit.field, &first.value);
        let mut same = vec![first.hit];
        while let Some(next) = hits.peek() {
            let n = &next.on;
            if (n.kind, &n.id, &n.entry) != (rec.kind, &rec.id, &rec.entry) {
                break;
            }
            let Some(h) = hits.next() else { break };
            // Two checks may report one post on different fields (a gap
            // on its date, a missing counterpart on its text): keep both
            // texts so each finding shows its own context.
            if rec.field(h.hit.field).is_none() {
                rec.push_field(h.hit.field, h.value);
            }
            same.push(h.hit);
        }
        // Account-level findings are never filtered by date: the rules
        // saw only in-range records, and what they report is the account's.
        ev.findings(&rec, &same, out, tally);
    }
}

/// Why `--platform` or `--account` leaves an archive out, if they do.
fn left_out(u: &Opened, opts: &Options) -> Option<String> {
    let platform = u.unit.platform();
    if !u.unit.platforms().into_iter().any(|p| wanted(opts, p)) {
        let wanted: Vec<&str> = opts.platforms.iter().map(|p| p.as_str()).collect();
        return Some(format!(
            "{platform} archive left out: --platform {}",
            wanted.join(",")
        ));
    }
    let account = u.unit.account();
    if !opts.accounts.is_empty()
        && !opts
            .accounts
            .iter()
            .any(|a| a.trim_start_matches('@').eq_ignore_ascii_case(account))
    {
        return Some(format!(
            "archive of account {account:?} left out: --account {}",
            opts.accounts.join(",")
        ));
    }
    None
}

fn normalise(rec: &mut Record, u: &Opened) {
    if rec.account.is_empty() {
        rec.account = u.unit.account().to_string();
    }
}

fn row(archive: &str, entry: &str, status: Status, bytes: u64, detail: String) -> CoverageRow {
    CoverageRow {
        archive: archive.to_string(),
        entry: entry.to_string(),
        status,
        records: 0,
        findings: 0,
        bytes,
        detail,
    }
}

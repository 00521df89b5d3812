//! The media pass: after every entry has been read, each media file that a
//! record lists in `media` is looked at once, whatever reader listed it,
//! so a new reader gets it by filling `Record::media`
//! (docs/ARCHITECTURE.md, "The media pass"). MP4 and QuickTime videos are
//! read for the place they were recorded; under `--ocr`, images are read
//! by Tesseract. What either finds goes through the rules as a media
//! record of its own, located at the file's archive entry and reported
//! under the record that lists it (a post before a message before the
//! media item itself, so a post's permalink comes with it). What was done
//! to each file is a note on its coverage row.

use super::evaluate::Tally;
use super::{Opened, evaluator};
use crate::archive::{Archive, Entry};
use crate::finding::Finding;
use crate::media::ocr::{self, Ocr};
use crate::media::video;
use crate::media::{self, Kind};
use crate::record::{Location, Platform, Record, RecordKind};
use crate::rules::Pack;
use crate::vocab::Field;
use indicatif::{MultiProgress, ProgressBar, ProgressStyle};
use jiff::Timestamp;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::io::Read;
use std::sync::Mutex;

/// The record a media file is reported under. One is kept for every media
/// file that may become a media record (a video; an image under `--ocr`),
/// so it is kept small (docs/ARCHITECTURE.md, "Bounded memory"): its
/// strings live in the archive's [`Texts`], the
/// account is left out when it is the archive's, and the entry it came
/// from is an index into the archive's entries when it is one of them.
#[derive(Clone, Copy, Debug)]
pub(super) struct Owner {
    platform: Platform,
    kind: RecordKind,
    /// `created_at` as seconds and nanoseconds, when it is known.
    time: Option<(i64, i32)>,
    /// The archive entry the owning record came from (to break ties), or
    /// [`NAMED`]: a name that is none of the archive's entries, kept
    /// after the permalink.
    from: u32,
    /// Where the account, id, permalink (and a `from` name) are in the
    /// [`Texts`]: its chunk, and the offsets where each starts and ends.
    chunk: u32,
    bounds: [u32; 5],
}

/// `Owner::from` of a record whose entry is none of the archive's.
const NAMED: u32 = u32::MAX;

impl Owner {
    fn created_at(&self) -> Option<Timestamp> {
        self.time.and_then(|(s, ns)| Timestamp::new(s, ns).ok())
    }

    fn text<'a>(&self, texts: &'a Texts, k: usize) -> &'a str {
        let chunk = texts
            .chunks
            .get(self.chunk as usize)
            .map_or("", String::as_str);
        chunk
            .get(self.bounds[k] as usize..self.bounds[k + 1] as usize)
            .unwrap_or("")
    }

    fn account<'a>(&self, texts: &'a Texts) -> &'a str {
        self.text(texts, 0)
    }

    fn id<'a>(&self, texts: &'a Texts) -> &'a str {
        self.text(texts, 1)
    }

    fn url<'a>(&self, texts: &'a Texts) -> &'a str {
        self.text(texts, 2)
    }

    fn from<'a>(&self, texts: &'a Texts, archive: &'a Archive) -> Cow<'a, str> {
        match archive.entries().get(self.from as usize) {
            Some(e) if self.from != NAMED => e.name.as_str(),
            _ => Cow::Borrowed(self.text(texts, 3)),
        }
    }

    /// Lower is preferred: what was published, then messages and
    /// comments, then the media item itself; one with a permalink first.
    /// Total, so the choice does not depend on which thread saw what first.
    fn key<'a>(
        &self,
        texts: &'a Texts,
        archive: &'a Archive,
    ) -> (u8, bool, Cow<'a, str>, &'a str, RecordKind) {
        (
            rank(self.kind),
            self.url(texts).is_empty(),
            self.from(texts, archive),
            self.id(texts),
            self.kind,
        )
    }
}

/// The owners' strings, end to end in chunks of about a mebibyte: one
/// allocation per chunk rather than three per media file, and no chunk is
/// ever copied to grow. A replaced owner's strings stay until the pass.
#[derive(Default)]
pub(super) struct Texts {
    chunks: Vec<String>,
}

const CHUNK: usize = 1 << 20;

impl Texts {
    /// Appends `parts` to one chunk: the chunk and where each part starts
    /// (and the last ends).
    fn push(&mut self, parts: [&str; 4]) -> (u32, [u32; 5]) {
        let len: usize = parts.iter().map(|p| p.len()).sum();
        let fits = self
            .chunks
            .last()
            .is_some_and(|c| c.capacity() - c.len() >= len && c.len() + len <= u32::MAX as usize);
        if !fits {
            self.chunks.push(String::with_capacity(len.max(CHUNK)));
        }
        let chunk = self.chunks.len() - 1;
        let mut bounds = [0; 5];
        if let Some(c) = self.chunks.last_mut() {
            bounds[0] = c.len() as u32;
            for (k, p) in parts.iter().enumerate() {
                c.push_str(p);
                bounds[k + 1] = c.len() as u32;
            }
        }
        (chunk as u32, bounds)
    }
}

/// The media files one archive's records list, each with the preferred
/// record among those inside `--since/--until` (none: listed only by
/// records outside it). A file the archive does not hold is not read, so
/// files are known by their index among the archive's entries.
#[derive(Default)]
pub(super) struct Refs {
    seen: Mutex<Owners>,
}

/// What [`Refs`] holds.
#[derive(Default)]
pub(super) struct Owners {
    /// Per archive entry (made at the first media file listed): an index
    /// into `owners`, or [`UNSEEN`], [`NO_OWNER`] or [`IN_RANGE`].
    slots: Vec<u32>,
    /// Per archive entry: what its first bytes say it is, sniffed when a
    /// record first lists it ([`code_of`]).
    kinds: Vec<u8>,
    owners: Vec<Owner>,
    texts: Texts,
}

impl Owners {
    /// Slots and kinds for an archive of `entries`, made once.
    fn make(&mut self, entries: usize) {
        if self.slots.is_empty() {
            self.slots = vec![UNSEEN; entries];
            self.kinds = vec![UNSNIFFED; entries];
        }
    }
}

/// A slot of an entry no record lists.
const UNSEEN: u32 = u32::MAX;
/// A slot of an entry listed only by records outside the date range.
const NO_OWNER: u32 = u32::MAX - 1;
/// A slot of an entry listed by a record inside the date range, whose
/// kind makes no media record (an image without `--ocr`, a document…),
/// so no owner is kept: most media files of a large export.
const IN_RANGE: u32 = u32::MAX - 2;

/// A kind not sniffed yet.
const UNSNIFFED: u8 = 0;
/// Sniffed, but the read failed or the kind has no code here: the pass
/// sniffs it again (and so an owner is kept for it, as for a video).
const AGAIN: u8 = 1;
/// The kinds kept as a code: the index here plus 2.
const KINDS: [Kind; 9] = [
    Kind::Other,
    Kind::Heif,
    Kind::IsoVideo,
    Kind::Image(media::ImageFormat::Jpeg),
    Kind::Image(media::ImageFormat::Png),
    Kind::Image(media::ImageFormat::Gif),
    Kind::Image(media::ImageFormat::Tiff),
    Kind::Image(media::ImageFormat::Bmp),
    Kind::Image(media::ImageFormat::Webp),
];

/// A media file's kind in one byte, kept per archive entry: a million of
/// them may be listed (docs/ARCHITECTURE.md, "Bounded memory").
fn code_of(kind: Result<Kind, String>) -> u8 {
    match kind {
        Ok(kind) => KINDS
            .iter()
            .position(|k| *k == kind)
            .and_then(|i| u8::try_from(i + 2).ok())
            .unwrap_or(AGAIN),
        Err(_) => AGAIN,
    }
}

fn kind_of(code: u8) -> Option<Kind> {
    KINDS.get(usize::from(code).checked_sub(2)?).copied()
}

/// Whether a file of this kind, listed by a record inside the date range,
/// becomes a media record of its own (see [`job`]), and so needs the
/// record it is reported under.
fn needs_owner(code: u8, ocr: bool) -> bool {
    match kind_of(code) {
        Some(Kind::IsoVideo) | None => true,
        Some(Kind::Image(_)) => ocr,
        Some(_) => false,
    }
}

impl Refs {
    /// Called for every record a reader emits, in range or not: a file
    /// listed only by records outside the range gets a note, not a read.
    /// `account` is the archive's; `ocr`: whether `--ocr` reads images.
    /// A file is sniffed when first listed, so that an owner is kept
    /// only for the files that become media records.
    pub(super) fn note(
        &self,
        archive: &Archive,
        account: &str,
        rec: &Record,
        in_range: bool,
        ocr: bool,
    ) {
        if rec.media.is_empty() {
            return;
        }
        // A file the archive does not hold is not kept.
        let listed: Vec<(usize, &String)> = rec
            .media
            .iter()
            .filter_map(|m| Some((archive.index_of(m)?, m)))
            .collect();
        // Sniffed outside the lock, which every reader thread takes.
        let unsniffed: Vec<usize> = {
            let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
            seen.make(archive.entries().len());
            listed
                .iter()
                .map(|&(i, _)| i)
                .filter(|&i| seen.kinds.get(i) == Some(&UNSNIFFED))
                .collect()
        };
        let sniffed: Vec<(usize, u8)> = unsniffed
            .into_iter()
            .filter_map(|i| {
                let entry = archive.entries().get(i)?;
                Some((i, code_of(sniff(archive, &entry))))
            })
            .collect();
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        let Owners {
            slots,
            kinds,
            owners,
            texts,
        } = &mut *seen;
        for (i, code) in sniffed {
            if let Some(k) = kinds.get_mut(i) {
                *k = code;
            }
        }
        for (i, m) in listed {
            let Some(slot) = slots.get_mut(i) else {
                continue;
            };
            if *slot == UNSEEN {
                *slot = NO_OWNER;
            }
            if !in_range {
                continue;
            }
            if !needs_owner(kinds.get(i).copied().unwrap_or(AGAIN), ocr) {
                *slot = IN_RANGE;
                continue;
            }
            let from = if rec.entry.is_empty() { m } else { &rec.entry };
            let better = match owners.get(*slot as usize) {
                Some(o) => candidate_key(rec, from) < o.key(texts, archive),
                None => true,
            };
            if !better {
                continue;
            }
            let from_index = archive
                .index_of(from)
                .and_then(|i| u32::try_from(i).ok())
                .filter(|&i| i < NO_OWNER)
                .unwrap_or(NAMED);
            let account = if rec.account == account {
                ""
            } else {
                &rec.account
            };
            let named = if from_index == NAMED {
                from.as_str()
            } else {
                ""
            };
            let (chunk, bounds) = texts.push([account, &rec.id, &rec.url, named]);
            let owner = Owner {
                platform: rec.platform,
                kind: rec.kind,
                time: rec
                    .created_at
                    .map(|t| (t.as_second(), t.subsec_nanosecond())),
                from: from_index,
                chunk,
                bounds,
            };
            match owners.get_mut(*slot as usize) {
                Some(o) => *o = owner,
                None => {
                    *slot = owners.len() as u32;
                    owners.push(owner);
                }
            }
        }
    }

    fn take(&self) -> Owners {
        std::mem::take(&mut *self.seen.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

/// [`Owner::key`] of the owner `rec` would make, without making it.
fn candidate_key<'a>(
    rec: &'a Record,
    from: &'a str,
) -> (u8, bool, Cow<'a, str>, &'a str, RecordKind) {
    (
        rank(rec.kind),
        rec.url.is_empty(),
        Cow::Borrowed(from),
        &rec.id,
        rec.kind,
    )
}

/// What was published, then messages and comments, then the media item
/// itself, then anything else.
fn rank(kind: RecordKind) -> u8 {
    match kind {
        k if k.is_published() => 0,
        RecordKind::Comment | RecordKind::Dm => 1,
        RecordKind::Media => 2,
        _ => 3,
    }
}

/// What `--ocr` did over the whole run (the manifest's `ocr`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OcrSummary {
    pub engine: String,
    pub version: String,
    /// Images considered: every image file a record lists.
    pub images: u64,
    pub text_found: u64,
    pub no_text: u64,
    pub skipped: u64,
    pub failed: u64,
}

/// One media file's result: its coverage note, whether the note is a
/// failure, and the findings.
pub(super) struct Done {
    pub archive: String,
    pub entry: String,
    pub note: Option<String>,
    pub failed: bool,
    pub findings: Vec<Finding>,
    pub below_min_severity: u64,
    ocr: Option<OcrCount>,
}

#[derive(Clone, Copy)]
enum OcrCount {
    Text,
    NoText,
    Skipped,
    Failed,
}

enum Job {
    Video,
    Ocr(media::ImageFormat),
    /// Nothing to read; only a note.
    Note(String, Option<OcrCount>),
}

struct Task<'a> {
    unit: &'a Opened,
    entry: Entry<'a>,
    /// Listed by a record inside `--since/--until`.
    in_range: bool,
    /// The record it is reported under: kept only for the kinds that
    /// become media records (`needs_owner`).
    owner: Option<&'a Owner>,
    texts: &'a Texts,
}

/// Extensions of the ISO base media family: a file so named whose bytes
/// are not one is worth a warning.
const ISO_VIDEO: &[&str] = &["mp4", "mov", "m4v", "3gp"];

pub(super) fn pass(
    units: &[Opened],
    pack: &Pack,
    opts: &super::Options,
    records: Option<&dyn super::RecordSink>,
    progress: Option<&MultiProgress>,
) -> (Vec<Done>, Option<OcrSummary>) {
    let taken: Vec<Owners> = units.iter().map(|u| u.media.take()).collect();
    // Every listed file, by (archive, entry) index as the slots are walked,
    // not collected (a million of them may be listed); a task is made only
    // while its file is looked at.
    let listed = taken.par_iter().enumerate().flat_map(|(i, o)| {
        o.slots
            .par_iter()
            .enumerate()
            .filter(|&(_, &slot)| slot != UNSEEN)
            .map(move |(j, _)| (i, j))
    });
    let ocr = opts.ocr.as_ref();
    let jobs: Vec<(Task<'_>, Job)> = listed
        .filter_map(|(i, j)| {
            let (u, o) = (units.get(i)?, taken.get(i)?);
            let slot = *o.slots.get(j)?;
            let t = Task {
                unit: u,
                entry: u.archive.entries().get(j)?,
                in_range: slot != NO_OWNER,
                owner: o.owners.get(slot as usize),
                texts: &o.texts,
            };
            let kind = match o.kinds.get(j).and_then(|&c| kind_of(c)) {
                Some(kind) => Ok(kind),
                None => sniff(&u.archive, &t.entry),
            };
            let job = match kind {
                Ok(kind) => job(&t, kind, ocr),
                Err(e) => unreadable(&t, e, ocr),
            };
            job.map(|j| (t, j))
        })
        .collect();
    let bar = match (progress, ocr) {
        (Some(mp), Some(_)) => {
            let n = jobs
                .iter()
                .filter(|(_, j)| matches!(j, Job::Ocr(_)))
                .count();
            let bar = mp.add(ProgressBar::new(n as u64));
            bar.set_style(
                ProgressStyle::with_template("{prefix:30!} {bar:30} {pos}/{len} images {eta}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar.set_prefix("OCR");
            Some(bar)
        }
        _ => None,
    };
    let done: Vec<Done> = jobs
        .into_par_iter()
        .map(|(t, j)| {
            let ocr_job = matches!(j, Job::Ocr(_));
            let d = run(&t, j, pack, opts, records);
            if let (true, Some(bar)) = (ocr_job, &bar) {
                bar.inc(1);
            }
            d
        })
        .collect();
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let summary = ocr.map(|o| {
        let mut s = OcrSummary {
            engine: "tesseract".into(),
            version: o.version.clone(),
            ..Default::default()
        };
        for d in &done {
            let Some(c) = d.ocr else { continue };
            s.images += 1;
            match c {
                OcrCount::Text => s.text_found += 1,
                OcrCount::NoText => s.no_text += 1,
                OcrCount::Skipped => s.skipped += 1,
                OcrCount::Failed => s.failed += 1,
            }
        }
        s
    });
    (done, summary)
}

/// What the file's first bytes say it is; the error says why they could
/// not be read.
fn sniff(archive: &Archive, entry: &Entry<'_>) -> Result<Kind, String> {
    archive
        .with_entry(entry, |r| {
            let mut head = Vec::with_capacity(media::HEAD);
            r.take(media::HEAD as u64)
                .read_to_end(&mut head)
                .map(|_| media::sniff(&head))
        })
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())
}

/// What to do with one file, if anything.
fn job(t: &Task<'_>, kind: Kind, ocr: Option<&Ocr>) -> Option<Job> {
    let name = t.entry.name.base();
    let in_range = t.in_range;
    match kind {
        Kind::IsoVideo if in_range => Some(Job::Video),
        Kind::OtherVideo(what) if in_range => Some(Job::Note(
            format!("video location: not read ({what} files are not read for a location)"),
            None,
        )),
        Kind::Other
            if in_range
                && crate::vocab::extension(name)
                    .is_some_and(|e| ISO_VIDEO.contains(&e.as_str())) =>
        {
            Some(Job::Note(
                "video metadata unreadable: not an MP4 or QuickTime file".into(),
                None,
            ))
        }
        Kind::Image(_) | Kind::Heif | Kind::Other if ocr.is_some() && !in_range => {
            let image = !matches!(kind, Kind::Other) || media::is_image_name(name);
            image.then(|| {
                Job::Note(
                    "ocr: skipped (listed only by records outside --since/--until)".into(),
                    Some(OcrCount::Skipped),
                )
            })
        }
        Kind::Image(format) if ocr.is_some() => Some(Job::Ocr(format)),
        Kind::Heif if ocr.is_some() => Some(Job::Note(
            "ocr: skipped (HEIF image; Tesseract cannot read it)".into(),
            Some(OcrCount::Skipped),
        )),
        Kind::Other if ocr.is_some() && media::is_image_name(name) => Some(Job::Note(
            "ocr: skipped (named as an image, but not a JPEG, PNG, GIF, TIFF, BMP or WebP file)"
                .into(),
            Some(OcrCount::Skipped),
        )),
        _ => None,
    }
}

/// A file whose first bytes could not be read: said where it matters.
fn unreadable(t: &Task<'_>, e: String, ocr: Option<&Ocr>) -> Option<Job> {
    let name = t.entry.name.base();
    if ocr.is_some() && media::is_image_name(name) {
        Some(Job::Note(
            format!("ocr: failed (cannot read the file: {e})"),
            Some(OcrCount::Failed),
        ))
    } else if crate::vocab::is_video(name) {
        Some(Job::Note(format!("video metadata unreadable: {e}"), None))
    } else {
        None
    }
}

fn run(
    t: &Task<'_>,
    job: Job,
    pack: &Pack,
    opts: &super::Options,
    records: Option<&dyn super::RecordSink>,
) -> Done {
    let u = t.unit;
    let mut done = Done {
        archive: u.candidate.display.clone(),
        entry: t.entry.name.to_string(),
        note: None,
        failed: false,
        findings: Vec::new(),
        below_min_severity: 0,
        ocr: None,
    };
    let mut rec = match (&job, &t.owner) {
        (Job::Note(..), _) | (_, None) => None,
        (_, Some(owner)) => Some(record(u, &t.entry, owner, t.texts)),
    };
    match job {
        Job::Note(note, count) => {
            done.note = Some(note);
            done.failed = matches!(count, Some(OcrCount::Failed));
            done.ocr = count;
        }
        Job::Video => match video::locate_entry(&u.archive, &t.entry).0 {
            Ok(Some(place)) => {
                done.note = Some(format!("video location found ({})", place.source.as_str()));
                if let Some(r) = rec.as_mut() {
                    r.locations.push(Location {
                        field: Field::Exif,
                        lat: Some(place.lat),
                        lon: Some(place.lon),
                        label: t.entry.name.to_string(),
                    });
                }
            }
            Ok(None) => rec = None,
            Err(e) => {
                done.note = Some(format!("video metadata unreadable: {e}"));
                rec = None;
            }
        },
        Job::Ocr(format) => {
            let outcome = match opts.ocr.as_ref() {
                Some(ocr) => read_image(ocr, u, &t.entry, format),
                None => ocr::Outcome::Skipped("--ocr not given".into()),
            };
            done.note = Some(outcome.note());
            done.ocr = Some(match &outcome {
                ocr::Outcome::Text(_) => OcrCount::Text,
                ocr::Outcome::NoText => OcrCount::NoText,
                ocr::Outcome::Skipped(_) => OcrCount::Skipped,
                ocr::Outcome::Failed(_) => OcrCount::Failed,
            });
            done.failed = matches!(outcome, ocr::Outcome::Failed(_));
            match (outcome, rec.as_mut()) {
                (ocr::Outcome::Text(text), Some(r)) => r.push_field(Field::OcrText, text),
                _ => rec = None,
            }
        }
    }
    if let Some(r) = rec {
        let ev = evaluator(pack, opts, &u.candidate.display);
        let mut tally = Tally::default();
        match records {
            // Text read from an image is a record an investigator may
            // want to read back; a video's place has no text.
            Some(sink) if !r.fields.is_empty() => {
                let order = super::RowOrder {
                    source: t.entry.name.to_string(),
                    pass: super::Pass::Media,
                    seq: 0,
                };
                let mut rows = Vec::new();
                ev.evaluate_keep(&r, order, &mut done.findings, &mut tally, &mut rows);
                sink.take(rows);
            }
            _ => ev.evaluate(&r, &mut done.findings, &mut tally),
        }
        done.below_min_severity = tally.below_min_severity;
    }
    done
}

/// The media record a finding about the file is made on.
fn record(u: &Opened, entry: &Entry<'_>, owner: &Owner, texts: &Texts) -> Record {
    let mut r = Record::new(
        owner.platform,
        RecordKind::Media,
        owner.id(texts).to_string(),
    );
    r.account = match owner.account(texts) {
        "" => u.unit.account().to_string(),
        account => account.to_string(),
    };
    r.entry = entry.name.to_string();
    r.created_at = owner.created_at();
    r.url = owner.url(texts).to_string();
    r.media.push(entry.name.to_string());
    r
}

fn read_image(
    ocr: &Ocr,
    u: &Opened,
    entry: &Entry<'_>,
    format: media::ImageFormat,
) -> ocr::Outcome {
    if entry.size > ocr.limits.max_bytes {
        return ocr::Outcome::Skipped(format!(
            "{} bytes, over the {} MiB limit",
            entry.size,
            ocr.limits.max_bytes >> 20
        ));
    }
    match u.archive.read(entry, ocr.limits.max_bytes) {
        Ok(bytes) => ocr.read(format, bytes),
        Err(e) => ocr::Outcome::Failed(e.to_string()),
    }
}

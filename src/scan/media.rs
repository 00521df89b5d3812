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
use crate::archive::{Archive, EntryInfo};
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
use std::collections::BTreeMap;
use std::io::Read;
use std::sync::Mutex;

/// The record a media file is reported under, kept for every media file
/// an archive lists, so it is kept small: its strings share one
/// allocation, the account is left out when it is the archive's, and the
/// entry it came from is an index into the archive's entries when it is
/// one of them (docs/ARCHITECTURE.md, "Bounded memory").
#[derive(Clone, Debug)]
pub(super) struct Owner {
    platform: Platform,
    kind: RecordKind,
    created_at: Option<Timestamp>,
    /// The entry the owning record came from, to break ties.
    from: From,
    /// The account (empty: the archive's), id and permalink, one after
    /// the other; `ends` says where the first two end.
    texts: Box<str>,
    ends: (u32, u32),
}

/// Where an owning record came from.
#[derive(Clone, Debug)]
enum From {
    /// The archive entry with this index.
    Entry(u32),
    /// A name that is none of the archive's entries.
    Name(Box<str>),
}

impl Owner {
    fn of(rec: &Record, from: &str, archive: &Archive, archive_account: &str) -> Owner {
        let account = if rec.account == archive_account {
            ""
        } else {
            rec.account.as_str()
        };
        let texts = [account, rec.id.as_str(), rec.url.as_str()].concat();
        let a = account.len();
        let b = a + rec.id.len();
        let from = match archive.index_of(from).and_then(|i| u32::try_from(i).ok()) {
            Some(i) => From::Entry(i),
            None => From::Name(from.into()),
        };
        Owner {
            platform: rec.platform,
            kind: rec.kind,
            created_at: rec.created_at,
            from,
            texts: texts.into_boxed_str(),
            ends: (a as u32, b as u32),
        }
    }

    fn account(&self) -> &str {
        &self.texts[..self.ends.0 as usize]
    }

    fn id(&self) -> &str {
        &self.texts[self.ends.0 as usize..self.ends.1 as usize]
    }

    fn url(&self) -> &str {
        &self.texts[self.ends.1 as usize..]
    }

    fn from<'a>(&'a self, archive: &'a Archive) -> &'a str {
        match &self.from {
            From::Entry(i) => archive
                .entries()
                .get(*i as usize)
                .map_or("", |e| e.name.as_str()),
            From::Name(name) => name,
        }
    }

    /// Lower is preferred: what was published, then messages and
    /// comments, then the media item itself; one with a permalink first.
    /// Total, so the choice does not depend on which thread saw what first.
    fn key<'a>(&'a self, archive: &'a Archive) -> (u8, bool, &'a str, &'a str, RecordKind) {
        let rank = match self.kind {
            k if k.is_published() => 0,
            RecordKind::Comment | RecordKind::Dm => 1,
            RecordKind::Media => 2,
            _ => 3,
        };
        (
            rank,
            self.url().is_empty(),
            self.from(archive),
            self.id(),
            self.kind,
        )
    }
}

/// The media files one archive's records list (by their index among the
/// archive's entries: a file the archive does not hold is not read), each
/// with the preferred record among those inside `--since/--until` (none:
/// listed only by records outside it).
#[derive(Default)]
pub(super) struct Refs {
    seen: Mutex<BTreeMap<u32, Option<Owner>>>,
}

impl Refs {
    /// Called for every record a reader emits, in range or not: a file
    /// listed only by records outside the range gets a note, not a read.
    /// `account` is the archive's.
    pub(super) fn note(&self, archive: &Archive, account: &str, rec: &Record, in_range: bool) {
        if rec.media.is_empty() {
            return;
        }
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        for m in &rec.media {
            let Some(index) = archive.index_of(m).and_then(|i| u32::try_from(i).ok()) else {
                continue;
            };
            let owner = seen.entry(index).or_default();
            if in_range {
                let from = if rec.entry.is_empty() { m } else { &rec.entry };
                let candidate = Owner::of(rec, from, archive, account);
                if owner
                    .as_ref()
                    .is_none_or(|o| candidate.key(archive) < o.key(archive))
                {
                    *owner = Some(candidate);
                }
            }
        }
    }

    fn take(&self) -> BTreeMap<u32, Option<Owner>> {
        std::mem::take(&mut *self.seen.lock().unwrap_or_else(|e| e.into_inner()))
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
    entry: &'a EntryInfo,
    owner: Option<Owner>,
}

/// Extensions of the ISO base media family: a file so named whose bytes
/// are not one is worth a warning.
const ISO_VIDEO: &[&str] = &["mp4", "mov", "m4v", "3gp"];

pub(super) fn pass(
    units: &[Opened],
    pack: &Pack,
    opts: &super::Options,
    progress: Option<&MultiProgress>,
) -> (Vec<Done>, Option<OcrSummary>) {
    let mut tasks = Vec::new();
    for u in units {
        for (index, owner) in u.media.take() {
            if let Some(entry) = u.archive.entries().get(index as usize) {
                tasks.push(Task {
                    unit: u,
                    entry,
                    owner,
                });
            }
        }
    }
    let ocr = opts.ocr.as_ref();
    let jobs: Vec<(Task<'_>, Job)> = tasks
        .into_par_iter()
        .filter_map(|t| {
            let job = match sniff(&t) {
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
            let d = run(&t, j, pack, opts);
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

fn sniff(t: &Task<'_>) -> Result<Kind, String> {
    t.unit
        .archive
        .with_entry(t.entry, |r| {
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
    let name = &t.entry.name;
    let in_range = t.owner.is_some();
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
    let name = &t.entry.name;
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

fn run(t: &Task<'_>, job: Job, pack: &Pack, opts: &super::Options) -> Done {
    let u = t.unit;
    let mut done = Done {
        archive: u.candidate.display.clone(),
        entry: t.entry.name.clone(),
        note: None,
        failed: false,
        findings: Vec::new(),
        below_min_severity: 0,
        ocr: None,
    };
    let mut rec = match (&job, &t.owner) {
        (Job::Note(..), _) | (_, None) => None,
        (_, Some(owner)) => Some(record(u, t.entry, owner)),
    };
    match job {
        Job::Note(note, count) => {
            done.note = Some(note);
            done.failed = matches!(count, Some(OcrCount::Failed));
            done.ocr = count;
        }
        Job::Video => match video::locate_entry(&u.archive, t.entry).0 {
            Ok(Some(place)) => {
                done.note = Some(format!("video location found ({})", place.source.as_str()));
                if let Some(r) = rec.as_mut() {
                    r.locations.push(Location {
                        field: Field::Exif,
                        lat: Some(place.lat),
                        lon: Some(place.lon),
                        label: t.entry.name.clone(),
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
                Some(ocr) => read_image(ocr, u, t.entry, format),
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
        ev.evaluate(&r, &mut done.findings, &mut tally);
        done.below_min_severity = tally.below_min_severity;
    }
    done
}

/// The media record a finding about the file is made on.
fn record(u: &Opened, entry: &EntryInfo, owner: &Owner) -> Record {
    let mut r = Record::new(owner.platform, RecordKind::Media, owner.id().to_string());
    r.account = if owner.account().is_empty() {
        u.unit.account().to_string()
    } else {
        owner.account().to_string()
    };
    r.entry = entry.name.clone();
    r.created_at = owner.created_at;
    r.url = owner.url().to_string();
    r.media.push(entry.name.clone());
    r
}

fn read_image(
    ocr: &Ocr,
    u: &Opened,
    entry: &EntryInfo,
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

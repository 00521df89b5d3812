//! `scan`: validate → create every output's temporary file → scan → write
//! the sinks (src/report/, one per output) → rename them all into place.
//! Nothing is written under a requested name unless every output could be
//! written (docs/OUTPUTS.md).

use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, EXIT_INCOMPLETE, fail};
use crate::cli::ScanArgs;
use crate::config::ScanConfig;
use jiff::Timestamp;
use social_audit::error::Error;
use social_audit::report::coverage::CoverageCsv;
use social_audit::report::manifest::{self, ManifestJson};
use social_audit::report::summary::SummaryHtml;
use social_audit::report::{self, Output, Run, Sink, Status, Written};
use social_audit::scan::{self, Outcome};
use std::path::Path;
use std::time::Instant;

pub fn run(args: ScanArgs) -> i32 {
    let started = Timestamp::now();
    let clock = Instant::now();
    let cfg = match ScanConfig::from_args(args) {
        Ok(c) => c,
        Err(e) => return fail(e),
    };
    if !cfg.quiet {
        announce(&cfg);
    }
    // Every output's temporary file exists before the scan starts, so a
    // bad path costs nothing and exit 2 still means nothing was written.
    let staged = match Staged::create(&cfg) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(cfg.threads)
        .build()
    {
        Ok(p) => p,
        Err(e) => return fail(format!("cannot start worker threads: {e}")),
    };
    // Records go to the output that stores them (the case file) as the
    // scan reads; inputs are hashed for the manifest alongside the scan.
    let records = staged.records();
    let (outcome, hashes) = pool.install(|| {
        rayon::join(
            || scan::scan_with(&cfg.inputs, &cfg.pack, &cfg.options, records),
            || {
                cfg.manifest.as_ref().map(|_| {
                    cfg.inputs
                        .iter()
                        .map(|p| manifest::hash_input(p).map_err(|e| Error::Archive(e.to_string())))
                        .collect::<Vec<_>>()
                })
            },
        )
    });
    let run = Run {
        inputs: &cfg.inputs,
        hashes: hashes.as_deref().unwrap_or(&[]),
        pack: &cfg.pack,
        outcome: &outcome,
        shard: cfg.shard,
        started,
        reading: &cfg.options.reading,
    };
    if let Err(e) = staged.write_all(&run) {
        return fail(e);
    }
    if !cfg.quiet {
        report_to_stderr(&outcome, clock.elapsed().as_secs_f64());
    } else {
        report_failures(&outcome);
    }
    exit_status(&cfg, &outcome)
}

fn exit_status(cfg: &ScanConfig, outcome: &Outcome) -> i32 {
    if let Some((i, n)) = cfg.shard
        && outcome.archives.is_empty()
        && outcome.failed_entries() == 0
    {
        if !cfg.quiet {
            eprintln!("Shard {i}/{n} holds no archives.");
        }
        return EXIT_CLEAN;
    }
    if outcome.archives.is_empty() {
        eprintln!(
            "social-audit: no supported archive was found in {}; nothing was scanned",
            cfg.inputs
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
        return EXIT_ERROR;
    }
    if outcome.failed_entries() > 0 {
        return EXIT_INCOMPLETE;
    }
    let by_severity = outcome.findings.tallies().by_severity;
    let over: u64 = by_severity
        .get(cfg.fail_on as usize..)
        .unwrap_or(&[])
        .iter()
        .sum();
    if over > 0 { EXIT_FINDINGS } else { EXIT_CLEAN }
}

/// Which packs and settings this run uses, so a local pack that silently
/// replaced the NHS rules cannot go unnoticed.
fn announce(cfg: &ScanConfig) {
    if let Some(p) = &cfg.settings {
        eprintln!("Settings: {}", p.display());
    }
    let layers: Vec<String> = cfg
        .pack
        .layers()
        .iter()
        .map(|l| {
            let from = if l.is_embedded() {
                "embedded".to_string()
            } else {
                format!("from {}", l.source)
            };
            let disabled = if l.disabled > 0 {
                format!(", {} default rules disabled", l.disabled)
            } else {
                String::new()
            };
            format!(
                "{} {} ({from}): {} rules{disabled}",
                l.id, l.version, l.rules
            )
        })
        .collect();
    let left_out = if cfg.rules_left_out > 0 {
        format!(
            "; {} rules left out by --enable/--disable",
            cfg.rules_left_out
        )
    } else {
        String::new()
    };
    eprintln!("Rule packs: {}{left_out}.", layers.join("; "));
    let deep = cfg.pack.deep_rules().len();
    if deep > 0 && !cfg.pack.deep() {
        eprintln!(
            "The {deep} contextual-encoder rules did not run: add --deep to run them (about 15 ms a text)."
        );
    }
    if !cfg.pack.uses_embedded() {
        eprintln!(
            "warning: the embedded NHS pack is not in use: only the {} rules of {} run. \
             Add `extend = \"default\"` to its [pack] table to keep the NHS rules.",
            cfg.pack.rules().len(),
            cfg.pack.layers().last().map_or("", |l| l.source.as_str())
        );
    }
}

/// The run's outputs, each a sink with the file it writes, created up
/// front under temporary names, in the order they are written (the
/// manifest last, so it can record the others).
struct Staged<'c> {
    items: Vec<(Box<dyn Sink + 'c>, &'c Path, Output)>,
}

impl<'c> Staged<'c> {
    fn create(cfg: &'c ScanConfig) -> Result<Staged<'c>, String> {
        let findings = report::findings_sink(cfg.format, &cfg.findings)
            .map_err(|e| format!("cannot write {}: {e}", cfg.findings.display()))?;
        let mut plan: Vec<(Box<dyn Sink + 'c>, &'c Path)> = vec![(findings, &cfg.findings)];
        if let Some(p) = &cfg.summary {
            plan.push((Box::new(SummaryHtml), p));
        }
        if let Some(p) = &cfg.coverage {
            plan.push((Box::new(CoverageCsv), p));
        }
        if let Some(p) = &cfg.manifest {
            plan.push((Box::new(ManifestJson { path: p }), p));
        }
        let items = plan
            .into_iter()
            .map(|(sink, p)| match Output::create(p) {
                Ok(o) => Ok((sink, p, o)),
                Err(e) => Err(format!("cannot write {}: {e}", p.display())),
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Staged { items })
    }

    /// Where the scan hands its records, if an output stores them.
    fn records(&self) -> Option<&dyn scan::RecordSink> {
        self.items.iter().find_map(|(sink, _, _)| sink.records())
    }

    /// Writes and seals every output, then renames them all into place.
    /// On an error nothing is renamed and every temporary file is removed
    /// (an unrenamed `Output` removes its file when dropped).
    fn write_all(self, run: &Run<'_>) -> Result<(), String> {
        let mut written: Vec<Written<'c>> = Vec::new();
        let mut sealed = Vec::new();
        for (sink, path, mut out) in self.items {
            sink.write(run, &written, &mut out)
                .map_err(|e| err(path, e))?;
            let sha256 = out.seal().map_err(|e| err(path, e))?;
            written.push(Written {
                role: sink.role(),
                path,
                sha256,
            });
            sealed.push((out, path));
        }
        for (out, path) in sealed {
            out.persist().map_err(|e| err(path, e))?;
        }
        Ok(())
    }
}

fn err(p: &Path, e: impl std::fmt::Display) -> String {
    format!("cannot write {}: {e}", p.display())
}

/// Errors for content that could not be read: printed even under --quiet.
fn report_failures(outcome: &Outcome) {
    for r in &outcome.coverage {
        if r.status == Status::Failed {
            let at = if r.entry.is_empty() {
                r.archive.to_string()
            } else {
                format!("{}: {}", r.archive, r.entry)
            };
            eprintln!("error: {at}: {}", r.detail);
        }
    }
}

fn report_to_stderr(outcome: &Outcome, secs: f64) {
    report_failures(outcome);
    for w in &outcome.warnings {
        eprintln!("warning: {w}");
    }
    let count = |s: Status| outcome.coverage.iter().filter(|r| r.status == s).count();
    let records: u64 = outcome.coverage.iter().map(|r| r.records).sum();
    let by_sev = outcome.findings.tallies().by_severity;
    eprintln!(
        "Scanned {} archive(s), {} records in {:.1} s: {} findings ({} critical, {} high, {} medium, {} low).",
        outcome.archives.len(),
        records,
        secs,
        outcome.findings.len(),
        by_sev[3],
        by_sev[2],
        by_sev[1],
        by_sev[0]
    );
    if outcome.in_baseline + outcome.ignored > 0 {
        eprintln!(
            "Left out: {} finding(s) already in the baseline, {} in the ignore file.",
            outcome.in_baseline, outcome.ignored
        );
    }
    let reviews = outcome.review_counts();
    if reviews.left_out() + reviews.kept() > 0 {
        eprintln!(
            "Reviewed: {} finding(s) left out ({} false-positive, {} accepted); \
             {} kept with their review ({} escalated, {} to-check).",
            reviews.left_out(),
            reviews.false_positive,
            reviews.accepted,
            reviews.kept(),
            reviews.escalated,
            reviews.to_check
        );
    }
    if let Some(o) = &outcome.ocr {
        eprintln!(
            "OCR (tesseract {}): {} image(s): {} with text, {} without, {} skipped, {} failed.",
            o.version, o.images, o.text_found, o.no_text, o.skipped, o.failed
        );
    }
    if let Some(kb) = peak_rss_kb() {
        eprintln!("Peak memory: {:.1} MB.", kb as f64 / 1024.0);
    }
    // Every gap is counted here, so a user sees it without opening coverage.
    eprintln!(
        "Coverage: {} entries parsed, {} skipped (known, not needed), {} unknown, {} failed \
         ({} of them encrypted, cannot be read); {} content files gave no records; \
         {} records have a date that could not be read.",
        count(Status::Parsed),
        count(Status::Skipped),
        count(Status::Unknown),
        count(Status::Failed),
        outcome.unreadable,
        outcome.no_records,
        outcome.undated
    );
}

/// Peak resident memory of this process (Linux), for the run summary:
/// memory is a product feature and users should see it.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

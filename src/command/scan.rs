//! `scan`: validate → create every output's temporary file → scan → write
//! the sinks → rename them all into place. Nothing is written under a
//! requested name unless every output could be written (docs/OUTPUTS.md).

use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, EXIT_INCOMPLETE, fail};
use crate::cli::ScanArgs;
use crate::config::ScanConfig;
use crate::report::{self, Format, Output, Status, manifest};
use crate::scan::{self, Outcome};
use jiff::Timestamp;
use std::io::Write;
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
    let mut staged = match Staged::create(&cfg) {
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
    // Inputs are hashed for the manifest alongside the scan, not after it.
    let (outcome, hashes) = pool.install(|| {
        rayon::join(
            || scan::scan(&cfg.inputs, &cfg.pack, &cfg.options),
            || {
                cfg.manifest.as_ref().map(|_| {
                    cfg.inputs
                        .iter()
                        .map(|p| manifest::hash_input(p).map_err(|e| e.to_string()))
                        .collect::<Vec<_>>()
                })
            },
        )
    });
    if let Err(e) = staged.write_all(&cfg, &outcome, hashes, started) {
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
    let over = outcome
        .findings
        .iter()
        .filter(|f| f.severity >= cfg.fail_on)
        .count();
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
    if !cfg.pack.uses_embedded() {
        eprintln!(
            "warning: the embedded NHS pack is not in use: only the {} rules of {} run. \
             Add `extend = \"default\"` to its [pack] table to keep the NHS rules.",
            cfg.pack.rules().len(),
            cfg.pack.layers().last().map_or("", |l| l.source.as_str())
        );
    }
}

/// The run's outputs, created up front under temporary names.
struct Staged {
    findings: Option<Output>,
    summary: Option<Output>,
    coverage: Option<Output>,
    manifest: Option<Output>,
}

impl Staged {
    fn create(cfg: &ScanConfig) -> Result<Staged, String> {
        let open =
            |p: &Path| Output::create(p).map_err(|e| format!("cannot write {}: {e}", p.display()));
        let opt = |p: &Option<std::path::PathBuf>| p.as_deref().map(open).transpose();
        Ok(Staged {
            findings: Some(open(&cfg.findings)?),
            summary: opt(&cfg.summary)?,
            coverage: opt(&cfg.coverage)?,
            manifest: opt(&cfg.manifest)?,
        })
    }

    /// Writes and seals every output, then renames them all into place.
    /// On an error nothing is renamed and every temporary file is removed.
    fn write_all(
        &mut self,
        cfg: &ScanConfig,
        outcome: &Outcome,
        hashes: Option<Vec<Result<(u64, String), String>>>,
        started: Timestamp,
    ) -> Result<(), String> {
        let mut sealed: Vec<(&'static str, &Path, String)> = Vec::new();

        let Some(w) = &mut self.findings else {
            return Err("findings output already written".into());
        };
        match cfg.format {
            Format::Csv => {
                report::write_findings_csv(&mut *w, &outcome.findings).map_err(|e| e.to_string())
            }
            Format::Jsonl => {
                report::write_findings_jsonl(&mut *w, &outcome.findings).map_err(|e| e.to_string())
            }
            Format::Xlsx => report::xlsx::write_findings_xlsx(&mut *w, &outcome.findings),
        }
        .map_err(|e| err(&cfg.findings, e))?;
        let h = w.seal().map_err(|e| err(&cfg.findings, e))?;
        sealed.push(("findings", &cfg.findings, h));

        if let (Some(w), Some(p)) = (&mut self.summary, &cfg.summary) {
            let meta = report::summary::Meta {
                run_date: &started.strftime("%Y-%m-%d").to_string(),
                tool_version: env!("CARGO_PKG_VERSION"),
                rule_pack: &format!("{} {}", cfg.pack.id(), cfg.pack.version()),
                rules: cfg.pack.rules(),
            };
            report::summary::write_summary(&mut *w, outcome, &meta).map_err(|e| err(p, e))?;
            sealed.push(("summary", p, w.seal().map_err(|e| err(p, e))?));
        }
        if let (Some(w), Some(p)) = (&mut self.coverage, &cfg.coverage) {
            report::write_coverage_csv(&mut *w, &outcome.coverage).map_err(|e| err(p, e))?;
            sealed.push(("coverage", p, w.seal().map_err(|e| err(p, e))?));
        }
        if let (Some(w), Some(p), Some(hashes)) = (&mut self.manifest, &cfg.manifest, hashes) {
            let m = manifest::build(manifest::Run {
                inputs: &cfg.inputs,
                hashes,
                pack: &cfg.pack,
                outcome,
                outputs: &sealed,
                shard: cfg.shard,
                started,
                manifest_path: p,
            });
            serde_json::to_writer_pretty(&mut *w, &m).map_err(|e| err(p, e))?;
            w.write_all(b"\n").map_err(|e| err(p, e))?;
            w.seal().map_err(|e| err(p, e))?;
        }

        let outputs = [
            self.findings.take().map(|o| (o, &cfg.findings)),
            self.summary.take().zip(cfg.summary.as_ref()),
            self.coverage.take().zip(cfg.coverage.as_ref()),
            self.manifest.take().zip(cfg.manifest.as_ref()),
        ];
        for (o, p) in outputs.into_iter().flatten() {
            o.persist().map_err(|e| err(p, e))?;
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
                r.archive.clone()
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
    let mut by_sev = [0usize; 4];
    for f in &outcome.findings {
        by_sev[f.severity as usize] += 1;
    }
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
    if let Some(kb) = peak_rss_kb() {
        eprintln!("Peak memory: {:.1} MB.", kb as f64 / 1024.0);
    }
    eprintln!(
        "Coverage: {} entries parsed, {} skipped (known, not needed), {} unknown, {} failed.",
        count(Status::Parsed),
        count(Status::Skipped),
        count(Status::Unknown),
        count(Status::Failed)
    );
}

/// Peak resident memory of this process (Linux), for the run summary:
/// memory is a product feature and users should see it.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

//! `handover`: scan like `scan` does, then write only the handover
//! checklist page (src/report/handover.rs), the same section `--summary`
//! carries. Nothing else is written.

use super::{EXIT_CLEAN, EXIT_INCOMPLETE, fail, write_output};
use crate::cli::{HandoverArgs, ScanArgs};
use crate::config::ScanConfig;
use jiff::Timestamp;
use social_audit::report::handover;
use social_audit::report::summary::Meta;
use social_audit::scan;

pub fn run(args: HandoverArgs) -> i32 {
    let started = Timestamp::now();
    let page = args.output.clone();
    // The page takes the findings file's place in the scan's settings, so
    // `scan`'s checks (never write over an input or a file the run reads)
    // apply to it too; the settings file's other outputs are not written.
    let cfg = match ScanConfig::from_args(ScanArgs {
        inputs: args.inputs,
        output: Some(page.clone()),
        format: Some(social_audit::report::Format::Csv),
        rules: args.rules,
        org: args.org,
        redact: args.redact,
        threads: args.threads,
        no_progress: true,
        quiet: true,
        config: args.config,
        no_config: args.no_config,
        ..ScanArgs::default()
    }) {
        Ok(c) => c,
        Err(e) => return fail(e),
    };
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(cfg.threads)
        .build()
    {
        Ok(p) => p,
        Err(e) => return fail(format!("cannot start worker threads: {e}")),
    };
    let outcome = pool.install(|| scan::scan(&cfg.inputs, &cfg.pack, &cfg.options));
    if outcome.archives.is_empty() {
        return fail(format!(
            "no supported archive was found in {}; nothing was scanned",
            cfg.inputs
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let meta = Meta {
        run_date: &started.strftime("%Y-%m-%d").to_string(),
        tool_version: env!("CARGO_PKG_VERSION"),
        rule_pack: &format!("{} {}", cfg.pack.id(), cfg.pack.version()),
        rules: cfg.pack.rules(),
    };
    if let Err(e) = write_output(&cfg.findings, |out| {
        handover::write_handover(out, &outcome, &meta).map_err(|e| e.to_string())
    }) {
        return fail(e);
    }
    let failed = outcome.failed_entries();
    if !args.quiet {
        let lists = handover::build(&outcome, &meta).unwrap_or_default();
        for c in &lists {
            eprintln!(
                "{} ({}): {} item(s) to act on.",
                c.account, c.platform, c.to_act
            );
        }
        eprintln!("Handover checklist written to {}.", cfg.findings.display());
    }
    if failed > 0 {
        for r in outcome
            .coverage
            .iter()
            .filter(|r| r.status == social_audit::report::Status::Failed)
        {
            eprintln!("error: {}: {}: {}", r.archive, r.entry, r.detail);
        }
        return EXIT_INCOMPLETE;
    }
    EXIT_CLEAN
}

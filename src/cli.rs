//! Command-line definitions and exit codes. The work is done elsewhere;
//! this module only parses arguments, calls it, and reports.

use crate::archive::Limits;
use crate::org::Org;
use crate::report::{self, CoverageRow, Format, Output, Status, manifest};
use crate::rules::Pack;
use crate::scan::{self, Options};
use crate::severity::Severity;
use clap::{Args, Parser, Subcommand};
use jiff::Timestamp;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Exit status: scan complete, nothing at or above `--fail-on`.
pub const EXIT_CLEAN: i32 = 0;
/// Findings at or above `--fail-on`.
pub const EXIT_FINDINGS: i32 = 1;
/// Usage, rule-pack or input error: nothing was scanned.
pub const EXIT_ERROR: i32 = 2;
/// The scan finished but some content could not be read (see coverage).
pub const EXIT_INCOMPLETE: i32 = 3;

#[derive(Parser, Debug)]
#[command(
    name = "social-audit",
    version,
    about = "Audit exported social media archives of NHS accounts against NHS social media policy",
    long_about = "Reads \"download your data\" archives (zip files or extracted folders) and writes one CSV row per \
possible policy breach, with a coverage report of everything that was and was not read.\n\n\
Exit status: 0 no findings, 1 findings, 2 nothing could be scanned (usage, rule pack or input error), \
3 scan finished but some content could not be read."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Scan archives and write findings
    Scan(Box<ScanArgs>),
    /// List or test the rule pack
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
    /// Re-hash the inputs and outputs a manifest lists; exit 0 only when all still match
    Verify { manifest: PathBuf },
    /// Combine the outputs of `scan --shard I/N` runs into what one run writes
    Merge(MergeArgs),
    /// Show what an input holds (archives, platform, account, entries) without scanning
    Inspect {
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
enum RulesCommand {
    /// Print every rule: id, category, severity, policy clauses
    List {
        #[arg(long)]
        rules: Option<PathBuf>,
    },
    /// Run every rule's own match / no-match examples
    Test { path: Option<PathBuf> },
}

#[derive(Args, Debug)]
struct ScanArgs {
    /// Zip archives, extracted archive folders, or folders holding many of either
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Findings file (`-` for standard output)
    #[arg(short, long, default_value = "findings.csv")]
    output: PathBuf,
    #[arg(long, value_enum, default_value = "csv")]
    format: Format,
    /// A rule pack file or folder instead of the embedded NHS pack
    #[arg(long)]
    rules: Option<PathBuf>,
    /// Organisation profile (TOML): own domains, numbers, postcodes, handles, sites
    #[arg(long)]
    org: Option<PathBuf>,
    /// Only records created on or after this date (YYYY-MM-DD or RFC 3339)
    #[arg(long, value_parser = parse_since)]
    since: Option<Timestamp>,
    /// Only records created on or before this date (a bare date includes that whole day)
    #[arg(long, value_parser = parse_until)]
    until: Option<Timestamp>,
    /// Leave out findings below this severity (low, medium, high, critical)
    #[arg(long, default_value = "low", value_parser = parse_severity)]
    min_severity: Severity,
    /// Lowest severity that makes the exit status 1
    #[arg(long, default_value = "low", value_parser = parse_severity)]
    fail_on: Severity,
    /// A previous findings file (CSV or JSON Lines): findings it lists are left out and counted
    #[arg(long)]
    baseline: Vec<PathBuf>,
    /// Fingerprints reviewed and accepted, one per line with `# reason` comments
    #[arg(long)]
    ignore: Vec<PathBuf>,
    /// Mask matched personal data in the match, context and detail columns
    #[arg(long)]
    redact: bool,
    /// Write the coverage report (CSV) here
    #[arg(long)]
    coverage: Option<PathBuf>,
    /// Write the run manifest (JSON) here
    #[arg(long)]
    manifest: Option<PathBuf>,
    /// Worker threads (default: all cores)
    #[arg(short = 'j', long)]
    threads: Option<usize>,
    /// No progress bars (they are also off when stderr is not a terminal)
    #[arg(long)]
    no_progress: bool,
    /// Scan only shard I of N (1 ≤ I ≤ N); archives are split by a hash of their name
    #[arg(long, value_parser = parse_shard)]
    shard: Option<(usize, usize)>,
    /// Write a self-contained HTML summary for people here
    #[arg(long, value_name = "FILE.html")]
    summary: Option<PathBuf>,
}

#[derive(Args, Debug)]
struct MergeArgs {
    /// Findings files written by the shards (CSV, or JSON Lines with --format jsonl)
    #[arg(required = true)]
    findings: Vec<PathBuf>,
    /// Merged findings file
    #[arg(short, long)]
    output: PathBuf,
    #[arg(long, value_enum, default_value = "csv")]
    format: Format,
    /// The shards' coverage files
    #[arg(long, num_args = 1..)]
    coverage: Vec<PathBuf>,
    /// Where to write the merged coverage
    #[arg(long, requires = "coverage")]
    coverage_out: Option<PathBuf>,
    /// The shards' manifests
    #[arg(long, num_args = 1..)]
    manifest: Vec<PathBuf>,
    /// Where to write the merged manifest
    #[arg(long, requires = "manifest")]
    manifest_out: Option<PathBuf>,
}

pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                EXIT_ERROR
            } else {
                EXIT_CLEAN
            };
        }
    };
    report::remove_partials_on_interrupt();
    match cli.command {
        Command::Scan(args) => run_scan(*args),
        Command::Rules { command } => match command {
            RulesCommand::List { rules } => rules_list(rules.as_deref()),
            RulesCommand::Test { path } => rules_test(path.as_deref()),
        },
        Command::Inspect { inputs } => inspect(&inputs),
        Command::Verify { manifest } => verify(&manifest),
        Command::Merge(args) => merge(args),
    }
}

fn load_pack(path: Option<&Path>, org: &Org) -> Result<Pack, String> {
    match path {
        Some(p) => Pack::from_path(p, org),
        None => Pack::default_pack(org),
    }
}

fn fail(msg: impl std::fmt::Display) -> i32 {
    eprintln!("social-audit: {msg}");
    EXIT_ERROR
}

fn run_scan(args: ScanArgs) -> i32 {
    let started = Timestamp::now();
    let clock = Instant::now();
    if args.format == Format::Xlsx && args.output.as_os_str() == "-" {
        return fail("--format xlsx cannot be written to standard output; give a file with -o");
    }
    let org = match &args.org {
        Some(p) => match Org::load(p) {
            Ok(o) => o,
            Err(e) => return fail(e),
        },
        None => Org::default(),
    };
    let pack = match load_pack(args.rules.as_deref(), &org) {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    if let (Some(s), Some(u)) = (args.since, args.until)
        && s > u
    {
        return fail("--since is later than --until");
    }
    let threads = args.threads.unwrap_or(0);
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(p) => p,
        Err(e) => return fail(format!("cannot start worker threads: {e}")),
    };
    let mut suppress = crate::suppress::Suppressions::default();
    for p in &args.baseline {
        if let Err(e) = suppress.add_baseline(p) {
            return fail(e);
        }
    }
    for p in &args.ignore {
        if let Err(e) = suppress.add_ignore_file(p) {
            return fail(e);
        }
    }
    let opts = Options {
        since: args.since,
        until: args.until,
        min_severity: args.min_severity,
        redact: args.redact,
        progress: !args.no_progress && std::io::stderr().is_terminal(),
        limits: Limits::default(),
        suppress,
        shard: args.shard.map(|(i, n)| (i - 1, n)),
        org: org.clone(),
    };
    // Hash inputs for the manifest alongside the scan, not after it.
    let (outcome, hashes) = pool.install(|| {
        rayon::join(
            || scan::scan(&args.inputs, &pack, &opts),
            || {
                args.manifest.as_ref().map(|_| {
                    args.inputs
                        .iter()
                        .map(|p| manifest::hash_input(p).map_err(|e| e.to_string()))
                        .collect::<Vec<_>>()
                })
            },
        )
    });

    let mut outputs = Vec::new();
    let written = write_output(&args.output, |w| match args.format {
        Format::Csv => report::write_findings_csv(w, &outcome.findings).map_err(|e| e.to_string()),
        Format::Jsonl => {
            report::write_findings_jsonl(w, &outcome.findings).map_err(|e| e.to_string())
        }
        Format::Xlsx => report::xlsx::write_findings_xlsx(w, &outcome.findings),
    });
    match written {
        Ok(h) => outputs.push(("findings", &args.output, h)),
        Err(e) => return fail(e),
    }
    if let Some(p) = &args.summary {
        let meta = report::summary::Meta {
            run_date: &started.strftime("%Y-%m-%d").to_string(),
            tool_version: env!("CARGO_PKG_VERSION"),
            rule_pack: &format!("{} {}", pack.id(), pack.version()),
        };
        match write_output(p, |w| report::summary::write_summary(w, &outcome, &meta)) {
            Ok(h) => outputs.push(("summary", p, h)),
            Err(e) => return fail(e),
        }
    }
    if let Some(p) = &args.coverage {
        match write_output(p, |w| {
            report::write_coverage_csv(w, &outcome.coverage).map_err(|e| e.to_string())
        }) {
            Ok(h) => outputs.push(("coverage", p, h)),
            Err(e) => return fail(e),
        }
    }
    if let (Some(p), Some(hashes)) = (&args.manifest, hashes) {
        let m = build_manifest(&args, &pack, &outcome, hashes, &outputs, started);
        if let Err(e) = write_output(p, |w| {
            serde_json::to_writer_pretty(&mut *w, &m).map_err(|e| e.to_string())?;
            w.write_all(b"\n").map_err(|e| e.to_string())
        }) {
            return fail(e);
        }
    }

    report_to_stderr(&outcome, clock.elapsed().as_secs_f64());
    if let Some((i, n)) = args.shard
        && outcome.archives.is_empty()
        && outcome.failed_entries() == 0
    {
        eprintln!("Shard {i}/{n} holds no archives.");
        return EXIT_CLEAN;
    }
    if outcome.archives.is_empty() {
        eprintln!(
            "social-audit: no supported archive was found in {}; nothing was scanned",
            args.inputs
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
        .filter(|f| {
            f.severity
                .parse::<Severity>()
                .map(|s| s >= args.fail_on)
                .unwrap_or(true)
        })
        .count();
    if over > 0 { EXIT_FINDINGS } else { EXIT_CLEAN }
}

fn write_output(
    path: &Path,
    body: impl FnOnce(&mut Output) -> Result<(), String>,
) -> Result<String, String> {
    let mut out =
        Output::create(path).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    body(&mut out).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    out.finish()
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn build_manifest(
    args: &ScanArgs,
    pack: &Pack,
    outcome: &scan::Outcome,
    hashes: Vec<Result<(u64, String), String>>,
    outputs: &[(&'static str, &PathBuf, String)],
    started: Timestamp,
) -> manifest::Manifest {
    let mut totals = manifest::Totals {
        archives: outcome.archives.len() as u64,
        findings: outcome.findings.len() as u64,
        findings_below_min_severity: outcome.below_min_severity,
        findings_in_baseline: outcome.in_baseline,
        findings_ignored: outcome.ignored,
        ..Default::default()
    };
    for r in &outcome.coverage {
        *totals
            .entries
            .entry(r.status.as_str().to_string())
            .or_insert(0) += 1;
        totals.records += r.records;
    }
    let inputs = args
        .inputs
        .iter()
        .zip(hashes)
        .enumerate()
        .map(|(i, (p, h))| {
            let (size, sha256) = h.unwrap_or_else(|e| (0, format!("unavailable: {e}")));
            manifest::Input {
                path: p.display().to_string(),
                absolute_path: absolute(p),
                kind: if p.is_dir() { "folder" } else { "file" }.to_string(),
                size,
                sha256,
                archives: outcome
                    .archives
                    .iter()
                    .filter(|a| a.input == i)
                    .map(|a| manifest::ArchiveInfo {
                        archive: a.archive.clone(),
                        platform: a.platform.clone(),
                        account: a.account.clone(),
                        layout: a.layout.clone(),
                        records: a.records.clone(),
                        findings: outcome
                            .findings
                            .iter()
                            .filter(|f| f.archive == a.archive)
                            .count() as u64,
                    })
                    .collect(),
            }
        })
        .collect();
    manifest::Manifest {
        tool: env!("CARGO_PKG_NAME").to_string(),
        version: env!("CARGO_PKG_VERSION").to_string(),
        rule_pack: manifest::PackInfo {
            id: pack.id().to_string(),
            version: pack.version().to_string(),
            sha256: pack.content_hash().to_string(),
        },
        command_line: std::env::args().collect(),
        shard: args.shard.map(|(i, n)| format!("{i}/{n}")),
        started_at: rfc3339(started),
        finished_at: rfc3339(Timestamp::now()),
        inputs,
        totals,
        outputs: outputs
            .iter()
            .map(|(role, p, h)| manifest::OutputInfo {
                role: role.to_string(),
                path: p.display().to_string(),
                absolute_path: absolute(p),
                sha256: h.clone(),
            })
            .collect(),
    }
}

fn absolute(p: &Path) -> String {
    std::path::absolute(p)
        .map(|a| a.display().to_string())
        .unwrap_or_default()
}

fn verify(path: &Path) -> i32 {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => return fail(format!("cannot read manifest {}: {e}", path.display())),
    };
    let m: manifest::Manifest = match serde_json::from_str(&text) {
        Ok(m) => m,
        Err(e) => {
            return fail(format!(
                "{} is not a social-audit manifest: {e}",
                path.display()
            ));
        }
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut all_same = true;
    for (role, p, check) in manifest::verify(&m, dir) {
        match check {
            manifest::Check::Same => println!("OK       {role} {p}"),
            manifest::Check::Changed { now } => {
                all_same = false;
                println!("CHANGED  {role} {p} (sha256 now {now})");
            }
            manifest::Check::Missing(why) => {
                all_same = false;
                println!("MISSING  {role} {p} ({why})");
            }
        }
    }
    if all_same {
        println!("All inputs and outputs match the manifest.");
        EXIT_CLEAN
    } else {
        println!("Some inputs or outputs no longer match the manifest.");
        EXIT_FINDINGS
    }
}

fn rfc3339(t: Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn report_to_stderr(outcome: &scan::Outcome, secs: f64) {
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
    for w in &outcome.warnings {
        eprintln!("warning: {w}");
    }
    let count = |s: Status| outcome.coverage.iter().filter(|r| r.status == s).count();
    let records: u64 = outcome.coverage.iter().map(|r| r.records).sum();
    let mut by_sev = [0usize; 4];
    for f in &outcome.findings {
        if let Ok(s) = f.severity.parse::<Severity>() {
            by_sev[s as usize] += 1;
        }
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

fn rules_list(path: Option<&Path>) -> i32 {
    let pack = match load_pack(path, &Org::default()) {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    let mut out = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .from_writer(std::io::stdout());
    let _ = out.write_record([
        "id",
        "category",
        "severity",
        "confidence",
        "kind",
        "clauses",
        "policy_ref",
        "title",
    ]);
    for r in pack.rules() {
        let _ = out.write_record([
            r.id.as_str(),
            &r.category,
            r.severity.as_str(),
            r.confidence.as_str(),
            &r.kind,
            &r.clauses.join(","),
            &r.policy_ref,
            &r.title,
        ]);
    }
    let _ = out.flush();
    EXIT_CLEAN
}

fn rules_test(path: Option<&Path>) -> i32 {
    let pack = match load_pack(path, &Org::default()) {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    let (run, failures) = pack.test_examples();
    for f in &failures {
        let want = if f.expected_match {
            "should match"
        } else {
            "should not match"
        };
        println!("FAIL {}: {want}: {:?}", f.rule_id, f.example);
    }
    println!(
        "{} rules, {} examples: {} passed, {} failed",
        pack.rules().len(),
        run,
        run - failures.len(),
        failures.len()
    );
    if failures.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_FINDINGS
    }
}

fn inspect(inputs: &[PathBuf]) -> i32 {
    let platforms = crate::platform::all();
    let (candidates, loose) = scan::discover::discover(inputs, &platforms);
    let limits = Limits::default();
    let mut recognised = 0;
    for c in candidates {
        let archive = match crate::archive::Archive::open(&c.path, &limits) {
            Ok(a) => a,
            Err(e) => {
                println!("{}: cannot open: {e}", c.display);
                continue;
            }
        };
        let Some(unit) = platforms.iter().find_map(|p| p.open(&archive)) else {
            println!(
                "{}: not recognised ({} entries)",
                c.display,
                archive.entries().len()
            );
            continue;
        };
        recognised += 1;
        println!(
            "{}: {} ({}), account {:?}",
            c.display,
            unit.platform(),
            unit.layout(),
            unit.account()
        );
        let mut tally: std::collections::BTreeMap<&str, (usize, u64)> = Default::default();
        for e in archive.entries() {
            let d = match unit.disposition(e) {
                crate::platform::Disposition::Parse => "to parse",
                crate::platform::Disposition::Skipped(_) => "skipped",
                crate::platform::Disposition::Unknown => "unknown",
            };
            let t = tally.entry(d).or_default();
            t.0 += 1;
            t.1 += e.size;
            if d == "to parse" {
                println!("  {:>12} bytes  {}", e.size, e.name);
            }
        }
        for (d, (n, b)) in tally {
            println!("  {n} entries {d} ({b} bytes)");
        }
        for r in archive.refused() {
            println!("  refused {}: {}", r.name, r.reason);
        }
    }
    for CoverageRow {
        archive,
        entry,
        detail,
        ..
    } in loose
    {
        println!("{archive}: {entry}: {detail}");
    }
    if recognised == 0 {
        EXIT_ERROR
    } else {
        EXIT_CLEAN
    }
}

fn parse_shard(s: &str) -> Result<(usize, usize), String> {
    let bad = || format!("{s:?} is not a shard: use I/N with 1 ≤ I ≤ N, e.g. 2/8");
    let (i, n) = s.split_once('/').ok_or_else(bad)?;
    let (i, n): (usize, usize) = (
        i.trim().parse().map_err(|_| bad())?,
        n.trim().parse().map_err(|_| bad())?,
    );
    if i == 0 || n == 0 || i > n {
        return Err(bad());
    }
    Ok((i, n))
}

fn refs(paths: &[PathBuf]) -> Vec<&Path> {
    paths.iter().map(PathBuf::as_path).collect()
}

fn merge(args: MergeArgs) -> i32 {
    if args.format == Format::Xlsx {
        return fail(
            "merge reads and writes csv or jsonl; merge the shards' csv, then scan again for xlsx",
        );
    }
    let mut outputs = Vec::new();
    let findings = refs(&args.findings);
    let written = write_output(&args.output, |w| match args.format {
        Format::Csv => report::merge::merge_csv(&findings, w).map(|_| ()),
        Format::Jsonl => report::merge::merge_jsonl(&findings, w).map(|_| ()),
        Format::Xlsx => Err("xlsx cannot be merged".to_string()),
    });
    match written {
        Ok(h) => outputs.push(("findings", &args.output, h)),
        Err(e) => return fail(e),
    }
    if let Some(out) = &args.coverage_out {
        let covs = refs(&args.coverage);
        match write_output(out, |w| report::merge::merge_csv(&covs, w).map(|_| ())) {
            Ok(h) => outputs.push(("coverage", out, h)),
            Err(e) => return fail(e),
        }
    }
    if let Some(out) = &args.manifest_out {
        let mut m = match report::merge::merge_manifests(&refs(&args.manifest)) {
            Ok(m) => m,
            Err(e) => return fail(e),
        };
        m.command_line = std::env::args().collect();
        m.outputs = outputs
            .iter()
            .map(|(role, p, h)| manifest::OutputInfo {
                role: role.to_string(),
                path: p.display().to_string(),
                absolute_path: absolute(p),
                sha256: h.clone(),
            })
            .collect();
        if let Err(e) = write_output(out, |w| {
            serde_json::to_writer_pretty(&mut *w, &m).map_err(|e| e.to_string())?;
            w.write_all(b"\n").map_err(|e| e.to_string())
        }) {
            return fail(e);
        }
    }
    EXIT_CLEAN
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    s.parse()
}

fn parse_date(s: &str, end_of_day: bool) -> Result<Timestamp, String> {
    if let Ok(t) = s.parse::<Timestamp>() {
        return Ok(t);
    }
    let d: jiff::civil::Date = s
        .parse()
        .map_err(|_| format!("{s:?} is not a date (use YYYY-MM-DD or RFC 3339)"))?;
    let t = if end_of_day {
        d.at(23, 59, 59, 999_999_999)
    } else {
        d.at(0, 0, 0, 0)
    };
    t.to_zoned(jiff::tz::TimeZone::UTC)
        .map(|z| z.timestamp())
        .map_err(|e| e.to_string())
}

fn parse_since(s: &str) -> Result<Timestamp, String> {
    parse_date(s, false)
}

fn parse_until(s: &str) -> Result<Timestamp, String> {
    parse_date(s, true)
}

/// Peak resident memory of this process (Linux), for the run summary:
/// memory is a product feature and users should see it.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

//! Command-line definitions (the raw arguments, as clap parses them) and
//! the dispatch to subcommands. Validation lives in [`crate::config`] and
//! the work in [`crate::command`]; see docs/ARCHITECTURE.md.

use crate::command;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use jiff::Timestamp;
use social_audit::report::Format;
use social_audit::vocab::Severity;
use social_audit::vocab::{DateOrder, Platform};
use std::path::PathBuf;

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
    about = "Audit exported social media archives of NHS accounts against NHS social media policy",
    long_about = "Reads \"download your data\" archives (zip files or extracted folders) and writes one CSV row per \
possible policy breach, with a coverage report of everything that was and was not read.\n\n\
Exit status: 0 no findings, 1 findings, 2 nothing could be scanned (usage, rule pack or input error), \
3 scan finished but some content could not be read."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Scan archives and write findings
    Scan(Box<ScanArgs>),
    /// List or test the rule pack
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
    /// Scan archives and write only the handover checklist page (what a new owner must act on)
    Handover(HandoverArgs),
    /// Re-hash the inputs and outputs a manifest lists; exit 0 only when all still match
    Verify(VerifyArgs),
    /// Combine the outputs of `scan --shard I/N` runs into what one run writes
    Merge(MergeArgs),
    /// Show what an input holds (archives, platform, account, entries) without scanning
    Inspect {
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output
    Man,
}

#[derive(Subcommand, Debug)]
pub enum RulesCommand {
    /// Print every rule: id, category, severity, policy clauses
    List {
        #[arg(long)]
        rules: Option<PathBuf>,
    },
    /// Run every rule's own match / no-match examples
    Test { path: Option<PathBuf> },
    /// Show which rules, and which composition signals, fire on a text
    Explain {
        /// The text, as it would appear in a post or message
        text: String,
        /// Record kind the text is read as (post, reply, comment, dm, profile, …)
        #[arg(long, default_value = "post")]
        kind: String,
        #[arg(long)]
        rules: Option<PathBuf>,
    },
}

/// `scan` as typed. Options a config file can also set are `Option`s here,
/// so [`crate::config`] can tell "not given" from a default.
#[derive(Args, Debug, Default)]
pub struct ScanArgs {
    /// Zip archives, extracted archive folders, or folders holding many of either
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Findings file (`-` for standard output); default findings.csv (or .jsonl/.xlsx after --format)
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Findings format; default: from the -o extension (.csv, .jsonl, .xlsx), else csv
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// A rule pack file or folder instead of the embedded NHS pack
    #[arg(long)]
    pub rules: Option<PathBuf>,
    /// Organisation profile (TOML): own domains, numbers, postcodes, handles, sites
    #[arg(long)]
    pub org: Option<PathBuf>,
    /// Only records created on or after this date (YYYY-MM-DD or RFC 3339)
    #[arg(long, value_parser = parse_since)]
    pub since: Option<Timestamp>,
    /// Only records created on or before this date (a bare date includes that whole day)
    #[arg(long, value_parser = parse_until)]
    pub until: Option<Timestamp>,
    /// Leave out findings below this severity (low, medium, high, critical); default low
    #[arg(long, value_parser = parse_severity)]
    pub min_severity: Option<Severity>,
    /// Lowest severity that makes the exit status 1; default low
    #[arg(long, value_parser = parse_severity)]
    pub fail_on: Option<Severity>,
    /// A previous findings file (CSV, JSON Lines or XLSX): findings it lists are left out and counted
    #[arg(long)]
    pub baseline: Vec<PathBuf>,
    /// Reviewed fingerprints to leave out: one per line with `# reason` comments, or a findings file
    #[arg(long)]
    pub ignore: Vec<PathBuf>,
    /// A reviewed findings file (CSV or XLSX): findings marked false-positive or accepted in its review column are left out and listed in the manifest; escalated and to-check keep their review
    #[arg(long)]
    pub reviewed: Vec<PathBuf>,
    /// Mask matched personal data in every output
    #[arg(long)]
    pub redact: bool,
    /// Read the text in images with Tesseract OCR (must be installed) and run the rules on it
    #[arg(long)]
    pub ocr: bool,
    /// Also run the contextual encoder (a small transformer that reads each text as a whole): finds more, at about 15 ms a text
    #[arg(long)]
    pub deep: bool,
    /// Write the coverage report (CSV) here
    #[arg(long)]
    pub coverage: Option<PathBuf>,
    /// Write the run manifest (JSON) here
    #[arg(long)]
    pub manifest: Option<PathBuf>,
    /// Worker threads, 1 or more (default: all cores)
    #[arg(short = 'j', long, value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    /// No progress bars (they are also off when stderr is not a terminal)
    #[arg(long)]
    pub no_progress: bool,
    /// Print only errors on stderr (no summary, warnings or progress)
    #[arg(short, long)]
    pub quiet: bool,
    /// Scan only shard I of N (1 ≤ I ≤ N); archives are split by a hash of their name
    #[arg(long, value_parser = parse_shard)]
    pub shard: Option<(usize, usize)>,
    /// Write a self-contained HTML summary for people here
    #[arg(long, value_name = "FILE.html")]
    pub summary: Option<PathBuf>,
    /// Leave out this rule (an id, or a prefix ending in `*` such as `links.*`); repeatable
    #[arg(long, value_name = "RULE")]
    pub disable: Vec<String>,
    /// Run only these rules (ids or `prefix*`); repeatable
    #[arg(long, value_name = "RULE")]
    pub enable: Vec<String>,
    /// Only archives of this platform; repeatable
    #[arg(long, value_enum)]
    pub platform: Vec<Platform>,
    /// Only archives of this account (handle, any case); repeatable
    #[arg(long, value_name = "HANDLE")]
    pub account: Vec<String>,
    /// Time zone of the phone that exported a WhatsApp chat (IANA name); default Europe/London
    #[arg(long, value_name = "ZONE", value_parser = parse_timezone)]
    pub timezone: Option<jiff::tz::TimeZone>,
    /// Day/month order of all-numeric WhatsApp dates; default: decided from each file
    #[arg(long, value_enum, value_name = "ORDER")]
    pub date_order: Option<DateOrder>,
    /// Read settings from this file instead of ./social-audit.toml
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Do not read ./social-audit.toml
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    /// Bytes of findings held in memory before they wait, sorted, in a
    /// private scratch file beside the findings file; default 16 MiB
    /// (docs/ARCHITECTURE.md, "Bounded memory"). Hidden: for tests and
    /// for very small machines.
    #[arg(long, hide = true, value_name = "BYTES")]
    pub findings_memory: Option<usize>,
}

/// `handover`: the scan's inputs and rule options, and the page to write.
#[derive(Args, Debug)]
pub struct HandoverArgs {
    /// Zip archives, extracted archive folders, or folders holding many of either
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The checklist page (HTML; `-` for standard output)
    #[arg(short, long, default_value = "handover.html")]
    pub output: PathBuf,
    /// A rule pack file or folder instead of the embedded NHS pack
    #[arg(long)]
    pub rules: Option<PathBuf>,
    /// Organisation profile (TOML): own domains, numbers, postcodes, handles, sites
    #[arg(long)]
    pub org: Option<PathBuf>,
    /// Mask matched personal data on the page
    #[arg(long)]
    pub redact: bool,
    /// Worker threads, 1 or more (default: all cores)
    #[arg(short = 'j', long, value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    /// Print only errors on stderr
    #[arg(short, long)]
    pub quiet: bool,
    /// Read settings from this file instead of ./social-audit.toml
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Do not read ./social-audit.toml
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
}

#[derive(Args, Debug)]
pub struct VerifyArgs {
    pub manifest: PathBuf,
    /// Hash the absolute paths recorded at scan time instead of the files
    /// found relative to the manifest's folder
    #[arg(long)]
    pub original: bool,
}

#[derive(Args, Debug)]
pub struct MergeArgs {
    /// Findings files written by the shards (CSV, or JSON Lines with --format jsonl)
    #[arg(required = true)]
    pub findings: Vec<PathBuf>,
    /// Merged findings file
    #[arg(short, long)]
    pub output: PathBuf,
    #[arg(long, value_enum, default_value = "csv")]
    pub format: Format,
    /// The shards' coverage files
    #[arg(long, num_args = 1..)]
    pub coverage: Vec<PathBuf>,
    /// Where to write the merged coverage
    #[arg(long, requires = "coverage")]
    pub coverage_out: Option<PathBuf>,
    /// The shards' manifests
    #[arg(long, num_args = 1..)]
    pub manifest: Vec<PathBuf>,
    /// Where to write the merged manifest
    #[arg(long, requires = "manifest")]
    pub manifest_out: Option<PathBuf>,
}

/// `--version`: the tool and the embedded pack it carries.
fn version() -> &'static str {
    let pack = social_audit::rules::Pack::embedded_header()
        .map(|(id, v)| format!("{id} {v}"))
        .unwrap_or_else(|| "unreadable".into());
    Box::leak(format!("{} (rule pack {pack})", env!("CARGO_PKG_VERSION")).into_boxed_str())
}

/// The clap command, with the run-time version string.
pub fn command() -> clap::Command {
    Cli::command().version(version())
}

pub fn main() -> i32 {
    let matches = match command().try_get_matches() {
        Ok(m) => m,
        Err(e) => return clap_exit(e),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => return clap_exit(e),
    };
    social_audit::report::remove_partials_on_interrupt();
    match cli.command {
        Command::Scan(args) => command::scan::run(*args),
        Command::Rules { command } => match command {
            RulesCommand::List { rules } => command::rules::list(rules.as_deref()),
            RulesCommand::Test { path } => command::rules::test(path.as_deref()),
            RulesCommand::Explain { text, kind, rules } => {
                command::rules::explain(&text, &kind, rules.as_deref())
            }
        },
        Command::Inspect { inputs } => command::inspect::run(&inputs),
        Command::Handover(args) => command::handover::run(args),
        Command::Verify(args) => command::verify::run(&args.manifest, args.original),
        Command::Merge(args) => command::merge::run(args),
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut command(),
                "social-audit",
                &mut std::io::stdout(),
            );
            EXIT_CLEAN
        }
        Command::Man => match clap_mangen::Man::new(command()).render(&mut std::io::stdout()) {
            Ok(()) => EXIT_CLEAN,
            Err(e) => command::fail(format!("cannot write the manual page: {e}")),
        },
    }
}

fn clap_exit(e: clap::Error) -> i32 {
    let _ = e.print();
    if e.use_stderr() {
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

pub fn parse_severity(s: &str) -> Result<Severity, String> {
    s.parse()
        .map_err(|e: social_audit::error::Error| e.to_string())
}

pub fn parse_date(s: &str, end_of_day: bool) -> Result<Timestamp, String> {
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

/// An IANA time-zone name the compiled-in database knows.
pub fn parse_timezone(s: &str) -> Result<jiff::tz::TimeZone, String> {
    jiff::tz::db().get(s.trim()).map_err(|_| {
        format!(
            "{s:?} is not a time zone the built-in database knows \
             (use an IANA name such as Europe/London, Europe/Warsaw or UTC)"
        )
    })
}

fn parse_since(s: &str) -> Result<Timestamp, String> {
    parse_date(s, false)
}

fn parse_until(s: &str) -> Result<Timestamp, String> {
    parse_date(s, true)
}

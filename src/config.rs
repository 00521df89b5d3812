//! A validated scan: the raw arguments ([`crate::cli::ScanArgs`]) merged
//! with the settings file and checked before anything is read, so a typo
//! or an unsafe output path stops the run with exit 2 instead of costing a
//! whole scan or overwriting evidence. See docs/OUTPUTS.md ("Settings file").

use crate::cli::ScanArgs;
use serde::Deserialize;
use social_audit::archive::Limits;
use social_audit::org::Org;
use social_audit::platform::ReadOptions;
use social_audit::report::Format;
use social_audit::rules::Pack;
use social_audit::scan;
use social_audit::suppress::Suppressions;
use social_audit::vocab::Severity;
use social_audit::vocab::{DateOrder, Platform};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// The settings file looked for in the working directory.
pub const SETTINGS_FILE: &str = "social-audit.toml";

/// Everything a scan needs, validated.
pub struct ScanConfig {
    pub inputs: Vec<PathBuf>,
    pub findings: PathBuf,
    pub format: Format,
    pub summary: Option<PathBuf>,
    pub coverage: Option<PathBuf>,
    pub manifest: Option<PathBuf>,
    pub pack: Pack,
    pub options: scan::Options,
    pub fail_on: Severity,
    /// Worker threads; 0 = one per core.
    pub threads: usize,
    pub quiet: bool,
    /// 1-based `--shard I/N`, as the user wrote it.
    pub shard: Option<(usize, usize)>,
    /// The settings file that was read, if any.
    pub settings: Option<PathBuf>,
    /// Rules left out by `--disable`/`--enable`.
    pub rules_left_out: usize,
}

/// `social-audit.toml`: the options of `scan` a quarterly run repeats.
/// Paths are relative to the file's folder. Command-line options win over
/// the file; list options (`disable`, `baseline`, `ignore`, `reviewed`)
/// add to it.
#[derive(Deserialize, Default, Debug)]
#[serde(deny_unknown_fields)]
struct Settings {
    /// A profile file, or the profile itself as an `[org]` table.
    org: Option<OrgSetting>,
    rules: Option<PathBuf>,
    output: Option<PathBuf>,
    format: Option<Format>,
    coverage: Option<PathBuf>,
    manifest: Option<PathBuf>,
    summary: Option<PathBuf>,
    min_severity: Option<String>,
    fail_on: Option<String>,
    redact: Option<bool>,
    since: Option<String>,
    until: Option<String>,
    #[serde(default)]
    disable: Vec<String>,
    #[serde(default)]
    enable: Vec<String>,
    #[serde(default)]
    platform: Vec<Platform>,
    #[serde(default)]
    account: Vec<String>,
    #[serde(default)]
    baseline: Vec<PathBuf>,
    #[serde(default)]
    ignore: Vec<PathBuf>,
    /// Reviewed findings files (`--reviewed`): the review decisions a
    /// quarterly run carries from one quarter to the next.
    #[serde(default)]
    reviewed: Vec<PathBuf>,
    threads: Option<u16>,
    ocr: Option<bool>,
    deep: Option<bool>,
    timezone: Option<String>,
    date_order: Option<DateOrder>,
}

#[derive(Deserialize, Debug)]
#[serde(untagged)]
enum OrgSetting {
    Path(PathBuf),
    Inline(toml::Table),
}

impl ScanConfig {
    pub fn from_args(mut args: ScanArgs) -> Result<ScanConfig, String> {
        let settings_path = match (&args.config, args.no_config) {
            (Some(p), _) => Some(p.clone()),
            (None, true) => None,
            (None, false) => Some(PathBuf::from(SETTINGS_FILE)).filter(|p| p.is_file()),
        };
        let (settings, base) = match &settings_path {
            Some(p) => (
                read_settings(p)?,
                p.parent().unwrap_or(Path::new("")).to_path_buf(),
            ),
            None => (Settings::default(), PathBuf::new()),
        };
        let rel = |p: PathBuf| if p.is_absolute() { p } else { base.join(p) };

        // Inputs first: a missing one is a typo, not something to scan around.
        for p in &args.inputs {
            if std::fs::symlink_metadata(p).is_err() {
                return Err(format!("{} does not exist", p.display()));
            }
        }

        // Tesseract is checked before anything is read: a missing engine
        // is a setup problem, not a scan with holes in it.
        let ocr = if args.ocr || settings.ocr.unwrap_or(false) {
            Some(social_audit::media::ocr::Ocr::detect()?)
        } else {
            None
        };

        let (org_path, org_setting) = match (&args.org, settings.org) {
            (Some(p), _) => (Some(p.clone()), None),
            (None, Some(OrgSetting::Path(p))) => (Some(rel(p)), None),
            (None, other) => (None, other),
        };
        let org = match (&org_path, org_setting) {
            (Some(p), _) => Org::load(p)?,
            (None, Some(OrgSetting::Inline(t))) => {
                let text = toml::to_string(&t).map_err(|e| e.to_string())?;
                Org::parse(&text).map_err(|e| {
                    format!(
                        "{}: [org]: {e}",
                        settings_path.as_deref().unwrap_or(Path::new("")).display()
                    )
                })?
            }
            // (a path was moved into `org_path` above)
            (None, _) => Org::default(),
        };
        let rules_path = args.rules.clone().or(settings.rules.map(rel));
        let mut pack = match &rules_path {
            Some(p) => Pack::from_path(p, &org)?,
            None => Pack::default_pack(&org)?,
        };
        pack.set_deep(args.deep || settings.deep.unwrap_or(false));

        let sev = |cli: Option<Severity>, file: Option<String>, key: &str| match (cli, file) {
            (Some(s), _) => Ok(s),
            (None, Some(s)) => s.parse().map_err(|e| format!("{key} in settings: {e}")),
            (None, None) => Ok(Severity::Low),
        };
        let min_severity = sev(args.min_severity, settings.min_severity, "min_severity")?;
        let fail_on = sev(args.fail_on, settings.fail_on, "fail_on")?;
        let date = |cli: Option<jiff::Timestamp>, file: Option<String>, end| match (cli, file) {
            (Some(t), _) => Ok(Some(t)),
            (None, Some(s)) => crate::cli::parse_date(&s, end).map(Some),
            (None, None) => Ok(None),
        };
        let since = date(args.since, settings.since, false)?;
        let until = date(args.until, settings.until, true)?;
        if let (Some(s), Some(u)) = (since, until)
            && s > u
        {
            return Err("--since is later than --until".into());
        }

        let output = args.output.take().or(settings.output.map(rel));
        let (findings, format) = findings_target(output, args.format.or(settings.format))?;
        let summary = args.summary.take().or(settings.summary.map(rel));
        let coverage = args.coverage.take().or(settings.coverage.map(rel));
        let manifest = args.manifest.take().or(settings.manifest.map(rel));

        let baseline: Vec<PathBuf> = settings
            .baseline
            .into_iter()
            .map(rel)
            .chain(args.baseline)
            .collect();
        let ignore: Vec<PathBuf> = settings
            .ignore
            .into_iter()
            .map(rel)
            .chain(args.ignore)
            .collect();
        let reviewed: Vec<PathBuf> = settings
            .reviewed
            .into_iter()
            .map(rel)
            .chain(args.reviewed)
            .collect();

        // Nothing may be written over an input, a file this run reads, or
        // another output: checked before the scan (docs/OUTPUTS.md).
        let mut reads: Vec<(&str, &Path)> = Vec::new();
        reads.extend(baseline.iter().map(|p| ("baseline", p.as_path())));
        reads.extend(reviewed.iter().map(|p| ("reviewed file", p.as_path())));
        reads.extend(ignore.iter().map(|p| ("ignore file", p.as_path())));
        if let Some(p) = &org_path {
            reads.push(("organisation profile", p));
        }
        if let Some(p) = &rules_path {
            reads.push(("rule pack", p));
        }
        if let Some(p) = &settings_path {
            reads.push(("settings file", p));
        }
        let mut outputs: Vec<(&str, &Path)> = vec![("findings", &findings)];
        for (role, p) in [
            ("summary", &summary),
            ("coverage", &coverage),
            ("manifest", &manifest),
        ] {
            if let Some(p) = p {
                outputs.push((role, p));
            }
        }
        check_outputs(&args.inputs, &reads, &outputs)?;

        let mut suppress = Suppressions::default();
        for p in &baseline {
            suppress.add_baseline(p)?;
        }
        for p in &ignore {
            suppress.add_ignore_file(p)?;
        }
        // In order: a later file's review of the same finding wins, so the
        // command line's files override the settings file's.
        for p in &reviewed {
            suppress.add_reviewed(p)?;
        }

        let disable: Vec<String> = settings.disable.into_iter().chain(args.disable).collect();
        let enable = if args.enable.is_empty() {
            settings.enable
        } else {
            args.enable
        };
        let enabled = rule_mask(&pack, &enable, &disable)?;
        let rules_left_out = enabled.iter().filter(|on| !**on).count();
        let platforms = if args.platform.is_empty() {
            settings.platform
        } else {
            args.platform
        };
        let accounts = if args.account.is_empty() {
            settings.account
        } else {
            args.account
        };

        let timezone = match (args.timezone.take(), &settings.timezone) {
            (Some(tz), _) => tz,
            (None, Some(name)) => crate::cli::parse_timezone(name)
                .map_err(|e| format!("timezone in settings: {e}"))?,
            (None, None) => ReadOptions::default().timezone,
        };
        let reading = ReadOptions {
            timezone,
            date_order: args.date_order.or(settings.date_order),
        };

        let quiet = args.quiet;
        let options = scan::Options {
            since,
            until,
            min_severity,
            redact: args.redact || settings.redact.unwrap_or(false),
            progress: !args.no_progress && !quiet && std::io::stderr().is_terminal(),
            limits: Limits::default(),
            suppress,
            shard: args.shard.map(|(i, n)| (i - 1, n)),
            org,
            enabled,
            platforms,
            accounts,
            ocr,
            reading,
            spill: Some(scan::Spill {
                dir: spill_dir(&findings),
                budget: args.findings_memory.unwrap_or(scan::DEFAULT_BUDGET),
            }),
        };
        Ok(ScanConfig {
            inputs: args.inputs,
            findings,
            format,
            summary,
            coverage,
            manifest,
            pack,
            options,
            fail_on,
            threads: match args.threads.or(settings.threads) {
                Some(0) => return Err("threads = 0 in the settings file: use 1 or more".into()),
                t => t.map_or(0, usize::from),
            },
            quiet,
            shard: args.shard,
            settings: settings_path,
            rules_left_out,
        })
    }
}

fn read_settings(path: &Path) -> Result<Settings, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read settings file {}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("settings file {}: {}", path.display(), e.message()))
}

/// The findings file and its format: `--format` when given, else the
/// extension; a contradiction (`--format xlsx -o f.csv`) is refused.
/// Where findings past the memory budget wait while the scan runs: beside
/// the findings file, where the user chose to put personal data; the
/// system's temporary folder when the findings go to standard output or a
/// device.
fn spill_dir(findings: &Path) -> PathBuf {
    let device = findings.as_os_str() == "-" || social_audit::report::is_device(findings);
    match findings.parent() {
        _ if device => std::env::temp_dir(),
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn findings_target(
    output: Option<PathBuf>,
    format: Option<Format>,
) -> Result<(PathBuf, Format), String> {
    let by_extension = output.as_deref().and_then(Format::from_extension);
    let format = match (format, by_extension) {
        (Some(f), Some(e)) if f != e => {
            let o = output.as_deref().unwrap_or(Path::new("")).display();
            return Err(format!(
                "--format {} contradicts the output name {o}: use a .{} name or leave out --format",
                f.name(),
                f.extension()
            ));
        }
        (Some(f), _) => f,
        (None, Some(e)) => e,
        (None, None) => Format::Csv,
    };
    let path = output.unwrap_or_else(|| PathBuf::from(format!("findings.{}", format.extension())));
    if matches!(format, Format::Xlsx | Format::Sqlite) && path.as_os_str() == "-" {
        return Err(format!(
            "--format {} cannot be written to standard output; give a file with -o",
            format.name()
        ));
    }
    Ok((path, format))
}

/// Where an output would land, resolved through symbolic links, so two
/// spellings of one file compare equal. The folder must exist.
fn resolve_output(role: &str, p: &Path) -> Result<PathBuf, String> {
    if let Ok(c) = std::fs::canonicalize(p) {
        if c.is_dir() {
            return Err(format!(
                "cannot write the {role} to {}: it is a folder",
                p.display()
            ));
        }
        return Ok(c);
    }
    let name = p
        .file_name()
        .ok_or_else(|| format!("cannot write the {role} to {}: no file name", p.display()))?;
    let parent = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let dir = std::fs::canonicalize(parent).map_err(|_| {
        format!(
            "cannot write the {role} to {}: folder {} does not exist",
            p.display(),
            parent.display()
        )
    })?;
    Ok(dir.join(name))
}

/// Refuses an output that is an input, lies inside an input folder, is a
/// file this run reads, or is another output.
fn check_outputs(
    inputs: &[PathBuf],
    reads: &[(&str, &Path)],
    outputs: &[(&str, &Path)],
) -> Result<(), String> {
    let inputs: Vec<(PathBuf, &PathBuf)> = inputs
        .iter()
        .map(|p| {
            std::fs::canonicalize(p)
                .map(|c| (c, p))
                .map_err(|e| format!("{}: {e}", p.display()))
        })
        .collect::<Result<_, _>>()?;
    let reads: Vec<(PathBuf, &str, &Path)> = reads
        .iter()
        .filter_map(|(role, p)| std::fs::canonicalize(p).ok().map(|c| (c, *role, *p)))
        .collect();
    let mut seen: Vec<(PathBuf, &str)> = Vec::new();
    let mut stdout: Option<&str> = None;
    for (role, p) in outputs {
        if p.as_os_str() == "-" {
            if let Some(other) = stdout {
                return Err(format!(
                    "the {other} and the {role} cannot both go to standard output"
                ));
            }
            stdout = Some(role);
            continue;
        }
        let at = resolve_output(role, p)?;
        for (input, given) in &inputs {
            if at == *input || same_file(&at, input) {
                return Err(format!(
                    "refusing to write the {role} to {}: it is an input, and evidence is never overwritten",
                    p.display()
                ));
            }
            if input.is_dir() && at.starts_with(input) {
                return Err(format!(
                    "refusing to write the {role} to {}: it is inside the input folder {}; write outputs elsewhere",
                    p.display(),
                    given.display()
                ));
            }
        }
        for (read, what, given) in &reads {
            if at == *read || same_file(&at, read) {
                return Err(format!(
                    "refusing to write the {role} to {}: it is the {what} this run reads ({})",
                    p.display(),
                    given.display()
                ));
            }
        }
        // Several outputs may all be thrown away into `/dev/null`.
        let device = social_audit::report::is_device(&at);
        if let Some((_, other)) = seen.iter().find(|(s, _)| *s == at && !device) {
            return Err(format!(
                "the {other} and the {role} would both be written to {}",
                p.display()
            ));
        }
        seen.push((at, role));
    }
    Ok(())
}

/// Hard links and other spellings of an existing file.
#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &Path, _: &Path) -> bool {
    false
}

/// Per rule of `pack`, whether it runs: every rule, or only those `enable`
/// names, less those `disable` names. A name is a rule id or a prefix
/// ending in `*`; one that names no rule is an error (a typo would
/// otherwise silently change what is checked).
fn rule_mask(pack: &Pack, enable: &[String], disable: &[String]) -> Result<Vec<bool>, String> {
    let ids: Vec<&str> = pack.rules().iter().map(|r| r.id.as_str()).collect();
    let matching = |pat: &str, flag: &str| -> Result<Vec<bool>, String> {
        let hits: Vec<bool> = ids
            .iter()
            .map(|id| match pat.strip_suffix('*') {
                Some(prefix) => id.starts_with(prefix),
                None => *id == pat,
            })
            .collect();
        if hits.iter().any(|h| *h) {
            Ok(hits)
        } else {
            Err(format!(
                "--{flag} {pat}: no rule has that id (see `social-audit rules list`)"
            ))
        }
    };
    let mut on = vec![enable.is_empty(); ids.len()];
    for pat in enable {
        for (i, hit) in matching(pat, "enable")?.into_iter().enumerate() {
            on[i] |= hit;
        }
    }
    for pat in disable {
        for (i, hit) in matching(pat, "disable")?.into_iter().enumerate() {
            on[i] &= !hit;
        }
    }
    Ok(on)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_follows_the_extension_unless_given_and_contradictions_are_refused() {
        let t = |o: Option<&str>, f| findings_target(o.map(PathBuf::from), f);
        assert_eq!(t(Some("out.xlsx"), None).unwrap().1, Format::Xlsx);
        assert_eq!(t(Some("out.JSONL"), None).unwrap().1, Format::Jsonl);
        assert_eq!(t(Some("out.txt"), None).unwrap().1, Format::Csv);
        assert_eq!(
            t(None, Some(Format::Xlsx)).unwrap(),
            (PathBuf::from("findings.xlsx"), Format::Xlsx)
        );
        assert_eq!(t(None, None).unwrap().0, PathBuf::from("findings.csv"));
        assert!(t(Some("out.csv"), Some(Format::Xlsx)).is_err());
        assert!(t(Some("-"), Some(Format::Xlsx)).is_err());
        assert_eq!(t(Some("-"), None).unwrap().1, Format::Csv);
        assert_eq!(t(Some("case.SQLite"), None).unwrap().1, Format::Sqlite);
        assert_eq!(t(Some("case.sqlite3"), None).unwrap().1, Format::Sqlite);
        assert_eq!(
            t(None, Some(Format::Sqlite)).unwrap().0,
            PathBuf::from("findings.sqlite")
        );
        assert!(t(Some("case.sqlite"), Some(Format::Csv)).is_err());
        assert!(t(Some("-"), Some(Format::Sqlite)).is_err());
    }

    #[test]
    fn outputs_may_not_be_inputs_reads_or_each_other() {
        let d = tempfile::tempdir().unwrap();
        let zip = d.path().join("ev.zip");
        std::fs::write(&zip, b"x").unwrap();
        let folder = d.path().join("export");
        std::fs::create_dir(&folder).unwrap();
        let base = d.path().join("last.csv");
        std::fs::write(&base, b"x").unwrap();
        let inputs = [zip.clone(), folder.clone()];
        let reads = [("baseline", base.as_path())];
        let ok = d.path().join("f.csv");
        let check = |outs: &[(&str, &Path)]| check_outputs(&inputs, &reads, outs);
        assert!(check(&[("findings", &ok)]).is_ok());
        let e = check(&[("findings", &zip)]).unwrap_err();
        assert!(e.contains("it is an input"), "{e}");
        // another spelling of the same file
        let dotted = d.path().join(".").join("ev.zip");
        assert!(check(&[("findings", &dotted)]).is_err());
        let e = check(&[("coverage", &folder.join("c.csv"))]).unwrap_err();
        assert!(e.contains("inside the input folder"), "{e}");
        let e = check(&[("findings", &base)]).unwrap_err();
        assert!(e.contains("baseline"), "{e}");
        let e = check(&[("findings", &ok), ("coverage", &ok)]).unwrap_err();
        assert!(e.contains("both be written"), "{e}");
        let dash = Path::new("-");
        assert!(check(&[("findings", dash), ("coverage", dash)]).is_err());
        // Only read, never written, here: every output may be thrown away.
        let null = Path::new("/dev/null");
        if null.exists() {
            assert!(check(&[("findings", null), ("coverage", null)]).is_ok());
        }
        let e = check(&[("findings", &d.path().join("typo/f.csv"))]).unwrap_err();
        assert!(e.contains("does not exist"), "{e}");
    }
}

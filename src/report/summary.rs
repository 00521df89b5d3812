//! `--summary FILE.html`: one self-contained page for people (a governance
//! committee, a comms lead): totals by severity and category, a chart of
//! findings per account per quarter, the top rules, what was and was not
//! read, and links to the posts.
//!
//! The sink only counts and formats what the scan returns; it never
//! re-reads archives or re-derives findings. The page has no scripts, no
//! fonts and no network loads (a Content-Security-Policy says so), every
//! text is escaped by the template engine (minijinja auto-escapes `.html`
//! templates), and the chart is an inline SVG drawn by plotters. Nothing in
//! it depends on the thread count; the only run-dependent text is the run
//! date.

use crate::error::Result;
use crate::finding::Finding;
use crate::record::RecordKind;
use crate::report::{Coverage, CoverageView, Status};
use crate::scan::Outcome;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

const TEMPLATE: &str = include_str!("templates/summary.html");

/// Severities from most to least serious, as the page lists them.
pub const SEVERITIES: [&str; 4] = ["critical", "high", "medium", "low"];

/// How many rules the "most frequent rules" table shows.
const TOP_RULES: usize = 10;
/// How many findings the links table shows (the findings file has all).
const MAX_LINKED: usize = 1000;
/// How many unread entries are listed one by one.
const MAX_UNREAD: usize = 200;
/// Longest span of quarters shown with its empty quarters.
const MAX_SPAN: usize = 12;
/// Bucket for findings with no date and for profile and account findings
/// (an account record's date is the account's creation, not a post's).
pub const UNDATED: &str = "no date or account";

/// Colour-blind-safe (Okabe–Ito) colours for accounts in the chart.
const PALETTE: [(u8, u8, u8); 8] = [
    (0x00, 0x72, 0xB2),
    (0xE6, 0x9F, 0x00),
    (0x00, 0x9E, 0x73),
    (0xCC, 0x79, 0xA7),
    (0x56, 0xB4, 0xE9),
    (0xD5, 0x5E, 0x00),
    (0x59, 0x59, 0x59),
    (0xF0, 0xE4, 0x42),
];

/// What the run says about itself, shown in the page header.
pub struct Meta<'a> {
    /// The run date, `YYYY-MM-DD` (UTC).
    pub run_date: &'a str,
    pub tool_version: &'a str,
    pub rule_pack: &'a str,
    /// The pack's rules, for their titles.
    pub rules: &'a [crate::rules::RuleInfo],
}

impl Meta<'_> {
    pub fn title(&self, rule_id: &str) -> String {
        self.rules
            .iter()
            .find(|r| r.id == rule_id)
            .map(|r| r.title.clone())
            .unwrap_or_default()
    }
}

/// The quarter a finding counts in; `None` for undated findings and for
/// profile and account findings.
fn finding_quarter(f: &Finding) -> Option<(i32, u32)> {
    if matches!(f.record_kind, RecordKind::Account | RecordKind::Profile) {
        return None;
    }
    quarter_of(&f.created_at)
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Count {
    pub name: String,
    pub label: String,
    pub count: u64,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct AccountRow {
    pub account: String,
    pub platform: String,
    /// One count per entry of `Summary::quarters`.
    pub per_quarter: Vec<u64>,
    pub total: u64,
    /// CSS colour of this account in the chart.
    pub colour: String,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct QuarterRow {
    pub quarter: String,
    pub per_account: Vec<u64>,
    pub total: u64,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct RuleRow {
    pub rule_id: String,
    pub title: String,
    pub category: String,
    pub severity: String,
    pub count: u64,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct ArchiveRow {
    pub archive: String,
    pub platform: String,
    pub account: String,
    pub records: u64,
    pub findings: u64,
}

#[derive(Debug, Serialize, PartialEq, Eq, Default)]
pub struct CoverageTotals {
    pub entries: u64,
    pub parsed: u64,
    pub skipped: u64,
    pub unknown: u64,
    pub failed: u64,
    pub records: u64,
    /// failed + unknown: content that was not read.
    pub unread: u64,
    /// The first `MAX_UNREAD` unread entries, failed first.
    pub unread_rows: Vec<UnreadRow>,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct UnreadRow {
    pub archive: String,
    pub entry: String,
    pub status: String,
    pub detail: String,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct LinkRow {
    pub finding_id: String,
    pub title: String,
    /// What matched and the text around it, as the findings file has them
    /// (masked there under `--redact`).
    pub matched: String,
    pub context: String,
    pub severity: String,
    pub created_at: String,
    pub account: String,
    pub rule_id: String,
    pub record_kind: String,
    pub field: String,
    /// Only `http(s)` permalinks become links.
    pub link: Option<String>,
}

/// Everything the page shows, computed from the scan outcome.
#[derive(Debug, Serialize)]
pub struct Summary {
    pub run_date: String,
    pub tool_version: String,
    pub rule_pack: String,
    pub total: u64,
    /// Always the four severities, most serious first.
    pub by_severity: Vec<Count>,
    /// Categories with findings, most findings first.
    pub by_category: Vec<Count>,
    /// `YYYY-Qn` from the first to the last quarter with findings (gaps
    /// included, so the time axis is honest), then `no date` if any.
    pub quarters: Vec<String>,
    /// True when the span was too long and quarters with no findings
    /// were left out.
    pub empty_quarters_left_out: bool,
    /// The table under the chart: one row per quarter, one count per
    /// account, and the quarter's total.
    pub quarter_rows: Vec<QuarterRow>,
    pub accounts: Vec<AccountRow>,
    pub top_rules: Vec<RuleRow>,
    pub archives: Vec<ArchiveRow>,
    pub coverage: CoverageTotals,
    pub links: Vec<LinkRow>,
    pub links_left_out: u64,
    pub below_min_severity: u64,
    pub in_baseline: u64,
    pub ignored: u64,
    /// What `--reviewed` files left out and kept.
    pub reviews: crate::scan::ReviewCounts,
    /// The handover checklist, one per account (src/report/handover.rs);
    /// only the page has it ([`page`]): the workbook's Summary sheet does
    /// not show it, and it takes a pass over the findings of its own.
    pub handover: Vec<super::handover::Checklist>,
    /// Inline SVG chart (drawn by plotters, which escapes its text); given
    /// to the template separately as `chart`.
    #[serde(skip)]
    pub chart_svg: String,
}

/// `2024-02-29T10:00:00Z` → (2024, 1). `None` for an empty or odd date.
pub fn quarter_of(created_at: &str) -> Option<(i32, u32)> {
    let b = created_at.as_bytes();
    if b.len() < 7 || b[4] != b'-' || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let year: i32 = created_at[..4].parse().ok()?;
    let month: u32 = created_at.get(5..7)?.parse().ok()?;
    if !(1..=12).contains(&month) {
        return None;
    }
    Some((year, (month - 1) / 3 + 1))
}

fn quarter_label((y, q): (i32, u32)) -> String {
    format!("{y}-Q{q}")
}

/// Human label for a category id (the id itself is shown too).
pub fn category_label(id: &str) -> &str {
    match id.parse::<crate::vocab::Category>() {
        Ok(c) => c.label(),
        Err(_) => id,
    }
}

fn severity_rank(s: &str) -> usize {
    SEVERITIES
        .iter()
        .position(|x| *x == s)
        .unwrap_or(SEVERITIES.len())
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The summary's counts and tables (the workbook's Summary sheet too), from
/// one pass over the findings; [`page`] adds the handover checklist.
pub fn build(outcome: &Outcome, meta: &Meta) -> Result<Summary> {
    let mut by_severity: Vec<Count> = SEVERITIES
        .iter()
        .map(|s| Count {
            name: s.to_string(),
            label: capitalise(s),
            count: 0,
        })
        .collect();
    let mut categories: BTreeMap<&str, u64> = BTreeMap::new();
    let mut rules: BTreeMap<(String, &str, &str), u64> = BTreeMap::new();
    let mut per_account = PerAccount::new();
    // Most serious first; within a severity, the findings file's order:
    // the first `MAX_LINKED` of each severity are all the table can need.
    let mut first: BTreeMap<std::cmp::Reverse<crate::vocab::Severity>, Vec<LinkRow>> =
        BTreeMap::new();
    // One pass over the findings, which may be read back from disk
    // (scan::Findings).
    for f in outcome.findings.iter() {
        let f = f.map_err(super::failed)?;
        match by_severity
            .iter_mut()
            .find(|c| c.name == f.severity.as_str())
        {
            Some(c) => c.count += 1,
            None => by_severity.push(Count {
                name: f.severity.as_str().to_string(),
                label: capitalise(f.severity.as_str()),
                count: 1,
            }),
        }
        *categories.entry(f.category.as_str()).or_default() += 1;
        let key = (f.rule_id.clone(), f.category.as_str(), f.severity.as_str());
        *rules.entry(key).or_default() += 1;
        per_account.add(&f);
        let kept = first.entry(std::cmp::Reverse(f.severity)).or_default();
        if kept.len() < MAX_LINKED {
            kept.push(link_row(&f, meta));
        }
    }
    let mut by_category: Vec<Count> = categories
        .into_iter()
        .map(|(c, n)| Count {
            name: c.to_string(),
            label: category_label(c).to_string(),
            count: n,
        })
        .collect();
    by_category.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    let mut top_rules: Vec<RuleRow> = rules
        .into_iter()
        .map(|((r, c, s), n)| RuleRow {
            title: meta.title(&r),
            rule_id: r,
            category: c.to_string(),
            severity: s.to_string(),
            count: n,
        })
        .collect();
    top_rules.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| severity_rank(&a.severity).cmp(&severity_rank(&b.severity)))
            .then_with(|| a.rule_id.cmp(&b.rule_id))
    });
    top_rules.truncate(TOP_RULES);

    let (quarters, accounts, empty_quarters_left_out) = per_account.table();
    let coverage = coverage_totals(&outcome.coverage);

    let counts = &outcome.findings.tallies().by_archive;
    let archives = outcome
        .archives
        .iter()
        .map(|a| ArchiveRow {
            archive: a.archive.clone(),
            platform: a.platform.to_string(),
            account: a.account.clone(),
            records: a.records.values().sum(),
            findings: counts.get(&a.archive).copied().unwrap_or(0),
        })
        .collect();
    let links: Vec<LinkRow> = first.into_values().flatten().take(MAX_LINKED).collect();

    let chart_svg = chart(&quarters, &accounts);
    Ok(Summary {
        run_date: meta.run_date.to_string(),
        tool_version: meta.tool_version.to_string(),
        rule_pack: meta.rule_pack.to_string(),
        total: outcome.findings.len(),
        by_severity,
        by_category,
        quarter_rows: quarter_rows(&quarters, &accounts),
        quarters,
        empty_quarters_left_out,
        accounts,
        top_rules,
        archives,
        coverage,
        links_left_out: outcome.findings.len().saturating_sub(links.len() as u64),
        links,
        below_min_severity: outcome.below_min_severity,
        in_baseline: outcome.in_baseline,
        ignored: outcome.ignored,
        reviews: outcome.review_counts(),
        handover: Vec::new(),
        chart_svg,
    })
}

/// One finding as the page's tables show it.
pub fn link_row(f: &Finding, meta: &Meta) -> LinkRow {
    LinkRow {
        finding_id: f.finding_id.clone(),
        title: meta.title(&f.rule_id),
        matched: f.matched.clone(),
        context: f.context.clone(),
        severity: f.severity.as_str().to_string(),
        created_at: f.created_at.get(..10).unwrap_or(&f.created_at).to_string(),
        account: f.account.clone(),
        rule_id: f.rule_id.clone(),
        record_kind: f.record_kind.to_string(),
        field: f.field.to_string(),
        link: (f.url.starts_with("https://") || f.url.starts_with("http://"))
            .then(|| f.url.clone()),
    }
}

/// Findings per account (and platform) per quarter, counted as they
/// pass; `None` is the "no date or account" bucket.
struct PerAccount(BTreeMap<(String, &'static str), PerQuarter>);

/// Findings per quarter (`None`: no date or account).
type PerQuarter = BTreeMap<Option<(i32, u32)>, u64>;

impl PerAccount {
    fn new() -> PerAccount {
        PerAccount(BTreeMap::new())
    }

    fn add(&mut self, f: &Finding) {
        let key = (f.account.clone(), f.platform.as_str());
        *self
            .0
            .entry(key)
            .or_default()
            .entry(finding_quarter(f))
            .or_insert(0) += 1;
    }

    /// The quarters' labels (from the first to the last quarter with
    /// findings, then the undated bucket if any), a row per account, and
    /// whether empty quarters were left out of a long span.
    fn table(self) -> (Vec<String>, Vec<AccountRow>, bool) {
        let mut dated: BTreeSet<(i32, u32)> = BTreeSet::new();
        let mut undated = false;
        for q in self.0.values().flat_map(BTreeMap::keys) {
            match q {
                Some(q) => {
                    dated.insert(*q);
                }
                None => undated = true,
            }
        }
        let mut quarters: Vec<(i32, u32)> = Vec::new();
        if let (Some(&first), Some(&last)) = (dated.first(), dated.last()) {
            let mut q = first;
            while q <= last {
                quarters.push(q);
                q = if q.1 == 4 {
                    (q.0 + 1, 1)
                } else {
                    (q.0, q.1 + 1)
                };
            }
        }
        // Over a long span the empty quarters would crowd out the others.
        let gaps_left_out = quarters.len() > MAX_SPAN && quarters.len() > dated.len();
        if gaps_left_out {
            quarters = dated.into_iter().collect();
        }
        let index: BTreeMap<(i32, u32), usize> =
            quarters.iter().enumerate().map(|(i, q)| (*q, i)).collect();
        let width = quarters.len() + usize::from(undated);
        let accounts = self
            .0
            .into_iter()
            .enumerate()
            .map(|(i, ((account, platform), counts))| {
                let mut per_quarter = vec![0; width];
                for (q, n) in counts {
                    let col = q
                        .and_then(|q| index.get(&q).copied())
                        .unwrap_or(quarters.len());
                    if let Some(c) = per_quarter.get_mut(col) {
                        *c += n;
                    }
                }
                let (r, g, b) = PALETTE[i % PALETTE.len()];
                AccountRow {
                    account: if account.is_empty() {
                        "(account not named)".to_string()
                    } else {
                        account
                    },
                    platform: platform.to_string(),
                    total: per_quarter.iter().sum(),
                    per_quarter,
                    colour: format!("#{r:02x}{g:02x}{b:02x}"),
                }
            })
            .collect();
        let mut labels: Vec<String> = quarters.into_iter().map(quarter_label).collect();
        if undated {
            labels.push(UNDATED.to_string());
        }
        (labels, accounts, gaps_left_out)
    }
}

fn quarter_rows(quarters: &[String], accounts: &[AccountRow]) -> Vec<QuarterRow> {
    quarters
        .iter()
        .enumerate()
        .map(|(q, label)| {
            let per_account: Vec<u64> = accounts.iter().map(|a| a.per_quarter[q]).collect();
            QuarterRow {
                quarter: label.clone(),
                total: per_account.iter().sum(),
                per_account,
            }
        })
        .collect()
}

fn coverage_totals(rows: &Coverage) -> CoverageTotals {
    let mut t = CoverageTotals::default();
    for r in rows {
        t.entries += 1;
        t.records += r.records;
        match r.status {
            Status::Parsed => t.parsed += 1,
            Status::Skipped => t.skipped += 1,
            Status::Unknown => t.unknown += 1,
            Status::Failed => t.failed += 1,
        }
    }
    t.unread = t.failed + t.unknown;
    // Failed before unknown; otherwise the coverage file's order. Only
    // the rows shown are kept (an archive may have a million unknown).
    let failed = rows
        .iter()
        .filter(|r| r.status == Status::Failed)
        .take(MAX_UNREAD);
    let unknown = rows
        .iter()
        .filter(|r| r.status == Status::Unknown)
        .take(MAX_UNREAD);
    t.unread_rows = failed
        .chain(unknown)
        .take(MAX_UNREAD)
        .map(|r: CoverageView<'_>| UnreadRow {
            archive: r.archive.to_string(),
            entry: r.entry.to_string(),
            status: r.status.as_str().to_string(),
            detail: r.detail.to_string(),
        })
        .collect();
    t
}

/// Render the page.
pub fn render(summary: &Summary) -> Result<String> {
    let mut env = minijinja::Environment::new();
    env.add_template("summary.html", TEMPLATE)
        .map_err(super::failed)?;
    let tmpl = env.get_template("summary.html").map_err(super::failed)?;
    // The SVG is markup drawn by plotters (which escapes its text), not
    // text from an archive: it alone is marked safe.
    let ctx = minijinja::context! {
        chart => minijinja::Value::from_safe_string(summary.chart_svg.clone()),
        section => minijinja::Value::from_safe_string(super::handover::render_section(&summary.handover)?),
        ..minijinja::Value::from(minijinja::value::Serde(summary))
    };
    tmpl.render(ctx).map_err(super::failed)
}

/// The HTML summary page (docs/OUTPUTS.md, "HTML summary (`--summary`)").
pub struct SummaryHtml;

impl super::Sink for SummaryHtml {
    fn role(&self) -> &'static str {
        "summary"
    }
    fn write(
        &self,
        run: &super::Run<'_>,
        _: &[super::Written<'_>],
        out: &mut dyn Write,
    ) -> Result<()> {
        let meta = Meta {
            run_date: &run.started.strftime("%Y-%m-%d").to_string(),
            tool_version: env!("CARGO_PKG_VERSION"),
            rule_pack: &format!("{} {}", run.pack.id(), run.pack.version()),
            rules: run.pack.rules(),
        };
        write_summary(out, run.outcome, &meta)
    }
}

/// What the page shows: [`build`] and the handover checklist.
pub fn page(outcome: &Outcome, meta: &Meta) -> Result<Summary> {
    let mut s = build(outcome, meta)?;
    s.handover = super::handover::build(outcome, meta)?;
    Ok(s)
}

pub fn write_summary(mut out: impl Write, outcome: &Outcome, meta: &Meta) -> Result<()> {
    let page = render(&page(outcome, meta)?)?;
    out.write_all(page.as_bytes()).map_err(super::failed)?;
    out.flush().map_err(super::failed)
}

mod chart;
use chart::chart;

#[cfg(test)]
mod tests;

use super::chart::tick_labels;
use super::*;
use crate::report::CoverageRow;
use crate::scan::{ArchiveSummary, Findings};

fn finding(sev: &str, cat: &str, rule: &str, account: &str, at: &str) -> Finding {
    Finding {
        finding_id: format!("{rule}-{at}"),
        severity: sev.parse().unwrap(),
        rule_id: rule.into(),
        category: cat.parse().unwrap(),
        policy_ref: String::new(),
        platform: crate::record::Platform::Twitter,
        account: account.into(),
        archive: format!("{account}.zip"),
        entry: "data/tweets.js".into(),
        record_kind: crate::record::RecordKind::Post,
        record_id: "1".into(),
        created_at: at.into(),
        url: if at.is_empty() {
            String::new()
        } else {
            format!("https://x.com/{account}/status/1")
        },
        field: crate::vocab::Field::Text,
        matched: "m".into(),
        context: "c".into(),
        detail: String::new(),
        confidence: crate::rules::Confidence::High,
        review: String::new(),
        review_note: String::new(),
        offset: 0,
    }
}

fn cov(entry: &str, status: Status) -> CoverageRow {
    CoverageRow {
        archive: "a.zip".into(),
        entry: entry.into(),
        status,
        records: 2,
        findings: 0,
        bytes: 10,
        detail: format!("detail of {entry}"),
    }
}

const META: Meta = Meta {
    run_date: "2025-01-02",
    tool_version: "0.1.0",
    rule_pack: "nhs 1",
    rules: &[],
};

fn outcome() -> Outcome {
    Outcome {
        findings: Findings::from(vec![
            finding(
                "high",
                "patient-data",
                "patient.nhs-number",
                "A",
                "2024-01-15T10:00:00Z",
            ),
            finding(
                "high",
                "patient-data",
                "patient.nhs-number",
                "A",
                "2024-03-31T23:59:59Z",
            ),
            finding(
                "low",
                "links",
                "links.shortener",
                "A",
                "2024-04-01T00:00:00Z",
            ),
            finding(
                "critical",
                "safeguarding",
                "sg.child",
                "B",
                "2024-10-01T00:00:00Z",
            ),
            finding("medium", "account", "account.phone", "B", ""),
        ]),
        coverage: vec![
            cov("data/tweets.js", Status::Parsed),
            cov("data/like.js", Status::Skipped),
            cov("data/odd.js", Status::Unknown),
            cov("data/broken.js", Status::Failed),
        ]
        .into(),
        archives: vec![ArchiveSummary {
            input: 0,
            archive: "A.zip".into(),
            platform: crate::record::Platform::Twitter,
            account: "A".into(),
            layout: "2020".into(),
            records: [("post".to_string(), 7u64)].into_iter().collect(),
            records_by_platform: Default::default(),
            last_post: None,
        }],
        below_min_severity: 3,
        ..Default::default()
    }
}

#[test]
fn quarters_bucket_by_month() {
    assert_eq!(quarter_of("2024-01-01T00:00:00Z"), Some((2024, 1)));
    assert_eq!(quarter_of("2024-03-31T23:59:59Z"), Some((2024, 1)));
    assert_eq!(quarter_of("2024-04-01T00:00:00Z"), Some((2024, 2)));
    assert_eq!(quarter_of("2024-12-31"), Some((2024, 4)));
    assert_eq!(quarter_of(""), None);
    assert_eq!(quarter_of("2024-13-01"), None);
    assert_eq!(quarter_of("24-01-01"), None);
    assert_eq!(quarter_label((2024, 1)), "2024-Q1");
}

#[test]
fn totals_by_severity_and_category() {
    let s = build(&outcome(), &META).unwrap();
    assert_eq!(s.total, 5);
    let sev: Vec<(&str, u64)> = s
        .by_severity
        .iter()
        .map(|c| (c.name.as_str(), c.count))
        .collect();
    assert_eq!(
        sev,
        [("critical", 1), ("high", 2), ("medium", 1), ("low", 1)]
    );
    let cat: Vec<(&str, u64)> = s
        .by_category
        .iter()
        .map(|c| (c.name.as_str(), c.count))
        .collect();
    assert_eq!(
        cat,
        [
            ("patient-data", 2),
            ("account", 1),
            ("links", 1),
            ("safeguarding", 1)
        ]
    );
    assert_eq!(s.by_category[0].label, "Patient data");
    assert_eq!(s.below_min_severity, 3);
}

#[test]
fn per_account_per_quarter_fills_gaps_and_keeps_undated_last() {
    let s = build(&outcome(), &META).unwrap();
    assert_eq!(
        s.quarters,
        ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", UNDATED]
    );
    assert_eq!(s.accounts.len(), 2);
    assert_eq!(s.accounts[0].account, "A");
    assert_eq!(s.accounts[0].per_quarter, [2, 1, 0, 0, 0]);
    assert_eq!(s.accounts[0].total, 3);
    assert_eq!(s.accounts[1].account, "B");
    assert_eq!(s.accounts[1].per_quarter, [0, 0, 0, 1, 1]);
    assert_ne!(s.accounts[0].colour, s.accounts[1].colour);
    assert!(s.chart_svg.starts_with("<svg"), "{}", s.chart_svg);
    assert!(s.chart_svg.contains("2024-Q3"));
}

#[test]
fn top_rules_by_count_then_severity() {
    let s = build(&outcome(), &META).unwrap();
    let top: Vec<(&str, u64)> = s
        .top_rules
        .iter()
        .map(|r| (r.rule_id.as_str(), r.count))
        .collect();
    assert_eq!(
        top,
        [
            ("patient.nhs-number", 2),
            ("sg.child", 1),
            ("account.phone", 1),
            ("links.shortener", 1)
        ]
    );
}

#[test]
fn coverage_totals_flag_failed_and_unknown() {
    let s = build(&outcome(), &META).unwrap();
    let c = &s.coverage;
    assert_eq!(
        (c.entries, c.parsed, c.skipped, c.unknown, c.failed),
        (4, 1, 1, 1, 1)
    );
    assert_eq!(c.records, 8);
    assert_eq!(c.unread, 2);
    let rows: Vec<(&str, &str)> = c
        .unread_rows
        .iter()
        .map(|r| (r.entry.as_str(), r.status.as_str()))
        .collect();
    assert_eq!(
        rows,
        [("data/broken.js", "failed"), ("data/odd.js", "unknown")]
    );
    assert_eq!(s.archives[0].records, 7);
}

#[test]
fn links_most_serious_first_and_only_http() {
    let mut o = outcome();
    o.findings.edit(|v| v[2].url = "javascript:alert(1)".into());
    let s = build(&o, &META).unwrap();
    assert_eq!(s.links[0].severity, "critical");
    assert_eq!(s.links[1].severity, "high");
    assert_eq!(s.links[0].created_at, "2024-10-01");
    let low = s.links.iter().find(|l| l.severity == "low").unwrap();
    assert_eq!(low.link, None);
    assert_eq!(s.links_left_out, 0);
}

#[test]
fn page_escapes_archive_text_and_loads_nothing() {
    let mut o = outcome();
    o.findings
        .edit(|v| v[0].account = "<script>alert('x')</script>".into());
    let mut rows = o.coverage.rows();
    rows[3].detail = "<img src=x onerror=alert(1)>".into();
    o.coverage = rows.into();
    let page = render(&build(&o, &META).unwrap()).unwrap();
    assert!(!page.contains("<script"), "unescaped account name");
    assert!(!page.contains("<img"), "unescaped coverage detail");
    assert!(page.contains("&lt;script&gt;"));
    assert!(page.contains("<svg"), "chart inlined");
    for remote in ["src=\"http", "href=\"http://", "@import", "url("] {
        assert!(!page.contains(remote), "page loads {remote}");
    }
    assert!(page.contains("default-src 'none'"));
    assert!(page.contains(r#"id="total-findings">5<"#));
    assert!(page.contains(r#"id="unread-entries">2<"#));
}

#[test]
fn empty_outcome_renders() {
    let page = render(&build(&Outcome::default(), &META).unwrap()).unwrap();
    assert!(page.contains(r#"id="total-findings">0<"#));
    assert!(page.contains("No findings."));
}

#[test]
fn same_outcome_same_bytes() {
    let a = render(&build(&outcome(), &META).unwrap()).unwrap();
    let b = render(&build(&outcome(), &META).unwrap()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn long_spans_leave_out_empty_quarters() {
    let mut o = outcome();
    o.findings.edit(|v| {
        v.push(finding(
            "low",
            "links",
            "links.shortener",
            "A",
            "2011-05-01T00:00:00Z",
        ))
    });
    let s = build(&o, &META).unwrap();
    assert!(s.empty_quarters_left_out);
    assert_eq!(
        s.quarters,
        ["2011-Q2", "2024-Q1", "2024-Q2", "2024-Q4", UNDATED]
    );
    assert_eq!(s.quarter_rows[1].quarter, "2024-Q1");
    assert_eq!(s.quarter_rows[1].per_account, [2, 0]);
    assert_eq!(s.quarter_rows[4].total, 1);
    assert!(!build(&outcome(), &META).unwrap().empty_quarters_left_out);
}

#[test]
fn one_quarter_chart_draws() {
    let mut o = outcome();
    o.findings.edit(|v| v.truncate(1));
    let s = build(&o, &META).unwrap();
    assert_eq!(s.quarters, ["2024-Q1"]);
    assert!(s.chart_svg.contains("2024-Q1"), "{}", s.chart_svg);
    assert!(s.chart_svg.contains("<rect"));
}

/// 50 accounts with a finding in every quarter of 2011–2024 (56
/// quarters), plus account findings with no date.
fn fifty_accounts_fourteen_years() -> Outcome {
    let mut findings = Vec::new();
    for a in 0..50 {
        let account = format!("Trust{a:02}");
        for y in 2011..=2024 {
            for m in [1, 4, 7, 10] {
                if (a + y as usize + m).is_multiple_of(3) {
                    continue;
                }
                let at = format!("{y}-{m:02}-15T10:00:00Z");
                findings.push(finding("low", "links", "links.shortener", &account, &at));
            }
        }
    }
    findings.push(finding("low", "links", "links.shortener", "Trust00", ""));
    Outcome {
        findings: findings.into(),
        ..Outcome::default()
    }
}

/// The texts of the SVG's `<text>` elements.
fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = t.split_once('>')?.1;
            Some(body.split_once("</text>")?.0.trim().to_string())
        })
        .collect()
}

#[test]
fn a_long_history_labels_the_axis_by_year_and_the_table_has_a_row_per_account() {
    let s = build(&fifty_accounts_fourteen_years(), &META).unwrap();
    assert_eq!(s.quarters.len(), 56 + 1);
    assert_eq!(s.accounts.len(), 50);
    // Tick labels: the 14 years, the undated bar, and the y axis's; no
    // quarter labels, which overlapped into a strip.
    let texts = svg_texts(&s.chart_svg);
    let x_ticks: Vec<&String> = texts
        .iter()
        .filter(|t| t.len() == 4 && t.parse::<i32>().is_ok_and(|y| y >= 2000) || *t == "no date")
        .collect();
    assert_eq!(x_ticks.len(), 14 + 1, "{x_ticks:?}");
    assert!(
        !texts.iter().any(|t| t.contains("-Q")),
        "quarter labels left: {texts:?}"
    );
    // Every text but the two axis titles and the y axis's numbers is an
    // x tick label: at most 20 of them.
    let x_labels = texts
        .iter()
        .filter(|t| !t.is_empty() && t.parse::<u64>().map_or(true, |n| n >= 1000))
        .count()
        - 2;
    assert!(x_labels <= 20, "{x_labels} x labels: {texts:?}");

    let page = render(&s).unwrap();
    let table = page
        .split(r#"<table class="per-quarter">"#)
        .nth(1)
        .and_then(|t| t.split("</table>").next())
        .unwrap();
    let body = table.split("<tbody>").nth(1).unwrap();
    // 50 account rows and the all-accounts row; 57 quarters and a total
    // as columns.
    assert_eq!(body.matches("<tr>").count(), 51);
    assert_eq!(
        table
            .split("</thead>")
            .next()
            .unwrap()
            .matches("</th>")
            .count(),
        1 + 57 + 1
    );
    assert!(body.contains("Trust49 (twitter)"));
}

#[test]
fn tick_labels_thin_years_past_fifteen() {
    let quarters: Vec<String> = (1990..2024)
        .flat_map(|y| (1..=4).map(move |q| format!("{y}-Q{q}")))
        .collect();
    let labels = tick_labels(&quarters);
    let shown: Vec<&String> = labels.iter().filter(|l| !l.is_empty()).collect();
    assert!(shown.len() <= 15, "{shown:?}");
    assert_eq!(shown[0], "1990");
    let short: Vec<String> = ["2024-Q1", "2024-Q2"].map(String::from).to_vec();
    assert_eq!(tick_labels(&short), short);
}

use super::*;
use crate::record::Platform;
use crate::report::CoverageRow;
use crate::scan::{ArchiveSummary, Findings};

#[allow(clippy::too_many_arguments)]
fn finding(
    id: &str,
    sev: &str,
    cat: &str,
    rule: &str,
    kind: RecordKind,
    record: &str,
    field: Field,
    matched: &str,
) -> Finding {
    Finding {
        finding_id: id.into(),
        severity: sev.parse().unwrap(),
        rule_id: rule.into(),
        category: cat.parse().unwrap(),
        policy_ref: String::new(),
        platform: Platform::Twitter,
        account: "Northdale".into(),
        archive: "a.zip".into(),
        entry: "data/x.js".into(),
        record_kind: kind,
        record_id: record.into(),
        created_at: "2024-11-03T19:22:10Z".into(),
        url: format!("https://x.com/Northdale/status/{record}"),
        field,
        matched: matched.into(),
        context: format!("…{matched}…"),
        detail: String::new(),
        confidence: crate::rules::Confidence::High,
        offset: 0,
        review: String::new(),
        review_note: String::new(),
    }
}

fn dated(mut f: Finding, created_at: &str) -> Finding {
    f.created_at = created_at.into();
    f
}

const META: Meta = Meta {
    run_date: "2024-11-20",
    tool_version: "0.1.0",
    rule_pack: "nhs 1",
    rules: &[],
};

fn outcome() -> Outcome {
    use RecordKind::*;
    Outcome {
        findings: Findings::from(vec![
            finding(
                "app",
                "low",
                "account",
                "account.connected-app",
                Account,
                "account",
                Field::ConnectedApp,
                "QuickPost (permissions read,write)",
            ),
            finding(
                "mail",
                "medium",
                "account",
                "account.non-corporate-email",
                Account,
                "account",
                Field::Email,
                "comms@gmail.com",
            ),
            finding(
                "dm1",
                "critical",
                "patient-data",
                "patient.nhs-number",
                Dm,
                "d1",
                Field::Text,
                "999 000 0026",
            ),
            finding(
                "dm2",
                "high",
                "personal-data",
                "personal.dm-sensitive",
                Dm,
                "d1",
                Field::Text,
                "NHS number is",
            ),
            finding(
                "dm3",
                "high",
                "conduct",
                "conduct.insult",
                Dm,
                "d2",
                Field::Text,
                "idiot",
            ),
            finding(
                "post1",
                "high",
                "conduct",
                "conduct.insult",
                Reply,
                "p1",
                Field::Text,
                "<b>idiot</b>",
            ),
            finding(
                "gone",
                "high",
                "personal-data",
                "personal.email",
                DeletedPost,
                "p2",
                Field::Text,
                "x@gmail.com",
            ),
            finding(
                "post2",
                "critical",
                "patient-data",
                "patient.nhs-number",
                Post,
                "p3",
                Field::Text,
                "999 000 0018",
            ),
            // The findings file's order is not the changes' order.
            dated(
                finding(
                    "newmail",
                    "medium",
                    "account",
                    "account.email-changed",
                    Account,
                    "email-address-change:2024-02-10T08:15:00.000Z",
                    Field::EmailChange,
                    "comms@northdale.nhs.uk → northdale.comms@gmail.com",
                ),
                "2024-02-10T08:15:00Z",
            ),
            dated(
                finding(
                    "rename",
                    "low",
                    "account",
                    "account.handle-changed",
                    Account,
                    "screen-name-change:2021-03-01T09:00:00.000Z",
                    Field::HandleChange,
                    "@NorthdaleTrust → @NorthdaleNHS",
                ),
                "2021-03-01T09:00:00Z",
            ),
        ]),
        coverage: vec![
            CoverageRow {
                archive: "a.zip".into(),
                entry: "data/email-address-change.js".into(),
                status: Status::Parsed,
                records: 1,
                findings: 1,
                bytes: 10,
                detail: String::new(),
            },
            CoverageRow {
                archive: "a.zip".into(),
                entry: "data/screen-name-change-part1.js".into(),
                status: Status::Failed,
                records: 0,
                findings: 0,
                bytes: 10,
                detail: "invalid JSON in the element at byte 30".into(),
            },
        ]
        .into(),
        archives: vec![ArchiveSummary {
            input: 0,
            archive: "a.zip".into(),
            platform: Platform::Twitter,
            account: "Northdale".into(),
            layout: "2020".into(),
            records: Default::default(),
            records_by_platform: Default::default(),
            last_post: "2024-11-14T09:57:56Z".parse().ok(),
        }],
        ..Default::default()
    }
}

fn ids(i: &Item) -> Vec<Vec<&str>> {
    i.lines
        .iter()
        .map(|l| l.findings.iter().map(|r| r.finding_id.as_str()).collect())
        .collect()
}

#[test]
fn each_item_takes_its_findings() {
    let lists = build(&outcome(), &META).unwrap();
    assert_eq!(lists.len(), 1);
    let c = &lists[0];
    assert_eq!(
        (c.platform.as_str(), c.account.as_str()),
        ("twitter", "Northdale")
    );
    let by: BTreeMap<&str, &Item> = c.items.iter().map(|i| (i.key, i)).collect();
    assert_eq!(ids(by["connected-apps"]), [["app"]]);
    assert_eq!(
        by["connected-apps"].lines[0].text,
        "QuickPost (permissions read,write)"
    );
    assert_eq!(ids(by["email-phone"]), [["mail"]]);
    // Two findings on one DM are one line; a DM with only a conduct
    // finding holds no personal data.
    assert_eq!(ids(by["messages"]), [["dm1", "dm2"]]);
    // A deleted post is not live; the most serious post comes first.
    assert_eq!(ids(by["live-posts"]), [vec!["post2"], vec!["post1"]]);
    assert_eq!(
        by["live-posts"].lines[1].link.as_deref(),
        Some("https://x.com/Northdale/status/p1")
    );
    assert_eq!(by["login-ips"].status, "clear");
    assert_eq!(by["last-post"].status, "clear");
    assert_eq!(
        by["last-post"].note,
        "Last post 2024-11-14: 6 days before this run (2024-11-20)."
    );
    assert_eq!(c.to_act, 5);
}

#[test]
fn each_change_is_a_dated_line_linked_to_its_finding() {
    let lists = build(&outcome(), &META).unwrap();
    let changes = lists[0].items.iter().find(|i| i.key == "changes").unwrap();
    assert_eq!(changes.status, "act");
    let shown: Vec<(&str, &str)> = changes
        .lines
        .iter()
        .map(|l| (l.text.as_str(), l.date.as_str()))
        .collect();
    // Oldest first; the parsed e-mail file needs no pointer, the part
    // that failed keeps one, after the changes.
    assert_eq!(
        shown,
        [
            ("handle @NorthdaleTrust → @NorthdaleNHS", "2021-03-01"),
            (
                "e-mail comms@northdale.nhs.uk → northdale.comms@gmail.com",
                "2024-02-10"
            ),
            ("data/screen-name-change-part1.js", ""),
        ]
    );
    assert_eq!(ids(changes), [vec!["rename"], vec!["newmail"], vec![]]);
    assert!(
        changes.lines[2].detail.contains("invalid JSON"),
        "{}",
        changes.lines[2].detail
    );
    // The change findings are nowhere else on the checklist.
    for i in lists[0].items.iter().filter(|i| i.key != "changes") {
        let all: Vec<&str> = i
            .lines
            .iter()
            .flat_map(|l| &l.findings)
            .map(|r| r.finding_id.as_str())
            .collect();
        assert!(
            !all.contains(&"rename") && !all.contains(&"newmail"),
            "{}",
            i.key
        );
    }
}

#[test]
fn an_unread_change_history_alone_is_to_check_and_a_read_one_is_clear() {
    let mut o = outcome();
    o.findings
        .edit(|v| v.retain(|f| !f.rule_id.ends_with("-changed")));
    let c = &build(&o, &META).unwrap()[0];
    let changes = c.items.iter().find(|i| i.key == "changes").unwrap();
    assert_eq!(changes.status, "check");
    assert_eq!(changes.lines.len(), 1);
    assert_eq!(changes.lines[0].text, "data/screen-name-change-part1.js");
    assert!(changes.lines[0].findings.is_empty());

    let mut rows = o.coverage.rows();
    rows.retain(|r| r.status == Status::Parsed);
    o.coverage = rows.into();
    let c = &build(&o, &META).unwrap()[0];
    let changes = c.items.iter().find(|i| i.key == "changes").unwrap();
    assert_eq!((changes.status, changes.lines.len()), ("clear", 0));
}

#[test]
fn an_account_with_nothing_found_is_all_clear() {
    let mut o = outcome();
    o.findings.edit(Vec::clear);
    o.coverage = Vec::new().into();
    o.archives[0].last_post = None;
    let c = &build(&o, &META).unwrap()[0];
    assert!(
        c.items
            .iter()
            .all(|i| i.status == "clear" && i.lines.is_empty())
    );
    assert_eq!(c.to_act, 0);
}

#[test]
fn page_escapes_archive_text_and_links_every_finding() {
    let page = render(&outcome(), &META).unwrap();
    assert!(!page.contains("<b>idiot</b>"));
    assert!(
        page.contains("&lt;b&gt;idiot&lt;&#x2f;b&gt;") || page.contains("&lt;b&gt;idiot&lt;/b&gt;")
    );
    for id in [
        "app", "mail", "dm1", "dm2", "post1", "post2", "rename", "newmail",
    ] {
        assert!(page.contains(&format!("href=\"#finding-{id}\"")), "{id}");
        assert!(page.contains(&format!("id=\"finding-{id}\"")), "{id}");
    }
    // Only what the checklist names is listed at the foot.
    assert!(!page.contains("id=\"finding-gone\""));
    assert!(!page.contains("<script"));
    assert_eq!(page, render(&outcome(), &META).unwrap());
}

#[test]
fn days_since_counts_whole_days() {
    let ts: jiff::Timestamp = "2024-11-14T23:59:00Z".parse().unwrap();
    assert_eq!(days_since(ts, "2024-11-15"), Some(1));
    assert_eq!(days_since(ts, "2025-11-14"), Some(365));
    assert_eq!(days_since(ts, "not a date"), None);
}

/// An item shows at most `MAX_LINES` lines, most serious first, and says
/// how many more there are; the page keeps only the findings it shows. The
/// lines shown are the ones the whole list would start with.
#[test]
fn a_long_item_shows_the_most_serious_lines_and_counts_the_rest() {
    use RecordKind::Post;
    let post = |i: usize, sev: &str| {
        finding(
            &format!("p{i}"),
            sev,
            "conduct",
            "conduct.obscene",
            Post,
            &format!("{i:05}"),
            Field::Text,
            "x",
        )
    };
    let mut all: Vec<Finding> = (0..MAX_LINES + 5).map(|i| post(i, "low")).collect();
    // a record with two findings is one line; the critical ones come last
    // in the file
    all.push(post(MAX_LINES + 5, "critical"));
    let mut second = post(MAX_LINES + 5, "low");
    second.finding_id = "p-second".into();
    all.push(second);
    all.push(post(MAX_LINES + 6, "critical"));
    let o = Outcome {
        findings: Findings::from(all),
        ..Outcome::default()
    };
    let lists = build(&o, &META).unwrap();
    let live = lists[0]
        .items
        .iter()
        .find(|i| i.key == "live-posts")
        .unwrap();
    assert_eq!(live.lines.len(), MAX_LINES);
    // 1,007 records: two critical lines, then the first 998 low ones
    let first: Vec<&str> = live.lines[..3]
        .iter()
        .map(|l| l.findings[0].finding_id.as_str())
        .collect();
    assert_eq!(
        first,
        [
            &format!("p{}", MAX_LINES + 5),
            &format!("p{}", MAX_LINES + 6),
            "p0"
        ]
    );
    assert_eq!(live.lines[0].findings.len(), 2);
    assert_eq!(
        live.lines[MAX_LINES - 1].findings[0].finding_id,
        format!("p{}", MAX_LINES - 3)
    );
    assert_eq!(live.more, 7);
    let page = render(&o, &META).unwrap();
    assert!(page.contains("data-more=\"7\""), "the page says so");
    // the foot lists only findings the lines name
    assert!(page.contains("id=\"finding-p0\""));
    assert!(!page.contains(&format!("id=\"finding-p{}\"", MAX_LINES + 4)));
}

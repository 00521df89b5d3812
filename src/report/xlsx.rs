//! `--format xlsx`: the findings as a real spreadsheet for comms teams. One
//! row per finding with the CSV's columns, a frozen header row, filters on
//! every column, permalinks as hyperlinks and the severity cell coloured.
//! Beside them, from a scan: a Coverage sheet (the coverage CSV's rows), a
//! Summary sheet (the HTML summary's tables) and a Run sheet (the
//! manifest's facts as key/value rows), so one file carries the audit.
//!
//! Every text cell is written as a string, never as a formula, so a value
//! such as `=HYPERLINK(...)` from an archive is shown, not run: unlike the
//! CSV, no defanging is needed and the cell holds the exact value. Every
//! sheet writes its text through `text` below, so this holds for all of
//! them. The Run sheet leaves out the run's times, command line and
//! output paths (the manifest has them), so the
//! same scan gives the same bytes; the document's creation time is fixed,
//! and rust_xlsxwriter stamps its zip members with a fixed time.

use crate::error::Result;
use crate::finding::Finding;
use crate::report::HEADER;
use crate::scan::Findings;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatBorder, Url, Workbook, Worksheet, XlsxError,
};
use std::io::{Seek, Write};

/// Excel's row limit less the header: more findings go on further sheets.
const ROWS_PER_SHEET: usize = 1_048_575;
/// Excel's limit of hyperlinks per worksheet; later permalinks are text.
const MAX_LINKS_PER_SHEET: usize = 65_530;
/// Excel's URL length limit (UTF-16 units).
const MAX_URL_LEN: usize = 2_079;
/// Excel's cell text limit (UTF-16 units).
const MAX_CELL_LEN: usize = 32_767;

const SEVERITY_COL: u16 = 1;
const URL_COL: u16 = 12;
/// `severity_rank` is written as a number so Excel sorts it numerically.
const RANK_COL: u16 = 18;

/// Column widths (characters), in HEADER order.
const WIDTHS: [f64; 21] = [
    22.0, 10.0, 28.0, 15.0, 18.0, 10.0, 18.0, 30.0, 24.0, 12.0, 22.0, 21.0, 45.0, 10.0, 24.0, 60.0,
    30.0, 11.0, 8.0, 14.0, 40.0,
];

/// The findings file as a workbook (docs/OUTPUTS.md, "Workbook (`--format xlsx`)").
pub struct FindingsXlsx;

impl super::Sink for FindingsXlsx {
    fn role(&self) -> &'static str {
        "findings"
    }
    fn write(
        &self,
        run: &super::Run<'_>,
        _: &[super::Written<'_>],
        out: &mut dyn Write,
    ) -> Result<()> {
        let meta = super::summary::Meta {
            // The page's run date is left out here: the workbook's bytes
            // depend only on the scan.
            run_date: "",
            tool_version: env!("CARGO_PKG_VERSION"),
            rule_pack: "",
            rules: run.pack.rules(),
        };
        let summary = super::summary::build(run.outcome, &meta)?;
        let wb = workbook(&run.outcome.findings, Some((run, &summary))).map_err(super::failed)?;
        save(wb, out)
    }
}

/// A workbook with only the findings sheets (no scan to describe).
pub fn write_findings_xlsx(mut out: impl Write, findings: &Findings) -> Result<()> {
    let wb = workbook(findings, None).map_err(super::failed)?;
    save(wb, &mut out)
}

/// Writes the finished workbook to `out` through an anonymous owner-only
/// temporary file: the zip writer needs to seek, `out` cannot, and a
/// workbook of a million coverage rows is tens of megabytes that would
/// otherwise sit in memory whole (benches/README.md, "the workbook's large
/// sheets").
fn save(mut wb: Workbook, out: &mut dyn Write) -> Result<()> {
    let mut spool = tempfile::tempfile().map_err(super::failed)?;
    wb.save_to_writer(&mut spool).map_err(super::failed)?;
    drop(wb);
    spool.rewind().map_err(super::failed)?;
    std::io::copy(&mut spool, out).map_err(super::failed)?;
    out.flush().map_err(super::failed)
}

/// Background and text colour of a severity cell (NHS palette).
fn severity_colours(severity: &str) -> Option<(u32, u32)> {
    match severity {
        "critical" => Some((0x8A1538, 0xFFFFFF)),
        "high" => Some((0xD5281B, 0xFFFFFF)),
        "medium" => Some((0xFFB81C, 0x000000)),
        "low" => Some((0x007F3B, 0xFFFFFF)),
        _ => None,
    }
}

fn severity_format(severity: &str) -> Option<Format> {
    severity_colours(severity).map(|(bg, fg)| {
        Format::new()
            .set_bold()
            .set_background_color(Color::RGB(bg))
            .set_font_color(Color::RGB(fg))
    })
}

/// Cut text to Excel's cell limit on a character boundary.
fn fit(s: &str, limit: usize) -> std::borrow::Cow<'_, str> {
    let mut units = 0;
    for (i, c) in s.char_indices() {
        units += c.len_utf16();
        if units > limit - 1 {
            return format!("{}…", &s[..i]).into();
        }
    }
    s.into()
}

/// The workbook of `findings`, with the coverage, summary and run sheets
/// when there is a scan to describe.
fn workbook(
    findings: &Findings,
    run: Option<(&super::Run<'_>, &super::summary::Summary)>,
) -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    let props = DocProperties::new()
        .set_title("social-audit findings")
        .set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?);
    wb.set_properties(&props);
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xE8EDEE))
        .set_border_bottom(FormatBorder::Thin);
    let severity: Vec<(&str, Format)> = ["critical", "high", "medium", "low"]
        .into_iter()
        .filter_map(|s| severity_format(s).map(|f| (s, f)))
        .collect();

    // The findings and coverage sheets grow with the scan (a coverage row
    // per archive entry, up to 1,000,000): their rows go to an owner-only
    // temporary file as they are written, not into memory
    // (docs/OUTPUTS.md, "Workbook"). The small sheets stay in memory.
    let mut rows = findings.iter().peekable();
    let mut n = 0;
    // At least one sheet, even with no findings.
    while n == 0 || rows.peek().is_some() {
        let ws = wb.add_worksheet_with_constant_memory()?;
        ws.set_name(if n == 0 {
            "Findings".to_string()
        } else {
            format!("Findings {}", n + 1)
        })?;
        for (c, h) in HEADER.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *h, &header)?;
            ws.set_column_width(c as u16, WIDTHS[c])?;
        }
        let written = write_rows(ws, rows.by_ref().take(ROWS_PER_SHEET), &severity)?;
        ws.set_freeze_panes(1, 0)?;
        ws.autofilter(0, 0, written, HEADER.len() as u16 - 1)?;
        n += 1;
    }
    if let Some((run, summary)) = run {
        coverage_sheet(
            wb.add_worksheet_with_constant_memory()?,
            &run.outcome.coverage,
            &header,
        )?;
        summary_sheet(wb.add_worksheet(), summary, &header)?;
        run_sheet(wb.add_worksheet(), run, &header)?;
    }
    Ok(wb)
}

/// Every text cell of every sheet: a string cell, never a formula, so a
/// value such as `=HYPERLINK(...)` from an archive is shown, not run.
fn text(ws: &mut Worksheet, row: u32, col: u16, value: &str) -> Result<(), XlsxError> {
    if value.is_empty() {
        return Ok(());
    }
    ws.write_string(row, col, fit(value, MAX_CELL_LEN))?;
    Ok(())
}

fn header_row(ws: &mut Worksheet, row: u32, names: &[&str], fmt: &Format) -> Result<(), XlsxError> {
    for (c, h) in names.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, *h, fmt)?;
    }
    Ok(())
}

/// The coverage CSV's rows (docs/OUTPUTS.md, "Coverage file"), counts as
/// numbers.
fn coverage_sheet(
    ws: &mut Worksheet,
    rows: &super::Coverage,
    header: &Format,
) -> Result<(), XlsxError> {
    ws.set_name("Coverage")?;
    let names = super::coverage::HEADER;
    header_row(ws, 0, &names, header)?;
    for (c, w) in [40.0, 50.0, 10.0, 10.0, 10.0, 12.0, 80.0]
        .into_iter()
        .enumerate()
    {
        ws.set_column_width(c as u16, w)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        text(ws, row, 0, r.archive)?;
        text(ws, row, 1, &r.entry.as_str())?;
        text(ws, row, 2, r.status.as_str())?;
        ws.write_number(row, 3, r.records as f64)?;
        ws.write_number(row, 4, r.findings as f64)?;
        ws.write_number(row, 5, r.bytes as f64)?;
        text(ws, row, 6, r.detail)?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, rows.len() as u32, names.len() as u16 - 1)?;
    Ok(())
}

/// The HTML summary's tables, one under another, each with a title row:
/// findings per category, per account, and per account per quarter (one
/// row per account, quarters as columns, as on the page).
fn summary_sheet(
    ws: &mut Worksheet,
    s: &super::summary::Summary,
    header: &Format,
) -> Result<(), XlsxError> {
    ws.set_name("Summary")?;
    let title = Format::new().set_bold().set_font_size(13);
    ws.set_column_width(0, 30.0)?;
    ws.set_column_width(1, 28.0)?;
    let mut row = 0u32;
    ws.write_string_with_format(row, 0, "Findings per category", &title)?;
    row += 1;
    header_row(ws, row, &["category", "label", "findings"], header)?;
    for c in &s.by_category {
        row += 1;
        text(ws, row, 0, &c.name)?;
        text(ws, row, 1, &c.label)?;
        ws.write_number(row, 2, c.count as f64)?;
    }
    row += 2;
    ws.write_string_with_format(row, 0, "Findings per account", &title)?;
    row += 1;
    header_row(ws, row, &["account", "platform", "findings"], header)?;
    for a in &s.accounts {
        row += 1;
        text(ws, row, 0, &a.account)?;
        text(ws, row, 1, &a.platform)?;
        ws.write_number(row, 2, a.total as f64)?;
    }
    row += 2;
    ws.write_string_with_format(row, 0, "Findings per account per quarter", &title)?;
    row += 1;
    let mut names: Vec<&str> = vec!["account", "platform"];
    names.extend(s.quarters.iter().map(String::as_str));
    names.push("total");
    header_row(ws, row, &names, header)?;
    for a in &s.accounts {
        row += 1;
        text(ws, row, 0, &a.account)?;
        text(ws, row, 1, &a.platform)?;
        for (q, n) in a.per_quarter.iter().enumerate() {
            ws.write_number(row, q as u16 + 2, *n as f64)?;
        }
        ws.write_number(row, a.per_quarter.len() as u16 + 2, a.total as f64)?;
    }
    // Only when a `--reviewed` file decided something, as on the page.
    let r = &s.reviews;
    if r.left_out() + r.kept() > 0 {
        row += 2;
        ws.write_string_with_format(row, 0, "Findings by review", &title)?;
        row += 1;
        header_row(ws, row, &["review", "in this run", "findings"], header)?;
        for (review, what, n) in [
            ("false-positive", "left out", r.false_positive),
            ("accepted", "left out", r.accepted),
            ("escalated", "kept", r.escalated),
            ("to-check", "kept", r.to_check),
        ] {
            row += 1;
            text(ws, row, 0, review)?;
            text(ws, row, 1, what)?;
            ws.write_number(row, 2, n as f64)?;
        }
    }
    Ok(())
}

/// The manifest's facts as `key`/`value` rows (`rule_pack.sha256`,
/// `totals.records`, `inputs.0.path`, …). Left out: the start and finish
/// times, the command line and the outputs, which differ between runs of
/// the same scan or are not written yet; the manifest has them.
fn run_sheet(ws: &mut Worksheet, run: &super::Run<'_>, header: &Format) -> Result<(), XlsxError> {
    ws.set_name("Run")?;
    header_row(ws, 0, &["key", "value"], header)?;
    ws.set_column_width(0, 40.0)?;
    ws.set_column_width(1, 80.0)?;
    for (i, (k, v)) in run_rows(run).iter().enumerate() {
        text(ws, i as u32 + 1, 0, k)?;
        text(ws, i as u32 + 1, 1, v)?;
    }
    Ok(())
}

/// The key/value rows of the Run sheet.
pub fn run_rows(run: &super::Run<'_>) -> Vec<(String, String)> {
    let m = super::manifest::build(run, &[], std::path::Path::new("manifest.json"));
    let mut v = serde_json::to_value(&m).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        for k in ["started_at", "finished_at", "command_line", "outputs"] {
            o.remove(k);
        }
    }
    let mut rows = Vec::new();
    flatten("", &v, &mut rows);
    // Inputs are hashed only for a manifest; without one, name them.
    if m.inputs.is_empty() {
        for (i, p) in run.inputs.iter().enumerate() {
            rows.push((format!("inputs.{i}.path"), p.display().to_string()));
        }
    }
    rows
}

fn flatten(prefix: &str, v: &serde_json::Value, out: &mut Vec<(String, String)>) {
    use serde_json::Value;
    let key = |k: &str| {
        if prefix.is_empty() {
            k.to_string()
        } else {
            format!("{prefix}.{k}")
        }
    };
    match v {
        Value::Object(o) => o.iter().for_each(|(k, v)| flatten(&key(k), v, out)),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, v)| flatten(&key(&i.to_string()), v, out)),
        Value::Null => {}
        Value::String(s) => out.push((prefix.to_string(), s.clone())),
        other => out.push((prefix.to_string(), other.to_string())),
    }
}

/// Writes findings from row 1 down; returns how many.
fn write_rows<'a>(
    ws: &mut Worksheet,
    findings: impl Iterator<Item = std::io::Result<std::borrow::Cow<'a, Finding>>>,
    severity: &[(&str, Format)],
) -> Result<u32, XlsxError> {
    let mut links = 0;
    let mut row = 0;
    for f in findings {
        let f = f?;
        row += 1;
        let cells = f.cells();
        for (c, value) in cells.into_iter().enumerate() {
            let col = c as u16;
            if value.is_empty() {
                continue;
            }
            if col == SEVERITY_COL
                && let Some((_, fmt)) = severity.iter().find(|(s, _)| *s == value)
            {
                ws.write_string_with_format(row, col, value, fmt)?;
            } else if col == RANK_COL
                && let Ok(n) = value.parse::<f64>()
            {
                ws.write_number(row, col, n)?;
            } else if col == URL_COL
                && links < MAX_LINKS_PER_SHEET
                && (value.starts_with("https://") || value.starts_with("http://"))
                && value.encode_utf16().count() <= MAX_URL_LEN
            {
                ws.write_url(row, col, Url::new(value))?;
                links += 1;
            } else {
                ws.write_string(row, col, fit(value, MAX_CELL_LEN))?;
            }
        }
    }
    Ok(row)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn finding(matched: &str, severity: &str, url: &str) -> Finding {
        Finding {
            finding_id: "abc".into(),
            severity: severity.parse().unwrap(),
            rule_id: "patient.nhs-number".into(),
            category: crate::vocab::Category::PatientData,
            policy_ref: "CUM 3.3".into(),
            platform: crate::record::Platform::Twitter,
            account: "NorthdaleNHS".into(),
            archive: "a.zip".into(),
            entry: "data/tweets.js".into(),
            record_kind: crate::record::RecordKind::Post,
            record_id: "1".into(),
            created_at: "2024-01-01T00:00:00Z".into(),
            url: url.into(),
            field: crate::vocab::Field::Text,
            matched: matched.into(),
            context: format!("before {matched} after"),
            detail: String::new(),
            confidence: crate::rules::Confidence::High,
            review: String::new(),
            review_note: String::new(),
            offset: 0,
        }
    }

    fn member(xlsx: &[u8], name: &str) -> String {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
        let mut s = String::new();
        z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    }

    #[test]
    fn header_frozen_filtered_links_and_no_formulas() {
        let findings = vec![
            finding(
                "=HYPERLINK(\"http://evil\",\"x\")",
                "critical",
                "https://x.com/a/status/1",
            ),
            finding("+1 555", "low", ""),
            finding("ok", "medium", "javascript:alert(1)"),
        ];
        let mut buf = Vec::new();
        write_findings_xlsx(&mut buf, &findings.into()).unwrap();
        let sheet = member(&buf, "xl/worksheets/sheet1.xml");
        assert!(
            sheet.contains(
                r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            ),
            "{sheet}"
        );
        assert!(sheet.contains(r#"<autoFilter ref="A1:U4"/>"#), "{sheet}");
        assert!(sheet.contains(r#"<hyperlink ref="M2""#), "{sheet}");
        // severity_rank is a number cell, so Excel sorts it numerically.
        // (critical, low, medium → 1, 4, 3)
        for cell in [
            r#"<c r="S2"><v>1</v></c>"#,
            r#"<c r="S3"><v>4</v></c>"#,
            r#"<c r="S4"><v>3</v></c>"#,
        ] {
            assert!(sheet.contains(cell), "{cell} in {sheet}");
        }
        assert!(
            !sheet.contains(r#"<hyperlink ref="M4""#),
            "only http(s) links"
        );
        assert!(!sheet.contains("<f>"), "no formula cells: {sheet}");
        // The findings sheet writes its strings inline (constant memory
        // mode), so the text is in the sheet itself.
        assert!(
            sheet.contains("=HYPERLINK(&quot;http://evil&quot;,&quot;x&quot;)")
                || sheet.contains("=HYPERLINK(\"http://evil\",\"x\")"),
            "{sheet}"
        );
        assert!(sheet.contains("javascript:alert(1)"));
        let rels = member(&buf, "xl/worksheets/_rels/sheet1.xml.rels");
        assert!(rels.contains("https://x.com/a/status/1"), "{rels}");
        // The severity cells carry distinct fills.
        let styles = member(&buf, "xl/styles.xml");
        for rgb in ["FF8A1538", "FFFFB81C", "FF007F3B"] {
            assert!(styles.contains(rgb), "{rgb} in {styles}");
        }
    }

    #[test]
    fn same_findings_same_bytes_and_empty_is_valid() {
        let findings = vec![finding("x", "high", "https://x.com/a/status/1")];
        let (mut a, mut b, mut e) = (Vec::new(), Vec::new(), Vec::new());
        write_findings_xlsx(&mut a, &findings.clone().into()).unwrap();
        write_findings_xlsx(&mut b, &findings.into()).unwrap();
        assert_eq!(a, b);
        let core = member(&a, "docProps/core.xml");
        assert!(core.contains("2000-01-01T00:00:00Z"), "{core}");
        write_findings_xlsx(&mut e, &Findings::default()).unwrap();
        assert!(member(&e, "xl/worksheets/sheet1.xml").contains(r#"<autoFilter ref="A1:U1"/>"#));
    }

    #[test]
    fn long_and_odd_text_fits() {
        let long = "é".repeat(40_000);
        let mut f = finding("x\u{1}y", "high", "");
        f.context = long;
        let mut buf = Vec::new();
        write_findings_xlsx(&mut buf, &vec![f].into()).unwrap();
        assert!(
            fit(&"a".repeat(40_000), MAX_CELL_LEN)
                .encode_utf16()
                .count()
                <= MAX_CELL_LEN
        );
        assert_eq!(fit("short", MAX_CELL_LEN), "short");
    }
}

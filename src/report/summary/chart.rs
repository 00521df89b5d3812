//! The summary page's stacked bar chart (findings per quarter, one colour
//! per account), drawn as inline SVG with plotters.

use super::*;
use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;

/// A stacked bar chart, one bar per quarter, one colour per account, as an
/// SVG string. Empty when there are no findings.
pub(super) fn chart(quarters: &[String], accounts: &[AccountRow]) -> String {
    if quarters.is_empty() {
        return String::new();
    }
    let mut tops = vec![0u64; quarters.len()];
    for a in accounts {
        for (t, c) in tops.iter_mut().zip(&a.per_quarter) {
            *t += c;
        }
    }
    let ymax = tops.iter().copied().max().unwrap_or(0).max(1);
    // Headroom, and a round top so the axis reads well.
    let ytop = ymax + (ymax / 10).max(1);
    let width = 1100;
    let mut svg = String::new();
    match draw(&mut svg, (width, 380), quarters, accounts, ytop) {
        Ok(()) => svg,
        // A chart that cannot be drawn leaves the tables, which hold the
        // same numbers.
        Err(_) => String::new(),
    }
}

fn draw(
    svg: &mut String,
    size: (u32, u32),
    quarters: &[String],
    accounts: &[AccountRow],
    ytop: u64,
) -> Result<(), Box<dyn std::error::Error>> {
    let n = quarters.len() as u32;
    let labels = tick_labels(quarters);
    let root = SVGBackend::with_string(svg, size).into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(&root)
        .margin(12)
        .x_label_area_size(56)
        .y_label_area_size(56)
        // An integer range is inclusive here: 0..n-1 gives n segments.
        .build_cartesian_2d((0u32..n - 1).into_segmented(), 0u64..ytop)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(quarters.len())
        .x_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => labels.get(*i as usize).cloned().unwrap_or_default(),
            _ => String::new(),
        })
        .y_labels(ytop.min(10) as usize)
        .y_label_formatter(&|v| format!("{v}"))
        .x_desc(if labels.as_slice() == quarters {
            "Quarter (date of the post or message)"
        } else {
            "Quarter, labelled at the first of each year (date of the post or message)"
        })
        .y_desc("Findings")
        .label_style(("sans-serif", 14))
        .axis_desc_style(("sans-serif", 15))
        .draw()?;
    // Bars at most about 120 px wide, so a single quarter is not a slab.
    let segment = (size.0 - 80) / n;
    let margin = (segment.saturating_sub(120) / 2).max(6);
    let mut base = vec![0u64; quarters.len()];
    for (i, a) in accounts.iter().enumerate() {
        let (r, g, b) = PALETTE[i % PALETTE.len()];
        let style = RGBColor(r, g, b).filled();
        let bars: Vec<Rectangle<(SegmentValue<u32>, u64)>> = a
            .per_quarter
            .iter()
            .enumerate()
            .filter(|(_, c)| **c > 0)
            .map(|(q, c)| {
                let q32 = q as u32;
                let mut bar = Rectangle::new(
                    [
                        (SegmentValue::Exact(q32), base[q]),
                        (SegmentValue::Exact(q32 + 1), base[q] + c),
                    ],
                    style,
                );
                bar.set_margin(0, 0, margin, margin);
                bar
            })
            .collect();
        chart.draw_series(bars)?;
        for (b, c) in base.iter_mut().zip(&a.per_quarter) {
            *b += c;
        }
    }
    root.present()?;
    Ok(())
}

/// Most quarters labelled one by one; past this the labels are years.
const MAX_QUARTER_LABELS: usize = 12;
/// Most year labels under the axis: 1,040 px holds about this many.
const MAX_YEAR_LABELS: usize = 15;

/// The label under each bar. Up to `MAX_QUARTER_LABELS` quarters each get
/// theirs (`2024-Q1`); a longer span would overlap into an unreadable
/// strip, so only the first bar of a year is labelled, with the year, and
/// over more than `MAX_YEAR_LABELS` years only every second (third, …)
/// year. The undated bar is labelled `no date`: its full label is wider
/// than the four bars that separate it from the last year's.
pub(super) fn tick_labels(quarters: &[String]) -> Vec<String> {
    if quarters.len() <= MAX_QUARTER_LABELS {
        return quarters.to_vec();
    }
    let year = |q: &str| q.split_once("-Q").map(|(y, _)| y.to_string());
    let years: BTreeSet<String> = quarters.iter().filter_map(|q| year(q)).collect();
    let step = years.len().div_ceil(MAX_YEAR_LABELS).max(1);
    let mut last: Option<String> = None;
    let mut seen = 0usize;
    quarters
        .iter()
        .map(|q| match year(q) {
            None if q == UNDATED => "no date".to_string(),
            None => q.clone(),
            Some(y) if last.as_deref() != Some(y.as_str()) => {
                last = Some(y.clone());
                seen += 1;
                if (seen - 1).is_multiple_of(step) {
                    y
                } else {
                    String::new()
                }
            }
            Some(_) => String::new(),
        })
        .collect()
}

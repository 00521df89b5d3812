//! Combining the outputs of a sharded scan (`scan --shard I/N`) into
//! exactly what one run over all inputs writes. Shards split the work by
//! archive, and every output is ordered by archive first, so a stable sort
//! on the `archive` column of the concatenated shard files restores the
//! single-run order; rows are copied verbatim, never re-formatted.

use super::manifest::{Input, Manifest, Totals};
use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::path::Path;

/// Undo the spreadsheet guard for ordering only (cells are written as read).
fn order_key(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if super::safe::defang(rest).starts_with('\'') => rest,
        _ => cell,
    }
}

/// Merges CSV files that share a header and have an `archive` column.
pub fn merge_csv(paths: &[&Path], out: impl std::io::Write) -> Result<usize> {
    let mut header: Option<csv::StringRecord> = None;
    let mut rows: Vec<csv::StringRecord> = Vec::new();
    let mut archive_col = 0;
    for p in paths {
        let bytes = std::fs::read(p).map_err(|e| Error::Report(format!("{}: {e}", p.display())))?;
        let mut r = super::csv_reader(&bytes);
        let h = r
            .headers()
            .map_err(|e| Error::Report(format!("{}: {e}", p.display())))?
            .clone();
        match &header {
            None => {
                archive_col = h
                    .iter()
                    .position(|c| c == "archive")
                    .ok_or_else(|| Error::Report(format!("{}: no archive column", p.display())))?;
                header = Some(h);
            }
            Some(first) if *first != h => {
                return Err(Error::Report(format!(
                    "{}: its columns differ from the first file's",
                    p.display()
                )));
            }
            Some(_) => {}
        }
        for rec in r.records() {
            rows.push(rec.map_err(|e| Error::Report(format!("{}: {e}", p.display())))?);
        }
    }
    rows.sort_by(|a, b| order_key(&a[archive_col]).cmp(order_key(&b[archive_col])));
    let mut out = out;
    out.write_all(super::BOM.as_bytes())
        .map_err(super::failed)?;
    let mut w = csv::Writer::from_writer(out);
    if let Some(h) = &header {
        w.write_record(h).map_err(super::failed)?;
    }
    for r in &rows {
        w.write_record(r).map_err(super::failed)?;
    }
    w.flush().map_err(super::failed)?;
    Ok(rows.len())
}

/// Merges JSON Lines findings files; lines are copied byte for byte.
pub fn merge_jsonl(paths: &[&Path], mut out: impl std::io::Write) -> Result<usize> {
    let mut rows: Vec<(String, String)> = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(p)
            .map_err(|e| Error::Report(format!("{}: {e}", p.display())))?;
        for (i, line) in text.lines().enumerate() {
            if line.is_empty() {
                continue;
            }
            let v: serde_json::Value = serde_json::from_str(line)
                .map_err(|e| Error::Report(format!("{} line {}: {e}", p.display(), i + 1)))?;
            let archive = v
                .get("archive")
                .and_then(|a| a.as_str())
                .unwrap_or("")
                .to_string();
            rows.push((archive, line.to_string()));
        }
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    for (_, line) in &rows {
        writeln!(out, "{line}").map_err(super::failed)?;
    }
    Ok(rows.len())
}

/// One manifest for the merged run: shards must have used the same tool,
/// pack and inputs (same hashes); archives and totals are combined.
pub fn merge_manifests(paths: &[&Path]) -> Result<Manifest> {
    let mut merged: Option<Manifest> = None;
    for p in paths {
        let text = std::fs::read_to_string(p)
            .map_err(|e| Error::Report(format!("{}: {e}", p.display())))?;
        let m: Manifest = serde_json::from_str(&text).map_err(|e| {
            Error::Report(format!(
                "{} is not a social-audit manifest: {e}",
                p.display()
            ))
        })?;
        let Some(acc) = merged.as_mut() else {
            merged = Some(m);
            continue;
        };
        if (&acc.timezone, &acc.date_order) != (&m.timezone, &m.date_order) {
            return Err(Error::Report(format!(
                "{}: read with another --timezone or --date-order than the first shard",
                p.display()
            )));
        }
        if acc.rule_pack.sha256 != m.rule_pack.sha256 || acc.version != m.version {
            return Err(Error::Report(format!(
                "{}: made with another tool version or rule pack than the first shard",
                p.display()
            )));
        }
        let same_inputs = acc.inputs.len() == m.inputs.len()
            && acc
                .inputs
                .iter()
                .zip(&m.inputs)
                .all(|(a, b)| a.path == b.path && a.sha256 == b.sha256);
        if !same_inputs {
            return Err(Error::Report(format!(
                "{}: its inputs (paths or SHA-256) differ from the first shard's",
                p.display()
            )));
        }
        for (into, from) in acc.inputs.iter_mut().zip(m.inputs) {
            into.archives.extend(from.archives);
        }
        acc.started_at = acc.started_at.clone().min(m.started_at);
        acc.finished_at = acc.finished_at.clone().max(m.finished_at);
        add_totals(&mut acc.totals, m.totals);
        acc.reviewed.extend(m.reviewed);
        match (acc.ocr.as_mut(), m.ocr) {
            (Some(into), Some(from)) => {
                into.images += from.images;
                into.text_found += from.text_found;
                into.no_text += from.no_text;
                into.skipped += from.skipped;
                into.failed += from.failed;
            }
            (None, Some(from)) => acc.ocr = Some(from),
            _ => {}
        }
        // `ran` only if every shard ran the encoder
        match (acc.encoder.as_mut(), m.encoder) {
            (Some(into), Some(from)) => {
                into.ran &= from.ran;
                into.texts_read += from.texts_read;
            }
            (None, Some(from)) => acc.encoder = Some(from),
            _ => {}
        }
    }
    let mut m = merged.ok_or(Error::Report("no manifests to merge".into()))?;
    for Input { archives, .. } in &mut m.inputs {
        archives.sort_by(|a, b| a.archive.cmp(&b.archive));
    }
    // Each shard closed only the findings of its own archives.
    m.reviewed.sort_by(|a, b| a.finding_id.cmp(&b.finding_id));
    m.reviewed.dedup_by(|a, b| a.finding_id == b.finding_id);
    m.totals.findings_reviewed = m.reviewed.len() as u64;
    m.totals.archives = m.inputs.iter().map(|i| i.archives.len() as u64).sum();
    m.shard = None;
    m.outputs.clear();
    Ok(m)
}

fn add_totals(into: &mut Totals, from: Totals) {
    let mut entries: BTreeMap<String, u64> = std::mem::take(&mut into.entries);
    for (k, v) in from.entries {
        *entries.entry(k).or_insert(0) += v;
    }
    into.entries = entries;
    into.records += from.records;
    into.findings += from.findings;
    into.findings_below_min_severity += from.findings_below_min_severity;
    into.findings_in_baseline += from.findings_in_baseline;
    into.findings_ignored += from.findings_ignored;
    into.findings_reviewed += from.findings_reviewed;
}

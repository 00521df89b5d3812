//! The run manifest: enough to show months later what was scanned, with
//! which tool and pack, and that the outputs were not altered.

use super::{Run, Sink, Written, failed, is_device};
use crate::error::Result;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::Path;

#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    pub tool: String,
    pub version: String,
    pub rule_pack: PackInfo,
    pub command_line: Vec<String>,
    /// `I/N` for one shard of a sharded scan; absent for a whole run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shard: Option<String>,
    pub started_at: String,
    pub finished_at: String,
    /// The zone times written without one (WhatsApp) were read in:
    /// `--timezone`. Absent in manifests written before it was recorded.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub timezone: String,
    /// `dmy` or `mdy` (`--date-order`), or `from each file`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date_order: String,
    pub inputs: Vec<Input>,
    pub totals: Totals,
    /// Present when the scan ran `--ocr`: the engine, its version, and
    /// what became of the images.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr: Option<crate::scan::OcrSummary>,
    /// Whether the contextual encoder's rules ran (`--deep`) and how
    /// many texts it read. Absent when the pack has no such rules, and in
    /// manifests written before it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoder: Option<EncoderInfo>,
    /// Findings a `--reviewed` file closed (`false-positive`, `accepted`)
    /// and so left out: who said so, when and why. Absent without any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviewed: Vec<crate::suppress::Review>,
    pub outputs: Vec<OutputInfo>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct EncoderInfo {
    /// `--deep`: false means its rules were skipped, not that they found nothing.
    pub ran: bool,
    pub rules: usize,
    pub texts_read: u64,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct PackInfo {
    pub id: String,
    pub version: String,
    /// Covers the pack's texts and the weights in `models`.
    pub sha256: String,
    /// The learned models its rules run, by name: the SHA-256 of each
    /// one's embedded weights. Absent in manifests written before
    /// 2026-12-04.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub models: BTreeMap<String, String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Input {
    /// As given on the command line.
    pub path: String,
    /// Absolute, as it was at scan time (`verify --original`).
    #[serde(default)]
    pub absolute_path: String,
    /// Relative to the manifest's folder, so `verify` checks the copy
    /// beside the manifest wherever the case folder is moved.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub from_manifest: String,
    pub kind: String,
    pub size: u64,
    /// SHA-256 of the zip file; for a folder, of the sorted list of
    /// `relative path NUL sha256 LF` lines of its files.
    pub sha256: String,
    pub archives: Vec<ArchiveInfo>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ArchiveInfo {
    pub archive: String,
    pub platform: String,
    pub account: String,
    pub layout: String,
    pub records: BTreeMap<String, u64>,
    /// `records` split by platform, only for an archive whose records
    /// carry more than one (an Instagram export with Threads posts).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub records_by_platform: BTreeMap<String, BTreeMap<String, u64>>,
    pub findings: u64,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Totals {
    pub archives: u64,
    pub entries: BTreeMap<String, u64>,
    pub records: u64,
    pub findings: u64,
    pub findings_below_min_severity: u64,
    pub findings_in_baseline: u64,
    pub findings_ignored: u64,
    /// Left out by `--reviewed` (the `reviewed` list).
    #[serde(default)]
    pub findings_reviewed: u64,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct OutputInfo {
    pub role: String,
    pub path: String,
    #[serde(default)]
    pub absolute_path: String,
    /// Relative to the manifest's folder (see `Input::from_manifest`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub from_manifest: String,
    pub sha256: String,
}

/// SHA-256 and size of an input: a file's bytes, or a folder's tree.
pub fn hash_input(path: &Path) -> std::io::Result<(u64, String)> {
    if path.is_dir() {
        let mut files = Vec::new();
        collect(path, String::new(), &mut files)?;
        files.sort();
        let mut tree = Sha256::new();
        let mut size = 0;
        for rel in files {
            let (n, h) = hash_file(&path.join(&rel))?;
            size += n;
            tree.update(rel.as_bytes());
            tree.update([0]);
            tree.update(h.as_bytes());
            tree.update([b'\n']);
        }
        Ok((size, crate::finding::hex(&tree.finalize())))
    } else {
        hash_file(path)
    }
}

pub fn hash_file(path: &Path) -> std::io::Result<(u64, String)> {
    let mut f = std::fs::File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut n = 0u64;
    loop {
        let k = f.read(&mut buf)?;
        if k == 0 {
            break;
        }
        n += k as u64;
        h.update(&buf[..k]);
    }
    Ok((n, crate::finding::hex(&h.finalize())))
}

fn collect(root: &Path, rel: String, out: &mut Vec<String>) -> std::io::Result<()> {
    let dir = if rel.is_empty() {
        root.to_path_buf()
    } else {
        root.join(&rel)
    };
    for item in std::fs::read_dir(dir)? {
        let item = item?;
        let name = item.file_name().to_string_lossy().into_owned();
        let rel = if rel.is_empty() {
            name
        } else {
            format!("{rel}/{name}")
        };
        let kind = item.file_type()?;
        if kind.is_dir() {
            collect(root, rel, out)?;
        } else if kind.is_file() {
            out.push(rel);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_hash_depends_on_names_and_contents() {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir(d.path().join("data")).unwrap();
        std::fs::write(d.path().join("data/a.js"), b"1").unwrap();
        let (n, h1) = hash_input(d.path()).unwrap();
        assert_eq!(n, 1);
        std::fs::write(d.path().join("data/a.js"), b"2").unwrap();
        let (_, h2) = hash_input(d.path()).unwrap();
        assert_ne!(h1, h2);
        std::fs::rename(d.path().join("data/a.js"), d.path().join("data/b.js")).unwrap();
        let (_, h3) = hash_input(d.path()).unwrap();
        assert_ne!(h2, h3);
    }
}

/// One line of `verify`'s answer.
#[derive(Debug, PartialEq, Eq)]
pub enum Check {
    Same,
    Changed {
        now: String,
    },
    Missing(String),
    /// Written to standard output or a device such as `/dev/null`: there
    /// is no file to hash again, only the hash recorded at scan time.
    NotAFile,
}

/// One checked item: its role (`input`, `findings`, …), the path the
/// manifest gives, the path that was hashed, and the result.
#[derive(Debug)]
pub struct Checked {
    pub role: String,
    pub recorded: String,
    pub hashed: std::path::PathBuf,
    pub check: Check,
}

/// Which copy `verify` hashes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Where {
    /// The files beside the manifest: its folder joined with the path
    /// relative to it recorded at scan time (for manifests written before
    /// that was recorded: outputs by file name, inputs as given).
    BesideManifest,
    /// The absolute paths recorded at scan time.
    Original,
}

/// Re-hashes every input and output a manifest lists.
pub fn verify(manifest: &Manifest, manifest_dir: &Path, at: Where) -> Vec<Checked> {
    let mut out = Vec::new();
    let locate = |given: &str, absolute: &str, from_manifest: &str, is_output: bool| match at {
        Where::Original if !absolute.is_empty() => absolute.into(),
        Where::Original => std::path::PathBuf::from(given),
        Where::BesideManifest if !from_manifest.is_empty() => manifest_dir.join(from_manifest),
        Where::BesideManifest if is_output => {
            manifest_dir.join(Path::new(given).file_name().unwrap_or_default())
        }
        Where::BesideManifest => manifest_dir.join(given),
    };
    let check = |p: &Path, want: &str, tree: bool| {
        if !p.exists() {
            return Check::Missing("not found".into());
        }
        let got = if tree { hash_input(p) } else { hash_file(p) };
        match got {
            Ok((_, h)) if h == want => Check::Same,
            Ok((_, h)) => Check::Changed { now: h },
            Err(e) => Check::Missing(e.to_string()),
        }
    };
    for i in &manifest.inputs {
        let p = locate(&i.path, &i.absolute_path, &i.from_manifest, false);
        out.push(Checked {
            role: "input".into(),
            recorded: i.path.clone(),
            check: check(&p, &i.sha256, true),
            hashed: p,
        });
    }
    for o in &manifest.outputs {
        let p = locate(&o.path, &o.absolute_path, &o.from_manifest, true);
        let streamed = o.path == "-"
            || is_device(&p)
            || (o.from_manifest.is_empty() && is_device(Path::new(&o.absolute_path)));
        out.push(Checked {
            role: o.role.clone(),
            recorded: o.path.clone(),
            check: if streamed {
                Check::NotAFile
            } else {
                check(&p, &o.sha256, false)
            },
            hashed: p,
        });
    }
    out
}

/// `target` relative to the folder `base` (both absolute), with `..` steps
/// where needed; empty when either cannot be made absolute.
pub fn relative_to(target: &Path, base: &Path) -> String {
    let (Ok(t), Ok(b)) = (std::path::absolute(target), std::path::absolute(base)) else {
        return String::new();
    };
    let t: Vec<_> = t.components().collect();
    let b: Vec<_> = b.components().collect();
    let common = t.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut rel = std::path::PathBuf::new();
    for _ in common..b.len() {
        rel.push("..");
    }
    for c in &t[common..] {
        rel.push(c);
    }
    rel.display().to_string()
}

/// The manifest sink: written last, it records every other output.
pub struct ManifestJson<'p> {
    /// Where the manifest is written, for the paths relative to it.
    pub path: &'p Path,
}

impl Sink for ManifestJson<'_> {
    fn role(&self) -> &'static str {
        "manifest"
    }
    fn write(&self, run: &Run<'_>, before: &[Written<'_>], out: &mut dyn Write) -> Result<()> {
        let m = build(run, before, self.path);
        serde_json::to_writer_pretty(&mut *out, &m).map_err(failed)?;
        out.write_all(b"\n").map_err(failed)
    }
}

fn rfc3339(t: jiff::Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn absolute(p: &Path) -> String {
    std::path::absolute(p)
        .map(|a| a.display().to_string())
        .unwrap_or_default()
}

/// The manifest's `date_order` when `--date-order` was not given.
pub const DATE_ORDER_FROM_FILE: &str = "from each file";

/// The manifest of a scan whose outputs so far are `outputs`.
pub fn build(run: &Run<'_>, outputs: &[Written<'_>], manifest_path: &Path) -> Manifest {
    let outcome = run.outcome;
    let dir = match manifest_path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let mut totals = Totals {
        archives: outcome.archives.len() as u64,
        findings: outcome.findings.len(),
        findings_below_min_severity: outcome.below_min_severity,
        findings_in_baseline: outcome.in_baseline,
        findings_ignored: outcome.ignored,
        findings_reviewed: outcome.reviewed.len() as u64,
        ..Default::default()
    };
    for r in &outcome.coverage {
        *totals
            .entries
            .entry(r.status.as_str().to_string())
            .or_insert(0) += 1;
        totals.records += r.records;
    }
    let inputs = run
        .inputs
        .iter()
        .zip(run.hashes)
        .enumerate()
        .map(|(i, (p, h))| {
            let (size, sha256) = match h {
                Ok((size, sha)) => (*size, sha.clone()),
                Err(e) => (0, format!("unavailable: {e}")),
            };
            Input {
                path: p.display().to_string(),
                absolute_path: absolute(p),
                from_manifest: relative_to(p, &dir),
                kind: if p.is_dir() { "folder" } else { "file" }.to_string(),
                size,
                sha256,
                archives: outcome
                    .archives
                    .iter()
                    .filter(|a| a.input == i)
                    .map(|a| ArchiveInfo {
                        archive: a.archive.clone(),
                        platform: a.platform.to_string(),
                        account: a.account.clone(),
                        layout: a.layout.clone(),
                        records: a.records.clone(),
                        records_by_platform: a
                            .records_by_platform
                            .iter()
                            .map(|(p, r)| (p.to_string(), r.clone()))
                            .collect(),
                        findings: outcome
                            .findings
                            .tallies()
                            .by_archive
                            .get(&a.archive)
                            .copied()
                            .unwrap_or(0),
                    })
                    .collect(),
            }
        })
        .collect();
    Manifest {
        tool: env!("CARGO_PKG_NAME").to_string(),
        version: env!("CARGO_PKG_VERSION").to_string(),
        rule_pack: PackInfo {
            id: run.pack.id().to_string(),
            version: run.pack.version().to_string(),
            sha256: run.pack.content_hash().to_string(),
            models: run.pack.model_weights().into_iter().collect(),
        },
        command_line: std::env::args().collect(),
        shard: run.shard.map(|(i, n)| format!("{i}/{n}")),
        started_at: rfc3339(run.started),
        finished_at: rfc3339(jiff::Timestamp::now()),
        timezone: run.reading.timezone_name().to_string(),
        date_order: run
            .reading
            .date_order
            .map_or(DATE_ORDER_FROM_FILE.to_string(), |o| o.to_string()),
        inputs,
        totals,
        ocr: outcome.ocr.clone(),
        encoder: {
            let rules = run.pack.deep_rules().len();
            (rules > 0).then(|| EncoderInfo {
                ran: run.pack.deep(),
                rules,
                texts_read: run.pack.encoder_texts(),
            })
        },
        reviewed: outcome.reviewed.clone(),
        outputs: output_infos(outputs, &dir),
    }
}

/// Manifest lines for outputs written; `dir` is the manifest's folder.
pub fn output_infos(outputs: &[Written<'_>], dir: &Path) -> Vec<OutputInfo> {
    outputs
        .iter()
        .map(|w| (w.role, w.path, &w.sha256))
        .map(|(role, p, h)| OutputInfo {
            role: role.to_string(),
            path: p.display().to_string(),
            absolute_path: absolute(p),
            from_manifest: if p.as_os_str() == "-" || is_device(p) {
                String::new()
            } else {
                relative_to(p, dir)
            },
            sha256: h.clone(),
        })
        .collect()
}

#[cfg(test)]
mod relative_tests {
    use super::relative_to;
    use std::path::Path;

    #[test]
    fn paths_relative_to_the_manifest_folder() {
        assert_eq!(
            relative_to(Path::new("/a/b/f.csv"), Path::new("/a/b")),
            "f.csv"
        );
        assert_eq!(
            relative_to(Path::new("/a/in.zip"), Path::new("/a/b")),
            "../in.zip"
        );
        assert_eq!(
            relative_to(Path::new("/x/y/z"), Path::new("/a")),
            "../x/y/z"
        );
    }
}

//! The run manifest: enough to show months later what was scanned, with
//! which tool and pack, and that the outputs were not altered.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Read;
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
    pub inputs: Vec<Input>,
    pub totals: Totals,
    pub outputs: Vec<OutputInfo>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct PackInfo {
    pub id: String,
    pub version: String,
    pub sha256: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Input {
    /// As given on the command line.
    pub path: String,
    /// Absolute, so `verify` works from another folder.
    #[serde(default)]
    pub absolute_path: String,
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
}

#[derive(Debug, Serialize, Deserialize)]
pub struct OutputInfo {
    pub role: String,
    pub path: String,
    #[serde(default)]
    pub absolute_path: String,
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
    Changed { now: String },
    Missing(String),
}

/// Re-hashes every input and output a manifest lists. Paths are tried as
/// recorded (absolute first), then relative to the manifest's folder.
pub fn verify(manifest: &Manifest, manifest_dir: &Path) -> Vec<(String, String, Check)> {
    let mut out = Vec::new();
    let locate = |given: &str, absolute: &str| {
        [absolute, given]
            .into_iter()
            .filter(|p| !p.is_empty())
            .map(std::path::PathBuf::from)
            .chain(std::iter::once(manifest_dir.join(given)))
            .find(|p| p.exists())
    };
    for i in &manifest.inputs {
        let check = match locate(&i.path, &i.absolute_path) {
            None => Check::Missing("not found".into()),
            Some(p) => match hash_input(&p) {
                Ok((_, h)) if h == i.sha256 => Check::Same,
                Ok((_, h)) => Check::Changed { now: h },
                Err(e) => Check::Missing(e.to_string()),
            },
        };
        out.push(("input".to_string(), i.path.clone(), check));
    }
    for o in &manifest.outputs {
        let check = match locate(&o.path, &o.absolute_path) {
            None => Check::Missing("not found".into()),
            Some(p) => match hash_file(&p) {
                Ok((_, h)) if h == o.sha256 => Check::Same,
                Ok((_, h)) => Check::Changed { now: h },
                Err(e) => Check::Missing(e.to_string()),
            },
        };
        out.push((o.role.clone(), o.path.clone(), check));
    }
    out
}

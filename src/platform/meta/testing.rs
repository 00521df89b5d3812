//! Test helpers shared by the Facebook and Instagram tests: write a tree,
//! open it through every platform, read every entry.

use crate::archive::{Archive, Limits};
use crate::platform::{Disposition, EntryOutcome, all};
use crate::record::{Record, RecordKind};
use std::path::Path;

pub struct Scanned {
    pub platform: crate::record::Platform,
    pub account: String,
    pub layout: String,
    pub records: Vec<Record>,
    /// (entry, disposition, outcome of reading it when parsed)
    pub entries: Vec<(String, Disposition, Option<EntryOutcome>)>,
}

impl Scanned {
    pub fn of(&self, entry_suffix: &str) -> Vec<&Record> {
        self.records
            .iter()
            .filter(|r| r.entry.ends_with(entry_suffix))
            .collect()
    }
    pub fn kind(&self, kind: RecordKind) -> Vec<&Record> {
        self.records.iter().filter(|r| r.kind == kind).collect()
    }
    pub fn disposition(&self, entry_suffix: &str) -> &Disposition {
        &self
            .entries
            .iter()
            .find(|e| e.0.ends_with(entry_suffix))
            .unwrap_or_else(|| panic!("no entry {entry_suffix}"))
            .1
    }
    pub fn outcome(&self, entry_suffix: &str) -> &EntryOutcome {
        self.entries
            .iter()
            .find(|e| e.0.ends_with(entry_suffix))
            .and_then(|e| e.2.as_ref())
            .unwrap_or_else(|| panic!("no parsed entry {entry_suffix}"))
    }
    pub fn failures(&self) -> Vec<String> {
        self.entries
            .iter()
            .filter_map(|(n, _, o)| {
                o.as_ref()
                    .and_then(|o| o.error.as_ref())
                    .map(|e| format!("{n}: {e}"))
            })
            .collect()
    }
}

pub fn write_tree(root: &Path, files: &[(&str, &[u8])]) {
    for (name, data) in files {
        let p = root.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, data).unwrap();
    }
}

/// Opens `path` with the first platform that recognises it.
pub fn scan(path: &Path) -> Option<Scanned> {
    let archive = Archive::open(path, &Limits::default()).unwrap();
    let unit = all().into_iter().find_map(|p| p.open(&archive))?;
    let mut records = Vec::new();
    let mut entries = Vec::new();
    for e in archive.entries() {
        let d = unit.disposition(&e);
        let o =
            (d == Disposition::Parse).then(|| unit.read(&archive, &e, &mut |r| records.push(r)));
        entries.push((e.name.to_string(), d, o));
    }
    unit.finish(&mut |r| records.push(r));
    Some(Scanned {
        platform: unit.platform(),
        account: unit.account().to_string(),
        layout: unit.layout(),
        records,
        entries,
    })
}

/// Every sample folder under `../shared/formats/<platform>/`. Its callers
/// are `ignored` where that folder is absent (build.rs), so a missing
/// folder here is a failure.
pub fn sample_dirs(platform: &str) -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/formats")
        .join(platform);
    let rd = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("sample folder {} is missing: {e}", root.display()));
    let mut v: Vec<_> = rd
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    v.sort();
    v
}

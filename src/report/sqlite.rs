//! The SQLite case file (`--format sqlite`, docs/OUTPUTS.md "Case file"):
//! findings, coverage, every scanned record and the manifest of each run
//! in one database, with indexes, a full-text index over record text and
//! views for the usual questions. A scan into an existing case file adds a
//! run: quarterly scans accumulate and "new since the previous run" is a
//! query.
//!
//! SQLite needs a real file, and the contract of every output is "all or
//! nothing, owner-only" (src/report/output.rs): so the existing file, if
//! any, is copied into a private scratch file beside the target, the run is
//! added there in one transaction, and the result is streamed into the
//! staged output, which is renamed into place with the other outputs. A
//! failed run leaves the previous case file untouched.
//!
//! Rows are inserted in the order the other sinks write (findings and
//! coverage as sorted by the scan, records sorted in src/scan/mod.rs), so
//! two runs on the same inputs give the same tables for any thread count;
//! only the `runs` row's times and manifest differ.

use super::output::Scratch;
use super::{Run, Sink, Written, manifest};
use crate::error::{Error, Result};
use rusqlite::{Connection, params};
use std::io::{Read, Write};
use std::path::Path;

/// The schema version in `PRAGMA user_version`; a file with a later one
/// was written by a newer tool and is not touched.
const SCHEMA_VERSION: i64 = 1;

/// The first 16 bytes of every SQLite 3 database file.
const MAGIC: &[u8; 16] = b"SQLite format 3\0";

const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS runs (
    run_id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    rule_pack_id TEXT NOT NULL,
    rule_pack_version TEXT NOT NULL,
    rule_pack_sha256 TEXT NOT NULL,
    archives INTEGER NOT NULL,
    records INTEGER NOT NULL,
    findings INTEGER NOT NULL,
    manifest_json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS findings (
    run_id INTEGER NOT NULL REFERENCES runs(run_id),
    finding_id TEXT NOT NULL,
    severity TEXT NOT NULL,
    rule_id TEXT NOT NULL,
    category TEXT NOT NULL,
    policy_ref TEXT NOT NULL,
    platform TEXT NOT NULL,
    account TEXT NOT NULL,
    archive TEXT NOT NULL,
    entry TEXT NOT NULL,
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    url TEXT NOT NULL,
    field TEXT NOT NULL,
    "match" TEXT NOT NULL,
    context TEXT NOT NULL,
    detail TEXT NOT NULL,
    confidence TEXT NOT NULL,
    severity_rank INTEGER NOT NULL,
    review TEXT NOT NULL,
    review_note TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_findings_account ON findings(account, created_at);
CREATE INDEX IF NOT EXISTS idx_findings_category ON findings(category, severity_rank);
CREATE INDEX IF NOT EXISTS idx_findings_created_at ON findings(created_at);
CREATE INDEX IF NOT EXISTS idx_findings_run ON findings(run_id, finding_id);
CREATE TABLE IF NOT EXISTS coverage (
    run_id INTEGER NOT NULL REFERENCES runs(run_id),
    archive TEXT NOT NULL,
    entry TEXT NOT NULL,
    status TEXT NOT NULL,
    records INTEGER NOT NULL,
    findings INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_coverage_run ON coverage(run_id, status);
CREATE TABLE IF NOT EXISTS records (
    run_id INTEGER NOT NULL REFERENCES runs(run_id),
    archive TEXT NOT NULL,
    entry TEXT NOT NULL,
    record_id TEXT NOT NULL,
    platform TEXT NOT NULL,
    record_kind TEXT NOT NULL,
    created_at TEXT NOT NULL,
    url TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_records_entry ON records(archive, entry, created_at);
CREATE INDEX IF NOT EXISTS idx_records_id ON records(record_id);
CREATE VIRTUAL TABLE IF NOT EXISTS records_fts USING fts5(
    text, content='records', content_rowid='rowid'
);
CREATE VIEW IF NOT EXISTS findings_per_account_quarter AS
    SELECT run_id, account,
           substr(created_at, 1, 4) || '-Q' ||
               ((CAST(substr(created_at, 6, 2) AS INTEGER) + 2) / 3) AS quarter,
           count(*) AS findings,
           sum(severity_rank <= 2) AS critical_or_high
    FROM findings
    WHERE created_at <> '' AND record_kind NOT IN ('profile', 'account')
    GROUP BY run_id, account, quarter
    ORDER BY run_id, account, quarter;
CREATE VIEW IF NOT EXISTS findings_by_category AS
    SELECT run_id, category,
           count(*) AS findings,
           sum(severity = 'critical') AS critical,
           sum(severity = 'high') AS high,
           sum(severity = 'medium') AS medium,
           sum(severity = 'low') AS low
    FROM findings
    GROUP BY run_id, category
    ORDER BY run_id, findings DESC, category;
CREATE VIEW IF NOT EXISTS unread_content AS
    SELECT run_id, archive, entry, status, bytes, detail
    FROM coverage
    WHERE status <> 'parsed'
    ORDER BY run_id, archive, entry, status;
CREATE VIEW IF NOT EXISTS new_since_previous_run AS
    SELECT f.*
    FROM findings f
    WHERE f.run_id = (SELECT max(run_id) FROM runs)
      AND f.finding_id NOT IN (
          SELECT p.finding_id FROM findings p
          WHERE p.run_id = (SELECT max(run_id) FROM runs
                            WHERE run_id < (SELECT max(run_id) FROM runs)))
    ORDER BY f.archive, f.created_at, f.record_id, f.field, f.rule_id;
"#;

/// The findings sink for `--format sqlite`, writing the case file at `path`
/// (read first, when it exists, to add this run to it).
pub struct CaseFile<'p> {
    pub path: &'p Path,
}

impl Sink for CaseFile<'_> {
    fn role(&self) -> &'static str {
        "findings"
    }
    fn write(&self, run: &Run<'_>, before: &[Written<'_>], out: &mut dyn Write) -> Result<()> {
        let fail = |e: &dyn std::fmt::Display| {
            Error::CaseFile(format!("case file {}: {e}", self.path.display()))
        };
        let scratch = Scratch::create(self.path).map_err(|e| fail(&e))?;
        copy_previous(self.path, &scratch.path).map_err(|e| fail(&e))?;
        {
            let mut db = Connection::open(&scratch.path).map_err(|e| fail(&e))?;
            add_run(&mut db, run, before, self.path).map_err(|e| fail(&e))?;
            db.close().map_err(|(_, e)| fail(&e))?;
        }
        let mut file = std::fs::File::open(&scratch.path).map_err(|e| fail(&e))?;
        std::io::copy(&mut file, out).map_err(|e| fail(&e))?;
        Ok(())
    }
}

/// Copies an existing case file into the scratch file. Something that is
/// not a SQLite database is refused rather than replaced: a findings CSV
/// given `-o case.sqlite` by mistake is evidence of an earlier run.
fn copy_previous(target: &Path, scratch: &Path) -> std::result::Result<(), String> {
    let meta = match std::fs::metadata(target) {
        Ok(m) if m.is_file() && m.len() > 0 => m,
        // Absent, empty, or a device such as /dev/null: a new case file.
        _ => return Ok(()),
    };
    let mut from = std::fs::File::open(target).map_err(|e| e.to_string())?;
    let mut head = [0u8; 16];
    let n = from.read(&mut head).map_err(|e| e.to_string())?;
    if n < head.len() || &head != MAGIC {
        return Err(format!(
            "exists and is not a SQLite database ({} bytes); refusing to replace it: \
             give a new name or move it away",
            meta.len()
        ));
    }
    let mut to = std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(scratch)
        .map_err(|e| e.to_string())?;
    to.write_all(&head).map_err(|e| e.to_string())?;
    std::io::copy(&mut from, &mut to).map_err(|e| e.to_string())?;
    to.sync_all().map_err(|e| e.to_string())
}

fn add_run(
    db: &mut Connection,
    run: &Run<'_>,
    before: &[Written<'_>],
    path: &Path,
) -> std::result::Result<(), String> {
    let sql = |e: rusqlite::Error| e.to_string();
    // The scratch file is thrown away on any failure, so its journal need
    // not survive a crash; an in-memory journal saves a file beside it.
    db.pragma_update(None, "journal_mode", "MEMORY")
        .map_err(sql)?;
    db.pragma_update(None, "synchronous", "OFF").map_err(sql)?;
    let version: i64 = db
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(sql)?;
    if version > SCHEMA_VERSION {
        return Err(format!(
            "written by a newer social-audit (schema {version}, this one writes {SCHEMA_VERSION})"
        ));
    }
    let tx = db.transaction().map_err(sql)?;
    tx.execute_batch(SCHEMA).map_err(sql)?;
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)
        .map_err(sql)?;

    // The manifest as `--manifest` would write it beside the case file
    // (the outputs written before this one; the case file itself cannot
    // hold its own hash).
    let m = manifest::build(run, before, path);
    let json = serde_json::to_string(&m).map_err(|e| e.to_string())?;
    let outcome = run.outcome;
    let records: u64 = outcome.coverage.iter().map(|r| r.records).sum();
    tx.execute(
        "INSERT INTO runs (started_at, finished_at, tool_version, rule_pack_id, \
         rule_pack_version, rule_pack_sha256, archives, records, findings, manifest_json) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            m.started_at,
            m.finished_at,
            m.version,
            m.rule_pack.id,
            m.rule_pack.version,
            m.rule_pack.sha256,
            outcome.archives.len() as i64,
            records as i64,
            outcome.findings.len() as i64,
            json,
        ],
    )
    .map_err(sql)?;
    let run_id = tx.last_insert_rowid();

    {
        let mut st = tx
            .prepare(
                "INSERT INTO findings VALUES \
                 (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)",
            )
            .map_err(sql)?;
        for f in &outcome.findings {
            let c = f.cells();
            st.execute(params![
                run_id,
                c[0],
                c[1],
                c[2],
                c[3],
                c[4],
                c[5],
                c[6],
                c[7],
                c[8],
                c[9],
                c[10],
                c[11],
                c[12],
                c[13],
                c[14],
                c[15],
                c[16],
                c[17],
                f.severity_rank() as i64,
                c[19],
                c[20],
            ])
            .map_err(sql)?;
        }
        let mut st = tx
            .prepare("INSERT INTO coverage VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
            .map_err(sql)?;
        for r in &outcome.coverage {
            st.execute(params![
                run_id,
                r.archive,
                r.entry,
                r.status.as_str(),
                r.records as i64,
                r.findings as i64,
                r.bytes as i64,
                r.detail,
            ])
            .map_err(sql)?;
        }
        let mut st = tx
            .prepare("INSERT INTO records VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
            .map_err(sql)?;
        for r in &outcome.records {
            st.execute(params![
                run_id,
                r.archive,
                r.entry,
                r.id,
                r.platform.as_str(),
                r.kind.as_str(),
                r.created_at,
                r.url,
                r.text,
            ])
            .map_err(sql)?;
        }
    }
    // An external-content FTS5 table is filled explicitly, this run's rows
    // only, so earlier runs' entries are not indexed twice.
    tx.execute(
        "INSERT INTO records_fts(rowid, text) SELECT rowid, text FROM records WHERE run_id = ?1",
        params![run_id],
    )
    .map_err(sql)?;
    tx.commit().map_err(sql)
}

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
//! Records are not held until the end: the scan hands them over while it
//! reads ([`crate::scan::RecordSink`]), through a bounded buffer, to one
//! writer thread that inserts them in batches into a second scratch file
//! (the stage), in whatever order the threads deliver them, under a key
//! that says where each stands ([`crate::scan::RowOrder`]). When the run
//! is added, the stage is copied into `records` in key order, so memory
//! does not grow with the archive and the case file gets the same rows in
//! the same order for any thread count. Findings and coverage are inserted
//! as the scan sorted them; only the `runs` row's times and manifest differ
//! between two runs on the same inputs.

use super::{Run, Sink, Written, manifest};
use crate::error::{Error, Result};
use crate::scan::{RecordRow, RecordSink};
use crate::scratch::Scratch;
use rusqlite::{Connection, params};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

/// The schema version in `PRAGMA user_version`; a file with a later one
/// was written by a newer tool and is not touched. 2: `records.fields`,
/// and `records_fts` covers it.
const SCHEMA_VERSION: i64 = 2;

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
    text TEXT NOT NULL,
    fields TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS idx_records_entry ON records(archive, entry, created_at);
CREATE INDEX IF NOT EXISTS idx_records_id ON records(record_id);
CREATE VIRTUAL TABLE IF NOT EXISTS records_fts USING fts5(
    text, fields, content='records', content_rowid='rowid'
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
    /// The records of this run, staged as the scan reads them.
    stage: Stage,
}

impl<'p> CaseFile<'p> {
    /// Creates the stage's scratch file and its writer thread (before the
    /// scan, like every output's temporary file).
    pub fn create(path: &'p Path) -> Result<CaseFile<'p>> {
        let stage = Stage::create(path)
            .map_err(|e| Error::CaseFile(format!("case file {}: {e}", path.display())))?;
        Ok(CaseFile { path, stage })
    }
}

impl Sink for CaseFile<'_> {
    fn role(&self) -> &'static str {
        "findings"
    }
    fn records(&self) -> Option<&dyn RecordSink> {
        Some(&self.stage)
    }
    fn write(&self, run: &Run<'_>, before: &[Written<'_>], out: &mut dyn Write) -> Result<()> {
        let fail = |e: &dyn std::fmt::Display| {
            Error::CaseFile(format!("case file {}: {e}", self.path.display()))
        };
        self.stage.finish().map_err(|e| fail(&e))?;
        let scratch = Scratch::create(self.path).map_err(|e| fail(&e))?;
        copy_previous(self.path, &scratch.path).map_err(|e| fail(&e))?;
        {
            let mut db = Connection::open(&scratch.path).map_err(|e| fail(&e))?;
            add_run(&mut db, run, before, self.path, &self.stage.scratch.path)
                .map_err(|e| fail(&e))?;
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
    stage: &Path,
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
    let stage = stage
        .to_str()
        .ok_or("the scratch file's name is not UTF-8")?;
    db.execute("ATTACH DATABASE ?1 AS stage", params![stage])
        .map_err(sql)?;
    let tx = db.transaction().map_err(sql)?;
    if version == 1 {
        // Schema 1 had no `fields`; its full-text index covered `text`
        // only and is rebuilt over both below.
        tx.execute_batch(
            "ALTER TABLE records ADD COLUMN fields TEXT NOT NULL DEFAULT '';
             DROP TABLE records_fts;",
        )
        .map_err(sql)?;
    }
    tx.execute_batch(SCHEMA).map_err(sql)?;
    if version == 1 {
        tx.execute(
            "INSERT INTO records_fts(records_fts) VALUES ('rebuild')",
            [],
        )
        .map_err(sql)?;
    }
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
        for f in outcome.findings.iter() {
            let f = f.map_err(|e| Error::CaseFile(format!("reading the findings back: {e}")))?;
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
                r.entry.to_string(),
                r.status.as_str(),
                r.records as i64,
                r.findings as i64,
                r.bytes as i64,
                r.detail,
            ])
            .map_err(sql)?;
        }
    }
    // The stage's primary key is the rows' order, so this walks it in
    // order without sorting in memory.
    tx.execute(
        "INSERT INTO records (run_id, archive, entry, record_id, platform, record_kind, \
         created_at, url, text, fields) \
         SELECT ?1, archive, entry, record_id, platform, record_kind, created_at, url, text, fields \
         FROM stage.records ORDER BY archive, source, pass, seq",
        params![run_id],
    )
    .map_err(sql)?;
    // An external-content FTS5 table is filled explicitly, this run's rows
    // only, so earlier runs' entries are not indexed twice.
    tx.execute(
        "INSERT INTO records_fts(rowid, text, fields) \
         SELECT rowid, text, fields FROM records WHERE run_id = ?1",
        params![run_id],
    )
    .map_err(sql)?;
    tx.commit().map_err(sql)?;
    db.execute("DETACH DATABASE stage", []).map_err(sql)?;
    Ok(())
}

/// Batches of records the readers may be ahead of the writer by; a reader
/// that gets further ahead waits.
const BUFFERED_BATCHES: usize = 16;

/// Rows inserted per transaction of the stage.
const ROWS_PER_COMMIT: usize = 50_000;

/// The stage's one table: the rows as delivered, kept in the order of
/// their key (without rowid, the key is the table's own order).
const STAGE_SCHEMA: &str = "
CREATE TABLE records (
    archive TEXT NOT NULL,
    source TEXT NOT NULL,
    pass INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    entry TEXT NOT NULL,
    record_id TEXT NOT NULL,
    platform TEXT NOT NULL,
    record_kind TEXT NOT NULL,
    created_at TEXT NOT NULL,
    url TEXT NOT NULL,
    text TEXT NOT NULL,
    fields TEXT NOT NULL,
    PRIMARY KEY (archive, source, pass, seq)
) WITHOUT ROWID;";

/// This run's records on their way to the case file: a private scratch
/// database beside it, written by one thread that owns its connection and
/// takes batches from a bounded channel.
struct Stage {
    scratch: Scratch,
    sender: Mutex<Option<SyncSender<Vec<RecordRow>>>>,
    writer: Mutex<Option<JoinHandle<std::result::Result<u64, String>>>>,
}

impl Stage {
    fn create(target: &Path) -> std::io::Result<Stage> {
        let scratch = Scratch::tagged(target, "records")?;
        let (sender, rows) = sync_channel(BUFFERED_BATCHES);
        let path = scratch.path.clone();
        let writer = std::thread::Builder::new()
            .name("case-file records".into())
            .spawn(move || write_stage(&path, rows))?;
        Ok(Stage {
            scratch,
            sender: Mutex::new(Some(sender)),
            writer: Mutex::new(Some(writer)),
        })
    }

    /// Closes the channel and waits for the writer: the number of rows
    /// staged, or the first error it met.
    fn finish(&self) -> std::result::Result<u64, String> {
        drop(self.sender.lock().unwrap_or_else(|e| e.into_inner()).take());
        match self.writer.lock().unwrap_or_else(|e| e.into_inner()).take() {
            Some(w) => w
                .join()
                .unwrap_or_else(|_| Err("the records writer stopped".into())),
            None => Err("the records were already written".into()),
        }
    }
}

impl Drop for Stage {
    /// The writer closes its connection before the scratch file is
    /// removed (a run that failed before writing the case file).
    fn drop(&mut self) {
        let _ = self.finish();
    }
}

impl RecordSink for Stage {
    fn take(&self, rows: Vec<RecordRow>) {
        let sender = self
            .sender
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        // A writer that failed keeps draining, so this never blocks for
        // good; its error is reported by `finish`.
        if let Some(s) = sender {
            let _ = s.send(rows);
        }
    }
}

/// The writer thread: every batch into the stage, committed every
/// `ROWS_PER_COMMIT` rows. After an error it keeps receiving (and
/// dropping) so no reader waits on a full buffer.
fn write_stage(path: &Path, batches: Receiver<Vec<RecordRow>>) -> std::result::Result<u64, String> {
    let sql = |e: rusqlite::Error| e.to_string();
    let open = || -> std::result::Result<Connection, String> {
        let db = Connection::open(path).map_err(sql)?;
        // Thrown away on any failure: no journal, no syncing.
        db.pragma_update(None, "journal_mode", "OFF").map_err(sql)?;
        db.pragma_update(None, "synchronous", "OFF").map_err(sql)?;
        db.execute_batch(STAGE_SCHEMA).map_err(sql)?;
        db.execute_batch("BEGIN").map_err(sql)?;
        Ok(db)
    };
    let mut db = open();
    let (mut staged, mut pending) = (0u64, 0usize);
    for rows in batches {
        let Ok(conn) = &db else { continue };
        let wrote = insert_staged(conn, &rows).and_then(|()| {
            pending += rows.len();
            if pending >= ROWS_PER_COMMIT {
                pending = 0;
                conn.execute_batch("COMMIT; BEGIN").map_err(sql)?;
            }
            Ok(())
        });
        match wrote {
            Ok(()) => staged += rows.len() as u64,
            Err(e) => db = Err(e),
        }
    }
    let db = db?;
    db.execute_batch("COMMIT").map_err(sql)?;
    db.close().map_err(|(_, e)| sql(e))?;
    Ok(staged)
}

fn insert_staged(db: &Connection, rows: &[RecordRow]) -> std::result::Result<(), String> {
    let sql = |e: rusqlite::Error| e.to_string();
    let mut st = db
        .prepare_cached(
            "INSERT INTO records VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )
        .map_err(sql)?;
    for r in rows {
        st.execute(params![
            r.archive,
            r.order.source,
            r.order.pass as i64,
            r.order.seq as i64,
            r.entry,
            r.id,
            r.platform.as_str(),
            r.kind.as_str(),
            r.created_at,
            r.url,
            r.text,
            r.fields,
        ])
        .map_err(sql)?;
    }
    Ok(())
}

//! Opening a candidate and finding the reader that recognises it, for
//! `scan` and `inspect` alike; what is not recognised becomes coverage
//! rows, never silence.

use super::*;

/// An archive a reader recognised, ready to read.
pub struct Recognised {
    pub candidate: Candidate,
    pub archive: Archive,
    pub unit: Box<dyn Unit>,
}

/// Opens a candidate and finds the reader that recognises it: how both
/// `scan` and `inspect` open archives. Otherwise the coverage rows that
/// say why not: the archive failed to open, or no reader knows it (one
/// `unknown` row per entry, `failed` for entries the limits refused).
pub fn recognise(
    c: Candidate,
    platforms: &[Box<dyn Reader>],
    limits: &Limits,
) -> Result<Recognised, Vec<CoverageRow>> {
    let opened = if c.parts.is_empty() {
        Archive::open(&c.path, limits)
    } else {
        Archive::open_parts(&c.parts, limits)
    };
    let archive = match opened {
        Ok(a) => a,
        Err(e) => return Err(vec![row(&c.display, "", Status::Failed, 0, e.to_string())]),
    };
    for p in platforms {
        if let Some(unit) = p.open(&archive) {
            return Ok(Recognised {
                candidate: c,
                archive,
                unit,
            });
        }
    }
    let mut rows: Vec<CoverageRow> = archive
        .entries()
        .iter()
        .map(|e| {
            row(
                &c.display,
                &e.name.as_str(),
                Status::Unknown,
                e.size,
                "not part of an archive any reader recognises".into(),
            )
        })
        .collect();
    rows.extend(archive.refused().iter().map(|r| {
        row(
            &c.display,
            &r.name,
            Status::Failed,
            r.bytes,
            r.reason.clone(),
        )
    }));
    if rows.is_empty() {
        rows.push(row(
            &c.display,
            "",
            Status::Unknown,
            0,
            "empty archive".into(),
        ));
    }
    Err(rows)
}

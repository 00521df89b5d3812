//! `inspect`: what each input holds, without scanning it.

use super::{EXIT_CLEAN, EXIT_ERROR};
use social_audit::archive::Limits;
use social_audit::platform::{self, Disposition};
use social_audit::report::{CoverageRow, Status};
use social_audit::scan;
use std::path::PathBuf;

pub fn run(inputs: &[PathBuf]) -> i32 {
    for p in inputs {
        if std::fs::symlink_metadata(p).is_err() {
            return super::fail(format!("{} does not exist", p.display()));
        }
    }
    let platforms = platform::all();
    let (candidates, loose) = scan::discover::discover(inputs, &platforms);
    let limits = Limits::default();
    let mut recognised = 0;
    for c in candidates {
        let display = c.display.clone();
        let (archive, unit) = match scan::recognise(c, &platforms, &limits) {
            Ok(r) => (r.archive, r.unit),
            Err(rows) => {
                match rows.as_slice() {
                    [r] if r.entry.is_empty() && r.status == Status::Failed => {
                        println!("{display}: cannot open: {}", r.detail);
                    }
                    _ => println!(
                        "{display}: not recognised ({} entries)",
                        rows.iter()
                            .filter(|r| r.status == Status::Unknown && !r.entry.is_empty())
                            .count()
                    ),
                }
                continue;
            }
        };
        recognised += 1;
        println!(
            "{display}: {} ({}), account {:?}",
            unit.platform(),
            unit.layout(),
            unit.account()
        );
        let mut tally: std::collections::BTreeMap<&str, (usize, u64)> = Default::default();
        for e in archive.entries() {
            let d = match unit.disposition(&e) {
                Disposition::Parse => "to parse",
                Disposition::Skipped(_) => "skipped",
                Disposition::Unknown => "unknown",
                Disposition::Unreadable(_) => "unreadable (encrypted)",
            };
            let t = tally.entry(d).or_default();
            t.0 += 1;
            t.1 += e.size;
            if d == "to parse" {
                println!("  {:>12} bytes  {}", e.size, e.name);
            }
        }
        for (d, (n, b)) in tally {
            println!("  {n} entries {d} ({b} bytes)");
        }
        for r in archive.refused() {
            println!("  refused {}: {}", r.name, r.reason);
        }
    }
    for CoverageRow {
        archive,
        entry,
        detail,
        ..
    } in loose
    {
        println!("{archive}: {entry}: {detail}");
    }
    if recognised == 0 {
        EXIT_ERROR
    } else {
        EXIT_CLEAN
    }
}

//! `inspect`: what each input holds, without scanning it.

use super::{EXIT_CLEAN, EXIT_ERROR};
use crate::archive::{Archive, Limits};
use crate::platform::{self, Disposition};
use crate::report::CoverageRow;
use crate::scan;
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
        let archive = match Archive::open(&c.path, &limits) {
            Ok(a) => a,
            Err(e) => {
                println!("{}: cannot open: {e}", c.display);
                continue;
            }
        };
        let Some(unit) = platforms.iter().find_map(|p| p.open(&archive)) else {
            println!(
                "{}: not recognised ({} entries)",
                c.display,
                archive.entries().len()
            );
            continue;
        };
        recognised += 1;
        println!(
            "{}: {} ({}), account {:?}",
            c.display,
            unit.platform(),
            unit.layout(),
            unit.account()
        );
        let mut tally: std::collections::BTreeMap<&str, (usize, u64)> = Default::default();
        for e in archive.entries() {
            let d = match unit.disposition(e) {
                Disposition::Parse => "to parse",
                Disposition::Skipped(_) => "skipped",
                Disposition::Unknown => "unknown",
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

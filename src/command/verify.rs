//! `verify MANIFEST`: re-hash what a manifest lists. By default the files
//! beside the manifest (so a copied case folder is what gets checked);
//! `--original` hashes the absolute paths recorded at scan time.

use super::{EXIT_CLEAN, EXIT_FINDINGS, fail};
use social_audit::report::manifest::{self, Check, Where};
use std::path::Path;

pub fn run(path: &Path, original: bool) -> i32 {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => return fail(format!("cannot read manifest {}: {e}", path.display())),
    };
    let m: manifest::Manifest = match serde_json::from_str(&text) {
        Ok(m) => m,
        Err(e) => {
            return fail(format!(
                "{} is not a social-audit manifest: {e}",
                path.display()
            ));
        }
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let at = if original {
        Where::Original
    } else {
        Where::BesideManifest
    };
    let mut all_same = true;
    for c in manifest::verify(&m, dir, at) {
        let hashed = c.hashed.display();
        match c.check {
            Check::Same => println!("OK       {:<9} {hashed}", c.role),
            Check::Changed { now } => {
                all_same = false;
                println!("CHANGED  {:<9} {hashed} (sha256 now {now})", c.role);
            }
            Check::NotAFile => println!(
                "STREAMED {:<9} {} (written to standard output or a device; only its hash is recorded)",
                c.role, c.recorded
            ),
            Check::Missing(why) => {
                all_same = false;
                println!("MISSING  {:<9} {hashed} ({why})", c.role);
            }
        }
    }
    let which = if original {
        "the paths recorded at scan time"
    } else {
        "the files beside the manifest (--original: the paths recorded at scan time)"
    };
    if all_same {
        println!("All inputs and outputs match the manifest; checked {which}.");
        EXIT_CLEAN
    } else {
        println!("Some inputs or outputs no longer match the manifest; checked {which}.");
        EXIT_FINDINGS
    }
}

//! One module per subcommand: each takes validated arguments, does the
//! work through the library, and returns the exit status (docs/OUTPUTS.md).

pub mod handover;
pub mod inspect;
pub mod merge;
pub mod rules;
pub mod scan;
pub mod verify;

pub use crate::cli::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, EXIT_INCOMPLETE};

/// One line on stderr naming the problem; exit status 2.
pub fn fail(msg: impl std::fmt::Display) -> i32 {
    eprintln!("social-audit: {msg}");
    EXIT_ERROR
}

/// Writes one output file (or standard output) and returns its SHA-256.
pub fn write_output(
    path: &std::path::Path,
    body: impl FnOnce(&mut social_audit::report::Output) -> Result<(), String>,
) -> Result<String, String> {
    let mut out = social_audit::report::Output::create(path)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    body(&mut out).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    out.finish()
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

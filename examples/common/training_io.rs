//! What both training commands (`train_model.rs`, `train_policy.rs`) need
//! to read their inputs and settings: each input's SHA-256 printed as it
//! is read, so a training log names exactly the data behind the weights.

use sha2::{Digest, Sha256};
use std::path::Path;

/// A hyper-parameter from the environment (`TRAIN_*`), for experiments on
/// the validation data, or its default.
pub fn param(name: &str, default: f32) -> f32 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A UTF-8 input file, its SHA-256 printed first.
pub fn read(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    println!(
        "  {}  {}",
        social_audit::finding::hex(&Sha256::digest(&bytes)),
        path.display()
    );
    String::from_utf8(bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// The lines of a text file that are neither blank nor `#` comments.
pub fn lines(path: &Path) -> Result<Vec<String>, String> {
    Ok(read(path)?
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect())
}

//! Tells the tests which prerequisites this machine has, so a test that
//! cannot run its real check is reported as `ignored` with the reason
//! instead of passing silently. Under CI (`CI` set) all are assumed, so a
//! missing prerequisite fails the test there (docs/ARCHITECTURE.md, "Tests").

use sha2::{Digest, Sha256};
use std::path::Path;

/// The embedded models (src/rules/model/mod.rs) and the variable that
/// carries each file's SHA-256 into the build, so the pack's content hash
/// covers the weights it runs without hashing megabytes at every start.
const MODELS: &[(&str, &str)] = &[
    ("rules/models/abuse.bin", "SOCIAL_AUDIT_SHA256_ABUSE"),
    ("rules/models/policy.bin", "SOCIAL_AUDIT_SHA256_POLICY"),
    ("rules/models/links.bin", "SOCIAL_AUDIT_SHA256_LINKS"),
    (
        "rules/models/policy-encoder.bin",
        "SOCIAL_AUDIT_SHA256_POLICY_ENCODER",
    ),
];

/// Re-runs this script when `path` changes or appears. A path that does
/// not exist would make cargo re-run the script, and rebuild the crate, on
/// every command, so a missing path is watched through its folder (a
/// file installed there changes the folder), or not at all when the folder
/// is missing too: installing a prerequisite there later then needs
/// `touch build.rs`.
fn watch(path: &Path) {
    if path.exists() {
        println!("cargo::rerun-if-changed={}", path.display());
    } else if let Some(dir) = path.parent().filter(|d| d.is_dir()) {
        println!("cargo::rerun-if-changed={}", dir.display());
    }
}

fn main() {
    let root = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    for (file, var) in MODELS {
        let path = Path::new(&root).join(file);
        println!("cargo::rerun-if-changed={}", path.display());
        let bytes = std::fs::read(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (an embedded model)", path.display()));
        let hex: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        println!("cargo::rustc-env={var}={hex}");
    }
    println!("cargo::rustc-check-cfg=cfg(shared_samples)");
    println!("cargo::rustc-check-cfg=cfg(has_chromium)");
    println!("cargo::rustc-check-cfg=cfg(has_tesseract)");
    println!("cargo::rustc-check-cfg=cfg(has_pyyaml)");
    println!("cargo::rerun-if-env-changed=CI");
    println!("cargo::rerun-if-env-changed=PATH");
    let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let samples = Path::new(&manifest).join("../shared/formats");
    watch(&samples);
    if ci || samples.is_dir() {
        println!("cargo::rustc-cfg=shared_samples");
    }
    let on_path = |name: &str| {
        std::env::var_os("PATH")
            .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(name).is_file()))
    };
    for name in ["chromium", "chromium-browser"] {
        watch(&Path::new("/usr/bin").join(name));
    }
    if ci || on_path("chromium") || on_path("chromium-browser") {
        println!("cargo::rustc-cfg=has_chromium");
    }
    // The OCR tests draw their images in DejaVu Sans, so they need the
    // font as well as the engine.
    let font = Path::new("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    for p in [Path::new("/usr/bin/tesseract"), font] {
        watch(p);
    }
    if ci || (on_path("tesseract") && font.is_file()) {
        println!("cargo::rustc-cfg=has_tesseract");
    }
    // The release workflow check (scripts/check-release-workflow.py)
    // parses the YAML with PyYAML (Debian: python3-yaml).
    // Debian installs it here; the folder exists whenever python3 does, so
    // this does not make cargo re-run the script on every build.
    println!("cargo::rerun-if-changed=/usr/lib/python3/dist-packages");
    let pyyaml = || {
        std::process::Command::new("python3")
            .args(["-c", "import yaml"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if ci || pyyaml() {
        println!("cargo::rustc-cfg=has_pyyaml");
    }
}

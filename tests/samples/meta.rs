//! Every Facebook and Instagram sample in ../shared/formats (when present)
//! is scanned by the binary with no `failed` coverage row, and every file
//! of a sample folder is accounted for. The samples' own provenance notes
//! (PROVENANCE-other-platforms.md in ../shared/formats) mark no sample as
//! broken; the JSON Schemas and layout-only (0-byte) zips are recognised
//! and reported as skipped, not failed.

use crate::common::*;
use std::path::Path;

fn files(dir: &Path, zips: &mut usize) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| {
            let p = e.path();
            if p.is_dir() {
                files(&p, zips)
            } else {
                if p.extension().is_some_and(|x| x == "zip") {
                    *zips += 1;
                }
                1
            }
        })
        .sum()
}

fn check(platform: &str, expect_platform_rows: bool) {
    let d = tempfile::tempdir().unwrap();
    for dir in sample_dirs(platform) {
        let r = scan_sample(d.path(), &dir);
        let mut zips = 0;
        let n = files(&dir, &mut zips);
        if zips == 0 {
            assert_eq!(
                r.coverage.len(),
                n,
                "{}: every file has one coverage row",
                dir.display()
            );
        }
        if expect_platform_rows {
            let platforms = r.values("platform");
            assert!(
                platforms.iter().all(|p| p == platform),
                "{}: findings from {platforms:?}",
                dir.display()
            );
        }
    }
}

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn every_facebook_sample_scans_without_failures() {
    check("facebook", true);
}

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn every_instagram_sample_scans_without_failures() {
    check("instagram", true);
}

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn instagram_sample_gps_and_facebook_mojibake_reach_the_findings() {
    let root = Path::new("../shared/formats");
    let ig = root.join("instagram/norsekode-waultar-app");
    assert!(ig.is_dir(), "sample missing: {}", ig.display());
    let d = tempfile::tempdir().unwrap();
    let r = scan(d.path(), &[&ig], &[]);
    let fields = r.values("field");
    assert!(fields.iter().any(|f| f == "exif"), "{fields:?}");
}

/// A Facebook export written here: mojibake text is repaired before the
/// rules see it, so the lexicon matches and the context reads cleanly.
#[test]
fn mojibake_post_matches_the_lexicon_with_clean_context() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path().join("facebook-northdale-2024-01-01-x");
    write_folder(
        &root,
        &[(
            "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json".into(),
            br#"[{"timestamp": 1700000000, "data": [{"post": "Caf\u00c3\u00a9 closed again \u00e2\u0080\u0094 total b\u00c3\u00b6llocks, no: total BOLLOCKS \u00f0\u009f\u0098\u00a1"}]}]"#
                .to_vec(),
        )],
    );
    let r = scan(d.path(), &[&root], &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let rules = r.values("rule_id");
    let i = rules
        .iter()
        .position(|x| x == "conduct.obscene")
        .unwrap_or_else(|| panic!("{rules:?}"));
    let f = &r.findings[i];
    assert_eq!(&f[r.column("platform")], "facebook");
    assert_eq!(&f[r.column("record_id")], "1700000000");
    let context = &f[r.column("context")];
    assert!(context.contains("—") && context.contains("😡"), "{context}");
    assert!(
        !context.contains('Ã') && !context.contains('â'),
        "{context}"
    );
}

//! Every real X export sample in ../shared/formats/twitter (when present) is
//! scanned with no `failed` coverage row and no file left unaccounted for.
//! The samples' own provenance notes (PROVENANCE.md in that folder) list
//! no sample file as invalid JSON (the hand-edited ones were not copied),
//! so there are no exceptions.

use crate::common::*;
use std::path::Path;

const SAMPLES: &str = "../shared/formats/twitter";

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn every_twitter_sample_scans_without_failures() {
    let dirs = sample_dirs("twitter");
    assert!(
        dirs.len() >= 10,
        "expected the sample folders, found {dirs:?}"
    );
    let d = tempfile::tempdir().unwrap();
    for dir in dirs {
        let r = scan_sample(d.path(), &dir);
        let files = count_files(&dir);
        assert_eq!(
            r.coverage.len(),
            files,
            "{}: every file has one coverage row",
            dir.display()
        );
        for (entry, status, detail) in r.cov() {
            assert!(
                status == "parsed" || status == "skipped",
                "{}: {entry} is {status}: {detail}",
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
fn record_counts_match_the_published_numbers() {
    let root = Path::new(SAMPLES);
    assert!(root.is_dir(), "sample folder {} is missing", root.display());
    let d = tempfile::tempdir().unwrap();
    // Counts from the samples' own provenance notes (PROVENANCE.md in
    // ../shared/formats/twitter).
    for (sample, entry, records) in [
        ("alrocar-2024-11", "data/tweets.js", "1223"),
        ("andreruffert-2022-11", "data/tweets.js", "1986"),
        ("e31415926-2020-10", "data/tweet.js", "1163"),
        ("lumeninferius-2020-04", "data/tweet.js", "22"),
        ("roberskine-2022-11", "data/deleted-tweets.js", "11"),
    ] {
        let r = scan(d.path(), &[&root.join(sample)], &[]);
        let row = r
            .coverage
            .iter()
            .find(|c| &c[1] == entry)
            .unwrap_or_else(|| panic!("{sample}: no row for {entry}"));
        assert_eq!(&row[3], records, "{sample} {entry}");
    }
    // Grailbird 2018: 2313 tweets across the monthly files.
    let r = scan(
        d.path(),
        &[&root.join("edsu-congressedits-grailbird-2018")],
        &[],
    );
    let total: u64 = r
        .coverage
        .iter()
        .filter(|c| c[1].starts_with("data/js/tweets/"))
        .map(|c| c[3].parse::<u64>().unwrap())
        .sum();
    assert_eq!(total, 2313);
}

use super::*;
use crate::record::{Platform, RecordKind};
use crate::rules::Confidence;
use crate::vocab::{Category, Field, Severity};

/// `n` findings over a few archives, dates and records, given out of
/// order, with a long context on some so they vary in size.
fn findings(n: usize) -> Vec<Finding> {
    (0..n)
        .map(|i| {
            // a fixed shuffle: 7919 is prime, so every i maps to another
            let k = (i * 7919) % n;
            Finding {
                finding_id: format!("{k:016x}"),
                severity: [Severity::Low, Severity::High, Severity::Critical][k % 3],
                rule_id: format!("rule.{}", k % 5),
                category: Category::Conduct,
                policy_ref: "SUN 4.2".into(),
                platform: Platform::Twitter,
                account: "NorthdaleNHS".into(),
                archive: format!("archive-{}.zip", k % 3),
                entry: "data/tweets.js".into(),
                record_kind: RecordKind::Post,
                record_id: format!("{}", k % 17),
                created_at: format!("2024-01-{:02}T10:00:00Z", 1 + k % 28),
                url: format!("https://x.com/NorthdaleNHS/status/{k}"),
                field: Field::Text,
                matched: "sample".into(),
                context: "word ".repeat(k % 40),
                detail: String::new(),
                confidence: Confidence::High,
                review: String::new(),
                review_note: if k.is_multiple_of(11) {
                    "checked: ✓".into()
                } else {
                    String::new()
                },
                offset: k % 9,
            }
        })
        .collect()
}

fn sorted(mut v: Vec<Finding>) -> Vec<Finding> {
    v.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    v
}

fn read(f: &Findings) -> Vec<Finding> {
    f.iter().map(|r| r.unwrap().into_owned()).collect()
}

fn collect(all: Vec<Finding>, spill: Option<&Spill>) -> (Findings, Option<String>) {
    let none = Suppressions::default();
    let mut c = Collector::new(&none, spill);
    // in several batches, as entries finish
    for chunk in all.chunks(37) {
        c.extend(chunk.to_vec());
    }
    let (f, _, warning) = c.finish();
    (f, warning)
}

#[test]
fn findings_past_the_budget_go_to_disk_and_come_back_in_one_order() {
    let dir = tempfile::tempdir().unwrap();
    let spill = Spill {
        dir: dir.path().to_path_buf(),
        budget: 20_000,
    };
    let all = findings(1000);
    let (f, warning) = collect(all.clone(), Some(&spill));
    assert_eq!(warning, None);
    assert!(f.runs_on_disk() > 5, "{f:?}");
    assert_eq!(f.len(), 1000);
    let want = sorted(all);
    // every column (and the match offset) survives the round trip, and a
    // second reading gives the same stream
    assert_eq!(read(&f), want);
    assert_eq!(read(&f), want);
    let high = want.iter().filter(|x| x.severity == Severity::High).count() as u64;
    assert_eq!(f.tallies().by_severity[Severity::High as usize], high);
    assert_eq!(f.tallies().by_archive.values().sum::<u64>(), 1000);

    // one private scratch file while the findings live, none after
    let files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(files.len(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = files[0].as_ref().unwrap().metadata().unwrap();
        assert_eq!(meta.permissions().mode() & 0o077, 0);
    }
    drop(f);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn within_the_budget_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let spill = Spill {
        dir: dir.path().to_path_buf(),
        budget: DEFAULT_BUDGET,
    };
    let all = findings(300);
    let (f, _) = collect(all.clone(), Some(&spill));
    assert_eq!(f.runs_on_disk(), 0);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    assert_eq!(read(&f), sorted(all));
}

#[test]
fn a_folder_that_cannot_take_the_scratch_file_keeps_them_in_memory_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let spill = Spill {
        dir: dir.path().join("no such folder"),
        budget: 1_000,
    };
    let all = findings(200);
    let (f, warning) = collect(all.clone(), Some(&spill));
    let warning = warning.expect("a warning");
    assert!(warning.contains("no such folder"), "{warning}");
    assert_eq!(f.runs_on_disk(), 0);
    assert_eq!(read(&f), sorted(all));
}

#[test]
fn a_damaged_scratch_file_gives_one_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let spill = Spill {
        dir: dir.path().to_path_buf(),
        budget: 5_000,
    };
    let (f, _) = collect(findings(400), Some(&spill));
    let path = std::fs::read_dir(dir.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let len = std::fs::metadata(&path).unwrap().len();
    for (at, cut) in [(len / 2, true), (12, false)] {
        let mut bytes = std::fs::read(&path).unwrap();
        if cut {
            bytes.truncate(at as usize);
        } else {
            // a length prefix that claims far more than is there
            bytes[at as usize..at as usize + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        }
        let mut tmp = path.clone();
        tmp.set_extension("orig");
        std::fs::rename(&path, &tmp).unwrap();
        std::fs::write(&path, &bytes).unwrap();
        let results: Vec<_> = f.iter().collect();
        let errors = results.iter().filter(|r| r.is_err()).count();
        assert_eq!(errors, 1, "cut={cut}");
        assert!(
            results.last().unwrap().is_err(),
            "the error ends the stream"
        );
        std::fs::rename(&tmp, &path).unwrap();
    }
    assert_eq!(read(&f).len(), 400);
}

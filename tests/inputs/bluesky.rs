//! Hostile Bluesky CARs: a repository the test writes is cut anywhere,
//! has bytes flipped, inserted or removed, or has random bytes after a
//! valid header. Whatever the damage, reading never panics, never gives
//! more records than the repository holds, names the file in any error,
//! and a scan still gives the file exactly one coverage row.

use proptest::prelude::*;
use social_audit::archive::{Archive, Limits};
use social_audit::org::Org;
use social_audit::platform::Reader;
use social_audit::platform::bluesky::Bluesky;
use social_audit::report::Status;
use social_audit::rules::Pack;
use social_audit::scan::{self, Options};

#[path = "../../src/platform/bluesky/testing.rs"]
mod car;

/// A repository of `n` posts with the given texts plus a profile and a like.
fn repository(texts: &[String]) -> Vec<u8> {
    let mut records: Vec<(String, serde_json::Value)> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            (
                format!("app.bsky.feed.post/3lpost{i:05}a"),
                car::post(t, "2025-01-14T21:05:09.120Z"),
            )
        })
        .collect();
    records.push((
        "app.bsky.actor.profile/self".into(),
        serde_json::json!({"$type": "app.bsky.actor.profile", "displayName": "Northdale"}),
    ));
    records.push((
        "app.bsky.feed.like/3llike00001a".into(),
        serde_json::json!({"$type": "app.bsky.feed.like", "createdAt": "2025-01-14T21:05:09Z"}),
    ));
    let refs: Vec<(&str, serde_json::Value)> = records
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    car::repo(car::DID, &refs)
}

/// Reads `bytes` as `repo.car` if the reader recognises it; returns the
/// records read and the error, if any.
fn read(bytes: &[u8]) -> Option<(usize, Option<String>)> {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("repo.car");
    std::fs::write(&p, bytes).unwrap();
    let archive = Archive::open(&p, &Limits::default()).unwrap();
    let unit = Bluesky.open(&archive)?;
    let e = archive.entries().get(0).unwrap();
    let mut n = 0;
    let out = unit.read(&archive, &e, &mut |_| n += 1);
    assert_eq!(out.records as usize, n);
    Some((n, out.error))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_cut_repository_keeps_what_came_before_and_names_the_file(
        texts in prop::collection::vec(".{0,80}", 1..12),
        cut in 0.0f64..1.0,
    ) {
        let full = repository(&texts);
        let at = (full.len() as f64 * cut) as usize;
        if let Some((n, err)) = read(&full[..at]) {
            prop_assert!(n <= texts.len() + 1);
            if let Some(e) = err {
                prop_assert!(e.starts_with("repo.car: "), "{e}");
            }
        }
    }

    #[test]
    fn a_mutated_repository_never_panics(
        texts in prop::collection::vec(".{0,80}", 1..12),
        edits in prop::collection::vec((0.0f64..1.0, any::<u8>(), 0u8..3), 1..6),
    ) {
        let mut bytes = repository(&texts);
        for (pos, byte, how) in edits {
            let i = ((bytes.len() as f64) * pos) as usize;
            match how {
                0 if i < bytes.len() => bytes[i] = byte,
                1 => bytes.insert(i.min(bytes.len()), byte),
                _ if i < bytes.len() => { bytes.remove(i); }
                _ => {}
            }
        }
        if let Some((n, err)) = read(&bytes) {
            prop_assert!(n <= texts.len() + 1);
            if let Some(e) = err {
                prop_assert!(e.starts_with("repo.car: "), "{e}");
            }
        }
    }

    #[test]
    fn random_blocks_after_a_valid_header_never_panic(
        tail in prop::collection::vec(any::<u8>(), 0..2048),
    ) {
        let full = repository(&["x".to_string()]);
        let header_len = 1 + full[0] as usize;
        let mut bytes = full[..header_len].to_vec();
        bytes.extend_from_slice(&tail);
        let (n, _) = read(&bytes).expect("the header alone is recognised");
        prop_assert_eq!(n, 0);
    }
}

/// Through the whole scan: every damaged CAR still has one coverage row,
/// and a failed one says why.
#[test]
fn damaged_repositories_always_get_one_coverage_row_with_a_reason() {
    let pack = Pack::default_pack(&Org::default()).unwrap();
    let texts: Vec<String> = (0..20)
        .map(|i| format!("Post {i} about the flu clinic"))
        .collect();
    let full = repository(&texts);
    let d = tempfile::tempdir().unwrap();
    let mut state = 0x5eed_b105_0000_0001u64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for round in 0..60 {
        let mut bytes = full.clone();
        let i = (next() as usize) % bytes.len();
        if round % 2 == 0 {
            bytes.truncate(i);
        } else {
            bytes[i] ^= 1 << (next() % 8);
        }
        let p = d.path().join(format!("r{round}.car"));
        std::fs::write(&p, &bytes).unwrap();
        let outcome = scan::scan(&[p], &pack, &Options::default());
        assert_eq!(
            outcome.coverage.len(),
            1,
            "round {round}: {:?}",
            outcome.coverage
        );
        let row = &outcome.coverage.rows()[0];
        if row.status == Status::Failed {
            assert!(!row.detail.is_empty(), "round {round}: {row:?}");
        }
    }
}

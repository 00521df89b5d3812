//! `scan --deep`: the contextual encoder's rules run only when asked, add
//! findings without taking any away, and the manifest says whether they
//! ran and how many texts they read (docs/ENCODER.md).

use crate::common::*;
use std::path::Path;

const ZIP: &str = "fixtures/twitter-2024-11-16-northdale.zip";

fn manifest(dir: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(dir.join("run.json")).unwrap()).unwrap()
}

fn ids(r: &Run) -> Vec<String> {
    let id = r.column("finding_id");
    r.findings.iter().map(|f| f[id].to_string()).collect()
}

#[test]
fn without_deep_the_encoder_rules_are_skipped_and_the_run_says_so() {
    let d = tempfile::tempdir().unwrap();
    let m = d.path().join("run.json");
    let r = scan(
        d.path(),
        &[Path::new(ZIP)],
        &["--manifest", m.to_str().unwrap()],
    );
    assert!(
        r.stderr
            .contains("contextual-encoder rules did not run: add --deep"),
        "{}",
        r.stderr
    );
    let rule = r.column("rule_id");
    assert!(!r.findings.iter().any(|f| f[rule].ends_with(".encoder")));
    let enc = &manifest(d.path())["encoder"];
    assert_eq!(enc["ran"], false);
    assert_eq!(enc["rules"], 10);
    assert_eq!(enc["texts_read"], 0);
}

#[test]
fn deep_adds_encoder_findings_and_keeps_every_other_one() {
    let plain = tempfile::tempdir().unwrap();
    let deep = tempfile::tempdir().unwrap();
    let a = scan(plain.path(), &[Path::new(ZIP)], &[]);
    let m = deep.path().join("run.json");
    let b = scan(
        deep.path(),
        &[Path::new(ZIP)],
        &["--deep", "--manifest", m.to_str().unwrap()],
    );
    assert_eq!(b.code, 1, "{}", b.stderr);
    assert!(!b.stderr.contains("did not run"), "{}", b.stderr);
    let (before, after) = (ids(&a), ids(&b));
    for id in &before {
        assert!(after.contains(id), "--deep lost finding {id}");
    }
    let rule = b.column("rule_id");
    let detail = b.column("detail");
    let added: Vec<_> = b
        .findings
        .iter()
        .filter(|f| !before.contains(&f[b.column("finding_id")].to_string()))
        .collect();
    assert!(!added.is_empty(), "the encoder found nothing on the sample");
    for f in &added {
        assert!(f[rule].ends_with(".encoder"), "{:?}", f);
        assert!(f[detail].contains("model policy-encoder/"), "{:?}", f);
    }
    let enc = &manifest(deep.path())["encoder"];
    assert_eq!(enc["ran"], true);
    // every record with text is read once, however many rules read it
    let texts = enc["texts_read"].as_u64().unwrap();
    assert!((5..=20).contains(&texts), "texts_read {texts}");
}

#[test]
fn deep_can_come_from_the_settings_file_and_rules_can_be_left_out() {
    let d = tempfile::tempdir().unwrap();
    let settings = d.path().join("settings.toml");
    std::fs::write(&settings, "deep = true\n").unwrap();
    let m = d.path().join("run.json");
    let r = scan(
        d.path(),
        &[Path::new(ZIP)],
        &[
            "--config",
            settings.to_str().unwrap(),
            "--disable",
            "links.encoder",
            "--manifest",
            m.to_str().unwrap(),
        ],
    );
    assert_eq!(manifest(d.path())["encoder"]["ran"], true, "{}", r.stderr);
    let rule = r.column("rule_id");
    assert!(!r.findings.iter().any(|f| &f[rule] == "links.encoder"));
}

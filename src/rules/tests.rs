//! Pack-level tests: the default pack, the brief's hard negatives, errors.

use super::*;
use crate::record::{Location, RecordKind};

fn post(text: &str) -> Record {
    let mut r = Record::new("test", RecordKind::Post, "1");
    r.push_field("text", text);
    r
}

fn rule_hits(pack: &Pack, rec: &Record, id: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    pack.check(rec, &mut hits);
    hits.into_iter()
        .filter(|h| pack.rules()[h.rule].id == id)
        .collect()
}

fn err(toml: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.toml");
    std::fs::write(&p, toml).unwrap();
    match Pack::from_path(&p, &Org::default()) {
        Ok(_) => panic!("pack should not compile"),
        Err(e) => e,
    }
}

const HEAD: &str = "[pack]\nid = \"t\"\nversion = \"1\"\n";

fn rule(id: &str, extra: &str) -> String {
    format!(
        "[[rules]]\nid = \"{id}\"\ntitle = \"t\"\ncategory = \"conduct\"\nseverity = \"high\"\npolicy = [\"SUN 3.2\"]\nclauses = [\"C1\"]\n{extra}\n"
    )
}

#[test]
fn default_pack_examples_all_pass() {
    let pack = Pack::default_pack(&Org::default()).unwrap();
    assert_eq!(pack.id(), "nhs-default");
    assert_eq!(pack.content_hash().len(), 64);
    let (n, failures) = pack.test_examples();
    assert!(n >= 60, "{n}");
    assert!(failures.is_empty(), "{failures:#?}");
    for r in pack.rules() {
        assert!(
            !r.policy_ref.is_empty() && !r.clauses.is_empty(),
            "{}",
            r.id
        );
    }
}

#[test]
fn default_pack_from_folder_has_same_hash() {
    let org = Org::default();
    let a = Pack::default_pack(&org).unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let b = Pack::from_path(&dir, &org).unwrap();
    assert_eq!(a.content_hash(), b.content_hash());
    assert_eq!(a.rules(), b.rules());
}

#[test]
fn nhs_number_hit_explains_itself() {
    let pack = Pack::default_pack(&Org::default()).unwrap();
    let text = "Patient John Example, NHS no 401 159 0835, was admitted to Ward 7 last night & is doing well.";
    let hits = rule_hits(&pack, &post(text), "patient.nhs-number");
    assert_eq!(hits.len(), 1);
    let h = &hits[0];
    assert_eq!(&text[h.start..h.end], "401 159 0835");
    assert_eq!(h.severity, Severity::Critical);
    assert!(h.detail.contains("check digit valid"), "{}", h.detail);
    assert!(
        h.detail.contains("\"nhs no\" 1 chars before"),
        "{}",
        h.detail
    );
}

#[test]
fn org_profile_allows_its_own_details() {
    let org = Org::parse(
        r#"domains = ["example-trust.nhs.uk"]
           phone_numbers = ["0191 541 0000"]
           national_numbers = ["111", "999", "119"]
           postcodes = ["SR4 7TP"]
           [[site]]
           latitude = 54.906
           longitude = -1.383"#,
    )
    .unwrap();
    let pack = Pack::default_pack(&org).unwrap();
    let rec = post("Call 0191 541 0000 or 111, write to SR4 7TP or comms@example-trust.nhs.uk");
    let mut hits = Vec::new();
    pack.check(&rec, &mut hits);
    assert!(hits.is_empty(), "{hits:#?}");
    let mut rec = Record::new("test", RecordKind::Post, "2");
    rec.locations.push(Location {
        field: "geo",
        lat: Some(54.9061),
        lon: Some(-1.3831),
        label: String::new(),
    });
    pack.check(&rec, &mut hits);
    assert!(hits.is_empty(), "{hits:#?}");
    let mut acct = Record::new("test", RecordKind::Account, "3");
    acct.push_field("email", "comms@example-trust.nhs.uk");
    pack.check(&acct, &mut hits);
    assert!(hits.is_empty(), "{hits:#?}");
    acct.push_field("email", "comms@gmail.com");
    pack.check(&acct, &mut hits);
    assert_eq!(hits.len(), 1);
    assert!(hits[0].detail.contains("free-mail"), "{}", hits[0].detail);
}

#[test]
fn metadata_hit_shape() {
    let pack = Pack::default_pack(&Org::default()).unwrap();
    let mut rec = Record::new("test", RecordKind::Post, "1");
    rec.locations.push(Location {
        field: "geo",
        lat: Some(54.9061),
        lon: Some(-1.3831),
        label: "Sunderland".into(),
    });
    let hits = rule_hits(&pack, &rec, "location.geotag");
    assert_eq!(hits.len(), 1);
    assert_eq!((hits[0].field, hits[0].start, hits[0].end), ("geo", 0, 0));
    assert_eq!(hits[0].matched, "54.906,-1.383");
    assert_eq!(hits[0].detail, "GPS 54.906,-1.383 (place: Sunderland)");
}

#[test]
fn bad_packs_name_the_rule() {
    let e = err(&format!(
        "{HEAD}{}",
        rule("bad.regex", "pattern = { regex = '(unclosed' }")
    ));
    assert!(e.contains("bad.regex") && e.contains("regex"), "{e}");
    let e = err(&format!(
        "{HEAD}{}",
        rule("bad.key", "pattern = { regex = 'x' }\nseverty = \"high\"")
    ));
    assert!(e.contains("bad.key") && e.contains("severty"), "{e}");
    let e = err(&format!(
        "{HEAD}{}",
        rule(
            "bad.nested",
            "pattern = { regex = 'x', validatr = \"email\" }"
        )
    ));
    assert!(e.contains("bad.nested") && e.contains("validatr"), "{e}");
    let r = rule("dup.id", "pattern = { regex = 'x' }");
    let e = err(&format!("{HEAD}{r}{r}"));
    assert!(e.contains("dup.id") && e.contains("duplicate"), "{e}");
    let e = err(&format!(
        "{HEAD}{}",
        rule(
            "bad.validator",
            "pattern = { regex = 'x', validator = \"luhn\" }"
        )
    ));
    assert!(e.contains("bad.validator") && e.contains("luhn"), "{e}");
    let e = err(&format!(
        "{HEAD}{}",
        rule("bad.pred", "metadata = { predicate = \"teleport\" }")
    ));
    assert!(e.contains("bad.pred") && e.contains("teleport"), "{e}");
    let e = err(&format!(
        "{HEAD}{}",
        rule("bad.list", "lexicon = { lists = [\"nope\"] }")
    ));
    assert!(e.contains("bad.list") && e.contains("nope"), "{e}");
    let e = err(&format!(
        "{HEAD}{}",
        rule(
            "two.detectors",
            "lexicon = { terms = [\"x\"] }\npattern = { regex = 'x' }"
        )
    ));
    assert!(e.contains("two.detectors"), "{e}");
    let e = err(&format!(
        "{HEAD}{}",
        rule(
            "bad.example",
            "pattern = { regex = 'x' }\nexamples.match = [{ kind = \"tweet\" }]"
        )
    ));
    assert!(e.contains("bad.example") && e.contains("tweet"), "{e}");
    let e = err(&format!("{HEAD}[extra]\n"));
    assert!(e.contains("extra") && e.contains("bad.toml"), "{e}");
}

#[test]
fn failing_examples_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.toml");
    let r = rule(
        "x.word",
        "lexicon = { terms = [\"blah\"] }\nexamples.match = [\"nothing here\"]\nexamples.no_match = [\"blah\"]",
    );
    std::fs::write(&p, format!("{HEAD}{r}")).unwrap();
    let pack = Pack::from_path(&p, &Org::default()).unwrap();
    let (n, f) = pack.test_examples();
    assert_eq!(n, 2);
    assert_eq!(f.len(), 2);
    assert!(f[0].expected_match && !f[1].expected_match);
}

#[test]
fn pack_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Pack>();
}

#[test]
fn brief_hard_negatives_for_nhs_numbers() {
    let pack = Pack::default_pack(&Org::default()).unwrap();
    for text in [
        "Purchase order 401 159 0836 has been paid. Thanks to our estates team!",
        "NHS 111 \u{2026} 4011590835",
        "https://x.com/a/status/4011590835123456789",
        "Patient update https://x.com/a/status/4011590835",
        "Patient update from #4011590835 and @4011590835",
        "Patient ref x4011590835 and 4011590835y",
        "Thanks for your order 401 159 0835",
    ] {
        assert!(
            rule_hits(&pack, &post(text), "patient.nhs-number").is_empty(),
            "{text}"
        );
    }
}

#[test]
fn hits_come_in_text_order_across_detectors() {
    let pack = Pack::default_pack(&Org::default()).unwrap();
    let mut rec = post("sh1t, ring 07700 900123 or mail a.b@gmail.com");
    rec.push_field("bio", "f*ck");
    let mut hits = Vec::new();
    pack.check(&rec, &mut hits);
    let got: Vec<(&str, &str)> = hits.iter().map(|h| (h.field, h.matched.as_str())).collect();
    assert_eq!(
        got,
        vec![
            ("text", "sh1t"),
            ("text", "07700 900123"),
            ("text", "a.b@gmail.com"),
            ("bio", "f*ck")
        ]
    );
}

/// Rough throughput check: `cargo test --release --lib rules::tests::throughput -- --ignored --nocapture`
#[test]
#[ignore]
fn throughput() {
    let pack = Pack::default_pack(&Org::default()).unwrap();
    let texts = [
        "Huge thanks to the team on Ward 7 🎉 for another brilliant week! #NHS #TeamWork https://t.co/abc123",
        "Our sexual health clinic in Scunthorpe is open Saturdays 9am–1pm. Call 0191 541 0000 or NHS 111.",
        "Reminder: flu jabs available for staff this week 💉 – book via the intranet. RT @NHSEngland",
        "Congratulations to Dr Example on her award! 👏👏 Photo: comms team",
    ];
    let recs: Vec<Record> = (0..200_000).map(|i| post(texts[i % texts.len()])).collect();
    let bytes: usize = recs.iter().map(|r| r.fields[0].value.len()).sum();
    let t = std::time::Instant::now();
    let mut hits = Vec::new();
    for r in &recs {
        hits.clear();
        pack.check(r, &mut hits);
    }
    let secs = t.elapsed().as_secs_f64();
    eprintln!(
        "{} records, {:.1} MB in {secs:.2}s: {:.0} records/s, {:.1} MB/s",
        recs.len(),
        bytes as f64 / 1e6,
        recs.len() as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
}

#[test]
fn folder_packs_merge_files_in_name_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.toml"), "[lists]\nrude = [\"blah\"]\n").unwrap();
    let r = rule(
        "x.rude",
        "lexicon = { lists = [\"rude\"] }\nexamples.match = [\"oh BLAAAH\"]",
    );
    std::fs::write(dir.path().join("b.toml"), format!("{HEAD}{r}")).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "ignored").unwrap();
    let pack = Pack::from_path(dir.path(), &Org::default()).unwrap();
    assert_eq!((pack.id(), pack.version()), ("t", "1"));
    assert_eq!(pack.test_examples(), (1, vec![]));
    std::fs::write(dir.path().join("c.toml"), HEAD).unwrap();
    let e = match Pack::from_path(dir.path(), &Org::default()) {
        Ok(_) => panic!("two [pack] tables"),
        Err(e) => e,
    };
    assert!(e.contains("c.toml") && e.contains("[pack]"), "{e}");
}

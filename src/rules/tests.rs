//! Pack-level tests: the default pack, the brief's hard negatives, errors.
//!
//! Longer than 600 lines on purpose: these are the pack's behaviours read
//! as one specification (loading, layering, each detector kind, account
//! rules, refinements); per-rule cases live with the rules as examples.

use super::*;
use crate::record::{Field, Location, RecordKind};
use crate::vocab::Severity;

fn post(text: &str) -> Record {
    let mut r = Record::new(Platform::Twitter, RecordKind::Post, "1");
    r.push_field(Field::Text, text);
    r
}

fn rule_hits(pack: &Pack, rec: &Record, id: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    pack.check(rec, &mut hits);
    hits.into_iter()
        .filter(|h| pack.rules()[h.rule].id == id)
        .collect()
}

/// What rule `id` matched in a post of `text`, as the author wrote it.
fn matched(pack: &Pack, text: &str, id: &str) -> Vec<String> {
    rule_hits(pack, &post(text), id)
        .into_iter()
        .map(|h| h.matched)
        .collect()
}

/// A pack compiled from one TOML text, as a file on disk (the way a
/// trust's own pack is loaded).
fn pack(toml: &str) -> Pack {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.toml");
    std::fs::write(&p, toml).unwrap();
    Pack::from_path(&p, &Org::default()).unwrap()
}

fn err(toml: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.toml");
    std::fs::write(&p, toml).unwrap();
    match Pack::from_path(&p, &Org::default()) {
        Ok(_) => panic!("pack should not compile"),
        Err(e) => e.to_string(),
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

/// The weights a pack runs are part of what it is: the digests build.rs
/// embeds are those of the model files on disk, and they are in the hash.
#[test]
fn content_hash_covers_the_weights_of_the_models_it_runs() {
    use sha2::{Digest, Sha256};
    let sha256 = |b: &[u8]| crate::finding::hex(&Sha256::digest(b));
    let default = Pack::default_pack(&Org::default()).unwrap();
    let weights = default.model_weights();
    let names: Vec<&str> = weights.iter().map(|(n, _)| n.as_str()).collect();
    for want in ["abuse", "policy", "links", "policy-encoder"] {
        assert!(names.contains(&want), "{want} not in {names:?}");
    }
    let models = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/models");
    for (name, embedded) in &weights {
        let file = std::fs::read(models.join(format!("{name}.bin"))).unwrap();
        assert_eq!(
            *embedded,
            sha256(&file),
            "{name}: embedded digest is not the file's"
        );
    }
    // A pack without model rules hashes its text alone.
    let text = format!(
        "{HEAD}{}",
        rule("t.x", "lexicon = { terms = [\"bluebird\"] }")
    );
    let plain = pack(&text);
    assert!(plain.model_weights().is_empty());
    assert_eq!(plain.content_hash(), sha256(text.as_bytes()));
    // The same text with a model rule: the hash moves with the weights.
    let with_model = format!(
        "{text}{}",
        rule("t.m", "model = { name = \"abuse\", threshold = 0.5 }")
    );
    let modelled = pack(&with_model);
    let abuse = sha256(&std::fs::read(models.join("abuse.bin")).unwrap());
    let want = sha256(format!("{with_model}\0model abuse {abuse}").as_bytes());
    assert_eq!(modelled.content_hash(), want);
}

/// Every lexicon term is also read with the second person in text speak:
/// a list that spells "add you on snap" finds "add u on snap", and the
/// hit shows the spelling the author used. "you" inside a word is not
/// rewritten.
#[test]
fn lexicon_terms_are_also_read_in_text_speak() {
    let p = pack(&format!(
        "{HEAD}{}",
        rule(
            "t.x",
            "lexicon = { terms = [\"add you on snap\", \"your number\"] }"
        )
    ));
    let found = |text: &str| matched(&p, text, "t.x");
    assert_eq!(found("add u on snap x"), ["add u on snap"]);
    assert_eq!(found("whats ur number"), ["ur number"]);
    assert_eq!(found("add you on snap"), ["add you on snap"]);
    assert!(found("youth number day").is_empty());
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
    let rec = geotagged_post(54.9061, -1.3831, "");
    pack.check(&rec, &mut hits);
    assert!(hits.is_empty(), "{hits:#?}");
    let mut acct = Record::new(Platform::Twitter, RecordKind::Account, "3");
    acct.push_field(Field::Email, "comms@example-trust.nhs.uk");
    pack.check(&acct, &mut hits);
    assert!(hits.is_empty(), "{hits:#?}");
    acct.push_field(Field::Email, "comms@gmail.com");
    pack.check(&acct, &mut hits);
    assert_eq!(hits.len(), 1);
    assert!(hits[0].detail.contains("free-mail"), "{}", hits[0].detail);
}

/// A post carrying a platform geotag (`Field::Geo`) at `lat`, `lon`.
fn geotagged_post(lat: f64, lon: f64, label: &str) -> Record {
    let mut rec = Record::new(Platform::Twitter, RecordKind::Post, "1");
    rec.locations.push(Location {
        field: Field::Geo,
        lat: Some(lat),
        lon: Some(lon),
        label: label.into(),
    });
    rec
}

#[test]
fn metadata_hit_shape() {
    let pack = Pack::default_pack(&Org::default()).unwrap();
    let rec = geotagged_post(54.9061, -1.3831, "Sunderland");
    let hits = rule_hits(&pack, &rec, "location.geotag");
    assert_eq!(hits.len(), 1);
    assert_eq!(
        (hits[0].field, hits[0].start, hits[0].end),
        (Field::Geo, 0, 0)
    );
    assert_eq!(hits[0].matched, "54.906,-1.383");
    assert_eq!(hits[0].detail, "GPS 54.906,-1.383 (place: Sunderland)");
}

#[test]
fn a_metadata_unless_reads_every_prose_field_of_the_record() {
    let p = pack(&format!(
        "{HEAD}[lists]\nservice = [\"walk-ins welcome\"]\nprivate = [\"refuge\"]\n{}",
        rule(
            "loc.geo",
            "metadata = { predicate = \"location\", sources = [\"geo\"], unless = { lists = [\"service\"], except_lists = [\"private\"] } }"
        )
    ));
    let geotagged = |fields: &[(Field, &str)]| {
        let mut rec = geotagged_post(54.9, -1.4, "");
        for (f, v) in fields {
            rec.push_field(*f, *v);
        }
        rule_hits(&p, &rec, "loc.geo").len()
    };
    assert_eq!(geotagged(&[]), 1);
    assert_eq!(geotagged(&[(Field::Text, "Night out 🍻")]), 1);
    // the words may be anywhere in any prose field, however long
    let long = format!("{} Vaccine bus today, walk-ins welcome", "x ".repeat(200));
    assert_eq!(geotagged(&[(Field::Text, &long)]), 0);
    assert_eq!(geotagged(&[(Field::Title, "Walk-ins welcome")]), 0);
    // a link field is not prose, even holding the words; `except` puts
    // the hit back
    assert_eq!(geotagged(&[(Field::Link, "walk-ins welcome")]), 1);
    assert_eq!(
        geotagged(&[(Field::Text, "Drop-in at the refuge, walk-ins welcome")]),
        1
    );
}

#[test]
fn a_change_hit_says_from_what_to_what_and_when() {
    let pack = Pack::default_pack(&Org::default()).unwrap();
    let mut rec = Record::new(Platform::Twitter, RecordKind::Account, "c");
    rec.push_field(Field::HandleChange, "@NorthdaleTrust → @NorthdaleNHS");
    rec.created_at = "2021-03-01T09:00:00Z".parse().ok();
    let hits = rule_hits(&pack, &rec, "account.handle-changed");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].matched, "@NorthdaleTrust → @NorthdaleNHS");
    assert_eq!(
        hits[0].detail,
        "handle changed: @NorthdaleTrust → @NorthdaleNHS on 2021-03-01T09:00:00Z"
    );
    // An undated fact (a connected app) keeps the plain detail.
    let mut rec = Record::new(Platform::Twitter, RecordKind::Account, "account");
    rec.push_field(Field::ConnectedApp, "QuickPost");
    let hits = rule_hits(&pack, &rec, "account.connected-app");
    assert_eq!(hits[0].detail, "connected_app present: QuickPost");
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
    // A misspelt field would otherwise read nothing, silently.
    let e = err(&format!(
        "{HEAD}{}",
        rule("bad.field", "pattern = { regex = 'x' }\nfields = [\"txt\"]")
    ));
    assert!(e.contains("bad.field") && e.contains("\"txt\""), "{e}");
    let e = err(&format!(
        "{HEAD}{}",
        rule(
            "bad.meta-field",
            "metadata = { predicate = \"field-present\", field = \"app\" }"
        )
    ));
    assert!(
        e.contains("bad.meta-field") && e.contains("connected_app"),
        "{e}"
    );
    let e = err(&format!(
        "{HEAD}{}",
        rule(
            "bad.label",
            "metadata = { predicate = \"field-count\", field = \"login_ip\", label = \"x\" }"
        )
    ));
    assert!(
        e.contains("bad.label") && e.contains("field-present"),
        "{e}"
    );
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
    // link-words: its lists must exist, its entries be readable, and no
    // other predicate takes lists
    let e = err(&format!(
        "{HEAD}{}",
        rule(
            "bad.words",
            "metadata = { predicate = \"link-words\", lists = [\"nowhere\"] }"
        )
    ));
    assert!(e.contains("bad.words") && e.contains("nowhere"), "{e}");
    let e = err(&format!(
        "{HEAD}[lists]\nw = [\"go*re\"]\n{}",
        rule(
            "bad.entry",
            "metadata = { predicate = \"link-words\", lists = [\"w\"] }"
        )
    ));
    assert!(e.contains("bad.entry") && e.contains("go*re"), "{e}");
    let e = err(&format!(
        "{HEAD}[lists]\nw = [\"gore\"]\n[link_domains]\nadult = [\"example.xxx\"]\n{}",
        rule(
            "bad.lists",
            "metadata = { predicate = \"link-domain\", categories = [\"adult\"], lists = [\"w\"] }"
        )
    ));
    assert!(e.contains("bad.lists") && e.contains("link-words"), "{e}");
}

#[test]
fn failing_examples_are_reported() {
    let r = rule(
        "x.word",
        "lexicon = { terms = [\"blah\"] }\nexamples.match = [\"nothing here\"]\nexamples.no_match = [\"blah\"]",
    );
    let pack = pack(&format!("{HEAD}{r}"));
    let (n, f) = pack.test_examples();
    assert_eq!(n, 2);
    assert_eq!(f.len(), 2);
    assert!(f[0].expected_match && !f[1].expected_match);
}

#[test]
fn pack_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Pack>();
    check::<AccountState>();
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
    rec.push_field(Field::Bio, "f*ck");
    let mut hits = Vec::new();
    pack.check(&rec, &mut hits);
    let got: Vec<(&str, &str)> = hits
        .iter()
        .map(|h| (h.field.as_str(), h.matched.as_str()))
        .collect();
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
        Err(e) => e.to_string(),
    };
    assert!(e.contains("c.toml") && e.contains("[pack]"), "{e}");
}

fn at(mut r: Record, ts: &str) -> Record {
    r.created_at = Some(ts.parse().unwrap());
    r
}

#[test]
fn every_clause_row_has_a_rule_with_examples() {
    let pack = Pack::default_pack(&Org::default()).unwrap();
    // (match, no_match) example counts per rule
    let mut count: std::collections::HashMap<&str, (usize, usize)> = Default::default();
    for ex in &pack.examples {
        let c = count
            .entry(pack.rules()[ex.rule()].id.as_str())
            .or_default();
        if ex.expected() {
            c.0 += 1;
        } else {
            c.1 += 1;
        }
    }
    let enough = |id: &str| count.get(id).is_some_and(|&(m, n)| m >= 2 && n >= 2);
    for clause in [
        "A1", "A2", "A3", "A4", "A5", "A6", "B1", "B2", "B3", "B4", "C1", "C2", "C3", "C4", "D1",
        "D2", "D3", "D4", "D5", "D6", "E1", "E2", "E3", "E4",
    ] {
        let rules: Vec<&RuleInfo> = pack
            .rules()
            .iter()
            .filter(|r| r.clauses.iter().any(|c| c == clause))
            .collect();
        assert!(!rules.is_empty(), "no rule for {clause}");
        assert!(
            rules.iter().any(|r| enough(&r.id)),
            "no rule for {clause} has 2 match + 2 no_match examples"
        );
    }
    for r in pack.rules() {
        assert!(
            enough(&r.id),
            "{} needs 2 match and 2 no_match examples",
            r.id
        );
    }
}

#[test]
fn confidence_is_separate_from_severity() {
    let pack = Pack::default_pack(&Org::default()).unwrap();
    let h = &rule_hits(
        &pack,
        &post("Patient John Example, NHS no 401 159 0835"),
        "patient.nhs-number",
    )[0];
    assert_eq!(
        (h.severity, h.confidence),
        (Severity::Critical, Confidence::High)
    );
    assert_eq!(Confidence::High.as_str(), "high");
    // the NINO context is optional: without it confidence drops one step
    let with = &rule_hits(
        &pack,
        &post("NI number AB 12 34 56 C"),
        "personal.ni-number",
    )[0];
    let without = &rule_hits(&pack, &post("ref AB 12 34 56 C"), "personal.ni-number")[0];
    assert_eq!(with.confidence, Confidence::High);
    assert_eq!(without.confidence, Confidence::Medium);
    assert!(
        without.detail.contains("no context word"),
        "{}",
        without.detail
    );
}

#[test]
fn political_hits_are_raised_inside_a_pre_election_period() {
    let england = Org::parse("nation = \"england\"").unwrap();
    let scotland = Org::parse("nation = \"scotland\"").unwrap();
    let text = "Great to meet the Labour candidate at our open day";
    let pe = Pack::default_pack(&england).unwrap();
    let ps = Pack::default_pack(&scotland).unwrap();
    // UK general election 2024: every nation
    let h = &rule_hits(
        &pe,
        &at(post(text), "2024-06-10T12:00:00Z"),
        "political.party",
    )[0];
    assert_eq!(h.severity, Severity::High);
    assert!(
        h.detail.contains("UK general election 2024"),
        "{}",
        h.detail
    );
    // English locals 2023 raise England, not Scotland
    let e = &rule_hits(
        &pe,
        &at(post(text), "2023-04-20T12:00:00Z"),
        "political.party",
    )[0];
    let s = &rule_hits(
        &ps,
        &at(post(text), "2023-04-20T12:00:00Z"),
        "political.party",
    )[0];
    assert_eq!((e.severity, s.severity), (Severity::High, Severity::Medium));
    // outside any window
    let o = &rule_hits(
        &pe,
        &at(post(text), "2024-09-01T12:00:00Z"),
        "political.party",
    )[0];
    assert_eq!(o.severity, Severity::Medium);
    // labour wards are never political
    assert!(
        rule_hits(
            &pe,
            &at(post("Labour ward tours"), "2024-06-10T12:00:00Z"),
            "political.party"
        )
        .is_empty()
    );
}

#[test]
fn slur_hits_name_the_characteristic() {
    let pack = Pack::default_pack(&Org::default()).unwrap();
    let h = &rule_hits(&pack, &post("what a r3tard"), "conduct.slur.disability")[0];
    assert!(
        h.detail.contains("Equality Act characteristic: disability"),
        "{}",
        h.detail
    );
    let info = pack
        .rules()
        .iter()
        .find(|r| r.id == "conduct.slur.race")
        .unwrap();
    assert_eq!(info.characteristics, ["race"]);
}

fn welsh_org() -> Org {
    Org::parse(
        r#"[[account]]
           platform = "twitter"
           handle = "BwrddIechyd"
           welsh = true"#,
    )
    .unwrap()
}

fn tw(id: &str, ts: &str, text: &str) -> Record {
    let mut r = at(post(text), ts);
    r.account = "BwrddIechyd".into();
    r.id = id.into();
    r.url = format!("https://x.com/BwrddIechyd/status/{id}");
    r.entry = "data/tweets.js".into();
    r
}

#[test]
fn account_state_merge_order_does_not_matter() {
    let org = welsh_org();
    let pack = Pack::default_pack(&org).unwrap();
    let recs = [
        tw(
            "1",
            "2024-01-01T09:00:00Z",
            "Our flu clinic is open today from nine until five, please come along",
        ),
        tw(
            "2",
            "2024-01-01T10:00:00Z",
            "Mae ein clinig ffliw ar agor heddiw, dewch draw os gwelwch yn dda",
        ),
        tw(
            "3",
            "2024-03-01T09:00:00Z",
            "Our new car park opens on Monday, thank you for your patience",
        ),
        tw(
            "4",
            "2024-03-09T09:00:00Z",
            "Mae'r maes parcio newydd ar agor, diolch am eich amynedd",
        ),
    ];
    let run = |order: &[usize], split: usize| {
        let mut a = pack.account_state(Platform::Twitter, "BwrddIechyd", &org);
        let mut b = pack.account_state(Platform::Twitter, "BwrddIechyd", &org);
        for (k, &i) in order.iter().enumerate() {
            let st = if k < split { &mut a } else { &mut b };
            pack.observe(st, &recs[i]);
        }
        pack.merge(&mut b, a);
        pack.finish_account(b)
            .into_iter()
            .map(|h| (pack.rules()[h.hit.rule].id.clone(), h.on.id, h.hit.detail))
            .collect::<Vec<_>>()
    };
    let one = run(&[0, 1, 2, 3], 2);
    assert_eq!(one, run(&[3, 1, 0, 2], 1));
    assert_eq!(one, run(&[2, 3, 1, 0], 4));
    let ids: Vec<(&str, &str)> = one
        .iter()
        .map(|(r, i, _)| (r.as_str(), i.as_str()))
        .collect();
    // posts 3 and 4 are eight days apart: each lacks a counterpart; the
    // January posts pair up; the gap Jan -> Mar is over 30 days
    assert_eq!(
        ids,
        [
            ("account.posting-gap", "3"),
            ("language.welsh-counterpart", "3"),
            ("language.welsh-counterpart", "4"),
        ]
    );
}

#[test]
fn account_hits_carry_the_record_they_are_about() {
    let org = welsh_org();
    let pack = Pack::default_pack(&org).unwrap();
    let mut st = pack.account_state(Platform::Twitter, "bwrddiechyd", &org);
    assert!(st.is_welsh() && st.is_official());
    let text = "Our flu clinic is open today from nine until five, please come along";
    pack.observe(&mut st, &tw("9", "2024-01-01T09:00:00Z", text));
    let out = pack.finish_account(st);
    assert_eq!(out.len(), 1);
    let AccountHit { on, value, hit } = &out[0];
    assert_eq!(on.url, "https://x.com/BwrddIechyd/status/9");
    assert_eq!(on.entry, "data/tweets.js");
    assert_eq!((hit.field, value.as_str()), (Field::Text, text));
    assert!(hit.detail.contains("English-only"), "{}", hit.detail);
    // not Welsh: no language detection, no D5 finding
    let plain = Org::default();
    let mut st = pack.account_state(Platform::Twitter, "BwrddIechyd", &plain);
    pack.observe(&mut st, &tw("9", "2024-01-01T09:00:00Z", text));
    assert!(pack.finish_account(st).is_empty());
}

const LOCAL: &str = r#"
[pack]
id = "northdale-local"
version = "1"
extend = "default"
disable = ["links.shortener", "conduct.slur.age"]

[extend_lists]
clinical-safe = ["shit creek"]

[[rules]]
id = "local.codename"
title = "Internal project codename"
category = "confidential"
severity = "high"
policy = ["SUN 3.2"]
clauses = ["B1"]
lexicon = { terms = ["project bluebird"] }
examples.match = ["Update on Project Bluebird", "project bluebird again"]
examples.no_match = ["A bluebird in the garden", "Our project board"]
"#;

#[test]
fn local_pack_extends_the_default() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("local.toml");
    std::fs::write(&p, LOCAL).unwrap();
    let org = Org::default();
    let pack = Pack::from_path(&p, &org).unwrap();
    let default = Pack::default_pack(&org).unwrap();
    assert_eq!(pack.id(), "northdale-local");
    assert_ne!(pack.content_hash(), default.content_hash());
    assert_eq!(pack.rules().len(), default.rules().len() - 2 + 1);
    assert!(!pack.rules().iter().any(|r| r.id == "links.shortener"));
    assert!(!rule_hits(&pack, &post("Project Bluebird starts"), "local.codename").is_empty());
    // the added allow-list entry protects the default rule
    assert!(
        !rule_hits(
            &default,
            &post("We are up shit creek without a paddle"),
            "conduct.obscene"
        )
        .is_empty()
    );
    assert!(
        rule_hits(
            &pack,
            &post("We are up shit creek without a paddle"),
            "conduct.obscene"
        )
        .is_empty()
    );
    let (n, f) = pack.test_examples();
    assert!(n > 100 && f.is_empty(), "{n} {f:?}");
    // a typo in disable is an error, as is re-using an id without disabling
    let e = err(&LOCAL.replace("\"links.shortener\"", "\"links.shortnr\""));
    assert!(e.contains("links.shortnr"), "{e}");
    let e = err(&LOCAL.replace("local.codename", "conduct.obscene"));
    assert!(
        e.contains("conduct.obscene") && e.contains("disable"),
        "{e}"
    );
    // disabling and re-adding replaces a default rule
    let replaced = LOCAL
        .replace(
            "\"conduct.slur.age\"]",
            "\"conduct.slur.age\", \"conduct.obscene\"]",
        )
        .replace("local.codename", "conduct.obscene");
    std::fs::write(&p, replaced).unwrap();
    let pack = Pack::from_path(&p, &org).unwrap();
    assert_eq!(
        pack.rules()
            .iter()
            .filter(|r| r.id == "conduct.obscene")
            .count(),
        1
    );
    let e = err(&LOCAL.replace("extend = \"default\"", "extend = \"other\""));
    assert!(e.contains("other"), "{e}");
}

#[test]
fn identifier_validators() {
    let pack = Pack::default_pack(&Org::default()).unwrap();
    let hit = |t: &str, id: &str| !rule_hits(&pack, &post(t), id).is_empty();
    assert!(hit("Patient CHI 0101501234", "patient.chi-number"));
    assert!(!hit("Patient CHI 3102501234", "patient.chi-number")); // 31 Feb
    assert!(hit("Patient H&C 3200000007", "patient.hc-number"));
    assert!(!hit("Patient 3200000007", "patient.nhs-number"));
    assert!(hit("NI number JH123456A", "personal.ni-number"));
    for bad in [
        "QQ123456A",
        "DA123456A",
        "AO123456A",
        "NK123456A",
        "AB123456E",
    ] {
        assert!(
            !hit(&format!("NI number {bad}"), "personal.ni-number"),
            "{bad}"
        );
    }
    assert!(hit("DOB 29/02/1952", "patient.date-of-birth"));
    assert!(!hit("DOB 29/02/1951", "patient.date-of-birth"));
    assert!(!hit("Clinic on 03/04/2025", "patient.date-of-birth"));
    let org = Org::parse("hospital_number_patterns = ['\\bRX[0-9]{7}\\b']").unwrap();
    let local = Pack::default_pack(&org).unwrap();
    let lh = |t: &str| !rule_hits(&local, &post(t), "patient.hospital-number").is_empty();
    assert!(lh("Hospital number RX1234567"));
    // a local format the generic shape would not find
    let org = Org::parse("hospital_number_patterns = ['\\bK[0-9]{3}-[0-9]{4}\\b']").unwrap();
    let k = Pack::default_pack(&org).unwrap();
    let hits = rule_hits(
        &k,
        &post("MRN K123-4567 in bay 2"),
        "patient.hospital-number",
    );
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert!(
        hits[0].detail.contains("local hospital-number pattern"),
        "{}",
        hits[0].detail
    );
    assert!(!lh("Hospital number 12345678"));
    assert!(!lh("Ref RX1234567"));
    // A bad local pattern is blamed on the profile key, before any rule.
    let e = Org::parse("hospital_number_patterns = ['RX[0-9']")
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("hospital_number_patterns[0] = \"RX[0-9\""),
        "{e}"
    );
    assert!(!e.contains("(?i"), "{e}");
}

/// `heads`: a context word that describes the next word ("patient
/// transport") is not the context the rule asks for; as a noun of its
/// own ("the patient in bed 4", "patient's") it is.
#[test]
fn a_context_word_counts_as_a_noun_not_as_a_modifier() {
    let toml = |pattern: &str| {
        format!(
            r#"{HEAD}
[[rules]]
id = "t.name"
title = "t"
category = "patient-data"
severity = "high"
policy = ["CUM 3.3"]
clauses = ["A1"]
pattern = {pattern}
"#
        )
    };
    let rule = |heads: &str| {
        pack(&toml(&format!(
            r#"{{ regex = '\b[A-Z][a-z]+ [A-Z][a-z]+\b', case_sensitive = true, context = {{ words = ["patient", "bed"], {heads} window = 40, required = true }} }}"#
        )))
    };
    let with = rule(r#"heads = ["patient", "bed"],"#);
    let without = rule("");
    let fires = |p: &Pack, text: &str| !rule_hits(p, &post(text), "t.name").is_empty();
    for text in [
        "Gwen Example runs our patient transport desk",
        "Bed occupancy at Northdale General is 95% today",
        "Join Gwen Example on the patient panel",
    ] {
        assert!(fires(&without, text), "{text}");
        assert!(!fires(&with, text), "{text}");
    }
    for text in [
        "The patient in bed 4, Alan Example, is stable",
        "Our patient Alan Example went home",
        "Alan Example, the patient admitted overnight",
        "Visited Alan Example, my patient's husband",
    ] {
        assert!(fires(&with, text), "{text}");
    }
    let e = err(&toml(
        r#"{ regex = 'x[0-9]', context = { words = ["patient"], heads = ["bed"] } }"#,
    ));
    assert!(e.contains("context.heads names \"bed\""), "{e}");
}

#[test]
fn no_panic_on_odd_input() {
    let pack = Pack::default_pack(&Org::default()).unwrap();
    let mut hits = Vec::new();
    for t in [
        "",
        "@",
        "#",
        "📷:",
        "Photo by @",
        "DOB 99/99/99",
        "NI number ",
        "\u{0}\u{ffff}",
        "password is ",
        "MRN: ",
        "0101501234",
        "Mr A",
        "💉💉💉 Patient Ŧest Ünïcode admitted",
    ] {
        let mut r = post(t);
        r.push_field(Field::Link, t);
        r.push_field(Field::LoginIp, t);
        r.push_field(Field::Client, t);
        pack.check(&r, &mut hits);
    }
    let org = welsh_org();
    let mut st = pack.account_state(Platform::Twitter, "BwrddIechyd", &org);
    for t in ["", "a", "@x https://t.co/y", "ŵŷ"] {
        pack.observe(&mut st, &tw("1", "2024-01-01T00:00:00Z", t));
    }
    let _ = pack.finish_account(st);
}

#[test]
fn default_patterns_compile_in_ascii_mode() {
    let pack = Pack::default_pack(&Org::default()).unwrap();
    let ids = pack.unicode_pattern_rules();
    assert!(
        ids.is_empty(),
        "Unicode-mode patterns slow every field: {ids:?}"
    );
}

/// A pattern whose DFA states would multiply with its neighbours' is
/// searched in a set of its own: in the default pack, the forename list
/// and the photo credit's many shapes (benches/README.md).
#[test]
fn the_default_packs_heaviest_patterns_have_gates_of_their_own() {
    let pack = Pack::default_pack(&Org::default()).unwrap();
    let mut ids = pack.lone_pattern_rules();
    ids.sort();
    assert_eq!(ids, ["credit.personal-photo-credit", "signal.forename"]);
}

#[test]
fn account_state_stays_small_for_ordinary_accounts() {
    let org = Org::default();
    let pack = Pack::default_pack(&org).unwrap();
    let mut st = pack.account_state(Platform::Twitter, "NorthdaleNHS", &org);
    for i in 0..5_000u32 {
        // 120 posts a day (every 10 minutes) with one 40-day silence
        let day = i / 120 + if i >= 2_500 { 40 } else { 0 };
        let ts = "2024-01-01T00:00:00Z".parse::<jiff::Timestamp>().unwrap()
            + jiff::SignedDuration::from_secs(i64::from(day) * 86_400 + i64::from(i % 120) * 600);
        let mut r = post("hello");
        r.id = format!("{i}");
        r.created_at = Some(ts);
        pack.observe(&mut st, &r);
    }
    assert!(st.retained_posts() <= 2 * 50, "{}", st.retained_posts());
    let out = pack.finish_account(st);
    assert_eq!(out.len(), 1, "{out:?}");
    assert_eq!(out[0].on.id, "2500");
    assert!(
        out[0].hit.detail.contains("no published post for 40 days"),
        "{}",
        out[0].hit.detail
    );
}

/// An opt-in layer of `packs/`, loaded on top of the embedded pack, with
/// every rule example of the whole stack passing.
fn opt_in_layer(file: &str) -> Pack {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("packs")
        .join(file);
    let pack = Pack::from_path(&p, &Org::default()).unwrap();
    let (n, f) = pack.test_examples();
    assert!(n > 100 && f.is_empty(), "{file}: {n} {f:?}");
    pack
}

/// The ids of the rules a pack reports on one record.
fn ids_of(pack: &Pack, rec: &Record) -> Vec<String> {
    let mut hits = Vec::new();
    pack.check(rec, &mut hits);
    hits.iter()
        .map(|h| pack.rules()[h.rule].id.clone())
        .collect()
}

/// The opt-in learned-model layer loads on top of the embedded pack and its
/// rule's own examples pass (docs/RULES.md, "model").
#[test]
fn the_abuse_model_layer_loads_and_its_examples_pass() {
    let pack = opt_in_layer("abuse-model.toml");
    assert!(pack.uses_embedded());
    assert!(pack.rules().iter().any(|r| r.id == "conduct.model-abuse"));
    // evidence combines: a reply with a lexicon obscenity gets one
    // finding, not a second one from the model
    let mut hits = Vec::new();
    let mut reply = post("@nurse_x shut up you f*cking useless cow, nobody wants you here");
    reply.mentions.push("@nurse_x".into());
    pack.check(&reply, &mut hits);
    let conduct: Vec<&str> = hits
        .iter()
        .filter(|h| pack.rules()[h.rule].category == crate::vocab::Category::Conduct)
        .map(|h| pack.rules()[h.rule].id.as_str())
        .collect();
    assert!(!conduct.is_empty());
    assert!(!conduct.contains(&"conduct.model-abuse"), "{conduct:?}");
}

/// The opt-in colleague-data layer (measured, not in the default pack:
/// docs/EVALUATION.md, "An eighth held-out set") loads on top of the
/// embedded pack, its examples pass, and the default pack alone does not
/// find what it adds: a titled name, an absence and a condition nobody is
/// said to own. A condition said to be someone's ("her miscarriage") the
/// default pack finds itself since "A colleague's condition, said to be
/// theirs" (docs/EVALUATION.md).
#[test]
fn the_colleague_data_layer_loads_and_finds_gossip_about_a_colleague() {
    let pack = opt_in_layer("colleague-data.toml");
    let default = Pack::default_pack(&Org::default()).unwrap();
    let ids = |pack: &Pack, text: &str| ids_of(pack, &post(text));
    let owned = "Kelly's been off since her miscarriage, card's in the staff room";
    assert!(
        ids(&default, owned)
            .iter()
            .any(|i| i == "personal.staff-private-life")
    );
    let gossip = "Dr Sutton is off again, it's the cancer apparently";
    assert!(
        ids(&pack, gossip)
            .iter()
            .any(|i| i == "personal.named-person-health")
    );
    assert!(
        !ids(&default, gossip)
            .iter()
            .any(|i| i.starts_with("personal."))
    );
    let service = "Kelly is off this week, so the miscarriage support clinic moves to Friday";
    assert!(
        !ids(&pack, service)
            .iter()
            .any(|i| i == "personal.named-person-health")
    );
}

#[test]
fn a_hit_group_narrows_a_pattern_hit() {
    let r = rule(
        "x.street",
        r#"pattern = { regex = '\b(?:on|at)\s(?P<hit>[A-Z][a-z]+ Street)\b', case_sensitive = true }"#,
    );
    let pack = pack(&format!("{HEAD}{r}"));
    let text = "she lives on Larch Street, not at Elm Street";
    let hits = rule_hits(&pack, &post(text), "x.street");
    let got: Vec<(&str, usize)> = hits.iter().map(|h| (h.matched.as_str(), h.start)).collect();
    assert_eq!(
        got,
        [
            ("Larch Street", text.find("Larch").unwrap()),
            ("Elm Street", text.find("Elm").unwrap())
        ]
    );
}

#[test]
fn compose_none_cancels_a_composition_near_it() {
    let parts = [
        rule("x.a", "signal = true\nlexicon = { terms = [\"alpha\"] }"),
        rule("x.b", "signal = true\nlexicon = { terms = [\"beta\"] }"),
        rule("x.c", "signal = true\nlexicon = { terms = [\"gamma\"] }"),
        rule(
            "x.ab",
            "compose = { all = [[\"x.a\"], [\"x.b\"]], window = 20, none = [\"x.c\"] }",
        ),
    ];
    let pack = pack(&format!("{HEAD}{}", parts.concat()));
    let fires = |t: &str| !rule_hits(&pack, &post(t), "x.ab").is_empty();
    assert!(fires("alpha and beta"));
    assert!(!fires("alpha and beta and gamma"), "gamma is near");
    assert!(!fires("gamma: alpha and beta"));
    assert!(
        fires("alpha and beta, and a long way further on, gamma"),
        "gamma is beyond the window"
    );
    let e = err(&format!(
        "{HEAD}{}{}",
        parts[0],
        rule(
            "x.ab",
            "compose = { all = [[\"x.a\"], [\"x.a\"]], none = [\"x.nope\"] }"
        )
    ));
    assert!(e.contains("x.nope"), "{e}");
}

/// A lazy pattern signal is searched only in a field where the
/// composition's other groups have a hit, and composes there as an eager
/// one would; a composition needs one group without a lazy rule, and only
/// signals can be lazy.
#[test]
fn a_lazy_pattern_signal_composes_where_the_other_group_has_a_hit() {
    let target = |lazy: &str| {
        rule(
            "x.target",
            &format!(
                "signal = true\n{lazy}pattern = {{ regex = '\\bthe next (?:one|person) who\\b' }}"
            ),
        )
    };
    let harm = rule(
        "x.harm",
        "signal = true\nlexicon = { terms = [\"gets a slap\"] }",
    );
    let threat = rule(
        "x.threat",
        "compose = { all = [[\"x.target\"], [\"x.harm\"]], window = 60 }",
    );
    let eager = pack(&format!("{HEAD}{}{harm}{threat}", target("")));
    let lazy = pack(&format!("{HEAD}{}{harm}{threat}", target("lazy = true\n")));
    // the breach in a record's second field, the first holding nothing
    let second = |t: &str| {
        let mut r = post("quiet shift");
        r.push_field(Field::Title, t);
        r
    };
    for text in [
        "the next one who parks in the ambulance bay gets a slap",
        "The next person who asks gets a slap",
        "gets a slap",
        "the next one who asks",
        "the next bus gets a slap",
    ] {
        for record in [post(text), second(text)] {
            let found = |p: &Pack| rule_hits(p, &record, "x.threat").len();
            assert_eq!(found(&lazy), found(&eager), "{text:?}");
        }
    }
    assert_eq!(
        rule_hits(
            &lazy,
            &post("the next one who asks gets a slap"),
            "x.threat"
        )
        .len(),
        1
    );
    // the signal's own examples still run: every field is searched then
    let mut hits = Vec::new();
    lazy.check_keeping_signals(&post("the next one who asks"), &mut hits, false);
    assert!(hits.iter().any(|h| h.matched == "the next one who"));

    let harm_lazy = rule(
        "x.harm",
        "signal = true\nlazy = true\nlexicon = { terms = [\"gets a slap\"] }",
    );
    let e = err(&format!(
        "{HEAD}{}{harm_lazy}{threat}",
        target("lazy = true\n")
    ));
    assert!(e.contains("every group"), "{e}");
    let e = err(&format!(
        "{HEAD}{}",
        rule("x.p", "lazy = true\npattern = { regex = 'abc' }")
    ));
    assert!(
        e.contains("only lexicon and pattern signals can be lazy"),
        "{e}"
    );
}

/// A model rule's `unless` words stand its own hit down anywhere in the
/// field, and its `except` words keep it: a threshold of 0 makes the model
/// fire on every text, so only `unless` decides.
#[test]
fn a_model_rules_unless_words_stand_its_hit_down_and_except_words_keep_it() {
    // a policy-model rule that fires on every text, with this `unless`
    let with_unless = |lists: &str, unless: &str| {
        let toml = format!(
            "{HEAD}{lists}{}",
            rule(
                "t.model",
                &format!(
                    "model = {{ name = \"policy\", head = \"patient-data\", threshold = 0.0, \
                     unless = {unless} }}"
                )
            )
        );
        pack(&toml)
    };
    let fires = |pack: &Pack, text: &str| !rule_hits(pack, &post(text), "t.model").is_empty();

    let words = with_unless("", "{ words = [\"consent\"], except = [\"without\"] }");
    assert!(fires(
        &words,
        "Doris on ward 3 went home today after her fall"
    ));
    assert!(!fires(
        &words,
        "Doris on ward 3 went home today after her fall; her family gave consent to share"
    ));
    // the words count anywhere in the field, not only near one part of it
    assert!(!fires(
        &words,
        &format!(
            "Consent given. {}",
            "Doris went home today after her fall. ".repeat(5)
        )
    ));
    assert!(fires(
        &words,
        "Doris on ward 3 went home today after her fall, shared without consent"
    ));

    // the same table with its words from named lists
    let lists = with_unless(
        "[lists]\ngiven = [\"consent\"]\ndenied = [\"without\"]\n",
        "{ lists = [\"given\"], except_lists = [\"denied\"] }",
    );
    assert!(!fires(
        &lists,
        "Doris went home today; her family gave consent to share"
    ));
    assert!(fires(
        &lists,
        "Doris went home today, shared without consent"
    ));
    assert!(err(&format!(
        "{HEAD}{}",
        rule(
            "t.m",
            "model = { name = \"policy\", head = \"patient-data\", threshold = 0.5, unless = { lists = [\"nope\"] } }"
        )
    ))
    .contains("unknown list \"nope\""));
}

/// `model.safe_lists`: the phrases of the named lists are left out of the
/// text the model reads, found as a lexicon's allow-list finds them (any
/// case, punctuation and repeated letters), so "the clown doctors" scores
/// as "the  visit": the rule's score is that of the blanked text.
#[test]
fn a_model_rule_does_not_read_the_phrases_of_its_safe_lists() {
    let with_safe = |safe: &str| {
        pack(&format!(
            "{HEAD}[lists]\nsafe = [\"clown doctors\", \"blue tits\"]\n{}",
            rule(
                "t.model",
                &format!("model = {{ name = \"abuse\", threshold = 0.0, safe_lists = {safe} }}")
            )
        ))
    };
    let score = |pack: &Pack, text: &str| -> String {
        let hits = rule_hits(pack, &post(text), "t.model");
        assert_eq!(hits.len(), 1, "{text}");
        let d = &hits[0].detail;
        d[..d.find(" (threshold").unwrap()].to_string()
    };
    let (safe, plain) = (with_safe("[\"safe\"]"), with_safe("[]"));
    let text = "the Clown-Doctooors visit the children's ward on Fridays, bring the clown";
    let blanked = "the   visit the children's ward on Fridays, bring the clown";
    assert_eq!(score(&safe, text), score(&plain, blanked));
    assert_ne!(score(&safe, text), score(&plain, text));
    // a word of the phrase standing alone is still read
    assert_ne!(score(&safe, "what a clown"), score(&plain, "what a"));
    // the match keeps to whole words, as a lexicon's does
    let t = "these clown doctorsville posts";
    assert_eq!(score(&safe, t), score(&plain, t));
    assert!(
        err(&format!(
            "{HEAD}{}",
            rule(
                "t.m",
                "model = { name = \"abuse\", threshold = 0.5, safe_lists = [\"nope\"] }"
            )
        ))
        .contains("unknown list \"nope\"")
    );
}

/// `model.beside`: a model's score counts from a lower threshold only where
/// a hit of a named rule stands in the same field, and says so in its
/// detail; a threshold of 0.99 keeps the model quiet on its own.
#[test]
fn a_model_rule_counts_a_lower_score_only_beside_a_named_rule() {
    let model = |beside: &str| {
        rule(
            "t.model",
            &format!(
                "model = {{ name = \"policy\", head = \"patient-data\", threshold = 0.99, \
                 beside = {beside} }}"
            ),
        )
    };
    let signal = rule(
        "t.zebra",
        "signal = true\nlexicon = { terms = [\"zebra\"] }",
    );
    let pack = pack(&format!(
        "{HEAD}{signal}{}",
        model("{ rules = [\"t.zebra\"], threshold = 0.0 }")
    ));
    let alone = "the car park by the main entrance is open again from Monday";
    assert!(rule_hits(&pack, &post(alone), "t.model").is_empty());
    let with = format!("{alone}, and the zebra crossing is repainted");
    let hits = rule_hits(&pack, &post(&with), "t.model");
    assert_eq!(hits.len(), 1, "the named rule is in the field");
    assert!(
        hits[0].detail.contains("0.00 beside t.zebra \"zebra\""),
        "{}",
        hits[0].detail
    );

    let e = err(&format!(
        "{HEAD}{signal}{}",
        model("{ rules = [\"t.nope\"], threshold = 0.5 }")
    ));
    assert!(e.contains("t.nope"), "{e}");
    let e = err(&format!(
        "{HEAD}{signal}{}",
        model("{ rules = [\"t.zebra\"], threshold = 0.995 }")
    ));
    assert!(e.contains("0..threshold"), "{e}");
}

/// `model.veto` and `model.agree` combine the encoder with the linear
/// models (docs/ENCODER.md, "Evidence combined"). With `--deep`, an
/// encoder all but sure the category is absent drops a linear model's hit
/// of that category (not a list's), and an encoder leaning towards it
/// fires below its own threshold where a linear model leans too.
#[test]
fn the_encoder_vetoes_and_agrees_with_the_linear_models_of_its_category() {
    let linear = |threshold: &str| {
        rule(
            "t.linear",
            &format!("model = {{ name = \"abuse\", threshold = {threshold} }}"),
        )
    };
    let list = rule("t.list", "lexicon = { terms = [\"visiting\"] }");
    let encoder = |extra: &str| {
        rule(
            "t.encoder",
            &format!(
                "model = {{ name = \"policy-encoder\", head = \"conduct\", threshold = 1.0, {extra} }}"
            ),
        )
    };
    let calm = post("The car park by the main entrance is open again from Monday");
    let visiting = post("Visiting on Larch ward is 2pm to 8pm, two visitors per bed");
    let abusive = post("@dave you are a useless pathetic idiot, shut up and go away");

    // veto: the linear model fires on anything (threshold 0), the list on
    // "visiting" (where the linear hit gives way to it, as always); with
    // --deep the encoder drops the first and keeps the second
    // (the encoder's rule first, as in the default pack: where both fire,
    // the first model's own hit gives way to the other's)
    let src = format!("{HEAD}{}{list}{}", encoder("veto = 0.5"), linear("0.0"));
    let mut p = pack(&src);
    assert_eq!(rule_hits(&p, &calm, "t.linear").len(), 1, "without --deep");
    p.set_deep(true);
    assert!(rule_hits(&p, &calm, "t.linear").is_empty(), "vetoed");
    assert_eq!(
        rule_hits(&p, &visiting, "t.list").len(),
        1,
        "a list is never vetoed"
    );
    assert_eq!(rule_hits(&p, &abusive, "t.linear").len(), 1, "not vetoed");

    // agree: neither model fires alone (threshold 1.0), but with the
    // linear model at 30% of its threshold the encoder fires from 0.0
    let src = format!(
        "{HEAD}{}{}",
        encoder("agree = { threshold = 0.0, fraction = 0.3 }"),
        linear("1.0")
    );
    let mut p = pack(&src);
    p.set_deep(true);
    let hits = rule_hits(&p, &abusive, "t.encoder");
    assert_eq!(hits.len(), 1);
    assert!(
        hits[0].detail.contains("0.00 with model abuse at"),
        "{}",
        hits[0].detail
    );
    assert!(rule_hits(&p, &calm, "t.encoder").is_empty(), "no agreement");

    // agreement is an encoder's; both are below its threshold
    let e = err(&format!(
        "{HEAD}{}",
        rule(
            "t.linear",
            "model = { name = \"abuse\", threshold = 0.5, agree = { threshold = 0.1, fraction = 0.3 } }"
        )
    ));
    assert!(e.contains("for an encoder's rules"), "{e}");
    for bad in [
        "veto = 1.0",
        "agree = { threshold = 1.0, fraction = 0.3 }",
        "agree = { threshold = 0.5, fraction = 0.0 }",
    ] {
        let e = err(&format!("{HEAD}{}", encoder(bad)));
        assert!(e.contains("0..threshold"), "{bad}: {e}");
    }
}

/// A linear model's `veto` (docs/RULES.md, "`model`: learned classifiers"):
/// where the head has read a field and all but ruled its category out,
/// the lists' and compositions' hits of that category in the field are
/// dropped; a pattern's hit, another category's, a short field the head
/// did not score, a field the head finds likely, and a field another
/// model leans on all stay.
#[test]
fn a_linear_heads_veto_drops_its_categorys_lists_and_compositions() {
    let head = |veto: &str| {
        rule(
            "t.model",
            &format!("model = {{ name = \"abuse\", threshold = 0.99, min_words = 8{veto} }}"),
        )
    };
    let others = [
        rule("t.list", "lexicon = { terms = [\"visiting\"] }"),
        rule("t.pattern", "pattern = { regex = '\\bLarch\\b' }"),
        rule("t.a", "signal = true\nlexicon = { terms = [\"ward\"] }"),
        rule("t.b", "signal = true\nlexicon = { terms = [\"bed\"] }"),
        rule(
            "t.compose",
            "compose = { all = [[\"t.a\"], [\"t.b\"]], window = 60 }",
        ),
        rule("t.other", "lexicon = { terms = [\"visiting\"] }")
            .replace("category = \"conduct\"", "category = \"location\""),
    ]
    .concat();
    let calm =
        post("Visiting on Larch ward is 2pm to 8pm, two visitors per bed, and the cafe is open");
    let short = post("Visiting on Larch ward, one per bed");
    let abusive = post(
        "@dave visiting Larch ward by the bed again, you useless pathetic idiot, shut up and go away",
    );
    let without = pack(&format!("{HEAD}{}{others}", head("")));
    let with = pack(&format!("{HEAD}{}{others}", head(", veto = 0.3")));
    for id in ["t.list", "t.pattern", "t.compose", "t.other"] {
        for rec in [&calm, &short, &abusive] {
            assert_eq!(rule_hits(&without, rec, id).len(), 1, "{id} without a veto");
        }
    }
    for id in ["t.list", "t.compose"] {
        assert!(rule_hits(&with, &calm, id).is_empty(), "{id} vetoed");
        assert_eq!(
            rule_hits(&with, &short, id).len(),
            1,
            "{id}: too short to score"
        );
        assert_eq!(
            rule_hits(&with, &abusive, id).len(),
            1,
            "{id}: the head agrees"
        );
    }
    for id in ["t.pattern", "t.other"] {
        assert_eq!(
            rule_hits(&with, &calm, id).len(),
            1,
            "{id} is not the head's to veto"
        );
    }
    // a rule's own examples are checked without it
    assert_eq!(with.test_examples().1.len(), 0);
    // another model leaning towards its own category (here one that
    // leans on everything): the field is no ordinary text, and the veto
    // stands aside
    let leaning = rule("t.lean", "model = { name = \"abuse\", threshold = 0.0 }")
        .replace("category = \"conduct\"", "category = \"location\"");
    let aside = pack(&format!("{HEAD}{}{leaning}{others}", head(", veto = 0.3")));
    for id in ["t.list", "t.compose"] {
        assert_eq!(
            rule_hits(&aside, &calm, id).len(),
            1,
            "{id}: veto stood aside"
        );
    }
}

/// Patterns are checked when the pack loads and compiled the first time
/// they match (src/rules/pattern.rs): a broken or empty-matching pattern
/// is still refused at load, and a compiled-late pattern finds what it
/// always found, its `hit` group and Unicode classes included.
#[test]
fn patterns_are_checked_at_load_and_compiled_on_first_use() {
    let e = err(&format!(
        "{HEAD}{}",
        rule("empty.match", "pattern = { regex = 'x*' }")
    ));
    assert!(
        e.contains("empty.match") && e.contains("empty string"),
        "{e}"
    );
    let e = err(&format!(
        "{HEAD}{}",
        rule("bad.class", "pattern = { regex = '\\p{NotAClass}' }")
    ));
    assert!(e.contains("bad.class") && e.contains("bad regex"), "{e}");
    let pack = pack(&format!(
        "{HEAD}{}{}{}",
        rule(
            "late.hit",
            "pattern = { regex = 'lives on (?P<hit>[a-z]+ street)' }"
        ),
        rule("late.greek", "pattern = { regex = '\\p{Greek}+' }"),
        // can match nothing at all, yet not the empty string
        rule("late.boundary", "pattern = { regex = '\\bward\\b|\\b' }"),
    ));
    for _ in 0..2 {
        let rec = post("she lives on larch street, ward 7, αβγ");
        let hit = &rule_hits(&pack, &rec, "late.hit")[0];
        assert_eq!(hit.matched, "larch street");
        assert_eq!(rule_hits(&pack, &rec, "late.greek")[0].matched, "αβγ");
        assert!(
            rule_hits(&pack, &rec, "late.boundary")
                .iter()
                .any(|h| h.matched == "ward")
        );
    }
}

/// A sticky `unless` stands down every match of the text it stood down
/// once, before or after ("Dr Hannah … Hannah's team"), and nothing else;
/// `before_lists` reads a named list as `before` words; an alternative
/// of a regex without the `hit` group reports its whole match.
#[test]
fn a_sticky_unless_follows_a_name_through_the_field() {
    let names = |sticky: bool| {
        pack(&format!(
            "{HEAD}[lists]\nstaff = [\"dr\"]\n{}",
            rule(
                "t.name",
                &format!(
                    "pattern = {{ regex = '\\b(?:Hannah|Tom)\\b', case_sensitive = true, unless = {{ before_lists = [\"staff\"], window = 5, sticky = {sticky} }} }}"
                )
            )
        ))
    };
    let text = "Hannah's team thanks Dr Hannah for her work, and Tom too; Hannah again";
    let found = |p: &Pack| matched(p, text, "t.name");
    assert_eq!(found(&names(false)), ["Hannah", "Tom", "Hannah"]);
    assert_eq!(found(&names(true)), ["Tom"]);

    let caption = pack(&format!(
        "{HEAD}{}",
        rule(
            "t.cap",
            "pattern = { regex = '\\bpatients (?P<hit>[a-z]+ing)\\b|\\bat the bedside\\b' }"
        )
    ));
    let got = |t: &str| matched(&caption, t, "t.cap");
    assert_eq!(got("our patients enjoying the garden"), ["enjoying"]);
    assert_eq!(got("smiles at the bedside"), ["at the bedside"]);

    // what only an `unless` can do is refused in a `context`
    for key in [
        "before = [\"dr\"]",
        "before_lists = [\"staff\"]",
        "except = [\"me\"]",
        "except_lists = [\"staff\"]",
        "sticky = true",
        "negatable = true",
    ] {
        let e = err(&format!(
            "{HEAD}[lists]\nstaff = [\"dr\"]\n{}",
            rule(
                "t.ctx",
                &format!(
                    "pattern = {{ regex = 'Hannah', context = {{ words = [\"ward\"], {key} }} }}"
                )
            )
        ));
        assert!(e.contains("belong to `unless`"), "{key}: {e}");
    }
}

/// `unless` may be an array of tables, each with its own window: a word
/// that changes the match's meaning only when beside it ("bed time") and
/// a framing that stands it down from further off ("with consent"). Any
/// table that applies stands the match down; a sticky table stays
/// sticky beside a plain one; each table's errors name it.
#[test]
fn several_unless_tables_each_reach_as_far_as_their_own_window() {
    let two = pack(&format!(
        "{HEAD}[lists]\nconsent = [\"with consent\"]\n{}",
        rule(
            "t.name",
            "pattern = { regex = '\\b(?:Hannah|Tom)\\b', case_sensitive = true, unless = [{ words = [\"bed time\"], window = 12 }, { lists = [\"consent\"], window = 80 }] }"
        )
    ));
    let found = |t: &str| matched(&two, t, "t.name");
    let far = "Hannah on the ward today, and this photo of the garden is shared with consent";
    assert!(far.find("with consent").unwrap() > 12);
    assert!(found(far).is_empty(), "the second table reaches 80");
    assert!(
        found("Hannah's bed time story").is_empty(),
        "the first table"
    );
    // the first table's word is out of its own window, though within 80
    assert_eq!(
        found("Hannah was on the ward all afternoon before bed time"),
        ["Hannah"]
    );
    // a single table still means what it did
    let one = pack(&format!(
        "{HEAD}{}",
        rule(
            "t.one",
            "pattern = { regex = 'Hannah', unless = { words = [\"bed time\"], window = 12 } }"
        )
    ));
    assert!(rule_hits(&one, &post("Hannah's bed time story"), "t.one").is_empty());

    // sticky in one table, plain in the other
    let mixed = pack(&format!(
        "{HEAD}[lists]\nstaff = [\"dr\"]\n{}",
        rule(
            "t.mixed",
            "pattern = { regex = '\\bHannah\\b', case_sensitive = true, unless = [{ before_lists = [\"staff\"], window = 5, sticky = true }, { words = [\"bed time\"], window = 12 }] }"
        )
    ));
    assert!(rule_hits(&mixed, &post("Hannah's team thanks Dr Hannah"), "t.mixed").is_empty());
    // the plain table's verdict is not sticky: the second Hannah is
    // further than 12 from "bed time" and stays
    let text = "Hannah's bed time story was lovely; Hannah in bay 4 asked for you";
    assert_eq!(
        rule_hits(&mixed, &post(text), "t.mixed")
            .into_iter()
            .map(|h| h.start)
            .collect::<Vec<_>>(),
        [text.rfind("Hannah").unwrap()]
    );

    // lexicon rules take the array too
    let lex = pack(&format!(
        "{HEAD}{}",
        rule(
            "t.lex",
            "lexicon = { terms = [\"patient\"], unless = [{ words = [\"consent\"], window = 10 }, { words = [\"simulation\"], window = 60 }] }"
        )
    ));
    let lex_found = |t: &str| rule_hits(&lex, &post(t), "t.lex").len();
    assert_eq!(lex_found("our patient on the ward"), 1);
    assert_eq!(
        lex_found("our patient on the ward in today's training simulation"),
        0
    );

    // errors name the table and keep the table's own message
    let e = err(&format!(
        "{HEAD}{}",
        rule(
            "t.bad",
            "pattern = { regex = 'Hannah', unless = [{ words = [\"x\"] }, { window = 9 }] }"
        )
    ));
    assert!(
        e.contains("t.bad") && e.contains("unless[1] has no words"),
        "{e}"
    );
    let e = err(&format!(
        "{HEAD}{}",
        rule(
            "t.typo",
            "pattern = { regex = 'Hannah', unless = [{ wrods = [\"x\"] }] }"
        )
    ));
    assert!(e.contains("wrods"), "{e}");
    let e = err(&format!(
        "{HEAD}{}",
        rule("t.empty", "pattern = { regex = 'Hannah', unless = [] }")
    ));
    assert!(e.contains("empty array"), "{e}");
}

/// `addressed` reads only what is aimed at someone, `unaddressed` only
/// what is not (a post to everyone, where a model speaks when surer:
/// rules/models.toml); asking for both is a pack error.
#[test]
fn a_rule_reads_the_audience_its_scope_asks_for() {
    let text = "@nurse_x what a shambles";
    let p = pack(&format!(
        "{HEAD}{}{}",
        rule(
            "t.aimed",
            "addressed = true\nlexicon = { terms = [\"shambles\"] }"
        ),
        rule(
            "t.everyone",
            "unaddressed = true\nlexicon = { terms = [\"shambles\"] }"
        ),
    ));
    let mut mention = post(text);
    mention.mentions.push("@nurse_x".into());
    let mut reply = post("what a shambles");
    reply.kind = RecordKind::Reply;
    let plain = post("what a shambles");
    for (rec, aimed) in [(&mention, true), (&reply, true), (&plain, false)] {
        assert_eq!(rule_hits(&p, rec, "t.aimed").len(), usize::from(aimed));
        assert_eq!(rule_hits(&p, rec, "t.everyone").len(), usize::from(!aimed));
    }
    let e = err(&format!(
        "{HEAD}{}",
        rule(
            "t.both",
            "addressed = true\nunaddressed = true\nlexicon = { terms = [\"x\"] }"
        )
    ));
    assert!(
        e.contains("`addressed` and `unaddressed` cannot both be set"),
        "{e}"
    );
}

/// The opt-in conduct-shapes layer (measured, not in the default pack:
/// docs/EVALUATION.md, "Menace and advances") loads on top of the
/// embedded pack, its examples pass, and it finds a veiled threat the
/// default pack alone does not.
#[test]
fn the_conduct_shapes_layer_loads_and_finds_a_veiled_threat() {
    let pack = opt_in_layer("conduct-shapes.toml");
    let default = Pack::default_pack(&Org::default()).unwrap();
    let mut dm = post(
        // (worded as the layer's own example, "Think very carefully about
        // that statement", the retrained abuse model finds it too, at 0.51)
        "I know your shift on Larch finishes at half 7. Have a think about that statement.",
    );
    dm.kind = RecordKind::Dm;
    assert!(ids_of(&pack, &dm).contains(&"conduct.menace".to_string()));
    assert!(
        !ids_of(&default, &dm)
            .iter()
            .any(|id| id.starts_with("conduct."))
    );
}

/// Context and `unless` words match either apostrophe: a list written
/// with ' finds the ’ that phones type, and the reverse, and a head word
/// keeps its head-only reading in both spellings.
#[test]
fn context_and_unless_words_match_either_apostrophe() {
    let p = pack(&format!(
        "{HEAD}{}{}",
        rule(
            "t.link",
            "pattern = { regex = '\\bclick here\\b', unless = { words = [\"don't\", \"isn’t us\"], window = 20 } }"
        ),
        rule(
            "t.ctx",
            "pattern = { regex = '\\b\\d{5}\\b', context = { words = [\"patient's\"], heads = [\"patient's\"], window = 20, required = true } }"
        )
    ));
    let n = |id: &str, t: &str| rule_hits(&p, &post(t), id).len();
    assert_eq!(n("t.link", "click here to win"), 1);
    assert_eq!(n("t.link", "don't click here"), 0);
    assert_eq!(n("t.link", "don’t click here"), 0);
    assert_eq!(n("t.link", "this isn't us, click here"), 0);
    assert_eq!(n("t.link", "this isn’t us, click here"), 0);
    assert_eq!(n("t.ctx", "the patient's: 12345"), 1);
    assert_eq!(n("t.ctx", "the patient’s: 12345"), 1);
    // a modifier of the next word in either spelling, so no context
    assert_eq!(n("t.ctx", "the patient's records 12345"), 0);
    assert_eq!(n("t.ctx", "the patient’s records 12345"), 0);
    assert_eq!(n("t.ctx", "order 12345 today"), 0);
}

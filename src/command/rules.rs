//! `rules list`, `rules test` and `rules explain`.

use super::{EXIT_CLEAN, EXIT_FINDINGS, fail};
use social_audit::org::Org;
use social_audit::record::{Field, Platform, Record, RecordKind};
use social_audit::rules::Pack;
use std::path::Path;

fn load(path: Option<&Path>) -> Result<Pack, String> {
    let pack = match path {
        Some(p) => Pack::from_path(p, &Org::default()),
        None => Pack::default_pack(&Org::default()),
    };
    Ok(pack?)
}

pub fn list(path: Option<&Path>) -> i32 {
    let pack = match load(path) {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    let mut out = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .from_writer(std::io::stdout());
    let _ = out.write_record([
        "id",
        "category",
        "severity",
        "confidence",
        "kind",
        "clauses",
        "policy_ref",
        "title",
    ]);
    for r in pack.rules() {
        let _ = out.write_record([
            r.id.as_str(),
            r.category.as_str(),
            r.severity.as_str(),
            r.confidence.as_str(),
            &r.kind,
            &r.clauses.join(","),
            &r.policy_ref,
            &r.title,
        ]);
    }
    let _ = out.flush();
    EXIT_CLEAN
}

pub fn test(path: Option<&Path>) -> i32 {
    let pack = match load(path) {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    let (run, failures) = pack.test_examples();
    for f in &failures {
        let want = if f.expected_match {
            "should match"
        } else {
            "should not match"
        };
        println!("FAIL {}: {want}: {:?}", f.rule_id, f.example);
    }
    println!(
        "{} rules, {} examples: {} passed, {} failed",
        pack.rules().len(),
        run,
        run - failures.len(),
        failures.len()
    );
    if failures.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_FINDINGS
    }
}

/// Prints every hit on one text, signals included, so a pack author can see
/// why a composition did or did not fire (docs/RULES.md, "Testing a rule").
pub fn explain(text: &str, kind: &str, path: Option<&Path>) -> i32 {
    let pack = match load(path) {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    let Some(kind) = RecordKind::parse(kind) else {
        return fail(format!("unknown record kind {kind:?}"));
    };
    let mut record = Record::new(Platform::Twitter, kind, "explain");
    record.push_field(Field::Text, text);
    let mut hits = Vec::new();
    pack.check_keeping_signals(&record, &mut hits, true);
    let mut findings = 0;
    for h in &hits {
        let r = &pack.rules()[h.rule];
        let signal = r.kind.ends_with("signal");
        if !signal {
            findings += 1;
        }
        println!(
            "{}\t{}\t{}\t{:?}\t{}",
            if signal { "signal " } else { "FINDING" },
            r.id,
            r.category,
            h.matched,
            h.detail
        );
    }
    if findings == 0 {
        println!("no finding ({} signal hits)", hits.len());
        EXIT_CLEAN
    } else {
        EXIT_FINDINGS
    }
}

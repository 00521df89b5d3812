//! The same words posted on X, Facebook, Instagram, WhatsApp and Bluesky
//! raise the same rules: readers produce platform-neutral records and the
//! pack never looks at the platform.

use crate::common::*;
use std::collections::BTreeSet;
use std::path::Path;

use crate::bluesky_car as car;

const TEXT: &str = "Patient Mary Example, NHS no 999 000 0018, admitted to the café ward. \
Text her daughter on 07700 900461 or jane.doe.private@gmail.com, what a f*cking mess.";

/// Facebook escapes each UTF-8 byte as a \u00XX code point ("mojibake").
fn mojibake_json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for b in s.bytes() {
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\u00{b:02x}")),
        }
    }
    out.push('"');
    out
}

/// Rules raised on the message itself (not on account-level records).
fn rules_on_the_message(run: &Run) -> BTreeSet<String> {
    let (kind, rule) = (run.column("record_kind"), run.column("rule_id"));
    run.findings
        .iter()
        .filter(|f| !matches!(&f[kind], "account" | "profile"))
        .map(|f| f[rule].to_string())
        .collect()
}

#[test]
fn equivalent_content_raises_the_same_rules_on_every_platform() {
    let d = tempfile::tempdir().unwrap();
    let x = d.path().join("x");
    write_folder(
        &x,
        &[
            ("data/manifest.js".into(), manifest_js(1).into_bytes()),
            (
                "data/tweets.js".into(),
                tweets_js(&[("1765000000000000002", TEXT)]).into_bytes(),
            ),
        ],
    );
    let fb = d.path().join("facebook-northdale-2024-03-06-abc");
    write_folder(
        &fb,
        &[(
            "posts/your_posts_1.json".into(),
            format!(
                r#"[{{"timestamp": 1709720100, "data": [{{"post": {}}}]}}]"#,
                mojibake_json_string(TEXT)
            )
            .into_bytes(),
        )],
    );
    let ig = d.path().join("instagram-northdale-2024-03-06");
    write_folder(
        &ig,
        &[(
            "content/posts_1.json".into(),
            format!(
                r#"[{{"media": [{{"uri": "media/posts/202403/1.jpg", "creation_timestamp": 1709720100, "title": {}}}]}}]"#,
                mojibake_json_string(TEXT)
            )
            .into_bytes(),
        )],
    );
    let wa = d.path().join("whatsapp-ward-group");
    write_folder(
        &wa,
        &[(
            "_chat.txt".into(),
            format!("[06/03/2024, 10:15:00] Ward Sister: {TEXT}\n").into_bytes(),
        )],
    );
    let bsky = d.path().join("repo.car");
    std::fs::write(
        &bsky,
        car::repo(
            car::DID,
            &[(
                "app.bsky.feed.post/3kmxyz7abc2a",
                car::post(TEXT, "2024-03-06T10:15:00.000Z"),
            )],
        ),
    )
    .unwrap();

    let core = [
        "conduct.obscene",
        "patient.nhs-number",
        "personal.email",
        "personal.uk-phone",
    ];
    let mut expected: Option<BTreeSet<String>> = None;
    for (dir, platform) in [
        (&x, "twitter"),
        (&fb, "facebook"),
        (&ig, "instagram"),
        (&wa, "whatsapp"),
        (&bsky, "bluesky"),
    ] {
        let r = scan(d.path(), &[Path::new(dir)], &[]);
        assert_eq!(r.code, 1, "{platform}: {}", r.stderr);
        assert!(
            r.values("platform").iter().all(|p| p == platform),
            "{platform}: {:?}",
            r.values("platform")
        );
        let rules = rules_on_the_message(&r);
        for rule in core {
            assert!(
                rules.contains(rule),
                "{platform}: {rule} missing from {rules:?}"
            );
        }
        // Every platform raises exactly what X raised.
        let expected = expected.get_or_insert_with(|| rules.clone());
        assert_eq!(&rules, expected, "{platform}: {:?}", r.findings);
        // Mojibake was repaired before matching: the context reads as written.
        let ctx = r.column("context");
        assert!(
            r.findings.iter().any(|f| f[ctx].contains("café")),
            "{platform}: {:?}",
            r.values("context")
        );
    }
}

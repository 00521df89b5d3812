//! Property tests: invariants that must hold for any input, not just the
//! examples we thought of.

use proptest::prelude::*;
use social_audit::finding::fingerprint;
use social_audit::platform::twitter::js::Elements;
use social_audit::report::safe::defang;
use social_audit::scan::excerpt::context;

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        any::<i64>().prop_map(serde_json::Value::from),
        ".*".prop_map(serde_json::Value::from),
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
            prop::collection::btree_map("[a-z\"\\\\\\]\\[{}]{0,6}", inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_defanged_cell_starts_like_a_formula(s in ".*") {
        let d = defang(&s);
        let first = d.trim_start_matches(' ').chars().next();
        prop_assert!(!matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\n' | '\0' | '＝' | '＋' | '－' | '＠')));
        // Only ever a prefix is added; the text itself is kept.
        prop_assert!(d.ends_with(s.as_str()));
    }

    #[test]
    fn context_is_one_line_and_never_panics(s in ".*", a in 0usize..400, b in 0usize..400, w in 0usize..80) {
        let c = context(&s, a.min(b), a.max(b), w, &[(a.min(b), a.max(b))]);
        prop_assert!(!c.contains('\n') && !c.contains('\r'));
    }

    #[test]
    fn the_splitter_returns_exactly_the_array_elements(
        values in prop::collection::vec(json_value(), 0..12),
        pretty in any::<bool>(),
        chunk in 1usize..9,
    ) {
        let array = serde_json::Value::from(values.clone());
        let body = if pretty {
            serde_json::to_string_pretty(&array).unwrap()
        } else {
            serde_json::to_string(&array).unwrap()
        };
        let file = format!("window.YTD.tweets.part0 = {body}");
        let mut e = Elements::with_buffer(file.as_bytes(), chunk);
        let mut got = Vec::new();
        while let Some((json, _)) = e.next_element().unwrap() {
            got.push(serde_json::from_str::<serde_json::Value>(json).unwrap());
        }
        prop_assert_eq!(got, values);
    }

    #[test]
    fn truncating_a_file_never_panics_the_splitter(
        values in prop::collection::vec(json_value(), 1..6),
        cut in 0usize..2000,
    ) {
        let file = format!("window.YTD.x.part0 = {}", serde_json::Value::from(values));
        let bytes = &file.as_bytes()[..cut.min(file.len())];
        let mut e = Elements::with_buffer(bytes, 3);
        for _ in 0..100 {
            match e.next_element() {
                Ok(Some(_)) => continue,
                _ => break,
            }
        }
    }

    #[test]
    fn fingerprints_ignore_case_and_formatting_of_the_match(digits in "[0-9]{10}", sep in "[ -]?") {
        let spaced = format!("{}{sep}{}{sep}{}", &digits[..3], &digits[3..6], &digits[6..]);
        prop_assert_eq!(
            fingerprint("twitter", "Acct", "1", "text", "rule", &spaced, 0),
            fingerprint("twitter", "acct", "1", "text", "rule", &digits, 0)
        );
    }
}

//! The two-pass reader of object-wrapped JSON against the whole-file
//! walk it replaces: same records, order, fields and outcome.

use super::*;
use crate::platform::meta::testing::{sample_dirs, scan, write_tree};
use crate::vocab::Field;

/// Records and outcome of `doc` read (a) whole, as before streaming, and
/// (b) by `walk` with lists over `keep` bytes streamed (`keep` 0: every
/// non-empty list), the whole-file reader taking over where `walk` says.
fn whole_and_walked(doc: &[u8], keep: u64) -> (String, String) {
    let resolve = |u: &str| Some(format!("archive/{u}"));
    let run = |f: &mut dyn FnMut(&mut records::Ctx)| {
        let mut recs = Vec::new();
        let mut out = EntryOutcome::default();
        let mut emit = |r| recs.push(r);
        let mut ctx = records::Ctx {
            flavor: Flavor::Facebook,
            account: "Northdale NHS",
            entry: "messages/inbox/a_1/message_1.json",
            resolve: &resolve,
            emit: &mut emit,
            out: &mut out,
        };
        f(&mut ctx);
        format!("{recs:#?}\n{out:?}")
    };
    let whole_walk = |ctx: &mut records::Ctx| match json::parse(doc) {
        Ok(mut v) => {
            mojibake::repair_value(&mut v);
            ctx.root(&v);
            ctx.out.no_records_expected |= !json::holds_text(&v);
        }
        Err(e) => ctx.out.error = Some(e.to_string()),
    };
    let whole = run(&mut |ctx| whole_walk(ctx));
    let walked = run(&mut |ctx| {
        let mut read = |f: &mut dyn FnMut(&mut dyn Read)| {
            f(&mut &doc[..]);
            Ok(())
        };
        if walk(&mut read, doc.len() as u64, keep, ctx) == Walked::Whole {
            whole_walk(ctx);
        }
    });
    (whole, walked)
}

fn same(doc: &[u8]) {
    for keep in [0, 40, json::object::KEEP_LIST] {
        let (whole, walked) = whole_and_walked(doc, keep);
        assert_eq!(
            whole,
            walked,
            "keep {keep}: {}",
            String::from_utf8_lossy(doc)
        );
    }
}

#[test]
fn object_files_give_the_same_records_streamed_as_whole() {
    let docs: &[&[u8]] = &[
        // Messenger, title and participants after the messages.
        br#"{"messages": [
            {"sender_name": "Jo", "timestamp_ms": 1700000000000, "content": "Caf\u00c3\u00a9 at 5?",
             "photos": [{"uri": "messages/inbox/a_1/photos/1.jpg"}], "share": {"link": "https://x.org", "share_text": "s"}},
            1, "x", null,
            {"sender_name": "Northdale NHS", "timestamp_ms": 1700000100000, "content": "ok", "sticker": {"uri": "s.png"}}],
          "title": "Jo and Northdale", "participants": [{"name": "Jo"}, {"name": "Northdale NHS"}],
          "thread_path": "inbox/a_1", "is_still_participant": true}"#,
        // Participants first, as Meta usually writes it.
        br#"{"participants": [{"name": "A"}, {"name": "B"}], "messages": [{"sender_name": "A", "timestamp_ms": 1, "content": "hi"}], "title": "A, B"}"#,
        // E2EE download: camelCase, participants as strings.
        br#"{"participants": ["A", "B"], "threadName": "T", "messages": [{"senderName": "A", "timestamp": 1700000000000, "text": "yo", "media": [{"uri": "m/1.jpg"}]}]}"#,
        // No participants: a thread by its messages' keys, one element late.
        br#"{"messages": [{"content": "no sender"}, {"timestamp_ms": 5, "content": "late key"}]}"#,
        // `messages` without message keys: not a thread, a wrapper.
        br#"{"messages": [{"timestamp": 1, "data": [{"post": "p"}]}, {"other": 1}]}"#,
        br#"{"comments_v2": [{"timestamp": 1700000000, "data": [{"comment": {"comment": "nice", "timestamp": 1, "group": "G"}}], "title": "Jo commented"}, 3]}"#,
        br#"{"comments_v2": []}"#,
        br#"{"comments_v2": [1, 2, "three"]}"#,
        br#"{"comments_v2": [1, 2, ""]}"#,
        // Several members: lists, an object, scalars, in key order.
        br#"{"zeta": [{"timestamp": 2, "title": "z"}], "alpha": {"timestamp": 3, "title": "a"},
             "mid": [{"uri": "photos/1.jpg", "creation_timestamp": 4}], "n": 5, "s": "text",
             "nested": [{"inner": {"deep": 1}}], "empty": {}}"#,
        // A repeated key: the last one counts, as in a whole parse.
        br#"{"comments_v2": [{"timestamp": 1, "title": "first"}], "comments_v2": [{"timestamp": 2, "title": "second"}]}"#,
        br#"{"comments_v2": [{"timestamp": 1, "title": "first"}], "comments_v2": 7}"#,
        // Instagram ≤2020 comments and a conversation object.
        br#"{"live_comments": [["2019-01-01T10:00:00", "live one", "owner"]], "media_comments": [["2018-05-01T10:00:00", "post one", "ann"], ["bad", "two"], [1], "x"]}"#,
        br#"{"conversation": [{"sender": "a", "created_at": "2019-01-01T10:00:00", "text": "hey", "media_url": "https://x/y.jpg?z"}, {"sender": "b", "text": ""}], "participants": ["a", "b"]}"#,
        // Threads posts.
        br#"{"text_post_app_text_posts": [{"media": [{"uri": "t/1.jpg", "creation_timestamp": 1700000000, "title": "hello @pine.marten", "text_app_post": {"is_reply": true}}]}]}"#,
        // Shapes read whole: an album, a profile, a post.
        br#"{"name": "Album", "photos": [{"uri": "p/1.jpg", "creation_timestamp": 1}, {"uri": "p/2.jpg"}], "cover_photo": {"uri": "p/3.jpg"}, "last_modified_timestamp": 5}"#,
        br#"{"profile_v2": {"name": {"full_name": "Jo"}, "emails": {"emails": ["a@b.c"]}}}"#,
        br#"{"timestamp": 1, "data": [{"post": "one post"}], "attachments": [{"data": [{"media": {"uri": "a.jpg"}}]}]}"#,
        // A key needing the mojibake repair.
        br#"{"caf\u00c3\u00a9": [{"timestamp": 1, "title": "t"}]}"#,
        b"\xEF\xBB\xBF {\"comments_v2\": [{\"timestamp\": 1, \"title\": \"bom\"}]}",
        b"{}",
        // Broken within the cap: the whole-file sentence.
        br#"{"messages": [{"sender_name": "A", "timestamp_ms": 1, "content": "cut"#,
        b"{\"a\": 1 x}",
        b"{\"a\": \"\xFF\"}",
        b"[1, 2]",
        b"  ",
    ];
    for doc in docs {
        same(doc);
    }
}

#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn every_sample_object_file_gives_the_same_records_streamed() {
    let mut n = 0;
    for platform in ["facebook", "instagram"] {
        for dir in sample_dirs(platform) {
            let mut stack = vec![dir];
            while let Some(d) = stack.pop() {
                for e in std::fs::read_dir(&d).unwrap() {
                    let p = e.unwrap().path();
                    if p.is_dir() {
                        stack.push(p);
                    } else if p.extension().is_some_and(|x| x == "json") {
                        let doc = std::fs::read(&p).unwrap();
                        if doc.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
                            same(&doc);
                            n += 1;
                        }
                    }
                }
            }
        }
    }
    assert!(n > 10, "only {n} object files");
}

/// A Messenger thread of `n` messages with `messages` first and the
/// participants and title after them, as `message_1.json` bytes.
fn messages_first(n: usize) -> Vec<u8> {
    let mut s = String::from("{\n  \"messages\": [\n");
    for i in 0..n {
        if i > 0 {
            s.push_str(",\n");
        }
        let who = if i % 2 == 0 {
            "Jo Bloggs"
        } else {
            "Northdale NHS"
        };
        s.push_str(&format!(
            "    {{\"sender_name\": \"{who}\", \"timestamp_ms\": {}, \"content\": \"message {i} caf\\u00c3\\u00a9\", \"is_geoblocked_for_viewer\": false}}",
            1_700_000_000_000u64 + i as u64
        ));
    }
    s.push_str("\n  ],\n  \"participants\": [{\"name\": \"Jo Bloggs\"}, {\"name\": \"Northdale NHS\"}],\n  \"title\": \"Jo Bloggs\",\n  \"thread_path\": \"inbox/jobloggs_1\"\n}\n");
    s.into_bytes()
}

#[test]
fn a_large_thread_with_its_participants_last_streams_every_message() {
    let n = 30_000;
    let doc = messages_first(n);
    assert!(doc.len() as u64 > 2 * json::object::KEEP_LIST);
    let d = tempfile::tempdir().unwrap();
    let name = "your_facebook_activity/messages/inbox/jobloggs_1/message_1.json";
    write_tree(d.path(), &[(name, &doc)]);
    let s = scan(d.path()).unwrap();
    assert_eq!(s.outcome("message_1.json").error, None);
    let recs = s.of("message_1.json");
    assert_eq!(recs.len(), n);
    for (i, r) in [(0, &recs[0]), (n - 1, &recs[n - 1])] {
        assert_eq!(r.id, (1_700_000_000_000u64 + i as u64).to_string());
        assert_eq!(
            r.field(Field::Text),
            Some(format!("message {i} café").as_str())
        );
        assert_eq!(r.field(Field::Title), Some("Jo Bloggs"));
    }
    assert_eq!(recs[0].mentions, ["Northdale NHS"]);
    assert_eq!(recs[1].mentions, ["Jo Bloggs"]);
    // Streamed (over `KEEP_LIST`) and whole agree, byte for byte.
    let (whole, walked) = whole_and_walked(&doc, json::object::KEEP_LIST);
    assert!(whole == walked, "streamed records differ from whole ones");
}

#[test]
fn a_thread_cut_short_fails_naming_the_file() {
    let doc = messages_first(20);
    let cut = &doc[..doc.len() / 2];
    // Within the whole-file cap: the sentence the whole-file reader gives.
    let (whole, walked) = whole_and_walked(cut, 0);
    assert_eq!(whole, walked);
    assert!(walked.contains("ends early at byte"), "{walked}");
    // Past the cap (the size is what the archive declares): the outline's
    // sentence, naming the file; no records, as the siblings the records
    // need may be in the part that is missing.
    let resolve = |_: &str| None;
    let mut recs = Vec::new();
    let mut out = EntryOutcome::default();
    let mut emit = |r| recs.push(r);
    let mut ctx = records::Ctx {
        flavor: Flavor::Facebook,
        account: "",
        entry: "inbox/a_1/message_1.json",
        resolve: &resolve,
        emit: &mut emit,
        out: &mut out,
    };
    let mut read = |f: &mut dyn FnMut(&mut dyn Read)| {
        f(&mut &cut[..]);
        Ok(())
    };
    let got = walk(&mut read, MAX_DOCUMENT + 1, 0, &mut ctx);
    assert_eq!(got, Walked::Done);
    let e = out.error.clone().unwrap();
    assert!(
        e.starts_with("inbox/a_1/message_1.json: JSON ends early at byte ")
            && e.ends_with(" (truncated file?)"),
        "{e}"
    );
    assert!(recs.is_empty());
}

#[test]
fn an_element_over_the_cap_stops_the_member_stream_cleanly() {
    let big = format!(
        "{{\"title\": \"t\", \"messages\": [{{\"a\": \"short\"}}, {{\"a\": \"{}\"}}, {{\"a\": \"b\"}}], \"z\": \"{}\"}}",
        "x".repeat(500),
        "y".repeat(500)
    );
    let mut seen = Vec::new();
    let got = json::object::stream_member(&mut big.as_bytes(), 1, 100, &mut |v| seen.push(v));
    assert_eq!(seen.len(), 1);
    let json::Streamed::Failed(1, why) = got else {
        panic!("{got:?}")
    };
    assert!(why.contains("longer than 100 bytes (element 2)"), "{why}");
    // Members that are skipped have no length limit.
    let got = json::object::stream_member(&mut big.as_bytes(), 0, 100, &mut |_| {});
    assert!(matches!(got, json::Streamed::Failed(0, _)), "{got:?}");
}

#[test]
fn outline_keeps_small_members_and_looks_over_long_lists() {
    let doc = br#"{"messages": [{"sender_name": "a", "x": "t"}, 2], "title": "T", "participants": [{"name": "a"}], "title": "U"}"#;
    let json::object::Outlined::Done(o) =
        json::object::outline(&mut &doc[..], records::PROBE_KEYS, 30)
    else {
        panic!()
    };
    assert_eq!(o.top["title"], "U");
    assert_eq!(
        o.top["messages"],
        serde_json::json!([{"sender_name": null}])
    );
    assert_eq!(
        o.long,
        [json::object::Long {
            key: "messages".into(),
            member: 0,
            text: true
        }]
    );
    assert_eq!(o.top["participants"], serde_json::json!([{"name": "a"}]));
}

#[test]
fn no_input_makes_the_outline_panic() {
    let inputs: &[&[u8]] = &[
        b"",
        b"{",
        b"{\"",
        b"{\"a\"",
        b"{\"a\":",
        b"{\"a\": [",
        b"{\"a\": [{",
        b"{\"a\": [1,",
        b"{\"a\": [1]",
        b"{\"a\": [1]} x",
        b"{]",
        b"{\"a\": [\"\xFF\"]}",
        b"\xEF\xBB\xBF",
    ];
    for input in inputs {
        for keep in [0, 10] {
            let _ = json::object::outline(&mut &input[..], records::PROBE_KEYS, keep);
            let _ = json::object::stream_member(&mut &input[..], 0, 10, &mut |_| {});
            same(input);
        }
    }
    let deep = format!(
        "{{\"a\": [{}{}]}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let got = json::object::outline(&mut deep.as_bytes(), records::PROBE_KEYS, 0);
    assert!(matches!(got, json::object::Outlined::Failed(_)), "{got:?}");
}

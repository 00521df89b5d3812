//! Golden outputs: the findings, coverage and manifest of one scan over the
//! bundled fixture and a generated multi-platform estate (X, Facebook,
//! Instagram, WhatsApp) are pinned byte for byte in tests/golden/, apart
//! from the manifest's run-dependent fields (times, absolute paths, the
//! binary's path). A refactor that changes any output fails here.
//!
//! After an intended output change, rewrite the files and review the diff:
//! `GOLDEN_UPDATE=1 cargo test --test command golden`.

use crate::common::*;
use std::path::Path;

const THREAD: &str = r#"{"participants": [{"name": "Northdale NHS"}, {"name": "J\u00c3\u00b8rgen"}],
  "messages": [
    {"sender_name": "J\u00c3\u00b8rgen", "timestamp_ms": 1636480850235, "content": "My NHS number is 999 000 0018, can you check my appointment?", "type": "Generic"},
    {"sender_name": "Northdale NHS", "timestamp_ms": 1636480800000, "content": "Ring us on 0113 496 0381", "share": {"link": "https://bit.ly/abc"}}
  ], "title": "J\u00c3\u00b8rgen", "thread_path": "inbox/jorgen_abc123"}"#;

const FB_POSTS: &str = r#"[
  {"timestamp": 1709720100, "data": [{"post": "Patient Mary Example was admitted to Ward 7 last night \u00e2\u0080\u0094 what a f*cking mess"}]},
  {"timestamp": 1709806500, "data": [{"post": "Vote Labour on Thursday! #GE2024"}], "attachments": [{"data": [{"place": {"name": "Northdale General", "coordinate": {"latitude": 54.91, "longitude": -1.38}}}]}]},
  {"timestamp": 1709892900, "data": [{"post": "Our flu clinic is open 9am to 5pm this Saturday."}]}
]"#;

const FB_PROFILE: &str = r#"{"profile_v2": {"name": {"full_name": "Northdale NHS"},
  "emails": {"emails": ["comms.example@gmail.com"]}, "phone_numbers": [{"phone_number": "+44 7700 900461"}],
  "current_city": {"name": "Leeds"}, "websites": [{"address": "https://northdale.example.nhs.uk"}],
  "registration_timestamp": 1238000000, "profile_uri": "https://www.facebook.com/northdale"}}"#;

const IG_POSTS: &str = r#"[{"media": [{"uri": "media/posts/202403/1.jpg", "creation_timestamp": 1709720100, "title": "Use code NHS20 for 20% off at our sponsor's shop #ad"}]},
  {"media": [{"uri": "media/posts/202403/2.jpg", "creation_timestamp": 1709720200, "title": "Sister Example in bed 4 is doing much better, DOB 03/04/1941"}]}]"#;

const CHAT: &str = "[06/03/2024, 10:15:00] Ward Sister: New rota login: password is Winter2024!\n\
[06/03/2024, 10:16:02] Dave: Patient John Example, NHS no 401 159 0835, in bay 2\n\
[06/03/2024, 10:17:45] Dave: you useless idiot\n\
[06/03/2024, 10:18:00] Ward Sister: thanks, see you at 7\n";

/// Writes the estate and returns the input names, relative to `root`.
fn estate(root: &Path) -> Vec<&'static str> {
    std::fs::copy(
        "fixtures/twitter-2024-11-16-northdale.zip",
        root.join("twitter-2024-11-16-northdale.zip"),
    )
    .unwrap();
    let estate = root.join("estate");
    write_folder(
        &estate.join("twitter-2024-03-10-standard"),
        &standard_files(),
    );
    let fb = "facebook-northdale-2024-03-08-abc";
    write_folder(
        &estate.join(fb),
        &[
            (
                "posts/your_posts_1.json".into(),
                FB_POSTS.as_bytes().to_vec(),
            ),
            (
                "profile_information/profile_information.json".into(),
                FB_PROFILE.as_bytes().to_vec(),
            ),
            (
                "messages/inbox/jorgen_abc123/message_1.json".into(),
                THREAD.as_bytes().to_vec(),
            ),
            ("friends.json".into(), b"{\"friends_v2\": []}".to_vec()),
        ],
    );
    write_folder(
        &estate.join("instagram-northdale-2024-03-08"),
        &[("content/posts_1.json".into(), IG_POSTS.as_bytes().to_vec())],
    );
    write_folder(
        &estate.join("whatsapp-ward-group"),
        &[("_chat.txt".into(), CHAT.as_bytes().to_vec())],
    );
    vec!["twitter-2024-11-16-northdale.zip", "estate"]
}

/// The manifest without what differs between runs and machines.
fn stable_manifest(text: &str) -> String {
    let mut m: serde_json::Value = serde_json::from_str(text).unwrap();
    for key in ["started_at", "finished_at"] {
        m[key] = "…".into();
    }
    m["command_line"][0] = "social-audit".into();
    for list in ["inputs", "outputs"] {
        for item in m[list].as_array_mut().unwrap() {
            item["absolute_path"] = "…".into();
        }
    }
    serde_json::to_string_pretty(&m).unwrap() + "\n"
}

fn check(name: &str, got: &str) {
    let path = Path::new("tests/golden").join(name);
    if std::env::var_os("GOLDEN_UPDATE").is_some() {
        std::fs::create_dir_all("tests/golden").unwrap();
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; write it with GOLDEN_UPDATE=1 cargo test --test command golden",
            path.display()
        )
    });
    if want != got {
        let line = want
            .lines()
            .zip(got.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(want.lines().count().min(got.lines().count()));
        panic!(
            "{} differs from this run at line {}:\n  golden: {:?}\n  now:    {:?}",
            path.display(),
            line + 1,
            want.lines().nth(line),
            got.lines().nth(line)
        );
    }
}

#[test]
fn outputs_match_the_golden_files_at_one_and_two_threads() {
    let d = tempfile::tempdir().unwrap();
    let inputs = estate(d.path());
    for threads in ["1", "2"] {
        let o = bin()
            .current_dir(d.path())
            .arg("scan")
            .args(&inputs)
            .args(["-o", "findings.csv", "--coverage", "coverage.csv"])
            .args([
                "--manifest",
                "manifest.json",
                "--no-progress",
                "-j",
                threads,
            ])
            .output()
            .unwrap();
        assert_eq!(
            o.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        let read = |f: &str| std::fs::read_to_string(d.path().join(f)).unwrap();
        let findings = read("findings.csv");
        // The estate exercises every platform and most categories.
        for needle in [
            ",twitter,",
            ",facebook,",
            ",instagram,",
            ",whatsapp,",
            "patient.nhs-number",
            "conduct.obscene",
        ] {
            assert!(findings.contains(needle), "{needle} missing");
        }
        check("findings.csv", &findings);
        check("coverage.csv", &read("coverage.csv"));
        let manifest = stable_manifest(&read("manifest.json"));
        // The command line names the thread count; pin the -j1 run's.
        check(
            "manifest.json",
            &manifest.replace("\"-j\",\n    \"2\"", "\"-j\",\n    \"1\""),
        );
        for f in ["findings.csv", "coverage.csv", "manifest.json"] {
            std::fs::remove_file(d.path().join(f)).unwrap();
        }
    }
}

/// Past `--findings-memory` bytes, findings wait sorted in a scratch file
/// beside the findings file and are merged back as each output is written.
/// With a budget of one byte every finding is a run of its own: every
/// output must still be the golden one, and no scratch file may remain.
#[test]
fn findings_that_waited_on_disk_give_the_same_outputs() {
    let d = tempfile::tempdir().unwrap();
    let inputs = estate(d.path());
    let out = d.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let mut pages = Vec::new();
    for memory in [None, Some("1")] {
        for (findings, extra) in [
            ("findings.csv", vec!["--summary", "summary.html"]),
            ("findings.xlsx", vec![]),
            ("findings.jsonl", vec![]),
        ] {
            let mut cmd = bin();
            cmd.current_dir(d.path())
                .arg("scan")
                .args(&inputs)
                .args(["-o", &format!("out/{findings}")])
                .args(["--coverage", "out/coverage.csv", "--no-progress"])
                .args(extra.iter().map(|e| match e.strip_prefix("--") {
                    Some(_) => e.to_string(),
                    None => format!("out/{e}"),
                }));
            if let Some(m) = memory {
                cmd.args(["--findings-memory", m]);
            }
            let o = cmd.output().unwrap();
            assert_eq!(
                o.status.code(),
                Some(1),
                "{}",
                String::from_utf8_lossy(&o.stderr)
            );
            let mut names: Vec<String> = std::fs::read_dir(&out)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            assert!(
                names.iter().all(|n| !n.starts_with('.')),
                "a scratch file was left: {names:?}"
            );
            if findings == "findings.csv" {
                let read = |f: &str| std::fs::read_to_string(out.join(f)).unwrap();
                check("findings.csv", &read("findings.csv"));
                check("coverage.csv", &read("coverage.csv"));
                pages.push(read("summary.html"));
            } else {
                pages.push(format!("{:x?}", std::fs::read(out.join(findings)).unwrap()));
            }
            for n in names {
                std::fs::remove_file(out.join(n)).unwrap();
            }
        }
    }
    // the summary page, the workbook and the JSON Lines, each the same
    // whether the findings stayed in memory or not
    let (kept, waited) = pages.split_at(3);
    assert_eq!(kept, waited);
}

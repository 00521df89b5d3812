//! `scan --shard I/N` on several machines, then `merge`, gives exactly
//! what one run over all inputs writes.

use crate::common::*;
use std::path::Path;

fn estate(root: &Path) {
    std::fs::create_dir_all(root).unwrap();
    for k in 0..7 {
        let mut files = standard_files();
        let extra = format!("Account {k}: call the ward manager on 07700 90012{k} tonight.");
        let id = format!("17650000000000001{k:02}");
        let tweets = [
            (
                "1765000000000000002",
                "Patient John Example, NHS no 401 159 0835, was admitted to Ward 7.",
            ),
            (id.as_str(), extra.as_str()),
        ];
        files[0].1 = manifest_js(2).into_bytes();
        files[2].1 = tweets_js(&tweets).into_bytes();
        if k % 2 == 0 {
            write_zip(&root.join(format!("account-{k}.zip")), &files);
        } else {
            write_folder(&root.join(format!("account-{k}")), &files);
        }
    }
    std::fs::write(root.join("handover-notes.txt"), b"loose file").unwrap();
}

fn run(
    dir: &Path,
    input: &Path,
    tag: &str,
    extra: &[&str],
) -> (std::path::PathBuf, std::path::PathBuf, std::path::PathBuf) {
    let (f, c, m) = (
        dir.join(format!("{tag}.findings")),
        dir.join(format!("{tag}.coverage.csv")),
        dir.join(format!("{tag}.manifest.json")),
    );
    let o = bin()
        .args(["scan", input.to_str().unwrap(), "-o", f.to_str().unwrap()])
        .args([
            "--coverage",
            c.to_str().unwrap(),
            "--manifest",
            m.to_str().unwrap(),
            "--no-progress",
        ])
        .args(extra)
        .output()
        .unwrap();
    let code = o.status.code().unwrap();
    assert!(
        code == 0 || code == 1,
        "{tag}: exit {code}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    (f, c, m)
}

fn json(p: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

#[test]
fn three_shards_merged_equal_one_run_byte_for_byte() {
    for format in ["csv", "jsonl"] {
        let d = tempfile::tempdir().unwrap();
        let input = d.path().join("estate");
        estate(&input);
        let fmt = ["--format", format];
        let (f, c, m) = run(d.path(), &input, "single", &fmt);
        let mut shards = Vec::new();
        for i in 1..=3 {
            let shard = format!("{i}/3");
            shards.push(run(
                d.path(),
                &input,
                &format!("s{i}"),
                &[&fmt[..], &["--shard", &shard]].concat(),
            ));
        }
        let (mf, mc, mm) = (
            d.path().join("merged.f"),
            d.path().join("merged.c"),
            d.path().join("merged.m"),
        );
        let mut cmd = bin();
        cmd.arg("merge");
        for s in &shards {
            cmd.arg(&s.0);
        }
        cmd.args(["-o", mf.to_str().unwrap(), "--format", format, "--coverage"]);
        for s in &shards {
            cmd.arg(&s.1);
        }
        cmd.args(["--coverage-out", mc.to_str().unwrap(), "--manifest"]);
        for s in &shards {
            cmd.arg(&s.2);
        }
        cmd.args(["--manifest-out", mm.to_str().unwrap()]);
        let o = cmd.output().unwrap();
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );

        let single = std::fs::read(&f).unwrap();
        assert!(single.len() > 500, "the single run found things");
        assert_eq!(
            single,
            std::fs::read(&mf).unwrap(),
            "{format} findings differ"
        );
        assert_eq!(
            std::fs::read(&c).unwrap(),
            std::fs::read(&mc).unwrap(),
            "coverage differs"
        );
        // Each shard scanned some archives, none scanned them all.
        let per_shard: Vec<u64> = shards
            .iter()
            .map(|s| json(&s.2)["totals"]["archives"].as_u64().unwrap())
            .collect();
        assert_eq!(per_shard.iter().sum::<u64>(), 7, "{per_shard:?}");
        assert!(per_shard.iter().all(|&n| n < 7), "{per_shard:?}");
        let (a, b) = (json(&m), json(&mm));
        assert_eq!(a["inputs"], b["inputs"]);
        assert_eq!(a["totals"], b["totals"]);
        assert_eq!(a["rule_pack"], b["rule_pack"]);
        assert!(b.get("shard").is_none());
    }
}

#[test]
fn bad_shard_arguments_are_usage_errors() {
    for bad in ["0/3", "4/3", "x", "1/0"] {
        let o = bin()
            .args(["scan", "fixtures", "--shard", bad, "-o", "-"])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{bad}");
    }
}

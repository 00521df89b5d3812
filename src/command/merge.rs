//! `merge`: the outputs of `scan --shard I/N` runs combined into what one
//! run writes.

use super::{EXIT_CLEAN, fail, write_output};
use crate::cli::MergeArgs;
use social_audit::report::{self, Format, Written, manifest};
use std::io::Write;
use std::path::{Path, PathBuf};

fn refs(paths: &[PathBuf]) -> Vec<&Path> {
    paths.iter().map(PathBuf::as_path).collect()
}

pub fn run(args: MergeArgs) -> i32 {
    if matches!(args.format, Format::Xlsx | Format::Sqlite) {
        return fail(
            "merge reads and writes csv or jsonl; merge the shards' csv, then scan again for xlsx or sqlite",
        );
    }
    let mut outputs: Vec<Written<'_>> = Vec::new();
    let findings = refs(&args.findings);
    let written = write_output(&args.output, |w| match args.format {
        Format::Csv => report::merge::merge_csv(&findings, w)
            .map(|_| ())
            .map_err(|e| e.to_string()),
        Format::Jsonl => report::merge::merge_jsonl(&findings, w)
            .map(|_| ())
            .map_err(|e| e.to_string()),
        Format::Xlsx => Err("xlsx cannot be merged".to_string()),
        Format::Sqlite => Err("sqlite cannot be merged".to_string()),
    });
    match written {
        Ok(sha256) => outputs.push(Written {
            role: "findings",
            path: &args.output,
            sha256,
        }),
        Err(e) => return fail(e),
    }
    if let Some(out) = &args.coverage_out {
        let covs = refs(&args.coverage);
        let merged = write_output(out, |w| {
            report::merge::merge_csv(&covs, w)
                .map(|_| ())
                .map_err(|e| e.to_string())
        });
        match merged {
            Ok(sha256) => outputs.push(Written {
                role: "coverage",
                path: out,
                sha256,
            }),
            Err(e) => return fail(e),
        }
    }
    if let Some(out) = &args.manifest_out {
        let mut m = match report::merge::merge_manifests(&refs(&args.manifest)) {
            Ok(m) => m,
            Err(e) => return fail(e),
        };
        let dir = match out.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        m.command_line = std::env::args().collect();
        m.outputs = manifest::output_infos(&outputs, dir);
        for i in &mut m.inputs {
            if !i.absolute_path.is_empty() {
                i.from_manifest = manifest::relative_to(Path::new(&i.absolute_path), dir);
            }
        }
        if let Err(e) = write_output(out, |w| {
            serde_json::to_writer_pretty(&mut *w, &m).map_err(|e| e.to_string())?;
            w.write_all(b"\n").map_err(|e| e.to_string())
        }) {
            return fail(e);
        }
    }
    EXIT_CLEAN
}

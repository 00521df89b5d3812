#!/usr/bin/env python3
"""Checks .github/workflows/release.yml without GitHub: it parses as YAML
and has the shape README.md's "Install" section promises (a v* tag trigger,
the four targets, packaging with README and licences, SHA-256 files, the
upload to the release). Needs PyYAML (Debian: python3-yaml).

    python3 scripts/check-release-workflow.py
"""
import pathlib
import sys

try:
    import yaml
except ImportError:
    sys.exit("check-release-workflow: PyYAML is missing (apt-get install python3-yaml)")

ROOT = pathlib.Path(__file__).resolve().parent.parent
wf = yaml.safe_load((ROOT / ".github/workflows/release.yml").read_text(encoding="utf-8"))
problems = []


def need(cond, what):
    if not cond:
        problems.append(what)


# PyYAML reads the bare key `on` as the boolean True (YAML 1.1).
trigger = wf.get("on", wf.get(True)) or {}
need(trigger.get("push", {}).get("tags") == ["v*"], "runs on pushed tags v*")
need(wf.get("permissions", {}).get("contents") == "write", "may write the release")
build = wf.get("jobs", {}).get("build", {})
targets = {i["target"] for i in build.get("strategy", {}).get("matrix", {}).get("include", [])}
for t in ["x86_64-unknown-linux-musl", "x86_64-pc-windows-msvc", "aarch64-apple-darwin", "x86_64-apple-darwin"]:
    need(t in targets, f"builds {t}")
steps = build.get("steps", [])
runs = "\n".join(s.get("run", "") for s in steps)
need("cargo build --release --locked --target" in runs, "builds with --locked per target")
need("README.md LICENSE-MIT LICENSE-APACHE" in runs, "packages README and licences")
need("sha256sum" in runs and "shasum -a 256" in runs, "writes SHA-256 checksums")
for f in ["README.md", "LICENSE-MIT", "LICENSE-APACHE"]:
    need((ROOT / f).is_file(), f"{f} exists")
release = wf.get("jobs", {}).get("release", {})
need(release.get("needs") == "build", "release waits for every build")
uses = [s.get("uses", "") for s in release.get("steps", [])]
need(any(u.startswith("softprops/action-gh-release@") for u in uses), "uploads to the GitHub release")
for job in wf.get("jobs", {}).values():
    for s in job.get("steps", []):
        need(isinstance(s, dict) and ("run" in s or "uses" in s), f"step {s!r} runs or uses something")

if problems:
    sys.exit("release.yml: missing: " + "; ".join(problems))
print(f"release.yml: parses; {len(targets)} targets; packaging, checksums and upload present")

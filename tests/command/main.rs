//! End-to-end tests of the `social-audit` binary: subcommands, options,
//! outputs and evidence safety, the golden outputs, the summary page in a
//! browser. One test binary, so CI links it once (docs/ARCHITECTURE.md,
//! "Tests").

#[path = "../common/mod.rs"]
mod common;

/// The CAR writer of the Bluesky reader's own tests, shared by the
/// modules that build a Bluesky export.
#[path = "../../src/platform/bluesky/testing.rs"]
mod bluesky_car;

mod account_rules;
mod cli;
mod cross_platform;
mod deep;
mod evidence;
mod export_gaps;
mod fixture;
mod golden;
mod handover;
mod ocr;
mod release;
mod review;
mod shards;
mod sqlite;
mod summary_browser;
mod video_location;
mod workbook;
mod workflow;
mod youtube_threads;

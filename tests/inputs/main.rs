//! Bad, hostile and random input: corrupt and malicious archives, every
//! error named and recorded in coverage, no panics, property tests of the
//! parsers and text helpers.

#[path = "../common/mod.rs"]
mod common;

mod bad_input;
mod bluesky;
mod hostile;
mod properties;
mod robustness;

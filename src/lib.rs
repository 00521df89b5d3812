//! social-audit: audits exported social media archives of NHS accounts
//! against NHS social media policy.
//!
//! Data flows one way: inputs → [`archive`] → [`platform`] reader →
//! [`record::Record`] → [`rules`] → [`finding::Finding`] → [`report`] sinks.
//!
//! The command line (argument parsing, the validated run configuration and
//! one module per subcommand) lives in the binary, src/main.rs; the library
//! reports failures as [`error::Error`], the binary turns them into one line
//! and an exit code.

pub mod archive;
pub mod error;
pub mod finding;
pub mod media;
pub mod org;
pub mod platform;
pub mod record;
pub mod report;
pub mod rules;
pub mod scan;
mod scratch;
pub mod suppress;
pub mod vocab;

//! social-audit: audits exported social media archives of NHS accounts
//! against NHS social media policy.
//!
//! Data flows one way: inputs → [`archive`] → [`platform`] reader →
//! [`record::Record`] → [`rules`] → [`finding::Finding`] → [`report`] sinks.

pub mod archive;
pub mod cli;
pub mod command;
pub mod config;
pub mod finding;
pub mod org;
pub mod platform;
pub mod record;
pub mod report;
pub mod rules;
pub mod scan;
pub mod severity;
pub mod suppress;
pub mod vocab;

//! social-audit: audits exported social media archives of NHS accounts
//! against NHS social media policy.
//!
//! Data flows one way: inputs → [`archive`] → [`platform`] reader →
//! [`record::Record`] → [`rules`] → [`finding::Finding`] → [`report`] sinks.

pub mod cli;
pub mod org;
pub mod record;
pub mod rules;
pub mod severity;

//! Sweeps over the real export samples in ../shared/formats (reported as
//! `ignored` where that folder is absent; docs/ARCHITECTURE.md, "Tests").

#[path = "../common/mod.rs"]
mod common;

mod linkedin;
mod mastodon;
mod meta;
mod whatsapp;
mod x;
mod youtube;

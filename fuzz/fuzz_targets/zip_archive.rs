//! Arbitrary bytes as a zip archive, through the archive layer's limits
//! and the whole scan.
#![no_main]
use libfuzzer_sys::fuzz_target;
use social_audit::org::Org;
use social_audit::rules::Pack;
use social_audit::scan::{Options, scan};
use std::sync::OnceLock;

fn pack() -> &'static Pack {
    static PACK: OnceLock<Pack> = OnceLock::new();
    PACK.get_or_init(|| Pack::default_pack(&Org::default()).unwrap())
}

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir_in("/dev/shm")
        .or_else(|_| tempfile::tempdir())
        .unwrap();
    let path = dir.path().join("x.zip");
    std::fs::write(&path, data).unwrap();
    let outcome = scan(&[path], pack(), &Options::default());
    assert!(!outcome.coverage.is_empty());
});

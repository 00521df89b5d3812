//! X/Twitter archives of every generation (placeholder, being written).
use super::*;

pub struct Twitter;

impl Platform for Twitter {
    fn name(&self) -> &'static str {
        "twitter"
    }
    fn claims_folder(&self, _dir: &Path) -> bool {
        false
    }
    fn open(&self, _archive: &Archive) -> Option<Box<dyn Unit>> {
        None
    }
}

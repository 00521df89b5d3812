//! Facebook "Download Your Information" exports of every generation (2018
//! per-category folders, 2020 numbered files, 2022 `your_activity_across_facebook/`,
//! 2024 `your_facebook_activity/`, Page/profile exports), JSON and HTML, and
//! the separate end-to-end-encrypted Messenger download. The reading itself
//! is shared with Instagram in `platform::meta`; this module is the
//! recognition entry point.

use super::meta::{self, Flavor};
use super::*;

pub struct Facebook;

/// Folders that only a Facebook export root holds. A folder named
/// `facebook-<user>-<date>-<id>` (how Meta names the root) is claimed too.
const ROOT_MARKERS: &[&str] = &[
    "your_facebook_activity",
    "your_activity_across_facebook",
    "this_profile's_activity_across_facebook",
    "comments_and_reactions",
    "photos_and_videos",
];

impl Reader for Facebook {
    fn platform(&self) -> Platform {
        Flavor::Facebook.platform()
    }

    fn claims_folder(&self, dir: &Path) -> bool {
        let named = dir
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.to_lowercase().starts_with("facebook-"));
        named
            || ROOT_MARKERS.iter().any(|m| dir.join(m).is_dir())
            || dir.join("html/messages.htm").is_file()
            || (dir.join("messages/inbox").is_dir()
                && (dir.join("posts").is_dir() || dir.join("profile_information").is_dir()))
    }

    fn claims_part(&self, file: &Path) -> bool {
        meta::claims_part(file)
    }

    fn open(&self, archive: &Archive) -> Option<Box<dyn Unit>> {
        meta::open(archive, Flavor::Facebook)
    }
}

#[cfg(test)]
mod html_tests;
#[cfg(test)]
pub(crate) mod tests;

//! Instagram "Download your information" exports: the ≤2020 `media.json`
//! layout, the 2021–2023 `content/` layout and the 2024+
//! `your_instagram_activity/` layout, JSON and HTML. Reading is shared with
//! Facebook in `platform::meta`; this module is the recognition entry point.
//! An archive is Instagram's when its Instagram evidence (folder names,
//! `ig_*`/`profile_user`/`string_map_data` keys) outweighs Facebook's.

use super::meta::{self, Flavor};
use super::*;

pub struct Instagram;

impl Reader for Instagram {
    fn platform(&self) -> Platform {
        Flavor::Instagram.platform()
    }

    fn claims_folder(&self, dir: &Path) -> bool {
        let named = dir
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.to_lowercase().starts_with("instagram-"));
        named
            || dir.join("your_instagram_activity").is_dir()
            || dir.join("content/posts_1.json").is_file()
            || (dir
                .join("personal_information/personal_information.json")
                .is_file()
                && !dir.join("your_facebook_activity").is_dir())
    }

    fn claims_part(&self, file: &Path) -> bool {
        meta::claims_part(file)
    }

    fn open(&self, archive: &Archive) -> Option<Box<dyn Unit>> {
        meta::open(archive, Flavor::Instagram)
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod threads_tests;

//! WhatsApp, Facebook and Instagram inputs: arbitrary bytes as a chat text
//! file, a Facebook or Instagram JSON file, or a Facebook HTML page of
//! either generation (chosen by the first byte), through the real scan.
#![no_main]
use libfuzzer_sys::fuzz_target;
use social_audit::org::Org;
use social_audit::rules::Pack;
use social_audit::scan::{Options, scan};
use std::sync::OnceLock;

const NAMES: &[&str] = &[
    "_chat.txt",
    "WhatsApp Chat with Ward 7.txt",
    "facebook-x-2024/posts/your_posts_1.json",
    "facebook-x-2024/comments_and_reactions/comments.json",
    "facebook-x-2024/messages/inbox/a_1/message_1.json",
    "facebook-x-2024/profile_information/profile_information.json",
    "facebook-x-2024/posts/your_posts_1.html",
    "facebook-x-2024/messages/inbox/a_1/message_1.html",
    "instagram-x-2024/content/posts_1.json",
    "instagram-x-2024/content/stories.json",
    "instagram-x-2024/messages/inbox/a_1/message_1.json",
    "instagram-x-2024/media.json",
    // the pre-2018 generation, whose wall, timeline, notes and photo pages
    // are cut into items (src/platform/meta/html/)
    "facebook-x-2012/html/wall.htm",
    "facebook-x-2012/html/timeline.htm",
    "facebook-x-2012/html/notes.htm",
    "facebook-x-2012/html/messages.htm",
    "facebook-x-2012/photos/album_1/index.htm",
];

fn pack() -> &'static Pack {
    static PACK: OnceLock<Pack> = OnceLock::new();
    PACK.get_or_init(|| Pack::default_pack(&Org::default()).unwrap())
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, body)) = data.split_first() else {
        return;
    };
    let dir = tempfile::tempdir_in("/dev/shm")
        .or_else(|_| tempfile::tempdir())
        .unwrap();
    let name = NAMES[pick as usize % NAMES.len()];
    let path = dir.path().join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, body).unwrap();
    if name.starts_with("facebook-x-2012/") {
        // the old generation is told by its index page
        std::fs::write(
            dir.path().join("facebook-x-2012/index.htm"),
            "<html><head><title>Facebook</title></head><body><a href=\"html/wall.htm\">Wall</a> <a href=\"html/timeline.htm\">Timeline</a></body></html>",
        )
        .unwrap();
    }
    let outcome = scan(&[dir.path().to_path_buf()], pack(), &Options::default());
    assert!(!outcome.coverage.is_empty());
});

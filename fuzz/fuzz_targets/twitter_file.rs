//! One X data file with arbitrary content, under a name chosen by the
//! first byte, in an otherwise valid archive folder: exercises every
//! element parser (tweets, DMs, account files, notes, manifest, Grailbird
//! JS and CSV) through the real scan.
#![no_main]
use libfuzzer_sys::fuzz_target;
use social_audit::org::Org;
use social_audit::rules::Pack;
use social_audit::scan::{Options, scan};
use std::sync::OnceLock;

const NAMES: &[&str] = &[
    "data/tweets.js",
    "data/tweet.js",
    "data/deleted-tweets.js",
    "data/note-tweet.js",
    "data/direct-messages.js",
    "data/direct-messages-group.js",
    "data/account.js",
    "data/profile.js",
    "data/connected-application.js",
    "data/ip-audit.js",
    "data/manifest.js",
    "data/phone-number.js",
    "data/email-address-change.js",
    "data/tweets_media/1765000000000000001-abc.jpg",
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
    let grailbird = pick % 16 >= NAMES.len() as u8;
    let name = if grailbird {
        if pick % 2 == 0 {
            "tweets.csv"
        } else {
            "data/js/tweets/2018_01.js"
        }
    } else {
        NAMES[(pick % 16) as usize]
    };
    if grailbird {
        std::fs::create_dir_all(dir.path().join("data/js/tweets")).unwrap();
        std::fs::write(
            dir.path().join("data/js/tweet_index.js"),
            "var tweet_index = []",
        )
        .unwrap();
    } else {
        std::fs::create_dir_all(dir.path().join("data/tweets_media")).unwrap();
        std::fs::write(
            dir.path().join("data/account.js"),
            r#"window.YTD.account.part0 = [ { "account" : { "username" : "Fuzz" } } ]"#,
        )
        .unwrap();
    }
    std::fs::write(dir.path().join(name), body).unwrap();
    let outcome = scan(&[dir.path().to_path_buf()], pack(), &Options::default());
    assert!(!outcome.coverage.is_empty());
});

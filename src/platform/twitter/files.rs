//! The X archive's file map: which handler reads a data file (by its base
//! name), which files are skipped and why, and the media folders.

use super::*;

/// What a data file holds, by its base name (`-partN` and `.js` removed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Handler {
    Tweets(RecordKind),
    /// Read at open (it is the file list); reading reports what open found.
    Manifest,
    Notes,
    DeletedNotes,
    Dms,
    Account(account::File),
    Media,
    GrailbirdMonth,
    GrailbirdCsv,
    UserDetails,
    PeriscopeComments,
    Grok,
}

pub(super) fn data_handler(base: &str) -> Result<Handler, &'static str> {
    use account::File as A;
    Ok(match base {
        "tweets" | "tweet" | "community-tweet" | "twitter-circle-tweet" => {
            Handler::Tweets(RecordKind::Post)
        }
        "deleted-tweets" | "deleted-tweet" => Handler::Tweets(RecordKind::DeletedPost),
        "note-tweet" => Handler::Notes,
        "deleted-note-tweet" => Handler::DeletedNotes,
        "direct-messages" | "direct-message" | "direct-messages-group" | "direct-message-group" => {
            Handler::Dms
        }
        "account" => Handler::Account(A::Account),
        "profile" => Handler::Account(A::Profile),
        "connected-application" => Handler::Account(A::ConnectedApp),
        "ip-audit" => Handler::Account(A::IpAudit),
        "account-creation-ip" => Handler::Account(A::CreationIp),
        "phone-number" => Handler::Account(A::Phone),
        "email-address-change" => Handler::Account(A::EmailChange),
        "screen-name-change" => Handler::Account(A::ScreenNameChange),
        "periscope-comments-made-by-user" => Handler::PeriscopeComments,
        "grok-chat-item" => Handler::Grok,
        _ => return Err(skip_reason(base).unwrap_or("")),
    })
}

/// Known files no rule needs, and why. Built from every `dataTypes` key in
/// the sample manifests (2020–2024) and the 2018 README's file list.
pub(super) fn skip_reason(base: &str) -> Option<&'static str> {
    Some(match base {
        "tweet-headers" | "deleted-tweet-headers" => "post headers: ids and times only, no text",
        "direct-message-headers"
        | "direct-messages-headers"
        | "direct-message-group-headers"
        | "direct-messages-group-headers" => "DM headers: ids and times only, no text",
        "like" => "likes: other people's posts the account liked",
        "follower" | "following" => "followers/following: account ids only",
        "block" | "mute" | "direct-message-mute" | "smartblock" | "fleet-mute" => {
            "blocked/muted accounts: ids only"
        }
        "lists-created" | "lists-member" | "lists-subscribed" => "list memberships: list URLs only",
        "saved-search" => "saved search queries",
        "moment" => "Moments: curated collections of posts (internal schema)",
        "personalization" => "inferred interests and demographics",
        "device-token" | "ni-devices" | "key-registry" | "sso" => "devices and sign-in tokens",
        "account-timezone"
        | "account-label"
        | "account-suspension"
        | "ageinfo"
        | "verified"
        | "verified-organization"
        | "protected-history"
        | "reply-prompt"
        | "tweetdeck"
        | "app"
        | "branch-links"
        | "user-link-clicks"
        | "expanded-profile"
        | "professional-data" => "account settings and status",
        "contact" => "uploaded address-book contacts",
        "facebook-connection" => "linked Facebook account",
        "spaces-metadata" => "Spaces metadata",
        "fleet" => "Fleets: expired 24-hour stories",
        "twitter-circle" | "twitter-circle-member" => "Circle membership",
        "twitter-shop" | "shop-module" | "shopify-account" | "catalog-item"
        | "commerce-catalog" | "product-drop" | "product-set" => "shopping features",
        _ if base.starts_with("ad-") || base.starts_with("ads-") => "advertising data",
        _ if base.starts_with("periscope-") => "Periscope data",
        _ if base.starts_with("birdwatch-note") || base.starts_with("community-note") => {
            "Community Notes written or rated"
        }
        _ if base.starts_with("audio-video-calls-in-dm") => "DM call records",
        _ if base.starts_with("article") || base.starts_with("twitter-article") => {
            "Articles: content format unverified, not scanned"
        }
        _ => return None,
    })
}

/// Files X writes end-to-end encrypted, which no export reader can open.
pub(super) fn unreadable_reason(base: &str) -> Option<&'static str> {
    match base {
        "message-event" => Some(
            "XChat messages, end-to-end encrypted: encrypted, cannot be read \
             (the export does not hold the keys)",
        ),
        _ => None,
    }
}

/// `tweets-part2.js` → `tweets`.
pub(super) fn base_name(file: &str) -> Option<&str> {
    let stem = file.strip_suffix(".js")?;
    if let Some((b, n)) = stem.rsplit_once("-part")
        && !n.is_empty()
        && n.bytes().all(|c| c.is_ascii_digit())
    {
        return Some(b);
    }
    Some(stem)
}

/// A media file: inside a `*_media/` folder (at any depth below it).
pub(super) fn in_media_folder(rel: &str) -> bool {
    let mut parts: Vec<&str> = rel.split('/').collect();
    parts.pop();
    parts.iter().any(|p| p.ends_with("_media"))
}

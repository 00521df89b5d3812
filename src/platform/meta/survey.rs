//! Recognising a Meta export: every entry looked at once (by name where
//! that is safe, else by sniffing its first bytes), what kind of file it
//! is, and which product (Facebook or Instagram) the files point to.

use super::*;

/// Bytes read from each JSON file at open to recognise it.
pub(super) const SNIFF_BYTES: u64 = 16 << 10;

/// What a readable entry is.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Json,
    Html(html::Page),
    /// A photo, video or other file: a Media record, EXIF GPS for images.
    MediaFile,
}

/// How a file counts as evidence for one product.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Evidence {
    pub(super) facebook: u32,
    pub(super) instagram: u32,
    /// Meta files both products share (Messenger-shaped threads).
    pub(super) either: u32,
}

/// The result of looking at every entry once.
pub struct Survey {
    pub(super) kinds: crate::platform::EntryKinds<Kind>,
    pub(super) evidence: Evidence,
    /// Entry names whose sniff showed an E2EE Messenger thread.
    pub(super) e2ee: bool,
    /// A small file holding the account name, if any.
    pub(super) profile: Option<String>,
    /// JSON entries holding Threads posts or the Threads profile.
    pub(super) threads: usize,
    /// JSON and HTML entries with content (Threads files included).
    pub(super) content: usize,
}

pub(super) const IMAGE_EXT: &[&str] = &[
    "jpg", "jpeg", "png", "gif", "webp", "heic", "heif", "tif", "tiff", "bmp",
];
pub(super) use crate::vocab::VIDEO_EXTENSIONS as VIDEO_EXT;
pub(super) const OTHER_MEDIA_EXT: &[&str] = &[
    "mp3", "m4a", "aac", "wav", "ogg", "opus", "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx",
    "txt", "zip", "csv",
];

pub(super) fn ext(name: &str) -> Option<String> {
    let file = name.rsplit('/').next().unwrap_or(name);
    file.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .filter(|e| !e.is_empty() && e.len() <= 5)
}

/// Folders and files that hold nothing a rule reads, and why. Matched
/// against every path component (folder or file stem, lower case).
pub(super) fn skip_reason(component: &str) -> Option<&'static str> {
    Some(match component {
        "ads_information"
        | "ads"
        | "ads_and_businesses"
        | "ads_and_topics"
        | "your_topics"
        | "off-facebook_activity"
        | "apps_and_websites_off_of_instagram"
        | "apps_and_websites_off_of_facebook"
        | "apps_and_websites"
        | "instagram_ads_and_businesses"
        | "locations_of_interest"
        | "inferred_data"
        | "ads_interests" => "advertising data and activity off the platform",
        "friends"
        | "connections"
        | "followers_and_following"
        | "following_and_followers"
        | "contacts"
        | "friends_and_followers"
        | "your_address_books" => {
            "connections: names of friends, followers and contacts, no content"
        }
        "likes_and_reactions"
        | "likes"
        | "liked_posts"
        | "saved"
        | "saved_items"
        | "saved_items_and_collections"
        | "saved_posts"
        | "story_likes" => {
            "likes, reactions and saved items: other people's content the account interacted with"
        }
        "security_and_login_information"
        | "login_and_account_creation"
        | "logged_information"
        | "device_information"
        | "account_activity"
        | "login_and_profile_changes" => "security, login and device records",
        "location_history" | "location" => "device location history (not published content)",
        "search_history" | "recent_searches" | "your_search_history" | "search" => "search history",
        "preferences"
        | "your_preferences"
        | "comments_settings"
        | "language_and_locale"
        | "settings"
        | "notifications" => "settings and preferences",
        "marketplace" | "payment_history" | "shopping" | "digital_wallets" | "monetization"
        | "fundraisers" | "loyalty_accounts" | "avatars_store" | "facebook_payments"
        | "payments" => "shopping, payments and monetisation",
        "events" => "event invitations and responses",
        "other_activity"
        | "pokes"
        | "polls_you_voted_on"
        | "story_sticker_interactions"
        | "guides"
        | "reports"
        | "past_instagram_insights"
        | "your_interactions_on_facebook"
        | "activity_messages" => "activity records without authored text",
        "stickers_used" => "Messenger stickers the account used",
        "calls_and_messages" | "call_logs" | "message_logs" => {
            "phone call and SMS logs uploaded from the Messenger app (numbers only)"
        }
        "secret_conversations" => "secret conversations: the list of devices only",
        "account_information"
        | "professional_information"
        | "profile_changes"
        | "signup_information"
        | "account_privacy_changes"
        | "instagram_profile_information"
        | "profile_update_history"
        | "friend_peer_group"
        | "your_pages"
        | "pages"
        | "your_groups"
        | "your_group_membership_activity"
        | "account_based_in" => "account settings and status: no authored text",
        _ => return None,
    })
}

/// Keys whose presence in a sniff shows a file with content to read.
pub(super) const CONTENT_KEYS: &[&str] = &[
    "status_updates",
    "group_posts_v2",
    "comments_v2",
    "group_comments_v2",
    "profile_v2",
    "other_photos_v2",
    "videos_v2",
    "wall_posts_sent_to_you",
    "participants",
    "threadName",
    "profile_user",
    "comments_media_comments",
    "ig_stories",
    "ig_reels_media",
    "ig_profile_picture",
    "ig_archived_post_media",
    "ig_recently_deleted_media",
    "ig_other_media",
    "media_comments",
    "live_comments",
];

pub(super) const FACEBOOK_KEYS: &[&str] = &[
    "status_updates",
    "group_posts_v2",
    "comments_v2",
    "group_comments_v2",
    "profile_v2",
    "other_photos_v2",
    "videos_v2",
    "wall_posts_sent_to_you",
];

/// What a sniff shows: `Some(true)` content, `Some(false)` a known
/// non-content file, `None` nothing recognised.
pub(super) fn classify_sniff(sn: &json::Sniff, file: &str) -> Result<Kind, Disposition> {
    if sn.top("$schema") {
        return Err(Disposition::Skipped(
            "a JSON Schema describing an export file, not export data".into(),
        ));
    }
    if sn.top(records::threads::POSTS_KEY) || sn.top(records::threads::PROFILE_KEY) {
        return Ok(Kind::Json);
    }
    if let Some(why) = sn
        .keys
        .iter()
        .filter(|(d, _)| *d == 1)
        .find_map(|(_, k)| records::threads::skip_reason(k))
    {
        return Err(Disposition::Skipped(why.into()));
    }
    if CONTENT_KEYS.iter().any(|k| sn.has(k))
        || (sn.top("messages") && (sn.has("sender_name") || sn.has("timestamp_ms")))
        || (sn.top("profile") && !sn.array)
        || (sn.top("photos") && (sn.top("name") || sn.top("cover_photo")))
        || (sn.has("caption") && sn.has("path"))
        || (sn.top("videos") && sn.has("uri"))
        || (sn.array && sn.top("media") && sn.has("uri"))
        || (sn.array && sn.top("timestamp") && (sn.top("data") || sn.top("attachments")))
        || (sn.top("timestamp") && sn.top("label_values"))
        || (sn.has("string_map_data") && file.contains("comment"))
        || (sn.has("string_list_data") && file.contains("comment"))
        || (!sn.array && sn.top("comments") && sn.has("timestamp"))
    {
        return Ok(Kind::Json);
    }
    Err(Disposition::Unknown)
}

pub(super) fn evidence_of(name: &str, sn: Option<&json::Sniff>, ev: &mut Evidence) {
    let lower = name.to_lowercase();
    for c in lower.split('/') {
        if c.starts_with("instagram") || c == "your_instagram_activity" {
            ev.instagram += 1;
        }
        if c.starts_with("facebook")
            || c == "your_facebook_activity"
            || c == "your_activity_across_facebook"
            || c == "this_profile's_activity_across_facebook"
            || c == "comments_and_reactions"
            || c == "photos_and_videos"
        {
            ev.facebook += 1;
        }
    }
    let file = lower.rsplit('/').next().unwrap_or(&lower);
    if file.starts_with("your_posts")
        || file.starts_with("profile_posts")
        || file == "profile_information.json"
    {
        ev.facebook += 1;
    }
    if file.starts_with("post_comments")
        || file == "liked_posts.json"
        || file == "personal_information.json"
    {
        ev.instagram += 1;
    }
    if lower.ends_with("html/messages.htm")
        || lower.ends_with("html/timeline.htm")
        || lower.ends_with("html/wall.htm")
    {
        ev.facebook += 1;
    }
    if let Some(sn) = sn {
        if FACEBOOK_KEYS.iter().any(|k| sn.has(k))
            || (sn.top("photos") && sn.top("name"))
            || sn.keys.iter().any(|(d, k)| *d == 1 && k.ends_with("_v2"))
        {
            ev.facebook += 1;
        }
        // Threads ships inside the Instagram export.
        if sn
            .keys
            .iter()
            .any(|(_, k)| k.starts_with("ig_") || k.starts_with("text_post_app_"))
            || sn.has("profile_user")
            || sn.has("comments_media_comments")
            || sn.has("string_map_data")
            || (sn.array && sn.top("media") && !sn.top("timestamp"))
            || (sn.has("caption") && sn.has("taken_at"))
            || sn.top("media_comments")
            || sn.top("live_comments")
            || (sn.array && sn.top("conversation") && sn.top("participants"))
        {
            ev.instagram += 1;
        }
        if sn.has("participants") || sn.has("threadName") || sn.has("sender_name") {
            ev.either += 1;
        }
    }
    if is_message_file(file) {
        ev.either += 1;
    }
}

/// `message_1.json`, `message_12.json`.
pub(super) fn is_message_file(file: &str) -> bool {
    file.strip_prefix("message_")
        .and_then(|r| r.strip_suffix(".json"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

pub(super) fn head(archive: &Archive, entry: &Entry<'_>, n: u64) -> Option<Vec<u8>> {
    archive
        .with_entry(entry, |r| {
            let mut b = Vec::new();
            r.take(n).read_to_end(&mut b).map(|_| b)
        })
        .ok()?
        .ok()
}

/// HTML pages are sniffed for their product only while nothing else has
/// told it; Meta's pages carry ~40 KiB of inline CSS before the body.
pub(super) const MAX_HTML_SNIFFS: usize = 20;
pub(super) const HTML_SNIFF_BYTES: u64 = 128 << 10;

/// Links and labels Meta's HTML pages carry in their header.
pub(super) fn html_evidence(head: &[u8], ev: &mut Evidence) {
    let h = String::from_utf8_lossy(head).to_lowercase();
    if h.contains("instagram.com") || h.contains("instagram-logo") {
        ev.instagram += 1;
    } else if h.contains("facebook.com")
        || h.contains("aria-label=\"facebook\"")
        || h.contains("html/messages.htm")
        || h.contains("html/timeline.htm")
        || h.contains("html/wall.htm")
        || h.contains("html/contact_info.htm")
        || h.contains("class=\"message_header\"")
        || h.contains("fbcdn.net")
    {
        ev.facebook += 1;
    }
}

/// Looks at every entry: what it is and which product it points to.
pub fn survey(archive: &Archive) -> Survey {
    let mut s = Survey {
        kinds: crate::platform::EntryKinds::new(archive.entries().len()),
        evidence: Evidence::default(),
        e2ee: false,
        profile: None,
        threads: 0,
        content: 0,
    };
    let mut threads_profile = false;
    let mut html_sniffs = 0;
    for e in archive.entries() {
        let name = e.name.as_str();
        let lower = name.to_lowercase();
        let file = lower.rsplit('/').next().unwrap_or(&lower).to_string();
        let extension = ext(&file);
        let mut sniffed = None;
        let kind = classify_name(&lower, &file, extension.as_deref(), e.size);
        let kind = match kind {
            Some(k) => k,
            None if extension.as_deref() == Some("json") => {
                match head(archive, &e, SNIFF_BYTES)
                    .as_deref()
                    .and_then(json::sniff)
                {
                    Some(sn) => {
                        let k = classify_sniff(&sn, &file);
                        if sn.has("threadName") || sn.has("senderName") {
                            s.e2ee = true;
                        }
                        if (s.profile.is_none() || threads_profile)
                            && (sn.has("profile_v2") || sn.has("profile_user"))
                        {
                            s.profile = Some(e.name.to_string());
                            threads_profile = false;
                        }
                        let posts = sn.top(records::threads::POSTS_KEY);
                        let profile = sn.top(records::threads::PROFILE_KEY);
                        if posts || profile {
                            s.threads += 1;
                        }
                        // The Threads profile names the account only when
                        // the export has no Instagram profile.
                        if profile && s.profile.is_none() {
                            s.profile = Some(e.name.to_string());
                            threads_profile = true;
                        }
                        sniffed = Some(sn);
                        k
                    }
                    // Unreadable or not JSON at all: reading it says why.
                    None => Ok(Kind::Json),
                }
            }
            None if matches!(extension.as_deref(), Some("html" | "htm")) => {
                // A page whose name says nothing: the ≤2018 Messenger
                // markup is recognisable by its classes.
                match head(archive, &e, HTML_SNIFF_BYTES) {
                    Some(h) if memchr::memmem::find(&h, b"class=\"message_header\"").is_some() => {
                        Ok(Kind::Html(html::Page::Messages))
                    }
                    _ => Err(Disposition::Unknown),
                }
            }
            None => Err(Disposition::Unknown),
        };
        evidence_of(&name, sniffed.as_ref(), &mut s.evidence);
        if matches!(extension.as_deref(), Some("html" | "htm"))
            && e.size > 0
            && html_sniffs < MAX_HTML_SNIFFS
            && s.evidence.facebook + s.evidence.instagram == 0
        {
            html_sniffs += 1;
            if let Some(h) = head(archive, &e, HTML_SNIFF_BYTES) {
                html_evidence(&h, &mut s.evidence);
            }
        }
        if matches!(kind, Ok(Kind::Json | Kind::Html(_))) {
            s.content += 1;
        }
        s.kinds.insert(&e, kind);
    }
    s
}

/// Decides by name alone where that is safe; `None` means sniff the content.
pub(super) fn classify_name(
    lower: &str,
    file: &str,
    extension: Option<&str>,
    size: u64,
) -> Option<Result<Kind, Disposition>> {
    let skip = |why: &str| Some(Err(Disposition::Skipped(why.to_string())));
    if size == 0 {
        return skip("empty file (0 bytes): nothing to read");
    }
    if file == "no-data.txt" {
        return skip("Meta's placeholder for a category with no data");
    }
    if matches!(file, "license" | "license.md" | "readme.md" | "license.txt") {
        return skip("added by whoever published this copy; not part of Meta's export");
    }
    let is_doc = matches!(extension, Some("json" | "html" | "htm"));
    if is_doc {
        let stem = file.rsplit_once('.').map(|(s, _)| s).unwrap_or(file);
        let stem_base = stem
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .trim_end_matches('_');
        for c in lower.split('/').rev().skip(1).chain([stem, stem_base]) {
            if let Some(why) = skip_reason(c) {
                return skip(why);
            }
        }
    }
    match extension {
        Some("json") => {
            if is_message_file(file) {
                return Some(Ok(Kind::Json));
            }
            None
        }
        Some("html" | "htm") => {
            if let Some(p) = html::page_kind(lower) {
                return Some(Ok(Kind::Html(p)));
            }
            if matches!(file, "index.html" | "index.htm" | "start_here.html") {
                return skip("the HTML export's index page: links to the other pages");
            }
            None
        }
        Some("css" | "js" | "svg" | "ico" | "woff" | "woff2" | "ttf")
            if lower
                .split('/')
                .any(|c| c == "files" || c == "assets" || c == "html") =>
        {
            skip("styling and scripts of the HTML viewer")
        }
        Some(e) if IMAGE_EXT.contains(&e) || VIDEO_EXT.contains(&e) => Some(Ok(Kind::MediaFile)),
        Some(e)
            if OTHER_MEDIA_EXT.contains(&e)
                && lower
                    .split('/')
                    .any(|c| c == "messages" || c == "files" || c == "media" || c == "audio") =>
        {
            skip("a file sent or attached in the export; listed on the record that attaches it")
        }
        // Instagram writes media with no extension (stories, reels, videos).
        None if lower
            .split('/')
            .any(|c| c == "media" || c == "photos" || c == "videos") =>
        {
            Some(Ok(Kind::MediaFile))
        }
        _ => Some(Err(Disposition::Unknown)),
    }
}

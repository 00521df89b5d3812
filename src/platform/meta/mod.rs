//! What Facebook and Instagram exports share: the mojibake repair, the JSON
//! shapes (Instagram DMs are Messenger threads; both use the same media
//! objects and EXIF block), the HTML page generations, and the way files
//! are recognised — by content (a sniff of the first bytes) and by name
//! patterns that survive Meta's layout moves, never by one fixed path.
//! Format notes: docs/FORMATS.md, "Facebook" and "Instagram".
//!
//! `facebook` and `instagram` are thin `Platform`s over `MetaUnit`.

pub mod html;
pub mod json;
pub mod mojibake;
pub mod records;
#[cfg(test)]
pub mod testing;

use super::*;
use crate::record::RecordKind;
use std::collections::HashMap;
use std::io::Read;

/// Which Meta product an archive is from; the `platform` column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavor {
    Facebook,
    Instagram,
}

impl Flavor {
    pub fn name(self) -> &'static str {
        match self {
            Flavor::Facebook => "facebook",
            Flavor::Instagram => "instagram",
        }
    }
}

/// JSON and HTML files are loaded whole, repaired and parsed; larger ones
/// are reported as failed with this limit named. Meta splits Messenger
/// threads at ~10,000 messages per file and posts into numbered files, so
/// real files stay far below it.
pub const MAX_DOCUMENT: u64 = 256 << 20;

/// Bytes read from each JSON file at open to recognise it.
const SNIFF_BYTES: u64 = 16 << 10;

/// What a readable entry is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    Json,
    Html(html::Page),
    /// A photo, video or other file: a Media record, EXIF GPS for images.
    MediaFile,
}

/// How a file counts as evidence for one product.
#[derive(Clone, Copy, Debug, Default)]
struct Evidence {
    facebook: u32,
    instagram: u32,
    /// Meta files both products share (Messenger-shaped threads).
    either: u32,
}

/// The result of looking at every entry once.
pub struct Survey {
    kinds: HashMap<String, Result<Kind, Disposition>>,
    evidence: Evidence,
    /// Entry names whose sniff showed an E2EE Messenger thread.
    e2ee: bool,
    /// A small file holding the account name, if any.
    profile: Option<String>,
}

const IMAGE_EXT: &[&str] = &[
    "jpg", "jpeg", "png", "gif", "webp", "heic", "heif", "tif", "tiff", "bmp",
];
use crate::vocab::VIDEO_EXTENSIONS as VIDEO_EXT;
const OTHER_MEDIA_EXT: &[&str] = &[
    "mp3", "m4a", "aac", "wav", "ogg", "opus", "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx",
    "txt", "zip", "csv",
];

fn ext(name: &str) -> Option<String> {
    let file = name.rsplit('/').next().unwrap_or(name);
    file.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .filter(|e| !e.is_empty() && e.len() <= 5)
}

/// Folders and files that hold nothing a rule reads, and why. Matched
/// against every path component (folder or file stem, lower case).
fn skip_reason(component: &str) -> Option<&'static str> {
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
const CONTENT_KEYS: &[&str] = &[
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
];

const FACEBOOK_KEYS: &[&str] = &[
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
fn classify_sniff(sn: &json::Sniff, file: &str) -> Result<Kind, Disposition> {
    if sn.top("$schema") {
        return Err(Disposition::Skipped(
            "a JSON Schema describing an export file, not export data".into(),
        ));
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

fn evidence_of(name: &str, sn: Option<&json::Sniff>, ev: &mut Evidence) {
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
    if lower.ends_with("html/messages.htm") || lower.ends_with("html/timeline.htm") {
        ev.facebook += 1;
    }
    if let Some(sn) = sn {
        if FACEBOOK_KEYS.iter().any(|k| sn.has(k))
            || (sn.top("photos") && sn.top("name"))
            || sn.keys.iter().any(|(d, k)| *d == 1 && k.ends_with("_v2"))
        {
            ev.facebook += 1;
        }
        if sn.keys.iter().any(|(_, k)| k.starts_with("ig_"))
            || sn.has("profile_user")
            || sn.has("comments_media_comments")
            || sn.has("string_map_data")
            || (sn.array && sn.top("media") && !sn.top("timestamp"))
            || (sn.has("caption") && sn.has("taken_at"))
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
fn is_message_file(file: &str) -> bool {
    file.strip_prefix("message_")
        .and_then(|r| r.strip_suffix(".json"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

fn head(archive: &Archive, entry: &EntryInfo, n: u64) -> Option<Vec<u8>> {
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
const MAX_HTML_SNIFFS: usize = 20;
const HTML_SNIFF_BYTES: u64 = 128 << 10;

/// Links and labels Meta's HTML pages carry in their header.
fn html_evidence(head: &[u8], ev: &mut Evidence) {
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
        kinds: HashMap::new(),
        evidence: Evidence::default(),
        e2ee: false,
        profile: None,
    };
    let mut html_sniffs = 0;
    for e in archive.entries() {
        let lower = e.name.to_lowercase();
        let file = lower.rsplit('/').next().unwrap_or(&lower).to_string();
        let extension = ext(&file);
        let mut sniffed = None;
        let kind = classify_name(&lower, &file, extension.as_deref(), e.size);
        let kind = match kind {
            Some(k) => k,
            None if extension.as_deref() == Some("json") => {
                match head(archive, e, SNIFF_BYTES)
                    .as_deref()
                    .and_then(json::sniff)
                {
                    Some(sn) => {
                        let k = classify_sniff(&sn, &file);
                        if sn.has("threadName") || sn.has("senderName") {
                            s.e2ee = true;
                        }
                        if s.profile.is_none() && (sn.has("profile_v2") || sn.has("profile_user")) {
                            s.profile = Some(e.name.clone());
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
                match head(archive, e, HTML_SNIFF_BYTES) {
                    Some(h) if memchr::memmem::find(&h, b"class=\"message_header\"").is_some() => {
                        Ok(Kind::Html(html::Page::Messages))
                    }
                    _ => Err(Disposition::Unknown),
                }
            }
            None => Err(Disposition::Unknown),
        };
        evidence_of(&e.name, sniffed.as_ref(), &mut s.evidence);
        if matches!(extension.as_deref(), Some("html" | "htm"))
            && e.size > 0
            && html_sniffs < MAX_HTML_SNIFFS
            && s.evidence.facebook + s.evidence.instagram == 0
        {
            html_sniffs += 1;
            if let Some(h) = head(archive, e, HTML_SNIFF_BYTES) {
                html_evidence(&h, &mut s.evidence);
            }
        }
        s.kinds.insert(e.name.clone(), kind);
    }
    s
}

/// Decides by name alone where that is safe; `None` means sniff the content.
fn classify_name(
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

/// Opens the archive as `flavor` when the evidence says it is that product's.
pub fn open(archive: &Archive, flavor: Flavor) -> Option<Box<dyn Unit>> {
    let survey = survey(archive);
    let ev = survey.evidence;
    let mine = match flavor {
        Flavor::Instagram => ev.instagram > 0 && ev.instagram > ev.facebook,
        Flavor::Facebook => {
            (ev.facebook > 0 || ev.either > 0 || survey.e2ee) && ev.facebook >= ev.instagram
        }
    };
    if !mine {
        return None;
    }
    Some(Box::new(MetaUnit::new(archive, flavor, survey)))
}

pub struct MetaUnit {
    flavor: Flavor,
    account: String,
    layout: String,
    kinds: HashMap<String, Result<Kind, Disposition>>,
    /// Entries by lower-case base name, for resolving media `uri`s.
    by_base: HashMap<String, Vec<String>>,
    open_warnings: Vec<String>,
}

impl MetaUnit {
    fn new(archive: &Archive, flavor: Flavor, survey: Survey) -> MetaUnit {
        let mut by_base: HashMap<String, Vec<String>> = HashMap::new();
        for e in archive.entries() {
            let base = e.name.rsplit('/').next().unwrap_or(&e.name).to_lowercase();
            by_base.entry(base).or_default().push(e.name.clone());
        }
        let mut unit = MetaUnit {
            flavor,
            account: String::new(),
            layout: layout(archive, flavor, survey.e2ee),
            kinds: survey.kinds,
            by_base,
            open_warnings: Vec::new(),
        };
        if let Some(p) = survey.profile.as_deref().and_then(|p| archive.entry(p)) {
            match archive.read(p, MAX_DOCUMENT).and_then(|b| json::parse(&b)) {
                Ok(mut v) => {
                    mojibake::repair_value(&mut v);
                    unit.account = account_name(&v).unwrap_or_default();
                }
                Err(e) => unit.open_warnings.push(format!("{}: {e}", p.name)),
            }
        }
        if unit.account.is_empty() {
            unit.account = account_from_root(archive, flavor).unwrap_or_default();
        }
        unit
    }

    fn resolve(&self, uri: &str) -> Option<String> {
        let uri = uri.trim_start_matches("./").trim_start_matches('/');
        let base = uri.rsplit('/').next()?.to_lowercase();
        let candidates = self.by_base.get(&base)?;
        let best = candidates
            .iter()
            .filter(|c| c.as_str() == uri || c.ends_with(&format!("/{uri}")))
            .min_by_key(|c| c.len());
        if let Some(b) = best {
            return Some(b.clone());
        }
        // 2023 exports: the uri's top folder does not match the real one
        // (docs/FORMATS.md, "Facebook", "Quirks handled"); take the longest
        // shared path suffix.
        let score = |c: &String| {
            c.rsplit('/')
                .zip(uri.rsplit('/'))
                .take_while(|(a, b)| a.eq_ignore_ascii_case(b))
                .count()
        };
        let max = candidates.iter().map(score).max()?;
        let top: Vec<&String> = candidates.iter().filter(|c| score(c) == max).collect();
        (top.len() == 1 && max >= 2 || candidates.len() == 1).then(|| top[0].clone())
    }

    fn read_json(
        &self,
        archive: &Archive,
        entry: &EntryInfo,
        out: &mut EntryOutcome,
        emit: &mut dyn FnMut(Record),
    ) {
        let bytes = match archive.read(entry, MAX_DOCUMENT) {
            Ok(b) => b,
            Err(e) => {
                out.error = Some(e);
                return;
            }
        };
        let mut v = match json::parse(&bytes) {
            Ok(v) => v,
            Err(e) => {
                out.error = Some(e);
                return;
            }
        };
        drop(bytes);
        mojibake::repair_value(&mut v);
        let resolve = |u: &str| self.resolve(u);
        let mut ctx = records::Ctx {
            flavor: self.flavor,
            account: &self.account,
            entry: &entry.name,
            resolve: &resolve,
            emit,
            out,
        };
        ctx.root(&v);
    }

    fn read_html(
        &self,
        archive: &Archive,
        entry: &EntryInfo,
        page: html::Page,
        out: &mut EntryOutcome,
        emit: &mut dyn FnMut(Record),
    ) {
        let bytes = match archive.read(entry, html::MAX_HTML) {
            Ok(b) => b,
            Err(e) => {
                out.error = Some(e);
                return;
            }
        };
        // Meta declares UTF-8; a stray invalid byte becomes U+FFFD and is named.
        let text = String::from_utf8_lossy(&bytes);
        if let std::borrow::Cow::Owned(_) = text
            && let Err(e) = std::str::from_utf8(&bytes)
        {
            out.warn(format!(
                "{}: not valid UTF-8 at byte {}; invalid bytes were replaced",
                entry.name,
                e.valid_up_to()
            ));
        }
        let mut ctx = html::Ctx {
            flavor: self.flavor,
            account: &self.account,
            entry: &entry.name,
            emit,
            out,
            bad_dates: 0,
            first_bad: None,
        };
        ctx.page(&text, page);
    }

    fn read_media(
        &self,
        archive: &Archive,
        entry: &EntryInfo,
        out: &mut EntryOutcome,
        emit: &mut dyn FnMut(Record),
    ) {
        let name = entry.name.rsplit('/').next().unwrap_or(&entry.name);
        let mut r = Record::new(self.flavor.name(), RecordKind::Media, name);
        r.account = self.account.clone();
        r.entry = entry.name.clone();
        r.push_field("media_name", name);
        r.media.push(entry.name.clone());
        let video = ext(name).is_some_and(|e| VIDEO_EXT.contains(&e.as_str()));
        if !video {
            r.locations
                .extend(crate::platform::exif::location(archive, entry, out));
        }
        emit(r);
        out.records += 1;
    }
}

/// The account name from a profile document: Facebook `profile_v2.name`,
/// Instagram `profile_user[].string_map_data.Username`.
fn account_name(v: &serde_json::Value) -> Option<String> {
    let p = v.get("profile_v2").or_else(|| v.get("profile"));
    if let Some(p) = p {
        let n = p.get("name");
        let name = n
            .and_then(|n| n.get("full_name"))
            .or(n)
            .and_then(|n| n.as_str());
        return name.map(String::from);
    }
    let u = v
        .get("profile_user")?
        .as_array()?
        .first()?
        .get("string_map_data")?;
    ["Username", "Name"]
        .iter()
        .find_map(|k| u.get(*k)?.get("value")?.as_str())
        .map(String::from)
}

/// `facebook-<user>-<date>-<id>/` or `instagram-<user>-<date>-<id>/`.
fn account_from_root(archive: &Archive, flavor: Flavor) -> Option<String> {
    let prefix = format!("{}-", flavor.name());
    archive.entries().iter().find_map(|e| {
        e.name.split('/').find_map(|c| {
            let rest = c
                .to_lowercase()
                .strip_prefix(&prefix)
                .map(|_| &c[prefix.len()..])?;
            let parts: Vec<&str> = rest.split('-').collect();
            (parts.len() >= 2)
                .then(|| parts[0].to_string())
                .filter(|u| !u.is_empty())
        })
    })
}

/// A sentence naming the generation, from the folders present.
fn layout(archive: &Archive, flavor: Flavor, e2ee: bool) -> String {
    let has = |needle: &str| archive.entries().iter().any(|e| e.name.contains(needle));
    let json = archive.entries().iter().any(|e| e.name.ends_with(".json"));
    let html = archive
        .entries()
        .iter()
        .any(|e| e.name.ends_with(".html") || e.name.ends_with(".htm"));
    let format = match (json, html) {
        (true, true) => "JSON and HTML",
        (false, true) => "HTML",
        _ => "JSON",
    };
    match flavor {
        Flavor::Facebook => {
            let era = if has("this_profile's_activity_across_facebook/") {
                "Page/profile export (this_profile's_activity_across_facebook/)"
            } else if has("your_facebook_activity/") {
                "2024+ layout (your_facebook_activity/)"
            } else if has("your_activity_across_facebook/") {
                "2022–2023 layout (your_activity_across_facebook/)"
            } else if has("comments_and_reactions/") || has("posts/your_posts_") {
                "2020–2022 layout"
            } else if has("photos_and_videos/")
                || has("posts/your_posts.json")
                || has("posts/album/")
            {
                "2018–2020 layout"
            } else if has("html/messages.htm") || has("html/timeline.htm") || has("index.htm") {
                "pre-2018 archive"
            } else if e2ee {
                "end-to-end-encrypted Messenger download"
            } else {
                "loose files (layout not identified)"
            };
            format!("Facebook {format} export, {era}")
        }
        Flavor::Instagram => {
            let era = if has("your_instagram_activity/") {
                "2024+ layout (your_instagram_activity/)"
            } else if has("content/") || has("media/posts/") {
                "2021–2023 layout (content/)"
            } else if has("media.json") {
                "≤2020 layout (media.json)"
            } else {
                "loose files (layout not identified)"
            };
            format!("Instagram {format} export, {era}")
        }
    }
}

impl Unit for MetaUnit {
    fn platform(&self) -> &'static str {
        self.flavor.name()
    }

    fn account(&self) -> &str {
        &self.account
    }

    fn layout(&self) -> String {
        self.layout.clone()
    }

    fn disposition(&self, entry: &EntryInfo) -> Disposition {
        match self.kinds.get(&entry.name) {
            Some(Ok(_)) => Disposition::Parse,
            Some(Err(d)) => d.clone(),
            None => Disposition::Unknown,
        }
    }

    fn read(
        &self,
        archive: &Archive,
        entry: &EntryInfo,
        emit: &mut dyn FnMut(Record),
    ) -> EntryOutcome {
        let mut out = EntryOutcome::default();
        match self.kinds.get(&entry.name) {
            Some(Ok(Kind::Json)) => self.read_json(archive, entry, &mut out, emit),
            Some(Ok(Kind::MediaFile)) => self.read_media(archive, entry, &mut out, emit),
            Some(Ok(Kind::Html(page))) => self.read_html(archive, entry, *page, &mut out, emit),
            _ => out.error = Some(format!("{} is not a file this reader parses", entry.name)),
        }
        out
    }

    fn finish(&self, _emit: &mut dyn FnMut(Record)) -> Vec<String> {
        self.open_warnings.clone()
    }
}

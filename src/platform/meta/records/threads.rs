//! Threads, which Meta ships inside an Instagram export
//! (`your_instagram_activity/threads/`, or a `threads/` folder on its
//! own): `threads_and_replies.json` holds
//! `{"text_post_app_text_posts": [{"media": [{"uri", "creation_timestamp",
//! "title", "text_app_post": {"is_reply", …}}], "title"?,
//! "creation_timestamp"?}]}`, the post's text in the media `title` (or the
//! item's own `title`), mojibake-encoded like all Meta JSON. The Threads
//! profile is `text_post_app_text_post_app_profile` with the Instagram
//! `string_map_data` shape. Records carry `platform = threads`.
//!
//! The export holds no post id, shortcode or URL, so `record_id` is the
//! creation timestamp (as for Instagram) and `url` is empty unless an item
//! carries a `threads.net`/`threads.com` post link (docs/FORMATS.md,
//! "Threads").

use super::*;
use crate::vocab::{Field, Platform};

/// Top-level keys of the Threads files whose content is read.
pub const POSTS_KEY: &str = "text_post_app_text_posts";
pub const PROFILE_KEY: &str = "text_post_app_text_post_app_profile";

/// Why the other Threads files (all keyed `text_post_app_…`) are not read.
pub fn skip_reason(key: &str) -> Option<&'static str> {
    if !key.starts_with("text_post_app_") || key == POSTS_KEY || key == PROFILE_KEY {
        return None;
    }
    Some(if key.contains("like") {
        "Threads likes: other people's posts the account liked"
    } else if key.contains("saved") {
        "Threads saved posts: other people's posts"
    } else if key.contains("posts_seen") || key.contains("viewed") {
        "Threads posts viewed: other people's posts the account saw"
    } else if key.contains("follow") || key.contains("blocked") || key.contains("unfollow") {
        "Threads connections: followers, following, blocks and requests; no content"
    } else if key.contains("keyword") || key.contains("search") {
        "Threads searches: what the account searched for"
    } else {
        "Threads activity without authored text (settings, interests, apps)"
    })
}

/// `https://www.threads.net/@handle/post/CODE` (or `threads.com`) found
/// in any string of an item, if the export gives one.
fn post_link(v: &Value) -> Option<String> {
    match v {
        Value::String(s)
            if (s.starts_with("https://www.threads.net/")
                || s.starts_with("https://www.threads.com/"))
                && s.contains("/post/") =>
        {
            Some(s.clone())
        }
        Value::Array(a) => a.iter().find_map(post_link),
        Value::Object(o) => o.values().find_map(post_link),
        _ => None,
    }
}

/// `@handle` mentions (Threads handles are Instagram's: letters, digits,
/// `.` and `_`).
fn mentions(text: &str) -> Vec<String> {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?:^|[^\w@.])@([A-Za-z0-9_][A-Za-z0-9_.]{0,29})").expect("valid regex")
    });
    RE.captures_iter(text)
        .map(|c| c[1].trim_end_matches('.').to_string())
        .collect()
}

impl Ctx<'_> {
    /// The items of `text_post_app_text_posts`.
    pub(super) fn threads_posts(&mut self, items: &[Value]) {
        for item in items {
            let Some(o) = item.as_object() else { continue };
            self.threads_post(o);
        }
    }

    pub(super) fn threads_post(&mut self, o: &Map<String, Value>) {
        let media: Vec<&Map<String, Value>> = arr(o, "media")
            .iter()
            .filter_map(Value::as_object)
            .collect();
        let ts = o
            .get("creation_timestamp")
            .or_else(|| media.iter().find_map(|m| m.get("creation_timestamp")));
        let reply = media.iter().any(|m| {
            obj(m, "text_app_post")
                .and_then(|t| t.get("is_reply"))
                .and_then(Value::as_bool)
                .unwrap_or(false)
        });
        let kind = if reply {
            RecordKind::Reply
        } else {
            RecordKind::Post
        };
        let mut r = self.record(kind, raw_id(ts));
        r.platform = Platform::Threads;
        r.created_at = ts.and_then(|t| timestamp(t, false));
        let mut texts: Vec<&str> = Vec::new();
        for t in s(o, "title")
            .into_iter()
            .chain(media.iter().filter_map(|m| s(m, "title")))
        {
            if !texts.contains(&t) {
                texts.push(t);
            }
        }
        for t in &texts {
            r.mentions.extend(mentions(t));
            r.push_field(Field::Text, *t);
        }
        r.url = post_link(&Value::Object(o.clone())).unwrap_or_default();
        let mut files = Vec::new();
        for m in &media {
            if s(m, "uri").is_none() {
                continue;
            }
            let mut mr = self.media_record(m, None);
            mr.platform = Platform::Threads;
            // The caption is the post's text, already on the post.
            mr.fields
                .retain(|f| !(f.name == Field::Title && texts.contains(&f.value.as_str())));
            r.media.extend(mr.media.clone());
            files.push(mr);
        }
        self.send(r);
        for m in files {
            self.send(m);
        }
    }

    /// `text_post_app_text_post_app_profile`: the Threads profile, in the
    /// Instagram `string_map_data` shape (a list or a single object).
    pub(super) fn threads_profile(&mut self, v: &Value) {
        let profiles: Vec<&Map<String, Value>> = match v {
            Value::Array(a) => a.iter().filter_map(Value::as_object).collect(),
            Value::Object(o) => vec![o],
            _ => Vec::new(),
        };
        for p in profiles {
            self.ig_profile(p, Platform::Threads);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_threads_files_are_skipped_with_what_they_hold() {
        assert!(
            skip_reason("text_post_app_media_likes")
                .unwrap()
                .contains("liked")
        );
        assert!(
            skip_reason("text_post_app_text_post_app_followers")
                .unwrap()
                .contains("followers")
        );
        assert!(
            skip_reason("text_post_app_text_post_app_posts_seen")
                .unwrap()
                .contains("saw")
        );
        assert_eq!(skip_reason(POSTS_KEY), None);
        assert_eq!(skip_reason(PROFILE_KEY), None);
        assert_eq!(skip_reason("ig_stories"), None);
    }

    #[test]
    fn mentions_are_threads_handles() {
        assert_eq!(
            mentions("agreed — sync with @pine.marten. mail a@b.com"),
            ["pine.marten"]
        );
    }
}

//! Other text the account holder wrote that is neither a post nor a DM:
//! comments left on Periscope broadcasts (`periscope-comments-made-by-user.js`)
//! and the prompts typed to Grok (`grok-chat-item.js`). Format notes:
//! docs/FORMATS.md, "X / Twitter", "Data files".

use super::de::Id;
use super::{TwitterUnit, text, time};
use crate::record::{Record, RecordKind};
use crate::vocab::Field;
use serde::Deserialize;
use std::borrow::Cow;

/// README: `broadcastId`, `byAccountId`, `createdAt` (2018: `createdAtMsec`),
/// `text`.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct PeriscopeComment {
    broadcast_id: Id,
    text: String,
    created_at: Id,
    created_at_msec: Id,
}

/// A Periscope comment: a `comment` record, its id the broadcast id and
/// the comment's time (the file gives comments no id of their own).
pub(super) fn read_periscope_comment(
    unit: &TwitterUnit,
    json: &str,
    entry: &str,
    warnings: &mut Vec<String>,
    emit: &mut dyn FnMut(Record),
) -> Result<u64, serde_json::Error> {
    // Wrapped as `{"periscopeCommentsMadeByUser": {…}}`; the 2018 root
    // layout may write the object bare.
    let v: serde_json::Value = serde_json::from_str(json)?;
    let c: PeriscopeComment =
        serde_json::from_value(v.get("periscopeCommentsMadeByUser").unwrap_or(&v).clone())?;
    if c.text.trim().is_empty() {
        return Ok(0);
    }
    let when = if c.created_at.is_empty() {
        &c.created_at_msec
    } else {
        &c.created_at
    };
    let created = time::parse(when.as_str());
    if created.is_none() && !when.is_empty() {
        warnings.push(format!(
            "{entry}: comment on broadcast {}: unrecognised date {:?}",
            c.broadcast_id.as_str(),
            when.as_str()
        ));
    }
    let id = match created {
        Some(t) => format!("{}-{}", c.broadcast_id.as_str(), t.as_millisecond()),
        None => c.broadcast_id.as_str().to_string(),
    };
    let mut r = unit.record(RecordKind::Comment, id, entry);
    r.created_at = created;
    let body = text::unescape(&c.text);
    r.mentions = text::mentions(&body);
    r.push_field(Field::Text, body.into_owned());
    r.push_field(Field::Title, "comment on a Periscope live broadcast");
    emit(r);
    Ok(1)
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct GrokElement<'a> {
    #[serde(borrow)]
    grok_chat_item: Option<GrokItem<'a>>,
}

/// `{chatId, createdAt, sender: {name, originalName}, message, grokMode}`.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct GrokItem<'a> {
    chat_id: Id,
    created_at: Id,
    sender: Sender,
    #[serde(borrow)]
    message: Cow<'a, str>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Sender {
    name: String,
    original_name: String,
}

/// What one Grok element was.
pub(super) enum Grok {
    /// A prompt the account holder typed: one `dm` record.
    Prompt,
    /// Grok's answer: not the account's words, not a record.
    Reply,
}

/// A Grok chat item: the user's prompts become `dm` records (a private
/// exchange with a chatbot); Grok's answers are not the account's words.
pub(super) fn read_grok_item(
    unit: &TwitterUnit,
    json: &str,
    entry: &str,
    warnings: &mut Vec<String>,
    emit: &mut dyn FnMut(Record),
) -> Result<Grok, serde_json::Error> {
    let el: GrokElement = serde_json::from_str(json)?;
    let Some(item) = el.grok_chat_item else {
        return Ok(Grok::Reply);
    };
    let by_user = item.sender.original_name.eq_ignore_ascii_case("user")
        || item.sender.name.eq_ignore_ascii_case("user");
    if !by_user || item.message.trim().is_empty() {
        return Ok(Grok::Reply);
    }
    let created = time::parse(item.created_at.as_str());
    if created.is_none() && !item.created_at.is_empty() {
        warnings.push(format!(
            "{entry}: Grok chat {}: unrecognised date {:?}",
            item.chat_id.as_str(),
            item.created_at.as_str()
        ));
    }
    let id = match created {
        Some(t) => format!("{}-{}", item.chat_id.as_str(), t.as_millisecond()),
        None => item.chat_id.as_str().to_string(),
    };
    let mut r = unit.record(RecordKind::Dm, id, entry);
    r.created_at = created;
    if !item.chat_id.is_empty() {
        r.url = format!(
            "https://x.com/i/grok?conversation={}",
            item.chat_id.as_str()
        );
    }
    r.push_field(Field::Text, item.message.into_owned());
    r.push_field(Field::Title, "prompt typed to Grok");
    emit(r);
    Ok(Grok::Prompt)
}

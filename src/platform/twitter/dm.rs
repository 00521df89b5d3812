//! Direct messages: `direct-message.js` (2018–2019, 1:1 and group),
//! `direct-messages.js` and `direct-messages-group.js` (2020+), part files.
//! Header files hold no text and are skipped (see `skip_reason`).

use super::de::Id;
use super::{TwitterUnit, text, time};
use crate::archive::Archive;
use crate::record::{Record, RecordKind};
use crate::vocab::Field;
use serde::Deserialize;
use std::borrow::Cow;

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Element<'a> {
    #[serde(borrow)]
    dm_conversation: Option<Conversation<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Conversation<'a> {
    conversation_id: Id,
    #[serde(borrow)]
    messages: Vec<Event<'a>>,
}

/// One conversation event; joins, leaves and renames carry no text.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Event<'a> {
    #[serde(borrow)]
    message_create: Option<Message<'a>>,
    #[serde(borrow)]
    welcome_message_create: Option<Message<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Message<'a> {
    id: Id,
    #[serde(borrow)]
    text: Cow<'a, str>,
    #[serde(borrow)]
    created_at: Cow<'a, str>,
    #[serde(borrow)]
    urls: Vec<DmUrl<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DmUrl<'a> {
    #[serde(borrow)]
    url: Cow<'a, str>,
    #[serde(borrow)]
    expanded: Cow<'a, str>,
}

/// One `dmConversation`: a record per message.
pub(super) fn read_element(
    unit: &TwitterUnit,
    archive: &Archive,
    json: &str,
    entry: &str,
    warnings: &mut Vec<String>,
    emit: &mut dyn FnMut(Record),
) -> Result<u64, serde_json::Error> {
    let el: Element = serde_json::from_str(json)?;
    let Some(conv) = el.dm_conversation else {
        return Ok(0);
    };
    let mut n = 0;
    for ev in conv.messages {
        let Some(m) = ev.message_create.or(ev.welcome_message_create) else {
            continue;
        };
        let mut r = unit.record(RecordKind::Dm, m.id.0, entry);
        if !conv.conversation_id.is_empty() {
            r.url = format!("https://x.com/messages/{}", conv.conversation_id.as_str());
        }
        if !m.created_at.is_empty() {
            r.created_at = time::parse(&m.created_at);
            if r.created_at.is_none() {
                warnings.push(format!(
                    "{entry}: message {}: unrecognised date {:?}",
                    r.id, m.created_at
                ));
            }
        }
        let pairs: Vec<(&str, &str)> = m.urls.iter().map(|u| (&*u.url, &*u.expanded)).collect();
        r.push_field(
            Field::Text,
            text::expand_links(&text::unescape(&m.text), &pairs),
        );
        for u in &m.urls {
            r.push_field(Field::Link, u.expanded.to_string());
        }
        r.media = unit.media_of(archive, &r.id);
        emit(r);
        n += 1;
    }
    Ok(n)
}

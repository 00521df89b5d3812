//! Legacy Grailbird tweet archive (≤2019): `user_details.js`,
//! `tweet_index.js`, `payload_details.js` and `tweets.csv`. The monthly
//! `data/js/tweets/YYYY_MM.js` files share the tweet reader (`tweet.rs`).

use super::de::Id;
use super::{TwitterUnit, text, time};
use crate::archive::{Archive, Entry};
use crate::platform::EntryOutcome;
use crate::record::{Record, RecordKind};
use crate::vocab::Field;
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct UserDetails {
    pub screen_name: String,
    pub bio: Option<String>,
    pub location: Option<String>,
    pub url: Option<String>,
    pub expanded_url: Option<String>,
    pub created_at: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct IndexEntry {
    pub file_name: String,
    pub tweet_count: Id,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Payload {
    pub created_at: String,
}

/// `user_details.js` → the Profile record (bio and location carry PII in
/// real archives; the file: docs/FORMATS.md, "X / Twitter", "Data files").
pub(super) fn read_user_details(
    unit: &TwitterUnit,
    archive: &Archive,
    entry: &Entry<'_>,
    out: &mut EntryOutcome,
    emit: &mut dyn FnMut(Record),
) {
    let u: UserDetails = match TwitterUnit::small_json(archive, entry) {
        Ok(u) => u,
        Err(e) => {
            out.error = Some(e.to_string());
            return;
        }
    };
    let mut r = unit.record(RecordKind::Profile, "profile", &entry.name.as_str());
    if !u.screen_name.is_empty() {
        r.url = format!("https://x.com/{}", u.screen_name);
    }
    r.created_at = u.created_at.as_deref().and_then(time::parse);
    for (name, v) in [
        (Field::Bio, u.bio),
        (Field::Location, u.location),
        (Field::Website, u.expanded_url.or(u.url)),
    ] {
        if let Some(v) = v {
            r.push_field(name, text::unescape(&v).into_owned());
        }
    }
    emit(r);
    out.records += 1;
}

/// `tweets.csv`, read only when the monthly JS files are absent. Quoted
/// multi-line fields need a real CSV parser.
pub(super) fn read_csv(
    unit: &TwitterUnit,
    archive: &Archive,
    entry: &Entry<'_>,
    out: &mut EntryOutcome,
    emit: &mut dyn FnMut(Record),
) {
    let res = archive.with_entry(entry, |r| {
        let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(r);
        let headers = match rdr.headers() {
            Ok(h) => h.clone(),
            Err(e) => return Err(format!("CSV header: {e}")),
        };
        let col = |name: &str| headers.iter().position(|h| h == name);
        let (Some(id_c), Some(text_c)) = (col("tweet_id"), col("text")) else {
            return Err("CSV lacks the tweet_id/text columns of a Grailbird tweets.csv".into());
        };
        let reply_c = col("in_reply_to_status_id");
        let time_c = col("timestamp");
        let source_c = col("source");
        let rt_c = col("retweeted_status_id");
        let urls_c = col("expanded_urls");
        let mut row = csv::StringRecord::new();
        loop {
            match rdr.read_record(&mut row) {
                Ok(false) => return Ok(()),
                Ok(true) => {}
                Err(e) => {
                    let at = e.position().map(|p| p.byte()).unwrap_or(0);
                    return Err(format!("CSV error at byte {at}: {e}"));
                }
            }
            let get = |c: Option<usize>| c.and_then(|c| row.get(c)).unwrap_or("");
            let id = get(Some(id_c));
            if id.is_empty() {
                continue;
            }
            let body = text::unescape(get(Some(text_c))).into_owned();
            let kind =
                if body.starts_with("RT @") || body.starts_with("RT:") || !get(rt_c).is_empty() {
                    RecordKind::Repost
                } else if !get(reply_c).is_empty() {
                    RecordKind::Reply
                } else {
                    RecordKind::Post
                };
            let mut rec = unit.record(kind, id, &entry.name.as_str());
            rec.url = unit.permalink(id);
            rec.created_at = time::parse(get(time_c));
            if rec.created_at.is_none() && !get(time_c).is_empty() {
                out.undated += 1;
                out.warn(format!("post {id}: unrecognised date {:?}", get(time_c)));
            }
            // The CSV has no short→long map; expanded URLs are listed in the
            // order their t.co links appear in the text.
            let links: Vec<&str> = get(urls_c).split(',').filter(|u| !u.is_empty()).collect();
            let shorts: Vec<&str> = body
                .match_indices("https://t.co/")
                .chain(body.match_indices("http://t.co/"))
                .map(|(i, _)| {
                    let rest = &body[i..];
                    &rest[..rest.find(char::is_whitespace).unwrap_or(rest.len())]
                })
                .collect();
            let pairs: Vec<(&str, &str)> = if shorts.len() == links.len() {
                shorts.iter().copied().zip(links.iter().copied()).collect()
            } else {
                Vec::new()
            };
            rec.push_field(Field::Text, text::expand_links(&body, &pairs));
            for l in &links {
                rec.push_field(Field::Link, l.to_string());
            }
            let src = get(source_c);
            if !src.is_empty() {
                rec.push_field(Field::Client, text::client_name(src));
            }
            for m in text::mentions(&body) {
                rec.mentions.push(m);
            }
            emit(rec);
            out.records += 1;
        }
    });
    match res {
        Ok(Ok(())) => {}
        Ok(Err(e)) => out.error = Some(e),
        Err(e) => out.error = Some(e.to_string()),
    }
}

//! The platform-neutral unit every rule sees: one post, reply, DM, profile,
//! account fact or media item. Readers build these; rules only read them.

pub use crate::vocab::{Field, Platform};
use jiff::Timestamp;

/// What kind of item a record is. The names are the `record_kind` column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Post,
    Reply,
    Repost,
    DeletedPost,
    Dm,
    Comment,
    Profile,
    Account,
    Media,
}

impl RecordKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Post => "post",
            RecordKind::Reply => "reply",
            RecordKind::Repost => "repost",
            RecordKind::DeletedPost => "deleted_post",
            RecordKind::Dm => "dm",
            RecordKind::Comment => "comment",
            RecordKind::Profile => "profile",
            RecordKind::Account => "account",
            RecordKind::Media => "media",
        }
    }

    pub fn parse(s: &str) -> Option<RecordKind> {
        Some(match s {
            "post" => RecordKind::Post,
            "reply" => RecordKind::Reply,
            "repost" => RecordKind::Repost,
            "deleted_post" => RecordKind::DeletedPost,
            "dm" => RecordKind::Dm,
            "comment" => RecordKind::Comment,
            "profile" => RecordKind::Profile,
            "account" => RecordKind::Account,
            "media" => RecordKind::Media,
            _ => return None,
        })
    }

    /// Posts the account published (as opposed to DMs and account facts).
    pub fn is_published(self) -> bool {
        matches!(
            self,
            RecordKind::Post | RecordKind::Reply | RecordKind::Repost | RecordKind::DeletedPost
        )
    }
}

impl std::fmt::Display for RecordKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One named piece of text; `name` is the findings file's `field` column.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldText {
    pub name: Field,
    pub value: String,
}

/// A location attached to a record, from the platform's own geo data
/// (`field = "geo"`) or from a media file's EXIF GPS tags (`field = "exif"`).
#[derive(Clone, Debug, PartialEq)]
pub struct Location {
    /// `Field::Geo` or `Field::Exif`.
    pub field: Field,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Place name or media path, for the investigator.
    pub label: String,
}

#[derive(Clone, Debug)]
pub struct Record {
    pub platform: Platform,
    pub account: String,
    /// Path of the archive entry the record came from.
    pub entry: String,
    pub kind: RecordKind,
    pub id: String,
    pub created_at: Option<Timestamp>,
    pub url: String,
    pub fields: Vec<FieldText>,
    pub locations: Vec<Location>,
    /// Handles the record addresses (@mentions, reply target), without `@`.
    pub mentions: Vec<String>,
    /// Archive entries of media attached to this record.
    pub media: Vec<String>,
}

impl Record {
    pub fn new(platform: Platform, kind: RecordKind, id: impl Into<String>) -> Record {
        Record {
            platform,
            account: String::new(),
            entry: String::new(),
            kind,
            id: id.into(),
            created_at: None,
            url: String::new(),
            fields: Vec::new(),
            locations: Vec::new(),
            mentions: Vec::new(),
            media: Vec::new(),
        }
    }

    /// Adds a field unless the value is empty.
    pub fn push_field(&mut self, name: Field, value: impl Into<String>) {
        let value = value.into();
        if !value.trim().is_empty() {
            self.fields.push(FieldText { name, value });
        }
    }

    pub fn field(&self, name: Field) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.value.as_str())
    }
}

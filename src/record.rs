//! The platform-neutral unit every rule sees: one post, reply, DM, profile,
//! account fact or media item. Readers build these; rules only read them.

pub use crate::vocab::{Field, Platform, RecordKind};
use jiff::Timestamp;

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

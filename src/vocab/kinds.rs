//! What a record is (`RecordKind`, the `record_kind` column) and what
//! happened to an archive entry (`Status`, the coverage report's `status`).

use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// What kind of item a record is. The names are the `record_kind` column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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

impl fmt::Display for RecordKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RecordKind {
    type Err = crate::error::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RecordKind::parse(s).ok_or_else(|| crate::error::Error::UnknownName {
            what: "record kind",
            given: s.to_string(),
            expected: crate::error::Expected(
                "post, reply, repost, deleted_post, dm, comment, profile, account or media".into(),
            ),
        })
    }
}

/// What happened to an archive entry (docs/OUTPUTS.md, "Coverage").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Parsed,
    Skipped,
    Unknown,
    Failed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Parsed => "parsed",
            Status::Skipped => "skipped",
            Status::Unknown => "unknown",
            Status::Failed => "failed",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = crate::error::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [
            Status::Parsed,
            Status::Skipped,
            Status::Unknown,
            Status::Failed,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
        .ok_or_else(|| crate::error::Error::UnknownName {
            what: "coverage status",
            given: s.to_string(),
            expected: crate::error::Expected("parsed, skipped, unknown or failed".into()),
        })
    }
}

//! The domain vocabulary shared by every layer, defined once: platforms,
//! finding categories and record fields here, severity and confidence in
//! `grades`, record kinds and coverage statuses in `kinds`, and the file
//! extensions more than one module needs. Each has `Display`, `FromStr`
//! and serde; text for them appears only where a sink writes it
//! (docs/ARCHITECTURE.md).

mod dates;
mod grades;
mod kinds;

pub use dates::DateOrder;
pub use grades::{Confidence, Severity};
pub use kinds::{RecordKind, Status};

use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// The platform an archive comes from (the findings file's `platform`
/// column, `--platform`, the coverage and manifest). One reader per
/// platform (src/platform/); Facebook and Instagram share Meta's format.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    serde::Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    Twitter,
    Facebook,
    Instagram,
    Whatsapp,
    Mastodon,
    Bluesky,
    Linkedin,
    Youtube,
    /// Threads posts, which Meta ships inside an Instagram export.
    Threads,
}

impl Platform {
    pub const ALL: [Platform; 9] = [
        Platform::Twitter,
        Platform::Facebook,
        Platform::Instagram,
        Platform::Whatsapp,
        Platform::Mastodon,
        Platform::Bluesky,
        Platform::Linkedin,
        Platform::Youtube,
        Platform::Threads,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Twitter => "twitter",
            Platform::Facebook => "facebook",
            Platform::Instagram => "instagram",
            Platform::Whatsapp => "whatsapp",
            Platform::Mastodon => "mastodon",
            Platform::Bluesky => "bluesky",
            Platform::Linkedin => "linkedin",
            Platform::Youtube => "youtube",
            Platform::Threads => "threads",
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Platform {
    type Err = crate::error::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Platform::ALL
            .into_iter()
            .find(|p| p.as_str() == s)
            .ok_or_else(|| crate::error::Error::UnknownName {
                what: "platform",
                given: s.to_string(),
                expected: crate::error::Expected({
                    let all: Vec<&str> = Platform::ALL.iter().map(|p| p.as_str()).collect();
                    format!("one of {}", all.join(", "))
                }),
            })
    }
}

/// What kind of policy breach a rule looks for (the findings file's
/// `category` column, docs/OUTPUTS.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    PatientData,
    PersonalData,
    Confidential,
    Conduct,
    Safeguarding,
    Links,
    Political,
    Commercial,
    Location,
    Credit,
    Language,
    Account,
}

impl Category {
    pub const ALL: [Category; 12] = [
        Category::PatientData,
        Category::PersonalData,
        Category::Confidential,
        Category::Conduct,
        Category::Safeguarding,
        Category::Links,
        Category::Political,
        Category::Commercial,
        Category::Location,
        Category::Credit,
        Category::Language,
        Category::Account,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::PatientData => "patient-data",
            Category::PersonalData => "personal-data",
            Category::Confidential => "confidential",
            Category::Conduct => "conduct",
            Category::Safeguarding => "safeguarding",
            Category::Links => "links",
            Category::Political => "political",
            Category::Commercial => "commercial",
            Category::Location => "location",
            Category::Credit => "credit",
            Category::Language => "language",
            Category::Account => "account",
        }
    }

    /// A heading for people (the summary page).
    pub fn label(self) -> &'static str {
        match self {
            Category::PatientData => "Patient data",
            Category::PersonalData => "Personal data",
            Category::Confidential => "Confidential information",
            Category::Conduct => "Conduct",
            Category::Safeguarding => "Safeguarding",
            Category::Links => "Links",
            Category::Political => "Political (pre-election)",
            Category::Commercial => "Commercial endorsement",
            Category::Location => "Location",
            Category::Credit => "Credit and copyright",
            Category::Language => "Language",
            Category::Account => "Account security",
        }
    }

    /// Matches of these categories are personal data: `--redact` masks
    /// them. Words from a lexicon (an obscenity, a party name) are not.
    pub fn is_personal(self) -> bool {
        matches!(
            self,
            Category::PatientData | Category::PersonalData | Category::Location | Category::Account
        )
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Category {
    type Err = crate::error::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Category::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| {
                let all: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
                crate::error::Error::UnknownName {
                    what: "category",
                    given: s.to_string(),
                    expected: crate::error::Expected(format!("one of {}", all.join(", "))),
                }
            })
    }
}

/// The named parts of a record: the findings file's `field` column and a
/// rule's `fields`. Readers choose the field a text lands in; rules read
/// fields by these names (docs/RULES.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The body of a post, reply, comment or message.
    Text,
    /// A headline: a Facebook post's title line, a media item's title.
    Title,
    Bio,
    /// A profile's free-text location.
    Location,
    Website,
    /// An expanded link attached to a record.
    Link,
    Email,
    Phone,
    ConnectedApp,
    LoginIp,
    UploadIp,
    /// The app a post was sent from.
    Client,
    MediaName,
    /// A chat message's sender, as the export names them.
    Sender,
    /// The account's handle as its own account record states it.
    Username,
    /// The app or route an account was created with.
    CreatedVia,
    /// A record's time, named by account-level findings about timing.
    CreatedAt,
    /// A location from the platform's own geo data.
    Geo,
    /// A location from a media file's EXIF GPS tags.
    Exif,
    /// A picture's description written by the poster (alt text).
    AltText,
    /// Text recognised in an image by OCR (`--ocr`).
    OcrText,
    /// A content warning or spoiler line shown before a post's text.
    ContentWarning,
    /// A post's or video's tags, space-separated.
    Tags,
    /// One change of the account's handle, "@old → @new"; the record's
    /// time is when it changed.
    HandleChange,
    /// One change of the account's e-mail address, "old → new"; the
    /// record's time is when it changed.
    EmailChange,
}

impl Field {
    pub const ALL: [Field; 25] = [
        Field::Text,
        Field::Title,
        Field::Bio,
        Field::Location,
        Field::Website,
        Field::Link,
        Field::Email,
        Field::Phone,
        Field::ConnectedApp,
        Field::LoginIp,
        Field::UploadIp,
        Field::Client,
        Field::MediaName,
        Field::Sender,
        Field::Username,
        Field::CreatedVia,
        Field::CreatedAt,
        Field::Geo,
        Field::Exif,
        Field::AltText,
        Field::OcrText,
        Field::ContentWarning,
        Field::Tags,
        Field::HandleChange,
        Field::EmailChange,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Field::Text => "text",
            Field::Title => "title",
            Field::Bio => "bio",
            Field::Location => "location",
            Field::Website => "website",
            Field::Link => "link",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::ConnectedApp => "connected_app",
            Field::LoginIp => "login_ip",
            Field::UploadIp => "upload_ip",
            Field::Client => "client",
            Field::MediaName => "media_name",
            Field::Sender => "sender",
            Field::Username => "username",
            Field::CreatedVia => "created_via",
            Field::CreatedAt => "created_at",
            Field::Geo => "geo",
            Field::Exif => "exif",
            Field::AltText => "alt_text",
            Field::OcrText => "ocr_text",
            Field::ContentWarning => "content_warning",
            Field::Tags => "tags",
            Field::HandleChange => "handle_change",
            Field::EmailChange => "email_change",
        }
    }

    /// Fields that hold identifiers or machine values, not prose: text
    /// rules skip them unless a rule names them in `fields`, and a titled
    /// name is not looked for in them.
    pub fn is_prose(self) -> bool {
        !matches!(
            self,
            Field::Email
                | Field::Phone
                | Field::ConnectedApp
                | Field::LoginIp
                | Field::UploadIp
                | Field::Client
                | Field::Website
                | Field::Link
                | Field::MediaName
                | Field::Geo
                | Field::Exif
                | Field::HandleChange
                | Field::EmailChange
        )
    }

    /// A location source (`sources` of a location rule).
    pub fn is_location_source(self) -> bool {
        matches!(self, Field::Geo | Field::Exif)
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Field {
    type Err = crate::error::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Field::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| {
                let all: Vec<&str> = Field::ALL.iter().map(|c| c.as_str()).collect();
                crate::error::Error::UnknownName {
                    what: "field",
                    given: s.to_string(),
                    expected: crate::error::Expected(format!("one of {}", all.join(", "))),
                }
            })
    }
}

/// Video file extensions (lower case, no dot) across every export.
pub const VIDEO_EXTENSIONS: &[&str] = &[
    "mp4", "mov", "m4v", "webm", "m3u8", "ts", "avi", "3gp", "mkv",
];

/// Audio file extensions (lower case, no dot).
pub const AUDIO_EXTENSIONS: &[&str] = &["mp3", "m4a", "aac", "wav", "ogg", "opus"];

/// The extension of a file name, lower case, without the dot.
pub fn extension(name: &str) -> Option<String> {
    let base = name.rsplit('/').next().unwrap_or(name);
    base.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())
}

pub fn is_video(name: &str) -> bool {
    extension(name).is_some_and(|e| VIDEO_EXTENSIONS.contains(&e.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platforms_round_trip_and_unknown_ones_are_named() {
        for p in Platform::ALL {
            assert_eq!(p.as_str().parse::<Platform>().unwrap(), p);
            assert_eq!(
                serde_json::to_string(&p).unwrap(),
                format!("\"{}\"", p.as_str())
            );
            let flag = <Platform as clap::ValueEnum>::from_str(p.as_str(), false);
            assert_eq!(flag, Ok(p), "--platform {p}");
        }
        let e = "x".parse::<Platform>().unwrap_err().to_string();
        assert!(e.contains("twitter, facebook"), "{e}");
    }

    #[test]
    fn categories_round_trip_and_unknown_ones_are_named() {
        for c in Category::ALL {
            assert_eq!(c.as_str().parse::<Category>().unwrap(), c);
            assert_eq!(
                serde_json::to_string(&c).unwrap(),
                format!("\"{}\"", c.as_str())
            );
        }
        let e = "patient".parse::<Category>().unwrap_err().to_string();
        assert!(e.contains("patient-data"), "{e}");
    }

    #[test]
    fn fields_round_trip_and_unknown_ones_are_named() {
        for f in Field::ALL {
            assert_eq!(f.as_str().parse::<Field>().unwrap(), f);
            assert_eq!(
                serde_json::to_string(&f).unwrap(),
                format!("\"{}\"", f.as_str())
            );
        }
        assert!(Field::Text.is_prose() && Field::Bio.is_prose());
        assert!(!Field::Link.is_prose() && !Field::Exif.is_prose());
        let e = "body".parse::<Field>().unwrap_err().to_string();
        assert!(e.contains("media_name"), "{e}");
    }

    #[test]
    fn grades_and_kinds_round_trip_through_text_and_serde() {
        fn round<T>(all: &[T])
        where
            T: Copy + std::fmt::Debug + PartialEq + fmt::Display + FromStr + Serialize,
            <T as FromStr>::Err: std::fmt::Debug,
        {
            for &x in all {
                let text = x.to_string();
                assert_eq!(text.parse::<T>().unwrap(), x, "{text}");
                assert_eq!(serde_json::to_string(&x).unwrap(), format!("\"{text}\""));
            }
        }
        use Severity as S;
        round(&[S::Low, S::Medium, S::High, S::Critical]);
        round(&[Confidence::Low, Confidence::Medium, Confidence::High]);
        round(&[
            RecordKind::Post,
            RecordKind::Reply,
            RecordKind::Repost,
            RecordKind::DeletedPost,
            RecordKind::Dm,
            RecordKind::Comment,
            RecordKind::Profile,
            RecordKind::Account,
            RecordKind::Media,
        ]);
        round(&[
            Status::Parsed,
            Status::Skipped,
            Status::Unknown,
            Status::Failed,
        ]);
        let e = "tweet".parse::<RecordKind>().unwrap_err().to_string();
        assert!(e.contains("deleted_post"), "{e}");
        let e = "sure".parse::<Confidence>().unwrap_err().to_string();
        assert!(e.contains("low, medium or high"), "{e}");
    }

    #[test]
    fn extensions_ignore_case_and_folders() {
        assert!(is_video("media/CLIP.MOV"));
        assert!(!is_video("photo.jpg"));
        assert!(!is_video("a.mov/readme"));
        assert_eq!(extension("x/y.tar.GZ").as_deref(), Some("gz"));
    }
}

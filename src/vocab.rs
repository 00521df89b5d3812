//! The domain vocabulary shared by every layer, defined once: platforms,
//! finding categories (record kinds are in src/record.rs, severities in
//! src/severity.rs) and the lists of field names and file extensions that more
//! than one module needs. Text for these appears only where a sink writes
//! it (docs/ARCHITECTURE.md).

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
}

impl Platform {
    pub const ALL: [Platform; 4] = [
        Platform::Twitter,
        Platform::Facebook,
        Platform::Instagram,
        Platform::Whatsapp,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Twitter => "twitter",
            Platform::Facebook => "facebook",
            Platform::Instagram => "instagram",
            Platform::Whatsapp => "whatsapp",
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
                expected: crate::error::Expected("twitter, facebook, instagram or whatsapp".into()),
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

/// Record fields that hold identifiers or machine values, not prose: text
/// rules skip them unless a rule names them in `fields`, and a titled name
/// is not looked for in them.
pub const NON_PROSE_FIELDS: &[&str] = &[
    "email",
    "phone",
    "connected_app",
    "login_ip",
    "upload_ip",
    "client",
    "website",
    "link",
    "media_name",
];

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
    fn extensions_ignore_case_and_folders() {
        assert!(is_video("media/CLIP.MOV"));
        assert!(!is_video("photo.jpg"));
        assert!(!is_video("a.mov/readme"));
        assert_eq!(extension("x/y.tar.GZ").as_deref(), Some("gz"));
    }
}

//! The library's error type. Each variant says which part of the work
//! failed, so the binary can choose an exit code and a caller can match on
//! the kind; the message is one sentence that names the file (and the rule,
//! entry or line) it is about, ready to print or to write into coverage.

use std::fmt;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input, an archive, or an entry in one could not be opened or
    /// read, or was refused by the archive limits.
    #[error("{0}")]
    Archive(String),
    /// A data file's content is malformed: JSON, an X `.js` wrapper, a
    /// chat line, EXIF.
    #[error("{0}")]
    Malformed(String),
    /// A rule pack or layer is invalid: unreadable, bad TOML, an unknown
    /// key, a rule that does not compile or whose examples are wrong.
    #[error("{0}")]
    Pack(String),
    /// A learned model is unreadable or does not fit the rule that uses it.
    #[error("{0}")]
    Model(String),
    /// An organisation profile is unreadable or invalid.
    #[error("{0}")]
    Org(String),
    /// A baseline, ignore or findings file read for comparison is
    /// unreadable or not of a known shape.
    #[error("{0}")]
    Suppress(String),
    /// The OCR engine (`--ocr`) is missing, too old or lacks its language
    /// data; the message says what to install.
    #[error("{0}")]
    Ocr(String),
    /// An output could not be rendered, merged or written.
    #[error("{0}")]
    Report(String),
    /// The SQLite case file (`--format sqlite`) is not a case file this
    /// version can add a run to, or SQLite failed while adding it.
    #[error("{0}")]
    CaseFile(String),
    /// A name outside the vocabulary (a severity, a category).
    #[error("unknown {what} {given:?} (expected {expected})")]
    UnknownName {
        what: &'static str,
        given: String,
        expected: Expected,
    },
}

/// The names an [`Error::UnknownName`] would have accepted, as prose.
#[derive(Debug)]
pub struct Expected(pub String);

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The binary reports failures as one line of text (src/main.rs and its
/// modules); this lets it use `?` on library calls.
impl From<Error> for String {
    fn from(e: Error) -> String {
        e.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_printed_as_written() {
        let e = Error::Pack("rules/x.toml: rule a.b: empty pattern".into());
        assert_eq!(e.to_string(), "rules/x.toml: rule a.b: empty pattern");
        let e = Error::UnknownName {
            what: "severity",
            given: "hgih".into(),
            expected: Expected("low, medium, high or critical".into()),
        };
        assert_eq!(
            e.to_string(),
            "unknown severity \"hgih\" (expected low, medium, high or critical)"
        );
    }
}

//! How bad a finding would be if true (`Severity`) and how sure a rule is
//! that it is true (`Confidence`): the `severity` and `confidence` columns.

use std::fmt;
use std::str::FromStr;

/// How bad a finding is if true. Ordered so that `>=` means "at least as bad".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    /// Sort rank for spreadsheets: 1 critical, 2 high, 3 medium, 4 low.
    pub fn rank(self) -> u8 {
        4 - self as u8
    }

    pub fn rank_str(self) -> &'static str {
        ["4", "3", "2", "1"][self as usize]
    }

    /// One step up, saturating at critical (used by date-window rules).
    pub fn raised(self) -> Severity {
        match self {
            Severity::Low => Severity::Medium,
            Severity::Medium => Severity::High,
            Severity::High | Severity::Critical => Severity::Critical,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = crate::error::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "low" => Ok(Severity::Low),
            "medium" => Ok(Severity::Medium),
            "high" => Ok(Severity::High),
            "critical" => Ok(Severity::Critical),
            other => Err(crate::error::Error::UnknownName {
                what: "severity",
                given: other.to_string(),
                expected: crate::error::Expected("low, medium, high or critical".into()),
            }),
        }
    }
}

/// How sure a rule is that a hit is a real instance (kept apart from
/// [`Severity`], which is how bad it would be if true).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }

    pub fn parse(s: &str) -> Option<Confidence> {
        Some(match s.to_ascii_lowercase().as_str() {
            "low" => Confidence::Low,
            "medium" => Confidence::Medium,
            "high" => Confidence::High,
            _ => return None,
        })
    }

    /// One step down, saturating at low (e.g. no context word found).
    pub fn lowered(self) -> Confidence {
        match self {
            Confidence::High => Confidence::Medium,
            _ => Confidence::Low,
        }
    }

    /// One step up, saturating at high (e.g. a model agrees).
    pub fn raised(self) -> Confidence {
        match self {
            Confidence::Low => Confidence::Medium,
            _ => Confidence::High,
        }
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Confidence {
    type Err = crate::error::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Confidence::parse(s).ok_or_else(|| crate::error::Error::UnknownName {
            what: "confidence",
            given: s.to_string(),
            expected: crate::error::Expected("low, medium or high".into()),
        })
    }
}

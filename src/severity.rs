//! How bad a finding is if true. Ordered so that `>=` means "at least as bad".

use std::fmt;
use std::str::FromStr;

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

//! How to read dates an export writes without saying how: the order of
//! the numbers in an all-numeric date (`--date-order`, the manifest).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Which number comes first in a date such as `03/04/2021`. WhatsApp
/// writes the exporting phone's locale order and never says which.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    /// Day, month, year (the UK and most of the world).
    Dmy,
    /// Month, day, year (the United States).
    Mdy,
}

impl DateOrder {
    pub fn as_str(self) -> &'static str {
        match self {
            DateOrder::Dmy => "dmy",
            DateOrder::Mdy => "mdy",
        }
    }
}

impl fmt::Display for DateOrder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for DateOrder {
    type Err = crate::error::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "dmy" => Ok(DateOrder::Dmy),
            "mdy" => Ok(DateOrder::Mdy),
            _ => Err(crate::error::Error::UnknownName {
                what: "date order",
                given: s.to_string(),
                expected: crate::error::Expected("dmy or mdy".into()),
            }),
        }
    }
}

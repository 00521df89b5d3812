//! Serde helpers for X's loose typing: GDPR files write every number as a
//! string, Grailbird writes them as numbers, and either may be `null`.

use serde::Deserialize;
use serde::de::{Deserializer, Visitor};
use std::fmt;

/// An id or count, whatever JSON type it arrived as; empty when null.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Id(pub String);

impl Id {
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Id, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Id;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an id as a string or number")
            }
            fn visit_str<E>(self, v: &str) -> Result<Id, E> {
                Ok(Id(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Id, E> {
                Ok(Id(v.to_string()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Id, E> {
                Ok(Id(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Id, E> {
                Ok(Id(v.to_string()))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Id, E> {
                Ok(Id(v.to_string()))
            }
            fn visit_unit<E>(self) -> Result<Id, E> {
                Ok(Id::default())
            }
        }
        d.deserialize_any(V)
    }
}

/// A number from a JSON value that may be a number or a numeric string.
pub fn num(v: &serde_json::Value) -> Option<f64> {
    match v {
        serde_json::Value::Number(n) => n.as_f64(),
        serde_json::Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
    .filter(|f: &f64| f.is_finite())
}

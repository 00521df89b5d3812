//! English/Welsh language detection for the Welsh Language Standards rule
//! (D5). lingua is built with only its English and Welsh models, the
//! detector is built once on first use, and only accounts the organisation
//! profile marks as Welsh ever call it.

use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    English,
    Welsh,
    /// Both languages in one post (a bilingual post satisfies itself).
    Both,
    /// Too short or too unclear to say (links, handles, emoji only).
    Unknown,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::English => "English",
            Lang::Welsh => "Welsh",
            Lang::Both => "bilingual",
            Lang::Unknown => "unknown",
        }
    }
}

fn detector() -> &'static LanguageDetector {
    static D: OnceLock<LanguageDetector> = OnceLock::new();
    D.get_or_init(|| {
        LanguageDetectorBuilder::from_languages(&[Language::English, Language::Welsh])
            .with_minimum_relative_distance(0.05)
            .build()
    })
}

/// Marker words: whole-word, lower-case lists of common Welsh words with
/// their mutated forms and common English function words.
pub struct Markers {
    pub welsh: std::collections::HashSet<String>,
    pub english: std::collections::HashSet<String>,
}

/// Words of a post worth classifying: no URLs, @handles, #hashtags or
/// digits-only tokens; lower-cased, punctuation trimmed.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split_whitespace()
        .filter(|w| {
            !(w.starts_with('@')
                || w.starts_with('#')
                || w.contains("://")
                || w.starts_with("www."))
        })
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty() && w.chars().any(char::is_alphabetic))
}

/// Classifies a post. Marker words decide bilingual posts (at least two
/// markers of each language, as "Bore da! … / Brechlyn ffliw ar gael nawr");
/// otherwise lingua decides between English and Welsh.
pub fn classify(text: &str, markers: &Markers) -> Lang {
    let (mut cy, mut en, mut n) = (0usize, 0usize, 0usize);
    let mut clean = String::with_capacity(text.len());
    for w in words(text) {
        n += 1;
        if markers.welsh.contains(&w) {
            cy += 1;
        }
        if markers.english.contains(&w) {
            en += 1;
        }
        clean.push_str(&w);
        clean.push(' ');
    }
    if n < 3 {
        return Lang::Unknown;
    }
    if cy >= 2 && en >= 2 {
        return Lang::Both;
    }
    match detector().detect_language_of(clean.trim_end()) {
        Some(Language::Welsh) => Lang::Welsh,
        Some(Language::English) => Lang::English,
        _ if cy > en => Lang::Welsh,
        _ if en > cy => Lang::English,
        _ => Lang::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn markers() -> Markers {
        let set = |w: &[&str]| w.iter().map(|s| s.to_string()).collect();
        Markers {
            welsh: set(&["mae", "ar", "gael", "nawr", "bore", "da", "ein", "yn"]),
            english: set(&["the", "and", "is", "now", "available", "our"]),
        }
    }

    #[test]
    fn english_welsh_and_bilingual() {
        let m = markers();
        assert_eq!(
            classify("Mae ein hadran Achosion Brys yn brysur iawn heddiw", &m),
            Lang::Welsh
        );
        assert_eq!(
            classify(
                "Our emergency department is very busy today, please use 111",
                &m
            ),
            Lang::English
        );
        assert_eq!(
            classify(
                "Flu jabs are available now / Mae brechlyn ffliw ar gael nawr",
                &m
            ),
            Lang::Both
        );
        assert_eq!(classify("@a https://t.co/x #NHS", &m), Lang::Unknown);
    }
}

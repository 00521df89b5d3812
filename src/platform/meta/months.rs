//! Month names in the languages Meta writes its HTML export dates in: the
//! account's language decides, so one export may say `abr.` where another
//! says `Apr` (docs/FORMATS.md, "Facebook", "Quirks handled").
//!
//! Source: the Unicode Common Locale Data Repository (CLDR), Gregorian
//! calendar `months` of each locale: the format and stand-alone contexts
//! (Polish writes the genitive `czerwca` in dates, the nominative
//! `czerwiec` alone), wide and abbreviated widths, written here in lower
//! case without the abbreviation's final full stop. Chosen: English; the
//! languages of the UK's largest communities (Welsh, Polish, Romanian,
//! Punjabi in Gurmukhi, Urdu); and the EU languages exports most often
//! come in (French, German, Spanish, Italian, Portuguese, Dutch). A few
//! spellings CLDR lists for regional variants are included with their
//! locale (`jänner` de-AT, `setiembre` es-PE, `sep` for English).

use std::collections::HashMap;
use std::sync::LazyLock;

/// One locale's months, January first; each month's names in any width.
pub struct Locale {
    /// BCP 47 code of the CLDR locale the names come from.
    pub code: &'static str,
    pub months: [&'static [&'static str]; 12],
}

pub const LOCALES: &[Locale] = &[
    Locale {
        code: "en",
        months: [
            &["january", "jan"],
            &["february", "feb"],
            &["march", "mar"],
            &["april", "apr"],
            &["may"],
            &["june", "jun"],
            &["july", "jul"],
            &["august", "aug"],
            &["september", "sep", "sept"],
            &["october", "oct"],
            &["november", "nov"],
            &["december", "dec"],
        ],
    },
    Locale {
        code: "cy",
        months: [
            &["ionawr", "ion"],
            &["chwefror", "chwef"],
            &["mawrth", "maw"],
            &["ebrill", "ebr"],
            &["mai"],
            &["mehefin", "meh"],
            &["gorffennaf", "gorff"],
            &["awst"],
            &["medi"],
            &["hydref", "hyd"],
            &["tachwedd", "tach"],
            &["rhagfyr", "rhag"],
        ],
    },
    Locale {
        code: "pl",
        months: [
            &["stycznia", "styczeń", "sty"],
            &["lutego", "luty", "lut"],
            &["marca", "marzec", "mar"],
            &["kwietnia", "kwiecień", "kwi"],
            &["maja", "maj"],
            &["czerwca", "czerwiec", "cze"],
            &["lipca", "lipiec", "lip"],
            &["sierpnia", "sierpień", "sie"],
            &["września", "wrzesień", "wrz"],
            &["października", "październik", "paź"],
            &["listopada", "listopad", "lis"],
            &["grudnia", "grudzień", "gru"],
        ],
    },
    Locale {
        code: "ro",
        months: [
            &["ianuarie", "ian"],
            &["februarie", "feb"],
            &["martie", "mar"],
            &["aprilie", "apr"],
            &["mai"],
            &["iunie", "iun"],
            &["iulie", "iul"],
            &["august", "aug"],
            &["septembrie", "sept"],
            &["octombrie", "oct"],
            &["noiembrie", "nov"],
            &["decembrie", "dec"],
        ],
    },
    Locale {
        code: "pa",
        months: [
            &["ਜਨਵਰੀ", "ਜਨ"],
            &["ਫ਼ਰਵਰੀ", "ਫ਼ਰ"],
            &["ਮਾਰਚ"],
            &["ਅਪ੍ਰੈਲ", "ਅਪ੍ਰੈ"],
            &["ਮਈ"],
            &["ਜੂਨ"],
            &["ਜੁਲਾਈ", "ਜੁਲਾ"],
            &["ਅਗਸਤ", "ਅਗ"],
            &["ਸਤੰਬਰ", "ਸਤੰ"],
            &["ਅਕਤੂਬਰ", "ਅਕਤੂ"],
            &["ਨਵੰਬਰ", "ਨਵੰ"],
            &["ਦਸੰਬਰ", "ਦਸੰ"],
        ],
    },
    Locale {
        code: "ur",
        months: [
            &["جنوری"],
            &["فروری"],
            &["مارچ"],
            &["اپریل"],
            &["مئی"],
            &["جون"],
            &["جولائی"],
            &["اگست"],
            &["ستمبر"],
            &["اکتوبر"],
            &["نومبر"],
            &["دسمبر"],
        ],
    },
    Locale {
        code: "fr",
        months: [
            &["janvier", "janv"],
            &["février", "févr"],
            &["mars"],
            &["avril", "avr"],
            &["mai"],
            &["juin"],
            &["juillet", "juil"],
            &["août"],
            &["septembre", "sept"],
            &["octobre", "oct"],
            &["novembre", "nov"],
            &["décembre", "déc"],
        ],
    },
    Locale {
        code: "de",
        months: [
            &["januar", "jan", "jänner", "jän"],
            &["februar", "feb"],
            &["märz"],
            &["april", "apr"],
            &["mai"],
            &["juni"],
            &["juli"],
            &["august", "aug"],
            &["september", "sept", "sep"],
            &["oktober", "okt"],
            &["november", "nov"],
            &["dezember", "dez"],
        ],
    },
    Locale {
        code: "es",
        months: [
            &["enero", "ene"],
            &["febrero", "feb"],
            &["marzo", "mar"],
            &["abril", "abr"],
            &["mayo", "may"],
            &["junio", "jun"],
            &["julio", "jul"],
            &["agosto", "ago"],
            &["septiembre", "setiembre", "sept", "sep", "set"],
            &["octubre", "oct"],
            &["noviembre", "nov"],
            &["diciembre", "dic"],
        ],
    },
    Locale {
        code: "it",
        months: [
            &["gennaio", "gen"],
            &["febbraio", "feb"],
            &["marzo", "mar"],
            &["aprile", "apr"],
            &["maggio", "mag"],
            &["giugno", "giu"],
            &["luglio", "lug"],
            &["agosto", "ago"],
            &["settembre", "set"],
            &["ottobre", "ott"],
            &["novembre", "nov"],
            &["dicembre", "dic"],
        ],
    },
    Locale {
        code: "pt",
        months: [
            &["janeiro", "jan"],
            &["fevereiro", "fev"],
            &["março", "mar"],
            &["abril", "abr"],
            &["maio", "mai"],
            &["junho", "jun"],
            &["julho", "jul"],
            &["agosto", "ago"],
            &["setembro", "set"],
            &["outubro", "out"],
            &["novembro", "nov"],
            &["dezembro", "dez"],
        ],
    },
    Locale {
        code: "nl",
        months: [
            &["januari", "jan"],
            &["februari", "feb"],
            &["maart", "mrt"],
            &["april", "apr"],
            &["mei"],
            &["juni", "jun"],
            &["juli", "jul"],
            &["augustus", "aug"],
            &["september", "sep"],
            &["oktober", "okt"],
            &["november", "nov"],
            &["december", "dec"],
        ],
    },
];

/// Every name, normalised, to its month (1–12).
static BY_NAME: LazyLock<HashMap<String, i8>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for l in LOCALES {
        for (i, names) in l.months.iter().enumerate() {
            for n in *names {
                m.insert(normalise(n), i as i8 + 1);
            }
        }
    }
    m
});

/// Lower case, final full stops dropped, and the letter forms written two
/// ways made one: Gurmukhi `ਫ਼` as one code point or with a nukta, Arabic
/// and Urdu `ي`/`ی` and `ك`/`ک`.
pub fn normalise(token: &str) -> String {
    token
        .trim_end_matches('.')
        .to_lowercase()
        .replace("\u{0A2B}\u{0A3C}", "\u{0A5E}")
        .replace('\u{064A}', "\u{06CC}")
        .replace('\u{0643}', "\u{06A9}")
}

/// The month a date word names, in any of the languages above.
pub fn month(token: &str) -> Option<i8> {
    BY_NAME.get(&normalise(token)).copied()
}

/// The month an English name or abbreviation names ("Mar", "march",
/// "Sept"), in any case; no other language, no full stop. For exports
/// written in English only (LinkedIn).
pub fn english(name: &str) -> Option<i8> {
    let lower = name.to_ascii_lowercase();
    let en = LOCALES.iter().find(|l| l.code == "en")?;
    en.months
        .iter()
        .position(|names| names.contains(&lower.as_str()))
        .map(|i| i as i8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_reads_english_names_and_abbreviations_only() {
        assert_eq!(english("Mar"), Some(3));
        assert_eq!(english("SEPT"), Some(9));
        assert_eq!(english("september"), Some(9));
        assert_eq!(english("May"), Some(5));
        // not a prefix ("Marc"), not another language ("mai", "abr")
        for no in ["Marc", "mai", "abr", "Janu", "Mar."] {
            assert_eq!(english(no), None, "{no}");
        }
    }

    #[test]
    fn no_name_means_two_months() {
        let mut seen: HashMap<String, (i8, &str)> = HashMap::new();
        for l in LOCALES {
            for (i, names) in l.months.iter().enumerate() {
                for n in *names {
                    let month = i as i8 + 1;
                    if let Some((other, code)) = seen.insert(normalise(n), (month, l.code)) {
                        assert_eq!(
                            other, month,
                            "{n:?} ({}) is month {other} in {code}",
                            l.code
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn names_of_every_locale_are_found() {
        for (word, want) in [
            ("ene.", 1),
            ("abr.", 4),
            ("ago.", 8),
            ("dic.", 12),
            ("Mehefin", 6),
            ("czerwca", 6),
            ("paź", 10),
            ("iunie", 6),
            ("juin", 6),
            ("Juni", 6),
            ("März", 3),
            ("giugno", 6),
            ("junho", 6),
            ("mrt.", 3),
            ("ਜੂਨ", 6),
            ("ਫ\u{0A3C}ਰਵਰੀ", 2),
            ("جون", 6),
            ("اكتوبر", 10),
        ] {
            assert_eq!(month(word), Some(want), "{word}");
        }
        assert_eq!(month("martes"), None);
        assert_eq!(month("de"), None);
    }
}

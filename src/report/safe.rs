//! Spreadsheet safety for free-text cells (docs/OUTPUTS.md, "Spreadsheet
//! safety"). Masking under `--redact` happens before a finding reaches
//! a sink, in src/scan/excerpt.rs.

/// Prefixes `'` to a cell a spreadsheet would run as a formula (OWASP CSV
/// injection: leading `=`, `+`, `-`, `@`, tab, CR, LF, NUL, and the
/// full-width forms some spreadsheets also honour). Leading spaces do not
/// protect a cell in every spreadsheet, so they are looked past.
pub fn defang(cell: &str) -> std::borrow::Cow<'_, str> {
    let first = cell.trim_start_matches(' ').chars().next();
    match first {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\n' | '\0' | '＝' | '＋' | '－' | '＠') => {
            format!("'{cell}").into()
        }
        _ => cell.into(),
    }
}

/// The cell `defang` was given, for reading our own CSV back (a review
/// note of `=x` is written `'=x`). A `'` that `defang` would not have
/// added is kept.
pub fn undefang(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if defang(rest).starts_with('\'') => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        for bad in [
            "=HYPERLINK(\"http://evil\")",
            "+cmd|' /C calc'!A0",
            "-1+1",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "  =1",
            "＝1",
        ] {
            assert!(defang(bad).starts_with('\''), "{bad:?}");
        }
        for ok in ["NHS no 401", "a=b", "", "'quoted"] {
            assert_eq!(defang(ok), ok);
            assert_eq!(undefang(ok), ok);
        }
        assert_eq!(undefang(&defang("=1")), "=1");
    }
}

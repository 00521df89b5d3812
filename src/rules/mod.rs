//! The rules engine: a policy pack (rules as data, TOML) compiled once into
//! matchers and run over every [`Record`].
//!
//! # Pack format
//!
//! A pack is one `.toml` file or a folder of them (loaded in file-name order;
//! [`Pack::content_hash`] is the SHA-256 of the texts in that order). Exactly
//! one file carries the `[pack]` table. Unknown keys anywhere are errors that
//! name the key and the rule.
//!
//! ```toml
//! [pack]
//! id = "nhs-default"
//! version = "0.1.0"
//! description = "…"
//!
//! [lists]                      # named term lists, shared by lexicon rules
//! obscene = ["fuck", "shit"]
//! clinical-safe = ["sexual health", "anal fissure"]
//!
//! [[rules]]
//! id = "patient.nhs-number"    # unique across the pack
//! title = "NHS number near patient context"
//! category = "patient-data"    # OUTPUTS.md vocabulary
//! severity = "critical"        # low | medium | high | critical
//! policy = ["CUM 3.3", "SUN 3.4"]
//! clauses = ["A1"]             # POLICY-CLAUSES.md ids
//! fields = ["text"]            # optional; default: every free-text field
//! kinds = ["post", "reply"]    # optional; default: every record kind
//! # exactly one detector table: lexicon, pattern or metadata
//! pattern = { regex = '\b\d{3} ?\d{3} ?\d{4}\b', validator = "nhs-number",
//!             case_sensitive = false,
//!             reject_token = { contains = ["/"], starts_with = ["@", "#"] },
//!             context = { words = ["nhs no", "patient"], window = 60, required = true } }
//! # lexicon = { terms = [..], lists = ["obscene"], allow = [..], allow_lists = [..] }
//! # metadata = { predicate = "location", sources = ["geo"] }
//! # metadata = { predicate = "email-not-org", field = "email" }
//! # metadata = { predicate = "field-present", field = "connected_app" }
//! examples.match = ["Patient …, NHS no 401 159 0835 …"]
//! examples.no_match = ["Purchase order 401 159 0836 …",
//!                      { kind = "account", email = "x@trust.nhs.uk" },
//!                      { lat = 54.9, lon = -1.38, source = "geo", label = "Sunderland" }]
//! ```
//!
//! A plain-string example is a post's `text`. An inline-table example is a
//! record: `kind` (default: the rule's first kind, else `post`), `lat`, `lon`,
//! `source` (`geo`|`exif`) and `label` make one location, any other key is a
//! text field of that name. [`Pack::test_examples`] runs each example through
//! the whole pack and checks whether *that* rule hit.
//!
//! ## Scope
//!
//! `fields` lists the record fields a text rule reads; the default is every
//! prose field (all except `email`, `phone`, `connected_app`, `login_ip`,
//! `client`, `website`, `link`, `media_name`). `kinds` restricts record kinds.
//!
//! ## Detectors
//!
//! * **lexicon** — `terms` and/or named `lists`; every term of every lexicon
//!   rule goes into one Aho-Corasick automaton (leftmost-longest) run once per
//!   field over a normalised copy of the text (see `normalise.rs`: case,
//!   diacritics, leetspeak, `*` masks, "f.u.c.k", repeated letters), mapped
//!   back to original byte offsets. Matches are whole words only. `allow` /
//!   `allow_lists` phrases ("sexual health") suppress any overlapping hit of
//!   the same rule.
//! * **pattern** — `regex` (Rust `regex` syntax, no look-around;
//!   case-insensitive unless `case_sensitive = true`; `\d`, `\w`, `\b` are
//!   ASCII unless the pattern needs Unicode classes). All pattern rules share
//!   one `RegexSet` gate per field. Each match then passes, in order:
//!   `reject_token` (drop it when the whitespace-delimited token around it
//!   `contains` or `starts_with` any listed string: URLs, handles, hashtags),
//!   `validator`, and `context` (`words`, whole-word and case-insensitive,
//!   within `window` characters either side, default 60; `required = true`
//!   drops matches without one). The hit's `detail` records each step.
//! * **metadata** — `predicate` over the record: `location` (`sources`:
//!   `geo` and/or `exif`; points within 200 m of an organisation site are
//!   skipped), `email-not-org` (`field`, default `email`; free-mail named in
//!   the detail), `field-present` (`field`; one hit per value).
//!
//! Validators (`pattern.validator`): `nhs-number` (mod 11, allocated ranges,
//! 999 test range marked synthetic), `uk-postcode` (BS 7666 position rules),
//! `uk-phone` (mobile, geographic, 03; lengths checked), `email`. The
//! organisation profile given at compile time supplies the allow-lists they
//! apply (own numbers and national services, postcodes, domains, sites).

mod examples;
mod lexicon;
mod metadata;
mod normalise;
mod pack;
mod pattern;
mod validators;

use crate::org::Org;
use crate::record::Record;
use crate::severity::Severity;
use sha2::{Digest, Sha256};
use std::cell::RefCell;
use std::path::Path;

pub use examples::ExampleFailure;

/// What a rule is, for reports and `rules list`.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleInfo {
    pub id: String,
    pub title: String,
    pub category: String,
    pub severity: Severity,
    /// Clause keys joined with "; ", e.g. "CUM 3.3; SUN 3.4".
    pub policy_ref: String,
    pub clauses: Vec<String>,
    /// lexicon | pattern | metadata
    pub kind: String,
}

/// One rule match in one record.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Index into [`Pack::rules`].
    pub rule: usize,
    /// Record field name, or "geo"/"exif" for locations.
    pub field: &'static str,
    /// Byte offsets into the field's value; 0,0 for metadata hits.
    pub start: usize,
    pub end: usize,
    pub matched: String,
    /// Why it matched (validator result, context word and distance, …).
    pub detail: String,
    pub severity: Severity,
}

/// A compiled policy pack. Immutable after compilation, so one pack can be
/// shared by every worker thread.
pub struct Pack {
    id: String,
    version: String,
    description: String,
    hash: String,
    rules: Vec<RuleInfo>,
    scope: Vec<pack::Scope>,
    lexicon: lexicon::Lexicon,
    patterns: pattern::Patterns,
    metadata: metadata::Metadata,
    examples: Vec<examples::Example>,
}

const DEFAULT_SOURCES: &[(&str, &str)] = &[
    ("conduct.toml", include_str!("../../rules/conduct.toml")),
    (
        "identifiers.toml",
        include_str!("../../rules/identifiers.toml"),
    ),
    ("metadata.toml", include_str!("../../rules/metadata.toml")),
];

impl Pack {
    /// The pack shipped in `rules/`, embedded at build time.
    pub fn default_pack(org: &Org) -> Result<Pack, String> {
        let sources: Vec<(String, String)> = DEFAULT_SOURCES
            .iter()
            .map(|(n, t)| (format!("rules/{n}"), t.to_string()))
            .collect();
        Pack::compile(&sources, org)
    }

    /// A `.toml` file, or a folder whose `*.toml` files are loaded in name order.
    pub fn from_path(path: &Path, org: &Org) -> Result<Pack, String> {
        let mut files = Vec::new();
        if path.is_dir() {
            let rd = std::fs::read_dir(path)
                .map_err(|e| format!("cannot read pack folder {}: {e}", path.display()))?;
            for entry in rd {
                let p = entry
                    .map_err(|e| format!("cannot read pack folder {}: {e}", path.display()))?
                    .path();
                if p.extension().is_some_and(|e| e == "toml") && p.is_file() {
                    files.push(p);
                }
            }
            files.sort();
            if files.is_empty() {
                return Err(format!("pack folder {} has no .toml files", path.display()));
            }
        } else {
            files.push(path.to_path_buf());
        }
        let mut sources = Vec::new();
        for f in files {
            let text = std::fs::read_to_string(&f)
                .map_err(|e| format!("cannot read pack file {}: {e}", f.display()))?;
            sources.push((f.display().to_string(), text));
        }
        Pack::compile(&sources, org)
    }

    fn compile(sources: &[(String, String)], org: &Org) -> Result<Pack, String> {
        let def = pack::parse(sources)?;
        let mut hasher = Sha256::new();
        for (_, text) in sources {
            hasher.update(text.as_bytes());
        }
        let hash = hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>();
        let rules: Vec<RuleInfo> = def.rules.iter().map(|r| r.info.clone()).collect();
        let scope = def.rules.iter().map(|r| r.scope.clone()).collect();
        let lexicon = lexicon::Lexicon::compile(&def)?;
        let patterns = pattern::Patterns::compile(&def, org)?;
        let metadata = metadata::Metadata::compile(&def, org)?;
        let examples = examples::build(&def)?;
        Ok(Pack {
            id: def.id,
            version: def.version,
            description: def.description,
            hash,
            rules,
            scope,
            lexicon,
            patterns,
            metadata,
            examples,
        })
    }

    pub fn description(&self) -> &str {
        &self.description
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn version(&self) -> &str {
        &self.version
    }

    /// SHA-256 (hex) of the pack source texts in load order.
    pub fn content_hash(&self) -> &str {
        &self.hash
    }

    pub fn rules(&self) -> &[RuleInfo] {
        &self.rules
    }

    /// Appends this record's hits: per field in record order (sorted by
    /// start, end, rule), then metadata hits in rule order.
    pub fn check(&self, record: &Record, hits: &mut Vec<Hit>) {
        // Per-thread normaliser buffers: no allocation per record once warm,
        // and the pack itself stays immutable.
        thread_local! {
            static SCRATCH: RefCell<normalise::Normalised> = RefCell::default();
        }
        SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut scratch) => self.check_with(record, &mut scratch, hits),
            // re-entered (a hit sink calling check): use fresh buffers
            Err(_) => self.check_with(record, &mut normalise::Normalised::default(), hits),
        });
    }

    fn check_with(
        &self,
        record: &Record,
        scratch: &mut normalise::Normalised,
        hits: &mut Vec<Hit>,
    ) {
        for field in &record.fields {
            let first = hits.len();
            self.patterns
                .check(&self.rules, &self.scope, record.kind, field, hits);
            self.lexicon
                .check(&self.rules, &self.scope, record.kind, field, scratch, hits);
            hits[first..].sort_by_key(|h| (h.start, h.end, h.rule));
        }
        self.metadata.check(&self.rules, &self.scope, record, hits);
    }

    /// Runs every rule's `examples`; returns how many ran and which failed.
    pub fn test_examples(&self) -> (usize, Vec<ExampleFailure>) {
        examples::run(self, &self.examples)
    }
}

#[cfg(test)]
mod tests;

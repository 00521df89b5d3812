//! The rules engine: a policy pack (rules as data, TOML) compiled once into
//! matchers and run over every [`Record`].
//!
//! # Pack format
//!
//! A pack is one `.toml` file or a folder of them (subfolders included,
//! loaded in relative-path order; [`Pack::content_hash`] is the SHA-256 of
//! the texts in that order and of the weights of the models its rules
//! run). Exactly one file carries the `[pack]` table. Unknown keys
//! anywhere are errors that name the key and the rule.
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
//! [link_domains]               # category -> domains, for link-domain rules
//! gambling = ["bet365.com"]
//!
//! [[elections]]                # pre-election periods (date_window rules)
//! election = "UK general election 2024"
//! jurisdiction = "uk"          # uk | england | wales | scotland | northern-ireland
//! start = "2024-05-25"         # inclusive UK dates
//! end = "2024-07-05"
//! source = "https://…"
//!
//! [[rules]]
//! id = "patient.nhs-number"    # unique across the pack
//! title = "NHS number near patient context"
//! category = "patient-data"    # docs/RULES.md, "Rule keys"
//! severity = "critical"        # how bad if true: low | medium | high | critical
//! confidence = "high"          # how sure: low | medium (default) | high
//! policy = ["CUM 3.3", "SUN 3.4"]
//! clauses = ["A1"]             # docs/RULES.md, "Clauses"
//! characteristics = ["race"]   # optional Equality Act tags, named in the detail
//! fields = ["text"]            # optional; default: every free-text field
//! kinds = ["post", "reply"]    # optional; default: every record kind
//! addressed = true             # optional: only replies and records with @mentions
//! unaddressed = true           # optional: only records that are neither
//! near_person = true           # optional: only records with an @mention or a titled name
//! media = "any"                # optional: only records with media ("any" | "video")
//! date_window = "elections"    # optional: raise severity inside a pre-election period
//! # exactly one detector table: lexicon, pattern, metadata or account
//! pattern = { regex = '\b\d{3} ?\d{3} ?\d{4}\b', validator = "nhs-number",
//!             case_sensitive = false,
//!             reject_token = { contains = ["/"], starts_with = ["@", "#"] },
//!             context = { words = ["nhs no", "patient"], window = 60, required = true } }
//! # lexicon = { terms = [..], lists = ["obscene"], allow = [..], allow_lists = [..] }
//! # metadata = { predicate = "location", sources = ["geo"] }
//! # account = { predicate = "posting-gap", days = 30 }
//! examples.match = ["Patient …, NHS no 401 159 0835 …"]
//! examples.no_match = ["Purchase order 401 159 0836 …",
//!                      { kind = "account", email = "x@trust.nhs.uk" },
//!                      { lat = 54.9, lon = -1.38, source = "geo", label = "Sunderland" }]
//! ```
//!
//! A plain-string example is a post's `text`. An inline-table example is a
//! record: `kind` (default: the rule's first kind, else `post`), `lat`, `lon`,
//! `source` (`geo`|`exif`) and `label` make one location, `created_at`
//! (RFC 3339), `mentions` and `media` (lists) fill those, `org = { … }` runs
//! the example under that organisation profile, and any other key is a text
//! field of that name (a list gives several values). An account-rule example
//! is `{ welsh = true, official = false, records = [ {…}, … ] }`.
//! [`Pack::test_examples`] runs each example through the whole pack and
//! checks whether *that* rule hit.
//!
//! ## Layering (local packs)
//!
//! A local pack whose `[pack]` says `extend = "default"` is loaded on top of
//! the embedded default pack, without copying it:
//!
//! ```toml
//! [pack]
//! id = "northdale-local"
//! version = "1"
//! extend = "default"
//! disable = ["links.shortener"]          # default rule ids to leave out
//!
//! [extend_lists]                         # append to default lists
//! clinical-safe = ["slag heap"]
//!
//! [[rules]]                              # added rules (a default id only if disabled)
//! id = "local.codename"
//! …
//! ```
//!
//! Its `[pack]` id/version/description replace the default's; the content
//! hash covers the default's texts and then the local ones.
//!
//! ## Scope
//!
//! `fields` lists the record fields a text rule reads; the default is every
//! prose field (all except `email`, `phone`, `connected_app`, `login_ip`,
//! `client`, `website`, `link`, `media_name`, `handle_change`,
//! `email_change`; `Field::is_prose`). `kinds` restricts record
//! kinds. `addressed`, `near_person` and `media` are record conditions
//! checked only for records that produced a hit.
//!
//! ## Detectors
//!
//! * **lexicon** — `terms` and/or named `lists`; every term of every lexicon
//!   rule goes into one Aho-Corasick automaton (leftmost-longest) run once per
//!   field over a normalised copy of the text (see `normalise.rs`: case,
//!   diacritics, leetspeak, `*` masks, "f.u.c.k", repeated letters), mapped
//!   back to original byte offsets. Matches are whole words only. `allow` /
//!   `allow_lists` phrases ("sexual health") suppress any overlapping hit of
//!   the same rule; `not_followed_by` and `unless` (as for patterns) drop
//!   hits by the words around them, `skip_mentions` drops a hit asked
//!   about ("…free?") or quoted, and `preceded_by` keeps a hit only after
//!   an owner word ("her chemo"; `preceded.rs`).
//! * **pattern** — `regex` (Rust `regex` syntax, no look-around;
//!   case-insensitive unless `case_sensitive = true`; `\d`, `\w`, `\b` are
//!   ASCII unless the pattern needs Unicode classes). Pattern rules are
//!   gated by `RegexSet`s of twelve distinct patterns each (the heaviest
//!   patterns, and lazy signals, in sets of their own). Each match then passes, in order:
//!   `reject_token` (drop it when the whitespace-delimited token around it
//!   `contains` or `starts_with` any listed string: URLs, handles, hashtags),
//!   `unless` (drop it when one of `words` is within `window` characters, or
//!   one of `before` is that far before it, and none of `except` is),
//!   `validator`, and `context` (`words`, whole-word and case-insensitive,
//!   within `window` characters either side, default 60; `required = true`
//!   drops matches without one, otherwise a match without one is kept one
//!   confidence step lower). The hit's `detail` records each step.
//! * **metadata** — `predicate` over the record: `location` (`sources`:
//!   `geo` and/or `exif`; points within 200 m of an organisation site are
//!   skipped), `email-not-org` (`field`, default `email`; free-mail named in
//!   the detail), `phone-not-org` (`field`, default `phone`), `field-present`
//!   (`field`, `label`; one hit per value, a dated record's time in the
//!   detail), `field-count` (`field`, `min`: at least
//!   `min` distinct values, e.g. login IPs), `link-domain` (`categories` of
//!   `[link_domains]`; `field`, default `link`; the organisation's domains
//!   and public-sector domains never match), `link-words` (`lists` read in
//!   an address's host, `path_lists` in its host and path; `in_text` also
//!   reads addresses in prose, bare hosts included; `link_words.rs`),
//!   `client-not-approved` (`field`,
//!   default `client`, against the profile's `approved_clients`; silent when
//!   that list is empty).
//! * **account** — cross-record predicates run once per account (see
//!   `account.rs`): `posting-gap` (`days`), `welsh-counterpart` (`hours`,
//!   `lists` = [Welsh markers, English markers]; only for accounts the
//!   profile marks `welsh`, language detection by lingua with only the
//!   English and Welsh models), `working-hours` (personal accounts; off
//!   unless the profile sets `working_hours`), `no-disclaimer` (`phrases`;
//!   personal accounts), `org-email-personal` (personal accounts).
//!
//! Validators (`pattern.validator`): `nhs-number` (mod 11, allocated ranges,
//! 999 test range marked synthetic), `chi-number` (DDMMYY date + mod 11),
//! `hc-number` (320–399 range + mod 11), `ni-number` (HMRC prefix rules),
//! `date-of-birth` (a real date, birth year 1900–2030), `hospital-number`
//! (when the profile lists `hospital_number_patterns`, those regexes replace
//! the rule's own and the validator names the one that matched; otherwise
//! the rule's generic shape is kept),
//! `person-name` (two capitalised words outside a list of places, services
//! and sentence words; no model), `photo-credit`, `uk-postcode` (BS 7666
//! position rules), `uk-phone` (mobile, geographic, 03; lengths checked),
//! `email`. The organisation profile given at compile time supplies the
//! allow-lists they apply (own numbers and national services, postcodes,
//! domains, sites).
//!
//! ## Pre-election periods
//!
//! A hit of a `date_window = "elections"` rule on a record whose
//! `created_at` (as a UK date) falls inside an `[[elections]]` window is
//! raised one severity step and the window is named in the detail. UK-wide
//! windows always apply; a nation's windows apply when the profile's
//! `nation` names it. New windows are rows in `rules/elections.toml`.

mod account;
mod compose;
mod elections;
pub mod encoder;
mod examples;
mod hit;
mod inflect;
mod lang;
mod lexicon;
mod link_words;
mod load;
mod metadata;
pub mod model;
mod negation;
mod normalise;
mod pack;
mod pattern;
mod places;
mod preceded;
mod reported;
mod validators;

use crate::org::Org;
use crate::record::{Platform, Record};
use crate::vocab::Field;
use sha2::{Digest, Sha256};
use std::cell::RefCell;
use std::path::Path;

use crate::error::{Error, Result};
pub use account::{AccountHit, AccountInfo, AccountState, Seen};
pub use examples::ExampleFailure;
use hit::retain_from;
pub use hit::{Confidence, Hit, RuleInfo};
use load::Sources;
pub use load::{EMBEDDED, Layer};

thread_local! {
    /// Per-thread feature buffers for the learned models.
    static MODEL_SCRATCH: RefCell<(model::Scratch, Vec<model::Score>)> = RefCell::default();
}

/// A compiled policy pack. Immutable after compilation, so one pack can be
/// shared by every worker thread.
pub struct Pack {
    layers: Vec<Layer>,
    id: String,
    version: String,
    description: String,
    hash: String,
    rules: Vec<RuleInfo>,
    scope: Vec<pack::Scope>,
    lexicon: lexicon::Lexicon,
    /// Lazy signals (large lists), searched only where a composition needs them.
    lazy_lexicon: lexicon::Lexicon,
    patterns: pattern::Patterns,
    /// Lazy pattern signals, searched as the lazy lexicon is.
    lazy_patterns: pattern::Patterns,
    metadata: metadata::Metadata,
    account: account::AccountRules,
    compose: compose::Compose,
    reported: reported::Reported,
    models: model::Models,
    elections: elections::Windows,
    person: regex::Regex,
    examples: Vec<examples::Example>,
    org: Org,
    /// The (base, layer) source texts, kept so examples with their own
    /// organisation profile can run on a recompiled copy.
    sources: (Sources, Sources),
}

impl Pack {
    /// The packs this one is built from, bottom layer first.
    pub fn layers(&self) -> &[Layer] {
        &self.layers
    }

    /// True when the embedded NHS pack is one of the layers.
    pub fn uses_embedded(&self) -> bool {
        self.layers.iter().any(Layer::is_embedded)
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

    /// `(name, SHA-256)` of each embedded model the pack's rules run.
    pub fn model_weights(&self) -> Vec<(String, String)> {
        self.models.weights()
    }

    pub fn rules(&self) -> &[RuleInfo] {
        &self.rules
    }

    /// Runs the contextual encoder's rules too (`scan --deep`;
    /// docs/ENCODER.md). Off, they are skipped before any text is scored.
    pub fn set_deep(&mut self, on: bool) {
        self.models.set_deep(on);
    }

    pub fn deep(&self) -> bool {
        self.models.deep()
    }

    /// Indices of the rules that run only with `--deep`.
    pub fn deep_rules(&self) -> Vec<usize> {
        self.models.deep_rules().collect()
    }

    /// Texts the contextual encoder has read since the pack was compiled.
    pub fn encoder_texts(&self) -> u64 {
        self.models.encoder_texts()
    }

    /// Ids of pattern rules whose regex needed Unicode mode. Any one of them
    /// slows every field of every record (its `RegexSet` gate runs in
    /// Unicode mode): a pack author should rewrite them (e.g. `[!-~]`
    /// instead of `\S`, `(?:e|é)` instead of `[eé]`).
    pub fn unicode_pattern_rules(&self) -> Vec<&str> {
        self.patterns
            .unicode_rules()
            .into_iter()
            .chain(self.lazy_patterns.unicode_rules())
            .map(|r| self.rules[r].id.as_str())
            .collect()
    }

    /// Ids of the pattern rules whose pattern is heavy enough to have a
    /// `RegexSet` gate of its own (src/rules/pattern.rs, `ALONE`).
    pub fn lone_pattern_rules(&self) -> Vec<&str> {
        self.patterns
            .lone_rules()
            .into_iter()
            .chain(self.lazy_patterns.lone_rules())
            .map(|r| self.rules[r].id.as_str())
            .collect()
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
            Ok(mut scratch) => self.check_with(record, &mut scratch, hits, false, false),
            // re-entered (a hit sink calling check): use fresh buffers
            Err(_) => self.check_with(
                record,
                &mut normalise::Normalised::default(),
                hits,
                false,
                false,
            ),
        });
    }

    /// Like [`Pack::check`], keeping the hits of signal rules (which feed
    /// compositions and are otherwise dropped), for running their examples
    /// and for `rules explain`.
    /// `deep` runs the contextual encoder's rules whether or not the pack
    /// was set to (their own examples; `rules explain`).
    pub fn check_keeping_signals(&self, record: &Record, hits: &mut Vec<Hit>, deep: bool) {
        self.check_with(
            record,
            &mut normalise::Normalised::default(),
            hits,
            true,
            deep,
        );
    }

    fn check_with(
        &self,
        record: &Record,
        scratch: &mut normalise::Normalised,
        hits: &mut Vec<Hit>,
        keep_signals: bool,
        deep: bool,
    ) {
        let first = hits.len();
        if !self.models.is_empty() {
            MODEL_SCRATCH.with(|m| m.borrow_mut().1.clear());
        }
        for field in &record.fields {
            let from = hits.len();
            self.patterns
                .check(&self.rules, &self.scope, record.kind, field, hits);
            self.lexicon
                .check(&self.rules, &self.scope, record.kind, field, scratch, hits);
            if !self.models.is_empty() {
                MODEL_SCRATCH.with(|m| {
                    let (feats, scores) = &mut *m.borrow_mut();
                    self.models.check(
                        &self.rules,
                        &self.scope,
                        record,
                        field,
                        feats,
                        scratch,
                        hits,
                        from,
                        scores,
                        &self.reported,
                        deep,
                    );
                });
            }
            hits[from..].sort_by_key(|h| (h.start, h.end, h.rule));
        }
        self.metadata.check(&self.rules, &self.scope, record, hits);
        if hits.len() > first || keep_signals {
            self.refine(record, hits, first);
            if !self.models.is_empty() {
                MODEL_SCRATCH.with(|m| {
                    let (_, scores) = &*m.borrow();
                    // (examples keep the model's own hit, to check it)
                    self.models.combine(
                        &self.rules,
                        &self.scope,
                        hits,
                        first,
                        scores,
                        !keep_signals,
                    );
                });
            }
            if !self.compose.is_empty() {
                let lazy = hits.len();
                // Running examples (keep_signals), every field is searched,
                // so a lazy signal's own examples can be checked.
                let fields = if keep_signals {
                    (0..record.fields.len()).collect()
                } else {
                    self.compose.fields_needing_lazy(record, hits, first)
                };
                for fi in fields {
                    self.lazy_patterns.check(
                        &self.rules,
                        &self.scope,
                        record.kind,
                        &record.fields[fi],
                        hits,
                    );
                    self.lazy_lexicon.check(
                        &self.rules,
                        &self.scope,
                        record.kind,
                        &record.fields[fi],
                        scratch,
                        hits,
                    );
                }
                if hits.len() > lazy {
                    self.refine(record, hits, lazy);
                }
                let composed = hits.len();
                self.compose.check(&self.rules, record, hits, first);
                if hits.len() > composed {
                    self.refine(record, hits, composed);
                }
                if !keep_signals {
                    retain_from(hits, first, |h| !self.scope[h.rule].signal);
                }
            }
            // After the compositions, which may read a list's hit of
            // another category as one of their parts.
            if !keep_signals && !self.models.is_empty() {
                MODEL_SCRATCH.with(|m| {
                    let (_, scores) = &*m.borrow();
                    self.models
                        .veto_lists(&self.rules, &self.scope, hits, first, scores);
                });
            }
        }
    }

    /// Record-level conditions and adjustments, applied only to the hits a
    /// record produced (so the common no-hit case costs nothing): `addressed`,
    /// `near_person` and `media` scopes, pre-election windows, characteristic
    /// tags.
    fn refine(&self, record: &Record, hits: &mut Vec<Hit>, first: usize) {
        let mut i = first;
        while i < hits.len() {
            let sc = &self.scope[hits[i].rule];
            let keep = sc.audience_ok(record)
                && (!sc.near_person || self.near_person(record))
                && sc
                    .media
                    .as_deref()
                    .is_none_or(|m| has_media(record, m == "video"))
                && !self.reported.stands_down(record, &hits[i]);
            if !keep {
                hits.remove(i);
                continue;
            }
            let h = &mut hits[i];
            if sc.date_window.is_some()
                && let Some(ts) = record.created_at
                && let Some(w) = self.elections.find(ts, &self.org.nation)
            {
                h.severity = h.severity.raised();
                h.detail
                    .push_str("; posted in the pre-election period for ");
                h.detail.push_str(w);
            }
            let ch = &self.rules[h.rule].characteristics;
            if !ch.is_empty() {
                h.detail.push_str("; Equality Act characteristic: ");
                h.detail.push_str(&ch.join(", "));
            }
            i += 1;
        }
    }

    fn near_person(&self, record: &Record) -> bool {
        !record.mentions.is_empty()
            || record
                .fields
                .iter()
                .any(|f| f.name.is_prose() && self.person.is_match(&f.value))
    }

    /// A fresh per-account state for cross-record rules. The organisation
    /// profile's `[[account]]` entry for this platform and handle says
    /// whether the account is Welsh and official (default: official, not
    /// Welsh).
    pub fn account_state(&self, platform: Platform, account: &str, org: &Org) -> AccountState {
        let (welsh, official) = org
            .account_settings(platform.as_str(), account)
            .map_or((false, true), |a| (a.welsh, a.official));
        AccountState::new(platform, account, welsh, official)
    }

    /// Feeds one record of the account to the cross-record rules. Cheap for
    /// accounts that are neither Welsh nor personal: a timestamp per post.
    pub fn observe(&self, state: &mut AccountState, record: &Record) {
        self.account.observe(state, record);
    }

    /// Combines two partial states of one account (any order, same result).
    pub fn merge(&self, into: &mut AccountState, from: AccountState) {
        self.account.merge(into, from);
    }

    /// The account's cross-record hits, in a deterministic order.
    pub fn finish_account(&self, state: AccountState) -> Vec<AccountHit> {
        self.account.finish(&self.rules, state)
    }

    /// Runs every rule's `examples`; returns how many ran and which failed.
    pub fn test_examples(&self) -> (usize, Vec<ExampleFailure>) {
        examples::run(self, &self.examples)
    }
}

fn has_media(record: &Record, video_only: bool) -> bool {
    // A recording: video, or audio (a consultation recorded on a phone).
    let is_video = |m: &str| {
        crate::vocab::extension(m).is_some_and(|e| {
            crate::vocab::VIDEO_EXTENSIONS.contains(&e.as_str())
                || crate::vocab::AUDIO_EXTENSIONS.contains(&e.as_str())
        })
    };
    let names = record.media.iter().map(String::as_str).chain(
        record
            .fields
            .iter()
            .filter(|f| f.name == Field::MediaName)
            .map(|f| f.value.as_str()),
    );
    names.into_iter().any(|n| !video_only || is_video(n))
}

#[cfg(test)]
mod tests;

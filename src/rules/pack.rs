//! Pack TOML: the serde structs, merging files, and validation that names
//! the file and rule on every error.
//!
//! Longer than 600 lines on purpose: the whole pack format (every table
//! and key, and what is refused) in one place, in the order docs/RULES.md
//! describes it, so the two can be checked against each other.

use super::{Confidence, RuleInfo};
use crate::record::RecordKind;
use crate::vocab::Severity;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

use crate::error::{Error, Result};
use crate::vocab::Field;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPackHeader {
    id: String,
    version: String,
    #[serde(default)]
    description: String,
    /// "default": load the embedded default pack first, then this one.
    extend: Option<String>,
    /// Rule ids of the extended pack to leave out.
    #[serde(default)]
    disable: Vec<String>,
}

/// Equality Act 2010 protected characteristics a rule can be tagged with.
pub const CHARACTERISTICS: &[&str] = &[
    "age",
    "disability",
    "gender-reassignment",
    "marriage-civil-partnership",
    "pregnancy-maternity",
    "race",
    "religion-belief",
    "sex",
    "sexual-orientation",
];

/// One pre-election period (`[[elections]]`).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElectionDef {
    pub election: String,
    /// uk | england | wales | scotland | northern-ireland
    pub jurisdiction: String,
    /// First and last day (inclusive), YYYY-MM-DD, UK dates.
    pub start: String,
    pub end: String,
    pub source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: String,
    title: String,
    category: String,
    severity: String,
    policy: Vec<String>,
    clauses: Vec<String>,
    fields: Option<Vec<String>>,
    kinds: Option<Vec<String>>,
    confidence: Option<String>,
    #[serde(default)]
    characteristics: Vec<String>,
    #[serde(default)]
    addressed: bool,
    #[serde(default)]
    unaddressed: bool,
    #[serde(default)]
    near_person: bool,
    /// A hit inside quotation marks stands down where these words say
    /// someone else said or wrote it (src/rules/reported.rs).
    reported: Option<ContextDef>,
    media: Option<String>,
    date_window: Option<String>,
    lexicon: Option<LexiconDef>,
    pattern: Option<PatternDef>,
    metadata: Option<MetadataDef>,
    account: Option<AccountDef>,
    compose: Option<ComposeDef>,
    model: Option<ModelDef>,
    /// Feeds `compose` rules only; never a finding of its own.
    #[serde(default)]
    signal: bool,
    /// A costly signal (a large lexicon) searched only in fields where a
    /// composition that uses it already has every other group.
    #[serde(default)]
    lazy: bool,
    #[serde(default)]
    examples: ExamplesDef,
}

/// `compose = { all = [["a", "b"], ["c"]], window = 80, negation = true,
/// none = ["d"] }`: fires when a hit of every group meets in one field
/// within `window` characters (0: anywhere in the field); with `negation`,
/// a component negated just before ("not", "never", "isn't") does not
/// count; a hit of a `none` rule as near as that cancels it.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComposeDef {
    pub all: Vec<Vec<String>>,
    #[serde(default = "default_compose_window")]
    pub window: usize,
    #[serde(default = "yes")]
    pub negation: bool,
    /// Parts must appear in the order of `all`, each after the one before
    /// ("immigrants" … "are" … "lazy", not "lazy" … "immigrants are").
    #[serde(default)]
    pub ordered: bool,
    /// Drop the composite when any of these words is within `window`
    /// characters of it: the framing that makes it something else (health
    /// advice about alcohol, a support service).
    pub unless: Option<UnlessDef>,
    /// Rule ids whose hit within `window` characters of the composed span
    /// (anywhere in the field when `window` is 0) cancels it: "our pop-up
    /// clinic will be at …" is a venue, not someone's whereabouts.
    #[serde(default)]
    pub none: Vec<String>,
}

/// `model = { name = "abuse", threshold = 0.8, high = 0.95 }`: an embedded
/// learned model (rules/models/NAME.bin) scores each text field; a score at
/// or above `threshold` is a hit, at or above `high` a high-confidence one.
/// A model of several heads (one classifier per category over the same
/// features) names the head: `{ name = "policy", head = "patient-data", … }`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelDef {
    pub name: String,
    pub head: Option<String>,
    /// Texts with fewer words (numbers aside, for a model that skips
    /// them) are not scored: a bag of words leans on every word of a short
    /// text ("Ring us on 0113 496 0381", "Photo of our new car park").
    #[serde(default)]
    pub min_words: usize,
    /// Texts without a link (`http…`, `www.…` or a bare host such as
    /// `bit.ly/x`) are not scored: for a model that judges where a link
    /// points, a text without one cannot be a hit, and scoring it costs.
    #[serde(default)]
    pub needs_link: bool,
    /// A score below half the threshold lowers the confidence of the same
    /// category's hits in the field. Only for a model trained on enough
    /// data to be trusted against a list (the abuse model); the policy
    /// heads only ever raise.
    #[serde(default)]
    pub lowers: bool,
    pub threshold: f32,
    pub high: Option<f32>,
    /// Words anywhere in the field that stand the model's own hit down
    /// (its score still moves other hits' confidence), with `except` words
    /// that keep it: the framing that makes the text compliant ("his
    /// parents gave consent for us to share…").
    #[serde(default)]
    pub unless: Option<UnlessDef>,
    /// Lists whose phrases are blanked out of the text before the model
    /// reads it: the safe-lists of the lexicons ("clown doctors", "blue
    /// tits", "I'm such an idiot") in front of a bag of words that cannot
    /// tell them from the insults they share words with.
    #[serde(default)]
    pub safe_lists: Vec<String>,
    /// A lower threshold where a hit of one of these (lexicon or pattern)
    /// rules stands in the same field: the model's word and a list's
    /// together, each too weak alone (docs/RULES.md, "Learned models").
    pub beside: Option<BesideDef>,
    /// Below this score the same category's weaker evidence in the field
    /// is dropped. An encoder's rule drops the linear models' hits: it
    /// reads the sentence a bag of words only counts (docs/ENCODER.md,
    /// "Evidence combined"). A linear model's rule drops the lists' and
    /// compositions' hits (not patterns'): it has weighed every word of
    /// the field, where they matched a few (docs/RULES.md, "`model`:
    /// learned classifiers").
    pub veto: Option<f32>,
    /// An encoder's rule only: a lower threshold where a linear model rule
    /// of the same category gives some evidence too (docs/ENCODER.md,
    /// "Evidence combined").
    pub agree: Option<AgreeDef>,
}

/// `agree = { threshold = 0.60, fraction = 0.30 }`: the encoder's score
/// from `threshold` is a hit where a linear model rule of the same
/// category scored the field at `fraction` of its own threshold or more.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgreeDef {
    pub threshold: f32,
    pub fraction: f32,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BesideDef {
    pub rules: Vec<String>,
    pub threshold: f32,
}

fn default_compose_window() -> usize {
    80
}

fn yes() -> bool {
    true
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountDef {
    pub predicate: String,
    /// posting-gap: longest allowed gap in days (default 30)
    pub days: Option<u32>,
    /// welsh-counterpart: window either side in hours (default 24)
    pub hours: Option<u32>,
    /// welsh-counterpart: marker lists (Welsh, English) for bilingual posts
    #[serde(default)]
    pub lists: Vec<String>,
    /// no-disclaimer: disclaimer phrases
    #[serde(default)]
    pub phrases: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconDef {
    #[serde(default)]
    pub terms: Vec<String>,
    #[serde(default)]
    pub lists: Vec<String>,
    #[serde(default)]
    pub allow: Vec<String>,
    #[serde(default)]
    pub allow_lists: Vec<String>,
    /// Drop a hit when the next word is one of these: a term used to name
    /// a service ("stroke team", "cancer screening", "flu jab") is not
    /// about a person.
    #[serde(default)]
    pub not_followed_by: Vec<String>,
    /// Named lists of such words, as `allow_lists` is to `allow`.
    #[serde(default)]
    pub not_followed_by_lists: Vec<String>,
    /// Drop a hit that is mentioned rather than used: asked about ("Buy
    /// one get one free? Not with antibiotics") or inside quotation marks
    /// ("'Buy now, no prescription needed' sites sell fakes";
    /// src/rules/lexicon.rs, `mentioned`).
    #[serde(default)]
    pub skip_mentions: bool,
    /// Also match each term's first word in its -ing and past forms
    /// ("batter" → "battering", "battered"; src/rules/inflect.rs).
    #[serde(default)]
    pub verb_forms: bool,
    /// Drop a hit with any of these words within `window` characters, as
    /// for pattern rules ("shared with consent" beside a ward photo).
    pub unless: Option<UnlessDef>,
    /// Keep a hit only when one of these words ends at most `gap` words
    /// before it in its clause: a condition owned by someone ("her chemo",
    /// "he's epileptic"), not named as a topic (src/rules/preceded.rs).
    pub preceded_by: Option<PrecededDef>,
}

/// `lexicon.preceded_by`: words or phrases, given inline or as named lists,
/// one of which must end at most `gap` words before the hit.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrecededDef {
    #[serde(default)]
    pub words: Vec<String>,
    #[serde(default)]
    pub lists: Vec<String>,
    #[serde(default)]
    pub gap: usize,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternDef {
    pub regex: String,
    #[serde(default)]
    pub case_sensitive: bool,
    pub validator: Option<String>,
    pub context: Option<ContextDef>,
    /// Drop a match with any of these words within `window` characters:
    /// the phrasing that makes it something else ("call our switchboard
    /// on …", "bed time story"). `required` has no meaning here; `except`
    /// words cancel it ("ring me at home on …").
    pub unless: Option<UnlessDef>,
    pub reject_token: Option<RejectTokenDef>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextDef {
    #[serde(default)]
    pub words: Vec<String>,
    /// Named `[lists]` whose words join `words`: one list shared by the
    /// rules that stand down for the same framing (stated consent).
    #[serde(default)]
    pub lists: Vec<String>,
    #[serde(default = "default_window")]
    pub window: usize,
    #[serde(default)]
    pub required: bool,
    /// `unless` only: words that count only when they come before the
    /// match, as a label introducing it ("our out-of-hours service is
    /// available on …", "pop-up clinic at …").
    #[serde(default)]
    pub before: Vec<String>,
    /// Named `[lists]` whose words join `before`.
    #[serde(default)]
    pub before_lists: Vec<String>,
    /// `unless` only: a match it stands down stands down every match of
    /// the same text in the field ("Dr Hannah Lowe … Hannah's team": a
    /// name introduced as staff stays staff).
    #[serde(default)]
    pub sticky: bool,
    /// `unless` only: words that, also within `window`, keep the match
    /// after all: the phrasing that makes it personal again ("me", "at
    /// home", "his mobile") or negates the cue ("without consent").
    #[serde(default)]
    pub except: Vec<String>,
    /// Named `[lists]` whose words join `except`.
    #[serde(default)]
    pub except_lists: Vec<String>,
    /// `unless` only: a word of `words` negated where it stands does not
    /// count ("without consent", "consent was not given", "never gave
    /// permission"; src/rules/negation.rs). Unlike `except`, which reads
    /// the whole window, this reads only the word's own clause.
    #[serde(default)]
    pub negatable: bool,
    /// Words of `words` that count only as the head of what they name,
    /// not as a modifier of the next word: "the patient in bed 4" and
    /// "patient: Mrs …" count, "patient transport" and "bed occupancy"
    /// do not (docs/RULES.md, "Context words as nouns").
    #[serde(default)]
    pub heads: Vec<String>,
}

fn default_window() -> usize {
    60
}

/// An `unless` key: one table, or an array of tables each with its own
/// window (`unless = [{ words = ["bed time"], window = 40 }, { lists =
/// ["consent-given"], window = 300 }]`). A match stands down when any
/// table applies: a nearby word that changes what the match means and a
/// framing further off (stated consent) each get the reach they need
/// (docs/RULES.md, "More than one unless table").
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UnlessDef(pub Vec<ContextDef>);

impl<'de> Deserialize<'de> for UnlessDef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        use serde::de::Error as _;
        // Through a TOML value, so that a table's own error (an unknown
        // key, a word that is not a string) reaches the author intact.
        let table = |v: toml::Value| ContextDef::deserialize(v).map_err(D::Error::custom);
        match toml::Value::deserialize(d)? {
            toml::Value::Array(a) if a.is_empty() => {
                Err(D::Error::custom("`unless` is an empty array"))
            }
            toml::Value::Array(a) => Ok(UnlessDef(
                a.into_iter()
                    .map(table)
                    .collect::<std::result::Result<_, _>>()?,
            )),
            v => Ok(UnlessDef(vec![table(v)?])),
        }
    }
}

/// Drop a match when the whitespace-delimited token around it looks like a
/// URL, handle or hashtag (generic, not an NHS-number special case).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RejectTokenDef {
    #[serde(default)]
    pub contains: Vec<String>,
    #[serde(default)]
    pub starts_with: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetadataDef {
    pub predicate: String,
    #[serde(default)]
    pub sources: Vec<String>,
    pub field: Option<String>,
    /// link-domain: `[link_domains]` categories to report
    #[serde(default)]
    pub categories: Vec<String>,
    /// field-count: report when a record has at least this many values
    pub min: Option<usize>,
    /// link-domain, link-words: also read addresses written in the prose fields
    /// ("bit.ly/3abc", "www.example.com/x"), not only link fields
    #[serde(default)]
    pub in_text: bool,
    /// link-words: `[lists]` whose entries are read in an address's host
    #[serde(default)]
    pub lists: Vec<String>,
    /// link-words: `[lists]` whose entries are read in its host and path
    #[serde(default)]
    pub path_lists: Vec<String>,
    /// field-present: the words the detail puts before the value
    /// ("handle changed"); default "<field> present"
    pub label: Option<String>,
    /// Words in any prose field of the record that stand its hits down
    /// (a geotag on a post that says where a service is: docs/RULES.md,
    /// "`metadata`: predicates over a whole record"). The window is the
    /// whole field.
    pub unless: Option<UnlessDef>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExamplesDef {
    #[serde(rename = "match", default)]
    pub matches: Vec<toml::Value>,
    #[serde(default)]
    pub no_match: Vec<toml::Value>,
}

#[derive(Clone, Debug)]
pub enum Detector {
    Lexicon(LexiconDef),
    Pattern(PatternDef),
    Metadata(MetadataDef),
    Account(AccountDef),
    Compose(ComposeDef),
    Model(ModelDef),
}

/// Which records and fields a rule reads.
#[derive(Clone, Debug, Default)]
pub struct Scope {
    pub fields: Option<Vec<Field>>,
    pub kinds: Option<Vec<RecordKind>>,
    /// Whom a record must be aimed at for the rule to read it.
    pub audience: Audience,
    /// Only records that refer to a person: @mentions or a titled name.
    pub near_person: bool,
    /// Only records with attached media: "any" or "video".
    pub media: Option<String>,
    /// Raise severity inside these date windows ("elections").
    pub date_window: Option<String>,
    /// Feeds composition rules only; its hits are never findings.
    pub signal: bool,
    /// Searched only where a composition needs it (`lazy = true`).
    pub lazy: bool,
}

/// Whom a record is aimed at, as a rule's scope asks (`addressed = true`,
/// `unaddressed = true`, or neither).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Audience {
    /// Any record.
    #[default]
    Any,
    /// Replies and records with @mentions only.
    Addressed,
    /// Records that are neither replies nor carry @mentions: a post to
    /// everyone, where a model speaks only when surer (rules/models.toml).
    Unaddressed,
}

impl Scope {
    pub fn kind_ok(&self, kind: RecordKind) -> bool {
        self.kinds.as_ref().is_none_or(|ks| ks.contains(&kind))
    }

    /// Whether the record is aimed as `audience` asks: `addressed`, a
    /// reply or a record with @mentions; `unaddressed`, neither.
    pub fn audience_ok(&self, record: &crate::record::Record) -> bool {
        let aimed = record.kind == RecordKind::Reply || !record.mentions.is_empty();
        match self.audience {
            Audience::Any => true,
            Audience::Addressed => aimed,
            Audience::Unaddressed => !aimed,
        }
    }

    /// For text detectors: the named fields, else every prose field.
    pub fn text_field_ok(&self, name: Field) -> bool {
        match &self.fields {
            Some(fs) => fs.contains(&name),
            None => name.is_prose(),
        }
    }
}

pub struct RuleDef {
    pub file: String,
    pub info: RuleInfo,
    pub scope: Scope,
    pub detector: Detector,
    /// `reported`: words that make a quoted hit someone else's words.
    pub reported: Option<ContextDef>,
    pub examples: ExamplesDef,
}

impl RuleDef {
    /// "rule X (file)" for error messages.
    pub fn whence(&self) -> String {
        format!("{}: rule {}", self.file, self.info.id)
    }
}

pub struct PackDef {
    pub id: String,
    pub version: String,
    pub description: String,
    /// The extended (base) pack's id and version, for a layered pack.
    pub base: Option<(String, String)>,
    /// How many of `rules` come from the base pack (they come first).
    pub base_rules: usize,
    /// Base rule ids the layer disabled.
    pub disabled: Vec<String>,
    pub rules: Vec<RuleDef>,
    pub lists: BTreeMap<String, Vec<String>>,
    pub elections: Vec<ElectionDef>,
    /// category -> domains (`[link_domains]`)
    pub link_domains: BTreeMap<String, Vec<String>>,
}

impl PackDef {
    /// Whether rule `i` can feed another rule's check (a composition's
    /// group, a model's `beside`): a lexicon or pattern rule, whose hits
    /// exist before compositions and models read them.
    pub fn is_component(&self, i: usize) -> bool {
        matches!(
            self.rules[i].detector,
            Detector::Lexicon(_) | Detector::Pattern(_)
        )
    }

    pub fn list(&self, rule: &RuleDef, name: &str) -> Result<&[String]> {
        self.lists
            .get(name)
            .map(|v| v.as_slice())
            .ok_or_else(|| Error::Pack(format!("{}: unknown list {name:?}", rule.whence())))
    }
}

#[cfg(test)]
pub fn parse(sources: &[(String, String)]) -> Result<PackDef> {
    parse_layers(&[], sources)
}

/// Parses `base` (an extended pack, e.g. the embedded default) and then
/// `sources`. With an empty base this is a plain pack. A layer whose
/// `[pack]` has `extend` may `disable` base rules, add rules and lists, and
/// append to base lists with `[extend_lists]`.
pub fn parse_layers(base: &[(String, String)], sources: &[(String, String)]) -> Result<PackDef> {
    let mut st = State::default();
    if !base.is_empty() {
        for (file, text) in base {
            st.file(file, text, false)?;
        }
        if st.header.is_none() {
            return Err(Error::Pack("extended pack has no [pack] table".into()));
        }
        st.base_header = st.header.take();
    }
    for (file, text) in sources {
        st.file(file, text, !base.is_empty())?;
    }
    let (hfile, h) = st
        .header
        .take()
        .ok_or(Error::Pack("pack has no [pack] table (id, version)".into()))?;
    if h.extend.is_some() && base.is_empty() {
        return Err(Error::Pack(format!(
            "{hfile}: [pack] extend: only \"default\" can be extended"
        )));
    }
    if !h.disable.is_empty() && base.is_empty() {
        return Err(Error::Pack(format!(
            "{hfile}: [pack] disable needs extend = \"default\""
        )));
    }
    let base = st
        .base_header
        .as_ref()
        .map(|(_, b)| (b.id.clone(), b.version.clone()));
    let mut rules = st.base_rules;
    for id in &h.disable {
        let before = rules.len();
        rules.retain(|r| &r.info.id != id);
        if rules.len() == before {
            return Err(Error::Pack(format!(
                "{hfile}: disable names unknown rule {id:?}"
            )));
        }
    }
    let base_rules = rules.len();
    for r in st.rules {
        if rules.iter().any(|b| b.info.id == r.info.id) {
            return Err(Error::Pack(format!(
                "{}: duplicate rule id (disable the default rule to replace it)",
                r.whence()
            )));
        }
        rules.push(r);
    }
    for (file, name, extra) in st.extend_lists {
        match st.lists.get_mut(&name) {
            Some(l) => l.extend(extra),
            None => {
                return Err(Error::Pack(format!(
                    "{file}: [extend_lists] unknown list {name:?}"
                )));
            }
        }
    }
    for (file, e) in &st.elections {
        check_election(file, e)?;
    }
    Ok(PackDef {
        id: h.id,
        version: h.version,
        description: h.description,
        base,
        base_rules,
        disabled: h.disable,
        rules,
        lists: st.lists,
        elections: st.elections.into_iter().map(|(_, e)| e).collect(),
        link_domains: st.link_domains,
    })
}

#[derive(Default)]
struct State {
    header: Option<(String, RawPackHeader)>,
    base_header: Option<(String, RawPackHeader)>,
    lists: BTreeMap<String, Vec<String>>,
    extend_lists: Vec<(String, String, Vec<String>)>,
    base_rules: Vec<RuleDef>,
    rules: Vec<RuleDef>,
    seen: HashSet<String>,
    seen_layer: HashSet<String>,
    elections: Vec<(String, ElectionDef)>,
    link_domains: BTreeMap<String, Vec<String>>,
}

impl State {
    fn file(&mut self, file: &str, text: &str, layered: bool) -> Result<()> {
        let table: toml::Table = toml::from_str(text)
            .map_err(|e| Error::Pack(format!("{file}: {}", e.to_string().trim())))?;
        for (key, value) in table {
            match key.as_str() {
                "pack" => {
                    let h: RawPackHeader = value
                        .try_into()
                        .map_err(|e| Error::Pack(format!("{file}: [pack]: {}", msg(e))))?;
                    if let Some((other, _)) = &self.header {
                        return Err(Error::Pack(format!(
                            "{file}: second [pack] table (first in {other})"
                        )));
                    }
                    if layered && h.extend.as_deref() != Some("default") {
                        return Err(Error::Pack(format!(
                            "{file}: [pack] extend must be \"default\" in a layered pack"
                        )));
                    }
                    self.header = Some((file.to_string(), h));
                }
                "lists" => {
                    let l: BTreeMap<String, Vec<String>> = value
                        .try_into()
                        .map_err(|e| Error::Pack(format!("{file}: [lists]: {}", msg(e))))?;
                    for (name, terms) in l {
                        if self.lists.insert(name.clone(), terms).is_some() {
                            return Err(Error::Pack(format!(
                                "{file}: list {name:?} defined twice (use [extend_lists] to add to it)"
                            )));
                        }
                    }
                }
                "extend_lists" => {
                    let l: BTreeMap<String, Vec<String>> = value
                        .try_into()
                        .map_err(|e| Error::Pack(format!("{file}: [extend_lists]: {}", msg(e))))?;
                    for (name, terms) in l {
                        self.extend_lists.push((file.to_string(), name, terms));
                    }
                }
                "link_domains" => {
                    let l: BTreeMap<String, Vec<String>> = value
                        .try_into()
                        .map_err(|e| Error::Pack(format!("{file}: [link_domains]: {}", msg(e))))?;
                    for (cat, domains) in l {
                        self.link_domains.entry(cat).or_default().extend(
                            domains
                                .into_iter()
                                .map(|d| d.trim().trim_end_matches('.').to_ascii_lowercase()),
                        );
                    }
                }
                "elections" => {
                    let e: Vec<ElectionDef> = value
                        .try_into()
                        .map_err(|e| Error::Pack(format!("{file}: [[elections]]: {}", msg(e))))?;
                    self.elections
                        .extend(e.into_iter().map(|e| (file.to_string(), e)));
                }
                "rules" => {
                    let arr = match value {
                        toml::Value::Array(a) => a,
                        _ => {
                            return Err(Error::Pack(format!(
                                "{file}: `rules` must be [[rules]] tables"
                            )));
                        }
                    };
                    for (i, v) in arr.into_iter().enumerate() {
                        let id = v
                            .get("id")
                            .and_then(|x| x.as_str())
                            .map(str::to_string)
                            .unwrap_or_else(|| format!("#{} (no id)", i + 1));
                        let raw: RawRule = v
                            .try_into()
                            .map_err(|e| Error::Pack(format!("{file}: rule {id}: {}", msg(e))))?;
                        let rule = validate(file, raw)?;
                        let seen = if layered {
                            &mut self.seen_layer
                        } else {
                            &mut self.seen
                        };
                        if !seen.insert(rule.info.id.clone()) {
                            return Err(Error::Pack(format!(
                                "{file}: rule {id}: duplicate rule id"
                            )));
                        }
                        if layered {
                            self.rules.push(rule);
                        } else {
                            self.base_rules.push(rule);
                        }
                    }
                }
                other => {
                    return Err(Error::Pack(format!(
                        "{file}: unknown top-level key {other:?}"
                    )));
                }
            }
        }
        Ok(())
    }
}

fn check_election(file: &str, e: &ElectionDef) -> Result<()> {
    let at = format!("{file}: election {:?}", e.election);
    if !matches!(
        e.jurisdiction.as_str(),
        "uk" | "england" | "wales" | "scotland" | "northern-ireland"
    ) {
        return Err(Error::Pack(format!(
            "{at}: unknown jurisdiction {:?} (uk, england, wales, scotland, northern-ireland)",
            e.jurisdiction
        )));
    }
    let s: jiff::civil::Date = e
        .start
        .parse()
        .map_err(|x| Error::Pack(format!("{at}: bad start date {:?}: {x}", e.start)))?;
    let t: jiff::civil::Date = e
        .end
        .parse()
        .map_err(|x| Error::Pack(format!("{at}: bad end date {:?}: {x}", e.end)))?;
    if t < s {
        return Err(Error::Pack(format!("{at}: end is before start")));
    }
    if e.source.trim().is_empty() {
        return Err(Error::Pack(format!("{at}: needs a source")));
    }
    Ok(())
}

fn msg(e: impl std::fmt::Display) -> String {
    e.to_string().trim().replace('\n', " ")
}

fn validate(file: &str, raw: RawRule) -> Result<RuleDef> {
    let at = format!("{file}: rule {}", raw.id);
    if raw.id.trim().is_empty() {
        return Err(Error::Pack(format!("{at}: empty id")));
    }
    let category: crate::vocab::Category = raw
        .category
        .parse()
        .map_err(|e| Error::Pack(format!("{at}: {e}")))?;
    let severity: Severity = raw
        .severity
        .parse()
        .map_err(|e| Error::Pack(format!("{at}: {e}")))?;
    if raw.policy.is_empty() {
        return Err(Error::Pack(format!(
            "{at}: `policy` must name at least one clause key"
        )));
    }
    for c in &raw.clauses {
        let b = c.as_bytes();
        if !(b.len() == 2 && (b'A'..=b'E').contains(&b[0]) && b[1].is_ascii_digit()) {
            return Err(Error::Pack(format!(
                "{at}: clause {c:?} is not an id like A1..E4"
            )));
        }
    }
    let kinds = match raw.kinds {
        None => None,
        Some(ks) => Some(
            ks.iter()
                .map(|k| {
                    RecordKind::parse(k)
                        .ok_or_else(|| Error::Pack(format!("{at}: unknown record kind {k:?}")))
                })
                .collect::<Result<Vec<_>, _>>()?,
        ),
    };
    let fields = match &raw.fields {
        None => None,
        Some(fs) => Some(
            fs.iter()
                .map(|f| {
                    f.parse::<Field>()
                        .map_err(|e| Error::Pack(format!("{at}: {e}")))
                })
                .collect::<Result<Vec<_>, _>>()?,
        ),
    };
    let confidence = match &raw.confidence {
        None => Confidence::Medium,
        Some(c) => Confidence::parse(c).ok_or_else(|| {
            Error::Pack(format!(
                "{at}: unknown confidence {c:?} (expected low, medium or high)"
            ))
        })?,
    };
    for c in &raw.characteristics {
        if !CHARACTERISTICS.contains(&c.as_str()) {
            return Err(Error::Pack(format!(
                "{at}: unknown characteristic {c:?} (expected one of {})",
                CHARACTERISTICS.join(", ")
            )));
        }
    }
    if let Some(m) = &raw.media
        && !matches!(m.as_str(), "any" | "video")
    {
        return Err(Error::Pack(format!(
            "{at}: media must be \"any\" or \"video\", not {m:?}"
        )));
    }
    if let Some(w) = &raw.date_window
        && w != "elections"
    {
        return Err(Error::Pack(format!(
            "{at}: date_window must be \"elections\", not {w:?}"
        )));
    }
    let detectors = [
        raw.lexicon.map(Detector::Lexicon),
        raw.pattern.map(Detector::Pattern),
        raw.metadata.map(Detector::Metadata),
        raw.account.map(Detector::Account),
        raw.compose.map(Detector::Compose),
        raw.model.map(Detector::Model),
    ];
    let mut given = detectors.into_iter().flatten();
    let (Some(detector), None) = (given.next(), given.next()) else {
        return Err(Error::Pack(format!(
            "{at}: needs exactly one detector table: lexicon, pattern, metadata, account, compose or model"
        )));
    };
    let context = match &detector {
        Detector::Pattern(p) => p.context.as_ref(),
        _ => None,
    };
    if context.is_some_and(|c| {
        !c.except.is_empty()
            || !c.except_lists.is_empty()
            || !c.before.is_empty()
            || !c.before_lists.is_empty()
            || c.sticky
            || c.negatable
    }) {
        return Err(Error::Pack(format!(
            "{at}: `before`, `except` (and their `_lists`), `sticky` and `negatable` belong to `unless`, not `context`"
        )));
    }
    let kind = match &detector {
        Detector::Lexicon(_) => "lexicon",
        Detector::Pattern(_) => "pattern",
        Detector::Metadata(_) => "metadata",
        Detector::Account(_) => "account",
        Detector::Compose(_) => "compose",
        Detector::Model(_) => "model",
    };
    if raw.signal && !matches!(detector, Detector::Lexicon(_) | Detector::Pattern(_)) {
        return Err(Error::Pack(format!(
            "{at}: only lexicon and pattern rules can be signals"
        )));
    }
    if raw.lazy && !(raw.signal && matches!(detector, Detector::Lexicon(_) | Detector::Pattern(_)))
    {
        return Err(Error::Pack(format!(
            "{at}: only lexicon and pattern signals can be lazy"
        )));
    }
    let audience = match (raw.addressed, raw.unaddressed) {
        (false, false) => Audience::Any,
        (true, false) => Audience::Addressed,
        (false, true) => Audience::Unaddressed,
        (true, true) => {
            return Err(Error::Pack(format!(
                "{at}: `addressed` and `unaddressed` cannot both be set"
            )));
        }
    };
    let kind = if raw.signal {
        format!("{kind} signal")
    } else {
        kind.to_string()
    };
    Ok(RuleDef {
        file: file.to_string(),
        info: RuleInfo {
            id: raw.id,
            title: raw.title,
            category,
            severity,
            policy_ref: raw.policy.join("; "),
            clauses: raw.clauses,
            kind,
            confidence,
            characteristics: raw.characteristics,
        },
        scope: Scope {
            fields,
            kinds,
            audience,
            near_person: raw.near_person,
            media: raw.media,
            date_window: raw.date_window,
            signal: raw.signal,
            lazy: raw.lazy,
        },
        detector,
        reported: raw.reported,
        examples: raw.examples,
    })
}

//! Model rules of a pack: which embedded model and head each rule reads,
//! its thresholds, and how its score becomes a finding or moves another
//! rule's confidence (docs/RULES.md, "Learned models"; the encoder's
//! `veto` and `agree`, docs/ENCODER.md). The models themselves, linear
//! (`super::Model`) or contextual (`crate::rules::encoder`), only score.

use super::{EMBEDDED, EMBEDDED_ENCODER, ENCODER_SHA256, Features, Model};
use crate::error::{Error, Result};
use crate::rules::{
    Confidence, Hit, RuleInfo, encoder, lexicon, normalise, pack, pattern, reported, retain_from,
};

/// Model rules of a pack: each scores every text field it reads.
#[derive(Default)]
pub struct Models {
    /// Each embedded model a rule names, loaded once.
    models: Vec<Scorer>,
    rules: Vec<ModelRule>,
    /// The safe phrases of each distinct `model.safe_lists`, compiled once
    /// however many rules name the same lists.
    phrases: Vec<lexicon::Phrases>,
    /// Whether rules of an encoder run (`scan --deep`): they cost
    /// milliseconds a text where the rest of the pack costs microseconds.
    deep: bool,
}

/// A learned model of either kind.
enum Scorer {
    Linear(Model),
    Encoder(encoder::Encoder),
}

impl Scorer {
    fn embedded(name: &str) -> Result<Scorer> {
        if name == "policy-encoder" {
            encoder::Encoder::from_bytes(name, EMBEDDED_ENCODER).map(Scorer::Encoder)
        } else {
            Model::embedded(name).map(Scorer::Linear)
        }
    }

    /// SHA-256 of the embedded bytes it was read from.
    fn sha256(&self) -> &'static str {
        match self {
            Scorer::Linear(m) => EMBEDDED
                .iter()
                .find(|(n, ..)| *n == m.name)
                .map_or("", |(.., h)| h),
            Scorer::Encoder(_) => ENCODER_SHA256,
        }
    }

    fn name(&self) -> &str {
        match self {
            Scorer::Linear(m) => &m.name,
            Scorer::Encoder(e) => &e.name,
        }
    }

    fn head(&self, name: Option<&str>) -> Option<usize> {
        match self {
            Scorer::Linear(m) => m.head(name),
            Scorer::Encoder(e) => e.head(name),
        }
    }

    fn head_names(&self) -> Vec<&str> {
        match self {
            Scorer::Linear(m) => m.head_names(),
            Scorer::Encoder(e) => e.head_names(),
        }
    }

    /// `abuse`, or `policy/patient-data` for one output of several.
    fn label(&self, head: usize) -> String {
        match self {
            Scorer::Linear(m) => m.label(head),
            Scorer::Encoder(e) => format!("{}/{}", e.name, e.head_names()[head]),
        }
    }
}

/// Per-thread buffers of both kinds of model.
#[derive(Default)]
pub struct Scratch {
    pub features: Features,
    pub encoder: encoder::Scratch,
}

/// A model rule: which model and head, and its thresholds.
struct ModelRule {
    rule: usize,
    model: usize,
    head: usize,
    min_words: usize,
    needs_link: bool,
    lowers: bool,
    threshold: f32,
    high: f32,
    unless: Option<pattern::Unless>,
    /// Phrases left out of the text the model reads (`model.safe_lists`),
    /// an index into `Models::phrases`.
    safe: Option<usize>,
    /// The lower threshold and the rules whose hit in the field allows it.
    beside: Option<(f32, Vec<usize>)>,
    /// Below this score, the same category's weaker evidence in the
    /// field is dropped (0: never): an encoder's drops the linear models'
    /// hits, a linear head's the lists' and compositions'.
    veto: f32,
    /// An encoder's: the lower threshold and the fraction of a linear
    /// rule's own threshold it must reach.
    agree: Option<(f32, f32)>,
    /// An encoder's: the linear rules of its category (indices into
    /// `Models::rules`), which its veto drops and its agreement reads.
    peers: Vec<usize>,
}

/// One model's score of one field of the record being checked.
#[derive(Clone, Copy, Debug)]
pub struct Score {
    pub rule: usize,
    pub field: crate::vocab::Field,
    pub p: f32,
}

impl Models {
    pub fn compile(def: &pack::PackDef) -> Result<Models> {
        let (mut models, mut rules) = (Vec::<Scorer>::new(), Vec::new());
        let mut phrases = Vec::new();
        let mut phrases_of: std::collections::HashMap<Vec<String>, Option<usize>> =
            std::collections::HashMap::new();
        for (ri, r) in def.rules.iter().enumerate() {
            let pack::Detector::Model(m) = &r.detector else {
                continue;
            };
            let model = match models.iter().position(|x| x.name() == m.name) {
                Some(i) => i,
                None => {
                    models.push(
                        Scorer::embedded(&m.name)
                            .map_err(|e| Error::Model(format!("{}: {e}", r.whence())))?,
                    );
                    models.len() - 1
                }
            };
            let head = models[model].head(m.head.as_deref()).ok_or_else(|| {
                Error::Model(format!(
                    "{}: model {:?} has no head {:?} (heads: {})",
                    r.whence(),
                    m.name,
                    m.head.as_deref().unwrap_or(""),
                    models[model].head_names().join(", ")
                ))
            })?;
            let ok = |x: f32| (0.0..=1.0).contains(&x);
            let high = m.high.unwrap_or(1.0);
            if !ok(m.threshold) || !ok(high) || high < m.threshold {
                return Err(Error::Model(format!(
                    "{}: model threshold and high must be in 0..1, high ≥ threshold",
                    r.whence()
                )));
            }
            let beside = match &m.beside {
                None => None,
                Some(b) => {
                    if !(0.0..m.threshold).contains(&b.threshold) || b.rules.is_empty() {
                        return Err(Error::Model(format!(
                            "{}: model.beside needs rules and a threshold in 0..threshold",
                            r.whence()
                        )));
                    }
                    let ids = b
                        .rules
                        .iter()
                        .map(|id| {
                            def.rules
                                .iter()
                                .position(|x| x.info.id == *id)
                                .filter(|&i| def.is_component(i) && !def.rules[i].scope.lazy)
                                .ok_or_else(|| {
                                    Error::Model(format!(
                                        "{}: model.beside names {id:?}, which is not a (non-lazy) lexicon or pattern rule of the pack",
                                        r.whence()
                                    ))
                                })
                        })
                        .collect::<Result<Vec<_>>>()?;
                    Some((b.threshold, ids))
                }
            };
            let encoder = matches!(models[model], Scorer::Encoder(_));
            let below = |x: f32| (0.0..m.threshold).contains(&x);
            if m.agree.is_some() && !encoder {
                return Err(Error::Model(format!(
                    "{}: model.agree is for an encoder's rules",
                    r.whence()
                )));
            }
            let agree_ok =
                |a: &pack::AgreeDef| below(a.threshold) && a.fraction > 0.0 && a.fraction <= 1.0;
            if m.veto.is_some_and(|v| !below(v)) || m.agree.as_ref().is_some_and(|a| !agree_ok(a)) {
                return Err(Error::Model(format!(
                    "{}: model.veto and model.agree.threshold must be in 0..threshold, agree.fraction in (0, 1]",
                    r.whence()
                )));
            }
            rules.push(ModelRule {
                veto: m.veto.unwrap_or(0.0),
                agree: m.agree.as_ref().map(|a| (a.threshold, a.fraction)),
                peers: Vec::new(),
                beside,
                rule: ri,
                model,
                head,
                min_words: m.min_words,
                needs_link: m.needs_link,
                lowers: m.lowers,
                threshold: m.threshold,
                high,
                unless: m
                    .unless
                    .as_ref()
                    .map(|u| pattern::compile_unless(def, r, u, "model.unless"))
                    .transpose()?,
                safe: match phrases_of.get(&m.safe_lists) {
                    Some(&i) => i,
                    None => {
                        let i = lexicon::Phrases::compile(def, r, &m.safe_lists)?.map(|p| {
                            phrases.push(p);
                            phrases.len() - 1
                        });
                        phrases_of.insert(m.safe_lists.clone(), i);
                        i
                    }
                },
            });
        }
        // The linear rules an encoder's rule vetoes and agrees with: those
        // of its category, found once all rules are compiled.
        let linear: Vec<(usize, crate::vocab::Category)> = rules
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(models[r.model], Scorer::Linear(_)))
            .map(|(i, r)| (i, def.rules[r.rule].info.category))
            .collect();
        for r in &mut rules {
            if matches!(models[r.model], Scorer::Encoder(_)) && (r.veto > 0.0 || r.agree.is_some())
            {
                let category = def.rules[r.rule].info.category;
                r.peers = linear
                    .iter()
                    .filter(|(_, c)| *c == category)
                    .map(|(i, _)| *i)
                    .collect();
            }
        }
        Ok(Models {
            models,
            rules,
            phrases,
            deep: false,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// `(name, SHA-256)` of each model a rule runs, in the order the pack
    /// first names them: what the pack's content hash and the manifest
    /// record of the weights (docs/OUTPUTS.md, "rule_pack").
    pub fn weights(&self) -> Vec<(String, String)> {
        self.models
            .iter()
            .map(|m| (m.name().to_string(), m.sha256().to_string()))
            .collect()
    }

    /// Runs the rules of an encoder too (`scan --deep`).
    pub fn set_deep(&mut self, on: bool) {
        self.deep = on;
    }

    pub fn deep(&self) -> bool {
        self.deep
    }

    /// Texts the pack's encoders have read since it was compiled.
    pub fn encoder_texts(&self) -> u64 {
        self.models
            .iter()
            .map(|m| match m {
                Scorer::Encoder(e) => e.texts_read(),
                Scorer::Linear(_) => 0,
            })
            .sum()
    }

    /// Ids (indices) of rules that read an encoder, which run only deep.
    pub fn deep_rules(&self) -> impl Iterator<Item = usize> + '_ {
        self.rules
            .iter()
            .filter(|r| matches!(self.models[r.model], Scorer::Encoder(_)))
            .map(|r| r.rule)
    }

    #[allow(clippy::too_many_arguments)]
    pub fn check(
        &self,
        infos: &[RuleInfo],
        scope: &[pack::Scope],
        record: &crate::record::Record,
        field: &crate::record::FieldText,
        scratch: &mut Scratch,
        normalised: &mut normalise::Normalised,
        hits: &mut Vec<Hit>,
        from: usize,
        scores: &mut Vec<Score>,
        reported: &reported::Reported,
        deep: bool,
    ) {
        // counted once per field, and only if a rule asks
        let mut at = FieldAt {
            scope,
            record,
            field,
            reported,
            normalised,
            words: None,
            link: None,
        };
        for mr in &self.rules {
            let (r, threshold, high) = (&mr.rule, &mr.threshold, &mr.high);
            let model = &self.models[mr.model];
            if matches!(model, Scorer::Encoder(_)) && !(deep || self.deep) {
                continue;
            }
            let Some(p) = self.score(mr, &mut at, scratch) else {
                continue;
            };
            scores.push(Score {
                rule: *r,
                field: field.name,
                p,
            });
            // Below the threshold, a hit of a `beside` rule in this field
            // (its lists and patterns ran first: `hits[from..]`) allows the
            // lower one.
            let with = if p >= *threshold {
                None
            } else if let Some(agreed) = self.agreement(mr, p, &mut at, scratch) {
                Some(agreed)
            } else {
                let Some((lower, ids)) = &mr.beside else {
                    continue;
                };
                if p < *lower {
                    continue;
                }
                let Some(h) = hits[from..].iter().find(|h| ids.contains(&h.rule)) else {
                    continue;
                };
                Some(format!(
                    "; {lower:.2} beside {} \"{}\"",
                    infos[h.rule].id, h.matched
                ))
            };
            // The model reads the whole field, so its `unless` words count
            // anywhere in it (no part of the field is "the match").
            let text = &field.value;
            if mr
                .unless
                .as_ref()
                .is_some_and(|u| u.applies_to(text, 0, text.len(), Some(&[])))
            {
                continue;
            }
            let why = match model {
                Scorer::Linear(m) => format!(
                    "strongest words: {}",
                    m.strongest_words(mr.head, &scratch.features, 3)
                        .iter()
                        .map(|w| format!("\"{w}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                // it weighs every word in its sentence: none stands alone
                Scorer::Encoder(_) => "read as a whole by the contextual encoder".to_string(),
            };
            let confidence = if p >= *high {
                Confidence::High
            } else {
                infos[*r].confidence
            };
            hits.push(Hit {
                rule: *r,
                field: field.name,
                start: 0,
                end: field.value.len(),
                matched: field.value.clone(),
                detail: format!(
                    "model {} score {p:.2} (threshold {threshold:.2}{}); {why}",
                    model.label(mr.head),
                    with.unwrap_or_default(),
                ),
                severity: infos[*r].severity,
                confidence,
            });
        }
    }
}

/// The field being scored and what its rules read besides it; its word
/// count and whether it holds a link are counted once, and only if a rule
/// asks.
struct FieldAt<'a> {
    scope: &'a [pack::Scope],
    record: &'a crate::record::Record,
    field: &'a crate::record::FieldText,
    reported: &'a reported::Reported,
    /// The pack's normaliser, which the lexicons ran over this field just
    /// before: the safe phrases are found in the same normal form.
    normalised: &'a mut normalise::Normalised,
    words: Option<usize>,
    link: Option<bool>,
}

impl Models {
    /// A rule's score of the field, or `None` where the rule leaves it
    /// unscored: out of its scope, too short, or without the link it needs.
    fn score(&self, mr: &ModelRule, at: &mut FieldAt, scratch: &mut Scratch) -> Option<f32> {
        let (record, field) = (at.record, at.field);
        // Scoring is the costly part: a record the rule's scope rules
        // out (an unaddressed post for an `addressed` rule) is not scored.
        let sc = &at.scope[mr.rule];
        if !sc.kind_ok(record.kind) || !sc.text_field_ok(field.name) || !sc.audience_ok(record) {
            return None;
        }
        // the author's own words: quoted abuse they report is left out,
        // and so are the phrases the rule's safe-lists name
        let own = at.reported.own_words(mr.rule, &field.value);
        let own = match mr.safe {
            Some(i) => self.phrases[i]
                .blanked(own.as_deref().unwrap_or(&field.value), at.normalised)
                .or(own),
            None => own,
        };
        let scored = own.as_deref().unwrap_or(&field.value);
        let n_words = match &own {
            Some(t) => t.split_whitespace().count(),
            None => *at
                .words
                .get_or_insert_with(|| field.value.split_whitespace().count()),
        };
        if mr.min_words > 0 && n_words < mr.min_words {
            // too short to score, whatever the featuriser would keep
            return None;
        }
        if mr.needs_link
            && !*at
                .link
                .get_or_insert_with(|| super::features::has_link(&field.value))
        {
            return None;
        }
        match &self.models[mr.model] {
            Scorer::Linear(m) => {
                let p = m.score_head(mr.head, scored, &mut scratch.features);
                (scratch.features.words() >= mr.min_words).then_some(p)
            }
            Scorer::Encoder(e) => Some(e.scores(scored, &mut scratch.encoder)[mr.head]),
        }
    }

    /// For an encoder's rule scoring `p` below its threshold: the detail of
    /// its `agree` threshold where a linear rule of its category scored the
    /// field at the fraction of its own threshold the rule asks.
    fn agreement(
        &self,
        mr: &ModelRule,
        p: f32,
        at: &mut FieldAt,
        scratch: &mut Scratch,
    ) -> Option<String> {
        let (lower, fraction) = mr.agree?;
        if p < lower {
            return None;
        }
        mr.peers.iter().find_map(|&i| {
            let other = &self.rules[i];
            let q = self.score(other, at, scratch)?;
            (q >= fraction * other.threshold).then(|| {
                format!(
                    "; {lower:.2} with model {} at {q:.2}",
                    self.models[other.model].label(other.head)
                )
            })
        })
    }
}

/// A linear head's veto stands aside in a field where another linear
/// model rule scored at least this fraction of its own threshold
/// (docs/EVALUATION.md, "The policy heads' veto": chosen on the tuning
/// sets, where 0.5 kept two more breaches than none, 0.3 three, and 0.2
/// no more).
const VETO_UNLESS_OTHERS: f32 = 0.3;

impl Models {
    /// The model rule that is pack rule `rule`, if it is one.
    fn rule_of(&self, rule: usize) -> Option<&ModelRule> {
        self.rules.iter().find(|m| m.rule == rule)
    }

    /// A linear head's `veto`: where it scored a field below it, the
    /// field's list and composition hits of its category are dropped
    /// from `hits[from..]` (never a pattern's, whose evidence is an
    /// identifier's structure, nor a signal's), unless another linear
    /// model leans towards its own category there. The head has read every
    /// word of the field and is all but sure the category is absent; a
    /// list or composition has seen a few words (docs/RULES.md, "`model`:
    /// learned classifiers"; docs/EVALUATION.md, "The policy heads' veto").
    pub fn veto_lists(
        &self,
        infos: &[RuleInfo],
        scope: &[pack::Scope],
        hits: &mut Vec<Hit>,
        from: usize,
        scores: &[Score],
    ) {
        // Most records have no hit at all; most fields score every head
        // below its veto. Only a field with a hit the veto could drop is
        // worth the search for another leaning model.
        if hits.len() <= from {
            return;
        }
        for s in scores {
            let Some(mr) = self.rule_of(s.rule) else {
                continue;
            };
            if s.p >= mr.veto || !matches!(self.models[mr.model], Scorer::Linear(_)) {
                continue;
            }
            let category = infos[s.rule].category;
            let vetoed = |h: &Hit| {
                h.field == s.field
                    && h.rule != s.rule
                    && infos[h.rule].category == category
                    && !scope[h.rule].signal
                    && (infos[h.rule].kind == "lexicon" || infos[h.rule].kind == "compose")
            };
            if !hits[from..].iter().any(vetoed) {
                continue;
            }
            // Another model leaning towards its own category says the
            // field is no ordinary text (a betting offer the commercial head
            // sees, which the safeguarding head never learned), so the veto
            // stands aside.
            let others = scores.iter().any(|t| {
                t.field == s.field
                    && t.rule != s.rule
                    && self.rule_of(t.rule).is_some_and(|o| {
                        matches!(self.models[o.model], Scorer::Linear(_))
                            && t.p >= VETO_UNLESS_OTHERS * o.threshold
                    })
            });
            if others {
                continue;
            }
            retain_from(hits, from, |h| !vetoed(h));
        }
    }
}

impl Models {
    /// Lexicon, composition and model evidence combined into one finding
    /// and one confidence, rather than three detectors OR-ed: where a
    /// field already has a hit of the model rule's category, the model's
    /// own hit is dropped and its score moves that hit's confidence a step
    /// up (at or above `high`) or, for a rule that `lowers`, down (below
    /// half the threshold; never for a pattern's hit, whose evidence is an
    /// identifier's structure).
    pub fn combine(
        &self,
        infos: &[RuleInfo],
        scope: &[pack::Scope],
        hits: &mut Vec<Hit>,
        first: usize,
        scores: &[Score],
        drop_own: bool,
    ) {
        for s in scores {
            let Some(mr) = self.rule_of(s.rule) else {
                continue;
            };
            let (threshold, high) = (&mr.threshold, &mr.high);
            // Only written into a detail, which few scores reach.
            let name = || self.models[mr.model].label(mr.head);
            let category = infos[s.rule].category;
            let mut others = false;
            for h in hits[first..].iter_mut() {
                if h.rule == s.rule
                    || h.field != s.field
                    || infos[h.rule].category != category
                    || scope[h.rule].signal
                {
                    continue;
                }
                others = true;
                if s.p >= *high {
                    h.confidence = h.confidence.raised();
                    h.detail
                        .push_str(&format!("; model {} agrees ({:.2})", name(), s.p));
                } else if mr.lowers && s.p < threshold / 2.0 && infos[h.rule].kind != "pattern" {
                    // A model reads words, not the structure a pattern
                    // checks: a valid NHS number is no less one for
                    // sitting in a sentence the model finds ordinary.
                    h.confidence = h.confidence.lowered();
                    h.detail
                        .push_str(&format!("; model {} disagrees ({:.2})", name(), s.p));
                }
            }
            if others && drop_own {
                retain_from(hits, first, |h| !(h.rule == s.rule && h.field == s.field));
            }
            if drop_own && s.p < mr.veto && matches!(self.models[mr.model], Scorer::Encoder(_)) {
                // the encoder all but sure the category is absent: a linear
                // model's word-level hit is taken for a false alarm
                retain_from(hits, first, |h| {
                    !(h.field == s.field && mr.peers.iter().any(|&i| self.rules[i].rule == h.rule))
                });
            }
        }
    }
}

//! Pattern rules: `RegexSet` gates over the distinct patterns, [`GATE`] to
//! a set, then the individual regexes only for the patterns a gate
//! reported. Each match then passes each rule's token exclusion, validator
//! and context check. Rules that read the same pattern (a signal and the
//! rule built on it, a mobile and a landline) share one slot and one
//! compiled regex.

use super::negation;
use super::pack::{ContextDef, Detector, PackDef, RejectTokenDef, RuleDef, Scope, UnlessDef};
use super::validators::{self, Validator};
use super::{Hit, RuleInfo};
use crate::error::{Error, Result};
use crate::org::Org;
use crate::record::{FieldText, RecordKind};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder};
use regex::{Regex, RegexSet};

/// Lazy-DFA cache of each gate, per thread (benches/README.md).
const PATTERN_SET_CACHE: usize = 16 << 20;

/// Patterns to a gate. One set over all 73 patterns of the default pack
/// was fastest on repetitive text, but on varied prose its lazy DFA kept
/// filling its cache, gave up and fell back to the PikeVM, 40 times slower
/// than the patterns searched one by one; one by one was in turn 13 times
/// slower than the one set on repetitive posts. Sets of twelve were near
/// the best of both (benches/README.md, "pattern gates of twelve").
const GATE: usize = 12;

/// A pattern whose [`weight`] is above this has a gate of its own. Its
/// DFA states multiply with every other pattern's in a shared set: the
/// default pack's two largest patterns (a photo credit's several shapes,
/// some 7,000 NFA states, and the forename list, some 5,800) made their
/// gate of twelve cost as much as the other six gates together on varied
/// prose, and alone each costs about what a small pattern does
/// (benches/README.md, "the largest patterns in gates of their own").
const ALONE: usize = 3000;

pub(super) struct Context {
    /// `None` when the table has only `before` words.
    ac: Option<AhoCorasick>,
    words: Vec<String>,
    window: usize,
    required: bool,
    /// `unless` only: words that count only before the match.
    before: Option<Box<Context>>,
    /// `unless` only: words that cancel it within the same window.
    except: Option<Box<Context>>,
    /// `unless` only: what it stands down, it stands down everywhere in
    /// the field.
    sticky: bool,
    /// `unless` only: a word negated where it stands does not count.
    negatable: bool,
    /// Per word of `words`: it counts only as a head noun (`heads`), not
    /// when it modifies the word after it. Empty when no word is.
    heads: Vec<bool>,
}

/// One distinct pattern: a slot of the set.
struct Slot {
    /// The pattern, flags included, as its gate holds it.
    src: String,
    /// Its own regex and `hit` group, compiled the first time its gate
    /// says it matches a field: most patterns match no field of a small
    /// archive, and compiling them all up front was a quarter of loading
    /// the pack (benches/README.md). (A pattern that can match nothing at
    /// all is compiled at load, to refuse it if it matches the empty
    /// string.) `None` cannot happen for a pattern its gate compiled; such
    /// a pattern would find nothing.
    compiled: std::sync::OnceLock<Option<(Regex, Option<usize>)>>,
    /// Compiled in Unicode mode (the pattern needs Unicode classes).
    unicode: bool,
    /// About how many NFA states it compiles to ([`weight`]).
    weight: usize,
    /// Its gate, and its index in that gate's set.
    gate: usize,
    at: usize,
}

struct PatternRule {
    rule: usize,
    slot: usize,
    validator: Option<Validator>,
    context: Option<Context>,
    unless: Option<Unless>,
    reject: Option<RejectTokenDef>,
}

pub struct Patterns {
    /// Slot `i`'s gate is `gates[slots[i].gate]`, where it is pattern
    /// `slots[i].at`.
    gates: Vec<RegexSet>,
    slots: Vec<Slot>,
    rules: Vec<PatternRule>,
    vctx: validators::Ctx,
}

impl Patterns {
    /// The pattern rules that are `lazy` (or not): lazy signals get gates
    /// of their own, searched only in fields where a composition needs
    /// them.
    pub fn compile(def: &PackDef, org: &Org, lazy: bool) -> Result<Patterns> {
        let mut rules = Vec::new();
        let mut slots: Vec<Slot> = Vec::new();
        let mut slot_of: std::collections::HashMap<String, usize> = Default::default();
        for (ri, rule) in def.rules.iter().enumerate() {
            let Detector::Pattern(p) = &rule.detector else {
                continue;
            };
            if rule.scope.lazy != lazy {
                continue;
            }
            let flags = if p.case_sensitive { "" } else { "i" };
            // Local hospital-number formats replace the generic shape when
            // the organisation profile lists them (the validator still
            // names the pattern that matched).
            let local;
            let regex = if p.validator.as_deref() == Some("hospital-number")
                && !org.hospital_number_patterns.is_empty()
            {
                local = org
                    .hospital_number_patterns
                    .iter()
                    .map(|x| format!("(?:{x})"))
                    .collect::<Vec<_>>()
                    .join("|");
                &local
            } else {
                &p.regex
            };
            // ASCII mode (\d, \w, \b, case folding) where the pattern allows
            // it: Unicode \b makes the lazy DFA give up on emoji-laden posts.
            // Patterns that need Unicode classes fall back to Unicode mode.
            let ascii = format!("(?{flags}-u){regex}");
            let unicode = format!("(?{flags}u){regex}");
            // Checked by parsing here; compiled on first use (`compiled`).
            let (src, hir, is_unicode) = match regex_syntax::parse(&ascii) {
                Ok(hir) => (ascii, hir, false),
                Err(_) => {
                    let hir = regex_syntax::parse(&unicode).map_err(|e| {
                        Error::Pack(format!(
                            "{}: bad regex: {}",
                            rule.whence(),
                            e.to_string().trim()
                        ))
                    })?;
                    (unicode, hir, true)
                }
            };
            // Only a pattern that can match nothing at all is compiled now,
            // to see whether it matches the empty string (and kept).
            let compiled = if hir.properties().minimum_len() == Some(0) {
                std::sync::OnceLock::from(compile(&src))
            } else {
                std::sync::OnceLock::new()
            };
            if let Some(Some((re, _))) = compiled.get()
                && re.is_match("")
            {
                return Err(Error::Pack(format!(
                    "{}: regex matches the empty string",
                    rule.whence()
                )));
            }
            let slot = *slot_of.entry(src.clone()).or_insert_with(|| {
                slots.push(Slot {
                    src,
                    compiled,
                    unicode: is_unicode,
                    weight: weight(&hir),
                    gate: 0,
                    at: 0,
                });
                slots.len() - 1
            });
            let validator = match &p.validator {
                None => None,
                Some(v) => Some(validators::lookup(v).ok_or_else(|| {
                    Error::Pack(format!(
                        "{}: unknown validator {v:?} (expected one of {})",
                        rule.whence(),
                        validators::NAMES
                    ))
                })?),
            };
            let context = p
                .context
                .as_ref()
                .map(|c| compile_context(def, rule, c, "context"))
                .transpose()?;
            let unless = p
                .unless
                .as_ref()
                .map(|c| compile_unless(def, rule, c, "unless"))
                .transpose()?;
            rules.push(PatternRule {
                rule: ri,
                slot,
                validator,
                context,
                unless,
                reject: p.reject_token.clone(),
            });
        }
        let members = assign_gates(&mut slots);
        let gates = members
            .iter()
            .map(|member| {
                // A larger lazy-DFA cache than the default, which fills on
                // ordinary posts and sends the set to a far slower engine.
                regex::RegexSetBuilder::new(member.iter().map(|&i| &slots[i].src))
                    .dfa_size_limit(PATTERN_SET_CACHE)
                    .build()
                    .map_err(|e| Error::Pack(format!("pattern set: {e}")))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Patterns {
            gates,
            slots,
            rules,
            vctx: validators::Ctx::new(org)?,
        })
    }

    /// Rule indexes whose regex needed Unicode mode. One such pattern puts
    /// its whole gate in Unicode mode, where `\b` makes the lazy DFA give
    /// up on non-ASCII text: the default pack must have none.
    pub fn unicode_rules(&self) -> Vec<usize> {
        self.rules
            .iter()
            .filter(|r| self.slots[r.slot].unicode)
            .map(|r| r.rule)
            .collect()
    }

    /// Rule indexes whose pattern has a gate to itself ([`ALONE`]).
    pub fn lone_rules(&self) -> Vec<usize> {
        let mut size = vec![0usize; self.gates.len()];
        for slot in &self.slots {
            size[slot.gate] += 1;
        }
        self.rules
            .iter()
            .filter(|r| {
                let slot = &self.slots[r.slot];
                size[slot.gate] == 1 && slot.weight > ALONE
            })
            .map(|r| r.rule)
            .collect()
    }

    pub fn check(
        &self,
        infos: &[RuleInfo],
        scope: &[Scope],
        kind: RecordKind,
        field: &FieldText,
        hits: &mut Vec<Hit>,
    ) {
        let applies = |pr: &PatternRule| {
            scope[pr.rule].kind_ok(kind) && scope[pr.rule].text_field_ok(field.name)
        };
        if !self.rules.iter().any(applies) {
            return;
        }
        let value = field.value.as_str();
        // Each gate is asked once per field, the first time a rule reading
        // one of its patterns applies. Most fields match nothing: the
        // cheap yes/no scan avoids building the per-pattern match list.
        let mut asked: Vec<Option<Option<regex::SetMatches>>> = vec![None; self.gates.len()];
        // In rule order, as when every rule had its own slot: a shared
        // slot's rules need not be neighbours.
        for pr in &self.rules {
            if !applies(pr) {
                continue;
            }
            let slot = &self.slots[pr.slot];
            let gate = &self.gates[slot.gate];
            let matched = asked[slot.gate]
                .get_or_insert_with(|| gate.is_match(value).then(|| gate.matches(value)));
            if !matched.as_ref().is_some_and(|m| m.matched(slot.at)) {
                continue;
            }
            // A sticky `unless` first finds every text it stands down, so
            // that an earlier mention of the same text goes too (the
            // matches are found once and kept for the pass below).
            let mut stood_down: Vec<&str> = Vec::new();
            let found: Box<dyn Iterator<Item = regex::Match<'_>> + '_> = match &pr.unless {
                Some(u) if u.any_sticky() => {
                    let all: Vec<regex::Match<'_>> = matches(slot, value).collect();
                    stood_down.extend(
                        all.iter()
                            .filter(|m| u.applies_if_sticky(true, value, m.start(), m.end()))
                            .map(|m| m.as_str()),
                    );
                    Box::new(all.into_iter())
                }
                _ => matches(slot, value),
            };
            for m in found {
                if stood_down.contains(&m.as_str()) {
                    continue;
                }
                if let Some(rt) = &pr.reject
                    && rejected_token(value, m.start(), m.end(), rt)
                {
                    continue;
                }
                // (the sticky tables' verdicts are already in `stood_down`)
                if let Some(u) = &pr.unless
                    && u.applies_if_sticky(false, value, m.start(), m.end())
                {
                    continue;
                }
                let mut confidence = infos[pr.rule].confidence;
                // Context first: it is cheaper than most validators, and a
                // required word that is missing settles the match.
                let context = pr
                    .context
                    .as_ref()
                    .map(|ctx| (ctx, nearest_context(value, m.start(), m.end(), ctx)));
                if let Some((ctx, None)) = &context
                    && ctx.required
                {
                    continue;
                }
                let mut detail = match pr.validator {
                    Some(v) => match v(m.as_str(), &self.vctx) {
                        Some(d) => d,
                        None => continue,
                    },
                    None => "pattern match".to_string(),
                };
                match context {
                    Some((_, Some(c))) => {
                        detail.push_str("; ");
                        detail.push_str(&c);
                    }
                    Some((ctx, None)) => {
                        confidence = confidence.lowered();
                        detail.push_str(&format!("; no context word within {} chars", ctx.window));
                    }
                    None => {}
                }
                hits.push(Hit {
                    rule: pr.rule,
                    field: field.name,
                    start: m.start(),
                    end: m.end(),
                    matched: m.as_str().to_string(),
                    detail,
                    severity: infos[pr.rule].severity,
                    confidence,
                });
            }
        }
    }
}

/// Puts each slot in a gate, in slot order: twelve to a gate, and a gate
/// of its own for a slot heavier than [`ALONE`]. Sets each slot's gate
/// and place in it, and returns each gate's slots.
fn assign_gates(slots: &mut [Slot]) -> Vec<Vec<usize>> {
    let mut members: Vec<Vec<usize>> = Vec::new();
    // the shared gate being filled, if any
    let mut open: Option<usize> = None;
    for (i, slot) in slots.iter_mut().enumerate() {
        let g = match open {
            _ if slot.weight > ALONE => {
                members.push(Vec::new());
                members.len() - 1
            }
            Some(g) if members[g].len() < GATE => g,
            _ => {
                members.push(Vec::new());
                open = Some(members.len() - 1);
                members.len() - 1
            }
        };
        slot.gate = g;
        slot.at = members[g].len();
        members[g].push(i);
    }
    members
}

/// About how many NFA states a pattern compiles to: its literal bytes,
/// classes and assertions, with a counted repetition paid for each copy
/// up to its bound. Only to keep the largest patterns out of shared gates
/// ([`ALONE`]), so an estimate will do.
fn weight(hir: &regex_syntax::hir::Hir) -> usize {
    use regex_syntax::hir::HirKind;
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) | HirKind::Class(_) => 1,
        HirKind::Literal(l) => l.0.len(),
        HirKind::Repetition(r) => {
            let copies = r.max.unwrap_or(r.min).clamp(1, 100) as usize;
            weight(&r.sub).saturating_mul(copies)
        }
        HirKind::Capture(c) => weight(&c.sub),
        HirKind::Concat(v) | HirKind::Alternation(v) => v.iter().map(weight).sum(),
    }
}

/// A pattern's own regex and the index of its capture group named `hit`,
/// if it has one. `None` only for a pattern the set could not compile
/// either, which the pack refuses at load.
fn compile(src: &str) -> Option<(Regex, Option<usize>)> {
    Regex::new(src).ok().map(|re| {
        let hit = re.capture_names().position(|n| n == Some("hit"));
        (re, hit)
    })
}

/// The rule's matches in `value`, each narrowed to its `hit` group when the
/// regex has one (a match whose `hit` group took no part is skipped): the
/// hit is that group's span, the rest of the match only has to be there
/// ("on" before a street name, which a composition's other component,
/// "lives on", may need for itself).
fn matches<'a>(slot: &'a Slot, value: &'a str) -> Box<dyn Iterator<Item = regex::Match<'a>> + 'a> {
    match slot.compiled.get_or_init(|| compile(&slot.src)) {
        None => Box::new(std::iter::empty()),
        Some((re, None)) => Box::new(re.find_iter(value)),
        // The `hit` group where it took part, else the whole match (an
        // alternative written without it).
        Some((re, Some(g))) => Box::new(
            re.captures_iter(value)
                .filter_map(move |c| c.get(*g).or_else(|| c.get(0))),
        ),
    }
}

/// The words of a `context` or `unless` table, as one automaton (and its
/// `before` and `except` words as others).
pub(super) fn compile_context(
    def: &PackDef,
    rule: &RuleDef,
    c: &ContextDef,
    what: &str,
) -> Result<Context> {
    let with_lists = |words: &[String], lists: &[String]| -> Result<Vec<String>> {
        let mut all = words.to_vec();
        for l in lists {
            all.extend(def.list(rule, l)?.iter().cloned());
        }
        Ok(all)
    };
    let words = with_lists(&c.words, &c.lists)?;
    if let Some(h) = c.heads.iter().find(|h| !words.contains(h)) {
        return Err(Error::Pack(format!(
            "{}: {what}.heads names {h:?}, which is not one of its words",
            rule.whence()
        )));
    }
    let words = either_apostrophe(words);
    let heads = if c.heads.is_empty() {
        Vec::new()
    } else {
        let plain = |w: &str| w.replace('\u{2019}', "'");
        words
            .iter()
            .map(|w| c.heads.iter().any(|h| plain(h) == plain(w)))
            .collect()
    };
    let except = either_apostrophe(with_lists(&c.except, &c.except_lists)?);
    let before = either_apostrophe(with_lists(&c.before, &c.before_lists)?);
    if words.is_empty() && before.is_empty() {
        return Err(Error::Pack(format!(
            "{}: {what} has no words",
            rule.whence()
        )));
    }
    let build = |words: &[String], what: &str| -> Result<Option<AhoCorasick>> {
        if words.is_empty() {
            return Ok(None);
        }
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(words)
            .map(Some)
            .map_err(|e| Error::Pack(format!("{}: {what} words: {e}", rule.whence())))
    };
    let part = |words: &[String], what: &str| -> Result<Option<Box<Context>>> {
        Ok(build(words, what)?.map(|ac| Box::new(Context::plain(ac, words.to_vec(), c.window))))
    };
    Ok(Context {
        ac: build(&words, what)?,
        words,
        window: c.window,
        required: c.required,
        before: part(&before, &format!("{what}.before"))?,
        except: part(&except, &format!("{what}.except"))?,
        sticky: c.sticky,
        negatable: c.negatable,
        heads,
    })
}

impl Context {
    /// A table of `words` (searched by `ac`) with every option off: a
    /// `before` or `except` part of an `unless` table.
    fn plain(ac: AhoCorasick, words: Vec<String>, window: usize) -> Context {
        Context {
            ac: Some(ac),
            words,
            window,
            required: false,
            before: None,
            except: None,
            sticky: false,
            negatable: false,
            heads: Vec::new(),
        }
    }
}

/// A rule's compiled `unless` tables (one, or several with their own
/// windows): a match stands down when any of them applies.
pub(super) struct Unless(Vec<Context>);

/// Compile each table of an `unless` key; `what` names it in errors
/// (`unless[1]` for the second table of an array).
pub(super) fn compile_unless(
    def: &PackDef,
    rule: &RuleDef,
    u: &UnlessDef,
    what: &str,
) -> Result<Unless> {
    let name = |i: usize| {
        if u.0.len() > 1 {
            format!("{what}[{i}]")
        } else {
            what.to_string()
        }
    };
    u.0.iter()
        .enumerate()
        .map(|(i, c)| compile_context(def, rule, c, &name(i)))
        .collect::<Result<_>>()
        .map(Unless)
}

impl Unless {
    /// Whether any table drops the match at `start..end`.
    pub(super) fn applies(&self, value: &str, start: usize, end: usize) -> bool {
        self.applies_to(value, start, end, None)
    }

    /// [`Unless::applies`] for a composite span made of `parts`.
    pub(super) fn applies_to(
        &self,
        value: &str,
        start: usize,
        end: usize,
        parts: Option<&[(usize, usize)]>,
    ) -> bool {
        self.0
            .iter()
            .any(|u| unless_applies_to(value, start, end, parts, u))
    }

    /// Whether a table that is (or is not) `sticky` drops the match.
    fn applies_if_sticky(&self, sticky: bool, value: &str, start: usize, end: usize) -> bool {
        self.0
            .iter()
            .any(|u| u.sticky == sticky && unless_applies(value, start, end, u))
    }

    fn any_sticky(&self) -> bool {
        self.0.iter().any(|u| u.sticky)
    }
}

/// `words`, with each word that has an apostrophe also written with the
/// other one (' and ’), where the list does not already have it. Context
/// words are found in the text as written, and phones and word processors
/// type ’ where a list author types ' (docs/RULES.md, "Context words and apostrophes").
fn either_apostrophe(mut words: Vec<String>) -> Vec<String> {
    let have: std::collections::HashSet<String> = words.iter().cloned().collect();
    let mut more = Vec::new();
    for w in &words {
        for (from, to) in [('\'', '\u{2019}'), ('\u{2019}', '\'')] {
            if w.contains(from) {
                let v = w.replace(from, &to.to_string());
                if !have.contains(&v) && !more.contains(&v) {
                    more.push(v);
                }
            }
        }
    }
    words.extend(more);
    words
}

/// Whether an `unless` table drops the match at `start..end`: one of its
/// words is within the window (a `before` word before the match) and none
/// of its `except` words is.
pub(super) fn unless_applies(value: &str, start: usize, end: usize, u: &Context) -> bool {
    unless_applies_to(value, start, end, None, u)
}

/// [`unless_applies`] for a composite span `start..end` made of `parts`:
/// a word between the parts counts (it is not part of any match), a word
/// inside a part does not.
pub(super) fn unless_applies_to(
    value: &str,
    start: usize,
    end: usize,
    parts: Option<&[(usize, usize)]>,
    u: &Context,
) -> bool {
    let near =
        |c: &Context, before_only| nearest(value, start, end, c, before_only, parts).is_some();
    (near(u, false) || u.before.as_ref().is_some_and(|b| near(b, true)))
        && u.except.as_ref().is_none_or(|e| !near(e, false))
}

/// The whitespace-delimited token around `start..end`, e.g. a whole URL.
fn token(value: &str, start: usize, end: usize) -> &str {
    let a = value[..start].rfind(char::is_whitespace).map_or(0, |i| {
        i + value[i..].chars().next().map_or(1, char::len_utf8)
    });
    let b = value[end..]
        .find(char::is_whitespace)
        .map_or(value.len(), |i| end + i);
    &value[a..b]
}

fn rejected_token(value: &str, start: usize, end: usize, rt: &RejectTokenDef) -> bool {
    let t = token(value, start, end);
    rt.contains.iter().any(|c| t.contains(c.as_str()))
        || rt.starts_with.iter().any(|p| t.starts_with(p.as_str()))
}

/// Byte offset `chars` characters before `start` (or 0).
fn chars_back(s: &str, start: usize, chars: usize) -> usize {
    if chars == 0 {
        return start;
    }
    s[..start]
        .char_indices()
        .rev()
        .nth(chars - 1)
        .map_or(0, |(i, _)| i)
}

/// Byte offset `chars` characters after `end` (or the end).
fn chars_forward(s: &str, end: usize, chars: usize) -> usize {
    s[end..]
        .char_indices()
        .nth(chars)
        .map_or(s.len(), |(i, _)| end + i)
}

/// The context word nearest the match, as "context \"nhs no\" 1 chars before".
fn nearest_context(value: &str, start: usize, end: usize, ctx: &Context) -> Option<String> {
    nearest(value, start, end, ctx, false, None)
}

/// [`nearest_context`], optionally only among the words before the match.
fn nearest(
    value: &str,
    start: usize,
    end: usize,
    ctx: &Context,
    before_only: bool,
    parts: Option<&[(usize, usize)]>,
) -> Option<String> {
    let ac = ctx.ac.as_ref()?;
    let lo = chars_back(value, start, ctx.window);
    let hi = if before_only {
        start
    } else {
        chars_forward(value, end, ctx.window)
    };
    let hay = &value[lo..hi];
    let mut best: Option<(usize, usize, bool)> = None; // (distance, word, before)
    for m in ac.find_overlapping_iter(hay) {
        let (ws, we) = (lo + m.start(), lo + m.end());
        let inside = ws < end && start < we;
        let in_part = |(s, e): &(usize, usize)| ws < *e && *s < we;
        if inside && parts.is_none_or(|p| p.iter().any(in_part)) {
            continue;
        }
        let pre = value[..ws].chars().next_back();
        let post = value[we..].chars().next();
        if pre.is_some_and(char::is_alphanumeric) || post.is_some_and(char::is_alphanumeric) {
            continue;
        }
        if ctx.heads.get(m.pattern().as_usize()) == Some(&true) && modifies_next(&value[we..]) {
            continue;
        }
        if ctx.negatable && negation::denied(value, ws, we) {
            continue;
        }
        let (dist, before) = if inside {
            (0, true)
        } else if we <= start {
            (value[we..start].chars().count(), true)
        } else {
            (value[end..ws].chars().count(), false)
        };
        if best.is_none_or(|b| dist < b.0) {
            best = Some((dist, m.pattern().as_usize(), before));
        }
    }
    best.map(|(dist, w, before)| {
        format!(
            "context \"{}\" {dist} chars {}",
            ctx.words[w],
            if before { "before" } else { "after" }
        )
    })
}

/// Whether a word followed by `rest` modifies the next word rather than
/// naming something itself: the next word, after one space, is a
/// lower-case content word ("patient transport", "bed occupancy"). A
/// word of a closed class (article, preposition, pronoun, auxiliary,
/// conjunction), a past participle ("patient admitted"), a capital
/// ("patient Mary"), a digit ("bed 4") or punctuation ("patient's",
/// "patient:") leaves it a head.
fn modifies_next(rest: &str) -> bool {
    let Some(next) = rest.strip_prefix(' ') else {
        return false;
    };
    let word: &str = next
        .split(|c: char| !c.is_ascii_alphabetic() && c != '\'' && c != '-')
        .next()
        .unwrap_or("");
    if word.is_empty() || !word.starts_with(|c: char| c.is_ascii_lowercase()) {
        return false;
    }
    let word = word.trim_end_matches('\'');
    !(word.ends_with("ed") || FUNCTION_WORDS.binary_search(&word).is_ok())
}

/// Closed-class English words, sorted: what may follow a noun without
/// being its head.
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "because", "been", "before", "behind", "being", "beside", "between", "both", "but", "by",
    "can", "could", "did", "do", "does", "during", "each", "either", "every", "for", "from", "had",
    "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in",
    "into", "is", "it", "its", "just", "may", "me", "might", "mine", "must", "my", "near",
    "neither", "next", "no", "nor", "not", "now", "of", "off", "on", "onto", "or", "our", "ours",
    "out", "over", "shall", "she", "should", "since", "so", "some", "still", "than", "that", "the",
    "their", "theirs", "them", "then", "there", "these", "they", "this", "those", "through", "to",
    "today", "tonight", "too", "under", "until", "up", "us", "very", "was", "we", "were", "what",
    "when", "where", "which", "while", "who", "whom", "whose", "why", "will", "with", "within",
    "without", "would", "yesterday", "yet", "you", "your", "yours",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// An `unless` or `context` table of `words` with every option off.
    fn table(words: &[&str], window: usize) -> Context {
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(words)
            .unwrap();
        Context::plain(ac, words.iter().map(|w| w.to_string()).collect(), window)
    }

    fn weighed(src: &str) -> usize {
        weight(&regex_syntax::parse(src).unwrap())
    }

    #[test]
    fn a_pattern_weighs_its_literals_classes_and_copies() {
        assert_eq!(weighed("abc"), 3);
        assert_eq!(weighed(r"\bbed \d"), 6);
        // each of up to three copies is paid for
        assert_eq!(weighed("(?:ab){0,3}"), 6);
        assert_eq!(weighed("x|yz"), 3);
        // a list of names is as heavy as its letters; a phrase is light
        let names: Vec<String> = (0..600).map(|i| format!("Name{i:03}")).collect();
        assert!(weighed(&format!(r"\b(?:{})\b", names.join("|"))) > ALONE);
        assert!(weighed(r"(?i-u)\bi\s+(?:nursed|looked after|cared for)\s+(?:him|her)\b") < 100);
    }

    #[test]
    fn the_heaviest_patterns_have_gates_of_their_own() {
        let slot = |weight: usize| Slot {
            src: String::new(),
            compiled: std::sync::OnceLock::new(),
            unicode: false,
            weight,
            gate: 0,
            at: 0,
        };
        // thirteen light slots with a heavy one after the third
        let mut slots: Vec<Slot> = (0..14)
            .map(|i| slot(if i == 3 { ALONE + 1 } else { 10 }))
            .collect();
        let members = assign_gates(&mut slots);
        // the heavy slot's gate is its own; the light ones fill a gate of
        // twelve around it, in order, and the thirteenth starts another
        assert_eq!(members.len(), 3);
        assert_eq!(members[1], vec![3]);
        assert_eq!(members[0], vec![0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
        assert_eq!(members[2], vec![13]);
        for (g, m) in members.iter().enumerate() {
            for (at, &i) in m.iter().enumerate() {
                assert_eq!((slots[i].gate, slots[i].at), (g, at));
            }
        }
    }

    #[test]
    fn function_words_are_sorted_for_the_binary_search() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_noun_before_a_content_word_modifies_it() {
        for rest in [
            " transport is free",
            " safety, always",
            " occupancy is 97%",
            " data.",
        ] {
            assert!(modifies_next(rest), "{rest:?}");
        }
        for rest in [
            " in bed 4",
            " admitted overnight",
            " Mary Example",
            " 4 on Larch",
            "'s daughter",
            ": Mrs Example",
            "",
            " who came in",
            " 😂",
        ] {
            assert!(!modifies_next(rest), "{rest:?}");
        }
    }

    #[test]
    fn token_is_the_whitespace_run() {
        let v = "see https://x.com/a/status/123 now";
        let s = v.find("123").unwrap();
        assert_eq!(token(v, s, s + 3), "https://x.com/a/status/123");
        assert_eq!(token("@bob123", 4, 7), "@bob123");
    }

    #[test]
    fn context_is_whole_word_and_measured() {
        let ctx = Context {
            required: true,
            ..table(&["nhs no", "ward"], 30)
        };
        let v = "NHS no 401 159 0835 on Ward 7";
        let s = v.find("401").unwrap();
        assert_eq!(
            nearest_context(v, s, s + 12, &ctx).unwrap(),
            "context \"nhs no\" 1 chars before"
        );
        let v = "NHS now 401 159 0835 awkward";
        assert!(nearest_context(v, 8, 20, &ctx).is_none());
    }

    #[test]
    fn unless_before_words_count_only_before_and_except_words_cancel() {
        let part = |w: &[&str]| Some(Box::new(table(w, 40)));
        let u = Context {
            before: part(&["team"]),
            except: part(&["me", "home"]),
            ..table(&["switchboard"], 40)
        };
        let at = |v: &str| {
            let s = v.find("0113").unwrap();
            unless_applies(v, s, s + 13, &u)
        };
        assert!(at("Our team on 0113 496 0000"));
        assert!(at("0113 496 0000 (switchboard)"));
        assert!(!at("Text Sue on 0113 496 0000, she runs the team quiz"));
        assert!(!at("Our team: ring me at home on 0113 496 0000"));
        assert!(!at("Ring Sue on 0113 496 0000"));
    }

    #[test]
    fn a_negatable_unless_word_negated_where_it_stands_does_not_count() {
        let u = Context {
            negatable: true,
            ..table(&["consent"], 300)
        };
        let at = |v: &str| {
            let s = v.find("bed 6").unwrap();
            unless_applies(v, s, s + 5, &u)
        };
        assert!(at(
            "I didn't think I'd walk again. bed 6 to home! Shared with her consent"
        ));
        assert!(!at("Mrs Example in bed 6, posted without her consent"));
        assert!(!at("Mrs Example in bed 6: consent was not given"));
        assert!(!at("Mrs Example in bed 6, we never asked for consent"));
    }
}

//! Lexicon rules: every term of every lexicon rule in one Aho-Corasick
//! automaton, run once per field over the normalised text.

use super::inflect;
use super::normalise::Normalised;
use super::pack::{Detector, PackDef, Scope};
use super::pattern::{Unless, compile_unless};
use super::preceded::Preceded;
use super::{Hit, RuleInfo};
use crate::error::{Error, Result};
use crate::record::{FieldText, RecordKind};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;

/// One way a normalised pattern can be a rule's term, while compiling.
#[derive(Clone)]
struct Entry {
    rule: usize,
    term: usize,
    /// Required run length per unit: letters need at least this many
    /// repeats; a `*` unit is how many letters it masks (±1 from three).
    counts: Vec<u16>,
}

/// The same, as kept for matching: the lexicons hold a hundred thousand
/// patterns and more (variants included), and every scan carries them, so
/// they live in flat arrays instead of a vector and two allocations per
/// entry (docs/ARCHITECTURE.md, "Bounded memory").
struct Flat {
    rule: u32,
    term: u32,
    /// `counts[from..to]` of [`Entries`].
    from: u32,
    to: u32,
}

/// Every pattern's entries: those of pattern `p` are
/// `entries[starts[p]..starts[p + 1]]`.
#[derive(Default)]
struct Entries {
    entries: Vec<Flat>,
    starts: Vec<u32>,
    counts: Vec<u16>,
}

impl Entries {
    /// Flattens per-pattern entries; `None` past `u32` indexes.
    fn new(per_pattern: Vec<Vec<Entry>>) -> Option<Entries> {
        let mut out = Entries::default();
        out.starts.reserve(per_pattern.len() + 1);
        out.entries
            .reserve(per_pattern.iter().map(Vec::len).sum::<usize>());
        for group in per_pattern {
            out.starts.push(u32::try_from(out.entries.len()).ok()?);
            for e in group {
                let from = u32::try_from(out.counts.len()).ok()?;
                out.counts.extend_from_slice(&e.counts);
                out.entries.push(Flat {
                    rule: u32::try_from(e.rule).ok()?,
                    term: u32::try_from(e.term).ok()?,
                    from,
                    to: u32::try_from(out.counts.len()).ok()?,
                });
            }
        }
        out.starts.push(u32::try_from(out.entries.len()).ok()?);
        Some(out)
    }

    /// Pattern `p`'s entries: (rule, term, counts).
    fn of(&self, p: usize) -> impl Iterator<Item = (usize, usize, &[u16])> + '_ {
        let range = match (self.starts.get(p), self.starts.get(p + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        };
        self.entries.get(range).unwrap_or(&[]).iter().map(|f| {
            (
                f.rule as usize,
                f.term as usize,
                self.counts
                    .get(f.from as usize..f.to as usize)
                    .unwrap_or(&[]),
            )
        })
    }
}

pub struct Lexicon {
    /// The patterns without a masked letter: all a text without a `*`
    /// between letters can match.
    ac: Option<AhoCorasick>,
    /// Every pattern, masked variants ("f*ck") included, built the first
    /// time a text holds a masked letter. The variants are nine in ten of
    /// the patterns, and few texts need them (docs/RULES.md, "`lexicon`:
    /// word lists").
    masked: Masked,
    entries: Entries,
    terms: Vec<String>,
    allow: Option<AhoCorasick>,
    /// Per allow pattern: the rules it protects and its letter counts.
    allow_rules: Vec<Vec<(usize, Vec<u16>)>>,
    has_allow: Vec<bool>,
    rules: Vec<usize>,
    /// Per rule: next words that cancel a hit (`not_followed_by`).
    not_followed_by: Vec<Vec<String>>,
    /// Per rule: whether a hit asked about or quoted is dropped
    /// (`skip_mentions`).
    skip_mentions: Vec<bool>,
    /// Per rule: words near a hit that cancel it (`unless`).
    unless: Vec<Option<Unless>>,
    /// Per rule: words one of which must come just before a hit
    /// (`preceded_by`).
    preceded_by: Vec<Option<Preceded>>,
}

impl Lexicon {
    /// The lexicon rules that are `lazy` (or not): lazy signals get an
    /// automaton of their own, searched only when a composition needs it.
    pub fn compile(def: &PackDef, lazy: bool) -> Result<Lexicon> {
        // Every term's pattern, in order; masked variants are derived from
        // these when first needed (`Masked`).
        let mut base: Vec<(String, Entry)> = Vec::new();
        let mut terms = Vec::new();
        let mut allow_pats: Vec<String> = Vec::new();
        let mut allow_index: HashMap<String, usize> = HashMap::new();
        let mut allow_rules: Vec<Vec<(usize, Vec<u16>)>> = Vec::new();
        let mut has_allow = vec![false; def.rules.len()];
        let mut scratch = Normalised::default();
        let mut not_followed_by = vec![Vec::new(); def.rules.len()];
        let mut skip_mentions = vec![false; def.rules.len()];
        let mut unless: Vec<Option<Unless>> = def.rules.iter().map(|_| None).collect();
        let mut preceded_by: Vec<Option<Preceded>> = def.rules.iter().map(|_| None).collect();
        let mut rules = Vec::new();
        for (ri, rule) in def.rules.iter().enumerate() {
            let Detector::Lexicon(lx) = &rule.detector else {
                continue;
            };
            if rule.scope.lazy != lazy {
                continue;
            }
            rules.push(ri);
            skip_mentions[ri] = lx.skip_mentions;
            let mut next: Vec<&String> = lx.not_followed_by.iter().collect();
            for l in &lx.not_followed_by_lists {
                next.extend(def.list(rule, l)?);
            }
            not_followed_by[ri] = next.iter().map(|w| w.trim().to_lowercase()).collect();
            unless[ri] = lx
                .unless
                .as_ref()
                .map(|u| compile_unless(def, rule, u, "unless"))
                .transpose()?;
            preceded_by[ri] = lx
                .preceded_by
                .as_ref()
                .map(|p| Preceded::compile(def, rule, p))
                .transpose()?;
            let mut all: Vec<&String> = lx.terms.iter().collect();
            for l in &lx.lists {
                all.extend(def.list(rule, l)?);
            }
            if all.is_empty() {
                return Err(Error::Pack(format!(
                    "{}: lexicon has no terms",
                    rule.whence()
                )));
            }
            let all: Vec<String> = if lx.verb_forms {
                all.iter().flat_map(|t| inflect::verb_forms(t)).collect()
            } else {
                all.into_iter().cloned().collect()
            };
            // Every term also in text speak ("your number" → "ur number"):
            // replies and messages are written that way (docs/RULES.md,
            // "`lexicon`: word lists", Text speak).
            let all: Vec<String> = all.iter().flat_map(|t| inflect::text_speak(t)).collect();
            for term in &all {
                let (pat, counts) = scratch.term(term);
                if pat.is_empty() {
                    return Err(Error::Pack(format!(
                        "{}: empty lexicon term {term:?}",
                        rule.whence()
                    )));
                }
                terms.push(term.to_lowercase());
                let ti = terms.len() - 1;
                base.push((
                    pat,
                    Entry {
                        rule: ri,
                        term: ti,
                        counts,
                    },
                ));
            }
            let mut allow: Vec<&String> = lx.allow.iter().collect();
            for l in &lx.allow_lists {
                allow.extend(def.list(rule, l)?);
            }
            for a in allow {
                let (pat, counts) = scratch.term(a);
                if pat.is_empty() {
                    continue;
                }
                has_allow[ri] = true;
                let i = *allow_index.entry(pat.clone()).or_insert_with(|| {
                    allow_pats.push(pat);
                    allow_rules.push(Vec::new());
                    allow_rules.len() - 1
                });
                allow_rules[i].push((ri, counts));
            }
        }
        let (patterns, entries) = table(
            base.iter()
                .filter(|(p, _)| !p.contains('*'))
                .map(|(p, e)| (p.clone(), e.clone())),
        );
        let ac = if patterns.is_empty() {
            None
        } else {
            Some(automaton(&patterns).map_err(|e| Error::Pack(format!("lexicon automaton: {e}")))?)
        };
        let masked = Masked::new(base)?;
        let allow = if allow_pats.is_empty() {
            None
        } else {
            Some(
                automaton(&allow_pats)
                    .map_err(|e| Error::Pack(format!("lexicon allow-list: {e}")))?,
            )
        };
        let entries = Entries::new(entries)
            .ok_or_else(|| Error::Pack("lexicon: more terms than a u32 counts".into()))?;
        Ok(Lexicon {
            ac,
            masked,
            entries,
            terms,
            allow,
            allow_rules,
            has_allow,
            rules,
            not_followed_by,
            skip_mentions,
            unless,
            preceded_by,
        })
    }

    pub fn check(
        &self,
        infos: &[RuleInfo],
        scope: &[Scope],
        kind: RecordKind,
        field: &FieldText,
        n: &mut Normalised,
        hits: &mut Vec<Hit>,
    ) {
        // (no terms at all; a lexicon with terms has at least one of the
        // two automata)
        if self.masked.base.is_empty() {
            return;
        }
        if !self
            .rules
            .iter()
            .any(|&r| scope[r].kind_ok(kind) && scope[r].text_field_ok(field.name))
        {
            return;
        }
        n.run(&field.value);
        let text = n.text.as_bytes();
        let first_hit = hits.len();
        let mut allow_spans: Option<Vec<(usize, usize, usize)>> = None;
        // The normaliser keeps a `*` only as a masked letter (between
        // letters), and only a masked variant holds one.
        let (ac, entries) = match (text.contains(&b'*'), &self.ac) {
            (true, plain) => match (self.masked.built(), plain) {
                (Some((all, entries)), _) => (all, entries),
                (None, Some(p)) => (p, &self.entries),
                (None, None) => return,
            },
            (false, Some(plain)) => (plain, &self.entries),
            (false, None) => return,
        };
        for (pattern, s, e) in words_found(ac, n) {
            let (start, end) = n.original_span(s, e);
            for (r, term, counts) in entries.of(pattern) {
                if !scope[r].kind_ok(kind) || !scope[r].text_field_ok(field.name) {
                    continue;
                }
                if !counts_ok(n, s, e, counts) {
                    continue;
                }
                if self.has_allow[r] {
                    let spans = allow_spans.get_or_insert_with(|| self.allow_spans(n));
                    if spans
                        .iter()
                        .any(|&(a, b, ar)| ar == r && a < end && start < b)
                    {
                        continue;
                    }
                }
                if !self.not_followed_by[r].is_empty() {
                    let next = next_word(&field.value[end..]);
                    if self.not_followed_by[r].contains(&next) {
                        continue;
                    }
                }
                if self.skip_mentions[r] && mentioned(&field.value, start, end) {
                    continue;
                }
                if let Some(p) = &self.preceded_by[r]
                    && !p.holds(&field.value, start)
                {
                    continue;
                }
                if let Some(u) = &self.unless[r]
                    && u.applies(&field.value, start, end)
                {
                    continue;
                }
                if hits[first_hit..]
                    .iter()
                    .any(|h| h.rule == r && h.start == start && h.end == end)
                {
                    continue; // two terms that normalise alike
                }
                let matched = &field.value[start..end];
                let term = &self.terms[term];
                let detail = if matched.to_lowercase() == *term {
                    format!("lexicon term \"{term}\"")
                } else {
                    format!("lexicon term \"{term}\" written as \"{matched}\"")
                };
                hits.push(Hit {
                    rule: r,
                    field: field.name,
                    start,
                    end,
                    matched: matched.to_string(),
                    detail,
                    severity: infos[r].severity,
                    confidence: infos[r].confidence,
                });
            }
        }
        keep_longest_per_rule(hits, first_hit);
    }

    /// Original-text spans of allow-list phrases, with the rule they protect.
    fn allow_spans(&self, n: &Normalised) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let Some(allow) = &self.allow else { return out };
        for (pattern, s, e) in words_found(allow, n) {
            let (a, b) = n.original_span(s, e);
            // "Twatt" (a place) protects "twatt", not "twat": letter counts
            // are checked as for terms.
            for (r, counts) in &self.allow_rules[pattern] {
                if counts_ok(n, s, e, counts) {
                    out.push((a, b, *r));
                }
            }
        }
        out
    }
}

/// Phrases of named lists, found where a lexicon's allow-list would find
/// them (the same normalisation, word boundaries and letter counts), for
/// a learned model's rule that must not read them (`model.safe_lists`,
/// docs/RULES.md, "Learned models"): a bag of words cannot tell "clown
/// doctors" from "you clown", but the safe-lists already can.
pub struct Phrases {
    ac: AhoCorasick,
    counts: Vec<Vec<u16>>,
}

impl Phrases {
    pub fn compile(
        def: &PackDef,
        rule: &super::pack::RuleDef,
        lists: &[String],
    ) -> Result<Option<Phrases>> {
        let mut scratch = Normalised::default();
        let (mut pats, mut counts) = (Vec::new(), Vec::new());
        for l in lists {
            for phrase in def.list(rule, l)? {
                let (pat, c) = scratch.term(phrase);
                if !pat.is_empty() {
                    pats.push(pat);
                    counts.push(c);
                }
            }
        }
        if pats.is_empty() {
            return Ok(None);
        }
        let ac = automaton(&pats)
            .map_err(|e| Error::Pack(format!("{}: model.safe_lists: {e}", rule.whence())))?;
        Ok(Some(Phrases { ac, counts }))
    }

    /// `text` with every phrase found blanked to one space; `None` when
    /// there is none.
    pub fn blanked(&self, text: &str, n: &mut Normalised) -> Option<String> {
        n.run(text);
        let spans: Vec<(usize, usize)> = words_found(&self.ac, n)
            .filter(|&(p, s, e)| counts_ok(n, s, e, &self.counts[p]))
            .map(|(_, s, e)| n.original_span(s, e))
            .collect();
        (!spans.is_empty()).then(|| super::reported::blank(text, spans))
    }
}

/// The overlapping search reports "fuck" inside "fucking": per rule, keep
/// only hits no longer hit of the same rule contains (what a leftmost-
/// longest search would have reported), so matches and fingerprints stay
/// the same while other rules still see the shorter terms.
fn keep_longest_per_rule(hits: &mut Vec<Hit>, first: usize) {
    let mut i = first;
    while i < hits.len() {
        let (r, s, e) = (hits[i].rule, hits[i].start, hits[i].end);
        let covered = hits[first..].iter().enumerate().any(|(j, h)| {
            first + j != i && h.rule == r && h.start <= s && e <= h.end && h.end - h.start > e - s
        });
        if covered {
            hits.remove(i);
        } else {
            i += 1;
        }
    }
}

/// Quotation marks that open or close a quoted phrase (an apostrophe
/// inside a word, as in "don't", neither opens nor closes one).
const QUOTES: &[char] = &['\'', '"', '‘', '’', '“', '”'];

/// Whether `value[start..end]` is mentioned rather than used: followed at
/// once (after a closing quote or spaces) by a question mark, as a phrase
/// is asked about ("Buy one get one free? Not with antibiotics"), or
/// inside a short quoted phrase of its own sentence ("'Buy now, no
/// prescription needed' sites"). A quoted phrase opens with a quotation
/// mark after a space, a bracket or the start, and closes with one before
/// a space, punctuation or the end, within 80 characters.
fn mentioned(value: &str, start: usize, end: usize) -> bool {
    let after = value[end..].trim_start_matches(|c: char| QUOTES.contains(&c) || c == ' ');
    if after.starts_with('?') {
        return true;
    }
    const REACH: usize = 80;
    let stop = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    // Back to the quotation mark that opens the phrase; a closing one met
    // first means the hit is after a quoted phrase, not inside one.
    let before = &value[..start];
    let mut opened = false;
    for (i, c) in before.char_indices().rev().take(REACH) {
        if stop(c) {
            break;
        }
        if quote_opens(before, i, c) {
            opened = true;
            break;
        }
        if quote_closes(before, i, c) {
            break;
        }
    }
    if !opened {
        return false;
    }
    // On to the one that closes it, in the same sentence.
    let rest = &value[end..];
    for (i, c) in rest.char_indices().take(REACH) {
        if stop(c) {
            return false;
        }
        if quote_closes(rest, i, c) {
            return true;
        }
    }
    false
}

/// Whether `c` at `text[i]` is a quotation mark that opens a phrase: it
/// follows a space, a bracket or the start of `text`.
fn quote_opens(text: &str, i: usize, c: char) -> bool {
    QUOTES.contains(&c)
        && text[..i]
            .chars()
            .next_back()
            .is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '['))
}

/// Whether `c` at `text[i]` is a quotation mark that closes a phrase: it
/// follows something other than a space, and no letter or digit follows
/// it within `text` ("lads' night" closes; "don't" does not).
fn quote_closes(text: &str, i: usize, c: char) -> bool {
    QUOTES.contains(&c)
        && text[i + c.len_utf8()..]
            .chars()
            .next()
            .is_none_or(|n| !n.is_alphanumeric())
        && text[..i]
            .chars()
            .next_back()
            .is_none_or(|p| !p.is_whitespace())
}

/// The word after a hit, lower-cased ("" at the end of the text).
fn next_word(rest: &str) -> String {
    rest.trim_start_matches(|c: char| c.is_whitespace() || c == '-')
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn counts_ok(n: &Normalised, s: usize, e: usize, want: &[u16]) -> bool {
    let mut i = 0;
    let mut prev = usize::MAX;
    for b in s..e {
        let u = n.byte_unit[b] as usize;
        if u == prev {
            continue;
        }
        prev = u;
        let Some(&w) = want.get(i) else { return false };
        let have = n.units[u].count;
        let ok = match n.text.as_bytes()[b] {
            b' ' => true,
            b'*' => have == w || (w >= 3 && have.abs_diff(w) <= 1),
            c => stretched(c, have, w),
        };
        if !ok {
            return false;
        }
        i += 1;
    }
    i == want.len()
}

/// Whether a letter written `have` times matches a term that writes it
/// `want` times. Stretching ("fuuuck", "sooo") adds two or more; one
/// more is a stretch only for letters English seldom doubles, because
/// "soon", "good", "feed" and "hoot" are other words, not "son", "god",
/// "fed" or "hot" drawn out.
fn stretched(letter: u8, have: u16, want: u16) -> bool {
    have == want || have >= want + 2 || (have == want + 1 && b"aiuyhjkqvwx".contains(&letter))
}

/// Standard semantics, searched for overlapping matches: a long phrase of
/// one rule must not hide a shorter term of another (composition signals
/// need both). Each pattern is built between two spaces and searched in
/// [`Normalised::spaced`]: only whole words match, and inside a word the
/// search stays at the automaton's root instead of following the
/// suffixes of tens of thousands of terms (benches/README.md).
fn automaton(patterns: &[String]) -> std::result::Result<AhoCorasick, aho_corasick::BuildError> {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .build(patterns.iter().map(|p| format!(" {p} ")))
}

/// Every whole-word match of an [`automaton`] in the normalised text, as
/// its pattern and the bytes of `n.text` it covers.
fn words_found<'a>(
    ac: &'a AhoCorasick,
    n: &'a Normalised,
) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
    ac.find_overlapping_iter(&n.spaced).map(|m| {
        // " term " at `spaced[s..e]` is `text[s..e - 2]`
        let (s, e) = (m.start(), m.end() - 2);
        debug_assert!(n.whole_words(s, e));
        (m.pattern().as_usize(), s, e)
    })
}

/// Patterns and their entries, each distinct pattern once, in the order
/// first seen.
fn table(items: impl Iterator<Item = (String, Entry)>) -> (Vec<String>, Vec<Vec<Entry>>) {
    let mut patterns: Vec<String> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut entries: Vec<Vec<Entry>> = Vec::new();
    for (pat, entry) in items {
        let i = *index.entry(pat.clone()).or_insert_with(|| {
            patterns.push(pat);
            entries.push(Vec::new());
            entries.len() - 1
        });
        entries[i].push(entry);
    }
    (patterns, entries)
}

/// The automaton of every pattern with its masked variants ("f*ck"),
/// built the first time a text holds a masked letter. The variants are
/// nine in ten of the patterns and few texts need them, so a scan does not
/// pay to build them up front (benches/README.md).
struct Masked {
    /// Every term's pattern and entry, in the order compiled.
    base: Vec<(String, Entry)>,
    built: std::sync::OnceLock<Option<(AhoCorasick, Entries)>>,
}

impl Masked {
    fn new(base: Vec<(String, Entry)>) -> Result<Masked> {
        // The automaton's states are bounded by its patterns' bytes: a
        // word of n letters has fewer than n² variants, none longer than
        // itself. Past what its ids hold the build would fail mid-scan, so
        // the pack is refused now.
        // (saturating: a custom pack's absurdly long word must be refused,
        // not overflow)
        let bound = base.iter().fold(0usize, |sum, (p, _)| {
            let bytes = if maskable(p) {
                let n = p.chars().count();
                n.saturating_mul(n).saturating_mul(p.len())
            } else {
                p.len() + 1
            };
            sum.saturating_add(bytes)
        });
        if bound >= i32::MAX as usize / 2 {
            return Err(Error::Pack(
                "lexicon automaton: the lexicons' terms and their masked variants are too large"
                    .into(),
            ));
        }
        Ok(Masked {
            base,
            built: std::sync::OnceLock::new(),
        })
    }

    /// `None` only if the build failed, which the bound in `new` rules
    /// out; the plain automaton then serves.
    fn built(&self) -> Option<&(AhoCorasick, Entries)> {
        self.built
            .get_or_init(|| {
                let (patterns, entries) = table(self.base.iter().flat_map(|(pat, e)| {
                    masked_variants(pat, &e.counts)
                        .into_iter()
                        .map(|(vpat, counts)| {
                            (
                                vpat,
                                Entry {
                                    rule: e.rule,
                                    term: e.term,
                                    counts,
                                },
                            )
                        })
                        .chain(std::iter::once((pat.clone(), e.clone())))
                }));
                Some((automaton(&patterns).ok()?, Entries::new(entries)?))
            })
            .as_ref()
    }
}

/// Whether a pattern gets masked variants: one word of four or more
/// letters. `Masked::new` bounds the variants' size by the same test.
fn maskable(pat: &str) -> bool {
    pat.chars().count() >= 4 && pat.chars().all(char::is_alphabetic)
}

/// "f*ck", "f**k", "sh*t": each contiguous run of interior units replaced by
/// one `*` unit, keeping at least the first and last letters visible. Only
/// for single words of four or more units, where a mask is still specific.
fn masked_variants(pat: &str, counts: &[u16]) -> Vec<(String, Vec<u16>)> {
    let chars: Vec<char> = pat.chars().collect();
    let n = chars.len();
    let mut out = Vec::new();
    if !maskable(pat) || n != counts.len() {
        return out;
    }
    for a in 1..n - 1 {
        for b in a + 1..n {
            if n - (b - a) < 2 {
                continue;
            }
            let mut s: String = chars[..a].iter().collect();
            s.push('*');
            s.extend(&chars[b..]);
            let mut c = counts[..a].to_vec();
            c.push(counts[a..b].iter().sum());
            c.extend_from_slice(&counts[b..]);
            out.push((s, c));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack(toml: &str) -> PackDef {
        let src = format!("[pack]\nid = \"t\"\nversion = \"1\"\n{toml}");
        super::super::pack::parse(&[("t.toml".into(), src)]).unwrap()
    }

    fn hits(lx: &Lexicon, def: &PackDef, text: &str) -> Vec<String> {
        let infos: Vec<RuleInfo> = def.rules.iter().map(|r| r.info.clone()).collect();
        let scope: Vec<Scope> = def.rules.iter().map(|r| r.scope.clone()).collect();
        let field = FieldText {
            name: crate::vocab::Field::Text,
            value: text.to_string(),
        };
        let mut n = Normalised::default();
        let mut out = Vec::new();
        lx.check(&infos, &scope, RecordKind::Post, &field, &mut n, &mut out);
        out.into_iter().map(|h| h.matched).collect()
    }

    const RULE: &str = r#"
[[rules]]
id = "x"
title = "x"
category = "conduct"
severity = "high"
policy = ["SUN 3.2"]
clauses = ["C1"]
lexicon = { terms = ["fuck", "shit", "cunt", "ass", "dick"], allow = ["dick whittington"] }
"#;

    #[test]
    fn a_phrase_asked_about_or_quoted_is_mentioned_not_used() {
        let at = |text: &str, term: &str| {
            let s = text.find(term).unwrap();
            mentioned(text, s, s + term.len())
        };
        // asked about, with or without quotation marks
        assert!(at(
            "Buy one get one free? Not with antibiotics",
            "Buy one get one free"
        ));
        assert!(at(
            "'Buy one get one free'? Watch the sugar",
            "Buy one get one free"
        ));
        // inside a quoted phrase of its own sentence
        assert!(at(
            "'Buy now, no prescription needed' sites sell fakes",
            "Buy now"
        ));
        assert!(at(
            "Ads saying “use my code” are not from us",
            "use my code"
        ));
        // used: an offer, a question about something else, a quoted
        // phrase that ended before it, an apostrophe inside a word
        assert!(!at(
            "Buy one get one free on all vitamins this week!",
            "Buy one get one free"
        ));
        assert!(!at("Buy now before they go. Any questions?", "Buy now"));
        assert!(!at("We said 'no'. Use my code for 10% off", "Use my code"));
        assert!(!at("The lads' favourite: use my code KEV10", "use my code"));
        assert!(!at("Don't wait, buy now at example.com", "buy now"));
    }

    #[test]
    fn masked_variants_are_built_only_when_a_text_masks_a_letter() {
        let def = pack(RULE);
        let lx = Lexicon::compile(&def, false).unwrap();
        assert_eq!(hits(&lx, &def, "what a dick"), vec!["dick"]);
        assert!(hits(&lx, &def, "5 * 4 = 20, see *notes*").is_empty());
        assert!(lx.masked.built.get().is_none(), "no text masked a letter");
        assert_eq!(hits(&lx, &def, "oh f*ck, sh*t"), vec!["f*ck", "sh*t"]);
        assert!(lx.masked.built.get().is_some());
        // and unmasked text is still read by the small automaton
        assert_eq!(hits(&lx, &def, "what a dick"), vec!["dick"]);
    }

    /// The split is invisible: on text without a masked letter the
    /// automaton of plain patterns reports exactly what the automaton of
    /// every pattern would, for every term of the default pack's eager and
    /// lazy lexicons, alone, in a sentence and beside another term.
    #[test]
    fn the_plain_automaton_finds_what_the_full_one_finds_in_unmasked_text() {
        let def = default_def();
        for lazy in [false, true] {
            let (lx, full) = (
                Lexicon::compile(&def, lazy).unwrap(),
                forced_full(&def, lazy),
            );
            let mut checked = 0;
            // every term of the smaller lexicon, a spread of the larger
            let step = (lx.terms.len() / 4000).max(1);
            for pair in lx.terms.chunks(2).step_by(step) {
                let (a, b) = (&pair[0], pair.last().unwrap());
                if a.contains('*') || b.contains('*') {
                    continue;
                }
                for text in [
                    a.clone(),
                    format!("We saw {a} on the ward today."),
                    format!("{a}, {b} and the rest"),
                    format!("{}!! {}", a.to_uppercase(), b),
                ] {
                    assert_eq!(
                        hits(&lx, &def, &text),
                        hits(&full, &def, &text),
                        "lazy {lazy}: {text:?}"
                    );
                }
                checked += 1;
            }
            assert!(checked > 1000, "lazy {lazy}: only {checked} pairs");
        }
    }

    fn default_def() -> PackDef {
        super::super::pack::parse_layers(&[], &super::super::load::default_sources()).unwrap()
    }

    /// A lexicon whose automaton of every pattern (masked variants
    /// included) stands in for the plain one, so every text is searched
    /// by it.
    fn forced_full(def: &PackDef, lazy: bool) -> Lexicon {
        let mut full = Lexicon::compile(def, lazy).unwrap();
        full.masked.built();
        let (all, entries) = full.masked.built.take().flatten().unwrap();
        full.ac = Some(all);
        full.entries = entries;
        full
    }

    /// The default pack's eager lexicon as compiled and forced full.
    fn both_automata() -> &'static (PackDef, Lexicon, Lexicon) {
        static BOTH: std::sync::OnceLock<(PackDef, Lexicon, Lexicon)> = std::sync::OnceLock::new();
        BOTH.get_or_init(|| {
            let def = default_def();
            let (lx, full) = (
                Lexicon::compile(&def, false).unwrap(),
                forced_full(&def, false),
            );
            (def, lx, full)
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

        /// Any text, masked or not, in any mix of list words, masked list
        /// words, stars, digits and noise: the same hits either way, and
        /// no panic.
        #[test]
        fn any_text_gets_the_same_hits_from_either_automaton(
            parts in proptest::collection::vec(
                (0usize..100_000, 0u8..5, "[a-zA-Z0-9*.,!? @#'-]{0,8}"),
                0..12,
            )
        ) {
            let (def, lx, full) = both_automata();
            let mut text = String::new();
            for (i, how, noise) in parts {
                let term = &lx.terms[i % lx.terms.len()];
                let word = match how {
                    0 => term.clone(),
                    1 => {
                        // interior letters starred, as people mask
                        let cs: Vec<char> = term.chars().collect();
                        cs.iter()
                            .enumerate()
                            .map(|(k, c)| if k > 0 && k + 1 < cs.len() && k % 2 == 1 { '*' } else { *c })
                            .collect()
                    }
                    2 => term.to_uppercase(),
                    _ => noise,
                };
                text.push_str(&word);
                text.push(' ');
            }
            proptest::prop_assert_eq!(hits(lx, def, &text), hits(full, def, &text), "{:?}", text);
        }
    }

    /// A pack whose masked variants could not be built later is refused
    /// when it loads, naming the lexicon, rather than failing mid-scan.
    #[test]
    fn a_lexicon_too_large_to_mask_is_refused_at_load() {
        // (letters that do not repeat: a run of one letter is one unit)
        let word = "abcdefghij".repeat(200);
        let def = pack(&RULE.replace("\"fuck\",", &format!("\"{word}\",")));
        let e = Lexicon::compile(&def, false).err().expect("refused");
        assert!(
            e.to_string().contains("masked variants are too large"),
            "{e}"
        );
    }

    #[test]
    fn word_boundaries_and_allow_list() {
        let def = pack(RULE);
        let lx = Lexicon::compile(&def, false).unwrap();
        assert!(hits(&lx, &def, "Scunthorpe General Hospital").is_empty());
        assert!(hits(&lx, &def, "Dickens and Dick Whittington panto").is_empty());
        assert!(hits(&lx, &def, "as far as I know, pass the assessment").is_empty());
        assert_eq!(hits(&lx, &def, "what a dick"), vec!["dick"]);
        assert_eq!(hits(&lx, &def, "kick his ASSSS"), vec!["ASSSS"]);
    }

    #[test]
    fn a_letter_doubled_by_spelling_is_not_a_stretched_single_one() {
        let def = pack(
            r#"
[[rules]]
id = "w"
title = "w"
category = "conduct"
severity = "low"
policy = ["SUN 3.2"]
clauses = ["C1"]
lexicon = { terms = ["son", "god", "fuck", "fed"] }
"#,
        );
        let lx = Lexicon::compile(&def, false).unwrap();
        assert_eq!(
            hits(&lx, &def, "see you soon, good luck, well fed"),
            vec!["fed"]
        );
        assert_eq!(hits(&lx, &def, "see you soon"), Vec::<String>::new());
        assert_eq!(hits(&lx, &def, "feed the ducks"), Vec::<String>::new());
        assert_eq!(hits(&lx, &def, "oh my goood"), vec!["goood"]);
        assert_eq!(hits(&lx, &def, "fuuck off"), vec!["fuuck"]);
        assert_eq!(hits(&lx, &def, "my sooon"), vec!["sooon"]);
    }

    #[test]
    fn a_term_naming_a_service_is_dropped_by_the_word_after_it() {
        let def = pack(
            r#"
[[rules]]
id = "c"
title = "c"
category = "patient-data"
severity = "low"
policy = ["CUM 3.3"]
clauses = ["A1"]
lexicon = { terms = ["stroke", "flu"], not_followed_by = ["team", "jab"] }
"#,
        );
        let lx = Lexicon::compile(&def, false).unwrap();
        assert_eq!(hits(&lx, &def, "she had a stroke in June"), vec!["stroke"]);
        assert!(hits(&lx, &def, "our Stroke Team and the flu-jab clinic").is_empty());
        assert_eq!(hits(&lx, &def, "flu, again"), vec!["flu"]);
    }

    #[test]
    fn a_term_counts_only_after_its_owner_when_preceded_by_is_given() {
        let rule = |preceded: &str| {
            format!(
                r#"
[lists]
owners = ["her", "he's"]

[[rules]]
id = "c"
title = "c"
category = "personal-data"
severity = "low"
policy = ["CUM 3.3"]
clauses = ["A3"]
lexicon = {{ terms = ["chemo", "epileptic"], preceded_by = {preceded} }}
"#
            )
        };
        let def = pack(&rule(r#"{ lists = ["owners"], gap = 1 }"#));
        let lx = Lexicon::compile(&def, false).unwrap();
        assert_eq!(
            hits(&lx, &def, "hope her last chemo goes well"),
            vec!["chemo"]
        );
        assert_eq!(
            hits(&lx, &def, "turns out he's epileptic"),
            vec!["epileptic"]
        );
        assert!(hits(&lx, &def, "our chemo nurses and her team").is_empty());
        let def = pack(&rule("{ words = [] }"));
        let err = Lexicon::compile(&def, false).err().expect("refused");
        assert!(
            err.to_string().contains("preceded_by has no words"),
            "{err}"
        );
    }

    #[test]
    fn the_words_after_a_term_may_come_from_named_lists_too() {
        let def = pack(
            r#"
[lists]
services = ["team"]

[[rules]]
id = "c"
title = "c"
category = "patient-data"
severity = "low"
policy = ["CUM 3.3"]
clauses = ["A1"]
lexicon = { terms = ["stroke"], not_followed_by = ["unit"], not_followed_by_lists = ["services"] }
"#,
        );
        let lx = Lexicon::compile(&def, false).unwrap();
        assert!(hits(&lx, &def, "our stroke team and the stroke unit").is_empty());
        assert_eq!(hits(&lx, &def, "she had a stroke"), vec!["stroke"]);
    }

    #[test]
    fn unless_words_near_a_hit_drop_it_and_except_words_keep_it() {
        let def = pack(
            r#"
[[rules]]
id = "p"
title = "p"
category = "patient-data"
severity = "low"
policy = ["SUN 3.5"]
clauses = ["A5"]
lexicon = { terms = ["patient"], unless = { words = ["consent"], window = 40, except = ["without consent"] } }
"#,
        );
        let lx = Lexicon::compile(&def, false).unwrap();
        assert_eq!(hits(&lx, &def, "our patient today"), vec!["patient"]);
        assert!(hits(&lx, &def, "our patient today (shared with consent)").is_empty());
        assert_eq!(
            hits(&lx, &def, "our patient today, posted without consent"),
            vec!["patient"]
        );
        // out of the window
        let far = format!("our patient {} consent", "x ".repeat(30));
        assert_eq!(hits(&lx, &def, &far), vec!["patient"]);
    }

    #[test]
    fn obfuscations_map_to_original_spans() {
        let def = pack(RULE);
        let lx = Lexicon::compile(&def, false).unwrap();
        assert_eq!(
            hits(&lx, &def, "f*ck, sh1t, fuuuuck, f.u.c.k and f**k"),
            vec!["f*ck", "sh1t", "fuuuuck", "f.u.c.k", "f**k"]
        );
        assert!(hits(&lx, &def, "s*t the table").is_empty());
    }
}

//! Composition: rules that fire only when hits of other rules meet in one
//! field — a person and a diagnosis, a protected group and a derogatory
//! word, a threat frame, a harm verb and "you" — within a window, with
//! negated components ("not", "never", "isn't" just before) left out.
//! Each group of `compose.all` is a list of rule ids; the rule fires when
//! every group has a hit and all of them fit in `window` characters
//! (0: anywhere in the field). Components are ordinary lexicon and pattern
//! rules, so they keep their normalisation, allow-lists and validators;
//! rules marked `signal = true` exist only to feed compositions and never
//! become findings themselves (docs/RULES.md, "Composition").

use super::negation;
use super::pack::{Detector, PackDef};
use super::{Hit, RuleInfo};
use crate::error::{Error, Result};
use crate::record::Record;
use std::collections::HashMap;

struct Rule {
    rule: usize,
    groups: Vec<Vec<usize>>,
    /// Per group: whether it holds a lazy rule (searched only on demand).
    lazy: Vec<bool>,
    window: usize,
    negation: bool,
    ordered: bool,
    unless: Option<super::pattern::Unless>,
    /// Rules whose hit near the composed span cancels it.
    none: Vec<usize>,
}

#[derive(Default)]
pub struct Compose {
    rules: Vec<Rule>,
    /// The compositions with a lazy group, the only ones that ask for a
    /// lazy search: found once here, not again for every record.
    with_lazy: Vec<usize>,
}

impl Compose {
    pub fn compile(def: &PackDef) -> Result<Compose> {
        let index: HashMap<&str, usize> = def
            .rules
            .iter()
            .enumerate()
            .map(|(i, r)| (r.info.id.as_str(), i))
            .collect();
        let (mut rules, mut with_lazy) = (Vec::new(), Vec::new());
        for (ri, r) in def.rules.iter().enumerate() {
            let Detector::Compose(c) = &r.detector else {
                continue;
            };
            // One group is allowed: a signal reported on its own where the
            // rule's own filters (media, kinds, unless) hold.
            if c.all.is_empty() {
                return Err(Error::Pack(format!(
                    "{}: compose.all needs at least one group of rule ids",
                    r.whence()
                )));
            }
            let component = |id: &String| -> Result<usize> {
                let &i = index.get(id.as_str()).ok_or_else(|| {
                    Error::Pack(format!(
                        "{}: compose names unknown rule {id:?} (disabled?)",
                        r.whence()
                    ))
                })?;
                if !def.is_component(i) {
                    return Err(Error::Pack(format!(
                        "{}: compose combines lexicon and pattern rules only, not {id:?}",
                        r.whence()
                    )));
                }
                Ok(i)
            };
            let mut groups = Vec::new();
            for g in &c.all {
                if g.is_empty() {
                    return Err(Error::Pack(format!(
                        "{}: compose.all has an empty group",
                        r.whence()
                    )));
                }
                groups.push(g.iter().map(component).collect::<Result<Vec<_>>>()?);
            }
            let none = c.none.iter().map(component).collect::<Result<Vec<_>>>()?;
            // A lazy rule is searched only in fields where a composition
            // with a lazy group needs it: as `none` of a composition with
            // no lazy group it would never be searched.
            let lazy: Vec<bool> = groups
                .iter()
                .map(|g| g.iter().any(|&i| def.rules[i].scope.lazy))
                .collect();
            let lazy_group = lazy.iter().any(|&l| l);
            // Lazy rules are searched only in a field where every group
            // without one has a hit: with a lazy rule in every group, only
            // beside some other rule's hit.
            if lazy.iter().all(|&l| l) {
                return Err(Error::Pack(format!(
                    "{}: every group of compose.all has a lazy rule, so it would be searched only where some other rule has a hit; make one group's rules not lazy",
                    r.whence()
                )));
            }
            if let Some(&i) = none.iter().find(|&&i| def.rules[i].scope.lazy)
                && !lazy_group
            {
                return Err(Error::Pack(format!(
                    "{}: compose.none names the lazy rule {:?}, but no group of this composition is lazy, so it would never be searched",
                    r.whence(),
                    def.rules[i].info.id
                )));
            }
            let unless = c
                .unless
                .as_ref()
                .map(|u| super::pattern::compile_unless(def, r, u, "compose.unless"))
                .transpose()?;
            if lazy_group {
                with_lazy.push(rules.len());
            }
            rules.push(Rule {
                rule: ri,
                groups,
                lazy,
                window: c.window,
                negation: c.negation,
                ordered: c.ordered,
                unless,
                none,
            });
        }
        Ok(Compose { rules, with_lazy })
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Fields of `record` worth searching for lazy signals: those where some
    /// composition has a hit for every group that has no lazy member.
    pub fn fields_needing_lazy(&self, record: &Record, hits: &[Hit], first: usize) -> Vec<usize> {
        let mut out = Vec::new();
        if hits.len() == first {
            return out;
        }
        // compositions with a lazy group whose other groups all have a hit
        // somewhere in the record; only their fields are worth locating
        let present = present(&hits[first..]);
        let candidates: Vec<&Rule> =
            self.with_lazy
                .iter()
                .map(|&i| &self.rules[i])
                .filter(|c| {
                    c.groups.iter().zip(&c.lazy).all(|(g, &lazy)| {
                        lazy || g.iter().any(|r| present.binary_search(r).is_ok())
                    })
                })
                .collect();
        if candidates.is_empty() {
            return out;
        }
        let located = locate(record, &hits[first..]);
        for fi in distinct(&located) {
            let wanted = candidates.iter().any(|c| {
                c.groups.iter().zip(&c.lazy).all(|(g, &lazy)| {
                    lazy || hits[first..]
                        .iter()
                        .zip(&located)
                        .any(|(h, at)| *at == Some(fi) && g.contains(&h.rule))
                })
            });
            if wanted {
                out.push(fi);
            }
        }
        out
    }

    /// Appends the composite hits that `hits[first..]` (one record's) make.
    pub fn check(&self, infos: &[RuleInfo], record: &Record, hits: &mut Vec<Hit>, first: usize) {
        if self.rules.is_empty() || hits.len() - first < 2 {
            return;
        }
        // most records lack a whole group of every composition: settle
        // that before the per-field work (locating, negation, distances)
        let present = present(&hits[first..]);
        let rules: Vec<&Rule> = self
            .rules
            .iter()
            .filter(|c| {
                c.groups
                    .iter()
                    .all(|g| g.iter().any(|r| present.binary_search(r).is_ok()))
            })
            .collect();
        if rules.is_empty() {
            return;
        }
        let located = locate(record, &hits[first..]);
        let fields = distinct(&located);
        let mut out = Vec::new();
        for c in rules {
            for &fi in &fields {
                let text = record.fields[fi].value.as_str();
                let mut candidates: Vec<Vec<&Hit>> = c
                    .groups
                    .iter()
                    .map(|g| {
                        hits[first..]
                            .iter()
                            .zip(&located)
                            .filter(|(h, at)| {
                                **at == Some(fi)
                                    && g.contains(&h.rule)
                                    && !(c.negation && negation::negated(text, h.start))
                            })
                            .map(|(h, _)| h)
                            .collect::<Vec<&Hit>>()
                    })
                    .collect();
                // In the order of the text, not of the search: a lazy
                // signal's hits come after every other hit, and the first
                // of two equally near hits is the one taken.
                for group in &mut candidates {
                    group.sort_by_key(|h| (h.start, h.end, h.rule));
                }
                if candidates.iter().any(Vec::is_empty) {
                    continue;
                }
                let mut taken: Vec<(usize, usize)> = Vec::new();
                for anchor in &candidates[0] {
                    if taken
                        .iter()
                        .any(|&(s, e)| anchor.start < e && s < anchor.end)
                    {
                        continue;
                    }
                    // the nearest hit of every other group (when ordered,
                    // the first one after the part before it)
                    let mut parts = vec![*anchor];
                    for group in &candidates[1..] {
                        let after = parts.last().map_or(0, |p| p.end);
                        let near = group
                            .iter()
                            .filter(|h| !parts.iter().any(|p| overlaps(p, h)))
                            .filter(|h| !c.ordered || h.start >= after)
                            .min_by_key(|h| distance(anchor, h));
                        match near {
                            Some(h) => parts.push(h),
                            None => break,
                        }
                    }
                    if parts.len() < c.groups.len() {
                        continue;
                    }
                    let start = parts.iter().map(|h| h.start).min().unwrap_or(0);
                    let end = parts.iter().map(|h| h.end).max().unwrap_or(0);
                    let Some(span) = text.get(start..end) else {
                        continue;
                    };
                    if c.window > 0 && span.chars().count() > c.window {
                        continue;
                    }
                    if let Some(u) = &c.unless {
                        let spans: Vec<(usize, usize)> =
                            parts.iter().map(|h| (h.start, h.end)).collect();
                        if u.applies_to(text, start, end, Some(&spans)) {
                            continue;
                        }
                    }
                    if cancelled(c, text, start, end, &hits[first..], &located, fi) {
                        continue;
                    }
                    taken.push((start, end));
                    let mut by_place = parts.clone();
                    by_place.sort_by_key(|h| h.start);
                    let detail = by_place
                        .iter()
                        .map(|h| format!("{} \"{}\"", infos[h.rule].id, h.matched))
                        .collect::<Vec<_>>()
                        .join(" + ");
                    out.push(Hit {
                        rule: c.rule,
                        field: anchor.field,
                        start,
                        end,
                        matched: span.to_string(),
                        detail: format!(
                            "{detail} within {} characters{}",
                            span.chars().count(),
                            if c.negation { ", none negated" } else { "" }
                        ),
                        severity: infos[c.rule].severity,
                        confidence: infos[c.rule].confidence,
                    });
                }
            }
        }
        hits.extend(out);
    }
}

/// The rule ids among `hits`, sorted and without repeats.
fn present(hits: &[Hit]) -> Vec<usize> {
    let mut ids: Vec<usize> = hits.iter().map(|h| h.rule).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// True when a hit of one of `c.none`'s rules lies in field `fi` within
/// `c.window` characters of `start..end` (anywhere in it for window 0).
fn cancelled(
    c: &Rule,
    text: &str,
    start: usize,
    end: usize,
    hits: &[Hit],
    located: &[Option<usize>],
    fi: usize,
) -> bool {
    let chars = |a: usize, b: usize| text.get(a..b).map_or(usize::MAX, |s| s.chars().count());
    hits.iter().zip(located).any(|(h, at)| {
        *at == Some(fi)
            && c.none.contains(&h.rule)
            && (c.window == 0
                || (h.end <= start && chars(h.end, start) <= c.window)
                || (h.start >= end && chars(end, h.start) <= c.window)
                || (h.start < end && start < h.end))
    })
}

/// Which field value each hit came from (a record can hold several
/// fields of one name).
fn locate(record: &Record, hits: &[Hit]) -> Vec<Option<usize>> {
    hits.iter().map(|h| field_of(record, h)).collect()
}

/// The distinct field indexes hits were located in, ascending.
fn distinct(located: &[Option<usize>]) -> Vec<usize> {
    let mut fields: Vec<usize> = located.iter().flatten().copied().collect();
    fields.sort_unstable();
    fields.dedup();
    fields
}

fn overlaps(a: &Hit, b: &Hit) -> bool {
    a.start < b.end && b.start < a.end
}

fn distance(a: &Hit, b: &Hit) -> usize {
    if b.start >= a.end {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// The index of the field value a hit's span came from.
pub(super) fn field_of(record: &Record, h: &Hit) -> Option<usize> {
    let same_name = || {
        record
            .fields
            .iter()
            .enumerate()
            .filter(|(_, f)| f.name == h.field)
    };
    same_name()
        .find(|(_, f)| f.value.get(h.start..h.end) == Some(h.matched.as_str()))
        .or_else(|| same_name().next())
        .map(|(i, _)| i)
        .filter(|_| h.end > h.start)
}

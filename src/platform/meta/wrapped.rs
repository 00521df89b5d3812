//! A JSON entry whose top level is an object (a Messenger or DM thread,
//! `{"comments_v2": [...]}`), read in two streamed passes
//! (`json::object`): the outline first, keeping the small members, then
//! each long list element by element, walked with the outline's members
//! as `records::Plan` says; memory follows one element, not the file.
//! Shapes that need their long lists whole are read whole
//! (`MAX_DOCUMENT`).

use super::*;
use crate::error::Result;
use json::object::{Outline, Outlined};
use records::Step;
use serde_json::Value;
use std::io::Read;

impl MetaUnit {
    pub(super) fn read_object(
        &self,
        archive: &Archive,
        entry: &Entry<'_>,
        out: &mut EntryOutcome,
        emit: &mut dyn FnMut(Record),
    ) {
        let resolve = |u: &str| self.resolve(archive, u);
        let entry_name = entry.name.as_str();
        let mut ctx = records::Ctx {
            flavor: self.flavor,
            account: &self.account,
            entry: &entry_name,
            resolve: &resolve,
            emit: &mut *emit,
            out: &mut *out,
        };
        let mut read = |f: &mut dyn FnMut(&mut dyn Read)| archive.with_entry(entry, f);
        let walked = walk(&mut read, entry.size, json::object::KEEP_LIST, &mut ctx);
        if walked == Walked::Whole {
            self.read_whole(archive, entry, out, emit);
        }
    }
}

/// Opens the file once more and hands the reader to the pass.
pub(in crate::platform::meta) type Reread<'a> =
    dyn FnMut(&mut dyn FnMut(&mut dyn Read)) -> Result<()> + 'a;

/// Whether `walk` read the file or left it to the whole-file reader.
#[derive(Debug, PartialEq, Eq)]
pub(in crate::platform::meta) enum Walked {
    Done,
    Whole,
}

/// Reads a file of `size` bytes that `read` opens (once per pass) into
/// `ctx`; lists longer than `keep` bytes of JSON are streamed.
pub(super) fn walk(read: &mut Reread, size: u64, keep: u64, ctx: &mut records::Ctx) -> Walked {
    let mut outlined = None;
    if let Err(e) =
        read(&mut |r| outlined = Some(json::object::outline(r, records::PROBE_KEYS, keep)))
    {
        ctx.out.error = Some(e.to_string());
        return Walked::Done;
    }
    let Outline { mut top, long } = match outlined {
        Some(Outlined::Done(o)) => o,
        Some(Outlined::Failed(why)) if size > MAX_DOCUMENT => {
            ctx.out.error = Some(format!("{}: {why}", ctx.entry));
            return Walked::Done;
        }
        // Not an object, or broken but within the cap: the whole-file
        // reader gives the sentence it always gave.
        _ => return Walked::Whole,
    };
    if top.keys().any(|k| mojibake::repair(k).is_some()) {
        // Repairing a key may reorder the members; the whole-file walk is
        // the reference for that rare case.
        return Walked::Whole;
    }
    top.values_mut().for_each(mojibake::repair_value);
    if long.is_empty() {
        // The outline is the whole object.
        let v = Value::Object(top);
        ctx.root(&v);
        ctx.out.no_records_expected |= !json::holds_text(&v);
        return Walked::Done;
    }
    let is_long = |k: &str| long.iter().any(|l| l.key == k);
    let Some(plan) = records::Plan::new(&top, &is_long) else {
        return Walked::Whole;
    };
    let holds = top.values().any(json::holds_text) || long.iter().any(|l| l.text);
    for step in plan.steps() {
        match step {
            Step::Member(k) => {
                if let Some(v) = top.get(k) {
                    ctx.member(k, v);
                }
            }
            Step::List(k) => match long.iter().find(|l| l.key == *k) {
                None => {
                    for v in top.get(k).and_then(Value::as_array).into_iter().flatten() {
                        ctx.item(&plan, k, v);
                    }
                }
                Some(l) => {
                    let mut streamed = None;
                    let res = read(&mut |r| {
                        streamed = Some(json::object::stream_member(
                            r,
                            l.member,
                            json::MAX_ELEMENT,
                            &mut |mut v| {
                                mojibake::repair_value(&mut v);
                                ctx.item(&plan, k, &v);
                            },
                        ))
                    });
                    let why = match (res, streamed) {
                        (Err(e), _) => e.to_string(),
                        (Ok(()), Some(json::Streamed::Done(_))) => continue,
                        (Ok(()), Some(json::Streamed::Failed(_, why))) => {
                            format!("{}: {why}", ctx.entry)
                        }
                        (Ok(()), _) => format!("{}: the file changed while it was read", ctx.entry),
                    };
                    ctx.out.error = Some(why);
                    return Walked::Done;
                }
            },
        }
    }
    // `{"comments_v2": []}`: nothing written, so no record is right.
    ctx.out.no_records_expected |= !holds;
    Walked::Done
}

#[cfg(test)]
#[path = "wrapped_tests.rs"]
mod tests;

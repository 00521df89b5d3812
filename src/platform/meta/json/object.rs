//! A file whose top-level value is an object (a Messenger thread,
//! `{"comments_v2": [...]}`), read in two streamed passes so memory does
//! not follow the file: `outline` keeps every member except the long
//! lists, which it only looks over (which keys their objects carry,
//! whether they hold text); `stream_member` then hands one long list out
//! element by element. Two passes because the members a list's records
//! need (a thread's `title`, `participants`) may come after the list.

use super::{Elements, MAX_ELEMENT, Opened, Streamed, bare, failed, holds_text, open};
use serde::de::{
    self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor, value::MapAccessDeserializer,
};
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};
use std::cell::Cell;
use std::fmt;
use std::io::Read;

/// A list whose JSON passes this many bytes is long (`outline`'s `keep`
/// in the reader): `outline` stops keeping it and `stream_member` reads
/// it. Lists the records need whole
/// (participants, an album's photos) are far smaller.
pub const KEEP_LIST: u64 = 1 << 20;

/// A long list, as `outline` saw it.
#[derive(Debug, PartialEq, Eq)]
pub struct Long {
    pub key: String,
    /// Which member of the object it is (0-based, in file order), for
    /// `stream_member`; a repeated key counts its last member, as a
    /// whole-file parse keeps the last.
    pub member: usize,
    /// Some element holds a non-empty string (`holds_text`).
    pub text: bool,
}

/// The top-level object without its long lists.
#[derive(Debug, PartialEq)]
pub struct Outline {
    /// Every member as a whole-file parse gives it, except that a long
    /// list is replaced by a stand-in: `[]` when it holds no object, else
    /// one object whose keys are the `probe` keys some element carries
    /// (values `null`), so tests on the shape of the document (which keys
    /// the elements have) give what they give on the whole list.
    pub top: Map<String, Value>,
    pub long: Vec<Long>,
}

/// What `outline` found.
#[derive(Debug, PartialEq)]
pub enum Outlined {
    /// The file is not a top-level object (or starts with more than a
    /// buffer of whitespace).
    NotObject,
    Done(Outline),
    /// The sentence says where and why (without the entry's name).
    Failed(String),
}

/// Reads the top-level object once. Members other than lists longer than
/// `keep` bytes are kept (at most `MAX_ELEMENT` bytes of JSON together);
/// elements of long lists are looked over one at a time (each at most
/// `MAX_ELEMENT`).
pub fn outline(r: &mut dyn Read, probe: &[&str], keep: u64) -> Outlined {
    let Some(Opened { mut de, pos, start }) = open(r, b'{', MAX_ELEMENT) else {
        return Outlined::NotObject;
    };
    let res = Top {
        pos: &pos,
        start: &start,
        probe,
        keep,
    }
    .deserialize(&mut de)
    .and_then(|o| de.end().map(|()| o));
    match res {
        Ok(o) => Outlined::Done(o),
        Err(e) => {
            let at = pos.get();
            let msg = bare(&e);
            Outlined::Failed(if e.is_eof() {
                format!("JSON ends early at byte {at} (truncated file?)")
            } else if e.is_io() {
                msg
            } else {
                format!("invalid JSON at byte {}: {msg}", at.saturating_sub(1))
            })
        }
    }
}

/// Streams the elements of the list that is member `member` of the
/// top-level object (as `outline` numbered them), skipping the other
/// members unread; like `stream_array` otherwise.
pub fn stream_member(
    r: &mut dyn Read,
    member: usize,
    limit: u64,
    each: &mut dyn FnMut(Value),
) -> Streamed {
    let Some(Opened { mut de, pos, start }) = open(r, b'{', limit) else {
        return Streamed::NotArray;
    };
    let mut n = 0;
    let res = Member {
        member,
        each,
        pos: &pos,
        start: &start,
        n: &mut n,
    }
    .deserialize(&mut de)
    .and_then(|()| de.end());
    match res {
        Ok(()) => Streamed::Done(n),
        Err(e) => failed(&e, pos.get(), n),
    }
}

/// `stream_member`'s walk of the top-level object.
struct Member<'a> {
    member: usize,
    each: &'a mut dyn FnMut(Value),
    pos: &'a Cell<u64>,
    start: &'a Cell<u64>,
    n: &'a mut u64,
}

impl<'de> DeserializeSeed<'de> for Member<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Member<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut i = 0usize;
        let mut each = Some(self.each);
        while map.next_key::<IgnoredAny>()?.is_some() {
            if i == self.member
                && let Some(each) = each.take()
            {
                map.next_value_seed(Elements {
                    each,
                    pos: self.pos,
                    start: self.start,
                    n: &mut *self.n,
                })?;
            } else {
                // Skipped without being held, so no length limit applies.
                self.start.set(u64::MAX);
                map.next_value::<IgnoredAny>()?;
            }
            i = i.saturating_add(1);
        }
        Ok(())
    }
}

/// `outline`'s walk of the top-level object.
struct Top<'a> {
    pos: &'a Cell<u64>,
    start: &'a Cell<u64>,
    probe: &'a [&'a str],
    keep: u64,
}

impl<'de> DeserializeSeed<'de> for Top<'_> {
    type Value = Outline;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Outline, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Top<'_> {
    type Value = Outline;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Outline, A::Error> {
        let mut out = Outline {
            top: Map::new(),
            long: Vec::new(),
        };
        let mut kept: u64 = 0;
        let mut i = 0usize;
        while let Some(key) = map.next_key::<String>()? {
            let from = self.pos.get();
            self.start.set(from);
            let value = map.next_value_seed(Value1 {
                pos: self.pos,
                start: self.start,
                probe: self.probe,
                keep: self.keep,
            })?;
            out.long.retain(|l| l.key != key);
            match value {
                Kept(v) => {
                    kept = kept.saturating_add(self.pos.get().saturating_sub(from));
                    if kept > MAX_ELEMENT {
                        return Err(de::Error::custom(format!(
                            "the members of the top-level object other than its long lists \
                             are longer than {MAX_ELEMENT} bytes"
                        )));
                    }
                    out.top.insert(key, v);
                }
                Looked(seen) => {
                    let stand_in = if seen.objects {
                        let keys = seen.keys.into_iter().map(|k| (k, Value::Null));
                        vec![Value::Object(keys.collect())]
                    } else {
                        Vec::new()
                    };
                    out.top.insert(key.clone(), Value::Array(stand_in));
                    out.long.push(Long {
                        key,
                        member: i,
                        text: seen.text,
                    });
                }
            }
            i = i.saturating_add(1);
        }
        Ok(out)
    }
}

/// One member's value: kept whole, or a long list looked over.
enum Seen {
    Kept(Value),
    Looked(Probe),
}
use Seen::{Kept, Looked};

/// What the elements of a long list showed.
#[derive(Default)]
struct Probe {
    /// Some element is an object.
    objects: bool,
    /// The probe keys some element object carries, in first-seen order.
    keys: Vec<String>,
    /// Some element holds a non-empty string.
    text: bool,
}

impl Probe {
    fn value(&mut self, v: &Value, probe: &[&str]) {
        if let Value::Object(o) = v {
            self.objects = true;
            for k in o.keys() {
                self.key(k, probe);
            }
        }
        self.text = self.text || holds_text(v);
    }

    fn key(&mut self, k: &str, probe: &[&str]) {
        if probe.contains(&k) && !self.keys.iter().any(|x| x == k) {
            self.keys.push(k.to_string());
        }
    }
}

/// A member's value: anything but a list is kept as a `Value`; a list is
/// kept until its JSON passes `keep` bytes, then looked over.
struct Value1<'a> {
    pos: &'a Cell<u64>,
    start: &'a Cell<u64>,
    probe: &'a [&'a str],
    keep: u64,
}

impl<'de> DeserializeSeed<'de> for Value1<'_> {
    type Value = Seen;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Seen, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Value1<'_> {
    type Value = Seen;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Seen, E> {
        Ok(Kept(Value::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Seen, E> {
        Ok(Kept(Value::Number(v.into())))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Seen, E> {
        Ok(Kept(Value::Number(v.into())))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Seen, E> {
        // As serde_json's own `Value` does.
        Ok(Kept(
            serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number),
        ))
    }
    fn visit_str<E>(self, v: &str) -> Result<Seen, E> {
        Ok(Kept(Value::String(v.to_string())))
    }
    fn visit_unit<E>(self) -> Result<Seen, E> {
        Ok(Kept(Value::Null))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Seen, A::Error> {
        Value::deserialize(MapAccessDeserializer::new(map)).map(Kept)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Seen, A::Error> {
        let from = self.pos.get();
        let mut kept = Vec::new();
        let mut looked: Option<Probe> = None;
        loop {
            self.start.set(self.pos.get());
            if let Some(p) = looked.as_mut() {
                let seed = ProbeSeed {
                    p,
                    probe: self.probe,
                    depth: 0,
                };
                if seq.next_element_seed(seed)?.is_none() {
                    break;
                }
                continue;
            }
            let Some(v) = seq.next_element::<Value>()? else {
                break;
            };
            kept.push(v);
            if self.pos.get().saturating_sub(from) > self.keep {
                let mut p = Probe::default();
                for v in kept.drain(..) {
                    p.value(&v, self.probe);
                }
                looked = Some(p);
            }
        }
        Ok(match looked {
            Some(p) => Looked(p),
            None => Kept(Value::Array(kept)),
        })
    }
}

/// One element of a long list (or a value inside it), looked over
/// without being kept: the strings serde reads are dropped at once.
struct ProbeSeed<'a, 'p> {
    p: &'a mut Probe,
    probe: &'p [&'p str],
    depth: u32,
}

impl<'de> DeserializeSeed<'de> for ProbeSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ProbeSeed<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, v: &str) -> Result<(), E> {
        self.p.text = self.p.text || !v.trim().is_empty();
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        if self.depth == 0 {
            self.p.objects = true;
        }
        while let Some(k) = map.next_key::<String>()? {
            if self.depth == 0 {
                self.p.key(&k, self.probe);
            }
            map.next_value_seed(ProbeSeed {
                p: &mut *self.p,
                probe: self.probe,
                depth: self.depth.saturating_add(1),
            })?;
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq
            .next_element_seed(ProbeSeed {
                p: &mut *self.p,
                probe: self.probe,
                depth: self.depth.saturating_add(1),
            })?
            .is_some()
        {}
        Ok(())
    }
}

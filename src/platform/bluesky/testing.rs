//! A small CAR writer for tests: records written as JSON (the shape the
//! atproto tools print, with `{"$link": CID}` for links), encoded as
//! DAG-CBOR, placed in a record tree and framed as a CAR v1 file, like a
//! `getRepo` export. Uses only outside crates so the integration tests
//! can include this file too (tests/samples/bluesky.rs, tests/inputs).
#![allow(dead_code)]

use ipld_core::cid::Cid;
use ipld_core::cid::multihash::Multihash;
use ipld_core::ipld::Ipld;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Write;

pub const DID: &str = "did:plc:northdaletrust0000000001";

/// JSON to a DAG-CBOR value: `{"$link": "…"}` is a CID, whole numbers are
/// integers.
pub fn ipld(v: &serde_json::Value) -> Ipld {
    use serde_json::Value as J;
    match v {
        J::Null => Ipld::Null,
        J::Bool(b) => Ipld::Bool(*b),
        J::Number(n) => match n.as_i64() {
            Some(i) => Ipld::Integer(i.into()),
            None => Ipld::Float(n.as_f64().unwrap_or(0.0)),
        },
        J::String(s) => Ipld::String(s.clone()),
        J::Array(a) => Ipld::List(a.iter().map(ipld).collect()),
        J::Object(o) => {
            if let (1, Some(J::String(l))) = (o.len(), o.get("$link")) {
                return Ipld::Link(Cid::try_from(l.as_str()).expect("a CID string"));
            }
            Ipld::Map(o.iter().map(|(k, v)| (k.clone(), ipld(v))).collect())
        }
    }
}

/// The CIDv1 (DAG-CBOR, sha2-256) of some block bytes.
pub fn cid_of(bytes: &[u8]) -> Cid {
    dag_cid(&Sha256::digest(bytes))
}

/// The CIDv1 of a DAG-CBOR block whose SHA-256 is `digest` (a caller that
/// keeps millions of keys keeps the 32 bytes, not the CID).
pub fn dag_cid(digest: &[u8]) -> Cid {
    Cid::new_v1(0x71, Multihash::wrap(0x12, digest).expect("32-byte digest"))
}

/// The CIDv1 of a raw blob (an image), as a blob `ref` names it.
pub fn raw_cid(bytes: &[u8]) -> Cid {
    let digest = Sha256::digest(bytes);
    Cid::new_v1(
        0x55,
        Multihash::wrap(0x12, &digest).expect("32-byte digest"),
    )
}

fn varint(mut n: u64, out: &mut impl Write) -> std::io::Result<()> {
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            return out.write_all(&[b]);
        }
        out.write_all(&[b | 0x80])?;
    }
}

/// A CAR v1 header naming `root`.
pub fn write_header(out: &mut impl Write, root: Cid) -> std::io::Result<()> {
    let mut header = BTreeMap::new();
    header.insert("version".to_string(), Ipld::Integer(1));
    header.insert("roots".to_string(), Ipld::List(vec![Ipld::Link(root)]));
    let h = serde_ipld_dagcbor::to_vec(&Ipld::Map(header)).expect("encodable");
    varint(h.len() as u64, out)?;
    out.write_all(&h)
}

/// One CAR frame: `varint(length) | CID | bytes`.
pub fn write_frame(out: &mut impl Write, cid: &Cid, data: &[u8]) -> std::io::Result<()> {
    let c = cid.to_bytes();
    varint((c.len() + data.len()) as u64, out)?;
    out.write_all(&c)?;
    out.write_all(data)
}

#[derive(Default)]
pub struct Car {
    pub blocks: Vec<(Cid, Vec<u8>)>,
}

impl Car {
    /// Adds a block holding `value`; returns its CID.
    pub fn block(&mut self, value: &Ipld) -> Cid {
        let bytes = serde_ipld_dagcbor::to_vec(value).expect("encodable");
        let cid = cid_of(&bytes);
        self.blocks.push((cid, bytes));
        cid
    }

    /// A tree node: `entries` are (full key, record CID, right subtree),
    /// in key order; keys are prefix-compressed as atproto does.
    pub fn node(&mut self, left: Option<Cid>, entries: &[(String, Cid, Option<Cid>)]) -> Cid {
        let link = |c: Option<Cid>| c.map_or(Ipld::Null, Ipld::Link);
        let mut prev: &[u8] = &[];
        let mut list = Vec::new();
        for (key, value, right) in entries {
            let k = key.as_bytes();
            let p = prev.iter().zip(k).take_while(|(a, b)| a == b).count();
            let mut e = BTreeMap::new();
            e.insert("p".to_string(), Ipld::Integer(p as i128));
            e.insert("k".to_string(), Ipld::Bytes(k[p..].to_vec()));
            e.insert("v".to_string(), Ipld::Link(*value));
            e.insert("t".to_string(), link(*right));
            list.push(Ipld::Map(e));
            prev = k;
        }
        let mut m = BTreeMap::new();
        m.insert("l".to_string(), link(left));
        m.insert("e".to_string(), Ipld::List(list));
        self.block(&Ipld::Map(m))
    }

    /// A version-3 commit of `did` pointing at the tree `data`.
    pub fn commit(&mut self, did: &str, data: Cid) -> Cid {
        self.block(&ipld(&serde_json::json!({
            "did": did,
            "version": 3,
            "data": {"$link": data.to_string()},
            "rev": "3lzzzzzzzzz2a",
            "prev": null,
        })))
    }

    /// The CAR bytes: header naming `root`, then every block in the order
    /// added, the root's block first (as a PDS writes it).
    pub fn bytes(&self, root: Cid) -> Vec<u8> {
        let mut out = Vec::new();
        write_header(&mut out, root).expect("a Vec takes every write");
        let first = self.blocks.iter().filter(|(c, _)| *c == root);
        let rest = self.blocks.iter().filter(|(c, _)| *c != root);
        for (cid, data) in first.chain(rest) {
            write_frame(&mut out, cid, data).expect("a Vec takes every write");
        }
        out
    }
}

/// A whole repository of `did`: each (key, record JSON) becomes a block;
/// the keys are spread over a root node and two subtrees (one under `l`,
/// one under an entry's `t`) so a walk must follow both kinds of link.
pub fn repo(did: &str, records: &[(&str, serde_json::Value)]) -> Vec<u8> {
    let mut car = Car::default();
    let mut keyed: Vec<(String, Cid)> = records
        .iter()
        .map(|(k, v)| (k.to_string(), car.block(&ipld(v))))
        .collect();
    keyed.sort();
    let n = keyed.len();
    let root = if n < 3 {
        let entries: Vec<_> = keyed.into_iter().map(|(k, c)| (k, c, None)).collect();
        car.node(None, &entries)
    } else {
        // [0, a) left subtree, a the root's first entry, (a, b) under its
        // `t`, [b, n) further root entries.
        let a = n / 3;
        let b = (2 * n / 3).max(a + 1);
        let left: Vec<_> = keyed[..a]
            .iter()
            .map(|(k, c)| (k.clone(), *c, None))
            .collect();
        let mid: Vec<_> = keyed[a + 1..b]
            .iter()
            .map(|(k, c)| (k.clone(), *c, None))
            .collect();
        let l = (!left.is_empty()).then(|| car.node(None, &left));
        let t = (!mid.is_empty()).then(|| car.node(None, &mid));
        let mut top = vec![(keyed[a].0.clone(), keyed[a].1, t)];
        top.extend(keyed[b..].iter().map(|(k, c)| (k.clone(), *c, None)));
        car.node(l, &top)
    };
    let commit = car.commit(did, root);
    car.bytes(commit)
}

/// A post record as the Bluesky app writes it.
pub fn post(text: &str, created_at: &str) -> serde_json::Value {
    serde_json::json!({
        "$type": "app.bsky.feed.post",
        "text": text,
        "langs": ["en"],
        "createdAt": created_at,
    })
}

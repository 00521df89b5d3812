//! The repository's Merkle Search Tree: which record block sits under
//! which key (`collection/rkey`). A node is `{l: CID|null, e: [{p, k, v,
//! t}]}`: `l` the subtree of keys before the first entry, and per entry
//! `p` how many leading bytes its key shares with the entry before it in
//! the node, `k` the rest of the key, `v` the record's CID and `t` the
//! subtree of keys between it and the next entry. docs/FORMATS.md,
//! "Bluesky".
//!
//! A CAR can hold blocks the tree no longer reaches (older commits of a
//! 2023 repository), so keys come only from walking down from the commit.
//!
//! Memory is the point of this module's shape (measured in
//! benches/README.md, "a large Bluesky repository"). Every node of the
//! file goes into three flat lists, not an allocation per node; the walk
//! only decides which nodes the commit reaches, then rewrites each reached
//! entry in place from "how its key is written" to "which collection and
//! record key it is", so the record list is the entry list and the two
//! never exist side by side.

use super::car::{Key, key};
use ipld_core::cid::Cid;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};

/// Every tree node the file holds, as the first pass found them.
#[derive(Default)]
pub struct Nodes {
    /// One per node block, in file order until the walk sorts them by key.
    nodes: Vec<NodeAt>,
    /// Every node's entries, node after node.
    entries: Vec<Entry>,
    /// Every entry's key suffix, one after another.
    suffixes: Vec<u8>,
    /// Every node's subtrees (`l` and each `t`), node after node; the
    /// walk needs only which nodes lie below, not where.
    subtrees: Vec<Key>,
}

/// A node block: its key and where its parts sit in the lists.
struct NodeAt {
    key: Key,
    suffixes: u64,
    entries: u32,
    entry_count: u32,
    subtrees: u32,
    subtree_count: u32,
}

/// One entry of a node: the block it names and its key.
pub struct Entry {
    block: Key,
    key: KeyAt,
}

/// An entry's key: as the node writes it until the walk reads it, then
/// which collection and record key it is.
#[derive(Clone, Copy)]
enum KeyAt {
    /// Shares `prefix` bytes with the entry before; its suffix ends `end`
    /// bytes into the node's suffixes.
    Written { prefix: u32, end: u32 },
    /// An index into `Records::collections`, and where its record key
    /// starts in `Records::rkeys` (`NO_RKEY` when it was not kept).
    Read { collection: u32, rkey: u32 },
}

const NO_RKEY: u32 = u32::MAX;

/// The first bytes of a node block: a map of two entries whose first key
/// is `e` (DAG-CBOR sorts keys, shorter first, and the decoder refuses any
/// other order). Records always carry `$type`, so they rarely begin so,
/// and a block that begins so but is not a node is simply not kept.
pub fn may_be_node(data: &[u8]) -> bool {
    data.starts_with(&[0xa2, 0x61, b'e'])
}

/// A node block as DAG-CBOR holds it. Decoded straight into these types
/// (not a generic value) since every node of the file is decoded; an
/// extra or missing key means the block is not a node.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNode {
    l: Option<Cid>,
    e: Vec<RawEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    p: u32,
    #[serde(with = "serde_bytes")]
    k: Vec<u8>,
    v: Cid,
    t: Option<Cid>,
}

impl Nodes {
    /// Keeps the block under `at` if it is a node; false if it is not (or
    /// the lists would pass 4 G entries, which no real repository nears).
    pub fn push(&mut self, at: Key, data: &[u8]) -> bool {
        let Ok(raw) = serde_ipld_dagcbor::from_slice::<RawNode>(data) else {
            return false;
        };
        let (Ok(entries), Ok(entry_count), Ok(subtrees)) = (
            u32::try_from(self.entries.len()),
            u32::try_from(raw.e.len()),
            u32::try_from(self.subtrees.len()),
        ) else {
            return false;
        };
        if entries.checked_add(entry_count).is_none() {
            return false;
        }
        let suffixes = self.suffixes.len() as u64;
        self.subtrees.extend(raw.l.as_ref().map(key));
        let mut end = 0u32;
        for e in raw.e {
            // A block is at most car::MAX_BLOCK bytes, so its suffixes fit.
            end = end.saturating_add(e.k.len() as u32);
            self.suffixes.extend_from_slice(&e.k);
            self.subtrees.extend(e.t.as_ref().map(key));
            self.entries.push(Entry {
                block: key(&e.v),
                key: KeyAt::Written { prefix: e.p, end },
            });
        }
        let subtree_count = (self.subtrees.len() - subtrees as usize) as u32;
        self.nodes.push(NodeAt {
            key: at,
            suffixes,
            entries,
            entry_count,
            subtrees,
            subtree_count,
        });
        true
    }
}

/// Every record the walk found, sorted by block.
#[derive(Default)]
pub struct Records {
    list: Vec<Entry>,
    collections: Vec<Box<str>>,
    /// Record keys kept, each its length (two bytes, little-endian) and
    /// its bytes.
    rkeys: Vec<u8>,
}

/// One record: its collection and record key (empty unless its
/// collection was one the walk was asked to keep keys of).
pub struct RecordKey<'a> {
    pub collection: &'a str,
    pub rkey: &'a str,
}

impl Records {
    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn block(&self, i: usize) -> Key {
        self.list[i].block
    }

    pub fn get(&self, i: usize) -> RecordKey<'_> {
        let e = &self.list[i];
        let (collection, rkey) = self.names(e);
        RecordKey { collection, rkey }
    }

    fn names(&self, e: &Entry) -> (&str, &str) {
        let KeyAt::Read { collection, rkey } = e.key else {
            return ("", "");
        };
        let collection = self.collections.get(collection as usize).map_or("", |c| c);
        (collection, self.rkey(rkey))
    }

    fn rkey(&self, at: u32) -> &str {
        let at = at as usize;
        let Some(len) = self.rkeys.get(at..at + 2) else {
            return "";
        };
        let len = u16::from_le_bytes([len[0], len[1]]) as usize;
        self.rkeys
            .get(at + 2..at + 2 + len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }
}

/// What the walk found.
#[derive(Default)]
pub struct Walk {
    pub records: Records,
    /// Subtrees the tree names that the file does not hold (a partial
    /// repository): the records under them are unknown.
    pub missing_nodes: u64,
    /// Entries whose shared-prefix length is longer than the key before.
    pub bad_entries: u64,
    /// Keys that are not UTF-8 (read with replacement characters).
    pub lossy_keys: u64,
    /// Nodes reached twice (a damaged or hostile tree); walked once.
    pub repeated_nodes: u64,
}

/// Walks the tree down from `root` and returns every record it reaches,
/// sorted by block (and by key among records of one block). Record keys
/// are kept only for collections `keep_rkey` names; the others are only
/// counted, so their keys need no memory. Iterative, and each node is read
/// once, so a loop or a very deep chain in a damaged file neither runs
/// forever nor overflows the stack.
pub fn walk(root: Key, nodes: Nodes, keep_rkey: impl Fn(&str) -> bool) -> Walk {
    let Nodes {
        nodes: mut table,
        mut entries,
        suffixes,
        subtrees,
    } = nodes;
    // Looked up by bisection: a sorted list is half the size of a hash
    // table. Stable, so of a block the file holds twice the last copy is
    // read.
    table.sort_by_key(|n| n.key);
    let mut out = Walk::default();

    // Which nodes the commit reaches.
    let mut reached = vec![false; table.len()];
    let mut missing = HashSet::new();
    let mut stack = vec![root];
    while let Some(at) = stack.pop() {
        let i = table.partition_point(|n| n.key <= at);
        let Some(i) = i.checked_sub(1).filter(|&i| table[i].key == at) else {
            if missing.insert(at) {
                out.missing_nodes += 1;
            } else {
                out.repeated_nodes += 1;
            }
            continue;
        };
        if std::mem::replace(&mut reached[i], true) {
            out.repeated_nodes += 1;
            continue;
        }
        let n = &table[i];
        let at = n.subtrees as usize;
        stack.extend_from_slice(
            subtrees
                .get(at..at + n.subtree_count as usize)
                .unwrap_or_default(),
        );
    }
    drop(subtrees);

    // Each reached node's keys, rewritten in place.
    let mut collections: Vec<Box<str>> = Vec::new();
    let mut by_name: HashMap<Box<str>, (u32, bool)> = HashMap::new();
    let mut rkeys = Vec::new();
    let mut key = Vec::new();
    for n in table
        .iter()
        .zip(&reached)
        .filter(|(_, r)| **r)
        .map(|(n, _)| n)
    {
        let first = n.entries as usize;
        let node_suffixes = suffixes.get(n.suffixes as usize..).unwrap_or_default();
        let mut start = 0usize;
        key.clear();
        for e in entries.iter_mut().skip(first).take(n.entry_count as usize) {
            let KeyAt::Written { prefix, end } = e.key else {
                continue;
            };
            let end = end as usize;
            let suffix = node_suffixes.get(start..end).unwrap_or_default();
            start = end;
            if prefix as usize > key.len() {
                out.bad_entries += 1;
                continue;
            }
            key.truncate(prefix as usize);
            key.extend_from_slice(suffix);
            let text = match std::str::from_utf8(&key) {
                Ok(s) => std::borrow::Cow::Borrowed(s),
                Err(_) => {
                    out.lossy_keys += 1;
                    String::from_utf8_lossy(&key)
                }
            };
            let (name, rkey) = text.split_once('/').unwrap_or((&text, ""));
            let (collection, keep) = match by_name.get(name) {
                Some(&c) => c,
                None => {
                    let c = (collections.len() as u32, keep_rkey(name));
                    collections.push(name.into());
                    by_name.insert(name.into(), c);
                    c
                }
            };
            // A record key is at most 512 bytes by the lexicon; a longer
            // one (a damaged file) is cut, on a character boundary.
            let rkey = match u32::try_from(rkeys.len()) {
                Ok(at) if keep => {
                    let mut len = rkey.len().min(u16::MAX as usize);
                    while !rkey.is_char_boundary(len) {
                        len -= 1;
                    }
                    rkeys.extend_from_slice(&(len as u16).to_le_bytes());
                    rkeys.extend_from_slice(&rkey.as_bytes()[..len]);
                    at
                }
                _ => NO_RKEY,
            };
            e.key = KeyAt::Read { collection, rkey };
        }
    }
    drop(suffixes);
    drop(table);

    // Entries of nodes not reached (and damaged ones) are not records.
    entries.retain(|e| matches!(e.key, KeyAt::Read { .. }));
    entries.shrink_to_fit();
    let mut records = Records {
        list: Vec::new(),
        collections,
        rkeys,
    };
    // Ties (two records of byte-identical blocks) are rare, so their keys
    // are compared only then: the full key, `collection/rkey`, in bytes.
    entries.sort_unstable_by(|a, b| {
        a.block.cmp(&b.block).then_with(|| {
            let full = |e| {
                let (c, r) = records.names(e);
                c.bytes().chain([b'/']).chain(r.bytes())
            };
            full(a).cmp(full(b))
        })
    });
    records.list = entries;
    out.records = records;
    out
}

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

use super::car::{Key, key};
use ipld_core::cid::Cid;
use serde::Deserialize;
use std::collections::HashSet;

/// One tree node, as small as it can be kept: keys stay prefix-compressed
/// with their bytes in one buffer per node, and CIDs are 32-byte keys
/// (about 80 bytes per entry). This is what is held per node between the
/// first pass over the file and the walk.
#[derive(Default)]
pub struct Node {
    left: Option<Key>,
    entries: Box<[Entry]>,
    /// Every entry's key suffix, one after another.
    suffixes: Box<[u8]>,
}

struct Entry {
    prefix: u32,
    /// Where this entry's suffix ends in `suffixes` (it starts where the
    /// previous one ends).
    end: u32,
    value: Key,
    right: Option<Key>,
}

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

/// A node from its block's bytes, or `None` if the block is not one.
pub fn node(data: &[u8]) -> Option<Node> {
    let raw: RawNode = serde_ipld_dagcbor::from_slice(data).ok()?;
    let mut entries = Vec::with_capacity(raw.e.len());
    let mut suffixes = Vec::with_capacity(raw.e.iter().map(|e| e.k.len()).sum());
    for e in raw.e {
        suffixes.extend_from_slice(&e.k);
        entries.push(Entry {
            prefix: e.p,
            end: u32::try_from(suffixes.len()).ok()?,
            value: key(&e.v),
            right: e.t.as_ref().map(key),
        });
    }
    Some(Node {
        left: raw.l.as_ref().map(key),
        entries: entries.into_boxed_slice(),
        suffixes: suffixes.into_boxed_slice(),
    })
}

/// What the walk found.
#[derive(Default)]
pub struct Walk {
    /// Every record: the block it names and its key (`collection/rkey`).
    pub records: Vec<(Key, Box<str>)>,
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

/// Walks the tree down from `root`, taking each node's entries out of
/// `nodes` (in file order) as it is read so their memory goes as the record
/// list grows. Iterative, and each node is read once, so a loop or a very
/// deep chain in a damaged file neither runs forever nor overflows the
/// stack. The records come in no particular order.
pub fn walk(root: Key, mut nodes: Vec<(Key, Node)>) -> Walk {
    // Looked up by bisection: a sorted list is half the size of a hash
    // table of the same nodes (55 MB against 28 MB at a million records).
    // Stable, so of a block the file holds twice the last copy is read.
    nodes.shrink_to_fit();
    nodes.sort_by_key(|(k, _)| *k);
    let mut out = Walk::default();
    let mut seen = HashSet::new();
    let mut stack = vec![root];
    while let Some(at) = stack.pop() {
        if !seen.insert(at) {
            out.repeated_nodes += 1;
            continue;
        }
        let i = nodes.partition_point(|(k, _)| *k <= at);
        let Some(node) = i
            .checked_sub(1)
            .and_then(|i| nodes.get_mut(i))
            .filter(|(k, _)| *k == at)
            .map(|(_, n)| std::mem::take(n))
        else {
            out.missing_nodes += 1;
            continue;
        };
        stack.extend(node.left);
        let mut prev: Vec<u8> = Vec::new();
        let mut start = 0;
        for e in node.entries {
            stack.extend(e.right);
            let end = e.end as usize;
            let suffix = node.suffixes.get(start..end).unwrap_or_default();
            start = end;
            let prefix = e.prefix as usize;
            if prefix > prev.len() {
                out.bad_entries += 1;
                continue;
            }
            prev.truncate(prefix);
            prev.extend_from_slice(suffix);
            let k = match std::str::from_utf8(&prev) {
                Ok(s) => s.into(),
                Err(_) => {
                    out.lossy_keys += 1;
                    String::from_utf8_lossy(&prev).into()
                }
            };
            out.records.push((e.value, k));
        }
    }
    out
}

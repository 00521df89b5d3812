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
use ipld_core::ipld::Ipld;
use std::collections::{HashMap, HashSet};

/// One tree node, as small as it can be kept: keys stay prefix-compressed
/// and CIDs are 32-byte keys. This is what is held per node between the
/// first pass over the file and the walk.
pub struct Node {
    left: Option<Key>,
    entries: Vec<Entry>,
}

struct Entry {
    prefix: usize,
    suffix: Box<[u8]>,
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

/// A node from its decoded block, or `None` if the block is not one.
pub fn node(value: &Ipld) -> Option<Node> {
    let Ipld::Map(map) = value else { return None };
    if map.len() != 2 {
        return None;
    }
    let left = link(map.get("l")?)?;
    let Ipld::List(list) = map.get("e")? else {
        return None;
    };
    let mut entries = Vec::with_capacity(list.len());
    for e in list {
        let Ipld::Map(e) = e else { return None };
        let prefix = match e.get("p")? {
            Ipld::Integer(p) => usize::try_from(*p).ok()?,
            _ => return None,
        };
        let Ipld::Bytes(suffix) = e.get("k")? else {
            return None;
        };
        let Ipld::Link(value) = e.get("v")? else {
            return None;
        };
        entries.push(Entry {
            prefix,
            suffix: suffix.clone().into_boxed_slice(),
            value: key(value),
            right: link(e.get("t")?)?,
        });
    }
    Some(Node { left, entries })
}

/// `Some(None)` for null, `Some(Some(key))` for a link, `None` otherwise.
fn link(v: &Ipld) -> Option<Option<Key>> {
    match v {
        Ipld::Null => Some(None),
        Ipld::Link(c) => Some(Some(key(c))),
        _ => None,
    }
}

/// What the walk found.
#[derive(Default)]
pub struct Walk {
    /// Every record key and the block it names, in key order.
    pub records: Vec<(String, Key)>,
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

enum Step {
    Visit(Key),
    Emit(String, Key),
}

/// Walks the tree from `root` in key order. Iterative, and each node is
/// walked once, so a cycle or a very deep chain in a damaged file neither
/// loops nor overflows the stack.
pub fn walk(root: Key, nodes: &HashMap<Key, Node>) -> Walk {
    let mut out = Walk::default();
    let mut seen = HashSet::new();
    let mut stack = vec![Step::Visit(root)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Emit(k, v) => out.records.push((k, v)),
            Step::Visit(at) => {
                if !seen.insert(at) {
                    out.repeated_nodes += 1;
                    continue;
                }
                let Some(node) = nodes.get(&at) else {
                    out.missing_nodes += 1;
                    continue;
                };
                let mut later = Vec::with_capacity(node.entries.len() * 2 + 1);
                if let Some(l) = node.left {
                    later.push(Step::Visit(l));
                }
                let mut prev: Vec<u8> = Vec::new();
                for e in &node.entries {
                    if e.prefix > prev.len() {
                        out.bad_entries += 1;
                        continue;
                    }
                    prev.truncate(e.prefix);
                    prev.extend_from_slice(&e.suffix);
                    let k = match std::str::from_utf8(&prev) {
                        Ok(s) => s.to_string(),
                        Err(_) => {
                            out.lossy_keys += 1;
                            String::from_utf8_lossy(&prev).into_owned()
                        }
                    };
                    later.push(Step::Emit(k, e.value));
                    if let Some(t) = e.right {
                        later.push(Step::Visit(t));
                    }
                }
                stack.extend(later.into_iter().rev());
            }
        }
    }
    out
}

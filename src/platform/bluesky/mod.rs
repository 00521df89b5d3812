//! Bluesky repository export: the `repo.car` that Settings → "Export my
//! data" saves (`com.atproto.sync.getRepo`), alone, in a zip or in a
//! folder, possibly beside a folder of image blobs named by CID. Format
//! notes: docs/FORMATS.md, "Bluesky".
//!
//! A CAR is recognised by its header, not its name. It is read in two
//! passes so memory follows the number of records, not the bytes of the
//! file, and nothing is extracted to disk:
//!
//! 1. every block is read once and checked against its CID; only the
//!    commit and the tree nodes are kept, in flat lists (keys
//!    prefix-compressed, CIDs as 32-byte keys);
//! 2. the tree is walked down from the commit and each reached entry is
//!    rewritten in place into a record: its block, its collection and,
//!    for posts, reposts and the profile only, its record key (about 70
//!    bytes per record at the peak, measured on a generated repository of
//!    a million, benches/README.md); then the file is read again and only
//!    the blocks of posts, reposts and the profile are decoded, one at a
//!    time, as they come. Likes, follows and other records are only
//!    counted.
//!
//! A block the tree names but the file lacks (a partial repository) is a
//! warning; a damaged or cut file stops with an error naming the entry and
//! the byte, after the records that could be read were emitted.

mod car;
mod lexicon;
mod mst;

#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
mod tests;

use super::*;
use crate::record::RecordKind;
use crate::vocab::Field;
use car::{CarError, CarReader, Frame, Key};
use ipld_core::ipld::Ipld;
use lexicon::{At, Collection, Ctx, Notes};
use std::collections::{BTreeMap, HashMap};
use std::io::{BufReader, Read};

pub struct Bluesky;

const PLATFORM: Platform = Platform::Bluesky;

/// Entries sniffed per archive; a folder of thousands of files is not a
/// repository export.
const MAX_SNIFFED: usize = 10_000;

/// Blocks read at open time looking for the commit, to name the account
/// and to tell a repository from another kind of CAR (a PDS writes the
/// commit first).
const COMMIT_SEARCH: usize = 64;

/// A loose file that is a repository CAR: a CAR v1 header, and a root
/// that is a commit or is not among the first blocks.
fn sniff_file(path: &Path) -> bool {
    std::fs::File::open(path)
        .ok()
        .and_then(root_of)
        .is_some_and(|r| !matches!(r, Root::Other))
}

/// A folder of blobs some export tools write beside the CAR.
fn is_blob_folder(name: &str) -> bool {
    name == "blobs" || name.ends_with("_blobs")
}

impl Reader for Bluesky {
    fn platform(&self) -> Platform {
        PLATFORM
    }

    /// One CAR directly in `dir` beside a `blobs/` (or `<name>_blobs/`)
    /// folder: one export with its images. A lone CAR in a folder of many
    /// is found by `claims_file` instead, so other exports beside it stay
    /// inputs of their own.
    fn claims_folder(&self, dir: &Path) -> bool {
        let Ok(read) = std::fs::read_dir(dir) else {
            return false;
        };
        let (mut blobs, mut files) = (false, Vec::new());
        for e in read.filter_map(Result::ok) {
            let Ok(t) = e.file_type() else { continue };
            let name = e.file_name();
            if t.is_dir() && name.to_str().is_some_and(is_blob_folder) {
                blobs = true;
            } else if t.is_file() {
                files.push(e.path());
            }
        }
        blobs && files.len() <= MAX_SNIFFED && files.iter().filter(|f| sniff_file(f)).count() == 1
    }

    /// A loose file whose first bytes are a CAR v1 header, whatever its
    /// name (`repo.car`, `….getRepo`).
    fn claims_file(&self, file: &Path) -> bool {
        sniff_file(file)
    }

    fn open(&self, archive: &Archive) -> Option<Box<dyn Unit>> {
        let mut cars = BTreeMap::new();
        let mut blobs = HashMap::new();
        for (i, e) in archive.entries().iter().enumerate() {
            if super::is_mac_junk(e.name) {
                continue;
            }
            // Content decides (a CAR may be named by its commit's CID);
            // a file named by a CID that is not a CAR is a blob.
            let root = if i < MAX_SNIFFED {
                archive.with_entry(&e, |r| root_of(r)).ok().flatten()
            } else {
                None
            };
            if let Some(root) = root {
                match root {
                    // Another kind of CAR (an IPFS file, say): not a repository.
                    Root::Other => {}
                    Root::Commit(c) => {
                        cars.insert(e.name.to_string(), Some(c));
                    }
                    Root::NotSeen => {
                        cars.insert(e.name.to_string(), None);
                    }
                }
            } else if let Some(cid) = lexicon::blob_cid(e.name.base()) {
                blobs.insert(cid, e.name.to_string());
            }
        }
        if cars.is_empty() {
            return None;
        }
        Some(Box::new(BlueskyUnit::new(cars, blobs)))
    }
}

/// What the root block of a CAR is, as far as its first blocks tell.
enum Root {
    Commit(Commit),
    /// The root block is there and is not a repository commit.
    Other,
    /// Not among the first blocks (or the file ends or breaks before it);
    /// reading the whole file will tell.
    NotSeen,
}

/// What the root block of a CAR is, looked for among its first blocks;
/// `None` when the bytes do not start with a CAR v1 header.
fn root_of(r: impl Read) -> Option<Root> {
    let (mut car, header) = CarReader::new(BufReader::new(r), false).ok()?;
    let root = car::key(&header.roots[0]);
    for _ in 0..COMMIT_SEARCH {
        match car.next_frame() {
            Ok(Some(Frame::Block { cid, data, .. })) if car::key(&cid) == root => {
                return Some(commit(data).map_or(Root::Other, Root::Commit));
            }
            Ok(Some(_)) => {}
            Ok(None) | Err(_) => break,
        }
    }
    Some(Root::NotSeen)
}

/// A signed repository commit: `{did, version, data, rev, prev, sig}`.
#[derive(Clone, Debug)]
struct Commit {
    did: String,
    version: i128,
    rev: String,
    /// The tree's root node.
    data: Key,
}

fn commit(data: &[u8]) -> Option<Commit> {
    let v: Ipld = serde_ipld_dagcbor::from_slice(data).ok()?;
    let did = lexicon::text(lexicon::get(&v, "did"))?.to_string();
    let Some(Ipld::Link(root)) = lexicon::get(&v, "data") else {
        return None;
    };
    let version = match lexicon::get(&v, "version") {
        Some(Ipld::Integer(n)) => *n,
        _ => 0,
    };
    let rev = lexicon::text(lexicon::get(&v, "rev"))
        .unwrap_or("")
        .to_string();
    Some(Commit {
        did,
        version,
        rev,
        data: car::key(root),
    })
}

pub(crate) struct BlueskyUnit {
    account: String,
    layout: String,
    /// CAR entries and the commit found at open time.
    cars: BTreeMap<String, Option<Commit>>,
    /// Blob files: CID → entry.
    blobs: HashMap<String, String>,
    /// Entry → CID, for blob entries.
    blob_entries: HashMap<String, String>,
}

impl BlueskyUnit {
    fn new(cars: BTreeMap<String, Option<Commit>>, blobs: HashMap<String, String>) -> Self {
        let commits: Vec<&Commit> = cars.values().flatten().collect();
        let account = commits.first().map(|c| c.did.clone()).unwrap_or_default();
        let versions: Vec<String> = {
            let mut v: Vec<String> = commits.iter().map(|c| c.version.to_string()).collect();
            v.sort();
            v.dedup();
            v
        };
        let n = cars.len();
        let mut layout = format!(
            "Bluesky repository export: {n} CAR v1 file{}",
            if n == 1 { "" } else { "s" }
        );
        if !versions.is_empty() {
            layout.push_str(&format!(", commit version {}", versions.join("/")));
        }
        if let [c] = commits.as_slice()
            && !c.rev.is_empty()
        {
            layout.push_str(&format!(" (rev {})", c.rev));
        }
        if blobs.is_empty() {
            layout.push_str("; no image files (a CAR holds none, and no blob folder is beside it)");
        } else {
            let m = blobs.len();
            layout.push_str(&format!(
                "; {m} blob file{} beside it",
                if m == 1 { "" } else { "s" }
            ));
        }
        let blob_entries = blobs.iter().map(|(c, e)| (e.clone(), c.clone())).collect();
        BlueskyUnit {
            account,
            layout,
            cars,
            blobs,
            blob_entries,
        }
    }

    fn read_blob(&self, archive: &Archive, entry: &Entry<'_>, out: &mut EntryOutcome) -> Record {
        let cid = self
            .blob_entries
            .get(&*entry.name.as_str())
            .cloned()
            .unwrap_or_default();
        let mut r = Record::new(PLATFORM, RecordKind::Media, cid);
        r.account = self.account.clone();
        r.entry = entry.name.to_string();
        r.push_field(Field::MediaName, entry.name.base());
        r.media.push(entry.name.to_string());
        r.locations
            .extend(crate::platform::exif::location(archive, entry, out));
        r
    }

    fn read_car(
        &self,
        archive: &Archive,
        entry: &Entry<'_>,
        out: &mut EntryOutcome,
        emit: &mut dyn FnMut(Record),
    ) {
        let name = entry.name.as_str();
        // Pass 1: the commit and the tree nodes.
        let first = archive.with_entry(entry, |r| index(BufReader::with_capacity(64 << 10, r)));
        let index = match first {
            Ok(Ok(i)) => i,
            Ok(Err(e)) => {
                out.error = Some(format!("{name}: {e}"));
                return;
            }
            Err(e) => {
                out.error = Some(e.to_string());
                return;
            }
        };
        index.warn(out);
        let Some(commit) = index.commit.clone() else {
            let why = if index.root_seen {
                "its root block is not a repository commit"
            } else {
                "its root block (the repository commit) is not in the file"
            };
            out.error = Some(format!(
                "{name}: {why}, so no record can be found{}",
                index
                    .error
                    .as_ref()
                    .map(|e| format!(" ({e})"))
                    .unwrap_or_default()
            ));
            return;
        };

        // The walk: every record key and its block.
        let pass1_error = index.error;
        // Sorted by block, for lookup as blocks come (a block may sit under
        // several keys when two records are byte-identical). Record keys
        // are kept only where a record is read.
        let walk = mst::walk(commit.data, index.nodes, |c| {
            lexicon::collection(c).is_read()
        });
        let records = &walk.records;
        let prefixes: Vec<u32> = (0..records.len())
            .map(|i| prefix(&records.block(i)))
            .collect();
        if walk.missing_nodes > 0 {
            out.warn(format!(
                "{} part{} of the record tree {} not in the file (a partial repository): \
                 the records under {} are not listed",
                walk.missing_nodes,
                if walk.missing_nodes == 1 { "" } else { "s" },
                if walk.missing_nodes == 1 { "is" } else { "are" },
                if walk.missing_nodes == 1 {
                    "it"
                } else {
                    "them"
                },
            ));
        }
        if walk.bad_entries > 0 {
            out.warn(format!(
                "{} record tree entr{} with an impossible key prefix; passed over",
                walk.bad_entries,
                if walk.bad_entries == 1 { "y" } else { "ies" }
            ));
        }
        if walk.lossy_keys > 0 {
            out.warn(format!(
                "{} record key{} not UTF-8; read with replacement characters",
                walk.lossy_keys,
                if walk.lossy_keys == 1 { "" } else { "s" }
            ));
        }
        if walk.repeated_nodes > 0 {
            out.warn(format!(
                "the record tree reaches {} node{} more than once (damaged); each was read once",
                walk.repeated_nodes,
                if walk.repeated_nodes == 1 { "" } else { "s" }
            ));
        }

        // Pass 2: the records, in file order.
        let mut reader = Records {
            ctx: Ctx {
                did: &commit.did,
                entry: &name,
                blobs: &self.blobs,
            },
            records,
            prefixes: &prefixes,
            found: vec![false; records.len()],
            notes: Notes::default(),
            skipped: BTreeMap::new(),
            unknown: BTreeMap::new(),
            wrong_type: BTreeMap::new(),
            undecodable: 0,
            first_undecodable: None,
            out,
            emit,
        };
        let second = archive.with_entry(entry, |r| {
            reader.read(BufReader::with_capacity(64 << 10, r))
        });
        let second_error = match second {
            Ok(Ok(())) => None,
            Ok(Err(e)) => Some(e.to_string()),
            Err(e) => Some(e.to_string()),
        };
        reader.finish(pass1_error.map(|e| e.to_string()).or(second_error), &name);
    }
}

/// What the first pass keeps.
struct Index {
    root: Key,
    root_seen: bool,
    commit: Option<Commit>,
    nodes: mst::Nodes,
    damaged: u64,
    first_damaged: u64,
    oversize: u64,
    first_oversize: Option<(u64, u64)>,
    bad_cids: u64,
    first_bad_cid: Option<(u64, String)>,
    error: Option<CarError>,
}

fn index(r: impl std::io::BufRead) -> Result<Index, CarError> {
    let (mut car, header) = CarReader::new(r, true)?;
    let mut ix = Index {
        root: car::key(&header.roots[0]),
        root_seen: false,
        commit: None,
        nodes: mst::Nodes::default(),
        damaged: 0,
        first_damaged: 0,
        oversize: 0,
        first_oversize: None,
        bad_cids: 0,
        first_bad_cid: None,
        error: None,
    };
    loop {
        match car.next_frame() {
            Ok(None) => break,
            Err(e) => {
                ix.error = Some(e);
                break;
            }
            Ok(Some(Frame::Oversize { offset, len })) => {
                ix.oversize += 1;
                ix.first_oversize.get_or_insert((offset, len));
            }
            Ok(Some(Frame::BadCid { offset, why })) => {
                ix.bad_cids += 1;
                ix.first_bad_cid.get_or_insert((offset, why));
            }
            Ok(Some(Frame::Block {
                cid,
                data,
                offset,
                intact,
            })) => {
                if !intact {
                    if ix.damaged == 0 {
                        ix.first_damaged = offset;
                    }
                    ix.damaged += 1;
                }
                let k = car::key(&cid);
                if k == ix.root {
                    ix.root_seen = true;
                    if ix.commit.is_none() {
                        ix.commit = commit(data);
                    }
                } else if mst::may_be_node(data) {
                    ix.nodes.push(k, data);
                }
            }
        }
    }
    Ok(ix)
}

impl Index {
    fn warn(&self, out: &mut EntryOutcome) {
        if self.damaged > 0 {
            let (what, verb) = if self.damaged == 1 {
                ("block does", "its CID")
            } else {
                ("blocks do", "their CIDs")
            };
            out.warn(format!(
                "{} {what} not match {verb} (first at byte {}): the file was damaged \
                 or altered after export; the content was still read",
                self.damaged, self.first_damaged
            ));
        }
        if let Some((at, len)) = self.first_oversize {
            out.warn(format!(
                "{} block{} longer than the {} bytes read at once not read \
                 (first at byte {at}, {len} bytes)",
                self.oversize,
                if self.oversize == 1 { "" } else { "s" },
                car::MAX_BLOCK,
            ));
        }
        if let Some((at, why)) = &self.first_bad_cid {
            out.warn(format!(
                "{} block{} with an unreadable CID (first at byte {at}: {why}) not read",
                self.bad_cids,
                if self.bad_cids == 1 { "" } else { "s" },
            ));
        }
    }
}

/// The second pass: decodes the blocks the tree names and emits records.
struct Records<'a> {
    ctx: Ctx<'a>,
    /// Every record the tree names: its block and key, sorted by block.
    records: &'a mst::Records,
    /// The first 4 bytes of each record's block key: searched first, as a
    /// small array stays in cache where the records do not.
    prefixes: &'a [u32],
    /// Which of `records` the file held.
    found: Vec<bool>,
    notes: Notes,
    /// Records of known collections not read, by collection.
    skipped: BTreeMap<String, (&'static str, u64)>,
    /// Records of collections this reader does not know, by collection.
    unknown: BTreeMap<String, u64>,
    /// Records whose `$type` is not their collection's, by `$type`.
    wrong_type: BTreeMap<String, u64>,
    undecodable: u64,
    first_undecodable: Option<(String, String)>,
    out: &'a mut EntryOutcome,
    emit: &'a mut dyn FnMut(Record),
}

impl Records<'_> {
    fn read(&mut self, r: impl std::io::BufRead) -> Result<(), CarError> {
        let (mut car, _) = CarReader::new(r, false)?;
        while let Some(frame) = car.next_frame()? {
            let Frame::Block { cid, data, .. } = frame else {
                continue;
            };
            let k = car::key(&cid);
            let records = self.records;
            let p = prefix(&k);
            let start = self.prefixes.partition_point(|x| *x < p);
            let mut decoded: Option<Result<Ipld, String>> = None;
            for i in start..records.len() {
                if self.prefixes[i] != p {
                    break;
                }
                if records.block(i) == k && !std::mem::replace(&mut self.found[i], true) {
                    let r = records.get(i);
                    self.record(r.collection, r.rkey, data, &mut decoded);
                }
            }
        }
        Ok(())
    }

    fn record(
        &mut self,
        coll: &str,
        rkey: &str,
        data: &[u8],
        decoded: &mut Option<Result<Ipld, String>>,
    ) {
        let what = lexicon::collection(coll);
        match what {
            Collection::Skipped(why) => {
                match self.skipped.get_mut(coll) {
                    Some(n) => n.1 += 1,
                    None => {
                        self.skipped.insert(coll.to_string(), (why, 1));
                    }
                }
                return;
            }
            Collection::Unknown => {
                match self.unknown.get_mut(coll) {
                    Some(n) => *n += 1,
                    None => {
                        self.unknown.insert(coll.to_string(), 1);
                    }
                }
                return;
            }
            Collection::Post | Collection::Repost | Collection::Profile => {}
        }
        let key = &format!("{coll}/{rkey}");
        let v = match decoded.get_or_insert_with(|| {
            serde_ipld_dagcbor::from_slice::<Ipld>(data).map_err(|e| e.to_string())
        }) {
            Ok(v) => v,
            Err(e) => {
                self.undecodable += 1;
                self.first_undecodable
                    .get_or_insert_with(|| (key.to_string(), e.clone()));
                return;
            }
        };
        if lexicon::record_type(v) != Some(coll) {
            let t = lexicon::record_type(v).unwrap_or("(no $type)");
            *self.wrong_type.entry(format!("{t} in {coll}")).or_insert(0) += 1;
            return;
        }
        let at = At { key, rkey };
        let rec = match what {
            Collection::Post => self.ctx.post(&at, v, &mut self.notes),
            Collection::Repost => self.ctx.repost(&at, v, &mut self.notes),
            _ => self.ctx.profile(&at, v, &mut self.notes),
        };
        self.out.records += 1;
        (self.emit)(rec);
    }

    fn finish(self, error: Option<String>, name: &str) {
        let out = self.out;
        let missing: BTreeMap<&str, u64> = (0..self.records.len())
            .filter(|&i| !self.found[i])
            .fold(BTreeMap::new(), |mut m, i| {
                *m.entry(self.records.get(i).collection).or_insert(0) += 1;
                m
            });
        let missing_total: u64 = missing.values().sum();
        if let Some(e) = error {
            out.error = Some(format!(
                "{name}: {e}; read stopped after {} records{}",
                out.records,
                if missing_total > 0 {
                    format!(" ({missing_total} more the record tree names were not reached)")
                } else {
                    String::new()
                }
            ));
        } else if missing_total > 0 {
            out.warn(format!(
                "{missing_total} record{} the record tree names {} not in the file \
                 (a partial repository): {}",
                if missing_total == 1 { "" } else { "s" },
                if missing_total == 1 { "is" } else { "are" },
                counts(missing.iter().map(|(c, n)| (*n, c.to_string())))
            ));
        }
        if !self.skipped.is_empty() {
            out.warn(format!(
                "not read (known, not needed by any rule): {}",
                counts(
                    self.skipped
                        .iter()
                        .map(|(c, (why, n))| (*n, format!("{why} ({c})")))
                )
            ));
        }
        if !self.unknown.is_empty() {
            out.warn(format!(
                "not read (record types this reader does not know): {}",
                counts(self.unknown.iter().map(|(c, n)| (*n, c.clone())))
            ));
        }
        if !self.wrong_type.is_empty() {
            out.warn(format!(
                "not read (a $type its collection does not allow): {}",
                counts(self.wrong_type.iter().map(|(c, n)| (*n, c.clone())))
            ));
        }
        if let Some((key, e)) = &self.first_undecodable {
            out.warn(format!(
                "{} record{} not valid DAG-CBOR (first {key}: {e}); not read",
                self.undecodable,
                if self.undecodable == 1 { "" } else { "s" }
            ));
        }
        let n = &self.notes;
        if let Some((key, v)) = &n.first_bad_time {
            out.warn(format!(
                "{} createdAt value{} not a time (first {key}: {v:?}); left empty",
                n.bad_times,
                if n.bad_times == 1 { "" } else { "s" }
            ));
        }
        if let Some((key, v)) = &n.first_zoneless {
            out.warn(format!(
                "{} createdAt value{} without a time zone (first {key}: {v:?}); read as UTC",
                n.zoneless_times,
                if n.zoneless_times == 1 { "" } else { "s" }
            ));
        }
        if !n.unknown_embeds.is_empty() {
            out.warn(format!(
                "embeds of a type this reader does not know (the post's text was read): {}",
                counts(n.unknown_embeds.iter().map(|(c, k)| (*k, c.clone())))
            ));
        }
        if out.records == 0 && out.error.is_none() {
            out.warn(format!(
                "no posts, reposts or profile in this repository ({} record{} in all)",
                self.records.len(),
                if self.records.len() == 1 { "" } else { "s" }
            ));
        }
    }
}

/// A block key's first 4 bytes as a number that sorts as the key does.
fn prefix(k: &Key) -> u32 {
    u32::from_be_bytes([k[0], k[1], k[2], k[3]])
}

/// "3 likes (app.bsky.feed.like), 1 blue.linkat.board".
fn counts(items: impl Iterator<Item = (u64, String)>) -> String {
    items
        .map(|(n, what)| format!("{n} {what}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Unit for BlueskyUnit {
    fn platform(&self) -> Platform {
        PLATFORM
    }

    fn account(&self) -> &str {
        &self.account
    }

    fn layout(&self) -> String {
        self.layout.clone()
    }

    fn disposition(&self, entry: &Entry<'_>) -> Disposition {
        let name = entry.name.as_str();
        if self.cars.contains_key(&*name) || self.blob_entries.contains_key(&*name) {
            Disposition::Parse
        } else if super::is_mac_junk(entry.name) {
            Disposition::Skipped(
                "macOS metadata added when the export was zipped; not part of the export".into(),
            )
        } else {
            Disposition::Unknown
        }
    }

    fn read(
        &self,
        archive: &Archive,
        entry: &Entry<'_>,
        emit: &mut dyn FnMut(Record),
    ) -> EntryOutcome {
        let mut out = EntryOutcome::default();
        let name = entry.name.as_str();
        if self.cars.contains_key(&*name) {
            self.read_car(archive, entry, &mut out, emit);
        } else if self.blob_entries.contains_key(&*name) {
            let r = self.read_blob(archive, entry, &mut out);
            emit(r);
            out.records += 1;
        } else {
            out.error = Some(format!("{} is not a file this reader parses", entry.name));
        }
        out
    }

    fn finish(&self, _emit: &mut dyn FnMut(Record)) -> Vec<String> {
        Vec::new()
    }
}

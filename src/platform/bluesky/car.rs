//! CAR v1 framing, read front to back from any `Read`: a varint-length
//! header (a DAG-CBOR map `{version: 1, roots: [CID]}`), then blocks, each
//! `varint(length) | CID | bytes`. Format notes: docs/FORMATS.md,
//! "Bluesky".
//!
//! The published CAR crates (iroh-car, rs-car) read only through async I/O
//! and pull a second major version of the DAG-CBOR crate, while an archive
//! entry here is a plain `Read`. rs-car-sync, a synchronous fork, is
//! young (first released December 2024) and little used (about a hundred
//! downloads a month), and this reader needs more than block iteration:
//! an oversized or unreadable frame passed over with its byte offset
//! named, and one buffer reused for every block. So the framing is read
//! here, with `unsigned-varint` for the lengths, `cid` for the CIDs and
//! `serde_ipld_dagcbor` for the header. One block's bytes are held at a
//! time, in a buffer reused for the next.

use ipld_core::cid::Cid;
use ipld_core::ipld::Ipld;
use sha2::{Digest, Sha256};
use std::io::{BufRead, Read};

/// Largest block read. Real blocks are a few KB (a post is at most 300
/// characters, a tree node a few dozen entries); 4 MiB is also iroh-car's
/// cap. A longer frame is passed over (its bytes are read and dropped).
pub const MAX_BLOCK: u64 = 4 << 20;

/// Largest header accepted; one root makes a header of about 60 bytes.
const MAX_HEADER: u64 = 64 << 10;

/// The sha2-256 multihash code, the hash of every atproto block.
const SHA2_256: u64 = 0x12;

/// What one CID names, in the 32 bytes used as a map key: the sha2-256
/// digest itself (every atproto CID), or a sha2-256 of the whole CID for
/// any other hash, so two different CIDs never share a key.
pub type Key = [u8; 32];

pub fn key(cid: &Cid) -> Key {
    let hash = cid.hash();
    match <[u8; 32]>::try_from(hash.digest()) {
        Ok(k) if hash.code() == SHA2_256 => k,
        _ => Sha256::digest(cid.to_bytes()).into(),
    }
}

/// Why a CAR could not be read on; each names the byte offset.
#[derive(Debug, thiserror::Error)]
pub enum CarError {
    #[error("not a CAR v1 file: {0}")]
    Header(String),
    #[error("truncated at byte {offset}: {what}")]
    Truncated { offset: u64, what: String },
    #[error("unreadable block length at byte {offset}: {why}")]
    Length { offset: u64, why: String },
    #[error("read failed at byte {offset}: {source}")]
    Io {
        offset: u64,
        #[source]
        source: std::io::Error,
    },
}

/// The CAR header's roots (the repository commit comes first).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub roots: Vec<Cid>,
}

/// One frame of the file after the header.
pub enum Frame<'a> {
    Block {
        cid: Cid,
        data: &'a [u8],
        /// Byte offset of the frame's length prefix.
        offset: u64,
        /// False when the bytes do not hash to the CID (damaged or
        /// altered); always true unless the reader verifies.
        intact: bool,
    },
    /// A frame longer than `MAX_BLOCK`, passed over.
    Oversize { offset: u64, len: u64 },
    /// A frame whose CID cannot be read, passed over.
    BadCid { offset: u64, why: String },
}

pub struct CarReader<R> {
    r: R,
    pos: u64,
    buf: Vec<u8>,
    verify: bool,
}

impl<R: BufRead> CarReader<R> {
    /// Reads the header; the reader is then at the first block. With
    /// `verify`, each block's bytes are hashed and compared with its CID
    /// (once per file is enough: the first pass does it).
    pub fn new(r: R, verify: bool) -> Result<(CarReader<R>, Header), CarError> {
        let mut car = CarReader {
            r,
            pos: 0,
            buf: Vec::new(),
            verify,
        };
        let header = car.header()?;
        Ok((car, header))
    }

    fn header(&mut self) -> Result<Header, CarError> {
        let len = match self.length()? {
            Some(len) if len > 0 && len <= MAX_HEADER => len,
            Some(len) => return Err(CarError::Header(format!("header length {len}"))),
            None => return Err(CarError::Header("empty file".into())),
        };
        self.fill(len, "the header")?;
        let value: Ipld = serde_ipld_dagcbor::from_slice(&self.buf)
            .map_err(|e| CarError::Header(format!("header is not DAG-CBOR: {e}")))?;
        let Ipld::Map(map) = value else {
            return Err(CarError::Header("header is not a map".into()));
        };
        match map.get("version") {
            Some(Ipld::Integer(1)) => {}
            Some(Ipld::Integer(v)) => {
                return Err(CarError::Header(format!("CAR version {v}, not 1")));
            }
            _ => return Err(CarError::Header("header has no version".into())),
        }
        let Some(Ipld::List(roots)) = map.get("roots") else {
            return Err(CarError::Header("header has no roots".into()));
        };
        let roots: Vec<Cid> = roots
            .iter()
            .filter_map(|r| match r {
                Ipld::Link(c) => Some(*c),
                _ => None,
            })
            .collect();
        if roots.is_empty() {
            return Err(CarError::Header("header names no root".into()));
        }
        Ok(Header { roots })
    }

    /// The next frame, or `None` at a clean end of file.
    pub fn next_frame(&mut self) -> Result<Option<Frame<'_>>, CarError> {
        let offset = self.pos;
        let Some(len) = self.length()? else {
            return Ok(None);
        };
        if len > MAX_BLOCK {
            let skipped = std::io::copy(&mut (&mut self.r).take(len), &mut std::io::sink())
                .map_err(|source| CarError::Io { offset, source })?;
            self.pos += skipped;
            if skipped < len {
                return Err(CarError::Truncated {
                    offset,
                    what: format!(
                        "a block declares {len} bytes but the file ends {skipped} bytes later"
                    ),
                });
            }
            return Ok(Some(Frame::Oversize { offset, len }));
        }
        self.fill(len, "a block")?;
        let mut cursor = std::io::Cursor::new(&self.buf[..]);
        let cid = match Cid::read_bytes(&mut cursor) {
            Ok(c) => c,
            Err(e) => {
                return Ok(Some(Frame::BadCid {
                    offset,
                    why: e.to_string(),
                }));
            }
        };
        let start = cursor.position() as usize;
        let data = &self.buf[start..];
        let intact = !self.verify
            || cid.hash().code() != SHA2_256
            || Sha256::digest(data)[..] == *cid.hash().digest();
        Ok(Some(Frame::Block {
            cid,
            data,
            offset,
            intact,
        }))
    }

    /// A varint length; `None` when the file ends exactly here.
    fn length(&mut self) -> Result<Option<u64>, CarError> {
        let offset = self.pos;
        let at_end = self
            .r
            .fill_buf()
            .map_err(|source| CarError::Io { offset, source })?
            .is_empty();
        if at_end {
            return Ok(None);
        }
        let mut counted = Counted {
            r: &mut self.r,
            n: 0,
        };
        let res = unsigned_varint::io::read_u64(&mut counted);
        self.pos += counted.n;
        match res {
            Ok(n) => Ok(Some(n)),
            Err(unsigned_varint::io::ReadError::Io(e))
                if e.kind() == std::io::ErrorKind::UnexpectedEof =>
            {
                Err(CarError::Truncated {
                    offset,
                    what: "the file ends inside a block length".into(),
                })
            }
            Err(unsigned_varint::io::ReadError::Io(source)) => Err(CarError::Io { offset, source }),
            Err(e) => Err(CarError::Length {
                offset,
                why: e.to_string(),
            }),
        }
    }

    /// Reads exactly `len` bytes into the buffer.
    fn fill(&mut self, len: u64, what: &str) -> Result<(), CarError> {
        let offset = self.pos;
        self.buf.clear();
        let got = (&mut self.r)
            .take(len)
            .read_to_end(&mut self.buf)
            .map_err(|source| CarError::Io { offset, source })?;
        self.pos += got as u64;
        if (got as u64) < len {
            return Err(CarError::Truncated {
                offset,
                what: format!("{what} declares {len} bytes but the file ends after {got}"),
            });
        }
        Ok(())
    }
}

/// Counts the bytes a varint took.
struct Counted<'a, R> {
    r: &'a mut R,
    n: u64,
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.r.read(buf)?;
        self.n += n as u64;
        Ok(n)
    }
}

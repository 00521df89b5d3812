//! Reading an entry in chunks for the readers that cut a page as it
//! streams by (../meta/html/cut.rs, youtube/cut.rs): the read loop, and
//! where the first byte that is not UTF-8 lies, found across chunks.

use std::io::Read;

/// Hands `r` to `chunk` 64 KiB at a time, to its end.
pub fn read_chunks(r: &mut dyn Read, chunk: &mut dyn FnMut(&[u8])) -> std::io::Result<()> {
    let mut buf = vec![0u8; 64 << 10];
    loop {
        match r.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => chunk(buf.get(..n).unwrap_or(&[])),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// The first byte of a stream that is not UTF-8, as `std::str::from_utf8`
/// counts on the whole: a character cut between chunks is not one.
#[derive(Debug, Default)]
pub struct Utf8Check {
    /// An incomplete sequence at the end of the last chunk.
    carry: Vec<u8>,
    /// Stream offset of the first byte not yet checked (`carry`'s start).
    at: u64,
    bad: Option<u64>,
}

impl Utf8Check {
    /// Checks the next bytes of the stream.
    pub fn feed(&mut self, chunk: &[u8]) {
        self.check(chunk, false);
    }

    /// The stream ended: a sequence left incomplete is invalid.
    pub fn finish(&mut self) {
        self.check(&[], true);
    }

    /// The offset of the first invalid byte seen so far.
    pub fn first_bad(&self) -> Option<u64> {
        self.bad
    }

    fn check(&mut self, chunk: &[u8], end: bool) {
        if self.bad.is_some() {
            return;
        }
        // Only a character cut by the last chunk needs a copy to join it
        // with this one; a whole chunk is checked where it lies.
        let joined;
        let bytes: &[u8] = if self.carry.is_empty() {
            chunk
        } else {
            let mut b = std::mem::take(&mut self.carry);
            b.extend_from_slice(chunk);
            joined = b;
            &joined
        };
        match std::str::from_utf8(bytes) {
            Ok(_) => self.at = self.at.saturating_add(bytes.len() as u64),
            Err(e) if e.error_len().is_none() && !end => {
                // A character cut by the chunk: wait for the rest.
                let ok = e.valid_up_to();
                self.at = self.at.saturating_add(ok as u64);
                self.carry = bytes.get(ok..).unwrap_or(&[]).to_vec();
            }
            Err(e) => self.bad = Some(self.at.saturating_add(e.valid_up_to() as u64)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_invalid_byte_is_found_whichever_way_the_stream_is_cut() {
        let mut s = "caf\u{e9} \u{1F600} x ".as_bytes().to_vec();
        let bad = s.len() as u64;
        s.extend(b"\xFF \xE9");
        for chunk in [1, 2, 3, 64] {
            let mut c = Utf8Check::default();
            s.chunks(chunk).for_each(|b| c.feed(b));
            c.finish();
            assert_eq!(c.first_bad(), Some(bad), "{chunk} bytes at a time");
        }
        let mut c = Utf8Check::default();
        "\u{1F600}".as_bytes().chunks(1).for_each(|b| c.feed(b));
        c.finish();
        assert_eq!(c.first_bad(), None);
        // A character the stream's end cuts.
        let mut c = Utf8Check::default();
        c.feed(b"ab\xF0\x9F");
        assert_eq!(c.first_bad(), None);
        c.finish();
        assert_eq!(c.first_bad(), Some(2));
    }

    #[test]
    fn every_byte_is_handed_over_in_order() {
        let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let mut got = Vec::new();
        read_chunks(&mut &data[..], &mut |c| got.extend_from_slice(c)).unwrap();
        assert_eq!(got, data);
    }
}

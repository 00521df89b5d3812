//! The streaming JSON-array splitter over arbitrary bytes, read through a
//! reader that hands out a few bytes at a time.
#![no_main]
use libfuzzer_sys::fuzz_target;
use social_audit::platform::twitter::js::{Elements, strip_prefix};
use std::io::Read;

struct Trickle<'a>(&'a [u8], usize);
impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.1.min(buf.len()).min(self.0.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

fuzz_target!(|data: &[u8]| {
    let _ = strip_prefix(data);
    let step = 1 + data.first().copied().unwrap_or(0) as usize % 7;
    let mut e = Elements::new(Trickle(data, step));
    for _ in 0..100_000 {
        match e.next_element() {
            Ok(Some((json, _))) => {
                std::hint::black_box(json.len());
            }
            _ => break,
        }
    }
});

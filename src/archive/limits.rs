/// Hostile-input limits. The defaults admit every real export we know of
/// (X splits tweet files at about 100 MiB; media files are a few MB) while
/// refusing zip bombs: a 300 MB entry of zeros compresses about 1000:1,
/// real JSON about 5–20:1.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Largest uncompressed size of one entry.
    pub max_entry_bytes: u64,
    /// Largest uncompressed/compressed ratio...
    pub max_ratio: u64,
    /// ...checked only for entries larger than this (tiny files compress oddly).
    pub ratio_floor: u64,
    /// Most entries read from one archive; the rest are refused.
    pub max_entries: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_entry_bytes: 4 << 30,
            max_ratio: 200,
            ratio_floor: 1 << 20,
            max_entries: 1_000_000,
        }
    }
}

impl Limits {
    /// Why an entry with these declared sizes must not be read, if it must not.
    pub fn refuse(&self, size: u64, compressed: u64) -> Option<String> {
        if size > self.max_entry_bytes {
            return Some(format!(
                "declared size {size} bytes exceeds the {} byte limit per entry",
                self.max_entry_bytes
            ));
        }
        if size > self.ratio_floor && size / compressed.max(1) > self.max_ratio {
            return Some(format!(
                "compression ratio {}:1 exceeds {}:1 (possible zip bomb)",
                size / compressed.max(1),
                self.max_ratio
            ));
        }
        None
    }

    /// How many bytes an entry may actually inflate to, whatever its header says.
    pub fn budget(&self, compressed: u64) -> u64 {
        let by_ratio = compressed
            .saturating_mul(self.max_ratio)
            .max(self.ratio_floor);
        by_ratio.min(self.max_entry_bytes)
    }
}

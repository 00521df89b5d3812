//! A cheaply clonable `Read + Seek` over one open file, so several threads
//! can read different zip entries at once without reopening the file or
//! re-parsing the central directory. Each clone keeps its own position and
//! reads with positional I/O. A clone may be narrowed to a window of the
//! file (a stored zip entry's bytes), read and sought within it.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::sync::Arc;

#[derive(Clone)]
pub(crate) struct SharedFile {
    file: Arc<File>,
    /// The window's first byte in the file (0 for the whole file).
    start: u64,
    len: u64,
    pos: u64,
}

impl SharedFile {
    pub(crate) fn new(file: File) -> io::Result<SharedFile> {
        let len = file.metadata()?.len();
        Ok(SharedFile {
            file: Arc::new(file),
            start: 0,
            len,
            pos: 0,
        })
    }

    /// A clone that sees only `len` bytes from `start` of this window.
    pub(crate) fn window(&self, start: u64, len: u64) -> SharedFile {
        SharedFile {
            file: Arc::clone(&self.file),
            start: self.start.saturating_add(start),
            len,
            pos: 0,
        }
    }

    /// The window's length (the file's, when it was opened).
    pub(crate) fn len(&self) -> u64 {
        self.len
    }

    /// Fills `buf` from `pos` without moving this clone's position; an
    /// `UnexpectedEof` error if the file ends first.
    pub(crate) fn read_exact_at(&self, mut buf: &mut [u8], pos: u64) -> io::Result<()> {
        let mut pos = self.start.saturating_add(pos);
        while !buf.is_empty() {
            match read_at(&self.file, buf, pos) {
                Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
                Ok(n) => {
                    buf = &mut buf[n..];
                    pos = pos.saturating_add(n as u64);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}

impl Read for SharedFile {
    /// Reads stop at the window's end.
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.len.saturating_sub(self.pos);
        let n = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
        if n == 0 {
            return Ok(0);
        }
        let got = read_at(
            &self.file,
            &mut buf[..n],
            self.start.saturating_add(self.pos),
        )?;
        self.pos += got as u64;
        Ok(got)
    }
}

impl Seek for SharedFile {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        let new = match pos {
            SeekFrom::Start(p) => Some(p),
            SeekFrom::End(d) => self.len.checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        match new {
            Some(p) => {
                self.pos = p;
                Ok(p)
            }
            None => Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "seek before the start of the file or entry",
            )),
        }
    }
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], pos: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, pos)
}

#[cfg(windows)]
fn read_at(file: &File, buf: &mut [u8], pos: u64) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buf, pos)
}

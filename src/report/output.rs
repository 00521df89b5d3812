//! Output files: created owner-only (they hold personal data), written to a
//! temporary name beside the target and renamed into place on success, so
//! an interrupted run never leaves a half-written file under the requested
//! name. The SHA-256 of what was written is kept for the manifest.
//!
//! Only regular files are staged. A path that already names something else
//! (`/dev/null`, a named pipe, a terminal) is written straight through, as
//! standard output is: renaming over it would replace the device with a
//! regular file, and under root that breaks every program that writes to
//! `/dev/null`. A symbolic link is followed and the file it points at is
//! replaced, so the link survives.

use crate::scratch::{beside, create_tracked, track};
use sha2::{Digest, Sha256};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Something that exists but is neither a file nor a folder: `/dev/null`,
/// a named pipe, a terminal. Outputs there are streamed, never staged.
pub fn is_device(p: &Path) -> bool {
    std::fs::metadata(p).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

pub struct Output {
    target: Option<PathBuf>,
    temp: Option<PathBuf>,
    sink: BufWriter<Box<dyn Write>>,
    hash: Sha256,
}

impl Output {
    /// `-` means standard output.
    pub fn create(path: &Path) -> io::Result<Output> {
        if path.as_os_str() == "-" {
            return Ok(Output {
                target: None,
                temp: None,
                sink: BufWriter::new(Box::new(io::stdout())),
                hash: Sha256::new(),
            });
        }
        if is_device(path) {
            let file = std::fs::OpenOptions::new().write(true).open(path)?;
            return Ok(Output {
                target: None,
                temp: None,
                sink: BufWriter::with_capacity(1 << 16, Box::new(file)),
                hash: Sha256::new(),
            });
        }
        let real;
        let path = match std::fs::symlink_metadata(path) {
            Ok(m) if m.file_type().is_symlink() => {
                real = std::fs::canonicalize(path)?;
                real.as_path()
            }
            _ => path,
        };
        let temp = beside(path, "partial")?;
        let file = create_tracked(&temp)?;
        Ok(Output {
            target: Some(path.to_path_buf()),
            temp: Some(temp),
            sink: BufWriter::with_capacity(1 << 16, Box::new(file)),
            hash: Sha256::new(),
        })
    }

    /// Flushes, renames into place and returns the SHA-256 (hex) of the bytes.
    pub fn finish(mut self) -> io::Result<String> {
        let hash = self.seal()?;
        self.persist()?;
        Ok(hash)
    }

    /// Flushes everything written and returns its SHA-256 (hex); the file
    /// stays under its temporary name until [`Output::persist`], so a run
    /// can seal every output before it renames any of them.
    pub fn seal(&mut self) -> io::Result<String> {
        self.sink.flush()?;
        Ok(crate::finding::hex(
            &std::mem::take(&mut self.hash).finalize(),
        ))
    }

    /// Renames a sealed output into place.
    pub fn persist(mut self) -> io::Result<()> {
        if let (Some(temp), Some(target)) = (self.temp.take(), self.target.take()) {
            let renamed = std::fs::rename(&temp, &target);
            track(&temp, false);
            renamed?;
        }
        Ok(())
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.sink.write(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.sink.flush()
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        // Not finished: never leave the partial file behind.
        if let Some(temp) = &self.temp {
            let _ = std::fs::remove_file(temp);
            track(temp, false);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_owner_only_and_renamed_on_finish() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f.csv");
        let mut o = Output::create(&p).unwrap();
        o.write_all(b"abc").unwrap();
        assert!(!p.exists(), "target appears only when finished");
        let hash = o.finish().unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"abc");
        assert_eq!(
            hash,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0);
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn dropped_unfinished_output_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f.csv");
        let mut o = Output::create(&p).unwrap();
        o.write_all(b"partial").unwrap();
        drop(o);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    /// A named pipe stands in for `/dev/null`: a test that regressed on
    /// `/dev/null` itself would break the machine it runs on.
    #[cfg(unix)]
    #[test]
    fn a_device_or_pipe_is_written_through_and_never_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&p).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo is needed");
        let reader = {
            let p = p.clone();
            std::thread::spawn(move || std::fs::read(p).unwrap())
        };
        let mut o = Output::create(&p).unwrap();
        o.write_all(b"abc").unwrap();
        o.finish().unwrap();
        assert_eq!(reader.join().unwrap(), b"abc");
        assert!(std::fs::symlink_metadata(&p).unwrap().file_type().is_fifo());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_followed_and_survives() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.csv");
        let link = dir.path().join("link.csv");
        std::fs::write(&real, b"old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let mut o = Output::create(&link).unwrap();
        o.write_all(b"new").unwrap();
        o.finish().unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
    }
}

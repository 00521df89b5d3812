//! Private files the tool makes for itself: outputs while they are written
//! (report::output) and scratch files that never become outputs (the
//! SQLite case file's build, findings spilled to disk during a scan). All
//! are created owner-only, since they hold personal data, and all are
//! removed on Ctrl-C or SIGTERM as well as when dropped.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Files being written, so an interrupt can remove them.
static PARTIAL: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// On Ctrl-C or SIGTERM: remove every partial output and scratch file and
/// exit 130. Outputs already renamed into place are complete and stay.
pub fn remove_partials_on_interrupt() {
    let _ = ctrlc::set_handler(|| {
        if let Ok(list) = PARTIAL.lock() {
            for p in list.iter() {
                let _ = std::fs::remove_file(p);
            }
        }
        eprintln!("social-audit: interrupted; no output file was left half-written");
        std::process::exit(130);
    });
}

/// Lists `path` for removal on an interrupt (`on`), or takes it off.
pub(crate) fn track(path: &Path, on: bool) {
    if let Ok(mut list) = PARTIAL.lock() {
        if on {
            list.push(path.to_path_buf());
        } else {
            list.retain(|p| p != path);
        }
    }
}

/// A private scratch file (mode 0600), removed on drop and by Ctrl-C or
/// SIGTERM.
pub(crate) struct Scratch {
    pub path: PathBuf,
}

impl Scratch {
    /// `.NAME.db-PID` beside `target`, for a sink that needs a real file
    /// to build its output in (SQLite cannot write into a stream).
    pub fn create(target: &Path) -> io::Result<Scratch> {
        Scratch::tagged(target, "db")
    }

    /// `.NAME.TAG-PID` beside `target`, for a sink that needs more than
    /// one scratch file.
    pub fn tagged(target: &Path, tag: &str) -> io::Result<Scratch> {
        Ok(Scratch::at(beside(target, tag)?)?.0)
    }

    /// `.social-audit-NAME-PID` in `dir`, open for writing.
    pub fn in_dir(dir: &Path, name: &str) -> io::Result<(Scratch, File)> {
        Scratch::at(dir.join(format!(".social-audit-{name}-{}", std::process::id())))
    }

    fn at(path: PathBuf) -> io::Result<(Scratch, File)> {
        let file = create_tracked(&path)?;
        Ok((Scratch { path }, file))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
        track(&self.path, false);
    }
}

/// `.NAME.TAG-PID` beside `target`: a file the tool writes while `target`
/// is being made (an output's partial file, a sink's scratch file).
pub(crate) fn beside(target: &Path, tag: &str) -> io::Result<PathBuf> {
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::other("output path has no file name"))?;
    Ok(target.with_file_name(format!(
        ".{}.{tag}-{}",
        name.to_string_lossy(),
        std::process::id()
    )))
}

/// Creates `path` as [`create_private`] does and lists it for removal on
/// an interrupt (take it off with [`track`] once it is renamed or removed).
pub(crate) fn create_tracked(path: &Path) -> io::Result<File> {
    let file = create_private(path)?;
    track(path, true);
    Ok(file)
}

/// Creates `path`, which must not exist, for writing, owner-only.
#[cfg(unix)]
fn create_private(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

#[cfg(not(unix))]
fn create_private(path: &Path) -> io::Result<File> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
}

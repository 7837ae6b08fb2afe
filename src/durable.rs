//! Making a finished file survive a pulled plug: first its bytes, then its
//! name (the rename that put it in place). Exports, bundles and backups are
//! written to a temporary file, synced here, renamed over the target, and
//! the folder synced here too.

use std::fs::OpenOptions;
use std::io;
use std::path::Path;

/// Writes `path`'s bytes to the disk. The file is opened for writing (never
/// truncated) because Windows flushes a file only through a handle that may
/// write to it: a read-only handle there fails with "access denied".
pub fn sync_file(path: &Path) -> io::Result<()> {
    OpenOptions::new().write(true).open(path)?.sync_all()
}

/// Writes the folder's list of names to the disk, so that a rename in it
/// survives a power cut.
#[cfg(unix)]
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

/// Windows cannot open a folder as a file; NTFS journals the rename.
#[cfg(not(unix))]
pub fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// The folder a file name is in (`.` for a bare name).
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// `path` with `suffix` added to its name: SQLite's files beside a
/// database (`kiosk.db-wal`, `-shm`, `-journal`) are named so.
pub fn with_suffix(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    std::path::PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Linux would also sync through a read-only handle; what Windows
    /// needs (a handle that may write) is kept by reading `sync_file`, and
    /// `.ci/check-windows` only proves that it compiles there.
    #[test]
    fn syncing_keeps_every_byte() {
        let d = tempfile::tempdir().unwrap();
        let f = d.path().join("a.csv");
        std::fs::write(&f, "Họ và tên\r\nBà Lan\r\n").unwrap();
        sync_file(&f).unwrap();
        assert_eq!(
            std::fs::read_to_string(&f).unwrap(),
            "Họ và tên\r\nBà Lan\r\n"
        );
        sync_dir(folder_of(&f)).unwrap();
        assert!(sync_file(&d.path().join("missing.csv")).is_err());
        assert_eq!(folder_of(Path::new("a.csv")), Path::new("."));
    }
}

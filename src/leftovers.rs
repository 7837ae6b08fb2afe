//! Temporary files a command writes next to its target (an export or a
//! bundle before it is renamed into place, a migrated copy of an old
//! bundle during a merge). A finished or failed command removes its own
//! when they are dropped; this module covers the two ways that does not
//! happen:
//! - interrupted (Ctrl+C, `kill`, the terminal closed): on Unix a watcher
//!   thread removes every file still registered, then exits as the signal
//!   would have (128 + its number);
//! - killed outright (`kill -9`, a power cut): the next command writing
//!   to the same folder sweeps temporary files whose process is gone.
//!
//! Left alone, they pile up as hidden clutter on a USB stick and, on
//! Windows, as visible files.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The temporary files this process is writing now.
static OPEN: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Notes `path` as being written, so an interruption removes it.
pub fn register(path: &Path) {
    watch_signals();
    if let Ok(mut open) = OPEN.lock() {
        open.push(path.to_path_buf());
    }
}

/// `path` was renamed into place or removed: no longer ours to clean.
pub fn unregister(path: &Path) {
    if let Ok(mut open) = OPEN.lock() {
        open.retain(|p| p != path);
    }
}

/// The process id a temporary file name carries, for names made as
/// `<prefix><pid>-<rest>`: `.name.csv.<pid>-<stamp>.tmp` and
/// `.kiosk-merge-<pid>-<ms>-<n>.db`.
fn pid_in(name: &str, prefix: &str) -> Option<u32> {
    let rest = name.strip_prefix(prefix)?;
    rest.split('-').next()?.parse().ok()
}

/// Removes the temporary files in `dir` whose names start with `prefix`
/// (followed by the writer's process id) and whose writer is gone. A
/// file of a command still running, here or in another process, is left.
pub fn sweep(dir: &Path, prefix: &str, suffix: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !name.ends_with(suffix) {
            continue;
        }
        let Some(pid) = pid_in(name, prefix) else {
            continue;
        };
        if pid != std::process::id() && gone(pid, &entry) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether the process that wrote a temporary file has ended.
#[cfg(unix)]
fn gone(pid: u32, _entry: &std::fs::DirEntry) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // Signal 0 only asks whether the process exists; EPERM means it does
    // (someone else's).
    // SAFETY: kill(2) with signal 0 sends nothing and touches no memory.
    let alive = unsafe { libc::kill(pid, 0) } == 0
        || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM);
    !alive
}

/// Without a cheap way to ask, a file untouched for a day is taken as
/// abandoned: no export or merge runs that long.
#[cfg(not(unix))]
fn gone(_pid: u32, entry: &std::fs::DirEntry) -> bool {
    entry
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > std::time::Duration::from_secs(24 * 3600))
}

/// Starts, once, the thread that cleans up on SIGINT, SIGTERM or SIGHUP.
#[cfg(unix)]
fn watch_signals() {
    use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGTERM};
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("leftovers".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    if let Ok(open) = OPEN.lock() {
                        for path in open.iter() {
                            let _ = std::fs::remove_file(path);
                        }
                    }
                    std::process::exit(128 + signal);
                }
            });
    });
}

#[cfg(not(unix))]
fn watch_signals() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_writers_pid_is_read_from_the_name() {
        assert_eq!(
            pid_in(".a.csv.4711-1796084408905.tmp", ".a.csv."),
            Some(4711)
        );
        assert_eq!(pid_in(".kiosk-merge-88-1-0.db", ".kiosk-merge-"), Some(88));
        assert_eq!(pid_in(".b.csv.4711-1.tmp", ".a.csv."), None);
        assert_eq!(pid_in(".a.csv.x-1.tmp", ".a.csv."), None);
    }

    /// A file of a process that has ended is swept; one of a running
    /// process (this one) and files of other names are left.
    #[cfg(unix)]
    #[test]
    fn only_files_of_ended_writers_are_swept() {
        let dir = tempfile::tempdir().unwrap();
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let ended = child.id();
        child.wait().unwrap();
        let files = [
            format!(".a.csv.{ended}-1.tmp"),
            format!(".a.csv.{}-2.tmp", std::process::id()),
            format!(".b.csv.{ended}-3.tmp"),
            "a.csv".to_string(),
        ];
        for f in &files {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        sweep(dir.path(), ".a.csv.", ".tmp");
        let left: Vec<bool> = files.iter().map(|f| dir.path().join(f).exists()).collect();
        assert_eq!(left, [false, true, true, true]);
    }
}

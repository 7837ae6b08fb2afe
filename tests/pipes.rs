//! Commands whose output is piped into `head` or `less` must stop quietly
//! when the reader goes away, never with a panic and a backtrace.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let lessons = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
    std::fs::write(
        dir.path().join("kiosk.toml"),
        format!(
            "lessons = {:?}\n[site]\nid = \"vh-pipe\"\nname = \"Nhà văn hóa\"\n",
            lessons.display().to_string()
        ),
    )
    .unwrap();
    let seeded = Command::new(env!("CARGO_BIN_EXE_kiosk"))
        .args(["seed", "--residents", "3000", "--days", "2"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        seeded.status.success(),
        "{}",
        String::from_utf8_lossy(&seeded.stderr)
    );
    dir
}

#[test]
fn listing_into_a_closed_pipe_stops_without_a_panic() {
    let dir = site();
    for args in [
        &["residents", "list"][..],
        &["residents", "find", "nguyen"][..],
        &["report", "--json"][..],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kiosk"))
            .args(args)
            .current_dir(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Read one byte, as `head -c1` would, then hang up.
        let mut first = [0u8; 1];
        let mut out = child.stdout.take().unwrap();
        out.read_exact(&mut first).unwrap();
        drop(out);
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        let status = child.wait().unwrap();
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_ne!(status.code(), Some(101), "{args:?} ended with a panic");
    }
}

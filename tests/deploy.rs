//! The files in `deploy/` that turn a Debian computer into a kiosk: the
//! systemd units pass `systemd-analyze verify` (where that tool exists), the
//! foot configuration passes `foot --check-config` (where foot exists) and
//! switches off every shortcut that could leave the kiosk, and `install.sh`
//! puts every file where the units look for it without touching settings a
//! volunteer already edited.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const UNITS: [&str; 3] = [
    "kiosk.service",
    "kiosk-backup.service",
    "kiosk-backup.timer",
];

fn deploy_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy")
}

fn read(name: &str) -> String {
    let path = deploy_dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn have(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// `section.key` → value for a systemd unit or an ini file (the last value
/// wins, as in both formats for the keys checked here).
fn ini(text: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut section = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.to_string();
        } else if let Some((k, v)) = line.split_once('=') {
            out.insert(format!("{section}.{}", k.trim()), v.trim().to_string());
        }
    }
    out
}

/// Runs `systemd-analyze verify` on copies of `units` in a fresh folder and
/// returns every line it printed, less the complaints about programs that
/// are simply not installed on this machine (cage, foot, kiosk itself).
fn verify(units: &[(&str, String)]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec![
        "verify".to_string(),
        "--man=no".into(),
        "--generators=no".into(),
    ];
    for (name, text) in units {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        args.push(path.display().to_string());
    }
    let out = Command::new("systemd-analyze")
        .args(&args)
        .output()
        .expect("systemd-analyze runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .filter(|l| !missing_program(l))
        .map(str::to_string)
        .collect()
}

fn missing_program(line: &str) -> bool {
    ["/usr/bin/cage", "/usr/bin/foot", "/usr/local/bin/kiosk"]
        .iter()
        .any(|p| line.contains(&format!("Command {p} is not executable")) && !Path::new(p).exists())
}

#[test]
fn units_pass_systemd_analyze_verify() {
    if !have("systemd-analyze") {
        eprintln!("skipped: systemd-analyze is not installed here");
        return;
    }
    let units: Vec<(&str, String)> = UNITS.iter().map(|u| (*u, read(u))).collect();
    let complaints = verify(&units);
    assert!(
        complaints.is_empty(),
        "systemd-analyze verify: {complaints:#?}"
    );

    // The same check notices a mistake a volunteer could make, so the empty
    // list above means something.
    let broken = read("kiosk.service").replace("Restart=always", "Restrat=always");
    let complaints = verify(&[("kiosk.service", broken)]);
    assert!(
        complaints.iter().any(|l| l.contains("Restrat")),
        "a misspelt key went unnoticed: {complaints:#?}"
    );
}

#[test]
fn foot_accepts_its_configuration() {
    if !have("foot") {
        eprintln!("skipped: foot is not installed here");
        return;
    }
    let out = Command::new("foot")
        .arg("--check-config")
        .arg(format!(
            "--config={}",
            deploy_dir().join("foot.ini").display()
        ))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "foot --check-config: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn foot_configuration_closes_every_way_out() {
    let cfg = ini(&read("foot.ini"));
    for action in [
        "clipboard-paste",
        "primary-paste",
        "spawn-terminal",
        "font-increase",
        "font-decrease",
        "font-reset",
        "search-start",
        "show-urls-launch",
    ] {
        assert_eq!(
            cfg.get(&format!("key-bindings.{action}"))
                .map(String::as_str),
            Some("none"),
            "foot.ini must switch off {action}"
        );
    }
    assert_eq!(
        cfg.get("mouse-bindings.primary-paste").map(String::as_str),
        Some("none"),
        "the middle mouse button must not paste"
    );
    assert_eq!(cfg["main.shell"], "/usr/sbin/nologin");
    assert_eq!(cfg["url.launch"], "/bin/true");

    // A large font that has every Vietnamese letter, first in the list.
    let font = &cfg["main.font"];
    assert!(font.starts_with("DejaVu Sans Mono:size="), "{font}");
    let size: u32 = font["DejaVu Sans Mono:size=".len()..]
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(size >= 16, "font size {size} is too small for seniors");
}

#[test]
fn units_run_the_installed_kiosk_and_keep_it_running() {
    let kiosk = ini(&read("kiosk.service"));
    let exec = &kiosk["Service.ExecStart"];
    assert!(exec.starts_with("/usr/bin/cage "), "{exec}");
    assert!(
        exec.contains("/usr/bin/foot --config=/etc/kiosk/foot.ini"),
        "{exec}"
    );
    assert!(
        exec.ends_with("/usr/local/bin/kiosk --config /var/lib/kiosk/kiosk.toml"),
        "{exec}"
    );
    assert_eq!(kiosk["Service.Restart"], "always");
    assert_eq!(kiosk["Service.User"], "kiosk");
    assert_eq!(kiosk["Service.PAMName"], "kiosk");
    assert_eq!(
        kiosk["Unit.StartLimitIntervalSec"], "0",
        "never give up restarting"
    );
    assert_eq!(kiosk["Install.WantedBy"], "graphical.target");

    let backup = ini(&read("kiosk-backup.service"));
    assert_eq!(
        backup["Service.ExecStart"],
        "/usr/local/bin/kiosk --config /var/lib/kiosk/kiosk.toml backup"
    );
    assert_eq!(backup["Service.User"], "kiosk");
    let timer = ini(&read("kiosk-backup.timer"));
    assert_eq!(
        timer["Timer.Persistent"], "yes",
        "a backup missed while switched off runs later"
    );
    assert!(timer.contains_key("Timer.OnCalendar"));
}

#[test]
fn install_script_places_every_file_and_keeps_edited_settings() {
    let root = tempfile::tempdir().unwrap();
    let project = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = |extra: &[&str]| {
        let out = Command::new("bash")
            .arg(deploy_dir().join("install.sh"))
            .arg("--root")
            .arg(root.path())
            .arg("--binary")
            .arg(env!("CARGO_BIN_EXE_kiosk"))
            .args(extra)
            .current_dir(project)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "install.sh failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&[]);

    // Every path the units and the README name exists after installing.
    for path in [
        "usr/local/bin/kiosk",
        "etc/kiosk/foot.ini",
        "etc/pam.d/kiosk",
        "etc/default/kiosk",
        "etc/systemd/system/kiosk.service",
        "etc/systemd/system/kiosk-backup.service",
        "etc/systemd/system/kiosk-backup.timer",
        "usr/local/share/doc/kiosk/README.md",
        "var/lib/kiosk/kiosk.toml",
        "var/lib/kiosk/data/backups",
    ] {
        assert!(root.path().join(path).exists(), "{path} was not installed");
    }
    let shipped = std::fs::read_dir(project.join("lessons")).unwrap().count();
    let installed = std::fs::read_dir(root.path().join("var/lib/kiosk/lessons"))
        .unwrap()
        .count();
    assert_eq!(installed, shipped, "every lesson file is installed");
    let bin = root.path().join("usr/local/bin/kiosk");
    let out = Command::new(&bin).arg("--version").output().unwrap();
    assert!(out.status.success(), "the installed program runs");

    // A second run (an upgrade) keeps the volunteer's settings.
    let toml = root.path().join("var/lib/kiosk/kiosk.toml");
    let edited = std::fs::read_to_string(&toml).unwrap() + "\n# edited by the volunteer\n";
    std::fs::write(&toml, &edited).unwrap();
    let defaults = root.path().join("etc/default/kiosk");
    std::fs::write(&defaults, "CAGE_OPTIONS=\"\"\n").unwrap();
    run(&[]);
    assert_eq!(std::fs::read_to_string(&toml).unwrap(), edited);
    assert_eq!(
        std::fs::read_to_string(&defaults).unwrap(),
        "CAGE_OPTIONS=\"\"\n"
    );

    // --update-lessons swaps the lessons and keeps the old ones aside.
    run(&["--update-lessons"]);
    let kept = std::fs::read_dir(root.path().join("var/lib/kiosk"))
        .unwrap()
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().starts_with("lessons.old-"));
    assert!(kept, "the old lessons are kept next to the new ones");
}

//! `kiosk check` and the lesson loader, driven through the real binary on
//! temporary folders: every kind of broken file with the message and the
//! place it must name, files that try to crash or hang the loader, the exit
//! codes, and the curriculum shipped in `lessons/`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use kiosk::i18n::Lang;
use kiosk::lessons::{LoadReport, Module, Text, load_dir, load_dir_in};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `kiosk` in `cwd`. A run that does not finish within a minute is a
/// hang (the loader must never hang), not a slow run: it is killed and the
/// test fails.
fn kiosk(cwd: &Path, args: &[&str]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kiosk"));
    cmd.args(args);
    finish(cmd, cwd, args)
}

fn finish(mut cmd: Command, cwd: &Path, args: &[&str]) -> Run {
    let mut child = cmd
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the kiosk binary starts");
    // Drain the pipes on threads so a chatty run cannot block on a full pipe.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut out, &mut s).unwrap();
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut err, &mut s).unwrap();
        s
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().ok();
            panic!("kiosk {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let run = Run {
        code: status.code().expect("exited, not killed by a signal"),
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "kiosk panicked: {}",
        run.stderr
    );
    run
}

/// A temporary folder with a `lessons/` folder in it; `check` runs from the
/// temporary folder so paths print as `lessons/NAME`. Its `kiosk.toml` asks
/// for English, the language most of these tests read (the messages in
/// Vietnamese have their own test).
struct Site {
    root: tempfile::TempDir,
}

impl Site {
    fn new() -> Site {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir(root.path().join("lessons")).unwrap();
        std::fs::write(
            root.path().join("kiosk.toml"),
            "language = \"en\"\n[site]\nid = \"vh-check\"\nname = \"Nhà văn hóa\"\n",
        )
        .unwrap();
        Site { root }
    }

    fn lessons(&self) -> PathBuf {
        self.root.path().join("lessons")
    }

    fn write(&self, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
        let path = self.lessons().join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    /// Writes `NAME.toml` with the module id changed to `NAME`.
    fn write_as(&self, name: &str, text: String) -> PathBuf {
        self.write(
            &format!("{name}.toml"),
            text.replacen("id = \"base\"", &format!("id = \"{name}\""), 1),
        )
    }

    fn check(&self) -> Run {
        kiosk(self.root.path(), &["check", "--lessons", "lessons"])
    }
}

/// A valid module. Line numbers matter: the table of broken files below
/// points at them.
const HEAD: &str = r#"id = "base"
order = 10
minutes = 5
title.vi = "Bài thử"
title.en = "Test lesson"
summary.vi = "Một bài để thử."
summary.en = "A lesson to test."
"#; // line 8 is free for an extra module key

const STEPS: &str = r#"
[[steps]]
text.vi = "Trang một."
text.en = "Page one."
"#; // lines 9-11

const QUIZ: &str = r#"
[[quiz]]
id = "q1"
kind = "single"
question.vi = "Chọn một?"
question.en = "Pick one?"
choices = [
  { vi = "Một", en = "One" },
  { vi = "Hai", en = "Two" },
  { vi = "Ba", en = "Three" },
]
answer = 2
explanation.vi = "Vì thế."
explanation.en = "Because."
"#; // lines 13-25

fn base() -> String {
    format!("{HEAD}{STEPS}{QUIZ}")
}

/// The base module with `extra` on line 8 (a module key).
fn with_line_8(extra: &str) -> String {
    format!("{HEAD}{extra}{STEPS}{QUIZ}")
}

/// A valid module with this id, order and prerequisites.
fn module(id: &str, order: i64, prerequisites: &[&str]) -> String {
    let list: Vec<String> = prerequisites.iter().map(|p| format!("{p:?}")).collect();
    base()
        .replace("id = \"base\"", &format!("id = {id:?}"))
        .replace("order = 10", &format!("order = {order}"))
        .replace(
            "minutes = 5\n",
            &format!("minutes = 5\nprerequisites = [{}]\n", list.join(", ")),
        )
}

fn replaced(pairs: &[(&str, &str)]) -> String {
    let mut s = base();
    for (from, to) in pairs {
        assert!(s.contains(from), "the base module has {from:?}");
        s = s.replacen(from, to, 1);
    }
    s
}

/// Some error line about `file` mentions `needle` (wherever it is).
fn assert_mentions(run: &Run, file: &str, needle: &str) {
    assert!(
        run.stdout
            .lines()
            .any(|l| l.starts_with(&format!("lessons/{file}:"))
                && l.contains(": error: ")
                && l.contains(needle)),
        "no error about {file} mentions {needle:?}:\n{}",
        run.stdout
    );
}

/// The line of `stdout` that mentions `needle`, checked to be an error at
/// `line` (and `col` when given) in `file`.
fn assert_error_at(run: &Run, file: &str, needle: &str, line: usize, col: Option<usize>) {
    assert_at(run, "error", file, needle, line, col);
}

/// Like [`assert_error_at`], for a warning.
fn assert_warning_at(run: &Run, file: &str, needle: &str, line: usize, col: Option<usize>) {
    assert_at(run, "warning", file, needle, line, col);
}

fn assert_at(run: &Run, kind: &str, file: &str, needle: &str, line: usize, col: Option<usize>) {
    let found: Vec<&str> = run.stdout.lines().filter(|l| l.contains(needle)).collect();
    assert!(
        !found.is_empty(),
        "no line mentions {needle:?}:\n{}",
        run.stdout
    );
    let prefix = match col {
        Some(c) => format!("lessons/{file}:{line}:{c}: {kind}: "),
        None => format!("lessons/{file}:{line}:"),
    };
    assert!(
        found
            .iter()
            .any(|l| l.starts_with(&prefix) && l.contains(&format!(": {kind}: "))),
        "expected {kind} at {prefix} for {needle:?}, got {found:#?}"
    );
}

#[test]
fn a_valid_module_passes() {
    let site = Site::new();
    site.write("base.toml", base());
    std::fs::write(site.lessons().join("README.md"), "# not a lesson = [").unwrap();
    let run = site.check();
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(
        run.stdout, "1 module checked: 0 errors, 0 warnings\n",
        "README.md is not a lesson"
    );
}

#[test]
fn each_broken_file_is_explained_at_its_line() {
    use std::fmt::Write;
    let nfd_mot = "Mo\u{0323}\u{0302}t"; // "Một" decomposed: the same choice
    let cases: Vec<(&str, String, &str, usize, Option<usize>)> = vec![
        (
            "syntax",
            replaced(&[("order = 10", "order = 10 10")]),
            "TOML syntax",
            2,
            None,
        ),
        (
            "unknown key",
            replaced(&[("minutes = 5", "minuts = 5")]),
            "unknown key `minuts`; did you mean `minutes`?",
            3,
            Some(1),
        ),
        (
            "missing id",
            replaced(&[("id = \"base\"\n", "\n")]),
            "`id` is missing",
            1,
            Some(1),
        ),
        (
            "missing vi",
            replaced(&[("title.vi = \"Bài thử\"", "title.vn = \"Bài thử\"")]),
            "`title` has no Vietnamese text",
            4,
            Some(1),
        ),
        (
            "empty vi",
            replaced(&[("text.vi = \"Trang một.\"", "text.vi = \"  \"")]),
            "page 1: `text.vi` is empty",
            10,
            Some(11),
        ),
        (
            "wrong type",
            replaced(&[("minutes = 5", "minutes = \"5\"")]),
            "`minutes` must be a whole number, not text in quotes",
            3,
            Some(11),
        ),
        (
            "text without language",
            replaced(&[(
                "summary.vi = \"Một bài để thử.\"\nsummary.en = \"A lesson to test.\"",
                "summary = \"Một bài\"",
            )]),
            "`summary` needs its language: write summary.vi",
            6,
            Some(11),
        ),
        (
            "answer out of range",
            replaced(&[("answer = 2", "answer = 4")]),
            "`answer` is 4 but there are only 3 choices",
            23,
            Some(10),
        ),
        (
            "answer zero",
            replaced(&[("answer = 2", "answer = 0")]),
            "choices are counted from 1",
            23,
            Some(10),
        ),
        (
            "single answer as a list",
            replaced(&[("answer = 2", "answer = [2]")]),
            "one number",
            23,
            Some(10),
        ),
        (
            "duplicate choices",
            replaced(&[(
                "{ vi = \"Ba\", en = \"Three\" }",
                "{ vi = \" Một \", en = \"Three\" }",
            )]),
            "choices 1 and 3 are the same in Vietnamese",
            21,
            Some(3),
        ),
        (
            "duplicate choices in another normal form",
            replaced(&[(
                "{ vi = \"Ba\", en = \"Three\" }",
                &format!("{{ vi = \"{nfd_mot}\", en = \"Three\" }}"),
            )]),
            "choices 1 and 3 are the same in Vietnamese",
            21,
            Some(3),
        ),
        (
            "duplicate English choices",
            replaced(&[("en = \"Two\"", "en = \"One\"")]),
            "choices 1 and 2 are the same in English",
            20,
            Some(3),
        ),
        (
            "multi without a right choice",
            replaced(&[
                ("kind = \"single\"", "kind = \"multi\""),
                ("answer = 2", "answer = []"),
            ]),
            "needs at least one right choice",
            23,
            Some(10),
        ),
        (
            "multi answer not a list",
            replaced(&[("kind = \"single\"", "kind = \"multi\"")]),
            "`answer` must be a list of choice numbers",
            23,
            Some(10),
        ),
        (
            "true-false with choices",
            replaced(&[
                ("kind = \"single\"", "kind = \"true-false\""),
                ("answer = 2", "answer = true"),
            ]),
            "a true-false question has no `choices`",
            18,
            Some(11),
        ),
        (
            "true-false answer in quotes",
            replaced(&[
                ("kind = \"single\"", "kind = \"true-false\""),
                (
                    "choices = [\n  { vi = \"Một\", en = \"One\" },\n  { vi = \"Hai\", en = \"Two\" },\n  { vi = \"Ba\", en = \"Three\" },\n]\n",
                    "",
                ),
                ("answer = 2", "answer = \"true\""),
            ]),
            "`answer` must be true or false",
            18,
            Some(10),
        ),
        (
            "order with two choices",
            replaced(&[
                ("kind = \"single\"", "kind = \"order\""),
                ("  { vi = \"Ba\", en = \"Three\" },\n", ""),
                ("answer = 2\n", ""),
            ]),
            "an order question needs at least 3 steps",
            18,
            Some(11),
        ),
        (
            "order with an answer",
            replaced(&[("kind = \"single\"", "kind = \"order\"")]),
            "an order question has no `answer`",
            23,
            Some(10),
        ),
        (
            "unknown question kind",
            replaced(&[("kind = \"single\"", "kind = \"pick-one\"")]),
            "unknown question kind \"pick-one\"",
            15,
            Some(8),
        ),
        (
            "likely kind typo",
            replaced(&[("kind = \"single\"", "kind = \"true_false\"")]),
            "did you mean \"true-false\"?",
            15,
            Some(8),
        ),
        (
            "duplicate question id",
            format!("{}{}", base(), QUIZ),
            "id \"q1\" is already used by question 1",
            28,
            Some(6),
        ),
        (
            "empty quiz",
            with_line_8("quiz = []").replace(QUIZ, ""),
            "`quiz` is empty",
            8,
            Some(8),
        ),
        (
            "no quiz",
            format!("{HEAD}{STEPS}"),
            "there is no [[quiz]]",
            1,
            Some(1),
        ),
        (
            "no steps",
            format!("{HEAD}{QUIZ}"),
            "there is no [[steps]]",
            1,
            Some(1),
        ),
        (
            "steps as a single table",
            format!("{HEAD}{}{QUIZ}", STEPS.replace("[[steps]]", "[steps]")),
            "`steps` must be a list of pages",
            9,
            None,
        ),
        (
            "pass_percent too high",
            with_line_8("pass_percent = 101"),
            "`pass_percent` is 101 but must be from 0 to 100",
            8,
            Some(16),
        ),
        (
            "pass_percent negative",
            with_line_8("pass_percent = -1"),
            "`pass_percent` is -1",
            8,
            Some(16),
        ),
        (
            "unknown indicator",
            with_line_8("indicators = [\"vneid\", \"vneld\"]"),
            "unknown indicator \"vneld\"; did you mean \"vneid\"?",
            8,
            Some(24),
        ),
        (
            "bad module id",
            replaced(&[("id = \"base\"", "id = \"Bài 1\"")]),
            "`id` \"Bài 1\" must be 1 to 32 lowercase letters",
            1,
            Some(6),
        ),
        (
            "bad question id",
            replaced(&[("id = \"q1\"", "id = \"q 1\"")]),
            "question 1: `id` \"q 1\" must be",
            14,
            Some(6),
        ),
        (
            "unknown prerequisite",
            with_line_8("prerequisites = [\"vneid-levle-1\"]"),
            "no module in this folder has the id \"vneid-levle-1\"",
            8,
            Some(18),
        ),
        (
            "self prerequisite",
            with_line_8("prerequisites = [\"base\"]"),
            "circular prerequisites: base → base",
            8,
            Some(18),
        ),
        (
            "unknown key in a step",
            replaced(&[(
                "text.en = \"Page one.\"",
                "text.en = \"Page one.\"\ntips.vi = \"x\"",
            )]),
            "page 1: unknown key `tips`; did you mean `tip`?",
            12,
            Some(1),
        ),
        (
            "unknown key in a text",
            replaced(&[("explanation.en", "explanation.eng")]),
            "unknown key `eng`; did you mean `en`?",
            25,
            Some(13),
        ),
        (
            "minutes out of range",
            replaced(&[("minutes = 5", "minutes = 0")]),
            "`minutes` is 0 but must be from 1 to 240",
            3,
            Some(11),
        ),
        (
            "shuffle_choices as a number",
            with_line_8("shuffle_choices = 1"),
            "`shuffle_choices` must be true or false, not a whole number",
            8,
            Some(19),
        ),
    ];
    // One folder per case: each file must fail on its own, for its own
    // reason.
    let mut failures = String::new();
    for (name, text, needle, line, col) in &cases {
        let site = Site::new();
        site.write("m.toml", text);
        let run = site.check();
        let result = std::panic::catch_unwind(|| {
            assert_eq!(run.code, 1, "exit code\n{}", run.stdout);
            assert_error_at(&run, "m.toml", needle, *line, *col);
            assert!(
                run.stdout
                    .contains("not shown on the kiosk until fixed: m.toml")
            );
            // The same problems in Vietnamese, at the same places, each one
            // really said in Vietnamese (none left as the English).
            let ids: Vec<String> = kiosk::config::default_indicators()
                .into_iter()
                .map(|i| i.id)
                .collect();
            let en = load_dir_in(&site.lessons(), &ids, Lang::En).unwrap();
            let vi = load_dir_in(&site.lessons(), &ids, Lang::Vi).unwrap();
            assert_eq!(en.diagnostics.len(), vi.diagnostics.len());
            for (e, v) in en.diagnostics.iter().zip(&vi.diagnostics) {
                assert_eq!((e.line, e.col, e.severity), (v.line, v.col, v.severity));
                assert_ne!(e.message, v.message, "not said in Vietnamese");
            }
        });
        if result.is_err() {
            let _ = writeln!(failures, "case {name:?} failed; output:\n{}", run.stdout);
        }
    }
    assert!(failures.is_empty(), "{failures}");
}

#[test]
fn every_problem_in_a_file_is_listed_sorted_by_position() {
    let site = Site::new();
    site.write(
        "m.toml",
        replaced(&[
            ("answer = 2", "answer = 9"),
            ("minutes = 5", "minutes = 999"),
            ("kind = \"single\"", "kind = \"single\"\nhint = 3"),
        ]),
    );
    site.write(
        "a.toml",
        replaced(&[
            ("id = \"base\"", "id = \"other\""),
            ("order = 10", "order = \"x\""),
        ]),
    );
    let run = site.check();
    assert_eq!(run.code, 1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 5, "{}", run.stdout);
    assert!(lines[0].starts_with("lessons/a.toml:2:9: error: `order`"));
    assert!(lines[1].starts_with("lessons/m.toml:3:11: error: `minutes` is 999"));
    assert!(
        lines[2].starts_with("lessons/m.toml:16:1: error: question 1 (\"q1\"): unknown key `hint`")
    );
    assert!(lines[3].starts_with("lessons/m.toml:24:10: error:"));
    assert_eq!(
        lines[4],
        "2 modules checked: 4 errors, 0 warnings; not shown on the kiosk until fixed: a.toml, m.toml"
    );
}

#[test]
fn warnings_do_not_fail_the_check() {
    let site = Site::new();
    let long = vec!["chữ"; 30].join(" ");
    site.write(
        "m.toml",
        replaced(&[(
            "text.vi = \"Trang một.\"",
            &format!("text.vi = \"{long}.\""),
        )]),
    );
    site.write(
        "n.toml",
        module("no-english", 2, &[])
            .replace(", en = \"One\"", "")
            .replace(", en = \"Two\"", "")
            .replace(", en = \"Three\"", "")
            .lines()
            .filter(|l| !l.contains(".en"))
            .map(|l| format!("{l}\n"))
            .collect::<String>(),
    );
    let run = site.check();
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("lessons/m.toml:10:12: warning: page 1: `text.vi`: a sentence has 30 words"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("lessons/n.toml:5:1: warning: this module has no English"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .ends_with("2 modules checked: 0 errors, 2 warnings\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn module_ids_must_be_unique_across_files() {
    let site = Site::new();
    site.write("a.toml", module("same", 1, &[]));
    site.write("b.toml", module("same", 2, &[]));
    site.write("c.toml", module("other", 3, &[]));
    let run = site.check();
    assert_eq!(run.code, 1);
    assert_error_at(
        &run,
        "a.toml",
        "module id \"same\" is also used by b.toml",
        1,
        Some(6),
    );
    assert_error_at(
        &run,
        "b.toml",
        "module id \"same\" is also used by a.toml",
        1,
        Some(6),
    );
    let report = load_dir(&site.lessons(), &[]).unwrap();
    let ids = report.curriculum.ids();
    assert_eq!(ids, vec!["other"], "neither copy is shown");
    assert_eq!(report.skipped.len(), 2);
}

#[test]
fn circular_prerequisites_are_reported_with_their_path() {
    let site = Site::new();
    site.write("a.toml", module("a", 1, &["c"]));
    site.write("b.toml", module("b", 2, &["a"]));
    site.write("c.toml", module("c", 3, &["b"]));
    site.write("d.toml", module("d", 4, &["c"])); // waits on the circle
    site.write("e.toml", module("e", 5, &[])); // unaffected
    let run = site.check();
    assert_eq!(run.code, 1);
    assert_error_at(
        &run,
        "a.toml",
        "circular prerequisites: a → c → b → a",
        4,
        Some(18),
    );
    assert_error_at(
        &run,
        "b.toml",
        "circular prerequisites: b → a → c → b",
        4,
        Some(18),
    );
    assert_error_at(
        &run,
        "c.toml",
        "circular prerequisites: c → b → a → c",
        4,
        Some(18),
    );
    // d waits on the circle without being in it: shown, unlocked.
    assert_warning_at(
        &run,
        "d.toml",
        "prerequisite \"c\" is not shown (c.toml has problems), so this module is shown unlocked",
        4,
        Some(18),
    );
    let report = load_dir(&site.lessons(), &[]).unwrap();
    let ids = report.curriculum.ids();
    assert_eq!(ids, vec!["d", "e"]);
}

/// One broken module used to hide every module after it in the chain (a
/// broken 010 hid nine). Now its direct dependents are shown unlocked, with
/// a warning each, and the chain after them is untouched.
#[test]
fn a_broken_prerequisite_leaves_its_dependents_shown_unlocked() {
    let site = Site::new();
    site.write(
        "1.toml",
        module("one", 1, &[]).replace("answer = 2", "answer = 7"),
    );
    site.write("2.toml", module("two", 2, &["one"]));
    site.write("3.toml", module("three", 3, &["two"]));
    site.write("4.toml", module("four", 4, &["zero"]));
    site.write("5.toml", module("five", 5, &[]));
    let run = site.check();
    assert_eq!(run.code, 1, "the broken file is still an error");
    assert_mentions(&run, "1.toml", "`answer` is 7");
    assert_warning_at(
        &run,
        "2.toml",
        "prerequisite \"one\" is not shown (1.toml has problems), so this module is shown unlocked: learners can start it without \"one\"",
        4,
        Some(18),
    );
    assert!(
        !run.stdout.contains("lessons/3.toml"),
        "three needs two, which is shown: nothing to say\n{}",
        run.stdout
    );
    // A typo in a prerequisite is still the author's error in that file.
    assert_error_at(
        &run,
        "4.toml",
        "no module in this folder has the id \"zero\"",
        4,
        Some(18),
    );
    assert!(
        run.stdout.ends_with(
            "not shown on the kiosk until fixed: 1.toml, 4.toml; shown unlocked meanwhile: 2.toml\n"
        ),
        "{}",
        run.stdout
    );
    let report = load_dir(&site.lessons(), &[]).unwrap();
    let ids = report.curriculum.ids();
    assert_eq!(ids, vec!["two", "three", "five"]);
}

#[test]
fn valid_modules_load_sorted_by_order_then_id_and_the_same_every_time() {
    let site = Site::new();
    // File names deliberately disagree with the display order.
    let specs = [("z", 1), ("b", 3), ("a", 3), ("m", -5), ("c", 20), ("y", 3)];
    for (i, (id, order)) in specs.iter().enumerate() {
        site.write(&format!("{:02}-{id}.toml", 10 - i), module(id, *order, &[]));
    }
    site.write("broken.toml", "id = ");
    let first = load_dir(&site.lessons(), &[]).unwrap();
    let ids = |r: &LoadReport| {
        r.curriculum
            .modules
            .iter()
            .map(|m| m.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&first), vec!["m", "z", "a", "b", "y", "c"]);
    for _ in 0..3 {
        let again = load_dir(&site.lessons(), &[]).unwrap();
        assert_eq!(ids(&again), ids(&first));
        assert_eq!(again.curriculum.modules, first.curriculum.modules);
        assert_eq!(again.diagnostics, first.diagnostics);
        assert_eq!(again.skipped, first.skipped);
    }
    assert_eq!(site.check().stdout, site.check().stdout);
}

#[test]
fn exit_codes_say_whether_it_could_run() {
    let site = Site::new();
    let run = kiosk(site.root.path(), &["check", "--lessons", "nowhere"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("no lessons folder at nowhere"),
        "{}",
        run.stderr
    );
    site.write("file.toml", base());
    let run = kiosk(
        site.root.path(),
        &["check", "--lessons", "lessons/file.toml"],
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is not a folder"), "{}", run.stderr);
    // An empty folder is fine: nothing is wrong in it.
    std::fs::create_dir(site.root.path().join("empty")).unwrap();
    let run = kiosk(site.root.path(), &["check", "--lessons", "empty"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "0 modules checked: 0 errors, 0 warnings\n")
    );
}

#[test]
fn the_folder_and_indicators_come_from_the_config() {
    let site = Site::new();
    let custom = site.root.path().join("custom");
    std::fs::create_dir(&custom).unwrap();
    std::fs::write(
        custom.join("m.toml"),
        with_line_8("indicators = [\"library-card\"]"),
    )
    .unwrap();
    std::fs::write(
        site.root.path().join("site.toml"),
        "lessons = \"custom\"\n[site]\nid = \"vh-test\"\nname = \"Nhà văn hóa\"\n[campaign]\n[[campaign.indicators]]\nid = \"library-card\"\nvi = \"Có thẻ thư viện\"\nen = \"Has a library card\"\n",
    )
    .unwrap();
    // No ./kiosk.toml and no --lessons: ./lessons with the default
    // indicators, and the kiosk's default language, Vietnamese (the word
    // for "error" too).
    std::fs::remove_file(site.root.path().join("kiosk.toml")).unwrap();
    site.write("m.toml", with_line_8("indicators = [\"library-card\"]"));
    let run = kiosk(site.root.path(), &["check"]);
    assert_eq!(run.code, 1);
    assert_at(
        &run,
        "lỗi",
        "m.toml",
        "`indicators`: không có chỉ tiêu \"library-card\"; kiosk.toml có: smartphone, vneid",
        8,
        Some(15),
    );
    assert!(
        run.stdout.ends_with("đã kiểm tra 1 bài: 1 lỗi, 0 cảnh báo; chưa hiện trên kiosk cho đến khi sửa xong: m.toml\n"),
        "{}",
        run.stdout
    );
    // The config names the folder and allows the indicator.
    let run = kiosk(site.root.path(), &["--config", "site.toml", "check"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(run.stdout, "đã kiểm tra 1 bài: 0 lỗi, 0 cảnh báo\n");
    // --lessons wins over the config's folder; the indicators still come from it.
    let run = kiosk(
        site.root.path(),
        &["--config", "site.toml", "check", "--lessons", "lessons"],
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    // A broken config is a reason not to run at all.
    std::fs::write(site.root.path().join("bad.toml"), "[site]\nid = 5\n").unwrap();
    let run = kiosk(site.root.path(), &["--config", "bad.toml", "check"]);
    assert_eq!(run.code, 2);
    // Said in plain Vietnamese (the kiosk's language unless the file asks
    // for English), with the line, the column and what is expected.
    assert_eq!(
        run.stderr.trim(),
        "kiosk: bad.toml: dòng 2, cột 6: cần chữ trong ngoặc kép, không phải số 5"
    );
    std::fs::write(
        site.root.path().join("bad.toml"),
        "language = \"en\"\n[site]\nid = 5\n",
    )
    .unwrap();
    let run = kiosk(site.root.path(), &["--config", "bad.toml", "check"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr.trim(),
        "kiosk: bad.toml: line 3, column 6: needs text in quotes, not the number 5"
    );
}

// ── Hostile input: never a panic, never a hang ───────────────────────────

#[test]
fn empty_and_comment_only_files_are_errors() {
    let site = Site::new();
    site.write("empty.toml", "");
    site.write("blank.toml", "\n  \n# only a comment\n");
    let run = site.check();
    assert_eq!(run.code, 1);
    assert_error_at(&run, "empty.toml", "the file is empty", 1, Some(1));
    assert_error_at(&run, "blank.toml", "the file is empty", 1, Some(1));
}

#[test]
fn a_file_that_is_not_utf8_is_named_with_the_bad_byte() {
    let site = Site::new();
    let mut bytes = b"id = \"a\"\ntitle.vi = \"Ti".to_vec();
    bytes.extend([0xea, 0x75]); // Latin-1 "ê": not UTF-8
    bytes.extend(b"u\"\n");
    site.write("latin1.toml", bytes);
    site.write("ok.toml", base());
    let run = site.check();
    assert_eq!(run.code, 1);
    assert_error_at(
        &run,
        "latin1.toml",
        "not UTF-8 text (the first bad byte is at line 2, column 15)",
        2,
        Some(15),
    );
    let report = load_dir(&site.lessons(), &[]).unwrap();
    assert_eq!(
        report.curriculum.modules.len(),
        1,
        "the good file still loads"
    );
}

#[test]
fn binary_and_huge_files_are_refused_quickly_and_plainly() {
    let site = Site::new();
    // Pseudo-random bytes (a fixed seed, so the test is the same every run).
    let mut x: u64 = 0x9e3779b97f4a7c15;
    let noise: Vec<u8> = (0..200_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    site.write("noise.toml", &noise);
    // Valid UTF-8 but every line a syntax error: diagnostics are capped.
    site.write("garbage.toml", "@@ ==\n".repeat(150_000));
    // Over the size limit.
    site.write("huge.toml", format!("# {}\n", "x".repeat(3 * 1024 * 1024)));
    // Under the limit: a megabyte of one string is still read and checked.
    site.write(
        "long-string.toml",
        with_line_8(&format!("notes = \"{}\"", "chữ ".repeat(150_000))),
    );
    let run = site.check();
    assert_eq!(run.code, 1);
    assert_mentions(&run, "noise.toml", "is not UTF-8 text");
    assert_error_at(
        &run,
        "huge.toml",
        "a lesson file may be at most 1 MiB",
        1,
        Some(1),
    );
    assert_error_at(&run, "long-string.toml", "unknown key `notes`", 8, Some(1));
    assert_mentions(
        &run,
        "garbage.toml",
        "more problems in this file are not shown",
    );
    let garbage = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("lessons/garbage.toml"))
        .count();
    assert!(garbage <= 101, "{garbage} lines for one file");
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let site = Site::new();
    let n = 100_000;
    site.write("arrays.toml", format!("a = {}", "[".repeat(n)));
    site.write(
        "closed-arrays.toml",
        format!("a = {}{}", "[".repeat(n), "]".repeat(n)),
    );
    site.write("headers.toml", "[".repeat(n));
    site.write("inline.toml", format!("a = {}", "{ b = ".repeat(n)));
    site.write("dotted.toml", format!("{} = 1", vec!["a"; n].join(".")));
    site.write(
        "dotted-header.toml",
        format!("[{}]", vec!["a"; n].join(".")),
    );
    site.write(
        "array-tables.toml",
        format!("[[{}]]", vec!["a"; n].join(".")),
    );
    site.write("ok.toml", base());
    let run = site.check();
    assert_eq!(run.code, 1, "{}", run.stdout);
    for f in [
        "arrays",
        "closed-arrays",
        "headers",
        "inline",
        "dotted",
        "dotted-header",
        "array-tables",
    ] {
        assert!(
            run.stdout
                .lines()
                .any(|l| l.starts_with(&format!("lessons/{f}.toml:"))
                    && l.contains("error: TOML syntax")),
            "{f}: {}",
            run.stdout
        );
    }
    let report = load_dir(&site.lessons(), &[]).unwrap();
    assert_eq!(report.curriculum.modules.len(), 1);
    assert_eq!(report.skipped.len(), 7);
}

#[test]
fn folders_and_other_names_are_skipped_with_a_word() {
    let site = Site::new();
    site.write("base.toml", base());
    std::fs::create_dir(site.lessons().join("x.toml")).unwrap();
    std::fs::create_dir(site.lessons().join("sub")).unwrap();
    std::fs::write(site.lessons().join("sub").join("inner.toml"), "garbage = [").unwrap();
    site.write(".#base.toml", "garbage = [");
    site.write("notes.txt", "garbage = [");
    site.write("SHOUT.TOML", "garbage = [");
    let run = site.check();
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("lessons/x.toml:1:1: warning: skipped: this is a folder"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "lessons/SHOUT.TOML:1:1: warning: ignored: a lesson file's name must end in \".toml\""
        ),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("inner.toml") && !run.stdout.contains(".#base"));
    assert!(
        run.stdout
            .ends_with("1 module checked: 0 errors, 2 warnings\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn huge_lists_and_repeats_are_reported_without_slowing_to_a_crawl() {
    // Each file is under the size limit but holds tens of thousands of
    // items, which a check that compares every item with every other would
    // take minutes over.
    let site = Site::new();
    site.write_as(
        "questions",
        format!("{}{}", base(), "[[quiz]]\nid = \"q1\"\n".repeat(40_000)),
    );
    let many: Vec<String> = (0..40_000)
        .map(|i| format!("{{ vi = \"c{i}\" }}"))
        .collect();
    site.write_as(
        "choices",
        replaced(&[(
            "  { vi = \"Ba\", en = \"Three\" },\n",
            &format!("{},\n", many.join(",")),
        )]),
    );
    site.write_as(
        "same-choices",
        replaced(&[(
            "  { vi = \"Ba\", en = \"Three\" },\n",
            &format!("{},\n", vec!["{ vi = \"Ba\" }"; 40_000].join(",")),
        )]),
    );
    let sentence = vec!["chữ"; 30].join(" ") + ". ";
    site.write_as(
        "sentences",
        replaced(&[(
            "text.vi = \"Trang một.\"",
            &format!("text.vi = \"{}\"", sentence.repeat(5_000)),
        )]),
    );
    let ids: Vec<String> = (0..100_000).map(|i| format!("\"m{i}\"")).collect();
    site.write(
        "prerequisites.toml",
        with_line_8(&format!("prerequisites = [{}]", ids.join(","))),
    );
    site.write_as(
        "answers",
        replaced(&[
            ("kind = \"single\"", "kind = \"multi\""),
            (
                "answer = 2",
                &format!("answer = [{}]", vec!["1"; 100_000].join(",")),
            ),
        ]),
    );
    let run = site.check();
    assert_eq!(run.code, 1);
    assert_error_at(
        &run,
        "questions.toml",
        "question 2: id \"q1\" is already used by question 1",
        27,
        Some(6),
    );
    assert_mentions(
        &run,
        "same-choices.toml",
        "choices 3 and 4 are the same in Vietnamese",
    );
    assert_error_at(
        &run,
        "prerequisites.toml",
        "`prerequisites` lists 100000 ids; at most 50",
        8,
        Some(17),
    );
    assert_mentions(&run, "answers.toml", "`answer` lists 1 twice");
    assert!(
        run.stdout
            .contains("choices.toml:18:11: warning: question 1 (\"q1\"): 40002 choices are a lot"),
        "{}",
        run.stdout
    );
    let long: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("lessons/sentences.toml"))
        .collect();
    assert_eq!(long.len(), 5, "{long:#?}");
    assert!(
        long[1].contains("4997 more sentences are over 25 words"),
        "{long:#?}"
    );
    assert!(long[0].contains("this page has 150000 words"), "{long:#?}");
    for f in ["questions", "same-choices", "answers"] {
        let n = run
            .stdout
            .lines()
            .filter(|l| l.starts_with(&format!("lessons/{f}.toml")))
            .count();
        assert!(n <= 101, "{f}: {n} lines");
    }
}

#[cfg(unix)]
#[test]
fn links_pipes_and_devices_neither_hang_nor_crash() {
    use std::os::unix::fs::symlink;
    let site = Site::new();
    let dir = site.lessons();
    site.write("real.toml", base());
    symlink("real.toml", dir.join("link-to-real.toml")).unwrap();
    symlink("loop-b.toml", dir.join("loop-a.toml")).unwrap();
    symlink("loop-a.toml", dir.join("loop-b.toml")).unwrap();
    symlink("self.toml", dir.join("self.toml")).unwrap();
    symlink("missing-target", dir.join("dangling.toml")).unwrap();
    symlink("/dev/zero", dir.join("zero.toml")).unwrap();
    let fifo = Command::new("mkfifo").arg(dir.join("pipe.toml")).status();
    let has_fifo = fifo.is_ok_and(|s| s.success());
    let run = site.check();
    assert_eq!(run.code, 1, "{}", run.stdout);
    for f in ["loop-a", "loop-b", "self"] {
        assert_error_at(
            &run,
            &format!("{f}.toml"),
            "it is a link that cannot be followed",
            1,
            Some(1),
        );
    }
    assert_error_at(
        &run,
        "dangling.toml",
        "a link to a file that does not exist",
        1,
        Some(1),
    );
    assert!(
        run.stdout
            .contains("lessons/zero.toml:1:1: warning: skipped: this is not an ordinary file")
    );
    if has_fifo {
        assert!(
            run.stdout
                .contains("lessons/pipe.toml:1:1: warning: skipped: this is not an ordinary file")
        );
    }
    // The link to a real file is a (duplicate) module, as it should be.
    assert_error_at(
        &run,
        "link-to-real.toml",
        "module id \"base\" is also used by real.toml",
        1,
        Some(6),
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let site = Site::new();
    let path = site.write("secret.toml", base());
    site.write("other.toml", module("other", 1, &[]));
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    let run = if std::fs::read(&path).is_ok() {
        // Root (as in CI containers) reads any file whatever its mode. Run
        // the check as the unprivileged user `nobody` instead, if this
        // machine has `setpriv`; otherwise there is nothing to test with.
        let Ok(status) = Command::new("setpriv").arg("--version").output() else {
            eprintln!("skipped: running as root without setpriv; chmod 000 does not stop root");
            return;
        };
        assert!(status.status.success());
        for dir in [site.root.path(), &site.lessons()] {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let mut cmd = Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_kiosk"))
            .args(["check", "--lessons", "lessons"]);
        finish(cmd, site.root.path(), &["check (as nobody)"])
    } else {
        site.check()
    };
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert_error_at(&run, "secret.toml", "permission denied", 1, Some(1));
    assert!(
        run.stdout
            .ends_with("2 modules checked: 1 error, 0 warnings; not shown on the kiosk until fixed: secret.toml\n"),
        "the other module still loads: {}",
        run.stdout
    );
}

// ── The shipped curriculum ───────────────────────────────────────────────

fn texts(m: &Module) -> Vec<(String, &Text)> {
    let mut v = vec![
        ("title".to_string(), &m.title),
        ("summary".to_string(), &m.summary),
    ];
    for (i, s) in m.steps.iter().enumerate() {
        v.push((format!("step {}", i + 1), &s.text));
        for t in [&s.tip, &s.warning, &s.practice].into_iter().flatten() {
            v.push((format!("step {} callout", i + 1), t));
        }
    }
    for q in &m.quiz {
        v.push((format!("question {}", q.id), &q.prompt));
        v.push((format!("explanation {}", q.id), &q.explanation));
        for c in &q.choices {
            v.push((format!("choice of {}", q.id), c));
        }
    }
    v
}

#[test]
fn the_shipped_lessons_pass_the_check_and_have_english() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = kiosk(repo, &["--config", "kiosk.toml", "check"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        !run.stdout.contains(": error: ") && !run.stdout.contains(": lỗi: "),
        "{}",
        run.stdout
    );

    let cfg = kiosk::config::Config::load(&repo.join("kiosk.toml")).unwrap();
    let ids: Vec<String> = cfg.indicators.iter().map(|i| i.id.clone()).collect();
    let report = load_dir(&cfg.lessons_dir, &ids).unwrap();
    assert_eq!(report.errors(), 0);
    assert!(report.skipped.is_empty());
    assert_eq!(report.curriculum.modules.len(), report.files);
    for m in &report.curriculum.modules {
        for (what, t) in texts(m) {
            assert!(
                t.en.is_some(),
                "{}: {what} has no English",
                m.source.display()
            );
        }
    }
}

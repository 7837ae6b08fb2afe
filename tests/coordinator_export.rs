//! `kiosk export` run as the real binary on a temporary kiosk: each export
//! read back (CSV with the csv crate, XLSX with calamine) and compared with
//! the records; the byte-order mark, formula injection, typed cells, and
//! every kind of bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{Data, Reader, open_workbook_auto};
use kiosk::config::Config;
use kiosk::export::local_datetime;
use kiosk::export::xlsx::serial;
use kiosk::store::Store;
use kiosk::store::fixture::{self, FORMULA_NAME, at};

const TOML: &str = "language = \"en\"\nlessons = \"lessons\"\n[site]\nid = \"vh-a\"\nname = \"Nhà văn hóa tổ 3\"\n";

/// A kiosk folder with the small test site in its database.
fn kiosk() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("kiosk.toml"), TOML).unwrap();
    std::fs::create_dir(dir.path().join("lessons")).unwrap();
    std::fs::create_dir(dir.path().join("data")).unwrap();
    let cfg = Config::load(&dir.path().join("kiosk.toml")).unwrap();
    let store = Store::open(&cfg).unwrap();
    fixture::small_site_in(&store, "vh-a");
    dir
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kiosk"))
        .arg("--config")
        .arg(dir.join("kiosk.toml"))
        .args(args)
        .output()
        .unwrap()
}

fn export(dir: &Path, what: &str, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "export",
        what,
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    run(dir, &args)
}

fn ok(out: &Output) {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The CSV's records after the byte-order mark (which must be there).
fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "no byte-order mark");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[3..]);
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn time(ms: i64) -> String {
    local_datetime(ms)
        .unwrap()
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

#[test]
fn attendance_csv_reads_back_with_every_column() {
    let dir = kiosk();
    let out = dir.path().join("diem-danh.csv");
    let res = export(dir.path(), "attendance", &out, &[]);
    ok(&res);
    let rows = read_csv(&out);
    assert_eq!(
        rows[0],
        [
            "Ngày",
            "Chủ đề buổi học",
            "Mã người học",
            "Họ và tên",
            "Năm sinh",
            "Tổ dân phố",
            "Hộ gia đình",
            "Tình trạng",
            "Hoạt động đầu tiên",
            "Hoạt động cuối cùng",
            "Số phút học",
            "Bài đã học",
            "Nhà văn hóa"
        ]
    );
    assert_eq!(rows.len(), 5, "{rows:?}");
    // The formula-looking name is neutralised, so Excel shows it as text.
    assert_eq!(
        rows[1],
        [
            "2026-03-02",
            "VNeID mức 2",
            "vh-a-2",
            &format!("'{FORMULA_NAME}"),
            "1960",
            "3",
            "12 Ngõ 5",
            "Vắng",
            "",
            "",
            "0",
            "",
            "vh-a"
        ]
    );
    assert_eq!(
        rows[2],
        [
            "2026-03-02",
            "VNeID mức 2",
            "vh-a-1",
            "Nguyễn Thị Hằng",
            "1955",
            "3",
            "12 ngõ 5",
            "Đến muộn",
            &time(at(2026, 3, 2, 9, 0)),
            &time(at(2026, 3, 2, 9, 40)),
            "40",
            "vneid",
            "vh-a"
        ]
    );
    // The forgotten resident is there for the class count, but not by name.
    assert_eq!(rows[3][2], "vh-a-4");
    assert_eq!(rows[3][3], "(đã xóa theo yêu cầu)");
    assert_eq!(rows[3][4], "");
    assert_eq!(rows[3][6], "");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(!text.contains("Bí Mật") && !text.contains("9 phố Huế"));
    assert_eq!(rows[4][7], "Tự đăng nhập");
    assert_eq!(rows[4][1], "");
    assert_eq!(rows[4][10], "30");
    assert!(
        String::from_utf8_lossy(&res.stdout).contains("4 rows"),
        "{}",
        String::from_utf8_lossy(&res.stdout)
    );
}

#[test]
fn english_headers_and_group_filter() {
    let dir = kiosk();
    let out = dir.path().join("a.csv");
    ok(&export(
        dir.path(),
        "attendance",
        &out,
        &["--lang", "en", "--group", "4"],
    ));
    let rows = read_csv(&out);
    assert_eq!(rows[0][0], "Date");
    assert_eq!(rows[0][7], "Status");
    assert_eq!(rows.len(), 3);
    assert!(rows[1..].iter().all(|r| r[5] == "4"));
    assert_eq!(rows[1][7], "Present");
    assert_eq!(rows[2][7], "Self-signed-in");
}

fn sheet(path: &Path) -> (String, Vec<Vec<Data>>) {
    let mut book = open_workbook_auto(path).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    (name, range.rows().map(|r| r.to_vec()).collect())
}

fn s(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        other => panic!("expected text, got {other:?}"),
    }
}

fn num(d: &Data) -> f64 {
    match d {
        Data::Float(x) => *x,
        Data::Int(n) => *n as f64,
        other => panic!("expected a number, got {other:?}"),
    }
}

fn date(d: &Data) -> f64 {
    match d {
        Data::DateTime(x) => x.as_f64(),
        other => panic!("expected a date, got {other:?}"),
    }
}

#[test]
fn attendance_xlsx_has_typed_cells_and_text_never_a_formula() {
    let dir = kiosk();
    let out = dir.path().join("diem-danh.xlsx");
    ok(&export(dir.path(), "attendance", &out, &[]));
    let (name, rows) = sheet(&out);
    assert_eq!(name, "Điểm danh");
    assert_eq!(s(&rows[0][3]), "Họ và tên");
    assert_eq!(rows.len(), 5);
    // Text stays text, unchanged (XLSX stores it as a string, never a formula).
    assert_eq!(s(&rows[1][3]), FORMULA_NAME);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    assert_eq!(date(&rows[1][0]), serial(day));
    assert_eq!(num(&rows[1][4]), 1960.0);
    assert_eq!(num(&rows[1][5]), 3.0);
    // Zero minutes is the number 0, not a blank.
    assert_eq!(num(&rows[1][10]), 0.0);
    let first = local_datetime(at(2026, 3, 2, 9, 0)).unwrap();
    assert!((date(&rows[2][8]) - serial(first)).abs() < 1e-9);
    assert_eq!(num(&rows[2][10]), 40.0);
    assert_eq!(s(&rows[2][3]), "Nguyễn Thị Hằng");
    assert_eq!(s(&rows[3][3]), "(đã xóa theo yêu cầu)");
    assert_eq!(rows[3][4], Data::Empty);

    // The sheet itself: frozen header row and an autofilter.
    let xml = unzip_sheet(&out);
    assert!(xml.contains("state=\"frozen\""), "no frozen pane");
    assert!(xml.contains("<autoFilter ref=\"A1:M5\""), "no autofilter");
    assert!(!xml.contains("<f>"), "a cell was written as a formula");
}

/// The first worksheet's XML, to check what calamine does not report.
fn unzip_sheet(path: &Path) -> String {
    let out = Command::new("unzip")
        .arg("-p")
        .arg(path)
        .arg("xl/worksheets/sheet1.xml")
        .output()
        .expect("unzip is installed");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn progress_and_indicators_read_back() {
    let dir = kiosk();
    let out = dir.path().join("tien-do.xlsx");
    ok(&export(dir.path(), "progress", &out, &["--lang", "en"]));
    let (name, rows) = sheet(&out);
    assert_eq!(name, "Progress");
    assert_eq!(rows.len(), 3);
    assert_eq!(s(&rows[0][5]), "Module");
    assert_eq!(s(&rows[1][0]), "vh-a-1");
    assert_eq!(s(&rows[1][6]), "vneid");
    assert_eq!(num(&rows[1][7]), 3.0, "pages seen");
    assert_eq!(num(&rows[1][9]), 0.0, "no attempts is 0");
    assert_eq!(rows[1][10], Data::Empty, "no score yet is blank");
    assert_eq!(s(&rows[1][11]), "No");
    assert_eq!(s(&rows[2][6]), "scam");
    assert_eq!(num(&rows[2][9]), 2.0);
    assert_eq!(num(&rows[2][10]), 90.0);
    assert_eq!(s(&rows[2][11]), "Yes");
    let passed = local_datetime(at(2026, 3, 3, 10, 14)).unwrap();
    assert!((date(&rows[2][12]) - serial(passed)).abs() < 1e-9);

    let out = dir.path().join("chi-tieu.csv");
    ok(&export(dir.path(), "indicators", &out, &[]));
    let rows = read_csv(&out);
    assert_eq!(rows[0][0], "Tổ dân phố");
    assert_eq!(rows[0][3], "Có điện thoại thông minh: số hộ đạt");
    assert_eq!(rows[0][6], "Có tài khoản VNeID: số hộ đạt");
    // Group 3: two residents in one household; both reached VNeID, which
    // counts once: 1 of 1 households, 100%.
    assert_eq!(rows[1][..3], ["3", "2", "1"]);
    assert_eq!(rows[1][6..9], ["1", "100", "70"]);
    // Group 4: Đức's newest VNeID event says "not reached".
    assert_eq!(rows[2][..3], ["4", "1", "1"]);
    assert_eq!(rows[2][6], "0");
    assert_eq!(rows[2].last().unwrap(), "vh-a");
}

/// What is asked but changes nothing, or finds nothing, is said: `--from`
/// on indicators (a state at the end of `--to`) and a group nobody is in.
/// Both still write their file and exit 0.
#[test]
fn an_export_says_when_a_flag_changes_nothing_or_nothing_matches() {
    let dir = kiosk();
    let out = dir.path().join("chi-tieu.csv");
    let said = export(dir.path(), "indicators", &out, &[]);
    ok(&said);
    let err = String::from_utf8_lossy(&said.stderr);
    assert!(
        err.contains("--from 2026-03-01") && err.contains("--to"),
        "{err}"
    );
    assert_eq!(read_csv(&out).len(), 3);

    let said = run(
        dir.path(),
        &["export", "indicators", "--out", out.to_str().unwrap()],
    );
    ok(&said);
    assert_eq!(
        String::from_utf8_lossy(&said.stderr),
        "",
        "no --from, no note"
    );

    let out = dir.path().join("to-9.csv");
    let said = export(dir.path(), "attendance", &out, &["--group", "9"]);
    ok(&said);
    let err = String::from_utf8_lossy(&said.stderr);
    assert!(
        err.contains("no rows match") && err.contains("--group 9 --from 2026-03-01"),
        "{err}"
    );
    assert_eq!(read_csv(&out).len(), 1, "the header row only");
    let said = export(dir.path(), "attendance", &out, &["--group", "3"]);
    ok(&said);
    assert_eq!(String::from_utf8_lossy(&said.stderr), "");
}

fn code_and_line(out: &Output) -> (Option<i32>, String) {
    let err = String::from_utf8_lossy(&out.stderr).trim().to_string();
    (out.status.code(), err)
}

#[test]
fn bad_input_is_one_clear_line_and_exit_2() {
    let dir = kiosk();
    let d = dir.path();
    let good = d.join("a.csv");
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec!["--from".into(), "2026-02-30".into()],
            "\"2026-02-30\" is not a real date",
        ),
        (vec!["--to".into(), "2026-3-1".into()], "not a real date"),
        (
            vec![
                "--from".into(),
                "2026-03-10".into(),
                "--to".into(),
                "2026-03-01".into(),
            ],
            "before --from",
        ),
        (vec!["--format".into(), "pdf".into()], "unknown format"),
        (vec!["--lang".into(), "fr".into()], "--lang"),
        (
            vec!["--site".into(), "vh-zz".into()],
            "no records from that site",
        ),
    ];
    for (extra, expected) in cases {
        let mut args = vec!["export", "attendance", "--out", good.to_str().unwrap()];
        args.extend(extra.iter().map(String::as_str));
        let (code, err) = code_and_line(&run(d, &args));
        assert_eq!(code, Some(2), "{extra:?}: {err}");
        assert!(err.contains(expected), "{extra:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    let outs: Vec<(PathBuf, &str)> = vec![
        (d.join("no-such-folder/a.csv"), "does not exist"),
        (d.join("a.pdf"), "cannot tell the format"),
        (d.join("data"), "is a folder"),
        (
            PathBuf::from("/proc/kiosk-export.csv"),
            "cannot write in the folder",
        ),
    ];
    for (out, expected) in outs {
        let (code, err) = code_and_line(&run(
            d,
            &["export", "progress", "--out", out.to_str().unwrap()],
        ));
        assert_eq!(code, Some(2), "{out:?}: {err}");
        assert!(err.contains(expected), "{out:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    // A --format that contradicts the file name is refused; with a name
    // that says nothing (.txt), --format decides.
    let csv_named = d.join("z.csv");
    let (code, err) = code_and_line(&run(
        d,
        &[
            "export",
            "progress",
            "--format",
            "xlsx",
            "--out",
            csv_named.to_str().unwrap(),
        ],
    ));
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("does not match --format xlsx"), "{err}");
    assert!(!csv_named.exists());
    let txt = d.join("z.txt");
    ok(&run(
        d,
        &[
            "export",
            "progress",
            "--format",
            "csv",
            "--out",
            txt.to_str().unwrap(),
        ],
    ));
    assert!(std::fs::read(&txt).unwrap().starts_with(b"\xEF\xBB\xBF"));
    let (code, err) = code_and_line(&run(
        d,
        &["export", "attendance", "--out", "x.csv", "--colour", "red"],
    ));
    assert_eq!(code, Some(2), "unknown flag");
    // The help to type names the same settings file (its language).
    assert_eq!(
        err.trim_end(),
        format!(
            "kiosk: there is no option --colour. Type kiosk --config {} export attendance --help to see how to use it.",
            d.join("kiosk.toml").display()
        )
    );
}

#[test]
fn a_failed_export_leaves_the_good_file_alone() {
    let dir = kiosk();
    let d = dir.path();
    let out = d.join("a.csv");
    ok(&export(d, "attendance", &out, &[]));
    let before = std::fs::read(&out).unwrap();
    // Fails after the temporary file was made (the site is checked in the
    // database).
    let res = export(d, "attendance", &out, &["--site", "vh-zz"]);
    assert_eq!(res.status.code(), Some(2));
    assert_eq!(std::fs::read(&out).unwrap(), before);
    let leftovers: Vec<_> = std::fs::read_dir(d)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// A stick that fills up during an XLSX export (here: a file size limit,
/// which fails the write the same way, without mounting a small disk). The
/// XLSX writer panics on such a write; the coordinator saw a Rust panic
/// and "reading the database failed". Now: the same one line as a CSV
/// gets, naming the file, exit 1, the old file untouched, nothing left over.
#[cfg(unix)]
#[test]
fn a_full_disk_during_an_xlsx_export_is_one_line_and_the_old_file_stays() {
    let dir = kiosk();
    let d = dir.path();
    // Enough rows for a sheet of several megabytes: 60 residents signed
    // in on each of 100 days, without a class (self-signed-in rows).
    let cfg = Config::load(&d.join("kiosk.toml")).unwrap();
    let conn = rusqlite::Connection::open(&cfg.database).unwrap();
    conn.execute_batch("BEGIN").unwrap();
    let t0 = at(2026, 1, 1, 8, 0);
    for r in 0..60 {
        let id = format!("vh-a-{}", 100 + r);
        let name = format!("Nguyễn Văn Số {r}");
        fixture::resident(&conn, &id, &name, 1950, 5, "Số 1 Hàng Bún", t0);
        for day in 0..100i64 {
            let start = t0 + day * 86_400_000 + r * 60_000;
            let seat = format!("vh-a/big-{r}-{day}");
            fixture::seat(&conn, &seat, "vh-a", &id, start, start + 1_800_000);
        }
    }
    conn.execute_batch("COMMIT").unwrap();
    drop(conn);

    let out = d.join("phuong.xlsx");
    std::fs::write(&out, b"last month's export").unwrap();
    // 2048 blocks (1 or 2 MB): room for the database's shared memory file,
    // not for the sheet. SIGXFSZ ignored, so the write fails instead of
    // killing the process, as a full disk does.
    let script =
        "trap '' XFSZ; ulimit -f 2048; exec \"$0\" --config \"$1\" export attendance --out \"$2\"";
    let res = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_kiosk"))
        .arg(d.join("kiosk.toml"))
        .arg(&out)
        .env_remove("RUST_BACKTRACE")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&res.stderr).trim().to_string();
    assert_eq!(res.status.code(), Some(1), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!("kiosk: writing {} failed: ", out.display())),
        "{err}"
    );
    assert!(
        !err.contains("panicked") && !err.contains("reading"),
        "{err}"
    );
    assert_eq!(std::fs::read(&out).unwrap(), b"last month's export");
    let leftovers: Vec<_> = std::fs::read_dir(d)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

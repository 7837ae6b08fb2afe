//! `kiosk residents ...` run as a volunteer would: the real binary on a
//! fresh folder with its own kiosk.toml. The commands speak Vietnamese by
//! default; the tests that read English set `language = "en"`.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use unicode_normalization::UnicodeNormalization;

struct Site {
    dir: tempfile::TempDir,
}

impl Site {
    /// A kiosk.toml that names no language (so Vietnamese).
    fn new() -> Site {
        Site::with_settings("")
    }

    /// A kiosk.toml with `language = "en"`.
    fn english() -> Site {
        Site::with_settings("language = \"en\"\n")
    }

    fn with_settings(top: &str) -> Site {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("kiosk.toml"),
            format!("{top}[site]\nid = \"vh-phuc-xa\"\nname = \"Nhà văn hóa Phúc Xá\"\n"),
        )
        .unwrap();
        Site { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn kiosk(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_kiosk"))
            .args(args)
            .current_dir(self.dir.path())
            .env_remove("KIOSK_SEAT")
            .output()
            .unwrap()
    }

    /// Runs with `input` on standard input, as if typed.
    fn answering(&self, args: &[&str], input: &str) -> Output {
        common::output_typing(
            Command::new(env!("CARGO_BIN_EXE_kiosk"))
                .args(args)
                .current_dir(self.dir.path())
                .env_remove("KIOSK_SEAT"),
            input,
        )
    }

    /// Runs and expects success; returns stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.kiosk(args);
        assert!(
            out.status.success(),
            "kiosk {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn json(&self, args: &[&str]) -> Vec<serde_json::Value> {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    /// `residents add`; returns what it printed.
    fn add_said(&self, name: &str, group: &str, year: &str) -> String {
        self.ok(&[
            "residents",
            "add",
            "--name",
            name,
            "--group",
            group,
            "--birth-year",
            year,
        ])
    }

    /// `residents add`; returns the new id.
    fn add(&self, name: &str, group: &str, year: &str) -> String {
        let out = self.add_said(name, group, year);
        // "Added vh-phuc-xa-1: ..." or "Đã thêm vh-phuc-xa-1: ..."
        out.split_whitespace()
            .find(|w| w.starts_with("vh-phuc-xa-"))
            .unwrap_or_else(|| panic!("no id in {out}"))
            .trim_end_matches(':')
            .to_string()
    }
}

fn names(list: &[serde_json::Value]) -> Vec<&str> {
    list.iter()
        .map(|r| r["full_name"].as_str().unwrap())
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn add_then_find_without_diacritics_and_list_by_group() {
    let site = Site::english();
    let hang = site.add("Nguyễn Thị Hằng", "3", "1948");
    assert_eq!(hang, "vh-phuc-xa-1");
    site.add("Đặng Văn Lâm", "1", "1952");
    let nfd: String = "Nguyễn Thị Hằng".nfd().collect();
    site.add(&nfd, "5", "1961"); // a namesake, typed decomposed

    let found = site.json(&["residents", "find", "nguyen thi hang", "--json"]);
    assert_eq!(names(&found), ["Nguyễn Thị Hằng", "Nguyễn Thị Hằng"]);
    let groups: Vec<i64> = found
        .iter()
        .map(|r| r["group_no"].as_i64().unwrap())
        .collect();
    assert_eq!(groups, [3, 5]);
    assert_eq!(
        names(&site.json(&["residents", "find", "dang", "--json"])),
        ["Đặng Văn Lâm"]
    );

    // The table shows group and birth year, so namesakes can be told apart.
    let table = site.ok(&["residents", "find", "hang"]);
    assert!(table.lines().next().unwrap().contains("Group"), "{table}");
    assert!(table.contains("1948") && table.contains("1961"), "{table}");

    assert_eq!(
        names(&site.json(&["residents", "list", "--group", "1", "--json"])),
        ["Đặng Văn Lâm"]
    );
    let all = site.ok(&["residents", "list"]);
    assert!(all.contains("3 residents"), "{all}");
    let none = site.ok(&["residents", "find", "xuan"]);
    assert!(none.contains("Nobody"), "{none}");
    assert_eq!(site.json(&["residents", "find", "xuan", "--json"]).len(), 0);
    // The database is where kiosk.toml says.
    assert!(site.path("data/kiosk.db").exists());
}

#[test]
fn bad_values_are_refused_in_one_line_with_exit_2() {
    let site = Site::english();
    for (args, word) in [
        (
            vec!["--name", "  ", "--group", "1", "--birth-year", "1950"],
            "name",
        ),
        (
            vec![
                "--name",
                "Bà Tư",
                "--group",
                "1",
                "--birth-year",
                "99999999999",
            ],
            "birth year",
        ),
        (
            vec!["--name", "Bà Tư", "--group", "0", "--birth-year", "1950"],
            "group",
        ),
        (
            vec!["--name", "Bà Tư", "--group", "1", "--birth-year", "1850"],
            "birth year",
        ),
        (
            vec!["--name", "Bà Tư", "--group", "1", "--birth-year", "3000"],
            "birth year",
        ),
    ] {
        let mut full = vec!["residents", "add"];
        full.extend(args);
        let out = site.kiosk(&full);
        assert_eq!(out.status.code(), Some(2), "{full:?}");
        let err = stderr(&out);
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(err.contains(word), "{err}");
    }
    assert!(site.json(&["residents", "list", "--json"]).is_empty());
    let out = site.kiosk(&["--config", "missing.toml", "residents", "list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("missing.toml"));
}

#[test]
fn import_reports_every_bad_row_and_imports_none_unless_asked() {
    let site = Site::english();
    let roster = "\u{feff}STT,Họ và tên,Năm sinh,Tổ,Địa chỉ,Số điện thoại\n\
                  1,Nguyễn Thị Hằng,1948,3,Số 5 ngõ 12,0912345678\n\
                  2,Trần Văn Bốn,19x0,2,,\n\
                  3,Lê Thị Mai,1955,2,8 Hàng Bạc,\n\
                  4,,1950,1,,\n\
                  5,Phạm Văn Sáu,1950,không,,\n";
    std::fs::write(site.path("roster.csv"), roster).unwrap();
    let out = site.kiosk(&["residents", "import", "roster.csv"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for line in ["line 3", "line 5", "line 6"] {
        assert!(
            err.contains(&format!("roster.csv: {line}:")),
            "{line} missing in {err}"
        );
    }
    assert!(
        !err.contains("line 2:") && !err.contains("line 4:"),
        "{err}"
    );
    assert!(err.contains("nothing was imported"), "{err}");
    assert!(
        site.json(&["residents", "list", "--json"]).is_empty(),
        "nothing imported"
    );

    let out = site.ok(&["residents", "import", "roster.csv", "--skip-bad"]);
    assert!(out.contains("Imported 2 residents"), "{out}");
    let list = site.json(&["residents", "list", "--json"]);
    assert_eq!(names(&list), ["Lê Thị Mai", "Nguyễn Thị Hằng"]);
    assert_eq!(list[1]["phone"], "0912345678");
    assert_eq!(list[0]["household"], "8 Hàng Bạc");

    // Importing the same roster again adds nobody twice.
    let again = site.ok(&["residents", "import", "roster.csv", "--skip-bad"]);
    assert!(
        again.contains("Imported 0 residents") && again.contains("already registered: 2"),
        "{again}"
    );
    assert_eq!(site.json(&["residents", "list", "--json"]).len(), 2);

    let out = site.kiosk(&["residents", "import", "nope.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nope.csv"));
}

#[test]
fn forget_erases_and_hides_a_resident() {
    let site = Site::english();
    let id = site.add("Vũ Thị Lan", "4", "1951");
    site.add("Vũ Văn Lân", "4", "1950");
    // Nobody to answer (a script without --yes): refused, kept.
    let out = site.kiosk(&["residents", "forget", &id]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("add --yes"), "{}", stderr(&out));
    // The question names who it is; any answer but yes keeps them.
    let out = site.answering(&["residents", "forget", &id], "no\n");
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("Vũ Thị Lan (group 4, born 1951"), "{said}");
    assert!(said.contains("Nothing was erased"), "{said}");
    assert_eq!(site.json(&["residents", "list", "--json"]).len(), 2);
    let out = site.answering(&["residents", "forget", &id], "yes\n");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Erased"));
    assert_eq!(
        names(&site.json(&["residents", "find", "vu", "--json"])),
        ["Vũ Văn Lân"]
    );
    assert_eq!(site.json(&["residents", "list", "--json"]).len(), 1);
    let out = site.kiosk(&["residents", "forget", "vh-phuc-xa-99"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("\"vh-phuc-xa-99\""));
}

fn bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

#[test]
fn a_database_that_is_not_the_kiosks_is_refused_and_left_alone() {
    let site = Site::english();
    std::fs::create_dir_all(site.path("data/backups")).unwrap();
    std::fs::write(
        site.path("data/kiosk.db"),
        "this is a spreadsheet, not a database",
    )
    .unwrap();
    std::fs::write(site.path("data/backups/kiosk-2026-11-28-2300.db"), b"x").unwrap();
    let before = bytes(&site.path("data/kiosk.db"));
    let out = site.kiosk(&["residents", "list"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("kiosk.db") && err.contains("not a kiosk database"),
        "{err}"
    );
    assert!(
        err.contains("kiosk-2026-11-28-2300.db"),
        "names the newest backup: {err}"
    );
    assert_eq!(bytes(&site.path("data/kiosk.db")), before);
}

/// Every message of `kiosk residents`, in Vietnamese when kiosk.toml names
/// no language: what a volunteer reads, with the ids, lines and fields
/// still named.
#[test]
fn residents_speaks_vietnamese_by_default() {
    let site = Site::new();
    let out = site.add_said("Nguyễn Thị Hằng", "3", "1948");
    assert!(
        out.starts_with("Đã thêm vh-phuc-xa-1: Nguyễn Thị Hằng (tổ 3, sinh năm 1948)."),
        "{out}"
    );
    let twin = site.add_said("nguyễn thị hằng", "3", "1948");
    assert!(
        twin.contains("Lưu ý: vh-phuc-xa-1")
            && twin.contains("kiosk residents forget vh-phuc-xa-2"),
        "{twin}"
    );

    let table = site.ok(&["residents", "list"]);
    let header = table.lines().next().unwrap();
    for column in ["Mã", "Họ và tên", "Tổ", "Năm sinh", "Địa chỉ", "Điện thoại"] {
        assert!(header.contains(column), "{column} missing in {header}");
    }
    assert!(table.trim_end().ends_with("2 người"), "{table}");
    assert_eq!(
        site.ok(&["residents", "list", "--group", "9"]).trim(),
        "Tổ 9 chưa có ai."
    );
    assert!(
        site.ok(&["residents", "find", "xuan"])
            .contains("Không có ai tên có chữ “xuan”."),
    );
    // JSON stays as it was: field names and ids are for programs.
    let json = site.json(&["residents", "find", "hang", "--json"]);
    assert_eq!(json[0]["id"], "vh-phuc-xa-1");
    assert_eq!(json[0]["group_no"], 3);

    for (group, year, said) in [
        (
            "0",
            "1950",
            "kiosk: --group <SỐ> cần số tổ dân phố, từ 1 trở lên, không phải \"0\"",
        ),
        (
            "1",
            "1850",
            "kiosk: --birth-year: năm sinh 1850 phải từ 1900 đến",
        ),
    ] {
        let out = site.kiosk(&[
            "residents",
            "add",
            "--name",
            "Bà Tư",
            "--group",
            group,
            "--birth-year",
            year,
        ]);
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).starts_with(said), "{}", stderr(&out));
    }

    std::fs::write(
        site.path("roster.csv"),
        "Họ và tên,Năm sinh,Tổ,Ghi chú\n\
         Lê Thị Mai,1955,2,\n\
         Trần Văn Bốn,19x0,2,\n\
         Phạm Văn Sáu,1950,0,\n",
    )
    .unwrap();
    let out = site.kiosk(&["residents", "import", "roster.csv"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("roster.csv: dòng 3: năm sinh “19x0” không phải là một năm, ví dụ 1952"),
        "{err}"
    );
    assert!(
        err.contains("roster.csv: dòng 4: tổ 0 không có: số tổ từ 1 trở lên"),
        "{err}"
    );
    assert!(err.contains("roster.csv: bỏ qua các cột: Ghi chú"), "{err}");
    assert!(
        err.contains("kiosk: chưa nhập ai cả: 2 trong 3 dòng có lỗi"),
        "{err}"
    );
    let out = site.ok(&["residents", "import", "roster.csv", "--skip-bad"]);
    assert_eq!(
        out.trim(),
        "Đã nhập 1 người từ roster.csv; bỏ qua 2 dòng có lỗi."
    );
    std::fs::write(site.path("empty.csv"), "").unwrap();
    let out = site.kiosk(&["residents", "import", "empty.csv"]);
    assert!(
        stderr(&out).contains("empty.csv: dòng 1: tệp trống"),
        "{}",
        stderr(&out)
    );

    // "có" (or "co", accents optional) erases.
    let out = site.answering(&["residents", "forget", "vh-phuc-xa-2"], "co\n");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("\nĐã xóa vh-phuc-xa-2:"), "{said}");
    let out = site.ok(&["residents", "forget", "vh-phuc-xa-2", "--yes"]);
    assert_eq!(out.trim(), "vh-phuc-xa-2 đã được xóa từ trước.");
    let out = site.kiosk(&["residents", "forget", "vh-phuc-xa-99"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).trim(),
        "kiosk: không có người dân nào mã \"vh-phuc-xa-99\" (xem mã bằng lệnh kiosk residents find TÊN)"
    );
}

#[test]
fn a_refused_database_is_explained_in_vietnamese() {
    let site = Site::new();
    std::fs::create_dir_all(site.path("data/backups")).unwrap();
    std::fs::write(
        site.path("data/kiosk.db"),
        "đây là bảng tính, không phải dữ liệu",
    )
    .unwrap();
    std::fs::write(site.path("data/backups/kiosk-2026-11-28-2300.db"), b"x").unwrap();
    let out = site.kiosk(&["residents", "list"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("kiosk.db không phải dữ liệu của kiosk (đây không phải tệp SQLite)")
            && err.contains("Chưa thay đổi gì"),
        "{err}"
    );
    assert!(
        err.contains("bản sao lưu mới nhất: ") && err.contains("kiosk-2026-11-28-2300.db"),
        "{err}"
    );
}

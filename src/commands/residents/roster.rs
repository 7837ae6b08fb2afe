//! Reading a ward roster (CSV) into residents, with every bad row reported
//! by its line number. Pure: no database here, so it is tested on its own.
//!
//! Columns are found by their header, in English or Vietnamese, with or
//! without accents ("Họ và tên", "ho ten", "name"): rosters come from many
//! hands. Columns the kiosk does not know (a row number "STT", "Ghi chú")
//! are ignored and named in the report, so a misspelt header is noticed.
//! Excel in a Vietnamese locale saves with `;`, which is detected.

use crate::i18n::{Texts, fill};
use crate::store::{NewResident, residents::validate};
use crate::text::{fold, nfc};

/// What a roster file holds.
#[derive(Debug, Default)]
pub struct Roster {
    /// Good rows with their line numbers.
    pub rows: Vec<(u64, NewResident)>,
    /// "line N: reason" (in the configured language), one per bad row.
    pub problems: Vec<String>,
    /// Header names that are not a column the kiosk reads.
    pub ignored_columns: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Name,
    BirthYear,
    Group,
    Household,
    Phone,
}

impl Field {
    fn label(self, t: &Texts) -> &'static str {
        match self {
            Field::Name => t.ros_field_name,
            Field::BirthYear => t.ros_field_birth_year,
            Field::Group => t.ros_field_group,
            Field::Household => t.ros_field_household,
            Field::Phone => t.ros_field_phone,
        }
    }
}

/// "line N: problem" in the configured language.
fn at_line(t: &Texts, line: impl std::fmt::Display, problem: &str) -> String {
    fill(t.ros_line, &[("line", &line), ("problem", &problem)])
}

/// Header spellings, folded (no accents, lowercase, `_`/`-` as spaces).
const HEADERS: &[(Field, &[&str])] = &[
    (
        Field::Name,
        &[
            "name",
            "full name",
            "ho ten",
            "ho va ten",
            "ten",
            "ho ten nguoi dan",
        ],
    ),
    (
        Field::BirthYear,
        &[
            "birth year",
            "year of birth",
            "born",
            "nam sinh",
            "sinh nam",
        ],
    ),
    (
        Field::Group,
        &[
            "group",
            "group no",
            "residential group",
            "to",
            "to dan pho",
            "to dp",
            "so to",
        ],
    ),
    (
        Field::Household,
        &[
            "household",
            "address",
            "dia chi",
            "so nha",
            "ho gia dinh",
            "noi o",
        ],
    ),
    (
        Field::Phone,
        &[
            "phone",
            "telephone",
            "mobile",
            "so dien thoai",
            "dien thoai",
            "sdt",
            "dt",
        ],
    ),
];

fn field_of(header: &str) -> Option<Field> {
    let key = fold(&header.replace(['_', '-', '.'], " "));
    HEADERS
        .iter()
        .find(|(_, names)| names.contains(&key.as_str()))
        .map(|(f, _)| *f)
}

/// The roster in `bytes`, or why the whole file cannot be read (as opposed
/// to a bad row), in the language of `t`.
pub fn parse(bytes: &[u8], t: &Texts) -> Result<Roster, String> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        at_line(t, line, t.ros_not_utf8)
    })?;
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first_line.matches(*d as char).count())
        .filter(|d| first_line.contains(*d as char))
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| at_line(t, 1, &e.to_string()))?
        .clone();
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(at_line(t, 1, t.ros_empty));
    }
    let mut columns: Vec<Option<Field>> = Vec::new();
    let mut roster = Roster::default();
    for header in headers.iter() {
        let field = field_of(header);
        if let Some(f) = field {
            if columns.contains(&Some(f)) {
                let problem = fill(
                    t.ros_two_columns,
                    &[("field", &f.label(t)), ("header", &header.trim())],
                );
                return Err(at_line(t, 1, &problem));
            }
        } else if !header.trim().is_empty() {
            roster.ignored_columns.push(nfc(header.trim()));
        }
        columns.push(field);
    }
    let missing: Vec<&str> = [Field::Name, Field::BirthYear, Field::Group]
        .into_iter()
        .filter(|f| !columns.contains(&Some(*f)))
        .map(|f| f.label(t))
        .collect();
    if !missing.is_empty() {
        let problem = fill(t.ros_missing, &[("fields", &missing.join(", "))]);
        return Err(at_line(t, 1, &problem));
    }
    let mut seen: Vec<(String, i32, i64, u64)> = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| line_at(text, p.byte())).unwrap_or(0);
                roster.problems.push(at_line(t, line, &e.to_string()));
                continue;
            }
        };
        let line = record
            .position()
            .map(|p| line_at(text, p.byte()))
            .unwrap_or(0);
        if record.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        if record.len() > columns.len() {
            let problem = fill(
                t.ros_too_many,
                &[("values", &record.len()), ("columns", &columns.len())],
            );
            roster.problems.push(at_line(t, line, &problem));
            continue;
        }
        match row(&columns, &record, t) {
            Ok(r) => {
                let key = fold(&r.full_name);
                if let Some(first) = seen
                    .iter()
                    .find(|(k, y, g, _)| *k == key && *y == r.birth_year && *g == r.group_no)
                {
                    let problem = fill(t.ros_same_as, &[("first", &first.3)]);
                    roster.problems.push(at_line(t, line, &problem));
                    continue;
                }
                seen.push((key, r.birth_year, r.group_no, line));
                roster.rows.push((line, r));
            }
            Err(reason) => roster.problems.push(at_line(t, line, &reason)),
        }
    }
    Ok(roster)
}

/// The 1-based line where the record at byte `at` starts. The csv crate's
/// own line count skips blank lines, and its position points at the line
/// ends it skipped before the record; both would name the wrong line.
fn line_at(text: &str, at: u64) -> u64 {
    let bytes = text.as_bytes();
    let mut at = (at as usize).min(bytes.len());
    while at < bytes.len() && matches!(bytes[at], b'\r' | b'\n') {
        at += 1;
    }
    bytes[..at].iter().filter(|&&b| b == b'\n').count() as u64 + 1
}

/// One row into a resident, or the reason it is bad.
fn row(
    columns: &[Option<Field>],
    record: &csv::StringRecord,
    t: &Texts,
) -> Result<NewResident, String> {
    let get = |f: Field| -> String {
        columns
            .iter()
            .position(|c| *c == Some(f))
            .and_then(|i| record.get(i))
            .map(|v| nfc(v.trim()))
            .unwrap_or_default()
    };
    let name = get(Field::Name);
    if name.is_empty() {
        return Err(t.res_bad_name_empty.into());
    }
    let year_text = get(Field::BirthYear);
    let birth_year: i32 = year_text.parse().map_err(|_| {
        if year_text.is_empty() {
            t.res_bad_year_empty.to_string()
        } else {
            fill(t.res_bad_year_text, &[("value", &year_text)])
        }
    })?;
    let group_text = get(Field::Group);
    // "Tổ 3" and "3" both mean group 3.
    let digits = fold(&group_text);
    let digits = digits.strip_prefix("to").map(str::trim).unwrap_or(&digits);
    let group_no: i64 = digits.parse().map_err(|_| {
        if group_text.is_empty() {
            t.res_bad_group_empty.to_string()
        } else {
            fill(t.res_bad_group_text, &[("value", &group_text)])
        }
    })?;
    let phone = get(Field::Phone);
    let r = NewResident {
        full_name: name,
        birth_year,
        group_no,
        household: get(Field::Household),
        phone: (!phone.is_empty()).then_some(phone),
        consent_version: None,
    };
    validate(&r).map_err(|e| match super::refusal(&e, &r, t) {
        Some((_, why)) => why,
        None => e.to_string(),
    })?;
    Ok(r)
}

#[cfg(test)]
mod tests {
    use unicode_normalization::UnicodeNormalization;

    use super::*;
    use crate::i18n::{EN, VI};

    #[test]
    fn reads_english_headers_and_reports_every_bad_row_with_its_line() {
        let text = "name,birth_year,group,household,phone\n\
                    Nguyễn Thị Hằng,1948,3,Số 5 ngõ 12,0912345678\n\
                    ,1950,1,,\n\
                    Đặng Văn Lâm,19x2,1,,\n\
                    \n\
                    Lê Thị Mai,1955,0,,\n\
                    Trần Văn Bốn,1800,2,,\n\
                    Hồ Văn Năm,1951,2,,09-ab\n\
                    Ngô Thị Sáu,1952,2,a,b,c\n\
                    Phan Văn Bảy,1953,,,\n\
                    nguyen thi hang,1948,3,,\n";
        let r = parse(text.as_bytes(), &EN).unwrap();
        assert_eq!(r.rows.len(), 1);
        assert_eq!(r.rows[0].0, 2);
        assert_eq!(r.rows[0].1.full_name, "Nguyễn Thị Hằng");
        assert_eq!(r.rows[0].1.phone.as_deref(), Some("0912345678"));
        let lines: Vec<&str> = r
            .problems
            .iter()
            .map(|p| p.split(':').next().unwrap())
            .collect();
        assert_eq!(
            lines,
            [
                "line 3", "line 4", "line 6", "line 7", "line 8", "line 9", "line 10", "line 11"
            ]
        );
        assert!(r.problems[0].contains("name is empty"), "{:?}", r.problems);
        assert!(r.problems[1].contains("19x2"));
        assert!(r.problems[2].contains("group"));
        assert!(r.problems[3].contains("1800"));
        assert!(r.problems[4].contains("phone"));
        assert!(r.problems[5].contains("6 values"));
        assert!(r.problems[6].contains("group is empty"));
        assert!(r.problems[7].contains("same name, birth year and group as line 2"));
    }

    #[test]
    fn reads_vietnamese_headers_bom_semicolons_and_nfd() {
        let header: String = "STT;Họ và tên;Năm sinh;Tổ dân phố;Địa chỉ;Số điện thoại;Ghi chú"
            .nfd()
            .collect();
        let name: String = "Phạm Thị Ngọc Ánh".nfd().collect();
        let text = format!("\u{feff}{header}\r\n1;{name};1960;Tổ 4;12 Hàng Bạc;;\r\n");
        let r = parse(text.as_bytes(), &EN).unwrap();
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert_eq!(r.ignored_columns, ["STT", "Ghi chú"]);
        let (line, p) = &r.rows[0];
        assert_eq!(*line, 2);
        assert_eq!(p.full_name, "Phạm Thị Ngọc Ánh".nfc().collect::<String>());
        assert_eq!((p.birth_year, p.group_no), (1960, 4));
        assert_eq!(p.household, "12 Hàng Bạc");
        assert_eq!(p.phone, None);
    }

    #[test]
    fn refuses_files_it_cannot_read_at_all() {
        let err = parse(b"name,group\nBa,1\n", &EN).unwrap_err();
        assert!(err.contains("birth_year"), "{err}");
        let err = parse(b"", &EN).unwrap_err();
        assert!(err.contains("empty"), "{err}");
        let err = parse(b"name,birth_year,group\nNguy\xe1n,1950,1\n", &EN).unwrap_err();
        assert!(err.contains("line 2") && err.contains("UTF-8"), "{err}");
        let err = parse("name,Họ tên,birth_year,group\n".as_bytes(), &EN).unwrap_err();
        assert!(err.contains("two columns"), "{err}");
    }

    #[test]
    fn problems_are_told_in_the_language_asked_for() {
        let text = "Họ và tên,Năm sinh,Tổ\n,1950,1\nBà Tư,1950,Tổ x\n";
        let r = parse(text.as_bytes(), &VI).unwrap();
        assert_eq!(
            r.problems,
            [
                "dòng 2: chưa có họ tên",
                "dòng 3: tổ “Tổ x” không phải số tổ, ví dụ 3"
            ]
        );
        let err = parse(b"ten,to\n", &VI).unwrap_err();
        assert!(err.starts_with("dòng 1: thiếu cột năm sinh ("), "{err}");
    }
}

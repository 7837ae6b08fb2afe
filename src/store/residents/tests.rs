use unicode_normalization::UnicodeNormalization;

use super::*;
use crate::store::Store;

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_path(&dir.path().join("kiosk.db"), "vh-test", "1", None).unwrap();
    (dir, store)
}

fn person(name: &str, year: i32, group: i64) -> NewResident {
    NewResident {
        full_name: name.to_string(),
        birth_year: year,
        group_no: group,
        household: format!("Số {group} ngõ 5"),
        phone: None,
        consent_version: None,
    }
}

fn names(found: &[Resident]) -> Vec<&str> {
    found.iter().map(|r| r.full_name.as_str()).collect()
}

#[test]
fn adds_with_site_numbered_ids_and_nfc_names() {
    let (_d, s) = store();
    let nfd: String = "Nguyễn Thị Hằng".nfd().collect();
    let a = s
        .add_resident(&person(&format!("  {nfd}  "), 1948, 3))
        .unwrap();
    let b = s.add_resident(&person("Đặng Văn Lâm", 1952, 1)).unwrap();
    assert_eq!(a.id, "vh-test-1");
    assert_eq!(b.id, "vh-test-2");
    assert_eq!(a.full_name, "Nguyễn Thị Hằng");
    let stored = s.resident("vh-test-1").unwrap().unwrap();
    assert_eq!(stored, a);
    assert_eq!(
        stored.full_name,
        "Nguyễn Thị Hằng".nfc().collect::<String>()
    );
    assert!(s.resident("vh-test-9").unwrap().is_none());
}

#[test]
fn refuses_implausible_fields() {
    let (_d, s) = store();
    let this_year = chrono::Local::now().year();
    for (r, field) in [
        (person("   ", 1950, 1), "name"),
        (person("Bà Tư", 1899, 1), "birth year"),
        (person("Bà Tư", this_year + 1, 1), "birth year"),
        (person("Bà Tư", 1950, 0), "group"),
        (
            NewResident {
                phone: Some("09x12".into()),
                ..person("Bà Tư", 1950, 1)
            },
            "phone",
        ),
    ] {
        match s.add_resident(&r) {
            Err(StoreError::Invalid { field: f, .. }) => assert_eq!(f, field),
            other => panic!("{r:?} gave {other:?}"),
        }
    }
    assert!(s.add_resident(&person("Bà Tư", 1900, 1)).is_ok());
    assert!(s.add_resident(&person("Cháu Út", this_year, 1)).is_ok());
    assert_eq!(s.list_residents(None).unwrap().len(), 2);
}

#[test]
fn finds_without_diacritics_in_any_part_and_any_normal_form() {
    let (_d, s) = store();
    s.add_resident(&person("Nguyễn Thị Hằng", 1948, 3)).unwrap();
    s.add_resident(&person("Đặng Văn Lâm", 1952, 1)).unwrap();
    let nfd_name: String = "Phạm Thị Ngọc Ánh".nfd().collect();
    s.add_resident(&person(&nfd_name, 1960, 2)).unwrap();

    assert_eq!(
        names(&s.find_residents("nguyen thi hang", 10).unwrap()),
        ["Nguyễn Thị Hằng"]
    );
    assert_eq!(
        names(&s.find_residents("NGUYEN   thi HANG ", 10).unwrap()),
        ["Nguyễn Thị Hằng"]
    );
    assert_eq!(
        names(&s.find_residents("hang", 10).unwrap()),
        ["Nguyễn Thị Hằng"]
    );
    assert_eq!(
        names(&s.find_residents("dang", 10).unwrap()),
        ["Đặng Văn Lâm"]
    );
    assert_eq!(
        names(&s.find_residents("Đặng", 10).unwrap()),
        ["Đặng Văn Lâm"]
    );
    // A query typed decomposed finds a name stored composed, and the other way.
    let nfd_query: String = "Hằng".nfd().collect();
    assert_eq!(
        names(&s.find_residents(&nfd_query, 10).unwrap()),
        ["Nguyễn Thị Hằng"]
    );
    assert_eq!(
        names(&s.find_residents("Ngọc Ánh", 10).unwrap()),
        ["Phạm Thị Ngọc Ánh"]
    );
    // Words in another order still match.
    assert_eq!(
        names(&s.find_residents("hang nguyen", 10).unwrap()),
        ["Nguyễn Thị Hằng"]
    );
    assert!(s.find_residents("", 10).unwrap().is_empty());
    assert!(s.find_residents("   ", 10).unwrap().is_empty());
    assert!(s.find_residents("xuan", 10).unwrap().is_empty());
}

#[test]
fn ranks_exact_then_word_prefix_then_inside_ties_by_name() {
    let (_d, s) = store();
    for (name, year) in [
        ("Trần Văn Thắng", 1950), // "hang" inside a word
        ("Lê Thị Hằng", 1955),    // a word is "hang"
        ("Hằng", 1970),           // the whole name
        ("Hàng Thị Mai", 1961),   // a word starts with "hang"
        ("Nguyễn Thị Hằng", 1948),
        ("Nguyễn Thị Hằng", 1962), // namesake: told apart by year and group
        ("Phạm Văn Khang", 1949),
    ] {
        s.add_resident(&person(name, year, 1)).unwrap();
    }
    let found = s.find_residents("hang", 20).unwrap();
    assert_eq!(
        names(&found),
        [
            "Hằng",
            "Hàng Thị Mai",
            "Lê Thị Hằng",
            "Nguyễn Thị Hằng",
            "Nguyễn Thị Hằng",
            "Phạm Văn Khang",
            "Trần Văn Thắng",
        ]
    );
    let years: Vec<_> = found[3..5].iter().map(|r| r.birth_year.unwrap()).collect();
    assert!(years.contains(&1948) && years.contains(&1962));
    // The limit keeps the best.
    assert_eq!(
        names(&s.find_residents("hang", 2).unwrap()),
        ["Hằng", "Hàng Thị Mai"]
    );
}

/// The letters folding tables miss: each vowel with a hat, horn or breve and
/// a tone mark, plus đ, stored and typed in both normal forms.
#[test]
fn search_folds_every_vietnamese_vowel_with_both_marks() {
    let (_d, s) = store();
    let groups = [
        ("ắằẳẵặ", "a"),
        ("ấầẩẫậ", "a"),
        ("ếềểễệ", "e"),
        ("ốồổỗộ", "o"),
        ("ớờởỡợ", "o"),
        ("ứừửữự", "u"),
    ];
    let mut n = 0;
    for (letters, plain) in groups {
        for ch in letters.chars() {
            for upper in [false, true] {
                let c = if upper {
                    ch.to_uppercase().next().unwrap()
                } else {
                    ch
                };
                n += 1;
                // A unique made-up name per letter ("x1y" is not inside "x11y").
                let name = format!("Đ{c}m Thử x{n}y");
                let stored: String = if n % 2 == 0 {
                    name.nfd().collect()
                } else {
                    name.clone()
                };
                s.add_resident(&person(&stored, 1950, 1)).unwrap();
                let query = format!("d{plain}m thu x{n}y");
                let found = s.find_residents(&query, 5).unwrap();
                assert_eq!(
                    names(&found),
                    [name.nfc().collect::<String>()],
                    "query {query}"
                );
                // The name itself, typed decomposed, finds it too.
                let nfd_query: String = name.nfd().collect();
                assert_eq!(
                    s.find_residents(&nfd_query, 5).unwrap().len(),
                    1,
                    "NFD {name}"
                );
            }
        }
    }
}

#[test]
fn forgetting_erases_personal_fields_and_hides_the_resident() {
    let (_d, s) = store();
    let a = s
        .add_resident(&NewResident {
            phone: Some("0912 345 678".into()),
            consent_version: Some("2026-01".into()),
            ..person("Vũ Thị Lan", 1951, 4)
        })
        .unwrap();
    assert!(a.consent_at.is_some());
    let b = s.add_resident(&person("Vũ Văn Lân", 1950, 4)).unwrap();
    s.forget_resident(&a.id).unwrap();
    let gone = s.resident(&a.id).unwrap().unwrap();
    assert!(gone.forgotten);
    assert_eq!(gone.full_name, "");
    assert_eq!(gone.birth_year, None);
    assert_eq!(gone.household, "");
    assert_eq!(gone.phone, None);
    let key: String = s
        .conn()
        .query_row(
            "SELECT search_key || household_key FROM residents WHERE id = ?1",
            [&a.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(key, "");
    let marker: i64 = s
        .conn()
        .query_row(
            "SELECT count(*) FROM forgotten WHERE resident_id = ?1",
            [&a.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(marker, 1);
    assert_eq!(names(&s.find_residents("vu", 10).unwrap()), ["Vũ Văn Lân"]);
    assert_eq!(s.list_residents(Some(4)).unwrap(), vec![b]);
    // Forgetting twice is harmless; an unknown id is reported.
    s.forget_resident(&a.id).unwrap();
    assert!(matches!(
        s.forget_resident("vh-test-99"),
        Err(StoreError::NotFound { .. })
    ));
    // A forgotten resident cannot be filled in again by an update.
    assert!(matches!(
        s.update_resident(&a.id, &person("Vũ Thị Lan", 1951, 4)),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn updates_and_lists_by_group() {
    let (_d, s) = store();
    let a = s.add_resident(&person("Ngô Thị Bé", 1950, 2)).unwrap();
    s.add_resident(&person("Bùi Văn An", 1950, 1)).unwrap();
    s.add_resident(&person("Lý Thị Cúc", 1950, 2)).unwrap();
    s.update_resident(&a.id, &person("Ngô Thị Bích", 1949, 2))
        .unwrap();
    let r = s.resident(&a.id).unwrap().unwrap();
    assert_eq!(
        (r.full_name.as_str(), r.birth_year),
        ("Ngô Thị Bích", Some(1949))
    );
    assert_eq!(
        names(&s.find_residents("bich", 5).unwrap()),
        ["Ngô Thị Bích"]
    );
    assert!(
        s.find_residents("be", 5)
            .unwrap()
            .iter()
            .all(|r| r.full_name != "Ngô Thị Bé")
    );
    assert_eq!(
        names(&s.list_residents(Some(2)).unwrap()),
        ["Lý Thị Cúc", "Ngô Thị Bích"]
    );
    assert_eq!(
        names(&s.list_residents(None).unwrap()),
        ["Bùi Văn An", "Lý Thị Cúc", "Ngô Thị Bích"]
    );
    assert!(matches!(
        s.update_resident("vh-test-77", &person("X", 1950, 1)),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn batch_add_is_all_or_nothing() {
    let (_d, s) = store();
    let err = s
        .add_residents(&[person("Đỗ Văn Một", 1950, 1), person("", 1950, 1)])
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid { .. }));
    assert!(s.list_residents(None).unwrap().is_empty());
    let added = s
        .add_residents(&[person("Đỗ Văn Một", 1950, 1), person("Đỗ Văn Hai", 1950, 1)])
        .unwrap();
    assert_eq!(added[1].id, "vh-test-2");
}

#[test]
fn matching_resident_finds_the_same_person_typed_differently() {
    let (_d, s) = store();
    let a = s.add_resident(&person("Nguyễn Thị Hằng", 1948, 3)).unwrap();
    assert_eq!(
        s.matching_resident(&person("nguyen thi hang", 1948, 3))
            .unwrap(),
        Some(a)
    );
    assert_eq!(
        s.matching_resident(&person("Nguyễn Thị Hằng", 1949, 3))
            .unwrap(),
        None
    );
    assert_eq!(
        s.matching_resident(&person("Nguyễn Thị Hằng", 1948, 4))
            .unwrap(),
        None
    );
}

/// Each seat keeps the search keys in memory; a name registered, corrected
/// or forgotten at another seat must show up in its very next search.
#[test]
fn search_sees_changes_made_by_another_seat() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kiosk.db");
    let here = Store::open_path(&db, "vh-test", "1", None).unwrap();
    let there = Store::open_path(&db, "vh-test", "2", None).unwrap();
    here.add_resident(&person("Kiều Thị Loan", 1950, 1))
        .unwrap();
    assert_eq!(
        names(&here.find_residents("loan", 5).unwrap()),
        ["Kiều Thị Loan"]
    );
    let other = there
        .add_resident(&person("Kiều Văn Loan", 1952, 1))
        .unwrap();
    assert_eq!(
        names(&here.find_residents("loan", 5).unwrap()),
        ["Kiều Thị Loan", "Kiều Văn Loan"]
    );
    there
        .update_resident(&other.id, &person("Kiều Văn Long", 1952, 1))
        .unwrap();
    assert_eq!(
        names(&here.find_residents("kieu", 5).unwrap()),
        ["Kiều Thị Loan", "Kiều Văn Long"]
    );
    there.forget_resident(&other.id).unwrap();
    assert_eq!(
        names(&here.find_residents("kieu", 5).unwrap()),
        ["Kiều Thị Loan"]
    );
}

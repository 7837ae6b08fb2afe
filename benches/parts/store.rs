//! The store's figures: one recorded answer with its fsync against a bare
//! SQLite insert-and-commit with the same settings on the same disk (the
//! two interleaved, so both see the same disk weather), and name search
//! over 100,000 residents.

use std::path::Path;
use std::time::{Duration, Instant};

use kiosk::store::{NewResident, Store};

use super::{Table, ms, percentile, quick};

pub fn run(table: &mut Table) {
    eprintln!("store:");
    // On the project's disk (target/tmp), not a RAM-backed /tmp.
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("a temporary folder");
    answers(table, dir.path());
    search(table, dir.path());
}

fn answers(table: &mut Table, dir: &Path) {
    let n = if quick() { 100 } else { 1000 };
    let store = Store::open_path(&dir.join("kiosk.db"), "vh-bench", "1", None).unwrap();
    let who = store
        .add_resident(&NewResident {
            full_name: "Nguyễn Thị Hằng".into(),
            birth_year: 1950,
            group_no: 3,
            ..Default::default()
        })
        .unwrap()
        .id;
    let session = store.start_seat_session(&who).unwrap();
    let attempt = store
        .start_attempt(Some(&session), &who, "vneid", &["q1".into(), "q2".into()])
        .unwrap();

    // The baseline: the same pragmas the store sets, one row per
    // transaction, nothing else.
    let bare = rusqlite::Connection::open(dir.join("bare.db")).unwrap();
    bare.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;
         CREATE TABLE answers (id TEXT PRIMARY KEY, question_id TEXT NOT NULL, response TEXT NOT NULL,
                               correct INTEGER NOT NULL, answered_at INTEGER NOT NULL) STRICT;",
    )
    .unwrap();

    let mut store_times = Vec::with_capacity(n);
    let mut bare_times = Vec::with_capacity(n);
    for i in 0..n {
        let t = Instant::now();
        store
            .record_answer(&attempt, &who, "vneid", "q1", "0", i % 2 == 0)
            .unwrap();
        store_times.push(t.elapsed());

        let t = Instant::now();
        let tx =
            rusqlite::Transaction::new_unchecked(&bare, rusqlite::TransactionBehavior::Immediate)
                .unwrap();
        tx.execute(
            "INSERT INTO answers VALUES (?1, 'q1', '0', ?2, ?3)",
            (uuid::Uuid::now_v7().to_string(), (i % 2) as i64, i as i64),
        )
        .unwrap();
        tx.commit().unwrap();
        bare_times.push(t.elapsed());
    }
    store_times.sort();
    bare_times.sort();
    let (s50, s99) = (
        percentile(&store_times, 50.0),
        percentile(&store_times, 99.0),
    );
    let (b50, b99) = (percentile(&bare_times, 50.0), percentile(&bare_times, 99.0));
    table.add(
        "record one answer, fsync included (p50 / p99)",
        "-",
        format!("{} / {}", ms(s50), ms(s99)),
        None,
    );
    table.add(
        "bare SQLite insert+commit, same settings and disk (p50 / p99)",
        "-",
        format!("{} / {}", ms(b50), ms(b99)),
        None,
    );
    let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64().max(1e-9);
    let (r50, r99) = (ratio(s50, b50), ratio(s99, b99));
    table.add(
        "recorded answer / bare insert (p50, p99)",
        "≤ 1.5×",
        format!("{r50:.2}× , {r99:.2}×"),
        Some(r50 <= 1.5),
    );
}

const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Tạ", "Mai",
];
const MIDDLE: &[&str] = &[
    "Thị", "Văn", "Đức", "Ngọc", "Minh", "Thanh", "Hữu", "Quang", "Xuân", "Kim", "Thu", "Hồng",
];
const GIVEN: &[&str] = &[
    "Hằng", "Lan", "Mai", "Hoa", "Hùng", "Dũng", "Tuấn", "Hương", "Thảo", "Linh", "Nam", "Bình",
    "Phương", "Cúc", "Đào", "Tâm", "Sơn", "Hải", "Yến", "Nga", "Tú", "An", "Long", "Khánh", "Ánh",
    "Thắng", "Lâm", "Cường", "Nguyệt", "Oanh", "Quý", "Tư", "Bảy", "Sáu", "Út", "Phúc", "Lộc",
];

fn search(table: &mut Table, dir: &Path) {
    let count = 100_000;
    let store = Store::open_path(&dir.join("residents.db"), "vh-bench", "1", None).unwrap();
    // A fixed pseudo-random roster (xorshift), so every run searches the same.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |m: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % m as u64) as usize
    };
    let roster: Vec<NewResident> = (0..count)
        .map(|_| NewResident {
            full_name: format!(
                "{} {} {}",
                SURNAMES[next(SURNAMES.len())],
                MIDDLE[next(MIDDLE.len())],
                GIVEN[next(GIVEN.len())]
            ),
            birth_year: 1930 + next(60) as i32,
            group_no: 1 + next(40) as i64,
            household: format!("Số {} ngõ {}", 1 + next(200), 1 + next(80)),
            ..Default::default()
        })
        .collect();
    let t = Instant::now();
    store.add_residents(&roster).unwrap();
    eprintln!(
        "  (loaded {count} residents in {:.1} s)",
        t.elapsed().as_secs_f64()
    );

    let queries = [
        "nguyen thi hang",
        "hang",
        "dang van",
        "Đặng Văn Lâm",
        "ngoc anh",
        "tran",
        "nguyen",
        "le thi mai",
        "xuan",
        "thu",
        "zzz",
        "a",
    ];
    // The first search after names changed (here: the load) reloads the
    // keys; measured on its own below.
    std::hint::black_box(store.find_residents("warm up", 20).unwrap());
    let rounds = if quick() { 3 } else { 20 };
    let mut times = Vec::new();
    let mut worst = (Duration::ZERO, "");
    for _ in 0..rounds {
        for q in queries {
            let t = Instant::now();
            let found = store.find_residents(q, 20).unwrap();
            let took = t.elapsed();
            std::hint::black_box(found);
            if took > worst.0 {
                worst = (took, q);
            }
            times.push(took);
        }
    }
    times.sort();
    let p99 = percentile(&times, 99.0);
    table.add(
        "name search over 100,000 residents, per query (p50 / p99)",
        "< 20 ms",
        format!("{} / {}", ms(percentile(&times, 50.0)), ms(p99)),
        Some(p99 < Duration::from_millis(20)),
    );
    eprintln!("  (slowest: {:?} in {})", worst.1, ms(worst.0));

    // A name registered (at any seat) makes the next search reload the keys.
    let mut reloads = Vec::new();
    for i in 0..5 {
        store
            .add_resident(&NewResident {
                full_name: format!("Người Mới {i}"),
                birth_year: 1950,
                group_no: 1,
                ..Default::default()
            })
            .unwrap();
        let t = Instant::now();
        std::hint::black_box(store.find_residents("nguyen thi hang", 20).unwrap());
        reloads.push(t.elapsed());
    }
    reloads.sort();
    table.add(
        "first search after a name changed (reloads 100,000 keys), median",
        "-",
        ms(percentile(&reloads, 50.0)),
        None,
    );
}

//! The instructor PIN: stored only as an Argon2id hash (a PHC string) in
//! `local_settings`, checked against a wrong-PIN counter that lives in the
//! same database so every seat sharing it shares the lockout.
//!
//! Why the counter is in the database and not in memory: a person guessing
//! PINs could otherwise move to the next seat (or restart the kiosk) to get
//! three fresh tries. Every check runs inside one `BEGIN IMMEDIATE`
//! transaction, so two seats checking at the same moment cannot both read
//! "2 failures" and both write "3".
//!
//! Rules for a PIN: at least [`MIN_LEN`] digits, digits only, not all the
//! same digit, not a straight run up or down (123456, 654321), and not one
//! of a few PINs everybody tries first.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use rusqlite::{OptionalExtension, Transaction, params};

use super::{Result, Store, now_ms};

/// The fewest digits a PIN may have.
pub const MIN_LEN: usize = 6;
/// The most digits a PIN may have (a PIN is typed on a kiosk, not a password).
pub const MAX_LEN: usize = 12;
/// How many wrong PINs are allowed before the first delay.
pub const FREE_TRIES: u32 = 3;

const KEY_HASH: &str = "instructor_pin";
const KEY_FAILURES: &str = "pin_failures";
const KEY_LOCKED_UNTIL: &str = "pin_locked_until";

/// PINs people try first; refused even though they pass the other rules.
const COMMON: &[&str] = &[
    "0000", "1234", "1111", "111111", "000000", "123123", "121212", "112233", "123321", "696969",
    "159753", "147258", "789456", "102030", "131313", "202020", "123654", "100200",
];

/// Why a PIN was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TrivialPin {
    #[error("a PIN is made of digits only (0 to 9)")]
    NotDigits,
    #[error("a PIN needs at least {MIN_LEN} digits")]
    TooShort,
    #[error("a PIN has at most {MAX_LEN} digits")]
    TooLong,
    #[error("a PIN must not be the same digit repeated")]
    AllSame,
    #[error("a PIN must not be digits in a row such as 123456 or 654321")]
    Run,
    #[error("this PIN is one of the first that people guess")]
    Common,
}

/// Returns why `pin` is too easy to guess, or `None` when it is acceptable.
pub fn pin_problem(pin: &str) -> Option<TrivialPin> {
    if pin.is_empty() || !pin.bytes().all(|b| b.is_ascii_digit()) {
        return Some(TrivialPin::NotDigits);
    }
    if COMMON.contains(&pin) {
        return Some(TrivialPin::Common);
    }
    if pin.len() < MIN_LEN {
        return Some(TrivialPin::TooShort);
    }
    if pin.len() > MAX_LEN {
        return Some(TrivialPin::TooLong);
    }
    let d: Vec<i32> = pin.bytes().map(|b| i32::from(b - b'0')).collect();
    if d.iter().all(|&x| x == d[0]) {
        return Some(TrivialPin::AllSame);
    }
    // A run that wraps (890123) is as easy to guess as one that does not.
    let steps: Vec<i32> = d.windows(2).map(|w| (w[1] - w[0]).rem_euclid(10)).collect();
    if steps.iter().all(|&s| s == 1) || steps.iter().all(|&s| s == 9) {
        return Some(TrivialPin::Run);
    }
    // A short block repeated (121212, 123123, 12341234).
    for block in 1..=d.len() / 2 {
        if d.len().is_multiple_of(block) && d.chunks(block).all(|c| c == &d[..block]) {
            return Some(TrivialPin::Common);
        }
    }
    None
}

/// The wait after `failures` wrong PINs in a row: none for the first
/// [`FREE_TRIES`] - 1, then 30 s, 1 min, 2 min, 5 min, 10 min, 15 min (the cap).
pub fn lockout_ms(failures: u32) -> Option<i64> {
    const STEPS_SECS: [i64; 6] = [30, 60, 120, 300, 600, 900];
    if failures < FREE_TRIES {
        return None;
    }
    let i = ((failures - FREE_TRIES) as usize).min(STEPS_SECS.len() - 1);
    Some(STEPS_SECS[i] * 1000)
}

/// The answer to one PIN check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PinCheck {
    /// Right PIN; the counter is back at zero.
    Ok,
    /// Wrong PIN. `locked_until` is set when this failure started a wait.
    Wrong {
        failures: u32,
        locked_until: Option<i64>,
    },
    /// Too many wrong PINs: nothing was checked; try again at `until` (UTC ms).
    Locked { until: i64 },
    /// No PIN has been set (`kiosk set-pin`).
    NotSet,
}

/// Why a PIN could not be set.
#[derive(Debug, thiserror::Error)]
pub enum SetPinError {
    #[error(transparent)]
    Trivial(#[from] TrivialPin),
    #[error("could not hash the PIN: {0}")]
    Hash(String),
    #[error(transparent)]
    Store(#[from] super::StoreError),
}

fn get(tx: &Transaction, key: &str) -> rusqlite::Result<Option<String>> {
    tx.query_row(
        "SELECT value FROM local_settings WHERE key = ?1",
        [key],
        |r| r.get(0),
    )
    .optional()
}

fn put(tx: &Transaction, key: &str, value: &str) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO local_settings(key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

fn reset_counter(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute(
        "DELETE FROM local_settings WHERE key IN (?1, ?2)",
        params![KEY_FAILURES, KEY_LOCKED_UNTIL],
    )?;
    Ok(())
}

impl Store {
    /// Whether an instructor PIN has been set on this database.
    pub fn pin_is_set(&self) -> Result<bool> {
        self.read(|conn| {
            conn.query_row(
                "SELECT 1 FROM local_settings WHERE key = ?1",
                [KEY_HASH],
                |_| Ok(()),
            )
            .optional()
            .map(|found| found.is_some())
        })
    }

    /// Checks `pin` is not trivial, hashes it with Argon2id and a fresh salt,
    /// stores the hash (never the PIN) and clears the wrong-PIN counter.
    pub fn set_pin(&self, pin: &str) -> std::result::Result<(), SetPinError> {
        if let Some(problem) = pin_problem(pin) {
            return Err(problem.into());
        }
        let phc = Argon2::default()
            .hash_password(pin.as_bytes())
            .map_err(|e| SetPinError::Hash(e.to_string()))?
            .to_string();
        self.write(|tx| {
            put(tx, KEY_HASH, &phc)?;
            reset_counter(tx)
        })?;
        Ok(())
    }

    /// Checks `pin` now. See [`Store::check_pin_at`].
    pub fn check_pin(&self, pin: &str) -> Result<PinCheck> {
        self.check_pin_at(pin, now_ms())
    }

    /// Checks `pin` as if the time were `now` (UTC ms). While a wait is in
    /// force the PIN is not even hashed, so guessing gains nothing. The read,
    /// the verification and the counter update happen in one IMMEDIATE
    /// transaction: another seat checking at the same time waits its turn.
    pub fn check_pin_at(&self, pin: &str, now: i64) -> Result<PinCheck> {
        self.write(|tx| {
            let Some(phc) = get(tx, KEY_HASH)? else {
                return Ok(PinCheck::NotSet);
            };
            let until: i64 = get(tx, KEY_LOCKED_UNTIL)?
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            if now < until {
                return Ok(PinCheck::Locked { until });
            }
            // A hash that does not parse (a damaged row) never verifies: the
            // instructor sets a new PIN with `kiosk set-pin`.
            let ok = PasswordHash::new(&phc)
                .map(|hash| {
                    Argon2::default()
                        .verify_password(pin.as_bytes(), &hash)
                        .is_ok()
                })
                .unwrap_or(false);
            if ok {
                reset_counter(tx)?;
                return Ok(PinCheck::Ok);
            }
            let failures: u32 = get(tx, KEY_FAILURES)?
                .and_then(|v| v.parse().ok())
                .unwrap_or(0)
                + 1;
            put(tx, KEY_FAILURES, &failures.to_string())?;
            let locked_until = lockout_ms(failures).map(|wait| now + wait);
            if let Some(until) = locked_until {
                put(tx, KEY_LOCKED_UNTIL, &until.to_string())?;
            }
            Ok(PinCheck::Wrong {
                failures,
                locked_until,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    fn store(dir: &std::path::Path) -> Store {
        Store::open_path(&dir.join("kiosk.db"), "vh-test", "1", None).unwrap()
    }

    #[test]
    fn trivial_pins_are_refused_with_a_reason() {
        let cases = [
            ("", TrivialPin::NotDigits),
            ("12a456", TrivialPin::NotDigits),
            ("１２３９８７", TrivialPin::NotDigits), // full-width digits
            ("0000", TrivialPin::Common),
            ("1234", TrivialPin::Common),
            ("4821", TrivialPin::TooShort),
            ("48213", TrivialPin::TooShort),
            ("4821394821394", TrivialPin::TooLong),
            ("111111", TrivialPin::Common),
            ("000000", TrivialPin::Common),
            ("777777", TrivialPin::AllSame),
            ("123456", TrivialPin::Run),
            ("654321", TrivialPin::Run),
            ("345678", TrivialPin::Run),
            ("890123", TrivialPin::Run),
            ("123123", TrivialPin::Common),
            ("121212", TrivialPin::Common),
            ("457457", TrivialPin::Common),
            ("38383838", TrivialPin::Common),
        ];
        for (pin, want) in cases {
            assert_eq!(pin_problem(pin), Some(want), "{pin:?}");
        }
        for pin in ["482913", "270519", "9048213", "135792"] {
            assert_eq!(pin_problem(pin), None, "{pin:?}");
        }
        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path());
        assert!(matches!(
            s.set_pin("123456"),
            Err(SetPinError::Trivial(TrivialPin::Run))
        ));
        assert!(!s.pin_is_set().unwrap());
    }

    #[test]
    fn only_the_argon2id_hash_is_stored_and_the_right_pin_opens() {
        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path());
        assert_eq!(s.check_pin("482913").unwrap(), PinCheck::NotSet);
        s.set_pin("482913").unwrap();
        assert!(s.pin_is_set().unwrap());
        let rows: Vec<(String, String)> = {
            let mut st = s
                .conn()
                .prepare("SELECT key, value FROM local_settings")
                .unwrap();
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .map(|r| r.unwrap())
                .collect()
        };
        assert_eq!(rows.len(), 1);
        assert!(rows[0].1.starts_with("$argon2id$v=19$"), "{}", rows[0].1);
        assert!(!rows[0].1.contains("482913"));
        drop(s);
        // Nowhere in the database file or its journal does the PIN appear.
        for entry in std::fs::read_dir(dir.path()).unwrap() {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            assert!(!bytes.windows(6).any(|w| w == b"482913"));
        }
        let s = store(dir.path());
        assert_eq!(s.check_pin("482913").unwrap(), PinCheck::Ok);
        assert_eq!(
            s.check_pin("482914").unwrap(),
            PinCheck::Wrong {
                failures: 1,
                locked_until: None
            }
        );
        // Setting a new PIN replaces the old one.
        s.set_pin("270519").unwrap();
        assert!(matches!(
            s.check_pin("482913").unwrap(),
            PinCheck::Wrong { .. }
        ));
        assert_eq!(s.check_pin("270519").unwrap(), PinCheck::Ok);
    }

    #[test]
    fn wrong_pins_bring_growing_waits_and_success_resets() {
        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path());
        s.set_pin("482913").unwrap();
        let t0 = 1_800_000_000_000;
        let wrong = |failures, locked_until| PinCheck::Wrong {
            failures,
            locked_until,
        };
        assert_eq!(s.check_pin_at("000001", t0).unwrap(), wrong(1, None));
        assert_eq!(s.check_pin_at("000002", t0 + 1).unwrap(), wrong(2, None));
        assert_eq!(
            s.check_pin_at("000003", t0 + 2).unwrap(),
            wrong(3, Some(t0 + 2 + 30_000))
        );
        // While locked even the right PIN is not looked at.
        assert_eq!(
            s.check_pin_at("482913", t0 + 10_000).unwrap(),
            PinCheck::Locked { until: t0 + 30_002 }
        );
        let t1 = t0 + 30_002;
        assert_eq!(
            s.check_pin_at("000004", t1).unwrap(),
            wrong(4, Some(t1 + 60_000))
        );
        let t2 = t1 + 60_000;
        assert_eq!(
            s.check_pin_at("000005", t2).unwrap(),
            wrong(5, Some(t2 + 120_000))
        );
        let t3 = t2 + 120_000;
        assert_eq!(
            s.check_pin_at("000006", t3).unwrap(),
            wrong(6, Some(t3 + 300_000))
        );
        assert_eq!(
            s.check_pin_at("482913", t3 + 299_999).unwrap(),
            PinCheck::Locked {
                until: t3 + 300_000
            }
        );
        assert_eq!(
            s.check_pin_at("482913", t3 + 300_000).unwrap(),
            PinCheck::Ok
        );
        // Back to three free tries.
        let t4 = t3 + 400_000;
        assert_eq!(s.check_pin_at("000007", t4).unwrap(), wrong(1, None));
        assert_eq!(lockout_ms(20), Some(900_000), "the wait is capped");
    }

    /// Run by [`the_counter_is_shared_between_processes`] in child processes.
    #[test]
    fn pin_child_process() {
        let Ok(db) = std::env::var("KIOSK_PIN_CHILD_DB") else {
            return; // only does something when started as a child
        };
        let at: i64 = std::env::var("KIOSK_PIN_CHILD_AT")
            .unwrap()
            .parse()
            .unwrap();
        let s = Store::open_path(std::path::Path::new(&db), "vh-test", "2", None).unwrap();
        for i in 0..4 {
            match s.check_pin_at(&format!("99999{i}"), at).unwrap() {
                PinCheck::Wrong { failures, .. } => println!("RESULT wrong {failures}"),
                PinCheck::Locked { .. } => println!("RESULT locked"),
                other => println!("RESULT other {other:?}"),
            }
        }
    }

    #[test]
    fn the_counter_is_shared_between_processes() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("kiosk.db");
        let s = store(dir.path());
        s.set_pin("482913").unwrap();
        let at = 1_800_000_000_000_i64;
        let exe = std::env::current_exe().unwrap();
        let children: Vec<_> = (0..2)
            .map(|_| {
                Command::new(&exe)
                    .args([
                        "--exact",
                        "store::pin::tests::pin_child_process",
                        "--nocapture",
                        "--test-threads=1",
                    ])
                    .env("KIOSK_PIN_CHILD_DB", &db)
                    .env("KIOSK_PIN_CHILD_AT", at.to_string())
                    .stdout(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let mut wrong = Vec::new();
        let mut locked = 0;
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success());
            for line in String::from_utf8_lossy(&out.stdout).lines() {
                // libtest prints "test NAME ... " without a newline first.
                let result = line.find("RESULT ").map(|i| &line[i + 7..]);
                match result {
                    Some("locked") => locked += 1,
                    Some(w) if w.starts_with("wrong ") => {
                        wrong.push(w[6..].parse::<u32>().unwrap())
                    }
                    Some(other) => panic!("unexpected {other}"),
                    None => {}
                }
            }
        }
        wrong.sort();
        // Eight tries between two seats: exactly three were counted, each
        // with its own number, and the other five met the wait.
        assert_eq!(wrong, vec![1, 2, 3]);
        assert_eq!(locked, 5);
        assert!(matches!(
            s.check_pin_at("482913", at + 1000).unwrap(),
            PinCheck::Locked { .. }
        ));
    }
}

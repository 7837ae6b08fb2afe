use super::*;
use crate::store::{NewResident, Store};

fn store_with(seat: &str) -> (tempfile::TempDir, Store, String) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_path(&dir.path().join("kiosk.db"), "vh-test", seat, None).unwrap();
    let r = store
        .add_resident(&NewResident {
            full_name: "Trương Thị Mận".into(),
            birth_year: 1949,
            group_no: 7,
            ..Default::default()
        })
        .unwrap();
    (dir, store, r.id)
}

fn ids(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// Signing in closes what a crash left open at the seat by looking at the
/// open sessions only, not at every session ever recorded.
#[test]
fn signing_in_reads_only_the_open_sessions() {
    let (_d, s, who) = store_with("3");
    let plan: Vec<String> = s
        .conn()
        .prepare(&format!("EXPLAIN QUERY PLAN {CLOSE_LEFT_OPEN_SQL}"))
        .unwrap()
        .query_map(params!["vh-test", "3"], |r| r.get::<_, String>(3))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert!(
        plan.iter()
            .any(|l| l.contains("USING INDEX seat_sessions_open")),
        "{plan:#?}"
    );
    // Nothing is read whole: not the sessions, nor every page or attempt.
    assert!(!plan.iter().any(|l| l.starts_with("SCAN")), "{plan:#?}");
    for index in ["step_views_resident", "quiz_attempts_resident"] {
        assert!(
            plan.iter().any(|l| l.contains(&format!("INDEX {index}"))),
            "{plan:#?}"
        );
    }
    // Other seats' open sessions and ended ones are left alone.
    let other = Store::open_path(s.path(), "vh-test", "4", None).unwrap();
    let theirs = other.start_seat_session_at(&who, 1_000).unwrap();
    let ended = s.start_seat_session_at(&who, 2_000).unwrap();
    s.end_seat_session_at(&ended, EndReason::SignOut, 3_000)
        .unwrap();
    s.start_seat_session_at(&who, 4_000).unwrap();
    let ended_at = |id: &str| -> Option<i64> {
        s.conn()
            .query_row(
                "SELECT ended_at FROM seat_sessions WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(ended_at(&theirs), None);
    assert_eq!(ended_at(&ended), Some(3_000));
}

#[test]
fn sessions_start_and_end_and_a_left_open_one_is_closed_at_its_last_activity() {
    let (_d, s, who) = store_with("2");
    let first = s.start_seat_session_at(&who, 1_000).unwrap();
    s.record_step_at(Some(&first), &who, "vneid", 0, 2_000)
        .unwrap();
    s.record_step_at(Some(&first), &who, "vneid", 1, 5_000)
        .unwrap();
    // The kiosk dies; the next sign-in at this seat closes the old session.
    let second = s.start_seat_session_at(&who, 90_000).unwrap();
    let row = |id: &str| -> (Option<i64>, Option<String>, String) {
        s.conn()
            .query_row(
                "SELECT ended_at, end_reason, seat FROM seat_sessions WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap()
    };
    assert_eq!(
        row(&first),
        (Some(5_000), Some("closed".into()), "2".into())
    );
    assert_eq!(row(&second).0, None);
    s.end_seat_session_at(&second, EndReason::Idle, 95_000)
        .unwrap();
    assert_eq!(
        row(&second),
        (Some(95_000), Some("idle".into()), "2".into())
    );
    // Ending again keeps the first ending.
    s.end_seat_session_at(&second, EndReason::SignOut, 99_000)
        .unwrap();
    assert_eq!(row(&second).1.as_deref(), Some("idle"));
    assert!(matches!(
        s.end_seat_session("no-such-session", EndReason::SignOut),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        s.start_seat_session("vh-test-404"),
        Err(StoreError::NotFound { .. })
    ));
    s.forget_resident(&who).unwrap();
    assert!(matches!(
        s.start_seat_session(&who),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn records_for_unknown_residents_are_refused() {
    let (_d, s, _who) = store_with("1");
    assert!(s.record_step(None, "vh-test-404", "vneid", 0).is_err());
    assert!(
        s.start_attempt(None, "vh-test-404", "vneid", &ids(&["q1"]))
            .is_err()
    );
}

#[test]
fn progress_sums_pages_attempts_and_scores_per_module() {
    let (_d, s, who) = store_with("1");
    assert!(s.progress(&who).unwrap().is_empty());
    let sess = s.start_seat_session_at(&who, 10).unwrap();
    for (i, step) in [0, 1, 2, 1].into_iter().enumerate() {
        s.record_step_at(Some(&sess), &who, "vneid", step, 100 + i as i64)
            .unwrap();
    }
    s.record_step_at(Some(&sess), &who, "zalo", 0, 200).unwrap();
    let a1 = s
        .start_attempt_at(Some(&sess), &who, "vneid", &ids(&["q1", "q2", "q3"]), 300)
        .unwrap();
    s.record_answer_at(&a1, &who, "vneid", "q1", "0", true, 301)
        .unwrap();
    s.record_answer_at(&a1, &who, "vneid", "q2", "1", false, 302)
        .unwrap();
    s.record_answer_at(&a1, &who, "vneid", "q3", "2", false, 303)
        .unwrap();
    let r1 = s
        .finish_attempt_at(&a1, &who, "vneid", 1, 3, 70, 303)
        .unwrap();
    assert_eq!(
        r1,
        QuizResult {
            score: 33,
            passed: false
        }
    );
    let a2 = s
        .start_attempt_at(Some(&sess), &who, "vneid", &ids(&["q3", "q1", "q2"]), 400)
        .unwrap();
    let r2 = s
        .finish_attempt_at(&a2, &who, "vneid", 3, 3, 70, 410)
        .unwrap();
    assert_eq!(
        r2,
        QuizResult {
            score: 100,
            passed: true
        }
    );
    let a3 = s
        .start_attempt_at(Some(&sess), &who, "vneid", &ids(&["q1", "q2", "q3"]), 500)
        .unwrap();
    let r3 = s
        .finish_attempt_at(&a3, &who, "vneid", 2, 3, 70, 510)
        .unwrap();
    assert_eq!(
        r3,
        QuizResult {
            score: 66,
            passed: false
        }
    );
    // Finishing again returns the stored result, not a new one.
    assert_eq!(
        s.finish_attempt_at(&a3, &who, "vneid", 3, 3, 70, 520)
            .unwrap(),
        r3
    );
    assert!(s.finish_attempt(&a3, &who, "vneid", 4, 3, 70).is_err());
    // The threshold in force is what decides, and it is stored.
    let threshold: i64 = s
        .conn()
        .query_row(
            "SELECT threshold FROM quiz_results WHERE attempt_id = ?1",
            [&a1],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(threshold, 70);

    let p = s.progress(&who).unwrap();
    assert_eq!(p.len(), 2);
    let v = &p[0];
    assert_eq!(v.module_id, "vneid");
    assert_eq!(v.steps_seen.iter().copied().collect::<Vec<_>>(), [0, 1, 2]);
    assert_eq!(v.last_step, Some(1));
    assert_eq!(v.attempts, 3);
    assert_eq!(v.best_score, Some(100));
    assert_eq!(v.last_score, Some(66));
    assert!(v.passed);
    let z = &p[1];
    assert_eq!(
        (z.module_id.as_str(), z.attempts, z.best_score, z.passed),
        ("zalo", 0, None, false)
    );
}

#[test]
fn resume_point_follows_the_newest_event() {
    let (_d, s, who) = store_with("1");
    assert_eq!(s.resume_point(&who).unwrap(), None);
    s.record_step_at(None, &who, "ihanoi", 0, 100).unwrap();
    s.record_step_at(None, &who, "ihanoi", 3, 200).unwrap();
    assert_eq!(
        s.resume_point(&who).unwrap(),
        Some(Resume::Page {
            module_id: "ihanoi".into(),
            step: 3
        })
    );
    let order = ids(&["q2", "q1", "q3"]);
    let a = s
        .start_attempt_at(None, &who, "ihanoi", &order, 300)
        .unwrap();
    let quiz = |answered: Vec<(&str, &str, bool)>| Resume::Quiz {
        module_id: "ihanoi".into(),
        attempt_id: a.clone(),
        question_order: order.clone(),
        answered: answered
            .into_iter()
            .map(|(q, r, c)| (q.to_string(), r.to_string(), c))
            .collect(),
    };
    assert_eq!(s.resume_point(&who).unwrap(), Some(quiz(vec![])));
    s.record_answer_at(&a, &who, "ihanoi", "q2", "1", false, 310)
        .unwrap();
    s.record_answer_at(&a, &who, "ihanoi", "q1", "0,2", true, 320)
        .unwrap();
    // Answered again (after going back): keeps its place, newest answer.
    s.record_answer_at(&a, &who, "ihanoi", "q2", "0", true, 330)
        .unwrap();
    assert_eq!(
        s.resume_point(&who).unwrap(),
        Some(quiz(vec![("q2", "0", true), ("q1", "0,2", true)]))
    );
    s.record_answer_at(&a, &who, "ihanoi", "q3", "1", true, 340)
        .unwrap();
    // The result is stored in the same millisecond as the last answer.
    s.finish_attempt_at(&a, &who, "ihanoi", 3, 3, 70, 340)
        .unwrap();
    assert_eq!(s.resume_point(&who).unwrap(), None);
    s.record_step_at(None, &who, "zalo", 2, 400).unwrap();
    assert_eq!(
        s.resume_point(&who).unwrap(),
        Some(Resume::Page {
            module_id: "zalo".into(),
            step: 2
        })
    );
    // Another resident's activity does not leak in.
    let other = s
        .add_resident(&NewResident {
            full_name: "Mai Văn Tư".into(),
            birth_year: 1955,
            group_no: 1,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(s.resume_point(&other.id).unwrap(), None);
}

#[test]
fn writes_from_two_connections_interleave_without_loss() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kiosk.db");
    let first = Store::open_path(&db, "vh-test", "1", None).unwrap();
    let who = first
        .add_resident(&NewResident {
            full_name: "Hồ Thị Xuân".into(),
            birth_year: 1950,
            group_no: 2,
            ..Default::default()
        })
        .unwrap()
        .id;
    let threads: Vec<_> = ["1", "2", "3"]
        .into_iter()
        .map(|seat| {
            let db = db.clone();
            let who = who.clone();
            std::thread::spawn(move || {
                let s = Store::open_path(&db, "vh-test", seat, None).unwrap();
                for step in 0..50 {
                    s.record_step(None, &who, &format!("m{seat}"), step)
                        .unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let p = first.progress(&who).unwrap();
    assert_eq!(p.len(), 3);
    assert!(p.iter().all(|m| m.steps_seen.len() == 50));
}

/// Only the newest attempt at a quiz counts: once a later attempt is
/// finished, an older one left open is not carried on.
#[test]
fn the_unfinished_attempt_is_the_newest_and_only_if_unfinished() {
    let (_d, s, who) = store_with("1");
    assert_eq!(s.unfinished_attempt(&who, "vneid").unwrap(), None);
    let old = s
        .start_attempt_at(None, &who, "vneid", &ids(&["q1", "q2"]), 100)
        .unwrap();
    s.record_answer_at(&old, &who, "vneid", "q1", "0", true, 101)
        .unwrap();
    match s.unfinished_attempt(&who, "vneid").unwrap() {
        Some(Resume::Quiz {
            attempt_id,
            answered,
            ..
        }) => {
            assert_eq!(attempt_id, old);
            assert_eq!(answered.len(), 1);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(s.unfinished_attempt(&who, "zalo").unwrap(), None);
    let newer = s
        .start_attempt_at(None, &who, "vneid", &ids(&["q2", "q1"]), 200)
        .unwrap();
    s.finish_attempt_at(&newer, &who, "vneid", 2, 2, 70, 210)
        .unwrap();
    assert_eq!(s.unfinished_attempt(&who, "vneid").unwrap(), None);
}

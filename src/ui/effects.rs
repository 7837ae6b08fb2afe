//! Carries out the state machine's database effects against the [`Store`]
//! and turns the results into messages. This is the only file of the
//! interface that talks to the store; a failure is logged in full (to
//! `kiosk.log`) and reaches the screen only as a friendly notice.

use std::collections::BTreeMap;

use crate::i18n::{Texts, fill};
use crate::store::{EndReason, ModuleProgress, NewResident, Resident, Resume, Store};

use super::app::{Effect, EndWhy, Learner, Msg, Person};
use super::runtime::Log;
use super::who::MAX_MATCHES;

fn person(r: Resident) -> Person {
    Person {
        id: r.id,
        name: r.full_name,
        birth_year: r.birth_year,
        group: r.group_no,
        registered_at: r.created_at,
        twin: false,
    }
}

type Progress = (BTreeMap<String, ModuleProgress>, Option<Resume>);

fn progress(store: &Store, resident_id: &str) -> crate::store::Result<Progress> {
    let progress = store
        .progress(resident_id)?
        .into_iter()
        .map(|p| (p.module_id.clone(), p))
        .collect();
    let resume = store.resume_point(resident_id)?;
    Ok((progress, resume))
}

fn sign_in(store: &Store, resident: Resident) -> crate::store::Result<Msg> {
    let session_id = store.start_seat_session(&resident.id)?;
    let (progress, resume) = progress(store, &resident.id)?;
    Ok(Msg::SignedIn(Learner {
        person: person(resident),
        session_id,
        progress,
        resume,
    }))
}

/// Most records a learner makes fail at most a few at a time; beyond this
/// many held at once the oldest are given up (and were logged).
const MAX_HELD: usize = 10_000;

/// Records of what the learner did that could not be written (the database
/// was locked, the disk full or read-only), each with the moment it
/// happened. The learner was told it was not saved; each is written, with
/// its own time, before the next database work once the problem clears,
/// so nothing they did is lost unless the kiosk stops first.
#[derive(Debug, Default)]
pub struct Unsaved {
    held: std::collections::VecDeque<(Effect, i64)>,
}

impl Unsaved {
    pub fn len(&self) -> usize {
        self.held.len()
    }

    pub fn is_empty(&self) -> bool {
        self.held.is_empty()
    }

    /// Writes what is held, oldest first; false when something still
    /// cannot be written (it and what follows it stay held).
    fn retry(&mut self, store: &Store, log: &Log) -> bool {
        while let Some((effect, at)) = self.held.front() {
            match record(store, effect, *at) {
                Ok(()) => {
                    self.held.pop_front();
                }
                Err(e) if e.is_transient() => return false,
                Err(e) => {
                    let what = effect_name(log.t(), effect);
                    log.write(&fill(log.t().log_failed, &[("what", &what), ("error", &e)]));
                    self.held.pop_front();
                }
            }
        }
        true
    }

    fn hold(&mut self, effect: Effect, at: i64) {
        if self.held.len() >= MAX_HELD {
            self.held.pop_front();
        }
        self.held.push_back((effect, at));
    }
}

/// Writes one record of what the learner did, at `at` (UTC ms); `Ok` for
/// an effect that is not such a record.
fn record(store: &Store, effect: &Effect, at: i64) -> crate::store::Result<()> {
    match effect {
        Effect::RecordStep {
            session_id,
            resident_id,
            module_id,
            step,
        } => store.record_step_at(Some(session_id), resident_id, module_id, *step, at),
        Effect::RecordAnswer {
            attempt_id,
            resident_id,
            module_id,
            question_id,
            response,
            correct,
        } => store.record_answer_at(
            attempt_id,
            resident_id,
            module_id,
            question_id,
            response,
            *correct,
            at,
        ),
        Effect::FinishAttempt {
            attempt_id,
            resident_id,
            module_id,
            correct,
            total,
            threshold,
        } => store
            .finish_attempt_at(
                attempt_id,
                resident_id,
                module_id,
                *correct,
                *total,
                *threshold,
                at,
            )
            .map(|_| ()),
        Effect::EndSession { session_id, reason } => {
            let reason = match reason {
                EndWhy::SignOut => EndReason::SignOut,
                EndWhy::Idle => EndReason::Idle,
                EndWhy::Closed => EndReason::Closed,
            };
            store.end_seat_session_at(session_id, reason, at)
        }
        _ => Ok(()),
    }
}

/// A record of what the learner did (a page seen, an answer, a result, a
/// sign-out), which [`Unsaved`] may hold and write later.
fn is_record(effect: &Effect) -> bool {
    matches!(
        effect,
        Effect::RecordStep { .. }
            | Effect::RecordAnswer { .. }
            | Effect::FinishAttempt { .. }
            | Effect::EndSession { .. }
    )
}

/// Does one effect; the messages to feed back into `update`. What is held
/// in `unsaved` is written first; a record that cannot be written now is
/// held there (the learner is told it was not saved) and written later.
pub fn execute(store: &Store, log: &Log, unsaved: &mut Unsaved, effect: Effect) -> Vec<Msg> {
    if matches!(
        effect,
        Effect::Speak(_) | Effect::StopSpeaking | Effect::Quit
    ) {
        return Vec::new();
    }
    // Reads (a search, the progress, instructor mode's views) never wait
    // for the held records: a database locked for writing still reads.
    let writes = !matches!(
        effect,
        Effect::Search { .. } | Effect::LoadProgress { .. } | Effect::Instructor(_)
    );
    let cleared = !writes || unsaved.retry(store, log);
    if !is_record(&effect) {
        return execute_now(store, log, effect);
    }
    let at = crate::store::now_ms();
    if !cleared {
        // Still failing: do not wait for the database a second time.
        unsaved.hold(effect, at);
        return vec![Msg::Failed];
    }
    match record(store, &effect, at) {
        Ok(()) => Vec::new(),
        Err(e) => {
            let what = effect_name(log.t(), &effect);
            log.write(&fill(log.t().log_failed, &[("what", &what), ("error", &e)]));
            if e.is_transient() {
                unsaved.hold(effect, at);
            }
            vec![Msg::Failed]
        }
    }
}

/// Does one effect that is not a record [`Unsaved`] may hold.
fn execute_now(store: &Store, log: &Log, effect: Effect) -> Vec<Msg> {
    let what = effect_name(log.t(), &effect);
    let result: crate::store::Result<Vec<Msg>> = (|| {
        Ok(match effect {
            Effect::Search { query } => {
                let people = store
                    .find_residents(&query, MAX_MATCHES + 1)?
                    .into_iter()
                    .filter(|r| !r.forgotten)
                    .map(person)
                    .collect();
                vec![Msg::Found { query, people }]
            }
            Effect::Register {
                person: pending,
                consent_version,
                even_if_known,
            } => {
                let new = NewResident {
                    full_name: pending.name.clone(),
                    birth_year: pending.birth_year,
                    group_no: pending.group,
                    household: pending.household.clone(),
                    phone: pending.phone.clone(),
                    consent_version: Some(consent_version.clone()),
                };
                // A learner who did not find their name registers again:
                // ask before making a second record of the same person.
                if !even_if_known && let Some(known) = store.matching_resident(&new)? {
                    return Ok(vec![Msg::AlreadyRegistered {
                        existing: person(known),
                        pending,
                        consent_version,
                    }]);
                }
                let resident = store.add_resident(&new)?;
                log.write(&fill(log.t().log_registered, &[("id", &resident.id)]));
                vec![sign_in(store, resident)?]
            }
            Effect::SignIn { resident_id } => match store.resident(&resident_id)? {
                Some(r) if !r.forgotten => vec![sign_in(store, r)?],
                _ => vec![Msg::Failed],
            },
            Effect::LoadProgress { resident_id } => {
                let (progress, resume) = progress(store, &resident_id)?;
                vec![Msg::Progress { progress, resume }]
            }
            Effect::StartAttempt {
                session_id,
                resident_id,
                module_id,
                question_order,
            } => {
                // Left unfinished (the learner came back through the list,
                // not "Continue"): carry on where it stopped.
                if let Some(resume) = store.unfinished_attempt(&resident_id, &module_id)? {
                    return Ok(vec![Msg::AttemptResumed(resume)]);
                }
                let attempt_id = store.start_attempt(
                    Some(&session_id),
                    &resident_id,
                    &module_id,
                    &question_order,
                )?;
                vec![Msg::AttemptStarted { attempt_id }]
            }
            // Records are written by `record`, through `execute`.
            Effect::RecordStep { .. }
            | Effect::RecordAnswer { .. }
            | Effect::FinishAttempt { .. }
            | Effect::EndSession { .. } => Vec::new(),
            Effect::Instructor(e) => super::instructor::execute(store, log, e),
            // Handled by the runtime itself.
            Effect::Speak(_) | Effect::StopSpeaking | Effect::Quit => Vec::new(),
        })
    })();
    match result {
        Ok(msgs) => msgs,
        Err(e) => {
            log.write(&fill(log.t().log_failed, &[("what", &what), ("error", &e)]));
            vec![Msg::Failed]
        }
    }
}

/// What an effect was doing, for the log line that says it failed.
fn effect_name(t: &Texts, e: &Effect) -> &'static str {
    match e {
        Effect::Search { .. } => t.log_do_search,
        Effect::Register { .. } => t.log_do_register,
        Effect::SignIn { .. } => t.log_do_sign_in,
        Effect::LoadProgress { .. } => t.log_do_load_progress,
        Effect::RecordStep { .. } => t.log_do_record_page,
        Effect::StartAttempt { .. } => t.log_do_start_quiz,
        Effect::RecordAnswer { .. } => t.log_do_record_answer,
        Effect::FinishAttempt { .. } => t.log_do_finish_quiz,
        Effect::EndSession { .. } => t.log_do_end_session,
        Effect::Instructor(_) => t.log_do_instructor,
        Effect::Speak(_) | Effect::StopSpeaking => t.log_do_speech,
        Effect::Quit => t.log_do_quit,
    }
}

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

/// Does one effect; the messages to feed back into `update`.
pub fn execute(store: &Store, log: &Log, effect: Effect) -> Vec<Msg> {
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
            Effect::RecordStep {
                session_id,
                resident_id,
                module_id,
                step,
            } => {
                store.record_step(Some(&session_id), &resident_id, &module_id, step)?;
                Vec::new()
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
            Effect::RecordAnswer {
                attempt_id,
                resident_id,
                module_id,
                question_id,
                response,
                correct,
            } => {
                store.record_answer(
                    &attempt_id,
                    &resident_id,
                    &module_id,
                    &question_id,
                    &response,
                    correct,
                )?;
                Vec::new()
            }
            Effect::FinishAttempt {
                attempt_id,
                resident_id,
                module_id,
                correct,
                total,
                threshold,
            } => {
                store.finish_attempt(
                    &attempt_id,
                    &resident_id,
                    &module_id,
                    correct,
                    total,
                    threshold,
                )?;
                Vec::new()
            }
            Effect::EndSession { session_id, reason } => {
                let reason = match reason {
                    EndWhy::SignOut => EndReason::SignOut,
                    EndWhy::Idle => EndReason::Idle,
                    EndWhy::Closed => EndReason::Closed,
                };
                store.end_seat_session(&session_id, reason)?;
                Vec::new()
            }
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

//! Instructor mode's database work: the [`Effect`]s the state asks for,
//! [`execute`] (run by the runtime, the one place effects happen) and the
//! [`Reply`]s that come back into `update`.

use super::pin::PinNote;
use super::{Desk, Note, Stage, Tab, desk, state};
use crate::i18n::fill;
use crate::store::instructor::{
    AttendanceMark, AttendanceStatus, GroupStats, ModuleStats, QuestionStats, ResidentSummary,
    Today,
};
use crate::store::pin::{FREE_TRIES, PinCheck};
use crate::store::{NewResident, Store, StoreError, now_ms};
use crate::ui::app::{App, Effect as AppEffect, Msg};
use crate::ui::runtime::Log;

/// Database work for instructor mode.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    CheckPinSet,
    CheckPin(String),
    /// Load (or reload) one view's figures (see [`load`]).
    Load {
        tab: Tab,
        stuck_minutes: u64,
        indicators: Vec<String>,
    },
    LoadQuestions(String),
    /// Find residents by name for one search box.
    Search {
        query: String,
        for_box: SearchBox,
    },
    OpenClass {
        topic: String,
        instructor: String,
    },
    CloseClass(String),
    LoadRoom(String),
    Mark {
        class_id: String,
        resident_id: String,
        status: AttendanceStatus,
        by: String,
    },
    Indicator {
        resident_id: String,
        indicator: String,
        reached: bool,
        by: String,
    },
    SaveResident {
        id: Option<String>,
        person: NewResident,
        /// The form, reopened when someone alike is registered already
        /// and it was not said to be someone else (`even_if_known`).
        form: Box<super::forms::ResidentForm>,
    },
    Forget(String),
    /// A line for `kiosk.log` (logging out, leaving the kiosk).
    Log(LogLine),
    LoggedOutIdle,
}

/// What instructor mode notes in `kiosk.log` from `update`: named here,
/// worded in the kiosk's language where the log is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogLine {
    LeftKiosk,
    LoggedOut,
}

/// The instructor's search boxes. Each keeps its own text and its own
/// answers, so what is typed in one never shows up in another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchBox {
    /// The Residents view's name search.
    Residents,
    /// The attendance room's "add someone" box.
    Room,
}

/// What the database said.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    PinSet(bool),
    Pin(PinNote),
    PinOk,
    NoPin,
    Today(Today),
    Residents(Vec<ResidentSummary>),
    Modules(Vec<ModuleStats>),
    Questions(String, Vec<QuestionStats>),
    Groups(Vec<GroupStats>),
    Found {
        query: String,
        ids: Vec<String>,
        for_box: SearchBox,
    },
    Room {
        class_id: String,
        marks: Vec<AttendanceMark>,
    },
    /// A change was saved; reload the view on show.
    Saved,
    /// A resident was erased; reload the view on show.
    Erased,
    /// Not saved: `known` has the same name, year of birth and group.
    Known {
        form: Box<super::forms::ResidentForm>,
        known: Box<crate::store::Resident>,
    },
    /// Something could not be done; why.
    Failed(Why),
}

/// Why something could not be done, said on the screen in its language:
/// the store's own words are English (they are for the log).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// Another seat or program kept the database busy.
    Busy,
    /// The class or person is not in the database (any more).
    NotFound,
    /// Anything else, in the store's words (file or SQLite errors).
    Other(String),
}

impl Why {
    pub fn of(e: &StoreError) -> Why {
        match e {
            StoreError::Busy { .. } => Why::Busy,
            StoreError::NotFound { .. } => Why::NotFound,
            other => Why::Other(other.to_string()),
        }
    }

    pub fn text(&self, t: &crate::i18n::Texts) -> String {
        let why = match self {
            Why::Busy => t.ins_why_busy.to_string(),
            Why::NotFound => t.ins_why_not_found.to_string(),
            Why::Other(s) => s.clone(),
        };
        fill(t.ins_trouble, &[("why", &why)])
    }
}

fn msg(r: Reply) -> Vec<Msg> {
    vec![Msg::Instructor(r)]
}

/// Carries out an instructor effect against the store.
pub fn execute(store: &Store, log: &Log, effect: Effect) -> Vec<Msg> {
    let failed = |what: &str, e: &StoreError| {
        log.write(&fill(
            log.t().log_ins_failed,
            &[("what", &what), ("error", &e)],
        ));
        msg(Reply::Failed(Why::of(e)))
    };
    match effect {
        Effect::CheckPinSet => match store.pin_is_set() {
            Ok(set) => msg(Reply::PinSet(set)),
            Err(e) => failed(log.t().log_do_read_pin, &e),
        },
        Effect::CheckPin(pin) => match store.check_pin(&pin) {
            Ok(PinCheck::Ok) => {
                log.write(log.t().log_ins_in);
                msg(Reply::PinOk)
            }
            Ok(PinCheck::NotSet) => msg(Reply::NoPin),
            Ok(PinCheck::Wrong {
                failures,
                locked_until,
            }) => {
                log.write(&fill(log.t().log_ins_wrong_pin, &[("failures", &failures)]));
                msg(Reply::Pin(match locked_until {
                    Some(until) => PinNote::Locked {
                        wait_secs: ((until - now_ms()) / 1000).max(1),
                    },
                    None => PinNote::Wrong {
                        tries_left: FREE_TRIES.saturating_sub(failures),
                    },
                }))
            }
            Ok(PinCheck::Locked { until }) => msg(Reply::Pin(PinNote::Locked {
                wait_secs: ((until - now_ms()) / 1000).max(1),
            })),
            Err(e) => {
                log.write(&fill(
                    log.t().log_ins_failed,
                    &[("what", &log.t().log_do_check_pin), ("error", &e)],
                ));
                msg(Reply::Pin(PinNote::Trouble))
            }
        },
        Effect::Load {
            tab,
            stuck_minutes,
            indicators,
        } => {
            let r = match tab {
                Tab::Today => store.today(stuck_minutes).map(Reply::Today),
                Tab::Residents => store.resident_summaries().map(Reply::Residents),
                Tab::Modules => store.module_stats().map(Reply::Modules),
                Tab::Groups => store.group_stats(&indicators).map(Reply::Groups),
            };
            r.map(msg)
                .unwrap_or_else(|e| failed(log.t().log_do_load_view, &e))
        }
        Effect::LoadQuestions(module) => match store.question_stats(&module) {
            Ok(q) => msg(Reply::Questions(module, q)),
            Err(e) => failed(log.t().log_do_load_questions, &e),
        },
        Effect::Search { query, for_box } => match store.find_residents(&query, 500) {
            Ok(found) => msg(Reply::Found {
                query,
                ids: found.into_iter().map(|r| r.id).collect(),
                for_box,
            }),
            Err(e) => failed(log.t().log_do_search, &e),
        },
        Effect::OpenClass { topic, instructor } => {
            match store.open_class_session(&topic, &instructor) {
                Ok(_) => msg(Reply::Saved),
                Err(e) => failed(log.t().log_do_open_class, &e),
            }
        }
        Effect::CloseClass(id) => match store.close_class_session(&id) {
            Ok(()) => msg(Reply::Saved),
            Err(e) => failed(log.t().log_do_close_class, &e),
        },
        Effect::LoadRoom(class_id) => match store.attendance(&class_id) {
            Ok(marks) => msg(Reply::Room { class_id, marks }),
            Err(e) => failed(log.t().log_do_load_attendance, &e),
        },
        Effect::Mark {
            class_id,
            resident_id,
            status,
            by,
        } => match store.mark_attendance(&class_id, &resident_id, status, &by) {
            Ok(()) => Vec::new(),
            Err(e) => failed(log.t().log_do_mark_attendance, &e),
        },
        Effect::Indicator {
            resident_id,
            indicator,
            reached,
            by,
        } => match store.record_indicator(&resident_id, &indicator, reached, &by) {
            Ok(()) => msg(Reply::Saved),
            Err(e) => failed(log.t().log_do_record_indicator, &e),
        },
        Effect::SaveResident { id, person, form } => {
            // A new registration of someone registered already: show the
            // form again, saying who, unless the instructor said so before.
            if id.is_none() && !form.even_if_known {
                match store.matching_resident(&person) {
                    Ok(Some(known)) => {
                        let known = Box::new(known);
                        return msg(Reply::Known { form, known });
                    }
                    Ok(None) => {}
                    Err(e) => return failed(log.t().log_do_save_resident, &e),
                }
            }
            let r = match &id {
                Some(id) => store.update_resident(id, &person),
                None => store.add_resident(&person).map(|_| ()),
            };
            match r {
                Ok(()) => msg(Reply::Saved),
                Err(e) => failed(log.t().log_do_save_resident, &e),
            }
        }
        Effect::Forget(id) => match store.forget_resident(&id) {
            Ok(()) => {
                log.write(&fill(log.t().log_ins_forgot, &[("id", &id)]));
                msg(Reply::Erased)
            }
            Err(e) => failed(log.t().log_do_forget_resident, &e),
        },
        Effect::Log(line) => {
            log.write(match line {
                LogLine::LeftKiosk => log.t().log_ins_left,
                LogLine::LoggedOut => log.t().log_ins_out,
            });
            Vec::new()
        }
        Effect::LoggedOutIdle => {
            log.write(log.t().log_ins_idle);
            Vec::new()
        }
    }
}

/// The effect that loads view `tab`, with the settings it needs.
pub fn load(app: &App, tab: Tab) -> AppEffect {
    let cfg = &app.settings.instructor;
    AppEffect::Instructor(Effect::Load {
        tab,
        stuck_minutes: cfg.stuck_minutes,
        indicators: cfg.indicators.iter().map(|i| i.id.clone()).collect(),
    })
}

/// After a change, the Residents search runs again, so that a person just
/// registered, corrected or erased shows in its results as they now are.
fn search_again(d: &Desk) -> Option<AppEffect> {
    (!d.search.trim().is_empty()).then(|| {
        AppEffect::Instructor(Effect::Search {
            query: d.search.clone(),
            for_box: SearchBox::Residents,
        })
    })
}

/// Handles a reply inside `update`.
pub fn reply(app: &mut App, reply: Reply) -> Vec<AppEffect> {
    let reload = |app: &App| {
        let tab = match &app.screen {
            crate::ui::app::Screen::Instructor(s) => match &s.stage {
                Stage::Desk(d) => d.tab(),
                _ => Tab::Today,
            },
            _ => Tab::Today,
        };
        load(app, tab)
    };
    let reload = reload(app);
    let now = app.now;
    let Some(s) = state(app) else {
        return Vec::new();
    };
    match reply {
        Reply::PinSet(true) => Vec::new(),
        Reply::PinSet(false) | Reply::NoPin => {
            s.stage = Stage::NoPin;
            Vec::new()
        }
        Reply::Pin(note) => {
            if let Stage::Pin(p) = &mut s.stage {
                p.note = Some(note);
            }
            Vec::new()
        }
        Reply::PinOk => {
            // Today opens with the people who need help on top.
            let mut desk = Box::<Desk>::default();
            desk.sort[0] = super::Sort {
                column: super::today::HELP_COLUMN,
                descending: true,
            };
            desk.today_due = now + super::TODAY_REFRESH_MS;
            s.stage = Stage::Desk(desk);
            vec![reload]
        }
        other => {
            let modules = matches!(other, Reply::Modules(_));
            // Read again every 10 s, the rows re-sort (someone gets stuck
            // and moves up): the chosen learner stays chosen.
            let chosen = match other {
                Reply::Today(_) => super::today::chosen_id(app),
                _ => None,
            };
            let Some(d) = desk(app) else {
                return Vec::new();
            };
            let mut fx = on_data(d, other, reload);
            if let Some(id) = chosen {
                super::today::choose(app, &id);
            }
            // The item analysis follows the chosen module.
            if modules {
                fx.extend(super::modules::selection_changed(app));
            }
            fx
        }
    }
}

fn on_data(d: &mut Desk, reply: Reply, reload: AppEffect) -> Vec<AppEffect> {
    match reply {
        Reply::Today(t) => d.today = Some(t),
        Reply::Residents(r) => d.residents = Some(r),
        Reply::Modules(m) => d.modules = Some(m),
        Reply::Questions(id, q) => d.questions = Some((id, q)),
        Reply::Groups(g) => d.groups = Some(g),
        // Only the answer to what that box says now counts.
        Reply::Found {
            query,
            ids,
            for_box: SearchBox::Residents,
        } => {
            if query == d.search {
                d.found = Some(ids);
            }
        }
        Reply::Found {
            query,
            ids,
            for_box: SearchBox::Room,
        } => super::room::found(d, &query, ids),
        Reply::Room { class_id, marks } => super::room::loaded(d, class_id, marks),
        Reply::Saved | Reply::Erased => {
            d.note = Some(if reply == Reply::Erased {
                Note::Erased
            } else {
                Note::Saved
            });
            return std::iter::once(reload).chain(search_again(d)).collect();
        }
        Reply::Known { mut form, known } => {
            form.even_if_known = true;
            form.known = Some(*known);
            d.modal = Some(super::Modal::Resident(*form));
        }
        Reply::Failed(why) => {
            d.note = Some(Note::Trouble(why));
            // A mark that was not saved must not show as made: the room
            // reads its marks again.
            if let Some(super::Modal::Room(room)) = &d.modal {
                return vec![AppEffect::Instructor(Effect::LoadRoom(
                    room.class.id.clone(),
                ))];
            }
        }
        Reply::PinSet(_) | Reply::Pin(_) | Reply::PinOk | Reply::NoPin => {}
    }
    Vec::new()
}

//! Home: "Continue where you left off" first and biggest, then every module
//! with its progress and a done mark. A locked module says which module to
//! finish first. Signing out is here (asked first).

use crate::i18n::fill;
use crate::lessons::Module;
use crate::store::{ModuleProgress, Resume};

use super::app::{Action, App, BackTo, Confirm, Effect, Keys, Notice, Overlay, Screen, footer};
use super::layout::{Block, Button, Page, Target, Tone};
use super::{lesson, quiz};

/// Shows home and refreshes the learner's progress from the database.
pub fn go_home(app: &mut App) -> Vec<Effect> {
    app.go(Screen::Home);
    match &app.learner {
        Some(l) => vec![Effect::LoadProgress {
            resident_id: l.person.id.clone(),
        }],
        None => {
            app.go(Screen::Welcome);
            Vec::new()
        }
    }
}

/// The first prerequisite of module `i` not yet passed (its index), if any.
/// A prerequisite that is not loaded (its file has errors) does not lock:
/// the learner must never be stuck behind a module they cannot open.
pub fn locked_by(app: &App, i: usize) -> Option<usize> {
    let m = app.curriculum.modules.get(i)?;
    let l = app.learner.as_ref()?;
    m.prerequisites.iter().find_map(|p| {
        let j = app.curriculum.modules.iter().position(|o| &o.id == p)?;
        (!l.module(p).passed).then_some(j)
    })
}

/// The module "continue" should open when there is no exact resume point:
/// the first one not passed and not locked.
fn next_module(app: &App) -> Option<usize> {
    let l = app.learner.as_ref()?;
    (0..app.curriculum.modules.len())
        .find(|&i| !l.module(&app.curriculum.modules[i].id).passed && locked_by(app, i).is_none())
}

fn status(app: &App, m: &Module, st: &ModuleProgress, locked: Option<usize>) -> String {
    let t = app.t();
    if let Some(j) = locked {
        let first = app.curriculum.modules[j].title.get(app.lang);
        return fill(t.home_locked, &[("module", &first)]);
    }
    if st.passed {
        let best = st.best_score.unwrap_or(100);
        return fill(t.home_done, &[("score", &best)]);
    }
    let seen = st.steps_seen.iter().filter(|s| **s < m.steps.len()).count();
    if seen == 0 && st.attempts == 0 {
        return fill(t.home_not_started, &[("minutes", &m.minutes)]);
    }
    let mut s = fill(
        t.home_pages_seen,
        &[("n", &seen), ("total", &m.steps.len())],
    );
    if let Some(last) = st.last_score {
        s.push_str(" · ");
        s.push_str(&fill(t.home_last_score, &[("score", &last)]));
    }
    s
}

/// Where "continue" goes back to: the store's resume point (the newest
/// thing the learner did), except a page of a module already passed that
/// is not mid-way through a review. Choosing "Review" after passing opens
/// the module's first page, and that page view is the newest thing: home
/// then offered "Học tiếp: <the module just passed>, bước 1/10" instead of
/// the next module. A review read past its first page and not to its last
/// is still offered, as "Xem lại tiếp"; the first or the last page of a
/// passed module is not (nothing begun, or nothing left), so "continue"
/// goes on to the next module not yet passed.
fn resume_point(app: &App) -> Option<Resume> {
    let l = app.learner.as_ref()?;
    let resume = l.resume.clone()?;
    if let Resume::Page { module_id, step } = &resume
        && l.module(module_id).passed
        && !mid_review(app, module_id, *step)
    {
        return None;
    }
    Some(resume)
}

/// Page `step` of a module is neither its first nor its last.
fn mid_review(app: &App, module_id: &str, step: usize) -> bool {
    let steps = app
        .curriculum
        .module(module_id)
        .map_or(0, |m| m.steps.len());
    step > 0 && step + 1 < steps
}

/// The text of the "continue" tile, or None when everything is done.
fn resume_text(app: &App) -> Option<String> {
    let t = app.t();
    let l = app.learner.as_ref()?;
    match &resume_point(app) {
        Some(Resume::Page { module_id, step }) => {
            if let Some(m) = app.curriculum.module(module_id) {
                let n = (*step).min(m.steps.len().saturating_sub(1)) + 1;
                let template = if l.module(module_id).passed {
                    t.home_continue_review
                } else {
                    t.home_continue_page
                };
                return Some(fill(
                    template,
                    &[
                        ("module", &m.title.get(app.lang)),
                        ("n", &n),
                        ("total", &m.steps.len()),
                    ],
                ));
            }
        }
        Some(Resume::Quiz {
            module_id,
            question_order,
            answered,
            ..
        }) => {
            if let Some(m) = app.curriculum.module(module_id) {
                // Counted as `quiz::resume` will ask them: only questions
                // still in the module (its file may have changed since).
                let here = |id: &String| m.quiz.iter().any(|q| &q.id == id);
                let total = question_order.iter().filter(|id| here(id)).count();
                let done = answered
                    .iter()
                    .filter(|(id, _, _)| here(id) && question_order.contains(id))
                    .count();
                let (n, total) = match total {
                    0 => (1, m.quiz.len()),
                    total => ((done + 1).min(total), total),
                };
                return Some(fill(
                    t.home_continue_quiz,
                    &[
                        ("module", &m.title.get(app.lang)),
                        ("n", &n),
                        ("total", &total),
                    ],
                ));
            }
        }
        None => {}
    }
    let i = next_module(app)?;
    let m = &app.curriculum.modules[i];
    let started = !l.module(&m.id).steps_seen.is_empty();
    let template = if started {
        t.home_continue_module
    } else {
        t.home_start_module
    };
    Some(fill(template, &[("module", &m.title.get(app.lang))]))
}

pub fn page(app: &App) -> Page {
    let t = app.t();
    let name = app
        .learner
        .as_ref()
        .map(|l| l.person.name.clone())
        .unwrap_or_default();
    let mut body = Vec::new();
    if app.curriculum.modules.is_empty() {
        body.push(Block::callout(
            Tone::Warning,
            t.notice_label,
            t.home_no_modules,
        ));
    } else if let Some(text) = resume_text(app) {
        body.push(Block::Row {
            target: Target::Resume,
            mark: "▶ ".into(),
            text,
            tone: Tone::Strong,
            big: true,
        });
    } else {
        body.push(Block::callout(
            Tone::Good,
            t.home_all_done_label,
            t.home_all_done,
        ));
    }
    if !app.curriculum.modules.is_empty() {
        body.push(Block::strong(t.home_modules));
    }
    for (i, m) in app.curriculum.modules.iter().enumerate() {
        let st = app
            .learner
            .as_ref()
            .map(|l| l.module(&m.id))
            .unwrap_or_else(|| ModuleProgress::new(&m.id));
        let locked = locked_by(app, i);
        let mark = if st.passed { "✓ " } else { "  " };
        let text = format!(
            "{}. {}\n{}",
            i + 1,
            m.title.get(app.lang),
            status(app, m, &st, locked)
        );
        body.push(Block::Row {
            target: Target::Module(i),
            mark: mark.into(),
            text,
            tone: if locked.is_some() {
                Tone::Muted
            } else {
                Tone::Normal
            },
            big: false,
        });
    }
    Page {
        title: fill(t.home_title, &[("name", &name)]),
        corner: app.settings.site_name.clone(),
        body,
        buttons: vec![Button::new(Target::SignOut, t.home_sign_out)],
        footer: footer(
            app,
            Keys {
                next: true,
                back: BackTo::SignOut,
                pick: !app.curriculum.modules.is_empty(),
                ..Keys::default()
            },
        ),
        default_focus: Some(0),
        pinned: 0,
    }
}

pub fn on(app: &mut App, action: Action) -> Vec<Effect> {
    match (app.target_of(&action), action) {
        (Some(Target::Resume), _) => resume(app),
        (Some(Target::Module(i)), _) | (_, Action::Pick(i)) => open_module(app, i),
        (Some(Target::SignOut), _) | (_, Action::Back) => {
            app.overlay = Some(Overlay::Confirm {
                what: Confirm::SignOut,
                focus: 0,
            });
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Opens module `i` where it makes sense: the first page not yet seen, or
/// the beginning when all were seen.
pub fn open_module(app: &mut App, i: usize) -> Vec<Effect> {
    let Some(m) = app.curriculum.modules.get(i) else {
        return Vec::new();
    };
    if let Some(j) = locked_by(app, i) {
        app.notice = Some(Notice::Locked(j));
        return Vec::new();
    }
    let st = app
        .learner
        .as_ref()
        .map(|l| l.module(&m.id))
        .unwrap_or_else(|| ModuleProgress::new(&m.id));
    let step = if st.passed {
        0
    } else {
        (0..m.steps.len())
            .find(|s| !st.steps_seen.contains(s))
            .unwrap_or(0)
    };
    lesson::open(app, i, step)
}

/// "Continue where you left off": the exact page or question (see
/// [`resume_point`]), else the next module to learn.
pub fn resume(app: &mut App) -> Vec<Effect> {
    match resume_point(app) {
        Some(Resume::Page { module_id, step }) => {
            if let Some(i) = app
                .curriculum
                .modules
                .iter()
                .position(|m| m.id == module_id)
            {
                let last = app.curriculum.modules[i].steps.len().saturating_sub(1);
                return lesson::open(app, i, step.min(last));
            }
        }
        Some(Resume::Quiz {
            module_id,
            attempt_id,
            question_order,
            answered,
        }) => {
            if let Some(i) = app
                .curriculum
                .modules
                .iter()
                .position(|m| m.id == module_id)
            {
                return quiz::resume(app, i, attempt_id, &question_order, &answered);
            }
        }
        None => {}
    }
    match next_module(app) {
        Some(i) => open_module(app, i),
        None => Vec::new(),
    }
}

//! A lesson page: one page per screen with a step counter ("Bước 3/8"), the
//! text, tip and warning callouts styled apart, and "try it on your phone"
//! tasks the learner confirms with a key or a touch. Each page shown is
//! recorded at once, so the learner resumes on this exact page.

use crate::i18n::fill;

use crate::store::{ModuleProgress, Resume};

use super::app::{Action, App, BackTo, Effect, Keys, Screen, footer};
use super::home::go_home;
use super::layout::{Block, Button, Page, Target, Tone};
use super::quiz;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lesson {
    /// Index in the curriculum.
    pub module: usize,
    pub step: usize,
    /// The practice task on this page was confirmed.
    pub practiced: bool,
}

/// Shows page `step` of module `module` and records that it was seen.
pub fn open(app: &mut App, module: usize, step: usize) -> Vec<Effect> {
    let Some(m) = app.curriculum.modules.get(module) else {
        return Vec::new();
    };
    let module_id = m.id.clone();
    app.go(Screen::Lesson(Lesson {
        module,
        step,
        practiced: false,
    }));
    let Some(l) = app.learner.as_mut() else {
        return Vec::new();
    };
    // Mirror the write locally so home is right even before a reload.
    let st = l
        .progress
        .entry(module_id.clone())
        .or_insert_with(|| ModuleProgress::new(&module_id));
    st.steps_seen.insert(step);
    st.last_step = Some(step);
    l.resume = Some(Resume::Page {
        module_id: module_id.clone(),
        step,
    });
    vec![Effect::RecordStep {
        session_id: l.session_id.clone(),
        resident_id: l.person.id.clone(),
        module_id,
        step,
    }]
}

pub fn page(app: &App, s: &Lesson) -> Page {
    let t = app.t();
    let Some(m) = app.curriculum.modules.get(s.module) else {
        return Page::default();
    };
    let Some(step) = m.steps.get(s.step) else {
        return Page::default();
    };
    let lang = app.lang;
    let mut body = vec![Block::text(step.text.get(lang))];
    if let Some(tip) = &step.tip {
        body.push(Block::callout(Tone::Tip, t.tip_label, tip.get(lang)));
    }
    if let Some(w) = &step.warning {
        body.push(Block::callout(Tone::Warning, t.warning_label, w.get(lang)));
    }
    if let Some(p) = &step.practice {
        body.push(Block::callout(
            Tone::Practice,
            t.practice_label,
            p.get(lang),
        ));
        body.push(Block::Row {
            target: Target::Practice,
            mark: if s.practiced { "[✓] " } else { "[ ] " }.into(),
            text: if s.practiced {
                t.practice_done
            } else {
                t.practice_confirm
            }
            .into(),
            tone: if s.practiced {
                Tone::Good
            } else {
                Tone::Strong
            },
            big: false,
        });
    }
    let last = s.step + 1 >= m.steps.len();
    let mut page = Page {
        title: m.title.get(lang).to_string(),
        corner: fill(
            t.lesson_step,
            &[("n", &(s.step + 1)), ("total", &m.steps.len())],
        ),
        body,
        buttons: vec![
            Button::new(Target::Back, t.button_back),
            Button::primary(
                Target::Next,
                if last {
                    t.lesson_to_quiz
                } else {
                    t.button_next
                },
            ),
        ],
        footer: footer(
            app,
            Keys {
                next: true,
                back: BackTo::Previous,
                toggle: step.practice.is_some(),
                home: true,
                ..Keys::default()
            },
        ),
        default_focus: None,
        // The task and its check box stay above the buttons when the text
        // is long: what to do is never below the fold.
        pinned: if step.practice.is_some() { 2 } else { 0 },
    };
    // "Continue" has the focus on every page. On a "try it on your phone"
    // page Space or a touch on the box ticks it without moving on; the
    // footer says "done, next page" only once it is ticked, since Enter
    // alone ticks nothing.
    page.default_focus = page.button_focus(&Target::Next);
    let word = if read_on(app, &page) {
        Some(t.do_read_on)
    } else if s.practiced {
        Some(t.practice_next_word)
    } else {
        None
    };
    if let (Some(word), Some(next)) = (word, page.footer.first_mut()) {
        *next = (t.key_next.to_string(), word.to_string());
    }
    page
}

/// Enter on this page would read on (text below the fold) rather than
/// go to the next page.
fn read_on(app: &App, page: &Page) -> bool {
    let laid = app.laid(page);
    laid.offset < laid.max_offset()
}

/// Whether the lesson page on screen has text below what is shown.
fn unread(app: &App) -> bool {
    read_on(app, &super::app::page(app))
}

/// The page's words, for reading aloud.
pub fn spoken(app: &App, s: &Lesson) -> Option<String> {
    let step = app.curriculum.modules.get(s.module)?.steps.get(s.step)?;
    let t = app.t();
    let lang = app.lang;
    let mut parts = vec![step.text.get(lang).to_string()];
    if let Some(tip) = &step.tip {
        parts.push(format!("{}: {}", t.tip_label, tip.get(lang)));
    }
    if let Some(w) = &step.warning {
        parts.push(format!("{}: {}", t.warning_label, w.get(lang)));
    }
    if let Some(p) = &step.practice {
        parts.push(format!("{}: {}", t.practice_label, p.get(lang)));
    }
    Some(parts.join("\n"))
}

pub fn on(app: &mut App, action: Action) -> Vec<Effect> {
    let Screen::Lesson(s) = &app.screen else {
        return Vec::new();
    };
    let s = s.clone();
    let steps = app
        .curriculum
        .modules
        .get(s.module)
        .map_or(0, |m| m.steps.len());
    let has_practice = app
        .curriculum
        .modules
        .get(s.module)
        .and_then(|m| m.steps.get(s.step))
        .is_some_and(|st| st.practice.is_some());
    match (app.target_of(&action), action) {
        // Enter or → on a page not yet read to its end reads on first:
        // a warning cut off at the bottom must not be skipped by the key
        // that means "continue" (the footer then says "read on"). A click
        // on the button still goes on at once.
        (Some(Target::Next), Action::Activate | Action::Continue) if unread(app) => {
            let laid = app.laid(&super::app::page(app));
            let step = laid.body.height.saturating_sub(1).max(1);
            app.scroll = (laid.offset + step).min(laid.max_offset());
            app.follow = false;
            Vec::new()
        }
        (Some(Target::Next), _) => {
            if s.step + 1 < steps {
                open(app, s.module, s.step + 1)
            } else {
                quiz::start(app, s.module)
            }
        }
        (Some(Target::Back), _) | (_, Action::Back) => {
            if s.step > 0 {
                open(app, s.module, s.step - 1)
            } else {
                go_home(app)
            }
        }
        // Enter on the lit box ticks it, as Enter chooses whatever is lit
        // everywhere else; "continue" then has the focus.
        (Some(Target::Practice), _) | (_, Action::Toggle) if has_practice => {
            // Keep the page where it is while the focus moves to "continue".
            app.scroll = app.laid(&super::app::page(app)).offset;
            if let Screen::Lesson(l) = &mut app.screen {
                l.practiced = !l.practiced;
            }
            // Done: "continue" is next.
            app.focus = None;
            Vec::new()
        }
        (_, Action::Home) => go_home(app),
        _ => Vec::new(),
    }
}

//! The quiz result: the score, passed or not, which questions to review,
//! and the way on (retry, review the lesson, or home).

use crate::i18n::fill;
use crate::lessons::pass_count;

use super::app::{Action, App, BackTo, Effect, Keys, Screen, footer};
use super::home::go_home;
use super::layout::{Block, Button, Page, Target, Tone};
use super::{lesson, quiz};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Index in the curriculum.
    pub module: usize,
    pub correct: usize,
    pub total: usize,
    pub score: u8,
    pub passed: bool,
    /// Question indices answered wrongly.
    pub wrong: Vec<usize>,
}

fn summary(app: &App, r: &Outcome) -> (String, String) {
    let t = app.t();
    let pass = app
        .curriculum
        .modules
        .get(r.module)
        .map_or(0, |m| m.pass_percent);
    // "At least 4 of 5 questions", not "80 %": a count of questions is
    // what a learner can picture.
    let need = pass_count(pass, r.total);
    let score = fill(
        t.result_score,
        &[
            ("correct", &r.correct),
            ("total", &r.total),
            ("score", &r.score),
        ],
    );
    let verdict = if r.passed {
        t.result_passed.to_string()
    } else {
        fill(t.result_failed, &[("need", &need), ("total", &r.total)])
    };
    (score, verdict)
}

pub fn page(app: &App, r: &Outcome) -> Page {
    let t = app.t();
    let Some(m) = app.curriculum.modules.get(r.module) else {
        return Page::default();
    };
    let (score, verdict) = summary(app, r);
    let mut body = vec![
        Block::strong(score),
        Block::callout(
            if r.passed { Tone::Good } else { Tone::Bad },
            if r.passed {
                t.result_passed_label
            } else {
                t.result_failed_label
            },
            verdict,
        ),
    ];
    if !r.wrong.is_empty() {
        body.push(Block::strong(t.result_review));
        for qi in &r.wrong {
            if let Some(q) = m.quiz.get(*qi) {
                body.push(Block::text(format!("• {}", q.prompt.get(app.lang))));
            }
        }
    }
    let (retry, home) = if r.passed {
        (
            Button::new(Target::Retry, t.result_retry),
            Button::primary(Target::Home, t.result_home),
        )
    } else {
        (
            Button::primary(Target::Retry, t.result_retry),
            Button::new(Target::Home, t.result_home),
        )
    };
    let mut page = Page {
        title: m.title.get(app.lang).to_string(),
        corner: t.result_corner.to_string(),
        body,
        buttons: vec![
            Button::new(Target::Review, t.result_review_lesson),
            retry,
            home,
        ],
        footer: footer(
            app,
            Keys {
                next: true,
                back: BackTo::Home,
                home: true,
                ..Keys::default()
            },
        ),
        default_focus: None,
        pinned: 0,
    };
    page.default_focus = page.button_focus(if r.passed {
        &Target::Home
    } else {
        &Target::Retry
    });
    page
}

pub fn spoken(app: &App, r: &Outcome) -> Option<String> {
    let (score, verdict) = summary(app, r);
    Some(format!("{score}\n{verdict}"))
}

pub fn on(app: &mut App, action: Action) -> Vec<Effect> {
    let Screen::Result(r) = &app.screen else {
        return Vec::new();
    };
    let module = r.module;
    match (app.target_of(&action), action) {
        (Some(Target::Retry), _) => quiz::start(app, module),
        (Some(Target::Review), _) => lesson::open(app, module, 0),
        (Some(Target::Home), _) | (_, Action::Home) | (_, Action::Back) => go_home(app),
        _ => Vec::new(),
    }
}

//! The quiz: one question per screen with numbered choices. Single choice and
//! true/false: press a number or touch a choice, then "Answer". Select-all:
//! number keys, Space or touch toggle each choice. Ordering: press (or touch)
//! the steps in the right order — each shows its place in words,
//! "3. (bước 1)"; press it again to take it back. After each answer the
//! learner sees right or wrong, the correct answer and the explanation.
//! Each answer is saved at once, in terms of the choices as written in the
//! lesson file.
//!
//! The key rule, the same for every kind of question: number keys, Space,
//! a touch, or Enter on a choice lit with ↑/↓ CHOOSE; → (and Enter when no
//! choice is lit) means "Answer" and only works once an answer is given —
//! otherwise it says to choose first. Nothing is lit when a question opens,
//! so a continue key can never pick a choice by accident. A choice made
//! directly (its number or a touch) never lights that choice: "Answer" is
//! lit once the answer is complete, else nothing, so the Enter that
//! follows answers instead of undoing the pick (on a select-all question
//! `1 2 Enter` used to untick 2). Enter or Space on a lit choice keeps it
//! lit, so a keyboard-only learner goes on with ↓ and Enter. The footer
//! says what Enter does with the focus where it is now. ← and Esc ask
//! whether to stop the quiz (there is no going back to a question).

use unicode_width::UnicodeWidthStr;

use crate::i18n::fill;
use crate::lessons::{Module, Question, QuestionKind, Response, score_percent};
use crate::store::{ModuleProgress, Resume};

use super::app::{Action, App, BackTo, Confirm, Effect, Keys, Notice, Overlay, Screen, footer};
use super::layout::{Block, Button, Page, Target, Tone};
use super::result::Outcome;
use super::shuffle;

/// What the learner answered to one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Given {
    pub response: Response,
    pub correct: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quiz {
    /// Index in the curriculum.
    pub module: usize,
    /// Known once the store has started the attempt.
    pub attempt_id: Option<String>,
    /// Question indices (in `Module::quiz`) in the order asked.
    pub order: Vec<usize>,
    /// Position in `order` of the question on screen.
    pub index: usize,
    /// Per position: the answer given, if any.
    pub answers: Vec<Option<Given>>,
    /// The current selection, as positions on screen (for ordering
    /// questions: in the order pressed).
    pub picked: Vec<usize>,
}

impl Quiz {
    fn question<'m>(&self, m: &'m Module) -> Option<&'m Question> {
        m.quiz.get(*self.order.get(self.index)?)
    }

    fn given(&self) -> Option<&Given> {
        self.answers.get(self.index)?.as_ref()
    }
}

/// Choice order on screen: `shown[position] = index as written`.
pub fn shown(m: &Module, q: &Question, attempt: &str) -> Vec<usize> {
    match q.kind {
        QuestionKind::TrueFalse => vec![0, 1],
        QuestionKind::Order => shuffle::scramble(attempt, &q.id, q.choices.len()),
        _ if m.shuffle_choices => shuffle::permutation(attempt, &q.id, q.choices.len()),
        _ => (0..q.choices.len()).collect(),
    }
}

/// Choice labels as written (true/false get Đúng / Sai).
fn labels(app: &App, q: &Question) -> Vec<String> {
    let t = app.t();
    match q.kind {
        QuestionKind::TrueFalse => vec![t.quiz_true.to_string(), t.quiz_false.to_string()],
        _ => q
            .choices
            .iter()
            .map(|c| c.get(app.lang).to_string())
            .collect(),
    }
}

/// Starts a new attempt at module `module`'s quiz.
pub fn start(app: &mut App, module: usize) -> Vec<Effect> {
    let Some(m) = app.curriculum.modules.get(module) else {
        return Vec::new();
    };
    let order: Vec<usize> = (0..m.quiz.len()).collect();
    let ids: Vec<String> = m.quiz.iter().map(|q| q.id.clone()).collect();
    let module_id = m.id.clone();
    app.go(Screen::Quiz(Quiz {
        module,
        attempt_id: None,
        answers: vec![None; order.len()],
        order,
        index: 0,
        picked: Vec::new(),
    }));
    match &app.learner {
        Some(l) => vec![Effect::StartAttempt {
            session_id: l.session_id.clone(),
            resident_id: l.person.id.clone(),
            module_id,
            question_order: ids,
        }],
        None => Vec::new(),
    }
}

/// The store started the attempt.
pub fn started(app: &mut App, attempt_id: String) -> Vec<Effect> {
    if let Screen::Quiz(q) = &mut app.screen
        && q.attempt_id.is_none()
    {
        q.attempt_id = Some(attempt_id);
    }
    Vec::new()
}

/// The store found an unfinished attempt at the quiz just opened: it
/// replaces the new one, on its first unanswered question.
pub fn resumed(app: &mut App, open: Resume) -> Vec<Effect> {
    let Resume::Quiz {
        module_id,
        attempt_id,
        question_order,
        answered,
    } = open
    else {
        return Vec::new();
    };
    let module = match &app.screen {
        Screen::Quiz(q) if q.attempt_id.is_none() => q.module,
        _ => return Vec::new(),
    };
    if app.curriculum.modules.get(module).map(|m| &m.id) != Some(&module_id) {
        return Vec::new();
    }
    resume(app, module, attempt_id, &question_order, &answered)
}

/// Reopens an unfinished attempt on its first unanswered question.
pub fn resume(
    app: &mut App,
    module: usize,
    attempt_id: String,
    question_order: &[String],
    answered: &[(String, String, bool)],
) -> Vec<Effect> {
    let Some(m) = app.curriculum.modules.get(module) else {
        return Vec::new();
    };
    let order: Vec<usize> = question_order
        .iter()
        .filter_map(|id| m.quiz.iter().position(|q| &q.id == id))
        .collect();
    if order.is_empty() {
        return start(app, module);
    }
    let answers: Vec<Option<Given>> = order
        .iter()
        .map(|&qi| {
            let q = &m.quiz[qi];
            let (_, resp, _) = answered.iter().rev().find(|(id, _, _)| *id == q.id)?;
            let response = Response::decode(q.kind, resp)?;
            Some(Given {
                correct: q.is_correct(&response),
                response,
            })
        })
        .collect();
    let index = answers.iter().position(Option::is_none);
    app.go(Screen::Quiz(Quiz {
        module,
        attempt_id: Some(attempt_id),
        order,
        index: index.unwrap_or(0),
        answers,
        picked: Vec::new(),
    }));
    match index {
        Some(_) => Vec::new(),
        // Every question was answered before the break: finish now.
        None => finish(app),
    }
}

pub fn page(app: &App, s: &Quiz) -> Page {
    let t = app.t();
    let Some(m) = app.curriculum.modules.get(s.module) else {
        return Page::default();
    };
    let corner = fill(
        t.quiz_counter,
        &[("n", &(s.index + 1)), ("total", &s.order.len())],
    );
    let keys = |pick: bool| {
        footer(
            app,
            Keys {
                next: true,
                back: BackTo::LeaveQuiz,
                pick,
                home: true,
                ..Keys::default()
            },
        )
    };
    let (Some(attempt), Some(q)) = (s.attempt_id.as_deref(), s.question(m)) else {
        return Page {
            title: m.title.get(app.lang).to_string(),
            corner,
            body: vec![Block::text(t.quiz_preparing)],
            buttons: vec![Button::new(Target::Back, t.quiz_leave)],
            footer: keys(false),
            default_focus: None,
            pinned: 0,
        };
    };
    let labels = labels(app, q);
    let shown = shown(m, q, attempt);
    let mut body = Vec::new();
    if let Some(g) = s.given() {
        // Feedback first, so it is seen without scrolling.
        let (tone, label) = if g.correct {
            (Tone::Good, t.quiz_right)
        } else {
            (Tone::Bad, t.quiz_wrong)
        };
        body.push(Block::callout(
            tone,
            label,
            correct_answer(app, q, &labels, &shown),
        ));
        body.push(Block::callout(
            Tone::Tip,
            t.quiz_why,
            q.explanation.get(app.lang),
        ));
        body.push(Block::strong(q.prompt.get(app.lang)));
        let chosen = chosen_written(&g.response);
        // An ordering question's choices, numbered as they stood on screen,
        // would read as steps; the two orders below say it all.
        let listed = if q.kind == QuestionKind::Order {
            &shown[..0]
        } else {
            &shown[..]
        };
        for (pos, &w) in listed.iter().enumerate() {
            let right = is_right_choice(q, w);
            let mine = chosen.contains(&w);
            let (mark, tone) = match (q.kind, right, mine) {
                (QuestionKind::Order, _, _) => (String::new(), Tone::Normal),
                (_, true, _) => ("✓".to_string(), Tone::Good),
                (_, false, true) => ("✗".to_string(), Tone::Bad),
                _ => (" ".to_string(), Tone::Normal),
            };
            let yours = if mine && q.kind != QuestionKind::Order {
                format!(" ({})", t.quiz_your_choice)
            } else {
                String::new()
            };
            body.push(Block::Text {
                text: format!("{mark} {}. {}{yours}", pos + 1, labels[w]),
                tone,
            });
        }
        if let Response::Order(v) = &g.response {
            let yours: Vec<&str> = v
                .iter()
                .filter_map(|w| labels.get(*w).map(String::as_str))
                .collect();
            body.push(Block::text(format!(
                "{} {}",
                t.quiz_your_order,
                yours.join(" → ")
            )));
        }
        let last = s.index + 1 >= s.order.len();
        let mut page = Page {
            title: m.title.get(app.lang).to_string(),
            corner,
            body,
            buttons: vec![Button::primary(
                Target::Next,
                if last {
                    t.quiz_see_result
                } else {
                    t.quiz_next_question
                },
            )],
            footer: keys(false),
            default_focus: None,
            pinned: 0,
        };
        page.default_focus = page.button_focus(&Target::Next);
        return page;
    }

    body.push(Block::strong(q.prompt.get(app.lang)));
    body.push(Block::Text {
        text: match q.kind {
            QuestionKind::Single => t.quiz_how_single,
            QuestionKind::TrueFalse => t.quiz_how_true_false,
            QuestionKind::Multi => t.quiz_how_multi,
            QuestionKind::Order => t.quiz_how_order,
        }
        .to_string(),
        tone: Tone::Muted,
    });
    // An ordering question's place in words, "(bước 2)", after the key
    // number: "3. [ 2]" put two bare numbers side by side. A step not yet
    // placed has blank room there, so the steps' words stay in one column.
    let widest = place_mark(app, shown.len()).width();
    for (pos, &w) in shown.iter().enumerate() {
        let on = s.picked.contains(&pos);
        let mark = match q.kind {
            QuestionKind::Single | QuestionKind::TrueFalse => {
                format!("{}. {} ", pos + 1, if on { "(●)" } else { "( )" })
            }
            QuestionKind::Multi => format!("{}. {} ", pos + 1, if on { "[✓]" } else { "[ ]" }),
            QuestionKind::Order => {
                let place = placed_at(s, pos).map_or(String::new(), |k| place_mark(app, k));
                let pad = " ".repeat(widest.saturating_sub(place.width()));
                format!("{}. {place}{pad} ", pos + 1)
            }
        };
        body.push(Block::Row {
            target: Target::Choice(pos),
            mark,
            text: labels[w].clone(),
            tone: if on { Tone::Strong } else { Tone::Normal },
            big: false,
        });
    }
    let mut buttons = vec![Button::new(Target::Back, t.quiz_leave)];
    if q.kind == QuestionKind::Order {
        buttons.push(Button::new(Target::StartOver, t.quiz_start_over));
    }
    buttons.push(Button::primary(Target::Answer, t.quiz_answer));
    let mut page = Page {
        title: m.title.get(app.lang).to_string(),
        corner,
        body,
        buttons,
        footer: Vec::new(),
        // Nothing lit: see the key rule at the top of this file.
        default_focus: None,
        pinned: 0,
    };
    page.footer = question_keys(app, &page, q.kind, s);
    page
}

/// The footer of an unanswered question. Enter does what the focus says,
/// so its item says what it does NOW: on a lit choice it picks (ticks,
/// unticks, places, takes back) that choice and → answers; with nothing
/// lit or "Answer" lit, Enter and → both answer; on another lit button
/// both press it. Space does the same as Enter on a lit choice and
/// nothing elsewhere, so it is named only then.
fn question_keys(app: &App, page: &Page, kind: QuestionKind, s: &Quiz) -> Vec<(String, String)> {
    let t = app.t();
    let pair = |k: &str, w: &str| (k.to_string(), w.to_string());
    let now = match app.focused(page) {
        Some(Target::Choice(pos)) => {
            let on = s.picked.contains(&pos);
            let what = match (kind, on) {
                (QuestionKind::Single | QuestionKind::TrueFalse, _) => t.do_choose_lit,
                (QuestionKind::Multi, false) => t.do_tick_lit,
                (QuestionKind::Multi, true) => t.do_untick_lit,
                (QuestionKind::Order, false) => t.do_place_lit,
                (QuestionKind::Order, true) => t.do_unplace_lit,
            };
            vec![
                pair(t.key_enter_space, what),
                pair(t.key_right, t.do_answer),
            ]
        }
        None | Some(Target::Answer) => vec![pair(t.key_next, t.do_answer)],
        Some(_) => vec![pair(t.key_next, t.do_press_lit)],
    };
    let rest = footer(
        app,
        Keys {
            back: BackTo::LeaveQuiz,
            pick: true,
            home: true,
            ..Keys::default()
        },
    );
    now.into_iter().chain(rest).collect()
}

/// The place (1-based) the learner gave the choice at screen position
/// `pos` of an ordering question, if any.
fn placed_at(s: &Quiz, pos: usize) -> Option<usize> {
    s.picked.iter().position(|p| *p == pos).map(|i| i + 1)
}

/// "(bước 2)": the place `k` given to a step, in words.
fn place_mark(app: &App, k: usize) -> String {
    fill(app.t().quiz_order_place, &[("n", &k)])
}

/// Whether choice `w` (as written) is part of the right answer.
fn is_right_choice(q: &Question, w: usize) -> bool {
    use crate::lessons::Answer;
    match &q.answer {
        Answer::Single(a) => *a == w,
        Answer::Multi(v) => v.contains(&w),
        Answer::TrueFalse(b) => (w == 0) == *b,
        Answer::Order => true,
    }
}

/// Choices (as written) in a response.
fn chosen_written(r: &Response) -> Vec<usize> {
    match r {
        Response::Single(i) => vec![*i],
        Response::Multi(v) | Response::Order(v) => v.clone(),
        Response::TrueFalse(b) => vec![if *b { 0 } else { 1 }],
    }
}

/// "The right answer: …" in words. Choices are listed in the order they
/// were on screen, with their numbers, so they can be found again; the
/// steps of an ordering question in their right order, with arrows.
fn correct_answer(app: &App, q: &Question, labels: &[String], shown: &[usize]) -> String {
    let t = app.t();
    let list: Vec<String> = match q.kind {
        // The steps in their order, joined by arrows: a number in front of
        // each would clash with the numbers the choices had on screen.
        QuestionKind::Order => labels.to_vec(),
        QuestionKind::TrueFalse => (0..labels.len())
            .filter(|w| is_right_choice(q, *w))
            .map(|w| labels[w].clone())
            .collect(),
        _ => shown
            .iter()
            .enumerate()
            .filter(|(_, w)| is_right_choice(q, **w))
            .map(|(pos, w)| format!("{}. {}", pos + 1, labels[*w]))
            .collect(),
    };
    let sep = if q.kind == QuestionKind::Order {
        " → "
    } else {
        "; "
    };
    let label = if q.kind == QuestionKind::TrueFalse {
        t.quiz_statement_is
    } else {
        t.quiz_correct_is
    };
    format!("{label} {}", list.join(sep))
}

/// The question (and feedback) in words, for reading aloud.
pub fn spoken(app: &App, s: &Quiz) -> Option<String> {
    let m = app.curriculum.modules.get(s.module)?;
    let q = s.question(m)?;
    let attempt = s.attempt_id.as_deref()?;
    let labels = labels(app, q);
    let mut parts = Vec::new();
    if let Some(g) = s.given() {
        let t = app.t();
        parts.push(
            if g.correct {
                t.quiz_right
            } else {
                t.quiz_wrong
            }
            .to_string(),
        );
        parts.push(correct_answer(app, q, &labels, &shown(m, q, attempt)));
        parts.push(q.explanation.get(app.lang).to_string());
    } else {
        parts.push(q.prompt.get(app.lang).to_string());
        for (pos, &w) in shown(m, q, attempt).iter().enumerate() {
            let place = match q.kind {
                QuestionKind::Order => placed_at(s, pos)
                    .map(|k| format!(" {}", place_mark(app, k)))
                    .unwrap_or_default(),
                _ => String::new(),
            };
            parts.push(format!("{}. {}{place}", pos + 1, labels[w]));
        }
    }
    Some(parts.join("\n"))
}

pub fn on(app: &mut App, action: Action) -> Vec<Effect> {
    let Screen::Quiz(s) = &app.screen else {
        return Vec::new();
    };
    let s = s.clone();
    let Some(m) = app.curriculum.modules.get(s.module).cloned() else {
        return Vec::new();
    };
    let target = app.target_of(&action);
    let leave = |app: &mut App| {
        app.overlay = Some(Overlay::Confirm {
            what: Confirm::LeaveQuiz,
            focus: 0,
        });
        Vec::new()
    };
    match (&target, &action) {
        (Some(Target::Back), _) | (_, Action::Back) | (_, Action::Home) => return leave(app),
        _ => {}
    }
    let Some(q) = s.question(&m) else {
        return Vec::new();
    };
    if s.given().is_some() {
        return match target {
            Some(Target::Next) => next(app),
            _ => Vec::new(),
        };
    }
    if s.attempt_id.is_none() {
        return Vec::new();
    }
    let n = match q.kind {
        QuestionKind::TrueFalse => 2,
        _ => q.choices.len(),
    };
    let page = page(app, &s);
    match (target, action) {
        // Enter on the choice lit with ↑/↓ (target_of gives the focus).
        (Some(Target::Choice(pos)), Action::Activate) if pos < n => {
            choose(app, q.kind, pos, n, &page, By::Lit)
        }
        (Some(Target::Choice(pos)), _) | (_, Action::Pick(pos)) if pos < n => {
            choose(app, q.kind, pos, n, &page, By::Direct)
        }
        (_, Action::Toggle) => match app.focused(&page) {
            Some(Target::Choice(pos)) if pos < n => choose(app, q.kind, pos, n, &page, By::Lit),
            _ => Vec::new(),
        },
        (Some(Target::StartOver), _) => {
            if let Screen::Quiz(s) = &mut app.screen {
                s.picked.clear();
            }
            app.focus = Some(0);
            Vec::new()
        }
        (Some(Target::Answer), _) => answer(app, &m),
        _ => Vec::new(),
    }
}

/// How a choice was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum By {
    /// Enter or Space on the choice lit with ↑/↓.
    Lit,
    /// Its number key, or a touch.
    Direct,
}

fn choose(
    app: &mut App,
    kind: QuestionKind,
    pos: usize,
    n: usize,
    page: &Page,
    by: By,
) -> Vec<Effect> {
    let Screen::Quiz(s) = &mut app.screen else {
        return Vec::new();
    };
    let answer_focus = page.focus_of(&Target::Answer);
    let mut ready = false;
    match kind {
        QuestionKind::Single | QuestionKind::TrueFalse => {
            s.picked = vec![pos];
            ready = true;
        }
        QuestionKind::Multi => {
            if let Some(i) = s.picked.iter().position(|p| *p == pos) {
                s.picked.remove(i);
            } else {
                s.picked.push(pos);
                s.picked.sort_unstable();
            }
        }
        QuestionKind::Order => {
            if let Some(i) = s.picked.iter().position(|p| *p == pos) {
                s.picked.remove(i);
            } else {
                s.picked.push(pos);
                ready = s.picked.len() == n;
            }
        }
    }
    // A select-all answer can be given once something is ticked.
    let answerable = ready || (kind == QuestionKind::Multi && !s.picked.is_empty());
    // Once the answer is complete, "Answer" is the next thing to press. A
    // choice picked on its light keeps the light (the learner goes on with
    // ↓); one picked directly never takes it, so the next Enter answers
    // rather than picking it again (see the key rule at the top).
    match by {
        _ if ready => {
            app.focus = answer_focus;
            app.follow = true;
        }
        By::Lit => app.focus = page.focus_of(&Target::Choice(pos)),
        By::Direct if answerable => app.focus = answer_focus,
        By::Direct => app.focus = None,
    }
    Vec::new()
}

fn answer(app: &mut App, m: &Module) -> Vec<Effect> {
    let Screen::Quiz(s) = &app.screen else {
        return Vec::new();
    };
    let (Some(q), Some(attempt)) = (s.question(m), s.attempt_id.clone()) else {
        return Vec::new();
    };
    let shown = shown(m, q, &attempt);
    let response = match q.kind {
        QuestionKind::Single => s.picked.first().map(|p| Response::Single(shown[*p])),
        QuestionKind::TrueFalse => s.picked.first().map(|p| Response::TrueFalse(*p == 0)),
        QuestionKind::Multi => {
            let mut v: Vec<usize> = s.picked.iter().map(|p| shown[*p]).collect();
            v.sort_unstable();
            (!v.is_empty()).then_some(Response::Multi(v))
        }
        QuestionKind::Order => (s.picked.len() == shown.len())
            .then(|| Response::Order(s.picked.iter().map(|p| shown[*p]).collect())),
    };
    let Some(response) = response else {
        app.notice = Some(if q.kind == QuestionKind::Order {
            Notice::ChooseAll
        } else {
            Notice::ChooseFirst
        });
        return Vec::new();
    };
    let correct = q.is_correct(&response);
    let question_id = q.id.clone();
    let encoded = response.encode();
    if let Screen::Quiz(s) = &mut app.screen {
        s.answers[s.index] = Some(Given { response, correct });
    }
    app.focus = None;
    app.scroll = 0;
    app.follow = true;
    match &app.learner {
        Some(l) => vec![Effect::RecordAnswer {
            attempt_id: attempt,
            resident_id: l.person.id.clone(),
            module_id: m.id.clone(),
            question_id,
            response: encoded,
            correct,
        }],
        None => Vec::new(),
    }
}

fn next(app: &mut App) -> Vec<Effect> {
    let Screen::Quiz(s) = &mut app.screen else {
        return Vec::new();
    };
    if s.index + 1 < s.order.len() {
        s.index += 1;
        s.picked.clear();
        app.focus = None;
        app.scroll = 0;
        app.follow = true;
        Vec::new()
    } else {
        finish(app)
    }
}

/// All questions answered: save the result and show it.
fn finish(app: &mut App) -> Vec<Effect> {
    let Screen::Quiz(s) = &app.screen else {
        return Vec::new();
    };
    let s = s.clone();
    let Some(m) = app.curriculum.modules.get(s.module) else {
        return Vec::new();
    };
    let total = s.order.len();
    let correct = s.answers.iter().flatten().filter(|g| g.correct).count();
    let wrong: Vec<usize> = s
        .order
        .iter()
        .zip(&s.answers)
        .filter(|(_, g)| !g.as_ref().is_some_and(|g| g.correct))
        .map(|(qi, _)| *qi)
        .collect();
    let score = score_percent(correct, total);
    let outcome = Outcome {
        module: s.module,
        correct,
        total,
        score,
        passed: score >= m.pass_percent,
        wrong,
    };
    let module_id = m.id.clone();
    let threshold = m.pass_percent;
    let mut fx = Vec::new();
    if let (Some(l), Some(attempt_id)) = (app.learner.as_mut(), s.attempt_id) {
        fx.push(Effect::FinishAttempt {
            attempt_id,
            resident_id: l.person.id.clone(),
            module_id: module_id.clone(),
            correct: correct as u32,
            total: total as u32,
            threshold,
        });
        // The attempt is over: "continue" no longer points into it.
        let st = l
            .progress
            .entry(module_id.clone())
            .or_insert_with(|| ModuleProgress::new(module_id));
        st.attempts += 1;
        st.last_score = Some(score);
        st.best_score = Some(st.best_score.map_or(score, |b| b.max(score)));
        st.passed |= outcome.passed;
        l.resume = None;
    }
    app.go(Screen::Result(outcome));
    fx
}

//! "Who are you?": the learner types part of their name (diacritics are
//! optional: the store folds them), picks themselves from the matches —
//! namesakes are told apart by residential group and birth year — and
//! confirms "Is this you?". Newcomers go on to register. Nothing else about
//! a resident (no address, no phone) is shown before sign-in: whoever sits
//! at the seat can search for anyone.

use crate::i18n::fill;
use crate::text::{fold, telex};

use super::app::{
    Action, App, BackTo, Confirm, Effect, Keys, Notice, Overlay, Person, Screen, footer,
};
use super::layout::{Block, Button, Page, Target, Tone};
use super::register::Register;

/// At most this many matches are listed (number keys 1-9 pick them).
pub const MAX_MATCHES: usize = 9;
const MAX_QUERY: usize = 60;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Who {
    pub query: String,
    pub people: Vec<Person>,
    /// The query the current `people` answer (None before the first answer).
    pub searched: Option<String>,
    /// More people match than are listed: the learner must type more, or
    /// they may not find themselves and register a second time.
    pub more: bool,
}

/// "Nguyễn Thị Hằng · tổ 5 · sinh năm 1956".
pub fn one_line(app: &App, p: &Person) -> String {
    let t = app.t();
    let mut s = format!("{} · {}", p.name, fill(t.who_group, &[("n", &p.group)]));
    if let Some(y) = p.birth_year {
        s.push_str(&format!(" · {}", fill(t.who_born, &[("year", &y)])));
    }
    // Two people alike in all three: the day each registered is the one
    // harmless fact that tells them apart (no address before sign-in).
    if p.twin {
        use chrono::TimeZone;
        if let Some(day) = chrono::Local.timestamp_millis_opt(p.registered_at).single() {
            let day = day.format("%d/%m/%Y").to_string();
            s.push_str(&format!(" · {}", fill(t.who_registered, &[("day", &day)])));
        }
    }
    s
}

/// The details shown in "Is this you?": the same three facts as the list.
pub fn describe(app: &App, p: &Person) -> String {
    let t = app.t();
    let mut s = one_line(app, p);
    s.push_str("\n\n");
    s.push_str(t.this_is_you_question);
    s
}

pub fn page(app: &App, s: &Who) -> Page {
    let t = app.t();
    let mut body = vec![Block::Field {
        target: Target::Field(0),
        label: t.who_label.to_string(),
        value: s.query.clone(),
        hint: t.who_hint.to_string(),
        error: None,
    }];
    let searched = s.searched.as_deref() == Some(s.query.as_str());
    let nobody = searched && s.people.is_empty() && !fold(&s.query).is_empty();
    if fold(&s.query).is_empty() {
        body.push(Block::text(t.who_start_typing));
    } else if nobody {
        body.push(Block::Text {
            text: fill(t.who_none, &[("name", &s.query.trim())]),
            tone: Tone::Strong,
        });
    } else if !s.people.is_empty() {
        // "More match" goes above the list: below it, on a small screen,
        // it would be out of sight, and nobody would know to type more.
        if s.more {
            body.push(Block::Text {
                text: t.who_more.to_string(),
                tone: Tone::Strong,
            });
        }
        body.push(Block::text(t.who_pick));
        for (i, p) in s.people.iter().enumerate() {
            body.push(Block::row(
                Target::Row(i),
                format!("{}. ", i + 1),
                one_line(app, p),
            ));
        }
    }
    body.push(Block::text(t.who_new_here));
    let register = if nobody {
        Button::primary(Target::Register, t.who_register)
    } else {
        Button::new(Target::Register, t.who_register)
    };
    Page {
        title: t.who_title.to_string(),
        corner: String::new(),
        body,
        buttons: vec![Button::new(Target::Back, t.button_back), register],
        footer: footer(
            app,
            Keys {
                next: true,
                back: BackTo::Previous,
                pick: !s.people.is_empty(),
                typing: true,
                ..Keys::default()
            },
        ),
        default_focus: Some(0),
        pinned: 0,
    }
}

fn state(app: &mut App) -> Option<&mut Who> {
    match &mut app.screen {
        Screen::Who(s) => Some(s),
        _ => None,
    }
}

pub fn on(app: &mut App, action: Action) -> Vec<Effect> {
    let entered = action == Action::Activate;
    match app.target_of(&action) {
        Some(Target::Row(i)) => return pick(app, i),
        Some(Target::Field(_)) => {
            if !entered {
                return Vec::new();
            }
            // Enter in the name box never does nothing silently: go down to
            // the first match; with no match, on to registering (the primary
            // action then); with nothing typed, say what to do.
            let (matches, nobody) = state(app).map_or((false, false), |s| {
                let searched = s.searched.as_deref() == Some(s.query.as_str());
                (
                    !s.people.is_empty(),
                    searched && s.people.is_empty() && !fold(&s.query).is_empty(),
                )
            });
            if matches {
                app.focus = Some(1);
            } else if nobody {
                return register(app);
            } else {
                app.notice = Some(Notice::TypeName);
            }
            return Vec::new();
        }
        Some(Target::Register) => return register(app),
        Some(Target::Back) => return back(app),
        _ => {}
    }
    match action {
        Action::Type(c) => {
            let Some(s) = state(app) else {
                return Vec::new();
            };
            // Telex here too, so a name is typed the same way as when it was
            // registered; plain letters stay plain (a tone key only acts
            // after a vowel, and no Vietnamese word ends in s f r x j), and
            // the search ignores accents anyway.
            if !telex::type_into(&mut s.query, c, MAX_QUERY) {
                return Vec::new();
            }
            let fx = search(s);
            app.focus = Some(0);
            fx
        }
        Action::Erase => {
            let Some(s) = state(app) else {
                return Vec::new();
            };
            // An empty box stays put: a held Backspace must not carry the
            // learner back to the welcome page, where the next letter
            // typed would act as a key (L switches the language).
            if s.query.is_empty() {
                return Vec::new();
            }
            telex::erase(&mut s.query);
            let fx = search(s);
            app.focus = Some(0);
            fx
        }
        Action::Pick(i) => pick(app, i),
        Action::Back | Action::Home => back(app),
        _ => Vec::new(),
    }
}

fn back(app: &mut App) -> Vec<Effect> {
    app.go(Screen::Welcome);
    Vec::new()
}

/// On to registering. A whole name typed with its accents that found
/// nobody ("Trần Văn Đức") is the newcomer's own name: it fills the form's
/// name box, so it is not typed a second time, the Telex way. A few plain
/// letters ("hang", "tran van duc") are only a search: the box stays empty.
fn register(app: &mut App) -> Vec<Effect> {
    let mut form = Register::default();
    if let Some(s) = state(app) {
        form.search = s.query.clone();
        let name = s.query.split_whitespace().collect::<Vec<_>>().join(" ");
        let nobody = s.searched.as_deref() == Some(s.query.as_str()) && s.people.is_empty();
        let words = name.split(' ').count();
        if nobody && words >= 2 && !name.is_ascii() {
            form.fields[0] = name;
        }
    }
    app.go(Screen::Register(form));
    Vec::new()
}

/// Back to "Who are you?" from the register form, with the search typed
/// before it (a stray press on Register, then Back, lost the name typed).
pub fn search_again(app: &mut App, query: String) -> Vec<Effect> {
    let mut who = Who {
        query,
        ..Who::default()
    };
    let fx = search(&mut who);
    app.go(Screen::Who(who));
    fx
}

fn search(s: &mut Who) -> Vec<Effect> {
    if fold(&s.query).is_empty() {
        s.people.clear();
        s.searched = None;
        s.more = false;
        return Vec::new();
    }
    vec![Effect::Search {
        query: s.query.clone(),
    }]
}

fn pick(app: &mut App, i: usize) -> Vec<Effect> {
    let Some(p) = state(app).and_then(|s| s.people.get(i).cloned()) else {
        return Vec::new();
    };
    // Like every confirmation it opens on the safe answer ("No"): a
    // reflex Enter must not sign someone in as their namesake.
    app.overlay = Some(Overlay::Confirm {
        what: Confirm::ThisIsMe(p),
        focus: 0,
    });
    Vec::new()
}

/// Search results arrived; stale ones (for an older query) are dropped.
pub fn found(app: &mut App, query: String, mut people: Vec<Person>) -> Vec<Effect> {
    if let Some(s) = state(app)
        && s.query == query
    {
        // The store is asked for one more than fits, to know there are more.
        s.more = people.len() > MAX_MATCHES;
        people.truncate(MAX_MATCHES);
        let alike = |a: &Person, b: &Person| {
            a.id != b.id && a.name == b.name && a.group == b.group && a.birth_year == b.birth_year
        };
        let twins: Vec<bool> = people
            .iter()
            .map(|p| people.iter().any(|q| alike(p, q)))
            .collect();
        for (p, twin) in people.iter_mut().zip(twins) {
            p.twin = twin;
        }
        s.people = people;
        s.searched = Some(query);
    }
    Vec::new()
}

//! Registering a newcomer: name, birth year, residential group, household
//! and an optional phone number. Each field is checked with a friendly
//! message saying what to fix; nothing is saved here — the consent screen
//! comes first.

use crate::i18n::{Texts, fill};
use crate::text::{nfc, telex};

use super::app::{
    Action, App, BackTo, Confirm, Effect, Keys, NewPerson, Notice, Overlay, Screen, footer,
};
use super::consent::Consent;
use super::layout::{Block, Button, Page, Target};

pub const FIELDS: usize = 5;
const NAME: usize = 0;
const YEAR: usize = 1;
const GROUP: usize = 2;
const HOUSEHOLD: usize = 3;
const PHONE: usize = 4;

/// What is wrong with a field.
/// Learners are residents at least this old: a birth year in the last ten
/// years is a typing slip (2016 for 1956), not a learner.
pub const YOUNGEST_LEARNER_AGE: i32 = 10;
/// A ward in Hanoi has a few dozen residential groups (tổ dân phố), well
/// under 200 even after mergers; 300 is a slip, not a group.
pub const MAX_GROUP: i64 = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldError {
    NameMissing,
    NameShort,
    YearMissing,
    YearRange,
    GroupMissing,
    GroupRange,
    HouseholdMissing,
    PhoneBad,
    /// A letter typed in a number box (it is not typed; this says why).
    DigitsOnly,
}

impl FieldError {
    fn text(self, t: &Texts, year: i32) -> String {
        match self {
            FieldError::NameMissing => t.reg_err_name.into(),
            FieldError::NameShort => t.reg_err_name_short.into(),
            FieldError::YearMissing => t.reg_err_year.into(),
            FieldError::YearRange => fill(
                t.reg_err_year_range,
                &[("max", &(year - YOUNGEST_LEARNER_AGE))],
            ),
            FieldError::GroupMissing => t.reg_err_group.into(),
            FieldError::GroupRange => t.reg_err_group_range.into(),
            FieldError::HouseholdMissing => t.reg_err_household.into(),
            FieldError::PhoneBad => t.reg_err_phone.into(),
            FieldError::DigitsOnly => t.reg_err_digits.into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Register {
    pub fields: [String; FIELDS],
    pub errors: [Option<FieldError>; FIELDS],
    /// What was typed in "Who are you?" before coming here: going back
    /// shows that search again instead of an empty box.
    pub search: String,
}

fn labels(t: &Texts) -> [(&'static str, &'static str); FIELDS] {
    [
        (t.reg_name, t.reg_name_hint),
        (t.reg_year, t.reg_year_hint),
        (t.reg_group, t.reg_group_hint),
        (t.reg_household, t.reg_household_hint),
        (t.reg_phone, t.reg_phone_hint),
    ]
}

pub fn page(app: &App, s: &Register) -> Page {
    let t = app.t();
    // How to type accents goes right under the intro, in sight while the
    // name is typed (a line of its own, without a blank line to spare).
    let mut body = vec![Block::text(format!("{}\n{}", t.reg_intro, t.telex_hint))];
    for (i, (label, hint)) in labels(t).into_iter().enumerate() {
        body.push(Block::Field {
            target: Target::Field(i),
            label: label.to_string(),
            value: s.fields[i].clone(),
            hint: hint.to_string(),
            error: s.errors[i].map(|e| e.text(t, app.year)),
        });
    }
    Page {
        title: t.reg_title.to_string(),
        corner: fill(t.reg_step, &[("n", &1), ("total", &2)]),
        body,
        buttons: vec![
            Button::new(Target::Back, t.button_back),
            Button::primary(Target::Next, t.button_next),
        ],
        footer: footer(
            app,
            Keys {
                next: true,
                back: BackTo::Previous,
                typing: true,
                ..Keys::default()
            },
        ),
        default_focus: Some(0),
        pinned: 0,
    }
}

fn state(app: &mut App) -> Option<&mut Register> {
    match &mut app.screen {
        Screen::Register(s) => Some(s),
        _ => None,
    }
}

/// Whether box `i` takes `c`, and its most letters. The instructor's
/// resident form has the same five boxes in the same order and uses this.
pub(crate) fn accepts(i: usize, c: char) -> (bool, usize) {
    match i {
        YEAR => (c.is_ascii_digit(), 4),
        GROUP => (c.is_ascii_digit(), 3),
        PHONE => (c.is_ascii_digit() || c == ' ' || c == '+', 16),
        NAME => (!c.is_control(), 60),
        _ => (!c.is_control(), 80),
    }
}

pub fn on(app: &mut App, action: Action) -> Vec<Effect> {
    let entered = action == Action::Activate;
    match app.target_of(&action) {
        Some(Target::Field(i)) => {
            if entered {
                // Enter in a field goes on to the next one; after the last,
                // it is "Continue".
                if i + 1 < FIELDS {
                    app.focus = Some(i + 1);
                    app.follow = true;
                } else {
                    return submit(app);
                }
            }
            return Vec::new();
        }
        Some(Target::Next) => return submit(app),
        Some(Target::Back) => return back(app),
        _ => {}
    }
    let focused = match app.focused(&super::app::page(app)) {
        Some(Target::Field(i)) => Some(i),
        _ => None,
    };
    match action {
        Action::Type(c) => {
            if let (Some(i), Some(s)) = (focused, state(app)) {
                let (ok, max) = accepts(i, c);
                if ok && matches!(i, NAME | HOUSEHOLD) {
                    // Words: accents typed the Telex way (Nguyeenx → Nguyễn).
                    if telex::type_into(&mut s.fields[i], c, max) {
                        s.errors[i] = None;
                    }
                } else if ok && s.fields[i].chars().count() < max {
                    s.fields[i].push(c);
                    s.errors[i] = None;
                } else if !ok && matches!(i, YEAR | GROUP | PHONE) {
                    // Not typed, but never silently: say the box takes digits.
                    s.errors[i] = Some(FieldError::DigitsOnly);
                }
            }
            Vec::new()
        }
        Action::Erase => {
            if let (Some(i), Some(s)) = (focused, state(app)) {
                telex::erase(&mut s.fields[i]);
            }
            Vec::new()
        }
        Action::Back => back(app),
        Action::Home => leave(app, true),
        _ => Vec::new(),
    }
}

fn back(app: &mut App) -> Vec<Effect> {
    leave(app, false)
}

/// Leaves the form, to the welcome screen (`home`) or to "Who are you?".
/// What was typed would be lost, so with anything typed it asks first (a
/// reflex ← or Esc must not throw away a name and an address).
fn leave(app: &mut App, home: bool) -> Vec<Effect> {
    let typed = state(app).is_some_and(|s| s.fields.iter().any(|f| !f.trim().is_empty()));
    if typed {
        app.overlay = Some(Overlay::Confirm {
            what: Confirm::LeaveForm { home },
            focus: 0,
        });
    } else if home {
        app.go(Screen::Welcome);
    } else {
        let search = state(app).map(|s| s.search.clone()).unwrap_or_default();
        return super::who::search_again(app, search);
    }
    Vec::new()
}

fn submit(app: &mut App) -> Vec<Effect> {
    let year = app.year;
    let Some(s) = state(app) else {
        return Vec::new();
    };
    match validate(s, year) {
        Ok(person) => {
            let form = s.clone();
            app.go(Screen::Consent(Consent { form, person }));
        }
        Err(errors) => {
            let first = errors.iter().position(Option::is_some).unwrap_or(0);
            s.errors = errors;
            app.notice = Some(Notice::FixFields);
            // Focus the first field to fix (fields come first on the page).
            app.focus = Some(first);
            app.follow = true;
        }
    }
    Vec::new()
}

/// Checks the form; the person to save, or an error per field.
pub fn validate(s: &Register, this_year: i32) -> Result<NewPerson, [Option<FieldError>; FIELDS]> {
    let mut errors = [None; FIELDS];
    let name = nfc(&s.fields[NAME]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" "));
    if name.is_empty() {
        errors[NAME] = Some(FieldError::NameMissing);
    } else if name.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        errors[NAME] = Some(FieldError::NameShort);
    }
    let year_text = s.fields[YEAR].trim();
    let birth_year = year_text.parse::<i32>().unwrap_or(0);
    if year_text.is_empty() {
        errors[YEAR] = Some(FieldError::YearMissing);
    } else if !(1900..=this_year - YOUNGEST_LEARNER_AGE).contains(&birth_year) {
        errors[YEAR] = Some(FieldError::YearRange);
    }
    let group_text = s.fields[GROUP].trim();
    let group = group_text.parse::<i64>().unwrap_or(0);
    if group_text.is_empty() {
        errors[GROUP] = Some(FieldError::GroupMissing);
    } else if !(1..=MAX_GROUP).contains(&group) {
        errors[GROUP] = Some(FieldError::GroupRange);
    }
    let household = nfc(&s.fields[HOUSEHOLD]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" "));
    if household.is_empty() {
        errors[HOUSEHOLD] = Some(FieldError::HouseholdMissing);
    }
    let phone_text: String = s.fields[PHONE].split_whitespace().collect();
    let digits = phone_text.chars().filter(char::is_ascii_digit).count();
    let phone = if phone_text.is_empty() {
        None
    } else if (9..=12).contains(&digits)
        && phone_text
            .trim_start_matches('+')
            .chars()
            .all(|c| c.is_ascii_digit())
    {
        Some(phone_text)
    } else {
        errors[PHONE] = Some(FieldError::PhoneBad);
        None
    };
    if errors.iter().any(Option::is_some) {
        return Err(errors);
    }
    Ok(NewPerson {
        name,
        birth_year,
        group,
        household,
        phone,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(values: [&str; FIELDS]) -> Register {
        Register {
            fields: values.map(str::to_string),
            errors: [None; FIELDS],
            search: String::new(),
        }
    }

    #[test]
    fn a_complete_form_is_accepted_and_normalised() {
        let p = validate(
            &form([
                "  Nguyễn   Thị Hằng ",
                "1956",
                "5",
                "Số 12 ngõ 5",
                "0912 345 678",
            ]),
            2026,
        )
        .unwrap();
        assert_eq!(p.name, "Nguyễn Thị Hằng");
        assert_eq!(p.birth_year, 1956);
        assert_eq!(p.group, 5);
        assert_eq!(p.phone.as_deref(), Some("0912345678"));
        let no_phone = validate(&form(["Lê Văn An", "1950", "12", "Số 3", ""]), 2026).unwrap();
        assert_eq!(no_phone.phone, None);
    }

    #[test]
    fn each_problem_is_named_on_its_field() {
        let errs = validate(&form(["", "1850", "0", "", "12"]), 2026).unwrap_err();
        assert_eq!(
            errs,
            [
                Some(FieldError::NameMissing),
                Some(FieldError::YearRange),
                Some(FieldError::GroupRange),
                Some(FieldError::HouseholdMissing),
                Some(FieldError::PhoneBad),
            ]
        );
        let errs = validate(&form(["A", "", "", "x", ""]), 2026).unwrap_err();
        assert_eq!(errs[0], Some(FieldError::NameShort));
        assert_eq!(errs[1], Some(FieldError::YearMissing));
        assert_eq!(errs[2], Some(FieldError::GroupMissing));
    }
}

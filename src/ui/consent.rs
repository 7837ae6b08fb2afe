//! Consent, in plain words: what the kiosk stores about the learner, why,
//! who sees it and how to have it removed. Nothing about a new resident is
//! saved until they accept; the version of this text is saved with them.
//! Agreeing must be an active choice: no button is focused or highlighted
//! when the screen opens, so a stray Enter only says how to choose.

use super::app::{
    Action, App, BackTo, CONSENT_VERSION, Confirm, Effect, Keys, NewPerson, Overlay, Screen, footer,
};
use super::layout::{Block, Button, Page, Target, Tone};
use super::register::Register;

#[derive(Debug, Clone, PartialEq)]
pub struct Consent {
    /// The form as filled in, to go back to it unchanged.
    pub form: Register,
    pub person: NewPerson,
}

pub fn page(app: &App, _s: &Consent) -> Page {
    let t = app.t();
    Page {
        title: t.consent_title.to_string(),
        corner: crate::i18n::fill(t.reg_step, &[("n", &2), ("total", &2)]),
        body: vec![
            Block::text(t.consent_what),
            Block::text(t.consent_why),
            Block::text(t.consent_who),
            Block::text(t.consent_remove),
            Block::Text {
                text: t.consent_ask.to_string(),
                tone: Tone::Strong,
            },
        ],
        buttons: vec![
            Button::new(Target::Back, t.button_back),
            Button::new(Target::Decline, t.consent_decline),
            Button::new(Target::Accept, t.consent_accept),
        ],
        footer: footer(
            app,
            Keys {
                next: true,
                back: BackTo::Previous,
                ..Keys::default()
            },
        ),
        default_focus: None,
        pinned: 0,
    }
}

pub fn on(app: &mut App, action: Action) -> Vec<Effect> {
    let Screen::Consent(s) = &app.screen else {
        return Vec::new();
    };
    let s = s.clone();
    match (app.target_of(&action), action) {
        (Some(Target::Accept), _) => vec![Effect::Register {
            person: s.person,
            consent_version: CONSENT_VERSION.to_string(),
            even_if_known: false,
        }],
        // Declining drops the whole form: asked first, like every step
        // that cannot be undone (a stray ↓↓ Enter lands here easily).
        (Some(Target::Decline), _) | (_, Action::Home) => {
            app.overlay = Some(Overlay::Confirm {
                what: Confirm::Decline,
                focus: 0,
            });
            Vec::new()
        }
        (Some(Target::Back), _) | (_, Action::Back) => {
            app.go(Screen::Register(s.form));
            Vec::new()
        }
        _ => Vec::new(),
    }
}

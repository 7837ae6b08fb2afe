//! The kiosk's state machine, in the Elm style: [`App`] holds ALL state,
//! [`Msg`] is everything that can happen (keys, clicks, ticks of the clock,
//! results of database work), [`update`] is the ONLY place state changes and
//! returns [`Effect`]s (database writes, speech, quitting) for the runtime to
//! carry out, and [`view`] draws the state without any I/O or clock reads.
//!
//! Keeping effects as data is what makes the flows testable without a
//! terminal or a database: tests feed messages and look at the state and the
//! effects. Each screen lives in its own file and plugs in here through two
//! functions: `page` (what it shows) and `on` (what an action does).

use std::collections::BTreeMap;
use std::sync::Arc;

use ratatui::Frame;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;

use crate::config::{Config, KeyCombo};
use crate::i18n::{Lang, Texts, texts};
use crate::lessons::Curriculum;
use crate::store::{ModuleProgress, Resume};

use super::layout::{self, Block, Dialog, Laid, Page, Target, Tone};
use super::theme::Theme;
use super::{
    consent, help, home, idle, instructor, lesson, quiz, register, result, welcome, who, widgets,
};

/// The version of the consent text the learner agreed to; stored with the
/// resident. Change it whenever `consent_*` texts in i18n change meaning.
/// v2: says truthfully that the ward's coordinators see per-resident
/// attendance and results (v1 wrongly said the ward only got totals).
/// v3: says that the name search shows anyone at the seat a resident's
/// name, group and year of birth (v2 said other learners never see it).
pub const CONSENT_VERSION: &str = "2026-11-v3";

/// The parts of `kiosk.toml` the screens need, plus terminal facts.
#[derive(Debug, Clone)]
pub struct Settings {
    pub site_name: String,
    pub language: Lang,
    pub idle_ms: i64,
    pub countdown_ms: i64,
    pub instructor_key: KeyCombo,
    /// A read-aloud command is configured (the key is shown only then).
    pub speech: bool,
    pub theme: Theme,
    /// Instructor mode's settings (owned by `ui::instructor`).
    pub instructor: instructor::Settings,
}

impl Settings {
    pub fn from_config(cfg: &Config, theme: Theme) -> Settings {
        Settings {
            site_name: cfg.site_name.clone(),
            language: cfg.language,
            idle_ms: (cfg.idle_timeout_secs as i64).saturating_mul(1000),
            countdown_ms: (cfg.countdown_secs as i64).saturating_mul(1000),
            instructor_key: cfg.instructor_key,
            speech: cfg.speech.is_some(),
            theme,
            instructor: instructor::Settings::from_config(cfg),
        }
    }
}

/// A resident as the learner screens know them. Deliberately WITHOUT the
/// household address or phone: before sign-in anyone at the seat can see
/// the matches, so only name, residential group and birth year (enough to
/// tell namesakes apart) ever reach the screens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub birth_year: Option<i32>,
    pub group: i64,
    /// When they registered (UTC ms): shown only to tell apart two people
    /// whose name, group and birth year are all the same.
    pub registered_at: i64,
    /// Another match has the same name, group and birth year.
    pub twin: bool,
}

/// A new resident's details, checked by the register screen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NewPerson {
    pub name: String,
    pub birth_year: i32,
    pub group: i64,
    pub household: String,
    pub phone: Option<String>,
}

/// The signed-in learner. Progress and the resume point are the store's
/// own types ([`ModuleProgress`] by module id, [`Resume`] from
/// `Store::resume_point`), mirrored here as the learner moves on so home is
/// right before the next reload.
#[derive(Debug, Clone, PartialEq)]
pub struct Learner {
    pub person: Person,
    pub session_id: String,
    pub progress: BTreeMap<String, ModuleProgress>,
    pub resume: Option<Resume>,
}

impl Learner {
    pub fn module(&self, id: &str) -> ModuleProgress {
        self.progress
            .get(id)
            .cloned()
            .unwrap_or_else(|| ModuleProgress::new(id))
    }
}

/// Why a seat session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndWhy {
    SignOut,
    Idle,
    Closed,
}

/// Work for the runtime: the only way the state machine touches the world.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Search {
        query: String,
    },
    /// Save a new resident (with consent) and sign them in.
    Register {
        person: NewPerson,
        consent_version: String,
        /// Register even when someone alike is known (the learner said
        /// they are someone else).
        even_if_known: bool,
    },
    SignIn {
        resident_id: String,
    },
    LoadProgress {
        resident_id: String,
    },
    RecordStep {
        session_id: String,
        resident_id: String,
        module_id: String,
        step: usize,
    },
    StartAttempt {
        session_id: String,
        resident_id: String,
        module_id: String,
        question_order: Vec<String>,
    },
    RecordAnswer {
        attempt_id: String,
        resident_id: String,
        module_id: String,
        question_id: String,
        response: String,
        correct: bool,
    },
    FinishAttempt {
        attempt_id: String,
        resident_id: String,
        module_id: String,
        correct: u32,
        total: u32,
        threshold: u8,
    },
    EndSession {
        session_id: String,
        reason: EndWhy,
    },
    Speak(String),
    StopSpeaking,
    /// Work for instructor mode (owned by `ui::instructor`).
    Instructor(instructor::Effect),
    Quit,
}

/// Everything that can happen to the kiosk.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
    /// The clock, in milliseconds of a monotonic clock.
    Tick(i64),
    /// The configured instructor key was pressed.
    InstructorKey,
    Found {
        query: String,
        people: Vec<Person>,
    },
    SignedIn(Learner),
    Progress {
        progress: BTreeMap<String, ModuleProgress>,
        resume: Option<Resume>,
    },
    /// Registering found someone alike already registered.
    AlreadyRegistered {
        existing: Person,
        pending: NewPerson,
        consent_version: String,
    },
    /// Instead of a new attempt, the unfinished one at the same quiz.
    AttemptResumed(Resume),
    AttemptStarted {
        attempt_id: String,
    },
    SpeechEnded,
    /// Database work failed; details are already in the log.
    Failed,
    /// A reply to an instructor effect.
    Instructor(instructor::Reply),
    /// SIGTERM or SIGHUP: save and leave.
    Terminate,
}

/// What a key or click means, the same on every screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Enter: do the focused thing; with nothing focused, the primary button.
    Activate,
    /// →: go on. The same as Enter, except that it never picks a quiz
    /// choice: on a choice it presses the page's primary button instead.
    Continue,
    /// ← or Backspace.
    Back,
    Up,
    Down,
    /// A number key, 0-based.
    Pick(usize),
    /// Space.
    Toggle,
    /// Esc.
    Home,
    Help,
    Language,
    ReadAloud,
    Type(char),
    Erase,
    Click(Target),
    Scroll(i32),
}

/// A friendly message shown at the top of the page until the next action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Something could not be saved or loaded.
    Trouble,
    ChooseFirst,
    ChooseAll,
    /// A locked module: finish this one first (module index).
    Locked(usize),
    FixFields,
    NotSaved,
    /// Enter with nothing chosen on a page without a primary button.
    PickAButton,
    /// Enter in an empty name box.
    TypeName,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    ThisIsMe(Person),
    LeaveQuiz,
    SignOut,
    /// Leaving the registration form with something typed in it: to the
    /// welcome screen (`home`) or back to "Who are you?".
    LeaveForm {
        home: bool,
    },
    /// "I do not agree" on the consent page: everything typed is dropped.
    Decline,
    /// Someone with the same name, birth year and group is registered
    /// already: probably the learner, who did not find their name.
    AlreadyRegistered {
        existing: Person,
        pending: NewPerson,
        consent_version: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Confirm { what: Confirm, focus: usize },
}

/// The screen on show.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Welcome,
    Who(who::Who),
    Register(register::Register),
    Consent(consent::Consent),
    Home,
    Lesson(lesson::Lesson),
    Quiz(quiz::Quiz),
    Result(result::Outcome),
    Instructor(instructor::Instructor),
}

/// All the kiosk's state.
#[derive(Debug, Clone)]
pub struct App {
    pub settings: Settings,
    pub curriculum: Arc<Curriculum>,
    pub lang: Lang,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// Monotonic clock, ms (from `Msg::Tick`).
    pub now: i64,
    /// This year, for checking birth years.
    pub year: i32,
    pub last_input: i64,
    /// When the idle countdown started.
    pub countdown_from: Option<i64>,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub learner: Option<Learner>,
    /// Index into the page's focusables; `None` = the page's default.
    pub focus: Option<usize>,
    pub scroll: u16,
    /// Scroll the focused row into view (off after the wheel is used).
    pub follow: bool,
    pub notice: Option<Notice>,
    pub speaking: bool,
    pub quit: bool,
    /// The learner screens' language when instructor mode opened, to put
    /// back when it closes (the instructor may switch it for themselves).
    pub lang_before_instructor: Lang,
}

impl App {
    pub fn new(
        settings: Settings,
        curriculum: Arc<Curriculum>,
        size: (u16, u16),
        year: i32,
    ) -> App {
        let settings_lang = settings.language;
        App {
            lang: settings.language,
            settings,
            curriculum,
            size,
            now: 0,
            year,
            last_input: 0,
            countdown_from: None,
            screen: Screen::Welcome,
            overlay: None,
            learner: None,
            focus: None,
            scroll: 0,
            follow: true,
            notice: None,
            speaking: false,
            quit: false,
            lang_before_instructor: settings_lang,
        }
    }

    pub fn t(&self) -> &'static Texts {
        texts(self.lang)
    }

    pub fn area(&self) -> Rect {
        Rect::new(0, 0, self.size.0, self.size.1)
    }

    /// Shows another screen, with fresh focus and scroll.
    pub fn go(&mut self, screen: Screen) {
        self.screen = screen;
        self.focus = None;
        self.scroll = 0;
        self.follow = true;
    }

    /// The focused index into the page's focusables; `None` when nothing
    /// is focused (the page has no default and no arrow was pressed).
    pub fn focus_index(&self, page: &Page) -> Option<usize> {
        let n = page.focusables().len();
        if n == 0 {
            return None;
        }
        self.focus.or(page.default_focus).map(|i| i.min(n - 1))
    }

    pub fn focused(&self, page: &Page) -> Option<Target> {
        page.focusables().get(self.focus_index(page)?).cloned()
    }

    /// The target an action chooses: the clicked one, or the focused one
    /// for Enter / →.
    pub fn target_of(&self, action: &Action) -> Option<Target> {
        match action {
            Action::Click(t) => Some(t.clone()),
            Action::Activate => self.focused(&page(self)),
            _ => None,
        }
    }

    pub fn laid(&self, page: &Page) -> Laid {
        layout::layout(
            page,
            self.area(),
            self.focus_index(page),
            self.scroll,
            self.follow,
        )
    }

    /// The idle sign-out applies everywhere but the welcome screen (nobody
    /// to sign out) and instructor mode (which has its own timer).
    fn idle_applies(&self) -> bool {
        !matches!(self.screen, Screen::Welcome | Screen::Instructor(_))
    }

    /// Seconds left on the idle countdown, when it is showing.
    pub fn countdown_left(&self) -> Option<u64> {
        let t0 = self.countdown_from?;
        let left = (t0 + self.settings.countdown_ms - self.now).max(0);
        Some(((left + 999) / 1000) as u64)
    }

    /// When the runtime must wake up next (monotonic ms), if ever.
    pub fn next_deadline(&self) -> Option<i64> {
        if let Screen::Instructor(_) = self.screen {
            return Some(instructor::next_deadline(self));
        }
        if !self.idle_applies() {
            return None;
        }
        match self.countdown_from {
            None => Some(self.last_input + self.settings.idle_ms),
            Some(t0) => {
                let end = t0 + self.settings.countdown_ms;
                let elapsed = (self.now - t0).max(0);
                Some((t0 + (elapsed / 1000 + 1) * 1000).min(end))
            }
        }
    }

    /// What the read-aloud key would read here, if anything.
    pub fn read_aloud_text(&self) -> Option<String> {
        match &self.screen {
            Screen::Lesson(l) => lesson::spoken(self, l),
            Screen::Quiz(q) => quiz::spoken(self, q),
            Screen::Result(r) => result::spoken(self, r),
            _ => None,
        }
    }

    /// Text input mode of the focused thing.
    fn typing(&self) -> Typing {
        if self.overlay.is_some() {
            return Typing::No;
        }
        match &self.screen {
            Screen::Who(_) => Typing::Names,
            Screen::Register(_) => {
                let page = page(self);
                match self.focused(&page) {
                    Some(Target::Field(_)) => Typing::All,
                    _ => Typing::No,
                }
            }
            _ => Typing::No,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Typing {
    No,
    /// Letters type into the search; digits still pick a row.
    Names,
    All,
}

/// The one function that changes state.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let spoken_before = app.read_aloud_text();
    let was_instructor = matches!(app.screen, Screen::Instructor(_));
    if !was_instructor {
        app.lang_before_instructor = app.lang;
    }
    let mut fx = match msg {
        Msg::Tick(now) => {
            app.now = now;
            tick(app)
        }
        Msg::Resize(w, h) => {
            app.size = (w, h);
            Vec::new()
        }
        Msg::Key(key) => on_key(app, key),
        Msg::Mouse(m) => on_mouse(app, m),
        Msg::InstructorKey => {
            app.last_input = app.now;
            app.countdown_from = None;
            instructor::open(app)
        }
        Msg::Found { query, people } => who::found(app, query, people),
        Msg::SignedIn(learner) => {
            app.learner = Some(learner);
            app.overlay = None;
            app.go(Screen::Home);
            Vec::new()
        }
        Msg::Progress { progress, resume } => {
            if let Some(l) = app.learner.as_mut() {
                l.progress = progress;
                l.resume = resume;
            }
            Vec::new()
        }
        Msg::AttemptStarted { attempt_id } => quiz::started(app, attempt_id),
        Msg::AttemptResumed(resume) => quiz::resumed(app, resume),
        Msg::AlreadyRegistered {
            existing,
            pending,
            consent_version,
        } => {
            app.overlay = Some(Overlay::Confirm {
                what: Confirm::AlreadyRegistered {
                    existing,
                    pending,
                    consent_version,
                },
                focus: 0,
            });
            Vec::new()
        }
        Msg::SpeechEnded => {
            app.speaking = false;
            Vec::new()
        }
        Msg::Failed => {
            // A quiz the store could not start would say "preparing the
            // questions" for ever: back home, where choosing it tries again.
            let fx = match &app.screen {
                Screen::Quiz(q) if q.attempt_id.is_none() => home::go_home(app),
                _ => Vec::new(),
            };
            app.notice = Some(Notice::Trouble);
            fx
        }
        Msg::Instructor(reply) => instructor::reply(app, reply),
        Msg::Terminate => {
            let mut fx = Vec::new();
            if let Some(l) = app.learner.take() {
                fx.push(Effect::EndSession {
                    session_id: l.session_id,
                    reason: EndWhy::Closed,
                });
            }
            fx.push(Effect::Quit);
            app.quit = true;
            fx
        }
    };
    // Instructor mode closed: its language switch was the instructor's.
    // With nobody signed in the kiosk rests in the configured language;
    // a signed-in learner gets back the language they had.
    if was_instructor && !matches!(app.screen, Screen::Instructor(_)) {
        app.lang = if app.learner.is_some() {
            app.lang_before_instructor
        } else {
            app.settings.language
        };
    }
    // Stop reading aloud as soon as the learner moves on.
    if app.speaking && app.read_aloud_text() != spoken_before {
        app.speaking = false;
        fx.push(Effect::StopSpeaking);
    }
    fx
}

fn tick(app: &mut App) -> Vec<Effect> {
    if let Screen::Instructor(_) = app.screen {
        app.countdown_from = None;
        return instructor::tick(app);
    }
    if !app.idle_applies() {
        app.countdown_from = None;
        return Vec::new();
    }
    let idle_at = app.last_input + app.settings.idle_ms;
    if app.countdown_from.is_none() && app.now >= idle_at {
        app.countdown_from = Some(idle_at);
    }
    match app.countdown_from {
        Some(t0) if app.now >= t0 + app.settings.countdown_ms => idle::timed_out(app),
        _ => Vec::new(),
    }
}

/// Any key or touch: the learner is here. Returns true when it only
/// cancelled the idle countdown (and should do nothing else).
fn wake(app: &mut App) -> bool {
    app.last_input = app.now;
    app.countdown_from.take().is_some()
}

fn is_instructor_key(combo: KeyCombo, key: &KeyEvent) -> bool {
    match (combo, key.code) {
        (KeyCombo::Ctrl(c), KeyCode::Char(k)) => {
            key.modifiers.contains(KeyModifiers::CONTROL) && k.eq_ignore_ascii_case(&c)
        }
        (KeyCombo::F(n), KeyCode::F(k)) => n == k,
        _ => false,
    }
}

fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if key.kind == KeyEventKind::Release {
        return Vec::new();
    }
    if is_instructor_key(app.settings.instructor_key, &key) {
        return update(app, Msg::InstructorKey);
    }
    if wake(app) {
        return Vec::new();
    }
    if let Screen::Instructor(_) = app.screen {
        return instructor::on_key(app, key);
    }
    match action_for_key(app, &key) {
        Some(a) => act(app, a),
        None => Vec::new(),
    }
}

/// The shared key map. Ctrl-C, Ctrl-Z, Ctrl-\ and every other Ctrl or Alt
/// combination mean nothing here.
pub fn action_for_key(app: &App, key: &KeyEvent) -> Option<Action> {
    if key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return None;
    }
    let typing = app.typing();
    Some(match key.code {
        KeyCode::Enter => Action::Activate,
        KeyCode::Right => Action::Continue,
        KeyCode::Left => Action::Back,
        KeyCode::Backspace if typing != Typing::No => Action::Erase,
        KeyCode::Backspace => Action::Back,
        KeyCode::Up | KeyCode::BackTab => Action::Up,
        KeyCode::Down | KeyCode::Tab => Action::Down,
        KeyCode::PageUp => Action::Scroll(-10),
        KeyCode::PageDown => Action::Scroll(10),
        KeyCode::Esc => Action::Home,
        KeyCode::F(1) => Action::Help,
        // A function key, not a letter: it works in the text boxes too, and
        // a name typed where there is no box (Lan, Long on the welcome
        // screen) never turns the screen English. Instructor mode uses the
        // same key.
        KeyCode::F(12) => Action::Language,
        KeyCode::Char(c) => match typing {
            Typing::All => Action::Type(c),
            Typing::Names if c.is_ascii_digit() && c != '0' => {
                Action::Pick(c as usize - '1' as usize)
            }
            Typing::Names => Action::Type(c),
            Typing::No => match c {
                '1'..='9' => Action::Pick(c as usize - '1' as usize),
                ' ' => Action::Toggle,
                '?' => Action::Help,
                'r' | 'R' if app.settings.speech => Action::ReadAloud,
                // On the welcome screen a name typed starts the search.
                c if c.is_alphabetic() && matches!(app.screen, Screen::Welcome) => Action::Type(c),
                _ => return None,
            },
        },
        _ => return None,
    })
}

fn on_mouse(app: &mut App, m: MouseEvent) -> Vec<Effect> {
    match m.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            if wake(app) {
                return Vec::new();
            }
            if let Screen::Instructor(_) = app.screen {
                return instructor::on_mouse(app, m);
            }
            if let Some(code) = footer_key_at(app, m.column, m.row) {
                return on_key(app, KeyEvent::new(code, KeyModifiers::NONE));
            }
            match hit(app, m.column, m.row) {
                Some(t) => act(app, Action::Click(t)),
                None => Vec::new(),
            }
        }
        MouseEventKind::ScrollUp | MouseEventKind::ScrollDown => {
            wake(app);
            if let Screen::Instructor(_) = app.screen {
                return instructor::on_mouse(app, m);
            }
            let n = if m.kind == MouseEventKind::ScrollUp {
                -3
            } else {
                3
            };
            act(app, Action::Scroll(n))
        }
        _ => Vec::new(),
    }
}

/// The key a tap at (x, y) presses when it lands on a footer item (the
/// footer under a dialog names the dialog's keys, so this holds there too).
fn footer_key_at(app: &App, x: u16, y: u16) -> Option<KeyCode> {
    let page = page(app);
    let laid = app.laid(&page);
    if laid.too_small {
        return None;
    }
    super::footer::hit(&page.footer, &laid.footer_lines, laid.footer, x, y)
}

/// The target drawn at (x, y), using the same layout as the view.
pub fn hit(app: &App, x: u16, y: u16) -> Option<Target> {
    if let Some(d) = dialog(app) {
        let page_laid = app.laid(&page(app));
        if page_laid.too_small {
            return None;
        }
        return layout::layout_dialog(&d, app.area()).hit(&d, x, y);
    }
    app.laid(&page(app)).hit(x, y)
}

/// Handles an action on the current screen.
pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    if app.overlay.is_some() {
        return overlay_action(app, action);
    }
    if let Screen::Instructor(_) = app.screen {
        let action = match action {
            Action::Continue => Action::Activate,
            other => other,
        };
        return instructor::on_action(app, action);
    }
    app.notice = None;
    match action {
        Action::Help | Action::Click(Target::Help) => {
            app.overlay = Some(Overlay::Help);
            Vec::new()
        }
        Action::Language | Action::Click(Target::Language) => {
            app.lang = app.lang.other();
            Vec::new()
        }
        Action::ReadAloud => read_aloud(app),
        Action::Up => move_focus(app, -1),
        Action::Down => move_focus(app, 1),
        Action::Scroll(n) => {
            scroll(app, n);
            Vec::new()
        }
        Action::Activate => {
            let page = page(app);
            match app.focused(&page) {
                Some(t @ (Target::Language | Target::Help)) => act(app, Action::Click(t)),
                Some(_) => screen_action(app, Action::Activate),
                // Nothing focused: Enter presses the one primary button; a
                // page without one (consent) wants an active choice.
                None => match page.primary() {
                    Some(t) => screen_action(app, Action::Click(t)),
                    None => {
                        app.notice = Some(Notice::PickAButton);
                        Vec::new()
                    }
                },
            }
        }
        Action::Continue => {
            let page = page(app);
            match (app.focused(&page), page.primary()) {
                // "Continue" never picks an answer: it presses the primary
                // button ("Answer"), which asks for a choice if none is made.
                // The focus stays on the lit choice.
                (Some(Target::Choice(_)), Some(primary)) => {
                    screen_action(app, Action::Click(primary))
                }
                // Nor does it switch the language or open help: on the
                // welcome screen, with the focus moved onto "English", →
                // still starts, as the footer says.
                (Some(Target::Language | Target::Help), Some(primary)) => {
                    screen_action(app, Action::Click(primary))
                }
                _ => act(app, Action::Activate),
            }
        }
        Action::Click(t) => {
            let page = page(app);
            if let Some(i) = page.focus_of(&t) {
                app.focus = Some(i);
                app.follow = true;
            }
            screen_action(app, Action::Click(t))
        }
        other => screen_action(app, other),
    }
}

fn screen_action(app: &mut App, action: Action) -> Vec<Effect> {
    match &app.screen {
        Screen::Welcome => welcome::on(app, action),
        Screen::Who(_) => who::on(app, action),
        Screen::Register(_) => register::on(app, action),
        Screen::Consent(_) => consent::on(app, action),
        Screen::Home => home::on(app, action),
        Screen::Lesson(_) => lesson::on(app, action),
        Screen::Quiz(_) => quiz::on(app, action),
        Screen::Result(_) => result::on(app, action),
        Screen::Instructor(_) => instructor::on_action(app, action),
    }
}

fn move_focus(app: &mut App, delta: i32) -> Vec<Effect> {
    let page = page(app);
    let n = page.focusables().len();
    let laid = app.laid(&page);
    // A long page with nothing to pick in it: the arrows scroll the text,
    // and once it is read to its end (or back to its top) they go on to
    // the buttons, so a long consent page is still answered by keys.
    if page.body_focusables() == 0 && laid.max_offset() > 0 {
        let more = if delta > 0 {
            laid.offset < laid.max_offset()
        } else {
            laid.offset > 0
        };
        if more {
            scroll(app, delta);
            return Vec::new();
        }
    }
    // A long page whose rows are all pinned in view (a practice page): the
    // focus never reaches the cut text, so ↓ first reads on to its end,
    // and ↑ scrolls back once the focus is on the first row.
    let rows_pinned = laid
        .placed
        .iter()
        .all(|p| p.pinned || page.body[p.block].target().is_none());
    if rows_pinned && laid.max_offset() > 0 {
        let on_first = matches!(app.focus_index(&page), None | Some(0));
        if (delta > 0 && laid.offset < laid.max_offset())
            || (delta < 0 && on_first && laid.offset > 0)
        {
            scroll(app, delta);
            return Vec::new();
        }
    }
    if n == 0 {
        return Vec::new();
    }
    // One step in the page's focus order (the same rule on every screen).
    app.focus = page.step_focus(app.focus_index(&page), delta > 0);
    app.follow = true;
    Vec::new()
}

fn scroll(app: &mut App, delta: i32) {
    let page = page(app);
    let laid = app.laid(&page);
    let max = laid.max_offset() as i32;
    app.scroll = (laid.offset as i32 + delta).clamp(0, max) as u16;
    app.follow = false;
}

fn read_aloud(app: &mut App) -> Vec<Effect> {
    if !app.settings.speech {
        return Vec::new();
    }
    if app.speaking {
        app.speaking = false;
        return vec![Effect::StopSpeaking];
    }
    match app.read_aloud_text() {
        Some(text) => {
            app.speaking = true;
            vec![Effect::Speak(text)]
        }
        None => Vec::new(),
    }
}

fn overlay_action(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(overlay) = app.overlay.clone() else {
        return Vec::new();
    };
    let action = match action {
        Action::Continue => Action::Activate,
        other => other,
    };
    match overlay {
        Overlay::Help => match action {
            Action::Activate
            | Action::Back
            | Action::Home
            | Action::Help
            | Action::Click(Target::Close) => {
                app.overlay = None;
                Vec::new()
            }
            Action::Language => {
                app.lang = app.lang.other();
                Vec::new()
            }
            _ => Vec::new(),
        },
        Overlay::Confirm { what, focus } => {
            let n = 2;
            let target = match action {
                Action::Up => {
                    app.overlay = Some(Overlay::Confirm {
                        what: what.clone(),
                        focus: focus.saturating_sub(1),
                    });
                    None
                }
                Action::Down => {
                    app.overlay = Some(Overlay::Confirm {
                        what: what.clone(),
                        focus: (focus + 1).min(n - 1),
                    });
                    None
                }
                Action::Pick(i) if i < n => Some(if i == 0 { Target::No } else { Target::Yes }),
                Action::Activate => Some(if focus == 0 { Target::No } else { Target::Yes }),
                // Esc or ← closes the dialog and does nothing else.
                Action::Back | Action::Home => Some(Target::Close),
                Action::Click(t) => Some(t),
                Action::Language => {
                    app.lang = app.lang.other();
                    None
                }
                _ => None,
            };
            match target {
                Some(Target::Close) => {
                    app.overlay = None;
                    Vec::new()
                }
                Some(Target::No) => {
                    app.overlay = None;
                    declined(what)
                }
                Some(Target::Yes) => {
                    app.overlay = None;
                    confirmed(app, what)
                }
                _ => Vec::new(),
            }
        }
    }
}

/// The dialog's first answer. Most keep things as they were; "No, I am
/// someone else" registers the new person after all.
fn declined(what: Confirm) -> Vec<Effect> {
    match what {
        Confirm::AlreadyRegistered {
            pending,
            consent_version,
            ..
        } => vec![Effect::Register {
            person: pending,
            consent_version,
            even_if_known: true,
        }],
        _ => Vec::new(),
    }
}

fn confirmed(app: &mut App, what: Confirm) -> Vec<Effect> {
    match what {
        Confirm::AlreadyRegistered { existing, .. } => vec![Effect::SignIn {
            resident_id: existing.id,
        }],
        Confirm::ThisIsMe(person) => vec![Effect::SignIn {
            resident_id: person.id,
        }],
        Confirm::LeaveQuiz => home::go_home(app),
        Confirm::LeaveForm { home } => {
            let search = match &app.screen {
                Screen::Register(s) if !home => s.search.clone(),
                _ => String::new(),
            };
            if home {
                app.go(Screen::Welcome);
                Vec::new()
            } else {
                who::search_again(app, search)
            }
        }
        Confirm::Decline => {
            app.go(Screen::Welcome);
            app.notice = Some(Notice::NotSaved);
            Vec::new()
        }
        Confirm::SignOut => {
            let mut fx = Vec::new();
            if let Some(l) = app.learner.take() {
                fx.push(Effect::EndSession {
                    session_id: l.session_id,
                    reason: EndWhy::SignOut,
                });
            }
            app.lang = app.settings.language;
            app.go(Screen::Welcome);
            fx
        }
    }
}

/// The page for the current screen, with any notice on top.
pub fn page(app: &App) -> Page {
    let mut page = match &app.screen {
        Screen::Welcome => welcome::page(app),
        Screen::Who(s) => who::page(app, s),
        Screen::Register(s) => register::page(app, s),
        Screen::Consent(s) => consent::page(app, s),
        Screen::Home => home::page(app),
        Screen::Lesson(s) => lesson::page(app, s),
        Screen::Quiz(s) => quiz::page(app, s),
        Screen::Result(s) => result::page(app, s),
        Screen::Instructor(s) => instructor::page(app, s),
    };
    if let Some(n) = &app.notice {
        page.body.insert(0, notice_block(app, n));
    }
    // The footer names the keys that work NOW: under a dialog, the dialog's.
    if !matches!(app.screen, Screen::Instructor(_))
        && let Some(keys) = dialog_keys(app)
    {
        page.footer = keys;
    }
    page
}

/// The footer while a dialog is open (the page under it takes no keys).
fn dialog_keys(app: &App) -> Option<Vec<(String, String)>> {
    let t = app.t();
    let pair = |k: &str, w: &str| (k.to_string(), w.to_string());
    if app.countdown_left().is_some() {
        return Some(vec![pair(t.key_any, t.do_stay)]);
    }
    match &app.overlay {
        None => None,
        Some(Overlay::Help) => Some(vec![
            pair(t.key_close_help, t.do_close),
            pair(t.key_language, t.switch_language),
        ]),
        Some(Overlay::Confirm { .. }) => Some(vec![
            pair(t.key_dialog_pick, t.do_pick),
            pair(t.key_enter, t.do_press_lit),
            pair(t.key_move, t.do_move),
            pair(t.key_dialog_no, t.do_answer_no),
            pair(t.key_language, t.switch_language),
        ]),
    }
}

fn notice_block(app: &App, notice: &Notice) -> Block {
    let t = app.t();
    let text = match notice {
        Notice::Trouble => t.notice_trouble.to_string(),
        Notice::ChooseFirst => t.notice_choose_first.to_string(),
        Notice::ChooseAll => t.notice_choose_all.to_string(),
        Notice::FixFields => t.notice_fix_fields.to_string(),
        Notice::NotSaved => t.notice_not_saved.to_string(),
        Notice::PickAButton => t.notice_pick_a_button.to_string(),
        Notice::TypeName => t.notice_type_name.to_string(),
        Notice::Locked(i) => {
            let title = app
                .curriculum
                .modules
                .get(*i)
                .map(|m| m.title.get(app.lang).to_string())
                .unwrap_or_default();
            crate::i18n::fill(t.notice_locked, &[("module", &title)])
        }
    };
    Block::callout(Tone::Warning, t.notice_label, text)
}

/// The dialog on top of the page, if any: the idle countdown first.
pub fn dialog(app: &App) -> Option<Dialog> {
    if let Some(left) = app.countdown_left() {
        return Some(idle::dialog(app, left));
    }
    match &app.overlay {
        Some(Overlay::Help) => Some(help::dialog(app)),
        Some(Overlay::Confirm { what, focus }) => Some(widgets::confirm_dialog(app, what, *focus)),
        None => None,
    }
}

/// Draws the state. Pure: no I/O, no clock.
pub fn view(app: &App, frame: &mut Frame) {
    if let Screen::Instructor(s) = &app.screen {
        return instructor::view(app, s, frame);
    }
    let page = page(app);
    let focus = app.focus_index(&page);
    let laid = layout::layout(&page, frame.area(), focus, app.scroll, app.follow);
    let theme = app.settings.theme;
    widgets::draw_page(
        frame,
        theme,
        app.t(),
        &page,
        &laid,
        focus,
        app.overlay.is_none(),
    );
    if !laid.too_small
        && let Some(d) = dialog(app)
    {
        let dl = layout::layout_dialog(&d, frame.area());
        widgets::draw_dialog(frame, theme, &d, &dl);
    }
}

/// The footer keys in words; `extra` adds screen-specific keys.
pub fn footer(app: &App, keys: Keys) -> Vec<(String, String)> {
    let t = app.t();
    let mut out = Vec::new();
    let mut add = |k: &str, w: &str| out.push((k.to_string(), w.to_string()));
    if keys.next {
        add(t.key_next, t.do_next);
    }
    match keys.back {
        BackTo::Nothing => {}
        BackTo::Previous => add(t.key_back, t.do_back),
        BackTo::Home => add(t.key_back_esc, t.do_home),
        BackTo::LeaveQuiz => add(t.key_back_esc, t.do_leave_quiz),
        BackTo::SignOut => add(t.key_back, t.do_sign_out),
    }
    if keys.pick {
        add(t.key_pick, t.do_pick);
    }
    if keys.toggle {
        add(t.key_toggle, t.do_toggle);
    }
    if keys.typing {
        add(t.key_erase, t.do_erase);
    }
    add(t.key_move, t.do_move);
    // Esc already named with ← where both do the same.
    let esc_named = matches!(keys.back, BackTo::Home | BackTo::LeaveQuiz);
    if keys.home && !esc_named && app.learner.is_some() {
        add(t.key_home, t.do_home);
    }
    if app.settings.speech && app.read_aloud_text().is_some() {
        add(
            t.key_read,
            if app.speaking {
                t.do_stop_reading
            } else {
                t.do_read
            },
        );
    }
    add(t.key_language, t.switch_language);
    // In a text box "?" is a character like any other: only F1 helps.
    add(
        if keys.typing {
            t.key_help_typing
        } else {
            t.key_help
        },
        t.do_help,
    );
    out
}

/// What ← (and Backspace outside a text box) does on a screen, so the
/// footer and help say it truthfully.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum BackTo {
    /// ← does nothing here.
    #[default]
    Nothing,
    /// The previous page or screen.
    Previous,
    /// Home, the same as Esc (the result screen).
    Home,
    /// Asks whether to leave the quiz, the same as Esc.
    LeaveQuiz,
    /// Asks whether to sign out (the home screen).
    SignOut,
}

/// Which keys a screen mentions in its footer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Keys {
    pub next: bool,
    pub back: BackTo,
    pub pick: bool,
    pub toggle: bool,
    pub home: bool,
    pub typing: bool,
}

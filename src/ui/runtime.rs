//! The event loop and the one place effects are carried out.
//!
//! The loop sleeps on a channel (keys and clicks from the input thread,
//! SIGTERM/SIGHUP from the signal thread) with a timeout set by the next
//! deadline the state asks for (the idle timer, each second of the
//! countdown) or, only while something is being read aloud, a short poll for
//! the speech process to end. An idle kiosk therefore sleeps without waking
//! and writes nothing to the terminal; the screen is redrawn only after
//! something changed.
//!
//! Database work is done by the `exec` function given to [`run_loop`] (see
//! `ui::effects`), whose results come back as messages; speech is handled
//! here.

use std::collections::VecDeque;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{Event, KeyEventKind, MouseEventKind};

use super::app::{App, Effect, Msg, update, view};
use super::terminal::Input;

/// How often a running speech process is checked for its end.
const SPEECH_POLL_MS: i64 = 200;

/// Appends lines to `kiosk.log` next to the database.
#[derive(Debug, Clone)]
pub struct Log {
    path: Option<PathBuf>,
    /// The kiosk's language (kiosk.toml), whatever the screen shows: the
    /// person reading the log set it up.
    lang: crate::i18n::Lang,
}

impl Log {
    pub fn next_to(database: &Path, lang: crate::i18n::Lang) -> Log {
        Log {
            path: database.parent().map(|d| d.join("kiosk.log")),
            lang,
        }
    }

    pub fn none() -> Log {
        Log {
            path: None,
            lang: crate::i18n::Lang::Vi,
        }
    }

    /// The words log lines are written in.
    pub fn t(&self) -> &'static crate::i18n::Texts {
        crate::i18n::texts(self.lang)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn write(&self, line: &str) {
        let Some(path) = &self.path else { return };
        let stamp = chrono::Local::now().format("%Y-%m-%d %H:%M:%S");
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
        {
            let _ = writeln!(f, "{stamp} {line}");
        }
    }
}

/// The read-aloud child process.
pub struct Speech {
    command: Option<Vec<String>>,
    child: Option<Child>,
    log: Log,
}

impl Speech {
    pub fn new(command: Option<Vec<String>>, log: Log) -> Speech {
        Speech {
            command,
            child: None,
            log,
        }
    }

    /// Starts reading `text` aloud; returns false if it could not start.
    pub fn speak(&mut self, text: &str) -> bool {
        self.stop();
        let Some((program, args)) = self.command.as_ref().and_then(|c| c.split_first()) else {
            return false;
        };
        let spawned = Command::new(program)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        match spawned {
            Ok(mut child) => {
                // Write on a thread: a slow reader must never freeze the screen.
                if let Some(mut stdin) = child.stdin.take() {
                    let text = text.to_string();
                    let _ = std::thread::Builder::new()
                        .name("speech-input".into())
                        .spawn(move || {
                            let _ = stdin.write_all(text.as_bytes());
                        });
                }
                self.child = Some(child);
                true
            }
            Err(e) => {
                let line = crate::i18n::fill(
                    self.log.t().log_speech_failed,
                    &[("program", program), ("error", &e)],
                );
                self.log.write(&line);
                false
            }
        }
    }

    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    pub fn running(&self) -> bool {
        self.child.is_some()
    }

    /// True once, when the process has ended by itself.
    pub fn ended(&mut self) -> bool {
        match self.child.as_mut().map(|c| c.try_wait()) {
            Some(Ok(Some(_))) | Some(Err(_)) => {
                self.child = None;
                true
            }
            _ => false,
        }
    }
}

impl Drop for Speech {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Turns a terminal event into a message; events that cannot change
/// anything (key releases, mouse motion) are dropped here so they never
/// cause a redraw.
pub fn to_msg(input: Input) -> Option<Msg> {
    match input {
        Input::Terminate => Some(Msg::Terminate),
        Input::Event(Event::Key(k)) if k.kind != KeyEventKind::Release => Some(Msg::Key(k)),
        Input::Event(Event::Mouse(m)) => match m.kind {
            MouseEventKind::Down(_) | MouseEventKind::ScrollUp | MouseEventKind::ScrollDown => {
                Some(Msg::Mouse(m))
            }
            _ => None,
        },
        Input::Event(Event::Resize(w, h)) => Some(Msg::Resize(w, h)),
        _ => None,
    }
}

/// Runs until the state says quit. `exec` carries out database effects.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    rx: &Receiver<Input>,
    speech: &mut Speech,
    exec: &mut dyn FnMut(Effect) -> Vec<Msg>,
) -> Result<(), B::Error> {
    let clock = Instant::now();
    let now = |clock: &Instant| clock.elapsed().as_millis() as i64;
    app.now = now(&clock);
    app.last_input = app.now;
    terminal.draw(|f| view(app, f))?;
    loop {
        let t = now(&clock);
        let mut wait = app.next_deadline().map(|d| (d - t).max(0));
        if speech.running() {
            wait = Some(wait.map_or(SPEECH_POLL_MS, |w| w.min(SPEECH_POLL_MS)));
        }
        let first = match wait {
            None => Some(rx.recv().unwrap_or(Input::Terminate)),
            Some(ms) => match rx.recv_timeout(Duration::from_millis(ms as u64)) {
                Ok(i) => Some(i),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => Some(Input::Terminate),
            },
        };
        let mut queue = VecDeque::new();
        queue.push_back(Msg::Tick(now(&clock)));
        let mut dirty = false;
        if let Some(input) = first {
            queue.extend(to_msg(input));
            while let Ok(more) = rx.try_recv() {
                queue.extend(to_msg(more));
            }
        }
        if speech.ended() {
            queue.push_back(Msg::SpeechEnded);
        }
        let shown_before = app.countdown_left();
        while let Some(msg) = queue.pop_front() {
            let is_tick = matches!(msg, Msg::Tick(_));
            let effects = update(app, msg);
            if !is_tick || !effects.is_empty() {
                dirty = true;
            }
            for effect in effects {
                match effect {
                    Effect::Speak(text) => {
                        if !speech.speak(&text) {
                            queue.push_back(Msg::SpeechEnded);
                        }
                    }
                    Effect::StopSpeaking => speech.stop(),
                    Effect::Quit => app.quit = true,
                    other => queue.extend(exec(other)),
                }
            }
        }
        if app.quit {
            speech.stop();
            return Ok(());
        }
        if (dirty || app.countdown_left() != shown_before)
            && let Err(e) = terminal.draw(|f| view(app, f))
        {
            // The terminal is gone (its window was closed before the
            // hang-up signal arrived): close the session as SIGTERM does.
            close(app, speech, exec);
            return Err(e);
        }
    }
}

/// Ends the signed-in learner's session and stops speech, for a loop that
/// must stop without the terminal.
fn close(app: &mut App, speech: &mut Speech, exec: &mut dyn FnMut(Effect) -> Vec<Msg>) {
    speech.stop();
    for effect in update(app, Msg::Terminate) {
        if let Effect::EndSession { .. } = effect {
            exec(effect);
        }
    }
}

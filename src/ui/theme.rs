//! The look: a high-contrast theme built only from the 16 named ANSI colours,
//! so it works on any terminal. Focus is ALSO shown by reverse video and bold
//! and callouts also differ by their frame, so everything still reads under
//! `NO_COLOR` (https://no-color.org) or on a monochrome screen.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

use super::layout::Tone;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// False under `NO_COLOR`: only bold, reverse and frames are used.
    pub color: bool,
}

impl Theme {
    /// Colour unless the `NO_COLOR` environment variable is set and not empty.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// The whole screen: white on black (7:1 and better).
    pub fn base(&self) -> Style {
        if self.color {
            Style::new().fg(Color::White).bg(Color::Black)
        } else {
            Style::new()
        }
    }

    pub fn title(&self) -> Style {
        self.fg(Color::LightYellow).add_modifier(Modifier::BOLD)
    }

    pub fn tone(&self, tone: Tone) -> Style {
        match tone {
            Tone::Normal => self.fg(Color::White),
            Tone::Strong => self.fg(Color::White).add_modifier(Modifier::BOLD),
            // Muted text is still white-on-black in colour (grey would lose
            // contrast); it is only not bold.
            Tone::Muted => self.fg(Color::Gray),
            Tone::Tip => self.fg(Color::LightCyan).add_modifier(Modifier::BOLD),
            Tone::Warning => self.fg(Color::LightRed).add_modifier(Modifier::BOLD),
            Tone::Practice => self.fg(Color::LightGreen).add_modifier(Modifier::BOLD),
            Tone::Good => self.fg(Color::LightGreen).add_modifier(Modifier::BOLD),
            Tone::Bad => self.fg(Color::LightRed).add_modifier(Modifier::BOLD),
        }
    }

    /// Frames differ by kind so a warning looks unlike a tip without colour.
    pub fn frame(&self, tone: Tone) -> border::Set<'static> {
        match tone {
            Tone::Warning | Tone::Bad => border::DOUBLE,
            Tone::Practice | Tone::Good => border::ROUNDED,
            Tone::Strong => border::THICK,
            _ => border::PLAIN,
        }
    }

    /// The focused row, field or button.
    pub fn focus(&self) -> Style {
        let s = Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD);
        if self.color {
            s.fg(Color::LightYellow).bg(Color::Black)
        } else {
            s
        }
    }

    /// The one primary button, when not focused.
    pub fn primary(&self) -> Style {
        self.fg(Color::LightYellow).add_modifier(Modifier::BOLD)
    }

    pub fn button(&self) -> Style {
        self.fg(Color::White)
    }

    /// Key names in the footer.
    pub fn key(&self) -> Style {
        self.fg(Color::LightYellow).add_modifier(Modifier::BOLD)
    }
}

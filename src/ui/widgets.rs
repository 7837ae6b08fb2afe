//! Drawing the shared pieces: the page (title line, body blocks, big
//! buttons, the keys footer), dialogs, and the "please make the window
//! larger" screen. Everything here draws exactly the rectangles that
//! [`super::layout`] computed, and never writes outside the frame, so no
//! size from 1×1 up can make it panic.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::symbols::border;
use unicode_width::UnicodeWidthStr;

use crate::i18n::Texts;

use super::app::{App, Confirm};
use super::layout::{Block, Button, Dialog, DialogLaid, Laid, Page, Placed, Target, Tone};
use super::theme::Theme;

/// Writes `s` at (x, y), clipped to `clip` and to the buffer.
pub fn put(buf: &mut Buffer, clip: Rect, x: u16, y: u16, s: &str, style: Style) {
    let clip = clip.intersection(buf.area);
    if y < clip.y || y >= clip.bottom() || x >= clip.right() || x < clip.x {
        return;
    }
    let max = (clip.right() - x) as usize;
    buf.set_stringn(x, y, s, max, style);
}

/// Fills `r` (clipped) with spaces in `style`.
pub fn fill(buf: &mut Buffer, r: Rect, style: Style) {
    let r = r.intersection(buf.area);
    for y in r.top()..r.bottom() {
        for x in r.left()..r.right() {
            if let Some(c) = buf.cell_mut((x, y)) {
                c.reset();
                c.set_symbol(" ").set_style(style);
            }
        }
    }
}

/// Draws a frame around `r` (clipped) with `set`.
pub fn frame_box(buf: &mut Buffer, clip: Rect, r: Rect, set: &border::Set, style: Style) {
    if r.width < 2 || r.height < 2 {
        return;
    }
    let (l, t, rt, b) = (r.x, r.y, r.right() - 1, r.bottom() - 1);
    let mut set_cell = |x: u16, y: u16, sym: &str| {
        put(buf, clip, x, y, sym, style);
    };
    for x in l + 1..rt {
        set_cell(x, t, set.horizontal_top);
        set_cell(x, b, set.horizontal_bottom);
    }
    for y in t + 1..b {
        set_cell(l, y, set.vertical_left);
        set_cell(rt, y, set.vertical_right);
    }
    set_cell(l, t, set.top_left);
    set_cell(rt, t, set.top_right);
    set_cell(l, b, set.bottom_left);
    set_cell(rt, b, set.bottom_right);
}

/// Draws a whole page as laid out.
#[allow(clippy::too_many_arguments)]
pub fn draw_page(
    frame: &mut Frame,
    theme: Theme,
    t: &Texts,
    page: &Page,
    laid: &Laid,
    focus: Option<usize>,
    show_cursor: bool,
) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    fill(buf, area, theme.base());
    if laid.too_small {
        draw_too_small(buf, theme, t, area);
        return;
    }
    let base = theme.base();
    let focused = focus.and_then(|f| page.focusables().get(f).cloned());

    // Title line: the title left, the corner (step counter, name) right.
    // When both do not fit, a short corner (a counter) stays and the title
    // is cut; a long one (the site's name) gives way to the title.
    let h = laid.header;
    let title_w = page.title.width() as u16;
    let mut corner_w = page.corner.width() as u16;
    if corner_w > 0 && title_w + 2 + corner_w > h.width && corner_w > 12 {
        corner_w = 0;
    }
    let room = if corner_w > 0 {
        h.width.saturating_sub(corner_w + 2)
    } else {
        h.width
    };
    let title = if title_w > room {
        let mut t = String::new();
        for c in page.title.chars() {
            if t.width() + 2 > room as usize {
                break;
            }
            t.push(c);
        }
        t.push('…');
        t
    } else {
        page.title.clone()
    };
    put(
        buf,
        Rect::new(h.x, h.y, room, 1),
        h.x,
        h.y,
        &title,
        base.patch(theme.title()),
    );
    if corner_w > 0 {
        put(
            buf,
            h,
            h.right().saturating_sub(corner_w),
            h.y,
            &page.corner,
            base.patch(theme.tone(Tone::Strong)),
        );
    }
    let rule = "─".repeat(h.width as usize);
    put(buf, area, h.x, h.y + 1, &rule, base);

    // Body.
    let mut cursor = None;
    for p in &laid.placed {
        let block = &page.body[p.block];
        if let Some(c) = draw_block(buf, theme, laid, p, block, focused.as_ref()) {
            cursor = Some(c);
        }
    }
    // "More above/below" sit on the rule and on the blank line under the
    // body, so they never hide page text.
    if laid.offset > 0 {
        let s = format!(" ▲ {} ", t.more_above);
        let w = s.width() as u16;
        put(
            buf,
            area,
            h.right().saturating_sub(w),
            h.y + 1,
            &s,
            base.patch(theme.key()),
        );
    }
    if laid.offset < laid.max_offset() {
        let s = format!("▼ {}", t.more_below);
        let w = s.width() as u16;
        let y = laid.body.bottom();
        put(
            buf,
            laid.column,
            laid.body.right().saturating_sub(w),
            y,
            &s,
            base.patch(theme.key()),
        );
    }

    // Buttons.
    for (r, b) in laid.buttons.iter().zip(&page.buttons) {
        draw_button(buf, theme, *r, b, focused.as_ref() == Some(&b.target));
    }

    // Footer: keys bold, meanings plain.
    super::footer::draw(
        buf,
        laid.footer,
        &page.footer,
        &laid.footer_lines,
        base.patch(theme.key()),
        base,
    );
    if show_cursor && let Some((x, y)) = cursor {
        frame.set_cursor_position((x, y));
    }
}

/// Draws one body block; returns the text cursor position for a focused field.
fn draw_block(
    buf: &mut Buffer,
    theme: Theme,
    laid: &Laid,
    p: &Placed,
    block: &Block,
    focused: Option<&Target>,
) -> Option<(u16, u16)> {
    let base = theme.base();
    // The scrolling body, or the pinned area under it (never scrolled).
    let (body, offset) = laid.view_of(p);
    let col = laid.column;
    // Virtual line -> screen line (None when scrolled out of view).
    let row = |vy: u16| -> Option<u16> {
        let y = body.y as i32 + vy as i32 - offset as i32;
        (y >= body.y as i32 && y < body.bottom() as i32).then_some(y as u16)
    };
    // A frame drawn on the virtual canvas, clipped to the body.
    let clip_frame = |buf: &mut Buffer, top: u16, height: u16, set: &border::Set, style: Style| {
        let y = body.y as i32 + top as i32 - offset as i32;
        if y + height as i32 <= body.y as i32 || y >= body.bottom() as i32 {
            return;
        }
        // Draw on a scratch area then copy the visible part: simpler to
        // draw the sides line by line.
        for dy in 0..height {
            let Some(sy) = row(top + dy) else { continue };
            let (left, mid, right) = if dy == 0 {
                (set.top_left, set.horizontal_top, set.top_right)
            } else if dy == height - 1 {
                (set.bottom_left, set.horizontal_bottom, set.bottom_right)
            } else {
                (set.vertical_left, " ", set.vertical_right)
            };
            put(buf, body, col.x, sy, left, style);
            if mid != " " {
                let line = mid.repeat(col.width.saturating_sub(2) as usize);
                put(buf, body, col.x + 1, sy, &line, style);
            }
            put(buf, body, col.right().saturating_sub(1), sy, right, style);
        }
    };
    match block {
        Block::Text { tone, .. } => {
            for (i, line) in p.lines.iter().enumerate() {
                if let Some(y) = row(p.y + i as u16) {
                    put(buf, body, col.x, y, line, base.patch(theme.tone(*tone)));
                }
            }
            None
        }
        Block::Callout { tone, label, .. } => {
            let style = base.patch(theme.tone(*tone));
            clip_frame(buf, p.y, p.height, &theme.frame(*tone), style);
            if let Some(y) = row(p.y) {
                put(buf, body, col.x + 2, y, &format!(" {label} "), style);
            }
            for (i, line) in p.lines.iter().enumerate() {
                if let Some(y) = row(p.y + 1 + i as u16) {
                    put(buf, body, col.x + 2, y, line, base);
                }
            }
            None
        }
        Block::Row {
            target,
            mark,
            tone,
            big,
            ..
        } => {
            let is_focus = focused == Some(target);
            let style = if is_focus {
                base.patch(theme.focus())
            } else {
                base.patch(theme.tone(*tone))
            };
            let inset = if *big { 1 } else { 0 };
            for dy in 0..p.height {
                if let Some(y) = row(p.y + dy) {
                    fill(buf, Rect::new(col.x, y, col.width, 1), style);
                }
            }
            if *big {
                clip_frame(buf, p.y, p.height, &theme.frame(Tone::Strong), style);
            }
            let mark_w = mark.width() as u16;
            for (i, line) in p.lines.iter().enumerate() {
                if let Some(y) = row(p.y + inset + i as u16) {
                    if i == 0 {
                        put(buf, body, col.x + 1 + inset, y, mark, style);
                    }
                    put(buf, body, col.x + 1 + inset + mark_w, y, line, style);
                }
            }
            None
        }
        Block::Field {
            target,
            value,
            hint,
            label,
            error,
        } => {
            let is_focus = focused == Some(target);
            let label_n = super::layout::field_label_lines(label, col.width) as u16;
            // A focused box shows it the way every focused thing on the
            // kiosk does, in reverse video and bold across its label, so
            // it reads without colour too (not only by a thicker frame).
            let label_style = if is_focus {
                base.patch(theme.focus())
            } else {
                base.patch(theme.tone(Tone::Strong))
            };
            for (i, line) in p.lines.iter().enumerate() {
                let i = i as u16;
                let (vy, style) = if i < label_n {
                    (p.y + i, label_style)
                } else {
                    (p.y + i + 3, base.patch(theme.tone(Tone::Bad)))
                };
                if let Some(y) = row(vy) {
                    if i < label_n && is_focus {
                        fill(buf, Rect::new(col.x, y, col.width, 1), style);
                    }
                    put(buf, body, col.x, y, line, style);
                }
            }
            let box_style = if is_focus {
                base.patch(theme.key()).add_modifier(Modifier::BOLD)
            } else if error.is_some() {
                base.patch(theme.tone(Tone::Bad))
            } else {
                base
            };
            let set = if is_focus {
                border::THICK
            } else {
                border::PLAIN
            };
            clip_frame(buf, p.y + label_n, 3, &set, box_style);
            let inner_w = col.width.saturating_sub(4) as usize;
            let vy = p.y + label_n + 1;
            let y = row(vy)?;
            if value.is_empty() {
                if !is_focus {
                    put(
                        buf,
                        body,
                        col.x + 2,
                        y,
                        hint,
                        base.patch(theme.tone(Tone::Muted)),
                    );
                }
                is_focus.then_some((col.x + 2, y))
            } else {
                // Show the end of a long value: that is where typing happens.
                let mut shown = value.as_str();
                while shown.width() > inner_w.saturating_sub(1) && !shown.is_empty() {
                    let mut it = shown.chars();
                    it.next();
                    shown = it.as_str();
                }
                let style = if is_focus {
                    base.add_modifier(Modifier::BOLD)
                } else {
                    base
                };
                put(buf, body, col.x + 2, y, shown, style);
                is_focus.then_some((col.x + 2 + shown.width() as u16, y))
            }
        }
    }
}

/// A button: framed, label centred; the primary one highlighted; the
/// focused one in reverse video and bold.
pub fn draw_button(buf: &mut Buffer, theme: Theme, r: Rect, b: &Button, focused: bool) {
    let base = theme.base();
    let style = if focused {
        base.patch(theme.focus())
    } else if b.primary {
        base.patch(theme.primary())
    } else {
        base.patch(theme.button())
    };
    let clip = buf.area;
    if focused {
        fill(buf, r, style);
    }
    if r.height >= 3 {
        let set = if b.primary {
            border::THICK
        } else {
            border::PLAIN
        };
        frame_box(buf, clip, r, &set, style);
    }
    // A label wider than its button is cut with "…" inside the frame,
    // never drawn over it (a cut word still reads as cut).
    let (room, framed) = if r.height >= 3 {
        (r.width.saturating_sub(2), false)
    } else {
        (r.width.saturating_sub(4), true)
    };
    let mut text = b.label.clone();
    if text.width() > usize::from(room) {
        let (head, _) = super::layout::split_at_width(&text, usize::from(room.saturating_sub(1)));
        text = format!("{}…", head.trim_end());
    }
    let label = if framed { format!("[ {text} ]") } else { text };
    let w = label.width() as u16;
    let x = r.x + r.width.saturating_sub(w) / 2;
    let y = r.y + r.height / 2;
    put(
        buf,
        r,
        x.max(r.x),
        y,
        &label,
        style.add_modifier(Modifier::BOLD),
    );
}

/// Draws a dialog box over the page.
pub fn draw_dialog(frame: &mut Frame, theme: Theme, d: &Dialog, dl: &DialogLaid) {
    let buf = frame.buffer_mut();
    let base = theme.base();
    fill(buf, dl.frame, base);
    frame_box(
        buf,
        buf.area,
        dl.frame,
        &border::DOUBLE,
        base.patch(theme.key()),
    );
    put(
        buf,
        dl.frame,
        dl.frame.x + 2,
        dl.frame.y,
        &format!(" {} ", d.title),
        base.patch(theme.title()),
    );
    for (i, line) in dl.lines.iter().enumerate() {
        put(buf, dl.text, dl.text.x, dl.text.y + i as u16, line, base);
    }
    for (i, (r, b)) in dl.buttons.iter().zip(&d.buttons).enumerate() {
        draw_button(buf, theme, *r, b, i == d.focus);
    }
}

/// Below the minimum size: only ask for a larger window, in words.
fn draw_too_small(buf: &mut Buffer, theme: Theme, t: &Texts, area: Rect) {
    let lines = super::layout::wrap(t.too_small, area.width.max(1) as usize);
    let h = lines.len() as u16;
    let top = area.y + area.height.saturating_sub(h) / 2;
    for (i, line) in lines.iter().enumerate() {
        let w = line.width() as u16;
        let x = area.x + area.width.saturating_sub(w) / 2;
        put(
            buf,
            area,
            x,
            top + i as u16,
            line,
            theme.base().patch(theme.tone(Tone::Strong)),
        );
    }
}

/// The "are you sure?" dialogs. Button 1 is always the safe "no": it is
/// the primary button and focused when the dialog opens (Enter keeps
/// things as they are; the other answer takes an arrow, 2 or a touch).
pub fn confirm_dialog(app: &App, what: &Confirm, focus: usize) -> Dialog {
    let t = app.t();
    let (title, text, no, yes) = match what {
        Confirm::ThisIsMe(p) => (
            t.this_is_you_title,
            super::who::describe(app, p),
            t.this_is_you_no,
            t.this_is_you_yes,
        ),
        Confirm::LeaveQuiz => (
            t.leave_quiz_title,
            t.leave_quiz_text.to_string(),
            t.leave_quiz_no,
            t.leave_quiz_yes,
        ),
        Confirm::AlreadyRegistered { existing, .. } => (
            t.known_title,
            crate::i18n::fill(
                t.known_text,
                &[("person", &super::who::one_line(app, existing))],
            ),
            t.known_no,
            t.known_yes,
        ),
        Confirm::LeaveForm { .. } => (
            t.leave_form_title,
            t.leave_form_text.to_string(),
            t.leave_form_no,
            t.leave_form_yes,
        ),
        Confirm::Decline => (
            t.decline_title,
            t.decline_text.to_string(),
            t.decline_no,
            t.decline_yes,
        ),
        Confirm::SignOut => (
            t.sign_out_title,
            t.sign_out_text.to_string(),
            t.sign_out_no,
            t.sign_out_yes,
        ),
    };
    Dialog {
        title: title.to_string(),
        text,
        buttons: vec![
            Button::primary(Target::No, format!("1  {no}")),
            Button::new(Target::Yes, format!("2  {yes}")),
        ],
        focus,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::layout::{Button, Target};

    fn row(buf: &Buffer, y: u16) -> String {
        (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect()
    }

    /// A label wider than its button is cut with "…" inside the frame: the
    /// frame stays whole, so a button never runs into its neighbour.
    #[test]
    fn a_long_label_is_cut_inside_its_frame() {
        let theme = crate::ui::theme::Theme::from_env();
        for (height, ends) in [(3u16, ('│', '│')), (1, ('[', ']'))] {
            let area = Rect::new(0, 0, 14, height);
            let mut buf = Buffer::empty(area);
            let b = Button::new(Target::Yes, "1  Không, tôi là người khác");
            draw_button(&mut buf, theme, area, &b, false);
            let mid = row(&buf, height / 2);
            let mid = mid.trim();
            assert!(mid.starts_with(ends.0) && mid.ends_with(ends.1), "{mid:?}");
            assert!(mid.contains('…'), "{mid:?}");
        }
        let area = Rect::new(0, 0, 20, 3);
        let mut buf = Buffer::empty(area);
        let fits = Button::new(Target::No, "Đọc lại");
        draw_button(&mut buf, theme, area, &fits, false);
        assert!(!row(&buf, 1).contains('…'), "a label that fits is whole");
    }
}

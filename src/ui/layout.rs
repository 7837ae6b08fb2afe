//! The page model and its layout: a pure function from a [`Page`] and the
//! screen size to rectangles. Both the view (to draw) and `update` (to turn a
//! click into a target) call [`layout`], so a click always lands on what was
//! drawn there.
//!
//! Every learner screen describes itself as a `Page`: a title, a body made of
//! blocks (paragraphs, callouts, clickable rows, text fields), a row of big
//! buttons and a footer naming the keys. One engine lays every page out the
//! same way, which is what makes the screens consistent for a senior: the
//! title is always at the top, the buttons always in the same place, the
//! keys always at the bottom.

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

/// Widest text column: long lines are hard to follow for older readers.
pub const MAX_COLUMN: u16 = 72;
/// Below this size the screen only asks for a larger window.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 15;
/// Buttons are this tall when the screen has room (big touch targets).
pub const BUTTON_HEIGHT: u16 = 3;
/// The most rows a page (title to buttons) uses; taller screens centre it,
/// so the buttons stay near the text they belong to.
pub const MAX_PAGE_ROWS: u16 = 40;

/// Something on screen a learner can choose, by key or by click.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Start,
    Language,
    Help,
    Close,
    Back,
    Next,
    Yes,
    No,
    /// A text field, by its index on the page.
    Field(usize),
    /// A row in a list (search results), by index.
    Row(usize),
    Register,
    Accept,
    Decline,
    /// "Continue where you left off".
    Resume,
    /// A module on the home screen, by index in the curriculum.
    Module(usize),
    SignOut,
    /// "I have done it on my phone".
    Practice,
    /// A quiz choice, by its position on screen.
    Choice(usize),
    Answer,
    StartOver,
    Retry,
    Review,
    Home,
}

/// How a piece of text is meant to look; the theme turns it into a style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Normal,
    Strong,
    Muted,
    Tip,
    Warning,
    Practice,
    Good,
    Bad,
}

/// One piece of a page body, top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Text {
        text: String,
        tone: Tone,
    },
    /// A boxed note with a label: tips, warnings, "try it on your phone",
    /// right/wrong feedback.
    Callout {
        tone: Tone,
        label: String,
        text: String,
    },
    /// A whole-width clickable row. `mark` is drawn before the text (a
    /// number, a check box); `big` rows get a frame around them.
    Row {
        target: Target,
        mark: String,
        text: String,
        tone: Tone,
        big: bool,
    },
    Field {
        target: Target,
        label: String,
        value: String,
        hint: String,
        error: Option<String>,
    },
}

impl Block {
    pub fn text(text: impl Into<String>) -> Block {
        Block::Text {
            text: text.into(),
            tone: Tone::Normal,
        }
    }

    pub fn strong(text: impl Into<String>) -> Block {
        Block::Text {
            text: text.into(),
            tone: Tone::Strong,
        }
    }

    pub fn callout(tone: Tone, label: impl Into<String>, text: impl Into<String>) -> Block {
        Block::Callout {
            tone,
            label: label.into(),
            text: text.into(),
        }
    }

    pub fn row(target: Target, mark: impl Into<String>, text: impl Into<String>) -> Block {
        Block::Row {
            target,
            mark: mark.into(),
            text: text.into(),
            tone: Tone::Normal,
            big: false,
        }
    }

    /// What choosing this block means, for rows and fields.
    pub fn target(&self) -> Option<&Target> {
        match self {
            Block::Row { target, .. } | Block::Field { target, .. } => Some(target),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Button {
    pub target: Target,
    pub label: String,
    /// The one main action of the screen, highlighted.
    pub primary: bool,
}

impl Button {
    pub fn new(target: Target, label: impl Into<String>) -> Button {
        Button {
            target,
            label: label.into(),
            primary: false,
        }
    }

    pub fn primary(target: Target, label: impl Into<String>) -> Button {
        Button {
            target,
            label: label.into(),
            primary: true,
        }
    }
}

/// Everything a screen shows, before layout.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub title: String,
    /// Right side of the title line: a step counter, the learner's name.
    pub corner: String,
    pub body: Vec<Block>,
    pub buttons: Vec<Button>,
    /// The keys line: (keys, what they do), already in words.
    pub footer: Vec<(String, String)>,
    /// Index into [`Page::focusables`] focused when the screen opens;
    /// `None` = nothing focused (Enter then presses the primary button, or
    /// says what to choose when there is none — e.g. consent, which must be
    /// an active choice).
    pub default_focus: Option<usize>,
    /// How many blocks at the END of the body stay in view when the body
    /// does not fit: they are drawn just above the buttons and only the
    /// text before them scrolls. A "try it on your phone" page keeps its
    /// task and its check box here, so a senior sees what to do without
    /// scrolling (QA: at 80×24 the box was below the fold).
    pub pinned: usize,
}

impl Page {
    /// The targets the arrow keys move between: body rows and fields in
    /// order, then the buttons walked round their row from the primary one
    /// (the way on is the next thing ↓ reaches: choices → "Answer" →
    /// "Stop"): the buttons to its right, then from the left end. Each step
    /// along the row goes to the button drawn next to the right, so with
    /// [`Page::step_focus`] closing the ring every button is reached.
    pub fn focusables(&self) -> Vec<Target> {
        let start = self.primary_button().unwrap_or(0);
        let (left, from_primary) = self.buttons.split_at(start);
        self.body
            .iter()
            .filter_map(|b| b.target().cloned())
            .chain(from_primary.iter().chain(left).map(|b| b.target.clone()))
            .collect()
    }

    /// Where ↓ / Tab (`forward`) or ↑ / Shift-Tab moves the focus from
    /// `from` (an index into [`Page::focusables`], `None` when nothing is
    /// lit): one step in that order. From nothing, ↓ lights the first thing
    /// and ↑ the last. The rows end where they end (↑ on the first stays),
    /// but a row of buttons with a primary one is a ring: ↓ from its last
    /// button comes back to the primary (drawn to its right, the row's
    /// ends joined), and with no rows above, ↑ from the primary goes round
    /// to the last. Without that the result screen ("Review | Try again |
    /// Home", Home primary) let ↓ stop on "Try again" and ↑ do nothing on
    /// "Home". A row without a primary (consent) is read left to right
    /// and stops at its end, so pressing ↓ until it stops lands on the
    /// last button.
    pub fn step_focus(&self, from: Option<usize>, forward: bool) -> Option<usize> {
        let n = self.focusables().len();
        if n == 0 {
            return None;
        }
        let rows = self.body_focusables();
        let ring = self.buttons.len() > 1 && self.primary_button().is_some();
        Some(match (from.map(|i| i.min(n - 1)), forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) if i + 1 < n => i + 1,
            (Some(i), true) => {
                if ring {
                    rows
                } else {
                    i
                }
            }
            (Some(i), false) if ring && rows == 0 && i == 0 => n - 1,
            (Some(i), false) => i.saturating_sub(1),
        })
    }

    /// The position of the primary button in `buttons`, if there is one.
    fn primary_button(&self) -> Option<usize> {
        self.buttons.iter().position(|b| b.primary)
    }

    /// The one primary button's target, if the page has one.
    pub fn primary(&self) -> Option<Target> {
        self.buttons
            .iter()
            .find(|b| b.primary)
            .map(|b| b.target.clone())
    }

    /// How many focusable things are in the body (rows and fields).
    pub fn body_focusables(&self) -> usize {
        self.body.iter().filter(|b| b.target().is_some()).count()
    }

    pub fn focus_of(&self, target: &Target) -> Option<usize> {
        self.focusables().iter().position(|t| t == target)
    }

    /// The index of `target` among the focusables, to default the focus.
    pub fn button_focus(&self, target: &Target) -> Option<usize> {
        self.focus_of(target)
    }
}

/// A body block placed on the virtual (scrollable) body canvas, or in the
/// pinned area under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// Index into `Page::body`.
    pub block: usize,
    /// In [`Laid::pinned`] (never scrolls) rather than on the body canvas.
    pub pinned: bool,
    /// Top line on the virtual canvas, before scrolling (for a pinned
    /// block: the line inside the pinned area).
    pub y: u16,
    pub height: u16,
    /// The wrapped text lines of the block (without frames or marks).
    pub lines: Vec<String>,
}

/// The result of laying a page out on a screen of a given size.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Laid {
    pub area: Rect,
    pub too_small: bool,
    /// The centred text column.
    pub column: Rect,
    pub header: Rect,
    /// The scrolling part of the body on screen.
    pub body: Rect,
    /// The blocks kept in view under the scrolling part (empty when
    /// everything fits or the page pins nothing); one line below `body`,
    /// which leaves room for the "more below" hint.
    pub pinned: Rect,
    /// First virtual body line shown.
    pub offset: u16,
    /// Height of the scrolling body canvas.
    pub content_height: u16,
    pub placed: Vec<Placed>,
    pub buttons: Vec<Rect>,
    pub footer: Rect,
    /// Which footer items go on each footer line, and the gap between them.
    pub footer_lines: super::footer::Packed,
    /// Clickable areas as drawn, topmost last.
    pub targets: Vec<(Rect, Target)>,
}

impl Laid {
    /// The target under a click at (x, y), if any.
    pub fn hit(&self, x: u16, y: u16) -> Option<Target> {
        self.targets
            .iter()
            .rev()
            .find(|(r, _)| contains(*r, x, y))
            .map(|(_, t)| t.clone())
    }

    /// The largest useful scroll offset.
    pub fn max_offset(&self) -> u16 {
        self.content_height.saturating_sub(self.body.height)
    }

    /// Where `p` is drawn: its area on screen and the scroll offset that
    /// applies to it.
    pub fn view_of(&self, p: &Placed) -> (Rect, u16) {
        if p.pinned {
            (self.pinned, 0)
        } else {
            (self.body, self.offset)
        }
    }
}

/// Fewest rows of scrolling text left when blocks are pinned under it;
/// below that, fewer blocks are pinned (the check box before the task).
pub const MIN_SCROLL_ROWS: u16 = 3;

pub fn contains(r: Rect, x: u16, y: u16) -> bool {
    x >= r.x && y >= r.y && x < r.x.saturating_add(r.width) && y < r.y.saturating_add(r.height)
}

/// Width of the text inside a row, after its mark and one space of padding
/// on each side.
fn row_text_width(column_width: u16, mark: &str, big: bool) -> u16 {
    let frame = if big { 2 } else { 0 };
    column_width
        .saturating_sub(2 + frame)
        .saturating_sub(mark.width() as u16)
        .max(1)
}

/// Lays `page` out on `area`. `scroll` is the offset the learner asked for
/// (wheel); with `follow` set the focused row is scrolled into view instead.
pub fn layout(page: &Page, area: Rect, focus: Option<usize>, scroll: u16, follow: bool) -> Laid {
    let mut laid = Laid {
        area,
        ..Laid::default()
    };
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        laid.too_small = true;
        return laid;
    }
    let width = area.width.saturating_sub(2).min(MAX_COLUMN);
    let column = Rect::new(
        area.x + (area.width - width) / 2,
        area.y,
        width,
        area.height,
    );
    laid.column = column;

    let footer_lines = super::footer::pack(&page.footer, width as usize, 3);
    let footer_h = footer_lines.lines.len() as u16;
    laid.footer = Rect::new(column.x, area.bottom() - footer_h, width, footer_h);
    laid.footer_lines = footer_lines;

    let button_h = if area.height >= 20 { BUTTON_HEIGHT } else { 1 };

    // The title, the body and its buttons stay together: the buttons sit
    // one blank line under the content (not at the bottom of a tall
    // screen, where they would be far from what they act on). On a very
    // tall screen the whole page is at most MAX_PAGE_ROWS high and centred
    // in the space above the footer, which stays at the bottom.
    let above_footer = laid.footer.y.saturating_sub(1).saturating_sub(area.y);
    let region_h = above_footer.min(MAX_PAGE_ROWS);
    let region_y = area.y + (above_footer - region_h) / 2;
    let region_bottom = region_y + region_h;
    laid.header = Rect::new(column.x, region_y, width, 1);
    let buttons_need = if page.buttons.is_empty() {
        0
    } else {
        1 + button_h
    };
    let body_top = region_y + 2;
    let room = region_bottom
        .saturating_sub(buttons_need)
        .saturating_sub(body_top);

    // Measure every block; blocks sit one blank line apart.
    let measured: Vec<(Vec<String>, u16)> = page.body.iter().map(|b| measure(b, width)).collect();
    let stack_height = |blocks: &[(Vec<String>, u16)]| -> u16 {
        blocks
            .iter()
            .fold(0u16, |h, (_, bh)| h.saturating_add(*bh).saturating_add(1))
            .saturating_sub(1)
    };
    // When the body does not fit, keep the page's pinned blocks in view:
    // all of them if the text above keeps MIN_SCROLL_ROWS, else as many of
    // the last ones as allow that.
    let n = page.body.len();
    let mut pin_from = n;
    if !page.buttons.is_empty() && stack_height(&measured) > room {
        let first = n - page.pinned.min(n);
        pin_from = (first..n)
            .find(|&k| stack_height(&measured[k..]).saturating_add(1 + MIN_SCROLL_ROWS) <= room)
            .unwrap_or(n);
    }
    let pinned_h = if pin_from < n {
        stack_height(&measured[pin_from..])
    } else {
        0
    };

    laid.content_height = place(&mut laid.placed, &measured, 0..pin_from, false);

    let body_h = if page.buttons.is_empty() {
        room
    } else if pinned_h > 0 {
        room - pinned_h - 1
    } else {
        laid.content_height.min(room)
    };
    laid.body = Rect::new(column.x, body_top, width, body_h);
    let mut below_body = laid.body.bottom();
    if pinned_h > 0 {
        laid.pinned = Rect::new(column.x, laid.body.bottom() + 1, width, pinned_h);
        below_body = laid.pinned.bottom();
        place(&mut laid.placed, &measured, pin_from..n, true);
    }
    if !page.buttons.is_empty() {
        laid.buttons = button_rects(page, column.x, below_body + 1, width, button_h);
    }

    // Scrolling: keep the focused body block visible when following focus.
    let max = laid.max_offset();
    let mut offset = scroll.min(max);
    let focused_target = focus.and_then(|f| page.focusables().get(f).cloned());
    if follow {
        if let Some(p) = laid.placed.iter().find(|p| {
            !p.pinned
                && page.body[p.block].target().is_some()
                && page.body[p.block].target() == focused_target.as_ref()
        }) {
            let view = laid.body.height;
            if p.y < offset {
                offset = p.y;
            } else if p.y + p.height > offset + view {
                offset = (p.y + p.height).saturating_sub(view).min(p.y);
            }
        } else if page.body_focusables() == 0 {
            offset = scroll.min(max);
        }
    }
    laid.offset = offset.min(max);

    // Clickable areas: body rows and fields, clipped to where they show.
    for p in &laid.placed {
        if let Some(target) = page.body[p.block].target() {
            let (view, offset) = laid.view_of(p);
            let top = p.y as i32 - offset as i32;
            let bottom = top + p.height as i32;
            let vis_top = top.max(0);
            let vis_bottom = bottom.min(view.height as i32);
            if vis_bottom > vis_top {
                let r = Rect::new(
                    column.x,
                    view.y + vis_top as u16,
                    width,
                    (vis_bottom - vis_top) as u16,
                );
                laid.targets.push((r, target.clone()));
            }
        }
    }
    for (r, b) in laid.buttons.iter().zip(&page.buttons) {
        laid.targets.push((*r, b.target.clone()));
    }
    laid
}

/// The wrapped lines and the height of one block at `width`.
fn measure(block: &Block, width: u16) -> (Vec<String>, u16) {
    match block {
        Block::Text { text, .. } => {
            let lines = wrap(text, width as usize);
            let h = lines.len() as u16;
            (lines, h)
        }
        Block::Callout { text, .. } => {
            let lines = wrap(text, width.saturating_sub(4).max(1) as usize);
            let h = lines.len() as u16 + 2;
            (lines, h)
        }
        Block::Row {
            mark, text, big, ..
        } => {
            let lines = wrap(text, row_text_width(width, mark, *big) as usize);
            let h = lines.len().max(1) as u16 + if *big { 2 } else { 0 };
            (lines, h)
        }
        Block::Field { label, error, .. } => {
            // The label, then the 3-row input box, then the error (if any).
            let mut lines = wrap(label, width as usize);
            if let Some(e) = error {
                lines.extend(wrap(e, width as usize));
            }
            let h = lines.len() as u16 + 3;
            (lines, h)
        }
    }
}

/// Label lines of a field (the rest of `Placed::lines` is its error).
pub fn field_label_lines(label: &str, width: u16) -> usize {
    wrap(label, width as usize).len()
}

/// Button rectangles: the first at the left edge, the last at the right
/// edge (the usual place for "continue"), the others spread between.
fn button_rects(page: &Page, x: u16, y: u16, width: u16, height: u16) -> Vec<Rect> {
    let n = page.buttons.len() as u16;
    let gap = 2u16;
    let widest = page
        .buttons
        .iter()
        .map(|b| b.label.width() as u16 + 6)
        .max()
        .unwrap_or(10)
        .max(14);
    let fit = width.saturating_sub(gap * (n - 1)) / n;
    let bw = widest.min(fit).max(1);
    if n == 1 {
        return vec![Rect::new(x + width.saturating_sub(bw), y, bw, height)];
    }
    let free = width.saturating_sub(bw * n);
    (0..n)
        .map(|i| {
            let bx = x + i * bw + free * i / (n - 1);
            Rect::new(bx, y, bw, height)
        })
        .collect()
}

/// Word-wraps `text` to `width` display columns. Line breaks in the text are
/// kept; words longer than a line are cut.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    for para in text.split('\n') {
        // Leading spaces are kept (they line up marks such as "✓ 1.").
        let indent = para.len() - para.trim_start_matches(' ').len();
        let mut line = " ".repeat(indent.min(width.saturating_sub(1)));
        let mut line_w = line.len();
        for word in para.split_whitespace() {
            let mut word = word.to_string();
            let mut ww = word.width();
            if line_w > indent && line_w + 1 + ww > width {
                out.push(std::mem::take(&mut line));
                line_w = 0;
            }
            while ww > width {
                // Cut an over-long word at the line end.
                let room = if line_w == 0 {
                    width
                } else {
                    width - line_w - 1
                };
                let (head, tail) = split_at_width(&word, room.max(1));
                if line_w > 0 {
                    line.push(' ');
                }
                line.push_str(&head);
                out.push(std::mem::take(&mut line));
                line_w = 0;
                word = tail;
                ww = word.width();
            }
            if word.is_empty() {
                continue;
            }
            if line_w > 0 && !line.ends_with(' ') {
                line.push(' ');
                line_w += 1;
            }
            line.push_str(&word);
            line_w += ww;
        }
        out.push(line);
    }
    // Drop trailing empty lines (a text ending in a newline).
    while out.len() > 1 && out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out
}

pub(crate) fn split_at_width(s: &str, width: usize) -> (String, String) {
    let mut w = 0;
    for (i, c) in s.char_indices() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > width && i > 0 {
            return (s[..i].to_string(), s[i..].to_string());
        }
        w += cw;
    }
    (s.to_string(), String::new())
}

/// Centres a `w`×`h` box in `area` (clipped to it).
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// A dialog over the page: a framed box with a title, text and buttons.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dialog {
    pub title: String,
    pub text: String,
    pub buttons: Vec<Button>,
    /// Index of the focused button.
    pub focus: usize,
}

/// Where a dialog's parts go.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DialogLaid {
    pub frame: Rect,
    pub lines: Vec<String>,
    pub text: Rect,
    pub buttons: Vec<Rect>,
}

impl DialogLaid {
    pub fn hit(&self, dialog: &Dialog, x: u16, y: u16) -> Option<Target> {
        self.buttons
            .iter()
            .zip(&dialog.buttons)
            .find(|(r, _)| contains(**r, x, y))
            .map(|(_, b)| b.target.clone())
    }
}

/// Lays a dialog out centred on `area` (already known to be large enough).
pub fn layout_dialog(dialog: &Dialog, area: Rect) -> DialogLaid {
    let width = area.width.saturating_sub(4).min(60);
    let inner = width.saturating_sub(4);
    let mut lines = wrap(&dialog.text, inner as usize);
    let button_h = if area.height >= 20 { BUTTON_HEIGHT } else { 1 };
    let has_buttons = !dialog.buttons.is_empty();
    let buttons = if has_buttons { button_h + 1 } else { 0 };
    // Roomy: a blank row inside the frame above and below the words, and a
    // row of the page showing above and below the frame. On a small window
    // the words come first (help ends with how to get a person, which was
    // cut at 60×16): the air goes, then the blank lines between paragraphs.
    let roomy = 2 + 2 + buttons;
    let fits = |fixed: u16, margin: u16, n: usize| {
        n <= area.height.saturating_sub(fixed + margin) as usize
    };
    let pad = if fits(roomy, 2, lines.len()) {
        1
    } else {
        if !fits(2 + buttons, 0, lines.len()) {
            lines.retain(|l| !l.trim().is_empty());
        }
        0
    };
    let fixed = 2 + 2 * pad + buttons;
    let max_text = area.height.saturating_sub(fixed + 2 * pad);
    lines.truncate(max_text as usize);
    let height = fixed + lines.len() as u16;
    let frame = centered(area, width, height);
    let text = Rect::new(frame.x + 2, frame.y + 1 + pad, inner, lines.len() as u16);
    let mut laid = DialogLaid {
        frame,
        lines,
        text,
        buttons: Vec::new(),
    };
    if has_buttons {
        let page = Page {
            buttons: dialog.buttons.clone(),
            ..Page::default()
        };
        let by = text.y + text.height + 1;
        laid.buttons = button_rects(&page, frame.x + 2, by, inner, button_h);
    }
    laid
}

/// Stacks the measured blocks `blocks` one blank line apart from row 0 of
/// their area (the scrolling body, or the pinned area above the buttons),
/// and returns the height of the stack.
fn place(
    placed: &mut Vec<Placed>,
    measured: &[(Vec<String>, u16)],
    blocks: std::ops::Range<usize>,
    pinned: bool,
) -> u16 {
    let mut y: u16 = 0;
    for i in blocks {
        let (lines, height) = &measured[i];
        placed.push(Placed {
            block: i,
            pinned,
            y,
            height: *height,
            lines: lines.clone(),
        });
        y = y.saturating_add(*height).saturating_add(1);
    }
    y.saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_respects_width_and_newlines() {
        let lines = wrap(
            "Mở ứng dụng VNeID trên điện thoại của bạn.\nBấm Đăng nhập.",
            20,
        );
        assert!(lines.iter().all(|l| l.width() <= 20), "{lines:?}");
        assert_eq!(lines.last().unwrap(), "Bấm Đăng nhập.");
        assert_eq!(wrap("", 10), vec![String::new()]);
        let cut = wrap("abcdefghijkl", 5);
        assert_eq!(cut, vec!["abcde", "fghij", "kl"]);
    }

    fn sample_page(rows: usize) -> Page {
        Page {
            title: "T".into(),
            body: (0..rows)
                .map(|i| Block::row(Target::Row(i), format!("{}.", i + 1), "row"))
                .collect(),
            buttons: vec![
                Button::new(Target::Back, "Back"),
                Button::primary(Target::Next, "Next"),
            ],
            footer: vec![("Enter".into(), "continue".into())],
            ..Page::default()
        }
    }

    #[test]
    fn clicks_hit_what_is_drawn() {
        let page = sample_page(3);
        let laid = layout(&page, Rect::new(0, 0, 80, 24), Some(0), 0, true);
        let first = laid.targets[0].0;
        assert_eq!(laid.hit(first.x + 30, first.y), Some(Target::Row(0)));
        let next = laid.buttons[1];
        assert_eq!(laid.hit(next.x + 1, next.y + 2), Some(Target::Next));
        assert_eq!(next.height, BUTTON_HEIGHT);
        assert!(laid.buttons[0].right() <= laid.buttons[1].x);
    }

    #[test]
    fn focused_row_is_scrolled_into_view() {
        let page = sample_page(20);
        let laid = layout(&page, Rect::new(0, 0, 80, 24), Some(19), 0, true);
        let t = laid.targets.iter().find(|(_, t)| *t == Target::Row(19));
        assert!(t.is_some(), "the last row is visible");
        assert!(laid.offset > 0);
    }

    /// QA B6: at 300×100 the buttons sat ~80 rows under the text.
    #[test]
    fn buttons_stay_next_to_the_content_on_a_huge_screen() {
        let page = sample_page(3);
        let laid = layout(&page, Rect::new(0, 0, 300, 100), None, 0, true);
        let last_row = laid.targets[2].0;
        let buttons = laid.buttons[0];
        assert!(
            buttons.y > last_row.y && buttons.y - last_row.bottom() <= 2,
            "buttons right under the content: rows end {} buttons at {}",
            last_row.bottom(),
            buttons.y
        );
        // The page is centred: the title is not stuck on the top line.
        assert!(laid.header.y > 10, "{:?}", laid.header);
        // The footer stays at the bottom.
        assert_eq!(laid.footer.bottom(), 100);
    }

    #[test]
    fn focus_order_is_body_then_primary_then_the_rest() {
        let page = sample_page(2);
        assert_eq!(
            page.focusables(),
            vec![Target::Row(0), Target::Row(1), Target::Next, Target::Back]
        );
    }

    /// Three buttons and no rows, the primary in the middle or at the
    /// right end (the result screen): the buttons follow the primary round
    /// the row, and ↓ / ↑ go round it, one neighbour on screen at a time.
    #[test]
    fn a_row_of_buttons_is_walked_round_from_its_primary() {
        let three = |primary: usize| Page {
            buttons: (0..3)
                .map(|i| Button {
                    target: Target::Row(i),
                    label: format!("B{i}"),
                    primary: i == primary,
                })
                .collect(),
            ..Page::default()
        };
        let middle = three(1);
        assert_eq!(
            middle.focusables(),
            vec![Target::Row(1), Target::Row(2), Target::Row(0)]
        );
        let right = three(2);
        for page in [&middle, &right] {
            // From the primary (index 0), ↓ three times and ↑ three times
            // each visit all three and come back.
            let (mut down, mut up) = (Some(0), Some(0));
            let mut seen_down = Vec::new();
            let mut seen_up = Vec::new();
            for _ in 0..3 {
                down = page.step_focus(down, true);
                up = page.step_focus(up, false);
                seen_down.push(down.unwrap());
                seen_up.push(up.unwrap());
            }
            assert_eq!(seen_down, vec![1, 2, 0]);
            assert_eq!(seen_up, vec![2, 1, 0]);
        }
        // With rows above, ↑ from the primary goes back up to the rows, and
        // ↓ from the last button round to the primary again.
        let rows = sample_page(2);
        assert_eq!(rows.step_focus(Some(2), false), Some(1));
        assert_eq!(rows.step_focus(Some(3), true), Some(2));
        assert_eq!(rows.step_focus(Some(0), false), Some(0));
        assert_eq!(rows.step_focus(None, true), Some(0));
        assert_eq!(rows.step_focus(None, false), Some(3));
        // No primary: read left to right, stopping at the end.
        let mut plain = three(0);
        plain.buttons[0].primary = false;
        assert_eq!(plain.step_focus(Some(2), true), Some(2));
        assert_eq!(plain.step_focus(Some(0), false), Some(0));
    }

    /// A long text with a task and a check box pinned under it.
    fn practice_page(text_lines: usize) -> Page {
        let text = vec!["line"; text_lines].join("\n");
        Page {
            title: "T".into(),
            body: vec![
                Block::text(text),
                Block::callout(Tone::Practice, "Try", "Do it on your phone now please."),
                Block::row(Target::Practice, "[ ] ", "Press Space when done."),
            ],
            buttons: vec![
                Button::new(Target::Back, "Back"),
                Button::primary(Target::Next, "Next"),
            ],
            footer: vec![("Enter".into(), "continue".into())],
            pinned: 2,
            ..Page::default()
        }
    }

    #[test]
    fn pinned_blocks_stay_in_view_while_the_text_scrolls() {
        let page = practice_page(30);
        let area = Rect::new(0, 0, 80, 24);
        for scroll in [0, 5, 100] {
            let laid = layout(&page, area, Some(1), scroll, false);
            let row = laid.targets.iter().find(|(_, t)| *t == Target::Practice);
            let (r, _) = row.expect("the check box is on screen");
            assert!(contains(laid.pinned, r.x, r.y));
            assert!(r.bottom() < laid.buttons[0].y, "above the buttons");
            assert!(laid.body.bottom() < laid.pinned.y, "a line for the hint");
            assert!(laid.placed.iter().filter(|p| p.pinned).count() == 2);
        }
        // Scrolling moves only the text: at the end its last line shows.
        let laid = layout(&page, area, Some(1), 100, false);
        assert_eq!(laid.offset, laid.max_offset());
        assert_eq!(laid.content_height, 30);
        // A short text is laid out as before: nothing pinned.
        let laid = layout(&practice_page(2), area, Some(1), 0, false);
        assert_eq!(laid.pinned, Rect::default());
        assert!(laid.placed.iter().all(|p| !p.pinned));
    }

    #[test]
    fn a_small_screen_pins_only_the_check_box() {
        let mut page = practice_page(30);
        page.body[1] = Block::callout(Tone::Practice, "Try", "Do it on your phone. ".repeat(8));
        let laid = layout(&page, Rect::new(0, 0, 40, 15), None, 0, false);
        let pinned: Vec<usize> = laid
            .placed
            .iter()
            .filter(|p| p.pinned)
            .map(|p| p.block)
            .collect();
        assert_eq!(pinned, vec![2], "{laid:#?}");
        assert!(laid.body.height >= MIN_SCROLL_ROWS);
        assert!(laid.hit(laid.pinned.x + 5, laid.pinned.y) == Some(Target::Practice));
    }

    #[test]
    fn small_screens_are_flagged() {
        let laid = layout(&sample_page(1), Rect::new(0, 0, 30, 10), Some(0), 0, true);
        assert!(laid.too_small);
        assert!(laid.targets.is_empty());
    }
}

//! The keys footer, shared by the learner pages and instructor mode: how
//! its items are packed onto lines, where each one is drawn, how it is
//! drawn, and which key a touch on it presses.
//!
//! Every footer item names a key and what it does ("F1/? help"). A person
//! who only touches the screen can tap an item and get exactly what the key
//! would do: the tap becomes that key press and goes through the same key
//! handling, so a footer can never promise one thing and a tap do another.
//! Items that are not one key ("↑↓", "1–9", "Letters") are not tappable.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

use super::widgets::put;

/// Gap between footer items, and the narrower ones tried when the items
/// do not fit in the lines the screen gives the footer.
const GAPS: [usize; 3] = [3, 2, 1];

/// The items packed onto lines: the item indices on each line and the gap
/// between two items on a line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Packed {
    pub gap: usize,
    pub lines: Vec<Vec<usize>>,
}

/// Packs items onto lines of `width` columns without splitting an item, at
/// most `max_lines` of them, as few as will do: one line with a gap of 2
/// before a second line (a footer line taken from the page can push its
/// question out of sight), the usual gap of 3 when it fits. A gap of 1
/// runs one item into the next ("F6 điểm danh F7 mở"), so it comes only
/// when nothing else fits; items that fit nowhere are left off the end.
pub fn pack(items: &[(String, String)], width: usize, max_lines: usize) -> Packed {
    let max_lines = max_lines.max(1);
    let tries = (1..=max_lines)
        .flat_map(|n| GAPS[..2].iter().map(move |&gap| (n, gap)))
        .chain(std::iter::once((max_lines, GAPS[2])));
    for (n, gap) in tries {
        let lines = wrap_items(items, width, gap);
        if lines.len() <= n {
            return Packed { gap, lines };
        }
    }
    let gap = GAPS[GAPS.len() - 1];
    let mut lines = wrap_items(items, width, gap);
    lines.truncate(max_lines);
    Packed { gap, lines }
}

fn wrap_items(items: &[(String, String)], width: usize, gap: usize) -> Vec<Vec<usize>> {
    let mut lines: Vec<Vec<usize>> = Vec::new();
    let mut line_w = 0;
    for (i, (k, w)) in items.iter().enumerate() {
        let iw = item_width(k, w);
        match lines.last_mut() {
            Some(line) if line_w + gap + iw <= width => {
                line.push(i);
                line_w += gap + iw;
            }
            _ => {
                lines.push(vec![i]);
                line_w = iw;
            }
        }
    }
    lines
}

fn item_width(key: &str, words: &str) -> usize {
    key.width() + 1 + words.width()
}

/// Where each item is drawn: the packed lines from the top of `area`, one
/// line each, lines beyond `area` dropped. Every item's area takes half the
/// gap on each side, so a tap between two items still lands on the nearer
/// one. Also returns where its text starts.
fn placed(items: &[(String, String)], packed: &Packed, area: Rect) -> Vec<(Rect, u16, usize)> {
    let mut out = Vec::new();
    let half = (packed.gap / 2) as u16;
    for (row, line) in packed.lines.iter().enumerate().take(area.height as usize) {
        let y = area.y + row as u16;
        let mut x = area.x;
        for (n, &i) in line.iter().enumerate() {
            if n > 0 {
                x += packed.gap as u16;
            }
            let (k, w) = &items[i];
            let width = item_width(k, w) as u16;
            let left = if n == 0 { x } else { x - half };
            let right = (x + width + half).min(area.right());
            if left < right {
                out.push((Rect::new(left, y, right - left, 1), x, i));
            }
            x += width;
        }
    }
    out
}

/// The item under a tap at (x, y), if it is one that a tap can press.
pub fn hit(
    items: &[(String, String)],
    packed: &Packed,
    area: Rect,
    x: u16,
    y: u16,
) -> Option<KeyCode> {
    placed(items, packed, area)
        .into_iter()
        .find(|(r, _, _)| super::layout::contains(*r, x, y))
        .and_then(|(_, _, i)| press_of(&items[i].0))
}

/// Draws the items: keys in `key_style`, what they do in `words_style`.
pub fn draw(
    buf: &mut Buffer,
    area: Rect,
    items: &[(String, String)],
    packed: &Packed,
    key_style: Style,
    words_style: Style,
) {
    for (r, x, i) in placed(items, packed, area) {
        let (k, w) = &items[i];
        put(buf, area, x, r.y, k, key_style);
        put(buf, area, x + k.width() as u16 + 1, r.y, w, words_style);
    }
}

/// The key a tap on a footer item labelled `label` presses, or `None` for
/// labels that are not one key. A label may name alternatives ("Enter/→",
/// "← Esc"): the first that is not Enter wins, because on a learner page
/// Enter presses whatever has the focus while → always means "continue"
/// and Esc always means "close" or "home", which is what the words beside
/// them promise.
pub fn press_of(label: &str) -> Option<KeyCode> {
    let keys: Vec<KeyCode> = label
        .split(['/', ' '])
        .filter(|t| !t.is_empty())
        .map(key_named)
        .collect::<Option<Vec<_>>>()?;
    keys.iter()
        .copied()
        .find(|k| *k != KeyCode::Enter)
        .or(keys.first().copied())
}

/// One key by the name a footer gives it.
fn key_named(name: &str) -> Option<KeyCode> {
    Some(match name {
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Space" => KeyCode::Char(' '),
        "Backspace" => KeyCode::Backspace,
        "←" => KeyCode::Left,
        "→" => KeyCode::Right,
        _ => {
            if let Some(n) = name.strip_prefix('F').and_then(|n| n.parse::<u8>().ok()) {
                return Some(KeyCode::F(n));
            }
            let mut chars = name.chars();
            match (chars.next(), chars.next()) {
                // One printable ASCII character: a letter, "+" or "?".
                (Some(c), None) if c.is_ascii_graphic() && !c.is_ascii_digit() => KeyCode::Char(c),
                _ => return None,
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn items(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, w)| (k.to_string(), w.to_string()))
            .collect()
    }

    #[test]
    fn every_key_label_presses_the_key_it_names() {
        for lang in [Lang::Vi, Lang::En] {
            let t = crate::i18n::texts(lang);
            assert_eq!(press_of(t.key_next), Some(KeyCode::Right));
            assert_eq!(press_of(t.key_back), Some(KeyCode::Left));
            assert_eq!(press_of(t.key_back_esc), Some(KeyCode::Left));
            assert_eq!(press_of(t.key_home), Some(KeyCode::Esc));
            assert_eq!(press_of(t.key_close_help), Some(KeyCode::Esc));
            assert_eq!(press_of(t.key_dialog_no), Some(KeyCode::Esc));
            assert_eq!(press_of(t.key_enter), Some(KeyCode::Enter));
            assert_eq!(press_of(t.key_enter_space), Some(KeyCode::Char(' ')));
            assert_eq!(press_of(t.key_right), Some(KeyCode::Right));
            assert_eq!(press_of(t.key_help), Some(KeyCode::F(1)));
            assert_eq!(press_of(t.key_language), Some(KeyCode::F(12)));
            assert_eq!(press_of(t.key_read), Some(KeyCode::Char('R')));
            assert_eq!(press_of(t.key_toggle), Some(KeyCode::Char(' ')));
            assert_eq!(press_of(t.key_erase), Some(KeyCode::Backspace));
            // Not one key: a tap on them does nothing.
            for label in [
                t.key_move,
                t.key_pick,
                t.key_dialog_pick,
                t.key_any,
                t.ins_key_letters,
            ] {
                assert_eq!(press_of(label), None, "{label:?}");
            }
        }
        assert_eq!(press_of("F12"), Some(KeyCode::F(12)));
        assert_eq!(press_of("+"), Some(KeyCode::Char('+')));
        assert_eq!(press_of("F2-F5"), None);
        assert_eq!(press_of("0-9"), None);
    }

    #[test]
    fn a_tap_finds_the_item_drawn_there() {
        let items = items(&[
            ("Enter/→", "tiếp tục"),
            ("↑↓", "di chuyển"),
            ("F1/?", "trợ giúp"),
        ]);
        let area = Rect::new(2, 20, 40, 2);
        let lines = pack(&items, area.width as usize, 2);
        assert_eq!(lines.lines, vec![vec![0, 1], vec![2]]);
        assert_eq!(lines.gap, 3);
        let mut buf = Buffer::empty(Rect::new(0, 0, 50, 24));
        draw(
            &mut buf,
            area,
            &items,
            &lines,
            Style::default(),
            Style::default(),
        );
        let row = |y: u16| -> String { (0..50).map(|x| buf[(x, y)].symbol()).collect() };
        assert_eq!(row(20).trim_end(), "  Enter/→ tiếp tục   ↑↓ di chuyển");
        assert_eq!(row(21).trim_end(), "  F1/? trợ giúp");
        // On the words, on the key, and in the gap's near half.
        assert_eq!(hit(&items, &lines, area, 12, 20), Some(KeyCode::Right));
        assert_eq!(hit(&items, &lines, area, 2, 20), Some(KeyCode::Right));
        assert_eq!(hit(&items, &lines, area, 18, 20), Some(KeyCode::Right));
        assert_eq!(hit(&items, &lines, area, 8, 21), Some(KeyCode::F(1)));
        // "↑↓" is not one key; past the end of a line there is nothing.
        assert_eq!(hit(&items, &lines, area, 25, 20), None);
        assert_eq!(hit(&items, &lines, area, 30, 21), None);
        assert_eq!(hit(&items, &lines, area, 5, 19), None);
    }
}

#[cfg(test)]
mod packing {
    use super::*;

    fn items(n: usize) -> Vec<(String, String)> {
        (0..n)
            .map(|i| (format!("F{i}"), "abcdef".to_string()))
            .collect()
    }

    /// Nine items of 9 columns: 3 a line at 33 columns with the usual gap
    /// (9+3+9+3+9); at 31 only a gap of 2 keeps them on three lines; at 29
    /// a gap of 1; at 28 even that is too wide and the last ones are left
    /// off rather than drawn past the footer.
    #[test]
    fn one_line_with_a_gap_of_two_comes_before_a_second_line() {
        let three = items(3); // 9 columns each
        let one = pack(&three, 31, 2);
        assert_eq!((one.lines.len(), one.gap), (1, 2));
        // A gap of 1 would fit one line too, but runs the items together:
        // a second line comes first.
        let two = pack(&three, 30, 2);
        assert_eq!((two.lines.len(), two.gap), (2, 3));
        // With one line only, a gap of 1 it is.
        let tight = pack(&three, 30, 1);
        assert_eq!((tight.lines.len(), tight.gap), (1, 1));
    }

    #[test]
    fn a_narrow_footer_narrows_the_gap_before_it_drops_a_key() {
        let nine = items(9);
        assert_eq!(pack(&nine, 33, 3).gap, 3);
        assert_eq!(pack(&nine, 31, 3).gap, 2);
        assert_eq!(pack(&nine, 29, 3).gap, 1);
        let cut = pack(&nine, 28, 3);
        assert_eq!(cut.lines.len(), 3);
        assert!(cut.lines.iter().flatten().count() < 9);
        // Hit-testing follows the gap used: "F1 abcdef" starts at 11.
        let area = Rect::new(0, 0, 31, 3);
        let p = pack(&nine, 31, 3);
        assert_eq!(placed(&nine, &p, area).len(), 9);
        assert_eq!(hit(&nine, &p, area, 11, 0), Some(KeyCode::F(1)));
        assert_eq!(hit(&nine, &p, area, 10, 0), Some(KeyCode::F(1)));
        assert_eq!(hit(&nine, &p, area, 8, 0), Some(KeyCode::F(0)));
    }
}

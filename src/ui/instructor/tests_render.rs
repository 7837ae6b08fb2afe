//! What the instructor views show, read off the rendered screen at 80×24
//! and 160×48 in both languages.

use ratatui::crossterm::event::KeyCode;

use super::tests::{classroom, log_in};
use crate::i18n::{Lang, fill};
use crate::ui::app::Msg;
use crate::ui::tests::Harness;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];
const LANGS: [Lang; 2] = [Lang::Vi, Lang::En];

fn at(size: (u16, u16), lang: Lang, mut h: Harness) -> Harness {
    h.app.lang = lang;
    h.send(Msg::Resize(size.0, size.1));
    log_in(&mut h);
    h
}

/// The screen line that names `text`.
fn line_with<'a>(screen: &'a str, text: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(text))
        .unwrap_or_else(|| panic!("no line with {text:?}:\n{screen}"))
}

/// Where `a` is left of `b` on `line`.
fn before(line: &str, a: &str, b: &str) -> bool {
    match (line.find(a), line.rfind(b)) {
        (Some(x), Some(y)) => x < y,
        _ => false,
    }
}

/// Group 1 (one household: Hằng and Minh) owns smartphones; group 2 (two
/// households) has one VNeID account: each share shows in its own column.
#[test]
fn the_groups_view_shows_every_group_per_indicator_side_by_side() {
    for size in SIZES {
        for lang in LANGS {
            let mut h = at(size, lang, classroom());
            h.key(KeyCode::F(5));
            let screen = h.screen();
            let t = h.app.t();
            let header = line_with(&screen, &fill(t.ins_group_short, &[("n", &2)]));
            assert!(
                before(header, &fill(t.ins_group_short, &[("n", &1)]), "2"),
                "{size:?} {lang:?}\n{screen}"
            );
            let ind = &h.app.settings.instructor.indicators;
            let name = |id: &str| {
                ind.iter()
                    .find(|i| i.id == id)
                    .unwrap()
                    .name(lang)
                    .to_string()
            };
            let phone = line_with(&screen, &name("smartphone"));
            assert!(
                before(phone, "100%✓", "  0%"),
                "{size:?} {lang:?}\n{screen}"
            );
            let vneid = line_with(&screen, &name("vneid"));
            assert!(before(vneid, "  0%", " 50%"), "{size:?} {lang:?}\n{screen}");
            assert!(vneid.contains('█') && vneid.contains('|'), "{vneid}");
            // Every indicator has its line, named in full.
            for i in ind {
                line_with(&screen, i.name(lang));
            }
            // Every heading of the group table is whole.
            for head in [
                t.ins_col_group_no,
                t.ins_col_residents,
                t.ins_col_households,
                t.ins_col_active,
                t.ins_col_modules_done,
                t.ins_col_at_target,
            ] {
                assert!(
                    screen.contains(head),
                    "{size:?} {lang:?} {head:?}\n{screen}"
                );
            }
            // The target is said in words.
            assert!(
                screen.contains(&fill(t.ins_share_title, &[("target", &70)])),
                "{screen}"
            );
        }
    }
}

/// The bar fills in eighths with the target between cells: 85% and 96%
/// differ even in four cells, and 0% and 100% are empty and full.
#[test]
fn bars_fill_in_eighths_around_the_target_mark() {
    use super::groups::bar;
    assert_eq!(bar(0.0, 70, 4), "░░░|░");
    assert_eq!(bar(100.0, 70, 4), "███|█");
    assert_eq!(bar(50.0, 70, 4), "██░|░");
    assert_ne!(bar(85.0, 70, 4), bar(96.0, 70, 4));
    assert_eq!(bar(85.0, 70, 4), "███|▍");
    for p in [0.0, 12.5, 33.0, 70.0, 99.0, 100.0, 150.0] {
        assert_eq!(bar(p, 70, 16).chars().count(), 17, "{p}");
    }
    assert_eq!(bar(100.0, 100, 3), "███|");
}

/// Twelve groups do not fit beside the names at 80 columns: the grid shows
/// the groups around the chosen row and says how many are not shown.
#[test]
fn many_groups_follow_the_chosen_row() {
    let h = Harness::new();
    for g in 1..=12 {
        h.store
            .add_resident(&crate::store::NewResident {
                full_name: format!("Người Tổ {g}"),
                birth_year: 1950,
                group_no: g,
                household: format!("Số {g}"),
                phone: None,
                consent_version: Some("test".into()),
            })
            .unwrap();
    }
    h.store.set_pin("482913").unwrap();
    let mut h = at((80, 24), Lang::En, h);
    h.key(KeyCode::F(5));
    let t = h.app.t();
    let screen = h.screen();
    let header = line_with(&screen, t.ins_col_indicators);
    assert!(
        header.contains(" 1 ") || header.contains("Group 1"),
        "{screen}"
    );
    assert!(!header.contains("12"), "{screen}");
    assert!(screen.contains("4 more groups (↑↓)"), "{screen}");
    h.key(KeyCode::PageDown);
    h.key(KeyCode::PageDown);
    let screen = h.screen();
    let header = line_with(&screen, t.ins_col_indicators);
    assert!(header.contains("12"), "{screen}");
    assert!(!header.contains(" 1 "), "{screen}");
}

/// Whether `text` holds an ISO date such as 2026-11-30.
fn has_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(10).any(|w| {
        w.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
    })
}

/// Today's date and "last seen" read the same way (30/11/2026) on every
/// instructor view, in both languages.
#[test]
fn dates_on_screen_are_day_month_year_everywhere() {
    for size in SIZES {
        for lang in LANGS {
            let mut h = at(size, lang, classroom());
            let iso = super::tests::the_desk(&h)
                .today
                .as_ref()
                .unwrap()
                .day
                .clone();
            let shown = format!("{}/{}/{}", &iso[8..10], &iso[5..7], &iso[..4]);
            let screen = h.screen();
            assert!(screen.contains(&shown), "{size:?} {lang:?}\n{screen}");
            for k in [2, 3, 4, 5] {
                h.key(KeyCode::F(k));
                let screen = h.screen();
                assert!(!has_iso_date(&screen), "F{k} {size:?} {lang:?}\n{screen}");
            }
            // Hằng signed in today: Residents says so the same way.
            h.key(KeyCode::F(3));
            let hang = line_with(&h.screen(), "Nguyễn Thị Hằng").to_string();
            assert!(hang.contains(&shown), "{hang}");
        }
    }
    assert!(has_iso_date("Ngày 2026-11-30: 3") && !has_iso_date("30/11/2026"));
}

/// The Residents view's short headers ("Cao", "Dự") are explained in words
/// above the table at both sizes and in both languages, and indicators
/// are a count, never the English ids of the settings.
#[test]
fn residents_headers_are_explained_and_indicators_counted() {
    for size in SIZES {
        for lang in LANGS {
            let mut h = at(size, lang, classroom());
            h.key(KeyCode::F(3));
            let screen = h.screen();
            let t = crate::i18n::texts(lang);
            let legend = if size.0 >= 120 {
                t.ins_residents_legend_wide
            } else {
                t.ins_residents_legend
            };
            assert!(screen.contains(legend), "{size:?} {lang:?}\n{screen}");
            let hang = line_with(&screen, "Nguyễn Thị Hằng");
            assert!(hang.contains("1/"), "{size:?} {lang:?}: {hang}");
            assert!(!hang.contains("smartphone"), "{size:?} {lang:?}: {hang}");
        }
    }
}

/// On Today, the chosen learner's page and trouble are written in full
/// under the table (its columns cut long module titles), and the day's
/// counts wrap instead of being cut on a narrow screen.
#[test]
fn today_spells_out_the_chosen_learner_and_never_cuts_the_counts() {
    for size in [(80, 24), (60, 20), (160, 48)] {
        for lang in LANGS {
            let mut h = at(size, lang, classroom());
            let d = super::tests::the_desk(&h);
            let first = super::today::rows(&h.app)[d.cursor[0]].id.clone();
            let l = d.today.as_ref().unwrap().learners.iter();
            let l = l.clone().find(|l| l.resident_id == first).unwrap();
            let activity = super::today::activity_text(&h.app, &l.activity);
            let trouble = super::today::help_text(&h.app, l);
            assert!(!trouble.is_empty(), "the one needing help is chosen first");
            let flat = h.screen().split_whitespace().collect::<Vec<_>>().join(" ");
            for whole in [&activity, &trouble] {
                assert!(
                    flat.contains(whole.as_str()),
                    "{size:?} {lang:?} {whole}\n{}",
                    h.screen()
                );
            }
            let today = d.today.as_ref().unwrap();
            let counts = fill(
                crate::i18n::texts(lang).ins_today_counts,
                &[
                    ("day", &super::table::day(&today.day)),
                    ("came", &today.learners.len()),
                    (
                        "here",
                        &today.learners.iter().filter(|l| l.signed_in).count(),
                    ),
                    (
                        "help",
                        &today.learners.iter().filter(|l| l.needs_help()).count(),
                    ),
                ],
            );
            assert!(
                flat.contains(&counts),
                "{size:?} {lang:?} {counts}\n{}",
                h.screen()
            );
            // Moving down follows with the next learner's line.
            h.key(KeyCode::Down);
            let d = super::tests::the_desk(&h);
            let second = super::today::rows(&h.app)[d.cursor[0]].id.clone();
            assert_ne!(first, second);
        }
    }
}

/// How to type accents stays in sight, whole, in the forms with words to
/// type, down to the smallest size instructor mode draws at, also under an
/// error (which comes first).
#[test]
fn the_forms_say_how_to_type_accents() {
    for size in [(60, 16), (80, 24)] {
        for lang in LANGS {
            let mut h = classroom();
            h.send(Msg::Resize(size.0, size.1));
            log_in(&mut h);
            h.app.lang = lang;
            let hint = h.app.t().telex_hint;
            h.key(KeyCode::F(7));
            assert!(h.sees(hint), "{size:?} class\n{}", h.screen());
            h.key(KeyCode::Esc);
            h.key(KeyCode::F(3));
            h.key(KeyCode::F(7));
            assert!(h.sees(hint), "{size:?} resident\n{}", h.screen());
            h.typ("Nguyeenx Thij Hoaf");
            for _ in 0..6 {
                h.enter();
            }
            let error = h.app.t().ins_form_bad_year;
            assert!(h.sees(error), "{size:?}\n{}", h.screen());
            assert!(h.sees(hint), "{size:?} under an error\n{}", h.screen());
        }
    }
}

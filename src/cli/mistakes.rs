//! Mistakes clap finds on the command line (an unknown flag, a missing
//! value, a word where a number belongs), said again as one plain line in
//! the kiosk's language, followed by the command to type for its help.
//! clap's own report is four English lines; a coordinator who mistypes a
//! flag needs to read what is wrong, not parse a usage block.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::{CliTexts, fill};

/// One line: what is wrong, a guess at what was meant when clap has one,
/// and `help_command`, the command that shows the help of what the person
/// was typing.
pub fn explain(err: &clap::Error, help_command: &str, t: &CliTexts) -> String {
    let mut line = what(err, t);
    let guess = best(err, ContextKind::SuggestedArg)
        .or_else(|| best(err, ContextKind::SuggestedSubcommand));
    if let Some(guess) = guess {
        line.push_str("; ");
        line.push_str(&fill(t.err_did_you_mean, &[("what", &guess)]));
    }
    // "<FILE>..." and a question already end the sentence.
    if !line.ends_with('?') && !line.ends_with("...") {
        line.push('.');
    }
    format!("{line} {}", fill(t.see_help, &[("cmd", &help_command)]))
}

fn what(err: &clap::Error, t: &CliTexts) -> String {
    let arg = text(err, ContextKind::InvalidArg).unwrap_or_default();
    let value = text(err, ContextKind::InvalidValue).unwrap_or_default();
    let with_arg = |template: &str| fill(template, &[("arg", &arg), ("value", &value)]);
    match err.kind() {
        ErrorKind::UnknownArgument if arg.starts_with('-') => with_arg(t.err_no_option),
        ErrorKind::UnknownArgument => with_arg(t.err_unexpected),
        ErrorKind::InvalidSubcommand => {
            let cmd = text(err, ContextKind::InvalidSubcommand).unwrap_or_default();
            fill(t.err_no_command, &[("cmd", &cmd)])
        }
        ErrorKind::MissingRequiredArgument => fill(t.err_missing, &[("args", &arg)]),
        ErrorKind::MissingSubcommand => {
            fill(t.err_missing, &[("args", &format!("<{}>", t.command_word))])
        }
        ErrorKind::ValueValidation if not_a_number(err) => with_arg(t.err_need_number),
        ErrorKind::ValueValidation if arg.starts_with("--group") => with_arg(t.err_need_group),
        ErrorKind::InvalidValue if value.is_empty() => with_arg(t.err_need_value),
        ErrorKind::ValueValidation
        | ErrorKind::InvalidValue
        | ErrorKind::TooManyValues
        | ErrorKind::NoEquals => with_arg(t.err_bad_value),
        // No two of the kiosk's flags conflict, so this is one flag given
        // twice ("--from … --from …").
        ErrorKind::ArgumentConflict => with_arg(t.err_twice),
        ErrorKind::InvalidUtf8 => t.err_not_text.to_string(),
        _ => {
            // A kind the kiosk's flags cannot cause today: keep clap's own
            // words, inside a sentence in the kiosk's language.
            let rendered = err.render().to_string();
            let first = rendered.lines().next().unwrap_or_default();
            let detail = first.trim_start_matches("error: ").to_string();
            fill(t.err_other, &[("detail", &detail)])
        }
    }
}

/// A context value as text (a list joined with commas).
fn text(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(list) if !list.is_empty() => Some(list.join(", ")),
        _ => None,
    }
}

/// clap's closest guess: it lists guesses from the least to the most alike.
fn best(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(list) => list.last().cloned(),
        _ => None,
    }
}

/// Whether the value failed because a number was expected.
fn not_a_number(err: &clap::Error) -> bool {
    std::error::Error::source(err).is_some_and(|e| e.is::<std::num::ParseIntError>())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Outline;
    use crate::cli::words::command;
    use crate::i18n::{Lang, cli_texts};
    use std::ffi::OsString;

    fn said(lang: Lang, args: &[&str]) -> String {
        let mut argv: Vec<OsString> = vec!["kiosk".into()];
        argv.extend(args.iter().map(OsString::from));
        let cmd = command(lang);
        let outline = Outline::of(&argv, &cmd);
        let err = cmd.clone().try_get_matches_from(&argv).unwrap_err();
        explain(&err, &outline.help_command(), cli_texts(lang))
    }

    #[test]
    fn each_mistake_is_one_plain_line() {
        let cases: &[(&[&str], &str)] = &[
            (
                &["export", "attendance", "--out", "a.csv", "--colour", "red"],
                "không có tùy chọn --colour. Gõ kiosk export attendance --help để xem cách dùng.",
            ),
            (
                &["export", "attendance", "--out", "a.csv", "--grup", "3"],
                "không có tùy chọn --grup; có phải ý bạn là --group? Gõ kiosk export attendance --help để xem cách dùng.",
            ),
            (
                &["seed"],
                "cần ghi thêm --residents <SỐ>. Gõ kiosk seed --help để xem cách dùng.",
            ),
            (
                &["export", "progress", "--out", "a.csv", "--group", "ba"],
                "--group <SỐ> cần một số, không phải \"ba\". Gõ kiosk export progress --help để xem cách dùng.",
            ),
            (
                &["export", "progress", "--out"],
                "sau --out <TỆP> cần ghi một giá trị. Gõ kiosk export progress --help để xem cách dùng.",
            ),
            (
                &["exprot"],
                "không có lệnh \"exprot\"; có phải ý bạn là export? Gõ kiosk --help để xem cách dùng.",
            ),
            (
                &["report", "--from", "2026-01-01", "--from", "2026-02-01"],
                "--from <NGÀY> chỉ được ghi một lần. Gõ kiosk report --help để xem cách dùng.",
            ),
            (
                &["merge"],
                "cần ghi thêm <TỆP>... Gõ kiosk merge --help để xem cách dùng.",
            ),
            (
                &["seed", "--residents", "-5"],
                "--residents <SỐ> không nhận \"-5\". Gõ kiosk seed --help để xem cách dùng.",
            ),
            (
                &["export", "attendance", "--group", "0", "--out", "a.csv"],
                "--group <SỐ> cần số tổ dân phố, từ 1 trở lên, không phải \"0\". Gõ kiosk export attendance --help để xem cách dùng.",
            ),
            (
                &["residents", "list", "--group", "-2"],
                "--group <SỐ> cần số tổ dân phố, từ 1 trở lên, không phải \"-2\". Gõ kiosk residents list --help để xem cách dùng.",
            ),
            (
                &["--config", "vi.toml", "bundle"],
                "cần ghi thêm --out <TỆP>. Gõ kiosk --config vi.toml bundle --help để xem cách dùng.",
            ),
            (
                &["residents", "find", "Lan", "Anh"],
                "không hiểu \"Anh\" ở chỗ này. Gõ kiosk residents find --help để xem cách dùng.",
            ),
        ];
        for (args, expected) in cases {
            assert_eq!(said(Lang::Vi, args), *expected, "{args:?}");
        }
        assert_eq!(
            said(
                Lang::En,
                &["export", "attendance", "--out", "a.csv", "--colour", "red"]
            ),
            "there is no option --colour. Type kiosk export attendance --help to see how to use it."
        );
        assert_eq!(
            said(Lang::En, &["seed", "--residents", "many"]),
            "--residents <N> takes a number, not \"many\". Type kiosk seed --help to see how to use it."
        );
    }
}

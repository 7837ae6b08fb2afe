//! Puts the command line's words onto clap's command tree, in the language
//! of `kiosk.toml`: each command's and flag's help, the names in `<…>`, the
//! headings and the usage line. clap writes all of these in English on its
//! own, and a ward officer reading `kiosk export --help` should not have to.
//!
//! The English words come from the same table as the Vietnamese ones
//! (`i18n::cli`), so the two languages cannot drift apart; a test checks
//! that every command and flag has its words.

use clap::{Arg, ArgAction, Command, CommandFactory};

use super::Cli;
use crate::i18n::{CliTexts, Lang, cli_texts};

/// The whole command tree with every word in `lang`.
pub fn command(lang: Lang) -> Command {
    let t = cli_texts(lang);
    localize(Cli::command(), "", t)
        .about(t.about)
        .long_about(None)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t.flag_version)
                .help_heading(t.heading_options),
        )
}

/// `cmd` (at `path`, such as "export attendance") and everything under it.
fn localize(cmd: Command, path: &str, t: &'static CliTexts) -> Command {
    let mut cmd = cmd.mut_args(|arg| localize_arg(arg, path, t));
    if let Some(about) = command_about(t, path) {
        cmd = cmd.about(about).long_about(None);
    }
    let usage = usage(&cmd, path, t);
    cmd = cmd
        .disable_help_flag(true)
        // `kiosk help X` is read as `kiosk X --help` before parsing (see
        // `cli::parse`), so clap's English help command is not needed.
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(t.flag_help)
                .help_heading(t.heading_options),
        )
        .subcommand_help_heading(t.heading_commands)
        .subcommand_value_name(t.command_word)
        .override_usage(usage)
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            t.usage
        ));
    cmd.mut_subcommands(|sub| {
        let sub_path = join(path, sub.get_name());
        localize(sub, &sub_path, t)
    })
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path} {name}")
    }
}

fn localize_arg(arg: Arg, path: &str, t: &'static CliTexts) -> Arg {
    let heading = if arg.is_positional() {
        t.heading_arguments
    } else {
        t.heading_options
    };
    let mut arg = arg.help_heading(heading);
    if let Some(help) = arg_help(t, path, arg.get_id().as_str()) {
        arg = arg.help(help).long_help(None);
    }
    if takes_value(&arg) {
        // Defaults are said in the help's own words ("mặc định: 30"); a
        // value such as -5 is a (wrong) number, not an unknown flag.
        arg = arg.hide_default_value(true).allow_negative_numbers(true);
        if let Some(word) = value_word(t, &english_value_name(&arg)) {
            arg = arg.value_name(word);
        }
    }
    arg
}

fn takes_value(arg: &Arg) -> bool {
    !matches!(
        arg.get_action(),
        ArgAction::SetTrue | ArgAction::SetFalse | ArgAction::Count | ArgAction::Help
    )
}

/// The word in `<…>`, in the language of `t`.
fn value_of(t: &'static CliTexts, arg: &Arg) -> String {
    let english = english_value_name(arg);
    value_word(t, &english).map_or(english, str::to_string)
}

fn english_value_name(arg: &Arg) -> String {
    arg.get_value_names()
        .and_then(|names| names.first())
        .map(|n| n.to_string())
        .unwrap_or_else(|| arg.get_id().as_str().to_uppercase())
}

/// The usage line, written here because clap's says "[OPTIONS]" in
/// English: `kiosk export attendance [tùy chọn] --out <TỆP>`.
fn usage(cmd: &Command, path: &str, t: &'static CliTexts) -> String {
    let mut line = if path.is_empty() {
        "kiosk".to_string()
    } else {
        format!("kiosk {path}")
    };
    // Every command has at least --config and --help.
    line.push(' ');
    line.push_str(t.options_word);
    for arg in cmd.get_arguments().filter(|a| !a.is_positional()) {
        if arg.is_required_set()
            && let Some(long) = arg.get_long()
        {
            line.push_str(&format!(" --{long} <{}>", value_of(t, arg)));
        }
    }
    for arg in cmd.get_positionals() {
        let value = value_of(t, arg);
        let many = if matches!(arg.get_action(), ArgAction::Append) {
            "..."
        } else {
            ""
        };
        if arg.is_required_set() {
            line.push_str(&format!(" <{value}>{many}"));
        } else {
            line.push_str(&format!(" [{value}]{many}"));
        }
    }
    if cmd.has_subcommands() {
        if cmd.is_subcommand_required_set() {
            line.push_str(&format!(" <{}>", t.command_word));
        } else {
            line.push_str(&format!(" [{}]", t.command_word));
        }
    }
    line
}

/// What a command does, by its path ("" is `kiosk` itself).
fn command_about(t: &'static CliTexts, path: &str) -> Option<&'static str> {
    Some(match path {
        "" => t.about,
        "run" => t.cmd_run,
        "check" => t.cmd_check,
        "backup" => t.cmd_backup,
        "restore" => t.cmd_restore,
        "residents" => t.cmd_residents,
        "residents add" => t.cmd_res_add,
        "residents list" => t.cmd_res_list,
        "residents find" => t.cmd_res_find,
        "residents import" => t.cmd_res_import,
        "residents forget" => t.cmd_res_forget,
        "set-pin" => t.cmd_set_pin,
        "export" => t.cmd_export,
        "export attendance" => t.cmd_exp_attendance,
        "export progress" => t.cmd_exp_progress,
        "export indicators" => t.cmd_exp_indicators,
        "report" => t.cmd_report,
        "bundle" => t.cmd_bundle,
        "merge" => t.cmd_merge,
        "seed" => t.cmd_seed,
        "doctor" => t.cmd_doctor,
        _ => return None,
    })
}

/// What a flag or value is for, by the command's path and the flag's id.
fn arg_help(t: &'static CliTexts, path: &str, id: &str) -> Option<&'static str> {
    Some(match (path, id) {
        (_, "config") => t.arg_config,
        ("check", "lessons") => t.arg_lessons,
        ("backup", "out") => t.arg_backup_out,
        ("restore", "file") => t.arg_restore_file,
        ("restore", "yes") => t.arg_restore_yes,
        ("bundle", "out") => t.arg_bundle_out,
        (_, "out") if path.starts_with("export ") => t.arg_export_out,
        ("merge", "files") => t.arg_merge_files,
        ("seed", "residents") => t.arg_seed_residents,
        ("seed", "days") => t.arg_seed_days,
        ("seed", "seed") => t.arg_seed_seed,
        ("seed", "force") => t.arg_seed_force,
        ("seed", "today") => t.arg_seed_today,
        ("residents add", "name") => t.arg_name,
        ("residents add", "group") => t.arg_group,
        ("residents add", "birth_year") => t.arg_birth_year,
        ("residents add", "household") => t.arg_household,
        ("residents add", "phone") => t.arg_phone,
        ("residents find", "text") => t.arg_find_text,
        ("residents import", "file") => t.arg_roster,
        ("residents import", "skip_bad") => t.arg_skip_bad,
        ("residents forget", "id") => t.arg_resident_id,
        ("residents forget", "yes") => t.arg_forget_yes,
        ("export indicators", "from") => t.arg_indicators_from,
        ("export indicators", "to") => t.arg_indicators_to,
        (_, "group") => t.arg_only_group,
        (_, "from") => t.arg_from,
        (_, "to") => t.arg_to,
        (_, "site") => t.arg_site,
        (_, "json") => t.arg_json,
        (_, "format") => t.arg_format,
        (_, "lang") => t.arg_lang,
        _ => return None,
    })
}

/// The word in `<…>` for clap's English value name.
fn value_word(t: &'static CliTexts, english: &str) -> Option<&'static str> {
    Some(match english {
        "FILE" => t.value_file,
        "DIR" => t.value_dir,
        "DATE" => t.value_date,
        "N" => t.value_number,
        "SITE" => t.value_site,
        "FORMAT" => t.value_format,
        "LANG" => t.value_lang,
        "D" => t.value_days,
        "S" => t.value_seed,
        "YYYY-MM-DD" => t.value_day,
        "YYYY" => t.value_year,
        "H" => t.value_household,
        "P" => t.value_phone,
        "NAME" => t.value_name,
        "TEXT" => t.value_text,
        "ID" => t.value_id,
        // A new flag's name shows as it is until it gets a word (the
        // test below fails first).
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and flag of `Cli` (as written in English in cli.rs),
    /// with its path.
    fn walk(cmd: &Command, path: &str, out: &mut Vec<(String, Option<String>, Option<String>)>) {
        out.push((path.to_string(), None, None));
        for arg in cmd.get_arguments() {
            let value = takes_value(arg).then(|| english_value_name(arg));
            out.push((path.to_string(), Some(arg.get_id().to_string()), value));
        }
        for sub in cmd.get_subcommands() {
            walk(sub, &join(path, sub.get_name()), out);
        }
    }

    #[test]
    fn every_command_and_flag_has_words_in_both_languages() {
        let mut all = Vec::new();
        walk(&Cli::command(), "", &mut all);
        assert!(all.len() > 40, "{}", all.len());
        for lang in [Lang::Vi, Lang::En] {
            let t = cli_texts(lang);
            for (path, id, value) in &all {
                match id {
                    None => assert!(
                        command_about(t, path).is_some(),
                        "`kiosk {path}` has no words"
                    ),
                    Some(id) => {
                        assert!(
                            arg_help(t, path, id).is_some(),
                            "`kiosk {path}`: {id} has no words"
                        );
                    }
                }
                if let Some(value) = value {
                    assert!(
                        value_word(t, value).is_some(),
                        "`kiosk {path}`: <{value}> has no word"
                    );
                }
            }
        }
    }

    fn help(lang: Lang, args: &[&str]) -> String {
        let mut argv = vec!["kiosk"];
        argv.extend(args);
        argv.push("--help");
        let err = command(lang).try_get_matches_from(argv).unwrap_err();
        assert_eq!(err.kind(), clap::error::ErrorKind::DisplayHelp);
        err.render().to_string()
    }

    #[test]
    fn help_is_in_vietnamese_with_no_english_left() {
        let text = help(Lang::Vi, &["export", "attendance"]);
        assert!(
            text.contains("Mỗi người một dòng cho mỗi buổi học"),
            "{text}"
        );
        assert!(
            text.contains("Cách dùng: kiosk export attendance [tùy chọn] --out <TỆP>"),
            "{text}"
        );
        assert!(text.contains("--from <NGÀY>"), "{text}");
        assert!(text.contains("Tùy chọn:"), "{text}");
        for english in ["Usage", "Options", "Print help", "[default", "FILE", "DATE"] {
            assert!(!text.contains(english), "{english} in:\n{text}");
        }
        let top = help(Lang::Vi, &[]);
        assert!(top.contains("Lệnh:") && top.contains("export"), "{top}");
        assert!(top.contains("Xem phiên bản"), "{top}");
        assert!(
            !top.contains("Commands") && !top.contains("  help "),
            "{top}"
        );
        let merge = help(Lang::Vi, &["merge"]);
        assert!(
            merge.contains("Cách dùng: kiosk merge [tùy chọn] <TỆP>..."),
            "{merge}"
        );
        assert!(merge.contains("Giá trị:"), "{merge}");
    }

    #[test]
    fn help_in_english_reads_as_before() {
        let text = help(Lang::En, &["seed"]);
        assert!(
            text.contains("Usage: kiosk seed [options] --residents <N>"),
            "{text}"
        );
        assert!(
            text.contains("Days of history, ending yesterday (default: 30)"),
            "{text}"
        );
        assert!(text.contains("Options:"), "{text}");
    }

    #[test]
    fn the_localized_tree_parses_the_same_commands() {
        use clap::FromArgMatches;
        let m = command(Lang::Vi)
            .try_get_matches_from([
                "kiosk",
                "export",
                "attendance",
                "--out",
                "a.csv",
                "--group",
                "3",
            ])
            .unwrap();
        let cli = Cli::from_arg_matches(&m).unwrap();
        match cli.command {
            Some(super::super::Command::Export {
                what: super::super::ExportWhat::Attendance(args),
            }) => {
                assert_eq!(args.group, Some(3));
                assert_eq!(args.lang, "vi");
                assert_eq!(args.out, std::path::PathBuf::from("a.csv"));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(cli.config, std::path::PathBuf::from("kiosk.toml"));
    }
}

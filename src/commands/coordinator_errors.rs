//! The refusals of `kiosk export`, `kiosk bundle` and `kiosk merge`, said
//! in the kiosk's language. The library's own messages (`ExportError`,
//! `MergeError`) are English, for logs and developers; a ward coordinator
//! reads these. Details that come from the system (a file or SQLite error)
//! are kept as they are.

use crate::commands::CliError;
use crate::commands::store_error;
use crate::config::Config;
use crate::export::ExportError;
use crate::i18n::{Texts, fill, os_error, texts};
use crate::store::merge::{Damage, MergeError, NotBundle};

/// An export or bundle failure: a mistake in what was typed exits 2,
/// a failure while writing exits 1.
pub fn export(e: ExportError, t: &Texts) -> CliError {
    let path = |p: &std::path::Path| p.display().to_string();
    let (typed, text) = match &e {
        ExportError::UnknownFormat(f) => (
            true,
            fill(t.cmd_unknown_format, &[("format", &format!("{f:?}"))]),
        ),
        ExportError::NoFormat(p) => (true, fill(t.cmd_no_format, &[("path", &path(p))])),
        ExportError::NoFolder(p) => (true, fill(t.cmd_no_folder, &[("path", &path(p))])),
        ExportError::FormatClash { path: p, format } => (
            true,
            fill(
                t.cmd_format_clash,
                &[("path", &path(p)), ("format", format)],
            ),
        ),
        ExportError::FolderNotWritable { path: p, source } => (
            true,
            fill(
                t.cmd_folder_not_writable,
                &[("path", &path(p)), ("error", &os_error(t, source))],
            ),
        ),
        ExportError::IsFolder(p) => (true, fill(t.cmd_is_folder, &[("path", &path(p))])),
        ExportError::TooManyRows { rows } => (true, fill(t.cmd_too_many_rows, &[("rows", rows)])),
        ExportError::Io { path: p, source } => (
            false,
            fill(
                t.cmd_write_failed,
                &[("path", &path(p)), ("error", &os_error(t, source))],
            ),
        ),
        ExportError::Replace { path: p, source } => (
            false,
            fill(
                t.cmd_cannot_replace,
                &[("path", &path(p)), ("error", &os_error(t, source))],
            ),
        ),
        ExportError::Xlsx { path: p, message } => (
            false,
            fill(
                t.cmd_write_failed,
                &[("path", &path(p)), ("error", message)],
            ),
        ),
        ExportError::Store(detail) => (false, fill(t.cmd_read_db_failed, &[("error", detail)])),
    };
    if typed {
        CliError::Usage(text)
    } else {
        CliError::Failed(text)
    }
}

/// A bundle refused (exit 2), or this database failing (exit 1). `done`
/// is appended: it names the bundles already merged, if any.
pub fn merge(e: MergeError, cfg: &Config, done: &str) -> CliError {
    let t = texts(cfg.language);
    let path = |p: &std::path::Path| p.display().to_string();
    let text = match e {
        MergeError::Store(e) => {
            return match store_error::explain(e, cfg) {
                CliError::Usage(m) => CliError::Usage(format!("{m}{done}")),
                CliError::Failed(m) => CliError::Failed(format!("{m}{done}")),
            };
        }
        MergeError::Read { path: p, source } => fill(
            t.cmd_cannot_read,
            &[("path", &path(&p)), ("error", &os_error(t, &source))],
        ),
        MergeError::NotBundle { path: p, reason } => {
            let reason = match reason {
                NotBundle::NotSqlite => t.cmd_not_sqlite,
                NotBundle::NoMarker => t.cmd_no_marker,
                NotBundle::WholeDatabase => t.cmd_whole_database,
                NotBundle::NoSite => t.cmd_no_site,
            };
            fill(
                t.cmd_not_bundle,
                &[("path", &path(&p)), ("reason", &reason)],
            )
        }
        MergeError::Newer {
            path: p,
            found,
            supported,
        } => fill(
            t.cmd_bundle_newer,
            &[
                ("path", &path(&p)),
                ("found", &found),
                ("supported", &supported),
            ],
        ),
        MergeError::Corrupt { path: p, detail } => {
            let detail = match detail {
                Damage::File(words) => fill(t.cmd_damage_file, &[("detail", &words)]),
                Damage::Orphans { table } => fill(t.cmd_damage_orphans, &[("table", &table)]),
                Damage::BadSite { site } => {
                    fill(t.cmd_damage_bad_site, &[("site", &format!("{site:?}"))])
                }
                Damage::ForeignRecord(foreign) => fill(
                    t.cmd_damage_foreign,
                    &[
                        ("site", &format!("{:?}", foreign.site)),
                        ("table", &foreign.table),
                        ("record_site", &format!("{:?}", foreign.record_site)),
                    ],
                ),
                Damage::Label { version, stated } => {
                    let stated = stated.map_or_else(|| "—".to_string(), |s| s.to_string());
                    fill(
                        t.cmd_damage_label,
                        &[("version", &version), ("stated", &stated)],
                    )
                }
            };
            fill(
                t.cmd_bundle_damaged,
                &[("path", &path(&p)), ("detail", &detail)],
            )
        }
        MergeError::SameIds {
            path: p,
            table: _,
            id,
            site_here,
        } => fill(
            t.cmd_bundle_same_ids,
            &[
                ("path", &path(&p)),
                ("id", &id),
                ("site", &format!("{site_here:?}")),
            ],
        ),
        MergeError::Clash { path: p, id, site } => fill(
            t.cmd_bundle_clash,
            &[
                ("path", &path(&p)),
                ("id", &id),
                ("site", &format!("{site:?}")),
            ],
        ),
    };
    CliError::Usage(format!("{text}{done}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn said(detail: Damage) -> String {
        let cfg = Config::for_dir(std::path::Path::new("/srv/kiosk"), "phuong");
        let e = MergeError::Corrupt {
            path: PathBuf::from("vh-a.kiosk"),
            detail,
        };
        merge(e, &cfg, "").to_string()
    }

    /// A damaged bundle is one line in the kiosk's words, SQLite's own
    /// report (several lines, English) kept as a detail.
    #[test]
    fn damage_is_one_line_in_plain_words() {
        let report = "*** in database main ***\nTree 15 page 171 cell 5: Extends off end of page";
        let file = said(Damage::file(report));
        assert_eq!(
            file,
            "vh-a.kiosk bị hỏng (SQLite báo: *** in database main ***; Tree 15 page 171 cell 5: \
             Extends off end of page). Chưa thay đổi gì: hãy tạo lại gói tại nhà văn hóa"
        );
        assert_eq!(
            said(Damage::Orphans {
                table: "attendance".into()
            }),
            "vh-a.kiosk bị hỏng (bản ghi trong bảng attendance nói tới những dòng không có trong gói). \
             Chưa thay đổi gì: hãy tạo lại gói tại nhà văn hóa"
        );
        assert_eq!(
            said(Damage::ForeignRecord(Box::new(
                crate::store::merge::Foreign {
                    table: "step_views".into(),
                    site: "vh-a".into(),
                    record_site: "vh-b".into(),
                }
            ))),
            "vh-a.kiosk bị hỏng (gói ghi là của nhà văn hóa \"vh-a\" nhưng trong bảng step_views có \
             bản ghi của nhà văn hóa \"vh-b\"). Chưa thay đổi gì: hãy tạo lại gói tại nhà văn hóa"
        );
    }
}

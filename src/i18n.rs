//! Every piece of interface text, in Vietnamese and English, side by side.
//!
//! Screens never hold a literal string: they ask `texts(lang)` for a field.
//! The `texts!` table below makes it impossible to add a Vietnamese string
//! without its English twin (the struct would not compile), and a test checks
//! that every string is NFC. Templates use `{name}` placeholders filled by
//! [`fill`]; an English count's noun is written `{n|one|many}` (see there).

use std::fmt::Display;

/// The two interface languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The other language (for the toggle).
    pub fn other(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }
}

/// Declares a table of texts: a struct with one field per text and its
/// Vietnamese and English values, so neither language can miss a text.
macro_rules! texts {
    ($ty:ident, $vis:ident, $ens:ident; $( $name:ident : $vi:expr , $en:expr ; )*) => {
        /// One field per piece of interface text.
        pub struct $ty { $(pub $name: &'static str,)* }
        pub static $vis: $ty = $ty { $($name: $vi,)* };
        pub static $ens: $ty = $ty { $($name: $en,)* };
        impl $ty {
            /// Every (field name, text) pair, for checks.
            pub fn all(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name),)*]
            }
        }
    };
}

mod cli;
pub use cli::{CliTexts, cli_texts};

texts! {
    Texts, VI, EN;
    // The language toggle shows the language it switches *to*.
    language_name: "Tiếng Việt", "English";
    switch_language: "English", "Tiếng Việt";
    // Vietnamese writes 86,7 where English writes 86.7 (`decimal`).
    decimal_point: ",", ".";
    modules_loaded: "Đã nạp {count} bài học", "{count} {count|lesson|lessons} loaded";
    screen_failed: "màn hình ngừng chạy: {error}", "the screen stopped working: {error}";
    start_no_signals: "không theo dõi được tín hiệu dừng của hệ thống: {error}", "cannot watch for the system's stop signals: {error}";
    start_no_full_screen: "không mở được toàn màn hình trong cửa sổ này: {error}", "cannot use this terminal full-screen: {error}";
    start_no_keyboard: "không đọc được bàn phím: {error}", "cannot read the keyboard: {error}";
    start_backup_failed: "Lưu ý: sao lưu hằng ngày không làm được: {error}. Kiosk vẫn mở; hãy chạy `kiosk doctor` để xem vì sao", "Note: the daily backup failed: {error}. The kiosk opens anyway; run `kiosk doctor` to see why";

    // --- command line: `kiosk residents|backup|doctor|seed` (src/commands/) ---
    // Shared: a store refusal or failure, said in the configured language.
    cli_old_sqlite: "Kiosk này được dựng với SQLite {found}, cũ hơn bản {needed} (bản cũ có lỗi có thể làm mất dữ liệu khi nhiều máy cùng ghi). Hãy dựng lại kiosk với SQLite mới hơn", "this kiosk was built with SQLite {found}, which is older than {needed} (a bug there can lose data when several seats write at once); rebuild it with a newer SQLite";
    cli_db_newer: "{path} do một kiosk mới hơn ghi (dữ liệu bản {found}, kiosk này chỉ biết đến bản {supported}). Chưa thay đổi gì. Hãy cài kiosk mới hơn, hoặc lấy lại bản sao lưu ({backup})", "{path} was written by a newer kiosk (database version {found}, this kiosk knows up to {supported}); nothing was changed. Install the newer kiosk, or restore a backup ({backup})";
    cli_db_not_kiosk: "{path} không phải dữ liệu của kiosk ({reason}). Chưa thay đổi gì. Xem lại dòng `database` trong kiosk.toml, hoặc lấy lại bản sao lưu ({backup})", "{path} is not a kiosk database ({reason}); nothing was changed. Check `database` in kiosk.toml, or restore a backup ({backup})";
    cli_reason_not_sqlite: "đây không phải tệp SQLite", "it is not an SQLite database file";
    cli_reason_not_ours: "đây là tệp SQLite nhưng không do kiosk tạo ra", "it is an SQLite database, but not one the kiosk made";
    cli_db_damaged: "{path} bị hỏng ({detail}). Chưa thay đổi gì. Hãy lấy lại bản sao lưu ({backup})", "{path} is damaged ({detail}); nothing was changed. Restore a backup ({backup})";
    cli_db_busy: "{path} bận suốt {secs} giây (một máy hay chương trình khác cứ ghi vào). Hãy thử lại", "{path} stayed busy for {secs} {secs|second|seconds} (another seat or program keeps writing); try again";
    cli_not_found: "không có mã {id}", "nothing has the id {id}";
    cli_newest_backup: "bản sao lưu mới nhất: {file}; lấy lại bằng lệnh kiosk restore", "newest backup: {file}; restore it with kiosk restore";
    cli_no_backup_in: "chưa có bản sao lưu nào trong {dir}", "no backup found in {dir}";
    // `kiosk residents`.
    res_none_in_group: "Tổ {group} chưa có ai.", "No residents in group {group}.";
    res_none_yet: "Chưa có người dân nào. Thêm người bằng lệnh `kiosk residents add`.", "No residents yet. Add one with `kiosk residents add`.";
    res_count_one: "1 người", "1 resident";
    res_count: "{n} người", "{n} {n|resident|residents}";
    res_nobody_found: "Không có ai tên có chữ “{text}”.", "Nobody's name contains “{text}”.";
    res_no_such_id: "không có người dân nào mã \"{id}\" (xem mã bằng lệnh kiosk residents find TÊN)", "there is no resident with id \"{id}\" (see ids with kiosk residents find NAME)";
    res_forget_ask: "Sẽ xóa vĩnh viễn họ tên, năm sinh, địa chỉ và số điện thoại của {who}, mã {id}. Không lấy lại được.\nGõ có rồi bấm Enter để xóa, hoặc chỉ bấm Enter để thôi: ", "This erases the name, birth year, address and phone of {who}, id {id}, for good.\nType yes and press Enter to erase, or just press Enter to keep them: ";
    res_forget_kept: "Chưa xóa gì: {id} vẫn còn nguyên.", "Nothing was erased: {id} is kept.";
    res_forget_no_answer: "chưa xóa {id}: lệnh này hỏi lại trước khi xóa, mà không có ai trả lời. Trong tệp lệnh, thêm --yes", "{id} was not erased: this command asks first, and nobody answered. In a script, add --yes";
    res_already_forgotten: "{id} đã được xóa từ trước.", "{id} was already erased.";
    res_forgot: "Đã xóa {id}: họ tên, năm sinh, địa chỉ và số điện thoại không còn nữa. Kết quả học vẫn giữ, nhưng không có tên.", "Erased {id}: name, birth year, address and phone are gone. Learning records stay, without a name.";
    res_added: "Đã thêm {id}: {name} (tổ {group}, sinh năm {year}).", "Added {id}: {name} (group {group}, born {year}).";
    res_twin: "Lưu ý: {twin} ({twin_name}) có cùng họ tên, năm sinh và tổ. Nếu là một người, hãy chạy `kiosk residents forget {id}`.", "Note: {twin} ({twin_name}) has the same name, birth year and group. If it is the same person, run `kiosk residents forget {id}`.";
    res_cannot_read: "không đọc được {file}: {error}", "cannot read {file}: {error}";
    res_ignored_columns: "bỏ qua các cột: {columns}", "ignored columns: {columns}";
    res_nothing_imported: "chưa nhập ai cả: {bad} trong {total} dòng có lỗi (xem ở trên). Hãy sửa các dòng đó, hoặc chạy lại với --skip-bad để chỉ nhập {good} dòng đúng", "nothing was imported: {bad} of {total} {total|row|rows} {bad|has|have} problems (listed above). Fix them, or run again with --skip-bad to import only the good rows ({good})";
    res_already_registered: "dòng {line}: {name} đã có trong danh sách, mã {id}; không thêm lần nữa", "line {line}: {name} is already registered as {id}; not added again";
    res_imported: "Đã nhập {count} từ {file}", "Imported {count} from {file}";
    res_imported_already: "; {n} người đã có từ trước", "; already registered: {n}";
    res_imported_skipped: "; bỏ qua {n} dòng có lỗi", "; bad rows skipped: {n}";
    res_col_id: "Mã", "ID";
    res_col_name: "Họ và tên", "Name";
    res_col_group: "Tổ", "Group";
    res_col_born: "Năm sinh", "Born";
    res_col_household: "Địa chỉ", "Address";
    res_col_phone: "Điện thoại", "Phone";
    res_bad_name_empty: "chưa có họ tên", "the name is empty";
    res_bad_name_long: "họ tên dài quá {max} chữ", "the name is longer than {max} {max|letter|letters}";
    res_bad_year_empty: "chưa có năm sinh", "the birth year is empty";
    res_bad_year_text: "năm sinh “{value}” không phải là một năm, ví dụ 1952", "birth year “{value}” is not a year such as 1952";
    res_bad_year: "năm sinh {year} phải từ 1900 đến {max}", "birth year {year} is not a year from 1900 to {max}";
    res_bad_group_empty: "chưa có số tổ", "the group is empty";
    res_bad_group_text: "tổ “{value}” không phải số tổ, ví dụ 3", "group “{value}” is not a group number such as 3";
    res_bad_group: "tổ {group} không có: số tổ từ 1 trở lên", "group {group} is not a group number (1 or more)";
    res_bad_phone: "số điện thoại “{phone}” có ký tự không phải chữ số", "phone “{phone}” has characters a phone number does not have";
    // `kiosk residents import`: reading the roster file.
    ros_line: "dòng {line}: {problem}", "line {line}: {problem}";
    ros_not_utf8: "đây không phải chữ UTF-8; trong Excel hãy lưu lại bằng \"Save As\" và chọn kiểu \"CSV UTF-8\"", "this is not UTF-8 text; in Excel use \"Save As\" and choose \"CSV UTF-8\"";
    ros_empty: "tệp trống; dòng đầu phải ghi tên các cột (Họ và tên, Năm sinh, Tổ, Địa chỉ, Điện thoại)", "the file is empty; the first line must name the columns (name, birth_year, group, household, phone)";
    ros_two_columns: "có hai cột cùng là {field} (cột thứ hai là “{header}”)", "two columns mean {field} (the second is “{header}”)";
    ros_missing: "thiếu cột {fields} (dòng đầu ghi tên các cột, ví dụ \"Họ và tên\", \"Năm sinh\", \"Tổ\", \"Địa chỉ\", \"Điện thoại\"; tên tiếng Anh name, birth_year, group cũng được)", "no column for {fields} (the header row names the columns: name, birth_year, group, household, phone; Vietnamese names such as \"Họ và tên\", \"Năm sinh\", \"Tổ\" work too)";
    ros_too_many: "có {values} giá trị nhưng dòng đầu chỉ có {columns} cột (giá trị có dấu phẩy phải để trong ngoặc kép)", "{values} {values|value|values} but the header has {columns} {columns|column|columns} (a comma inside a value needs quotes)";
    ros_same_as: "trùng họ tên, năm sinh và tổ với dòng {first}", "same name, birth year and group as line {first}";
    ros_field_name: "họ tên", "name";
    ros_field_birth_year: "năm sinh", "birth_year";
    ros_field_group: "tổ", "group";
    ros_field_household: "địa chỉ", "household";
    ros_field_phone: "điện thoại", "phone";
    // `kiosk backup`.
    bak_no_database: "chưa có dữ liệu ở {path}, nên chưa có gì để sao lưu", "there is no database at {path} yet, so there is nothing to back up";
    bak_done: "Đã sao lưu {db} vào {file} ({kb} kB).", "Backed up {db} to {file} ({kb} kB).";
    bak_out_is_live: "--out: {path} chính là tệp dữ liệu đang dùng; hãy chọn tệp khác", "--out: {path} is the live database itself; choose another file";
    bak_out_not_file: "--out: {path} không phải tên tệp", "--out: {path} is not a file name";
    // `kiosk restore`.
    rst_no_backup: "chưa có bản sao lưu nào trong {dir}; hãy ghi tên tệp sao lưu, ví dụ kiosk restore E:/kiosk-2026-11-30-1405.db", "there is no backup in {dir}; name the backup file, for example kiosk restore E:/kiosk-2026-11-30-1405.db";
    rst_is_live: "{path} chính là tệp dữ liệu đang dùng; hãy chọn một tệp sao lưu", "{path} is the database in use; name a backup file";
    rst_empty: "{path} là tệp rỗng, không phải bản sao lưu", "{path} is an empty file, not a backup";
    rst_bundle: "{path} là gói dữ liệu của nhà văn hóa {site}, không phải bản sao lưu; gói thì gộp vào bằng lệnh kiosk merge", "{path} is a bundle of site {site}, not a backup; bundles are merged with kiosk merge";
    rst_ask: "Lấy lại bản sao lưu {file}\n  làm lúc {made}: {residents} người dân, ghi lần cuối lúc {newest}.\n{what}\nGõ có rồi bấm Enter để lấy lại, hoặc chỉ bấm Enter để thôi: ", "Restore the backup {file}\n  made {made}: {residents} {residents|resident|residents}, last written {newest}.\n{what}\nType yes and press Enter to restore, or just press Enter to leave things as they are: ";
    rst_ask_replace: "Dữ liệu đang dùng ({db}) sẽ được cất sang tên khác, không bị xóa. Những gì ghi sau lúc sao lưu sẽ không có trên kiosk.", "The database in use ({db}) is kept under another name, not deleted. Whatever was written after the backup will not be on the kiosk.";
    rst_ask_new: "Chưa có dữ liệu ở {db}; bản sao lưu sẽ được đặt vào đó.", "There is no database at {db} yet; the backup goes there.";
    rst_unknown_time: "không rõ", "unknown";
    rst_kept: "Chưa thay đổi gì: {db} vẫn như cũ.", "Nothing was changed: {db} is as it was.";
    rst_no_answer: "chưa lấy lại bản sao lưu: lệnh này hỏi lại trước, mà không có ai trả lời. Trong tệp lệnh, thêm --yes", "the backup was not restored: this command asks first, and nobody answered. In a script, add --yes";
    rst_done: "Đã lấy lại {file} vào {db}. Bây giờ có thể mở lại kiosk.", "Restored {file} to {db}. The kiosk can be started again.";
    rst_set_aside: "Dữ liệu cũ được cất ở {path}.", "The old database is kept at {path}.";
    cli_db_in_use: "{path} đang được mở (kiosk còn chạy ở một chỗ ngồi, hoặc một chương trình khác). Hãy tắt kiosk rồi thử lại; chưa thay đổi gì", "{path} is open (the kiosk is still running at a seat, or another program is); stop the kiosk and try again; nothing was changed";
    // `kiosk seed`.
    seed_bad_residents: "--residents phải từ 1 đến {max}, không phải {n}", "--residents must be from 1 to {max}, not {n}";
    seed_bad_days: "--days phải từ 1 đến {max}, không phải {n}", "--days must be from 1 to {max}, not {n}";
    seed_bad_today: "--today “{value}” không phải ngày viết kiểu năm-tháng-ngày (ví dụ 2026-11-30)", "--today “{value}” is not a date written YYYY-MM-DD (for example 2026-11-30)";
    seed_lessons_errors: "bài học trong {dir} có {n} lỗi; dữ liệu mẫu dựa trên bài học. Hãy chạy `kiosk check`", "the lessons in {dir} have {n} {n|error|errors}; the demo data is built on them. Run `kiosk check`";
    seed_lessons_empty: "không có bài học nào trong {dir}; dữ liệu mẫu dựa trên bài học. Hãy chạy `kiosk check`", "the lessons in {dir} hold no modules; the demo data is built on them. Run `kiosk check`";
    seed_real_residents: "{db} đã có {n} người dân thật; dữ liệu mẫu sẽ trộn người không có thật với họ. Chưa thay đổi gì. Hãy dùng --config với một kiosk.toml có tệp dữ liệu khác, hoặc thêm --force nếu thật sự muốn", "{db} already holds real residents ({n}); demo data would mix made-up people with them. Nothing was changed. Point --config at a kiosk.toml with another database, or add --force if you really mean it";
    seed_has_demo: "{db} đã có dữ liệu mẫu ({n} người không có thật). Chưa thay đổi gì. Xóa tệp đó để làm lại, hoặc thêm --force để thêm nữa", "{db} already holds demo data ({n} made-up {n|resident|residents}). Nothing was changed. Delete that file to start again, or add --force to add more";
    seed_made: "Đã tạo một nhà văn hóa mẫu trong {db} (--seed {seed}, {days} ngày đến hết {last}):", "Made a demo cultural house in {db} (seed {seed}, {days} {days|day|days} up to {last}):";
    seed_residents: "người dân", "residents";
    seed_class_sessions: "buổi học", "class sessions";
    seed_attendance: "lượt điểm danh", "attendance marks";
    seed_sign_ins: "lượt đăng nhập", "sign-ins";
    seed_pages: "trang đã xem", "pages seen";
    seed_attempts: "lượt làm bài kiểm tra", "quiz attempts";
    seed_answers: "câu trả lời", "answers";
    seed_results: "bài kiểm tra làm xong", "finished quizzes";
    seed_indicators: "lần xác minh chỉ tiêu", "indicator checks";
    seed_pin: "Mã PIN người hướng dẫn của bản mẫu này: {pin} (mở chế độ người hướng dẫn bằng {key})", "Instructor PIN of this demo: {pin} (open instructor mode with {key})";
    seed_pin_kept: "mã đã đặt từ trước", "the one already set";
    seed_start: "Mở kiosk trên dữ liệu này bằng lệnh: kiosk --config {path}", "Start the kiosk on it with: kiosk --config {path}";
    // `kiosk doctor`: the mark and topic of each line, then the messages.
    doc_ok: "ổn", "ok";
    doc_problem: "CẦN SỬA", "PROBLEM";
    doc_skipped: "bỏ qua", "skipped";
    doc_t_size: "cỡ cửa sổ", "terminal size";
    doc_t_colours: "màu", "colours";
    doc_t_console: "màn hình chữ", "console";
    doc_t_locale: "bảng mã", "locale";
    doc_t_settings: "cài đặt", "settings";
    doc_t_database: "dữ liệu", "database";
    doc_t_backup_folder: "thư mục sao lưu", "backup folder";
    doc_t_backups: "bản sao lưu", "backups";
    doc_t_lessons: "bài học", "lessons";
    doc_t_pin: "mã PIN", "instructor PIN";
    doc_t_speech: "đọc to", "read aloud";
    doc_all_well: "Mọi thứ đều ổn: máy này sẵn sàng làm kiosk.", "All is well: this computer is ready to be a kiosk.";
    doc_to_fix: "Có {n} điều cần sửa (xem các dòng ghi CẦN SỬA).", "Problems to fix: {n} (see the lines marked PROBLEM).";
    doc_settings_bad: "{error}. Hãy sửa tệp cài đặt; các bước kiểm tra khác cần đến nó", "{error}. Fix the settings file; the other checks need it";
    doc_size_none: "không chạy trong cửa sổ dòng lệnh; hãy chạy `kiosk doctor` trong chính cửa sổ mà kiosk dùng", "not running in a terminal; run `kiosk doctor` in the terminal the kiosk uses";
    doc_size_ok: "{cols}×{rows} (cần ít nhất {min_cols}×{min_rows})", "{cols}×{rows} (at least {min_cols}×{min_rows} needed)";
    doc_size_small: "{cols}×{rows} nhỏ quá: kiosk cần ít nhất {min_cols}×{min_rows}. Hãy phóng to cửa sổ hoặc giảm cỡ chữ (trên kiosk đã cài: dòng `size=` trong /etc/kiosk/foot.ini)", "{cols}×{rows} is too small: the kiosk needs at least {min_cols}×{min_rows}. Make the window larger or the font smaller (on an installed kiosk: `size=` in /etc/kiosk/foot.ini)";
    doc_term_unset: "chưa đặt TERM, nên các chương trình không biết cửa sổ này hiện được gì. Hãy chạy kiosk trong một cửa sổ dòng lệnh thật (kiosk đã cài dùng foot)", "TERM is not set, so programs cannot tell what this terminal can show. Run the kiosk in a real terminal (the installed kiosk uses foot)";
    doc_term_mono: "TERM={term} không hiện được màu và không di chuyển con trỏ chắc chắn. Hãy dùng cửa sổ đồ họa như foot", "TERM={term} cannot show colours or move the cursor reliably. Use a graphical terminal such as foot";
    doc_depth_millions: "hàng triệu màu", "millions of colours";
    doc_depth_256: "256 màu", "256 colours";
    doc_depth_16: "16 màu", "16 colours";
    doc_no_color: "{terminal}, {depth}; có đặt NO_COLOR nên kiosk không hiện màu, chỗ đang chọn được tô đảo màu và in đậm. Bỏ NO_COLOR để có màu tương phản cao", "{terminal}, {depth}; NO_COLOR is set, so the kiosk shows no colours and marks the focus with reverse video and bold. Unset NO_COLOR for the high-contrast colours";
    doc_colours_ok: "{terminal}, {depth} (kiosk cần 16 màu cơ bản)", "{terminal}, {depth} (the kiosk needs the 16 named colours)";
    doc_windows_console: "cửa sổ dòng lệnh của Windows (ở đó không cần TERM)", "the Windows console (which needs no TERM)";
    doc_console_bad: "đây là màn hình chữ của Linux: nó chỉ hiện được tối đa 512 chữ khác nhau, nên nhiều chữ tiếng Việt (ắ, ể, ợ …) thành ô vuông. Hãy chạy kiosk trong cửa sổ đồ họa (kiosk đã cài chạy trong foot dưới cage; xem deploy/)", "this is the Linux text console: it can show at most 512 different letters, so many Vietnamese letters (ắ, ể, ợ …) come out as blocks. Run the kiosk in a graphical terminal (an installed kiosk runs in foot under cage; see deploy/)";
    doc_console_ok: "không phải màn hình chữ của Linux", "not the Linux text console";
    doc_console_ok_at: "không phải màn hình chữ của Linux ({tty})", "not the Linux text console ({tty})";
    doc_locale_bad: "{name}={value} không phải bảng mã UTF-8, nên chữ tiếng Việt có thể bị lỗi. Hãy đặt LANG=C.UTF-8 (hoặc vi_VN.UTF-8)", "{name}={value} is not a UTF-8 locale, so Vietnamese letters can be garbled. Set LANG=C.UTF-8 (or vi_VN.UTF-8)";
    doc_locale_unset: " và bỏ {name}", " and unset {name}";
    doc_locale_none: "chưa đặt bảng mã (LANG, LC_CTYPE và LC_ALL đều trống), nên máy chỉ dùng chữ ASCII. Hãy đặt LANG=C.UTF-8 (dịch vụ kiosk đã cài có đặt sẵn)", "no locale is set (LANG, LC_CTYPE and LC_ALL are empty), so the character set is plain ASCII. Set LANG=C.UTF-8 (the installed kiosk service does)";
    doc_locale_windows: "Windows không cần LANG: kiosk gửi chữ Unicode thẳng vào cửa sổ dòng lệnh, nên chữ tiếng Việt hiện đúng nếu phông chữ của cửa sổ có đủ dấu", "Windows needs no LANG: the kiosk hands Unicode text straight to the console, so Vietnamese letters show if the console's font has them";
    doc_db_new: "{path} chưa có; kiosk sẽ tạo khi chạy lần đầu", "{path} does not exist yet; the kiosk creates it when it first starts";
    doc_db_cannot_create: "{path} chưa có và không tạo được: {error}. Xem lại `database` trong cài đặt, và người dùng của kiosk có được ghi ở đó không", "{path} does not exist and cannot be created: {error}. Check `database` in the settings and that the kiosk's user may write there";
    doc_db_ok: "{path} mở được và qua kiểm tra toàn vẹn", "{path} opens and passes its integrity check";
    doc_db_damaged: "{path} bị hỏng ({issue}{more}). Hãy dừng kiosk và lấy lại bản sao lưu mới nhất bằng lệnh kiosk restore", "{path} is damaged ({issue}{more}). Stop the kiosk and restore the newest backup with kiosk restore";
    doc_and_more: ", và {n} lỗi khác", ", and {n} more";
    doc_folder_ok: "{dir} ghi được", "{dir} is writable";
    doc_folder_new: "{dir} chưa có; `kiosk backup` sẽ tạo", "{dir} does not exist yet; `kiosk backup` creates it";
    doc_folder_bad: "không ghi được vào {dir}: {error}. Hãy cho người dùng của kiosk quyền ghi ở đó, hoặc chọn `[backup] folder` khác trong cài đặt", "cannot write in {dir}: {error}. Let the kiosk's user write there, or choose another `[backup] folder` in the settings";
    doc_backup_none: "chưa có bản sao lưu nào trong {dir}. Hãy chạy `kiosk backup` một lần, và bật sao lưu hằng đêm (`systemctl enable --now kiosk-backup.timer` trên kiosk đã cài)", "there is no backup in {dir} yet. Run `kiosk backup` once, and turn on the nightly backup (`systemctl enable --now kiosk-backup.timer` on an installed kiosk)";
    doc_backup_ok: "bản mới nhất là {file}, làm cách đây {age}", "the newest, {file}, is {age} old";
    doc_backup_old: "bản mới nhất là {file}, làm cách đây {age}: sao lưu hằng đêm không chạy. Hãy chạy `kiosk backup` ngay và xem `systemctl list-timers kiosk-backup.timer`", "the newest, {file}, is {age} old: the nightly backup is not running. Run `kiosk backup` now and check `systemctl list-timers kiosk-backup.timer`";
    doc_age_unknown: "không rõ bao lâu", "an unknown time";
    doc_age_now: "chưa đến một phút", "less than a minute";
    doc_age_minute: "1 phút", "1 minute";
    doc_age_minutes: "{n} phút", "{n} {n|minute|minutes}";
    doc_age_hours: "{n} giờ", "{n} {n|hour|hours}";
    doc_age_days: "{n} ngày", "{n} {n|day|days}";
    doc_lessons_cannot: "{error}. Xem lại `lessons` trong cài đặt", "{error}. Check `lessons` in the settings";
    doc_lessons_errors: "bài học có {n} lỗi ({first}). Chạy `kiosk check` để xem hết", "errors in the lessons: {n} ({first}). Run `kiosk check` to see them all";
    doc_lessons_none: "không có bài học nào trong {dir}. Hãy chép bài học vào đó hoặc sửa `lessons` trong cài đặt", "no lesson modules in {dir}. Copy the lessons there or fix `lessons` in the settings";
    doc_lessons_ok: "{n} bài học trong {dir}", "{n} {n|module|modules} in {dir}";
    doc_lessons_warnings: " ({n} lời nhắc: xem `kiosk check`)", " ({n} {n|warning|warnings}: see `kiosk check`)";
    doc_pin_no_db: "chưa đặt (chưa có dữ liệu), nên không ai mở được chế độ người hướng dẫn. Hãy đặt mã bằng `kiosk set-pin`", "not set (there is no database yet): nobody can open instructor mode. Set it with `kiosk set-pin`";
    doc_pin_set: "đã đặt", "set";
    doc_pin_unset: "chưa đặt, nên không ai mở được chế độ người hướng dẫn hay rời kiosk. Hãy đặt mã bằng `kiosk set-pin`", "not set: nobody can open instructor mode or leave the kiosk. Set it with `kiosk set-pin`";
    doc_speech_off: "tắt (cài đặt không có lệnh [speech]), nên không hiện phím đọc to", "off (no [speech] command in the settings), so the read-aloud key is not shown";
    doc_speech_ok: "`{command}` đã chạy (nếu loa bật, bạn vừa nghe một câu tiếng Việt ngắn)", "`{command}` ran (if the speakers are on, you just heard a short Vietnamese sentence)";
    doc_speech_cannot: "không chạy được `{command}`: {error}. Hãy cài nó (với espeak-ng: `sudo apt install espeak-ng`) hoặc để trống `[speech] command` trong cài đặt", "`{command}` cannot be started: {error}. Install it (for espeak-ng: `sudo apt install espeak-ng`) or empty `[speech] command` in the settings";
    doc_speech_failed: "`{command}` bị lỗi ({how}){said}. Hãy sửa lệnh trong `[speech] command` hoặc để trống", "`{command}` failed ({how}){said}. Fix the command in `[speech] command` or empty it";
    doc_exit_code: "mã thoát {code}", "exit code {code}";
    doc_signal: "bị một tín hiệu dừng", "stopped by a signal";
    doc_speech_timeout: "`{command}` không xong trong {secs} giây. Hãy sửa lệnh trong `[speech] command` hoặc để trống", "`{command}` did not finish within {secs} {secs|second|seconds}. Fix the command in `[speech] command` or empty it";
    // --- end of the command-line block ---

    // --- coordinator: export column headers, values and sheet names (src/export/) ---
    exp_sheet_attendance: "Điểm danh", "Attendance";
    exp_sheet_progress: "Tiến độ học", "Progress";
    exp_sheet_indicators: "Chỉ tiêu", "Indicators";
    exp_day: "Ngày", "Date";
    exp_topic: "Chủ đề buổi học", "Class topic";
    exp_resident_id: "Mã người học", "Resident ID";
    exp_name: "Họ và tên", "Name";
    exp_birth_year: "Năm sinh", "Birth year";
    exp_group: "Tổ dân phố", "Residential group";
    exp_household: "Hộ gia đình", "Household";
    exp_status: "Tình trạng", "Status";
    exp_first: "Hoạt động đầu tiên", "First activity";
    exp_last: "Hoạt động cuối cùng", "Last activity";
    exp_minutes: "Số phút học", "Minutes active";
    exp_modules: "Bài đã học", "Modules worked on";
    exp_site: "Nhà văn hóa", "Cultural house";
    exp_sites: "Các nhà văn hóa", "Cultural houses";
    exp_present: "Có mặt", "Present";
    exp_late: "Đến muộn", "Late";
    exp_excused: "Vắng có phép", "Excused";
    exp_absent: "Vắng", "Absent";
    exp_self_signed_in: "Tự đăng nhập", "Self-signed-in";
    exp_forgotten: "(đã xóa theo yêu cầu)", "(erased on request)";
    exp_module: "Bài học", "Module";
    exp_module_id: "Mã bài học", "Module ID";
    exp_steps_seen: "Số trang đã xem", "Pages seen";
    exp_steps_total: "Tổng số trang", "Pages in total";
    exp_attempts: "Số lần làm bài kiểm tra", "Quiz attempts";
    exp_best_score: "Điểm cao nhất (%)", "Best score (%)";
    exp_passed: "Đạt", "Passed";
    exp_passed_at: "Thời điểm đạt", "Passed at";
    exp_last_activity: "Hoạt động gần nhất", "Last activity";
    exp_yes: "Có", "Yes";
    exp_no: "Không", "No";
    exp_residents: "Số người dân", "Residents";
    exp_households: "Số hộ", "Households";
    exp_ind_reached: "{name}: số hộ đạt", "{name}: households reached";
    exp_ind_share: "{name}: tỉ lệ (%)", "{name}: share (%)";
    exp_ind_target: "{name}: mục tiêu (%)", "{name}: target (%)";

    // --- kiosk.log: the lines the full-screen kiosk writes next to its database ---
    log_starting: "kiosk bắt đầu ở máy {seat}", "kiosk starting at seat {seat}";
    log_stopped: "kiosk đã dừng", "kiosk stopped";
    log_backup_failed: "sao lưu hằng ngày không làm được: {error}", "daily backup failed: {error}";
    log_registered: "đã đăng ký người dân {id}", "registered resident {id}";
    log_failed: "{what} bị lỗi: {error}", "{what} failed: {error}";
    log_speech_failed: "đọc to: không chạy được {program}: {error}", "read aloud: cannot start {program}: {error}";
    log_ins_failed: "người hướng dẫn: {what}: {error}", "instructor: {what}: {error}";
    log_ins_in: "người hướng dẫn đã đăng nhập", "instructor signed in";
    log_ins_out: "người hướng dẫn đã đăng xuất", "instructor signed out";
    log_ins_idle: "chế độ người hướng dẫn tự đóng vì để lâu không dùng", "instructor mode closed after being left idle";
    log_ins_left: "người hướng dẫn rời kiosk", "instructor left the kiosk";
    log_ins_wrong_pin: "mã PIN người hướng dẫn sai ({failures} lần liền)", "wrong instructor PIN ({failures} in a row)";
    log_ins_forgot: "người hướng dẫn đã xóa người dân {id}", "instructor erased resident {id}";
    log_do_search: "tìm tên", "search";
    log_do_register: "đăng ký", "register";
    log_do_sign_in: "đăng nhập", "sign in";
    log_do_load_progress: "đọc tiến độ", "load progress";
    log_do_record_page: "ghi trang đã xem", "record page";
    log_do_start_quiz: "bắt đầu bài kiểm tra", "start quiz";
    log_do_record_answer: "ghi câu trả lời", "record answer";
    log_do_finish_quiz: "ghi kết quả kiểm tra", "finish quiz";
    log_do_end_session: "kết thúc lượt học", "end session";
    log_do_instructor: "chế độ người hướng dẫn", "instructor";
    log_do_speech: "đọc to", "read aloud";
    log_do_quit: "thoát", "quit";
    log_do_read_pin: "đọc mã PIN", "reading the PIN";
    log_do_check_pin: "kiểm tra mã PIN", "checking the PIN";
    log_do_load_view: "mở một màn hình", "loading a view";
    log_do_load_questions: "đọc các câu hỏi", "loading questions";
    log_do_open_class: "mở buổi học", "opening a class";
    log_do_close_class: "kết thúc buổi học", "closing a class";
    log_do_load_attendance: "đọc điểm danh", "loading attendance";
    log_do_mark_attendance: "điểm danh", "marking attendance";
    log_do_record_indicator: "ghi chỉ tiêu", "recording an indicator";
    log_do_save_resident: "lưu thông tin người dân", "saving a resident";
    log_do_forget_resident: "xóa thông tin người dân", "erasing a resident";

    // --- coordinator: `kiosk export|bundle|merge` messages (src/commands/) ---
    cmd_bad_date: "{flag} {value}: không phải ngày có thật. Hãy viết năm-tháng-ngày, ví dụ 2026-03-01", "{flag} {value} is not a real date: write YYYY-MM-DD, for example 2026-03-01";
    cmd_to_before_from: "--to {to} trước --from {from}: khoảng thời gian này không có ngày nào", "--to {to} is before --from {from}: the period would be empty";
    cmd_site_no_records: "--site {site}: dữ liệu này chưa có gì", "--site {site}: this database has no records yet";
    cmd_site_unknown: "--site {site}: ở đây không có dữ liệu của nhà văn hóa đó (các nhà văn hóa có dữ liệu: {sites})", "--site {site}: no records from that site here (sites: {sites})";
    cmd_bad_lang: "--lang {value}: hãy viết vi hoặc en", "--lang {value}: write vi or en";
    cmd_export_wrote: "Đã ghi {rows} dòng vào {file}", "Wrote {rows} {rows|row|rows} to {file}";
    cmd_export_empty: "Lưu ý: không có dòng nào khớp với điều kiện đã chọn ({filters}). Hãy xem lại số tổ, mã nhà văn hóa hoặc ngày", "Note: no rows match what was asked ({filters}). Check the group number, the site id or the dates";
    cmd_export_empty_db: "Lưu ý: dữ liệu ở đây chưa có bản ghi nào. Trên máy của cán bộ phường, hãy gộp các gói của nhà văn hóa trước: kiosk merge TỆP...", "Note: this database has no records yet. On the ward coordinator's computer, merge the cultural houses' bundles first: kiosk merge FILE...";
    cmd_export_all: "mọi người dân, mọi ngày", "every resident, every day";
    cmd_indicators_from: "Lưu ý: chỉ tiêu là tình trạng tính đến hết ngày --to, nên --from {from} không làm đổi kết quả", "Note: indicators are the state at the end of --to, so --from {from} does not change them";
    cmd_export_no_lessons: "Lưu ý: {error}; bài học sẽ ghi bằng mã, không có số trang", "Note: {error}; modules are shown by id, without page totals";
    cmd_bundle_wrote: "Đã ghi gói dữ liệu của nhà văn hóa {site} vào {file}: {residents} người, {records} bản ghi, {erased} người đã xóa theo yêu cầu", "Wrote the bundle of site {site} to {file}: {residents} {residents|resident|residents}, {records} {records|record|records}, {erased} {erased|erased resident|erased residents}";
    cmd_merge_checking: "Đang kiểm tra {n} tệp…", "Checking {n} {n|file|files}…";
    cmd_merge_own_site: "{file}: gói này mang mã của chính nơi này ({site}). Nếu nó không do chính máy này ghi ra, thì hai máy đang dùng chung một mã: hãy cho mỗi nơi một mã riêng ([site] id trong kiosk.toml)", "{file}: this bundle has this site's own id ({site}). If this computer did not write it, two kiosks share one id: give each its own ([site] id in kiosk.toml)";
    cmd_merge_empty_folder: "không có tệp .kiosk nào trong thư mục {dir}", "there is no .kiosk file in the folder {dir}";
    cmd_merge_no_match: "không có tệp nào khớp với {pattern}", "no file matches {pattern}";
    cmd_merge_progress: "Đang gộp: xong {done}/{total} gói…", "Merging: {done} of {total} done…";
    cmd_merge_nothing_new: "{file}: nhà văn hóa {site}: đã gộp từ trước, không có gì mới", "{file}: site {site}: already merged, nothing new";
    cmd_merge_all_here: "{file}: nhà văn hóa {site}: không có gì mới, mọi bản ghi trong gói đã có ở đây", "{file}: site {site}: nothing new, every record in it is here already";
    cmd_merge_counts: "{file}: nhà văn hóa {site}: {added} người mới, sửa {updated} người, xóa {erased} người, {records} bản ghi mới, đóng {ended} buổi", "{file}: site {site}: {added} new {added|resident|residents}, {updated} updated, {erased} erased, {records} new {records|record|records}, {ended} {ended|session|sessions} ended";
    cmd_merge_already: " (đã gộp xong: {files})", " (already merged: {files})";
    cmd_merge_not_yet: " (chưa gộp, hãy gộp lại sau khi bỏ tệp bị từ chối ra: {files})", " (not merged; merge them again without the refused file: {files})";

    // Refusals of `kiosk export|bundle|merge` (src/commands/coordinator_errors.rs).
    cmd_unknown_format: "không biết định dạng {format}: hãy viết csv hoặc xlsx", "unknown format {format}: write csv or xlsx";
    cmd_no_format: "không biết ghi {path} theo định dạng nào: hãy đặt tên tệp có đuôi .csv hoặc .xlsx, hoặc thêm --format csv|xlsx", "cannot tell the format of {path}: end the file name with .csv or .xlsx, or add --format csv|xlsx";
    cmd_no_folder: "không có thư mục {path}", "the folder {path} does not exist";
    cmd_folder_not_writable: "không ghi được vào thư mục {path}: {error}", "cannot write in the folder {path}: {error}";
    cmd_is_folder: "{path} là một thư mục, không phải tên tệp", "{path} is a folder, not a file name";
    cmd_write_failed: "ghi {path} bị lỗi: {error}", "writing {path} failed: {error}";
    cmd_format_clash: "tên tệp {path} không hợp với --format {format}: Excel sẽ không mở được tệp. Hãy đổi đuôi tên tệp, hoặc bỏ --format", "the file name {path} does not match --format {format}: Excel could not open the file. Change the file name's ending, or leave out --format";
    cmd_out_is_own_file: "{path} là tệp của chính kiosk này (dữ liệu hoặc cài đặt). Hãy ghi ra một tệp khác. Chưa ghi gì", "{path} is one of this kiosk's own files (its database or settings). Write to another file. Nothing was written";
    cmd_out_would_replace: "{path} đã có và là {what}: ghi đè sẽ làm mất nó. Chưa ghi gì. Hãy đặt một tên tệp khác", "{path} already exists and is {what}: writing over it would lose it. Nothing was written. Choose another file name";
    cmd_out_holds_bundle: "gói dữ liệu của nhà văn hóa {site}", "the bundle of site {site}";
    cmd_out_holds_database: "dữ liệu hoặc bản sao lưu của một kiosk", "a kiosk's database or backup";
    cmd_out_holds_sqlite: "một tệp dữ liệu SQLite", "an SQLite database";
    cmd_out_holds_other: "một tệp khác loại (không phải thứ lệnh này ghi ra)", "a file of another kind (not what this command writes)";
    cmd_cannot_replace: "không thay được tệp {path}: {error}. Nếu tệp này đang mở, ví dụ trong Excel, hãy đóng nó rồi làm lại. Tệp cũ vẫn còn nguyên", "cannot replace {path}: {error}. If it is open, for example in Excel, close it and try again. The old file is unchanged";
    cmd_too_many_rows: "{rows} dòng không vừa một trang Excel (nhiều nhất 1.048.575 dòng): hãy xuất một khoảng thời gian ngắn hơn, hoặc dùng CSV", "{rows} {rows|row does|rows do} not fit in one Excel sheet (at most 1,048,575): export a shorter period or use CSV";
    cmd_read_db_failed: "đọc dữ liệu bị lỗi: {error}", "reading the database failed: {error}";
    // kiosk.toml problems (config::problems), said where the file is read.
    cfg_no_file: "không có tệp {path}", "there is no file {path}";
    cfg_at: "{path}: dòng {line}, cột {column}: {problem}", "{path}: line {line}, column {column}: {problem}";
    cfg_field: "{path}: mục `{field}`: {problem}", "{path}: field `{field}`: {problem}";
    cfg_not_slug: "{value} phải gồm 1 đến 32 chữ thường không dấu, chữ số hoặc dấu gạch ngang (ví dụ \"vh-phuc-xa\")", "{value} must be 1 to 32 lowercase letters, digits or dashes (for example \"vh-phuc-xa\")";
    cfg_empty: "không được để trống", "must not be empty";
    cfg_not_language: "{value} không phải \"vi\" hay \"en\"", "{value} is not \"vi\" or \"en\"";
    cfg_at_least_one: "phải từ 1 trở lên", "must be at least 1";
    cfg_minutes: "phải lớn hơn 0 và không quá 240", "must be more than 0 and at most 240";
    cfg_range: "phải từ {min} đến {max}", "must be from {min} to {max}";
    cfg_is_not: "{value} không nằm trong khoảng từ {min} đến {max}", "{value} is not from {min} to {max}";
    cfg_not_key: "{value} không phải phím kiosk dùng được: hãy viết ctrl+CHỮ (trừ c, z, i, m) hoặc F2 đến F12", "{value} is not a key the kiosk can use: write ctrl+LETTER (not c, z, i or m) or F2 to F12";
    cfg_twice: "{value} có hai lần", "{value} is listed twice";
    cfg_path_control: "đường dẫn {value} có ký tự lạ: trong dấu nháy kép, dấu \\ cùng chữ sau nó thành một ký tự khác (\\n là xuống dòng, \\t là tab, \\b là xóa lùi). Hãy viết đường dẫn trong dấu nháy đơn, ví dụ 'C:\\new\\kiosk.db', hoặc dùng dấu /", "the path {value} has a control character: inside double quotes, a \\ and the letter after it become another character (\\n a new line, \\t a tab, \\b a backspace). Write the path in single quotes, e.g. 'C:\\new\\kiosk.db', or use /";
    cfg_toml_escape: "dấu \\ trong dấu nháy kép phải viết hai lần (\"D:\\\\kiosk\"). Dễ hơn: viết đường dẫn trong dấu nháy đơn ('D:\\kiosk') hoặc dùng dấu / (\"D:/kiosk\")", "a \\ inside double quotes must be written twice (\"D:\\\\kiosk\"). Easier: write the path in single quotes ('D:\\kiosk') or use / (\"D:/kiosk\")";
    cfg_unknown_key: "không có mục `{key}` (các mục dùng được: {known})", "there is no setting `{key}` (the settings here: {known})";
    cfg_unknown_key_none: "không có mục `{key}` ở đây", "there is no setting `{key}` here";
    cfg_missing_key: "thiếu mục `{key}`", "`{key}` is missing";
    cfg_wrong_kind: "cần {expected}, không phải {found}", "needs {expected}, not {found}";
    cfg_kind_number: "một số", "a number";
    cfg_kind_whole: "một số nguyên", "a whole number";
    cfg_kind_bool: "true hoặc false", "true or false";
    cfg_kind_text: "chữ trong ngoặc kép", "text in quotes";
    cfg_kind_list: "một danh sách [ … ]", "a list [ … ]";
    cfg_kind_table: "một nhóm mục [ … ]", "a table [ … ]";
    cfg_found_text: "chữ \"{value}\"", "the text \"{value}\"";
    cfg_found_number: "số {value}", "the number {value}";
    cfg_toml_other: "tệp viết sai cú pháp TOML ({detail})", "this is not valid TOML ({detail})";
    // Lesson file diagnostics (lessons::*), in the language of kiosk.toml.
    // Code the author types (keys, `id = "…"`) stays as it is written.
    les_error: "lỗi", "error";
    les_warning: "cảnh báo", "warning";
    les_toml_syntax: "lỗi cú pháp TOML: {detail}", "TOML syntax: {detail}";
    les_empty_file: "tệp trống: một bài học cần `id`, `title`, [[steps]] và [[quiz]] (xem lessons/README.md)", "the file is empty: a module needs an `id`, a `title`, [[steps]] and a [[quiz]] (see lessons/README.md)";
    les_hidden: "còn {n} lỗi nữa trong tệp này chưa hiện; hãy sửa các lỗi ở trên trước", "{n} more {n|problem|problems} in this file {n|is|are} not shown; fix the ones above first";
    les_kind_text: "chữ trong ngoặc kép", "text in quotes";
    les_kind_whole: "một số nguyên", "a whole number";
    les_kind_decimal: "một số có dấu thập phân", "a number with a decimal point";
    les_kind_bool: "true hoặc false", "true or false";
    les_kind_date: "một ngày tháng", "a date";
    les_kind_list: "một danh sách", "a list";
    les_kind_table: "một bảng", "a table";
    les_want_slug_list: "một danh sách như {example}", "a list such as {example}";
    les_want_choices: "một danh sách như {example}", "a list such as {example}";
    les_want_bool_bare: "true hoặc false (không có ngoặc kép)", "true or false (without quotes)";
    les_want_numbers: "một danh sách số thứ tự đáp án, ví dụ {example}", "a list of choice numbers, e.g. {example}";
    les_wrong_type: "{ctx}`{key}` phải là {want}, không phải {found}", "{ctx}`{key}` must be {want}, not {found}";
    les_too_large: "{ctx}`{key}` là một số quá lớn", "{ctx}`{key}` is far too large a number";
    les_out_of_range: "{ctx}`{key}` là {n} nhưng phải từ {lo} đến {hi}", "{ctx}`{key}` is {n} but must be from {lo} to {hi}";
    les_not_slug: "{ctx}`{key}` {value} phải gồm 1 đến 32 chữ thường (a-z, không dấu), chữ số hoặc dấu gạch ngang, không bắt đầu bằng dấu gạch ngang, ví dụ \"vneid-level-2\"", "{ctx}`{key}` {value} must be 1 to 32 lowercase letters (a-z, no accents), digits or dashes, not starting with a dash, e.g. \"vneid-level-2\"";
    les_list_too_long: "`{key}` có {n} mã; nhiều nhất là {max}", "`{key}` lists {n} ids; at most {max} are allowed";
    les_listed_twice: "`{key}` có {value} hai lần", "`{key}` lists {value} twice";
    les_id_missing: "thiếu `id`: thêm một dòng như {example}", "`id` is missing: add a line such as {example}";
    les_order_missing: "thiếu `order`: thêm một dòng như {example} (số nhỏ hơn đứng trước ở trang chủ)", "`order` is missing: add a line such as {example} (smaller comes first on the home screen)";
    les_minutes_missing: "thiếu `minutes`: thêm khoảng bao nhiêu phút để học bài này, ví dụ {example}", "`minutes` is missing: add about how long the module takes, e.g. {example}";
    les_did_you_mean: "có phải ý bạn là {value}?", "did you mean {value}?";
    les_no_indicators: "kiosk.toml không có chỉ tiêu nào", "kiosk.toml lists no indicators";
    les_indicators_are: "kiosk.toml có: {list}", "kiosk.toml lists {list}";
    les_unknown_indicator: "`indicators`: không có chỉ tiêu {value}; {hint}", "`indicators`: unknown indicator {value}; {hint}";
    les_text_missing: "{ctx}thiếu `{key}`: thêm {vi} và {en}", "{ctx}`{key}` is missing: add {vi} and {en}";
    les_noun_page: "trang", "page";
    les_nouns_page: "trang", "pages";
    les_noun_question: "câu hỏi", "question";
    les_nouns_question: "câu hỏi", "questions";
    les_no_blocks: "chưa có {block}: thêm ít nhất một {noun}, mỗi {noun} bắt đầu bằng một dòng {block}", "there is no {block}: add at least one {noun}, each starting with a line {block}";
    les_blocks_not_list: "`{key}` phải là danh sách các {nouns}, mỗi mục bắt đầu bằng một dòng {block} (hai dấu ngoặc), không phải {found}", "`{key}` must be a list of {nouns}, each starting with a line {block} (two brackets), not {found}";
    les_blocks_empty: "`{key}` đang trống: thêm ít nhất một {noun}, mỗi {noun} bắt đầu bằng một dòng {block}", "`{key}` is empty: add at least one {noun}, each starting with a line {block}";
    les_ctx_step: "trang {n}: ", "page {n}: ";
    les_page_not_table: "{ctx}một trang phải là một bảng các mục (text, tip, …), không phải {found}", "{ctx}a page must be a table of keys (text, tip, …), not {found}";
    les_lang_vi: "tiếng Việt", "Vietnamese";
    les_lang_en: "tiếng Anh", "English";
    les_page_words: "{ctx}trang này có {n} từ {lang}; nên viết nhiều nhất {max} từ (hãy tách thành hai trang)", "{ctx}this page has {n} words in {lang}; aim for at most {max} (split it into two pages)";
    les_no_english: "bài này chưa có tiếng Anh; hãy thêm {en} cạnh mỗi {vi}", "this module has no English; add {en} next to each {vi}";
    les_some_english: "{label} chưa có tiếng Anh; {n} trong {total} đoạn chữ của bài này chưa có", "{label} has no English; {n} of the {total} texts in this module have none";
    les_unknown_key_like: "không có mục `{key}`; có phải ý bạn là `{like}`?", "unknown key `{key}`; did you mean `{like}`?";
    les_unknown_key: "không có mục `{key}`; các mục dùng được ở đây là {known}", "unknown key `{key}`; the keys allowed here are {known}";
    les_name_choice: "đáp án {n}", "choice {n}";
    les_name_choice_lang: "`{code}` của đáp án {n}", "`{code}` of choice {n}";
    les_vi_hint_choice: "{code} bên trong {braces} của nó", "{code} inside its {braces}";
    les_needs_language: "{ctx}{name} cần ghi rõ ngôn ngữ: viết {hint} (và tiếng Anh bên cạnh)", "{ctx}{name} needs its language: write {hint} (and the English next to it)";
    les_text_wrong: "{ctx}{name} phải là chữ viết dạng {hint}, không phải {found}", "{ctx}{name} must be a text written {hint}, not {found}";
    les_text_empty: "{ctx}{name} đang trống", "{ctx}{name} is empty";
    les_no_vietnamese: "{ctx}{name} chưa có chữ tiếng Việt: thêm {hint}", "{ctx}{name} has no Vietnamese text: add {hint}";
    les_lang_not_text: "{ctx}{name} phải là chữ trong ngoặc kép, không phải {found}", "{ctx}{name} must be text in quotes, not {found}";
    les_long_sentence: "{ctx}{name}: một câu có {n} từ; nên viết nhiều nhất {max} từ: \"{opening}\"", "{ctx}{name}: a sentence has {n} words; aim for at most {max}: \"{opening}\"";
    les_more_long_sentences: "{ctx}{name}: còn {n} câu nữa dài quá {max} từ", "{ctx}{name}: {n} more {n|sentence is|sentences are} over {max} words";
    les_ctx_question: "câu hỏi {n}: ", "question {n}: ";
    les_ctx_question_id: "câu hỏi {n} ({id}): ", "question {n} ({id}): ";
    les_question_not_table: "{ctx}một câu hỏi phải là một bảng các mục (id, kind, …), không phải {found}", "{ctx}a question must be a table of keys (id, kind, …), not {found}";
    les_question_id_taken: "{ctx}mã {id} đã dùng cho câu hỏi {first}; mỗi câu hỏi cần một mã riêng", "{ctx}id {id} is already used by question {first}; each question needs its own id";
    les_question_id_missing: "{ctx}thiếu `id`: thêm một tên ngắn, ví dụ {example}", "{ctx}`id` is missing: add a short name, e.g. {example}";
    les_kinds: "hãy dùng {list} hoặc {last}", "use {list} or {last}";
    les_unknown_kind: "{ctx}không có loại câu hỏi {value}; {hint}", "{ctx}unknown question kind {value}; {hint}";
    les_kind_missing: "{ctx}thiếu `kind`: thêm kind = {list} hoặc {last}", "{ctx}`kind` is missing: add kind = {list} or {last}";
    les_choices_missing: "{ctx}thiếu `choices`: thêm {example}", "{ctx}`choices` is missing: add {example}";
    les_true_false_choices: "{ctx}câu hỏi đúng/sai không có `choices` (kiosk tự hiện Đúng / Sai): hãy xóa chúng, hoặc dùng {example}", "{ctx}a true-false question has no `choices` (the kiosk shows Đúng / Sai): remove them, or use {example}";
    les_order_needs: "câu hỏi sắp xếp cần ít nhất 3 bước để sắp xếp", "an order question needs at least 3 steps to put in order";
    les_choices_needed: "một câu hỏi cần ít nhất 2 đáp án", "a question needs at least 2 choices";
    les_too_few_choices: "{ctx}`choices` có {n}: {what}", "{ctx}`choices` has {n}: {what}";
    les_many_choices: "{ctx}{n} đáp án là nhiều để đọc; nên có nhiều nhất {max}", "{ctx}{n} choices are a lot to read; aim for at most {max}";
    les_same_choices: "{ctx}đáp án {a} và {b} giống nhau ở {lang}: {text}", "{ctx}choices {a} and {b} are the same in {lang}: {text}";
    les_answer_single_hint: "{example} (số thứ tự của đáp án đúng, đếm từ 1)", "{example} (the number of the right choice, counting from 1)";
    les_answer_multi_hint: "{example} (số thứ tự của mọi đáp án đúng)", "{example} (the numbers of every right choice)";
    les_answer_tf_hint: "{yes} hoặc {no}", "{yes} or {no}";
    les_answer_missing: "{ctx}thiếu `answer`: thêm {hint}", "{ctx}`answer` is missing: add {hint}";
    les_order_has_answer: "{ctx}câu hỏi sắp xếp không có `answer`: hãy viết các đáp án theo đúng thứ tự và xóa `answer`", "{ctx}an order question has no `answer`: write the choices in the right order and remove `answer`";
    les_single_is_one: "{ctx}`answer` của câu hỏi chọn một là một số, ví dụ {example}; nếu có nhiều đáp án đúng hãy dùng {multi}", "{ctx}`answer` of a single-choice question is one number, e.g. {example}; for several right choices use {multi}";
    les_multi_empty: "{ctx}`answer` đang trống: câu hỏi chọn nhiều cần ít nhất một đáp án đúng, ví dụ {example}", "{ctx}`answer` is empty: a select-all question needs at least one right choice, e.g. {example}";
    les_answer_twice: "{ctx}`answer` có {n} hai lần", "{ctx}`answer` lists {n} twice";
    les_answer_from_one: "{ctx}`answer` là {n}, nhưng đáp án được đếm từ 1 (đáp án đầu tiên là 1)", "{ctx}`answer` is {n}, but choices are counted from 1 (the first choice is 1)";
    les_answer_too_big: "{ctx}`answer` là {n} nhưng chỉ có {count} đáp án", "{ctx}`answer` is {n} but there are only {count} choices";
    les_module_id_taken: "mã bài {id} cũng được dùng ở {others}; mỗi bài cần một mã riêng", "module id {id} is also used by {others}; each module needs its own id";
    les_no_such_prerequisite: "`prerequisites`: không có bài nào trong thư mục này có mã {id}{hint}", "`prerequisites`: no module in this folder has the id {id}{hint}";
    les_hint_did_you_mean: "; có phải ý bạn là {value}?", "; did you mean {value}?";
    les_file_has_problems: "{file} có lỗi", "{file} has problems";
    les_id_shared: "nhiều tệp cùng dùng mã đó", "several files use that id";
    les_unlocked: "bài cần học trước {id} không được hiện ({reason}), nên bài này được mở sẵn: người học có thể bắt đầu mà không cần {id}", "prerequisite {id} is not shown ({reason}), so this module is shown unlocked: learners can start it without {id}";
    les_circular: "các bài cần học trước nhau thành vòng: {names}; một trong các bài này không được cần bài kia", "circular prerequisites: {names}; one of these modules must not need the other";
    les_bad_name: "bỏ qua: tên tệp bài học phải kết thúc bằng \".toml\" viết thường", "ignored: a lesson file's name must end in \".toml\" in small letters";
    les_is_folder: "bỏ qua: đây là một thư mục, không phải tệp bài học", "skipped: this is a folder, not a lesson file";
    les_not_file: "bỏ qua: đây không phải tệp thường (một thiết bị hay một đường ống?)", "skipped: this is not an ordinary file (a device or a pipe?)";
    les_not_utf8: "tệp này không phải chữ UTF-8 (byte sai đầu tiên ở dòng {line}, cột {col}); hãy lưu lại dạng UTF-8, hoặc xóa đi nếu nó không phải bài học", "this file is not UTF-8 text (the first bad byte is at line {line}, column {col}); save it as UTF-8, or remove it if it is not a lesson";
    les_too_big: "tệp này nặng {size} MiB; một tệp bài học nặng nhiều nhất {max} MiB (đây có thật là bài học không?)", "this file is {size} MiB; a lesson file may be at most {max} MiB (is it really a lesson?)";
    les_dangling_link: "không đọc được tệp này: nó là đường dẫn tới một tệp không còn", "cannot read this file: it is a link to a file that does not exist";
    les_no_permission: "không đọc được tệp này: không có quyền đọc (hãy cho mọi người quyền đọc, ví dụ chmod a+r)", "cannot read this file: permission denied (let every user read it, e.g. chmod a+r)";
    les_link_loop: "không đọc được tệp này: đường dẫn không đi tới đâu được (một đường dẫn quay về chính nó?): {error}", "cannot read this file: it is a link that cannot be followed (a link that leads back to itself?): {error}";
    les_cannot_read: "không đọc được tệp này: {error}", "cannot read this file: {error}";
    les_no_folder: "không có thư mục bài học ở {path}", "there is no lessons folder at {path}";
    les_not_folder: "{path} không phải thư mục: hãy chỉ ra thư mục chứa các tệp bài học", "{path} is not a folder: give the folder that holds the lesson files";
    les_skipped_at_start: "đã bỏ qua {path}: tệp có lỗi (xem ở trên); chạy `kiosk check` để xem", "skipped {path}: it has errors (listed above); run `kiosk check` to see them";
    les_no_lessons_start: "{error}; kiosk khởi động mà không có bài học nào", "{error}; starting with no lessons";
    les_cannot_list: "không đọc được thư mục bài học {path}: {error}", "cannot read the lessons folder {path}: {error}";
    les_summary: "đã kiểm tra {files} bài: {errors} lỗi, {warnings} cảnh báo", "{files} {files|module|modules} checked: {errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}";
    les_summary_skipped: "; chưa hiện trên kiosk cho đến khi sửa xong: {names}", "; not shown on the kiosk until fixed: {names}";
    les_summary_unlocked: "; trong lúc đó được mở sẵn: {names}", "; shown unlocked meanwhile: {names}";
    cmd_cannot_read: "không đọc được {path}: {error}", "cannot read {path}: {error}";
    // What the operating system said went wrong with a file (`os_error`).
    os_not_found: "không có tệp hay thư mục này", "no such file or folder";
    os_permission: "người dùng của kiosk không có quyền", "the kiosk's user does not have permission";
    os_exists: "đã có sẵn", "it already exists";
    os_disk_full: "ổ đĩa đã đầy", "the disk is full";
    os_read_only: "ổ đĩa này chỉ cho đọc, không cho ghi", "the disk is read-only";
    os_is_folder: "đây là một thư mục, không phải tệp", "it is a folder, not a file";
    os_not_folder: "một phần của đường dẫn không phải thư mục", "part of the path is not a folder";
    os_not_text: "nội dung không phải chữ đọc được (UTF-8)", "the contents are not readable text (UTF-8)";
    os_other: "lỗi của hệ thống: {detail}", "{detail}";
    cmd_not_bundle: "{path} không phải gói dữ liệu của kiosk ({reason}). Chưa thay đổi gì", "{path} is not a kiosk bundle ({reason}); nothing was changed";
    cmd_not_sqlite: "đây không phải tệp SQLite", "it is not an SQLite file";
    cmd_no_marker: "tệp không có dấu của kiosk", "it has no kiosk marker";
    cmd_whole_database: "đây là cả dữ liệu của một kiosk, không phải gói: hãy tạo gói bằng `kiosk bundle --out TỆP` tại nhà văn hóa", "it is a kiosk database, not a bundle: make one with `kiosk bundle --out FILE` at the cultural house";
    cmd_no_site: "gói không ghi mã nhà văn hóa", "it names no site";
    cmd_bundle_newer: "{path} do một kiosk mới hơn tạo (bản {found}, kiosk này chỉ biết đến bản {supported}). Chưa thay đổi gì: hãy cập nhật kiosk này trước", "{path} was made by a newer kiosk (version {found}, this kiosk knows up to {supported}); nothing was changed: update this kiosk first";
    cmd_damage_file: "SQLite báo: {detail}", "SQLite says: {detail}";
    cmd_damage_orphans: "bản ghi trong bảng {table} nói tới những dòng không có trong gói", "records in {table} refer to rows that are not in it";
    cmd_damage_bad_site: "gói ghi mã nhà văn hóa {site}, nhưng mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang", "it names the site {site}, but a site id has only lowercase letters, digits and dashes";
    cmd_damage_foreign: "gói ghi là của nhà văn hóa {site} nhưng trong bảng {table} có bản ghi của nhà văn hóa {record_site}", "it is labelled site {site} but holds a record of site {record_site} in {table}";
    cmd_damage_label: "phiên bản dữ liệu {version} không khớp với phiên bản ghi trên nhãn ({stated})", "its data version {version} does not match its label ({stated})";
    cmd_bundle_damaged: "{path} bị hỏng ({detail}). Chưa thay đổi gì: hãy tạo lại gói tại nhà văn hóa", "{path} is damaged ({detail}); nothing was changed: make the bundle again at its cultural house";
    cmd_bundle_same_ids: "{path}: bản ghi {id} đã có ở đây, của nhà văn hóa {site}. Hai nhà văn hóa không bao giờ có chung một bản ghi, nên gói này chưa được gộp. Dữ liệu của nhà văn hóa này được chép từ nơi khác: hãy làm lại dữ liệu của nó", "{path}: record {id} is already here, from the cultural house {site}. Two cultural houses never share a record, so nothing of this bundle was merged. This site's data was copied from another site's: make its data afresh";
    cmd_bundle_clash: "{path}: người dân {id} đã được ghi ở đây với thông tin khác, vì hai kiosk cùng dùng mã nhà văn hóa {site}. Gói này chưa được gộp. Hãy cho mỗi nhà văn hóa một mã riêng trong kiosk.toml", "{path}: resident {id} is registered here differently: two kiosks use the site id {site}; nothing of this bundle was merged. Give each cultural house its own site id in kiosk.toml";

    // --- coordinator: `kiosk report` (src/commands/report.rs) ---
    rep_title: "Báo cáo học tập và chỉ tiêu", "Learning and indicators report";
    rep_period: "Từ {from} đến hết {to}", "From {from} to {to} inclusive";
    rep_period_from: "Từ {from} đến nay", "From {from} to now";
    rep_period_to: "Từ đầu đến hết {to}", "Everything up to {to} inclusive";
    rep_period_all: "Toàn bộ thời gian", "All dates";
    rep_residents_by: "Người dân đã đăng ký (đến hết {to})", "Residents registered (by {to})";
    rep_indicators_by: "Chỉ tiêu theo tổ dân phố, tính đến hết {to} (mục tiêu {target}%)", "Indicators per residential group at the end of {to} (target {target}%)";
    rep_sites: "Nhà văn hóa: {sites}", "Cultural houses: {sites}";
    rep_no_sites: "(chưa có dữ liệu)", "(no data yet)";
    rep_residents: "Người dân đã đăng ký", "Residents registered";
    rep_active: "Người đã học", "Active learners";
    rep_seat_sessions: "Lượt đăng nhập máy", "Sign-ins at a seat";
    rep_class_sessions: "Buổi học", "Class sessions";
    rep_modules_completed: "Bài học đã hoàn thành", "Modules completed";
    rep_per_site: "Theo nhà văn hóa", "Per cultural house";
    rep_indicators: "Chỉ tiêu theo tổ dân phố (mục tiêu {target}%)", "Indicators per residential group (target {target}%)";
    rep_group: "Tổ {n}: {residents} người, {households} hộ", "Group {n}: {residents} {residents|resident|residents}, {households} {households|household|households}";
    rep_all_groups: "Tất cả các tổ: {residents} người, {households} hộ", "All groups: {residents} {residents|resident|residents}, {households} {households|household|households}";
    rep_indicator_line: "{name}: {reached}/{households} hộ ({share}%) {verdict}", "{name}: {reached}/{households} {households|household|households} ({share}%) {verdict}";
    rep_met: "đạt", "met";
    rep_not_met: "chưa đạt", "not met";
    rep_no_residents: "Chưa có người dân nào trong phạm vi này.", "No residents in this range.";
    // ── Learner screens (owned by src/ui/; keep grouped by screen) ─────────
    // Shared: buttons, notices, the keys footer and help.
    button_back: "Quay lại", "Back";
    button_next: "Tiếp tục", "Continue";
    more_above: "còn ở trên", "more above";
    more_below: "còn ở dưới", "more below";
    too_small: "Xin hãy phóng to cửa sổ. Please make the window larger.", "Please make the window larger. Xin hãy phóng to cửa sổ.";
    notice_label: "Lưu ý", "Note";
    notice_trouble: "Máy chưa lưu được. Xin mời người hướng dẫn đến giúp.", "The kiosk could not save this. Please ask the instructor for help.";
    notice_choose_first: "Hãy chọn một câu trả lời trước, rồi bấm Trả lời.", "Choose an answer first, then press Answer.";
    notice_choose_all: "Hãy xếp hết các bước trước: bấm số của từng bước theo thứ tự.", "Put every step in order first: press the number of each step in turn.";
    notice_fix_fields: "Có ô cần sửa. Xem dòng báo lỗi ngay dưới ô đó.", "Some boxes need a fix. See the message just under each of them.";
    notice_not_saved: "Chưa lưu gì cả. Bạn có thể hỏi người hướng dẫn bất cứ lúc nào.", "Nothing was saved. You can ask the instructor at any time.";
    notice_locked: "Bài này chưa mở. Hãy học xong bài “{module}” trước.", "This lesson is not open yet. Finish “{module}” first.";
    key_next: "Enter/→", "Enter/→";
    do_next: "tiếp tục", "continue";
    key_back: "←", "←";
    do_back: "quay lại", "back";
    key_pick: "1–9", "1–9";
    do_pick: "chọn", "choose";
    key_toggle: "Space", "Space";
    do_toggle: "đánh dấu", "tick";
    key_erase: "Backspace", "Backspace";
    do_erase: "xóa chữ", "delete";
    key_move: "↑↓", "↑↓";
    do_move: "di chuyển", "move";
    key_home: "Esc", "Esc";
    do_home: "trang chủ", "home";
    key_read: "R", "R";
    do_read: "đọc to", "read aloud";
    do_stop_reading: "dừng đọc", "stop reading";
    key_language: "F12", "F12";
    key_help: "F1/?", "F1/?";
    key_help_typing: "F1", "F1";
    do_help: "trợ giúp", "help";
    help_title: "Trợ giúp", "Help";
    help_next: "Enter hoặc →: tiếp tục, chọn mục đang sáng.", "Enter or →: continue, choose what is lit up.";
    help_back: "← hoặc Backspace: quay lại trang trước.", "← or Backspace: go back one page.";
    help_back_typing: "←: quay lại trang trước. Backspace: xóa chữ vừa gõ.", "←: go back one page. Backspace: delete the last letter typed.";
    help_move: "↑ và ↓: di chuyển lên, xuống.", "↑ and ↓: move up and down.";
    help_pick: "Phím số 1, 2, 3…: chọn dòng có số đó.", "Number keys 1, 2, 3…: choose that line.";
    help_toggle: "Space (phím dài nhất): đánh dấu hoặc bỏ dấu.", "Space (the longest key): tick or untick.";
    help_home: "Esc: về trang chủ. Bài học của bạn đã được lưu.", "Esc: go home. Your progress is saved.";
    help_language: "F12: đổi sang tiếng Anh.", "F12: switch to Vietnamese.";
    help_touch: "Bạn cũng có thể chạm hoặc bấm chuột vào nút, dòng chữ và tên phím ở cuối màn hình.", "You can also touch or click the buttons, the lines and the keys named at the bottom.";
    help_read: "R: đọc to trang này. Bấm R lần nữa để dừng.", "R: read this page aloud. Press R again to stop.";
    help_person: "Cần người giúp? Hãy giơ tay, người hướng dẫn sẽ đến.", "Need a person? Raise your hand and the instructor will come.";
    help_close: "Đóng", "Close";
    // QA fixes (uifix): truthful footers under dialogs and per screen.
    notice_pick_a_button: "Hãy chọn một nút: bấm ↓ rồi Enter, hoặc chạm vào nút.", "Choose a button: press ↓ then Enter, or touch the button.";
    notice_type_name: "Hãy gõ vài chữ trong tên của bạn, rồi chọn tên bạn trong danh sách. Người mới: chọn Đăng ký.", "Type part of your name, then pick it from the list. New here? Choose Register.";
    key_any: "Phím bất kỳ", "Any key";
    do_stay: "học tiếp", "carry on";
    key_close_help: "Enter/Esc", "Enter/Esc";
    do_close: "đóng", "close";
    key_dialog_pick: "1/2", "1/2";
    key_enter: "Enter", "Enter";
    do_press_lit: "chọn nút đang sáng", "press the lit button";
    key_dialog_no: "Esc/←", "Esc/←";
    do_answer_no: "đóng, không làm gì", "close, change nothing";
    key_back_esc: "← Esc", "← Esc";
    do_leave_quiz: "dừng bài kiểm tra (có hỏi lại)", "stop the quiz (asks first)";
    do_sign_out: "đăng xuất (có hỏi lại)", "sign out (asks first)";
    help_back_quiz: "← hoặc Esc: dừng bài kiểm tra. Máy hỏi lại trước.", "← or Esc: stop the quiz. The kiosk asks first.";
    help_back_home: "← hoặc Esc: về trang chủ.", "← or Esc: go home.";
    help_back_sign_out: "←: đăng xuất. Máy hỏi lại trước.", "←: sign out. The kiosk asks first.";
    help_next_quiz: "Bấm số để chọn, rồi Enter hoặc → để trả lời. Enter trên một mục đang sáng thì chọn hoặc bỏ mục đó.", "Press a number to choose, then Enter or → to answer. Enter on a lit item chooses it, or takes the choice back.";
    // The quiz footer says what Enter does where the focus is now.
    key_enter_space: "Enter/Space", "Enter/Space";
    key_right: "→", "→";
    do_answer: "trả lời", "answer";
    do_choose_lit: "chọn mục đang sáng", "choose the lit item";
    do_tick_lit: "đánh dấu mục đang sáng", "tick the lit item";
    do_untick_lit: "bỏ dấu mục đang sáng", "untick the lit item";
    do_place_lit: "xếp bước đang sáng", "place the lit step";
    do_unplace_lit: "bỏ bước đang sáng ra", "take the lit step back";
    quiz_leave: "Dừng", "Stop";
    do_read_on: "đọc tiếp phần dưới", "read on below";
    practice_next_word: "đã làm xong, sang trang sau", "done, next page";
    reg_err_digits: "Ô này chỉ nhận chữ số 0–9.", "This box takes only the digits 0–9.";
    // Idle countdown.
    idle_title: "Bạn còn ở đây không?", "Are you still there?";
    idle_text: "Máy sẽ tự đăng xuất sau {seconds} giây. Bài học đã được lưu.\nBấm phím bất kỳ hoặc chạm vào màn hình để học tiếp.", "The kiosk will sign you out in {seconds} {seconds|second|seconds}. Your progress is saved.\nPress any key or touch the screen to carry on.";
    idle_stay: "Tôi vẫn ở đây", "I am still here";
    // Welcome.
    welcome_hello: "Xin chào! Mời bạn học cách dùng điện thoại.", "Hello! Come and learn to use your phone.";
    welcome_what: "Mỗi bài học ngắn, có vài trang và vài câu hỏi. Bạn học theo sức của mình, máy nhớ bạn đã học đến đâu.", "Each lesson is short: a few pages and a few questions. Go at your own pace; the kiosk remembers where you are.";
    welcome_how: "Bấm Enter hoặc chạm vào nút Bắt đầu", "Press Enter or touch the Start button";
    welcome_start: "Bắt đầu", "Start";
    // Who are you?
    who_title: "Bạn là ai?", "Who are you?";
    who_label: "Gõ tên của bạn (không cần dấu):", "Type your name (accents are not needed):";
    who_hint: "Ví dụ: hang", "For example: hang";
    who_start_typing: "Gõ vài chữ trong tên, máy sẽ tìm giúp bạn.", "Type a few letters of your name and the kiosk will find you.";
    who_more: "Còn người khác có tên như vậy. Nếu chưa thấy tên bạn, hãy gõ thêm chữ, ví dụ cả họ và tên.", "More people have a name like this. If yours is not here, type more of it, for example your full name.";
    who_pick: "Chọn tên của bạn (bấm số hoặc chạm vào tên):", "Choose your name (press its number or touch it):";
    who_none: "Chưa có ai tên “{name}”. Hãy xem lại tên vừa gõ, hoặc đăng ký nếu bạn là người mới.", "No one called “{name}” yet. Check the spelling, or register if you are new.";
    who_new_here: "Lần đầu đến học? Bấm Đăng ký.", "First time here? Press Register.";
    who_register: "Đăng ký", "Register";
    who_group: "tổ {n}", "group {n}";
    who_born: "sinh năm {year}", "born {year}";
    who_registered: "đăng ký ngày {day}", "registered {day}";
    this_is_you_title: "Có phải bạn không?", "Is this you?";
    this_is_you_question: "Đây có đúng là bạn không?", "Is this really you?";
    this_is_you_no: "Không phải", "No";
    this_is_you_yes: "Đúng, là tôi", "Yes, it is me";
    // Register.
    reg_title: "Đăng ký người học mới", "Register a new learner";
    reg_step: "Bước {n}/{total}", "Step {n}/{total}";
    reg_intro: "Điền các ô dưới đây. Gõ xong một ô thì bấm Enter. Số điện thoại có thể bỏ trống.", "Fill in the boxes below. Press Enter after each one. The phone number may stay empty.";
    reg_name: "Họ và tên (có dấu):", "Full name:";
    reg_name_hint: "Ví dụ: Nguyễn Thị Hằng", "For example: Nguyễn Thị Hằng";
    reg_year: "Năm sinh:", "Year of birth:";
    reg_year_hint: "Ví dụ: 1956", "For example: 1956";
    reg_group: "Tổ dân phố (số):", "Residential group (number):";
    reg_group_hint: "Ví dụ: 5", "For example: 5";
    reg_household: "Địa chỉ nhà:", "Home address:";
    reg_household_hint: "Ví dụ: Số 12 ngõ 5 Phúc Xá", "For example: 12 Lane 5 Phúc Xá";
    // Under the register intro and in the instructor's forms: how to type
    // accents with no Vietnamese keyboard (src/text/telex.rs).
    // One line even in the instructor's smallest form (54 columns).
    telex_hint: "Gõ dấu Telex: aa → â, dd → đ, s f r x j → á à ả ã ạ", "Telex accents: aa → â, dd → đ, s f r x j → á à ả ã ạ";
    reg_phone: "Số điện thoại (không bắt buộc):", "Phone number (optional):";
    reg_phone_hint: "Ví dụ: 0912 345 678", "For example: 0912 345 678";
    reg_err_name: "Xin gõ họ và tên của bạn.", "Please type your full name.";
    reg_err_name_short: "Tên này ngắn quá. Xin gõ đủ họ và tên.", "This name is too short. Please type your full name.";
    reg_err_year: "Xin gõ năm sinh, ví dụ 1956.", "Please type your year of birth, for example 1956.";
    reg_err_year_range: "Năm sinh phải từ 1900 đến {max}.", "The year of birth must be from 1900 to {max}.";
    reg_err_group: "Xin gõ số tổ dân phố, ví dụ 5.", "Please type your group number, for example 5.";
    reg_err_group_range: "Số tổ phải từ 1 đến 200.", "The group number must be from 1 to 200.";
    reg_err_household: "Xin gõ địa chỉ nhà.", "Please type your home address.";
    reg_err_phone: "Số điện thoại cần 9 đến 12 chữ số. Có thể bỏ trống ô này.", "A phone number has 9 to 12 digits. You may leave this box empty.";
    // Consent.
    consent_title: "Đồng ý lưu thông tin", "Agree to save your details";
    consent_what: "Máy sẽ lưu: họ tên, năm sinh, tổ dân phố, địa chỉ, số điện thoại (nếu bạn cho). Máy cũng lưu các trang bạn đã xem, câu bạn trả lời, ngày bạn đến học, và điều người hướng dẫn ghi về bạn.", "The kiosk will save your name, year of birth, group, address and phone (if you give it). It also saves the pages you see, your answers, the days you come, and what the instructor notes about you.";
    consent_why: "Để làm gì: để lần sau bạn học tiếp đúng chỗ. Để người hướng dẫn giúp bạn. Để tổ chuyển đổi số của phường theo dõi việc học và báo cáo.", "Why: so you can carry on where you left off next time. So the instructor can help you. So the ward's digital-transformation team can follow the classes and report on them.";
    consent_who: "Ai được xem: người hướng dẫn ở nhà văn hóa này và cán bộ phụ trách của phường. Họ thấy tên bạn, ngày bạn đến học và kết quả của bạn. Người học khác không bao giờ thấy ngày học hay kết quả của bạn. Ai tìm tên ở máy này chỉ thấy họ tên, tổ và năm sinh.", "Who sees it: the instructors at this cultural house and the ward's coordinators. They see your name, the days you came and your results. Other learners never see the days you came or your results. Anyone who searches for a name at this kiosk sees only the full name, group and year of birth.";
    consent_remove: "Muốn xóa thông tin của bạn? Hãy nói với người hướng dẫn, lúc nào cũng được.", "Want your details erased? Tell the instructor, at any time.";
    consent_ask: "Bạn có đồng ý không?", "Do you agree?";
    consent_accept: "Tôi đồng ý", "I agree";
    consent_decline: "Không đồng ý", "I do not agree";
    // Home.
    home_title: "Xin chào, {name}", "Hello, {name}";
    home_continue_page: "Học tiếp: {module}, trang {n}/{total}", "Continue: {module}, page {n}/{total}";
    home_continue_quiz: "Làm tiếp bài kiểm tra: {module}, câu {n}/{total}", "Continue the quiz: {module}, question {n}/{total}";
    home_continue_module: "Học tiếp: {module}", "Continue: {module}";
    // A module already passed, read again and left mid-way.
    home_continue_review: "Xem lại tiếp: {module}, trang {n}/{total}", "Continue reviewing: {module}, page {n}/{total}";
    home_start_module: "Bắt đầu học: {module}", "Start: {module}";
    // Praise for an older adult, not a child ("Giỏi lắm!" is for a child).
    home_all_done_label: "Xin chúc mừng!", "Congratulations!";
    home_all_done: "Bạn đã học xong tất cả các bài. Chọn một bài bên dưới để ôn lại.", "You have finished every lesson. Choose one below to go over it again.";
    home_no_modules: "Chưa có bài học nào. Xin mời người hướng dẫn đến giúp.", "There are no lessons yet. Please ask the instructor.";
    home_modules: "Các bài học:", "Lessons:";
    home_done: "Đã xong ✓ · điểm cao nhất {score}%", "Done ✓ · best score {score}%";
    home_not_started: "Chưa học · khoảng {minutes} phút", "Not started · about {minutes} {minutes|minute|minutes}";
    home_pages_seen: "Đã xem {n}/{total} trang", "Seen {n}/{total} {total|page|pages}";
    home_last_score: "lần trước {score}%", "last time {score}%";
    home_locked: "Chưa mở: học bài “{module}” trước", "Not open yet: finish “{module}” first";
    home_sign_out: "Đăng xuất", "Sign out";
    sign_out_title: "Đăng xuất?", "Sign out?";
    sign_out_text: "Bài học của bạn đã được lưu. Lần sau bạn sẽ học tiếp đúng chỗ này.", "Your progress is saved. Next time you carry on from here.";
    sign_out_no: "Ở lại", "Stay";
    sign_out_yes: "Đăng xuất", "Sign out";
    // Lesson pages.
    lesson_step: "Trang {n}/{total}", "Page {n}/{total}";
    lesson_to_quiz: "Làm bài kiểm tra", "Take the quiz";
    tip_label: "Mẹo", "Tip";
    warning_label: "Cẩn thận", "Warning";
    practice_label: "Thử trên điện thoại của bạn", "Try it on your phone";
    practice_confirm: "Làm xong thì bấm Space hoặc chạm vào đây.", "When you have done it, press Space or touch here.";
    practice_done: "Đã làm xong. Rất tốt!", "Done. Very good!";
    // Quiz.
    quiz_counter: "Câu {n}/{total}", "Question {n}/{total}";
    quiz_preparing: "Đang chuẩn bị câu hỏi…", "Getting the questions ready…";
    quiz_how_single: "Chọn một câu trả lời (bấm số hoặc chạm vào), rồi bấm Trả lời.", "Choose one answer (press its number or touch it), then press Answer.";
    quiz_how_true_false: "Câu này đúng hay sai? Bấm 1 hoặc 2, rồi bấm Trả lời.", "Is this true or false? Press 1 or 2, then press Answer.";
    quiz_how_multi: "Chọn TẤT CẢ các ý đúng (bấm số, Space hoặc chạm vào), rồi bấm Trả lời."
, "Choose ALL the right answers (number, Space or touch), then press Answer.";
    quiz_how_order: "Bấm số của các bước theo đúng thứ tự, bước đầu tiên trước. Bấm lại để bỏ.", "Press the numbers of the steps in the right order, first step first. Press again to undo.";
    quiz_true: "Đúng", "True";
    quiz_false: "Sai", "False";
    quiz_answer: "Trả lời", "Answer";
    quiz_start_over: "Xếp lại", "Start over";
    // The place a step was given in an ordering question, by its number.
    quiz_order_place: "(bước {n})", "(step {n})";
    quiz_right: "Đúng rồi!", "That is right!";
    quiz_wrong: "Chưa đúng", "Not quite";
    quiz_correct_is: "Đáp án đúng:", "The right answer:";
    // True/false: "Đúng rồi!" then "Đáp án đúng: Sai" read as a clash; it
    // is the statement that is true or false.
    quiz_statement_is: "Câu nói này:", "The statement is:";
    quiz_why: "Vì sao", "Why";
    quiz_your_choice: "bạn chọn", "your choice";
    quiz_your_order: "Bạn đã xếp:", "Your order:";
    quiz_next_question: "Câu tiếp theo", "Next question";
    quiz_see_result: "Xem kết quả", "See the result";
    known_title: "Có phải bạn đã đăng ký rồi?", "Are you registered already?";
    known_text: "Đã có người đăng ký:\n\n{person}\n\nĐó có phải là bạn không?", "Someone is registered already:\n\n{person}\n\nIs that you?";
    known_no: "Tôi là người khác", "I am someone else";
    known_yes: "Đúng, là tôi", "Yes, it is me";
    decline_title: "Không đồng ý?", "You do not agree?";
    decline_text: "Nếu không đồng ý, máy sẽ không lưu gì về bạn, và những ô bạn đã điền sẽ bị xóa. Bạn vẫn có thể hỏi người hướng dẫn.", "If you do not agree, nothing about you is saved, and the boxes you filled in are cleared. You can still ask the instructor.";
    decline_no: "Đọc lại", "Read it again";
    decline_yes: "Không đồng ý", "I do not agree";
    leave_form_title: "Bỏ những gì đã điền?", "Drop what you typed?";
    leave_form_text: "Nếu quay lại bây giờ, tên và các ô bạn đã điền sẽ bị xóa.", "If you go back now, your name and the other boxes you filled in are cleared.";
    leave_form_no: "Điền tiếp", "Keep filling in";
    leave_form_yes: "Bỏ và quay lại", "Drop and go back";
    leave_quiz_title: "Dừng bài kiểm tra?", "Stop the quiz?";
    leave_quiz_text: "Các câu đã trả lời được lưu. Lần sau bạn làm tiếp từ câu này.", "Your answers so far are saved. Next time you carry on from this question.";
    leave_quiz_no: "Làm tiếp", "Keep going";
    leave_quiz_yes: "Về trang chủ", "Go home";
    // Result.
    result_corner: "Kết quả", "Result";
    result_score: "Bạn trả lời đúng {correct}/{total} câu ({score}%).", "You got {correct} of {total} right ({score}%).";
    result_passed_label: "Đã đạt", "Passed";
    result_passed: "Chúc mừng! Bạn đã học xong bài này.", "Congratulations! You have finished this lesson.";
    result_failed_label: "Chưa đạt", "Not yet";
    result_failed: "Cần đúng ít nhất {need}/{total} câu để đạt. Không sao, bạn có thể làm lại.", "You need at least {need} of {total} right to pass. That is fine: you can try again.";
    result_review: "Nên xem lại các câu:", "Questions to look at again:";
    result_review_lesson: "Xem lại bài", "Review";
    result_retry: "Làm lại", "Try again";
    result_home: "Trang chủ", "Home";
    // Instructor mode: its title (the rest of its texts follow).
    instructor_title: "Chế độ người hướng dẫn", "Instructor mode";
    // ---- instructor helper: `kiosk set-pin` and instructor mode ----
    pin_enter_new: "Nhập mã PIN mới cho người hướng dẫn (chỉ chữ số, ít nhất {min} số): ", "Type the new instructor PIN (digits only, at least {min}): ";
    pin_enter_again: "Nhập lại mã PIN để xác nhận: ", "Type the PIN again to confirm: ";
    pin_mismatch: "Hai lần nhập không giống nhau. Mã PIN chưa được thay đổi.", "The two PINs are not the same. The PIN was not changed.";
    pin_saved: "Đã lưu mã PIN của người hướng dẫn (chỉ lưu bản băm, không lưu mã).", "The instructor PIN is saved (only a hash of it is stored).";
    pin_cancelled: "Đã hủy. Mã PIN chưa được thay đổi.", "Cancelled. The PIN was not changed.";
    pin_stdin_twice: "Cần nhập mã PIN hai lần, mỗi lần một dòng.", "The PIN is needed twice, one per line.";
    pin_refused: "Mã PIN này quá dễ đoán: {reason}. Mã PIN chưa được thay đổi.", "This PIN is too easy to guess: {reason}. The PIN was not changed.";
    pin_unusable: "Mã PIN này không dùng được: {reason}. Mã PIN chưa được thay đổi.", "This PIN cannot be used: {reason}. The PIN was not changed.";
    pin_not_digits: "mã PIN chỉ được có chữ số, từ 0 đến 9", "the PIN must be digits only (0 to 9)";
    pin_too_short: "mã PIN cần ít nhất {min} chữ số", "a PIN needs at least {min} {min|digit|digits}";
    pin_too_long: "mã PIN có nhiều nhất {max} chữ số", "a PIN has at most {max} {max|digit|digits}";
    pin_all_same: "không dùng một chữ số lặp lại", "do not repeat one digit";
    pin_run: "không dùng dãy số liên tiếp như 123456 hay 654321", "do not use digits in a row such as 123456 or 654321";
    pin_common: "đây là một trong những mã người ta thử đầu tiên", "it is one of the first PINs people try";
    ins_tab_today: "Hôm nay", "Today";
    ins_tab_residents: "Người học", "Residents";
    ins_tab_modules: "Bài học", "Modules";
    ins_tab_groups: "Tổ dân phố", "Groups";
    ins_pin_prompt: "Nhập mã PIN của người hướng dẫn rồi bấm Enter.", "Type the instructor PIN, then press Enter.";
    ins_pin_wrong: "Mã PIN không đúng.", "That PIN is not right.";
    ins_pin_wrong_left: "Mã PIN không đúng. Còn {n} lần thử trước khi phải chờ.", "That PIN is not right. {n} more {n|try|tries} before a wait.";
    ins_pin_locked: "Sai quá nhiều lần. Xin chờ khoảng {minutes} phút rồi thử lại.", "Too many wrong PINs. Please wait about {minutes} {minutes|minute|minutes}, then try again.";
    ins_pin_locked_secs: "Sai quá nhiều lần. Xin chờ {secs} giây rồi thử lại.", "Too many wrong PINs. Please wait {secs} {secs|second|seconds}, then try again.";
    ins_pin_checking: "Đang kiểm tra…", "Checking…";
    ins_no_pin: "Chưa đặt mã PIN cho người hướng dẫn.", "No instructor PIN has been set yet.";
    ins_no_pin_how: "Để đặt mã PIN, mở cửa sổ dòng lệnh trên máy này, vào thư mục có tệp kiosk.toml và gõ:", "To set one, open a command window on this computer, go to the folder with kiosk.toml and type:";
    ins_no_pin_config: "Lệnh sẽ hỏi mã PIN hai lần (ít nhất 6 chữ số, không dễ đoán). Bấm Esc để quay lại.", "It asks for the PIN twice (at least 6 digits, not easy to guess). Press Esc to go back.";
    ins_do_digits: "nhập số", "type digits";
    ins_do_open: "mở", "open";
    ins_do_cancel: "hủy, quay lại", "cancel, go back";
    ins_do_views: "các màn hình", "views";
    ins_do_choose: "chọn", "choose";
    ins_do_sort: "sắp xếp", "sort";
    ins_do_log_out: "đăng xuất", "sign out";
    ins_do_leave: "rời kiosk", "leave the kiosk";
    ins_do_attendance: "điểm danh", "attendance";
    ins_do_open_class: "mở buổi học", "open a class";
    ins_do_close_class: "kết thúc buổi học", "close the class";
    ins_do_search: "tìm tên", "search names";
    ins_do_correct: "sửa thông tin", "correct details";
    ins_do_indicators: "chỉ tiêu", "indicators";
    ins_do_register: "đăng ký mới", "register someone";
    ins_do_forget: "xóa người này", "erase this person";
    ins_do_type: "gõ vào ô", "type in the box";
    ins_room_add_hint: "Gõ vài chữ trong tên người cần thêm.", "Type part of the name of the person to add.";
    ins_do_field: "ô khác", "other field";
    ins_do_next_save: "ô tiếp theo / lưu", "next field / save";
    ins_do_close: "đóng", "close";
    ins_do_toggle_reached: "đạt / chưa đạt", "reached / not yet";
    ins_do_no: "Không", "No";
    ins_do_yes: "Có", "Yes";
    ins_do_add_person: "thêm người", "add someone";
    ins_do_add_first: "thêm người đầu tiên", "add the first match";
    ins_key_letters: "Chữ", "Letters";
    ins_signer_default: "Người hướng dẫn", "Instructor";
    ins_saved: "Đã lưu.", "Saved.";
    ins_erased: "Đã xóa thông tin cá nhân của người này.", "This person's personal details are erased.";
    ins_need_class: "Hãy mở buổi học trước (F7).", "Open a class first (F7).";
    ins_trouble: "Chưa làm được: {why}", "Could not do that: {why}";
    ins_why_busy: "dữ liệu đang bận. Hãy thử lại.", "the database is busy. Try again.";
    ins_why_not_found: "không thấy người hay buổi học này nữa.", "that person or class is gone.";
    ins_loading: "Đang tải…", "Loading…";
    ins_class_open: "Buổi học: {topic} · {instructor} · bắt đầu {time}", "Class: {topic} · {instructor} · since {time}";
    ins_class_closed: "Buổi học “{topic}” đã kết thúc lúc {time}. F6 để sửa điểm danh, F7 để mở buổi mới.", "The class “{topic}” closed at {time}. F6 corrects its attendance, F7 opens a new one.";
    ins_class_none: "Hôm nay chưa mở buổi học. Bấm F7 để mở.", "No class is open today. Press F7 to open one.";
    ins_today_counts: "Ngày {day}: {came} người đã đăng nhập, {here} người đang học, {help} người cần giúp", "{day}: {came} signed in at a seat, {here} at a seat now, {help} {help|needs|need} help";
    ins_today_nobody: "Hôm nay chưa có ai đăng nhập.", "Nobody has signed in today yet.";
    ins_col_name: "Họ tên", "Name";
    ins_col_group: "Tổ", "Grp";
    ins_col_seat: "Máy", "Seat";
    ins_col_arrived: "Đến", "In";
    ins_col_now: "Đang làm", "Now on";
    ins_col_help: "Cần giúp", "Needs help";
    ins_col_born: "Sinh", "Born";
    ins_col_done: "Xong", "Done";
    ins_col_best: "Cao", "Best";
    ins_col_last: "Gần", "Last";
    ins_col_attempts: "Lần", "Tries";
    ins_col_attendance: "Dự", "Came";
    ins_col_last_seen: "Lần cuối", "Last seen";
    ins_col_indicators: "Chỉ tiêu", "Indicators";
    ins_col_module: "Bài học", "Module";
    ins_col_started: "Bắt đầu", "Started";
    ins_col_completed: "Hoàn thành", "Finished";
    ins_col_pass_rate: "Tỉ lệ đạt", "Pass rate";
    ins_col_average: "Điểm TB", "Average";
    ins_col_group_no: "Tổ", "Group";
    ins_col_residents: "Người dân", "Residents";
    ins_col_households: "Số hộ", "Households";
    ins_col_active: "Học tháng này", "Active this month";
    ins_col_modules_done: "Bài đã xong", "Modules done";
    ins_col_at_target: "Đạt mục tiêu", "At target";
    ins_col_status: "Điểm danh", "Attendance";
    ins_on_nothing: "(chưa mở bài nào)", "(no module yet)";
    ins_on_page: "Trang {n}/{total} · {module}", "Page {n}/{total} · {module}";
    ins_on_quiz: "Bài kiểm tra, đã trả lời {n} câu · {module}", "In the quiz, {n} answered · {module}";
    ins_on_passed: "Đạt {score}% · {module}", "Passed {score}% · {module}";
    ins_on_failed: "Chưa đạt {score}% · {module}", "Not passed {score}% · {module}";
    ins_help_stuck: "đứng một chỗ {minutes} phút", "on one screen {minutes} min";
    ins_help_left_idle: "máy tự đăng xuất giữa bài vì lâu không bấm", "signed out mid-lesson: idle too long";
    ins_help_failed: "trượt {n} lần: {module}", "failed {n} {n|time|times}: {module}";
    ins_search: "Tìm:", "Search:";
    ins_residents_count: "{n} người", "{n} {n|person|people}";
    ins_residents_found: "tìm thấy {n} người", "{n} found";
    ins_residents_legend: "Xong: bài đã xong · Cao: điểm cao nhất · Gần: điểm gần nhất · Dự: buổi đã dự", "Done: modules done · Best, Last: best, latest score · Came: classes attended";
    ins_residents_legend_wide: "Sinh: năm sinh · Xong: bài đã xong · Cao: điểm cao nhất · Gần: điểm gần nhất · Lần: số lần kiểm tra · Dự: buổi đã dự", "Born: birth year · Done: modules done · Best, Last: best, latest score · Tries: quizzes · Came: classes attended";
    ins_residents_none: "Chưa có người dân nào. Bấm F7 để đăng ký.", "No residents yet. Press F7 to register someone.";
    ins_residents_no_match: "Không thấy ai có tên này. Thử gõ ít chữ hơn.", "Nobody by that name. Try typing less of it.";
    ins_never: "chưa đến", "never";
    ins_true: "Đúng", "True";
    ins_false: "Sai", "False";
    ins_q_right: "{pct}% đúng ({n}/{total})", "{pct}% right ({n}/{total})";
    ins_q_wrong: "    Câu trả lời sai được chọn nhiều nhất: “{answer}” ({n} lần)", "    Most chosen wrong answer: “{answer}” ({n} {n|time|times})";
    ins_questions_title: "Câu hỏi khó nhất trước: {module}", "Hardest questions first: {module}";
    ins_questions_none: "Chưa ai làm bài kiểm tra này.", "Nobody has taken this quiz yet.";
    ins_groups_none: "Chưa có người dân nào.", "No residents yet.";
    ins_share_title: "Tỉ lệ hộ đạt chỉ tiêu · mục tiêu {target}% (|) · ✓ = đạt", "Households reached · target {target}% (|) · ✓ = at target";
    ins_share_hidden: "còn {n} tổ nữa (↑↓)", "{n} more {n|group|groups} (↑↓)";
    ins_group_short: "Tổ {n}", "Group {n}";
    ins_open_class_title: "Mở buổi học", "Open a class";
    ins_open_class_ends: "Buổi học “{topic}” đang mở sẽ kết thúc khi mở buổi này.", "The class “{topic}”, still open, ends when this one opens.";
    ins_form_topic: "Chủ đề", "Topic";
    ins_form_instructor: "Người hướng dẫn", "Instructor";
    ins_form_fill_both: "Xin điền cả hai ô.", "Please fill in both fields.";
    ins_register_title: "Đăng ký người dân", "Register a resident";
    ins_correct_title: "Sửa thông tin người dân", "Correct a resident's details";
    ins_form_name: "Họ và tên", "Full name";
    ins_form_year: "Năm sinh", "Birth year";
    ins_form_group: "Tổ dân phố (số)", "Residential group (no.)";
    ins_form_household: "Địa chỉ hộ", "Household address";
    ins_form_phone: "Điện thoại (nếu có)", "Phone (optional)";
    ins_button_save: "Lưu", "Save";
    ins_button_open: "Mở buổi học", "Open the class";
    ins_button_cancel: "Hủy", "Cancel";
    ins_button_close: "Đóng", "Close";
    ins_form_consent: "Người dân đã nghe giải thích và đồng ý lưu thông tin (Space)", "The resident heard what is stored and agreed (Space)";
    ins_form_need_name: "Xin nhập họ và tên.", "Please type the full name.";
    ins_form_bad_year: "Năm sinh phải là số, ví dụ 1956.", "The birth year must be a number, for example 1956.";
    ins_form_bad_group: "Tổ dân phố phải là số từ 1 trở lên.", "The group must be a number, 1 or more.";
    ins_form_need_consent: "Cần người dân đồng ý trước khi lưu (bấm Space ở dòng cuối).", "The resident must agree before saving (Space on the last line).";
    ins_indicators_title: "Chỉ tiêu đã xác minh", "Verified indicators";
    ins_indicators_for: "Của {name}: Enter để đổi đạt / chưa đạt", "For {name}: Enter switches reached / not yet";
    ins_confirm_title: "Xin xác nhận", "Please confirm";
    ins_known: "Đã có người đăng ký: {who}. Nếu đúng là người đó, bấm Esc. Nếu là người khác, bấm Enter lần nữa để vẫn đăng ký.", "Already registered: {who}. If it is the same person, press Esc. If it is someone else, press Enter again to register them anyway.";
    ins_who_line: "{name} (tổ {group}, sinh năm {year}, {household})", "{name} (group {group}, born {year}, {household})";
    ins_who_line_no_year: "{name} (tổ {group}, {household})", "{name} (group {group}, {household})";
    ins_confirm_forget: "Xóa mọi thông tin cá nhân của {name}? Xóa rồi thì không lấy lại được."
, "Erase all personal details of {name}? This cannot be undone.";
    ins_confirm_close_class: "Kết thúc buổi học hôm nay?", "Close today's class?";
    ins_confirm_drop_form: "Bỏ những gì vừa gõ trong mẫu này? Chưa có gì được lưu.", "Drop what was typed in this form? None of it has been saved.";
    ins_confirm_leave: "Rời kiosk và về màn hình dòng lệnh? Người học sẽ không dùng được máy này cho đến khi mở lại.", "Leave the kiosk for the command line? Learners cannot use this seat until it is started again.";
    ins_room_title: "Điểm danh: {topic}", "Attendance: {topic}";
    ins_room_counts: "Có mặt {present} · Muộn {late} · Có phép {excused} · Vắng {absent} · Chưa điểm danh {unmarked}", "Present {present} · Late {late} · Excused {excused} · Absent {absent} · Not marked {unmarked}";
    ins_room_add: "Thêm người:", "Add someone:";
    ins_room_ended: "Buổi học đã kết thúc lúc {time}. Vẫn sửa được điểm danh.", "This class ended at {time}. Attendance can still be corrected.";
    ins_do_add_number: "thêm người có số đó", "add that one";
    ins_room_empty: "Chưa có ai. Bấm + để thêm người.", "Nobody yet. Press + to add someone.";
    ins_att_present: "có mặt", "present";
    ins_att_late: "muộn", "late";
    ins_att_excused: "có phép", "excused";
    ins_att_absent: "vắng", "absent";
    ins_att_unmarked: "chưa điểm danh", "not marked";
}

/// The texts for `lang`.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// What went wrong with a file, in plain words of `t`'s language: the
/// operating system's own message is English ("Permission denied (os error
/// 13)"), and a Vietnamese sentence should not end in it. Kinds with no
/// plain wording keep the system's message, as a detail.
pub fn os_error(t: &Texts, e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => t.os_not_found.to_string(),
        K::PermissionDenied => t.os_permission.to_string(),
        K::AlreadyExists => t.os_exists.to_string(),
        K::StorageFull | K::QuotaExceeded => t.os_disk_full.to_string(),
        K::ReadOnlyFilesystem => t.os_read_only.to_string(),
        K::IsADirectory => t.os_is_folder.to_string(),
        K::NotADirectory => t.os_not_folder.to_string(),
        K::InvalidData => t.os_not_text.to_string(),
        _ => fill(t.os_other, &[("detail", e)]),
    }
}

/// "Lê Thị Lan (tổ 2, sinh năm 1960, Số 7)": enough to tell namesakes
/// apart before something is done to one of them.
pub fn who_line(t: &Texts, name: &str, group: i64, year: Option<i32>, household: &str) -> String {
    match year {
        Some(year) => fill(
            t.ins_who_line,
            &[
                ("name", &name),
                ("group", &group),
                ("year", &year),
                ("household", &household),
            ],
        ),
        None => fill(
            t.ins_who_line_no_year,
            &[
                ("name", &name),
                ("group", &group),
                ("household", &household),
            ],
        ),
    }
}

/// A number with at most one decimal, written as `t`'s language writes it:
/// 86.7 is "86,7" in Vietnamese, and 80.0 is "80" in both.
pub fn decimal(t: &Texts, value: f64) -> String {
    let text = format!("{:.1}", value);
    let text = text.strip_suffix(".0").unwrap_or(&text);
    text.replace('.', t.decimal_point)
}

/// Replaces each `{name}` in `template` with its value, in one pass (a
/// value is never read as a template).
///
/// `{name|one|many}` is a count's word: `one` when the value is 1 and
/// `many` otherwise ("{n} {n|try|tries}"). Only English needs it:
/// Vietnamese nouns do not change with the number.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let inner = &after[..close];
        let whole = &rest[open..open + close + 2];
        let mut parts = inner.split('|');
        let name = parts.next().unwrap_or_default();
        let forms: Vec<&str> = parts.collect();
        match (args.iter().find(|(n, _)| *n == name), forms.as_slice()) {
            (Some((_, value)), []) => out.push_str(&value.to_string()),
            (Some((_, value)), [one, many]) => {
                out.push_str(if value.to_string().trim() == "1" {
                    one
                } else {
                    many
                });
            }
            _ => out.push_str(whole),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::is_nfc;

    #[test]
    fn every_text_is_nfc_and_non_empty() {
        for lang in [Lang::Vi, Lang::En] {
            let (screens, commands) = (texts(lang).all(), cli_texts(lang).all());
            for (name, text) in screens.into_iter().chain(commands) {
                assert!(is_nfc(text), "{name} ({lang:?}) is not NFC");
                assert!(!text.trim().is_empty(), "{name} ({lang:?}) is empty");
            }
        }
    }

    /// The names inside `{…}` (a count's words `{n|one|many}` count as `n`),
    /// each once, and whether every `{…}` is well formed.
    fn placeholders(s: &str) -> (Vec<String>, bool) {
        let mut names: Vec<String> = Vec::new();
        let mut ok = true;
        for p in s.split('{').skip(1) {
            match p.split_once('}') {
                Some((inner, _)) => {
                    let parts: Vec<&str> = inner.split('|').collect();
                    ok &= parts.len() == 1 || parts.len() == 3;
                    names.push(parts[0].to_string());
                }
                None => ok = false,
            }
        }
        names.sort();
        names.dedup();
        (names, ok)
    }

    #[test]
    fn placeholders_match_between_languages() {
        let vi = VI.all().into_iter().chain(cli::CLI_VI.all());
        for ((name, vi), (_, en)) in vi.zip(EN.all().into_iter().chain(cli::CLI_EN.all())) {
            let (v, vi_ok) = placeholders(vi);
            let (e, en_ok) = placeholders(en);
            assert!(vi_ok && en_ok, "{name}: a {{…}} is not well formed");
            assert_eq!(v, e, "{name}");
        }
    }

    /// Every English text with a number in it reads right for 1 and for 2
    /// ("1 minute", "2 minutes"; "1 needs help"). All the placeholders of a
    /// text get the same number, so a plural noun after "1 " is a mistake.
    #[test]
    fn english_counts_agree_with_one_and_many() {
        const PLURALS: &[&str] = &[
            "lessons",
            "seconds",
            "minutes",
            "residents",
            "households",
            "tries",
            "times",
            "people",
            "need",
            "steps",
            "digits",
            "groups",
            "values",
            "columns",
            "letters",
            "days",
            "hours",
            "modules",
            "warnings",
            "errors",
            "rows",
            "pages",
        ];
        const SINGULARS: &[&str] = &[
            "lesson",
            "second",
            "minute",
            "resident",
            "household",
            "try",
            "time",
            "person",
            "needs",
            "step",
            "digit",
            "group",
            "value",
            "column",
            "letter",
            "day",
            "hour",
            "module",
            "warning",
            "error",
            "row",
            "page",
        ];
        // `number word` as whole words, also with "more" between.
        let says = |text: &str, number: &str, word: &str| {
            [format!("{number} {word}"), format!("{number} more {word}")]
                .iter()
                .any(|w| {
                    text.match_indices(w.as_str()).any(|(i, _)| {
                        let before = text[..i].chars().next_back();
                        let next = text[i + w.len()..].chars().next();
                        !before.is_some_and(char::is_alphanumeric)
                            && !next.is_some_and(char::is_alphanumeric)
                    })
                })
        };
        for (name, en) in EN.all().into_iter().chain(cli::CLI_EN.all()) {
            let (names, _) = placeholders(en);
            if names.is_empty() {
                continue;
            }
            let with = |v: &str| {
                let args: Vec<(&str, &dyn Display)> = names
                    .iter()
                    .map(|n| (n.as_str(), &v as &dyn Display))
                    .collect();
                fill(en, &args)
            };
            let (one, two) = (with("1"), with("2"));
            for word in PLURALS.iter().copied() {
                assert!(!says(&one, "1", word), "{name}: {one}");
            }
            for word in SINGULARS.iter().copied() {
                assert!(!says(&two, "2", word), "{name}: {two}");
            }
        }
        // What people read.
        let t = &EN;
        let n = |k: &str, v: &dyn Display, s: &str| fill(s, &[(k, v)]);
        assert_eq!(
            n("minutes", &1, t.home_not_started),
            "Not started · about 1 minute"
        );
        assert_eq!(
            n("minutes", &5, t.home_not_started),
            "Not started · about 5 minutes"
        );
        assert_eq!(
            n("n", &1, t.ins_pin_wrong_left),
            "That PIN is not right. 1 more try before a wait."
        );
        assert_eq!(n("n", &1, t.ins_residents_count), "1 person");
        assert_eq!(n("n", &0, t.ins_residents_count), "0 people");
        assert_eq!(
            fill(
                t.rep_group,
                &[("n", &3), ("residents", &1), ("households", &1)]
            ),
            "Group 3: 1 resident, 1 household"
        );
        assert!(fill(t.ins_today_counts, &[("help", &1)]).ends_with("1 needs help"));
        assert!(fill(t.ins_today_counts, &[("help", &2)]).ends_with("2 need help"));
        // Vietnamese has no plural: the same words for every number.
        assert_eq!(
            fill(VI.ins_pin_locked, &[("minutes", &1)]),
            "Sai quá nhiều lần. Xin chờ khoảng 1 phút rồi thử lại."
        );
    }

    /// The place is the ward's cultural house ("Nhà văn hóa"); "điểm sinh
    /// hoạt" left readers unsure what was meant.
    #[test]
    fn the_site_is_called_the_cultural_house() {
        for (name, vi) in VI.all().into_iter().chain(cli::CLI_VI.all()) {
            let lower = vi.to_lowercase();
            assert!(!lower.contains("điểm sinh hoạt"), "{name}: {vi}");
        }
        assert_eq!(
            (VI.exp_site, EN.exp_site),
            ("Nhà văn hóa", "Cultural house")
        );
        assert_eq!(
            fill(EN.rep_sites, &[("sites", &"vh-a")]),
            "Cultural houses: vh-a"
        );
    }

    #[test]
    fn file_errors_are_said_in_plain_words() {
        use std::io::{Error, ErrorKind};
        let missing = std::fs::read("/no/such/kiosk/file").unwrap_err();
        assert_eq!(os_error(&VI, &missing), "không có tệp hay thư mục này");
        assert_eq!(os_error(&EN, &missing), "no such file or folder");
        let full = Error::from(ErrorKind::StorageFull);
        assert_eq!(os_error(&VI, &full), "ổ đĩa đã đầy");
        // A kind with no plain wording keeps the system's words as a detail.
        let odd = Error::other("wire fell out");
        assert_eq!(os_error(&VI, &odd), "lỗi của hệ thống: wire fell out");
        assert_eq!(os_error(&EN, &odd), "wire fell out");
    }

    #[test]
    fn decimals_are_written_the_way_each_language_writes_them() {
        assert_eq!(decimal(&VI, 86.66), "86,7");
        assert_eq!(decimal(&EN, 86.66), "86.7");
        assert_eq!(decimal(&VI, 80.0), "80");
        assert_eq!(decimal(&VI, 0.0), "0");
        assert_eq!(decimal(&EN, 100.0), "100");
    }

    #[test]
    fn fill_replaces_names() {
        assert_eq!(
            fill("Bước {n}/{total}", &[("n", &3), ("total", &8)]),
            "Bước 3/8"
        );
        // A value is not a template; unknown names stay as written.
        assert_eq!(fill("{a} {b}", &[("a", &"{b}"), ("b", &1)]), "{b} 1");
        assert_eq!(fill("{x} {n|a|b} {", &[("n", &1)]), "{x} a {");
    }
}

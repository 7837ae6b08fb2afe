//! The command line's own words: every command's and flag's help, the
//! headings of `--help`, and the mistakes clap finds while parsing, in
//! Vietnamese and English. `cli::words` puts them onto clap's command tree.

use super::Lang;

texts! {
    CliTexts, CLI_VI, CLI_EN;
    // The frame of `--help`.
    usage: "Cách dùng:", "Usage:";
    heading_commands: "Lệnh", "Commands";
    heading_arguments: "Giá trị", "Arguments";
    heading_options: "Tùy chọn", "Options";
    options_word: "[tùy chọn]", "[options]";
    command_word: "LỆNH", "COMMAND";
    flag_help: "Xem hướng dẫn này", "Show this help";
    flag_version: "Xem phiên bản của kiosk", "Show the kiosk's version";
    about: "Kiosk toàn màn hình dạy người cao tuổi dùng điện thoại cho dịch vụ công. Chạy không kèm lệnh để mở kiosk với bài học và dữ liệu ghi trong kiosk.toml.", "A full-screen kiosk that teaches seniors to use their phones for public services. Run without a command to start the kiosk on the lessons and database named in kiosk.toml.";

    // Commands.
    cmd_run: "Mở kiosk (đây là việc mặc định khi không ghi lệnh nào)", "Start the kiosk (the default when no command is given)";
    cmd_check: "Kiểm tra các tệp bài học và báo mọi lỗi", "Check lesson files and report every problem";
    cmd_backup: "Ghi một bản sao lưu trọn vẹn của dữ liệu", "Write a complete backup of the database";
    cmd_restore: "Lấy lại một bản sao lưu thay cho dữ liệu đang dùng (dữ liệu cũ được cất lại, không xóa)", "Put a backup in place of the database in use (the old one is kept, not deleted)";
    cmd_residents: "Thêm, xem, tìm, nhập danh sách hoặc xóa người dân", "Add, list, find, import or forget residents";
    cmd_set_pin: "Đặt mã PIN của người hướng dẫn (hỏi hai lần, không hiện ra)", "Set the instructor PIN (asks twice, never shows it)";
    cmd_export: "Xuất điểm danh, tiến độ học hoặc chỉ tiêu ra tệp mở được bằng Excel", "Export attendance, progress or indicators for Excel";
    cmd_report: "In bản tóm tắt: người dân, việc học và các chỉ tiêu", "Print a summary of residents, learning and indicators";
    cmd_bundle: "Ghi dữ liệu của nhà văn hóa này vào một tệp để gửi cán bộ phường", "Write this site's records to one file for the ward coordinator";
    cmd_merge: "Gộp các tệp của nhiều nhà văn hóa vào dữ liệu trên máy này", "Merge bundles from several cultural houses into this database";
    cmd_seed: "Tạo dữ liệu mẫu để tập dùng và thử", "Make demo data to practise and test with";
    cmd_doctor: "Kiểm tra máy này đã sẵn sàng làm kiosk chưa", "Check that this computer is ready to be a kiosk";
    cmd_res_add: "Thêm một người dân", "Add a resident";
    cmd_res_list: "Xem danh sách người dân", "List residents";
    cmd_res_find: "Tìm người dân theo một phần của tên (gõ dấu hay không đều được)", "Find residents by any part of their name (accents optional)";
    cmd_res_import: "Nhập danh sách người dân của phường (tệp CSV)", "Import a ward roster (CSV)";
    cmd_res_forget: "Xóa thông tin cá nhân của một người (các lần gộp dữ liệu sau này không đưa lại)", "Erase a resident's personal details (later merges do not bring them back)";
    cmd_exp_attendance: "Mỗi người một dòng cho mỗi buổi học, hoặc cho mỗi ngày tự vào học", "One row per resident per class session or day signed in";
    cmd_exp_progress: "Mỗi người một dòng cho mỗi bài học", "One row per resident per module";
    cmd_exp_indicators: "Từng tổ dân phố: số hộ đã đạt mỗi chỉ tiêu", "Per residential group: households reached for each indicator";

    // Flags and values.
    arg_config: "Tệp cấu hình (mặc định: kiosk.toml)", "The configuration file (default: kiosk.toml)";
    arg_lessons: "Thư mục bài học (mặc định: thư mục ghi trong kiosk.toml, hoặc ./lessons)", "The lessons folder (default: the one in kiosk.toml, or ./lessons)";
    arg_backup_out: "Ghi vào tệp này (mặc định: một tệp mang ngày hôm nay trong thư mục sao lưu)", "Where to write it (default: a dated file in the backup folder)";
    arg_from: "Từ ngày này, viết năm-tháng-ngày (tính cả ngày này)", "First day, YYYY-MM-DD (inclusive)";
    arg_to: "Đến ngày này, viết năm-tháng-ngày (tính cả ngày này)", "Last day, YYYY-MM-DD (inclusive)";
    arg_indicators_from: "Không dùng cho chỉ tiêu: chỉ tiêu là tình trạng tính đến --to", "Not used here: indicators are the state at the end of --to";
    arg_indicators_to: "Tình trạng tính đến hết ngày này, viết năm-tháng-ngày (mặc định: hôm nay)", "The state at the end of this day, YYYY-MM-DD (default: today)";
    arg_site: "Chỉ nhà văn hóa có mã này", "Only the cultural house with this id";
    arg_json: "In dạng JSON (cho chương trình khác đọc) thay vì chữ", "Print JSON (for other programs) instead of text";
    arg_bundle_out: "Tệp sẽ ghi ra", "The file to write";
    arg_merge_files: "Các tệp cần gộp (do lệnh bundle ghi ra), hoặc thư mục chứa chúng, hoặc mẫu như E:\\*.kiosk", "The files to merge (written by the bundle command), or the folder they are in, or a pattern such as E:\\*.kiosk";
    arg_seed_residents: "Số người dân mẫu cần tạo", "How many made-up residents";
    arg_seed_days: "Số ngày có lịch sử, hết vào hôm qua (mặc định: 30)", "Days of history, ending yesterday (default: 30)";
    arg_seed_seed: "Cùng số này (và cùng ngày) luôn tạo ra cùng dữ liệu (mặc định: 1)", "The same seed (and day) always makes the same data (default: 1)";
    arg_seed_force: "Vẫn tạo khi dữ liệu đã có người dân thật", "Make it even when the database already holds real residents";
    arg_seed_today: "Lịch sử kết thúc trước ngày này (mặc định: hôm nay)", "The history ends the day before this date (default: today)";
    arg_name: "Họ và tên", "Full name";
    arg_group: "Tổ dân phố", "Residential group";
    arg_only_group: "Chỉ tổ dân phố này", "Only this residential group";
    arg_birth_year: "Năm sinh", "Year of birth";
    arg_household: "Mã hộ gia đình (người cùng hộ ghi cùng mã)", "Household code (the same for everyone in one household)";
    arg_phone: "Số điện thoại", "Phone number";
    arg_find_text: "Một phần của tên cần tìm", "Any part of the name";
    arg_roster: "Tệp CSV danh sách người dân", "The roster's CSV file";
    arg_skip_bad: "Nhập các dòng đúng kể cả khi có dòng sai", "Import the good rows even when some rows are bad";
    arg_restore_file: "Tệp sao lưu (mặc định: bản mới nhất trong thư mục sao lưu)", "The backup (default: the newest in the backup folder)";
    arg_restore_yes: "Lấy lại ngay, không hỏi lại (dùng trong tệp lệnh)", "Restore without asking first (for scripts)";
    arg_forget_yes: "Xóa ngay, không hỏi lại (dùng trong tệp lệnh)", "Erase without asking first (for scripts)";
    arg_resident_id: "Mã của người dân (xem bằng lệnh residents find)", "The resident's id (see residents find)";
    arg_format: "csv hoặc xlsx (mặc định: theo đuôi tên tệp)", "csv or xlsx (default: from the file name)";
    arg_lang: "Tiêu đề cột bằng tiếng nào: vi hoặc en (mặc định: vi)", "Column headers in vi or en (default: vi)";
    arg_export_out: "Tệp sẽ ghi ra (.csv hoặc .xlsx)", "The file to write (.csv or .xlsx)";
    // What goes in the <…> after a flag.
    value_file: "TỆP", "FILE";
    value_dir: "THƯ-MỤC", "DIR";
    value_date: "NGÀY", "DATE";
    value_number: "SỐ", "N";
    value_site: "MÃ", "SITE";
    value_format: "DẠNG", "FORMAT";
    value_lang: "TIẾNG", "LANG";
    value_days: "SỐ-NGÀY", "D";
    value_seed: "SỐ", "S";
    value_day: "NĂM-THÁNG-NGÀY", "YYYY-MM-DD";
    value_year: "NĂM", "YYYY";
    value_household: "HỘ", "H";
    value_phone: "SỐ-ĐIỆN-THOẠI", "P";
    value_name: "TÊN", "NAME";
    value_text: "CHỮ", "TEXT";
    value_id: "MÃ", "ID";

    // Mistakes on the command line: one line, then how to see the help.
    err_no_option: "không có tùy chọn {arg}", "there is no option {arg}";
    err_unexpected: "không hiểu \"{arg}\" ở chỗ này", "\"{arg}\" was not expected here";
    err_no_command: "không có lệnh \"{cmd}\"", "there is no command \"{cmd}\"";
    err_did_you_mean: "có phải ý bạn là {what}?", "did you mean {what}?";
    err_missing: "cần ghi thêm {args}", "{args} must be given";
    err_bad_value: "{arg} không nhận \"{value}\"", "\"{value}\" is not a value {arg} takes";
    err_need_group: "{arg} cần số tổ dân phố, từ 1 trở lên, không phải \"{value}\"", "{arg} takes a residential group number, 1 or more, not \"{value}\"";
    err_need_number: "{arg} cần một số, không phải \"{value}\"", "{arg} takes a number, not \"{value}\"";
    err_need_value: "sau {arg} cần ghi một giá trị", "a value must follow {arg}";
    err_twice: "{arg} chỉ được ghi một lần", "{arg} can be given only once";
    err_not_text: "dòng lệnh có chữ không đọc được (không phải UTF-8)", "the command line has text that cannot be read (not UTF-8)";
    err_other: "dòng lệnh chưa đúng ({detail})", "the command line is not right ({detail})";
    see_help: "Gõ {cmd} để xem cách dùng.", "Type {cmd} to see how to use it.";
}

/// The command line's texts for `lang`.
pub fn cli_texts(lang: Lang) -> &'static CliTexts {
    match lang {
        Lang::Vi => &CLI_VI,
        Lang::En => &CLI_EN,
    }
}

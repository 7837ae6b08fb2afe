//! Every piece of interface text, in Vietnamese and English, side by side.
//!
//! Screens never hold a literal string: they ask `texts(lang)` for a field.
//! The `texts!` table below makes it impossible to add a Vietnamese string
//! without its English twin (the struct would not compile), and a test checks
//! that every string is NFC. Templates use `{name}` placeholders filled by
//! [`fill`].

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

macro_rules! texts {
    ($( $name:ident : $vi:expr , $en:expr ; )*) => {
        /// One field per piece of interface text.
        pub struct Texts { $(pub $name: &'static str,)* }
        pub static VI: Texts = Texts { $($name: $vi,)* };
        pub static EN: Texts = Texts { $($name: $en,)* };
        impl Texts {
            /// Every (field name, text) pair, for checks.
            pub fn all(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name),)*]
            }
        }
    };
}

texts! {
    // The language toggle shows the language it switches *to*.
    language_name: "Tiếng Việt", "English";
    switch_language: "English", "Tiếng Việt";
    modules_loaded: "Đã nạp {count} bài học", "{count} lessons loaded";

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
    exp_site: "Điểm sinh hoạt", "Site";
    exp_sites: "Các điểm sinh hoạt", "Sites";
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

    // --- coordinator: `kiosk report` (src/commands/report.rs) ---
    rep_title: "Báo cáo học tập và chỉ tiêu", "Learning and campaign report";
    rep_period: "Từ {from} đến {to}", "From {from} to {to}";
    rep_sites: "Điểm sinh hoạt: {sites}", "Sites: {sites}";
    rep_no_sites: "(chưa có dữ liệu)", "(no data yet)";
    rep_residents: "Người dân đã đăng ký", "Residents registered";
    rep_active: "Người đã học", "Active learners";
    rep_seat_sessions: "Lượt đăng nhập máy", "Seat sessions";
    rep_class_sessions: "Buổi học", "Class sessions";
    rep_modules_completed: "Bài học đã hoàn thành", "Modules completed";
    rep_per_site: "Theo điểm sinh hoạt", "Per site";
    rep_indicators: "Chỉ tiêu theo tổ dân phố (mục tiêu {target}%)", "Indicators per residential group (target {target}%)";
    rep_group: "Tổ {n}: {residents} người, {households} hộ", "Group {n}: {residents} residents, {households} households";
    rep_all_groups: "Cả phường: {residents} người, {households} hộ", "All groups: {residents} residents, {households} households";
    rep_indicator_line: "{name}: {reached}/{households} hộ ({share}%) {verdict}", "{name}: {reached}/{households} households ({share}%) {verdict}";
    rep_met: "đạt", "met";
    rep_not_met: "chưa đạt", "not met";
    rep_no_residents: "Chưa có người dân nào trong phạm vi này.", "No residents in this range.";
}

/// The texts for `lang`.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::is_nfc;

    #[test]
    fn every_text_is_nfc_and_non_empty() {
        for lang in [Lang::Vi, Lang::En] {
            for (name, text) in texts(lang).all() {
                assert!(is_nfc(text), "{name} ({lang:?}) is not NFC");
                assert!(!text.trim().is_empty(), "{name} ({lang:?}) is empty");
            }
        }
    }

    #[test]
    fn placeholders_match_between_languages() {
        let placeholders = |s: &str| {
            let mut v: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                .collect();
            v.sort();
            v
        };
        for ((name, vi), (_, en)) in VI.all().into_iter().zip(EN.all()) {
            assert_eq!(placeholders(vi), placeholders(en), "{name}");
        }
    }

    #[test]
    fn fill_replaces_names() {
        assert_eq!(
            fill("Bước {n}/{total}", &[("n", &3), ("total", &8)]),
            "Bước 3/8"
        );
    }
}

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
    notice_fix_fields: "Có ô cần sửa. Xem dòng chữ đỏ dưới ô đó.", "Some boxes need a fix. See the red words under them.";
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
    key_language: "L", "L";
    key_help: "F1/?", "F1/?";
    do_help: "trợ giúp", "help";
    help_title: "Trợ giúp", "Help";
    help_next: "Enter hoặc →: tiếp tục, chọn điều đang sáng.", "Enter or →: continue, choose what is lit up.";
    help_back: "← hoặc Backspace: quay lại trang trước.", "← or Backspace: go back one page.";
    help_move: "↑ và ↓: di chuyển lên, xuống.", "↑ and ↓: move up and down.";
    help_pick: "Phím số 1, 2, 3…: chọn câu có số đó.", "Number keys 1, 2, 3…: choose that line.";
    help_toggle: "Space (phím dài nhất): đánh dấu hoặc bỏ dấu.", "Space (the longest key): tick or untick.";
    help_home: "Esc: về trang chủ. Bài học của bạn đã được lưu.", "Esc: go home. Your progress is saved.";
    help_language: "L: đổi sang tiếng Anh.", "L: switch to Vietnamese.";
    help_touch: "Bạn cũng có thể chạm hoặc bấm chuột vào nút và dòng chữ.", "You can also touch or click the buttons and lines.";
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
    do_answer_no: "không, quay lại", "no, go back";
    key_back_esc: "← Esc", "← Esc";
    do_leave_quiz: "dừng bài kiểm tra (có hỏi lại)", "stop the quiz (asks first)";
    do_sign_out: "đăng xuất (có hỏi lại)", "sign out (asks first)";
    help_back_quiz: "← hoặc Esc: dừng bài kiểm tra. Máy hỏi lại trước.", "← or Esc: stop the quiz. The kiosk asks first.";
    help_back_home: "← hoặc Esc: về trang chủ.", "← or Esc: go home.";
    help_back_sign_out: "←: đăng xuất. Máy hỏi lại trước.", "←: sign out. The kiosk asks first.";
    help_next_quiz: "Enter: chọn câu đang sáng. →: trả lời (sau khi đã chọn).", "Enter: choose the lit line. →: answer (once you have chosen).";
    quiz_leave: "Dừng", "Stop";
    practice_next_word: "đã làm xong, sang trang sau", "done, next page";
    reg_err_digits: "Ô này chỉ nhận chữ số 0–9.", "This box takes only the digits 0–9.";
    // Idle countdown.
    idle_title: "Bạn còn ở đây không?", "Are you still there?";
    idle_text: "Máy sẽ tự thoát sau {seconds} giây. Bài học đã được lưu.\nBấm phím bất kỳ hoặc chạm vào màn hình để học tiếp.", "The kiosk will sign you out in {seconds} seconds. Your progress is saved.\nPress any key or touch the screen to carry on.";
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
    who_pick: "Chọn tên của bạn (bấm số hoặc chạm vào tên):", "Choose your name (press its number or touch it):";
    who_none: "Chưa có ai tên “{name}”. Kiểm tra lại chính tả, hoặc đăng ký nếu bạn là người mới.", "No one called “{name}” yet. Check the spelling, or register if you are new.";
    who_new_here: "Lần đầu đến học? Bấm Đăng ký.", "First time here? Press Register.";
    who_register: "Đăng ký", "Register";
    who_group: "tổ {n}", "group {n}";
    who_born: "sinh năm {year}", "born {year}";
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
    consent_who: "Ai được xem: người hướng dẫn ở nhà văn hóa này và cán bộ phụ trách của phường. Họ thấy tên bạn, ngày bạn đến học và kết quả của bạn. Người học khác không bao giờ thấy.", "Who sees it: the instructors at this cultural house and the ward's coordinators. They see your name, the days you came and your results. Other learners never see it.";
    consent_remove: "Muốn xóa thông tin của bạn? Hãy nói với người hướng dẫn, lúc nào cũng được.", "Want your details erased? Tell the instructor, at any time.";
    consent_ask: "Bạn có đồng ý không?", "Do you agree?";
    consent_accept: "Tôi đồng ý", "I agree";
    consent_decline: "Không đồng ý", "I do not agree";
    // Home.
    home_title: "Xin chào, {name}", "Hello, {name}";
    home_continue_page: "Học tiếp: {module}, bước {n}/{total}", "Continue: {module}, step {n}/{total}";
    home_continue_quiz: "Làm tiếp bài kiểm tra: {module}, câu {n}/{total}", "Continue the quiz: {module}, question {n}/{total}";
    home_continue_module: "Học tiếp: {module}", "Continue: {module}";
    home_start_module: "Bắt đầu học: {module}", "Start: {module}";
    home_all_done_label: "Giỏi lắm!", "Well done!";
    home_all_done: "Bạn đã học xong tất cả các bài. Chọn một bài bên dưới để ôn lại.", "You have finished every lesson. Choose one below to go over it again.";
    home_no_modules: "Chưa có bài học nào. Xin mời người hướng dẫn.", "There are no lessons yet. Please ask the instructor.";
    home_modules: "Các bài học:", "Lessons:";
    home_done: "Đã xong ✓ · điểm cao nhất {score}%", "Done ✓ · best score {score}%";
    home_not_started: "Chưa học · khoảng {minutes} phút", "Not started · about {minutes} minutes";
    home_pages_seen: "Đã xem {n}/{total} bước", "Seen {n}/{total} steps";
    home_last_score: "lần trước {score}%", "last time {score}%";
    home_locked: "Chưa mở: học bài “{module}” trước", "Locked: finish “{module}” first";
    home_sign_out: "Đăng xuất", "Sign out";
    sign_out_title: "Đăng xuất?", "Sign out?";
    sign_out_text: "Bài học của bạn đã được lưu. Lần sau bạn sẽ học tiếp đúng chỗ này.", "Your progress is saved. Next time you carry on from here.";
    sign_out_no: "Ở lại", "Stay";
    sign_out_yes: "Đăng xuất", "Sign out";
    // Lesson pages.
    lesson_step: "Bước {n}/{total}", "Step {n}/{total}";
    lesson_to_quiz: "Làm bài kiểm tra", "Take the quiz";
    tip_label: "Mẹo", "Tip";
    warning_label: "Cẩn thận", "Warning";
    practice_label: "Thử trên điện thoại của bạn", "Try it on your phone";
    practice_confirm: "Làm xong thì bấm Space hoặc chạm vào đây.", "When you have done it, press Space or touch here.";
    practice_done: "Đã làm xong. Giỏi lắm!", "Done. Well done!";
    // Quiz.
    quiz_counter: "Câu {n}/{total}", "Question {n}/{total}";
    quiz_preparing: "Đang chuẩn bị câu hỏi…", "Getting the questions ready…";
    quiz_how_single: "Chọn một câu trả lời (bấm số hoặc chạm vào), rồi bấm Trả lời.", "Choose one answer (press its number or touch it), then press Answer.";
    quiz_how_true_false: "Câu này đúng hay sai? Bấm 1 hoặc 2, rồi bấm Trả lời.", "Is this true or false? Press 1 or 2, then press Answer.";
    quiz_how_multi: "Chọn TẤT CẢ câu đúng (bấm số, Space hoặc chạm vào), rồi bấm Trả lời.", "Choose ALL the right answers (number, Space or touch), then press Answer.";
    quiz_how_order: "Bấm số của các bước theo đúng thứ tự, bước đầu tiên trước. Bấm lại để bỏ.", "Press the numbers of the steps in the right order, first step first. Press again to undo.";
    quiz_true: "Đúng", "True";
    quiz_false: "Sai", "False";
    quiz_answer: "Trả lời", "Answer";
    quiz_start_over: "Xếp lại", "Start over";
    quiz_right: "Đúng rồi!", "That is right!";
    quiz_wrong: "Chưa đúng", "Not quite";
    quiz_correct_is: "Đáp án đúng:", "The right answer:";
    quiz_why: "Vì sao", "Why";
    quiz_your_choice: "bạn chọn", "your choice";
    quiz_your_order: "Bạn đã xếp:", "Your order:";
    quiz_next_question: "Câu tiếp theo", "Next question";
    quiz_see_result: "Xem kết quả", "See the result";
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
    result_failed: "Cần đúng {pass}% để đạt. Không sao, bạn có thể làm lại.", "You need {pass}% to pass. That is fine: you can try again.";
    result_review: "Nên xem lại các câu:", "Worth another look:";
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
    pin_not_digits: "mã PIN chỉ gồm chữ số từ 0 đến 9", "a PIN is made of digits 0 to 9 only";
    pin_too_short: "mã PIN cần ít nhất {min} chữ số", "a PIN needs at least {min} digits";
    pin_too_long: "mã PIN có nhiều nhất {max} chữ số", "a PIN has at most {max} digits";
    pin_all_same: "không dùng một chữ số lặp lại", "not one digit repeated";
    pin_run: "không dùng dãy số liên tiếp như 123456 hay 654321", "not digits in a row such as 123456 or 654321";
    pin_common: "đây là một trong những mã người ta thử đầu tiên", "it is one of the first PINs people try";
    ins_tab_today: "Hôm nay", "Today";
    ins_tab_residents: "Người học", "Residents";
    ins_tab_modules: "Bài học", "Modules";
    ins_tab_groups: "Tổ dân phố", "Groups";
    ins_pin_prompt: "Nhập mã PIN của người hướng dẫn rồi bấm Enter.", "Type the instructor PIN, then press Enter.";
    ins_pin_wrong: "Mã PIN không đúng.", "That PIN is not right.";
    ins_pin_wrong_left: "Mã PIN không đúng. Còn {n} lần thử trước khi phải chờ.", "That PIN is not right. {n} more tries before a wait.";
    ins_pin_locked: "Sai quá nhiều lần. Xin chờ khoảng {minutes} phút rồi thử lại.", "Too many wrong PINs. Please wait about {minutes} minutes, then try again.";
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
    ins_do_questions: "câu hỏi khó", "difficult questions";
    ins_do_log_out: "đăng xuất", "log out";
    ins_do_leave: "rời kiosk", "leave the kiosk";
    ins_do_attendance: "điểm danh", "attendance";
    ins_do_open_class: "mở buổi học", "open a class";
    ins_do_close_class: "kết thúc buổi học", "close the class";
    ins_do_search: "tìm tên", "search names";
    ins_do_correct: "sửa thông tin", "correct details";
    ins_do_indicators: "chỉ tiêu", "indicators";
    ins_do_register: "đăng ký mới", "register someone";
    ins_do_forget: "xóa người này", "forget this person";
    ins_do_type: "gõ chữ", "type";
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
    ins_need_class: "Hãy mở buổi học trước (F7).", "Open a class first (F7).";
    ins_trouble: "Chưa làm được: {why}", "Could not do that: {why}";
    ins_loading: "Đang tải…", "Loading…";
    ins_class_open: "Buổi học: {topic} · {instructor} · bắt đầu {time}", "Class: {topic} · {instructor} · since {time}";
    ins_class_closed: "Buổi học \"{topic}\" đã kết thúc lúc {time}. F7 để mở buổi mới.", "The class \"{topic}\" closed at {time}. F7 opens a new one.";
    ins_class_none: "Hôm nay chưa mở buổi học. Bấm F7 để mở.", "No class is open today. Press F7 to open one.";
    ins_today_counts: "Ngày {day}: {came} người đã đến, {here} người đang học, {help} người cần giúp", "{day}: {came} came, {here} at a seat now, {help} need help";
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
    ins_on_quiz: "Đang kiểm tra, đã trả lời {n} câu · {module}", "In the quiz, {n} answered · {module}";
    ins_on_passed: "Đạt {score}% · {module}", "Passed {score}% · {module}";
    ins_on_failed: "Chưa đạt {score}% · {module}", "Not passed {score}% · {module}";
    ins_help_stuck: "đứng một chỗ {minutes} phút", "on one screen {minutes} min";
    ins_help_failed: "trượt {n} lần: {module}", "failed {n} times: {module}";
    ins_search: "Tìm:", "Search:";
    ins_residents_count: "{n} người", "{n} people";
    ins_residents_found: "tìm thấy {n} người", "{n} found";
    ins_residents_none: "Chưa có người dân nào. Bấm F7 để đăng ký.", "No residents yet. Press F7 to register someone.";
    ins_residents_no_match: "Không thấy ai có tên này. Thử gõ ít chữ hơn.", "Nobody by that name. Try typing less of it.";
    ins_never: "chưa đến", "never";
    ins_true: "Đúng", "True";
    ins_false: "Sai", "False";
    ins_q_right: "{pct}% đúng ({n}/{total})", "{pct}% right ({n}/{total})";
    ins_q_wrong: "    Sai nhiều nhất: {answer} ({n} lần)", "    Most chosen wrong answer: {answer} ({n} times)";
    ins_questions_title: "Câu hỏi khó nhất trước: {module}", "Most difficult questions first: {module}";
    ins_questions_none: "Chưa ai làm bài kiểm tra này.", "Nobody has taken this quiz yet.";
    ins_groups_none: "Chưa có người dân nào.", "No residents yet.";
    ins_share_title: "Tỉ lệ hộ đạt từng chỉ tiêu · mục tiêu {target}% (|) · ✓ = đạt", "Households reached per indicator · target {target}% (|) · ✓ = at target";
    ins_share_hidden: "chưa hiện: {n} tổ (↑↓)", "not shown: {n} (↑↓)";
    ins_group_short: "Tổ {n}", "Group {n}";
    ins_open_class_title: "Mở buổi học", "Open a class";
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
    ins_confirm_forget: "Xóa mọi thông tin cá nhân của {name}? Không thể hoàn tác.", "Erase all personal details of {name}? This cannot be undone.";
    ins_confirm_close_class: "Kết thúc buổi học hôm nay?", "Close today's class?";
    ins_confirm_leave: "Rời kiosk và về màn hình dòng lệnh? Người học sẽ không dùng được máy này cho đến khi mở lại.", "Leave the kiosk for the command line? Learners cannot use this seat until it is started again.";
    ins_room_title: "Điểm danh: {topic}", "Attendance: {topic}";
    ins_room_counts: "Có mặt {present} · Muộn {late} · Có phép {excused} · Vắng {absent} · Chưa điểm danh {unmarked}", "Present {present} · Late {late} · Excused {excused} · Absent {absent} · Not marked {unmarked}";
    ins_room_add: "Thêm người:", "Add someone:";
    ins_room_match: "{name} (tổ {group})", "{name} (group {group})";
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

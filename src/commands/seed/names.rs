//! Made-up Vietnamese people for demo data: names with correct diacritics
//! (family name, middle name, given name), weighted roughly as they occur in
//! Vietnam, birth years of the seniors who come to a cultural house, phone
//! numbers, and household addresses in a Hanoi ward.

use rand::Rng;
use rand::rngs::StdRng;

/// Family names and their rough share of the population (per mille), from
/// the commonly cited surname statistics (Nguyễn about 38 %).
const FAMILY: &[(&str, u32)] = &[
    ("Nguyễn", 380),
    ("Trần", 110),
    ("Lê", 95),
    ("Phạm", 70),
    ("Hoàng", 40),
    ("Huỳnh", 15),
    ("Phan", 45),
    ("Vũ", 30),
    ("Võ", 10),
    ("Đặng", 21),
    ("Bùi", 20),
    ("Đỗ", 14),
    ("Hồ", 13),
    ("Ngô", 13),
    ("Dương", 10),
    ("Lý", 5),
];

const MIDDLE_MALE: &[&str] = &[
    "Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Xuân", "Ngọc", "Đình", "Thanh",
    "Mạnh", "Trọng",
];
const MIDDLE_FEMALE: &[&str] = &[
    "Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Bích", "Minh", "Hồng", "Thúy",
    "Phương",
];

const GIVEN_MALE: &[&str] = &[
    "Hùng", "Dũng", "Tuấn", "Minh", "Hải", "Sơn", "Thắng", "Long", "Nam", "Quang", "Bình", "Cường",
    "Đức", "Hòa", "Thành", "Tiến", "Việt", "Khánh", "Phúc", "Lâm", "Toàn", "Trung", "Hiếu", "Huy",
    "Kiên", "Lợi", "Nghĩa", "Quý", "Tâm", "Thịnh", "Vinh", "Chiến", "Định", "Giang", "Hưng",
    "Khải", "Luân", "Mạnh", "Phong", "Thọ",
];
const GIVEN_FEMALE: &[&str] = &[
    "Lan",
    "Hoa",
    "Hương",
    "Hằng",
    "Hạnh",
    "Hà",
    "Hiền",
    "Hồng",
    "Huệ",
    "Liên",
    "Loan",
    "Mai",
    "Nga",
    "Ngọc",
    "Nhung",
    "Oanh",
    "Phượng",
    "Thảo",
    "Thủy",
    "Thúy",
    "Trang",
    "Tuyết",
    "Vân",
    "Yến",
    "Xuân",
    "Dung",
    "Cúc",
    "Đào",
    "Bích",
    "Chi",
    "Duyên",
    "Giang",
    "Khuyên",
    "Lý",
    "Nguyệt",
    "Sen",
    "Tâm",
    "Thoa",
    "Lụa",
    "Quyên",
];

/// Streets and lanes of an inner Hanoi ward (Ba Đình), for addresses.
const STREETS: &[&str] = &[
    "Phúc Xá",
    "Nghĩa Dũng",
    "Hồng Hà",
    "Tân Ấp",
    "Phó Đức Chính",
    "Trúc Bạch",
    "Quán Thánh",
    "Hàng Bún",
    "Yên Ninh",
    "Châu Long",
    "Đặng Dung",
    "Nguyễn Trường Tộ",
    "Hòe Nhai",
    "Cửa Bắc",
    "Phan Đình Phùng",
    "Hàng Than",
];

/// Volunteers who teach the classes and verify indicators.
pub const INSTRUCTORS: &[&str] = &["Nguyễn Thu Trang", "Trần Minh Đức", "Lê Thị Bích Ngọc"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Male,
    Female,
}

/// A family name, weighted by how common it is.
pub fn family(rng: &mut StdRng) -> &'static str {
    let total: u32 = FAMILY.iter().map(|(_, w)| w).sum();
    let mut pick = rng.random_range(0..total);
    for (name, w) in FAMILY {
        if pick < *w {
            return name;
        }
        pick -= w;
    }
    FAMILY[0].0
}

/// "Family Middle Given", for example "Nguyễn Thị Lan".
pub fn full_name(rng: &mut StdRng, family: &str, sex: Sex) -> String {
    let (middle, given) = match sex {
        Sex::Male => (MIDDLE_MALE, GIVEN_MALE),
        Sex::Female => (MIDDLE_FEMALE, GIVEN_FEMALE),
    };
    let m = middle[rng.random_range(0..middle.len())];
    let mut g = given[rng.random_range(0..given.len())];
    // "Ngọc Ngọc" or "Minh Minh" is not a name anyone is given.
    while g == m {
        g = given[rng.random_range(0..given.len())];
    }
    format!("{family} {m} {g}")
}

/// A birth year for an older learner: mostly 1940–1975, most often in the
/// 1950s (the sum of two uniform draws peaks in the middle).
pub fn senior_birth_year(rng: &mut StdRng) -> i32 {
    1940 + (rng.random_range(0..=18) + rng.random_range(0..=17))
}

/// A Vietnamese mobile number as people write it: "0912 345 678".
pub fn phone(rng: &mut StdRng) -> String {
    const PREFIXES: &[&str] = &[
        "091", "098", "097", "096", "090", "094", "088", "086", "035", "038", "077", "083",
    ];
    let p = PREFIXES[rng.random_range(0..PREFIXES.len())];
    let n: u32 = rng.random_range(0..10_000_000);
    let digits = format!("{p}{n:07}");
    format!("{} {} {}", &digits[0..4], &digits[4..7], &digits[7..10])
}

/// The streets of residential group `group` (a group lives on one or two).
pub fn street_of_group(group: i64) -> &'static str {
    STREETS[(group as usize * 7) % STREETS.len()]
}

/// A household address in `group`: "Số 12, ngõ 45 Phúc Xá" or "Số 8 Hồng Hà".
pub fn address(rng: &mut StdRng, group: i64) -> String {
    let street = if rng.random_bool(0.8) {
        street_of_group(group)
    } else {
        street_of_group(group + 1)
    };
    let house = rng.random_range(1..=180);
    if rng.random_bool(0.6) {
        let lane = rng.random_range(1..=120);
        format!("Số {house}, ngõ {lane} {street}")
    } else {
        format!("Số {house} {street}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn names_are_nfc_three_part_and_vietnamese() {
        let mut rng = StdRng::seed_from_u64(7);
        for _ in 0..500 {
            let f = family(&mut rng);
            let sex = if rng.random_bool(0.5) {
                Sex::Male
            } else {
                Sex::Female
            };
            let name = full_name(&mut rng, f, sex);
            assert_eq!(crate::text::nfc(&name), name);
            assert_eq!(name.split(' ').count(), 3, "{name}");
            assert!(name.starts_with(f));
        }
        for list in [
            MIDDLE_MALE,
            MIDDLE_FEMALE,
            GIVEN_MALE,
            GIVEN_FEMALE,
            STREETS,
        ] {
            for w in list {
                assert_eq!(&crate::text::nfc(w), w, "{w} is not NFC");
            }
        }
    }

    #[test]
    fn nguyen_is_the_most_common_family_name() {
        let mut rng = StdRng::seed_from_u64(1);
        let n = 20_000;
        let nguyen = (0..n).filter(|_| family(&mut rng) == "Nguyễn").count();
        let share = nguyen as f64 / n as f64;
        assert!((0.33..0.43).contains(&share), "{share}");
    }

    #[test]
    fn birth_years_and_phones_look_real() {
        let mut rng = StdRng::seed_from_u64(3);
        for _ in 0..1000 {
            let y = senior_birth_year(&mut rng);
            assert!((1940..=1975).contains(&y));
            let p = phone(&mut rng);
            assert_eq!(p.len(), 12, "{p}");
            assert!(p.starts_with('0'));
        }
    }
}

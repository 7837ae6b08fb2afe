//! A made-up history of a cultural house for demo data: residents in
//! households and residential groups register, come to classes (attendance
//! marked by the instructor) and to open practice hours, sign in at a seat,
//! read the pages of the real lesson modules in order, take the quizzes with
//! mistakes that depend on the question and the person, retry what they
//! failed, leave quizzes half done, and have campaign indicators verified.
//!
//! Everything is drawn from one seeded random generator in a fixed order, and
//! every time is counted from a reference day given by the caller, so the
//! same plan always gives the same rows at the same site (ids included: UUID
//! v7 made from the event's time and seeded random bits, mixed with the site
//! id so that two cultural houses seeded alike never share an event id and
//! their bundles merge side by side).

use chrono::{Datelike, Local, NaiveDate, TimeZone, Weekday};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::names::{self, INSTRUCTORS, Sex};
use crate::lessons::{Answer, Curriculum, Module, Question, Response};
use crate::store::seed::{DemoAnswer, DemoResident, DemoResult, SeedWriter};

// Demo residents consented to the notice the registration screen shows now.
use crate::ui::app::CONSENT_VERSION;
/// Learners in one class at most (the room's chairs).
const ROOM: usize = 30;
/// Computers in one room.
const SEATS: usize = 10;
/// A class lasts two hours from 08:30.
const CLASS_START_MIN: i64 = 8 * 60 + 30;
/// Open practice from 14:00 to 16:30 on weekdays.
const OPEN_START_MIN: i64 = 14 * 60;
/// The kiosk signs an idle learner out after 5 minutes and a 30 s countdown.
const IDLE_SIGN_OUT_MS: i64 = 330_000;

/// What to make.
#[derive(Debug, Clone)]
pub struct Plan {
    pub residents: u32,
    /// Days of history, ending the day before `today`.
    pub days: u32,
    pub seed: u64,
    pub today: NaiveDate,
}

struct ModuleState {
    next_step: usize,
    passed: bool,
    attempts: u32,
    passed_at: Option<i64>,
}

/// A quiz the learner walked away from; the kiosk resumes it next time.
struct Pending {
    module: usize,
    id: String,
    session_id: String,
    started_at: i64,
    answers: Vec<(String, DemoAnswer)>,
}

struct Person {
    id: String,
    /// Day index of registration (negative: before the history window).
    registered: i64,
    created_at: i64,
    /// Chance of coming to a given class.
    engagement: f64,
    skill: f64,
    /// Reading-time factor (older learners read more slowly).
    slowness: f64,
    cohort: usize,
    has_phone: bool,
    modules: Vec<ModuleState>,
    pending: Option<Pending>,
    attended: bool,
}

struct Sim<'a> {
    rng: StdRng,
    plan: &'a Plan,
    modules: &'a [Module],
    /// Per module, per question: how hard it is (subtracted from skill).
    difficulty: Vec<Vec<f64>>,
    indicators: &'a [String],
    /// Local midnight of each day of the window and of `today`, in UTC ms.
    day_start: Vec<i64>,
    people: Vec<Person>,
    cohorts: usize,
    /// Mixed into every id's random bits: this site's own.
    id_salt: [u8; 10],
}

/// Ten bytes that depend on `site` only (FNV-1a, stable across builds,
/// unlike the standard library's hasher).
fn site_salt(site: &str) -> [u8; 10] {
    let fnv = |basis: u64| {
        site.bytes().fold(basis, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
    };
    let (a, b) = (fnv(0xcbf2_9ce4_8422_2325), fnv(0x6c62_272e_07bb_0142));
    let mut salt = [0u8; 10];
    salt[..8].copy_from_slice(&a.to_le_bytes());
    salt[8..].copy_from_slice(&b.to_le_bytes()[..2]);
    salt
}

/// Writes the whole history through `w`.
pub fn fill(
    w: &mut SeedWriter,
    plan: &Plan,
    curriculum: &Curriculum,
    indicators: &[String],
) -> rusqlite::Result<()> {
    let mut rng = StdRng::seed_from_u64(plan.seed);
    let modules = &curriculum.modules[..];
    let difficulty = modules
        .iter()
        .map(|m| {
            m.quiz
                .iter()
                .map(|_| {
                    if rng.random_bool(0.15) {
                        rng.random_range(0.35..0.55)
                    } else {
                        rng.random_range(0.0..0.25)
                    }
                })
                .collect()
        })
        .collect();
    let first = plan.today - chrono::Days::new(plan.days as u64);
    let day_start = (0..=plan.days as i64)
        .map(|d| local_midnight_ms(first + chrono::Days::new(d as u64)))
        .collect();
    let mut sim = Sim {
        rng,
        plan,
        modules,
        difficulty,
        indicators,
        day_start,
        people: Vec::new(),
        cohorts: (plan.residents as usize).div_ceil(400).max(1),
        id_salt: site_salt(w.site_id()),
    };
    sim.residents(w)?;
    let mut topic = 0usize;
    for d in 0..plan.days as i64 {
        let date = first + chrono::Days::new(d as u64);
        match date.weekday() {
            Weekday::Sun => {}
            Weekday::Tue | Weekday::Thu | Weekday::Sat => {
                for cohort in 0..sim.cohorts {
                    sim.class(w, d, cohort, topic)?;
                }
                topic += 1;
                if date.weekday() != Weekday::Sat {
                    sim.open_hours(w, d)?;
                }
            }
            _ => sim.open_hours(w, d)?,
        }
    }
    sim.flush_pending(w)?;
    sim.indicators(w)
}

fn local_midnight_ms(date: NaiveDate) -> i64 {
    let midnight = date.and_hms_opt(0, 0, 0).expect("midnight exists");
    Local
        .from_local_datetime(&midnight)
        .earliest()
        // A day whose midnight is skipped by a clock change starts an hour on.
        .unwrap_or_else(|| Local.from_utc_datetime(&midnight))
        .timestamp_millis()
}

impl Sim<'_> {
    /// A UUID v7 for an event at `at`, with seeded random bits mixed with
    /// the site's salt (the generator's sequence stays the same).
    fn id(&mut self, at: i64) -> String {
        let mut bytes = [0u8; 10];
        self.rng.fill(&mut bytes);
        for (b, s) in bytes.iter_mut().zip(self.id_salt) {
            *b ^= s;
        }
        uuid::Builder::from_unix_timestamp_millis(at.max(0) as u64, &bytes)
            .into_uuid()
            .to_string()
    }

    fn at(&self, day: i64, minute: i64) -> i64 {
        let start = match self.day_start.get(day as usize) {
            Some(ms) if day >= 0 => *ms,
            // Registered before the window.
            _ => {
                let first = self.plan.today - chrono::Days::new(self.plan.days as u64);
                let date = if day >= 0 {
                    first + chrono::Days::new(day as u64)
                } else {
                    first - chrono::Days::new(day.unsigned_abs())
                };
                local_midnight_ms(date)
            }
        };
        start + minute * 60_000
    }

    fn residents(&mut self, w: &mut SeedWriter) -> rusqlite::Result<()> {
        let n = self.plan.residents as usize;
        let groups = n.div_ceil(60).clamp(1, 99) as i64;
        let mut names_so_far: Vec<(String, Sex)> = Vec::new();
        while self.people.len() < n {
            let group = self.rng.random_range(1..=groups);
            let household = names::address(&mut self.rng, group);
            let size = match self.rng.random_range(0..100) {
                0..25 => 1,
                25..65 => 2,
                65..90 => 3,
                _ => 4,
            }
            .min(n - self.people.len());
            // The older couple first, then grown children, who take the
            // father's family name; women keep their own family name.
            let husband_family = names::family(&mut self.rng);
            let head_year = names::senior_birth_year(&mut self.rng);
            for member in 0..size {
                let (sex, family, year) = match member {
                    0 => (Sex::Male, husband_family, head_year),
                    1 => (
                        Sex::Female,
                        names::family(&mut self.rng),
                        (head_year + self.rng.random_range(0..=6)).min(1975),
                    ),
                    _ => (
                        if self.rng.random_bool(0.5) {
                            Sex::Male
                        } else {
                            Sex::Female
                        },
                        husband_family,
                        head_year + self.rng.random_range(22..=32),
                    ),
                };
                // A single-person household is more often a widow.
                let sex = if size == 1 && self.rng.random_bool(0.7) {
                    Sex::Female
                } else {
                    sex
                };
                let family = if size == 1 && sex == Sex::Female {
                    names::family(&mut self.rng)
                } else {
                    family
                };
                // Namesakes on purpose: about 1 in 30 shares a full name with
                // someone already registered, as happens in every ward.
                let full_name = match names_so_far.iter().filter(|(_, s)| *s == sex).count() {
                    c if c > 0 && self.rng.random_bool(0.035) => {
                        let k = self.rng.random_range(0..c);
                        names_so_far
                            .iter()
                            .filter(|(_, s)| *s == sex)
                            .nth(k)
                            .map(|(name, _)| name.clone())
                            .expect("k < count")
                    }
                    _ => names::full_name(&mut self.rng, family, sex),
                };
                names_so_far.push((full_name.clone(), sex));
                let has_phone = self.rng.random_bool(if year < 1950 { 0.55 } else { 0.85 });
                let phone =
                    (has_phone && self.rng.random_bool(0.8)).then(|| names::phone(&mut self.rng));
                let registered = if self.rng.random_bool(0.35) {
                    -self.rng.random_range(1..=180)
                } else {
                    self.rng.random_range(0..self.plan.days.max(1) as i64)
                };
                let minute = 8 * 60 + self.rng.random_range(0..25);
                let created_at = self.at(registered, minute) + self.rng.random_range(0..60_000);
                let id = w.resident(&DemoResident {
                    full_name,
                    birth_year: year,
                    group_no: group,
                    household: household.clone(),
                    phone,
                    consent_version: CONSENT_VERSION.into(),
                    created_at,
                })?;
                let age_factor = ((1975 - year).max(0) as f64) / 35.0; // 0 young .. 1 oldest
                let engagement = if self.rng.random_bool(0.25) {
                    0.0 // registered, never came back
                } else {
                    self.rng.random_range(0.25..0.9)
                };
                let modules = self
                    .modules
                    .iter()
                    .map(|_| ModuleState {
                        next_step: 0,
                        passed: false,
                        attempts: 0,
                        passed_at: None,
                    })
                    .collect();
                self.people.push(Person {
                    id,
                    registered,
                    created_at,
                    engagement,
                    skill: self.rng.random_range(0.8..0.99) - 0.12 * age_factor,
                    slowness: 1.0 + 0.6 * age_factor + self.rng.random_range(0.0..0.3),
                    cohort: (group as usize) % self.cohorts,
                    has_phone,
                    modules,
                    pending: None,
                    attended: false,
                });
            }
        }
        Ok(())
    }

    /// A morning class for `cohort` on day `d`: attendance, then everyone
    /// who came takes turns at the room's computers.
    fn class(
        &mut self,
        w: &mut SeedWriter,
        d: i64,
        cohort: usize,
        topic: usize,
    ) -> rusqlite::Result<()> {
        let mut candidates: Vec<usize> = (0..self.people.len())
            .filter(|&i| {
                let p = &self.people[i];
                p.cohort == cohort && p.registered <= d && p.engagement > 0.0
            })
            .collect();
        if candidates.is_empty() {
            return Ok(());
        }
        // A fair shuffle (Fisher–Yates) so the room's chairs go to different people.
        for i in (1..candidates.len()).rev() {
            let j = self.rng.random_range(0..=i);
            candidates.swap(i, j);
        }
        let start = self.at(d, CLASS_START_MIN);
        let end = start + 120 * 60_000;
        let instructor = INSTRUCTORS[(d as usize + cohort) % INSTRUCTORS.len()];
        let title = self
            .modules
            .get(topic % self.modules.len().max(1))
            .map(|m| m.title.vi.clone())
            .unwrap_or_else(|| "Ôn tập".into());
        let class_id = self.id(start);
        w.class_session(
            &class_id,
            &(self.plan.today - chrono::Days::new(self.plan.days as u64)
                + chrono::Days::new(d as u64))
            .format("%Y-%m-%d")
            .to_string(),
            start,
            Some(end),
            &title,
            instructor,
        )?;
        let mut present = Vec::new();
        for &i in &candidates {
            let comes = present.len() < ROOM && self.rng.random_bool(self.people[i].engagement);
            if comes {
                let late = self.rng.random_bool(0.12);
                let mark_at = start
                    + self.rng.random_range(0..15) * 60_000
                    + if late { 20 * 60_000 } else { 0 };
                let mark_id = self.id(mark_at);
                let rid = self.people[i].id.clone();
                w.attendance(
                    &mark_id,
                    &class_id,
                    &rid,
                    if late { "late" } else { "present" },
                    instructor,
                    mark_at,
                )?;
                // Now and then the instructor corrects a mark; the newest wins.
                if self.rng.random_bool(0.03) {
                    let fix_at = mark_at + self.rng.random_range(1..30) * 60_000;
                    let fix_id = self.id(fix_at);
                    let status = if late { "present" } else { "late" };
                    w.attendance(&fix_id, &class_id, &rid, status, instructor, fix_at)?;
                }
                present.push((i, late));
            } else if self.people[i].attended && self.rng.random_bool(0.15) {
                // Regulars who did not come are marked too.
                let mark_at = start + self.rng.random_range(0..20) * 60_000;
                let mark_id = self.id(mark_at);
                let rid = self.people[i].id.clone();
                let status = if self.rng.random_bool(0.4) {
                    "excused"
                } else {
                    "absent"
                };
                w.attendance(&mark_id, &class_id, &rid, status, instructor, mark_at)?;
            }
        }
        for (k, &(i, late)) in present.iter().enumerate() {
            self.people[i].attended = true;
            let seat = (cohort * SEATS + k % SEATS + 1).to_string();
            let turn = (k / SEATS) as i64;
            let begin = start + turn * 40 * 60_000 + if late { 25 * 60_000 } else { 5 * 60_000 };
            let budget = self.rng.random_range(25..40) * 60_000;
            self.sitting(w, i, &seat, begin, (begin + budget).min(end))?;
        }
        Ok(())
    }

    /// Open practice on weekday afternoons: a few regulars drop in.
    fn open_hours(&mut self, w: &mut SeedWriter, d: i64) -> rusqlite::Result<()> {
        let mut k = 0;
        for i in 0..self.people.len() {
            let p = &self.people[i];
            if p.registered > d || p.engagement == 0.0 {
                continue;
            }
            if self.rng.random_bool(p.engagement * 0.12) {
                let minute = OPEN_START_MIN + self.rng.random_range(0..120);
                let begin = self.at(d, minute);
                let budget = self.rng.random_range(15..50) * 60_000;
                let seat = (k % SEATS + 1).to_string();
                k += 1;
                self.sitting(w, i, &seat, begin, begin + budget)?;
            }
        }
        Ok(())
    }

    /// One sign-in: the learner carries on where they left off until the
    /// time runs out (then they either sign out or walk away and the kiosk
    /// signs them out after the idle timeout).
    fn sitting(
        &mut self,
        w: &mut SeedWriter,
        i: usize,
        seat: &str,
        begin: i64,
        until: i64,
    ) -> rusqlite::Result<()> {
        let session = self.id(begin);
        let rid = self.people[i].id.clone();
        let mut t = begin + self.rng.random_range(20..90) * 1000; // finding oneself by name
        let mut walked_away = false;
        let mut resumed = false;
        while t < until {
            if let Some(m) = self.people[i].pending.as_ref().map(|p| p.module) {
                if !self.answer_quiz(w, i, m, &mut t, until)? {
                    walked_away = self.rng.random_bool(0.35);
                }
                continue;
            }
            let Some(m) = self.next_module(i) else {
                break; // every module passed
            };
            let steps = self.modules[m].steps.len();
            let next = self.people[i].modules[m].next_step;
            if !resumed && next > 0 && next <= steps {
                // Signing in again shows the page last seen.
                let page = next - 1;
                let id = self.id(t);
                w.step_view(&id, Some(&session), &rid, &self.modules[m].id, page, t)?;
                t += self.read_time(i);
            }
            resumed = true;
            if self.people[i].modules[m].next_step < steps {
                let page = self.people[i].modules[m].next_step;
                let id = self.id(t);
                w.step_view(&id, Some(&session), &rid, &self.modules[m].id, page, t)?;
                t += self.read_time(i);
                // Sometimes a learner goes back one page to read it again.
                if page > 0 && self.rng.random_bool(0.05) {
                    let id = self.id(t);
                    w.step_view(&id, Some(&session), &rid, &self.modules[m].id, page - 1, t)?;
                    t += self.read_time(i);
                    let id = self.id(t);
                    w.step_view(&id, Some(&session), &rid, &self.modules[m].id, page, t)?;
                    t += self.read_time(i) / 3;
                }
                self.people[i].modules[m].next_step = page + 1;
                if t >= until {
                    walked_away = self.rng.random_bool(0.3);
                }
            } else if self.modules[m].quiz.is_empty() {
                self.pass(i, m, t);
            } else {
                let id = self.id(t);
                self.people[i].pending = Some(Pending {
                    module: m,
                    id,
                    session_id: session.clone(),
                    started_at: t,
                    answers: Vec::new(),
                });
                if !self.answer_quiz(w, i, m, &mut t, until)? {
                    walked_away = self.rng.random_bool(0.35);
                }
            }
        }
        let (ended, reason) = if walked_away {
            (t + IDLE_SIGN_OUT_MS, "idle")
        } else if self.rng.random_bool(0.03) {
            (t, "closed")
        } else {
            (t + self.rng.random_range(3..15) * 1000, "sign-out")
        };
        w.seat_session(&session, &rid, Some(seat), begin, Some(ended), Some(reason))
    }

    /// The first module the learner may take and has not passed (now and
    /// then a later one that is open to them, as people skip ahead).
    fn next_module(&mut self, i: usize) -> Option<usize> {
        let p = &self.people[i];
        let open: Vec<usize> = (0..self.modules.len())
            .filter(|&m| !p.modules[m].passed)
            .filter(|&m| {
                self.modules[m].prerequisites.iter().all(|req| {
                    self.modules
                        .iter()
                        .position(|x| &x.id == req)
                        .is_none_or(|r| p.modules[r].passed)
                })
            })
            .collect();
        let started = open.iter().copied().find(|&m| p.modules[m].next_step > 0);
        match started {
            Some(m) => Some(m),
            None if open.len() > 1 && self.rng.random_bool(0.15) => Some(open[1]),
            None => open.first().copied(),
        }
    }

    fn read_time(&mut self, i: usize) -> i64 {
        let secs = self.rng.random_range(25.0..90.0) * self.people[i].slowness;
        (secs * 1000.0) as i64
    }

    /// Answers the pending quiz's next questions until it is done (true) or
    /// the time is up (false: the learner walked away mid-quiz).
    fn answer_quiz(
        &mut self,
        w: &mut SeedWriter,
        i: usize,
        m: usize,
        t: &mut i64,
        until: i64,
    ) -> rusqlite::Result<bool> {
        let modules = self.modules;
        let module = &modules[m];
        loop {
            let done = self.people[i]
                .pending
                .as_ref()
                .map_or(0, |p| p.answers.len());
            if done == module.quiz.len() {
                break;
            }
            if *t >= until {
                return Ok(false);
            }
            *t += (self.rng.random_range(15.0..60.0) * self.people[i].slowness * 1000.0) as i64;
            let q = &module.quiz[done];
            let attempt_no = self.people[i].modules[m].attempts as f64;
            let p_right = (self.people[i].skill - self.difficulty[m][done] + 0.08 * attempt_no)
                .clamp(0.05, 0.97);
            let response = if self.rng.random_bool(p_right) {
                right_response(q)
            } else {
                wrong_response(&mut self.rng, q)
            };
            let correct = q.is_correct(&response);
            let id = self.id(*t);
            let answer = DemoAnswer {
                question_id: q.id.clone(),
                response: response.encode(),
                correct,
                at: *t,
            };
            if let Some(p) = self.people[i].pending.as_mut() {
                p.answers.push((id, answer));
            }
        }
        let pending = self.people[i].pending.take().expect("a quiz is under way");
        let total = module.quiz.len() as u32;
        let right = pending.answers.iter().filter(|(_, a)| a.correct).count() as u32;
        let score = crate::lessons::score_percent(right as usize, total as usize);
        let passed = score >= module.pass_percent;
        *t += 5_000;
        let result = DemoResult {
            correct: right,
            total,
            score,
            threshold: module.pass_percent,
            passed,
            at: *t,
        };
        self.write_attempt(w, i, pending, Some(&result))?;
        self.people[i].modules[m].attempts += 1;
        if passed {
            self.pass(i, m, *t);
        } else {
            // "What to review": back to a page near the end, then retry.
            let steps = module.steps.len();
            let back = self.rng.random_range(1..=steps.clamp(1, 3));
            self.people[i].modules[m].next_step = steps.saturating_sub(back);
            self.people[i].skill += 0.05;
        }
        *t += self.rng.random_range(10..40) * 1000; // reading the result screen
        Ok(true)
    }

    fn pass(&mut self, i: usize, m: usize, at: i64) {
        let st = &mut self.people[i].modules[m];
        st.passed = true;
        st.passed_at = Some(at);
    }

    fn write_attempt(
        &self,
        w: &mut SeedWriter,
        i: usize,
        p: Pending,
        result: Option<&DemoResult>,
    ) -> rusqlite::Result<()> {
        let modules = self.modules;
        let module = &modules[p.module];
        let order: Vec<String> = module.quiz.iter().map(|q| q.id.clone()).collect();
        w.attempt(
            &p.id,
            Some(&p.session_id),
            &self.people[i].id,
            &module.id,
            &order,
            p.started_at,
            &p.answers,
            result,
        )
    }

    /// Quizzes left half done at the end stay unfinished (the kiosk would
    /// resume them at the next sign-in).
    fn flush_pending(&mut self, w: &mut SeedWriter) -> rusqlite::Result<()> {
        for i in 0..self.people.len() {
            if let Some(p) = self.people[i].pending.take() {
                self.write_attempt(w, i, p, None)?;
            }
        }
        Ok(())
    }

    /// Indicators the instructors verified: owning a smartphone at
    /// registration, and what a passed module teaches some days later.
    fn indicators(&mut self, w: &mut SeedWriter) -> rusqlite::Result<()> {
        let window_end = self.at(self.plan.days as i64, 0) - 60_000;
        for i in 0..self.people.len() {
            let rid = self.people[i].id.clone();
            let who = INSTRUCTORS[i % INSTRUCTORS.len()];
            if self.people[i].has_phone
                && self.indicators.iter().any(|x| x == "smartphone")
                && self.rng.random_bool(0.9)
            {
                let at = self.people[i].created_at + self.rng.random_range(1..5) * 60_000;
                let id = self.id(at);
                w.indicator(&id, &rid, "smartphone", true, who, at)?;
            }
            let modules = self.modules;
            for (m, module) in modules.iter().enumerate() {
                let Some(passed_at) = self.people[i].modules[m].passed_at else {
                    continue;
                };
                for ind in &module.indicators {
                    if ind == "smartphone"
                        || !self.indicators.contains(ind)
                        || !self.rng.random_bool(0.65)
                    {
                        continue;
                    }
                    if self.rng.random_bool(0.08) {
                        // Checked once too early ("not yet"), then again.
                        let at = passed_at + 60_000;
                        let id = self.id(at);
                        w.indicator(&id, &rid, ind, false, who, at)?;
                    }
                    let later = passed_at + self.rng.random_range(10..(7 * 24 * 60)) * 60_000;
                    let at = if later <= window_end {
                        later
                    } else {
                        passed_at + 10 * 60_000
                    };
                    let id = self.id(at);
                    w.indicator(&id, &rid, ind, true, who, at)?;
                }
            }
        }
        Ok(())
    }
}

fn right_response(q: &Question) -> Response {
    match &q.answer {
        Answer::Single(a) => Response::Single(*a),
        Answer::Multi(a) => Response::Multi(a.clone()),
        Answer::TrueFalse(b) => Response::TrueFalse(*b),
        Answer::Order => Response::Order((0..q.choices.len()).collect()),
    }
}

/// A mistake people really make: another choice, one box too few or too
/// many, the opposite of true/false, two neighbours swapped.
fn wrong_response(rng: &mut StdRng, q: &Question) -> Response {
    let n = q.choices.len();
    match &q.answer {
        Answer::Single(a) if n > 1 => {
            let mut r = rng.random_range(0..n - 1);
            if r >= *a {
                r += 1;
            }
            Response::Single(r)
        }
        Answer::Multi(a) => {
            let mut r = a.clone();
            let missing: Vec<usize> = (0..n).filter(|c| !a.contains(c)).collect();
            if (r.len() > 1 && rng.random_bool(0.5)) || missing.is_empty() {
                let k = rng.random_range(0..r.len());
                r.remove(k);
            } else {
                r.push(missing[rng.random_range(0..missing.len())]);
                r.sort_unstable();
            }
            Response::Multi(r)
        }
        Answer::TrueFalse(b) => Response::TrueFalse(!b),
        Answer::Order if n > 1 => {
            let mut r: Vec<usize> = (0..n).collect();
            let k = rng.random_range(0..n - 1);
            r.swap(k, k + 1);
            Response::Order(r)
        }
        _ => right_response(q),
    }
}

//! Calendar dates for date questions and time windows: a patient's answer (a day, or only a
//! month and year), the study dates a definition says are not fixed yet, and how long before an
//! anchor (today, or a study date) a date falls.
//!
//! A window is decided only when it is decided for every day the answer and the anchor could be:
//! an answer given as a month stands for each of its days, and a study date stands for each day
//! of the range the definition gives for it. Near the edge of a window that leaves some days in
//! and some out, the answer cannot decide it and the study team checks the dates, so the widget
//! never gives a wrong yes or no there. Months and years are counted on the calendar (from 31 March
//! back one month is 28 or 29 February), days and weeks as days.

use super::names::named_enum;
use super::truth::Truth;
use std::cmp::Ordering;

/// A day of the Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl CalendarDate {
    /// The date, if it exists (no 30 February); years 1 to 9999.
    pub fn new(year: i32, month: u8, day: u8) -> Option<CalendarDate> {
        ((1..=9999).contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(CalendarDate { year, month, day })
    }

    /// Reads `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<CalendarDate> {
        let mut parts = text.split('-');
        let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return None;
        }
        CalendarDate::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    }

    /// Days since 1 January 1970 (negative before), by Howard Hinnant's `days_from_civil`.
    pub fn to_days(self) -> i64 {
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = i64::from(self.month);
        let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` days since 1 January 1970, by Howard Hinnant's `civil_from_days`.
    pub fn from_days(days: i64) -> CalendarDate {
        let days = days + 719_468;
        let era = days.div_euclid(146_097);
        let day_of_era = days - era * 146_097;
        let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
        let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        CalendarDate { year: year as i32, month: month as u8, day: day as u8 }
    }

    pub fn add_days(self, days: i64) -> CalendarDate {
        CalendarDate::from_days(self.to_days() + days)
    }

    /// The same day `months` calendar months later (earlier when negative), or the month's last day
    /// when it is shorter.
    pub fn add_months(self, months: i64) -> CalendarDate {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + months;
        let year = index.div_euclid(12) as i32;
        let month = (index.rem_euclid(12) + 1) as u8;
        CalendarDate { year, month, day: self.day.min(days_in_month(year, month)) }
    }

    /// Whole years from `birth` to `self`, as an age is counted.
    pub fn years_since(self, birth: CalendarDate) -> i64 {
        let mut years = i64::from(self.year - birth.year);
        if (self.month, self.day) < (birth.month, birth.day) {
            years -= 1;
        }
        years
    }
}

impl std::fmt::Display for CalendarDate {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// A date as a patient gave it: a day, or only a month and year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateAnswer {
    pub year: i32,
    pub month: u8,
    /// None when the patient gave only the month.
    pub day: Option<u8>,
}

impl DateAnswer {
    /// The first and last day the answer could be.
    pub fn days(self) -> Option<(CalendarDate, CalendarDate)> {
        match self.day {
            Some(day) => CalendarDate::new(self.year, self.month, day).map(|date| (date, date)),
            None => Some((
                CalendarDate::new(self.year, self.month, 1)?,
                CalendarDate::new(self.year, self.month, days_in_month(self.year, self.month))?,
            )),
        }
    }

    /// `2026-03-15`, or `2026-03` for a month, as answers files write it.
    pub fn to_iso(self) -> String {
        match self.day {
            Some(day) => format!("{:04}-{:02}-{day:02}", self.year, self.month),
            None => format!("{:04}-{:02}", self.year, self.month),
        }
    }

    /// Reads `2026-03-15` or `2026-03`.
    pub fn parse(text: &str) -> Option<DateAnswer> {
        if let Some(date) = CalendarDate::parse(text) {
            return Some(DateAnswer { year: date.year, month: date.month, day: Some(date.day) });
        }
        let (year, month) = text.split_once('-')?;
        if year.len() != 4 || month.len() != 2 {
            return None;
        }
        let answer = DateAnswer { year: year.parse().ok()?, month: month.parse().ok()?, day: None };
        answer.days().map(|_| answer)
    }
}

named_enum! {
    /// The unit of a time window.
    pub enum DurationUnit {
        Days = "days" | "day",
        Weeks = "weeks" | "week",
        Months = "months" | "month",
        Years = "years" | "year",
    }
}

/// How much time: `28 days`, `6 months`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Duration {
    pub amount: u32,
    pub unit: DurationUnit,
}

impl Duration {
    /// The date this much time before `date`.
    pub fn before(self, date: CalendarDate) -> CalendarDate {
        let amount = i64::from(self.amount);
        match self.unit {
            DurationUnit::Days => date.add_days(-amount),
            DurationUnit::Weeks => date.add_days(-7 * amount),
            DurationUnit::Months => date.add_months(-amount),
            DurationUnit::Years => date.add_months(-12 * amount),
        }
    }
}

/// Whether "from the date to the anchor is `relation` `duration`" holds, for a date and an anchor
/// each known only to lie in a range of days: true or false when it holds for every pair or for
/// none, `ForStudyTeam` when it depends on which days they turn out to be.
pub fn elapsed_truth(
    (date_first, date_last): (CalendarDate, CalendarDate),
    (anchor_first, anchor_last): (CalendarDate, CalendarDate),
    relation: Ordering,
    or_equal: bool,
    duration: Duration,
) -> Truth {
    // "At least `duration` before the anchor" is "on or before the anchor minus `duration`", which
    // is later for a later anchor: the extremes are the earliest and latest pairs.
    let (earliest_cut, latest_cut) = (duration.before(anchor_first), duration.before(anchor_last));
    let (always, never) = match (relation, or_equal) {
        // Elapsed ≥ duration: the date is on or before the cut.
        (Ordering::Greater, true) => (date_last <= earliest_cut, date_first > latest_cut),
        // Elapsed > duration: the date is before the cut.
        (Ordering::Greater, false) => (date_last < earliest_cut, date_first >= latest_cut),
        // Elapsed ≤ duration: the date is on or after the cut.
        (Ordering::Less, true) => (date_first >= latest_cut, date_last < earliest_cut),
        // Elapsed < duration: the date is after the cut.
        (Ordering::Less, false) => (date_first > latest_cut, date_last <= earliest_cut),
        (Ordering::Equal, _) => (false, false),
    };
    if always {
        Truth::True
    } else if never {
        Truth::False
    } else {
        Truth::ForStudyTeam
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> CalendarDate {
        CalendarDate::parse(text).unwrap_or_else(|| panic!("{text} is a date"))
    }

    fn day(text: &str) -> (CalendarDate, CalendarDate) {
        (date(text), date(text))
    }

    const FOUR_WEEKS: Duration = Duration { amount: 28, unit: DurationUnit::Days };
    const SIX_MONTHS: Duration = Duration { amount: 6, unit: DurationUnit::Months };

    #[test]
    fn days_round_trip_and_count_leap_years() {
        assert_eq!(date("1970-01-01").to_days(), 0);
        assert_eq!(date("2000-03-01").to_days() - date("2000-02-28").to_days(), 2, "2000 was a leap year");
        assert_eq!(date("1900-03-01").to_days() - date("1900-02-28").to_days(), 1, "1900 was not");
        for days in [-1_000_000, -1, 0, 1, 19_000, 20_500, 2_000_000] {
            assert_eq!(CalendarDate::from_days(days).to_days(), days);
        }
        assert_eq!(CalendarDate::parse("2026-02-30"), None);
        assert_eq!(CalendarDate::parse("2026-2-3"), None);
    }

    #[test]
    fn months_are_counted_on_the_calendar() {
        assert_eq!(date("2026-03-31").add_months(-1), date("2026-02-28"));
        assert_eq!(date("2024-03-31").add_months(-1), date("2024-02-29"));
        assert_eq!(date("2026-01-15").add_months(-1), date("2025-12-15"));
        assert_eq!(SIX_MONTHS.before(date("2026-11-27")), date("2026-05-27"));
    }

    #[test]
    fn ages_are_whole_years_at_the_last_birthday() {
        assert_eq!(date("2026-11-27").years_since(date("2008-11-27")), 18);
        assert_eq!(date("2026-11-26").years_since(date("2008-11-27")), 17);
        assert_eq!(date("2025-02-28").years_since(date("2008-02-29")), 16, "a 29 February birthday");
        assert_eq!(date("2025-03-01").years_since(date("2008-02-29")), 17);
    }

    /// "At least 28 days before today", at the edge from both sides.
    #[test]
    fn a_window_back_from_today_at_its_edge() {
        let today = day("2026-11-27");
        let at_least = |answer: &str| elapsed_truth(day(answer), today, Ordering::Greater, true, FOUR_WEEKS);
        assert_eq!(at_least("2026-10-30"), Truth::True, "exactly 28 days");
        assert_eq!(at_least("2026-10-31"), Truth::False, "27 days");
        let more_than = |answer: &str| elapsed_truth(day(answer), today, Ordering::Greater, false, FOUR_WEEKS);
        assert_eq!(more_than("2026-10-30"), Truth::False, "28 days is not more than 28");
        assert_eq!(more_than("2026-10-29"), Truth::True);
        let within = |answer: &str| elapsed_truth(day(answer), today, Ordering::Less, true, SIX_MONTHS);
        assert_eq!(within("2026-05-27"), Truth::True, "exactly 6 months ago");
        assert_eq!(within("2026-05-26"), Truth::False);
        assert_eq!(within("2026-11-27"), Truth::True, "today");
    }

    /// A month-only answer is decided only when every day of the month decides it the same way.
    #[test]
    fn a_month_answer_near_the_edge_is_for_the_study_team() {
        let today = day("2026-11-27");
        let month = |text: &str| DateAnswer::parse(text).and_then(DateAnswer::days).unwrap_or_else(|| panic!("{text}"));
        let within = |answer: &str| elapsed_truth(month(answer), today, Ordering::Less, true, SIX_MONTHS);
        assert_eq!(within("2026-06"), Truth::True, "every day of June is within six months");
        assert_eq!(within("2026-04"), Truth::False, "no day of April is");
        assert_eq!(within("2026-05"), Truth::ForStudyTeam, "1 May is not, 31 May is");
    }

    /// "At least 28 days before randomization", with randomization 7 to 42 days from today: only
    /// dates that fit every randomization day are decided.
    #[test]
    fn a_window_back_from_a_study_date_not_yet_fixed() {
        let today = date("2026-11-27");
        let randomization = (today.add_days(7), today.add_days(42));
        let washout = |answer: &str| elapsed_truth(day(answer), randomization, Ordering::Greater, true, FOUR_WEEKS);
        // The earliest randomization is 4 December: 28 days before it is 6 November.
        assert_eq!(washout("2026-11-06"), Truth::True, "28 days before even the earliest randomization");
        assert_eq!(washout("2026-11-07"), Truth::ForStudyTeam, "enough only if randomization is later");
        // The latest is 8 January: a date after 11 December can never be 28 days before it.
        assert_eq!(washout("2026-12-11"), Truth::ForStudyTeam);
        assert_eq!(washout("2026-12-12"), Truth::False);
    }

    #[test]
    fn answers_read_and_write_days_and_months() {
        assert_eq!(DateAnswer::parse("2026-03-15"), Some(DateAnswer { year: 2026, month: 3, day: Some(15) }));
        assert_eq!(DateAnswer::parse("2026-03"), Some(DateAnswer { year: 2026, month: 3, day: None }));
        assert_eq!(DateAnswer::parse("2026-13"), None);
        assert_eq!(DateAnswer::parse("2026-02-30"), None);
        assert_eq!(DateAnswer { year: 2026, month: 3, day: None }.to_iso(), "2026-03");
    }
}

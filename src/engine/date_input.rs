//! Reading a date as a patient types it into three fields (day, month, year), the way the GOV.UK
//! date pattern asks: the day may be left empty when only the month is known; the month may be a
//! number or a name ("March", "mar", "三月", "3月"); full-width digits and the 年/月/日 (号) a
//! Chinese input method adds are read. A two-digit year is refused rather than guessed.

use super::dates::{days_in_month, DateAnswer};
use super::number_input::normalise_width;
use std::fmt;

/// Why the fields do not make a date, by field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateInputError {
    /// No year typed (a month is needed too, and is reported on its own field).
    YearMissing,
    /// A year that is not four digits, such as `24` (2024 or 1924?).
    YearNotFourDigits,
    MonthMissing,
    /// Not a month number from 1 to 12 or a month's name.
    MonthNotValid,
    /// Not a day of that month; holds how many days the month has (0 when the month is unknown).
    DayNotValid(u8),
}

impl fmt::Display for DateInputError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateInputError::YearMissing => formatter.write_str("enter the year"),
            DateInputError::YearNotFourDigits => formatter.write_str("enter the year with four digits"),
            DateInputError::MonthMissing => formatter.write_str("enter the month"),
            DateInputError::MonthNotValid => formatter.write_str("enter the month as a number from 1 to 12"),
            DateInputError::DayNotValid(0) => formatter.write_str("enter a day from 1 to 31"),
            DateInputError::DayNotValid(days) => write!(formatter, "enter a day from 1 to {days}"),
        }
    }
}

/// Which of the three fields a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatePart {
    Day,
    Month,
    Year,
}

const MONTH_NAMES: [[&str; 2]; 12] = [
    ["january", "jan"],
    ["february", "feb"],
    ["march", "mar"],
    ["april", "apr"],
    ["may", "may"],
    ["june", "jun"],
    ["july", "jul"],
    ["august", "aug"],
    ["september", "sep"],
    ["october", "oct"],
    ["november", "nov"],
    ["december", "dec"],
];

const CHINESE_MONTHS: [&str; 12] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

/// Reads the three fields into a date, or every problem, each with its field.
pub fn typed_date(day: &str, month: &str, year: &str) -> Result<DateAnswer, Vec<(DatePart, DateInputError)>> {
    let mut problems = Vec::new();
    let year = match digits(year, &['年']) {
        None if is_empty(year) => {
            problems.push((DatePart::Year, DateInputError::YearMissing));
            None
        }
        Some(text) if text.len() == 4 => text.parse::<i32>().ok(),
        _ => {
            problems.push((DatePart::Year, DateInputError::YearNotFourDigits));
            None
        }
    };
    let month = if is_empty(month) {
        problems.push((DatePart::Month, DateInputError::MonthMissing));
        None
    } else {
        let month = month_number(month);
        if month.is_none() {
            problems.push((DatePart::Month, DateInputError::MonthNotValid));
        }
        month
    };
    let day = if is_empty(day) {
        None
    } else {
        let most = match (year, month) {
            (Some(year), Some(month)) => days_in_month(year, month),
            _ => 0,
        };
        let number = digits(day, &['日', '号']).and_then(|text| text.parse::<u8>().ok());
        match number {
            Some(number) if number >= 1 && number <= if most == 0 { 31 } else { most } => Some(number),
            _ => {
                problems.push((DatePart::Day, DateInputError::DayNotValid(most)));
                None
            }
        }
    };
    match (year, month) {
        (Some(year), Some(month)) if problems.is_empty() => Ok(DateAnswer { year, month, day }),
        _ => Err(problems),
    }
}

fn is_empty(text: &str) -> bool {
    normalise_width(text).trim().is_empty()
}

/// The digits of a field, with full-width digits read and one trailing `suffix` character allowed.
fn digits(text: &str, suffixes: &[char]) -> Option<String> {
    let normalised = normalise_width(text);
    let trimmed = normalised.trim();
    let trimmed = trimmed.strip_suffix(suffixes).unwrap_or(trimmed).trim();
    (!trimmed.is_empty() && trimmed.chars().all(|character| character.is_ascii_digit())).then(|| trimmed.to_owned())
}

fn month_number(text: &str) -> Option<u8> {
    if let Some(number) = digits(text, &['月']).and_then(|text| text.parse::<u8>().ok()) {
        return (1..=12).contains(&number).then_some(number);
    }
    let folded = normalise_width(text).trim().trim_end_matches('.').to_lowercase();
    let chinese = folded.strip_suffix('月').unwrap_or(&folded);
    if let Some(index) = CHINESE_MONTHS.iter().position(|name| *name == chinese) {
        return u8::try_from(index + 1).ok();
    }
    // A month's full name, its three-letter abbreviation, or "sept".
    let index = MONTH_NAMES
        .iter()
        .position(|[full, short]| folded == *full || folded == *short || (folded == "sept" && *full == "september"))?;
    u8::try_from(index + 1).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(day: &str, month: &str, year: &str) -> Result<String, Vec<(DatePart, DateInputError)>> {
        typed_date(day, month, year).map(DateAnswer::to_iso)
    }

    #[test]
    fn dates_are_read_the_way_people_type_them() {
        assert_eq!(date("15", "3", "2026"), Ok("2026-03-15".to_owned()));
        assert_eq!(date(" 05 ", "03", "2026"), Ok("2026-03-05".to_owned()));
        assert_eq!(date("15", "March", "2026"), Ok("2026-03-15".to_owned()));
        assert_eq!(date("15", "mar.", "2026"), Ok("2026-03-15".to_owned()));
        assert_eq!(date("15", "Sept", "2026"), Ok("2026-09-15".to_owned()));
        assert_eq!(date("", "3", "2026"), Ok("2026-03".to_owned()), "the day may be left out");
    }

    #[test]
    fn chinese_input_is_read() {
        assert_eq!(date("１５", "３", "２０２６"), Ok("2026-03-15".to_owned()), "full-width digits");
        assert_eq!(date("15日", "3月", "2026年"), Ok("2026-03-15".to_owned()));
        assert_eq!(date("15号", "十二月", "2026"), Ok("2026-12-15".to_owned()));
        assert_eq!(date("", "十一", "2025"), Ok("2025-11".to_owned()));
    }

    #[test]
    fn what_cannot_be_read_is_reported_on_its_field() {
        assert_eq!(date("15", "3", "26"), Err(vec![(DatePart::Year, DateInputError::YearNotFourDigits)]));
        assert_eq!(date("15", "13", "2026"), Err(vec![(DatePart::Month, DateInputError::MonthNotValid)]));
        assert_eq!(
            date("15", "", ""),
            Err(vec![(DatePart::Year, DateInputError::YearMissing), (DatePart::Month, DateInputError::MonthMissing),])
        );
    }

    #[test]
    fn days_are_checked_against_their_month_on_both_sides() {
        assert_eq!(date("29", "2", "2024"), Ok("2024-02-29".to_owned()), "a leap year");
        assert_eq!(date("29", "2", "2026"), Err(vec![(DatePart::Day, DateInputError::DayNotValid(28))]));
        assert_eq!(date("30", "4", "2026"), Ok("2026-04-30".to_owned()));
        assert_eq!(date("31", "4", "2026"), Err(vec![(DatePart::Day, DateInputError::DayNotValid(30))]));
        assert_eq!(date("0", "4", "2026"), Err(vec![(DatePart::Day, DateInputError::DayNotValid(30))]));
        assert_eq!(date("1", "4", "2026"), Ok("2026-04-01".to_owned()));
    }
}

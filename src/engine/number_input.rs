//! Reading a number as a patient types it: full-width digits from a Chinese input method, a
//! decimal comma, spaces, a unit after the number. What cannot be read without guessing is an
//! error the widget explains next to the field; nothing here guesses silently.

use super::exact::{Exact, MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS};
use super::units::Unit;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypedNumber {
    pub value: Exact,
    /// The unit typed after the number, if any; always one of the accepted units.
    pub unit: Option<Unit>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberInputError {
    Empty,
    NotANumber,
    /// More than one number, such as `34 35` or `1.2-3`.
    TwoNumbers,
    /// Separators that could mean two different numbers, such as `1,234` (1234 or 1.234) or `1,234,5`.
    AmbiguousSeparators,
    TooManyDigits,
    /// A unit after the number that this question does not take; holds the text as typed.
    UnitNotAccepted(String),
    /// A unit typed after the number that differs from the unit picked beside the field.
    UnitConflict {
        typed: Unit,
        picked: Unit,
    },
    /// An age with a fraction or a sign.
    NotWholeYears,
    /// A question that takes several units, with no unit picked and none typed after the number.
    NoUnit,
}

impl fmt::Display for NumberInputError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NumberInputError::Empty => formatter.write_str("enter a number"),
            NumberInputError::NotANumber => formatter.write_str("not a number"),
            NumberInputError::TwoNumbers => formatter.write_str("enter one number only"),
            NumberInputError::AmbiguousSeparators => {
                formatter.write_str("the separators could mean two different numbers")
            }
            NumberInputError::TooManyDigits => write!(
                formatter,
                "use at most {MAX_INTEGER_DIGITS} digits before the decimal point and {MAX_FRACTION_DIGITS} after it"
            ),
            NumberInputError::UnitNotAccepted(unit) => write!(formatter, "the unit \"{unit}\" is not accepted here"),
            NumberInputError::UnitConflict { typed, picked } => {
                write!(formatter, "typed {} but picked {}", typed.symbol(), picked.symbol())
            }
            NumberInputError::NotWholeYears => formatter.write_str("enter whole years"),
            NumberInputError::NoUnit => formatter.write_str("choose the unit"),
        }
    }
}

impl std::error::Error for NumberInputError {}

/// Reads `text` as a number, optionally followed by one of `accepted_units`.
pub fn parse_number_input(text: &str, accepted_units: &[Unit]) -> Result<TypedNumber, NumberInputError> {
    let normalised = normalise_width(text);
    let trimmed = normalised.trim();
    if trimmed.is_empty() {
        return Err(NumberInputError::Empty);
    }
    let number_end = trimmed
        .char_indices()
        .find(|(position, character)| {
            !(character.is_ascii_digit()
                || *character == '.'
                || *character == ','
                || (*position == 0 && *character == '-'))
        })
        .map_or(trimmed.len(), |(position, _)| position);
    let (number_text, rest) = trimmed.split_at(number_end);
    let unit_text = rest.trim();
    // A unit may itself hold digits (`×10⁹/L`, `mL/min/1.73 m²`); anything else with digits after
    // the number is a second number.
    let typed_unit = Unit::parse(unit_text);
    if typed_unit.is_none() && unit_text.chars().any(|character| character.is_ascii_digit()) {
        return Err(if number_text.chars().any(|character| character.is_ascii_digit()) {
            NumberInputError::TwoNumbers
        } else {
            NumberInputError::NotANumber
        });
    }
    if !number_text.chars().any(|character| character.is_ascii_digit()) {
        return Err(NumberInputError::NotANumber);
    }
    let unit = if unit_text.is_empty() {
        None
    } else {
        match typed_unit {
            Some(unit) if accepted_units.contains(&unit) => Some(unit),
            Some(_) => return Err(NumberInputError::UnitNotAccepted(unit_text.to_owned())),
            None if unit_text.chars().all(|character| character.is_alphabetic() || "/%µμ×".contains(character)) => {
                return Err(NumberInputError::UnitNotAccepted(unit_text.to_owned()))
            }
            None => return Err(NumberInputError::NotANumber),
        }
    };
    let decimal = plain_decimal(number_text)?;
    let value = Exact::parse_decimal(&decimal).ok_or(NumberInputError::TooManyDigits)?;
    Ok(TypedNumber { value, unit })
}

/// A measurement typed next to a unit picker. Nothing is picked at first where a question takes
/// several units, so that a patient whose report is in the other unit cannot slip past it: the
/// unit comes from the picker or is typed after the number, and when both are given they must
/// agree (a patient who types "2 mg/dL" with µmol/L picked is asked, not guessed for).
pub fn typed_measurement(text: &str, units: &[Unit], picked: Option<Unit>) -> Result<(Exact, Unit), NumberInputError> {
    let typed = parse_number_input(text, units)?;
    match (typed.unit, picked) {
        (Some(typed_unit), Some(picked)) if typed_unit != picked => {
            Err(NumberInputError::UnitConflict { typed: typed_unit, picked })
        }
        (Some(unit), _) | (None, Some(unit)) => Ok((typed.value, unit)),
        (None, None) => match units {
            [only] => Ok((typed.value, *only)),
            _ => Err(NumberInputError::NoUnit),
        },
    }
}

/// An age typed in whole years ("45", "４５", "45 years").
pub fn typed_whole_years(text: &str) -> Result<u32, NumberInputError> {
    let typed = parse_number_input(text, &[Unit::Years])?;
    if !typed.value.is_integer() || typed.value.is_negative() {
        return Err(NumberInputError::NotWholeYears);
    }
    u32::try_from(typed.value.to_f64() as u64).map_err(|_| NumberInputError::TooManyDigits)
}

/// Full-width forms (`４５`, `３４．２`, `，`) and the ideographic space to their ASCII forms,
/// and typographic minus signs to `-`.
pub(super) fn normalise_width(text: &str) -> String {
    text.chars()
        .map(|character| match character {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(character as u32 - 0xFEE0).unwrap_or(character),
            '\u{3000}' | '\u{00A0}' | '\u{202F}' => ' ',
            '\u{2212}' | '\u{2013}' => '-',
            other => other,
        })
        .collect()
}

/// Rewrites digits with `.` and `,` as a plain decimal with one `.` (or none), or says why it can't.
fn plain_decimal(number_text: &str) -> Result<String, NumberInputError> {
    let (sign, digits) = match number_text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", number_text),
    };
    let dots = digits.matches('.').count();
    let commas = digits.matches(',').count();
    let groups_of_three = |text: &str, separator: char| {
        let mut parts = text.split(separator);
        let first = parts.next().unwrap_or_default();
        (1..=3).contains(&first.len()) && parts.all(|part| part.len() == 3)
    };
    let result = match (dots, commas) {
        (0, 0) | (1, 0) => digits.to_owned(),
        (0, 1) => {
            let (before, after) = digits.split_once(',').unwrap_or((digits, ""));
            if after.len() == 3 && !before.is_empty() && before != "0" {
                // `1,234`: a thousands separator or a decimal comma, equally likely.
                return Err(NumberInputError::AmbiguousSeparators);
            }
            digits.replace(',', ".")
        }
        (0, _) if groups_of_three(digits, ',') => digits.replace(',', ""),
        (_, 0) if groups_of_three(digits, '.') => digits.replace('.', ""),
        (1, _) | (_, 1) => {
            // Both kinds: the last separator is the decimal one, the others must group thousands.
            let last_dot = digits.rfind('.').unwrap_or(0);
            let last_comma = digits.rfind(',').unwrap_or(0);
            let (thousands, decimal) = if last_dot > last_comma { (',', '.') } else { ('.', ',') };
            let (integer, fraction) = digits.rsplit_once(decimal).unwrap_or((digits, ""));
            if digits.matches(decimal).count() != 1 || !groups_of_three(integer, thousands) {
                return Err(NumberInputError::AmbiguousSeparators);
            }
            format!("{}.{fraction}", integer.replace(thousands, ""))
        }
        _ => return Err(NumberInputError::AmbiguousSeparators),
    };
    Ok(format!("{sign}{result}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAB_UNITS: [Unit; 2] = [Unit::MicromolePerLitre, Unit::MilligramPerDecilitre];

    fn check(input: &str, expected: Result<(&str, Option<Unit>), NumberInputError>) {
        let parsed = parse_number_input(input, &LAB_UNITS);
        let expected = expected.map(|(value, unit)| TypedNumber {
            value: Exact::parse_decimal(value).unwrap_or_else(|| panic!("test value {value:?}")),
            unit,
        });
        assert_eq!(parsed, expected, "input {input:?}");
    }

    #[test]
    fn accepts_what_people_type() {
        check("45", Ok(("45", None)));
        check("34.2", Ok(("34.2", None)));
        check("  34.2  ", Ok(("34.2", None)));
        check("４５", Ok(("45", None)));
        check("３４．２", Ok(("34.2", None)));
        check("34,2", Ok(("34.2", None)));
        check("0,85", Ok(("0.85", None)));
        check("３４，２", Ok(("34.2", None)));
        check("34.2 µmol/L", Ok(("34.2", Some(Unit::MicromolePerLitre))));
        check("34.2µmol/L", Ok(("34.2", Some(Unit::MicromolePerLitre))));
        check("2 mg/dl", Ok(("2", Some(Unit::MilligramPerDecilitre))));
        check("2 MG/DL", Ok(("2", Some(Unit::MilligramPerDecilitre))));
        check("2.0 umol/l", Ok(("2", Some(Unit::MicromolePerLitre))));
        check("１２０　μmol/L", Ok(("120", Some(Unit::MicromolePerLitre))));
        check("1,234,567", Ok(("1234567", None)));
        check("1,234.5", Ok(("1234.5", None)));
        check("1.234,5", Ok(("1234.5", None)));
        check("0,123", Ok(("0.123", None)));
        check(".5", Ok(("0.5", None)));
        check("-3", Ok(("-3", None)));
    }

    #[test]
    fn a_typed_unit_must_agree_with_the_picked_one() {
        let micro = Unit::MicromolePerLitre;
        let milli = Unit::MilligramPerDecilitre;
        let two = Exact::from_integer(2);
        assert_eq!(typed_measurement("2", &LAB_UNITS, Some(milli)), Ok((two, milli)));
        assert_eq!(typed_measurement("2 mg/dl", &LAB_UNITS, Some(milli)), Ok((two, milli)));
        assert_eq!(
            typed_measurement("2 mg/dl", &LAB_UNITS, Some(micro)),
            Err(NumberInputError::UnitConflict { typed: milli, picked: micro })
        );
        assert_eq!(typed_measurement("", &LAB_UNITS, Some(micro)), Err(NumberInputError::Empty));
    }

    #[test]
    fn a_unit_is_picked_or_typed_never_assumed() {
        let milli = Unit::MilligramPerDecilitre;
        let two = Exact::from_integer(2);
        assert_eq!(typed_measurement("2", &LAB_UNITS, None), Err(NumberInputError::NoUnit));
        assert_eq!(typed_measurement("2 mg/dL", &LAB_UNITS, None), Ok((two, milli)));
        assert_eq!(
            typed_measurement("2", &[Unit::Percent], None),
            Ok((two, Unit::Percent)),
            "one unit: no choice to make"
        );
    }

    #[test]
    fn units_with_digits_are_read_after_the_number() {
        let counts = [Unit::BillionPerLitre, Unit::PerMicrolitre];
        let parsed = parse_number_input("1.5 ×10⁹/L", &counts);
        assert_eq!(parsed, Ok(TypedNumber { value: Exact::ratio(3, 2).unwrap(), unit: Some(Unit::BillionPerLitre) }));
        let parsed = parse_number_input("1500/µL", &counts);
        assert_eq!(parsed, Ok(TypedNumber { value: Exact::from_integer(1500), unit: Some(Unit::PerMicrolitre) }));
        assert_eq!(parse_number_input("1.5 2", &counts), Err(NumberInputError::TwoNumbers));
    }

    #[test]
    fn ages_are_whole_years() {
        assert_eq!(typed_whole_years("45"), Ok(45));
        assert_eq!(typed_whole_years("４５"), Ok(45));
        assert_eq!(typed_whole_years("45 years"), Ok(45));
        assert_eq!(typed_whole_years("45.0"), Ok(45));
        assert_eq!(typed_whole_years("45.5"), Err(NumberInputError::NotWholeYears));
        assert_eq!(typed_whole_years("-2"), Err(NumberInputError::NotWholeYears));
        assert_eq!(typed_whole_years("45 kg"), Err(NumberInputError::UnitNotAccepted("kg".into())));
    }

    #[test]
    fn refuses_to_guess() {
        check("", Err(NumberInputError::Empty));
        check("   ", Err(NumberInputError::Empty));
        check("abc", Err(NumberInputError::NotANumber));
        check("mg/dL", Err(NumberInputError::NotANumber));
        check("34 35", Err(NumberInputError::TwoNumbers));
        check("1.2-3", Err(NumberInputError::TwoNumbers));
        check("1,234", Err(NumberInputError::AmbiguousSeparators));
        check("1,234,5", Err(NumberInputError::AmbiguousSeparators));
        check("1.2.3", Err(NumberInputError::AmbiguousSeparators));
        check("1,2,3", Err(NumberInputError::AmbiguousSeparators));
        check("34.2 %", Err(NumberInputError::UnitNotAccepted("%".into())));
        check("34.2 mmol/L", Err(NumberInputError::UnitNotAccepted("mmol/L".into())));
        check("12345678901", Err(NumberInputError::TooManyDigits));
        check("0.1234567", Err(NumberInputError::TooManyDigits));
        check("4 5", Err(NumberInputError::TwoNumbers));
        check("45!", Err(NumberInputError::NotANumber));
    }
}

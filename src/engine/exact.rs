//! Exact decimal arithmetic for comparing answers with a criterion's limit.
//!
//! Lab limits are decimals (34.2 µmol/L) and unit factors are decimals (× 17.1), so binary floating
//! point would let 2.0 mg/dL × 17.1 land a hair above 34.2 and flip a boundary. Every number here is
//! a fraction of two integers; comparisons cross-multiply and never round. Nothing here panics:
//! operations that could overflow return `None`.

use std::cmp::Ordering;
use std::fmt;

/// Most digits accepted before and after the decimal point. Keeps every product and cross-product
/// well inside `i128`, whatever a definition or a patient writes.
pub const MAX_INTEGER_DIGITS: usize = 9;
pub const MAX_FRACTION_DIGITS: usize = 6;

/// A rational number `numerator / denominator` with `denominator > 0`, kept in lowest terms.
#[derive(Clone, Copy, Debug)]
pub struct Exact {
    numerator: i128,
    denominator: i128,
}

impl Exact {
    pub fn from_integer(value: i64) -> Exact {
        Exact { numerator: i128::from(value), denominator: 1 }
    }

    /// `numerator / denominator` for the catalogue's constants, reduced at compile time. A zero
    /// denominator fails the build.
    pub const fn const_ratio(numerator: i128, denominator: i128) -> Exact {
        assert!(denominator != 0, "a constant ratio needs a denominator");
        let sign = if denominator < 0 { -1 } else { 1 };
        let (mut a, mut b) = (numerator.abs(), denominator.abs());
        while b != 0 {
            (a, b) = (b, a % b);
        }
        let divisor = if a == 0 { 1 } else { a };
        Exact { numerator: sign * numerator / divisor, denominator: sign * denominator / divisor }
    }

    /// A decimal written in the source, such as `"17.1"` or `"-160"`, for the catalogue's constants.
    /// Anything but an optional `-`, digits and one `.` fails the build.
    pub const fn const_decimal(text: &str) -> Exact {
        let bytes = text.as_bytes();
        let mut index = 0;
        let negative = !bytes.is_empty() && bytes[0] == b'-';
        if negative {
            index = 1;
        }
        let (mut numerator, mut denominator, mut after_point) = (0_i128, 1_i128, false);
        while index < bytes.len() {
            let byte = bytes[index];
            if byte == b'.' {
                assert!(!after_point, "one decimal point at most");
                after_point = true;
            } else {
                assert!(byte.is_ascii_digit(), "a constant decimal is digits and one point");
                numerator = numerator * 10 + (byte - b'0') as i128;
                if after_point {
                    denominator *= 10;
                }
            }
            index += 1;
        }
        Exact::const_ratio(if negative { -numerator } else { numerator }, denominator)
    }

    /// `numerator / denominator`; `None` when the denominator is zero.
    pub fn ratio(numerator: i64, denominator: i64) -> Option<Exact> {
        Exact::reduced(i128::from(numerator), i128::from(denominator))
    }

    /// The numerator and the (positive) denominator, in lowest terms.
    pub(crate) fn parts(self) -> (i128, i128) {
        (self.numerator, self.denominator)
    }

    /// `numerator / denominator` from `parts`; `None` when the denominator is zero.
    pub(crate) fn from_parts(numerator: i128, denominator: i128) -> Option<Exact> {
        Exact::reduced(numerator, denominator)
    }

    fn reduced(numerator: i128, denominator: i128) -> Option<Exact> {
        if denominator == 0 {
            return None;
        }
        let sign = if denominator < 0 { -1 } else { 1 };
        let divisor = greatest_common_divisor(numerator.abs(), denominator.abs()).max(1);
        Some(Exact { numerator: sign * numerator / divisor, denominator: sign * denominator / divisor })
    }

    /// Parses a plain ASCII decimal: optional `-`, digits, optional `.` and digits. No exponent, no
    /// separators: the patient-facing parser in `number_input` normalises what people type first.
    pub fn parse_decimal(text: &str) -> Option<Exact> {
        let (negative, unsigned) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (integer_part, fraction_part) = match unsigned.split_once('.') {
            Some((integer, fraction)) => (integer, fraction),
            None => (unsigned, ""),
        };
        let all_digits = |part: &str| part.bytes().all(|byte| byte.is_ascii_digit());
        if !all_digits(integer_part) || !all_digits(fraction_part) {
            return None;
        }
        if integer_part.is_empty() && fraction_part.is_empty() {
            return None;
        }
        let significant_integer = integer_part.trim_start_matches('0');
        let fraction_part = fraction_part.trim_end_matches('0');
        if significant_integer.len() > MAX_INTEGER_DIGITS || fraction_part.len() > MAX_FRACTION_DIGITS {
            return None;
        }
        let mut numerator: i128 = 0;
        for byte in significant_integer.bytes().chain(fraction_part.bytes()) {
            numerator = numerator * 10 + i128::from(byte - b'0');
        }
        let denominator = 10_i128.pow(fraction_part.len() as u32);
        Exact::reduced(if negative { -numerator } else { numerator }, denominator)
    }

    /// The decimal a JSON number was written as. `f64`'s `Display` prints the shortest text that
    /// reads back as the same float, so `34.2` in a file becomes exactly 342/10 here.
    pub fn from_f64(value: f64) -> Option<Exact> {
        if !value.is_finite() {
            return None;
        }
        Exact::parse_decimal(&value.to_string())
    }

    pub fn checked_mul(self, other: Exact) -> Option<Exact> {
        Exact::reduced(self.numerator.checked_mul(other.numerator)?, self.denominator.checked_mul(other.denominator)?)
    }

    pub fn checked_add(self, other: Exact) -> Option<Exact> {
        let numerator = self
            .numerator
            .checked_mul(other.denominator)?
            .checked_add(other.numerator.checked_mul(self.denominator)?)?;
        Exact::reduced(numerator, self.denominator.checked_mul(other.denominator)?)
    }

    pub fn checked_sub(self, other: Exact) -> Option<Exact> {
        self.checked_add(Exact { numerator: other.numerator.checked_neg()?, denominator: other.denominator })
    }

    pub fn checked_div(self, other: Exact) -> Option<Exact> {
        Exact::reduced(self.numerator.checked_mul(other.denominator)?, self.denominator.checked_mul(other.numerator)?)
    }

    /// Compares exactly; `None` only if the cross-products overflow, which the digit limits rule out.
    pub fn checked_cmp(self, other: Exact) -> Option<Ordering> {
        let left = self.numerator.checked_mul(other.denominator)?;
        let right = other.numerator.checked_mul(self.denominator)?;
        Some(left.cmp(&right))
    }

    /// The value as a whole number, when it is one.
    pub fn to_whole(self) -> Option<i128> {
        self.is_integer().then_some(self.numerator)
    }

    pub fn is_integer(self) -> bool {
        self.denominator == 1
    }

    pub fn is_negative(self) -> bool {
        self.numerator < 0
    }

    pub fn is_positive(self) -> bool {
        self.numerator > 0
    }

    /// A decimal (six places) at or below `value`: a bound for a floating-point result.
    pub fn below(value: f64) -> Option<Exact> {
        Exact::bound(value, f64::floor)
    }

    /// A decimal (six places) at or above `value`.
    pub fn above(value: f64) -> Option<Exact> {
        Exact::bound(value, f64::ceil)
    }

    fn bound(value: f64, round: fn(f64) -> f64) -> Option<Exact> {
        let scaled = round(value * 1e6);
        // Keep within the digits every comparison can multiply without overflow.
        (scaled.is_finite() && scaled.abs() < 1e15).then(|| Exact::reduced(scaled as i128, 1_000_000)).flatten()
    }

    /// The value rounded half away from zero to `decimals` places (at most 6), for display.
    pub fn rounded(self, decimals: u32) -> String {
        self.rounded_by(decimals, Rounding::HalfAwayFromZero)
    }

    /// The value rounded down (toward minus infinity), for the low end of a range shown.
    pub fn rounded_down(self, decimals: u32) -> String {
        self.rounded_by(decimals, Rounding::Down)
    }

    /// The value rounded up (toward plus infinity), for the high end of a range shown.
    pub fn rounded_up(self, decimals: u32) -> String {
        self.rounded_by(decimals, Rounding::Up)
    }

    fn rounded_by(self, decimals: u32, rounding: Rounding) -> String {
        let decimals = decimals.min(6);
        let scale = 10_i128.pow(decimals);
        let scaled = self.numerator.saturating_mul(scale);
        // Rust's division truncates toward zero; the remainder has the sign of `scaled`.
        let (quotient, remainder) = (scaled / self.denominator, scaled % self.denominator);
        let quotient = match rounding {
            Rounding::HalfAwayFromZero if remainder.abs().saturating_mul(2) >= self.denominator => {
                quotient + scaled.signum()
            }
            Rounding::Down if remainder < 0 => quotient - 1,
            Rounding::Up if remainder > 0 => quotient + 1,
            Rounding::HalfAwayFromZero | Rounding::Down | Rounding::Up => quotient,
        };
        let sign = if quotient < 0 { "-" } else { "" };
        let digits = quotient.abs().to_string();
        if decimals == 0 {
            return format!("{sign}{digits}");
        }
        let width = decimals as usize;
        let padded = format!("{digits:0>pad$}", pad = width + 1);
        let (integer, fraction) = padded.split_at(padded.len() - width);
        format!("{sign}{integer}.{fraction}")
    }

    /// For display and for serialising answers; never for comparisons.
    pub fn to_f64(self) -> f64 {
        self.numerator as f64 / self.denominator as f64
    }
}

#[derive(Clone, Copy)]
enum Rounding {
    HalfAwayFromZero,
    Down,
    Up,
}

impl PartialEq for Exact {
    fn eq(&self, other: &Exact) -> bool {
        // Both sides are in lowest terms with a positive denominator.
        self.numerator == other.numerator && self.denominator == other.denominator
    }
}

impl Eq for Exact {}

impl fmt::Display for Exact {
    /// Prints the decimal as it is when it terminates within six places, else rounded to six
    /// (without trailing zeros): `2/3` is `0.666667`.
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut scale = 0;
        let mut scaled = *self;
        while !scaled.is_integer() && scale < MAX_FRACTION_DIGITS {
            scaled = Exact { numerator: scaled.numerator * 10, denominator: scaled.denominator };
            scaled = Exact::reduced(scaled.numerator, scaled.denominator).unwrap_or(scaled);
            scale += 1;
        }
        if !scaled.is_integer() {
            let rounded = self.rounded(MAX_FRACTION_DIGITS as u32);
            return formatter.write_str(rounded.trim_end_matches('0').trim_end_matches('.'));
        }
        let digits = scaled.numerator.abs().to_string();
        let sign = if scaled.numerator < 0 { "-" } else { "" };
        if scale == 0 {
            return write!(formatter, "{sign}{digits}");
        }
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (integer, fraction) = padded.split_at(padded.len() - scale);
        write!(formatter, "{sign}{integer}.{fraction}")
    }
}

fn greatest_common_divisor(mut a: i128, mut b: i128) -> i128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(text: &str) -> Exact {
        Exact::parse_decimal(text).unwrap_or_else(|| panic!("test decimal {text:?} must parse"))
    }

    #[test]
    fn rounds_half_away_from_zero_for_display() {
        assert_eq!(exact("29.95").rounded(1), "30.0");
        assert_eq!(exact("29.949999").rounded(1), "29.9");
        assert_eq!(exact("72.5").rounded(0), "73");
        assert_eq!(exact("72.499").rounded(0), "72");
        assert_eq!(exact("-1.25").rounded(1), "-1.3");
        assert_eq!(exact("0.04").rounded(1), "0.0");
        assert_eq!(Exact::ratio(1, 3).unwrap().rounded(2), "0.33");
        assert_eq!(exact("59.63").rounded_down(0), "59");
        assert_eq!(exact("60.55").rounded_up(0), "61");
        assert_eq!(exact("60").rounded_up(0), "60", "a whole number stays");
        assert_eq!(exact("-1.25").rounded_down(1), "-1.3");
        assert_eq!(exact("-1.25").rounded_up(1), "-1.2");
    }

    #[test]
    fn parses_decimals_exactly() {
        assert_eq!(exact("34.2"), Exact::ratio(342, 10).unwrap());
        assert_eq!(exact("034.20"), exact("34.2"));
        assert_eq!(exact(".5"), Exact::ratio(1, 2).unwrap());
        assert_eq!(exact("-2"), Exact::from_integer(-2));
        assert_eq!(exact("7."), Exact::from_integer(7));
    }

    #[test]
    fn rejects_what_is_not_a_plain_decimal() {
        for text in ["", ".", "-", "1e3", "1,5", "1.2.3", " 1", "+1", "１"] {
            assert_eq!(Exact::parse_decimal(text), None, "{text:?}");
        }
    }

    #[test]
    fn rejects_more_digits_than_the_limits() {
        assert!(Exact::parse_decimal("999999999").is_some());
        assert!(Exact::parse_decimal("1000000000").is_none());
        assert!(Exact::parse_decimal("0.000001").is_some());
        assert!(Exact::parse_decimal("0.0000001").is_none());
    }

    #[test]
    fn unit_factor_lands_exactly_on_the_limit() {
        // 2.0 mg/dL bilirubin × 17.1 is exactly the 34.2 µmol/L limit; in f64 it is 34.2000000000000003.
        let product = exact("2.0").checked_mul(exact("17.1")).unwrap();
        assert_eq!(product.checked_cmp(exact("34.2")), Some(Ordering::Equal));
        assert_eq!(exact("0.1").checked_mul(exact("3")).unwrap(), exact("0.3"));
    }

    #[test]
    fn from_f64_reads_the_written_decimal() {
        assert_eq!(Exact::from_f64(34.2), Some(exact("34.2")));
        assert_eq!(Exact::from_f64(0.1 + 0.2), None, "0.30000000000000004 has too many digits");
        assert_eq!(Exact::from_f64(f64::NAN), None);
    }

    #[test]
    fn displays_without_float_noise() {
        assert_eq!(exact("34.2").to_string(), "34.2");
        assert_eq!(exact("-0.05").to_string(), "-0.05");
        assert_eq!(exact("220").to_string(), "220");
        let ratio = |numerator, denominator| Exact::ratio(numerator, denominator).unwrap_or(Exact::from_integer(0));
        // Six places exactly are shown as they are; a seventh is rounded half away from zero.
        assert_eq!(ratio(1, 64).to_string(), "0.015625");
        assert_eq!(ratio(1, 128).to_string(), "0.007813");
        assert_eq!(ratio(-1, 128).to_string(), "-0.007813");
        assert_eq!(ratio(2, 3).to_string(), "0.666667");
        assert_eq!(ratio(-2, 3).to_string(), "-0.666667");
        assert_eq!(ratio(1, 3).to_string(), "0.333333");
        // Rounding does not leave trailing zeros, nor a point with nothing after it.
        assert_eq!(ratio(1_000_001, 10_000_000).to_string(), "0.1");
        assert_eq!(ratio(29_999_999, 10_000_000).to_string(), "3");
        // Only the fraction's zeros go: a number rounded up to a whole ten keeps its own.
        assert_eq!(ratio(99_999_999, 10_000_000).to_string(), "10");
        assert_eq!(ratio(-99_999_999, 10_000_000).to_string(), "-10");
    }

    #[test]
    fn constants_are_exact_and_reduced() {
        assert_eq!(Exact::const_decimal("17.1"), exact("17.1"));
        assert_eq!(Exact::const_decimal("-160"), Exact::from_integer(-160));
        assert_eq!(Exact::const_decimal("0.45359237"), Exact::ratio(45_359_237, 100_000_000).unwrap());
        assert_eq!(Exact::const_ratio(10, 4), Exact::ratio(5, 2).unwrap());
        assert_eq!(Exact::const_ratio(-160, 9), Exact::ratio(160, -9).unwrap());
    }

    #[test]
    fn adds_and_subtracts_exactly() {
        assert_eq!(exact("0.1").checked_add(exact("0.2")).unwrap(), exact("0.3"));
        assert_eq!(exact("2.152").checked_sub(exact("0.002")).unwrap(), exact("2.15"));
    }

    #[test]
    fn division_by_zero_is_none() {
        assert_eq!(exact("1").checked_div(exact("0")), None);
    }
}

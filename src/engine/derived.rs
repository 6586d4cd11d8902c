//! Values computed from answers by named clinical formulas, each cited to its source, so that a
//! criterion can say "creatinine clearance ≥ 60 mL/min" while the patient gives what is on their
//! reports (creatinine, age, weight, sex).
//!
//! A derived value is an interval: exact where the formula is arithmetic (BMI, Cockcroft–Gault),
//! and where it has powers (CKD-EPI 2021) the floating-point result widened by far more than its
//! rounding error; an age from a birth date given only as a month is the two ages it could be.
//! A limit is met when the whole interval meets it and missed when none of it does; a limit inside
//! the interval is left to the study team. So a value on a limit cannot flip through rounding.

use super::dates::{CalendarDate, DateAnswer};
use super::exact::Exact;
use super::names::named_enum;
use super::units::{Quantity, Unit};

named_enum! {
    /// A formula a definition may use.
    pub enum Formula {
        BodyMassIndex = "bmi",
        CockcroftGault = "cockcroft_gault",
        CkdEpi2021 = "ckd_epi_2021",
        Age = "age",
    }
}

/// What a formula's input must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// A number question measuring this quantity.
    Measured(Quantity),
    /// An age question, or a date question holding the date of birth.
    Age,
    /// A date question holding the date of birth.
    BirthDate,
    /// The sex question (a single choice with `female` and `male`).
    Sex,
}

impl Formula {
    /// The formula's inputs, by the names a definition gives them in `inputs`.
    pub fn inputs(self) -> &'static [(&'static str, InputKind)] {
        match self {
            Formula::BodyMassIndex => {
                &[("weight", InputKind::Measured(Quantity::Weight)), ("height", InputKind::Measured(Quantity::Height))]
            }
            Formula::CockcroftGault => &[
                ("creatinine", InputKind::Measured(Quantity::Creatinine)),
                ("age", InputKind::Age),
                ("weight", InputKind::Measured(Quantity::Weight)),
                ("sex", InputKind::Sex),
            ],
            Formula::CkdEpi2021 => &[
                ("creatinine", InputKind::Measured(Quantity::Creatinine)),
                ("age", InputKind::Age),
                ("sex", InputKind::Sex),
            ],
            Formula::Age => &[("date_of_birth", InputKind::BirthDate)],
        }
    }

    /// What the formula gives, in the quantity's base unit; none for an age, in whole years.
    pub fn quantity(self) -> Option<Quantity> {
        match self {
            Formula::BodyMassIndex => Some(Quantity::BodyMassIndex),
            Formula::CockcroftGault => Some(Quantity::CreatinineClearance),
            Formula::CkdEpi2021 => Some(Quantity::Egfr),
            Formula::Age => None,
        }
    }

    pub fn unit(self) -> Unit {
        self.quantity().map_or(Unit::Years, Quantity::base_unit)
    }

    /// Decimal places the value is shown with (comparisons never round).
    pub fn shown_decimals(self) -> u32 {
        match self {
            Formula::BodyMassIndex => 1,
            Formula::CockcroftGault | Formula::CkdEpi2021 | Formula::Age => 0,
        }
    }

    /// The formula's usual name, shown beside the value; none for an age.
    pub fn display_name(self) -> Option<&'static str> {
        match self {
            Formula::BodyMassIndex => Some("BMI"),
            Formula::CockcroftGault => Some("Cockcroft–Gault"),
            Formula::CkdEpi2021 => Some("CKD-EPI 2021"),
            Formula::Age => None,
        }
    }

    /// Where the formula comes from, as written in `docs/definition-format.md`.
    pub fn source(self) -> &'static str {
        match self {
            Formula::BodyMassIndex => "BMI = weight (kg) ÷ height (m)²; World Health Organization, Obesity: preventing and managing the global epidemic, WHO Technical Report Series 894 (2000)",
            Formula::CockcroftGault => "CrCl (mL/min) = (140 − age) × weight (kg) ÷ (72 × serum creatinine in mg/dL), × 0.85 for women; Cockcroft DW, Gault MH, Nephron 1976;16:31–41. Actual body weight; creatinine in µmol/L is divided by 88.4",
            Formula::Age => "Age in whole years at today's date: the years since the date of birth, less one if this year's birthday is still to come (someone born on 29 February turns a year older on 1 March in other years)",
            Formula::CkdEpi2021 => "eGFR (mL/min/1.73 m²) = 142 × min(Scr/κ, 1)^α × max(Scr/κ, 1)^−1.200 × 0.9938^age (× 1.012 for women), κ = 0.7 (women) or 0.9 (men), α = −0.241 (women) or −0.302 (men), Scr in mg/dL; Inker LA et al., N Engl J Med 2021;385:1737–49 (the race-free equation)",
        }
    }
}

/// One input's value, as the formula reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputValue {
    /// A measurement in its quantity's base unit.
    Measured(Exact),
    /// An age in whole years: the youngest and oldest it could be.
    Age(i64, i64),
    Female,
    Male,
}

/// The least and greatest value a derived value could be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interval {
    pub least: Exact,
    pub greatest: Exact,
}

/// Relative error allowed around a floating-point formula's result: far above the rounding error
/// of a dozen operations on f64 (about 1e-15), far below any clinical difference.
const FLOAT_MARGIN: f64 = 1e-9;

impl Formula {
    /// The value from its inputs (in `inputs()` order), or none when an input is missing or out of
    /// the formula's reach (an age over 140, a creatinine of 0).
    pub fn compute(self, inputs: &[InputValue]) -> Option<Interval> {
        match (self, inputs) {
            (Formula::BodyMassIndex, [InputValue::Measured(kilograms), InputValue::Measured(centimetres)]) => {
                let height_squared = centimetres.checked_mul(*centimetres)?;
                let value = kilograms.checked_mul(Exact::from_integer(10_000))?.checked_div(height_squared)?;
                Some(Interval { least: value, greatest: value })
            }
            (
                Formula::CockcroftGault,
                [InputValue::Measured(creatinine), InputValue::Age(youngest, oldest), InputValue::Measured(kilograms), sex],
            ) => {
                if !creatinine.is_positive() || *oldest >= 140 {
                    return None;
                }
                let sex_factor = match sex {
                    InputValue::Female => Exact::ratio(85, 100)?,
                    InputValue::Male => Exact::from_integer(1),
                    InputValue::Measured(_) | InputValue::Age(..) => return None,
                };
                // Creatinine is in µmol/L; ÷ 88.4 gives mg/dL, so the 72 × mg/dL below is 72 × µmol/L ÷ 88.4.
                let at_age = |age: i64| {
                    Exact::from_integer(140 - age)
                        .checked_mul(*kilograms)?
                        .checked_mul(Exact::ratio(884, 10)?)?
                        .checked_div(Exact::from_integer(72).checked_mul(*creatinine)?)?
                        .checked_mul(sex_factor)
                };
                // Older means lower.
                Some(Interval { least: at_age(*oldest)?, greatest: at_age(*youngest)? })
            }
            (Formula::CkdEpi2021, [InputValue::Measured(creatinine), InputValue::Age(youngest, oldest), sex]) => {
                let female = match sex {
                    InputValue::Female => true,
                    InputValue::Male => false,
                    InputValue::Measured(_) | InputValue::Age(..) => return None,
                };
                let milligrams_per_decilitre = creatinine.to_f64() / 88.4;
                if milligrams_per_decilitre <= 0.0 || *youngest < 0 {
                    return None;
                }
                let (kappa, alpha, sex_factor) = if female { (0.7, -0.241, 1.012) } else { (0.9, -0.302, 1.0) };
                let ratio = milligrams_per_decilitre / kappa;
                let at_age = |age: i64| {
                    142.0
                        * ratio.min(1.0).powf(alpha)
                        * ratio.max(1.0).powf(-1.200)
                        * 0.9938_f64.powi(age as i32)
                        * sex_factor
                };
                // Older means lower.
                let least = Exact::below(at_age(*oldest) * (1.0 - FLOAT_MARGIN))?;
                let greatest = Exact::above(at_age(*youngest) * (1.0 + FLOAT_MARGIN))?;
                Some(Interval { least, greatest })
            }
            (Formula::Age, [InputValue::Age(youngest, oldest)]) => {
                Some(Interval { least: Exact::from_integer(*youngest), greatest: Exact::from_integer(*oldest) })
            }
            (Formula::BodyMassIndex | Formula::CockcroftGault | Formula::CkdEpi2021 | Formula::Age, _) => None,
        }
    }
}

/// An age in whole years from a date of birth given as a day or a month, at `today`.
pub fn age_from_birth(birth: DateAnswer, today: CalendarDate) -> Option<(i64, i64)> {
    let (first_day, last_day) = birth.days()?;
    // Born later means younger.
    let (youngest, oldest) = (today.years_since(last_day), today.years_since(first_day));
    (youngest >= 0).then_some((youngest, oldest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering;

    fn exact(text: &str) -> Exact {
        Exact::parse_decimal(text).unwrap_or_else(|| panic!("{text}"))
    }

    fn measured(text: &str) -> InputValue {
        InputValue::Measured(exact(text))
    }

    fn exactly(interval: Option<Interval>) -> Exact {
        let interval = interval.unwrap_or_else(|| panic!("computed"));
        assert_eq!(interval.least, interval.greatest, "an arithmetic formula is exact");
        interval.least
    }

    #[test]
    fn body_mass_index_is_exact_at_a_limit() {
        // 90 kg at 173.2 cm: 90 ÷ 1.732² = 30.0018…; 89.99 kg is 29.9985…
        let bmi = |kilograms: &str, centimetres: &str| {
            exactly(Formula::BodyMassIndex.compute(&[measured(kilograms), measured(centimetres)]))
        };
        assert_eq!(bmi("81", "180"), exact("25"), "81 ÷ 1.8² is exactly 25");
        assert_eq!(bmi("81", "180").checked_cmp(exact("25")), Some(Ordering::Equal));
        assert_eq!(bmi("80.99", "180").checked_cmp(exact("25")), Some(Ordering::Less));
        assert_eq!(bmi("81.01", "180").checked_cmp(exact("25")), Some(Ordering::Greater));
    }

    #[test]
    fn cockcroft_gault_is_exact_at_a_limit() {
        // A man of 68, 72 kg, creatinine 1.0 mg/dL (88.4 µmol/L): (140 − 68) × 72 ÷ 72 = 72 mL/min.
        let crcl = |creatinine: &str, age: i64, kilograms: &str, sex: InputValue| {
            Formula::CockcroftGault.compute(&[
                measured(creatinine),
                InputValue::Age(age, age),
                measured(kilograms),
                sex,
            ])
        };
        assert_eq!(exactly(crcl("88.4", 68, "72", InputValue::Male)), exact("72"));
        assert_eq!(exactly(crcl("88.4", 68, "72", InputValue::Female)), exact("61.2"), "× 0.85");
        assert_eq!(exactly(crcl("88.4", 69, "72", InputValue::Male)), exact("71"));
        assert_eq!(crcl("0", 68, "72", InputValue::Male), None, "no creatinine, no clearance");
        // An age known only as 67 or 68 gives the two clearances it could be.
        let range = Formula::CockcroftGault.compute(&[
            measured("88.4"),
            InputValue::Age(67, 68),
            measured("72"),
            InputValue::Male,
        ]);
        assert_eq!(range, Some(Interval { least: exact("72"), greatest: exact("73") }));
    }

    #[test]
    fn ckd_epi_2021_matches_published_values_and_brackets_them() {
        // From the published coefficients: a woman of 50 with creatinine 0.7 mg/dL has
        // 142 × 0.9938^50 × 1.012 = 105.3…; a man of 60 with 1.2 mg/dL has
        // 142 × (1.2/0.9)^−1.2 × 0.9938^60 = 69.2… (the NKF's calculator shows 69).
        let egfr = |milligrams: f64, age: i64, sex: InputValue| {
            let micromoles = Exact::above(milligrams * 88.4).unwrap_or_else(|| panic!("finite"));
            Formula::CkdEpi2021
                .compute(&[InputValue::Measured(micromoles), InputValue::Age(age, age), sex])
                .unwrap_or_else(|| panic!("computed"))
        };
        let woman = egfr(0.7, 50, InputValue::Female);
        let expected = 142.0 * 0.9938_f64.powi(50) * 1.012;
        assert!(woman.least.to_f64() <= expected && expected <= woman.greatest.to_f64());
        assert!((105.0..105.5).contains(&expected));
        assert!((woman.greatest.to_f64() - woman.least.to_f64()) < 1e-5, "a narrow bracket");
        let man = egfr(1.2, 60, InputValue::Male);
        let expected = 142.0 * (1.2_f64 / 0.9).powf(-1.2) * 0.9938_f64.powi(60);
        assert!(man.least.to_f64() <= expected && expected <= man.greatest.to_f64());
        assert!((69.0..69.5).contains(&expected));
    }

    #[test]
    fn an_age_from_a_month_of_birth_is_the_two_ages_it_could_be() {
        let today = CalendarDate::parse("2026-11-27").unwrap_or_else(|| panic!("date"));
        let born = |year, month, day| DateAnswer { year, month, day };
        assert_eq!(age_from_birth(born(2008, 11, Some(27)), today), Some((18, 18)));
        assert_eq!(age_from_birth(born(2008, 11, None), today), Some((17, 18)), "born 1–30 November 2008");
        assert_eq!(age_from_birth(born(2008, 10, None), today), Some((18, 18)));
        assert_eq!(age_from_birth(born(2027, 1, None), today), None, "not born yet");
    }
}

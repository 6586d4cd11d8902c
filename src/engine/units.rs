//! Units a number question may be answered in, and the exact factors between them.
//!
//! A question measures one [`Quantity`]; each quantity has a base unit in which comparisons are
//! made. Factors are the conventional clinical ones and are exact decimals, never floats.

use super::exact::Exact;

/// What a number question measures. The quantity decides which units make sense and how they convert.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    /// Serum total bilirubin; base µmol/L; 1 mg/dL = 17.1 µmol/L.
    Bilirubin,
    /// Serum creatinine; base µmol/L; 1 mg/dL = 88.4 µmol/L.
    Creatinine,
    /// A percentage (ejection fraction, oxygen saturation).
    Percentage,
    /// Enzyme activity such as ALT or AST, in U/L.
    EnzymeActivity,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    MicromolePerLitre,
    MilligramPerDecilitre,
    Percent,
    UnitsPerLitre,
    /// A multiple of the upper reference limit printed on the patient's lab report.
    TimesUpperLimit,
    Years,
}

impl Quantity {
    pub const ALL: [Quantity; 4] =
        [Quantity::Bilirubin, Quantity::Creatinine, Quantity::Percentage, Quantity::EnzymeActivity];

    pub fn id(self) -> &'static str {
        match self {
            Quantity::Bilirubin => "bilirubin",
            Quantity::Creatinine => "creatinine",
            Quantity::Percentage => "percentage",
            Quantity::EnzymeActivity => "enzyme_activity",
        }
    }

    pub fn from_id(id: &str) -> Option<Quantity> {
        Quantity::ALL.into_iter().find(|quantity| quantity.id() == id)
    }

    pub fn base_unit(self) -> Unit {
        match self {
            Quantity::Bilirubin | Quantity::Creatinine => Unit::MicromolePerLitre,
            Quantity::Percentage => Unit::Percent,
            Quantity::EnzymeActivity => Unit::UnitsPerLitre,
        }
    }

    /// How many base units one `unit` is; `None` when the unit does not measure this quantity.
    pub fn factor_to_base(self, unit: Unit) -> Option<Exact> {
        if unit == self.base_unit() {
            return Some(Exact::from_integer(1));
        }
        match (self, unit) {
            (Quantity::Bilirubin, Unit::MilligramPerDecilitre) => Exact::ratio(171, 10),
            (Quantity::Creatinine, Unit::MilligramPerDecilitre) => Exact::ratio(884, 10),
            _ => None,
        }
    }

    /// `value` in `unit`, expressed in the base unit.
    pub fn to_base(self, value: Exact, unit: Unit) -> Option<Exact> {
        value.checked_mul(self.factor_to_base(unit)?)
    }
}

impl Unit {
    pub const ALL: [Unit; 6] = [
        Unit::MicromolePerLitre,
        Unit::MilligramPerDecilitre,
        Unit::Percent,
        Unit::UnitsPerLitre,
        Unit::TimesUpperLimit,
        Unit::Years,
    ];

    /// The identifier written in definition and answer files.
    pub fn id(self) -> &'static str {
        match self {
            Unit::MicromolePerLitre => "umol/L",
            Unit::MilligramPerDecilitre => "mg/dL",
            Unit::Percent => "%",
            Unit::UnitsPerLitre => "U/L",
            Unit::TimesUpperLimit => "x ULN",
            Unit::Years => "years",
        }
    }

    /// How the unit is printed for a patient.
    pub fn symbol(self) -> &'static str {
        match self {
            Unit::MicromolePerLitre => "µmol/L",
            Unit::MilligramPerDecilitre => "mg/dL",
            Unit::Percent => "%",
            Unit::UnitsPerLitre => "U/L",
            Unit::TimesUpperLimit => "× ULN",
            Unit::Years => "years",
        }
    }

    /// Reads a unit as a file or a patient writes it: case-insensitive, `u`, `µ` (micro sign) or
    /// `μ` (Greek mu) for micro, `×`/`x` for times, inner spaces ignored.
    pub fn parse(text: &str) -> Option<Unit> {
        let folded: String = text
            .chars()
            .filter(|character| !character.is_whitespace())
            .map(|character| match character {
                'µ' | 'μ' => 'u',
                '×' => 'x',
                '／' => '/',
                '％' => '%',
                other => other,
            })
            .flat_map(char::to_lowercase)
            .collect();
        let unit = match folded.as_str() {
            "umol/l" | "micromol/l" => Unit::MicromolePerLitre,
            "mg/dl" => Unit::MilligramPerDecilitre,
            "%" | "percent" => Unit::Percent,
            "u/l" | "iu/l" => Unit::UnitsPerLitre,
            "xuln" | "uln" => Unit::TimesUpperLimit,
            "years" | "year" | "y" => Unit::Years,
            _ => return None,
        };
        Some(unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering;

    fn exact(text: &str) -> Exact {
        Exact::parse_decimal(text).unwrap_or_else(|| panic!("test decimal {text:?} must parse"))
    }

    fn in_base(quantity: Quantity, value: &str, unit: Unit) -> Exact {
        quantity.to_base(exact(value), unit).unwrap_or_else(|| panic!("{value} {unit:?} must convert"))
    }

    #[test]
    fn bilirubin_factor_is_17_1() {
        let check = |mg_per_dl: &str, expected_umol: &str| {
            assert_eq!(in_base(Quantity::Bilirubin, mg_per_dl, Unit::MilligramPerDecilitre), exact(expected_umol));
        };
        check("2.0", "34.2");
        check("1", "17.1");
        check("2.1", "35.91");
    }

    #[test]
    fn creatinine_factor_is_88_4() {
        let base = in_base(Quantity::Creatinine, "2.5", Unit::MilligramPerDecilitre);
        assert_eq!(base, exact("221"));
        let just_below = in_base(Quantity::Creatinine, "2.4886", Unit::MilligramPerDecilitre);
        assert_eq!(just_below.checked_cmp(exact("220")), Some(Ordering::Less));
        let just_above = in_base(Quantity::Creatinine, "2.4887", Unit::MilligramPerDecilitre);
        assert_eq!(just_above.checked_cmp(exact("220")), Some(Ordering::Greater));
    }

    #[test]
    fn units_of_another_quantity_do_not_convert() {
        assert_eq!(Quantity::Percentage.factor_to_base(Unit::MilligramPerDecilitre), None);
        assert_eq!(Quantity::EnzymeActivity.factor_to_base(Unit::MicromolePerLitre), None);
        assert_eq!(Quantity::Bilirubin.factor_to_base(Unit::Percent), None);
    }

    #[test]
    fn parses_units_as_people_write_them() {
        let check = |text: &str, expected: Option<Unit>| assert_eq!(Unit::parse(text), expected, "{text:?}");
        check("µmol/L", Some(Unit::MicromolePerLitre));
        check("μmol/l", Some(Unit::MicromolePerLitre));
        check("UMOL/L", Some(Unit::MicromolePerLitre));
        check("mg/dl", Some(Unit::MilligramPerDecilitre));
        check("mg / dL", Some(Unit::MilligramPerDecilitre));
        check("x ULN", Some(Unit::TimesUpperLimit));
        check("×ULN", Some(Unit::TimesUpperLimit));
        check("％", Some(Unit::Percent));
        check("mmol/L", None);
        check("", None);
    }

    #[test]
    fn every_unit_id_parses_back() {
        for unit in Unit::ALL {
            assert_eq!(Unit::parse(unit.id()), Some(unit));
            assert_eq!(Unit::parse(unit.symbol()), Some(unit));
        }
    }
}

//! The quantity catalogue: what a number question can measure, the units each quantity is reported
//! in, the exact conversions between them, and the range of results that real reports show.
//!
//! Every quantity has a base unit in which comparisons are made; each other unit converts to it by
//! `base = value × factor + offset`, with the factor and offset exact rationals (never floats), so
//! a value on a limit stays on it in any unit. Most conversions are a factor alone; temperature
//! (°F) and HbA1c (mmol/mol) are affine. `docs/definition-format.md` lists this catalogue, and a
//! test keeps the two the same.
//!
//! `plausible` is not a limit a patient's answer must meet: a value outside it is far from
//! anything a report shows, most likely a slip (the wrong unit, a misplaced point), and the widget
//! asks the patient to check it before going on. `typical` gives, per unit, what reports usually
//! show, for that message.

use super::exact::Exact;
use super::names::named_enum;

/// Declares the units: each variant's id (as written in files), its symbol (as shown to a patient)
/// and other spellings people type, all read by `Unit::parse`.
macro_rules! unit_table {
    ($($(#[$meta:meta])* $variant:ident = $id:literal, $symbol:literal $(, [$($alias:literal),*])?;)+) => {
        /// A unit a value may be written in.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Unit {
            $($(#[$meta])* $variant),+
        }

        impl Unit {
            pub const ALL: &'static [Unit] = &[$(Unit::$variant),+];

            /// The identifier written in definition and answer files.
            pub fn id(self) -> &'static str {
                match self {
                    $(Unit::$variant => $id),+
                }
            }

            /// How the unit is printed for a patient.
            pub fn symbol(self) -> &'static str {
                match self {
                    $(Unit::$variant => $symbol),+
                }
            }

            /// Other ways people write the unit.
            fn aliases(self) -> &'static [&'static str] {
                match self {
                    $(Unit::$variant => &[$($($alias),*)?]),+
                }
            }
        }
    };
}

unit_table! {
    MicromolePerLitre = "umol/L", "µmol/L", ["micromol/L", "μmol/L"];
    MillimolePerLitre = "mmol/L", "mmol/L";
    MilligramPerDecilitre = "mg/dL", "mg/dL", ["mg%"];
    MilligramPerLitre = "mg/L", "mg/L";
    GramPerLitre = "g/L", "g/L";
    GramPerDecilitre = "g/dL", "g/dL", ["gm/dL", "g/100mL"];
    MillimolePerMole = "mmol/mol", "mmol/mol";
    Percent = "%", "%", ["percent"];
    UnitsPerLitre = "U/L", "U/L", ["IU/L"];
    MicrokatalPerLitre = "ukat/L", "µkat/L";
    BillionPerLitre = "x10^9/L", "×10⁹/L", ["10^9/L", "x10*9/L", "10*9/L", "x 10^9/L"];
    ThousandPerMicrolitre = "x10^3/uL", "×10³/µL", ["10^3/uL", "K/uL", "x10*3/uL", "10*3/uL"];
    PerMicrolitre = "/uL", "/µL", ["/mm3", "/mm^3", "cells/uL", "cells/mm3", "per uL"];
    MillilitrePerMinute = "mL/min", "mL/min";
    MillilitrePerSecond = "mL/s", "mL/s";
    MillilitrePerMinutePerBodySurface = "mL/min/1.73m2", "mL/min/1.73 m²", ["ml/min/1.73m^2", "mL/min/1.73 m2"];
    Ratio = "ratio", "", ["INR"];
    MillimetreOfMercury = "mmHg", "mmHg", ["mm Hg"];
    PerMinute = "/min", "/min", ["bpm", "beats/min", "beats per minute"];
    DegreeCelsius = "degC", "°C", ["C", "celsius", "℃"];
    DegreeFahrenheit = "degF", "°F", ["F", "fahrenheit", "℉"];
    Millisecond = "ms", "ms", ["msec"];
    Second = "s", "s", ["sec", "seconds"];
    Kilogram = "kg", "kg", ["kilograms"];
    Pound = "lb", "lb", ["lbs", "pounds"];
    Centimetre = "cm", "cm";
    Millimetre = "mm", "mm";
    Metre = "m", "m";
    Inch = "in", "in", ["inches"];
    CopiesPerMillilitre = "copies/mL", "copies/mL", ["cp/mL"];
    MilligramPerDay = "mg/day", "mg/day", ["mg/d", "mg per day"];
    KilogramPerSquareMetre = "kg/m2", "kg/m²", ["kg/m^2"];
    StandardDeviation = "SD", "SD", ["z"];
    /// A multiple of the upper reference limit printed on the patient's lab report.
    TimesUpperLimit = "x ULN", "× ULN", ["ULN"];
    /// A multiple of the lower reference limit printed on the patient's lab report.
    TimesLowerLimit = "x LLN", "× LLN", ["LLN"];
    Years = "years", "years", ["year", "y"];
}

impl Unit {
    /// Reads a unit as a file or a patient writes it: case-insensitive, inner spaces ignored, `u`,
    /// `µ` (micro sign) or `μ` (Greek mu) for micro, `×`/`x`/`*` for times, superscript digits as
    /// digits, full-width `/` and `%`.
    pub fn parse(text: &str) -> Option<Unit> {
        let folded = fold(text);
        if folded.is_empty() {
            return None;
        }
        folded_names().iter().find(|(name, _)| *name == folded).map(|(_, unit)| *unit)
    }
}

/// Every way of writing every unit, folded, in `Unit::ALL` order: folded once, then looked up (a
/// definition names a unit in every number question and rule).
fn folded_names() -> &'static [(String, Unit)] {
    static NAMES: std::sync::OnceLock<Vec<(String, Unit)>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names = Vec::new();
        for &unit in Unit::ALL {
            for name in [unit.id(), unit.symbol()].into_iter().chain(unit.aliases().iter().copied()) {
                let folded = fold(name);
                if !folded.is_empty() {
                    names.push((folded, unit));
                }
            }
        }
        names
    })
}

fn fold(text: &str) -> String {
    text.chars()
        .filter(|character| !character.is_whitespace())
        .map(|character| match character {
            'µ' | 'μ' => 'u',
            '×' | '*' => 'x',
            '／' => '/',
            '％' => '%',
            '⁰' => '0',
            '¹' => '1',
            '²' => '2',
            '³' => '3',
            '⁴' => '4',
            '⁵' => '5',
            '⁶' => '6',
            '⁷' => '7',
            '⁸' => '8',
            '⁹' => '9',
            '^' => '^',
            other => other,
        })
        .flat_map(char::to_lowercase)
        // `10^9` and `10⁹` are the same; drop the caret once superscripts are digits.
        .filter(|character| *character != '^')
        .collect()
}

named_enum! {
    /// What a number question measures. The quantity decides which units make sense and how they convert.
    pub enum Quantity {
        Bilirubin = "bilirubin",
        Creatinine = "creatinine",
        Percentage = "percentage",
        EjectionFraction = "ejection_fraction",
        OxygenSaturation = "oxygen_saturation",
        PercentPredicted = "percent_predicted",
        EnzymeActivity = "enzyme_activity",
        NeutrophilCount = "neutrophil_count",
        LymphocyteCount = "lymphocyte_count",
        PlateletCount = "platelet_count",
        WhiteCellCount = "white_cell_count",
        Haemoglobin = "haemoglobin",
        Albumin = "albumin",
        Hba1c = "hba1c",
        Glucose = "glucose",
        Egfr = "egfr",
        CreatinineClearance = "creatinine_clearance",
        Crp = "crp",
        Inr = "inr",
        SystolicBloodPressure = "systolic_blood_pressure",
        DiastolicBloodPressure = "diastolic_blood_pressure",
        HeartRate = "heart_rate",
        Temperature = "temperature",
        Qtc = "qtc",
        ClottingTime = "clotting_time",
        Weight = "weight",
        Height = "height",
        Length = "length",
        ViralLoad = "viral_load",
        SteroidDose = "steroid_dose",
        BodyMassIndex = "body_mass_index",
        ZScore = "z_score",
    }
}

/// How one unit converts to its quantity's base unit: `base = value × factor + offset`.
#[derive(Clone, Copy, Debug)]
pub struct Conversion {
    pub unit: Unit,
    pub factor: Exact,
    pub offset: Exact,
}

const fn base(unit: Unit) -> Conversion {
    Conversion { unit, factor: Exact::const_ratio(1, 1), offset: Exact::const_ratio(0, 1) }
}

const fn times(unit: Unit, factor: Exact) -> Conversion {
    Conversion { unit, factor, offset: Exact::const_ratio(0, 1) }
}

const fn decimal(text: &str) -> Exact {
    Exact::const_decimal(text)
}

/// The results real reports show, and where that knowledge comes from.
#[derive(Clone, Copy, Debug)]
pub struct Plausible {
    /// The lowest and highest result any report plausibly shows, in the base unit (inclusive).
    pub lowest: Exact,
    pub highest: Exact,
    /// What reports usually show, per unit, for the message that asks the patient to check.
    pub typical: &'static [(Unit, &'static str)],
    /// Where the range and the typical values come from.
    pub source: &'static str,
}

/// Everything the catalogue knows of one quantity.
#[derive(Clone, Copy, Debug)]
pub struct QuantityDefinition {
    /// What it is, in words, for the docs.
    pub what: &'static str,
    /// The units it is reported in; the first is the base unit.
    pub conversions: &'static [Conversion],
    pub plausible: Option<Plausible>,
    /// Where the conversion factors come from, when they are not plain definitions of the units.
    pub conversion_source: &'static str,
}

const EXACT_BY_DEFINITION: &str = "";

const fn plausible(
    lowest: &str,
    highest: &str,
    typical: &'static [(Unit, &'static str)],
    source: &'static str,
) -> Option<Plausible> {
    Some(Plausible { lowest: decimal(lowest), highest: decimal(highest), typical, source })
}

use Unit as U;

const BLOOD_COUNT_UNITS: &[Conversion] = &[
    base(U::BillionPerLitre),
    times(U::ThousandPerMicrolitre, Exact::const_ratio(1, 1)),
    times(U::PerMicrolitre, Exact::const_ratio(1, 1000)),
];
const PERCENT: &[Conversion] = &[base(U::Percent)];
const COUNT_SOURCE: &str = "1 ×10⁹/L = 1 ×10³/µL = 1,000 /µL (1 µL = 1 mm³) by definition of the units";

impl Quantity {
    /// The catalogue's entry. Exhaustive: a new quantity does not compile without one.
    pub fn definition(self) -> QuantityDefinition {
        // Each entry is a constant, so that its conversions live as long as the program.
        match self {
            Quantity::Bilirubin => {
                const {
                    QuantityDefinition {
                what: "serum total bilirubin",
                conversions: &[base(U::MicromolePerLitre), times(U::MilligramPerDecilitre, decimal("17.1"))],
                plausible: plausible(
                    "1",
                    "850",
                    &[(U::MicromolePerLitre, "3–21"), (U::MilligramPerDecilitre, "0.2–1.2")],
                    "adult reference interval about 3–21 µmol/L (0.2–1.2 mg/dL); results above 850 µmol/L (about 50 mg/dL) are not seen in living patients",
                ),
                conversion_source: "1 mg/dL = 17.1 µmol/L (molar mass 584.7 g/mol), the factor laboratories use",
            }
                }
            }
            Quantity::Creatinine => {
                const {
                    QuantityDefinition {
                what: "serum creatinine",
                conversions: &[base(U::MicromolePerLitre), times(U::MilligramPerDecilitre, decimal("88.4"))],
                plausible: plausible(
                    "15",
                    "1500",
                    &[(U::MicromolePerLitre, "45–110"), (U::MilligramPerDecilitre, "0.5–1.2")],
                    "adult reference interval about 45–110 µmol/L (0.5–1.2 mg/dL); young children start near 15–20 µmol/L; kidney failure rarely exceeds 1,500 µmol/L (17 mg/dL)",
                ),
                conversion_source: "1 mg/dL = 88.4 µmol/L (molar mass 113.12 g/mol), the factor laboratories use",
            }
                }
            }
            Quantity::Percentage => {
                const {
                    QuantityDefinition {
                        what: "a percentage",
                        conversions: PERCENT,
                        plausible: None,
                        conversion_source: EXACT_BY_DEFINITION,
                    }
                }
            }
            Quantity::EjectionFraction => {
                const {
                    QuantityDefinition {
                        what: "left ventricular ejection fraction (LVEF), from an echocardiogram or MUGA scan",
                        conversions: PERCENT,
                        plausible: plausible(
                            "5",
                            "85",
                            &[(U::Percent, "50–70")],
                            "normal LVEF is about 50–70 %; reports outside 5–85 % are not seen",
                        ),
                        conversion_source: EXACT_BY_DEFINITION,
                    }
                }
            }
            Quantity::OxygenSaturation => {
                const {
                    QuantityDefinition {
                what: "oxygen saturation (SpO2) on a pulse oximeter",
                conversions: PERCENT,
                plausible: plausible(
                    "50",
                    "100",
                    &[(U::Percent, "95–100")],
                    "healthy SpO2 is 95–100 %; pulse oximeters read unreliably below 70 % and patients below 50 % are not being screened",
                ),
                conversion_source: EXACT_BY_DEFINITION,
            }
                }
            }
            Quantity::PercentPredicted => {
                const {
                    QuantityDefinition {
                        what: "a lung function result as a percentage of the predicted value (FEV1, DLCO)",
                        conversions: PERCENT,
                        plausible: plausible(
                            "5",
                            "200",
                            &[(U::Percent, "80–120")],
                            "normal is about 80–120 % of predicted",
                        ),
                        conversion_source: EXACT_BY_DEFINITION,
                    }
                }
            }
            Quantity::EnzymeActivity => {
                const {
                    QuantityDefinition {
                        what: "enzyme activity, such as ALT or AST",
                        conversions: &[base(U::UnitsPerLitre), times(U::MicrokatalPerLitre, decimal("60"))],
                        plausible: None,
                        conversion_source: "1 µkat/L = 60 U/L (1 U = 1 µmol/min) by definition of the units",
                    }
                }
            }
            Quantity::NeutrophilCount => {
                const {
                    QuantityDefinition {
                        what: "absolute neutrophil count (ANC)",
                        conversions: BLOOD_COUNT_UNITS,
                        plausible: plausible(
                            "0",
                            "100",
                            &[
                                (U::BillionPerLitre, "2.0–7.5"),
                                (U::ThousandPerMicrolitre, "2.0–7.5"),
                                (U::PerMicrolitre, "2,000–7,500"),
                            ],
                            "adult reference interval about 2.0–7.5 ×10⁹/L; 0 is possible after chemotherapy",
                        ),
                        conversion_source: COUNT_SOURCE,
                    }
                }
            }
            Quantity::LymphocyteCount => {
                const {
                    QuantityDefinition {
                        what: "absolute lymphocyte count",
                        conversions: BLOOD_COUNT_UNITS,
                        plausible: plausible(
                            "0",
                            "500",
                            &[
                                (U::BillionPerLitre, "1.0–4.0"),
                                (U::ThousandPerMicrolitre, "1.0–4.0"),
                                (U::PerMicrolitre, "1,000–4,000"),
                            ],
                            "adult reference interval about 1.0–4.0 ×10⁹/L; leukaemias can reach several hundred",
                        ),
                        conversion_source: COUNT_SOURCE,
                    }
                }
            }
            Quantity::PlateletCount => {
                const {
                    QuantityDefinition {
                        what: "platelet count",
                        conversions: BLOOD_COUNT_UNITS,
                        plausible: plausible(
                            "0",
                            "2000",
                            &[
                                (U::BillionPerLitre, "150–400"),
                                (U::ThousandPerMicrolitre, "150–400"),
                                (U::PerMicrolitre, "150,000–400,000"),
                            ],
                            "adult reference interval about 150–400 ×10⁹/L",
                        ),
                        conversion_source: COUNT_SOURCE,
                    }
                }
            }
            Quantity::WhiteCellCount => {
                const {
                    QuantityDefinition {
                        what: "white blood cell count (WBC)",
                        conversions: BLOOD_COUNT_UNITS,
                        plausible: plausible(
                            "0",
                            "1000",
                            &[
                                (U::BillionPerLitre, "4.0–11.0"),
                                (U::ThousandPerMicrolitre, "4.0–11.0"),
                                (U::PerMicrolitre, "4,000–11,000"),
                            ],
                            "adult reference interval about 4.0–11.0 ×10⁹/L; leukaemias can reach several hundred",
                        ),
                        conversion_source: COUNT_SOURCE,
                    }
                }
            }
            Quantity::Haemoglobin => {
                const {
                    QuantityDefinition {
                        what: "haemoglobin (Hb)",
                        conversions: &[
                            base(U::GramPerLitre),
                            times(U::GramPerDecilitre, decimal("10")),
                            times(U::MillimolePerLitre, decimal("16.114")),
                        ],
                        plausible: plausible(
                            "30",
                            "250",
                            &[
                                (U::GramPerLitre, "115–175"),
                                (U::GramPerDecilitre, "11.5–17.5"),
                                (U::MillimolePerLitre, "7.1–10.9"),
                            ],
                            "adult reference interval about 115–175 g/L; below 30 g/L or above 250 g/L is not seen",
                        ),
                        conversion_source:
                            "1 g/dL = 10 g/L by definition; 1 mmol/L = 16.114 g/L (haemoglobin monomer, 16,114.5 g/mol)",
                    }
                }
            }
            Quantity::Albumin => {
                const {
                    QuantityDefinition {
                        what: "serum albumin",
                        conversions: &[base(U::GramPerLitre), times(U::GramPerDecilitre, decimal("10"))],
                        plausible: plausible(
                            "10",
                            "60",
                            &[(U::GramPerLitre, "35–50"), (U::GramPerDecilitre, "3.5–5.0")],
                            "adult reference interval about 35–50 g/L",
                        ),
                        conversion_source: "1 g/dL = 10 g/L by definition",
                    }
                }
            }
            Quantity::Hba1c => {
                const {
                    QuantityDefinition {
                what: "glycated haemoglobin (HbA1c)",
                conversions: &[
                    base(U::Percent),
                    Conversion { unit: U::MillimolePerMole, factor: decimal("0.09148"), offset: decimal("2.152") },
                ],
                plausible: plausible(
                    "3",
                    "20",
                    &[(U::Percent, "4.0–6.0"), (U::MillimolePerMole, "20–42")],
                    "without diabetes about 4.0–6.0 % (20–42 mmol/mol)",
                ),
                conversion_source: "the IFCC–NGSP master equation: NGSP % = 0.09148 × IFCC mmol/mol + 2.152 (Hoelzel et al., Clin Chem 2004)",
            }
                }
            }
            Quantity::Glucose => {
                const {
                    QuantityDefinition {
                        what: "blood glucose",
                        conversions: &[
                            base(U::MillimolePerLitre),
                            times(U::MilligramPerDecilitre, Exact::const_ratio(1000, 18016)),
                        ],
                        plausible: plausible(
                            "1",
                            "60",
                            &[(U::MillimolePerLitre, "4.0–7.8"), (U::MilligramPerDecilitre, "72–140")],
                            "fasting about 4.0–5.5 mmol/L and up to 7.8 mmol/L after a meal",
                        ),
                        conversion_source: "1 mmol/L = 18.016 mg/dL (molar mass 180.16 g/mol)",
                    }
                }
            }
            Quantity::Egfr => {
                const {
                    QuantityDefinition {
                        what: "estimated glomerular filtration rate (eGFR), normalised to 1.73 m² of body surface",
                        conversions: &[base(U::MillilitrePerMinutePerBodySurface)],
                        plausible: plausible(
                            "1",
                            "200",
                            &[(U::MillilitrePerMinutePerBodySurface, "90–120")],
                            "normal is about 90–120",
                        ),
                        conversion_source: EXACT_BY_DEFINITION,
                    }
                }
            }
            Quantity::CreatinineClearance => {
                const {
                    QuantityDefinition {
                        what: "creatinine clearance, measured or calculated (Cockcroft–Gault), not normalised",
                        conversions: &[base(U::MillilitrePerMinute), times(U::MillilitrePerSecond, decimal("60"))],
                        plausible: plausible(
                            "1",
                            "250",
                            &[(U::MillilitrePerMinute, "90–140")],
                            "normal is about 90–140 mL/min",
                        ),
                        conversion_source: "1 mL/s = 60 mL/min by definition",
                    }
                }
            }
            Quantity::Crp => {
                const {
                    QuantityDefinition {
                        what: "C-reactive protein (CRP)",
                        conversions: &[base(U::MilligramPerLitre), times(U::MilligramPerDecilitre, decimal("10"))],
                        plausible: plausible(
                            "0",
                            "600",
                            &[(U::MilligramPerLitre, "0–5"), (U::MilligramPerDecilitre, "0–0.5")],
                            "healthy below about 5 mg/L; severe infection can pass 300 mg/L",
                        ),
                        conversion_source: "1 mg/dL = 10 mg/L by definition",
                    }
                }
            }
            Quantity::Inr => {
                const {
                    QuantityDefinition {
                        what: "international normalised ratio (INR), which has no unit",
                        conversions: &[base(U::Ratio)],
                        plausible: plausible(
                            "0.5",
                            "15",
                            &[(U::Ratio, "0.8–1.2")],
                            "about 0.8–1.2 without anticoagulants",
                        ),
                        conversion_source: EXACT_BY_DEFINITION,
                    }
                }
            }
            Quantity::SystolicBloodPressure => {
                const {
                    QuantityDefinition {
                        what: "systolic (upper) blood pressure",
                        conversions: &[base(U::MillimetreOfMercury)],
                        plausible: plausible(
                            "50",
                            "300",
                            &[(U::MillimetreOfMercury, "90–140")],
                            "adults usually 90–140 mmHg",
                        ),
                        conversion_source: EXACT_BY_DEFINITION,
                    }
                }
            }
            Quantity::DiastolicBloodPressure => {
                const {
                    QuantityDefinition {
                        what: "diastolic (lower) blood pressure",
                        conversions: &[base(U::MillimetreOfMercury)],
                        plausible: plausible(
                            "20",
                            "200",
                            &[(U::MillimetreOfMercury, "60–90")],
                            "adults usually 60–90 mmHg",
                        ),
                        conversion_source: EXACT_BY_DEFINITION,
                    }
                }
            }
            Quantity::HeartRate => {
                const {
                    QuantityDefinition {
                        what: "heart rate (pulse) at rest",
                        conversions: &[base(U::PerMinute)],
                        plausible: plausible(
                            "20",
                            "250",
                            &[(U::PerMinute, "60–100")],
                            "adults at rest usually 60–100 beats a minute",
                        ),
                        conversion_source: EXACT_BY_DEFINITION,
                    }
                }
            }
            Quantity::Temperature => {
                const {
                    QuantityDefinition {
                        what: "body temperature",
                        conversions: &[
                            base(U::DegreeCelsius),
                            Conversion {
                                unit: U::DegreeFahrenheit,
                                factor: Exact::const_ratio(5, 9),
                                offset: Exact::const_ratio(-160, 9),
                            },
                        ],
                        plausible: plausible(
                            "30",
                            "45",
                            &[(U::DegreeCelsius, "36.1–37.2"), (U::DegreeFahrenheit, "97.0–99.0")],
                            "normal about 36.1–37.2 °C",
                        ),
                        conversion_source: "°C = (°F − 32) × 5/9 by definition",
                    }
                }
            }
            Quantity::Qtc => {
                const {
                    QuantityDefinition {
                        what: "corrected QT interval (QTc) on an ECG",
                        conversions: &[base(U::Millisecond), times(U::Second, decimal("1000"))],
                        plausible: plausible(
                            "250",
                            "700",
                            &[(U::Millisecond, "350–450"), (U::Second, "0.35–0.45")],
                            "usually about 350–450 ms",
                        ),
                        conversion_source: "1 s = 1,000 ms by definition",
                    }
                }
            }
            Quantity::ClottingTime => {
                const {
                    QuantityDefinition {
                        what: "a clotting time such as PT or aPTT",
                        conversions: &[base(U::Second)],
                        plausible: plausible(
                            "5",
                            "200",
                            &[(U::Second, "10–40")],
                            "PT about 10–14 s, aPTT about 25–40 s",
                        ),
                        conversion_source: EXACT_BY_DEFINITION,
                    }
                }
            }
            Quantity::Weight => {
                const {
                    QuantityDefinition {
                        what: "body weight",
                        conversions: &[base(U::Kilogram), times(U::Pound, decimal("0.45359237"))],
                        plausible: plausible("1", "350", &[], "from a small child to the heaviest adults"),
                        conversion_source: "1 lb = 0.45359237 kg exactly (international pound)",
                    }
                }
            }
            Quantity::Height => {
                const {
                    QuantityDefinition {
                        what: "body height",
                        conversions: &[
                            base(U::Centimetre),
                            times(U::Metre, decimal("100")),
                            times(U::Inch, decimal("2.54")),
                        ],
                        plausible: plausible("40", "250", &[], "from a newborn to the tallest adults"),
                        conversion_source: "1 in = 2.54 cm exactly",
                    }
                }
            }
            Quantity::Length => {
                const {
                    QuantityDefinition {
                        what: "a length on a scan, such as a lymph node or a vessel's diameter",
                        conversions: &[base(U::Millimetre), times(U::Centimetre, decimal("10"))],
                        plausible: None,
                        conversion_source: "1 cm = 10 mm by definition",
                    }
                }
            }
            Quantity::ViralLoad => {
                const {
                    QuantityDefinition {
                        what: "viral load, such as HIV RNA (assays differ, so IU/mL is not converted)",
                        conversions: &[base(U::CopiesPerMillilitre)],
                        plausible: None,
                        conversion_source: EXACT_BY_DEFINITION,
                    }
                }
            }
            Quantity::SteroidDose => {
                const {
                    QuantityDefinition {
                        what: "a daily steroid dose, as prednisone equivalent",
                        conversions: &[base(U::MilligramPerDay)],
                        plausible: None,
                        conversion_source: EXACT_BY_DEFINITION,
                    }
                }
            }
            Quantity::BodyMassIndex => {
                const {
                    QuantityDefinition {
                        what: "body mass index (BMI)",
                        conversions: &[base(U::KilogramPerSquareMetre)],
                        plausible: plausible(
                            "8",
                            "100",
                            &[(U::KilogramPerSquareMetre, "18.5–25")],
                            "18.5–25 is the healthy adult range",
                        ),
                        conversion_source: EXACT_BY_DEFINITION,
                    }
                }
            }
            Quantity::ZScore => {
                const {
                    QuantityDefinition {
                        what: "a z-score (standard deviations from the mean for age or body size)",
                        conversions: &[base(U::StandardDeviation)],
                        plausible: None,
                        conversion_source: EXACT_BY_DEFINITION,
                    }
                }
            }
        }
    }

    pub fn id(self) -> &'static str {
        self.name()
    }

    pub fn from_id(id: &str) -> Option<Quantity> {
        Quantity::parse(id)
    }

    pub fn base_unit(self) -> Unit {
        self.definition().conversions[0].unit
    }

    /// The units this quantity is reported in, base first.
    pub fn units(self) -> impl Iterator<Item = Unit> {
        self.definition().conversions.iter().map(|conversion| conversion.unit)
    }

    /// How `unit` converts to the base unit; `None` when it does not measure this quantity.
    pub fn conversion(self, unit: Unit) -> Option<Conversion> {
        self.definition().conversions.iter().find(|conversion| conversion.unit == unit).copied()
    }

    /// `value` in `unit`, expressed in the base unit.
    pub fn to_base(self, value: Exact, unit: Unit) -> Option<Exact> {
        self.conversion(unit)?.to_base(value)
    }

    /// A value in the base unit, expressed in `unit` (the inverse of `to_base`).
    pub fn from_base(self, value: Exact, unit: Unit) -> Option<Exact> {
        let conversion = self.conversion(unit)?;
        value.checked_sub(conversion.offset)?.checked_div(conversion.factor)
    }

    /// Whether `value` in `unit` is far from anything reports show: `Some(Side)` when it is below or
    /// above the plausible range, `None` when it is inside it or the quantity has no range.
    pub fn implausible_side(self, value: Exact, unit: Unit) -> Option<Side> {
        let plausible = self.definition().plausible?;
        let in_base = self.to_base(value, unit)?;
        if in_base.checked_cmp(plausible.lowest) == Some(std::cmp::Ordering::Less) {
            Some(Side::Below)
        } else if in_base.checked_cmp(plausible.highest) == Some(std::cmp::Ordering::Greater) {
            Some(Side::Above)
        } else {
            None
        }
    }
}

/// Which side of a range a value falls on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Below,
    Above,
}

impl Conversion {
    /// A number already in the terms it is compared in (years, × ULN, a choice's score).
    pub const IDENTITY: Conversion = base(Unit::Ratio);

    pub fn to_base(self, value: Exact) -> Option<Exact> {
        value.checked_mul(self.factor)?.checked_add(self.offset)
    }

    /// Whether the conversion is a factor alone (no offset).
    pub fn is_proportional(self) -> bool {
        self.offset == Exact::from_integer(0)
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

    /// `value` in `unit` compared with `limit` in the base unit.
    fn compare(quantity: Quantity, value: &str, unit: Unit, limit: &str) -> Option<Ordering> {
        in_base(quantity, value, unit).checked_cmp(exact(limit))
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

    /// Each conversion at a limit, in both directions: the value on the limit in the other unit is
    /// equal (or, where the factor does not terminate, lands on the right side of it).
    #[test]
    fn conversions_at_limits_in_both_directions() {
        use Ordering::{Equal, Greater, Less};
        // Haemoglobin > 90 g/L (NCT05438667) is 9.0 g/dL.
        assert_eq!(compare(Quantity::Haemoglobin, "9.0", Unit::GramPerDecilitre, "90"), Some(Equal));
        assert_eq!(compare(Quantity::Haemoglobin, "8.9", Unit::GramPerDecilitre, "90"), Some(Less));
        assert_eq!(Quantity::Haemoglobin.from_base(exact("90"), Unit::GramPerDecilitre), Some(exact("9")));
        // ANC ≥ 1.5 ×10⁹/L is 1,500 /µL and 1.5 ×10³/µL.
        assert_eq!(compare(Quantity::NeutrophilCount, "1500", Unit::PerMicrolitre, "1.5"), Some(Equal));
        assert_eq!(compare(Quantity::NeutrophilCount, "1499", Unit::PerMicrolitre, "1.5"), Some(Less));
        assert_eq!(compare(Quantity::NeutrophilCount, "1.5", Unit::ThousandPerMicrolitre, "1.5"), Some(Equal));
        assert_eq!(Quantity::PlateletCount.from_base(exact("100"), Unit::PerMicrolitre), Some(exact("100000")));
        // HbA1c 8 % is 63.93 mmol/mol by the master equation: 64 is above, 63 below.
        assert_eq!(compare(Quantity::Hba1c, "64", Unit::MillimolePerMole, "8"), Some(Greater));
        assert_eq!(compare(Quantity::Hba1c, "63", Unit::MillimolePerMole, "8"), Some(Less));
        let eight_percent = Quantity::Hba1c.from_base(exact("8"), Unit::MillimolePerMole).unwrap();
        assert_eq!(Quantity::Hba1c.to_base(eight_percent, Unit::MillimolePerMole), Some(exact("8")));
        // 37.5 °C is 99.5 °F, and 100.4 °F (a common fever limit) is exactly 38 °C.
        assert_eq!(compare(Quantity::Temperature, "99.5", Unit::DegreeFahrenheit, "37.5"), Some(Equal));
        assert_eq!(compare(Quantity::Temperature, "100.4", Unit::DegreeFahrenheit, "38"), Some(Equal));
        assert_eq!(compare(Quantity::Temperature, "100.3", Unit::DegreeFahrenheit, "38"), Some(Less));
        assert_eq!(Quantity::Temperature.from_base(exact("38"), Unit::DegreeFahrenheit), Some(exact("100.4")));
        // Glucose 7.0 mmol/L is 126.112 mg/dL; 126 mg/dL (the diabetes limit in mg/dL) is just below it.
        assert_eq!(compare(Quantity::Glucose, "126.112", Unit::MilligramPerDecilitre, "7"), Some(Equal));
        assert_eq!(compare(Quantity::Glucose, "126", Unit::MilligramPerDecilitre, "7"), Some(Less));
        // 70 kg is 154.32 lb; 1 lb is exactly 0.45359237 kg.
        let one_pound = Quantity::Weight.to_base(exact("1"), Unit::Pound);
        assert_eq!(one_pound, Some(Exact::const_ratio(45_359_237, 100_000_000)));
        assert_eq!(compare(Quantity::Height, "70", Unit::Inch, "177.8"), Some(Equal));
        assert_eq!(compare(Quantity::CreatinineClearance, "1", Unit::MillilitrePerSecond, "60"), Some(Equal));
        assert_eq!(compare(Quantity::Qtc, "0.45", Unit::Second, "450"), Some(Equal));
        assert_eq!(compare(Quantity::Crp, "1", Unit::MilligramPerDecilitre, "10"), Some(Equal));
        assert_eq!(compare(Quantity::EnzymeActivity, "1", Unit::MicrokatalPerLitre, "60"), Some(Equal));
    }

    #[test]
    fn every_conversion_round_trips_and_the_first_is_the_base() {
        for quantity in Quantity::ALL {
            let definition = quantity.definition();
            assert!(
                definition.conversions[0].factor == Exact::from_integer(1)
                    && definition.conversions[0].is_proportional()
            );
            for conversion in definition.conversions {
                for text in ["0", "1", "37.5", "1234.5"] {
                    let value = exact(text);
                    let there = quantity.to_base(value, conversion.unit).unwrap();
                    assert_eq!(
                        quantity.from_base(there, conversion.unit),
                        Some(value),
                        "{quantity:?} {:?}",
                        conversion.unit
                    );
                }
            }
        }
    }

    /// The plausible range of every quantity, in every unit, on both edges: the edge itself is
    /// plausible, a step beyond it is not.
    #[test]
    fn plausible_ranges_at_their_edges_in_every_unit() {
        let step = exact("0.001");
        for quantity in Quantity::ALL {
            let Some(plausible) = quantity.definition().plausible else { continue };
            for unit in quantity.units() {
                let lowest = quantity.from_base(plausible.lowest, unit).unwrap();
                let highest = quantity.from_base(plausible.highest, unit).unwrap();
                let context = format!("{quantity:?} in {unit:?}");
                assert_eq!(quantity.implausible_side(lowest, unit), None, "{context}: lowest");
                assert_eq!(quantity.implausible_side(highest, unit), None, "{context}: highest");
                assert_eq!(
                    quantity.implausible_side(lowest.checked_sub(step).unwrap(), unit),
                    Some(Side::Below),
                    "{context}"
                );
                assert_eq!(
                    quantity.implausible_side(highest.checked_add(step).unwrap(), unit),
                    Some(Side::Above),
                    "{context}"
                );
            }
            for (unit, _) in plausible.typical {
                assert!(
                    quantity.conversion(*unit).is_some(),
                    "{quantity:?}: typical values in a unit it does not take"
                );
            }
        }
    }

    /// The slips the plausible ranges are for: a creatinine of 2.5 typed with µmol/L (the patient's
    /// report says mg/dL) is far below any result; the same number in mg/dL is an ordinary result.
    #[test]
    fn a_unit_slip_is_implausible() {
        let creatinine = Quantity::Creatinine;
        assert_eq!(creatinine.implausible_side(exact("2.5"), Unit::MicromolePerLitre), Some(Side::Below));
        assert_eq!(creatinine.implausible_side(exact("2.5"), Unit::MilligramPerDecilitre), None);
        assert_eq!(creatinine.implausible_side(exact("221"), Unit::MilligramPerDecilitre), Some(Side::Above));
        assert_eq!(creatinine.implausible_side(exact("221"), Unit::MicromolePerLitre), None);
        assert_eq!(creatinine.implausible_side(exact("15"), Unit::MicromolePerLitre), None);
        assert_eq!(creatinine.implausible_side(exact("14.9"), Unit::MicromolePerLitre), Some(Side::Below));
        let platelets = Quantity::PlateletCount;
        assert_eq!(platelets.implausible_side(exact("150000"), Unit::BillionPerLitre), Some(Side::Above));
        assert_eq!(platelets.implausible_side(exact("150000"), Unit::PerMicrolitre), None);
        assert_eq!(Quantity::Temperature.implausible_side(exact("99"), Unit::DegreeCelsius), Some(Side::Above));
        assert_eq!(Quantity::Temperature.implausible_side(exact("99"), Unit::DegreeFahrenheit), None);
    }

    #[test]
    fn units_of_another_quantity_do_not_convert() {
        assert!(Quantity::Percentage.conversion(Unit::MilligramPerDecilitre).is_none());
        assert!(Quantity::EnzymeActivity.conversion(Unit::MicromolePerLitre).is_none());
        assert!(Quantity::Bilirubin.conversion(Unit::Percent).is_none());
        assert!(Quantity::Egfr.conversion(Unit::MillilitrePerMinute).is_none(), "eGFR is normalised, CrCl is not");
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
        check("x LLN", Some(Unit::TimesLowerLimit));
        check("％", Some(Unit::Percent));
        check("mmol/L", Some(Unit::MillimolePerLitre));
        check("×10⁹/L", Some(Unit::BillionPerLitre));
        check("x10^9/L", Some(Unit::BillionPerLitre));
        check("10*9/L", Some(Unit::BillionPerLitre));
        check("/mm3", Some(Unit::PerMicrolitre));
        check("/ mm^3", Some(Unit::PerMicrolitre));
        check("gm/dl", Some(Unit::GramPerDecilitre));
        check("mL/min/1.73 m²", Some(Unit::MillilitrePerMinutePerBodySurface));
        check("°F", Some(Unit::DegreeFahrenheit));
        check("lbs", Some(Unit::Pound));
        check("mmol", None);
        check("", None);
    }

    #[test]
    fn no_two_units_are_written_alike() {
        let mut seen = std::collections::BTreeMap::new();
        for unit in Unit::ALL {
            let spellings = [unit.id(), unit.symbol()].into_iter().chain(unit.aliases().iter().copied());
            for spelling in spellings.filter(|spelling| !spelling.is_empty()) {
                if let Some(other) = seen.insert(fold(spelling), *unit) {
                    assert_eq!(other, *unit, "{spelling:?} reads as {other:?} and {unit:?}");
                }
            }
        }
    }

    #[test]
    fn every_unit_id_symbol_and_alias_parses_back_to_itself() {
        for unit in Unit::ALL {
            assert_eq!(Unit::parse(unit.id()), Some(*unit), "{unit:?}");
            if !unit.symbol().is_empty() {
                assert_eq!(Unit::parse(unit.symbol()), Some(*unit), "{unit:?}");
            }
            for alias in unit.aliases() {
                assert_eq!(Unit::parse(alias), Some(*unit), "{alias:?}");
            }
        }
    }
}

//! The validated trial definition the engine works with. Only `load/` builds these values, so
//! every invariant below holds for any `Definition` in hand: ids are unique, rules refer to questions
//! that exist and compare them with values of the right kind and unit, and a question's visibility
//! depends only on questions asked before it.

use super::dates::Duration;
use super::derived::Formula;
use super::exact::Exact;
use super::names::named_enum;
use super::text::{Text, Worded};
use super::units::{Quantity, Unit};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(String);

        impl $name {
            pub fn new(id: impl Into<String>) -> $name {
                $name(id.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str(&self.0)
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }
    };
}

id_type!(
    /// A question's stable id, as written in the definition and in answer files.
    QuestionId
);
id_type!(
    /// A choice's id, unique within its question.
    ChoiceId
);
id_type!(
    /// A criterion's id, unique within the definition.
    CriterionId
);

#[derive(Clone, Debug)]
pub struct Definition {
    /// Language tags in the definition's order; the first is the fallback.
    pub languages: Vec<String>,
    pub trial: Trial,
    pub questions: Vec<Question>,
    pub criteria: Vec<Criterion>,
    /// Study dates not yet fixed when a patient answers (randomization, the first dose), each
    /// known to fall in a range of days from today; date windows may be counted back from them.
    pub study_dates: Vec<StudyDate>,
    /// Values computed from answers by a named formula (BMI, creatinine clearance, age from a
    /// date of birth), which rules compare like measured values.
    pub derived: Vec<Derived>,
    /// For each criterion, the questions its rule reads (a derived value's inputs included),
    /// sorted, each once.
    pub(crate) criterion_questions: Vec<Vec<usize>>,
    /// For each criterion with parts, the questions each part's rule reads (as `criterion_questions`).
    pub(crate) part_questions: Vec<Vec<Vec<usize>>>,
    /// For each question, the criteria whose rule reads it: the criteria to decide again when its
    /// answer, or whether it is shown, changes.
    pub(crate) question_criteria: Vec<Vec<usize>>,
    /// For each question, the earlier questions its `visible_when` reads.
    pub(crate) visibility_dependencies: Vec<Vec<usize>>,
    /// For each question, the later questions whose `visible_when` reads it directly.
    pub(crate) visibility_dependents: Vec<Vec<usize>>,
    /// Each question's index by its id, so that answers files are read by key, not by a search.
    pub(crate) question_ids: std::collections::BTreeMap<String, usize>,
}

#[derive(Clone, Debug)]
pub struct Trial {
    pub id: String,
    /// The registry's title, verbatim.
    pub title: String,
    pub plain_title: Text,
    /// The sponsor's name, in each language where it has one.
    pub sponsor: Text,
    pub registry_id: String,
    pub condition: Text,
    pub definition_version: String,
    pub definition_date: String,
    /// Where the criterion texts were taken from.
    pub source: Text,
    /// The registry's age limits; no maximum when the registry sets none. `load` checks that the
    /// rules enforce them.
    pub minimum_age_years: u32,
    /// A minimum the registry gives in months ("6 Months"), applied to a date of birth; when set,
    /// `minimum_age_years` is the whole years in it.
    pub minimum_age_months: Option<u32>,
    pub maximum_age_years: Option<u32>,
    pub sex: SexEligibility,
    pub contacts: Vec<Contact>,
    /// Interpretations that concern the whole trial rather than one criterion.
    pub notes: Vec<Text>,
}

named_enum! {
    /// Who the registry lists as eligible, by sex (`trial.sex`).
    pub enum SexEligibility {
        All = "all",
        Female = "female",
        Male = "male",
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    pub name: String,
    pub role: Text,
    pub phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Question {
    pub id: QuestionId,
    pub kind: QuestionKind,
    /// Wording for a patient answering for themselves.
    pub text: Text,
    /// Wording for someone answering for the patient (a parent, a partner).
    pub caregiver_text: Text,
    pub why: Option<Worded>,
    pub where_to_find: Option<Worded>,
    /// Whether "I don't know" is offered.
    pub allow_unknown: bool,
    pub visible_when: Option<Rule>,
}

named_enum! {
    /// The `kind` of a question as written in the file; `QuestionKind` holds what each kind needs.
    pub enum QuestionKindName {
        YesNo = "yes_no",
        SingleChoice = "single_choice",
        MultipleChoice = "multiple_choice",
        Number = "number",
        Age = "age",
        AgainstUpperLimit = "against_upper_limit",
        AgainstReferenceRange = "against_reference_range",
        Date = "date",
    }
}

impl QuestionKindName {
    /// The fields a question of this kind takes beyond those every question has.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            QuestionKindName::YesNo => &[],
            QuestionKindName::SingleChoice | QuestionKindName::MultipleChoice => &["choices"],
            QuestionKindName::Number => &["quantity", "units", "min", "max"],
            QuestionKindName::Age => &["min", "max"],
            QuestionKindName::AgainstUpperLimit | QuestionKindName::AgainstReferenceRange => &["quantity", "units"],
            QuestionKindName::Date => &[],
        }
    }
}

#[derive(Clone, Debug)]
pub enum QuestionKind {
    YesNo,
    SingleChoice {
        choices: Vec<Choice>,
    },
    MultipleChoice {
        choices: Vec<Choice>,
    },
    /// A measured value; `minimum` and `maximum` bound plausible entries and are in `units[0]`.
    Number {
        quantity: Quantity,
        units: Vec<Unit>,
        minimum: Exact,
        maximum: Exact,
    },
    /// Age in whole years.
    Age {
        minimum_years: u32,
        maximum_years: u32,
    },
    /// A lab value compared with the upper reference limit printed beside it on the report
    /// ("ALT < 5 × ULN", "creatinine ≤ 1.5 × ULN"). Both are entered in the same unit, whichever of
    /// `units` the report uses; the comparison is a ratio, so the unit is shown, never converted.
    AgainstUpperLimit {
        units: Vec<Unit>,
    },
    /// A lab value with the lower and upper reference limits printed beside it ("within normal
    /// limits", "≥ 0.8 × LLN"), all three in the same unit.
    AgainstReferenceRange {
        units: Vec<Unit>,
    },
    /// A calendar date: a day, or a month and year when that is all the patient knows.
    Date,
}

#[derive(Clone, Debug)]
pub struct Choice {
    pub id: ChoiceId,
    pub label: Text,
    pub caregiver_label: Option<Text>,
    /// A number the choice stands for (a KPS level), so rules can compare it like a number.
    pub score: Option<Exact>,
    /// In a multiple choice, a choice such as "none of these" that cannot be combined with others.
    pub exclusive: bool,
}

named_enum! {
    /// Whether a criterion must be met (inclusion) or must not be (exclusion).
    pub enum CriterionKind {
        Inclusion = "inclusion",
        Exclusion = "exclusion",
    }
}

impl CriterionKind {
    pub fn id(self) -> &'static str {
        self.name()
    }
}

#[derive(Clone, Debug)]
pub struct Criterion {
    pub id: CriterionId,
    pub kind: CriterionKind,
    /// The criterion's label in the registry's list, as the registry writes it: "3", "9A", "a".
    pub label: String,
    /// The registry's criterion text, verbatim.
    pub registry_text: String,
    /// Translations of the registry text, shown beside it (some languages only).
    pub registry_translation: Option<Text>,
    /// The criterion in plain words.
    pub summary: Text,
    /// How the registry text was read, where it needed reading.
    pub interpretation: Option<Text>,
    /// What to ask the care team when the answers leave the criterion unknown.
    pub ask_care_team: Option<Worded>,
    /// When the criterion is met. For a criterion with parts, the parts' rules combined (every
    /// part for `all`, one part for `any`).
    pub rule: Rule,
    /// The registry's parts of the criterion ("Adequate organ function: a. ANC …, b. platelets …"),
    /// each decided and shown on its own.
    pub parts: Vec<Part>,
}

/// One part of a criterion, with the registry's words for it and its own rule.
#[derive(Clone, Debug)]
pub struct Part {
    pub label: String,
    pub registry_text: String,
    pub registry_translation: Option<Text>,
    pub summary: Text,
    pub interpretation: Option<Text>,
    pub ask_care_team: Option<Worded>,
    pub rule: Rule,
}

named_enum! {
    /// How a criterion's parts combine: all must be met, or one is enough.
    pub enum Combine {
        All = "all",
        Any = "any",
    }
}

/// A condition over the answers, evaluated in three-valued logic (see `evaluate.rs`).
#[derive(Clone, Debug)]
pub enum Rule {
    Constant(bool),
    /// What no pre-screen can know (consent, a judgement, a test the study runs): always
    /// `Truth::ForStudyTeam`, which never rules a patient in or out.
    StudyTeamChecks,
    All(Vec<Rule>),
    Any(Vec<Rule>),
    Not(Box<Rule>),
    /// A test of one question's answer; `question` indexes `Definition::questions`.
    Compare {
        question: usize,
        test: Test,
    },
    /// A derived value (`Definition::derived[derived]`) compared with a limit in its unit's base:
    /// `Test::Number` or `Test::Between`.
    CompareDerived {
        derived: usize,
        test: Test,
    },
}

/// A study date that is not fixed when the patient answers: it will fall between `earliest_days`
/// and `latest_days` from today, both included.
#[derive(Clone, Debug)]
pub struct StudyDate {
    pub id: String,
    pub name: Text,
    pub earliest_days: u32,
    pub latest_days: u32,
}

/// A value computed from answers by a named formula.
#[derive(Clone, Debug)]
pub struct Derived {
    pub id: String,
    pub name: Text,
    pub formula: Formula,
    /// The question giving each of the formula's inputs, in `Formula::inputs` order.
    pub inputs: Vec<usize>,
}

/// What a date window is counted back from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Today,
    /// `Definition::study_dates[index]`.
    Study(usize),
}

/// Which reference limit a value is compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReferenceLimit {
    Lower,
    Upper,
}

#[derive(Clone, Debug)]
pub enum Test {
    /// The answer as a number (converted to the quantity's base unit, a multiple of the upper
    /// limit, whole years, or a choice's score) compared with `limit` in the same terms.
    Number {
        relation: Relation,
        limit: Exact,
    },
    /// Inclusive at both ends.
    Between {
        minimum: Exact,
        maximum: Exact,
    },
    YesNo(bool),
    ChoiceIs(ChoiceId),
    /// Single choice: the answer is one of these. Multiple choice: at least one of these is picked.
    AnyOf(Vec<ChoiceId>),
    /// Multiple choice: every one of these is picked.
    AllOf(Vec<ChoiceId>),
    /// A date question: the time from the answer to `anchor`, compared with `duration` ("at least
    /// 28 days before randomization", "in the last 6 months").
    Elapsed {
        anchor: Anchor,
        relation: Relation,
        duration: Duration,
    },
    /// A date question: at least `shortest` and at most `longest` before `anchor`.
    ElapsedBetween {
        anchor: Anchor,
        shortest: Duration,
        longest: Duration,
    },
    /// A reference-range question: the value lies within its range, limits included.
    WithinRange,
    /// A reference-range question: the value compared with `factor` × one of its limits.
    TimesLimit {
        limit: ReferenceLimit,
        relation: Relation,
        factor: Exact,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    Less,
    LessOrEqual,
    Equal,
    GreaterOrEqual,
    Greater,
}

named_enum! {
    /// A comparison's `op`, as written in a rule.
    pub enum Op {
        Less = "<",
        LessOrEqual = "<=" | "≤",
        Equal = "=" | "==",
        GreaterOrEqual = ">=" | "≥",
        Greater = ">",
        Between = "between",
        Equals = "equals",
        AnyOf = "any_of",
        AllOf = "all_of",
        WithinReferenceRange = "within_reference_range",
    }
}

impl Op {
    /// The ordering this op tests, for the ops that compare numbers with one limit.
    pub fn relation(self) -> Option<Relation> {
        match self {
            Op::Less => Some(Relation::Less),
            Op::LessOrEqual => Some(Relation::LessOrEqual),
            Op::Equal => Some(Relation::Equal),
            Op::GreaterOrEqual => Some(Relation::GreaterOrEqual),
            Op::Greater => Some(Relation::Greater),
            Op::Between | Op::Equals | Op::AnyOf | Op::AllOf | Op::WithinReferenceRange => None,
        }
    }

    /// Whether the op compares the answer as a number.
    pub fn is_numeric(self) -> bool {
        self.relation().is_some() || self == Op::Between
    }

    /// The fields holding what the answer is compared with.
    pub fn operand_fields(self) -> &'static [&'static str] {
        match self {
            Op::Between => &["min", "max"],
            Op::AnyOf | Op::AllOf => &["values"],
            Op::WithinReferenceRange => &[],
            Op::Less | Op::LessOrEqual | Op::Equal | Op::GreaterOrEqual | Op::Greater | Op::Equals => &["value"],
        }
    }
}

impl Relation {
    pub fn holds(self, ordering: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::{Equal, Greater, Less};
        match self {
            Relation::Less => ordering == Less,
            Relation::LessOrEqual => ordering != Greater,
            Relation::Equal => ordering == Equal,
            Relation::GreaterOrEqual => ordering != Less,
            Relation::Greater => ordering == Greater,
        }
    }
}

impl Rule {
    /// Whether the rule leaves anything to the study team.
    pub fn mentions_study_team(&self) -> bool {
        match self {
            Rule::StudyTeamChecks => true,
            Rule::All(rules) | Rule::Any(rules) => rules.iter().any(Rule::mentions_study_team),
            Rule::Not(rule) => rule.mentions_study_team(),
            Rule::Constant(_) | Rule::Compare { .. } | Rule::CompareDerived { .. } => false,
        }
    }
}

/// How much of a criterion the rules decide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decided {
    /// By the answers alone.
    ByRules,
    /// Partly by the answers, partly by the study team.
    Partly,
    /// Only by the study team.
    ByStudyTeam,
}

impl Criterion {
    pub fn decided(&self) -> Decided {
        let rules: Vec<&Rule> =
            if self.parts.is_empty() { vec![&self.rule] } else { self.parts.iter().map(|part| &part.rule).collect() };
        if rules.iter().all(|rule| matches!(rule, Rule::StudyTeamChecks)) {
            Decided::ByStudyTeam
        } else if rules.iter().any(|rule| rule.mentions_study_team()) {
            Decided::Partly
        } else {
            Decided::ByRules
        }
    }
}

impl Definition {
    /// How many entries the evaluation indexes hold in all. They grow with the file (every entry is
    /// one question a rule reads), never with questions × criteria; a test pins this.
    pub fn index_entries(&self) -> usize {
        let parts: usize = self.part_questions.iter().flatten().map(Vec::len).sum();
        [&self.criterion_questions, &self.question_criteria, &self.visibility_dependencies, &self.visibility_dependents]
            .iter()
            .map(|index| index.iter().map(Vec::len).sum::<usize>())
            .sum::<usize>()
            + parts
    }

    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.question_ids.get(id).copied()
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_index(id).map(|index| &self.questions[index])
    }

    pub fn study_date(&self, id: &str) -> Option<usize> {
        self.study_dates.iter().position(|date| date.id == id)
    }

    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|criterion| criterion.id.as_str() == id)
    }
}

impl Question {
    /// The wording for who is answering.
    pub fn text_for(&self, respondent: Respondent) -> &Text {
        match respondent {
            Respondent::Patient => &self.text,
            Respondent::Caregiver => &self.caregiver_text,
        }
    }

    pub fn choices(&self) -> &[Choice] {
        self.kind.choices()
    }

    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.choices().iter().find(|choice| choice.id.as_str() == id)
    }
}

impl Contact {
    /// The `mailto:` link for the email address (checked by the loader to be plain), with every
    /// character but letters, digits and `. _ - @` percent-encoded all the same.
    pub fn mailto(&self) -> Option<String> {
        let email = self.email.as_deref()?;
        let mut link = String::from("mailto:");
        for byte in email.bytes() {
            if byte.is_ascii_alphanumeric() || b"._-@".contains(&byte) {
                link.push(char::from(byte));
            } else {
                link.push_str(&format!("%{byte:02X}"));
            }
        }
        Some(link)
    }

    /// The `tel:` link for the phone number: its leading `+` and its digits only.
    pub fn tel(&self) -> Option<String> {
        let phone = self.phone.as_deref()?;
        let plus = if phone.trim_start().starts_with('+') { "+" } else { "" };
        Some(format!("tel:{plus}{}", phone.chars().filter(char::is_ascii_digit).collect::<String>()))
    }
}

impl QuestionKind {
    pub fn name(&self) -> QuestionKindName {
        match self {
            QuestionKind::YesNo => QuestionKindName::YesNo,
            QuestionKind::SingleChoice { .. } => QuestionKindName::SingleChoice,
            QuestionKind::MultipleChoice { .. } => QuestionKindName::MultipleChoice,
            QuestionKind::Number { .. } => QuestionKindName::Number,
            QuestionKind::Age { .. } => QuestionKindName::Age,
            QuestionKind::AgainstUpperLimit { .. } => QuestionKindName::AgainstUpperLimit,
            QuestionKind::AgainstReferenceRange { .. } => QuestionKindName::AgainstReferenceRange,
            QuestionKind::Date => QuestionKindName::Date,
        }
    }

    /// The choices of a choice question; none for other kinds.
    pub fn choices(&self) -> &[Choice] {
        match self {
            QuestionKind::SingleChoice { choices } | QuestionKind::MultipleChoice { choices } => choices,
            QuestionKind::YesNo
            | QuestionKind::Number { .. }
            | QuestionKind::Age { .. }
            | QuestionKind::AgainstUpperLimit { .. }
            | QuestionKind::AgainstReferenceRange { .. }
            | QuestionKind::Date => &[],
        }
    }
}

impl Choice {
    pub fn label_for(&self, respondent: Respondent) -> &Text {
        match (respondent, &self.caregiver_label) {
            (Respondent::Caregiver, Some(label)) => label,
            (Respondent::Caregiver, None) | (Respondent::Patient, _) => &self.label,
        }
    }
}

/// Who is answering the questionnaire; it changes only the wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Respondent {
    #[default]
    Patient,
    Caregiver,
}

//! The validated trial definition the engine works with. Only `load/` builds these values, so
//! every invariant below holds for any `Definition` in hand: ids are unique, rules refer to questions
//! that exist and compare them with values of the right kind and unit, and a question's visibility
//! depends only on questions asked before it.

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
    /// For each criterion, the questions its rule reads, sorted, each once.
    pub(crate) criterion_questions: Vec<Vec<usize>>,
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
            QuestionKindName::AgainstUpperLimit => &["units"],
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
    /// ("ALT < 5 × ULN"); both are entered in `unit`.
    AgainstUpperLimit {
        unit: Unit,
    },
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
    /// The criterion's number in the registry's list.
    pub number: u32,
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
    pub rule: Rule,
}

/// A condition over the answers, evaluated in three-valued logic (see `evaluate.rs`).
#[derive(Clone, Debug)]
pub enum Rule {
    Constant(bool),
    All(Vec<Rule>),
    Any(Vec<Rule>),
    Not(Box<Rule>),
    /// A test of one question's answer; `question` indexes `Definition::questions`.
    Compare {
        question: usize,
        test: Test,
    },
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
            Op::Between | Op::Equals | Op::AnyOf | Op::AllOf => None,
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

impl Definition {
    /// How many entries the evaluation indexes hold in all. They grow with the file (every entry is
    /// one question a rule reads), never with questions × criteria; a test pins this.
    pub fn index_entries(&self) -> usize {
        [&self.criterion_questions, &self.question_criteria, &self.visibility_dependencies, &self.visibility_dependents]
            .iter()
            .map(|index| index.iter().map(Vec::len).sum::<usize>())
            .sum()
    }

    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.question_ids.get(id).copied()
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_index(id).map(|index| &self.questions[index])
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
        }
    }

    /// The choices of a choice question; none for other kinds.
    pub fn choices(&self) -> &[Choice] {
        match self {
            QuestionKind::SingleChoice { choices } | QuestionKind::MultipleChoice { choices } => choices,
            QuestionKind::YesNo
            | QuestionKind::Number { .. }
            | QuestionKind::Age { .. }
            | QuestionKind::AgainstUpperLimit { .. } => &[],
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

//! The validated trial definition the engine works with. Only `load.rs` builds these values, so
//! every invariant below holds for any `Definition` in hand: ids are unique, rules refer to questions
//! that exist and compare them with values of the right kind and unit, and a question's visibility
//! depends only on questions asked before it.

use super::exact::Exact;
use super::text::Text;
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
    /// For each criterion, every question whose answer can change its status: the questions its
    /// rule reads plus, transitively, the questions that decide whether those are shown.
    pub(crate) criterion_questions: Vec<Vec<usize>>,
    /// For each question, the criteria whose `criterion_questions` include it: the only criteria an
    /// answer to it can change.
    pub(crate) question_criteria: Vec<Vec<usize>>,
    /// For each question, the later questions whose `visible_when` reads it directly.
    pub(crate) visibility_dependents: Vec<Vec<usize>>,
}

#[derive(Clone, Debug)]
pub struct Trial {
    pub id: String,
    /// The registry's title, verbatim.
    pub title: String,
    pub plain_title: Text,
    pub sponsor: String,
    pub registry_id: String,
    pub condition: Text,
    pub definition_version: String,
    pub definition_date: String,
    /// Where the criterion texts were taken from.
    pub source: String,
    pub minimum_age_years: u32,
    pub maximum_age_years: u32,
    pub sex: SexEligibility,
    pub contacts: Vec<Contact>,
    /// Interpretations that concern the whole trial rather than one criterion.
    pub notes: Vec<Text>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SexEligibility {
    All,
    Female,
    Male,
}

#[derive(Clone, Debug)]
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
    pub why: Option<Text>,
    pub where_to_find: Option<Text>,
    /// Whether "I don't know" is offered.
    pub allow_unknown: bool,
    pub visible_when: Option<Rule>,
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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CriterionKind {
    Inclusion,
    Exclusion,
}

impl CriterionKind {
    pub fn id(self) -> &'static str {
        match self {
            CriterionKind::Inclusion => "inclusion",
            CriterionKind::Exclusion => "exclusion",
        }
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
    pub ask_care_team: Option<Text>,
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

impl Relation {
    pub fn parse(op: &str) -> Option<Relation> {
        let relation = match op {
            "<" => Relation::Less,
            "<=" | "≤" => Relation::LessOrEqual,
            "=" | "==" => Relation::Equal,
            ">=" | "≥" => Relation::GreaterOrEqual,
            ">" => Relation::Greater,
            _ => return None,
        };
        Some(relation)
    }

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
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|question| question.id.as_str() == id)
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
        match &self.kind {
            QuestionKind::SingleChoice { choices } | QuestionKind::MultipleChoice { choices } => choices,
            _ => &[],
        }
    }

    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.choices().iter().find(|choice| choice.id.as_str() == id)
    }
}

impl Choice {
    pub fn label_for(&self, respondent: Respondent) -> &Text {
        match (respondent, &self.caregiver_label) {
            (Respondent::Caregiver, Some(label)) => label,
            _ => &self.label,
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

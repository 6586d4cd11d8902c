//! The screening engine: trial definitions, answers, rules, units and outcomes.
//!
//! It must never import yew, web-sys, gloo or wasm-bindgen, and never do IO (no files, network,
//! clock or randomness): it builds and tests natively, and `tests/engine_is_pure.rs` fails if a
//! module here reaches for any of them. Evaluating cannot fail; only loading a definition and
//! reading answers or typed numbers can, with the typed errors below.

mod answers;
mod bank;
mod catalogue;
pub mod compact;
mod date_input;
mod dates;
mod derived;
mod evaluate;
mod exact;
mod format;
mod input;
mod json;
pub(crate) mod load;
mod model;
mod names;
mod number_input;
mod path;
mod progress;
mod saved;
mod text;
mod truth;
mod units;

/// The items as a set, inserted one by one. `collect()` into a `BTreeSet` or `BTreeMap` sorts the
/// items first, and each item type sorted that way adds about 5 KB of sorting code to the `.wasm`
/// (docs/benchmarks.md, fifth session); inserting reuses the tree's own code. The sets here hold at
/// most a definition's questions or a question's choices, so the two cost the same time.
pub(crate) fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> std::collections::BTreeSet<T> {
    let mut set = std::collections::BTreeSet::new();
    set.extend(items);
    set
}

pub use answers::{Answer, AnswerError, AnswerErrorKind, Answers};
pub use bank::{bank_questions, BANK};
pub use catalogue::{read_catalogue, Catalogue, Entry, Place, TrialSource, CATALOGUE_FORMAT, CATALOGUE_TRIALS};
pub use date_input::{typed_date, DateInputError, DatePart};
pub use dates::{days_in_month, CalendarDate, DateAnswer, Duration, DurationUnit};
pub use derived::{age_from_birth, Formula, InputKind, InputValue, Interval};
pub use evaluate::{CriterionResult, Evaluation, Item, Outcome, Standing, Status, Truth};
pub use exact::Exact;
pub use format::every_field;
pub use input::{AnswerInput, InputField, InputProblem, InputProblemKind, UnusualValue, DO_NOT_KNOW, NO, YES};
pub use json::{echo, limits, Json, Limits};
pub use load::{file_too_large, is_email, is_phone, LoadError, Problem, FORMAT, SEED_DEFINITION};
pub use model::{
    Anchor, Choice, ChoiceId, Combine, Contact, Criterion, CriterionId, CriterionKind, Decided, Definition, Derived,
    Op, Part, Question, QuestionId, QuestionKind, QuestionKindName, ReferenceLimit, Relation, Respondent, Rule,
    SexEligibility, StudyDate, Test, Trial,
};
pub use number_input::{parse_number_input, typed_measurement, typed_whole_years, NumberInputError, TypedNumber};
pub use saved::{SavedEnvelope, SAVED_ANSWERS_FORMAT, SAVED_ANSWERS_KEYS};
pub use text::{addresses_the_reader, Text, Worded};
pub use units::{Conversion, Plausible, Quantity, QuantityDefinition, Side, Unit};

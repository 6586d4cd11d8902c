//! Reading study dates (`study_dates`) and derived values (`derived`): what date windows and
//! formulas refer to, read after the questions and before the criteria.

use super::{is_identifier, Loader};
use crate::engine::derived::{Formula, InputKind};
use crate::engine::format::{RawDerived, RawStudyDate};
use crate::engine::json::{echo, Json};
use crate::engine::model::{Derived, Question, QuestionKind, StudyDate};
use crate::engine::path::Path;

/// The longest a study date may lie ahead: about two years.
const STUDY_DATE_DAYS: u32 = 730;

impl Loader {
    pub(super) fn study_dates(&mut self, raw_dates: Vec<RawStudyDate>) {
        let list = Path::ROOT.field("study_dates");
        for (index, raw) in raw_dates.into_iter().enumerate() {
            let path = list.item(index);
            let taken = raw.id.is_some_and(|id| self.study_date_ids.iter().any(|known| known == id));
            let id = self.new_id(path, raw.id, taken, "study date");
            let name = self.required_text(path, "name", raw.name);
            let earliest = self.required(path, "earliest_days", raw.earliest_days);
            let latest = self.required(path, "latest_days", raw.latest_days);
            if let (Some(earliest), Some(latest)) = (earliest, latest) {
                if earliest > latest {
                    self.problem(path, format!("earliest_days {earliest} is after latest_days {latest}"));
                }
                if latest > STUDY_DATE_DAYS {
                    self.problem(
                        path.field("latest_days"),
                        format!("must be at most {STUDY_DATE_DAYS} days (about two years) from today"),
                    );
                }
            }
            // The id is kept even when the rest is broken, so that rules naming it are not also reported.
            self.study_date_ids.push(id.clone().unwrap_or_default());
            if let (Some(id), Some(name), Some(earliest_days), Some(latest_days)) = (id, name, earliest, latest) {
                self.study_dates.push(StudyDate { id, name, earliest_days, latest_days });
            }
        }
    }

    pub(super) fn derived_values(&mut self, raw_derived: Vec<RawDerived>) {
        let list = Path::ROOT.field("derived");
        for (index, raw) in raw_derived.into_iter().enumerate() {
            let path = list.item(index);
            let taken = raw.id.is_some_and(|id| self.derived_ids.contains_key(id));
            let id = self.new_id(path, raw.id, taken, "derived value");
            if let Some(id) = id.as_ref().filter(|_| !taken) {
                self.derived_ids.insert(id.clone(), index);
            }
            let name = self.required_text(path, "name", raw.name);
            let formula = self.required_string(path, "formula", raw.formula).and_then(|name| {
                let formula = Formula::parse(&name);
                if formula.is_none() {
                    self.problem(
                        path.field("formula"),
                        format!("unknown formula \"{}\"; use {}", echo(&name), Formula::names_for_message()),
                    );
                }
                formula
            });
            let inputs = match (formula, &raw.inputs) {
                (Some(formula), Some(inputs)) => self.formula_inputs(path.field("inputs"), formula, inputs),
                (_, None) => {
                    self.problem(path.field("inputs"), "missing");
                    None
                }
                (None, Some(_)) => None,
            };
            let derived = match (id, name, formula, inputs) {
                (Some(id), Some(name), Some(formula), Some(inputs)) => Some(Derived { id, name, formula, inputs }),
                _ => None,
            };
            self.derived.push(derived);
        }
    }

    /// An id for something new: required, an identifier, and not `taken` already.
    fn new_id(&mut self, path: Path<'_>, id: Option<&str>, taken: bool, what: &str) -> Option<String> {
        let id = self.required_string(path, "id", id)?;
        if !is_identifier(&id) {
            self.problem(
                path.field("id"),
                format!("\"{}\" must be lower-case letters, digits and underscores", echo(&id)),
            );
        }
        if taken {
            self.problem(path.field("id"), format!("duplicate {what} \"{}\"", echo(&id)));
        }
        Some(id)
    }

    /// The question for each of the formula's inputs, checked to be of the kind the input needs.
    fn formula_inputs(&mut self, path: Path<'_>, formula: Formula, value: &Json) -> Option<Vec<usize>> {
        let names: Vec<&str> = formula.inputs().iter().map(|(name, _)| *name).collect();
        let Some(entries) = value.as_object() else {
            self.problem(path, format!("must be an object from each input ({}) to a question id", names.join(", ")));
            return None;
        };
        let mut ok = true;
        for (name, _) in entries {
            if !names.contains(&&**name) {
                self.problem(
                    path.field(&echo(name)),
                    format!(
                        "formula \"{}\" has no input \"{}\"; its inputs are {}",
                        formula.name(),
                        echo(name),
                        names.join(", ")
                    ),
                );
                ok = false;
            }
        }
        let mut questions = Vec::new();
        for (name, kind) in formula.inputs() {
            let input_path = path.field(name);
            let given: Vec<&Json> = entries.iter().filter(|(key, _)| key == name).map(|(_, value)| value).collect();
            let [given] = given.as_slice() else {
                let message = if given.is_empty() {
                    "missing: name the question that gives it"
                } else {
                    "is given more than once"
                };
                self.problem(input_path, message);
                ok = false;
                continue;
            };
            let Some(question_id) = given.as_str() else {
                self.problem(input_path, format!("must be a question id, not {}", given.describe()));
                ok = false;
                continue;
            };
            let Some(&index) = self.question_ids.get(question_id) else {
                self.problem(input_path, format!("unknown question \"{}\"", echo(question_id)));
                ok = false;
                continue;
            };
            // A question's own problems are reported where it is defined.
            let Some(Some(question)) = self.questions.get(index).cloned() else {
                ok = false;
                continue;
            };
            if let Some(needed) = input_fits(*kind, &question) {
                self.problem(input_path, format!("question \"{question_id}\" is not {needed}"));
                ok = false;
            }
            questions.push(index);
        }
        ok.then_some(questions)
    }
}

/// What the input needs, when `question` does not give it.
fn input_fits(kind: InputKind, question: &Question) -> Option<String> {
    let fits = match (kind, &question.kind) {
        (InputKind::Measured(quantity), QuestionKind::Number { quantity: measured, .. }) => quantity == *measured,
        (InputKind::Age, QuestionKind::Age { .. } | QuestionKind::Date)
        | (InputKind::BirthDate, QuestionKind::Date) => true,
        (InputKind::Sex, QuestionKind::SingleChoice { .. }) => {
            question.choice("female").is_some() && question.choice("male").is_some()
        }
        _ => false,
    };
    (!fits).then(|| match kind {
        InputKind::Measured(quantity) => format!("a number question measuring {}", quantity.id()),
        InputKind::Age => "an age question or a date question holding the date of birth".to_owned(),
        InputKind::BirthDate => "a date question holding the date of birth".to_owned(),
        InputKind::Sex => "a single choice with the choices \"female\" and \"male\"".to_owned(),
    })
}

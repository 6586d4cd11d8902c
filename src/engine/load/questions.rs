//! Reading the questions: ids, texts, kinds and what each kind needs (choices, units, ranges).

use super::rules::{rule_questions, RuleContext};
use super::{is_identifier, Loader};
use crate::engine::exact::Exact;
use crate::engine::format::{RawChoice, RawQuestion};
use crate::engine::input::DO_NOT_KNOW;
use crate::engine::json::echo;
use crate::engine::model::{Choice, ChoiceId, Question, QuestionId, QuestionKind, QuestionKindName};
use crate::engine::path::Path;
use crate::engine::saved::SAVED_ANSWERS_KEYS;
use crate::engine::units::{Quantity, Unit};
use std::collections::BTreeSet;

impl Loader {
    pub(super) fn collect_question_ids(&mut self, raw_questions: &[RawQuestion]) {
        for (index, question) in raw_questions.iter().enumerate() {
            let Some(id) = question.id else { continue };
            if !is_identifier(id) {
                self.problem(
                    format!("questions[{index}].id"),
                    format!(
                        "\"{}\" must be lower-case letters, digits and underscores, starting with a letter",
                        echo(id)
                    ),
                );
            }
            if SAVED_ANSWERS_KEYS.contains(&id) {
                self.problem(
                    format!("questions[{index}].id"),
                    format!("\"{id}\" is reserved: the saved-answers file uses it as a key; choose another id"),
                );
            }
            if let Some(first) = self.question_ids.get(id) {
                self.problem(
                    format!("questions[{index}].id"),
                    format!("duplicate id \"{}\" (also questions[{first}])", echo(id)),
                );
            } else {
                self.question_ids.insert(id.to_owned(), index);
            }
        }
    }

    /// Reads every question, then every `visible_when` once all kinds are known. Returns, for each
    /// question, the questions its visibility reads.
    pub(super) fn questions(&mut self, raw_questions: Vec<RawQuestion>) -> Vec<Vec<usize>> {
        let mut visibility_rules = Vec::new();
        let list = Path::ROOT.field("questions");
        for (index, raw_question) in raw_questions.into_iter().enumerate() {
            let path = list.item(index);
            let visible_when = raw_question.visible_when;
            let question = self.question(path, RawQuestion { visible_when: None, ..raw_question });
            self.questions.push(question.map(std::rc::Rc::new));
            visibility_rules.push(visible_when);
        }
        let mut visibility_dependencies: Vec<Vec<usize>> = vec![Vec::new(); self.questions.len()];
        for (index, visible_when) in visibility_rules.into_iter().enumerate() {
            if let Some(raw_rule) = visible_when {
                let question = list.item(index);
                let rule =
                    self.rule(question.field("visible_when"), &raw_rule, RuleContext::Visibility { question: index });
                if let Some(rule) = rule {
                    let mut reads = Vec::new();
                    rule_questions(&rule, &[], &mut reads);
                    visibility_dependencies[index] = reads;
                    if let Some(Some(question)) = self.questions.get_mut(index) {
                        std::rc::Rc::make_mut(question).visible_when = Some(rule);
                    }
                }
            }
        }
        visibility_dependencies
    }

    fn question(&mut self, path: Path<'_>, raw: RawQuestion) -> Option<Question> {
        let id = self.required_string(path, "id", raw.id);
        let text = self.required_text(path, "text", raw.text);
        let caregiver_text = self.required_text(path, "caregiver_text", raw.caregiver_text);
        let why = self.optional_worded(path, "why", raw.why, raw.caregiver_why);
        let where_to_find = self.optional_worded(path, "where_to_find", raw.where_to_find, raw.caregiver_where_to_find);
        let kind_name = self.required_string(path, "kind", raw.kind);
        let kind = kind_name.and_then(|kind_name| self.question_kind(path, &kind_name, &raw));
        Some(Question {
            id: QuestionId::new(id?),
            kind: kind?,
            text: text?,
            caregiver_text: caregiver_text?,
            why: why?,
            where_to_find: where_to_find?,
            allow_unknown: raw.allow_unknown.unwrap_or(false),
            visible_when: None,
        })
    }

    fn question_kind(&mut self, path: Path<'_>, kind_name: &str, raw: &RawQuestion) -> Option<QuestionKind> {
        let Some(kind) = QuestionKindName::parse(kind_name) else {
            self.problem(
                path.field("kind"),
                format!("unknown kind \"{}\"; use {}", echo(kind_name), QuestionKindName::names_for_message()),
            );
            return None;
        };
        let present = [
            ("choices", raw.choices.is_some()),
            ("quantity", raw.quantity.is_some()),
            ("units", raw.units.is_some()),
            ("min", raw.min.is_some()),
            ("max", raw.max.is_some()),
        ];
        for (field, is_present) in present {
            if is_present && !kind.fields().contains(&field) {
                self.problem(path.field(field), format!("is not used by a {kind_name} question"));
            }
        }
        match kind {
            QuestionKindName::YesNo => Some(QuestionKind::YesNo),
            QuestionKindName::SingleChoice => {
                self.choices(path, raw.choices.as_deref(), false).map(|choices| QuestionKind::SingleChoice { choices })
            }
            QuestionKindName::MultipleChoice => {
                self.choices(path, raw.choices.as_deref(), true).map(|choices| QuestionKind::MultipleChoice { choices })
            }
            QuestionKindName::Number => {
                let quantity_name = self.required_string(path, "quantity", raw.quantity)?;
                let quantity = self.quantity(path, &quantity_name)?;
                let units = self.units(path, raw.units.as_deref(), Some(quantity))?;
                let minimum = self.limit(path, "min", raw.min)?;
                let maximum = self.limit(path, "max", raw.max)?;
                if minimum.checked_cmp(maximum) == Some(std::cmp::Ordering::Greater) {
                    self.problem(path, format!("min {minimum} is above max {maximum}"));
                    return None;
                }
                Some(QuestionKind::Number { quantity, units, minimum, maximum })
            }
            QuestionKindName::Age => {
                let minimum = self.whole_years(path, "min", raw.min.unwrap_or(0.0))?;
                let maximum = self.whole_years(path, "max", raw.max.unwrap_or(120.0))?;
                if minimum > maximum {
                    self.problem(path, format!("min {minimum} is above max {maximum}"));
                    return None;
                }
                Some(QuestionKind::Age { minimum_years: minimum, maximum_years: maximum })
            }
            QuestionKindName::AgainstUpperLimit => {
                self.report_units(path, raw).map(|units| QuestionKind::AgainstUpperLimit { units })
            }
            QuestionKindName::AgainstReferenceRange => {
                self.report_units(path, raw).map(|units| QuestionKind::AgainstReferenceRange { units })
            }
            QuestionKindName::Date => Some(QuestionKind::Date),
        }
    }

    fn quantity(&mut self, path: Path<'_>, name: &str) -> Option<Quantity> {
        let quantity = Quantity::from_id(name);
        if quantity.is_none() {
            let known: Vec<&str> = Quantity::ALL.iter().map(|quantity| quantity.id()).collect();
            self.problem(
                path.field("quantity"),
                format!("unknown quantity \"{}\"; use one of {}", echo(name), known.join(", ")),
            );
        }
        quantity
    }

    /// The units a report may give a value and its limits in, for a question compared with the
    /// report's own limits. With `quantity`, each must be one of its units; without, any unit the
    /// catalogue knows. They are shown to the patient, never converted: the comparison is a ratio.
    fn report_units(&mut self, path: Path<'_>, raw: &RawQuestion) -> Option<Vec<Unit>> {
        match &raw.quantity {
            Some(name) => {
                let quantity = self.quantity(path, name)?;
                self.units(path, raw.units.as_deref(), Some(quantity))
            }
            None => self.units(path, raw.units.as_deref(), None),
        }
    }

    fn units(&mut self, path: Path<'_>, units: Option<&[&str]>, quantity: Option<Quantity>) -> Option<Vec<Unit>> {
        let units = self.required(path, "units", units)?;
        if units.is_empty() {
            self.problem(path.field("units"), "list at least one unit");
            return None;
        }
        let mut parsed = Vec::new();
        let list = path.field("units");
        for (index, unit_name) in units.iter().enumerate() {
            let unit_path = list.item(index);
            match (Unit::parse(unit_name), quantity) {
                (Some(unit), Some(quantity)) if quantity.conversion(unit).is_none() => {
                    let accepted: Vec<&str> = quantity.units().map(Unit::id).collect();
                    self.problem(
                        unit_path,
                        format!(
                            "unit \"{}\" is not a unit of quantity \"{}\", which is measured in {}",
                            echo(unit_name),
                            quantity.id(),
                            accepted.join(", ")
                        ),
                    );
                }
                (Some(unit), _) => {
                    if parsed.contains(&unit) {
                        self.problem(unit_path, format!("unit \"{}\" is listed twice", echo(unit_name)));
                    } else {
                        parsed.push(unit);
                    }
                }
                (None, _) => self.problem(
                    unit_path,
                    format!("unknown unit \"{}\"; the units are listed in docs/definition-format.md", echo(unit_name)),
                ),
            }
        }
        (parsed.len() == units.len()).then_some(parsed)
    }

    pub(super) fn limit(&mut self, path: Path<'_>, field: &str, value: Option<f64>) -> Option<Exact> {
        let value = self.required(path, field, value)?;
        let exact = Exact::from_f64(value);
        if exact.is_none() {
            self.problem(path.field(field), "must be a number with at most 9 digits before and 6 after the point");
        }
        exact
    }

    fn whole_years(&mut self, path: Path<'_>, field: &str, value: f64) -> Option<u32> {
        if value.fract() != 0.0 || !(0.0..=150.0).contains(&value) {
            self.problem(path.field(field), "must be a whole number of years from 0 to 150");
            return None;
        }
        Some(value as u32)
    }

    fn choices(&mut self, path: Path<'_>, choices: Option<&[RawChoice]>, multiple: bool) -> Option<Vec<Choice>> {
        let choices = self.required(path, "choices", choices)?;
        if choices.len() < 2 {
            self.problem(path.field("choices"), "a choice question needs at least two choices");
            return None;
        }
        let mut parsed = Vec::new();
        let mut seen = BTreeSet::new();
        let list = path.field("choices");
        for (index, raw) in choices.iter().enumerate() {
            let choice_path = list.item(index);
            let id = self.required_string(choice_path, "id", raw.id);
            if let Some(id) = &id {
                if !is_identifier(id) {
                    self.problem(
                        choice_path.field("id"),
                        format!("\"{}\" must be lower-case letters, digits and underscores", echo(id)),
                    );
                }
                if id == DO_NOT_KNOW {
                    self.problem(
                        choice_path.field("id"),
                        format!("\"{DO_NOT_KNOW}\" is reserved: it is how answers files and the widget write \"I don't know\"; choose another id"),
                    );
                }
                if !seen.insert(id.clone()) {
                    self.problem(choice_path.field("id"), format!("duplicate choice id \"{}\"", echo(id)));
                }
            }
            let label = self.required_text(choice_path, "label", raw.label);
            let caregiver_label = self.optional_text(choice_path, "caregiver_label", raw.caregiver_label);
            if let (Some(label), Some(None)) = (&label, &caregiver_label) {
                self.require_caregiver_variant(choice_path, "label", label);
            }
            let score = match raw.score {
                None => Some(None),
                Some(score) => self.limit(choice_path, "score", Some(score)).map(Some),
            };
            if raw.exclusive.is_some() && !multiple {
                self.problem(choice_path.field("exclusive"), "is only used in a multiple_choice question");
            }
            if let (Some(id), Some(label), Some(caregiver_label), Some(score)) = (id, label, caregiver_label, score) {
                parsed.push(Choice {
                    id: ChoiceId::new(id),
                    label,
                    caregiver_label,
                    score,
                    exclusive: raw.exclusive.unwrap_or(false),
                });
            }
        }
        (parsed.len() == choices.len()).then_some(parsed)
    }
}

//! Reading rules: `all`/`any`/`not`/`constant` and comparisons of one answer, checked against the
//! question they read (its kind, choices and units) and, for visibility, its place in the file.

use super::{join, Loader};
use crate::engine::exact::Exact;
use crate::engine::format::RawRule;
use crate::engine::json::{echo, Json};
use crate::engine::model::{ChoiceId, Op, Question, QuestionKind, Rule, Test};
use crate::engine::units::{Conversion, Unit};

/// Where a rule is being read, which decides which questions it may refer to.
#[derive(Clone, Copy)]
pub(super) enum RuleContext {
    /// A question's `visible_when`: only earlier questions.
    Visibility {
        question: usize,
    },
    Criterion,
}

impl Loader {
    pub(super) fn rule(&mut self, path: &str, raw: &RawRule, context: RuleContext) -> Option<Rule> {
        let forms = [
            ("all", raw.all.is_some()),
            ("any", raw.any.is_some()),
            ("not", raw.not.is_some()),
            ("constant", raw.constant.is_some()),
            ("question", raw.question.is_some()),
        ];
        let used: Vec<&str> = forms.iter().filter(|(_, present)| *present).map(|(name, _)| *name).collect();
        if used.len() != 1 {
            let found = if used.is_empty() { "none".to_owned() } else { used.join(", ") };
            self.problem(
                path,
                format!("a rule needs exactly one of all, any, not, constant or question (found {found})"),
            );
            return None;
        }
        if used[0] != "question" {
            for (field, present) in [
                ("op", raw.op.is_some()),
                ("value", raw.value.is_some()),
                ("values", raw.values.is_some()),
                ("min", raw.min.is_some()),
                ("max", raw.max.is_some()),
                ("unit", raw.unit.is_some()),
            ] {
                if present {
                    self.problem(
                        join(path, field),
                        format!("is only used with \"question\", not with \"{}\"", used[0]),
                    );
                }
            }
        }
        if let Some(rules) = raw.all.as_ref().or(raw.any.as_ref()) {
            let name = if raw.all.is_some() { "all" } else { "any" };
            if rules.is_empty() {
                self.problem(join(path, name), "list at least one rule");
                return None;
            }
            let parsed: Vec<Option<Rule>> = rules
                .iter()
                .enumerate()
                .map(|(index, rule)| self.rule(&format!("{path}.{name}[{index}]"), rule, context))
                .collect();
            let parsed: Vec<Rule> = parsed.into_iter().collect::<Option<_>>()?;
            return Some(if raw.all.is_some() { Rule::All(parsed) } else { Rule::Any(parsed) });
        }
        if let Some(inner) = &raw.not {
            return self.rule(&join(path, "not"), inner, context).map(|rule| Rule::Not(Box::new(rule)));
        }
        if let Some(value) = raw.constant {
            return Some(Rule::Constant(value));
        }
        self.comparison(path, raw, context)
    }

    fn comparison(&mut self, path: &str, raw: &RawRule, context: RuleContext) -> Option<Rule> {
        let question_name = raw.question.as_deref().unwrap_or_default();
        let question_path = join(path, "question");
        let Some(&index) = self.question_ids.get(question_name) else {
            self.problem(question_path, format!("unknown question \"{}\"", echo(question_name)));
            return None;
        };
        if let RuleContext::Visibility { question } = context {
            if index == question {
                // Reported as a cycle already.
                return None;
            }
            if index > question && !self.found_visibility_cycle {
                self.problem(
                    question_path,
                    format!(
                        "visibility may only depend on questions asked earlier; \"{}\" comes later",
                        echo(question_name)
                    ),
                );
                return None;
            }
            if index > question {
                return None;
            }
        }
        // The question's own problems are reported where it is defined.
        let question = self.questions.get(index).cloned().flatten()?;
        let op = self.required(path, "op", raw.op.clone())?;
        let test = self.test(path, raw, &op, &question)?;
        Some(Rule::Compare { question: index, test })
    }

    fn test(&mut self, path: &str, raw: &RawRule, op_name: &str, question: &Question) -> Option<Test> {
        let id = question.id.as_str();
        let op = Op::parse(op_name);
        // An unknown op is read as one that takes `value`, so the fields around it are still checked.
        let operand_fields = op.map_or(&["value"][..], Op::operand_fields);
        let numeric = op.is_some_and(Op::is_numeric);
        for (field, present) in [
            ("value", raw.value.is_some()),
            ("values", raw.values.is_some()),
            ("min", raw.min.is_some()),
            ("max", raw.max.is_some()),
        ] {
            if present && !operand_fields.contains(&field) {
                self.problem(join(path, field), format!("is not used by op \"{}\"", echo(op_name)));
            }
        }
        if !numeric && raw.unit.is_some() {
            self.problem(join(path, "unit"), format!("is not used by op \"{}\"", echo(op_name)));
        }
        let Some(op) = op else {
            self.problem(
                join(path, "op"),
                format!("unknown op \"{}\"; use {}", echo(op_name), Op::names_for_message()),
            );
            return None;
        };
        match op {
            Op::Less | Op::LessOrEqual | Op::Equal | Op::GreaterOrEqual | Op::Greater | Op::Between => {
                self.numeric_test(path, raw, op, question)
            }
            Op::Equals => match &question.kind {
                QuestionKind::YesNo => match raw.value.as_ref().map(Json::as_bool) {
                    Some(Some(expected)) => Some(Test::YesNo(expected)),
                    Some(None) => {
                        self.problem(
                            join(path, "value"),
                            format!("question \"{id}\" is yes_no: compare it with true or false"),
                        );
                        None
                    }
                    None => {
                        self.problem(join(path, "value"), "missing");
                        None
                    }
                },
                QuestionKind::SingleChoice { .. } => {
                    let value = self.required(path, "value", raw.value.as_ref())?;
                    self.choice_reference(&join(path, "value"), value, question).map(Test::ChoiceIs)
                }
                QuestionKind::MultipleChoice { .. } => {
                    self.problem(
                        join(path, "op"),
                        format!("question \"{id}\" is multiple_choice: use any_of or all_of"),
                    );
                    None
                }
                QuestionKind::Number { .. } | QuestionKind::Age { .. } | QuestionKind::AgainstUpperLimit { .. } => {
                    self.op_needs_a_number(path, op, id)
                }
            },
            Op::AnyOf | Op::AllOf => match &question.kind {
                QuestionKind::SingleChoice { .. } if op == Op::AllOf => {
                    self.problem(join(path, "op"), format!("question \"{id}\" is single_choice: use equals or any_of"));
                    None
                }
                QuestionKind::SingleChoice { .. } | QuestionKind::MultipleChoice { .. } => {
                    let values = self.required(path, "values", raw.values.as_ref())?;
                    if values.is_empty() {
                        self.problem(join(path, "values"), "list at least one choice");
                        return None;
                    }
                    let choices: Vec<Option<ChoiceId>> = values
                        .iter()
                        .enumerate()
                        .map(|(position, value)| {
                            self.choice_reference(&format!("{path}.values[{position}]"), value, question)
                        })
                        .collect();
                    let choices: Vec<ChoiceId> = choices.into_iter().collect::<Option<_>>()?;
                    Some(if op == Op::AllOf { Test::AllOf(choices) } else { Test::AnyOf(choices) })
                }
                QuestionKind::YesNo => {
                    self.problem(join(path, "op"), format!("question \"{id}\" is yes_no: use equals"));
                    None
                }
                QuestionKind::Number { .. } | QuestionKind::Age { .. } | QuestionKind::AgainstUpperLimit { .. } => {
                    self.op_needs_a_number(path, op, id)
                }
            },
        }
    }

    fn op_needs_a_number(&mut self, path: &str, op: Op, id: &str) -> Option<Test> {
        self.problem(
            join(path, "op"),
            format!(
                "op \"{}\" does not apply to question \"{id}\", which takes a number; use <, <=, =, >=, > or between",
                op.name()
            ),
        );
        None
    }

    /// A comparison of the answer, read as a number, with one limit or a range.
    fn numeric_test(&mut self, path: &str, raw: &RawRule, op: Op, question: &Question) -> Option<Test> {
        let id = question.id.as_str();
        let conversion = self.number_conversion(path, raw, op, question)?;
        let Some(relation) = op.relation() else {
            let minimum = self.limit(path, "min", raw.min)?;
            let maximum = self.limit(path, "max", raw.max)?;
            if minimum.checked_cmp(maximum) == Some(std::cmp::Ordering::Greater) {
                self.problem(path, format!("min {minimum} is above max {maximum}"));
            }
            return Some(Test::Between {
                minimum: conversion.to_base(minimum)?,
                maximum: conversion.to_base(maximum)?,
            });
        };
        let value = self.required(path, "value", raw.value.as_ref())?;
        let Some(limit) = value.as_f64().and_then(Exact::from_f64) else {
            let message = if value.is_string() {
                format!(
                    "compares question \"{id}\" with \"{}\", but op \"{}\" needs a number",
                    value.as_str().unwrap_or_default(),
                    op.name()
                )
            } else {
                "must be a number with at most 9 digits before and 6 after the point".to_owned()
            };
            self.problem(join(path, "value"), message);
            return None;
        };
        Some(Test::Number { relation, limit: conversion.to_base(limit)? })
    }

    /// For a numeric comparison: checks the unit and returns the conversion that puts the rule's
    /// numbers in the terms `evaluate` compares in (the quantity's base unit, × ULN, years, score).
    fn number_conversion(&mut self, path: &str, raw: &RawRule, op: Op, question: &Question) -> Option<Conversion> {
        let id = question.id.as_str();
        let one = Conversion::IDENTITY;
        let unit_path = join(path, "unit");
        let parsed_unit = match &raw.unit {
            None => None,
            Some(name) => match Unit::parse(name) {
                Some(unit) => Some(unit),
                None => {
                    self.problem(unit_path, format!("unknown unit \"{}\"", echo(name)));
                    return None;
                }
            },
        };
        match &question.kind {
            QuestionKind::Number { quantity, units, .. } => {
                let accepted: Vec<&str> = units.iter().map(|unit| unit.id()).collect();
                let Some(unit) = parsed_unit else {
                    self.problem(
                        unit_path,
                        format!("missing: question \"{id}\" is measured in {}", accepted.join(" or ")),
                    );
                    return None;
                };
                if !units.contains(&unit) {
                    self.problem(
                        unit_path,
                        format!(
                            "unit \"{}\" is not accepted by question \"{id}\" (it accepts {})",
                            unit.id(),
                            accepted.join(", ")
                        ),
                    );
                    return None;
                }
                quantity.conversion(unit)
            }
            QuestionKind::Age { .. } => match parsed_unit {
                None | Some(Unit::Years) => Some(one),
                Some(other) => {
                    self.problem(unit_path, format!("question \"{id}\" is an age in years, not \"{}\"", other.id()));
                    None
                }
            },
            QuestionKind::AgainstUpperLimit { .. } => match parsed_unit {
                Some(Unit::TimesUpperLimit) => Some(one),
                None | Some(_) => {
                    self.problem(
                        unit_path,
                        format!(
                            "question \"{id}\" is compared as a multiple of the upper limit: write \"unit\": \"x ULN\""
                        ),
                    );
                    None
                }
            },
            QuestionKind::SingleChoice { choices } if choices.iter().all(|choice| choice.score.is_some()) => {
                if parsed_unit.is_some() {
                    self.problem(unit_path, format!("question \"{id}\" compares choice scores, which have no unit"));
                    return None;
                }
                Some(one)
            }
            QuestionKind::SingleChoice { .. } | QuestionKind::MultipleChoice { .. } | QuestionKind::YesNo => {
                self.problem(
                    join(path, "op"),
                    format!(
                        "op \"{}\" compares question \"{id}\" with a number, but its answers are not numbers (give every choice a score to compare it)",
                        op.name()
                    ),
                );
                None
            }
        }
    }

    fn choice_reference(&mut self, path: &str, value: &Json, question: &Question) -> Option<ChoiceId> {
        let id = question.id.as_str();
        let Some(name) = value.as_str() else {
            self.problem(
                path,
                format!(
                    "question \"{id}\" is a choice question: compare it with a choice id, not {}",
                    value.describe()
                ),
            );
            return None;
        };
        if question.choice(name).is_none() {
            let known: Vec<&str> = question.choices().iter().map(|choice| choice.id.as_str()).collect();
            let listed = if known.len() > 10 { format!("{}, …", known[..10].join(", ")) } else { known.join(", ") };
            self.problem(path, format!("question \"{id}\" has no choice \"{}\" (it has {listed})", echo(name)));
            return None;
        }
        Some(ChoiceId::new(name))
    }
}

/// Question indices a rule reads, sorted, each once.
pub(super) fn rule_questions(rule: &Rule, reads: &mut Vec<usize>) {
    collect_rule_questions(rule, reads);
    reads.sort_unstable();
    reads.dedup();
}

fn collect_rule_questions(rule: &Rule, reads: &mut Vec<usize>) {
    match rule {
        Rule::Constant(_) => {}
        Rule::All(rules) | Rule::Any(rules) => rules.iter().for_each(|rule| collect_rule_questions(rule, reads)),
        Rule::Not(rule) => collect_rule_questions(rule, reads),
        Rule::Compare { question, .. } => reads.push(*question),
    }
}

pub(super) fn raw_rule_question_names(rule: &RawRule, names: &mut Vec<String>) {
    if let Some(name) = &rule.question {
        names.push(name.clone());
    }
    for rules in [&rule.all, &rule.any].into_iter().flatten() {
        rules.iter().for_each(|rule| raw_rule_question_names(rule, names));
    }
    if let Some(rule) = &rule.not {
        raw_rule_question_names(rule, names);
    }
}

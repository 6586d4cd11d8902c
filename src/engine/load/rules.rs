//! Reading rules: `all`/`any`/`not`/`constant` and comparisons of one answer, checked against the
//! question they read (its kind, choices and units) and, for visibility, its place in the file.

use super::Loader;
use crate::engine::dates::{Duration, DurationUnit};
use crate::engine::exact::Exact;
use crate::engine::format::RawRule;
use crate::engine::json::{echo, Json};
use crate::engine::model::{
    Anchor, ChoiceId, Derived, Op, Question, QuestionKind, ReferenceLimit, Relation, Rule, Test,
};
use crate::engine::path::Path;
use crate::engine::units::{Conversion, Unit};
use std::fmt;

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
    pub(super) fn rule(&mut self, path: Path<'_>, raw: &RawRule, context: RuleContext) -> Option<Rule> {
        let forms = [
            ("all", raw.all.is_some()),
            ("any", raw.any.is_some()),
            ("not", raw.not.is_some()),
            ("constant", raw.constant.is_some()),
            ("study_team_checks", raw.study_team_checks.is_some()),
            ("question", raw.question.is_some()),
            ("derived", raw.derived.is_some()),
        ];
        let used: Vec<&str> = forms.iter().filter(|(_, present)| *present).map(|(name, _)| *name).collect();
        if used.len() != 1 {
            let found = if used.is_empty() { "none".to_owned() } else { used.join(", ") };
            self.problem(
                path,
                format!(
                    "a rule needs exactly one of all, any, not, constant, study_team_checks, question or derived (found {found})"
                ),
            );
            return None;
        }
        if used[0] != "question" && used[0] != "derived" {
            for (field, present) in [
                ("op", raw.op.is_some()),
                ("value", raw.value.is_some()),
                ("values", raw.values.is_some()),
                ("min", raw.min.is_some()),
                ("max", raw.max.is_some()),
                ("unit", raw.unit.is_some()),
                ("before", raw.before.is_some()),
            ] {
                if present {
                    self.problem(
                        path.field(field),
                        format!("is only used with \"question\" or \"derived\", not with \"{}\"", used[0]),
                    );
                }
            }
        }
        if let Some(rules) = raw.all.as_ref().or(raw.any.as_ref()) {
            let name = if raw.all.is_some() { "all" } else { "any" };
            if rules.is_empty() {
                self.problem(path.field(name), "list at least one rule");
                return None;
            }
            let list = path.field(name);
            let parsed: Vec<Option<Rule>> =
                rules.iter().enumerate().map(|(index, rule)| self.rule(list.item(index), rule, context)).collect();
            let parsed: Vec<Rule> = parsed.into_iter().collect::<Option<_>>()?;
            return Some(if raw.all.is_some() { Rule::All(parsed) } else { Rule::Any(parsed) });
        }
        if let Some(inner) = &raw.not {
            return self.rule(path.field("not"), inner, context).map(|rule| Rule::Not(Box::new(rule)));
        }
        if let Some(value) = raw.constant {
            return Some(Rule::Constant(value));
        }
        if let Some(checks) = raw.study_team_checks {
            if !checks {
                self.problem(path.field("study_team_checks"), "write true, or leave the rule out");
                return None;
            }
            if let RuleContext::Visibility { .. } = context {
                self.problem(path, "a question's visibility must be decided by the answers, not by the study team");
                return None;
            }
            return Some(Rule::StudyTeamChecks);
        }
        if raw.derived.is_some() {
            return self.derived_comparison(path, raw, context);
        }
        self.comparison(path, raw, context)
    }

    /// A comparison of a derived value with a limit in one of its quantity's units (or years).
    fn derived_comparison(&mut self, path: Path<'_>, raw: &RawRule, context: RuleContext) -> Option<Rule> {
        let name = raw.derived.unwrap_or_default();
        if let RuleContext::Visibility { .. } = context {
            self.problem(path.field("derived"), "a question's visibility reads answers, not derived values");
            return None;
        }
        let Some(&index) = self.derived_ids.get(name) else {
            let known: Vec<&str> = self.derived_ids.keys().map(String::as_str).collect();
            let listed = if known.is_empty() {
                "none are defined in \"derived\"".to_owned()
            } else {
                format!("defined: {}", known.join(", "))
            };
            self.problem(path.field("derived"), format!("unknown derived value \"{}\" ({listed})", echo(name)));
            return None;
        };
        // The derived value's own problems are reported where it is defined.
        let derived: Derived = self.derived.get(index).cloned().flatten()?;
        if raw.before.is_some() {
            self.problem(path.field("before"), "is only used with a date question");
        }
        let op_name = self.required(path, "op", raw.op)?;
        let Some(op) = Op::parse(op_name).filter(|op| op.is_numeric()) else {
            self.problem(
                path.field("op"),
                format!("derived value \"{name}\" is a number: compare it with <, <=, =, >=, > or between"),
            );
            return None;
        };
        self.operand_fields_fit(path, raw, op, op_name);
        let unit_path = path.field("unit");
        let conversion = match (derived.formula.quantity(), &raw.unit) {
            (None, None) => Conversion::IDENTITY,
            (None, Some(unit)) if Unit::parse(unit) == Some(Unit::Years) => Conversion::IDENTITY,
            (None, Some(unit)) => {
                self.problem(unit_path, format!("derived value \"{name}\" is an age in years, not \"{}\"", echo(unit)));
                return None;
            }
            (Some(quantity), unit) => {
                let accepted: Vec<&str> = quantity.units().map(Unit::id).collect();
                let Some(unit_name) = unit else {
                    self.problem(
                        unit_path,
                        format!("missing: derived value \"{name}\" is in {}", accepted.join(" or ")),
                    );
                    return None;
                };
                let Some(conversion) = Unit::parse(unit_name).and_then(|unit| quantity.conversion(unit)) else {
                    self.problem(
                        unit_path,
                        format!(
                            "derived value \"{name}\" is a {} in {}, not \"{}\"",
                            quantity.id(),
                            accepted.join(" or "),
                            echo(unit_name)
                        ),
                    );
                    return None;
                };
                conversion
            }
        };
        let test = self.limits_test(path, raw, op, format_args!("derived value \"{name}\""), conversion)?;
        Some(Rule::CompareDerived { derived: index, test })
    }

    /// Reports `value`, `values`, `min` or `max` given to an op that does not read it.
    fn operand_fields_fit(&mut self, path: Path<'_>, raw: &RawRule, op: Op, op_name: &str) {
        for (field, present) in [
            ("value", raw.value.is_some()),
            ("values", raw.values.is_some()),
            ("min", raw.min.is_some()),
            ("max", raw.max.is_some()),
        ] {
            if present && !op.operand_fields().contains(&field) {
                self.problem(path.field(field), format!("is not used by op \"{}\"", echo(op_name)));
            }
        }
    }

    /// `Test::Number` or `Test::Between` from the rule's `value` or `min` and `max`, put into the
    /// terms `evaluate` compares in by `conversion`.
    fn limits_test(
        &mut self,
        path: Path<'_>,
        raw: &RawRule,
        op: Op,
        what: fmt::Arguments<'_>,
        conversion: Conversion,
    ) -> Option<Test> {
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
        let limit = self.rule_number(path, raw, op, what)?;
        Some(Test::Number { relation, limit: conversion.to_base(limit)? })
    }

    /// The rule's `value` as an exact number.
    fn rule_number(&mut self, path: Path<'_>, raw: &RawRule, op: Op, what: fmt::Arguments<'_>) -> Option<Exact> {
        let value = self.required(path, "value", raw.value)?;
        let limit = value.as_f64().and_then(Exact::from_f64);
        if limit.is_none() {
            let message = if value.is_string() {
                format!(
                    "compares {what} with \"{}\", but op \"{}\" needs a number",
                    echo(value.as_str().unwrap_or_default()),
                    op.name()
                )
            } else {
                "must be a number with at most 9 digits before and 6 after the point".to_owned()
            };
            self.problem(path.field("value"), message);
        }
        limit
    }

    /// A date question: the time from the answer to today or to a study date, against a duration.
    fn date_test(
        &mut self,
        path: Path<'_>,
        raw: &RawRule,
        op: Op,
        question: &Question,
        context: RuleContext,
    ) -> Option<Test> {
        let id = question.id.as_str();
        let anchor = match &raw.before {
            None => Anchor::Today,
            Some(_) if matches!(context, RuleContext::Visibility { .. }) => {
                self.problem(
                    path.field("before"),
                    "a question's visibility cannot depend on a study date that is not yet fixed",
                );
                return None;
            }
            Some(name) => match self.study_date_ids.iter().position(|known| known == name) {
                Some(index) => Anchor::Study(index),
                None => {
                    let listed = if self.study_date_ids.is_empty() {
                        "none are defined in \"study_dates\"".to_owned()
                    } else {
                        format!("defined: {}", self.study_date_ids.join(", "))
                    };
                    self.problem(path.field("before"), format!("unknown study date \"{}\" ({listed})", echo(name)));
                    return None;
                }
            },
        };
        let unit_path = path.field("unit");
        let Some(unit_name) = &raw.unit else {
            self.problem(
                unit_path,
                format!("missing: question \"{id}\" is a date; give the window in days, weeks, months or years"),
            );
            return None;
        };
        let Some(unit) = DurationUnit::parse(unit_name) else {
            self.problem(
                unit_path,
                format!(
                    "question \"{id}\" is a date: the window is in days, weeks, months or years, not \"{}\"",
                    echo(unit_name)
                ),
            );
            return None;
        };
        let mut duration = |field: &str, value: Option<f64>| -> Option<Duration> {
            let amount = self.required(path, field, value)?;
            if amount.fract() != 0.0 || !(0.0..=36_500.0).contains(&amount) {
                self.problem(path.field(field), "must be a whole number from 0 to 36500");
                return None;
            }
            Some(Duration { amount: amount as u32, unit })
        };
        match op.relation() {
            Some(Relation::Equal) => {
                self.problem(
                    path.field("op"),
                    format!("question \"{id}\" is a date: \"exactly N {}\" is too narrow to ask; use <, <=, >=, > or between", unit.name()),
                );
                None
            }
            Some(relation) => {
                let amount = raw.value.map(|value| value.as_f64().unwrap_or(f64::NAN));
                Some(Test::Elapsed { anchor, relation, duration: duration("value", amount)? })
            }
            None => {
                let shortest = duration("min", raw.min)?;
                let longest = duration("max", raw.max)?;
                if shortest.amount > longest.amount {
                    self.problem(path, format!("min {} is above max {}", shortest.amount, longest.amount));
                    return None;
                }
                Some(Test::ElapsedBetween { anchor, shortest, longest })
            }
        }
    }

    /// A reference-range question: within the range, or against a multiple of one of its limits.
    fn range_test(&mut self, path: Path<'_>, raw: &RawRule, op: Op, question: &Question) -> Option<Test> {
        let id = question.id.as_str();
        let Some(relation) = op.relation() else {
            self.problem(
                path.field("op"),
                format!("question \"{id}\" has a reference range: use within_reference_range, or compare with \"x ULN\" or \"x LLN\""),
            );
            return None;
        };
        let limit = match raw.unit.map(Unit::parse) {
            Some(Some(Unit::TimesUpperLimit)) => ReferenceLimit::Upper,
            Some(Some(Unit::TimesLowerLimit)) => ReferenceLimit::Lower,
            _ => {
                self.problem(
                    path.field("unit"),
                    format!("question \"{id}\" is compared with its reference limits: write \"unit\": \"x ULN\" or \"x LLN\""),
                );
                return None;
            }
        };
        let factor = self.rule_number(path, raw, op, format_args!("question \"{id}\""))?;
        Some(Test::TimesLimit { limit, relation, factor })
    }

    fn comparison(&mut self, path: Path<'_>, raw: &RawRule, context: RuleContext) -> Option<Rule> {
        let question_name = raw.question.unwrap_or_default();
        let question_path = path.field("question");
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
        let op = self.required(path, "op", raw.op)?;
        let test = self.test(path, raw, op, &question, context)?;
        Some(Rule::Compare { question: index, test })
    }

    fn test(
        &mut self,
        path: Path<'_>,
        raw: &RawRule,
        op_name: &str,
        question: &Question,
        context: RuleContext,
    ) -> Option<Test> {
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
                self.problem(path.field(field), format!("is not used by op \"{}\"", echo(op_name)));
            }
        }
        if !numeric && raw.unit.is_some() {
            self.problem(path.field("unit"), format!("is not used by op \"{}\"", echo(op_name)));
        }
        let Some(op) = op else {
            self.problem(
                path.field("op"),
                format!("unknown op \"{}\"; use {}", echo(op_name), Op::names_for_message()),
            );
            return None;
        };
        if raw.before.is_some() && !matches!(question.kind, QuestionKind::Date) {
            self.problem(path.field("before"), format!("is only used with a date question; \"{id}\" is not one"));
            return None;
        }
        match (&question.kind, op) {
            (QuestionKind::Date, Op::Equals | Op::AnyOf | Op::AllOf | Op::WithinReferenceRange) => {
                self.problem(
                    path.field("op"),
                    format!("question \"{id}\" is a date: compare the time since it with <, <=, >=, > or between"),
                );
                return None;
            }
            (QuestionKind::Date, _) => return self.date_test(path, raw, op, question, context),
            (QuestionKind::AgainstReferenceRange { .. }, Op::WithinReferenceRange) => return Some(Test::WithinRange),
            (QuestionKind::AgainstReferenceRange { .. }, _) => return self.range_test(path, raw, op, question),
            (_, Op::WithinReferenceRange) => {
                self.problem(
                    path.field("op"),
                    format!("op \"within_reference_range\" applies to an against_reference_range question; \"{id}\" is not one"),
                );
                return None;
            }
            _ => {}
        }
        match op {
            Op::WithinReferenceRange => None,
            Op::Less | Op::LessOrEqual | Op::Equal | Op::GreaterOrEqual | Op::Greater | Op::Between => {
                self.numeric_test(path, raw, op, question)
            }
            Op::Equals => match &question.kind {
                QuestionKind::YesNo => match raw.value.map(Json::as_bool) {
                    Some(Some(expected)) => Some(Test::YesNo(expected)),
                    Some(None) => {
                        self.problem(
                            path.field("value"),
                            format!("question \"{id}\" is yes_no: compare it with true or false"),
                        );
                        None
                    }
                    None => {
                        self.problem(path.field("value"), "missing");
                        None
                    }
                },
                QuestionKind::SingleChoice { .. } => {
                    let value = self.required(path, "value", raw.value)?;
                    self.choice_reference(path.field("value"), value, question).map(Test::ChoiceIs)
                }
                QuestionKind::MultipleChoice { .. } => {
                    self.problem(
                        path.field("op"),
                        format!("question \"{id}\" is multiple_choice: use any_of or all_of"),
                    );
                    None
                }
                QuestionKind::Number { .. }
                | QuestionKind::Age { .. }
                | QuestionKind::AgainstUpperLimit { .. }
                | QuestionKind::AgainstReferenceRange { .. }
                | QuestionKind::Date => self.op_needs_a_number(path, op, id),
            },
            Op::AnyOf | Op::AllOf => match &question.kind {
                QuestionKind::SingleChoice { .. } if op == Op::AllOf => {
                    self.problem(path.field("op"), format!("question \"{id}\" is single_choice: use equals or any_of"));
                    None
                }
                QuestionKind::SingleChoice { .. } | QuestionKind::MultipleChoice { .. } => {
                    let values = self.required(path, "values", raw.values.as_ref())?;
                    if values.is_empty() {
                        self.problem(path.field("values"), "list at least one choice");
                        return None;
                    }
                    let values_path = path.field("values");
                    let choices: Vec<Option<ChoiceId>> = values
                        .iter()
                        .enumerate()
                        .map(|(position, value)| self.choice_reference(values_path.item(position), value, question))
                        .collect();
                    let choices: Vec<ChoiceId> = choices.into_iter().collect::<Option<_>>()?;
                    Some(if op == Op::AllOf { Test::AllOf(choices) } else { Test::AnyOf(choices) })
                }
                QuestionKind::YesNo => {
                    self.problem(path.field("op"), format!("question \"{id}\" is yes_no: use equals"));
                    None
                }
                QuestionKind::Number { .. }
                | QuestionKind::Age { .. }
                | QuestionKind::AgainstUpperLimit { .. }
                | QuestionKind::AgainstReferenceRange { .. }
                | QuestionKind::Date => self.op_needs_a_number(path, op, id),
            },
        }
    }

    fn op_needs_a_number(&mut self, path: Path<'_>, op: Op, id: &str) -> Option<Test> {
        self.problem(
            path.field("op"),
            format!(
                "op \"{}\" does not apply to question \"{id}\", which takes a number; use <, <=, =, >=, > or between",
                op.name()
            ),
        );
        None
    }

    /// A comparison of the answer, read as a number, with one limit or a range.
    fn numeric_test(&mut self, path: Path<'_>, raw: &RawRule, op: Op, question: &Question) -> Option<Test> {
        let conversion = self.number_conversion(path, raw, op, question)?;
        self.limits_test(path, raw, op, format_args!("question \"{}\"", question.id), conversion)
    }

    /// For a numeric comparison: checks the unit and returns the conversion that puts the rule's
    /// numbers in the terms `evaluate` compares in (the quantity's base unit, × ULN, years, score).
    fn number_conversion(&mut self, path: Path<'_>, raw: &RawRule, op: Op, question: &Question) -> Option<Conversion> {
        let id = question.id.as_str();
        let one = Conversion::IDENTITY;
        let unit_path = path.field("unit");
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
            // Dates and reference ranges are routed to their own tests before this.
            QuestionKind::Date | QuestionKind::AgainstReferenceRange { .. } => None,
            QuestionKind::SingleChoice { .. } | QuestionKind::MultipleChoice { .. } | QuestionKind::YesNo => {
                self.problem(
                    path.field("op"),
                    format!(
                        "op \"{}\" compares question \"{id}\" with a number, but its answers are not numbers (give every choice a score to compare it)",
                        op.name()
                    ),
                );
                None
            }
        }
    }

    fn choice_reference(&mut self, path: Path<'_>, value: &Json, question: &Question) -> Option<ChoiceId> {
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

/// Question indices a rule reads, a derived value's inputs included, sorted, each once.
pub(super) fn rule_questions(rule: &Rule, derived: &[Derived], reads: &mut Vec<usize>) {
    collect_rule_questions(rule, derived, reads);
    reads.sort_unstable();
    reads.dedup();
}

fn collect_rule_questions(rule: &Rule, derived: &[Derived], reads: &mut Vec<usize>) {
    match rule {
        Rule::Constant(_) | Rule::StudyTeamChecks => {}
        Rule::All(rules) | Rule::Any(rules) => {
            rules.iter().for_each(|rule| collect_rule_questions(rule, derived, reads));
        }
        Rule::Not(rule) => collect_rule_questions(rule, derived, reads),
        Rule::Compare { question, .. } => reads.push(*question),
        Rule::CompareDerived { derived: index, .. } => {
            reads.extend(derived.get(*index).into_iter().flat_map(|value| value.inputs.iter().copied()));
        }
    }
}

pub(super) fn raw_rule_question_names<'j>(rule: &RawRule<'j>, names: &mut Vec<&'j str>) {
    if let Some(name) = rule.question {
        names.push(name);
    }
    for rules in [&rule.all, &rule.any].into_iter().flatten() {
        rules.iter().for_each(|rule| raw_rule_question_names(rule, names));
    }
    if let Some(rule) = &rule.not {
        raw_rule_question_names(rule, names);
    }
}

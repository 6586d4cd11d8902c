//! Checks across the whole file, made once every part has been read: visibility conditions that
//! form a cycle, questions no rule reads, the registry's age and sex limits against what the rules
//! enforce, and the indexes that let evaluation follow one answer instead of re-reading the file.

use super::rules::{raw_rule_question_names, rule_questions};
use super::{Loader, Problem};
use crate::engine::answers::{Answer, Answers};
use crate::engine::dates::{CalendarDate, DateAnswer};
use crate::engine::derived::Formula;
use crate::engine::evaluate::Outcome;
use crate::engine::format::{RawCriterion, RawDerived, RawQuestion};
use crate::engine::json::{echo, limits};
use crate::engine::model::{ChoiceId, Criterion, Definition, Derived, QuestionKind, SexEligibility};
use std::collections::BTreeSet;

/// The question names any rule mentions, read before the rules are checked, so that a question
/// named only in a broken rule is not also reported as unused.
/// A question that only gives a derived value its input counts as mentioned.
pub(super) fn mentioned_questions<'j>(
    raw_questions: &[RawQuestion<'j>],
    raw_criteria: &[RawCriterion<'j>],
    raw_derived: &[RawDerived<'j>],
) -> BTreeSet<&'j str> {
    let mut mentioned = Vec::new();
    let visibility = raw_questions.iter().filter_map(|question| question.visible_when.as_ref());
    let criteria = raw_criteria.iter().filter_map(|criterion| criterion.rule.as_ref());
    let parts = raw_criteria
        .iter()
        .flat_map(|criterion| criterion.parts.iter().flatten())
        .filter_map(|part| part.rule.as_ref());
    for rule in visibility.chain(criteria).chain(parts) {
        raw_rule_question_names(rule, &mut mentioned);
    }
    for derived in raw_derived {
        let inputs = derived.inputs.as_ref().and_then(|inputs| inputs.as_object()).into_iter().flatten();
        mentioned.extend(inputs.filter_map(|(_, question)| question.as_str()));
    }
    crate::engine::set_of(mentioned)
}

impl Loader {
    /// Reports each question that no rule reads: asking it could change nothing.
    pub(super) fn unused_questions(&mut self, mentioned: &BTreeSet<&str>) {
        for (index, question) in self.questions.iter().enumerate() {
            let Some(question) = question else { continue };
            let id = question.id.as_str();
            if !mentioned.contains(id) {
                self.problems.push(Problem {
                    path: format!("questions[{index}]"),
                    message: format!(
                        "question \"{id}\" is used by no criterion and no visibility condition, so asking it changes nothing"
                    ),
                });
            }
        }
    }

    /// Reports visibility conditions that depend on each other in a circle, naming the circle.
    pub(super) fn check_visibility_cycles(&mut self, raw_questions: &[RawQuestion]) {
        let edges: Vec<Vec<usize>> = raw_questions
            .iter()
            .map(|question| {
                let mut names = Vec::new();
                if let Some(rule) = &question.visible_when {
                    raw_rule_question_names(rule, &mut names);
                }
                names.iter().filter_map(|name| self.question_ids.get(*name).copied()).collect()
            })
            .collect();
        // Depth-first, with an explicit stack rather than recursion: a chain of visibility
        // conditions can be as long as the file is, and the widget's stack is small (build.rs).
        // 0 = not visited, 1 = on the current path, 2 = done.
        let mut state = vec![0_u8; edges.len()];
        let mut reported = BTreeSet::new();
        for start in 0..edges.len() {
            if state[start] != 0 {
                continue;
            }
            state[start] = 1;
            // The current path, and for each node on it the next of its edges to follow.
            let mut path = vec![start];
            let mut next_edge = vec![0];
            while let (Some(&node), Some(edge)) = (path.last(), next_edge.last_mut()) {
                let Some(&next) = edges[node].get(*edge) else {
                    state[node] = 2;
                    path.pop();
                    next_edge.pop();
                    continue;
                };
                *edge += 1;
                match state[next] {
                    0 => {
                        state[next] = 1;
                        path.push(next);
                        next_edge.push(0);
                    }
                    1 => self.report_cycle(next, &path, &mut reported, raw_questions),
                    _ => {}
                }
            }
        }
    }

    /// Reports the cycle that `node`, already on `path`, closes, once per set of questions.
    fn report_cycle(
        &mut self,
        node: usize,
        path: &[usize],
        reported: &mut BTreeSet<Vec<usize>>,
        raw_questions: &[RawQuestion],
    ) {
        // Beyond the problems that can be shown, only note that there is a cycle: remembering
        // every cycle of a file built of interlocking ones could take memory the file's square.
        if reported.len() >= limits::PROBLEMS {
            self.found_visibility_cycle = true;
            return;
        }
        let start = path.iter().position(|&on_path| on_path == node).unwrap_or(0);
        let mut cycle: Vec<usize> = path[start..].to_vec();
        let mut key = cycle.clone();
        key.sort_unstable();
        if reported.insert(key) {
            self.found_visibility_cycle = true;
            cycle.push(node);
            let names: Vec<String> = cycle
                .iter()
                .map(|&index| {
                    raw_questions[index].id.map(str::to_owned).unwrap_or_else(|| format!("questions[{index}]"))
                })
                .collect();
            self.problem(
                format!("questions[{}].visible_when", path[start]),
                format!("visibility conditions form a cycle: {}", cycle_in_words(&names)),
            );
        }
    }
}

/// The indexes `Definition::reevaluate` follows from one changed answer. Each holds one entry per
/// question a rule reads, so their size grows with the file, not with questions × criteria (a chain
/// of 6,000 questions read by 6,000 criteria once made 36 million entries).
pub(super) struct Indexes {
    pub(super) criterion_questions: Vec<Vec<usize>>,
    pub(super) part_questions: Vec<Vec<Vec<usize>>>,
    pub(super) question_criteria: Vec<Vec<usize>>,
    pub(super) visibility_dependencies: Vec<Vec<usize>>,
    pub(super) visibility_dependents: Vec<Vec<usize>>,
}

impl Indexes {
    /// `visibility_dependencies[question]` lists the questions that question's `visible_when` reads.
    pub(super) fn build(
        criteria: &[Criterion],
        derived: &[Derived],
        visibility_dependencies: Vec<Vec<usize>>,
    ) -> Indexes {
        let question_count = visibility_dependencies.len();
        let criterion_questions: Vec<Vec<usize>> = criteria
            .iter()
            .map(|criterion| {
                let mut reads = Vec::new();
                rule_questions(&criterion.rule, derived, &mut reads);
                reads
            })
            .collect();
        let mut question_criteria = vec![Vec::new(); question_count];
        for (criterion, reads) in criterion_questions.iter().enumerate() {
            for &question in reads {
                question_criteria[question].push(criterion);
            }
        }
        let mut visibility_dependents = vec![Vec::new(); question_count];
        for (question, dependencies) in visibility_dependencies.iter().enumerate() {
            for &dependency in dependencies {
                visibility_dependents[dependency].push(question);
            }
        }
        let part_questions = criteria
            .iter()
            .map(|criterion| {
                criterion
                    .parts
                    .iter()
                    .map(|part| {
                        let mut reads = Vec::new();
                        rule_questions(&part.rule, derived, &mut reads);
                        reads
                    })
                    .collect()
            })
            .collect();
        Indexes {
            criterion_questions,
            part_questions,
            question_criteria,
            visibility_dependencies,
            visibility_dependents,
        }
    }
}

/// `trial.ages` and `trial.sex` are the registry's limits; the rules are what the widget applies.
/// They must agree, or a coordinator reading the metadata would believe in a limit nothing enforces.
/// Checked by answering one question alone: an age just outside the limits must rule the patient
/// out and an age on each limit must not; the sex the trial does not take must rule out and the one
/// it takes must not. The sex question is the single choice whose choices include `female` and
/// `male`.
pub(super) fn registry_limits(definition: &Definition, problems: &mut Vec<Problem>) {
    let trial = &definition.trial;
    let rules_out_alone = |question: usize, answer: Answer| {
        let mut answers = Answers::default();
        answers.set_today(CHECK_DAY);
        answers.set(definition.questions[question].id.clone(), answer);
        definition.evaluate(&answers).outcome == Outcome::NotEligible
    };
    // Where the age comes from: an age question (with the ages it takes), or a date of birth that
    // a derived age reads.
    let mut age_sources: Vec<(usize, u32, u32)> = (0..definition.questions.len())
        .filter_map(|index| match definition.questions[index].kind {
            QuestionKind::Age { minimum_years, maximum_years } => Some((index, minimum_years, maximum_years)),
            _ => None,
        })
        .collect();
    for derived in definition.derived.iter().filter(|derived| derived.formula == Formula::Age) {
        age_sources.extend(derived.inputs.iter().map(|&question| (question, 0, 150)));
    }
    let limits = match (trial.minimum_age_months, trial.maximum_age_years) {
        (Some(months), Some(maximum)) => format!("{months} months to {maximum} years"),
        (Some(months), None) => format!("{months} months or older"),
        (None, Some(maximum)) => format!("{} to {maximum} years", trial.minimum_age_years),
        (None, None) => format!("{} years or older", trial.minimum_age_years),
    };
    if age_sources.is_empty() && (trial.minimum_age_years > 0 || trial.maximum_age_years.is_some()) {
        problems.push(Problem {
            path: "trial.ages".to_owned(),
            message: format!(
                "the registry's limits are {limits}, but no question asks the age or the date of birth, so no rule applies them"
            ),
        });
    }
    for (question, minimum_years, maximum_years) in age_sources {
        let id = &definition.questions[question].id;
        let is_date = matches!(definition.questions[question].kind, QuestionKind::Date);
        if let Some(months) = trial.minimum_age_months {
            if !is_date {
                problems.push(Problem {
                    path: "trial.ages".to_owned(),
                    message: format!(
                        "the registry's minimum age is {months} months, which question \"{id}\" (whole years) cannot tell: ask the date of birth"
                    ),
                });
                continue;
            }
            // Born exactly that many months before the check day, and a day later.
            let on_limit = CHECK_DAY.add_months(-i64::from(months));
            for (born, should_rule_out) in [(on_limit, false), (on_limit.add_days(1), true)] {
                let answer = Answer::Date(DateAnswer { year: born.year, month: born.month, day: Some(born.day) });
                if rules_out_alone(question, answer) != should_rule_out {
                    let what = if should_rule_out { "does not rule a patient out" } else { "rules a patient out" };
                    let age = if should_rule_out { "a day under" } else { "exactly" };
                    problems.push(Problem {
                        path: "trial.ages".to_owned(),
                        message: format!(
                            "the registry's limits are {limits}, but an age of {age} {months} months {what} by the rules that read question \"{id}\""
                        ),
                    });
                }
            }
        }
        let mut expectations = Vec::new();
        if trial.minimum_age_months.is_none() {
            expectations.push((trial.minimum_age_years, false));
            if trial.minimum_age_years > minimum_years {
                expectations.push((trial.minimum_age_years - 1, true));
            }
        }
        if let Some(maximum) = trial.maximum_age_years {
            expectations.push((maximum, false));
            if maximum < maximum_years {
                expectations.push((maximum + 1, true));
            }
        }
        for (age, should_rule_out) in expectations {
            let answer = match definition.questions[question].kind {
                QuestionKind::Date => {
                    // Born this many years before the check day, to the day: exactly `age` today.
                    let born = CHECK_DAY.add_months(-12 * i64::from(age));
                    Answer::Date(DateAnswer { year: born.year, month: born.month, day: Some(born.day) })
                }
                _ => Answer::AgeYears(age),
            };
            if (minimum_years..=maximum_years).contains(&age) && rules_out_alone(question, answer) != should_rule_out {
                let what = if should_rule_out { "does not rule a patient out" } else { "rules a patient out" };
                problems.push(Problem {
                    path: "trial.ages".to_owned(),
                    message: format!(
                        "the registry's limits are {limits}, but an age of {age} {what} by the rules that read question \"{id}\""
                    ),
                });
            }
        }
    }
    let sex_question = (0..definition.questions.len()).find(|&index| {
        let question = &definition.questions[index];
        matches!(question.kind, QuestionKind::SingleChoice { .. })
            && question.choice("female").is_some()
            && question.choice("male").is_some()
    });
    let expectations: &[(&str, bool)] = match trial.sex {
        SexEligibility::All => &[("female", false), ("male", false)],
        SexEligibility::Female => &[("female", false), ("male", true)],
        SexEligibility::Male => &[("male", false), ("female", true)],
    };
    match sex_question {
        None if trial.sex != SexEligibility::All => problems.push(Problem {
            path: "trial.sex".to_owned(),
            message: format!(
                "the registry takes {} patients only, but no question asks the sex (a single choice with the choices \"female\" and \"male\")",
                trial.sex.name()
            ),
        }),
        None => {}
        Some(question) => {
            let id = &definition.questions[question].id;
            for (sex, should_rule_out) in expectations {
                if rules_out_alone(question, Answer::Choice(ChoiceId::new(*sex))) != *should_rule_out {
                    let what = if *should_rule_out { "does not rule a patient out" } else { "rules a patient out" };
                    problems.push(Problem {
                        path: "trial.sex".to_owned(),
                        message: format!(
                            "the registry takes sex \"{}\", but the answer \"{sex}\" to question \"{id}\" {what}",
                            trial.sex.name()
                        ),
                    });
                }
            }
        }
    }
}

/// The day the registry limits are checked on: any day serves, and a fixed one keeps loading free
/// of the clock.
const CHECK_DAY: CalendarDate = CalendarDate { year: 2026, month: 1, day: 15 };

/// `a → b → a`, or for a long cycle its first questions and how many more.
fn cycle_in_words(names: &[String]) -> String {
    const SHOWN: usize = 10;
    let echoed: Vec<String> = names.iter().take(SHOWN).map(|name| echo(name)).collect();
    if names.len() > SHOWN {
        format!("{} → … ({} more questions)", echoed.join(" → "), names.len() - SHOWN)
    } else {
        echoed.join(" → ")
    }
}

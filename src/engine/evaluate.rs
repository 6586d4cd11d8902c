//! Deciding criteria and the outcome from the answers, in three-valued (Kleene) logic.
//!
//! Evaluation cannot fail and never panics: a missing, hidden or "I don't know" answer makes the
//! comparisons that read it unknown, and unknown propagates by Kleene's tables (`false ∧ unknown`
//! is false, `true ∨ unknown` is true, `¬unknown` is unknown).
//!
//! A question is shown only when its `visible_when` rule is true. The answer to a hidden question
//! is ignored, exactly as if it had not been given, so a stale answer (pregnancy, kept after the
//! sex answer changed) can never decide anything. Rules over a question that can be hidden should
//! therefore include the condition that shows it: "all of: sex is female, pregnant is yes" is false
//! for a male patient, whatever the pregnancy answer, because `false ∧ unknown` is false.

use super::answers::{Answer, Answers};
use super::dates::{elapsed_truth, CalendarDate, DateAnswer, Duration};
use super::derived::{age_from_birth, InputKind, InputValue, Interval};
use super::exact::Exact;
use super::model::{
    Anchor, CriterionId, CriterionKind, Definition, QuestionKind, ReferenceLimit, Relation, Rule, Test,
};
pub use super::truth::{Status, Truth};
use std::cmp::Ordering;
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Every inclusion met and every exclusion not met.
    LikelyEligible,
    /// An inclusion not met or an exclusion met.
    NotEligible,
    /// Neither: some criterion is still unknown.
    NeedsReview,
}

impl Outcome {
    pub fn id(self) -> &'static str {
        match self {
            Outcome::LikelyEligible => "likely_eligible",
            Outcome::NotEligible => "not_eligible",
            Outcome::NeedsReview => "needs_review",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriterionResult {
    pub id: CriterionId,
    pub kind: CriterionKind,
    pub status: Status,
    /// Each part's status, in the criterion's order; empty for a criterion without parts.
    pub parts: Vec<Status>,
}

impl CriterionResult {
    /// Whether this criterion, as it stands, keeps the patient out of the trial.
    pub fn rules_out(&self) -> bool {
        matches!(
            (self.kind, self.status),
            (CriterionKind::Inclusion, Status::NotMet) | (CriterionKind::Exclusion, Status::Met)
        )
    }
}

/// How a criterion stands for this patient, in the words the result page and the printed summary
/// use: an inclusion is met or not, an exclusion applies or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// An inclusion the answers meet.
    Met,
    /// An inclusion the answers do not meet: it rules the patient out.
    NotMet,
    /// An exclusion that applies: it rules the patient out.
    Applies,
    /// An exclusion that does not apply.
    DoesNotApply,
    /// Still unknown, and it could change the outcome.
    Unknown,
    /// Unknown, but another criterion already rules the patient out, so it was not asked about.
    NotNeeded,
    /// What the study team checks: no answer here decides it, and it rules no one in or out.
    StudyTeamChecks,
}

impl Standing {
    /// Whether the criterion, as it stands, fits the trial (`Some(true)`), keeps the patient out
    /// (`Some(false)`) or is open (`None`).
    pub fn fits(self) -> Option<bool> {
        match self {
            Standing::Met | Standing::DoesNotApply => Some(true),
            Standing::NotMet | Standing::Applies => Some(false),
            Standing::Unknown | Standing::NotNeeded | Standing::StudyTeamChecks => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    pub outcome: Outcome,
    /// One result per criterion, in definition order.
    pub criteria: Vec<CriterionResult>,
    /// For each question, whether it is shown to this patient.
    pub visible: Vec<bool>,
    /// For each question, how many unknown criteria read it directly.
    unknown_readers: Vec<u32>,
    /// For each question, whether its answer could still decide an unknown criterion: an unknown
    /// criterion reads it, or it decides whether such a question is shown.
    pub(crate) relevant: Vec<bool>,
    /// Shown, unanswered, relevant questions, in order.
    pending: BTreeSet<usize>,
    /// How many criteria keep the patient out, and how many are unknown.
    ruling_out: usize,
    unknown_count: usize,
}

impl Evaluation {
    /// Shown, unanswered questions whose answer could still change the outcome, in order. None
    /// once the outcome is decided: then the patient need not answer anything else.
    pub fn questions_that_matter(&self) -> impl Iterator<Item = usize> + '_ {
        self.pending.iter().copied().filter(|_| self.outcome == Outcome::NeedsReview)
    }

    /// The next question to ask: the first shown, unanswered question that still matters.
    pub fn next_question(&self) -> Option<usize> {
        self.questions_that_matter().next()
    }

    /// Whether the answer to this question could still change the outcome.
    pub fn matters(&self, question: usize) -> bool {
        self.outcome == Outcome::NeedsReview && self.pending.contains(&question)
    }

    /// How many questions could still change the outcome.
    pub fn questions_left(&self) -> usize {
        if self.outcome == Outcome::NeedsReview {
            self.pending.len()
        } else {
            0
        }
    }

    /// The criteria whose status is unknown, in definition order.
    pub fn unknown(&self) -> impl Iterator<Item = &CriterionId> {
        self.criteria.iter().filter(|result| result.status == Status::Unknown).map(|result| &result.id)
    }

    /// How criterion `index` stands, given the outcome.
    pub fn standing(&self, index: usize) -> Standing {
        let result = &self.criteria[index];
        standing_of(result.kind, result.status, self.outcome)
    }

    /// How part `part` of criterion `index` stands, given the outcome: as a criterion of the same
    /// kind would, except that an unknown part of a decided criterion was not needed (its
    /// questions were not asked: the other parts decided the criterion).
    pub fn part_standing(&self, index: usize, part: usize) -> Standing {
        let result = &self.criteria[index];
        let status = result.parts.get(part).copied().unwrap_or(Status::Unknown);
        if status == Status::Unknown && matches!(result.status, Status::Met | Status::NotMet) {
            return Standing::NotNeeded;
        }
        standing_of(result.kind, status, self.outcome)
    }

    pub fn status_of(&self, criterion: &str) -> Option<Status> {
        self.criteria.iter().find(|result| result.id.as_str() == criterion).map(|result| result.status)
    }

    fn decide_outcome(&mut self) {
        self.outcome = if self.ruling_out > 0 {
            Outcome::NotEligible
        } else if self.unknown_count == 0 {
            Outcome::LikelyEligible
        } else {
            Outcome::NeedsReview
        };
    }
}

fn standing_of(kind: CriterionKind, status: Status, outcome: Outcome) -> Standing {
    match (kind, status) {
        (_, Status::Unknown) if outcome == Outcome::NotEligible => Standing::NotNeeded,
        (_, Status::Unknown) => Standing::Unknown,
        (_, Status::StudyTeamChecks) => Standing::StudyTeamChecks,
        (CriterionKind::Inclusion, Status::Met) => Standing::Met,
        (CriterionKind::Inclusion, Status::NotMet) => Standing::NotMet,
        (CriterionKind::Exclusion, Status::Met) => Standing::Applies,
        (CriterionKind::Exclusion, Status::NotMet) => Standing::DoesNotApply,
    }
}

/// A criterion, or one part of it, that the result lists: `label` is `inc09_organ_function` for a
/// whole criterion and `inc09_organ_function/b` for its part b.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub criterion: usize,
    pub part: Option<usize>,
    pub label: String,
}

impl Definition {
    /// The criteria, or for a criterion with parts its parts, whose status is `status`; parts only
    /// while the criterion as a whole is not decided (a decided criterion's open part changes nothing).
    pub fn items_with_status(&self, evaluation: &Evaluation, status: Status) -> Vec<Item> {
        let mut items = Vec::new();
        for (index, (criterion, result)) in self.criteria.iter().zip(&evaluation.criteria).enumerate() {
            if criterion.parts.is_empty() {
                if result.status == status {
                    items.push(Item { criterion: index, part: None, label: criterion.id.to_string() });
                }
                continue;
            }
            if matches!(result.status, Status::Met | Status::NotMet) {
                continue;
            }
            for (part_index, (part, part_status)) in criterion.parts.iter().zip(&result.parts).enumerate() {
                if *part_status == status {
                    items.push(Item {
                        criterion: index,
                        part: Some(part_index),
                        label: format!("{}/{}", criterion.id, part.label),
                    });
                }
            }
        }
        items
    }

    /// Decides every criterion and the outcome. Never fails and never panics.
    pub fn evaluate(&self, answers: &Answers) -> Evaluation {
        // One pass in question order is enough for visibility because the loader only lets a
        // question's visibility depend on earlier questions.
        let today = answers.today();
        let mut visible = Vec::with_capacity(self.questions.len());
        let mut effective: Vec<Option<&Answer>> = Vec::with_capacity(self.questions.len());
        for question in &self.questions {
            let shown = match &question.visible_when {
                None => true,
                Some(rule) => self.truth_of(rule, &|index| effective[index], today) == Truth::True,
            };
            visible.push(shown);
            effective.push(if shown { answers.get(question.id.as_str()) } else { None });
        }
        let criteria: Vec<CriterionResult> = self
            .criteria
            .iter()
            .map(|criterion| CriterionResult {
                id: criterion.id.clone(),
                kind: criterion.kind,
                status: Status::from(self.truth_of(&criterion.rule, &|index| effective[index], today)),
                parts: criterion
                    .parts
                    .iter()
                    .map(|part| Status::from(self.truth_of(&part.rule, &|index| effective[index], today)))
                    .collect(),
            })
            .collect();
        let mut unknown_readers = vec![0; self.questions.len()];
        for (index, result) in criteria.iter().enumerate() {
            for question in self.open_reads(index, result) {
                unknown_readers[question] += 1;
            }
        }
        let mut evaluation = Evaluation {
            outcome: Outcome::NeedsReview,
            ruling_out: criteria.iter().filter(|result| result.rules_out()).count(),
            unknown_count: criteria.iter().filter(|result| result.status == Status::Unknown).count(),
            pending: BTreeSet::new(),
            relevant: Vec::new(),
            criteria,
            visible,
            unknown_readers,
        };
        self.find_pending(&mut evaluation, answers);
        evaluation.decide_outcome();
        evaluation
    }

    /// Brings `evaluation` up to date after the answer to question `changed` was given, changed or
    /// removed in `answers`; the result equals `evaluate(answers)`. A criterion's status can change
    /// only if the answer or the visibility of a question it reads changed, so only the criteria
    /// that read the answered question or a question whose visibility flipped are decided again.
    /// Which questions still matter is then found in one backward pass over the questions and their
    /// visibility conditions: work in proportion to the file, never to questions × criteria.
    pub fn reevaluate(&self, evaluation: &mut Evaluation, answers: &Answers, changed: usize) {
        // Questions whose effective answer may have changed: the answered one, and those whose
        // visibility flipped, followed in question order.
        let today = answers.today();
        let mut changed_questions = vec![changed];
        let mut to_check = super::set_of(self.visibility_dependents[changed].iter().copied());
        while let Some(question) = to_check.pop_first() {
            let shown = self.questions[question].visible_when.as_ref().is_none_or(|rule| {
                let answer_of = |index| self.effective_answer(&evaluation.visible, answers, index);
                self.truth_of(rule, &answer_of, today) == Truth::True
            });
            if shown != evaluation.visible[question] {
                evaluation.visible[question] = shown;
                changed_questions.push(question);
                to_check.extend(self.visibility_dependents[question].iter().copied());
            }
        }
        let mut criteria: Vec<usize> =
            changed_questions.iter().flat_map(|&question| self.question_criteria[question].iter().copied()).collect();
        criteria.sort_unstable();
        criteria.dedup();
        for criterion in criteria {
            let answer_of = |index| self.effective_answer(&evaluation.visible, answers, index);
            let truth = self.truth_of(&self.criteria[criterion].rule, &answer_of, today);
            let parts: Vec<Status> = self.criteria[criterion]
                .parts
                .iter()
                .map(|part| Status::from(self.truth_of(&part.rule, &answer_of, today)))
                .collect();
            for question in self.open_reads(criterion, &evaluation.criteria[criterion]) {
                evaluation.unknown_readers[question] -= 1;
            }
            let result = &mut evaluation.criteria[criterion];
            result.parts = parts;
            let (was_unknown, was_ruling_out) = (result.status == Status::Unknown, result.rules_out());
            result.status = Status::from(truth);
            let (is_unknown, rules_out) = (result.status == Status::Unknown, result.rules_out());
            evaluation.ruling_out = evaluation.ruling_out + usize::from(rules_out) - usize::from(was_ruling_out);
            evaluation.unknown_count = evaluation.unknown_count + usize::from(is_unknown) - usize::from(was_unknown);
            for question in self.open_reads(criterion, &evaluation.criteria[criterion]) {
                evaluation.unknown_readers[question] += 1;
            }
        }
        self.find_pending(evaluation, answers);
        evaluation.decide_outcome();
    }

    /// The questions whose answer could still change criterion `index` as it stands in `result`:
    /// none once it is decided; for an unknown criterion, those it reads, or with parts, those its
    /// unknown parts read (a part already decided does not depend on its unanswered questions, so a
    /// creatinine read only by a part the upper-limit answer met is not asked). Each question once.
    fn open_reads(&self, index: usize, result: &CriterionResult) -> Vec<usize> {
        if result.status != Status::Unknown {
            return Vec::new();
        }
        if result.parts.is_empty() {
            return self.criterion_questions[index].clone();
        }
        let mut reads: Vec<usize> = result
            .parts
            .iter()
            .zip(&self.part_questions[index])
            .filter(|(status, _)| **status == Status::Unknown)
            .flat_map(|(_, questions)| questions.iter().copied())
            .collect();
        reads.sort_unstable();
        reads.dedup();
        reads
    }

    /// Finds which questions are relevant (an unknown criterion reads them, or they decide whether
    /// a relevant question is shown) in one pass from the last question to the first, since
    /// visibility reads only earlier questions; then which of them are shown and unanswered.
    fn find_pending(&self, evaluation: &mut Evaluation, answers: &Answers) {
        let count = self.questions.len();
        let mut relevant = vec![false; count];
        for question in (0..count).rev() {
            relevant[question] = evaluation.unknown_readers[question] > 0
                || self.visibility_dependents[question].iter().any(|&dependent| relevant[dependent]);
        }
        evaluation.pending = super::set_of((0..count).filter(|&question| {
            relevant[question]
                && evaluation.visible[question]
                && answers.get(self.questions[question].id.as_str()).is_none()
        }));
        evaluation.relevant = relevant;
    }

    /// The answer the rules may read: none for a question that is unanswered or hidden.
    pub(super) fn effective_answer<'a>(
        &self,
        visible: &[bool],
        answers: &'a Answers,
        question: usize,
    ) -> Option<&'a Answer> {
        if visible[question] {
            answers.get(self.questions[question].id.as_str())
        } else {
            None
        }
    }

    /// The truth of `rule`, reading answers through `answer_of` and date windows from `today`
    /// (without it, windows counted from today or a study date are unknown).
    pub(super) fn truth_of<'a>(
        &self,
        rule: &Rule,
        answer_of: &dyn Fn(usize) -> Option<&'a Answer>,
        today: Option<CalendarDate>,
    ) -> Truth {
        match rule {
            Rule::Constant(value) => Truth::from_bool(*value),
            Rule::StudyTeamChecks => Truth::ForStudyTeam,
            Rule::All(rules) => {
                rules.iter().fold(Truth::True, |truth, rule| truth.and(self.truth_of(rule, answer_of, today)))
            }
            Rule::Any(rules) => {
                rules.iter().fold(Truth::False, |truth, rule| truth.or(self.truth_of(rule, answer_of, today)))
            }
            Rule::Not(rule) => self.truth_of(rule, answer_of, today).negate(),
            Rule::Compare { question, test } => match answer_of(*question) {
                None | Some(Answer::DoNotKnow) => Truth::Unknown,
                Some(Answer::Date(date)) => self.test_date(test, *date, today),
                Some(answer) => self.test_answer(*question, test, answer),
            },
            Rule::CompareDerived { derived, test } => match self.derived_value(*derived, answer_of, today) {
                Some(interval) => interval_truth(interval, test),
                None => Truth::Unknown,
            },
        }
    }

    /// Derived value `index` from the answers shown to the patient, as the rules read it.
    pub fn derived_now(&self, index: usize, evaluation: &Evaluation, answers: &Answers) -> Option<Interval> {
        let answer_of = |question| self.effective_answer(&evaluation.visible, answers, question);
        self.derived_value(index, &answer_of, answers.today())
    }

    /// A derived value from the answers: none while an input is missing, unknown or out of the
    /// formula's reach, or an age from a date of birth has no `today` to count to.
    pub fn derived_value<'a>(
        &self,
        derived: usize,
        answer_of: &dyn Fn(usize) -> Option<&'a Answer>,
        today: Option<CalendarDate>,
    ) -> Option<Interval> {
        let derived = self.derived.get(derived)?;
        let mut inputs = Vec::with_capacity(derived.inputs.len());
        for (&question, (_, kind)) in derived.inputs.iter().zip(derived.formula.inputs()) {
            let input = match (kind, answer_of(question)?) {
                (InputKind::Measured(quantity), Answer::Number { value, unit }) => {
                    InputValue::Measured(quantity.to_base(*value, *unit)?)
                }
                (InputKind::Age, Answer::AgeYears(years)) => InputValue::Age(i64::from(*years), i64::from(*years)),
                (InputKind::Age | InputKind::BirthDate, Answer::Date(birth)) => {
                    let (youngest, oldest) = age_from_birth(*birth, today?)?;
                    InputValue::Age(youngest, oldest)
                }
                (InputKind::Sex, Answer::Choice(choice)) => match choice.as_str() {
                    "female" => InputValue::Female,
                    "male" => InputValue::Male,
                    _ => return None,
                },
                _ => return None,
            };
            inputs.push(input);
        }
        derived.formula.compute(&inputs)
    }

    fn test_date(&self, test: &Test, date: DateAnswer, today: Option<CalendarDate>) -> Truth {
        let (Some(today), Some(days)) = (today, date.days()) else { return Truth::Unknown };
        let anchor_days = |anchor: &Anchor| match anchor {
            Anchor::Today => Some((today, today)),
            Anchor::Study(index) => self.study_dates.get(*index).map(|study| {
                (today.add_days(i64::from(study.earliest_days)), today.add_days(i64::from(study.latest_days)))
            }),
        };
        let elapsed = |anchor, relation: Relation, duration: Duration| {
            let (ordering, or_equal) = match relation {
                Relation::Less => (Ordering::Less, false),
                Relation::LessOrEqual => (Ordering::Less, true),
                Relation::GreaterOrEqual => (Ordering::Greater, true),
                Relation::Greater => (Ordering::Greater, false),
                // The loader refuses "exactly N days".
                Relation::Equal => return Truth::Unknown,
            };
            anchor_days(anchor)
                .map_or(Truth::Unknown, |anchor| elapsed_truth(days, anchor, ordering, or_equal, duration))
        };
        match test {
            Test::Elapsed { anchor, relation, duration } => elapsed(anchor, *relation, *duration),
            Test::ElapsedBetween { anchor, shortest, longest } => elapsed(anchor, Relation::GreaterOrEqual, *shortest)
                .and(elapsed(anchor, Relation::LessOrEqual, *longest)),
            _ => Truth::Unknown,
        }
    }

    fn test_answer(&self, question: usize, test: &Test, answer: &Answer) -> Truth {
        // The loader rejects tests that do not fit their question's kind and `check_answer`
        // rejects answers that do not; a mismatch here cannot decide anything, so it is unknown.
        let truth = match test {
            Test::YesNo(expected) => match answer {
                Answer::YesNo(given) => Some(expected == given),
                _ => None,
            },
            Test::ChoiceIs(expected) => match answer {
                Answer::Choice(given) => Some(expected == given),
                _ => None,
            },
            Test::AnyOf(expected) => match answer {
                Answer::Choice(given) => Some(expected.contains(given)),
                Answer::Choices(picked) => Some(expected.iter().any(|choice| picked.contains(choice))),
                _ => None,
            },
            Test::AllOf(expected) => match answer {
                Answer::Choices(picked) => Some(expected.iter().all(|choice| picked.contains(choice))),
                _ => None,
            },
            Test::Number { relation, limit } => {
                return self.compare_number(question, answer, *limit, |ordering| relation.holds(ordering));
            }
            Test::Between { minimum, maximum } => {
                let at_least = self.compare_number(question, answer, *minimum, |ordering| ordering != Ordering::Less);
                let at_most = self.compare_number(question, answer, *maximum, |ordering| ordering != Ordering::Greater);
                return at_least.and(at_most);
            }
            Test::WithinRange => match answer {
                Answer::AgainstRange { value, lower_limit, upper_limit } => {
                    let above_lower = value.checked_cmp(*lower_limit).map(|ordering| ordering != Ordering::Less);
                    let below_upper = value.checked_cmp(*upper_limit).map(|ordering| ordering != Ordering::Greater);
                    above_lower.zip(below_upper).map(|(above, below)| above && below)
                }
                _ => None,
            },
            // value against factor × limit, so that no division rounds.
            Test::TimesLimit { limit, relation, factor } => match answer {
                Answer::AgainstRange { value, lower_limit, upper_limit } => {
                    let reference = if *limit == ReferenceLimit::Upper { upper_limit } else { lower_limit };
                    factor
                        .checked_mul(*reference)
                        .and_then(|scaled| value.checked_cmp(scaled))
                        .map(|ordering| relation.holds(ordering))
                }
                _ => None,
            },
            Test::Elapsed { .. } | Test::ElapsedBetween { .. } => None,
        };
        truth.map_or(Truth::Unknown, Truth::from_bool)
    }

    /// Orders the answer, read as a number in the rule's terms, against `limit`.
    fn compare_number(
        &self,
        question: usize,
        answer: &Answer,
        limit: Exact,
        holds: impl Fn(Ordering) -> bool,
    ) -> Truth {
        let question = &self.questions[question];
        let ordering = match &question.kind {
            QuestionKind::Number { quantity, .. } => match answer {
                Answer::Number { value, unit } => {
                    quantity.to_base(*value, *unit).and_then(|base| base.checked_cmp(limit))
                }
                _ => None,
            },
            QuestionKind::Age { .. } => match answer {
                Answer::AgeYears(years) => Exact::from_integer(i64::from(*years)).checked_cmp(limit),
                _ => None,
            },
            // value ÷ upper limit against the limit, as value against limit × upper limit
            // (the upper limit is positive), so that no division rounds.
            QuestionKind::AgainstUpperLimit { .. } => match answer {
                Answer::AgainstUpperLimit { value, upper_limit } => {
                    limit.checked_mul(*upper_limit).and_then(|scaled| value.checked_cmp(scaled))
                }
                _ => None,
            },
            QuestionKind::SingleChoice { .. } => match answer {
                Answer::Choice(choice) => question
                    .choice(choice.as_str())
                    .and_then(|choice| choice.score)
                    .and_then(|score| score.checked_cmp(limit)),
                _ => None,
            },
            // The loader only lets a choice question with scores be compared as a number; dates
            // and reference ranges have tests of their own.
            QuestionKind::YesNo
            | QuestionKind::MultipleChoice { .. }
            | QuestionKind::AgainstReferenceRange { .. }
            | QuestionKind::Date => None,
        };
        ordering.map_or(Truth::Unknown, |ordering| Truth::from_bool(holds(ordering)))
    }
}

/// A derived value, known to lie in `interval`, against a limit: true or false when every value
/// in the interval decides it the same way, for the study team when the limit falls inside it.
fn interval_truth(interval: Interval, test: &Test) -> Truth {
    let against = |limit: Exact, holds: &dyn Fn(Ordering) -> bool| {
        let (least, greatest) = (interval.least.checked_cmp(limit), interval.greatest.checked_cmp(limit));
        // A relation holds on a half-line or at one point: the interval misses it when both ends
        // do, unless the point lies between them.
        let straddles = least == Some(Ordering::Less) && greatest == Some(Ordering::Greater);
        match (least.map(holds), greatest.map(holds)) {
            (Some(true), Some(true)) => Truth::True,
            (Some(false), Some(false)) if !straddles => Truth::False,
            (Some(_), Some(_)) => Truth::ForStudyTeam,
            _ => Truth::Unknown,
        }
    };
    match test {
        Test::Number { relation, limit } => against(*limit, &|ordering| relation.holds(ordering)),
        Test::Between { minimum, maximum } => against(*minimum, &|ordering| ordering != Ordering::Less)
            .and(against(*maximum, &|ordering| ordering != Ordering::Greater)),
        _ => Truth::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Answers;
    use serde_json::json;

    /// The standing of every criterion for the seed trial's answers, by criterion id.
    fn standings(answers: serde_json::Value) -> Vec<(String, Standing)> {
        let definition = Definition::seed();
        let answers: Answers = definition.parse_answers(&answers).unwrap_or_else(|errors| panic!("{errors:?}"));
        let evaluation = definition.evaluate(&answers);
        (0..evaluation.criteria.len())
            .map(|index| (evaluation.criteria[index].id.to_string(), evaluation.standing(index)))
            .collect()
    }

    fn standing_of(standings: &[(String, Standing)], id: &str) -> Standing {
        standings
            .iter()
            .find(|(criterion, _)| criterion == id)
            .map(|(_, standing)| *standing)
            .unwrap_or_else(|| panic!("{id}"))
    }

    #[test]
    fn standings_name_inclusions_and_exclusions_apart() {
        let open = standings(json!({"age_years": 45, "other_cancer": false, "pregnant_or_breastfeeding": "unknown"}));
        assert_eq!(standing_of(&open, "inc06_age"), Standing::Met);
        assert_eq!(standing_of(&open, "exc01_other_malignancy"), Standing::DoesNotApply);
        assert_eq!(standing_of(&open, "inc10_lvef"), Standing::Unknown);
        let ruled_out = standings(json!({"age_years": 45, "other_cancer": true}));
        assert_eq!(standing_of(&ruled_out, "exc01_other_malignancy"), Standing::Applies);
        assert_eq!(standing_of(&ruled_out, "inc10_lvef"), Standing::NotNeeded, "not asked once ruled out");
        let too_old = standings(json!({"age_years": 76}));
        assert_eq!(standing_of(&too_old, "inc06_age"), Standing::NotMet);
        assert_eq!(Standing::NotMet.fits(), Some(false));
        assert_eq!(Standing::NotNeeded.fits(), None);
    }
}

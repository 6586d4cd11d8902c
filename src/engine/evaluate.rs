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
use super::exact::Exact;
use super::model::{CriterionId, CriterionKind, Definition, QuestionKind, Rule, Test};
use std::cmp::Ordering;
use std::collections::BTreeSet;

/// A truth value in Kleene's three-valued logic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Truth {
    True,
    False,
    Unknown,
}

impl Truth {
    fn from_bool(value: bool) -> Truth {
        if value {
            Truth::True
        } else {
            Truth::False
        }
    }

    pub fn and(self, other: Truth) -> Truth {
        match (self, other) {
            (Truth::False, _) | (_, Truth::False) => Truth::False,
            (Truth::True, Truth::True) => Truth::True,
            _ => Truth::Unknown,
        }
    }

    pub fn or(self, other: Truth) -> Truth {
        match (self, other) {
            (Truth::True, _) | (_, Truth::True) => Truth::True,
            (Truth::False, Truth::False) => Truth::False,
            _ => Truth::Unknown,
        }
    }

    pub fn negate(self) -> Truth {
        match self {
            Truth::True => Truth::False,
            Truth::False => Truth::True,
            Truth::Unknown => Truth::Unknown,
        }
    }
}

/// A criterion's status for this patient: its rule's truth value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Met,
    NotMet,
    Unknown,
}

impl Status {
    pub fn id(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::NotMet => "not_met",
            Status::Unknown => "unknown",
        }
    }
}

impl From<Truth> for Status {
    fn from(truth: Truth) -> Status {
        match truth {
            Truth::True => Status::Met,
            Truth::False => Status::NotMet,
            Truth::Unknown => Status::Unknown,
        }
    }
}

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
}

impl Standing {
    /// Whether the criterion, as it stands, fits the trial (`Some(true)`), keeps the patient out
    /// (`Some(false)`) or is open (`None`).
    pub fn fits(self) -> Option<bool> {
        match self {
            Standing::Met | Standing::DoesNotApply => Some(true),
            Standing::NotMet | Standing::Applies => Some(false),
            Standing::Unknown | Standing::NotNeeded => None,
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
        match (result.kind, result.status) {
            (_, Status::Unknown) if self.outcome == Outcome::NotEligible => Standing::NotNeeded,
            (_, Status::Unknown) => Standing::Unknown,
            (CriterionKind::Inclusion, Status::Met) => Standing::Met,
            (CriterionKind::Inclusion, Status::NotMet) => Standing::NotMet,
            (CriterionKind::Exclusion, Status::Met) => Standing::Applies,
            (CriterionKind::Exclusion, Status::NotMet) => Standing::DoesNotApply,
        }
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

impl Definition {
    /// Decides every criterion and the outcome. Never fails and never panics.
    pub fn evaluate(&self, answers: &Answers) -> Evaluation {
        // One pass in question order is enough for visibility because the loader only lets a
        // question's visibility depend on earlier questions.
        let mut visible = Vec::with_capacity(self.questions.len());
        let mut effective: Vec<Option<&Answer>> = Vec::with_capacity(self.questions.len());
        for question in &self.questions {
            let shown = match &question.visible_when {
                None => true,
                Some(rule) => self.truth_of(rule, &|index| effective[index]) == Truth::True,
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
                status: Status::from(self.truth_of(&criterion.rule, &|index| effective[index])),
            })
            .collect();
        let mut unknown_readers = vec![0; self.questions.len()];
        for (index, result) in criteria.iter().enumerate() {
            if result.status == Status::Unknown {
                for &question in &self.criterion_questions[index] {
                    unknown_readers[question] += 1;
                }
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
        let mut changed_questions = vec![changed];
        let mut to_check: BTreeSet<usize> = self.visibility_dependents[changed].iter().copied().collect();
        while let Some(question) = to_check.pop_first() {
            let shown = self.questions[question].visible_when.as_ref().is_none_or(|rule| {
                self.truth_of(rule, &|index| self.effective_answer(&evaluation.visible, answers, index)) == Truth::True
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
            let truth = self.truth_of(&self.criteria[criterion].rule, &|index| {
                self.effective_answer(&evaluation.visible, answers, index)
            });
            let result = &mut evaluation.criteria[criterion];
            let (was_unknown, was_ruling_out) = (result.status == Status::Unknown, result.rules_out());
            result.status = Status::from(truth);
            let (is_unknown, rules_out) = (result.status == Status::Unknown, result.rules_out());
            evaluation.ruling_out = evaluation.ruling_out + usize::from(rules_out) - usize::from(was_ruling_out);
            evaluation.unknown_count = evaluation.unknown_count + usize::from(is_unknown) - usize::from(was_unknown);
            if was_unknown != is_unknown {
                for &question in &self.criterion_questions[criterion] {
                    if is_unknown {
                        evaluation.unknown_readers[question] += 1;
                    } else {
                        evaluation.unknown_readers[question] -= 1;
                    }
                }
            }
        }
        self.find_pending(evaluation, answers);
        evaluation.decide_outcome();
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
        evaluation.pending = (0..count)
            .filter(|&question| {
                relevant[question]
                    && evaluation.visible[question]
                    && answers.get(self.questions[question].id.as_str()).is_none()
            })
            .collect();
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

    pub(super) fn truth_of<'a>(&self, rule: &Rule, answer_of: &dyn Fn(usize) -> Option<&'a Answer>) -> Truth {
        match rule {
            Rule::Constant(value) => Truth::from_bool(*value),
            Rule::All(rules) => rules.iter().fold(Truth::True, |truth, rule| truth.and(self.truth_of(rule, answer_of))),
            Rule::Any(rules) => rules.iter().fold(Truth::False, |truth, rule| truth.or(self.truth_of(rule, answer_of))),
            Rule::Not(rule) => self.truth_of(rule, answer_of).negate(),
            Rule::Compare { question, test } => match answer_of(*question) {
                None | Some(Answer::DoNotKnow) => Truth::Unknown,
                Some(answer) => self.test_answer(*question, test, answer),
            },
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
            // The loader only lets a choice question with scores be compared as a number.
            QuestionKind::YesNo | QuestionKind::MultipleChoice { .. } => None,
        };
        ordering.map_or(Truth::Unknown, |ordering| Truth::from_bool(holds(ordering)))
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

    const ALL: [Truth; 3] = [Truth::True, Truth::False, Truth::Unknown];

    #[test]
    fn kleene_tables() {
        use Truth::{False as F, True as T, Unknown as U};
        let check = |left: Truth, right: Truth, and: Truth, or: Truth| {
            assert_eq!(left.and(right), and, "{left:?} and {right:?}");
            assert_eq!(left.or(right), or, "{left:?} or {right:?}");
        };
        check(T, T, T, T);
        check(T, F, F, T);
        check(T, U, U, T);
        check(F, F, F, F);
        check(F, U, F, U);
        check(U, U, U, U);
        assert_eq!(U.negate(), U);
        assert_eq!(T.negate(), F);
        for left in ALL {
            for right in ALL {
                assert_eq!(left.and(right), right.and(left));
                assert_eq!(left.and(right).negate(), left.negate().or(right.negate()), "De Morgan");
            }
        }
    }
}

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

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    pub outcome: Outcome,
    /// One result per criterion, in definition order.
    pub criteria: Vec<CriterionResult>,
    /// The criteria whose status is unknown, in definition order.
    pub unknown: Vec<CriterionId>,
    /// For each question, whether it is shown to this patient.
    pub visible: Vec<bool>,
    /// Shown, unanswered questions whose answer could still change the outcome, in order. Empty
    /// once the outcome is decided: then the patient need not answer anything else.
    pub questions_that_matter: Vec<usize>,
}

impl Evaluation {
    /// The next question to ask: the first shown, unanswered question that still matters.
    pub fn next_question(&self) -> Option<usize> {
        self.questions_that_matter.first().copied()
    }

    pub fn status_of(&self, criterion: &str) -> Option<Status> {
        self.criteria.iter().find(|result| result.id.as_str() == criterion).map(|result| result.status)
    }
}

/// The answers the rules may read: `None` for questions that are unanswered or hidden.
struct EffectiveAnswers<'a> {
    by_index: Vec<Option<&'a Answer>>,
}

impl Definition {
    /// Decides every criterion and the outcome. Never fails and never panics.
    pub fn evaluate(&self, answers: &Answers) -> Evaluation {
        let (visible, effective) = self.effective_answers(answers);
        let criteria: Vec<CriterionResult> = self
            .criteria
            .iter()
            .map(|criterion| CriterionResult {
                id: criterion.id.clone(),
                kind: criterion.kind,
                status: Status::from(self.truth_of(&criterion.rule, &effective)),
            })
            .collect();
        let unknown: Vec<CriterionId> =
            criteria.iter().filter(|result| result.status == Status::Unknown).map(|result| result.id.clone()).collect();
        let outcome = if criteria.iter().any(CriterionResult::rules_out) {
            Outcome::NotEligible
        } else if unknown.is_empty() {
            Outcome::LikelyEligible
        } else {
            Outcome::NeedsReview
        };
        let questions_that_matter = if outcome == Outcome::NeedsReview {
            self.questions_that_matter(&criteria, &visible, &effective)
        } else {
            Vec::new()
        };
        Evaluation { outcome, criteria, unknown, visible, questions_that_matter }
    }

    /// Visibility for every question, and the answers that count. One pass in question order is
    /// enough because the loader only lets a question's visibility depend on earlier questions.
    fn effective_answers<'a>(&self, answers: &'a Answers) -> (Vec<bool>, EffectiveAnswers<'a>) {
        let mut visible = Vec::with_capacity(self.questions.len());
        let mut effective = EffectiveAnswers { by_index: Vec::with_capacity(self.questions.len()) };
        for question in &self.questions {
            let shown = match &question.visible_when {
                None => true,
                Some(rule) => self.truth_of(rule, &effective) == Truth::True,
            };
            visible.push(shown);
            effective.by_index.push(if shown { answers.get(question.id.as_str()) } else { None });
        }
        (visible, effective)
    }

    fn questions_that_matter(
        &self,
        criteria: &[CriterionResult],
        visible: &[bool],
        effective: &EffectiveAnswers<'_>,
    ) -> Vec<usize> {
        let mut matters = vec![false; self.questions.len()];
        for (index, result) in criteria.iter().enumerate() {
            if result.status == Status::Unknown {
                for &question in &self.criterion_questions[index] {
                    matters[question] = true;
                }
            }
        }
        (0..self.questions.len())
            .filter(|&index| matters[index] && visible[index] && effective.by_index[index].is_none())
            .collect()
    }

    fn truth_of(&self, rule: &Rule, answers: &EffectiveAnswers<'_>) -> Truth {
        match rule {
            Rule::Constant(value) => Truth::from_bool(*value),
            Rule::All(rules) => rules.iter().fold(Truth::True, |truth, rule| truth.and(self.truth_of(rule, answers))),
            Rule::Any(rules) => rules.iter().fold(Truth::False, |truth, rule| truth.or(self.truth_of(rule, answers))),
            Rule::Not(rule) => self.truth_of(rule, answers).negate(),
            Rule::Compare { question, test } => match answers.by_index.get(*question).copied().flatten() {
                None | Some(Answer::DoNotKnow) => Truth::Unknown,
                Some(answer) => self.test_answer(*question, test, answer),
            },
        }
    }

    fn test_answer(&self, question: usize, test: &Test, answer: &Answer) -> Truth {
        match (test, answer) {
            (Test::YesNo(expected), Answer::YesNo(given)) => Truth::from_bool(expected == given),
            (Test::ChoiceIs(expected), Answer::Choice(given)) => Truth::from_bool(expected == given),
            (Test::AnyOf(expected), Answer::Choice(given)) => Truth::from_bool(expected.contains(given)),
            (Test::AnyOf(expected), Answer::Choices(picked)) => {
                Truth::from_bool(expected.iter().any(|choice| picked.contains(choice)))
            }
            (Test::AllOf(expected), Answer::Choices(picked)) => {
                Truth::from_bool(expected.iter().all(|choice| picked.contains(choice)))
            }
            (Test::Number { relation, limit }, _) => {
                self.compare_number(question, answer, *limit, |ordering| relation.holds(ordering))
            }
            (Test::Between { minimum, maximum }, _) => {
                let at_least = self.compare_number(question, answer, *minimum, |ordering| ordering != Ordering::Less);
                let at_most = self.compare_number(question, answer, *maximum, |ordering| ordering != Ordering::Greater);
                at_least.and(at_most)
            }
            // The loader rejects tests that do not fit their question's kind and `check_answer`
            // rejects answers that do not; a mismatch here cannot decide anything, so it is unknown.
            _ => Truth::Unknown,
        }
    }

    /// Orders the answer, read as a number in the rule's terms, against `limit`.
    fn compare_number(
        &self,
        question: usize,
        answer: &Answer,
        limit: Exact,
        holds: impl Fn(Ordering) -> bool,
    ) -> Truth {
        let ordering = match (&self.questions[question].kind, answer) {
            (QuestionKind::Number { quantity, .. }, Answer::Number { value, unit }) => {
                quantity.to_base(*value, *unit).and_then(|base| base.checked_cmp(limit))
            }
            (QuestionKind::Age { .. }, Answer::AgeYears(years)) => {
                Exact::from_integer(i64::from(*years)).checked_cmp(limit)
            }
            // value ÷ upper limit against the limit, as value against limit × upper limit
            // (the upper limit is positive), so that no division rounds.
            (QuestionKind::AgainstUpperLimit { .. }, Answer::AgainstUpperLimit { value, upper_limit }) => {
                limit.checked_mul(*upper_limit).and_then(|scaled| value.checked_cmp(scaled))
            }
            (QuestionKind::SingleChoice { .. }, Answer::Choice(choice)) => self.questions[question]
                .choice(choice.as_str())
                .and_then(|choice| choice.score)
                .and_then(|score| score.checked_cmp(limit)),
            _ => None,
        };
        ordering.map_or(Truth::Unknown, |ordering| Truth::from_bool(holds(ordering)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

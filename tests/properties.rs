//! Properties of evaluation over arbitrary answers to the seed trial.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on broken fixtures.

use prescreen::engine::{Answer, Answers, ChoiceId, Definition, Exact, Outcome, QuestionKind, Status, Unit};
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::sync::OnceLock;

fn seed() -> &'static Definition {
    static SEED: OnceLock<Definition> = OnceLock::new();
    SEED.get_or_init(Definition::seed)
}

/// A concrete (not "I don't know") answer for question `index`, possibly outside its plausible range:
/// evaluation must cope with anything `Answers` can hold.
fn concrete_answer(index: usize) -> BoxedStrategy<Answer> {
    let question = &seed().questions[index];
    let decimal = (0_i64..400_000, 0_i64..3)
        .prop_map(|(units, scale)| Exact::ratio(units, 10_i64.pow(scale as u32)).unwrap_or(Exact::from_integer(0)));
    match &question.kind {
        QuestionKind::YesNo => any::<bool>().prop_map(Answer::YesNo).boxed(),
        QuestionKind::SingleChoice { choices } => {
            let ids: Vec<ChoiceId> = choices.iter().map(|choice| choice.id.clone()).collect();
            proptest::sample::select(ids).prop_map(Answer::Choice).boxed()
        }
        QuestionKind::MultipleChoice { choices } => {
            let ids: Vec<ChoiceId> = choices.iter().map(|choice| choice.id.clone()).collect();
            proptest::sample::subsequence(ids.clone(), 1..=ids.len())
                .prop_map(|picked| Answer::Choices(picked.into_iter().collect::<BTreeSet<_>>()))
                .boxed()
        }
        QuestionKind::Number { units, .. } => (decimal, proptest::sample::select(units.clone()))
            .prop_map(|(value, unit)| Answer::Number { value, unit })
            .boxed(),
        QuestionKind::Age { .. } => (0_u32..130).prop_map(Answer::AgeYears).boxed(),
        QuestionKind::AgainstUpperLimit { .. } => (decimal.clone(), 1_i64..500)
            .prop_map(|(value, upper_limit)| Answer::AgainstUpperLimit {
                value,
                upper_limit: Exact::from_integer(upper_limit),
            })
            .boxed(),
    }
}

/// Per question: unanswered, "I don't know", or a concrete answer.
fn answers_with_unknowns() -> impl Strategy<Value = (Answers, Vec<Option<Answer>>)> {
    let per_question: Vec<_> = (0..seed().questions.len())
        .map(|index| {
            prop_oneof![
                1 => Just(None),
                1 => Just(Some(Answer::DoNotKnow)),
                3 => concrete_answer(index).prop_map(Some),
            ]
        })
        .collect();
    let replacements: Vec<_> = (0..seed().questions.len()).map(concrete_answer).collect();
    (per_question, replacements).prop_map(|(chosen, replacements)| {
        let mut answers = Answers::default();
        for (question, answer) in seed().questions.iter().zip(&chosen) {
            if let Some(answer) = answer {
                answers.set(question.id.clone(), answer.clone());
            }
        }
        let replacements = replacements.into_iter().map(Some).collect();
        (answers, replacements)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn likely_eligible_means_nothing_is_unknown((answers, _) in answers_with_unknowns()) {
        let evaluation = seed().evaluate(&answers);
        if evaluation.outcome == Outcome::LikelyEligible {
            prop_assert!(evaluation.unknown().next().is_none());
            prop_assert!(evaluation.criteria.iter().all(|result| result.status != Status::Unknown));
        }
        prop_assert_eq!(evaluation.outcome == Outcome::NeedsReview, evaluation.unknown().next().is_some()
            && !evaluation.criteria.iter().any(|result| result.rules_out()));
    }

    /// Kleene monotonicity: replacing an unknown answer (or an unanswered one) by a concrete answer
    /// never changes a decided criterion, so never turns `not_eligible` into anything else. This holds
    /// through visibility too: a question is shown only when its condition is true, and a refinement
    /// can turn an unknown condition true or false but never change a decided one.
    #[test]
    fn concrete_answers_never_undo_a_decision((answers, replacements) in answers_with_unknowns()) {
        let before = seed().evaluate(&answers);
        let mut refined = answers.clone();
        for (question, replacement) in seed().questions.iter().zip(replacements) {
            let current = answers.get(question.id.as_str());
            if matches!(current, None | Some(Answer::DoNotKnow)) {
                if let Some(answer) = replacement { refined.set(question.id.clone(), answer); }
            }
        }
        let after = seed().evaluate(&refined);
        if before.outcome == Outcome::NotEligible {
            prop_assert_eq!(after.outcome, Outcome::NotEligible);
        }
        for (was, is) in before.criteria.iter().zip(&after.criteria) {
            if was.status != Status::Unknown {
                prop_assert_eq!(was.status, is.status, "{} changed", was.id);
            }
        }
    }

    /// Updating an evaluation after one answer, as the widget does on every Continue, gives exactly
    /// what evaluating everything again gives (every criterion, visibility, the questions that still
    /// matter, the outcome), after every step of any answering order: answers given, changed to
    /// "I don't know", removed, and answers that show or hide other questions.
    #[test]
    fn reevaluating_after_each_answer_equals_evaluating_everything(
        (start, _) in answers_with_unknowns(),
        (target, _) in answers_with_unknowns(),
        order in Just((0..seed().questions.len()).collect::<Vec<usize>>()).prop_shuffle(),
    ) {
        let mut answers = start;
        let mut evaluation = seed().evaluate(&answers);
        for index in order {
            let id = seed().questions[index].id.clone();
            match target.get(id.as_str()) {
                Some(answer) => answers.set(id.clone(), answer.clone()),
                None => answers.remove(id.as_str()),
            }
            seed().reevaluate(&mut evaluation, &answers, index);
            prop_assert_eq!(&evaluation, &seed().evaluate(&answers), "after question {}", id);
        }
    }

    #[test]
    fn the_next_question_is_shown_and_unanswered((answers, _) in answers_with_unknowns()) {
        let evaluation = seed().evaluate(&answers);
        if let Some(next) = evaluation.next_question() {
            prop_assert!(evaluation.visible[next]);
            prop_assert!(answers.get(seed().questions[next].id.as_str()).is_none());
            prop_assert_eq!(evaluation.outcome, Outcome::NeedsReview);
        }
    }

    #[test]
    fn evaluation_accepts_units_of_other_quantities(value in 0_i64..1_000) {
        // Answers that `check_answer` would refuse still evaluate without panicking: unknown.
        let mut answers = Answers::default();
        answers.set(seed().questions[seed().question_index("lvef_percent").unwrap_or(0)].id.clone(),
            Answer::Number { value: Exact::from_integer(value), unit: Unit::MilligramPerDecilitre });
        let evaluation = seed().evaluate(&answers);
        prop_assert_eq!(evaluation.status_of("inc10_lvef"), Some(Status::Unknown));
    }
}

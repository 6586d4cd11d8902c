//! Properties of evaluation over arbitrary answers to the seed trial.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on broken fixtures.

use prescreen::engine::{
    Answer, Answers, ChoiceId, DateAnswer, Definition, Exact, Outcome, QuestionKind, Status, Unit,
};
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::sync::OnceLock;

fn seed() -> &'static Definition {
    static SEED: OnceLock<Definition> = OnceLock::new();
    SEED.get_or_init(Definition::seed)
}

/// Questions a, b, c, d: b is shown when a is yes, c (a percentage) when b is yes; one criterion
/// reads only c, another only d.
fn chain_definition() -> Definition {
    let mut file: serde_json::Value = serde_json::from_str(include_str!("definitions/minimal.json")).unwrap();
    let text = serde_json::json!({ "en": "Question?" });
    // No question asks the age here, so the trial may not state age limits that nothing applies.
    file["trial"]["ages"] = serde_json::json!({ "min_years": 0 });
    let yes = |question: &str| serde_json::json!({ "question": question, "op": "equals", "value": true });
    file["questions"] = serde_json::json!([
        { "id": "a", "kind": "yes_no", "allow_unknown": true, "text": text, "caregiver_text": text },
        { "id": "b", "kind": "yes_no", "allow_unknown": true, "text": text, "caregiver_text": text, "visible_when": yes("a") },
        { "id": "c", "kind": "number", "quantity": "percentage", "units": ["%"], "min": 0, "max": 100,
          "allow_unknown": true, "text": text, "caregiver_text": text, "visible_when": yes("b") },
        { "id": "d", "kind": "yes_no", "allow_unknown": true, "text": text, "caregiver_text": text },
    ]);
    let criterion = |id: &str, kind: &str, number: u32, rule: serde_json::Value| {
        serde_json::json!({ "id": id, "kind": kind, "number": number, "registry_text": "Criterion",
            "summary": { "en": "Criterion" }, "rule": rule })
    };
    file["criteria"] = serde_json::json!([
        criterion(
            "reads_the_end_of_the_chain",
            "inclusion",
            1,
            serde_json::json!({ "question": "c", "op": ">=", "value": 50, "unit": "%" })
        ),
        criterion("reads_d", "exclusion", 1, yes("d")),
    ]);
    Definition::load(&file.to_string()).unwrap_or_else(|error| panic!("{error}"))
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
        QuestionKind::AgainstReferenceRange { .. } => (decimal.clone(), 0_i64..100, 100_i64..500)
            .prop_map(|(value, lower_limit, upper_limit)| Answer::AgainstRange {
                value,
                lower_limit: Exact::from_integer(lower_limit),
                upper_limit: Exact::from_integer(upper_limit),
            })
            .boxed(),
        QuestionKind::Date => (1990_i32..2030, 1_u8..=12, proptest::option::of(1_u8..=28))
            .prop_map(|(year, month, day)| Answer::Date(DateAnswer { year, month, day }))
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

    /// The same on a definition built for it: a two-step visibility chain (a shows b, b shows c)
    /// and a criterion that reads only the end of the chain, so the update must follow visibility
    /// transitively and re-evaluate a criterion that does not read the answered question itself.
    #[test]
    fn reevaluating_follows_chains_of_visibility(
        steps in proptest::collection::vec((0_usize..4, 0_u8..4, 0_i64..=100), 1..24),
    ) {
        let definition = chain_definition();
        let mut answers = Answers::default();
        let mut evaluation = definition.evaluate(&answers);
        for (index, choice, percent) in steps {
            let question = &definition.questions[index];
            let answer = match (choice, &question.kind) {
                (0, _) => None,
                (1, _) => Some(Answer::DoNotKnow),
                (_, QuestionKind::YesNo) => Some(Answer::YesNo(choice == 2)),
                (_, _) => Some(Answer::Number { value: Exact::from_integer(percent), unit: Unit::Percent }),
            };
            match answer {
                Some(answer) => answers.set(question.id.clone(), answer),
                None => answers.remove(question.id.as_str()),
            }
            definition.reevaluate(&mut evaluation, &answers, index);
            prop_assert_eq!(&evaluation, &definition.evaluate(&answers), "after question {}", question.id);
        }
    }

    /// The progress on each question page ("up to N more") never grows along the patient's path:
    /// answering the next question, with a concrete answer or "I don't know", as the widget asks
    /// them, and the number after each answer is smaller than the one before.
    #[test]
    fn the_questions_left_only_shrink_along_the_path((chosen, replacements) in answers_with_unknowns()) {
        let mut answers = Answers::default();
        let mut evaluation = seed().evaluate(&answers);
        let mut previous: Option<usize> = None;
        while let Some(next) = evaluation.next_question() {
            let more = seed().questions_that_may_matter(&evaluation, &answers, Some(next));
            if let Some(previous) = previous {
                prop_assert!(more < previous, "{} more after {} more", more, previous);
            }
            previous = Some(more);
            let question = &seed().questions[next];
            // The chosen answer, or a concrete one where the question offers no "I don't know".
            let answer = match chosen.get(question.id.as_str()) {
                Some(Answer::DoNotKnow) if !question.allow_unknown => replacements[next].clone(),
                Some(answer) => Some(answer.clone()),
                None => replacements[next].clone(),
            };
            let Some(answer) = answer else { break };
            answers.set(question.id.clone(), answer);
            seed().reevaluate(&mut evaluation, &answers, next);
        }
    }

    /// A shown, unanswered question that the evaluation does not count as mattering cannot change
    /// any criterion, whatever it is answered: so skipping it (a creatinine read only by a part
    /// already met) loses nothing. (A part of a decided criterion may change; the criterion cannot.)
    #[test]
    fn a_question_that_does_not_matter_changes_nothing((answers, replacements) in answers_with_unknowns()) {
        let definition = seed();
        let before = definition.evaluate(&answers);
        for (index, (question, replacement)) in definition.questions.iter().zip(replacements).enumerate() {
            let unanswered = answers.get(question.id.as_str()).is_none();
            if !unanswered || !before.visible[index] || before.matters(index) || before.outcome != Outcome::NeedsReview {
                continue;
            }
            let Some(answer) = replacement else { continue };
            let mut more = answers.clone();
            more.set(question.id.clone(), answer);
            let after = definition.evaluate(&more);
            let statuses = |evaluation: &prescreen::engine::Evaluation| -> Vec<Status> {
                evaluation.criteria.iter().map(|result| result.status).collect()
            };
            prop_assert_eq!(statuses(&after), statuses(&before), "answering {} changed a criterion", question.id);
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

//! What the patient's path needs from an evaluation besides the outcome: how many questions can
//! still matter (the progress shown on each question page), and which answers decided a "not
//! eligible" (the page that shows them before the result).

use super::answers::Answers;
use super::evaluate::{Evaluation, Outcome, Truth};
use super::model::Definition;

impl Definition {
    /// How many unanswered questions other than `current` could still be asked: those not hidden
    /// for certain (their `visible_when` is true or still unknown) that some still-unknown
    /// criterion reads. None once the outcome is decided.
    ///
    /// As answers are added, a visibility condition or a criterion can only go from unknown to
    /// decided (Kleene logic is monotone, and a question's visibility reads only earlier questions,
    /// which are answered first), so this count never grows from one question page to the next;
    /// `tests/properties.rs` checks it on random answering paths. It is an upper bound, not a
    /// promise: a follow-up that turns out not to apply is dropped from it.
    pub fn questions_that_may_matter(
        &self,
        evaluation: &Evaluation,
        answers: &Answers,
        current: Option<usize>,
    ) -> usize {
        self.which_questions_may_matter(evaluation, answers, current).len()
    }

    /// The questions `questions_that_may_matter` counts, in order.
    pub fn which_questions_may_matter(
        &self,
        evaluation: &Evaluation,
        answers: &Answers,
        current: Option<usize>,
    ) -> Vec<usize> {
        if evaluation.outcome != Outcome::NeedsReview {
            return Vec::new();
        }
        let effective = |index: usize| self.effective_answer(&evaluation.visible, answers, index);
        (0..self.questions.len())
            .filter(|&index| Some(index) != current)
            .filter(|&index| answers.get(self.questions[index].id.as_str()).is_none())
            .filter(|&index| evaluation.relevant[index])
            .filter(|&index| {
                self.questions[index]
                    .visible_when
                    .as_ref()
                    .is_none_or(|rule| self.truth_of(rule, &effective, answers.today()) != Truth::False)
            })
            .collect()
    }

    /// The answered, shown questions that the criteria ruling the patient out read, in question
    /// order: the answers that decided a "not eligible", and only those. A different answer to any
    /// of them could change that criterion.
    pub fn deciding_questions(&self, evaluation: &Evaluation, answers: &Answers) -> Vec<usize> {
        let mut deciding: Vec<usize> = evaluation
            .criteria
            .iter()
            .enumerate()
            .filter(|(_, result)| result.rules_out())
            .flat_map(|(criterion, result)| self.ruling_reads(criterion, result))
            .filter(|&question| {
                evaluation.visible[question] && answers.get(self.questions[question].id.as_str()).is_some()
            })
            .collect();
        deciding.sort_unstable();
        deciding.dedup();
        deciding
    }

    /// The questions that made criterion `index` rule the patient out: for a criterion with parts,
    /// those of the parts with the criterion's own status (the unmet parts of an inclusion, the
    /// applying parts of an exclusion).
    fn ruling_reads(&self, index: usize, result: &crate::engine::CriterionResult) -> Vec<usize> {
        if result.parts.is_empty() {
            return self.criterion_questions[index].clone();
        }
        result
            .parts
            .iter()
            .zip(&self.part_questions[index])
            .filter(|(status, _)| **status == result.status)
            .flat_map(|(_, questions)| questions.iter().copied())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn evaluated(answers: serde_json::Value) -> (Definition, Answers, Evaluation) {
        let definition = Definition::seed();
        let answers = definition.parse_answers(&answers).unwrap_or_else(|errors| panic!("{errors:?}"));
        let evaluation = definition.evaluate(&answers);
        (definition, answers, evaluation)
    }

    fn ids(definition: &Definition, questions: &[usize]) -> Vec<String> {
        questions.iter().map(|&index| definition.questions[index].id.to_string()).collect()
    }

    #[test]
    fn the_answers_that_decided_a_not_eligible() {
        let (definition, answers, evaluation) = evaluated(json!({"age_years": 76}));
        assert_eq!(ids(&definition, &definition.deciding_questions(&evaluation, &answers)), ["age_years"]);
        // A pregnancy rules out through sex and age too: a slip in either could change it.
        let (definition, answers, evaluation) = evaluated(json!({"age_years": 30, "sex": "female",
            "aml_diagnosis": true, "pregnant_or_breastfeeding": true, "other_cancer": false}));
        assert_eq!(
            ids(&definition, &definition.deciding_questions(&evaluation, &answers)),
            ["age_years", "sex", "pregnant_or_breastfeeding"]
        );
        let (definition, answers, evaluation) = evaluated(json!({"age_years": 30}));
        assert!(definition.deciding_questions(&evaluation, &answers).is_empty(), "nothing rules out yet");
    }

    #[test]
    fn questions_that_may_matter_count_follow_ups_until_they_cannot_apply() {
        let (definition, answers, evaluation) = evaluated(json!({}));
        let at_start = definition.questions_that_may_matter(&evaluation, &answers, None);
        // Every question may matter before the first answer: both activity scales (by age) and
        // every follow-up are still possible.
        assert_eq!(at_start, definition.questions.len());
        let (definition, answers, evaluation) = evaluated(json!({"age_years": 45}));
        let adult = definition.questions_that_may_matter(&evaluation, &answers, None);
        assert_eq!(adult, at_start - 2, "the age is answered and the children's scale cannot apply");
        let (definition, answers, evaluation) = evaluated(json!({"age_years": 76}));
        assert_eq!(definition.questions_that_may_matter(&evaluation, &answers, None), 0, "decided");
    }
}

//! An answer in words, for the check-answers page and the printed summary.

use crate::engine::{Answer, Question, QuestionKind, Respondent};
use crate::messages;

pub fn describe_answer(question: &Question, answer: &Answer, respondent: Respondent, language: &str) -> String {
    let text = messages::get(language);
    let choice_label = |id: &str| {
        question
            .choice(id)
            .map_or_else(|| id.to_owned(), |choice| choice.label_for(respondent).get(language).to_owned())
    };
    match answer {
        Answer::DoNotKnow => text.do_not_know.to_owned(),
        Answer::YesNo(true) => text.yes.to_owned(),
        Answer::YesNo(false) => text.no.to_owned(),
        Answer::Choice(choice) => choice_label(choice.as_str()),
        Answer::Choices(picked) => {
            text.list(&picked.iter().map(|choice| choice_label(choice.as_str())).collect::<Vec<_>>())
        }
        Answer::Number { value, unit } => messages::value_with_unit(*value, *unit),
        Answer::AgeYears(years) => format!("{years} {}", text.years),
        Answer::AgainstUpperLimit { value, upper_limit } => match &question.kind {
            QuestionKind::AgainstUpperLimit { unit } => text.value_against_limit(*value, *upper_limit, *unit),
            QuestionKind::YesNo
            | QuestionKind::SingleChoice { .. }
            | QuestionKind::MultipleChoice { .. }
            | QuestionKind::Number { .. }
            | QuestionKind::Age { .. } => text.with_aside(&value.to_string(), &upper_limit.to_string()),
        },
    }
}

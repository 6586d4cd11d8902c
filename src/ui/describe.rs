//! An answer in words, for the check-answers page and the printed summary.

use crate::engine::{Answer, Question, QuestionKind, Respondent, Unit};
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
        Answer::AgainstUpperLimit { value, upper_limit } => {
            text.value_against_limit(*value, *upper_limit, the_one_unit(question))
        }
        Answer::AgainstRange { value, lower_limit, upper_limit } => {
            text.value_against_range(*value, *lower_limit, *upper_limit, the_one_unit(question))
        }
        Answer::Date(date) => text.date(*date),
    }
}

/// The unit of a question compared with the report's limits, when it takes only one.
fn the_one_unit(question: &Question) -> Option<Unit> {
    match &question.kind {
        QuestionKind::AgainstUpperLimit { units } | QuestionKind::AgainstReferenceRange { units } => {
            <[Unit; 1]>::try_from(units.as_slice()).ok().map(|[unit]| unit)
        }
        _ => None,
    }
}

//! An answer in words, for the check-answers page and the printed summary.

use crate::engine::{Answer, Question, Respondent};
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
            picked.iter().map(|choice| choice_label(choice.as_str())).collect::<Vec<_>>().join("; ")
        }
        Answer::Number { value, unit } => format!("{value} {}", unit.symbol()),
        Answer::AgeYears(years) => format!("{years} {}", text.years),
        Answer::AgainstUpperLimit { value, upper_limit } => {
            format!("{value} ({}: {upper_limit})", text.upper_limit)
        }
    }
}

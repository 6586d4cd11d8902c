//! An answer in words, for the check-answers page and the printed summary.

use super::messages as text;
use crate::engine::{Answer, Question, Respondent, Unit};

pub fn describe_answer(question: &Question, answer: &Answer, respondent: Respondent, language: &str) -> String {
    let choice_label = |id: &str| {
        question
            .choice(id)
            .map_or_else(|| id.to_owned(), |choice| choice.label_for(respondent).get(language).to_owned())
    };
    match answer {
        Answer::DoNotKnow => text::DO_NOT_KNOW.to_owned(),
        Answer::YesNo(true) => text::YES.to_owned(),
        Answer::YesNo(false) => text::NO.to_owned(),
        Answer::Choice(choice) => choice_label(choice.as_str()),
        Answer::Choices(picked) => {
            picked.iter().map(|choice| choice_label(choice.as_str())).collect::<Vec<_>>().join("; ")
        }
        Answer::Number { value, unit } => format!("{value} {}", unit.symbol()),
        Answer::AgeYears(years) => format!("{years} {}", Unit::Years.symbol()),
        Answer::AgainstUpperLimit { value, upper_limit } => {
            format!("{value} (upper limit {upper_limit})")
        }
    }
}

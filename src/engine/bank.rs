//! The question bank: common questions (age, sex, performance status, the usual labs) that a
//! definition uses by id, `{"bank": "ecog"}`, so that trials in one catalogue ask the same question
//! and a portal asks it once. The bank is `trials/bank.json`, compiled in; its texts are cut to
//! the languages the definition declares.

use super::json::{echo, Json};
use super::load::Problem;

/// The bank file, compiled in.
pub const BANK: &str = include_str!("../../trials/bank.json");

/// The definition with each `{"bank": "id"}` among its questions replaced by the bank's question;
/// a reference to a question the bank lacks is a problem at its path. A file without references
/// is returned as it is, and the bank is not read.
pub(crate) fn resolve<'a>(value: Json<'a>, problems: &mut Vec<Problem>) -> Json<'a> {
    let Json::Object(entries) = value else { return value };
    let refers =
        |question: &Json| question.as_object().is_some_and(|fields| fields.len() == 1 && fields[0].0 == "bank");
    let has_references = entries
        .iter()
        .any(|(key, value)| key == "questions" && value.as_array().is_some_and(|list| list.iter().any(refers)));
    if !has_references {
        return Json::Object(entries);
    }
    let languages: Vec<String> = entries
        .iter()
        .find(|(key, _)| key == "languages")
        .and_then(|(_, value)| value.as_array())
        .map(|list| list.iter().filter_map(Json::as_str).map(str::to_owned).collect())
        .unwrap_or_default();
    let bank = bank_questions();
    let entries = entries
        .into_iter()
        .map(|(key, value)| {
            if key != "questions" {
                return (key, value);
            }
            let Json::Array(questions) = value else { return (key, value) };
            let questions = questions
                .into_iter()
                .enumerate()
                .map(|(index, question)| {
                    if !refers(&question) {
                        return question;
                    }
                    let id = question.get("bank").and_then(Json::as_str).unwrap_or_default().to_owned();
                    match bank.iter().find(|candidate| candidate.get("id").and_then(Json::as_str) == Some(id.as_str()))
                    {
                        Some(found) => only_languages(found.clone(), &languages),
                        None => {
                            let known: Vec<&str> =
                                bank.iter().filter_map(|question| question.get("id")?.as_str()).collect();
                            problems.push(Problem {
                                path: format!("questions[{index}].bank"),
                                message: format!(
                                    "the bank has no question \"{}\"; it has {}",
                                    echo(&id),
                                    known.join(", ")
                                ),
                            });
                            question
                        }
                    }
                })
                .collect();
            (key, Json::Array(questions))
        })
        .collect();
    Json::Object(entries)
}

/// The bank's questions (none if the compiled-in file were unreadable, which a test rules out),
/// parsed once: a catalogue of fifty trials that all refer to the bank reads it once, not fifty times.
pub fn bank_questions() -> &'static [Json<'static>] {
    static QUESTIONS: std::sync::OnceLock<Vec<Json>> = std::sync::OnceLock::new();
    QUESTIONS.get_or_init(|| {
        Json::parse(BANK)
            .ok()
            .and_then(|bank| bank.get("questions").and_then(Json::as_array).map(<[Json]>::to_vec))
            .unwrap_or_default()
    })
}

/// `value` with every text (an object from language tag to string) cut to `languages`.
fn only_languages<'a>(value: Json<'a>, languages: &[String]) -> Json<'a> {
    match value {
        Json::Object(entries) => {
            let is_text = !entries.is_empty()
                && entries.iter().all(|(key, value)| value.is_string() && (key == "en" || key.starts_with("zh")));
            if is_text {
                Json::Object(
                    entries
                        .into_iter()
                        .filter(|(key, _)| languages.iter().any(|language| *language == **key))
                        .collect(),
                )
            } else {
                Json::Object(entries.into_iter().map(|(key, value)| (key, only_languages(value, languages))).collect())
            }
        }
        Json::Array(items) => Json::Array(items.into_iter().map(|item| only_languages(item, languages)).collect()),
        other => other,
    }
}

//! The file a patient saves with "Download my answers", and reading it back.
//!
//! It wraps the answers-file format (`{"question_id": value}`, see `answers.rs`) in a small
//! envelope that says which trial and which version of its definition the answers were given to:
//!
//! ```json
//! {"format": "prescreen-answers/1", "trial": "cd123-car-t-aml", "registry_id": "NCT04265963",
//!  "definition_version": "1.0.0", "saved": "2026-11-27", "outcome": "needs_review",
//!  "answers": {"age_years": 45}}
//! ```
//!
//! `prescreen eval` reads this file as well as a bare answers object; `outcome` is what the widget
//! showed and is never trusted: the answers are evaluated again.

use super::answers::{AnswerError, AnswerErrorKind, Answers};
use super::dates::CalendarDate;
use super::evaluate::Outcome;
use super::json::{limits, Json};
use super::load::{json_error, text_of};
use super::model::Definition;
use serde_json::{Map, Value};
use std::borrow::Cow;

/// The `format` of a saved-answers file.
pub const SAVED_ANSWERS_FORMAT: &str = "prescreen-answers/1";

/// Every key of the envelope, in the order it is written.
pub const SAVED_ANSWERS_KEYS: [&str; 7] =
    ["format", "trial", "registry_id", "definition_version", "saved", "outcome", "answers"];

/// What a saved file says besides the answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedEnvelope {
    pub trial: String,
    pub definition_version: String,
}

impl Definition {
    /// The saved-answers file for `answers`, with the outcome shown and the date it was saved on
    /// (`YYYY-MM-DD`, from the patient's device).
    pub fn saved_answers_json(&self, answers: &Answers, outcome: Outcome, saved_on: &str) -> Value {
        let values = [
            Value::from(SAVED_ANSWERS_FORMAT),
            Value::from(self.trial.id.as_str()),
            Value::from(self.trial.registry_id.as_str()),
            Value::from(self.trial.definition_version.as_str()),
            Value::from(saved_on),
            Value::from(outcome.id()),
            self.answers_to_json(answers),
        ];
        // Inserted, not collected: see `super::set_of`.
        let mut object = Map::new();
        object.extend(SAVED_ANSWERS_KEYS.iter().map(|key| (*key).to_owned()).zip(values));
        Value::Object(object)
    }

    /// Reads an answers file's bytes (at most `limits::ANSWERS_BYTES`, UTF-8, a byte-order mark
    /// allowed): a bare answers object or a saved-answers file, keys given twice refused.
    pub fn read_answers_text(&self, bytes: &[u8]) -> Result<(Answers, Option<SavedEnvelope>), Vec<AnswerError>> {
        let unreadable =
            |reason: String| vec![AnswerError { question: String::new(), kind: AnswerErrorKind::Unreadable(reason) }];
        let text = text_of(bytes, limits::ANSWERS_BYTES, "an answers file").map_err(unreadable)?;
        let json = Json::parse(text).map_err(|error| unreadable(json_error(&error)))?;
        self.read_answers_file(&json)
    }

    /// Reads an answers file: either a bare answers object or a saved-answers file. A saved file
    /// must be for this trial; its envelope is returned so that a caller can say when the
    /// definition's version differs from the one the answers were given to.
    pub fn read_answers_file(&self, json: &Json) -> Result<(Answers, Option<SavedEnvelope>), Vec<AnswerError>> {
        let Some(envelope) = saved_envelope(json) else {
            return self.parse_answers_json(json).map(|answers| (answers, None));
        };
        let mut seen = std::collections::BTreeSet::new();
        if let Some((key, _)) = envelope.iter().find(|(key, _)| !seen.insert(&**key)) {
            return Err(vec![AnswerError { question: key.to_string(), kind: AnswerErrorKind::GivenTwice }]);
        }
        let field = |key: &str| json.get(key).and_then(Json::as_str).unwrap_or_default().to_owned();
        let saved = SavedEnvelope { trial: field("trial"), definition_version: field("definition_version") };
        if saved.trial != self.trial.id {
            return Err(vec![AnswerError {
                question: String::new(),
                kind: AnswerErrorKind::OtherTrial { saved_for: saved.trial, definition: self.trial.id.clone() },
            }]);
        }
        let answers = json.get("answers").unwrap_or(&Json::Null);
        // The answers were given on the day they were saved: date windows count back from it.
        let saved_on = json.get("saved").and_then(Json::as_str).and_then(CalendarDate::parse);
        self.parse_answers_json(answers).map(|mut answers| {
            if let Some(day) = saved_on {
                answers.set_today(day);
            }
            (answers, Some(saved))
        })
    }
}

/// The envelope's fields when `json` is a saved-answers file. A saved file names its format;
/// files saved before the format was named are known by having exactly the envelope's keys. A
/// bare answers object cannot be mistaken for either: its values are answers, and no answer is the
/// string `prescreen-answers/1` (choice ids have no `-` or `/`).
fn saved_envelope<'a>(json: &'a Json<'a>) -> Option<&'a [(Cow<'a, str>, Json<'a>)]> {
    let object = json.as_object()?;
    let has = |key: &str| object.iter().any(|(given, _)| given == key);
    let named = json.get("format").and_then(Json::as_str) == Some(SAVED_ANSWERS_FORMAT);
    let unnamed = !has("format")
        && ["trial", "definition_version", "outcome", "answers"].iter().all(|key| has(key))
        && object.iter().all(|(key, _)| SAVED_ANSWERS_KEYS.contains(&&**key));
    (named || unnamed).then_some(object)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_saved_file_reads_back_as_its_answers() {
        let definition = Definition::seed();
        let answers = definition.parse_answers(&json!({"age_years": 45, "sex": "female"})).unwrap_or_default();
        let saved = definition.saved_answers_json(&answers, Outcome::NeedsReview, "2026-11-27");
        let keys: Vec<&str> =
            saved.as_object().into_iter().flat_map(|object| object.keys()).map(String::as_str).collect();
        assert_eq!(keys.len(), SAVED_ANSWERS_KEYS.len());
        assert_eq!(saved["format"], SAVED_ANSWERS_FORMAT);
        assert_eq!(saved["outcome"], "needs_review");
        let (read, envelope) =
            definition.read_answers_file(&Json::from(&saved)).unwrap_or_else(|errors| panic!("{errors:?}"));
        let mut expected = answers;
        if let Some(day) = CalendarDate::parse("2026-11-27") {
            expected.set_today(day);
        }
        assert_eq!(read, expected, "the answers, given on the day they were saved");
        assert_eq!(envelope.map(|envelope| envelope.trial), Some("cd123-car-t-aml".to_owned()));
    }

    #[test]
    fn a_file_saved_before_the_format_was_named_is_read() {
        let definition = Definition::seed();
        let old = json!({"trial": "cd123-car-t-aml", "registry_id": "NCT04265963", "definition_version": "1.0.0",
            "saved": "2026-11-26", "outcome": "not_eligible", "answers": {"age_years": 76}});
        let (answers, envelope) =
            definition.read_answers_file(&Json::from(&old)).unwrap_or_else(|errors| panic!("{errors:?}"));
        assert_eq!(answers.len(), 1);
        assert!(envelope.is_some());
        assert_eq!(answers.today(), CalendarDate::parse("2026-11-26"), "the day it was saved");
    }

    #[test]
    fn a_bare_answers_object_is_read_as_answers() {
        let definition = Definition::seed();
        let (answers, envelope) = definition
            .read_answers_file(&Json::from(&json!({"age_years": 45})))
            .unwrap_or_else(|errors| panic!("{errors:?}"));
        assert_eq!(answers.len(), 1);
        assert_eq!(envelope, None);
    }

    #[test]
    fn a_file_saved_for_another_trial_is_refused() {
        let definition = Definition::seed();
        let other = json!({"format": SAVED_ANSWERS_FORMAT, "trial": "another-trial", "definition_version": "2",
            "outcome": "likely_eligible", "answers": {}});
        let errors = definition.read_answers_file(&Json::from(&other)).err().unwrap_or_default();
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].to_string(),
            "the answers were saved for trial \"another-trial\", not \"cd123-car-t-aml\""
        );
    }
}

//! Loading a trial definition: JSON text → `format` types → the validated `model`.
//!
//! Loading is where a coordinator's mistakes surface, so it never stops at the first one: every
//! problem is collected with the JSON path where it was found and a message that says how to fix
//! it. Only a file that is not JSON at all, or whose values have the wrong JSON type, is reported
//! by its first problem, because nothing after that point can be read reliably.
//!
//! Split by concern: this file holds the entry point, the problem list and the helpers every part
//! uses (texts, required fields, unknown fields); `trial.rs` reads the metadata, `questions.rs` the
//! questions and their kinds, `criteria.rs` and `rules.rs` the criteria and their rules, and
//! `checks.rs` what can only be checked across the whole file (visibility cycles, questions no rule
//! reads, the registry's age and sex limits against the rules, the indexes evaluation uses). None
//! of it does IO.

mod checks;
mod criteria;
mod questions;
mod rules;
mod trial;

use super::format::{RawDefinition, UnknownFields};
use super::model::{Criterion, Definition, Question};
use super::text::{addresses_the_reader, Text, Worded};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

/// The format name and version every definition file declares.
pub const FORMAT: &str = "prescreen-trial/1";

/// Everything wrong with a definition file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    problems: Vec<Problem>,
}

/// One problem, at one place in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// A JSON path such as `criteria[3].rule.question`; empty for the file as a whole.
    pub path: String,
    pub message: String,
}

impl LoadError {
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            formatter.write_str(&self.message)
        } else {
            write!(formatter, "{}: {}", self.path, self.message)
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.problems.len();
        writeln!(formatter, "the trial definition has {count} problem{}:", if count == 1 { "" } else { "s" })?;
        for problem in &self.problems {
            writeln!(formatter, "  {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

impl Definition {
    /// Reads and checks a definition file. Returns every problem found, never panics.
    pub fn load(json_text: &str) -> Result<Definition, LoadError> {
        let value: Value = serde_json::from_str(json_text).map_err(|error| LoadError {
            problems: vec![Problem {
                path: String::new(),
                message: format!(
                    "not valid JSON at line {} column {}: {}",
                    error.line(),
                    error.column(),
                    json_error_reason(&error)
                ),
            }],
        })?;
        let raw: RawDefinition = serde_path_to_error::deserialize(value).map_err(|error| {
            let path = error.path().to_string();
            LoadError {
                problems: vec![Problem {
                    path: if path == "." { String::new() } else { path },
                    message: error.into_inner().to_string(),
                }],
            }
        })?;
        let mut loader = Loader::default();
        let definition = loader.definition(raw);
        if let Some(definition) = &definition {
            checks::registry_limits(definition, &mut loader.problems);
        }
        match definition {
            Some(definition) if loader.problems.is_empty() => Ok(definition),
            Some(_) | None => Err(LoadError { problems: loader.problems }),
        }
    }

    /// The seed trial compiled into the widget: the CD123 CAR-T trial for relapsed or refractory AML.
    pub fn seed() -> Definition {
        // The file is checked by a test (`seed_definition_loads`), so this only fails if that test does.
        #[allow(clippy::expect_used)]
        Definition::load(SEED_DEFINITION).expect("the compiled-in seed definition is valid")
    }
}

/// The seed trial's definition file, as compiled in.
pub const SEED_DEFINITION: &str = include_str!("../../../trials/cd123-car-t-aml.json");

fn json_error_reason(error: &serde_json::Error) -> String {
    // serde_json appends " at line L column C"; the message already says where.
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(position) => text[..position].to_owned(),
        None => text,
    }
}

#[derive(Default)]
struct Loader {
    problems: Vec<Problem>,
    languages: Vec<String>,
    /// Question ids with their index, known before any rule is read.
    question_ids: BTreeMap<String, usize>,
    /// The questions read so far, by index; rules are read after all questions.
    questions: Vec<Option<Question>>,
    /// Whether a visibility cycle was reported, which already explains any condition that reads
    /// a later question.
    found_visibility_cycle: bool,
}

impl Loader {
    fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem { path: path.into(), message: message.into() });
    }

    fn unknown_fields(&mut self, path: &str, fields: &UnknownFields, known: &[&str]) {
        for field in fields.keys() {
            let suggestion =
                closest(field, known).map(|known| format!("; did you mean \"{known}\"?")).unwrap_or_default();
            self.problem(join(path, field), format!("unknown field{suggestion}"));
        }
    }

    fn required<T>(&mut self, path: &str, field: &str, value: Option<T>) -> Option<T> {
        if value.is_none() {
            self.problem(join(path, field), "missing");
        }
        value
    }

    fn required_string(&mut self, path: &str, field: &str, value: Option<String>) -> Option<String> {
        let value = self.required(path, field, value)?;
        if value.trim().is_empty() {
            self.problem(join(path, field), "must not be empty");
            return None;
        }
        Some(value)
    }

    /// A translated text: an object from each declared language to a non-empty string.
    fn text(&mut self, path: &str, value: &Value) -> Option<Text> {
        let Some(object) = value.as_object() else {
            self.problem(
                path,
                format!("must be an object from language to text, such as {{\"{}\": \"…\"}}", self.first_language()),
            );
            return None;
        };
        let mut translations = Vec::new();
        let mut ok = true;
        for (language, text) in object {
            let text_path = format!("{path}.{language}");
            if !self.languages.contains(language) {
                self.problem(&text_path, format!("language \"{language}\" is not declared in \"languages\""));
                ok = false;
            }
            match text.as_str() {
                Some(text) if !text.trim().is_empty() => translations.push((language.clone(), text.to_owned())),
                Some(_) => {
                    self.problem(&text_path, "must not be empty");
                    ok = false;
                }
                None => {
                    self.problem(&text_path, "must be a string");
                    ok = false;
                }
            }
        }
        for language in self.languages.clone() {
            if !object.contains_key(&language) {
                self.problem(path, format!("missing the \"{language}\" text"));
                ok = false;
            }
        }
        // Keep the definition's language order so that the first language is the fallback.
        translations.sort_by_key(|(language, _)| self.languages.iter().position(|declared| declared == language));
        ok.then(|| Text::new(translations))
    }

    /// A text that need not be in every declared language, such as a translation of the registry's
    /// own words: each language given must be declared and its text non-empty.
    fn partial_text(&mut self, path: &str, value: &Value) -> Option<Text> {
        let Some(object) = value.as_object() else {
            self.problem(path, "must be an object from language to text");
            return None;
        };
        let mut translations = Vec::new();
        for (language, text) in object {
            let text_path = format!("{path}.{language}");
            if !self.languages.contains(language) {
                self.problem(&text_path, format!("language \"{language}\" is not declared in \"languages\""));
            }
            match text.as_str() {
                Some(text) if !text.trim().is_empty() => translations.push((language.clone(), text.to_owned())),
                _ => self.problem(&text_path, "must be a non-empty string"),
            }
        }
        (translations.len() == object.len()).then(|| Text::new(translations))
    }

    /// A name or a note that may be the same in every language (a string) or translated (a text).
    /// A string is kept in the first language, so that the widget marks it with that language.
    fn required_text_or_string(&mut self, path: &str, field: &str, value: Option<&Value>) -> Option<Text> {
        let value = self.required(path, field, value)?;
        match value.as_str() {
            Some(text) if text.trim().is_empty() => {
                self.problem(join(path, field), "must not be empty");
                None
            }
            Some(text) => Some(Text::plain(&self.first_language(), text)),
            None => self.partial_text(&join(path, field), value),
        }
    }

    fn required_text(&mut self, path: &str, field: &str, value: Option<&Value>) -> Option<Text> {
        let value = self.required(path, field, value)?;
        self.text(&join(path, field), value)
    }

    fn optional_text(&mut self, path: &str, field: &str, value: Option<&Value>) -> Option<Option<Text>> {
        match value {
            None => Some(None),
            Some(value) => self.text(&join(path, field), value).map(Some),
        }
    }

    /// An optional text that may have a caregiver variant in `caregiver_<field>`. The caregiver
    /// variant is required when the text speaks to its reader as "you": a parent answering for a
    /// child must not read "your doctor" as if it were theirs.
    fn optional_worded(
        &mut self,
        path: &str,
        field: &str,
        patient: Option<&Value>,
        caregiver: Option<&Value>,
    ) -> Option<Option<Worded>> {
        let caregiver_field = format!("caregiver_{field}");
        let Some(patient_value) = patient else {
            if caregiver.is_some() {
                self.problem(join(path, &caregiver_field), format!("is only used together with \"{field}\""));
                return None;
            }
            return Some(None);
        };
        let patient = self.text(&join(path, field), patient_value);
        let caregiver = self.optional_text(path, &caregiver_field, caregiver);
        if let (Some(patient), Some(None)) = (&patient, &caregiver) {
            self.require_caregiver_variant(&join(path, field), patient, &caregiver_field);
        }
        Some(Some(Worded { patient: patient?, caregiver: caregiver? }))
    }

    /// Reports a patient text that speaks to its reader as "you" with no caregiver variant.
    fn require_caregiver_variant(&mut self, path: &str, text: &Text, caregiver_field: &str) {
        let speaking_to_reader: Vec<&str> = self
            .languages
            .iter()
            .filter(|language| addresses_the_reader(language, text.get(language)))
            .map(String::as_str)
            .collect();
        if let Some(language) = speaking_to_reader.first() {
            let message = format!(
                "the {language} text speaks to the reader as \"you\": add \"{caregiver_field}\" with the words for someone answering for the patient"
            );
            self.problem(path, message);
        }
    }

    /// A criterion's summary is read by patients and by people answering for them alike, so it
    /// may not speak to its reader as "you".
    fn summary_speaks_to_no_one(&mut self, path: &str, text: &Text) {
        let speaking_to_reader =
            self.languages.iter().find(|language| addresses_the_reader(language, text.get(language)));
        if let Some(language) = speaking_to_reader {
            let message = format!(
                "the {language} text speaks to the reader as \"you\", but patients and people answering for them both read it: write it about the patient"
            );
            self.problem(path, message);
        }
    }

    fn first_language(&self) -> String {
        self.languages.first().cloned().unwrap_or_else(|| "en".to_owned())
    }

    fn definition(&mut self, raw: RawDefinition) -> Option<Definition> {
        self.unknown_fields("", &raw.unknown_fields, RawDefinition::FIELDS);
        match raw.format.as_deref() {
            Some(FORMAT) => {}
            Some(other) => {
                self.problem("format", format!("unsupported format \"{other}\"; this version reads \"{FORMAT}\""))
            }
            None => self.problem("format", format!("missing; write \"format\": \"{FORMAT}\"")),
        }
        self.languages = self.languages(raw.languages);
        let trial = raw.trial.and_then(|trial| self.trial(trial));
        if trial.is_none() && !self.problems.iter().any(|problem| problem.path.starts_with("trial")) {
            self.problem("trial", "missing");
        }
        let raw_questions = self.required("", "questions", raw.questions).unwrap_or_default();
        let raw_criteria = self.required("", "criteria", raw.criteria).unwrap_or_default();
        if raw_questions.is_empty() {
            self.problem("questions", "a definition needs at least one question");
        }
        if raw_criteria.is_empty() {
            self.problem("criteria", "a definition needs at least one criterion");
        }
        self.collect_question_ids(&raw_questions);
        self.check_visibility_cycles(&raw_questions);
        let mentioned = checks::mentioned_questions(&raw_questions, &raw_criteria);
        let visibility_dependencies = self.questions(raw_questions);
        let criteria = self.criteria(raw_criteria);
        self.unused_questions(&mentioned);
        let questions: Option<Vec<Question>> = std::mem::take(&mut self.questions).into_iter().collect();
        let criteria: Option<Vec<Criterion>> = criteria.into_iter().collect();
        let (questions, criteria) = (questions?, criteria?);
        let indexes = checks::Indexes::build(&criteria, visibility_dependencies);
        Some(Definition {
            languages: self.languages.clone(),
            trial: trial?,
            questions,
            criteria,
            criterion_questions: indexes.criterion_questions,
            question_criteria: indexes.question_criteria,
            visibility_dependents: indexes.visibility_dependents,
        })
    }
}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    }
}

fn is_identifier(id: &str) -> bool {
    id.starts_with(|character: char| character.is_ascii_lowercase())
        && id.chars().all(|character| character.is_ascii_lowercase() || character.is_ascii_digit() || character == '_')
}

/// The known name closest to a typo, if it is close enough to be a likely intent.
fn closest<'a>(typo: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|name| (edit_distance(typo, name), *name))
        .filter(|(distance, name)| *distance <= (name.len() / 3).max(1))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, name)| name)
}

fn edit_distance(left: &str, right: &str) -> usize {
    let right: Vec<char> = right.chars().collect();
    let mut previous: Vec<usize> = (0..=right.len()).collect();
    for (row, left_char) in left.chars().enumerate() {
        let mut current = vec![row + 1];
        for (column, right_char) in right.iter().enumerate() {
            let substitution = previous[column] + usize::from(left_char != *right_char);
            current.push(substitution.min(previous[column + 1] + 1).min(current[column] + 1));
        }
        previous = current;
    }
    previous[right.len()]
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_definition_loads() {
        if let Err(error) = Definition::load(SEED_DEFINITION) {
            panic!("{error}");
        }
    }

    #[test]
    fn seed_definition_speaks_english_and_simplified_chinese() {
        // The loader rejects any text lacking a declared language, so this covers every text.
        assert_eq!(Definition::seed().languages, ["en", "zh-Hans"]);
        let criterion = Definition::seed().criteria.into_iter().find(|criterion| criterion.number == 12);
        let translation = criterion.and_then(|criterion| criterion.registry_translation);
        assert!(translation.is_some_and(|text| text.get("zh-Hans").contains("220")));
    }

    #[test]
    fn suggests_the_field_a_typo_meant() {
        assert_eq!(closest("registy_text", &["registry_text", "rule"]), Some("registry_text"));
        assert_eq!(closest("colour", &["id", "kind"]), None);
    }

    #[test]
    fn identifiers() {
        assert!(is_identifier("lvef_percent"));
        assert!(!is_identifier("LVEF"));
        assert!(!is_identifier("1st"));
    }
}

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
mod derived;
mod questions;
mod rules;
mod trial;

pub use trial::{is_email, is_phone};

use super::format::{RawDefinition, Reading};
use super::json::{echo, escape, is_blank, limits, Json, Limits};
use super::model::{Criterion, Definition, Derived, Question, StudyDate};
use super::path::Path;
use super::text::{addresses_the_reader, Text, Worded};
use std::borrow::Cow;
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

impl LoadError {
    /// The problems, at most `limits::PROBLEMS` of them (then one line counting the rest), each
    /// path and message shortened, so that the list stays small whatever the file holds: at most
    /// 101 problems of at most 200 + 500 characters.
    fn new(mut problems: Vec<Problem>) -> LoadError {
        let hidden = problems.len().saturating_sub(limits::PROBLEMS);
        problems.truncate(limits::PROBLEMS);
        for problem in &mut problems {
            problem.path = shorten(&escape(&problem.path), 200);
            problem.message = shorten(&escape(&problem.message), 500);
        }
        if hidden > 0 {
            let s = if hidden == 1 { "" } else { "s" };
            problems.push(Problem {
                path: String::new(),
                message: format!("… and {} more problem{s}", with_thousands(hidden)),
            });
        }
        LoadError { problems }
    }

    /// Problems found outside the loader (a catalogue's), capped and cleaned as the loader's are.
    pub(crate) fn from_problems(problems: Vec<Problem>) -> LoadError {
        LoadError::new(problems)
    }

    fn one(message: String) -> LoadError {
        LoadError::new(vec![Problem { path: String::new(), message }])
    }
}

/// `text` cut to `most` characters, keeping its start and end around a `…`.
fn shorten(text: &str, most: usize) -> String {
    let count = text.chars().count();
    if count <= most {
        return text.to_owned();
    }
    let half = most / 2;
    let start: String = text.chars().take(half).collect();
    let end: String = text.chars().skip(count - half).collect();
    format!("{start}…{end}")
}

/// `4812` as `4,812`.
fn with_thousands(number: usize) -> String {
    let digits = number.to_string();
    let mut grouped = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

impl Definition {
    /// Reads and checks a definition file given as bytes, as the widget fetches it and the CLI
    /// reads it: at most `limits::DEFINITION_BYTES`, UTF-8 (a byte-order mark is allowed).
    pub fn load_bytes(bytes: &[u8]) -> Result<Definition, LoadError> {
        let text = text_of(bytes, limits::DEFINITION_BYTES, "a definition file").map_err(LoadError::one)?;
        Definition::load(text)
    }

    /// Reads and checks a definition file. Returns every problem found (at most
    /// `limits::PROBLEMS`, then a count), never panics, and does work in proportion to the file.
    pub fn load(json_text: &str) -> Result<Definition, LoadError> {
        Definition::load_within(json_text, Limits::STANDARD)
    }

    /// `load` with other limits on size, questions and criteria: for benchmarks that measure how
    /// loading grows beyond the standard limits. Everything else is checked the same way.
    pub fn load_within(json_text: &str, limits: Limits) -> Result<Definition, LoadError> {
        if json_text.len() > limits.definition_bytes {
            return Err(LoadError::one(file_too_large(json_text.len(), limits.definition_bytes, "a definition file")));
        }
        let json_text = json_text.strip_prefix('\u{FEFF}').unwrap_or(json_text);
        let value = Json::parse(json_text).map_err(|error| LoadError::one(json_error(&error)))?;
        Definition::load_json(value, limits)
    }

    /// Checks a definition already parsed (one written inside a catalogue), with `limits`.
    pub fn load_json(value: Json, limits: Limits) -> Result<Definition, LoadError> {
        let mut bank_problems = Vec::new();
        let value = super::bank::resolve(value, &mut bank_problems);
        if !bank_problems.is_empty() {
            return Err(LoadError::new(bank_problems));
        }
        let mut reading = Reading { limits, ..Reading::default() };
        reading.check_string_lengths(&value, Path::ROOT);
        let raw = RawDefinition::read(&mut reading, &value);
        let raw = match raw {
            Some(raw) if reading.hard.is_empty() => raw,
            Some(_) | None => return Err(LoadError::new(reading.hard)),
        };
        let mut loader = Loader { problems: reading.soft, ..Loader::default() };
        let definition = loader.definition(raw);
        if let Some(definition) = &definition {
            checks::registry_limits(definition, &mut loader.problems);
        }
        match definition {
            Some(definition) if loader.problems.is_empty() => Ok(definition),
            Some(_) | None => Err(LoadError::new(loader.problems)),
        }
    }

    /// The seed trial, the CD123 CAR-T trial for relapsed or refractory AML, loaded from its
    /// definition file by the checking loader. The widget reads the same trial from the compact
    /// form `build.rs` writes (`prescreen::compiled_seed`), which a test keeps equal to this.
    pub fn seed() -> Definition {
        // The file is checked by a test (`seed_definition_loads`), so this only fails if that test does.
        #[allow(clippy::expect_used)]
        Definition::load(SEED_DEFINITION).expect("the compiled-in seed definition is valid")
    }
}

/// The seed trial's definition file, as compiled in.
pub const SEED_DEFINITION: &str = include_str!("../../../trials/cd123-car-t-aml.json");

/// "not valid JSON at line 4 column 1: trailing comma".
pub(crate) fn json_error(error: &serde_json::Error) -> String {
    // serde_json appends " at line L column C"; the message says where itself.
    let text = error.to_string();
    let reason = match text.rfind(" at line ") {
        Some(position) => &text[..position],
        None => &text,
    };
    format!("not valid JSON at line {} column {}: {}", error.line(), error.column(), echo(reason))
}

/// "the file is 2,300,000 bytes; a definition file may be at most 1,048,576 bytes".
pub fn file_too_large(length: usize, limit: usize, what: &str) -> String {
    format!("the file is {} bytes; {what} may be at most {} bytes", with_thousands(length), with_thousands(limit))
}

/// The text of a file's bytes: at most `limit` bytes, UTF-8, a leading byte-order mark dropped.
pub(crate) fn text_of<'a>(bytes: &'a [u8], limit: usize, what: &str) -> Result<&'a str, String> {
    if bytes.len() > limit {
        return Err(file_too_large(bytes.len(), limit, what));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = &bytes[..error.valid_up_to()];
        let line = valid.iter().filter(|&&byte| byte == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|&byte| byte == b'\n').map_or(0, |position| position + 1);
        let column = String::from_utf8_lossy(&valid[line_start..]).chars().count() + 1;
        format!("not UTF-8 text: the byte at line {line} column {column} is not valid UTF-8; save the file as UTF-8")
    })
}

#[derive(Default)]
struct Loader {
    problems: Vec<Problem>,
    languages: Vec<String>,
    /// Question ids with their index, known before any rule is read.
    question_ids: BTreeMap<String, usize>,
    /// The questions read so far, by index; rules are read after all questions. Shared, so that
    /// reading a rule borrows its question instead of copying it with all its texts.
    questions: Vec<Option<std::rc::Rc<Question>>>,
    /// Whether a visibility cycle was reported, which already explains any condition that reads
    /// a later question.
    found_visibility_cycle: bool,
    /// Every study date's id, in file order (an empty id where it was missing).
    study_date_ids: Vec<String>,
    /// The study dates read without problems.
    study_dates: Vec<StudyDate>,
    /// Derived values by id, and each as read (`None` where it has problems).
    derived_ids: BTreeMap<String, usize>,
    derived: Vec<Option<Derived>>,
}

impl Loader {
    fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem { path: path.into(), message: message.into() });
    }

    fn required<T>(&mut self, path: Path<'_>, field: &str, value: Option<T>) -> Option<T> {
        if value.is_none() {
            self.problem(path.field(field), "missing");
        }
        value
    }

    fn required_string(&mut self, path: Path<'_>, field: &str, value: Option<&str>) -> Option<String> {
        let value = self.required(path, field, value)?;
        if is_blank(value) {
            self.problem(path.field(field), "must not be empty");
            return None;
        }
        Some(value.to_owned())
    }

    /// A translated text at `path`: an object from each declared language to a non-empty string.
    fn text(&mut self, path: Path<'_>, value: &Json) -> Option<Text> {
        let Some(object) = value.as_object() else {
            self.problem(
                path,
                format!("must be an object from language to text, such as {{\"{}\": \"…\"}}", self.first_language()),
            );
            return None;
        };
        let mut translations = Vec::new();
        let mut ok = self.no_language_twice(path, object);
        let text_path = |language: &str| path.field(&echo(language)).to_string();
        for (language, text) in object {
            if !self.languages.iter().any(|declared| *declared == **language) {
                self.problem(
                    text_path(language),
                    format!("language \"{}\" is not declared in \"languages\"", echo(language)),
                );
                ok = false;
            }
            match text.as_str() {
                Some(text) if !is_blank(text) => translations.push((language.to_string(), text.to_owned())),
                Some(_) => {
                    self.problem(text_path(language), "must not be empty");
                    ok = false;
                }
                None => {
                    self.problem(text_path(language), "must be a string");
                    ok = false;
                }
            }
        }
        if object.len() != self.languages.len()
            || !self.languages.iter().all(|language| object.iter().any(|(given, _)| given == language))
        {
            for language in self.languages.clone() {
                if !object.iter().any(|(given, _)| *given == language) {
                    self.problem(path, format!("missing the \"{}\" text", echo(&language)));
                    ok = false;
                }
            }
        }
        // In the definition's language order, so that the first language is the fallback (each
        // declared language once, since `ok`). Picked, not sorted: a sort's code is about 5 KB of
        // the .wasm (see `crate::engine::set_of`), and there are at most `limits::LANGUAGES`.
        ok.then(|| {
            let in_order = self.languages.iter().filter_map(|declared| {
                let found = translations.iter().position(|(language, _)| language == declared)?;
                Some(translations.swap_remove(found))
            });
            Text::new(in_order.collect())
        })
    }

    /// A text that need not be in every declared language, such as a translation of the registry's
    /// own words: each language given must be declared and its text non-empty.
    fn partial_text(&mut self, path: Path<'_>, value: &Json) -> Option<Text> {
        let text_path = |language: &str| path.field(&echo(language)).to_string();
        let Some(object) = value.as_object() else {
            self.problem(path, "must be an object from language to text");
            return None;
        };
        let mut translations = Vec::new();
        let ok = self.no_language_twice(path, object);
        for (language, text) in object {
            if !self.languages.iter().any(|declared| *declared == **language) {
                self.problem(
                    text_path(language),
                    format!("language \"{}\" is not declared in \"languages\"", echo(language)),
                );
            }
            match text.as_str() {
                Some(text) if !is_blank(text) => translations.push((language.to_string(), text.to_owned())),
                _ => self.problem(text_path(language), "must be a non-empty string"),
            }
        }
        (ok && translations.len() == object.len()).then(|| Text::new(translations))
    }

    /// Reports a language given twice in one text: which one a reader sees would be a guess.
    fn no_language_twice(&mut self, path: Path<'_>, object: &[(Cow<'_, str>, Json<'_>)]) -> bool {
        // A text has a few languages: compared pairwise, and counted only when one is given twice.
        let twice = object
            .iter()
            .enumerate()
            .any(|(at, (language, _))| object[..at].iter().any(|(earlier, _)| earlier == language));
        if !twice {
            return true;
        }
        let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        for (language, _) in object {
            *counts.entry(&**language).or_default() += 1;
        }
        let mut ok = true;
        for (language, times) in counts.into_iter().filter(|(_, times)| *times > 1) {
            self.problem(path.field(&echo(language)), format!("is given {times} times: give it once"));
            ok = false;
        }
        ok
    }

    /// A name or a note that may be the same in every language (a string) or translated (a text).
    /// A string is kept in the first language, so that the widget marks it with that language.
    fn required_text_or_string(&mut self, path: Path<'_>, field: &str, value: Option<&Json>) -> Option<Text> {
        let value = self.required(path, field, value)?;
        match value.as_str() {
            Some(text) if is_blank(text) => {
                self.problem(path.field(field), "must not be empty");
                None
            }
            Some(text) => Some(Text::plain(&self.first_language(), text)),
            None => self.partial_text(path.field(field), value),
        }
    }

    fn required_text(&mut self, path: Path<'_>, field: &str, value: Option<&Json>) -> Option<Text> {
        let value = self.required(path, field, value)?;
        self.text(path.field(field), value)
    }

    fn optional_text(&mut self, path: Path<'_>, field: &str, value: Option<&Json>) -> Option<Option<Text>> {
        match value {
            None => Some(None),
            Some(value) => self.text(path.field(field), value).map(Some),
        }
    }

    /// An optional text that may have a caregiver variant in `caregiver_<field>`. The caregiver
    /// variant is required when the text speaks to its reader as "you": a parent answering for a
    /// child must not read "your doctor" as if it were theirs.
    fn optional_worded(
        &mut self,
        path: Path<'_>,
        field: &str,
        patient: Option<&Json>,
        caregiver: Option<&Json>,
    ) -> Option<Option<Worded>> {
        // Field names and paths are written only where they are used: a catalogue has thousands.
        let caregiver_field = || format!("caregiver_{field}");
        let Some(patient_value) = patient else {
            if caregiver.is_some() {
                self.problem(path.field(&caregiver_field()), format!("is only used together with \"{field}\""));
                return None;
            }
            return Some(None);
        };
        let patient = self.text(path.field(field), patient_value);
        let caregiver = match caregiver {
            None => Some(None),
            Some(caregiver) => self.optional_text(path, &caregiver_field(), Some(caregiver)),
        };
        if let (Some(patient), Some(None)) = (&patient, &caregiver) {
            self.require_caregiver_variant(path, field, patient);
        }
        Some(Some(Worded { patient: patient?, caregiver: caregiver? }))
    }

    /// Reports a patient text that speaks to its reader as "you" with no caregiver variant.
    fn require_caregiver_variant(&mut self, path: Path<'_>, field: &str, text: &Text) {
        let speaking_to_reader =
            self.languages.iter().find(|language| addresses_the_reader(language, text.get(language)));
        if let Some(language) = speaking_to_reader {
            let message = format!(
                "the {language} text speaks to the reader as \"you\": add \"caregiver_{field}\" with the words for someone answering for the patient"
            );
            self.problem(path.field(field), message);
        }
    }

    /// A criterion's summary is read by patients and by people answering for them alike, so it
    /// may not speak to its reader as "you".
    fn summary_speaks_to_no_one(&mut self, path: Path<'_>, text: &Text) {
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
        match raw.format {
            Some(FORMAT) => {}
            Some(other) => self
                .problem("format", format!("unsupported format \"{}\"; this version reads \"{FORMAT}\"", echo(other))),
            None => self.problem("format", format!("missing; write \"format\": \"{FORMAT}\"")),
        }
        self.languages = self.languages(raw.languages);
        let trial = raw.trial.and_then(|trial| self.trial(trial));
        if trial.is_none() && !self.problems.iter().any(|problem| problem.path.starts_with("trial")) {
            self.problem("trial", "missing");
        }
        let raw_questions = self.required(Path::ROOT, "questions", raw.questions).unwrap_or_default();
        let raw_criteria = self.required(Path::ROOT, "criteria", raw.criteria).unwrap_or_default();
        if raw_questions.is_empty() {
            self.problem("questions", "a definition needs at least one question");
        }
        if raw_criteria.is_empty() {
            self.problem("criteria", "a definition needs at least one criterion");
        }
        self.collect_question_ids(&raw_questions);
        self.check_visibility_cycles(&raw_questions);
        let raw_derived = raw.derived.unwrap_or_default();
        let mentioned = checks::mentioned_questions(&raw_questions, &raw_criteria, &raw_derived);
        let visibility_dependencies = self.questions(raw_questions);
        self.study_dates(raw.study_dates.unwrap_or_default());
        self.derived_values(raw_derived);
        let criteria = self.criteria(raw_criteria);
        self.unused_questions(&mentioned);
        // Every rule has been read, so each question is held here alone.
        let questions: Option<Vec<Question>> = std::mem::take(&mut self.questions)
            .into_iter()
            .map(|question| {
                question.map(|question| std::rc::Rc::try_unwrap(question).unwrap_or_else(|shared| (*shared).clone()))
            })
            .collect();
        let criteria: Option<Vec<Criterion>> = criteria.into_iter().collect();
        let derived: Option<Vec<Derived>> = std::mem::take(&mut self.derived).into_iter().collect();
        let (questions, criteria, derived) = (questions?, criteria?, derived?);
        if self.study_dates.len() != self.study_date_ids.len() {
            return None;
        }
        let indexes = checks::Indexes::build(&criteria, &derived, visibility_dependencies);
        Some(Definition {
            languages: self.languages.clone(),
            trial: trial?,
            questions,
            criteria,
            study_dates: std::mem::take(&mut self.study_dates),
            derived,
            criterion_questions: indexes.criterion_questions,
            part_questions: indexes.part_questions,
            question_criteria: indexes.question_criteria,
            visibility_dependencies: indexes.visibility_dependencies,
            visibility_dependents: indexes.visibility_dependents,
            question_ids: std::mem::take(&mut self.question_ids),
        })
    }
}

fn is_identifier(id: &str) -> bool {
    id.starts_with(|character: char| character.is_ascii_lowercase())
        && id.chars().all(|character| character.is_ascii_lowercase() || character.is_ascii_digit() || character == '_')
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
        let criterion = Definition::seed().criteria.into_iter().find(|criterion| criterion.label == "12");
        let translation = criterion.and_then(|criterion| criterion.registry_translation);
        assert!(translation.is_some_and(|text| text.get("zh-Hans").contains("220")));
    }

    /// A file may give a text's languages in any order; the first declared language is still the
    /// fallback. `de` sorts before `en`, so every text below is written `de` first.
    #[test]
    fn texts_keep_the_declared_language_order_whatever_the_file_order() {
        fn add_german(value: &mut serde_json::Value) {
            match value {
                serde_json::Value::Object(object) => {
                    if let (1, Some(serde_json::Value::String(english))) = (object.len(), object.get("en")) {
                        let german = format!("{english} (de)");
                        object.insert("de".to_owned(), serde_json::Value::String(german));
                    } else {
                        object.values_mut().for_each(add_german);
                    }
                }
                serde_json::Value::Array(items) => items.iter_mut().for_each(add_german),
                _ => {}
            }
        }
        let text = include_str!("../../../tests/definitions/minimal.json");
        let mut json: serde_json::Value = serde_json::from_str(text).unwrap_or_else(|error| panic!("{error}"));
        add_german(&mut json);
        json["languages"] = serde_json::json!(["en", "de"]);
        let written = serde_json::to_string(&json).unwrap_or_else(|error| panic!("{error}"));
        let position = |needle: &str| written.find(needle).unwrap_or_else(|| panic!("{needle} is not in the file"));
        assert!(position("\"de\":\"How old are you? (de)\"") < position("\"en\":\"How old are you?\""));
        let definition = Definition::load(&written).unwrap_or_else(|error| panic!("{error}"));
        let question = &definition.questions[0].text;
        let order: Vec<&str> = question.translations().iter().map(|(language, _)| language.as_str()).collect();
        assert_eq!(order, ["en", "de"]);
        assert_eq!(question.get("fr"), "How old are you?");
        assert_eq!(question.get("de"), "How old are you? (de)");
    }

    #[test]
    fn identifiers() {
        assert!(is_identifier("lvef_percent"));
        assert!(!is_identifier("LVEF"));
        assert!(!is_identifier("1st"));
    }
}

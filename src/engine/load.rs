//! Loading a trial definition: JSON text → `format` types → the validated `model`.
//!
//! Loading is where a coordinator's mistakes surface, so it never stops at the first one: every
//! problem is collected with the JSON path where it was found and a message that says how to fix
//! it. Only a file that is not JSON at all, or whose values have the wrong JSON type, is reported
//! by its first problem, because nothing after that point can be read reliably.

use super::exact::Exact;
use super::format::{RawChoice, RawCriterion, RawDefinition, RawQuestion, RawRule, RawTrial, UnknownFields};
use super::model::{
    Choice, ChoiceId, Contact, Criterion, CriterionId, CriterionKind, Definition, Question, QuestionId, QuestionKind,
    Relation, Rule, SexEligibility, Test, Trial,
};
use super::text::Text;
use super::units::{Quantity, Unit};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
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
        match definition {
            Some(definition) if loader.problems.is_empty() => Ok(definition),
            _ => Err(LoadError { problems: loader.problems }),
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
pub const SEED_DEFINITION: &str = include_str!("../../trials/cd123-car-t-aml.json");

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
    /// Kinds of the questions read so far, by index; rules are read after all questions.
    questions: Vec<Option<Question>>,
    /// Whether a visibility cycle was reported, which already explains any condition that reads
    /// a later question.
    found_visibility_cycle: bool,
}

/// Where a rule is being read, which decides which questions it may refer to.
#[derive(Clone, Copy)]
enum RuleContext {
    /// A question's `visible_when`: only earlier questions.
    Visibility {
        question: usize,
    },
    Criterion,
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

    fn first_language(&self) -> String {
        self.languages.first().cloned().unwrap_or_else(|| "en".to_owned())
    }

    fn definition(&mut self, raw: RawDefinition) -> Option<Definition> {
        self.unknown_fields("", &raw.unknown_fields, &["format", "languages", "trial", "questions", "criteria"]);
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
        // Names any rule mentions, read before the rules are checked, so that a question named
        // only in a broken rule is not also reported as unused.
        let mut mentioned = Vec::new();
        let raw_rules = raw_questions.iter().filter_map(|question| question.visible_when.as_ref());
        for rule in raw_rules.chain(raw_criteria.iter().filter_map(|criterion| criterion.rule.as_ref())) {
            raw_rule_question_names(rule, &mut mentioned);
        }
        let mentioned: BTreeSet<String> = mentioned.into_iter().collect();

        let mut visibility_rules = Vec::new();
        for (index, raw_question) in raw_questions.into_iter().enumerate() {
            let path = format!("questions[{index}]");
            let visible_when = raw_question.visible_when;
            let question = self.question(&path, RawQuestion { visible_when: None, ..raw_question });
            self.questions.push(question);
            visibility_rules.push(visible_when);
        }
        // Rules are read once every question's kind is known.
        let mut visibility_dependencies: Vec<Vec<usize>> = vec![Vec::new(); self.questions.len()];
        for (index, visible_when) in visibility_rules.into_iter().enumerate() {
            if let Some(raw_rule) = visible_when {
                let path = format!("questions[{index}].visible_when");
                let rule = self.rule(&path, &raw_rule, RuleContext::Visibility { question: index });
                if let Some(rule) = rule {
                    let mut reads = Vec::new();
                    rule_questions(&rule, &mut reads);
                    visibility_dependencies[index] = reads;
                    if let Some(Some(question)) = self.questions.get_mut(index) {
                        question.visible_when = Some(rule);
                    }
                }
            }
        }
        let criteria = self.criteria(raw_criteria);
        let mut criterion_questions = Vec::new();
        for criterion in criteria.iter().flatten() {
            let mut reads = Vec::new();
            rule_questions(&criterion.rule, &mut reads);
            // Add, transitively, the questions that decide whether those are shown.
            let mut index = 0;
            while index < reads.len() {
                for &dependency in &visibility_dependencies[reads[index]] {
                    if !reads.contains(&dependency) {
                        reads.push(dependency);
                    }
                }
                index += 1;
            }
            reads.sort_unstable();
            criterion_questions.push(reads);
        }
        for (index, question) in self.questions.iter().enumerate() {
            let Some(question) = question else { continue };
            let id = question.id.as_str();
            if !mentioned.contains(id) {
                self.problems.push(Problem {
                    path: format!("questions[{index}]"),
                    message: format!(
                        "question \"{id}\" is used by no criterion and no visibility condition, so asking it changes nothing"
                    ),
                });
            }
        }
        let mut question_criteria = vec![Vec::new(); self.questions.len()];
        for (criterion, reads) in criterion_questions.iter().enumerate() {
            for &question in reads {
                question_criteria[question].push(criterion);
            }
        }
        let mut visibility_dependents = vec![Vec::new(); self.questions.len()];
        for (question, dependencies) in visibility_dependencies.iter().enumerate() {
            for &dependency in dependencies {
                visibility_dependents[dependency].push(question);
            }
        }
        let questions: Option<Vec<Question>> = std::mem::take(&mut self.questions).into_iter().collect();
        let criteria: Option<Vec<Criterion>> = criteria.into_iter().collect();
        Some(Definition {
            languages: self.languages.clone(),
            trial: trial?,
            questions: questions?,
            criteria: criteria?,
            criterion_questions,
            question_criteria,
            visibility_dependents,
        })
    }

    fn languages(&mut self, languages: Option<Vec<String>>) -> Vec<String> {
        let Some(languages) = languages else {
            self.problem("languages", "missing; list the languages the texts are written in, such as [\"en\"]");
            return vec!["en".to_owned()];
        };
        if languages.is_empty() {
            self.problem("languages", "list at least one language");
            return vec!["en".to_owned()];
        }
        let mut seen = BTreeSet::new();
        for (index, language) in languages.iter().enumerate() {
            if !is_language_tag(language) {
                self.problem(
                    format!("languages[{index}]"),
                    format!("\"{language}\" is not a language tag such as \"en\" or \"zh-Hans\""),
                );
            }
            if !seen.insert(language) {
                self.problem(format!("languages[{index}]"), format!("\"{language}\" is listed twice"));
            }
        }
        languages
    }

    fn trial(&mut self, raw: RawTrial) -> Option<Trial> {
        let path = "trial";
        self.unknown_fields(
            path,
            &raw.unknown_fields,
            &[
                "id",
                "title",
                "plain_title",
                "sponsor",
                "registry_id",
                "condition",
                "definition_version",
                "definition_date",
                "source",
                "ages",
                "sex",
                "contacts",
                "notes",
            ],
        );
        let id = self.required_string(path, "id", raw.id);
        let title = self.required_string(path, "title", raw.title);
        let plain_title = self.required_text(path, "plain_title", raw.plain_title.as_ref());
        let sponsor = self.required_string(path, "sponsor", raw.sponsor);
        let registry_id = self.required_string(path, "registry_id", raw.registry_id);
        let condition = self.required_text(path, "condition", raw.condition.as_ref());
        let definition_version = self.required_string(path, "definition_version", raw.definition_version);
        let definition_date = self.required_string(path, "definition_date", raw.definition_date);
        if let Some(date) = &definition_date {
            if !is_iso_date(date) {
                self.problem("trial.definition_date", format!("\"{date}\" is not a date written as YYYY-MM-DD"));
            }
        }
        let source = self.required_string(path, "source", raw.source);
        let ages = self.required(path, "ages", raw.ages);
        let (minimum_age_years, maximum_age_years) = match ages {
            Some(ages) => {
                self.unknown_fields("trial.ages", &ages.unknown_fields, &["min_years", "max_years"]);
                let minimum = self.required("trial.ages", "min_years", ages.min_years);
                let maximum = self.required("trial.ages", "max_years", ages.max_years);
                if let (Some(minimum), Some(maximum)) = (minimum, maximum) {
                    if minimum > maximum {
                        self.problem("trial.ages", format!("min_years {minimum} is above max_years {maximum}"));
                    }
                }
                (minimum, maximum)
            }
            None => (None, None),
        };
        let sex = match raw.sex.as_deref() {
            Some("all") => Some(SexEligibility::All),
            Some("female") => Some(SexEligibility::Female),
            Some("male") => Some(SexEligibility::Male),
            Some(other) => {
                self.problem("trial.sex", format!("\"{other}\" is not one of \"all\", \"female\", \"male\""));
                None
            }
            None => {
                self.problem("trial.sex", "missing");
                None
            }
        };
        let mut contacts = Vec::new();
        for (index, contact) in raw.contacts.unwrap_or_default().into_iter().enumerate() {
            let contact_path = format!("trial.contacts[{index}]");
            self.unknown_fields(&contact_path, &contact.unknown_fields, &["name", "role", "phone", "email"]);
            let name = self.required_string(&contact_path, "name", contact.name);
            let role = self.required_text(&contact_path, "role", contact.role.as_ref());
            if let Some(email) = &contact.email {
                if !email.contains('@') {
                    self.problem(format!("{contact_path}.email"), format!("\"{email}\" is not an email address"));
                }
            }
            if let (Some(name), Some(role)) = (name, role) {
                contacts.push(Contact { name, role, phone: contact.phone, email: contact.email });
            }
        }
        let mut notes = Vec::new();
        for (index, note) in raw.notes.unwrap_or_default().iter().enumerate() {
            if let Some(note) = self.text(&format!("trial.notes[{index}]"), note) {
                notes.push(note);
            }
        }
        Some(Trial {
            id: id?,
            title: title?,
            plain_title: plain_title?,
            sponsor: sponsor?,
            registry_id: registry_id?,
            condition: condition?,
            definition_version: definition_version?,
            definition_date: definition_date?,
            source: source?,
            minimum_age_years: minimum_age_years?,
            maximum_age_years: maximum_age_years?,
            sex: sex?,
            contacts,
            notes,
        })
    }

    fn collect_question_ids(&mut self, raw_questions: &[RawQuestion]) {
        for (index, question) in raw_questions.iter().enumerate() {
            let Some(id) = &question.id else { continue };
            if !is_identifier(id) {
                self.problem(
                    format!("questions[{index}].id"),
                    format!("\"{id}\" must be lower-case letters, digits and underscores, starting with a letter"),
                );
            }
            if let Some(first) = self.question_ids.get(id) {
                self.problem(
                    format!("questions[{index}].id"),
                    format!("duplicate id \"{id}\" (also questions[{first}])"),
                );
            } else {
                self.question_ids.insert(id.clone(), index);
            }
        }
    }

    /// Reports visibility conditions that depend on each other in a circle, naming the circle.
    fn check_visibility_cycles(&mut self, raw_questions: &[RawQuestion]) {
        let edges: Vec<Vec<usize>> = raw_questions
            .iter()
            .map(|question| {
                let mut names = Vec::new();
                if let Some(rule) = &question.visible_when {
                    raw_rule_question_names(rule, &mut names);
                }
                names.iter().filter_map(|name| self.question_ids.get(name.as_str()).copied()).collect()
            })
            .collect();
        // Depth-first, with an explicit stack rather than recursion: a chain of visibility
        // conditions can be as long as the file is, and the widget's stack is small (build.rs).
        // 0 = not visited, 1 = on the current path, 2 = done.
        let mut state = vec![0_u8; edges.len()];
        let mut reported = BTreeSet::new();
        for start in 0..edges.len() {
            if state[start] != 0 {
                continue;
            }
            state[start] = 1;
            // The current path, and for each node on it the next of its edges to follow.
            let mut path = vec![start];
            let mut next_edge = vec![0];
            while let (Some(&node), Some(edge)) = (path.last(), next_edge.last_mut()) {
                let Some(&next) = edges[node].get(*edge) else {
                    state[node] = 2;
                    path.pop();
                    next_edge.pop();
                    continue;
                };
                *edge += 1;
                match state[next] {
                    0 => {
                        state[next] = 1;
                        path.push(next);
                        next_edge.push(0);
                    }
                    1 => self.report_cycle(next, &path, &mut reported, raw_questions),
                    _ => {}
                }
            }
        }
    }

    /// Reports the cycle that `node`, already on `path`, closes, once per set of questions.
    fn report_cycle(
        &mut self,
        node: usize,
        path: &[usize],
        reported: &mut BTreeSet<Vec<usize>>,
        raw_questions: &[RawQuestion],
    ) {
        let start = path.iter().position(|&on_path| on_path == node).unwrap_or(0);
        let mut cycle: Vec<usize> = path[start..].to_vec();
        let mut key = cycle.clone();
        key.sort_unstable();
        if reported.insert(key) {
            self.found_visibility_cycle = true;
            cycle.push(node);
            let names: Vec<String> = cycle
                .iter()
                .map(|&index| raw_questions[index].id.clone().unwrap_or_else(|| format!("questions[{index}]")))
                .collect();
            self.problem(
                format!("questions[{}].visible_when", path[start]),
                format!("visibility conditions form a cycle: {}", names.join(" → ")),
            );
        }
    }

    fn question(&mut self, path: &str, raw: RawQuestion) -> Option<Question> {
        self.unknown_fields(
            path,
            &raw.unknown_fields,
            &[
                "id",
                "kind",
                "text",
                "caregiver_text",
                "why",
                "where_to_find",
                "allow_unknown",
                "choices",
                "quantity",
                "units",
                "min",
                "max",
                "visible_when",
            ],
        );
        let id = self.required_string(path, "id", raw.id.clone());
        let text = self.required_text(path, "text", raw.text.as_ref());
        let caregiver_text = self.required_text(path, "caregiver_text", raw.caregiver_text.as_ref());
        let why = self.optional_text(path, "why", raw.why.as_ref());
        let where_to_find = self.optional_text(path, "where_to_find", raw.where_to_find.as_ref());
        let kind_name = self.required_string(path, "kind", raw.kind.clone());
        let kind = kind_name.and_then(|kind_name| self.question_kind(path, &kind_name, &raw));
        Some(Question {
            id: QuestionId::new(id?),
            kind: kind?,
            text: text?,
            caregiver_text: caregiver_text?,
            why: why?,
            where_to_find: where_to_find?,
            allow_unknown: raw.allow_unknown.unwrap_or(false),
            visible_when: None,
        })
    }

    fn question_kind(&mut self, path: &str, kind_name: &str, raw: &RawQuestion) -> Option<QuestionKind> {
        let fields_for_kind: &[&str] = match kind_name {
            "yes_no" => &[],
            "single_choice" | "multiple_choice" => &["choices"],
            "number" => &["quantity", "units", "min", "max"],
            "age" => &["min", "max"],
            "against_upper_limit" => &["units"],
            other => {
                self.problem(
                    join(path, "kind"),
                    format!(
                        "unknown kind \"{other}\"; use yes_no, single_choice, multiple_choice, number, age or against_upper_limit"
                    ),
                );
                return None;
            }
        };
        let present = [
            ("choices", raw.choices.is_some()),
            ("quantity", raw.quantity.is_some()),
            ("units", raw.units.is_some()),
            ("min", raw.min.is_some()),
            ("max", raw.max.is_some()),
        ];
        for (field, is_present) in present {
            if is_present && !fields_for_kind.contains(&field) {
                self.problem(join(path, field), format!("is not used by a {kind_name} question"));
            }
        }
        match kind_name {
            "yes_no" => Some(QuestionKind::YesNo),
            "single_choice" => {
                self.choices(path, raw.choices.as_deref(), false).map(|choices| QuestionKind::SingleChoice { choices })
            }
            "multiple_choice" => {
                self.choices(path, raw.choices.as_deref(), true).map(|choices| QuestionKind::MultipleChoice { choices })
            }
            "number" => {
                let quantity_name = self.required_string(path, "quantity", raw.quantity.clone())?;
                let Some(quantity) = Quantity::from_id(&quantity_name) else {
                    let known: Vec<&str> = Quantity::ALL.iter().map(|quantity| quantity.id()).collect();
                    self.problem(
                        join(path, "quantity"),
                        format!("unknown quantity \"{quantity_name}\"; use one of {}", known.join(", ")),
                    );
                    return None;
                };
                let units = self.units(path, raw.units.as_deref(), quantity)?;
                let minimum = self.limit(path, "min", raw.min)?;
                let maximum = self.limit(path, "max", raw.max)?;
                if minimum.checked_cmp(maximum) == Some(std::cmp::Ordering::Greater) {
                    self.problem(path, format!("min {minimum} is above max {maximum}"));
                    return None;
                }
                Some(QuestionKind::Number { quantity, units, minimum, maximum })
            }
            "age" => {
                let minimum = self.whole_years(path, "min", raw.min.unwrap_or(0.0))?;
                let maximum = self.whole_years(path, "max", raw.max.unwrap_or(120.0))?;
                if minimum > maximum {
                    self.problem(path, format!("min {minimum} is above max {maximum}"));
                    return None;
                }
                Some(QuestionKind::Age { minimum_years: minimum, maximum_years: maximum })
            }
            _ => {
                let units = self.units(path, raw.units.as_deref(), Quantity::EnzymeActivity)?;
                if units.len() != 1 {
                    self.problem(
                        join(path, "units"),
                        "an against_upper_limit question takes exactly one unit, the one on the report",
                    );
                    return None;
                }
                Some(QuestionKind::AgainstUpperLimit { unit: units[0] })
            }
        }
    }

    fn units(&mut self, path: &str, units: Option<&[String]>, quantity: Quantity) -> Option<Vec<Unit>> {
        let units = self.required(path, "units", units)?;
        if units.is_empty() {
            self.problem(join(path, "units"), "list at least one unit");
            return None;
        }
        let mut parsed = Vec::new();
        for (index, unit_name) in units.iter().enumerate() {
            let unit_path = format!("{path}.units[{index}]");
            match Unit::parse(unit_name) {
                Some(unit) if quantity.factor_to_base(unit).is_some() => {
                    if parsed.contains(&unit) {
                        self.problem(unit_path, format!("unit \"{unit_name}\" is listed twice"));
                    } else {
                        parsed.push(unit);
                    }
                }
                Some(_) => self.problem(unit_path, format!("unit \"{unit_name}\" does not measure {}", quantity.id())),
                None => self.problem(unit_path, format!("unknown unit \"{unit_name}\"")),
            }
        }
        (parsed.len() == units.len()).then_some(parsed)
    }

    fn limit(&mut self, path: &str, field: &str, value: Option<f64>) -> Option<Exact> {
        let value = self.required(path, field, value)?;
        let exact = Exact::from_f64(value);
        if exact.is_none() {
            self.problem(join(path, field), "must be a number with at most 9 digits before and 6 after the point");
        }
        exact
    }

    fn whole_years(&mut self, path: &str, field: &str, value: f64) -> Option<u32> {
        if value.fract() != 0.0 || !(0.0..=150.0).contains(&value) {
            self.problem(join(path, field), "must be a whole number of years from 0 to 150");
            return None;
        }
        Some(value as u32)
    }

    fn choices(&mut self, path: &str, choices: Option<&[RawChoice]>, multiple: bool) -> Option<Vec<Choice>> {
        let choices = self.required(path, "choices", choices)?;
        if choices.len() < 2 {
            self.problem(join(path, "choices"), "a choice question needs at least two choices");
            return None;
        }
        let mut parsed = Vec::new();
        let mut seen = BTreeSet::new();
        for (index, raw) in choices.iter().enumerate() {
            let choice_path = format!("{path}.choices[{index}]");
            self.unknown_fields(
                &choice_path,
                &raw.unknown_fields,
                &["id", "label", "caregiver_label", "score", "exclusive"],
            );
            let id = self.required_string(&choice_path, "id", raw.id.clone());
            if let Some(id) = &id {
                if !is_identifier(id) {
                    self.problem(
                        format!("{choice_path}.id"),
                        format!("\"{id}\" must be lower-case letters, digits and underscores"),
                    );
                }
                if !seen.insert(id.clone()) {
                    self.problem(format!("{choice_path}.id"), format!("duplicate choice id \"{id}\""));
                }
            }
            let label = self.required_text(&choice_path, "label", raw.label.as_ref());
            let caregiver_label = self.optional_text(&choice_path, "caregiver_label", raw.caregiver_label.as_ref());
            let score = match raw.score {
                None => Some(None),
                Some(score) => self.limit(&choice_path, "score", Some(score)).map(Some),
            };
            if raw.exclusive.is_some() && !multiple {
                self.problem(format!("{choice_path}.exclusive"), "is only used in a multiple_choice question");
            }
            if let (Some(id), Some(label), Some(caregiver_label), Some(score)) = (id, label, caregiver_label, score) {
                parsed.push(Choice {
                    id: ChoiceId::new(id),
                    label,
                    caregiver_label,
                    score,
                    exclusive: raw.exclusive.unwrap_or(false),
                });
            }
        }
        (parsed.len() == choices.len()).then_some(parsed)
    }

    fn criteria(&mut self, raw_criteria: Vec<RawCriterion>) -> Vec<Option<Criterion>> {
        let mut ids: BTreeMap<String, usize> = BTreeMap::new();
        let mut numbers: BTreeMap<(String, u32), usize> = BTreeMap::new();
        let mut criteria = Vec::new();
        for (index, raw) in raw_criteria.into_iter().enumerate() {
            let path = format!("criteria[{index}]");
            self.unknown_fields(
                &path,
                &raw.unknown_fields,
                &[
                    "id",
                    "kind",
                    "number",
                    "registry_text",
                    "registry_translation",
                    "summary",
                    "interpretation",
                    "ask_care_team",
                    "rule",
                ],
            );
            let id = self.required_string(&path, "id", raw.id);
            if let Some(id) = &id {
                if !is_identifier(id) {
                    self.problem(
                        format!("{path}.id"),
                        format!("\"{id}\" must be lower-case letters, digits and underscores"),
                    );
                }
                if let Some(first) = ids.get(id) {
                    self.problem(format!("{path}.id"), format!("duplicate id \"{id}\" (also criteria[{first}])"));
                } else {
                    ids.insert(id.clone(), index);
                }
            }
            let kind = match raw.kind.as_deref() {
                Some("inclusion") => Some(CriterionKind::Inclusion),
                Some("exclusion") => Some(CriterionKind::Exclusion),
                Some(other) => {
                    self.problem(format!("{path}.kind"), format!("\"{other}\" is not \"inclusion\" or \"exclusion\""));
                    None
                }
                None => {
                    self.problem(format!("{path}.kind"), "missing");
                    None
                }
            };
            let number = self.required(&path, "number", raw.number);
            if let (Some(kind), Some(number)) = (kind, number) {
                let key = (kind.id().to_owned(), number);
                if let Some(first) = numbers.get(&key) {
                    self.problem(format!("{path}.number"), format!("{} {number} is also criteria[{first}]", kind.id()));
                } else {
                    numbers.insert(key, index);
                }
            }
            let registry_text = self.required_string(&path, "registry_text", raw.registry_text);
            let registry_translation = match &raw.registry_translation {
                None => Some(None),
                Some(value) => self.partial_text(&format!("{path}.registry_translation"), value).map(Some),
            };
            let summary = self.required_text(&path, "summary", raw.summary.as_ref());
            let interpretation = self.optional_text(&path, "interpretation", raw.interpretation.as_ref());
            let ask_care_team = self.optional_text(&path, "ask_care_team", raw.ask_care_team.as_ref());
            let rule = match &raw.rule {
                Some(rule) => self.rule(&format!("{path}.rule"), rule, RuleContext::Criterion),
                None => {
                    self.problem(format!("{path}.rule"), "missing: every criterion needs a rule (use {\"constant\": true} for one that every patient meets)");
                    None
                }
            };
            criteria.push((|| {
                Some(Criterion {
                    id: CriterionId::new(id?),
                    kind: kind?,
                    number: number?,
                    registry_text: registry_text?,
                    registry_translation: registry_translation?,
                    summary: summary?,
                    interpretation: interpretation?,
                    ask_care_team: ask_care_team?,
                    rule: rule?,
                })
            })());
        }
        criteria
    }

    fn rule(&mut self, path: &str, raw: &RawRule, context: RuleContext) -> Option<Rule> {
        self.unknown_fields(
            path,
            &raw.unknown_fields,
            &["all", "any", "not", "constant", "question", "op", "value", "values", "min", "max", "unit"],
        );
        let forms = [
            ("all", raw.all.is_some()),
            ("any", raw.any.is_some()),
            ("not", raw.not.is_some()),
            ("constant", raw.constant.is_some()),
            ("question", raw.question.is_some()),
        ];
        let used: Vec<&str> = forms.iter().filter(|(_, present)| *present).map(|(name, _)| *name).collect();
        if used.len() != 1 {
            let found = if used.is_empty() { "none".to_owned() } else { used.join(", ") };
            self.problem(
                path,
                format!("a rule needs exactly one of all, any, not, constant or question (found {found})"),
            );
            return None;
        }
        if used[0] != "question" {
            for (field, present) in [
                ("op", raw.op.is_some()),
                ("value", raw.value.is_some()),
                ("values", raw.values.is_some()),
                ("min", raw.min.is_some()),
                ("max", raw.max.is_some()),
                ("unit", raw.unit.is_some()),
            ] {
                if present {
                    self.problem(
                        join(path, field),
                        format!("is only used with \"question\", not with \"{}\"", used[0]),
                    );
                }
            }
        }
        if let Some(rules) = raw.all.as_ref().or(raw.any.as_ref()) {
            let name = if raw.all.is_some() { "all" } else { "any" };
            if rules.is_empty() {
                self.problem(join(path, name), "list at least one rule");
                return None;
            }
            let parsed: Vec<Option<Rule>> = rules
                .iter()
                .enumerate()
                .map(|(index, rule)| self.rule(&format!("{path}.{name}[{index}]"), rule, context))
                .collect();
            let parsed: Vec<Rule> = parsed.into_iter().collect::<Option<_>>()?;
            return Some(if raw.all.is_some() { Rule::All(parsed) } else { Rule::Any(parsed) });
        }
        if let Some(inner) = &raw.not {
            return self.rule(&join(path, "not"), inner, context).map(|rule| Rule::Not(Box::new(rule)));
        }
        if let Some(value) = raw.constant {
            return Some(Rule::Constant(value));
        }
        self.comparison(path, raw, context)
    }

    fn comparison(&mut self, path: &str, raw: &RawRule, context: RuleContext) -> Option<Rule> {
        let question_name = raw.question.as_deref().unwrap_or_default();
        let question_path = join(path, "question");
        let Some(&index) = self.question_ids.get(question_name) else {
            self.problem(question_path, format!("unknown question \"{question_name}\""));
            return None;
        };
        if let RuleContext::Visibility { question } = context {
            if index == question {
                // Reported as a cycle already.
                return None;
            }
            if index > question && !self.found_visibility_cycle {
                self.problem(
                    question_path,
                    format!("visibility may only depend on questions asked earlier; \"{question_name}\" comes later"),
                );
                return None;
            }
            if index > question {
                return None;
            }
        }
        // The question's own problems are reported where it is defined.
        let question = self.questions.get(index).cloned().flatten()?;
        let op = self.required(path, "op", raw.op.clone())?;
        let test = self.test(path, raw, &op, &question)?;
        Some(Rule::Compare { question: index, test })
    }

    fn test(&mut self, path: &str, raw: &RawRule, op: &str, question: &Question) -> Option<Test> {
        let id = question.id.as_str();
        let relation = Relation::parse(op);
        let numeric = relation.is_some() || op == "between";
        let expects: &[&str] = match op {
            "between" => &["min", "max"],
            "any_of" | "all_of" => &["values"],
            _ => &["value"],
        };
        for (field, present) in [
            ("value", raw.value.is_some()),
            ("values", raw.values.is_some()),
            ("min", raw.min.is_some()),
            ("max", raw.max.is_some()),
        ] {
            if present && !expects.contains(&field) {
                self.problem(join(path, field), format!("is not used by op \"{op}\""));
            }
        }
        if !numeric && raw.unit.is_some() {
            self.problem(join(path, "unit"), format!("is not used by op \"{op}\""));
        }
        if !numeric && !matches!(op, "equals" | "any_of" | "all_of") {
            self.problem(
                join(path, "op"),
                format!("unknown op \"{op}\"; use <, <=, =, >=, >, between, equals, any_of or all_of"),
            );
            return None;
        }
        if numeric {
            let scale = self.number_scale(path, raw, op, question)?;
            if op == "between" {
                let minimum = self.limit(path, "min", raw.min)?;
                let maximum = self.limit(path, "max", raw.max)?;
                if minimum.checked_cmp(maximum) == Some(std::cmp::Ordering::Greater) {
                    self.problem(path, format!("min {minimum} is above max {maximum}"));
                }
                return Some(Test::Between {
                    minimum: minimum.checked_mul(scale)?,
                    maximum: maximum.checked_mul(scale)?,
                });
            }
            let value = self.required(path, "value", raw.value.as_ref())?;
            let Some(limit) = value.as_f64().and_then(Exact::from_f64) else {
                let message = if value.is_string() {
                    format!(
                        "compares question \"{id}\" with \"{}\", but op \"{op}\" needs a number",
                        value.as_str().unwrap_or_default()
                    )
                } else {
                    "must be a number with at most 9 digits before and 6 after the point".to_owned()
                };
                self.problem(join(path, "value"), message);
                return None;
            };
            return Some(Test::Number { relation: relation?, limit: limit.checked_mul(scale)? });
        }
        match (&question.kind, op) {
            (QuestionKind::YesNo, "equals") => match raw.value.as_ref().map(Value::as_bool) {
                Some(Some(expected)) => Some(Test::YesNo(expected)),
                Some(None) => {
                    self.problem(
                        join(path, "value"),
                        format!("question \"{id}\" is yes_no: compare it with true or false"),
                    );
                    None
                }
                None => {
                    self.problem(join(path, "value"), "missing");
                    None
                }
            },
            (QuestionKind::SingleChoice { .. }, "equals") => {
                let value = self.required(path, "value", raw.value.as_ref())?;
                self.choice_reference(&join(path, "value"), value, question).map(Test::ChoiceIs)
            }
            (QuestionKind::SingleChoice { .. }, "any_of")
            | (QuestionKind::MultipleChoice { .. }, "any_of" | "all_of") => {
                let values = self.required(path, "values", raw.values.as_ref())?;
                if values.is_empty() {
                    self.problem(join(path, "values"), "list at least one choice");
                    return None;
                }
                let choices: Vec<Option<ChoiceId>> = values
                    .iter()
                    .enumerate()
                    .map(|(position, value)| {
                        self.choice_reference(&format!("{path}.values[{position}]"), value, question)
                    })
                    .collect();
                let choices: Vec<ChoiceId> = choices.into_iter().collect::<Option<_>>()?;
                Some(if op == "all_of" { Test::AllOf(choices) } else { Test::AnyOf(choices) })
            }
            (QuestionKind::MultipleChoice { .. }, "equals") => {
                self.problem(join(path, "op"), format!("question \"{id}\" is multiple_choice: use any_of or all_of"));
                None
            }
            (QuestionKind::SingleChoice { .. }, "all_of") => {
                self.problem(join(path, "op"), format!("question \"{id}\" is single_choice: use equals or any_of"));
                None
            }
            _ => {
                self.problem(
                    join(path, "op"),
                    format!("op \"{op}\" does not apply to question \"{id}\", which takes a number; use <, <=, =, >=, > or between"),
                );
                None
            }
        }
    }

    /// For a numeric comparison: checks the unit and returns the factor that puts the rule's
    /// numbers in the terms `evaluate` compares in (the quantity's base unit, × ULN, years, score).
    fn number_scale(&mut self, path: &str, raw: &RawRule, op: &str, question: &Question) -> Option<Exact> {
        let id = question.id.as_str();
        let one = Exact::from_integer(1);
        let unit_path = join(path, "unit");
        let parsed_unit = match &raw.unit {
            None => None,
            Some(name) => match Unit::parse(name) {
                Some(unit) => Some(unit),
                None => {
                    self.problem(unit_path, format!("unknown unit \"{name}\""));
                    return None;
                }
            },
        };
        match &question.kind {
            QuestionKind::Number { quantity, units, .. } => {
                let accepted: Vec<&str> = units.iter().map(|unit| unit.id()).collect();
                let Some(unit) = parsed_unit else {
                    self.problem(
                        unit_path,
                        format!("missing: question \"{id}\" is measured in {}", accepted.join(" or ")),
                    );
                    return None;
                };
                if !units.contains(&unit) {
                    self.problem(
                        unit_path,
                        format!(
                            "unit \"{}\" is not accepted by question \"{id}\" (it accepts {})",
                            unit.id(),
                            accepted.join(", ")
                        ),
                    );
                    return None;
                }
                quantity.factor_to_base(unit)
            }
            QuestionKind::Age { .. } => match parsed_unit {
                None | Some(Unit::Years) => Some(one),
                Some(other) => {
                    self.problem(unit_path, format!("question \"{id}\" is an age in years, not \"{}\"", other.id()));
                    None
                }
            },
            QuestionKind::AgainstUpperLimit { .. } => {
                match parsed_unit {
                    Some(Unit::TimesUpperLimit) => Some(one),
                    _ => {
                        self.problem(unit_path, format!("question \"{id}\" is compared as a multiple of the upper limit: write \"unit\": \"x ULN\""));
                        None
                    }
                }
            }
            QuestionKind::SingleChoice { choices } if choices.iter().all(|choice| choice.score.is_some()) => {
                if parsed_unit.is_some() {
                    self.problem(unit_path, format!("question \"{id}\" compares choice scores, which have no unit"));
                    return None;
                }
                Some(one)
            }
            QuestionKind::SingleChoice { .. } | QuestionKind::MultipleChoice { .. } | QuestionKind::YesNo => {
                self.problem(
                    join(path, "op"),
                    format!("op \"{op}\" compares question \"{id}\" with a number, but its answers are not numbers (give every choice a score to compare it)"),
                );
                None
            }
        }
    }

    fn choice_reference(&mut self, path: &str, value: &Value, question: &Question) -> Option<ChoiceId> {
        let id = question.id.as_str();
        let Some(name) = value.as_str() else {
            self.problem(
                path,
                format!("question \"{id}\" is a choice question: compare it with a choice id, not {value}"),
            );
            return None;
        };
        if question.choice(name).is_none() {
            let known: Vec<&str> = question.choices().iter().map(|choice| choice.id.as_str()).collect();
            self.problem(path, format!("question \"{id}\" has no choice \"{name}\" (it has {})", known.join(", ")));
            return None;
        }
        Some(ChoiceId::new(name))
    }
}

/// Question indices a rule reads, each once, in first-read order.
fn rule_questions(rule: &Rule, reads: &mut Vec<usize>) {
    match rule {
        Rule::Constant(_) => {}
        Rule::All(rules) | Rule::Any(rules) => rules.iter().for_each(|rule| rule_questions(rule, reads)),
        Rule::Not(rule) => rule_questions(rule, reads),
        Rule::Compare { question, .. } => {
            if !reads.contains(question) {
                reads.push(*question);
            }
        }
    }
}

fn raw_rule_question_names(rule: &RawRule, names: &mut Vec<String>) {
    if let Some(name) = &rule.question {
        names.push(name.clone());
    }
    for rules in [&rule.all, &rule.any].into_iter().flatten() {
        rules.iter().for_each(|rule| raw_rule_question_names(rule, names));
    }
    if let Some(rule) = &rule.not {
        raw_rule_question_names(rule, names);
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

fn is_language_tag(tag: &str) -> bool {
    !tag.is_empty()
        && tag.split('-').all(|part| {
            (1..=8).contains(&part.len()) && part.chars().all(|character| character.is_ascii_alphanumeric())
        })
}

fn is_iso_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let numeric =
        |part: &str, length: usize| part.len() == length && part.chars().all(|character| character.is_ascii_digit());
    parts.len() == 3
        && numeric(parts[0], 4)
        && numeric(parts[1], 2)
        && numeric(parts[2], 2)
        && (1..=12).contains(&parts[1].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&parts[2].parse::<u32>().unwrap_or(0))
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
    fn identifiers_and_dates() {
        assert!(is_identifier("lvef_percent"));
        assert!(!is_identifier("LVEF"));
        assert!(!is_identifier("1st"));
        assert!(is_iso_date("2026-11-25"));
        assert!(!is_iso_date("25/11/2026"));
        assert!(!is_iso_date("2026-13-01"));
        assert!(is_language_tag("zh-Hans"));
        assert!(!is_language_tag("zh Hans"));
    }
}

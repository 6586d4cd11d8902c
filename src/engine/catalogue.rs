//! Many trials at once: a catalogue of definitions that share questions, so that a portal asks each
//! question once and shows where every trial stands.
//!
//! A catalogue file (`prescreen-catalogue/1`) lists its trials, each a URL (or path) of a
//! definition file or a definition written in place. Once every definition has loaded, the
//! catalogue checks that each question id used by several trials is **the same question** in each:
//! the same kind, quantity and units, range, choices (ids, scores, exclusivity), "I don't know", and
//! visibility. Their words may differ; the first trial's are shown. Each difference is reported
//! with both paths.
//!
//! Answers are kept once, by question id, and each trial is evaluated on them exactly as it would be
//! alone (`Definition::evaluate` ignores answers to questions it does not have), so a trial's outcome
//! in the portal is its outcome on its own: a property test checks this.
//!
//! **The next question** is the one that the most trials not yet decided would ask next on their
//! own (each trial's next question: its first shown, unanswered question that could still change
//! its outcome); ties go to the question listed first (by trial, then by its place in that trial).
//! So every question asked is one some trial would ask at that point anyway, and a question shared
//! by several trials is asked once for all of them. The patient may stop at any point and see where
//! each trial stands.

use super::answers::{AnswerError, AnswerErrorKind, Answers};
use super::evaluate::{Evaluation, Outcome};
use super::json::{echo, limits, Json};
use super::load::{json_error, text_of, LoadError, Problem};
use super::model::{Definition, Question, QuestionKind, Rule, Test};
use std::collections::BTreeMap;
use std::rc::Rc;

/// The `format` of a catalogue file.
pub const CATALOGUE_FORMAT: &str = "prescreen-catalogue/1";

/// The most trials one catalogue may list.
pub const CATALOGUE_TRIALS: usize = 200;

/// A trial as a catalogue file lists it.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// A definition file's URL (in the widget, relative to the catalogue's) or path (in the CLI).
    Url(String),
    /// A definition written in the catalogue itself.
    Inline(Json<'static>),
}

/// Reads a catalogue file's bytes into its entries, in order, or every problem with its path.
pub fn read_catalogue(bytes: &[u8]) -> Result<Vec<Entry>, LoadError> {
    let one = |message: String| LoadError::from_problems(vec![Problem { path: String::new(), message }]);
    let text = text_of(bytes, limits::DEFINITION_BYTES, "a catalogue file").map_err(one)?;
    let json = Json::parse(text).map_err(|error| one(json_error(&error)))?;
    let mut problems = Vec::new();
    let Some(entries) = json.as_object() else {
        return Err(one(format!("a catalogue is an object with \"format\" and \"trials\", not {}", json.describe())));
    };
    for (key, _) in entries {
        if !["format", "trials"].contains(&&**key) {
            problems.push(Problem {
                path: echo(key),
                message: "unknown field; a catalogue has \"format\" and \"trials\"".to_owned(),
            });
        }
    }
    match json.get("format").and_then(Json::as_str) {
        Some(CATALOGUE_FORMAT) => {}
        other => problems.push(Problem {
            path: "format".to_owned(),
            message: format!(
                "{}; write \"format\": \"{CATALOGUE_FORMAT}\"",
                other.map_or("missing".to_owned(), |found| format!("unsupported format \"{}\"", echo(found)))
            ),
        }),
    }
    let mut read = Vec::new();
    match json.get("trials").and_then(Json::as_array) {
        None => problems.push(Problem { path: "trials".to_owned(), message: "missing: list the trials".to_owned() }),
        Some([]) => problems.push(Problem { path: "trials".to_owned(), message: "list at least one trial".to_owned() }),
        Some(trials) if trials.len() > CATALOGUE_TRIALS => problems.push(Problem {
            path: "trials".to_owned(),
            message: format!("lists {} trials; at most {CATALOGUE_TRIALS} are allowed", trials.len()),
        }),
        Some(trials) => {
            for (index, trial) in trials.iter().enumerate() {
                match (trial.as_str(), trial.as_object()) {
                    (Some(url), _) if !url.trim().is_empty() => read.push(Entry::Url(url.to_owned())),
                    (None, Some(_)) => read.push(Entry::Inline(trial.to_owned_json())),
                    _ => problems.push(Problem {
                        path: format!("trials[{index}]"),
                        message: format!(
                            "a trial is a definition file's URL or a definition, not {}",
                            trial.describe()
                        ),
                    }),
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(read)
    } else {
        Err(LoadError::from_problems(problems))
    }
}

/// A catalogue's trial as fetched or read.
#[derive(Clone, Debug)]
pub enum TrialSource {
    /// A definition file's bytes.
    Bytes(Vec<u8>),
    /// A definition written in the catalogue.
    Inline(Json<'static>),
    /// Why the file could not be had (not found, too large, too slow).
    Unavailable(String),
}

/// Trials that share their questions, each checked alone and against the others.
#[derive(Clone, Debug)]
pub struct Catalogue {
    /// Shared, so that a portal's pages can hold a trial without copying it.
    pub trials: Vec<Rc<Definition>>,
    /// Every question id once, in the order first listed (by trial, then within it), with where it
    /// is first defined: the words and the checks the widget uses.
    pub questions: Vec<(usize, usize)>,
    /// For each question id, every trial that has it and the question's index there.
    pub(crate) uses: BTreeMap<String, Vec<(usize, usize)>>,
}

/// What a trial's question is in a catalogue's portal: its trial and its index there.
pub type Place = (usize, usize);

impl Catalogue {
    /// Loads every trial of a catalogue, then checks them together: every problem of every trial,
    /// its path prefixed with the trial's place (`trials[2].criteria[0].rule`), then every conflict.
    pub fn load(sources: Vec<TrialSource>) -> Result<Catalogue, LoadError> {
        let mut problems = Vec::new();
        let mut trials = Vec::new();
        for (index, source) in sources.into_iter().enumerate() {
            let loaded = match source {
                TrialSource::Bytes(bytes) => Definition::load_bytes(&bytes),
                TrialSource::Inline(json) => Definition::load_json(json, super::json::Limits::STANDARD),
                TrialSource::Unavailable(reason) => {
                    problems.push(Problem { path: format!("trials[{index}]"), message: reason });
                    continue;
                }
            };
            match loaded {
                Ok(definition) => trials.push(definition),
                Err(error) => problems.extend(error.problems().iter().map(|problem| Problem {
                    path: if problem.path.is_empty() {
                        format!("trials[{index}]")
                    } else {
                        format!("trials[{index}].{}", problem.path)
                    },
                    message: problem.message.clone(),
                })),
            }
        }
        if !problems.is_empty() {
            return Err(LoadError::from_problems(problems));
        }
        Catalogue::new(trials)
    }

    /// The catalogue of `trials` (in the catalogue's order), or every conflict between questions
    /// that share an id, each with both paths (`trials[2].questions[5]`), and every trial id given
    /// twice.
    pub fn new(trials: Vec<Definition>) -> Result<Catalogue, LoadError> {
        let mut problems = Vec::new();
        let mut trial_ids: BTreeMap<&str, usize> = BTreeMap::new();
        for (index, trial) in trials.iter().enumerate() {
            if let Some(first) = trial_ids.insert(trial.trial.id.as_str(), index) {
                problems.push(Problem {
                    path: format!("trials[{index}]"),
                    message: format!("trial \"{}\" is also trials[{first}]", trial.trial.id),
                });
            }
        }
        let mut uses: BTreeMap<String, Vec<Place>> = BTreeMap::new();
        let mut questions = Vec::new();
        for (trial_index, trial) in trials.iter().enumerate() {
            for (question_index, question) in trial.questions.iter().enumerate() {
                let places = uses.entry(question.id.to_string()).or_default();
                if let Some(&(first_trial, first_question)) = places.first() {
                    let differences = differences(
                        &trials[first_trial],
                        &trials[first_trial].questions[first_question],
                        trial,
                        question,
                    );
                    if !differences.is_empty() {
                        problems.push(Problem {
                            path: format!("trials[{trial_index}].questions[{question_index}]"),
                            message: format!(
                                "question \"{}\" differs from trials[{first_trial}].questions[{first_question}] in its {}: a shared id must be the same question",
                                question.id,
                                differences.join(", ")
                            ),
                        });
                    }
                } else {
                    questions.push((trial_index, question_index));
                }
                places.push((trial_index, question_index));
            }
        }
        if problems.is_empty() {
            Ok(Catalogue { trials: trials.into_iter().map(Rc::new).collect(), questions, uses })
        } else {
            Err(LoadError::from_problems(problems))
        }
    }

    /// Every trial evaluated on the shared answers, each exactly as it would be alone.
    pub fn evaluate(&self, answers: &Answers) -> Vec<Evaluation> {
        self.trials.iter().map(|trial| trial.evaluate(answers)).collect()
    }

    /// Brings `evaluations` up to date after the answer to question `id` changed: each trial that
    /// has the question is re-evaluated from it.
    pub fn reevaluate(&self, evaluations: &mut [Evaluation], answers: &Answers, id: &str) {
        for &(trial, question) in self.uses.get(id).into_iter().flatten() {
            self.trials[trial].reevaluate(&mut evaluations[trial], answers, question);
        }
    }

    /// Reads an answers object for the whole catalogue: each answer is checked against the
    /// question it answers (the same in every trial that asks it); an id no trial asks, or given
    /// twice, is an error like any other.
    pub fn parse_answers_json(&self, json: &Json) -> Result<Answers, Vec<AnswerError>> {
        let Some(object) = json.as_object() else {
            return Err(vec![AnswerError {
                question: String::new(),
                kind: AnswerErrorKind::WrongType { expected: "a JSON object from question id to answer" },
            }]);
        };
        let mut answers = Answers::default();
        let mut errors = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for (id, value) in object {
            if !seen.insert(&**id) {
                errors.push(AnswerError { question: id.to_string(), kind: AnswerErrorKind::GivenTwice });
                continue;
            }
            let Some((trial, _)) = self.place_of(id) else {
                errors.push(AnswerError { question: id.to_string(), kind: AnswerErrorKind::UnknownQuestion });
                continue;
            };
            match self.trials[trial].parse_answers_json(&Json::Object(vec![(id.clone(), value.clone())])) {
                Ok(one) => {
                    for (question, answer) in one.iter() {
                        answers.set(question.clone(), answer.clone());
                    }
                }
                Err(found) => errors.extend(found),
            }
        }
        if errors.is_empty() {
            Ok(answers)
        } else {
            Err(errors)
        }
    }

    /// How many trials ask question `id`.
    pub fn uses_of(&self, id: &str) -> usize {
        self.uses.get(id).map_or(0, Vec::len)
    }

    /// Where the question `id` is first defined.
    pub fn place_of(&self, id: &str) -> Option<Place> {
        self.uses.get(id).and_then(|places| places.first()).copied()
    }

    /// The next question to ask (see the module's comment), as its first place; none once every
    /// trial is decided or nothing more could change one.
    pub fn next_question(&self, evaluations: &[Evaluation]) -> Option<Place> {
        // Each open trial's own next question, counted by id: the one most trials would ask now.
        let mut wanted: BTreeMap<&str, usize> = BTreeMap::new();
        for (trial, evaluation) in self.trials.iter().zip(evaluations) {
            if let Some(next) = evaluation.next_question() {
                *wanted.entry(trial.questions[next].id.as_str()).or_default() += 1;
            }
        }
        let mut best: Option<((usize, usize), Place)> = None;
        for &(trial, question) in &self.questions {
            let id = self.trials[trial].questions[question].id.as_str();
            let Some(&count) = wanted.get(id) else { continue };
            let score = (count, self.open_trials_it_matters_to(evaluations, id));
            if best.is_none_or(|(most, _)| score > most) {
                best = Some((score, (trial, question)));
            }
        }
        best.map(|(_, place)| place)
    }

    /// How many undecided trials question `id` could still change.
    pub fn open_trials_it_matters_to(&self, evaluations: &[Evaluation], id: &str) -> usize {
        self.uses
            .get(id)
            .into_iter()
            .flatten()
            .filter(|&&(trial, question)| evaluations[trial].matters(question))
            .count()
    }

    /// How many distinct questions other than `current` could still be asked, over every trial not
    /// yet decided: the progress shown on a portal's question page.
    pub fn questions_that_may_matter(
        &self,
        evaluations: &[Evaluation],
        answers: &Answers,
        current: Option<&str>,
    ) -> usize {
        let mut ids: Vec<&str> = Vec::new();
        for (trial, evaluation) in self.trials.iter().zip(evaluations) {
            let current_here = current.and_then(|id| trial.question_index(id));
            for index in trial.which_questions_may_matter(evaluation, answers, current_here) {
                ids.push(trial.questions[index].id.as_str());
            }
        }
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    }

    /// The trials, grouped by outcome in the order a result lists them.
    pub fn by_outcome(&self, evaluations: &[Evaluation]) -> [(Outcome, Vec<usize>); 3] {
        [Outcome::LikelyEligible, Outcome::NeedsReview, Outcome::NotEligible].map(|outcome| {
            (outcome, (0..self.trials.len()).filter(|&trial| evaluations[trial].outcome == outcome).collect())
        })
    }
}

/// How two questions with one id differ, in words: empty when they are the same question.
fn differences(first: &Definition, one: &Question, second: &Definition, other: &Question) -> Vec<&'static str> {
    let mut found = Vec::new();
    if one.kind.name() != other.kind.name() {
        found.push("kind");
        return found;
    }
    let (shape_one, shape_two) = (kind_shape(&one.kind), kind_shape(&other.kind));
    if shape_one.units != shape_two.units {
        found.push("quantity or units");
    }
    if shape_one.range != shape_two.range {
        found.push("range");
    }
    if shape_one.choices != shape_two.choices {
        found.push("choices");
    }
    if one.allow_unknown != other.allow_unknown {
        found.push("\"I don't know\"");
    }
    let visibility = |definition: &Definition, question: &Question| {
        question.visible_when.as_ref().map(|rule| rule_shape(definition, rule))
    };
    if visibility(first, one) != visibility(second, other) {
        found.push("visibility");
    }
    found
}

/// What must agree between two uses of a question, besides its kind.
struct KindShape {
    units: String,
    range: String,
    choices: String,
}

fn kind_shape(kind: &QuestionKind) -> KindShape {
    let choices = kind
        .choices()
        .iter()
        .map(|choice| {
            format!(
                "{}:{}:{}",
                choice.id,
                choice.score.map(|score| score.to_string()).unwrap_or_default(),
                choice.exclusive
            )
        })
        .collect::<Vec<_>>()
        .join(",");
    let units_of = |units: &[super::units::Unit]| units.iter().map(|unit| unit.id()).collect::<Vec<_>>().join(",");
    let (units, range) = match kind {
        QuestionKind::Number { quantity, units, minimum, maximum } => {
            (format!("{}:{}", quantity.id(), units_of(units)), format!("{minimum}..{maximum}"))
        }
        QuestionKind::Age { minimum_years, maximum_years } => {
            (String::new(), format!("{minimum_years}..{maximum_years}"))
        }
        QuestionKind::AgainstUpperLimit { units } | QuestionKind::AgainstReferenceRange { units } => {
            (units_of(units), String::new())
        }
        QuestionKind::YesNo
        | QuestionKind::SingleChoice { .. }
        | QuestionKind::MultipleChoice { .. }
        | QuestionKind::Date => (String::new(), String::new()),
    };
    KindShape { units, range, choices }
}

/// A rule written out with question ids instead of indices, to compare visibility across files.
fn rule_shape(definition: &Definition, rule: &Rule) -> String {
    let id =
        |index: usize| definition.questions.get(index).map_or_else(String::new, |question| question.id.to_string());
    match rule {
        Rule::Constant(value) => value.to_string(),
        Rule::StudyTeamChecks => "team".to_owned(),
        Rule::All(rules) => {
            format!("all({})", rules.iter().map(|rule| rule_shape(definition, rule)).collect::<Vec<_>>().join(","))
        }
        Rule::Any(rules) => {
            format!("any({})", rules.iter().map(|rule| rule_shape(definition, rule)).collect::<Vec<_>>().join(","))
        }
        Rule::Not(rule) => format!("not({})", rule_shape(definition, rule)),
        Rule::Compare { question, test } => format!("{}{}", id(*question), test_shape(test)),
        Rule::CompareDerived { derived, test } => format!("derived{derived}{}", test_shape(test)),
    }
}

fn test_shape(test: &Test) -> String {
    format!("{test:?}")
}

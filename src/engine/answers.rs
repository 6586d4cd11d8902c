//! A patient's answers, how they are checked against their question, and the answers file format
//! (`{"question_id": value}`) shared by the command-line tool and the widget's download.

use super::dates::{CalendarDate, DateAnswer};
use super::exact::Exact;
use super::input::DO_NOT_KNOW;
use super::json::{echo, Json};
use super::model::{ChoiceId, Definition, Question, QuestionId, QuestionKind};
use super::units::Unit;
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// "I don't know": a real answer, which leaves what depends on it unknown.
    DoNotKnow,
    YesNo(bool),
    Choice(ChoiceId),
    Choices(BTreeSet<ChoiceId>),
    Number {
        value: Exact,
        unit: Unit,
    },
    AgeYears(u32),
    AgainstUpperLimit {
        value: Exact,
        upper_limit: Exact,
    },
    AgainstRange {
        value: Exact,
        lower_limit: Exact,
        upper_limit: Exact,
    },
    Date(DateAnswer),
}

/// Answers by question, and the day they were given. A question with no entry has not been
/// answered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    by_question: BTreeMap<QuestionId, Answer>,
    /// The day the answers are given (the widget takes it from the device, the command-line tool
    /// from the saved file or `--today`): date windows counted back from today read it, and stay
    /// unknown without it. The engine never reads a clock.
    today: Option<CalendarDate>,
}

impl Answers {
    pub fn today(&self) -> Option<CalendarDate> {
        self.today
    }

    pub fn set_today(&mut self, today: CalendarDate) {
        self.today = Some(today);
    }

    pub fn get(&self, question: &str) -> Option<&Answer> {
        self.by_question.get(question)
    }

    pub fn set(&mut self, question: QuestionId, answer: Answer) {
        self.by_question.insert(question, answer);
    }

    pub fn remove(&mut self, question: &str) {
        self.by_question.remove(question);
    }

    pub fn is_empty(&self) -> bool {
        self.by_question.is_empty()
    }

    pub fn len(&self) -> usize {
        self.by_question.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&QuestionId, &Answer)> {
        self.by_question.iter()
    }
}

/// Why an answer does not fit its question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerError {
    pub question: String,
    pub kind: AnswerErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerErrorKind {
    UnknownQuestion,
    WrongType {
        expected: &'static str,
    },
    UnknownChoice(String),
    ExclusiveChoiceCombined(String),
    NoChoicePicked,
    UnitNotAccepted(String),
    NotANumber,
    BelowMinimum(String),
    AboveMaximum(String),
    NotWholeYears,
    UpperLimitNotPositive,
    /// A reference range whose lower limit is above its upper limit.
    LimitsReversed,
    /// A date that is not on the calendar, or outside the years a date question takes.
    NotADate,
    DoNotKnowNotOffered,
    /// A question given twice in one answers file.
    GivenTwice,
    /// A file that cannot be read as JSON, with the reason.
    Unreadable(String),
    /// A saved-answers file made for another trial.
    OtherTrial {
        saved_for: String,
        definition: String,
    },
}

impl fmt::Display for AnswerError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The question id comes from the file: echoed, so it cannot reach a terminal raw.
        let question = &echo(&self.question);
        match &self.kind {
            AnswerErrorKind::UnknownQuestion => write!(formatter, "{question}: no such question in this definition"),
            AnswerErrorKind::WrongType { expected } => write!(formatter, "{question}: expected {expected}"),
            AnswerErrorKind::UnknownChoice(choice) => write!(formatter, "{question}: no choice \"{}\"", echo(choice)),
            AnswerErrorKind::ExclusiveChoiceCombined(choice) => {
                write!(formatter, "{question}: \"{choice}\" cannot be combined with other choices")
            }
            AnswerErrorKind::NoChoicePicked => write!(formatter, "{question}: pick at least one choice"),
            AnswerErrorKind::UnitNotAccepted(unit) => {
                write!(formatter, "{question}: unit \"{}\" is not accepted", echo(unit))
            }
            AnswerErrorKind::NotANumber => {
                write!(formatter, "{question}: not a number with at most 9 digits before and 6 after the point")
            }
            AnswerErrorKind::BelowMinimum(minimum) => write!(formatter, "{question}: below the minimum of {minimum}"),
            AnswerErrorKind::AboveMaximum(maximum) => write!(formatter, "{question}: above the maximum of {maximum}"),
            AnswerErrorKind::NotWholeYears => write!(formatter, "{question}: age must be whole years"),
            AnswerErrorKind::UpperLimitNotPositive => write!(formatter, "{question}: the upper limit must be above 0"),
            AnswerErrorKind::LimitsReversed => {
                write!(formatter, "{question}: the lower limit must not be above the upper limit")
            }
            AnswerErrorKind::NotADate => write!(
                formatter,
                "{question}: not a date from {FIRST_YEAR} to {LAST_YEAR}, written YYYY-MM-DD or YYYY-MM"
            ),
            AnswerErrorKind::DoNotKnowNotOffered => write!(formatter, "{question}: \"unknown\" is not offered here"),
            AnswerErrorKind::OtherTrial { saved_for, definition } => {
                write!(formatter, "the answers were saved for trial \"{}\", not \"{definition}\"", echo(saved_for))
            }
            AnswerErrorKind::GivenTwice => write!(formatter, "{question}: given more than once; give it once"),
            AnswerErrorKind::Unreadable(reason) => formatter.write_str(reason),
        }
    }
}

impl std::error::Error for AnswerError {}

impl Definition {
    /// Checks that `answer` fits `question`: its kind, choices, unit and plausible range.
    pub fn check_answer(&self, question: &Question, answer: &Answer) -> Result<(), AnswerErrorKind> {
        use AnswerErrorKind as Kind;
        if *answer == Answer::DoNotKnow {
            return if question.allow_unknown { Ok(()) } else { Err(Kind::DoNotKnowNotOffered) };
        }
        let wrong_type = || Err(Kind::WrongType { expected: expected_shape(&question.kind) });
        match &question.kind {
            QuestionKind::YesNo => match answer {
                Answer::YesNo(_) => Ok(()),
                _ => wrong_type(),
            },
            QuestionKind::SingleChoice { .. } => match answer {
                Answer::Choice(choice) => match question.choice(choice.as_str()) {
                    Some(_) => Ok(()),
                    None => Err(Kind::UnknownChoice(choice.to_string())),
                },
                _ => wrong_type(),
            },
            QuestionKind::MultipleChoice { .. } => {
                let Answer::Choices(picked) = answer else { return wrong_type() };
                if picked.is_empty() {
                    return Err(Kind::NoChoicePicked);
                }
                for choice_id in picked {
                    let choice = question
                        .choice(choice_id.as_str())
                        .ok_or_else(|| Kind::UnknownChoice(choice_id.to_string()))?;
                    if choice.exclusive && picked.len() > 1 {
                        return Err(Kind::ExclusiveChoiceCombined(choice_id.to_string()));
                    }
                }
                Ok(())
            }
            QuestionKind::Number { quantity, units, minimum, maximum } => {
                let Answer::Number { value, unit } = answer else { return wrong_type() };
                if !units.contains(unit) {
                    return Err(Kind::UnitNotAccepted(unit.symbol().to_owned()));
                }
                // Limits are in the first unit; compare in the base unit so any accepted unit works.
                let in_base = |number: Exact, in_unit: Unit| quantity.to_base(number, in_unit);
                let (Some(entered), Some(low), Some(high)) =
                    (in_base(*value, *unit), in_base(*minimum, units[0]), in_base(*maximum, units[0]))
                else {
                    return Err(Kind::NotANumber);
                };
                if entered.checked_cmp(low) == Some(std::cmp::Ordering::Less) {
                    return Err(Kind::BelowMinimum(format!("{minimum} {}", units[0].symbol())));
                }
                if entered.checked_cmp(high) == Some(std::cmp::Ordering::Greater) {
                    return Err(Kind::AboveMaximum(format!("{maximum} {}", units[0].symbol())));
                }
                Ok(())
            }
            QuestionKind::Age { minimum_years, maximum_years } => {
                let Answer::AgeYears(years) = answer else { return wrong_type() };
                if years < minimum_years {
                    Err(Kind::BelowMinimum(minimum_years.to_string()))
                } else if years > maximum_years {
                    Err(Kind::AboveMaximum(maximum_years.to_string()))
                } else {
                    Ok(())
                }
            }
            QuestionKind::AgainstUpperLimit { .. } => {
                let Answer::AgainstUpperLimit { value, upper_limit } = answer else { return wrong_type() };
                check_against_limit(*value, *upper_limit)
            }
            QuestionKind::AgainstReferenceRange { .. } => {
                let Answer::AgainstRange { value, lower_limit, upper_limit } = answer else { return wrong_type() };
                check_against_limit(*value, *upper_limit)?;
                if lower_limit.is_negative() {
                    Err(Kind::BelowMinimum("0".to_owned()))
                } else if lower_limit.checked_cmp(*upper_limit) == Some(std::cmp::Ordering::Greater) {
                    Err(Kind::LimitsReversed)
                } else {
                    Ok(())
                }
            }
            QuestionKind::Date => {
                let Answer::Date(date) = answer else { return wrong_type() };
                if (FIRST_YEAR..=LAST_YEAR).contains(&date.year) && date.days().is_some() {
                    Ok(())
                } else {
                    Err(Kind::NotADate)
                }
            }
        }
    }

    /// Reads an answers object (`{"question_id": value}`) given as a serde_json value. A
    /// `serde_json::Value` has already dropped a key given twice; files are read with
    /// `read_answers_text`, which sees it.
    pub fn parse_answers(&self, json: &Value) -> Result<Answers, Vec<AnswerError>> {
        self.parse_answers_json(&Json::from(json))
    }

    /// Reads an answers object: a JSON object from question id to value. Collects every problem,
    /// a question given twice included, and finds each question by its id, not by a search.
    pub fn parse_answers_json(&self, json: &Json) -> Result<Answers, Vec<AnswerError>> {
        let Some(object) = json.as_object() else {
            return Err(vec![AnswerError {
                question: String::new(),
                kind: AnswerErrorKind::WrongType { expected: "a JSON object from question id to answer" },
            }]);
        };
        let mut answers = Answers::default();
        let mut errors = Vec::new();
        let mut given: BTreeSet<&str> = BTreeSet::new();
        for (question_id, value) in object {
            let fail = |kind| AnswerError { question: question_id.to_string(), kind };
            if !given.insert(&**question_id) {
                errors.push(fail(AnswerErrorKind::GivenTwice));
                continue;
            }
            let Some(question) = self.question(question_id) else {
                errors.push(fail(AnswerErrorKind::UnknownQuestion));
                continue;
            };
            match answer_from_json(question, value).and_then(|answer| {
                self.check_answer(question, &answer)?;
                Ok(answer)
            }) {
                Ok(answer) => answers.set(question.id.clone(), answer),
                Err(kind) => errors.push(fail(kind)),
            }
        }
        if errors.is_empty() {
            Ok(answers)
        } else {
            Err(errors)
        }
    }

    /// Writes answers in the answers-file format, in question order.
    pub fn answers_to_json(&self, answers: &Answers) -> Value {
        let mut object = Map::new();
        for question in &self.questions {
            if let Some(answer) = answers.get(question.id.as_str()) {
                object.insert(question.id.to_string(), answer_to_json(answer));
            }
        }
        Value::Object(object)
    }
}

/// The years a date question takes: a date before 1900 or after 2200 is a slip.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2200;

fn check_against_limit(value: Exact, upper_limit: Exact) -> Result<(), AnswerErrorKind> {
    if value.is_negative() {
        Err(AnswerErrorKind::BelowMinimum("0".to_owned()))
    } else if upper_limit.checked_cmp(Exact::from_integer(0)) != Some(std::cmp::Ordering::Greater) {
        Err(AnswerErrorKind::UpperLimitNotPositive)
    } else {
        Ok(())
    }
}

fn expected_shape(kind: &QuestionKind) -> &'static str {
    match kind {
        QuestionKind::YesNo => "true or false",
        QuestionKind::SingleChoice { .. } => "a choice id",
        QuestionKind::MultipleChoice { .. } => "a list of choice ids",
        QuestionKind::Number { .. } => "a number or {\"value\": number, \"unit\": unit}",
        QuestionKind::Age { .. } => "a whole number of years",
        QuestionKind::AgainstUpperLimit { .. } => "{\"value\": number, \"upper_limit\": number}",
        QuestionKind::AgainstReferenceRange { .. } => {
            "{\"value\": number, \"lower_limit\": number, \"upper_limit\": number}"
        }
        QuestionKind::Date => "a date written \"YYYY-MM-DD\", or \"YYYY-MM\" when only the month is known",
    }
}

fn exact_from_json(value: &Json) -> Result<Exact, AnswerErrorKind> {
    value.as_f64().and_then(Exact::from_f64).ok_or(AnswerErrorKind::NotANumber)
}

/// The entries of an answer given as an object, which may hold only `keys`, each once.
fn answer_object<'j>(value: &'j Json<'j>, keys: &[&str]) -> Option<&'j [(Cow<'j, str>, Json<'j>)]> {
    let entries = value.as_object()?;
    let only_known = entries.iter().all(|(key, _)| keys.contains(&&**key));
    let each_once = keys.iter().all(|key| entries.iter().filter(|(given, _)| given == key).count() <= 1);
    (only_known && each_once).then_some(entries)
}

fn answer_from_json(question: &Question, value: &Json) -> Result<Answer, AnswerErrorKind> {
    use AnswerErrorKind as Kind;
    if value.as_str() == Some(DO_NOT_KNOW) {
        return Ok(Answer::DoNotKnow);
    }
    let wrong_type = || Kind::WrongType { expected: expected_shape(&question.kind) };
    match &question.kind {
        QuestionKind::YesNo => value.as_bool().map(Answer::YesNo).ok_or_else(wrong_type),
        QuestionKind::SingleChoice { .. } => {
            value.as_str().map(|choice| Answer::Choice(ChoiceId::new(choice))).ok_or_else(wrong_type)
        }
        QuestionKind::MultipleChoice { .. } => {
            let list = value.as_array().ok_or_else(wrong_type)?;
            let picked = list
                .iter()
                .map(|item| item.as_str().map(ChoiceId::new).ok_or_else(wrong_type))
                .collect::<Result<BTreeSet<_>, _>>()?;
            Ok(Answer::Choices(picked))
        }
        QuestionKind::Number { units, .. } => {
            if value.as_f64().is_some() {
                return Ok(Answer::Number { value: exact_from_json(value)?, unit: units[0] });
            }
            answer_object(value, &["value", "unit"]).ok_or_else(wrong_type)?;
            let number = value.get("value").ok_or_else(wrong_type)?;
            let unit_text = value.get("unit").and_then(Json::as_str).ok_or_else(wrong_type)?;
            let unit = Unit::parse(unit_text).ok_or_else(|| Kind::UnitNotAccepted(echo(unit_text)))?;
            Ok(Answer::Number { value: exact_from_json(number)?, unit })
        }
        QuestionKind::Age { .. } => {
            // Whole years, written `45` or `45.0`.
            let years = exact_from_json(value).map_err(|_| wrong_type())?;
            if !years.is_integer() || years.is_negative() {
                return Err(Kind::NotWholeYears);
            }
            years
                .to_whole()
                .and_then(|years| u32::try_from(years).ok())
                .map(Answer::AgeYears)
                .ok_or(Kind::NotWholeYears)
        }
        QuestionKind::AgainstUpperLimit { .. } => {
            answer_object(value, &["value", "upper_limit"]).ok_or_else(wrong_type)?;
            let number = value.get("value").ok_or_else(wrong_type)?;
            let upper_limit = value.get("upper_limit").ok_or_else(wrong_type)?;
            Ok(Answer::AgainstUpperLimit {
                value: exact_from_json(number)?,
                upper_limit: exact_from_json(upper_limit)?,
            })
        }
        QuestionKind::AgainstReferenceRange { .. } => {
            answer_object(value, &["value", "lower_limit", "upper_limit"]).ok_or_else(wrong_type)?;
            let read = |key: &str| value.get(key).ok_or_else(wrong_type).and_then(exact_from_json);
            Ok(Answer::AgainstRange {
                value: read("value")?,
                lower_limit: read("lower_limit")?,
                upper_limit: read("upper_limit")?,
            })
        }
        QuestionKind::Date => {
            let text = value.as_str().ok_or_else(wrong_type)?;
            DateAnswer::parse(text).map(Answer::Date).ok_or(Kind::NotADate)
        }
    }
}

fn number_to_json(number: Exact) -> Value {
    // Answers were read from at most 15 significant digits, so the f64 prints back as written.
    serde_json::Number::from_f64(number.to_f64()).map_or(Value::Null, Value::Number)
}

fn answer_to_json(answer: &Answer) -> Value {
    match answer {
        Answer::DoNotKnow => Value::from(DO_NOT_KNOW),
        Answer::YesNo(yes) => Value::from(*yes),
        Answer::Choice(choice) => Value::from(choice.as_str()),
        Answer::Choices(picked) => Value::from(picked.iter().map(|choice| choice.to_string()).collect::<Vec<_>>()),
        Answer::Number { value, unit } => {
            let mut object = Map::new();
            object.insert("value".into(), number_to_json(*value));
            object.insert("unit".into(), Value::from(unit.id()));
            Value::Object(object)
        }
        Answer::AgeYears(years) => Value::from(*years),
        Answer::AgainstUpperLimit { value, upper_limit } => {
            let mut object = Map::new();
            object.insert("value".into(), number_to_json(*value));
            object.insert("upper_limit".into(), number_to_json(*upper_limit));
            Value::Object(object)
        }
        Answer::AgainstRange { value, lower_limit, upper_limit } => {
            let mut object = Map::new();
            object.insert("value".into(), number_to_json(*value));
            object.insert("lower_limit".into(), number_to_json(*lower_limit));
            object.insert("upper_limit".into(), number_to_json(*upper_limit));
            Value::Object(object)
        }
        Answer::Date(date) => Value::from(date.to_iso()),
    }
}

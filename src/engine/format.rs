//! The trial-definition file as it is written: plain types that mirror the JSON and nothing more,
//! read from the `Json` tree by a walk that knows where it is.
//!
//! The walk reports, each with its JSON path: a value of the wrong type, a key given twice, a list
//! longer than the limits allow, a rule nested too deep (these stop loading, since what follows
//! cannot be read reliably), and a field the format does not know, with a "did you mean" (which
//! does not). Each type's field names are listed once, beside it (`FIELDS`), and are both what is
//! read and what a typo is compared with. Nothing here checks meaning; `load/` does.

use super::json::{echo, limits, Json, Limits};
use super::load::Problem;
use super::path::Path;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The problems found while reading the file's shape.
#[derive(Debug, Default)]
pub struct Reading {
    /// Wrong types, duplicated keys, limits: loading stops after the walk when there are any.
    pub hard: Vec<Problem>,
    /// Unknown fields: reported with the loader's own problems.
    pub soft: Vec<Problem>,
    pub limits: Limits,
}

/// One JSON object being read: its path and its entries.
#[derive(Clone, Debug)]
pub struct Fields<'j, 'p> {
    path: Path<'p>,
    entries: &'j [(Cow<'j, str>, Json<'j>)],
}

/// Objects with at most this many keys are checked for a key given twice pair by pair, without
/// counting them in a map; every object the format defines has fewer fields.
const PAIRWISE_KEYS: usize = 24;

impl Reading {
    fn hard(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.hard.push(Problem { path: path.into(), message: message.into() });
    }

    /// Reports a value of the wrong JSON type.
    pub fn wrong_type(&mut self, path: Path<'_>, expected: &str, found: &Json) {
        self.hard(path, format!("must be {expected}, not {}", found.describe()));
    }

    /// Opens `value` as an object with the field names `known`: reports every key given more than
    /// once, and every key not in `known` with the known name it is closest to.
    pub fn fields<'j, 'p>(&mut self, value: &'j Json<'j>, path: Path<'p>, known: &[&str]) -> Option<Fields<'j, 'p>> {
        let Some(entries) = value.as_object() else {
            self.wrong_type(path, "an object", value);
            return None;
        };
        let given_twice = entries.len() > PAIRWISE_KEYS
            || entries.iter().enumerate().any(|(at, (key, _))| entries[..at].iter().any(|(earlier, _)| earlier == key));
        let unknown = entries.iter().any(|(key, _)| !known.contains(&&**key));
        if given_twice || unknown {
            self.report_keys(entries, path, known);
        }
        Some(Fields { path, entries })
    }

    /// Reports the keys of an object given more than once, and those not in `known`.
    fn report_keys(&mut self, entries: &[(Cow<'_, str>, Json<'_>)], path: Path<'_>, known: &[&str]) {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for (key, _) in entries {
            *counts.entry(&**key).or_default() += 1;
        }
        for (key, count) in &counts {
            if *count > 1 {
                self.hard(path.field(&echo(key)), format!("is given {count} times: give it once"));
            }
        }
        for (key, _) in entries {
            if !known.contains(&&**key) && counts.remove(&**key).is_some() {
                let suggestion =
                    closest(key, known).map(|known| format!("; did you mean \"{known}\"?")).unwrap_or_default();
                self.soft.push(Problem {
                    path: path.field(&echo(key)).into(),
                    message: format!("unknown field{suggestion}"),
                });
            }
        }
    }

    pub fn string<'j>(&mut self, fields: &Fields<'j, '_>, name: &str) -> Option<&'j str> {
        let value = fields.get(name)?;
        match value.as_str() {
            Some(text) => Some(text),
            None => {
                self.wrong_type(fields.path(name), "a string", value);
                None
            }
        }
    }

    pub fn boolean(&mut self, fields: &Fields<'_, '_>, name: &str) -> Option<bool> {
        let value = fields.get(name)?;
        let read = value.as_bool();
        if read.is_none() {
            self.wrong_type(fields.path(name), "true or false", value);
        }
        read
    }

    pub fn number(&mut self, fields: &Fields<'_, '_>, name: &str) -> Option<f64> {
        let value = fields.get(name)?;
        let read = value.as_f64();
        if read.is_none() {
            self.wrong_type(fields.path(name), "a number", value);
        }
        read
    }

    pub fn whole_number(&mut self, fields: &Fields<'_, '_>, name: &str) -> Option<u32> {
        let value = fields.get(name)?;
        let read = value.as_u64().and_then(|number| u32::try_from(number).ok());
        if read.is_none() {
            self.wrong_type(fields.path(name), "a whole number", value);
        }
        read
    }

    /// A value the loader reads itself (a text, which may be an object or a string).
    pub fn value<'j>(&mut self, fields: &Fields<'j, '_>, name: &str) -> Option<&'j Json<'j>> {
        fields.get(name)
    }

    /// A list of at most `limit` items, each read by `read` at its own path.
    pub fn list<'j, T>(
        &mut self,
        fields: &Fields<'j, '_>,
        name: &str,
        limit: usize,
        mut read: impl FnMut(&mut Reading, &'j Json<'j>, Path<'_>) -> Option<T>,
    ) -> Option<Vec<T>> {
        let value = fields.get(name)?;
        let path = fields.path(name);
        let Some(items) = value.as_array() else {
            self.wrong_type(path, "a list", value);
            return None;
        };
        if items.len() > limit {
            self.hard(path, format!("lists {} items; at most {limit} are allowed", items.len()));
            return None;
        }
        let mut read_items = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            if let Some(read_item) = read(self, item, path.item(index)) {
                read_items.push(read_item);
            }
        }
        (read_items.len() == items.len()).then_some(read_items)
    }

    /// Reports every string longer than `limits::STRING_CHARS` anywhere in the file. The paths are
    /// written only for a file that has one: the first pass only looks.
    pub fn check_string_lengths(&mut self, value: &Json, path: Path<'_>) {
        fn any_too_long(value: &Json) -> bool {
            match value {
                // A string of at most STRING_CHARS bytes cannot have more characters than that.
                Json::String(text) => text.len() > limits::STRING_CHARS && text.chars().count() > limits::STRING_CHARS,
                Json::Array(items) => items.iter().any(any_too_long),
                Json::Object(entries) => entries.iter().any(|(_, item)| any_too_long(item)),
                Json::Null | Json::Bool(_) | Json::Number(_) => false,
            }
        }
        if any_too_long(value) {
            self.report_long_strings(value, path);
        }
    }

    fn report_long_strings(&mut self, value: &Json, path: Path<'_>) {
        match value {
            Json::String(text) => {
                let length = text.chars().count();
                if length > limits::STRING_CHARS {
                    self.hard(
                        path,
                        format!("is {length} characters long; at most {} are allowed", limits::STRING_CHARS),
                    );
                }
            }
            Json::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    self.report_long_strings(item, path.item(index));
                }
            }
            Json::Object(entries) => {
                for (key, item) in entries {
                    self.report_long_strings(item, path.field(&echo(key)));
                }
            }
            Json::Null | Json::Bool(_) | Json::Number(_) => {}
        }
    }
}

impl<'j, 'p> Fields<'j, 'p> {
    /// The first value of `name`; a key given twice is reported by `Reading::fields`. Keys of
    /// another length are passed over before comparing text: each object is searched once for
    /// each field its type has (5% of loading a 500-question definition).
    pub fn get(&self, name: &str) -> Option<&'j Json<'j>> {
        self.entries.iter().find(|(key, _)| key.len() == name.len() && **key == *name).map(|(_, value)| value)
    }

    pub fn path<'s>(&'s self, name: &'s str) -> Path<'s> {
        self.path.field(name)
    }
}

/// The known name closest to a typo, if it is close enough to be a likely intent. Names longer
/// than any field name could be get none: the comparison would cost more than it could help.
pub fn closest<'a>(typo: &str, known: &[&'a str]) -> Option<&'a str> {
    if typo.chars().count() > limits::SUGGESTED_NAME_CHARS {
        return None;
    }
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

/// Every object of the format with the fields it takes, for the test that the docs describe each.
pub fn every_field() -> [(&'static str, &'static [&'static str]); 11] {
    [
        ("definition", RawDefinition::FIELDS),
        ("trial", RawTrial::FIELDS),
        ("ages", RawAges::FIELDS),
        ("contact", RawContact::FIELDS),
        ("study date", RawStudyDate::FIELDS),
        ("derived value", RawDerived::FIELDS),
        ("question", RawQuestion::FIELDS),
        ("choice", RawChoice::FIELDS),
        ("criterion", RawCriterion::FIELDS),
        ("part", RawPart::FIELDS),
        ("rule", RawRule::FIELDS),
    ]
}

#[derive(Debug)]
pub struct RawDefinition<'j> {
    pub format: Option<&'j str>,
    pub languages: Option<Vec<&'j str>>,
    pub trial: Option<RawTrial<'j>>,
    pub questions: Option<Vec<RawQuestion<'j>>>,
    pub criteria: Option<Vec<RawCriterion<'j>>>,
    pub study_dates: Option<Vec<RawStudyDate<'j>>>,
    pub derived: Option<Vec<RawDerived<'j>>>,
}

impl<'j> RawDefinition<'j> {
    pub const FIELDS: &'static [&'static str] =
        &["format", "languages", "trial", "study_dates", "derived", "questions", "criteria"];

    pub fn read(reading: &mut Reading, value: &'j Json<'j>) -> Option<RawDefinition<'j>> {
        let fields = reading.fields(value, Path::ROOT, Self::FIELDS)?;
        Some(RawDefinition {
            format: reading.string(&fields, "format"),
            languages: reading.list(&fields, "languages", limits::LANGUAGES, string_item),
            trial: fields.get("trial").and_then(|trial| RawTrial::read(reading, trial, Path::ROOT.field("trial"))),
            questions: reading.list(&fields, "questions", reading.limits.questions, RawQuestion::read),
            criteria: reading.list(&fields, "criteria", reading.limits.criteria, RawCriterion::read),
            study_dates: reading.list(&fields, "study_dates", limits::LIST_ITEMS, RawStudyDate::read),
            derived: reading.list(&fields, "derived", limits::LIST_ITEMS, RawDerived::read),
        })
    }
}

/// A study date not yet fixed (`study_dates[]`).
#[derive(Debug)]
pub struct RawStudyDate<'j> {
    pub id: Option<&'j str>,
    pub name: Option<&'j Json<'j>>,
    pub earliest_days: Option<u32>,
    pub latest_days: Option<u32>,
}

impl<'j> RawStudyDate<'j> {
    pub const FIELDS: &'static [&'static str] = &["id", "name", "earliest_days", "latest_days"];

    fn read(reading: &mut Reading, value: &'j Json<'j>, path: Path<'_>) -> Option<RawStudyDate<'j>> {
        let fields = reading.fields(value, path, Self::FIELDS)?;
        Some(RawStudyDate {
            id: reading.string(&fields, "id"),
            name: reading.value(&fields, "name"),
            earliest_days: reading.whole_number(&fields, "earliest_days"),
            latest_days: reading.whole_number(&fields, "latest_days"),
        })
    }
}

/// A derived value (`derived[]`): a formula and the questions giving its inputs.
#[derive(Debug)]
pub struct RawDerived<'j> {
    pub id: Option<&'j str>,
    pub name: Option<&'j Json<'j>>,
    pub formula: Option<&'j str>,
    /// An object from the formula's input names to question ids; the loader reads it.
    pub inputs: Option<&'j Json<'j>>,
}

impl<'j> RawDerived<'j> {
    pub const FIELDS: &'static [&'static str] = &["id", "name", "formula", "inputs"];

    fn read(reading: &mut Reading, value: &'j Json<'j>, path: Path<'_>) -> Option<RawDerived<'j>> {
        let fields = reading.fields(value, path, Self::FIELDS)?;
        Some(RawDerived {
            id: reading.string(&fields, "id"),
            name: reading.value(&fields, "name"),
            formula: reading.string(&fields, "formula"),
            inputs: reading.value(&fields, "inputs"),
        })
    }
}

fn string_item<'j>(reading: &mut Reading, item: &'j Json<'j>, path: Path<'_>) -> Option<&'j str> {
    let read = item.as_str();
    if read.is_none() {
        reading.wrong_type(path, "a string", item);
    }
    read
}

#[derive(Debug)]
pub struct RawTrial<'j> {
    pub id: Option<&'j str>,
    pub title: Option<&'j str>,
    pub plain_title: Option<&'j Json<'j>>,
    pub sponsor: Option<&'j Json<'j>>,
    pub registry_id: Option<&'j str>,
    pub condition: Option<&'j Json<'j>>,
    pub definition_version: Option<&'j str>,
    pub definition_date: Option<&'j str>,
    pub source: Option<&'j Json<'j>>,
    pub ages: Option<RawAges>,
    pub sex: Option<&'j str>,
    pub contacts: Option<Vec<RawContact<'j>>>,
    pub notes: Option<Vec<&'j Json<'j>>>,
}

impl<'j> RawTrial<'j> {
    pub const FIELDS: &'static [&'static str] = &[
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
    ];

    fn read(reading: &mut Reading, value: &'j Json<'j>, path: Path<'_>) -> Option<RawTrial<'j>> {
        let fields = reading.fields(value, path, Self::FIELDS)?;
        Some(RawTrial {
            id: reading.string(&fields, "id"),
            title: reading.string(&fields, "title"),
            plain_title: reading.value(&fields, "plain_title"),
            sponsor: reading.value(&fields, "sponsor"),
            registry_id: reading.string(&fields, "registry_id"),
            condition: reading.value(&fields, "condition"),
            definition_version: reading.string(&fields, "definition_version"),
            definition_date: reading.string(&fields, "definition_date"),
            source: reading.value(&fields, "source"),
            ages: fields.get("ages").and_then(|ages| RawAges::read(reading, ages, fields.path("ages"))),
            sex: reading.string(&fields, "sex"),
            contacts: reading.list(&fields, "contacts", limits::LIST_ITEMS, RawContact::read),
            notes: reading.list(&fields, "notes", limits::LIST_ITEMS, |_, item, _| Some(item)),
        })
    }
}

#[derive(Debug)]
pub struct RawAges {
    pub min_years: Option<u32>,
    pub min_months: Option<u32>,
    pub max_years: Option<u32>,
}

impl RawAges {
    pub const FIELDS: &'static [&'static str] = &["min_years", "min_months", "max_years"];

    fn read(reading: &mut Reading, value: &Json, path: Path<'_>) -> Option<RawAges> {
        let fields = reading.fields(value, path, Self::FIELDS)?;
        Some(RawAges {
            min_years: reading.whole_number(&fields, "min_years"),
            min_months: reading.whole_number(&fields, "min_months"),
            max_years: reading.whole_number(&fields, "max_years"),
        })
    }
}

#[derive(Debug)]
pub struct RawContact<'j> {
    pub name: Option<&'j str>,
    pub role: Option<&'j Json<'j>>,
    pub phone: Option<&'j str>,
    pub email: Option<&'j str>,
}

impl<'j> RawContact<'j> {
    pub const FIELDS: &'static [&'static str] = &["name", "role", "phone", "email"];

    fn read(reading: &mut Reading, value: &'j Json<'j>, path: Path<'_>) -> Option<RawContact<'j>> {
        let fields = reading.fields(value, path, Self::FIELDS)?;
        Some(RawContact {
            name: reading.string(&fields, "name"),
            role: reading.value(&fields, "role"),
            phone: reading.string(&fields, "phone"),
            email: reading.string(&fields, "email"),
        })
    }
}

#[derive(Debug)]
pub struct RawQuestion<'j> {
    pub id: Option<&'j str>,
    pub kind: Option<&'j str>,
    pub text: Option<&'j Json<'j>>,
    pub caregiver_text: Option<&'j Json<'j>>,
    pub why: Option<&'j Json<'j>>,
    pub caregiver_why: Option<&'j Json<'j>>,
    pub where_to_find: Option<&'j Json<'j>>,
    pub caregiver_where_to_find: Option<&'j Json<'j>>,
    pub allow_unknown: Option<bool>,
    pub choices: Option<Vec<RawChoice<'j>>>,
    pub quantity: Option<&'j str>,
    pub units: Option<Vec<&'j str>>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub visible_when: Option<RawRule<'j>>,
}

impl<'j> RawQuestion<'j> {
    pub const FIELDS: &'static [&'static str] = &[
        "id",
        "kind",
        "text",
        "caregiver_text",
        "why",
        "caregiver_why",
        "where_to_find",
        "caregiver_where_to_find",
        "allow_unknown",
        "choices",
        "quantity",
        "units",
        "min",
        "max",
        "visible_when",
    ];

    fn read(reading: &mut Reading, value: &'j Json<'j>, path: Path<'_>) -> Option<RawQuestion<'j>> {
        let fields = reading.fields(value, path, Self::FIELDS)?;
        Some(RawQuestion {
            id: reading.string(&fields, "id"),
            kind: reading.string(&fields, "kind"),
            text: reading.value(&fields, "text"),
            caregiver_text: reading.value(&fields, "caregiver_text"),
            why: reading.value(&fields, "why"),
            caregiver_why: reading.value(&fields, "caregiver_why"),
            where_to_find: reading.value(&fields, "where_to_find"),
            caregiver_where_to_find: reading.value(&fields, "caregiver_where_to_find"),
            allow_unknown: reading.boolean(&fields, "allow_unknown"),
            choices: reading.list(&fields, "choices", limits::CHOICES, RawChoice::read),
            quantity: reading.string(&fields, "quantity"),
            units: reading.list(&fields, "units", limits::UNITS, string_item),
            min: reading.number(&fields, "min"),
            max: reading.number(&fields, "max"),
            visible_when: fields
                .get("visible_when")
                .and_then(|rule| RawRule::read(reading, rule, fields.path("visible_when"), 1)),
        })
    }
}

#[derive(Debug)]
pub struct RawChoice<'j> {
    pub id: Option<&'j str>,
    pub label: Option<&'j Json<'j>>,
    pub caregiver_label: Option<&'j Json<'j>>,
    pub score: Option<f64>,
    pub exclusive: Option<bool>,
}

impl<'j> RawChoice<'j> {
    pub const FIELDS: &'static [&'static str] = &["id", "label", "caregiver_label", "score", "exclusive"];

    fn read(reading: &mut Reading, value: &'j Json<'j>, path: Path<'_>) -> Option<RawChoice<'j>> {
        let fields = reading.fields(value, path, Self::FIELDS)?;
        Some(RawChoice {
            id: reading.string(&fields, "id"),
            label: reading.value(&fields, "label"),
            caregiver_label: reading.value(&fields, "caregiver_label"),
            score: reading.number(&fields, "score"),
            exclusive: reading.boolean(&fields, "exclusive"),
        })
    }
}

/// The words a criterion and each of its parts have: the registry's and the plain ones.
#[derive(Debug)]
pub struct RawWords<'j> {
    pub registry_text: Option<&'j str>,
    pub registry_translation: Option<&'j Json<'j>>,
    pub summary: Option<&'j Json<'j>>,
    pub interpretation: Option<&'j Json<'j>>,
    pub ask_care_team: Option<&'j Json<'j>>,
    pub caregiver_ask_care_team: Option<&'j Json<'j>>,
}

impl<'j> RawWords<'j> {
    fn read(reading: &mut Reading, fields: &Fields<'j, '_>) -> RawWords<'j> {
        RawWords {
            registry_text: reading.string(fields, "registry_text"),
            registry_translation: reading.value(fields, "registry_translation"),
            summary: reading.value(fields, "summary"),
            interpretation: reading.value(fields, "interpretation"),
            ask_care_team: reading.value(fields, "ask_care_team"),
            caregiver_ask_care_team: reading.value(fields, "caregiver_ask_care_team"),
        }
    }
}

#[derive(Debug)]
pub struct RawCriterion<'j> {
    pub id: Option<&'j str>,
    pub kind: Option<&'j str>,
    pub number: Option<u32>,
    pub label: Option<&'j str>,
    pub words: RawWords<'j>,
    pub rule: Option<RawRule<'j>>,
    pub parts: Option<Vec<RawPart<'j>>>,
    pub combine: Option<&'j str>,
}

impl<'j> RawCriterion<'j> {
    pub const FIELDS: &'static [&'static str] = &[
        "id",
        "kind",
        "number",
        "label",
        "registry_text",
        "registry_translation",
        "summary",
        "interpretation",
        "ask_care_team",
        "caregiver_ask_care_team",
        "rule",
        "parts",
        "combine",
    ];

    fn read(reading: &mut Reading, value: &'j Json<'j>, path: Path<'_>) -> Option<RawCriterion<'j>> {
        let fields = reading.fields(value, path, Self::FIELDS)?;
        Some(RawCriterion {
            id: reading.string(&fields, "id"),
            kind: reading.string(&fields, "kind"),
            number: reading.whole_number(&fields, "number"),
            label: reading.string(&fields, "label"),
            words: RawWords::read(reading, &fields),
            rule: fields.get("rule").and_then(|rule| RawRule::read(reading, rule, fields.path("rule"), 1)),
            parts: reading.list(&fields, "parts", limits::PARTS, RawPart::read),
            combine: reading.string(&fields, "combine"),
        })
    }
}

/// One part of a criterion.
#[derive(Debug)]
pub struct RawPart<'j> {
    pub label: Option<&'j str>,
    pub words: RawWords<'j>,
    pub rule: Option<RawRule<'j>>,
}

impl<'j> RawPart<'j> {
    pub const FIELDS: &'static [&'static str] = &[
        "label",
        "registry_text",
        "registry_translation",
        "summary",
        "interpretation",
        "ask_care_team",
        "caregiver_ask_care_team",
        "rule",
    ];

    fn read(reading: &mut Reading, value: &'j Json<'j>, path: Path<'_>) -> Option<RawPart<'j>> {
        let fields = reading.fields(value, path, Self::FIELDS)?;
        Some(RawPart {
            label: reading.string(&fields, "label"),
            words: RawWords::read(reading, &fields),
            rule: fields.get("rule").and_then(|rule| RawRule::read(reading, rule, fields.path("rule"), 1)),
        })
    }
}

/// One node of a rule. Exactly one form must be used: `all`, `any`, `not`, `constant`,
/// `study_team_checks`, or a comparison of a `question` or a `derived` value (with `op` and
/// `value`, `values` or `min`/`max`, optionally `unit`, and for a date `before`).
#[derive(Debug)]
pub struct RawRule<'j> {
    pub all: Option<Vec<RawRule<'j>>>,
    pub any: Option<Vec<RawRule<'j>>>,
    pub not: Option<Box<RawRule<'j>>>,
    pub constant: Option<bool>,
    pub study_team_checks: Option<bool>,
    pub question: Option<&'j str>,
    pub derived: Option<&'j str>,
    pub op: Option<&'j str>,
    pub value: Option<&'j Json<'j>>,
    pub values: Option<Vec<&'j Json<'j>>>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub unit: Option<&'j str>,
    pub before: Option<&'j str>,
}

impl<'j> RawRule<'j> {
    pub const FIELDS: &'static [&'static str] = &[
        "all",
        "any",
        "not",
        "constant",
        "study_team_checks",
        "question",
        "derived",
        "op",
        "value",
        "values",
        "min",
        "max",
        "unit",
        "before",
    ];

    /// Reads a rule `depth` levels deep (1 for a criterion's or a question's own rule).
    fn read(reading: &mut Reading, value: &'j Json<'j>, path: Path<'_>, depth: usize) -> Option<RawRule<'j>> {
        if depth > limits::RULE_DEPTH {
            reading.hard(path, format!("rules nest more than {} levels deep", limits::RULE_DEPTH));
            return None;
        }
        let fields = reading.fields(value, path, Self::FIELDS)?;
        let nested =
            |reading: &mut Reading, item: &'j Json<'j>, path: Path<'_>| RawRule::read(reading, item, path, depth + 1);
        Some(RawRule {
            all: reading.list(&fields, "all", limits::RULE_ITEMS, nested),
            any: reading.list(&fields, "any", limits::RULE_ITEMS, nested),
            not: fields
                .get("not")
                .and_then(|rule| RawRule::read(reading, rule, fields.path("not"), depth + 1))
                .map(Box::new),
            constant: reading.boolean(&fields, "constant"),
            study_team_checks: reading.boolean(&fields, "study_team_checks"),
            question: reading.string(&fields, "question"),
            derived: reading.string(&fields, "derived"),
            op: reading.string(&fields, "op"),
            value: reading.value(&fields, "value"),
            values: reading.list(&fields, "values", limits::RULE_ITEMS, |_, item, _| Some(item)),
            min: reading.number(&fields, "min"),
            max: reading.number(&fields, "max"),
            unit: reading.string(&fields, "unit"),
            before: reading.string(&fields, "before"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the text reads as a definition's fields, and the problems reading found.
    fn read(text: &str) -> (bool, Reading) {
        let mut reading = Reading::default();
        let json = Json::parse(text).unwrap_or(Json::Null);
        (RawDefinition::read(&mut reading, &json).is_some(), reading)
    }

    fn problems(found: &[Problem]) -> Vec<(String, String)> {
        found.iter().map(|problem| (problem.path.clone(), problem.message.clone())).collect()
    }

    #[test]
    fn every_wrong_type_is_reported_with_its_path() {
        let (_, reading) = read(r#"{"format": 1, "questions": [{"id": "a", "min": "five"}, {"id": 2}]}"#);
        assert_eq!(
            problems(&reading.hard),
            [
                ("format".to_owned(), "must be a string, not the number 1".to_owned()),
                ("questions[0].min".to_owned(), "must be a number, not the string \"five\"".to_owned()),
                ("questions[1].id".to_owned(), "must be a string, not the number 2".to_owned()),
            ]
        );
    }

    #[test]
    fn a_key_given_twice_is_reported() {
        let (_, reading) = read(r#"{"criteria": [{"rule": {"question": "age", "op": ">=", "value": 18, "op": "<"}}]}"#);
        assert_eq!(
            problems(&reading.hard),
            [("criteria[0].rule.op".to_owned(), "is given 2 times: give it once".to_owned())]
        );
    }

    #[test]
    fn a_key_given_twice_is_reported_in_objects_of_any_size() {
        // Up to PAIRWISE_KEYS keys are compared pair by pair, more are counted: both must see it,
        // also when every key is a known field.
        for keys in [PAIRWISE_KEYS, PAIRWISE_KEYS + 1] {
            let given = vec![r#""format": "a""#; keys].join(", ");
            let (_, reading) = read(&format!("{{{given}}}"));
            assert_eq!(
                problems(&reading.hard),
                [("format".to_owned(), format!("is given {keys} times: give it once"))],
                "{keys} keys"
            );
            assert!(reading.soft.is_empty(), "{keys} keys: no field is unknown");
        }
    }

    #[test]
    fn unknown_fields_get_a_suggestion_unless_absurd() {
        let long = "x".repeat(10_000);
        let (_, reading) = read(&format!(r#"{{"formt": "a", "{long}": 1}}"#));
        let found = problems(&reading.soft);
        assert_eq!(found[0], ("formt".to_owned(), "unknown field; did you mean \"format\"?".to_owned()));
        assert_eq!(found[1].1, "unknown field");
        assert!(found[1].0.chars().count() <= limits::ECHO_CHARS + 1, "the name is shortened");
    }

    #[test]
    fn rules_nest_at_most_to_the_limit() {
        let nested = |depth: usize| {
            let mut rule = r#"{"constant": true}"#.to_owned();
            for _ in 1..depth {
                rule = format!(r#"{{"not": {rule}}}"#);
            }
            format!(r#"{{"criteria": [{{"rule": {rule}}}]}}"#)
        };
        assert!(read(&nested(limits::RULE_DEPTH)).1.hard.is_empty());
        let (_, reading) = read(&nested(limits::RULE_DEPTH + 1));
        assert_eq!(reading.hard.len(), 1);
        assert!(reading.hard[0].message.contains("rules nest more than 32 levels deep"), "{:?}", reading.hard);
    }

    #[test]
    fn lists_longer_than_their_limit_are_refused() {
        let choices: Vec<String> = (0..=limits::CHOICES).map(|index| format!(r#"{{"id": "c{index}"}}"#)).collect();
        let (_, reading) = read(&format!(r#"{{"questions": [{{"choices": [{}]}}]}}"#, choices.join(",")));
        assert_eq!(
            problems(&reading.hard),
            [(
                "questions[0].choices".to_owned(),
                format!("lists {} items; at most {} are allowed", limits::CHOICES + 1, limits::CHOICES)
            )]
        );
    }

    #[test]
    fn suggests_the_field_a_typo_meant() {
        assert_eq!(closest("registy_text", &["registry_text", "rule"]), Some("registry_text"));
        assert_eq!(closest("colour", &["id", "kind"]), None);
    }
}

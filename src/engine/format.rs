//! The trial-definition file as it is written: serde types that mirror the JSON and nothing more.
//!
//! Every field is optional and every object keeps the fields it did not expect, so that the loader
//! (`load/`) can report *all* missing fields and typos with their paths, instead of serde stopping
//! at the first. Nothing here is validated; nothing here is used by the evaluator.

use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// Fields an object had that the format does not know, kept to be reported as typos.
pub type UnknownFields = BTreeMap<String, Value>;

#[derive(Debug, Deserialize)]
pub struct RawDefinition {
    pub format: Option<String>,
    pub languages: Option<Vec<String>>,
    pub trial: Option<RawTrial>,
    pub questions: Option<Vec<RawQuestion>>,
    pub criteria: Option<Vec<RawCriterion>>,
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl RawDefinition {
    /// The field names this object takes: every field above but `unknown_fields`.
    pub const FIELDS: &'static [&'static str] = &["format", "languages", "trial", "questions", "criteria"];
}

#[derive(Debug, Deserialize)]
pub struct RawTrial {
    pub id: Option<String>,
    pub title: Option<String>,
    pub plain_title: Option<Value>,
    pub sponsor: Option<Value>,
    pub registry_id: Option<String>,
    pub condition: Option<Value>,
    pub definition_version: Option<String>,
    pub definition_date: Option<String>,
    pub source: Option<Value>,
    pub ages: Option<RawAges>,
    pub sex: Option<String>,
    pub contacts: Option<Vec<RawContact>>,
    pub notes: Option<Vec<Value>>,
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl RawTrial {
    /// The field names this object takes: every field above but `unknown_fields`.
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
}

#[derive(Debug, Deserialize)]
pub struct RawAges {
    pub min_years: Option<u32>,
    pub max_years: Option<u32>,
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl RawAges {
    /// The field names this object takes: every field above but `unknown_fields`.
    pub const FIELDS: &'static [&'static str] = &["min_years", "max_years"];
}

#[derive(Debug, Deserialize)]
pub struct RawContact {
    pub name: Option<String>,
    pub role: Option<Value>,
    pub phone: Option<String>,
    pub email: Option<String>,
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl RawContact {
    /// The field names this object takes: every field above but `unknown_fields`.
    pub const FIELDS: &'static [&'static str] = &["name", "role", "phone", "email"];
}

#[derive(Debug, Deserialize)]
pub struct RawQuestion {
    pub id: Option<String>,
    pub kind: Option<String>,
    pub text: Option<Value>,
    pub caregiver_text: Option<Value>,
    pub why: Option<Value>,
    pub caregiver_why: Option<Value>,
    pub where_to_find: Option<Value>,
    pub caregiver_where_to_find: Option<Value>,
    pub allow_unknown: Option<bool>,
    pub choices: Option<Vec<RawChoice>>,
    pub quantity: Option<String>,
    pub units: Option<Vec<String>>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub visible_when: Option<RawRule>,
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl RawQuestion {
    /// The field names this object takes: every field above but `unknown_fields`.
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
}

#[derive(Debug, Deserialize)]
pub struct RawChoice {
    pub id: Option<String>,
    pub label: Option<Value>,
    pub caregiver_label: Option<Value>,
    pub score: Option<f64>,
    pub exclusive: Option<bool>,
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl RawChoice {
    /// The field names this object takes: every field above but `unknown_fields`.
    pub const FIELDS: &'static [&'static str] = &["id", "label", "caregiver_label", "score", "exclusive"];
}

#[derive(Debug, Deserialize)]
pub struct RawCriterion {
    pub id: Option<String>,
    pub kind: Option<String>,
    pub number: Option<u32>,
    pub registry_text: Option<String>,
    pub registry_translation: Option<Value>,
    pub summary: Option<Value>,
    pub interpretation: Option<Value>,
    pub ask_care_team: Option<Value>,
    pub caregiver_ask_care_team: Option<Value>,
    pub rule: Option<RawRule>,
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl RawCriterion {
    /// The field names this object takes: every field above but `unknown_fields`.
    pub const FIELDS: &'static [&'static str] = &[
        "id",
        "kind",
        "number",
        "registry_text",
        "registry_translation",
        "summary",
        "interpretation",
        "ask_care_team",
        "caregiver_ask_care_team",
        "rule",
    ];
}

/// One node of a rule. Exactly one form must be used: `all`, `any`, `not`, `constant`, or a
/// comparison (`question` with `op` and `value`, `values` or `min`/`max`, optionally `unit`).
#[derive(Debug, Deserialize)]
pub struct RawRule {
    pub all: Option<Vec<RawRule>>,
    pub any: Option<Vec<RawRule>>,
    pub not: Option<Box<RawRule>>,
    pub constant: Option<bool>,
    pub question: Option<String>,
    pub op: Option<String>,
    pub value: Option<Value>,
    pub values: Option<Vec<Value>>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub unit: Option<String>,
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl RawRule {
    /// The field names this object takes: every field above but `unknown_fields`.
    pub const FIELDS: &'static [&'static str] =
        &["all", "any", "not", "constant", "question", "op", "value", "values", "min", "max", "unit"];
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::DeserializeOwned;

    /// An object with every name in `fields` set to null must leave nothing unknown: each listed
    /// name is a field of the struct, so the suggestions for typos name real fields.
    fn every_listed_name_is_a_field<T: DeserializeOwned>(fields: &[&str], unknown: impl Fn(&T) -> &UnknownFields) {
        let object: serde_json::Map<String, Value> =
            fields.iter().map(|name| ((*name).to_owned(), Value::Null)).collect();
        let parsed: T = match serde_json::from_value(Value::Object(object)) {
            Ok(parsed) => parsed,
            Err(error) => panic!("{fields:?}: {error}"),
        };
        assert!(unknown(&parsed).is_empty(), "not fields of the struct: {:?}", unknown(&parsed).keys());
    }

    #[test]
    fn field_lists_name_the_struct_fields() {
        every_listed_name_is_a_field::<RawDefinition>(RawDefinition::FIELDS, |raw| &raw.unknown_fields);
        every_listed_name_is_a_field::<RawTrial>(RawTrial::FIELDS, |raw| &raw.unknown_fields);
        every_listed_name_is_a_field::<RawAges>(RawAges::FIELDS, |raw| &raw.unknown_fields);
        every_listed_name_is_a_field::<RawContact>(RawContact::FIELDS, |raw| &raw.unknown_fields);
        every_listed_name_is_a_field::<RawQuestion>(RawQuestion::FIELDS, |raw| &raw.unknown_fields);
        every_listed_name_is_a_field::<RawChoice>(RawChoice::FIELDS, |raw| &raw.unknown_fields);
        every_listed_name_is_a_field::<RawCriterion>(RawCriterion::FIELDS, |raw| &raw.unknown_fields);
        every_listed_name_is_a_field::<RawRule>(RawRule::FIELDS, |raw| &raw.unknown_fields);
    }
}

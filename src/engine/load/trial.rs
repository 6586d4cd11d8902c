//! Reading the trial's metadata (`trial`) and the file's `languages`.

use super::Loader;
use crate::engine::format::{RawAges, RawContact, RawTrial};
use crate::engine::model::{Contact, SexEligibility, Trial};
use std::collections::BTreeSet;

impl Loader {
    pub(super) fn languages(&mut self, languages: Option<Vec<String>>) -> Vec<String> {
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

    pub(super) fn trial(&mut self, raw: RawTrial) -> Option<Trial> {
        let path = "trial";
        self.unknown_fields(path, &raw.unknown_fields, RawTrial::FIELDS);
        let id = self.required_string(path, "id", raw.id);
        let title = self.required_string(path, "title", raw.title);
        let plain_title = self.required_text(path, "plain_title", raw.plain_title.as_ref());
        let sponsor = self.required_text_or_string(path, "sponsor", raw.sponsor.as_ref());
        let registry_id = self.required_string(path, "registry_id", raw.registry_id);
        let condition = self.required_text(path, "condition", raw.condition.as_ref());
        let definition_version = self.required_string(path, "definition_version", raw.definition_version);
        let definition_date = self.required_string(path, "definition_date", raw.definition_date);
        if let Some(date) = &definition_date {
            if !is_iso_date(date) {
                self.problem("trial.definition_date", format!("\"{date}\" is not a date written as YYYY-MM-DD"));
            }
        }
        let source = self.required_text_or_string(path, "source", raw.source.as_ref());
        let ages = self.required(path, "ages", raw.ages);
        let (minimum_age_years, maximum_age_years) = match ages {
            Some(ages) => {
                self.unknown_fields("trial.ages", &ages.unknown_fields, RawAges::FIELDS);
                let minimum = self.required("trial.ages", "min_years", ages.min_years);
                // No `max_years` is a registry that sets no upper age limit ("18 years and older").
                if let (Some(minimum), Some(maximum)) = (minimum, ages.max_years) {
                    if minimum > maximum {
                        self.problem("trial.ages", format!("min_years {minimum} is above max_years {maximum}"));
                    }
                }
                (minimum, Some(ages.max_years))
            }
            None => (None, None),
        };
        let sex = match raw.sex.as_deref() {
            Some(name) => {
                let sex = SexEligibility::parse(name);
                if sex.is_none() {
                    self.problem("trial.sex", format!("\"{name}\" is not one of \"all\", \"female\", \"male\""));
                }
                sex
            }
            None => {
                self.problem("trial.sex", "missing");
                None
            }
        };
        let mut contacts = Vec::new();
        for (index, contact) in raw.contacts.unwrap_or_default().into_iter().enumerate() {
            let contact_path = format!("trial.contacts[{index}]");
            self.unknown_fields(&contact_path, &contact.unknown_fields, RawContact::FIELDS);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_language_tags() {
        assert!(is_iso_date("2026-11-25"));
        assert!(!is_iso_date("25/11/2026"));
        assert!(!is_iso_date("2026-13-01"));
        assert!(is_language_tag("zh-Hans"));
        assert!(!is_language_tag("zh Hans"));
    }
}

//! Reading the trial's metadata (`trial`) and the file's `languages`.

use super::Loader;
use crate::engine::format::RawTrial;
use crate::engine::json::echo;
use crate::engine::model::{Contact, SexEligibility, Trial};
use crate::engine::path::Path;
use std::collections::BTreeSet;

impl Loader {
    pub(super) fn languages(&mut self, languages: Option<Vec<&str>>) -> Vec<String> {
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
        languages.into_iter().map(str::to_owned).collect()
    }

    pub(super) fn trial(&mut self, raw: RawTrial) -> Option<Trial> {
        let path = Path::ROOT.field("trial");
        let id = self.required_string(path, "id", raw.id);
        if let Some(id) = id.as_deref().filter(|id| !is_trial_id(id)) {
            self.problem(
                "trial.id",
                format!(
                    "\"{}\" must be 1 to 64 lower-case letters, digits and hyphens, starting with a letter or digit: it names the patient's saved file",
                    echo(id)
                ),
            );
        }
        let title = self.required_string(path, "title", raw.title);
        let plain_title = self.required_text(path, "plain_title", raw.plain_title);
        let sponsor = self.required_text_or_string(path, "sponsor", raw.sponsor);
        let registry_id = self.required_string(path, "registry_id", raw.registry_id);
        let condition = self.required_text(path, "condition", raw.condition);
        let definition_version = self.required_string(path, "definition_version", raw.definition_version);
        let definition_date = self.required_string(path, "definition_date", raw.definition_date);
        if let Some(date) = &definition_date {
            if !is_iso_date(date) {
                self.problem(
                    "trial.definition_date",
                    format!("\"{}\" is not a date written as YYYY-MM-DD", echo(date)),
                );
            }
        }
        let source = self.required_text_or_string(path, "source", raw.source);
        let ages = self.required(path, "ages", raw.ages);
        let mut minimum_age_months = None;
        let (minimum_age_years, maximum_age_years) = match ages {
            Some(ages) => {
                let minimum = match (ages.min_years, ages.min_months) {
                    (Some(_), Some(_)) => {
                        self.problem("trial.ages", "give min_years or min_months, not both");
                        None
                    }
                    (None, Some(months)) => {
                        minimum_age_months = Some(months);
                        Some(months / 12)
                    }
                    (years, None) => self.required(path.field("ages"), "min_years", years),
                };
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
        let sex = match raw.sex {
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
        let list = path.field("contacts");
        for (index, contact) in raw.contacts.unwrap_or_default().into_iter().enumerate() {
            let contact_path = list.item(index);
            let name = self.required_string(contact_path, "name", contact.name);
            let role = self.required_text(contact_path, "role", contact.role);
            if let Some(email) = contact.email.filter(|email| !is_email(email)) {
                self.problem(
                    contact_path.field("email"),
                    format!(
                        "\"{}\" is not a plain email address (name@domain.example, with letters, digits and . _ + - only)",
                        echo(email)
                    ),
                );
            }
            if let Some(phone) = contact.phone.filter(|phone| !is_phone(phone)) {
                self.problem(
                    contact_path.field("phone"),
                    format!(
                        "\"{}\" is not a phone number (digits, spaces and + - ( ) . only, with 3 to 20 digits)",
                        echo(phone)
                    ),
                );
            }
            if let (Some(name), Some(role)) = (name, role) {
                contacts.push(Contact {
                    name,
                    role,
                    phone: contact.phone.map(str::to_owned),
                    email: contact.email.map(str::to_owned),
                });
            }
        }
        let mut notes = Vec::new();
        let list = path.field("notes");
        for (index, note) in raw.notes.unwrap_or_default().iter().enumerate() {
            if let Some(note) = self.text(list.item(index), note) {
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
            minimum_age_months,
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

/// A trial id becomes part of the file name a patient saves: lower-case letters, digits and
/// hyphens only, so that the name is the same and safe on every operating system.
fn is_trial_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id.starts_with(|character: char| character.is_ascii_lowercase() || character.is_ascii_digit())
        && id.chars().all(|character| character.is_ascii_lowercase() || character.is_ascii_digit() || character == '-')
}

/// A plain email address: nothing that could give a patient's mail client a subject, a copy to
/// someone else or a second address (`?`, `&`, `,`, `%`, spaces are all refused).
pub fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else { return false };
    let local_ok = (1..=64).contains(&local.len())
        && local.chars().all(|character| character.is_ascii_alphanumeric() || "._+-".contains(character))
        && !local.starts_with('.')
        && !local.ends_with('.');
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = domain.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|label| {
            (1..=63).contains(&label.len())
                && label.chars().all(|character| character.is_ascii_alphanumeric() || character == '-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        });
    local_ok && domain_ok
}

/// A phone number as people write it: digits, spaces and `+ - ( ) .`, a `+` only first.
pub fn is_phone(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    (3..=20).contains(&digits)
        && phone.len() <= 40
        && phone.chars().all(|character| character.is_ascii_digit() || " -().+".contains(character))
        && !phone[1..].contains('+')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trial_ids_emails_and_phones_are_strict() {
        assert!(is_trial_id("cd123-car-t-aml"));
        for id in ["../../etc/passwd", "Trial", "a b", "trial\n", "evil\u{202e}gpj", "", &"a".repeat(65)] {
            assert!(!is_trial_id(id), "{id:?}");
        }
        assert!(is_email("trial.team+aml@hospital.example.org"));
        for email in [
            "trial@x.org?bcc=tracker@evil.example&subject=I%20am%20a%20patient",
            "a@b",
            "a b@c.org",
            "a@b.org,c@d.org",
            "@b.org",
            "a@-b.org",
            "a%40b@c.org",
        ] {
            assert!(!is_email(email), "{email:?}");
        }
        assert!(is_phone("+86 23 6555 0000"));
        assert!(is_phone("(020) 7946-0958"));
        for phone in ["12", "+86+23", "555-CALL-NOW", "tel:123456", &"1".repeat(21)] {
            assert!(!is_phone(phone), "{phone:?}");
        }
    }

    #[test]
    fn dates_and_language_tags() {
        assert!(is_iso_date("2026-11-25"));
        assert!(!is_iso_date("25/11/2026"));
        assert!(!is_iso_date("2026-13-01"));
        assert!(is_language_tag("zh-Hans"));
        assert!(!is_language_tag("zh Hans"));
    }
}

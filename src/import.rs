//! `prescreen import`: a draft definition from a ClinicalTrials.gov API v2 study record.
//!
//! The draft holds what the record states as data (titles, sponsor, conditions, central contacts,
//! the age and sex limits, applied by rules on an age or date-of-birth question and a sex
//! question) and every inclusion and exclusion item of the eligibility text, verbatim, as a
//! criterion the study team checks. Nothing is interpreted: the coordinator turns criteria into
//! questions one at a time, and the draft runs in the widget from the start.
//!
//! Reading the eligibility text: Markdown escapes (`\>=`, `1\.`, `\-`) are removed. A line that
//! says only "Inclusion Criteria:" or "Exclusion Criteria:" at the margin starts a section (an
//! indented one is text: one record hides such a line inside an item); text before any heading
//! is inclusion. A line starting with a bullet (`*`, `-`, `•`, `+`) or a number, letter or roman
//! numeral (`1.`, `2)`, `a.`, `(iii)`) starts an item. An item indented under another, or one in
//! a new numbering style right after an item ending in a colon, is a part of it; deeper items
//! and other lines continue the item above them, verbatim. A paragraph at the margin with no
//! marker is an item of its own, so that no text is lost or attached to the wrong criterion.
//! Labels are the registry's markers where they are unique, and the next free number otherwise.

use crate::engine::{echo, is_email, is_phone, Json, FORMAT};
use serde_json::Value;
use std::borrow::Cow;

/// The draft definition for `record`, written as JSON text, with `today` (YYYY-MM-DD) as its date.
pub fn draft_from_record(record: &Value, today: &str) -> Result<String, String> {
    let study =
        record.get("protocolSection").ok_or("not a ClinicalTrials.gov API v2 study record: no \"protocolSection\"")?;
    let text = |path: &[&str]| -> Option<String> {
        let mut value = study;
        for key in path {
            value = value.get(key)?;
        }
        value.as_str().map(str::to_owned)
    };
    let nct_id = text(&["identificationModule", "nctId"]).ok_or("the record has no identificationModule.nctId")?;
    let brief_title = text(&["identificationModule", "briefTitle"]).unwrap_or_else(|| nct_id.clone());
    let title = text(&["identificationModule", "officialTitle"]).unwrap_or_else(|| brief_title.clone());
    let sponsor =
        text(&["sponsorCollaboratorsModule", "leadSponsor", "name"]).unwrap_or_else(|| "Not stated".to_owned());
    let conditions: Vec<String> = study
        .pointer("/conditionsModule/conditions")
        .and_then(Value::as_array)
        .map(|list| list.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        .unwrap_or_default();
    let eligibility = text(&["eligibilityModule", "eligibilityCriteria"]).unwrap_or_default();
    let minimum = parse_age(text(&["eligibilityModule", "minimumAge"]).as_deref(), "minimumAge")?;
    let maximum = parse_age(text(&["eligibilityModule", "maximumAge"]).as_deref(), "maximumAge")?;
    let sex = match text(&["eligibilityModule", "sex"]).as_deref() {
        None | Some("ALL") => "all",
        Some("FEMALE") => "female",
        Some("MALE") => "male",
        Some(other) => return Err(format!("eligibilityModule.sex \"{}\" is not ALL, FEMALE or MALE", echo(other))),
    };
    let updated =
        text(&["statusModule", "lastUpdatePostDateStruct", "date"]).unwrap_or_else(|| "not stated".to_owned());

    let mut notes = vec![format!(
        "Draft made by `prescreen import` on {today} from the ClinicalTrials.gov record {nct_id} (last updated {updated}). Every criterion is left to the study team: turn them into questions one at a time, and write each interpretation down."
    )];
    let contacts = contacts(study, &mut notes);
    let (questions, derived, age_criterion) = age_questions(&minimum, &maximum)?;
    let mut questions = questions;
    let mut criteria = vec![age_criterion];
    if sex != "all" {
        questions.push(sex_question());
        criteria.push(sex_criterion(sex));
    }
    let sections = read_eligibility(&eligibility);
    for (kind, prefix, items) in [("inclusion", "inc", &sections.inclusion), ("exclusion", "exc", &sections.exclusion)]
    {
        for (position, item) in items.iter().enumerate() {
            criteria.push(criterion(kind, &format!("{prefix}{:02}", position + 1), item));
        }
    }
    if sections.inclusion.is_empty() && sections.exclusion.is_empty() {
        notes.push("The record's eligibility text is empty: only the age and sex limits are drafted.".to_owned());
    }

    let (min_field, min_value) = match minimum {
        Some(Age::Months(months)) => ("min_months", months),
        Some(Age::Years(years)) => ("min_years", years),
        None => ("min_years", 0),
    };
    let mut ages = vec![entry(min_field, number(min_value))];
    if let Some(Age::Years(years)) = maximum {
        ages.push(entry("max_years", number(years)));
    }
    let mut definition = vec![
        entry("format", string(FORMAT)),
        entry("languages", Json::Array(vec![string("en")])),
        entry(
            "trial",
            object(vec![
                entry("id", string(&nct_id.to_ascii_lowercase())),
                entry("title", string(&title)),
                entry("plain_title", english(&brief_title)),
                entry("sponsor", string(&sponsor)),
                entry("registry_id", string(&nct_id)),
                entry(
                    "condition",
                    english(&if conditions.is_empty() { "Not stated".to_owned() } else { conditions.join("; ") }),
                ),
                entry("definition_version", string("0.1.0")),
                entry("definition_date", string(today)),
                entry("source", string(&format!("ClinicalTrials.gov {nct_id}, record last updated {updated}"))),
                entry("ages", Json::Object(ages)),
                entry("sex", string(sex)),
                entry("contacts", Json::Array(contacts)),
                entry("notes", Json::Array(notes.iter().map(|note| english(note)).collect())),
            ]),
        ),
    ];
    if !derived.is_empty() {
        definition.push(entry("derived", Json::Array(derived)));
    }
    definition.push(entry("questions", Json::Array(questions)));
    definition.push(entry("criteria", Json::Array(criteria)));
    let mut out = String::new();
    write_json(&Json::Object(definition), 0, &mut out);
    out.push('\n');
    Ok(out)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Age {
    Years(u32),
    Months(u32),
}

/// `18 Years`, `6 Months`; none when the record sets no limit.
fn parse_age(text: Option<&str>, field: &str) -> Result<Option<Age>, String> {
    let Some(text) = text else { return Ok(None) };
    let unsupported = || {
        format!(
            "eligibilityModule.{field} \"{}\" is not in years or months, which is how Prescreen reads ages; write the age limit by hand",
            echo(text)
        )
    };
    let (amount, unit) = text.trim().split_once(' ').ok_or_else(unsupported)?;
    let amount: u32 = amount.parse().map_err(|_| unsupported())?;
    match unit.to_ascii_lowercase().trim_end_matches('s') {
        "year" => Ok(Some(Age::Years(amount))),
        "month" if amount.is_multiple_of(12) => Ok(Some(Age::Years(amount / 12))),
        "month" if field == "minimumAge" => Ok(Some(Age::Months(amount))),
        _ => Err(unsupported()),
    }
}

/// The central contacts whose phone and email the loader accepts; a value it would refuse is left
/// out, and a note says so.
fn contacts(study: &Value, notes: &mut Vec<String>) -> Vec<Json<'static>> {
    let listed = study.pointer("/contactsLocationsModule/centralContacts").and_then(Value::as_array);
    let mut contacts = Vec::new();
    for contact in listed.into_iter().flatten() {
        let field = |key: &str| contact.get(key).and_then(Value::as_str).map(str::trim).filter(|text| !text.is_empty());
        let Some(name) = field("name") else { continue };
        let mut fields = vec![entry("name", string(name)), entry("role", english("Trial contact"))];
        match field("phone") {
            Some(phone) if is_phone(phone) => fields.push(entry("phone", string(phone))),
            Some(phone) => notes.push(format!(
                "The phone number \"{}\" for {name} was left out: it is not plain digits and + - ( ) . only.",
                echo(phone)
            )),
            None => {}
        }
        match field("email") {
            Some(email) if is_email(email) => fields.push(entry("email", string(email))),
            Some(email) => notes.push(format!(
                "The email address \"{}\" for {name} was left out: it is not a plain address.",
                echo(email)
            )),
            None => {}
        }
        contacts.push(object(fields));
    }
    contacts
}

/// The question that applies the age limits, and the criterion that does: an age in years, or a
/// date of birth when the minimum is in months.
fn age_questions(
    minimum: &Option<Age>,
    maximum: &Option<Age>,
) -> Result<(Vec<Json<'static>>, Vec<Json<'static>>, Json<'static>), String> {
    let years = |age: &Option<Age>| match age {
        Some(Age::Years(years)) => Some(*years),
        Some(Age::Months(_)) | None => None,
    };
    let registry_text = format!(
        "Minimum age: {}. Maximum age: {}.",
        age_words(minimum).unwrap_or_else(|| "none".to_owned()),
        age_words(maximum).unwrap_or_else(|| "none".to_owned())
    );
    let summary = match (minimum, maximum) {
        (Some(low), Some(high)) => format!(
            "Aged {} to {}",
            age_words(&Some(*low)).unwrap_or_default(),
            age_words(&Some(*high)).unwrap_or_default()
        ),
        (Some(low), None) => format!("Aged {} or older", age_words(&Some(*low)).unwrap_or_default()),
        (None, Some(high)) => format!("Aged {} or younger", age_words(&Some(*high)).unwrap_or_default()),
        (None, None) => "Any age".to_owned(),
    };
    let criterion = |rule: Json<'static>| {
        object(vec![
            entry("id", string("age")),
            entry("kind", string("inclusion")),
            entry("label", string("age")),
            entry("registry_text", string(&registry_text)),
            entry("summary", english(&summary)),
            entry("interpretation", english("From the record's minimumAge and maximumAge fields.")),
            entry("rule", rule),
        ])
    };
    if let Some(Age::Months(months)) = minimum {
        let question = object(vec![
            entry("id", string("date_of_birth")),
            entry("kind", string("date")),
            entry("text", english("What is your date of birth?")),
            entry("caregiver_text", english("What is the patient's date of birth?")),
        ]);
        let derived = object(vec![
            entry("id", string("age")),
            entry("name", english("Age")),
            entry("formula", string("age")),
            entry("inputs", object(vec![entry("date_of_birth", string("date_of_birth"))])),
        ]);
        let mut rules = vec![object(vec![
            entry("question", string("date_of_birth")),
            entry("op", string(">=")),
            entry("value", number(*months)),
            entry("unit", string("months")),
        ])];
        if let Some(high) = years(maximum) {
            rules.push(object(vec![
                entry("derived", string("age")),
                entry("op", string("<=")),
                entry("value", number(high)),
                entry("unit", string("years")),
            ]));
        }
        return Ok((vec![question], vec![derived], criterion(object(vec![entry("all", Json::Array(rules))]))));
    }
    let question = object(vec![
        entry("id", string("age_years")),
        entry("kind", string("age")),
        entry("text", english("How old are you?")),
        entry("caregiver_text", english("How old is the patient?")),
    ]);
    let rule = match (years(minimum), years(maximum)) {
        (low, Some(high)) => object(vec![
            entry("question", string("age_years")),
            entry("op", string("between")),
            entry("min", number(low.unwrap_or(0))),
            entry("max", number(high)),
        ]),
        (low, None) => object(vec![
            entry("question", string("age_years")),
            entry("op", string(">=")),
            entry("value", number(low.unwrap_or(0))),
        ]),
    };
    Ok((vec![question], Vec::new(), criterion(rule)))
}

fn age_words(age: &Option<Age>) -> Option<String> {
    match age {
        Some(Age::Years(years)) => Some(format!("{years} years")),
        Some(Age::Months(months)) => Some(format!("{months} months")),
        None => None,
    }
}

fn sex_question() -> Json<'static> {
    let choice = |id: &str, label: &str| object(vec![entry("id", string(id)), entry("label", english(label))]);
    object(vec![
        entry("id", string("sex")),
        entry("kind", string("single_choice")),
        entry("text", english("What sex were you assigned at birth?")),
        entry("caregiver_text", english("What sex was the patient assigned at birth?")),
        entry("choices", Json::Array(vec![choice("female", "Female"), choice("male", "Male")])),
    ])
}

fn sex_criterion(sex: &str) -> Json<'static> {
    object(vec![
        entry("id", string("sex")),
        entry("kind", string("inclusion")),
        entry("label", string("sex")),
        entry("registry_text", string(&format!("Sex: {}", sex.to_ascii_uppercase()))),
        entry("summary", english(if sex == "female" { "Female" } else { "Male" })),
        entry("interpretation", english("From the record's sex field.")),
        entry(
            "rule",
            object(vec![entry("question", string("sex")), entry("op", string("equals")), entry("value", string(sex))]),
        ),
    ])
}

fn criterion(kind: &str, id: &str, item: &Item) -> Json<'static> {
    let team_checks = || object(vec![entry("study_team_checks", Json::Bool(true))]);
    let kind_word = if kind == "inclusion" { "Inclusion" } else { "Exclusion" };
    let mut fields = vec![
        entry("id", string(id)),
        entry("kind", string(kind)),
        entry("label", string(&item.label)),
        entry("registry_text", string(&item.text)),
        entry("summary", english(&format!("{kind_word} criterion {} in the registry", item.label))),
    ];
    if item.parts.is_empty() {
        fields.push(entry("rule", team_checks()));
    } else {
        let parts = item
            .parts
            .iter()
            .map(|part| {
                object(vec![
                    entry("label", string(&part.label)),
                    entry("registry_text", string(&part.text)),
                    entry("summary", english(&format!("Part {} of {} criterion {}", part.label, kind, item.label))),
                    entry("rule", team_checks()),
                ])
            })
            .collect();
        fields.push(entry("parts", Json::Array(parts)));
    }
    object(fields)
}

/// One item of the eligibility text, with its parts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Item {
    pub label: String,
    pub text: String,
    pub parts: Vec<Item>,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Sections {
    pub inclusion: Vec<Item>,
    pub exclusion: Vec<Item>,
}

/// How an item was marked, to tell a new numbering style from a continuing one: `1.` and `1)`
/// are different styles, and so are `*` and `-`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Bullet(char),
    Number(char),
    Letter(char),
    Roman(char),
    Paragraph,
}

struct Parsed {
    items: Vec<Item>,
    /// The style of the section's top-level items and of the current item's parts.
    top_style: Option<Style>,
    part_style: Option<Style>,
    top_indent: usize,
    part_indent: Option<usize>,
    /// The style of the last top-level item.
    last_style: Style,
}

/// Splits the eligibility text into inclusion and exclusion items (see the module's comment).
pub fn read_eligibility(text: &str) -> Sections {
    let text = remove_markdown_escapes(text);
    let mut sections = Sections::default();
    let mut current = new_parsed();
    let mut in_exclusion = false;
    let mut after_blank = true;
    let finish = |parsed: Parsed, sections: &mut Sections, exclusion: bool| {
        let items = with_unique_labels(parsed.items);
        if exclusion {
            sections.exclusion.extend(items);
        } else {
            sections.inclusion.extend(items);
        }
    };
    for line in text.lines() {
        let indent = line
            .chars()
            .take_while(|character| character.is_whitespace())
            .map(|c| if c == '\t' { 4 } else { 1 })
            .sum::<usize>();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            after_blank = true;
            continue;
        }
        if indent < 2 {
            if let Some(exclusion) = heading(trimmed) {
                finish(std::mem::replace(&mut current, new_parsed()), &mut sections, in_exclusion);
                in_exclusion = exclusion;
                after_blank = true;
                continue;
            }
        }
        let marker = marker(trimmed);
        match marker {
            Some((style, label, rest)) => current.add_marked(indent, style, label, rest),
            None if indent < 2 && after_blank => current.add_marked(indent, Style::Paragraph, String::new(), trimmed),
            None => current.continue_last(trimmed),
        }
        after_blank = false;
    }
    finish(current, &mut sections, in_exclusion);
    sections
}

fn new_parsed() -> Parsed {
    Parsed {
        items: Vec::new(),
        top_style: None,
        part_style: None,
        top_indent: 0,
        part_indent: None,
        last_style: Style::Paragraph,
    }
}

impl Parsed {
    fn add_marked(&mut self, indent: usize, style: Style, label: String, text: &str) {
        let nested = match self.items.last() {
            None => false,
            Some(_) if style == Style::Paragraph => false,
            Some(last) => {
                let at_margin = indent <= self.top_indent + 1;
                let like_the_top = Some(style) == self.top_style;
                // A lead-in paragraph ending in a colon introduces the section's list, not parts.
                let opens_list = last.parts.is_empty()
                    && self.last_style != Style::Paragraph
                    && last.text.trim_end().ends_with([':', '：'])
                    && !like_the_top;
                let continues_parts =
                    !last.parts.is_empty() && Some(style) == self.part_style && !(at_margin && like_the_top);
                !at_margin || opens_list || continues_parts
            }
        };
        if !nested {
            self.items.push(Item { label, text: text.to_owned(), parts: Vec::new() });
            if style != Style::Paragraph {
                self.top_style.get_or_insert(style);
            }
            self.last_style = style;
            self.top_indent = if self.items.len() == 1 { indent } else { self.top_indent.min(indent) };
            self.part_style = None;
            self.part_indent = None;
            return;
        }
        let Some(last) = self.items.last_mut() else { return };
        // Deeper than the parts already there: it continues the last part.
        if let (Some(part_indent), Some(part)) = (self.part_indent, last.parts.last_mut()) {
            if indent > part_indent + 1 && Some(style) != self.part_style {
                part.text.push('\n');
                part.text.push_str(&line_with_marker(&label, text));
                return;
            }
        }
        last.parts.push(Item { label, text: text.to_owned(), parts: Vec::new() });
        self.part_style.get_or_insert(style);
        self.part_indent.get_or_insert(indent);
    }

    fn continue_last(&mut self, text: &str) {
        match self.items.last_mut() {
            Some(last) => {
                let append = |item: &mut Item| {
                    item.text.push('\n');
                    item.text.push_str(text);
                };
                match last.parts.last_mut() {
                    Some(part) => append(part),
                    None => append(last),
                }
            }
            None => self.items.push(Item { label: String::new(), text: text.to_owned(), parts: Vec::new() }),
        }
    }
}

fn line_with_marker(label: &str, text: &str) -> String {
    if label.is_empty() {
        text.to_owned()
    } else {
        format!("{label}. {text}")
    }
}

/// Labels as the registry wrote them where unique among their siblings; the next free number for
/// bullets, paragraphs and repeats. Parts get the next free letter.
fn with_unique_labels(items: Vec<Item>) -> Vec<Item> {
    fn relabel(items: Vec<Item>, letters: bool) -> Vec<Item> {
        let mut used: Vec<String> = Vec::new();
        let mut next = 0_u32;
        let mut labelled = Vec::new();
        for mut item in items {
            if item.label.is_empty() || used.contains(&item.label) {
                loop {
                    next += 1;
                    let candidate = if letters { letter_label(next) } else { next.to_string() };
                    if !used.contains(&candidate) {
                        item.label = candidate;
                        break;
                    }
                }
            }
            used.push(item.label.clone());
            item.parts = relabel(std::mem::take(&mut item.parts), true);
            labelled.push(item);
        }
        labelled
    }
    relabel(items, false)
}

/// 1 → a, 26 → z, 27 → aa.
fn letter_label(mut number: u32) -> String {
    let mut label = Vec::new();
    while number > 0 {
        number -= 1;
        label.push(char::from(b'a' + (number % 26) as u8));
        number /= 26;
    }
    label.iter().rev().collect()
}

/// `Some(false)` for an inclusion heading, `Some(true)` for an exclusion heading.
fn heading(line: &str) -> Option<bool> {
    let folded = line.trim_end_matches([':', '：', ' ']).to_ascii_lowercase();
    let folded = folded.trim_start_matches("key ");
    match folded {
        "inclusion criteria" | "inclusion" => Some(false),
        "exclusion criteria" | "exclusion" => Some(true),
        _ => None,
    }
}

/// The item marker a line starts with: its style, the label it gives, and the text after it.
fn marker(line: &str) -> Option<(Style, String, &str)> {
    for bullet in ['*', '-', '•', '+', '·'] {
        if let Some(rest) = line.strip_prefix(bullet).filter(|rest| rest.starts_with(char::is_whitespace)) {
            return Some((Style::Bullet(bullet), String::new(), rest.trim_start()));
        }
    }
    let (inside, opened) = match line.strip_prefix('(') {
        Some(rest) => (rest, true),
        None => (line, false),
    };
    let end = inside.find(|character: char| !character.is_ascii_alphanumeric())?;
    let (label, rest) = inside.split_at(end);
    let (rest, closing) = match (opened, rest.strip_prefix(". "), rest.strip_prefix(')')) {
        (false, Some(rest), _) => (rest, '.'),
        (_, _, Some(rest)) => (rest, if opened { '(' } else { ')' }),
        _ => return None,
    };
    let style = if label.chars().all(|character| character.is_ascii_digit()) && label.len() <= 3 {
        Style::Number(closing)
    } else if label.len() <= 5 && label.chars().all(|character| "ivx".contains(character)) {
        Style::Roman(closing)
    } else if label.len() == 1 && label.chars().all(|character| character.is_ascii_alphabetic()) {
        Style::Letter(closing)
    } else {
        return None;
    };
    Some((style, label.to_owned(), rest.trim_start()))
}

/// Drops the backslash of each Markdown escape (`\>`, `\<`, `\[`, `1\.`, `\-`): the registry's
/// text without the escapes its Markdown export added.
pub fn remove_markdown_escapes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut characters = text.chars().peekable();
    while let Some(character) = characters.next() {
        if character == '\\' && characters.peek().is_some_and(char::is_ascii_punctuation) {
            continue;
        }
        out.push(character);
    }
    out
}

fn entry(key: &str, value: Json<'static>) -> (Cow<'static, str>, Json<'static>) {
    (Cow::Owned(key.to_owned()), value)
}

fn object(entries: Vec<(Cow<'static, str>, Json<'static>)>) -> Json<'static> {
    Json::Object(entries)
}

fn string(text: &str) -> Json<'static> {
    Json::String(Cow::Owned(text.to_owned()))
}

fn english(text: &str) -> Json<'static> {
    object(vec![entry("en", string(text))])
}

fn number(value: u32) -> Json<'static> {
    Json::Number(value.into())
}

/// Writes `value` as JSON with two-space indentation, keys in the order given.
fn write_json(value: &Json, indent: usize, out: &mut String) {
    let pad = |depth: usize| "  ".repeat(depth);
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
        Json::Number(number) => out.push_str(&number.to_string()),
        Json::String(text) => out.push_str(&Value::from(&**text).to_string()),
        Json::Array(items) if items.is_empty() => out.push_str("[]"),
        Json::Array(items) => {
            out.push_str("[\n");
            for (index, item) in items.iter().enumerate() {
                out.push_str(&pad(indent + 1));
                write_json(item, indent + 1, out);
                out.push_str(if index + 1 < items.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(indent));
            out.push(']');
        }
        Json::Object(entries) => {
            out.push_str("{\n");
            for (index, (key, item)) in entries.iter().enumerate() {
                out.push_str(&pad(indent + 1));
                out.push_str(&Value::from(&**key).to_string());
                out.push_str(": ");
                write_json(item, indent + 1, out);
                out.push_str(if index + 1 < entries.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(indent));
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(items: &[Item]) -> Vec<String> {
        items.iter().map(|item| item.label.clone()).collect()
    }

    #[test]
    fn escapes_are_removed() {
        assert_eq!(
            remove_markdown_escapes(r"ANC \>= 1500, 6\. Item, \- dash, a\\b"),
            r"ANC >= 1500, 6. Item, - dash, a\b"
        );
        assert_eq!(remove_markdown_escapes("no escapes: 5 × ULN"), "no escapes: 5 × ULN");
    }

    #[test]
    fn sections_items_and_parts() {
        let text = "Inclusion Criteria:\n\n1. Adults\n2. Adequate organ function:\n\n   a. ANC \\>= 1.5\n   b. Platelets\n3. Consent\n\nExclusion Criteria:\n\n* Pregnancy\n* Other cancer\n  within 3 years\n";
        let sections = read_eligibility(text);
        assert_eq!(labels(&sections.inclusion), ["1", "2", "3"]);
        assert_eq!(labels(&sections.inclusion[1].parts), ["a", "b"]);
        assert_eq!(sections.inclusion[1].parts[0].text, "ANC >= 1.5");
        assert_eq!(labels(&sections.exclusion), ["1", "2"]);
        assert_eq!(sections.exclusion[1].text, "Other cancer\nwithin 3 years");
    }

    #[test]
    fn an_indented_heading_is_text_and_no_heading_means_inclusion() {
        let text =
            "1. First:\n\n   1. PCR positive; OR\n\n      Exclusion Criteria:\n   2. PCR positive later\n2. Second\n";
        let sections = read_eligibility(text);
        assert!(sections.exclusion.is_empty());
        assert_eq!(labels(&sections.inclusion), ["1", "2"]);
        assert!(sections.inclusion[0].parts[0].text.contains("Exclusion Criteria:"));
    }

    #[test]
    fn a_new_numbering_style_after_a_colon_is_a_list_of_parts() {
        let text = "Inclusion Criteria：\n\n9. The following must be met:\n\n1)ANC ≥1.5；2)Platelets≥50\n";
        let sections = read_eligibility(text);
        assert_eq!(sections.inclusion.len(), 1);
        assert_eq!(labels(&sections.inclusion[0].parts), ["1"]);
        assert_eq!(sections.inclusion[0].parts[0].text, "ANC ≥1.5；2)Platelets≥50");
    }

    #[test]
    fn repeated_or_missing_labels_get_the_next_free_one() {
        let text = "* One\n* Two\n3. Three\n3. Three again\n";
        assert_eq!(labels(&read_eligibility(text).inclusion), ["1", "2", "3", "4"]);
    }

    #[test]
    fn ages_in_years_and_months() {
        assert_eq!(parse_age(Some("18 Years"), "minimumAge"), Ok(Some(Age::Years(18))));
        assert_eq!(parse_age(Some("6 Months"), "minimumAge"), Ok(Some(Age::Months(6))));
        assert_eq!(parse_age(Some("24 Months"), "maximumAge"), Ok(Some(Age::Years(2))));
        assert!(parse_age(Some("6 Months"), "maximumAge").is_err(), "a maximum in months is refused");
        assert!(parse_age(Some("27 Weeks"), "minimumAge").is_err());
        assert_eq!(parse_age(None, "maximumAge"), Ok(None));
    }
}

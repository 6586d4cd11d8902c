//! `prescreen import` on every ClinicalTrials.gov record in `tests/registry-records/`: each draft
//! passes `check`, keeps every line of the registry's eligibility text verbatim (escapes removed),
//! applies the record's age and sex limits, and leaves every criterion to the study team.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on broken fixtures.

use prescreen::engine::{Answers, Definition, Outcome, Rule, Status};
use prescreen::import::{draft_from_record, read_eligibility, remove_markdown_escapes};
use serde_json::Value;
use std::path::Path;

fn records() -> Vec<(String, Value)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/registry-records");
    let mut records: Vec<(String, Value)> = std::fs::read_dir(folder)
        .expect("tests/registry-records exists")
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "json"))
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            (name, serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap())
        })
        .collect();
    records.sort_by(|left, right| left.0.cmp(&right.0));
    records
}

fn draft(record: &Value) -> Definition {
    let text = draft_from_record(record, "2026-11-27").unwrap_or_else(|error| panic!("{error}"));
    Definition::load(&text).unwrap_or_else(|error| panic!("{error}"))
}

#[test]
fn every_record_imports_and_passes_check() {
    let records = records();
    assert_eq!(records.len(), 12, "the twelve records of tests/registry-records");
    for (name, record) in &records {
        let definition = draft(record);
        assert_eq!(definition.trial.registry_id, *name);
        // Every criterion the registry lists is left to the study team; only age and sex have rules.
        for criterion in &definition.criteria {
            let for_team = matches!(criterion.rule, Rule::StudyTeamChecks)
                || (!criterion.parts.is_empty()
                    && criterion.parts.iter().all(|part| matches!(part.rule, Rule::StudyTeamChecks)));
            assert_eq!(for_team, !["age", "sex"].contains(&criterion.id.as_str()), "{name}: {}", criterion.id);
        }
    }
}

/// Every line of the eligibility text, without its item marker, is in some criterion's or part's
/// registry text: nothing is dropped, and nothing is rewritten.
#[test]
fn every_line_of_the_registry_text_is_kept_verbatim() {
    for (name, record) in records() {
        let definition = draft(&record);
        let mut texts: Vec<&str> = Vec::new();
        for criterion in &definition.criteria {
            texts.push(&criterion.registry_text);
            texts.extend(criterion.parts.iter().map(|part| part.registry_text.as_str()));
        }
        let eligibility = record
            .pointer("/protocolSection/eligibilityModule/eligibilityCriteria")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let unescaped = remove_markdown_escapes(eligibility);
        for line in unescaped.lines().map(str::trim).filter(|line| !line.is_empty()) {
            let folded = line.trim_end_matches([':', '：']).to_ascii_lowercase();
            if ["inclusion criteria", "exclusion criteria"].contains(&folded.as_str())
                && texts.iter().all(|text| !text.contains(line))
            {
                continue; // a heading at the margin
            }
            // The words after the marker (`1.`, `*`, `ii)`), which the label holds.
            let words = line
                .split_once([' ', ')'])
                .map_or(line, |(marker, rest)| if marker.len() <= 5 { rest.trim() } else { line });
            let words = if words.is_empty() { line } else { words };
            assert!(texts.iter().any(|text| text.contains(words)), "{name}: lost {line:?}");
        }
        assert!(
            !unescaped.contains("\\>") && texts.iter().all(|text| !text.contains("\\>") && !text.contains("\\<")),
            "{name}: escapes left"
        );
    }
}

#[test]
fn the_age_limits_rule_out_on_both_sides() {
    for (name, record) in records() {
        let definition = draft(&record);
        // `check` already tried ages on both sides of each limit; here the draft's first question
        // is the age or the date of birth, and an empty questionnaire is not decided.
        assert!(["age_years", "date_of_birth"].contains(&definition.questions[0].id.as_str()), "{name}");
        assert_eq!(definition.evaluate(&Answers::default()).outcome, Outcome::NeedsReview, "{name}");
    }
}

#[test]
fn a_draft_with_every_rule_met_leaves_the_rest_to_the_study_team() {
    let (_, record) = records().into_iter().find(|(name, _)| name == "NCT04280705").unwrap();
    let definition = draft(&record);
    let answers = definition.parse_answers(&serde_json::json!({"age_years": 40})).unwrap();
    let evaluation = definition.evaluate(&answers);
    assert_eq!(evaluation.outcome, Outcome::LikelyEligible, "no criterion the team checks rules anyone out");
    let registry_items: usize = definition
        .criteria
        .iter()
        .filter(|criterion| criterion.id.as_str() != "age")
        .map(|criterion| criterion.parts.len().max(1))
        .sum();
    assert_eq!(
        definition.items_with_status(&evaluation, Status::StudyTeamChecks).len(),
        registry_items,
        "every registry item, part by part, is listed for the study team"
    );
    let answers = definition.parse_answers(&serde_json::json!({"age_years": 17})).unwrap();
    assert_eq!(definition.evaluate(&answers).outcome, Outcome::NotEligible, "the registry's minimum age of 18");
}

#[test]
fn the_records_quirks_are_read_as_written() {
    let records = records();
    let record = |wanted: &str| records.iter().find(|(name, _)| name == wanted).map(|(_, record)| record).unwrap();
    let text = |wanted: &str| {
        record(wanted)
            .pointer("/protocolSection/eligibilityModule/eligibilityCriteria")
            .and_then(Value::as_str)
            .unwrap()
            .to_owned()
    };
    // An indented "Exclusion Criteria:" inside inclusion item 5 is text, not a heading.
    let covid = read_eligibility(&text("NCT04280705"));
    assert_eq!(covid.inclusion.len(), 8);
    assert_eq!(covid.exclusion.len(), 5);
    assert!(covid.inclusion[4].parts[0].text.contains("Exclusion Criteria:"));
    // A full-width colon after the heading; inline "1)…7)" after an item ending in a colon.
    let tcr = read_eligibility(&text("NCT05438667"));
    assert_eq!(tcr.inclusion.len(), 9);
    assert_eq!(tcr.exclusion.len(), 16);
    assert!(tcr.inclusion[8].parts[0].text.contains("Absolute neutrophil count≥1.5×10⁹/L"));
    // No exclusion heading at all: everything is inclusion.
    assert!(read_eligibility(&text("NCT04267848")).exclusion.is_empty());
    // A minimum age in months is applied to a date of birth.
    let kawasaki = draft(record("NCT00132080"));
    assert_eq!(kawasaki.trial.minimum_age_months, Some(6));
    assert_eq!(kawasaki.questions[0].id.as_str(), "date_of_birth");
    // Escaped numbering (`6\.`) reads as numbering.
    let ms = read_eligibility(&text("NCT04047628"));
    assert!(ms.inclusion.iter().all(|item| !item.text.starts_with("6.")), "6\\. is an item marker");
}

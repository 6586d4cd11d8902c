//! Patient cases for the seed trial: each file in `tests/seed_cases/` holds the answers a patient
//! gives and the outcome a coordinator expects, written by hand from the registry criteria. The
//! browser end-to-end tests answer the same files through the widget.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on broken fixtures.

use prescreen::engine::{Definition, Status};
use serde_json::Value;
use std::path::Path;

fn status_id(status: Status) -> &'static str {
    status.id()
}

#[test]
fn every_seed_case_has_the_expected_outcome() {
    let definition = Definition::seed();
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/seed_cases");
    let mut files: Vec<_> =
        std::fs::read_dir(&folder).expect("tests/seed_cases exists").flatten().map(|entry| entry.path()).collect();
    files.sort();
    assert!(files.len() >= 25, "at least 25 patient cases, found {}", files.len());
    let mut failures = Vec::new();
    for file in &files {
        let name = file.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let case: Value =
            serde_json::from_str(&std::fs::read_to_string(file).expect("readable")).expect("case is JSON");
        let answers = match definition.parse_answers(&case["answers"]) {
            Ok(answers) => answers,
            Err(errors) => {
                failures.push(format!("{name}: answers rejected: {errors:?}"));
                continue;
            }
        };
        let evaluation = definition.evaluate(&answers);
        let expected = &case["expected"];
        if evaluation.outcome.id() != expected["outcome"] {
            failures.push(format!("{name}: outcome {} expected {}", evaluation.outcome.id(), expected["outcome"]));
        }
        for (criterion, status) in expected["criteria"].as_object().into_iter().flatten() {
            match evaluation.status_of(criterion) {
                Some(actual) if status_id(actual) == status => {}
                actual => failures.push(format!("{name}: {criterion} is {actual:?}, expected {status}")),
            }
        }
        let ruled_out: Vec<&str> =
            evaluation.criteria.iter().filter(|result| result.rules_out()).map(|result| result.id.as_str()).collect();
        let expected_ruled_out: Vec<&str> =
            expected["ruled_out_by"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
        if ruled_out != expected_ruled_out {
            failures.push(format!("{name}: ruled out by {ruled_out:?}, expected {expected_ruled_out:?}"));
        }
        let unknown: Vec<&str> = evaluation.unknown().map(|id| id.as_str()).collect();
        let expected_unknown: Vec<&str> =
            expected["unknown"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
        if unknown != expected_unknown {
            failures.push(format!("{name}: unknown {unknown:?}, expected {expected_unknown:?}"));
        }
    }
    assert!(failures.is_empty(), "{} failing case(s):\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn cases_cover_every_criterion_on_both_sides() {
    let definition = Definition::seed();
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/seed_cases");
    let mut seen_met = std::collections::BTreeSet::new();
    let mut seen_not_met = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(folder).expect("folder").flatten() {
        let case: Value =
            serde_json::from_str(&std::fs::read_to_string(entry.path()).expect("readable")).expect("JSON");
        let Ok(answers) = definition.parse_answers(&case["answers"]) else { continue };
        for result in definition.evaluate(&answers).criteria {
            // A criterion with parts is covered part by part; a part the study team checks has no sides.
            let statuses: Vec<(String, Status)> = if result.parts.is_empty() {
                vec![(result.id.to_string(), result.status)]
            } else {
                let criterion = definition.criterion(result.id.as_str()).expect("evaluated criteria exist");
                criterion
                    .parts
                    .iter()
                    .zip(&result.parts)
                    .map(|(part, status)| (format!("{}/{}", result.id, part.label), *status))
                    .collect()
            };
            for (id, status) in statuses {
                match status {
                    Status::Met => seen_met.insert(id),
                    Status::NotMet => seen_not_met.insert(id),
                    Status::Unknown | Status::StudyTeamChecks => false,
                };
            }
        }
    }
    for criterion in &definition.criteria {
        let ids: Vec<String> = if criterion.parts.is_empty() {
            vec![criterion.id.to_string()]
        } else {
            criterion
                .parts
                .iter()
                .filter(|part| !matches!(part.rule, prescreen::engine::Rule::StudyTeamChecks))
                .map(|part| format!("{}/{}", criterion.id, part.label))
                .collect()
        };
        for id in ids {
            // Inclusion 7 ("All genders") is met by every patient: it has no other side.
            if id != "inc07_all_genders" {
                assert!(seen_not_met.contains(&id), "no case where {id} is not met");
            }
            assert!(seen_met.contains(&id), "no case where {id} is met");
        }
    }
}

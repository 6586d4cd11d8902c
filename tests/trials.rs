//! The real trials in `trials/`: each loads, states its provenance and how many criteria its rules
//! decide, and runs its patient cases in `tests/trial-cases/<file name>/`, which between them see
//! every criterion and part the answers decide both met and not met.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on broken fixtures.

use prescreen::engine::{CalendarDate, Decided, Definition, Status};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The real trials: every definition in `trials/` but the seed and the made-up demonstration.
fn real_trials() -> Vec<(String, Definition)> {
    let mut trials: Vec<(String, Definition)> = std::fs::read_dir(root().join("trials"))
        .unwrap()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "json"))
        .map(|path| path.file_stem().unwrap().to_string_lossy().into_owned())
        .filter(|name| !["cd123-car-t-aml", "demo-second-trial"].contains(&name.as_str()))
        .map(|name| (std::fs::read_to_string(root().join(format!("trials/{name}.json"))).unwrap(), name))
        // The bank and catalogues live beside the definitions.
        .filter(|(text, _)| text.contains("\"format\": \"prescreen-trial/1\""))
        .map(|(text, name)| {
            let definition = Definition::load(&text).unwrap_or_else(|error| panic!("trials/{name}.json: {error}"));
            (name, definition)
        })
        .collect();
    trials.sort_by(|left, right| left.0.cmp(&right.0));
    trials
}

fn cases(name: &str) -> Vec<(String, Value)> {
    let folder: PathBuf = root().join("tests/trial-cases").join(name);
    let mut cases: Vec<(String, Value)> = std::fs::read_dir(&folder)
        .unwrap_or_else(|_| panic!("{} holds the trial's cases", folder.display()))
        .flatten()
        .map(|entry| entry.path())
        .map(|path| {
            let case = serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            (path.file_name().unwrap().to_string_lossy().into_owned(), case)
        })
        .collect();
    cases.sort_by(|left, right| left.0.cmp(&right.0));
    cases
}

/// Every status by `criterion` and `criterion/part` label.
fn statuses(definition: &Definition, case: &Value) -> (String, Vec<(String, Status)>) {
    let mut answers = definition.parse_answers(&case["answers"]).unwrap_or_else(|errors| panic!("{errors:?}"));
    let today = case["today"].as_str().and_then(CalendarDate::parse).expect("each case gives \"today\"");
    answers.set_today(today);
    let evaluation = definition.evaluate(&answers);
    let mut found = Vec::new();
    for (criterion, result) in definition.criteria.iter().zip(&evaluation.criteria) {
        found.push((criterion.id.to_string(), result.status));
        for (part, status) in criterion.parts.iter().zip(&result.parts) {
            found.push((format!("{}/{}", criterion.id, part.label), *status));
        }
    }
    (evaluation.outcome.id().to_owned(), found)
}

#[test]
fn there_are_at_least_four_real_trials_one_of_them_bilingual() {
    let trials = real_trials();
    assert!(trials.len() >= 4, "found {:?}", trials.iter().map(|(name, _)| name).collect::<Vec<_>>());
    assert!(trials.iter().any(|(_, definition)| definition.languages.len() > 1), "one speaks two languages");
}

#[test]
fn each_trial_states_its_provenance_and_what_its_rules_decide() {
    for (name, definition) in real_trials() {
        let source = definition.trial.source.get("en");
        assert!(source.contains(&definition.trial.registry_id), "{name}: the source names the registry record");
        let count = |how: Decided| definition.criteria.iter().filter(|criterion| criterion.decided() == how).count();
        let stated = format!(
            "{} criteria: {} decided by the answers, {} partly and {} wholly left to the study team.",
            definition.criteria.len(),
            count(Decided::ByRules),
            count(Decided::Partly),
            count(Decided::ByStudyTeam)
        );
        assert!(
            definition.trial.notes.iter().any(|note| note.get("en") == stated),
            "{name}: trial.notes must hold the sentence {stated:?}"
        );
    }
}

#[test]
fn every_case_has_the_expected_outcome_and_statuses() {
    let mut failures = Vec::new();
    for (name, definition) in real_trials() {
        let cases = cases(&name);
        assert!(cases.len() >= 6, "{name}: at least six cases");
        for (file, case) in cases {
            let (outcome, found) = statuses(&definition, &case);
            if outcome != case["expected"]["outcome"] {
                failures.push(format!("{name}/{file}: outcome {outcome}, expected {}", case["expected"]["outcome"]));
            }
            for (label, status) in case["expected"]["criteria"].as_object().into_iter().flatten() {
                match found.iter().find(|(found, _)| found == label) {
                    Some((_, actual)) if actual.id() == status => {}
                    actual => failures.push(format!("{name}/{file}: {label} is {actual:?}, expected {status}")),
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} failing:\n{}", failures.len(), failures.join("\n"));
}

/// Between them, a trial's cases see every criterion and part that the answers decide both met and
/// not met: each limit from both sides.
#[test]
fn cases_see_every_decided_criterion_on_both_sides() {
    let mut missing = Vec::new();
    for (name, definition) in real_trials() {
        let mut met = BTreeSet::new();
        let mut not_met = BTreeSet::new();
        for (_, case) in cases(&name) {
            for (label, status) in statuses(&definition, &case).1 {
                match status {
                    Status::Met => met.insert(label),
                    Status::NotMet => not_met.insert(label),
                    Status::Unknown | Status::StudyTeamChecks => false,
                };
            }
        }
        for criterion in &definition.criteria {
            let mut labels = Vec::new();
            if criterion.parts.is_empty() {
                if criterion.decided() != Decided::ByStudyTeam
                    && !matches!(criterion.rule, prescreen::engine::Rule::Constant(_))
                {
                    labels.push(criterion.id.to_string());
                }
            } else {
                for part in &criterion.parts {
                    if !part.rule.mentions_study_team() && !matches!(part.rule, prescreen::engine::Rule::Constant(_)) {
                        labels.push(format!("{}/{}", criterion.id, part.label));
                    }
                }
            }
            for label in labels {
                if !met.contains(&label) {
                    missing.push(format!("{name}: no case where {label} is met"));
                }
                if !not_met.contains(&label) {
                    missing.push(format!("{name}: no case where {label} is not met"));
                }
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

//! The `prescreen` command-line tool, run as a coordinator would.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on broken fixtures.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn prescreen(arguments: &[&str]) -> (bool, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_prescreen"))
        .args(arguments)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the prescreen binary runs");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn scratch_file(name: &str, contents: &str) -> String {
    let path = std::env::temp_dir().join(format!("prescreen-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, contents).expect("temp dir writable");
    path.to_string_lossy().into_owned()
}

#[test]
fn check_accepts_the_seed_trial() {
    let (ok, stdout, _) = prescreen(&["check", "trials/cd123-car-t-aml.json"]);
    assert!(ok);
    assert!(
        stdout.contains(
            "26 questions, 22 criteria (15 inclusion, 7 exclusion): 20 decided by rules, 2 partly and 0 wholly left to the study team"
        ),
        "{stdout}"
    );
}

#[test]
fn check_lists_every_problem_and_fails() {
    let (ok, _, stderr) = prescreen(&["check", "tests/definitions/broken/several_problems_at_once.json"]);
    assert!(!ok);
    assert!(stderr.contains("has 4 problems"), "{stderr}");
    assert!(stderr.contains("criteria[1].rule.question: unknown question \"lvef\""), "{stderr}");
}

#[test]
fn eval_prints_the_outcome_as_json() {
    let case: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/seed_cases/creatinine_2_5_mgdl.json"),
        )
        .expect("case"),
    )
    .expect("JSON");
    let answers = scratch_file("answers.json", &case["answers"].to_string());
    let (ok, stdout, stderr) = prescreen(&["eval", "trials/cd123-car-t-aml.json", &answers]);
    assert!(ok, "{stderr}");
    let result: Value = serde_json::from_str(&stdout).expect("eval prints JSON");
    assert_eq!(result["outcome"], "not_eligible");
    assert_eq!(result["unknown"], serde_json::json!([]));
    let renal = result["criteria"]
        .as_array()
        .expect("criteria list")
        .iter()
        .find(|criterion| criterion["id"] == "inc12_renal_function");
    assert_eq!(renal.map(|criterion| &criterion["status"]), Some(&Value::from("not_met")));
    assert_eq!(result["criteria"].as_array().map(Vec::len), Some(22));
}

#[test]
fn eval_rejects_bad_answers_with_every_reason() {
    let answers = scratch_file(
        "bad-answers.json",
        r#"{"age_years": "forty", "lvef_pct": 50, "bilirubin": {"value": 2, "unit": "mmol/L"}, "sex": "woman", "alt": {"value": 10, "upper_limit": 0}}"#,
    );
    let (ok, stdout, stderr) = prescreen(&["eval", "seed", &answers]);
    assert!(!ok);
    assert!(stdout.is_empty());
    for expected in [
        "5 problem(s)",
        "age_years: expected a whole number of years",
        "lvef_pct: no such question in this definition",
        "bilirubin: unit \"mmol/L\" is not accepted",
        "sex: no choice \"woman\"",
        "alt: the upper limit must be above 0",
    ] {
        assert!(stderr.contains(expected), "missing {expected:?} in:\n{stderr}");
    }
}

#[test]
fn unknown_command_shows_usage() {
    let (ok, _, stderr) = prescreen(&["evaluate"]);
    assert!(!ok);
    assert!(stderr.contains("usage:"));
}

#[test]
fn eval_reads_a_file_saved_by_the_widget() {
    let definition = prescreen::engine::Definition::seed();
    let case: Value = serde_json::from_str(include_str!("seed_cases/kps_60.json")).unwrap();
    let answers = definition.parse_answers(&case["answers"]).unwrap();
    let saved = definition.saved_answers_json(&answers, prescreen::engine::Outcome::NotEligible, "2026-11-27");
    let file = scratch_file("saved.json", &saved.to_string());
    let (ok, stdout, stderr) = prescreen(&["eval", "seed", &file]);
    assert!(ok, "{stderr}");
    let result: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(result["outcome"], "not_eligible");
    let mut older = saved.clone();
    older["definition_version"] = "0.9.0".into();
    let file = scratch_file("saved-older.json", &older.to_string());
    let (ok, _, stderr) = prescreen(&["eval", "seed", &file]);
    assert!(ok);
    let current = &definition.trial.definition_version;
    assert!(
        stderr.contains(&format!("given to version 0.9.0 of the definition; this is version {current}")),
        "{stderr}"
    );
    let mut other = saved;
    other["trial"] = "another-trial".into();
    let file = scratch_file("saved-other.json", &other.to_string());
    let (ok, _, stderr) = prescreen(&["eval", "seed", &file]);
    assert!(!ok);
    assert!(stderr.contains("saved for trial \"another-trial\", not \"cd123-car-t-aml\""), "{stderr}");
}

/// Nothing in a file reaches the terminal raw: an escape sequence in a field name, or a
/// right-to-left override in an answers file's question id, is printed escaped.
#[test]
fn the_cli_escapes_what_it_echoes() {
    let mut definition: Value = serde_json::from_str(include_str!("definitions/minimal.json")).unwrap();
    definition["trial"]["\u{1b}]0;owned\u{7}\u{1b}[2J"] = Value::from(1);
    let file = scratch_file("escape.json", &definition.to_string());
    let (ok, _, stderr) = prescreen(&["check", &file]);
    assert!(!ok);
    assert!(!stderr.contains('\u{1b}') && !stderr.contains('\u{7}'), "{stderr:?}");
    assert!(stderr.contains("trial.\\u{001b}]0;owned\\u{0007}\\u{001b}[2J: unknown field"), "{stderr}");
    let answers = scratch_file("escape-answers.json", "{\"evil\u{202e}cod.exe\": true}");
    let (ok, _, stderr) = prescreen(&["eval", "seed", &answers]);
    assert!(!ok);
    assert!(!stderr.contains('\u{202e}'), "{stderr:?}");
    assert!(stderr.contains("evil\\u{202e}cod.exe: no such question"), "{stderr}");
}

#[test]
fn check_reads_a_file_with_a_byte_order_mark() {
    let text = format!("\u{feff}{}", include_str!("definitions/minimal.json"));
    let file = scratch_file("bom.json", &text);
    let (ok, stdout, stderr) = prescreen(&["check", &file]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains(": ok: 4 questions"), "{stdout}");
}

#[test]
fn import_prints_a_draft_that_check_accepts() {
    let (ok, stdout, stderr) =
        prescreen(&["import", "tests/registry-records/NCT04280705.json", "--today", "2026-11-27"]);
    assert!(ok, "{stderr}");
    let draft = scratch_file("draft.json", &stdout);
    let (ok, stdout, stderr) = prescreen(&["check", &draft]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("1 decided by rules, 0 partly and 13 wholly left to the study team"), "{stdout}");
    let (ok, _, stderr) = prescreen(&["import", "tests/registry-records/README.md"]);
    assert!(!ok);
    assert!(stderr.contains("not valid JSON"), "{stderr}");
}

#[test]
fn eval_reports_parts_team_checks_and_derived_values_on_the_day_given() {
    let answers = scratch_file(
        "feature-answers.json",
        r#"{"date_of_birth": "1956-11-27", "sex": "male", "creatinine": 88.4, "weight": 72, "last_treatment": "2026-11-20"}"#,
    );
    let (ok, stdout, stderr) =
        prescreen(&["eval", "tests/definitions/every-feature.json", &answers, "--today", "2026-11-27"]);
    assert!(ok, "{stderr}");
    let result: Value = serde_json::from_str(&stdout).expect("eval prints JSON");
    assert_eq!(result["today"], "2026-11-27");
    let organ = result["criteria"].as_array().and_then(|criteria| criteria.iter().find(|c| c["id"] == "inc_organ"));
    let organ = organ.expect("the organ-function criterion");
    assert_eq!(organ["label"], "4A");
    assert_eq!(organ["parts"][0], serde_json::json!({"label": "a", "status": "met"}));
    assert_eq!(organ["parts"][1], serde_json::json!({"label": "b", "status": "unknown"}));
    assert!(result["unknown"].as_array().expect("list").contains(&Value::from("inc_organ/b")));
    assert_eq!(result["study_team_checks"], serde_json::json!(["inc_washout", "inc_consent"]));
    let crcl = result["derived"].as_array().and_then(|derived| derived.iter().find(|d| d["id"] == "crcl"));
    assert_eq!(crcl.map(|crcl| &crcl["least"]), Some(&Value::from("70")), "(140 − 70) × 72 ÷ 72");
    let (ok, _, stderr) = prescreen(&["eval", "seed", &answers, "--today", "27/11/2026"]);
    assert!(!ok);
    assert!(stderr.contains("--today \"27/11/2026\" is not a date written YYYY-MM-DD"), "{stderr}");
}

#[test]
fn a_catalogue_is_checked_together_and_evaluated_trial_by_trial() {
    let (ok, stdout, stderr) = prescreen(&["check", "trials/catalogue.json"]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("5 trials, 154 questions in all (173 if each trial asked its own)"), "{stdout}");
    let answers = scratch_file("portal-answers.json", r#"{"age_years": 80, "sex": "female"}"#);
    let (ok, stdout, stderr) = prescreen(&["eval", "trials/catalogue.json", &answers, "--today", "2026-11-27"]);
    assert!(ok, "{stderr}");
    let result: Value = serde_json::from_str(&stdout).expect("JSON");
    let outcomes: Vec<(&str, &str)> = result["trials"]
        .as_array()
        .expect("trials")
        .iter()
        .map(|trial| (trial["trial"].as_str().unwrap_or_default(), trial["outcome"].as_str().unwrap_or_default()))
        .collect();
    // 80 is over every limit but ACTT-1's 99.
    assert_eq!(
        outcomes,
        [
            ("cd123-car-t-aml", "not_eligible"),
            ("actt1-remdesivir-covid19", "needs_review"),
            ("cf-prediabetes-repaglinide", "not_eligible"),
            ("psi-1v2-psilocybin-depression", "not_eligible"),
            ("tcr-t-kras-solid-tumours", "needs_review"),
        ]
    );
    let wrong = scratch_file("portal-wrong.json", r#"{"age_years": "old", "no_such_question": true}"#);
    let (ok, _, stderr) = prescreen(&["eval", "trials/catalogue.json", &wrong]);
    assert!(!ok);
    assert!(stderr.contains("age_years: expected a whole number of years"), "{stderr}");
    assert!(stderr.contains("no_such_question: no such question in this definition"), "{stderr}");
}

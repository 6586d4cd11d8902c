//! Broken definition files: each must be rejected with exactly the problems listed, each at its path.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on broken fixtures.

use prescreen::engine::Definition;
use std::path::Path;

fn definition_text(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/definitions").join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// Loads `broken/NAME.json` and asserts the problems, as `(path, message)`, are exactly `expected`.
fn check(name: &str, expected: &[(&str, &str)]) {
    let error = match Definition::load(&definition_text(&format!("broken/{name}.json"))) {
        Ok(_) => panic!("{name}: loaded, but should have been rejected"),
        Err(error) => error,
    };
    let actual: Vec<(&str, &str)> =
        error.problems().iter().map(|problem| (problem.path.as_str(), problem.message.as_str())).collect();
    assert_eq!(actual, expected, "{name}");
}

#[test]
fn the_minimal_definition_is_valid() {
    let text = definition_text("minimal.json");
    if let Err(error) = Definition::load(&text) {
        panic!("{error}");
    }
}

#[test]
fn malformed_json_gives_line_and_column() {
    check("malformed_json", &[("", "not valid JSON at line 4 column 1: trailing comma")]);
}

#[test]
fn wrong_json_type_gives_its_path() {
    check("wrong_json_type", &[("questions[3].min", "must be a number, not the string \"five\"")]);
}

#[test]
fn unsupported_format() {
    check(
        "unsupported_format",
        &[("format", "unsupported format \"surveyjs\"; this version reads \"prescreen-trial/1\"")],
    );
}

/// Each problem in a translated text is reported at the text's path, with the language where it
/// is one language's: in a question, a trial note and a registry translation (which need not have
/// every language, but each one given must be declared and not empty).
#[test]
fn problems_in_texts_are_reported_at_their_language() {
    check(
        "text_problems",
        &[
            ("trial.notes[0].en", "must not be empty"),
            ("questions[0].text.fr", "language \"fr\" is not declared in \"languages\""),
            ("questions[1].text", "must be an object from language to text, such as {\"en\": \"…\"}"),
            ("questions[2].caregiver_text.en", "must not be empty"),
            ("criteria[0].registry_translation.de", "language \"de\" is not declared in \"languages\""),
            ("criteria[0].registry_translation.de", "must be a non-empty string"),
        ],
    );
}

/// A text that says "you" reads wrongly to a parent answering for a child: the patient's words need
/// a caregiver variant beside them, and a summary (read by both) must speak of the patient. Case is
/// ignored ("YOUR"), and a word that only starts with "you" ("Youth") does not count.
#[test]
fn text_that_speaks_to_the_reader_needs_words_for_a_caregiver() {
    check(
        "text_speaks_to_the_reader",
        &[
            (
                "questions[1].choices[0].label",
                "the en text speaks to the reader as \"you\": add \"caregiver_label\" with the words for someone answering for the patient",
            ),
            ("questions[2].caregiver_text", "missing"),
            (
                "questions[3].where_to_find",
                "the en text speaks to the reader as \"you\": add \"caregiver_where_to_find\" with the words for someone answering for the patient",
            ),
            (
                "criteria[2].summary",
                "the en text speaks to the reader as \"you\", but patients and people answering for them both read it: write it about the patient",
            ),
        ],
    );
}

#[test]
fn duplicate_ids() {
    check(
        "duplicate_question_id",
        &[
            ("questions[1].id", "duplicate id \"age_years\" (also questions[0])"),
            ("questions[2].visible_when.question", "unknown question \"sex\""),
            ("criteria[2].rule.all[0].question", "unknown question \"sex\""),
        ],
    );
    check("duplicate_criterion_id", &[("criteria[1].id", "duplicate id \"inc_age\" (also criteria[0])")]);
}

#[test]
fn rule_naming_an_unknown_question() {
    check(
        "rule_names_unknown_question",
        &[
            ("criteria[0].rule.question", "unknown question \"age_yrs\""),
            (
                "questions[0]",
                "question \"age_years\" is used by no criterion and no visibility condition, so asking it changes nothing",
            ),
        ],
    );
}

#[test]
fn unit_the_question_does_not_accept() {
    check(
        "unit_not_accepted",
        &[("criteria[1].rule.unit", "unit \"mg/dL\" is not accepted by question \"lvef_percent\" (it accepts %)")],
    );
}

#[test]
fn choice_compared_with_a_number() {
    check(
        "choice_compared_with_number",
        &[(
            "criteria[2].rule.all[0].op",
            "op \">\" compares question \"sex\" with a number, but its answers are not numbers (give every choice a score to compare it)",
        )],
    );
}

#[test]
fn yes_no_compared_with_text() {
    check(
        "yes_no_compared_with_text",
        &[("criteria[2].rule.all[1].value", "question \"pregnant\" is yes_no: compare it with true or false")],
    );
}

#[test]
fn unknown_choice_in_a_rule() {
    check(
        "unknown_choice",
        &[("criteria[2].rule.all[0].value", "question \"sex\" has no choice \"woman\" (it has female, male)")],
    );
}

#[test]
fn criterion_without_a_rule() {
    check(
        "criterion_without_rule",
        &[
            (
                "criteria[1].rule",
                "missing: every criterion needs a rule, or parts with a rule each (use {\"study_team_checks\": true} for what no pre-screen can know)",
            ),
            (
                "questions[3]",
                "question \"lvef_percent\" is used by no criterion and no visibility condition, so asking it changes nothing",
            ),
        ],
    );
}

#[test]
fn visibility_problems() {
    check(
        "visibility_names_unknown_question",
        &[("questions[2].visible_when.question", "unknown question \"gender\"")],
    );
    check(
        "visibility_cycle",
        &[("questions[0].visible_when", "visibility conditions form a cycle: age_years → lvef_percent → age_years")],
    );
    check(
        "visibility_depends_on_later_question",
        &[(
            "questions[0].visible_when.question",
            "visibility may only depend on questions asked earlier; \"lvef_percent\" comes later",
        )],
    );
}

#[test]
fn empty_and_untranslated_texts() {
    check("empty_text", &[("questions[0].text.en", "must not be empty")]);
    let name = "missing_translation";
    let error = Definition::load(&definition_text(&format!("broken/{name}.json"))).expect_err("rejected");
    // Every text in the file lacks the declared zh-Hans translation: all 16 are reported.
    assert_eq!(error.problems().len(), 16);
    assert!(error.problems().iter().all(|problem| problem.message == "missing the \"zh-Hans\" text"));
    assert_eq!(error.problems()[0].path, "trial.plain_title");
    assert_eq!(error.problems()[8].path, "questions[1].choices[1].label");
}

#[test]
fn misspelt_field_is_reported_with_a_suggestion() {
    check(
        "misspelt_field",
        &[
            ("criteria[0].registy_text", "unknown field; did you mean \"registry_text\"?"),
            ("criteria[0].registry_text", "missing"),
        ],
    );
}

#[test]
fn rule_with_two_forms() {
    check(
        "rule_with_two_forms",
        &[(
            "criteria[0].rule",
            "a rule needs exactly one of all, any, not, constant, study_team_checks, question or derived (found all, question)",
        )],
    );
}

#[test]
fn unknown_question_kind() {
    check(
        "unknown_question_kind",
        &[(
            "questions[1].kind",
            "unknown kind \"dropdown\"; use yes_no, single_choice, multiple_choice, number, age, against_upper_limit, against_reference_range or date",
        )],
    );
}

#[test]
fn question_used_nowhere() {
    check(
        "question_used_nowhere",
        &[(
            "questions[4]",
            "question \"smoker\" is used by no criterion and no visibility condition, so asking it changes nothing",
        )],
    );
}

#[test]
fn several_problems_are_all_reported() {
    check(
        "several_problems_at_once",
        &[
            ("trial.sponsor", "missing"),
            (
                "questions[3].units[0]",
                "unit \"mg/dL\" is not a unit of quantity \"percentage\", which is measured in %",
            ),
            ("criteria[0].kind", "\"include\" is not \"inclusion\" or \"exclusion\""),
            ("criteria[1].rule.question", "unknown question \"lvef\""),
        ],
    );
}

#[test]
fn every_broken_file_is_covered_by_a_test() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/definitions/broken");
    let count = std::fs::read_dir(folder).expect("folder").count();
    assert!(count >= 15, "at least 15 broken definitions, found {count}");
    let this_file = include_str!("broken_definitions.rs");
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/definitions/broken"))
        .expect("folder")
        .flatten()
    {
        let stem = entry.path().file_stem().unwrap_or_default().to_string_lossy().into_owned();
        assert!(this_file.contains(&format!("\"{stem}\"")), "broken/{stem}.json has no test");
    }
}

/// A chain of visibility conditions as long as a definition may be (each question shown after the
/// next one) is reported link by link, without following the chain by recursion (the widget's stack
/// is 256 KiB, build.rs), and the list stops at the problem limit with a count of the rest.
#[test]
fn a_long_visibility_chain_is_reported_without_recursion() {
    const LENGTH: usize = prescreen::engine::limits::QUESTIONS - 4;
    let mut file: serde_json::Value = serde_json::from_str(&definition_text("minimal.json")).unwrap();
    let text = serde_json::json!({ "en": "Chained?" });
    let chain: Vec<serde_json::Value> = (0..LENGTH)
        .map(|index| {
            let mut question = serde_json::json!({
                "id": format!("chained_{index}"), "kind": "yes_no", "text": text, "caregiver_text": text,
            });
            if index + 1 < LENGTH {
                question["visible_when"] =
                    serde_json::json!({ "question": format!("chained_{}", index + 1), "op": "equals", "value": true });
            }
            question
        })
        .collect();
    file["questions"].as_array_mut().unwrap().extend(chain);
    let error = Definition::load(&file.to_string()).expect_err("a chain that reads later questions is rejected");
    let later: Vec<_> = error.problems().iter().filter(|problem| problem.message.contains("comes later")).collect();
    let shown = prescreen::engine::limits::PROBLEMS;
    assert_eq!(later.len(), shown, "one problem per link, up to the limit");
    let rest = error.problems().last().map(|problem| problem.message.clone()).unwrap_or_default();
    // One problem per link, and one for the chain's first question, which no rule reads.
    assert_eq!(rest, format!("… and {} more problems", (LENGTH - 1) + 1 - shown));
    let first = file["questions"].as_array().unwrap().len() - LENGTH;
    assert_eq!(later[0].path, format!("questions[{first}].visible_when.question"));
}

#[test]
fn registry_limits_must_be_what_the_rules_apply() {
    check(
        "ages_not_what_the_rules_apply",
        &[
            (
                "trial.ages",
                "the registry's limits are 18 to 70 years, but an age of 70 rules a patient out by the rules that read question \"age_years\"",
            ),
        ],
    );
    check(
        "sex_not_what_the_rules_apply",
        &[("trial.sex", "the registry takes sex \"female\", but the answer \"male\" to question \"sex\" does not rule a patient out")],
    );
}

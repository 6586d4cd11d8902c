//! Definitions and answers files written by someone hostile: a generated corpus, one case per class
//! of attack, each with the exact problems it must get (path and message); the algorithmic bound on
//! loading, counted rather than timed; and a property test that no byte string makes the loader
//! panic or write more than a bounded list of problems.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on broken fixtures.

#[path = "../benches/support/chain.rs"]
mod chain;

use prescreen::engine::{limits, Definition, Limits, Problem};
use proptest::prelude::*;
use serde_json::{json, Value};

fn minimal() -> Value {
    serde_json::from_str(include_str!("definitions/minimal.json")).unwrap()
}

fn problems_of(text: &str) -> Vec<(String, String)> {
    match Definition::load(text) {
        Ok(_) => panic!("loaded, but should have been rejected"),
        Err(error) => {
            error.problems().iter().map(|Problem { path, message }| (path.clone(), message.clone())).collect()
        }
    }
}

fn problems_with(change: impl FnOnce(&mut Value)) -> Vec<(String, String)> {
    let mut file = minimal();
    change(&mut file);
    problems_of(&file.to_string())
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected.iter().map(|(path, message)| ((*path).to_owned(), (*message).to_owned())).collect()
}

#[test]
fn a_key_given_twice_is_refused_wherever_it_is() {
    // "op" twice: a reviewer reads the first, a parser that kept the last would apply the other.
    let text = minimal().to_string().replacen(r#""op":"between""#, r#""op":"between","op":">=""#, 1);
    assert_eq!(problems_of(&text), pairs(&[("criteria[0].rule.op", "is given 2 times: give it once")]));
    let text = minimal().to_string().replacen(r#""value":50"#, r#""value":50,"value":5"#, 1);
    assert_eq!(problems_of(&text), pairs(&[("criteria[1].rule.value", "is given 2 times: give it once")]));
    let text = minimal().to_string().replacen(r#""rule":{"#, r#""rule":{"constant":true},"rule":{"#, 1);
    assert_eq!(problems_of(&text), pairs(&[("criteria[0].rule", "is given 2 times: give it once")]));
    let text =
        minimal().to_string().replacen(r#""en":"An example trial""#, r#""en":"An example trial","en":"Another""#, 1);
    assert_eq!(problems_of(&text), pairs(&[("trial.plain_title.en", "is given 2 times: give it once")]));
}

#[test]
fn a_key_given_twice_in_an_answers_file_is_refused() {
    let definition = Definition::seed();
    let errors = definition.read_answers_text(br#"{"age_years": 45, "age_years": 80}"#).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].to_string(), "age_years: given more than once; give it once");
    let errors =
        definition.read_answers_text(br#"{"alt": {"value": 30, "value": 300, "upper_limit": 40}}"#).unwrap_err();
    assert_eq!(errors[0].to_string(), "alt: expected {\"value\": number, \"upper_limit\": number}");
}

#[test]
fn sizes_counts_and_nesting_have_limits() {
    let long = "x".repeat(limits::STRING_CHARS + 1);
    assert_eq!(
        problems_with(|file| file["trial"]["title"] = long.clone().into()),
        pairs(&[("trial.title", "is 10001 characters long; at most 10000 are allowed")])
    );
    let huge = format!("{{\"padding\": \"{}\"}}", "x".repeat(limits::DEFINITION_BYTES));
    assert_eq!(
        problems_of(&huge),
        pairs(&[("", "the file is 1,048,591 bytes; a definition file may be at most 1,048,576 bytes")])
    );
    let deep = format!("{}{}", "[".repeat(1_000_000), "]".repeat(1_000_000));
    assert_eq!(
        Definition::load_within(&deep, Limits { definition_bytes: usize::MAX, ..Limits::STANDARD })
            .unwrap_err()
            .problems()
            .iter()
            .map(|problem| problem.message.clone())
            .collect::<Vec<_>>(),
        ["not valid JSON at line 1 column 128: recursion limit exceeded"]
    );
    let choices: Vec<Value> = (0..=limits::CHOICES).map(|index| json!({ "id": format!("c{index}") })).collect();
    assert_eq!(
        problems_with(|file| file["questions"][1]["choices"] = choices.into()),
        pairs(&[("questions[1].choices", "lists 101 items; at most 100 are allowed")])
    );
}

#[test]
fn numbers_that_cannot_be_exact_are_explained() {
    assert_eq!(
        problems_with(|file| file["questions"][3]["max"] = json!(1e300)),
        pairs(&[("questions[3].max", "must be a number with at most 9 digits before and 6 after the point")])
    );
    let text = minimal().to_string().replacen(r#""max":90"#, r#""max":1e400"#, 1);
    assert!(text.contains("1e400"));
    let found = problems_of(&text);
    assert_eq!(found.len(), 1);
    assert!(found[0].1.starts_with("not valid JSON at line 1 column"), "{found:?}");
    assert!(found[0].1.ends_with("number out of range"), "{found:?}");
}

#[test]
fn text_from_the_file_is_echoed_short_and_harmless() {
    // A field name that would set a terminal's title and clear its screen, and a right-to-left override.
    let found = problems_with(|file| {
        file["trial"]["\u{1b}]0;pwned\u{7}\u{1b}[2J"] = json!(1);
        file["questions"][0]["kind"] = json!("age\u{202e}txt.exe");
    });
    assert_eq!(
        found,
        pairs(&[
            ("trial.\\u{001b}]0;pwned\\u{0007}\\u{001b}[2J", "unknown field"),
            (
                "questions[0].kind",
                "unknown kind \"age\\u{202e}txt.exe\"; use yes_no, single_choice, multiple_choice, number, age, against_upper_limit, against_reference_range or date",
            ),
        ])
    );
    let long_name = "n".repeat(100_000);
    let found = problems_with(|file| file["trial"][long_name.as_str()] = json!(1));
    assert_eq!(found, pairs(&[(&format!("trial.{}…", "n".repeat(limits::ECHO_CHARS)), "unknown field")]));
}

#[test]
fn invisible_text_is_empty() {
    assert_eq!(
        problems_with(|file| file["questions"][0]["text"]["en"] = json!("\u{200b}\u{200b} \u{feff}")),
        pairs(&[("questions[0].text.en", "must not be empty")])
    );
}

#[test]
fn the_problem_list_is_capped() {
    let found = problems_with(|file| {
        for index in 0..40_000 {
            file["trial"][format!("extra_{index}")] = json!(1);
        }
    });
    assert_eq!(found.len(), limits::PROBLEMS + 1);
    assert_eq!(found.last().unwrap(), &(String::new(), "… and 39,900 more problems".to_owned()));
}

#[test]
fn ids_that_have_a_meaning_are_reserved() {
    assert_eq!(
        problems_with(|file| file["questions"][1]["choices"][1]["id"] = json!("unknown")),
        pairs(&[(
            "questions[1].choices[1].id",
            "\"unknown\" is reserved: it is how answers files and the widget write \"I don't know\"; choose another id",
        )])
    );
    let found = problems_with(|file| {
        file["questions"][2]["id"] = json!("answers");
        file["criteria"][2]["rule"]["all"][1]["question"] = json!("answers");
    });
    assert_eq!(
        found,
        pairs(&[(
            "questions[2].id",
            "\"answers\" is reserved: the saved-answers file uses it as a key; choose another id"
        )])
    );
}

#[test]
fn identifiers_and_contacts_are_strict() {
    let found = problems_with(|file| {
        file["trial"]["id"] = json!("../../etc/passwd");
        file["trial"]["contacts"][0]["email"] =
            json!("trial@x.org?bcc=tracker@evil.example&subject=I%20am%20a%20patient");
        file["trial"]["contacts"][0]["phone"] = json!("call us now");
    });
    assert_eq!(
        found,
        pairs(&[
            (
                "trial.id",
                "\"../../etc/passwd\" must be 1 to 64 lower-case letters, digits and hyphens, starting with a letter or digit: it names the patient's saved file",
            ),
            (
                "trial.contacts[0].email",
                // Quoted at most 60 characters long.
                "\"trial@x.org?bcc=tracker@evil.example&subject=I%20am%20a%20pa…\" is not a plain email address (name@domain.example, with letters, digits and . _ + - only)",
            ),
            ("trial.contacts[0].phone", "\"call us now\" is not a phone number (digits, spaces and + - ( ) . only, with 3 to 20 digits)"),
        ])
    );
    let definition = Definition::load(&minimal().to_string()).unwrap();
    assert_eq!(definition.trial.contacts[0].mailto().as_deref(), Some("mailto:nurse@example.org"));
}

#[test]
fn byte_order_marks_and_encodings() {
    let text = minimal().to_string();
    let with_mark = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    assert!(Definition::load_bytes(&with_mark).is_ok(), "a UTF-8 byte-order mark is allowed");
    assert!(Definition::load(&format!("\u{feff}{text}")).is_ok());
    let mut latin1 = b"{\n  \"format\": \"prescreen-trial/1\",\n  \"note\": \"caf".to_vec();
    latin1.extend_from_slice(b"\xE9\"\n}");
    let error = Definition::load_bytes(&latin1).unwrap_err();
    assert_eq!(
        error.problems()[0].message,
        "not UTF-8 text: the byte at line 3 column 15 is not valid UTF-8; save the file as UTF-8"
    );
}

#[test]
fn whole_years_may_be_written_with_a_point() {
    let definition = Definition::seed();
    let (answers, _) = definition.read_answers_text(br#"{"age_years": 45.0}"#).unwrap();
    assert_eq!(answers.len(), 1);
    assert!(definition.read_answers_text(br#"{"age_years": 45.5}"#).is_err());
}

/// The chain of issue 12 (each question shown only after the one before, every criterion reading
/// the last) once built indexes of questions × criteria entries. Counted, not timed: the indexes
/// must grow with the file.
#[test]
fn loading_work_grows_with_the_file_not_its_square() {
    let lifted = Limits { definition_bytes: usize::MAX, questions: usize::MAX, criteria: usize::MAX };
    for length in [500, 2_000] {
        let definition = Definition::load_within(&chain::chain(length), lifted).unwrap();
        assert!(
            definition.index_entries() <= 4 * length,
            "{length} questions: {} index entries (the old indexes held {})",
            definition.index_entries(),
            length * length
        );
    }
}

/// Answers are looked up by key: 10,000 unknown question ids (as many as fit the 256 KiB an
/// answers file may have) are each reported (the old search went through every question for each).
#[test]
fn answers_are_looked_up_by_key() {
    let definition = Definition::seed();
    let entries: Vec<String> = (0..10_000).map(|index| format!("\"q{index}\": true")).collect();
    let errors = definition.read_answers_text(format!("{{{}}}", entries.join(",")).as_bytes()).unwrap_err();
    assert_eq!(errors.len(), 10_000);
    let too_many: Vec<String> = (0..30_000).map(|index| format!("\"q{index}\": true")).collect();
    let errors = definition.read_answers_text(format!("{{{}}}", too_many.join(",")).as_bytes()).unwrap_err();
    let message = errors[0].to_string();
    assert!(message.starts_with("the file is 438,891 bytes"), "{message}");
    assert!(message.ends_with("; an answers file may be at most 262,144 bytes"), "{message}");
}

/// The longest the problem list can be, whatever the input: 101 problems, each a path of at most
/// 200 and a message of at most 500 characters (escapes included), plus the heading.
const MOST_PROBLEM_BYTES: usize = 101 * (200 + 500 + 8) * 4 + 64;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_bytes_load_or_give_bounded_problems(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        if let Err(error) = Definition::load_bytes(&bytes) {
            prop_assert!(error.to_string().len() <= MOST_PROBLEM_BYTES);
        }
    }

    /// Mutations of a valid definition (a byte changed, a range dropped or repeated) exercise the
    /// loader past the JSON parser.
    #[test]
    fn mutated_definitions_load_or_give_bounded_problems(
        position in 0usize..4000,
        byte in any::<u8>(),
        length in 0usize..400,
        repeat in 0usize..50,
    ) {
        let text = include_str!("definitions/minimal.json").as_bytes();
        let position = position % text.len();
        let end = (position + length).min(text.len());
        let mut changed = text[..position].to_vec();
        changed.push(byte);
        for _ in 0..repeat {
            changed.extend_from_slice(&text[position..end]);
        }
        changed.extend_from_slice(&text[end..]);
        if let Err(error) = Definition::load_bytes(&changed) {
            prop_assert!(error.to_string().len() <= MOST_PROBLEM_BYTES);
            prop_assert!(error.problems().len() <= limits::PROBLEMS + 1);
        }
    }
}

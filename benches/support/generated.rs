//! Generated definitions for the scale benchmarks (`benches/engine.rs`, `examples/scale.rs`): a
//! portal screening for many trials at once has hundreds of questions and criteria.

use prescreen::engine::{Answer, Answers, Definition};
use serde_json::{json, Value};

/// A definition with `questions` yes/no and number questions and `criteria` criteria, each reading
/// a few questions, with every tenth question shown only after the one before it.
pub fn generated(questions: usize, criteria: usize) -> String {
    let text = |words: String| json!({ "en": words });
    let question_list: Vec<Value> = (0..questions)
        .map(|index| {
            let mut question = if index.is_multiple_of(2) {
                json!({"id": format!("q{index}"), "kind": "yes_no", "allow_unknown": true})
            } else {
                json!({"id": format!("q{index}"), "kind": "number", "quantity": "percentage", "units": ["%"], "min": 0, "max": 100, "allow_unknown": true})
            };
            question["text"] = text(format!("Question {index}?"));
            question["caregiver_text"] = text(format!("Question {index} for the patient?"));
            if index % 10 == 9 {
                question["visible_when"] = json!({"question": format!("q{}", index - 2), "op": ">", "value": 50, "unit": "%"});
            }
            question
        })
        .collect();
    let comparison = |index: usize| {
        if index.is_multiple_of(2) {
            json!({"question": format!("q{index}"), "op": "equals", "value": true})
        } else {
            json!({"question": format!("q{index}"), "op": ">=", "value": 40, "unit": "%"})
        }
    };
    let criterion_list: Vec<Value> = (0..criteria)
        .map(|index| {
            // Every question is read by some criterion; each criterion reads three.
            let reads: Vec<Value> = (0..3).map(|offset| comparison((index * 3 + offset) % questions)).collect();
            json!({
                "id": format!("c{index}"), "kind": if index % 4 == 3 { "exclusion" } else { "inclusion" }, "number": index + 1,
                "registry_text": format!("Criterion {index}"), "summary": text(format!("Criterion {index}")),
                "rule": if index % 4 == 3 { json!({"all": reads}) } else { json!({"any": reads}) },
            })
        })
        .collect();
    json!({
        "format": "prescreen-trial/1", "languages": ["en"],
        "trial": {"id": "generated", "title": "Generated", "plain_title": text("Generated".into()), "sponsor": "Benchmark",
            "registry_id": "NONE", "condition": text("None".into()), "definition_version": "1", "definition_date": "2026-11-25",
            "source": "generated", "ages": {"min_years": 0}, "sex": "all", "contacts": []},
        "questions": question_list,
        "criteria": criterion_list,
    })
    .to_string()
}

/// A generated definition with its first half of questions answered "I don't know".
pub fn half_answered(questions: usize, criteria: usize) -> (Definition, Answers) {
    let Ok(definition) = Definition::load(&generated(questions, criteria)) else {
        panic!("the generated {questions}-question definition loads");
    };
    let mut answers = Answers::default();
    for question in definition.questions.iter().take(questions / 2) {
        answers.set(question.id.clone(), Answer::DoNotKnow);
    }
    (definition, answers)
}

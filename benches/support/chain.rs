//! The hostile "chain" definition from issue 12: `length` yes/no questions, each shown only after
//! the one before it is answered yes, and `length` criteria that all read the last question. Loading
//! it once took time that grew with the square of its length.

use serde_json::{json, Value};

pub fn chain(length: usize) -> String {
    let text = json!({ "en": "Question?" });
    let questions: Vec<Value> = (0..length)
        .map(|index| {
            let mut question =
                json!({ "id": format!("q{index}"), "kind": "yes_no", "text": text, "caregiver_text": text });
            if index > 0 {
                question["visible_when"] =
                    json!({ "question": format!("q{}", index - 1), "op": "equals", "value": true });
            }
            question
        })
        .collect();
    let criteria: Vec<Value> = (0..length)
        .map(|index| {
            json!({ "id": format!("c{index}"), "kind": "inclusion", "number": index + 1, "registry_text": "Criterion",
                "summary": { "en": "Criterion" }, "rule": { "question": format!("q{}", length - 1), "op": "equals", "value": true } })
        })
        .collect();
    json!({
        "format": "prescreen-trial/1", "languages": ["en"],
        "trial": { "id": "chain", "title": "Chain", "plain_title": { "en": "Chain" }, "sponsor": "Benchmark",
            "registry_id": "NONE", "condition": { "en": "None" }, "definition_version": "1", "definition_date": "2026-11-27",
            "source": "generated", "ages": { "min_years": 0 }, "sex": "all", "contacts": [] },
        "questions": questions,
        "criteria": criteria,
    })
    .to_string()
}

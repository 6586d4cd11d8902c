//! Benchmark (not a test): how loading a definition and re-evaluating after an answer grow with the
//! size of the definition. Generates definitions of 10, 100 and 1 000 questions, and the
//! 500-question, 300-criterion portal case, and prints median times.
//!
//!     cargo run --release --example scale

use prescreen::engine::{Answer, Answers, Definition};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// A definition with `questions` yes/no and number questions and `criteria` criteria, each reading
/// a few questions, with every tenth question shown only after the one before it.
fn generated(questions: usize, criteria: usize) -> String {
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
            "source": "generated", "ages": {"min_years": 0, "max_years": 120}, "sex": "all", "contacts": []},
        "questions": question_list,
        "criteria": criterion_list,
    })
    .to_string()
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    println!("| questions | criteria | file bytes | load (median) | evaluate after one answer (median) |");
    println!("|---:|---:|---:|---:|---:|");
    let sizes = [(10, 6), (100, 60), (500, 300), (1000, 600)];
    for (questions, criteria) in sizes {
        let file = generated(questions, criteria);
        let mut load_times = Vec::new();
        let mut definition = None;
        for _ in 0..21 {
            let started = Instant::now();
            let loaded = Definition::load(&file);
            load_times.push(started.elapsed());
            definition = Some(loaded.unwrap_or_else(|error| panic!("generated definition is valid: {error}")));
        }
        let Some(definition) = definition else { return };
        // Answer half the questions, then time the evaluation that follows each further answer.
        let mut answers = Answers::default();
        for question in definition.questions.iter().take(questions / 2) {
            answers.set(question.id.clone(), Answer::DoNotKnow);
        }
        let mut evaluate_times = Vec::new();
        for question in definition.questions.iter().skip(questions / 2).take(51) {
            answers.set(question.id.clone(), Answer::DoNotKnow);
            let started = Instant::now();
            let evaluation = definition.evaluate(&answers);
            evaluate_times.push(started.elapsed());
            std::hint::black_box(evaluation);
        }
        println!(
            "| {questions} | {criteria} | {} | {:.3} ms | {:.3} ms |",
            file.len(),
            median(load_times).as_secs_f64() * 1000.0,
            median(evaluate_times).as_secs_f64() * 1000.0
        );
    }
    let seed = prescreen::engine::SEED_DEFINITION;
    let started = Instant::now();
    let definition = Definition::seed();
    let load = started.elapsed();
    let started = Instant::now();
    std::hint::black_box(definition.evaluate(&Answers::default()));
    println!(
        "\nSeed trial ({} bytes, {} questions, {} criteria): load {:.3} ms, evaluate {:.3} ms (single run, native).",
        seed.len(),
        definition.questions.len(),
        definition.criteria.len(),
        load.as_secs_f64() * 1000.0,
        started.elapsed().as_secs_f64() * 1000.0
    );
}

//! Benchmark (not a test): how loading a definition and re-evaluating after an answer grow with the
//! size of the definition. Generates definitions of 10, 100 and 1 000 questions, and the
//! 500-question, 300-criterion portal case, and prints median times.
//!
//!     cargo run --release --example scale
//!     cargo run --release --example scale -- --write DIR   # also writes generated-N.json files
//!                                                          # for the browser benchmark

#[path = "../benches/support/generated.rs"]
mod generated;

use generated::{generated, half_answered};
use prescreen::engine::{Answer, Answers, Definition};
use std::time::{Duration, Instant};

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let arguments: Vec<String> = std::env::args().collect();
    let write_to =
        arguments.iter().position(|argument| argument == "--write").and_then(|index| arguments.get(index + 1));
    println!("| questions | criteria | file bytes | load | full evaluation after one answer | re-evaluating what the answer touches |");
    println!("|---:|---:|---:|---:|---:|---:|");
    let sizes = [(10, 6), (100, 60), (500, 300), (1000, 600)];
    for (questions, criteria) in sizes {
        let file = generated(questions, criteria);
        if let Some(folder) = write_to {
            let path = std::path::Path::new(folder).join(format!("generated-{questions}.json"));
            std::fs::create_dir_all(folder).and_then(|()| std::fs::write(&path, &file)).unwrap_or_else(|error| {
                panic!("cannot write {}: {error}", path.display());
            });
        }
        let mut load_times = Vec::new();
        for _ in 0..21 {
            let started = Instant::now();
            std::hint::black_box(Definition::load(&file)).ok();
            load_times.push(started.elapsed());
        }
        // Answer half the questions, then time what follows each further answer: a full evaluation,
        // and the in-place update the widget uses. Medians.
        let (definition, mut answers) = half_answered(questions, criteria);
        let mut evaluate_times = Vec::new();
        let mut update_times = Vec::new();
        let mut evaluation = definition.evaluate(&answers);
        for (index, question) in definition.questions.iter().enumerate().skip(questions / 2).take(51) {
            answers.set(question.id.clone(), Answer::DoNotKnow);
            let started = Instant::now();
            std::hint::black_box(definition.evaluate(&answers));
            evaluate_times.push(started.elapsed());
            let started = Instant::now();
            definition.reevaluate(&mut evaluation, &answers, index);
            update_times.push(started.elapsed());
        }
        println!(
            "| {questions} | {criteria} | {} | {:.3} ms | {:.4} ms | {:.4} ms |",
            file.len(),
            median(load_times).as_secs_f64() * 1000.0,
            median(evaluate_times).as_secs_f64() * 1000.0,
            median(update_times).as_secs_f64() * 1000.0
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

//! Native micro-benchmarks of the engine (criterion): loading and evaluating the seed trial and
//! generated definitions of growing size. Prints figures; nothing here is a pass/fail threshold.
//!
//!     cargo bench --bench engine
//!     cargo bench --bench engine -- seed      # only the seed trial

mod support;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use prescreen::engine::{Answer, Answers, Definition, SEED_DEFINITION};
use std::hint::black_box;
use support::generated::{generated, half_answered};

/// The definition sizes of the scale table: questions and criteria.
const SIZES: [(usize, usize); 4] = [(10, 6), (100, 60), (500, 300), (1000, 600)];

fn seed(c: &mut Criterion) {
    let definition = Definition::seed();
    let case: serde_json::Value =
        serde_json::from_str(include_str!("../tests/seed_cases/eligible_woman.json")).unwrap_or_default();
    let answered = definition.parse_answers(&case["answers"]).unwrap_or_default();
    assert!(!answered.is_empty(), "the seed case's answers parse");

    c.bench_function("seed/load (parse and check)", |b| b.iter(|| Definition::load(black_box(SEED_DEFINITION))));
    c.bench_function("seed/evaluate, nothing answered", |b| {
        b.iter(|| definition.evaluate(black_box(&Answers::default())))
    });
    c.bench_function("seed/evaluate, every question answered", |b| {
        b.iter(|| definition.evaluate(black_box(&answered)))
    });
}

fn generated_definitions(c: &mut Criterion) {
    let mut load = c.benchmark_group("generated/load");
    for (questions, criteria) in SIZES {
        let file = generated(questions, criteria);
        load.bench_with_input(BenchmarkId::from_parameter(format!("{questions}q-{criteria}c")), &file, |b, file| {
            b.iter(|| Definition::load(black_box(file)))
        });
    }
    load.finish();

    // Half the questions answered; the figure is one further answer and a full evaluation after it.
    let mut answer = c.benchmark_group("generated/answer and evaluate");
    for (questions, criteria) in SIZES {
        let (definition, mut answers) = half_answered(questions, criteria);
        let next = definition.questions[questions / 2].id.clone();
        answer.bench_function(BenchmarkId::from_parameter(format!("{questions}q-{criteria}c")), |b| {
            b.iter(|| {
                answers.set(next.clone(), Answer::DoNotKnow);
                let evaluation = definition.evaluate(black_box(&answers));
                answers.remove(next.as_str());
                evaluation
            })
        });
    }
    answer.finish();

    // The same answer with the evaluation updated in place from what it touches, which is what the
    // widget does; each iteration is two updates (the answer, then taking it back).
    let mut update = c.benchmark_group("generated/answer and re-evaluate what it touches");
    for (questions, criteria) in SIZES {
        let (definition, mut answers) = half_answered(questions, criteria);
        let mut evaluation = definition.evaluate(&answers);
        let next = questions / 2;
        let id = definition.questions[next].id.clone();
        update.bench_function(BenchmarkId::from_parameter(format!("{questions}q-{criteria}c")), |b| {
            b.iter(|| {
                answers.set(id.clone(), Answer::DoNotKnow);
                definition.reevaluate(&mut evaluation, black_box(&answers), next);
                answers.remove(id.as_str());
                definition.reevaluate(&mut evaluation, black_box(&answers), next);
            })
        });
    }
    update.finish();
}

criterion_group!(benches, seed, generated_definitions);
criterion_main!(benches);

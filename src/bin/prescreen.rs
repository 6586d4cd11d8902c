//! `prescreen`: the coordinators' command-line tool. Checks a trial definition file and evaluates
//! an answers file against it, with the same engine the widget runs in the browser.

use prescreen::engine::{echo, CriterionKind, Definition, Evaluation};
use serde_json::{json, Value};
use std::process::ExitCode;

const USAGE: &str = "usage:
  prescreen check FILE            check a trial definition; lists every problem
  prescreen eval FILE ANSWERS     print the outcome for an answers file as JSON
  FILE may be `seed` for the compiled-in seed trial. ANSWERS is an answers object
  ({\"question_id\": answer}) or a file saved with the widget's \"Download my answers\".";

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let result = match arguments.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["check", file] => check(file),
        ["eval", file, answers] => eval(file, answers),
        ["--help" | "-h" | "help"] => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("{USAGE}\n")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprint!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn read(path: &str) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|error| format!("cannot read {path}: {error}\n"))
}

fn load(path: &str) -> Result<Definition, String> {
    let loaded = if path == "seed" {
        Definition::load(prescreen::engine::SEED_DEFINITION)
    } else {
        Definition::load_bytes(&read(path)?)
    };
    loaded.map_err(|error| format!("{path}: {error}"))
}

fn check(path: &str) -> Result<(), String> {
    let definition = load(path)?;
    println!(
        "{path}: ok: {} questions, {} criteria ({} inclusion, {} exclusion)",
        definition.questions.len(),
        definition.criteria.len(),
        definition.criteria.iter().filter(|criterion| criterion.kind == CriterionKind::Inclusion).count(),
        definition.criteria.iter().filter(|criterion| criterion.kind == CriterionKind::Exclusion).count(),
    );
    Ok(())
}

fn eval(definition_path: &str, answers_path: &str) -> Result<(), String> {
    let definition = load(definition_path)?;
    let (answers, envelope) = definition.read_answers_text(&read(answers_path)?).map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(|error| format!("  {error}\n")).collect();
        format!("{answers_path}: {} problem(s) with the answers:\n{}", errors.len(), lines.concat())
    })?;
    if let Some(saved) = envelope.filter(|saved| saved.definition_version != definition.trial.definition_version) {
        eprintln!(
            "{answers_path}: note: the answers were given to version {} of the definition; this is version {}",
            echo(&saved.definition_version),
            definition.trial.definition_version
        );
    }
    let evaluation = definition.evaluate(&answers);
    let pretty = serde_json::to_string_pretty(&evaluation_json(&evaluation))
        .map_err(|error| format!("cannot write the result: {error}\n"))?;
    println!("{pretty}");
    Ok(())
}

fn evaluation_json(evaluation: &Evaluation) -> Value {
    let criteria: Vec<Value> = evaluation
        .criteria
        .iter()
        .map(|result| json!({"id": result.id.as_str(), "kind": result.kind.id(), "status": result.status.id()}))
        .collect();
    let unknown: Vec<&str> = evaluation.unknown().map(|id| id.as_str()).collect();
    json!({"outcome": evaluation.outcome.id(), "criteria": criteria, "unknown": unknown})
}

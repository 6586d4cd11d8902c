//! `prescreen`: the coordinators' command-line tool. Checks a trial definition file, evaluates an
//! answers file against it with the same engine the widget runs in the browser, and drafts a
//! definition from a ClinicalTrials.gov record.

use prescreen::engine::{
    echo, read_catalogue, Answers, CalendarDate, Catalogue, CriterionKind, Decided, Definition, Entry, Evaluation,
    Json, Status, TrialSource, CATALOGUE_FORMAT,
};
use serde_json::{json, Value};
use std::process::ExitCode;

const USAGE: &str = "usage:
  prescreen check FILE                       check a trial definition; lists every problem
  prescreen eval FILE ANSWERS [--today DATE] print the outcome for an answers file as JSON
  prescreen import RECORD [--today DATE]     print a draft definition for a ClinicalTrials.gov
                                             API v2 study record (JSON), every criterion left
                                             to the study team
  FILE may be `seed` for the compiled-in seed trial, or a catalogue of trials
  (\"format\": \"prescreen-catalogue/1\"), whose trials are checked together and each evaluated
  on the one set of answers. ANSWERS is an answers object
  ({\"question_id\": answer}) or a file saved with the widget's \"Download my answers\".
  DATE (YYYY-MM-DD) is the day the answers were given, which date windows count back from: by
  default the day a saved file was saved, or else today.";

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let result = run(&arguments.iter().map(String::as_str).collect::<Vec<_>>());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprint!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn run(arguments: &[&str]) -> Result<(), String> {
    let (today, arguments) = match arguments {
        [rest @ .., "--today", date] => {
            let today = CalendarDate::parse(date)
                .ok_or_else(|| format!("--today \"{}\" is not a date written YYYY-MM-DD\n", echo(date)))?;
            (Some(today), rest)
        }
        rest => (None, rest),
    };
    match arguments {
        ["check", file] if today.is_none() => check(file),
        ["eval", file, answers] => eval(file, answers, today),
        ["import", record] => import(record, today),
        ["--help" | "-h" | "help"] => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("{USAGE}\n")),
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

/// Today's date from the system clock (UTC).
fn system_today() -> CalendarDate {
    let seconds =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |elapsed| elapsed.as_secs());
    CalendarDate::from_days(i64::try_from(seconds / 86_400).unwrap_or(0))
}

/// Whether the file at `path` is a catalogue of trials rather than one definition.
fn is_catalogue(path: &str) -> Result<bool, String> {
    if path == "seed" {
        return Ok(false);
    }
    let bytes = read(path)?;
    let text = String::from_utf8_lossy(&bytes);
    Ok(Json::parse(text.trim_start_matches('\u{FEFF}'))
        .ok()
        .is_some_and(|json| json.get("format").and_then(Json::as_str) == Some(CATALOGUE_FORMAT)))
}

/// A catalogue and its trials, each file read relative to the catalogue's folder.
fn load_catalogue(path: &str) -> Result<Catalogue, String> {
    let entries = read_catalogue(&read(path)?).map_err(|error| format!("{path}: {error}"))?;
    let folder = std::path::Path::new(path).parent().unwrap_or(std::path::Path::new("."));
    let sources = entries
        .into_iter()
        .map(|entry| match entry {
            Entry::Inline(json) => TrialSource::Inline(json),
            Entry::Url(file) => match std::fs::read(folder.join(&file)) {
                Ok(bytes) => TrialSource::Bytes(bytes),
                Err(error) => TrialSource::Unavailable(format!("cannot read {}: {error}", echo(&file))),
            },
        })
        .collect();
    Catalogue::load(sources).map_err(|error| format!("{path}: {error}"))
}

fn check(path: &str) -> Result<(), String> {
    if is_catalogue(path)? {
        let catalogue = load_catalogue(path)?;
        let separately: usize = catalogue.trials.iter().map(|trial| trial.questions.len()).sum();
        println!(
            "{path}: ok: {} trials, {} questions in all ({separately} if each trial asked its own)",
            catalogue.trials.len(),
            catalogue.questions.len()
        );
        for trial in &catalogue.trials {
            println!(
                "  {} ({}): {} questions, {} criteria",
                trial.trial.id,
                trial.trial.registry_id,
                trial.questions.len(),
                trial.criteria.len()
            );
        }
        return Ok(());
    }
    let definition = load(path)?;
    let of_kind = |kind: CriterionKind| definition.criteria.iter().filter(|criterion| criterion.kind == kind).count();
    let decided = |how: Decided| definition.criteria.iter().filter(|criterion| criterion.decided() == how).count();
    println!(
        "{path}: ok: {} questions, {} criteria ({} inclusion, {} exclusion): {} decided by rules, {} partly and {} wholly left to the study team",
        definition.questions.len(),
        definition.criteria.len(),
        of_kind(CriterionKind::Inclusion),
        of_kind(CriterionKind::Exclusion),
        decided(Decided::ByRules),
        decided(Decided::Partly),
        decided(Decided::ByStudyTeam),
    );
    Ok(())
}

fn eval(definition_path: &str, answers_path: &str, today: Option<CalendarDate>) -> Result<(), String> {
    if is_catalogue(definition_path)? {
        return eval_catalogue(definition_path, answers_path, today);
    }
    let definition = load(definition_path)?;
    let (mut answers, envelope) =
        definition.read_answers_text(&read(answers_path)?).map_err(|errors| answer_problems(answers_path, &errors))?;
    if let Some(saved) = envelope.filter(|saved| saved.definition_version != definition.trial.definition_version) {
        eprintln!(
            "{answers_path}: note: the answers were given to version {} of the definition; this is version {}",
            echo(&saved.definition_version),
            definition.trial.definition_version
        );
    }
    set_today(&mut answers, today);
    let evaluation = definition.evaluate(&answers);
    let pretty = serde_json::to_string_pretty(&evaluation_json(&definition, &evaluation, &answers))
        .map_err(|error| format!("cannot write the result: {error}\n"))?;
    println!("{pretty}");
    Ok(())
}

/// A saved file carries the day it was saved; `--today` overrides it, and the clock comes last.
fn set_today(answers: &mut Answers, today: Option<CalendarDate>) {
    answers.set_today(today.or(answers.today()).unwrap_or_else(system_today));
}

fn answer_problems(path: &str, errors: &[prescreen::engine::AnswerError]) -> String {
    let lines: Vec<String> = errors.iter().map(|error| format!("  {error}\n")).collect();
    format!("{path}: {} problem(s) with the answers:\n{}", errors.len(), lines.concat())
}

/// Each trial's outcome on one set of answers, as a portal shows them.
fn eval_catalogue(catalogue_path: &str, answers_path: &str, today: Option<CalendarDate>) -> Result<(), String> {
    let catalogue = load_catalogue(catalogue_path)?;
    let bytes = read(answers_path)?;
    let text = String::from_utf8_lossy(&bytes);
    let json = Json::parse(text.trim_start_matches('\u{FEFF}'))
        .map_err(|error| format!("{answers_path}: not valid JSON: {}\n", echo(&error.to_string())))?;
    let mut answers = catalogue.parse_answers_json(&json).map_err(|errors| answer_problems(answers_path, &errors))?;
    set_today(&mut answers, today);
    let evaluations = catalogue.evaluate(&answers);
    let trials: Vec<Value> = catalogue
        .trials
        .iter()
        .zip(&evaluations)
        .map(|(trial, evaluation)| {
            let mut result = evaluation_json(trial, evaluation, &answers);
            result["trial"] = Value::from(trial.trial.id.as_str());
            result["registry_id"] = Value::from(trial.trial.registry_id.as_str());
            result
        })
        .collect();
    let output = json!({"today": answers.today().map(|today| today.to_string()), "trials": trials});
    let pretty =
        serde_json::to_string_pretty(&output).map_err(|error| format!("cannot write the result: {error}\n"))?;
    println!("{pretty}");
    Ok(())
}

fn evaluation_json(definition: &Definition, evaluation: &Evaluation, answers: &prescreen::engine::Answers) -> Value {
    let criteria: Vec<Value> = definition
        .criteria
        .iter()
        .zip(&evaluation.criteria)
        .map(|(criterion, result)| {
            let mut entry = json!({
                "id": result.id.as_str(),
                "label": criterion.label,
                "kind": result.kind.id(),
                "status": result.status.id(),
            });
            if !criterion.parts.is_empty() {
                entry["parts"] = criterion
                    .parts
                    .iter()
                    .zip(&result.parts)
                    .map(|(part, status)| json!({"label": part.label, "status": status.id()}))
                    .collect();
            }
            entry
        })
        .collect();
    let items = |status: Status| -> Vec<String> {
        definition.items_with_status(evaluation, status).into_iter().map(|item| item.label).collect()
    };
    let derived: Vec<Value> = (0..definition.derived.len())
        .filter_map(|index| {
            let interval = definition.derived_now(index, evaluation, answers)?;
            let derived = &definition.derived[index];
            Some(json!({
                "id": derived.id,
                "least": interval.least.rounded(6).trim_end_matches('0').trim_end_matches('.'),
                "greatest": interval.greatest.rounded(6).trim_end_matches('0').trim_end_matches('.'),
                "unit": derived.formula.unit().id(),
            }))
        })
        .collect();
    json!({
        "outcome": evaluation.outcome.id(),
        "today": answers.today().map(|today| today.to_string()),
        "criteria": criteria,
        "unknown": items(Status::Unknown),
        "study_team_checks": items(Status::StudyTeamChecks),
        "derived": derived,
    })
}

fn import(record_path: &str, today: Option<CalendarDate>) -> Result<(), String> {
    let bytes = read(record_path)?;
    let record: Value = serde_json::from_slice(&bytes)
        .map_err(|error| format!("{record_path}: not valid JSON: {}\n", echo(&error.to_string())))?;
    let today = today.unwrap_or_else(system_today).to_string();
    let draft =
        prescreen::import::draft_from_record(&record, &today).map_err(|error| format!("{record_path}: {error}\n"))?;
    print!("{draft}");
    Ok(())
}

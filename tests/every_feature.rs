//! The format's features at their limits, through `tests/definitions/every-feature.json`: date
//! windows counted back from today and from a study date not yet fixed, an age from a date of
//! birth, derived values (Cockcroft–Gault, BMI, CKD-EPI 2021), comparisons with the report's own
//! limits (× ULN, × LLN, within the range), criterion parts and what the study team checks. Each
//! limit is tested on both sides, and where an answer leaves it open, as "the study team checks".

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on broken fixtures.

use prescreen::engine::{CalendarDate, Definition, Outcome, Status};
use serde_json::{json, Value};

fn definition() -> Definition {
    let text = include_str!("definitions/every-feature.json");
    Definition::load(text).unwrap_or_else(|error| panic!("{error}"))
}

const TODAY: &str = "2026-11-27";

/// The status of `criterion` (or `criterion/part`) for `answers` given on `today`.
fn status_on(today: Option<&str>, answers: Value, criterion: &str) -> Status {
    let definition = definition();
    let mut parsed = definition.parse_answers(&answers).unwrap_or_else(|errors| panic!("{errors:?}"));
    if let Some(today) = today {
        parsed.set_today(CalendarDate::parse(today).unwrap());
    }
    let evaluation = definition.evaluate(&parsed);
    let (id, part) = criterion.split_once('/').map_or((criterion, None), |(id, part)| (id, Some(part)));
    let index = definition.criteria.iter().position(|criterion| criterion.id.as_str() == id).unwrap();
    match part {
        None => evaluation.criteria[index].status,
        Some(label) => {
            let position = definition.criteria[index].parts.iter().position(|part| part.label == label).unwrap();
            evaluation.criteria[index].parts[position]
        }
    }
}

fn status(answers: Value, criterion: &str) -> Status {
    status_on(Some(TODAY), answers, criterion)
}

#[test]
fn a_window_back_from_a_study_date_is_decided_only_for_every_possible_date() {
    // Randomization falls 7 to 42 days from 27 November: 4 December to 8 January. 28 days before
    // the earliest is 6 November; 28 days before the latest is 11 December.
    let washout = |date: &str| status(json!({"last_treatment": date}), "inc_washout");
    assert_eq!(washout("2026-11-06"), Status::Met, "28 days before even the earliest randomization");
    assert_eq!(washout("2026-11-07"), Status::StudyTeamChecks, "enough only for a later randomization");
    assert_eq!(washout("2026-12-11"), Status::StudyTeamChecks, "enough only for the latest randomization");
    assert_eq!(washout("2026-12-12"), Status::NotMet, "never 28 days before randomization");
    assert_eq!(washout("2026-10"), Status::Met, "every day of October is early enough");
    assert_eq!(washout("2026-11"), Status::StudyTeamChecks, "some days of November are, some are not");
}

#[test]
fn a_window_back_from_today_at_its_edge() {
    let recent = |date: &str| status(json!({"diagnosis": date}), "inc_recent");
    assert_eq!(recent("2026-05-27"), Status::Met, "exactly 6 months ago");
    assert_eq!(recent("2026-05-26"), Status::NotMet, "a day more");
    assert_eq!(recent("2026-06"), Status::Met);
    assert_eq!(recent("2026-05"), Status::StudyTeamChecks, "1 May is too long ago, 31 May is not");
    assert_eq!(recent("2026-04"), Status::NotMet);
}

#[test]
fn without_the_day_of_answering_a_window_stays_unknown() {
    assert_eq!(status_on(None, json!({"diagnosis": "2026-06-01"}), "inc_recent"), Status::Unknown);
    assert_eq!(status_on(None, json!({"date_of_birth": "1980-01-01"}), "inc_age"), Status::Unknown);
}

#[test]
fn an_age_from_a_date_of_birth_at_both_registry_limits() {
    let age = |born: &str| status(json!({"date_of_birth": born}), "inc_age");
    assert_eq!(age("2008-11-27"), Status::Met, "18 today");
    assert_eq!(age("2008-11-28"), Status::NotMet, "18 tomorrow");
    assert_eq!(age("1950-11-28"), Status::Met, "75, and 76 tomorrow");
    assert_eq!(age("1950-11-27"), Status::NotMet, "76 today");
    assert_eq!(age("2008-11"), Status::StudyTeamChecks, "born in November 2008: 17 or 18");
    assert_eq!(age("2008-10"), Status::Met);
}

#[test]
fn creatinine_clearance_at_its_limit_and_from_a_month_of_birth() {
    // A man of 80 weighing 72 kg with creatinine 88.4 µmol/L (1.0 mg/dL): (140 − 80) × 72 ÷ 72 = 60.
    let crcl = |born: &str, creatinine: Value, kilograms: f64| {
        status(
            json!({"date_of_birth": born, "sex": "male", "creatinine": creatinine, "weight": kilograms}),
            "inc_organ/a",
        )
    };
    assert_eq!(crcl("1946-11-27", json!(88.4), 72.0), Status::Met, "exactly 60 at 80");
    assert_eq!(crcl("1945-11-27", json!(88.4), 72.0), Status::NotMet, "59 at 81");
    assert_eq!(crcl("1946-11-27", json!({"value": 1.0, "unit": "mg/dL"}), 72.0), Status::Met, "the same in mg/dL");
    assert_eq!(crcl("1946-11-27", json!(88.4), 71.99), Status::NotMet, "a little lighter");
    assert_eq!(crcl("1945-11", json!(88.4), 72.0), Status::StudyTeamChecks, "80 or 81: 60 or 59");
    assert_eq!(crcl("1946-11", json!(88.4), 72.0), Status::Met, "79 or 80: 61 or 60");
    assert_eq!(crcl("1946-10", json!(88.4), 72.0), Status::Met, "80 for certain");
}

#[test]
fn body_mass_index_at_its_limit() {
    let bmi = |kilograms: f64| status(json!({"weight": kilograms, "height": 150}), "exc_bmi");
    assert_eq!(bmi(67.5), Status::Met, "67.5 ÷ 1.5² is exactly 30: the exclusion applies");
    assert_eq!(bmi(67.49), Status::NotMet);
    let in_pounds = status(json!({"weight": {"value": 148.81, "unit": "lb"}, "height": 150}), "exc_bmi");
    assert_eq!(in_pounds, Status::NotMet, "148.81 lb is 67.4985 kg");
}

#[test]
fn egfr_brackets_its_floating_point_result() {
    // A woman of 50 with creatinine 0.7 mg/dL has 142 × 0.9938^50 × 1.012 ≈ 105.3: well above 45.
    let egfr = |creatinine: f64, born: &str| {
        status(
            json!({"creatinine": {"value": creatinine, "unit": "mg/dL"}, "date_of_birth": born, "sex": "female"}),
            "inc_egfr",
        )
    };
    assert_eq!(egfr(0.7, "1976-11-27"), Status::Met);
    assert_eq!(egfr(3.0, "1976-11-27"), Status::NotMet, "about 18");
}

#[test]
fn comparisons_with_the_reports_own_limits() {
    let uln = |value: f64| status(json!({"creatinine_uln": {"value": value, "upper_limit": 100}}), "inc_organ/b");
    assert_eq!(uln(150.0), Status::Met, "exactly 1.5 × ULN");
    assert_eq!(uln(150.1), Status::NotMet);
    let range = |value: f64| {
        status(json!({"potassium": {"value": value, "lower_limit": 3.5, "upper_limit": 5.1}}), "inc_organ/c")
    };
    assert_eq!(range(3.5), Status::Met, "on the lower limit");
    assert_eq!(range(3.49), Status::NotMet);
    assert_eq!(range(5.1), Status::Met, "on the upper limit");
    assert_eq!(range(5.11), Status::NotMet);
    let lln = |value: f64| {
        status(json!({"neutrophils": {"value": value, "lower_limit": 2.0, "upper_limit": 7.5}}), "inc_organ/d")
    };
    assert_eq!(lln(1.6), Status::Met, "exactly 0.8 × LLN");
    assert_eq!(lln(1.59), Status::NotMet);
}

#[test]
fn parts_are_reported_one_by_one_and_team_checks_rule_no_one_out() {
    let definition = definition();
    let everything_met = json!({
        "date_of_birth": "1956-11-27", "sex": "male", "creatinine": 88.4, "weight": 72, "height": 180,
        "last_treatment": "2026-10-01", "diagnosis": "2026-09-01",
        "creatinine_uln": {"value": 88.4, "upper_limit": 100},
        "neutrophils": {"value": 3, "lower_limit": 2, "upper_limit": 7.5}
    });
    let mut answers = definition.parse_answers(&everything_met).unwrap();
    answers.set_today(CalendarDate::parse(TODAY).unwrap());
    let evaluation = definition.evaluate(&answers);
    assert_eq!(evaluation.outcome, Outcome::NeedsReview, "potassium is not answered");
    let unknown: Vec<String> =
        definition.items_with_status(&evaluation, Status::Unknown).into_iter().map(|item| item.label).collect();
    assert_eq!(unknown, ["inc_organ/c"], "the unknown part, not only its criterion");
    let team: Vec<String> =
        definition.items_with_status(&evaluation, Status::StudyTeamChecks).into_iter().map(|item| item.label).collect();
    assert_eq!(team, ["inc_consent"]);

    let mut with_potassium = everything_met.clone();
    with_potassium["potassium"] = json!({"value": 4, "lower_limit": 3.5, "upper_limit": 5.1});
    let mut answers = definition.parse_answers(&with_potassium).unwrap();
    answers.set_today(CalendarDate::parse(TODAY).unwrap());
    let evaluation = definition.evaluate(&answers);
    assert_eq!(evaluation.status_of("inc_consent"), Some(Status::StudyTeamChecks));
    assert_eq!(evaluation.outcome, Outcome::LikelyEligible, "what the study team checks rules no one in or out");
    // A washout the study team must check leaves the outcome likely eligible, with the dates listed.
    with_potassium["last_treatment"] = json!("2026-11-20");
    let mut answers = definition.parse_answers(&with_potassium).unwrap();
    answers.set_today(CalendarDate::parse(TODAY).unwrap());
    let evaluation = definition.evaluate(&answers);
    assert_eq!(evaluation.outcome, Outcome::LikelyEligible);
    let team: Vec<String> =
        definition.items_with_status(&evaluation, Status::StudyTeamChecks).into_iter().map(|item| item.label).collect();
    assert_eq!(team, ["inc_washout", "inc_consent"]);
}

#[test]
fn answers_files_write_dates_and_ranges_back_as_they_were_read() {
    let definition = definition();
    let given = json!({
        "date_of_birth": "1946-11",
        "last_treatment": "2026-10-01",
        "potassium": {"value": 4.0, "lower_limit": 3.5, "upper_limit": 5.1}
    });
    let answers = definition.parse_answers(&given).unwrap();
    assert_eq!(definition.answers_to_json(&answers), given);
    for wrong in
        [json!({"diagnosis": "2026-02-30"}), json!({"diagnosis": "1899-12-31"}), json!({"diagnosis": "27/03/2026"})]
    {
        assert!(definition.parse_answers(&wrong).is_err(), "{wrong}");
    }
    let reversed = json!({"potassium": {"value": 4, "lower_limit": 5.1, "upper_limit": 3.5}});
    let errors = definition.parse_answers(&reversed).unwrap_err();
    assert_eq!(errors[0].to_string(), "potassium: the lower limit must not be above the upper limit");
}

/// The file with one change made by `change`, and the problems `check` reports for it.
fn problems_after(change: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut file: Value = serde_json::from_str(include_str!("definitions/every-feature.json")).unwrap();
    change(&mut file);
    match Definition::load(&file.to_string()) {
        Ok(_) => Vec::new(),
        Err(error) => error.problems().iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn mistakes_in_dates_derived_values_and_ranges_are_reported_with_their_paths() {
    assert_eq!(
        problems_after(|file| file["criteria"][1]["rule"]["before"] = json!("randomisation")),
        ["criteria[1].rule.before: unknown study date \"randomisation\" (defined: randomization)"]
    );
    assert_eq!(
        problems_after(|file| file["criteria"][2]["rule"]["unit"] = json!("fortnights")),
        ["criteria[2].rule.unit: question \"diagnosis\" is a date: the window is in days, weeks, months or years, not \"fortnights\""]
    );
    assert_eq!(
        problems_after(|file| file["criteria"][2]["rule"]["op"] = json!("=")),
        ["criteria[2].rule.op: question \"diagnosis\" is a date: \"exactly N months\" is too narrow to ask; use <, <=, >=, > or between"]
    );
    assert_eq!(
        problems_after(|file| file["criteria"][3]["parts"][2]["rule"] = json!({"question": "potassium", "op": "<=", "value": 1.5})),
        ["criteria[3].parts[2].rule.unit: question \"potassium\" is compared with its reference limits: write \"unit\": \"x ULN\" or \"x LLN\""]
    );
    assert_eq!(
        problems_after(|file| file["derived"][1]["inputs"]["weight"] = json!("height")),
        ["derived[1].inputs.weight: question \"height\" is not a number question measuring weight"]
    );
    assert_eq!(
        problems_after(|file| file["derived"][2]["formula"] = json!("bsa")),
        ["derived[2].formula: unknown formula \"bsa\"; use bmi, cockcroft_gault, ckd_epi_2021 or age"]
    );
    assert_eq!(
        problems_after(|file| file["criteria"][6]["rule"]["unit"] = json!("kg")),
        ["criteria[6].rule.unit: derived value \"bmi\" is a body_mass_index in kg/m2, not \"kg\""]
    );
    assert_eq!(
        problems_after(|file| file["questions"][7]["units"] = json!(["U/L"])),
        ["questions[7].units[0]: unit \"U/L\" is not a unit of quantity \"creatinine\", which is measured in umol/L, mg/dL"]
    );
    assert_eq!(
        problems_after(|file| file["study_dates"][0]["latest_days"] = json!(3)),
        ["study_dates[0]: earliest_days 7 is after latest_days 3"]
    );
}

#[test]
fn the_registry_age_limits_are_checked_through_a_date_of_birth() {
    assert_eq!(
        problems_after(|file| file["criteria"][0]["rule"]["max"] = json!(74)),
        ["trial.ages: the registry's limits are 18 to 75 years, but an age of 75 rules a patient out by the rules that read question \"date_of_birth\""]
    );
}

#[test]
fn an_unknown_part_of_a_decided_criterion_was_not_needed() {
    use prescreen::engine::Standing;
    let definition = definition();
    // Creatinine 2 × ULN fails part b, so "adequate organ function" is not met whatever the rest.
    let mut answers = definition.parse_answers(&json!({"creatinine_uln": {"value": 200, "upper_limit": 100}})).unwrap();
    answers.set_today(CalendarDate::parse(TODAY).unwrap());
    let evaluation = definition.evaluate(&answers);
    let organ = definition.criteria.iter().position(|criterion| criterion.id.as_str() == "inc_organ").unwrap();
    assert_eq!(evaluation.criteria[organ].status, Status::NotMet);
    assert_eq!(evaluation.part_standing(organ, 1), Standing::NotMet);
    assert_eq!(evaluation.part_standing(organ, 2), Standing::NotNeeded, "potassium was never needed");
    // Still open, an unknown part is unknown.
    let mut answers = definition.parse_answers(&json!({"creatinine_uln": {"value": 100, "upper_limit": 100}})).unwrap();
    answers.set_today(CalendarDate::parse(TODAY).unwrap());
    let evaluation = definition.evaluate(&answers);
    assert_eq!(evaluation.part_standing(organ, 2), Standing::Unknown);
}

//! Every numeric limit of the seed trial, on both sides, in every unit a patient may use.
//! Each check changes one answer of an otherwise eligible patient and names the criterion it decides.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on broken fixtures.

use prescreen::engine::{Definition, Status};
use serde_json::{json, Value};

fn eligible_answers() -> Value {
    json!({
        "age_years": 45, "sex": "female", "aml_diagnosis": true, "aml_course": ["early_relapse"], "cd123_positive": true,
        "activity_adult": "kps_80", "life_expectancy": "more_than_3_months", "lvef_percent": 60,
        "alt": {"value": 30, "upper_limit": 40}, "ast": {"value": 28, "upper_limit": 40},
        "bilirubin": {"value": 30, "unit": "umol/L"}, "creatinine": {"value": 80, "unit": "umol/L"},
        "oxygen_saturation_percent": 97, "conflicting_conditions": ["none_of_these"], "other_cancer": false,
        "uncontrolled_infection": false, "needs_steroids": false, "had_donor_transplant": false, "t_cell_inhibitor": false,
        "pregnant_or_breastfeeding": false, "other_situations": ["none_of_these"], "serious_mental_illness": false,
        "willing_to_consent": true, "willing_to_follow_schedule": true
    })
}

fn check(changes: Value, criterion: &str, expected: Status) {
    let definition = Definition::seed();
    let mut answers = eligible_answers();
    for (question, answer) in changes.as_object().expect("changes are an object") {
        answers[question] = answer.clone();
    }
    let answers = definition.parse_answers(&answers).unwrap_or_else(|errors| panic!("{changes}: {errors:?}"));
    let status = definition.evaluate(&answers).status_of(criterion);
    assert_eq!(status, Some(expected), "{changes} → {criterion}");
}

#[test]
fn bilirubin_at_most_34_2_umol_per_l() {
    check(json!({"bilirubin": {"value": 34.2, "unit": "umol/L"}}), "inc11_liver_function", Status::Met);
    check(json!({"bilirubin": {"value": 34.21, "unit": "umol/L"}}), "inc11_liver_function", Status::NotMet);
    check(json!({"bilirubin": {"value": 2.0, "unit": "mg/dL"}}), "inc11_liver_function", Status::Met);
    check(json!({"bilirubin": {"value": 2.001, "unit": "mg/dL"}}), "inc11_liver_function", Status::NotMet);
    check(json!({"bilirubin": {"value": 1.999, "unit": "mg/dL"}}), "inc11_liver_function", Status::Met);
}

#[test]
fn creatinine_below_220_umol_per_l() {
    check(json!({"creatinine": {"value": 219.9, "unit": "umol/L"}}), "inc12_renal_function", Status::Met);
    check(json!({"creatinine": {"value": 220, "unit": "umol/L"}}), "inc12_renal_function", Status::NotMet);
    check(json!({"creatinine": {"value": 2.4886, "unit": "mg/dL"}}), "inc12_renal_function", Status::Met);
    check(json!({"creatinine": {"value": 2.4887, "unit": "mg/dL"}}), "inc12_renal_function", Status::NotMet);
}

#[test]
fn alt_and_ast_below_5_times_the_upper_limit() {
    for question in ["alt", "ast"] {
        check(json!({question: {"value": 199.99, "upper_limit": 40}}), "inc11_liver_function", Status::Met);
        check(json!({question: {"value": 200, "upper_limit": 40}}), "inc11_liver_function", Status::NotMet);
        // An upper limit with a decimal: 5 × 33.3 = 166.5 exactly.
        check(json!({question: {"value": 166.49, "upper_limit": 33.3}}), "inc11_liver_function", Status::Met);
        check(json!({question: {"value": 166.5, "upper_limit": 33.3}}), "inc11_liver_function", Status::NotMet);
    }
}

#[test]
fn lvef_at_least_40_percent() {
    check(json!({"lvef_percent": 40}), "inc10_lvef", Status::Met);
    check(json!({"lvef_percent": 39.99}), "inc10_lvef", Status::NotMet);
}

#[test]
fn oxygen_saturation_at_least_92_percent() {
    check(json!({"oxygen_saturation_percent": 92}), "inc13_oxygen_saturation", Status::Met);
    check(json!({"oxygen_saturation_percent": 91.9}), "inc13_oxygen_saturation", Status::NotMet);
}

#[test]
fn performance_strictly_above_60() {
    check(json!({"activity_adult": "kps_70"}), "inc04_performance", Status::Met);
    check(json!({"activity_adult": "kps_60"}), "inc04_performance", Status::NotMet);
    check(json!({"age_years": 15, "activity_child": "lansky_70"}), "inc04_performance", Status::Met);
    check(json!({"age_years": 15, "activity_child": "lansky_60"}), "inc04_performance", Status::NotMet);
    // The scale switches at 16: a child's answer does not count for a 16-year-old, and vice versa.
    check(
        json!({"age_years": 16, "activity_adult": "unknown", "activity_child": "lansky_100"}),
        "inc04_performance",
        Status::Unknown,
    );
    check(json!({"age_years": 15, "activity_adult": "kps_100"}), "inc04_performance", Status::Unknown);
}

#[test]
fn age_2_to_75_inclusive() {
    check(json!({"age_years": 2, "activity_child": "lansky_80"}), "inc06_age", Status::Met);
    check(json!({"age_years": 1, "activity_child": "lansky_80"}), "inc06_age", Status::NotMet);
    check(json!({"age_years": 75}), "inc06_age", Status::Met);
    check(json!({"age_years": 76}), "inc06_age", Status::NotMet);
}

#[test]
fn pregnancy_applies_from_age_10() {
    check(
        json!({"age_years": 10, "activity_child": "lansky_80", "pregnant_or_breastfeeding": true}),
        "exc06_pregnant_or_breastfeeding",
        Status::Met,
    );
    check(
        json!({"age_years": 9, "activity_child": "lansky_80", "pregnant_or_breastfeeding": true}),
        "exc06_pregnant_or_breastfeeding",
        Status::NotMet,
    );
}

//! Many trials in one portal: the question bank, catalogue files, the check that a shared question
//! id is the same question in every trial (each conflict with both paths), the next-question rule,
//! and that each trial's outcome in the portal is exactly its outcome alone.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on broken fixtures.

use prescreen::engine::{
    bank_questions, read_catalogue, Answer, Answers, CalendarDate, Catalogue, DateAnswer, Definition, Entry, Exact,
    Outcome, QuestionId, QuestionKind,
};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The real trials' catalogue, `trials/catalogue.json`, read as the CLI reads it.
fn real_catalogue() -> Catalogue {
    let entries = read_catalogue(&std::fs::read(root().join("trials/catalogue.json")).unwrap()).unwrap();
    let trials = entries
        .into_iter()
        .map(|entry| match entry {
            Entry::Url(path) => {
                Definition::load(&std::fs::read_to_string(root().join("trials").join(path)).unwrap()).unwrap()
            }
            Entry::Inline(_) => unreachable!("the real catalogue lists files"),
        })
        .collect();
    Catalogue::new(trials).unwrap_or_else(|error| panic!("{error}"))
}

fn definition(trial_id: &str, questions: Value, criteria: Value) -> Definition {
    let file = json!({
        "format": "prescreen-trial/1", "languages": ["en"],
        "trial": {"id": trial_id, "title": trial_id, "plain_title": {"en": trial_id}, "sponsor": "Tests",
            "registry_id": "TEST", "condition": {"en": "None"}, "definition_version": "1", "definition_date": "2026-11-27",
            "source": "Written for the tests", "ages": {"min_years": 0}, "sex": "all"},
        "questions": questions, "criteria": criteria
    });
    Definition::load(&file.to_string()).unwrap_or_else(|error| panic!("{error}"))
}

fn yes_no(id: &str) -> Value {
    json!({"id": id, "kind": "yes_no", "text": {"en": "?"}, "caregiver_text": {"en": "?"}, "allow_unknown": true})
}

fn needs(id: &str, question: &str, kind: &str) -> Value {
    json!({"id": id, "kind": kind, "label": id, "registry_text": id, "summary": {"en": id},
        "rule": {"question": question, "op": "equals", "value": true}})
}

/// A rule that reads `question` (a bank question as JSON), whatever its kind.
fn rule_reading(question: &prescreen::engine::Json) -> Value {
    let id = question.get("id").and_then(|id| id.as_str()).unwrap();
    let first =
        |field: &str| question.get(field).and_then(|list| list.as_array()).and_then(|list| list.first().cloned());
    match question.get("kind").and_then(|kind| kind.as_str()).unwrap() {
        "yes_no" => json!({"question": id, "op": "equals", "value": true}),
        "single_choice" => {
            json!({"question": id, "op": "equals", "value": first("choices").unwrap().get("id").unwrap().as_str()})
        }
        "multiple_choice" => {
            json!({"question": id, "op": "any_of", "values": [first("choices").unwrap().get("id").unwrap().as_str()]})
        }
        "number" => json!({"question": id, "op": ">=", "value": 0, "unit": first("units").unwrap().as_str()}),
        "age" => json!({"question": id, "op": ">=", "value": 0}),
        "date" => json!({"question": id, "op": ">=", "value": 0, "unit": "days"}),
        "against_upper_limit" => json!({"question": id, "op": "<=", "value": 1, "unit": "x ULN"}),
        other => panic!("a bank question of kind {other}"),
    }
}

#[test]
fn every_bank_question_loads_by_reference_in_either_language() {
    let bank = bank_questions();
    assert!(bank.len() >= 20, "a bank of common questions");
    for languages in [json!(["en"]), json!(["en", "zh-Hans"])] {
        let text = |words: &str| {
            if languages.as_array().unwrap().len() == 1 {
                json!({"en": words})
            } else {
                json!({"en": words, "zh-Hans": words})
            }
        };
        let questions: Vec<Value> =
            bank.iter().map(|question| json!({"bank": question.get("id").unwrap().as_str()})).collect();
        let criteria: Vec<Value> = bank
            .iter()
            .enumerate()
            // Met by any answer, so that no registry limit is broken: the test is that each loads.
            .map(|(index, question)| json!({"id": format!("c{index}"), "kind": "inclusion", "label": index.to_string(),
                "registry_text": "c", "summary": text("c"), "rule": {"any": [rule_reading(question), {"not": rule_reading(question)}]}}))
            .collect();
        let file = json!({"format": "prescreen-trial/1", "languages": languages,
            "trial": {"id": "bank", "title": "bank", "plain_title": text("bank"), "sponsor": "Tests", "registry_id": "TEST",
                "condition": text("None"), "definition_version": "1", "definition_date": "2026-11-27",
                "source": "Tests", "ages": {"min_years": 0}, "sex": "all"},
            "questions": questions, "criteria": criteria});
        let definition = Definition::load(&file.to_string()).unwrap_or_else(|error| panic!("{languages}: {error}"));
        assert_eq!(definition.questions.len(), bank.len());
        let ecog = definition.question("ecog").unwrap();
        assert_eq!(
            ecog.text.has("zh-Hans"),
            languages.as_array().unwrap().len() == 2,
            "texts cut to the declared languages"
        );
    }
}

#[test]
fn a_reference_to_a_question_the_bank_lacks_is_reported() {
    let file =
        json!({"format": "prescreen-trial/1", "languages": ["en"], "questions": [{"bank": "ecgo"}], "criteria": []});
    let error = Definition::load(&file.to_string()).unwrap_err();
    let problem = &error.problems()[0];
    assert_eq!(problem.path, "questions[0].bank");
    assert!(
        problem.message.starts_with("the bank has no question \"ecgo\"; it has age_years, date_of_birth, sex"),
        "{}",
        problem.message
    );
}

#[test]
fn catalogue_files_are_read_with_every_problem() {
    let entries = read_catalogue(
        br#"{"format": "prescreen-catalogue/1", "trials": ["a.json", {"format": "prescreen-trial/1"}]}"#,
    )
    .unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0], Entry::Url("a.json".to_owned()));
    assert!(matches!(entries[1], Entry::Inline(_)));
    let error = read_catalogue(br#"{"format": "prescreen-catalog/1", "trials": [3], "title": "x"}"#).unwrap_err();
    let problems: Vec<String> = error.problems().iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "title: unknown field; a catalogue has \"format\" and \"trials\"",
            "format: unsupported format \"prescreen-catalog/1\"; write \"format\": \"prescreen-catalogue/1\"",
            "trials[0]: a trial is a definition file's URL or a definition, not the number 3",
        ]
    );
    let too_many =
        format!(r#"{{"format": "prescreen-catalogue/1", "trials": [{}]}}"#, vec!["\"a.json\""; 201].join(","));
    assert!(read_catalogue(too_many.as_bytes()).unwrap_err().to_string().contains("lists 201 trials; at most 200"));
}

#[test]
fn a_shared_id_must_be_the_same_question_and_each_conflict_names_both_places() {
    let weight = |units: Value| {
        json!({"id": "weight", "kind": "number", "quantity": "weight", "units": units, "min": 0, "max": 500,
        "text": {"en": "Weight?"}, "caregiver_text": {"en": "Their weight?"}})
    };
    let heavy = json!([{"id": "heavy", "kind": "exclusion", "label": "1", "registry_text": "heavy", "summary": {"en": "heavy"},
        "rule": {"question": "weight", "op": ">", "value": 150, "unit": "kg"}}]);
    let first = definition(
        "first",
        json!([yes_no("smoker"), weight(json!(["kg", "lb"]))]),
        json!([needs("no_smoking", "smoker", "exclusion"), heavy[0].clone()]),
    );
    let second = definition(
        "second",
        json!([weight(json!(["kg"])), yes_no("smoker")]),
        json!([heavy[0].clone(), needs("smokes", "smoker", "inclusion")]),
    );
    let error = Catalogue::new(vec![first.clone(), second]).unwrap_err();
    let problems: Vec<String> = error.problems().iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        ["trials[1].questions[0]: question \"weight\" differs from trials[0].questions[1] in its quantity or units: a shared id must be the same question"]
    );
    let error = Catalogue::new(vec![first.clone(), first]).unwrap_err();
    assert_eq!(error.problems()[0].to_string(), "trials[1]: trial \"first\" is also trials[0]");
}

#[test]
fn the_real_trials_share_their_questions() {
    let catalogue = &real_catalogue();
    assert_eq!(catalogue.trials.len(), 5);
    let shared = ["age_years", "sex", "pregnant_or_breastfeeding", "alt", "ast"];
    for id in shared {
        assert!(catalogue.uses_of(id) >= 3, "{id} is asked by several trials and once in the portal");
    }
    let separately: usize = catalogue.trials.iter().map(|trial| trial.questions.len()).sum();
    assert!(
        catalogue.questions.len() < separately,
        "{} questions in all, {separately} separately",
        catalogue.questions.len()
    );
}

#[test]
fn the_next_question_is_the_one_most_open_trials_would_ask_next() {
    // Cough is listed first, but smoker is what two trials would ask next on their own.
    let first = definition("first", json!([yes_no("cough")]), json!([needs("no_cough", "cough", "exclusion")]));
    let second = definition(
        "second",
        json!([yes_no("smoker"), yes_no("cough")]),
        json!([needs("no_smoking", "smoker", "exclusion"), needs("no_cough", "cough", "exclusion")]),
    );
    let third = definition("third", json!([yes_no("smoker")]), json!([needs("smokes", "smoker", "inclusion")]));
    let catalogue = Catalogue::new(vec![first, second, third]).unwrap();
    let mut answers = Answers::default();
    let mut evaluations = catalogue.evaluate(&answers);
    assert_eq!(catalogue.next_question(&evaluations), Some((1, 0)), "smoker, in the second trial's place");
    answers.set(QuestionId::new("smoker"), Answer::YesNo(true));
    catalogue.reevaluate(&mut evaluations, &answers, "smoker");
    // A smoker is out of the second trial and into the third: only the first still asks, cough.
    assert_eq!(evaluations[1].outcome, Outcome::NotEligible);
    assert_eq!(evaluations[2].outcome, Outcome::LikelyEligible);
    assert_eq!(catalogue.next_question(&evaluations), Some((0, 0)));
    answers.set(QuestionId::new("cough"), Answer::YesNo(false));
    catalogue.reevaluate(&mut evaluations, &answers, "cough");
    assert_eq!(catalogue.next_question(&evaluations), None, "every trial decided");
    // Ties go to the question listed first.
    let a_then_b = definition("a-then-b", json!([yes_no("a")]), json!([needs("no_a", "a", "exclusion")]));
    let b_alone = definition("b-alone", json!([yes_no("b")]), json!([needs("no_b", "b", "exclusion")]));
    let catalogue = Catalogue::new(vec![a_then_b, b_alone]).unwrap();
    assert_eq!(catalogue.next_question(&catalogue.evaluate(&Answers::default())), Some((0, 0)));
}

/// A concrete answer for any question of the real trials, or "I don't know".
fn answer_for(question: &prescreen::engine::Question) -> BoxedStrategy<Answer> {
    let decimal = (0_i64..40_000, 0_u32..3)
        .prop_map(|(units, scale)| Exact::ratio(units, 10_i64.pow(scale)).unwrap_or(Exact::from_integer(0)));
    let concrete = match &question.kind {
        QuestionKind::YesNo => any::<bool>().prop_map(Answer::YesNo).boxed(),
        QuestionKind::SingleChoice { choices } => {
            proptest::sample::select(choices.iter().map(|choice| choice.id.clone()).collect::<Vec<_>>())
                .prop_map(Answer::Choice)
                .boxed()
        }
        QuestionKind::MultipleChoice { choices } => {
            let ids: Vec<_> = choices.iter().map(|choice| choice.id.clone()).collect();
            proptest::sample::subsequence(ids.clone(), 1..=ids.len())
                .prop_map(|picked| Answer::Choices(picked.into_iter().collect()))
                .boxed()
        }
        QuestionKind::Number { units, .. } => (decimal.clone(), proptest::sample::select(units.clone()))
            .prop_map(|(value, unit)| Answer::Number { value, unit })
            .boxed(),
        QuestionKind::Age { .. } => (0_u32..110).prop_map(Answer::AgeYears).boxed(),
        QuestionKind::AgainstUpperLimit { .. } => (decimal.clone(), 1_i64..200)
            .prop_map(|(value, limit)| Answer::AgainstUpperLimit { value, upper_limit: Exact::from_integer(limit) })
            .boxed(),
        QuestionKind::AgainstReferenceRange { .. } => (decimal.clone(), 0_i64..50, 50_i64..200)
            .prop_map(|(value, low, high)| Answer::AgainstRange {
                value,
                lower_limit: Exact::from_integer(low),
                upper_limit: Exact::from_integer(high),
            })
            .boxed(),
        QuestionKind::Date => (1930_i32..2027, 1_u8..=12, proptest::option::of(1_u8..=28))
            .prop_map(|(year, month, day)| Answer::Date(DateAnswer { year, month, day }))
            .boxed(),
    };
    prop_oneof![4 => concrete, 1 => Just(Answer::DoNotKnow)].boxed()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Answering through the portal, in any order, leaves each trial exactly where single-trial
    /// evaluation puts it on the same answers (those to its own questions).
    #[test]
    fn each_trial_in_the_portal_stands_exactly_as_it_would_alone(
        (order, answers) in {
            let catalogue = &real_catalogue();
            let strategies: Vec<_> = catalogue.questions.iter().map(|&(trial, question)| {
                proptest::option::weighted(0.7, answer_for(&catalogue.trials[trial].questions[question]))
            }).collect();
            (Just(()).prop_perturb(|_, mut rng| {
                let mut order: Vec<usize> = (0..real_catalogue().questions.len()).collect();
                for index in (1..order.len()).rev() { order.swap(index, (rng.next_u32() as usize) % (index + 1)); }
                order
            }), strategies)
        }
    ) {
        let catalogue = &real_catalogue();
        let today = CalendarDate::parse("2026-11-27").unwrap();
        let mut shared = Answers::default();
        shared.set_today(today);
        let mut evaluations = catalogue.evaluate(&shared);
        for &position in &order {
            let Some(answer) = &answers[position] else { continue };
            let (trial, question) = catalogue.questions[position];
            let id = catalogue.trials[trial].questions[question].id.clone();
            if catalogue.trials[trial].check_answer(&catalogue.trials[trial].questions[question], answer).is_err() { continue; }
            shared.set(id.clone(), answer.clone());
            catalogue.reevaluate(&mut evaluations, &shared, id.as_str());
        }
        for (index, trial) in catalogue.trials.iter().enumerate() {
            let mut alone = Answers::default();
            alone.set_today(today);
            for question in &trial.questions {
                if let Some(answer) = shared.get(question.id.as_str()) { alone.set(question.id.clone(), answer.clone()); }
            }
            prop_assert_eq!(&evaluations[index], &trial.evaluate(&alone), "trial {}", trial.trial.id);
        }
    }
}

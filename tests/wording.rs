//! Chinese wording at its source: every zh-Hans text in the trial files and the widget's own
//! Chinese strings use full-width punctuation next to Chinese characters, one micro sign (µ,
//! U+00B5), and 您 rather than 你. The browser walk (`tests/e2e/chinese.test.mjs`) checks the
//! assembled screens; this checks the words before they are put together.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on broken fixtures.

use prescreen::messages::SIMPLIFIED_CHINESE;
use serde_json::Value;
use std::path::Path;

fn is_chinese(character: char) -> bool {
    matches!(character, '\u{3000}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// Everything wrong with one Chinese text, as messages.
fn problems_in(text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let characters: Vec<char> = text.chars().collect();
    for (index, character) in characters.iter().enumerate() {
        if !":;(),".contains(*character) {
            continue;
        }
        let before = characters[..index].iter().rev().find(|other| !other.is_whitespace());
        let after = characters[index + 1..].iter().find(|other| !other.is_whitespace());
        if before.copied().is_some_and(is_chinese) || after.copied().is_some_and(is_chinese) {
            problems.push(format!("ASCII {character:?} next to Chinese"));
        }
    }
    if text.contains('\u{03BC}') {
        problems.push("Greek μ (U+03BC) instead of the micro sign µ (U+00B5)".to_owned());
    }
    if text.contains('你') {
        problems.push("你 instead of 您".to_owned());
    }
    problems
}

/// Every zh-Hans string in a definition file, with its JSON path.
fn chinese_texts(value: &Value, path: &str, found: &mut Vec<(String, String)>) {
    match value {
        Value::Object(object) => {
            for (key, value) in object {
                let path = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                match (key.as_str(), value) {
                    ("zh-Hans", Value::String(text)) => found.push((path, text.clone())),
                    _ => chinese_texts(value, &path, found),
                }
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                chinese_texts(item, &format!("{path}[{index}]"), found);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {}
    }
}

#[test]
fn the_checks_catch_what_they_look_for() {
    assert_eq!(problems_in("年龄: 45"), ["ASCII ':' next to Chinese"]);
    assert_eq!(problems_in("85 (正常值上限)"), ["ASCII '(' next to Chinese", "ASCII ')' next to Chinese"]);
    assert_eq!(problems_in("220 μmol/L 的肌酐").len(), 1);
    assert_eq!(problems_in("你好"), ["你 instead of 您"]);
    assert!(problems_in("肌酐（Cr、CREA）：220 µmol/L").is_empty());
    assert!(problems_in("ALT (U/L): 40").is_empty(), "ASCII punctuation between Latin words is English's own");
}

#[test]
fn every_chinese_text_in_the_trial_files_reads_as_chinese() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("trials");
    let mut failures = Vec::new();
    let mut checked = 0;
    for entry in std::fs::read_dir(folder).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|extension| extension != "json") {
            continue;
        }
        let file: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let mut texts = Vec::new();
        chinese_texts(&file, "", &mut texts);
        checked += texts.len();
        for (json_path, text) in texts {
            for problem in problems_in(&text) {
                failures.push(format!("{}: {json_path}: {problem}: {text}", path.display()));
            }
        }
    }
    assert!(checked > 100, "checked {checked} Chinese texts");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_widgets_own_chinese_words_read_as_chinese() {
    let failures: Vec<String> = SIMPLIFIED_CHINESE
        .all_strings()
        .iter()
        .flat_map(|text| problems_in(text).into_iter().map(move |problem| format!("{problem}: {text}")))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

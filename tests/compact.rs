//! The compact form of a checked definition (`engine::compact`), which the widget reads for its
//! compiled-in trial instead of parsing and checking JSON: it must give back the model the checking
//! loader builds, and refuse bytes it did not write without panicking.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on broken fixtures.

use prescreen::engine::compact::{decode, encode};
use prescreen::engine::{Answers, Definition};
use std::path::Path;

/// Every definition file in `trials/` and `trials/generated/` that loads (the bank and the
/// catalogue are not definitions).
fn trial_definitions() -> Vec<(String, Definition)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("trials");
    let mut found = Vec::new();
    for folder in [root.clone(), root.join("generated")] {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|extension| extension == "json") {
                if let Ok(definition) = Definition::load(&std::fs::read_to_string(&path).unwrap()) {
                    found.push((path.display().to_string(), definition));
                }
            }
        }
    }
    found
}

#[test]
fn every_trial_reads_back_as_the_model_the_loader_built() {
    let trials = trial_definitions();
    assert!(trials.len() >= 6, "found only {} trial definitions", trials.len());
    for (path, definition) in trials {
        let read = decode(&encode(&definition)).unwrap_or_else(|| panic!("{path}: its compact form does not read"));
        // The model has no PartialEq (rules hold exact numbers compared by value); Debug shows every field.
        assert_eq!(format!("{read:?}"), format!("{definition:?}"), "{path}");
    }
}

#[test]
fn the_compiled_in_seed_is_the_checked_seed_file() {
    let compiled = prescreen::compiled_seed().expect("the compiled-in seed reads");
    assert_eq!(format!("{compiled:?}"), format!("{:?}", Definition::seed()));
    // And it evaluates like the loaded seed.
    assert_eq!(
        compiled.evaluate(&Answers::default()).outcome,
        Definition::seed().evaluate(&Answers::default()).outcome
    );
}

#[test]
fn bytes_it_did_not_write_are_refused_not_misread() {
    let bytes = encode(&Definition::seed());
    // Every cut short: the reader runs out mid-value and says so.
    for length in 0..bytes.len() {
        assert!(decode(&bytes[..length]).is_none(), "a cut at {length} of {} bytes read as a definition", bytes.len());
    }
    // One byte too many.
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(decode(&longer).is_none());
    // Each byte changed to 0xff: refused, or (inside a text or a number) read as another model,
    // which must then be one the writer can write back.
    let mut refused = 0;
    for index in 0..bytes.len() {
        let mut changed = bytes.clone();
        changed[index] = 0xff;
        match decode(&changed) {
            None => refused += 1,
            Some(other) => {
                let again = decode(&encode(&other)).expect("a model read from bytes writes back");
                assert_eq!(format!("{again:?}"), format!("{other:?}"));
            }
        }
    }
    assert!(refused > 0);
}

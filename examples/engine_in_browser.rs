//! Benchmark support (not shipped): the engine alone, compiled to WebAssembly, so that
//! `bench/scale-browser.mjs` can time loading a definition and re-evaluating after an answer
//! inside headless Chromium with CPU throttling, without the widget's rendering around it.
//!
//!     cargo build --release --target wasm32-unknown-unknown --features ui --example engine_in_browser
//!     wasm-bindgen --target web --out-dir target/engine-in-browser \
//!         target/wasm32-unknown-unknown/release/examples/engine_in_browser.wasm

use prescreen::engine::{Answer, Answers, Definition, Evaluation};
use wasm_bindgen::prelude::*;

/// A loaded definition and the answers given so far, as the widget holds them.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Session {
    definition: Definition,
    answers: Answers,
    evaluation: Evaluation,
}

/// Loads and checks a definition file, then evaluates it with nothing answered, as the widget
/// does before its first screen.
#[wasm_bindgen]
pub fn load(text: &str) -> Result<Session, JsError> {
    let definition = Definition::load(text).map_err(|error| JsError::new(&error.to_string()))?;
    let answers = Answers::default();
    let evaluation = definition.evaluate(&answers);
    Ok(Session { definition, answers, evaluation })
}

#[wasm_bindgen]
impl Session {
    /// Answers the next question that matters "I don't know" and updates the evaluation, as the
    /// widget does on Continue. False when nothing is left to ask.
    pub fn answer_next(&mut self) -> bool {
        let Some(next) = self.evaluation.next_question() else { return false };
        self.answers.set(self.definition.questions[next].id.clone(), Answer::DoNotKnow);
        self.definition.reevaluate(&mut self.evaluation, &self.answers, next);
        true
    }
}

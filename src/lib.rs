//! Prescreen: a clinical-trial pre-screening questionnaire that runs entirely on the patient's device.
//!
//! The crate has two layers. [`engine`] is pure: it loads a trial definition, takes answers and
//! decides each criterion as met, not met or unknown; it does no IO and imports nothing from the
//! browser. `ui` (behind the `ui` feature) is the Yew widget that renders what the engine decides.
//!
//! ```
//! use prescreen::engine::{Answers, Definition, Outcome};
//!
//! let definition = Definition::seed();
//! let evaluation = definition.evaluate(&Answers::default());
//! assert_eq!(evaluation.outcome, Outcome::NeedsReview);
//! ```

pub mod engine;

/// The seed trial as the widget reads it: loaded and checked when the crate is built (`build.rs`
/// fails the build on any problem) and compiled in in the compact form (`engine::compact`), so the
/// patient's first screen needs no JSON parsing or checking. `Definition::seed()` loads the same
/// file with the checking loader.
pub fn compiled_seed() -> Option<engine::Definition> {
    engine::compact::decode(include_bytes!(concat!(env!("OUT_DIR"), "/seed.compact")))
}
/// Drafting a definition from a registry record: coordinators' tooling, which the widget never
/// calls (so the release build drops it).
pub mod import;
pub mod messages;
/// How the stylesheets ship (build.rs writes them): here only for its tests.
#[cfg(test)]
mod stylesheet;

#[cfg(feature = "ui")]
pub mod ui;

//! The Yew widget. Components render state and send actions; every decision is an engine call.
//!
//! - `host.rs` finds the host page's elements, reads their `data-` settings and mounts a widget in
//!   each, inside its own shadow root;
//! - `browser.rs` holds every effect that reaches outside the widget (fetching a definition,
//!   printing, downloading, the page title, the leave-page question, the host event);
//! - `widget.rs` gets the definition (compiled in or fetched) and `questionnaire.rs` is the app:
//!   one reducer (`state.rs`) and one page component per screen, one per question kind under
//!   `question/`; `portal.rs` is the app for a catalogue of trials, which reuses those pages.
//!
//! Reading definitions and catalogues by URL (and so the portal) is behind the `by-url` feature,
//! so that the build for the compiled-in trial leaves the loader out (`widget.rs`).

mod browser;
mod check_answers;
mod describe;
mod error_summary;
mod host;
mod localized;
mod look_back;
#[cfg(feature = "by-url")]
mod portal;
#[cfg(feature = "prerender")]
pub mod prerender;
mod question;
mod questionnaire;
mod result;
mod start;
mod state;
mod widget;
mod worked_out;

#[cfg(feature = "by-url")]
use crate::engine::Catalogue;
use crate::engine::Definition;
use std::rc::Rc;

pub use host::{start, DefinitionSource, EarlyStart, HostSettings};
pub use questionnaire::{Questionnaire, QuestionnaireProps};
pub use widget::{Widget, WidgetProps};

/// A loaded definition shared by every component; equal when it is the same definition, which
/// spares Yew a deep comparison on every render.
#[derive(Clone, Debug)]
pub struct SharedDefinition(Rc<Definition>);

impl SharedDefinition {
    pub fn new(definition: Definition) -> SharedDefinition {
        SharedDefinition(Rc::new(definition))
    }

    /// The same definition, shared (a catalogue's trial).
    pub fn shared(definition: &Rc<Definition>) -> SharedDefinition {
        SharedDefinition(Rc::clone(definition))
    }
}

/// A loaded catalogue shared by every component of a portal; equal when it is the same one.
#[cfg(feature = "by-url")]
#[derive(Clone, Debug)]
pub struct SharedCatalogue(Rc<Catalogue>);

#[cfg(feature = "by-url")]
impl SharedCatalogue {
    pub fn new(catalogue: Catalogue) -> SharedCatalogue {
        SharedCatalogue(Rc::new(catalogue))
    }

    /// Trial `index` as a definition the single-trial pages take.
    pub fn trial(&self, index: usize) -> SharedDefinition {
        SharedDefinition::shared(&self.0.trials[index])
    }
}

#[cfg(feature = "by-url")]
impl PartialEq for SharedCatalogue {
    fn eq(&self, other: &SharedCatalogue) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[cfg(feature = "by-url")]
impl std::ops::Deref for SharedCatalogue {
    type Target = Catalogue;

    fn deref(&self) -> &Catalogue {
        &self.0
    }
}

impl PartialEq for SharedDefinition {
    fn eq(&self, other: &SharedDefinition) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SharedDefinition {
    type Target = Definition;

    fn deref(&self) -> &Definition {
        &self.0
    }
}

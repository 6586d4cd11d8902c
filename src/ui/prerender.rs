//! The start page written out when the widget is built, so that `embed/prescreen.js` can show it
//! while the WebAssembly loads: on a slow phone the patient reads what this check is and chooses
//! who is answering before the widget is ready, and the widget then takes over where they are
//! (`host::EarlyStart`). It is rendered by the widget's own components with Yew's server-side
//! rendering, for the compiled-in trial in every language both it and the widget speak, so the two
//! pages are the same markup; an end-to-end test compares them in the browser.
//!
//! Behind the `prerender` feature, native only: `src/bin/prerender.rs` prints what `scripts/build.sh`
//! writes into the entry points.

use super::questionnaire::{language_switcher, screen};
use super::start::StartPage;
use super::state::State;
use super::widget::frame;
use super::SharedDefinition;
use crate::messages;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};
use yew::prelude::*;

/// The part of the widget's stylesheet the start page needs (`stylesheet::START_PAGE_FILES`, as
/// `build.rs` compacts it): what the entry points carry.
pub const START_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/start.css"));

/// One language's early start page.
#[derive(Debug)]
pub struct StartPageHtml {
    pub language: &'static str,
    /// The page, from the widget's outermost element down.
    pub html: String,
    /// Shown when Start is pressed before the widget is ready.
    pub loading: &'static str,
}

#[derive(Properties, PartialEq)]
struct StartScreenProps {
    definition: SharedDefinition,
    language: AttrValue,
}

/// The start screen exactly as `Widget` and `Questionnaire` mount it for a fresh questionnaire.
#[function_component(StartScreen)]
fn start_screen(props: &StartScreenProps) -> Html {
    let definition = &props.definition;
    let respondent = State::new(definition.clone(), None).respondent;
    let switcher = language_switcher(&definition.languages, &props.language, &Callback::noop());
    let page = html! {
        <StartPage definition={definition.clone()} language={props.language.clone()} {respondent} onbegin={Callback::noop()} />
    };
    frame(props.language.clone(), None, screen(switcher, String::new(), page))
}

/// The compiled-in trial's start page in every language it and the widget both speak, in the
/// widget's order (the first is where a browser preference matches none).
pub fn start_pages() -> Result<Vec<StartPageHtml>, String> {
    let definition = crate::compiled_seed().ok_or("the compiled-in trial could not be read")?;
    let definition = SharedDefinition::new(definition);
    let mut pages = Vec::new();
    for messages in
        messages::LANGUAGES.iter().filter(|messages| definition.languages.iter().any(|l| l == messages.language))
    {
        let props = StartScreenProps { definition: definition.clone(), language: AttrValue::Static(messages.language) };
        let render = yew::LocalServerRenderer::<StartScreen>::with_props(props).hydratable(false).render();
        pages.push(StartPageHtml {
            language: messages.language,
            html: finish(render).ok_or("the start page did not finish rendering")?,
            loading: messages.loading,
        });
    }
    Ok(pages)
}

/// Runs a render to its end. Nothing in the start page suspends, so it finishes in a few polls;
/// the bound only turns a component that would wait forever into an error.
fn finish<F: Future>(render: F) -> Option<F::Output> {
    let mut render = pin!(render);
    let mut context = Context::from_waker(Waker::noop());
    (0..10_000).find_map(|_| match render.as_mut().poll(&mut context) {
        Poll::Ready(output) => Some(output),
        Poll::Pending => None,
    })
}

//! The widget's outer component: the language, and the definition (compiled in, or fetched once
//! from the host's `data-definition-url`), with a calm message and every problem when it is broken.
//!
//! Fetching a definition or a catalogue is behind the `by-url` feature. Without it (the build
//! `embed/prescreen.js` loads when every widget on the page shows the compiled-in trial) the
//! checking loader, the catalogue and the portal are not in the `.wasm` at all.

use super::host::{DefinitionSource, HostSettings};
use super::questionnaire::Questionnaire;
use super::SharedDefinition;
use crate::messages;
use yew::prelude::*;
#[cfg(feature = "by-url")]
use {
    super::browser,
    super::portal::Portal,
    super::SharedCatalogue,
    crate::engine::{echo, Catalogue, Definition},
};

#[derive(Properties, PartialEq, Debug)]
pub struct WidgetProps {
    pub source: DefinitionSource,
    #[prop_or_else(|| AttrValue::from("en"))]
    pub language: AttrValue,
    #[prop_or_default]
    pub host: HostSettings,
}

enum Loaded {
    #[cfg(feature = "by-url")]
    Loading,
    Ready(SharedDefinition),
    #[cfg(feature = "by-url")]
    Portal(SharedCatalogue),
    Broken(Vec<String>),
}

/// What a build without `by-url` shows for `data-definition-url` or `data-catalogue-url`: only a
/// page that loads this build directly, instead of through `prescreen.js`, gets here.
#[cfg(not(feature = "by-url"))]
const NO_FETCHING: &str = "this build of the widget shows only its compiled-in trial: load prescreen.js, \
    which loads the build that reads data-definition-url and data-catalogue-url";

#[function_component(Widget)]
pub fn widget(props: &WidgetProps) -> Html {
    let language = use_state(|| props.language.clone());
    let onlanguage = {
        let language = language.clone();
        Callback::from(move |chosen: AttrValue| language.set(chosen))
    };
    let loaded = use_state(|| match &props.source {
        // Checked when the widget was built; the bytes cannot differ from what the build wrote.
        DefinitionSource::Seed => match crate::compiled_seed() {
            Some(definition) => Loaded::Ready(SharedDefinition::new(definition)),
            None => Loaded::Broken(vec!["the compiled-in trial could not be read".to_owned()]),
        },
        #[cfg(feature = "by-url")]
        DefinitionSource::Url { .. } | DefinitionSource::Catalogue { .. } => Loaded::Loading,
        #[cfg(not(feature = "by-url"))]
        DefinitionSource::Url { .. } | DefinitionSource::Catalogue { .. } => {
            Loaded::Broken(vec![NO_FETCHING.to_owned()])
        }
    });
    #[cfg(feature = "by-url")]
    {
        let loaded = loaded.clone();
        use_effect_with(props.source.clone(), move |source| match source.clone() {
            DefinitionSource::Url { url, integrity } => wasm_bindgen_futures::spawn_local(async move {
                loaded.set(match browser::fetch_definition(&url, integrity.as_deref()).await {
                    Ok(bytes) => match Definition::load_bytes(&bytes) {
                        Ok(definition) => Loaded::Ready(SharedDefinition::new(definition)),
                        Err(error) => Loaded::Broken(error.problems().iter().map(ToString::to_string).collect()),
                    },
                    Err(message) => Loaded::Broken(vec![format!("{}: {message}", echo(&url))]),
                });
            }),
            DefinitionSource::Catalogue { url } => wasm_bindgen_futures::spawn_local(async move {
                loaded.set(match browser::fetch_catalogue(&url).await {
                    Ok(sources) => match Catalogue::load(sources) {
                        Ok(catalogue) => Loaded::Portal(SharedCatalogue::new(catalogue)),
                        Err(error) => Loaded::Broken(error.problems().iter().map(ToString::to_string).collect()),
                    },
                    Err(message) => Loaded::Broken(vec![format!("{}: {message}", echo(&url))]),
                });
            }),
            DefinitionSource::Seed => {}
        });
    }
    let text = messages::get(&language);
    let body = match &*loaded {
        #[cfg(feature = "by-url")]
        Loaded::Loading => html! { <p class="ps-body" role="status">{ text.loading }</p> },
        Loaded::Broken(problems) => html! {
            <div class="ps-broken" role="alert">
                <p class="ps-body">{ text.definition_broken }</p>
                <details class="ps-details">
                    <summary class="ps-details__summary">{ text.definition_problems }</summary>
                    <ul class="ps-list ps-details__text" lang="en">{ for problems.iter().map(|problem| html! { <li><code>{ problem.clone() }</code></li> }) }</ul>
                </details>
            </div>
        },
        Loaded::Ready(definition) => {
            html! {
                <Questionnaire definition={definition.clone()} language={(*language).clone()} {onlanguage} host={props.host.clone()} />
            }
        }
        #[cfg(feature = "by-url")]
        Loaded::Portal(catalogue) => {
            html! {
                <Portal catalogue={catalogue.clone()} language={(*language).clone()} {onlanguage} host={props.host.clone()} />
            }
        }
    };
    frame((*language).clone(), props.host.direction.clone(), body)
}

/// The widget's outermost element, which carries its language and direction. Also how the start
/// page shown early is written (`prerender.rs`).
pub(crate) fn frame(language: AttrValue, direction: Option<AttrValue>, body: Html) -> Html {
    html! { <div class="ps-widget" lang={language} dir={direction}>{ body }</div> }
}

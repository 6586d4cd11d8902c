//! The Yew widget. Components render state and send actions; every decision is an engine call.
//! Effects that reach outside the widget (fetching a definition, printing, downloading) live in
//! this root module only.

mod check_answers;
mod describe;
mod error_summary;
mod question;
mod result;
mod start;
mod state;

use crate::engine::{Definition, LoadError, Respondent};
use crate::messages;
use check_answers::CheckAnswersPage;
use question::QuestionPage;
use result::ResultPage;
use start::StartPage;
use state::{Action, Screen, State};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// A loaded definition shared by every component; equal when it is the same definition, which
/// spares Yew a deep comparison on every render.
#[derive(Clone, Debug)]
pub struct SharedDefinition(Rc<Definition>);

impl SharedDefinition {
    pub fn new(definition: Definition) -> SharedDefinition {
        SharedDefinition(Rc::new(definition))
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

/// Where the widget gets its trial from.
#[derive(Clone, Debug, PartialEq)]
pub enum DefinitionSource {
    /// The compiled-in seed trial.
    Seed,
    /// A definition file at this URL, fetched once at load; the request carries no patient data.
    Url(String),
}

#[derive(Properties, PartialEq, Debug)]
pub struct WidgetProps {
    pub source: DefinitionSource,
    #[prop_or_else(|| AttrValue::from("en"))]
    pub language: AttrValue,
    #[prop_or_default]
    pub host: HostSettings,
}

/// What the host page asked of its widget, read from the element's `data-` attributes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HostSettings {
    /// The host page's element, for the opt-in outcome event.
    pub element: Option<web_sys::Element>,
    /// Whether the host asked (`data-events="outcome"`) to be told the outcome. Never the answers.
    pub outcome_event: bool,
    /// Whether the widget owns the page (`data-owns-title`) and so keeps `document.title` naming the
    /// current step.
    pub owns_title: bool,
    /// Text direction from the host's `data-dir` (`rtl` or `ltr`); none means inherit `ltr`.
    pub direction: Option<AttrValue>,
}

/// Every stylesheet of the widget, compiled in: it is adopted by each widget's shadow root, so the
/// host page needs no `<link>` and no `style-src` exception, and its CSS cannot reach inside.
const WIDGET_CSS: &str = concat!(
    include_str!("../../styles/tokens.css"),
    include_str!("../../styles/widget.css"),
    include_str!("../../styles/form.css"),
    include_str!("../../styles/choice.css"),
    include_str!("../../styles/button.css"),
    include_str!("../../styles/error-summary.css"),
    include_str!("../../styles/summary-list.css"),
    include_str!("../../styles/result.css"),
    include_str!("../../styles/print.css"),
);

fn widget_stylesheet() -> Option<web_sys::CssStyleSheet> {
    let sheet = web_sys::CssStyleSheet::new().ok()?;
    sheet.replace_sync(WIDGET_CSS).ok()?;
    Some(sheet)
}

enum Loaded {
    Loading,
    Ready(SharedDefinition),
    Broken(Vec<String>),
}

/// Finds every element that asks for a widget (`[data-prescreen]`, or the page's `#prescreen`) and
/// mounts one in each, inside its own shadow root so that host styles and widget styles stay apart.
pub fn start() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return };
    let mut hosts = Vec::new();
    if let Ok(found) = document.query_selector_all("[data-prescreen]") {
        for index in 0..found.length() {
            if let Some(element) = found.item(index).and_then(|node| node.dyn_into::<web_sys::Element>().ok()) {
                hosts.push(element);
            }
        }
    }
    if hosts.is_empty() {
        hosts.extend(document.get_element_by_id("prescreen"));
    }
    let stylesheet = widget_stylesheet();
    for host in hosts {
        // A second start() must not mount a second widget in the same place.
        if host.shadow_root().is_some() {
            continue;
        }
        let Ok(shadow) = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)) else {
            continue;
        };
        if let Some(sheet) = &stylesheet {
            let _ = js_sys::Reflect::set(&shadow, &"adoptedStyleSheets".into(), &js_sys::Array::of1(sheet));
        }
        let Ok(root) = document.create_element("div") else { continue };
        if shadow.append_child(&root).is_err() {
            continue;
        }
        let source = match host.get_attribute("data-definition-url") {
            Some(url) if !url.is_empty() => DefinitionSource::Url(url),
            _ => DefinitionSource::Seed,
        };
        let language = host.get_attribute("data-lang").unwrap_or_else(preferred_language);
        let outcome_event = host
            .get_attribute("data-events")
            .is_some_and(|events| events.split_whitespace().any(|event| event == "outcome"));
        let owns_title = host.has_attribute("data-owns-title");
        let direction = host
            .get_attribute("data-dir")
            .filter(|direction| direction == "rtl" || direction == "ltr")
            .map(AttrValue::from);
        let props = WidgetProps {
            source,
            language: language.into(),
            host: HostSettings { element: Some(host), outcome_event, owns_title, direction },
        };
        yew::Renderer::<Widget>::with_root_and_props(root, props).render();
    }
}

/// The first of the browser's preferred languages that the widget speaks, else English. Any
/// Chinese preference gets Simplified Chinese, the only Chinese script the widget has.
fn preferred_language() -> String {
    let preferences = web_sys::window().map(|window| window.navigator().languages()).unwrap_or_default();
    preferences
        .iter()
        .filter_map(|preference| preference.as_string())
        .find_map(|preference| {
            let primary = preference.split('-').next().unwrap_or_default().to_ascii_lowercase();
            match primary.as_str() {
                "zh" => Some("zh-Hans".to_owned()),
                "en" => Some("en".to_owned()),
                _ => None,
            }
        })
        .unwrap_or_else(|| "en".to_owned())
}

#[function_component(Widget)]
pub fn widget(props: &WidgetProps) -> Html {
    let language = use_state(|| props.language.clone());
    let onlanguage = {
        let language = language.clone();
        Callback::from(move |chosen: AttrValue| language.set(chosen))
    };
    let loaded = use_state(|| match &props.source {
        DefinitionSource::Seed => Loaded::Ready(SharedDefinition::new(Definition::seed())),
        DefinitionSource::Url(_) => Loaded::Loading,
    });
    {
        let loaded = loaded.clone();
        use_effect_with(props.source.clone(), move |source| {
            if let DefinitionSource::Url(url) = source.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    loaded.set(match fetch_text(&url).await {
                        Ok(text) => match Definition::load(&text) {
                            Ok(definition) => Loaded::Ready(SharedDefinition::new(definition)),
                            Err(error) => Loaded::Broken(problems(&error)),
                        },
                        Err(message) => Loaded::Broken(vec![format!("{url}: {message}")]),
                    });
                });
            }
        });
    }
    let text = messages::get(&language);
    let body = match &*loaded {
        Loaded::Loading => html! { <p class="ps-body" role="status">{ text.loading }</p> },
        Loaded::Broken(problems) => html! {
            <div class="ps-broken" role="alert">
                <p class="ps-body">{ text.definition_broken }</p>
                <details class="ps-details">
                    <summary class="ps-details__summary">{ text.definition_problems }</summary>
                    <ul class="ps-list ps-details__text">{ for problems.iter().map(|problem| html! { <li><code>{ problem.clone() }</code></li> }) }</ul>
                </details>
            </div>
        },
        Loaded::Ready(definition) => {
            html! {
                <Questionnaire definition={definition.clone()} language={(*language).clone()} {onlanguage} host={props.host.clone()} />
            }
        }
    };
    html! { <div class="ps-widget" lang={(*language).clone()} dir={props.host.direction.clone()}>{ body }</div> }
}

fn problems(error: &LoadError) -> Vec<String> {
    error.problems().iter().map(ToString::to_string).collect()
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let describe = |error: JsValue| error.as_string().unwrap_or_else(|| format!("{error:?}"));
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url)).await.map_err(describe)?;
    let response: web_sys::Response = response.dyn_into().map_err(describe)?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().map_err(describe)?).await.map_err(describe)?;
    text.as_string().ok_or_else(|| "the response was not text".to_owned())
}

#[derive(Properties, PartialEq, Debug)]
pub struct QuestionnaireProps {
    pub definition: SharedDefinition,
    pub language: AttrValue,
    /// Called with a language tag when the patient switches language.
    #[prop_or_default]
    pub onlanguage: Callback<AttrValue>,
    #[prop_or_default]
    pub host: HostSettings,
}

impl PartialEq for State {
    fn eq(&self, other: &State) -> bool {
        self.definition == other.definition
            && self.answers == other.answers
            && self.screen == other.screen
            && self.history == other.history
            && self.respondent == other.respondent
    }
}

#[function_component(Questionnaire)]
pub fn questionnaire(props: &QuestionnaireProps) -> Html {
    let state = use_reducer_eq({
        let definition = props.definition.clone();
        move || State::new(definition)
    });
    let dispatch = |make: fn() -> Action| {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(make()))
    };
    let language = props.language.clone();
    let in_progress = !state.answers.is_empty() && state.screen != Screen::Result;
    use_effect_with(in_progress, |in_progress| {
        let guard = in_progress.then(LeaveGuard::install).flatten();
        move || drop(guard)
    });
    {
        let outcome = (state.screen == Screen::Result).then_some(state.evaluation.outcome);
        let host = props.host.element.clone().filter(|_| props.host.outcome_event);
        let trial = state.definition.trial.id.clone();
        use_effect_with(outcome, move |outcome| {
            if let (Some(outcome), Some(host)) = (outcome, host) {
                announce_outcome(&host, &trial, outcome.id());
            }
        });
    }
    let text = messages::get(&language);
    let trial_title = state.definition.trial.plain_title.get(&language).to_owned();
    let screen_title = match state.screen {
        Screen::Start => Some(trial_title.clone()),
        Screen::CheckAnswers => Some(format!("{} – {trial_title}", text.check_answers)),
        Screen::Result => Some(format!("{} – {trial_title}", text.outcome_heading(state.evaluation.outcome))),
        // A question page names itself, with "Error:" when it shows errors.
        Screen::Question(_) => None,
    };
    {
        let owns_title = props.host.owns_title;
        use_effect_with(screen_title.clone(), move |title| {
            if let (true, Some(title)) = (owns_title, title) {
                set_page_title(title);
            }
        });
    }
    let announcement = match state.screen {
        Screen::Question(_) => {
            let (step, total) = state.progress();
            text.progress(step, total)
        }
        Screen::Result => text.outcome_heading(state.evaluation.outcome).to_owned(),
        Screen::CheckAnswers => text.check_answers.to_owned(),
        Screen::Start => String::new(),
    };
    let switcher = language_switcher(&state.definition, &language, &props.onlanguage);
    let page = match state.screen {
        Screen::Start => {
            let state_handle = state.clone();
            let onbegin =
                Callback::from(move |respondent: Respondent| state_handle.dispatch(Action::Begin(respondent)));
            html! { <StartPage definition={state.definition.clone()} {language} respondent={state.respondent} {onbegin} /> }
        }
        Screen::Question(index) => {
            let onanswer = {
                let state = state.clone();
                Callback::from(move |answer| state.dispatch(Action::Answer { question: index, answer }))
            };
            let question = &state.definition.questions[index];
            html! {
                <QuestionPage key={question.id.to_string()} definition={state.definition.clone()} {index} respondent={state.respondent} {language}
                    owns_title={props.host.owns_title} {trial_title}
                    answer={state.answers.get(question.id.as_str()).cloned()} progress={state.progress()}
                    {onanswer} onback={dispatch(|| Action::Back)} />
            }
        }
        Screen::CheckAnswers => {
            let onchange = {
                let state = state.clone();
                Callback::from(move |question| state.dispatch(Action::Change { question }))
            };
            html! {
                <CheckAnswersPage definition={state.definition.clone()} answers={state.answers.clone()} evaluation={state.evaluation.clone()}
                    respondent={state.respondent} {language} {onchange}
                    oncontinue={dispatch(|| Action::ShowResult)} onback={dispatch(|| Action::Back)} />
            }
        }
        Screen::Result => {
            let ondownload = {
                let state = state.clone();
                Callback::from(move |()| download_answers(&state))
            };
            html! {
                <ResultPage definition={state.definition.clone()} evaluation={state.evaluation.clone()} respondent={state.respondent} {language}
                    today={today()} onprint={Callback::from(|()| print())} {ondownload}
                    onchangeanswers={dispatch(|| Action::ShowCheckAnswers)} onstartover={dispatch(|| Action::StartOver)} />
            }
        }
    };
    html! {
        <>
            { switcher }
            <div class="ps-visually-hidden" role="status" aria-live="polite">{ announcement }</div>
            { page }
        </>
    }
}

/// Buttons for every language both the widget and the definition speak, each named in its own
/// language; switching keeps every answer. Nothing when there is only one.
fn language_switcher(definition: &Definition, current: &str, onlanguage: &Callback<AttrValue>) -> Html {
    let available: Vec<&'static messages::Messages> = messages::LANGUAGES
        .iter()
        .filter(|language| definition.languages.iter().any(|declared| declared == *language))
        .map(|language| messages::get(language))
        .collect();
    if available.len() < 2 {
        return html! {};
    }
    let label = messages::get(current).switch_language;
    html! {
        <nav class="ps-language" aria-label={label}>
            { for available.into_iter().map(|choice| {
                let onclick = {
                    let onlanguage = onlanguage.clone();
                    Callback::from(move |_: MouseEvent| onlanguage.emit(AttrValue::Static(choice.language)))
                };
                let pressed = choice.language == current;
                html! {
                    <button type="button" class="ps-language__option" lang={choice.language}
                        aria-pressed={pressed.to_string()} {onclick}>{ choice.language_name }</button>
                }
            }) }
        </nav>
    }
}

/// A reference to put on a page's heading: the heading takes focus whenever `key` changes (a new
/// page), so keyboard and screen-reader users start at the top of what changed.
#[hook]
pub(crate) fn use_focus_on<T: PartialEq + 'static>(key: T) -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(key, move |_| {
            if let Some(element) = node.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    node
}

/// Sets the page's title; only for a widget that owns its page.
pub(crate) fn set_page_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(title);
    }
}

fn today() -> AttrValue {
    let iso = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default();
    AttrValue::from(iso.get(..10).unwrap_or_default().to_owned())
}

fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Saves the answers as a JSON file made in the browser: a `blob:` URL, never an upload.
fn download_answers(state: &State) {
    let definition = &state.definition;
    let document = serde_json::json!({
        "trial": definition.trial.id,
        "registry_id": definition.trial.registry_id,
        "definition_version": definition.trial.definition_version,
        "saved": today().as_str(),
        "outcome": state.evaluation.outcome.id(),
        "answers": definition.answers_to_json(&state.answers),
    });
    let Ok(text) = serde_json::to_string_pretty(&document) else { return };
    let parts = js_sys::Array::of1(&JsValue::from_str(&text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return };
    if let Ok(anchor) = document.create_element("a") {
        if let Ok(anchor) = anchor.dyn_into::<web_sys::HtmlAnchorElement>() {
            anchor.set_href(&url);
            anchor.set_download(&format!("prescreen-{}-answers.json", definition.trial.id));
            anchor.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// While answers are in progress, leaving or reloading the page asks the browser's "leave this
/// page?" question. Removed when dropped.
struct LeaveGuard {
    listener: wasm_bindgen::closure::Closure<dyn Fn(web_sys::BeforeUnloadEvent)>,
}

impl LeaveGuard {
    fn install() -> Option<LeaveGuard> {
        let window = web_sys::window()?;
        let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(
            |event: web_sys::BeforeUnloadEvent| {
                event.prevent_default();
                event.set_return_value("");
            },
        );
        window.add_event_listener_with_callback("beforeunload", listener.as_ref().unchecked_ref()).ok()?;
        Some(LeaveGuard { listener })
    }
}

impl Drop for LeaveGuard {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback("beforeunload", self.listener.as_ref().unchecked_ref());
        }
    }
}

/// The opt-in host event: `prescreen:outcome` on the host element, with the trial id and the
/// outcome only. No answer is ever in it.
fn announce_outcome(host: &web_sys::Element, trial: &str, outcome: &str) {
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"trial".into(), &trial.into());
    let _ = js_sys::Reflect::set(&detail, &"outcome".into(), &outcome.into());
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("prescreen:outcome", &init) {
        let _ = host.dispatch_event(&event);
    }
}

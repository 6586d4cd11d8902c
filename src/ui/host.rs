//! The host page's side: finding the elements that ask for a widget, reading their `data-`
//! settings, and mounting a widget in each inside its own shadow root with the widget's styles
//! adopted, so that host styles and widget styles stay apart.

use super::start::RESPONDENT_CHOICES;
use super::widget::{Widget, WidgetProps};
use crate::engine::Respondent;
use crate::messages;
use wasm_bindgen::JsCast;
use yew::AttrValue;

/// Where the widget gets its trial from.
#[derive(Clone, Debug, PartialEq)]
pub enum DefinitionSource {
    /// The compiled-in seed trial.
    Seed,
    /// A definition file at this URL, fetched once at load; the request carries no patient data.
    /// With `integrity` (`sha384-…`), the browser refuses a file that differs.
    Url { url: String, integrity: Option<String> },
    /// A catalogue of trials at this URL (`data-catalogue-url`): a portal that asks each shared
    /// question once. The catalogue and its trials are fetched at load, and nothing after.
    Catalogue { url: String },
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
    /// Whether the title may name the outcome (`data-owns-title="with-outcome"`). Off by default:
    /// titles land in browser history, which may sync, and in analytics page titles.
    pub title_names_outcome: bool,
    /// Text direction from the host's `data-dir` (`rtl` or `ltr`); none means inherit `ltr`.
    pub direction: Option<AttrValue>,
    /// What the patient did on the start page shown before the widget was ready, if one was.
    pub early: Option<EarlyStart>,
}

/// What the patient did on the start page that `embed/prescreen.js` shows while the WebAssembly
/// loads (written when the widget is built, by its own components: `prerender.rs`). The widget
/// takes over from it and carries on: same language, same choice, focus on the same control, and
/// straight to the first question when Start was already pressed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EarlyStart {
    pub respondent: Respondent,
    pub begun: bool,
    /// The control that had focus, by its place among the page's buttons and inputs: the widget's
    /// start page is the same markup, so the same place is the same control.
    pub focus: Option<u32>,
}

/// Marks the element, in a host's shadow root, that holds the start page shown early.
const EARLY_START: &str = "[data-ps-early]";
/// The controls a person can reach on the start page, in the order `EarlyStart::focus` counts them.
const CONTROLS: &str = "button, input";

/// Every stylesheet of the widget, compiled in: it is adopted by each widget's shadow root, so the
/// host page needs no `<link>` and no `style-src` exception, and its CSS cannot reach inside. The
/// files in `styles/` as `build.rs` joins and compacts them (`src/stylesheet.rs`).
const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

fn widget_stylesheet() -> Option<web_sys::CssStyleSheet> {
    let sheet = web_sys::CssStyleSheet::new().ok()?;
    sheet.replace_sync(WIDGET_CSS).ok()?;
    Some(sheet)
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
    // Without shadow roots and adopted stylesheets the widget would show unstyled or not at all:
    // it does not mount, and each host element keeps the message its own HTML carries (the
    // "no blank screen" fallback, with the trial's contacts).
    let Some(stylesheet) = widget_stylesheet().filter(|_| shadow_roots_adopt_stylesheets()) else { return };
    for host in hosts {
        let (shadow, early, language) = match host.shadow_root() {
            None => match host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)) {
                Ok(shadow) if adopt(&shadow, &stylesheet) => (shadow, None, None),
                _ => continue,
            },
            // The start page shown early: read what the patient did there, then replace it. Any
            // other shadow root is a widget already mounted (a second start() must not mount a
            // second one in the same place) or the host page's own.
            // The entry point adopted only the start page's part of the stylesheet: the whole one
            // replaces it in the same task, which draws the same page the same way.
            Some(shadow) => match shadow.query_selector(EARLY_START) {
                Ok(Some(shown)) if adopt(&shadow, &stylesheet) => {
                    let (early, language) = take_over(&shadow, &shown);
                    (shadow, Some(early), language)
                }
                _ => continue,
            },
        };
        let Ok(root) = document.create_element("div") else { continue };
        if shadow.append_child(&root).is_err() {
            continue;
        }
        let focus = early.as_ref().filter(|early| !early.begun).and_then(|early| early.focus);
        let props = widget_props(host, early, language);
        yew::Renderer::<Widget>::with_root_and_props(root.clone(), props).render();
        if let Some(place) = focus {
            // Yew renders in a microtask queued by render(); this one runs after it, still before
            // the browser paints or handles the next event.
            wasm_bindgen_futures::spawn_local(async move { focus_control(&root, place) });
        }
    }
}

fn adopt(shadow: &web_sys::ShadowRoot, stylesheet: &web_sys::CssStyleSheet) -> bool {
    js_sys::Reflect::set(shadow, &"adoptedStyleSheets".into(), &js_sys::Array::of1(stylesheet)).is_ok()
}

/// Reads what the patient did on the early start page, and the language it shows, and removes it;
/// the widget renders in its place before the browser paints again, so nobody sees the page go.
fn take_over(shadow: &web_sys::ShadowRoot, shown: &web_sys::Element) -> (EarlyStart, Option<String>) {
    let chosen = shown.query_selector("input[name=respondent]:checked").ok().flatten();
    let value = chosen.and_then(|input| input.get_attribute("value"));
    let respondent = RESPONDENT_CHOICES
        .iter()
        .find(|(_, id)| value.as_deref() == Some(*id))
        .map_or(Respondent::default(), |(respondent, _)| *respondent);
    let focused = shadow.active_element();
    let focus = focused.and_then(|focused| {
        let controls = shown.query_selector_all(CONTROLS).ok()?;
        (0..controls.length())
            .find(|&index| controls.item(index).is_some_and(|control| control.is_same_node(Some(&focused))))
    });
    let language = shown.query_selector(".ps-widget").ok().flatten().and_then(|widget| widget.get_attribute("lang"));
    let early = EarlyStart { respondent, begun: shown.has_attribute("data-ps-begun"), focus };
    shown.remove();
    (early, language)
}

/// Focuses the control at `place` among the widget's buttons and inputs.
fn focus_control(root: &web_sys::Element, place: u32) {
    let control = root.query_selector_all(CONTROLS).ok().and_then(|controls| controls.item(place));
    if let Some(control) = control.and_then(|control| control.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = control.focus();
    }
}

/// Whether shadow roots can adopt constructed stylesheets in this browser (Safari 16.4, Chrome 73,
/// Firefox 101 and later).
fn shadow_roots_adopt_stylesheets() -> bool {
    let Some(window) = web_sys::window() else { return false };
    let prototype = js_sys::Reflect::get(&window, &"ShadowRoot".into())
        .and_then(|constructor| js_sys::Reflect::get(&constructor, &"prototype".into()));
    prototype.is_ok_and(|prototype| {
        prototype.is_object() && js_sys::Reflect::has(&prototype, &"adoptedStyleSheets".into()).unwrap_or(false)
    })
}

/// The widget's settings from the host element's `data-` attributes.
/// `early` and `language` come from the start page shown early, when there was one: its language
/// is the one the patient last chose.
fn widget_props(host: web_sys::Element, early: Option<EarlyStart>, language: Option<String>) -> WidgetProps {
    let source = match (host.get_attribute("data-catalogue-url"), host.get_attribute("data-definition-url")) {
        (Some(url), _) if !url.is_empty() => DefinitionSource::Catalogue { url },
        (_, Some(url)) if !url.is_empty() => {
            DefinitionSource::Url { url, integrity: host.get_attribute("data-definition-integrity") }
        }
        _ => DefinitionSource::Seed,
    };
    let language = language.or_else(|| host.get_attribute("data-lang")).unwrap_or_else(preferred_language);
    let outcome_event = host
        .get_attribute("data-events")
        .is_some_and(|events| events.split_whitespace().any(|event| event == "outcome"));
    let owns_title = host.has_attribute("data-owns-title");
    let title_names_outcome = host.get_attribute("data-owns-title").as_deref() == Some("with-outcome");
    let direction = host
        .get_attribute("data-dir")
        .filter(|direction| direction == "rtl" || direction == "ltr")
        .map(AttrValue::from);
    WidgetProps {
        source,
        language: language.into(),
        host: HostSettings { element: Some(host), outcome_event, owns_title, title_names_outcome, direction, early },
    }
}

/// The first of the browser's preferred languages that the widget speaks, else the first language.
fn preferred_language() -> String {
    let preferences = web_sys::window().map(|window| window.navigator().languages()).unwrap_or_default();
    preferences
        .iter()
        .filter_map(|preference| preference.as_string())
        .find_map(|preference| messages::for_browser_preference(&preference))
        .unwrap_or(messages::LANGUAGES[0])
        .language
        .to_owned()
}

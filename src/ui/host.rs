//! The host page's side: finding the elements that ask for a widget, reading their `data-`
//! settings, and mounting a widget in each inside its own shadow root with the widget's styles
//! adopted, so that host styles and widget styles stay apart.

use super::widget::{Widget, WidgetProps};
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
        // A second start() must not mount a second widget in the same place.
        if host.shadow_root().is_some() {
            continue;
        }
        let Ok(shadow) = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)) else {
            continue;
        };
        if js_sys::Reflect::set(&shadow, &"adoptedStyleSheets".into(), &js_sys::Array::of1(&stylesheet)).is_err() {
            continue;
        }
        let Ok(root) = document.create_element("div") else { continue };
        if shadow.append_child(&root).is_err() {
            continue;
        }
        let props = widget_props(host);
        yew::Renderer::<Widget>::with_root_and_props(root, props).render();
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
fn widget_props(host: web_sys::Element) -> WidgetProps {
    let source = match (host.get_attribute("data-catalogue-url"), host.get_attribute("data-definition-url")) {
        (Some(url), _) if !url.is_empty() => DefinitionSource::Catalogue { url },
        (_, Some(url)) if !url.is_empty() => {
            DefinitionSource::Url { url, integrity: host.get_attribute("data-definition-integrity") }
        }
        _ => DefinitionSource::Seed,
    };
    let language = host.get_attribute("data-lang").unwrap_or_else(preferred_language);
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
        host: HostSettings { element: Some(host), outcome_event, owns_title, title_names_outcome, direction },
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

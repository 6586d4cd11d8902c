//! Every effect that reaches outside the widget: fetching a definition, printing, saving a file,
//! the page title, the "leave this page?" question and the host event. Components never call the
//! browser for these themselves; the app's root (`questionnaire.rs`, `widget.rs`) does, through here.

use wasm_bindgen::{JsCast, JsValue};

/// Fetches a definition file's text. The request carries no patient data: it is made once, at
/// load, before anything is answered.
pub async fn fetch_text(url: &str) -> Result<String, String> {
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

/// Sets the page's title; only for a widget that owns its page.
pub fn set_page_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(title);
    }
}

/// Today's date on the patient's device, as `YYYY-MM-DD`.
pub fn today() -> String {
    let iso = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default();
    iso.get(..10).unwrap_or_default().to_owned()
}

/// Opens the browser's print dialogue (which also offers "save as PDF").
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Saves `text` as a file made in the browser: a `blob:` URL, never an upload. The URL is
/// revoked when this returns (`ObjectUrl` does it on drop); the browser has started the download
/// by then.
pub fn save_file(file_name: &str, mime_type: &str, text: &str) {
    let blob = gloo_file::Blob::new_with_options(text, Some(mime_type));
    let url = gloo_file::ObjectUrl::from(blob);
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return };
    if let Ok(anchor) = document.create_element("a") {
        if let Ok(anchor) = anchor.dyn_into::<web_sys::HtmlAnchorElement>() {
            anchor.set_href(&url);
            anchor.set_download(file_name);
            anchor.click();
        }
    }
}

/// While answers are in progress, leaving or reloading the page asks the browser's "leave this
/// page?" question. The listener is removed when the guard is dropped.
pub struct LeaveGuard {
    _listener: gloo_events::EventListener,
}

impl LeaveGuard {
    pub fn install() -> Option<LeaveGuard> {
        let window = web_sys::window()?;
        // Not passive (gloo's default), so that the listener may cancel the unload.
        let options = gloo_events::EventListenerOptions::enable_prevent_default();
        let listener = gloo_events::EventListener::new_with_options(&window, "beforeunload", options, |event| {
            event.prevent_default();
            if let Some(event) = event.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                event.set_return_value("");
            }
        });
        Some(LeaveGuard { _listener: listener })
    }
}

impl std::fmt::Debug for LeaveGuard {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("LeaveGuard")
    }
}

/// The opt-in host event: `prescreen:outcome` on the host element, with the trial id and the
/// outcome only. No answer is ever in it.
pub fn announce_outcome(host: &web_sys::Element, trial: &str, outcome: &str) {
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

//! Every effect that reaches outside the widget: fetching a definition, printing, saving a file,
//! the page title, the "leave this page?" question and the host event. Components never call the
//! browser for these themselves; the app's root (`questionnaire.rs`, `widget.rs`) does, through here.

#[cfg(feature = "by-url")]
use crate::engine::{file_too_large, limits};
use wasm_bindgen::JsCast;
#[cfg(feature = "by-url")]
use wasm_bindgen::JsValue;

#[cfg(feature = "by-url")]
/// Fetches a definition file's bytes, bounded and bare. The request carries no patient data (it
/// is made once, at load, before anything is answered), no cookies or other credentials and no
/// referrer; with `integrity` (a `sha384-…` hash from the host's `data-definition-integrity`) the
/// browser refuses a file that differs. It gives up after `limits::FETCH_MILLISECONDS`, and stops
/// reading as soon as the file is larger than a definition may be, by its `Content-Length` or as
/// the body streams in.
pub async fn fetch_definition(url: &str, integrity: Option<&str>) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let controller = web_sys::AbortController::new().map_err(describe)?;
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_referrer_policy(web_sys::ReferrerPolicy::NoReferrer);
    init.set_signal(Some(&controller.signal()));
    if let Some(integrity) = integrity {
        init.set_integrity(integrity);
    }
    let _timeout = {
        let controller = controller.clone();
        gloo_timers::callback::Timeout::new(limits::FETCH_MILLISECONDS, move || controller.abort())
    };
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|error| fetch_failure(&controller, error))?;
    let response: web_sys::Response = response.dyn_into().map_err(describe)?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let limit = limits::DEFINITION_BYTES;
    let declared =
        response.headers().get("content-length").ok().flatten().and_then(|length| length.parse::<usize>().ok());
    if let Some(length) = declared.filter(|length| *length > limit) {
        controller.abort();
        return Err(file_too_large(length, limit, "a definition file"));
    }
    let body = response.body().ok_or("the response has no body")?;
    let reader: web_sys::ReadableStreamDefaultReader =
        body.get_reader().dyn_into().map_err(|_| "the response cannot be read".to_owned())?;
    let mut bytes = Vec::new();
    loop {
        let chunk = wasm_bindgen_futures::JsFuture::from(reader.read())
            .await
            .map_err(|error| fetch_failure(&controller, error))?;
        if js_sys::Reflect::get(&chunk, &"done".into()).ok().and_then(|done| done.as_bool()).unwrap_or(true) {
            break;
        }
        let value: js_sys::Uint8Array =
            js_sys::Reflect::get(&chunk, &"value".into()).map_err(describe)?.dyn_into().map_err(describe)?;
        let start = bytes.len();
        let length = value.length() as usize;
        if start + length > limit {
            controller.abort();
            return Err(file_too_large(start + length, limit, "a definition file"));
        }
        bytes.resize(start + length, 0);
        value.copy_to(&mut bytes[start..]);
    }
    Ok(bytes)
}

#[cfg(feature = "by-url")]
/// `relative` resolved against `base`, itself resolved against the page's address: a catalogue's
/// trial URLs are relative to the catalogue.
pub fn resolve_url(relative: &str, base: &str) -> Option<String> {
    let page = web_sys::window()?.document()?.base_uri().ok().flatten()?;
    let base = web_sys::Url::new_with_base(base, &page).ok()?;
    web_sys::Url::new_with_base(relative, &base.href()).ok().map(|url| url.href())
}

#[cfg(feature = "by-url")]
/// Fetches a catalogue and then each trial it lists by URL, each as bounded and bare as a
/// definition; a trial that cannot be had is reported in its place. Nothing is fetched after.
pub async fn fetch_catalogue(url: &str) -> Result<Vec<crate::engine::TrialSource>, String> {
    use crate::engine::{read_catalogue, Entry, TrialSource};
    let bytes = fetch_definition(url, None).await?;
    let entries = read_catalogue(&bytes).map_err(|error| error.to_string())?;
    let mut sources = Vec::with_capacity(entries.len());
    for entry in entries {
        sources.push(match entry {
            Entry::Inline(json) => TrialSource::Inline(json),
            Entry::Url(relative) => match resolve_url(&relative, url) {
                Some(absolute) => match fetch_definition(&absolute, None).await {
                    Ok(bytes) => TrialSource::Bytes(bytes),
                    Err(message) => TrialSource::Unavailable(format!("{}: {message}", crate::engine::echo(&relative))),
                },
                None => TrialSource::Unavailable(format!("{}: not a URL", crate::engine::echo(&relative))),
            },
        });
    }
    Ok(sources)
}

#[cfg(feature = "by-url")]
fn describe(error: JsValue) -> String {
    error.as_string().unwrap_or_else(|| format!("{error:?}"))
}

#[cfg(feature = "by-url")]
/// Why a fetch failed: the timeout, or what the browser said.
fn fetch_failure(controller: &web_sys::AbortController, error: JsValue) -> String {
    if controller.signal().aborted() {
        format!("no answer within {} seconds", limits::FETCH_MILLISECONDS / 1000)
    } else {
        js_sys::Reflect::get(&error, &"message".into())
            .ok()
            .and_then(|message| message.as_string())
            .unwrap_or_else(|| describe(error))
    }
}

/// Sets the page's title; only for a widget that owns its page.
pub fn set_page_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(title);
    }
}

/// Whether the widget may move focus to `element`: only while focus is in the widget already, or
/// nowhere (on the page's body, as when the focused control was replaced). Never away from where a
/// person has gone on the host page.
pub fn may_take_focus(element: &web_sys::HtmlElement) -> bool {
    let Some(document) = element.owner_document() else { return true };
    let in_shadow =
        element.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok().and_then(|shadow| shadow.active_element());
    if in_shadow.is_some() {
        return true;
    }
    let Some(active) = document.active_element() else { return true };
    let in_widget = element.closest(".ps-widget").ok().flatten().is_some_and(|widget| widget.contains(Some(&active)));
    in_widget || document.body().is_some_and(|body| body.is_same_node(Some(&active)))
}

/// Today's date on the patient's device, in its time zone, as `YYYY-MM-DD`.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
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

#[cfg(feature = "by-url")]
/// The opt-in host event: `prescreen:outcome` on the host element, with the trial id and the
/// outcome only. No answer is ever in it.
/// Tells the host each trial's outcome on a portal, with one `prescreen:outcome` event whose detail
/// holds `outcomes: [{trial, outcome}]`; only when the host asked (`data-events="outcome"`).
pub fn announce_outcomes(host: &web_sys::Element, outcomes: &[(String, &'static str)]) {
    let list = js_sys::Array::new();
    for (trial, outcome) in outcomes {
        let entry = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&entry, &"trial".into(), &trial.into());
        let _ = js_sys::Reflect::set(&entry, &"outcome".into(), &(*outcome).into());
        list.push(&entry);
    }
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"outcomes".into(), &list);
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("prescreen:outcome", &init) {
        let _ = host.dispatch_event(&event);
    }
}

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

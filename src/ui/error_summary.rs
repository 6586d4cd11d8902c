//! The error summary at the top of a question page: takes focus when errors appear, and each link
//! moves focus to its field without touching the page's URL.

use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    /// The `id` of the field the message is about.
    pub field: String,
    pub message: String,
}

#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    pub errors: Vec<FieldError>,
    /// "There is a problem", in the patient's language.
    pub title: AttrValue,
}

#[function_component(ErrorSummary)]
pub fn error_summary(props: &ErrorSummaryProps) -> Html {
    let summary = use_node_ref();
    {
        let summary = summary.clone();
        use_effect_with(props.errors.clone(), move |errors| {
            if !errors.is_empty() {
                if let Some(summary) = summary.cast::<HtmlElement>() {
                    let _ = summary.focus();
                }
            }
        });
    }
    if props.errors.is_empty() {
        return html! {};
    }
    html! {
        <div class="ps-error-summary" ref={summary} tabindex="-1" role="alert" aria-labelledby="ps-error-summary-title">
            <h2 class="ps-error-summary__title" id="ps-error-summary-title">{ props.title.clone() }</h2>
            <ul class="ps-error-summary__list">
                { for props.errors.iter().map(|error| {
                    let field = error.field.clone();
                    let onclick = Callback::from(move |event: MouseEvent| {
                        event.prevent_default();
                        // Look the field up from the link itself: the widget may live in a shadow root.
                        let root = event.target_unchecked_into::<web_sys::Node>().get_root_node();
                        let found = js_sys::Reflect::get(&root, &"getElementById".into()).ok()
                            .and_then(|function| function.dyn_into::<js_sys::Function>().ok())
                            .and_then(|function| function.call1(&root, &field.clone().into()).ok())
                            .and_then(|element| element.dyn_into::<HtmlElement>().ok());
                        if let Some(element) = found {
                            let _ = element.focus();
                        }
                    });
                    html! { <li><a class="ps-error-summary__link" href={format!("#{}", error.field)} {onclick}>{ error.message.clone() }</a></li> }
                }) }
            </ul>
        </div>
    }
}

use wasm_bindgen::JsCast;

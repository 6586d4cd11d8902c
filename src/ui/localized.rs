//! A definition's text in the patient's language, marked with the language it is really in.
//!
//! A text missing a translation falls back to the definition's first language; a screen reader
//! must then read it in that language, not in the language of the page around it.

use crate::engine::Text;
use yew::prelude::*;

/// The text in `language`, or its fallback wrapped in a `<span lang>` naming the fallback's language.
pub fn localized(text: &Text, language: &str) -> Html {
    let shown_in = text.language_of(language);
    if shown_in == language {
        html! { { text.get(language).to_owned() } }
    } else {
        html! { <span lang={shown_in.to_owned()}>{ text.get(language).to_owned() }</span> }
    }
}

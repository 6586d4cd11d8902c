//! The start screen: what this check is and is not, the privacy promise, and who is answering.

use super::localized::localized;
use super::SharedDefinition;
use crate::engine::Respondent;
use crate::messages;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StartPageProps {
    pub definition: SharedDefinition,
    /// On a portal: how many trials it checks at once (the page then speaks of them, not of one).
    #[prop_or_default]
    pub portal_trials: Option<usize>,
    pub language: AttrValue,
    pub respondent: Respondent,
    pub onbegin: Callback<Respondent>,
}

/// Each respondent's radio on the start page: its `id` and `value`. The widget reads the choice
/// back from the page shown while it loaded (`host::take_over`).
pub(crate) const RESPONDENT_CHOICES: [(Respondent, &str); 2] =
    [(Respondent::Patient, "ps-respondent-patient"), (Respondent::Caregiver, "ps-respondent-caregiver")];

#[function_component(StartPage)]
pub fn start_page(props: &StartPageProps) -> Html {
    let respondent = use_state(|| props.respondent);
    let trial = &props.definition.trial;
    let language = props.language.as_str();
    let text = messages::get(language);
    let onsubmit = {
        let respondent = respondent.clone();
        let onbegin = props.onbegin.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            onbegin.emit(*respondent);
        })
    };
    let choice = |value: Respondent, id: &str, label: &str| {
        let onchange = {
            let respondent = respondent.clone();
            Callback::from(move |_: Event| respondent.set(value))
        };
        html! {
            <div class="ps-choice">
                <input class="ps-choice__input" type="radio" id={id.to_owned()} name="respondent" value={id.to_owned()} checked={*respondent == value} {onchange} />
                <label class="ps-choice__label" for={id.to_owned()}>{ label.to_owned() }</label>
            </div>
        }
    };
    let [(patient, patient_id), (caregiver, caregiver_id)] = RESPONDENT_CHOICES;
    html! {
        <div class="ps-start">
            if let Some(trials) = props.portal_trials {
                <h1 class="ps-heading ps-heading--large">{ text.portal_heading }</h1>
                <p class="ps-body">{ text.portal_intro(trials) }</p>
            } else {
                <h1 class="ps-heading ps-heading--large">{ localized(&trial.plain_title, language) }</h1>
            }
            <p class="ps-body">{ text.what_this_is }</p>
            <p class="ps-body ps-privacy">{ lock_icon() }{ text.privacy }</p>
            if props.portal_trials.is_none() {
                <p class="ps-body ps-meta">{ localized(&trial.sponsor, language) }{ " · " }{ trial.registry_id.clone() }{ " · " }{ localized(&trial.condition, language) }</p>
            }
            <form class="ps-form" {onsubmit}>
                <fieldset class="ps-fieldset">
                    <legend class="ps-fieldset__legend ps-fieldset__legend--medium">{ text.who_is_answering }</legend>
                    <div class="ps-choices">
                        { choice(patient, patient_id, text.for_myself) }
                        { choice(caregiver, caregiver_id, text.for_someone_else) }
                    </div>
                </fieldset>
                <button type="submit" class="ps-button ps-button--start">{ text.start }</button>
            </form>
        </div>
    }
}

/// A padlock drawn in SVG beside the privacy promise: it needs no font, and it is decoration only
/// (the words say everything), so screen readers skip it.
fn lock_icon() -> Html {
    html! {
        <svg class="ps-privacy__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M8 1a4 4 0 0 0-4 4v2H3a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-1V5a4 4 0 0 0-4-4zm-2 6V5a2 2 0 1 1 4 0v2H6z" />
        </svg>
    }
}

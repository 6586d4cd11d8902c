//! Radios: a yes/no question and a single-choice question, each with "I don't know" after an "or"
//! where the definition offers it.

use super::fields::{choice_id, choice_input, divider};
use super::FieldsProps;
use crate::engine::{DO_NOT_KNOW, NO, YES};
use crate::messages;
use crate::ui::localized::localized;
use yew::prelude::*;

/// Yes, no, and "I don't know" where offered.
pub fn yes_no(props: &FieldsProps) -> Html {
    let text = messages::get(&props.language);
    radios(props, vec![(YES.to_owned(), html! { text.yes }), (NO.to_owned(), html! { text.no })])
}

/// One of the question's choices, in the wording for who is answering.
pub fn single_choice(props: &FieldsProps) -> Html {
    let options = props
        .question()
        .choices()
        .iter()
        .map(|choice| (choice.id.to_string(), localized(choice.label_for(props.respondent), &props.language)))
        .collect();
    radios(props, options)
}

/// One radio per `(value, label)`, then "I don't know" where the question offers it.
fn radios(props: &FieldsProps, options: Vec<(String, Html)>) -> Html {
    let question = props.question();
    let text = messages::get(&props.language);
    let name = question.id.to_string();
    let count = options.len();
    let radio = |position: usize, value: String, label: Html| {
        let checked = !props.input.do_not_know && props.input.choice.as_deref() == Some(value.as_str());
        let picked = value.clone();
        let onchange = props.change(move |input| {
            input.choice = Some(picked.clone());
            input.do_not_know = false;
        });
        choice_input(
            "radio",
            choice_id(question, position),
            name.clone(),
            value,
            label,
            checked,
            onchange.reform(|_| ()),
        )
    };
    let do_not_know = question.allow_unknown.then(|| {
        let onchange = props.change(|input| {
            input.choice = None;
            input.do_not_know = true;
        });
        html! {
            <>
                { divider(text.or) }
                { choice_input("radio", choice_id(question, count), name.clone(), DO_NOT_KNOW.to_owned(), html! { text.do_not_know }, props.input.do_not_know, onchange.reform(|_| ())) }
            </>
        }
    });
    // Keyed by the question, so each question gets new radios. Patched from one question to the
    // next, a radio still checked from the last question would be renamed into this one's group,
    // and renaming a checked radio unchecks the others in its new group: the answer this page
    // should show as picked could show as not picked.
    html! {
        <div class="ps-choices" key={question.id.as_str()}>
            { for options.into_iter().enumerate().map(|(position, (value, label))| radio(position, value, label)) }
            { for do_not_know }
        </div>
    }
}

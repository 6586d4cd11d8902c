//! Boxes: a multiple-choice question ("choose all that apply"), with "I don't know" as a box of its
//! own after an "or" where the definition offers it.

use super::fields::{choice_id, choice_input, divider, on_tick};
use super::FieldsProps;
use crate::engine::DO_NOT_KNOW;
use crate::messages;
use crate::ui::localized::localized;
use yew::prelude::*;

pub fn multiple_choice(props: &FieldsProps) -> Html {
    let question = props.question();
    let text = messages::get(&props.language);
    let name = question.id.to_string();
    let choices = question.choices();
    let boxes = choices.iter().enumerate().map(|(position, choice)| {
        let id = choice.id.to_string();
        let ticked = props.input.picked.contains(&id);
        let onchange = {
            let id = id.clone();
            let input = props.input.clone();
            let oninput = props.oninput.clone();
            on_tick(Callback::from(move |ticked: bool| {
                let mut next = input.clone();
                if ticked {
                    next.picked.insert(id.clone());
                } else {
                    next.picked.remove(&id);
                }
                oninput.emit(next);
            }))
        };
        let label = localized(choice.label_for(props.respondent), &props.language);
        choice_input("checkbox", choice_id(question, position), name.clone(), id, label, ticked, onchange)
    });
    let do_not_know = question.allow_unknown.then(|| {
        let onchange = {
            let input = props.input.clone();
            let oninput = props.oninput.clone();
            on_tick(Callback::from(move |ticked: bool| {
                let mut next = input.clone();
                next.do_not_know = ticked;
                oninput.emit(next);
            }))
        };
        html! {
            <>
                { divider(text.or) }
                { choice_input("checkbox", choice_id(question, choices.len()), name.clone(), DO_NOT_KNOW.to_owned(), html! { text.do_not_know }, props.input.do_not_know, onchange) }
            </>
        }
    });
    html! {
        <div class="ps-choices">
            { for boxes }
            { for do_not_know }
        </div>
    }
}

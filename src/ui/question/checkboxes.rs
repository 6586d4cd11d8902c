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
            on_tick(props.change_value(move |input, ticked: bool| {
                if ticked {
                    input.picked.insert(id.clone());
                } else {
                    input.picked.remove(&id);
                }
            }))
        };
        let label = localized(choice.label_for(props.respondent), &props.language);
        choice_input("checkbox", choice_id(question, position), name.clone(), id, label, ticked, onchange)
    });
    let do_not_know = question.allow_unknown.then(|| {
        let onchange = on_tick(props.change_value(|input, ticked: bool| input.do_not_know = ticked));
        html! {
            <>
                { divider(text.or) }
                { choice_input("checkbox", choice_id(question, choices.len()), name.clone(), DO_NOT_KNOW.to_owned(), html! { text.do_not_know }, props.input.do_not_know, onchange) }
            </>
        }
    });
    // Keyed by the question, so each question gets new boxes (see `radios`).
    html! {
        <div class="ps-choices" key={question.id.as_str()}>
            { for boxes }
            { for do_not_know }
        </div>
    }
}

//! A date: day, month and year fields side by side (GOV.UK's date pattern), in the order the
//! language writes dates, with a hint that the day may be left empty when only the month is known.

use super::fields::field_id;
use super::FieldsProps;
use crate::engine::{AnswerInput, InputField};
use crate::messages;
use web_sys::HtmlInputElement;
use yew::prelude::*;

pub fn date(props: &FieldsProps) -> Html {
    let question = props.question();
    let text = messages::get(&props.language);
    let field = |field: InputField, label: &'static str, value: &str, store: fn(&mut AnswerInput, String)| {
        let has_error = props.error_for(field).is_some();
        let id = field_id(question, field);
        let name = format!("{}_{}", question.id, label_name(field));
        let change = props.change_value(store);
        let oninput = Callback::from(move |event: InputEvent| {
            change.emit(event.target_unchecked_into::<HtmlInputElement>().value())
        });
        let class = classes!(
            "ps-input",
            (field == InputField::Year).then_some("ps-input--year"),
            has_error.then_some("ps-input--error")
        );
        html! {
            <div class={classes!("ps-field", has_error.then_some("ps-field--error"))}>
                <label class="ps-label" for={id.clone()}>{ label }</label>
                <input {class} type="text" inputmode="numeric" autocomplete="off" spellcheck="false"
                    {id} {name} value={value.to_owned()} {oninput} disabled={props.input.do_not_know}
                    aria-describedby={props.described_by(has_error)} aria-invalid={has_error.to_string()} />
            </div>
        }
    };
    let day = field(InputField::Day, text.day, &props.input.day, |input, value| input.day = value);
    let month = field(InputField::Month, text.month, &props.input.month, |input, value| input.month = value);
    let year = field(InputField::Year, text.year, &props.input.year, |input, value| input.year = value);
    let fields = if text.year_first {
        html! { <>{ year }{ month }{ day }</> }
    } else {
        html! { <>{ day }{ month }{ year }</> }
    };
    html! {
        <>
            <p class="ps-hint">{ text.date_hint }</p>
            <div class="ps-date-group"><div class="ps-date">{ fields }</div></div>
            { for props.confirm_unusual() }
            { for props.do_not_know_under_fields() }
        </>
    }
}

fn label_name(field: InputField) -> &'static str {
    match field {
        InputField::Day => "day",
        InputField::Month => "month",
        _ => "year",
    }
}

//! Pieces the question kinds share: field ids, a radio or a box with its label, the "or" divider,
//! a text field for a number, and the "I don't know" box under number fields.

use super::{FieldsProps, Unusual};
use crate::engine::{InputField, Question};
use crate::messages;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The `id` of a field of `question`: the error summary links to it and the labels point at it.
pub fn field_id(question: &Question, field: InputField) -> String {
    let part = match field {
        // The first radio or box: the one a link to the group focuses.
        InputField::Choices => "0",
        InputField::Value => "value",
        InputField::Unit => "unit",
        InputField::UpperLimit => "upper",
        InputField::LowerLimit => "lower",
        InputField::Day => "day",
        InputField::Month => "month",
        InputField::Year => "year",
    };
    format!("ps-{}-{part}", question.id)
}

/// The `id` of the `position`th radio or box of `question`.
pub fn choice_id(question: &Question, position: usize) -> String {
    format!("ps-{}-{position}", question.id)
}

/// A radio or a box with its label, as one large target.
pub fn choice_input(
    kind: &'static str,
    id: String,
    name: String,
    value: String,
    label: Html,
    checked: bool,
    onchange: Callback<Event>,
) -> Html {
    let class = classes!("ps-choice__input", (kind == "checkbox").then_some("ps-choice__input--checkbox"));
    html! {
        <div class="ps-choice" key={value.clone()}>
            <input {class} type={kind} id={id.clone()} {name} {value} {checked} {onchange} />
            <label class="ps-choice__label" for={id}>{ label }</label>
        </div>
    }
}

/// The "or" before "I don't know".
pub fn divider(or: &'static str) -> Html {
    html! { <div class="ps-choice__divider">{ or }</div> }
}

/// A callback for a text field that sends its new value.
fn on_text(change: Callback<String>) -> Callback<InputEvent> {
    Callback::from(move |event: InputEvent| change.emit(event.target_unchecked_into::<HtmlInputElement>().value()))
}

/// A callback for a box that sends whether it is now ticked.
pub fn on_tick(change: Callback<bool>) -> Callback<Event> {
    Callback::from(move |event: Event| change.emit(event.target_unchecked_into::<HtmlInputElement>().checked()))
}

/// A text field for a number, with an optional visible label and a unit shown after it.
#[derive(Clone, Debug, PartialEq)]
struct NumberField {
    id: String,
    name: String,
    value: String,
    has_error: bool,
    label: Option<&'static str>,
    suffix: Option<&'static str>,
    disabled: bool,
    described_by: String,
}

fn number_field(field: NumberField, oninput: Callback<InputEvent>) -> Html {
    let NumberField { id, name, value, has_error, label, suffix, disabled, described_by } = field;
    html! {
        <div class={classes!("ps-field", has_error.then_some("ps-field--error"))}>
            if let Some(label) = label { <label class="ps-label" for={id.clone()}>{ label }</label> }
            <div class="ps-input-wrapper">
                <input class={classes!("ps-input", has_error.then_some("ps-input--error"))} type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                    {id} {name} {value} {oninput} {disabled}
                    aria-describedby={described_by} aria-invalid={has_error.to_string()} />
                if let Some(suffix) = suffix { <span class="ps-input-suffix" aria-hidden="true">{ suffix }</span> }
            </div>
        </div>
    }
}

/// "I don't know" as a box under number fields, after the "or" divider.
fn do_not_know_box(
    question: &Question,
    or: &'static str,
    label: &'static str,
    checked: bool,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <>
            { divider(or) }
            { choice_input(
                "checkbox",
                format!("ps-{}-unknown", question.id),
                format!("{}_unknown", question.id),
                crate::engine::DO_NOT_KNOW.to_owned(),
                html! { label },
                checked,
                onchange,
            ) }
        </>
    }
}

impl FieldsProps {
    /// The text field for `field` (the value or the report's upper limit), holding `value`, with an
    /// optional visible label and unit after it; `store` puts what is typed into the input.
    pub fn number_input(
        &self,
        field: InputField,
        value: &str,
        label: Option<&'static str>,
        suffix: Option<&'static str>,
        store: fn(&mut crate::engine::AnswerInput, String),
    ) -> Html {
        let question = self.question();
        let has_error = self.error_for(field).is_some();
        let name = match field {
            InputField::UpperLimit => format!("{}_upper_limit", question.id),
            InputField::LowerLimit => format!("{}_lower_limit", question.id),
            InputField::Day => format!("{}_day", question.id),
            InputField::Month => format!("{}_month", question.id),
            InputField::Year => format!("{}_year", question.id),
            InputField::Value | InputField::Choices | InputField::Unit => question.id.to_string(),
        };
        number_field(
            NumberField {
                id: field_id(question, field),
                name,
                value: value.to_owned(),
                has_error,
                label,
                suffix,
                disabled: self.input.do_not_know,
                described_by: self.described_by(has_error),
            },
            on_text(self.change_value(store)),
        )
    }

    /// The box that confirms an unusual value or a date after today, shown with the message that
    /// asks to check it.
    pub fn confirm_unusual(&self) -> Option<Html> {
        let text = messages::get(&self.language);
        let (answer, label) = match self.unusual.as_ref()? {
            Unusual::Value(unusual) => (unusual.answer.clone(), text.confirm_unusual(unusual)),
            Unusual::FutureDate(answer) => (answer.clone(), text.confirm_future.to_owned()),
        };
        let ticked = self.input.confirmed.as_ref() == Some(&answer);
        let onchange = on_tick(self.change_value(move |input, ticked: bool| {
            input.confirmed = ticked.then(|| answer.clone());
        }));
        let id = format!("ps-{}-confirm", self.question().id);
        Some(html! {
            <div class="ps-confirm">
                { choice_input("checkbox", id, format!("{}_confirm", self.question().id), "confirmed".to_owned(), html! { label }, ticked, onchange) }
            </div>
        })
    }

    /// "I don't know" under the number fields, where the question offers it.
    pub fn do_not_know_under_fields(&self) -> Option<Html> {
        let question = self.question();
        let text = messages::get(&self.language);
        question.allow_unknown.then(|| {
            let onchange = on_tick(self.change_value(|input, ticked| input.do_not_know = ticked));
            do_not_know_box(question, text.or, text.do_not_know, self.input.do_not_know, onchange)
        })
    }
}

//! A lab value and the upper limit of normal printed beside it on the report ("ALT < 5 × ULN"):
//! two fields in the report's unit.

use super::FieldsProps;
use crate::engine::{InputField, QuestionKind};
use crate::messages;
use yew::prelude::*;

pub fn against_upper_limit(props: &FieldsProps) -> Html {
    let QuestionKind::AgainstUpperLimit { unit } = &props.question().kind else { return html! {} };
    let text = messages::get(&props.language);
    let unit = Some(unit.symbol());
    let value =
        props.number_input(InputField::Value, &props.input.value, Some(text.result_value), unit, |input, value| {
            input.value = value;
        });
    let upper_limit = props.number_input(
        InputField::UpperLimit,
        &props.input.upper_limit,
        Some(text.upper_limit),
        unit,
        |input, value| {
            input.upper_limit = value;
        },
    );
    html! { <>{ value }{ upper_limit }{ for props.do_not_know_under_fields() }</> }
}

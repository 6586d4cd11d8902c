//! An age in whole years: one text field followed by "years".

use super::FieldsProps;
use crate::engine::InputField;
use crate::messages;
use yew::prelude::*;

pub fn age(props: &FieldsProps) -> Html {
    let text = messages::get(&props.language);
    let value = props.number_input(InputField::Value, &props.input.value, None, Some(text.years), |input, value| {
        input.value = value;
    });
    html! { <>{ value }{ for props.do_not_know_under_fields() }</> }
}

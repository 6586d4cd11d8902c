//! A measured value with its unit: one text field, and a choice of unit where the question takes
//! more than one (the unit printed on the patient's report).

use super::fields::field_id;
use super::FieldsProps;
use crate::engine::{InputField, QuestionKind, Unit};
use crate::messages;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

pub fn number_with_unit(props: &FieldsProps) -> Html {
    let question = props.question();
    let QuestionKind::Number { units, .. } = &question.kind else { return html! {} };
    let text = messages::get(&props.language);
    let name = question.id.to_string();
    let suffix = (units.len() == 1).then(|| units[0].symbol());
    let value = props.number_input(InputField::Value, &props.input.value, None, suffix, |input, value| {
        input.value = value;
    });
    // No unit is picked at first: the patient picks the one printed on the report (or types it
    // after the number), so that a report in the other unit cannot slip through unnoticed.
    let unit_choice = (units.len() > 1).then(|| {
        let onchange = {
            let change = props.change_value(|input, unit: String| input.unit = Unit::parse(&unit));
            Callback::from(move |event: Event| change.emit(event.target_unchecked_into::<HtmlSelectElement>().value()))
        };
        let has_error = props.error_for(InputField::Unit).is_some();
        html! {
            <div class={classes!("ps-field", has_error.then_some("ps-field--error"))}>
                <label class="ps-label" for={field_id(question, InputField::Unit)}>{ text.unit }</label>
                // Keyed by the question, so each question gets a new <select>. The page is patched
                // from one question to the next, and an option the patient picked does not follow a
                // changed `selected` attribute in every engine: unkeyed, Firefox showed bilirubin's
                // unit as picked on arrival at creatinine, and picking a unit there broke in WebKit.
                <select key={question.id.as_str()} class={classes!("ps-select", has_error.then_some("ps-select--error"))} id={field_id(question, InputField::Unit)} name={format!("{name}_unit")} {onchange}
                    disabled={props.input.do_not_know} aria-describedby={props.described_by(has_error)} aria-invalid={has_error.to_string()}>
                    <option value="" selected={props.input.unit.is_none()}>{ text.choose_a_unit }</option>
                    { for units.iter().map(|unit| html! { <option value={unit.id()} selected={props.input.unit == Some(*unit)}>{ unit.symbol() }</option> }) }
                </select>
            </div>
        }
    });
    html! { <>{ value }{ for unit_choice }{ for props.confirm_unusual() }{ for props.do_not_know_under_fields() }</> }
}

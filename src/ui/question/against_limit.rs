//! A lab value with the reference limits printed beside it on the report: against the upper limit
//! ("ALT < 5 × ULN") or the whole range ("within normal limits"). All in the same unit, whichever
//! the report uses, since the comparison is a ratio.

use super::FieldsProps;
use crate::engine::{InputField, QuestionKind, Unit};
use crate::messages;
use yew::prelude::*;

pub fn against_upper_limit(props: &FieldsProps) -> Html {
    let QuestionKind::AgainstUpperLimit { units } = &props.question().kind else { return html! {} };
    against_limits(props, units, false)
}

pub fn against_reference_range(props: &FieldsProps) -> Html {
    let QuestionKind::AgainstReferenceRange { units } = &props.question().kind else { return html! {} };
    against_limits(props, units, true)
}

/// The value, the lower limit where the question asks the whole range, and the upper limit: the
/// one unit shown after each field, or with several, a hint to use the report's.
fn against_limits(props: &FieldsProps, units: &[Unit], with_lower_limit: bool) -> Html {
    let text = messages::get(&props.language);
    let (unit, hint) = match units {
        [unit] => (Some(unit.symbol()).filter(|symbol| !symbol.is_empty()), None),
        _ => (None, Some(html! { <p class="ps-hint">{ text.same_unit(units) }</p> })),
    };
    let value =
        props.number_input(InputField::Value, &props.input.value, Some(text.result_value), unit, |input, value| {
            input.value = value;
        });
    let lower_limit = with_lower_limit.then(|| {
        props.number_input(
            InputField::LowerLimit,
            &props.input.lower_limit,
            Some(text.lower_limit),
            unit,
            |input, value| {
                input.lower_limit = value;
            },
        )
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
    html! { <>{ for hint }{ value }{ for lower_limit }{ upper_limit }{ for props.do_not_know_under_fields() }</> }
}

//! Values worked out from the answers (BMI, creatinine clearance, an age from a date of birth):
//! each with what went into it and the formula it came from, so that the patient and the study
//! team can check it.

use super::describe::describe_answer;
use super::localized::localized;
use super::SharedDefinition;
use crate::engine::{Answers, Evaluation, Interval, Respondent};
use crate::messages::Messages;
use yew::prelude::*;

pub fn worked_out(
    definition: &SharedDefinition,
    evaluation: &Evaluation,
    answers: &Answers,
    text: &Messages,
    language: &str,
) -> Html {
    let values: Vec<Html> = definition
        .derived
        .iter()
        .enumerate()
        .filter_map(|(index, derived)| {
            let interval = definition.derived_now(index, evaluation, answers)?;
            let value = shown_value(text, interval, derived.formula.shown_decimals(), derived.formula.unit().symbol());
            let inputs: Vec<String> = derived
                .inputs
                .iter()
                .filter_map(|&question| {
                    let answer = answers.get(definition.questions[question].id.as_str())?;
                    Some(describe_answer(&definition.questions[question], answer, Respondent::Patient, language))
                })
                .collect();
            Some(html! {
                <li data-derived={derived.id.clone()}>
                    <strong>{ localized(&derived.name, language) }{ text.colon }</strong>{ value }
                    { text.open_bracket }{ text.worked_out_from(&text.list(&inputs)) }
                    if let Some(formula) = derived.formula.display_name() {
                        { text.comma }<span lang="en" translate="no">{ formula }</span>
                    }
                    { text.close_bracket }
                </li>
            })
        })
        .collect();
    if values.is_empty() {
        return html! {};
    }
    html! {
        <section class="ps-result__section" data-section="worked-out">
            <h2 class="ps-heading ps-heading--small">{ text.worked_out_heading }</h2>
            <ul class="ps-list">{ for values }</ul>
        </section>
    }
}

/// "72 mL/min", or "between 59 and 61 mL/min" when the answers leave it a range.
fn shown_value(text: &Messages, interval: Interval, decimals: u32, unit: &str) -> String {
    // A range that rounds to one number is that number (CKD-EPI's bracket is far narrower than the
    // places shown); a wider one is shown widened to the places shown, so that it holds the value.
    let (least, greatest) = (interval.least.rounded(decimals), interval.greatest.rounded(decimals));
    let number = if least == greatest {
        least
    } else {
        text.between(&interval.least.rounded_down(decimals), &interval.greatest.rounded_up(decimals))
    };
    if unit.is_empty() {
        number
    } else {
        format!("{number} {unit}")
    }
}

//! The look back before "not eligible": the answers that rule the patient out, and only those,
//! each with a Change link, then one button to see the result. A typed 7 for 70, or a box ticked
//! by mistake, is seen here before the patient is told the trial is not for them.

use super::check_answers::{answer_rows, back_link, continue_button};
use super::questionnaire::use_focus_on;
use super::SharedDefinition;
use crate::engine::{Answers, Evaluation, Respondent};
use crate::messages;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LookBackProps {
    pub definition: SharedDefinition,
    pub answers: Answers,
    pub evaluation: Evaluation,
    pub respondent: Respondent,
    pub language: AttrValue,
    pub onchange: Callback<usize>,
    pub oncontinue: Callback<()>,
    pub onback: Callback<()>,
}

#[function_component(LookBackPage)]
pub fn look_back_page(props: &LookBackProps) -> Html {
    let heading = use_focus_on(());
    let language = props.language.as_str();
    let text = messages::get(language);
    let deciding = props.definition.deciding_questions(&props.evaluation, &props.answers);
    html! {
        <div class="ps-look-back">
            { back_link(text.back, &props.onback) }
            <h1 class="ps-heading" tabindex="-1" ref={heading}>{ text.look_back_heading }</h1>
            <p class="ps-body">{ text.look_back_body(props.respondent) }</p>
            { answer_rows(&props.definition, &props.answers, deciding.into_iter(), props.respondent, language, &props.onchange) }
            { continue_button(text.see_result, &props.oncontinue) }
        </div>
    }
}

//! Check your answers: every question the patient was shown, their answer in words, and a Change
//! link. `answer_rows` also draws the look-back page's list.

use super::describe::describe_answer;
use super::localized::localized;
use super::questionnaire::use_focus_on;
use super::SharedDefinition;
use crate::engine::{Answers, Evaluation, Respondent};
use crate::messages;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CheckAnswersProps {
    pub definition: SharedDefinition,
    pub answers: Answers,
    pub evaluation: Evaluation,
    pub respondent: Respondent,
    pub language: AttrValue,
    pub onchange: Callback<usize>,
    pub oncontinue: Callback<()>,
    pub onback: Callback<()>,
}

#[function_component(CheckAnswersPage)]
pub fn check_answers_page(props: &CheckAnswersProps) -> Html {
    let heading = use_focus_on(());
    let language = props.language.as_str();
    let text = messages::get(language);
    let shown = (0..props.definition.questions.len()).filter(|&index| props.evaluation.visible[index]);
    html! {
        <div class="ps-check-answers">
            { back_link(text.back, &props.onback) }
            <h1 class="ps-heading" tabindex="-1" ref={heading}>{ text.check_answers }</h1>
            { answer_rows(&props.definition, &props.answers, shown, props.respondent, language, &props.onchange) }
            { continue_button(text.see_result, &props.oncontinue) }
        </div>
    }
}

/// One row per answered question among `questions`: the question, the answer in words, and a
/// Change link that sends the question's index.
pub fn answer_rows(
    definition: &SharedDefinition,
    answers: &Answers,
    questions: impl Iterator<Item = usize>,
    respondent: Respondent,
    language: &str,
    onchange: &Callback<usize>,
) -> Html {
    let text = messages::get(language);
    let rows = questions.filter_map(|index| {
        let question = &definition.questions[index];
        let answer = answers.get(question.id.as_str())?;
        let onclick = {
            let onchange = onchange.clone();
            Callback::from(move |event: MouseEvent| {
                event.prevent_default();
                onchange.emit(index);
            })
        };
        let question_text = question.text_for(respondent);
        Some(html! {
            <div class="ps-summary-list__row" key={question.id.to_string()} data-answer-to={question.id.to_string()}>
                <dt class="ps-summary-list__key">{ localized(question_text, language) }</dt>
                <dd class="ps-summary-list__value">{ describe_answer(question, answer, respondent, language) }</dd>
                <dd class="ps-summary-list__actions">
                    <a href="#" class="ps-link" {onclick}>{ text.change }<span class="ps-visually-hidden">{ text.colon }{ localized(question_text, language) }</span></a>
                </dd>
            </div>
        })
    });
    html! { <dl class="ps-summary-list">{ for rows }</dl> }
}

pub fn back_link(label: &'static str, onback: &Callback<()>) -> Html {
    let onclick = {
        let onback = onback.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            onback.emit(());
        })
    };
    html! { <a href="#" class="ps-back-link" {onclick}>{ label }</a> }
}

pub fn continue_button(label: &'static str, oncontinue: &Callback<()>) -> Html {
    let onclick = {
        let oncontinue = oncontinue.clone();
        Callback::from(move |_: MouseEvent| oncontinue.emit(()))
    };
    html! { <button type="button" class="ps-button" {onclick}>{ label }</button> }
}

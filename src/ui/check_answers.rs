//! Check your answers: every question the patient was shown, their answer in words, and a Change link.

use super::describe::describe_answer;
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
    let heading = super::questionnaire::use_focus_on(());
    let language = props.language.as_str();
    let text = messages::get(language);
    let rows = props.definition.questions.iter().enumerate().filter(|(index, question)| {
        props.evaluation.visible[*index] && props.answers.get(question.id.as_str()).is_some()
    });
    let oncontinue = {
        let oncontinue = props.oncontinue.clone();
        Callback::from(move |_: MouseEvent| oncontinue.emit(()))
    };
    let onback = {
        let onback = props.onback.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            onback.emit(());
        })
    };
    html! {
        <div class="ps-check-answers">
            <a href="#" class="ps-back-link" onclick={onback}>{ text.back }</a>
            <h1 class="ps-heading" tabindex="-1" ref={heading}>{ text.check_answers }</h1>
            <dl class="ps-summary-list">
                { for rows.map(|(index, question)| {
                    let answer = props.answers.get(question.id.as_str());
                    let onclick = {
                        let onchange = props.onchange.clone();
                        Callback::from(move |event: MouseEvent| {
                            event.prevent_default();
                            onchange.emit(index);
                        })
                    };
                    let question_text = question.text_for(props.respondent).get(language).to_owned();
                    html! {
                        <div class="ps-summary-list__row" key={question.id.to_string()}>
                            <dt class="ps-summary-list__key">{ question_text.clone() }</dt>
                            <dd class="ps-summary-list__value">{ answer.map_or_else(|| text.not_answered.to_owned(), |answer| describe_answer(question, answer, props.respondent, language)) }</dd>
                            <dd class="ps-summary-list__actions">
                                <a href="#" class="ps-link" {onclick}>{ text.change }<span class="ps-visually-hidden">{ format!(": {question_text}") }</span></a>
                            </dd>
                        </div>
                    }
                }) }
            </dl>
            <button type="button" class="ps-button" onclick={oncontinue}>{ text.see_result }</button>
        </div>
    }
}

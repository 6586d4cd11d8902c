//! One question page: the question as the heading, its hint, its fields, "I don't know" where the
//! definition allows it, and the error summary. What the patient types stays a draft here until
//! Continue turns it into an engine `Answer` (checked by the engine) and sends it up.

use super::error_summary::{ErrorSummary, FieldError};
use super::SharedDefinition;
use crate::engine::{
    parse_number_input, typed_measurement, typed_whole_years, Answer, ChoiceId, Definition, Exact, Question,
    QuestionKind, Respondent, Unit,
};
use crate::messages::{self, Messages};
use std::collections::BTreeSet;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

const DO_NOT_KNOW_VALUE: &str = "unknown";

#[derive(Properties, PartialEq)]
pub struct QuestionPageProps {
    pub definition: SharedDefinition,
    pub index: usize,
    pub respondent: Respondent,
    pub language: AttrValue,
    pub answer: Option<Answer>,
    pub progress: (usize, usize),
    /// Whether to keep `document.title` naming this question (the widget owns the page).
    #[prop_or_default]
    pub owns_title: bool,
    #[prop_or_default]
    pub trial_title: AttrValue,
    pub onanswer: Callback<Answer>,
    pub onback: Callback<()>,
}

/// What the fields hold before Continue.
#[derive(Clone, Debug, Default, PartialEq)]
struct Draft {
    choice: Option<String>,
    picked: BTreeSet<String>,
    value_text: String,
    unit: Option<Unit>,
    upper_limit_text: String,
    do_not_know: bool,
}

impl Draft {
    fn from_answer(answer: Option<&Answer>) -> Draft {
        let mut draft = Draft::default();
        match answer {
            None => {}
            Some(Answer::DoNotKnow) => {
                draft.do_not_know = true;
                draft.choice = Some(DO_NOT_KNOW_VALUE.into());
            }
            Some(Answer::YesNo(yes)) => draft.choice = Some(if *yes { "yes" } else { "no" }.into()),
            Some(Answer::Choice(choice)) => draft.choice = Some(choice.to_string()),
            Some(Answer::Choices(picked)) => draft.picked = picked.iter().map(ToString::to_string).collect(),
            Some(Answer::Number { value, unit }) => {
                draft.value_text = value.to_string();
                draft.unit = Some(*unit);
            }
            Some(Answer::AgeYears(years)) => draft.value_text = years.to_string(),
            Some(Answer::AgainstUpperLimit { value, upper_limit }) => {
                draft.value_text = value.to_string();
                draft.upper_limit_text = upper_limit.to_string();
            }
        }
        draft
    }
}

pub fn field_id(question: &Question, field: &str) -> String {
    format!("ps-{}-{field}", question.id)
}

/// Reads a typed number, with an optional unit typed after it that must match the picked unit.
fn typed_number(
    text: &Messages,
    typed: &str,
    units: &[Unit],
    field: String,
) -> Result<(Exact, Option<Unit>), FieldError> {
    parse_number_input(typed, units)
        .map(|typed| (typed.value, typed.unit))
        .map_err(|error| FieldError { field, message: text.number_error(&error) })
}

/// Turns the draft into an answer, or the errors to show next to the fields.
fn answer_from_draft(
    text: &Messages,
    definition: &Definition,
    question: &Question,
    draft: &Draft,
    respondent: Respondent,
) -> Result<Answer, Vec<FieldError>> {
    let first_field = field_id(question, "0");
    let value_field = field_id(question, "value");
    let choose = |field: String| {
        vec![FieldError {
            field,
            message: text.answer_error(&crate::engine::AnswerErrorKind::WrongType { expected: "" }, respondent),
        }]
    };
    let answer = if draft.do_not_know && !matches!(question.kind, QuestionKind::MultipleChoice { .. }) {
        Answer::DoNotKnow
    } else {
        match &question.kind {
            QuestionKind::YesNo | QuestionKind::SingleChoice { .. } => match draft.choice.as_deref() {
                None => return Err(choose(first_field)),
                Some(DO_NOT_KNOW_VALUE) => Answer::DoNotKnow,
                Some("yes") if matches!(question.kind, QuestionKind::YesNo) => Answer::YesNo(true),
                Some("no") if matches!(question.kind, QuestionKind::YesNo) => Answer::YesNo(false),
                Some(choice) => Answer::Choice(ChoiceId::new(choice)),
            },
            QuestionKind::MultipleChoice { .. } => {
                if draft.do_not_know && draft.picked.is_empty() {
                    Answer::DoNotKnow
                } else if draft.do_not_know {
                    return Err(vec![FieldError { field: first_field, message: text.do_not_know_alone.into() }]);
                } else if draft.picked.is_empty() {
                    return Err(vec![FieldError {
                        field: first_field,
                        message: text.answer_error(&crate::engine::AnswerErrorKind::NoChoicePicked, respondent),
                    }]);
                } else {
                    Answer::Choices(draft.picked.iter().map(|choice| ChoiceId::new(choice.as_str())).collect())
                }
            }
            QuestionKind::Number { units, .. } => {
                let (value, unit) = typed_measurement(&draft.value_text, units, draft.unit.unwrap_or(units[0]))
                    .map_err(|error| {
                        vec![FieldError { field: value_field.clone(), message: text.number_error(&error) }]
                    })?;
                Answer::Number { value, unit }
            }
            QuestionKind::Age { .. } => Answer::AgeYears(typed_whole_years(&draft.value_text).map_err(|error| {
                vec![FieldError { field: value_field.clone(), message: text.number_error(&error) }]
            })?),
            QuestionKind::AgainstUpperLimit { unit } => {
                let upper_field = field_id(question, "upper");
                let value = typed_number(text, &draft.value_text, &[*unit], value_field);
                let upper_limit = typed_number(text, &draft.upper_limit_text, &[*unit], upper_field);
                match (value, upper_limit) {
                    (Ok((value, _)), Ok((upper_limit, _))) => Answer::AgainstUpperLimit { value, upper_limit },
                    (value, upper_limit) => return Err(value.err().into_iter().chain(upper_limit.err()).collect()),
                }
            }
        }
    };
    definition.check_answer(question, &answer).map_err(|error| {
        let field = match (&question.kind, &error) {
            (QuestionKind::AgainstUpperLimit { .. }, crate::engine::AnswerErrorKind::UpperLimitNotPositive) => {
                field_id(question, "upper")
            }
            (QuestionKind::Number { .. } | QuestionKind::Age { .. } | QuestionKind::AgainstUpperLimit { .. }, _) => {
                field_id(question, "value")
            }
            _ => field_id(question, "0"),
        };
        vec![FieldError { field, message: text.answer_error(&error, respondent) }]
    })?;
    Ok(answer)
}

#[function_component(QuestionPage)]
pub fn question_page(props: &QuestionPageProps) -> Html {
    let question = &props.definition.questions[props.index];
    let draft = use_state(|| Draft::from_answer(props.answer.as_ref()));
    let errors = use_state(Vec::<FieldError>::new);
    let heading = super::use_focus_on(props.index);
    let respondent = props.respondent;
    let language = props.language.to_string();
    let text = messages::get(&language);
    {
        let title = format!(
            "{}{}: {} – {}",
            if errors.is_empty() { "" } else { text.error_prefix },
            text.progress(props.progress.0, props.progress.1),
            question.text_for(respondent).get(&language),
            props.trial_title
        );
        let owns_title = props.owns_title;
        use_effect_with(title, move |title| {
            if owns_title {
                super::set_page_title(title);
            }
        });
    }
    let onsubmit = {
        let definition = props.definition.clone();
        let index = props.index;
        let draft = draft.clone();
        let errors = errors.clone();
        let onanswer = props.onanswer.clone();
        let language_for_submit = language.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let question = &definition.questions[index];
            match answer_from_draft(messages::get(&language_for_submit), &definition, question, &draft, respondent) {
                Ok(answer) => {
                    errors.set(Vec::new());
                    onanswer.emit(answer);
                }
                Err(found) => errors.set(found),
            }
        })
    };
    let onback = {
        let onback = props.onback.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            onback.emit(());
        })
    };
    let on_text = |change: fn(&mut Draft, String)| {
        let draft = draft.clone();
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            let mut next = (*draft).clone();
            change(&mut next, value);
            draft.set(next);
        })
    };
    let on_toggle = {
        let draft = draft.clone();
        Callback::from(move |event: Event| {
            let input = event.target_unchecked_into::<HtmlInputElement>();
            let mut next = (*draft).clone();
            let value = input.value();
            if value == DO_NOT_KNOW_VALUE {
                next.do_not_know = input.checked();
            } else if input.checked() {
                next.picked.insert(value);
            } else {
                next.picked.remove(&value);
            }
            draft.set(next);
        })
    };
    let on_unit = {
        let draft = draft.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = (*draft).clone();
            next.unit = Unit::parse(&value);
            draft.set(next);
        })
    };

    let error_for = |field: &str| errors.iter().find(|error| error.field == field).map(|error| error.message.clone());
    let question_error = errors.first().map(|error| error.message.clone());
    let hint_id = field_id(question, "hint");
    let error_id = field_id(question, "error");
    let described_by = |field_error: bool| {
        let mut ids = Vec::new();
        if question.why.is_some() {
            ids.push(hint_id.clone());
        }
        if field_error {
            ids.push(error_id.clone());
        }
        ids.join(" ")
    };
    let heading_text = question.text_for(respondent).get(&language).to_owned();
    let hint = question.why.as_ref().map(|why| {
        html! { <div class="ps-hint" id={hint_id.clone()}><span class="ps-visually-hidden">{ format!("{}: ", text.why_we_ask) }</span>{ why.get(&language) }</div> }
    });
    let where_to_find = question.where_to_find.as_ref().map(|where_text| {
        html! {
            <details class="ps-details">
                <summary class="ps-details__summary">{ text.where_to_find }</summary>
                <div class="ps-details__text">{ where_text.get(&language) }</div>
            </details>
        }
    });
    let error_message = |message: Option<String>| {
        message.map(|message| {
            html! {
                <p class="ps-error-message" id={error_id.clone()}>
                    <span class="ps-visually-hidden">{ text.error_prefix }</span>{ message }
                </p>
            }
        })
    };
    let radio = |name: &str, index: usize, value: String, label: String| {
        let id = field_id(question, &index.to_string());
        let checked = draft.choice.as_deref() == Some(value.as_str());
        let onchange = {
            let draft = draft.clone();
            let value = value.clone();
            Callback::from(move |_: Event| {
                let mut next = (*draft).clone();
                next.choice = Some(value.clone());
                next.do_not_know = value == DO_NOT_KNOW_VALUE;
                draft.set(next);
            })
        };
        html! {
            <div class="ps-choice" key={value.clone()}>
                <input class="ps-choice__input" type="radio" id={id.clone()} name={name.to_owned()} value={value} {checked} {onchange} />
                <label class="ps-choice__label" for={id}>{ label }</label>
            </div>
        }
    };
    let do_not_know_divider = html! { <div class="ps-choice__divider">{ text.or }</div> };
    let name = question.id.to_string();

    let fields = match &question.kind {
        QuestionKind::YesNo | QuestionKind::SingleChoice { .. } => {
            let mut options: Vec<(String, String)> = match &question.kind {
                QuestionKind::YesNo => vec![("yes".into(), text.yes.into()), ("no".into(), text.no.into())],
                _ => question
                    .choices()
                    .iter()
                    .map(|choice| (choice.id.to_string(), choice.label_for(respondent).get(&language).to_owned()))
                    .collect(),
            };
            let unknown = question.allow_unknown.then(|| (DO_NOT_KNOW_VALUE.to_owned(), text.do_not_know.to_owned()));
            let count = options.len();
            options.extend(unknown);
            html! {
                <div class="ps-choices">
                    { for options.into_iter().enumerate().map(|(index, (value, label))| html! {
                        <>
                            { if index == count { do_not_know_divider.clone() } else { html! {} } }
                            { radio(&name, index, value, label) }
                        </>
                    }) }
                </div>
            }
        }
        QuestionKind::MultipleChoice { choices } => {
            let count = choices.len();
            let checkbox = |index: usize, value: String, label: String, checked: bool| {
                let id = field_id(question, &index.to_string());
                html! {
                    <div class="ps-choice">
                        <input class="ps-choice__input ps-choice__input--checkbox" type="checkbox" id={id.clone()} name={name.clone()} value={value} {checked} onchange={on_toggle.clone()} />
                        <label class="ps-choice__label" for={id}>{ label }</label>
                    </div>
                }
            };
            html! {
                <div class="ps-choices">
                    { for choices.iter().enumerate().map(|(index, choice)| checkbox(index, choice.id.to_string(), choice.label_for(respondent).get(&language).to_owned(), draft.picked.contains(choice.id.as_str()))) }
                    if question.allow_unknown {
                        { do_not_know_divider.clone() }
                        { checkbox(count, DO_NOT_KNOW_VALUE.into(), text.do_not_know.into(), draft.do_not_know) }
                    }
                </div>
            }
        }
        kind => {
            let value_id = field_id(question, "value");
            let value_error = error_for(&value_id);
            let unit_choice = match kind {
                QuestionKind::Number { units, .. } if units.len() > 1 => {
                    let selected = draft.unit.unwrap_or(units[0]);
                    let unit_id = field_id(question, "unit");
                    html! {
                        <div class="ps-field">
                            <label class="ps-label" for={unit_id.clone()}>{ text.unit }</label>
                            <select class="ps-select" id={unit_id} name={format!("{name}_unit")} onchange={on_unit.clone()} disabled={draft.do_not_know}>
                                { for units.iter().map(|unit| html! { <option value={unit.id()} selected={*unit == selected}>{ unit.symbol() }</option> }) }
                            </select>
                        </div>
                    }
                }
                _ => html! {},
            };
            let suffix = match kind {
                QuestionKind::Number { units, .. } if units.len() == 1 => Some(units[0].symbol()),
                QuestionKind::AgainstUpperLimit { unit } => Some(unit.symbol()),
                QuestionKind::Age { .. } => Some(text.years),
                _ => None,
            };
            let number_input = |id: String,
                                input_name: String,
                                value: String,
                                oninput: Callback<InputEvent>,
                                field_error: bool,
                                label: Option<&str>| {
                html! {
                    <div class={classes!("ps-field", field_error.then_some("ps-field--error"))}>
                        if let Some(label) = label { <label class="ps-label" for={id.clone()}>{ label }</label> }
                        <div class="ps-input-wrapper">
                            <input class={classes!("ps-input", field_error.then_some("ps-input--error"))} type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                                id={id} name={input_name} value={value} {oninput} disabled={draft.do_not_know}
                                aria-describedby={described_by(field_error)} aria-invalid={field_error.to_string()} />
                            if let Some(suffix) = suffix { <span class="ps-input-suffix" aria-hidden="true">{ suffix }</span> }
                        </div>
                    </div>
                }
            };
            let inputs = match kind {
                QuestionKind::AgainstUpperLimit { .. } => {
                    let upper_id = field_id(question, "upper");
                    let upper_error = error_for(&upper_id);
                    html! {
                        <>
                            { number_input(value_id, name.clone(), draft.value_text.clone(), on_text(|draft, value| draft.value_text = value), value_error.is_some(), Some(text.result_value)) }
                            { number_input(upper_id, format!("{name}_upper_limit"), draft.upper_limit_text.clone(), on_text(|draft, value| draft.upper_limit_text = value), upper_error.is_some(), Some(text.upper_limit)) }
                        </>
                    }
                }
                _ => number_input(
                    value_id,
                    name.clone(),
                    draft.value_text.clone(),
                    on_text(|draft, value| draft.value_text = value),
                    value_error.is_some(),
                    None,
                ),
            };
            let do_not_know = question.allow_unknown.then(|| {
                let id = field_id(question, "unknown");
                html! {
                    <>
                        { do_not_know_divider.clone() }
                        <div class="ps-choice">
                            <input class="ps-choice__input ps-choice__input--checkbox" type="checkbox" id={id.clone()} name={format!("{name}_unknown")} value={DO_NOT_KNOW_VALUE} checked={draft.do_not_know} onchange={on_toggle.clone()} />
                            <label class="ps-choice__label" for={id}>{ text.do_not_know }</label>
                        </div>
                    </>
                }
            });
            html! { <>{ inputs }{ unit_choice }{ for do_not_know }</> }
        }
    };

    let (step, total) = props.progress;
    let uses_fieldset = !matches!(question.kind, QuestionKind::Number { .. } | QuestionKind::Age { .. });
    let has_error = !errors.is_empty();
    let heading_html = if uses_fieldset {
        html! { <h1 class="ps-heading" tabindex="-1" ref={heading.clone()}>{ heading_text.clone() }</h1> }
    } else {
        html! { <h1 class="ps-heading" tabindex="-1" ref={heading.clone()}><label for={field_id(question, "value")}>{ heading_text.clone() }</label></h1> }
    };
    let body = html! {
        <>
            { hint }
            { where_to_find }
            { error_message(question_error.clone()) }
            { fields }
        </>
    };
    html! {
        <div class="ps-question" data-question={question.id.to_string()}>
            <a href="#" class="ps-back-link" onclick={onback}>{ text.back }</a>
            <p class="ps-progress">
                <span>{ text.progress(step, total) }</span>
                <progress class="ps-progress__bar" max={total.to_string()} value={step.to_string()} aria-hidden="true"></progress>
            </p>
            <ErrorSummary errors={(*errors).clone()} title={text.there_is_a_problem} />
            <form class="ps-form" novalidate=true {onsubmit}>
                <div class={classes!("ps-form-group", has_error.then_some("ps-form-group--error"))}>
                    if uses_fieldset {
                        <fieldset class="ps-fieldset" aria-describedby={described_by(has_error)}>
                            <legend class="ps-fieldset__legend">{ heading_html }</legend>
                            { body }
                        </fieldset>
                    } else {
                        { heading_html }
                        { body }
                    }
                </div>
                <button type="submit" class="ps-button">{ text.continue_ }</button>
            </form>
        </div>
    }
}

//! One question page: the question as the heading, its hint, its fields, "I don't know" where the
//! definition allows it, and the error summary. The fields come from one view function per question
//! kind (the files beside this one); what they hold stays an [`AnswerInput`] until Continue, when
//! the engine turns it into an answer or says what is wrong with each field.

mod against_limit;
mod age;
mod checkboxes;
mod choices;
mod date;
mod fields;
mod number;

use super::error_summary::{ErrorSummary, FieldError};
use super::localized::localized;
use super::questionnaire::use_focus_on;
use super::SharedDefinition;
use crate::engine::{
    Answer, AnswerInput, InputField, InputProblem, InputProblemKind, Question, QuestionId, QuestionKind, Respondent,
    UnusualValue,
};
use crate::messages;
use fields::field_id;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionPageProps {
    pub definition: SharedDefinition,
    pub index: usize,
    pub respondent: Respondent,
    pub language: AttrValue,
    pub answer: Option<Answer>,
    /// The step number, and at most how many questions can follow.
    pub progress: (usize, usize),
    pub onanswer: Callback<Answer>,
    /// The device's date, against which a date answer after today is checked with the patient.
    #[prop_or_default]
    pub today: Option<crate::engine::CalendarDate>,
    /// Told whether the page shows errors, whenever that changes (for the page title).
    #[prop_or_default]
    pub onerrors: Callback<bool>,
    pub onback: Callback<()>,
    /// On a portal: stop answering and see where each trial stands.
    #[prop_or_default]
    pub onstop: Option<Callback<()>>,
}

/// What every question kind's view is given. The views are plain functions, not components: they
/// keep no state of their own (the page owns the fields' values), and six function components cost
/// 7.9 KB more `.wasm` than six functions.
pub struct FieldsProps {
    pub definition: SharedDefinition,
    pub index: usize,
    pub respondent: Respondent,
    pub language: AttrValue,
    /// The fields' values, owned by the page.
    pub input: AnswerInput,
    /// A change to the fields' values. The page applies it to what they hold when it happens, not
    /// to `input` as last drawn: two changes in one task (autofill: a value, then its unit) both
    /// count, although Yew draws the page again only after the task.
    pub oninput: Callback<Edit>,
    pub errors: Vec<FieldError>,
    /// The unusual value the patient is asked to check, if that is the page's problem.
    pub unusual: Option<Unusual>,
}

/// One change to the fields' values.
pub type Edit = Box<dyn FnOnce(&mut AnswerInput)>;

/// An answer the patient is asked to check, and may confirm.
#[derive(Clone, Debug, PartialEq)]
pub enum Unusual {
    /// A value far from anything reports show.
    Value(UnusualValue),
    /// A date after today: the answer as given.
    FutureDate(Answer),
}

/// The date the date fields hold, as the answer a confirmation would confirm.
fn definition_answer(definition: &SharedDefinition, index: usize, input: &AnswerInput) -> Option<Answer> {
    let question = &definition.questions[index];
    matches!(question.kind, QuestionKind::Date)
        .then(|| crate::engine::typed_date(&input.day, &input.month, &input.year).ok().map(Answer::Date))
        .flatten()
}

impl FieldsProps {
    fn question(&self) -> &Question {
        &self.definition.questions[self.index]
    }

    /// The message for one field, if it has one.
    fn error_for(&self, field: InputField) -> Option<String> {
        let id = field_id(self.question(), field);
        self.errors.iter().find(|error| error.field == id).map(|error| error.message.clone())
    }

    /// `aria-describedby` for a field: the hint, and the error message when the field has one.
    fn described_by(&self, has_error: bool) -> String {
        described_by(self.question(), has_error)
    }

    /// Sends the fields' values with one change made.
    fn change(&self, change: impl Fn(&mut AnswerInput) + 'static) -> Callback<()> {
        self.change_value(move |input, ()| change(input))
    }

    /// Sends the fields' values with one change made from what a field now holds.
    fn change_value<T: 'static>(&self, change: impl Fn(&mut AnswerInput, T) + 'static) -> Callback<T> {
        let oninput = self.oninput.clone();
        let change = std::rc::Rc::new(change);
        Callback::from(move |value: T| {
            let change = std::rc::Rc::clone(&change);
            oninput.emit(Box::new(move |input: &mut AnswerInput| change(input, value)));
        })
    }
}

/// Forgets the page's field values and problems: the next question, or this one again, starts
/// from its answer.
fn leave(
    input: &UseStateHandle<(Option<QuestionId>, AnswerInput)>,
    problems: &UseStateHandle<(Option<QuestionId>, Vec<InputProblem>)>,
) {
    input.set((None, AnswerInput::default()));
    problems.set((None, Vec::new()));
}

fn described_by(question: &Question, has_error: bool) -> String {
    let mut ids = Vec::new();
    if question.why.is_some() {
        ids.push(field_id_of(question, "hint"));
    }
    if has_error {
        ids.push(field_id_of(question, "error"));
    }
    ids.join(" ")
}

fn field_id_of(question: &Question, part: &str) -> String {
    format!("ps-{}-{part}", question.id)
}

#[function_component(QuestionPage)]
pub fn question_page(props: &QuestionPageProps) -> Html {
    let question = &props.definition.questions[props.index];
    // The page is kept from one question to the next (its DOM is patched, not rebuilt), so what the
    // fields hold and the problems shown belong to the question they were for: on a new question
    // they start afresh.
    // By the question's id, which is one question even across a portal's trials.
    let page = Some(question.id.clone());
    let fresh = || AnswerInput { today: props.today, ..AnswerInput::from_answer(props.answer.as_ref()) };
    let input_state = use_state(|| (page.clone(), fresh()));
    let input = if input_state.0 == page { input_state.1.clone() } else { fresh() };
    // The engine's problems, put into words at each render so that they follow a language switch.
    let problems_state = use_state(|| (page.clone(), Vec::<InputProblem>::new()));
    let problems: Vec<InputProblem> = if problems_state.0 == page { problems_state.1.clone() } else { Vec::new() };
    let heading = use_focus_on(page.clone());
    let respondent = props.respondent;
    let language = props.language.to_string();
    let text = messages::get(&language);
    {
        let onerrors = props.onerrors.clone();
        use_effect_with(!problems.is_empty(), move |shown| onerrors.emit(*shown));
    }
    let onsubmit = {
        let definition = props.definition.clone();
        let index = props.index;
        // What the fields hold now, read from the state when Continue is pressed: a change in the
        // same task as the press (autofill, an assistive tool) is not rendered yet.
        let input_state = input_state.clone();
        let fresh = input.clone();
        let problems = problems_state.clone();
        let page = page.clone();
        let onanswer = props.onanswer.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let input = if input_state.0 == page { &input_state.1 } else { &fresh };
            match definition.answer_from_input(index, input) {
                Ok(answer) => {
                    // Given: a later visit to this question starts from the answer.
                    leave(&input_state, &problems);
                    onanswer.emit(answer);
                }
                Err(found) => problems.set((page.clone(), found)),
            }
        })
    };
    let errors: Vec<FieldError> = problems
        .iter()
        .map(|problem| FieldError {
            field: field_id(question, problem.field),
            message: text.input_problem(problem, respondent),
        })
        .collect();
    let unusual = problems.iter().find_map(|problem| match &problem.kind {
        InputProblemKind::Unusual(unusual) => Some(Unusual::Value(unusual.clone())),
        InputProblemKind::FutureDate => {
            definition_answer(&props.definition, props.index, &input).map(Unusual::FutureDate)
        }
        InputProblemKind::ChooseAnAnswer
        | InputProblemKind::DoNotKnowWithOtherChoices
        | InputProblemKind::Number(_)
        | InputProblemKind::Date(_)
        | InputProblemKind::Answer(_) => None,
    });
    let onback = {
        let onback = props.onback.clone();
        let input_state = input_state.clone();
        let problems_state = problems_state.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            // What was typed here and not continued with is dropped, as it was when each question
            // had a page of its own: coming back shows the answer given, not an abandoned edit.
            leave(&input_state, &problems_state);
            onback.emit(());
        })
    };
    let oninput = {
        let input_state = input_state.clone();
        let page = page.clone();
        let shown = input.clone();
        Callback::from(move |edit: Edit| {
            let mut next = if input_state.0 == page { input_state.1.clone() } else { shown.clone() };
            edit(&mut next);
            input_state.set((page.clone(), next));
        })
    };

    let fields_props = FieldsProps {
        definition: props.definition.clone(),
        index: props.index,
        respondent,
        language: props.language.clone(),
        input: input.clone(),
        oninput,
        errors: errors.clone(),
        unusual,
    };
    // Choice questions and a value with its limit are groups of fields: a fieldset whose legend is
    // the question. A single value's field is labelled by the question itself.
    let (fields, uses_fieldset) = match &question.kind {
        QuestionKind::YesNo => (choices::yes_no(&fields_props), true),
        QuestionKind::SingleChoice { .. } => (choices::single_choice(&fields_props), true),
        QuestionKind::MultipleChoice { .. } => (checkboxes::multiple_choice(&fields_props), true),
        QuestionKind::Number { .. } => (number::number_with_unit(&fields_props), false),
        QuestionKind::Age { .. } => (age::age(&fields_props), false),
        QuestionKind::AgainstUpperLimit { .. } => (against_limit::against_upper_limit(&fields_props), true),
        QuestionKind::AgainstReferenceRange { .. } => (against_limit::against_reference_range(&fields_props), true),
        QuestionKind::Date => (date::date(&fields_props), true),
    };

    let question_error = errors.first().map(|error| error.message.clone());
    let heading_text = localized(question.text_for(respondent), &language);
    let hint = question.why.as_ref().map(|why| {
        html! {
            <div class="ps-hint" id={field_id_of(question, "hint")}>
                <span class="ps-visually-hidden">{ text.label(text.why_we_ask) }</span>{ localized(why.for_respondent(respondent), &language) }
            </div>
        }
    });
    let where_to_find = question.where_to_find.as_ref().map(|where_text| {
        // Keyed by the question: a <details> the patient opened stays open when patched, and the
        // next question's help starts closed, as on a page of its own.
        html! {
            <details key={question.id.as_str()} class="ps-details">
                <summary class="ps-details__summary">{ text.where_to_find }</summary>
                <div class="ps-details__text">{ localized(where_text.for_respondent(respondent), &language) }</div>
            </details>
        }
    });
    let error_message = question_error.map(|message| {
        html! {
            <p class="ps-error-message" id={field_id_of(question, "error")}>
                <span class="ps-visually-hidden">{ text.error_prefix }</span>{ message }
            </p>
        }
    });
    let (step, more) = props.progress;
    let has_error = !errors.is_empty();
    let heading_html = if uses_fieldset {
        html! { <h1 class="ps-heading" tabindex="-1" ref={heading.clone()}>{ heading_text }</h1> }
    } else {
        html! {
            <h1 class="ps-heading" tabindex="-1" ref={heading.clone()}>
                <label for={field_id(question, InputField::Value)}>{ heading_text }</label>
            </h1>
        }
    };
    let body = html! {
        <>
            { hint }
            { where_to_find }
            { error_message }
            { fields }
        </>
    };
    html! {
        <div class="ps-question" data-question={question.id.to_string()}>
            <a href="#" class="ps-back-link" onclick={onback}>{ text.back }</a>
            <p class="ps-progress">
                <span>{ text.progress(step, more) }</span>
                <progress class="ps-progress__bar" max={(step + more).to_string()} value={step.to_string()} aria-hidden="true"></progress>
            </p>
            <ErrorSummary errors={errors.clone()} title={text.there_is_a_problem} />
            <form class="ps-form" novalidate=true {onsubmit}>
                <div class={classes!("ps-form-group", has_error.then_some("ps-form-group--error"))}>
                    if uses_fieldset {
                        <fieldset class="ps-fieldset" aria-describedby={described_by(question, has_error)}>
                            <legend class="ps-fieldset__legend">{ heading_html }</legend>
                            { body }
                        </fieldset>
                    } else {
                        { heading_html }
                        { body }
                    }
                </div>
                <div class="ps-button-group">
                    <button type="submit" class="ps-button">{ text.continue_ }</button>
                    if let Some(onstop) = props.onstop.clone() {
                        <button type="button" class="ps-button ps-button--secondary" onclick={Callback::from(move |_: MouseEvent| onstop.emit(()))}>{ text.stop_and_see }</button>
                    }
                </div>
            </form>
        </div>
    }
}

//! The app: one reducer (`state.rs`) and one page per screen. Its effects (the page title, the
//! leave-page question, the host event, print and download) are set here and nowhere else.

use super::browser;
use super::check_answers::CheckAnswersPage;
use super::host::HostSettings;
use super::look_back::LookBackPage;
use super::question::QuestionPage;
use super::result::ResultPage;
use super::start::StartPage;
use super::state::{Action, Screen, State};
use super::SharedDefinition;
use crate::engine::Respondent;
use crate::messages;
use yew::prelude::*;

#[derive(Properties, PartialEq, Debug)]
pub struct QuestionnaireProps {
    pub definition: SharedDefinition,
    pub language: AttrValue,
    /// Called with a language tag when the patient switches language.
    #[prop_or_default]
    pub onlanguage: Callback<AttrValue>,
    #[prop_or_default]
    pub host: HostSettings,
}

#[function_component(Questionnaire)]
pub fn questionnaire(props: &QuestionnaireProps) -> Html {
    let state = use_reducer_eq({
        let definition = props.definition.clone();
        let early = props.host.early.clone();
        move || {
            let mut state = State::new(definition, crate::engine::CalendarDate::parse(&browser::today()));
            // Carry on from the start page shown before the widget was ready (`host::EarlyStart`).
            match early {
                Some(early) if early.begun => state.begin(early.respondent),
                Some(early) => state.respondent = early.respondent,
                None => {}
            }
            state
        }
    });
    // Whether the question page on screen shows errors, for the page title.
    let page_has_errors = use_state(|| false);
    let dispatch = |make: fn() -> Action| {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(make()))
    };
    let language = props.language.clone();
    let text = messages::get(&language);
    let in_progress = !state.answers.is_empty() && state.screen != Screen::Result;
    use_effect_with(in_progress, |in_progress| {
        let guard = in_progress.then(browser::LeaveGuard::install).flatten();
        move || drop(guard)
    });
    {
        let outcome = (state.screen == Screen::Result).then_some(state.evaluation.outcome);
        let host = props.host.element.clone().filter(|_| props.host.outcome_event);
        let trial = state.definition.trial.id.clone();
        use_effect_with(outcome, move |outcome| {
            if let (Some(outcome), Some(host)) = (outcome, host) {
                browser::announce_outcome(&host, &trial, outcome.id());
            }
        });
    }
    {
        let title = page_title(&state, &language, *page_has_errors, props.host.title_names_outcome);
        let owns_title = props.host.owns_title;
        use_effect_with(title, move |title| {
            if owns_title {
                browser::set_page_title(title);
            }
        });
    }
    let announcement = match state.screen {
        Screen::Question(_) => {
            let (step, more) = state.progress();
            text.progress(step, more)
        }
        Screen::Result => text.outcome_heading(state.evaluation.outcome, state.respondent).to_owned(),
        Screen::CheckAnswers => text.check_answers.to_owned(),
        Screen::LookBack => text.look_back_heading.to_owned(),
        Screen::Start => String::new(),
    };
    let switcher = language_switcher(&state.definition.languages, &language, &props.onlanguage);
    let page = match state.screen {
        Screen::Start => {
            let state_handle = state.clone();
            let onbegin =
                Callback::from(move |respondent: Respondent| state_handle.dispatch(Action::Begin(respondent)));
            html! { <StartPage definition={state.definition.clone()} {language} respondent={state.respondent} {onbegin} /> }
        }
        Screen::Question(index) => {
            let onanswer = {
                let state = state.clone();
                Callback::from(move |answer| state.dispatch(Action::Answer { question: index, answer }))
            };
            let onerrors = {
                let page_has_errors = page_has_errors.clone();
                Callback::from(move |shown: bool| page_has_errors.set(shown))
            };
            let question = &state.definition.questions[index];
            html! {
                <QuestionPage definition={state.definition.clone()} {index} respondent={state.respondent} {language}
                    answer={state.answers.get(question.id.as_str()).cloned()} progress={state.progress()} today={state.answers.today()}
                    {onanswer} {onerrors} onback={dispatch(|| Action::Back)} />
            }
        }
        Screen::CheckAnswers => {
            let onchange = {
                let state = state.clone();
                Callback::from(move |question| state.dispatch(Action::Change { question }))
            };
            html! {
                <CheckAnswersPage definition={state.definition.clone()} answers={state.answers.clone()} evaluation={state.evaluation.clone()}
                    respondent={state.respondent} {language} {onchange}
                    oncontinue={dispatch(|| Action::ShowResult)} onback={dispatch(|| Action::Back)} />
            }
        }
        Screen::LookBack => {
            let onchange = {
                let state = state.clone();
                Callback::from(move |question| state.dispatch(Action::Change { question }))
            };
            html! {
                <LookBackPage definition={state.definition.clone()} answers={state.answers.clone()} evaluation={state.evaluation.clone()}
                    respondent={state.respondent} {language} {onchange}
                    oncontinue={dispatch(|| Action::ShowResult)} onback={dispatch(|| Action::Back)} />
            }
        }
        Screen::Result => {
            let ondownload = {
                let state = state.clone();
                Callback::from(move |()| download_answers(&state))
            };
            html! {
                <ResultPage definition={state.definition.clone()} evaluation={state.evaluation.clone()} answers={state.answers.clone()} respondent={state.respondent} {language}
                    today={AttrValue::from(browser::today())} onprint={Callback::from(|()| browser::print())} {ondownload}
                    onchangeanswers={dispatch(|| Action::ShowCheckAnswers)} onstartover={dispatch(|| Action::StartOver)} />
            }
        }
    };
    screen(switcher, announcement, page)
}

/// A screen of the widget: the language buttons, the live region that announces each change of
/// page, and the page. Also how the start page shown early is written (`prerender.rs`).
pub(crate) fn screen(switcher: Html, announcement: String, page: Html) -> Html {
    html! {
        <>
            { switcher }
            <div class="ps-visually-hidden" role="status" aria-live="polite">{ announcement }</div>
            { page }
        </>
    }
}

/// The page title for the screen on show: the step, prefixed "Error:" when the page shows errors,
/// and the trial. Set only when the widget owns its page. The outcome is named only when the host
/// asks for it: titles land in browser history, which may sync, and in analytics page titles.
/// For the same reason the look-back page, which only comes before "not eligible", is titled as the
/// check-your-answers page.
fn page_title(state: &State, language: &str, page_has_errors: bool, names_outcome: bool) -> String {
    let text = messages::get(language);
    let trial_title = state.definition.trial.plain_title.get(language);
    match state.screen {
        Screen::Start => trial_title.to_owned(),
        Screen::Question(index) => {
            let (step, more) = state.progress();
            format!(
                "{}{}: {} – {trial_title}",
                if page_has_errors { text.error_prefix } else { "" },
                text.progress(step, more),
                state.definition.questions[index].text_for(state.respondent).get(language),
            )
        }
        Screen::CheckAnswers | Screen::LookBack => format!("{} – {trial_title}", text.check_answers),
        Screen::Result if names_outcome => {
            format!("{} – {trial_title}", text.outcome_heading(state.evaluation.outcome, state.respondent))
        }
        Screen::Result => format!("{} – {trial_title}", text.result_title),
    }
}

/// Buttons for every language both the widget and the definition (or a portal's trials) speak,
/// each named in its own language; switching keeps every answer. Nothing when there is only one.
pub(crate) fn language_switcher(declared: &[String], current: &str, onlanguage: &Callback<AttrValue>) -> Html {
    let available: Vec<&'static messages::Messages> = messages::LANGUAGES
        .iter()
        .copied()
        .filter(|messages| declared.iter().any(|declared| declared == messages.language))
        .collect();
    if available.len() < 2 {
        return html! {};
    }
    let label = messages::get(current).switch_language;
    html! {
        <nav class="ps-language" aria-label={label}>
            { for available.into_iter().map(|choice| {
                let onclick = {
                    let onlanguage = onlanguage.clone();
                    Callback::from(move |_: MouseEvent| onlanguage.emit(AttrValue::Static(choice.language)))
                };
                let pressed = choice.language == current;
                html! {
                    <button type="button" class="ps-language__option" lang={choice.language}
                        aria-pressed={pressed.to_string()} {onclick}>{ choice.language_name }</button>
                }
            }) }
        </nav>
    }
}

/// Saves the answers in the saved-answers format (`engine::saved`), which `prescreen eval` reads.
fn download_answers(state: &State) {
    let definition = &state.definition;
    let saved = definition.saved_answers_json(&state.answers, state.evaluation.outcome, &browser::today());
    let Ok(text) = serde_json::to_string_pretty(&saved) else { return };
    browser::save_file(&format!("prescreen-{}-answers.json", definition.trial.id), "application/json", &text);
}

/// A reference to put on a page's heading: the heading takes focus whenever `key` changes (a new
/// page), so keyboard and screen-reader users start at the top of what changed. Only while focus is
/// in the widget or nowhere (`browser::may_take_focus`): a person who pressed Start on the page
/// shown while the widget loaded, then went on to the host page, keeps their place there.
#[hook]
pub(crate) fn use_focus_on<T: PartialEq + 'static>(key: T) -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(key, move |_| {
            if let Some(element) = node.cast::<web_sys::HtmlElement>().filter(browser::may_take_focus) {
                let _ = element.focus();
            }
        });
    }
    node
}

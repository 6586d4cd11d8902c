//! A portal: many trials from one catalogue, each shared question asked once. The pages are the
//! single-trial ones (start, question, result); this module holds the portal's own state, the page
//! that shows where each trial stands (grouped by outcome, with the answers given and a way back
//! to any of them), and its effects (title, leave-page question, the opt-in host event).
//!
//! The next question is the engine's (`Catalogue::next_question`): the one that could change the
//! most trials still open. The patient may stop at any point.

use super::browser;
use super::describe::describe_answer;
use super::host::HostSettings;
use super::localized::localized;
use super::question::QuestionPage;
use super::questionnaire::{language_switcher, screen, use_focus_on};
use super::result::ResultPage;
use super::start::StartPage;
use super::{SharedCatalogue, SharedDefinition};
use crate::engine::{Answer, Answers, CalendarDate, Evaluation, Outcome, Place, Respondent};
use crate::messages;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Debug)]
pub struct PortalProps {
    pub catalogue: SharedCatalogue,
    pub language: AttrValue,
    #[prop_or_default]
    pub onlanguage: Callback<AttrValue>,
    #[prop_or_default]
    pub host: HostSettings,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Screen {
    Start,
    Question(Place),
    /// Where each trial stands, and the answers given.
    Standing,
    /// One trial's own result: its criteria, contact, print and download.
    Trial(usize),
}

#[derive(Clone, Debug, PartialEq)]
struct State {
    catalogue: SharedCatalogue,
    respondent: Respondent,
    answers: Answers,
    evaluations: Vec<Evaluation>,
    screen: Screen,
    /// Questions answered on the way to the current one, by id, for Back and the step number.
    history: Vec<String>,
    /// Set when a question was opened from the answers list: go back there once it is answered.
    changing: bool,
}

enum Action {
    Begin(Respondent),
    Answer {
        id: String,
        answer: Answer,
    },
    Back,
    Stop,
    /// From the standing page, back to the questions that could still settle a trial.
    Continue,
    Change(String),
    ShowTrial(usize),
    StartOver,
}

impl State {
    fn new(catalogue: SharedCatalogue, today: Option<CalendarDate>) -> State {
        let mut answers = Answers::default();
        if let Some(today) = today {
            answers.set_today(today);
        }
        let evaluations = catalogue.evaluate(&answers);
        State {
            catalogue,
            respondent: Respondent::Patient,
            answers,
            evaluations,
            screen: Screen::Start,
            history: Vec::new(),
            changing: false,
        }
    }

    fn next_screen(&self) -> Screen {
        self.catalogue.next_question(&self.evaluations).map_or(Screen::Standing, Screen::Question)
    }

    /// The step number, and at most how many questions can follow.
    fn progress(&self) -> (usize, usize) {
        let current = match self.screen {
            Screen::Question((trial, question)) => Some(self.catalogue.trials[trial].questions[question].id.as_str()),
            Screen::Start | Screen::Standing | Screen::Trial(_) => None,
        };
        (self.history.len() + 1, self.catalogue.questions_that_may_matter(&self.evaluations, &self.answers, current))
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        match action {
            Action::Begin(respondent) => {
                state.respondent = respondent;
                state.history.clear();
                state.screen = state.next_screen();
            }
            Action::Answer { id, answer } => {
                let Some(question) = state
                    .catalogue
                    .place_of(&id)
                    .map(|(trial, question)| state.catalogue.trials[trial].questions[question].id.clone())
                else {
                    return self;
                };
                state.answers.set(question, answer);
                state.catalogue.reevaluate(&mut state.evaluations, &state.answers, &id);
                state.history.push(id);
                state.screen = if state.changing { Screen::Standing } else { state.next_screen() };
                state.changing = false;
            }
            Action::Back => {
                state.screen = match state.history.pop().and_then(|id| state.catalogue.place_of(&id)) {
                    Some(place) => Screen::Question(place),
                    None => Screen::Start,
                };
            }
            Action::Stop => state.screen = Screen::Standing,
            Action::Continue => state.screen = state.next_screen(),
            Action::Change(id) => {
                if let Some(place) = state.catalogue.place_of(&id) {
                    state.changing = true;
                    state.screen = Screen::Question(place);
                }
            }
            Action::ShowTrial(trial) => state.screen = Screen::Trial(trial),
            Action::StartOver => return Rc::new(State::new(state.catalogue, state.answers.today())),
        }
        Rc::new(state)
    }
}

#[function_component(Portal)]
pub fn portal(props: &PortalProps) -> Html {
    let state = use_reducer({
        let catalogue = props.catalogue.clone();
        move || State::new(catalogue, CalendarDate::parse(&browser::today()))
    });
    let language = props.language.clone();
    let text = messages::get(&language);
    // Counted once per render: it reads every trial.
    let progress = match state.screen {
        Screen::Question(_) => state.progress(),
        Screen::Start | Screen::Standing | Screen::Trial(_) => (0, 0),
    };
    let send = |make: fn() -> Action| {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(make()))
    };
    let in_progress = !state.answers.is_empty() && state.screen != Screen::Standing;
    use_effect_with(in_progress, |in_progress| {
        let guard = in_progress.then(browser::LeaveGuard::install).flatten();
        move || drop(guard)
    });
    {
        // The opt-in host event: each trial's outcome, once the patient sees where they stand.
        let outcomes: Option<Vec<(String, &'static str)>> = (state.screen == Screen::Standing).then(|| {
            state
                .catalogue
                .trials
                .iter()
                .zip(&state.evaluations)
                .map(|(trial, evaluation)| (trial.trial.id.clone(), evaluation.outcome.id()))
                .collect()
        });
        let host = props.host.element.clone().filter(|_| props.host.outcome_event);
        use_effect_with(outcomes, move |outcomes| {
            if let (Some(outcomes), Some(host)) = (outcomes, host) {
                browser::announce_outcomes(&host, outcomes);
            }
        });
    }
    {
        let title = match state.screen {
            Screen::Start => text.portal_heading.to_owned(),
            Screen::Question(_) => format!("{} – {}", text.progress(progress.0, progress.1), text.portal_heading),
            Screen::Standing | Screen::Trial(_) => format!("{} – {}", text.where_trials_stand, text.portal_heading),
        };
        let owns_title = props.host.owns_title;
        use_effect_with(title, move |title| {
            if owns_title {
                browser::set_page_title(title);
            }
        });
    }
    let announcement = match state.screen {
        Screen::Question(_) => text.progress(progress.0, progress.1),
        Screen::Standing => text.where_trials_stand.to_owned(),
        Screen::Start | Screen::Trial(_) => String::new(),
    };
    let page = match state.screen {
        Screen::Start => {
            let onbegin = {
                let state = state.clone();
                Callback::from(move |respondent: Respondent| state.dispatch(Action::Begin(respondent)))
            };
            html! {
                <StartPage definition={state.catalogue.trial(0)} language={language.clone()} respondent={state.respondent}
                    portal_trials={Some(state.catalogue.trials.len())} {onbegin} />
            }
        }
        Screen::Question((trial, index)) => {
            let definition = state.catalogue.trial(trial);
            let id = definition.questions[index].id.to_string();
            let onanswer = {
                let state = state.clone();
                let id = id.clone();
                Callback::from(move |answer| state.dispatch(Action::Answer { id: id.clone(), answer }))
            };
            html! {
                <QuestionPage {definition} {index} respondent={state.respondent} language={language.clone()}
                    answer={state.answers.get(&id).cloned()} {progress} today={state.answers.today()}
                    {onanswer} onback={send(|| Action::Back)} onstop={Some(send(|| Action::Stop))} />
            }
        }
        Screen::Standing => {
            // Only questions that can be asked now: one whose visibility is still open is not.
            let questions_left =
                if state.catalogue.next_question(&state.evaluations).is_some() { state.progress().1.max(1) } else { 0 };
            let onchange = {
                let state = state.clone();
                Callback::from(move |id: String| state.dispatch(Action::Change(id)))
            };
            let onshowtrial = {
                let state = state.clone();
                Callback::from(move |trial: usize| state.dispatch(Action::ShowTrial(trial)))
            };
            html! {
                <StandingPage catalogue={state.catalogue.clone()} evaluations={state.evaluations.clone()} answers={state.answers.clone()}
                    respondent={state.respondent} language={language.clone()} questions_left={questions_left}
                    oncontinue={send(|| Action::Continue)} {onchange} {onshowtrial} onstartover={send(|| Action::StartOver)} />
            }
        }
        Screen::Trial(trial) => {
            let definition = state.catalogue.trial(trial);
            let ondownload = {
                let definition = definition.clone();
                let answers = state.answers.clone();
                let outcome = state.evaluations[trial].outcome;
                Callback::from(move |()| download_answers(&definition, &answers, outcome))
            };
            html! {
                <ResultPage {definition} evaluation={state.evaluations[trial].clone()} answers={state.answers.clone()}
                    respondent={state.respondent} language={language.clone()} today={AttrValue::from(browser::today())}
                    onprint={Callback::from(|()| browser::print())} {ondownload}
                    onchangeanswers={send(|| Action::Stop)} onstartover={send(|| Action::StartOver)}
                    onbacktoall={Some(send(|| Action::Stop))} />
            }
        }
    };
    screen(language_switcher(&languages_of(&state.catalogue), &language, &props.onlanguage), announcement, page)
}

#[derive(Properties, PartialEq)]
struct StandingProps {
    catalogue: SharedCatalogue,
    evaluations: Vec<Evaluation>,
    answers: Answers,
    respondent: Respondent,
    language: AttrValue,
    /// How many questions could still settle an open trial.
    questions_left: usize,
    oncontinue: Callback<()>,
    onchange: Callback<String>,
    onshowtrial: Callback<usize>,
    onstartover: Callback<()>,
}

/// Where each trial stands, grouped by outcome (each opening its own result), then the answers
/// given, each with a Change link.
#[function_component(StandingPage)]
fn standing_page(props: &StandingProps) -> Html {
    let heading = use_focus_on(());
    let language = props.language.as_str();
    let text = messages::get(language);
    let catalogue = &props.catalogue;
    let groups = catalogue.by_outcome(&props.evaluations).into_iter().filter(|(_, trials)| !trials.is_empty()).map(|(outcome, trials)| {
        html! {
            <section class="ps-result__section" data-group={outcome.id()}>
                <h2 class="ps-heading ps-heading--small">{ format!("{} ({})", text.portal_group(outcome), trials.len()) }</h2>
                <ul class="ps-trials">
                    { for trials.into_iter().map(|index| {
                        let trial = &catalogue.trials[index].trial;
                        let onclick = {
                            let onshowtrial = props.onshowtrial.clone();
                            Callback::from(move |_: MouseEvent| onshowtrial.emit(index))
                        };
                        html! {
                            <li class="ps-trials__trial" data-trial={trial.id.clone()} data-outcome={outcome.id()}>
                                <p class="ps-body"><strong>{ localized(&trial.plain_title, language) }</strong></p>
                                <p class="ps-body ps-meta">{ localized(&trial.sponsor, language) }{ " · " }{ trial.registry_id.clone() }</p>
                                <button type="button" class="ps-button ps-button--secondary" {onclick}>
                                    { text.see_criteria }<span class="ps-visually-hidden">{ text.colon }{ localized(&trial.plain_title, language) }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            </section>
        }
    });
    let rows = catalogue.questions.iter().filter_map(|&(trial, index)| {
        let question = &catalogue.trials[trial].questions[index];
        let answer = props.answers.get(question.id.as_str())?;
        let id = question.id.to_string();
        let onclick = {
            let onchange = props.onchange.clone();
            Callback::from(move |event: MouseEvent| {
                event.prevent_default();
                onchange.emit(id.clone());
            })
        };
        let question_text = question.text_for(props.respondent);
        Some(html! {
            <div class="ps-summary-list__row" key={question.id.to_string()} data-answer-to={question.id.to_string()}>
                <dt class="ps-summary-list__key">{ localized(question_text, language) }</dt>
                <dd class="ps-summary-list__value">{ describe_answer(question, answer, props.respondent, language) }</dd>
                <dd class="ps-summary-list__actions">
                    <a href="#" class="ps-link" {onclick}>{ text.change }<span class="ps-visually-hidden">{ text.colon }{ localized(question_text, language) }</span></a>
                </dd>
            </div>
        })
    });
    let button = |label: &'static str, callback: &Callback<()>, class: &'static str| {
        let callback = callback.clone();
        html! { <button type="button" class={classes!("ps-button", class)} onclick={Callback::from(move |_: MouseEvent| callback.emit(()))}>{ label }</button> }
    };
    html! {
        <div class="ps-portal">
            <h1 class="ps-heading" tabindex="-1" ref={heading}>{ text.where_trials_stand }</h1>
            if props.questions_left > 0 {
                <p class="ps-body">{ text.portal_questions_left(props.questions_left) }</p>
                <div class="ps-button-group">{ button(text.answer_more, &props.oncontinue, "") }</div>
            }
            { for groups }
            if !props.answers.is_empty() {
                <section class="ps-result__section">
                    <h2 class="ps-heading ps-heading--small">{ text.your_answers }</h2>
                    <dl class="ps-summary-list">{ for rows }</dl>
                </section>
            }
            <div class="ps-button-group">{ button(text.start_over, &props.onstartover, "ps-button--warning") }</div>
        </div>
    }
}

/// Saves one trial's answers in the saved-answers format, which `prescreen eval` reads.
fn download_answers(definition: &SharedDefinition, answers: &Answers, outcome: Outcome) {
    let mut own = Answers::default();
    for question in &definition.questions {
        if let Some(answer) = answers.get(question.id.as_str()) {
            own.set(question.id.clone(), answer.clone());
        }
    }
    let saved = definition.saved_answers_json(&own, outcome, &browser::today());
    let Ok(text) = serde_json::to_string_pretty(&saved) else { return };
    browser::save_file(&format!("prescreen-{}-answers.json", definition.trial.id), "application/json", &text);
}

/// The languages any trial of the catalogue speaks: a trial without one shows its own words in its
/// first language, marked as such.
fn languages_of(catalogue: &SharedCatalogue) -> Vec<String> {
    let mut languages: Vec<String> = Vec::new();
    for trial in &catalogue.trials {
        for language in &trial.languages {
            if !languages.contains(language) {
                languages.push(language.clone());
            }
        }
    }
    languages
}

//! The widget's state and every change to it, as a reducer. Decisions (what to ask next, the
//! outcome) are engine calls; this module only records where the patient is and what they said.

use super::SharedDefinition;
use crate::engine::{Answer, Answers, CalendarDate, Evaluation, Outcome, Respondent};
use std::rc::Rc;
use yew::Reducible;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Start,
    Question(usize),
    CheckAnswers,
    /// The answers that rule the patient out, each with a Change link, before the result says so.
    LookBack,
    Result,
}

/// Derived `PartialEq`: `use_reducer_eq` skips a render when an action changed nothing. The
/// definition compares by pointer (`SharedDefinition`), so the comparison costs no more than the
/// answers and the evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub definition: SharedDefinition,
    pub respondent: Respondent,
    pub answers: Answers,
    pub screen: Screen,
    /// Questions shown before the current one, for Back.
    pub history: Vec<usize>,
    /// Set when a question was opened with "Change": after answering, go back to where the patient was.
    pub return_to: Option<Screen>,
    pub evaluation: Evaluation,
}

#[derive(Debug)]
pub enum Action {
    Begin(Respondent),
    Answer { question: usize, answer: Answer },
    Back,
    Change { question: usize },
    ShowCheckAnswers,
    ShowResult,
    StartOver,
}

impl State {
    /// A fresh questionnaire; `today` (the device's date) is what date windows count back from.
    pub fn new(definition: SharedDefinition, today: Option<CalendarDate>) -> State {
        let mut answers = Answers::default();
        if let Some(today) = today {
            answers.set_today(today);
        }
        let evaluation = definition.evaluate(&answers);
        State {
            definition,
            respondent: Respondent::Patient,
            answers,
            screen: Screen::Start,
            history: Vec::new(),
            return_to: None,
            evaluation,
        }
    }

    /// The patient chose who is answering and pressed Start: the first question that matters.
    pub fn begin(&mut self, respondent: Respondent) {
        self.respondent = respondent;
        self.history.clear();
        self.screen = self.screen_after_questions();
    }

    /// Where to go once there is nothing left to ask: when the answers rule the patient out, the
    /// answers that did it (a slip there would turn them away wrongly), otherwise the
    /// check-your-answers page.
    fn screen_after_questions(&self) -> Screen {
        match self.evaluation.next_question() {
            Some(next) => Screen::Question(next),
            None if self.evaluation.outcome == Outcome::NotEligible => Screen::LookBack,
            None => Screen::CheckAnswers,
        }
    }

    /// The current question's step number, and at most how many questions can follow it. The
    /// second never grows as the patient answers (`Definition::questions_that_may_matter`).
    pub fn progress(&self) -> (usize, usize) {
        let current = match self.screen {
            Screen::Question(index) => Some(index),
            Screen::Start | Screen::CheckAnswers | Screen::LookBack | Screen::Result => None,
        };
        let more = self.definition.questions_that_may_matter(&self.evaluation, &self.answers, current);
        (self.history.len() + 1, more)
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        match action {
            Action::Begin(respondent) => state.begin(respondent),
            Action::Answer { question, answer } => {
                let id = state.definition.questions[question].id.clone();
                state.answers.set(id, answer);
                state.definition.reevaluate(&mut state.evaluation, &state.answers, question);
                state.history.push(question);
                let next = state.screen_after_questions();
                state.screen = match (state.return_to, next) {
                    // A change that opens a new question (a newly relevant follow-up) asks it.
                    (Some(_), Screen::Question(next)) => Screen::Question(next),
                    // The look-back page stands only while the answers still rule the patient out.
                    (Some(Screen::LookBack), next) => next,
                    (Some(return_to), _) => return_to,
                    (None, next) => next,
                };
                if !matches!(state.screen, Screen::Question(_)) {
                    state.return_to = None;
                }
            }
            Action::Back => {
                state.screen = match (state.history.pop(), state.return_to.take()) {
                    (Some(previous), return_to) => {
                        state.return_to = return_to;
                        Screen::Question(previous)
                    }
                    (None, Some(return_to)) => return_to,
                    (None, None) => Screen::Start,
                };
            }
            Action::Change { question } => {
                state.return_to = Some(state.screen);
                state.history.clear();
                state.screen = Screen::Question(question);
            }
            Action::ShowCheckAnswers => state.screen = Screen::CheckAnswers,
            Action::ShowResult => state.screen = Screen::Result,
            Action::StartOver => return Rc::new(State::new(state.definition, state.answers.today())),
        }
        Rc::new(state)
    }
}

//! The result: the outcome in plain words, every criterion with its status and the registry's own
//! text, what to ask the care team, the trial contact, and what the patient can do next.

use super::messages as text;
use super::SharedDefinition;
use crate::engine::{CriterionKind, Evaluation, Outcome, Respondent, Status};
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultPageProps {
    pub definition: SharedDefinition,
    pub evaluation: Evaluation,
    pub respondent: Respondent,
    pub language: AttrValue,
    /// Today's date as YYYY-MM-DD, for the printed summary.
    pub today: AttrValue,
    pub onprint: Callback<()>,
    pub ondownload: Callback<()>,
    pub onchangeanswers: Callback<()>,
    pub onstartover: Callback<()>,
}

/// How a criterion's status reads for the patient: whether it fits, and the words for it.
fn status_words(kind: CriterionKind, status: Status, outcome: Outcome) -> (&'static str, &'static str, &'static str) {
    match (kind, status) {
        // Once another criterion has ruled the patient out, the rest were not asked about.
        (_, Status::Unknown) if outcome == Outcome::NotEligible => ("unknown", "–", text::NOT_CHECKED),
        (_, Status::Unknown) => ("unknown", "?", text::UNKNOWN),
        (CriterionKind::Inclusion, Status::Met) => ("fits", "✓", text::MET),
        (CriterionKind::Inclusion, Status::NotMet) => ("does-not-fit", "✗", text::NOT_MET),
        (CriterionKind::Exclusion, Status::NotMet) => ("fits", "✓", "Does not apply"),
        (CriterionKind::Exclusion, Status::Met) => ("does-not-fit", "✗", "Applies"),
    }
}

#[function_component(ResultPage)]
pub fn result_page(props: &ResultPageProps) -> Html {
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| {
            if let Some(heading) = heading.cast::<HtmlElement>() {
                let _ = heading.focus();
            }
        });
    }
    let definition = &props.definition;
    let trial = &definition.trial;
    let language = props.language.as_str();
    let outcome = props.evaluation.outcome;
    let button = |label: &'static str, callback: &Callback<()>, class: &'static str| {
        let callback = callback.clone();
        let onclick = Callback::from(move |_: MouseEvent| callback.emit(()));
        html! { <button type="button" class={classes!("ps-button", class)} {onclick}>{ label }</button> }
    };
    let criteria_of = |kind: CriterionKind| {
        definition.criteria.iter().zip(&props.evaluation.criteria).filter(move |(criterion, _)| criterion.kind == kind)
    };
    let criterion_list = |kind: CriterionKind, heading_text: &'static str| {
        html! {
            <section class="ps-result__section">
                <h2 class="ps-heading ps-heading--small">{ heading_text }</h2>
                <ol class="ps-criteria">
                    { for criteria_of(kind).map(|(criterion, result)| {
                        let (fit, icon, words) = status_words(kind, result.status, outcome);
                        html! {
                            <li class={classes!("ps-criterion", format!("ps-criterion--{fit}"))} data-criterion={criterion.id.to_string()} data-status={result.status.id()}>
                                <span class="ps-criterion__icon" aria-hidden="true">{ icon }</span>
                                <div class="ps-criterion__body">
                                    <p class="ps-criterion__status"><strong>{ words }</strong>{ format!(": {}", criterion.summary.get(language)) }</p>
                                    <p class="ps-criterion__registry">
                                        <span class="ps-criterion__registry-label">{ format!("{} ({} {}): ", text::REGISTRY_TEXT, kind.id(), criterion.number) }</span>
                                        <q lang="en">{ criterion.registry_text.clone() }</q>
                                    </p>
                                    if let Some(interpretation) = &criterion.interpretation {
                                        <p class="ps-criterion__note">{ interpretation.get(language) }</p>
                                    }
                                </div>
                            </li>
                        }
                    }) }
                </ol>
            </section>
        }
    };
    let questions_for_care_team: Vec<String> = definition
        .criteria
        .iter()
        .zip(&props.evaluation.criteria)
        .filter(|(_, result)| result.status == Status::Unknown)
        .filter_map(|(criterion, _)| criterion.ask_care_team.as_ref().map(|ask| ask.get(language).to_owned()))
        .collect();
    html! {
        <div class={classes!("ps-result", format!("ps-result--{}", outcome.id().replace('_', "-")))}>
            <p class="ps-print-only ps-print-header">
                { format!("Prescreen summary, {} · {} · definition {} ({}) · printed {}", trial.title, trial.registry_id, trial.definition_version, trial.definition_date, props.today) }
            </p>
            <div class="ps-panel" data-outcome={outcome.id()}>
                <h1 class="ps-panel__title" tabindex="-1" ref={heading}>{ text::outcome_heading(outcome) }</h1>
                <p class="ps-panel__body">{ text::outcome_body(outcome, props.respondent) }</p>
            </div>
            if outcome == Outcome::NotEligible {
                <section class="ps-result__section">
                    <h2 class="ps-heading ps-heading--small">{ text::WHY_NOT_ELIGIBLE }</h2>
                    <ul class="ps-list">
                        { for definition.criteria.iter().zip(&props.evaluation.criteria).filter(|(_, result)| result.rules_out()).map(|(criterion, _)| html! {
                            <li>{ criterion.summary.get(language) }{ " (" }<q lang="en">{ criterion.registry_text.clone() }</q>{ ")" }</li>
                        }) }
                    </ul>
                </section>
            }
            if outcome == Outcome::NeedsReview && !questions_for_care_team.is_empty() {
                <section class="ps-result__section">
                    <h2 class="ps-heading ps-heading--small">{ text::ASK_YOUR_CARE_TEAM }</h2>
                    <ul class="ps-list">{ for questions_for_care_team.iter().map(|question| html! { <li>{ question.clone() }</li> }) }</ul>
                </section>
            }
            <section class="ps-result__section">
                <h2 class="ps-heading ps-heading--small">{ text::CONTACT }</h2>
                { for trial.contacts.iter().map(|contact| html! {
                    <p class="ps-body">
                        <strong>{ contact.name.clone() }</strong>{ format!(", {}", contact.role.get(language)) }
                        if let Some(phone) = &contact.phone { <br />{ "Phone: " }<a class="ps-link" href={format!("tel:{phone}")}>{ phone.clone() }</a> }
                        if let Some(email) = &contact.email { <br />{ "Email: " }<a class="ps-link" href={format!("mailto:{email}")}>{ email.clone() }</a> }
                    </p>
                }) }
                <p class="ps-body">{ format!("{} · {} · {}", trial.title, trial.sponsor, trial.registry_id) }</p>
            </section>
            <div class="ps-button-group ps-no-print">
                { button(text::PRINT, &props.onprint, "ps-button--secondary") }
                { button(text::DOWNLOAD, &props.ondownload, "ps-button--secondary") }
                { button(text::CHANGE_ANSWERS, &props.onchangeanswers, "ps-button--secondary") }
                { button(text::START_OVER, &props.onstartover, "ps-button--warning") }
            </div>
            <h2 class="ps-heading ps-heading--medium">{ text::CRITERIA_HEADING }</h2>
            { criterion_list(CriterionKind::Inclusion, text::INCLUSION) }
            { criterion_list(CriterionKind::Exclusion, text::EXCLUSION) }
            <p class="ps-body ps-meta">{ format!("Criteria from: {}. Definition version {} ({}).", trial.source.trim_end_matches('.'), trial.definition_version, trial.definition_date) }</p>
        </div>
    }
}

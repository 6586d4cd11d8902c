//! The result: the outcome in plain words, every criterion with its status and the registry's own
//! text, what to ask the care team, the trial contact, and what the patient can do next.

use super::localized::localized;
use super::questionnaire::use_focus_on;
use super::worked_out::worked_out;
use super::SharedDefinition;
use crate::engine::{Answers, Criterion, CriterionKind, Evaluation, Outcome, Respondent, Standing, Status, Trial};
use crate::messages::{self, Messages};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultPageProps {
    pub definition: SharedDefinition,
    pub evaluation: Evaluation,
    /// The answers, for the values worked out from them.
    pub answers: Answers,
    pub respondent: Respondent,
    pub language: AttrValue,
    /// Today's date as YYYY-MM-DD, for the printed summary.
    pub today: AttrValue,
    pub onprint: Callback<()>,
    pub ondownload: Callback<()>,
    pub onchangeanswers: Callback<()>,
    pub onstartover: Callback<()>,
    /// On a portal: back to every trial's standing.
    #[prop_or_default]
    pub onbacktoall: Option<Callback<()>>,
}

/// How a standing looks: the class that colours it and the icon beside its words.
fn standing_look(standing: Standing) -> (&'static str, &'static str) {
    match standing {
        Standing::Met | Standing::DoesNotApply => ("fits", "✓"),
        Standing::NotMet | Standing::Applies => ("does-not-fit", "✗"),
        Standing::Unknown => ("unknown", "?"),
        Standing::NotNeeded => ("unknown", "–"),
        Standing::StudyTeamChecks => ("team-checks", "→"),
    }
}

/// "inclusion 9A", or "inclusion 9A, part b" for a part. The registry's labels are its own
/// identifiers, marked `translate="no"`: "9A" and "b" read the same in every language.
fn which_criterion(text: &Messages, criterion: &Criterion, part: Option<&str>) -> Html {
    let label = |label: &str| html! { <span translate="no">{ label.to_owned() }</span> };
    let part = part.map(|part| {
        // The part's words around its label, in the language's order ("part b", "第 b 项").
        let words = text.part("\u{0}");
        let (before, after) = words.split_once('\u{0}').unwrap_or((words.as_str(), ""));
        html! { <>{ text.comma }{ before.to_owned() }{ label(part) }{ after.to_owned() }</> }
    });
    html! { <>{ kind_word(text, criterion.kind) }{ " " }{ label(&criterion.label) }{ for part }</> }
}

/// "Registry text (inclusion 9A): ", or "(inclusion 9A, part b)" for a part.
fn registry_label(text: &Messages, criterion: &Criterion, part: Option<&str>) -> Html {
    html! {
        <>{ text.registry_text }{ text.open_bracket }{ which_criterion(text, criterion, part) }{ text.close_bracket }{ text.colon }</>
    }
}

#[function_component(ResultPage)]
pub fn result_page(props: &ResultPageProps) -> Html {
    let heading = use_focus_on(());
    let definition = &props.definition;
    let trial = &definition.trial;
    let language = props.language.as_str();
    let text = messages::get(language);
    let outcome = props.evaluation.outcome;
    let button = |label: &'static str, callback: &Callback<()>, class: &'static str| {
        let callback = callback.clone();
        let onclick = Callback::from(move |_: MouseEvent| callback.emit(()));
        html! { <button type="button" class={classes!("ps-button", class)} {onclick}>{ label }</button> }
    };
    let criteria_of = |kind: CriterionKind| {
        definition.criteria.iter().enumerate().filter(move |(_, criterion)| criterion.kind == kind)
    };
    let criterion_list = |kind: CriterionKind, heading_text: &'static str| {
        html! {
            <section class="ps-result__section">
                <h2 class="ps-heading ps-heading--small">{ heading_text }</h2>
                <ol class="ps-criteria">
                    { for criteria_of(kind).map(|(index, _)| criterion_entry(props, index, None)) }
                </ol>
            </section>
        }
    };
    let questions_for_care_team: Vec<String> = definition
        .items_with_status(&props.evaluation, Status::Unknown)
        .iter()
        .filter_map(|item| {
            let criterion = &definition.criteria[item.criterion];
            let ask = match item.part {
                None => criterion.ask_care_team.as_ref(),
                Some(part) => criterion.parts[part].ask_care_team.as_ref().or(criterion.ask_care_team.as_ref()),
            };
            ask.map(|ask| ask.for_respondent(props.respondent).get(language).to_owned())
        })
        .fold(Vec::new(), |mut questions, question| {
            if !questions.contains(&question) {
                questions.push(question);
            }
            questions
        });
    let team_checks = definition.items_with_status(&props.evaluation, Status::StudyTeamChecks);
    html! {
        <div class={classes!("ps-result", format!("ps-result--{}", outcome.id().replace('_', "-")))}>
            if let Some(onbacktoall) = props.onbacktoall.clone() {
                <a href="#" class="ps-back-link ps-no-print" onclick={Callback::from(move |event: MouseEvent| { event.prevent_default(); onbacktoall.emit(()); })}>{ text.back_to_all }</a>
            }
            <p class="ps-print-only ps-print-header">
                { format!("{} {} · ", text.summary_printed, props.today) }<span lang="en">{ trial.title.clone() }</span>
                { format!(" · {} · ", trial.registry_id) }{ version_line(text, trial) }
            </p>
            <div class="ps-panel" data-outcome={outcome.id()}>
                <h1 class="ps-panel__title" tabindex="-1" ref={heading}>{ text.outcome_heading(outcome, props.respondent) }</h1>
                <p class="ps-panel__body">{ text.outcome_body(outcome, props.respondent) }</p>
            </div>
            if outcome == Outcome::NotEligible {
                <section class="ps-result__section">
                    <h2 class="ps-heading ps-heading--small">{ text.why_not_eligible }</h2>
                    <ul class="ps-list">
                        { for definition.criteria.iter().zip(&props.evaluation.criteria).filter(|(_, result)| result.rules_out()).map(|(criterion, _)| html! {
                            <li>{ localized(&criterion.summary, language) }{ text.open_bracket }<q lang="en">{ criterion.registry_text.clone() }</q>{ text.close_bracket }</li>
                        }) }
                    </ul>
                </section>
            }
            if outcome == Outcome::NeedsReview && !questions_for_care_team.is_empty() {
                <section class="ps-result__section">
                    <h2 class="ps-heading ps-heading--small">{ text.ask_your_care_team(props.respondent) }</h2>
                    <ul class="ps-list">{ for questions_for_care_team.iter().map(|question| html! { <li>{ question.clone() }</li> }) }</ul>
                </section>
            }
            if outcome != Outcome::NotEligible && !team_checks.is_empty() {
                <section class="ps-result__section" data-section="study-team-checks">
                    <h2 class="ps-heading ps-heading--small">{ text.study_team_will_check }</h2>
                    <ul class="ps-list">
                        { for team_checks.iter().map(|item| {
                            let criterion = &definition.criteria[item.criterion];
                            let (summary, label) = match item.part {
                                None => (&criterion.summary, None),
                                Some(part) => (&criterion.parts[part].summary, Some(criterion.parts[part].label.as_str())),
                            };
                            html! { <li data-item={item.label.clone()}>{ localized(summary, language) }{ text.open_bracket }{ which_criterion(text, criterion, label) }{ text.close_bracket }</li> }
                        }) }
                    </ul>
                </section>
            }
            { worked_out(definition, &props.evaluation, &props.answers, text, language) }
            <section class="ps-result__section">
                <h2 class="ps-heading ps-heading--small">{ text.contact }</h2>
                { for trial.contacts.iter().map(|contact| html! {
                    <p class="ps-body">
                        <strong translate="no">{ contact.name.clone() }</strong>{ text.comma }{ localized(&contact.role, language) }
                        if let (Some(phone), Some(href)) = (&contact.phone, contact.tel()) { <br />{ text.label(text.phone) }<a class="ps-link" {href} translate="no">{ phone.clone() }</a> }
                        if let (Some(email), Some(href)) = (&contact.email, contact.mailto()) { <br />{ text.label(text.email) }<a class="ps-link" {href} translate="no">{ email.clone() }</a> }
                    </p>
                }) }
                <p class="ps-body">{ localized(&trial.plain_title, language) }{ " · " }{ localized(&trial.sponsor, language) }{ " · " }{ trial.registry_id.clone() }</p>
            </section>
            <p class="ps-body ps-meta ps-no-print">{ text.download_note }</p>
            <div class="ps-button-group ps-no-print">
                { button(text.print, &props.onprint, "ps-button--secondary") }
                { button(text.download, &props.ondownload, "ps-button--secondary") }
                { button(text.change_answers, &props.onchangeanswers, "ps-button--secondary") }
                { button(text.start_over, &props.onstartover, "ps-button--warning") }
            </div>
            <h2 class="ps-heading ps-heading--medium">{ text.criteria_heading }</h2>
            { criterion_list(CriterionKind::Inclusion, text.who_can_take_part) }
            { criterion_list(CriterionKind::Exclusion, text.who_cannot_take_part) }
            <p class="ps-body ps-meta">{ text.label(text.criteria_from) }{ localized(&trial.source, language) }{ " " }{ version_line(text, trial) }</p>
        </div>
    }
}

/// One criterion, or one part, with its standing, its plain words and the registry's own; a
/// criterion with parts lists them under it.
fn criterion_entry(props: &ResultPageProps, index: usize, part: Option<usize>) -> Html {
    let definition = &props.definition;
    let language = props.language.as_str();
    let text = messages::get(language);
    {
        let criterion = &definition.criteria[index];
        let result = &props.evaluation.criteria[index];
        let (standing, status, summary, registry_text, translation, interpretation, label, key) = match part {
            None => (
                props.evaluation.standing(index),
                result.status,
                &criterion.summary,
                &criterion.registry_text,
                &criterion.registry_translation,
                &criterion.interpretation,
                None,
                criterion.id.to_string(),
            ),
            Some(part_index) => {
                let part = &criterion.parts[part_index];
                (
                    props.evaluation.part_standing(index, part_index),
                    result.parts.get(part_index).copied().unwrap_or(Status::Unknown),
                    &part.summary,
                    &part.registry_text,
                    &part.registry_translation,
                    &part.interpretation,
                    Some(part.label.as_str()),
                    format!("{}/{}", criterion.id, part.label),
                )
            }
        };
        let (fit, icon) = standing_look(standing);
        let words = text.standing(standing);
        let parts = (part.is_none() && !criterion.parts.is_empty()).then(|| {
            html! {
                <ol class="ps-parts">{ for (0..criterion.parts.len()).map(|part_index| criterion_entry(props, index, Some(part_index))) }</ol>
            }
        });
        html! {
            <li class={classes!("ps-criterion", format!("ps-criterion--{fit}"))} data-criterion={key} data-status={status.id()}>
                <span class="ps-criterion__icon" aria-hidden="true">{ icon }</span>
                <div class="ps-criterion__body">
                    <p class="ps-criterion__status"><strong>{ text.label(words) }</strong>{ localized(summary, language) }</p>
                    <p class="ps-criterion__registry">
                        <span class="ps-criterion__registry-label">{ registry_label(text, criterion, label) }</span>
                        <q lang="en">{ registry_text.clone() }</q>
                    </p>
                    if let Some(translation) = translation.as_ref().filter(|translation| translation.has(language)) {
                        <p class="ps-criterion__registry" lang={language.to_owned()}>
                            <span class="ps-criterion__registry-label">{ text.label(text.translation) }</span>
                            { translation.get(language) }
                        </p>
                    }
                    if let Some(interpretation) = interpretation {
                        <p class="ps-criterion__note">{ localized(interpretation, language) }</p>
                    }
                    { for parts }
                </div>
            </li>
        }
    }
}

/// "Definition version 1.1.0 (2026-11-27)", with the language's brackets.
fn version_line(text: &Messages, trial: &Trial) -> String {
    text.with_aside(&format!("{} {}", text.definition_version, trial.definition_version), &trial.definition_date)
}

fn kind_word(text: &Messages, kind: CriterionKind) -> &'static str {
    match kind {
        CriterionKind::Inclusion => text.inclusion,
        CriterionKind::Exclusion => text.exclusion,
    }
}

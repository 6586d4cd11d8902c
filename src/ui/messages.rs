//! The widget's own words (buttons, errors, headings), apart from the trial's texts, which come
//! from the definition. Plain language, short sentences, no jargon without an explanation.

use crate::engine::{AnswerErrorKind, NumberInputError, Respondent};

pub fn number_error(error: &NumberInputError) -> String {
    match error {
        NumberInputError::Empty => "Enter a number, or choose \"I don't know\"".into(),
        NumberInputError::NotANumber => "Enter a number, like 34.2".into(),
        NumberInputError::TwoNumbers => "Enter one number only".into(),
        NumberInputError::AmbiguousSeparators => {
            "We could not tell where the decimal point is. Write it with a point, like 1234.5 or 1.234".into()
        }
        NumberInputError::TooManyDigits => {
            "Enter a shorter number: at most 9 digits before the point and 6 after".into()
        }
        NumberInputError::UnitNotAccepted(unit) => {
            format!("\"{unit}\" is not a unit we can use here. Choose the unit from the list")
        }
    }
}

pub fn answer_error(error: &AnswerErrorKind, respondent: Respondent) -> String {
    match error {
        AnswerErrorKind::BelowMinimum(minimum) => format!("Enter a number of at least {minimum}"),
        AnswerErrorKind::AboveMaximum(maximum) => format!("Enter a number no higher than {maximum}"),
        AnswerErrorKind::NotWholeYears => "Enter the age in whole years, like 45".into(),
        AnswerErrorKind::UpperLimitNotPositive => "Enter the upper limit from the report; it is more than 0".into(),
        AnswerErrorKind::NoChoicePicked => "Choose at least one answer".into(),
        AnswerErrorKind::ExclusiveChoiceCombined(_) => "\"None of these\" cannot be chosen with other answers".into(),
        _ => match respondent {
            Respondent::Patient => "Choose an answer".into(),
            Respondent::Caregiver => "Choose an answer for the patient".into(),
        },
    }
}

pub const CONTINUE: &str = "Continue";
pub const BACK: &str = "Back";
pub const DO_NOT_KNOW: &str = "I don't know";
pub const OR: &str = "or";
pub const YES: &str = "Yes";
pub const NO: &str = "No";
pub const THERE_IS_A_PROBLEM: &str = "There is a problem";
pub const WHY_WE_ASK: &str = "Why we ask";
pub const WHERE_TO_FIND: &str = "Where to find this";
pub const UNIT: &str = "Unit";
pub const RESULT_VALUE: &str = "Result";
pub const UPPER_LIMIT: &str = "Upper limit of normal (from the report)";
pub const YEARS: &str = "years";
pub const CHECK_ANSWERS: &str = "Check your answers";
pub const CHANGE: &str = "Change";
pub const SEE_RESULT: &str = "See the result";
pub const NOT_ANSWERED: &str = "Not answered";
pub const PRINT: &str = "Print or save as PDF";
pub const DOWNLOAD: &str = "Download my answers";
pub const CHANGE_ANSWERS: &str = "Change answers";
pub const START_OVER: &str = "Start over";
pub const MET: &str = "Met";
pub const NOT_MET: &str = "Not met";
pub const UNKNOWN: &str = "Not known yet";
pub const NOT_CHECKED: &str = "Not checked (not needed for this result)";
pub const WHY_NOT_ELIGIBLE: &str = "Why";
pub const REGISTRY_TEXT: &str = "Registry text";
pub const ASK_YOUR_CARE_TEAM: &str = "Questions to ask your care team";
pub const CONTACT: &str = "Trial contact";
pub const CRITERIA_HEADING: &str = "How your answers compare with each criterion";
pub const INCLUSION: &str = "Who can take part";
pub const EXCLUSION: &str = "Who cannot take part";

pub fn progress(step: usize, total: usize) -> String {
    format!("Question {step} of about {total}")
}

pub fn outcome_heading(outcome: crate::engine::Outcome) -> &'static str {
    match outcome {
        crate::engine::Outcome::LikelyEligible => "You may be able to take part",
        crate::engine::Outcome::NotEligible => "This trial is probably not right for you",
        crate::engine::Outcome::NeedsReview => "We need more information",
    }
}

pub fn outcome_body(outcome: crate::engine::Outcome, respondent: Respondent) -> &'static str {
    use crate::engine::Outcome;
    match (outcome, respondent) {
        (Outcome::LikelyEligible, Respondent::Patient) => "Your answers meet every criterion we can check here. Only the study team can confirm that you can join: contact them, or show this summary to your doctor.",
        (Outcome::LikelyEligible, Respondent::Caregiver) => "The answers meet every criterion we can check here. Only the study team can confirm that the patient can join: contact them, or show this summary to the patient's doctor.",
        (Outcome::NotEligible, Respondent::Patient) => "At least one of your answers does not fit the trial's criteria, shown below. If you think an answer may be wrong, change it, or talk to your doctor. Other trials may suit you.",
        (Outcome::NotEligible, Respondent::Caregiver) => "At least one answer does not fit the trial's criteria, shown below. If an answer may be wrong, change it, or talk to the patient's doctor. Other trials may suit the patient.",
        (Outcome::NeedsReview, Respondent::Patient) => "Some criteria depend on things you did not know. This is common. Ask your care team the questions below, then come back or contact the study team.",
        (Outcome::NeedsReview, Respondent::Caregiver) => "Some criteria depend on things you did not know. This is common. Ask the care team the questions below, then come back or contact the study team.",
    }
}

pub const PRIVACY: &str =
    "Your answers stay on this device. Nothing is sent anywhere, and nothing is saved after you close the page.";
pub const WHAT_THIS_IS: &str = "This short questionnaire checks your answers against the trial's published criteria. It is a pre-screen, not a medical decision: only the study team can say whether someone can join.";
pub const WHO_IS_ANSWERING: &str = "Who is answering?";
pub const FOR_MYSELF: &str = "I am answering for myself";
pub const FOR_SOMEONE_ELSE: &str = "I am answering for someone else, such as my child or a family member";
pub const START: &str = "Start";
pub const DEFINITION_BROKEN: &str = "This questionnaire cannot be shown right now. Nothing you entered has been sent anywhere. Please try again later, or contact the trial team.";
pub const DEFINITION_PROBLEMS: &str = "Details for the trial coordinator";
pub const LOADING: &str = "Loading the questionnaire…";

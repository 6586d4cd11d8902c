//! What a patient typed and picked on a question page, turned into an `Answer` or into the
//! problems to show next to each field. The widget collects raw field values into an
//! [`AnswerInput`] and shows what [`Definition::answer_from_input`] says; every decision about
//! what the fields mean is here, where native tests pin it.

use super::answers::{Answer, AnswerErrorKind};
use super::date_input::{typed_date, DateInputError, DatePart};
use super::dates::CalendarDate;
use super::exact::Exact;
use super::model::{ChoiceId, Definition, QuestionKind};
use super::number_input::{parse_number_input, typed_measurement, typed_whole_years, NumberInputError};
use super::units::{Quantity, Side, Unit};
use std::collections::BTreeSet;

/// "I don't know", as answers files write it and as the value of the fields that offer it.
pub const DO_NOT_KNOW: &str = "unknown";
/// The radio value of "yes" in a yes/no question.
pub const YES: &str = "yes";
/// The radio value of "no" in a yes/no question.
pub const NO: &str = "no";

/// The raw values of a question page's fields, as the patient left them. Nothing here is checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AnswerInput {
    /// The picked radio of a yes/no or single-choice question: a choice id, or [`YES`] / [`NO`].
    pub choice: Option<String>,
    /// The ticked boxes of a multiple-choice question, by choice id.
    pub picked: BTreeSet<String>,
    /// "I don't know" picked (a radio or a box, whichever the kind shows).
    pub do_not_know: bool,
    /// The text typed in the value field.
    pub value: String,
    /// The unit picked beside the value field, if the question offers a choice of units.
    pub unit: Option<Unit>,
    /// The text typed in the upper-limit field ("upper limit of normal" from the report).
    pub upper_limit: String,
    /// The text typed in the lower-limit field of a reference range.
    pub lower_limit: String,
    /// The three fields of a date question.
    pub day: String,
    pub month: String,
    pub year: String,
    /// The day the patient answers, from their device: a date after it is checked with them.
    pub today: Option<CalendarDate>,
    /// An unusual answer the patient has checked and confirmed ("the report does say 2.5 µmol/L").
    /// It confirms that answer only: a changed value or unit is checked again.
    pub confirmed: Option<Answer>,
}

/// Which field of a question page a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputField {
    /// The radios or boxes of a choice question (the first one takes focus).
    Choices,
    Value,
    Unit,
    UpperLimit,
    LowerLimit,
    Day,
    Month,
    Year,
}

/// Why the fields do not make an answer yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputProblemKind {
    /// No radio picked.
    ChooseAnAnswer,
    /// "I don't know" ticked together with other boxes.
    DoNotKnowWithOtherChoices,
    /// The typed text is not a number this field can take.
    Number(NumberInputError),
    /// The answer does not fit the question (no box ticked, out of range, an exclusive choice
    /// combined with others, …).
    Answer(AnswerErrorKind),
    /// A value far from anything reports show, most likely a slip: the patient is asked to check it,
    /// and may confirm it.
    Unusual(UnusualValue),
    /// The date fields do not make a date.
    Date(DateInputError),
    /// A date after today, most likely a slip in the year: checked with the patient, who may confirm it.
    FutureDate,
}

/// A value outside its quantity's plausible range (`units.rs`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnusualValue {
    /// The answer as given, which the patient may confirm (`AnswerInput::confirmed`).
    pub answer: Answer,
    pub value: Exact,
    pub unit: Unit,
    pub quantity: Quantity,
    pub side: Side,
}

/// One problem, at one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputProblem {
    pub field: InputField,
    pub kind: InputProblemKind,
}

impl InputProblem {
    fn at(field: InputField, kind: InputProblemKind) -> InputProblem {
        InputProblem { field, kind }
    }
}

impl AnswerInput {
    /// The fields as they were when the patient gave `answer`, to show it again for a change.
    pub fn from_answer(answer: Option<&Answer>) -> AnswerInput {
        // An answer already given was accepted, unusual or not.
        let mut input = AnswerInput { confirmed: answer.cloned(), ..AnswerInput::default() };
        match answer {
            None => {}
            Some(Answer::DoNotKnow) => input.do_not_know = true,
            Some(Answer::YesNo(yes)) => input.choice = Some(if *yes { YES } else { NO }.to_owned()),
            Some(Answer::Choice(choice)) => input.choice = Some(choice.to_string()),
            Some(Answer::Choices(picked)) => input.picked = super::set_of(picked.iter().map(ToString::to_string)),
            Some(Answer::Number { value, unit }) => {
                input.value = value.to_string();
                input.unit = Some(*unit);
            }
            Some(Answer::AgeYears(years)) => input.value = years.to_string(),
            Some(Answer::AgainstUpperLimit { value, upper_limit }) => {
                input.value = value.to_string();
                input.upper_limit = upper_limit.to_string();
            }
            Some(Answer::AgainstRange { value, lower_limit, upper_limit }) => {
                input.value = value.to_string();
                input.lower_limit = lower_limit.to_string();
                input.upper_limit = upper_limit.to_string();
            }
            Some(Answer::Date(date)) => {
                input.day = date.day.map(|day| day.to_string()).unwrap_or_default();
                input.month = date.month.to_string();
                input.year = date.year.to_string();
            }
        }
        input
    }
}

impl Definition {
    /// Turns the fields of question `question` (an index into `questions`) into an answer that
    /// fits it, or every problem to show, each at its field. "I don't know" wins over anything
    /// typed in a number field (the fields are disabled while it is ticked); in a multiple choice
    /// it must stand alone.
    pub fn answer_from_input(&self, question: usize, input: &AnswerInput) -> Result<Answer, Vec<InputProblem>> {
        let question = &self.questions[question];
        let number_problem = |field| move |error| vec![InputProblem::at(field, InputProblemKind::Number(error))];
        let answer = match &question.kind {
            QuestionKind::YesNo => match (input.do_not_know, input.choice.as_deref()) {
                (true, _) => Answer::DoNotKnow,
                (false, Some(YES)) => Answer::YesNo(true),
                (false, Some(NO)) => Answer::YesNo(false),
                (false, Some(_) | None) => {
                    return Err(vec![InputProblem::at(InputField::Choices, InputProblemKind::ChooseAnAnswer)])
                }
            },
            QuestionKind::SingleChoice { .. } => match (input.do_not_know, &input.choice) {
                (true, _) => Answer::DoNotKnow,
                (false, Some(choice)) => Answer::Choice(ChoiceId::new(choice.as_str())),
                (false, None) => {
                    return Err(vec![InputProblem::at(InputField::Choices, InputProblemKind::ChooseAnAnswer)])
                }
            },
            QuestionKind::MultipleChoice { .. } => match (input.do_not_know, input.picked.is_empty()) {
                (true, true) => Answer::DoNotKnow,
                (true, false) => {
                    return Err(vec![InputProblem::at(
                        InputField::Choices,
                        InputProblemKind::DoNotKnowWithOtherChoices,
                    )])
                }
                (false, _) => {
                    Answer::Choices(super::set_of(input.picked.iter().map(|choice| ChoiceId::new(choice.as_str()))))
                }
            },
            QuestionKind::Number { .. }
            | QuestionKind::Age { .. }
            | QuestionKind::AgainstUpperLimit { .. }
            | QuestionKind::AgainstReferenceRange { .. }
            | QuestionKind::Date
                if input.do_not_know =>
            {
                Answer::DoNotKnow
            }
            QuestionKind::Number { units, .. } => {
                let (value, unit) = typed_measurement(&input.value, units, input.unit).map_err(|error| {
                    let field = if error == NumberInputError::NoUnit { InputField::Unit } else { InputField::Value };
                    vec![InputProblem::at(field, InputProblemKind::Number(error))]
                })?;
                Answer::Number { value, unit }
            }
            QuestionKind::Age { .. } => {
                Answer::AgeYears(typed_whole_years(&input.value).map_err(number_problem(InputField::Value))?)
            }
            QuestionKind::AgainstUpperLimit { units } => {
                let value = parse_number_input(&input.value, units).map_err(number_problem(InputField::Value));
                let upper_limit =
                    parse_number_input(&input.upper_limit, units).map_err(number_problem(InputField::UpperLimit));
                match (value, upper_limit) {
                    (Ok(value), Ok(upper_limit)) => {
                        Answer::AgainstUpperLimit { value: value.value, upper_limit: upper_limit.value }
                    }
                    (value, upper_limit) => {
                        return Err(value.err().into_iter().chain(upper_limit.err()).flatten().collect())
                    }
                }
            }
            QuestionKind::AgainstReferenceRange { units } => {
                let value = parse_number_input(&input.value, units).map_err(number_problem(InputField::Value));
                let lower_limit =
                    parse_number_input(&input.lower_limit, units).map_err(number_problem(InputField::LowerLimit));
                let upper_limit =
                    parse_number_input(&input.upper_limit, units).map_err(number_problem(InputField::UpperLimit));
                match (value, lower_limit, upper_limit) {
                    (Ok(value), Ok(lower_limit), Ok(upper_limit)) => Answer::AgainstRange {
                        value: value.value,
                        lower_limit: lower_limit.value,
                        upper_limit: upper_limit.value,
                    },
                    (value, lower_limit, upper_limit) => {
                        return Err(value
                            .err()
                            .into_iter()
                            .chain(lower_limit.err())
                            .chain(upper_limit.err())
                            .flatten()
                            .collect())
                    }
                }
            }
            QuestionKind::Date => match typed_date(&input.day, &input.month, &input.year) {
                Ok(date) => Answer::Date(date),
                Err(problems) => {
                    return Err(problems
                        .into_iter()
                        .map(|(part, error)| {
                            let field = match part {
                                DatePart::Day => InputField::Day,
                                DatePart::Month => InputField::Month,
                                DatePart::Year => InputField::Year,
                            };
                            InputProblem::at(field, InputProblemKind::Date(error))
                        })
                        .collect())
                }
            },
        };
        self.check_answer(question, &answer).map_err(|error| {
            let field = match (&question.kind, &error) {
                (
                    QuestionKind::AgainstUpperLimit { .. } | QuestionKind::AgainstReferenceRange { .. },
                    AnswerErrorKind::UpperLimitNotPositive | AnswerErrorKind::LimitsReversed,
                ) => InputField::UpperLimit,
                (QuestionKind::AgainstReferenceRange { .. }, AnswerErrorKind::BelowMinimum(_))
                    if matches!(answer, Answer::AgainstRange { value, .. } if !value.is_negative()) =>
                {
                    InputField::LowerLimit
                }
                (QuestionKind::Date, _) => InputField::Year,
                (
                    QuestionKind::Number { .. }
                    | QuestionKind::Age { .. }
                    | QuestionKind::AgainstUpperLimit { .. }
                    | QuestionKind::AgainstReferenceRange { .. },
                    _,
                ) => InputField::Value,
                (QuestionKind::YesNo | QuestionKind::SingleChoice { .. } | QuestionKind::MultipleChoice { .. }, _) => {
                    InputField::Choices
                }
            };
            vec![InputProblem::at(field, InputProblemKind::Answer(error))]
        })?;
        if let (Answer::Date(date), Some(today)) = (&answer, input.today) {
            let after_today = date.days().is_some_and(|(first_day, _)| first_day > today);
            if after_today && input.confirmed.as_ref() != Some(&answer) {
                return Err(vec![InputProblem::at(InputField::Year, InputProblemKind::FutureDate)]);
            }
        }
        if let Some(unusual) = unusual_value(&question.kind, &answer) {
            if input.confirmed.as_ref() != Some(&answer) {
                return Err(vec![InputProblem::at(InputField::Value, InputProblemKind::Unusual(unusual))]);
            }
        }
        Ok(answer)
    }
}

/// The answer, when it is a value far outside what reports show for its quantity.
fn unusual_value(kind: &QuestionKind, answer: &Answer) -> Option<UnusualValue> {
    let quantity = match kind {
        QuestionKind::Number { quantity, .. } => *quantity,
        // Compared as value ÷ the report's own limit, in which a unit slip cancels out.
        QuestionKind::AgainstUpperLimit { .. } | QuestionKind::AgainstReferenceRange { .. } => return None,
        QuestionKind::Date
        | QuestionKind::YesNo
        | QuestionKind::SingleChoice { .. }
        | QuestionKind::MultipleChoice { .. }
        | QuestionKind::Age { .. } => return None,
    };
    let Answer::Number { value, unit } = answer else { return None };
    let side = quantity.implausible_side(*value, *unit)?;
    Some(UnusualValue { answer: answer.clone(), value: *value, unit: *unit, quantity, side })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Exact;

    fn seed() -> Definition {
        Definition::seed()
    }

    fn index(definition: &Definition, id: &str) -> usize {
        definition.question_index(id).unwrap_or_else(|| panic!("the seed trial asks {id}"))
    }

    fn exact(text: &str) -> Exact {
        Exact::parse_decimal(text).unwrap_or_else(|| panic!("{text} is a decimal"))
    }

    fn choice(id: &str) -> AnswerInput {
        AnswerInput { choice: Some(id.to_owned()), ..AnswerInput::default() }
    }

    fn picked(ids: &[&str]) -> AnswerInput {
        AnswerInput { picked: ids.iter().map(|id| (*id).to_owned()).collect(), ..AnswerInput::default() }
    }

    fn typed(value: &str) -> AnswerInput {
        AnswerInput { value: value.to_owned(), ..AnswerInput::default() }
    }

    fn do_not_know(mut input: AnswerInput) -> AnswerInput {
        input.do_not_know = true;
        input
    }

    fn problem(field: InputField, kind: InputProblemKind) -> Result<Answer, Vec<InputProblem>> {
        Err(vec![InputProblem::at(field, kind)])
    }

    /// `check(question, input, expected)` over the seed trial's questions, one of each kind.
    fn check(question: &str, input: AnswerInput, expected: Result<Answer, Vec<InputProblem>>) {
        let definition = seed();
        let actual = definition.answer_from_input(index(&definition, question), &input);
        assert_eq!(actual, expected, "{question}: {input:?}");
    }

    #[test]
    fn yes_no() {
        check("other_cancer", choice(YES), Ok(Answer::YesNo(true)));
        check("other_cancer", choice(NO), Ok(Answer::YesNo(false)));
        check("other_cancer", AnswerInput::default(), problem(InputField::Choices, InputProblemKind::ChooseAnAnswer));
        check("other_cancer", choice("maybe"), problem(InputField::Choices, InputProblemKind::ChooseAnAnswer));
        check("cd123_positive", do_not_know(AnswerInput::default()), Ok(Answer::DoNotKnow));
    }

    #[test]
    fn single_choice() {
        check("sex", choice("female"), Ok(Answer::Choice(ChoiceId::new("female"))));
        check("sex", AnswerInput::default(), problem(InputField::Choices, InputProblemKind::ChooseAnAnswer));
        check(
            "sex",
            choice("woman"),
            problem(InputField::Choices, InputProblemKind::Answer(AnswerErrorKind::UnknownChoice("woman".into()))),
        );
        check("life_expectancy", do_not_know(choice("more_than_3_months")), Ok(Answer::DoNotKnow));
        check(
            "sex",
            do_not_know(AnswerInput::default()),
            problem(InputField::Choices, InputProblemKind::Answer(AnswerErrorKind::DoNotKnowNotOffered)),
        );
    }

    #[test]
    fn multiple_choice() {
        let ids = |ids: &[&str]| ids.iter().map(|id| ChoiceId::new(*id)).collect();
        check("aml_course", picked(&["early_relapse"]), Ok(Answer::Choices(ids(&["early_relapse"]))));
        check(
            "aml_course",
            picked(&["early_relapse", "relapsed_more_than_once"]),
            Ok(Answer::Choices(ids(&["early_relapse", "relapsed_more_than_once"]))),
        );
        check(
            "aml_course",
            AnswerInput::default(),
            problem(InputField::Choices, InputProblemKind::Answer(AnswerErrorKind::NoChoicePicked)),
        );
        check("aml_course", do_not_know(AnswerInput::default()), Ok(Answer::DoNotKnow));
        check(
            "aml_course",
            do_not_know(picked(&["early_relapse"])),
            problem(InputField::Choices, InputProblemKind::DoNotKnowWithOtherChoices),
        );
        check(
            "aml_course",
            picked(&["none_of_these", "early_relapse"]),
            problem(
                InputField::Choices,
                InputProblemKind::Answer(AnswerErrorKind::ExclusiveChoiceCombined("none_of_these".into())),
            ),
        );
    }

    #[test]
    fn numbers_with_units() {
        let micro = Unit::MicromolePerLitre;
        let milli = Unit::MilligramPerDecilitre;
        let number = |value: &str, unit| Ok(Answer::Number { value: exact(value), unit });
        let with_unit = |value: &str, unit| AnswerInput { unit: Some(unit), ..typed(value) };
        check("creatinine", with_unit("120", micro), number("120", micro));
        check("creatinine", with_unit("１．２", milli), number("1.2", milli));
        check("creatinine", with_unit("1,2 mg/dL", milli), number("1.2", milli));
        check("creatinine", typed("1.2 mg/dL"), number("1.2", milli));
        check(
            "creatinine",
            typed("120"),
            problem(InputField::Unit, InputProblemKind::Number(NumberInputError::NoUnit)),
        );
        check(
            "creatinine",
            with_unit("2 mg/dL", micro),
            problem(
                InputField::Value,
                InputProblemKind::Number(NumberInputError::UnitConflict { typed: milli, picked: micro }),
            ),
        );
        check("creatinine", typed(""), problem(InputField::Value, InputProblemKind::Number(NumberInputError::Empty)));
        check(
            "creatinine",
            with_unit("5000", micro),
            problem(InputField::Value, InputProblemKind::Answer(AnswerErrorKind::AboveMaximum("3000 µmol/L".into()))),
        );
        check("creatinine", do_not_know(typed("forty")), Ok(Answer::DoNotKnow));
        check("lvef_percent", typed("55 %"), number("55", Unit::Percent));
    }

    /// A value far outside what reports show is not refused: the patient is asked to check it, and
    /// it goes through once they confirm that exact value and unit.
    #[test]
    fn an_unusual_value_is_confirmed_not_refused() {
        let micro = Unit::MicromolePerLitre;
        let milli = Unit::MilligramPerDecilitre;
        let slip = AnswerInput { unit: Some(micro), ..typed("2.5") };
        let answer = Answer::Number { value: exact("2.5"), unit: micro };
        let unusual = UnusualValue {
            answer: answer.clone(),
            value: exact("2.5"),
            unit: micro,
            quantity: Quantity::Creatinine,
            side: Side::Below,
        };
        check("creatinine", slip.clone(), problem(InputField::Value, InputProblemKind::Unusual(unusual)));
        let confirmed = AnswerInput { confirmed: Some(answer.clone()), ..slip.clone() };
        check("creatinine", confirmed.clone(), Ok(answer));
        // The confirmation was for 2.5 µmol/L; 2.4 µmol/L is checked again.
        let changed = AnswerInput { value: "2.4".into(), ..confirmed.clone() };
        assert!(matches!(
            seed().answer_from_input(index(&seed(), "creatinine"), &changed),
            Err(problems) if matches!(problems[0].kind, InputProblemKind::Unusual(_))
        ));
        // Corrected to the unit on the report, it is an ordinary result.
        check(
            "creatinine",
            AnswerInput { unit: Some(milli), ..slip },
            Ok(Answer::Number { value: exact("2.5"), unit: milli }),
        );
        // At the edge of the range (15 µmol/L) it is ordinary; just beyond, it is checked.
        check(
            "creatinine",
            AnswerInput { unit: Some(micro), ..typed("15") },
            Ok(Answer::Number { value: exact("15"), unit: micro }),
        );
        assert!(seed()
            .answer_from_input(index(&seed(), "creatinine"), &AnswerInput { unit: Some(micro), ..typed("14.9") })
            .is_err());
    }

    #[test]
    fn ages() {
        check("age_years", typed("４５"), Ok(Answer::AgeYears(45)));
        check("age_years", typed("45 years"), Ok(Answer::AgeYears(45)));
        check(
            "age_years",
            typed("forty"),
            problem(InputField::Value, InputProblemKind::Number(NumberInputError::NotANumber)),
        );
        check(
            "age_years",
            typed("45.5"),
            problem(InputField::Value, InputProblemKind::Number(NumberInputError::NotWholeYears)),
        );
        check(
            "age_years",
            typed("121"),
            problem(InputField::Value, InputProblemKind::Answer(AnswerErrorKind::AboveMaximum("120".into()))),
        );
    }

    #[test]
    fn values_against_the_upper_limit() {
        let both = |value: &str, upper: &str| AnswerInput { upper_limit: upper.to_owned(), ..typed(value) };
        check(
            "alt",
            both("200", "40"),
            Ok(Answer::AgainstUpperLimit { value: exact("200"), upper_limit: exact("40") }),
        );
        check(
            "alt",
            both("", "abc"),
            Err(vec![
                InputProblem::at(InputField::Value, InputProblemKind::Number(NumberInputError::Empty)),
                InputProblem::at(InputField::UpperLimit, InputProblemKind::Number(NumberInputError::NotANumber)),
            ]),
        );
        check(
            "alt",
            both("30", "0"),
            problem(InputField::UpperLimit, InputProblemKind::Answer(AnswerErrorKind::UpperLimitNotPositive)),
        );
        check(
            "alt",
            both("-3", "40"),
            problem(InputField::Value, InputProblemKind::Answer(AnswerErrorKind::BelowMinimum("0".into()))),
        );
        check("alt", do_not_know(both("", "")), Ok(Answer::DoNotKnow));
    }

    #[test]
    fn an_answer_shown_again_reads_back_as_itself() {
        let definition = seed();
        let answers = [
            ("other_cancer", Answer::YesNo(false)),
            ("sex", Answer::Choice(ChoiceId::new("male"))),
            ("aml_course", Answer::Choices([ChoiceId::new("early_relapse")].into_iter().collect())),
            ("creatinine", Answer::Number { value: exact("1.2"), unit: Unit::MilligramPerDecilitre }),
            ("creatinine", Answer::Number { value: exact("2.5"), unit: Unit::MicromolePerLitre }),
            ("age_years", Answer::AgeYears(45)),
            ("alt", Answer::AgainstUpperLimit { value: exact("30.5"), upper_limit: exact("40") }),
            ("cd123_positive", Answer::DoNotKnow),
        ];
        for (question, answer) in answers {
            let input = AnswerInput::from_answer(Some(&answer));
            assert_eq!(definition.answer_from_input(index(&definition, question), &input), Ok(answer), "{question}");
        }
    }
}

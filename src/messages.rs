//! The widget's own words (buttons, errors, headings) in every language it speaks; the trial's
//! texts come from the definition. Plain language, short sentences, no jargon without an
//! explanation. `tests` below fails if a language lacks a string or leaves one empty.

use crate::engine::{
    AnswerErrorKind, DateAnswer, DateInputError, Exact, InputProblem, InputProblemKind, NumberInputError, Outcome,
    Respondent, Side, Standing, Unit, UnusualValue,
};

/// Every language the widget's own words are written in; the first is the fallback. The lookup,
/// the browser-preference match, the language switcher and the completeness test all read this
/// one list.
pub static LANGUAGES: [&Messages; 2] = [&ENGLISH, &SIMPLIFIED_CHINESE];

/// Every fixed string of the interface, for one language.
#[derive(Debug)]
pub struct Messages {
    pub language: &'static str,
    /// Primary subtags of browser language preferences this language answers (`zh` for any
    /// Chinese: Simplified Chinese is the only Chinese script the widget has).
    pub browser_languages: &'static [&'static str],
    /// The language's own name, for the language switcher.
    pub language_name: &'static str,
    /// Whether dates are written year first (2025 年 3 月 27 日) rather than day first.
    pub year_first: bool,
    pub switch_language: &'static str,
    pub continue_: &'static str,
    pub back: &'static str,
    pub do_not_know: &'static str,
    pub or: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub error_prefix: &'static str,
    pub there_is_a_problem: &'static str,
    pub why_we_ask: &'static str,
    pub where_to_find: &'static str,
    pub unit: &'static str,
    pub result_value: &'static str,
    pub upper_limit: &'static str,
    /// The upper limit of normal, as an aside after a value.
    pub upper_limit_short: &'static str,
    pub years: &'static str,
    pub check_answers: &'static str,
    /// The page title on the result, which does not name the outcome.
    pub result_title: &'static str,
    pub change: &'static str,
    pub see_result: &'static str,
    pub not_answered: &'static str,
    pub print: &'static str,
    pub download: &'static str,
    pub change_answers: &'static str,
    pub start_over: &'static str,
    pub met: &'static str,
    pub not_met: &'static str,
    pub applies: &'static str,
    pub does_not_apply: &'static str,
    pub unknown: &'static str,
    pub not_checked: &'static str,
    pub study_team_checks: &'static str,
    pub study_team_will_check: &'static str,
    pub why_not_eligible: &'static str,
    pub registry_text: &'static str,
    pub translation: &'static str,
    pub inclusion: &'static str,
    pub exclusion: &'static str,
    pub ask_your_care_team: [&'static str; 2],
    pub contact: &'static str,
    pub phone: &'static str,
    pub email: &'static str,
    pub criteria_heading: &'static str,
    pub who_can_take_part: &'static str,
    pub who_cannot_take_part: &'static str,
    pub criteria_from: &'static str,
    pub definition_version: &'static str,
    pub summary_printed: &'static str,
    pub privacy: &'static str,
    pub what_this_is: &'static str,
    pub who_is_answering: &'static str,
    pub for_myself: &'static str,
    pub for_someone_else: &'static str,
    pub start: &'static str,
    pub definition_broken: &'static str,
    pub definition_problems: &'static str,
    pub loading: &'static str,
    pub enter_a_number: &'static str,
    pub not_a_number: &'static str,
    pub one_number_only: &'static str,
    pub ambiguous_separators: &'static str,
    pub too_many_digits: &'static str,
    pub unit_not_accepted: &'static str,
    pub unit_mismatch: &'static str,
    pub at_least: &'static str,
    pub no_higher_than: &'static str,
    pub whole_years: &'static str,
    pub upper_limit_positive: &'static str,
    pub choose_at_least_one: &'static str,
    pub none_of_these_alone: &'static str,
    pub do_not_know_alone: &'static str,
    pub choose_an_answer: &'static str,
    pub choose_an_answer_for_patient: &'static str,
    pub progress: &'static str,
    pub progress_last: &'static str,
    pub choose_unit: &'static str,
    pub choose_a_unit: &'static str,
    pub unusual_below: &'static str,
    pub unusual_above: &'static str,
    pub reports_in_unit: &'static str,
    pub usual_results: &'static str,
    pub check_number_and_unit: &'static str,
    pub confirm_unusual: &'static str,
    pub look_back_heading: &'static str,
    pub look_back_body: [&'static str; 2],
    pub likely_eligible: [&'static str; 2],
    pub not_eligible: [&'static str; 2],
    pub needs_review: &'static str,
    /// Punctuation: after a label, between list items, around an aside, between a name and a role.
    pub colon: &'static str,
    pub list_separator: &'static str,
    pub open_bracket: &'static str,
    pub close_bracket: &'static str,
    pub comma: &'static str,
    pub full_stop: &'static str,
    pub download_note: &'static str,
    pub portal_questions_left: &'static str,
    pub answer_more: &'static str,
    pub your_answers: &'static str,
    pub back_to_all: &'static str,
    pub see_criteria: &'static str,
    pub group_not: &'static str,
    pub group_review: &'static str,
    pub group_likely: &'static str,
    pub where_trials_stand: &'static str,
    pub stop_and_see: &'static str,
    pub portal_intro: &'static str,
    pub portal_heading: &'static str,
    pub between: &'static str,
    pub lower_limit: &'static str,
    pub lower_limit_short: &'static str,
    pub limits_reversed: &'static str,
    pub same_unit: &'static str,
    pub day: &'static str,
    pub month: &'static str,
    pub year: &'static str,
    pub date_hint: &'static str,
    pub enter_year: &'static str,
    pub year_four_digits: &'static str,
    pub enter_month: &'static str,
    pub month_not_valid: &'static str,
    pub day_not_valid: &'static str,
    pub not_a_date: &'static str,
    pub future_date: &'static str,
    pub confirm_future: &'static str,
    pub month_only: &'static str,
    pub worked_out_heading: &'static str,
    pub worked_out_from: &'static str,
    pub formula: &'static str,
    pub part: &'static str,
    pub likely_eligible_body: [&'static str; 2],
    pub not_eligible_body: [&'static str; 2],
    pub needs_review_body: [&'static str; 2],
}

pub static ENGLISH: Messages = Messages {
    language: "en",
    browser_languages: &["en"],
    language_name: "English",
    year_first: false,
    switch_language: "Language",
    continue_: "Continue",
    back: "Back",
    do_not_know: "I don't know",
    or: "or",
    yes: "Yes",
    no: "No",
    error_prefix: "Error: ",
    there_is_a_problem: "There is a problem",
    why_we_ask: "Why we ask",
    where_to_find: "Where to find this",
    unit: "Unit",
    result_value: "Result",
    upper_limit: "Upper limit of normal (from the report)",
    upper_limit_short: "upper limit of normal",
    years: "years",
    check_answers: "Check your answers",
    result_title: "Result",
    change: "Change",
    see_result: "See the result",
    not_answered: "Not answered",
    print: "Print or save as PDF",
    download: "Download my answers",
    change_answers: "Change answers",
    start_over: "Start over",
    met: "Met",
    not_met: "Not met",
    applies: "Applies",
    does_not_apply: "Does not apply",
    unknown: "Not known yet",
    not_checked: "Not checked (not needed for this result)",
    study_team_checks: "The study team checks this",
    study_team_will_check: "What the study team will check",
    why_not_eligible: "Why",
    registry_text: "Registry text",
    translation: "Translation",
    inclusion: "inclusion",
    exclusion: "exclusion",
    ask_your_care_team: ["Questions to ask your care team", "Questions to ask the patient's care team"],
    contact: "Trial contact",
    phone: "Phone",
    email: "Email",
    criteria_heading: "How the answers compare with each criterion",
    who_can_take_part: "Who can take part",
    who_cannot_take_part: "Who cannot take part",
    criteria_from: "Criteria from",
    definition_version: "Definition version",
    summary_printed: "Prescreen summary, printed",
    privacy: "Your answers stay on this device. Nothing is sent anywhere, and nothing is saved after you close the page.",
    what_this_is: "This short questionnaire checks your answers against the trial's published criteria. It is a pre-screen, not a medical decision: only the study team can say whether someone can join.",
    who_is_answering: "Who is answering?",
    for_myself: "I am answering for myself",
    for_someone_else: "I am answering for someone else, such as my child or a family member",
    start: "Start",
    definition_broken: "This questionnaire cannot be shown right now. Nothing you entered has been sent anywhere. Please try again later, or contact the trial team.",
    definition_problems: "Details for the trial coordinator",
    loading: "Loading the questionnaire…",
    enter_a_number: "Enter a number, or choose \"I don't know\"",
    not_a_number: "Enter a number, like 34.2",
    one_number_only: "Enter one number only",
    ambiguous_separators: "We could not tell where the decimal point is. Write it with a point, like 1234.5 or 1.234",
    too_many_digits: "Enter a shorter number: at most 9 digits before the point and 6 after",
    unit_not_accepted: "\"{}\" is not a unit we can use here. Choose the unit from the list",
    unit_mismatch: "You typed {} but chose {}. Choose the unit printed on the report",
    at_least: "Enter a number of at least {}",
    no_higher_than: "Enter a number no higher than {}",
    whole_years: "Enter the age in whole years, like 45",
    upper_limit_positive: "Enter the upper limit from the report; it is more than 0",
    choose_at_least_one: "Choose at least one answer",
    none_of_these_alone: "\"None of these\" cannot be chosen with other answers",
    do_not_know_alone: "\"I don't know\" cannot be chosen with other answers",
    choose_an_answer: "Choose an answer",
    choose_an_answer_for_patient: "Choose an answer for the patient",
    progress: "Question {} (up to {} more)",
    progress_last: "Question {} (this may be the last)",
    choose_unit: "Choose the unit printed on the report",
    choose_a_unit: "Choose a unit",
    unusual_below: "{} is far below any result for this test.",
    unusual_above: "{} is far above any result for this test.",
    reports_in_unit: "Reports in {} show values like {}: check the unit.",
    usual_results: "Results are usually {}: check the number.",
    check_number_and_unit: "Check the number and the unit on the report.",
    confirm_unusual: "I have checked: the report says {}",
    look_back_heading: "Check these answers before you see the result",
    look_back_body: [
        "Your result depends on these answers. If one of them is not right, change it.",
        "The result depends on these answers. If one of them is not right, change it.",
    ],
    likely_eligible: ["You may be able to take part", "The patient may be able to take part"],
    not_eligible: ["This trial is probably not right for you", "This trial is probably not right for the patient"],
    needs_review: "We need more information",
    colon: ": ",
    list_separator: "; ",
    open_bracket: " (",
    close_bracket: ")",
    comma: ", ",
    full_stop: ". ",
    lower_limit: "Lower limit of normal (from the report)",
    lower_limit_short: "lower limit of normal",
    limits_reversed: "The lower limit is above the upper limit. Check the report",
    same_unit: "Enter all of them in the same unit, the one printed on the report ({})",
    day: "Day",
    month: "Month",
    year: "Year",
    date_hint: "For example, 27 3 2025. If you do not know the day, leave it empty.",
    enter_year: "Enter the year",
    year_four_digits: "Enter the year with four digits, like 2025",
    enter_month: "Enter the month",
    month_not_valid: "Enter the month as a number from 1 to 12, or its name",
    day_not_valid: "Enter a day from 1 to {}",
    not_a_date: "Enter a real date",
    future_date: "This date is after today. Check the year.",
    confirm_future: "I have checked: the date is right",
    month_only: "{} (day not known)",
    worked_out_heading: "Worked out from the answers",
    worked_out_from: "from {}",
    formula: "Formula",
    part: "part {}",
    between: "between {} and {}",
    portal_heading: "Trials you could join",
    portal_intro: "Answer a few questions, and see for each of these {} trials whether it might suit you. Questions that several trials share are asked once.",
    stop_and_see: "See where each trial stands now",
    where_trials_stand: "Where each trial stands",
    group_likely: "May be able to take part",
    group_review: "Need more information",
    group_not: "Probably not right",
    see_criteria: "See the criteria and the contact",
    back_to_all: "Back to all trials",
    your_answers: "Your answers",
    answer_more: "Answer more questions",
    portal_questions_left: "Up to {} more questions could settle the trials that are still open.",
    download_note: "The downloaded file is for the study team's computer. To keep a copy you can read, choose \"Print or save as PDF\".",
    likely_eligible_body: [
        "Your answers meet every criterion we can check here. Only the study team can confirm that you can join: contact them, or show this summary to your doctor.",
        "The answers meet every criterion we can check here. Only the study team can confirm that the patient can join: contact them, or show this summary to the patient's doctor.",
    ],
    not_eligible_body: [
        "At least one of your answers does not fit the trial's criteria, shown below. If you think an answer may be wrong, change it, or talk to your doctor. Other trials may suit you.",
        "At least one answer does not fit the trial's criteria, shown below. If an answer may be wrong, change it, or talk to the patient's doctor. Other trials may suit the patient.",
    ],
    needs_review_body: [
        "Some criteria depend on things you did not know. This is common. Ask your care team the questions below, then come back or contact the study team.",
        "Some criteria depend on things you did not know. This is common. Ask the care team the questions below, then come back or contact the study team.",
    ],
};

pub static SIMPLIFIED_CHINESE: Messages = Messages {
    language: "zh-Hans",
    browser_languages: &["zh"],
    language_name: "简体中文",
    year_first: true,
    switch_language: "语言",
    continue_: "继续",
    back: "返回",
    do_not_know: "我不知道",
    or: "或",
    yes: "是",
    no: "否",
    error_prefix: "错误：",
    there_is_a_problem: "请检查以下问题",
    why_we_ask: "为什么问这个",
    where_to_find: "在哪里可以找到",
    unit: "单位",
    result_value: "结果",
    upper_limit: "正常值上限（见化验单）",
    upper_limit_short: "正常值上限",
    years: "周岁",
    check_answers: "核对您的回答",
    result_title: "结果",
    change: "修改",
    see_result: "查看结果",
    not_answered: "未回答",
    print: "打印或保存为 PDF",
    download: "下载我的回答",
    change_answers: "修改回答",
    start_over: "重新开始",
    met: "符合",
    not_met: "不符合",
    applies: "有此情况",
    does_not_apply: "无此情况",
    unknown: "暂不清楚",
    not_checked: "未核查（不影响本次结果）",
    study_team_checks: "由研究团队核查",
    study_team_will_check: "研究团队将核查的内容",
    why_not_eligible: "原因",
    registry_text: "注册原文",
    translation: "译文",
    inclusion: "入选标准",
    exclusion: "排除标准",
    ask_your_care_team: ["可以问主治医生的问题", "可以问患者主治医生的问题"],
    contact: "试验联系人",
    phone: "电话",
    email: "电子邮件",
    criteria_heading: "各项回答与每条标准的对照",
    who_can_take_part: "哪些人可以参加",
    who_cannot_take_part: "哪些人不能参加",
    criteria_from: "标准来源",
    definition_version: "问卷版本",
    summary_printed: "预筛查摘要，打印日期",
    privacy: "您的回答只保存在这台设备上。不会发送到任何地方，关闭页面后也不会保留。",
    what_this_is: "这份简短的问卷会把您的回答与试验公布的标准进行对照。这只是预筛查，不是医疗决定：能否参加，只有研究团队才能确定。",
    who_is_answering: "由谁填写？",
    for_myself: "我本人填写",
    for_someone_else: "我代他人填写，例如我的孩子或家人",
    start: "开始",
    definition_broken: "此问卷暂时无法显示。您输入的内容没有发送到任何地方。请稍后再试，或联系研究团队。",
    definition_problems: "给临床研究协调员（CRC）的详细信息",
    loading: "正在加载问卷…",
    enter_a_number: "请输入一个数字，或选择“我不知道”",
    not_a_number: "请输入一个数字，例如 34.2",
    one_number_only: "请只输入一个数字",
    ambiguous_separators: "无法判断小数点的位置。请用小数点书写，例如 1234.5 或 1.234",
    too_many_digits: "数字太长：小数点前最多 9 位，小数点后最多 6 位",
    unit_not_accepted: "这里不能使用单位“{}”。请从列表中选择单位",
    unit_mismatch: "您输入的单位是 {}，但选择的是 {}。请选择化验单上印的单位",
    at_least: "请输入不小于 {} 的数字",
    no_higher_than: "请输入不大于 {} 的数字",
    whole_years: "请按周岁填写整数，例如 45",
    upper_limit_positive: "请输入化验单上的正常值上限（应大于 0）",
    choose_at_least_one: "请至少选择一项",
    none_of_these_alone: "“以上都没有”不能与其他选项同时选择",
    do_not_know_alone: "“我不知道”不能与其他选项同时选择",
    choose_an_answer: "请选择一个回答",
    choose_an_answer_for_patient: "请替患者选择一个回答",
    progress: "第 {} 题（最多还有 {} 题）",
    progress_last: "第 {} 题（可能是最后一题）",
    choose_unit: "请选择化验单上印的单位",
    choose_a_unit: "请选择单位",
    unusual_below: "{} 远低于这项检查可能出现的结果。",
    unusual_above: "{} 远高于这项检查可能出现的结果。",
    reports_in_unit: "单位为 {} 的化验单，结果一般在 {} 范围内，请核对单位。",
    usual_results: "结果一般在 {} 范围内，请核对数字。",
    check_number_and_unit: "请核对化验单上的数字和单位。",
    confirm_unusual: "我已核对：化验单上写的就是 {}",
    look_back_heading: "查看结果前，请核对这些回答",
    look_back_body: [
        "结果取决于下面这些回答。如果其中有不对的，请修改。",
        "结果取决于下面这些回答。如果其中有不对的，请修改。",
    ],
    likely_eligible: ["您或许可以参加", "患者或许可以参加"],
    not_eligible: ["这项试验可能不适合您", "这项试验可能不适合患者"],
    needs_review: "还需要更多信息",
    colon: "：",
    list_separator: "；",
    open_bracket: "（",
    close_bracket: "）",
    comma: "，",
    full_stop: "。",
    lower_limit: "正常值下限（见化验单）",
    lower_limit_short: "正常值下限",
    limits_reversed: "下限高于上限，请核对化验单",
    same_unit: "请全部按化验单上印的同一种单位填写（{}）",
    day: "日",
    month: "月",
    year: "年",
    date_hint: "例如 2025 年 3 月 27 日。如果不记得是哪一天，“日”可以不填。",
    enter_year: "请填写年份",
    year_four_digits: "请用四位数字填写年份，例如 2025",
    enter_month: "请填写月份",
    month_not_valid: "请填写 1 到 12 之间的月份",
    day_not_valid: "请填写 1 到 {} 之间的日期",
    not_a_date: "请填写一个真实的日期",
    future_date: "这个日期晚于今天，请核对年份。",
    confirm_future: "我已核对：日期没有错",
    month_only: "{}（具体日期不详）",
    worked_out_heading: "根据回答计算的数值",
    worked_out_from: "依据：{}",
    formula: "公式",
    part: "第 {} 项",
    between: "{} 至 {} 之间",
    portal_heading: "您或许可以参加的试验",
    portal_intro: "回答几个问题，即可看到这 {} 项试验是否可能适合您。几项试验共有的问题只问一次。",
    stop_and_see: "现在查看每项试验的情况",
    where_trials_stand: "每项试验的情况",
    group_likely: "或许可以参加",
    group_review: "还需要更多信息",
    group_not: "可能不适合",
    see_criteria: "查看标准和联系人",
    back_to_all: "返回全部试验",
    your_answers: "您的回答",
    answer_more: "继续回答问题",
    portal_questions_left: "最多再回答 {} 个问题，就可以确定尚未确定的试验。",
    download_note: "下载的文件供研究团队在电脑上读取。如果想保存一份自己能看的，请选择“打印或保存为 PDF”。",
    likely_eligible_body: [
        "您的回答符合这里能核查的所有标准。只有研究团队才能确认您能否参加：请联系他们，或把这份摘要给您的医生看。",
        "这些回答符合这里能核查的所有标准。只有研究团队才能确认患者能否参加：请联系他们，或把这份摘要给患者的医生看。",
    ],
    not_eligible_body: [
        "您至少有一个回答不符合试验的标准，见下文。如果您认为某个回答可能有误，可以修改，或与您的医生商量。其他试验也许适合您。",
        "至少有一个回答不符合试验的标准，见下文。如果某个回答可能有误，可以修改，或与患者的医生商量。其他试验也许适合患者。",
    ],
    needs_review_body: [
        "有些标准取决于您还不知道的信息，这很常见。请向您的主治医生（血液科医生）询问下面的问题，然后再回来，或联系研究团队。",
        "有些标准取决于您还不知道的信息，这很常见。请向患者的主治医生询问下面的问题，然后再回来，或联系研究团队。",
    ],
};

/// The messages for `language`, falling back to the first language (English).
pub fn get(language: &str) -> &'static Messages {
    LANGUAGES.iter().copied().find(|messages| messages.language == language).unwrap_or(LANGUAGES[0])
}

/// The language that answers a browser preference such as `zh-CN` or `en-GB`, if any does.
pub fn for_browser_preference(preference: &str) -> Option<&'static Messages> {
    let primary = preference.split('-').next().unwrap_or_default().to_ascii_lowercase();
    LANGUAGES.iter().copied().find(|messages| messages.browser_languages.contains(&primary.as_str()))
}

/// A value with its unit's symbol, as a report prints it: `2.5 µmol/L`, or `1.3` for a ratio.
pub fn value_with_unit(value: Exact, unit: Unit) -> String {
    match unit.symbol() {
        "" => value.to_string(),
        symbol => format!("{value} {symbol}"),
    }
}

/// Fills the `{}` placeholders of a message in order.
fn fill(template: &str, values: &[&str]) -> String {
    let mut result = String::with_capacity(template.len() + 16);
    let mut values = values.iter();
    let mut rest = template;
    while let Some(position) = rest.find("{}") {
        result.push_str(&rest[..position]);
        result.push_str(values.next().copied().unwrap_or_default());
        rest = &rest[position + 2..];
    }
    result.push_str(rest);
    result
}

impl Messages {
    pub fn number_error(&self, error: &NumberInputError) -> String {
        match error {
            NumberInputError::Empty => self.enter_a_number.to_owned(),
            NumberInputError::NotANumber => self.not_a_number.to_owned(),
            NumberInputError::TwoNumbers => self.one_number_only.to_owned(),
            NumberInputError::AmbiguousSeparators => self.ambiguous_separators.to_owned(),
            NumberInputError::TooManyDigits => self.too_many_digits.to_owned(),
            NumberInputError::UnitNotAccepted(unit) => fill(self.unit_not_accepted, &[unit]),
            NumberInputError::UnitConflict { typed, picked } => self.unit_mismatch(typed.symbol(), picked.symbol()),
            NumberInputError::NotWholeYears => self.whole_years.to_owned(),
            NumberInputError::NoUnit => self.choose_unit.to_owned(),
        }
    }

    /// What to tell the patient when the fields of a question page do not make an answer.
    pub fn input_problem(&self, problem: &InputProblem, respondent: Respondent) -> String {
        match &problem.kind {
            InputProblemKind::ChooseAnAnswer => self.choose_an_answer(respondent),
            InputProblemKind::DoNotKnowWithOtherChoices => self.do_not_know_alone.to_owned(),
            InputProblemKind::Number(error) => self.number_error(error),
            InputProblemKind::Answer(error) => self.answer_error(error, respondent),
            InputProblemKind::Unusual(unusual) => self.unusual_value(unusual),
            InputProblemKind::Date(error) => self.date_error(error),
            InputProblemKind::FutureDate => self.future_date.to_owned(),
        }
    }

    pub fn date_error(&self, error: &DateInputError) -> String {
        match error {
            DateInputError::YearMissing => self.enter_year.to_owned(),
            DateInputError::YearNotFourDigits => self.year_four_digits.to_owned(),
            DateInputError::MonthMissing => self.enter_month.to_owned(),
            DateInputError::MonthNotValid => self.month_not_valid.to_owned(),
            DateInputError::DayNotValid(0) => fill(self.day_not_valid, &["31"]),
            DateInputError::DayNotValid(days) => fill(self.day_not_valid, &[&days.to_string()]),
        }
    }

    /// A date as the patient gave it: `2025-03-27`, or `2025-03 (day not known)`.
    pub fn date(&self, date: DateAnswer) -> String {
        match date.day {
            Some(_) => date.to_iso(),
            None => fill(self.month_only, &[&date.to_iso()]),
        }
    }

    /// "Enter all of them in the same unit, the one printed on the report (µmol/L or mg/dL)".
    pub fn same_unit(&self, units: &[Unit]) -> String {
        let symbols: Vec<&str> = units.iter().map(|unit| unit.symbol()).filter(|symbol| !symbol.is_empty()).collect();
        fill(self.same_unit, &[&symbols.join(&format!(" {} ", self.or))])
    }

    /// "part b" / "第 b 项".
    pub fn part(&self, label: &str) -> String {
        fill(self.part, &[label])
    }

    pub fn portal_intro(&self, trials: usize) -> String {
        fill(self.portal_intro, &[&trials.to_string()])
    }

    pub fn portal_questions_left(&self, questions: usize) -> String {
        fill(self.portal_questions_left, &[&questions.to_string()])
    }

    /// The heading of a group of trials on a portal's result.
    pub fn portal_group(&self, outcome: Outcome) -> &'static str {
        match outcome {
            Outcome::LikelyEligible => self.group_likely,
            Outcome::NeedsReview => self.group_review,
            Outcome::NotEligible => self.group_not,
        }
    }

    /// "between 71 and 73": a value the answers leave as a range.
    pub fn between(&self, least: &str, greatest: &str) -> String {
        fill(self.between, &[least, greatest])
    }

    pub fn worked_out_from(&self, inputs: &str) -> String {
        fill(self.worked_out_from, &[inputs])
    }

    /// "2.5 µmol/L is far below any result for this test. Reports in mg/dL show values like
    /// 0.5–1.2: check the unit." What reports usually show comes from the quantity catalogue.
    pub fn unusual_value(&self, unusual: &UnusualValue) -> String {
        let entered = value_with_unit(unusual.value, unusual.unit);
        let mut message = fill(
            match unusual.side {
                Side::Below => self.unusual_below,
                Side::Above => self.unusual_above,
            },
            &[&entered],
        );
        let typical = unusual.quantity.definition().plausible.map(|plausible| plausible.typical).unwrap_or_default();
        let in_other_units: Vec<String> = typical
            .iter()
            .filter(|(unit, _)| *unit != unusual.unit)
            .map(|(unit, values)| fill(self.reports_in_unit, &[unit.symbol(), values]))
            .collect();
        let in_this_unit = typical.iter().find(|(unit, _)| *unit == unusual.unit);
        let advice = match (in_other_units.first(), in_this_unit) {
            (Some(other), _) => other.clone(),
            (None, Some((unit, values))) => fill(self.usual_results, &[&format!("{values} {}", unit.symbol())]),
            (None, None) => self.check_number_and_unit.to_owned(),
        };
        message.push(' ');
        message.push_str(&advice);
        message
    }

    /// The label of the box that confirms an unusual value.
    pub fn confirm_unusual(&self, unusual: &UnusualValue) -> String {
        fill(self.confirm_unusual, &[&value_with_unit(unusual.value, unusual.unit)])
    }

    fn choose_an_answer(&self, respondent: Respondent) -> String {
        match respondent {
            Respondent::Patient => self.choose_an_answer.to_owned(),
            Respondent::Caregiver => self.choose_an_answer_for_patient.to_owned(),
        }
    }

    pub fn answer_error(&self, error: &AnswerErrorKind, respondent: Respondent) -> String {
        match error {
            AnswerErrorKind::BelowMinimum(minimum) => fill(self.at_least, &[minimum]),
            AnswerErrorKind::AboveMaximum(maximum) => fill(self.no_higher_than, &[maximum]),
            AnswerErrorKind::NotWholeYears => self.whole_years.to_owned(),
            AnswerErrorKind::UpperLimitNotPositive => self.upper_limit_positive.to_owned(),
            AnswerErrorKind::LimitsReversed => self.limits_reversed.to_owned(),
            AnswerErrorKind::NotADate => self.not_a_date.to_owned(),
            AnswerErrorKind::NoChoicePicked => self.choose_at_least_one.to_owned(),
            AnswerErrorKind::ExclusiveChoiceCombined(_) => self.none_of_these_alone.to_owned(),
            AnswerErrorKind::NotANumber => self.not_a_number.to_owned(),
            AnswerErrorKind::UnitNotAccepted(unit) => fill(self.unit_not_accepted, &[unit]),
            // What the fields of a page cannot produce but an answers file can: the page only
            // offers the question's own choices, and "I don't know" only where it is allowed.
            AnswerErrorKind::UnknownQuestion
            | AnswerErrorKind::WrongType { .. }
            | AnswerErrorKind::UnknownChoice(_)
            | AnswerErrorKind::DoNotKnowNotOffered
            | AnswerErrorKind::GivenTwice
            | AnswerErrorKind::Unreadable(_)
            | AnswerErrorKind::OtherTrial { .. } => self.choose_an_answer(respondent),
        }
    }

    /// The words for how a criterion stands.
    pub fn standing(&self, standing: Standing) -> &'static str {
        match standing {
            Standing::Met => self.met,
            Standing::NotMet => self.not_met,
            Standing::Applies => self.applies,
            Standing::DoesNotApply => self.does_not_apply,
            Standing::Unknown => self.unknown,
            Standing::NotNeeded => self.not_checked,
            Standing::StudyTeamChecks => self.study_team_checks,
        }
    }

    pub fn unit_mismatch(&self, typed: &str, chosen: &str) -> String {
        fill(self.unit_mismatch, &[typed, chosen])
    }

    /// "Question 3 (up to 12 more)": the step, and at most how many questions can follow.
    pub fn progress(&self, step: usize, more: usize) -> String {
        if more == 0 {
            fill(self.progress_last, &[&step.to_string()])
        } else {
            fill(self.progress, &[&step.to_string(), &more.to_string()])
        }
    }

    pub fn look_back_body(&self, respondent: Respondent) -> &'static str {
        self.look_back_body[usize::from(respondent == Respondent::Caregiver)]
    }

    /// The result's heading, in the words for who is answering.
    pub fn outcome_heading(&self, outcome: Outcome, respondent: Respondent) -> &'static str {
        let index = usize::from(respondent == Respondent::Caregiver);
        match outcome {
            Outcome::LikelyEligible => self.likely_eligible[index],
            Outcome::NotEligible => self.not_eligible[index],
            Outcome::NeedsReview => self.needs_review,
        }
    }

    pub fn ask_your_care_team(&self, respondent: Respondent) -> &'static str {
        self.ask_your_care_team[usize::from(respondent == Respondent::Caregiver)]
    }

    /// A label before what it labels: `Phone: ` / `电话：`.
    pub fn label(&self, label: &str) -> String {
        format!("{label}{}", self.colon)
    }

    /// Items of a list in one line: `a; b` / `a；b`.
    pub fn list(&self, items: &[String]) -> String {
        items.join(self.list_separator)
    }

    /// Words with an aside: `85 U/L (upper limit 40 U/L)` / `85 U/L（正常值上限 40 U/L）`.
    pub fn with_aside(&self, main: &str, aside: &str) -> String {
        format!("{main}{}{aside}{}", self.open_bracket, self.close_bracket)
    }

    /// A lab value with the upper limit of normal it is compared with, in the report's unit when
    /// the question takes only one (with several, the patient used whichever the report prints).
    pub fn value_against_limit(&self, value: Exact, upper_limit: Exact, unit: Option<Unit>) -> String {
        let with_unit = |number: Exact| unit.map_or_else(|| number.to_string(), |unit| value_with_unit(number, unit));
        let limit = format!("{} {}", self.upper_limit_short, with_unit(upper_limit));
        self.with_aside(&with_unit(value), &limit)
    }

    /// A lab value with its reference range: `4.1 (lower limit of normal 3.5, upper limit of normal 5.0)`.
    pub fn value_against_range(
        &self,
        value: Exact,
        lower_limit: Exact,
        upper_limit: Exact,
        unit: Option<Unit>,
    ) -> String {
        let with_unit = |number: Exact| unit.map_or_else(|| number.to_string(), |unit| value_with_unit(number, unit));
        let limits = format!(
            "{} {}{}{} {}",
            self.lower_limit_short,
            with_unit(lower_limit),
            self.comma,
            self.upper_limit_short,
            with_unit(upper_limit)
        );
        self.with_aside(&with_unit(value), &limits)
    }

    pub fn outcome_body(&self, outcome: Outcome, respondent: Respondent) -> &'static str {
        let index = usize::from(respondent == Respondent::Caregiver);
        match outcome {
            Outcome::LikelyEligible => self.likely_eligible_body[index],
            Outcome::NotEligible => self.not_eligible_body[index],
            Outcome::NeedsReview => self.needs_review_body[index],
        }
    }

    /// Every string, for the tests of completeness and wording.
    pub fn all_strings(&self) -> Vec<&'static str> {
        vec![
            self.language_name,
            self.switch_language,
            self.continue_,
            self.back,
            self.do_not_know,
            self.or,
            self.yes,
            self.no,
            self.error_prefix,
            self.there_is_a_problem,
            self.why_we_ask,
            self.where_to_find,
            self.unit,
            self.result_value,
            self.upper_limit,
            self.years,
            self.check_answers,
            self.result_title,
            self.change,
            self.see_result,
            self.not_answered,
            self.print,
            self.download,
            self.change_answers,
            self.start_over,
            self.met,
            self.not_met,
            self.applies,
            self.does_not_apply,
            self.unknown,
            self.not_checked,
            self.study_team_checks,
            self.study_team_will_check,
            self.why_not_eligible,
            self.registry_text,
            self.translation,
            self.inclusion,
            self.exclusion,
            self.ask_your_care_team[0],
            self.ask_your_care_team[1],
            self.contact,
            self.phone,
            self.email,
            self.criteria_heading,
            self.who_can_take_part,
            self.who_cannot_take_part,
            self.criteria_from,
            self.definition_version,
            self.summary_printed,
            self.privacy,
            self.what_this_is,
            self.who_is_answering,
            self.for_myself,
            self.for_someone_else,
            self.start,
            self.definition_broken,
            self.definition_problems,
            self.loading,
            self.enter_a_number,
            self.not_a_number,
            self.one_number_only,
            self.ambiguous_separators,
            self.too_many_digits,
            self.unit_not_accepted,
            self.unit_mismatch,
            self.at_least,
            self.no_higher_than,
            self.whole_years,
            self.upper_limit_positive,
            self.choose_at_least_one,
            self.none_of_these_alone,
            self.do_not_know_alone,
            self.choose_an_answer,
            self.choose_an_answer_for_patient,
            self.progress,
            self.progress_last,
            self.choose_unit,
            self.choose_a_unit,
            self.unusual_below,
            self.unusual_above,
            self.reports_in_unit,
            self.usual_results,
            self.check_number_and_unit,
            self.confirm_unusual,
            self.look_back_heading,
            self.look_back_body[0],
            self.look_back_body[1],
            self.likely_eligible[0],
            self.likely_eligible[1],
            self.not_eligible[0],
            self.not_eligible[1],
            self.needs_review,
            self.colon,
            self.list_separator,
            self.open_bracket,
            self.close_bracket,
            self.comma,
            self.full_stop,
            self.download_note,
            self.portal_questions_left,
            self.answer_more,
            self.your_answers,
            self.back_to_all,
            self.see_criteria,
            self.group_not,
            self.group_review,
            self.group_likely,
            self.where_trials_stand,
            self.stop_and_see,
            self.portal_intro,
            self.portal_heading,
            self.between,
            self.lower_limit,
            self.lower_limit_short,
            self.limits_reversed,
            self.same_unit,
            self.day,
            self.month,
            self.year,
            self.date_hint,
            self.enter_year,
            self.year_four_digits,
            self.enter_month,
            self.month_not_valid,
            self.day_not_valid,
            self.not_a_date,
            self.future_date,
            self.confirm_future,
            self.month_only,
            self.worked_out_heading,
            self.worked_out_from,
            self.formula,
            self.part,
            self.upper_limit_short,
            self.likely_eligible_body[0],
            self.likely_eligible_body[1],
            self.not_eligible_body[0],
            self.not_eligible_body[1],
            self.needs_review_body[0],
            self.needs_review_body[1],
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_string_with_the_same_placeholders() {
        let english = LANGUAGES[0].all_strings();
        for messages in LANGUAGES {
            let strings = messages.all_strings();
            assert_eq!(strings.len(), english.len());
            for (string, reference) in strings.iter().zip(&english) {
                assert!(
                    !string.trim().is_empty(),
                    "{}: an empty string where English has {reference:?}",
                    messages.language
                );
                assert_eq!(
                    string.matches("{}").count(),
                    reference.matches("{}").count(),
                    "{}: {string:?}",
                    messages.language
                );
            }
        }
        // A string identical to the English one is an untranslated string (numbers aside).
        for messages in &LANGUAGES[1..] {
            for (translated, english) in messages.all_strings().iter().zip(&english) {
                if english.chars().any(char::is_alphabetic) {
                    assert_ne!(translated, english, "{}: untranslated: {english:?}", messages.language);
                }
            }
        }
    }

    #[test]
    fn placeholders_are_filled_in_order() {
        assert_eq!(SIMPLIFIED_CHINESE.progress(3, 20), "第 3 题（最多还有 20 题）");
        assert_eq!(ENGLISH.progress(3, 0), "Question 3 (this may be the last)");
        assert_eq!(
            ENGLISH.unit_mismatch("mg/dL", "µmol/L"),
            "You typed mg/dL but chose µmol/L. Choose the unit printed on the report"
        );
    }

    /// Punctuation, lists, asides and values with their limit follow the language: full-width
    /// punctuation in Chinese, ASCII with spaces in English.
    #[test]
    fn formatting_follows_the_language() {
        let value = |text: &str| Exact::parse_decimal(text).unwrap_or_else(|| panic!("{text}"));
        let check = |messages: &Messages, label: &str, list: &str, aside: &str, limit: &str| {
            assert_eq!(messages.label("Phone"), label, "{}", messages.language);
            assert_eq!(messages.list(&["a".into(), "b".into()]), list, "{}", messages.language);
            assert_eq!(messages.with_aside("main", "aside"), aside, "{}", messages.language);
            assert_eq!(messages.value_against_limit(value("85"), value("40"), Some(Unit::UnitsPerLitre)), limit);
        };
        check(&ENGLISH, "Phone: ", "a; b", "main (aside)", "85 U/L (upper limit of normal 40 U/L)");
        check(&SIMPLIFIED_CHINESE, "Phone：", "a；b", "main（aside）", "85 U/L（正常值上限 40 U/L）");
    }

    #[test]
    fn the_result_speaks_to_who_is_answering() {
        assert_eq!(
            ENGLISH.outcome_heading(Outcome::NotEligible, Respondent::Patient),
            "This trial is probably not right for you"
        );
        assert_eq!(
            ENGLISH.outcome_heading(Outcome::NotEligible, Respondent::Caregiver),
            "This trial is probably not right for the patient"
        );
        assert_eq!(
            SIMPLIFIED_CHINESE.outcome_heading(Outcome::LikelyEligible, Respondent::Caregiver),
            "患者或许可以参加"
        );
        for messages in LANGUAGES {
            for outcome in [Outcome::LikelyEligible, Outcome::NotEligible, Outcome::NeedsReview] {
                let caregiver = messages.outcome_heading(outcome, Respondent::Caregiver);
                let body = messages.outcome_body(outcome, Respondent::Caregiver);
                for text in [
                    caregiver,
                    body,
                    messages.ask_your_care_team(Respondent::Caregiver),
                    messages.look_back_body(Respondent::Caregiver),
                ] {
                    let speaks_to_patient =
                        text.contains("your ") || text.contains("for you") || text.contains("不适合您");
                    assert!(!speaks_to_patient, "{}: a caregiver reads {text:?}", messages.language);
                }
            }
        }
    }

    #[test]
    fn an_unusual_value_names_the_likely_slip() {
        use crate::engine::{Answer, Quantity};
        let unusual = |value: &str, unit: Unit, quantity: Quantity, side: Side| {
            let value = Exact::parse_decimal(value).unwrap_or_else(|| panic!("{value}"));
            UnusualValue { answer: Answer::Number { value, unit }, value, unit, quantity, side }
        };
        let creatinine = unusual("2.5", Unit::MicromolePerLitre, Quantity::Creatinine, Side::Below);
        assert_eq!(
            ENGLISH.unusual_value(&creatinine),
            "2.5 µmol/L is far below any result for this test. Reports in mg/dL show values like 0.5–1.2: check the unit."
        );
        assert_eq!(ENGLISH.confirm_unusual(&creatinine), "I have checked: the report says 2.5 µmol/L");
        let spo2 = unusual("45", Unit::Percent, Quantity::OxygenSaturation, Side::Below);
        assert_eq!(
            ENGLISH.unusual_value(&spo2),
            "45 % is far below any result for this test. Results are usually 95–100 %: check the number."
        );
        let weight = unusual("900", Unit::Kilogram, Quantity::Weight, Side::Above);
        assert_eq!(
            ENGLISH.unusual_value(&weight),
            "900 kg is far above any result for this test. Check the number and the unit on the report."
        );
        assert!(SIMPLIFIED_CHINESE.unusual_value(&creatinine).contains("mg/dL"));
    }

    #[test]
    fn unknown_languages_fall_back_to_english() {
        assert_eq!(get("fr").language, "en");
        assert_eq!(get("zh-Hans").language, "zh-Hans");
    }

    #[test]
    fn every_language_is_found_by_its_tag_and_its_browser_preferences() {
        for messages in LANGUAGES {
            assert_eq!(get(messages.language).language, messages.language);
            assert!(!messages.browser_languages.is_empty(), "{}", messages.language);
            for primary in messages.browser_languages {
                assert_eq!(
                    for_browser_preference(&format!("{primary}-XX")).map(|found| found.language),
                    Some(messages.language)
                );
            }
        }
        assert_eq!(for_browser_preference("zh-TW").map(|found| found.language), Some("zh-Hans"));
        assert_eq!(for_browser_preference("EN-gb").map(|found| found.language), Some("en"));
        assert!(for_browser_preference("fr-FR").is_none());
    }
}

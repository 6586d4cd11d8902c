//! Component tests in headless Chromium: the widget mounted on a page, driven through its DOM.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // A missing element should fail the test loudly.

use prescreen::ui::{DefinitionSource, HostSettings, Widget, WidgetProps};
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(20)).await;
}

/// The page title once it satisfies `expected`, or the last one seen after half a second.
async fn title_when(expected: impl Fn(&str) -> bool) -> String {
    let document = web_sys::window().unwrap().document().unwrap();
    for _ in 0..25 {
        if expected(&document.title()) {
            break;
        }
        settle().await;
    }
    document.title()
}

async fn mount() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    yew::Renderer::<Widget>::with_root_and_props(
        host.clone(),
        WidgetProps {
            source: DefinitionSource::Seed,
            language: "en".into(),
            host: HostSettings { owns_title: true, ..HostSettings::default() },
        },
    )
    .render();
    settle().await;
    host
}

fn find(host: &Element, selector: &str) -> Element {
    host.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn text(host: &Element, selector: &str) -> String {
    find(host, selector).text_content().unwrap_or_default().trim().to_owned()
}

async fn click(host: &Element, selector: &str) {
    find(host, selector).dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
}

async fn type_into(host: &Element, selector: &str, value: &str) {
    let input: HtmlInputElement = find(host, selector).dyn_into().unwrap();
    input.set_value(value);
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    settle().await;
}

async fn continue_(host: &Element) {
    click(host, "button[type=submit]").await;
}

async fn start(host: &Element) {
    click(host, "button[type=submit]").await;
}

#[wasm_bindgen_test]
async fn number_questions_are_labelled_by_their_heading() {
    let host = mount().await;
    start(&host).await;
    assert_eq!(find(&host, "[data-question]").get_attribute("data-question").as_deref(), Some("age_years"));
    assert_eq!(text(&host, "h1 label[for='ps-age_years-value']"), "How old are you?");
    assert!(host.query_selector("#ps-age_years-value").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn choice_questions_are_fieldsets_with_the_question_as_legend() {
    let host = mount().await;
    start(&host).await;
    type_into(&host, "#ps-age_years-value", "45").await;
    continue_(&host).await;
    assert_eq!(text(&host, "fieldset legend h1"), "What was your sex at birth?");
    assert_eq!(text(&host, "label[for='ps-sex-0']"), "Female");
    click(&host, "#ps-sex-0").await;
    continue_(&host).await;
    // A yes/no question offers "I don't know" after an "or" divider.
    assert_eq!(find(&host, "[data-question]").get_attribute("data-question").as_deref(), Some("aml_diagnosis"));
    assert_eq!(text(&host, "label[for='ps-aml_diagnosis-2']"), "I don't know");
    assert_eq!(text(&host, ".ps-choice__divider"), "or");
    click(&host, "#ps-aml_diagnosis-0").await;
    continue_(&host).await;
    // The follow-up shown only after an AML answer: a multiple choice with checkboxes.
    assert_eq!(find(&host, "[data-question]").get_attribute("data-question").as_deref(), Some("aml_course"));
    assert_eq!(find(&host, "#ps-aml_course-0").get_attribute("type").as_deref(), Some("checkbox"));
}

#[wasm_bindgen_test]
async fn an_empty_answer_is_explained_and_linked() {
    let host = mount().await;
    start(&host).await;
    continue_(&host).await;
    let link = find(&host, ".ps-error-summary a");
    assert_eq!(link.get_attribute("href").as_deref(), Some("#ps-age_years-value"));
    assert!(link.text_content().unwrap_or_default().starts_with("Enter a number"));
    let described_by = find(&host, "#ps-age_years-value").get_attribute("aria-describedby").unwrap_or_default();
    assert!(described_by.split(' ').any(|id| id == "ps-age_years-error"), "{described_by}");
    assert!(text(&host, "#ps-age_years-error").contains("Enter a number"));
    assert_eq!(find(&host, "#ps-age_years-value").get_attribute("aria-invalid").as_deref(), Some("true"));
    let title = title_when(|title| title.starts_with("Error: ")).await;
    assert!(title.starts_with("Error: Question 1 (up to "), "{title}");
    assert!(title.contains("How old are you?"), "{title}");
}

#[wasm_bindgen_test]
async fn the_page_title_names_the_step() {
    let host = mount().await;
    start(&host).await;
    let title = title_when(|title| title.starts_with("Question 1 (up to ")).await;
    assert!(title.starts_with("Question 1 (up to "), "{title}");
    assert!(!title.contains("Error"), "{title}");
}

#[wasm_bindgen_test]
async fn back_keeps_the_answer() {
    let host = mount().await;
    start(&host).await;
    type_into(&host, "#ps-age_years-value", "45").await;
    continue_(&host).await;
    click(&host, ".ps-back-link").await;
    let input: HtmlInputElement = find(&host, "#ps-age_years-value").dyn_into().unwrap();
    assert_eq!(input.value(), "45");
}

#[wasm_bindgen_test]
async fn caregiver_wording() {
    let host = mount().await;
    click(&host, "#ps-respondent-caregiver").await;
    start(&host).await;
    assert_eq!(text(&host, "h1 label"), "How old is the patient?");
}

/// The minimal definition with its first criterion's rule (the age limits) wrapped in `depth`
/// `not`s. An odd number of `not`s turns the criterion into an exclusion, so that it keeps its
/// meaning and the loader's check of the registry's age limits still holds.
fn nested_definition(depth: usize) -> String {
    let mut file: serde_json::Value = serde_json::from_str(include_str!("definitions/minimal.json")).unwrap();
    let mut rule = file["criteria"][0]["rule"].take();
    for _ in 0..depth {
        rule = serde_json::json!({ "not": rule });
    }
    file["criteria"][0]["rule"] = rule;
    if depth % 2 == 1 {
        file["criteria"][0]["kind"] = "exclusion".into();
        file["criteria"][0]["number"] = 99.into();
    }
    file.to_string()
}

/// The widget's stack is 256 KiB (build.rs), and its deepest recursion is a rule's nesting, which
/// the format caps (`limits::RULE_DEPTH`). A definition nested to that cap, given by URL as a host
/// would, loads, shows its start page, and takes an answer (the rule evaluated at full depth)
/// without trapping.
#[wasm_bindgen_test]
async fn deepest_rule_nesting_fits_the_stack() {
    use prescreen::engine::Definition;
    let deepest = (1..200).take_while(|&depth| Definition::load(&nested_definition(depth)).is_ok()).last().unwrap();
    let too_deep = Definition::load(&nested_definition(deepest + 1)).unwrap_err().to_string();
    assert!(too_deep.contains("rules nest more than 32 levels deep"), "the cap is the format's: {too_deep}");

    let file = nested_definition(deepest);
    let url = format!("data:application/json;charset=utf-8,{}", js_sys::encode_uri_component(&file));
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let props = WidgetProps {
        source: DefinitionSource::Url { url, integrity: None },
        language: "en".into(),
        host: HostSettings::default(),
    };
    yew::Renderer::<Widget>::with_root_and_props(host.clone(), props).render();
    for _ in 0..50 {
        if host.query_selector(".ps-button--start").unwrap().is_some() {
            break;
        }
        settle().await;
    }
    start(&host).await;
    type_into(&host, "input[name=age_years]", "40").await;
    continue_(&host).await;
    let heading = text(&host, "h1");
    assert!(!heading.is_empty() && !heading.contains("How old"), "the widget moved on after the answer: {heading:?}");
}

/// A definition written only in English, shown to a patient whose widget speaks Simplified
/// Chinese: the widget's own words are Chinese, and the trial's texts, which fall back to English,
/// are marked `lang="en"` so that a screen reader reads them as English.
#[wasm_bindgen_test]
async fn text_in_a_fallback_language_carries_its_lang() {
    let url = format!(
        "data:application/json;charset=utf-8,{}",
        js_sys::encode_uri_component(include_str!("definitions/minimal.json"))
    );
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let props = WidgetProps {
        source: DefinitionSource::Url { url, integrity: None },
        language: "zh-Hans".into(),
        host: HostSettings::default(),
    };
    yew::Renderer::<Widget>::with_root_and_props(host.clone(), props).render();
    for _ in 0..50 {
        if host.query_selector(".ps-button--start").unwrap().is_some() {
            break;
        }
        settle().await;
    }
    assert_eq!(text(&host, ".ps-button--start"), "开始", "the widget's own words are Chinese");
    let title = find(&host, "h1 span[lang]");
    assert_eq!(title.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(title.text_content().as_deref(), Some("An example trial"));
    start(&host).await;
    assert_eq!(find(&host, "h1 label span[lang]").get_attribute("lang").as_deref(), Some("en"));
}

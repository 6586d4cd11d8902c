//! Texts a patient reads, in every language a definition declares.

use super::model::Respondent;

/// One text in several languages, as `(language tag, text)` pairs in the definition's order.
/// The first declared language is the fallback when a translation is missing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    translations: Vec<(String, String)>,
}

impl Text {
    pub fn new(translations: Vec<(String, String)>) -> Text {
        Text { translations }
    }

    /// A text in one language only; for texts the engine makes itself and for tests.
    pub fn plain(language: &str, text: &str) -> Text {
        Text { translations: vec![(language.to_owned(), text.to_owned())] }
    }

    /// The text in `language`, else in the definition's first language, else empty.
    pub fn get(&self, language: &str) -> &str {
        self.translations
            .iter()
            .find(|(tag, _)| tag == language)
            .or_else(|| self.translations.first())
            .map_or("", |(_, text)| text.as_str())
    }

    /// The language `get(language)` actually answers in, so the widget can mark a fallback with `lang`.
    pub fn language_of<'a>(&'a self, language: &'a str) -> &'a str {
        self.translations
            .iter()
            .find(|(tag, _)| tag == language)
            .or_else(|| self.translations.first())
            .map_or(language, |(tag, _)| tag.as_str())
    }

    /// The `(language tag, text)` pairs, in the definition's order.
    pub(crate) fn translations(&self) -> &[(String, String)] {
        &self.translations
    }

    pub fn has(&self, language: &str) -> bool {
        self.translations.iter().any(|(tag, _)| tag == language)
    }
}

/// A text that may speak differently to a patient answering for themselves and to someone answering
/// for them (a parent, a partner): "your doctor" and "the patient's doctor".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Worded {
    pub patient: Text,
    /// Required by the loader whenever `patient` speaks to the reader as "you".
    pub caregiver: Option<Text>,
}

impl Worded {
    pub fn for_respondent(&self, respondent: Respondent) -> &Text {
        match (respondent, &self.caregiver) {
            (Respondent::Caregiver, Some(caregiver)) => caregiver,
            (Respondent::Caregiver, None) | (Respondent::Patient, _) => &self.patient,
        }
    }
}

/// Whether `text`, written in `language`, speaks to its reader as "you" (English `you`, `your`,
/// `yours`, `yourself`; Chinese 您 or 你). Only English and Chinese are checked.
pub fn addresses_the_reader(language: &str, text: &str) -> bool {
    if language == "zh" || language.starts_with("zh-") {
        return text.contains(['您', '你']);
    }
    if language == "en" || language.starts_with("en-") {
        // Compared without changing case, so that no word is copied: a catalogue has thousands of texts.
        const YOU: [&str; 7] = ["you", "your", "yours", "yourself", "you're", "you've", "you'll"];
        return text
            .split(|character: char| !character.is_alphanumeric() && character != '\'')
            .map(|word| word.trim_matches('\''))
            .any(|word| YOU.iter().any(|you| word.eq_ignore_ascii_case(you)));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_the_first_language() {
        let text = Text::new(vec![("en".into(), "Yes".into()), ("zh-Hans".into(), "是".into())]);
        assert_eq!(text.get("zh-Hans"), "是");
        assert_eq!(text.get("fr"), "Yes");
        assert_eq!(text.language_of("fr"), "en");
        assert_eq!(Text::default().get("en"), "");
    }

    #[test]
    fn finds_text_that_speaks_to_the_reader() {
        assert!(addresses_the_reader("en", "Your doctor may have written it down."));
        assert!(addresses_the_reader("en", "If you're not sure, choose \"I don't know\"."));
        assert!(!addresses_the_reader("en", "The study needs people aged 2 to 75."));
        assert!(!addresses_the_reader("en", "Youth and young adults"), "a word that starts with you");
        assert!(addresses_the_reader("zh-Hans", "您的医生"));
        assert!(addresses_the_reader("zh-Hans", "你玩耍的情况"));
        assert!(!addresses_the_reader("zh-Hans", "患者的医生"));
        assert!(!addresses_the_reader("fr", "votre médecin"), "only English and Chinese are checked");
    }
}

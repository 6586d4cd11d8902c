//! Texts a patient reads, in every language a definition declares.

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

    pub fn has(&self, language: &str) -> bool {
        self.translations.iter().any(|(tag, _)| tag == language)
    }
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
}

//! A JSON value as the file wrote it. Objects keep every key in order, duplicates included, so that
//! a key given twice (`"op": ">=", "op": "<"`) is reported instead of silently keeping the last:
//! a reviewer reads the first, a parser that keeps the last would apply the other.
//!
//! serde_json does the parsing (its syntax errors give line and column, and it caps nesting at
//! 128 levels); this module only keeps what it reads. It also holds the limits on what a definition
//! or an answers file may hold, and `echo`, which every message quoting a file's text goes through.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

/// The limits on what a file may hold, written down in `docs/definition-format.md` and enforced
/// the same way by the CLI and the widget. Generous for real use: the seed trial is 80 KB with 26
/// questions and its longest text about 700 characters, and the largest real registry record has
/// about 10,000 characters of eligibility text in all.
pub mod limits {
    /// Bytes in a definition file.
    pub const DEFINITION_BYTES: usize = 1 << 20;
    /// Bytes in an answers file or a saved-answers file.
    pub const ANSWERS_BYTES: usize = 256 << 10;
    /// Characters in any one string.
    pub const STRING_CHARS: usize = 10_000;
    pub const QUESTIONS: usize = 1_000;
    pub const CRITERIA: usize = 1_000;
    /// Parts of one criterion.
    pub const PARTS: usize = 50;
    pub const CHOICES: usize = 100;
    pub const UNITS: usize = 20;
    pub const LANGUAGES: usize = 20;
    /// Contacts, and notes.
    pub const LIST_ITEMS: usize = 50;
    /// Rules in one `all` or `any`, and values in one comparison.
    pub const RULE_ITEMS: usize = 500;
    /// Levels of rules inside rules. JSON parsing alone stops at 128 levels of any kind.
    pub const RULE_DEPTH: usize = 32;
    /// Problems reported; the rest are counted ("… and 4,812 more problems").
    pub const PROBLEMS: usize = 100;
    /// Characters of a file's text quoted in a message.
    pub const ECHO_CHARS: usize = 60;
    /// Longest unknown field name that gets a "did you mean" suggestion.
    pub const SUGGESTED_NAME_CHARS: usize = 40;
    /// Milliseconds the widget waits for a definition file before giving up.
    pub const FETCH_MILLISECONDS: u32 = 20_000;
}

/// The limits that grow with a definition's size, as one load applies them: `Limits::STANDARD`
/// everywhere, and wider only in the benchmark that measures how loading grows past them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub definition_bytes: usize,
    pub questions: usize,
    pub criteria: usize,
}

impl Limits {
    pub const STANDARD: Limits =
        Limits { definition_bytes: limits::DEFINITION_BYTES, questions: limits::QUESTIONS, criteria: limits::CRITERIA };
}

impl Default for Limits {
    fn default() -> Limits {
        Limits::STANDARD
    }
}

/// A JSON value with objects as written: every key, in order, duplicates kept. Strings and keys
/// borrow the parsed text where they can (those without escapes): a definition has thousands.
#[derive(Clone, Debug, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

impl<'a> Json<'a> {
    pub fn parse(text: &'a str) -> Result<Json<'a>, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// A copy with every string its own, to keep after the text it was read from is gone.
    pub fn to_owned_json(&self) -> Json<'static> {
        let owned = |text: &Cow<'a, str>| Cow::Owned(text.to_string());
        match self {
            Json::Null => Json::Null,
            Json::Bool(value) => Json::Bool(*value),
            Json::Number(number) => Json::Number(number.clone()),
            Json::String(text) => Json::String(owned(text)),
            Json::Array(items) => Json::Array(items.iter().map(Json::to_owned_json).collect()),
            Json::Object(entries) => {
                Json::Object(entries.iter().map(|(key, value)| (owned(key), value.to_owned_json())).collect())
            }
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            Json::Null | Json::Bool(_) | Json::Number(_) | Json::Array(_) | Json::Object(_) => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(value) => Some(*value),
            Json::Null | Json::Number(_) | Json::String(_) | Json::Array(_) | Json::Object(_) => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(number) => number.as_f64(),
            Json::Null | Json::Bool(_) | Json::String(_) | Json::Array(_) | Json::Object(_) => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(number) => number.as_u64(),
            Json::Null | Json::Bool(_) | Json::String(_) | Json::Array(_) | Json::Object(_) => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json<'a>]> {
        match self {
            Json::Array(items) => Some(items),
            Json::Null | Json::Bool(_) | Json::Number(_) | Json::String(_) | Json::Object(_) => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(Cow<'a, str>, Json<'a>)]> {
        match self {
            Json::Object(entries) => Some(entries),
            Json::Null | Json::Bool(_) | Json::Number(_) | Json::String(_) | Json::Array(_) => None,
        }
    }

    /// The first value given for `key` in an object.
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        self.as_object()?.iter().find(|(name, _)| name == key).map(|(_, value)| value)
    }

    pub fn is_string(&self) -> bool {
        self.as_str().is_some()
    }

    /// What the value is, for a message: `the string "five"`, `a list`, `the number 3`.
    pub fn describe(&self) -> String {
        match self {
            Json::Null => "null".to_owned(),
            Json::Bool(value) => value.to_string(),
            Json::Number(number) => format!("the number {}", echo(&number.to_string())),
            Json::String(text) => format!("the string \"{}\"", echo(text)),
            Json::Array(_) => "a list".to_owned(),
            Json::Object(_) => "an object".to_owned(),
        }
    }
}

impl<'v> From<&'v serde_json::Value> for Json<'v> {
    fn from(value: &'v serde_json::Value) -> Json<'v> {
        match value {
            serde_json::Value::Null => Json::Null,
            serde_json::Value::Bool(value) => Json::Bool(*value),
            serde_json::Value::Number(number) => Json::Number(number.clone()),
            serde_json::Value::String(text) => Json::String(Cow::Borrowed(text)),
            serde_json::Value::Array(items) => Json::Array(items.iter().map(Json::from).collect()),
            serde_json::Value::Object(object) => Json::Object(
                object.iter().map(|(key, value)| (Cow::Borrowed(key.as_str()), Json::from(value))).collect(),
            ),
        }
    }
}

impl<'de> Deserialize<'de> for Json<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json<'de>, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

/// An object's key, borrowed from the text unless it has escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key<'de>, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a key")
    }

    fn visit_borrowed_str<E>(self, value: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(value)))
    }

    fn visit_str<E>(self, value: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(value.to_owned())))
    }

    fn visit_string<E>(self, value: String) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(value)))
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json<'de>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Json<'de>, E> {
        Ok(Json::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Json<'de>, E> {
        Ok(Json::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Json<'de>, E> {
        Ok(Json::Number(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Json<'de>, E> {
        // serde_json gives only finite numbers; a non-finite one would read as null.
        Ok(serde_json::Number::from_f64(value).map_or(Json::Null, Json::Number))
    }

    fn visit_borrowed_str<E>(self, value: &'de str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Borrowed(value)))
    }

    fn visit_str<E>(self, value: &str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(value.to_owned())))
    }

    fn visit_string<E>(self, value: String) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(value)))
    }

    fn visit_unit<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_none<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut sequence: A) -> Result<Json<'de>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = sequence.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        let mut entries = Vec::new();
        while let Some((Key(key), value)) = map.next_entry::<Key<'de>, Json<'de>>()? {
            entries.push((key, value));
        }
        Ok(Json::Object(entries))
    }
}

/// A file's text made safe to quote in a message, on a terminal or in the widget: at most
/// `limits::ECHO_CHARS` characters (then `…`), with control characters, bidirectional overrides
/// and invisible characters written as `\u{…}`, so that nothing in a file can move a terminal's
/// cursor, clear its screen or reorder the text around it.
pub fn echo(text: &str) -> String {
    echo_at_most(text, limits::ECHO_CHARS)
}

/// `echo` without the length limit, for a whole message that quotes a file's text.
pub fn escape(text: &str) -> String {
    echo_at_most(text, usize::MAX)
}

fn echo_at_most(text: &str, most: usize) -> String {
    let mut echoed = String::new();
    for (count, character) in text.chars().enumerate() {
        if count == most {
            echoed.push('…');
            break;
        }
        if needs_escaping(character) {
            echoed.push_str(&format!("\\u{{{:04x}}}", u32::from(character)));
        } else {
            echoed.push(character);
        }
    }
    echoed
}

fn needs_escaping(character: char) -> bool {
    character.is_control()
        || matches!(character,
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}' | '\u{00AD}')
}

/// Whether `text` shows nothing: empty, white space, or only invisible characters such as
/// zero-width spaces.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|character| character.is_whitespace() || needs_escaping(character))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_duplicate_keys_in_order() {
        let parsed = Json::parse(r#"{"op": ">=", "value": 1, "op": "<"}"#).unwrap_or(Json::Null);
        let keys: Vec<&str> = parsed.as_object().unwrap_or_default().iter().map(|(key, _)| &**key).collect();
        assert_eq!(keys, ["op", "value", "op"]);
        assert_eq!(parsed.get("op").and_then(Json::as_str), Some(">="));
    }

    #[test]
    fn strings_and_keys_with_escapes_read_as_their_text() {
        // Written without escapes they borrow the text, with escapes they are copied: same values.
        let parsed = Json::parse(r#"{"op": "a\"b", "\u006fp": "\u00e9", "plain": "x"}"#).unwrap_or(Json::Null);
        let entries = parsed.as_object().unwrap_or_default();
        let keys: Vec<&str> = entries.iter().map(|(key, _)| &**key).collect();
        assert_eq!(keys, ["op", "op", "plain"]);
        let values: Vec<Option<&str>> = entries.iter().map(|(_, value)| value.as_str()).collect();
        assert_eq!(values, [Some("a\"b"), Some("é"), Some("x")]);
        assert!(matches!(&entries[2].1, Json::String(Cow::Borrowed("x"))));
        assert!(matches!(&entries[1].0, Cow::Owned(_)));
        let kept = parsed.to_owned_json();
        assert_eq!(kept, parsed);
    }

    #[test]
    fn echoes_text_safely_and_briefly() {
        assert_eq!(echo("age_years"), "age_years");
        assert_eq!(echo("a\u{1b}[2Jb"), "a\\u{001b}[2Jb");
        assert_eq!(echo("evil\u{202e}txt"), "evil\\u{202e}txt");
        assert_eq!(echo(&"x".repeat(100)).chars().count(), limits::ECHO_CHARS + 1);
        assert!(echo(&"x".repeat(100)).ends_with('…'));
    }

    #[test]
    fn blank_text_includes_invisible_characters() {
        assert!(is_blank(""));
        assert!(is_blank("  \u{200B}\u{200B} "));
        assert!(is_blank("\u{FEFF}"));
        assert!(!is_blank(" a "));
    }

    #[test]
    fn describes_values_for_messages() {
        assert_eq!(Json::String("five".into()).describe(), "the string \"five\"");
        assert_eq!(Json::Array(Vec::new()).describe(), "a list");
    }
}

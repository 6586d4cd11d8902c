//! The compiled-in trial in a compact binary form.
//!
//! `build.rs` loads the seed trial's definition file with the checking loader (a problem fails the
//! build) and writes the checked model in this form; the widget reads it back with no JSON parsing
//! and no checking. That keeps the loader's code off the patient's first screen: a browser compiles
//! a WebAssembly function the first time it runs, so code the first screen does not run costs it
//! nothing. Definitions fetched by URL still go through the checking loader.
//!
//! The form is private to one build (the writer and the reader are compiled from this file
//! together), so it has no version: lengths and numbers are LEB128, texts UTF-8 with their length,
//! enums their index in `ALL` or a tag byte, `Option` a 0/1 byte. `decode(encode(definition))` giving back the
//! same model is tested for every trial in `trials/`.

use super::dates::{Duration, DurationUnit};
use super::derived::Formula;
use super::exact::Exact;
use super::model::{
    Anchor, Choice, ChoiceId, Contact, Criterion, CriterionId, CriterionKind, Definition, Derived, Part, Question,
    QuestionId, QuestionKind, ReferenceLimit, Relation, Rule, SexEligibility, StudyDate, Test, Trial,
};
use super::text::{Text, Worded};
use super::units::{Quantity, Unit};
use std::collections::BTreeMap;

/// The definition in the compact form.
pub fn encode(definition: &Definition) -> Vec<u8> {
    let mut bytes = Vec::new();
    definition.write(&mut bytes);
    bytes
}

/// The definition back from `encode`'s bytes; `None` for bytes `encode` did not write.
pub fn decode(bytes: &[u8]) -> Option<Definition> {
    let mut reader = Reader { bytes, failed: false };
    let definition = Definition::read(&mut reader);
    (!reader.failed && reader.bytes.is_empty()).then_some(definition)
}

/// Reads values; bytes that cannot be what was written mark it `failed` and read as a stand-in
/// value (zero, empty, the first variant), so that reading needs no early return at every field
/// (which would cost the widget bytes) and `decode` refuses the whole definition at the end.
struct Reader<'a> {
    bytes: &'a [u8],
    failed: bool,
}

impl Reader<'_> {
    fn fail<T>(&mut self, stand_in: T) -> T {
        self.failed = true;
        self.bytes = &[];
        stand_in
    }

    fn byte(&mut self) -> u8 {
        match self.bytes.split_first() {
            Some((&first, rest)) => {
                self.bytes = rest;
                first
            }
            None => self.fail(0),
        }
    }

    fn take(&mut self, count: usize) -> &[u8] {
        let bytes = self.bytes;
        match bytes.get(..count) {
            Some(taken) => {
                self.bytes = &bytes[count..];
                taken
            }
            None => self.fail(&[]),
        }
    }

    fn unsigned(&mut self) -> u128 {
        let mut value = 0u128;
        for shift in (0..128).step_by(7) {
            let byte = self.byte();
            value |= u128::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return value;
            }
        }
        self.fail(0)
    }

    /// A tag byte below `count`.
    fn tag(&mut self, count: u8) -> u8 {
        let tag = self.byte();
        if tag < count {
            tag
        } else {
            self.fail(0)
        }
    }
}

fn write_unsigned(mut value: u128, out: &mut Vec<u8>) {
    loop {
        let low = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

trait Compact: Sized {
    fn write(&self, out: &mut Vec<u8>);
    fn read(input: &mut Reader<'_>) -> Self;
}

impl Compact for u32 {
    fn write(&self, out: &mut Vec<u8>) {
        write_unsigned(u128::from(*self), out);
    }
    fn read(input: &mut Reader<'_>) -> Self {
        let value = input.unsigned();
        u32::try_from(value).unwrap_or_else(|_| input.fail(0))
    }
}

impl Compact for usize {
    fn write(&self, out: &mut Vec<u8>) {
        write_unsigned(*self as u128, out);
    }
    fn read(input: &mut Reader<'_>) -> Self {
        let value = input.unsigned();
        usize::try_from(value).unwrap_or_else(|_| input.fail(0))
    }
}

impl Compact for i128 {
    /// Zigzag: small negative numbers stay short.
    fn write(&self, out: &mut Vec<u8>) {
        write_unsigned(((*self << 1) ^ (*self >> 127)) as u128, out);
    }
    fn read(input: &mut Reader<'_>) -> Self {
        let zigzag = input.unsigned();
        (zigzag >> 1) as i128 ^ -((zigzag & 1) as i128)
    }
}

impl Compact for bool {
    fn write(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn read(input: &mut Reader<'_>) -> Self {
        input.tag(2) == 1
    }
}

impl Compact for String {
    fn write(&self, out: &mut Vec<u8>) {
        self.len().write(out);
        out.extend_from_slice(self.as_bytes());
    }
    fn read(input: &mut Reader<'_>) -> Self {
        let length = usize::read(input);
        let bytes = input.take(length);
        match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => input.fail(String::new()),
        }
    }
}

impl<T: Compact> Compact for Option<T> {
    fn write(&self, out: &mut Vec<u8>) {
        self.is_some().write(out);
        if let Some(value) = self {
            value.write(out);
        }
    }
    fn read(input: &mut Reader<'_>) -> Self {
        bool::read(input).then(|| T::read(input))
    }
}

impl<T: Compact> Compact for Vec<T> {
    fn write(&self, out: &mut Vec<u8>) {
        self.len().write(out);
        for item in self {
            item.write(out);
        }
    }
    fn read(input: &mut Reader<'_>) -> Self {
        let length = usize::read(input);
        // Each item takes at least one byte, so a longer list cannot be what was written.
        if length > input.bytes.len() {
            return input.fail(Vec::new());
        }
        (0..length).map(|_| T::read(input)).collect()
    }
}

impl<T: Compact> Compact for Box<T> {
    fn write(&self, out: &mut Vec<u8>) {
        (**self).write(out);
    }
    fn read(input: &mut Reader<'_>) -> Self {
        Box::new(T::read(input))
    }
}

impl<A: Compact, B: Compact> Compact for (A, B) {
    fn write(&self, out: &mut Vec<u8>) {
        self.0.write(out);
        self.1.write(out);
    }
    fn read(input: &mut Reader<'_>) -> Self {
        (A::read(input), B::read(input))
    }
}

impl Compact for BTreeMap<String, usize> {
    /// As a list of pairs, the form `Vec<(String, usize)>` reads.
    fn write(&self, out: &mut Vec<u8>) {
        self.len().write(out);
        for (key, value) in self {
            key.write(out);
            value.write(out);
        }
    }
    fn read(input: &mut Reader<'_>) -> Self {
        // Inserted, not collected: see `set_of`.
        let mut map = BTreeMap::new();
        map.extend(Vec::<(String, usize)>::read(input));
        map
    }
}

/// Fieldless enums with an `ALL` list, written as their index in it.
macro_rules! compact_by_index {
    ($($name:ty),+) => {$(
        impl Compact for $name {
            fn write(&self, out: &mut Vec<u8>) {
                <$name>::ALL.iter().position(|value| value == self).unwrap_or(0).write(out);
            }
    fn read(input: &mut Reader<'_>) -> Self {
                let index = usize::read(input);
                <$name>::ALL.get(index).copied().unwrap_or_else(|| input.fail(<$name>::ALL[0]))
            }
        }
    )+};
}

compact_by_index!(SexEligibility, CriterionKind, Formula, DurationUnit, Quantity, Unit);

/// Ids, written as their text.
macro_rules! compact_id {
    ($($name:ident),+) => {$(
        impl Compact for $name {
            fn write(&self, out: &mut Vec<u8>) {
                self.as_str().to_owned().write(out);
            }
    fn read(input: &mut Reader<'_>) -> Self {
                $name::new(String::read(input))
            }
        }
    )+};
}

compact_id!(QuestionId, ChoiceId, CriterionId);

/// Structs, field by field. The pattern in `write` names every field, so a field added to the
/// model and not here does not compile.
macro_rules! compact_struct {
    ($name:ident { $($field:ident),+ $(,)? }) => {
        impl Compact for $name {
            fn write(&self, out: &mut Vec<u8>) {
                let $name { $($field),+ } = self;
                $($field.write(out);)+
            }
    fn read(input: &mut Reader<'_>) -> Self {
                $name { $($field: Compact::read(input)),+ }
            }
        }
    };
}

compact_struct!(Definition {
    languages,
    trial,
    questions,
    criteria,
    study_dates,
    derived,
    criterion_questions,
    part_questions,
    question_criteria,
    visibility_dependencies,
    visibility_dependents,
    question_ids,
});
compact_struct!(Trial {
    id,
    title,
    plain_title,
    sponsor,
    registry_id,
    condition,
    definition_version,
    definition_date,
    source,
    minimum_age_years,
    minimum_age_months,
    maximum_age_years,
    sex,
    contacts,
    notes,
});
compact_struct!(Contact { name, role, phone, email });
compact_struct!(Question { id, kind, text, caregiver_text, why, where_to_find, allow_unknown, visible_when });
compact_struct!(Choice { id, label, caregiver_label, score, exclusive });
compact_struct!(Criterion {
    id,
    kind,
    label,
    registry_text,
    registry_translation,
    summary,
    interpretation,
    ask_care_team,
    rule,
    parts,
});
compact_struct!(Part { label, registry_text, registry_translation, summary, interpretation, ask_care_team, rule });
compact_struct!(StudyDate { id, name, earliest_days, latest_days });
compact_struct!(Derived { id, name, formula, inputs });
compact_struct!(Worded { patient, caregiver });
compact_struct!(Duration { amount, unit });

impl Compact for Text {
    /// As a list of `(language, text)` pairs, the form `Vec<(String, String)>` reads.
    fn write(&self, out: &mut Vec<u8>) {
        let translations = self.translations();
        translations.len().write(out);
        for (language, text) in translations {
            language.write(out);
            text.write(out);
        }
    }
    fn read(input: &mut Reader<'_>) -> Self {
        Text::new(Vec::read(input))
    }
}

impl Compact for Exact {
    fn write(&self, out: &mut Vec<u8>) {
        let (numerator, denominator) = self.parts();
        numerator.write(out);
        denominator.write(out);
    }
    fn read(input: &mut Reader<'_>) -> Self {
        let (numerator, denominator) = (i128::read(input), i128::read(input));
        Exact::from_parts(numerator, denominator).unwrap_or_else(|| input.fail(Exact::from_integer(0)))
    }
}

/// Enums with data: a tag byte, then the variant's fields.
impl Compact for QuestionKind {
    fn write(&self, out: &mut Vec<u8>) {
        match self {
            QuestionKind::YesNo => out.push(0),
            QuestionKind::SingleChoice { choices } => {
                out.push(1);
                choices.write(out);
            }
            QuestionKind::MultipleChoice { choices } => {
                out.push(2);
                choices.write(out);
            }
            QuestionKind::Number { quantity, units, minimum, maximum } => {
                out.push(3);
                quantity.write(out);
                units.write(out);
                minimum.write(out);
                maximum.write(out);
            }
            QuestionKind::Age { minimum_years, maximum_years } => {
                out.push(4);
                minimum_years.write(out);
                maximum_years.write(out);
            }
            QuestionKind::AgainstUpperLimit { units } => {
                out.push(5);
                units.write(out);
            }
            QuestionKind::AgainstReferenceRange { units } => {
                out.push(6);
                units.write(out);
            }
            QuestionKind::Date => out.push(7),
        }
    }
    fn read(input: &mut Reader<'_>) -> Self {
        match input.tag(8) {
            0 => QuestionKind::YesNo,
            1 => QuestionKind::SingleChoice { choices: Compact::read(input) },
            2 => QuestionKind::MultipleChoice { choices: Compact::read(input) },
            3 => QuestionKind::Number {
                quantity: Compact::read(input),
                units: Compact::read(input),
                minimum: Compact::read(input),
                maximum: Compact::read(input),
            },
            4 => QuestionKind::Age { minimum_years: Compact::read(input), maximum_years: Compact::read(input) },
            5 => QuestionKind::AgainstUpperLimit { units: Compact::read(input) },
            6 => QuestionKind::AgainstReferenceRange { units: Compact::read(input) },
            _ => QuestionKind::Date,
        }
    }
}

impl Compact for Rule {
    fn write(&self, out: &mut Vec<u8>) {
        match self {
            Rule::Constant(value) => {
                out.push(0);
                value.write(out);
            }
            Rule::StudyTeamChecks => out.push(1),
            Rule::All(rules) => {
                out.push(2);
                rules.write(out);
            }
            Rule::Any(rules) => {
                out.push(3);
                rules.write(out);
            }
            Rule::Not(rule) => {
                out.push(4);
                rule.write(out);
            }
            Rule::Compare { question, test } => {
                out.push(5);
                question.write(out);
                test.write(out);
            }
            Rule::CompareDerived { derived, test } => {
                out.push(6);
                derived.write(out);
                test.write(out);
            }
        }
    }
    fn read(input: &mut Reader<'_>) -> Self {
        match input.tag(7) {
            0 => Rule::Constant(Compact::read(input)),
            1 => Rule::StudyTeamChecks,
            2 => Rule::All(Compact::read(input)),
            3 => Rule::Any(Compact::read(input)),
            4 => Rule::Not(Compact::read(input)),
            5 => Rule::Compare { question: Compact::read(input), test: Compact::read(input) },
            _ => Rule::CompareDerived { derived: Compact::read(input), test: Compact::read(input) },
        }
    }
}

impl Compact for Test {
    fn write(&self, out: &mut Vec<u8>) {
        match self {
            Test::Number { relation, limit } => {
                out.push(0);
                relation.write(out);
                limit.write(out);
            }
            Test::Between { minimum, maximum } => {
                out.push(1);
                minimum.write(out);
                maximum.write(out);
            }
            Test::YesNo(value) => {
                out.push(2);
                value.write(out);
            }
            Test::ChoiceIs(choice) => {
                out.push(3);
                choice.write(out);
            }
            Test::AnyOf(choices) => {
                out.push(4);
                choices.write(out);
            }
            Test::AllOf(choices) => {
                out.push(5);
                choices.write(out);
            }
            Test::Elapsed { anchor, relation, duration } => {
                out.push(6);
                anchor.write(out);
                relation.write(out);
                duration.write(out);
            }
            Test::ElapsedBetween { anchor, shortest, longest } => {
                out.push(7);
                anchor.write(out);
                shortest.write(out);
                longest.write(out);
            }
            Test::WithinRange => out.push(8),
            Test::TimesLimit { limit, relation, factor } => {
                out.push(9);
                limit.write(out);
                relation.write(out);
                factor.write(out);
            }
        }
    }
    fn read(input: &mut Reader<'_>) -> Self {
        match input.tag(10) {
            0 => Test::Number { relation: Compact::read(input), limit: Compact::read(input) },
            1 => Test::Between { minimum: Compact::read(input), maximum: Compact::read(input) },
            2 => Test::YesNo(Compact::read(input)),
            3 => Test::ChoiceIs(Compact::read(input)),
            4 => Test::AnyOf(Compact::read(input)),
            5 => Test::AllOf(Compact::read(input)),
            6 => Test::Elapsed {
                anchor: Compact::read(input),
                relation: Compact::read(input),
                duration: Compact::read(input),
            },
            7 => Test::ElapsedBetween {
                anchor: Compact::read(input),
                shortest: Compact::read(input),
                longest: Compact::read(input),
            },
            8 => Test::WithinRange,
            _ => Test::TimesLimit {
                limit: Compact::read(input),
                relation: Compact::read(input),
                factor: Compact::read(input),
            },
        }
    }
}

impl Compact for Anchor {
    fn write(&self, out: &mut Vec<u8>) {
        match self {
            Anchor::Today => out.push(0),
            Anchor::Study(index) => {
                out.push(1);
                index.write(out);
            }
        }
    }
    fn read(input: &mut Reader<'_>) -> Self {
        match input.tag(2) {
            0 => Anchor::Today,
            _ => Anchor::Study(usize::read(input)),
        }
    }
}

impl Compact for ReferenceLimit {
    fn write(&self, out: &mut Vec<u8>) {
        out.push(match self {
            ReferenceLimit::Lower => 0,
            ReferenceLimit::Upper => 1,
        });
    }
    fn read(input: &mut Reader<'_>) -> Self {
        match input.tag(2) {
            0 => ReferenceLimit::Lower,
            _ => ReferenceLimit::Upper,
        }
    }
}

impl Compact for Relation {
    fn write(&self, out: &mut Vec<u8>) {
        out.push(match self {
            Relation::Less => 0,
            Relation::LessOrEqual => 1,
            Relation::Equal => 2,
            Relation::GreaterOrEqual => 3,
            Relation::Greater => 4,
        });
    }
    fn read(input: &mut Reader<'_>) -> Self {
        match input.tag(5) {
            0 => Relation::Less,
            1 => Relation::LessOrEqual,
            2 => Relation::Equal,
            3 => Relation::GreaterOrEqual,
            _ => Relation::Greater,
        }
    }
}

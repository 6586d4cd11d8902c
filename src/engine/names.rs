//! Enums whose values are written as names in definition files, each with one name table.
//!
//! `named_enum!` declares the enum and its table together, so the name a file uses, the name an
//! error message lists and the name the CLI prints come from the same place, and `name()` is an
//! exhaustive `match`: adding a variant without a name does not compile.

/// Declares a fieldless enum with the names it is written as. The first name of a variant is its
/// canonical name; any further names (`|`) are accepted when reading and never written.
macro_rules! named_enum {
    (
        $(#[$meta:meta])*
        $visibility:vis enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident = $canonical:literal $(| $alias:literal)*),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        $visibility enum $name {
            $($(#[$variant_meta])* $variant),+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Every name that reads as a variant, canonical names first.
            const NAME_TABLE: &'static [(&'static str, $name)] =
                &[$(($canonical, $name::$variant),)+ $($(($alias, $name::$variant),)*)+];

            /// The name written in files and printed by the tools.
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $canonical),+
                }
            }

            /// Reads a name (or an accepted alias) as written in a file.
            pub fn parse(text: &str) -> Option<$name> {
                Self::NAME_TABLE.iter().find(|(name, _)| *name == text).map(|(_, value)| *value)
            }

            /// The canonical names as a list for messages: `a, b or c`.
            pub fn names_for_message() -> String {
                crate::engine::names::list_in_words(Self::ALL.iter().map(|value| value.name()))
            }
        }
    };
}

pub(crate) use named_enum;

/// `a, b or c` from `[a, b, c]`, for messages that list what a field accepts.
pub(crate) fn list_in_words<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<&str> = items.collect();
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    named_enum! {
        enum Example {
            First = "first",
            Second = "second" | "2nd",
        }
    }

    #[test]
    fn reads_names_and_aliases_and_writes_canonical_names() {
        assert_eq!(Example::parse("first"), Some(Example::First));
        assert_eq!(Example::parse("2nd"), Some(Example::Second));
        assert_eq!(Example::parse("third"), None);
        assert_eq!(Example::Second.name(), "second");
        assert_eq!(Example::names_for_message(), "first or second");
    }

    #[test]
    fn every_canonical_name_reads_back() {
        for value in Example::ALL {
            assert_eq!(Example::parse(value.name()), Some(*value));
        }
    }
}

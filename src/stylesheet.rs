//! The widget's stylesheets as they ship: joined in cascade order, without comments and without the
//! whitespace that only lays the source out. `build.rs` writes them so (the `.wasm` and the entry
//! points carry the same text); the source files in `styles/` keep their comments for the next
//! engineer. Compiled into the library only for its tests.

/// The widget's files in `styles/`, in the order they cascade. (`page.css` styles the demonstration
/// pages around the widget, not the widget.)
pub const FILES: [&str; 9] =
    ["tokens", "widget", "form", "choice", "button", "error-summary", "summary-list", "result", "print"];

/// The files the start page's markup is styled by: the entry points carry only these for the
/// start page they show while the widget loads (the widget adopts all of `FILES` when it takes over).
/// The end-to-end tests compare where every element of that page sits before and after.
pub const START_PAGE_FILES: [&str; 5] = ["tokens", "widget", "form", "choice", "button"];

/// Characters that need no space on either side of them in CSS: a space next to them only lays
/// the source out. (Not `:`, `(` or `)`: `a :focus` and `and (` mean something else without it.)
const TIGHT: &[char] = &['{', '}', ';', ',', '>'];

/// `css` without comments, with each run of whitespace as one space and none next to a `TIGHT`
/// character. Quoted strings are copied as written.
pub fn compact(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut previous = '\0';
                for c in chars.by_ref() {
                    if previous == '*' && c == '/' {
                        break;
                    }
                    previous = c;
                }
                // A comment separates tokens without being whitespace (`.a/**/.b` is `.a.b`, not
                // `.a .b`; `1em/**/serif` is not `1emserif`): with whitespace on neither side it
                // stays, emptied.
                let beside_space = space || chars.peek().is_some_and(|next| next.is_whitespace());
                if !beside_space {
                    out.push_str("/**/");
                }
            }
            c if c.is_whitespace() => space = true,
            c => {
                let after_tight = out.ends_with(TIGHT) || out.is_empty();
                if space && !after_tight && !TIGHT.contains(&c) {
                    out.push(' ');
                }
                space = false;
                out.push(c);
                if c == '"' || c == '\'' {
                    copy_string(c, &mut chars, &mut out);
                }
            }
        }
    }
    out
}

/// Copies a quoted string's rest, up to and with its closing quote, escapes included.
fn copy_string(quote: char, chars: &mut impl Iterator<Item = char>, out: &mut String) {
    while let Some(c) = chars.next() {
        out.push(c);
        match c {
            '\\' => out.extend(chars.next()),
            c if c == quote => return,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{compact, FILES, START_PAGE_FILES};

    #[test]
    fn every_stylesheet_of_the_widget_is_listed() {
        let mut found: Vec<String> = std::fs::read_dir("styles")
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|entry| entry.file_name().to_str()?.strip_suffix(".css").map(str::to_owned))
            .filter(|name| name != "page")
            .collect();
        found.sort();
        let mut listed = FILES.map(str::to_owned).to_vec();
        listed.sort();
        assert_eq!(found, listed, "a stylesheet in styles/ that build.rs would leave out, or one listed that is gone");
    }

    #[test]
    fn the_start_page_files_are_widget_files_in_cascade_order() {
        let places: Vec<Option<usize>> =
            START_PAGE_FILES.iter().map(|name| FILES.iter().position(|file| file == name)).collect();
        assert!(places.iter().all(Option::is_some), "{places:?}");
        assert!(places.windows(2).all(|pair| pair[0] < pair[1]), "{places:?}");
    }

    #[test]
    fn comments_and_layout_whitespace_go() {
        let css =
            "/* tokens */\n:host {\n  --a: 1px; /* why */\n  color: red;\n}\n\n.a,\n.b > .c {\n  margin: 0 auto;\n}\n";
        assert_eq!(compact(css), ":host{--a: 1px;color: red;}.a,.b>.c{margin: 0 auto;}");
    }

    #[test]
    fn spaces_that_mean_something_stay() {
        // A descendant combinator, `and (` in a media query, calc's operators, a pseudo-class on a
        // descendant.
        let css = ".a .b{width:calc(100% - 2px)}@media print and (min-width: 1em){.a :focus{x:1}}";
        assert_eq!(compact(css), css);
    }

    #[test]
    fn a_comment_is_not_whitespace() {
        // Between two tokens with no whitespace it stays (emptied): without it `.a.b` would
        // become a descendant selector or `1em serif` one token. Beside whitespace it goes.
        assert_eq!(compact(".a/* x */.b{font:1em/*x*/serif}"), ".a/**/.b{font:1em/**/serif}");
        assert_eq!(compact(".a /* x */.b{x:1}.c/* x */ .d{x:1}"), ".a .b{x:1}.c .d{x:1}");
    }

    #[test]
    fn quoted_strings_are_copied_as_written() {
        let css = ".a::before{content: \"‹  /* not a comment */ \"}\n.b{font-family: \"Segoe  UI\", 'it\\'s  , ok'}";
        assert_eq!(
            compact(css),
            ".a::before{content: \"‹  /* not a comment */ \"}.b{font-family: \"Segoe  UI\",'it\\'s  , ok'}"
        );
    }
}

//! Prints, as JSON, what `scripts/package-dist.mjs` writes into the widget's entry points so they
//! can show the start page before the WebAssembly is ready (`prescreen::ui::prerender`): each
//! language's page, the widget's languages as a browser preference finds them, and the part of its
//! stylesheet that page needs.

use prescreen::ui::prerender::start_pages;
use serde_json::json;

fn main() {
    let pages = match start_pages() {
        Ok(pages) => pages,
        Err(problem) => {
            eprintln!("prerender: {problem}");
            std::process::exit(1);
        }
    };
    let output = json!({
        // Every language the widget speaks, in its order, as `messages::for_browser_preference`
        // matches a browser preference: the entry point picks the language as the widget would.
        "languages": prescreen::messages::LANGUAGES.iter().map(|messages| json!({
            "language": messages.language,
            "browserLanguages": messages.browser_languages,
        })).collect::<Vec<_>>(),
        "pages": pages.iter().map(|page| (page.language.to_owned(), json!({ "html": page.html, "loading": page.loading })))
            .collect::<serde_json::Map<_, _>>(),
        "css": prescreen::ui::prerender::START_CSS,
    });
    println!("{output}");
}

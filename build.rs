//! Three things the widget's build needs.
//!
//! **The compiled-in seed trial.** The build loads `SEED_DEFINITION` (`src/engine/load/mod.rs`)
//! with the engine's checking loader and writes it in the compact form the widget reads
//! (`engine::compact`): a problem in the file fails the build with every problem listed, and the
//! patient's first screen skips JSON parsing and checking. The engine is pure (no IO, no browser
//! imports; `tests/engine_is_pure.rs`), so the build script compiles the same source natively.
//!
//! **The widget's stylesheet.** The files in `styles/`, joined in cascade order and without their
//! comments and layout whitespace (`src/stylesheet.rs`), which the widget adopts in each shadow root;
//! and the part of it the start page needs, which the entry points carry for the start page they
//! show while the widget loads.
//!
//! **Link settings for the WebAssembly builds.** A wasm32 binary's linear memory starts with its
//! stack, 1 MiB by default, and never shrinks: most of the widget's Wasm memory was an idle stack.
//! Recursion in the widget is bounded by a definition's rule nesting, which the format caps at 32
//! levels (`limits::RULE_DEPTH`; JSON parsing itself stops at 128 levels of any kind); what could
//! grow with the file's length, such as following a chain of visibility conditions, is done with
//! explicit stacks. `deepest_rule_nesting_fits_the_stack` in tests/widget.rs gives the widget a
//! definition nested to that cap by URL, as a host would, and answers a question, in the release
//! profile that ships. Measured when the cap was JSON's 123 levels: that needed more than 64 KiB
//! and fitted in 128 KiB, so 256 KiB leaves more than twice what the format's cap can need. (The
//! unoptimised debug build needs more, which is why the component tests run with --release.) The
//! stack sits below the data, so an overflow traps instead of overwriting anything.

// Linted as part of the library; here it is a private module, so the lints that spare a public
// API's names (and the items the build script does not use) are off.
#[path = "src/engine/mod.rs"]
#[allow(dead_code, unused_imports, clippy::wrong_self_convention)]
mod engine;
#[path = "src/stylesheet.rs"]
mod stylesheet;

use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=trials");
    println!("cargo::rerun-if-changed=src/engine");
    println!("cargo::rerun-if-changed=src/stylesheet.rs");
    println!("cargo::rerun-if-changed=styles");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg=-zstack-size=262144");
    }
    let definition = match engine::Definition::load(engine::SEED_DEFINITION) {
        Ok(definition) => definition,
        Err(error) => {
            eprintln!("the compiled-in seed trial (SEED_DEFINITION in src/engine/load/mod.rs): {error}");
            std::process::exit(1);
        }
    };
    let Some(out_dir) = std::env::var_os("OUT_DIR") else {
        eprintln!("cargo did not set OUT_DIR");
        std::process::exit(1);
    };
    write(&Path::new(&out_dir).join("seed.compact"), &engine::compact::encode(&definition));
    write(&Path::new(&out_dir).join("widget.css"), stylesheet_of(&stylesheet::FILES).as_bytes());
    write(&Path::new(&out_dir).join("start.css"), stylesheet_of(&stylesheet::START_PAGE_FILES).as_bytes());
}

/// The files in `styles/` named, joined in order and compacted.
fn stylesheet_of(names: &[&str]) -> String {
    let mut css = String::new();
    for name in names {
        let path = format!("styles/{name}.css");
        match std::fs::read_to_string(&path) {
            Ok(text) => css.push_str(&text),
            Err(error) => {
                eprintln!("{path}: {error}");
                std::process::exit(1);
            }
        }
    }
    stylesheet::compact(&css)
}

fn write(target: &Path, bytes: &[u8]) {
    if let Err(error) = std::fs::write(target, bytes) {
        eprintln!("{}: {error}", target.display());
        std::process::exit(1);
    }
}

//! The engine must not touch the browser or do IO. The native build already proves the first half
//! (yew, web-sys, gloo and wasm-bindgen are optional and off here, so an import would not compile);
//! this test makes the rule explicit and also catches IO through the standard library.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on broken fixtures.

use std::path::Path;

const FORBIDDEN: [&str; 12] = [
    "yew",
    "web_sys",
    "gloo",
    "wasm_bindgen",
    "js_sys",
    "std::fs",
    "std::net",
    "std::io",
    "std::process",
    "std::env",
    "std::time",
    "std::thread",
];

#[test]
fn engine_modules_import_no_browser_crate_and_do_no_io() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine");
    let mut offences = Vec::new();
    let mut files = 0;
    for entry in std::fs::read_dir(&folder).expect("src/engine exists").flatten() {
        let path = entry.path();
        let source = std::fs::read_to_string(&path).expect("readable");
        files += 1;
        for (number, line) in source.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for name in FORBIDDEN {
                let used = code
                    .split(|character: char| !(character.is_alphanumeric() || character == '_' || character == ':'))
                    .any(|word| word == name || word.starts_with(&format!("{name}::")));
                if used {
                    offences.push(format!("{}:{}: {name}: {}", path.display(), number + 1, line.trim()));
                }
            }
        }
    }
    assert!(files >= 9, "expected the engine's modules, read {files}");
    assert!(offences.is_empty(), "the engine must stay pure:\n{}", offences.join("\n"));
}

#[test]
fn the_check_itself_catches_an_import() {
    let line = "use web_sys::Document;";
    let code = line.split("//").next().unwrap_or_default();
    let caught = code
        .split(|character: char| !(character.is_alphanumeric() || character == '_' || character == ':'))
        .any(|word| word.starts_with("web_sys::"));
    assert!(caught);
}

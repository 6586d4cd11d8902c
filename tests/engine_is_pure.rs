//! The engine must not touch the browser or do IO. The native build already proves the first half
//! (yew, web-sys, gloo and wasm-bindgen are optional and off here, so an import would not compile);
//! this test makes the rule explicit and also catches IO through the standard library.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on broken fixtures.

use std::path::{Path, PathBuf};

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

/// Every `.rs` file under `folder`, subfolders included, in a stable order.
fn rust_files(folder: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![folder.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("readable folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

#[test]
fn engine_modules_import_no_browser_crate_and_do_no_io() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine");
    let mut offences = Vec::new();
    let mut files = 0;
    for path in rust_files(&folder) {
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
fn subfolders_are_read() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine");
    let files = rust_files(&folder);
    assert!(files.iter().any(|path| path.ends_with("load/rules.rs")), "{files:?}");
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

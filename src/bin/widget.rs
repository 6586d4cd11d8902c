//! The widget's entry point for the browser build (Trunk builds this binary for wasm32).

fn main() {
    prescreen::ui::start();
}

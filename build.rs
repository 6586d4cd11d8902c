//! Link settings for the WebAssembly builds.
//!
//! A wasm32 binary's linear memory starts with its stack, 1 MiB by default, and never shrinks:
//! most of the widget's Wasm memory was an idle stack. The deepest recursion is a definition's
//! rule nesting, which JSON parsing caps at 122 levels here; `deepest_rule_nesting_fits_the_stack`
//! in tests/widget.rs loads such a definition in the browser, in the release profile that ships.
//! Measured: it needs more than 64 KiB and fits in 128 KiB, so 256 KiB leaves twice that. (The
//! unoptimised debug build needs between 512 KiB and 1 MiB, which is why the component tests run
//! with --release.) The stack sits below the data, so an overflow traps instead of overwriting
//! anything.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg=-zstack-size=262144");
    }
}

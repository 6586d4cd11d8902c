//! Link settings for the WebAssembly builds.
//!
//! A wasm32 binary's linear memory starts with its stack, 1 MiB by default, and never shrinks:
//! most of the widget's Wasm memory was an idle stack. Recursion in the widget is bounded by a
//! definition's rule nesting, which the format caps at 32 levels (`limits::RULE_DEPTH`; JSON
//! parsing itself stops at 128 levels of any kind); what could grow with the file's length, such
//! as following a chain of visibility conditions, is done with explicit stacks.
//! `deepest_rule_nesting_fits_the_stack` in tests/widget.rs gives the widget a definition nested to
//! that cap by URL, as a host would, and answers a question, in the release profile that ships.
//! Measured when the cap was JSON's 123 levels: that needed more than 64 KiB and fitted in 128 KiB,
//! so 256 KiB leaves more than twice what the format's cap can need. (The unoptimised debug build
//! needs more, which is why the component tests run with --release.) The stack sits below the
//! data, so an overflow traps instead of overwriting anything.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg=-zstack-size=262144");
    }
}

//! Benchmark (not a test): loading the hostile chain definition (issue 12) at 2,000, 4,000 and 6,000
//! questions, each shown only after the one before, with as many criteria reading the last one.
//! Prints the file size and the median load time of three runs. The standard limits (1,000
//! questions, 1 MiB) refuse these files at once, so the benchmark lifts them to measure the loader.
//!
//!     cargo run --release --example hostile_chain

#[path = "../benches/support/chain.rs"]
mod chain;

use prescreen::engine::{Definition, Limits};
use std::time::{Duration, Instant};

fn main() {
    // The standard limits refuse these files at once; the benchmark measures the loader itself.
    let beyond_the_limits = Limits { definition_bytes: usize::MAX, questions: usize::MAX, criteria: usize::MAX };
    println!("| questions = criteria | file bytes | load (median of 3) | loaded |");
    println!("|---:|---:|---:|---|");
    for length in [2_000, 4_000, 6_000] {
        let file = chain::chain(length);
        let mut samples: Vec<Duration> = Vec::new();
        let mut loaded = String::new();
        for _ in 0..3 {
            let start = Instant::now();
            let result = Definition::load_within(&file, beyond_the_limits);
            samples.push(start.elapsed());
            loaded = match result {
                Ok(_) => "ok".to_owned(),
                Err(error) => format!("{} problems", error.problems().len()),
            };
        }
        samples.sort();
        println!("| {length} | {} | {:.3} s | {loaded} |", file.len(), samples[1].as_secs_f64());
    }
}

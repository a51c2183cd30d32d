//! The timing harness the benchmarks share: warm-up, many timed calls,
//! median and 95th percentile, on `std::time::Instant` (no dependency).

// Each benchmark uses a part of it.
#![allow(dead_code)]

use std::time::{Duration, Instant};

/// Median and 95th percentile of a set of timings.
pub struct Stats {
    /// Median.
    pub median: Duration,
    /// 95th percentile.
    pub p95: Duration,
    /// Number of timed calls.
    pub runs: usize,
}

/// Median and 95th percentile of `t`.
pub fn stats(mut t: Vec<Duration>) -> Stats {
    t.sort();
    let at = |q: f64| t[((t.len() - 1) as f64 * q).round() as usize];
    Stats {
        median: at(0.5),
        p95: at(0.95),
        runs: t.len(),
    }
}

/// Times `f` once per iteration after `warmup` untimed calls.
pub fn measure(warmup: usize, iterations: usize, mut f: impl FnMut()) -> Stats {
    for _ in 0..warmup {
        f();
    }
    let mut times = Vec::with_capacity(iterations);
    for _ in 0..iterations {
        let start = Instant::now();
        f();
        times.push(start.elapsed());
    }
    stats(times)
}

/// A duration with a unit that suits it.
pub fn show(d: Duration) -> String {
    let ns = d.as_nanos() as f64;
    if ns < 1e3 {
        format!("{ns:.0} ns")
    } else if ns < 1e6 {
        format!("{:.1} µs", ns / 1e3)
    } else if ns < 1e9 {
        format!("{:.1} ms", ns / 1e6)
    } else {
        format!("{:.2} s", ns / 1e9)
    }
}

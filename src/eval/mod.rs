//! Evaluation: a pure, deterministic function from an assessment and a set of
//! rule packs to outcomes, gaps, scores, verdicts and five-haves readiness.
//! No clock inside: the as-of date is an input.

mod engine;
mod progress;
mod types;

pub use engine::{MetricSource, band_index, evaluate, evaluate_with};
pub use progress::blockers;
pub use types::*;

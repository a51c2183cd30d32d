//! Renderers of an [`crate::eval::Evaluation`]: text for the terminal, the
//! JSON contract, and the shared number/gap formatting that every view uses.

pub mod data;
pub mod format;
pub mod json;
pub mod text;

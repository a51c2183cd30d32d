//! innocheck: an offline readiness check for enterprise technology centers
//! (企业技术中心: municipal, Jiangxi provincial, national) and the quality-SME
//! ladder (创新型 → 专精特新 → 小巨人).
//!
//! One path for data: load → [`model::Assessment`] → [`metrics`] →
//! [`eval::evaluate`] with dated [`rules`] packs → view / report. The core
//! modules never depend on a GUI crate.

pub mod cli;
pub mod clock;
pub mod eval;
pub mod font;
#[cfg(feature = "gui")]
pub mod gui;
pub mod i18n;
pub mod metrics;
pub mod model;
pub mod report;
pub mod rules;
pub mod storage;

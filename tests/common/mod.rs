//! Helpers shared by the report tests: a bundled sample, evaluated against the
//! bundled packs in force on 2025-06-30 (the samples' as-of date).

// Each test crate uses a part of these.
#![allow(dead_code)]

pub mod attach;

use chrono::NaiveDate;
use innocheck::eval::evaluate;
use innocheck::i18n::Lang;
use innocheck::model::Assessment;
use innocheck::report::data::{ReportData, build};
use innocheck::rules::Registry;
use innocheck::storage;

/// The text of the bundled sample `name`.
pub fn sample_text(name: &str) -> &'static str {
    storage::SAMPLES
        .iter()
        .find(|(n, _)| *n == name)
        .map_or_else(|| panic!("no bundled sample {name}"), |(_, t)| *t)
}

/// The summary of `a` (whose file text is `text`), in `lang`.
pub fn report_of(text: &str, a: &Assessment, lang: Lang) -> ReportData {
    let reg = Registry::bundled().expect("packs");
    let as_of = NaiveDate::from_ymd_opt(2025, 6, 30).expect("date");
    let ev = evaluate(a, &reg.in_force(as_of), as_of);
    build(text.as_bytes(), a, &ev, lang)
}

/// The bundled sample `name` and its summary in `lang`.
pub fn sample_with_assessment(name: &str, lang: Lang) -> (Assessment, ReportData) {
    let text = sample_text(name);
    let a = storage::load_bytes(text.as_bytes(), name)
        .expect("loads")
        .assessment;
    let r = report_of(text, &a, lang);
    (a, r)
}

/// The summary of the bundled sample `name` in `lang`.
pub fn sample(name: &str, lang: Lang) -> ReportData {
    sample_with_assessment(name, lang).1
}

/// A pack with one tier holding one criterion (and an optional score table),
/// to probe a single test or band table of a bundled pack.
pub fn one_tier_pack(
    score: Option<innocheck::rules::ScoreSpec>,
    c: innocheck::rules::Criterion,
) -> innocheck::rules::Pack {
    use innocheck::rules::{Confidence, Pack, Programme, Text, Tier};
    let text = |s: &str| Text::new(s, s);
    Pack {
        schema: 1,
        id: "probe".into(),
        revision: 1,
        title: text("probe"),
        programme: Programme::TechCenter,
        document: "probe".into(),
        issuer: text("probe"),
        effective_from: NaiveDate::from_ymd_opt(2000, 1, 1).expect("date"),
        effective_to: None,
        confidence: Confidence::V,
        partial: false,
        notes: Vec::new(),
        common: Vec::new(),
        benchmarks: Vec::new(),
        tiers: vec![Tier {
            id: "probe.t".into(),
            title: text("probe"),
            level: 1,
            ladder: text("probe"),
            grants: None,
            applies: None,
            track: None,
            score,
            pass: None,
            criteria: vec![c],
        }],
    }
}

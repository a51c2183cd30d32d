//! Every colour and spacing token of the window. No other GUI file holds a
//! colour literal.

use eframe::egui::{Color32, Visuals};

use crate::eval::{Outcome, Verdict};
use crate::rules::Confidence;

/// Space between sections.
pub const SECTION_GAP: f32 = 12.0;
/// Width of the label column of forms.
pub const LABEL_WIDTH: f32 = 230.0;
/// Width of numeric inputs.
pub const NUMBER_WIDTH: f32 = 110.0;
/// Width of the wizard panel.
pub const WIZARD_WIDTH: f32 = 190.0;
/// Width of the live-results panel.
pub const SUMMARY_WIDTH: f32 = 300.0;

/// Met / eligible.
pub const GOOD: Color32 = Color32::from_rgb(0x2e, 0x7d, 0x32);
/// Not met / not eligible.
pub const BAD: Color32 = Color32::from_rgb(0xc6, 0x28, 0x28);
/// Missing data / incomplete.
pub const MISSING: Color32 = Color32::from_rgb(0xb2, 0x6a, 0x00);
/// Needs review (qualitative).
pub const REVIEW: Color32 = Color32::from_rgb(0x1f, 0x5f, 0xa8);
/// Not applicable, secondary text.
pub const MUTED: Color32 = Color32::from_rgb(0x75, 0x75, 0x75);
/// Input error text.
pub const ERROR_TEXT: Color32 = BAD;
/// Input warning text.
pub const WARNING_TEXT: Color32 = MISSING;
/// Accent (selected step, chart target series).
pub const ACCENT: Color32 = Color32::from_rgb(0x1f, 0x5f, 0xa8);
/// Reference lines in charts (thresholds, benchmarks).
pub const REFERENCE: Color32 = Color32::from_rgb(0x9e, 0x9e, 0x9e);
/// Text on badges.
pub const BADGE_TEXT: Color32 = Color32::WHITE;
/// Card background tint.
pub const CARD_FILL: Color32 = Color32::from_rgb(0xf6, 0xf7, 0xf9);
/// Chart series, in order.
pub const SERIES: [Color32; 4] = [
    Color32::from_rgb(0x1f, 0x5f, 0xa8),
    Color32::from_rgb(0xc6, 0x28, 0x28),
    Color32::from_rgb(0x2e, 0x7d, 0x32),
    Color32::from_rgb(0x8e, 0x24, 0xaa),
];

/// Colour of an outcome.
#[must_use]
pub fn outcome(o: Outcome) -> Color32 {
    match o {
        Outcome::Met => GOOD,
        Outcome::NotMet => BAD,
        Outcome::Missing => MISSING,
        Outcome::Review => REVIEW,
        Outcome::NA => MUTED,
    }
}

/// Colour of a verdict.
#[must_use]
pub fn verdict(v: Verdict) -> Color32 {
    match v {
        Verdict::Eligible => GOOD,
        Verdict::NotEligible => BAD,
        Verdict::Incomplete => MISSING,
    }
}

/// Colour of a confidence badge.
#[must_use]
pub fn confidence(c: Confidence) -> Color32 {
    match c {
        Confidence::V => Color32::from_rgb(0x2e, 0x7d, 0x32),
        Confidence::V1 => Color32::from_rgb(0x00, 0x79, 0x6b),
        Confidence::P => Color32::from_rgb(0xe6, 0x51, 0x00),
        Confidence::Q => Color32::from_rgb(0x6a, 0x1b, 0x9a),
    }
}

/// The window's visuals: light, readable in print-like contrast.
#[must_use]
pub fn visuals() -> Visuals {
    Visuals::light()
}

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

/// Translucent fill of the five-haves radar polygon.
pub const CHART_FILL: Color32 = Color32::from_rgba_unmultiplied_const(0x1f, 0x5f, 0xa8, 0x48);
/// Rings and spokes of the radar.
pub const CHART_GRID: Color32 = Color32::from_rgb(0xc5, 0xca, 0xd3);
/// The empty track behind a bar (a block's maximum).
pub const CHART_TRACK: Color32 = Color32::from_rgb(0xe1, 0xe5, 0xea);
/// Points still reachable once missing inputs are filled in.
pub const CHART_POTENTIAL: Color32 = Color32::from_rgba_unmultiplied_const(0xb2, 0x6a, 0x00, 0x70);
/// Marker lines drawn over bars (a block's sub-minimum).
pub const CHART_MARKER: Color32 = Color32::from_rgb(0x26, 0x32, 0x38);
/// Outline of the ladder step the company has reached.
pub const LADDER_REACHED: Color32 = Color32::from_rgb(0x26, 0x32, 0x38);
/// Border of cards.
pub const CARD_STROKE: Color32 = Color32::from_rgb(0xdc, 0xe0, 0xe6);
/// Height of the radar chart.
pub const RADAR_HEIGHT: f32 = 250.0;
/// Height of the trend chart.
pub const TREND_HEIGHT: f32 = 230.0;
/// Height of one block row of the score chart.
pub const SCORE_ROW_HEIGHT: f32 = 34.0;
/// Inner margin of cards.
pub const CARD_MARGIN: i8 = 10;

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
        Verdict::NotApplicable => MUTED,
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

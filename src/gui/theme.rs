//! Every colour and spacing token of the window. No other GUI file holds a
//! colour literal.

use eframe::egui::{Color32, FontId, Style, TextStyle, Visuals};

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
/// Missing data / incomplete (dark enough for text on white: WCAG AA).
pub const MISSING: Color32 = Color32::from_rgb(0x9a, 0x5b, 0x00);
/// Needs review (qualitative).
pub const REVIEW: Color32 = Color32::from_rgb(0x1f, 0x5f, 0xa8);
/// Not applicable, secondary text (help, notes): AA contrast on every
/// background of the window, cards and striped rows included.
pub const MUTED: Color32 = Color32::from_rgb(0x5f, 0x63, 0x68);
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

/// Colours of the files compared side by side, in order (distinct for the
/// common kinds of colour blindness as far as six allow).
pub const COMPARE_SERIES: [Color32; 6] = [
    Color32::from_rgb(0x1f, 0x5f, 0xa8),
    Color32::from_rgb(0xd9, 0x5f, 0x02),
    Color32::from_rgb(0x1b, 0x9e, 0x77),
    Color32::from_rgb(0x7b, 0x32, 0x94),
    Color32::from_rgb(0xa6, 0x76, 0x1d),
    Color32::from_rgb(0x66, 0x66, 0x66),
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
        Confidence::P => Color32::from_rgb(0xbf, 0x40, 0x00),
        Confidence::Q => Color32::from_rgb(0x6a, 0x1b, 0x9a),
    }
}

/// Body text size (egui's default).
pub const BODY_SIZE: f32 = 12.5;
/// Small text (help, notes, badges, issues): one step below the body, never
/// egui's 9 px.
pub const SMALL_SIZE: f32 = 11.5;

/// The window's visuals: light, readable in print-like contrast.
#[must_use]
pub fn visuals() -> Visuals {
    Visuals::light()
}

/// Text sizes of the window: small text one step below the body.
pub fn text_styles(style: &mut Style) {
    style
        .text_styles
        .insert(TextStyle::Small, FontId::proportional(SMALL_SIZE));
    style
        .text_styles
        .insert(TextStyle::Body, FontId::proportional(BODY_SIZE));
}

/// WCAG 2 contrast ratio of two opaque colours (1 to 21).
#[must_use]
pub fn contrast(a: Color32, b: Color32) -> f32 {
    fn channel(c: u8) -> f32 {
        let c = f32::from(c) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }
    fn luminance(c: Color32) -> f32 {
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG AA for normal text.
    const AA: f32 = 4.5;

    #[test]
    fn text_colours_pass_wcag_aa_on_every_background() {
        let v = visuals();
        // Striped rows: egui's light theme adds `faint_bg_color` (alpha 0:
        // additive) to the panel.
        let f = v.faint_bg_color;
        let stripe = if f.a() == 0 {
            let p = v.panel_fill;
            Color32::from_rgb(
                p.r().saturating_add(f.r()),
                p.g().saturating_add(f.g()),
                p.b().saturating_add(f.b()),
            )
        } else {
            f
        };
        let backgrounds = [
            ("white", Color32::WHITE),
            ("panel", v.panel_fill),
            ("window", v.window_fill),
            ("stripe", stripe),
            ("card", CARD_FILL),
        ];
        let texts = [
            ("GOOD", GOOD),
            ("BAD", BAD),
            ("MISSING", MISSING),
            ("REVIEW", REVIEW),
            ("MUTED", MUTED),
            ("ACCENT", ACCENT),
            ("text", v.text_color()),
        ];
        for (tn, t) in texts {
            for (bn, b) in backgrounds {
                let c = contrast(t, b);
                assert!(c >= AA, "{tn} on {bn}: {c:.2} < {AA}");
            }
        }
    }

    #[test]
    fn badge_text_passes_wcag_aa_on_every_badge() {
        let mut fills: Vec<(String, Color32)> = Vec::new();
        for o in [
            Outcome::Met,
            Outcome::NotMet,
            Outcome::Missing,
            Outcome::Review,
            Outcome::NA,
        ] {
            fills.push((format!("{o:?}"), outcome(o)));
        }
        for v in [
            Verdict::Eligible,
            Verdict::NotEligible,
            Verdict::Incomplete,
            Verdict::NotApplicable,
        ] {
            fills.push((format!("{v:?}"), verdict(v)));
        }
        for c in [Confidence::V, Confidence::V1, Confidence::P, Confidence::Q] {
            fills.push((format!("{c:?}"), confidence(c)));
        }
        for (name, fill) in fills {
            let c = contrast(BADGE_TEXT, fill);
            assert!(c >= AA, "badge {name}: {c:.2} < {AA}");
        }
    }

    #[test]
    fn small_text_is_one_step_below_the_body() {
        let mut style = Style::default();
        text_styles(&mut style);
        let size = |s: TextStyle| style.text_styles[&s].size;
        assert!(size(TextStyle::Small) >= size(TextStyle::Body) - 1.0);
        assert!(size(TextStyle::Small) >= 11.0);
    }
}

//! The review beside the file, on the results page: whether the answers
//! changed after it, and every note with its status, reviewer and date.

use eframe::egui::{self, Label, RichText, Ui};

use crate::gui::theme;
use crate::i18n::{Lang, words};
use crate::report::review::ReviewView;
use crate::storage::review::Status;

/// The colour of a review status.
fn status_color(s: Status) -> egui::Color32 {
    match s {
        Status::Confirmed => theme::GOOD,
        Status::Doubtful => theme::MISSING,
        Status::MissingEvidence => theme::BAD,
    }
}

/// A card with the review's notes.
pub fn card(ui: &mut Ui, lang: Lang, v: &ReviewView) {
    egui::Frame::new()
        .fill(theme::CARD_FILL)
        .stroke(egui::Stroke::new(1.0, theme::CARD_STROKE))
        .inner_margin(theme::CARD_MARGIN)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(lang.t(words::REVIEW_HEADING)).strong());
            ui.label(RichText::new(&v.file).small().color(theme::MUTED));
            if v.answers_changed {
                let names: Vec<&str> = v.changed_fields.iter().map(|f| f.name.as_str()).collect();
                ui.add(
                    Label::new(
                        RichText::new(format!(
                            "{}{}",
                            lang.t(words::REVIEW_CHANGED)
                                .replace("{n}", &v.changed_fields.len().to_string()),
                            names.join(lang.t(words::SEMICOLON))
                        ))
                        .strong()
                        .color(theme::BAD),
                    )
                    .wrap(),
                );
            } else {
                ui.label(RichText::new(lang.t(words::REVIEW_CURRENT)).color(theme::MUTED));
            }
            if v.notes.is_empty() {
                ui.label(RichText::new(lang.t(words::REVIEW_NO_NOTES)).color(theme::MUTED));
            }
            for n in &v.notes {
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(format!("[{}]", n.status_words))
                            .strong()
                            .color(status_color(n.status)),
                    );
                    ui.add(Label::new(&n.target.name).wrap());
                    let who = if n.reviewer.trim().is_empty() {
                        n.date.clone()
                    } else {
                        format!("{}{}{}", n.reviewer, lang.t(words::COMMA), n.date)
                    };
                    ui.label(RichText::new(who).small().color(theme::MUTED));
                });
                if !n.text.is_empty() {
                    ui.indent(("note", &n.target.id, &n.date), |ui| {
                        ui.add(Label::new(&n.text).wrap());
                    });
                }
            }
        });
}

//! The review beside the file, on the results page: whether the answers
//! changed after it, and every note with its status, reviewer and date.

use chrono::Datelike as _;
use eframe::egui::{self, Label, RichText, Ui};

use super::PageCtx;
use crate::eval::Evaluation;
use crate::gui::action::Action;
use crate::gui::theme;
use crate::i18n::fields::field_name_of_id;
use crate::i18n::{Lang, common, words};
use crate::model::FISCAL_FIELDS;
use crate::report::review::{ReviewView, status_words};
use crate::storage::review::{Note, Status, Target};

/// A note being written (kept in egui's memory between frames).
#[derive(Debug, Clone, Default)]
struct Draft {
    /// Index into the list of targets.
    target: usize,
    status: Option<Status>,
    text: String,
    reviewer: String,
}

/// What a note can be about: every criterion evaluated, then the per-year
/// inputs of the three columns; each with its name in words.
fn targets(ev: &Evaluation, lang: Lang) -> Vec<(Target, String)> {
    let mut out = Vec::new();
    for t in &ev.tiers {
        for c in &t.criteria {
            out.push((
                Target::Criterion(c.id.to_string()),
                format!(
                    "{}{}{}",
                    t.title.get(lang),
                    lang.t(words::COLON_SPACED),
                    c.title.get(lang)
                ),
            ));
        }
    }
    for back in 1..=3 {
        let year = ev.as_of.year() - back;
        for f in FISCAL_FIELDS {
            let id = f.id(year);
            let name = field_name_of_id(&id, lang);
            out.push((Target::Field(id), name));
        }
    }
    out
}

/// The colour of a review status.
fn status_color(s: Status) -> egui::Color32 {
    match s {
        Status::Confirmed => theme::GOOD,
        Status::Doubtful => theme::MISSING,
        Status::MissingEvidence => theme::BAD,
    }
}

/// The review card: the notes, and in review mode a form to add one.
pub fn card(ui: &mut Ui, ctx: &mut PageCtx, ev: &Evaluation) {
    let lang = ctx.env.lang;
    if let Some(v) = ctx.review {
        notes(ui, lang, v);
    }
    if ctx.reviewing {
        ui.add_space(theme::SECTION_GAP / 2.0);
        add_form(ui, ctx, ev);
    }
}

/// The form that adds a note (review mode).
fn add_form(ui: &mut Ui, ctx: &mut PageCtx, ev: &Evaluation) {
    let lang = ctx.env.lang;
    let id = ui.make_persistent_id("review-draft");
    let mut draft: Draft = ui.data_mut(|d| d.get_temp(id)).unwrap_or_default();
    let list = targets(ev, lang);
    ui.label(RichText::new(lang.t(common::ADD_REVIEW_NOTE)).strong());
    egui::Grid::new("review-form")
        .num_columns(2)
        .show(ui, |ui| {
            let about = ui.label(lang.t(common::REVIEW_ABOUT));
            let shown = list.get(draft.target).map_or("", |(_, n)| n.as_str());
            egui::ComboBox::from_id_salt("review-target")
                .width(ui.available_width().min(640.0))
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for (i, (_, name)) in list.iter().enumerate() {
                        ui.selectable_value(&mut draft.target, i, name);
                    }
                })
                .response
                .labelled_by(about.id);
            ui.end_row();
            ui.label("");
            ui.horizontal(|ui| {
                for s in [Status::Confirmed, Status::Doubtful, Status::MissingEvidence] {
                    ui.radio_value(&mut draft.status, Some(s), status_words(s, lang));
                }
            });
            ui.end_row();
            let text = ui.label(lang.t(common::REVIEW_TEXT));
            ui.add(egui::TextEdit::multiline(&mut draft.text).desired_rows(2))
                .labelled_by(text.id);
            ui.end_row();
            let who = ui.label(lang.t(common::REVIEWER));
            ui.text_edit_singleline(&mut draft.reviewer)
                .labelled_by(who.id);
            ui.end_row();
        });
    let ready = draft.status.is_some() && draft.target < list.len();
    if ui
        .add_enabled(ready, egui::Button::new(lang.t(common::SAVE_NOTE)))
        .clicked()
        && let (Some(status), Some((target, _))) = (draft.status, list.get(draft.target))
    {
        ctx.actions.push(Action::AddReviewNote(Note {
            target: target.clone(),
            status,
            text: draft.text.trim().to_string(),
            reviewer: draft.reviewer.trim().to_string(),
            date: ctx.today,
        }));
        // The reviewer's name stays for the next note.
        draft = Draft {
            reviewer: draft.reviewer,
            ..Draft::default()
        };
    }
    ui.data_mut(|d| d.insert_temp(id, draft));
}

/// A card with the review's notes.
fn notes(ui: &mut Ui, lang: Lang, v: &ReviewView) {
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
                    ui.label(RichText::new(n.signed(lang)).small().color(theme::MUTED));
                });
                if !n.text.is_empty() {
                    ui.indent(("note", &n.target.id, &n.date), |ui| {
                        ui.add(Label::new(&n.text).wrap());
                    });
                }
            }
        });
}

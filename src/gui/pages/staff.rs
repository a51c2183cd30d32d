//! 研发人员: yearly head counts, the derived R&D staff shares, the technical
//! leader and senior talent.

use eframe::egui::{RichText, TextEdit, Ui};

use super::PageCtx;
use super::finance::{derived_rows, form_grid, yearly_grid};
use crate::gui::widgets::Env;
use crate::gui::{theme, widgets as w};
use crate::i18n::Tr;
use crate::i18n::pages::staff as s;
use crate::metrics::{Metrics, Unit};
use crate::model::{FiscalField, FiscalPage};

/// Shows the page.
pub fn ui(ui: &mut Ui, ctx: &mut PageCtx) {
    let env = ctx.env;
    let shifted = ctx.years_shifted;
    let doc = &mut *ctx.doc;
    ui.heading(env.t(s::TITLE));
    w::paragraph(ui, RichText::new(env.t(s::INTRO)).color(theme::MUTED));
    w::years::notice(ui, &env, doc, shifted);
    ui.add_space(theme::SECTION_GAP);
    let mut changed = false;
    yearly_grid(
        ui,
        &env,
        ("staff-years", &[Unit::Person, Unit::Percent]),
        |ui| {
            for field in FiscalField::on_page(FiscalPage::Staff) {
                changed |= w::yearly_input(ui, &env, doc, field);
            }
            derived_rows(
                ui,
                &env,
                doc,
                &[
                    (
                        (s::RD_SHARE, s::RD_SHARE_HELP),
                        Unit::Percent,
                        Metrics::rd_staff_share,
                    ),
                    (
                        (s::QUALIFIED_SHARE, s::QUALIFIED_SHARE_HELP),
                        Unit::Percent,
                        Metrics::rd_staff_qualified_share,
                    ),
                ],
            );
        },
    );
    changed |= w::years::outside_section(ui, &env, doc, FiscalPage::Staff);
    w::section(ui, &env, s::TALENT);
    let staff = &mut doc.staff;
    let note_width = (ui.available_width() - NOTE_ROOM).clamp(theme::LABEL_WIDTH, NOTE_WIDTH);
    form_grid(ui, "staff-talent", note_width, |ui| {
        changed |= w::tri(
            ui,
            &env,
            s::TECH_LEADER,
            "staff.tech_leader",
            &mut staff.tech_leader,
        );
        changed |= note_row(
            ui,
            &env,
            (s::TECH_LEADER_NOTE, s::TECH_LEADER_NOTE_HINT),
            "staff.tech_leader_note",
            &mut staff.tech_leader_note,
        );
        changed |= w::count(
            ui,
            &env,
            s::SENIOR_EXPERTS,
            "staff.senior_experts",
            &mut staff.senior_experts,
            Unit::Person,
        );
    });
    ctx.changed |= changed;
}

/// Widest note field (as wide as the form's single-line texts).
const NOTE_WIDTH: f32 = 320.0;
/// Room kept beside the note field for its label, unit and issues.
const NOTE_ROOM: f32 = 260.0;

/// A form row for a short free-text note over two lines; `text` is the
/// label and the hint shown while the field is empty.
fn note_row(ui: &mut Ui, env: &Env, text: (Tr, Tr), field: &str, value: &mut String) -> bool {
    let (label, hint) = text;
    let l = w::label(ui, env, env.t(label), field);
    let r = ui
        .add(
            TextEdit::multiline(value)
                .desired_rows(2)
                .desired_width(NOTE_WIDTH)
                .hint_text(env.t(hint)),
        )
        .labelled_by(l.id);
    ui.label("");
    w::issues(ui, env, field);
    ui.end_row();
    r.changed()
}

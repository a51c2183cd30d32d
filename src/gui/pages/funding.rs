//! 研发经费: yearly R&D spending and the intensity ratios derived from it.

use eframe::egui::{RichText, Ui};

use super::PageCtx;
use super::finance::{derived_rows, yearly_grid};
use crate::gui::{theme, widgets as w};
use crate::i18n::pages::funding as s;
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
        (
            "funding-years",
            &[Unit::Wan, Unit::Percent, Unit::WanPerPerson],
        ),
        |ui| {
            for field in FiscalField::on_page(FiscalPage::Funding) {
                changed |= w::yearly_input(ui, &env, doc, field);
            }
            derived_rows(
                ui,
                &env,
                doc,
                &[
                    (
                        (s::RD_RATIO, s::RD_RATIO_HELP),
                        Unit::Percent,
                        Metrics::rd_ratio,
                    ),
                    (
                        (s::RD_RATIO_MAIN, s::RD_RATIO_MAIN_HELP),
                        Unit::Percent,
                        Metrics::rd_ratio_main,
                    ),
                    (
                        (s::PER_RD_STAFF, s::PER_RD_STAFF_HELP),
                        Unit::WanPerPerson,
                        Metrics::rd_spend_per_rd_staff,
                    ),
                ],
            );
        },
    );
    changed |= w::years::outside_section(ui, &env, doc, FiscalPage::Funding);
    ui.add_space(theme::SECTION_GAP / 2.0);
    w::paragraph(
        ui,
        RichText::new(env.t(s::BENCHMARK))
            .small()
            .color(theme::MUTED),
    );
    ctx.changed |= changed;
}

//! 合规: the eight compliance declarations of the last three years, then the
//! scores copied by hand from other systems.

use eframe::egui::{RichText, Ui};

use super::PageCtx;
use crate::gui::{theme, widgets as w};
use crate::i18n::Tr;
use crate::i18n::pages::compliance as s;
use crate::metrics::Unit;

/// Shows the page.
pub fn ui(ui: &mut Ui, ctx: &mut PageCtx) {
    let env = ctx.env;
    let doc = &mut *ctx.doc;
    ui.heading(env.t(s::TITLE));
    w::paragraph(ui, RichText::new(env.t(s::INTRO)).color(theme::MUTED));
    let mut changed = false;

    w::section(ui, &env, s::SEC_COMPLIANCE);
    w::paragraph(ui, RichText::new(env.t(s::EXPLAIN)).color(theme::MUTED));
    ui.add_space(4.0);
    let k = &mut doc.compliance;
    let flags: [(Tr, &str, &mut Option<bool>); 8] = [
        (
            s::ABNORMAL_LIST,
            "compliance.abnormal_operation_list",
            &mut k.abnormal_operation_list,
        ),
        (
            s::SERIOUS_DISHONESTY,
            "compliance.serious_dishonesty",
            &mut k.serious_dishonesty,
        ),
        (
            s::MAJOR_ACCIDENT,
            "compliance.major_accident",
            &mut k.major_accident,
        ),
        (s::TAX_EVASION, "compliance.tax_evasion", &mut k.tax_evasion),
        (s::SMUGGLING, "compliance.smuggling", &mut k.smuggling),
        (
            s::MAJOR_TAX_VIOLATION,
            "compliance.major_tax_violation",
            &mut k.major_tax_violation,
        ),
        (
            s::INDUSTRY_VIOLATION,
            "compliance.industry_violation",
            &mut k.industry_violation,
        ),
        (
            s::RESEARCH_MISCONDUCT,
            "compliance.research_misconduct",
            &mut k.research_misconduct,
        ),
    ];
    w::form(ui, "compliance-form", |ui| {
        for (label, field, value) in flags {
            changed |= w::tri(ui, &env, label, field, value);
        }
    });
    w::paragraph(
        ui,
        RichText::new(env.t(s::ACCIDENT_NOTE))
            .small()
            .color(theme::MUTED),
    );

    w::section(ui, &env, s::SEC_MANUAL);
    w::paragraph(
        ui,
        RichText::new(env.t(s::MANUAL_INTRO)).color(theme::MUTED),
    );
    ui.add_space(4.0);
    let m = &mut doc.manual;
    w::form(ui, "manual-form", |ui| {
        changed |= w::money(
            ui,
            &env,
            s::MIIT_SCORE,
            "manual.miit_platform_score",
            &mut m.miit_platform_score,
            Unit::Points,
        );
        changed |= w::money(
            ui,
            &env,
            s::FEATURED_SCORE,
            "manual.featured_score_2022",
            &mut m.featured_score_2022,
            Unit::Points,
        );
        changed |= w::money(
            ui,
            &env,
            s::REVENUE_BENCHMARK,
            "manual.provincial_revenue_growth_benchmark",
            &mut m.provincial_revenue_growth_benchmark,
            Unit::Percent,
        );
        changed |= w::money(
            ui,
            &env,
            s::PROFIT_BENCHMARK,
            "manual.provincial_profit_growth_benchmark",
            &mut m.provincial_profit_growth_benchmark,
            Unit::Percent,
        );
    });
    for help in [s::MIIT_HELP, s::FEATURED_HELP, s::BENCHMARK_HELP] {
        w::paragraph(ui, RichText::new(env.t(help)).small().color(theme::MUTED));
    }
    ctx.changed |= changed;
}

//! 研发方向: niche market, lead product and its fields, plan, digital level,
//! quality and standards.

use eframe::egui::{self, RichText, Ui};

use super::PageCtx;
use super::projects::{TEXT_WIDTH, item_row, opt_whole_input, text_input, text_row};
use crate::gui::widgets::Env;
use crate::gui::{theme, widgets as w};
use crate::i18n::pages::direction as s;
use crate::i18n::{Tr, common};
use crate::metrics::{Metrics, Unit, Value};
use crate::model::Assessment;
use crate::report::format as f;

/// Shows the page.
pub fn ui(ui: &mut Ui, ctx: &mut PageCtx) {
    let env = ctx.env;
    let years = niche_years(&env, ctx.doc);
    let d = &mut ctx.doc.direction;
    ui.heading(env.t(s::TITLE));
    w::paragraph(ui, RichText::new(env.t(s::INTRO)).color(theme::MUTED));
    let mut changed = false;

    w::section(ui, &env, s::SEC_MARKET);
    // Issues go under the inputs here: the lead-product field is too wide
    // to leave room for an issue column.
    w::form(ui, "direction-market", |ui| {
        let f = "direction.niche_entry_year";
        changed |= item_row(ui, &env, s::NICHE_ENTRY_YEAR, f, None, |ui, l| {
            let c = opt_whole_input(ui, f, &mut d.niche_entry_year, l);
            w::suffix(ui, &env, common::YEAR_SUFFIX);
            c
        });
        let f = "direction.niche_entry_month";
        changed |= item_row(ui, &env, s::NICHE_ENTRY_MONTH, f, None, |ui, l| {
            w::month_input(ui, &env, ui.scope_id().with(f), &mut d.niche_entry_month, l)
        });
        if let Some(text) = &years {
            ui.label("");
            ui.add(egui::Label::new(RichText::new(text).small().color(theme::MUTED)).wrap());
            ui.end_row();
        }
        let f = "direction.lead_product";
        changed |= item_row(ui, &env, s::LEAD_PRODUCT, f, None, |ui, l| {
            text_input(ui, &mut d.lead_product, l, TEXT_WIDTH)
        });
        let f = "direction.niche_share_pct";
        changed |= item_row(ui, &env, s::NICHE_SHARE, f, Some(Unit::Percent), |ui, l| {
            let id = ui.scope_id().with(f);
            w::number_input(ui, id, &mut d.niche_share_pct, l, theme::NUMBER_WIDTH).1
        });
        let f = "direction.intl_niche_share_pct";
        changed |= item_row(
            ui,
            &env,
            s::INTL_NICHE_SHARE,
            f,
            Some(Unit::Percent),
            |ui, l| {
                let id = ui.scope_id().with(f);
                w::number_input(ui, id, &mut d.intl_niche_share_pct, l, theme::NUMBER_WIDTH).1
            },
        );
        let f = "direction.niche_rank";
        changed |= item_row(ui, &env, s::NICHE_RANK, f, Some(Unit::Rank), |ui, l| {
            opt_whole_input(ui, f, &mut d.niche_rank, l)
        });
        let f = "direction.niche_recognised";
        changed |= item_row(ui, &env, s::NICHE_RECOGNISED, f, None, |ui, _| {
            w::tri_input(ui, &env, ui.scope_id().with(f), &mut d.niche_recognised)
        });
        let f = "direction.own_brand";
        changed |= item_row(ui, &env, s::OWN_BRAND, f, None, |ui, _| {
            w::tri_input(ui, &env, ui.scope_id().with(f), &mut d.own_brand)
        });
    });

    w::section(ui, &env, s::SEC_FIELDS);
    w::paragraph(ui, RichText::new(env.t(s::FIELDS_NOTE)).color(theme::MUTED));
    let f = &mut d.fields;
    let flags: [(Tr, &str, &mut Option<bool>); 7] = [
        (
            s::STRATEGIC_EMERGING,
            "direction.fields.strategic_emerging",
            &mut f.strategic_emerging,
        ),
        (
            s::SIX_BASICS,
            "direction.fields.six_basics",
            &mut f.six_basics,
        ),
        (s::FILLS_GAP, "direction.fields.fills_gap", &mut f.fills_gap),
        (
            s::TEN_KEY_FIELDS,
            "direction.fields.ten_key_fields",
            &mut f.ten_key_fields,
        ),
        (
            s::NETWORK_POWER,
            "direction.fields.network_power",
            &mut f.network_power,
        ),
        (
            s::TIME_HONORED,
            "direction.fields.time_honored",
            &mut f.time_honored,
        ),
        (
            s::KEY_CHAIN_LINK,
            "direction.fields.key_chain_link",
            &mut f.key_chain_link,
        ),
    ];
    w::form(ui, "direction-fields", |ui| {
        for (label, field, value) in flags {
            changed |= w::tri(ui, &env, label, field, value);
        }
    });

    w::section(ui, &env, s::SEC_PLAN);
    w::form(ui, "direction-plan", |ui| {
        changed |= w::tri(
            ui,
            &env,
            s::WRITTEN_PLAN,
            "direction.written_plan",
            &mut d.written_plan,
        );
        changed |= text_row(
            ui,
            &env,
            s::PLAN_YEARS,
            "direction.plan_years",
            &mut d.plan_years,
            theme::NUMBER_WIDTH * 1.5,
            Some(s::PLAN_YEARS_HINT),
        );
        changed |= w::tri(
            ui,
            &env,
            s::MECHANISM,
            "direction.mechanism",
            &mut d.mechanism,
        );
    });
    w::paragraph(
        ui,
        RichText::new(env.t(s::QUALITATIVE_NOTE))
            .small()
            .color(theme::MUTED),
    );

    w::section(ui, &env, s::SEC_QUALITY);
    let levels: [(u8, &str); 4] = [
        (1, env.t(s::LEVEL_1)),
        (2, env.t(s::LEVEL_2)),
        (3, env.t(s::LEVEL_3)),
        (4, env.t(s::LEVEL_4)),
    ];
    w::form(ui, "direction-quality", |ui| {
        changed |= w::choice(
            ui,
            &env,
            s::DIGITAL_LEVEL,
            "direction.digital_level",
            &mut d.digital_level,
            &levels,
        );
        changed |= w::count(
            ui,
            &env,
            s::IT_CORE_PROCESSES,
            "direction.it_core_processes",
            &mut d.it_core_processes,
            Unit::Item,
        );
        changed |= w::tri(
            ui,
            &env,
            s::QMS_CERTIFICATE,
            "direction.qms_certificate",
            &mut d.qms_certificate,
        );
        changed |= w::tri(
            ui,
            &env,
            s::ADVANCED_CERTIFICATION,
            "direction.advanced_certification",
            &mut d.advanced_certification,
        );
        changed |= w::tri(
            ui,
            &env,
            s::QUALITY_AWARD,
            "direction.quality_award",
            &mut d.quality_award,
        );
    });
    w::paragraph(
        ui,
        RichText::new(env.t(s::DIGITAL_NOTE))
            .small()
            .color(theme::MUTED),
    );

    w::section(ui, &env, s::SEC_STANDARDS);
    let st = &mut d.standards;
    let standards: [(Tr, &str, &mut Option<u32>); 4] = [
        (
            s::STD_INTERNATIONAL,
            "direction.standards.international",
            &mut st.international,
        ),
        (
            s::STD_NATIONAL,
            "direction.standards.national",
            &mut st.national,
        ),
        (
            s::STD_INDUSTRY,
            "direction.standards.industry",
            &mut st.industry,
        ),
        (s::STD_GROUP, "direction.standards.group", &mut st.group),
    ];
    w::form(ui, "direction-standards", |ui| {
        for (label, field, value) in standards {
            changed |= w::count(ui, &env, label, field, value, Unit::Item);
        }
        changed |= w::tri(
            ui,
            &env,
            s::PRODUCTS_TO_STANDARDS,
            "direction.products_to_standards",
            &mut d.products_to_standards,
        );
        changed |= w::tri(
            ui,
            &env,
            s::LED_STANDARD_5Y,
            "direction.led_standard_5y",
            &mut d.led_standard_5y,
        );
    });
    ctx.changed |= changed;
}

/// The years in the niche as the rules count them (to the end of Y−1), to
/// show under the entry year and month: a range while only the year is
/// known, which is why the month is asked. Whole months, so two decimals
/// (15.75 years), never rounded up to a whole year.
fn niche_years(env: &Env, doc: &Assessment) -> Option<String> {
    let v = Metrics::new(doc, env.as_of).years_in_niche().ok()?;
    let (amount, span) = match v {
        Value::Num(n) => (
            format!("{} {}", f::number(n, 2), Unit::Year.label(env.lang)),
            false,
        ),
        other => (f::value(Some(other), Unit::Year, env.lang), true),
    };
    let mut text = format!(
        "{}{}{amount}",
        env.t(s::NICHE_YEARS)
            .replace("{year}", &env.year(1).to_string()),
        env.lang.pick("：", ": "),
    );
    if span {
        text.push_str(&f::paren(env.t(s::NICHE_YEARS_SPAN), env.lang));
    }
    Some(text)
}

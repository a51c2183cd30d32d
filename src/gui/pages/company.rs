//! 企业概况: identity, classification, as-of date.

use eframe::egui::{RichText, Ui};

use super::PageCtx;
use crate::gui::{theme, widgets as w};
use crate::i18n::pages::company as s;
use crate::model::{City, Industry, uscc};

/// Shows the page.
pub fn ui(ui: &mut Ui, ctx: &mut PageCtx) {
    let env = ctx.env;
    let doc = &mut *ctx.doc;
    let lang = env.lang;
    ui.heading(env.t(s::TITLE));
    ui.label(RichText::new(env.t(s::INTRO)).color(theme::MUTED));
    ui.add_space(theme::SECTION_GAP);
    let mut changed = false;
    w::form(ui, "company-form", |ui| {
        changed |= w::text(ui, &env, s::NAME, "company.name", &mut doc.company.name);
        // The credit code, checked as typed.
        let l = w::label(ui, &env, env.t(s::USCC), "company.uscc");
        let r = ui
            .add(
                eframe::egui::TextEdit::singleline(&mut doc.company.uscc)
                    .desired_width(220.0)
                    .char_limit(24),
            )
            .labelled_by(l.id);
        changed |= r.changed();
        if doc.company.uscc.trim().is_empty() {
            ui.label("");
        } else {
            match uscc::validate(&doc.company.uscc) {
                Ok(()) => {
                    ui.label(RichText::new(format!("✓ {}", env.t(s::USCC_OK))).color(theme::GOOD))
                }
                Err(e) => {
                    let text = e.to_string();
                    let (zh, en) = text.split_once(" / ").unwrap_or((&text, &text));
                    ui.label(RichText::new(lang.pick(zh, en)).color(theme::ERROR_TEXT))
                }
            };
        }
        ui.label("");
        ui.end_row();
        let cities: Vec<(City, &str)> = City::ALL
            .iter()
            .map(|c| (*c, lang.pick(c.zh(), c.en())))
            .collect();
        changed |= w::choice(
            ui,
            &env,
            s::CITY,
            "company.city",
            &mut doc.company.city,
            &cities,
        );
        let industries: Vec<(Industry, &str)> = Industry::ALL
            .iter()
            .map(|i| (*i, lang.pick(i.zh(), i.en())))
            .collect();
        changed |= w::choice(
            ui,
            &env,
            s::INDUSTRY,
            "company.industry",
            &mut doc.company.industry,
            &industries,
        );
        changed |= w::date(
            ui,
            &env,
            s::FOUNDED,
            "company.founded",
            &mut doc.company.founded,
        );
        changed |= w::tri(
            ui,
            &env,
            s::LEGAL_PERSON,
            "company.independent_legal_person",
            &mut doc.company.independent_legal_person,
        );
        changed |= w::tri(
            ui,
            &env,
            s::PRODUCTS_PERMITTED,
            "company.products_permitted",
            &mut doc.company.products_permitted,
        );
        changed |= w::date(ui, &env, s::AS_OF, "as_of", &mut doc.as_of);
    });
    ui.label(
        RichText::new(env.t(s::AS_OF_HELP))
            .small()
            .color(theme::MUTED),
    );
    ctx.changed |= changed;
}

//! 企业概况: identity, classification, as-of date.

use eframe::egui::{self, RichText, Ui};

use super::PageCtx;
use crate::gui::{theme, widgets as w};
use crate::i18n::pages::company as s;
use crate::model::uscc::{self, UsccError};
use crate::model::{City, Industry};

/// Shows the page.
pub fn ui(ui: &mut Ui, ctx: &mut PageCtx) {
    let env = ctx.env;
    let doc = &mut *ctx.doc;
    let lang = env.lang;
    ui.heading(env.t(s::TITLE));
    w::paragraph(ui, RichText::new(env.t(s::INTRO)).color(theme::MUTED));
    ui.add_space(theme::SECTION_GAP);
    let mut changed = false;
    w::form(ui, "company-form", |ui| {
        changed |= w::text(ui, &env, s::NAME, "company.name", &mut doc.company.name);
        // The credit code, checked as typed.
        let l = w::label(ui, &env, env.t(s::USCC), "company.uscc");
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut doc.company.uscc)
                    .desired_width(220.0)
                    .char_limit(24),
            )
            .labelled_by(l.id);
        w::focus::input_drawn(ui, &r);
        changed |= r.changed();
        ui.label("");
        ui.label("");
        ui.end_row();
        ui.label("");
        uscc_status(ui, &env, &doc.company.uscc);
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
    w::paragraph(ui, RichText::new(env.t(s::AS_OF_HELP)).color(theme::MUTED));
    w::years::notice(ui, &env, doc, ctx.years_shifted);
    ctx.changed |= changed;
}

/// What the credit-code check says, under the field, as wide as the page
/// leaves, in a space as high as its longest message, so that rows below do not move
/// when it changes.
fn uscc_status(ui: &mut Ui, env: &w::Env, code: &str) {
    let line = ui.text_style_height(&egui::TextStyle::Body);
    let width = w::fit_width(ui, 2.0 * theme::LABEL_WIDTH);
    // As high as the longest message at this width, whatever is shown now.
    let high = |text: String| {
        egui::WidgetText::from(text)
            .into_galley(
                ui,
                Some(egui::TextWrapMode::Wrap),
                width,
                egui::TextStyle::Body,
            )
            .size()
            .y
    };
    let longest = high(env.t(s::USCC_BAD).to_string())
        + high(env.t(s::USCC_BAD_DETAIL).replace("{expected}", "W"));
    let height = longest.max(2.0 * line) + ui.spacing().item_spacing.y;
    ui.allocate_ui_with_layout(
        egui::vec2(width, height),
        egui::Layout::top_down(egui::Align::Min),
        |ui| {
            ui.set_min_size(egui::vec2(width, height));
            if code.trim().is_empty() {
                return;
            }
            let (main, detail) = match uscc::validate(code) {
                Ok(()) => {
                    ui.label(RichText::new(format!("✓ {}", env.t(s::USCC_OK))).color(theme::GOOD));
                    return;
                }
                Err(UsccError::CheckDigit { expected, .. }) => (
                    env.t(s::USCC_BAD).to_string(),
                    Some(
                        env.t(s::USCC_BAD_DETAIL)
                            .replace("{expected}", &expected.to_string()),
                    ),
                ),
                Err(UsccError::Length(n)) => {
                    (env.t(s::USCC_LENGTH).replace("{n}", &n.to_string()), None)
                }
                Err(UsccError::Char { pos, ch }) => (
                    env.t(s::USCC_CHAR)
                        .replace("{pos}", &pos.to_string())
                        .replace("{ch}", &ch.to_string()),
                    None,
                ),
            };
            let r = ui.add(egui::Label::new(RichText::new(main).color(theme::ERROR_TEXT)).wrap());
            // The expected character is a detail: on hover, and muted.
            if let Some(d) = detail {
                r.on_hover_text(&d);
                ui.add(egui::Label::new(RichText::new(d).color(theme::MUTED)).wrap());
            }
        },
    );
}

//! Small coloured badges for outcomes, verdicts and confidence.

use eframe::egui::{self, RichText, Ui};

use crate::eval::{Outcome, TierResult, Verdict};
use crate::gui::theme;
use crate::i18n::{Lang, pages::results};
use crate::report::format as f;
use crate::report::proof::ItemStatus;
use crate::rules::Confidence;

fn badge(ui: &mut Ui, text: &str, color: egui::Color32) -> egui::Response {
    egui::Frame::new()
        .fill(color)
        .corner_radius(3.0)
        .inner_margin(egui::Margin::symmetric(5, 1))
        .show(ui, |ui| {
            ui.label(RichText::new(text).color(theme::BADGE_TEXT).small())
        })
        .response
}

/// Outcome badge (达标 / 未达标 / 数据缺失 / 待声明 / 不适用).
pub fn outcome_badge(ui: &mut Ui, lang: Lang, o: Outcome) -> egui::Response {
    badge(ui, f::outcome(o, lang), theme::outcome(o))
}

/// Evidence badge (已附 / 缺 / 文件已变更 / 无法读取 / 文件不存在).
pub fn evidence_badge(ui: &mut Ui, lang: Lang, s: ItemStatus) -> egui::Response {
    let color = match s {
        ItemStatus::Attached => theme::GOOD,
        ItemStatus::Missing => theme::MUTED,
        ItemStatus::Changed | ItemStatus::Unreadable => theme::MISSING,
        ItemStatus::NotFound => theme::BAD,
    };
    badge(ui, s.label(lang), color)
}

/// Verdict badge.
pub fn verdict_badge(ui: &mut Ui, lang: Lang, v: Verdict) -> egui::Response {
    badge(ui, f::verdict(v, lang), theme::verdict(v))
}

/// A tier's badge: 已持有 for a tier the company holds (reached, whatever
/// its criteria say today), else its verdict (不适用 in a muted colour).
pub fn tier_badge(ui: &mut Ui, lang: Lang, t: &TierResult) -> egui::Response {
    if t.held {
        badge(ui, lang.t(results::HELD), theme::GOOD)
    } else {
        verdict_badge(ui, lang, t.verdict)
    }
}

/// Confidence badge (V / V1 / P / Q) with its meaning on hover.
pub fn confidence_badge(ui: &mut Ui, c: Confidence) -> egui::Response {
    let r = badge(ui, c.label(), theme::confidence(c));
    r.on_hover_text(format!(
        "{} / {}",
        f::confidence(c, Lang::Zh),
        f::confidence(c, Lang::En)
    ))
}

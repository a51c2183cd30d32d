//! 知识产权与荣誉: IP counts, S&T awards, 创客中国 results and titles held.

use eframe::egui::{RichText, Ui};

use super::PageCtx;
use super::projects::{
    TEXT_WIDTH, card, combo_input, date_input, item_row, text_input, whole_input,
};
use crate::gui::{theme, widgets as w};
use crate::i18n::pages::ip_awards as s;
use crate::i18n::{Tr, common};
use crate::metrics::Unit;
use crate::model::{
    Award, AwardLevel, Grade, HighTechInputs, IpAcquisition, MakerChina, MakerResult, TitleHeld,
    TitleKind,
};
use crate::report::format as f;

/// Shows the page.
pub fn ui(ui: &mut Ui, ctx: &mut PageCtx) {
    let env = ctx.env;
    let doc = &mut *ctx.doc;
    ui.heading(env.t(s::TITLE));
    w::paragraph(ui, RichText::new(env.t(s::INTRO)).color(theme::MUTED));
    let mut changed = false;

    // Intellectual property.
    w::section(ui, &env, s::SEC_IP);
    let ip = &mut doc.ip;
    let counts: [(Tr, &str, &mut Option<u32>); 4] = [
        (s::CLASS1, "ip.class1", &mut ip.class1),
        (s::CLASS1_SELF, "ip.class1_self", &mut ip.class1_self),
        (
            s::CLASS1_HIGH_VALUE,
            "ip.class1_high_value",
            &mut ip.class1_high_value,
        ),
        (s::CLASS2, "ip.class2", &mut ip.class2),
    ];
    w::form(ui, "ip-form", |ui| {
        for (label, field, value) in counts {
            changed |= w::count(ui, &env, label, field, value, Unit::Item);
        }
    });
    for help in [
        s::CLASS1_HELP,
        s::HIGH_VALUE_HELP,
        s::CLASS2_HELP,
        s::COUNT_HELP,
    ] {
        w::paragraph(ui, RichText::new(env.t(help)).small().color(theme::MUTED));
    }

    high_tech(ui, &env, &mut doc.high_tech, &mut changed);

    // S&T awards.
    w::section(ui, &env, s::SEC_AWARDS);
    let levels = [
        (AwardLevel::National, env.t(s::LEVEL_NATIONAL)),
        (AwardLevel::Provincial, env.t(s::LEVEL_PROVINCIAL)),
    ];
    if doc.awards.is_empty() {
        w::paragraph(
            ui,
            RichText::new(env.t(s::AWARDS_EMPTY)).color(theme::MUTED),
        );
    }
    let mut remove = None;
    for (i, a) in doc.awards.iter_mut().enumerate() {
        let title = format!("{} {}", env.t(s::AWARD), i + 1);
        let removed = card(
            ui,
            &format!("awards.{i}"),
            &title,
            env.t(s::REMOVE_AWARD),
            |ui| {
                let f = |name: &str| format!("awards.{i}.{name}");
                w::form(ui, "award", |ui| {
                    changed |= item_row(ui, &env, s::AWARD_NAME, &f("name"), None, |ui, l| {
                        text_input(ui, &mut a.name, l, TEXT_WIDTH)
                    });
                    changed |= item_row(ui, &env, s::AWARD_LEVEL, &f("level"), None, |ui, l| {
                        combo_input(ui, &f("level"), &mut a.level, &levels, l)
                    });
                    changed |= item_row(ui, &env, s::AWARD_YEAR, &f("year"), None, |ui, l| {
                        let c = whole_input(ui, &f("year"), &mut a.year, l);
                        w::suffix(ui, &env, common::YEAR_SUFFIX);
                        c
                    });
                    changed |= item_row(
                        ui,
                        &env,
                        s::UNIT_RANK,
                        &f("unit_rank"),
                        Some(Unit::Rank),
                        |ui, l| whole_input(ui, &f("unit_rank"), &mut a.unit_rank, l),
                    );
                });
            },
        );
        if removed {
            remove = Some(i);
        }
    }
    if let Some(i) = remove {
        doc.awards.remove(i);
        changed = true;
    }
    if ui.button(env.t(s::ADD_AWARD)).clicked() {
        doc.awards.push(Award {
            year: env.year(1),
            unit_rank: 1,
            ..Award::default()
        });
        changed = true;
    }

    // 创客中国.
    w::section(ui, &env, s::SEC_MAKER);
    let results = [
        (MakerResult::NationalTop50, env.t(s::TOP50)),
        (MakerResult::NationalTop500, env.t(s::TOP500)),
    ];
    if doc.maker_china.is_empty() {
        w::paragraph(ui, RichText::new(env.t(s::MAKER_EMPTY)).color(theme::MUTED));
    }
    let mut remove = None;
    for (i, m) in doc.maker_china.iter_mut().enumerate() {
        let title = format!("{} {}", env.t(s::MAKER), i + 1);
        let removed = card(
            ui,
            &format!("maker_china.{i}"),
            &title,
            env.t(s::REMOVE_MAKER),
            |ui| {
                let f = |name: &str| format!("maker_china.{i}.{name}");
                w::form(ui, "maker", |ui| {
                    changed |= item_row(ui, &env, s::MAKER_YEAR, &f("year"), None, |ui, l| {
                        let c = whole_input(ui, &f("year"), &mut m.year, l);
                        w::suffix(ui, &env, common::YEAR_SUFFIX);
                        c
                    });
                    changed |= item_row(ui, &env, s::MAKER_RESULT, &f("result"), None, |ui, l| {
                        combo_input(ui, &f("result"), &mut m.result, &results, l)
                    });
                });
            },
        );
        if removed {
            remove = Some(i);
        }
    }
    if let Some(i) = remove {
        doc.maker_china.remove(i);
        changed = true;
    }
    if ui.button(env.t(s::ADD_MAKER)).clicked() {
        doc.maker_china.push(MakerChina {
            year: env.year(1),
            ..MakerChina::default()
        });
        changed = true;
    }

    // Titles.
    w::section(ui, &env, s::SEC_TITLES);
    w::paragraph(ui, RichText::new(env.t(s::TITLES_NOTE)).color(theme::MUTED));
    let kinds: Vec<(TitleKind, &str)> = TitleKind::ALL
        .iter()
        .map(|k| (*k, env.lang.pick(k.zh(), k.en())))
        .collect();
    if doc.titles.is_empty() {
        w::paragraph(
            ui,
            RichText::new(env.t(s::TITLES_EMPTY)).color(theme::MUTED),
        );
    }
    let mut remove = None;
    for (i, t) in doc.titles.iter_mut().enumerate() {
        let title = format!("{} {}", env.t(s::TITLE_ITEM), i + 1);
        let removed = card(
            ui,
            &format!("titles.{i}"),
            &title,
            env.t(s::REMOVE_TITLE),
            |ui| {
                let f = |name: &str| format!("titles.{i}.{name}");
                w::form(ui, "title", |ui| {
                    changed |= item_row(ui, &env, s::TITLE_KIND, &f("kind"), None, |ui, l| {
                        combo_input(ui, &f("kind"), &mut t.kind, &kinds, l)
                    });
                    changed |= item_row(ui, &env, s::SINCE, &f("since"), None, |ui, l| {
                        date_input(ui, &env, &f("since"), &mut t.since, l)
                    });
                    changed |= item_row(
                        ui,
                        &env,
                        s::VALID_UNTIL,
                        &f("valid_until"),
                        None,
                        |ui, l| date_input(ui, &env, &f("valid_until"), &mut t.valid_until, l),
                    );
                    let valid = t.since.is_none_or(|d| d <= env.as_of)
                        && t.valid_until.is_none_or(|d| d >= env.as_of);
                    let (text, color) = if valid {
                        (format!("✓ {}", env.t(s::VALID)), theme::GOOD)
                    } else {
                        (env.t(s::EXPIRED).to_owned(), theme::WARNING_TEXT)
                    };
                    ui.label("");
                    ui.label(RichText::new(text).small().color(color));
                    ui.end_row();
                });
            },
        );
        if removed {
            remove = Some(i);
        }
    }
    if let Some(i) = remove {
        doc.titles.remove(i);
        changed = true;
    }
    if ui.button(env.t(s::ADD_TITLE)).clicked() {
        doc.titles.push(TitleHeld {
            kind: TitleKind::HighTech,
            since: None,
            valid_until: None,
        });
        changed = true;
    }
    ctx.changed |= changed;
}

/// 高新技术企业认定: the self-assessed items the experts score (grades and
/// organisation points), declared here; the yearly figures are on the
/// finance, staff and R&D pages.
fn high_tech(ui: &mut Ui, env: &w::Env, h: &mut HighTechInputs, changed: &mut bool) {
    w::section(ui, env, s::SEC_HIGH_TECH);
    w::paragraph(
        ui,
        RichText::new(env.t(s::HIGH_TECH_NOTE)).color(theme::MUTED),
    );
    ui.add_space(4.0);
    let grades: Vec<(Grade, String)> = Grade::ALL
        .iter()
        .map(|g| (*g, grade_text(*g, env)))
        .collect();
    let grades: Vec<(Grade, &str)> = grades.iter().map(|(g, t)| (*g, t.as_str())).collect();
    let acquisitions = [
        (IpAcquisition::SelfDeveloped, env.t(s::HT_SELF)),
        (IpAcquisition::AcquiredOnly, env.t(s::HT_ACQUIRED)),
    ];
    w::form_fit(ui, "high-tech-form", |ui| {
        *changed |= w::tri(
            ui,
            env,
            s::HT_FIELD,
            "high_tech.field_declared",
            &mut h.field_declared,
        );
        *changed |= w::choice(
            ui,
            env,
            s::HT_ADVANCEMENT,
            "high_tech.ip_advancement",
            &mut h.ip_advancement,
            &grades,
        );
        *changed |= w::choice(
            ui,
            env,
            s::HT_CORE,
            "high_tech.ip_core_support",
            &mut h.ip_core_support,
            &grades,
        );
        *changed |= w::choice(
            ui,
            env,
            s::HT_ACQUISITION,
            "high_tech.ip_acquisition",
            &mut h.ip_acquisition,
            &acquisitions,
        );
        *changed |= w::tri(
            ui,
            env,
            s::HT_STANDARDS,
            "high_tech.drafted_standards",
            &mut h.drafted_standards,
        );
        let org: [(Tr, &str, &mut Option<u8>, u8); 4] = [
            (
                s::HT_ORG_RD,
                "high_tech.org_rd_management",
                &mut h.org_rd_management,
                6,
            ),
            (
                s::HT_ORG_INSTITUTION,
                "high_tech.org_institution",
                &mut h.org_institution,
                6,
            ),
            (
                s::HT_ORG_CONVERSION,
                "high_tech.org_conversion",
                &mut h.org_conversion,
                4,
            ),
            (
                s::HT_ORG_TALENT,
                "high_tech.org_talent",
                &mut h.org_talent,
                4,
            ),
        ];
        for (label, field, value, max) in org {
            *changed |= w::points(ui, env, label, field, value, max);
        }
    });
}

/// A grade with the points the guideline gives it: "A（7–8 分）", "A (7–8 points)".
fn grade_text(g: Grade, env: &w::Env) -> String {
    let (letter, range) = match g {
        Grade::A => ("A", "7–8"),
        Grade::B => ("B", "5–6"),
        Grade::C => ("C", "3–4"),
        Grade::D => ("D", "1–2"),
        Grade::E => ("E", "0"),
    };
    let unit = Unit::Points.label(env.lang);
    format!("{letter}{}", f::paren(&format!("{range} {unit}"), env.lang))
}

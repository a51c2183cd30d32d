//! Plain-text rendering for the terminal.

use std::fmt::Write as _;

use super::format::{self as f, check_line};
use crate::eval::{Evaluation, Outcome};
use crate::i18n::Lang;
use crate::i18n::fields::{self, field_names};
use crate::model::{Assessment, Issue, Severity};

/// Renders an evaluation as text.
#[must_use]
#[expect(
    clippy::many_single_char_names,
    reason = "o: output, l: language pick, f: formatting — used on every line"
)]
pub fn render(file: &str, a: &Assessment, issues: &[Issue], ev: &Evaluation, lang: Lang) -> String {
    let mut o = String::new();
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let name = if a.company.name.trim().is_empty() {
        l("（未填写企业名称）", "(no company name)")
    } else {
        a.company.name.as_str()
    };
    let _ = writeln!(o, "{}{name}", l("企业：", "Company: "));
    if !a.company.uscc.is_empty() {
        let _ = writeln!(
            o,
            "{}{}",
            l("统一社会信用代码：", "Credit code: "),
            a.company.uscc
        );
    }
    let _ = writeln!(o, "{}{file}", l("文件：", "File: "));
    let _ = writeln!(o, "{}{}", l("评价基准日：", "As of: "), ev.as_of);
    let _ = writeln!(o, "{}", l("适用规则包：", "Rule packs:"));
    for p in &ev.packs {
        let to = p
            .effective_to
            .map_or_else(|| l("至今", "open").to_string(), |d| d.to_string());
        let partial = if p.partial {
            l("，仅含部分认定条件", ", only part of the conditions")
        } else {
            ""
        };
        let detail = format!(
            "{} – {to}{} {} {}{partial}",
            p.effective_from,
            l("，", ", "),
            l("可信度", "confidence"),
            p.confidence.label()
        );
        let _ = writeln!(o, "  {}{}", p.title.get(lang), f::paren(&detail, lang));
        for n in &p.notes {
            let _ = writeln!(o, "      {}{}", l("注：", "Note: "), n.get(lang));
        }
    }
    if !issues.is_empty() {
        let _ = writeln!(o, "\n{}", l("输入检查：", "Input checks:"));
        for i in issues {
            let sev = match i.severity {
                Severity::Error => l("错误", "error"),
                Severity::Warning => l("提示", "warning"),
            };
            let _ = writeln!(
                o,
                "  [{sev}] {}{}{}",
                fields::field_name_of_id(&i.field, lang),
                l("：", ": "),
                lang.pick(&i.zh, &i.en)
            );
        }
    }
    let mut programme = None;
    for t in &ev.tiers {
        if programme != Some(t.programme) {
            programme = Some(t.programme);
            let _ = writeln!(o, "\n== {} ==", f::programme(t.programme, lang));
        }
        let _ = writeln!(
            o,
            "\n[{}] {} — {}",
            t.ladder.get(lang),
            t.title.get(lang),
            f::tier_status(t, lang)
        );
        if t.not_applicable.is_some() {
            // Nothing to meet: the reason says why, the criteria stay in the JSON.
            continue;
        }
        if t.held && t.verdict != crate::eval::Verdict::Eligible {
            let _ = writeln!(
                o,
                "  {}",
                l(
                    "以下为按本次数据对照的条件，供复审参考：",
                    "The criteria below, on this year's figures, are context for the next review:"
                )
            );
        }
        if let Some(s) = &t.score {
            let blocks: Vec<String> = s
                .blocks
                .iter()
                .map(|b| {
                    let min = b
                        .min
                        .map(|m| format!(" ≥{}", f::number(m, 1)))
                        .unwrap_or_default();
                    // A range where points are pending or an assessor decides: "10–12/20".
                    let pts = if b.potential > b.points {
                        format!("{}–{}", f::number(b.points, 1), f::number(b.potential, 1))
                    } else {
                        f::number(b.points, 1)
                    };
                    format!("{} {pts}/{}{min}", b.title.get(lang), f::number(b.max, 1))
                })
                .collect();
            let pass = s
                .pass
                .map(|p| {
                    format!(
                        "{}{} {}",
                        l("，", ", "),
                        l("及格线", "pass mark"),
                        f::number(p, 1)
                    )
                })
                .unwrap_or_default();
            let pot = if s.potential > s.total {
                f::paren(
                    &format!("{} {}", l("最高可达", "up to"), f::number(s.potential, 1)),
                    lang,
                )
            } else {
                String::new()
            };
            let _ = writeln!(
                o,
                "  {} {}/{}{pot}{pass}{} {}",
                l("评分", "Score"),
                f::number(s.total, 1),
                f::number(s.max, 1),
                l("：", ":"),
                blocks.join(l("；", "; "))
            );
        }
        for c in &t.criteria {
            let pts = match (c.points, c.max_points) {
                (Some(p), Some(m)) => format!(" [{}/{}]", f::number(p, 1), f::number(m, 1)),
                _ => String::new(),
            };
            let _ = writeln!(
                o,
                "  {} {}{pts} [{}] — {}",
                f::outcome_mark(c.outcome),
                c.title.get(lang),
                c.confidence.label(),
                f::outcome(c.outcome, lang)
            );
            if let Some(r) = &c.route_label {
                let _ = writeln!(o, "      {}{}", l("通过：", "passed by: "), r.get(lang));
            }
            for ch in &c.checks {
                if c.outcome == Outcome::NA {
                    break;
                }
                let mut line = check_line(ch, lang);
                if let Some(g) = &ch.gap {
                    let _ = write!(line, "{}{}", l("：", ": "), f::gap(g, lang));
                }
                let _ = writeln!(o, "      {} {line}", f::outcome_mark(ch.outcome));
                if let Some(d) = &ch.decide {
                    let _ = writeln!(o, "        {}", d.get(lang));
                }
            }
            if !c.missing.is_empty() {
                let _ = writeln!(
                    o,
                    "      {}{}",
                    l("缺少：", "missing: "),
                    field_names(&c.missing, lang)
                );
            }
            let _ = writeln!(
                o,
                "      {}{}",
                l("依据：", "source: "),
                f::source(&c.source, lang)
            );
        }
    }
    let _ = writeln!(
        o,
        "\n== {} ==",
        l("距下一级的差距", "Gaps to the next tier")
    );
    for p in &ev.progress {
        let reached = p.reached.as_deref().and_then(|id| ev.tier(id)).map_or_else(
            || l("尚未达到任何一级", "no tier reached yet").to_string(),
            |t| {
                if p.reached_held {
                    format!(
                        "{}{}{}{}",
                        t.ladder.get(lang),
                        l("", " "),
                        f::programme(p.programme, lang),
                        l("（已持有）", " (already held)")
                    )
                } else {
                    t.title.get(lang).to_string()
                }
            },
        );
        let _ = writeln!(
            o,
            "\n{}{} {} {reached}",
            f::programme(p.programme, lang),
            l("：", ":"),
            l("已达到", "reached")
        );
        for n in &p.next {
            let _ = writeln!(o, "  → {}", n.title.get(lang));
            for (i, b) in n.blockers.iter().enumerate() {
                // Points that hang on a pending input or declaration.
                let pending = match (b.outcome, b.points_gain) {
                    (Outcome::Missing | Outcome::Review, Some(g)) if g > 0.0 => f::paren(
                        &format!(
                            "{}{}",
                            l("待定分值 ", "points pending: "),
                            f::quantity(g, crate::metrics::Unit::Points, lang)
                        ),
                        lang,
                    ),
                    _ => String::new(),
                };
                let _ = writeln!(
                    o,
                    "    {}. {} {}{pending} [{}]",
                    i + 1,
                    f::outcome_mark(b.outcome),
                    b.title.get(lang),
                    b.confidence.label()
                );
                for ch in &b.checks {
                    let mut line = check_line(ch, lang);
                    if let Some(g) = &ch.gap {
                        let _ = write!(line, "{}{}", l("：", ": "), f::gap(g, lang));
                    }
                    let _ = writeln!(o, "       {line}");
                    if let Some(d) = &ch.decide {
                        let _ = writeln!(o, "         {}", d.get(lang));
                    }
                }
                if !b.missing.is_empty() {
                    let _ = writeln!(
                        o,
                        "       {}{}",
                        l("需补充：", "fill in: "),
                        field_names(&b.missing, lang)
                    );
                }
            }
        }
    }
    if let (Some(target), Some(haves)) = (&ev.target, ev.five_haves(None)) {
        let _ = writeln!(
            o,
            "\n== {}{} ==",
            l("五有准备度", "Five haves readiness"),
            f::paren(
                ev.tier(target)
                    .map_or(target.as_str(), |t| t.title.get(lang)),
                lang
            )
        );
        for h in haves {
            let pct = h.readiness.map_or_else(
                || "—".to_string(),
                |r| format!("{}%", f::number(r * 100.0, 0)),
            );
            let _ = writeln!(
                o,
                "  {} {pct:>5}  ({}/{} {})",
                f::pad(f::have(h.have, lang), 16),
                h.met,
                h.total,
                l("项达标", "met")
            );
        }
    }
    let _ = writeln!(
        o,
        "\n{}",
        l(
            "可信度：V 已核实；V1 单一来源；P 暂定值，须向主管部门确认；Q 定性条件，须自行声明并附证明。分档边界值计入较高一档。",
            "Confidence: V verified; V1 one source; P provisional, confirm with the authority; Q qualitative, declare with evidence. A value on a band boundary scores the higher band."
        )
    );
    o
}

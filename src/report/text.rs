//! Plain-text rendering for the terminal.

use std::fmt::Write as _;

use super::format::{self as f, check_line};
use super::proof::{self, TierProof};
use crate::eval::{Evaluation, Outcome};
use crate::i18n::Lang;
use crate::i18n::fields::{self, field_names};
use crate::i18n::words;
use crate::model::{Assessment, Issue, Severity};

/// Renders an evaluation as text; `proof` (empty when the attached files
/// were not checked) adds the readiness of the evidence to every tier and the
/// documents still to attach to every next tier.
#[must_use]
pub fn render(
    file: &str,
    a: &Assessment,
    issues: &[Issue],
    ev: &Evaluation,
    proof: &[TierProof],
    lang: Lang,
) -> String {
    let mut o = String::new();
    let name = if a.company.name.trim().is_empty() {
        lang.t(words::NO_COMPANY_NAME)
    } else {
        a.company.name.as_str()
    };
    let _ = writeln!(o, "{}{name}", lang.t(words::COMPANY));
    if !a.company.uscc.is_empty() {
        let _ = writeln!(o, "{}{}", lang.t(words::CREDIT_CODE), a.company.uscc);
    }
    let _ = writeln!(o, "{}{file}", lang.t(words::FILE));
    let _ = writeln!(o, "{}{}", lang.t(words::AS_OF), ev.as_of);
    let _ = writeln!(o, "{}", lang.t(words::RULE_PACKS));
    for p in &ev.packs {
        let to = p
            .effective_to
            .map_or_else(|| lang.t(words::OPEN).to_string(), |d| d.to_string());
        let partial = if p.partial {
            lang.t(words::ONLY_PART_OF_THE_CONDITIONS)
        } else {
            ""
        };
        let detail = format!(
            "{} – {to}{} {} {}{partial}",
            p.effective_from,
            lang.t(words::COMMA),
            lang.t(words::CONFIDENCE),
            p.confidence.label()
        );
        let _ = writeln!(o, "  {}{}", p.title.get(lang), f::paren(&detail, lang));
        for n in &p.notes {
            let _ = writeln!(o, "      {}{}", lang.t(words::NOTE), n.get(lang));
        }
    }
    if !issues.is_empty() {
        let _ = writeln!(o, "\n{}", lang.t(words::INPUT_CHECKS));
        for i in issues {
            let sev = match i.severity {
                Severity::Error => lang.t(words::ERROR),
                Severity::Warning => lang.t(words::WARNING),
            };
            let _ = writeln!(
                o,
                "  [{sev}] {}{}{}",
                fields::field_name_of_id(&i.field, lang),
                lang.t(words::COLON_SPACED),
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
            let _ = writeln!(o, "  {}", lang.t(words::THE_CRITERIA_BELOW_ON_THIS_YEAR));
        }
        if let Some(p) = proof::of(proof, &t.id).filter(|p| p.total > 0) {
            let _ = writeln!(o, "  {}", p.figure(lang));
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
                        lang.t(words::COMMA),
                        lang.t(words::PASS_MARK),
                        f::number(p, 1)
                    )
                })
                .unwrap_or_default();
            let pot = if s.potential > s.total {
                f::paren(
                    &format!("{} {}", lang.t(words::UP_TO), f::number(s.potential, 1)),
                    lang,
                )
            } else {
                String::new()
            };
            let _ = writeln!(
                o,
                "  {} {}/{}{pot}{pass}{} {}",
                lang.t(words::SCORE_HEADING),
                f::number(s.total, 1),
                f::number(s.max, 1),
                lang.t(words::COLON),
                blocks.join(lang.t(words::SEMICOLON))
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
                let _ = writeln!(o, "      {}{}", lang.t(words::PASSED_BY), r.get(lang));
            }
            for ch in &c.checks {
                if c.outcome == Outcome::NA {
                    break;
                }
                let mut line = check_line(ch, lang);
                if let Some(g) = &ch.gap {
                    let _ = write!(line, "{}{}", lang.t(words::COLON_SPACED), f::gap(g, lang));
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
                    lang.t(words::MISSING),
                    field_names(&c.missing, lang)
                );
            }
            let _ = writeln!(
                o,
                "      {}{}",
                lang.t(words::SOURCE),
                f::source(&c.source, lang)
            );
        }
    }
    let _ = writeln!(o, "\n== {} ==", lang.t(words::GAPS_TO_THE_NEXT_TIER));
    for p in &ev.progress {
        let reached = p.reached.as_deref().and_then(|id| ev.tier(id)).map_or_else(
            || lang.t(words::NO_TIER_REACHED_YET).to_string(),
            |t| {
                if p.reached_held {
                    format!(
                        "{}{}{}{}",
                        t.ladder.get(lang),
                        lang.t(words::SPACE_EN),
                        f::programme(p.programme, lang),
                        lang.t(words::ALREADY_HELD)
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
            lang.t(words::COLON),
            lang.t(words::REACHED)
        );
        for n in &p.next {
            let _ = writeln!(o, "  → {}", n.title.get(lang));
            for (i, b) in n.blockers.iter().enumerate() {
                // Points that hang on a pending input or declaration.
                let pending = match (b.outcome, b.points_gain) {
                    (Outcome::Missing | Outcome::Review, Some(g)) if g > 0.0 => f::paren(
                        &format!(
                            "{}{}",
                            lang.t(words::POINTS_PENDING),
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
                        let _ = write!(line, "{}{}", lang.t(words::COLON_SPACED), f::gap(g, lang));
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
                        lang.t(words::FILL_IN),
                        field_names(&b.missing, lang)
                    );
                }
            }
            if let Some(p) = proof::of(proof, &n.tier).filter(|p| p.total > 0) {
                let _ = writeln!(o, "    {}", p.figure(lang));
                if p.attached < p.total {
                    let _ = writeln!(
                        o,
                        "       {}{}",
                        lang.t(crate::i18n::attach::TO_ATTACH),
                        p.missing_text(lang)
                    );
                }
            }
        }
    }
    if let (Some(target), Some(haves)) = (&ev.target, ev.five_haves(None)) {
        let _ = writeln!(
            o,
            "\n== {}{} ==",
            lang.t(words::FIVE_HAVES_READINESS),
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
                lang.t(words::ITEMS_MET)
            );
        }
    }
    let _ = writeln!(o, "\n{}", lang.t(words::CONFIDENCE_KEY));
    o
}

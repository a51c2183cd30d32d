//! The JSON contract of `innocheck evaluate --format json`
//! (`"format": "innocheck.evaluation/1"`), documented in the README.
//! Fields are only ever added, never renamed or removed, within version 1.

use serde::Serialize;
use serde_json::{Value as Json, json};

use super::format as f;
use crate::eval::{Check, CriterionResult, Evaluation};
use crate::i18n::Lang;
use crate::metrics::Value;
use crate::model::{Assessment, Issue};
use crate::rules::Have;

/// Format id written in every object.
pub const FORMAT: &str = "innocheck.evaluation/1";

fn value(v: Option<Value>) -> Json {
    match v {
        None => Json::Null,
        Some(Value::Num(n)) => json!(n),
        Some(Value::Flag(b)) => json!(b),
    }
}

fn unit(u: crate::metrics::Unit) -> Json {
    serde_json::to_value(u).unwrap_or(Json::Null)
}

fn to_json<T: Serialize>(t: &T) -> Json {
    serde_json::to_value(t).unwrap_or(Json::Null)
}

fn gap(ch: &Check, lang: Lang) -> Json {
    match &ch.gap {
        None => Json::Null,
        Some(g) => json!({
            "shortfall": g.shortfall,
            "unit": unit(g.unit),
            "decrease": g.decrease,
            "lever": g.lever.map(|l| json!({"amount": l.amount, "unit": unit(l.unit), "input": to_json(&l.input)})),
            "points_gain": g.points_gain,
            "text": f::gap(g, lang),
        }),
    }
}

fn check(ch: &Check, lang: Lang) -> Json {
    json!({
        "label": ch.label.get(lang),
        "subject": ch.subject,
        "year": ch.year,
        "value": value(ch.value),
        "op": ch.op,
        "threshold": value(ch.threshold),
        "unit": unit(ch.unit),
        "outcome": ch.outcome.id(),
        "gap": gap(ch, lang),
        "missing": ch.missing,
    })
}

fn criterion(c: &CriterionResult, lang: Lang) -> Json {
    let primary = c.primary_check();
    json!({
        "id": c.id,
        "title": c.title.get(lang),
        "outcome": c.outcome.id(),
        "route": c.route,
        "value": value(primary.and_then(|p| p.value)),
        "threshold": value(primary.and_then(|p| p.threshold)),
        "unit": primary.map_or(Json::Null, |p| unit(p.unit)),
        "gap": primary.map_or(Json::Null, |p| gap(p, lang)),
        "points": c.points,
        "max_points": c.max_points,
        "confidence": c.confidence.label(),
        "have": to_json(&c.have),
        "missing": c.missing,
        "source": {"document": c.source.document, "article": c.source.article, "date": c.source.date.to_string()},
        "checks": c.checks.iter().map(|ch| check(ch, lang)).collect::<Vec<_>>(),
    })
}

/// The JSON object for one evaluated file.
#[must_use]
pub fn object(file: &str, a: &Assessment, issues: &[Issue], ev: &Evaluation, lang: Lang) -> Json {
    let haves = ev.five_haves(None).unwrap_or(&[]);
    let mut five = serde_json::Map::new();
    five.insert("target".into(), json!(ev.target));
    // Every have is always present (null without a target tier, e.g. when no pack is in force).
    for have in Have::FIVE {
        let readiness = haves.iter().find(|h| h.have == have).and_then(|h| h.readiness);
        five.insert(
            serde_json::to_value(have).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default(),
            json!(readiness),
        );
    }
    json!({
        "format": FORMAT,
        "file": file,
        "company": a.company.name,
        "uscc": a.company.uscc,
        "as_of": ev.as_of.to_string(),
        "lang": to_json(&lang),
        "packs": ev.packs.iter().map(|p| json!({
            "id": p.id,
            "title": p.title.get(lang),
            "document": p.document,
            "effective_from": p.effective_from.to_string(),
            "effective_to": p.effective_to.map(|d| d.to_string()),
            "confidence": p.confidence.label(),
            "partial": p.partial,
        })).collect::<Vec<_>>(),
        "issues": issues.iter().map(|i| json!({
            "field": i.field,
            "severity": to_json(&i.severity),
            "message": lang.pick(&i.zh, &i.en),
        })).collect::<Vec<_>>(),
        "tiers": ev.tiers.iter().map(|t| json!({
            "id": t.id,
            "pack": t.pack,
            "programme": to_json(&t.programme),
            "level": t.level,
            "title": t.title.get(lang),
            "verdict": t.verdict.id(),
            "held": t.held,
            "route": t.route,
            "score": t.score.as_ref().map(|s| s.total),
            "max_score": t.score.as_ref().map(|s| s.max),
            "score_blocks": t.score.as_ref().map(|s| s.blocks.iter().map(|b| json!({
                "id": b.id, "title": b.title.get(lang), "points": b.points, "max": b.max, "min": b.min,
            })).collect::<Vec<_>>()),
            "criteria": t.criteria.iter().map(|c| criterion(c, lang)).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "next_tier_gaps": ev.progress.iter().map(|p| json!({
            "programme": to_json(&p.programme),
            "reached": p.reached,
            "reached_held": p.reached_held,
            "next": p.next.iter().map(|n| json!({
                "tier": n.tier,
                "title": n.title.get(lang),
                "blockers": n.blockers.iter().map(|b| json!({
                    "criterion": b.criterion,
                    "title": b.title.get(lang),
                    "outcome": b.outcome.id(),
                    "confidence": b.confidence.label(),
                    "have": to_json(&b.have),
                    "points_gain": b.points_gain,
                    "missing": b.missing,
                    "gaps": b.checks.iter().filter(|c| c.gap.is_some()).map(|c| {
                        let mut line = f::check_line(c, lang);
                        if let Some(g) = &c.gap { line.push_str(lang.pick("：", ": ")); line.push_str(&f::gap(g, lang)); }
                        line
                    }).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "five_haves": Json::Object(five),
    })
}

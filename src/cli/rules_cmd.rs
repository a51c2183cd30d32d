//! `innocheck rules list|show|diff`.

use std::fmt::Write as _;

use anyhow::{Context, Result};

use super::RulesAction;
use crate::i18n::Lang;
use crate::i18n::cli as tr;
use crate::report::format as f;
use crate::report::rules_diff::{self, Change};
use crate::rules::{Criterion, Pack, Registry};

/// Runs a `rules` action and returns the text to print.
pub fn run(reg: &Registry, action: &RulesAction, lang: Lang) -> Result<String> {
    match action {
        RulesAction::List => Ok(list(reg, lang)),
        RulesAction::Show { id } => Ok(show(get(reg, id)?, lang)),
        RulesAction::Diff { from, to } => Ok(diff(get(reg, from)?, get(reg, to)?, lang)),
    }
}

fn get<'r>(reg: &'r Registry, id: &str) -> Result<&'r Pack> {
    reg.get(id).with_context(|| {
        let known: Vec<&str> = reg.packs().iter().map(|p| p.id.as_str()).collect();
        format!("no rule pack {id:?}; known packs: {}", known.join(", "))
    })
}

fn dates(p: &Pack, lang: Lang) -> String {
    let to = p
        .effective_to
        .map_or_else(|| lang.t(tr::OPEN).to_string(), |d| d.to_string());
    format!("{} – {to}", p.effective_from)
}

fn list(reg: &Registry, lang: Lang) -> String {
    let mut o = String::new();
    for p in reg.packs() {
        let partial = if p.partial { lang.t(tr::PARTIAL) } else { "" };
        let _ = writeln!(
            o,
            "{:<18} r{:<3} {} [{}]{partial}  {}",
            p.id,
            p.revision,
            f::pad(&dates(p, lang), 25),
            p.confidence.label(),
            p.title.get(lang)
        );
    }
    o
}

fn show(p: &Pack, lang: Lang) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{} — {}", p.id, p.title.get(lang));
    let _ = writeln!(o, "{} {}", lang.t(tr::DOCUMENT), p.document);
    let _ = writeln!(o, "{} {}", lang.t(tr::ISSUER), p.issuer.get(lang));
    let _ = writeln!(o, "{} {}", lang.t(tr::IN_FORCE), dates(p, lang));
    let _ = writeln!(
        o,
        "{} {} — {}",
        lang.t(tr::CONFIDENCE),
        p.confidence.label(),
        f::confidence(p.confidence, lang)
    );
    for n in &p.notes {
        let _ = writeln!(o, "{} {}", lang.t(tr::NOTE), n.get(lang));
    }
    let crit = |o: &mut String, c: &Criterion| {
        let _ = writeln!(
            o,
            "  {} [{}] {}",
            c.id,
            c.confidence.label(),
            c.title.get(lang)
        );
        let _ = writeln!(o, "      {}", f::describe_rule(&c.rule, lang));
        if let Some(w) = &c.when {
            let _ = writeln!(
                o,
                "      {} {}",
                lang.t(tr::APPLIES_WHEN),
                f::describe_test(w, lang)
            );
        }
        let _ = writeln!(
            o,
            "      {} {}",
            lang.t(tr::SOURCE),
            f::source(&c.source, lang)
        );
    };
    if !p.common.is_empty() {
        let _ = writeln!(o, "\n{}", lang.t(tr::COMMON_TO_EVERY_TIER));
        for c in &p.common {
            crit(&mut o, c);
        }
    }
    for t in &p.tiers {
        let _ = writeln!(
            o,
            "\n[{}] {} {}",
            t.ladder.get(lang),
            t.title.get(lang),
            t.id
        );
        if let Some(s) = &t.score {
            let blocks: Vec<String> = s
                .blocks
                .iter()
                .map(|b| {
                    format!(
                        "{} {}{}",
                        b.title.get(lang),
                        f::number(b.max, 1),
                        b.min
                            .map(|m| format!(" (≥{})", f::number(m, 1)))
                            .unwrap_or_default()
                    )
                })
                .collect();
            let _ = writeln!(
                o,
                "  {} {}: {}",
                lang.t(tr::SCORE_TABLE),
                f::number(s.max, 1),
                blocks.join(", ")
            );
        }
        for c in &t.criteria {
            crit(&mut o, c);
        }
    }
    o
}

fn diff(a: &Pack, b: &Pack, lang: Lang) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{} → {}", a.id, b.id);
    let _ = writeln!(
        o,
        "  {} {} → {}",
        lang.t(tr::IN_FORCE_2),
        dates(a, lang),
        dates(b, lang)
    );
    if a.document != b.document {
        let _ = writeln!(
            o,
            "  {} {} → {}",
            lang.t(tr::DOCUMENT_2),
            a.document,
            b.document
        );
    }
    let (mut added, mut removed, mut changed, mut same) = (0, 0, 0, 0);
    let mut body = String::new();
    let desc = |c: &Criterion| f::describe_rule(&c.rule, lang);
    // A criterion only in one of the packs: its sign, id, title and rule.
    let one_side = |body: &mut String, sign: char, c: &Criterion| {
        let _ = writeln!(
            body,
            "{sign} {} [{}] {}\n      {}",
            c.id,
            c.confidence.label(),
            c.title.get(lang),
            desc(c)
        );
    };
    for (_, change) in rules_diff::diff(a, b) {
        match change {
            Change::Removed(old) => {
                removed += 1;
                one_side(&mut body, '-', old);
            }
            Change::Changed(old, new) => {
                changed += 1;
                let _ = writeln!(
                    body,
                    "~ {} → {} [{} → {}] {}",
                    old.id,
                    new.id,
                    old.confidence.label(),
                    new.confidence.label(),
                    new.title.get(lang)
                );
                let (was, now) = (desc(old), desc(new));
                if was != now {
                    let _ = writeln!(
                        body,
                        "      {} {was}\n      {} {now}",
                        lang.t(tr::WAS),
                        lang.t(tr::NOW)
                    );
                }
            }
            Change::Same(..) => same += 1,
            Change::Added(new) => {
                added += 1;
                one_side(&mut body, '+', new);
            }
        }
    }
    let _ = writeln!(
        o,
        "  {}: +{added} −{removed} ~{changed} ={same}\n",
        lang.t(tr::ADDED_REMOVED_CHANGED_UNCHANGED)
    );
    o.push_str(&body);
    o
}

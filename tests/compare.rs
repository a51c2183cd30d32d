//! `compare`: assessments side by side, and one assessment under two pack
//! versions, checked against differences worked out by hand.

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use innocheck::eval::{Evaluation, Outcome, evaluate};
use innocheck::i18n::Lang;
use innocheck::model::Assessment;
use innocheck::report::compare::{Comparison, Input, compare, render_text};
use innocheck::rules::{Pack, Registry};
use innocheck::storage;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn load(rel: &str) -> Assessment {
    storage::load(&root().join(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
        .assessment
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 30).expect("date")
}

fn packs<'r>(reg: &'r Registry, ids: &[&str]) -> Vec<&'r Pack> {
    ids.iter()
        .map(|id| reg.get(id).unwrap_or_else(|| panic!("pack {id}")))
        .collect()
}

fn build(items: &[(&str, &Assessment, &Evaluation, &[&Pack])]) -> Comparison {
    let inputs: Vec<Input<'_>> = items
        .iter()
        .map(|(label, a, e, p)| Input {
            label,
            assessment: a,
            evaluation: e,
            packs: p,
        })
        .collect();
    compare(&inputs, Lang::Zh)
}

#[test]
fn two_files_differing_in_one_base_year_change_exactly_the_high_tech_growth_rows() {
    // The second file is the first with its 2022 liabilities raised to its assets
    // (tests/cases/hnte-growth-zero-base): net assets 2022 = 0.
    //   First: 净资产 23,400 → 25,100 → 27,100: ½ × (25,100/23,400 + 27,100/25,100) − 1
    //          = ½ × (1.072650 + 1.079681) − 1 = 7.62 % → band 5–15 % → 3 points.
    //   Second: base 0 → the formula does not apply → 0 points, review.
    //   So the 高企 score falls by 3 (13 → 10); nothing else reads 2022 liabilities
    //   (debt ratios read Y−1 = 2024), so no other row changes.
    let reg = Registry::bundled().expect("packs");
    let used = reg.in_force(as_of());
    let first = load("assets/samples/hongdu-precision.ron");
    let second = load("tests/cases/hnte-growth-zero-base/assessment.ron");
    let (ea, eb) = (
        evaluate(&first, &used, as_of()),
        evaluate(&second, &used, as_of()),
    );
    let cmp = build(&[("a", &first, &ea, &used), ("b", &second, &eb, &used)]);

    let changed_tiers: Vec<&str> = cmp
        .tiers
        .iter()
        .filter(|t| t.changed)
        .map(|t| t.key.as_str())
        .collect();
    assert_eq!(changed_tiers, ["hnte.2016"], "{changed_tiers:?}");
    let hnte = cmp
        .tiers
        .iter()
        .find(|t| t.key == "hnte.2016")
        .expect("hnte row");
    let scores: Vec<Option<f64>> = hnte
        .cells
        .iter()
        .map(|x| x.as_ref().and_then(|x| x.score))
        .collect();
    assert_eq!(
        scores[0].zip(scores[1]).map(|(p, q)| p - q),
        Some(3.0),
        "{scores:?}"
    );

    let changed: Vec<&str> = cmp
        .tiers
        .iter()
        .flat_map(|t| &t.criteria)
        .filter(|r| r.changed)
        .map(|r| r.key.as_str())
        .collect();
    assert_eq!(
        changed,
        ["score.net_asset_growth", "innovation_score"],
        "{changed:?}"
    );
    let growth = &hnte
        .criteria
        .iter()
        .find(|r| r.key == "score.net_asset_growth")
        .expect("growth row")
        .cells;
    let (before, after) = (
        growth[0].as_ref().expect("a"),
        growth[1].as_ref().expect("b"),
    );
    assert_eq!((before.points, after.points), (Some(3.0), Some(0.0)));
    assert!(before.value.contains("7.62%"), "{}", before.value);
    assert_eq!(after.outcome, Outcome::Review);
    assert!(after.value.contains("公式不适用"), "{}", after.value);
    assert_eq!(cmp.changed, 3, "one tier and two criteria");

    let text = render_text(&cmp, false);
    assert!(text.contains("有变化：3 项"), "{text}");
    assert!(
        !text.contains("hnte.2016"),
        "no criterion ids in the Chinese rows: {text}"
    );
}

#[test]
fn one_file_under_the_2022_and_2026_sme_rules_pairs_rungs_and_shows_the_new_rd_rule() {
    let reg = Registry::bundled().expect("packs");
    let a = load("assets/samples/hongdu-precision.ron");
    let (p22, p26) = (packs(&reg, &["sme.2022"]), packs(&reg, &["sme.2026"]));
    let (e22, e26) = (evaluate(&a, &p22, as_of()), evaluate(&a, &p26, as_of()));
    let c = build(&[("sme.2022", &a, &e22, &p22), ("sme.2026", &a, &e26, &p26)]);
    // 创新型 (2022) and 科技和创新型 (2026) are the same rung: one row.
    let first = c
        .tiers
        .iter()
        .find(|t| {
            t.cells
                .iter()
                .flatten()
                .any(|x| x.tier == "sme.2026.tech_innovative")
        })
        .expect("the 2026 first rung");
    let ids: Vec<Option<&str>> = first
        .cells
        .iter()
        .map(|x| x.as_ref().map(|x| x.tier.as_str()))
        .collect();
    assert_eq!(
        ids,
        [
            Some("sme.2022.innovative"),
            Some("sme.2026.tech_innovative")
        ]
    );
    // 小巨人: the 2026 rule asks 近 2 年研发费用总额 ≥ 1,200 万元 (criteria.md §8); it is
    // new in 2026, so its 2022 side is empty and the row is a rule change.
    let giant = c
        .tiers
        .iter()
        .find(|t| t.key == "giant")
        .expect("giant row");
    let rd = giant
        .criteria
        .iter()
        .find(|r| {
            r.rules[1]
                .as_deref()
                .is_some_and(|r| r.contains("1,200 万元"))
        })
        .expect("the 2026 R&D rule");
    assert!(rd.rule_changed && rd.rules[0].is_none(), "{rd:?}");
    // 专精特新: the niche years went from ≥ 2 to ≥ 3 (both read 15.7 years: met).
    let spec = c
        .tiers
        .iter()
        .find(|t| t.key == "specialized")
        .expect("specialized row");
    let niche = spec
        .criteria
        .iter()
        .find(|r| {
            r.rules
                .iter()
                .flatten()
                .any(|r| r.contains("从事细分市场年限 ≥ 3 年"))
        })
        .expect("niche row");
    assert!(niche.rule_changed, "{niche:?}");
    assert!(
        niche.rules[0]
            .as_deref()
            .is_some_and(|r| r.contains("≥ 2 年")),
        "{niche:?}"
    );
    assert!(
        niche
            .cells
            .iter()
            .flatten()
            .all(|x| x.outcome == Outcome::Met),
        "{niche:?}"
    );
}

#[test]
fn the_command_compares_in_text_and_json_and_refuses_one_file_without_two_packs() {
    let bin = env!("CARGO_BIN_EXE_innocheck");
    let sample = root().join("assets/samples/hongdu-precision.ron");
    let other = root().join("tests/cases/hnte-growth-zero-base/assessment.ron");
    let out = Command::new(bin)
        .args(["compare", "--format", "json"])
        .arg(&sample)
        .arg(&other)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["format"], "innocheck.comparison/1");
    assert_eq!(v["changed"], 3);
    assert_eq!(v["columns"].as_array().map(Vec::len), Some(2));

    let out = Command::new(bin)
        .args([
            "compare", "--lang", "en", "--pack", "sme.2022", "--pack", "sme.2026",
        ])
        .arg(&sample)
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("Comparing 2 evaluations:"), "{text}");

    let out = Command::new(bin)
        .arg("compare")
        .arg(&sample)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--pack"), "{err}");
}

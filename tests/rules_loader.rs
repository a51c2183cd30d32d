//! The rule loader: bad packs are rejected with the right line and a reason
//! that names the problem; references between packs are checked; a folder of
//! packs overrides the bundled ones without recompiling.
//!
//! Every bad pack starts from the small valid pack below and changes one thing.

use chrono::NaiveDate;
use innocheck::eval::{Outcome, evaluate};
use innocheck::model::Assessment;
use innocheck::rules::{Registry, Rule, RuleError, Test, parse_pack};

/// A small valid pack: one scored tier (with a pass expression) and one plain tier.
const VALID: &str = r#"// Minimal pack for the loader tests, written for rule schema 1.
(
    schema: 1,
    id: "t.pack",
    revision: 1,
    title: (zh: "测试", en: "Test"),
    programme: quality_sme,
    document: "测试文件",
    issuer: (zh: "测试", en: "Test"),
    effective_from: "2020-01-01",
    effective_to: Some("2030-12-31"),
    confidence: V,
    tiers: [
        (
            id: "t.pack.low",
            title: (zh: "低", en: "Low"),
            level: 1,
            ladder: (zh: "低", en: "Low"),
            score: Some((
                max: 30.0,
                blocks: [
                    (id: "innovation", title: (zh: "创新", en: "Innovation"), max: 20.0, min: Some(10.0)),
                    (id: "growth", title: (zh: "成长", en: "Growth"), max: 10.0),
                ],
            )),
            pass: Some(All([
                C("t.pack.low.rd"),
                Any([C("t.pack.low.score"), C("t.pack.low.equity")]),
            ])),
            criteria: [
                (
                    id: "t.pack.low.rd",
                    title: (zh: "研发费用", en: "R&D spending"),
                    have: funding,
                    confidence: V,
                    source: (document: "测试文件", article: "一", date: "2020-01-01"),
                    rule: Check(Cmp(metric: rd_spend, year: Some(1), op: Ge, value: 100.0, unit: wan)),
                ),
                (
                    id: "t.pack.low.equity",
                    title: (zh: "股权融资", en: "Equity"),
                    have: basis,
                    confidence: V1,
                    source: (document: "测试文件", article: "二", date: "2020-01-01"),
                    rule: Check(Cmp(metric: equity_3y, op: Ge, value: 500.0, unit: wan)),
                ),
                (
                    id: "t.pack.low.ratio",
                    title: (zh: "研发费用占比", en: "R&D ratio"),
                    have: funding,
                    confidence: V,
                    source: (document: "测试文件", article: "三", date: "2020-01-01"),
                    rule: Points(block: "innovation", max: 20.0, scoring: Bands(metric: rd_ratio, year: Some(1), unit: percent, bands: [
                        (from: None, to: Some(3.0), points: 0.0),
                        (from: Some(3.0), to: Some(5.0), points: 10.0),
                        (from: Some(5.0), to: None, points: 20.0),
                    ])),
                ),
                (
                    id: "t.pack.low.debt",
                    title: (zh: "资产负债率", en: "Debt ratio"),
                    have: basis,
                    confidence: V,
                    source: (document: "测试文件", article: "四", date: "2020-01-01"),
                    rule: Points(block: "growth", max: 10.0, scoring: Bands(metric: debt_ratio, year: Some(1), unit: percent, upper_closed: true, bands: [
                        (from: None, to: Some(55.0), points: 10.0),
                        (from: Some(55.0), to: None, points: 0.0),
                    ])),
                ),
                (
                    id: "t.pack.low.score",
                    title: (zh: "得分", en: "Score"),
                    have: basis,
                    confidence: V,
                    source: (document: "测试文件", article: "五", date: "2020-01-01"),
                    rule: Check(Score(min: 20.0)),
                ),
            ],
        ),
        (
            id: "t.pack.high",
            title: (zh: "高", en: "High"),
            level: 2,
            ladder: (zh: "高", en: "High"),
            criteria: [
                (
                    id: "t.pack.high.prereq",
                    title: (zh: "前置", en: "Prerequisite"),
                    have: basis,
                    confidence: V,
                    source: (document: "测试文件", article: "六", date: "2020-01-01"),
                    rule: Check(Holds(title: innovative_sme, tier: Some("t.pack.low"))),
                ),
            ],
        ),
    ],
)
"#;

const FILE: &str = "tests/t.pack.ron";

/// `VALID` with `from` replaced by `to` (exactly once).
fn edit(from: &str, to: &str) -> String {
    assert_eq!(
        VALID.matches(from).count(),
        1,
        "the edit target {from:?} must be unique in the valid pack"
    );
    VALID.replacen(from, to, 1)
}

/// 1-based line of the `nth` (0-based) line of `text` containing `needle`.
fn line_of(text: &str, needle: &str, nth: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .nth(nth)
        .map_or_else(
            || panic!("{needle:?} (#{nth}) not in the pack text"),
            |(i, _)| i + 1,
        )
}

/// Parses `text`, expects a rejection at `line` whose reason mentions every word of `words`.
#[track_caller]
fn rejected(text: &str, line: usize, words: &[&str]) -> RuleError {
    let Err(err) = parse_pack(text, FILE) else {
        panic!("pack was accepted, expected a rejection at line {line} mentioning {words:?}");
    };
    let (file, got_line, reason) = match &err {
        RuleError::Parse {
            file, line, reason, ..
        }
        | RuleError::Invalid { file, line, reason } => (file.clone(), *line, reason.clone()),
        RuleError::Io { .. } => panic!("unexpected I/O error {err}"),
    };
    assert_eq!(file, FILE);
    assert_eq!(
        got_line,
        line,
        "wrong line for {err}\n(line {line} is {:?})",
        text.lines().nth(line - 1)
    );
    for w in words {
        assert!(
            reason.contains(w),
            "reason {reason:?} does not mention {w:?}"
        );
    }
    let shown = err.to_string();
    assert!(
        shown.starts_with(&format!("{FILE}:{line}:")),
        "message {shown:?} names file and line"
    );
    err
}

#[test]
fn the_valid_pack_is_valid() {
    let p = parse_pack(VALID, FILE).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.id, "t.pack");
    assert_eq!(p.tiers.len(), 2);
    Registry::from_packs(vec![p]).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn unknown_metric() {
    let t = edit("metric: equity_3y", "metric: equity_3yr");
    rejected(&t, line_of(&t, "equity_3yr", 0), &["equity_3yr"]);
}

#[test]
fn unknown_confidence() {
    let t = edit("confidence: V1", "confidence: X");
    rejected(&t, line_of(&t, "confidence: X", 0), &["X"]);
}

#[test]
fn unknown_field() {
    let t = edit("article: \"三\"", "artcle: \"三\"");
    rejected(&t, line_of(&t, "artcle", 0), &["artcle"]);
    let t = edit("    revision: 1,", "    revison: 1,");
    rejected(&t, line_of(&t, "revison", 0), &["revison"]);
}

#[test]
fn duplicate_criterion_id_points_at_the_second_occurrence() {
    // t.pack.low.equity is named in the pass expression before either definition.
    let t = edit("id: \"t.pack.low.ratio\"", "id: \"t.pack.low.equity\"");
    rejected(
        &t,
        line_of(&t, "id: \"t.pack.low.equity\"", 1),
        &["duplicate", "t.pack.low.equity"],
    );
    // And one not named anywhere else.
    let t = edit("id: \"t.pack.low.debt\"", "id: \"t.pack.low.ratio\"");
    rejected(
        &t,
        line_of(&t, "id: \"t.pack.low.ratio\"", 1),
        &["duplicate", "t.pack.low.ratio"],
    );
    // A duplicate tier id (also named by a Holds before the second definition).
    let t = edit("id: \"t.pack.high\"", "id: \"t.pack.low\"");
    rejected(
        &t,
        line_of(&t, "id: \"t.pack.low\"", 1),
        &["duplicate", "t.pack.low"],
    );
    // Tech-center style: tiers share the pack's id; the pack's own `id:` is not the duplicate.
    let t = VALID
        .replacen("id: \"t.pack.low\",", "id: \"t.pack\",", 1)
        .replacen("id: \"t.pack.high\",", "id: \"t.pack\",", 1);
    rejected(
        &t,
        line_of(&t, "id: \"t.pack\"", 2),
        &["duplicate", "t.pack"],
    );
}

#[test]
fn id_without_the_tier_prefix() {
    let t = edit("id: \"t.pack.low.debt\"", "id: \"t.pack.debt\"");
    rejected(
        &t,
        line_of(&t, "\"t.pack.debt\"", 0),
        &["t.pack.debt", "t.pack.low"],
    );
    // A tier id without the pack prefix.
    let t = edit("id: \"t.pack.high\"", "id: \"other.high\"");
    rejected(
        &t,
        line_of(&t, "\"other.high\"", 0),
        &["other.high", "t.pack"],
    );
}

#[test]
fn a_criterion_problem_points_at_its_definition_not_the_pass_expression() {
    // t.pack.low.rd is named in `pass` above its definition; a unit error is in the definition.
    let t = edit(
        "op: Ge, value: 100.0, unit: wan",
        "op: Ge, value: 100.0, unit: percent",
    );
    rejected(
        &t,
        line_of(&t, "id: \"t.pack.low.rd\"", 0),
        &["rd_spend", "Percent"],
    );
}

#[test]
fn overlapping_bands() {
    let t = edit(
        "(from: Some(3.0), to: Some(5.0), points: 10.0)",
        "(from: Some(2.5), to: Some(5.0), points: 10.0)",
    );
    rejected(&t, line_of(&t, "id: \"t.pack.low.ratio\"", 0), &["overlap"]);
}

#[test]
fn bands_with_a_gap() {
    let t = edit(
        "(from: Some(3.0), to: Some(5.0), points: 10.0)",
        "(from: Some(3.5), to: Some(5.0), points: 10.0)",
    );
    rejected(&t, line_of(&t, "id: \"t.pack.low.ratio\"", 0), &["gap"]);
}

#[test]
fn first_band_bounded_below() {
    let t = edit(
        "(from: None, to: Some(3.0), points: 0.0)",
        "(from: Some(0.0), to: Some(3.0), points: 0.0)",
    );
    rejected(
        &t,
        line_of(&t, "id: \"t.pack.low.ratio\"", 0),
        &["lowest band", "unbounded"],
    );
    // And a last band bounded above.
    let t = edit(
        "(from: Some(5.0), to: None, points: 20.0)",
        "(from: Some(5.0), to: Some(100.0), points: 20.0)",
    );
    rejected(
        &t,
        line_of(&t, "id: \"t.pack.low.ratio\"", 0),
        &["highest band"],
    );
}

#[test]
fn cmp_unit_differs_from_the_metric_unit() {
    let t = edit(
        "metric: equity_3y, op: Ge, value: 500.0, unit: wan",
        "metric: equity_3y, op: Ge, value: 500.0, unit: percent",
    );
    rejected(
        &t,
        line_of(&t, "id: \"t.pack.low.equity\"", 0),
        &["equity_3y", "Wan", "Percent"],
    );
    // Bands too.
    let t = edit(
        "Bands(metric: rd_ratio, year: Some(1), unit: percent",
        "Bands(metric: rd_ratio, year: Some(1), unit: wan",
    );
    rejected(
        &t,
        line_of(&t, "id: \"t.pack.low.ratio\"", 0),
        &["rd_ratio", "Percent", "Wan"],
    );
}

#[test]
fn yearly_metric_without_a_year() {
    let t = edit("metric: rd_spend, year: Some(1),", "metric: rd_spend,");
    rejected(
        &t,
        line_of(&t, "id: \"t.pack.low.rd\"", 0),
        &["rd_spend", "yearly"],
    );
    // Out of range.
    let t = edit(
        "metric: rd_spend, year: Some(1),",
        "metric: rd_spend, year: Some(4),",
    );
    rejected(
        &t,
        line_of(&t, "id: \"t.pack.low.rd\"", 0),
        &["rd_spend", "4"],
    );
}

#[test]
fn non_yearly_metric_with_a_year() {
    let t = edit(
        "metric: equity_3y, op",
        "metric: equity_3y, year: Some(1), op",
    );
    rejected(
        &t,
        line_of(&t, "id: \"t.pack.low.equity\"", 0),
        &["equity_3y", "not yearly"],
    );
}

#[test]
fn block_items_must_add_up_to_the_block_max() {
    let t = edit(
        "Points(block: \"growth\", max: 10.0",
        "Points(block: \"growth\", max: 8.0",
    );
    rejected(
        &t,
        line_of(&t, "(id: \"growth\"", 0),
        &["growth", "10", "8"],
    );
    // Blocks must add up to the table's max.
    let t = edit("max: 30.0,", "max: 40.0,");
    rejected(&t, line_of(&t, "id: \"t.pack.low\"", 0), &["30", "40"]);
}

#[test]
fn pass_expression_naming_an_unknown_criterion() {
    let t = edit("C(\"t.pack.low.equity\")", "C(\"t.pack.low.equty\")");
    rejected(
        &t,
        line_of(&t, "t.pack.low.equty", 0),
        &["t.pack.low.equty"],
    );
}

#[test]
fn effective_to_before_effective_from() {
    let t = edit(
        "effective_to: Some(\"2030-12-31\")",
        "effective_to: Some(\"2019-12-31\")",
    );
    rejected(
        &t,
        line_of(&t, "effective_to:", 0),
        &["effective_to", "2019-12-31", "2020-01-01"],
    );
}

#[test]
fn wrong_schema_version() {
    let t = edit("schema: 1,", "schema: 2,");
    rejected(&t, line_of(&t, "schema: 2", 0), &["schema", "2", "1"]);
}

#[test]
fn registry_rejects_a_holds_naming_an_unknown_tier_wherever_it_is() {
    let check = |text: &str, where_: &str| {
        let p = parse_pack(text, FILE)
            .unwrap_or_else(|e| panic!("{where_}: parse_pack checks one pack only: {e}"));
        match Registry::from_packs(vec![p]) {
            Ok(_) => panic!("{where_}: a Holds naming no.such.tier was accepted"),
            Err(e) => assert!(e.to_string().contains("no.such.tier"), "{where_}: {e}"),
        }
    };
    // In a criterion's rule.
    check(
        &edit("tier: Some(\"t.pack.low\")", "tier: Some(\"no.such.tier\")"),
        "rule",
    );
    // In a criterion's `when`.
    check(
        &edit(
            "article: \"一\", date: \"2020-01-01\"),",
            "article: \"一\", date: \"2020-01-01\"),\n                    when: Some(Holds(title: high_tech, tier: Some(\"no.such.tier\"))),",
        ),
        "when",
    );
    // In a route's `when`.
    check(
        &edit(
            "rule: Check(Cmp(metric: equity_3y, op: Ge, value: 500.0, unit: wan)),",
            "rule: Check(Any([(name: \"e\", label: (zh: \"e\", en: \"e\"), when: Some(Holds(title: high_tech, tier: Some(\"no.such.tier\"))), test: Cmp(metric: equity_3y, op: Ge, value: 500.0, unit: wan))])),",
        ),
        "route when",
    );
    // In a scored ladder step.
    check(
        &edit(
            "rule: Points(block: \"growth\", max: 10.0, scoring: Bands(metric: debt_ratio, year: Some(1), unit: percent, upper_closed: true, bands: [\n                        (from: None, to: Some(55.0), points: 10.0),\n                        (from: Some(55.0), to: None, points: 0.0),\n                    ])),",
            "rule: Points(block: \"growth\", max: 10.0, scoring: Ladder(steps: [(label: (zh: \"s\", en: \"s\"), test: Holds(title: high_tech, tier: Some(\"no.such.tier\")), points: 10.0)], otherwise: 0.0)),",
        ),
        "ladder step",
    );
    // The same pack referring to a tier that exists is fine.
    let ok = parse_pack(VALID, FILE).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(&ok.tiers[1].criteria[0].rule, Rule::Check(Test::Holds { tier: Some(t), .. }) if t == "t.pack.low")
    );
}

#[test]
fn registry_rejects_two_packs_with_one_id() {
    let a = parse_pack(VALID, FILE).unwrap_or_else(|e| panic!("{e}"));
    let err = Registry::from_packs(vec![a.clone(), a]).expect_err("duplicate pack ids rejected");
    assert!(err.to_string().contains("t.pack"), "{err}");
}

// ───────────────────────────── overriding bundled packs ─────────────────────────────

fn rd_spend_company(rd_spend: f64) -> Assessment {
    let mut a = Assessment::default();
    a.ensure_years(NaiveDate::from_ymd_opt(2025, 6, 30).expect("date"));
    if let Some(y) = a.years.iter_mut().find(|y| y.year == 2024) {
        y.rd_spend = Some(rd_spend);
    }
    a
}

#[test]
fn a_rules_folder_overrides_a_bundled_pack_without_recompiling() {
    let as_of = NaiveDate::from_ymd_opt(2025, 6, 30).expect("date");
    let bundled_text = innocheck::rules::BUNDLED
        .iter()
        .find(|(n, _)| *n == "tc.nat.2016.ron")
        .map(|(_, t)| *t)
        .expect("tc.nat.2016.ron bundled");
    let old =
        "rule: Check(Cmp(metric: rd_spend, year: Some(1), op: Ge, value: 1500.0, unit: wan)),";
    assert_eq!(bundled_text.matches(old).count(), 1);
    let edited = bundled_text.replace(old, &old.replace("1500.0", "1000.0"));

    let a = rd_spend_company(1200.0);
    let bundled = Registry::bundled().unwrap_or_else(|e| panic!("{e}"));
    let ev = evaluate(&a, &[bundled.get("tc.nat.2016").expect("pack")], as_of);
    let c = ev
        .tier("tc.nat.2016")
        .and_then(|t| t.criterion("tc.nat.2016.rd_spend"))
        .expect("criterion");
    assert_eq!(
        c.outcome,
        Outcome::NotMet,
        "1200 万 is short of the bundled 1500 万"
    );

    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("tc.nat.2016.ron"), edited).expect("write pack");
    std::fs::write(dir.path().join("README.txt"), "not a pack").expect("write other file");
    let reg = Registry::with_dir(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        reg.packs().len(),
        bundled.packs().len(),
        "same id: replaced, not added"
    );
    let p = reg.get("tc.nat.2016").expect("pack");
    let ev = evaluate(&a, &[p], as_of);
    let c = ev
        .tier("tc.nat.2016")
        .and_then(|t| t.criterion("tc.nat.2016.rd_spend"))
        .expect("criterion");
    assert_eq!(
        c.outcome,
        Outcome::Met,
        "the province changed a number, nobody recompiled"
    );
    // The other packs are still the bundled ones.
    assert_eq!(reg.get("sme.2022"), bundled.get("sme.2022"));

    // A new pack id is added alongside the bundled ones.
    let extra = VALID.replace("t.pack", "t.extra");
    std::fs::write(dir.path().join("zz.extra.ron"), extra).expect("write extra");
    let reg = Registry::with_dir(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reg.packs().len(), bundled.packs().len() + 1);
    assert!(reg.get("t.extra").is_some());
}

#[test]
fn a_broken_pack_in_the_rules_folder_is_reported_with_path_and_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = edit("metric: equity_3y", "metric: equity_3yr");
    let line = line_of(&bad, "equity_3yr", 0);
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, &bad).expect("write pack");
    let err = Registry::with_dir(dir.path()).expect_err("broken pack rejected");
    match &err {
        RuleError::Parse {
            file,
            line: l,
            reason,
            ..
        } => {
            assert_eq!(file, &path.display().to_string());
            assert_eq!(*l, line);
            assert!(reason.contains("equity_3yr"), "{reason}");
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
    let shown = err.to_string();
    assert!(
        shown.contains(&format!("{}:{line}:", path.display())),
        "{shown}"
    );

    // A pack that parses but is invalid: also path and line.
    std::fs::remove_file(&path).expect("remove");
    let bad = edit(
        "effective_to: Some(\"2030-12-31\")",
        "effective_to: Some(\"2019-12-31\")",
    );
    let path = dir.path().join("invalid.ron");
    std::fs::write(&path, &bad).expect("write pack");
    let err = Registry::with_dir(dir.path()).expect_err("invalid pack rejected");
    assert!(
        err.to_string().starts_with(&format!(
            "{}:{}:",
            path.display(),
            line_of(&bad, "effective_to:", 0)
        )),
        "{err}"
    );

    // A folder that does not exist.
    let err = Registry::with_dir(&dir.path().join("nope")).expect_err("missing folder rejected");
    assert!(matches!(err, RuleError::Io { .. }), "{err:?}");
}

// ───────────────────────────── hostile packs ─────────────────────────────

use innocheck::rules::{MAX_PREREQUISITE_DEPTH, Pack};
use std::fmt::Write as _;

/// A pack `id` of `n` tiers `id.t0 … id.t{n-1}`, each requiring the next
/// (the last requires `last_requires`, else checks R&D spending); every
/// `Holds` is wrapped in `nest` levels of `All`.
fn chain_pack(id: &str, n: usize, last_requires: Option<&str>, nest: usize) -> String {
    let holds = |tier: &str| {
        format!(
            "{}Holds(title: innovative_sme, tier: Some(\"{tier}\")){}",
            "All([".repeat(nest),
            "])".repeat(nest)
        )
    };
    let mut tiers = String::new();
    for i in 0..n {
        let rule = if i + 1 < n {
            holds(&format!("{id}.t{}", i + 1))
        } else if let Some(t) = last_requires {
            holds(t)
        } else {
            "Cmp(metric: rd_spend, year: Some(1), op: Ge, value: 100.0, unit: wan)".to_string()
        };
        let _ = write!(
            tiers,
            r#"        (
            id: "{id}.t{i}",
            title: (zh: "层", en: "Tier"),
            level: 1,
            ladder: (zh: "层", en: "Tier"),
            criteria: [
                (
                    id: "{id}.t{i}.prereq",
                    title: (zh: "前置", en: "Prerequisite"),
                    have: basis,
                    confidence: V,
                    source: (document: "测试文件", article: "一", date: "2020-01-01"),
                    rule: Check({rule}),
                ),
            ],
        ),
"#
        );
    }
    format!(
        r#"(
    schema: 1,
    id: "{id}",
    revision: 1,
    title: (zh: "链", en: "Chain"),
    programme: quality_sme,
    document: "测试文件",
    issuer: (zh: "测试", en: "Test"),
    effective_from: "2020-01-01",
    confidence: V,
    tiers: [
{tiers}    ],
)
"#
    )
}

/// The message of a rejected pack `text` (which must parse as RON).
#[track_caller]
fn invalid(text: &str) -> (usize, String) {
    match parse_pack(text, FILE) {
        Err(RuleError::Invalid { file, line, reason }) => {
            assert_eq!(file, FILE);
            (line, reason)
        }
        Err(other) => panic!("expected a validation error, got {other}"),
        Ok(_) => panic!("the pack was accepted"),
    }
}

#[test]
fn a_tier_requiring_itself_is_a_cycle_at_its_criterion() {
    let t = edit("tier: Some(\"t.pack.low\")", "tier: Some(\"t.pack.high\")");
    let (line, reason) = invalid(&t);
    assert_eq!(line, line_of(&t, "id: \"t.pack.high.prereq\"", 0));
    assert!(reason.contains("cycle"), "{reason}");
    assert!(reason.contains("t.pack.high → t.pack.high"), "{reason}");
}

#[test]
fn two_and_three_tier_cycles_are_named() {
    // Two tiers requiring each other, through the chain generator.
    for n in [2, 3] {
        let text = chain_pack("c.pack", n, Some("c.pack.t0"), 0);
        let (line, reason) = invalid(&text);
        assert!(line > 0, "{reason}");
        assert!(reason.contains("cycle"), "{reason}");
        let cycle: Vec<String> = (0..n).map(|i| format!("c.pack.t{i}")).collect();
        // The cycle is named in full, whichever tier it starts from.
        for t in &cycle {
            assert!(reason.contains(t.as_str()), "{n}-cycle: {reason}");
        }
        assert_eq!(reason.matches(" → ").count(), n, "{reason}");
    }
}

#[test]
fn a_cycle_through_the_common_criteria_is_found() {
    // A common criterion is evaluated with every tier, so requiring one of the
    // pack's tiers there makes that tier require itself.
    let t = edit(
        "    tiers: [\n",
        "    common: [\n        (\n            id: \"t.pack.gate\",\n            title: (zh: \"门槛\", en: \"Gate\"),\n            have: basis,\n            confidence: V,\n            source: (document: \"测试文件\", article: \"零\", date: \"2020-01-01\"),\n            rule: Check(Holds(title: innovative_sme, tier: Some(\"t.pack.low\"))),\n        ),\n    ],\n    tiers: [\n",
    );
    let (line, reason) = invalid(&t);
    assert_eq!(line, line_of(&t, "id: \"t.pack.gate\"", 0));
    assert!(
        reason.contains("cycle") && reason.contains("t.pack.low → t.pack.low"),
        "{reason}"
    );
}

#[test]
fn prerequisite_chains_deeper_than_the_limit_are_refused_without_overflowing() {
    // Depth = number of steps: n tiers in a chain are n − 1 deep.
    let ok = chain_pack("c.pack", MAX_PREREQUISITE_DEPTH + 1, None, 0);
    parse_pack(&ok, FILE).unwrap_or_else(|e| panic!("a chain at the limit is fine: {e}"));
    for n in [MAX_PREREQUISITE_DEPTH + 2, 800, 5000] {
        let text = chain_pack("c.pack", n, None, 0);
        let (line, reason) = invalid(&text);
        assert!(
            reason.contains("deep") && reason.contains(&MAX_PREREQUISITE_DEPTH.to_string()),
            "{reason}"
        );
        // Reported at the requirement that starts the chain it names.
        let first = reason
            .split_once("chain ")
            .and_then(|(_, r)| r.split_once(" → "))
            .map_or_else(|| panic!("no chain in {reason}"), |(t, _)| t.to_string());
        assert_eq!(
            line,
            line_of(&text, &format!("id: \"{first}.prereq\""), 0),
            "{reason}"
        );
    }
    // And a long cycle: also refused, also without recursion.
    let (_, reason) = invalid(&chain_pack("c.pack", 3000, Some("c.pack.t0"), 0));
    assert!(
        reason.contains("cycle"),
        "{}",
        &reason[..reason.len().min(200)]
    );
}

/// Deepest `All` nesting around a `Holds` that the parser accepts in a chain pack.
fn deepest_nesting() -> usize {
    (0..80)
        .rev()
        .find(|&k| parse_pack(&chain_pack("c.pack", 2, None, k), FILE).is_ok())
        .expect("some nesting parses")
}

#[test]
fn the_deepest_accepted_chain_evaluates_on_a_small_stack() {
    // The worst accepted pack: a chain at the depth limit, each step nested as
    // deeply as the parser allows. The evaluation recurses through it; it must
    // fit in a test thread's 2 MiB stack (the main thread has 8 MiB).
    let nest = deepest_nesting();
    let text = chain_pack("c.pack", MAX_PREREQUISITE_DEPTH + 1, None, nest);
    let pack: Pack = parse_pack(&text, FILE).unwrap_or_else(|e| panic!("{e}"));
    let reg = Registry::from_packs(vec![pack]).unwrap_or_else(|e| panic!("{e}"));
    let handle = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            let a = rd_spend_company(150.0);
            let as_of = NaiveDate::from_ymd_opt(2025, 6, 30).expect("date");
            let packs: Vec<&Pack> = reg.packs().iter().collect();
            let ev = evaluate(&a, &packs, as_of);
            ev.tiers.len()
        })
        .expect("thread");
    assert_eq!(
        handle.join().expect("no stack overflow"),
        MAX_PREREQUISITE_DEPTH + 1
    );
}

#[test]
fn score_tables_with_nan_negative_or_reversed_bounds_are_refused() {
    let block = "(id: \"innovation\", title: (zh: \"创新\", en: \"Innovation\"), max: 20.0, min: Some(10.0)),";
    for (what, to, words) in [
        (
            "NaN max",
            block.replace("max: 20.0", "max: NaN"),
            vec!["innovation", "max"],
        ),
        (
            "NaN min",
            block.replace("Some(10.0)", "Some(NaN)"),
            vec!["innovation", "sub-minimum"],
        ),
        (
            "negative min",
            block.replace("Some(10.0)", "Some(-5.0)"),
            vec!["innovation", "-5"],
        ),
        (
            "min above max",
            block.replace("Some(10.0)", "Some(25.0)"),
            vec!["innovation", "25", "above"],
        ),
        (
            "infinite max",
            block.replace("max: 20.0", "max: inf"),
            vec!["innovation", "max"],
        ),
    ] {
        let t = edit(block, &to);
        let (line, reason) = invalid(&t);
        assert_eq!(
            line,
            line_of(&t, "id: \"innovation\"", 0),
            "{what}: {reason}"
        );
        for w in words {
            assert!(reason.contains(w), "{what}: {reason:?} lacks {w:?}");
        }
    }
    // The table's own max.
    let t = edit("max: 30.0,", "max: NaN,");
    let (line, reason) = invalid(&t);
    assert_eq!(line, line_of(&t, "id: \"t.pack.low\"", 0), "{reason}");
    assert!(reason.contains("NaN"), "{reason}");
    // A pass mark above the table's max can never be reached.
    let t = edit("Score(min: 20.0)", "Score(min: 31.0)");
    let (line, reason) = invalid(&t);
    assert_eq!(line, line_of(&t, "id: \"t.pack.low.score\"", 0));
    assert!(reason.contains("31") && reason.contains("30"), "{reason}");
}

#[test]
fn thresholds_outside_a_plausible_range_for_their_unit_are_refused() {
    for (from, to, what) in [
        (
            "value: 100.0, unit: wan",
            "value: 1.7e308, unit: wan",
            "1.7e308 万元",
        ),
        (
            "value: 100.0, unit: wan",
            "value: 2e9, unit: wan",
            "beyond MAX_MONEY",
        ),
        (
            "value: 100.0, unit: wan",
            "value: -2e9, unit: wan",
            "below -MAX_MONEY",
        ),
        (
            "value: 500.0, unit: wan",
            "value: 1e300, unit: wan",
            "equity",
        ),
    ] {
        let t = VALID.replacen(from, to, 1);
        let (line, reason) = invalid(&t);
        assert!(line > 0, "{what}: {reason}");
        assert!(reason.contains("plausible"), "{what}: {reason}");
    }
    // 1.8e308 overflows to infinity when read: not a finite number.
    let t = VALID.replacen("value: 100.0, unit: wan", "value: 1.8e308, unit: wan", 1);
    let (line, reason) = invalid(&t);
    assert_eq!(line, line_of(&t, "id: \"t.pack.low.rd\"", 0));
    assert!(reason.contains("not a finite number"), "{reason}");
    // Score-band bounds are thresholds too: 3 % and 5 % become 300,000 % and 500,000 %.
    let t = VALID
        .replace("Some(3.0)", "Some(3.0e5)")
        .replace("Some(5.0)", "Some(5.0e5)");
    let (line, reason) = invalid(&t);
    assert_eq!(line, line_of(&t, "id: \"t.pack.low.ratio\"", 0));
    assert!(
        reason.contains("plausible") && reason.contains("300000"),
        "{reason}"
    );
    // Counts: negative, or more than MAX_PEOPLE.
    let staff = |v: &str| {
        edit(
            "rule: Check(Cmp(metric: equity_3y, op: Ge, value: 500.0, unit: wan)),",
            &format!(
                "rule: Check(Cmp(metric: rd_staff, year: Some(1), op: Ge, value: {v}, unit: person)),"
            ),
        )
    };
    for v in ["-1.0", "6e6"] {
        let t = staff(v);
        let (line, reason) = invalid(&t);
        assert_eq!(line, line_of(&t, "id: \"t.pack.low.equity\"", 0));
        assert!(reason.contains("plausible"), "{v}: {reason}");
    }
    parse_pack(&staff("50.0"), FILE).unwrap_or_else(|e| panic!("50 persons is plausible: {e}"));
    // Range edges documented by plausible_range are accepted.
    let (lo, hi) = innocheck::rules::plausible_range(innocheck::metrics::Unit::Wan);
    for v in [lo, hi] {
        let t = VALID.replacen(
            "value: 100.0, unit: wan",
            &format!("value: {v:?}, unit: wan"),
            1,
        );
        parse_pack(&t, FILE).unwrap_or_else(|e| panic!("{v} is at the edge: {e}"));
    }
}

/// The valid pack re-labelled as pack `id` (every id inside follows).
fn renamed(id: &str) -> String {
    VALID.replace("t.pack", id)
}

#[test]
fn a_tier_in_another_packs_id_space_is_refused_naming_both_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.ron"), VALID).expect("write");
    // Pack "t" defines tiers "t.pack.low"/"t.pack.high": inside its own prefix,
    // but the same ids as the tiers of pack "t.pack" — one would be dropped.
    let clash = VALID.replacen("id: \"t.pack\",", "id: \"t\",", 1);
    std::fs::write(dir.path().join("b.ron"), &clash).expect("write");
    let err = Registry::with_dir(dir.path()).expect_err("clash refused");
    let shown = err.to_string();
    assert!(
        shown.contains("a.ron") && shown.contains("b.ron"),
        "{shown}"
    );
    assert!(shown.contains("t.pack.low"), "{shown}");
    let RuleError::Invalid { line, .. } = err else {
        panic!("{err:?}")
    };
    assert!(line > 0, "{shown}");

    // Pack "t" with tiers "t.pack.x…": no clash, but inside pack "t.pack"'s ids.
    let inside = renamed("t.pack.x").replacen("id: \"t.pack.x\",", "id: \"t\",", 1);
    std::fs::write(dir.path().join("b.ron"), &inside).expect("write");
    let err = Registry::with_dir(dir.path()).expect_err("inside another pack's ids");
    let shown = err.to_string();
    assert!(
        shown.contains("id space") && shown.contains("a.ron") && shown.contains("b.ron"),
        "{shown}"
    );
}

#[test]
fn two_files_of_a_rules_folder_with_one_pack_id_are_both_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("first.ron"), VALID).expect("write");
    std::fs::write(
        dir.path().join("second.ron"),
        VALID.replace("revision: 1", "revision: 2"),
    )
    .expect("write");
    let err = Registry::with_dir(dir.path()).expect_err("duplicate refused");
    let shown = err.to_string();
    assert!(
        shown.contains("first.ron") && shown.contains("second.ron"),
        "{shown}"
    );
    assert!(shown.contains("t.pack"), "{shown}");
    let second = dir.path().join("second.ron").display().to_string();
    assert!(
        shown.starts_with(&format!(
            "{second}:{}:",
            line_of(VALID, "id: \"t.pack\"", 0)
        )),
        "{shown}"
    );
}

#[test]
fn an_unknown_or_circular_tier_across_files_names_the_file_and_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = renamed("zz").replace("tier: Some(\"zz.low\")", "tier: Some(\"no.such.tier\")");
    let path = dir.path().join("zz.ron");
    std::fs::write(&path, &text).expect("write");
    let err = Registry::with_dir(dir.path()).expect_err("unknown tier");
    let at = format!(
        "{}:{}:",
        path.display(),
        line_of(&text, "id: \"zz.high.prereq\"", 0)
    );
    assert!(err.to_string().starts_with(&at), "{err} (expected {at})");
    assert!(!err.to_string().contains("zz:0"), "{err}");

    // Two packs requiring each other's tiers: a cycle across files.
    let a = renamed("ya").replace("tier: Some(\"ya.low\")", "tier: Some(\"yb.high\")");
    let b = renamed("yb").replace("tier: Some(\"yb.low\")", "tier: Some(\"ya.high\")");
    std::fs::remove_file(&path).expect("rm");
    std::fs::write(dir.path().join("ya.ron"), &a).expect("write");
    std::fs::write(dir.path().join("yb.ron"), &b).expect("write");
    let err = Registry::with_dir(dir.path()).expect_err("cycle across packs");
    let shown = err.to_string();
    assert!(
        shown.contains("cycle") && shown.contains("ya.high") && shown.contains("yb.high"),
        "{shown}"
    );
    assert!(shown.contains(".ron:"), "names a file and line: {shown}");
}

#[test]
fn a_pack_saved_by_windows_notepad_loads_from_a_chinese_folder() {
    // Notepad may save "UTF-8 with BOM" and CRLF line ends; the folder has CJK
    // characters and a space, the extension is upper case.
    let as_of = NaiveDate::from_ymd_opt(2025, 6, 30).expect("date");
    let bundled_text = innocheck::rules::BUNDLED
        .iter()
        .find(|(n, _)| *n == "tc.nat.2016.ron")
        .map(|(_, t)| *t)
        .expect("tc.nat.2016.ron bundled");
    let old =
        "rule: Check(Cmp(metric: rd_spend, year: Some(1), op: Ge, value: 1500.0, unit: wan)),";
    let edited = bundled_text.replace(old, &old.replace("1500.0", "1000.0"));
    let notepad = format!("\u{feff}{}", edited.replace('\n', "\r\n"));
    let root = tempfile::tempdir().expect("temp dir");
    let dir = root.path().join("我的规则 2025");
    std::fs::create_dir(&dir).expect("folder");
    std::fs::write(dir.join("TC.NAT.2016.RON"), notepad).expect("write pack");
    let reg = Registry::with_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let p = reg.get("tc.nat.2016").expect("pack");
    let ev = evaluate(&rd_spend_company(1200.0), &[p], as_of);
    let c = ev
        .tier("tc.nat.2016")
        .and_then(|t| t.criterion("tc.nat.2016.rd_spend"))
        .expect("criterion");
    assert_eq!(c.outcome, Outcome::Met, "the edited threshold is in force");
}

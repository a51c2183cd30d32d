//! Data-driven evaluation cases: every folder under `tests/cases/` holds an
//! `expected.ron` (and an `assessment.ron`, unless `expected.ron` names a
//! bundled sample). Adding a case needs no Rust.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use innocheck::eval::{Outcome, Verdict, evaluate};
use innocheck::rules::Registry;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    /// Assessment file relative to the repository root; default `assessment.ron` in the case folder.
    #[serde(default)]
    assessment: Option<String>,
    as_of: NaiveDate,
    /// Packs to use; default: those in force on `as_of`.
    #[serde(default)]
    packs: Vec<String>,
    #[serde(default)]
    tiers: BTreeMap<String, String>,
    #[serde(default)]
    criteria: BTreeMap<String, String>,
    #[serde(default)]
    scores: BTreeMap<String, f64>,
    #[serde(default)]
    routes: BTreeMap<String, Option<String>>,
    /// Missing fields expected per criterion (subset check).
    #[serde(default)]
    missing: BTreeMap<String, Vec<String>>,
    /// Expected highest tier reached per programme (`tech_center`, `quality_sme`); None = none.
    #[serde(default)]
    reached: BTreeMap<String, Option<String>>,
    /// Whether each named tier is held (a valid title or a center on its track).
    #[serde(default)]
    held: BTreeMap<String, bool>,
    /// Points earned per scored criterion.
    #[serde(default)]
    points: BTreeMap<String, f64>,
    /// Text the "what would decide" note of a criterion contains (Chinese).
    #[serde(default)]
    decide: BTreeMap<String, String>,
    /// The default five-haves target tier.
    #[serde(default)]
    target: Option<String>,
}

fn verdict_id(v: Verdict) -> &'static str {
    v.id()
}

fn outcome_id(o: Outcome) -> &'static str {
    o.id()
}

fn main() -> std::process::ExitCode {
    let args = libtest_mimic::Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs: Vec<_> = std::fs::read_dir(root.join("tests/cases"))
        .expect("tests/cases")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("expected.ron").exists())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty(), "no cases found");
    // One test per case folder, so a case can be run alone: `cargo test --test cases -- NAME`.
    let trials = dirs
        .into_iter()
        .map(|dir| {
            let name = dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            libtest_mimic::Trial::test(name.clone(), move || {
                let failures = run_case(&name, &dir);
                if failures.is_empty() {
                    Ok(())
                } else {
                    Err(format!("{} mismatches:\n{}", failures.len(), failures.join("\n")).into())
                }
            })
        })
        .collect();
    libtest_mimic::run(&args, trials).exit_code()
}

/// Evaluates one case folder and lists every difference from its expectation.
fn run_case(name: &str, dir: &Path) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let reg = Registry::bundled().expect("bundled packs");
    let mut failures = Vec::new();
    {
        let exp_text =
            std::fs::read_to_string(dir.join("expected.ron")).expect("expected.ron readable");
        let exp: Expected =
            ron::from_str(&exp_text).unwrap_or_else(|e| panic!("{name}/expected.ron: {e}"));
        let file = exp
            .assessment
            .as_ref()
            .map_or_else(|| dir.join("assessment.ron"), |p| root.join(p));
        let a = innocheck::storage::load(&file)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .assessment;
        let packs: Vec<_> = if exp.packs.is_empty() {
            reg.in_force(exp.as_of)
        } else {
            exp.packs
                .iter()
                .map(|id| {
                    reg.get(id)
                        .unwrap_or_else(|| panic!("{name}: no pack {id}"))
                })
                .collect()
        };
        let ev = evaluate(&a, &packs, exp.as_of);
        for (tier, want) in &exp.tiers {
            match ev.tier(tier) {
                Some(t) if verdict_id(t.verdict) == want => {}
                Some(t) => failures.push(format!(
                    "{name}: tier {tier}: {} != {want}",
                    verdict_id(t.verdict)
                )),
                None => failures.push(format!("{name}: tier {tier} not evaluated")),
            }
        }
        for (id, want) in &exp.criteria {
            let got = ev
                .tiers
                .iter()
                .flat_map(|t| &t.criteria)
                .find(|c| *c.id == **id);
            match got {
                Some(c) if outcome_id(c.outcome) == want => {}
                Some(c) => failures.push(format!(
                    "{name}: {id}: {} != {want} (checks: {:?})",
                    outcome_id(c.outcome),
                    c.checks
                        .iter()
                        .map(|x| (&x.label.en, x.value, x.threshold))
                        .collect::<Vec<_>>()
                )),
                None => failures.push(format!("{name}: criterion {id} not evaluated")),
            }
        }
        for (tier, want) in &exp.scores {
            match ev.tier(tier).and_then(|t| t.score.as_ref()) {
                Some(s) if (s.total - want).abs() < 1e-9 => {}
                Some(s) => failures.push(format!(
                    "{name}: score of {tier}: {} != {want} (blocks {:?})",
                    s.total,
                    s.blocks
                        .iter()
                        .map(|b| (&b.id, b.points))
                        .collect::<Vec<_>>()
                )),
                None => failures.push(format!("{name}: {tier} has no score")),
            }
        }
        for (tier, want) in &exp.routes {
            match ev.tier(tier) {
                Some(t) if t.route == *want => {}
                Some(t) => failures.push(format!(
                    "{name}: route of {tier}: {:?} != {want:?}",
                    t.route
                )),
                None => failures.push(format!("{name}: tier {tier} not evaluated")),
            }
        }
        for (id, want) in &exp.missing {
            let got = ev
                .tiers
                .iter()
                .flat_map(|t| &t.criteria)
                .find(|c| *c.id == **id);
            match got {
                Some(c) if want.iter().all(|f| c.missing.iter().any(|m| m == f)) => {}
                Some(c) => failures.push(format!(
                    "{name}: {id}: missing {:?} lacks some of {want:?}",
                    c.missing
                )),
                None => failures.push(format!("{name}: criterion {id} not evaluated")),
            }
        }
        check_more(name, &exp, &ev, &mut failures);
        for (prog, want) in &exp.reached {
            let got = ev.progress.iter().find(|p| {
                serde_json::to_value(p.programme)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .as_deref()
                    == Some(prog.as_str())
            });
            match got {
                Some(p) if p.reached == *want => {}
                Some(p) => failures.push(format!(
                    "{name}: {prog} reached {:?} != {want:?}",
                    p.reached
                )),
                None => failures.push(format!("{name}: programme {prog} not evaluated")),
            }
        }
    }
    failures
}

/// The checks added with held titles, points, undecided durations and targets.
fn check_more(
    name: &str,
    exp: &Expected,
    ev: &innocheck::eval::Evaluation,
    failures: &mut Vec<String>,
) {
    let find = |id: &str| {
        ev.tiers
            .iter()
            .flat_map(|t| &t.criteria)
            .find(|c| &*c.id == id)
    };
    for (tier, want) in &exp.held {
        match ev.tier(tier) {
            Some(t) if t.held == *want => {}
            Some(t) => failures.push(format!("{name}: tier {tier}: held {} != {want}", t.held)),
            None => failures.push(format!("{name}: tier {tier} not evaluated")),
        }
    }
    for (id, want) in &exp.points {
        match find(id).and_then(|c| c.points) {
            Some(p) if (p - want).abs() < 1e-9 => {}
            got => failures.push(format!("{name}: points of {id}: {got:?} != {want}")),
        }
    }
    for (id, want) in &exp.decide {
        let text = find(id)
            .and_then(|c| c.checks.iter().find_map(|ch| ch.decide.as_ref()))
            .map(|t| t.zh.to_string());
        if !text.as_deref().is_some_and(|t| t.contains(want.as_str())) {
            failures.push(format!("{name}: decide of {id}: {text:?} lacks {want:?}"));
        }
    }
    if let Some(want) = &exp.target
        && ev.target.as_ref() != Some(want)
    {
        failures.push(format!("{name}: target {:?} != {want:?}", ev.target));
    }
}

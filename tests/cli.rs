//! The real `innocheck` binary, run as a user would: exit codes, messages on
//! standard error, the `innocheck.evaluation/1` JSON contract, date-based pack
//! selection, languages, `validate`, `rules list|show|diff`, `--rules DIR`
//! overrides and the no-argument default.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use serde_json::Value;

/// The bundled samples that must exist (README, `DEFAULT_SAMPLE`).
const SAMPLE_NAMES: [&str; 3] = [
    "ganpo-smart.ron",
    "hongdu-precision.ron",
    "xinyu-materials.ron",
];
const FORMAT: &str = "innocheck.evaluation/1";
const VERDICTS: [&str; 4] = ["eligible", "not_eligible", "incomplete", "not_applicable"];
const OUTCOMES: [&str; 5] = ["met", "not_met", "missing", "review", "n_a"];
const CONFIDENCES: [&str; 4] = ["V", "V1", "P", "Q"];
const HAVES: [&str; 6] = [
    "staff",
    "funding",
    "conditions",
    "direction",
    "projects",
    "basis",
];
const FIVE: [&str; 5] = ["staff", "funding", "conditions", "direction", "projects"];

// ───────────────────────────── helpers ─────────────────────────────

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> String {
    root()
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

fn sample(name: &str) -> String {
    root()
        .join("assets/samples")
        .join(name)
        .display()
        .to_string()
}

/// Every `*.ron` in `assets/samples/`, sorted; the three documented samples must be there.
fn samples() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root().join("assets/samples"))
        .expect("assets/samples exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|p| p.display().to_string())
        .collect();
    v.sort();
    for n in SAMPLE_NAMES {
        assert!(
            v.iter().any(|p| p.ends_with(n)),
            "bundled sample {n} is missing from assets/samples/"
        );
    }
    v
}

/// What a run of the binary produced.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }

    fn expect_code(&self, code: i32, what: &str) -> &Run {
        assert_eq!(
            self.code, code,
            "{what}: exit code {} (expected {code})\nstdout:\n{}\nstderr:\n{}",
            self.code, self.stdout, self.stderr
        );
        self
    }
}

fn run_in(dir: &Path, args: &[&str]) -> Run {
    // Headless, as in CI: without a display, `innocheck [FILE]` prints the text evaluation.
    let out = Command::new(env!("CARGO_BIN_EXE_innocheck"))
        .args(args)
        .current_dir(dir)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("the innocheck binary runs");
    Run {
        code: out
            .status
            .code()
            .expect("innocheck exited normally (no signal)"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

fn run(args: &[&str]) -> Run {
    run_in(root(), args)
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{key:?} is not a string in {v}"))
}

fn arr<'a>(v: &'a Value, key: &str) -> &'a Vec<Value> {
    v.get(key)
        .and_then(Value::as_array)
        .unwrap_or_else(|| panic!("{key:?} is not an array in {v}"))
}

fn has(v: &Value, key: &str) -> bool {
    v.as_object().is_some_and(|o| o.contains_key(key))
}

fn date(v: &Value, what: &str) -> NaiveDate {
    let t = v
        .as_str()
        .unwrap_or_else(|| panic!("{what} is not a string: {v}"));
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .unwrap_or_else(|e| panic!("{what} {t:?} is not YYYY-MM-DD: {e}"))
}

fn null_or_number(v: &Value, what: &str) {
    assert!(
        v.is_null() || v.is_number(),
        "{what} must be null or a number: {v}"
    );
}

fn pack_ids(v: &Value) -> Vec<String> {
    arr(v, "packs")
        .iter()
        .map(|p| s(p, "id").to_string())
        .collect()
}

/// Pack ids declared in `assets/rules/*.ron` (the first `id:` of each file), sorted.
fn bundled_pack_ids() -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(root().join("assets/rules"))
        .expect("assets/rules exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("pack readable");
            let line = text
                .lines()
                .map(str::trim)
                .find(|l| !l.starts_with("//") && l.starts_with("id: \""))
                .unwrap_or_else(|| panic!("no id in {}", p.display()));
            line.trim_start_matches("id: \"")
                .split('"')
                .next()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    ids.sort();
    assert!(
        ids.len() >= 8,
        "expected the eight bundled packs, found {ids:?}"
    );
    ids
}

/// 1-based line of the first line of `text` containing `needle` after skipping `skip` matches.
fn line_of(text: &str, needle: &str, skip: usize) -> usize {
    1 + text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .nth(skip)
        .unwrap_or_else(|| panic!("{needle:?} not found"))
        .0
}

// ───────────────────────── the JSON contract ─────────────────────────

fn check_criterion(c: &Value, tier: &str, pack: &str, common: &BTreeSet<String>) {
    let id = s(c, "id");
    let in_tier = id
        .strip_prefix(tier)
        .is_some_and(|r| r.starts_with('.') && r.len() > 1);
    // Common criteria (every tier of a pack) are prefixed by the pack id, as the loader requires.
    let in_common =
        common.contains(id) && id.strip_prefix(pack).is_some_and(|r| r.starts_with('.'));
    assert!(
        in_tier || in_common,
        "criterion {id} does not start with its tier id {tier}"
    );
    let outcome = s(c, "outcome");
    assert!(OUTCOMES.contains(&outcome), "{id}: outcome {outcome:?}");
    for k in ["value", "threshold"] {
        let v = &c[k];
        assert!(
            v.is_null() || v.is_number() || v.is_boolean(),
            "{id}: {k} = {v}"
        );
    }
    assert!(
        has(c, "unit") && (c["unit"].is_null() || c["unit"].is_string()),
        "{id}: unit {}",
        c["unit"]
    );
    assert!(has(c, "gap"), "{id}: no gap key");
    if let Some(g) = c["gap"].as_object() {
        assert!(
            g["shortfall"].is_number(),
            "{id}: gap.shortfall {}",
            g["shortfall"]
        );
        assert!(
            g["text"].as_str().is_some_and(|t| !t.is_empty()),
            "{id}: gap.text"
        );
    } else {
        assert!(c["gap"].is_null(), "{id}: gap {}", c["gap"]);
    }
    assert!(
        has(c, "points") && has(c, "max_points"),
        "{id}: points keys"
    );
    null_or_number(&c["points"], &format!("{id}.points"));
    null_or_number(&c["max_points"], &format!("{id}.max_points"));
    if let (Some(p), Some(m)) = (c["points"].as_f64(), c["max_points"].as_f64()) {
        assert!((0.0..=m).contains(&p), "{id}: points {p} outside 0..={m}");
    }
    let conf = s(c, "confidence");
    assert!(CONFIDENCES.contains(&conf), "{id}: confidence {conf:?}");
    let have = s(c, "have");
    assert!(HAVES.contains(&have), "{id}: have {have:?}");
    let missing = arr(c, "missing");
    assert!(
        missing
            .iter()
            .all(|m| m.as_str().is_some_and(|m| !m.is_empty())),
        "{id}: missing {missing:?}"
    );
    if outcome == "missing" {
        assert!(
            !missing.is_empty(),
            "{id}: outcome missing but no field named"
        );
    }
    let src = &c["source"];
    assert!(
        !s(src, "document").is_empty(),
        "{id}: source.document empty"
    );
    let _ = s(src, "article");
    date(&src["date"], &format!("{id}.source.date"));
}

fn check_tier(t: &Value, packs: &[String], common: &BTreeSet<String>) {
    let id = s(t, "id");
    let pack = s(t, "pack");
    assert!(
        packs.iter().any(|p| p == pack),
        "tier {id}: pack {pack} not in packs {packs:?}"
    );
    assert!(
        id == pack || id.starts_with(&format!("{pack}.")),
        "tier {id} is not in pack {pack}"
    );
    let verdict = s(t, "verdict");
    assert!(
        VERDICTS.contains(&verdict),
        "tier {id}: verdict {verdict:?}"
    );
    assert!(
        has(t, "route") && (t["route"].is_null() || t["route"].is_string()),
        "tier {id}: route"
    );
    assert!(
        has(t, "score") && has(t, "max_score"),
        "tier {id}: score keys"
    );
    null_or_number(&t["score"], "score");
    null_or_number(&t["max_score"], "max_score");
    assert_eq!(
        t["score"].is_null(),
        t["max_score"].is_null(),
        "tier {id}: score without max_score"
    );
    if let (Some(sc), Some(max)) = (t["score"].as_f64(), t["max_score"].as_f64()) {
        assert!(
            (0.0..=max).contains(&sc),
            "tier {id}: score {sc} outside 0..={max}"
        );
    }
    let criteria = arr(t, "criteria");
    assert!(!criteria.is_empty(), "tier {id} has no criteria");
    for c in criteria {
        check_criterion(c, id, pack, common);
    }
}

/// Asserts the documented `innocheck.evaluation/1` shape of one object.
fn check_contract(v: &Value, file: &str) {
    assert_eq!(s(v, "format"), FORMAT);
    assert_eq!(s(v, "file"), file);
    assert!(!s(v, "company").is_empty(), "company is empty");
    date(&v["as_of"], "as_of");
    let packs = pack_ids(v);
    for p in arr(v, "packs") {
        assert!(!s(p, "title").is_empty(), "pack title empty: {p}");
        let from = date(&p["effective_from"], "effective_from");
        assert!(has(p, "effective_to"), "pack without effective_to: {p}");
        if !p["effective_to"].is_null() {
            assert!(
                date(&p["effective_to"], "effective_to") >= from,
                "pack ends before it starts: {p}"
            );
        }
    }
    let tiers = arr(v, "tiers");
    // Criteria present in every tier of a pack are its common criteria.
    for pack in &packs {
        let of_pack: Vec<&Value> = tiers.iter().filter(|t| s(t, "pack") == pack).collect();
        assert!(!of_pack.is_empty(), "pack {pack} has no evaluated tier");
        let ids = |t: &Value| -> BTreeSet<String> {
            arr(t, "criteria")
                .iter()
                .map(|c| s(c, "id").to_string())
                .collect()
        };
        let common = of_pack
            .iter()
            .skip(1)
            .fold(ids(of_pack[0]), |acc, t| &acc & &ids(t));
        for t in of_pack {
            check_tier(t, &packs, &common);
        }
    }
    let tier_ids: BTreeSet<&str> = tiers.iter().map(|t| s(t, "id")).collect();
    for p in arr(v, "next_tier_gaps") {
        assert!(
            p["reached"].is_null() || tier_ids.contains(s(p, "reached")),
            "reached: {p}"
        );
        for n in arr(p, "next") {
            assert!(
                tier_ids.contains(s(n, "tier")),
                "next tier not evaluated: {n}"
            );
            let _ = arr(n, "blockers");
        }
    }
    let haves_obj = v["five_haves"]
        .as_object()
        .expect("five_haves is an object");
    assert!(
        haves_obj.contains_key("target"),
        "five_haves.target missing"
    );
    assert!(
        haves_obj["target"].is_null()
            || tier_ids.contains(haves_obj["target"].as_str().unwrap_or_default()),
        "five_haves.target"
    );
    for k in FIVE {
        assert!(
            haves_obj.contains_key(k),
            "five_haves.{k} missing: {haves_obj:?}"
        );
        let r = &haves_obj[k];
        assert!(
            r.is_null() || r.as_f64().is_some_and(|r| (0.0..=1.0).contains(&r)),
            "five_haves.{k} = {r}"
        );
    }
}

// ───────────────────────────── evaluate ─────────────────────────────

#[test]
fn every_sample_evaluates_to_the_json_contract() {
    for f in samples() {
        let r = run(&["evaluate", &f, "--format", "json"]);
        r.expect_code(0, &f);
        let v = r.json();
        assert!(v.is_object(), "one file gives one object, not {v}");
        check_contract(&v, &f);
        assert!(!arr(&v, "tiers").is_empty(), "{f}: no tier evaluated");
    }
}

#[test]
fn fixtures_evaluate_to_the_json_contract_with_missing_fields_named() {
    let full = fixture("cli-basic.ron");
    let v = run(&["evaluate", &full, "--format", "json"])
        .expect_code(0, "basic")
        .json();
    check_contract(&v, &full);
    assert_eq!(s(&v, "company"), "江西测试精密机械有限公司");
    assert_eq!(s(&v, "as_of"), "2025-06-30");

    let sparse = fixture("cli-sparse.ron");
    let v = run(&["evaluate", &sparse, "--format", "json", "--lang", "en"])
        .expect_code(0, "sparse")
        .json();
    check_contract(&v, &sparse);
    assert_eq!(s(&v, "lang"), "en");
    let tier = arr(&v, "tiers")
        .iter()
        .find(|t| s(t, "id") == "tc.nat.2016")
        .expect("tc.nat.2016 evaluated");
    let rd = arr(tier, "criteria")
        .iter()
        .find(|c| s(c, "id") == "tc.nat.2016.rd_spend")
        .expect("rd_spend");
    assert_eq!(s(rd, "outcome"), "missing");
    assert!(rd["value"].is_null());
    assert_eq!(rd["threshold"].as_f64(), Some(1500.0));
    assert_eq!(s(rd, "unit"), "wan");
    assert_eq!(
        arr(rd, "missing"),
        &vec![Value::from("years.2024.rd_spend")]
    );
    assert!(
        arr(&v, "tiers")
            .iter()
            .any(|t| s(t, "verdict") == "incomplete"),
        "a partly filled file leaves tiers incomplete"
    );
}

#[test]
fn several_files_give_an_array_in_the_order_given() {
    let all = samples();
    let mut files: Vec<&str> = all.iter().map(String::as_str).rev().collect();
    let basic = fixture("cli-basic.ron");
    files.insert(1, &basic);
    let mut args = vec!["evaluate", "--format", "json"];
    args.extend(&files);
    let v = run(&args).expect_code(0, "several files").json();
    let items = v.as_array().expect("several files give a JSON array");
    assert_eq!(items.len(), files.len());
    for (item, f) in items.iter().zip(&files) {
        check_contract(item, f);
    }
}

#[test]
fn order_is_kept_when_files_are_spread_over_threads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(fixture("cli-basic.ron")).expect("fixture");
    let files: Vec<String> = (0..23)
        .map(|i| {
            let p = dir.path().join(format!("f{:02}.ron", (i * 7) % 23));
            let body = text.replace("江西测试精密机械有限公司\",", &format!("公司{i}\","));
            std::fs::write(&p, body).expect("write");
            p.display().to_string()
        })
        .collect();
    let mut args = vec!["evaluate", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let v = run(&args).expect_code(0, "23 files").json();
    let items = v.as_array().expect("array");
    assert_eq!(items.len(), 23);
    for (i, (item, f)) in items.iter().zip(&files).enumerate() {
        assert_eq!(s(item, "file"), f);
        assert_eq!(s(item, "company"), format!("公司{i}"));
    }
}

#[test]
fn an_unreadable_file_among_several_gives_exit_2_and_an_error_object() {
    let dir = tempfile::tempdir().expect("temp dir");
    let gone = dir.path().join("no-such-company.ron").display().to_string();
    let a = sample("hongdu-precision.ron");
    let b = fixture("cli-basic.ron");
    let r = run(&["evaluate", "--format", "json", &a, &gone, &b]);
    r.expect_code(2, "one file missing");
    assert!(
        r.stderr.contains(&gone),
        "stderr does not name {gone}:\n{}",
        r.stderr
    );
    let v = r.json();
    let items = v.as_array().expect("array");
    assert_eq!(items.len(), 3);
    check_contract(&items[0], &a);
    check_contract(&items[2], &b);
    assert_eq!(s(&items[1], "file"), gone);
    assert_eq!(s(&items[1], "format"), FORMAT);
    assert!(
        s(&items[1], "error").contains(&gone),
        "error text: {}",
        items[1]
    );
    assert!(!has(&items[1], "tiers"));
}

#[test]
fn as_of_selects_the_packs_in_force() {
    let f = sample("hongdu-precision.ron");
    let v = run(&["evaluate", &f, "--format", "json"])
        .expect_code(0, "file date")
        .json();
    let before = pack_ids(&v);
    assert_eq!(s(&v, "as_of"), "2025-06-30");
    for (id, expected) in [
        ("tc.nat.2016", true),
        ("sme.2022", true),
        ("tc.nat.2026", false),
        ("sme.2026", false),
    ] {
        assert_eq!(
            before.iter().any(|p| p == id),
            expected,
            "{id} on 2025-06-30: {before:?}"
        );
    }

    let v = run(&["evaluate", &f, "--format", "json", "--as-of", "2026-06-30"])
        .expect_code(0, "2026")
        .json();
    check_contract(&v, &f);
    let after = pack_ids(&v);
    assert_eq!(s(&v, "as_of"), "2026-06-30");
    for (id, expected) in [
        ("tc.nat.2026", true),
        ("sme.2026", true),
        ("tc.nat.2016", false),
        ("sme.2022", false),
    ] {
        assert_eq!(
            after.iter().any(|p| p == id),
            expected,
            "{id} on 2026-06-30: {after:?}"
        );
    }
    assert!(
        arr(&v, "tiers")
            .iter()
            .all(|t| s(t, "pack") != "tc.nat.2016")
    );
}

#[test]
fn pack_and_all_packs_choose_packs_explicitly() {
    let f = sample("xinyu-materials.ron");
    let v = run(&["evaluate", &f, "--format", "json", "--pack", "tc.nat.2016"])
        .expect_code(0, "--pack")
        .json();
    check_contract(&v, &f);
    assert_eq!(pack_ids(&v), vec!["tc.nat.2016".to_string()]);
    assert!(
        arr(&v, "tiers")
            .iter()
            .all(|t| s(t, "pack") == "tc.nat.2016")
    );

    // An explicit pack is used whatever its dates (a 2026 re-review under the 2022 rules).
    let v = run(&[
        "evaluate",
        &f,
        "--format",
        "json",
        "--as-of",
        "2026-06-30",
        "--pack",
        "sme.2022",
        "--pack",
        "tc.nat.2026",
    ])
    .expect_code(0, "two packs")
    .json();
    let mut got = pack_ids(&v);
    got.sort();
    assert_eq!(got, vec!["sme.2022".to_string(), "tc.nat.2026".to_string()]);

    let v = run(&["evaluate", &f, "--format", "json", "--all-packs"])
        .expect_code(0, "--all-packs")
        .json();
    check_contract(&v, &f);
    let mut got = pack_ids(&v);
    got.sort();
    assert_eq!(got, bundled_pack_ids());
}

#[test]
fn an_unknown_pack_is_an_error_listing_the_known_packs() {
    let f = sample("hongdu-precision.ron");
    let r = run(&["evaluate", &f, "--pack", "no.such.pack"]);
    r.expect_code(2, "unknown pack");
    assert!(r.stderr.contains("no.such.pack"), "stderr:\n{}", r.stderr);
    for id in bundled_pack_ids() {
        assert!(
            r.stderr.contains(&id),
            "known pack {id} not listed:\n{}",
            r.stderr
        );
    }
    // The message ends with the file, as every other one does.
    assert!(
        r.stderr.trim_end().ends_with(&f),
        "the file is not named:\n{}",
        r.stderr
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out.pdf");
    let r = run(&[
        "report",
        &f,
        "-o",
        out.to_str().expect("utf-8"),
        "--pack",
        "no.such.pack",
    ]);
    r.expect_code(2, "unknown pack in report");
    assert!(r.stderr.trim_end().ends_with(&f), "{}", r.stderr);
}

#[test]
fn an_unknown_target_tier_names_the_file() {
    let f = sample("hongdu-precision.ron");
    let r = run(&["evaluate", &f, "--target", "no.such.tier"]);
    r.expect_code(2, "unknown target");
    assert!(r.stderr.contains("no.such.tier"), "{}", r.stderr);
    assert!(
        r.stderr.contains("tc.nat.2016"),
        "the evaluated tiers are listed: {}",
        r.stderr
    );
    assert!(
        r.stderr.trim_end().ends_with(&f),
        "the file is not named:\n{}",
        r.stderr
    );
}

#[test]
fn fail_if_ineligible_sets_exit_1_only_when_asked() {
    let f = sample("hongdu-precision.ron");
    let v = run(&["evaluate", &f, "--format", "json"])
        .expect_code(0, "without the flag")
        .json();
    assert!(
        arr(&v, "tiers")
            .iter()
            .any(|t| s(t, "verdict") != "eligible"),
        "the sample should miss some tier"
    );
    let r = run(&["evaluate", &f, "--fail-if-ineligible"]);
    r.expect_code(1, "with the flag");
    assert!(
        r.stdout.contains("距下一级的差距"),
        "the report is still printed"
    );
    let r = run(&["evaluate", &f, "--format", "json", "--fail-if-ineligible"]);
    r.expect_code(1, "with the flag, JSON");
    check_contract(&r.json(), &f);

    // Narrowed to a tier the company reaches, the flag passes.
    let basic = fixture("cli-basic.ron");
    let v = run(&[
        "evaluate",
        &basic,
        "--format",
        "json",
        "--pack",
        "tc.city.template",
    ])
    .expect_code(0, "city")
    .json();
    assert!(
        arr(&v, "tiers")
            .iter()
            .all(|t| s(t, "verdict") == "eligible")
    );
    run(&[
        "evaluate",
        &basic,
        "--pack",
        "tc.city.template",
        "--fail-if-ineligible",
    ])
    .expect_code(0, "eligible, flag");
}

#[test]
fn text_is_chinese_by_default_and_english_with_lang_en() {
    let f = sample("hongdu-precision.ron");
    let zh = run(&["evaluate", &f]);
    zh.expect_code(0, "zh");
    assert!(zh.stdout.contains("距下一级的差距"), "{}", zh.stdout);
    assert!(!zh.stdout.contains("Gaps to the next tier"));
    let en = run(&["evaluate", &f, "--lang", "en"]);
    en.expect_code(0, "en");
    assert!(en.stdout.contains("Gaps to the next tier"), "{}", en.stdout);
    assert!(!en.stdout.contains("距下一级的差距"));
    assert!(en.stdout.contains(&f));
}

#[test]
fn global_options_are_accepted_before_the_subcommand() {
    // The README documents `innocheck --rules my-rules/ evaluate company.ron` and
    // lists --rules and --lang as global options.
    let f = sample("hongdu-precision.ron");
    let en = run(&["--lang", "en", "evaluate", &f]);
    en.expect_code(0, "--lang before evaluate");
    assert!(en.stdout.contains("Gaps to the next tier"), "{}", en.stdout);
    let list = run(&["--lang", "en", "rules", "list"]);
    list.expect_code(0, "--lang before rules");
    assert!(list.stdout.contains("open"), "{}", list.stdout);
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path().display().to_string();
    run(&["--rules", &d, "evaluate", &f]).expect_code(0, "--rules before evaluate");
    // A file and a subcommand together are still refused.
    run(&[&f, "rules", "list"]).expect_code(2, "FILE and a subcommand");
}

#[test]
fn a_syntax_error_names_file_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path().join("broken.ron");
    std::fs::write(&p, "(\n    format_version: 2,\n    assessment: (\n        company: (name: \"X\" uscc: \"Y\"),\n    ),\n)\n").expect("write");
    let name = p.display().to_string();
    for args in [
        vec!["evaluate", name.as_str()],
        vec!["evaluate", name.as_str(), "--format", "json"],
        vec![name.as_str()],
    ] {
        let r = run(&args);
        r.expect_code(2, "syntax error");
        assert!(
            r.stderr.contains(&name),
            "stderr does not name the file:\n{}",
            r.stderr
        );
        assert!(
            r.stderr.contains("第 4 行第 29 列"),
            "stderr lacks the line/column (Chinese by default):\n{}",
            r.stderr
        );
        assert!(!r.stderr.contains("line 4"), "one language:\n{}", r.stderr);
        let mut en = args.clone();
        en.extend(["--lang", "en"]);
        let r = run(&en);
        r.expect_code(2, "syntax error, English");
        assert!(
            r.stderr.contains("line 4, column 29") && r.stderr.contains(&name),
            "stderr lacks file and line/column in English:\n{}",
            r.stderr
        );
        assert!(!r.stderr.contains("第 4 行"), "one language:\n{}", r.stderr);
    }
}

#[test]
fn a_missing_file_is_exit_2_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let gone = dir.path().join("missing.ron").display().to_string();
    for args in [
        vec!["evaluate", gone.as_str()],
        vec![gone.as_str()],
        vec!["evaluate", "--format", "json", gone.as_str()],
    ] {
        let r = run(&args);
        r.expect_code(2, "missing file");
        assert!(r.stderr.contains(&gone), "stderr:\n{}", r.stderr);
    }
}

// ───────────────────────────── validate ─────────────────────────────

#[test]
fn validate_reports_a_bad_credit_code_check_digit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(fixture("cli-basic.ron")).expect("fixture");
    assert!(text.contains("91360100MA35ABCD1R"));
    let p = dir.path().join("bad-uscc.ron");
    std::fs::write(&p, text.replace("91360100MA35ABCD1R", "91360100MA35ABCD10")).expect("write");
    let name = p.display().to_string();

    let ok = run(&["validate", &fixture("cli-basic.ron")]);
    ok.expect_code(0, "valid file");
    assert!(!ok.stdout.contains("统一社会信用代码"), "{}", ok.stdout);

    let r = run(&["validate", &name]);
    r.expect_code(0, "validate with issues");
    // The field is named as the form names it, never by its id.
    assert!(!r.stdout.contains("company.uscc"), "{}", r.stdout);
    let line = r
        .stdout
        .lines()
        .find(|l| l.contains("企业概况 › 统一社会信用代码"))
        .unwrap_or_else(|| panic!("no credit-code issue:\n{}", r.stdout));
    assert!(
        line.contains('R') && line.contains('0'),
        "the message gives expected and found check digits: {line}"
    );

    let v = run(&["validate", &name, "--format", "json"])
        .expect_code(0, "json")
        .json();
    let items = v.as_array().expect("array");
    assert_eq!(items.len(), 1);
    let issue = arr(&items[0], "issues")
        .iter()
        .find(|i| s(i, "field") == "company.uscc")
        .expect("uscc issue");
    assert_eq!(s(issue, "severity"), "error");

    // The evaluation still runs and lists the issue.
    let v = run(&["evaluate", &name, "--format", "json"])
        .expect_code(0, "evaluate")
        .json();
    assert!(
        arr(&v, "issues")
            .iter()
            .any(|i| s(i, "field") == "company.uscc")
    );
}

#[test]
fn validate_on_an_unreadable_file_is_exit_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let gone = dir.path().join("gone.ron").display().to_string();
    let folder = dir.path().display().to_string();
    let latin1 = dir.path().join("latin1.ron");
    std::fs::write(&latin1, b"(\n    format_version: 2, // caf\xe9\n)\n").expect("write");
    let latin1 = latin1.display().to_string();
    for f in [&gone, &folder, &latin1] {
        let r = run(&["validate", f]);
        r.expect_code(2, f);
        assert!(
            r.stderr.contains(f.as_str()),
            "stderr does not name {f}:\n{}",
            r.stderr
        );
    }
    // A good file alongside still gets its report, and the JSON names the bad one.
    let good = fixture("cli-basic.ron");
    let r = run(&["validate", "--format", "json", &good, &gone]);
    r.expect_code(2, "one unreadable");
    let v = r.json();
    let items = v.as_array().expect("array");
    assert_eq!(items.len(), 2);
    assert!(has(&items[0], "issues"));
    assert_eq!(s(&items[1], "file"), gone);
    assert!(has(&items[1], "error"));
}

// ───────────────────────────── rules ─────────────────────────────

#[test]
fn rules_list_names_every_bundled_pack() {
    let r = run(&["rules", "list"]);
    r.expect_code(0, "rules list");
    for id in bundled_pack_ids() {
        assert!(
            r.stdout
                .lines()
                .any(|l| l.split_whitespace().next() == Some(id.as_str())),
            "pack {id} not listed:\n{}",
            r.stdout
        );
    }
}

#[test]
fn rules_show_lists_tiers_and_criterion_ids() {
    let text = std::fs::read_to_string(root().join("assets/rules/sme.2022.ron")).expect("pack");
    let ids: Vec<&str> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("id: \"sme.2022."))
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert!(ids.len() > 20, "sme.2022 has many criteria: {ids:?}");
    let r = run(&["rules", "show", "sme.2022"]);
    r.expect_code(0, "rules show");
    for id in ids {
        let full = format!("sme.2022.{id}");
        assert!(
            r.stdout.split_whitespace().any(|w| w == full),
            "{full} not shown"
        );
    }
    for id in [
        "sme.2022.gate",
        "sme.2022.innovative.rd_ratio",
        "sme.2022.giant.debt",
    ] {
        assert!(r.stdout.contains(id));
    }
}

#[test]
fn rules_diff_shows_the_2026_national_changes() {
    for (lang, was, now) in [("zh", "原：", "现："), ("en", "was:", "now:")] {
        let r = run(&[
            "rules",
            "diff",
            "tc.nat.2016",
            "tc.nat.2026",
            "--lang",
            lang,
        ]);
        r.expect_code(0, "rules diff");
        let lines: Vec<&str> = r.stdout.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.starts_with("~ tc.nat.2016.rd_spend"))
            .unwrap_or_else(|| panic!("no rd_spend change:\n{}", r.stdout));
        assert!(lines[at].contains("tc.nat.2026.rd_spend"));
        assert!(
            lines[at + 1].contains(was) && lines[at + 1].contains("1,500"),
            "{}",
            lines[at + 1]
        );
        assert!(
            lines[at + 2].contains(now) && lines[at + 2].contains("3,000"),
            "{}",
            lines[at + 2]
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("- tc.nat.2016.provincial_years")),
            "provincial_years not shown as removed:\n{}",
            r.stdout
        );
        assert!(
            r.stdout.contains("−1"),
            "the summary counts one removal:\n{}",
            r.stdout
        );
    }
}

#[test]
fn rules_show_unknown_pack_is_exit_2() {
    let r = run(&["rules", "show", "no.such"]);
    r.expect_code(2, "unknown pack");
    assert!(
        r.stderr.contains("no.such") && r.stderr.contains("tc.nat.2016"),
        "stderr:\n{}",
        r.stderr
    );
    run(&["rules", "diff", "tc.nat.2016", "no.such"]).expect_code(2, "diff with an unknown pack");
}

// ───────────────────────────── --rules DIR ─────────────────────────────

fn rd_spend_of(v: &Value) -> (String, Option<f64>) {
    let tier = arr(v, "tiers")
        .iter()
        .find(|t| s(t, "id") == "tc.nat.2016")
        .expect("tc.nat.2016");
    let c = arr(tier, "criteria")
        .iter()
        .find(|c| s(c, "id") == "tc.nat.2016.rd_spend")
        .expect("rd_spend");
    (s(c, "outcome").to_string(), c["threshold"].as_f64())
}

#[test]
fn rules_dir_overrides_a_bundled_pack_without_recompiling() {
    let f = fixture("cli-basic.ron"); // R&D spending 2024: 1,200 万元
    let base = run(&["evaluate", &f, "--format", "json"])
        .expect_code(0, "bundled")
        .json();
    assert_eq!(rd_spend_of(&base), ("not_met".to_string(), Some(1500.0)));

    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(root().join("assets/rules/tc.nat.2016.ron")).expect("pack");
    let old =
        "rule: Check(Cmp(metric: rd_spend, year: Some(1), op: Ge, value: 1500.0, unit: wan)),";
    assert_eq!(
        text.matches(old).count(),
        1,
        "the bundled pack changed; update this test"
    );
    std::fs::write(
        dir.path().join("tc.nat.2016.ron"),
        text.replace(old, &old.replace("1500.0", "1000.0")),
    )
    .expect("write");
    let d = dir.path().display().to_string();

    for args in [
        vec![
            "evaluate",
            f.as_str(),
            "--format",
            "json",
            "--rules",
            d.as_str(),
        ],
        vec![
            "--rules",
            d.as_str(),
            "evaluate",
            f.as_str(),
            "--format",
            "json",
        ],
    ] {
        let v = run(&args).expect_code(0, "edited pack").json();
        check_contract(&v, &f);
        assert_eq!(
            rd_spend_of(&v),
            ("met".to_string(), Some(1000.0)),
            "{args:?}"
        );
    }
    let show = run(&["rules", "show", "tc.nat.2016", "--rules", &d]);
    show.expect_code(0, "show edited");
    assert!(
        show.stdout.contains("1,000") && !show.stdout.contains("1,500"),
        "{}",
        show.stdout
    );
}

#[test]
fn a_broken_pack_in_rules_dir_names_the_pack_and_line() {
    let text = std::fs::read_to_string(root().join("assets/rules/tc.nat.2016.ron")).expect("pack");
    let f = fixture("cli-basic.ron");

    // A syntax error: a string where a number belongs.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("tc.nat.2016.ron");
    std::fs::write(&path, text.replace("value: 2000.0", "value: \"2000\"")).expect("write");
    let line = line_of(&text, "value: 2000.0", 0);
    let d = dir.path().display().to_string();
    let r = run(&["evaluate", &f, "--rules", &d]);
    r.expect_code(2, "syntax error in a pack");
    let at = format!("{}:{line}:", path.display());
    assert!(r.stderr.contains(&at), "stderr lacks {at}:\n{}", r.stderr);
    run(&["rules", "list", "--rules", &d]).expect_code(2, "rules list with a broken pack");

    // A pack that parses but breaks the schema: a duplicate criterion id.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("my-national.ron");
    std::fs::write(
        &path,
        text.replace(
            "id: \"tc.nat.2016.rd_staff\"",
            "id: \"tc.nat.2016.rd_spend\"",
        ),
    )
    .expect("write");
    let line = line_of(&text, "id: \"tc.nat.2016.rd_staff\"", 0);
    let d = dir.path().display().to_string();
    let r = run(&["evaluate", &f, "--rules", &d]);
    r.expect_code(2, "duplicate id in a pack");
    let at = format!("{}:{line}:", path.display());
    assert!(r.stderr.contains(&at), "stderr lacks {at}:\n{}", r.stderr);
    assert!(r.stderr.contains("duplicate"), "{}", r.stderr);
}

// ───────────────────────────── no arguments ─────────────────────────────

#[test]
fn no_arguments_shows_the_bundled_default_sample() {
    let text = std::fs::read_to_string(
        root()
            .join("assets/samples")
            .join(innocheck::storage::DEFAULT_SAMPLE),
    )
    .expect("the default sample exists in assets/samples/");
    let company = text
        .lines()
        .map(str::trim)
        .find_map(|l| l.strip_prefix("name: \""))
        .and_then(|r| r.split('"').next())
        .expect("company name in the sample")
        .to_string();
    // From an empty folder: the sample is bundled in the binary, not read from disk.
    let dir = tempfile::tempdir().expect("temp dir");
    let r = run_in(dir.path(), &[]);
    r.expect_code(0, "no arguments");
    assert!(
        r.stdout.contains(&company),
        "company {company} not shown:\n{}",
        r.stdout
    );
    assert!(r.stdout.contains(&format!(
        "assets/samples/{}",
        innocheck::storage::DEFAULT_SAMPLE
    )));
    assert!(r.stdout.contains("距下一级的差距"));
    // The only thing on stderr is the note that no display was found (GUI builds).
    assert!(
        r.stderr.is_empty() || r.stderr.contains("DISPLAY"),
        "stderr:\n{}",
        r.stderr
    );

    let en = run_in(dir.path(), &["--lang", "en"]);
    en.expect_code(0, "no file, English");
    assert!(en.stdout.contains(&company) && en.stdout.contains("Gaps to the next tier"));
}

#[test]
fn a_file_without_subcommand_is_evaluated_as_text() {
    let f = fixture("cli-basic.ron");
    let r = run(&[&f]);
    r.expect_code(0, "innocheck FILE");
    assert!(r.stdout.contains("江西测试精密机械有限公司") && r.stdout.contains(&f));
}

#[test]
fn json_keeps_its_shape_when_no_pack_is_in_force() {
    // Before the first pack (2016) nothing is in force: no tiers, but every documented key.
    let f = fixture("cli-basic.ron");
    let v = run(&["evaluate", &f, "--format", "json", "--as-of", "2010-01-01"])
        .expect_code(0, "2010")
        .json();
    assert!(arr(&v, "packs").is_empty() && arr(&v, "tiers").is_empty());
    check_contract(&v, &f);
}

#[test]
fn screenshot_mode_without_a_display_fails_with_a_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("shot.png");
    let r = run(&[
        "--screenshot",
        out.to_str().expect("utf-8 path"),
        "--page",
        "results",
    ]);
    r.expect_code(2, "--screenshot without a display");
    // A build without the window says so instead.
    let why = if cfg!(feature = "gui") {
        "display"
    } else {
        "feature `gui`"
    };
    assert!(r.stderr.contains(why), "{}", r.stderr);
    assert!(!out.exists());
    let bad = run(&[
        "--screenshot",
        out.to_str().expect("utf-8 path"),
        "--page",
        "nowhere",
    ]);
    bad.expect_code(2, "unknown page");
    // The pages are listed: the command line checks the page's name before
    // anything else, in a build without the window too.
    assert!(bad.stderr.contains("results"), "{}", bad.stderr);
}

#[test]
fn report_and_export_refuse_to_replace_an_assessment_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("company.ron");
    let text = std::fs::read_to_string(sample("hongdu-precision.ron")).expect("sample");
    std::fs::write(&file, &text).expect("write");
    let f = file.to_str().expect("utf-8 path");
    for cmd in ["report", "export"] {
        // The input given again as the output, as typed by mistake.
        let r = run(&[cmd, f, "-o", f]);
        r.expect_code(2, cmd);
        assert!(r.stderr.contains("评价文件"), "{}", r.stderr);
        let r = run(&[cmd, f, "-o", f, "--lang", "en"]);
        r.expect_code(2, cmd);
        assert!(r.stderr.contains("assessment file"), "{}", r.stderr);
        assert_eq!(
            std::fs::read_to_string(&file).expect("still there"),
            text,
            "{cmd} changed the assessment"
        );
    }
}

#[test]
fn portfolio_csv_starts_with_a_byte_order_mark_for_excel() {
    // A folder and file names as a user on Chinese Windows has them: CJK and spaces.
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("申报材料 2025");
    std::fs::create_dir(&folder).expect("folder");
    for name in ["hongdu-precision.ron", "ganpo-smart.ron"] {
        std::fs::copy(sample(name), folder.join(format!("公司 {name}"))).expect("copy");
    }
    let r = run(&[
        "portfolio",
        folder.to_str().expect("utf-8 path"),
        "--format",
        "csv",
    ]);
    r.expect_code(0, "portfolio csv");
    let body = r
        .stdout
        .strip_prefix('\u{feff}')
        .unwrap_or_else(|| panic!("no byte-order mark: {:?}", &r.stdout[..20]));
    let lines: Vec<&str> = body.lines().collect();
    assert!(lines[0].starts_with("file,company,"), "{}", lines[0]);
    assert_eq!(lines.len(), 3, "{body}");
    assert!(
        body.contains("公司 hongdu-precision.ron") && body.contains("江西洪岳精密机械有限公司")
    );
    // Text and JSON carry no mark.
    let text = run(&["portfolio", folder.to_str().expect("utf-8 path")]);
    assert!(
        !text
            .expect_code(0, "portfolio text")
            .stdout
            .starts_with('\u{feff}')
    );
}

#[test]
fn import_reads_an_export_back_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let sample = root().join("assets/samples/hongdu-precision.ron");
    let sample = sample.to_str().expect("utf-8 path");
    run_in(d, &["export", sample, "-o", "answers.xlsx"]).expect_code(0, "export");
    run_in(d, &["import", "answers.xlsx", "-o", "company.ron"]).expect_code(0, "import");
    let back = innocheck::storage::load(&d.join("company.ron")).expect("loads");
    let original = innocheck::storage::load(Path::new(sample)).expect("sample");
    assert_eq!(back.assessment, original.assessment, "the same answers");
    // The evaluation is the same too.
    let a = run_in(d, &["evaluate", "--format", "json", "company.ron"]);
    let b = run_in(d, &["evaluate", "--format", "json", sample]);
    assert_eq!(
        a.stdout.replace("company.ron", "F"),
        b.stdout.replace(sample, "F")
    );

    // An existing file is kept unless --force, and then backed up.
    let before = std::fs::read(d.join("company.ron")).expect("written");
    let r = run_in(d, &["import", "answers.xlsx", "-o", "company.ron"]);
    r.expect_code(2, "exists");
    assert!(r.stderr.contains("--force"), "{}", r.stderr);
    run_in(
        d,
        &["import", "answers.xlsx", "-o", "company.ron", "--force"],
    )
    .expect_code(0, "forced");
    assert_eq!(
        std::fs::read(d.join("company.ron.bak")).expect("backup"),
        before
    );
    // Never over the workbook itself.
    let r = run_in(
        d,
        &["import", "answers.xlsx", "-o", "answers.xlsx", "--force"],
    );
    r.expect_code(2, "over the input");
    assert!(
        std::fs::read(d.join("answers.xlsx"))
            .expect("kept")
            .starts_with(b"PK")
    );
}

#[test]
fn import_lists_every_unreadable_cell_and_writes_nothing() {
    use calamine::Reader as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    std::fs::write(d.join("notes.xlsx"), "not a workbook").expect("write");
    let r = run_in(d, &["import", "notes.xlsx", "-o", "c.ron"]);
    r.expect_code(2, "not xlsx");
    assert!(r.stderr.contains("不是 Excel 工作簿"), "{}", r.stderr);
    assert!(r.stderr.contains("notes.xlsx"));
    assert!(!d.join("c.ron").exists());

    // A workbook whose profile lost its hidden keys and has no years sheet:
    // both are listed, with sheet and cell, and nothing is written.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("基本情况").expect("name");
    ws.write_string(0, 1, "企业名称").expect("cell");
    wb.save(d.join("bad.xlsx")).expect("save");
    let r = run_in(d, &["import", "bad.xlsx", "-o", "c.ron"]);
    r.expect_code(2, "bad cells");
    assert!(
        r.stderr
            .contains("工作表“基本情况”单元格 A1：表头已被移动或修改"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("工作表“年度数据”：缺少工作表"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("工作簿中有 2 处无法读取，未写入任何文件"),
        "{}",
        r.stderr
    );
    assert!(!d.join("c.ron").exists());

    // The English template.
    run_in(d, &["--lang", "en", "export", "--template", "-o", "t.xlsx"]).expect_code(0, "template");
    let mut wb: calamine::Xlsx<_> =
        calamine::open_workbook(d.join("t.xlsx")).expect("the template opens");
    assert_eq!(
        wb.sheet_names()[..3],
        ["How to fill in", "Profile", "Fiscal years"]
    );
    let years = wb.worksheet_range("Fiscal years").expect("years");
    assert_eq!(
        years.get_value((1, 2)),
        Some(&calamine::Data::String("Item".into()))
    );
}

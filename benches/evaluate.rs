//! `cargo bench --bench evaluate`: how fast innocheck evaluates.
//!
//! (a) one assessment against every bundled pack (goal < 100 µs);
//! (b) parse + validate + evaluate of one file in-process;
//! (c) `innocheck evaluate --format json` over 1,000 generated files in one call
//!     (the release binary; goal < 1 s on 2 cores);
//! (d) `innocheck portfolio DIR --format csv` over a folder of 10,000 generated
//!     files (read, validate, evaluate, review lookup, one row each; goal < 3 s
//!     whole-process on 2 cores).
//!
//! A plain harness on `std::time::Instant` (no dependency): warm-up, many
//! iterations, median and 95th percentile. It prints a table and asserts nothing
//! about time.

// A benchmark reports its figures on standard output.
#![allow(clippy::print_stdout)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use innocheck::eval::evaluate;
use innocheck::model::{Assessment, validate};
use innocheck::rules::{Pack, Registry};
use innocheck::storage;

mod common;
use common::{Stats, measure, show, stats};

/// One line of the result table.
struct Row {
    name: String,
    goal: Option<Duration>,
    stats: Stats,
}

fn row(name: impl Into<String>, goal: Option<Duration>, stats: Stats) -> Row {
    let r = Row {
        name: name.into(),
        goal,
        stats,
    };
    println!(
        "  {:<58} median {:>10}   p95 {:>10}   ({} runs)",
        r.name,
        show(r.stats.median),
        show(r.stats.p95),
        r.stats.runs
    );
    r
}

// ───────────────────────── (a) evaluate in memory ─────────────────────────

fn as_of(a: &Assessment) -> NaiveDate {
    a.as_of
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(2025, 6, 30).unwrap_or_default())
}

fn bench_evaluate(all: &[&Pack]) -> Vec<Row> {
    let mut rows = Vec::new();
    for (name, _) in storage::SAMPLES {
        let a = storage::sample(name).unwrap_or_else(|e| panic!("bundled sample {name}: {e}"));
        let date = as_of(&a);
        let tiers = evaluate(&a, all, date).tiers.len();
        let s = measure(2_000, 20_000, || {
            black_box(evaluate(black_box(&a), black_box(all), date));
        });
        rows.push(row(
            format!("(a) evaluate {name} × {} packs ({tiers} tiers)", all.len()),
            Some(Duration::from_micros(100)),
            s,
        ));
    }
    rows
}

// ─────────────────── (b) parse + validate + evaluate a file ───────────────────

fn bench_file(reg: &Registry) -> Vec<Row> {
    let today = NaiveDate::from_ymd_opt(2025, 7, 1).unwrap_or_default();
    let mut rows = Vec::new();
    for (name, _) in storage::SAMPLES {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/samples")
            .join(name);
        let s = measure(200, 5_000, || {
            let loaded = storage::load(black_box(&path)).unwrap_or_else(|e| panic!("{e}"));
            let a = loaded.assessment;
            let date = a.as_of_or(today);
            let packs = reg.in_force(date);
            black_box(validate(&a, today));
            black_box(evaluate(&a, &packs, date));
        });
        rows.push(row(
            format!("(b) read + parse + validate + evaluate {name}"),
            None,
            s,
        ));
    }
    rows
}

// ───────────────────── (c) the binary over 1,000 files ─────────────────────

/// A small deterministic generator (xorshift64*), so every run sees the same files.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `[lo, hi)`.
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.range(0.0, 1.0) < p
    }
}

fn scale(v: &mut Option<f64>, rng: &mut Rng, lo: f64, hi: f64) {
    if let Some(x) = v {
        *x = (*x * rng.range(lo, hi)).round();
    }
}

fn scale_count(v: &mut Option<u32>, rng: &mut Rng, lo: f64, hi: f64) {
    if let Some(x) = v {
        *x = (f64::from(*x) * rng.range(lo, hi)).round() as u32;
    }
}

/// A sample with its figures moved by up to ±40 %, a few fields emptied and flags flipped.
fn perturb(base: &Assessment, i: usize, rng: &mut Rng) -> Assessment {
    let mut a = base.clone();
    a.company.name = format!("{}（变体 {i:04}）", a.company.name);
    for y in &mut a.years {
        let g = rng.range(0.6, 1.4);
        for v in [
            &mut y.revenue,
            &mut y.main_revenue,
            &mut y.net_profit,
            &mut y.total_profit,
            &mut y.total_assets,
            &mut y.total_liabilities,
            &mut y.new_product_sales,
            &mut y.lead_product_sales,
        ] {
            scale(v, rng, g * 0.95, g * 1.05);
        }
        scale(&mut y.rd_spend, rng, 0.5, 1.6);
        scale(&mut y.equity_new, rng, 0.0, 2.0);
        scale_count(&mut y.staff_total, rng, 0.7, 1.3);
        scale_count(&mut y.rd_staff, rng, 0.6, 1.5);
        scale_count(&mut y.rd_staff_qualified, rng, 0.6, 1.2);
        if let (Some(q), Some(r)) = (y.rd_staff_qualified, y.rd_staff) {
            y.rd_staff_qualified = Some(q.min(r));
        }
        if rng.chance(0.05) {
            y.rd_spend = None;
        }
    }
    scale(&mut a.conditions.equipment_value, rng, 0.5, 2.5);
    scale(&mut a.conditions.rd_space_m2, rng, 0.5, 2.0);
    if let Some(s) = &mut a.direction.niche_share_pct {
        *s = (*s * rng.range(0.5, 2.5)).min(100.0);
    }
    scale_count(&mut a.ip.class1, rng, 0.3, 2.0);
    scale_count(&mut a.ip.class2, rng, 0.3, 2.0);
    a.ip.class1_self = a.ip.class1_self.zip(a.ip.class1).map(|(s, c)| s.min(c));
    a.ip.class1_high_value =
        a.ip.class1_high_value
            .zip(a.ip.class1)
            .map(|(h, c)| h.min(c));
    if rng.chance(0.3) {
        a.direction.digital_level = Some(1 + (rng.next() % 4) as u8);
    }
    if rng.chance(0.1) {
        a.staff.tech_leader = None;
    }
    if rng.chance(0.1) {
        a.compliance.major_accident = Some(rng.chance(0.5));
    }
    a
}

fn write_files(dir: &Path, n: usize) -> Vec<PathBuf> {
    let bases: Vec<Assessment> = storage::SAMPLES
        .iter()
        .map(|(name, _)| {
            storage::sample(name).unwrap_or_else(|e| panic!("bundled sample {name}: {e}"))
        })
        .collect();
    assert!(!bases.is_empty(), "no bundled sample to perturb");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    (0..n)
        .map(|i| {
            let a = perturb(&bases[i % bases.len()], i, &mut rng);
            let text = storage::to_ron(&a).unwrap_or_else(|e| panic!("serialise: {e}"));
            let p = dir.join(format!("company-{i:04}.ron"));
            std::fs::write(&p, text).unwrap_or_else(|e| panic!("write {}: {e}", p.display()));
            p
        })
        .collect()
}

fn run_binary(files: &[PathBuf]) -> Duration {
    let start = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_innocheck"))
        .arg("evaluate")
        .arg("--format")
        .arg("json")
        .args(files)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .status()
        .unwrap_or_else(|e| panic!("cannot run innocheck: {e}"));
    let t = start.elapsed();
    assert!(
        status.success(),
        "innocheck evaluate failed on the generated files: {status}"
    );
    t
}

fn bench_binary() -> Vec<Row> {
    const FILES: usize = 1_000;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let start = Instant::now();
    let files = write_files(dir.path(), FILES);
    let bytes: u64 = files
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    println!(
        "  (generated {FILES} files, {:.1} MB, in {} — not timed below)",
        bytes as f64 / 1e6,
        show(start.elapsed())
    );
    let mut rows = Vec::new();
    let mut times = Vec::new();
    run_binary(&files); // warm-up: page cache, binary loaded
    for _ in 0..9 {
        times.push(run_binary(&files));
    }
    let s = stats(times);
    let per_file = s.median / FILES as u32;
    rows.push(row(
        format!("(c) innocheck evaluate --format json, {FILES} files, 1 call"),
        Some(Duration::from_secs(1)),
        s,
    ));
    println!(
        "      → {} per file (median wall time / {FILES})",
        show(per_file)
    );
    let one = measure(2, 20, || {
        run_binary(&files[..1]);
    });
    rows.push(row(
        "    for comparison: the same binary on 1 file (startup)",
        None,
        one,
    ));
    rows
}

fn bench_portfolio() -> Vec<Row> {
    const FILES: usize = 10_000;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let start = Instant::now();
    write_files(dir.path(), FILES);
    println!(
        "  (generated {FILES} files for the portfolio in {} — not timed below)",
        show(start.elapsed())
    );
    let run = || {
        let start = Instant::now();
        let out = Command::new(env!("CARGO_BIN_EXE_innocheck"))
            .args(["portfolio", "--format", "csv"])
            .arg(dir.path())
            .stdin(Stdio::null())
            .stderr(Stdio::inherit())
            .output()
            .unwrap_or_else(|e| panic!("cannot run innocheck: {e}"));
        let t = start.elapsed();
        assert!(out.status.success(), "portfolio failed: {}", out.status);
        let lines = out.stdout.iter().filter(|b| **b == b'\n').count();
        assert_eq!(lines, FILES + 1, "one row per file and a header");
        t
    };
    run(); // warm-up: page cache
    let times: Vec<Duration> = (0..5).map(|_| run()).collect();
    vec![row(
        format!("(d) innocheck portfolio DIR --format csv, {FILES} files"),
        Some(Duration::from_secs(3)),
        stats(times),
    )]
}

fn main() {
    // `cargo bench` passes `--bench`; a filter is not supported by this simple harness.
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    println!(
        "innocheck benchmarks — {} cores available, {} {}, {} bundled packs, {} samples\n",
        cores,
        std::env::consts::OS,
        std::env::consts::ARCH,
        innocheck::rules::BUNDLED.len(),
        storage::SAMPLES.len()
    );
    let reg = Registry::bundled().unwrap_or_else(|e| panic!("bundled packs: {e}"));
    let all: Vec<&Pack> = reg.packs().iter().collect();
    let mut rows = Vec::new();
    rows.push(row(
        "    registry: parse + check every bundled pack (once per run)",
        None,
        measure(20, 500, || {
            black_box(Registry::bundled().ok());
        }),
    ));
    rows.extend(bench_evaluate(&all));
    rows.extend(bench_file(&reg));
    rows.extend(bench_binary());
    rows.extend(bench_portfolio());

    println!(
        "\n{:<60} {:>10} {:>12} {:>12}  verdict",
        "measurement", "goal", "median", "p95"
    );
    for r in &rows {
        let goal = r
            .goal
            .map_or_else(|| "—".to_string(), |g| format!("< {}", show(g)));
        let verdict = match r.goal {
            Some(g) if r.stats.median < g => "meets goal",
            Some(_) => "MISSES GOAL",
            None => "",
        };
        println!(
            "{:<60} {:>10} {:>12} {:>12}  {verdict}",
            r.name.trim(),
            goal,
            show(r.stats.median),
            show(r.stats.p95)
        );
    }
}

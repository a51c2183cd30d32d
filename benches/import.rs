//! `cargo bench --bench import`: reading an answers workbook back.
//!
//! (a) in-process: `xlsx_import::import_bytes` of the template filled in with
//!     a bundled sample's answers (the answers sheets as a client returns them),
//!     and of the full export (answers, criteria, gaps);
//! (b) the whole `innocheck import FILLED.xlsx -o OUT.ron --force` process,
//!     start to exit (the file written each time) — goal < 20 ms.
//!
//! A plain harness on `std::time::Instant`, like the other benchmarks. It
//! asserts nothing about time.

// A benchmark reports its figures on standard output.
#![allow(clippy::print_stdout)]

use std::hint::black_box;
use std::process::{Command, Stdio};
use std::time::Instant;

use chrono::NaiveDate;
use innocheck::eval::evaluate;
use innocheck::i18n::Lang;
use innocheck::report::{self, data::build, xlsx};
use innocheck::rules::Registry;
use innocheck::storage::{self, xlsx_import};

mod common;
use common::{measure, show, stats};

/// The sample every measurement uses.
const SAMPLE: &str = "hongdu-precision.ron";

fn main() {
    let a = storage::sample(SAMPLE).unwrap_or_else(|e| panic!("{e}"));
    let filled = report::xlsx_filled(&a, Lang::Zh).unwrap_or_else(|e| panic!("{e}"));
    let as_of = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap_or_default();
    let reg = Registry::bundled().unwrap_or_else(|e| panic!("{e}"));
    let ev = evaluate(&a, &reg.in_force(as_of), as_of);
    let export = xlsx::render(&a, &build(b"", &a, &ev, Lang::Zh)).unwrap_or_else(|e| panic!("{e}"));
    println!(
        "innocheck import benchmark ({SAMPLE}; filled template {:.1} KB, full export {:.1} KB)\n",
        filled.len() as f64 / 1024.0,
        export.len() as f64 / 1024.0
    );

    for (name, bytes) in [
        ("(a) import the filled template in-process", &filled),
        ("(a) import the full export in-process", &export),
    ] {
        let s = measure(20, 300, || {
            let imported = xlsx_import::import_bytes(black_box(bytes), "bench.xlsx")
                .unwrap_or_else(|e| panic!("{e}"));
            assert!(imported.problems.is_empty());
            black_box(imported);
        });
        println!(
            "{name:<58} median {:>8}  p95 {:>8}",
            show(s.median),
            show(s.p95)
        );
    }

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = dir.path().join("filled.xlsx");
    let out = dir.path().join("company.ron");
    std::fs::write(&input, &filled).unwrap_or_else(|e| panic!("{e}"));
    let run = || {
        let start = Instant::now();
        let status = Command::new(env!("CARGO_BIN_EXE_innocheck"))
            .arg("import")
            .arg(&input)
            .arg("-o")
            .arg(&out)
            .arg("--force")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(status.success());
        start.elapsed()
    };
    for _ in 0..5 {
        run();
    }
    let s = stats((0..60).map(|_| run()).collect());
    let verdict = if s.median.as_secs_f64() < 0.020 {
        "meets goal"
    } else {
        "MISSES GOAL"
    };
    println!(
        "{:<58} median {:>8}  p95 {:>8}  goal < 20 ms: {verdict}",
        "(b) innocheck import FILLED.xlsx -o OUT.ron (whole process)",
        show(s.median),
        show(s.p95)
    );
    let back = storage::load(&out)
        .unwrap_or_else(|e| panic!("{e}"))
        .assessment;
    assert_eq!(back, a, "the imported file holds the sample's answers");
}

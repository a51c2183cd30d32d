//! `cargo bench --bench report`: how fast and how small the printable summary is.
//!
//! (a) in-process: `pdf::render` of a sample's `ReportData`, and the whole
//!     path from the file's bytes (parse, evaluate, build, render) — goal < 10 ms;
//!     the spreadsheet export alongside;
//! (b) the whole `innocheck report FILE -o OUT.pdf` process — goal < 40 ms;
//! (c) its peak memory, `VmHWM` of the child read from `/proc` while it runs — goal < 50 MiB;
//! (d) the PDF's size — goal < 300 KB;
//! (e) side by side, in the same run: `LibreOffice` converting the spreadsheet
//!     export of the same file to PDF (`libreoffice --headless --convert-to pdf`),
//!     when `LibreOffice` is installed; time and size ratios are printed.
//!
//! A plain harness on `std::time::Instant` (no dependency), like `benches/evaluate.rs`:
//! warm-up, many iterations, median and 95th percentile. It asserts nothing about time.

// A benchmark reports its figures on standard output.
#![allow(clippy::print_stdout)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use innocheck::eval::evaluate;
use innocheck::i18n::Lang;
use innocheck::report::data::{ReportData, build};
use innocheck::report::{pdf, xlsx};
use innocheck::rules::Registry;
use innocheck::storage;

mod common;
use common::{measure, show, stats};

/// The sample every measurement uses.
const SAMPLE: &str = "hongdu-precision.ron";

fn kb(n: u64) -> String {
    format!("{:.1} KB", n as f64 / 1024.0)
}

/// One line of the result table: a measurement, its goal and the verdict.
struct Line {
    name: String,
    value: String,
    detail: String,
    verdict: &'static str,
}

fn line(name: impl Into<String>, value: String, detail: String, ok: Option<bool>) -> Line {
    Line {
        name: name.into(),
        value,
        detail,
        verdict: match ok {
            Some(true) => "meets goal",
            Some(false) => "MISSES GOAL",
            None => "",
        },
    }
}

fn sample_bytes() -> &'static [u8] {
    storage::SAMPLES
        .iter()
        .find(|(n, _)| *n == SAMPLE)
        .map_or_else(
            || panic!("bundled sample {SAMPLE} is missing"),
            |(_, t)| t.as_bytes(),
        )
}

fn summary(reg: &Registry, bytes: &[u8], lang: Lang) -> (innocheck::model::Assessment, ReportData) {
    let a = storage::load_bytes(bytes, SAMPLE)
        .unwrap_or_else(|e| panic!("{e}"))
        .assessment;
    let as_of = a.as_of_or(NaiveDate::from_ymd_opt(2025, 6, 30).unwrap_or_default());
    let ev = evaluate(&a, &reg.in_force(as_of), as_of);
    let r = build(bytes, &a, &ev, lang);
    (a, r)
}

fn bench_in_process(reg: &Registry, lines: &mut Vec<Line>) {
    let bytes = sample_bytes();
    for lang in [Lang::Zh, Lang::En] {
        let (a, r) = summary(reg, bytes, lang);
        let pages = pdf::page_count(&r).unwrap_or(0);
        let s = measure(5, 60, || {
            black_box(pdf::render(black_box(&r)).ok());
        });
        lines.push(line(
            format!("(a) pdf::render, {SAMPLE}, {lang:?}, {pages} pages"),
            show(s.median),
            format!("p95 {} ({} runs)", show(s.p95), s.runs),
            Some(s.median < Duration::from_millis(10)),
        ));
        let s = measure(5, 60, || {
            let (_, r) = summary(reg, black_box(bytes), lang);
            black_box(pdf::render(&r).ok());
        });
        lines.push(line(
            format!("(a) bytes → parse, evaluate, build, render ({lang:?})"),
            show(s.median),
            format!("p95 {} ({} runs)", show(s.p95), s.runs),
            Some(s.median < Duration::from_millis(10)),
        ));
        let s = measure(5, 60, || {
            black_box(xlsx::render(&a, &r).ok());
        });
        lines.push(line(
            format!("    xlsx::render ({lang:?})"),
            show(s.median),
            format!("p95 {}", show(s.p95)),
            None,
        ));
    }
}

/// Peak resident memory (`VmHWM`, KiB) of a running process, if readable.
fn vm_hwm(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

fn report_command(input: &Path, out: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_innocheck"));
    cmd.arg("report")
        .arg(input)
        .arg("-o")
        .arg(out)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// Wall time of one `innocheck report` run (nothing else watching it).
fn time_report(input: &Path, out: &Path) -> Duration {
    let start = Instant::now();
    let status = report_command(input, out)
        .status()
        .unwrap_or_else(|e| panic!("cannot run innocheck: {e}"));
    let t = start.elapsed();
    assert!(status.success(), "innocheck report failed: {status}");
    t
}

/// Peak memory (KiB) of one `innocheck report` run: its `VmHWM`, polled
/// from `/proc` until it exits (separate runs from the timed ones, as the
/// polling takes a core).
fn peak_report(input: &Path, out: &Path) -> Option<u64> {
    let mut child = report_command(input, out)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run innocheck: {e}"));
    let pid = child.id();
    let mut peak = None;
    let status = loop {
        if let Some(k) = vm_hwm(pid) {
            peak = Some(peak.map_or(k, |p: u64| p.max(k)));
        }
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) => std::hint::spin_loop(),
            Err(e) => panic!("waiting for innocheck: {e}"),
        }
    };
    assert!(status.success(), "innocheck report failed: {status}");
    peak
}

/// The same run's maximum RSS as GNU time reports it (a cross-check), if installed.
fn gnu_time_maxrss(input: &Path, out: &Path) -> Option<u64> {
    let o = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(env!("CARGO_BIN_EXE_innocheck"))
        .arg("report")
        .arg(input)
        .arg("-o")
        .arg(out)
        .stdout(Stdio::null())
        .output()
        .ok()?;
    let err = String::from_utf8_lossy(&o.stderr);
    err.lines().last()?.trim().parse().ok()
}

fn bench_process(input: &Path, dir: &Path, lines: &mut Vec<Line>) -> (Duration, u64) {
    let out = dir.join("summary.pdf");
    time_report(input, &out); // warm-up: page cache, binary loaded
    let s = stats((0..30).map(|_| time_report(input, &out)).collect());
    let peak = (0..5)
        .filter_map(|_| peak_report(input, &out))
        .max()
        .unwrap_or(0);
    let size = std::fs::metadata(&out).map_or(0, |m| m.len());
    let pages = std::fs::read(&out).map_or(0, |b| {
        b.windows(11)
            .filter(|w| w.starts_with(b"/Type/Page") && w[10] != b's')
            .count()
    });
    lines.push(line(
        "(b) innocheck report FILE -o OUT.pdf (whole process)",
        show(s.median),
        format!("p95 {} ({} runs)", show(s.p95), s.runs),
        Some(s.median < Duration::from_millis(40)),
    ));
    let cross = gnu_time_maxrss(input, &out).map_or_else(String::new, |k| {
        format!("; GNU time maxrss {:.1} MiB", k as f64 / 1024.0)
    });
    lines.push(line(
        "(c) peak memory of that process (VmHWM)",
        format!("{:.1} MiB", peak as f64 / 1024.0),
        format!("polled from /proc while it runs{cross}"),
        (peak > 0).then_some(peak < 50 * 1024),
    ));
    lines.push(line(
        "(d) size of the PDF",
        kb(size),
        format!("{pages} pages, {} per page", kb(size / pages.max(1) as u64)),
        Some(size < 300_000),
    ));
    (s.median, size)
}

/// The `LibreOffice` command, if installed.
fn libreoffice() -> Option<PathBuf> {
    ["libreoffice", "soffice"].iter().find_map(|name| {
        let ok = Command::new(name)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| PathBuf::from(name))
    })
}

fn bench_libreoffice(input: &Path, dir: &Path, ours: (Duration, u64), lines: &mut Vec<Line>) {
    let Some(lo) = libreoffice() else {
        println!(
            "  note: LibreOffice is not installed; the side-by-side comparison (e) is skipped"
        );
        println!("        (apt-get install -y libreoffice-calc-nogui to include it)");
        return;
    };
    let xlsx = dir.join("answers.xlsx");
    let status = Command::new(env!("CARGO_BIN_EXE_innocheck"))
        .arg("export")
        .arg(input)
        .arg("-o")
        .arg(&xlsx)
        .stderr(Stdio::null())
        .status()
        .unwrap_or_else(|e| panic!("cannot run innocheck export: {e}"));
    assert!(status.success(), "innocheck export failed");
    let outdir = dir.join("lo");
    // A private profile, so the run neither reads nor writes the user's.
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("lo-profile").display()
    );
    let convert = || {
        let start = Instant::now();
        let o = Command::new(&lo)
            .arg(&profile)
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(&outdir)
            .arg(&xlsx)
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|e| panic!("cannot run LibreOffice: {e}"));
        assert!(o.status.success(), "LibreOffice failed: {o:?}");
        start.elapsed()
    };
    let first = convert(); // also creates the profile
    let s = stats((0..5).map(|_| convert()).collect());
    let pdf = outdir.join("answers.pdf");
    let size = std::fs::metadata(&pdf).map_or(0, |m| m.len());
    lines.push(line(
        "(e) libreoffice --headless --convert-to pdf answers.xlsx",
        show(s.median),
        format!(
            "p95 {}; first run (new profile) {}",
            show(s.p95),
            show(first)
        ),
        None,
    ));
    lines.push(line("    its PDF", kb(size), String::new(), None));
    let (t, n) = ours;
    lines.push(line(
        "    ratio LibreOffice / innocheck report: time",
        format!("{:.0}×", s.median.as_secs_f64() / t.as_secs_f64().max(1e-9)),
        String::new(),
        None,
    ));
    lines.push(line(
        "    ratio LibreOffice / innocheck report: size",
        format!("{:.2}×", size as f64 / (n.max(1)) as f64),
        "(LibreOffice prints the three data sheets; innocheck the laid-out summary)".into(),
        None,
    ));
}

fn main() {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    println!(
        "innocheck report benchmarks — {} cores, {} {}, sample {SAMPLE}\n",
        cores,
        std::env::consts::OS,
        std::env::consts::ARCH,
    );
    let reg = Registry::bundled().unwrap_or_else(|e| panic!("bundled packs: {e}"));
    let mut lines = Vec::new();
    bench_in_process(&reg, &mut lines);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let input = dir.path().join(SAMPLE);
    std::fs::write(&input, sample_bytes()).unwrap_or_else(|e| panic!("write sample: {e}"));
    let ours = bench_process(&input, dir.path(), &mut lines);
    bench_libreoffice(&input, dir.path(), ours, &mut lines);

    println!(
        "\n{:<58} {:>10}  {:<12} detail",
        "measurement", "value", "verdict"
    );
    for l in &lines {
        println!(
            "{:<58} {:>10}  {:<12} {}",
            l.name.trim_end(),
            l.value,
            l.verdict,
            l.detail
        );
    }
}

//! `cargo bench --bench gui` (best under `xvfb-run -a`): what the window costs.
//!
//! (a) CPU time of one frame of the results page with a full sample (goal
//!     < 2 ms): the egui pass (the app, layout) plus the tessellation of its
//!     shapes, not the GPU upload. Measured in a headless `egui_kittest` harness
//!     (which keeps `AccessKit` on and updates its own copy of the tree every
//!     frame) and on a bare `egui::Context` as eframe runs it, with `AccessKit`
//!     off (no screen reader) and on; the page as it opens and with every
//!     collapsible section expanded (the worst case).
//! (b) process start to first rendered frame: eframe keeps the window hidden
//!     until its first frame is painted, so the time until `xdotool` sees the
//!     release binary's window visible (polled every 5 ms); and, as an upper
//!     bound, a `--screenshot` run (six frames, pixel read-back, PNG, exit).
//! (c) idle CPU: the window left alone for 5 s (goal 0: no continuous repaint).
//! (d) resident memory (`VmHWM`) of that window, bundled font loaded (goal < 150 MB).
//! (e) size of the release binary.
//! (f) CPU time of one frame of the folder table with 10,000 rows (goal < 4 ms).
//!
//! (b)–(d) need an X display (`xvfb-run -a cargo bench --bench gui`) and are
//! skipped without one. The window runs with `HOME` and the XDG folders in a
//! temporary directory, so it neither reads nor writes the user's preferences.
//! Prints a table; asserts nothing about time.

// A benchmark reports its figures on standard output.
#![allow(clippy::print_stdout)]

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use eframe::egui::{self, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use innocheck::gui::app::App;
use innocheck::gui::fonts;
use innocheck::gui::pages::Page;
use innocheck::gui::prefs::DataDir;
use innocheck::report::portfolio::{self, Entry};
use innocheck::rules::Registry;
use innocheck::storage;

const SAMPLE: &str = "hongdu-precision.ron";
const BIN: &str = env!("CARGO_BIN_EXE_innocheck");

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

fn median(mut v: Vec<Duration>) -> (Duration, Duration) {
    v.sort();
    let at = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95))
}

/// One line of the final table.
struct Row {
    name: &'static str,
    goal: String,
    measured: String,
    verdict: &'static str,
}

fn verdict(ok: bool) -> &'static str {
    if ok { "meets goal" } else { "MISSES GOAL" }
}

// ───────────────────────── (a) frame time ─────────────────────────

const FRAMES: usize = 1_000;
const WARMUP: usize = 100;

/// Median egui pass, median and p95 of pass + tessellation over `FRAMES` frames.
fn timed(mut frame: impl FnMut(usize) -> (Duration, Duration)) -> (Duration, Duration, Duration) {
    let mut pass = Vec::new();
    let mut total = Vec::new();
    for i in 0..WARMUP + FRAMES {
        let (p, t) = frame(i);
        if i >= WARMUP {
            pass.push(p);
            total.push(p + t);
        }
    }
    let (pm, _) = median(pass);
    let (tm, tp95) = median(total);
    (pm, tm, tp95)
}

fn frame_row(name: &'static str, times: (Duration, Duration, Duration)) -> Row {
    frame_row_goal(name, times, 2)
}

fn frame_row_goal(
    name: &'static str,
    (pass, total, p95): (Duration, Duration, Duration),
    goal_ms: u64,
) -> Row {
    println!(
        "  {name:<48} egui pass {:>9}   + tessellation: median {:>9}, p95 {:>9}",
        ms(pass),
        ms(total),
        ms(p95)
    );
    Row {
        name,
        goal: format!("< {goal_ms} ms"),
        measured: format!("{} (p95 {})", ms(total), ms(p95)),
        verdict: verdict(total < Duration::from_millis(goal_ms)),
    }
}

/// Frames of `app` on the bare context `ctx`, as eframe runs them (no harness).
fn plain(ctx: &egui::Context, app: &mut App) -> (Duration, Duration, Duration) {
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    };
    timed(|_| {
        let start = Instant::now();
        let out = ctx.run_ui(input(), |ui| app.frame(ui));
        let pass = start.elapsed();
        let t = Instant::now();
        std::hint::black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
        (pass, t.elapsed())
    })
}

/// Frames in the `egui_kittest` harness, optionally with the pointer sweeping the results.
fn harnessed(h: &mut Harness<'_, App>, pointer: bool) -> (Duration, Duration, Duration) {
    let ppp = h.ctx.pixels_per_point();
    timed(|i| {
        if pointer {
            let x = 250.0 + (i % 40) as f32 * 18.0;
            let y = 80.0 + (i % 27) as f32 * 24.0;
            h.hover_at(Pos2::new(x, y));
        }
        let start = Instant::now();
        h.step();
        let pass = start.elapsed();
        let shapes = h.output().shapes.clone();
        let t = Instant::now();
        std::hint::black_box(h.ctx.tessellate(shapes, ppp));
        (pass, t.elapsed())
    })
}

/// Opens every collapsed section (nested ones too); returns how many.
fn expand_all(h: &mut Harness<'_, App>) -> usize {
    let mut opened = 0;
    for _ in 0..10 {
        let closed: Vec<_> = h
            .query_all_by(|n| n.data().is_expanded() == Some(false))
            .collect();
        if closed.is_empty() {
            break;
        }
        opened += closed.len();
        for n in &closed {
            n.click_accesskit();
        }
        drop(closed);
        h.run_ok();
    }
    opened
}

/// Clicks every clickable label of the results (the tier headers, whose toggle
/// button carries no accessible state); returns how many.
fn click_headers(h: &mut Harness<'_, App>) -> usize {
    use egui::accesskit::{Action, Role};
    let headers: Vec<_> = h
        .query_all_by(|n| n.role() == Role::Label && n.data().supports_action(Action::Click))
        .collect();
    let n = headers.len();
    for node in &headers {
        node.click_accesskit();
    }
    drop(headers);
    h.run_ok();
    assert_eq!(
        h.state().page,
        Page::Results,
        "a header click left the page"
    );
    n
}

fn shape_stats(h: &Harness<'_, App>) -> String {
    let shapes = h.output().shapes.len();
    let prims = h
        .ctx
        .tessellate(h.output().shapes.clone(), h.ctx.pixels_per_point());
    let vertices: usize = prims
        .iter()
        .map(|p| match &p.primitive {
            egui::epaint::Primitive::Mesh(m) => m.vertices.len(),
            egui::epaint::Primitive::Callback(_) => 0,
        })
        .sum();
    format!("{shapes} shapes, {vertices} vertices")
}

fn bench_frame() -> Vec<Row> {
    let data = tempfile::tempdir().expect("temp dir");
    let dir = data.path().to_path_buf();
    let doc = storage::sample(SAMPLE).expect("bundled sample");
    let today = NaiveDate::from_ymd_opt(2025, 6, 30).expect("date");
    let mut h: Harness<'static, App> = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(fonts::install)
        .build_eframe(move |cc| {
            let mut app = App::for_tests(&cc.egui_ctx, doc, DataDir::at(dir));
            app.set_today(today);
            app.page = Page::Results;
            app
        });
    h.run_ok();
    println!(
        "  results page of {SAMPLE} as it opens ({}):",
        shape_stats(&h)
    );
    let mut rows = vec![
        frame_row("(a) as opened, kittest harness", harnessed(&mut h, false)),
        frame_row(
            "(a) as opened, kittest harness, pointer moving",
            harnessed(&mut h, true),
        ),
    ];
    // The same page on a bare context, as eframe runs it: AccessKit is off until
    // a screen reader asks for it.
    let ctx = egui::Context::default();
    fonts::install(&ctx);
    let data2 = tempfile::tempdir().expect("temp dir");
    let mut app = App::for_tests(
        &ctx,
        storage::sample(SAMPLE).expect("bundled sample"),
        DataDir::at(data2.path()),
    );
    app.set_today(today);
    app.page = Page::Results;
    rows.push(frame_row(
        "(a) as opened, eframe-like, AccessKit off",
        plain(&ctx, &mut app),
    ));

    let opened = expand_all(&mut h) + click_headers(&mut h) + expand_all(&mut h);
    println!(
        "  every section expanded ({opened} opened; {}):",
        shape_stats(&h)
    );
    rows.push(frame_row(
        "(a) all expanded, kittest harness",
        harnessed(&mut h, false),
    ));
    // The harness's own context (sections open), without the harness around it.
    let ctx = h.ctx.clone();
    rows.push(frame_row(
        "(a) all expanded, eframe-like, AccessKit on",
        plain(&ctx, h.state_mut()),
    ));
    ctx.disable_accesskit();
    rows.push(frame_row(
        "(a) all expanded, eframe-like, AccessKit off",
        plain(&ctx, h.state_mut()),
    ));
    rows
}

// ───────────────────── (f) the folder table, 10,000 rows ─────────────────────

/// Rows of the folder table: the bundled samples evaluated once, copied
/// under 10,000 names and paths (what is drawn does not depend on where the
/// rows came from; reading the files is `cargo bench --bench evaluate`'s (d)).
fn portfolio_entries(n: usize, reg: &Registry) -> Vec<Entry> {
    let dir = tempfile::tempdir().expect("temp dir");
    let today = NaiveDate::from_ymd_opt(2025, 6, 30).expect("date");
    let bases: Vec<Entry> = storage::SAMPLES
        .iter()
        .map(|(name, text)| {
            let p = dir.path().join(name);
            std::fs::write(&p, text).expect("write sample");
            portfolio::load(&p, reg, None, today)
        })
        .collect();
    (0..n)
        .map(|i| match &bases[i % bases.len()] {
            Entry::Read(r) => {
                let mut r = r.clone();
                r.company = format!("{} {i:05}", r.company);
                r.path = Path::new("/data/clients").join(format!("company-{i:05}.ron"));
                Entry::Read(r)
            }
            other @ Entry::Damaged { .. } => other.clone(),
        })
        .collect()
}

fn bench_portfolio_frame() -> Vec<Row> {
    const ROWS: usize = 10_000;
    let reg = Registry::bundled().expect("bundled packs");
    let entries = portfolio_entries(ROWS, &reg);
    let ctx = egui::Context::default();
    fonts::install(&ctx);
    let data = tempfile::tempdir().expect("temp dir");
    let mut app = App::for_tests(
        &ctx,
        storage::sample(SAMPLE).expect("bundled sample"),
        DataDir::at(data.path()),
    );
    app.desk_mut()
        .show_entries(Path::new("/data/clients"), entries, &reg);
    app.page = Page::Portfolio;
    println!("  folder table with {ROWS} rows:");
    let mut rows = vec![frame_row_goal(
        "(f) folder table, 10,000 rows, eframe-like",
        plain(&ctx, &mut app),
        4,
    )];
    // Sorted by a programme column (the sort itself is done once, on the click).
    app.desk_mut().toggle_sort(portfolio::Column::Programme(
        innocheck::rules::Programme::QualitySme,
    ));
    rows.push(frame_row_goal(
        "(f) same, sorted by a programme",
        plain(&ctx, &mut app),
        4,
    ));
    let start = Instant::now();
    app.desk_mut().toggle_sort(portfolio::Column::Company);
    println!(
        "      (re-sorting 10,000 rows by company on a click: {})",
        ms(start.elapsed())
    );
    rows
}

// ───────────────────────── the window under X ─────────────────────────

fn has_display() -> bool {
    std::env::var_os("DISPLAY").is_some_and(|d| !d.is_empty())
}

/// A command for the release binary whose home and XDG folders are in `home`.
fn innocheck(home: &Path) -> Command {
    let mut c = Command::new(BIN);
    c.env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env_remove("WAYLAND_DISPLAY")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

fn bench_screenshot(home: &Path) -> Row {
    let out = home.join("shot.png");
    let mut times = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        let o = innocheck(home)
            .arg("--screenshot")
            .arg(&out)
            .args(["--page", "results"])
            .output()
            .expect("run innocheck --screenshot");
        let t = start.elapsed();
        assert!(
            o.status.success() && out.exists(),
            "innocheck --screenshot failed: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        times.push(t);
    }
    let (m, _) = median(times.clone());
    let min = times.iter().min().copied().unwrap_or_default();
    println!(
        "  (b) start → screenshot written, exited            median {:>9}, min {:>9}  (5 runs)",
        ms(m),
        ms(min)
    );
    Row {
        name: "(b) start to screenshot and exit",
        goal: "—".into(),
        measured: ms(m),
        verdict: "",
    }
}

/// Whether `pid` shows a window (eframe keeps it hidden until its first frame is painted).
fn window_shown(pid: u32) -> Option<bool> {
    let o = Command::new("xdotool")
        .args(["search", "--onlyvisible", "--pid", &pid.to_string()])
        .stderr(Stdio::null())
        .output()
        .ok()?;
    Some(o.status.success() && !o.stdout.is_empty())
}

/// Starts the window on the default sample; returns it and the time until its
/// first frame was on screen (polled every 5 ms; `None` without `xdotool`).
fn start_window(home: &Path) -> (Window, Option<Duration>) {
    let start = Instant::now();
    // Its messages go to a file, read back if it stops at once.
    let log = home.join("window-stderr.txt");
    let mut w = Window(
        innocheck(home)
            .stderr(std::fs::File::create(&log).expect("log file"))
            .spawn()
            .expect("start innocheck"),
    );
    let pid = w.0.id();
    while start.elapsed() < Duration::from_secs(30) {
        if let Ok(Some(status)) = w.0.try_wait() {
            let said = std::fs::read_to_string(&log).unwrap_or_default();
            panic!("the window exited at once: {status}\n{said}");
        }
        match window_shown(pid) {
            None => return (w, None),
            Some(true) => return (w, Some(start.elapsed())),
            Some(false) => std::thread::sleep(Duration::from_millis(5)),
        }
    }
    panic!("the window did not appear within 30 s");
}

fn bench_first_frame(home: &Path) -> Row {
    let mut times = Vec::new();
    for _ in 0..5 {
        let (w, t) = start_window(home);
        drop(w);
        let Some(t) = t else {
            println!("  (b) start → first frame: skipped (no xdotool)");
            return Row {
                name: "(b) start to first frame",
                goal: "—".into(),
                measured: "skipped: no xdotool".into(),
                verdict: "",
            };
        };
        times.push(t);
    }
    let (m, _) = median(times.clone());
    let min = times.iter().min().copied().unwrap_or_default();
    println!(
        "  (b) start → first frame on screen                 median {:>9}, min {:>9}  (5 runs)",
        ms(m),
        ms(min)
    );
    Row {
        name: "(b) start to first frame",
        goal: "—".into(),
        measured: ms(m),
        verdict: "",
    }
}

/// `utime + stime` of `pid`, in clock ticks.
fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which may hold spaces) start at field 3.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
}

fn status_kb(pid: u32, key: &str) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    s.lines()
        .find(|l| l.starts_with(key))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn clock_ticks_per_second() -> u64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100)
}

/// Stops the window this benchmark started (by its own handle).
struct Window(Child);

impl Drop for Window {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn bench_idle(home: &Path) -> Vec<Row> {
    let (mut w, _) = start_window(home);
    let pid = w.0.id();
    // Let it start, open the window and settle: wait until its CPU time stops growing.
    let mut last = None;
    for _ in 0..40 {
        std::thread::sleep(Duration::from_millis(500));
        if let Ok(Some(status)) = w.0.try_wait() {
            panic!("the window exited at once: {status}");
        }
        let now = cpu_ticks(pid);
        if now.is_some() && now == last {
            break;
        }
        last = now;
    }
    let tck = clock_ticks_per_second();
    let before = cpu_ticks(pid).expect("process CPU time");
    let idle = Duration::from_secs(5);
    std::thread::sleep(idle);
    let after = cpu_ticks(pid).expect("process CPU time");
    assert!(
        w.0.try_wait().ok().flatten().is_none(),
        "the window closed while idle"
    );
    let cpu_ms = (after - before) * 1000 / tck;
    let hwm = status_kb(pid, "VmHWM:").unwrap_or(0);
    let rss = status_kb(pid, "VmRSS:").unwrap_or(0);
    let threads = status_kb(pid, "Threads:").unwrap_or(0);
    drop(w);
    println!(
        "  (c) idle window, 5 s, no input                   CPU {cpu_ms} ms ({} ticks of {} ms)",
        after - before,
        1000 / tck
    );
    println!(
        "  (d) memory of that window                         VmHWM {:.1} MB, VmRSS {:.1} MB, {threads} threads",
        hwm as f64 / 1024.0,
        rss as f64 / 1024.0
    );
    vec![
        Row {
            name: "(c) idle CPU over 5 s",
            goal: "0 (no repaint)".into(),
            measured: format!("{cpu_ms} ms"),
            // One clock tick can be charged by a stray timer or the X connection.
            verdict: verdict(after - before <= 1),
        },
        Row {
            name: "(d) peak resident memory (VmHWM)",
            goal: "< 150 MB".into(),
            measured: format!("{:.1} MB", hwm as f64 / 1024.0),
            verdict: verdict(hwm > 0 && hwm < 150 * 1024),
        },
    ]
}

// ───────────────────────── (e) binary size ─────────────────────────

fn bench_size() -> Row {
    let bytes = std::fs::metadata(BIN).map_or(0, |m| m.len());
    let font = fonts::CJK_FONT.len();
    println!(
        "  (e) release binary {BIN}: {:.1} MB (of which the CJK font {:.1} MB)",
        bytes as f64 / 1e6,
        font as f64 / 1e6
    );
    Row {
        name: "(e) release binary size",
        goal: "—".into(),
        measured: format!(
            "{:.1} MB (font {:.1} MB)",
            bytes as f64 / 1e6,
            font as f64 / 1e6
        ),
        verdict: "",
    }
}

fn main() {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    println!("innocheck window benchmarks — {cores} cores, no GPU (Mesa llvmpipe under Xvfb)\n");
    let mut rows = bench_frame();
    rows.extend(bench_portfolio_frame());
    if has_display() {
        let home = tempfile::tempdir().expect("temp dir");
        rows.push(bench_first_frame(home.path()));
        rows.push(bench_screenshot(home.path()));
        rows.extend(bench_idle(home.path()));
    } else {
        println!("  (b)–(d) skipped: no DISPLAY (run `xvfb-run -a cargo bench --bench gui`)");
        for name in [
            "(b) start to first frame",
            "(c) idle CPU over 5 s",
            "(d) peak resident memory (VmHWM)",
        ] {
            rows.push(Row {
                name,
                goal: String::new(),
                measured: "skipped: no DISPLAY".into(),
                verdict: "",
            });
        }
    }
    rows.push(bench_size());

    println!(
        "\n{:<50} {:>16} {:>26}  verdict",
        "measurement", "goal", "measured"
    );
    for r in &rows {
        println!(
            "{:<50} {:>16} {:>26}  {}",
            r.name, r.goal, r.measured, r.verdict
        );
    }
}

//! `cargo bench --bench package`: the application package of 50 attachments
//! and 301 attached pages, built by the whole `innocheck package` process.
//!
//! The attachments, generated in a temporary folder:
//! - 25 text PDFs of 6 pages (vector text and rules, like a contract or a
//!   certificate list): 150 pages;
//! - 14 scanned PDFs of 10 pages, each page a distinct ~1 MB JPEG scan of A4
//!   at 200 dpi (made with krilla): 140 pages;
//! - 11 JPEG scans of ~1 MB: 11 pages.
//!
//! Measured, each against its goal:
//! (a) wall time of `innocheck package FILE --tier … -o OUT.pdf` — goal < 3 s;
//! (b) its peak memory (maximum resident set size by `/usr/bin/time -v`) —
//!     goal < 2 × the attachments' total size;
//! (c) the package's size — goal ≤ the attachments' total size + 10 %;
//! (d) side by side, when installed: `qpdf --empty --pages … --` and
//!     `pdfunite` merging the 39 PDFs alone (no cover, contents, stamps or scans).
//!
//! A plain harness (no dependency), like the other benches; it asserts nothing about time.

// A benchmark reports its figures on standard output.
#![allow(clippy::print_stdout)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use krilla::Document;
use krilla::geom::Size;
use krilla::image::Image;
use krilla::page::PageSettings;

#[path = "../tests/common/attach.rs"]
mod attach;
mod common;
use common::{show, stats};

const TIER: &str = "sme.2022.innovative";
const SAMPLE: &str = "hongdu-precision.ron";

/// A text PDF of `pages` A4 pages: 40 lines of Helvetica and a frame each.
fn text_pdf(seed: usize, pages: usize) -> Vec<u8> {
    let contents: Vec<String> = (0..pages)
        .map(|p| {
            let mut c = String::from("0.5 w 40 40 515 762 re S BT /F1 10 Tf 56 780 Td 14 TL\n");
            for l in 0..40 {
                let _ = writeln!(
                    c,
                    "(Document {seed} page {} line {l}: the parties agree to the terms set out in annex {}.) '",
                    p + 1,
                    (seed * 7 + l) % 13
                );
            }
            c.push_str("ET");
            c
        })
        .collect();
    attach::pdf_of(&contents, 595.0, 842.0)
}

/// A distinct "scan" of A4 at 200 dpi (1654 × 2339), grey paper with
/// noise and dark strokes, as JPEG of about 1 MB.
fn scan_jpeg(seed: u32) -> Vec<u8> {
    let mut state = seed.wrapping_mul(2_654_435_761).max(1);
    let mut rnd = move || {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        state
    };
    let img = image::GrayImage::from_fn(1654, 2339, |x, y| {
        let noise = (rnd() % 48) as u8;
        let ink = (y / 9).is_multiple_of(4)
            && !(x / 5 + y / 37 + seed).is_multiple_of(11)
            && (100..1550).contains(&x);
        image::Luma([if ink { 30 + noise } else { 200 + noise }])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 70);
    img.write_with_encoder(enc).expect("encodes");
    out.into_inner()
}

/// A scanned PDF: one JPEG per A4 page (krilla copies the JPEG as it is).
fn scanned_pdf(seed: u32, pages: u32) -> Vec<u8> {
    let mut doc = Document::new();
    for p in 0..pages {
        let jpeg = scan_jpeg(seed * 100 + p);
        let image = Image::from_jpeg(krilla::Data::from(jpeg), true).expect("a JPEG");
        let mut page = doc.start_page_with(PageSettings::from_wh(595.28, 841.89).expect("A4"));
        let mut s = page.surface();
        s.draw_image(image, Size::from_wh(595.28, 841.89).expect("size"));
        s.finish();
        page.finish();
    }
    doc.finish().expect("writes")
}

/// Writes the 50 attachments and the assessment that records them; returns
/// the assessment, the PDFs (for qpdf and pdfunite) and the total size.
fn setup(dir: &Path) -> (PathBuf, Vec<PathBuf>, u64) {
    // The tier's (criterion, item) pairs the files are spread over.
    let slots = [
        ("ip", 0),
        ("rd_ratio", 0),
        ("rd_ratio", 1),
        ("growth", 0),
        ("debt", 0),
        ("main_share", 0),
        ("direct.award", 0),
        ("direct.title", 0),
    ];
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..25 {
        files.push((format!("text-{i:02}.pdf"), text_pdf(i, 6)));
    }
    for i in 0..14 {
        files.push((format!("scanned-{i:02}.pdf"), scanned_pdf(i + 1, 10)));
    }
    for i in 0..11 {
        files.push((format!("scan-{i:02}.jpg"), scan_jpeg(10_000 + i)));
    }
    let mut list = String::new();
    let mut pdfs = Vec::new();
    let mut total = 0;
    for (k, (name, bytes)) in files.iter().enumerate() {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("writes");
        total += bytes.len() as u64;
        if Path::new(name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
        {
            pdfs.push(path);
        }
        let (criterion, item) = slots[k % slots.len()];
        list.push_str(&attach::entry(
            &format!("{TIER}.{criterion}"),
            item,
            name,
            bytes,
        ));
    }
    let text = innocheck::storage::SAMPLES
        .iter()
        .find(|(n, _)| *n == SAMPLE)
        .map(|(_, t)| *t)
        .expect("the sample");
    let path = dir.join("assessment.ron");
    std::fs::write(&path, attach::with_attachments(text, &list)).expect("writes");
    (path, pdfs, total)
}

fn package_command(input: &Path, out: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_innocheck"));
    cmd.args(["package", "--tier", TIER, "-o"])
        .arg(out)
        .arg(input)
        .env("SOURCE_DATE_EPOCH", "1751328000")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

fn timed(mut cmd: Command) -> Duration {
    let start = Instant::now();
    let status = cmd.status().expect("runs");
    let t = start.elapsed();
    assert!(status.success(), "{cmd:?} failed: {status}");
    t
}

/// Maximum resident set size (KiB) by `/usr/bin/time -v`, if installed.
fn max_rss(input: &Path, out: &Path) -> Option<u64> {
    let o = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(env!("CARGO_BIN_EXE_innocheck"))
        .args(["package", "--tier", TIER, "-o"])
        .arg(out)
        .arg(input)
        .stdout(Stdio::null())
        .output()
        .ok()?;
    String::from_utf8_lossy(&o.stderr)
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
        .and_then(|v| v.trim().parse().ok())
}

fn mb(n: u64) -> String {
    format!("{:.1} MB", n as f64 / 1_048_576.0)
}

/// Wall time and output size of an external merge of the PDFs, if the tool runs.
fn external(name: &str, mut cmd: Command, out: &Path) -> Option<(Duration, u64)> {
    cmd.stdout(Stdio::null()).stderr(Stdio::null());
    let start = Instant::now();
    let ok = cmd.status().ok()?.success();
    let t = start.elapsed();
    if !ok {
        println!("{name}: failed");
        return None;
    }
    let runs: Vec<Duration> = std::iter::once(t).collect();
    Some((stats(runs).median, std::fs::metadata(out).ok()?.len()))
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let tmp = dir.path();
    print!("generating 50 attachments… ");
    let (input, pdfs, total) = setup(tmp);
    println!("{} in all", mb(total));
    let out = tmp.join("package.pdf");
    timed(package_command(&input, &out)); // warm-up: page cache, binary loaded
    let times = stats(
        (0..5)
            .map(|_| timed(package_command(&input, &out)))
            .collect(),
    );
    let size = std::fs::metadata(&out).map_or(0, |m| m.len());
    let rss = max_rss(&input, &out);
    println!();
    println!(
        "(a) innocheck package, whole process:  median {}  p95 {}  (goal < 3 s)",
        show(times.median),
        show(times.p95)
    );
    match rss {
        Some(k) => println!(
            "(b) peak memory (max RSS):             {}  = {:.2} × the attachments  (goal < 2 ×)",
            mb(k * 1024),
            (k * 1024) as f64 / total as f64
        ),
        None => println!("(b) peak memory: /usr/bin/time is not installed"),
    }
    println!(
        "(c) package size:                      {}  = attachments {} {:+.1} %  (goal ≤ +10 %)",
        mb(size),
        mb(total),
        (size as f64 / total as f64 - 1.0) * 100.0
    );
    let q_out = tmp.join("qpdf.pdf");
    let mut qpdf = Command::new("qpdf");
    qpdf.arg("--empty")
        .arg("--pages")
        .args(&pdfs)
        .arg("--")
        .arg(&q_out);
    let u_out = tmp.join("pdfunite.pdf");
    let mut unite = Command::new("pdfunite");
    unite.args(&pdfs).arg(&u_out);
    let pdf_total: u64 = pdfs
        .iter()
        .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
        .sum();
    println!(
        "(d) the {} PDFs alone ({}, 290 pages), merged by:",
        pdfs.len(),
        mb(pdf_total)
    );
    for (name, cmd, o) in [
        ("qpdf --empty --pages … --", qpdf, &q_out),
        ("pdfunite", unite, &u_out),
    ] {
        match external(name, cmd, o) {
            Some((t, size)) => println!("    {name:<28} {}  {}", show(t), mb(size)),
            None => println!("    {name:<28} not installed"),
        }
    }
}

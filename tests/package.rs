//! The application package read back: pages in order (cover, contents,
//! summary, a header page per item followed by its attached pages, the
//! missing page), the outline and its targets, the stamps on embedded pages,
//! the text of an embedded vector page, scans placed at their aspect ratio,
//! reproducible bytes, and every kind of bad attachment refused by name.

mod common;

use std::path::Path;

use chrono::NaiveDate;
use hayro_syntax::Pdf;
use hayro_syntax::object::{Array, Dict, ObjRef, ObjectIdentifier};
use innocheck::eval::{Evaluation, evaluate};
use innocheck::i18n::Lang;
use innocheck::model::Assessment;
use innocheck::report::pdf::package::{
    Attached, Options, PackageError, PackageInput, Reason, build, input,
};
use innocheck::rules::Registry;
use innocheck::storage;

use common::attach::text_pdf;

const TIER: &str = "sme.2022.innovative";
const SAMPLE: &str = "hongdu-precision.ron";

/// A picture of `w` × `h` pixels with a gradient, encoded as `format`.
fn picture(w: u32, h: u32, format: image::ImageFormat) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x * 255 / w) as u8, (y * 255 / h) as u8, 128])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, format).expect("encodes");
    out.into_inner()
}

/// Writes `bytes` to `dir/name` and records it as attached to `item` of `criterion`.
fn attach(dir: &Path, name: &str, bytes: &[u8], criterion: &str, item: usize) -> Attached {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("writes");
    Attached {
        criterion: format!("{TIER}.{criterion}"),
        item,
        path,
        name: name.to_string(),
        sha256: innocheck::report::data::fingerprint(bytes),
        size: bytes.len() as u64,
        note: String::new(),
    }
}

/// The sample's text, assessment and evaluation on 2025-06-30.
fn evaluated() -> (&'static str, Assessment, Evaluation) {
    let text = common::sample_text(SAMPLE);
    let a = storage::load_bytes(text.as_bytes(), SAMPLE)
        .expect("loads")
        .assessment;
    let reg = Registry::bundled().expect("packs");
    let as_of = NaiveDate::from_ymd_opt(2025, 6, 30).expect("date");
    let ev = evaluate(&a, &reg.in_force(as_of), as_of);
    (text, a, ev)
}

/// The package input of the sample for `TIER` with `attached`.
fn package_input(attached: &[Attached], lang: Lang) -> PackageInput {
    let (text, a, ev) = evaluated();
    input(
        text.as_bytes(),
        &a,
        &ev,
        TIER,
        lang,
        "2025-07-01".into(),
        attached,
    )
    .expect("the tier is evaluated")
}

/// The attachments of the main test: a 3-page A4 PDF and a 2-page
/// landscape PDF on one item, a portrait PNG, a landscape JPEG and a small
/// grey JPEG on others.
fn attachments(dir: &Path) -> Vec<Attached> {
    vec![
        attach(
            dir,
            "ip-certificates.pdf",
            &text_pdf(
                &["EMBEDDED-ONE", "EMBEDDED-TWO", "EMBEDDED-THREE"],
                595.0,
                842.0,
            ),
            "ip",
            0,
        ),
        attach(
            dir,
            "ip-list.pdf",
            &text_pdf(&["LANDSCAPE-A", "LANDSCAPE-B"], 792.0, 612.0),
            "ip",
            0,
        ),
        attach(
            dir,
            "audit-scan.png",
            &picture(620, 877, image::ImageFormat::Png),
            "rd_ratio",
            0,
        ),
        attach(
            dir,
            "award.jpg",
            &picture(1200, 500, image::ImageFormat::Jpeg),
            "direct.award",
            0,
        ),
        attach(
            dir,
            "tiny.jpg",
            &picture(40, 90, image::ImageFormat::Jpeg),
            "direct.award",
            0,
        ),
    ]
}

fn open(bytes: &[u8]) -> Pdf {
    Pdf::new(bytes.to_vec()).expect("the package parses")
}

/// The page ids in order, to find an outline target's page number.
fn page_ids(pdf: &Pdf) -> Vec<ObjectIdentifier> {
    pdf.pages()
        .iter()
        .map(|p| p.raw().obj_id().expect("page id"))
        .collect()
}

/// A PDF text string (UTF-16BE with a BOM, or bytes) as a Rust string.
fn text_of(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    }
}

/// Walks the outline items from `first`, depth first.
fn walk(
    first: Option<Dict>,
    depth: usize,
    ids: &[ObjectIdentifier],
    out: &mut Vec<(usize, String, usize)>,
) {
    let mut node = first;
    while let Some(n) = node {
        let title: hayro_syntax::object::String = n.get(b"Title").expect("title");
        let dest: Array = n.get(b"Dest").expect("a destination");
        let page: ObjRef = dest
            .raw_iter()
            .next()
            .and_then(|r| ObjRef::try_from(r).ok())
            .expect("a page reference");
        let id: ObjectIdentifier = page.into();
        let number = ids.iter().position(|p| *p == id).expect("a page") + 1;
        out.push((depth, text_of(title.as_bytes()), number));
        walk(n.get(b"First"), depth + 1, ids, out);
        node = n.get(b"Next");
    }
}

/// The outline: (depth, title, page number from 1), in order.
fn outline(pdf: &Pdf) -> Vec<(usize, String, usize)> {
    let ids = page_ids(pdf);
    let catalog: Dict = pdf.xref().get(pdf.xref().root_id()).expect("catalog");
    let outlines: Dict = catalog.get(b"Outlines").expect("an outline");
    let mut out = Vec::new();
    walk(outlines.get(b"First"), 0, &ids, &mut out);
    out
}

fn build_ok(attached: &[Attached], lang: Lang, opts: &Options) -> (Vec<u8>, usize) {
    let p = build(&package_input(attached, lang), opts).expect("builds");
    assert!(p.skipped.is_empty());
    (p.bytes, p.pages)
}

#[test]
fn pages_follow_the_criteria_with_outline_and_stamps() {
    let dir = tempfile::tempdir().expect("tempdir");
    let attached = attachments(dir.path());
    let (bytes, pages) = build_ok(&attached, Lang::Zh, &Options::default());
    let pdf = open(&bytes);
    assert_eq!(pdf.pages().len(), pages);
    let o = outline(&pdf);
    let find = |title: &str| {
        o.iter()
            .find(|(_, t, _)| t == title)
            .unwrap_or_else(|| panic!("no bookmark {title}: {o:?}"))
            .2
    };
    let contents = find("目录");
    let summary = find("准备度摘要");
    let missing = find("尚缺材料");
    assert_eq!(contents, 2, "the contents follow the cover");
    // Items with attachments: their header pages, in the criteria's order.
    let ip = find("知识产权证书（发明专利以国家知识产权局数据核验）");
    let audit = o
        .iter()
        .filter(|(d, t, _)| *d == 1 && t == "上年度审计报告")
        .map(|x| x.2)
        .next()
        .expect("the audit report item");
    let award = find("获奖证书");
    assert!(summary < ip && ip < audit && audit < award && award < missing);
    // Each header page is followed by exactly its attached pages.
    assert_eq!(audit - ip, 1 + 3 + 2, "header + 3 + 2 PDF pages");
    assert_eq!(award - audit, 1 + 1, "header + the PNG");
    assert_eq!(missing - award, 1 + 2, "header + two JPEGs");
    // cover + contents + summary + 3 headers + 8 attached pages + missing page.
    let contents_pages = summary - contents;
    let summary_pages = ip - summary;
    assert_eq!(
        pages,
        1 + contents_pages + summary_pages + 3 + 8 + 1,
        "every page is accounted for"
    );
    assert_eq!(missing, pages, "the missing page is last");
    // Every criterion of the tier is a bookmark with its items under it;
    // items without attachments open the missing page.
    assert!(o.iter().filter(|(d, _, _)| *d == 0).count() >= 5);
    assert!(
        o.iter()
            .any(|(d, t, p)| *d == 1 && t == "有效期内的称号证书" && *p == missing)
    );
    // Embedded pages keep their size; scans sit on A4 turned to their shape.
    let size = |n: usize| pdf.pages()[n - 1].render_dimensions();
    let (w, h) = size(ip + 4);
    assert!(
        (w - 792.0).abs() < 0.5 && (h - 612.0).abs() < 0.5,
        "{w}×{h}"
    );
    let (w, h) = size(audit + 1);
    assert!(w < h && (w - 595.28).abs() < 0.5);
    let (w, h) = size(award + 1);
    assert!(w > h && (w - 841.89).abs() < 0.5);
    // Chinese output names no internal id.
    for (_, t, _) in &o {
        assert!(!t.contains("sme.") && !t.contains(TIER), "{t}");
    }
}

/// The text of page `n` (from 1) by `pdftotext`, or `None` when it is not installed.
fn pdftotext(pdf: &Path, n: usize) -> Option<String> {
    let out = std::process::Command::new("pdftotext")
        .args(["-f", &n.to_string(), "-l", &n.to_string(), "-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .ok()?;
    assert!(out.status.success(), "pdftotext failed");
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn embedded_pages_keep_their_text_and_carry_the_stamp() {
    let dir = tempfile::tempdir().expect("tempdir");
    let attached = attachments(dir.path());
    for lang in [Lang::Zh, Lang::En] {
        let (bytes, pages) = build_ok(&attached, lang, &Options::default());
        let out = dir.path().join("package.pdf");
        std::fs::write(&out, &bytes).expect("writes");
        let o = outline(&open(&bytes));
        let ip = o
            .iter()
            .find(|(_, t, _)| t.contains("知识产权证书") || t.starts_with("IP certificates"))
            .expect("the IP item")
            .2;
        let Some(text) = pdftotext(&out, ip + 2) else {
            eprintln!("pdftotext is not installed: the page text is not checked");
            return;
        };
        assert!(text.contains("EMBEDDED-TWO"), "{text}");
        let stamp = |i: usize| match lang {
            Lang::Zh => format!("第 {i} 页 / 共 {pages} 页"),
            Lang::En => format!("Page {i} of {pages}"),
        };
        assert!(text.contains(&stamp(ip + 2)), "no stamp in {text}");
        // The scans and the own pages are stamped too.
        for n in [1, ip, ip + 6, pages] {
            let page = pdftotext(&out, n).expect("pdftotext");
            assert!(page.contains(&stamp(n)), "no stamp on page {n}: {page}");
        }
        let cover = pdftotext(&out, 1).expect("pdftotext");
        let company = match lang {
            Lang::Zh => "申报材料",
            Lang::En => "Application package",
        };
        assert!(cover.contains(company), "{cover}");
    }
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let attached = attachments(dir.path());
    let (a, _) = build_ok(&attached, Lang::Zh, &Options::default());
    let (b, _) = build_ok(&attached, Lang::Zh, &Options::default());
    assert!(a == b, "two builds differ");
}

#[test]
fn max_dpi_shrinks_fine_scans_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fine = attach(
        dir.path(),
        "fine.jpg",
        &picture(2480, 3508, image::ImageFormat::Jpeg),
        "rd_ratio",
        0,
    );
    let (full, n) = build_ok(std::slice::from_ref(&fine), Lang::Zh, &Options::default());
    let opts = Options {
        max_dpi: Some(72),
        ..Options::default()
    };
    let (small, m) = build_ok(&[fine], Lang::Zh, &opts);
    assert_eq!(n, m);
    assert!(
        small.len() * 2 < full.len(),
        "{} bytes at 72 dpi, {} as given",
        small.len(),
        full.len()
    );
}

/// Builds with one bad attachment beside a good one; returns the reasons.
fn reasons(bad: &Attached, good: &Attached) -> Vec<Reason> {
    let input = package_input(&[good.clone(), bad.clone()], Lang::Zh);
    match build(&input, &Options::default()) {
        Err(PackageError::Bad(problems)) => {
            let msg = PackageError::Bad(problems.clone()).message(Lang::Zh);
            assert!(msg.contains(&bad.name), "{msg}");
            assert!(!msg.contains(&good.name), "{msg}");
            problems.into_iter().map(|p| p.reason).collect()
        }
        Err(e) => panic!("{e}"),
        Ok(_) => panic!("{} was accepted", bad.name),
    }
}

#[test]
fn bad_attachments_are_named_and_nothing_is_built() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let good = attach(d, "good.pdf", &text_pdf(&["GOOD"], 595.0, 842.0), "ip", 0);
    // Encrypted: an /Encrypt entry in the trailer.
    let mut enc = text_pdf(&["SECRET"], 595.0, 842.0);
    let at = enc
        .windows(7)
        .rposition(|w| w == b"/Root 1")
        .expect("trailer");
    enc.splice(
        at..at,
        b"/Encrypt << /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >> "
            .iter()
            .copied(),
    );
    // A PNG whose header is sound but whose pixel data is not.
    let mut png = picture(64, 64, image::ImageFormat::Png);
    let idat = png
        .windows(4)
        .position(|w| w == b"IDAT")
        .expect("pixel data");
    for b in &mut png[idat + 8..idat + 40] {
        *b ^= 0x5a;
    }
    let cases: Vec<(Attached, Reason)> = vec![
        (
            attach(d, "damaged.png", &png, "rd_ratio", 0),
            Reason::Damaged,
        ),
        (
            attach(d, "encrypted.pdf", &enc, "rd_ratio", 0),
            Reason::Encrypted,
        ),
        (
            attach(
                d,
                "damaged.pdf",
                b"%PDF-1.4\n1 0 obj <<\ngarbage",
                "rd_ratio",
                0,
            ),
            Reason::Damaged,
        ),
        (attach(d, "empty.pdf", b"", "rd_ratio", 0), Reason::Empty),
        (
            attach(
                d,
                "no-pages.pdf",
                &text_pdf(&[], 595.0, 842.0),
                "rd_ratio",
                0,
            ),
            Reason::Empty,
        ),
        (
            attach(
                d,
                "scan.gif",
                b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
                "rd_ratio",
                0,
            ),
            Reason::Unsupported,
        ),
        (
            attach(d, "scan.tif", b"II*\0\x08\0\0\0\0\0", "rd_ratio", 0),
            Reason::Unsupported,
        ),
    ];
    for (bad, reason) in &cases {
        assert_eq!(reasons(bad, &good), vec![reason.clone()], "{}", bad.name);
    }
    // Vanished since attaching.
    let gone = attach(
        d,
        "gone.pdf",
        &text_pdf(&["X"], 595.0, 842.0),
        "rd_ratio",
        0,
    );
    std::fs::remove_file(&gone.path).expect("removes");
    assert_eq!(reasons(&gone, &good), vec![Reason::Missing]);
    // Changed since attaching: same size, other bytes.
    let changed = attach(
        d,
        "changed.pdf",
        &text_pdf(&["AAAA"], 595.0, 842.0),
        "rd_ratio",
        0,
    );
    std::fs::write(&changed.path, text_pdf(&["BBBB"], 595.0, 842.0)).expect("writes");
    assert_eq!(reasons(&changed, &good), vec![Reason::Changed]);
    // A 300 MB scan (sparse: nothing is written, nothing is read).
    let huge_path = d.join("huge.jpg");
    let f = std::fs::File::create(&huge_path).expect("creates");
    f.set_len(300 * 1024 * 1024).expect("sizes");
    let huge = Attached {
        criterion: format!("{TIER}.rd_ratio"),
        item: 0,
        path: huge_path,
        name: "huge.jpg".into(),
        sha256: String::new(),
        size: 300 * 1024 * 1024,
        note: String::new(),
    };
    assert!(matches!(
        reasons(&huge, &good)[..],
        [Reason::TooLarge { size, .. }] if size == 300 * 1024 * 1024
    ));
}

#[test]
fn skipped_attachments_are_listed_on_the_contents_page() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let good = attach(d, "good.pdf", &text_pdf(&["GOOD"], 595.0, 842.0), "ip", 0);
    let bad = attach(
        d,
        "broken-scan.jpg",
        b"\xff\xd8\xff\xe0 not really",
        "rd_ratio",
        0,
    );
    let input = package_input(&[good, bad], Lang::Zh);
    let opts = Options {
        skip_bad: true,
        ..Options::default()
    };
    let p = build(&input, &opts).expect("builds without the bad file");
    assert_eq!(p.skipped.len(), 1);
    assert_eq!(p.skipped[0].file, "broken-scan.jpg");
    let out = d.join("package.pdf");
    std::fs::write(&out, &p.bytes).expect("writes");
    let Some(text) = pdftotext(&out, 2) else {
        eprintln!("pdftotext is not installed: the contents page is not checked");
        return;
    };
    assert!(text.contains("未纳入的附件"), "{text}");
    assert!(text.contains("broken-scan.jpg"), "{text}");
}

#[test]
fn an_unknown_tier_names_the_tiers_there_are() {
    let (text, a, ev) = evaluated();
    let err = input(
        text.as_bytes(),
        &a,
        &ev,
        "nope",
        Lang::Zh,
        String::new(),
        &[],
    )
    .expect_err("unknown");
    let msg = err.message(Lang::Zh);
    assert!(msg.contains("没有这一申报类别：nope"), "{msg}");
    assert!(
        msg.contains("sme.2022.innovative（创新型中小企业）"),
        "{msg}"
    );
}

#[test]
fn a_pdf_2_attachment_makes_a_pdf_2_package() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut v2 = text_pdf(&["VERSION-TWO"], 595.0, 842.0);
    v2[5..8].copy_from_slice(b"2.0");
    let attached = [attach(dir.path(), "v2.pdf", &v2, "ip", 0)];
    let (bytes, pages) = build_ok(&attached, Lang::Zh, &Options::default());
    assert!(bytes.starts_with(b"%PDF-2.0"));
    assert_eq!(open(&bytes).pages().len(), pages);
}

/// `jpeg` with an EXIF segment saying orientation `o` (big-endian TIFF),
/// right after its start marker, as a phone writes it.
fn with_orientation(jpeg: &[u8], o: u16) -> Vec<u8> {
    let mut tiff = Vec::new();
    tiff.extend(b"MM");
    tiff.extend(42u16.to_be_bytes());
    tiff.extend(8u32.to_be_bytes());
    tiff.extend(1u16.to_be_bytes());
    tiff.extend(0x0112u16.to_be_bytes());
    tiff.extend(3u16.to_be_bytes());
    tiff.extend(1u32.to_be_bytes());
    tiff.extend(o.to_be_bytes());
    tiff.extend([0, 0, 0, 0, 0, 0]);
    let mut out = jpeg[..2].to_vec();
    out.extend([0xFF, 0xE1]);
    out.extend(
        u16::try_from(2 + 6 + tiff.len())
            .expect("small")
            .to_be_bytes(),
    );
    out.extend(b"Exif\0\0");
    out.extend(tiff);
    out.extend(&jpeg[2..]);
    out
}

#[test]
fn a_phone_photo_is_shown_as_the_camera_showed_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Stored landscape (the sensor's way), tagged "turn a quarter clockwise":
    // an upright certificate, so a portrait page — also when shrunk, which
    // re-encodes the picture without its EXIF.
    let stored = picture(1600, 1200, image::ImageFormat::Jpeg);
    let photo = attach(
        dir.path(),
        "photo.jpg",
        &with_orientation(&stored, 6),
        "rd_ratio",
        0,
    );
    let plain = attach(dir.path(), "plain.jpg", &stored, "rd_ratio", 0);
    for opts in [
        Options::default(),
        Options {
            max_dpi: Some(72),
            ..Options::default()
        },
    ] {
        let (bytes, _) = build_ok(&[photo.clone(), plain.clone()], Lang::Zh, &opts);
        let pdf = open(&bytes);
        let o = outline(&pdf);
        let audit = o
            .iter()
            .find(|(d, t, _)| *d == 1 && t == "上年度审计报告")
            .expect("the audit report item")
            .2;
        let (w, h) = pdf.pages()[audit].render_dimensions();
        assert!(w < h && (w - 595.28).abs() < 0.5, "turned photo: {w}×{h}");
        let (w, h) = pdf.pages()[audit + 1].render_dimensions();
        assert!(
            w > h && (w - 841.89).abs() < 0.5,
            "plain landscape: {w}×{h}"
        );
    }
}

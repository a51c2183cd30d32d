//! The printable PDF summary: a valid, small A4 PDF whose Chinese text can be
//! extracted, identical bytes for identical inputs, long tables that break
//! across pages under a repeated header, the reviewer's notes beside the
//! assessment, and the `innocheck report` command.
//!
//! Text is extracted with `pdftotext` (poppler-utils); where it is not
//! installed, those checks print a note and are skipped.

use std::path::Path;
use std::process::Command;

use innocheck::eval::{Outcome, Verdict};
use innocheck::i18n::Lang;
use innocheck::report::data::{Header, ReportData, Row, TierTable};
use innocheck::report::pdf;
use innocheck::rules::Confidence;
use innocheck::storage::review::{Note, Review, Status, Target, save_review};
mod common;
use common::sample;

const SAMPLES: [&str; 3] = [
    "hongdu-precision.ron",
    "ganpo-smart.ron",
    "xinyu-materials.ron",
];

/// Pages of the PDF as `pdftotext -layout` sees them, or `None` (with a
/// note) when pdftotext is not installed.
fn pdftotext(bytes: &[u8]) -> Option<Vec<String>> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("r.pdf");
    std::fs::write(&path, bytes).expect("write");
    let Ok(out) = Command::new("pdftotext")
        .arg("-layout")
        .arg(&path)
        .arg("-")
        .output()
    else {
        eprintln!("note: pdftotext is not installed (poppler-utils); text checks skipped");
        return None;
    };
    assert!(out.status.success(), "pdftotext failed: {out:?}");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    Some(pages)
}

/// Page objects in the file (`/Type/Page`, not `/Pages`; with or without a space).
fn pages_in_file(bytes: &[u8]) -> usize {
    [&b"/Type/Page"[..], &b"/Type /Page"[..]]
        .iter()
        .map(|needle| {
            bytes
                .windows(needle.len() + 1)
                .filter(|w| &w[..needle.len()] == *needle && w[needle.len()] != b's')
                .count()
        })
        .sum()
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn every_sample_is_a_small_pdf_with_the_expected_pages() {
    for name in SAMPLES {
        for lang in [Lang::Zh, Lang::En] {
            let r = sample(name, lang);
            let bytes = pdf::render(&r).expect("renders");
            assert!(bytes.starts_with(b"%PDF-"), "{name}");
            let pages = pages_in_file(&bytes);
            assert_eq!(
                pages,
                pdf::page_count(&r).expect("layout"),
                "{name} {lang:?}"
            );
            assert!((3..=20).contains(&pages), "{name} {lang:?}: {pages} pages");
            assert!(
                bytes.len() < 300_000,
                "{name} {lang:?}: {} bytes",
                bytes.len()
            );
            // The font is embedded as a subset (a tag such as `ABCDEF+` before its name).
            let subset = bytes.windows(24).any(|w| {
                w[6] == b'+'
                    && w[..6].iter().all(u8::is_ascii_uppercase)
                    && w[7..].starts_with(b"NotoSansCJKsc")
            });
            assert!(subset, "{name}: the font is not embedded as a subset");
        }
    }
}

#[test]
fn the_chinese_text_can_be_extracted() {
    let r = sample("hongdu-precision.ron", Lang::Zh);
    let bytes = pdf::render(&r).expect("renders");
    let Some(pages) = pdftotext(&bytes) else {
        return;
    };
    let all = pages.concat();
    for needle in [
        "江西洪岳精密机械有限公司",
        "企业技术中心",
        "专精特新",
        "统一社会信用代码",
        "91360100705586232Y",
        "下一步工作",
        "证明材料清单",
        "编制人（签字）",
        "审核人（签字）",
        "单位盖章",
        // Glyph ids above 32,767 in the bundled font: 限 具 ： “ ≥.
        "有限公司",
        "≥",
    ] {
        assert!(all.contains(needle), "{needle:?} not found in the text");
    }
    assert!(all.contains(&r.fingerprint), "the fingerprint is printed");
    let n = pages.len();
    for (i, p) in pages.iter().enumerate() {
        // pdftotext drops the spaces around CJK characters in layout mode.
        let label = format!("第{}页/共{n}页", i + 1);
        assert!(
            p.replace(' ', "").contains(&label),
            "page {} lacks {label:?}",
            i + 1
        );
    }
    // Provisional figures: the plain disclaimer is printed.
    assert!(r.has_provisional);
    assert!(all.contains("须向主管部门确认"));
}

/// Name characters beyond the basic CJK block: 䶮 (Extension A) and 𬭚 𬘡
/// (Extension E), all in the 通用规范汉字表.
const RARE_NAME: &str = "赣州䶮𬭚𬘡科技有限公司";

#[test]
fn rare_name_characters_are_drawn_and_extractable() {
    let mut r = sample("hongdu-precision.ron", Lang::Zh);
    r.header.company = RARE_NAME.to_string();
    let bytes = pdf::render(&r).expect("renders");
    let Some(pages) = pdftotext(&bytes) else {
        return;
    };
    // Each character has a glyph of its own (a missing one would come back as
    // whatever the shared .notdef glyph was first mapped to).
    assert!(
        pages[0].contains(RARE_NAME),
        "{RARE_NAME} not found on page 1"
    );
}

#[test]
fn the_english_summary_speaks_english() {
    let r = sample("xinyu-materials.ron", Lang::En);
    let bytes = pdf::render(&r).expect("renders");
    let Some(pages) = pdftotext(&bytes) else {
        return;
    };
    let all = pages.concat();
    for needle in [
        "Innovation readiness summary",
        "Enterprise technology center",
        "Quality-SME ladder",
        "What to do next",
        "Evidence checklist",
        "Prepared by",
        "Reviewed by",
    ] {
        assert!(all.contains(needle), "{needle:?} not found");
    }
    let n = pages.len();
    assert!(pages[n - 1].contains(&format!("Page {n} of {n}")));
}

#[test]
fn the_same_data_gives_the_same_bytes() {
    let r = sample("ganpo-smart.ron", Lang::Zh);
    let a = pdf::render(&r).expect("renders");
    let b = pdf::render(&r).expect("renders");
    assert!(a == b, "two renders differ");
    let other = sample("ganpo-smart.ron", Lang::En);
    assert!(pdf::render(&other).expect("renders") != a);
}

fn run_report(file: &Path, out: &Path, epoch: Option<&str>) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_innocheck"));
    cmd.arg("report").arg(file).arg("-o").arg(out);
    match epoch {
        Some(e) => cmd.env("SOURCE_DATE_EPOCH", e),
        None => cmd.env_remove("SOURCE_DATE_EPOCH"),
    };
    cmd.output().expect("runs innocheck")
}

#[test]
fn source_date_epoch_makes_the_command_reproducible() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/hongdu-precision.ron");
    let (a, b, c) = (
        dir.path().join("a.pdf"),
        dir.path().join("b.pdf"),
        dir.path().join("c.pdf"),
    );
    for out in [&a, &b] {
        let o = run_report(&input, out, Some("1700000000"));
        assert!(o.status.success(), "{o:?}");
    }
    let (a, b) = (std::fs::read(a).expect("a"), std::fs::read(b).expect("b"));
    assert!(
        a == b,
        "the same input and SOURCE_DATE_EPOCH give different bytes"
    );
    // 1700000000 = 2023-11-14 22:13:20 UTC.
    assert!(
        contains(&a, b"D:20231114221320"),
        "creation date from SOURCE_DATE_EPOCH"
    );
    let o = run_report(&input, &c, None);
    assert!(o.status.success(), "{o:?}");
    let c = std::fs::read(c).expect("c");
    assert!(
        !contains(&c, b"/CreationDate"),
        "no creation date without SOURCE_DATE_EPOCH"
    );
}

#[test]
fn the_command_names_a_file_it_cannot_read_and_exits_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("x.pdf");
    let missing = dir.path().join("missing.ron");
    let o = run_report(&missing, &out, None);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("missing.ron"), "{err}");
    assert!(!out.exists());
    // An output folder that does not exist: exit 2 naming the output.
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/ganpo-smart.ron");
    let bad = dir.path().join("no-such-folder").join("x.pdf");
    let o = run_report(&input, &bad, None);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no-such-folder"));
}

#[test]
fn the_command_takes_lang_as_of_and_packs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/xinyu-materials.ron");
    let out = dir.path().join("en.pdf");
    let o = Command::new(env!("CARGO_BIN_EXE_innocheck"))
        .args(["--lang", "en", "report"])
        .arg(&input)
        .args(["-o"])
        .arg(&out)
        .args([
            "--as-of",
            "2025-06-30",
            "--pack",
            "sme.2022",
            "--pack",
            "tc.nat.2016",
        ])
        .output()
        .expect("runs");
    assert!(o.status.success(), "{o:?}");
    let bytes = std::fs::read(&out).expect("written");
    assert!(bytes.starts_with(b"%PDF-"));
    if let Some(pages) = pdftotext(&bytes) {
        let all = pages.concat();
        assert!(all.contains("sme.2022") && all.contains("tc.nat.2016"));
        assert!(!all.contains("tc.jx.ndrc.2024"), "only the packs asked for");
        assert!(all.contains("Page 1 of"));
    }
    let o = Command::new(env!("CARGO_BIN_EXE_innocheck"))
        .arg("report")
        .arg(&input)
        .args(["-o"])
        .arg(&out)
        .args(["--pack", "no.such.pack"])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no.such.pack"));
}

/// A summary with one tier of `n` rows, built by hand.
fn long_table(n: usize, lang: Lang) -> ReportData {
    let rows = (1..=n)
        .map(|i| Row {
            id: format!("row.{i:02}"),
            outcome: if i % 7 == 0 {
                Outcome::NotMet
            } else {
                Outcome::Met
            },
            status: lang.pick("达标", "met").into(),
            // The id is not printed: the title carries the row's number.
            title: format!(
                "{}row.{i:02}",
                lang.pick(
                    "第 NN 条：研发投入强度不低于 3%，行号 ",
                    "Criterion NN: R&D intensity at least 3%, "
                )
            ),
            value: String::new(),
            measured: "1,310 万元（2024 年）".into(),
            threshold: "≥ 1,500 万元".into(),
            points: String::new(),
            figures: None,
            score: None,
            route: None,
            gap: if i % 7 == 0 {
                "还差 190 万元".into()
            } else {
                String::new()
            },
            confidence: Confidence::V,
            source: "国家企业技术中心认定管理办法（2016 年第 34 号令），申请条件（2016-04-01）"
                .into(),
            article: "申请条件".into(),
            source_ref: 1,
        })
        .collect();
    ReportData {
        lang,
        title: lang
            .pick("企业创新能力准备度评估摘要", "Innovation readiness summary")
            .into(),
        header: Header {
            company: "测试长表企业有限公司".into(),
            uscc: "91360100705586232Y".into(),
            city: "南昌".into(),
            industry: String::new(),
            as_of: "2025-06-30".into(),
            packs: Vec::new(),
        },
        programmes: Vec::new(),
        five_haves: None,
        scores: Vec::new(),
        tiers: vec![TierTable {
            id: "t.long".into(),
            title: "[测试] 六十行的层级".into(),
            verdict: Verdict::NotEligible,
            summary: lang.pick("尚不符合", "not eligible").into(),
            rows,
            sources: vec!["国家企业技术中心认定管理办法（2016 年第 34 号令）（2016-04-01）".into()],
            provisional: false,
            pack: "t.long".into(),
            held: false,
        }],
        next_steps: Vec::new(),
        evidence: Vec::new(),
        has_provisional: false,
        fingerprint: "0".repeat(64),
        app_version: "0.0.0-test".into(),
        review: None,
        proof: Vec::new(),
    }
}

#[test]
fn a_sixty_row_table_breaks_across_pages_with_the_header_repeated() {
    for lang in [Lang::Zh, Lang::En] {
        let r = long_table(60, lang);
        let bytes = pdf::render(&r).expect("renders");
        let pages = pdf::page_count(&r).expect("layout");
        assert_eq!(pages_in_file(&bytes), pages);
        assert!(pages >= 3, "{lang:?}: 60 rows fit on {pages} pages?");
        let Some(text) = pdftotext(&bytes) else {
            continue;
        };
        let head = lang.pick("实际值", "Value");
        let cont = lang.pick("（续）", "(continued)");
        let mut seen = Vec::new();
        let mut table_pages = 0;
        for (p, page) in text.iter().enumerate() {
            let ids: Vec<usize> = page
                .match_indices("row.")
                .filter_map(|(at, _)| page.get(at + 4..at + 6)?.parse().ok())
                .collect();
            if ids.is_empty() {
                continue;
            }
            table_pages += 1;
            let head_at = page
                .find(head)
                .unwrap_or_else(|| panic!("{lang:?} page {}: no header row", p + 1));
            let first_row = page.find("row.").expect("a row");
            assert!(
                head_at < first_row,
                "{lang:?} page {}: the header is not above the rows",
                p + 1
            );
            if table_pages > 1 {
                assert!(
                    page.contains(cont),
                    "{lang:?} page {}: no continuation caption",
                    p + 1
                );
            }
            seen.extend(ids);
        }
        assert!(table_pages >= 2, "{lang:?}: the table did not break");
        assert_eq!(
            seen,
            (1..=60).collect::<Vec<_>>(),
            "{lang:?}: every row once, in order"
        );
        // With no provisional figure, the provisional disclaimer is left out.
        let all = text.concat();
        assert!(!all.contains(lang.pick(
            "须向主管部门确认后方可",
            "confirm them with the authority before"
        )));
    }
}

#[test]
fn a_row_taller_than_a_page_is_split_not_lost() {
    let mut r = long_table(3, Lang::Zh);
    let long: String = (0..900)
        .map(|i| if i % 10 == 9 { '。' } else { '研' })
        .collect();
    r.tiers[0].rows[1].gap = format!("开始{long}结束");
    let bytes = pdf::render(&r).expect("renders");
    assert!(pdf::page_count(&r).expect("layout") >= 3);
    if let Some(text) = pdftotext(&bytes) {
        let all = text.concat();
        assert!(all.contains("开始") && all.contains("结束"));
        assert!(all.contains("row.01") && all.contains("row.03"));
    }
}

#[test]
fn an_empty_summary_still_renders() {
    let mut r = long_table(0, Lang::En);
    r.tiers.clear();
    r.header.company.clear();
    let bytes = pdf::render(&r).expect("renders");
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(pages_in_file(&bytes), pdf::page_count(&r).expect("layout"));
}

/// The text of `pages` with every space and line break removed (pdftotext
/// breaks and spaces CJK text by its own rules).
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn what_to_do_comes_first_on_page_one_or_two() {
    for name in SAMPLES {
        for lang in [Lang::Zh, Lang::En] {
            let r = sample(name, lang);
            assert!(!r.next_steps.is_empty(), "{name}: a sample with no step");
            let outline = pdf::outline(&r).expect("layout");
            let heading = lang.pick("下一步工作", "What to do next");
            let at = |part: &str| {
                outline
                    .iter()
                    .position(|(t, _)| t.contains(part))
                    .unwrap_or_else(|| panic!("{name} {lang:?}: no section {part:?}"))
            };
            let (next, verdicts) = (at(heading), at(lang.pick("评价结论", "Verdict")));
            let tables = at(lang.pick("逐级评价明细", "Criteria by tier"));
            let charts = at(lang.pick("准备度与评分", "readiness and scores"));
            assert!(
                verdicts < next && next < charts && charts < tables,
                "{name} {lang:?}: verdicts, next steps, charts, tables in that order: {outline:?}"
            );
            let page = outline[next].1;
            assert!(
                page <= 2,
                "{name} {lang:?}: next steps start on page {page}"
            );
            // The first action itself is printed on page 1 or 2.
            let Some(pages) = pdftotext(&pdf::render(&r).expect("renders")) else {
                continue;
            };
            let first: String = squeeze(&r.next_steps[0].text).chars().take(12).collect();
            let on = pages
                .iter()
                .position(|p| squeeze(p).contains(&first))
                .unwrap_or_else(|| panic!("{name} {lang:?}: {first:?} not printed"));
            assert!(
                on < 2,
                "{name} {lang:?}: the first action is on page {}",
                on + 1
            );
        }
    }
}

#[test]
fn each_source_is_listed_once_per_tier_and_cited_by_number() {
    for name in SAMPLES {
        for lang in [Lang::Zh, Lang::En] {
            let r = sample(name, lang);
            let Some(pages) = pdftotext(&pdf::render(&r).expect("renders")) else {
                return;
            };
            let all = squeeze(&pages.concat());
            let mut listed = std::collections::BTreeMap::<String, usize>::new();
            for t in &r.tiers {
                let mut seen = Vec::new();
                for (i, s) in t.sources.iter().enumerate() {
                    assert!(!seen.contains(&s), "{name} {}: {s} listed twice", t.id);
                    seen.push(s);
                    *listed
                        .entry(format!("[{}]{}", i + 1, squeeze(s)))
                        .or_default() += 1;
                }
                for row in &t.rows {
                    let cited = &t.sources[row.source_ref - 1];
                    let doc = cited.split(['（', ' ']).next().expect("a document");
                    assert!(row.source.starts_with(doc), "{name} {}: {cited}", row.id);
                }
            }
            assert!(!listed.is_empty(), "{name}: no source listed");
            // Each tier lists each document once; no row repeats it.
            for (source, tiers) in &listed {
                let printed = all.matches(source.as_str()).count();
                assert_eq!(
                    printed, *tiers,
                    "{name} {lang:?}: {source} printed {printed} times"
                );
                let bare = source.split_once(']').map_or("", |(_, s)| s);
                assert_eq!(
                    all.matches(bare).count(),
                    listed
                        .iter()
                        .filter(|(s, _)| s.ends_with(&format!("]{bare}")))
                        .map(|(_, n)| n)
                        .sum::<usize>(),
                    "{name} {lang:?}: {bare} printed outside the lists"
                );
            }
        }
    }
}

#[test]
fn no_criterion_id_is_printed() {
    for name in SAMPLES {
        for lang in [Lang::Zh, Lang::En] {
            let r = sample(name, lang);
            let Some(pages) = pdftotext(&pdf::render(&r).expect("renders")) else {
                return;
            };
            let all = pages.concat();
            for row in r.tiers.iter().flat_map(|t| &t.rows) {
                assert!(
                    !all.contains(&row.id),
                    "{name} {lang:?}: {} printed",
                    row.id
                );
            }
        }
    }
}

#[test]
fn provisional_thresholds_are_named_at_their_verdict_with_the_pack_file() {
    for (name, lang, note) in [
        ("hongdu-precision.ron", Lang::Zh, "门槛为暂定值"),
        ("hongdu-precision.ron", Lang::En, "provisional thresholds"),
        ("ganpo-smart.ron", Lang::Zh, "门槛为暂定值"),
    ] {
        let r = sample(name, lang);
        let miit = r
            .programmes
            .iter()
            .flat_map(|p| &p.rungs)
            .find(|g| g.tier == "tc.jx.miit.2020")
            .expect("the Provincial MIIT track");
        assert!(miit.provisional && miit.pack == "tc.jx.miit.2020");
        let t = r
            .tiers
            .iter()
            .find(|t| t.id == "tc.jx.miit.2020")
            .expect("tier");
        assert!(t.provisional);
        let Some(pages) = pdftotext(&pdf::render(&r).expect("renders")) else {
            return;
        };
        // Page 1: the ladder box, and the note naming the pack file to replace.
        let first = squeeze(&pages[0]);
        assert!(first.contains(&squeeze(note)), "{name} {lang:?}: {note:?}");
        assert!(first.contains("tc.jx.miit.2020.ron"), "{name} {lang:?}");
        assert!(first.contains("--rules"), "{name} {lang:?}");
        // The tier's own table says so too.
        let all = squeeze(&pages.concat());
        assert!(all.contains(&squeeze(lang.pick(
            "门槛为暂定值（规则包文件tc.jx.miit.2020.ron",
            "provisional thresholds (rule-pack file tc.jx.miit.2020.ron"
        ))));
    }
}

#[test]
fn a_score_short_of_its_pass_mark_names_where_the_points_can_come_from() {
    // 赣鄱智联: 专精特新 misses the score by 1 point; the window lists the
    // score items with points to gain (知识产权 +4, 数字化水平 +2, …).
    let r = sample("ganpo-smart.ron", Lang::Zh);
    let step = r
        .next_steps
        .iter()
        .find(|s| s.tier == "专精特新中小企业")
        .expect("a step towards 专精特新");
    let items: Vec<(&str, f64)> = step
        .levers
        .iter()
        .map(|l| (l.item.as_str(), l.points))
        .collect();
    assert!(items.contains(&("数字化水平", 2.0)), "{items:?}");
    assert!(
        items
            .iter()
            .any(|(i, p)| i.contains("知识产权") && *p == 4.0),
        "{items:?}"
    );
    let Some(pages) = pdftotext(&pdf::render(&r).expect("renders")) else {
        return;
    };
    // Pages 1–2 (a table cell: its lines interleave with the next column's
    // in the extracted text, so only the start of the list is looked for).
    let early = squeeze(&pages[..2].concat());
    let start: String = items[0].0.chars().take(4).collect();
    assert!(
        early.contains(&format!("可得分项：{start}")),
        "levers not printed on pages 1–2"
    );
}

#[test]
fn errors_speak_one_language() {
    use innocheck::report::{PdfFailure, ReportError};
    let cjk = |s: &str| s.chars().any(|c| ('\u{3000}'..='\u{9fff}').contains(&c));
    for e in [
        ReportError::Font,
        ReportError::Pdf(PdfFailure::PageSize),
        ReportError::Pdf(PdfFailure::Font),
        ReportError::Pdf(PdfFailure::Limit),
        ReportError::Pdf(PdfFailure::Other),
        ReportError::Xlsx("the writer's reason".into()),
    ] {
        let (zh, en, shown) = (e.message(Lang::Zh), e.message(Lang::En), e.to_string());
        assert!(cjk(zh), "{zh}");
        assert!(
            !zh.chars().any(|c| c.is_ascii_lowercase()),
            "{zh} mixes in English"
        );
        assert!(!cjk(en) && !cjk(&shown), "{en} / {shown} mix in Chinese");
        assert!(
            !shown.contains("Pdf(") && !shown.contains("Font"),
            "{shown}: Debug text"
        );
    }
}

/// Two notes on the sample `hongdu-precision`: a doubtful revenue figure and
/// a criterion whose evidence is missing.
fn two_notes(a: &innocheck::model::Assessment) -> Review {
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
    let mut review = Review::of(a);
    review.add(
        a,
        Note {
            target: Target::Field("years.2024.revenue".into()),
            status: Status::Doubtful,
            text: "与审计报告不符".into(),
            reviewer: "张三".into(),
            date,
        },
    );
    review.add(
        a,
        Note {
            target: Target::Criterion("tc.city.template.rd_spend".into()),
            status: Status::MissingEvidence,
            text: "缺研发费用辅助账".into(),
            reviewer: "李四".into(),
            date,
        },
    );
    review
}

/// The summary of `a` in `lang` with `review` beside it, as `report` builds it.
fn with_review(a: &innocheck::model::Assessment, review: &Review, lang: Lang) -> ReportData {
    let reg = innocheck::rules::Registry::bundled().expect("packs");
    let as_of = chrono::NaiveDate::from_ymd_opt(2025, 6, 30).expect("date");
    let ev = innocheck::eval::evaluate(a, &reg.in_force(as_of), as_of);
    let text = innocheck::storage::to_ron(a).expect("serialises");
    let mut r = innocheck::report::data::build(text.as_bytes(), a, &ev, lang);
    r.review = Some(innocheck::report::review::view(
        "a.review.ron",
        review,
        a,
        &ev,
        lang,
    ));
    r
}

#[test]
fn a_review_is_printed_after_the_tiers_and_answers_changed_after_it_on_page_one() {
    let (mut a, plain) = common::sample_with_assessment("hongdu-precision.ron", Lang::Zh);
    let review = two_notes(&a);
    let r = with_review(&a, &review, Lang::Zh);
    let v = r.review.as_ref().expect("review");
    assert!(!v.answers_changed && v.notes.len() == 2);
    // The part comes after the tiers and before the evidence, numbered in turn.
    let titles: Vec<String> = pdf::outline(&r)
        .expect("layout")
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    let plain_titles: Vec<String> = pdf::outline(&plain)
        .expect("layout")
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    assert_eq!(titles[..4], plain_titles[..4]);
    assert_eq!(titles[4], "五、审阅意见");
    assert_eq!(titles[5], plain_titles[4].replacen('五', "六", 1));
    assert_eq!(titles[6], plain_titles[5].replacen('六', "七", 1));
    assert!(
        plain_titles.iter().all(|t| !t.contains("审阅")),
        "{plain_titles:?}"
    );
    let Some(pages) = pdftotext(&pdf::render(&r).expect("renders")) else {
        return;
    };
    let all = squeeze(&pages.concat());
    for needle in [
        "五、审阅意见",
        "答案与审阅时一致",
        "存疑",
        "2024年营业收入",
        "与审计报告不符",
        "张三",
        "缺材料",
        "有研发经费",
        "缺研发费用辅助账",
        "李四",
        "2026-11-30",
    ] {
        assert!(all.contains(needle), "{needle:?} not printed");
    }
    assert!(!all.contains("审阅后答案已修改"), "nothing changed");
    // Without the review none of it is printed.
    let Some(plain_pages) = pdftotext(&pdf::render(&plain).expect("renders")) else {
        return;
    };
    let plain_all = squeeze(&plain_pages.concat());
    for needle in ["审阅", "与审计报告不符", "缺研发费用辅助账", "张三"] {
        assert!(!plain_all.contains(needle), "{needle:?} printed");
    }

    // One answer changed after the review: said on page 1 and in the part.
    let y = a
        .years
        .iter_mut()
        .find(|y| y.year == 2024)
        .expect("2024 figures");
    y.revenue = y.revenue.map(|v| v + 100.0);
    for lang in [Lang::Zh, Lang::En] {
        let r = with_review(&a, &review, lang);
        let v = r.review.as_ref().expect("review");
        assert!(v.answers_changed);
        assert_eq!(v.changed_fields.len(), 1, "{:?}", v.changed_fields);
        let Some(pages) = pdftotext(&pdf::render(&r).expect("renders")) else {
            return;
        };
        let (warning, field, part) = match lang {
            Lang::Zh => ("审阅后答案已修改：1项", "2024年营业收入", "五、审阅意见"),
            Lang::En => (
                "Answerschangedafterthereview:1",
                "Revenue(2024)",
                "5.Reviewnotes",
            ),
        };
        let first = squeeze(&pages[0]);
        assert!(
            first.contains(warning),
            "{lang:?}: page 1 lacks the warning"
        );
        assert!(first.contains(field), "{lang:?}: page 1 lacks {field:?}");
        assert!(!first.contains(part), "{lang:?}: the part is not on page 1");
        let at = pages
            .iter()
            .position(|p| squeeze(p).contains(part))
            .unwrap_or_else(|| panic!("{lang:?}: no part {part:?}"));
        let section = squeeze(&pages[at..].concat());
        let section = &section[section.find(part).expect("part")..];
        assert!(
            section.contains(warning),
            "{lang:?}: the part lacks the warning"
        );
        assert!(
            section.contains(field),
            "{lang:?}: the part lacks {field:?}"
        );
    }
}

#[test]
fn the_command_prints_the_review_beside_the_file_and_says_a_damaged_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("a.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/hongdu-precision.ron"),
        &input,
    )
    .expect("copy");
    let plain = dir.path().join("plain.pdf");
    let o = run_report(&input, &plain, Some("1700000000"));
    assert!(o.status.success(), "{o:?}");
    let a = innocheck::storage::load(&input).expect("loads").assessment;
    save_review(&input, &two_notes(&a)).expect("saved");
    let reviewed = dir.path().join("reviewed.pdf");
    let o = run_report(&input, &reviewed, Some("1700000000"));
    assert!(o.status.success(), "{o:?}");
    let reviewed = std::fs::read(&reviewed).expect("written");
    if let Some(pages) = pdftotext(&reviewed) {
        let all = squeeze(&pages.concat());
        assert!(all.contains("五、审阅意见") && all.contains("与审计报告不符"));
    }
    // A damaged review: said on standard error, the PDF written without it.
    std::fs::write(
        dir.path().join("a.review.ron"),
        "(format_version: 1, answers_sha256: ",
    )
    .expect("write");
    let damaged = dir.path().join("damaged.pdf");
    let o = run_report(&input, &damaged, Some("1700000000"));
    assert!(o.status.success(), "{o:?}");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("a.review.ron"), "{err}");
    let damaged = std::fs::read(&damaged).expect("written");
    assert!(
        damaged == std::fs::read(&plain).expect("plain"),
        "a damaged review changes the PDF"
    );
    assert!(damaged != reviewed);
}

//! `ReportData`: the printable summary built from an evaluation.

use innocheck::eval::Outcome;
use innocheck::i18n::Lang;
use innocheck::report::data::{fingerprint, paginate};
use innocheck::rules::Confidence;
use innocheck::storage;

mod common;
use common::{report_of, sample, sample_text};

#[test]
fn every_section_is_filled_for_a_sample() {
    let r = sample("hongdu-precision.ron", Lang::Zh);
    assert_eq!(r.header.company, "江西洪岳精密机械有限公司");
    assert_eq!(r.header.uscc, "91360100705586232Y");
    assert_eq!(r.header.city, "南昌");
    assert_eq!(r.header.as_of, "2025-06-30");
    let ids: Vec<&str> = r.header.packs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "hnte.2016",
            "jx.giant.prov",
            "sme.2022",
            "tc.city.template",
            "tc.jx.miit.2020",
            "tc.jx.ndrc.2024",
            "tc.nat.2016",
            "tsme.2017"
        ]
    );
    // 企业技术中心, 优质中小企业梯度培育, 高新技术企业, 科技型中小企业.
    assert_eq!(r.programmes.len(), 4);
    assert_eq!(r.programmes[0].name, "企业技术中心");
    assert!(
        r.programmes[0]
            .rungs
            .iter()
            .any(|x| x.reached && x.tier == "tc.city.template")
    );
    assert_eq!(r.programmes[1].reached.as_deref(), Some("创新型中小企业"));
    // 专精特新: the only blocker is the R&D ratio.
    assert_eq!(r.programmes[1].next.as_deref(), Some("专精特新中小企业"));
    assert_eq!(r.programmes[1].next_gap_count, 1);
    let haves = r.five_haves.as_ref().expect("five haves");
    assert_eq!(haves.values.len(), 5);
    assert_eq!(haves.labels[0], "研发人员");
    assert!(
        r.scores
            .iter()
            .any(|s| s.tier == "创新型中小企业" && (s.score.total - 70.0).abs() < 1e-9)
    );
    assert_eq!(r.tiers.len(), 10);
    let rd = r
        .tiers
        .iter()
        .flat_map(|t| &t.rows)
        .find(|row| row.id == "sme.2022.specialized.rd")
        .expect("row");
    assert_eq!(rd.outcome, Outcome::NotMet);
    assert!(rd.gap.contains("研发费用再增加"), "{}", rd.gap);
    assert!(
        rd.source.contains("工信部企业〔2022〕63号"),
        "{}",
        rd.source
    );
    assert!(
        r.next_steps
            .iter()
            .any(|s| s.text.contains("2.9%") && s.text.contains("万元")),
        "{:?}",
        r.next_steps
    );
    assert!(!r.evidence.is_empty() && r.evidence.iter().all(|g| !g.items.is_empty()));
    // tc.jx.miit.2020 is provisional: the disclaimer must be printed.
    assert!(r.has_provisional);
    assert_eq!(r.fingerprint.len(), 64);
}

#[test]
fn english_uses_english_words_and_the_same_numbers() {
    let zh = sample("xinyu-materials.ron", Lang::Zh);
    let en = sample("xinyu-materials.ron", Lang::En);
    assert_eq!(en.programmes[0].name, "Enterprise technology center");
    assert_eq!(zh.tiers.len(), en.tiers.len());
    for (a, b) in zh.tiers.iter().zip(&en.tiers) {
        assert_eq!(a.verdict, b.verdict);
        let oa: Vec<Outcome> = a.rows.iter().map(|r| r.outcome).collect();
        let ob: Vec<Outcome> = b.rows.iter().map(|r| r.outcome).collect();
        assert_eq!(oa, ob);
    }
    assert!(en.tiers.iter().all(|t| t.rows.iter().all(|r| {
        !r.status
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    })));
    assert_eq!(zh.fingerprint, en.fingerprint);
}

#[test]
fn next_steps_put_failures_before_missing_data_before_declarations() {
    for name in [
        "hongdu-precision.ron",
        "ganpo-smart.ron",
        "xinyu-materials.ron",
    ] {
        let r = sample(name, Lang::Zh);
        let rank = |o: Outcome| match o {
            Outcome::NotMet => 0,
            Outcome::Missing => 1,
            Outcome::Review => 2,
            _ => 3,
        };
        let ranks: Vec<u8> = r.next_steps.iter().map(|s| rank(s.outcome)).collect();
        let mut sorted = ranks.clone();
        sorted.sort_unstable();
        assert_eq!(ranks, sorted, "{name}");
        assert!(r.next_steps.iter().all(|s| !s.text.is_empty()), "{name}");
        assert!(r.next_steps.iter().all(|s| s.confidence != Confidence::Q
            || s.outcome != Outcome::NotMet
            || !s.text.is_empty()));
    }
}

#[test]
fn a_sixty_row_table_breaks_across_pages() {
    assert_eq!(paginate(60, 20, 30), vec![0..20, 20..50, 50..60]);
    assert_eq!(paginate(60, 60, 30), vec![0..60]);
    assert_eq!(paginate(61, 60, 30), vec![0..60, 60..61]);
    // No room left on the first page: the table starts on the next one.
    assert_eq!(paginate(5, 0, 30), vec![0..0, 0..5]);
    assert_eq!(paginate(0, 10, 30), vec![0..0]);
    // Every row lands on exactly one page, in order.
    for (n, first, per) in [(60, 7, 25), (1, 1, 1), (100, 3, 9)] {
        let pages = paginate(n, first, per);
        let rows: Vec<usize> = pages.iter().flat_map(Clone::clone).collect();
        assert_eq!(rows, (0..n).collect::<Vec<_>>());
        assert!(pages.iter().skip(1).all(|p| p.len() <= per));
    }
}

#[test]
fn the_fingerprint_is_sha256() {
    assert_eq!(
        fingerprint(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_ne!(fingerprint(b"abc"), fingerprint(b"abd"));
}

#[test]
fn evidence_checklists_name_each_document_once() {
    for name in [
        "hongdu-precision.ron",
        "ganpo-smart.ron",
        "xinyu-materials.ron",
    ] {
        for lang in [Lang::Zh, Lang::En] {
            let r = sample(name, lang);
            for g in &r.evidence {
                for item in &g.items {
                    // No item is a shorter name of another one on the same list.
                    let shadowed = g.items.iter().any(|other| {
                        other != item
                            && other
                                .strip_prefix(item.as_str())
                                .and_then(|rest| rest.chars().next())
                                .is_some_and(|c| !c.is_alphanumeric())
                    });
                    assert!(!shadowed, "{name} {lang:?} {}: {item:?} repeated", g.tier);
                }
            }
            // The folded list still asks for the annual audit report.
            if lang == Lang::Zh {
                assert!(
                    r.evidence
                        .iter()
                        .flat_map(|g| &g.items)
                        .any(|i| i.starts_with("上年度审计报告")),
                    "{name}"
                );
            }
        }
    }
}

#[test]
fn missing_inputs_are_named_by_page_and_label_not_by_field_id() {
    let name = "hongdu-precision.ron";
    let text = sample_text(name);
    let mut a = storage::load_bytes(text.as_bytes(), name)
        .expect("loads")
        .assessment;
    a.years
        .iter_mut()
        .find(|y| y.year == 2024)
        .expect("2024")
        .rd_spend = None;
    for (lang, want) in [
        (Lang::Zh, "研发经费 › 2024 年研发费用"),
        (Lang::En, "R&D funding › R&D spending (2024)"),
    ] {
        let r = report_of(text, &a, lang);
        let gaps: Vec<&str> = r
            .tiers
            .iter()
            .flat_map(|t| &t.rows)
            .map(|row| row.gap.as_str())
            .chain(r.next_steps.iter().map(|s| s.text.as_str()))
            .collect();
        assert!(gaps.iter().any(|g| g.contains(want)), "{lang:?}: {gaps:?}");
        assert!(
            gaps.iter().all(|g| !g.contains("years.2024.rd_spend")),
            "{lang:?}: a raw field id is shown: {gaps:?}"
        );
    }
}

/// The ladder's "差 N 项", the rows of "下一步工作" and the window's
/// "N 项待解决" count the same thing: `NextTier::criteria_short` (failed,
/// missing or to declare); score items with points to gain are the levers of
/// the score criterion, listed with it, not counted.
#[test]
fn gap_counts_agree_with_the_window_and_the_next_steps() {
    use chrono::NaiveDate;
    use innocheck::eval::evaluate;
    use innocheck::rules::Registry;
    let reg = Registry::bundled().expect("packs");
    let as_of = NaiveDate::from_ymd_opt(2025, 6, 30).expect("date");
    let mut levers_seen = 0;
    for name in [
        "hongdu-precision.ron",
        "ganpo-smart.ron",
        "xinyu-materials.ron",
    ] {
        let text = sample_text(name);
        let a = storage::load_bytes(text.as_bytes(), name)
            .expect("loads")
            .assessment;
        let ev = evaluate(&a, &reg.in_force(as_of), as_of);
        let r = innocheck::report::data::build(text.as_bytes(), &a, &ev, Lang::Zh);
        for (p, s) in ev.progress.iter().zip(&r.programmes) {
            let Some(n) = p.next.first() else {
                assert_eq!(s.next_gap_count, 0);
                continue;
            };
            assert_eq!(s.next_gap_count, n.criteria_short(), "{name} {}", n.tier);
            let steps: Vec<_> = r
                .next_steps
                .iter()
                .filter(|st| st.programme == s.name)
                .collect();
            assert_eq!(steps.len(), s.next_gap_count, "{name} {}", n.tier);
            // Every lever the window lists for the tier is printed with one step.
            let levers: usize = steps.iter().map(|st| st.levers.len()).sum();
            assert_eq!(levers, n.score_levers().count(), "{name} {}", n.tier);
            levers_seen += levers;
        }
    }
    assert!(
        levers_seen > 0,
        "no sample has a score short of its pass mark"
    );
}

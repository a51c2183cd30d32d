//! The answers workbook both ways: the export reads back into the identical
//! assessment, a client's filled-in template imports, and every kind of bad
//! cell is reported with its sheet, its cell and the reason, never a panic.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;
use innocheck::eval::evaluate;
use innocheck::i18n::Lang;
use innocheck::model::{Assessment, FISCAL_FIELDS};
use innocheck::report::{self, data::build, xlsx};
use innocheck::rules::Registry;
use innocheck::storage::xlsx_import::{ImportError, Reason, import_bytes};
use proptest::prelude::*;
use rust_xlsxwriter::{Format, Workbook};

mod arb;
mod common;

/// The full export of `a` (answers, criteria, gaps), as `innocheck export` writes it.
fn export(a: &Assessment, lang: Lang) -> Vec<u8> {
    let as_of = NaiveDate::from_ymd_opt(2025, 6, 30).expect("date");
    let reg = Registry::bundled().expect("packs");
    let ev = evaluate(a, &reg.in_force(as_of), as_of);
    let r = build(b"", a, &ev, lang);
    xlsx::render(a, &r).expect("renders")
}

/// The import refuses negative amounts where the forms allow none, so the
/// random assessment keeps those amounts non-negative.
fn non_negative(mut a: Assessment) -> Assessment {
    fn abs(v: &mut Option<f64>) {
        *v = v.map(f64::abs);
    }
    for y in &mut a.years {
        for f in FISCAL_FIELDS {
            if let innocheck::model::fiscal::Access::Money {
                get_mut,
                signed: false,
                ..
            } = f.access
            {
                abs(get_mut(y));
            }
        }
    }
    abs(&mut a.conditions.equipment_value);
    abs(&mut a.conditions.rd_space_m2);
    abs(&mut a.direction.niche_share_pct);
    abs(&mut a.direction.intl_niche_share_pct);
    abs(&mut a.manual.miit_platform_score);
    abs(&mut a.manual.featured_score_2022);
    for p in &mut a.projects {
        abs(&mut p.budget);
    }
    a
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Export → import gives back every field, empties and the as-of date included.
    #[test]
    fn random_assessments_round_trip_through_the_workbook(
        a in arb::assessment().prop_map(non_negative),
        en in any::<bool>(),
    ) {
        let lang = if en { Lang::En } else { Lang::Zh };
        let bytes = export(&a, lang);
        let back = import_bytes(&bytes, "prop.xlsx").expect("reads");
        prop_assert!(back.problems.is_empty(), "{:?}", back.problems);
        prop_assert_eq!(&back.assessment, &a);
    }
}

#[test]
fn the_samples_round_trip_in_both_languages() {
    for (name, _) in innocheck::storage::SAMPLES {
        let a = innocheck::storage::sample(name).expect("sample");
        for lang in [Lang::Zh, Lang::En] {
            let back = import_bytes(&export(&a, lang), name).expect("reads");
            assert!(back.problems.is_empty(), "{name}: {:?}", back.problems);
            assert_eq!(back.assessment, a, "{name} {lang:?}");
        }
    }
}

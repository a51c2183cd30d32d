//! Forward migration of older file formats.
//!
//! Format 1 (innocheck 0.0.x) stored the fiscal years as a `finance` list
//! relative to a mandatory as-of date (`[Y−1, Y−2, Y−3]`, no calendar year)
//! and had no 创客中国 results, lead-product sales or manual scores.
//! Format 2 keys every fiscal year by its calendar year, so re-evaluating a
//! file under another as-of date no longer shifts its figures silently.
//! Format 3 adds the months that durations need (niche entry, recognition of
//! each institution), the recognising department of a provincial tech
//! center, the international niche share, products made to standards, the
//! 2026 industry-regulation declaration, and splits the provincial growth
//! benchmark into revenue and profit: the format-2 value was entered as the
//! revenue-or-profit average and is read as the revenue benchmark (the profit
//! benchmark stays empty, so nothing is assumed about it). Every addition is
//! optional and starts empty ("missing, never zero").
//! Format 4 adds `attachments`: evidence files referenced by path (relative
//! to the assessment's folder), SHA-256, size, page count, date and note. A
//! format-3 file reads as format 4 with no attachments.

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use super::{StorageError, parse};
use crate::model::{
    Assessment, Award, Company, Compliance, Conditions, Direction, FiscalYear,
    IntellectualProperty, Project, Staff, TitleHeld,
};

#[derive(Deserialize)]
struct Peek {
    #[serde(default)]
    format_version: u32,
}

/// Reads only the `format_version` of a file.
pub(super) fn peek_version(text: &str, name: &str) -> Result<u32, StorageError> {
    // ron names the struct it expected; ours is internal, so say what is wrong instead.
    let peek: Peek = parse(text, name).map_err(|e| match e {
        StorageError::Parse {
            file,
            line,
            col,
            reason,
        } if reason.contains("`Peek`") => StorageError::Parse {
            file,
            line,
            col,
            reason: "not an innocheck assessment file: it starts with `(` and `format_version: …`"
                .into(),
        },
        other => other,
    })?;
    (peek.format_version > 0)
        .then_some(peek.format_version)
        .ok_or_else(|| StorageError::Parse {
            file: name.to_string(),
            line: 1,
            col: 1,
            reason: "no `format_version` field: this is not an innocheck assessment file".into(),
        })
}

/// Loads a file of an older `version` into the current model.
pub(super) fn from_version(
    version: u32,
    text: &str,
    name: &str,
) -> Result<Assessment, StorageError> {
    match version {
        1 => {
            let v1: V1Envelope = parse(text, name)?;
            Ok(v1.assessment.migrate())
        }
        // Format 2 reads as format 3 (and so as 4): the additions default to empty and the
        // renamed benchmark is accepted under its old name.
        // Format 3 reads as format 4 with no attachments.
        2 | 3 => {
            let env: super::Envelope = parse(text, name)?;
            Ok(env.assessment)
        }
        _ => Err(StorageError::UnknownVersion {
            file: name.to_string(),
            found: version,
        }),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct V1Envelope {
    #[expect(
        dead_code,
        reason = "read to accept the field; the version was checked before"
    )]
    format_version: u32,
    assessment: V1Assessment,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct V1Assessment {
    company: Company,
    as_of: NaiveDate,
    #[serde(default)]
    finance: Vec<V1Year>,
    #[serde(default)]
    staff: Staff,
    #[serde(default)]
    conditions: Conditions,
    #[serde(default)]
    direction: Direction,
    #[serde(default)]
    projects: Vec<Project>,
    #[serde(default)]
    ip: IntellectualProperty,
    #[serde(default)]
    awards: Vec<Award>,
    #[serde(default)]
    titles: Vec<TitleHeld>,
    #[serde(default)]
    compliance: Compliance,
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct V1Year {
    revenue: Option<f64>,
    main_revenue: Option<f64>,
    net_profit: Option<f64>,
    total_profit: Option<f64>,
    total_assets: Option<f64>,
    total_liabilities: Option<f64>,
    rd_spend: Option<f64>,
    new_product_sales: Option<f64>,
    staff_total: Option<u32>,
    rd_staff: Option<u32>,
    rd_staff_qualified: Option<u32>,
    equity_new: Option<f64>,
}

impl V1Assessment {
    fn migrate(self) -> Assessment {
        let base = self.as_of.year();
        let years = self
            .finance
            .into_iter()
            .take(3)
            .zip(1..)
            .map(|(y, back)| FiscalYear {
                year: base - back,
                revenue: y.revenue,
                main_revenue: y.main_revenue,
                net_profit: y.net_profit,
                total_profit: y.total_profit,
                total_assets: y.total_assets,
                total_liabilities: y.total_liabilities,
                rd_spend: y.rd_spend,
                new_product_sales: y.new_product_sales,
                lead_product_sales: None,
                staff_total: y.staff_total,
                rd_staff: y.rd_staff,
                rd_staff_qualified: y.rd_staff_qualified,
                equity_new: y.equity_new,
                ..FiscalYear::default()
            })
            .collect();
        Assessment {
            company: self.company,
            as_of: Some(self.as_of),
            years,
            staff: self.staff,
            conditions: self.conditions,
            direction: self.direction,
            projects: self.projects,
            ip: self.ip,
            awards: self.awards,
            maker_china: Vec::new(),
            titles: self.titles,
            compliance: self.compliance,
            manual: crate::model::ManualScores::default(),
            high_tech: crate::model::HighTechInputs::default(),
            attachments: Vec::new(),
        }
    }
}

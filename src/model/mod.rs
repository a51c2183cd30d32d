//! The assessment document: everything an enterprise declares about itself.
//!
//! All inputs are optional: an empty field means "not answered", which the
//! metrics turn into a *missing* outcome naming the field, never a silent zero.
//! Money is in 万元 (10,000 CNY), ratios in percent, as the official texts use them.

mod attachment;
mod company;
mod completion;
mod field;
mod finance;
pub mod fiscal;
mod profile;
pub mod uscc;
pub mod validate;

pub use attachment::Attachment;
pub use company::{City, Company, Industry};
pub use completion::{Completion, Step, completion};
pub use field::{FieldRef, InstitutionPart};
pub use finance::FiscalYear;
pub use fiscal::{FISCAL_FIELDS, FiscalField, FiscalPage};
pub use profile::{
    Award, AwardLevel, Compliance, Conditions, Direction, FieldFlags, Grade, HighTechInputs,
    Institution, InstitutionKind, InstitutionLevel, IntellectualProperty, IpAcquisition,
    MakerChina, MakerResult, ManualScores, Project, ProjectKind, ProjectStatus, ProvincialTrack,
    Staff, Standards, TitleHeld, TitleKind,
};
pub use validate::{Issue, Severity, validate};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// One self-evaluation: a company profile, three fiscal years of figures and
/// the capability inputs that the rule packs read.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Assessment {
    /// Company profile.
    pub company: Company,
    /// The date the evaluation refers to; `None` means "today" when evaluated.
    pub as_of: Option<NaiveDate>,
    /// Fiscal-year figures, one entry per calendar year (normally Y−1, Y−2, Y−3).
    pub years: Vec<FiscalYear>,
    /// Staff and talent beyond the yearly head counts.
    pub staff: Staff,
    /// R&D conditions: equipment, space, institutions, partners.
    pub conditions: Conditions,
    /// R&D direction: niche, lead product, plan, quality, digital level.
    pub direction: Direction,
    /// R&D projects.
    pub projects: Vec<Project>,
    /// Intellectual property related to the lead product.
    pub ip: IntellectualProperty,
    /// Science and technology awards.
    pub awards: Vec<Award>,
    /// 创客中国 competition results.
    pub maker_china: Vec<MakerChina>,
    /// Titles currently or formerly held, with validity.
    pub titles: Vec<TitleHeld>,
    /// Compliance declarations for the last three years.
    pub compliance: Compliance,
    /// Scores and benchmarks entered by hand from other systems.
    pub manual: ManualScores,
    /// Declarations for the 高新技术企业 evaluation.
    pub high_tech: HighTechInputs,
    /// Evidence files attached to criteria (references, never the files).
    /// Left out of the file while empty, so an assessment without
    /// attachments reads as before.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
}

impl Assessment {
    /// The figures for calendar year `year`, if entered.
    #[must_use]
    pub fn year(&self, year: i32) -> Option<&FiscalYear> {
        self.years.iter().find(|y| y.year == year)
    }

    /// The as-of date, or `today` when the document leaves it open.
    #[must_use]
    pub fn as_of_or(&self, today: NaiveDate) -> NaiveDate {
        self.as_of.unwrap_or(today)
    }

    /// Whether a title of `kind` is held and valid on `date`. Without an
    /// expiry date, the title's usual term from its recognition date applies
    /// ([`TitleKind::valid_until`]); with neither date it counts as valid.
    #[must_use]
    pub fn holds_title(&self, kind: TitleKind, date: NaiveDate) -> bool {
        self.titles.iter().any(|t| {
            let until = t
                .valid_until
                .or_else(|| t.since.and_then(|s| kind.valid_until(s)));
            t.kind == kind && t.since.is_none_or(|s| s <= date) && until.is_none_or(|u| u >= date)
        })
    }

    /// The track of a provincial tech center: as recorded, else the track its
    /// industry applies on (first/tertiary industry and construction: 省发改委;
    /// industry: 省工信厅); `None` when neither is known.
    #[must_use]
    pub fn provincial_track(&self, inst: &Institution) -> Option<ProvincialTrack> {
        inst.track.or_else(|| {
            self.company.industry.map(|i| {
                if i.is_primary_or_tertiary() || i == Industry::Construction {
                    ProvincialTrack::Ndrc
                } else {
                    ProvincialTrack::Miit
                }
            })
        })
    }

    /// Fiscal years sorted newest first (for display).
    #[must_use]
    pub fn years_sorted(&self) -> Vec<&FiscalYear> {
        let mut v: Vec<&FiscalYear> = self.years.iter().collect();
        v.sort_by_key(|y| std::cmp::Reverse(y.year));
        v
    }

    /// Ensures the three fiscal years before `as_of` exist (empty if new).
    pub fn ensure_years(&mut self, as_of: NaiveDate) {
        for back in 1..=3 {
            let y = as_of.year() - back;
            if self.year(y).is_none() {
                self.years.push(FiscalYear {
                    year: y,
                    ..FiscalYear::default()
                });
            }
        }
        self.years.sort_by_key(|y| std::cmp::Reverse(y.year));
    }
}

//! Typed references to input fields: what the evaluation names when an input
//! is missing, and what a metric reads.
//!
//! A per-year input is named through its [`FiscalField`] entry of the one
//! catalogue ([`super::fiscal`]), never by a string that is parsed back. The
//! JSON contract and the spreadsheet keep the textual id
//! (`years.2024.revenue`, `conditions.institutions.0.year`,
//! `company.industry`), which [`FieldRef`]'s `Display` writes.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

use serde::{Serialize, Serializer};

use super::fiscal::FiscalField;

/// A part of one R&D institution's entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InstitutionPart {
    /// 名称.
    Name,
    /// 类型.
    Kind,
    /// 级别.
    Level,
    /// 认定年份.
    Year,
    /// 认定月份.
    Month,
    /// 认定部门 (省工信厅 / 省发改委 track).
    Track,
}

impl InstitutionPart {
    /// The part's name inside the id (`year` in `conditions.institutions.0.year`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            InstitutionPart::Name => "name",
            InstitutionPart::Kind => "kind",
            InstitutionPart::Level => "level",
            InstitutionPart::Year => "year",
            InstitutionPart::Month => "month",
            InstitutionPart::Track => "track",
        }
    }
}

/// An input field of an assessment.
#[derive(Debug, Clone)]
pub enum FieldRef {
    /// A per-year input in one calendar year.
    Year {
        /// The fiscal (calendar) year.
        year: i32,
        /// The input, from the catalogue.
        field: &'static FiscalField,
    },
    /// A per-year input, whichever year (what a metric reads).
    EveryYear(&'static FiscalField),
    /// A whole fiscal year's figures (e.g. a year that has not ended).
    WholeYear(i32),
    /// A part of the `index`-th R&D institution (0-based).
    Institution {
        /// Position in the list, from 0.
        index: usize,
        /// The part.
        part: InstitutionPart,
    },
    /// Any other input, by its id (`company.industry`, `direction.standards`).
    Named(Cow<'static, str>),
}

impl FieldRef {
    /// `field` in `year`.
    #[must_use]
    pub fn year(year: i32, field: &'static FiscalField) -> Self {
        FieldRef::Year { year, field }
    }

    /// A field named by its id; ids of per-year inputs and institution parts
    /// become their typed forms, so a parsed id compares equal to the typed one.
    #[must_use]
    pub fn named(id: impl Into<Cow<'static, str>>) -> Self {
        let id = id.into();
        Self::parse(&id).unwrap_or(FieldRef::Named(id))
    }

    /// The typed form of a per-year or institution id, if it is one.
    fn parse(id: &str) -> Option<Self> {
        let parts: Vec<&str> = id.split('.').collect();
        match parts.as_slice() {
            ["years", "*", name] => FiscalField::by_name(name).map(FieldRef::EveryYear),
            ["years", year] => year.parse().ok().map(FieldRef::WholeYear),
            ["years", year, name] => Some(FieldRef::Year {
                year: year.parse().ok()?,
                field: FiscalField::by_name(name)?,
            }),
            ["conditions", "institutions", index, part] => {
                let part = [
                    InstitutionPart::Name,
                    InstitutionPart::Kind,
                    InstitutionPart::Level,
                    InstitutionPart::Year,
                    InstitutionPart::Month,
                    InstitutionPart::Track,
                ]
                .into_iter()
                .find(|p| p.name() == *part)?;
                Some(FieldRef::Institution {
                    index: index.parse().ok()?,
                    part,
                })
            }
            _ => None,
        }
    }

    /// The textual id, as the JSON contract writes it.
    #[must_use]
    pub fn id(&self) -> String {
        self.to_string()
    }

    /// This field in `year`, for a per-year field read whichever year.
    #[must_use]
    pub fn in_year(&self, year: i32) -> Self {
        match self {
            FieldRef::EveryYear(field) => FieldRef::Year { year, field },
            other => other.clone(),
        }
    }
}

/// A static id of a field that is neither per-year nor an institution's.
impl From<&'static str> for FieldRef {
    fn from(id: &'static str) -> Self {
        FieldRef::Named(Cow::Borrowed(id))
    }
}

impl fmt::Display for FieldRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldRef::Year { year, field } => write!(f, "years.{year}.{}", field.name),
            FieldRef::EveryYear(field) => write!(f, "years.*.{}", field.name),
            FieldRef::WholeYear(year) => write!(f, "years.{year}"),
            FieldRef::Institution { index, part } => {
                write!(f, "conditions.institutions.{index}.{}", part.name())
            }
            FieldRef::Named(id) => f.write_str(id),
        }
    }
}

impl PartialEq for FieldRef {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (FieldRef::Year { year: a, field: f }, FieldRef::Year { year: b, field: g }) => {
                a == b && f.name == g.name
            }
            (FieldRef::EveryYear(f), FieldRef::EveryYear(g)) => f.name == g.name,
            (FieldRef::WholeYear(a), FieldRef::WholeYear(b)) => a == b,
            (
                FieldRef::Institution { index: a, part: p },
                FieldRef::Institution { index: b, part: q },
            ) => a == b && p == q,
            (FieldRef::Named(a), FieldRef::Named(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for FieldRef {}

impl std::hash::Hash for FieldRef {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        with_id(self, |id| id.hash(state));
    }
}

/// A short text written on the stack (a field id is a few dozen bytes).
struct StackText {
    buf: [u8; 96],
    len: usize,
}

impl fmt::Write for StackText {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        let slot = self.buf.get_mut(self.len..end).ok_or(fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Calls `f` with the id of `field`, written without allocating when it is
/// short (sorting and comparing lists of missing inputs is on the
/// evaluation's hot path).
fn with_id<R>(field: &FieldRef, f: impl FnOnce(&str) -> R) -> R {
    use fmt::Write as _;
    let mut t = StackText {
        buf: [0; 96],
        len: 0,
    };
    if write!(t, "{field}").is_ok()
        && let Ok(s) = std::str::from_utf8(&t.buf[..t.len])
    {
        return f(s);
    }
    f(&field.to_string())
}

/// Ordered as their ids are, so lists of missing inputs read as before.
impl Ord for FieldRef {
    fn cmp(&self, other: &Self) -> Ordering {
        // Without writing the ids where their order is plain: names against
        // names, and years of four digits (`years.2024.x` < `years.2025.a`).
        let four = |y: i32| (1000..=9999).contains(&y);
        match (self, other) {
            (FieldRef::Named(a), FieldRef::Named(b)) => return a.cmp(b),
            (FieldRef::Year { year: a, field: f }, FieldRef::Year { year: b, field: g })
                if four(*a) && four(*b) =>
            {
                return a.cmp(b).then_with(|| f.name.cmp(g.name));
            }
            _ if self == other => return Ordering::Equal,
            _ => {}
        }
        // The ids' fixed beginnings often decide (`company.…` < `years.…`).
        let (a, b) = (self.head().as_bytes(), other.head().as_bytes());
        let n = a.len().min(b.len());
        match a[..n].cmp(&b[..n]) {
            Ordering::Equal => with_id(self, |a| with_id(other, |b| a.cmp(b))),
            decided => decided,
        }
    }
}

impl FieldRef {
    /// How the id begins, whatever the year or index (the whole id of a named field).
    fn head(&self) -> &str {
        match self {
            FieldRef::Year { .. } | FieldRef::EveryYear(_) | FieldRef::WholeYear(_) => "years.",
            FieldRef::Institution { .. } => "conditions.institutions.",
            FieldRef::Named(id) => id,
        }
    }
}

impl PartialOrd for FieldRef {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq<str> for FieldRef {
    fn eq(&self, other: &str) -> bool {
        with_id(self, |id| id == other)
    }
}

impl PartialEq<&str> for FieldRef {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

impl PartialEq<String> for FieldRef {
    fn eq(&self, other: &String) -> bool {
        *self == *other.as_str()
    }
}

impl Serialize for FieldRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fiscal;

    #[test]
    fn order_is_the_order_of_the_ids() {
        let f = fiscal::FISCAL_FIELDS;
        let mut refs: Vec<FieldRef> = Vec::new();
        for year in [999, 1000, 2023, 2024, 9999, 10_000, -5] {
            for field in &f[..4] {
                refs.push(FieldRef::year(year, field));
            }
            refs.push(FieldRef::WholeYear(year));
        }
        refs.push(FieldRef::EveryYear(&f[0]));
        for id in [
            "company.industry",
            "years.2024.revenue",
            "direction.standards",
            "years",
        ] {
            refs.push(FieldRef::Named(id.into()));
        }
        for index in [0, 2, 10] {
            refs.push(FieldRef::Institution {
                index,
                part: InstitutionPart::Year,
            });
        }
        for a in &refs {
            for b in &refs {
                assert_eq!(a.cmp(b), a.to_string().cmp(&b.to_string()), "{a} vs {b}");
            }
        }
    }

    #[test]
    fn ids_round_trip_through_the_typed_form() {
        for id in [
            "years.2024.revenue",
            "years.*.rd_staff",
            "conditions.institutions.0.year",
            "years.2025",
            "company.industry",
        ] {
            assert_eq!(FieldRef::named(id).to_string(), id);
        }
        assert_eq!(
            FieldRef::named("years.2024.revenue"),
            FieldRef::year(2024, &fiscal::REVENUE)
        );
        assert!(matches!(
            FieldRef::named("years.2024.no_such_field"),
            FieldRef::Named(_)
        ));
    }

    #[test]
    fn ids_longer_than_the_stack_buffer_still_compare() {
        let long = "x".repeat(200);
        let a = FieldRef::named(format!("{long}a"));
        let b = FieldRef::named(format!("{long}b"));
        assert!(a < b);
        assert!(a == *format!("{long}a").as_str());
    }

    #[test]
    fn lists_sort_as_their_ids() {
        let mut v = [
            FieldRef::year(2024, &fiscal::REVENUE),
            FieldRef::named("company.industry"),
            FieldRef::year(2023, &fiscal::RD_SPEND),
        ];
        v.sort();
        let ids: Vec<String> = v.iter().map(FieldRef::id).collect();
        assert_eq!(
            ids,
            [
                "company.industry",
                "years.2023.rd_spend",
                "years.2024.revenue"
            ]
        );
    }
}

//! Durations measured, not rounded in the applicant's favour (criteria.md §1
//! "Durations are measured").
//!
//! "X 年以上" from a start (entering the niche, recognition of an institution)
//! is counted in whole calendar months by anniversary: a start in month *m*
//! counts from the first day of that month, as officials count a month of
//! entry as a whole month, and the period ends at the end of Y−1 (the niche)
//! or on the as-of date (recognition prerequisites). A start known only to
//! the year could lie in any month of it, so its duration is a [`Span`]
//! between the December and the January reading; a threshold that falls
//! inside the span is undecided (`review`), and the month that would decide
//! is named ([`Span::cutoff`]).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// A duration in years known only within bounds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Span {
    /// Shortest possible duration (start in December of the start year).
    pub min: f64,
    /// Longest possible duration (start in January of the start year).
    pub max: f64,
    /// The day the duration is measured to (the day after Y−1 for the niche,
    /// the as-of date for recognitions).
    pub end: NaiveDate,
}

impl Span {
    /// The latest start month, as (year, month), with which a duration of at
    /// least `years` is reached by [`Span::end`].
    #[must_use]
    pub fn cutoff(&self, years: f64) -> (i32, u32) {
        let months = (years * 12.0).ceil() as i32;
        let index = self.end.year() * 12 + self.end.month0().cast_signed() - months;
        (index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
    }
}

/// Whole months from the first day of `month`/`year` to `end` (0 if `end` is
/// earlier).
#[must_use]
pub fn whole_months(year: i32, month: u32, end: NaiveDate) -> i32 {
    let start = year * 12 + month.cast_signed() - 1;
    let stop = end.year() * 12 + end.month0().cast_signed();
    (stop - start).max(0)
}

/// Years from the date `start` to `end` in whole months by anniversary (a
/// month counts once its day is reached), for a start known to the day.
#[must_use]
pub fn years_between(start: NaiveDate, end: NaiveDate) -> f64 {
    let mut months = whole_months(start.year(), start.month(), end);
    if months > 0 && end.day() < start.day() {
        months -= 1;
    }
    f64::from(months) / 12.0
}

/// A duration in years from a start known to the month (`Ok(years)`) or only
/// to the year (`Err(span)`), measured to `end`.
pub fn years_since(year: i32, month: Option<u8>, end: NaiveDate) -> Result<f64, Span> {
    if let Some(m) = month.filter(|m| (1..=12).contains(m)) {
        return Ok(f64::from(whole_months(year, u32::from(m), end)) / 12.0);
    }
    let min = f64::from(whole_months(year, 12, end)) / 12.0;
    let max = f64::from(whole_months(year, 1, end)) / 12.0;
    if min == max {
        Ok(min)
    } else {
        Err(Span { min, max, end })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn july_entry_is_one_and_a_half_years_at_the_end_of_the_next_year() {
        // Entered 07/2023, measured to the end of 2024 (as of 2025-06-30).
        assert_eq!(years_since(2023, Some(7), d(2025, 1, 1)), Ok(1.5));
    }

    #[test]
    fn year_only_is_a_span_with_a_cutoff() {
        let s = years_since(2023, None, d(2025, 1, 1)).unwrap_err();
        assert_eq!((s.min, s.max), (13.0 / 12.0, 2.0));
        assert_eq!(s.cutoff(2.0), (2023, 1));
        // A center recognised in 2024, as of 2026-01-15: 1.08–2.0 years.
        let s = years_since(2024, None, d(2026, 1, 15)).unwrap_err();
        assert_eq!(s.cutoff(2.0), (2024, 1));
        assert_eq!(years_since(2024, Some(6), d(2026, 1, 15)), Ok(19.0 / 12.0));
    }

    #[test]
    fn far_enough_back_the_year_decides() {
        assert_eq!(
            years_since(2010, None, d(2025, 1, 1)),
            Err(Span {
                min: 14.0 + 1.0 / 12.0,
                max: 15.0,
                end: d(2025, 1, 1)
            })
        );
        assert_eq!(years_since(2030, None, d(2025, 1, 1)), Ok(0.0));
    }
}

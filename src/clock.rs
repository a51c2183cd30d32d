//! The machine's date: the one place the shells read the clock (the core
//! never does; the as-of date is an input).

use chrono::NaiveDate;

/// Today's date on this machine.
#[must_use]
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The date a generated document carries (the package's cover): that of
/// `SOURCE_DATE_EPOCH` when it is set, so a reproducible build gives the
/// same bytes, else today.
#[must_use]
pub fn document_date() -> NaiveDate {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
        .map_or_else(today, |t| t.date_naive())
}

//! The machine's date: the one place the shells read the clock (the core
//! never does; the as-of date is an input).

use chrono::NaiveDate;

/// Today's date on this machine.
#[must_use]
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

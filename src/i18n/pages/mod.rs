//! Strings of each page, one module per page.

pub mod company;
pub mod compliance;
pub mod conditions;
pub mod desk;
pub mod direction;
pub mod finance;
pub mod funding;
pub mod ip_awards;
pub mod projects;
pub mod results;
pub mod staff;
pub mod welcome;

/// Every page module's string list.
pub const ALL_MODULES: &[&[crate::i18n::Tr]] = &[
    company::ALL,
    compliance::ALL,
    conditions::ALL,
    desk::ALL,
    direction::ALL,
    finance::ALL,
    funding::ALL,
    ip_awards::ALL,
    projects::ALL,
    results::ALL,
    staff::ALL,
    welcome::ALL,
];

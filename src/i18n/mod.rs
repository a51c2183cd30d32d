//! Interface language and every user-facing string of the shells.
//!
//! Strings are bilingual constants ([`Tr`]) grouped by area, one module per
//! page or concern, so pages hold no literals: `ctx.t(company::NAME)`.
//! Each module's `ALL` lists its strings for the font-coverage test.

use serde::{Deserialize, Serialize};

/// Declares bilingual string constants and the module's `ALL` list.
macro_rules! strings {
    ($( $(#[$m:meta])* $name:ident = $zh:literal, $en:literal; )*) => {
        $( $(#[$m])* pub const $name: crate::i18n::Tr = crate::i18n::Tr { zh: $zh, en: $en }; )*
        /// Every string of this module.
        pub const ALL: &[crate::i18n::Tr] = &[$($name),*];
    };
}

pub mod attach;
pub mod cli;
pub mod common;
pub mod errors;
pub mod fields;
pub mod package;
pub mod pages;
pub mod portfolio;
pub mod report;
pub mod words;
pub mod workbook;

/// Interface language. Chinese is the default, as the official texts are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Simplified Chinese.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Picks the Chinese or English string.
    #[must_use]
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The string `tr` in this language.
    #[must_use]
    pub fn t(self, tr: Tr) -> &'static str {
        match self {
            Lang::Zh => tr.zh,
            Lang::En => tr.en,
        }
    }

    /// The other language (for the toggle).
    #[must_use]
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

/// A string in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Tr {
    /// Simplified Chinese.
    pub zh: &'static str,
    /// English.
    pub en: &'static str,
}

/// Every string of every module (for the font-coverage test).
#[must_use]
pub fn all() -> Vec<Tr> {
    let mut v: Vec<Tr> = common::ALL.to_vec();
    v.extend_from_slice(fields::ALL);
    v.extend_from_slice(errors::ALL);
    v.extend_from_slice(attach::ALL);
    v.extend_from_slice(cli::ALL);
    v.extend_from_slice(words::ALL);
    v.extend_from_slice(report::ALL);
    v.extend_from_slice(package::ALL);
    v.extend_from_slice(workbook::ALL);
    v.extend_from_slice(portfolio::ALL);
    for m in pages::ALL_MODULES {
        v.extend_from_slice(m);
    }
    v
}

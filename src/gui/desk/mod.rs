//! The consultant's desk: every assessment under a folder in one table
//! (企业列表), sortable and filterable, rows drawn only where visible so ten
//! thousand files scroll at full frame rate; ticked files open side by side
//! ([`compare`]). The rows are the core's ([`crate::report::portfolio`]); the
//! folder is read on a worker thread, never in a frame.

pub mod charts;
pub mod compare;
pub mod table;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::model::{City, Industry};
use crate::report::portfolio::{self, Column, Entry};
use crate::rules::{Programme, Registry};
use crate::storage::scan::assessments_under;

/// Most files compared at once (the charts' colours, and what fits side by side).
pub const MAX_COMPARED: usize = 6;

/// What narrows the table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Part of the company name or of the path (case-insensitive).
    pub text: String,
    /// Only this city.
    pub city: Option<City>,
    /// Only this industry.
    pub industry: Option<Industry>,
    /// Only companies at most this many criteria short of this programme's next tier.
    pub near: Option<(Programme, usize)>,
    /// Only files that cannot be read.
    pub damaged_only: bool,
}

impl Filter {
    /// Whether `e` is shown.
    #[must_use]
    pub fn keeps(&self, e: &Entry) -> bool {
        let needle = self.text.trim().to_lowercase();
        let text_ok = needle.is_empty()
            || e.path().to_string_lossy().to_lowercase().contains(&needle)
            || e.row()
                .is_some_and(|r| r.company.to_lowercase().contains(&needle));
        if !text_ok {
            return false;
        }
        let Some(r) = e.row() else {
            // A damaged file has no city or tiers: shown unless those are asked for.
            return self.city.is_none() && self.industry.is_none() && self.near.is_none();
        };
        if self.damaged_only {
            return false;
        }
        self.city.is_none_or(|c| r.city == Some(c))
            && self.industry.is_none_or(|i| r.industry == Some(i))
            && self.near.is_none_or(|(p, n)| {
                let l = r.ladder(p);
                l.next.is_some() && l.short <= n
            })
    }

    /// Whether any filter is set.
    #[must_use]
    pub fn is_set(&self) -> bool {
        *self != Filter::default()
    }
}

/// The folder table's state.
#[derive(Default)]
pub struct Desk {
    /// The folder read.
    pub root: Option<PathBuf>,
    /// Every file found, in the folder's order.
    pub entries: Vec<Entry>,
    /// The rows shown: indices into `entries`, filtered and sorted.
    pub view: Vec<usize>,
    /// Sort column and direction (`true`: ascending); `None`: the folder's order.
    pub sort: Option<(Column, bool)>,
    /// Filters.
    pub filter: Filter,
    /// Files ticked for comparison.
    pub picked: BTreeSet<PathBuf>,
    /// Double-click opens in review mode (the answers read-only).
    pub open_for_review: bool,
    /// The comparison shown instead of the table, if any.
    pub compare: Option<compare::Compared>,
    loading: Option<Receiver<Vec<Entry>>>,
    registry: Option<Registry>,
    today: Option<NaiveDate>,
}

impl Desk {
    /// A desk whose double-click opens for review, as a consultant reads files.
    #[must_use]
    pub fn new() -> Desk {
        Desk {
            open_for_review: true,
            ..Desk::default()
        }
    }

    /// Starts reading `root` and its sub-folders on a worker thread (every
    /// core), against `registry` on each file's date; the table fills when done.
    pub fn open(&mut self, root: &Path, registry: &Registry, today: NaiveDate) {
        let (tx, rx) = channel();
        let (dir, reg) = (root.to_path_buf(), registry.clone());
        std::thread::spawn(move || {
            let entries = portfolio::load_all(assessments_under(&dir, true), &reg, None, today);
            // The window may have closed, or another folder been opened: nobody waits.
            let _ = tx.send(entries);
        });
        self.root = Some(root.to_path_buf());
        self.loading = Some(rx);
        self.registry = Some(registry.clone());
        self.today = Some(today);
        self.compare = None;
        self.picked.clear();
    }

    /// Shows `entries` as if read from `root` (tests and benchmarks).
    pub fn show_entries(&mut self, root: &Path, entries: Vec<Entry>, registry: &Registry) {
        self.root = Some(root.to_path_buf());
        self.entries = entries;
        self.loading = None;
        self.registry = Some(registry.clone());
        self.refresh_view();
    }

    /// Reads the same folder again.
    pub fn reload(&mut self) {
        if let (Some(root), Some(reg), Some(today)) =
            (self.root.clone(), self.registry.clone(), self.today)
        {
            self.open(&root, &reg, today);
        }
    }

    /// Whether the folder is being read.
    #[must_use]
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// Takes the worker's result when it is ready; `true` when it arrived.
    pub fn poll(&mut self) -> bool {
        let Some(rx) = &self.loading else {
            return false;
        };
        match rx.try_recv() {
            Ok(entries) => {
                self.entries = entries;
                self.loading = None;
                self.refresh_view();
                true
            }
            Err(TryRecvError::Empty) => false,
            Err(TryRecvError::Disconnected) => {
                self.loading = None;
                true
            }
        }
    }

    /// Recomputes the rows shown after a filter, sort or load.
    pub fn refresh_view(&mut self) {
        let mut view: Vec<usize> = (0..self.entries.len())
            .filter(|i| self.filter.keeps(&self.entries[*i]))
            .collect();
        if let Some((col, asc)) = self.sort {
            let entries = &self.entries;
            view.sort_by(|a, b| {
                let o = col.cmp(&entries[*a], &entries[*b]);
                if asc { o } else { o.reverse() }
            });
        }
        self.view = view;
    }

    /// Sorts by `col`: ascending first, then descending, then the folder's order.
    pub fn toggle_sort(&mut self, col: Column) {
        self.sort = match self.sort {
            Some((c, true)) if c == col => Some((col, false)),
            Some((c, false)) if c == col => None,
            _ => Some((col, true)),
        };
        self.refresh_view();
    }

    /// Files that cannot be read.
    #[must_use]
    pub fn damaged(&self) -> usize {
        self.entries.iter().filter(|e| e.row().is_none()).count()
    }

    /// The entries shown, in the table's order (what the exports write).
    #[must_use]
    pub fn shown(&self) -> Vec<Entry> {
        self.view.iter().map(|i| self.entries[*i].clone()).collect()
    }

    /// Opens the ticked files side by side.
    pub fn compare_picked(&mut self) {
        let files: Vec<PathBuf> = self
            .view
            .iter()
            .map(|i| self.entries[*i].path().to_path_buf())
            .filter(|p| self.picked.contains(p))
            .take(MAX_COMPARED)
            .collect();
        if let (Some(reg), Some(today)) = (&self.registry, self.today) {
            self.compare = Some(compare::Compared::load(&files, reg, today));
        }
    }

    /// The rule packs the rows were evaluated with.
    #[must_use]
    pub fn registry(&self) -> Option<&Registry> {
        self.registry.as_ref()
    }

    /// Compare the open document under two pack versions (from the results page).
    pub fn compare_packs(
        &mut self,
        a: &crate::model::Assessment,
        label: &str,
        packs: &[String],
        registry: &Registry,
        as_of: NaiveDate,
    ) {
        self.compare = Some(compare::Compared::packs(a, label, packs, registry, as_of));
        self.registry.get_or_insert_with(|| registry.clone());
    }

    /// The language the view was put in words last (the comparison is built
    /// once per language).
    pub fn set_lang(&mut self, lang: Lang) {
        if let Some(c) = &mut self.compare {
            c.set_lang(lang);
        }
    }
}

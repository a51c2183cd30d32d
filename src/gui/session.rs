//! The open document: content, file, dirty state, undo history, rule packs
//! and the cached evaluation.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use eframe::egui::util::undoer::{Settings, Undoer};

use crate::eval::{Evaluation, evaluate};
use crate::model::{Assessment, Issue, validate};
use crate::rules::{Pack, Registry, RuleError};
use crate::storage::{self, StorageError};

/// Simultaneous borrows of a session for drawing a page.
pub struct Parts<'a> {
    /// The document, to edit.
    pub doc: &'a mut Assessment,
    /// Packs in use.
    pub packs: Vec<&'a Pack>,
    /// Validation issues.
    pub issues: &'a [Issue],
    /// The cached evaluation.
    pub evaluation: Option<&'a Evaluation>,
    /// Every known pack.
    pub registry: &'a Registry,
    /// Packs chosen explicitly.
    pub pack_ids: Option<&'a [String]>,
    /// As-of date chosen on the results page.
    pub as_of_override: Option<NaiveDate>,
    /// Custom rule folder.
    pub rules_dir: Option<&'a Path>,
    /// Effective as-of date.
    pub as_of: NaiveDate,
}

/// The open document and everything derived from it.
pub struct Session {
    /// The document being edited.
    pub doc: Assessment,
    /// Its file, once opened or saved.
    pub path: Option<PathBuf>,
    /// Name of the bundled sample it came from, while it has no file.
    pub sample: Option<String>,
    /// Content at the last open or save (for the dirty mark).
    saved: Assessment,
    /// Undo history.
    undoer: Undoer<Assessment>,
    /// Rule packs (bundled, plus a custom folder).
    pub registry: Registry,
    /// The custom rule folder, if loaded.
    pub rules_dir: Option<PathBuf>,
    /// As-of date chosen in the results page (None: the document's, else today).
    pub as_of_override: Option<NaiveDate>,
    /// Packs chosen explicitly (None: those in force on the as-of date).
    pub pack_ids: Option<Vec<String>>,
    /// Five-haves target tier (None: the default).
    pub target: Option<String>,
    generation: u64,
    evaluated: Option<(u64, NaiveDate)>,
    evaluation: Option<Evaluation>,
    issues: Vec<Issue>,
}

/// A fresh undo history starting at `doc` (the same settings at start and after open / new).
fn history(doc: &Assessment) -> Undoer<Assessment> {
    let mut undoer = Undoer::with_settings(Settings {
        max_undos: 200,
        stable_time: 0.5,
        auto_save_interval: 10.0,
    });
    undoer.add_undo(doc);
    undoer
}

impl Session {
    /// A session on `doc` (from `path`, if any).
    #[must_use]
    pub fn new(doc: Assessment, path: Option<PathBuf>, registry: Registry) -> Session {
        let undoer = history(&doc);
        Session {
            saved: doc.clone(),
            doc,
            path,
            sample: None,
            undoer,
            registry,
            rules_dir: None,
            as_of_override: None,
            pack_ids: None,
            target: None,
            generation: 1,
            evaluated: None,
            evaluation: None,
            issues: Vec::new(),
        }
    }

    /// Replaces the document (after open, new or recovery) and resets history.
    pub fn replace(&mut self, doc: Assessment, path: Option<PathBuf>, saved: bool) {
        self.saved = if saved {
            doc.clone()
        } else {
            Assessment::default()
        };
        self.doc = doc;
        self.path = path;
        self.sample = None;
        self.undoer = history(&self.doc);
        self.as_of_override = None;
        self.touch();
    }

    /// Opens `path`; on error the current document is left unchanged.
    pub fn open(&mut self, path: &Path) -> Result<(), StorageError> {
        let loaded = storage::load(path)?;
        self.replace(loaded.assessment, Some(path.to_path_buf()), true);
        Ok(())
    }

    /// Saves to `path` and makes it the document's file.
    pub fn save_to(&mut self, path: &Path) -> Result<(), StorageError> {
        storage::save(&self.doc, path)?;
        self.saved = self.doc.clone();
        self.path = Some(path.to_path_buf());
        self.sample = None;
        Ok(())
    }

    /// Whether the document differs from its file.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.doc != self.saved
    }

    /// Marks the document changed (re-evaluates on the next refresh).
    pub fn touch(&mut self) {
        self.generation += 1;
    }

    /// Feeds the undo history (call once per frame).
    pub fn feed_undo(&mut self, time: f64) {
        self.undoer.feed_state(time, &self.doc);
    }

    /// Undoes the last change.
    pub fn undo(&mut self) -> bool {
        if let Some(s) = self.undoer.undo(&self.doc) {
            self.doc = s.clone();
            self.touch();
            true
        } else {
            false
        }
    }

    /// Redoes.
    pub fn redo(&mut self) -> bool {
        if let Some(s) = self.undoer.redo(&self.doc) {
            self.doc = s.clone();
            self.touch();
            true
        } else {
            false
        }
    }

    /// Whether undo / redo are possible.
    #[must_use]
    pub fn can_undo_redo(&self) -> (bool, bool) {
        (
            self.undoer.has_undo(&self.doc),
            self.undoer.has_redo(&self.doc),
        )
    }

    /// The effective as-of date.
    #[must_use]
    pub fn as_of(&self, today: NaiveDate) -> NaiveDate {
        self.as_of_override.or(self.doc.as_of).unwrap_or(today)
    }

    /// The packs in use.
    #[must_use]
    pub fn packs(&self, today: NaiveDate) -> Vec<&Pack> {
        self.registry
            .chosen(self.pack_ids.as_deref(), self.as_of(today))
    }

    /// Loads a custom rule folder (None: bundled packs only).
    pub fn load_rules(&mut self, dir: Option<PathBuf>) -> Result<(), RuleError> {
        self.registry = match &dir {
            Some(d) => Registry::with_dir(d)?,
            None => Registry::bundled()?,
        };
        self.rules_dir = dir;
        if let Some(ids) = &mut self.pack_ids {
            ids.retain(|id| self.registry.get(id).is_some());
        }
        self.touch();
        Ok(())
    }

    /// Re-evaluates if the document or the settings changed.
    pub fn refresh(&mut self, today: NaiveDate) {
        let key = (self.generation, self.as_of(today));
        if self.evaluated == Some(key) && self.evaluation.is_some() {
            return;
        }
        let as_of = self.as_of(today);
        let mut ev = evaluate(&self.doc, &self.packs(today), as_of);
        if let Some(t) = &self.target
            && ev.tier(t).is_some()
        {
            ev.target = Some(t.clone());
        }
        self.evaluation = Some(ev);
        self.issues = validate(&self.doc, today);
        self.evaluated = Some(key);
    }

    /// The evaluation (call [`Session::refresh`] first).
    #[must_use]
    pub fn evaluation(&self) -> Option<&Evaluation> {
        self.evaluation.as_ref()
    }

    /// Validation issues of the document.
    #[must_use]
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }

    /// Borrows what a page needs at once: the document to edit, and the packs,
    /// issues and evaluation to read (no copies per frame).
    pub fn parts(&mut self, today: NaiveDate) -> Parts<'_> {
        let as_of = self.as_of(today);
        let packs = self.registry.chosen(self.pack_ids.as_deref(), as_of);
        Parts {
            doc: &mut self.doc,
            packs,
            issues: &self.issues,
            evaluation: self.evaluation.as_ref(),
            registry: &self.registry,
            pack_ids: self.pack_ids.as_deref(),
            as_of_override: self.as_of_override,
            rules_dir: self.rules_dir.as_deref(),
            as_of,
        }
    }

    /// Window title: file name, dirty mark, app name.
    #[must_use]
    pub fn title(&self, untitled: &str) -> String {
        let name = self
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .or_else(|| self.sample.clone())
            .unwrap_or_else(|| untitled.to_string());
        let dirty = if self.is_dirty() { "● " } else { "" };
        format!("{dirty}{name} — innocheck")
    }
}

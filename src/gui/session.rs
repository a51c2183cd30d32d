//! The open document: content, file, dirty state, undo history, rule packs
//! and the cached evaluation.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::eval::{Evaluation, evaluate};
use crate::i18n::Lang;
use crate::model::Attachment;
use crate::model::{Assessment, Issue, validate};
use crate::report::proof::TierProof;
use crate::report::review::ReviewView;
use crate::rules::{Pack, Registry, RuleError};
use crate::storage::attachments::{self, AttachmentStatus};
use crate::storage::review::Review;
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
    /// Custom rule folder.
    pub rules_dir: Option<&'a Path>,
    /// Effective as-of date.
    pub as_of: NaiveDate,
    /// The review beside the file, in words (call [`Session::refresh_review`] first).
    pub review: Option<&'a ReviewView>,
    /// The state of each attached file, in the order of `doc.attachments`
    /// (call [`Session::refresh_attachments`] first).
    pub attachment_statuses: &'a [AttachmentStatus],
    /// The assessment's file, once opened or saved (attachments are
    /// recorded relative to its folder).
    pub path: Option<&'a Path>,
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
    history: History,
    /// Rule packs (bundled, plus a custom folder).
    pub registry: Registry,
    /// The custom rule folder, if loaded.
    pub rules_dir: Option<PathBuf>,
    /// Packs chosen explicitly (None: those in force on the as-of date).
    pub pack_ids: Option<Vec<String>>,
    /// Five-haves target tier (None: the default).
    pub target: Option<String>,
    generation: u64,
    opened: u64,
    evaluated: Option<(u64, NaiveDate)>,
    evaluation: Option<Evaluation>,
    issues: Vec<Issue>,
    /// The review beside the file (`NAME.review.ron`), if any.
    pub review: Option<Review>,
    /// Review mode: the answers are read-only and never saved; notes go to
    /// the review beside the file.
    pub reviewing: bool,
    /// Why the review beside the file could not be read.
    pub review_error: Option<StorageError>,
    /// The review in words, for the document generation and language it was made for.
    review_view: Option<(u64, Lang, ReviewView)>,
    /// The attached files as last checked: the folder and list they were
    /// checked for, and their statuses (files are read only when these change
    /// or on [`Session::recheck_attachments`], not every frame).
    attachment_check: Option<(PathBuf, Vec<FileKey>, Vec<AttachmentStatus>)>,
    /// Attached files already hashed, so that checking again reads only
    /// files touched since.
    hash_memo: attachments::HashMemo,
}

/// What an attachment's status depends on: typing its note reads no file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FileKey {
    path: String,
    sha256: String,
    size: u64,
}

impl FileKey {
    fn of(a: &Attachment) -> FileKey {
        FileKey {
            path: a.path.clone(),
            sha256: a.sha256.clone(),
            size: a.size,
        }
    }
}

/// Most undo steps kept.
pub const MAX_UNDOS: usize = 200;

/// Undo history in whole edits: a step is what changed between two
/// checkpoints, and the window sets a checkpoint when an edit is complete
/// (focus leaves a text field, a choice is clicked, a command runs), so one
/// step undoes one field, however fast the user moves on to the next.
#[derive(Debug, Default)]
struct History {
    /// The document at the last checkpoint.
    base: Assessment,
    /// Earlier checkpoints, oldest first.
    undo: Vec<Assessment>,
    /// Checkpoints undone, most recently undone last.
    redo: Vec<Assessment>,
}

impl History {
    fn new(doc: &Assessment) -> History {
        History {
            base: doc.clone(),
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    /// Ends the current step if `doc` changed since the last checkpoint.
    fn checkpoint(&mut self, doc: &Assessment) {
        if *doc == self.base {
            return;
        }
        let before = std::mem::replace(&mut self.base, doc.clone());
        self.undo.push(before);
        if self.undo.len() > MAX_UNDOS {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    fn undo(&mut self, doc: &mut Assessment) -> bool {
        self.checkpoint(doc);
        let Some(prev) = self.undo.pop() else {
            return false;
        };
        self.redo
            .push(std::mem::replace(&mut self.base, prev.clone()));
        *doc = prev;
        true
    }

    fn redo(&mut self, doc: &mut Assessment) -> bool {
        // An edit after an undo starts a new branch: nothing to redo.
        self.checkpoint(doc);
        let Some(next) = self.redo.pop() else {
            return false;
        };
        self.undo
            .push(std::mem::replace(&mut self.base, next.clone()));
        *doc = next;
        true
    }
}

impl Session {
    /// A session on `doc` (from `path`, if any).
    #[must_use]
    pub fn new(doc: Assessment, path: Option<PathBuf>, registry: Registry) -> Session {
        let history = History::new(&doc);
        Session {
            saved: doc.clone(),
            doc,
            path,
            sample: None,
            history,
            registry,
            rules_dir: None,
            pack_ids: None,
            target: None,
            generation: 1,
            opened: 0,
            evaluated: None,
            evaluation: None,
            issues: Vec::new(),
            review: None,
            reviewing: false,
            review_error: None,
            review_view: None,
            attachment_check: None,
            hash_memo: attachments::HashMemo::default(),
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
        // A review belongs to its file: another document has none until read,
        // and is opened for editing unless review mode is asked again.
        self.review = None;
        self.reviewing = false;
        self.review_error = None;
        self.review_view = None;
        self.history = History::new(&self.doc);
        self.opened += 1;
        self.touch();
    }

    /// Opens `path`; on error the current document is left unchanged.
    pub fn open(&mut self, path: &Path) -> Result<(), StorageError> {
        let loaded = storage::load(path)?;
        self.replace(loaded.assessment, Some(path.to_path_buf()), true);
        self.load_review();
        Ok(())
    }

    /// Reads the review beside the document's file (none without a file).
    pub fn load_review(&mut self) {
        let read = self.path.as_deref().map(storage::review::load_review);
        (self.review, self.review_error) = match read {
            Some(Ok(r)) => (r, None),
            Some(Err(e)) => (None, Some(e)),
            None => (None, None),
        };
        self.review_view = None;
    }

    /// Brings the review's words up to date with the document and `lang`
    /// (after [`Session::refresh`]).
    pub fn refresh_review(&mut self, lang: Lang) {
        let (Some(review), Some(ev)) = (&self.review, &self.evaluation) else {
            self.review_view = None;
            return;
        };
        if matches!(&self.review_view, Some((g, l, _)) if *g == self.generation && *l == lang) {
            return;
        }
        let file = self
            .path
            .as_deref()
            .map(|p| storage::review::review_path(p).display().to_string())
            .unwrap_or_default();
        let view = crate::report::review::view(&file, review, &self.doc, ev, lang);
        self.review_view = Some((self.generation, lang, view));
    }

    /// Saves to `path` and makes it the document's file. Saved into
    /// another folder, the attachments' relative paths are re-expressed from
    /// there, so they still name the same files.
    pub fn save_to(&mut self, path: &Path) -> Result<(), StorageError> {
        let (from, to) = (self.attachment_dir(), attachments::folder_of(path));
        if from != to && !self.doc.attachments.is_empty() {
            let mut doc = self.doc.clone();
            attachments::rebase(&mut doc.attachments, &from, &to);
            storage::save(&doc, path)?;
            self.doc = doc;
            // Every state undo can return to names the same files from there.
            let h = &mut self.history;
            for d in std::iter::once(&mut h.base)
                .chain(h.undo.iter_mut())
                .chain(h.redo.iter_mut())
            {
                attachments::rebase(&mut d.attachments, &from, &to);
            }
            self.touch();
        } else {
            storage::save(&self.doc, path)?;
        }
        self.saved = self.doc.clone();
        let moved = self.path.as_deref() != Some(path);
        self.path = Some(path.to_path_buf());
        self.sample = None;
        if moved {
            self.load_review();
        }
        Ok(())
    }

    /// Whether the document differs from its file.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.doc != self.saved
    }

    /// How many times the document was replaced (open, new, recovery).
    #[must_use]
    pub fn opened(&self) -> u64 {
        self.opened
    }

    /// Marks the document changed (re-evaluates on the next refresh).
    pub fn touch(&mut self) {
        self.generation += 1;
    }

    /// Ends the current undo step if the document changed since the last
    /// one (the window calls this when an edit is complete).
    pub fn checkpoint(&mut self) {
        self.history.checkpoint(&self.doc);
    }

    /// Undoes the last step (an edit not yet checkpointed counts as one).
    pub fn undo(&mut self) -> bool {
        let done = self.history.undo(&mut self.doc);
        if done {
            self.touch();
        }
        done
    }

    /// Redoes the last step undone.
    pub fn redo(&mut self) -> bool {
        let done = self.history.redo(&mut self.doc);
        if done {
            self.touch();
        }
        done
    }

    /// Whether undo / redo are possible.
    #[must_use]
    pub fn can_undo_redo(&self) -> (bool, bool) {
        let pending = self.doc != self.history.base;
        (
            pending || !self.history.undo.is_empty(),
            !pending && !self.history.redo.is_empty(),
        )
    }

    /// The effective as-of date.
    #[must_use]
    pub fn as_of(&self, today: NaiveDate) -> NaiveDate {
        self.doc.as_of_or(today)
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

    /// The review beside the file in words (call [`Session::refresh_review`] first).
    #[must_use]
    pub fn review_view(&self) -> Option<&ReviewView> {
        self.review_view.as_ref().map(|(_, _, v)| v)
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
            rules_dir: self.rules_dir.as_deref(),
            as_of,
            review: self.review_view.as_ref().map(|(_, _, v)| v),
            attachment_statuses: self
                .attachment_check
                .as_ref()
                .map_or(&[], |(_, _, s)| s.as_slice()),
            path: self.path.as_deref(),
        }
    }

    /// The folder attachment paths are relative to (the file's folder; the
    /// current folder while the document has no file).
    #[must_use]
    pub fn attachment_dir(&self) -> PathBuf {
        self.path
            .as_deref()
            .map_or_else(|| PathBuf::from("."), attachments::folder_of)
    }

    /// Checks the attached files again if the list or the folder changed
    /// since the last check.
    pub fn refresh_attachments(&mut self) {
        let dir = self.attachment_dir();
        let keys: Vec<FileKey> = self.doc.attachments.iter().map(FileKey::of).collect();
        if matches!(&self.attachment_check, Some((d, k, _)) if *d == dir && *k == keys) {
            return;
        }
        let statuses =
            attachments::statuses_remembered(&dir, &self.doc.attachments, &mut self.hash_memo);
        self.attachment_check = Some((dir, keys, statuses));
    }

    /// Forgets the last check, so the next refresh reads the files again
    /// (the window regained focus: files may have changed meanwhile).
    pub fn recheck_attachments(&mut self) {
        self.attachment_check = None;
    }

    /// The state of each attached file (after [`Session::refresh_attachments`]).
    #[must_use]
    pub fn attachment_statuses(&self) -> &[AttachmentStatus] {
        self.attachment_check
            .as_ref()
            .map_or(&[], |(_, _, s)| s.as_slice())
    }

    /// The readiness of the proof per tier, in `lang` (after
    /// [`Session::refresh`] and [`Session::refresh_attachments`]).
    #[must_use]
    pub fn proof(&self, lang: Lang) -> Vec<TierProof> {
        self.evaluation.as_ref().map_or_else(Vec::new, |ev| {
            crate::report::proof::tiers(ev, &self.doc.attachments, self.attachment_statuses(), lang)
        })
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

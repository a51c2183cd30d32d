//! A review's notes as people read them: each note naming its criterion or
//! field in words, and the answers changed since the review. Built once in
//! one language for the text output, the JSON `review` object and
//! `innocheck review show`.

use serde::Serialize;

use crate::eval::Evaluation;
use crate::i18n::fields::field_name_of_id;
use crate::i18n::{Lang, words};
use crate::model::Assessment;
use crate::storage::review::{Review, Status, Target};

/// The review of one assessment, in one language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewView {
    /// The review file.
    pub file: String,
    /// SHA-256 of the answers reviewed.
    pub answers_sha256: String,
    /// The answers changed since the review.
    pub answers_changed: bool,
    /// Which, by id and in words.
    pub changed_fields: Vec<Named>,
    /// The notes, in the order written.
    pub notes: Vec<NoteView>,
}

/// A field or criterion: its id and its name in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Named {
    /// Id.
    pub id: String,
    /// As people read it.
    pub name: String,
}

/// One note.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoteView {
    /// `criterion` or `field`.
    pub kind: &'static str,
    /// What it is about.
    pub target: Named,
    /// The verdict.
    pub status: Status,
    /// The verdict in words (确认 / 存疑 / 缺材料).
    pub status_words: String,
    /// The note.
    pub text: String,
    /// Who wrote it.
    pub reviewer: String,
    /// When (YYYY-MM-DD).
    pub date: String,
}

impl NoteView {
    /// Who wrote the note and when: "张三，2026-11-30", or the date alone.
    #[must_use]
    pub fn signed(&self, lang: Lang) -> String {
        if self.reviewer.trim().is_empty() {
            self.date.clone()
        } else {
            format!("{}{}{}", self.reviewer, lang.t(words::COMMA), self.date)
        }
    }
}

/// 确认 / 存疑 / 缺材料.
#[must_use]
pub fn status_words(s: Status, lang: Lang) -> &'static str {
    lang.t(match s {
        Status::Confirmed => words::REVIEW_CONFIRMED,
        Status::Doubtful => words::REVIEW_DOUBTFUL,
        Status::MissingEvidence => words::REVIEW_MISSING_EVIDENCE,
    })
}

/// The view of `review` (stored in `file`) over the current answers `a`
/// and their evaluation `ev` (which names the criteria).
#[must_use]
pub fn view(
    file: &str,
    review: &Review,
    a: &Assessment,
    ev: &Evaluation,
    lang: Lang,
) -> ReviewView {
    let criterion_name = |id: &str| {
        ev.tiers
            .iter()
            .find_map(|t| {
                t.criterion(id).map(|c| {
                    format!(
                        "{}{}{}",
                        t.title.get(lang),
                        lang.t(words::COLON_SPACED),
                        c.title.get(lang)
                    )
                })
            })
            .unwrap_or_else(|| id.to_string())
    };
    let changed_fields = review
        .changed_fields(a)
        .into_iter()
        .map(|id| Named {
            name: field_name_of_id(&id, lang),
            id,
        })
        .collect();
    let notes = review
        .notes
        .iter()
        .map(|n| {
            let (kind, target) = match &n.target {
                Target::Criterion(id) => (
                    "criterion",
                    Named {
                        id: id.clone(),
                        name: criterion_name(id),
                    },
                ),
                Target::Field(id) => (
                    "field",
                    Named {
                        id: id.clone(),
                        name: field_name_of_id(id, lang),
                    },
                ),
            };
            NoteView {
                kind,
                target,
                status: n.status,
                status_words: status_words(n.status, lang).to_string(),
                text: n.text.clone(),
                reviewer: n.reviewer.clone(),
                date: n.date.to_string(),
            }
        })
        .collect();
    ReviewView {
        file: file.to_string(),
        answers_sha256: review.answers_sha256.clone(),
        answers_changed: !review.is_current(a),
        changed_fields,
        notes,
    }
}

/// The review as text: a heading, the answers changed since, then the notes.
#[must_use]
pub fn render_text(v: &ReviewView, lang: Lang) -> String {
    use std::fmt::Write as _;
    let mut o = String::new();
    let _ = writeln!(
        o,
        "== {}{} ==",
        lang.t(words::REVIEW_HEADING),
        super::format::paren(&v.file, lang)
    );
    if v.answers_changed {
        let names: Vec<&str> = v.changed_fields.iter().map(|f| f.name.as_str()).collect();
        let _ = writeln!(
            o,
            "{}{}",
            lang.t(words::REVIEW_CHANGED)
                .replace("{n}", &v.changed_fields.len().to_string()),
            names.join(lang.t(words::SEMICOLON))
        );
    } else {
        let _ = writeln!(o, "{}", lang.t(words::REVIEW_CURRENT));
    }
    if v.notes.is_empty() {
        let _ = writeln!(o, "{}", lang.t(words::REVIEW_NO_NOTES));
    }
    for n in &v.notes {
        let who = n.signed(lang);
        let _ = writeln!(
            o,
            "  [{}] {}{}{}",
            n.status_words,
            n.target.name,
            super::format::paren(&who, lang),
            if n.text.is_empty() {
                String::new()
            } else {
                format!("{}{}", lang.t(words::COLON_SPACED), n.text)
            }
        );
    }
    o
}

//! A reviewer's notes on an assessment, kept beside it as `NAME.review.ron`,
//! never inside it: reviewing never alters the answers.
//!
//! The review records the SHA-256 of the answers it was made on (of their
//! canonical form, so re-saving or reformatting the file changes nothing)
//! and a flat copy of them, so that answers changed after the review can be
//! named field by field.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{MAX_DEPTH, StorageError};
use crate::model::Assessment;

/// Format version of review files.
pub const REVIEW_FORMAT: u32 = 1;

/// What a note is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// A criterion, by id (`sme.2022.giant.rd`).
    Criterion(String),
    /// An input field, by id (`years.2024.revenue`).
    Field(String),
}

/// The reviewer's verdict on the item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 确认: checked and right.
    Confirmed,
    /// 存疑: doubtful, to be explained.
    Doubtful,
    /// 缺材料: the proof is missing.
    MissingEvidence,
}

/// One note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// What it is about.
    pub target: Target,
    /// The verdict.
    pub status: Status,
    /// The note itself.
    #[serde(default)]
    pub text: String,
    /// Who wrote it.
    #[serde(default)]
    pub reviewer: String,
    /// When.
    pub date: NaiveDate,
}

/// A review of one assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// [`REVIEW_FORMAT`].
    pub format_version: u32,
    /// SHA-256 (hex) of the answers reviewed ([`fingerprint`]).
    pub answers_sha256: String,
    /// The answers reviewed, one entry per field id, as text.
    #[serde(default)]
    pub answers: BTreeMap<String, String>,
    /// The notes, in the order written.
    #[serde(default)]
    pub notes: Vec<Note>,
}

impl Review {
    /// An empty review of `a`.
    #[must_use]
    pub fn of(a: &Assessment) -> Review {
        Review {
            format_version: REVIEW_FORMAT,
            answers_sha256: fingerprint(a),
            answers: flatten(a),
            notes: Vec::new(),
        }
    }

    /// Adds a note, and takes the answers as they are now as the ones reviewed.
    pub fn add(&mut self, a: &Assessment, note: Note) {
        self.answers_sha256 = fingerprint(a);
        self.answers = flatten(a);
        self.notes.push(note);
    }

    /// Whether `a` still holds the answers reviewed.
    #[must_use]
    pub fn is_current(&self, a: &Assessment) -> bool {
        self.answers_sha256 == fingerprint(a)
    }

    /// The field ids whose answers differ from those reviewed (added,
    /// removed or changed), sorted.
    #[must_use]
    pub fn changed_fields(&self, a: &Assessment) -> Vec<String> {
        if self.is_current(a) {
            return Vec::new();
        }
        let now = flatten(a);
        let mut out: Vec<String> = now
            .iter()
            .filter(|(k, v)| self.answers.get(*k) != Some(v))
            .map(|(k, _)| k.clone())
            .chain(
                self.answers
                    .keys()
                    .filter(|k| !now.contains_key(*k))
                    .cloned(),
            )
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

/// The answers alone: the assessment without its evidence attachments. A
/// reviewer checks figures and declarations; attaching a scan answers
/// nothing anew, so it must not mark a review as out of date.
fn answers(a: &Assessment) -> std::borrow::Cow<'_, Assessment> {
    if a.attachments.is_empty() {
        std::borrow::Cow::Borrowed(a)
    } else {
        std::borrow::Cow::Owned(Assessment {
            attachments: Vec::new(),
            ..a.clone()
        })
    }
}

/// SHA-256 (hex) of the answers in their canonical form (the current file
/// format, without comments or layout): the same answers give the same
/// fingerprint however the file was written. Evidence attachments are not
/// answers and are left out.
#[must_use]
pub fn fingerprint(a: &Assessment) -> String {
    let canonical = serde_json::to_vec(&*answers(a)).unwrap_or_default();
    Sha256::digest(&canonical)
        .iter()
        .fold(String::with_capacity(64), |mut s, b| {
            use std::fmt::Write as _;
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// The answers as `field id → value`: objects by key, the fiscal years by
/// their year (`years.2024.revenue`), other lists by position
/// (`projects.0.name`); empty answers and evidence attachments are left out.
#[must_use]
pub fn flatten(a: &Assessment) -> BTreeMap<String, String> {
    fn walk(prefix: &str, v: &serde_json::Value, out: &mut BTreeMap<String, String>) {
        use serde_json::Value as V;
        let join = |k: &str| {
            if prefix.is_empty() {
                k.to_string()
            } else {
                format!("{prefix}.{k}")
            }
        };
        match v {
            V::Null => {}
            V::Object(m) => {
                for (k, x) in m {
                    walk(&join(k), x, out);
                }
            }
            V::Array(items) => {
                for (i, x) in items.iter().enumerate() {
                    let key = match (prefix, x.get("year").and_then(V::as_i64)) {
                        ("years", Some(y)) => y.to_string(),
                        _ => i.to_string(),
                    };
                    walk(&join(&key), x, out);
                }
            }
            V::String(s) if s.is_empty() => {}
            V::String(s) => {
                out.insert(prefix.to_string(), s.clone());
            }
            other => {
                out.insert(prefix.to_string(), other.to_string());
            }
        }
    }
    let mut out = BTreeMap::new();
    if let Ok(v) = serde_json::to_value(&*answers(a)) {
        walk("", &v, &mut out);
    }
    out
}

/// Where the review of `assessment` lives: `NAME.review.ron` beside
/// `NAME.ron` (or beside any other name, with `.review.ron` added).
#[must_use]
pub fn review_path(assessment: &Path) -> PathBuf {
    let name = assessment
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name
        .strip_suffix(".ron")
        .or_else(|| name.strip_suffix(".RON"))
        .unwrap_or(&name);
    assessment.with_file_name(format!("{stem}.review.ron"))
}

/// Whether `path` is named as a review (`*.review.ron`, any case), not an
/// assessment.
#[must_use]
pub fn is_review_file(path: &Path) -> bool {
    path.file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .is_some_and(|n| n.ends_with(".review.ron"))
}

/// The review beside `assessment`, if there is one.
pub fn load_review(assessment: &Path) -> Result<Option<Review>, StorageError> {
    let path = review_path(assessment);
    if !path.exists() {
        return Ok(None);
    }
    let name = path.display().to_string();
    let bytes = super::read(&path)?;
    let text = String::from_utf8(bytes).map_err(|e| StorageError::Encoding {
        file: name.clone(),
        line: 1,
        detail: e.to_string(),
    })?;
    let review: Review = ron::Options::default()
        .with_recursion_limit(MAX_DEPTH)
        .from_str(&text)
        .map_err(|e| StorageError::Parse {
            file: name.clone(),
            line: e.span.start.line,
            col: e.span.start.col,
            reason: e.code.to_string(),
        })?;
    if review.format_version > REVIEW_FORMAT {
        return Err(StorageError::TooNew {
            file: name,
            found: review.format_version,
            supported: REVIEW_FORMAT,
        });
    }
    Ok(Some(review))
}

/// Writes the review beside `assessment`, atomically, keeping the previous
/// one as a backup; the assessment itself is not touched.
pub fn save_review(assessment: &Path, review: &Review) -> Result<(), StorageError> {
    let text =
        ron::ser::to_string_pretty(review, ron::ser::PrettyConfig::default()).map_err(|e| {
            StorageError::Serialize {
                reason: e.to_string(),
            }
        })?;
    super::save_atomic(&review_path(assessment), text.as_bytes(), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_review_sits_beside_the_file() {
        assert_eq!(
            review_path(Path::new("/文档/公司 A.ron")),
            PathBuf::from("/文档/公司 A.review.ron")
        );
        assert_eq!(
            review_path(Path::new("x.dat")),
            PathBuf::from("x.dat.review.ron")
        );
    }

    #[test]
    fn answers_flatten_by_year_and_position() {
        let a = crate::storage::sample(crate::storage::DEFAULT_SAMPLE).expect("sample");
        let flat = flatten(&a);
        assert!(
            flat.contains_key("years.2024.revenue"),
            "{:?}",
            flat.keys().take(20).collect::<Vec<_>>()
        );
        assert!(flat.contains_key("company.name"));
        assert!(flat.keys().any(|k| k.starts_with("projects.0.")));
    }

    #[test]
    fn attaching_evidence_does_not_change_the_answers_reviewed() {
        let mut a = crate::storage::sample(crate::storage::DEFAULT_SAMPLE).expect("sample");
        let review = Review::of(&a);
        a.attachments.push(crate::model::Attachment {
            criterion: "tc.nat.2016.rd_ratio".into(),
            item: 0,
            path: "扫描件/审计报告.pdf".into(),
            sha256: "00".repeat(32),
            size: 10,
            pages: Some(3),
            added: NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
            note: String::new(),
        });
        assert!(review.is_current(&a));
        assert!(review.changed_fields(&a).is_empty());
        // An answer changed still shows.
        a.company.name.push('X');
        assert_eq!(review.changed_fields(&a), vec!["company.name".to_string()]);
    }
}

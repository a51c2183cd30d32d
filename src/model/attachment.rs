//! Evidence attached to a criterion: a reference to a file beside the
//! assessment, never its content. The file facts (hash, size, pages) are read
//! by `storage::attachments`; the model only records them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One file attached as evidence for one item of a criterion's evidence list.
///
/// `path` is relative to the folder of the assessment file, with `/`
/// separators, so the folder can be moved or sent as a whole; it is absolute
/// only when the file lies on another drive or root than the assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    /// Id of the criterion (`tc.nat.2016.rd_ratio`); stored data, never shown.
    pub criterion: String,
    /// Index into that criterion's `evidence` list.
    #[serde(default)]
    pub item: usize,
    /// Where the file is, relative to the assessment's folder (`/` separators).
    pub path: String,
    /// SHA-256 of the file when attached, lower-case hex.
    pub sha256: String,
    /// Size in bytes when attached.
    pub size: u64,
    /// Page count (PDF), 1 for an image, `None` when not known.
    #[serde(default)]
    pub pages: Option<u32>,
    /// The date it was attached.
    pub added: NaiveDate,
    /// A note from the person attaching it.
    #[serde(default)]
    pub note: String,
}

impl Attachment {
    /// Whether this attachment is for `item` of `criterion`.
    #[must_use]
    pub fn is_for(&self, criterion: &str, item: usize) -> bool {
        self.criterion == criterion && self.item == item
    }
}

//! Finding the assessments under a folder, for the portfolio.
//!
//! Assessments are `*.ron` files; reviews kept beside them
//! (`*.review.ron`) are not. Sub-folders are entered when asked (the
//! window's 打开文件夹… always asks), except hidden ones (`.git`) and links
//! to folders, which could lead back up the tree. A folder that cannot be
//! listed is an entry of its own with its error: one unreadable folder never
//! hides the others.

use std::path::{Path, PathBuf};

use super::StorageError;
use super::review::is_review_file;

/// Deepest sub-folder entered below the folder given.
pub const MAX_DEPTH: usize = 32;

/// One thing found under the folder: an assessment file to read, or a
/// folder that could not be listed.
pub type Found = Result<PathBuf, StorageError>;

/// Whether `path` names an assessment file by its name (`*.ron`, not a review).
#[must_use]
pub fn is_assessment_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("ron"))
        && !is_review_file(path)
}

/// The assessment files under `dir`, sorted by path (each folder's files
/// before its sub-folders'). Entries that are not regular files but are named
/// `*.ron` (a FIFO, a device) are kept, so that reading them says what they
/// are.
#[must_use]
pub fn assessments_under(dir: &Path, recursive: bool) -> Vec<Found> {
    let mut out = Vec::new();
    walk(dir, recursive, 0, &mut out);
    out
}

fn walk(dir: &Path, recursive: bool, depth: usize, out: &mut Vec<Found>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.push(Err(StorageError::Io {
                file: dir.display().to_string(),
                reason: e.to_string(),
            }));
            return;
        }
    };
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                out.push(Err(StorageError::Io {
                    file: dir.display().to_string(),
                    reason: e.to_string(),
                }));
                continue;
            }
        };
        let path = entry.path();
        // `file_type` does not follow links: a link to a folder is skipped,
        // a link to a file is read like the file.
        let Ok(kind) = entry.file_type() else {
            files.push(path);
            continue;
        };
        if kind.is_dir() {
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if recursive && !hidden && depth < MAX_DEPTH {
                dirs.push(path);
            }
        } else if kind.is_symlink() && path.is_dir() {
            // A link to a folder: not followed.
        } else if is_assessment_name(&path) {
            files.push(path);
        }
    }
    files.sort();
    dirs.sort();
    out.extend(files.into_iter().map(Ok));
    for d in dirs {
        walk(&d, recursive, depth + 1, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_assessments_recursively_and_skips_reviews_hidden_and_other_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        std::fs::create_dir_all(root.join("赣州/2024")).expect("dirs");
        std::fs::create_dir_all(root.join(".git")).expect("dirs");
        for f in [
            "b.ron",
            "a.RON",
            "a.review.ron",
            "notes.txt",
            "a.ron.bak",
            "赣州/c.ron",
            "赣州/2024/d.ron",
            ".git/e.ron",
        ] {
            std::fs::write(root.join(f), "").expect("write");
        }
        let names = |found: Vec<Found>| -> Vec<String> {
            found
                .into_iter()
                .map(|f| {
                    f.expect("readable")
                        .strip_prefix(root)
                        .expect("under root")
                        .to_string_lossy()
                        .replace('\\', "/")
                })
                .collect()
        };
        assert_eq!(
            names(assessments_under(root, true)),
            ["a.RON", "b.ron", "赣州/c.ron", "赣州/2024/d.ron"]
        );
        assert_eq!(names(assessments_under(root, false)), ["a.RON", "b.ron"]);
    }

    #[test]
    fn an_unlistable_folder_is_an_entry_with_its_error() {
        let found = assessments_under(Path::new("/no/such/folder/innocheck"), true);
        assert_eq!(found.len(), 1);
        match &found[0] {
            Err(StorageError::Io { file, .. }) => assert!(file.contains("innocheck")),
            other => panic!("expected an I/O error, got {other:?}"),
        }
    }

    #[cfg(unix)]
    #[test]
    fn links_to_folders_are_not_followed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        std::fs::create_dir(root.join("sub")).expect("dir");
        std::fs::write(root.join("sub/a.ron"), "").expect("write");
        std::os::unix::fs::symlink(root, root.join("sub/loop")).expect("link");
        let found = assessments_under(root, true);
        assert_eq!(found.len(), 1, "{found:?}");
    }
}

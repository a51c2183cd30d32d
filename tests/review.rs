//! Reviews beside an assessment: notes survive, the answers are never
//! written, and answers changed after the review are named.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use innocheck::storage::review::{
    Note, Review, Status, Target, fingerprint, load_review, review_path, save_review,
};
use innocheck::storage::{self, DEFAULT_SAMPLE};

fn copy_sample(dir: &Path) -> PathBuf {
    let path = dir.join("公司 A.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/samples")
            .join(DEFAULT_SAMPLE),
        &path,
    )
    .expect("copy");
    path
}

fn note(target: Target, status: Status) -> Note {
    Note {
        target,
        status,
        text: "与审计报告不符".into(),
        reviewer: "张三".into(),
        date: NaiveDate::from_ymd_opt(2026, 11, 30).expect("date"),
    }
}

#[test]
fn notes_survive_and_the_answers_are_never_written() {
    let dir = tempfile::tempdir().expect("dir");
    let file = copy_sample(dir.path());
    let before = std::fs::read(&file).expect("read");
    let a = storage::load(&file).expect("load").assessment;
    let mut r = Review::of(&a);
    r.add(
        &a,
        note(Target::Field("years.2024.revenue".into()), Status::Doubtful),
    );
    save_review(&file, &r).expect("saved");
    assert_eq!(review_path(&file), dir.path().join("公司 A.review.ron"));
    assert_eq!(load_review(&file).expect("read"), Some(r.clone()));
    assert_eq!(
        std::fs::read(&file).expect("read"),
        before,
        "answers touched"
    );
    assert!(r.is_current(&a) && r.changed_fields(&a).is_empty());
    // The fingerprint is of the answers, not of the file's layout.
    assert_eq!(r.answers_sha256, fingerprint(&a));
    assert_eq!(r.answers_sha256.len(), 64);
}

#[test]
fn answers_changed_after_the_review_are_named() {
    let dir = tempfile::tempdir().expect("dir");
    let file = copy_sample(dir.path());
    let mut a = storage::load(&file).expect("load").assessment;
    let r = Review::of(&a);
    a.years[0].revenue = a.years[0].revenue.map(|v| v + 100.0);
    a.company.name.push('X');
    a.projects.pop();
    let changed = r.changed_fields(&a);
    assert!(!r.is_current(&a));
    assert!(
        changed.contains(&format!("years.{}.revenue", a.years[0].year)),
        "{changed:?}"
    );
    assert!(changed.contains(&"company.name".to_string()), "{changed:?}");
    let n = a.projects.len();
    assert!(
        changed
            .iter()
            .any(|f| f.starts_with(&format!("projects.{n}."))),
        "a removed project is a change: {changed:?}"
    );
}

fn innocheck(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_innocheck"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_command_adds_and_shows_notes_and_evaluate_carries_them() {
    let dir = tempfile::tempdir().expect("dir");
    let file = copy_sample(dir.path());
    let f = file.to_str().expect("utf-8");
    let before = std::fs::read(&file).expect("read");
    let (code, _, err) = innocheck(&[
        "review",
        "add",
        f,
        "--field",
        "years.2024.revenue",
        "--status",
        "doubtful",
        "--note",
        "与审计报告不符",
        "--reviewer",
        "张三",
        "--date",
        "2026-11-30",
    ]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = innocheck(&[
        "review",
        "add",
        f,
        "--criterion",
        "hnte.2016.score.net_asset_growth",
        "--status",
        "missing-evidence",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read(&file).expect("read"),
        before,
        "answers touched"
    );

    let (code, out, _) = innocheck(&["review", "show", f]);
    assert_eq!(code, 0);
    assert!(out.contains("答案与审阅时一致"), "{out}");
    assert!(
        out.contains("[存疑] 财务数据 › 2024 年营业收入（张三，2026-11-30）：与审计报告不符"),
        "{out}"
    );
    assert!(out.contains("[缺材料] 高新技术企业"), "{out}");

    // The answers change after the review.
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(
        &file,
        text.replacen("revenue: Some(45200.0)", "revenue: Some(45300.0)", 1),
    )
    .expect("write");
    let (_, out, _) = innocheck(&["review", "show", f]);
    assert!(
        out.contains("审阅后答案已修改：1 项 — 财务数据 › 2024 年营业收入"),
        "{out}"
    );
    let (code, out, _) = innocheck(&["evaluate", f, "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["review"]["answers_changed"], true);
    assert_eq!(v["review"]["changed_fields"][0]["id"], "years.2024.revenue");
    assert_eq!(v["review"]["notes"][1]["status"], "missing_evidence");
    assert_eq!(v["format"], "innocheck.evaluation/1", "fields only added");

    // A criterion that is not evaluated is refused; nothing is written.
    let saved = std::fs::read(review_path(&file)).expect("review");
    let (code, _, err) = innocheck(&[
        "review",
        "add",
        f,
        "--criterion",
        "nope",
        "--status",
        "confirmed",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("nope"), "{err}");
    assert_eq!(std::fs::read(review_path(&file)).expect("review"), saved);
}

#[test]
fn a_damaged_review_is_said_but_does_not_stop_the_evaluation() {
    let dir = tempfile::tempdir().expect("dir");
    let file = copy_sample(dir.path());
    let f = file.to_str().expect("utf-8");
    std::fs::write(review_path(&file), "(format_version: 1, answers_sha256: ").expect("write");
    let (code, out, err) = innocheck(&["evaluate", f]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("公司 A.review.ron"), "{err}");
    assert!(!out.contains("审阅意见"), "{out}");
    let (code, _, err) = innocheck(&["review", "show", f]);
    assert_eq!(code, 2);
    assert!(err.contains("公司 A.review.ron"), "{err}");
}

#[test]
fn the_portfolio_skips_reviews_and_says_each_files_review_status() {
    let dir = tempfile::tempdir().expect("dir");
    let file = copy_sample(dir.path());
    let f = file.to_str().expect("utf-8");
    let other = dir.path().join("公司 B.ron");
    std::fs::copy(&file, &other).expect("copy");
    let (code, _, err) = innocheck(&[
        "review",
        "add",
        f,
        "--field",
        "years.2024.revenue",
        "--status",
        "confirmed",
    ]);
    assert_eq!(code, 0, "{err}");
    let d = dir.path().to_str().expect("utf-8");
    let (code, out, err) = innocheck(&["portfolio", d, "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let rows = v.as_array().expect("array");
    assert_eq!(rows.len(), 2, "the review is not a company: {out}");
    let status: Vec<(&str, u64)> = rows
        .iter()
        .map(|r| {
            (
                r["review"]["status"].as_str().unwrap_or(""),
                r["review"]["notes"].as_u64().unwrap_or(99),
            )
        })
        .collect();
    assert_eq!(status, [("current", 1), ("none", 0)]);
    assert_eq!(rows[0]["city"], "南昌");
    assert!(rows[0]["missing_inputs"].as_u64().is_some());
    let (_, text, _) = innocheck(&["portfolio", d]);
    assert!(
        text.contains("已审阅（1 条意见）") && text.contains("未审阅"),
        "{text}"
    );
}

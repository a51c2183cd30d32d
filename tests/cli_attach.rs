//! `innocheck attach` run as a consultant scripts it: attach, list (text and
//! JSON), status after the file changes, remove; refusals name the file and
//! the reason and leave the assessment untouched; `evaluate` reports the
//! readiness of the proof.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// A criterion of the bundled sample with one evidence item.
const ONE_ITEM: &str = "tc.jx.miit.2020.revenue";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_in(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_innocheck"))
        .args(args)
        .current_dir(dir)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("the innocheck binary runs");
    Run {
        code: out.status.code().expect("exited normally"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8"),
    }
}

/// A folder holding the sample as `公司.ron` and a scan in `扫描件/`.
fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::copy(
        root.join("assets/samples/hongdu-precision.ron"),
        dir.path().join("公司.ron"),
    )
    .expect("copy sample");
    fs::create_dir(dir.path().join("扫描件")).expect("mkdir");
    let scan = dir.path().join("扫描件/审计报告 2024.pdf");
    fs::copy(root.join("tests/fixtures/evidence/three-pages.pdf"), &scan).expect("copy scan");
    (dir, scan)
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn tier<'a>(v: &'a Value, id: &str) -> &'a Value {
    v["tiers"]
        .as_array()
        .expect("tiers")
        .iter()
        .find(|t| t["id"] == id || t["tier"] == id)
        .unwrap_or_else(|| panic!("no tier {id}"))
}

#[test]
fn attach_list_change_and_remove() {
    let (dir, scan) = workspace();
    let d = dir.path();
    let before = run_in(d, &["evaluate", "公司.ron", "--format", "json"]);
    assert_eq!(before.code, 0, "{}", before.stderr);
    let v = json(&before.stdout);
    let total = tier(&v, "tc.jx.miit.2020")["evidence"]["total"]
        .as_u64()
        .expect("total");
    assert_eq!(tier(&v, "tc.jx.miit.2020")["evidence"]["attached"], 0);
    assert!(total > 1);

    let r = run_in(
        d,
        &[
            "attach",
            "公司.ron",
            "--criterion",
            ONE_ITEM,
            "扫描件/审计报告 2024.pdf",
            "--note",
            "盖章版",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("扫描件/审计报告 2024.pdf"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("3 页"), "{}", r.stdout);
    assert!(
        !r.stdout.contains(ONE_ITEM),
        "no ids in Chinese: {}",
        r.stdout
    );
    assert!(d.join("公司.ron.bak").exists(), "saved with a backup");
    let saved = fs::read_to_string(d.join("公司.ron")).expect("saved");
    assert!(saved.contains("format_version: 4,"));
    assert!(
        saved.contains("path: \"扫描件/审计报告 2024.pdf\""),
        "{saved}"
    );
    assert!(saved.contains("note: \"盖章版\""));

    // Listed as attached, in text and JSON; the tier counts it.
    let r = run_in(d, &["attach", "公司.ron", "--list"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("[已附] 扫描件/审计报告 2024.pdf"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(&format!("材料齐全度 1 / {total}")),
        "{}",
        r.stdout
    );
    let v = json(&run_in(d, &["attach", "公司.ron", "--list", "--format", "json"]).stdout);
    assert_eq!(v["attachments"][0]["status"], "attached");
    assert_eq!(v["attachments"][0]["criterion"], ONE_ITEM);
    assert_eq!(v["attachments"][0]["pages"], 3);
    assert_eq!(tier(&v, "tc.jx.miit.2020")["attached"], 1);

    // evaluate: the figure per tier, the documents still to attach under the next tier.
    let r = run_in(d, &["evaluate", "公司.ron"]);
    assert!(
        r.stdout.contains(&format!("材料齐全度 1 / {total}")),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("待附材料："), "{}", r.stdout);
    let v = json(&run_in(d, &["evaluate", "公司.ron", "--format", "json"]).stdout);
    assert_eq!(tier(&v, "tc.jx.miit.2020")["evidence"]["attached"], 1);
    let next = &v["next_tier_gaps"][0]["next"][0];
    assert!(
        next["evidence_missing"]
            .as_array()
            .is_some_and(|m| !m.is_empty()),
        "{next}"
    );

    // The scan is edited: the hash tells, and the tier no longer counts it.
    let mut bytes = fs::read(&scan).expect("read");
    bytes.extend_from_slice(b"\n% edited\n");
    fs::write(&scan, &bytes).expect("write");
    let r = run_in(d, &["attach", "公司.ron", "--list"]);
    assert!(r.stdout.contains("[文件已变更]"), "{}", r.stdout);
    assert!(r.stdout.contains(&format!("材料齐全度 0 / {total}")));
    // Removed from disk: not found.
    fs::remove_file(&scan).expect("rm");
    let r = run_in(d, &["--lang", "en", "attach", "公司.ron", "--list"]);
    assert!(r.stdout.contains("[file not found]"), "{}", r.stdout);

    // Detached by path, then nothing left to detach.
    let r = run_in(
        d,
        &[
            "attach",
            "公司.ron",
            "--remove",
            ONE_ITEM,
            "扫描件/审计报告 2024.pdf",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("已移除 1 个附件"), "{}", r.stdout);
    let saved = fs::read_to_string(d.join("公司.ron")).expect("saved");
    assert!(!saved.contains("attachments"), "{saved}");
    let r = run_in(d, &["attach", "公司.ron", "--remove", ONE_ITEM]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("没有附任何文件"), "{}", r.stderr);
}

#[test]
fn refusals_name_the_file_and_leave_the_assessment_untouched() {
    let (dir, _) = workspace();
    let d = dir.path();
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/evidence/encrypted.pdf"),
        d.join("加密.pdf"),
    )
    .expect("copy");
    fs::write(d.join("坏.pdf"), b"%PDF-1.7\n1 0 obj << /Type").expect("write");
    let original = fs::read(d.join("公司.ron")).expect("read");
    for (file, why) in [
        ("不存在.pdf", "文件不存在"),
        ("扫描件", "文件夹"),
        ("加密.pdf", "加密"),
        ("坏.pdf", "损坏"),
    ] {
        // A good file first: nothing is saved when one of the files fails.
        let r = run_in(
            d,
            &[
                "attach",
                "公司.ron",
                "--criterion",
                ONE_ITEM,
                "扫描件/审计报告 2024.pdf",
                file,
            ],
        );
        assert_eq!(r.code, 2, "{file}: {}", r.stdout);
        assert!(
            r.stderr.contains(why) && r.stderr.contains(file),
            "{file}: {}",
            r.stderr
        );
        assert_eq!(fs::read(d.join("公司.ron")).expect("read"), original);
        assert!(!d.join("公司.ron.bak").exists());
    }
    // An unknown criterion; a criterion with several items and no --item.
    let r = run_in(
        d,
        &["attach", "公司.ron", "--criterion", "no.such", "扫描件"],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("没有这一条件"), "{}", r.stderr);
    let several = json(&run_in(d, &["evaluate", "公司.ron", "--format", "json"]).stdout)["tiers"]
        .as_array()
        .expect("tiers")
        .iter()
        .flat_map(|t| t["criteria"].as_array().expect("criteria").clone())
        .map(|c| c["id"].as_str().expect("id").to_string())
        .find(|id| {
            // A missing file: a criterion with one item refuses it, saving nothing.
            let r = run_in(d, &["attach", "公司.ron", "--criterion", id, "不存在.pdf"]);
            r.code == 2 && r.stderr.contains("--item")
        })
        .expect("a criterion with several evidence items");
    let r = run_in(
        d,
        &[
            "attach",
            "公司.ron",
            "--criterion",
            &several,
            "x.pdf",
            "--item",
            "99",
        ],
    );
    assert!(r.stderr.contains("没有第 99 项材料"), "{}", r.stderr);
    assert!(
        r.stderr.contains("  1. "),
        "the items are listed: {}",
        r.stderr
    );
    assert_eq!(fs::read(d.join("公司.ron")).expect("read"), original);
}

/// The printed checklist ticks the document attached and counts it; the
/// next steps list what is still to attach. Text checks need `pdftotext`.
#[test]
fn the_printed_checklist_ticks_what_is_attached() {
    let (dir, _) = workspace();
    let d = dir.path();
    let r = run_in(
        d,
        &[
            "attach",
            "公司.ron",
            "--criterion",
            ONE_ITEM,
            "扫描件/审计报告 2024.pdf",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run_in(d, &["report", "公司.ron", "-o", "摘要.pdf"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let Ok(out) = Command::new("pdftotext")
        .args(["-layout", "摘要.pdf", "-"])
        .current_dir(d)
        .output()
    else {
        eprintln!("note: pdftotext is not installed (poppler-utils); text checks skipped");
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let ticked: Vec<&str> = text
        .lines()
        .filter(|l| l.trim_start().starts_with('✓') && l.contains("（已附）"))
        .collect();
    assert_eq!(ticked.len(), 1, "{text}");
    assert!(ticked[0].contains("上年度审计报告"), "{}", ticked[0]);
    assert!(text.contains("材料齐全度 1 / "), "{text}");
    assert!(text.contains("待附材料："), "{text}");
}

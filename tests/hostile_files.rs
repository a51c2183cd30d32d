//! Files a hostile (or unlucky) user can hand innocheck: FIFOs, devices and
//! endless inputs must give an error naming the path, never hang or exhaust
//! memory; outputs must never replace an assessment (damaged or not), one of
//! the command's inputs, or anything but a regular file. Saves use unique
//! temporary names and clean up stale ones.
//!
//! Every wait on the program runs under a timeout inside the test.

use std::fs;
use std::path::Path;
#[cfg(unix)]
use std::path::PathBuf;
use std::process::{Command, Stdio};
#[cfg(unix)]
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime};

use innocheck::model::Assessment;
use innocheck::storage::{self, StorageError, backup_path};

/// Longest any single operation here may take before the test fails.
const TIMEOUT: Duration = Duration::from_secs(20);

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn sample_text() -> String {
    fs::read_to_string(root().join("assets/samples/hongdu-precision.ron")).expect("sample")
}

fn sample() -> Assessment {
    storage::load(&root().join("assets/samples/hongdu-precision.ron"))
        .expect("sample loads")
        .assessment
}

/// Runs `f` on another thread and fails the test if it does not finish in time.
#[cfg(unix)]
#[track_caller]
fn within<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(TIMEOUT) {
        Ok(v) => v,
        Err(mpsc::RecvTimeoutError::Timeout | mpsc::RecvTimeoutError::Disconnected) => {
            panic!("{what}: did not finish within {TIMEOUT:?} (blocked?)")
        }
    }
}

/// What a run of the binary produced.
struct Run {
    code: i32,
    /// Standard error, then standard output (portfolio lists failures in its table).
    stderr: String,
}

/// Runs the real binary with a timeout; kills it and fails when it hangs.
fn run(dir: &Path, args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_innocheck"))
        .args(args)
        .current_dir(dir)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the innocheck binary runs");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            let out = child.wait_with_output().expect("output");
            return Run {
                code: status.code().expect("exited normally (no signal)"),
                stderr: String::from_utf8_lossy(&out.stderr).into_owned()
                    + &String::from_utf8_lossy(&out.stdout),
            };
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("innocheck {args:?} hung for {TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn temps(dir: &Path) -> Vec<String> {
    names(dir)
        .into_iter()
        .filter(|n| n.starts_with('.') && Path::new(n).extension().is_some_and(|x| x == "tmp"))
        .collect()
}

/// Damaged copies of an assessment, each somebody's only copy: `(what, bytes)`.
fn damaged_assessments() -> Vec<(&'static str, Vec<u8>)> {
    let text = sample_text();
    let (gbk_head, _) = text.split_at(text.find("format_version").expect("envelope") + 40);
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16_no_bom: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    // GBK: the ASCII structure stays, the Chinese bytes are not UTF-8.
    let gbk: Vec<u8> = gbk_head
        .bytes()
        .map(|b| if b >= 0x80 { 0xB9 } else { b })
        .chain(
            b"\n    assessment: ( company: ( name: \"\xBD\xAD\xCE\xF7\" "
                .iter()
                .copied(),
        )
        .collect();
    let missing_comma = text.replacen("format_version: 2,", "format_version: 2", 1);
    vec![
        ("missing comma", missing_comma.into_bytes()),
        ("truncated", text.as_bytes()[..text.len() / 2].to_vec()),
        (
            "cut inside the header comment",
            text.as_bytes()[..200].to_vec(),
        ),
        ("UTF-16 with BOM", utf16),
        ("UTF-16 without BOM", utf16_no_bom),
        ("GBK", gbk),
        (
            "newer format",
            b"(format_version: 9, assessment: ())".to_vec(),
        ),
    ]
}

// ───────────────────────────── inputs ─────────────────────────────

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs")
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn a_fifo_as_the_assessment_is_an_error_not_a_hang() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("company.ron");
    mkfifo(&fifo);
    let p = fifo.clone();
    let err = within("load a FIFO", move || storage::load(&p)).expect_err("a FIFO is refused");
    assert!(
        matches!(&err, StorageError::NotRegular { kind, .. } if kind.contains("FIFO")),
        "{err:?}"
    );
    assert!(
        err.to_string().contains(&fifo.display().to_string()),
        "{err}"
    );

    let f = fifo.to_str().expect("utf-8");
    for args in [
        vec!["evaluate", f],
        vec!["validate", f],
        vec!["report", f, "-o", "out.pdf"],
        vec!["export", f, "-o", "out.xlsx"],
        vec![f],
        vec!["portfolio", dir.path().to_str().expect("utf-8")],
    ] {
        let r = run(dir.path(), &args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains("company.ron"), "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains("FIFO"), "{args:?}: {}", r.stderr);
    }
    assert!(!dir.path().join("out.pdf").exists());
}

#[cfg(target_os = "linux")]
#[test]
fn dev_zero_is_refused_directly_and_through_a_ron_link() {
    let dir = tempfile::tempdir().expect("temp dir");
    let link = dir.path().join("zero.ron");
    std::os::unix::fs::symlink("/dev/zero", &link).expect("symlink");
    for p in [PathBuf::from("/dev/zero"), link.clone()] {
        let q = p.clone();
        let err = within("read /dev/zero", move || storage::read(&q)).expect_err("refused");
        assert!(
            matches!(&err, StorageError::NotRegular { kind, .. } if kind.contains("device")),
            "{}: {err:?}",
            p.display()
        );
        assert!(err.to_string().contains(&p.display().to_string()), "{err}");
    }
    let r = run(dir.path(), &["evaluate", "zero.ron"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("zero.ron") && r.stderr.contains("device"),
        "{}",
        r.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_or_device_in_the_rules_folder_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let rules = dir.path().join("rules");
    fs::create_dir(&rules).expect("mkdir");
    let fifo = rules.join("a-pipe.ron");
    mkfifo(&fifo);
    let r2 = rules.clone();
    let err = within("rules folder with a FIFO", move || {
        innocheck::rules::Registry::with_dir(&r2)
    })
    .expect_err("refused");
    let shown = err.to_string();
    assert!(
        shown.contains(&fifo.display().to_string()) && shown.contains("FIFO"),
        "{shown}"
    );
    let r = run(dir.path(), &["--rules", "rules", "rules", "list"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("a-pipe.ron"), "{}", r.stderr);

    fs::remove_file(&fifo).expect("rm");
    #[cfg(target_os = "linux")]
    {
        std::os::unix::fs::symlink("/dev/zero", rules.join("zero.ron")).expect("symlink");
        let r = run(dir.path(), &["--rules", "rules", "rules", "list"]);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(
            r.stderr.contains("zero.ron") && r.stderr.contains("device"),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn a_folder_of_rules_with_a_sub_folder_named_ron_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir(dir.path().join("odd.ron")).expect("mkdir");
    let err = innocheck::rules::Registry::with_dir(dir.path()).expect_err("refused");
    assert!(err.to_string().contains("odd.ron"), "{err}");
}

// ───────────────────────────── outputs ─────────────────────────────

#[test]
fn exports_never_replace_a_damaged_assessment() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("company.ron");
    fs::write(&input, sample_text()).expect("write");
    for (what, bytes) in damaged_assessments() {
        // A name that says nothing: only the content tells.
        for name in ["copy.dat", "copy.ron", "copy.RON.bak", "copy.pdf"] {
            let out = dir.path().join(name);
            fs::write(&out, &bytes).expect("write damaged");
            let err = storage::save_export(&out, b"%PDF-1.7 fake").expect_err(what);
            assert!(
                matches!(err, StorageError::ExportOverAssessment { .. }),
                "{what} as {name}: {err:?}"
            );
            // The real binary, for one of the names.
            if name == "copy.dat" {
                for cmd in ["report", "export"] {
                    let r = run(dir.path(), &[cmd, "company.ron", "-o", name]);
                    assert_eq!(r.code, 2, "{cmd} over {what} as {name}: {}", r.stderr);
                    assert!(r.stderr.contains("评价文件"), "{}", r.stderr);
                }
            }
            assert_eq!(
                fs::read(&out).expect("still there"),
                bytes,
                "{what} as {name}"
            );
            fs::remove_file(&out).expect("rm");
        }
    }
    // Over an earlier export, the same command works.
    let r = run(dir.path(), &["export", "company.ron", "-o", "answers.xlsx"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run(dir.path(), &["export", "company.ron", "-o", "answers.xlsx"]);
    assert_eq!(r.code, 0, "replacing an earlier export: {}", r.stderr);
    assert!(temps(dir.path()).is_empty(), "{:?}", names(dir.path()));
}

#[test]
fn exports_never_replace_one_of_their_inputs_however_it_is_spelt() {
    let dir = tempfile::tempdir().expect("temp dir");
    // An input that does not look like an assessment: only its identity tells.
    let input = dir.path().join("notes.txt");
    fs::write(&input, "plain notes").expect("write");
    let sub = dir.path().join("sub");
    fs::create_dir(&sub).expect("mkdir");
    let mut spellings = vec![sub.join("..").join("notes.txt")];
    let hard = dir.path().join("hard-link.pdf");
    fs::hard_link(&input, &hard).expect("hard link");
    #[cfg(unix)]
    {
        let soft = dir.path().join("soft-link.pdf");
        std::os::unix::fs::symlink(&input, &soft).expect("symlink");
        spellings.push(soft);
    }
    // Hard links are the same file by device and inode on Unix only.
    if cfg!(unix) {
        spellings.push(hard);
    }
    for out in spellings {
        let err =
            storage::save_export_excluding(&out, b"%PDF", &[input.as_path()]).expect_err("refused");
        assert!(
            matches!(&err, StorageError::OutputIsInput { input: i, .. } if *i == input.display().to_string()),
            "{}: {err:?}",
            out.display()
        );
        assert!(
            err.to_string().contains(&out.display().to_string()),
            "{err}"
        );
    }
    assert_eq!(fs::read_to_string(&input).expect("read"), "plain notes");
    // Another file is fine.
    storage::save_export_excluding(&dir.path().join("other.pdf"), b"%PDF", &[input.as_path()])
        .expect("a new file");
}

#[cfg(unix)]
#[test]
fn exports_and_saves_never_write_over_a_fifo_socket_device_or_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("company.ron"), sample_text()).expect("write");
    let fifo = dir.path().join("pipe.pdf");
    mkfifo(&fifo);
    let sock = dir.path().join("socket.pdf");
    let _listener = std::os::unix::net::UnixListener::bind(&sock).expect("socket");
    let folder = dir.path().join("folder.pdf");
    fs::create_dir(&folder).expect("mkdir");
    let mut targets = vec![
        ("pipe.pdf", "FIFO"),
        ("socket.pdf", "socket"),
        ("folder.pdf", "folder"),
    ];
    // Devices through links inside the test folder (the devices stay out of reach
    // even if a check were missing: the rename would replace the link).
    #[cfg(target_os = "linux")]
    for dev in ["null", "full"] {
        std::os::unix::fs::symlink(format!("/dev/{dev}"), dir.path().join(format!("{dev}.pdf")))
            .expect("symlink");
        targets.push(if dev == "null" {
            ("null.pdf", "device")
        } else {
            ("full.pdf", "device")
        });
    }
    for (name, kind) in targets {
        let out = dir.path().join(name);
        let o = out.clone();
        let err = within("export over a special file", move || {
            storage::save_export(&o, b"%PDF")
        })
        .expect_err(name);
        assert!(
            matches!(&err, StorageError::NotRegular { kind: k, .. } if k.contains(kind)),
            "{name}: {err:?}"
        );
        let o = out.clone();
        let err = within("save over a special file", move || {
            storage::save(&Assessment::default(), &o)
        })
        .expect_err(name);
        assert!(
            matches!(&err, StorageError::NotRegular { kind: k, .. } if k.contains(kind))
                || (kind == "folder" && matches!(err, StorageError::NotAFile { .. })),
            "{name}: {err:?}"
        );
        for cmd in ["report", "export"] {
            let r = run(dir.path(), &[cmd, "company.ron", "-o", name]);
            assert_eq!(r.code, 2, "{cmd} -o {name}: {}", r.stderr);
            assert!(r.stderr.contains(kind), "{cmd} -o {name}: {}", r.stderr);
        }
    }
    let meta = fs::symlink_metadata(&fifo).expect("fifo still there");
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(&meta.file_type()));
    assert!(folder.is_dir());
    assert!(temps(dir.path()).is_empty(), "{:?}", names(dir.path()));
}

#[cfg(target_os = "linux")]
#[test]
fn the_real_dev_null_is_refused_as_an_output() {
    // Only the check runs here: it must refuse before anything is written.
    let err = storage::save_export(Path::new("/dev/null"), b"%PDF").expect_err("refused");
    assert!(matches!(err, StorageError::NotRegular { .. }), "{err:?}");
    assert!(err.to_string().contains("/dev/null"), "{err}");
}

// ───────────────────────────── saves ─────────────────────────────

#[test]
fn stale_temporary_files_never_stop_a_save_and_old_ones_are_removed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("company.ron");
    let a = sample();
    storage::save(&a, &path).expect("first save");
    let two_days_ago = SystemTime::now() - Duration::from_hours(48);
    let make = |name: &str, old: bool| {
        let p = dir.path().join(name);
        fs::write(&p, "half a save").expect("write temp");
        if old {
            fs::File::options()
                .write(true)
                .open(&p)
                .and_then(|f| f.set_modified(two_days_ago))
                .expect("age");
        }
        p
    };
    // Names an older innocheck used (the process id, this one's included), and
    // names this one uses; old and fresh.
    let pid = std::process::id();
    let old_legacy = make(&format!(".company.ron.{pid}.tmp"), true);
    let old_random = make(".company.ron.0123456789abcdef.tmp", true);
    let fresh = make(".company.ron.fedcba9876543210.tmp", false);
    // Not ours, or not this target's: kept whatever their age.
    let other_target = make(".other.ron.0123456789abcdef.tmp", true);
    let not_ours = make(".company.ron.notes.tmp", true);

    let mut b = a.clone();
    b.company.name = "换了名字的公司".into();
    storage::save(&b, &path).expect("save despite stale temps");
    assert_eq!(storage::load(&path).expect("load").assessment, b);
    assert_eq!(
        storage::load(&backup_path(&path))
            .expect("backup")
            .assessment,
        a
    );
    assert!(
        !old_legacy.exists() && !old_random.exists(),
        "{:?}",
        names(dir.path())
    );
    assert!(
        fresh.exists(),
        "a fresh temp may belong to a save under way"
    );
    assert!(other_target.exists() && not_ours.exists());
    // Exports clean up the same way.
    let out = dir.path().join("summary.pdf");
    let old_export = make(".summary.pdf.00000000000000aa.tmp", true);
    storage::save_export(&out, b"%PDF").expect("export");
    assert!(!old_export.exists());
}

#[test]
fn the_backup_is_always_a_whole_file_and_permissions_are_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("company.ron");
    let bak = backup_path(&path);
    let mut a = sample();
    storage::save(&a, &path).expect("save");
    for i in 0..5 {
        let before = fs::read(&path).expect("read");
        a.company.name = format!("第 {i} 版");
        storage::save(&a, &path).expect("save");
        assert_eq!(fs::read(&bak).expect("backup"), before, "save {i}");
        assert!(temps(dir.path()).is_empty(), "{:?}", names(dir.path()));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).expect("chmod");
        storage::save(&a, &path).expect("save");
        let mode = fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "a save must not widen who can read the file");
    }
    // A backup name taken by a folder: the save stops before touching anything.
    fs::remove_file(&bak).expect("rm");
    fs::create_dir(&bak).expect("mkdir");
    let before = fs::read(&path).expect("read");
    let err = storage::save(&Assessment::default(), &path).expect_err("refused");
    assert!(
        matches!(&err, StorageError::NotRegular { file, .. } if Path::new(file).extension().is_some_and(|x| x == "bak")),
        "{err:?}"
    );
    assert_eq!(fs::read(&path).expect("read"), before);
    assert!(temps(dir.path()).is_empty(), "{:?}", names(dir.path()));
}

#[cfg(unix)]
#[test]
fn saving_through_a_symbolic_link_updates_the_document_and_keeps_the_link() {
    let dir = tempfile::tempdir().expect("temp dir");
    let real = dir.path().join("real.ron");
    let link = dir.path().join("link.ron");
    let a = sample();
    storage::save(&a, &real).expect("save");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    let mut b = a.clone();
    b.company.name = "经由链接保存".into();
    storage::save(&b, &link).expect("save through the link");
    assert!(
        fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert_eq!(storage::load(&real).expect("load").assessment, b);
    assert_eq!(
        storage::load(&backup_path(&real))
            .expect("backup")
            .assessment,
        a
    );
}

//! Embeds every bundled rule pack (`assets/rules/*.ron`) and sample
//! (`assets/samples/*.ron`) so that adding a file needs no code change; for a
//! Windows target, also gives the exe its icon and version resource.

use std::fmt::Write as _;
use std::path::Path;

fn embed(dir: &str, out_name: &str) {
    println!("cargo:rerun-if-changed={dir}");
    let root = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let mut names: Vec<String> = std::fs::read_dir(Path::new(&root).join(dir))
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| {
                    std::path::Path::new(n)
                        .extension()
                        .is_some_and(|x| x.eq_ignore_ascii_case("ron"))
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code = String::from("&[\n");
    for n in &names {
        println!("cargo:rerun-if-changed={dir}/{n}");
        let path = Path::new(&root).join(dir).join(n);
        let _ = writeln!(
            code,
            "    ({n:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    code.push(']');
    let out = std::env::var("OUT_DIR").unwrap_or_default();
    if let Err(e) = std::fs::write(Path::new(&out).join(out_name), code) {
        panic!("cannot write {out_name}: {e}");
    }
}

/// The Windows exe's icon (Explorer, task bar, shortcuts) and version
/// resource (Properties → Details, Task Manager), through `winresource`.
/// Nothing for other targets: the build script runs on the build machine,
/// so the target is read from cargo's environment, not from `cfg!`.
fn windows_resources() {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let icon = "assets/icon/innocheck.ico";
    println!("cargo:rerun-if-changed={icon}");
    let mut res = winresource::WindowsResource::new();
    res.set_icon(icon)
        .set("ProductName", "innocheck")
        .set(
            "FileDescription",
            "innocheck 企业技术中心与优质中小企业梯度培育自评工具",
        )
        .set("InternalName", "innocheck")
        .set("OriginalFilename", "innocheck.exe")
        .set("LegalCopyright", "MIT License")
        // Chinese (Simplified, PRC).
        .set_language(0x0804);
    if let Err(e) = res.compile() {
        panic!(
            "cannot embed the icon and version resource (is mingw-w64's windres installed?): {e}"
        );
    }
}

fn main() {
    embed("assets/rules", "bundled_rules.rs");
    embed("assets/samples", "bundled_samples.rs");
    windows_resources();
}

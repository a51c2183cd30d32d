//! `innocheck [FILE]` opens an assessment in the window; `innocheck
//! <subcommand>` runs headless. This file only launches: the window
//! (`innocheck::gui`) and the command line (`innocheck::cli`) are two shells
//! over the same core and never call each other.
//!
//! On Windows a release build with the window is a GUI-subsystem program:
//! double-clicking it opens the window with no console behind it. Typed in
//! cmd or PowerShell, it attaches to that console first, so the headless
//! commands print there (see `console.rs`).
#![cfg_attr(
    all(windows, feature = "gui", not(debug_assertions)),
    windows_subsystem = "windows"
)]

#[cfg(windows)]
mod console;

use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;
use innocheck::cli::{self, Cli};

fn main() -> ExitCode {
    #[cfg(windows)]
    console::attach_to_parent();
    let cli = Cli::parse();
    let result = match &cli.command {
        None => open(&cli),
        #[cfg(feature = "gui")]
        Some(cli::Command::Review {
            action: cli::ReviewAction::Open { file },
        }) if window::has_display() => window::review(&cli, file),
        Some(_) => cli::run(&cli),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("innocheck: {}", cli::error_text(&e, cli.lang()));
            ExitCode::from(2)
        }
    }
}

/// No subcommand: the window where there is a display (or a screenshot is
/// asked for), else the text evaluation of the file.
fn open(cli: &Cli) -> Result<ExitCode> {
    #[cfg(feature = "gui")]
    {
        if cli.screenshot.is_some() || window::has_display() {
            return window::run(cli);
        }
        eprintln!(
            "innocheck: {}",
            cli.lang().pick(
                "没有可用的图形显示（DISPLAY / WAYLAND_DISPLAY 未设置），以下为文字版评价结果。",
                "no graphical display (DISPLAY / WAYLAND_DISPLAY unset); showing the text evaluation instead."
            )
        );
    }
    cli::run(cli)
}

#[cfg(feature = "gui")]
mod window {
    use std::process::ExitCode;

    use anyhow::{Context, Result, bail};
    use innocheck::cli::Cli;
    use innocheck::gui::{Launch, pages::Page, screenshot::Spec};
    use innocheck::i18n::Lang;

    /// Whether a graphical display is available (X11 or Wayland on Unix).
    pub fn has_display() -> bool {
        if cfg!(any(target_os = "windows", target_os = "macos")) {
            return true;
        }
        ["DISPLAY", "WAYLAND_DISPLAY"]
            .iter()
            .any(|v| std::env::var_os(v).is_some_and(|x| !x.is_empty()))
    }

    /// Opens `file` in the window in review mode.
    pub fn review(cli: &Cli, file: &std::path::Path) -> Result<ExitCode> {
        innocheck::gui::run(Launch {
            file: Some(file.to_path_buf()),
            lang: cli.lang.map(Lang::from),
            rules_dir: cli.rules.clone(),
            screenshot: None,
            review: true,
        })?;
        Ok(ExitCode::SUCCESS)
    }

    /// Opens the window (or renders one page of it for `--screenshot`).
    pub fn run(cli: &Cli) -> Result<ExitCode> {
        let screenshot = match &cli.screenshot {
            None => None,
            Some(out) => {
                // The command line offers the window's page slugs only.
                let page = Page::from_slug(&cli.page)
                    .with_context(|| format!("unknown --page {:?}", cli.page))?;
                if out.exists() {
                    std::fs::remove_file(out)
                        .with_context(|| format!("cannot replace {}", out.display()))?;
                }
                Some(Spec {
                    out: out.clone(),
                    page,
                    width: cli.size.width,
                    height: cli.size.height,
                })
            }
        };
        if screenshot.is_some() && !has_display() {
            bail!(
                "--screenshot needs a display: none is available (DISPLAY / WAYLAND_DISPLAY unset); run it under xvfb-run"
            );
        }
        let out = screenshot.as_ref().map(|s| s.out.clone());
        innocheck::gui::run(Launch {
            file: cli.file.clone(),
            lang: cli.lang.map(Lang::from),
            rules_dir: cli.rules.clone(),
            screenshot,
            review: false,
        })?;
        if let Some(out) = out {
            if !out.exists() {
                bail!(
                    "the window closed before the screenshot was written: {}",
                    out.display()
                );
            }
            eprintln!("innocheck: wrote {}", out.display());
        }
        Ok(ExitCode::SUCCESS)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn the_command_line_offers_exactly_the_window_pages() {
            let pages: Vec<&str> = Page::WITH_WELCOME.iter().map(|p| p.slug()).collect();
            assert_eq!(pages, innocheck::cli::SCREENSHOT_PAGES.to_vec());
        }
    }
}

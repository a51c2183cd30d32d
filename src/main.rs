//! `innocheck [FILE]` opens an assessment; `innocheck <subcommand>` runs headless.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = innocheck::cli::Cli::parse();
    match innocheck::cli::run(&cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("innocheck: {e:#}");
            ExitCode::from(2)
        }
    }
}

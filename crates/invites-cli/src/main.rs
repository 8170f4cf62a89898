//! `invites`: manage organization invitations from a terminal or a script, on the Rust SDK.
//!
//! Exit codes: 0 success, 1 an API error, 2 bad usage or configuration, 3 the server could not be
//! reached. Every error is one line on stderr:
//! `error: <type>: <message> (param: <p>) [request <req_…>]`.

mod cli;
mod commands;
mod config;
mod error;
mod output;

use clap::Parser;

use crate::cli::Cli;
use crate::error::{CliError, EXIT_API};

fn main() {
    install_panic_hook();
    // Help and --version exit 0; a usage mistake prints clap's message and exits 2.
    let cli = Cli::try_parse().unwrap_or_else(|e| e.exit());
    let format = cli.global.output.unwrap_or_else(commands::default_format);
    let result = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Usage {
            kind: "io",
            message: format!("cannot start the async runtime: {e}"),
            param: None,
        })
        .and_then(|rt| rt.block_on(commands::run(cli, format)));
    if let Err(e) = result {
        eprintln!("{}", e.line());
        std::process::exit(e.exit_code());
    }
}

/// A last resort: a bug that panics still prints one line, never a backtrace, and exits 1.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let what = what.split_whitespace().collect::<Vec<_>>().join(" ");
        eprintln!("error: internal: the invites CLI hit a bug: {what}{at}");
        std::process::exit(EXIT_API);
    }));
}

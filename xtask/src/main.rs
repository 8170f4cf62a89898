//! Project automation, run as `cargo xtask <command>`.
//!
//! - `regen [--check]`: generate the Rust client from `spec/invites.yaml` with progenitor.
//! - `test`: the one test command (format, lint, regen check, spec validation, every suite).
//! - `demo`: start a server on a temporary SQLite file and walk through the SDK.
//! - `dist`: the release artifacts users install (wheel, sdist, npm tarballs, server archive).

mod bench;
mod demo;
mod dist;
mod regen;
mod test;

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "cargo xtask", about = "Invites project automation")]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Generate `crates/invites-sdk/src/generated.rs` from `spec/invites.yaml`.
    Regen {
        /// Do not write; fail and name the stale file if it differs from what would be generated.
        #[arg(long)]
        check: bool,
    },
    /// Run every check and test suite (what CI runs).
    Test,
    /// Benchmarks against named peers; prints a table and writes docs/benchmarks.md.
    Bench {
        /// Only the PostgreSQL server rows against pgbench (needs `INVITES_TEST_DATABASE_URL`);
        /// prints the table and leaves docs/benchmarks.md alone.
        #[arg(long, conflicts_with = "sqlite_only")]
        postgres_only: bool,
        /// Only the SQLite server rows against the axum hello-world; prints the table and leaves
        /// docs/benchmarks.md alone.
        #[arg(long)]
        sqlite_only: bool,
    },
    /// Build the artifacts users install into target/dist: the release abi3 wheel and sdist,
    /// the npm main and platform packages, the server/CLI archive and SHA256SUMS.
    Dist {
        /// Then install them with no cargo on PATH and run the demos (a step of `test`).
        #[arg(long)]
        test: bool,
    },
    /// Start a server on a temporary SQLite file and run the SDK demos against it.
    Demo {
        /// Which SDKs to demo (default: all three).
        #[arg(long, value_enum, value_delimiter = ',')]
        lang: Vec<demo::Lang>,
        /// Keep the server running afterwards, to try the console and the CLI on it.
        #[arg(long)]
        serve: bool,
    },
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Cmd::Regen { check } => regen::run(check),
        Cmd::Test => test::run(),
        Cmd::Bench {
            postgres_only,
            sqlite_only,
        } => match (postgres_only, sqlite_only) {
            (true, _) => bench::server_rows_only(bench::Only::Postgres),
            (_, true) => bench::server_rows_only(bench::Only::Sqlite),
            _ => bench::run(),
        },
        Cmd::Dist { test } => {
            dist::run()?;
            if test { dist::verify() } else { Ok(()) }
        }
        Cmd::Demo { lang, serve } => {
            let all = [demo::Lang::Rust, demo::Lang::Python, demo::Lang::Node];
            demo::run(if lang.is_empty() { &all } else { &lang }, serve)
        }
    }
}

/// The workspace root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// Run a command in the workspace root, echoing it, and fail if it fails.
pub fn run_cmd(cmd: &mut Command) -> Result<()> {
    eprintln!("$ {}", describe(cmd));
    let status = cmd
        .current_dir_if_unset(root())
        .status()
        .with_context(|| format!("could not start `{}`", describe(cmd)))?;
    if !status.success() {
        bail!("`{}` failed with {status}", describe(cmd));
    }
    Ok(())
}

fn describe(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for a in cmd.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

trait CurrentDirIfUnset {
    fn current_dir_if_unset(&mut self, dir: PathBuf) -> &mut Self;
}

impl CurrentDirIfUnset for Command {
    fn current_dir_if_unset(&mut self, dir: PathBuf) -> &mut Self {
        if self.get_current_dir().is_none() {
            self.current_dir(dir);
        }
        self
    }
}

fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

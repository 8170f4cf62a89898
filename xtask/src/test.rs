//! `cargo xtask test`: every check and suite, cheapest failures first.
//!
//! Python tooling goes into one venv (`target/venv`, or `INVITES_VENV`), npm packages into
//! `bindings/node/node_modules`; nothing is installed system-wide.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result, bail};

use crate::{cargo, dist, regen, root, run_cmd};

/// Suites with their own runners, each a script given `INVITES_SERVER_BIN` and `INVITES_VENV`.
const SUITES: &[(&str, &str)] = &[
    ("python SDK suite", "bindings/python/test.sh"),
    ("node SDK suite", "bindings/node/test.sh"),
    (
        "console browser suite",
        "crates/invites-server/console-tests/test.sh",
    ),
    (
        "schemathesis API fuzzing",
        "crates/invites-server/fuzz-api/test.sh",
    ),
];

/// Pinned maturin (PyPI), the wheel builder.
pub const MATURIN: &str = "maturin==1.16.0";

/// Pinned spec validator (PyPI).
const SPEC_VALIDATOR: &str = "openapi-spec-validator==0.8.4";

/// Pinned SMTP server (PyPI) of the server's email tests (`tests/email_delivery.rs`, through
/// `INVITES_TEST_PYTHON`).
pub const AIOSMTPD: &str = "aiosmtpd==1.4.6";

/// Pinned Standard Webhooks reference library (PyPI) that verifies every delivery in the
/// server's webhook tests (`tests/webhooks.rs`, through `INVITES_TEST_PYTHON`).
pub const STANDARDWEBHOOKS: &str = "standardwebhooks==1.1.0";

struct Steps {
    passed: Vec<String>,
    failed: Vec<String>,
}

impl Steps {
    fn run(&mut self, name: &str, f: impl FnOnce() -> Result<()>) {
        eprintln!("\n==> {name}");
        let start = Instant::now();
        match f() {
            Ok(()) => {
                eprintln!("<== {name}: ok ({:.1}s)", start.elapsed().as_secs_f64());
                self.passed.push(name.into());
            }
            Err(e) => {
                eprintln!("<== {name}: FAILED: {e:#}");
                self.failed.push(name.into());
            }
        }
    }
}

/// The venv for Python tooling, created on first use.
pub fn venv() -> Result<PathBuf> {
    let dir = std::env::var_os("INVITES_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/venv"));
    if !dir.join("bin/python").exists() {
        run_cmd(Command::new("python3").args(["-m", "venv"]).arg(&dir))?;
        run_cmd(Command::new(dir.join("bin/python")).args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--upgrade",
            "pip",
        ]))?;
    }
    Ok(dir)
}

/// `pip install` into the venv, quietly.
pub fn pip_install(venv: &Path, packages: &[&str]) -> Result<()> {
    run_cmd(
        Command::new(venv.join("bin/python"))
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .args(packages),
    )
}

/// The npm dev dependencies of a package folder, from its committed lockfile.
pub fn npm_ci(dir: &Path) -> Result<()> {
    run_cmd(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(dir),
    )
}

/// Install a Debian package when `command` is neither on `PATH` nor in `/usr/sbin` (as root, or
/// through sudo).
pub fn apt_install_if_missing(command: &str, package: &str) -> Result<()> {
    let found = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .chain(["/usr/sbin".into(), "/sbin".into()])
        .any(|d| d.join(command).is_file());
    if found {
        return Ok(());
    }
    eprintln!("{command} is missing: installing Debian's {package}");
    let root_user = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0"));
    let apt = |args: &[&str]| {
        let mut c = if root_user {
            Command::new("apt-get")
        } else {
            let mut c = Command::new("sudo");
            c.arg("apt-get");
            c
        };
        c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run_cmd(&mut c)
    };
    apt(&["update", "-qq"])?;
    apt(&["install", "-y", "-qq", "--no-install-recommends", package])
}

/// The binding crates (under `bindings/`), from `cargo metadata`. `cargo test` skips them: they
/// are cdylibs that link against Python / Node at load time, tested by those languages' runners.
fn binding_packages() -> Result<Vec<String>> {
    let out = cargo()
        .args(["metadata", "--no-deps", "--format-version", "1"])
        .current_dir(root())
        .output()
        .context("cargo metadata")?;
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout)?;
    Ok(meta["packages"]
        .as_array()
        .map(|ps| {
            ps.iter()
                .filter(|p| {
                    p["manifest_path"]
                        .as_str()
                        .is_some_and(|m| Path::new(m).starts_with(root().join("bindings")))
                })
                .filter_map(|p| p["name"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default())
}

pub fn run() -> Result<()> {
    let mut steps = Steps {
        passed: vec![],
        failed: vec![],
    };
    steps.run("cargo fmt --check", || {
        run_cmd(cargo().args(["fmt", "--all", "--check"]))
    });
    steps.run("cargo clippy -D warnings", || {
        run_cmd(cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--quiet",
            "--",
            "-D",
            "warnings",
        ]))
    });
    steps.run("regen --check", || regen::run(true));
    steps.run("spec validation (openapi-spec-validator)", || {
        let venv = venv()?;
        pip_install(&venv, &[SPEC_VALIDATOR])?;
        run_cmd(
            Command::new(venv.join("bin/openapi-spec-validator"))
                .arg(root().join(regen::rust_client::SPEC)),
        )
    });
    let server_bin = root().join("target/debug/invites-server");
    let proxy_bin = root().join("target/debug/invites-faultproxy");
    // Every target at once, so the binaries the suites spawn (cargo test builds only the bins
    // of packages that have integration tests) share one feature set with the test build.
    steps.run("cargo build --workspace --all-targets", || {
        let mut cmd = cargo();
        cmd.args(["build", "--workspace", "--all-targets", "--quiet"]);
        for b in binding_packages()? {
            cmd.args(["--exclude", &b]);
        }
        run_cmd(&mut cmd)
    });
    steps.run("cargo test --workspace", || {
        // tests/fsync.rs watches the server's fsyncs under strace; tests/pgbouncer.rs runs a
        // real PgBouncer.
        apt_install_if_missing("strace", "strace")?;
        apt_install_if_missing("pgbouncer", "pgbouncer")?;
        // tests/email_delivery.rs runs a real SMTP server (aiosmtpd) with this Python, and
        // tests/webhooks.rs a receiver that verifies with standardwebhooks.
        let venv = venv()?;
        pip_install(&venv, &[AIOSMTPD, STANDARDWEBHOOKS])?;
        let mut cmd = cargo();
        cmd.env("INVITES_TEST_PYTHON", venv.join("bin/python"));
        cmd.args(["test", "--workspace"]);
        for b in binding_packages()? {
            cmd.args(["--exclude", &b]);
        }
        run_cmd(&mut cmd)
    });
    for (suite, script) in SUITES {
        let path = root().join(script);
        if !path.exists() {
            eprintln!("\n(no {script} yet: the {suite} suite is not part of this tree)");
            continue;
        }
        steps.run(&format!("{suite} ({script})"), || {
            let venv = venv()?;
            run_cmd(
                Command::new("bash")
                    .arg(&path)
                    .env("INVITES_SERVER_BIN", &server_bin)
                    .env("INVITES_FAULTPROXY_BIN", &proxy_bin)
                    .env("INVITES_VENV", &venv),
            )
        });
    }
    steps.run(
        "cargo xtask dist (release wheel, sdist, npm tarballs, server archive)",
        dist::run,
    );
    steps.run(
        "installed packages (target/dist, no cargo on PATH: Python and Node demos)",
        dist::verify,
    );
    eprintln!();
    for f in &steps.failed {
        eprintln!("failed step: {f}");
    }
    println!(
        "xtask steps: {} passed, {} failed",
        steps.passed.len(),
        steps.failed.len()
    );
    if !steps.failed.is_empty() {
        bail!("{} step(s) failed", steps.failed.len());
    }
    Ok(())
}

//! `cargo xtask demo`: a server on a temporary SQLite file, an organization, and the SDK demos
//! (Rust, then Python and Node when `--lang` asks for them) run against it.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{Context, Result};

use crate::{cargo, root, run_cmd};

/// A server process, killed on drop.
pub type Server = invites_testkit::Listening;

/// A random admin token (`iat_` and 48 hex digits).
pub fn random_token() -> Result<String> {
    let mut bytes = [0u8; 24];
    std::fs::File::open("/dev/urandom")?.read_exact(&mut bytes)?;
    Ok(format!(
        "iat_{}",
        bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
    ))
}

/// Start `bin` on a SQLite file in `dir`, on an ephemeral port, writing its invitation emails
/// as `.eml` files into `dir/mail` (`--email-dir`).
pub fn start_server(bin: &Path, dir: &Path, admin_token: &str) -> Result<Server> {
    let mut cmd = invites_testkit::server_command(bin, &invites_testkit::sqlite_url(dir));
    cmd.arg("--email-dir")
        .arg(dir.join("mail"))
        .env("INVITES_ADMIN_TOKEN", admin_token)
        .current_dir(dir)
        .stderr(Stdio::null());
    invites_testkit::Listening::spawn(&mut cmd).map_err(anyhow::Error::msg)
}

/// Languages the demo runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// The Rust SDK example.
    Rust,
    /// The Python package, built into the venv.
    Python,
    /// The Node package, built in bindings/node.
    Node,
}

/// Create an organization through the admin API; its first API key.
pub fn new_org(server: &Server, admin_token: &str, name: &str) -> Result<String> {
    invites_testkit::create_org(&server.url, admin_token, name)
        .map_err(anyhow::Error::msg)
        .with_context(|| format!("creating the organization {name:?}"))
}

pub fn run(langs: &[Lang], serve: bool) -> Result<()> {
    // The server binary and the Rust example: what the demo runs, built from nothing if need be.
    run_cmd(cargo().args([
        "build",
        "--quiet",
        "-p",
        "invites-server",
        "--bin",
        "invites-server",
    ]))?;
    run_cmd(cargo().args(["build", "--quiet", "-p", "invites-sdk", "--example", "demo"]))?;
    let dir = tempfile::tempdir()?;
    let admin_token = random_token()?;
    let server = start_server(
        &root().join("target/debug/invites-server"),
        dir.path(),
        &admin_token,
    )?;
    println!(
        "invites-server is running at {} on {}/invites.db",
        server.url,
        dir.path().display()
    );

    let new_org = |name: &str| new_org(&server, &admin_token, name);
    let mut seen = std::collections::HashSet::new();

    for lang in langs {
        let key = new_org(&format!("Acme ({lang:?} demo)"))?;
        println!("\n=== {lang:?} ===");
        let mut cmd = match lang {
            Lang::Rust => Command::new(root().join("target/debug/examples/demo")),
            Lang::Python => {
                // The same debug wheel the Python suite builds (a release build takes minutes).
                let venv = crate::test::venv()?;
                let py = venv.join("bin/python");
                let wheels = root().join("target/python/wheels");
                crate::test::pip_install(&venv, &[crate::test::MATURIN])?;
                let _ = std::fs::remove_dir_all(&wheels);
                run_cmd(
                    Command::new(venv.join("bin/maturin"))
                        .args([
                            "build",
                            "--quiet",
                            "--profile",
                            "dev",
                            "--manifest-path",
                            "bindings/python/Cargo.toml",
                            "--out",
                        ])
                        .arg(&wheels)
                        .arg("--interpreter")
                        .arg(&py)
                        .env("CARGO_TARGET_DIR", root().join("target/python")),
                )?;
                let wheel = std::fs::read_dir(&wheels)?
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .find(|p| p.extension().is_some_and(|x| x == "whl"))
                    .context("maturin built no wheel")?;
                run_cmd(
                    Command::new(&py)
                        .args([
                            "-m",
                            "pip",
                            "install",
                            "--quiet",
                            "--force-reinstall",
                            "--no-deps",
                        ])
                        .arg(&wheel),
                )?;
                let mut c = Command::new(py);
                c.arg("bindings/python/examples/demo.py");
                c
            }
            Lang::Node => {
                // The dev dependencies, then a debug addon into the target dir the Node suite uses.
                let pkg = root().join("bindings/node");
                crate::test::npm_ci(&pkg)?;
                run_cmd(
                    Command::new("npm")
                        .args(["run", "--silent", "build:debug"])
                        .current_dir(&pkg),
                )?;
                let mut c = Command::new("node");
                c.arg("bindings/node/examples/demo.mjs");
                c
            }
        };
        run_cmd(
            cmd.env("INVITES_BASE_URL", &server.url)
                .env("INVITES_API_KEY", &key),
        )?;
        show_new_emails(&dir.path().join("mail"), &mut seen)?;
    }
    if serve {
        let key = new_org("Acme (console)")?;
        println!("\nThe server keeps running until Ctrl-C.");
        println!(
            "Console: open {}/console and sign in with the API key",
            server.url
        );
        println!("  {key}");
        println!(
            "CLI:     INVITES_BASE_URL={} INVITES_API_KEY={key} cargo run -q -p invites-cli -- list",
            server.url
        );
        // A public link (any address may join, for a day), to try the invitee's page.
        let invite = invites_testkit::post_json(
            &format!("{}/v1/invites", server.url),
            &key,
            &serde_json::json!({
                "roles": ["developer"],
                "teams": ["demo"],
                "message": "Welcome to the demo organization.",
                "ttl_seconds": 86400,
            }),
        )
        .map_err(anyhow::Error::msg)
        .context("creating the demo invite link")?;
        let link = invite["url"].as_str().context("the invite has no url")?;
        println!("Invite:  open this link, enter any email address and the six-digit code");
        println!("  {link}");
        println!(
            "         the code arrives as the newest .eml file in {}",
            dir.path().join("mail").display()
        );
        let mut server = server;
        server.child().wait()?;
    }
    Ok(())
}

/// Print the `.eml` files the server wrote into `mail` since the last call (waiting up to 5 s for
/// the outbox worker to write the first one): each path with its To and Subject lines.
fn show_new_emails(
    mail: &Path,
    seen: &mut std::collections::HashSet<std::path::PathBuf>,
) -> Result<()> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    let fresh = loop {
        let mut fresh: Vec<std::path::PathBuf> = std::fs::read_dir(mail)
            .with_context(|| format!("reading {}", mail.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "eml") && !seen.contains(p))
            .collect();
        if !fresh.is_empty() || std::time::Instant::now() >= deadline {
            fresh.sort();
            break fresh;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    if fresh.is_empty() {
        println!("(no invitation email was written to {})", mail.display());
    }
    for p in fresh {
        let text = std::fs::read_to_string(&p).unwrap_or_default();
        let header = |name: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(name))
                .unwrap_or("")
                .to_owned()
        };
        println!(
            "email written: {}\n  To: {}  Subject: {}",
            p.display(),
            header("To: "),
            header("Subject: ")
        );
        seen.insert(p);
    }
    Ok(())
}

//! The environments the benchmarks run in: release servers and fixtures, a fresh PostgreSQL
//! database, the Python venv and the Node folder with each SDK and its peer installed.

use super::*;

pub(super) fn release_bin(name: &str) -> PathBuf {
    root().join("target/release").join(name)
}

/// Call the API over plain HTTP (fixtures, not measured): `op` is `org`, `invite` or `batch`.
pub(super) fn api(url: &str, token: &str, op: &str, body: Value) -> Result<Value> {
    let path = match op {
        "org" => "/v1/organizations",
        "invite" => "/v1/invites",
        _ => "/v1/invites/batch",
    };
    invites_testkit::post_json(&format!("{url}{path}"), token, &body).map_err(anyhow::Error::msg)
}

pub(super) const ADMIN_TOKEN: &str = "iat_bench_admin_token_0123456789abcdef";

pub(super) fn start_server(database_url: &str, dir: &Path) -> Result<Proc> {
    spawn_ready(
        Command::new(release_bin("invites-server"))
            .args(["--listen", "127.0.0.1:0", "--database-url", database_url])
            .env("INVITES_ADMIN_TOKEN", ADMIN_TOKEN)
            .env("INVITES_SECRET_KEY", invites_testkit::TEST_SECRET_KEY)
            .env("INVITES_RATE_LIMIT_FAILURES", "1000000")
            .current_dir(dir),
    )
}

/// An organization with a domain invite to read and a public invite to accept.
pub(super) struct Fixture {
    pub(super) key: String,
    pub(super) invite_id: String,
    pub(super) public_code: String,
}

pub(super) fn fixture(url: &str) -> Result<Fixture> {
    let org = api(
        url,
        ADMIN_TOKEN,
        "org",
        serde_json::json!({"name": "bench"}),
    )?;
    let key = org["api_key"].as_str().context("api_key")?.to_string();
    let invite = api(
        url,
        &key,
        "invite",
        serde_json::json!({"emails": ["*@example.com"], "roles": ["developer"]}),
    )?;
    let public = api(
        url,
        &key,
        "invite",
        serde_json::json!({"roles": ["viewer"], "ttl_seconds": 86400}),
    )?;
    Ok(Fixture {
        invite_id: invite["id"].as_str().context("id")?.to_string(),
        public_code: public["code"].as_str().context("code")?.to_string(),
        key,
    })
}

/// The temporary venv: our release wheel and the generated httpx client.
pub(super) struct PyEnv {
    pub(super) python: PathBuf,
    /// The folder holding the generated `invites_api_client` package.
    pub(super) gen_dir: PathBuf,
    pub(super) wheel_bytes: u64,
}

pub(super) fn python_env(tmp: &Path) -> Result<PyEnv> {
    let venv = tmp.join("venv");
    run_cmd(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    let python = venv.join("bin/python");
    run_cmd(Command::new(&python).args([
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        MATURIN,
        OPENAPI_PYTHON_CLIENT,
    ]))?;
    let gen_dir = tmp.join("pygen");
    std::fs::create_dir_all(&gen_dir)?;
    // Its warnings (no ruff on PATH for post-processing) are noise here; shown on failure.
    let generated = Command::new(venv.join("bin/openapi-python-client"))
        .args(["generate", "--meta", "none", "--path"])
        .arg(root().join("spec/invites.yaml"))
        .arg("--output-path")
        .arg(gen_dir.join("invites_api_client"))
        .output()
        .context("running openapi-python-client")?;
    if !generated.status.success() || !gen_dir.join("invites_api_client/client.py").exists() {
        bail!(
            "openapi-python-client generate failed:\n{}{}",
            String::from_utf8_lossy(&generated.stdout),
            String::from_utf8_lossy(&generated.stderr)
        );
    }
    let wheels = tmp.join("wheels");
    run_cmd(
        Command::new(venv.join("bin/maturin"))
            .args(["build", "--release", "--quiet", "--interpreter"])
            .arg(&python)
            .arg("--manifest-path")
            .arg(root().join("bindings/python/Cargo.toml"))
            .arg("--out")
            .arg(&wheels)
            .env("CARGO_TARGET_DIR", root().join("target/bench-python")),
    )?;
    let wheel = std::fs::read_dir(&wheels)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "whl"))
        .context("maturin made no wheel")?;
    let wheel_bytes = std::fs::metadata(&wheel)?.len();
    run_cmd(
        Command::new(&python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "--no-deps",
            ])
            .arg(&wheel),
    )?;
    Ok(PyEnv {
        python,
        gen_dir,
        wheel_bytes,
    })
}

/// napi's platform suffix and the cdylib's file name on this machine.
pub(super) fn addon_names() -> Result<(&'static str, &'static str)> {
    Ok(match (std::env::consts::OS, std::env::consts::ARCH) {
        ("linux", "x86_64") => ("linux-x64-gnu", "libinvites_node.so"),
        ("linux", "aarch64") => ("linux-arm64-gnu", "libinvites_node.so"),
        ("macos", "x86_64") => ("darwin-x64", "libinvites_node.dylib"),
        ("macos", "aarch64") => ("darwin-arm64", "libinvites_node.dylib"),
        ("windows", "x86_64") => ("win32-x64-msvc", "invites_node.dll"),
        (os, arch) => bail!("no napi platform name for {os}/{arch}"),
    })
}

/// The temporary folder for Node: openapi-fetch from npm, and `invites-sdk` as this checkout's
/// package files with the release addon. Returns the folder and the addon's size.
pub(super) fn node_env(tmp: &Path) -> Result<(PathBuf, u64)> {
    let dir = tmp.join("node");
    std::fs::create_dir_all(&dir)?;
    std::fs::write(
        dir.join("package.json"),
        r#"{"name": "invites-bench-peers", "private": true}"#,
    )?;
    run_cmd(
        Command::new("npm")
            .args([
                "install",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
                OPENAPI_FETCH,
            ])
            .current_dir(&dir),
    )?;
    let pkg = dir.join("node_modules/invites-sdk");
    std::fs::create_dir_all(&pkg)?;
    let src = root().join("bindings/node");
    // The files the package ships (its manifest's `files`), so the copy follows the package.
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(src.join("package.json"))?)?;
    let files = manifest["files"]
        .as_array()
        .context("bindings/node/package.json has no files list")?
        .iter()
        .filter_map(Value::as_str);
    for f in std::iter::once("package.json").chain(files) {
        // Type declarations written only by `cargo xtask dist` (index.d.mts) are not needed here.
        if f.ends_with(".d.mts") && !src.join(f).exists() {
            continue;
        }
        std::fs::copy(src.join(f), pkg.join(f)).with_context(|| format!("copying {f}"))?;
    }
    let (platform, lib) = addon_names()?;
    let addon = pkg.join(format!("invites.{platform}.node"));
    std::fs::copy(root().join("target/release").join(lib), &addon)
        .context("copying the release addon")?;
    // what `napi build --release` ships: the addon without symbols
    if cfg!(target_os = "linux") {
        let _ = Command::new("strip").arg(&addon).status();
    }
    let size = std::fs::metadata(&addon)?.len();
    Ok((dir, size))
}

/// A fresh PostgreSQL database for one server, dropped on drop.
pub(super) struct PgDb {
    pub(super) admin_url: String,
    pub(super) name: String,
    pub(super) url: String,
}

impl PgDb {
    pub(super) fn create(admin_url: &str) -> Result<PgDb> {
        let r = json_of(Command::new(release_bin("invites-bench")).args([
            "pg-create",
            "--admin-url",
            admin_url,
        ]))?;
        Ok(PgDb {
            admin_url: admin_url.into(),
            name: r["name"].as_str().context("name")?.into(),
            url: r["url"].as_str().context("url")?.into(),
        })
    }
}

impl Drop for PgDb {
    fn drop(&mut self) {
        let dropped = json_of(Command::new(release_bin("invites-bench")).args([
            "pg-drop",
            "--admin-url",
            &self.admin_url,
            "--name",
            &self.name,
        ]));
        if let Err(e) = dropped {
            eprintln!("warning: could not drop database {}: {e:#}", self.name);
        }
    }
}

//! `cargo xtask dist`: the artifacts users install, built into `target/dist/`.
//!
//! - the release abi3 wheel (`invites_sdk-…-cp39-abi3-manylinux_….whl`) and an sdist (maturin);
//! - the npm packages the napi-rs way: the main `invites-sdk` package (no install script; it
//!   names the platform package in `optionalDependencies`) and the platform package
//!   (`invites-sdk-<platform>`, the `.node` inside), each an `npm pack` tarball;
//! - the release `invites-server` and `invites` binaries with the README in a `.tar.gz`;
//! - `SHA256SUMS` over every file there (`sha256sum -c SHA256SUMS` checks it).
//!
//! [`verify`] is the installed-package test `cargo xtask test` runs: it installs those artifacts
//! into a fresh venv and an empty npm project with no `cargo` on `PATH` and runs the Python and
//! Node demos there against the server from the archive.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail, ensure};
use sha2::{Digest, Sha256};

use crate::{cargo, demo, root, run_cmd};

/// Where the artifacts go.
pub fn dist_dir() -> PathBuf {
    root().join("target/dist")
}

/// Scratch space for staging packages (kept out of `target/dist`, which holds artifacts only).
fn stage_dir() -> PathBuf {
    root().join("target/dist-stage")
}

/// The workspace version (every crate and package shares it).
fn version() -> Result<String> {
    let manifest = fs::read_to_string(root().join("Cargo.toml"))?;
    let value: toml::Table = manifest.parse().context("parsing Cargo.toml")?;
    value["workspace"]["package"]["version"]
        .as_str()
        .map(str::to_owned)
        .context("Cargo.toml has no workspace.package.version")
}

/// The host's target triple, from `rustc -vV`.
fn host_triple() -> Result<String> {
    let out = Command::new("rustc")
        .arg("-vV")
        .output()
        .context("rustc -vV")?;
    String::from_utf8(out.stdout)?
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_owned))
        .context("rustc -vV printed no host line")
}

/// Build every artifact into `target/dist/` (emptied first).
pub fn run() -> Result<()> {
    let dist = dist_dir();
    let _ = fs::remove_dir_all(&dist);
    let _ = fs::remove_dir_all(stage_dir());
    fs::create_dir_all(&dist)?;
    fs::create_dir_all(stage_dir())?;
    let version = version()?;

    python(&dist)?;
    node(&dist, &version)?;
    binaries(&dist, &version)?;
    let sums = write_sums(&dist)?;
    eprintln!("\ntarget/dist/:");
    eprint!("{sums}");
    Ok(())
}

/// The release abi3 wheel and the sdist, by maturin from the venv.
fn python(dist: &Path) -> Result<()> {
    let venv = crate::test::venv()?;
    crate::test::pip_install(&venv, &[crate::test::MATURIN])?;
    let maturin = venv.join("bin/maturin");
    let manifest = root().join("bindings/python/Cargo.toml");
    run_cmd(
        Command::new(&maturin)
            .args(["build", "--release", "--strip", "--quiet", "--out"])
            .arg(dist)
            .arg("--manifest-path")
            .arg(&manifest)
            .arg("--interpreter")
            .arg(venv.join("bin/python"))
            .env("CARGO_TARGET_DIR", root().join("target/python")),
    )?;
    run_cmd(
        Command::new(&maturin)
            .args(["sdist", "--out"])
            .arg(dist)
            .arg("--manifest-path")
            .arg(&manifest),
    )
}

/// The platform package (the release addon) and the main package, as `npm pack` tarballs.
fn node(dist: &Path, version: &str) -> Result<()> {
    let pkg = root().join("bindings/node");
    crate::test::npm_ci(&pkg)?;

    // The release addon, into a staging folder of its own: the checkout's files stay untouched.
    let addon_dir = stage_dir().join("addon");
    run_cmd(
        Command::new("npx")
            .args([
                "--no-install",
                "napi",
                "build",
                "--platform",
                "--release",
                "--strip",
                "--no-js",
                "--dts",
                "native.d.ts",
                "--target-dir",
            ])
            .arg(root().join("target/node"))
            .arg("--output-dir")
            .arg(&addon_dir)
            .current_dir(&pkg),
    )?;
    let addon = fs::read_dir(&addon_dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.ends_with(".node"))
        .context("napi build wrote no .node file")?;
    // `invites.linux-x64-gnu.node` → platform `linux-x64-gnu`.
    let platform = addon
        .strip_prefix("invites.")
        .and_then(|n| n.strip_suffix(".node"))
        .with_context(|| format!("unexpected addon name {addon}"))?
        .to_owned();
    let mut parts = platform.split('-');
    let (os, cpu, abi) = (parts.next(), parts.next(), parts.next());
    let platform_name = format!("invites-sdk-{platform}");

    let main_manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(pkg.join("package.json"))?)?;
    ensure!(
        main_manifest["version"] == version,
        "bindings/node/package.json has version {} but the workspace is {version}",
        main_manifest["version"]
    );

    // The platform package: the addon and a manifest npm uses to pick it by os/cpu/libc.
    let plat_dir = stage_dir().join(&platform_name);
    fs::create_dir_all(&plat_dir)?;
    fs::copy(addon_dir.join(&addon), plat_dir.join(&addon))?;
    let mut plat = serde_json::json!({
        "name": platform_name,
        "version": version,
        "description": format!("The native addon of invites-sdk for {platform}."),
        "license": main_manifest["license"],
        "main": addon,
        "files": [addon],
        "os": [os],
        "cpu": [cpu],
        "engines": main_manifest["engines"],
    });
    match abi {
        Some("gnu") => plat["libc"] = serde_json::json!(["glibc"]),
        Some("musl") => plat["libc"] = serde_json::json!(["musl"]),
        _ => {}
    }
    fs::write(
        plat_dir.join("package.json"),
        serde_json::to_string_pretty(&plat)?,
    )?;
    fs::write(
        plat_dir.join("README.md"),
        format!(
            "# {platform_name}\n\nThe prebuilt native addon of `invites-sdk` for {platform}. \
             Install `invites-sdk`, which depends on it.\n"
        ),
    )?;
    npm_pack(&plat_dir, dist)?;

    // The main package: the checkout's files, its manifest without scripts or dev dependencies,
    // naming the platform package as an optional dependency (napi-rs's layout).
    let main_dir = stage_dir().join("invites-sdk");
    fs::create_dir_all(&main_dir)?;
    let files = main_manifest["files"]
        .as_array()
        .context("bindings/node/package.json has no files list")?;
    for f in files {
        let f = f.as_str().context("files entries are strings")?;
        ensure!(
            !f.contains('*') && !f.ends_with(".node"),
            "bindings/node/package.json files entry {f:?}: the main package names exact files and no addon"
        );
        fs::copy(pkg.join(f), main_dir.join(f)).with_context(|| format!("copying {f}"))?;
    }
    // Rewritten by node, which keeps the key order ("exports" conditions are ordered).
    run_cmd(
        Command::new("node")
            .args(["-e", MAIN_MANIFEST])
            .arg(pkg.join("package.json"))
            .arg(main_dir.join("package.json"))
            .arg(&platform_name)
            .arg(version),
    )?;
    npm_pack(&main_dir, dist)
}

/// `node -e` script: argv = source manifest, destination, platform package name, version.
const MAIN_MANIFEST: &str = r#"
const fs = require('node:fs')
const [src, dst, platform, version] = process.argv.slice(1)
const m = JSON.parse(fs.readFileSync(src, 'utf8'))
delete m.scripts
delete m.devDependencies
m.optionalDependencies = { [platform]: version }
fs.writeFileSync(dst, JSON.stringify(m, null, 2) + '\n')
"#;

fn npm_pack(dir: &Path, dest: &Path) -> Result<()> {
    run_cmd(
        Command::new("npm")
            .args(["pack", "--silent", "--pack-destination"])
            .arg(dest)
            .current_dir(dir),
    )
}

/// The release server and CLI with the README, as `invites-VERSION-TRIPLE.tar.gz`.
fn binaries(dist: &Path, version: &str) -> Result<()> {
    run_cmd(cargo().args([
        "build",
        "--release",
        "--quiet",
        "-p",
        "invites-server",
        "-p",
        "invites-cli",
        "--bins",
    ]))?;
    let name = format!("invites-{version}-{}", host_triple()?);
    let dir = stage_dir().join(&name);
    fs::create_dir_all(&dir)?;
    for bin in ["invites-server", "invites"] {
        fs::copy(root().join("target/release").join(bin), dir.join(bin))
            .with_context(|| format!("copying target/release/{bin}"))?;
    }
    fs::copy(root().join("README.md"), dir.join("README.md"))?;
    fs::copy(
        root().join("crates/invites-server/README.md"),
        dir.join("SERVER.md"),
    )?;
    run_cmd(
        Command::new("tar")
            .arg("-czf")
            .arg(dist.join(format!("{name}.tar.gz")))
            .arg("-C")
            .arg(stage_dir())
            .arg(&name),
    )
}

/// The lines of `SHA256SUMS` (`sha256sum`'s format) for every other file in `dir`.
fn sums(dir: &Path) -> Result<String> {
    let mut names: Vec<String> = fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "SHA256SUMS")
        .collect();
    names.sort();
    let mut out = String::new();
    for n in names {
        let digest = Sha256::digest(fs::read(dir.join(&n))?);
        out.push_str(&format!("{}  {n}\n", hex::encode(digest)));
    }
    Ok(out)
}

fn write_sums(dir: &Path) -> Result<String> {
    let text = sums(dir)?;
    fs::write(dir.join("SHA256SUMS"), &text)?;
    Ok(text)
}

/// The one file in `dir` whose name satisfies `pred`.
fn one(dir: &Path, what: &str, pred: impl Fn(&str) -> bool) -> Result<PathBuf> {
    let found: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.file_name().is_some_and(|n| pred(&n.to_string_lossy())))
        .collect();
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => bail!("target/dist has no {what}"),
        many => bail!("target/dist has {} files for {what}: {many:?}", many.len()),
    }
}

/// A `PATH` of system directories only, checked to hold no `cargo` or `rustc`.
fn path_without_rust() -> Result<String> {
    let dirs = ["/usr/bin", "/bin"].map(PathBuf::from);
    for d in &dirs {
        for tool in ["cargo", "rustc"] {
            ensure!(
                !d.join(tool).exists(),
                "{} holds {tool}: the installed-package test needs a PATH without a Rust toolchain",
                d.display()
            );
        }
    }
    Ok(dirs
        .iter()
        .map(|d| d.display().to_string())
        .collect::<Vec<_>>()
        .join(":"))
}

/// Install what `target/dist/` holds, with no Rust toolchain on `PATH`, and run the demos.
pub fn verify() -> Result<()> {
    let dist = dist_dir();
    let version = version()?;

    // Every artifact is there, and SHA256SUMS is true of each.
    let wheel = one(&dist, "abi3 manylinux wheel", |n| {
        n.starts_with(&format!("invites_sdk-{version}-cp39-abi3-manylinux")) && n.ends_with(".whl")
    })?;
    one(&dist, "sdist", |n| {
        n == format!("invites_sdk-{version}.tar.gz")
    })?;
    let main_tgz = one(&dist, "main npm tarball", |n| {
        n == format!("invites-sdk-{version}.tgz")
    })?;
    let plat_tgz = one(&dist, "platform npm tarball", |n| {
        n.starts_with("invites-sdk-")
            && n.ends_with(&format!("-{version}.tgz"))
            && *n != *main_tgz.file_name().unwrap().to_string_lossy()
    })?;
    let archive = one(&dist, "server archive", |n| {
        n.starts_with(&format!("invites-{version}-")) && n.ends_with(".tar.gz")
    })?;
    let recorded = fs::read_to_string(dist.join("SHA256SUMS")).context("target/dist/SHA256SUMS")?;
    ensure!(
        recorded == sums(&dist)?,
        "SHA256SUMS does not match the files in target/dist"
    );
    eprintln!(
        "target/dist holds the wheel, the sdist, two npm tarballs, the server archive; SHA256SUMS matches"
    );

    let work = tempfile::tempdir()?;
    let w = work.path();

    // The server and CLI from the archive.
    run_cmd(
        Command::new("tar")
            .arg("-xzf")
            .arg(&archive)
            .arg("-C")
            .arg(w),
    )?;
    let unpacked = w.join(
        archive
            .file_name()
            .unwrap()
            .to_string_lossy()
            .trim_end_matches(".tar.gz"),
    );
    for f in ["invites-server", "invites", "README.md"] {
        ensure!(unpacked.join(f).is_file(), "the server archive lacks {f}");
    }
    let data = w.join("data");
    fs::create_dir_all(&data)?;
    let admin = demo::random_token()?;
    let server = demo::start_server(&unpacked.join("invites-server"), &data, &admin)?;
    eprintln!(
        "the archive's invites-server is listening on {}",
        server.url
    );

    // node and npm live in /usr/bin; Python is taken by its absolute path.
    let path = path_without_rust()?;
    let python = system_python()?;

    // The CLI from the archive, against that server.
    let key = demo::new_org(&server, &admin, "Acme (installed CLI)")?;
    run_cmd(
        Command::new(unpacked.join("invites"))
            .args(["org", "show"])
            .env_clear()
            .env("PATH", &path)
            .env("INVITES_BASE_URL", &server.url)
            .env("INVITES_API_KEY", &key),
    )?;

    // Python: the wheel into a fresh venv, the demo from outside the checkout.
    let venv = w.join("venv");
    run_cmd(
        Command::new(&python)
            .args(["-m", "venv"])
            .arg(&venv)
            .env("PATH", &path),
    )?;
    run_cmd(
        Command::new(venv.join("bin/python"))
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--no-index",
                "--disable-pip-version-check",
            ])
            .arg(&wheel)
            .env("PATH", &path),
    )?;
    let py_app = w.join("py-app");
    fs::create_dir_all(&py_app)?;
    fs::copy(
        root().join("bindings/python/examples/demo.py"),
        py_app.join("demo.py"),
    )?;
    let key = demo::new_org(&server, &admin, "Acme (installed wheel)")?;
    run_cmd(
        Command::new(venv.join("bin/python"))
            .args([
                "-c",
                "import invites_sdk, pathlib, sys; \
                 p = pathlib.Path(invites_sdk.__file__); \
                 assert sys.prefix in str(p), p; \
                 assert (p.parent / 'py.typed').is_file(); \
                 print('invites_sdk', invites_sdk.__version__, 'from', p.parent)",
            ])
            .current_dir(&py_app)
            .env_clear()
            .env("PATH", &path),
    )?;
    run_cmd(
        Command::new(venv.join("bin/python"))
            .arg("demo.py")
            .current_dir(&py_app)
            .env_clear()
            .env("PATH", &path)
            .env("INVITES_BASE_URL", &server.url)
            .env("INVITES_API_KEY", &key),
    )?;

    // Node: both tarballs into an empty project; no install script, require and import work.
    let app = w.join("node-app");
    fs::create_dir_all(&app)?;
    fs::write(
        app.join("package.json"),
        r#"{ "name": "app", "private": true, "type": "module" }"#,
    )?;
    run_cmd(
        Command::new("npm")
            // --offline: both packages come from the tarballs, nothing from a registry.
            .args([
                "install",
                "--offline",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
            ])
            .arg(&plat_tgz)
            .arg(&main_tgz)
            .current_dir(&app)
            .env("PATH", &path),
    )?;
    let installed: serde_json::Value = serde_json::from_str(&fs::read_to_string(
        app.join("node_modules/invites-sdk/package.json"),
    )?)?;
    for script in ["preinstall", "install", "postinstall", "prepare"] {
        ensure!(
            installed["scripts"][script].is_null(),
            "the installed invites-sdk package.json has a {script} script"
        );
    }
    let plat_name = installed["optionalDependencies"]
        .as_object()
        .and_then(|o| o.keys().next().cloned())
        .context("the main package names no platform package in optionalDependencies")?;
    ensure!(
        app.join("node_modules")
            .join(&plat_name)
            .join("package.json")
            .is_file(),
        "{plat_name} was not installed beside invites-sdk"
    );
    ensure!(
        !fs::read_dir(app.join("node_modules/invites-sdk"))?
            .filter_map(|e| e.ok())
            .any(|e| e.file_name().to_string_lossy().ends_with(".node")),
        "the main package carries an addon of its own"
    );
    let check = r#"
        import { createRequire } from 'node:module'
        const require = createRequire(import.meta.url)
        const cjs = require('invites-sdk')
        const esm = await import('invites-sdk')
        if (esm.Client !== cjs.Client) throw new Error('import and require load different classes')
        const org = await new cjs.Client().organizations.get()
        const err = await new esm.Client().invites.get('inv_missing').catch((e) => e)
        if (!(err instanceof cjs.NotFoundError)) throw new Error(`expected NotFoundError, got ${err}`)
        console.log(`require and import both load invites-sdk; organization ${org.name}`)
    "#;
    fs::write(app.join("check.mjs"), check)?;
    fs::copy(
        root().join("bindings/node/examples/demo.mjs"),
        app.join("demo.mjs"),
    )?;
    let key = demo::new_org(&server, &admin, "Acme (installed npm package)")?;
    for script in ["check.mjs", "demo.mjs"] {
        run_cmd(
            Command::new("node")
                .arg(script)
                .current_dir(&app)
                .env_clear()
                .env("PATH", &path)
                .env("INVITES_BASE_URL", &server.url)
                .env("INVITES_API_KEY", &key),
        )?;
    }
    drop(server);
    Ok(())
}

/// The real interpreter behind `python3` (pyenv and similar put a shell shim on `PATH`).
fn system_python() -> Result<PathBuf> {
    let out = Command::new("python3")
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .context("running python3")?;
    ensure!(out.status.success(), "python3 -c failed");
    Ok(PathBuf::from(String::from_utf8(out.stdout)?.trim()))
}

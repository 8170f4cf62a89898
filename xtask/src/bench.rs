//! `cargo xtask bench`: our SDKs and server against the peers users would pick instead, each
//! pair measured alternately in one run. Prints a table and writes `docs/benchmarks.md`.

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};

use anyhow::{Context, Result, bail};
use serde_json::Value;

use crate::{cargo, root, run_cmd};

/// A child process killed on drop.
pub struct Proc {
    child: Child,
    pub url: String,
}

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Start a process that prints `listening on URL` as its first stdout line.
pub fn spawn_ready(cmd: &mut Command) -> Result<Proc> {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .context("spawning a benchmark process")?;
    let mut line = String::new();
    BufReader::new(child.stdout.take().context("stdout")?).read_line(&mut line)?;
    let Some(url) = line.trim().strip_prefix("listening on ") else {
        bail!("no ready line: {line:?}");
    };
    Ok(Proc {
        url: url.to_string(),
        child,
    })
}

/// Run a command and parse the JSON object it prints last.
pub fn json_of(cmd: &mut Command) -> Result<Value> {
    let out = cmd.stderr(Stdio::inherit()).output()?;
    if !out.status.success() {
        bail!("{:?} failed", cmd.get_program());
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let last = text.lines().rev().find(|l| l.trim_start().starts_with('{'));
    serde_json::from_str(last.context("no JSON output")?).context("parsing benchmark output")
}

fn median(v: &mut [f64]) -> (f64, f64, f64) {
    v.sort_by(|a, b| a.total_cmp(b));
    (v[v.len() / 2], v[0], v[v.len() - 1])
}

/// One row of the results table.
pub struct Row {
    pub what: String,
    pub ours: String,
    pub peer: String,
    pub ratio: f64,
    pub target: Option<f64>,
}

fn release_bin(name: &str) -> std::path::PathBuf {
    root().join("target/release").join(name)
}

/// Call the API through the Rust SDK: `op` is `org`, `invite` or `batch`.
fn api(url: &str, token: &str, op: &str, body: Value) -> Result<Value> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        let client = invites_sdk::Client::new(url, token)?;
        Ok(match op {
            "org" => serde_json::to_value(
                client
                    .organizations()
                    .create(&serde_json::from_value(body)?)
                    .await?,
            )?,
            "invite" => serde_json::to_value(
                client
                    .invites()
                    .create(&serde_json::from_value(body)?)
                    .await?,
            )?,
            _ => serde_json::to_value(
                client
                    .invites()
                    .create_batch(&serde_json::from_value(body)?)
                    .await?,
            )?,
        })
    })
}

pub fn run() -> Result<()> {
    run_cmd(cargo().args([
        "build",
        "--release",
        "--quiet",
        "-p",
        "invites-server",
        "-p",
        "invites-bench",
    ]))?;
    let dir = tempfile::tempdir()?;
    let token = "iat_bench_admin_token_0123456789abcdef";
    let db = std::env::var("INVITES_BENCH_DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{}/bench.db?mode=rwc", dir.path().display()));
    let server = spawn_ready(
        Command::new(release_bin("invites-server"))
            .args(["--listen", "127.0.0.1:0", "--database-url", &db])
            .env("INVITES_ADMIN_TOKEN", token)
            .env("INVITES_RATE_LIMIT_FAILURES", "1000000")
            .current_dir(dir.path()),
    )?;
    let org = api(
        &server.url,
        token,
        "org",
        serde_json::json!({"name": "bench"}),
    )?;
    let key = org["api_key"].as_str().context("api_key")?.to_string();
    let invite = api(
        &server.url,
        &key,
        "invite",
        serde_json::json!({"emails": ["*@example.com"], "roles": ["developer"]}),
    )?;
    let invite_id = invite["id"].as_str().context("id")?.to_string();
    let public = api(
        &server.url,
        &key,
        "invite",
        serde_json::json!({"roles": ["viewer"], "ttl_seconds": 86400}),
    )?;
    let public_code = public["code"].as_str().context("code")?.to_string();

    let bench = release_bin("invites-bench");
    let mut rows: Vec<Row> = vec![];

    // Rust client vs raw reqwest.
    eprintln!("==> Rust: Client vs raw reqwest, sequential getInvite");
    let r = json_of(Command::new(&bench).args([
        "client",
        "--url",
        &server.url,
        "--key",
        &key,
        "--invite-id",
        &invite_id,
    ]))?;
    let ours = r["ours_calls_per_s"]["median"].as_f64().unwrap_or(0.0);
    let peer = r["raw_reqwest_calls_per_s"]["median"]
        .as_f64()
        .unwrap_or(1.0);
    rows.push(Row {
        what: "Rust: sequential getInvite calls/s, Client vs raw reqwest".into(),
        ours: fmt_stats(&r["ours_calls_per_s"]),
        peer: fmt_stats(&r["raw_reqwest_calls_per_s"]),
        ratio: ours / peer,
        target: Some(0.95),
    });

    // Server vs axum hello world, alternating rounds.
    eprintln!("==> Server: load at concurrency 32 vs an axum hello-world");
    let hello = spawn_ready(Command::new(&bench).args(["hello"]))?;
    let ops = [
        ("get", invite_id.as_str()),
        ("create", ""),
        ("accept", public_code.as_str()),
    ];
    let mut hello_rps = vec![];
    let mut op_rps: Vec<Vec<f64>> = vec![vec![]; ops.len()];
    let mut op_lat: Vec<(f64, f64)> = vec![(0.0, 0.0); ops.len()];
    for _round in 0..3 {
        let h = json_of(Command::new(&bench).args([
            "load",
            "--url",
            &hello.url,
            "--op",
            "hello",
            "--seconds",
            "2",
        ]))?;
        hello_rps.push(h["req_per_s"].as_f64().unwrap_or(0.0));
        for (i, (op, target)) in ops.iter().enumerate() {
            let r = json_of(Command::new(&bench).args([
                "load",
                "--url",
                &server.url,
                "--key",
                &key,
                "--op",
                op,
                "--target",
                target,
                "--seconds",
                "2",
            ]))?;
            op_rps[i].push(r["req_per_s"].as_f64().unwrap_or(0.0));
            op_lat[i] = (
                r["p50_ms"].as_f64().unwrap_or(0.0),
                r["p99_ms"].as_f64().unwrap_or(0.0),
            );
        }
    }
    let (hello_med, hmin, hmax) = median(&mut hello_rps);
    for (i, (op, _)) in ops.iter().enumerate() {
        let (med, min, max) = median(&mut op_rps[i]);
        let target = if *op == "get" { 0.5 } else { 0.25 };
        rows.push(Row {
            what: format!(
                "Server: {op}Invite req/s (c=32; p50 {:.2} ms, p99 {:.2} ms) vs axum hello-world",
                op_lat[i].0, op_lat[i].1
            ),
            ours: format!("{med:.0} ({min:.0}–{max:.0})"),
            peer: format!("{hello_med:.0} ({hmin:.0}–{hmax:.0})"),
            ratio: med / hello_med,
            target: Some(target),
        });
    }
    drop(hello);

    // Scale: 10k vs 100k invites through auto-pagination.
    eprintln!("==> Scale: listing 10k and 100k invites through the page stream");
    let mut scale = vec![];
    for n in [10_000usize, 100_000] {
        let org = api(
            &server.url,
            token,
            "org",
            serde_json::json!({"name": format!("scale {n}")}),
        )?;
        let k = org["api_key"].as_str().context("api_key")?.to_string();
        for b in 0..n / 1000 {
            let emails: Vec<String> = (0..1000)
                .map(|i| format!("u{b}-{i}@scale.example.com"))
                .collect();
            api(
                &server.url,
                &k,
                "batch",
                serde_json::json!({"emails": emails, "roles": ["viewer"]}),
            )?;
        }
        let r = json_of(Command::new(&bench).args(["list", "--url", &server.url, "--key", &k]))?;
        scale.push((n, k, r));
    }
    let (small, large) = (&scale[0].2, &scale[1].2);
    rows.push(Row {
        what: "Rust: list 100k vs 10k invites, peak RSS (flat = ratio near 1)".into(),
        ours: format!(
            "{} KiB ({:.1} s)",
            large["peak_rss_kib"],
            large["seconds"].as_f64().unwrap_or(0.0)
        ),
        peer: format!(
            "{} KiB ({:.1} s)",
            small["peak_rss_kib"],
            small["seconds"].as_f64().unwrap_or(0.0)
        ),
        ratio: large["peak_rss_kib"].as_f64().unwrap_or(0.0)
            / small["peak_rss_kib"].as_f64().unwrap_or(1.0),
        target: None,
    });

    let table = render(&rows);
    println!("\n{table}");
    write_report(&table)?;
    Ok(())
}

fn fmt_stats(v: &Value) -> String {
    format!(
        "{:.0} ({:.0}–{:.0})",
        v["median"].as_f64().unwrap_or(0.0),
        v["min"].as_f64().unwrap_or(0.0),
        v["max"].as_f64().unwrap_or(0.0)
    )
}

fn render(rows: &[Row]) -> String {
    let mut s = String::from(
        "| benchmark | ours: median (min–max) | peer: median (min–max) | ratio | target |\n|---|---|---|---|---|\n",
    );
    for r in rows {
        let target = r
            .target
            .map(|t| format!("≥ {t:.2}{}", if r.ratio >= t { " ✓" } else { " ✗" }))
            .unwrap_or_else(|| "—".into());
        let _ = writeln!(
            s,
            "| {} | {} | {} | {:.2} | {} |",
            r.what, r.ours, r.peer, r.ratio, target
        );
    }
    s
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_default();
    let mut mem = String::new();
    if let Ok(mut f) = std::fs::File::open("/proc/meminfo") {
        let _ = f.read_to_string(&mut mem);
    }
    let mem = mem.lines().next().unwrap_or("").to_string();
    format!(
        "{} cores, {cpu}; {mem}",
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(0)
    )
}

fn write_report(table: &str) -> Result<()> {
    let path = root().join("docs/benchmarks.md");
    std::fs::create_dir_all(path.parent().unwrap())?;
    let text = format!(
        "# Benchmarks\n\nReproduce: `cargo xtask bench` (release build; a fresh server on a temporary SQLite file).\n\nMachine: {}\n\n{table}\n",
        machine()
    );
    std::fs::write(&path, text)?;
    eprintln!("wrote {}", path.display());
    Ok(())
}

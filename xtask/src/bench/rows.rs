//! The measurements: each function runs one pair (ours and its peer) alternately and adds rows.

use super::*;

/// `invites-bench load` (a closed loop of requests, 32 wide unless `extra` says otherwise)
/// against `url`; its JSON report.
pub(super) fn load(url: &str, key: &str, op: &str, extra: &[&str]) -> Result<Value> {
    json_of(
        Command::new(release_bin("invites-bench"))
            .args(["load", "--url", url, "--key", key, "--op", op])
            .args(extra),
    )
}

/// The peer of the PostgreSQL rows: `pgbench` on its own database of the same server.
pub(super) struct Pgbench {
    /// A fresh database initialized by `pgbench -i` (scale 10).
    pub(super) url: String,
}

impl Pgbench {
    /// Initialize `url` (an empty database) for pgbench; installs Debian's pgbench when missing.
    pub(super) fn init(url: &str) -> Result<Pgbench> {
        crate::test::apt_install_if_missing("pgbench", "postgresql-contrib")?;
        run_cmd(Command::new("pgbench").args(["-i", "-q", "-s", "10", url]))?;
        Ok(Pgbench { url: url.into() })
    }

    /// tps of one 2 s run at c=32 (2 threads, prepared statements): `-S` (a primary-key
    /// SELECT per transaction) or `-N` (the TPC-B-like write without the hot branch/teller
    /// rows: UPDATE, SELECT, INSERT in one transaction).
    fn tps(&self, mode: &str) -> Result<f64> {
        let out = Command::new("pgbench")
            .args([
                mode, "-M", "prepared", "-c", "32", "-j", "2", "-T", "2", "-n",
            ])
            .arg(&self.url)
            .stderr(Stdio::null())
            .output()?;
        let text = String::from_utf8_lossy(&out.stdout);
        text.lines()
            .find_map(|l| l.strip_prefix("tps = "))
            .and_then(|l| l.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .with_context(|| format!("pgbench {mode}: no tps in its output: {text}"))
    }
}

/// The p99 budget of the PostgreSQL rows at c=32, in ms.
const PG_P99_BUDGET_MS: f64 = 20.0;

/// Load of the server vs its peer, alternating rounds: an axum hello-world (the HTTP ceiling)
/// on SQLite; on PostgreSQL, pgbench on the same database server (`pgbench -S` for the read,
/// `-N` for the writes), with a row per operation for the p99 budget.
pub(super) fn server_rows(
    backend: &str,
    url: &str,
    fx: &Fixture,
    pgbench: Option<&Pgbench>,
    rows: &mut Vec<Row>,
) -> Result<()> {
    let bench = release_bin("invites-bench");
    let hello = spawn_ready(Command::new(&bench).args(["hello"]))?;
    let ops = [
        ("get", fx.invite_id.as_str()),
        ("create", ""),
        ("accept", fx.public_code.as_str()),
    ];
    let mut hello_rps = vec![];
    let (mut read_tps, mut write_tps) = (vec![], vec![]);
    let mut op_rps: Vec<Vec<f64>> = vec![vec![]; ops.len()];
    let mut op_lat: Vec<(Vec<f64>, Vec<f64>)> = vec![(vec![], vec![]); ops.len()];
    for _round in 0..3 {
        match pgbench {
            Some(pg) => {
                read_tps.push(pg.tps("-S")?);
                write_tps.push(pg.tps("-N")?);
            }
            None => {
                let h = load(&hello.url, "", "hello", &["--seconds", "2"])?;
                hello_rps.push(h["req_per_s"].as_f64().unwrap_or(0.0));
            }
        }
        for (i, (op, target)) in ops.iter().enumerate() {
            let r = load(url, &fx.key, op, &["--target", target, "--seconds", "2"])?;
            if r["errors"].as_u64().unwrap_or(0) > 0 {
                eprintln!(
                    "warning: {op}: {} failed requests: {}",
                    r["errors"], r["failures"]
                );
            }
            op_rps[i].push(r["req_per_s"].as_f64().unwrap_or(0.0));
            op_lat[i].0.push(r["p50_ms"].as_f64().unwrap_or(0.0));
            op_lat[i].1.push(r["p99_ms"].as_f64().unwrap_or(0.0));
        }
    }
    let fmt = |v: &mut Vec<f64>| {
        let (med, min, max) = median(v);
        (med, format!("{med:.0} ({min:.0}–{max:.0})"))
    };
    let hello = (!hello_rps.is_empty()).then(|| fmt(&mut hello_rps));
    let read = (!read_tps.is_empty()).then(|| fmt(&mut read_tps));
    let write = (!write_tps.is_empty()).then(|| fmt(&mut write_tps));
    for (i, (op, _)) in ops.iter().enumerate() {
        let (med, ours) = fmt(&mut op_rps[i]);
        let p50 = median(&mut op_lat[i].0).0;
        let (p99, p99_min, p99_max) = median(&mut op_lat[i].1);
        let (peer_name, peer, target) = match (&hello, *op) {
            (Some(h), "get") => ("axum hello-world", h, 0.5),
            (Some(h), _) => ("axum hello-world", h, 0.25),
            (None, "get") => (
                "pgbench -S -M prepared (c=32)",
                read.as_ref().context("pgbench -S")?,
                0.5,
            ),
            (None, _) => (
                "pgbench -N -M prepared (c=32)",
                write.as_ref().context("pgbench -N")?,
                0.6,
            ),
        };
        rows.push(Row {
            what: format!(
                "Server ({backend}): {op}Invite req/s (c=32; p50 {p50:.2} ms, p99 {p99:.2} ms) vs {peer_name}"
            ),
            ours,
            peer: peer.1.clone(),
            ratio: Some(med / peer.0),
            target: Some(target),
        });
        if pgbench.is_some() {
            rows.push(Row {
                what: format!(
                    "Server ({backend}): {op}Invite p99 ms at c=32 vs the {PG_P99_BUDGET_MS:.0} ms budget (ratio: budget ÷ p99)"
                ),
                ours: format!("{p99:.1} ({p99_min:.1}–{p99_max:.1})"),
                peer: format!("{PG_P99_BUDGET_MS:.0}"),
                ratio: Some(PG_P99_BUDGET_MS / p99),
                target: Some(1.0),
            });
        }
    }
    Ok(())
}

pub(super) fn num(v: &Value, key: &str) -> f64 {
    v[key]["median"].as_f64().unwrap_or(0.0)
}

pub(super) fn calls_row(what: &str, r: &Value, ours: &str, peer: &str, target: f64) -> Row {
    Row {
        what: what.into(),
        ours: fmt_stats(&r[ours], 0),
        peer: fmt_stats(&r[peer], 0),
        ratio: Some(num(r, ours) / num(r, peer)),
        target: Some(target),
    }
}

pub(super) fn python_rows(py: &PyEnv, url: &str, fx: &Fixture, rows: &mut Vec<Row>) -> Result<()> {
    let script = root().join("crates/invites-bench/python/bench.py");
    eprintln!("==> Python: invites_sdk vs openapi-python-client (httpx), getInvite");
    let r = json_of(
        Command::new(&py.python)
            .arg(&script)
            .args([
                "calls",
                "--url",
                url,
                "--key",
                &fx.key,
                "--invite-id",
                &fx.invite_id,
                "--gen",
            ])
            .arg(&py.gen_dir),
    )?;
    rows.push(calls_row(
        "Python: sequential getInvite calls/s, Client vs generated httpx client (sync)",
        &r,
        "sync_ours",
        "sync_peer",
        2.0,
    ));
    rows.push(calls_row(
        "Python: getInvite calls/s, 256 in flight, AsyncClient vs generated client (one httpx.AsyncClient, asyncio)",
        &r,
        "async_ours",
        "async_peer",
        2.0,
    ));
    let r = json_of(
        Command::new(&py.python)
            .arg(&script)
            .args(["import", "--gen"])
            .arg(&py.gen_dir),
    )?;
    rows.push(Row {
        what: "Python: import time, ms (`import invites_sdk` vs the generated client + httpx)"
            .into(),
        ours: fmt_stats(&r["ours_ms"], 1),
        peer: fmt_stats(&r["peer_ms"], 1),
        ratio: Some(num(&r, "peer_ms") / num(&r, "ours_ms")),
        target: None,
    });
    rows.push(Row {
        what: "Python: wheel size (abi3, release)".into(),
        ours: format!("{:.2} MB", py.wheel_bytes as f64 / 1e6),
        peer: "—".into(),
        ratio: None,
        target: None,
    });
    Ok(())
}

pub(super) fn node_rows(
    modules: &Path,
    addon_bytes: u64,
    url: &str,
    fx: &Fixture,
    rows: &mut Vec<Row>,
) -> Result<()> {
    let script = root().join("crates/invites-bench/node/bench.mjs");
    eprintln!("==> Node: invites-sdk vs openapi-fetch, getInvite and createInvite");
    let r = json_of(
        Command::new("node")
            .arg(&script)
            .arg("calls")
            .arg("--modules")
            .arg(modules)
            .args(["--url", url, "--key", &fx.key, "--invite-id", &fx.invite_id]),
    )?;
    // The server's own createInvite ceiling at the same width, with a bare Rust client that
    // also sends an Idempotency-Key per call: no Node client can go past it.
    let ceiling = load(
        url,
        &fx.key,
        "create",
        &[
            "--concurrency",
            "256",
            "--idempotency-keys",
            "--seconds",
            "3",
        ],
    )?;
    for (op, name) in [("get", "getInvite"), ("create", "createInvite")] {
        rows.push(calls_row(
            &format!("Node: sequential {name} calls/s vs openapi-fetch"),
            &r,
            &format!("{op}_seq_ours"),
            &format!("{op}_seq_peer"),
            1.2,
        ));
        let note = match op {
            "create" => format!(
                " (server ceiling, bare Rust client with Idempotency-Keys: {:.0}/s)",
                ceiling["req_per_s"].as_f64().unwrap_or(0.0)
            ),
            _ => String::new(),
        };
        rows.push(calls_row(
            &format!("Node: {name} calls/s, 256 in flight, vs openapi-fetch{note}"),
            &r,
            &format!("{op}_par_ours"),
            &format!("{op}_par_peer"),
            1.2,
        ));
    }
    let r = json_of(
        Command::new("node")
            .arg(&script)
            .arg("require")
            .arg("--modules")
            .arg(modules),
    )?;
    rows.push(Row {
        what: "Node: require time, ms (`require('invites-sdk')` vs `require('openapi-fetch')`)"
            .into(),
        ours: fmt_stats(&r["ours_ms"], 1),
        peer: fmt_stats(&r["peer_ms"], 1),
        ratio: Some(num(&r, "peer_ms") / num(&r, "ours_ms")),
        target: None,
    });
    rows.push(Row {
        what: "Node: addon size (release, stripped)".into(),
        ours: format!("{:.2} MB", addon_bytes as f64 / 1e6),
        peer: "—".into(),
        ratio: None,
        target: None,
    });
    Ok(())
}

/// Makes the command that lists every invite of the organization with this API key.
pub(super) type Lister<'a> = Box<dyn Fn(&str) -> Command + 'a>;

/// Rust, Python and Node each list 10k and 100k invites through auto-pagination.
pub(super) fn scale_rows(
    url: &str,
    py: Option<&PyEnv>,
    node: Option<&Path>,
    rows: &mut Vec<Row>,
) -> Result<()> {
    eprintln!("==> Scale: seeding 10k and 100k invites");
    let mut keys = vec![];
    for n in [10_000usize, 100_000] {
        let org = api(
            url,
            ADMIN_TOKEN,
            "org",
            serde_json::json!({"name": format!("scale {n}")}),
        )?;
        let k = org["api_key"].as_str().context("api_key")?.to_string();
        for b in 0..n / 1000 {
            let emails: Vec<String> = (0..1000)
                .map(|i| format!("u{b}-{i}@scale.example.com"))
                .collect();
            api(
                url,
                &k,
                "batch",
                serde_json::json!({"emails": emails, "roles": ["viewer"]}),
            )?;
        }
        keys.push(k);
    }
    let mut langs: Vec<(&str, Lister<'_>)> = vec![(
        "Rust",
        Box::new(|k: &str| {
            let mut c = Command::new(release_bin("invites-bench"));
            c.args(["list", "--url", url, "--key", k]);
            c
        }),
    )];
    if let Some(py) = py {
        langs.push((
            "Python",
            Box::new(move |k: &str| {
                let mut c = Command::new(&py.python);
                c.arg(root().join("crates/invites-bench/python/bench.py"))
                    .args(["list", "--url", url, "--key", k]);
                c
            }),
        ));
    }
    if let Some(modules) = node {
        langs.push((
            "Node",
            Box::new(move |k: &str| {
                let mut c = Command::new("node");
                c.arg(root().join("crates/invites-bench/node/bench.mjs"))
                    .arg("list")
                    .arg("--modules")
                    .arg(modules)
                    .args(["--url", url, "--key", k]);
                c
            }),
        ));
    }
    for (lang, cmd) in &langs {
        eprintln!("==> Scale: {lang} lists 10k and 100k invites");
        let small = json_of(&mut cmd(&keys[0]))?;
        let large = json_of(&mut cmd(&keys[1]))?;
        for (r, n) in [(&small, 10_000), (&large, 100_000)] {
            if r["items"].as_u64() != Some(n) {
                bail!("{lang} listed {} invites, expected {n}", r["items"]);
            }
        }
        let show = |r: &Value| {
            format!(
                "{:.1} MiB, {:.1} s",
                r["peak_rss_kib"].as_f64().unwrap_or(0.0) / 1024.0,
                r["seconds"].as_f64().unwrap_or(0.0)
            )
        };
        rows.push(Row {
            what: format!(
                "{lang}: list 100k (ours) vs 10k (peer column) invites, peak RSS and time; ratio = RSS 100k/10k (flat ≈ 1)"
            ),
            ours: show(&large),
            peer: show(&small),
            ratio: Some(
                large["peak_rss_kib"].as_f64().unwrap_or(0.0)
                    / small["peak_rss_kib"].as_f64().unwrap_or(1.0),
            ),
            target: None,
        });
    }
    Ok(())
}

/// Invitation emails through the server's outbox vs a bare lettre loop, both to one local SMTP
/// server (aiosmtpd, `crates/invites-server/tests/smtp/sink.py`, from the tooling venv).
pub(super) fn email_rows(dir: &Path, rows: &mut Vec<Row>) -> Result<()> {
    let venv = crate::test::venv()?;
    crate::test::pip_install(&venv, &[crate::test::AIOSMTPD])?;
    let mail = dir.join("smtp-sink");
    std::fs::create_dir_all(&mail)?;
    let sink = spawn_ready(
        Command::new(venv.join("bin/python"))
            .arg(root().join("crates/invites-server/tests/smtp/sink.py"))
            .arg("--dir")
            .arg(&mail),
    )?;
    let smtp = format!("smtp://{}", sink.url);
    let db = format!("sqlite://{}/emails.db?mode=rwc", dir.display());
    let server = spawn_ready(
        Command::new(release_bin("invites-server"))
            .args([
                "--listen",
                "127.0.0.1:0",
                "--database-url",
                &db,
                "--smtp-url",
                &smtp,
            ])
            .env("INVITES_ADMIN_TOKEN", ADMIN_TOKEN)
            .current_dir(dir),
    )?;
    let fx = fixture(&server.url)?;
    let r = json_of(
        Command::new(release_bin("invites-bench"))
            .args([
                "emails",
                "--url",
                &server.url,
                "--key",
                &fx.key,
                "--smtp",
                &smtp,
            ])
            .arg("--sink-dir")
            .arg(&mail)
            .args(["--count", "1000", "--rounds", "3"]),
    )?;
    let mut row = calls_row(
        "Server (SQLite): invitation emails/s, 1,000 queued by one batch through the outbox to a local SMTP server (aiosmtpd) vs a bare lettre loop (8 connections) to the same server (ratio: median of per-round pairs)",
        &r,
        "outbox_emails_per_s",
        "lettre_emails_per_s",
        0.5,
    );
    row.ratio = Some(num(&r, "paired_ratio"));
    rows.push(row);
    drop(server);
    drop(sink);
    Ok(())
}

/// Webhook deliveries to a local receiver (in `invites-bench`) vs a load generator posting the
/// same payloads to it at the same concurrency, SQLite server.
pub(super) fn webhook_rows(dir: &Path, rows: &mut Vec<Row>) -> Result<()> {
    let db = format!("sqlite://{}/webhooks.db?mode=rwc", dir.display());
    let server = spawn_ready(
        Command::new(release_bin("invites-server"))
            .args(["--listen", "127.0.0.1:0", "--database-url", &db])
            .arg("--webhook-allow-insecure")
            .env("INVITES_ADMIN_TOKEN", ADMIN_TOKEN)
            .current_dir(dir),
    )?;
    let fx = fixture(&server.url)?;
    let r = json_of(
        Command::new(release_bin("invites-bench"))
            .args(["webhooks", "--url", &server.url, "--key", &fx.key])
            .args(["--endpoints", "8", "--count", "1000", "--rounds", "3"]),
    )?;
    let mut row = calls_row(
        "Server (SQLite): webhook deliveries/s, 1,000 invite.created events x 8 endpoints (each endpoint in order, one at a time) to a local receiver vs a load generator posting the same 8,000 payloads to it 8 in flight (ratio: median of per-round pairs)",
        &r,
        "webhooks_per_s",
        "load_generator_per_s",
        0.5,
    );
    row.ratio = Some(num(&r, "paired_ratio"));
    rows.push(row);
    drop(server);
    Ok(())
}

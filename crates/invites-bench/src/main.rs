//! `invites-bench`: the Rust-side drivers of `cargo xtask bench`. Each subcommand prints one
//! JSON object on stdout so the xtask can tabulate it.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use futures::TryStreamExt;
use invites_sdk::{Client, ListInvites, types};
use serde_json::json;

#[derive(Parser)]
#[command(about = "Benchmark drivers for cargo xtask bench")]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Sequential getInvite: our Client vs raw reqwest, alternating rounds.
    Client {
        #[arg(long)]
        url: String,
        #[arg(long)]
        key: String,
        #[arg(long)]
        invite_id: String,
        /// Calls per round.
        #[arg(long, default_value_t = 2000)]
        calls: u32,
        /// Rounds per side.
        #[arg(long, default_value_t = 5)]
        rounds: u32,
    },
    /// Closed-loop load at fixed concurrency for a fixed time; prints req/s and latencies.
    Load {
        #[arg(long)]
        url: String,
        #[arg(long, default_value = "")]
        key: String,
        #[arg(long, value_enum)]
        op: Op,
        /// An invite id (get) or a public invite code (accept).
        #[arg(long, default_value = "")]
        target: String,
        #[arg(long, default_value_t = 32)]
        concurrency: usize,
        #[arg(long, default_value_t = 3.0)]
        seconds: f64,
        /// Send a fresh `Idempotency-Key` with every POST, as the SDKs do.
        #[arg(long)]
        idempotency_keys: bool,
    },
    /// An axum hello-world server: the HTTP ceiling on this machine.
    Hello {
        #[arg(long, default_value = "127.0.0.1:0")]
        listen: String,
    },
    /// List every invite through the page stream; prints time and peak RSS.
    List {
        #[arg(long)]
        url: String,
        #[arg(long)]
        key: String,
    },
    /// Invitation emails/s: a batch of `count` invites through the server's outbox to an SMTP
    /// sink (from the POST until the sink holds them all) vs a bare lettre loop sending `count`
    /// messages of the same shape to the same sink (8 pooled connections, 8 in flight),
    /// alternating rounds.
    Emails {
        #[arg(long)]
        url: String,
        #[arg(long)]
        key: String,
        /// The sink's `smtp://host:port` (the server sends to the same one).
        #[arg(long)]
        smtp: String,
        /// The directory the sink writes one `.json` per message into.
        #[arg(long)]
        sink_dir: std::path::PathBuf,
        #[arg(long, default_value_t = 1000)]
        count: usize,
        #[arg(long, default_value_t = 3)]
        rounds: u32,
    },
    /// Webhook deliveries/s: a batch of `count` invites whose `invite.created` events the
    /// server delivers to `endpoints` endpoints on an in-process receiver (from the POST until
    /// the receiver holds them all) vs a load generator posting the same number of payloads of
    /// the same shape and headers to the same receiver, `endpoints` in flight (the server sends
    /// each endpoint's deliveries one at a time, in order), alternating rounds. The server must
    /// run with `--webhook-allow-insecure` (the receiver is on loopback).
    Webhooks {
        #[arg(long)]
        url: String,
        #[arg(long)]
        key: String,
        #[arg(long, default_value_t = 8)]
        endpoints: usize,
        #[arg(long, default_value_t = 1000)]
        count: usize,
        #[arg(long, default_value_t = 3)]
        rounds: u32,
    },
    /// Create a fresh PostgreSQL database through an admin connection; prints its name and URL.
    PgCreate {
        #[arg(long)]
        admin_url: String,
    },
    /// Drop a database made by `pg-create` (`WITH (FORCE)`).
    PgDrop {
        #[arg(long)]
        admin_url: String,
        #[arg(long)]
        name: String,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Op {
    Hello,
    Get,
    Create,
    Accept,
}

fn stats(samples: &mut [f64]) -> serde_json::Value {
    samples.sort_by(|a, b| a.total_cmp(b));
    json!({
        "median": samples[samples.len() / 2],
        "min": samples[0],
        "max": samples[samples.len() - 1],
    })
}

/// Messages in the sink's directory.
fn sink_count(dir: &std::path::Path) -> Result<usize> {
    Ok(std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .count())
}

async fn emails(
    url: &str,
    key: &str,
    smtp: &str,
    sink_dir: &std::path::Path,
    count: usize,
    rounds: u32,
) -> Result<()> {
    use futures::StreamExt;
    use lettre::message::{Mailbox, MultiPart};
    use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
    let addr = smtp
        .strip_prefix("smtp://")
        .context("want smtp://host:port")?;
    let (host, port) = addr.rsplit_once(':').context("want smtp://host:port")?;
    let bare = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
        .port(port.parse()?)
        .pool_config(lettre::transport::smtp::PoolConfig::new().max_size(8))
        .build();
    let client = Client::builder()
        .base_url(url)
        .api_key(key)
        .max_retries(0)
        .build()?;
    let from: Mailbox = "Invites <invites@localhost>".parse()?;
    let text = "Grace invited you to join Acme.\n\nWelcome aboard!\n\nRoles: developer\n\
        This invitation expires on 2027-01-01 00:00 UTC.\n\nOpen this link to accept it:\n\
        http://127.0.0.1:8080/invite/ic_0123456789abcdef0123456789abcdef01234567\n"
        .repeat(2);
    let html = format!("<!DOCTYPE html><html><body><pre>{text}</pre></body></html>");
    let (mut ours, mut ceiling) = (vec![], vec![]);
    for round in 0..rounds {
        // The bare loop: the ceiling of this sink on this machine.
        let before = sink_count(sink_dir)?;
        let t = Instant::now();
        futures::stream::iter(0..count)
            .map(|i| {
                let m = Message::builder()
                    .from(from.clone())
                    .to(format!("c{round}x{i}@example.com")
                        .parse()
                        .expect("address"))
                    .subject("Grace invited you to join Acme on Invites")
                    .date_now()
                    .message_id(None)
                    .multipart(MultiPart::alternative_plain_html(
                        text.clone(),
                        html.clone(),
                    ))
                    .expect("message");
                let bare = &bare;
                async move { bare.send(m).await.map(drop) }
            })
            .buffer_unordered(8)
            .try_collect::<Vec<()>>()
            .await?;
        ceiling.push(count as f64 / t.elapsed().as_secs_f64());
        anyhow::ensure!(
            sink_count(sink_dir)? - before == count,
            "the sink lost messages"
        );
        // The outbox: one batch, sent by the server's worker.
        let before = sink_count(sink_dir)?;
        let emails: Vec<String> = (0..count)
            .map(|i| format!("o{round}x{i}@example.com"))
            .collect();
        let body: types::InviteBatchCreate = serde_json::from_value(json!({
            "emails": emails, "roles": ["developer"], "message": "Welcome aboard!",
            "inviter": "Grace", "send_email": true,
        }))?;
        let t = Instant::now();
        client.invites().create_batch(&body).await?;
        let deadline = Instant::now() + std::time::Duration::from_secs(300);
        while sink_count(sink_dir)? - before < count {
            anyhow::ensure!(
                Instant::now() < deadline,
                "the outbox did not deliver in 300 s"
            );
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        ours.push(count as f64 / t.elapsed().as_secs_f64());
    }
    let ratios: Vec<f64> = ours.iter().zip(&ceiling).map(|(a, b)| a / b).collect();
    println!(
        "{}",
        json!({
            "outbox_emails_per_s": stats(&mut ours),
            "lettre_emails_per_s": stats(&mut ceiling),
            "paired_ratio": stats(&mut ratios.clone()),
        })
    );
    Ok(())
}

/// An in-process webhook receiver: counts the POSTs it gets and answers 204; its URL and count.
async fn receiver() -> Result<(String, Arc<AtomicU64>)> {
    let count = Arc::new(AtomicU64::new(0));
    let seen = count.clone();
    let app = axum::Router::new().route(
        "/{*path}",
        axum::routing::post(move |body: axum::body::Bytes| {
            let seen = seen.clone();
            async move {
                std::hint::black_box(body);
                seen.fetch_add(1, Ordering::Relaxed);
                axum::http::StatusCode::NO_CONTENT
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}", listener.local_addr()?);
    tokio::spawn(async move { axum::serve(listener, app).await });
    Ok((url, count))
}

async fn webhooks(url: &str, key: &str, endpoints: usize, count: usize, rounds: u32) -> Result<()> {
    use futures::StreamExt;
    let (rx_url, received) = receiver().await?;
    let client = Client::builder()
        .base_url(url)
        .api_key(key)
        .max_retries(0)
        .build()?;
    for i in 0..endpoints {
        let body: types::WebhookEndpointCreate = serde_json::from_value(json!({
            "url": format!("{rx_url}/hooks/{i}"), "event_types": ["invite.created"],
        }))?;
        client.webhooks().create(&body).await?;
    }
    // A payload of the shape the server sends (an invite.created event), with its headers.
    let sample = serde_json::to_string(&json!({
        "id": "evt_01a2336ee3cd0000d58f5344", "type": "invite.created",
        "created_at": "2026-12-01T21:07:15.021Z",
        "actor": {"type": "api_key", "id": "key_01a2336ee3840fbfa847d5d7"},
        "data": {"invite": {
            "id": "inv_01a2336ee3cd6cea39e9f999", "organization_id": "org_01a2336ee384853a3d516b11",
            "roles": ["developer"], "teams": [], "emails": ["o0x0@example.com"], "status": "pending",
            "enabled": true, "max_uses": 1, "use_count": 0, "metadata": {}, "name": null,
            "description": null, "message": null, "last_used_at": null,
            "created_at": "2026-12-01T21:07:15.021Z", "updated_at": "2026-12-01T21:07:15.021Z",
            "expires_at": "2026-12-08T21:07:15.021Z",
        }},
    }))?;
    let http = reqwest::Client::new();
    let total = count * endpoints;
    let wait_for = |target: u64| {
        let received = received.clone();
        async move {
            let deadline = Instant::now() + Duration::from_secs(300);
            while received.load(Ordering::Relaxed) < target {
                anyhow::ensure!(Instant::now() < deadline, "deliveries missing after 300 s");
                tokio::time::sleep(Duration::from_millis(2)).await;
            }
            Ok(())
        }
    };
    let (mut ours, mut ceiling) = (vec![], vec![]);
    let (mut batch_ms, mut first_ms) = (vec![], vec![]);
    for round in 0..rounds {
        let before = received.load(Ordering::Relaxed);
        let t = Instant::now();
        futures::stream::iter(0..total)
            .map(|i| {
                let req = http
                    .post(format!("{rx_url}/hooks/{}", i % endpoints))
                    .header("content-type", "application/json")
                    .header("webhook-id", "evt_01a2336ee3cd0000d58f5344")
                    .header("webhook-timestamp", "1764623235")
                    .header(
                        "webhook-signature",
                        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                    )
                    .body(sample.clone());
                async move { req.send().await?.error_for_status().map(drop) }
            })
            .buffer_unordered(endpoints)
            .try_collect::<Vec<()>>()
            .await?;
        ceiling.push(total as f64 / t.elapsed().as_secs_f64());
        anyhow::ensure!(
            received.load(Ordering::Relaxed) - before == total as u64,
            "the receiver lost requests"
        );
        let before = received.load(Ordering::Relaxed);
        let emails: Vec<String> = (0..count)
            .map(|i| format!("w{round}x{i}@example.com"))
            .collect();
        let body: types::InviteBatchCreate =
            serde_json::from_value(json!({"emails": emails, "roles": ["developer"]}))?;
        let t = Instant::now();
        client.invites().create_batch(&body).await?;
        batch_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        wait_for(before + 1).await?;
        first_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        wait_for(before + total as u64).await?;
        ours.push(total as f64 / t.elapsed().as_secs_f64());
    }
    let ratios: Vec<f64> = ours.iter().zip(&ceiling).map(|(a, b)| a / b).collect();
    println!(
        "{}",
        json!({
            "webhooks_per_s": stats(&mut ours),
            "load_generator_per_s": stats(&mut ceiling),
            "batch_commit_ms": stats(&mut batch_ms),
            "first_delivery_ms": stats(&mut first_ms),
            "paired_ratio": stats(&mut ratios.clone()),
        })
    );
    Ok(())
}

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        })
        .unwrap_or(0)
}

async fn client_bench(url: &str, key: &str, id: &str, calls: u32, rounds: u32) -> Result<()> {
    let ours = Client::builder()
        .base_url(url)
        .api_key(key)
        .max_retries(0)
        .build()?;
    let raw = reqwest::Client::builder().tcp_nodelay(true).build()?;
    let raw_url = format!("{url}/v1/invites/{id}");
    let auth = format!("Bearer {key}");
    // Warm both pools.
    ours.invites().get(id).await?;
    raw.get(&raw_url)
        .header("authorization", &auth)
        .send()
        .await?
        .error_for_status()?;
    let (mut a, mut b) = (vec![], vec![]);
    for _ in 0..rounds {
        let t = Instant::now();
        for _ in 0..calls {
            std::hint::black_box(ours.invites().get(id).await?);
        }
        a.push(f64::from(calls) / t.elapsed().as_secs_f64());
        let t = Instant::now();
        for _ in 0..calls {
            let r = raw
                .get(&raw_url)
                .header("authorization", &auth)
                .header("accept", "application/json")
                .send()
                .await?
                .error_for_status()?;
            let invite: types::Invite = r.json().await?;
            std::hint::black_box(invite);
        }
        b.push(f64::from(calls) / t.elapsed().as_secs_f64());
    }
    // Each round of ours is paired with the raw round right after it: the median of the
    // per-pair ratios cancels the machine's drift between rounds, which here is larger than the
    // few percent the two clients differ by.
    let mut paired: Vec<f64> = a.iter().zip(&b).map(|(x, y)| x / y).collect();
    println!(
        "{}",
        json!({
            "ours_calls_per_s": stats(&mut a),
            "raw_reqwest_calls_per_s": stats(&mut b),
            "paired_ratio": stats(&mut paired),
        })
    );
    Ok(())
}

async fn load(
    url: &str,
    key: &str,
    op: Op,
    target: &str,
    concurrency: usize,
    seconds: f64,
    idempotency_keys: bool,
) -> Result<()> {
    let http = reqwest::Client::builder()
        .tcp_nodelay(true)
        .pool_max_idle_per_host(concurrency)
        .build()?;
    let stop = Arc::new(AtomicBool::new(false));
    let errors = Arc::new(AtomicU64::new(0));
    let counter = Arc::new(AtomicU64::new(0));
    let mut tasks = vec![];
    // Addresses differ across runs too: a repeated address would be `already_member`.
    let run = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let started = Instant::now();
    for worker in 0..concurrency {
        let (http, stop, errors, counter) =
            (http.clone(), stop.clone(), errors.clone(), counter.clone());
        let (url, key, target) = (url.to_owned(), format!("Bearer {key}"), target.to_owned());
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::with_capacity(4096);
            let mut failures = std::collections::BTreeMap::<String, u64>::new();
            while !stop.load(Ordering::Relaxed) {
                let n = counter.fetch_add(1, Ordering::Relaxed);
                let req = match op {
                    Op::Hello => http.get(format!("{url}/")),
                    Op::Get => http
                        .get(format!("{url}/v1/invites/{target}"))
                        .header("authorization", &key),
                    Op::Create => http
                        .post(format!("{url}/v1/invites"))
                        .header("authorization", &key)
                        .json(&json!({"roles": ["viewer"], "ttl_seconds": 3600, "name": format!("bench {worker}-{n}")})),
                    Op::Accept => http
                        .post(format!("{url}/v1/invites/accept"))
                        .header("authorization", &key)
                        .json(&json!({"code": target, "email": format!("u{run}-{worker}x{n}@bench.example.com")})),
                };
                let req = if idempotency_keys && !matches!(op, Op::Hello | Op::Get) {
                    req.header("idempotency-key", format!("bench-{run}-{worker}-{n}"))
                } else {
                    req
                };
                let t = Instant::now();
                match req.send().await {
                    Ok(r) if r.status().is_success() => {
                        let _ = r.bytes().await;
                        lat.push(t.elapsed().as_secs_f64() * 1e3);
                    }
                    failed => {
                        errors.fetch_add(1, Ordering::Relaxed);
                        let kind = match failed {
                            Ok(r) => {
                                let status = r.status().as_u16();
                                let body = r.text().await.unwrap_or_default();
                                let kind = serde_json::from_str::<serde_json::Value>(&body)
                                    .ok()
                                    .and_then(|v| v["error"]["type"].as_str().map(str::to_owned))
                                    .unwrap_or_default();
                                format!("{status} {kind}")
                            }
                            Err(e) => format!("transport: {e}"),
                        };
                        *failures.entry(kind).or_insert(0u64) += 1;
                    }
                }
            }
            (lat, failures)
        }));
    }
    tokio::time::sleep(Duration::from_secs_f64(seconds)).await;
    stop.store(true, Ordering::Relaxed);
    let mut lat = vec![];
    let mut failures = std::collections::BTreeMap::<String, u64>::new();
    for t in tasks {
        let (l, f) = t.await?;
        lat.extend(l);
        for (k, n) in f {
            *failures.entry(k).or_insert(0) += n;
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    lat.sort_by(|a, b| a.total_cmp(b));
    let pct = |p: f64| {
        lat.get(((lat.len() as f64 * p) as usize).min(lat.len().saturating_sub(1)))
            .copied()
            .unwrap_or(f64::NAN)
    };
    println!(
        "{}",
        json!({
            "op": format!("{op:?}"), "concurrency": concurrency, "ok": lat.len(),
            "errors": errors.load(Ordering::Relaxed), "failures": failures,
            "req_per_s": lat.len() as f64 / elapsed, "p50_ms": pct(0.5), "p90_ms": pct(0.9),
            "p99_ms": pct(0.99), "p999_ms": pct(0.999), "max_ms": lat.last().copied().unwrap_or(f64::NAN),
        })
    );
    Ok(())
}

async fn hello(listen: &str) -> Result<()> {
    let app = axum::Router::new().route("/", axum::routing::get(|| async { "hello" }));
    let listener = tokio::net::TcpListener::bind(listen).await?;
    println!("listening on http://{}", listener.local_addr()?);
    use std::io::Write;
    std::io::stdout().flush()?;
    axum::serve(listener, app).await?;
    Ok(())
}

async fn list(url: &str, key: &str) -> Result<()> {
    let client = Client::new(url, key)?;
    let t = Instant::now();
    let mut n = 0u64;
    let mut stream = client.invites().list(ListInvites {
        limit: Some(100),
        ..Default::default()
    });
    while let Some(invite) = stream.try_next().await? {
        std::hint::black_box(invite);
        n += 1;
    }
    println!(
        "{}",
        json!({"items": n, "seconds": t.elapsed().as_secs_f64(), "peak_rss_kib": peak_rss_kib()})
    );
    Ok(())
}

async fn pg_create(admin_url: &str) -> Result<()> {
    use sqlx::Connection;
    let name = format!(
        "invites_bench_{}_{:08x}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0)
    );
    let mut conn = sqlx::PgConnection::connect(admin_url)
        .await
        .with_context(|| format!("connecting to {admin_url}"))?;
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await
        .with_context(|| format!("CREATE DATABASE {name}"))?;
    conn.close().await?;
    let mut url = reqwest::Url::parse(admin_url).context("the admin URL is not a URL")?;
    url.set_path(&format!("/{name}"));
    println!("{}", json!({"name": name, "url": url.as_str()}));
    Ok(())
}

async fn pg_drop(admin_url: &str, name: &str) -> Result<()> {
    use sqlx::Connection;
    anyhow::ensure!(
        name.starts_with("invites_bench_")
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
        "refusing to drop {name:?}: not a bench database"
    );
    let mut conn = sqlx::PgConnection::connect(admin_url).await?;
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&mut conn)
        .await?;
    conn.close().await?;
    println!("{}", json!({"dropped": name}));
    Ok(())
}

#[tokio::main]
async fn main() -> Result<()> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    match Cli::parse().cmd {
        Cmd::Client {
            url,
            key,
            invite_id,
            calls,
            rounds,
        } => client_bench(&url, &key, &invite_id, calls, rounds).await,
        Cmd::Load {
            url,
            key,
            op,
            target,
            concurrency,
            seconds,
            idempotency_keys,
        } => {
            load(
                &url,
                &key,
                op,
                &target,
                concurrency,
                seconds,
                idempotency_keys,
            )
            .await
        }
        Cmd::Emails {
            url,
            key,
            smtp,
            sink_dir,
            count,
            rounds,
        } => emails(&url, &key, &smtp, &sink_dir, count, rounds).await,
        Cmd::Webhooks {
            url,
            key,
            endpoints,
            count,
            rounds,
        } => webhooks(&url, &key, endpoints, count, rounds).await,
        Cmd::Hello { listen } => hello(&listen).await,
        Cmd::List { url, key } => list(&url, &key).await,
        Cmd::PgCreate { admin_url } => pg_create(&admin_url).await,
        Cmd::PgDrop { admin_url, name } => pg_drop(&admin_url, &name).await,
    }
    .context("benchmark failed")
}

//! Reference server of the Invites API (`spec/invites.yaml`).
//!
//! axum over sqlx: an embedded SQLite file by default, PostgreSQL through the same portable SQL.
//! The binary (`invites-server`) parses [`Config`], calls [`Server::bind`], prints
//! `listening on http://ADDR` to stdout and runs until SIGTERM/SIGINT; tests may do the same in
//! process.

pub mod batch;
pub mod config;
pub mod console;
pub mod db;
pub mod email;
pub mod error;
pub mod events;
pub mod idempotency;
pub mod input;
pub mod invitee;
pub mod metrics;
pub mod outbox;
pub mod ratelimit;
pub mod routes;
pub mod secrets;
pub mod webhooks;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use tokio::net::TcpListener;

pub use config::Config;
use db::Store;
use ratelimit::FailureLimiter;
use routes::AppState;
use secrets::{ADMIN_TOKEN_PREFIX, hash_secret, new_secret};

/// The settings row holding the admin token's hash.
const ADMIN_TOKEN_SETTING: &str = "admin_token_sha256";

/// A server bound to its address with its database ready.
pub struct Server {
    listener: TcpListener,
    addr: SocketAddr,
    state: Arc<AppState>,
    max_body_bytes: usize,
    request_timeout: Option<Duration>,
    header_read_timeout: Duration,
    max_connections: usize,
    shutdown_grace: Duration,
    event_retention: Duration,
    generated_admin_token: Option<String>,
}

/// The shortest admin token accepted.
pub const MIN_ADMIN_TOKEN_LEN: usize = 32;

impl Server {
    /// Bind `config.listen`, connect and migrate the database, settle the admin token.
    pub async fn bind(config: &Config) -> anyhow::Result<Server> {
        let listener = TcpListener::bind(config.listen)
            .await
            .with_context(|| format!("binding {}", config.listen))?;
        Server::with_listener(config, listener).await
    }

    /// Like [`Server::bind`], on a listener the caller bound.
    pub async fn with_listener(config: &Config, listener: TcpListener) -> anyhow::Result<Server> {
        let addr = listener.local_addr()?;
        metrics::init();
        if let Some(token) = config.admin_token.as_deref() {
            check_admin_token(token)?;
        }
        // Before the database: a bad email configuration stops the start at once.
        let mailer = outbox::Mailer::from_config(config)?;
        invitee::check_urls(config.public_url.as_deref(), config.app_url.as_deref())?;
        let store = Store::connect(&config.store_options()).await?;
        let (admin_token_hash, generated_admin_token) =
            admin_token_hash(&store, config.admin_token.as_deref()).await?;
        let webhooks = Arc::new(webhooks::Webhooks {
            key: webhooks::key::resolve(config.secret_key.as_deref(), &config.database_url, &store)
                .await?,
            allow_insecure: config.webhook_allow_insecure,
            schedule: config
                .webhook_retry_schedule
                .clone()
                .unwrap_or_else(webhooks::default_schedule),
        });
        if config.webhook_allow_insecure {
            tracing::warn!(
                "--webhook-allow-insecure: webhooks may go to http and non-public addresses \
                 (for tests and local development only)"
            );
        }
        let public_url = config
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{addr}"))
            .trim_end_matches('/')
            .to_string();
        let state = Arc::new(AppState {
            store: store.clone(),
            admin_token_hash,
            public_url,
            limiter: FailureLimiter::new(config.rate_limit_failures, config.rate_limit_window()),
            code_limiter: FailureLimiter::new(
                config.rate_limit_code_failures,
                config.rate_limit_window(),
            ),
            keys: Default::default(),
            orgs: Default::default(),
            invite_reads: routes::invites::invite_reads(&store),
            mailer,
            page: invitee::PageSettings::from_config(config),
            webhooks,
            accept_hints: Default::default(),
        });
        Ok(Server {
            listener,
            addr,
            state,
            max_body_bytes: config.max_body_bytes,
            request_timeout: config.request_timeout(),
            header_read_timeout: Duration::from_millis(config.header_read_timeout_ms.max(1)),
            max_connections: config.max_connections.max(1),
            shutdown_grace: Duration::from_secs(config.shutdown_grace_secs),
            event_retention: config.event_retention(),
            generated_admin_token,
        })
    }

    /// The admin token this server generated and stored (as a hash) on this start, if it did:
    /// the caller shows it once (the binary prints it on stdout, never on the log stream).
    pub fn take_generated_admin_token(&mut self) -> Option<String> {
        self.generated_admin_token.take()
    }

    /// The address the server listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Serve until `shutdown` completes, then finish the requests in flight and close the pool.
    pub async fn run(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let store = self.state.store.clone();
        let purger = {
            let store = store.clone();
            let event_retention = self.event_retention;
            tokio::spawn(async move {
                let mut tick = tokio::time::interval(events::PURGE_EVERY);
                loop {
                    tick.tick().await;
                    if let Err(e) = store.purge_idempotency(idempotency::KEY_TTL).await {
                        tracing::warn!(error = %e, "purging old idempotency keys failed");
                    }
                    if let Err(e) = events::purge(&store, event_retention).await {
                        tracing::warn!(error = %e, "purging old events failed");
                    }
                    if let Err(e) = webhooks::purge(&store, event_retention).await {
                        tracing::warn!(error = %e, "purging old webhook attempts failed");
                    }
                }
            })
        };
        // The outbox worker of this replica (none without a transport).
        let (stop_worker, stopped) = tokio::sync::watch::channel(false);
        let worker = self
            .state
            .mailer
            .clone()
            .map(|mailer| tokio::spawn(outbox::worker::run(store.clone(), mailer, stopped)));
        // The webhook worker of this replica (dispatch and delivery).
        let webhook_worker = tokio::spawn(webhooks::worker::run(
            store.clone(),
            self.state.webhooks.clone(),
            stop_worker.subscribe(),
        ));
        let app = routes::router(self.state, self.max_body_bytes, self.request_timeout);
        serve(
            self.listener,
            app,
            ServeLimits {
                header_read_timeout: self.header_read_timeout,
                max_connections: self.max_connections,
                shutdown_grace: self.shutdown_grace,
            },
            shutdown,
        )
        .await;
        purger.abort();
        if let Some(mut w) = worker {
            // Let the batch in flight finish and be recorded (an SMTP exchange times out after
            // SMTP_TIMEOUT); past that, rows it had claimed stay leased and are sent after the
            // lease, by this or another replica.
            let _ = stop_worker.send(true);
            let grace = outbox::SMTP_TIMEOUT + Duration::from_secs(5);
            if tokio::time::timeout(grace, &mut w).await.is_err() {
                tracing::warn!("the email outbox worker did not stop in time; aborting it");
                w.abort();
            }
        }
        {
            // The sends in flight finish (each within SEND_TIMEOUT) and are recorded; past
            // that, the endpoints they held stay leased and are served after the lease.
            let _ = stop_worker.send(true);
            let mut w = webhook_worker;
            let grace = webhooks::worker::SEND_TIMEOUT + Duration::from_secs(5);
            if tokio::time::timeout(grace, &mut w).await.is_err() {
                tracing::warn!("the webhook worker did not stop in time; aborting it");
                w.abort();
            }
        }
        store.close().await;
        Ok(())
    }
}

/// What [`serve`] allows its clients.
struct ServeLimits {
    header_read_timeout: Duration,
    max_connections: usize,
    shutdown_grace: Duration,
}

/// Accept connections (at most `max_connections` open at once) and serve HTTP/1 and HTTP/2 on
/// them until `shutdown`; then stop accepting, let the requests in flight finish for up to
/// `shutdown_grace`, and close what is left. A client that does not send a request's headers
/// within `header_read_timeout` is disconnected.
async fn serve(
    listener: TcpListener,
    app: axum::Router,
    limits: ServeLimits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) {
    use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
    let mut builder = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout);
    builder.http2().timer(TokioTimer::new());
    let builder = Arc::new(builder);
    let slots = Arc::new(tokio::sync::Semaphore::new(limits.max_connections));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let slot = tokio::select! {
            slot = slots.clone().acquire_owned() => slot.expect("never closed"),
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors and the like: pause rather than spin.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        // The peer address, for the handlers that limit by it (wrong admin tokens).
        let service = hyper_util::service::TowerToHyperService::new(
            app.clone()
                .layer(axum::Extension(axum::extract::ConnectInfo(peer))),
        );
        let watcher = graceful.watcher();
        let builder = builder.clone();
        tokio::spawn(async move {
            let conn = builder.serve_connection_with_upgrades(TokioIo::new(stream), service);
            if let Err(e) = watcher.watch(conn).await {
                tracing::debug!(error = %e, "connection ended with an error");
            }
            drop(slot);
        });
    }
    drop(listener);
    let open = graceful.count();
    if tokio::time::timeout(limits.shutdown_grace, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!(
            open,
            grace_secs = limits.shutdown_grace.as_secs(),
            "connections still open after the shutdown grace period; closing them"
        );
    }
}

/// Refuse an admin token shorter than [`MIN_ADMIN_TOKEN_LEN`] characters (without echoing it).
fn check_admin_token(token: &str) -> anyhow::Result<()> {
    let n = token.trim().chars().count();
    anyhow::ensure!(
        n >= MIN_ADMIN_TOKEN_LEN,
        "INVITES_ADMIN_TOKEN (--admin-token) must have at least {MIN_ADMIN_TOKEN_LEN} characters, \
         it has {n}; leave it unset to have one generated"
    );
    Ok(())
}

/// The admin token's hash: from the configured token, else the stored one, else a new token
/// generated and stored as a hash (returned too, for the caller to show once).
async fn admin_token_hash(
    store: &Store,
    configured: Option<&str>,
) -> anyhow::Result<(String, Option<String>)> {
    if let Some(token) = configured {
        check_admin_token(token)?;
        return Ok((hash_secret(token.trim()), None));
    }
    if let Some(h) = store.setting(ADMIN_TOKEN_SETTING).await? {
        return Ok((h, None));
    }
    let token = new_secret(ADMIN_TOKEN_PREFIX);
    let hash = hash_secret(&token);
    if store.init_setting(ADMIN_TOKEN_SETTING, &hash).await? {
        return Ok((hash, Some(token)));
    }
    // Another replica stored one first.
    let stored = store
        .setting(ADMIN_TOKEN_SETTING)
        .await?
        .context("the admin token setting vanished")?;
    Ok((stored, None))
}

/// Completes on SIGTERM or SIGINT.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down");
}

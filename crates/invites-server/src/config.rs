//! Configuration: command-line flags, each also read from the environment.

use std::net::SocketAddr;
use std::time::Duration;

use clap::Parser;

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line (for log collectors).
    Json,
}

/// `--smtp-url` as given; its `Debug` hides the credentials (checked when the server starts, so
/// that a bad URL is reported without its password rather than echoed by the argument parser).
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpUrl(pub String);

impl std::str::FromStr for SmtpUrl {
    type Err = std::convert::Infallible;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(SmtpUrl(s.to_owned()))
    }
}

impl std::fmt::Debug for SmtpUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", crate::outbox::redact_url(&self.0))
    }
}

/// The server's configuration.
#[derive(Debug, Clone, Parser)]
#[command(
    name = "invites-server",
    version,
    about = "Reference server of the Invites API"
)]
pub struct Config {
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, env = "INVITES_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,

    /// Database URL: `sqlite://PATH` (created if missing) or `postgres://…`.
    #[arg(
        long,
        env = "INVITES_DATABASE_URL",
        default_value = "sqlite://invites.db"
    )]
    pub database_url: String,

    /// The admin token for creating organizations, at least 32 characters. When unset and none
    /// is stored yet, one is generated on first start and printed once on stdout (never on the
    /// log stream); only its hash is kept.
    #[arg(long, env = "INVITES_ADMIN_TOKEN", hide_env_values = true)]
    pub admin_token: Option<String>,

    /// Base URL of invite links (`<public-url>/invite#code=<code>`, this server's invitee page);
    /// default `http://<listen address>`. A value holding `{code}` is a template for an
    /// application's own page instead, e.g. `https://app.example.com/join#code={code}`.
    #[arg(long, env = "INVITES_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// The application's address, linked from the invitee page once the invitee joined.
    #[arg(long, env = "INVITES_APP_URL")]
    pub app_url: Option<String>,

    /// Requests of the invitee page (lookups, code requests, joins) allowed per client address
    /// within one rate-limit window; 0 disables.
    #[arg(long, env = "INVITES_PAGE_RATE_LIMIT", default_value_t = 60)]
    pub page_rate_limit: u32,

    /// One-time codes the invitee page emails per client address within one code lifetime;
    /// 0 disables.
    #[arg(long, env = "INVITES_JOIN_CODES_PER_CLIENT", default_value_t = 20)]
    pub join_codes_per_client: u32,

    /// Lifetime of the invitee page's one-time codes, in seconds (tests shorten it).
    #[arg(
        long,
        env = "INVITES_JOIN_CODE_TTL_SECS",
        default_value_t = 600,
        hide = true
    )]
    pub join_code_ttl_secs: u64,

    /// Failed lookups/accepts (unknown code, or an address the invite does not allow) allowed per
    /// API key within one window; 0 disables.
    #[arg(long, env = "INVITES_RATE_LIMIT_FAILURES", default_value_t = 30)]
    pub rate_limit_failures: u32,

    /// Failed lookups/accepts allowed per invite code within one window (e.g. addresses tried
    /// against one valid code); 0 disables.
    #[arg(long, env = "INVITES_RATE_LIMIT_CODE_FAILURES", default_value_t = 10)]
    pub rate_limit_code_failures: u32,

    /// Length of the rate-limit window, in seconds.
    #[arg(long, env = "INVITES_RATE_LIMIT_WINDOW_SECS", default_value_t = 60)]
    pub rate_limit_window_secs: u64,

    /// Largest request body, in bytes.
    #[arg(long, env = "INVITES_MAX_BODY_BYTES", default_value_t = 1 << 20)]
    pub max_body_bytes: usize,

    /// Longest time a request may take, in milliseconds, before it is abandoned (its transaction
    /// rolled back) and answered 503 `unavailable` with `Retry-After`; 0 disables.
    #[arg(long, env = "INVITES_REQUEST_TIMEOUT_MS", default_value_t = 30_000)]
    pub request_timeout_ms: u64,

    /// Connections in the database pool (default: 8 on SQLite, 16 on PostgreSQL).
    #[arg(long, env = "INVITES_DB_POOL_SIZE")]
    pub db_pool_size: Option<u32>,

    /// Seconds to wait for a pooled connection before answering 503.
    #[arg(long, env = "INVITES_DB_ACQUIRE_TIMEOUT_SECS", default_value_t = 10)]
    pub db_acquire_timeout_secs: u64,

    /// PostgreSQL: seconds a pooled connection may stay idle before it is closed (the
    /// database's backends follow the load down; checked every half of the shorter of the two
    /// limits, at most every 30 s); 0 keeps idle connections open.
    #[arg(long, env = "INVITES_DB_IDLE_TIMEOUT_SECS", default_value_t = 600)]
    pub db_idle_timeout_secs: u64,

    /// PostgreSQL: seconds after which a pooled connection (less up to a tenth, drawn per
    /// connection) is closed once its use ends or when found idle, and a new one opened when
    /// needed (connections move over to a new server after a failover or a DNS change); 0
    /// keeps connections without limit.
    #[arg(long, env = "INVITES_DB_MAX_LIFETIME_SECS", default_value_t = 1800)]
    pub db_max_lifetime_secs: u64,

    /// Longest wait, in milliseconds, for a client to send a request's headers, the first one or
    /// the next on a kept-alive connection (so it is also the idle timeout); a slower or idle
    /// client is disconnected (it would otherwise hold its socket without end).
    #[arg(long, env = "INVITES_HEADER_READ_TIMEOUT_MS", default_value_t = 10_000)]
    pub header_read_timeout_ms: u64,

    /// Open client connections served at once; further ones wait to be accepted.
    #[arg(long, env = "INVITES_MAX_CONNECTIONS", default_value_t = 10_000)]
    pub max_connections: usize,

    /// On SIGTERM/SIGINT: seconds to let requests in flight finish before the remaining
    /// connections are closed. Answered writes are committed before they are answered.
    #[arg(long, env = "INVITES_SHUTDOWN_GRACE_SECS", default_value_t = 30)]
    pub shutdown_grace_secs: u64,

    /// Log lines on stderr: `text` (human-readable) or `json` (one object per line).
    #[arg(long, env = "INVITES_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,

    /// PostgreSQL: prepared statements kept per connection. 0 turns the cache off, which a
    /// PgBouncer in transaction pooling mode needs (a named statement prepared on one server
    /// connection is missing on the next); give `--migrate-database-url` with it.
    #[arg(
        long,
        env = "INVITES_PG_STATEMENT_CACHE_CAPACITY",
        default_value_t = 100
    )]
    pub pg_statement_cache_capacity: usize,

    /// PostgreSQL: a direct URL (not through a transaction-pooling PgBouncer) for the schema
    /// migrations, which hold a session advisory lock; default: the database URL.
    #[arg(long, env = "INVITES_MIGRATE_DATABASE_URL", hide_env_values = true)]
    pub migrate_database_url: Option<String>,

    /// Send invitation emails through this SMTP server: `smtp://host:port` (plain),
    /// `smtp://host:port?tls=required` (STARTTLS, or fail), `?tls=opportunistic` (STARTTLS when
    /// offered), `smtps://user:pass@host:465` (TLS from the start); credentials in the URL
    /// (percent-encoded). Needs `--admin-token`. Never printed with its password.
    #[arg(long, env = "INVITES_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<SmtpUrl>,

    /// Write each invitation email as an `.eml` file into this directory (created if missing)
    /// instead of sending it; for demos and local development. Needs `--admin-token`.
    #[arg(long, env = "INVITES_EMAIL_DIR", conflicts_with = "smtp_url")]
    pub email_dir: Option<std::path::PathBuf>,

    /// The `From` of invitation emails.
    #[arg(
        long,
        env = "INVITES_EMAIL_FROM",
        default_value = crate::outbox::DEFAULT_FROM
    )]
    pub email_from: String,

    /// The waits between sending attempts of an email after temporary failures (connection
    /// errors, SMTP 4xx), a comma list of durations such as `1s,5s,30s` (units ms, s, m, h);
    /// each wait gets up to ±20 % jitter, and after the last one the email is `failed`.
    /// Default: 5s,30s,2m,10m,30m,1h,2h,4h,8h (about 16 hours in all).
    #[arg(long, env = "INVITES_EMAIL_RETRY_SCHEDULE")]
    pub email_retry_schedule: Option<crate::outbox::RetrySchedule>,

    /// Days the audit log (`listEvents`) keeps each event before a periodic purge forgets it;
    /// at least 30 (smaller values are refused).
    #[arg(
        long,
        env = "INVITES_EVENT_RETENTION_DAYS",
        default_value_t = crate::events::DEFAULT_RETENTION_DAYS,
        value_parser = crate::events::parse_retention_days
    )]
    pub event_retention_days: u32,

    /// The server key: 32 bytes as 64 hex digits (or base64) that seal the webhook signing
    /// secrets at rest. Without it a SQLite server keeps a generated one in `secret.key` beside
    /// the database file; PostgreSQL replicas must all be given the same one.
    #[arg(long, env = "INVITES_SECRET_KEY", hide_env_values = true)]
    pub secret_key: Option<String>,

    /// Allow webhook URLs over plain http and on loopback, private and other non-public
    /// addresses: for tests and local development only.
    #[arg(long, env = "INVITES_WEBHOOK_ALLOW_INSECURE")]
    pub webhook_allow_insecure: bool,

    /// The waits between the attempts of one webhook delivery, a comma list of durations such
    /// as `1s,2s,4s` (units ms, s, m, h); each wait gets up to ±20 % jitter, and after the last
    /// one the delivery is `failed`. Default: 5s,5m,30m,2h,5h,10h,10h.
    #[arg(long, env = "INVITES_WEBHOOK_RETRY_SCHEDULE")]
    pub webhook_retry_schedule: Option<crate::outbox::RetrySchedule>,
}

impl Config {
    /// A configuration with every default, for `database_url` (handy in tests).
    pub fn new(database_url: impl Into<String>) -> Self {
        Config {
            listen: "127.0.0.1:0".parse().expect("static address"),
            database_url: database_url.into(),
            admin_token: None,
            public_url: None,
            app_url: None,
            page_rate_limit: 60,
            join_codes_per_client: 20,
            join_code_ttl_secs: 600,
            rate_limit_failures: 30,
            rate_limit_code_failures: 10,
            rate_limit_window_secs: 60,
            max_body_bytes: 1 << 20,
            request_timeout_ms: 30_000,
            db_pool_size: None,
            db_acquire_timeout_secs: 10,
            db_idle_timeout_secs: 600,
            db_max_lifetime_secs: 1800,
            pg_statement_cache_capacity: 100,
            migrate_database_url: None,
            log_format: LogFormat::Text,
            header_read_timeout_ms: 10_000,
            max_connections: 10_000,
            shutdown_grace_secs: 30,
            smtp_url: None,
            email_dir: None,
            email_from: crate::outbox::DEFAULT_FROM.to_string(),
            email_retry_schedule: None,
            event_retention_days: crate::events::DEFAULT_RETENTION_DAYS,
            secret_key: None,
            webhook_allow_insecure: false,
            webhook_retry_schedule: None,
        }
    }

    /// The per-request timeout, if any.
    pub fn request_timeout(&self) -> Option<Duration> {
        (self.request_timeout_ms > 0).then(|| Duration::from_millis(self.request_timeout_ms))
    }

    /// How the store reaches the database.
    pub fn store_options(&self) -> crate::db::StoreOptions {
        crate::db::StoreOptions {
            url: self.database_url.clone(),
            pool_size: self.db_pool_size,
            acquire_timeout: Duration::from_secs(self.db_acquire_timeout_secs.max(1)),
            pg_statement_cache_capacity: self.pg_statement_cache_capacity,
            migrate_url: self.migrate_database_url.clone(),
            idle_timeout: secs(self.db_idle_timeout_secs),
            max_lifetime: secs(self.db_max_lifetime_secs),
        }
    }

    /// How long events are kept.
    pub fn event_retention(&self) -> Duration {
        Duration::from_secs(u64::from(self.event_retention_days) * 86_400)
    }

    /// The rate-limit window.
    pub fn rate_limit_window(&self) -> Duration {
        Duration::from_secs(self.rate_limit_window_secs.max(1))
    }
}

/// A duration of `n` seconds; `None` for 0 (no limit).
fn secs(n: u64) -> Option<Duration> {
    (n > 0).then(|| Duration::from_secs(n))
}

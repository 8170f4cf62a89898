//! `invites-server`: the reference server of the Invites API.
//!
//! Logs go to stderr (filter from `INVITES_LOG`, else `RUST_LOG`, else `info`); stdout has
//! `listening on http://ADDR`, printed once the database is ready, and, on the first start
//! without a configured admin token, the generated token on the line after it.

use std::io::{IsTerminal, Write};

use clap::Parser;
use invites_server::config::LogFormat;
use invites_server::{Config, Server, shutdown_signal};
use tracing_subscriber::EnvFilter;

/// mimalloc instead of the system allocator: under load, glibc's malloc and free took about 12 %
/// of the server's CPU (per-request strings, JSON values, SQLite's page buffers).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let config = Config::parse();
    let filter = EnvFilter::try_from_env("INVITES_LOG")
        .or_else(|_| EnvFilter::try_from_default_env())
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    let logs = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(filter);
    match config.log_format {
        LogFormat::Text => logs.with_ansi(std::io::stderr().is_terminal()).init(),
        LogFormat::Json => logs.json().with_ansi(false).init(),
    }
    let mut server = Server::bind(&config).await?;
    {
        // One write: the listening line, then a generated admin token (stdout only, never the
        // log stream), so that a reader of the first line has the second one buffered too.
        let mut text = format!("listening on http://{}\n", server.local_addr());
        if let Some(token) = server.take_generated_admin_token() {
            text.push_str(&format!(
                "admin token (generated on this first start, shown only this once): {token}\n"
            ));
        }
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()?;
    }
    tracing::info!(addr = %server.local_addr(), "ready");
    server.run(shutdown_signal()).await
}

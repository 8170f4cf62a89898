//! The transports: SMTP through lettre (pooled connections; plain, STARTTLS or TLS; credentials
//! from the URL, never shown) and a directory of `.eml` files.

use std::path::PathBuf;
use std::time::Duration;

use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::transport::smtp::{AsyncSmtpTransport, PoolConfig};
use lettre::{AsyncFileTransport, AsyncTransport, Message, Tokio1Executor};

/// Longest an SMTP exchange may take (connect, commands, data); shorter than the lease.
pub const SMTP_TIMEOUT: Duration = Duration::from_secs(15);

/// A bad email configuration: the server does not start.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// `--smtp-url` does not parse; the URL is shown without its credentials.
    #[error("--smtp-url (INVITES_SMTP_URL) {url}: {reason}")]
    SmtpUrl {
        /// The URL with any user and password replaced by `***`.
        url: String,
        /// What is wrong.
        reason: String,
    },
    /// `--email-from` is not a mailbox.
    #[error(
        "--email-from (INVITES_EMAIL_FROM) {0:?} is not a mailbox such as `Invites <invites@example.com>`: {1}"
    )]
    From(String, String),
    /// The email directory cannot be created.
    #[error("--email-dir (INVITES_EMAIL_DIR) {0}: {1}")]
    Dir(String, String),
    /// A transport without a configured admin token.
    #[error(
        "sending emails (--smtp-url or --email-dir) needs --admin-token (INVITES_ADMIN_TOKEN): \
         queued invite links are sealed under a key derived from it, which must be the same \
         after a restart and on every replica; a generated token is kept only as a hash"
    )]
    NoAdminToken,
}

/// Why one send failed.
#[derive(Debug, Clone, thiserror::Error)]
pub enum SendError {
    /// Worth retrying: the server could not be reached, or answered 4xx.
    #[error("{0}")]
    Temporary(String),
    /// Not worth retrying: the server answered 5xx (its reply).
    #[error("{0}")]
    Permanent(String),
}

/// Where emails go.
pub enum Transport {
    /// An SMTP server.
    Smtp {
        /// The pooled client.
        client: AsyncSmtpTransport<Tokio1Executor>,
        /// The URL as it may be shown.
        shown: String,
        /// The password, to scrub from any error text.
        secret: Option<String>,
    },
    /// `.eml` files in a directory.
    Dir {
        /// The writer.
        files: AsyncFileTransport<Tokio1Executor>,
        /// The directory.
        path: PathBuf,
    },
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Transport::Smtp { shown, .. } => write!(f, "Smtp({shown})"),
            Transport::Dir { path, .. } => write!(f, "Dir({})", path.display()),
        }
    }
}

/// The URL with its user information replaced by `***` (works on unparsable input too).
pub fn redact_url(raw: &str) -> String {
    let Some((scheme, rest)) = raw.split_once("://") else {
        return if raw.contains('@') {
            "***".to_owned()
        } else {
            raw.to_owned()
        };
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rfind('@') {
        Some(at) => format!("{scheme}://***@{}{tail}", &authority[at + 1..]),
        None => raw.to_owned(),
    }
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && bytes[i + 1].is_ascii_hexdigit()
            && bytes[i + 2].is_ascii_hexdigit()
            && let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl Transport {
    /// The transport the configuration names, if any.
    pub fn from_config(config: &crate::Config) -> Result<Option<Transport>, ConfigError> {
        if let Some(url) = &config.smtp_url {
            return Transport::smtp(&url.0).map(Some);
        }
        if let Some(dir) = &config.email_dir {
            std::fs::create_dir_all(dir)
                .map_err(|e| ConfigError::Dir(dir.display().to_string(), e.to_string()))?;
            return Ok(Some(Transport::Dir {
                files: AsyncFileTransport::<Tokio1Executor>::new(dir),
                path: dir.clone(),
            }));
        }
        Ok(None)
    }

    /// An SMTP transport from `smtp://[user:pass@]host[:port][?tls=required|opportunistic|none]`
    /// or `smtps://[user:pass@]host[:port]`.
    pub fn smtp(raw: &str) -> Result<Transport, ConfigError> {
        let shown = redact_url(raw);
        let bad = |reason: String| ConfigError::SmtpUrl {
            url: shown.clone(),
            reason,
        };
        let url = url::Url::parse(raw).map_err(|e| bad(e.to_string()))?;
        let host = url
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or_else(|| bad("no host".into()))?
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_owned();
        let mut tls_mode = None;
        for (k, v) in url.query_pairs() {
            match k.as_ref() {
                "tls" => tls_mode = Some(v.into_owned()),
                other => return Err(bad(format!("unknown parameter {other:?} (only tls)"))),
            }
        }
        if url.path().len() > 1 {
            return Err(bad("a path is not allowed".into()));
        }
        let tls_params =
            || TlsParameters::new(host.clone()).map_err(|e| bad(format!("TLS setup: {e}")));
        let (tls, default_port) = match (url.scheme(), tls_mode.as_deref()) {
            ("smtps", None) => (Tls::Wrapper(tls_params()?), 465),
            ("smtp", None | Some("none")) => (Tls::None, 25),
            ("smtp", Some("required")) => (Tls::Required(tls_params()?), 587),
            ("smtp", Some("opportunistic")) => (Tls::Opportunistic(tls_params()?), 587),
            ("smtps", Some(t)) => {
                return Err(bad(format!(
                    "smtps is TLS from the start; tls={t} is for smtp://"
                )));
            }
            ("smtp", Some(t)) => {
                return Err(bad(format!(
                    "tls={t}: want required, opportunistic or none"
                )));
            }
            (s, _) => return Err(bad(format!("scheme {s:?}: want smtp or smtps"))),
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
            .port(url.port().unwrap_or(default_port))
            .tls(tls)
            .timeout(Some(SMTP_TIMEOUT))
            .pool_config(PoolConfig::new().max_size(8));
        let mut secret = None;
        if !url.username().is_empty() {
            let password = decode(url.password().unwrap_or(""));
            if !password.is_empty() {
                secret = Some(password.clone());
            }
            builder = builder.credentials(Credentials::new(decode(url.username()), password));
        }
        Ok(Transport::Smtp {
            client: builder.build(),
            shown,
            secret,
        })
    }

    /// Send one message.
    pub async fn send(&self, message: Message) -> Result<(), SendError> {
        match self {
            Transport::Smtp { client, secret, .. } => {
                client.send(message).await.map(drop).map_err(|e| {
                    let mut text = e.to_string();
                    if let Some(s) = secret {
                        text = text.replace(s.as_str(), "***");
                    }
                    if e.is_permanent() {
                        SendError::Permanent(text)
                    } else {
                        SendError::Temporary(text)
                    }
                })
            }
            Transport::Dir { files, .. } => files
                .send(message)
                .await
                .map(drop)
                .map_err(|e| SendError::Temporary(e.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_redacted_even_when_they_do_not_parse() {
        assert_eq!(
            redact_url("smtps://ada:s3cret@mail.example.com:465"),
            "smtps://***@mail.example.com:465"
        );
        assert_eq!(
            redact_url("smtp://host:25?tls=none"),
            "smtp://host:25?tls=none"
        );
        assert_eq!(redact_url("smtp://a:b@c@host/x"), "smtp://***@host/x");
        assert!(!redact_url("nonsense:pass@word").contains("pass"));
        assert!(!redact_url("smtp://u:p%40ss@:bad:port").contains("p%40ss"));
    }

    /// A tokio runtime: a pooled transport spawns its pool's tasks on it.
    #[tokio::test]
    async fn bad_urls_are_refused_without_their_password() {
        for raw in [
            "smtp://user:hunter2hunter2@",
            "ftp://user:hunter2hunter2@host",
            "smtp://user:hunter2hunter2@host?tls=maybe",
            "smtps://user:hunter2hunter2@host?tls=required",
            "smtp://user:hunter2hunter2@host:99999",
            "smtp://user:hunter2hunter2@host/path",
            "smtp://user:hunter2hunter2@host?x=1",
        ] {
            let e = Transport::smtp(raw).expect_err(raw).to_string();
            assert!(!e.contains("hunter2"), "{e}");
            assert!(e.contains("--smtp-url"), "{e}");
        }
        for ok in [
            "smtp://127.0.0.1:2525",
            "smtp://localhost:2525?tls=none",
            "smtp://u:p@localhost:587?tls=required",
            "smtp://localhost?tls=opportunistic",
            "smtps://u:p%40ss@mail.example.com",
        ] {
            assert!(Transport::smtp(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn the_configured_url_debugs_without_its_password() {
        let c = crate::config::SmtpUrl("smtps://ada:hunter2@mail.example.com".into());
        assert_eq!(format!("{c:?}"), "\"smtps://***@mail.example.com\"");
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(decode("p%40ss%2Fw"), "p@ss/w");
        assert_eq!(decode("100%"), "100%");
    }
}

//! The invitee's page: what the invite `url` opens, served by the server itself.
//!
//! The link is `{public_url}/invite#code=ic_…`: the code travels in the URL **fragment**, which
//! a browser never sends to the server, so no request line (and no log line, no proxy log)
//! carries it. The page (`GET /invite`, plain HTML, CSS and one JavaScript module embedded in the
//! binary, under the console's strict Content-Security-Policy) reads the fragment and sends the
//! code in the JSON body of its POSTs to `/invite/lookup`, `/invite/code` and `/invite/join`
//! (handled in `routes/invites/join.rs`). Old links `/invite/ic_…` still open the page (their
//! path is logged as `/invite/[redacted]`). Opening the page, as mail scanners do, consumes
//! nothing: only a correct one-time code sent to `/invite/join` accepts the invite.
//!
//! An application with its own sign-up points `--public-url` at its own page: a value holding
//! `{code}` is a template (`https://app.example.com/join#code={code}`), used as it is with the
//! code in place of `{code}`.
//!
//! These endpoints are the server's own page machinery, not part of the public API
//! (`spec/invites.yaml`): an application uses `lookupInvite` and `acceptInvite` instead.

use std::time::Duration;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use lettre::Message;
use lettre::message::{Mailbox, MultiPart};
use minijinja::{Environment, context};

use crate::ratelimit::FailureLimiter;
use crate::secrets::hash_parts;

/// The placeholder of the code in a `--public-url` template.
pub const CODE_PLACEHOLDER: &str = "{code}";

/// Tries a one-time code allows.
pub const JOIN_CODE_TRIES: i64 = 5;

/// One-time codes sent to one address (over every invite) per code lifetime.
pub const JOIN_CODES_PER_ADDRESS: i64 = 5;

/// The default lifetime of a one-time code.
pub const DEFAULT_JOIN_CODE_TTL: Duration = Duration::from_secs(600);

/// The invite link of `code`: `public_url` with the code in place of [`CODE_PLACEHOLDER`] when
/// it holds one (an application's own page), else `{public_url}/invite#code={code}` (this
/// server's page). Codes are `ic_` and hex digits, safe anywhere in a URL.
pub fn invite_link(public_url: &str, code: &str) -> String {
    if public_url.contains(CODE_PLACEHOLDER) {
        public_url.replace(CODE_PLACEHOLDER, code)
    } else {
        format!("{public_url}/invite#code={code}")
    }
}

/// Check a `--public-url` (a base URL, or a template holding `{code}`) and `--app-url`: each
/// must be an absolute `http(s)` URL; a base URL has no query or fragment (the link appends
/// `/invite#code=…`). The message names the flag.
pub fn check_urls(public_url: Option<&str>, app_url: Option<&str>) -> anyhow::Result<()> {
    fn absolute(flag: &str, value: &str) -> anyhow::Result<url::Url> {
        let u = url::Url::parse(value).map_err(|e| {
            anyhow::anyhow!(
                "{flag} {value:?} is not an absolute URL such as https://example.com: {e}"
            )
        })?;
        anyhow::ensure!(
            matches!(u.scheme(), "http" | "https"),
            "{flag} {value:?} must be an http:// or https:// URL"
        );
        Ok(u)
    }
    if let Some(p) = public_url {
        if p.contains(CODE_PLACEHOLDER) {
            absolute("--public-url", &p.replace(CODE_PLACEHOLDER, "ic_0"))?;
        } else {
            let u = absolute("--public-url", p)?;
            anyhow::ensure!(
                u.query().is_none() && u.fragment().is_none(),
                "--public-url {p:?} is a base URL (links are <public-url>/invite#code=…): give no \
                 query or fragment, or a template holding {CODE_PLACEHOLDER} such as \
                 https://app.example.com/join#code={CODE_PLACEHOLDER}"
            );
        }
    }
    if let Some(a) = app_url {
        absolute("--app-url", a)?;
    }
    Ok(())
}

/// The page's settings, from the configuration.
#[derive(Debug)]
pub struct PageSettings {
    /// The application's address, linked from the "You joined" page (`--app-url`).
    pub app_url: Option<String>,
    /// How long a one-time code works (`--join-code-ttl-secs`, default 10 minutes).
    pub join_code_ttl: Duration,
    /// Every page request (lookup, code, join) per client address (`--page-rate-limit` per
    /// rate-limit window).
    pub requests: FailureLimiter,
    /// One-time codes sent per client address per code lifetime (`--join-codes-per-client`).
    pub sends: FailureLimiter,
}

impl PageSettings {
    /// From the configuration.
    pub fn from_config(config: &crate::Config) -> PageSettings {
        let ttl = Duration::from_secs(config.join_code_ttl_secs.max(1));
        PageSettings {
            app_url: config.app_url.clone(),
            join_code_ttl: ttl,
            requests: FailureLimiter::new(config.page_rate_limit, config.rate_limit_window()),
            sends: FailureLimiter::new(config.join_codes_per_client, ttl),
        }
    }
}

/// A new six-digit one-time code (uniform over 000000 to 999999).
pub fn new_join_code() -> String {
    format!("{:06}", rand::random_range(0..1_000_000u32))
}

/// The stored form of one-time code `code` of row `id`: SHA-256 over a server secret (`pepper`,
/// the admin token's hash, which is never in the database when emails are on: sending needs a
/// configured admin token), the row id and the code. A copy of the database alone therefore
/// does not let anyone try the million codes offline.
pub fn hash_join_code(pepper: &str, id: &str, code: &str) -> String {
    hash_parts(&[
        b"invites-join-code-v1",
        pepper.as_bytes(),
        id.as_bytes(),
        code.as_bytes(),
    ])
}

/// Compare two hex hashes in time independent of where they differ.
pub fn same_hash(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

const CODE_TEXT: &str = include_str!("../templates/email/join_code.txt");
const CODE_HTML: &str = include_str!("../templates/email/join_code.html");

fn templates() -> &'static Environment<'static> {
    static ENV: std::sync::OnceLock<Environment<'static>> = std::sync::OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        env.add_template("join_code.txt", CODE_TEXT)
            .expect("join_code.txt is a valid template");
        env.add_template("join_code.html", CODE_HTML)
            .expect("join_code.html is a valid template");
        env
    })
}

/// The email carrying one-time code `code` to `to` for joining `organization`.
pub fn join_code_email(
    from: &Mailbox,
    to: &str,
    organization: &str,
    code: &str,
    ttl: Duration,
) -> Result<Message, String> {
    let minutes = ttl.as_secs().div_ceil(60).max(1);
    // One line everywhere (no header injection through the subject, no surprise in the body).
    let org: String = organization
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let org = org.trim();
    let ctx = context! { organization => org, code => code, minutes => minutes };
    let render = |name: &str| {
        templates()
            .get_template(name)
            .and_then(|t| t.render(&ctx))
            .map_err(|e| format!("rendering the email: {e}"))
    };
    let (text, html) = (render("join_code.txt")?, render("join_code.html")?);
    let to: Mailbox = to
        .parse()
        .map_err(|e| format!("the address cannot be used in an email: {e}"))?;
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(format!("Your code to join {org}"))
        .date_now()
        .message_id(None)
        .multipart(MultiPart::alternative_plain_html(text, html))
        .map_err(|e| format!("building the email: {e}"))
}

const INDEX_HTML: &str = include_str!("../invitee/index.html");
const PAGE_JS: &str = include_str!("../invitee/page.js");
const PAGE_CSS: &str = include_str!("../invitee/page.css");

/// One embedded file with the console's security headers (strict CSP, no framing, no
/// referrer), and `no-store`: the page is about one person's invitation.
fn asset(content_type: &'static str, body: &'static str) -> Response {
    let headers: [(HeaderName, HeaderValue); 7] = [
        (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
        (
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(crate::console::CONTENT_SECURITY_POLICY),
        ),
        (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ),
        (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
    ];
    (headers, body).into_response()
}

fn page() -> Response {
    asset("text/html; charset=utf-8", INDEX_HTML)
}

/// The page's static routes: `/invite` (and old `/invite/{code}` links, whose code the page
/// reads from the path), `/invite/assets/page.js` and `/invite/assets/page.css`. GET and HEAD
/// only, and none of them reads the database: opening a link consumes nothing.
pub fn router<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    Router::new()
        .route("/invite", get(|| async { page() }))
        .route("/invite/", get(|| async { page() }))
        .route("/invite/{code}", get(|| async { page() }))
        .route(
            "/invite/assets/page.js",
            get(|| async { asset("text/javascript; charset=utf-8", PAGE_JS) }),
        )
        .route(
            "/invite/assets/page.css",
            get(|| async { asset("text/css; charset=utf-8", PAGE_CSS) }),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_carry_the_code_in_the_fragment_or_the_template() {
        assert_eq!(
            invite_link("http://127.0.0.1:8080", "ic_ab12"),
            "http://127.0.0.1:8080/invite#code=ic_ab12"
        );
        assert_eq!(
            invite_link("https://app.example.com/join#code={code}", "ic_ab12"),
            "https://app.example.com/join#code=ic_ab12"
        );
        assert_eq!(
            invite_link("https://app.example.com/join?invite={code}", "ic_ab12"),
            "https://app.example.com/join?invite=ic_ab12"
        );
    }

    #[test]
    fn urls_are_checked_naming_the_flag() {
        check_urls(
            Some("https://invites.example.com"),
            Some("https://app.example.com"),
        )
        .unwrap();
        check_urls(Some("https://app.example.com/join#code={code}"), None).unwrap();
        for (public, app, flag) in [
            (Some("invites.example.com"), None, "--public-url"),
            (Some("https://x.example.com/?a=1"), None, "--public-url"),
            (Some("ftp://x.example.com"), None, "--public-url"),
            (None, Some("/app"), "--app-url"),
        ] {
            let e = check_urls(public, app).unwrap_err().to_string();
            assert!(e.starts_with(flag), "{e}");
        }
    }

    #[test]
    fn codes_are_six_digits_and_hashed_with_the_row_and_the_pepper() {
        for _ in 0..200 {
            let c = new_join_code();
            assert_eq!(c.len(), 6);
            assert!(c.bytes().all(|b| b.is_ascii_digit()), "{c}");
        }
        let h = hash_join_code("pepper", "jc_1", "123456");
        assert_eq!(h.len(), 64);
        assert!(!h.contains("123456"));
        assert_ne!(h, hash_join_code("pepper", "jc_2", "123456"));
        assert_ne!(h, hash_join_code("other", "jc_1", "123456"));
        assert!(same_hash(&h, &hash_join_code("pepper", "jc_1", "123456")));
        assert!(!same_hash(&h, &hash_join_code("pepper", "jc_1", "123457")));
    }

    #[test]
    fn the_email_has_the_code_and_the_organization() {
        let from: Mailbox = crate::outbox::DEFAULT_FROM.parse().unwrap();
        let m = join_code_email(
            &from,
            "ada@example.com",
            "Acme\r\nBcc: x@evil.org",
            "042137",
            Duration::from_secs(600),
        )
        .unwrap();
        let raw = String::from_utf8(m.formatted()).unwrap();
        assert!(raw.contains("Your code: 042137"), "{raw}");
        assert!(raw.contains("10 minutes"), "{raw}");
        assert!(
            raw.contains("Subject: Your code to join Acme  Bcc: x@evil.org\r\n"),
            "{raw}"
        );
        assert!(!raw.contains("\nBcc:"), "{raw}");
    }
}

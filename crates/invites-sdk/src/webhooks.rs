//! Verifying what a webhook endpoint receives: the [Standard Webhooks] signature scheme the
//! server signs every delivery with, implemented once here for every SDK (the Python and Node
//! packages call these functions through their native modules).
//!
//! A delivery is a POST whose body is the event's JSON, with three headers:
//!
//! - `webhook-id`: the event id (the same on every retry, so receivers can drop duplicates);
//! - `webhook-timestamp`: when this attempt was signed, in unix seconds;
//! - `webhook-signature`: one or more space-separated `v1,<base64>` signatures, each the
//!   HMAC-SHA256 of `{id}.{timestamp}.{body}` under the endpoint's secret (two during the
//!   24 hours after a rotation: one per secret).
//!
//! [`verify`] checks the headers and that one signature matches (in constant time) and that the
//! timestamp is within five minutes of now; [`unwrap`] does the same and parses the body into a
//! typed [`types::Event`]. Pass the body exactly as received (the raw bytes, before any JSON
//! parsing), since a re-encoded body no longer matches its signature.
//!
//! ```
//! # fn handle(body: &[u8], headers: &[(String, String)]) -> Result<(), invites_sdk::Error> {
//! let secret = std::env::var("INVITES_WEBHOOK_SECRET").unwrap_or_default(); // whsec_…
//! match invites_sdk::webhooks::unwrap(body, headers, &secret) {
//!     Ok(event) => println!("{} {}", event.id, event.type_),
//!     // 400 for a bad signature: the sender is not the Invites server (or the body changed).
//!     Err(e @ invites_sdk::Error::WebhookVerification { .. }) => return Err(e),
//!     // A genuine delivery, but signed more than 5 minutes ago: a replay, or a skewed clock.
//!     Err(e @ invites_sdk::Error::WebhookTimestamp { .. }) => return Err(e),
//!     Err(e) => return Err(e),
//! }
//! # Ok(()) }
//! ```
//!
//! [Standard Webhooks]: https://www.standardwebhooks.com/

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::error::Error;
use crate::generated::types;
use crate::resources::Webhooks;

/// How far a delivery's `webhook-timestamp` may be from the receiver's clock, either way.
pub const TOLERANCE_SECONDS: i64 = 5 * 60;

/// The prefix of every webhook secret the server issues (`whsec_` + base64 of the key bytes).
pub const SECRET_PREFIX: &str = "whsec_";

/// The `webhook-id` header: the event id.
pub const ID_HEADER: &str = "webhook-id";
/// The `webhook-timestamp` header: unix seconds when the attempt was signed.
pub const TIMESTAMP_HEADER: &str = "webhook-timestamp";
/// The `webhook-signature` header: space-separated `v1,<base64>` signatures.
pub const SIGNATURE_HEADER: &str = "webhook-signature";

/// Check that a delivery was signed by the Invites server with `secret` within the last five
/// minutes (or five minutes ahead, for clock skew); the clock is the system's.
///
/// - `body`: the request body exactly as received.
/// - `headers`: the request's headers as any `(name, value)` pairs, names in any case: a
///   `&http::HeaderMap` (`&reqwest::header::HeaderMap`), a `&HashMap<String, String>`, a slice
///   or `Vec` of string pairs. A header given twice counts once (the first value), except
///   `webhook-signature`, whose values are all tried.
/// - `secret`: the endpoint's secret, `whsec_…` (as `createWebhookEndpoint` or
///   `rotateWebhookSecret` answered it; the bare base64 part is accepted too).
///
/// # Errors
///
/// [`Error::InvalidArgument`] (param `secret`) for a secret that is not `whsec_` + base64;
/// [`Error::WebhookVerification`] for a missing or malformed header or when no signature
/// matches; [`Error::WebhookTimestamp`] for a genuine signature whose timestamp is more than
/// [`TOLERANCE_SECONDS`] away from now.
pub fn verify(
    body: impl AsRef<[u8]>,
    headers: impl IntoIterator<Item = impl Header>,
    secret: &str,
) -> Result<(), Error> {
    verify_at(body, headers, secret, unix_now())
}

/// [`verify`] against the clock reading `now` (unix seconds) instead of the system clock: for
/// tests with fixed vectors, and for re-checking a delivery stored when it arrived.
///
/// # Errors
///
/// As [`verify`].
pub fn verify_at(
    body: impl AsRef<[u8]>,
    headers: impl IntoIterator<Item = impl Header>,
    secret: &str,
    now: i64,
) -> Result<(), Error> {
    let key = decode_secret(secret)?;
    let delivery = Headers::read(headers)?;
    delivery.check(&key, body.as_ref(), now)
}

/// [`verify`], then the body as the typed event it carries (`{id, type, created_at, actor,
/// data}`, as `listEvents` shows it).
///
/// # Errors
///
/// As [`verify`]; and [`Error::WebhookVerification`] (type `webhook_invalid_payload`) for a
/// correctly signed body that is not an event of this SDK's spec.
pub fn unwrap(
    body: impl AsRef<[u8]>,
    headers: impl IntoIterator<Item = impl Header>,
    secret: &str,
) -> Result<types::Event, Error> {
    unwrap_at(body, headers, secret, unix_now())
}

/// [`unwrap`] against the clock reading `now` (unix seconds); see [`verify_at`].
///
/// # Errors
///
/// As [`unwrap`].
pub fn unwrap_at(
    body: impl AsRef<[u8]>,
    headers: impl IntoIterator<Item = impl Header>,
    secret: &str,
    now: i64,
) -> Result<types::Event, Error> {
    let body = body.as_ref();
    verify_at(body, headers, secret, now)?;
    serde_json::from_slice(body).map_err(|e| Error::WebhookVerification {
        type_name: "webhook_invalid_payload",
        param: None,
        message: format!("the signature is valid but the body is not an event: {e}"),
    })
}

/// The system clock in unix seconds (what [`verify`] and [`unwrap`] compare timestamps to).
pub fn unix_now() -> i64 {
    chrono::Utc::now().timestamp()
}

impl Webhooks<'_> {
    /// [`webhooks::verify`](verify): check a delivery's headers and signature under `secret`.
    /// Needs no network; the client's configuration plays no part.
    ///
    /// # Errors
    ///
    /// As [`webhooks::verify`](verify).
    pub fn verify(
        &self,
        body: impl AsRef<[u8]>,
        headers: impl IntoIterator<Item = impl Header>,
        secret: &str,
    ) -> Result<(), Error> {
        verify(body, headers, secret)
    }

    /// [`webhooks::unwrap`](unwrap): verify a delivery and parse it into the typed event.
    ///
    /// ```no_run
    /// # fn example(client: invites_sdk::Client, body: &[u8], headers: &reqwest::header::HeaderMap) -> Result<(), invites_sdk::Error> {
    /// let event = client.webhooks().unwrap(body, headers, "whsec_…")?;
    /// if event.type_ == invites_sdk::types::EventType::InviteAccepted {
    ///     println!("{} joined", event.data["member"]["email"]);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// As [`webhooks::unwrap`](unwrap).
    pub fn unwrap(
        &self,
        body: impl AsRef<[u8]>,
        headers: impl IntoIterator<Item = impl Header>,
        secret: &str,
    ) -> Result<types::Event, Error> {
        unwrap(body, headers, secret)
    }
}

/// One request header, as [`verify`] and [`unwrap`] take them: any `(name, value)` pair of
/// strings (or of an `http` `HeaderName` and `HeaderValue`), or a reference to one, so a
/// `&HeaderMap`, a `&HashMap<String, String>`, `&[(String, String)]` or `[(&str, &str); 3]`
/// all serve as the headers.
pub trait Header {
    /// The header's name, in any case.
    fn name(&self) -> &str;
    /// The header's value, as sent.
    fn value(&self) -> &[u8];
}

impl<K: AsRef<str>, V: AsRef<[u8]>> Header for (K, V) {
    fn name(&self) -> &str {
        self.0.as_ref()
    }
    fn value(&self) -> &[u8] {
        self.1.as_ref()
    }
}

impl<T: Header + ?Sized> Header for &T {
    fn name(&self) -> &str {
        (**self).name()
    }
    fn value(&self) -> &[u8] {
        (**self).value()
    }
}

/// The HMAC key of a `whsec_…` secret.
fn decode_secret(secret: &str) -> Result<Vec<u8>, Error> {
    let bad = |why: &str| Error::InvalidArgument {
        param: "secret".into(),
        message: format!(
            "a webhook secret is `{SECRET_PREFIX}` followed by base64 (as the endpoint's \
             create or rotate_secret answered it): {why}"
        ),
    };
    let b64 = secret.trim().strip_prefix(SECRET_PREFIX).unwrap_or(secret);
    if b64.is_empty() {
        return Err(bad("it is empty"));
    }
    let key = BASE64
        .decode(b64)
        .map_err(|e| bad(&format!("not base64 ({e})")))?;
    if key.is_empty() {
        return Err(bad("it decodes to no bytes"));
    }
    Ok(key)
}

/// The three headers of a delivery.
struct Headers {
    id: String,
    timestamp: i64,
    signatures: Vec<String>,
}

fn missing(name: &'static str) -> Error {
    Error::WebhookVerification {
        type_name: "webhook_missing_header",
        param: Some(name),
        message: format!("the `{name}` header is missing"),
    }
}

fn malformed(name: &'static str, why: String) -> Error {
    Error::WebhookVerification {
        type_name: "webhook_invalid_header",
        param: Some(name),
        message: format!("the `{name}` header is malformed: {why}"),
    }
}

impl Headers {
    fn read(headers: impl IntoIterator<Item = impl Header>) -> Result<Self, Error> {
        let (mut id, mut timestamp, mut signatures) = (None, None, Vec::new());
        for header in headers {
            let (name, value) = (header.name().trim(), header.value());
            let slot = if name.eq_ignore_ascii_case(ID_HEADER) {
                &mut id
            } else if name.eq_ignore_ascii_case(TIMESTAMP_HEADER) {
                &mut timestamp
            } else if name.eq_ignore_ascii_case(SIGNATURE_HEADER) {
                let text = std::str::from_utf8(value)
                    .map_err(|_| malformed(SIGNATURE_HEADER, "not ASCII text".into()))?;
                signatures.extend(text.split_ascii_whitespace().map(str::to_owned));
                continue;
            } else {
                continue;
            };
            if slot.is_none() {
                *slot = Some(value.to_vec());
            }
        }
        let text = |name: &'static str, v: Option<Vec<u8>>| -> Result<String, Error> {
            let v = v.ok_or_else(|| missing(name))?;
            let s = String::from_utf8(v).map_err(|_| malformed(name, "not ASCII text".into()))?;
            let s = s.trim().to_owned();
            if s.is_empty() {
                return Err(missing(name));
            }
            Ok(s)
        };
        let id = text(ID_HEADER, id)?;
        let raw = text(TIMESTAMP_HEADER, timestamp)?;
        let timestamp = match raw.parse::<i64>() {
            Ok(t) if raw.bytes().all(|b| b.is_ascii_digit()) => t,
            _ => {
                return Err(malformed(
                    TIMESTAMP_HEADER,
                    format!("{raw:?} is not unix seconds"),
                ));
            }
        };
        if signatures.is_empty() {
            return Err(missing(SIGNATURE_HEADER));
        }
        Ok(Self {
            id,
            timestamp,
            signatures,
        })
    }

    /// One signature matches, then the timestamp is recent: so a timestamp error always means
    /// a genuine delivery signed too long ago (a replay, or a skewed clock).
    fn check(&self, key: &[u8], body: &[u8], now: i64) -> Result<(), Error> {
        let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes a key of any size");
        mac.update(self.id.as_bytes());
        mac.update(b".");
        mac.update(self.timestamp.to_string().as_bytes());
        mac.update(b".");
        mac.update(body);
        let mut versions = 0;
        let matched = self.signatures.iter().any(|s| {
            let Some(sig) = s.strip_prefix("v1,") else {
                return false; // another scheme (`v1a,` …): not ours to check
            };
            versions += 1;
            // Every candidate is decoded and compared in constant time; a bad one just fails.
            BASE64
                .decode(sig)
                .is_ok_and(|bytes| mac.clone().verify_slice(&bytes).is_ok())
        });
        if !matched {
            let message = if versions == 0 {
                "`webhook-signature` holds no `v1,` signature".to_owned()
            } else {
                format!(
                    "no signature matches ({versions} `v1,` signature(s) tried): the body, \
                     id or timestamp changed, or the secret is not this endpoint's"
                )
            };
            return Err(Error::WebhookVerification {
                type_name: "webhook_invalid_signature",
                param: Some(SIGNATURE_HEADER),
                message,
            });
        }
        if (now - self.timestamp).abs() > TOLERANCE_SECONDS {
            return Err(Error::WebhookTimestamp {
                timestamp: self.timestamp,
                now,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example of the Standard Webhooks specification (checked with the reference
    /// `standardwebhooks` Python library, 1.1.0).
    const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const ID: &str = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    const TS: i64 = 1614265330;
    const BODY: &str = r#"{"test": 2432232314}"#;
    const SIG: &str = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    fn headers(sig: &str) -> Vec<(String, String)> {
        vec![
            ("webhook-id".into(), ID.into()),
            ("webhook-timestamp".into(), TS.to_string()),
            ("webhook-signature".into(), sig.into()),
        ]
    }

    fn type_of(e: &Error) -> &str {
        e.type_name()
    }

    #[test]
    fn the_canonical_vector_verifies() {
        verify_at(BODY, headers(SIG), SECRET, TS).unwrap();
        // The bare base64 part of the secret is the same key.
        verify_at(BODY, headers(SIG), &SECRET[6..], TS).unwrap();
        // Within the tolerance either way.
        verify_at(BODY, headers(SIG), SECRET, TS + 300).unwrap();
        verify_at(BODY, headers(SIG), SECRET, TS - 300).unwrap();
    }

    #[test]
    fn header_names_are_case_insensitive_and_a_header_map_works() {
        let upper: Vec<(String, String)> = headers(SIG)
            .into_iter()
            .map(|(k, v)| (k.to_uppercase(), v))
            .collect();
        verify_at(BODY, &upper, SECRET, TS).unwrap();
        let mut map = reqwest::header::HeaderMap::new();
        for (k, v) in headers(SIG) {
            map.insert(
                reqwest::header::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                v.parse().unwrap(),
            );
        }
        verify_at(BODY, &map, SECRET, TS).unwrap();
        let hash: std::collections::HashMap<String, String> = headers(SIG).into_iter().collect();
        verify_at(BODY, &hash, SECRET, TS).unwrap();
        let strs = [
            ("Webhook-Id", ID),
            ("Webhook-Timestamp", "1614265330"),
            ("Webhook-Signature", SIG),
        ];
        verify_at(BODY.as_bytes(), strs, SECRET, TS).unwrap();
    }

    #[test]
    fn a_tampered_body_id_or_timestamp_fails() {
        let e = verify_at(r#"{"test": 2432232315}"#, headers(SIG), SECRET, TS).unwrap_err();
        assert_eq!(type_of(&e), "webhook_invalid_signature");
        assert_eq!(e.class_name(), "WebhookVerificationError");
        assert_eq!(e.param(), Some("webhook-signature"));
        let mut h = headers(SIG);
        h[0].1 = "msg_other".into();
        let e = verify_at(BODY, h, SECRET, TS).unwrap_err();
        assert_eq!(type_of(&e), "webhook_invalid_signature");
        let mut h = headers(SIG);
        h[1].1 = (TS + 1).to_string();
        let e = verify_at(BODY, h, SECRET, TS).unwrap_err();
        assert_eq!(type_of(&e), "webhook_invalid_signature");
    }

    #[test]
    fn a_wrong_secret_fails() {
        let other = format!("whsec_{}", BASE64.encode([7u8; 32]));
        let e = verify_at(BODY, headers(SIG), &other, TS).unwrap_err();
        assert_eq!(type_of(&e), "webhook_invalid_signature");
    }

    #[test]
    fn any_one_of_several_signatures_is_enough() {
        let wrong = format!("v1,{}", BASE64.encode([0u8; 32]));
        for sigs in [
            format!("{wrong} {SIG}"),
            format!("{SIG} {wrong}"),
            format!("v1a,abc {SIG}"),
            format!("  {wrong}   {SIG}  "),
        ] {
            verify_at(BODY, headers(&sigs), SECRET, TS).unwrap();
        }
        // The signature header given twice: both are tried.
        let mut h = headers(&wrong);
        h.push(("webhook-signature".into(), SIG.into()));
        verify_at(BODY, h, SECRET, TS).unwrap();
        let e = verify_at(BODY, headers(&format!("{wrong} {wrong}")), SECRET, TS).unwrap_err();
        assert!(e.message().contains("2 `v1,` signature(s)"), "{e}");
        let e = verify_at(BODY, headers("v1a,abc v2,xyz"), SECRET, TS).unwrap_err();
        assert!(e.message().contains("no `v1,` signature"), "{e}");
        let e = verify_at(BODY, headers("v1,not base64!"), SECRET, TS).unwrap_err();
        assert_eq!(type_of(&e), "webhook_invalid_signature");
    }

    #[test]
    fn a_timestamp_more_than_five_minutes_off_is_its_own_error() {
        for now in [TS + 301, TS - 301, TS + 360, TS - 3600] {
            let e = verify_at(BODY, headers(SIG), SECRET, now).unwrap_err();
            assert!(
                matches!(e, Error::WebhookTimestamp { timestamp: TS, now: n } if n == now),
                "{e:?}"
            );
            assert_eq!(e.class_name(), "WebhookTimestampError");
            assert_eq!(type_of(&e), "webhook_timestamp");
            assert_eq!(
                crate::ErrorClass::chain(e.class_name()),
                [
                    "WebhookTimestampError",
                    "WebhookVerificationError",
                    "InvitesError"
                ]
            );
        }
        // A bad signature with an old timestamp is a signature error, not a timestamp one.
        let e = verify_at("{}", headers(SIG), SECRET, TS + 3600).unwrap_err();
        assert_eq!(type_of(&e), "webhook_invalid_signature");
        // The real clock is far past 2021.
        let e = verify(BODY, headers(SIG), SECRET).unwrap_err();
        assert_eq!(type_of(&e), "webhook_timestamp");
    }

    #[test]
    fn missing_and_malformed_headers_name_the_header() {
        for (i, name) in ["webhook-id", "webhook-timestamp", "webhook-signature"]
            .into_iter()
            .enumerate()
        {
            let mut h = headers(SIG);
            h.remove(i);
            let e = verify_at(BODY, h, SECRET, TS).unwrap_err();
            assert_eq!(type_of(&e), "webhook_missing_header", "{name}");
            assert_eq!(e.param(), Some(name));
            assert_eq!(e.class_name(), "WebhookVerificationError");
            let mut h = headers(SIG);
            h[i].1 = "  ".into();
            let e = verify_at(BODY, h, SECRET, TS).unwrap_err();
            assert_eq!(type_of(&e), "webhook_missing_header", "{name} blank");
        }
        for ts in [
            "-5",
            "+1614265330",
            "1614265330.5",
            "soon",
            "99999999999999999999",
        ] {
            let mut h = headers(SIG);
            h[1].1 = ts.into();
            let e = verify_at(BODY, h, SECRET, TS).unwrap_err();
            assert_eq!(type_of(&e), "webhook_invalid_header", "{ts}");
            assert_eq!(e.param(), Some("webhook-timestamp"));
        }
    }

    #[test]
    fn a_malformed_secret_is_an_invalid_argument() {
        for s in ["", "whsec_", "whsec_not*base64", "whsec_====", "   "] {
            let e = verify_at(BODY, headers(SIG), s, TS).unwrap_err();
            assert!(matches!(e, Error::InvalidArgument { .. }), "{s}: {e:?}");
            assert_eq!(e.param(), Some("secret"));
            assert!(e.message().contains("whsec_"), "{e}");
        }
    }

    #[test]
    fn unwrap_answers_the_typed_event() {
        let body = r#"{"id":"evt_1","type":"invite.revoked","created_at":"2021-02-25T15:02:10Z","actor":{"type":"api_key","id":"key_1"},"data":{"invite":{"id":"inv_1"}}}"#;
        let content = format!("{ID}.{TS}.{body}");
        let mut mac = Hmac::<Sha256>::new_from_slice(&decode_secret(SECRET).unwrap()).unwrap();
        mac.update(content.as_bytes());
        let sig = format!("v1,{}", BASE64.encode(mac.finalize().into_bytes()));
        let event = unwrap_at(body, headers(&sig), SECRET, TS).unwrap();
        assert_eq!(event.id, "evt_1");
        assert_eq!(event.type_, types::EventType::InviteRevoked);
        assert_eq!(event.actor.id.as_deref(), Some("key_1"));
        assert_eq!(event.data["invite"]["id"], "inv_1");
        // The canonical body is signed but is not an event.
        let e = unwrap_at(BODY, headers(SIG), SECRET, TS).unwrap_err();
        assert_eq!(type_of(&e), "webhook_invalid_payload");
        assert_eq!(e.class_name(), "WebhookVerificationError");
        // Through the resource, with the real clock: the vector is too old.
        let client = crate::Client::new("http://127.0.0.1:9", "ik_test").unwrap();
        let e = client
            .webhooks()
            .unwrap(body, headers(&sig), SECRET)
            .unwrap_err();
        assert_eq!(type_of(&e), "webhook_timestamp");
        let e = client
            .webhooks()
            .verify(body, headers(&sig), "whsec_x")
            .unwrap_err();
        assert_eq!(e.param(), Some("secret"));
    }
}

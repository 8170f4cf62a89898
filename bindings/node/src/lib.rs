//! The native half of the `invites-sdk` npm package: the Rust SDK's client behind one small napi
//! class with two generic entry points, `call` and `stream`, that take an operationId and its
//! arguments as JSON text (so `Date`s and `undefined` behave as in `JSON.stringify`). Results
//! leave as JSON text in an envelope, `{"ok": …}` or `{"error": …}`, that `index.js` unwraps
//! into camelCase objects or its error classes. Which operations exist, and what they take, is
//! the SDK's business (`Client::call_json`, generated from the spec); so are retries, timeouts,
//! idempotency keys, pagination and argument checks. This crate only translates. Webhook
//! verification (`webhookVerify`, `webhookUnwrap`) needs no client: two plain functions.

#![deny(clippy::all)]

mod convert;
mod maps;

use std::sync::Arc;

use futures::stream::{ReadyChunks, StreamExt, TryStreamExt};
use invites_sdk::{Client, Error, PageStream, RequestOptions};
use napi::Status;
use napi::bindgen_prelude::Buffer;
use napi_derive::napi;
use serde::Deserialize;
use serde_json::{Value, json};

use convert::{args, envelope, from_sdk, millis, options, retries, to_camel};

/// A delivery's headers from `mixins.js`: `[[name, value], …]` as JSON text.
fn webhook_headers(headers_json: &str) -> Result<Vec<(String, String)>, Error> {
    serde_json::from_str(headers_json).map_err(|e| Error::InvalidArgument {
        param: "headers".into(),
        message: format!("must be name/value string pairs: {e}"),
    })
}

/// `now` (unix seconds) from `mixins.js`, or the system clock.
fn webhook_clock(now: Option<f64>) -> Result<i64, Error> {
    match now {
        None => Ok(invites_sdk::webhooks::unix_now()),
        Some(n) if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 => Ok(n as i64),
        Some(n) => Err(Error::InvalidArgument {
            param: "options.now".into(),
            message: format!("must be whole unix seconds, got {n}"),
        }),
    }
}

/// Check a webhook delivery in the SDK (`invites_sdk::webhooks::verify_at`): `body` as
/// received, `headers_json` `[[name, value], …]`, `secret` `whsec_…`, `now` unix seconds instead
/// of the clock. Answers `{"ok": null}` or `{"error": descriptor}`.
#[napi]
pub fn webhook_verify(
    body: Buffer,
    headers_json: String,
    secret: String,
    now: Option<f64>,
) -> String {
    envelope((|| {
        let headers = webhook_headers(&headers_json)?;
        invites_sdk::webhooks::verify_at(&body[..], &headers, &secret, webhook_clock(now)?)?;
        Ok(Value::Null)
    })())
}

/// As `webhookVerify`, then the event (camelCase, like every model): `{"ok": event}`.
#[napi]
pub fn webhook_unwrap(
    body: Buffer,
    headers_json: String,
    secret: String,
    now: Option<f64>,
) -> String {
    envelope((|| {
        let headers = webhook_headers(&headers_json)?;
        let event =
            invites_sdk::webhooks::unwrap_at(&body[..], &headers, &secret, webhook_clock(now)?)?;
        Ok(to_camel(serde_json::to_value(event)?))
    })())
}

/// The client's configuration, as JSON from `index.js`; what is left out falls back to
/// `INVITES_BASE_URL` / `INVITES_API_KEY`, then to the SDK's defaults.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct ClientOptions {
    base_url: Option<String>,
    api_key: Option<String>,
    /// Per-attempt timeout in milliseconds.
    timeout: Option<f64>,
    max_retries: Option<u32>,
    user_agent: Option<String>,
    /// An HTTP proxy every request goes through.
    proxy: Option<String>,
    /// A PEM file of root certificates to trust beside the system's.
    ca_bundle: Option<String>,
    /// Headers sent with every request.
    headers: Option<std::collections::BTreeMap<String, String>>,
}

/// Options for one call, as JSON from `index.js`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct CallOptions {
    /// The `Idempotency-Key` of a POST.
    idempotency_key: Option<String>,
    /// Per-attempt timeout in milliseconds.
    timeout: Option<f64>,
    max_retries: Option<u32>,
    /// Headers sent with this call (e.g. `Invites-Forwarded-For`).
    headers: Option<std::collections::BTreeMap<String, String>>,
}

/// The Rust SDK's client. Every method resolves to an envelope (JSON text); none rejects except
/// for arguments napi itself cannot convert.
#[napi]
pub struct NativeClient {
    client: Client,
    /// The client's `headers` option, which each call's own headers add to.
    headers: Vec<(String, String)>,
}

/// Items of a list, a ready chunk at a time, from the SDK's page stream.
#[napi]
pub struct NativeStream {
    state: Arc<tokio::sync::Mutex<StreamState>>,
}

struct StreamState {
    items: ReadyChunks<PageStream<Value>>,
    /// An error that arrived behind items already handed out; reported by the next call.
    pending: Option<Error>,
    done: bool,
}

/// The largest page the API serves: a page's items arrive together, so a chunk is one page.
const CHUNK: usize = 100;

fn throw(e: &Error) -> napi::Error {
    napi::Error::new(Status::InvalidArg, convert::error(e).to_string())
}

impl NativeClient {
    /// The client for one call: the shared one, or one with the call's options (JSON).
    fn with(&self, options_json: Option<String>) -> Result<Client, Error> {
        let o: CallOptions = options(options_json.as_deref(), "options.")?;
        if o.idempotency_key.is_none()
            && o.timeout.is_none()
            && o.max_retries.is_none()
            && o.headers.is_none()
        {
            return Ok(self.client.clone());
        }
        if o.idempotency_key.as_deref() == Some("") {
            return Err(Error::InvalidArgument {
                param: "options.idempotencyKey".into(),
                message: "must be a non-empty string".into(),
            });
        }
        Ok(self.client.with_options(RequestOptions {
            idempotency_key: o.idempotency_key,
            timeout: millis(o.timeout, "options.timeout")?,
            max_retries: retries(o.max_retries, "options.maxRetries")?,
            headers: self
                .headers
                .iter()
                .cloned()
                .chain(o.headers.unwrap_or_default())
                .collect(),
        }))
    }
}

#[napi]
impl NativeClient {
    /// Build the SDK client from its configuration (JSON); a bad option or configuration throws
    /// an `Error` whose message is the descriptor's JSON.
    #[napi(constructor)]
    pub fn new(options_json: String) -> napi::Result<Self> {
        let options: ClientOptions = options(Some(&options_json), "").map_err(|e| throw(&e))?;
        let mut b = Client::builder();
        if let Some(v) = options.base_url {
            b = b.base_url(v);
        }
        if let Some(v) = options.api_key {
            b = b.api_key(v);
        }
        if let Some(t) = millis(options.timeout, "timeout").map_err(|e| throw(&e))? {
            b = b.timeout(t);
        }
        if let Some(n) = retries(options.max_retries, "maxRetries").map_err(|e| throw(&e))? {
            b = b.max_retries(n);
        }
        if let Some(ua) = options.user_agent {
            b = b.user_agent(ua);
        }
        if let Some(url) = options.proxy {
            b = b.proxy(url);
        }
        if let Some(path) = options.ca_bundle {
            let pem = std::fs::read(&path).map_err(|e| {
                throw(&Error::InvalidArgument {
                    param: "caBundle".into(),
                    message: format!("cannot read {path}: {e}"),
                })
            })?;
            b = b.ca_certificates_pem(pem);
        }
        let client = b.build().map_err(|e| throw(&e))?;
        let headers: Vec<(String, String)> =
            options.headers.unwrap_or_default().into_iter().collect();
        let client = client.with_options(RequestOptions {
            headers: headers.clone(),
            ..RequestOptions::default()
        });
        Ok(Self { client, headers })
    }

    /// The base URL calls go to.
    #[napi(getter)]
    pub fn base_url(&self) -> String {
        self.client.base_url().to_owned()
    }

    /// Call `operation` (an operationId) with `args_json`: one camelCase object of its path
    /// parameters, query parameters and body fields. A list operation answers one page,
    /// `{"data": [...], "nextPageToken": ...}`.
    #[napi]
    pub async fn call(
        &self,
        operation: String,
        args_json: String,
        options_json: Option<String>,
    ) -> String {
        let result = async {
            let client = self.with(options_json)?;
            let a = args(&args_json)?;
            client
                .call_json_with_response(&operation, a)
                .await
                .map_err(from_sdk)
        };
        match result.await {
            Ok(r) => convert::answer(to_camel(r.data), r.status, r.request_id),
            Err(e) => envelope(Err(e)),
        }
    }

    /// Every item of list `operation`, page after page; `args_json` as for `call`.
    #[napi]
    pub fn stream(
        &self,
        operation: String,
        args_json: String,
        options_json: Option<String>,
    ) -> NativeStream {
        let opened = self.with(options_json).and_then(|c| {
            c.stream_json(&operation, args(&args_json)?)
                .map_err(from_sdk)
        });
        let (items, pending): (PageStream<Value>, _) = match opened {
            Ok(s) => (s.map_ok(to_camel).map_err(from_sdk).boxed(), None),
            Err(e) => (futures::stream::empty().boxed(), Some(e)),
        };
        NativeStream {
            state: Arc::new(tokio::sync::Mutex::new(StreamState {
                items: items.ready_chunks(CHUNK),
                pending,
                done: false,
            })),
        }
    }
}

#[napi]
impl NativeStream {
    /// The next items: `{"ok": [...]}` with at least one item, `{"ok": []}` at the end, or
    /// `{"error": …}` (after which the stream is over).
    #[napi]
    pub async fn next(&self) -> String {
        let state = self.state.clone();
        let mut s = state.lock().await;
        if let Some(e) = s.pending.take() {
            s.done = true;
            return envelope(Err(e));
        }
        if s.done {
            return envelope(Ok(json!([])));
        }
        let Some(chunk) = s.items.next().await else {
            s.done = true;
            return envelope(Ok(json!([])));
        };
        let mut items = Vec::with_capacity(chunk.len());
        for r in chunk {
            match r {
                Ok(v) => items.push(v),
                Err(e) if items.is_empty() => {
                    s.done = true;
                    return envelope(Err(e));
                }
                Err(e) => {
                    s.pending = Some(e);
                    break;
                }
            }
        }
        envelope(Ok(Value::Array(items)))
    }
}

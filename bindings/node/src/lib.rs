//! The native half of the `invites-sdk` npm package: the Rust SDK's client behind a small napi
//! class. Arguments arrive as JSON text (so `Date`s and `undefined` behave as in `JSON.stringify`),
//! results leave as JSON text in an envelope, `{"ok": …}` or `{"error": …}`, that `index.js`
//! unwraps into camelCase objects or its error classes. Retries, timeouts, idempotency keys and
//! pagination all happen in `invites-sdk`; this crate only translates.

#![deny(clippy::all)]

mod convert;

use std::sync::Arc;

use futures::stream::{ReadyChunks, StreamExt, TryStreamExt};
use invites_sdk::{
    Client, Error, ListInvites, ListMembers, ListRedemptions, Page, PageStream, RequestOptions,
    types,
};
use napi::Status;
use napi_derive::napi;
use serde::Serialize;
use serde_json::{Value, json};

use convert::{body, envelope, millis, out, parse_json, to_snake};

/// Client configuration, as `index.js` passes it (environment fallbacks already applied).
#[napi(object)]
pub struct NativeClientOptions {
    /// The server's base URL.
    pub base_url: Option<String>,
    /// The API key (or the admin token).
    pub api_key: Option<String>,
    /// Per-attempt timeout in milliseconds.
    pub timeout: Option<f64>,
    /// Retries after a retryable failure.
    pub max_retries: Option<u32>,
    /// The `User-Agent` header.
    pub user_agent: Option<String>,
}

/// Options for one call.
#[napi(object)]
pub struct NativeCallOptions {
    /// The `Idempotency-Key` of a POST.
    pub idempotency_key: Option<String>,
    /// Per-attempt timeout in milliseconds.
    pub timeout: Option<f64>,
    /// Retries after a retryable failure.
    pub max_retries: Option<u32>,
}

/// The Rust SDK's client. Every method resolves to an envelope (JSON text); none rejects except
/// for arguments napi itself cannot convert.
#[napi]
pub struct NativeClient {
    client: Client,
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
    /// The client for one call: the shared one, or one with the call's options.
    fn with(&self, options: Option<NativeCallOptions>) -> Result<Client, Error> {
        let Some(o) = options else {
            return Ok(self.client.clone());
        };
        if o.idempotency_key.is_none() && o.timeout.is_none() && o.max_retries.is_none() {
            return Ok(self.client.clone());
        }
        Ok(self.client.with_options(RequestOptions {
            idempotency_key: o.idempotency_key,
            timeout: millis(o.timeout, "timeout")?,
            max_retries: o.max_retries,
        }))
    }

    /// Run one SDK call on napi's tokio runtime and wrap its outcome in the envelope.
    async fn call<T, F, Fut>(&self, options: Option<NativeCallOptions>, f: F) -> String
    where
        T: Serialize,
        F: FnOnce(Client) -> Fut,
        Fut: std::future::Future<Output = Result<T, Error>>,
    {
        let result = match self.with(options) {
            Ok(client) => f(client).await.and_then(|v| out(&v)),
            Err(e) => Err(e),
        };
        envelope(result)
    }

    fn stream<T>(
        &self,
        options: Option<NativeCallOptions>,
        f: impl FnOnce(Client) -> Result<PageStream<T>, Error>,
    ) -> NativeStream
    where
        T: Serialize + Send + 'static,
    {
        let (items, pending): (PageStream<Value>, _) = match self.with(options).and_then(f) {
            Ok(s) => (s.and_then(|v| async move { out(&v) }).boxed(), None),
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

fn page<T: Serialize>(p: Page<T>) -> Result<Value, Error> {
    Ok(json!({ "data": out(&p.data)?, "nextPageToken": p.next_page_token }))
}

/// `{status, email, limit, pageToken}` → the SDK's list parameters.
fn list_params(text: Option<String>, allowed: &[&str]) -> Result<ListParams, Error> {
    let Some(text) = text else {
        return Ok(ListParams::default());
    };
    let value = parse_json(&text, "params")?;
    let value = match value {
        Value::Null => return Ok(ListParams::default()),
        Value::Object(_) => to_snake(value, "")?,
        _ => {
            return Err(Error::InvalidArgument {
                param: "params".into(),
                message: "must be an object".into(),
            });
        }
    };
    let mut p = ListParams::default();
    for (k, v) in value.as_object().into_iter().flatten() {
        let param = convert::camel(k);
        let bad = |what: &str| Error::InvalidArgument {
            param: param.clone(),
            message: format!("must be {what}, got {v}"),
        };
        if !allowed.contains(&k.as_str()) {
            return Err(Error::InvalidArgument {
                param: param.clone(),
                message: format!(
                    "unknown parameter; expected one of {}",
                    allowed
                        .iter()
                        .map(|a| format!("`{}`", convert::camel(a)))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
        }
        if v.is_null() {
            continue;
        }
        match k.as_str() {
            "status" => {
                p.status = Some(
                    v.as_str()
                        .and_then(|s| s.parse::<types::InviteStatus>().ok())
                        .ok_or_else(|| {
                            bad("one of pending, accepted, expired, disabled, revoked")
                        })?,
                )
            }
            "email" => p.email = Some(v.as_str().ok_or_else(|| bad("a string"))?.to_owned()),
            "page_token" => {
                p.page_token = Some(v.as_str().ok_or_else(|| bad("a string"))?.to_owned())
            }
            "limit" => {
                p.limit = Some(
                    v.as_u64()
                        .and_then(|n| u32::try_from(n).ok())
                        .ok_or_else(|| bad("an integer between 1 and 100"))?,
                )
            }
            _ => unreachable!("checked against `allowed`"),
        }
    }
    Ok(p)
}

#[derive(Default)]
struct ListParams {
    status: Option<types::InviteStatus>,
    email: Option<String>,
    limit: Option<u32>,
    page_token: Option<String>,
}

impl ListParams {
    fn invites(self) -> ListInvites {
        ListInvites {
            status: self.status,
            email: self.email,
            limit: self.limit,
            page_token: self.page_token,
        }
    }
    fn members(self) -> ListMembers {
        ListMembers {
            email: self.email,
            limit: self.limit,
            page_token: self.page_token,
        }
    }
    fn redemptions(self) -> ListRedemptions {
        ListRedemptions {
            limit: self.limit,
            page_token: self.page_token,
        }
    }
}

const INVITE_PARAMS: &[&str] = &["status", "email", "limit", "page_token"];
const MEMBER_PARAMS: &[&str] = &["email", "limit", "page_token"];
const REDEMPTION_PARAMS: &[&str] = &["limit", "page_token"];

#[napi]
impl NativeClient {
    /// Build the SDK client; a configuration error throws an `Error` whose message is the
    /// descriptor's JSON.
    #[napi(constructor)]
    pub fn new(options: NativeClientOptions) -> napi::Result<Self> {
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
        if let Some(n) = options.max_retries {
            b = b.max_retries(n);
        }
        if let Some(ua) = options.user_agent {
            b = b.user_agent(ua);
        }
        let client = b.build().map_err(|e| throw(&e))?;
        Ok(Self { client })
    }

    /// The base URL calls go to.
    #[napi(getter)]
    pub fn base_url(&self) -> String {
        self.client.base_url().to_owned()
    }

    /// `createOrganization`.
    #[napi]
    pub async fn create_organization(
        &self,
        body_json: String,
        options: Option<NativeCallOptions>,
    ) -> String {
        self.call(options, |c| async move {
            let b: types::OrganizationCreate = body(&body_json, "body")?;
            c.organizations().create(&b).await
        })
        .await
    }

    /// `getOrganization`.
    #[napi]
    pub async fn get_organization(&self, options: Option<NativeCallOptions>) -> String {
        self.call(options, |c| async move { c.organizations().get().await })
            .await
    }

    /// `createInvite`.
    #[napi]
    pub async fn create_invite(
        &self,
        body_json: String,
        options: Option<NativeCallOptions>,
    ) -> String {
        self.call(options, |c| async move {
            let b: types::InviteCreate = body(&body_json, "body")?;
            c.invites().create(&b).await
        })
        .await
    }

    /// `createInvites`.
    #[napi]
    pub async fn create_invites(
        &self,
        body_json: String,
        options: Option<NativeCallOptions>,
    ) -> String {
        self.call(options, |c| async move {
            let b: types::InviteBatchCreate = body(&body_json, "body")?;
            c.invites().create_batch(&b).await
        })
        .await
    }

    /// `listInvites`, one page.
    #[napi]
    pub async fn list_invites(
        &self,
        params_json: Option<String>,
        options: Option<NativeCallOptions>,
    ) -> String {
        self.call(options, |c| async move {
            let p = list_params(params_json, INVITE_PARAMS)?.invites();
            page(c.invites().list_page(&p).await?)
        })
        .await
    }

    /// `listInvites`, every item of every page.
    #[napi]
    pub fn stream_invites(
        &self,
        params_json: Option<String>,
        options: Option<NativeCallOptions>,
    ) -> NativeStream {
        self.stream(options, |c| {
            let p = list_params(params_json, INVITE_PARAMS)?.invites();
            Ok(c.invites().list(p))
        })
    }

    /// `getInvite`.
    #[napi]
    pub async fn get_invite(
        &self,
        invite_id: String,
        options: Option<NativeCallOptions>,
    ) -> String {
        self.call(
            options,
            |c| async move { c.invites().get(&invite_id).await },
        )
        .await
    }

    /// `updateInvite`.
    #[napi]
    pub async fn update_invite(
        &self,
        invite_id: String,
        body_json: String,
        options: Option<NativeCallOptions>,
    ) -> String {
        self.call(options, |c| async move {
            let b: types::InviteUpdate = body(&body_json, "body")?;
            c.invites().update(&invite_id, &b).await
        })
        .await
    }

    /// `revokeInvite`.
    #[napi]
    pub async fn revoke_invite(
        &self,
        invite_id: String,
        options: Option<NativeCallOptions>,
    ) -> String {
        self.call(
            options,
            |c| async move { c.invites().revoke(&invite_id).await },
        )
        .await
    }

    /// `rotateInviteCode`.
    #[napi]
    pub async fn rotate_invite_code(
        &self,
        invite_id: String,
        options: Option<NativeCallOptions>,
    ) -> String {
        self.call(
            options,
            |c| async move { c.invites().rotate(&invite_id).await },
        )
        .await
    }

    /// `lookupInvite`.
    #[napi]
    pub async fn lookup_invite(&self, code: String, options: Option<NativeCallOptions>) -> String {
        self.call(options, |c| async move { c.invites().lookup(&code).await })
            .await
    }

    /// `acceptInvite`.
    #[napi]
    pub async fn accept_invite(
        &self,
        body_json: String,
        options: Option<NativeCallOptions>,
    ) -> String {
        self.call(options, |c| async move {
            let b: types::InviteAcceptRequest = body(&body_json, "body")?;
            c.invites().accept(&b).await
        })
        .await
    }

    /// `listInviteRedemptions`, one page.
    #[napi]
    pub async fn list_invite_redemptions(
        &self,
        invite_id: String,
        params_json: Option<String>,
        options: Option<NativeCallOptions>,
    ) -> String {
        self.call(options, |c| async move {
            let p = list_params(params_json, REDEMPTION_PARAMS)?.redemptions();
            page(c.invites().redemptions_page(&invite_id, &p).await?)
        })
        .await
    }

    /// `listInviteRedemptions`, every item of every page.
    #[napi]
    pub fn stream_invite_redemptions(
        &self,
        invite_id: String,
        params_json: Option<String>,
        options: Option<NativeCallOptions>,
    ) -> NativeStream {
        self.stream(options, |c| {
            let p = list_params(params_json, REDEMPTION_PARAMS)?.redemptions();
            Ok(c.invites().redemptions(&invite_id, p))
        })
    }

    /// `listMembers`, one page.
    #[napi]
    pub async fn list_members(
        &self,
        params_json: Option<String>,
        options: Option<NativeCallOptions>,
    ) -> String {
        self.call(options, |c| async move {
            let p = list_params(params_json, MEMBER_PARAMS)?.members();
            page(c.members().list_page(&p).await?)
        })
        .await
    }

    /// `listMembers`, every item of every page.
    #[napi]
    pub fn stream_members(
        &self,
        params_json: Option<String>,
        options: Option<NativeCallOptions>,
    ) -> NativeStream {
        self.stream(options, |c| {
            let p = list_params(params_json, MEMBER_PARAMS)?.members();
            Ok(c.members().list(p))
        })
    }

    /// `getMember`.
    #[napi]
    pub async fn get_member(
        &self,
        member_id: String,
        options: Option<NativeCallOptions>,
    ) -> String {
        self.call(
            options,
            |c| async move { c.members().get(&member_id).await },
        )
        .await
    }

    /// `removeMember`.
    #[napi]
    pub async fn remove_member(
        &self,
        member_id: String,
        options: Option<NativeCallOptions>,
    ) -> String {
        self.call(
            options,
            |c| async move { c.members().remove(&member_id).await },
        )
        .await
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

// @generated from spec/invites.yaml and spec/sdk-names.yaml by `cargo xtask regen`.
// DO NOT EDIT: change the spec (or the naming table) and run `cargo xtask regen`;
// `cargo xtask regen --check` fails when this file and the spec disagree.
//! A builder for every request body: plain Rust values in, the spec's constraints checked
//! once by `build()` (an [`Error::InvalidArgument`] naming the field on a bad value).
//!
//! ```
//! let body = invites_sdk::types::InviteCreate::builder()
//!     .emails(["ada@example.com"])
//!     .roles(["developer"])
//!     .ttl_seconds(3600)
//!     .build()?;
//! assert_eq!(body.roles[0].as_str(), "developer");
//! # Ok::<(), invites_sdk::Error>(())
//! ```

use crate::error::Error;
use crate::generated::types;

impl types::ErrorType {
    /// Every value of `ErrorType`, as the API spells it, in the spec's order.
    pub const VALUES: &'static [&'static str] = &[
        "invalid_request",
        "unauthorized",
        "not_found",
        "conflict",
        "already_member",
        "invite_exhausted",
        "invite_expired",
        "invite_revoked",
        "invite_disabled",
        "email_not_allowed",
        "payload_too_large",
        "rate_limited",
        "internal",
        "unavailable",
    ];
}

impl types::InviteStatus {
    /// Every value of `InviteStatus`, as the API spells it, in the spec's order.
    pub const VALUES: &'static [&'static str] =
        &["pending", "accepted", "expired", "disabled", "revoked"];
}

impl types::DeliveryStatus {
    /// Every value of `DeliveryStatus`, as the API spells it, in the spec's order.
    pub const VALUES: &'static [&'static str] = &["queued", "sent", "failed"];
}

impl types::EventType {
    /// Every value of `EventType`, as the API spells it, in the spec's order.
    pub const VALUES: &'static [&'static str] = &[
        "invite.created",
        "invite.updated",
        "invite.revoked",
        "invite.code_rotated",
        "invite.resent",
        "invite.accepted",
        "member.removed",
        "api_key.created",
        "api_key.revoked",
        "email.sent",
        "email.failed",
    ];
}

impl types::EventActorType {
    /// Every value of `EventActorType`, as the API spells it, in the spec's order.
    pub const VALUES: &'static [&'static str] = &["api_key", "admin", "system"];
}

impl types::ApiKeyCreate {
    /// A builder: set fields, then [`ApiKeyCreateBuilder::build`] checks them.
    pub fn builder() -> ApiKeyCreateBuilder {
        ApiKeyCreateBuilder::default()
    }
}

/// Builds a [`types::ApiKeyCreate`]; see [`types::ApiKeyCreate::builder`].
#[derive(Debug, Clone, Default)]
pub struct ApiKeyCreateBuilder {
    fields: serde_json::Map<String, serde_json::Value>,
}

impl ApiKeyCreateBuilder {
    /// What the key is for, 1 to 200 characters.
    pub fn name(mut self, v: impl Into<String>) -> Self {
        self.fields
            .insert("name".into(), serde_json::json!(v.into()));
        self
    }

    /// Check every field against the spec; the error names the first one at fault.
    pub fn build(self) -> Result<types::ApiKeyCreate, Error> {
        crate::json::Args::new(serde_json::Value::Object(self.fields))?.into()
    }
}

impl types::InviteAcceptRequest {
    /// A builder: set fields, then [`InviteAcceptRequestBuilder::build`] checks them.
    pub fn builder() -> InviteAcceptRequestBuilder {
        InviteAcceptRequestBuilder::default()
    }
}

/// Builds a [`types::InviteAcceptRequest`]; see [`types::InviteAcceptRequest::builder`].
#[derive(Debug, Clone, Default)]
pub struct InviteAcceptRequestBuilder {
    fields: serde_json::Map<String, serde_json::Value>,
}

impl InviteAcceptRequestBuilder {
    /// The invite code from the link.
    pub fn code(mut self, v: impl Into<String>) -> Self {
        self.fields
            .insert("code".into(), serde_json::json!(v.into()));
        self
    }

    /// The verified address of the person joining (never a pattern such as `*@example.com`);
    /// malformed addresses and invisible or control characters are a 400 naming `email`.
    pub fn email(mut self, v: impl Into<String>) -> Self {
        self.fields
            .insert("email".into(), serde_json::json!(v.into()));
        self
    }

    /// The application's own id for the person, at most 200 characters.
    pub fn user_id(mut self, v: impl Into<String>) -> Self {
        self.fields
            .insert("user_id".into(), serde_json::json!(v.into()));
        self
    }

    /// Check every field against the spec; the error names the first one at fault.
    pub fn build(self) -> Result<types::InviteAcceptRequest, Error> {
        crate::json::Args::new(serde_json::Value::Object(self.fields))?.into()
    }
}

impl types::InviteBatchCreate {
    /// A builder: set fields, then [`InviteBatchCreateBuilder::build`] checks them.
    pub fn builder() -> InviteBatchCreateBuilder {
        InviteBatchCreateBuilder::default()
    }
}

/// Builds a [`types::InviteBatchCreate`]; see [`types::InviteBatchCreate::builder`].
#[derive(Debug, Clone, Default)]
pub struct InviteBatchCreateBuilder {
    fields: serde_json::Map<String, serde_json::Value>,
}

impl InviteBatchCreateBuilder {
    /// 1 to 1000 exact addresses, no duplicates (in normal form), no patterns; malformed
    /// addresses and invisible or control characters are a 400 naming `emails`.
    pub fn emails<S: Into<String>>(mut self, v: impl IntoIterator<Item = S>) -> Self {
        self.fields.insert(
            "emails".into(),
            serde_json::json!(v.into_iter().map(Into::into).collect::<Vec<String>>()),
        );
        self
    }

    /// 1 to 20 of the organization's roles; `owner` is never invitable.
    pub fn roles<S: Into<String>>(mut self, v: impl IntoIterator<Item = S>) -> Self {
        self.fields.insert(
            "roles".into(),
            serde_json::json!(v.into_iter().map(Into::into).collect::<Vec<String>>()),
        );
        self
    }

    /// Up to 50 teams joined on acceptance.
    pub fn teams<S: Into<String>>(mut self, v: impl IntoIterator<Item = S>) -> Self {
        self.fields.insert(
            "teams".into(),
            serde_json::json!(v.into_iter().map(Into::into).collect::<Vec<String>>()),
        );
        self
    }

    /// An internal name for every invite, at most 200 characters.
    pub fn name(mut self, v: impl Into<String>) -> Self {
        self.fields
            .insert("name".into(), serde_json::json!(v.into()));
        self
    }

    /// A message shown to the invitees, at most 2000 characters.
    pub fn message(mut self, v: impl Into<String>) -> Self {
        self.fields
            .insert("message".into(), serde_json::json!(v.into()));
        self
    }

    /// When they stop working; must be in the future. Default: 7 days from now.
    pub fn expires_at(mut self, v: chrono::DateTime<chrono::Utc>) -> Self {
        self.fields.insert(
            "expires_at".into(),
            serde_json::json!(v.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)),
        );
        self
    }

    /// Lifetime in seconds instead of `expires_at`, 60 to 31536000.
    pub fn ttl_seconds(mut self, v: i64) -> Self {
        self.fields
            .insert("ttl_seconds".into(), serde_json::json!(v));
        self
    }

    /// Up to 50 string keys (1 to 64 characters each) with string values (at most 500 characters each).
    pub fn metadata<K: Into<String>, V: Into<String>>(
        mut self,
        v: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.fields.insert(
            "metadata".into(),
            serde_json::Value::Object(
                v.into_iter()
                    .map(|(k, v)| (k.into(), serde_json::Value::String(v.into())))
                    .collect(),
            ),
        );
        self
    }

    /// Email the invitation to each exact address (domain and public invites send nothing).
    /// Default: true when the server has an email transport (`--smtp-url` or `--email-dir`);
    /// `true` on a server without one is a 400 naming `send_email`.
    pub fn send_email(mut self, v: bool) -> Self {
        self.fields
            .insert("send_email".into(), serde_json::json!(v));
        self
    }

    /// The inviting person's name, shown in the email's subject and text; at most 200 characters.
    pub fn inviter(mut self, v: impl Into<String>) -> Self {
        self.fields
            .insert("inviter".into(), serde_json::json!(v.into()));
        self
    }

    /// Check every field against the spec; the error names the first one at fault.
    pub fn build(self) -> Result<types::InviteBatchCreate, Error> {
        crate::json::Args::new(serde_json::Value::Object(self.fields))?.into()
    }
}

impl types::InviteCreate {
    /// A builder: set fields, then [`InviteCreateBuilder::build`] checks them.
    pub fn builder() -> InviteCreateBuilder {
        InviteCreateBuilder::default()
    }
}

/// Builds a [`types::InviteCreate`]; see [`types::InviteCreate::builder`].
#[derive(Debug, Clone, Default)]
pub struct InviteCreateBuilder {
    fields: serde_json::Map<String, serde_json::Value>,
}

impl InviteCreateBuilder {
    /// An internal name, at most 200 characters.
    pub fn name(mut self, v: impl Into<String>) -> Self {
        self.fields
            .insert("name".into(), serde_json::json!(v.into()));
        self
    }

    /// An internal description, at most 2000 characters.
    pub fn description(mut self, v: impl Into<String>) -> Self {
        self.fields
            .insert("description".into(), serde_json::json!(v.into()));
        self
    }

    /// A message shown to the invitee, at most 2000 characters.
    pub fn message(mut self, v: impl Into<String>) -> Self {
        self.fields
            .insert("message".into(), serde_json::json!(v.into()));
        self
    }

    /// Up to 100 exact addresses or domain patterns (`*@example.com`); omit or leave empty
    /// for a public link. An invite for exact addresses only defaults to one use per address.
    /// Addresses are compared in one normal form (NFC, lower-cased, IDNA for the domain);
    /// malformed addresses, invisible or control characters (zero-width, bidi controls) and
    /// patterns on a public suffix (`*@co.uk`) are a 400 naming `emails`.
    pub fn emails<S: Into<String>>(mut self, v: impl IntoIterator<Item = S>) -> Self {
        self.fields.insert(
            "emails".into(),
            serde_json::json!(v.into_iter().map(Into::into).collect::<Vec<String>>()),
        );
        self
    }

    /// 1 to 20 of the organization's roles; `owner` is never invitable.
    pub fn roles<S: Into<String>>(mut self, v: impl IntoIterator<Item = S>) -> Self {
        self.fields.insert(
            "roles".into(),
            serde_json::json!(v.into_iter().map(Into::into).collect::<Vec<String>>()),
        );
        self
    }

    /// Up to 50 teams joined on acceptance.
    pub fn teams<S: Into<String>>(mut self, v: impl IntoIterator<Item = S>) -> Self {
        self.fields.insert(
            "teams".into(),
            serde_json::json!(v.into_iter().map(Into::into).collect::<Vec<String>>()),
        );
        self
    }

    /// When it stops working; must be in the future, and for a public invite (no `emails`) at
    /// most one year (365 days) ahead. Default: 7 days from now.
    pub fn expires_at(mut self, v: chrono::DateTime<chrono::Utc>) -> Self {
        self.fields.insert(
            "expires_at".into(),
            serde_json::json!(v.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)),
        );
        self
    }

    /// Lifetime in seconds instead of `expires_at`, 60 to 31536000.
    pub fn ttl_seconds(mut self, v: i64) -> Self {
        self.fields
            .insert("ttl_seconds".into(), serde_json::json!(v));
        self
    }

    /// No expiry at all; refused for a public invite.
    pub fn never_expires(mut self, v: bool) -> Self {
        self.fields
            .insert("never_expires".into(), serde_json::json!(v));
        self
    }

    /// How many accepts it allows, 1 to 1000000; omit for the default.
    pub fn max_uses(mut self, v: i64) -> Self {
        self.fields.insert("max_uses".into(), serde_json::json!(v));
        self
    }

    /// Same as `max_uses: 1`.
    pub fn single_use(mut self, v: bool) -> Self {
        self.fields
            .insert("single_use".into(), serde_json::json!(v));
        self
    }

    /// Whether it can be accepted now. Default: true.
    pub fn enabled(mut self, v: bool) -> Self {
        self.fields.insert("enabled".into(), serde_json::json!(v));
        self
    }

    /// Up to 50 string keys (1 to 64 characters each) with string values (at most 500 characters each).
    pub fn metadata<K: Into<String>, V: Into<String>>(
        mut self,
        v: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.fields.insert(
            "metadata".into(),
            serde_json::Value::Object(
                v.into_iter()
                    .map(|(k, v)| (k.into(), serde_json::Value::String(v.into())))
                    .collect(),
            ),
        );
        self
    }

    /// Email the invitation to each exact address (domain and public invites send nothing).
    /// Default: true when the server has an email transport (`--smtp-url` or `--email-dir`);
    /// `true` on a server without one is a 400 naming `send_email`.
    pub fn send_email(mut self, v: bool) -> Self {
        self.fields
            .insert("send_email".into(), serde_json::json!(v));
        self
    }

    /// The inviting person's name, shown in the email's subject and text; at most 200 characters.
    pub fn inviter(mut self, v: impl Into<String>) -> Self {
        self.fields
            .insert("inviter".into(), serde_json::json!(v.into()));
        self
    }

    /// Check every field against the spec; the error names the first one at fault.
    pub fn build(self) -> Result<types::InviteCreate, Error> {
        crate::json::Args::new(serde_json::Value::Object(self.fields))?.into()
    }
}

impl types::InviteLookupRequest {
    /// A builder: set fields, then [`InviteLookupRequestBuilder::build`] checks them.
    pub fn builder() -> InviteLookupRequestBuilder {
        InviteLookupRequestBuilder::default()
    }
}

/// Builds a [`types::InviteLookupRequest`]; see [`types::InviteLookupRequest::builder`].
#[derive(Debug, Clone, Default)]
pub struct InviteLookupRequestBuilder {
    fields: serde_json::Map<String, serde_json::Value>,
}

impl InviteLookupRequestBuilder {
    /// The invite code from the link.
    pub fn code(mut self, v: impl Into<String>) -> Self {
        self.fields
            .insert("code".into(), serde_json::json!(v.into()));
        self
    }

    /// Check every field against the spec; the error names the first one at fault.
    pub fn build(self) -> Result<types::InviteLookupRequest, Error> {
        crate::json::Args::new(serde_json::Value::Object(self.fields))?.into()
    }
}

impl types::InviteResend {
    /// A builder: set fields, then [`InviteResendBuilder::build`] checks them.
    pub fn builder() -> InviteResendBuilder {
        InviteResendBuilder::default()
    }
}

/// Builds a [`types::InviteResend`]; see [`types::InviteResend::builder`].
#[derive(Debug, Clone, Default)]
pub struct InviteResendBuilder {
    fields: serde_json::Map<String, serde_json::Value>,
}

impl InviteResendBuilder {
    /// New lifetime in seconds from now, 60 to 31536000.
    pub fn ttl_seconds(mut self, v: i64) -> Self {
        self.fields
            .insert("ttl_seconds".into(), serde_json::json!(v));
        self
    }

    /// New expiry; must be in the future (for a public invite at most one year ahead).
    pub fn expires_at(mut self, v: chrono::DateTime<chrono::Utc>) -> Self {
        self.fields.insert(
            "expires_at".into(),
            serde_json::json!(v.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)),
        );
        self
    }

    /// Check every field against the spec; the error names the first one at fault.
    pub fn build(self) -> Result<types::InviteResend, Error> {
        crate::json::Args::new(serde_json::Value::Object(self.fields))?.into()
    }
}

impl types::InviteUpdate {
    /// A builder: set fields, then [`InviteUpdateBuilder::build`] checks them.
    pub fn builder() -> InviteUpdateBuilder {
        InviteUpdateBuilder::default()
    }
}

/// Builds a [`types::InviteUpdate`]; see [`types::InviteUpdate::builder`].
#[derive(Debug, Clone, Default)]
pub struct InviteUpdateBuilder {
    fields: serde_json::Map<String, serde_json::Value>,
}

impl InviteUpdateBuilder {
    /// An internal name, at most 200 characters.
    pub fn name(mut self, v: impl Into<String>) -> Self {
        self.fields
            .insert("name".into(), serde_json::json!(v.into()));
        self
    }

    /// An internal description, at most 2000 characters.
    pub fn description(mut self, v: impl Into<String>) -> Self {
        self.fields
            .insert("description".into(), serde_json::json!(v.into()));
        self
    }

    /// A message shown to the invitee, at most 2000 characters.
    pub fn message(mut self, v: impl Into<String>) -> Self {
        self.fields
            .insert("message".into(), serde_json::json!(v.into()));
        self
    }

    /// 1 to 20 of the organization's roles; `owner` is never invitable. Omitted or null:
    /// unchanged.
    pub fn roles<S: Into<String>>(mut self, v: impl IntoIterator<Item = S>) -> Self {
        self.fields.insert(
            "roles".into(),
            serde_json::json!(v.into_iter().map(Into::into).collect::<Vec<String>>()),
        );
        self
    }

    /// Up to 50 teams; `[]` removes every team. Omitted or null: unchanged.
    pub fn teams<S: Into<String>>(mut self, v: impl IntoIterator<Item = S>) -> Self {
        self.fields.insert(
            "teams".into(),
            serde_json::json!(v.into_iter().map(Into::into).collect::<Vec<String>>()),
        );
        self
    }

    /// A new expiry, in the future; for a public invite (no `emails`) at most one year (365
    /// days) ahead.
    pub fn expires_at(mut self, v: chrono::DateTime<chrono::Utc>) -> Self {
        self.fields.insert(
            "expires_at".into(),
            serde_json::json!(v.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)),
        );
        self
    }

    /// A new quota, 1 to 1000000, not below `use_count`.
    pub fn max_uses(mut self, v: i64) -> Self {
        self.fields.insert("max_uses".into(), serde_json::json!(v));
        self
    }

    /// Enable or disable the invite.
    pub fn enabled(mut self, v: bool) -> Self {
        self.fields.insert("enabled".into(), serde_json::json!(v));
        self
    }

    /// Check every field against the spec; the error names the first one at fault.
    pub fn build(self) -> Result<types::InviteUpdate, Error> {
        crate::json::Args::new(serde_json::Value::Object(self.fields))?.into()
    }
}

impl types::OrganizationCreate {
    /// A builder: set fields, then [`OrganizationCreateBuilder::build`] checks them.
    pub fn builder() -> OrganizationCreateBuilder {
        OrganizationCreateBuilder::default()
    }
}

/// Builds a [`types::OrganizationCreate`]; see [`types::OrganizationCreate::builder`].
#[derive(Debug, Clone, Default)]
pub struct OrganizationCreateBuilder {
    fields: serde_json::Map<String, serde_json::Value>,
}

impl OrganizationCreateBuilder {
    /// Display name, 1 to 200 characters.
    pub fn name(mut self, v: impl Into<String>) -> Self {
        self.fields
            .insert("name".into(), serde_json::json!(v.into()));
        self
    }

    /// Its roles; default: owner, admin, developer, billing, user, viewer.
    pub fn roles<S: Into<String>>(mut self, v: impl IntoIterator<Item = S>) -> Self {
        self.fields.insert(
            "roles".into(),
            serde_json::json!(v.into_iter().map(Into::into).collect::<Vec<String>>()),
        );
        self
    }

    /// Check every field against the spec; the error names the first one at fault.
    pub fn build(self) -> Result<types::OrganizationCreate, Error> {
        crate::json::Args::new(serde_json::Value::Object(self.fields))?.into()
    }
}

impl types::WebhookEndpointCreate {
    /// A builder: set fields, then [`WebhookEndpointCreateBuilder::build`] checks them.
    pub fn builder() -> WebhookEndpointCreateBuilder {
        WebhookEndpointCreateBuilder::default()
    }
}

/// Builds a [`types::WebhookEndpointCreate`]; see [`types::WebhookEndpointCreate::builder`].
#[derive(Debug, Clone, Default)]
pub struct WebhookEndpointCreateBuilder {
    fields: serde_json::Map<String, serde_json::Value>,
}

impl WebhookEndpointCreateBuilder {
    /// Where to POST events: an `https` URL of at most 2,000 characters, on a public address.
    pub fn url(mut self, v: impl Into<String>) -> Self {
        self.fields
            .insert("url".into(), serde_json::json!(v.into()));
        self
    }

    /// The event types to send; empty or omitted means every type.
    pub fn event_types(mut self, v: impl IntoIterator<Item = types::EventType>) -> Self {
        self.fields.insert(
            "event_types".into(),
            serde_json::to_value(v.into_iter().collect::<Vec<_>>()).unwrap_or_default(),
        );
        self
    }

    /// What the endpoint is for, at most 500 characters.
    pub fn description(mut self, v: impl Into<String>) -> Self {
        self.fields
            .insert("description".into(), serde_json::json!(v.into()));
        self
    }

    /// Check every field against the spec; the error names the first one at fault.
    pub fn build(self) -> Result<types::WebhookEndpointCreate, Error> {
        crate::json::Args::new(serde_json::Value::Object(self.fields))?.into()
    }
}

impl types::WebhookEndpointUpdate {
    /// A builder: set fields, then [`WebhookEndpointUpdateBuilder::build`] checks them.
    pub fn builder() -> WebhookEndpointUpdateBuilder {
        WebhookEndpointUpdateBuilder::default()
    }
}

/// Builds a [`types::WebhookEndpointUpdate`]; see [`types::WebhookEndpointUpdate::builder`].
#[derive(Debug, Clone, Default)]
pub struct WebhookEndpointUpdateBuilder {
    fields: serde_json::Map<String, serde_json::Value>,
}

impl WebhookEndpointUpdateBuilder {
    /// A new URL, under the same rules as on creation.
    pub fn url(mut self, v: impl Into<String>) -> Self {
        self.fields
            .insert("url".into(), serde_json::json!(v.into()));
        self
    }

    /// The event types to send from now on; `[]` means every type. Omitted or null: unchanged.
    pub fn event_types(mut self, v: impl IntoIterator<Item = types::EventType>) -> Self {
        self.fields.insert(
            "event_types".into(),
            serde_json::to_value(v.into_iter().collect::<Vec<_>>()).unwrap_or_default(),
        );
        self
    }

    /// A new description (empty clears it).
    pub fn description(mut self, v: impl Into<String>) -> Self {
        self.fields
            .insert("description".into(), serde_json::json!(v.into()));
        self
    }

    /// `false` stops deliveries (events meanwhile are not queued for it); `true` resumes them.
    pub fn enabled(mut self, v: bool) -> Self {
        self.fields.insert("enabled".into(), serde_json::json!(v));
        self
    }

    /// Check every field against the spec; the error names the first one at fault.
    pub fn build(self) -> Result<types::WebhookEndpointUpdate, Error> {
        crate::json::Args::new(serde_json::Value::Object(self.fields))?.into()
    }
}

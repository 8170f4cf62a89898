// @generated from spec/invites.yaml by `cargo xtask regen` (progenitor 0.15.1).
// DO NOT EDIT: change the spec and run `cargo xtask regen` instead;
// `cargo xtask regen --check` fails when this file and the spec disagree.

#[allow(unused_imports)]
pub use progenitor_client::{ByteStream, ClientInfo, Error, ResponseValue};
#[allow(unused_imports)]
use progenitor_client::{encode_path, ClientHooks, OperationInfo, RequestBuilderExt};
/// Types used as operation parameters and responses.
#[allow(clippy::all)]
pub mod types {
    ///An API key of the organization; never its secret.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct ApiKey {
        ///When it was created.
        pub created_at: ::chrono::DateTime<::chrono::offset::Utc>,
        ///The key's id.
        pub id: ::std::string::String,
        /**When it last authenticated a request, to within 5 seconds (uses are recorded at most
once every few seconds per replica, never with a write per request); null if never.
*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub last_used_at: ::std::option::Option<
            ::chrono::DateTime<::chrono::offset::Utc>,
        >,
        ///What the key is for.
        pub name: ::std::string::String,
        ///When it was revoked; null while it works.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub revoked_at: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
    }
    ///A new API key.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    pub struct ApiKeyCreate {
        ///What the key is for, 1 to 200 characters.
        pub name: ApiKeyCreateName,
    }
    ///What the key is for, 1 to 200 characters.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct ApiKeyCreateName(::std::string::String);
    impl ::std::ops::Deref for ApiKeyCreateName {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<ApiKeyCreateName> for ::std::string::String {
        fn from(value: ApiKeyCreateName) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for ApiKeyCreateName {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 200usize {
                return Err("longer than 200 characters".into());
            }
            if value.chars().count() < 1usize {
                return Err("shorter than 1 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for ApiKeyCreateName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for ApiKeyCreateName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for ApiKeyCreateName {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///A new API key and its secret, shown only in this response.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct ApiKeyCreated {
        ///When it was created.
        pub created_at: ::chrono::DateTime<::chrono::offset::Utc>,
        ///The key's id.
        pub id: ::std::string::String,
        ///Always null for a new key.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub last_used_at: ::std::option::Option<
            ::chrono::DateTime<::chrono::offset::Utc>,
        >,
        ///What the key is for.
        pub name: ::std::string::String,
        ///Always null for a new key.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub revoked_at: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        ///The key itself (`ik_…`), shown once; send it as `Authorization: Bearer <secret>`.
        pub secret: ::std::string::String,
    }
    ///One page of API keys.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct ApiKeyList {
        ///The keys on this page.
        pub data: ::std::vec::Vec<ApiKey>,
        ///Pass as `page_token` for the next page; null on the last page.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub next_page_token: ::std::option::Option<::std::string::String>,
    }
    ///One invitation email.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct Delivery {
        ///Sending attempts so far.
        pub attempts: i64,
        ///When it was queued.
        pub created_at: ::chrono::DateTime<::chrono::offset::Utc>,
        ///The address it is sent to.
        pub email: ::std::string::String,
        ///The delivery's id.
        pub id: ::std::string::String,
        ///The last failure (the mail server's reply, or the connection error), if any.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub last_error: ::std::option::Option<::std::string::String>,
        ///When the mail server accepted it.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub sent_at: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        pub status: DeliveryStatus,
    }
    ///One page of deliveries.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct DeliveryList {
        ///The deliveries on this page.
        pub data: ::std::vec::Vec<Delivery>,
        ///Pass as `page_token` for the next page; null on the last page.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub next_page_token: ::std::option::Option<::std::string::String>,
    }
    ///`queued` (waiting or being retried), `sent` (the mail server took it) or `failed` (refused for good, retries used up, or not sent because its link stopped working: the code was rotated or resent, or the invite revoked; `last_error` says which).
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum DeliveryStatus {
        #[serde(rename = "queued")]
        Queued,
        #[serde(rename = "sent")]
        Sent,
        #[serde(rename = "failed")]
        Failed,
    }
    impl ::std::fmt::Display for DeliveryStatus {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::Queued => f.write_str("queued"),
                Self::Sent => f.write_str("sent"),
                Self::Failed => f.write_str("failed"),
            }
        }
    }
    impl ::std::str::FromStr for DeliveryStatus {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "queued" => Ok(Self::Queued),
                "sent" => Ok(Self::Sent),
                "failed" => Ok(Self::Failed),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for DeliveryStatus {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for DeliveryStatus {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///What went wrong.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct ErrorBody {
        ///A sentence for people.
        pub message: ::std::string::String,
        ///The request field at fault, for `invalid_request`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub param: ::std::option::Option<::std::string::String>,
        #[serde(rename = "type")]
        pub type_: ErrorType,
    }
    ///The one error shape of every error response.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct ErrorEnvelope {
        pub error: ErrorBody,
        ///The request's id, also sent as the `x-request-id` header.
        pub request_id: ::std::string::String,
    }
    ///Machine-readable error category.
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum ErrorType {
        #[serde(rename = "invalid_request")]
        InvalidRequest,
        #[serde(rename = "unauthorized")]
        Unauthorized,
        #[serde(rename = "not_found")]
        NotFound,
        #[serde(rename = "conflict")]
        Conflict,
        #[serde(rename = "already_member")]
        AlreadyMember,
        #[serde(rename = "invite_exhausted")]
        InviteExhausted,
        #[serde(rename = "invite_expired")]
        InviteExpired,
        #[serde(rename = "invite_revoked")]
        InviteRevoked,
        #[serde(rename = "invite_disabled")]
        InviteDisabled,
        #[serde(rename = "email_not_allowed")]
        EmailNotAllowed,
        #[serde(rename = "payload_too_large")]
        PayloadTooLarge,
        #[serde(rename = "rate_limited")]
        RateLimited,
        #[serde(rename = "internal")]
        Internal,
        #[serde(rename = "unavailable")]
        Unavailable,
    }
    impl ::std::fmt::Display for ErrorType {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::InvalidRequest => f.write_str("invalid_request"),
                Self::Unauthorized => f.write_str("unauthorized"),
                Self::NotFound => f.write_str("not_found"),
                Self::Conflict => f.write_str("conflict"),
                Self::AlreadyMember => f.write_str("already_member"),
                Self::InviteExhausted => f.write_str("invite_exhausted"),
                Self::InviteExpired => f.write_str("invite_expired"),
                Self::InviteRevoked => f.write_str("invite_revoked"),
                Self::InviteDisabled => f.write_str("invite_disabled"),
                Self::EmailNotAllowed => f.write_str("email_not_allowed"),
                Self::PayloadTooLarge => f.write_str("payload_too_large"),
                Self::RateLimited => f.write_str("rate_limited"),
                Self::Internal => f.write_str("internal"),
                Self::Unavailable => f.write_str("unavailable"),
            }
        }
    }
    impl ::std::str::FromStr for ErrorType {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "invalid_request" => Ok(Self::InvalidRequest),
                "unauthorized" => Ok(Self::Unauthorized),
                "not_found" => Ok(Self::NotFound),
                "conflict" => Ok(Self::Conflict),
                "already_member" => Ok(Self::AlreadyMember),
                "invite_exhausted" => Ok(Self::InviteExhausted),
                "invite_expired" => Ok(Self::InviteExpired),
                "invite_revoked" => Ok(Self::InviteRevoked),
                "invite_disabled" => Ok(Self::InviteDisabled),
                "email_not_allowed" => Ok(Self::EmailNotAllowed),
                "payload_too_large" => Ok(Self::PayloadTooLarge),
                "rate_limited" => Ok(Self::RateLimited),
                "internal" => Ok(Self::Internal),
                "unavailable" => Ok(Self::Unavailable),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for ErrorType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for ErrorType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///One change in the organization's audit log.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct Event {
        pub actor: EventActor,
        ///When the change committed.
        pub created_at: ::chrono::DateTime<::chrono::offset::Utc>,
        ///The changed objects as the API shows them, without codes, links or secrets: `invite`, `member`, `api_key` or `delivery` (see the type).
        pub data: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        ///The event's id.
        pub id: ::std::string::String,
        #[serde(rename = "type")]
        pub type_: EventType,
    }
    ///Who made the change.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct EventActor {
        ///The API key's id (`key_…`) for `api_key`; the server part (`email_worker`, `invitee_page`) for `system`; absent for `admin`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        #[serde(rename = "type")]
        pub type_: EventActorType,
    }
    ///`api_key` (a call with an API key), `admin` (the admin token) or `system` (the server itself: the email worker, the invitee page).
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum EventActorType {
        #[serde(rename = "api_key")]
        ApiKey,
        #[serde(rename = "admin")]
        Admin,
        #[serde(rename = "system")]
        System,
    }
    impl ::std::fmt::Display for EventActorType {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::ApiKey => f.write_str("api_key"),
                Self::Admin => f.write_str("admin"),
                Self::System => f.write_str("system"),
            }
        }
    }
    impl ::std::str::FromStr for EventActorType {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "api_key" => Ok(Self::ApiKey),
                "admin" => Ok(Self::Admin),
                "system" => Ok(Self::System),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for EventActorType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for EventActorType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///One page of events.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct EventList {
        ///The events on this page, newest first.
        pub data: ::std::vec::Vec<Event>,
        ///Pass as `page_token` for the next page; null on the last page.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub next_page_token: ::std::option::Option<::std::string::String>,
    }
    /**What changed: `invite.created`, `invite.updated`, `invite.revoked`,
`invite.code_rotated`, `invite.resent`, `invite.accepted` (data: `invite` and the new
`member`), `member.removed` (`member`), `api_key.created`, `api_key.revoked` (`api_key`,
never its secret), `email.sent`, `email.failed` (`delivery`: the email worker's outcome).
*/
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum EventType {
        #[serde(rename = "invite.created")]
        InviteCreated,
        #[serde(rename = "invite.updated")]
        InviteUpdated,
        #[serde(rename = "invite.revoked")]
        InviteRevoked,
        #[serde(rename = "invite.code_rotated")]
        InviteCodeRotated,
        #[serde(rename = "invite.resent")]
        InviteResent,
        #[serde(rename = "invite.accepted")]
        InviteAccepted,
        #[serde(rename = "member.removed")]
        MemberRemoved,
        #[serde(rename = "api_key.created")]
        ApiKeyCreated,
        #[serde(rename = "api_key.revoked")]
        ApiKeyRevoked,
        #[serde(rename = "email.sent")]
        EmailSent,
        #[serde(rename = "email.failed")]
        EmailFailed,
    }
    impl ::std::fmt::Display for EventType {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::InviteCreated => f.write_str("invite.created"),
                Self::InviteUpdated => f.write_str("invite.updated"),
                Self::InviteRevoked => f.write_str("invite.revoked"),
                Self::InviteCodeRotated => f.write_str("invite.code_rotated"),
                Self::InviteResent => f.write_str("invite.resent"),
                Self::InviteAccepted => f.write_str("invite.accepted"),
                Self::MemberRemoved => f.write_str("member.removed"),
                Self::ApiKeyCreated => f.write_str("api_key.created"),
                Self::ApiKeyRevoked => f.write_str("api_key.revoked"),
                Self::EmailSent => f.write_str("email.sent"),
                Self::EmailFailed => f.write_str("email.failed"),
            }
        }
    }
    impl ::std::str::FromStr for EventType {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "invite.created" => Ok(Self::InviteCreated),
                "invite.updated" => Ok(Self::InviteUpdated),
                "invite.revoked" => Ok(Self::InviteRevoked),
                "invite.code_rotated" => Ok(Self::InviteCodeRotated),
                "invite.resent" => Ok(Self::InviteResent),
                "invite.accepted" => Ok(Self::InviteAccepted),
                "member.removed" => Ok(Self::MemberRemoved),
                "api_key.created" => Ok(Self::ApiKeyCreated),
                "api_key.revoked" => Ok(Self::ApiKeyRevoked),
                "email.sent" => Ok(Self::EmailSent),
                "email.failed" => Ok(Self::EmailFailed),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for EventType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for EventType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///An invitation to join an organization.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct Invite {
        ///The secret code (`ic_…`); only in the response that created or rotated it.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub code: ::std::option::Option<::std::string::String>,
        ///When it was created.
        pub created_at: ::chrono::DateTime<::chrono::offset::Utc>,
        ///An internal description for administrators.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub description: ::std::option::Option<::std::string::String>,
        ///Exact addresses or domain patterns (`*@example.com`); empty for a public link.
        pub emails: ::std::vec::Vec<::std::string::String>,
        ///A disabled invite refuses accepts until enabled again.
        pub enabled: bool,
        ///When it stops working; null only for an invite created with `never_expires`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub expires_at: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        ///The invite's id.
        pub id: ::std::string::String,
        ///When it was last accepted.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub last_used_at: ::std::option::Option<
            ::chrono::DateTime<::chrono::offset::Utc>,
        >,
        ///How many accepts it allows; null is unlimited.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub max_uses: ::std::option::Option<i64>,
        ///A message shown to the invitee.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<::std::string::String>,
        pub metadata: Metadata,
        ///An internal name for administrators.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub name: ::std::option::Option<::std::string::String>,
        ///The organization it grants entry to.
        pub organization_id: ::std::string::String,
        ///Roles granted on acceptance.
        pub roles: ::std::vec::Vec<Role>,
        pub status: InviteStatus,
        ///Teams joined on acceptance.
        pub teams: ::std::vec::Vec<Team>,
        ///When it last changed.
        pub updated_at: ::chrono::DateTime<::chrono::offset::Utc>,
        /**The link to send; only in the response that created or rotated it. By default
`{public_url}/invite#code={code}`: the server's invitee page, with the code in the URL
fragment (never sent to any server); a `--public-url` holding `{code}` is a template
for the application's own page instead.
*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub url: ::std::option::Option<::std::string::String>,
        ///How many times it was accepted.
        pub use_count: i64,
    }
    ///Accept an invite for an address the caller's backend has verified.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    pub struct InviteAcceptRequest {
        ///The invite code from the link.
        pub code: InviteAcceptRequestCode,
        /**The verified address of the person joining (never a pattern such as `*@example.com`);
malformed addresses and invisible or control characters are a 400 naming `email`.
*/
        pub email: InviteAcceptRequestEmail,
        ///The application's own id for the person, at most 200 characters.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_id: ::std::option::Option<InviteAcceptRequestUserId>,
    }
    ///The invite code from the link.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct InviteAcceptRequestCode(::std::string::String);
    impl ::std::ops::Deref for InviteAcceptRequestCode {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<InviteAcceptRequestCode> for ::std::string::String {
        fn from(value: InviteAcceptRequestCode) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for InviteAcceptRequestCode {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 128usize {
                return Err("longer than 128 characters".into());
            }
            if value.chars().count() < 1usize {
                return Err("shorter than 1 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for InviteAcceptRequestCode {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for InviteAcceptRequestCode {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for InviteAcceptRequestCode {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    /**The verified address of the person joining (never a pattern such as `*@example.com`);
malformed addresses and invisible or control characters are a 400 naming `email`.
*/
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct InviteAcceptRequestEmail(::std::string::String);
    impl ::std::ops::Deref for InviteAcceptRequestEmail {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<InviteAcceptRequestEmail> for ::std::string::String {
        fn from(value: InviteAcceptRequestEmail) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for InviteAcceptRequestEmail {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 254usize {
                return Err("longer than 254 characters".into());
            }
            if value.chars().count() < 3usize {
                return Err("shorter than 3 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for InviteAcceptRequestEmail {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for InviteAcceptRequestEmail {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for InviteAcceptRequestEmail {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///The application's own id for the person, at most 200 characters.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct InviteAcceptRequestUserId(::std::string::String);
    impl ::std::ops::Deref for InviteAcceptRequestUserId {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<InviteAcceptRequestUserId> for ::std::string::String {
        fn from(value: InviteAcceptRequestUserId) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for InviteAcceptRequestUserId {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 200usize {
                return Err("longer than 200 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for InviteAcceptRequestUserId {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for InviteAcceptRequestUserId {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for InviteAcceptRequestUserId {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///The invites a batch created.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct InviteBatch {
        ///One invite per address, in request order, each with `code` and `url`.
        pub data: ::std::vec::Vec<Invite>,
    }
    /**One single-use invite per address, created all or nothing. Give at most one of
`expires_at` and `ttl_seconds`.
*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    pub struct InviteBatchCreate {
        /**1 to 1000 exact addresses, no duplicates (in normal form), no patterns; malformed
addresses and invisible or control characters are a 400 naming `emails`.
*/
        pub emails: ::std::vec::Vec<InviteBatchCreateEmailsItem>,
        ///When they stop working; must be in the future. Default: 7 days from now.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub expires_at: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        ///The inviting person's name, shown in the email's subject and text; at most 200 characters.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub inviter: ::std::option::Option<InviteBatchCreateInviter>,
        ///A message shown to the invitees, at most 2000 characters.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<InviteBatchCreateMessage>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub metadata: ::std::option::Option<Metadata>,
        ///An internal name for every invite, at most 200 characters.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub name: ::std::option::Option<InviteBatchCreateName>,
        ///1 to 20 of the organization's roles; `owner` is never invitable.
        pub roles: ::std::vec::Vec<Role>,
        /**Email the invitation to each exact address (domain and public invites send nothing).
Default: true when the server has an email transport (`--smtp-url` or `--email-dir`);
`true` on a server without one is a 400 naming `send_email`.
*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub send_email: ::std::option::Option<bool>,
        ///Up to 50 teams joined on acceptance.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub teams: ::std::vec::Vec<Team>,
        ///Lifetime in seconds instead of `expires_at`, 60 to 31536000.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub ttl_seconds: ::std::option::Option<i64>,
    }
    ///`InviteBatchCreateEmailsItem`
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct InviteBatchCreateEmailsItem(::std::string::String);
    impl ::std::ops::Deref for InviteBatchCreateEmailsItem {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<InviteBatchCreateEmailsItem> for ::std::string::String {
        fn from(value: InviteBatchCreateEmailsItem) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for InviteBatchCreateEmailsItem {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 254usize {
                return Err("longer than 254 characters".into());
            }
            if value.chars().count() < 3usize {
                return Err("shorter than 3 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for InviteBatchCreateEmailsItem {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for InviteBatchCreateEmailsItem {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for InviteBatchCreateEmailsItem {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///The inviting person's name, shown in the email's subject and text; at most 200 characters.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct InviteBatchCreateInviter(::std::string::String);
    impl ::std::ops::Deref for InviteBatchCreateInviter {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<InviteBatchCreateInviter> for ::std::string::String {
        fn from(value: InviteBatchCreateInviter) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for InviteBatchCreateInviter {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 200usize {
                return Err("longer than 200 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for InviteBatchCreateInviter {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for InviteBatchCreateInviter {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for InviteBatchCreateInviter {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///A message shown to the invitees, at most 2000 characters.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct InviteBatchCreateMessage(::std::string::String);
    impl ::std::ops::Deref for InviteBatchCreateMessage {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<InviteBatchCreateMessage> for ::std::string::String {
        fn from(value: InviteBatchCreateMessage) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for InviteBatchCreateMessage {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 2000usize {
                return Err("longer than 2000 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for InviteBatchCreateMessage {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for InviteBatchCreateMessage {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for InviteBatchCreateMessage {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///An internal name for every invite, at most 200 characters.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct InviteBatchCreateName(::std::string::String);
    impl ::std::ops::Deref for InviteBatchCreateName {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<InviteBatchCreateName> for ::std::string::String {
        fn from(value: InviteBatchCreateName) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for InviteBatchCreateName {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 200usize {
                return Err("longer than 200 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for InviteBatchCreateName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for InviteBatchCreateName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for InviteBatchCreateName {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    /**A new invite. Give at most one of `expires_at`, `ttl_seconds` and `never_expires: true`
(more is a 400). `single_use: true` takes no other `max_uses`. `roles` must be the
organization's (400 otherwise).
*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    pub struct InviteCreate {
        ///An internal description, at most 2000 characters.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub description: ::std::option::Option<InviteCreateDescription>,
        /**Up to 100 exact addresses or domain patterns (`*@example.com`); omit or leave empty
for a public link. An invite for exact addresses only defaults to one use per address.
Addresses are compared in one normal form (NFC, lower-cased, IDNA for the domain);
malformed addresses, invisible or control characters (zero-width, bidi controls) and
patterns on a public suffix (`*@co.uk`) are a 400 naming `emails`.
*/
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub emails: ::std::vec::Vec<InviteCreateEmailsItem>,
        ///Whether it can be accepted now. Default: true.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub enabled: ::std::option::Option<bool>,
        /**When it stops working; must be in the future, and for a public invite (no `emails`) at
most one year (365 days) ahead. Default: 7 days from now.
*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub expires_at: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        ///The inviting person's name, shown in the email's subject and text; at most 200 characters.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub inviter: ::std::option::Option<InviteCreateInviter>,
        ///How many accepts it allows, 1 to 1000000; omit for the default.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub max_uses: ::std::option::Option<::std::num::NonZeroU64>,
        ///A message shown to the invitee, at most 2000 characters.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<InviteCreateMessage>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub metadata: ::std::option::Option<Metadata>,
        ///An internal name, at most 200 characters.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub name: ::std::option::Option<InviteCreateName>,
        ///No expiry at all; refused for a public invite.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub never_expires: ::std::option::Option<bool>,
        ///1 to 20 of the organization's roles; `owner` is never invitable.
        pub roles: ::std::vec::Vec<Role>,
        /**Email the invitation to each exact address (domain and public invites send nothing).
Default: true when the server has an email transport (`--smtp-url` or `--email-dir`);
`true` on a server without one is a 400 naming `send_email`.
*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub send_email: ::std::option::Option<bool>,
        ///Same as `max_uses: 1`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub single_use: ::std::option::Option<bool>,
        ///Up to 50 teams joined on acceptance.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub teams: ::std::vec::Vec<Team>,
        ///Lifetime in seconds instead of `expires_at`, 60 to 31536000.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub ttl_seconds: ::std::option::Option<i64>,
    }
    ///An internal description, at most 2000 characters.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct InviteCreateDescription(::std::string::String);
    impl ::std::ops::Deref for InviteCreateDescription {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<InviteCreateDescription> for ::std::string::String {
        fn from(value: InviteCreateDescription) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for InviteCreateDescription {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 2000usize {
                return Err("longer than 2000 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for InviteCreateDescription {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for InviteCreateDescription {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for InviteCreateDescription {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///`InviteCreateEmailsItem`
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct InviteCreateEmailsItem(::std::string::String);
    impl ::std::ops::Deref for InviteCreateEmailsItem {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<InviteCreateEmailsItem> for ::std::string::String {
        fn from(value: InviteCreateEmailsItem) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for InviteCreateEmailsItem {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 254usize {
                return Err("longer than 254 characters".into());
            }
            if value.chars().count() < 3usize {
                return Err("shorter than 3 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for InviteCreateEmailsItem {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for InviteCreateEmailsItem {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for InviteCreateEmailsItem {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///The inviting person's name, shown in the email's subject and text; at most 200 characters.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct InviteCreateInviter(::std::string::String);
    impl ::std::ops::Deref for InviteCreateInviter {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<InviteCreateInviter> for ::std::string::String {
        fn from(value: InviteCreateInviter) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for InviteCreateInviter {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 200usize {
                return Err("longer than 200 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for InviteCreateInviter {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for InviteCreateInviter {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for InviteCreateInviter {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///A message shown to the invitee, at most 2000 characters.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct InviteCreateMessage(::std::string::String);
    impl ::std::ops::Deref for InviteCreateMessage {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<InviteCreateMessage> for ::std::string::String {
        fn from(value: InviteCreateMessage) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for InviteCreateMessage {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 2000usize {
                return Err("longer than 2000 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for InviteCreateMessage {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for InviteCreateMessage {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for InviteCreateMessage {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///An internal name, at most 200 characters.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct InviteCreateName(::std::string::String);
    impl ::std::ops::Deref for InviteCreateName {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<InviteCreateName> for ::std::string::String {
        fn from(value: InviteCreateName) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for InviteCreateName {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 200usize {
                return Err("longer than 200 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for InviteCreateName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for InviteCreateName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for InviteCreateName {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///One page of invites.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct InviteList {
        ///The invites on this page.
        pub data: ::std::vec::Vec<Invite>,
        ///Pass as `page_token` for the next page; null on the last page.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub next_page_token: ::std::option::Option<::std::string::String>,
    }
    ///What a landing page may show; never the address list.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct InviteLookup {
        ///Whether only certain addresses or a domain may accept it.
        pub email_restricted: bool,
        ///When it stops working.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub expires_at: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        ///The message for the invitee.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<::std::string::String>,
        ///The organization the invite grants entry to.
        pub organization_id: ::std::string::String,
        ///Its display name.
        pub organization_name: ::std::string::String,
        ///Roles granted on acceptance.
        pub roles: ::std::vec::Vec<Role>,
        pub status: InviteStatus,
        ///Teams joined on acceptance.
        pub teams: ::std::vec::Vec<Team>,
    }
    ///A code to look up.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    pub struct InviteLookupRequest {
        ///The invite code from the link.
        pub code: InviteLookupRequestCode,
    }
    ///The invite code from the link.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct InviteLookupRequestCode(::std::string::String);
    impl ::std::ops::Deref for InviteLookupRequestCode {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<InviteLookupRequestCode> for ::std::string::String {
        fn from(value: InviteLookupRequestCode) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for InviteLookupRequestCode {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 128usize {
                return Err("longer than 128 characters".into());
            }
            if value.chars().count() < 1usize {
                return Err("shorter than 1 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for InviteLookupRequestCode {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for InviteLookupRequestCode {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for InviteLookupRequestCode {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    /**A new expiry for the resent invite, at most one of `ttl_seconds` and `expires_at`;
omit both to keep the current one (an expired invite needs one).
*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[serde(deny_unknown_fields)]
    pub struct InviteResend {
        ///New expiry; must be in the future (for a public invite at most one year ahead).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub expires_at: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        ///New lifetime in seconds from now, 60 to 31536000.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub ttl_seconds: ::std::option::Option<i64>,
    }
    /**Derived, first match wins: `revoked` (deleted by an admin) > `accepted` (max_uses reached)
> `expired` > `disabled` (`enabled: false`) > `pending`.
*/
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum InviteStatus {
        #[serde(rename = "pending")]
        Pending,
        #[serde(rename = "accepted")]
        Accepted,
        #[serde(rename = "expired")]
        Expired,
        #[serde(rename = "disabled")]
        Disabled,
        #[serde(rename = "revoked")]
        Revoked,
    }
    impl ::std::fmt::Display for InviteStatus {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::Pending => f.write_str("pending"),
                Self::Accepted => f.write_str("accepted"),
                Self::Expired => f.write_str("expired"),
                Self::Disabled => f.write_str("disabled"),
                Self::Revoked => f.write_str("revoked"),
            }
        }
    }
    impl ::std::str::FromStr for InviteStatus {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "pending" => Ok(Self::Pending),
                "accepted" => Ok(Self::Accepted),
                "expired" => Ok(Self::Expired),
                "disabled" => Ok(Self::Disabled),
                "revoked" => Ok(Self::Revoked),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for InviteStatus {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for InviteStatus {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///Fields to change; omitted fields stay as they are.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[serde(deny_unknown_fields)]
    pub struct InviteUpdate {
        ///An internal description, at most 2000 characters.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub description: ::std::option::Option<InviteUpdateDescription>,
        ///Enable or disable the invite.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub enabled: ::std::option::Option<bool>,
        /**A new expiry, in the future; for a public invite (no `emails`) at most one year (365
days) ahead.
*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub expires_at: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        ///A new quota, 1 to 1000000, not below `use_count`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub max_uses: ::std::option::Option<::std::num::NonZeroU64>,
        ///A message shown to the invitee, at most 2000 characters.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<InviteUpdateMessage>,
        ///An internal name, at most 200 characters.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub name: ::std::option::Option<InviteUpdateName>,
        /**1 to 20 of the organization's roles; `owner` is never invitable. Omitted or null:
unchanged.
*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub roles: ::std::option::Option<::std::vec::Vec<Role>>,
        ///Up to 50 teams; `[]` removes every team. Omitted or null: unchanged.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub teams: ::std::option::Option<::std::vec::Vec<Team>>,
    }
    ///An internal description, at most 2000 characters.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct InviteUpdateDescription(::std::string::String);
    impl ::std::ops::Deref for InviteUpdateDescription {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<InviteUpdateDescription> for ::std::string::String {
        fn from(value: InviteUpdateDescription) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for InviteUpdateDescription {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 2000usize {
                return Err("longer than 2000 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for InviteUpdateDescription {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for InviteUpdateDescription {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for InviteUpdateDescription {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///A message shown to the invitee, at most 2000 characters.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct InviteUpdateMessage(::std::string::String);
    impl ::std::ops::Deref for InviteUpdateMessage {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<InviteUpdateMessage> for ::std::string::String {
        fn from(value: InviteUpdateMessage) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for InviteUpdateMessage {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 2000usize {
                return Err("longer than 2000 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for InviteUpdateMessage {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for InviteUpdateMessage {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for InviteUpdateMessage {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///An internal name, at most 200 characters.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct InviteUpdateName(::std::string::String);
    impl ::std::ops::Deref for InviteUpdateName {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<InviteUpdateName> for ::std::string::String {
        fn from(value: InviteUpdateName) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for InviteUpdateName {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 200usize {
                return Err("longer than 200 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for InviteUpdateName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for InviteUpdateName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for InviteUpdateName {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///A member of the organization.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct Member {
        ///When they joined.
        pub created_at: ::chrono::DateTime<::chrono::offset::Utc>,
        ///The address, lower-cased.
        pub email: ::std::string::String,
        ///The member's id.
        pub id: ::std::string::String,
        ///The invite that brought them in.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub invite_id: ::std::option::Option<::std::string::String>,
        ///The organization.
        pub organization_id: ::std::string::String,
        ///The member's roles.
        pub roles: ::std::vec::Vec<Role>,
        ///The member's teams.
        pub teams: ::std::vec::Vec<Team>,
        ///The application's id for the person, when given at acceptance.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_id: ::std::option::Option<::std::string::String>,
    }
    ///One page of members.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct MemberList {
        ///The members on this page.
        pub data: ::std::vec::Vec<Member>,
        ///Pass as `page_token` for the next page; null on the last page.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub next_page_token: ::std::option::Option<::std::string::String>,
    }
    ///Up to 50 string keys (1 to 64 characters each) with string values (at most 500 characters each).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(transparent)]
    pub struct Metadata(
        pub ::std::collections::BTreeMap<::std::string::String, MetadataValue>,
    );
    impl ::std::ops::Deref for Metadata {
        type Target = ::std::collections::BTreeMap<::std::string::String, MetadataValue>;
        fn deref(
            &self,
        ) -> &::std::collections::BTreeMap<::std::string::String, MetadataValue> {
            &self.0
        }
    }
    impl ::std::convert::From<Metadata>
    for ::std::collections::BTreeMap<::std::string::String, MetadataValue> {
        fn from(value: Metadata) -> Self {
            value.0
        }
    }
    impl ::std::convert::From<
        ::std::collections::BTreeMap<::std::string::String, MetadataValue>,
    > for Metadata {
        fn from(
            value: ::std::collections::BTreeMap<::std::string::String, MetadataValue>,
        ) -> Self {
            Self(value)
        }
    }
    ///`MetadataValue`
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct MetadataValue(::std::string::String);
    impl ::std::ops::Deref for MetadataValue {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<MetadataValue> for ::std::string::String {
        fn from(value: MetadataValue) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for MetadataValue {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 500usize {
                return Err("longer than 500 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for MetadataValue {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for MetadataValue {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for MetadataValue {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///An organization that people join by invitation.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct Organization {
        ///When it was created.
        pub created_at: ::chrono::DateTime<::chrono::offset::Utc>,
        ///The organization's id.
        pub id: ::std::string::String,
        ///Display name.
        pub name: ::std::string::String,
        ///The roles invites may grant (besides `owner`, which is never invitable).
        pub roles: ::std::vec::Vec<Role>,
    }
    ///A new organization.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    pub struct OrganizationCreate {
        ///Display name, 1 to 200 characters.
        pub name: OrganizationCreateName,
        ///Its roles; default: owner, admin, developer, billing, user, viewer.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub roles: ::std::vec::Vec<Role>,
    }
    ///Display name, 1 to 200 characters.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct OrganizationCreateName(::std::string::String);
    impl ::std::ops::Deref for OrganizationCreateName {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<OrganizationCreateName> for ::std::string::String {
        fn from(value: OrganizationCreateName) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for OrganizationCreateName {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 200usize {
                return Err("longer than 200 characters".into());
            }
            if value.chars().count() < 1usize {
                return Err("shorter than 1 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for OrganizationCreateName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for OrganizationCreateName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for OrganizationCreateName {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///A new organization and its first API key, shown only in this response.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct OrganizationCreated {
        ///The organization's first API key (`ik_…`), shown once.
        pub api_key: ::std::string::String,
        pub organization: Organization,
    }
    ///One acceptance of an invite.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct Redemption {
        ///When it was accepted.
        pub created_at: ::chrono::DateTime<::chrono::offset::Utc>,
        ///The address that accepted, lower-cased.
        pub email: ::std::string::String,
        ///The redemption's id.
        pub id: ::std::string::String,
        ///The invite accepted.
        pub invite_id: ::std::string::String,
        ///The membership created.
        pub member_id: ::std::string::String,
        ///The application's id for the person.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_id: ::std::option::Option<::std::string::String>,
    }
    ///One page of redemptions.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct RedemptionList {
        ///The redemptions on this page.
        pub data: ::std::vec::Vec<Redemption>,
        ///Pass as `page_token` for the next page; null on the last page.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub next_page_token: ::std::option::Option<::std::string::String>,
    }
    ///A role name.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct Role(::std::string::String);
    impl ::std::ops::Deref for Role {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<Role> for ::std::string::String {
        fn from(value: Role) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for Role {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 64usize {
                return Err("longer than 64 characters".into());
            }
            if value.chars().count() < 1usize {
                return Err("shorter than 1 characters".into());
            }
            static PATTERN: ::std::sync::LazyLock<::regress::Regex> = ::std::sync::LazyLock::new(||
            { ::regress::Regex::new("^[a-z][a-z0-9_-]*$").unwrap() });
            if PATTERN.find(value).is_none() {
                return Err("doesn't match pattern \"^[a-z][a-z0-9_-]*$\"".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for Role {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for Role {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for Role {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///A team name.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct Team(::std::string::String);
    impl ::std::ops::Deref for Team {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<Team> for ::std::string::String {
        fn from(value: Team) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for Team {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 64usize {
                return Err("longer than 64 characters".into());
            }
            if value.chars().count() < 1usize {
                return Err("shorter than 1 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for Team {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for Team {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for Team {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///One attempt to deliver one event to one endpoint.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct WebhookDelivery {
        ///1 for the first attempt of this event at this endpoint, 2 for its first retry, and so on.
        pub attempt: i64,
        ///When the attempt was made.
        pub created_at: ::chrono::DateTime<::chrono::offset::Utc>,
        ///How long the attempt took, in milliseconds.
        pub duration_ms: i64,
        ///The endpoint it was sent to.
        pub endpoint_id: ::std::string::String,
        ///Why the attempt failed without an answer (refused address, connection, timeout); null when it got one.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error: ::std::option::Option<::std::string::String>,
        ///The event sent (the `webhook-id` header, the same on every retry).
        pub event_id: ::std::string::String,
        pub event_type: EventType,
        ///The attempt's id.
        pub id: ::std::string::String,
        ///The HTTP status the endpoint answered; null when there was no answer (see `error`).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub status_code: ::std::option::Option<i64>,
    }
    ///One page of delivery attempts.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct WebhookDeliveryList {
        ///The attempts on this page, newest first.
        pub data: ::std::vec::Vec<WebhookDelivery>,
        ///Pass as `page_token` for the next page; null on the last page.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub next_page_token: ::std::option::Option<::std::string::String>,
    }
    ///A webhook endpoint of the organization; never its secret.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct WebhookEndpoint {
        ///When it was created.
        pub created_at: ::chrono::DateTime<::chrono::offset::Utc>,
        ///What the endpoint is for; null if none was given.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub description: ::std::option::Option<::std::string::String>,
        ///Why the server disabled it (it answered 410 Gone, or failed for 5 days); null when enabled or disabled by a caller.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub disabled_reason: ::std::option::Option<::std::string::String>,
        ///Whether events are delivered to it.
        pub enabled: bool,
        ///The event types it receives; empty means every type.
        pub event_types: ::std::vec::Vec<EventType>,
        ///The endpoint's id.
        pub id: ::std::string::String,
        ///When it last changed.
        pub updated_at: ::chrono::DateTime<::chrono::offset::Utc>,
        ///Where events are POSTed.
        pub url: ::std::string::String,
    }
    ///A new webhook endpoint.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    pub struct WebhookEndpointCreate {
        ///What the endpoint is for, at most 500 characters.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub description: ::std::option::Option<WebhookEndpointCreateDescription>,
        ///The event types to send; empty or omitted means every type.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub event_types: ::std::vec::Vec<EventType>,
        ///Where to POST events: an `https` URL of at most 2,000 characters, on a public address.
        pub url: WebhookEndpointCreateUrl,
    }
    ///What the endpoint is for, at most 500 characters.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct WebhookEndpointCreateDescription(::std::string::String);
    impl ::std::ops::Deref for WebhookEndpointCreateDescription {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<WebhookEndpointCreateDescription>
    for ::std::string::String {
        fn from(value: WebhookEndpointCreateDescription) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for WebhookEndpointCreateDescription {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 500usize {
                return Err("longer than 500 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for WebhookEndpointCreateDescription {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String>
    for WebhookEndpointCreateDescription {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for WebhookEndpointCreateDescription {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///Where to POST events: an `https` URL of at most 2,000 characters, on a public address.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct WebhookEndpointCreateUrl(::std::string::String);
    impl ::std::ops::Deref for WebhookEndpointCreateUrl {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<WebhookEndpointCreateUrl> for ::std::string::String {
        fn from(value: WebhookEndpointCreateUrl) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for WebhookEndpointCreateUrl {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 2000usize {
                return Err("longer than 2000 characters".into());
            }
            if value.chars().count() < 1usize {
                return Err("shorter than 1 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for WebhookEndpointCreateUrl {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for WebhookEndpointCreateUrl {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for WebhookEndpointCreateUrl {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///An endpoint and its signing secret, shown only on creation and rotation.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct WebhookEndpointCreated {
        ///When it was created.
        pub created_at: ::chrono::DateTime<::chrono::offset::Utc>,
        ///What the endpoint is for; null if none was given.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub description: ::std::option::Option<::std::string::String>,
        ///Why the server disabled it; null when enabled or disabled by a caller.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub disabled_reason: ::std::option::Option<::std::string::String>,
        ///Whether events are delivered to it.
        pub enabled: bool,
        ///The event types it receives; empty means every type.
        pub event_types: ::std::vec::Vec<EventType>,
        ///The endpoint's id.
        pub id: ::std::string::String,
        ///The signing secret (`whsec_` + base64 of 32 random bytes), shown once: give it to `client.webhooks.unwrap`.
        pub secret: ::std::string::String,
        ///When it last changed.
        pub updated_at: ::chrono::DateTime<::chrono::offset::Utc>,
        ///Where events are POSTed.
        pub url: ::std::string::String,
    }
    ///One page of webhook endpoints.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct WebhookEndpointList {
        ///The endpoints on this page.
        pub data: ::std::vec::Vec<WebhookEndpoint>,
        ///Pass as `page_token` for the next page; null on the last page.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub next_page_token: ::std::option::Option<::std::string::String>,
    }
    ///Changes to an endpoint; omitted fields stay as they are.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[serde(deny_unknown_fields)]
    pub struct WebhookEndpointUpdate {
        ///A new description (empty clears it).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub description: ::std::option::Option<WebhookEndpointUpdateDescription>,
        ///`false` stops deliveries (events meanwhile are not queued for it); `true` resumes them.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub enabled: ::std::option::Option<bool>,
        ///The event types to send from now on; `[]` means every type. Omitted or null: unchanged.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub event_types: ::std::option::Option<::std::vec::Vec<EventType>>,
        ///A new URL, under the same rules as on creation.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub url: ::std::option::Option<WebhookEndpointUpdateUrl>,
    }
    ///A new description (empty clears it).
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct WebhookEndpointUpdateDescription(::std::string::String);
    impl ::std::ops::Deref for WebhookEndpointUpdateDescription {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<WebhookEndpointUpdateDescription>
    for ::std::string::String {
        fn from(value: WebhookEndpointUpdateDescription) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for WebhookEndpointUpdateDescription {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 500usize {
                return Err("longer than 500 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for WebhookEndpointUpdateDescription {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String>
    for WebhookEndpointUpdateDescription {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for WebhookEndpointUpdateDescription {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///A new URL, under the same rules as on creation.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct WebhookEndpointUpdateUrl(::std::string::String);
    impl ::std::ops::Deref for WebhookEndpointUpdateUrl {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<WebhookEndpointUpdateUrl> for ::std::string::String {
        fn from(value: WebhookEndpointUpdateUrl) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for WebhookEndpointUpdateUrl {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 2000usize {
                return Err("longer than 2000 characters".into());
            }
            if value.chars().count() < 1usize {
                return Err("shorter than 1 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for WebhookEndpointUpdateUrl {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for WebhookEndpointUpdateUrl {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for WebhookEndpointUpdateUrl {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    /// Error types.
    pub mod error {
        /// Error from a `TryFrom` or `FromStr` implementation.
        pub struct ConversionError(::std::borrow::Cow<'static, str>);
        impl ::std::error::Error for ConversionError {}
        impl ::std::fmt::Display for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Display::fmt(&self.0, f)
            }
        }
        impl ::std::fmt::Debug for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Debug::fmt(&self.0, f)
            }
        }
        impl From<&'static str> for ConversionError {
            fn from(value: &'static str) -> Self {
                Self(value.into())
            }
        }
        impl From<String> for ConversionError {
            fn from(value: String) -> Self {
                Self(value.into())
            }
        }
    }
}
#[derive(Clone, Debug)]
/**Client for Invites API

Organization invitations: create invites for exact addresses, email domains or public links,
let people look them up and accept them, and manage the resulting members.

Every call carries `Authorization: Bearer <api key>`. A key belongs to one organization and
sees nothing of any other. Creating organizations takes the server's admin token instead.
Every POST honours an `Idempotency-Key` header: a retry with the same key and body gets the
first response back and changes nothing.


Version: 1.0.0*/
pub struct Client {
    pub(crate) baseurl: String,
    pub(crate) client: reqwest::Client,
}
impl Client {
    /// Create a new client.
    ///
    /// `baseurl` is the base URL provided to the internal
    /// `reqwest::Client`, and should include a scheme and hostname,
    /// as well as port and a path stem if applicable.
    pub fn new(baseurl: &str) -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        let client = {
            let dur = ::std::time::Duration::from_secs(15u64);
            reqwest::ClientBuilder::new().connect_timeout(dur).timeout(dur)
        };
        #[cfg(target_arch = "wasm32")]
        let client = reqwest::ClientBuilder::new();
        Self::new_with_client(baseurl, client.build().unwrap())
    }
    /// Construct a new client with an existing `reqwest::Client`,
    /// allowing more control over its configuration.
    ///
    /// `baseurl` is the base URL provided to the internal
    /// `reqwest::Client`, and should include a scheme and hostname,
    /// as well as port and a path stem if applicable.
    pub fn new_with_client(baseurl: &str, client: reqwest::Client) -> Self {
        Self {
            baseurl: baseurl.to_string(),
            client,
        }
    }
}
impl ClientInfo<()> for Client {
    fn api_version() -> &'static str {
        "1.0.0"
    }
    fn baseurl(&self) -> &str {
        self.baseurl.as_str()
    }
    fn client(&self) -> &reqwest::Client {
        &self.client
    }
    fn inner(&self) -> &() {
        &()
    }
}
impl ClientHooks<()> for &Client {}
#[allow(clippy::all)]
impl Client {
    /**Create an organization (admin token) and its first API key

Sends a `POST` request to `/v1/organizations`

Arguments:
- `idempotency_key`: Makes a POST safe to retry. The first response for a key is stored; a request with the
same key and the same body gets it back and changes nothing; the same key with another
body is a 409 `conflict`. The answer kept is the first one of a request that ran, whatever
its status (201, 403, 404, 409, 410); answers of requests that never ran (400, 401, 413,
429, 503) are not kept, and a retry runs afresh. Any value the header can carry (the
SDKs send a UUID; an empty value is the same as no header); keys are kept for 24 hours.
The SDKs send one automatically.

- `body`
*/
    pub async fn create_organization<'a>(
        &'a self,
        idempotency_key: Option<&'a str>,
        body: &'a types::OrganizationCreate,
    ) -> Result<ResponseValue<types::OrganizationCreated>, Error<types::ErrorEnvelope>> {
        let url = format!("{}/v1/organizations", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        if let Some(value) = idempotency_key {
            header_map.append("Idempotency-Key", value.to_string().try_into()?);
        }
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "create_organization",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            201u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            409u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            413u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**The organization the API key belongs to

Sends a `GET` request to `/v1/organization`

*/
    pub async fn get_organization<'a>(
        &'a self,
    ) -> Result<ResponseValue<types::Organization>, Error<types::ErrorEnvelope>> {
        let url = format!("{}/v1/organization", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "get_organization",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**List invites, newest first, one page at a time

Sends a `GET` request to `/v1/invites`

Arguments:
- `email`: Only invites whose address list holds this exact address or pattern (case-insensitive).
- `limit`: Page size, 1 to 100.
- `page_token`: The `next_page_token` of the previous page, as the server issued it (an opaque token of at
most 512 characters; any other value is a 400 naming `page_token`); omit for the first
page.

- `status`: Only invites with this derived status.
*/
    pub async fn list_invites<'a>(
        &'a self,
        email: Option<&'a str>,
        limit: Option<::std::num::NonZeroU64>,
        page_token: Option<&'a str>,
        status: Option<types::InviteStatus>,
    ) -> Result<ResponseValue<types::InviteList>, Error<types::ErrorEnvelope>> {
        let url = format!("{}/v1/invites", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .query(&progenitor_client::QueryParam::new("email", &email))
            .query(&progenitor_client::QueryParam::new("limit", &limit))
            .query(&progenitor_client::QueryParam::new("page_token", &page_token))
            .query(&progenitor_client::QueryParam::new("status", &status))
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "list_invites",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Create an invite; the response is the only one that shows its code and url

Sends a `POST` request to `/v1/invites`

Arguments:
- `idempotency_key`: Makes a POST safe to retry. The first response for a key is stored; a request with the
same key and the same body gets it back and changes nothing; the same key with another
body is a 409 `conflict`. The answer kept is the first one of a request that ran, whatever
its status (201, 403, 404, 409, 410); answers of requests that never ran (400, 401, 413,
429, 503) are not kept, and a retry runs afresh. Any value the header can carry (the
SDKs send a UUID; an empty value is the same as no header); keys are kept for 24 hours.
The SDKs send one automatically.

- `body`
*/
    pub async fn create_invite<'a>(
        &'a self,
        idempotency_key: Option<&'a str>,
        body: &'a types::InviteCreate,
    ) -> Result<ResponseValue<types::Invite>, Error<types::ErrorEnvelope>> {
        let url = format!("{}/v1/invites", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        if let Some(value) = idempotency_key {
            header_map.append("Idempotency-Key", value.to_string().try_into()?);
        }
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "create_invite",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            201u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            409u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            413u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Create one single-use invite per address, all or nothing

Sends a `POST` request to `/v1/invites/batch`

Arguments:
- `idempotency_key`: Makes a POST safe to retry. The first response for a key is stored; a request with the
same key and the same body gets it back and changes nothing; the same key with another
body is a 409 `conflict`. The answer kept is the first one of a request that ran, whatever
its status (201, 403, 404, 409, 410); answers of requests that never ran (400, 401, 413,
429, 503) are not kept, and a retry runs afresh. Any value the header can carry (the
SDKs send a UUID; an empty value is the same as no header); keys are kept for 24 hours.
The SDKs send one automatically.

- `body`
*/
    pub async fn create_invites<'a>(
        &'a self,
        idempotency_key: Option<&'a str>,
        body: &'a types::InviteBatchCreate,
    ) -> Result<ResponseValue<types::InviteBatch>, Error<types::ErrorEnvelope>> {
        let url = format!("{}/v1/invites/batch", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        if let Some(value) = idempotency_key {
            header_map.append("Idempotency-Key", value.to_string().try_into()?);
        }
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "create_invites",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            201u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            409u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            413u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**What a landing page may show about a code. Consumes nothing

Failed lookups and accepts (an unknown code, an address the invite does not allow) are
limited per code within the caller's organization and per end user: the caller's backend
names the end user in the `Invites-Forwarded-For` header (the end user's IP address or
an opaque id, 1 to 200 visible characters); without it the API key stands in. Past a
limit the answer is 429 with `Retry-After`.


Sends a `POST` request to `/v1/invites/lookup`

Arguments:
- `idempotency_key`: Makes a POST safe to retry. The first response for a key is stored; a request with the
same key and the same body gets it back and changes nothing; the same key with another
body is a 409 `conflict`. The answer kept is the first one of a request that ran, whatever
its status (201, 403, 404, 409, 410); answers of requests that never ran (400, 401, 413,
429, 503) are not kept, and a retry runs afresh. Any value the header can carry (the
SDKs send a UUID; an empty value is the same as no header); keys are kept for 24 hours.
The SDKs send one automatically.

- `body`
*/
    pub async fn lookup_invite<'a>(
        &'a self,
        idempotency_key: Option<&'a str>,
        body: &'a types::InviteLookupRequest,
    ) -> Result<ResponseValue<types::InviteLookup>, Error<types::ErrorEnvelope>> {
        let url = format!("{}/v1/invites/lookup", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        if let Some(value) = idempotency_key {
            header_map.append("Idempotency-Key", value.to_string().try_into()?);
        }
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "lookup_invite",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            404u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            409u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            413u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Redeem a code for an email the caller has verified; creates a membership

The member gets the roles and teams the invite has at the moment of the claim. Each exact
address of an invite is admitted once: removing its member does not give the address its
place back (409 `invite_exhausted`). Failed attempts are limited as for `lookupInvite`
(per code and per end user named by `Invites-Forwarded-For`).


Sends a `POST` request to `/v1/invites/accept`

Arguments:
- `idempotency_key`: Makes a POST safe to retry. The first response for a key is stored; a request with the
same key and the same body gets it back and changes nothing; the same key with another
body is a 409 `conflict`. The answer kept is the first one of a request that ran, whatever
its status (201, 403, 404, 409, 410); answers of requests that never ran (400, 401, 413,
429, 503) are not kept, and a retry runs afresh. Any value the header can carry (the
SDKs send a UUID; an empty value is the same as no header); keys are kept for 24 hours.
The SDKs send one automatically.

- `body`
*/
    pub async fn accept_invite<'a>(
        &'a self,
        idempotency_key: Option<&'a str>,
        body: &'a types::InviteAcceptRequest,
    ) -> Result<ResponseValue<types::Member>, Error<types::ErrorEnvelope>> {
        let url = format!("{}/v1/invites/accept", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        if let Some(value) = idempotency_key {
            header_map.append("Idempotency-Key", value.to_string().try_into()?);
        }
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "accept_invite",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            201u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            403u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            404u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            409u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            410u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            413u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**One invite

Sends a `GET` request to `/v1/invites/{invite_id}`

Arguments:
- `invite_id`: The invite's id.
*/
    pub async fn get_invite<'a>(
        &'a self,
        invite_id: &'a str,
    ) -> Result<ResponseValue<types::Invite>, Error<types::ErrorEnvelope>> {
        let url = format!(
            "{}/v1/invites/{}", self.baseurl, encode_path(& invite_id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "get_invite",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            404u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Revoke an invite for good; repeating it is harmless

Sends a `DELETE` request to `/v1/invites/{invite_id}`

Arguments:
- `invite_id`: The invite's id.
*/
    pub async fn revoke_invite<'a>(
        &'a self,
        invite_id: &'a str,
    ) -> Result<ResponseValue<types::Invite>, Error<types::ErrorEnvelope>> {
        let url = format!(
            "{}/v1/invites/{}", self.baseurl, encode_path(& invite_id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .delete(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "revoke_invite",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            404u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Change an invite; omitted fields stay as they are

Sends a `PATCH` request to `/v1/invites/{invite_id}`

Arguments:
- `invite_id`: The invite's id.
- `body`
*/
    pub async fn update_invite<'a>(
        &'a self,
        invite_id: &'a str,
        body: &'a types::InviteUpdate,
    ) -> Result<ResponseValue<types::Invite>, Error<types::ErrorEnvelope>> {
        let url = format!(
            "{}/v1/invites/{}", self.baseurl, encode_path(& invite_id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .patch(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "update_invite",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            404u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            409u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            410u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            413u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Replace the invite's code; the old one stops working at once

Sends a `POST` request to `/v1/invites/{invite_id}/rotate`

Arguments:
- `invite_id`: The invite's id.
- `idempotency_key`: Makes a POST safe to retry. The first response for a key is stored; a request with the
same key and the same body gets it back and changes nothing; the same key with another
body is a 409 `conflict`. The answer kept is the first one of a request that ran, whatever
its status (201, 403, 404, 409, 410); answers of requests that never ran (400, 401, 413,
429, 503) are not kept, and a retry runs afresh. Any value the header can carry (the
SDKs send a UUID; an empty value is the same as no header); keys are kept for 24 hours.
The SDKs send one automatically.

*/
    pub async fn rotate_invite_code<'a>(
        &'a self,
        invite_id: &'a str,
        idempotency_key: Option<&'a str>,
    ) -> Result<ResponseValue<types::Invite>, Error<types::ErrorEnvelope>> {
        let url = format!(
            "{}/v1/invites/{}/rotate", self.baseurl, encode_path(& invite_id
            .to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        if let Some(value) = idempotency_key {
            header_map.append("Idempotency-Key", value.to_string().try_into()?);
        }
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "rotate_invite_code",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            404u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            409u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            410u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Who accepted this invite, newest first

Sends a `GET` request to `/v1/invites/{invite_id}/redemptions`

Arguments:
- `invite_id`: The invite's id.
- `limit`: Page size, 1 to 100.
- `page_token`: The `next_page_token` of the previous page, as the server issued it (an opaque token of at
most 512 characters; any other value is a 400 naming `page_token`); omit for the first
page.

*/
    pub async fn list_invite_redemptions<'a>(
        &'a self,
        invite_id: &'a str,
        limit: Option<::std::num::NonZeroU64>,
        page_token: Option<&'a str>,
    ) -> Result<ResponseValue<types::RedemptionList>, Error<types::ErrorEnvelope>> {
        let url = format!(
            "{}/v1/invites/{}/redemptions", self.baseurl, encode_path(& invite_id
            .to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .query(&progenitor_client::QueryParam::new("limit", &limit))
            .query(&progenitor_client::QueryParam::new("page_token", &page_token))
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "list_invite_redemptions",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            404u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Replace the invite's code and email it again to every address that has not accepted

The old code stops working at once; one new email is queued per exact address of the
invite that has not accepted it. Allowed for a pending invite, and for an expired one
when a new expiry (`ttl_seconds` or `expires_at`) is given; 409 `conflict` for a revoked,
accepted or disabled invite, for an expired one without a new expiry, and on a server
without an email transport.


Sends a `POST` request to `/v1/invites/{invite_id}/resend`

Arguments:
- `invite_id`: The invite's id.
- `idempotency_key`: Makes a POST safe to retry. The first response for a key is stored; a request with the
same key and the same body gets it back and changes nothing; the same key with another
body is a 409 `conflict`. The answer kept is the first one of a request that ran, whatever
its status (201, 403, 404, 409, 410); answers of requests that never ran (400, 401, 413,
429, 503) are not kept, and a retry runs afresh. Any value the header can carry (the
SDKs send a UUID; an empty value is the same as no header); keys are kept for 24 hours.
The SDKs send one automatically.

- `body`
*/
    pub async fn resend_invite<'a>(
        &'a self,
        invite_id: &'a str,
        idempotency_key: Option<&'a str>,
        body: &'a types::InviteResend,
    ) -> Result<ResponseValue<types::Invite>, Error<types::ErrorEnvelope>> {
        let url = format!(
            "{}/v1/invites/{}/resend", self.baseurl, encode_path(& invite_id
            .to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        if let Some(value) = idempotency_key {
            header_map.append("Idempotency-Key", value.to_string().try_into()?);
        }
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "resend_invite",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            404u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            409u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            413u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**The invitation emails of this invite and how their delivery went, newest first

Sends a `GET` request to `/v1/invites/{invite_id}/deliveries`

Arguments:
- `invite_id`: The invite's id.
- `limit`: Page size, 1 to 100.
- `page_token`: The `next_page_token` of the previous page, as the server issued it (an opaque token of at
most 512 characters; any other value is a 400 naming `page_token`); omit for the first
page.

*/
    pub async fn list_invite_deliveries<'a>(
        &'a self,
        invite_id: &'a str,
        limit: Option<::std::num::NonZeroU64>,
        page_token: Option<&'a str>,
    ) -> Result<ResponseValue<types::DeliveryList>, Error<types::ErrorEnvelope>> {
        let url = format!(
            "{}/v1/invites/{}/deliveries", self.baseurl, encode_path(& invite_id
            .to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .query(&progenitor_client::QueryParam::new("limit", &limit))
            .query(&progenitor_client::QueryParam::new("page_token", &page_token))
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "list_invite_deliveries",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            404u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**The organization's audit log, newest first, one page at a time

Every change is an event, written in the same transaction as the change: a change that
was refused or rolled back leaves none. Events are kept at least 30 days (the server's
`--event-retention-days`). No event ever holds an invite code, a link or a secret.


Sends a `GET` request to `/v1/events`

Arguments:
- `limit`: Page size, 1 to 100.
- `page_token`: The `next_page_token` of the previous page, as the server issued it (an opaque token of at
most 512 characters; any other value is a 400 naming `page_token`); omit for the first
page.

- `type_`: Only events of this type (any other value is a 400 naming `type`).
*/
    pub async fn list_events<'a>(
        &'a self,
        limit: Option<::std::num::NonZeroU64>,
        page_token: Option<&'a str>,
        type_: Option<types::EventType>,
    ) -> Result<ResponseValue<types::EventList>, Error<types::ErrorEnvelope>> {
        let url = format!("{}/v1/events", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .query(&progenitor_client::QueryParam::new("limit", &limit))
            .query(&progenitor_client::QueryParam::new("page_token", &page_token))
            .query(&progenitor_client::QueryParam::new("type", &type_))
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "list_events",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Members of the organization, newest first

Sends a `GET` request to `/v1/members`

Arguments:
- `email`: Only the member with this address (case-insensitive).
- `limit`: Page size, 1 to 100.
- `page_token`: The `next_page_token` of the previous page, as the server issued it (an opaque token of at
most 512 characters; any other value is a 400 naming `page_token`); omit for the first
page.

*/
    pub async fn list_members<'a>(
        &'a self,
        email: Option<&'a str>,
        limit: Option<::std::num::NonZeroU64>,
        page_token: Option<&'a str>,
    ) -> Result<ResponseValue<types::MemberList>, Error<types::ErrorEnvelope>> {
        let url = format!("{}/v1/members", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .query(&progenitor_client::QueryParam::new("email", &email))
            .query(&progenitor_client::QueryParam::new("limit", &limit))
            .query(&progenitor_client::QueryParam::new("page_token", &page_token))
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "list_members",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**One member

Sends a `GET` request to `/v1/members/{member_id}`

Arguments:
- `member_id`: The member's id.
*/
    pub async fn get_member<'a>(
        &'a self,
        member_id: &'a str,
    ) -> Result<ResponseValue<types::Member>, Error<types::ErrorEnvelope>> {
        let url = format!(
            "{}/v1/members/{}", self.baseurl, encode_path(& member_id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "get_member",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            404u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Remove a member from the organization

Sends a `DELETE` request to `/v1/members/{member_id}`

Arguments:
- `member_id`: The member's id.
*/
    pub async fn remove_member<'a>(
        &'a self,
        member_id: &'a str,
    ) -> Result<ResponseValue<types::Member>, Error<types::ErrorEnvelope>> {
        let url = format!(
            "{}/v1/members/{}", self.baseurl, encode_path(& member_id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .delete(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "remove_member",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            404u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**The organization's API keys, revoked ones included, newest first; never a secret

Sends a `GET` request to `/v1/api_keys`

Arguments:
- `limit`: Page size, 1 to 100.
- `page_token`: The `next_page_token` of the previous page, as the server issued it (an opaque token of at
most 512 characters; any other value is a 400 naming `page_token`); omit for the first
page.

*/
    pub async fn list_api_keys<'a>(
        &'a self,
        limit: Option<::std::num::NonZeroU64>,
        page_token: Option<&'a str>,
    ) -> Result<ResponseValue<types::ApiKeyList>, Error<types::ErrorEnvelope>> {
        let url = format!("{}/v1/api_keys", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .query(&progenitor_client::QueryParam::new("limit", &limit))
            .query(&progenitor_client::QueryParam::new("page_token", &page_token))
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "list_api_keys",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**A new API key for the caller's organization; its secret is shown only here

Sends a `POST` request to `/v1/api_keys`

Arguments:
- `idempotency_key`: Makes a POST safe to retry. The first response for a key is stored; a request with the
same key and the same body gets it back and changes nothing; the same key with another
body is a 409 `conflict`. The answer kept is the first one of a request that ran, whatever
its status (201, 403, 404, 409, 410); answers of requests that never ran (400, 401, 413,
429, 503) are not kept, and a retry runs afresh. Any value the header can carry (the
SDKs send a UUID; an empty value is the same as no header); keys are kept for 24 hours.
The SDKs send one automatically.

- `body`
*/
    pub async fn create_api_key<'a>(
        &'a self,
        idempotency_key: Option<&'a str>,
        body: &'a types::ApiKeyCreate,
    ) -> Result<ResponseValue<types::ApiKeyCreated>, Error<types::ErrorEnvelope>> {
        let url = format!("{}/v1/api_keys", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        if let Some(value) = idempotency_key {
            header_map.append("Idempotency-Key", value.to_string().try_into()?);
        }
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "create_api_key",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            201u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            409u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            413u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Revoke a key for good; repeating it is harmless

The key is refused (401) at once on the replica that revoked it and within 5 seconds on
every other replica. The organization's last active key cannot be revoked (409
`conflict`): create another first.


Sends a `DELETE` request to `/v1/api_keys/{key_id}`

Arguments:
- `key_id`: The API key's id.
*/
    pub async fn revoke_api_key<'a>(
        &'a self,
        key_id: &'a str,
    ) -> Result<ResponseValue<types::ApiKey>, Error<types::ErrorEnvelope>> {
        let url = format!(
            "{}/v1/api_keys/{}", self.baseurl, encode_path(& key_id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .delete(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "revoke_api_key",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            404u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            409u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**The organization's webhook endpoints, newest first; never a secret

Sends a `GET` request to `/v1/webhook_endpoints`

Arguments:
- `limit`: Page size, 1 to 100.
- `page_token`: The `next_page_token` of the previous page, as the server issued it (an opaque token of at
most 512 characters; any other value is a 400 naming `page_token`); omit for the first
page.

*/
    pub async fn list_webhook_endpoints<'a>(
        &'a self,
        limit: Option<::std::num::NonZeroU64>,
        page_token: Option<&'a str>,
    ) -> Result<ResponseValue<types::WebhookEndpointList>, Error<types::ErrorEnvelope>> {
        let url = format!("{}/v1/webhook_endpoints", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .query(&progenitor_client::QueryParam::new("limit", &limit))
            .query(&progenitor_client::QueryParam::new("page_token", &page_token))
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "list_webhook_endpoints",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**A new webhook endpoint; its signing secret is shown only here (and on rotation)

The server POSTs every event of the organization whose type the endpoint asks for (all
types when `event_types` is empty or omitted) to `url`, signed the Standard Webhooks way
(`webhook-id`, `webhook-timestamp`, `webhook-signature`), in order of creation, retrying
failures on the server's schedule. The URL must be `https` and must not resolve to a
loopback, private, link-local, CGNAT, multicast or metadata address (checked here and
again at every send) unless the server runs with `--webhook-allow-insecure`.


Sends a `POST` request to `/v1/webhook_endpoints`

Arguments:
- `idempotency_key`: Makes a POST safe to retry. The first response for a key is stored; a request with the
same key and the same body gets it back and changes nothing; the same key with another
body is a 409 `conflict`. The answer kept is the first one of a request that ran, whatever
its status (201, 403, 404, 409, 410); answers of requests that never ran (400, 401, 413,
429, 503) are not kept, and a retry runs afresh. Any value the header can carry (the
SDKs send a UUID; an empty value is the same as no header); keys are kept for 24 hours.
The SDKs send one automatically.

- `body`
*/
    pub async fn create_webhook_endpoint<'a>(
        &'a self,
        idempotency_key: Option<&'a str>,
        body: &'a types::WebhookEndpointCreate,
    ) -> Result<
        ResponseValue<types::WebhookEndpointCreated>,
        Error<types::ErrorEnvelope>,
    > {
        let url = format!("{}/v1/webhook_endpoints", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        if let Some(value) = idempotency_key {
            header_map.append("Idempotency-Key", value.to_string().try_into()?);
        }
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "create_webhook_endpoint",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            201u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            409u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            413u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**One webhook endpoint (without its secret)

Sends a `GET` request to `/v1/webhook_endpoints/{endpoint_id}`

Arguments:
- `endpoint_id`: The webhook endpoint's id.
*/
    pub async fn get_webhook_endpoint<'a>(
        &'a self,
        endpoint_id: &'a str,
    ) -> Result<ResponseValue<types::WebhookEndpoint>, Error<types::ErrorEnvelope>> {
        let url = format!(
            "{}/v1/webhook_endpoints/{}", self.baseurl, encode_path(& endpoint_id
            .to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "get_webhook_endpoint",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            404u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Delete an endpoint for good, with its deliveries not yet made and its attempt log

Sends a `DELETE` request to `/v1/webhook_endpoints/{endpoint_id}`

Arguments:
- `endpoint_id`: The webhook endpoint's id.
*/
    pub async fn delete_webhook_endpoint<'a>(
        &'a self,
        endpoint_id: &'a str,
    ) -> Result<ResponseValue<types::WebhookEndpoint>, Error<types::ErrorEnvelope>> {
        let url = format!(
            "{}/v1/webhook_endpoints/{}", self.baseurl, encode_path(& endpoint_id
            .to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .delete(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "delete_webhook_endpoint",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            404u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Change an endpoint; omitted fields stay as they are

Enabling an endpoint the server disabled (a 410 answer, or failing for 5 days) clears its
`disabled_reason` and resumes delivery with the events it has not received.


Sends a `PATCH` request to `/v1/webhook_endpoints/{endpoint_id}`

Arguments:
- `endpoint_id`: The webhook endpoint's id.
- `body`
*/
    pub async fn update_webhook_endpoint<'a>(
        &'a self,
        endpoint_id: &'a str,
        body: &'a types::WebhookEndpointUpdate,
    ) -> Result<ResponseValue<types::WebhookEndpoint>, Error<types::ErrorEnvelope>> {
        let url = format!(
            "{}/v1/webhook_endpoints/{}", self.baseurl, encode_path(& endpoint_id
            .to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .patch(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "update_webhook_endpoint",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            404u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            413u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**A new signing secret; the old one keeps signing beside it for 24 hours

For 24 hours every delivery carries two signatures in `webhook-signature` (space
separated, as Standard Webhooks allows): one under the new secret and one under the old,
so receivers can switch at their own pace. A second rotation within that time ends the
older secret's overlap at once.


Sends a `POST` request to `/v1/webhook_endpoints/{endpoint_id}/rotate_secret`

Arguments:
- `endpoint_id`: The webhook endpoint's id.
- `idempotency_key`: Makes a POST safe to retry. The first response for a key is stored; a request with the
same key and the same body gets it back and changes nothing; the same key with another
body is a 409 `conflict`. The answer kept is the first one of a request that ran, whatever
its status (201, 403, 404, 409, 410); answers of requests that never ran (400, 401, 413,
429, 503) are not kept, and a retry runs afresh. Any value the header can carry (the
SDKs send a UUID; an empty value is the same as no header); keys are kept for 24 hours.
The SDKs send one automatically.

*/
    pub async fn rotate_webhook_secret<'a>(
        &'a self,
        endpoint_id: &'a str,
        idempotency_key: Option<&'a str>,
    ) -> Result<
        ResponseValue<types::WebhookEndpointCreated>,
        Error<types::ErrorEnvelope>,
    > {
        let url = format!(
            "{}/v1/webhook_endpoints/{}/rotate_secret", self.baseurl, encode_path(&
            endpoint_id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        if let Some(value) = idempotency_key {
            header_map.append("Idempotency-Key", value.to_string().try_into()?);
        }
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "rotate_webhook_secret",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            404u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            409u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**The endpoint's delivery attempts, newest first, one row per attempt

Sends a `GET` request to `/v1/webhook_endpoints/{endpoint_id}/deliveries`

Arguments:
- `endpoint_id`: The webhook endpoint's id.
- `limit`: Page size, 1 to 100.
- `page_token`: The `next_page_token` of the previous page, as the server issued it (an opaque token of at
most 512 characters; any other value is a 400 naming `page_token`); omit for the first
page.

*/
    pub async fn list_webhook_deliveries<'a>(
        &'a self,
        endpoint_id: &'a str,
        limit: Option<::std::num::NonZeroU64>,
        page_token: Option<&'a str>,
    ) -> Result<ResponseValue<types::WebhookDeliveryList>, Error<types::ErrorEnvelope>> {
        let url = format!(
            "{}/v1/webhook_endpoints/{}/deliveries", self.baseurl, encode_path(&
            endpoint_id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .query(&progenitor_client::QueryParam::new("limit", &limit))
            .query(&progenitor_client::QueryParam::new("page_token", &page_token))
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "list_webhook_deliveries",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            404u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
}
/// Items consumers will typically use such as the Client.
pub mod prelude {
    #[allow(unused_imports)]
    pub use super::Client;
}

// @generated from spec/invites.yaml and spec/sdk-names.yaml by `cargo xtask regen`.
// DO NOT EDIT: change the spec (or the naming table) and run `cargo xtask regen`;
// `cargo xtask regen --check` fails when this file and the spec disagree.
// Invites API 1.0.0
//
// Organization invitations: create invites for exact addresses, email domains or public links,
// let people look them up and accept them, and manage the resulting members.
//
// Every call carries `Authorization: Bearer <api key>`. A key belongs to one organization and
// sees nothing of any other. Creating organizations takes the server's admin token instead.
// Every POST honours an `Idempotency-Key` header: a retry with the same key and body gets the
// first response back and changes nothing.

import { WebhooksMixin } from './mixins'

/** How to reach the API. Anything left out falls back to the environment, then to defaults. */
export interface ClientOptions {
  /** The server's base URL, e.g. `http://127.0.0.1:8080`. Default: `INVITES_BASE_URL`. */
  baseUrl?: string
  /** An organization API key (`ik_…`), or the admin token for `organizations.create`. Default: `INVITES_API_KEY`. */
  apiKey?: string
  /** Per-attempt timeout in milliseconds. Default: 60000. */
  timeout?: number
  /** Retries after a connection error, timeout, 408, 429 or 5xx, with backoff; 0 disables. Default: 2. */
  maxRetries?: number
  /** The `User-Agent` header. Default: `invites-sdk-node/<version> (node <version>; <platform>)`. */
  userAgent?: string
  /** An HTTP proxy every request goes through, e.g. `http://proxy.internal:3128`. */
  proxy?: string
  /** A PEM file of root certificates to trust beside the system's (a company CA). */
  caBundle?: string
  /** Headers sent with every request. */
  headers?: Record<string, string>
}

/** Options for one call. */
export interface RequestOptions {
  /** The `Idempotency-Key` of a POST (1 to 255 characters). Default: a fresh random key per call, reused by its retries. */
  idempotencyKey?: string
  /** Per-attempt timeout in milliseconds, instead of the client's. */
  timeout?: number
  /** Retries for this call, instead of the client's. */
  maxRetries?: number
  /** Headers sent with this call, e.g. `{ 'Invites-Forwarded-For': endUserIp }` (the end user a lookup or accept is for). */
  headers?: Record<string, string>
}

/** What came with a successful answer. */
export interface ResponseMeta {
  /** The HTTP status (200, 201). */
  status: number
  /** The server's id for the request (`req_…`). */
  requestId: string | null
}

/** What every method but a list returns: a Promise of the answer, and its metadata on request. */
export interface APIPromise<T> extends Promise<T> {
  /** The answer with its status and request id: `const { data, requestId } = await client.invites.get(id).withResponse()`. */
  withResponse(): Promise<{ data: T } & ResponseMeta>
}

/** One page of a list. */
export declare class Page<T> {
  /** The items on this page. */
  readonly data: T[]
  /** The token of the next page; `null` on the last page. */
  readonly nextPageToken: string | null
  /** Whether another page follows. */
  hasNextPage(): boolean
  /** The next page; rejects with `InvitesError` on the last page. */
  getNextPage(): Promise<Page<T>>
}

/**
 * What a list method returns. Awaited, it is the first page; with `for await` it yields every
 * item of every page, fetching pages as the loop goes. Nothing is sent before either is used.
 */
export declare class PagePromise<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  then<R1 = Page<T>, R2 = never>(
    onfulfilled?: ((value: Page<T>) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2>
  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<Page<T> | R>
  finally(onfinally?: (() => void) | null): Promise<Page<T>>
  /** The first page with its status and request id. */
  withResponse(): Promise<{ data: Page<T> } & ResponseMeta>
  [Symbol.asyncIterator](): AsyncIterator<T>
}

/**
 * Base class of every error this package throws. Python's SDK raises the same classes with the
 * same `status`, `type`, `param` and `requestId` for the same failure.
 */
export declare class InvitesError extends Error {
  /** HTTP status of the answer, when there was one. */
  readonly status: number | null
  /**
   * The error's type: the API's (`not_found`, `invite_exhausted`, …) when the server answered
   * with an error, else `connection_error`, `timeout`, `invalid_argument`, `invalid_config` or
   * `decode_error`; `null` only for an error of this package's own (`getNextPage()` on the
   * last page).
   */
  readonly type: ErrorType | (string & {}) | null
  /** The request field at fault (top-level, camelCase: `emails`, not `emails[0]`), when known. */
  readonly param: string | null
  /** The server's request id (`req_…`) of the last attempt, when one was answered. */
  readonly requestId: string | null
}
/** The server answered with an error status (or, for `InvalidArgumentError`, would have). */
export declare class APIStatusError extends InvitesError {
  /** The HTTP status; `null` only for an `InvalidArgumentError` (nothing was sent). */
  readonly status: number | null
  readonly type: ErrorType | (string & {})
  /** Seconds the server asked to wait (`Retry-After`), if it did. */
  readonly retryAfter: number | null
}
/**
 * 400 `invalid_request`: the request is malformed; `param` names the field. Also the base of
 * `InvalidArgumentError`, so one `instanceof BadRequestError` catches a bad value whether the
 * SDK or the server refused it.
 */
export declare class BadRequestError extends APIStatusError {}
/** 401 `unauthorized`: the bearer token is missing or unknown. */
export declare class AuthenticationError extends APIStatusError {
  readonly status: number
}
/** 403 `invite_disabled` or `email_not_allowed`. */
export declare class PermissionDeniedError extends APIStatusError {
  readonly status: number
}
/** 404 `not_found`: no such resource in the caller's organization. */
export declare class NotFoundError extends APIStatusError {
  readonly status: number
}
/** 409 `conflict`, `already_member` or `invite_exhausted`. */
export declare class ConflictError extends APIStatusError {
  readonly status: number
}
/** 410 `invite_expired` or `invite_revoked`. */
export declare class GoneError extends APIStatusError {
  readonly status: number
}
/** 413 `payload_too_large`: the body is over the server's limit. */
export declare class PayloadTooLargeError extends APIStatusError {
  readonly status: number
}
/** 429 `rate_limited`: too many requests or failed attempts; see `retryAfter`. */
export declare class RateLimitError extends APIStatusError {
  readonly status: number
}
/** 5xx `internal` or `unavailable`: the server failed (after the retries). */
export declare class InternalServerError extends APIStatusError {
  readonly status: number
}
/** No answer (`connection_error`): the connection was refused, reset or closed (after the retries). */
export declare class APIConnectionError extends InvitesError {
  readonly type: ErrorType | (string & {})
}
/** An attempt took longer than the timeout (`timeout`, after the retries). */
export declare class APITimeoutError extends APIConnectionError {}
/** A success answer whose body did not match the spec (`decode_error`). */
export declare class APIResponseValidationError extends InvitesError {
  readonly type: ErrorType | (string & {})
}
/**
 * An argument (`invalid_argument`) or the client's configuration (`invalid_config`) was refused
 * before anything was sent; `param` names it. A `BadRequestError` whose `status` is `null`.
 */
export declare class InvalidArgumentError extends BadRequestError {
  readonly status: null
  readonly requestId: null
}
/**
 * A webhook delivery did not verify (`webhooks.verify` / `webhooks.unwrap`); `type` says why and
 * `param` names the header at fault. Answer such a request with 400 and ignore it.
 */
export declare class WebhookVerificationError extends InvitesError {
  readonly status: null
  readonly type:
    | 'webhook_missing_header'
    | 'webhook_invalid_header'
    | 'webhook_invalid_signature'
    | 'webhook_invalid_payload'
    | 'webhook_timestamp'
  readonly requestId: null
}
/**
 * A correctly signed webhook delivery whose `webhook-timestamp` is more than 5 minutes from the
 * receiver's clock (`webhook_timestamp`): a replayed delivery, or a clock that is off.
 */
export declare class WebhookTimestampError extends WebhookVerificationError {
  readonly type: 'webhook_timestamp'
}

// ---------------------------------------------------------------------------------------------
// Models (camelCase; the wire uses snake_case)

/** Machine-readable error category. */
export type ErrorType = "invalid_request" | "unauthorized" | "not_found" | "conflict" | "already_member" | "invite_exhausted" | "invite_expired" | "invite_revoked" | "invite_disabled" | "email_not_allowed" | "payload_too_large" | "rate_limited" | "internal" | "unavailable"

/** What went wrong. */
export interface ErrorBody {
  /** Machine-readable error category. */
  type: ErrorType
  /**
   * A sentence for people.
   * @example "roles[0]: `owner` is never invitable"
   */
  message: string
  /**
   * The request field at fault, for `invalid_request`.
   * @example "roles"
   */
  param?: string | null
}

/** The one error shape of every error response. */
export interface ErrorEnvelope {
  /** What went wrong. */
  error: ErrorBody
  /**
   * The request's id, also sent as the `x-request-id` header.
   * @example "req_5f0c1a2b3c4d5e6f"
   */
  requestId: string
}

/**
 * A role name.
 * Constraints: 1 to 64 characters; pattern `^[a-z][a-z0-9_-]*$`.
 * @example "developer"
 */
export type Role = string

/**
 * A team name.
 * Constraints: 1 to 64 characters.
 * @example "platform"
 */
export type Team = string

/**
 * Up to 50 string keys (1 to 64 characters each) with string values (at most 500 characters each).
 * @example {"source":"onboarding"}
 */
export type Metadata = { [key: string]: string }

/**
 * Derived, first match wins: `revoked` (deleted by an admin) > `accepted` (max_uses reached)
 * > `expired` > `disabled` (`enabled: false`) > `pending`.
 */
export type InviteStatus = "pending" | "accepted" | "expired" | "disabled" | "revoked"

/** An organization that people join by invitation. */
export interface Organization {
  /**
   * The organization's id.
   * @example "org_2b7f0f6c9a10d3e4f5a6b7c8"
   */
  id: string
  /**
   * Display name.
   * @example "Acme"
   */
  name: string
  /** The roles invites may grant (besides `owner`, which is never invitable). */
  roles: Role[]
  /** When it was created. */
  createdAt: string
}

/**
 * A new organization.
 *
 * A request body: the SDK checks its constraints before sending.
 */
export interface OrganizationCreate {
  /**
   * Display name, 1 to 200 characters.
   * Constraints: 1 to 200 characters.
   * @example "Acme"
   */
  name: string
  /**
   * Its roles; default: owner, admin, developer, billing, user, viewer.
   * Constraints: 1 to 50 items.
   */
  roles?: Role[]
}

/** A new organization and its first API key, shown only in this response. */
export interface OrganizationCreated {
  /** An organization that people join by invitation. */
  organization: Organization
  /**
   * The organization's first API key (`ik_…`), shown once.
   * @example "ik_3q2v5x8z1c4b7n0m2k5j8h1g4f7d0s3a"
   */
  apiKey: string
}

/** An invitation to join an organization. */
export interface Invite {
  /**
   * The invite's id.
   * @example "inv_2b7f0f6c9a10d3e4f5a6b7c8"
   */
  id: string
  /**
   * The organization it grants entry to.
   * @example "org_2b7f0f6c9a10d3e4f5a6b7c8"
   */
  organizationId: string
  /**
   * An internal name for administrators.
   * @example "Q3 contractors"
   */
  name?: string | null
  /** An internal description for administrators. */
  description?: string | null
  /**
   * A message shown to the invitee.
   * @example "Welcome aboard!"
   */
  message?: string | null
  /**
   * Exact addresses or domain patterns (`*@example.com`); empty for a public link.
   * @example ["ada@example.com"]
   */
  emails: string[]
  /** Roles granted on acceptance. */
  roles: Role[]
  /** Teams joined on acceptance. */
  teams: Team[]
  /** When it stops working; null only for an invite created with `neverExpires`. */
  expiresAt?: string | null
  /**
   * How many accepts it allows; null is unlimited.
   * @example 1
   */
  maxUses?: number | null
  /**
   * How many times it was accepted.
   * @example 0
   */
  useCount: number
  /** A disabled invite refuses accepts until enabled again. */
  enabled: boolean
  /**
   * Derived, first match wins: `revoked` (deleted by an admin) > `accepted` (max_uses reached)
   * > `expired` > `disabled` (`enabled: false`) > `pending`.
   */
  status: InviteStatus
  /** Up to 50 string keys (1 to 64 characters each) with string values (at most 500 characters each). */
  metadata: Metadata
  /** When it was created. */
  createdAt: string
  /** When it last changed. */
  updatedAt: string
  /** When it was last accepted. */
  lastUsedAt?: string | null
  /**
   * The secret code (`ic_…`); only in the response that created or rotated it.
   * @example "ic_4k8s2m6q0w3e7r1t5y9u3i7o1p5a9s"
   */
  code?: string
  /**
   * The link to send; only in the response that created or rotated it. By default
   * `{public_url}/invite#code={code}`: the server's invitee page, with the code in the URL
   * fragment (never sent to any server); a `--public-url` holding `{code}` is a template
   * for the application's own page instead.
   * @example "http://127.0.0.1:8080/invite#code=ic_4k8s2m6q0w3e7r1t5y9u3i7o1p5a9s"
   */
  url?: string
}

/**
 * A new invite. Give at most one of `expiresAt`, `ttlSeconds` and `never_expires: true`
 * (more is a 400). `single_use: true` takes no other `maxUses`. `roles` must be the
 * organization's (400 otherwise).
 *
 * A request body: the SDK checks its constraints before sending.
 */
export interface InviteCreate {
  /**
   * An internal name, at most 200 characters.
   * Constraints: at most 200 characters.
   * @example "Q3 contractors"
   */
  name?: string
  /**
   * An internal description, at most 2000 characters.
   * Constraints: at most 2000 characters.
   */
  description?: string
  /**
   * A message shown to the invitee, at most 2000 characters.
   * Constraints: at most 2000 characters.
   * @example "Welcome aboard!"
   */
  message?: string
  /**
   * Up to 100 exact addresses or domain patterns (`*@example.com`); omit or leave empty
   * for a public link. An invite for exact addresses only defaults to one use per address.
   * Addresses are compared in one normal form (NFC, lower-cased, IDNA for the domain);
   * malformed addresses, invisible or control characters (zero-width, bidi controls) and
   * patterns on a public suffix (`*@co.uk`) are a 400 naming `emails`.
   * Constraints: at most 100 items.
   * @example ["ada@example.com"]
   */
  emails?: string[]
  /**
   * 1 to 20 of the organization's roles; `owner` is never invitable.
   * Constraints: 1 to 20 items.
   * @example ["developer"]
   */
  roles: Role[]
  /**
   * Up to 50 teams joined on acceptance.
   * Constraints: at most 50 items.
   */
  teams?: Team[]
  /**
   * When it stops working; must be in the future, and for a public invite (no `emails`) at
   * most one year (365 days) ahead. Default: 7 days from now.
   * Constraints: format `date-time`.
   */
  expiresAt?: string | Date
  /**
   * Lifetime in seconds instead of `expiresAt`, 60 to 31536000.
   * Constraints: 60 to 31536000; format `int64`.
   * @example 604800
   */
  ttlSeconds?: number
  /** No expiry at all; refused for a public invite. */
  neverExpires?: boolean
  /**
   * How many accepts it allows, 1 to 1000000; omit for the default.
   * Constraints: 1 to 1000000; format `int64`.
   */
  maxUses?: number
  /** Same as `max_uses: 1`. */
  singleUse?: boolean
  /** Whether it can be accepted now. Default: true. */
  enabled?: boolean
  /** Up to 50 string keys (1 to 64 characters each) with string values (at most 500 characters each). */
  metadata?: Metadata
  /**
   * Email the invitation to each exact address (domain and public invites send nothing).
   * Default: true when the server has an email transport (`--smtp-url` or `--email-dir`);
   * `true` on a server without one is a 400 naming `sendEmail`.
   */
  sendEmail?: boolean
  /**
   * The inviting person's name, shown in the email's subject and text; at most 200 characters.
   * Constraints: at most 200 characters.
   * @example "Ada Lovelace"
   */
  inviter?: string
}

/**
 * One single-use invite per address, created all or nothing. Give at most one of
 * `expiresAt` and `ttlSeconds`.
 *
 * A request body: the SDK checks its constraints before sending.
 */
export interface InviteBatchCreate {
  /**
   * 1 to 1000 exact addresses, no duplicates (in normal form), no patterns; malformed
   * addresses and invisible or control characters are a 400 naming `emails`.
   * Constraints: 1 to 1000 items.
   * @example ["ada@example.com","grace@example.com"]
   */
  emails: string[]
  /**
   * 1 to 20 of the organization's roles; `owner` is never invitable.
   * Constraints: 1 to 20 items.
   */
  roles: Role[]
  /**
   * Up to 50 teams joined on acceptance.
   * Constraints: at most 50 items.
   */
  teams?: Team[]
  /**
   * An internal name for every invite, at most 200 characters.
   * Constraints: at most 200 characters.
   */
  name?: string
  /**
   * A message shown to the invitees, at most 2000 characters.
   * Constraints: at most 2000 characters.
   */
  message?: string
  /**
   * When they stop working; must be in the future. Default: 7 days from now.
   * Constraints: format `date-time`.
   */
  expiresAt?: string | Date
  /**
   * Lifetime in seconds instead of `expiresAt`, 60 to 31536000.
   * Constraints: 60 to 31536000; format `int64`.
   */
  ttlSeconds?: number
  /** Up to 50 string keys (1 to 64 characters each) with string values (at most 500 characters each). */
  metadata?: Metadata
  /**
   * Email the invitation to each exact address (domain and public invites send nothing).
   * Default: true when the server has an email transport (`--smtp-url` or `--email-dir`);
   * `true` on a server without one is a 400 naming `sendEmail`.
   */
  sendEmail?: boolean
  /**
   * The inviting person's name, shown in the email's subject and text; at most 200 characters.
   * Constraints: at most 200 characters.
   * @example "Ada Lovelace"
   */
  inviter?: string
}

/** The invites a batch created. */
export interface InviteBatch {
  /** One invite per address, in request order, each with `code` and `url`. */
  data: Invite[]
}

/** One page of invites. */
export interface InviteList {
  /** The invites on this page. */
  data: Invite[]
  /** Pass as `pageToken` for the next page; null on the last page. */
  nextPageToken?: string | null
}

/**
 * Fields to change; omitted fields stay as they are.
 *
 * A request body: the SDK checks its constraints before sending.
 */
export interface InviteUpdate {
  /**
   * An internal name, at most 200 characters.
   * Constraints: at most 200 characters.
   */
  name?: string
  /**
   * An internal description, at most 2000 characters.
   * Constraints: at most 2000 characters.
   */
  description?: string
  /**
   * A message shown to the invitee, at most 2000 characters.
   * Constraints: at most 2000 characters.
   */
  message?: string
  /**
   * 1 to 20 of the organization's roles; `owner` is never invitable. Omitted or null:
   * unchanged.
   * Constraints: 1 to 20 items.
   */
  roles?: Role[] | null
  /**
   * Up to 50 teams; `[]` removes every team. Omitted or null: unchanged.
   * Constraints: at most 50 items.
   */
  teams?: Team[] | null
  /**
   * A new expiry, in the future; for a public invite (no `emails`) at most one year (365
   * days) ahead.
   * Constraints: format `date-time`.
   */
  expiresAt?: string | Date
  /**
   * A new quota, 1 to 1000000, not below `useCount`.
   * Constraints: 1 to 1000000; format `int64`.
   */
  maxUses?: number
  /** Enable or disable the invite. */
  enabled?: boolean
}

/**
 * A code to look up.
 *
 * A request body: the SDK checks its constraints before sending.
 */
export interface InviteLookupRequest {
  /**
   * The invite code from the link.
   * Constraints: 1 to 128 characters.
   * @example "ic_4k8s2m6q0w3e7r1t5y9u3i7o1p5a9s"
   */
  code: string
}

/** What a landing page may show; never the address list. */
export interface InviteLookup {
  /** The organization the invite grants entry to. */
  organizationId: string
  /**
   * Its display name.
   * @example "Acme"
   */
  organizationName: string
  /** Roles granted on acceptance. */
  roles: Role[]
  /** Teams joined on acceptance. */
  teams: Team[]
  /** The message for the invitee. */
  message?: string | null
  /** When it stops working. */
  expiresAt?: string | null
  /**
   * Derived, first match wins: `revoked` (deleted by an admin) > `accepted` (max_uses reached)
   * > `expired` > `disabled` (`enabled: false`) > `pending`.
   */
  status: InviteStatus
  /** Whether only certain addresses or a domain may accept it. */
  emailRestricted: boolean
}

/**
 * Accept an invite for an address the caller's backend has verified.
 *
 * A request body: the SDK checks its constraints before sending.
 */
export interface InviteAcceptRequest {
  /**
   * The invite code from the link.
   * Constraints: 1 to 128 characters.
   */
  code: string
  /**
   * The verified address of the person joining (never a pattern such as `*@example.com`);
   * malformed addresses and invisible or control characters are a 400 naming `email`.
   * Constraints: 3 to 254 characters.
   * @example "ada@example.com"
   */
  email: string
  /**
   * The application's own id for the person, at most 200 characters.
   * Constraints: at most 200 characters.
   * @example "user_42"
   */
  userId?: string
}

/** A member of the organization. */
export interface Member {
  /**
   * The member's id.
   * @example "mem_2b7f0f6c9a10d3e4f5a6b7c8"
   */
  id: string
  /** The organization. */
  organizationId: string
  /**
   * The address, lower-cased.
   * @example "ada@example.com"
   */
  email: string
  /** The application's id for the person, when given at acceptance. */
  userId?: string | null
  /** The member's roles. */
  roles: Role[]
  /** The member's teams. */
  teams: Team[]
  /** The invite that brought them in. */
  inviteId?: string | null
  /** When they joined. */
  createdAt: string
}

/** One page of members. */
export interface MemberList {
  /** The members on this page. */
  data: Member[]
  /** Pass as `pageToken` for the next page; null on the last page. */
  nextPageToken?: string | null
}

/** One acceptance of an invite. */
export interface Redemption {
  /**
   * The redemption's id.
   * @example "red_2b7f0f6c9a10d3e4f5a6b7c8"
   */
  id: string
  /** The invite accepted. */
  inviteId: string
  /** The membership created. */
  memberId: string
  /** The address that accepted, lower-cased. */
  email: string
  /** The application's id for the person. */
  userId?: string | null
  /** When it was accepted. */
  createdAt: string
}

/** One page of redemptions. */
export interface RedemptionList {
  /** The redemptions on this page. */
  data: Redemption[]
  /** Pass as `pageToken` for the next page; null on the last page. */
  nextPageToken?: string | null
}

/**
 * A new expiry for the resent invite, at most one of `ttlSeconds` and `expiresAt`;
 * omit both to keep the current one (an expired invite needs one).
 *
 * A request body: the SDK checks its constraints before sending.
 */
export interface InviteResend {
  /**
   * New lifetime in seconds from now, 60 to 31536000.
   * Constraints: 60 to 31536000; format `int64`.
   */
  ttlSeconds?: number
  /**
   * New expiry; must be in the future (for a public invite at most one year ahead).
   * Constraints: format `date-time`.
   */
  expiresAt?: string | Date
}

/** `queued` (waiting or being retried), `sent` (the mail server took it) or `failed` (refused for good, retries used up, or not sent because its link stopped working: the code was rotated or resent, or the invite revoked; `lastError` says which). */
export type DeliveryStatus = "queued" | "sent" | "failed"

/** One invitation email. */
export interface Delivery {
  /**
   * The delivery's id.
   * @example "dlv_2b7f0f6c9a10d3e4f5a6b7c8"
   */
  id: string
  /** The address it is sent to. */
  email: string
  /** `queued` (waiting or being retried), `sent` (the mail server took it) or `failed` (refused for good, retries used up, or not sent because its link stopped working: the code was rotated or resent, or the invite revoked; `lastError` says which). */
  status: DeliveryStatus
  /** Sending attempts so far. */
  attempts: number
  /** The last failure (the mail server's reply, or the connection error), if any. */
  lastError?: string | null
  /** When it was queued. */
  createdAt: string
  /** When the mail server accepted it. */
  sentAt?: string | null
}

/** One page of deliveries. */
export interface DeliveryList {
  /** The deliveries on this page. */
  data: Delivery[]
  /** Pass as `pageToken` for the next page; null on the last page. */
  nextPageToken?: string | null
}

/**
 * A new API key.
 *
 * A request body: the SDK checks its constraints before sending.
 */
export interface ApiKeyCreate {
  /**
   * What the key is for, 1 to 200 characters.
   * Constraints: 1 to 200 characters.
   * @example "billing worker"
   */
  name: string
}

/** An API key of the organization; never its secret. */
export interface ApiKey {
  /**
   * The key's id.
   * @example "key_2b7f0f6c9a10d3e4f5a6b7c8"
   */
  id: string
  /** What the key is for. */
  name: string
  /** When it was created. */
  createdAt: string
  /**
   * When it last authenticated a request, to within 5 seconds (uses are recorded at most
   * once every few seconds per replica, never with a write per request); null if never.
   */
  lastUsedAt?: string | null
  /** When it was revoked; null while it works. */
  revokedAt?: string | null
}

/** A new API key and its secret, shown only in this response. */
export interface ApiKeyCreated {
  /**
   * The key's id.
   * @example "key_2b7f0f6c9a10d3e4f5a6b7c8"
   */
  id: string
  /** What the key is for. */
  name: string
  /** When it was created. */
  createdAt: string
  /** Always null for a new key. */
  lastUsedAt?: string | null
  /** Always null for a new key. */
  revokedAt?: string | null
  /**
   * The key itself (`ik_…`), shown once; send it as `Authorization: Bearer <secret>`.
   * @example "ik_3q2v5x8z1c4b7n0m2k5j8h1g4f7d0s3a"
   */
  secret: string
}

/** One page of API keys. */
export interface ApiKeyList {
  /** The keys on this page. */
  data: ApiKey[]
  /** Pass as `pageToken` for the next page; null on the last page. */
  nextPageToken?: string | null
}

/**
 * What changed: `invite.created`, `invite.updated`, `invite.revoked`,
 * `invite.code_rotated`, `invite.resent`, `invite.accepted` (data: `invite` and the new
 * `member`), `member.removed` (`member`), `api_key.created`, `api_key.revoked` (`apiKey`,
 * never its secret), `email.sent`, `email.failed` (`delivery`: the email worker's outcome).
 */
export type EventType = "invite.created" | "invite.updated" | "invite.revoked" | "invite.code_rotated" | "invite.resent" | "invite.accepted" | "member.removed" | "api_key.created" | "api_key.revoked" | "email.sent" | "email.failed"

/** `apiKey` (a call with an API key), `admin` (the admin token) or `system` (the server itself: the email worker, the invitee page). */
export type EventActorType = "api_key" | "admin" | "system"

/** Who made the change. */
export interface EventActor {
  /** `apiKey` (a call with an API key), `admin` (the admin token) or `system` (the server itself: the email worker, the invitee page). */
  type: EventActorType
  /**
   * The API key's id (`key_…`) for `apiKey`; the server part (`email_worker`, `invitee_page`) for `system`; absent for `admin`.
   * @example "key_2b7f0f6c9a10d3e4f5a6b7c8"
   */
  id?: string | null
}

/** One change in the organization's audit log. */
export interface Event {
  /**
   * The event's id.
   * @example "evt_2b7f0f6c9a10d3e4f5a6b7c8"
   */
  id: string
  /**
   * What changed: `invite.created`, `invite.updated`, `invite.revoked`,
   * `invite.code_rotated`, `invite.resent`, `invite.accepted` (data: `invite` and the new
   * `member`), `member.removed` (`member`), `api_key.created`, `api_key.revoked` (`apiKey`,
   * never its secret), `email.sent`, `email.failed` (`delivery`: the email worker's outcome).
   */
  type: EventType
  /** When the change committed. */
  createdAt: string
  /** Who made the change. */
  actor: EventActor
  /** The changed objects as the API shows them, without codes, links or secrets: `invite`, `member`, `apiKey` or `delivery` (see the type). */
  data: Record<string, unknown>
}

/** One page of events. */
export interface EventList {
  /** The events on this page, newest first. */
  data: Event[]
  /** Pass as `pageToken` for the next page; null on the last page. */
  nextPageToken?: string | null
}

/**
 * A new webhook endpoint.
 *
 * A request body: the SDK checks its constraints before sending.
 */
export interface WebhookEndpointCreate {
  /**
   * Where to POST events: an `https` URL of at most 2,000 characters, on a public address.
   * Constraints: 1 to 2000 characters.
   * @example "https://app.example.com/webhooks/invites"
   */
  url: string
  /**
   * The event types to send; empty or omitted means every type.
   * Constraints: at most 50 items.
   */
  eventTypes?: EventType[]
  /**
   * What the endpoint is for, at most 500 characters.
   * Constraints: at most 500 characters.
   * @example "production app"
   */
  description?: string
}

/**
 * Changes to an endpoint; omitted fields stay as they are.
 *
 * A request body: the SDK checks its constraints before sending.
 */
export interface WebhookEndpointUpdate {
  /**
   * A new URL, under the same rules as on creation.
   * Constraints: 1 to 2000 characters.
   */
  url?: string
  /**
   * The event types to send from now on; `[]` means every type. Omitted or null: unchanged.
   * Constraints: at most 50 items.
   */
  eventTypes?: EventType[] | null
  /**
   * A new description (empty clears it).
   * Constraints: at most 500 characters.
   */
  description?: string
  /** `false` stops deliveries (events meanwhile are not queued for it); `true` resumes them. */
  enabled?: boolean
}

/** A webhook endpoint of the organization; never its secret. */
export interface WebhookEndpoint {
  /**
   * The endpoint's id.
   * @example "we_2b7f0f6c9a10d3e4f5a6b7c8"
   */
  id: string
  /** Where events are POSTed. */
  url: string
  /** The event types it receives; empty means every type. */
  eventTypes: EventType[]
  /** What the endpoint is for; null if none was given. */
  description?: string | null
  /** Whether events are delivered to it. */
  enabled: boolean
  /** Why the server disabled it (it answered 410 Gone, or failed for 5 days); null when enabled or disabled by a caller. */
  disabledReason?: string | null
  /** When it was created. */
  createdAt: string
  /** When it last changed. */
  updatedAt: string
}

/** An endpoint and its signing secret, shown only on creation and rotation. */
export interface WebhookEndpointCreated {
  /**
   * The endpoint's id.
   * @example "we_2b7f0f6c9a10d3e4f5a6b7c8"
   */
  id: string
  /** Where events are POSTed. */
  url: string
  /** The event types it receives; empty means every type. */
  eventTypes: EventType[]
  /** What the endpoint is for; null if none was given. */
  description?: string | null
  /** Whether events are delivered to it. */
  enabled: boolean
  /** Why the server disabled it; null when enabled or disabled by a caller. */
  disabledReason?: string | null
  /** When it was created. */
  createdAt: string
  /** When it last changed. */
  updatedAt: string
  /**
   * The signing secret (`whsec_` + base64 of 32 random bytes), shown once: give it to `client.webhooks.unwrap`.
   * @example "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
   */
  secret: string
}

/** One page of webhook endpoints. */
export interface WebhookEndpointList {
  /** The endpoints on this page. */
  data: WebhookEndpoint[]
  /** Pass as `pageToken` for the next page; null on the last page. */
  nextPageToken?: string | null
}

/** One attempt to deliver one event to one endpoint. */
export interface WebhookDelivery {
  /**
   * The attempt's id.
   * @example "wha_2b7f0f6c9a10d3e4f5a6b7c8"
   */
  id: string
  /** The endpoint it was sent to. */
  endpointId: string
  /** The event sent (the `webhook-id` header, the same on every retry). */
  eventId: string
  /**
   * What changed: `invite.created`, `invite.updated`, `invite.revoked`,
   * `invite.code_rotated`, `invite.resent`, `invite.accepted` (data: `invite` and the new
   * `member`), `member.removed` (`member`), `api_key.created`, `api_key.revoked` (`apiKey`,
   * never its secret), `email.sent`, `email.failed` (`delivery`: the email worker's outcome).
   */
  eventType: EventType
  /** 1 for the first attempt of this event at this endpoint, 2 for its first retry, and so on. */
  attempt: number
  /** The HTTP status the endpoint answered; null when there was no answer (see `error`). */
  statusCode?: number | null
  /** Why the attempt failed without an answer (refused address, connection, timeout); null when it got one. */
  error?: string | null
  /** How long the attempt took, in milliseconds. */
  durationMs: number
  /** When the attempt was made. */
  createdAt: string
}

/** One page of delivery attempts. */
export interface WebhookDeliveryList {
  /** The attempts on this page, newest first. */
  data: WebhookDelivery[]
  /** Pass as `pageToken` for the next page; null on the last page. */
  nextPageToken?: string | null
}

// ---------------------------------------------------------------------------------------------
// List parameters

/** Filters and paging for `invites.list` (`listInvites`). */
export interface ListInvitesParams {
  /** Only invites with this derived status. */
  status?: InviteStatus
  /**
   * Only invites whose address list holds this exact address or pattern (case-insensitive).
   * @example "ada@example.com"
   */
  email?: string
  /**
   * Page size, 1 to 100.
   * Constraints: 1 to 100; format `int64`.
   */
  limit?: number
  /**
   * The `nextPageToken` of the previous page, as the server issued it (an opaque token of at
   * most 512 characters; any other value is a 400 naming `pageToken`); omit for the first
   * page.
   */
  pageToken?: string
}

/** Filters and paging for `invites.redemptions` (`listInviteRedemptions`). */
export interface ListRedemptionsParams {
  /**
   * Page size, 1 to 100.
   * Constraints: 1 to 100; format `int64`.
   */
  limit?: number
  /**
   * The `nextPageToken` of the previous page, as the server issued it (an opaque token of at
   * most 512 characters; any other value is a 400 naming `pageToken`); omit for the first
   * page.
   */
  pageToken?: string
}

/** Filters and paging for `invites.deliveries` (`listInviteDeliveries`). */
export interface ListDeliveriesParams {
  /**
   * Page size, 1 to 100.
   * Constraints: 1 to 100; format `int64`.
   */
  limit?: number
  /**
   * The `nextPageToken` of the previous page, as the server issued it (an opaque token of at
   * most 512 characters; any other value is a 400 naming `pageToken`); omit for the first
   * page.
   */
  pageToken?: string
}

/** Filters and paging for `events.list` (`listEvents`). */
export interface ListEventsParams {
  /** Only events of this type (any other value is a 400 naming `type`). */
  type?: EventType
  /**
   * Page size, 1 to 100.
   * Constraints: 1 to 100; format `int64`.
   */
  limit?: number
  /**
   * The `nextPageToken` of the previous page, as the server issued it (an opaque token of at
   * most 512 characters; any other value is a 400 naming `pageToken`); omit for the first
   * page.
   */
  pageToken?: string
}

/** Filters and paging for `members.list` (`listMembers`). */
export interface ListMembersParams {
  /**
   * Only the member with this address (case-insensitive).
   * @example "ada@example.com"
   */
  email?: string
  /**
   * Page size, 1 to 100.
   * Constraints: 1 to 100; format `int64`.
   */
  limit?: number
  /**
   * The `nextPageToken` of the previous page, as the server issued it (an opaque token of at
   * most 512 characters; any other value is a 400 naming `pageToken`); omit for the first
   * page.
   */
  pageToken?: string
}

/** Filters and paging for `apiKeys.list` (`listApiKeys`). */
export interface ListApiKeysParams {
  /**
   * Page size, 1 to 100.
   * Constraints: 1 to 100; format `int64`.
   */
  limit?: number
  /**
   * The `nextPageToken` of the previous page, as the server issued it (an opaque token of at
   * most 512 characters; any other value is a 400 naming `pageToken`); omit for the first
   * page.
   */
  pageToken?: string
}

/** Filters and paging for `webhooks.list` (`listWebhookEndpoints`). */
export interface ListWebhookEndpointsParams {
  /**
   * Page size, 1 to 100.
   * Constraints: 1 to 100; format `int64`.
   */
  limit?: number
  /**
   * The `nextPageToken` of the previous page, as the server issued it (an opaque token of at
   * most 512 characters; any other value is a 400 naming `pageToken`); omit for the first
   * page.
   */
  pageToken?: string
}

/** Filters and paging for `webhooks.deliveries` (`listWebhookDeliveries`). */
export interface ListWebhookDeliveriesParams {
  /**
   * Page size, 1 to 100.
   * Constraints: 1 to 100; format `int64`.
   */
  limit?: number
  /**
   * The `nextPageToken` of the previous page, as the server issued it (an opaque token of at
   * most 512 characters; any other value is a 400 naming `pageToken`); omit for the first
   * page.
   */
  pageToken?: string
}

// ---------------------------------------------------------------------------------------------
// Resources

/** The organization the API key belongs to, and creating new ones with the admin token. */
export declare class Organizations {
  private constructor()
  /**
   * Create an organization (admin token) and its first API key.
   *
   * `POST /v1/organizations` (operationId `createOrganization`).
   *
   * @param organization A new organization.
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 201: The organization and its first API key, shown only here.
   * @throws {BadRequestError} 400: `invalid_request`: the request is malformed; `param` names the offending field.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {ConflictError} 409: `conflict`, `already_member` or `invite_exhausted`.
   * @throws {PayloadTooLargeError} 413: `payload_too_large`: the body is over the server's limit.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  create(organization: OrganizationCreate, options?: RequestOptions): APIPromise<OrganizationCreated>
  /**
   * The organization the API key belongs to.
   *
   * `GET /v1/organization` (operationId `getOrganization`).
   *
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 200: The caller's organization.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  get(options?: RequestOptions): APIPromise<Organization>
}

/** Invites: create, list, get, update, revoke, rotate, look up, accept, batches, redemptions, resend, deliveries. */
export declare class Invites {
  private constructor()
  /**
   * List invites, newest first, one page at a time.
   *
   * `GET /v1/invites` (operationId `listInvites`).
   *
   * Await it for the first page (`Page`, with `nextPageToken` and `getNextPage()`), or
   * walk every item of every page with `for await`.
   *
   * @param params Filters and paging.
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 200: One page of invites. (`data` items)
   * @throws {BadRequestError} 400: `invalid_request`: the request is malformed; `param` names the offending field.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  list(params?: ListInvitesParams, options?: RequestOptions): PagePromise<Invite>
  /**
   * Create an invite; the response is the only one that shows its code and url.
   *
   * `POST /v1/invites` (operationId `createInvite`).
   *
   * @param invite A new invite. Give at most one of `expiresAt`, `ttlSeconds` and `never_expires: true` (more is a 400). `single_use: true` takes no other `maxUses`. `roles` must be the organization's (400 otherwise).
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 201: The new invite, with `code` and `url`.
   * @throws {BadRequestError} 400: `invalid_request`: the request is malformed; `param` names the offending field.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {ConflictError} 409: `conflict`, `already_member` or `invite_exhausted`.
   * @throws {PayloadTooLargeError} 413: `payload_too_large`: the body is over the server's limit.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  create(invite: InviteCreate, options?: RequestOptions): APIPromise<Invite>
  /**
   * Create one single-use invite per address, all or nothing.
   *
   * `POST /v1/invites/batch` (operationId `createInvites`).
   *
   * @param batch One single-use invite per address, created all or nothing. Give at most one of `expiresAt` and `ttlSeconds`.
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 201: The new invites, in the order of `emails`, each with its `code` and `url`.
   * @throws {BadRequestError} 400: `invalid_request`: the request is malformed; `param` names the offending field.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {ConflictError} 409: `conflict`, `already_member` or `invite_exhausted`.
   * @throws {PayloadTooLargeError} 413: `payload_too_large`: the body is over the server's limit.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  createBatch(batch: InviteBatchCreate, options?: RequestOptions): APIPromise<InviteBatch>
  /**
   * What a landing page may show about a code. Consumes nothing.
   * Failed lookups and accepts (an unknown code, an address the invite does not allow) are
   * limited per code within the caller's organization and per end user: the caller's backend
   * names the end user in the `Invites-Forwarded-For` header (the end user's IP address or
   * an opaque id, 1 to 200 visible characters); without it the API key stands in. Past a
   * limit the answer is 429 with `Retry-After`.
   *
   * `POST /v1/invites/lookup` (operationId `lookupInvite`).
   *
   * @param code The invite code from the link.
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 200: The public face of the invite.
   * @throws {BadRequestError} 400: `invalid_request`: the request is malformed; `param` names the offending field.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {NotFoundError} 404: `not_found`: no such resource in the caller's organization.
   * @throws {ConflictError} 409: `conflict`, `already_member` or `invite_exhausted`.
   * @throws {PayloadTooLargeError} 413: `payload_too_large`: the body is over the server's limit.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  lookup(code: string, options?: RequestOptions): APIPromise<InviteLookup>
  /**
   * Redeem a code for an email the caller has verified; creates a membership.
   * The member gets the roles and teams the invite has at the moment of the claim. Each exact
   * address of an invite is admitted once: removing its member does not give the address its
   * place back (409 `invite_exhausted`). Failed attempts are limited as for `lookupInvite`
   * (per code and per end user named by `Invites-Forwarded-For`).
   *
   * `POST /v1/invites/accept` (operationId `acceptInvite`).
   *
   * @param acceptance Accept an invite for an address the caller's backend has verified.
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 201: The new membership.
   * @throws {BadRequestError} 400: `invalid_request`: the request is malformed; `param` names the offending field.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {PermissionDeniedError} 403: `invite_disabled` or `email_not_allowed`.
   * @throws {NotFoundError} 404: `not_found`: no such resource in the caller's organization.
   * @throws {ConflictError} 409: `conflict`, `already_member` or `invite_exhausted`.
   * @throws {GoneError} 410: `invite_expired` or `invite_revoked`.
   * @throws {PayloadTooLargeError} 413: `payload_too_large`: the body is over the server's limit.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  accept(acceptance: InviteAcceptRequest, options?: RequestOptions): APIPromise<Member>
  /**
   * One invite.
   *
   * `GET /v1/invites/{invite_id}` (operationId `getInvite`).
   *
   * @param inviteId The invite's id.
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 200: The invite (without its code).
   * @throws {BadRequestError} 400: `invalid_request`: the request is malformed; `param` names the offending field.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {NotFoundError} 404: `not_found`: no such resource in the caller's organization.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  get(inviteId: string, options?: RequestOptions): APIPromise<Invite>
  /**
   * Change an invite; omitted fields stay as they are.
   *
   * `PATCH /v1/invites/{invite_id}` (operationId `updateInvite`).
   *
   * @param inviteId The invite's id.
   * @param changes Fields to change; omitted fields stay as they are.
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 200: The updated invite.
   * @throws {BadRequestError} 400: `invalid_request`: the request is malformed; `param` names the offending field.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {NotFoundError} 404: `not_found`: no such resource in the caller's organization.
   * @throws {ConflictError} 409: `conflict`, `already_member` or `invite_exhausted`.
   * @throws {GoneError} 410: `invite_expired` or `invite_revoked`.
   * @throws {PayloadTooLargeError} 413: `payload_too_large`: the body is over the server's limit.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  update(inviteId: string, changes: InviteUpdate, options?: RequestOptions): APIPromise<Invite>
  /**
   * Revoke an invite for good; repeating it is harmless.
   *
   * `DELETE /v1/invites/{invite_id}` (operationId `revokeInvite`).
   *
   * @param inviteId The invite's id.
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 200: The invite, status `revoked`.
   * @throws {BadRequestError} 400: `invalid_request`: the request is malformed; `param` names the offending field.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {NotFoundError} 404: `not_found`: no such resource in the caller's organization.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  revoke(inviteId: string, options?: RequestOptions): APIPromise<Invite>
  /**
   * Replace the invite's code; the old one stops working at once.
   *
   * `POST /v1/invites/{invite_id}/rotate` (operationId `rotateInviteCode`).
   *
   * @param inviteId The invite's id.
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 200: The invite with its new `code` and `url`.
   * @throws {BadRequestError} 400: `invalid_request`: the request is malformed; `param` names the offending field.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {NotFoundError} 404: `not_found`: no such resource in the caller's organization.
   * @throws {ConflictError} 409: `conflict`, `already_member` or `invite_exhausted`.
   * @throws {GoneError} 410: `invite_expired` or `invite_revoked`.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  rotate(inviteId: string, options?: RequestOptions): APIPromise<Invite>
  /**
   * Who accepted this invite, newest first.
   *
   * `GET /v1/invites/{invite_id}/redemptions` (operationId `listInviteRedemptions`).
   *
   * Await it for the first page (`Page`, with `nextPageToken` and `getNextPage()`), or
   * walk every item of every page with `for await`.
   *
   * @param inviteId The invite's id.
   * @param params Filters and paging.
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 200: One page of redemptions. (`data` items)
   * @throws {BadRequestError} 400: `invalid_request`: the request is malformed; `param` names the offending field.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {NotFoundError} 404: `not_found`: no such resource in the caller's organization.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  redemptions(inviteId: string, params?: ListRedemptionsParams, options?: RequestOptions): PagePromise<Redemption>
  /**
   * Replace the invite's code and email it again to every address that has not accepted.
   * The old code stops working at once; one new email is queued per exact address of the
   * invite that has not accepted it. Allowed for a pending invite, and for an expired one
   * when a new expiry (`ttlSeconds` or `expiresAt`) is given; 409 `conflict` for a revoked,
   * accepted or disabled invite, for an expired one without a new expiry, and on a server
   * without an email transport.
   *
   * `POST /v1/invites/{invite_id}/resend` (operationId `resendInvite`).
   *
   * @param inviteId The invite's id.
   * @param resend A new expiry for the resent invite, at most one of `ttlSeconds` and `expiresAt`; omit both to keep the current one (an expired invite needs one).
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 200: The invite with its new `code` and `url`.
   * @throws {BadRequestError} 400: `invalid_request`: the request is malformed; `param` names the offending field.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {NotFoundError} 404: `not_found`: no such resource in the caller's organization.
   * @throws {ConflictError} 409: `conflict`, `already_member` or `invite_exhausted`.
   * @throws {PayloadTooLargeError} 413: `payload_too_large`: the body is over the server's limit.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  resend(inviteId: string, resend: InviteResend, options?: RequestOptions): APIPromise<Invite>
  /**
   * The invitation emails of this invite and how their delivery went, newest first.
   *
   * `GET /v1/invites/{invite_id}/deliveries` (operationId `listInviteDeliveries`).
   *
   * Await it for the first page (`Page`, with `nextPageToken` and `getNextPage()`), or
   * walk every item of every page with `for await`.
   *
   * @param inviteId The invite's id.
   * @param params Filters and paging.
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 200: One page of deliveries. (`data` items)
   * @throws {BadRequestError} 400: `invalid_request`: the request is malformed; `param` names the offending field.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {NotFoundError} 404: `not_found`: no such resource in the caller's organization.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  deliveries(inviteId: string, params?: ListDeliveriesParams, options?: RequestOptions): PagePromise<Delivery>
}

/** Members of the caller's organization. */
export declare class Members {
  private constructor()
  /**
   * Members of the organization, newest first.
   *
   * `GET /v1/members` (operationId `listMembers`).
   *
   * Await it for the first page (`Page`, with `nextPageToken` and `getNextPage()`), or
   * walk every item of every page with `for await`.
   *
   * @param params Filters and paging.
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 200: One page of members. (`data` items)
   * @throws {BadRequestError} 400: `invalid_request`: the request is malformed; `param` names the offending field.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  list(params?: ListMembersParams, options?: RequestOptions): PagePromise<Member>
  /**
   * One member.
   *
   * `GET /v1/members/{member_id}` (operationId `getMember`).
   *
   * @param memberId The member's id.
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 200: The member.
   * @throws {BadRequestError} 400: `invalid_request`: the request is malformed; `param` names the offending field.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {NotFoundError} 404: `not_found`: no such resource in the caller's organization.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  get(memberId: string, options?: RequestOptions): APIPromise<Member>
  /**
   * Remove a member from the organization.
   *
   * `DELETE /v1/members/{member_id}` (operationId `removeMember`).
   *
   * @param memberId The member's id.
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 200: The removed member.
   * @throws {BadRequestError} 400: `invalid_request`: the request is malformed; `param` names the offending field.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {NotFoundError} 404: `not_found`: no such resource in the caller's organization.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  remove(memberId: string, options?: RequestOptions): APIPromise<Member>
}

/** The organization's API keys: create (the secret is shown once), list, revoke. */
export declare class ApiKeys {
  private constructor()
  /**
   * The organization's API keys, revoked ones included, newest first; never a secret.
   *
   * `GET /v1/api_keys` (operationId `listApiKeys`).
   *
   * Await it for the first page (`Page`, with `nextPageToken` and `getNextPage()`), or
   * walk every item of every page with `for await`.
   *
   * @param params Filters and paging.
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 200: One page of keys. (`data` items)
   * @throws {BadRequestError} 400: `invalid_request`: the request is malformed; `param` names the offending field.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  list(params?: ListApiKeysParams, options?: RequestOptions): PagePromise<ApiKey>
  /**
   * A new API key for the caller's organization; its secret is shown only here.
   *
   * `POST /v1/api_keys` (operationId `createApiKey`).
   *
   * @param key A new API key.
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 201: The new key, with `secret` (shown only in this response).
   * @throws {BadRequestError} 400: `invalid_request`: the request is malformed; `param` names the offending field.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {ConflictError} 409: `conflict`, `already_member` or `invite_exhausted`.
   * @throws {PayloadTooLargeError} 413: `payload_too_large`: the body is over the server's limit.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  create(key: ApiKeyCreate, options?: RequestOptions): APIPromise<ApiKeyCreated>
  /**
   * Revoke a key for good; repeating it is harmless.
   * The key is refused (401) at once on the replica that revoked it and within 5 seconds on
   * every other replica. The organization's last active key cannot be revoked (409
   * `conflict`): create another first.
   *
   * `DELETE /v1/api_keys/{key_id}` (operationId `revokeApiKey`).
   *
   * @param keyId The API key's id.
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 200: The key, with `revokedAt` set.
   * @throws {BadRequestError} 400: `invalid_request`: the request is malformed; `param` names the offending field.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {NotFoundError} 404: `not_found`: no such resource in the caller's organization.
   * @throws {ConflictError} 409: `conflict`, `already_member` or `invite_exhausted`.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  revoke(keyId: string, options?: RequestOptions): APIPromise<ApiKey>
}

/** The organization's audit log: every change, newest first. */
export declare class Events {
  private constructor()
  /**
   * The organization's audit log, newest first, one page at a time.
   * Every change is an event, written in the same transaction as the change: a change that
   * was refused or rolled back leaves none. Events are kept at least 30 days (the server's
   * `--event-retention-days`). No event ever holds an invite code, a link or a secret.
   *
   * `GET /v1/events` (operationId `listEvents`).
   *
   * Await it for the first page (`Page`, with `nextPageToken` and `getNextPage()`), or
   * walk every item of every page with `for await`.
   *
   * @param params Filters and paging.
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 200: One page of events. (`data` items)
   * @throws {BadRequestError} 400: `invalid_request`: the request is malformed; `param` names the offending field.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  list(params?: ListEventsParams, options?: RequestOptions): PagePromise<Event>
}

/** Webhook endpoints (create: the secret is shown once, list, get, update, delete, rotate the secret, deliveries), and unwrapping what they receive. */
export declare class Webhooks extends WebhooksMixin {
  private constructor()
  /**
   * The organization's webhook endpoints, newest first; never a secret.
   *
   * `GET /v1/webhook_endpoints` (operationId `listWebhookEndpoints`).
   *
   * Await it for the first page (`Page`, with `nextPageToken` and `getNextPage()`), or
   * walk every item of every page with `for await`.
   *
   * @param params Filters and paging.
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 200: One page of endpoints. (`data` items)
   * @throws {BadRequestError} 400: `invalid_request`: the request is malformed; `param` names the offending field.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  list(params?: ListWebhookEndpointsParams, options?: RequestOptions): PagePromise<WebhookEndpoint>
  /**
   * A new webhook endpoint; its signing secret is shown only here (and on rotation).
   * The server POSTs every event of the organization whose type the endpoint asks for (all
   * types when `eventTypes` is empty or omitted) to `url`, signed the Standard Webhooks way
   * (`webhook-id`, `webhook-timestamp`, `webhook-signature`), in order of creation, retrying
   * failures on the server's schedule. The URL must be `https` and must not resolve to a
   * loopback, private, link-local, CGNAT, multicast or metadata address (checked here and
   * again at every send) unless the server runs with `--webhook-allow-insecure`.
   *
   * `POST /v1/webhook_endpoints` (operationId `createWebhookEndpoint`).
   *
   * @param endpoint A new webhook endpoint.
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 201: The new endpoint, with `secret` (shown only here and on rotation).
   * @throws {BadRequestError} 400: `invalid_request`: the request is malformed; `param` names the offending field.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {ConflictError} 409: `conflict`, `already_member` or `invite_exhausted`.
   * @throws {PayloadTooLargeError} 413: `payload_too_large`: the body is over the server's limit.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  create(endpoint: WebhookEndpointCreate, options?: RequestOptions): APIPromise<WebhookEndpointCreated>
  /**
   * One webhook endpoint (without its secret).
   *
   * `GET /v1/webhook_endpoints/{endpoint_id}` (operationId `getWebhookEndpoint`).
   *
   * @param endpointId The webhook endpoint's id.
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 200: The endpoint.
   * @throws {BadRequestError} 400: `invalid_request`: the request is malformed; `param` names the offending field.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {NotFoundError} 404: `not_found`: no such resource in the caller's organization.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  get(endpointId: string, options?: RequestOptions): APIPromise<WebhookEndpoint>
  /**
   * Change an endpoint; omitted fields stay as they are.
   * Enabling an endpoint the server disabled (a 410 answer, or failing for 5 days) clears its
   * `disabledReason` and resumes delivery with the events it has not received.
   *
   * `PATCH /v1/webhook_endpoints/{endpoint_id}` (operationId `updateWebhookEndpoint`).
   *
   * @param endpointId The webhook endpoint's id.
   * @param changes Changes to an endpoint; omitted fields stay as they are.
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 200: The updated endpoint.
   * @throws {BadRequestError} 400: `invalid_request`: the request is malformed; `param` names the offending field.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {NotFoundError} 404: `not_found`: no such resource in the caller's organization.
   * @throws {PayloadTooLargeError} 413: `payload_too_large`: the body is over the server's limit.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  update(endpointId: string, changes: WebhookEndpointUpdate, options?: RequestOptions): APIPromise<WebhookEndpoint>
  /**
   * Delete an endpoint for good, with its deliveries not yet made and its attempt log.
   *
   * `DELETE /v1/webhook_endpoints/{endpoint_id}` (operationId `deleteWebhookEndpoint`).
   *
   * @param endpointId The webhook endpoint's id.
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 200: The endpoint as it was.
   * @throws {BadRequestError} 400: `invalid_request`: the request is malformed; `param` names the offending field.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {NotFoundError} 404: `not_found`: no such resource in the caller's organization.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  delete(endpointId: string, options?: RequestOptions): APIPromise<WebhookEndpoint>
  /**
   * A new signing secret; the old one keeps signing beside it for 24 hours.
   * For 24 hours every delivery carries two signatures in `webhook-signature` (space
   * separated, as Standard Webhooks allows): one under the new secret and one under the old,
   * so receivers can switch at their own pace. A second rotation within that time ends the
   * older secret's overlap at once.
   *
   * `POST /v1/webhook_endpoints/{endpoint_id}/rotate_secret` (operationId `rotateWebhookSecret`).
   *
   * @param endpointId The webhook endpoint's id.
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 200: The endpoint with its new `secret` (shown only here).
   * @throws {BadRequestError} 400: `invalid_request`: the request is malformed; `param` names the offending field.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {NotFoundError} 404: `not_found`: no such resource in the caller's organization.
   * @throws {ConflictError} 409: `conflict`, `already_member` or `invite_exhausted`.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  rotateSecret(endpointId: string, options?: RequestOptions): APIPromise<WebhookEndpointCreated>
  /**
   * The endpoint's delivery attempts, newest first, one row per attempt.
   *
   * `GET /v1/webhook_endpoints/{endpoint_id}/deliveries` (operationId `listWebhookDeliveries`).
   *
   * Await it for the first page (`Page`, with `nextPageToken` and `getNextPage()`), or
   * walk every item of every page with `for await`.
   *
   * @param endpointId The webhook endpoint's id.
   * @param params Filters and paging.
   * @param options Per-call idempotency key, timeout and retries.
   * @returns 200: One page of attempts. (`data` items)
   * @throws {BadRequestError} 400: `invalid_request`: the request is malformed; `param` names the offending field.
   * @throws {AuthenticationError} 401: `unauthorized`: the bearer token is missing or unknown.
   * @throws {NotFoundError} 404: `not_found`: no such resource in the caller's organization.
   * @throws {RateLimitError} 429: `rate_limited`: too many requests or failed attempts; see `Retry-After`.
   * @throws {InternalServerError} 500: `internal`: the server failed; details are only in its log.
   * @throws {InternalServerError} 503: `unavailable`: the server is overloaded; see `Retry-After`.
   * @throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).
   * @throws {InvalidArgumentError} an argument refused before sending (a BadRequestError).
   */
  deliveries(endpointId: string, params?: ListWebhookDeliveriesParams, options?: RequestOptions): PagePromise<WebhookDelivery>
}

/**
 * A client for the Invites API. One client serves any number of concurrent calls; every method
 * returns a Promise and runs in the Rust SDK (retries, idempotency keys, timeouts, pagination).
 *
 * @example
 * const client = new Client({ baseUrl: 'http://127.0.0.1:8080', apiKey: process.env.INVITES_API_KEY })
 * const invite = await client.invites.create({ emails: ['ada@example.com'], roles: ['developer'] })
 */
export declare class Client {
  /**
   * @throws {InvalidArgumentError} a missing or malformed base URL or API key, or a bad option.
   */
  constructor(options?: ClientOptions)
  /** The base URL calls go to. */
  readonly baseUrl: string
  /** The organization the API key belongs to, and creating new ones with the admin token. */
  readonly organizations: Organizations
  /** Invites: create, list, get, update, revoke, rotate, look up, accept, batches, redemptions, resend, deliveries. */
  readonly invites: Invites
  /** Members of the caller's organization. */
  readonly members: Members
  /** The organization's API keys: create (the secret is shown once), list, revoke. */
  readonly apiKeys: ApiKeys
  /** The organization's audit log: every change, newest first. */
  readonly events: Events
  /** Webhook endpoints (create: the secret is shown once, list, get, update, delete, rotate the secret, deliveries), and unwrapping what they receive. */
  readonly webhooks: Webhooks
}

/** The package version. */
export declare const VERSION: string

export default Client

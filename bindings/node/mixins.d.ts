// Declarations of the hand-written resource methods that call no endpoint (mixins.js); the
// generated index.d.ts declares `Webhooks extends WebhooksMixin`.
import type { Event } from './index'

/** A delivery's body exactly as received: a string (taken as UTF-8) or a `Buffer` (any `Uint8Array`). */
export type WebhookBody = string | Uint8Array

/**
 * A delivery's headers, names in any case: `req.headers` of `node:http` (array values allowed),
 * a fetch `Headers` (`request.headers`), a `Map`, or any iterable of `[name, value]` pairs.
 */
export type WebhookHeaders = Record<string, string | string[] | undefined> | Iterable<readonly [string, string]>

/** Options of `verify` and `unwrap`. */
export interface WebhookVerifyOptions {
  /** Unix seconds to check `webhook-timestamp` against instead of the clock (tests, re-checking a stored delivery). */
  now?: number
}

/** Verifying what a webhook endpoint receives (Standard Webhooks), in the Rust SDK. */
export declare class WebhooksMixin {
  /**
   * Check a webhook delivery: one `v1,` signature of `webhook-signature` is the HMAC-SHA256 of
   * `{webhook-id}.{webhook-timestamp}.{body}` under `secret` (compared in constant time), and
   * `webhook-timestamp` is within 5 minutes of now. Synchronous; sends nothing.
   *
   * @param body The request body exactly as received: not parsed and re-serialized JSON.
   * @param headers The request's headers.
   * @param secret The endpoint's secret, `whsec_…`, as `create` or `rotateSecret` answered it.
   * @throws {WebhookVerificationError} a missing or malformed header, or no matching signature (`type` says which, `param` names the header).
   * @throws {WebhookTimestampError} a genuine signature more than 5 minutes old (or ahead).
   * @throws {InvalidArgumentError} a `secret` that is not `whsec_` + base64, or an argument of the wrong type.
   */
  verify(body: WebhookBody, headers: WebhookHeaders, secret: string, options?: WebhookVerifyOptions): void
  /**
   * Verify a webhook delivery (as `verify`) and return the event it carries, the same `Event`
   * `events.list()` yields (camelCase).
   *
   * @example
   * const event = client.webhooks.unwrap(rawBody, req.headers, process.env.WEBHOOK_SECRET)
   * if (event.type === 'invite.accepted') console.log(event.data.member)
   *
   * @throws {WebhookVerificationError} as `verify`; also `webhook_invalid_payload` for a signed body that is not an event.
   * @throws {WebhookTimestampError} a genuine signature more than 5 minutes old (or ahead).
   * @throws {InvalidArgumentError} a `secret` that is not `whsec_` + base64.
   */
  unwrap(body: WebhookBody, headers: WebhookHeaders, secret: string, options?: WebhookVerifyOptions): Event
}

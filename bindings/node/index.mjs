// @generated from spec/invites.yaml and spec/sdk-names.yaml by `cargo xtask regen`.
// DO NOT EDIT: change the spec (or the naming table) and run `cargo xtask regen`;
// `cargo xtask regen --check` fails when this file and the spec disagree.
// The ES module entry point: the same objects as the CommonJS one (one addon, one class
// identity), each export named so Node's ESM loader sees it.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const sdk = require('./index.js')

export const {
  Client,
  Organizations,
  Invites,
  Members,
  ApiKeys,
  Events,
  Webhooks,
  Page,
  PagePromise,
  InvitesError,
  APIStatusError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  GoneError,
  PayloadTooLargeError,
  RateLimitError,
  InternalServerError,
  APIConnectionError,
  APITimeoutError,
  APIResponseValidationError,
  InvalidArgumentError,
  WebhookVerificationError,
  WebhookTimestampError,
  VERSION,
} = sdk
export default sdk.Client

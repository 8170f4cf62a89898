// ES module entry point: the same objects as the CommonJS one (one addon, one class identity).
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const sdk = require('./index.js')

export const {
  Client,
  Invites,
  Members,
  Organizations,
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
  InvalidArgumentError,
  VERSION,
} = sdk
export default sdk.Client

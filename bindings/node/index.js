// invites-sdk: the Node face of the Invites Rust SDK.
//
// Every operation runs in Rust (`invites-sdk`: HTTP, retries, idempotency keys, timeouts,
// pagination); this file only turns JavaScript arguments into JSON for the addon, the addon's
// answers back into camelCase objects, and its error descriptors into error classes.
'use strict'

const { NativeClient } = require('./native.js')
const { version: VERSION } = require('./package.json')

// ---------------------------------------------------------------------------------------------
// Errors

/** Base class of every error this package throws. */
class InvitesError extends Error {
  constructor(message, fields = {}) {
    super(message)
    /** HTTP status of the answer, when there was one. */
    this.status = fields.status ?? null
    /** The API's error type (`not_found`, …), when the server answered with one. */
    this.type = fields.type ?? null
    /** The argument or request field at fault, when known. */
    this.param = fields.param ?? null
    /** The server's request id (`req_…`) of the last attempt, when one was answered. */
    this.requestId = fields.requestId ?? null
  }
}

/** The server answered with an error status. */
class APIStatusError extends InvitesError {
  constructor(message, fields = {}) {
    super(message, fields)
    /** Seconds the server asked to wait (`Retry-After`), if it did. */
    this.retryAfter = fields.retryAfter ?? null
  }
}
class BadRequestError extends APIStatusError {}
class AuthenticationError extends APIStatusError {}
class PermissionDeniedError extends APIStatusError {}
class NotFoundError extends APIStatusError {}
class ConflictError extends APIStatusError {}
class GoneError extends APIStatusError {}
class PayloadTooLargeError extends APIStatusError {}
class RateLimitError extends APIStatusError {}
class InternalServerError extends APIStatusError {}
/** No answer: the connection was refused, reset or closed. */
class APIConnectionError extends InvitesError {}
/** An attempt took longer than the timeout. */
class APITimeoutError extends APIConnectionError {}
/** An argument was refused before anything was sent. */
class InvalidArgumentError extends InvitesError {}

const errorClasses = {
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
}
for (const [name, cls] of Object.entries(errorClasses)) {
  // A `name` that survives minifiers, and stays out of `Object.keys(err)`.
  Object.defineProperty(cls.prototype, 'name', { value: name, writable: true, configurable: true })
}

const byStatus = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  410: GoneError,
  413: PayloadTooLargeError,
  429: RateLimitError,
}

/** The error class for an addon error descriptor. */
function errorFrom(d) {
  switch (d.kind) {
    case 'api': {
      const cls = byStatus[d.status] || (d.status >= 500 ? InternalServerError : APIStatusError)
      return new cls(d.message, d)
    }
    case 'connection':
      return new APIConnectionError(d.message, d)
    case 'timeout':
      return new APITimeoutError(d.message, d)
    case 'invalid_argument':
      return new InvalidArgumentError(d.message, d)
    default:
      return new InvitesError(d.message, d)
  }
}

/** `{"ok": value}` → value; `{"error": descriptor}` → throw. */
function unwrap(text) {
  const r = JSON.parse(text)
  if (r.error) {
    const err = errorFrom(r.error)
    // Start the stack at the SDK method the caller awaited, not in this helper.
    Error.captureStackTrace(err, unwrap)
    throw err
  }
  return r.ok
}

function invalid(param, message) {
  return new InvalidArgumentError(`invalid argument \`${param}\`: ${message}`, { param })
}

// ---------------------------------------------------------------------------------------------
// Arguments

function typeOf(v) {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v
}

/** A request body as JSON text; `Date`s become RFC 3339 strings, `undefined` fields vanish. */
function body(value, param = 'body') {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalid(param, `must be an object, got ${typeOf(value)}`)
  }
  try {
    return JSON.stringify(value)
  } catch (e) {
    throw invalid(param, `not JSON-serializable: ${e.message}`)
  }
}

/** Optional list parameters as JSON text. */
function params(value) {
  if (value === undefined || value === null) return undefined
  return body(value, 'params')
}

function id(value, param) {
  if (typeof value !== 'string') throw invalid(param, `must be a string, got ${typeOf(value)}`)
  return value
}

const CALL_OPTIONS = ['idempotencyKey', 'timeout', 'maxRetries']

/** Per-call options, checked here so a mistake is an `InvalidArgumentError`, not a napi error. */
function callOptions(o) {
  if (o === undefined || o === null) return undefined
  if (typeof o !== 'object' || Array.isArray(o)) {
    throw invalid('options', `must be an object, got ${typeOf(o)}`)
  }
  for (const k of Object.keys(o)) {
    if (!CALL_OPTIONS.includes(k)) {
      throw invalid(`options.${k}`, `unknown option; expected one of ${CALL_OPTIONS.join(', ')}`)
    }
  }
  const out = {}
  if (o.idempotencyKey !== undefined) {
    if (typeof o.idempotencyKey !== 'string' || o.idempotencyKey.length === 0) {
      throw invalid('options.idempotencyKey', 'must be a non-empty string')
    }
    out.idempotencyKey = o.idempotencyKey
  }
  if (o.timeout !== undefined) out.timeout = millis(o.timeout, 'options.timeout')
  if (o.maxRetries !== undefined) out.maxRetries = count(o.maxRetries, 'options.maxRetries')
  return out
}

function millis(v, param) {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
    throw invalid(param, `must be a positive number of milliseconds, got ${String(v)}`)
  }
  return v
}

function count(v, param) {
  if (!Number.isInteger(v) || v < 0 || v > 100) {
    throw invalid(param, `must be an integer from 0 to 100, got ${String(v)}`)
  }
  return v
}

// ---------------------------------------------------------------------------------------------
// Pages

/** One page of a list. */
class Page {
  constructor(data, nextPageToken, fetchPage) {
    /** The items on this page. */
    this.data = data
    /** The token of the next page; `null` on the last page. */
    this.nextPageToken = nextPageToken ?? null
    Object.defineProperty(this, '_fetchPage', { value: fetchPage })
  }

  /** Whether another page follows. */
  hasNextPage() {
    return this.nextPageToken !== null
  }

  /** The next page; throws `InvitesError` on the last page. */
  async getNextPage() {
    if (this.nextPageToken === null) throw new InvitesError('this is the last page')
    return this._fetchPage(this.nextPageToken)
  }
}

/**
 * What `list` returns: awaited, the first page (`Page`); with `for await`, every item of every
 * page, fetched as the loop goes by the Rust SDK's page stream. Nothing is sent until one of the
 * two is used.
 */
class PagePromise {
  constructor(fetchPage, openStream) {
    Object.defineProperty(this, '_fetchPage', { value: fetchPage })
    Object.defineProperty(this, '_openStream', { value: openStream })
    Object.defineProperty(this, '_promise', { value: null, writable: true })
  }

  then(onFulfilled, onRejected) {
    if (this._promise === null) this._promise = this._fetchPage(undefined)
    return this._promise.then(onFulfilled, onRejected)
  }

  catch(onRejected) {
    return this.then(undefined, onRejected)
  }

  finally(onFinally) {
    return Promise.resolve(this).finally(onFinally)
  }

  async *[Symbol.asyncIterator]() {
    const stream = this._openStream()
    for (;;) {
      const items = unwrap(await stream.next())
      if (items.length === 0) return
      yield* items
    }
  }

  get [Symbol.toStringTag]() {
    return 'PagePromise'
  }
}

/** A `PagePromise` over a native one-page call and a native stream, for the given params. */
function pages(p, fetchPage, openStream) {
  const fetch = async (pageToken) => {
    const q = pageToken === undefined ? p : { ...p, pageToken }
    const page = unwrap(await fetchPage(q === undefined ? undefined : JSON.stringify(q)))
    return new Page(page.data, page.nextPageToken, fetch)
  }
  return new PagePromise(fetch, () => openStream(p === undefined ? undefined : JSON.stringify(p)))
}

/** Parse list params once, up front. */
function listParams(value) {
  const text = params(value)
  return text === undefined ? undefined : JSON.parse(text)
}

/**
 * Build a list's `PagePromise`; an argument error rejects it (and its iteration) instead of
 * throwing from the call, like every other method.
 */
function listing(build) {
  try {
    return build()
  } catch (e) {
    const fail = () => Promise.reject(e)
    return new PagePromise(fail, () => ({ next: fail }))
  }
}

// ---------------------------------------------------------------------------------------------
// Resources

/** Invites: create, list, get, update, revoke, rotate, lookup, accept, batches, redemptions. */
class Invites {
  constructor(native) {
    Object.defineProperty(this, '_native', { value: native })
  }

  /** `createInvite` */
  async create(invite, options) {
    return unwrap(await this._native.createInvite(body(invite), callOptions(options)))
  }

  /** `createInvites` */
  async createBatch(batch, options) {
    return unwrap(await this._native.createInvites(body(batch), callOptions(options)))
  }

  /** `listInvites` */
  list(params, options) {
    return listing(() => {
      const p = listParams(params)
      const o = callOptions(options)
      return pages(
        p,
        (q) => this._native.listInvites(q, o),
        (q) => this._native.streamInvites(q, o),
      )
    })
  }

  /** `getInvite` */
  async get(inviteId, options) {
    return unwrap(await this._native.getInvite(id(inviteId, 'inviteId'), callOptions(options)))
  }

  /** `updateInvite` */
  async update(inviteId, changes, options) {
    const i = id(inviteId, 'inviteId')
    return unwrap(await this._native.updateInvite(i, body(changes), callOptions(options)))
  }

  /** `revokeInvite` */
  async revoke(inviteId, options) {
    return unwrap(await this._native.revokeInvite(id(inviteId, 'inviteId'), callOptions(options)))
  }

  /** `rotateInviteCode` */
  async rotate(inviteId, options) {
    const i = id(inviteId, 'inviteId')
    return unwrap(await this._native.rotateInviteCode(i, callOptions(options)))
  }

  /** `lookupInvite` */
  async lookup(code, options) {
    return unwrap(await this._native.lookupInvite(id(code, 'code'), callOptions(options)))
  }

  /** `acceptInvite` */
  async accept(acceptance, options) {
    return unwrap(await this._native.acceptInvite(body(acceptance), callOptions(options)))
  }

  /** `listInviteRedemptions` */
  redemptions(inviteId, params, options) {
    return listing(() => {
      const i = id(inviteId, 'inviteId')
      const p = listParams(params)
      const o = callOptions(options)
      return pages(
        p,
        (q) => this._native.listInviteRedemptions(i, q, o),
        (q) => this._native.streamInviteRedemptions(i, q, o),
      )
    })
  }
}

/** Members of the caller's organization. */
class Members {
  constructor(native) {
    Object.defineProperty(this, '_native', { value: native })
  }

  /** `listMembers` */
  list(params, options) {
    return listing(() => {
      const p = listParams(params)
      const o = callOptions(options)
      return pages(
        p,
        (q) => this._native.listMembers(q, o),
        (q) => this._native.streamMembers(q, o),
      )
    })
  }

  /** `getMember` */
  async get(memberId, options) {
    return unwrap(await this._native.getMember(id(memberId, 'memberId'), callOptions(options)))
  }

  /** `removeMember` */
  async remove(memberId, options) {
    const m = id(memberId, 'memberId')
    return unwrap(await this._native.removeMember(m, callOptions(options)))
  }
}

/** Organizations: the caller's, and creating new ones with the admin token. */
class Organizations {
  constructor(native) {
    Object.defineProperty(this, '_native', { value: native })
  }

  /** `createOrganization` (admin token) */
  async create(organization, options) {
    return unwrap(await this._native.createOrganization(body(organization), callOptions(options)))
  }

  /** `getOrganization` */
  async get(options) {
    return unwrap(await this._native.getOrganization(callOptions(options)))
  }
}

// ---------------------------------------------------------------------------------------------
// Client

const CLIENT_OPTIONS = ['baseUrl', 'apiKey', 'timeout', 'maxRetries', 'userAgent']

function fromEnv(name) {
  const v = process.env[name]
  return v !== undefined && v.trim() !== '' ? v : undefined
}

/** A client for the Invites API. One client serves any number of concurrent calls. */
class Client {
  constructor(options = {}) {
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      throw invalid('options', `must be an object, got ${typeOf(options)}`)
    }
    for (const k of Object.keys(options)) {
      if (!CLIENT_OPTIONS.includes(k)) {
        throw invalid(k, `unknown client option; expected one of ${CLIENT_OPTIONS.join(', ')}`)
      }
    }
    const o = {
      baseUrl: options.baseUrl ?? fromEnv('INVITES_BASE_URL'),
      apiKey: options.apiKey ?? fromEnv('INVITES_API_KEY'),
      userAgent:
        options.userAgent ??
        `invites-sdk-node/${VERSION} (node ${process.version}; ${process.platform}-${process.arch})`,
    }
    for (const k of ['baseUrl', 'apiKey', 'userAgent']) {
      if (o[k] !== undefined && typeof o[k] !== 'string') {
        throw invalid(k, `must be a string, got ${typeOf(o[k])}`)
      }
    }
    if (options.timeout !== undefined) o.timeout = millis(options.timeout, 'timeout')
    if (options.maxRetries !== undefined) o.maxRetries = count(options.maxRetries, 'maxRetries')
    let native
    try {
      native = new NativeClient(o)
    } catch (e) {
      throw fromThrown(e)
    }
    Object.defineProperty(this, '_native', { value: native })
    /** Invites: create, list, get, update, revoke, rotate, lookup, accept, batches, redemptions. */
    this.invites = new Invites(native)
    /** Members of the caller's organization. */
    this.members = new Members(native)
    /** Organizations: the caller's, and creating new ones with the admin token. */
    this.organizations = new Organizations(native)
  }

  /** The base URL calls go to. */
  get baseUrl() {
    return this._native.baseUrl
  }
}

/** The addon throws (only from its constructor) with a descriptor as the message. */
function fromThrown(e) {
  try {
    const d = JSON.parse(e.message)
    if (d && typeof d.kind === 'string') return errorFrom(d)
  } catch {
    // not a descriptor
  }
  return new InvitesError(String(e && e.message ? e.message : e))
}

// Spelled out (no spread) so Node's ESM loader sees every named export of this CommonJS file.
module.exports = {
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
  default: Client,
}

// Hand-written methods of the generated resource classes that call no endpoint (the naming
// table's `local_methods:`, listed as `local` in operations.js): `index.js` builds the
// `Webhooks` class on `WebhooksMixin`. The work is the Rust SDK's (`invites_sdk::webhooks`,
// through the addon); this only normalizes the arguments and throws the SDK's error classes.
'use strict'

const native = require('./native.js')
const errorClasses = require('./errors.js')

const { InvitesError, InvalidArgumentError } = errorClasses

function invalid(param, message) {
  return new InvalidArgumentError(`invalid argument \`${param}\`: ${message}`, { param, type: 'invalid_argument' })
}

/** The addon's envelope → the value, or the error class the SDK named. */
function settle(text, caller) {
  const r = JSON.parse(text)
  if (r.error) {
    const cls = errorClasses[r.error.class] ?? InvitesError
    const err = new cls(r.error.message, r.error)
    Error.captureStackTrace(err, caller)
    throw err
  }
  return r.ok
}

/** The body exactly as received: a string (sent as UTF-8), a Buffer or any Uint8Array. */
function bodyBytes(body) {
  if (typeof body === 'string') return Buffer.from(body, 'utf8')
  if (Buffer.isBuffer(body)) return body
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength)
  throw invalid('body', `must be a string or a Buffer, got ${body === null ? 'null' : typeof body}`)
}

/**
 * Headers as `[[name, value], …]` JSON for the addon, from a plain object (`req.headers` of
 * `node:http`, whose values may be arrays), a fetch `Headers`, a `Map` or any iterable of pairs.
 */
function headerPairs(headers) {
  const pairs = []
  const add = (name, value) => {
    if (value === undefined || value === null) return
    if (Array.isArray(value)) {
      for (const v of value) add(name, v)
      return
    }
    if (typeof name !== 'string' || (typeof value !== 'string' && typeof value !== 'number')) {
      throw invalid('headers', `header ${String(name)}: names and values must be strings`)
    }
    pairs.push([name, String(value)])
  }
  if (headers === null || typeof headers !== 'object') {
    throw invalid('headers', `must be an object or a Headers, got ${headers === null ? 'null' : typeof headers}`)
  }
  if (typeof headers[Symbol.iterator] === 'function') {
    for (const pair of headers) {
      if (!Array.isArray(pair) || pair.length !== 2) throw invalid('headers', 'an iterable of headers must yield [name, value] pairs')
      add(pair[0], pair[1])
    }
  } else {
    for (const [name, value] of Object.entries(headers)) add(name, value)
  }
  return JSON.stringify(pairs)
}

function secretText(secret) {
  if (typeof secret !== 'string') throw invalid('secret', `must be the endpoint's whsec_… string, got ${typeof secret}`)
  return secret
}

/** `{ now }`: unix seconds to check the timestamp against instead of the clock. */
function clock(options) {
  if (options === undefined || options === null) return undefined
  if (typeof options !== 'object') throw invalid('options', 'must be an object')
  const { now, ...rest } = options
  const unknown = Object.keys(rest)
  if (unknown.length > 0) throw invalid(`options.${unknown[0]}`, 'unknown option (only `now`)')
  if (now !== undefined && typeof now !== 'number') throw invalid('options.now', 'must be unix seconds (a number)')
  return now
}

/** Verifying what a webhook endpoint receives (Standard Webhooks), in the Rust SDK. */
class WebhooksMixin {
  /**
   * Check a webhook delivery: one `v1,` signature of `webhook-signature` is the HMAC-SHA256 of
   * `{webhook-id}.{webhook-timestamp}.{body}` under `secret`, and `webhook-timestamp` is within
   * 5 minutes of now. Synchronous; sends nothing.
   */
  verify(body, headers, secret, options) {
    const b = bodyBytes(body)
    const h = headerPairs(headers)
    settle(native.webhookVerify(b, h, secretText(secret), clock(options)), this.verify)
  }

  /** Verify a webhook delivery (as `verify`) and return its event, camelCase like every model. */
  unwrap(body, headers, secret, options) {
    const b = bodyBytes(body)
    const h = headerPairs(headers)
    return settle(native.webhookUnwrap(b, h, secretText(secret), clock(options)), this.unwrap)
  }
}

module.exports = { WebhooksMixin }

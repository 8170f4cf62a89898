// invites-sdk: the Node face of the Invites Rust SDK.
//
// Every operation runs in Rust (`invites-sdk`: HTTP, retries, idempotency keys, timeouts,
// pagination, argument checks); this file only turns JavaScript arguments into JSON for the
// addon's generic `call`/`stream`, its answers back into objects, and its error descriptors into
// error classes. Which methods exist comes from the generated table `operations.js`: nothing
// here names an operation.
'use strict'

const { inspect } = require('node:util')

const { NativeClient } = require('./native.js')
const RESOURCES = require('./operations.js')
const mixins = require('./mixins.js')
const { version: VERSION } = require('./package.json')

// ---------------------------------------------------------------------------------------------
// Errors (the classes are generated from the SDK's table: errors.js)

const errorClasses = require('./errors.js')
const { InvitesError, InvalidArgumentError } = errorClasses

/** The error for an addon descriptor: the SDK names the class (`Error::class_name`). */
function errorFrom(d) {
  const cls = errorClasses[d.class] ?? InvitesError
  return new cls(d.message, d)
}

/** `{"ok": value}` → value; `{"error": descriptor}` → throw. */
function unwrap(text) {
  return answer(text).data
}

/** `{"ok": value, status, requestId}` → `{data, status, requestId}`; `{"error": …}` → throw. */
function answer(text) {
  const r = JSON.parse(text)
  if (r.error) {
    const err = errorFrom(r.error)
    // Start the stack at the SDK method the caller awaited, not in this helper.
    Error.captureStackTrace(err, answer)
    throw err
  }
  return { data: hideSecrets(r.ok), status: r.status ?? null, requestId: r.requestId ?? null }
}

/** Fields whose values `util.inspect` (and so `console.log`) shortens to their prefix. */
const SECRET_FIELDS = ['code', 'url', 'apiKey', 'secret']

/** `ic_4k8s…` → `ic_…`; a URL keeps everything up to its last segment's prefix. */
function shorten(value) {
  const cut = value.lastIndexOf('/') + 1
  const last = value.slice(cut)
  const under = last.indexOf('_')
  return `${value.slice(0, cut)}${under >= 0 ? last.slice(0, under + 1) : ''}…`
}

/** Give every object holding a secret an inspect view that shortens it (JSON is untouched). */
function hideSecrets(value) {
  if (Array.isArray(value)) {
    value.forEach(hideSecrets)
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) hideSecrets(v)
    if (SECRET_FIELDS.some((k) => typeof value[k] === 'string')) {
      Object.defineProperty(value, inspect.custom, {
        value(depth, options, show) {
          const view = { ...this }
          for (const k of SECRET_FIELDS) if (typeof view[k] === 'string') view[k] = shorten(view[k])
          return show(view, options)
        },
      })
    }
  }
  return value
}

/**
 * A Promise of a call's answer with `withResponse()`, which resolves to the answer and its
 * status and request id. The call starts at once; `run` resolves to `answer(...)`.
 */
function apiPromise(run) {
  const full = run()
  // Async functions, not `.then`: the await chain keeps the caller in an error's stack.
  const data = (async () => (await full).data)()
  Object.defineProperty(data, 'withResponse', {
    value: () => {
      // Who uses withResponse() awaits `full`; this one must not become an unhandled rejection.
      data.catch(() => {})
      return full
    },
  })
  return data
}

function invalid(param, message) {
  return new InvalidArgumentError(`invalid argument \`${param}\`: ${message}`, {
    param,
    type: 'invalid_argument',
  })
}

// ---------------------------------------------------------------------------------------------
// Arguments

function typeOf(v) {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v
}

/** An object argument (a request body, list params); `undefined` and `null` only if `optional`. */
function object(value, param, optional) {
  if (optional && (value === undefined || value === null)) return {}
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalid(param, `must be an object, got ${typeOf(value)}`)
  }
  return value
}

/**
 * One call's arguments as the addon takes them, from a method's table entry `m` and the values
 * it was called with: `{args, text, options}`. `args` is one flat object: the plain arguments
 * by name, then the body's fields or the list params; `Date`s become RFC 3339 strings and
 * `undefined` fields vanish (`JSON.stringify`). The SDK checks the rest.
 */
function callArgs(m, values) {
  const args = {}
  m.args.forEach((name, i) => {
    args[name] = values[i]
  })
  const n = m.args.length
  const rest =
    m.rest === 'body' ? object(values[n], 'body') : m.rest === 'params' ? object(values[n], 'params', true) : {}
  for (const [k, v] of Object.entries(rest)) {
    if (Object.hasOwn(args, k)) throw invalid(k, 'is an argument of its own, not a field')
    args[k] = v
  }
  const text = json(args, m.rest ?? 'args')
  return { args, text, options: callOptions(values[n + (m.rest === null ? 0 : 1)]) }
}

/**
 * JSON text for the addon; `Date`s become RFC 3339 strings, `undefined` fields vanish, and a
 * number JSON cannot carry (`NaN`, `Infinity`) is refused rather than sent as `null`, naming
 * the top-level field it is in (`prefix` + name).
 */
function json(value, param, prefix = '') {
  let top = null
  try {
    return JSON.stringify(value, function (k, v) {
      if (this === value) top = k
      if (typeof v === 'number' && !Number.isFinite(v)) {
        throw invalid(top === null ? param : `${prefix}${top}`, `must be a finite number, got ${v}`)
      }
      return v
    })
  } catch (e) {
    throw e instanceof InvitesError ? e : invalid(param, `not JSON-serializable: ${e.message}`)
  }
}

/** Per-call options as JSON (the addon checks them: `options.timeout`, …). */
function callOptions(o) {
  return o === undefined || o === null ? undefined : json(object(o, 'options'), 'options', 'options.')
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
  constructor(fetchPage, openStream, fetchFirst) {
    Object.defineProperty(this, '_fetchFirst', { value: fetchFirst })
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

  /** The first page with its status and request id. */
  withResponse() {
    return this._fetchFirst()
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

/** A `PagePromise` over list operation `operation` with the arguments of `callArgs`. */
function pages(native, operation, { args, text, options }) {
  const fetchWithResponse = async (pageToken) => {
    const q = pageToken === undefined ? text : JSON.stringify({ ...args, pageToken })
    const r = answer(await native.call(operation, q, options))
    return { ...r, data: new Page(r.data.data, r.data.nextPageToken, fetch) }
  }
  const fetch = async (pageToken) => (await fetchWithResponse(pageToken)).data
  return new PagePromise(
    fetch,
    () => native.stream(operation, text, options),
    () => fetchWithResponse(undefined),
  )
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
    return new PagePromise(fail, () => ({ next: fail }), fail)
  }
}

// ---------------------------------------------------------------------------------------------
// Resources, from the generated table

/** A method for table entry `m`: a list returns a `PagePromise`, anything else a Promise. */
function method(m) {
  if (m.list) {
    return function (...values) {
      return listing(() => pages(this._native, m.operation, callArgs(m, values)))
    }
  }
  return function (...values) {
    return apiPromise(async () => {
      const { text, options } = callArgs(m, values)
      return answer(await this._native.call(m.operation, text, options))
    })
  }
}

/**
 * The class of resource `r` (`Invites`), its methods named as the table says; a resource with
 * `local` methods (no endpoint: `webhooks.unwrap`) extends its hand-written mixin (mixins.js).
 */
function resourceClass(r) {
  const local = r.local ?? []
  const Base = local.length > 0 ? mixins[`${r.cls}Mixin`] : Object
  for (const name of local) {
    if (typeof Base?.prototype?.[name] !== 'function') {
      throw new Error(`invites-sdk: mixins.js lacks ${r.cls}Mixin.${name} (operations.js lists it)`)
    }
  }
  const cls = {
    [r.cls]: class extends Base {
      constructor(native) {
        super()
        Object.defineProperty(this, '_native', { value: native })
      }
    },
  }[r.cls]
  for (const [name, m] of Object.entries(r.methods)) {
    const value = method(m)
    Object.defineProperty(value, 'name', { value: name })
    Object.defineProperty(cls.prototype, name, { value, writable: true, configurable: true })
  }
  return cls
}

const resources = Object.fromEntries(RESOURCES.map((r) => [r.cls, resourceClass(r)]))

// ---------------------------------------------------------------------------------------------
// Client

/** A client for the Invites API. One client serves any number of concurrent calls. */
class Client {
  constructor(options = {}) {
    // The addon checks the options; a missing `baseUrl` / `apiKey` falls back to
    // INVITES_BASE_URL / INVITES_API_KEY.
    const given = object(options, 'options')
    const o = {
      ...given,
      userAgent:
        given.userAgent ??
        `invites-sdk-node/${VERSION} (node ${process.version}; ${process.platform}-${process.arch})`,
    }
    const text = json(o, 'options')
    let native
    try {
      native = new NativeClient(text)
    } catch (e) {
      throw fromThrown(e)
    }
    Object.defineProperty(this, '_native', { value: native })
    // `client.invites`, …: one attribute per resource of the table (documented in index.d.ts).
    for (const r of RESOURCES) this[r.name] = new resources[r.cls](native)
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
    if (d && typeof d.class === 'string') return errorFrom(d)
  } catch {
    // not a descriptor
  }
  return new InvitesError(String(e && e.message ? e.message : e))
}

// Named one by one for `import` in index.mjs (generated).
module.exports = {
  Client,
  Page,
  PagePromise,
  VERSION,
  default: Client,
  ...errorClasses,
  ...resources,
}

// The Node runner of the shared conformance scenarios (conformance/scenarios/*.json): every file,
// against a real server behind the fault proxy. The Rust and Python runners execute the same
// files; the format is in conformance/README.md. Scenarios use the spec's snake_case names; this
// runner translates them to the Node SDK's camelCase and back (error `param`s included).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import * as sdk from '../index.mjs'
import { startProxy, startServer } from './helpers.mjs'

const {
  Client,
  InvitesError,
  APIStatusError,
  APIConnectionError,
  APITimeoutError,
  APIResponseValidationError,
  InvalidArgumentError,
  WebhookVerificationError,
} = sdk
const here = path.dirname(fileURLToPath(import.meta.url))
const dir = path.resolve(here, '../../../conformance/scenarios')
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()

const camel = (s) => s.replace(/_([a-z])/g, (_, c) => c.toUpperCase())
const snake = (s) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
/** Rename keys recursively, leaving `metadata` maps (user keys) alone. */
function rename(value, fn) {
  if (Array.isArray(value)) return value.map((v) => rename(v, fn))
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [fn(k), k === 'metadata' ? v : rename(v, fn)]),
    )
  }
  return value
}

let server
let proxy
let proxyUrl

async function control(method, urlPath, body) {
  const r = await fetch(`${proxyUrl}${urlPath}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  assert.ok(r.ok, `proxy control ${method} ${urlPath}: ${r.status}`)
  return r.json()
}

before(async () => {
  // With an email transport (files in a temp dir), so send_email and resend work.
  server = await startServer(['--email-dir', fs.mkdtempSync(path.join(os.tmpdir(), 'invites-mail-'))])
  proxy = await startProxy(server.baseUrl)
  proxyUrl = proxy.url
})

after(async () => {
  proxy?.child.kill('SIGKILL')
  await server?.stop()
})

async function collect(pager) {
  const out = []
  for await (const item of pager) out.push(item)
  return out
}

/** Scenario call → SDK method, generated from the spec by `cargo xtask regen`. */
const CALLS = JSON.parse(fs.readFileSync(path.resolve(here, '../../../conformance/operations.json'), 'utf8')).calls

/**
 * Run scenario call `call` (`invites.create_batch`; `<call>_page`: a list's first page only)
 * through its generated table entry: the positional args in order, then the rest (the body or
 * the list params, camelCase) as one object, then the options.
 */
async function dispatch(client, call, args, options) {
  const firstPage = call.endsWith('_page')
  const entry = CALLS[firstPage ? call.slice(0, -'_page'.length) : call]
  assert.ok(entry && (!firstPage || entry.list), `unknown call ${call}: not in conformance/operations.json`)
  const rest = { ...args }
  const positional = entry.positional.map((name) => {
    const v = rest[name]
    delete rest[name]
    return v
  })
  const resource = client[entry.node_resource]
  const callArgs = entry.rest === 'none' ? positional : [...positional, rename(rest, camel)]
  // A local call runs in the SDK without a request and answers at once (not a Promise).
  if (entry.local) return { value: resource[entry.node](...callArgs) ?? null, requestId: null }
  const result = resource[entry.node](...callArgs, options)
  if (entry.list && !firstPage) return { value: await collect(result), requestId: null }
  // withResponse(): the answer and the request id it came with.
  const r = await result.withResponse()
  if (!entry.list) return { value: r.data, requestId: r.requestId }
  return { value: { data: r.data.data, next_page_token: r.data.nextPageToken ?? null }, requestId: r.requestId }
}

/** The error as scenarios describe it (conformance/README.md), `param` in the spec's snake_case. */
function errorValue(e) {
  const kind =
    e instanceof APITimeoutError
      ? 'timeout'
      : e instanceof APIConnectionError
        ? 'connection'
        : e instanceof InvalidArgumentError
          ? e.type === 'invalid_config'
            ? 'config'
            : 'invalid_argument'
          : e instanceof APIStatusError
            ? 'api'
            : e instanceof APIResponseValidationError
              ? 'decode'
              : e instanceof WebhookVerificationError
                ? 'webhook'
                : 'other'
  return {
    kind,
    status: e.status ?? null,
    type: e.type ?? null,
    message: e.message,
    param: e.param == null ? null : snake(e.param),
    request_id: e.requestId ?? null,
  }
}

function substitute(value, saved) {
  if (typeof value === 'string') {
    const m = value.match(/^\$\{([\w+]+)\}$/)
    if (!m) return value
    if (m[1].startsWith('now+')) return new Date(Date.now() + 1000 * parseInt(m[1].slice(4), 10)).toISOString()
    assert.ok(m[1] in saved, `no saved value ${m[1]}`)
    return saved[m[1]]
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, saved))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, saved)]))
  return value
}

function subset(expected, actual, at) {
  if (expected && typeof expected === 'object' && !Array.isArray(expected) && actual && typeof actual === 'object') {
    for (const [k, v] of Object.entries(expected)) subset(v, actual[k] ?? null, `${at}.${k}`)
    return
  }
  assert.deepEqual(actual, expected, `${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`)
}

const count = (v) => (Array.isArray(v) ? v.length : v?.data?.length)

for (const file of files) {
  const scenario = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))
  test(`conformance: ${scenario.name}`, async () => {
    const created = await server.admin.organizations.create({ name: `conformance ${scenario.name} (node)` })
    const conf = scenario.client ?? {}
    const client = new Client({
      baseUrl: proxyUrl,
      apiKey: conf.api_key ?? created.apiKey,
      ...(conf.max_retries !== undefined && { maxRetries: conf.max_retries }),
      ...(conf.timeout_ms !== undefined && { timeout: conf.timeout_ms }),
    })
    const saved = {}
    for (const [i, step] of scenario.steps.entries()) {
      const at = `step ${i} (${step.call})`
      if (step.sleep_ms_before) await new Promise((r) => setTimeout(r, step.sleep_ms_before))
      const opts = step.options ?? {}
      const options = {
        ...(opts.idempotency_key !== undefined && { idempotencyKey: opts.idempotency_key }),
        ...(opts.timeout_ms !== undefined && { timeout: opts.timeout_ms }),
        ...(opts.max_retries !== undefined && { maxRetries: opts.max_retries }),
        ...(opts.headers !== undefined && { headers: opts.headers }),
      }
      await control('PUT', '/__faults', { faults: step.faults ?? [] })
      const started = performance.now()
      let result
      let requestId
      let error
      try {
        const answer = await dispatch(client, step.call, substitute(step.args ?? {}, saved), options)
        result = rename(JSON.parse(JSON.stringify(answer.value)), snake)
        requestId = answer.requestId
      } catch (e) {
        if (!(e instanceof InvitesError)) throw e
        error = e
      }
      const elapsed = performance.now() - started
      const log = (await control('GET', '/__faults/log')).requests
      const expect = substitute(step.expect ?? {}, saved)
      if (expect.error) {
        assert.ok(error, `${at}: expected an error, got ${JSON.stringify(result)}`)
        const { class: cls, ...want } = expect.error
        if (want.request_id === 'last') want.request_id = log.at(-1)?.request_id ?? null
        if (cls !== undefined) {
          // `class`: an instance of it or of a subclass (InvalidArgumentError is a BadRequestError).
          assert.ok(typeof sdk[cls] === 'function', `${at}: no error class ${cls}`)
          assert.ok(error instanceof sdk[cls], `${at}: expected a ${cls}, got ${error.name}: ${error.message}`)
        }
        subset(want, errorValue(error), at)
      } else {
        assert.equal(error, undefined, `${at}: unexpected error ${error && JSON.stringify(errorValue(error))}`)
        if (expect.request_id === 'last') {
          const last = log.at(-1)?.request_id
          assert.ok(last && requestId === last, `${at}: the answer's request id ${requestId} is not the proxy's ${last}`)
        }
        if (expect.ok) subset(expect.ok, result, at)
        if (expect.count !== undefined) assert.equal(count(result), expect.count, `${at}: item count`)
        for (const f of expect.absent ?? []) assert.ok(result[f] == null, `${at}: ${f} must not be in the result`)
        for (const [name, field] of Object.entries(step.save ?? {})) {
          assert.ok(field in result, `${at}: no ${field} to save`)
          saved[name] = result[field]
        }
      }
      if (step.min_elapsed_ms !== undefined) assert.ok(elapsed >= step.min_elapsed_ms, `${at}: returned after ${elapsed} ms`)
      for (const [name, want] of Object.entries(step.sent_headers ?? {})) {
        const got = log.at(-1)?.headers?.[name]
        assert.equal(got, want, `${at}: the last request carried ${name}: ${got}, not ${want}`)
      }
      for (const [key, n] of Object.entries(step.requests ?? {})) {
        const seen = log.filter((r) => `${r.method} ${r.path}` === key).length
        assert.equal(seen, n, `${at}: expected ${n} request(s) ${key}, the proxy saw ${seen}`)
      }
    }
  })
}

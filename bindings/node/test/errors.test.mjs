// Every error class, each from a real server answer (or a real refused / silent socket).
import assert from 'node:assert/strict'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'

import * as sdk from '../index.mjs'
import { email, startServer } from './helpers.mjs'

const {
  APIConnectionError,
  APIResponseValidationError,
  APIStatusError,
  APITimeoutError,
  AuthenticationError,
  BadRequestError,
  Client,
  ConflictError,
  GoneError,
  InternalServerError,
  InvalidArgumentError,
  InvitesError,
  NotFoundError,
  PayloadTooLargeError,
  PermissionDeniedError,
  RateLimitError,
} = sdk

// A small body limit so a valid 1,000-address batch is over it; few failures before 429.
const BODY_LIMIT = 64 * 1024
const FAILURES = 5

let server
let org
before(async () => {
  server = await startServer([
    '--max-body-bytes',
    String(BODY_LIMIT),
    '--rate-limit-failures',
    String(FAILURES),
  ])
  org = await server.org({ maxRetries: 0 })
})
after(() => server?.stop())

/** Await `promise`, expect it to reject with exactly `cls`, and check the common fields. */
async function expectError(promise, cls, fields = {}) {
  let err
  try {
    await promise
  } catch (e) {
    err = e
  }
  assert.ok(err, `expected ${cls.name}, but the call succeeded`)
  assert.equal(err.constructor, cls, `expected ${cls.name}, got ${err.name}: ${err.message}`)
  assert.equal(err.name, cls.name)
  assert.ok(err instanceof InvitesError && err instanceof Error)
  for (const [k, v] of Object.entries(fields)) {
    assert.deepEqual(err[k], v, `${cls.name}.${k}`)
  }
  assert.equal(typeof err.message, 'string')
  assert.ok(err.message.length > 0)
  if (err instanceof APIStatusError && !(err instanceof InvalidArgumentError)) {
    assert.match(err.requestId, /^req_/, 'a server answer carries its request id')
  }
  assert.equal(typeof err.type, 'string', 'every error has a type')
  // The stack names the test that awaited the call, not only the SDK's internals.
  assert.ok(err.stack.startsWith(`${cls.name}: `), err.stack)
  assert.ok(err.stack.includes(path.basename(import.meta.url)), `stack lacks the caller:\n${err.stack}`)
  return err
}

describe('API status errors, one per class', () => {
  test('400 BadRequestError: a role the organization does not have', async () => {
    const err = await expectError(
      org.client.invites.create({ emails: [email()], roles: ['astronaut'] }),
      BadRequestError,
      { status: 400, type: 'invalid_request' },
    )
    assert.ok(err instanceof APIStatusError)
    assert.match(err.param, /^roles/)
  })

  test('400 BadRequestError: `owner` is never invitable', async () => {
    await expectError(org.client.invites.create({ roles: ['owner'] }), BadRequestError, {
      status: 400,
      type: 'invalid_request',
    })
  })

  test('401 AuthenticationError: an unknown API key', async () => {
    const client = new Client({ baseUrl: server.baseUrl, apiKey: 'ik_not_a_key', maxRetries: 0 })
    await expectError(client.organizations.get(), AuthenticationError, {
      status: 401,
      type: 'unauthorized',
    })
  })

  test('401 AuthenticationError: an organization key cannot create organizations', async () => {
    await expectError(org.client.organizations.create({ name: 'nope' }), AuthenticationError, {
      status: 401,
    })
  })

  test('403 PermissionDeniedError: invite_disabled and email_not_allowed', async () => {
    const who = email()
    const invite = await org.client.invites.create({ emails: [who], roles: ['user'], enabled: false })
    await expectError(org.client.invites.accept({ code: invite.code, email: who }), PermissionDeniedError, {
      status: 403,
      type: 'invite_disabled',
    })
    const domain = await org.client.invites.create({ emails: ['*@corp.example.com'], roles: ['user'] })
    await expectError(
      org.client.invites.accept({ code: domain.code, email: 'eve@corp.example.com.evil.org' }),
      PermissionDeniedError,
      { status: 403, type: 'email_not_allowed' },
    )
  })

  test('404 NotFoundError: unknown invite, member, and another organization\'s invite', async () => {
    await expectError(org.client.invites.get('inv_000000000000000000000000'), NotFoundError, {
      status: 404,
      type: 'not_found',
    })
    await expectError(org.client.members.remove('mem_000000000000000000000000'), NotFoundError, {
      status: 404,
    })
    const other = await server.org()
    const theirs = await other.client.invites.create({ emails: [email()], roles: ['user'] })
    await expectError(org.client.invites.get(theirs.id), NotFoundError, { status: 404 })
  })

  test('409 ConflictError: conflict, already_member, invite_exhausted', async () => {
    const who = email()
    const first = await org.client.invites.create({ emails: [who], roles: ['user'] })
    const dup = await expectError(org.client.invites.create({ emails: [who], roles: ['user'] }), ConflictError, {
      status: 409,
      type: 'conflict',
    })
    assert.ok(dup.message.includes(first.id), `the conflict names the pending invite: ${dup.message}`)

    await org.client.invites.accept({ code: first.code, email: who })
    const open = await org.client.invites.create({ emails: ['*@example.com'], roles: ['user'] })
    await expectError(org.client.invites.accept({ code: open.code, email: who }), ConflictError, {
      type: 'already_member',
    })

    const once = await org.client.invites.create({ roles: ['user'], singleUse: true })
    await org.client.invites.accept({ code: once.code, email: email() })
    await expectError(org.client.invites.accept({ code: once.code, email: email() }), ConflictError, {
      type: 'invite_exhausted',
    })
  })

  test('410 GoneError: a revoked invite', async () => {
    const who = email()
    const invite = await org.client.invites.create({ emails: [who], roles: ['user'] })
    await org.client.invites.revoke(invite.id)
    await expectError(org.client.invites.accept({ code: invite.code, email: who }), GoneError, {
      status: 410,
      type: 'invite_revoked',
    })
  })

  test('413 PayloadTooLargeError: a valid batch over the server\'s body limit', async () => {
    const emails = Array.from({ length: 1000 }, (_, i) => `person-${i}-${'x'.repeat(60)}@example.com`)
    assert.ok(JSON.stringify({ emails }).length > BODY_LIMIT)
    await expectError(org.client.invites.createBatch({ emails, roles: ['user'] }), PayloadTooLargeError, {
      status: 413,
      type: 'payload_too_large',
    })
  })

  test('429 RateLimitError: repeated failed lookups, with Retry-After', async () => {
    const victim = await server.org({ maxRetries: 0 })
    let err
    for (let i = 0; i <= FAILURES + 1 && !err; i++) {
      try {
        await victim.client.invites.lookup(`ic_unknown_${i}`)
      } catch (e) {
        if (e instanceof RateLimitError) err = e
        else assert.ok(e instanceof NotFoundError, `${e.name}: ${e.message}`)
      }
    }
    assert.ok(err, `no 429 after ${FAILURES + 1} failed lookups`)
    await expectError(Promise.reject(err), RateLimitError, { status: 429, type: 'rate_limited' })
    assert.equal(typeof err.retryAfter, 'number')
    assert.ok(err.retryAfter > 0 && err.retryAfter <= 60, `retryAfter ${err.retryAfter}`)
  })

  test('5xx InternalServerError: the server\'s database is destroyed under it', async () => {
    // A server of its own: truncating its SQLite files makes every query fail.
    const broken = await startServer()
    try {
      const o = await broken.org({ maxRetries: 0 })
      for (const f of ['t.db', 't.db-wal']) {
        const p = path.join(broken.dir, f)
        if (fs.existsSync(p)) fs.truncateSync(p, 0)
      }
      // a read that reaches the database (organizations and API keys are cached once read)
      const err = await expectError(o.client.invites.get('inv_000000000000000000000000'), InternalServerError, {
        status: 500,
        type: 'internal',
      })
      assert.ok(!/sqlite|database|sql/i.test(err.message), `details stay in the server log: ${err.message}`)
    } finally {
      await broken.stop()
    }
  })
})

describe('errors without an answer', () => {
  test('APIConnectionError: nothing listens on the port', async () => {
    const port = await new Promise((resolve) => {
      const s = net.createServer()
      s.listen(0, '127.0.0.1', () => {
        const { port } = s.address()
        s.close(() => resolve(port))
      })
    })
    const client = new Client({ baseUrl: `http://127.0.0.1:${port}`, apiKey: 'ik_x', maxRetries: 1 })
    const err = await expectError(client.invites.get('inv_1'), APIConnectionError, {
      status: null,
      type: 'connection_error',
      param: null,
      requestId: null,
    })
    assert.ok(!(err instanceof APIStatusError))
    assert.match(err.message, /connect|refused/i)
  })

  test('APITimeoutError: a server that accepts and never answers', async () => {
    const sockets = new Set()
    const silent = net.createServer((s) => {
      sockets.add(s)
      s.on('error', () => {})
    })
    await new Promise((r) => silent.listen(0, '127.0.0.1', r))
    try {
      const client = new Client({
        baseUrl: `http://127.0.0.1:${silent.address().port}`,
        apiKey: 'ik_x',
        timeout: 5_000,
        maxRetries: 0,
      })
      const started = Date.now()
      const err = await expectError(client.invites.get('inv_1', { timeout: 200 }), APITimeoutError, {
        status: null,
        type: 'timeout',
        requestId: null,
      })
      const took = Date.now() - started
      assert.ok(err instanceof APIConnectionError, 'a timeout is a connection error')
      assert.ok(took >= 190 && took < 4_000, `the per-call timeout applied (${took} ms)`)
    } finally {
      for (const s of sockets) s.destroy()
      silent.close()
    }
  })
})

describe('InvalidArgumentError: refused before sending', () => {
  test('a body that breaks the spec names the top-level field in camelCase', async () => {
    const e1 = await expectError(org.client.invites.create({ roles: ['Not A Role'] }), InvalidArgumentError, {
      param: 'roles',
      status: null,
      type: 'invalid_argument',
      requestId: null,
    })
    assert.ok(e1 instanceof BadRequestError, 'an argument the SDK refuses is a bad request too')
    assert.match(e1.message, /roles\[0\]/, 'the message names the element')
    assert.match(e1.message, /pattern/)
    await expectError(org.client.invites.create({ roles: ['user'], maxUses: 0 }), InvalidArgumentError, {
      param: 'maxUses',
    })
    await expectError(
      org.client.invites.create({ roles: ['user'], name: 'x'.repeat(201) }),
      InvalidArgumentError,
      { param: 'name' },
    )
    await expectError(
      org.client.invites.create({ roles: ['user'], metadata: { some_key: 'x'.repeat(501) } }),
      InvalidArgumentError,
      { param: 'metadata' },
    )
    const e3 = await expectError(org.client.invites.create({ roles: ['user'], maxUse: 2 }), InvalidArgumentError)
    assert.match(e3.message, /`maxUse`/)
    assert.match(e3.message, /`maxUses`/, 'the message lists the camelCase fields')
    await expectError(org.client.invites.create({ roles: ['user'], max_uses: 2 }), InvalidArgumentError, {
      param: 'max_uses',
    })
    await expectError(org.client.invites.update('inv_1', null), InvalidArgumentError, { param: 'body' })
  })

  test('list parameters, ids and options are checked', async () => {
    await expectError(org.client.invites.list({ limit: 0 }), InvalidArgumentError, { param: 'limit' })
    await expectError(org.client.invites.list({ status: 'sleeping' }), InvalidArgumentError, {
      param: 'status',
    })
    await expectError(org.client.members.list({ pageSize: 3 }), InvalidArgumentError, { param: 'pageSize' })
    await expectError(org.client.invites.get(42), InvalidArgumentError, { param: 'inviteId' })
    await expectError(org.client.invites.lookup(''), InvalidArgumentError, { param: 'code' })
    await expectError(org.client.invites.get('inv_1', { timeout: -1 }), InvalidArgumentError, {
      param: 'options.timeout',
    })
    await expectError(org.client.invites.get('inv_1', { retries: 1 }), InvalidArgumentError, {
      param: 'options.retries',
    })
    // Lists never throw from the call: a bad argument rejects the awaited page and the loop.
    const bad = org.client.invites.list('status=pending')
    await expectError(bad, InvalidArgumentError, { param: 'params' })
    await expectError(
      (async () => {
        for await (const _ of org.client.invites.redemptions(7)) void _
      })(),
      InvalidArgumentError,
      { param: 'inviteId' },
    )
    await expectError(org.client.members.list({}, { timeout: 'soon' }), InvalidArgumentError, {
      param: 'options.timeout',
    })
    // JSON has no NaN: refused, never sent as `null` (which would mean "not given").
    await expectError(org.client.invites.get('inv_1', { timeout: NaN }), InvalidArgumentError, {
      param: 'options.timeout',
    })
    await expectError(org.client.invites.create({ roles: ['user'], maxUses: NaN }), InvalidArgumentError, {
      param: 'maxUses',
    })
    await expectError(org.client.invites.create({ roles: ['user', Infinity] }), InvalidArgumentError, {
      param: 'roles',
    })
    await expectError(org.client.invites.create({ roles: ['user'] }, { idempotencyKey: '' }), InvalidArgumentError, {
      param: 'options.idempotencyKey',
    })
    await expectError(org.client.invites.get('inv_1', { maxRetries: 101 }), InvalidArgumentError, {
      param: 'options.maxRetries',
    })
    // A list iterated with bad params fails on the first step.
    await expectError(
      (async () => {
        for await (const _ of org.client.invites.list({ limit: 1000 })) void _
      })(),
      InvalidArgumentError,
      { param: 'limit' },
    )
  })

  test('client configuration', () => {
    const saved = { url: process.env.INVITES_BASE_URL, key: process.env.INVITES_API_KEY }
    delete process.env.INVITES_BASE_URL
    delete process.env.INVITES_API_KEY
    try {
      assert.throws(() => new Client({ apiKey: 'k' }), { name: 'InvalidArgumentError', param: 'baseUrl' })
      assert.throws(() => new Client({ baseUrl: 'http://127.0.0.1:1' }), {
        name: 'InvalidArgumentError',
        param: 'apiKey',
      })
      assert.throws(() => new Client({ baseUrl: 'ftp://example.com', apiKey: 'k' }), { param: 'baseUrl' })
      assert.throws(() => new Client({ baseURL: 'http://127.0.0.1:1', apiKey: 'k' }), { param: 'baseURL' })
      assert.throws(() => new Client({ baseUrl: 'http://127.0.0.1:1', apiKey: 'k', timeout: 0 }), {
        param: 'timeout',
      })
      assert.throws(() => new Client({ baseUrl: 'http://127.0.0.1:1', apiKey: 'k', timeout: Infinity }), {
        param: 'timeout',
      })
      assert.throws(() => new Client({ baseUrl: 'http://127.0.0.1:1', apiKey: 'k', maxRetries: -1 }), {
        name: 'InvalidArgumentError',
        param: 'maxRetries',
      })
      assert.throws(() => new Client(null), { name: 'InvalidArgumentError', param: 'options' })
      const e = (() => {
        try {
          new Client({ apiKey: 'k' })
        } catch (err) {
          return err
        }
      })()
      assert.ok(e instanceof InvalidArgumentError && e instanceof InvitesError)
      assert.ok(e.stack.includes(path.basename(import.meta.url)), e.stack)
    } finally {
      if (saved.url !== undefined) process.env.INVITES_BASE_URL = saved.url
      if (saved.key !== undefined) process.env.INVITES_API_KEY = saved.key
    }
  })
})

test('the same bad value is a BadRequestError with the same param, whoever refuses it', async () => {
  // `*@` breaks the spec's pattern: the SDK refuses it; `not-an-email` passes the pattern and
  // the server refuses it.
  const bySdk = await expectError(
    org.client.invites.create({ emails: ['*@'], roles: ['user'] }),
    InvalidArgumentError,
    { param: 'emails', type: 'invalid_argument', status: null },
  )
  const byServer = await expectError(
    org.client.invites.create({ emails: ['not-an-email'], roles: ['user'] }),
    BadRequestError,
    { param: 'emails', type: 'invalid_request', status: 400 },
  )
  for (const e of [bySdk, byServer]) assert.ok(e instanceof BadRequestError && e instanceof APIStatusError)
})

test('APIResponseValidationError: a success answer that is not JSON', async () => {
  const http = await import('node:http')
  const liar = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_liar' })
    res.end('this is not json')
  })
  await new Promise((r) => liar.listen(0, '127.0.0.1', r))
  try {
    const client = new Client({ baseUrl: `http://127.0.0.1:${liar.address().port}`, apiKey: 'ik_x', maxRetries: 0 })
    const err = await expectError(client.invites.get('inv_1'), APIResponseValidationError, {
      status: 200,
      type: 'decode_error',
      param: null,
    })
    assert.ok(!(err instanceof APIStatusError))
  } finally {
    liar.close()
  }
})

test('the hierarchy matches the documented one', () => {
  for (const cls of [
    BadRequestError,
    AuthenticationError,
    PermissionDeniedError,
    NotFoundError,
    ConflictError,
    GoneError,
    PayloadTooLargeError,
    RateLimitError,
    InternalServerError,
  ]) {
    assert.ok(cls.prototype instanceof APIStatusError, cls.name)
  }
  assert.ok(APIStatusError.prototype instanceof InvitesError)
  assert.ok(APITimeoutError.prototype instanceof APIConnectionError)
  assert.ok(APIConnectionError.prototype instanceof InvitesError)
  assert.ok(InvalidArgumentError.prototype instanceof BadRequestError)
  assert.ok(APIResponseValidationError.prototype instanceof InvitesError)
  assert.ok(InvitesError.prototype instanceof Error)
})

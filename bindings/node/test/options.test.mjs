// The options every call and client has (issue 22), translated from the Rust SDK: withResponse()
// with status and request id, per-call and per-client headers, a proxy, CA roots, INVITES_LOG
// logging without secrets, and secrets shortened in util.inspect. Against a real server.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { inspect } from 'node:util'
import { after, before, test } from 'node:test'

import { BadRequestError, Client, InvalidArgumentError, NotFoundError, RateLimitError } from '../index.mjs'
import { startProxy, startServer } from './helpers.mjs'

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const UNKNOWN = 'ic_0000000000000000000000000000000000000000'
let server // failed lookups limited to 2 per end user, for the header test
let plain // default limits, for the demo
before(async () => {
  server = await startServer(['--rate-limit-failures', '2'])
  plain = await startServer()
})
after(async () => {
  await server?.stop()
  await plain?.stop()
})

test('withResponse() gives the status and request id of a success', async () => {
  const { client } = await server.org()
  const created = await client.invites.create({ roles: ['developer'], ttlSeconds: 60 }).withResponse()
  assert.equal(created.status, 201)
  assert.match(created.requestId, /^req_/)
  assert.match(created.data.id, /^inv_/)
  // Plain await still gives the answer alone.
  const invite = await client.invites.get(created.data.id)
  assert.equal(invite.id, created.data.id)
  const page = await client.invites.list().withResponse()
  assert.equal(page.status, 200)
  assert.match(page.requestId, /^req_/)
  assert.notEqual(page.requestId, created.requestId)
  assert.equal(page.data.data.length, 1)
  // A refused call rejects withResponse() too.
  await assert.rejects(client.invites.get('inv_missing').withResponse(), NotFoundError)
})

test('headers name the end user, per call and per client', async () => {
  const { apiKey } = await server.org()
  const client = new Client({ baseUrl: server.baseUrl, apiKey, maxRetries: 0 })
  const asUser = { headers: { 'Invites-Forwarded-For': 'u-1' } }
  for (let i = 0; i < 2; i++) await assert.rejects(client.invites.lookup(UNKNOWN, asUser), NotFoundError)
  await assert.rejects(client.invites.lookup(UNKNOWN, asUser), RateLimitError)
  const other = new Client({ baseUrl: server.baseUrl, apiKey, maxRetries: 0, headers: { 'Invites-Forwarded-For': 'u-2' } })
  await assert.rejects(other.invites.lookup(UNKNOWN), NotFoundError)
  const bad = await client.organizations.get({ headers: { 'bad header': 'x' } }).then(
    () => null,
    (e) => e,
  )
  assert.ok(bad instanceof InvalidArgumentError && bad instanceof BadRequestError, String(bad))
  assert.equal(bad.param, 'headers')
})

test('a proxy and CA roots', async () => {
  const { apiKey, organization } = await server.org()
  const proxy = await startProxy(server.baseUrl)
  try {
    // The base URL is a closed port: only the proxy can answer.
    const client = new Client({ baseUrl: 'http://127.0.0.1:9', apiKey, proxy: proxy.url, maxRetries: 0 })
    assert.equal((await client.organizations.get()).id, organization.id)
  } finally {
    proxy.child.kill()
  }
  const ok = new Client({ baseUrl: server.baseUrl, apiKey, caBundle: '/etc/ssl/certs/ca-certificates.crt' })
  await ok.organizations.get()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'invites-ca-'))
  fs.writeFileSync(path.join(dir, 'bad.pem'), 'not a certificate')
  assert.throws(() => new Client({ baseUrl: server.baseUrl, apiKey, caBundle: path.join(dir, 'bad.pem') }), /PEM/)
  assert.throws(
    () => new Client({ baseUrl: server.baseUrl, apiKey, caBundle: path.join(dir, 'missing.pem') }),
    (e) => e instanceof InvalidArgumentError && e.param === 'caBundle',
  )
  fs.rmSync(dir, { recursive: true, force: true })
})

test('INVITES_LOG=info prints one line per attempt and no secret', async () => {
  const org = await plain.org()
  const env = { ...process.env, INVITES_BASE_URL: plain.baseUrl, INVITES_API_KEY: org.apiKey }
  const run = (extra) =>
    spawnSync(process.execPath, ['examples/demo.mjs'], { cwd: pkgDir, env: { ...env, ...extra }, encoding: 'utf8' })
  const loud = run({ INVITES_LOG: 'info' })
  assert.equal(loud.status, 0, loud.stderr)
  const lines = loud.stderr.split('\n').filter((l) => l.startsWith('invites-sdk: '))
  assert.ok(
    lines.some((l) => l.startsWith('invites-sdk: POST /v1/invites 201 ') && l.includes('request_id=req_')),
    loud.stderr,
  )
  assert.ok(!loud.stderr.includes(org.apiKey), 'the API key was logged')
  assert.ok(!loud.stderr.includes('ic_'), 'a code was logged')
  delete env.INVITES_LOG
  const quiet = run({})
  assert.equal(quiet.status, 0, quiet.stderr)
  assert.ok(!quiet.stderr.includes('invites-sdk: '), quiet.stderr)
})

test('util.inspect shortens every secret; JSON keeps it', async () => {
  const { client } = await server.org()
  const key = await client.apiKeys.create({ name: 'inspect check' })
  assert.match(key.secret, /^ik_/)
  assert.ok(!inspect(key).includes(key.secret), inspect(key))
  assert.match(inspect(key), /secret: 'ik_…'/)
  assert.equal(JSON.parse(JSON.stringify(key)).secret, key.secret)
  const invite = await client.invites.create({ roles: ['developer'], ttlSeconds: 60 })
  assert.ok(!inspect(invite).includes(invite.code), inspect(invite))
  assert.ok(!inspect({ nested: [invite] }, { depth: 5 }).includes(invite.code))
  await client.apiKeys.revoke(key.id)
})

// Webhooks through the Node face against a real server: endpoints (create, list, get, update,
// rotateSecret, delete), their delivery attempts, and every real delivery verified twice by a
// local receiver, with the Standard Webhooks reference library (npm `standardwebhooks`, a pinned
// devDependency) and with `client.webhooks.unwrap`. A delivery either refuses is a failure.
// Fixed vectors for verify/unwrap are the conformance scenario webhooks_unwrap_fixed_vectors.
import assert from 'node:assert/strict'
import http from 'node:http'
import { after, before, beforeEach, test } from 'node:test'

import swh from 'standardwebhooks'

import {
  InvalidArgumentError,
  NotFoundError,
  WebhookTimestampError,
  WebhookVerificationError,
} from '../index.mjs'
import { email, startServer } from './helpers.mjs'

const { Webhook } = swh

let server
let receiver

/**
 * A local endpoint verifying each delivery with both verifiers under `secrets` (any one passing
 * is enough for each); it answers 200 when both pass, 400 otherwise, and 500 to the first
 * `failFirst` requests so the server retries.
 */
function startReceiver() {
  const r = { secrets: [], failFirst: 0, deliveries: [], client: null, waiters: [] }
  r.http = http.createServer((req, res) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const d = { headers: req.headers, body, library: null, event: null, errors: [] }
      for (const secret of r.secrets) {
        try {
          d.library = new Webhook(secret).verify(body.toString('utf8'), req.headers)
          break
        } catch (e) {
          d.errors.push(`standardwebhooks: ${e.message}`)
        }
      }
      for (const secret of r.secrets) {
        try {
          d.event = r.client.webhooks.unwrap(body, req.headers, secret)
          break
        } catch (e) {
          if (!(e instanceof WebhookVerificationError)) throw e
          d.errors.push(`unwrap: ${e.message}`)
        }
      }
      r.deliveries.push(d)
      const failing = r.failFirst > 0
      if (failing) r.failFirst -= 1
      res.writeHead(failing ? 500 : d.library && d.event ? 200 : 400).end()
    })
  })
  r.wait = async (n, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs
    while (r.deliveries.length < n) {
      assert.ok(Date.now() < deadline, `${r.deliveries.length} deliveries within ${timeoutMs} ms, expected ${n}`)
      await new Promise((res) => setTimeout(res, 50))
    }
    return r.deliveries.slice()
  }
  return new Promise((resolve) => r.http.listen(0, '127.0.0.1', () => {
    r.url = `http://127.0.0.1:${r.http.address().port}/hooks`
    resolve(r)
  }))
}

/** Both verifiers read the same event from the same bytes; returns the SDK's event. */
function verified(d) {
  assert.deepEqual(d.errors, [])
  assert.ok(d.library && d.event)
  assert.equal(d.library.id, d.event.id)
  assert.equal(d.event.id, d.headers['webhook-id'])
  assert.equal(d.library.type, d.event.type)
  return d.event
}

async function attempts(client, endpointId, want) {
  const deadline = Date.now() + 30_000
  for (;;) {
    const rows = []
    for await (const row of client.webhooks.deliveries(endpointId)) rows.push(row)
    if (want(rows) || Date.now() > deadline) return rows
    await new Promise((res) => setTimeout(res, 100))
  }
}

before(async () => {
  server = await startServer(['--webhook-allow-insecure', '--webhook-retry-schedule', '1s,1s'])
})
after(async () => {
  await server?.stop()
})
beforeEach(async () => {
  receiver?.http.close()
  receiver = await startReceiver()
})
after(() => receiver?.http.close())

test('endpoints through the SDK, and every real delivery verifies with standardwebhooks and unwrap', async () => {
  const { client } = await server.org()
  receiver.client = client
  const created = await client.webhooks.create({
    url: receiver.url,
    eventTypes: ['invite.created', 'invite.revoked'],
    description: 'node receiver',
  })
  receiver.secrets = [created.secret]
  assert.match(created.id, /^we_/)
  assert.match(created.secret, /^whsec_/)
  assert.equal(created.enabled, true)
  assert.deepEqual(created.eventTypes, ['invite.created', 'invite.revoked'])

  const listed = []
  for await (const e of client.webhooks.list()) listed.push(e)
  assert.deepEqual(listed.map((e) => e.id), [created.id])
  assert.equal(listed[0].secret, undefined)
  const got = await client.webhooks.get(created.id)
  assert.equal(got.url, receiver.url)
  assert.equal(got.description, 'node receiver')

  assert.equal((await client.webhooks.update(created.id, { enabled: false })).enabled, false)
  const on = await client.webhooks.update(created.id, { enabled: true, description: 'verifying receiver' })
  assert.equal(on.enabled, true)
  assert.equal(on.description, 'verifying receiver')

  // Two events of the asked-for types and one of another (not sent).
  const invite = await client.invites.create({ emails: [email()], roles: ['developer'] })
  await client.invites.update(invite.id, { name: 'not delivered: invite.updated' })
  await client.invites.revoke(invite.id)
  const [first, second] = await receiver.wait(2)
  const createdEvent = verified(first)
  const revokedEvent = verified(second)
  assert.equal(createdEvent.type, 'invite.created')
  assert.equal(revokedEvent.type, 'invite.revoked')
  assert.equal(createdEvent.data.invite.id, invite.id)
  assert.equal(createdEvent.actor.type, 'api_key')
  assert.ok(!('code' in createdEvent.data.invite))
  assert.ok(typeof createdEvent.createdAt === 'string')
  // The same event listEvents shows (camelCase like every model).
  const events = new Map()
  for await (const e of client.events.list()) events.set(e.id, e)
  assert.deepEqual(createdEvent, JSON.parse(JSON.stringify(events.get(createdEvent.id))))
  await new Promise((res) => setTimeout(res, 500))
  assert.equal(receiver.deliveries.length, 2, 'invite.updated was delivered though not asked for')

  const rows = await attempts(client, created.id, (r) => r.length >= 2)
  assert.deepEqual(rows.map((r) => r.eventId).sort(), [createdEvent.id, revokedEvent.id].sort())
  for (const r of rows) {
    assert.equal(r.statusCode, 200)
    assert.equal(r.attempt, 1)
    assert.equal(r.endpointId, created.id)
    assert.ok(r.error == null)
  }
  const page = await client.webhooks.deliveries(created.id, { limit: 1 })
  assert.equal(page.data.length, 1)
  assert.ok(page.hasNextPage())

  // A wrong secret is refused by both verifiers.
  const other = await client.webhooks.create({ url: `${receiver.url}/other`, eventTypes: ['member.removed'] })
  assert.throws(() => client.webhooks.unwrap(first.body, first.headers, other.secret), (e) => {
    assert.ok(e instanceof WebhookVerificationError)
    assert.equal(e.type, 'webhook_invalid_signature')
    return true
  })
  assert.throws(() => new Webhook(other.secret).verify(first.body.toString('utf8'), first.headers))
  await client.webhooks.delete(other.id)

  // Rotation: the next delivery carries two signatures; each verifier accepts either secret.
  const rotated = await client.webhooks.rotateSecret(created.id)
  assert.match(rotated.secret, /^whsec_/)
  assert.notEqual(rotated.secret, created.secret)
  receiver.secrets = [rotated.secret]
  await client.invites.create({ emails: [email()], roles: ['developer'] })
  const third = (await receiver.wait(3))[2]
  verified(third)
  assert.equal(third.headers['webhook-signature'].split(' ').length, 2)
  for (const secret of [created.secret, rotated.secret]) {
    new Webhook(secret).verify(third.body.toString('utf8'), third.headers)
    assert.equal(client.webhooks.unwrap(third.body, third.headers, secret).id, third.event.id)
  }
  assert.equal(client.webhooks.verify(third.body.toString('utf8'), third.headers, rotated.secret), undefined)

  const deleted = await client.webhooks.delete(created.id)
  assert.equal(deleted.id, created.id)
  await assert.rejects(client.webhooks.get(created.id), NotFoundError)
})

test('a failed delivery is retried with the same id, each attempt listed newest first', async () => {
  const { client } = await server.org()
  receiver.client = client
  const endpoint = await client.webhooks.create({ url: receiver.url, eventTypes: ['invite.created'] })
  receiver.secrets = [endpoint.secret]
  receiver.failFirst = 1
  await client.invites.create({ emails: [email()], roles: ['developer'] })
  const [failed, retried] = await receiver.wait(2)
  assert.equal(verified(failed).id, verified(retried).id)
  const rows = await attempts(client, endpoint.id, (r) => r.length >= 2)
  assert.deepEqual(rows.map((r) => [r.attempt, r.statusCode]), [[2, 200], [1, 500]])
})

test('unwrap takes a Buffer or a string, a plain object, a Headers or pairs; typed errors', async () => {
  const { client } = await server.org()
  receiver.client = client
  const endpoint = await client.webhooks.create({ url: receiver.url, eventTypes: ['invite.created'] })
  receiver.secrets = [endpoint.secret]
  await client.invites.create({ emails: [email()], roles: ['developer'] })
  const [d] = await receiver.wait(1)
  const event = verified(d)
  const now = Number(d.headers['webhook-timestamp'])
  const upper = Object.fromEntries(Object.entries(d.headers).map(([k, v]) => [k.toUpperCase(), v]))
  for (const body of [d.body, d.body.toString('utf8'), new Uint8Array(d.body)]) {
    for (const headers of [d.headers, upper, new Headers(d.headers), Object.entries(d.headers), new Map(Object.entries(d.headers))]) {
      assert.deepEqual(client.webhooks.unwrap(body, headers, endpoint.secret, { now }), event)
    }
  }
  assert.throws(() => client.webhooks.verify(d.body, d.headers, endpoint.secret, { now: now + 301 }), (e) => {
    assert.ok(e instanceof WebhookTimestampError && e instanceof WebhookVerificationError)
    assert.equal(e.type, 'webhook_timestamp')
    assert.equal(e.param, 'webhook-timestamp')
    return true
  })
  assert.throws(
    () => client.webhooks.unwrap(d.body, { 'webhook-id': d.headers['webhook-id'] }, endpoint.secret),
    (e) => e instanceof WebhookVerificationError && e.type === 'webhook_missing_header',
  )
  assert.throws(() => client.webhooks.unwrap(d.body, d.headers, 'whsec_%%%'), (e) => e instanceof InvalidArgumentError && e.param === 'secret')
  assert.throws(() => client.webhooks.unwrap(42, d.headers, endpoint.secret), (e) => e instanceof InvalidArgumentError && e.param === 'body')
  assert.throws(() => client.webhooks.unwrap(d.body, d.headers, endpoint.secret, { later: 1 }), (e) => e instanceof InvalidArgumentError && e.param === 'options.later')
})

// `for await` over the Rust SDK's page stream, and page-at-a-time access, across several pages.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { Page, PagePromise } from '../index.mjs'
import { email, startServer } from './helpers.mjs'

let server
let org
const created = []
before(async () => {
  server = await startServer()
  org = await server.org()
  for (let i = 0; i < 7; i++) {
    created.push(await org.client.invites.create({ emails: [email(`page${i}`)], roles: ['user'] }))
  }
})
after(() => server?.stop())

test('for await walks every page (limit 2: 7 invites take 4 pages)', async () => {
  const seen = []
  for await (const invite of org.client.invites.list({ limit: 2 })) {
    assert.match(invite.id, /^inv_/)
    assert.equal(typeof invite.useCount, 'number', 'items are camelCase models')
    seen.push(invite.id)
  }
  // No page holds more than 2, so 7 distinct items mean the stream fetched at least 4 pages.
  assert.equal(new Set(seen).size, 7)
  assert.deepEqual(seen, created.map((i) => i.id).reverse(), 'newest first, each once')
})

test('awaiting list gives the first page alone; getNextPage walks the rest', async () => {
  const pages = []
  let page = await org.client.invites.list({ limit: 3 })
  assert.ok(page instanceof Page)
  pages.push(page)
  while (page.hasNextPage()) {
    page = await page.getNextPage()
    pages.push(page)
  }
  assert.deepEqual(
    pages.map((p) => p.data.length),
    [3, 3, 1],
  )
  assert.equal(pages.at(-1).nextPageToken, null)
  await assert.rejects(page.getNextPage(), { name: 'InvitesError' })
  const ids = pages.flatMap((p) => p.data.map((i) => i.id))
  assert.deepEqual(ids, created.map((i) => i.id).reverse())
})

test('a page token starts the walk from that page', async () => {
  const first = await org.client.invites.list({ limit: 2 })
  const rest = []
  for await (const i of org.client.invites.list({ limit: 2, pageToken: first.nextPageToken })) rest.push(i.id)
  assert.deepEqual(rest, created.map((i) => i.id).reverse().slice(2))
})

test('breaking out of for await stops early; filters apply to every page', async () => {
  let n = 0
  for await (const _ of org.client.invites.list({ limit: 2 })) {
    void _
    if (++n === 3) break
  }
  assert.equal(n, 3)
  const revoked = created.slice(0, 5)
  for (const i of revoked) await org.client.invites.revoke(i.id)
  const ids = []
  for await (const i of org.client.invites.list({ status: 'revoked', limit: 2 })) {
    assert.equal(i.status, 'revoked')
    ids.push(i.id)
  }
  assert.deepEqual(ids.sort(), revoked.map((i) => i.id).sort())
})

test('redemptions and members paginate the same way', async () => {
  const open = await org.client.invites.create({ emails: ['*@pages.example.com'], roles: ['viewer'] })
  const people = []
  for (let i = 0; i < 5; i++) {
    const who = `p${i}@pages.example.com`
    people.push(who)
    await org.client.invites.accept({ code: open.code, email: who })
  }
  const redeemed = []
  for await (const r of org.client.invites.redemptions(open.id, { limit: 2 })) redeemed.push(r.email)
  assert.deepEqual(redeemed.sort(), [...people].sort())
  const firstRedemptions = await org.client.invites.redemptions(open.id, { limit: 2 })
  assert.equal(firstRedemptions.data.length, 2)
  assert.ok(firstRedemptions.hasNextPage())

  const members = []
  for await (const m of org.client.members.list({ limit: 2 })) members.push(m.email)
  assert.deepEqual(members.sort(), [...people].sort())
  const firstMembers = await org.client.members.list({ limit: 2 })
  assert.equal(firstMembers.data.length, 2)
})

test('list returns a lazy PagePromise: then/catch/finally and Promise.all work', async () => {
  const p = org.client.invites.list({ limit: 1 })
  assert.ok(p instanceof PagePromise)
  const [a, b] = await Promise.all([p, org.client.members.list({ limit: 1 })])
  assert.equal(a.data.length, 1)
  assert.ok(b instanceof Page)
  let finished = false
  const c = await org.client.invites.list({ limit: 1 }).finally(() => {
    finished = true
  })
  assert.ok(finished && c.data.length === 1)
  const err = await org.client.invites.list({ limit: 101 }).catch((e) => e)
  assert.equal(err.name, 'InvalidArgumentError')
})

test('events: for await walks the audit log newest first; type filters', async () => {
  const mine = new Set(created.map((i) => i.id))
  const ids = []
  for await (const e of org.client.events.list({ type: 'invite.created', limit: 2 })) {
    assert.match(e.id, /^evt_/)
    assert.equal(e.type, 'invite.created')
    assert.equal(e.actor.type, 'api_key')
    // the event's objects are camelCase, like the models
    assert.equal(typeof e.data.invite.useCount, 'number')
    assert.equal(e.data.invite.code, undefined)
    // other tests of this file create invites in the same organization
    if (mine.has(e.data.invite.id)) ids.push(e.data.invite.id)
  }
  assert.deepEqual(ids, created.map((i) => i.id).reverse(), 'newest first, each once')
  const first = await org.client.events.list({ type: 'api_key.created' })
  assert.equal(first.data.length, 1)
  assert.equal(first.data[0].actor.type, 'admin')
  assert.equal((await org.client.events.list({ type: 'member.removed' })).data.length, 0)
})

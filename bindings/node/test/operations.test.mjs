// Every operation of the spec through the Node face, against a real invites-server.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { Client, Page } from '../index.mjs'
import { email, startServer } from './helpers.mjs'

let server
let org
before(async () => {
  server = await startServer()
  org = await server.org()
})
after(() => server?.stop())

describe('organizations', () => {
  test('create (admin token) gives the organization and its first API key', async () => {
    const created = await server.admin.organizations.create(
      { name: 'Custom roles', roles: ['admin', 'support'] },
      { idempotencyKey: 'org-custom-roles' },
    )
    assert.match(created.apiKey, /^ik_/)
    assert.match(created.organization.id, /^org_/)
    assert.equal(created.organization.name, 'Custom roles')
    assert.deepEqual(created.organization.roles, ['admin', 'support'])
    assert.ok(!Number.isNaN(Date.parse(created.organization.createdAt)))
    // The same idempotency key and body: the first answer again, no second organization.
    const again = await server.admin.organizations.create(
      { name: 'Custom roles', roles: ['admin', 'support'] },
      { idempotencyKey: 'org-custom-roles' },
    )
    assert.equal(again.organization.id, created.organization.id)
  })

  test('get is the caller\'s organization, with the default roles', async () => {
    const got = await org.client.organizations.get()
    assert.equal(got.id, org.organization.id)
    assert.deepEqual(got.roles, ['owner', 'admin', 'developer', 'billing', 'user', 'viewer'])
  })
})

describe('invites', () => {
  test('create returns camelCase fields, the code and the url; get hides the code', async () => {
    const ada = email('ada')
    const expiresAt = new Date(Date.now() + 3 * 86_400_000)
    const invite = await org.client.invites.create({
      name: 'Q3 contractors',
      description: 'for the audit',
      message: 'Welcome aboard!',
      emails: [ada],
      roles: ['developer'],
      teams: ['platform'],
      expiresAt,
      metadata: { source: 'node test', snake_key: 'kept as is' },
    })
    assert.match(invite.id, /^inv_/)
    assert.equal(invite.organizationId, org.organization.id)
    assert.match(invite.code, /^ic_/)
    assert.ok(invite.url.endsWith(invite.code))
    assert.equal(invite.status, 'pending')
    assert.equal(invite.useCount, 0)
    assert.equal(invite.maxUses, 1, 'an exact-address invite defaults to one use per address')
    assert.equal(invite.enabled, true)
    assert.deepEqual(invite.teams, ['platform'])
    assert.equal(Date.parse(invite.expiresAt), expiresAt.getTime(), 'a Date goes out as RFC 3339')
    assert.deepEqual(invite.metadata, { source: 'node test', snake_key: 'kept as is' })
    assert.ok(!('organization_id' in invite) && !('use_count' in invite), 'no snake_case keys')

    const got = await org.client.invites.get(invite.id)
    assert.equal(got.id, invite.id)
    assert.equal(got.name, 'Q3 contractors')
    assert.equal(got.code, undefined)
    assert.equal(got.url, undefined)
  })

  test('createBatch makes one single-use invite per address, in order', async () => {
    const emails = [email('b1'), email('b2'), email('b3')]
    const batch = await org.client.invites.createBatch({ emails, roles: ['viewer'], ttlSeconds: 3600 })
    assert.deepEqual(
      batch.data.map((i) => i.emails[0]),
      emails,
    )
    for (const i of batch.data) {
      assert.equal(i.maxUses, 1)
      assert.match(i.code, /^ic_/)
    }
  })

  test('list gives a Page; filters by status and email', async () => {
    const who = email('listed')
    const invite = await org.client.invites.create({ emails: [who], roles: ['user'] })
    const page = await org.client.invites.list({ email: who })
    assert.ok(page instanceof Page)
    assert.deepEqual(
      page.data.map((i) => i.id),
      [invite.id],
    )
    assert.equal(page.nextPageToken, null)
    assert.equal(page.hasNextPage(), false)
    const revoked = await org.client.invites.list({ status: 'revoked', email: who })
    assert.equal(revoked.data.length, 0)
  })

  test('update changes the given fields only; disabling shows as status disabled', async () => {
    const invite = await org.client.invites.create({ emails: [email()], roles: ['user'], name: 'before' })
    const updated = await org.client.invites.update(invite.id, {
      message: 'new message',
      roles: ['developer', 'viewer'],
      maxUses: 3,
      enabled: false,
    })
    assert.equal(updated.name, 'before')
    assert.equal(updated.message, 'new message')
    assert.deepEqual(updated.roles, ['developer', 'viewer'])
    assert.equal(updated.maxUses, 3)
    assert.equal(updated.status, 'disabled')
    const enabled = await org.client.invites.update(invite.id, { enabled: true })
    assert.equal(enabled.status, 'pending')
  })

  test('revoke is final and repeating it is harmless', async () => {
    const invite = await org.client.invites.create({ emails: [email()], roles: ['user'] })
    const revoked = await org.client.invites.revoke(invite.id)
    assert.equal(revoked.status, 'revoked')
    const again = await org.client.invites.revoke(invite.id)
    assert.equal(again.status, 'revoked')
  })

  test('rotate gives a new code and the old one stops working', async () => {
    const invite = await org.client.invites.create({ emails: [email()], roles: ['user'] })
    const rotated = await org.client.invites.rotate(invite.id)
    assert.match(rotated.code, /^ic_/)
    assert.notEqual(rotated.code, invite.code)
    const shown = await org.client.invites.lookup(rotated.code)
    assert.equal(shown.status, 'pending')
    await assert.rejects(org.client.invites.lookup(invite.code), { name: 'NotFoundError' })
  })

  test('lookup shows the landing-page view and consumes nothing', async () => {
    const invite = await org.client.invites.create({
      emails: ['*@lookup.example.com'],
      roles: ['developer'],
      teams: ['web'],
      message: 'hi',
    })
    for (let i = 0; i < 3; i++) {
      const shown = await org.client.invites.lookup(invite.code)
      assert.equal(shown.organizationId, org.organization.id)
      assert.equal(shown.organizationName, org.organization.name)
      assert.deepEqual(shown.roles, ['developer'])
      assert.deepEqual(shown.teams, ['web'])
      assert.equal(shown.message, 'hi')
      assert.equal(shown.emailRestricted, true)
      assert.equal(shown.status, 'pending')
      assert.equal(shown.emails, undefined, 'never the address list')
    }
    assert.equal((await org.client.invites.get(invite.id)).useCount, 0)
  })

  test('accept creates a member; redemptions lists it', async () => {
    const ada = email('Ada')
    const invite = await org.client.invites.create({ emails: [ada], roles: ['developer'], teams: ['core'] })
    const member = await org.client.invites.accept({ code: invite.code, email: ada.toUpperCase(), userId: 'user_42' })
    assert.match(member.id, /^mem_/)
    assert.equal(member.email, ada.toLowerCase())
    assert.equal(member.userId, 'user_42')
    assert.equal(member.inviteId, invite.id)
    assert.deepEqual(member.roles, ['developer'])
    assert.deepEqual(member.teams, ['core'])
    const after = await org.client.invites.get(invite.id)
    assert.equal(after.status, 'accepted')
    assert.equal(after.useCount, 1)
    assert.ok(after.lastUsedAt)
    const page = await org.client.invites.redemptions(invite.id)
    assert.equal(page.data.length, 1)
    const [r] = page.data
    assert.match(r.id, /^red_/)
    assert.equal(r.memberId, member.id)
    assert.equal(r.inviteId, invite.id)
    assert.equal(r.email, ada.toLowerCase())
    assert.equal(r.userId, 'user_42')
  })
})

describe('members', () => {
  test('list, get and remove', async () => {
    const who = email('member')
    const invite = await org.client.invites.create({ emails: [who], roles: ['viewer'] })
    const member = await org.client.invites.accept({ code: invite.code, email: who })
    const page = await org.client.members.list({ email: who })
    assert.deepEqual(
      page.data.map((m) => m.id),
      [member.id],
    )
    const got = await org.client.members.get(member.id)
    assert.equal(got.email, who)
    assert.ok(!Number.isNaN(Date.parse(got.createdAt)))
    const removed = await org.client.members.remove(member.id)
    assert.equal(removed.id, member.id)
    await assert.rejects(org.client.members.get(member.id), { name: 'NotFoundError', status: 404 })
    assert.equal((await org.client.members.list({ email: who })).data.length, 0)
  })
})

describe('configuration', () => {
  test('baseUrl and apiKey fall back to INVITES_BASE_URL / INVITES_API_KEY', async () => {
    const saved = { url: process.env.INVITES_BASE_URL, key: process.env.INVITES_API_KEY }
    process.env.INVITES_BASE_URL = `${server.baseUrl}/`
    process.env.INVITES_API_KEY = org.apiKey
    try {
      const client = new Client()
      assert.equal(client.baseUrl, server.baseUrl)
      assert.equal((await client.organizations.get()).id, org.organization.id)
    } finally {
      for (const [k, v] of [['INVITES_BASE_URL', saved.url], ['INVITES_API_KEY', saved.key]]) {
        if (v === undefined) delete process.env[k]
        else process.env[k] = v
      }
    }
  })

  test('arguments and options override the environment', async () => {
    const saved = process.env.INVITES_BASE_URL
    process.env.INVITES_BASE_URL = 'http://127.0.0.1:9'
    try {
      const client = new Client({ baseUrl: server.baseUrl, apiKey: org.apiKey, timeout: 10_000, maxRetries: 0 })
      assert.equal(client.baseUrl, server.baseUrl)
      assert.equal((await client.organizations.get({ timeout: 5_000, maxRetries: 1 })).id, org.organization.id)
    } finally {
      if (saved === undefined) delete process.env.INVITES_BASE_URL
      else process.env.INVITES_BASE_URL = saved
    }
  })
})

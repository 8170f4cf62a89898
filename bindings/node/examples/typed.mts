// Type-checked (`tsc -p tsconfig.json`, strict) against the generated index.d.mts: it calls every
// method of the client, so a method or model missing from the declarations fails the check.
// It is not run; test/*.test.mjs run the same calls against a real server.
import Client, {
  APIStatusError,
  type ApiKey,
  type ApiKeyCreated,
  type Event,
  APITimeoutError,
  InvalidArgumentError,
  NotFoundError,
  RateLimitError,
  type Invite,
  type InviteBatch,
  type InviteCreate,
  type InviteLookup,
  type InviteStatus,
  type ListInvitesParams,
  type Member,
  type Organization,
  type OrganizationCreated,
  type Page,
  type Redemption,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookEndpointCreated,
  WebhookTimestampError,
  WebhookVerificationError,
} from 'invites-sdk'

declare const process: { env: Record<string, string | undefined> }

export async function everyMethod(): Promise<void> {
  const admin = new Client({ baseUrl: 'http://127.0.0.1:8080', apiKey: process.env['ADMIN'] ?? '' })
  const created: OrganizationCreated = await admin.organizations.create(
    { name: 'Acme', roles: ['admin', 'developer'] },
    { idempotencyKey: 'org-acme' },
  )
  const client = new Client({ apiKey: created.apiKey, timeout: 5_000, maxRetries: 1 })
  const org: Organization = await client.organizations.get()
  const roles: string[] = org.roles

  const body: InviteCreate = {
    emails: ['ada@example.com'],
    roles: ['developer'],
    expiresAt: new Date(Date.now() + 86_400_000),
    metadata: { source: 'typed example' },
  }
  const invite: Invite = await client.invites.create(body, { idempotencyKey: 'k1', timeout: 1_000 })
  const code: string | undefined = invite.code
  const batch: InviteBatch = await client.invites.createBatch({
    emails: ['grace@example.com'],
    roles: ['developer'],
    ttlSeconds: 3600,
  })
  const again: Invite = await client.invites.get(invite.id)
  const updated: Invite = await client.invites.update(invite.id, { maxUses: 2, enabled: true })
  const rotated: Invite = await client.invites.rotate(invite.id)
  const shown: InviteLookup = await client.invites.lookup(rotated.code ?? '')
  const emailRestricted: boolean = shown.emailRestricted
  const member: Member = await client.invites.accept({
    code: rotated.code ?? '',
    email: 'ada@example.com',
    userId: 'user_42',
  })
  const revoked: Invite = await client.invites.revoke(batch.data[0]!.id)
  const status: InviteStatus = revoked.status

  const params: ListInvitesParams = { status: 'pending', limit: 10 }
  const first: Page<Invite> = await client.invites.list(params)
  if (first.hasNextPage()) {
    const second: Page<Invite> = await first.getNextPage()
    void second.nextPageToken
  }
  for await (const i of client.invites.list({ email: 'ada@example.com' })) {
    const id: string = i.id
    void id
  }
  for await (const r of client.invites.redemptions(invite.id, { limit: 5 })) {
    const who: Redemption = r
    void who.memberId
  }
  const redemptions: Page<Redemption> = await client.invites.redemptions(invite.id)
  const members: Page<Member> = await client.members.list({ email: 'ada@example.com' })
  for await (const m of client.members.list()) void m.email
  const one: Member = await client.members.get(member.id)
  const removed: Member = await client.members.remove(one.id)

  const key: ApiKeyCreated = await client.apiKeys.create({ name: 'billing worker' })
  const keys: Page<ApiKey> = await client.apiKeys.list({ limit: 10 })
  for await (const k of client.apiKeys.list()) void k.lastUsedAt
  const revokedKey: ApiKey = await client.apiKeys.revoke(key.id)

  const events: Page<Event> = await client.events.list({ type: 'invite.accepted', limit: 10 })
  for await (const e of client.events.list()) void [e.type, e.actor.id, e.data, events.nextPageToken]

  try {
    await client.invites.get('inv_missing')
  } catch (e) {
    if (e instanceof NotFoundError) {
      const s: number = e.status
      const t: string = e.type
      const r: string | null = e.requestId
      void [s, t, r]
    } else if (e instanceof RateLimitError) {
      const wait: number | null = e.retryAfter
      void wait
    } else if (e instanceof APITimeoutError || e instanceof InvalidArgumentError) {
      const p: string | null = e.param
      void p
    } else if (e instanceof APIStatusError) {
      void e.message
    }
  }
  void [status, roles, code, again, updated, emailRestricted, first, redemptions, members, removed]
  void [key.secret, keys, revokedKey.revokedAt]
  const withMeta: { data: Organization; requestId: string | null; status: number } =
    await client.organizations.get({ headers: { 'Invites-Forwarded-For': '203.0.113.7' } }).withResponse()
  const firstPage = await client.invites.list().withResponse()
  const resent: Invite = await client.invites.resend(invite.id, { ttlSeconds: 3600 })
  for await (const d of client.invites.deliveries(invite.id)) void [d.status, d.lastError]
  void resent.code
  void [withMeta.requestId, firstPage.data.nextPageToken]

  const hook: WebhookEndpointCreated = await client.webhooks.create({
    url: 'https://app.example.com/hooks',
    eventTypes: ['invite.accepted'],
    description: 'CRM sync',
  })
  const hooks: Page<WebhookEndpoint> = await client.webhooks.list({ limit: 10 })
  for await (const w of client.webhooks.list()) void [w.url, w.enabled, w.disabledReason]
  const gotHook: WebhookEndpoint = await client.webhooks.get(hook.id)
  const paused: WebhookEndpoint = await client.webhooks.update(hook.id, { enabled: false, eventTypes: [] })
  const rotatedHook: WebhookEndpointCreated = await client.webhooks.rotateSecret(hook.id)
  const attempts: Page<WebhookDelivery> = await client.webhooks.deliveries(hook.id, { limit: 5 })
  for await (const a of client.webhooks.deliveries(hook.id)) void [a.eventId, a.statusCode, a.error, a.durationMs]
  const deletedHook: WebhookEndpoint = await client.webhooks.delete(hook.id)
  void [hooks, gotHook, paused, attempts, deletedHook]
  // Verifying what the endpoint receives: runs in the SDK, synchronously.
  const rawBody = new Uint8Array([123, 125]) // a Buffer in a real handler
  const received: Record<string, string | string[] | undefined> = { 'webhook-id': 'evt_1' }
  try {
    const event: Event = client.webhooks.unwrap(rawBody, received, rotatedHook.secret)
    client.webhooks.verify('{}', [['webhook-id', event.id]], hook.secret, { now: 1614265330 })
    if (event.type === 'invite.accepted') void event.data
  } catch (e) {
    if (e instanceof WebhookTimestampError) void e.type
    else if (e instanceof WebhookVerificationError) void [e.type, e.param]
  }
}

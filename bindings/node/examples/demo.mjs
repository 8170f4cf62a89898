// A walk through the Node SDK against a running server.
//
//   INVITES_BASE_URL=http://127.0.0.1:8080 INVITES_API_KEY=ik_... node examples/demo.mjs
//
// Creates an invite, looks it up (as a landing page would), accepts it, and lists what is there.
import { Client, InvitesError } from 'invites-sdk'

const client = new Client() // INVITES_BASE_URL, INVITES_API_KEY
const stamp = Date.now().toString(36)
const email = `ada-${stamp}@example.com`

try {
  const org = await client.organizations.get()
  console.log(`organization: ${org.name} (${org.id}), roles: ${org.roles.join(', ')}`)

  const invite = await client.invites.create({
    emails: [email],
    roles: ['developer'],
    teams: ['platform'],
    message: 'Welcome aboard!',
    ttlSeconds: 7 * 24 * 3600,
    metadata: { source: 'node demo' },
  })
  console.log(`created invite ${invite.id} for ${invite.emails.join(', ')}, status ${invite.status}, expires ${invite.expiresAt}`)
  console.log(`  link to send: ${invite.url}`)

  const shown = await client.invites.lookup(invite.code)
  console.log(
    `lookup: join ${shown.organizationName} as ${shown.roles.join(', ')}; restricted to certain addresses: ${shown.emailRestricted}; status ${shown.status}`,
  )

  try {
    await client.invites.accept({ code: invite.code, email: 'mallory@evil.example' })
    throw new Error('a stranger was let in')
  } catch (e) {
    if (!(e instanceof InvitesError)) throw e
    console.log(`stranger mallory@evil.example refused: ${e.name} ${e.status} ${e.type}`)
  }

  const member = await client.invites.accept({ code: invite.code, email, userId: `user-${stamp}` })
  console.log(`accepted: member ${member.id} (${member.email}) with roles ${member.roles.join(', ')}`)

  const after = await client.invites.get(invite.id)
  console.log(`invite ${after.id} is now ${after.status} (${after.useCount}/${after.maxUses ?? 'unlimited'} uses)`)

  const first = await client.invites.list({ limit: 5 })
  console.log(`first page of invites: ${first.data.length} (more pages: ${first.hasNextPage()})`)
  let invites = 0
  for await (const _ of client.invites.list({ limit: 50 })) invites += 1
  let members = 0
  for await (const _ of client.members.list()) members += 1
  console.log(`all pages: ${invites} invite(s), ${members} member(s)`)

  try {
    await client.invites.accept({ code: invite.code, email })
  } catch (e) {
    if (!(e instanceof InvitesError)) throw e
    console.log(`accepting again: ${e.name} ${e.status} ${e.type}: ${e.message} [${e.requestId}]`)
  }
} catch (e) {
  if (e instanceof InvitesError) {
    console.error(`demo failed: ${e.name} (status ${e.status}, type ${e.type}): ${e.message}`)
    process.exit(1)
  }
  throw e
}

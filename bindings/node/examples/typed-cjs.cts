// The CommonJS face (index.d.ts), type-checked like typed.mts.
import sdk = require('invites-sdk')

export async function viaRequire(): Promise<string> {
  const client = new sdk.Client({ baseUrl: 'http://127.0.0.1:8080', apiKey: 'ik_example' })
  const page: sdk.Page<sdk.Invite> = await client.invites.list({ limit: 1 })
  const member: sdk.Member = await client.members.get('mem_1')
  const Default: typeof sdk.Client = sdk.default
  void Default
  return `${page.data.length} ${member.email}`
}

// examples/demo.mjs runs as written against a real server.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, test } from 'node:test'

import { startServer } from './helpers.mjs'

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
let server
before(async () => {
  server = await startServer()
})
after(() => server?.stop())

test('the demo creates, looks up, accepts and lists', async () => {
  const org = await server.org()
  const out = execFileSync(process.execPath, ['examples/demo.mjs'], {
    cwd: pkgDir,
    env: { ...process.env, INVITES_BASE_URL: server.baseUrl, INVITES_API_KEY: org.apiKey },
    encoding: 'utf8',
  })
  assert.match(out, /^created invite inv_\w+ for ada-\w+@example\.com, status pending/m)
  assert.match(out, /^lookup: join .* as developer; restricted to certain addresses: true; status pending$/m)
  assert.match(out, /^stranger mallory@evil\.example refused: PermissionDeniedError 403 email_not_allowed$/m)
  assert.match(out, /^accepted: member mem_\w+/m)
  assert.match(out, /is now accepted \(1\/1 uses\)$/m)
  assert.match(out, /^all pages: 1 invite\(s\), 1 member\(s\)$/m)
  assert.match(out, /^accepting again: ConflictError 409 already_member: .* \[req_\w+\]$/m)
})

// CommonJS `require` and ESM `import` load one addon with one class identity, by path and by
// package name. The packed tarballs are installed into an empty project by `cargo xtask test`'s
// "installed packages" step (xtask/src/dist.rs), with no Rust toolchain on PATH.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, test } from 'node:test'

import { startServer } from './helpers.mjs'

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const EXPORTS = [
  'Client',
  'Invites',
  'Members',
  'Organizations',
  'Page',
  'PagePromise',
  'InvitesError',
  'APIStatusError',
  'BadRequestError',
  'AuthenticationError',
  'PermissionDeniedError',
  'NotFoundError',
  'ConflictError',
  'GoneError',
  'PayloadTooLargeError',
  'RateLimitError',
  'InternalServerError',
  'APIConnectionError',
  'APITimeoutError',
  'InvalidArgumentError',
  'VERSION',
]

let server
let org
before(async () => {
  server = await startServer()
  org = await server.org()
})
after(() => server?.stop())

test('require and import give the same objects, by path and by package name', async () => {
  const require = createRequire(import.meta.url)
  const cjs = require('invites-sdk') // the package's own name resolves to itself via "exports"
  const esm = await import('invites-sdk')
  for (const name of EXPORTS) {
    assert.ok(cjs[name] !== undefined, `require lacks ${name}`)
    assert.equal(esm[name], cjs[name], `import and require disagree on ${name}`)
  }
  assert.equal(esm.default, cjs.Client)
  assert.equal(cjs.default, cjs.Client)
  assert.equal(require(path.join(pkgDir, 'index.js')), cjs)
  assert.equal((await import(path.join(pkgDir, 'index.mjs'))).Client, cjs.Client)
  assert.equal(cjs.VERSION, JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'))).version)
})

function run(cwd, args, env = {}) {
  return execFileSync(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

const SCRIPT_CJS = `
const { Client, NotFoundError } = require('invites-sdk')
const client = new Client()
client.organizations.get().then(async (org) => {
  const err = await client.invites.get('inv_missing').catch((e) => e)
  console.log(JSON.stringify({ org: org.id, notFound: err instanceof NotFoundError }))
})`
const SCRIPT_ESM = `
import Client, { NotFoundError } from 'invites-sdk'
const client = new Client()
const org = await client.organizations.get()
const err = await client.invites.get('inv_missing').catch((e) => e)
console.log(JSON.stringify({ org: org.id, notFound: err instanceof NotFoundError }))`

test('a fresh process loads it by require (CommonJS) and by import (ESM)', () => {
  const env = { INVITES_BASE_URL: server.baseUrl, INVITES_API_KEY: org.apiKey }
  const expected = { org: org.organization.id, notFound: true }
  assert.deepEqual(JSON.parse(run(pkgDir, ['-e', SCRIPT_CJS], env)), expected)
  assert.deepEqual(JSON.parse(run(pkgDir, ['--input-type=module', '-e', SCRIPT_ESM], env)), expected)
})
